"""Adversarial inputs of 1 MB for parse_quantities: each must finish well under a second.

Run: .venv/bin/python benchmarks/adversarial.py   (exit status 1 if any input takes >= 1 s)
"""

from __future__ import annotations

import sys
import time

import claimcheck as cc

SIZE = 1_000_000
LIMIT = 1.0


def _fill(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


INPUTS = {
    "digits with commas 1,1,1,…": _fill("1,"),
    "thousands groups 1,000,000,…": _fill("1,000"),
    "one long digit run": _fill("7"),
    "digits and dots 1.1.1.…": _fill("1."),
    "digits with spaces 1 1 1 …": _fill("1 "),
    "hyphenated digits 1-1-1-…": _fill("1-"),
    "scale words million million …": _fill("million "),
    "plural scales thousands of thousands of …": _fill("thousands of "),
    "qualifiers over over …": _fill("over "),
    "qualifier phrases more than more than …": _fill("more than "),
    "number words one-one-one-…": _fill("one-"),
    "number words one one one …": _fill("one "),
    "articles a a a …": _fill("a "),
    "a hundred a hundred …": _fill("a hundred "),
    "hyphens ------": _fill("-"),
    "spaces": _fill(" "),
    "hyphens and spaces - - -": _fill("- "),
    "currency $$$$": _fill("$"),
    "currency amounts $1 $1 …": _fill("$1 "),
    "ranges 1 to 1 to 1 …": _fill("1 to "),
    "between between …": _fill("between 1 and "),
    "percent 1% 1% …": _fill("1% "),
    "units 1 km 1 km …": _fill("1 km "),
    "compound units km/km/km/…": _fill("1 km/km/"),
    "ordinals 1st 1st …": _fill("1st "),
    "months May 1 May 1 …": _fill("May 1 "),
    "news-like sentences": _fill("Over 800 million users and at least 40 accounts, up to 3 years. "),
    "no spaces letters": _fill("abcdefghij"),
    "unicode fractions ½½½": _fill("½"),
    "exponents 1e1e1e…": _fill("1e"),
    "quotes and digits 1\"1\"": _fill('1"'),
    "newlines": _fill("\n"),
}


def main() -> int:
    cc.parse_quantities("warm up: 5 km")
    worst = 0.0
    print(f"{'input (1 MB each)':<46} {'seconds':>8} {'quantities':>11}")
    for name, text in INPUTS.items():
        t = time.perf_counter()
        n = len(cc.parse_quantities(text))
        dt = time.perf_counter() - t
        worst = max(worst, dt)
        flag = "" if dt < LIMIT else "  << too slow"
        print(f"{name:<46} {dt:8.3f} {n:11d}{flag}")
    print(f"worst: {worst:.3f} s (limit {LIMIT} s)")
    return 0 if worst < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
