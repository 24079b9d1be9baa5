"""Regression tests for the parser items of issue 8: no figure lost, never a wrong value.

One minimal reproducer per item, then hypothesis properties: a prefix shifts every
quantity and changes nothing else; Unicode group separators and invisible characters never
change a value.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck as cc
from claimcheck.quantities import INVISIBLE


def _values(text: str) -> list[float | None]:
    return [q.value for q in cc.parse_quantities(text)]


# --- a figure after nothing but whitespace ------------------------------------------


@pytest.mark.parametrize("prefix", ["\n", "\n\n", " " * 30, "\t\n  ", "\u202f", "\r\n"])
def test_a_figure_after_whitespace_only_is_kept(prefix: str) -> None:
    text = prefix + "22 people were killed."
    (q,) = cc.parse_quantities(text)
    assert (q.value, q.counted, q.start) == (22.0, "person", len(prefix))
    assert text[q.start:q.end] == q.text


def test_the_parser_has_no_broad_except() -> None:
    """The cause was an IndexError swallowed by a broad ``except``: none is left."""
    import inspect

    from claimcheck import quantities

    src = inspect.getsource(quantities)
    assert "IndexError" not in src and "except Exception" not in src


# --- separators -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "numeral",
    ["1,200", "1 200", "1\u00a0200", "1\u2009200", "1\u202f200", "1'200", "1’200", "١٬٢٠٠", "١٢٠٠"],
)
def test_thousands_separators(numeral: str) -> None:
    (q,) = cc.parse_quantities(f"Police said {numeral} people were evacuated.")
    assert (q.value, q.counted, q.step) == (1200.0, "person", 1.0)


def test_arabic_decimal_separator() -> None:
    (q,) = cc.parse_quantities("The rate reached ١٢٫٥ percent.")
    assert (q.value, q.unit, q.step) == (12.5, "percent", 0.1)


def test_long_spaced_groups_before_a_full_stop() -> None:
    (q,) = cc.parse_quantities("The census counted 2 515 031 200.")
    assert q.value == 2515031200.0


def test_lakh_grouping() -> None:
    (q,) = cc.parse_quantities("The farmer owes 23,45,678.90 rupees.")
    assert (q.value, q.unit) == (2345678.9, "INR")


def test_badly_grouped_commas_stay_junk() -> None:
    assert cc.parse_quantities("Code 1,2345 and 12,34 were used.") == []


# --- invisible characters -------------------------------------------------------------


def test_zero_width_space_inside_a_number() -> None:
    text = "About 1,2\u200b00 people were hurt."
    (q,) = cc.parse_quantities(text)
    assert (q.value, q.counted) == (1200.0, "person")
    assert text[q.start:q.end] == q.text == "About 1,2\u200b00 people"


def test_soft_hyphen_inside_words() -> None:
    text = "It lasted two thou\u00adsand years and cost 5 mil\u00adlion dol\u00adlars."
    got = [(q.value, q.unit) for q in cc.parse_quantities(text)]
    assert got == [(2000.0, "year"), (5e6, "USD")]


def test_only_invisible_characters() -> None:
    assert cc.parse_quantities("\u200b\u00ad\ufeff") == []


# --- very long numerals ---------------------------------------------------------------


def test_a_170_digit_number_is_read_whole() -> None:
    digits = "9" * 170
    (q,) = cc.parse_quantities(f"There were {digits} grains.")
    assert q.value == float(digits) and q.text == f"{digits} grains"


@pytest.mark.parametrize("numeral", ["7" * 400, "7" * 5000, "1" + ",000" * 120, "0." + "0" * 380 + "1"])
def test_a_numeral_no_float_holds_gives_no_quantity(numeral: str) -> None:
    assert cc.parse_quantities(f"Only {numeral} left.") == []


def test_a_long_numeral_is_never_cut_to_a_wrong_value() -> None:
    for k in (150, 159, 160, 161, 200, 300):
        digits = "1" + "0" * (k - 1)
        for q in cc.parse_quantities(f"x {digits} y"):
            assert q.value == float(digits), k


# --- dense lists ----------------------------------------------------------------------


def test_a_dense_list_shares_the_unit_of_its_last_number() -> None:
    qs = cc.parse_quantities("Doses of 5, 10, 15, 20 and 25 mg were given; 12, 12, 12, 12, 12, 12.")
    assert [q.unit for q in qs[:5]] == ["milligram"] * 5
    assert [q.value for q in qs[5:]] == [12.0] * 6 and all(q.unit is None for q in qs[5:])


def test_dense_temperatures_each_read() -> None:
    qs = cc.parse_quantities("one °C " * 50)
    assert len(qs) == 50 and all((q.value, q.unit) == (1.0, "degree_Celsius") for q in qs)


# --- properties -----------------------------------------------------------------------

SENTENCES = st.sampled_from([
    "22 people were killed.",
    "Over 800 million users signed up, up 6.2 per cent to $71.",
    "The storm cost $1.2bn and left 5,000 homes without power for two weeks.",
    "About 1,200 people, a 58-year-old among them, walked 10 km in 3 hours.",
    "Prices rose from $600,000 to $1.1 million; 2000-7000 workers joined.",
    "Dozens of people and hundreds of thousands of dollars, at least 40 accounts.",
    "It fell 4% to $1.8 billion on Tuesday, March 6, 2014.",
])
PREFIXES = st.sampled_from(["", " ", "\n", "\n\n", "   \t", "He said. ", "Officials said: ", "(AP) — "])


def _shape(qs: list[cc.Quantity], shift: int) -> list[tuple[object, ...]]:
    return [
        (q.start + shift, q.end + shift, q.text, q.value, q.low, q.high, q.unit, q.counted, q.kind,
         q.qualifier, q.change, q.step)
        for q in qs
    ]


@settings(max_examples=200, deadline=None)
@given(PREFIXES, SENTENCES, SENTENCES)
def test_prefix_shift_invariance(prefix: str, a: str, b: str) -> None:
    text = a + " " + b
    assert _shape(cc.parse_quantities(prefix + text), 0) == _shape(cc.parse_quantities(text), len(prefix))


def _separated(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12),
       st.sampled_from([",", " ", "\u00a0", "\u2009", "\u202f", "'", "’"]))
def test_group_separators_never_change_a_value(n: int, sep: str) -> None:
    (q,) = cc.parse_quantities(f"Officials counted {_separated(n, sep)} ballots.")
    assert q.value == float(n)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.data())
def test_invisible_characters_never_change_a_value(n: int, data: st.DataObject) -> None:
    plain = f"Officials counted {n:,} ballots in {n % 97 + 2} days."
    chars = list(plain)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        i = data.draw(st.integers(min_value=0, max_value=len(chars)))
        chars.insert(i, data.draw(st.sampled_from(INVISIBLE)))
    text = "".join(chars)
    got, want = cc.parse_quantities(text), cc.parse_quantities(plain)
    assert [(q.value, q.unit, q.counted) for q in got] == [(q.value, q.unit, q.counted) for q in want]
    for q in got:
        assert text[q.start:q.end] == q.text and not math.isnan(q.value or 0.0)


PIECES = [
    "over", "up", "fell", "to", "$", "US$", "USD", "RM", "Rs", "$US", "12", "1,200", "6.2", "million",
    "m", "per cent", "%", "a", "an", "year", "month-long", "two", "three", "or", "and", "-", "km",
    "people", "aged", "58", ",", ".", "Smith", "S&P", "500", "Street", "(7)", "won", "3-1",
    "dozens", "of", "several", "hundred", "fivefold", "out", "five", "March", "Tuesday", "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["é", "½", "١٢", "’", "\u00a0", "—", "Kč5"]), max_size=25).map(" ".join))
def test_trie_and_regex_anchor_scans_agree(text: str) -> None:
    """Short texts find their anchors in one scan of the lower-cased text; the general
    scans must find the same quantities."""
    from claimcheck.quantities import _Parser

    assert _shape(_Parser(text).run(), 0) == _shape(_Parser(text, scan="regex").run(), 0)
