"""Score a quantity parser on the peer suites in ``../shared/peers/*.jsonl``.

Follows "How to score" in ``../shared/peers/README.md``: three criteria (value,
value+unit, span), one-to-one matching (largest overlaps first, then augmenting paths
to a maximum matching), value-less items unscored, false positives charged per row scope.
Used by ``tests/test_peers_score.py`` (a ratchet) and ``benchmarks/peers.py`` (the table).

A prediction is a dict with ``start``, ``end``, ``value``, ``low``, ``high``, ``unit`` and
``kind`` (a suite kind: number, percent, currency, dimension, temperature, ordinal, range).

Example:
    >>> row = {"scope": ["all"], "text": "3 km", "expected": [
    ...     {"start": 0, "end": 4, "value": 3.0, "low": None, "high": None,
    ...      "unit": "kilometre", "kind": "dimension"}]}
    >>> pred = {"start": 0, "end": 4, "value": 3.0, "low": 3.0, "high": 3.0,
    ...         "unit": "kilometer", "kind": "dimension"}
    >>> s = score_rows([row], [[pred]])
    >>> s["value+unit"]["all"].f1
    1.0
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "PEERS_DIR",
    "Counts",
    "load_rows",
    "normalise_unit",
    "quantity_to_prediction",
    "score_rows",
]

#: Where the peer suites live: ``<repo>/../shared/peers``.
PEERS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "peers"

_ISO_NAMES = {
    "USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "yen", "CNY": "yuan",
    "INR": "rupee", "CAD": "canadian dollar", "AUD": "australian dollar", "CHF": "swiss franc",
    "RUB": "ruble", "KRW": "won", "BRL": "real", "MXN": "mexican peso", "HKD": "hong kong dollar",
}
_ALIASES = {
    "%": "percent", "percentage": "percent", "cubic centimetre": "millilitre",
    "metric ton": "tonne", "degree_celsius": "degree celsius",
}
_TEMPERATURE = {"degree_Celsius", "degree_Fahrenheit", "kelvin"}


def normalise_unit(unit: str | None) -> str | None:
    """A unit name in the peers' canonical spelling.

    Lower case, ``_`` → space, British spelling, ISO codes → names, a few aliases.

    Example:
        >>> normalise_unit("degree_Celsius"), normalise_unit("USD"), normalise_unit("kilometer per hour")
        ('degree celsius', 'dollar', 'kilometre per hour')
    """
    if unit is None:
        return None
    words = [(_ISO_NAMES.get(w, w)) for w in unit.replace("_", " ").split()]
    u = " ".join(words).lower()
    u = re.sub(r"meter\b", "metre", u)
    u = re.sub(r"liter\b", "litre", u)
    u = u.replace("electron volt", "electronvolt")
    return _ALIASES.get(u, u)


def load_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of one suite file.

    Example:
        >>> load_rows(PEERS_DIR / "missing.jsonl")
        []
    """
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def suite_kind(kind: str, qualifier: str, unit: str | None) -> str:
    """The peers' kind for a claimcheck quantity.

    Example:
        >>> suite_kind("count", "more_than", None), suite_kind("duration", "exact", "year")
        ('range', 'dimension')
    """
    if qualifier in ("range", "more_than", "at_least", "less_than", "at_most"):
        return "range"
    if unit in _TEMPERATURE:
        return "temperature"
    return {
        "count": "number", "date": "number", "multiplier": "number", "duration": "dimension",
    }.get(kind, kind)


def quantity_to_prediction(q: Any) -> dict[str, Any]:
    """A claimcheck ``Quantity`` as a prediction dict.

    Example:
        >>> from claimcheck.models import Quantity
        >>> quantity_to_prediction(Quantity(text="5", start=0, end=1, value=5, low=5, high=5))["kind"]
        'number'
    """
    return {
        "start": q.start, "end": q.end, "value": q.value, "low": q.low, "high": q.high,
        "unit": q.unit, "kind": suite_kind(q.kind, q.qualifier, q.unit),
    }


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def _scored(e: dict[str, Any]) -> bool:
    return any(e.get(k) is not None for k in ("value", "low", "high"))


