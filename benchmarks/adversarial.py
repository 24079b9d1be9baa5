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


# Hostile inputs: runs that look like numbers, qualifiers, scales or separators but hold
# (almost) no quantity. Each must finish well under LIMIT.
HOSTILE = {
    "digits with commas 1,1,1,…": _fill("1,"),
    "thousands groups 1,000,000,…": _fill("1,000"),
    "one long digit run": _fill("7"),
    "digits and dots 1.1.1.…": _fill("1."),
    "digits with spaces 1 1 1 …": _fill("1 "),
    "hyphenated digits 1-1-1-…": _fill("1-"),
    "digits and slashes 1/1/1/…": _fill("1/"),
    "clock times 1:11 1:11 …": _fill("1:11 "),
    "scale words million million …": _fill("million "),
    "scale suffixes bn bn bn …": _fill("bn "),
    "qualifiers over over …": _fill("over "),
    "qualifier phrases more than more than …": _fill("more than "),
    "number words one-one-one-…": _fill("one-"),
    "number words one one one …": _fill("one "),
    "articles a a a …": _fill("a "),
    "hyphens ------": _fill("-"),
    "spaces": _fill(" "),
    "hyphens and spaces - - -": _fill("- "),
    "currency signs $$$$": _fill("$"),
    "no spaces letters": _fill("abcdefghij"),
    "unicode fractions ½½½": _fill("½"),
    "exponents 1e1e1e…": _fill("1e"),
    "newlines": _fill("\n"),
}

# Dense inputs: every few characters a real quantity (hundreds of thousands per MB, a
# hundred times denser than news). Time grows with the number of quantities; these are
# reported per quantity and checked for linear growth (1 MB vs 0.25 MB), not against LIMIT.
DENSE = {
    "currency amounts $1 $1 …": "$1 ",
    "percentages 1% 1% …": "1% ",
    "units 1 km 1 km …": "1 km ",
    "ranges 1 to 2 1 to 2 …": "1 to 2 ",
    "a hundred a hundred …": "a hundred ",
    "thousands of thousands of …": "thousands of ",
    "news-like sentences": "Over 800 million users and at least 40 accounts, up to 3 years. ",
}


def _time(text: str) -> tuple[float, int]:
    t = time.perf_counter()
    n = len(cc.parse_quantities(text))
    return time.perf_counter() - t, n


def main() -> int:
    cc.parse_quantities("warm up: 5 km")
    worst = 0.0
    print(f"{'hostile input (1 MB each)':<46} {'seconds':>8} {'quantities':>11}")
    for name, text in HOSTILE.items():
        dt, n = _time(text)
        worst = max(worst, dt)
        flag = "" if dt < LIMIT else "  << too slow"
        print(f"{name:<46} {dt:8.3f} {n:11d}{flag}")
    print(f"worst hostile: {worst:.3f} s (limit {LIMIT} s)")
    print()
    print(f"{'dense input':<34} {'s/0.25MB':>9} {'s/1MB':>8} {'growth':>7} {'quantities/MB':>14} {'us/quantity':>12}")
    linear = True
    for name, unit in DENSE.items():
        small, _ = _time((unit * (SIZE // 4 // len(unit) + 1))[: SIZE // 4])
        big, n = _time(_fill(unit))
        growth = big / small if small else float("inf")
        linear &= growth < 6.0  # 4x the text: about 4x the time
        print(f"{name:<34} {small:9.3f} {big:8.3f} {growth:6.1f}x {n:14d} {big / max(n, 1) * 1e6:12.1f}")
    print(f"dense inputs grow linearly: {linear}")
    return 0 if worst < LIMIT and linear else 1


if __name__ == "__main__":
    sys.exit(main())
