"""Sentence segmentation: table-driven cases (tests/cases/text.toml), seeds, properties."""

from __future__ import annotations

from typing import Any


import pytest
from casefiles import SHARED, case_params, load_cases
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.text import Sentence, dateline, normalize_space, paragraphs, segment

CASES = load_cases("text.toml")


def _params(kind: str) -> list[Any]:
    return case_params(CASES, kind)


@pytest.mark.parametrize("case", _params("case"))
def test_case(case: dict) -> None:
    text = case["text"]
    got = segment(text)
    assert [s.text for s in got] == case["sentences"]
    for s in got:
        assert text[s.start : s.end] == s.text
    assert [i for i, s in enumerate(got) if s.boilerplate] == case.get("boilerplate", [])
    assert [i for i, s in enumerate(got) if s.dateline] == case.get("dateline", [])
    repeats = {i: j for i, j in case.get("repeats", [])}
    assert [s.repeat_of for s in got] == [repeats.get(i) for i in range(len(got))]
    if "paragraphs" in case:
        assert [s.paragraph for s in got] == case["paragraphs"]


@pytest.mark.parametrize("case", _params("negative"))
def test_negative(case: dict) -> None:
    assert segment(case["text"]) == []
    assert paragraphs(case["text"]) == []


def test_claimable_and_text_in() -> None:
    doc = "LIMA - Ten people died.\nAdvertisement\nIt rained."
    got = segment(doc)
    assert [s.claimable for s in got] == [False, True, False, True]
    assert all(s.text_in(doc) == s.text for s in got)


def test_paragraph_repeats() -> None:
    doc = "A one. A two.\n\nB one.\n\nA  one.  A two."
    ps = paragraphs(doc)
    assert [p.repeat_of for p in ps] == [None, None, 0]
    assert [doc[p.start : p.end] for p in ps][1] == "B one."


def test_dateline_function() -> None:
    assert dateline("  HAVANA — It rained.") == (2, 10)
    assert dateline("Havana — it rained.") is None
    assert dateline("OSLO -") is None  # nothing follows: not a dateline
    assert dateline("OSLO - x", 0, 3) is None


def test_bad_argument() -> None:
    with pytest.raises(InputError):
        segment(None)  # type: ignore[arg-type]


def test_normalize_space() -> None:
    assert normalize_space(" a\t\n b ") == "a b"


def test_sentence_is_frozen() -> None:
    s = Sentence(0, 1, 0, False, None, "x")
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]


def test_linear_time_on_long_input() -> None:
    import time

    doc = ("Mr. A. B. met Ltd. U.S. officials at 9 a.m. and said 1.5 million. " * 4000) + "x" * 100000
    t0 = time.perf_counter()
    got = segment(doc)
    assert time.perf_counter() - t0 < 5
    assert len(got) >= 4000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB. \n\"”’!?:-—()LtdUSMrNo1234,'\t")) , max_size=300) | st.text(max_size=200))
def test_property_offsets(text: str) -> None:
    got = segment(text)
    last = 0
    for s in got:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        assert s.repeat_of is None or (0 <= s.repeat_of < got.index(s) + 1 and normalize_space(got[s.repeat_of].text) == normalize_space(s.text))
        last = s.end
    for p in paragraphs(text):
        assert 0 <= p.start < p.end <= len(text)


# --------------------------------------------------------------------------- shared seeds


def _seed(prefix: str) -> str:
    files = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip("shared seeds not available")
    return files[0].read_text("utf-8")


def test_seed_glued_advertisement_is_cut() -> None:
    got = segment(_seed("001"))
    bp = [s for s in got if s.boilerplate]
    assert len(bp) == 2 and all(s.text.startswith("Article continues") for s in bp)
    assert bp[1].repeat_of is not None
    # the text glued to the phrase survives as a normal sentence
    after = got[got.index(bp[0]) + 1]
    assert not after.boilerplate and after.text.startswith("Users can")
    assert any(s.dateline and s.text.startswith("BEIJING") for s in got)


def test_seed_repeated_paragraphs_are_marked() -> None:
    got = segment(_seed("003"))
    firsts = [s for s in got if s.repeat_of is None]
    repeats = [s for s in got if s.repeat_of is not None]
    assert len(repeats) >= 8
    assert all(got[s.repeat_of].text == s.text for s in repeats)
    # "Ltd." ends a sentence before "It allows ..."
    assert sum(s.text.endswith("Holdings Ltd.") for s in firsts) == 1


def test_seed_trailing_boilerplate_and_glued_dateline() -> None:
    got = segment(_seed("002"))
    assert [s.text for s in got if s.dateline] == ["DHARAMSALA, May 30:"]
    assert sum(s.boilerplate for s in got) == 4
    got4 = segment(_seed("004"))
    tail = [s for s in got4 if s.boilerplate]
    assert len(tail) == 4 and tail[0].text == "More about"


def test_corpus_one_sentence_per_line_mostly() -> None:
    files = sorted((SHARED / "corpus").glob("*/*.txt"))
    if not files:
        pytest.skip("shared corpus not available")
    lines = extra = 0
    for f in files:
        text = f.read_text("utf-8")
        n_lines = sum(1 for ln in text.splitlines() if ln.strip())
        lines += n_lines
        extra += len(segment(text)) - n_lines
        assert len(segment(text)) >= n_lines
    assert extra <= lines * 0.02  # ECB+ splits lines; we split a few more, rarely


def test_boilerplate_lexicon_integrity() -> None:
    from claimcheck.lexicon import load_toml

    bp = load_toml("boilerplate.toml")
    for phrase in [*bp["starts"], *bp["exact"], *bp["glued"]]:
        got = segment(phrase)
        assert got and got[0].boilerplate, phrase
    for phrase in bp["contains"]:
        got = segment(f"Weekly digest: {phrase}")
        assert all(s.boilerplate for s in got), phrase
