"""Throughput of parse_quantities and extract on the seed articles and the news corpus.

Usage: python benchmarks/throughput.py [--repeat N]

Prints characters per second for each stage on each text set (best of N runs, after one
warm-up run that also pays the one-off lexicon and registry loading). Needs ../shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

import claimcheck as cc

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
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


if __name__ == "__main__":
    main()
