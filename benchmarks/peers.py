"""claimcheck and quantulum3 side by side on the peer suites, plus throughput.

Run from the repository root:  .venv/bin/python benchmarks/peers.py

- quantulum3 (PyPI ``quantulum3==0.10.0``) is installed into its own throw-away virtual
  environment, ``benchmarks/.peer-venv`` (git-ignored), on first run, and run there in a
  subprocess: none of its code enters this repository or this process. It runs in its
  default mode (no classifier extras).
- Every ``../shared/peers/*.jsonl`` file is scored for both, by ``tests/peer_scoring.py``
  (the rules of ``../shared/peers/README.md`` "How to score"): precision / recall / F1
  for value and value+unit, per kind. So is ``benchmarks/news_en.jsonl``, our own news-style
  suite in the same format: 105 sentences written for it and annotated by hand before
  either parser ran on them (every quantity annotated, scope "all"; ranges as low/high,
  qualified figures by their stated value), never used to tune the parser. A summary
  gives F1 with one column per suite.
- Throughput in characters per second on the seed articles (``../shared/seeds/*.txt``),
  the news corpus (``../shared/corpus/*/*.txt``) and on the peer texts, each parser timed in its own process on the same texts, after a
  warm-up call (best of 20 runs for claimcheck, best of 3 for quantulum3, which is slow).

Options: ``--no-peer`` scores claimcheck alone (no install).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import venv
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from peer_scoring import PEERS_DIR, load_rows, quantity_to_prediction, score_rows

import claimcheck as cc

PEER_VENV = ROOT / "benchmarks" / ".peer-venv"
NEWS_SUITE = ROOT / "benchmarks" / "news_en.jsonl"
PEER_PACKAGE = "quantulum3==0.10.0"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"

# Runs inside the peer's environment: reads {"texts": [...]} on stdin, writes predictions
# (one list per text) and the seconds spent parsing.
PEER_RUNNER = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
args = json.load(sys.stdin)
texts, repeat = args["texts"], args.get("repeat", 1)
parser.parse("warm up 5 km")
elapsed = float("inf")
for _ in range(repeat):  # best of `repeat` runs, as for claimcheck
    out = []
    t0 = time.perf_counter()
    for t in texts:
        try:
            qs = parser.parse(t)
        except Exception as e:  # the peer may fail on odd input; count it as no output
            qs = []
        out.append(qs)
    elapsed = min(elapsed, time.perf_counter() - t0)
preds = []
for qs in out:
    row = []
    for q in qs:
        unc = getattr(q, "uncertainty", None)
        unit = q.unit.name
        entity = q.unit.entity.name if q.unit.entity is not None else ""
        row.append({"start": q.span[0], "end": q.span[1], "value": q.value,
                    "uncertainty": unc, "unit": unit, "entity": entity,
                    "currency_code": getattr(q.unit, "currency_code", None)})
    preds.append(row)
json.dump({"seconds": elapsed, "predictions": preds}, sys.stdout)
"""


def ensure_peer() -> Path:
    """The peer environment's python, creating the environment on first use."""
    py = PEER_VENV / "bin" / "python"
    if not py.exists():
        print(f"creating {PEER_VENV} and installing {PEER_PACKAGE} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(PEER_VENV)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", PEER_PACKAGE], check=True)
    return py


def run_peer(py: Path, texts: list[str], repeat: int = 1) -> tuple[list[list[dict[str, Any]]], float]:
    """quantulum3's raw predictions for ``texts`` and the best seconds it spent parsing them."""
    proc = subprocess.run(
        [str(py), "-c", PEER_RUNNER], input=json.dumps({"texts": texts, "repeat": repeat}),
        capture_output=True, text=True, check=True,
    )
    out = json.loads(proc.stdout)
    return out["predictions"], float(out["seconds"])


def peer_prediction(p: dict[str, Any]) -> dict[str, Any]:
    """A quantulum3 quantity as a scoring prediction (ranges: value ± uncertainty)."""
    unit = p["unit"]
    entity = p.get("entity") or ""
    unit = {"dimensionless": None, "percentage": "percent", "pound-mass": "pound"}.get(unit, unit)
    if entity == "currency" or (unit and p.get("currency_code")):
        kind = "currency"
    elif entity == "temperature":
        kind = "temperature"
    elif unit == "percent":
        kind = "percent"
    elif unit is None:
        kind = "number"
    else:
        kind = "dimension"
    low = high = None
    unc = p.get("uncertainty")
    if unc and p["value"] is not None:
        low, high, kind = p["value"] - unc, p["value"] + unc, "range"
    return {"start": p["start"], "end": p["end"], "value": p["value"], "low": low,
            "high": high, "unit": unit, "kind": kind}


def time_claimcheck(texts: list[str], repeat: int = 20) -> float:
    """Best-of-``repeat`` seconds claimcheck takes to parse ``texts``."""
    cc.parse_quantities("warm up 5 km")
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            cc.parse_quantities(t)
        best = min(best, time.perf_counter() - t0)
    return best


