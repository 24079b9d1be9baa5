"""Shared loader for the table-driven case files in tests/cases/*.toml.

Every case file lists ``[[case]]`` (and often ``[[negative]]``) tables with an ``id``; a
table with ``xfail = "reason"`` runs as a strict xfail, so a fixed bug turns the suite red
until the marker is removed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).parent / "cases"
#: ../shared beside the checkout (the seed articles, the corpus, the peers' suites).
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_cases(name: str) -> dict[str, Any]:
    """The parsed case file ``tests/cases/<name>``."""
    return tomllib.loads((CASES_DIR / name).read_text("utf-8"))


def case_params(cases: dict[str, Any], kind: str = "case") -> list[Any]:
    """``pytest.param`` objects, one per table of ``kind``, with ids and xfail marks."""
    out = []
    for c in cases.get(kind, []):
        marks = [pytest.mark.xfail(reason=c["xfail"], strict=True)] if "xfail" in c else []
        out.append(pytest.param(c, id=c["id"], marks=marks))
    return out