def _value_ok(e: dict[str, Any], p: dict[str, Any]) -> bool:
    if e.get("value") is not None and p.get("value") is not None and _close(e["value"], p["value"]):
        return True
    if e.get("low") is not None or e.get("high") is not None:
        return _close(e.get("low"), p.get("low")) and _close(e.get("high"), p.get("high"))
    return False


def _unit_ok(e: dict[str, Any], p: dict[str, Any]) -> bool:
    return normalise_unit(e.get("unit")) == normalise_unit(p.get("unit"))


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return max(0, int(min(a["end"], b["end"])) - int(max(a["start"], b["start"])))


def _match(exp: list[dict[str, Any]], pred: list[dict[str, Any]], ok: Any) -> dict[int, int]:
    """Maximum one-to-one matching; the largest overlaps are taken first."""
    edges = {i: [j for j in range(len(pred)) if ok(e, pred[j])] for i, e in enumerate(exp)}
    pairs = sorted(
        ((i, j) for i, js in edges.items() for j in js),
        key=lambda ij: -_overlap(exp[ij[0]], pred[ij[1]]),
    )
    e2p: dict[int, int] = {}
    p2e: dict[int, int] = {}
    for i, j in pairs:
        if i not in e2p and j not in p2e:
            e2p[i], p2e[j] = j, i

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in p2e or augment(p2e[j], seen):
                e2p[i], p2e[j] = j, i
                return True
        return False

    for i in edges:
        if i not in e2p:
            augment(i, set())
    return e2p


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1.

    Example:
        >>> Counts(8, 2, 2).f1
        0.8
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 10) if p + r else 0.0


CRITERIA = {
    "value": _value_ok,
    "value+unit": lambda e, p: _value_ok(e, p) and _unit_ok(e, p),
    "span": lambda e, p: _overlap(e, p) > 0,
}


def score_rows(
    rows: Iterable[dict[str, Any]], predictions: Iterable[list[dict[str, Any]]]
) -> dict[str, dict[str, Counts]]:
    """Score predictions (one list per row) on rows: criterion → kind (and "all") → Counts.

    Also adds ``"span agreement"`` counts under ``["value+unit"]["_overlap"]`` (tp = matches
    whose spans overlap, fp = those that do not) and ``["_identical"]``.

    Example:
        >>> row = {"scope": ["all"], "text": "x", "expected": []}
        >>> score_rows([row], [[{"start": 0, "end": 1, "value": 1.0, "low": None,
        ...     "high": None, "unit": None, "kind": "number"}]])["value"]["number"].fp
        1
    """
    out: dict[str, dict[str, Counts]] = {c: defaultdict(Counts) for c in CRITERIA}
    for row, preds in zip(rows, predictions):
        scope = row.get("scope", ["all"])
        exp_all = row.get("expected", [])
        exp = [e for e in exp_all if _scored(e)]
        unscored = [e for e in exp_all if not _scored(e)]
        kept = []
        for p in preds:
            overlaps_scored = any(_overlap(p, e) for e in exp)
            ignorable = p.get("value") is None or any(_overlap(p, e) for e in unscored)
            if ignorable and not overlaps_scored:
                continue
            kept.append(p)
        for crit, ok in CRITERIA.items():
            e2p = _match(exp, kept, ok)
            matched_p = set(e2p.values())
            for i, e in enumerate(exp):
                k = e.get("kind", "number")
                hit = i in e2p
                for key in (k, "all"):
                    if hit:
                        out[crit][key].tp += 1
                    else:
                        out[crit][key].fn += 1
                if hit and crit == "value+unit":
                    p = kept[e2p[i]]
                    out[crit]["_overlap"].tp += _overlap(e, p) > 0
                    out[crit]["_overlap"].fp += _overlap(e, p) == 0
                    same = (e["start"], e["end"]) == (p["start"], p["end"])
                    out[crit]["_identical"].tp += same
                    out[crit]["_identical"].fp += not same
            for j, p in enumerate(kept):
                if j in matched_p:
                    continue
                if scope == ["all"]:
                    charge = p.get("kind", "number")
                elif p.get("kind") in scope or any(_overlap(p, e) for e in exp):
                    charge = scope[0]
                else:
                    continue
                out[crit][charge].fp += 1
                out[crit]["all"].fp += 1
    return {c: dict(v) for c, v in out.items()}