def fmt(c: object) -> str:
    if c is None:
        return f"{'-':>17}"
    return f"{c.precision:5.3f} {c.recall:5.3f} {c.f1:5.3f}"  # type: ignore[attr-defined]


def print_scores(name: str, rows: list[dict[str, Any]], ours: dict[str, Any], theirs: dict[str, Any] | None) -> None:
    n_items = sum(1 for r in rows for e in r["expected"] if any(e.get(k) is not None for k in ("value", "low", "high")))
    print(f"\n## {name}: {len(rows)} rows, {n_items} scored items")
    print(f"{'criterion':<11} {'kind':<12} {'items':>5}   {'claimcheck P R F1':>17}   {'quantulum3 P R F1':>17}")
    for crit in ("value", "value+unit"):
        kinds = sorted(k for k in ours[crit] if not k.startswith("_") and k != "all")
        if theirs is not None:
            kinds = sorted(set(kinds) | {k for k in theirs[crit] if not k.startswith("_") and k != "all"})
        for kind in ["all", *kinds]:
            a = ours[crit].get(kind)
            b = theirs[crit].get(kind) if theirs is not None else None
            items = (a.tp + a.fn) if a is not None else (b.tp + b.fn if b is not None else 0)
            print(f"{crit:<11} {kind:<12} {items:>5}   {fmt(a)}   {fmt(b)}")
    for label, res in (("claimcheck", ours), ("quantulum3", theirs)):
        if res is None:
            continue
        ov, ident = res["value+unit"].get("_overlap"), res["value+unit"].get("_identical")
        if ov is not None and ov.tp + ov.fp:
            print(f"span agreement ({label}, over value+unit matches): overlap "
                  f"{ov.tp / (ov.tp + ov.fp):.3f}, identical {ident.tp / (ident.tp + ident.fp):.3f}")


def print_summary(summary: dict[str, dict[str, dict[str, Any]]]) -> None:
    """F1 (value, value+unit) of each parser, one column per suite."""
    names = list(summary)
    print("\n## summary: F1 by suite")
    print(f"{'parser':<12} {'criterion':<11} " + " ".join(f"{n:>22}" for n in names))
    for parser in ("claimcheck", "quantulum3"):
        for crit in ("value", "value+unit"):
            cells = []
            for n in names:
                res = summary[n].get(parser)
                c = res[crit].get("all") if res is not None else None
                cells.append(f"{c.f1:>22.3f}" if c is not None else f"{'-':>22}")
            if any(x.strip() != "-" for x in cells):
                print(f"{parser:<12} {crit:<11} " + " ".join(cells))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-peer", action="store_true", help="score claimcheck only")
    args = ap.parse_args()
    py = None if args.no_peer else ensure_peer()

    files = sorted(PEERS_DIR.glob("*.jsonl"))
    if not files:
        print(f"no peer suites in {PEERS_DIR}")
        return 1
    all_peer_texts: list[str] = []
    news_texts: list[str] = []
    summary: dict[str, dict[str, dict[str, Any]]] = {}
    for f in [*files, NEWS_SUITE]:
        rows = load_rows(f)
        if not rows:
            continue
        texts = [r["text"] for r in rows]
        if f == NEWS_SUITE:
            news_texts = texts
        else:
            all_peer_texts += texts
        ours = score_rows(rows, [[quantity_to_prediction(q) for q in cc.parse_quantities(t)] for t in texts])
        theirs = None
        if py is not None:
            raw, _ = run_peer(py, texts)
            theirs = score_rows(rows, [[peer_prediction(p) for p in ps] for ps in raw])
        print_scores(f.name, rows, ours, theirs)
        summary[f.name] = {"claimcheck": ours, "quantulum3": theirs} if theirs is not None else {"claimcheck": ours}
    print_summary(summary)

    print("\n## throughput (characters per second; parsing only, same texts, same machine)")
    print(f"{'texts':<28} {'chars':>8} {'claimcheck':>12} {'quantulum3':>12} {'ratio':>8}")
    seeds = [p.read_text("utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    # the news clusters: ten stories, 74 articles of real wire and web copy
    corpus = [p.read_text("utf-8") for p in sorted(SEEDS_DIR.parent.glob("corpus/*/*.txt"))]
    for label, texts in (("seed articles", seeds), ("corpus news articles", corpus),
                         ("peer texts", all_peer_texts), ("news suite texts (ours)", news_texts)):
        if not texts:
            continue
        chars = sum(len(t) for t in texts)
        ours_s = time_claimcheck(texts)
        ours_cps = chars / ours_s
        if py is not None:
            _, peer_s = run_peer(py, texts, repeat=3)
            peer_cps = chars / peer_s
            print(f"{label:<28} {chars:>8} {ours_cps:>12,.0f} {peer_cps:>12,.0f} {ours_cps / peer_cps:>7.0f}x")
        else:
            print(f"{label:<28} {chars:>8} {ours_cps:>12,.0f} {'-':>12} {'-':>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
