"""claimcheck.extract: table-driven cases (tests/cases/claims.toml) and properties."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from casefiles import case_params, load_cases
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck as cc

CASES = load_cases("claims.toml")


def _params(kind: str) -> list[Any]:
    return case_params(CASES, kind)


def _claim_for(claims: list[cc.Claim], quote: str) -> cc.Claim:
    hits = [c for c in claims if quote in c.span.exact or c.span.exact in quote]
    assert hits, f"no claim for {quote!r}; got {[(c.span.exact, c.subject, c.metric) for c in claims]}"
    return hits[0]


@pytest.mark.parametrize("case", _params("case"))
def test_claim_cases(case: dict[str, Any]) -> None:
    published = dt.date.fromisoformat(case["published"]) if "published" in case else None
    claims = cc.extract(cc.Document(id=case["id"], text=case["text"], published=published))
    if "count" in case:
        assert len(claims) == case["count"], [(c.span.exact, c.subject, c.metric) for c in claims]
    for want in case.get("claim", []):
        c = _claim_for(claims, want["quote"])
        if "subject" in want:
            assert (c.subject or "").lower() == want["subject"].lower()
        for key in ("metric", "metric_text", "event", "scope", "time_basis"):
            if key in want:
                assert getattr(c, key) == want[key], (key, getattr(c, key))
        if "value" in want:
            assert c.quantity.value == pytest.approx(want["value"])
        if "time" in want:
            assert c.time_text is not None and want["time"] in c.time_text
        if "attribution" in want:
            chain = list(c.attribution.chain) if c.attribution else []
            if want["attribution"]:
                got = " | ".join([c.attribution.source, *chain]).lower() if c.attribution else ""
                assert all(w.lower() in got for w in want["attribution"]), got
            else:
                assert c.attribution is None, c.attribution
        for flag in ("hedged", "negated"):
            if flag in want:
                assert getattr(c, flag) is want[flag]
        for decision, name in want.get("rule", {}).items():
            assert c.rule.get(decision) == name, (decision, c.rule)
        if "repeats" in want:
            assert len(c.repeats) == want["repeats"]


@pytest.mark.parametrize("case", _params("negative"))
def test_negative_cases(case: dict[str, Any]) -> None:
    assert cc.extract(cc.Document(id=case["id"], text=case["text"])) == []


def test_relation_links_two_claims_of_one_sentence() -> None:
    text = "Lumo has more than twice as many monthly active users, 50 million, as Pico's 20 million."
    claims = cc.extract(cc.Document(id="r", text=text))
    by_value = {c.quantity.value: c for c in claims}
    lumo, pico = by_value[50e6], by_value[20e6]
    assert (lumo.subject, pico.subject) == ("Lumo", "Pico")
    assert lumo.relation is not None and lumo.relation.other == pico.id
    assert lumo.relation.factor == 2 and lumo.relation.qualifier == "more_than"


def test_ids_are_stable_and_depend_on_the_document() -> None:
    text = "In June, Lumo deleted at least 25 accounts."
    a = cc.extract(cc.Document(id="a", text=text))
    assert [c.id for c in a] == [c.id for c in cc.extract(cc.Document(id="a", text=text))]
    assert [c.id for c in a] != [c.id for c in cc.extract(cc.Document(id="b", text=text))]


def test_extract_accepts_a_plain_string_and_rejects_other_types() -> None:
    assert cc.extract("Lumo has 41 million monthly active users.")[0].doc_id == "doc"
    with pytest.raises(cc.InputError):
        cc.extract(42)  # type: ignore[arg-type]


def test_user_aliases_and_metric_synonyms() -> None:
    text = "Lumo Chat has 41 million MAU."
    claims = cc.extract(text, aliases={"Lumo Chat": "Lumo"}, metric_synonyms={"mau": "monthly active users"})
    assert [(c.subject, c.subject_text) for c in claims] == [("Lumo", "Lumo Chat")]


def test_weekday_resolves_against_published_date() -> None:
    d = cc.Document(id="w", text="The ministry said Tuesday the campaign would last a month.",
                    published=dt.date(2014, 5, 29))
    days = [c for c in cc.extract(d) if c.quantity.kind == "date"]
    assert [(c.subject, c.metric, c.time) for c in days] == [("campaign", "announcement day", "2014-05-27")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Lumo has 41 million users, it said. In June 25 of X's \n-,")), max_size=200))
def test_every_claim_span_indexes_its_document(text: str) -> None:
    for c in cc.extract(cc.Document(id="p", text=text)):
        for s in (c.span, c.sentence, *c.repeats):
            assert text[s.start : s.end] == s.exact
        assert c.sentence.start <= c.span.start and c.span.end <= c.sentence.end


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_extract_never_raises_on_any_text(text: str) -> None:
    claims = cc.extract(cc.Document(id="any", text=text))
    assert all(text[c.span.start : c.span.end] == c.span.exact for c in claims)


def _corpus_articles() -> list[Any]:
    from casefiles import SHARED

    paths = sorted((SHARED / "corpus").glob("*/*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    return [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in paths]


@pytest.mark.skipif(not _corpus_articles(), reason="../shared is not beside the checkout")
@pytest.mark.parametrize("path", _corpus_articles() or [None])
def test_every_quantity_of_a_real_article_is_a_claim_or_set_aside_with_a_rule(path: Any) -> None:
    """Nothing is lost in silence: each figure the parser finds in a corpus article is a
    claim's quantity (or one of its repeats), or set aside with the name of the rule and a reason."""
    from claimcheck.claims import _REASONS, analyse
    from claimcheck.rules import REGISTRY

    text = path.read_text("utf-8")
    x = analyse(cc.Document(id=path.stem, text=text))
    found = {(q.start, q.end) for q in cc.parse_quantities(text)}
    in_claims = {(c.quantity.start, c.quantity.end) for c in x.claims}
    in_claims |= {(r.start, r.end) for c in x.claims for r in c.repeats}
    aside = {(s.quantity.start, s.quantity.end) for s in x.set_aside}
    assert found - in_claims - aside == set(), [text[a:b] for a, b in sorted(found - in_claims - aside)]
    known = set(REGISTRY["not a claim"].names()) | set(_REASONS)
    for s in x.set_aside:
        assert s.rule in known and s.reason, (s.quantity.text, s.rule, s.reason)
