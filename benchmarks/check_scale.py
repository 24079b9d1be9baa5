"""How claimcheck.check scales: synthetic claims, time per claim and memory at three sizes.

    python benchmarks/check_scale.py [--sizes 10000,100000,1000000] [--claims-per-doc 100] [--seed 4]
    python benchmarks/check_scale.py --profile 100000     # cProfile of one check, top functions

The claims are built up front and passed to ``check(docs, claims=...)`` as stored claims
are (no extraction), so the figures are those of grouping, comparing and building the
report alone. Every size has the same shape, so that time per claim can be compared:
``--claims-per-doc`` claims a document, a subject per 50 claims, each (subject, metric)
with a few candidate values (agreement, compatible, conflict and misattribution findings
all occur), and a value space that grows with the number of subjects (two subjects share
a value about as often at every size: with a fixed value space, "the same figure on two
subjects" findings would grow with the square of the size, which is the data, not the
algorithm).

Each size runs in a process of its own, so memory is measured cleanly: the peak resident
memory the check adds on top of the claims it is given (``ru_maxrss`` after the check
minus before it), in bytes per claim; linear memory is a flat column.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import claimcheck as cc
from claimcheck.models import Attribution, Claim, Quantity, Span

METRICS = ["users", "monthly active users", "employees", "deaths", "injuries", "revenue",
           "accounts", "followers", "downloads", "duration", "arrests", "stores"]
UNITS = {"revenue": "USD", "duration": "day"}
ORIGINS = ["Xinhua", "Reuters", "AP", "AFP", "the ministry", "police", "the company"]
SENTENCE = "x" * 40


def synthetic_claims(n: int, per_doc: int, seed: int) -> tuple[list[cc.Document], list[Claim]]:
    """``n`` claims over ``n / per_doc`` documents, built without validation
    (``model_construct``: they are valid by construction, and building a million
    validated claims would take longer than checking them)."""
    rnd = random.Random(seed)
    docs = max(1, n // per_doc)
    subjects = [f"Entity {i}" for i in range(max(10, n // 50))]
    values = 90 * len(subjects)  # the value space grows with the subjects
    out = []
    for i in range(n):
        doc = f"doc{i % docs}"
        subject = rnd.choice(subjects)
        metric = rnd.choice(METRICS)
        base = (zlib.crc32(f"{subject}|{metric}".encode()) % values + 1000) * 1000  # stable across runs
        value = float(base * rnd.choice([1, 1, 1, 1.1, 2]))
        qualifier = rnd.choice(["exact", "exact", "exact", "more_than", "approximate", "at_least"])
        text = f"{value:g}"
        start = 50 * (i // docs)
        sentence = Span.model_construct(doc_id=doc, start=start, end=start + 40, exact=SENTENCE, prefix="", suffix="")
        span = Span.model_construct(doc_id=doc, start=start, end=start + len(text), exact=text, prefix="", suffix="")
        low = value if qualifier in ("exact", "more_than", "at_least", "approximate") else None
        high = value if qualifier in ("exact", "approximate") else None
        kind = "duration" if metric == "duration" else "currency" if metric == "revenue" else "count"
        q = Quantity.model_construct(text=text, start=start, end=start + len(text), value=value, low=low, high=high,
                                     low_inclusive=True, high_inclusive=True, qualifier=qualifier,
                                     unit=UNITS.get(metric), counted=None, kind=kind, rule="", latent=False)
        attribution = None
        if rnd.random() < 0.4:
            origin = rnd.choice(ORIGINS)
            attribution = Attribution.model_construct(source=origin, cue="said", chain=(origin,), span=span, rule="")
        fields = {name: f.get_default(call_default_factory=True) for name, f in Claim.model_fields.items()
                  if not f.is_required()}
        fields.update(id=f"{doc}:{i}", doc_id=doc, subject=subject, metric=metric, quantity=q,
                      time=rnd.choice([None, None, None, "2014"]), attribution=attribution, span=span,
                      sentence=sentence)
        out.append(Claim.model_construct(**fields))
    return [cc.Document(id=f"doc{i}", text="") for i in range(docs)], out


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def bare_grouping(claims: list[Claim]) -> float:
    """Seconds of the least any check must do: one plain loop that reads each claim's
    frame fields and files it in a dict (no comparison, no finding). Its time per claim
    is the floor of check's, and how it grows with the size is the machine's, not the
    algorithm's: memory far from the cache costs more per claim at 1M than at 10k."""
    t0 = time.perf_counter()
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        q = c.quantity
        groups.setdefault((c.event, c.subject, c.scope, c.metric, q.unit, c.background, q.change), []).append(c)
    return time.perf_counter() - t0


def measure(n: int, per_doc: int, seed: int) -> dict[str, float]:
    """One size: build, check, and the memory the check added (run in its own process)."""
    t0 = time.perf_counter()
    docs, claims = synthetic_claims(n, per_doc, seed)
    built = time.perf_counter() - t0
    cc.check([cc.Document(id="warm", text="")], claims=claims[:50])  # load lexicons and units first
    before = _rss_mib()
    t0 = time.perf_counter()
    report = cc.check(docs, claims=claims, max_claims_per_document=None)
    seconds = time.perf_counter() - t0
    after = _rss_mib()
    floor = bare_grouping(claims)
    kinds: dict[str, int] = {}
    for f in report.findings:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    return {"n": n, "seconds": seconds, "built": built, "rss_before": before, "rss_after": after,
            "findings": kinds, "warnings": len(report.warnings), "floor": floor}


def profile(n: int, per_doc: int, seed: int, top: int = 25) -> None:
    import cProfile
    import pstats

    docs, claims = synthetic_claims(n, per_doc, seed)
    cc.check([cc.Document(id="warm", text="")], claims=claims[:50])
    prof = cProfile.Profile()
    prof.enable()
    cc.check(docs, claims=claims, max_claims_per_document=None)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated numbers of claims")
    ap.add_argument("--claims-per-doc", type=int, default=100)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--profile", type=int, metavar="N", help="profile one check of N claims instead")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size, JSON out
    args = ap.parse_args()
    if args.profile:
        profile(args.profile, args.claims_per_doc, args.seed)
        return 0
    if args.one:
        print(json.dumps(measure(args.one, args.claims_per_doc, args.seed)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"check_scale: synthetic claims, {args.claims_per_doc} a document, passed as stored claims "
          f"(check(docs, claims=...), no cap)")
    print(f"  {'claims':>9}  {'check':>8}  {'µs/claim':>8}  {'vs first':>8}  {'RSS added':>10}  {'bytes/claim':>11}  "
          f"{'floor µs':>8}  {'vs first':>8}  findings")
    first = first_floor = None
    for n in sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), "--claims-per-doc", str(args.claims_per_doc),
                               "--seed", str(args.seed)], capture_output=True, text=True, check=True)
        r = json.loads(proc.stdout.splitlines()[-1])
        per = 1e6 * r["seconds"] / n
        first = first or per
        added = r["rss_after"] - r["rss_before"]
        floor = 1e6 * r["floor"] / n
        first_floor = first_floor or floor
        print(f"  {n:>9,}  {r['seconds']:>6.2f} s  {per:>8.2f}  {per / first:>7.2f}×  {added:>6.0f} MiB  "
              f"{added * 2**20 / n:>11,.0f}  {floor:>8.2f}  {floor / first_floor:>7.2f}×  "
              f"{dict(sorted(r['findings'].items()))}")
    print("  time per claim flat = the 'vs first' column near 1; memory linear = 'bytes/claim' flat")
    print("  floor = one bare loop filing every claim by its frame fields (no comparison): the least a check costs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
