"""Hypothesis properties of parse_quantities: offsets, intervals, JSON, no crashes."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck as cc
from claimcheck.models import Quantity

# Pieces that exercise the parser's branches; joined at random into "news-like" text.
PIECES = [
    "over", "more than", "at least", "up to", "about", "nearly", "between", "and", "to",
    "-", "–", "$", "US$", "€", "£", "¥", "1,234.5", "143.8", "800", "2013", "1/4", "½",
    "million", "bn", "m", "k", "5k", "thousands", "hundreds of", "tens of", "the", "a",
    "an", "one", "twenty-one", "third", "25th", "twice", "times", "as many", "%",
    "per cent", "users", "people", "km", "km/h", "degrees Celsius", "years", "month-long",
    "week", "March", "May", "6", "Tuesday", "2:09", "a.m.", "No.", "iOS", "7", ",", ".",
    "(", ")", '"', "'", "\n", "1-1-1", "555-1234", "±", "x10", "^2", "−", "+",
]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_properties(text: str) -> None:
    qs = cc.parse_quantities(text)
    last_end = 0
    for q in qs:
        # offsets point at the text
        assert text[q.start:q.end] == q.text
        assert q.start >= last_end  # ordered and never overlapping
        last_end = q.end
        # intervals are well-formed
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        # JSON round trip is exact
        assert Quantity.model_validate_json(q.model_dump_json()) == q


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(PIECES), st.integers(min_value=1000, max_value=20000))
def test_repetition_stays_fast(piece: str, n: int) -> None:
    """A piece repeated thousands of times is parsed in time linear in its length."""
    text = " ".join([piece] * n)
    t = time.perf_counter()
    cc.parse_quantities(text)
    assert time.perf_counter() - t < 2.0 + len(text) / 100_000
