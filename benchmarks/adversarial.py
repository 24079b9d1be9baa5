"""Adversarial inputs of 1 MB for parse_quantities: each must finish well under a second.

Run: .venv/bin/python benchmarks/adversarial.py   (exit status 1 if any hostile input takes
>= 1 s, a dense input grows faster than linearly, or one of DENSE_LIMIT takes longer per MB
than its limit)

Dense inputs run each in a subprocess of their own, so that the peak memory printed (the
resident set of that process, less what importing claimcheck took) is theirs alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import claimcheck as cc

ROOT = Path(__file__).resolve().parents[1]

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
    "comma lists 12, 12, …": "12, ",
    "temperatures one °C one °C …": "one °C ",
    "currency amounts $1 $1 …": "$1 ",
    "percentages 1% 1% …": "1% ",
    "units 1 km 1 km …": "1 km ",
    "ranges 1 to 2 1 to 2 …": "1 to 2 ",
    "a hundred a hundred …": "a hundred ",
    "thousands of thousands of …": "thousands of ",
    "primes 1' 1' …": "1' ",
    "news-like sentences": "Over 800 million users and at least 40 accounts, up to 3 years. ",
}


#: Dense inputs with a limit in s/MB (issue 8: "12, " at most 3 s/MB); the others must
#: grow linearly and are reported.
DENSE_LIMIT = {"comma lists 12, 12, …": 3.0}

# Runs in a subprocess: parse one dense input, print seconds, quantities and peak memory.
_DENSE_RUNNER = r"""
import json, resource, sys, time
import claimcheck as cc
cc.parse_quantities("warm up: 5 km")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
unit, size = sys.argv[1], int(sys.argv[2])
text = (unit * (size // len(unit) + 1))[:size]
t = time.perf_counter()
n = len(cc.parse_quantities(text))
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": dt, "quantities": n, "peak_kb": peak - base}))
"""


def _time(text: str) -> tuple[float, int]:
    t = time.perf_counter()
    n = len(cc.parse_quantities(text))
    return time.perf_counter() - t, n


def _dense(unit: str, size: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _DENSE_RUNNER, unit, str(size)], capture_output=True, text=True, check=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


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
    print(f"{'dense input':<34} {'s/0.25MB':>9} {'s/MB':>7} {'growth':>7} {'quantities/MB':>14} "
          f"{'us/quantity':>12} {'peak MB':>8}")
    linear = fast = True
    for name, unit in DENSE.items():
        small = _dense(unit, SIZE // 4)["seconds"]
        big = _dense(unit, SIZE)
        s_mb, n = big["seconds"], int(big["quantities"])
        growth = s_mb / small if small else float("inf")
        linear &= growth < 6.0  # 4x the text: about 4x the time
        limit = DENSE_LIMIT.get(name)
        flag = "" if limit is None or s_mb <= limit else f"  << over {limit} s/MB"
        fast &= not flag
        print(f"{name:<34} {small:9.3f} {s_mb:7.3f} {growth:6.1f}x {n:14d} {s_mb / max(n, 1) * 1e6:12.1f} "
              f"{big['peak_kb'] / 1024:8.1f}{flag}")
    print(f"dense inputs grow linearly: {linear}; within their s/MB limits: {fast}")
    return 0 if worst < LIMIT and linear and fast else 1


if __name__ == "__main__":
    sys.exit(main())
