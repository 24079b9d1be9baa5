"""Throughput of parse_quantities and extract on the seed articles and the news corpus.

Usage: python benchmarks/throughput.py [--repeat N] [--against REV]

Prints characters per second for each stage on each text set (best of N runs, after one
warm-up run that also pays the one-off lexicon and registry loading). Needs ../shared.

Then parse_quantities and extract of this tree against those of an earlier commit
(``--against``, by default where this branch left ``main``), each timed in a subprocess of
its own on the same texts: the earlier package is taken out of git (``git archive``) into a temporary
directory. Figures are given as a ratio, which holds on a busy machine where absolute
speeds do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import claimcheck as cc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Runs in a subprocess with a package directory first on sys.path: times parse_quantities
# and extract (plain texts, so any earlier version can run it).
_RUNNER = r"""
import glob, json, sys, time
sys.path.insert(0, sys.argv[1])
import claimcheck as cc
sets = json.loads(sys.argv[2])
repeat = int(sys.argv[3])
out = {}
for stage, fn in (("parse_quantities", cc.parse_quantities), ("extract", cc.extract)):
    for name, pattern in sets.items():
        texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(pattern))]
        for t in texts:
            fn(t)
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for t in texts:
                fn(t)
            best = min(best, time.perf_counter() - t0)
        out[stage + " " + name] = sum(len(t) for t in texts) / best
print(json.dumps(out))
"""


def _seed_docs() -> list[cc.Document]:
    return [cc.Document(id=p.name[:3], text=p.read_text("utf-8"))
            for p in sorted((SHARED / "seeds").glob("*.txt"))]


def _corpus_docs() -> list[cc.Document]:
    docs = []
    for meta_path in sorted((SHARED / "corpus").glob("*/meta.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        for art in meta["articles"]:
            text = (meta_path.parent / art["file"]).read_text("utf-8")
            pub = art.get("published")
            published = dt.date.fromisoformat(pub[:10]) if pub else None
            docs.append(cc.Document(id=f"{meta['cluster']}/{art['file']}", text=text,
                                    published=published, source=art.get("outlet")))
    return docs


def _rate(fn, docs: list[cc.Document], repeat: int) -> tuple[float, int]:
    chars = sum(len(d.text) for d in docs)
    fn(docs)  # warm-up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(docs)
        best = min(best, time.perf_counter() - t0)
    return chars / best, chars


def _default_rev() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "HEAD~1"


def _package_at(rev: str, into: Path) -> Path:
    """The claimcheck package as it was at ``rev``, unpacked under ``into``."""
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "claimcheck"], capture_output=True,
                         check=True).stdout
    with tarfile.open(fileobj=BytesIO(tar)) as f:
        f.extractall(into, filter="data")
    return into


def _parse_rates(package_dir: Path, repeat: int) -> dict[str, float]:
    sets = {"seeds": str(SHARED / "seeds" / "*.txt"), "corpus": str(SHARED / "corpus" / "*" / "*.txt")}
    out = subprocess.run([sys.executable, "-c", _RUNNER, str(package_dir), json.dumps(sets), str(repeat)],
                         capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--against", default=None, help="an earlier commit to compare parse_quantities with")
    args = ap.parse_args()
    sets = {"seeds": _seed_docs(), "corpus": _corpus_docs()}
    stages = {
        "parse_quantities": lambda ds: [cc.parse_quantities(d.text) for d in ds],
        "extract": lambda ds: [cc.extract(d) for d in ds],
        "check": lambda ds: cc.check(ds),
    }
    print(f"{'stage':<18}{'text set':<10}{'docs':>6}{'chars':>10}{'chars/s':>14}")
    for stage, fn in stages.items():
        for name, docs in sets.items():
            if stage == "check" and name == "corpus":
                continue  # the corpus is ten stories, not one
            rate, chars = _rate(fn, docs, args.repeat)
            print(f"{stage:<18}{name:<10}{len(docs):>6}{chars:>10,}{rate:>14,.0f}")

    rev = args.against or _default_rev()
    with tempfile.TemporaryDirectory() as tmp:
        old = _parse_rates(_package_at(rev, Path(tmp)), args.repeat)
        new = _parse_rates(ROOT, args.repeat)
    print(f"\nthis tree against {rev[:12]} (chars/s, each in its own process)")
    print(f"{'stage and text set':<28}{'this tree':>14}{'earlier':>14}{'ratio':>8}")
    for name in new:
        print(f"{name:<28}{new[name]:>14,.0f}{old[name]:>14,.0f}{new[name] / old[name]:>7.2f}x")


if __name__ == "__main__":
    main()
