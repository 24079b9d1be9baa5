"""Entity names: canonical forms, definitions, candidate mentions, data integrity."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.entities import alias_key, canonical, find_definitions, find_entities, find_surnames, known_entities
from claimcheck.errors import InputError

SHARED = Path(__file__).parents[1].parent / "shared"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("We Chat", "WeChat"),
        ("WECHAT", "WeChat"),
        ("TenCent", "Tencent"),
        ("Tencent Holdings Ltd", "Tencent"),
        ("TenCent Holdings Ltd.", "Tencent"),
        ("Tencent's", "Tencent"),
        ("Xinhua News Agency", "Xinhua"),
        ("the official Xinhua news agency", "Xinhua"),
        ("SIIO", "State Internet Information Office"),
        ("China's State Internet Information Office", "State Internet Information Office"),
        ("an SIIO statement", "State Internet Information Office"),
        ("Weibo", "Sina Weibo"),
        ("Sina Weibo's", "Sina Weibo"),
        ("USGS", "U.S. Geological Survey"),
        ("the US Geological Survey", "U.S. Geological Survey"),
        ("the state-run China Daily newspaper", "China Daily"),
        # unknown names come back stripped, spelled as written
        ("Acme Widgets Inc.", "Acme Widgets"),
        ("Harbour Freight Holdings", "Harbour Freight"),
        ("the Port Authority", "Port Authority"),
        ("  Lake   Ferry  Board ", "Lake Ferry Board"),
        ("an official from the local disaster agency", "official from the local disaster agency"),
        ("Ltd", "Ltd"),  # never stripped to nothing
        ("", ""),
    ],
)
def test_canonical(name: str, expected: str) -> None:
    assert canonical(name) == expected


def test_user_aliases_override_and_chain() -> None:
    assert canonical("WeChat", {"wechat": "Weixin Platform"}) == "Weixin Platform"
    # a user alias pointing at a built-in alias ends at the built-in canonical name
    assert canonical("TCH", {"TCH": "TenCent Holdings Ltd"}) == "Tencent"
    assert canonical("the  Bureau", {"bureau": "Odd Bureau"}) == "Odd Bureau"


def test_alias_key() -> None:
    assert alias_key("U.S.") == alias_key("US") == "us"
    assert alias_key("We-Chat") == "wechat"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("run by the Office of Harbour Safety (OHS) since May", {"OHS": "Office of Harbour Safety"}),
        ("the Quarry Workers Union (QWU) and Lime Board (LB) met", {"QWU": "Quarry Workers Union", "LB": "Lime Board"}),
        ("the North Atlantic Fishery Council (NAFC)", {"NAFC": "North Atlantic Fishery Council"}),
        ("it said (QWU) nothing", {}),
        ("Mayor Lind (AP) spoke", {}),
        ("the figure (34) was wrong", {}),
        ("a QWU (Quarry Workers Union) statement", {"QWU": "Quarry Workers Union"}),
        ("unbalanced ( parens (ABC", {}),
    ],
)
def test_find_definitions(text: str, expected: dict[str, str]) -> None:
    assert find_definitions(text) == expected


def test_find_entities() -> None:
    t = "In March, the Quarry Workers Union told We Chat and Tencent's staff in New South Wales that May was busy."
    got = [(t[a:b], c) for a, b, c in find_entities(t)]
    assert ("We Chat", "WeChat") in got
    assert ("Tencent", "Tencent") in got
    assert ("Quarry Workers Union", "Quarry Workers Union") in got
    assert ("New South Wales", "New South Wales") in got
    assert all(name not in ("In", "March", "May", "In March") for name, _ in got)


def test_find_entities_bounds_and_aliases() -> None:
    t = "Lime Board met. QWU agreed."
    got = find_entities(t, 16, None, aliases={"QWU": "Quarry Workers Union"})
    assert got == [(16, 19, "Quarry Workers Union")]


def test_bad_arguments() -> None:
    with pytest.raises(InputError):
        canonical(3)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        find_definitions(None)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        find_entities(b"x")  # type: ignore[arg-type]


def test_data_file_integrity() -> None:
    raw = resources.files("claimcheck").joinpath("data", "entities.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    seen: dict[str, str] = {}
    for ent in data["entity"]:
        assert canonical(ent["name"]) == ent["name"], ent["name"]
        for a in ent["aliases"]:
            k = alias_key(a)
            assert seen.get(k, ent["name"]) == ent["name"], f"alias {a!r} is ambiguous"
            seen[k] = ent["name"]
            assert canonical(a) == ent["name"], a
    assert known_entities()["We Chat"] == "WeChat"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_never_raises(text: str) -> None:
    assert isinstance(canonical(text), str)
    defs = find_definitions(text)
    assert all(isinstance(k, str) and v for k, v in defs.items())
    last = -1
    for a, b, name in find_entities(text):
        assert 0 <= a < b <= len(text) and a >= last
        assert isinstance(name, str)
        last = a


def test_seed_definitions() -> None:
    files = sorted((SHARED / "seeds").glob("00[24]_*.txt"))
    if len(files) < 2:
        pytest.skip("shared seeds not available")
    for f in files:
        assert find_definitions(f.read_text("utf-8")) == {"SIIO": "State Internet Information Office"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Former mayor Ivo Marsh was jailed. Marsh denied it.", {"Marsh": "Ivo Marsh"}),
    ("A court sentenced Ivo Marsh to 12 years. Marsh will appeal.", {"Marsh": "Ivo Marsh"}),
    ("Ivo Marsh, 62, was jailed. Marsh will appeal.", {"Marsh": "Ivo Marsh"}),
    ("Ana Petrov, the striker, scored twice. Petrov now has 19 goals.", {"Petrov": "Ana Petrov"}),
    ("Ana Petrov said the team was ready. Petrov scored twice.", {"Petrov": "Ana Petrov"}),
    # a surname that never stands alone needs no resolving
    ("Ana Petrov said the team was ready.", {}),
    # two people with one surname: neither
    ("Ivo Marsh, 62, and Ana Marsh, 60, were charged. Marsh denied it.", {}),
    # places are no people: a count after a comma, a geographic first word, no cue at all
    ("In Pico Town, 10 people died.", {}),
    ("Central Varn said nothing.", {}),
    ("Pico Town was flooded.", {}),
])
def test_find_surnames(text: str, expected: dict[str, str]) -> None:
    assert find_surnames(text) == expected


def test_find_surnames_rejects_non_text() -> None:
    from claimcheck.errors import InputError

    with pytest.raises(InputError):
        find_surnames(b"Ivo Marsh said")  # type: ignore[arg-type]
