"""extract() on hostile run-on text: time at two sizes, to show it stays linear.

Usage: python benchmarks/adversarial_claims.py [--kb N]

Each input is one giant "sentence" built from a repeated unit (figures, names, relative
clauses, reporting verbs, multipliers, weekdays). Linear work means the time at 2N is about
twice the time at N; the ratio column says how far from that each input is.
"""

from __future__ import annotations

import argparse
import time

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kb", type=int, default=100, help="size of the smaller input, in KB")
    args = ap.parse_args()
    size = args.kb * 1000
    print(f"{'input':<30}{'claims':>8}{f'{args.kb} KB s':>10}{f'{2 * args.kb} KB s':>10}{'ratio':>8}")
    for name, unit in UNITS.items():
        small = unit * (size // len(unit))
        t1, n = _time(small)
        t2, _ = _time(small + small)
        print(f"{name:<30}{n:>8}{t1:>10.2f}{t2:>10.2f}{t2 / t1:>8.2f}")


if __name__ == "__main__":
    main()
