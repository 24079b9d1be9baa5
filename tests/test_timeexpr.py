"""Time expressions: table cases (tests/cases/time.toml), seeds, properties."""

from __future__ import annotations

from typing import Any

import datetime
import json

import pytest
from casefiles import SHARED, case_params, load_cases
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.timeexpr import TimeExpr, find_times, resolve_weekday

CASES = load_cases("time.toml")


def _params(kind: str) -> list[Any]:
    return case_params(CASES, kind)


@pytest.mark.parametrize("case", _params("case"))
def test_case(case: dict) -> None:
    text = case["text"]
    got = find_times(text, published=case.get("published"))
    want = [
        (e["text"], e["kind"], e.get("value"), e.get("relation")) for e in case["expected"]
    ]
    assert [(t.text, t.kind, t.value, t.relation) for t in got] == want
    assert [text[t.phrase_start : t.end] for t in got] == [e.get("phrase", e["text"]) for e in case["expected"]]
    for t in got:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("case", _params("negative"))
def test_negative(case: dict) -> None:
    assert find_times(case["text"], published=case.get("published")) == []


def test_bounds_and_offsets() -> None:
    text = "In March it rose. In April it fell."
    got = find_times(text, 18, None)
    assert [(t.phrase_start, t.start, t.text) for t in got] == [(18, 21, "April")]
    assert find_times(text, 0, 8)[0].text == "March"
    assert find_times(text, 50, 60) == []


def test_resolve_weekday() -> None:
    pub = datetime.date(2014, 5, 28)  # a Wednesday
    assert resolve_weekday("Wednesday", pub) == pub
    assert resolve_weekday("thursday", pub) == datetime.date(2014, 5, 22)
    assert resolve_weekday("Someday", pub) is None


def test_datetime_published_is_accepted() -> None:
    got = find_times("on Monday", published=datetime.datetime(2014, 5, 30, 12, 0))
    assert got[0].value == "2014-05-26"


def test_bad_arguments() -> None:
    with pytest.raises(InputError):
        find_times(None)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        find_times("x", published="2014-05-30")  # type: ignore[arg-type]


def test_time_expr_is_frozen() -> None:
    t = TimeExpr(0, 1, "x", None, "year")
    with pytest.raises(AttributeError):
        t.start = 2  # type: ignore[misc]


_WORDS = ["in ", "on ", "May ", "may ", "March ", "Tuesday ", "2013 ", "30 ", "last year ", "as of ", "June, ", "x", ".", "\n", "1", "0"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=30).map("".join) | st.text(max_size=200),
    st.integers(-3, 220),
    st.none() | st.integers(-3, 220),
    st.none() | st.dates(),
)
def test_property_never_raises(text: str, start: int, end: int | None, published: datetime.date | None) -> None:
    got = find_times(text, start, end, published=published)
    last = 0
    for t in got:
        assert 0 <= t.phrase_start <= t.start < t.end <= len(text) and t.phrase_start >= last
        assert text[t.start : t.end] == t.text
        last = t.end


# --------------------------------------------------------------------------- shared seeds


def test_seed_weekdays() -> None:
    gold_path = SHARED / "seeds" / "gold.json"
    if not gold_path.exists():
        pytest.skip("shared seeds not available")
    gold = json.loads(gold_path.read_text("utf-8"))
    pub = datetime.date(2014, 5, 30)  # 002's dateline; the campaign week
    for g in gold["temporal_claims"]:
        text = (SHARED / "seeds" / gold["documents"][g["doc"]]["file"]).read_text("utf-8")
        got = [t for t in find_times(text, published=pub) if t.kind == "weekday"]
        days = {t.text.split()[-1] for t in got}
        assert g["day"] in days, g
        want = {"Tuesday": "2014-05-27", "Wednesday": "2014-05-28"}[g["day"]]
        assert any(t.value == want for t in got)


def test_corpus_runs_and_finds_dates() -> None:
    files = sorted((SHARED / "corpus").glob("*/*.txt"))
    if not files:
        pytest.skip("shared corpus not available")
    total = 0
    for f in files:
        meta = json.loads((f.parent / "meta.json").read_text("utf-8"))
        art = next((a for a in meta["articles"] if a["file"] == f.name), {})
        pub = datetime.date.fromisoformat(art["published"][:10]) if art.get("published") else None
        text = f.read_text("utf-8")
        got = find_times(text, published=pub)
        total += len(got)
        for t in got:
            assert text[t.start : t.end] == t.text
    assert total > 50


_TIME_WORDS = ["as of", "the beginning of", "the end of", "mid-", "early", "late", "earlier", "later", "this",
               "last", "next", "the past", "the previous", "year", "month", "week", "weekend", "Monday",
               "Tuesday", "May", "March", "Sept", "2013", "12", "3rd", "of", "to", "and", "in", "on", "at",
               "yesterday", "today", "killed", "people", "(", ","]


@given(st.lists(st.tuples(st.sampled_from(_TIME_WORDS), st.sampled_from([" ", "  ", "", "-", ", ", "\n"])),
                max_size=14), st.integers(min_value=0, max_value=40))
@settings(max_examples=400)
def test_the_anchored_search_finds_what_the_full_pattern_finds(parts: list[tuple[str, str]], pos: int) -> None:
    """The time scan tries its pattern only a few words before an anchor; it must find
    exactly the leftmost match the pattern finds scanning every character."""
    from claimcheck import timeexpr

    text = "".join(w + sep for w, sep in parts)
    pos = min(pos, len(text))
    fast = timeexpr._search(text, pos, len(text))
    full = timeexpr._TIME.search(text, pos, len(text))
    assert (fast and fast.span()) == (full and full.span()), text
