"""The extractor's shortcuts give what the long way gives.

Each shortcut skips work on the common case (an ASCII sentence, a sentence with no time
or negation word, a span over text known to be valid); these properties hold it to the
long way on random text, so a shortcut can never change a result, only its cost.
"""

from __future__ import annotations

import dataclasses
import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import attribution, models, text, timeexpr

WORDS = [
    "in", "on", "of", "the", "end", "early", "mid", "mid-", "last", "this", "next", "since", "as", "by",
    "and", "to", "between", "March", "Mar.", "May", "June", "Sept", "Monday", "Friday", "morning",
    "year", "YEAR", "Week", "week", "month", "today", "Today", "yesterday", "weekend", "6", "06", "6th",
    "31", "45", "2013", "1999", "20131", "12", "2013-07-02", "2004's", "1990s", "1,200", "3.5",
    "not", "no", "No", "NOT", "never", "none", "nobody", "cannot", "without", "denied", "Denies",
    "rejected", "didn't", "DIDN'T", "isn't", "n't", "no-one", "no more than", "not only", "know",
    "notable", "x-no", "x&no", "no.5", "’not", "people", "said", "killed", ",", ".", "-", "(", ")",
    "Subscribe", "to", "our", "newsletter", "Advertisement", "é", "\u00a0", "\x1c", "\t",
]
SEPARATORS = [" ", " ", "", "  ", "\n", ", ", "\u2009"]

texts = st.one_of(
    st.text(max_size=120),
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=16).map(
        lambda parts: "".join(w + s for w, s in parts)),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_time_scan_finds_the_leftmost_match_of_the_full_pattern(s: str) -> None:
    # _search tries the long pattern only a few words before an anchor: the same first match
    fast = timeexpr._search(s, 0, len(s))
    full = timeexpr._TIME.search(s)
    assert (fast.span() if fast else None) == (full.span() if full else None)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_the_quick_negation_scan_never_hides_a_negation(s: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(s)))
    b = data.draw(st.integers(a, len(s)))
    hedges = attribution._hedges
    slow = dataclasses.replace(hedges(), ascii_trigger=None)
    fast_result = attribution.is_negated(s, a, b)
    try:
        attribution._hedges = lambda: slow  # type: ignore[assignment]
        slow_result = attribution.is_negated(s, a, b)
    finally:
        attribution._hedges = hedges
    assert fast_result == slow_result


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_space_is_the_whitespace_pattern(s: str) -> None:
    assert text.normalize_space(s) == regex.sub(r"\s++", " ", s).strip()


@settings(max_examples=200, deadline=None)
@given(texts)
def test_boilerplate_contains_check_skips_only_texts_without_a_phrase(s: str) -> None:
    bp = text._boilerplate()
    if bp.contains.search(s):
        assert text._may_contain(bp, s)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.data(), st.sampled_from(["", "d", "doc-1", "é"]))
def test_span_from_text_equals_the_validated_span(s: str, data: st.DataObject, doc_id: str) -> None:
    a = data.draw(st.integers(0, len(s)))
    b = data.draw(st.integers(a, len(s)))
    fast = models.Span.from_text(s, a, b, doc_id)
    slow = models.Span(doc_id=doc_id, start=a, end=b, exact=s[a:b], prefix=s[max(0, a - models.CONTEXT_CHARS):a],
                       suffix=s[b:b + models.CONTEXT_CHARS])
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set


def test_the_mid_sentence_capitals_scan_agrees_on_ascii() -> None:
    from claimcheck import sentence

    sample = "Police in Banda Aceh, Indonesia said 5 people, 12 Reuters staff; and AFP said more."
    fast = [m.group(1) for m in sentence._MIDCAP_ASCII.finditer(sample)]
    full = [m.group(1) for m in sentence._MIDCAP.finditer(sample)]
    assert fast == full == ["Banda", "Indonesia", "Reuters", "AFP"]


def test_the_ascii_negation_scan_is_a_stdlib_pattern() -> None:
    pre = attribution._hedges().ascii_trigger
    assert isinstance(pre, re.Pattern)
    assert pre.search("the council denied it") and pre.search("He DIDN'T") and not pre.search("a notable know-how")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=120))
