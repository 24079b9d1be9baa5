"""How claimcheck.check scales: synthetic claims over many documents, time and peak memory.

    python benchmarks/check_scale.py [--claims 100000] [--docs 1000] [--seed 4]

The claims are built up front (the extractor is replaced by a lookup), so the figures are
those of grouping and comparing alone. Grouping hashes each claim into a bucket (O(n));
each bucket is compared through its k distinct values with one sort and a sweep
(O(k log k)); no pair of claims is ever compared directly. The script runs a few sizes to
show that time per claim stays flat, then measures peak memory at the full size with
tracemalloc (a separate run, since tracing slows Python down).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import claimcheck as cc  # noqa: E402
from claimcheck.models import Attribution, Claim, Quantity, Span  # noqa: E402

METRICS = ["users", "monthly active users", "employees", "deaths", "injuries", "revenue",
           "accounts", "followers", "downloads", "duration", "arrests", "stores"]
UNITS = {"revenue": "USD", "duration": "day"}
ORIGINS = ["Xinhua", "Reuters", "AP", "AFP", "the ministry", "police", "the company"]


def synthetic_claims(n: int, docs: int, seed: int) -> list[Claim]:
    """``n`` claims spread over ``docs`` documents. Subjects and metrics repeat across documents
    so that buckets fill up; each (subject, metric) has a few candidate values, so agreement,
    compatible, conflict and misattribution findings all occur."""
    rnd = random.Random(seed)
    subjects = [f"Entity {i}" for i in range(max(10, n // 50))]
    out = []
    for i in range(n):
        doc = f"doc{i % docs}"
        subject = rnd.choice(subjects)
        metric = rnd.choice(METRICS)
        base = (zlib.crc32(f"{subject}|{metric}".encode()) % 9000 + 1000) * 1000  # stable across runs
        value = float(base * rnd.choice([1, 1, 1, 1.1, 2]))
        qualifier = rnd.choice(["exact", "exact", "exact", "more_than", "approximate", "at_least"])
        text = f"{value:g}"
        start = 50 * (i // docs)
        sentence = Span(doc_id=doc, start=start, end=start + 40, exact="x" * 40)
        span = Span(doc_id=doc, start=start, end=start + len(text), exact=text)
        low = value if qualifier in ("exact", "more_than", "at_least", "approximate") else None
        high = value if qualifier in ("exact", "approximate") else None
        q = Quantity(text=text, start=start, end=start + len(text), value=value, low=low, high=high,
                     qualifier=qualifier, unit=UNITS.get(metric),
                     kind="duration" if metric == "duration" else "currency" if metric == "revenue" else "count")
        attribution = None
        if rnd.random() < 0.4:
            origin = rnd.choice(ORIGINS)
            attribution = Attribution(source=origin, cue="said", chain=(origin,), span=span)
        out.append(Claim(id=f"{doc}:{i}", doc_id=doc, subject=subject, metric=metric, quantity=q,
                         time=rnd.choice([None, None, None, "2014"]), attribution=attribution,
                         span=span, sentence=sentence))
    return out


def run(claims: list[Claim], docs: int) -> tuple[float, cc.Report]:
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id, []).append(c)
    documents = [cc.Document(id=f"doc{i}", text="") for i in range(docs)]
    t0 = time.perf_counter()
    report = cc.check(documents, extract=lambda d: by_doc.get(d.id, []))
    return time.perf_counter() - t0, report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--docs", type=int, default=1_000)
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()

    print(f"check_scale: {args.claims:,} synthetic claims over {args.docs:,} documents")
    for n in sorted({args.claims // 10, args.claims // 3, args.claims}):
        t_build = time.perf_counter()
        claims = synthetic_claims(n, args.docs, args.seed)
        t_build = time.perf_counter() - t_build
        seconds, report = run(claims, args.docs)
        kinds: dict[str, int] = {}
        for f in report.findings:
            kinds[f.kind] = kinds.get(f.kind, 0) + 1
        print(f"  {n:>9,} claims: check {seconds:6.2f} s ({1e6 * seconds / n:5.1f} µs/claim; "
              f"building the claims took {t_build:.2f} s); findings {dict(sorted(kinds.items()))}")

    claims = synthetic_claims(args.claims, args.docs, args.seed)
    tracemalloc.start()
    run(claims, args.docs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"  peak memory allocated by check at {args.claims:,} claims: {peak / 2**20:.1f} MiB "
          f"(tracemalloc); process max RSS {rss:.0f} MiB including the claims themselves")
    print("  grouping: O(n) hashing into buckets + O(k log k) per bucket of k distinct values; "
          "no all-pairs comparison")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
