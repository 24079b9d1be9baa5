"""Ratchet: parse_quantities scored on quantulum3's English suite (../shared/peers).

The floors are the F1 reached when they were last raised; raise them when the parser
improves, never lower them. Scoring follows ../shared/peers/README.md "How to score"
(see tests/peer_scoring.py).
"""

from __future__ import annotations

from typing import Any

import pytest
from peer_scoring import PEERS_DIR, load_rows, quantity_to_prediction, score_rows

import claimcheck as cc

#: F1 floors on quantulum3_en.jsonl (acceptance: value >= 0.95, value+unit >= 0.85).
FLOORS = {"value": 0.961, "value+unit": 0.901}

SUITE = PEERS_DIR / "quantulum3_en.jsonl"


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Any]]:
    rows = load_rows(SUITE)
    if not rows:
        pytest.skip(f"{SUITE} not present")
    preds = [[quantity_to_prediction(q) for q in cc.parse_quantities(r["text"])] for r in rows]
    return score_rows(rows, preds)


@pytest.mark.parametrize("criterion", sorted(FLOORS))
def test_f1_does_not_drop(scores: dict[str, dict[str, Any]], criterion: str) -> None:
    f1 = scores[criterion]["all"].f1
    assert f1 >= FLOORS[criterion], f"{criterion} F1 {f1:.4f} fell below {FLOORS[criterion]}"


def test_scorer_sees_every_expected_item(scores: dict[str, dict[str, Any]]) -> None:
    c = scores["value"]["all"]
    assert c.tp + c.fn == 182  # the suite's README counts 182 expected items