def test_the_mid_sentence_capitals_scans_agree_on_any_ascii_text(s: str) -> None:
    from claimcheck import sentence

    assert [m.group(1) for m in sentence._MIDCAP_ASCII.finditer(s)] == [m.group(1) for m in sentence._MIDCAP.finditer(s)]


HEDGE_WORDS = ["may", "May", "MAY", "have", "be", "reportedly", "Reportedly", "estimated", "an", "is", "expected",
               "to", "said", "were", "about", "could", "people", "5", "in", "-", "'", ",", "may-be", "x-may"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.lists(st.tuples(st.sampled_from(HEDGE_WORDS), st.sampled_from(SEPARATORS)), max_size=10)
                 .map(lambda parts: "".join(w + s for w, s in parts))))
def test_the_ascii_hedge_scan_is_the_full_one(s: str) -> None:
    hedges = attribution._hedges
    slow = dataclasses.replace(hedges(), ascii_hedge=None, ascii_hedge_lower=None)
    fast_result = attribution.is_hedged(s)
    try:
        attribution._hedges = lambda: slow  # type: ignore[assignment]
        slow_result = attribution.is_hedged(s)
    finally:
        attribution._hedges = hedges
    assert fast_result == slow_result


CUE_WORDS = ["said", "Said", "SAID", "according", "to", "According", "told", "reported", "says", "x-said",
             "said-", "unsaid", "pointed", "out", "citing", "quoted", "as", "saying", "5", "people", ",", "'", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CUE_WORDS), st.sampled_from([" ", "  ", "", ", ", "\n"])), max_size=12)
       .map(lambda parts: "".join(w + s for w, s in parts)))
def test_the_ascii_cue_pattern_matches_as_the_full_one(s: str) -> None:
    cues = attribution._cues()
    assert cues.ascii_cue is not None
    for p in range(len(s) + 1):
        fast, full = cues.ascii_cue.match(s, p), cues.cue.match(s, p)
        assert (fast.span(1) if fast else None) == (full.span(1) if full else None)


DATELINE_PARTS = ["BEIJING", "DHARAMSALA", "NEW YORK", "U.S.", "O'HARE", "Paris", "PARIS", "x.jpg", "img",
                  ",", " ", ":", " —", "-", "--", "May", "30", "(AP)", "(Reuters)", "The", "said", "5", "\t", "DE", "el"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(DATELINE_PARTS), st.sampled_from(["", " ", "  ", ", "])), max_size=10)
       .map(lambda parts: "".join(w + s for w, s in parts)))
def test_the_dateline_check_skips_only_lines_without_one(s: str) -> None:
    start = len(s) - len(s.lstrip())
    m = text._DATELINE.match(s, start, min(len(s), start + 200))
    full = (m.start("dl"), m.end("dl")) if m is not None and m.end() < len(s) else None
    assert text.dateline(s) == full


SIGN_WORDS = ["$", "US$", "A$", "€", "£", "¥", "R", "Rs", "kr", "euros", "Euro", "DOLLARS", "yen", "pounds",
              "rupees", "Canadian dollars", "1.2e+06", "40", "million", "bn", "m", "TRUSDT", "USD25m", "İ", "ß"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(SIGN_WORDS), max_size=5).map(" ".join)),
       st.sampled_from(["USD", "AUD", "EUR", "GBP", "JPY", "ZAR", "INR", "SEK", "CAD"]))
def test_the_sign_screen_passes_every_text_with_a_sign(s: str, code: str) -> None:
    # _sign skips its token-by-token search when neither screen pattern finds a token: the
    # same answer as the search over every token
    from claimcheck import money

    names, signs = money._sign_screen()
    screened = money._sign.__wrapped__(s, code)
    if names.search(s.lower()) is None and signs.search(s) is None:
        assert screened is None
    low = s.lower()
    full = None
    for tok, unit, word in money._sign_tokens():
        hay = low if word else s
        i = hay.find(tok)
        while i >= 0 and full is None:
            if money._boundary(hay, i, i + len(tok)) and money.currency_code(unit) == code:
                full = s[i:i + len(tok)]
            i = hay.find(tok, i + 1)
        if full is not None:
            break
    assert screened == full
