"""claimcheck.earlier: earlier events matched across reports (cases in tests/cases/earlier.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from claimcheck.earlier import match
from claimcheck.models import Claim, Quantity, Span

CASES = tomllib.loads((Path(__file__).parent / "cases" / "earlier.toml").read_text(encoding="utf-8"))["case"]


def _claim(i: int, spec: dict[str, Any]) -> Claim:
    s = Span(doc_id=spec["doc"], start=0, end=len(spec["sentence"]), exact=spec["sentence"])
    q = Quantity(text="1", start=0, end=1, value=1.0)
    return Claim(id=f"c{i}", doc_id=spec["doc"], quantity=q, event=spec["label"],
                 background=spec.get("background", True), time=spec["time"], time_basis=spec["basis"],
                 span=s, sentence=s)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_earlier_cases(case: dict[str, Any]) -> None:
    claims = [_claim(i, spec) for i, spec in enumerate(case["claims"])]
    got = {f"{doc}|{label}": matched for (doc, label), (matched, _t) in match(claims).items()}
    assert got == case["expect"]
    # the order the claims come in changes nothing
    assert {f"{d}|{lab}": m for (d, lab), (m, _t) in match(claims[::-1]).items()} == got
