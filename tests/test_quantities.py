"""parse_quantities on the table of cases in tests/cases/quantities.toml, plus API checks."""

from __future__ import annotations

import itertools
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest

import claimcheck as cc
from claimcheck.models import Quantity

CASES = tomllib.loads((Path(__file__).parent / "cases" / "quantities.toml").read_text("utf-8"))
FIELDS = set(Quantity.model_fields)


def _params(kind: str) -> list[Any]:
    out = []
    for c in CASES.get(kind, []):
        marks = [pytest.mark.xfail(reason=c["xfail"], strict=True)] if "xfail" in c else []
        out.append(pytest.param(c, id=c["id"], marks=marks))
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(b, float) and isinstance(a, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return bool(a == b)


def _check(q: Quantity, want: dict[str, Any]) -> list[str]:
    problems = []
    for key, expected in want.items():
        if key == "none":
            for name in expected:
                if getattr(q, name) is not None:
                    problems.append(f"{name}={getattr(q, name)!r}, want None")
            continue
        assert key in FIELDS, f"unknown field {key!r} in the case table"
        got = getattr(q, key)
        if not _same(got, expected):
            problems.append(f"{key}={got!r}, want {expected!r}")
    return problems


@pytest.mark.parametrize("case", _params("case"))
def test_case(case: dict[str, Any]) -> None:
    got = cc.parse_quantities(case["text"])
    want = case.get("expected", [])
    shown = [(q.text, q.value, q.unit, q.counted, q.kind) for q in got]
    assert len(got) == len(want), f"got {shown}"
    for i, (q, w) in enumerate(zip(got, want)):
        problems = _check(q, w)
        assert not problems, f"quantity {i} {q.text!r}: {'; '.join(problems)}"


@pytest.mark.parametrize("case", _params("negative"))
def test_negative(case: dict[str, Any]) -> None:
    got = cc.parse_quantities(case["text"])
    kinds = case.get("kinds")
    if kinds:
        got = [q for q in got if q.kind in kinds]
    assert got == [], [(q.text, q.kind, q.rule) for q in got]


def test_case_ids_unique() -> None:
    ids = [c["id"] for kind in ("case", "negative") for c in CASES.get(kind, [])]
    assert len(ids) == len(set(ids))


def test_model_docstring_example() -> None:
    q = cc.parse_quantities("It has over 800 million users.")[0]
    assert (q.text, q.value, q.low, q.high, q.low_inclusive, q.qualifier, q.counted) == (
        "over 800 million users", 800000000.0, 800000000.0, None, False, "more_than", "user",
    )


def test_offsets_and_order() -> None:
    text = "Over 800 million users, 355 million monthly active users and 143.8 million."
    qs = cc.parse_quantities(text)
    assert [q.value for q in qs] == [800e6, 355e6, 143.8e6]
    for q in qs:
        assert text[q.start:q.end] == q.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(qs))


def test_rule_names_each_reading() -> None:
    for q in cc.parse_quantities("up to 500 participants, a month-long ban, in 2013"):
        assert q.rule


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_str_raises_input_error(bad: Any) -> None:
    with pytest.raises(cc.InputError):
        cc.parse_quantities(bad)


def test_interval_semantics_by_kind() -> None:
    """Bounded-above qualifiers start at 0 for counts, open below for temperatures."""
    count, temp = cc.parse_quantities("up to 40 boats and up to 40 degrees Celsius")
    assert (count.low, count.high) == (0.0, 40.0)
    assert (temp.low, temp.high) == (None, 40.0)


def test_seed_phrases_when_available() -> None:
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("../shared/seeds not present")
    import json

    gold = json.loads((seeds / "gold.json").read_text("utf-8"))
    found = 0
    for g in gold["claims"]:
        text = (seeds / gold["documents"][g["doc"]]["file"]).read_text("utf-8")
        spans = []
        i = text.find(g["quote"])
        while i >= 0:
            spans.append((i, i + len(g["quote"])))
            i = text.find(g["quote"], i + 1)
        for q in cc.parse_quantities(text):
            if q.value is not None and math.isclose(q.value, g["value"]) and any(
                q.start < e and s < q.end for s, e in spans
            ):
                found += 1
                break
    assert found >= 24, f"{found}/{len(gold['claims'])} seed quantity phrases found"
