"""Data integrity of the lexicons in claimcheck/data (dateparser-style)."""

from __future__ import annotations

import tomllib

import pytest

from claimcheck import lexicon
from claimcheck.errors import LexiconError
from claimcheck.units import is_unit

DATA = lexicon.DATA_DIR


@pytest.mark.parametrize("path", sorted(DATA.glob("*.toml")), ids=lambda p: p.name)
def test_every_toml_loads(path) -> None:
    doc = lexicon.load_toml(path.name)
    assert doc, f"{path.name} is empty"
    assert path.read_text("utf-8").lstrip().startswith("#"), "header comment describes the format"


def test_typed_lexicons_load() -> None:
    assert lexicon.numbers().scales["billion"] == 1e9
    assert lexicon.qualifiers()["more than"].qualifier == "more_than"
    assert lexicon.units().words["dollars"].unit == "USD"


def test_every_unit_alias_resolves() -> None:
    u = lexicon.units()
    names = {e.unit for e in list(u.words.values()) + list(u.symbols.values())}
    names |= set(u.currency_prefixes.values()) | set(u.currency_suffixes.values())
    bad = sorted(n for n in names if not is_unit(n))
    assert not bad, f"unit names pint does not know: {bad}"


def test_every_currency_is_defined_in_units_txt() -> None:
    txt = (DATA / "units.txt").read_text("utf-8")
    doc = tomllib.loads((DATA / "units.toml").read_text("utf-8"))
    for code in doc["currencies"]:
        assert f"\n{code} = [" in txt, code


def test_approximate_tolerances_documented_and_sane() -> None:
    for phrase, e in lexicon.qualifiers().items():
        if e.qualifier == "approximate":
            assert 0 <= e.below < 1 and 0 <= e.above < 1, phrase
            assert e.below > 0 or e.above > 0, phrase
    assert lexicon.qualifiers()["nearly"].above == 0  # "nearly 300" is below 300


def test_plural_intervals_are_ordered() -> None:
    for word, p in lexicon.numbers().plurals.items():
        assert p.low <= p.value < p.high, word


def test_missing_file_raises_lexicon_error() -> None:
    with pytest.raises(LexiconError):
        lexicon.load_toml("no-such-file.toml")


def test_bad_toml_raises_lexicon_error(tmp_path, monkeypatch) -> None:
    (tmp_path / "broken.toml").write_text("this is = = not toml", "utf-8")
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    lexicon.load_toml.cache_clear()
    try:
        with pytest.raises(LexiconError):
            lexicon.load_toml("broken.toml")
    finally:
        lexicon.load_toml.cache_clear()


def test_bad_qualifier_entry_raises(tmp_path, monkeypatch) -> None:
    (tmp_path / "qualifiers.toml").write_text('[phrases."sort of"]\nqualifier = "kinda"\n', "utf-8")
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    lexicon.load_toml.cache_clear()
    lexicon.qualifiers.cache_clear()
    try:
        with pytest.raises(LexiconError):
            lexicon.qualifiers()
    finally:
        lexicon.load_toml.cache_clear()
        lexicon.qualifiers.cache_clear()


def test_every_rule_word_list_the_code_reads_exists() -> None:
    import re
    from pathlib import Path

    src = "\n".join(p.read_text("utf-8") for p in Path(lexicon.__file__).parent.glob("*.py"))
    names = set(re.findall(r"\bWORDS\.([a-z_]+)\b", src)) - {"no_such_list", "clear"}
    assert names, "no WORDS.<name> read found"
    for name in sorted(names):
        assert len(getattr(lexicon.WORDS, name)) > 0, name


@pytest.mark.parametrize(
    "body",
    [
        '[rule_words]\ntreated = "treated"\n',  # not a list
        '[rule_words]\ntreated = ["", "x"]\n',  # empty word
        '[rule_maps]\nshapes = ["deep"]\n',  # a list where a table belongs
        '[rule_words]\nshapes = ["a"]\n[rule_maps.shapes]\ndeep = "depth"\n',  # both
    ],
)
def test_bad_rule_words_raise_lexicon_error(tmp_path, monkeypatch, body: str) -> None:
    (tmp_path / "english.toml").write_text(body, "utf-8")
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    lexicon.load_toml.cache_clear()
    lexicon.WORDS.clear()
    try:
        with pytest.raises(LexiconError):
            _ = lexicon.WORDS.treated
    finally:
        lexicon.load_toml.cache_clear()
        lexicon.WORDS.clear()
