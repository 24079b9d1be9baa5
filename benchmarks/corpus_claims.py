"""Run extract on every article of ../shared/corpus and print claims per article.

Usage: python benchmarks/corpus_claims.py [--sample N] [--seed S]

With --sample, also prints N randomly drawn claims (sentence, quote, subject, metric,
value, attribution) for a person to judge by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from throughput import _corpus_docs  # noqa: E402

import claimcheck as cc  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    all_claims: list[cc.Claim] = []
    for d in _corpus_docs():
        claims = cc.extract(d)
        all_claims.extend(claims)
        print(f"{d.id:<36}{len(d.text):>7} chars {len(claims):>4} claims")
    n_docs = len(_corpus_docs())
    print(f"total: {len(all_claims)} claims in {n_docs} articles "
          f"({len(all_claims) / n_docs:.1f} per article)")
    if args.sample:
        rng = random.Random(args.seed)
        pool = [c for c in all_claims if c.quantity.kind != "date"]
        for i, c in enumerate(rng.sample(pool, min(args.sample, len(pool))), 1):
            att = " > ".join(c.attribution.chain or (c.attribution.source,)) if c.attribution else "-"
            print(f"\n[{i}] {c.doc_id}: {c.sentence.exact}")
            print(f"    quote={c.span.exact!r} subject={c.subject!r} metric={c.metric!r} "
                  f"value={c.quantity.value} [{c.quantity.low}, {c.quantity.high}] "
                  f"unit={c.quantity.unit} time={c.time} attribution={att} rule={c.rule}")


if __name__ == "__main__":
    main()
