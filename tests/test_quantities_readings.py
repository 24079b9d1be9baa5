"""Each reading of the parser alone: READINGS, the case table by class, the data behind them."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

import claimcheck as cc
from claimcheck import lexicon
from claimcheck.quantities import READINGS, _Parser
from claimcheck.units import comparable, is_unit

CASES = tomllib.loads((Path(__file__).parent / "cases" / "quantities.toml").read_text("utf-8"))
CLASSES = {
    "currency", "change", "range", "compare", "vague", "fraction", "digits", "compound", "scale-letter",
    "name", "ordinal", "article", "address", "score", "unit", "rate", "age", "counted", "separator",
}


@pytest.fixture(scope="module")
def rules_seen() -> set[str]:
    seen = set()
    for c in CASES["case"]:
        for q in cc.parse_quantities(c["text"]):
            seen.add(q.rule)
    return seen


@pytest.mark.parametrize("reading", [r for r in READINGS if r.rule is not None], ids=lambda r: r.rule)
def test_every_reading_fires_on_a_case(reading, rules_seen: set[str]) -> None:
    name = reading.rule.removesuffix(" ...")
    assert any(name in rule for rule in rules_seen), f"no case in quantities.toml reads {reading.rule!r}"


@pytest.mark.parametrize("reading", [r for r in READINGS if r.rule is None], ids=lambda r: r.method)
def test_every_skipping_reading_has_a_negative_case(reading) -> None:
    named = [n for n in CASES["negative"] if n.get("reading") == reading.method]
    assert named, f"no negative case names {reading.method}"


@pytest.mark.parametrize("reading", READINGS, ids=lambda r: r.method)
def test_every_reading_is_a_documented_method(reading) -> None:
    method = getattr(_Parser, reading.method)
    assert method.__doc__ and len(method.__doc__.split()) > 5, reading.method


def test_every_class_has_cases() -> None:
    counts = Counter(c["class"] for kind in ("case", "negative") for c in CASES[kind] if "class" in c)
    assert set(counts) == CLASSES
    assert all(n >= 5 for n in counts.values()), counts
    assert sum(counts.values()) >= 400


def test_class_cases_assert_value_interval_and_unit() -> None:
    """Every quantity a class case expects states its value, low, high and unit (given or None)."""
    for c in CASES["case"]:
        if "class" not in c:
            continue
        for q in c.get("expected", []):
            stated = set(q) | set(q.get("none", []))
            assert {"value", "low", "high", "unit"} <= stated, (c["id"], q)


def test_negative_cases_name_known_classes() -> None:
    for n in CASES["negative"]:
        if "class" in n:
            assert n["class"] in CLASSES, n["id"]


# --- the data the readings use -------------------------------------------------------


def test_rate_denominators_are_units() -> None:
    for word, unit in lexicon.units().rates.items():
        assert is_unit(unit), (word, unit)
        assert is_unit(f"USD per {unit}"), unit


def test_compound_pairs_convert() -> None:
    for big, small in lexicon.units().compounds.items():
        assert comparable(big, small), (big, small)


def test_glued_symbols_are_units() -> None:
    for sym, e in lexicon.units().glued.items():
        assert is_unit(e.unit), sym


def test_change_words_have_one_direction() -> None:
    ch = lexicon.changes()
    assert ch.verbs["rose"] == "increase" and ch.verbs["fell"] == "decrease"
    assert ch.adverbs["up"] == "increase" and ch.after["drop"] == "decrease"


def test_postfix_qualifiers_are_known() -> None:
    for phrase, e in lexicon.postfix_qualifiers().items():
        assert e.qualifier in lexicon.QUALIFIERS, phrase


def test_labels_and_names_are_data() -> None:
    nw = lexicon.numbers()
    assert "version" in nw.labels and "S&P" in nw.names and "Street" in nw.streets


# --- single readings, one line each --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Up 6.2 per cent to $71.", [(6.2, "percent", "increase"), (71.0, "USD", None)]),
        ("Sales fell by 3%.", [(3.0, "percent", "decrease")]),
        ("a 5% drop", [(5.0, "percent", "decrease")]),
        ("Regulators shut down 40 accounts.", [(40.0, None, None)]),
        ("Prices went up to $5.", [(5.0, "USD", None)]),
    ],
)
def test_read_change(text: str, want: list[tuple[object, ...]]) -> None:
    assert [(q.value, q.unit, q.change) for q in cc.parse_quantities(text)] == want


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [
        ("143.8 million users", 143.8e6, 1e5), ("10 kilometers", 10.0, 1.0), ("$2.6m", 2.6e6, 1e5),
        ("two million people", 2e6, 1e6), ("1,500 people", 1500.0, 1.0), ("6.2 miles", 6.2, 0.1),
        ("twenty people", 20.0, 10.0), ("2½ cups", 2.5, 0.5), ("dozens of cars", 24.0, 12.0),
    ],
)
def test_step_is_the_place_of_the_last_stated_digit(text: str, value: float, step: float) -> None:
    (q,) = cc.parse_quantities(text)
    assert q.value == pytest.approx(value) and q.step == pytest.approx(step)


def test_no_value_no_step() -> None:
    (q,) = cc.parse_quantities("They met on Tuesday.")
    assert q.value is None and q.step is None


def test_vague_plurals_are_ranges_never_approximate() -> None:
    for text in ("dozens of people", "hundreds of homes", "tens of thousands of fans", "several hundred cars"):
        (q,) = cc.parse_quantities(text)
        assert q.qualifier == "range" and q.high_inclusive is False and q.value == q.low, text


def test_hedge_is_the_phrase_as_written_lower_cased() -> None:
    (q,) = cc.parse_quantities("It drew MORE   THAN 500 people.")
    assert q.hedge == "more than"
    (q,) = cc.parse_quantities("It drew 500 people.")
    assert q.hedge is None


def test_rates_are_pint_units() -> None:
    for text in ("$2,800 a month", "45 cents per share", "500,000 barrels a day", "$40,000 per capita"):
        (q,) = cc.parse_quantities(text)
        assert q.unit is not None and is_unit(q.unit), text
        assert q.to_pint().magnitude == q.value
