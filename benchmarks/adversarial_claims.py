"""extract() and check() on hostile run-on text: linear time, bounded memory and output.

Usage: python benchmarks/adversarial_claims.py [--kb N] [--dense-kb M]

Each input of the first table is one giant "sentence" built from a repeated unit (figures,
names, relative clauses, reporting verbs, multipliers, weekdays). Linear work means the
time at 2N is about twice the time at N; the ratio column says how far from that each
input is.

The second table (issue 8) feeds the two densest hostile inputs, ``"one °C "`` (a claim
every 7 characters) and ``"12, "`` (a quantity every 4), to ``extract`` and to ``check``
(two documents, the text and a copy) and prints seconds per MB, peak memory traced by
``tracemalloc`` (a separate run, since tracing slows the code down), the claims the
report keeps (``check`` keeps at most ``max_claims_per_document`` of each document, 1,000
by default, and says so in ``Report.warnings``) and the size of ``Report.to_json()``.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import claimcheck as cc

UNITS = {
    "figures in a list": "5 users, ",
    "figure clauses joined by and": "WeChat has 5 users and ",
    "capitalised names": "Acme Corp Beta Gamma ",
    "relative clauses": "X, which has 5 users, ",
    "reporting verbs": "He said 5 people said ",
    "multipliers": "It has twice as many users, 5 million, as Pico's 2 million ",
    "weekdays": "The campaign started Tuesday and ",
    "bare digits": "1 ",
    "hyphens and spaces": "- -- --- ",
}


def _time(text: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = len(cc.extract(text))
    return time.perf_counter() - t0, n


DENSE = {"one °C": "one °C ", "12,": "12, "}


def _measure(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Seconds of one untraced run, peak traced MB of a second run, and the result."""
    t0 = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    try:
        fn()
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    return seconds, peak, result


def dense(kb: int) -> None:
    print(f"{'dense input':<14}{'stage':<9}{'MB in':>7}{'s':>8}{'s/MB':>8}{'peak MB':>9}"
          f"{'claims':>9}{'kept':>7}{'JSON MB':>9}  warnings")
    for name, unit in DENSE.items():
        text = unit * (kb * 1000 // len(unit))
        mb = len(text.encode("utf-8")) / 1e6
        s, peak, claims = _measure(lambda text=text: cc.extract(text))
        print(f"{name:<14}{'extract':<9}{mb:>7.2f}{s:>8.2f}{s / mb:>8.2f}{peak:>9.0f}{len(claims):>9}{'':>7}{'':>9}")
        docs = [cc.Document(id="a", text=text), cc.Document(id="b", text=text + " ")]
        s, peak, report = _measure(lambda docs=docs: cc.check(docs))
        out = len(report.to_json().encode("utf-8")) / 1e6
        print(f"{name:<14}{'check':<9}{2 * mb:>7.2f}{s:>8.2f}{s / (2 * mb):>8.2f}{peak:>9.0f}"
              f"{2 * len(claims):>9}{len(report.claims):>7}{out:>9.1f}  {len(report.warnings)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kb", type=int, default=100, help="size of the smaller input, in KB")
    ap.add_argument("--dense-kb", type=int, default=250, help="size of each dense input, in KB")
    args = ap.parse_args()
    size = args.kb * 1000
    print(f"{'input':<30}{'claims':>8}{f'{args.kb} KB s':>10}{f'{2 * args.kb} KB s':>10}{'ratio':>8}")
    for name, unit in UNITS.items():
        small = unit * (size // len(unit))
        t1, n = _time(small)
        t2, _ = _time(small + small)
        print(f"{name:<30}{n:>8}{t1:>10.2f}{t2:>10.2f}{t2 / t1:>8.2f}")
    print()
    dense(args.dense_kb)


if __name__ == "__main__":
    main()
