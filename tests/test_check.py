"""claimcheck.check on hand-built claims (independent of the claim extractor).

``claim(...)`` builds a Claim the way the extractor would; ``fake_extract(claims)`` is an
extractor that hands each document its prebuilt claims, passed as ``check(extract=...)``.
test_report.py and test_cli.py import these helpers.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck as cc
from claimcheck.check import DEFAULT_TOLERANCE, format_value, normalise_metric, spread
from claimcheck.models import Attribution, Claim, Document, Quantity, Relation, Span

# --------------------------------------------------------------------------- factory


def claim(
    doc: str,
    sentence: str,
    quote: str,
    value: float | None,
    *,
    subject: str | None = "WeChat",
    metric: str | None = "monthly active users",
    qualifier: str = "exact",
    unit: str | None = None,
    kind: str = "count",
    low: float | None = None,
    high: float | None = None,
    time: str | None = None,
    chain: Sequence[str] = (),
    sent_start: int = 0,
    negated: bool = False,
    repeats: int = 0,
    relation: tuple[float, str, str] | None = None,
    rule: str = "",
    scope: str | None = None,
    step: float | None = None,
) -> Claim:
    """A claim whose quote ``quote`` sits in ``sentence``, which starts at ``sent_start``."""
    text = " " * sent_start + sentence
    start = sent_start + sentence.index(quote)
    end = start + len(quote)
    low_incl = high_incl = True
    if low is None and high is None and value is not None:
        if qualifier in ("exact", "approximate"):
            low = high = value
        elif qualifier in ("more_than", "at_least"):
            low, low_incl = value, qualifier == "at_least"
        elif qualifier in ("less_than", "at_most"):
            high, high_incl = value, qualifier == "at_most"
    q = Quantity(text=quote, start=start, end=end, value=value, low=low, high=high,
                 low_inclusive=low_incl, high_inclusive=high_incl, qualifier=qualifier,
                 unit=unit, kind=kind, rule=rule, step=step)
    attribution = None
    if chain:
        attribution = Attribution(source=chain[0], cue="said", chain=tuple(chain),
                                  span=Span(doc_id=doc, start=0, end=0, exact=""))
    span = Span.from_text(text, start, end, doc_id=doc)
    rep = tuple(Span(doc_id=doc, start=start + 1000 * (i + 1), end=end + 1000 * (i + 1), exact=quote)
                for i in range(repeats))
    rel = None
    if relation is not None:
        factor, rq, other = relation
        rel = Relation(factor=factor, qualifier=rq, other=other, span=span)
    return Claim(id=f"{doc}:{start}:{quote}", doc_id=doc, relation=rel, subject=subject, subject_text=subject, scope=scope,
                 metric=metric, quantity=q, time=time, attribution=attribution, span=span,
                 sentence=Span.from_text(text, sent_start, sent_start + len(sentence), doc_id=doc),
                 negated=negated, repeats=rep)


def fake_extract(claims: Iterable[Claim]):
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id, []).append(c)

    def extract(doc: Document) -> list[Claim]:
        return list(by_doc.get(doc.id, []))

    return extract


def run(claims: Sequence[Claim], docs: Sequence[str] | None = None, **options: Any) -> cc.Report:
    ids = docs if docs is not None else sorted({c.doc_id for c in claims})
    return cc.check([Document(id=d, text=f"text of {d}") for d in ids],
                    extract=fake_extract(claims), **options)


def kinds(report: cc.Report) -> list[str]:
    return [f.kind for f in report.findings]


# --------------------------------------------------------------------------- the seed story


MAU_SENTENCE = "It has more than twice as many monthly active users, 396 million, as Sina Weibo's 143.8 million."


def seed_claims() -> list[Claim]:
    """The seed story's key claims, built by hand as the extractor should produce them."""
    out: list[Claim] = []
    for d in ("000", "001", "002", "003", "004"):
        out.append(claim(d, "The month-long campaign began.", "month-long", 1, subject="campaign",
                         metric="duration", unit="month", kind="duration", sent_start=10))
        day = "Tuesday" if d in ("000", "001", "002") else "Wednesday"
        out.append(claim(d, f"Officials announced it on {day}.", day, None, subject="campaign",
                         metric="announcement day", kind="date", time=day, sent_start=60,
                         chain=("Xinhua",) if d == "001" else ()))
    for d in ("000", "003"):
        out.append(claim(d, "WeChat has over 800 million users.", "over 800 million users", 8e8,
                         metric="users", qualifier="more_than", sent_start=120,
                         repeats=1 if d == "003" else 0))
    out.append(claim("002", "Chinese instant messaging services have over 800 million users.",
                     "over 800 million users", 8e8, subject="Chinese instant messaging services",
                     metric="users", qualifier="more_than", sent_start=120))
    out.append(claim("002", "We Chat has 355 million monthly active users.",
                     "355 million monthly active users", 355e6, sent_start=200))
    out.append(claim("001", "WeChat removed at least 40 accounts in March.", "at least 40 accounts", 40,
                     metric="removed accounts", qualifier="at_least", time="March", sent_start=200))
    out.append(claim("004", MAU_SENTENCE, "more than twice", 2, qualifier="more_than", kind="multiplier",
                     sent_start=200))
    out.append(claim("004", MAU_SENTENCE, "396 million", 396e6, sent_start=200))
    out.append(claim("004", MAU_SENTENCE, "143.8 million", 143.8e6, subject="Sina Weibo", sent_start=200))
    return out


@pytest.fixture
def seed_report() -> cc.Report:
    return run(seed_claims(), aliases={"We Chat": "WeChat"})


def test_seed_mau_conflict(seed_report: cc.Report) -> None:
    conflicts = [f for f in seed_report.conflicts if not f.temporal]
    assert len(conflicts) == 1
    f = conflicts[0]
    assert f.subject == "WeChat" and f.metric == "monthly active users"
    assert sorted(c.doc_id for c in f.claims) == ["002", "004"]
    assert f.spread == pytest.approx((396 - 355) / 355)
    assert f.message == ("355 million (002) vs 396 million (004) monthly active users for WeChat: "
                         "11.5% apart; neither states a date.")
    assert [v.value for v in f.values] == ["355 million", "396 million"]


def test_seed_misattribution(seed_report: cc.Report) -> None:
    (f,) = [f for f in seed_report.findings if f.kind == "misattribution"]
    assert sorted(c.doc_id for c in f.claims) == ["000", "002", "003"]
    assert "WeChat (000, 003)" in f.message
    assert "Chinese instant messaging services (002)" in f.message
    assert {v.documents for v in f.values} == {1, 2}


def test_seed_total_users_never_conflict_with_mau(seed_report: cc.Report) -> None:
    for f in seed_report.conflicts:
        metrics = {c.metric for c in f.claims}
        assert len(metrics) == 1, f.message
        assert "Sina Weibo" not in {c.subject for c in f.claims}


def test_seed_duration_agreement(seed_report: cc.Report) -> None:
    (f,) = [f for f in seed_report.findings if f.kind == "agreement" and f.metric == "duration"]
    assert len(f.claims) == 5
    assert f.values[0].documents == 5 and f.values[0].origins == 5
    assert f.message.startswith("5 documents agree on 1 month duration for campaign")


def test_seed_temporal_disagreement(seed_report: cc.Report) -> None:
    (f,) = [f for f in seed_report.findings if f.temporal]
    assert f.kind == "conflict"
    assert [(v.value, v.documents) for v in f.values] == [("Tuesday", 3), ("Wednesday", 2)]
    assert f.message.startswith("Tuesday (000, 001, 002) vs Wednesday (003, 004)")
    assert "day they reported" in f.message


def test_seed_internal_relation_holds(seed_report: cc.Report) -> None:
    (f,) = [f for f in seed_report.findings if f.kind == "internal"]
    assert f.holds is True and f.relation == "more than 2×"
    assert [c.quantity.value for c in f.claims] == [2, 396e6, 143.8e6]
    assert "holds" in f.message and "287.6 million" in f.message


def test_seed_no_finding_sets_a_document_against_itself(seed_report: cc.Report) -> None:
    for f in seed_report.findings:
        if f.kind in ("conflict", "compatible", "misattribution", "agreement"):
            assert len({c.doc_id for c in f.claims}) >= 2, f.message


def test_seed_findings_sorted_conflicts_first(seed_report: cc.Report) -> None:
    order = [f.kind for f in seed_report.findings]
    assert order[:2] == ["conflict", "conflict"]
    assert order.index("misattribution") < order.index("internal") < order.index("agreement")


# --------------------------------------------------------------------------- comparisons


def two(a: Claim, b: Claim, **options: Any) -> list[cc.Finding]:
    return list(run([a, b], **options).findings)


def test_units_convert_through_pint() -> None:
    (f,) = two(claim("a", "It lasts 2 weeks.", "2 weeks", 2, subject="ban", metric="duration",
                     unit="week", kind="duration"),
               claim("b", "It lasts 14 days.", "14 days", 14, subject="ban", metric="duration",
                     unit="day", kind="duration"))
    assert f.kind == "agreement"


def test_units_that_do_not_convert_are_never_compared() -> None:
    # undated, and a bare "$" is never converted: money across currencies is tests/test_currency.py
    assert two(claim("a", "It cost $5 million.", "$5 million", 5e6, metric="cost", unit="USD", kind="currency"),
               claim("b", "It cost €9 million.", "€9 million", 9e6, metric="cost", unit="EUR", kind="currency")) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (dict(quote="at least 40", value=40, qualifier="at_least"), dict(quote="43", value=43)),
        (dict(quote="over 800 million", value=8e8, qualifier="more_than"), dict(quote="900 million", value=9e8)),
        (dict(quote="over 800 million", value=8e8, qualifier="more_than"), dict(quote="800 million", value=8e8)),
        (dict(quote="about 300", value=300, qualifier="approximate"), dict(quote="320", value=320)),
    ],
)
def test_compatible(a: dict[str, Any], b: dict[str, Any]) -> None:
    ca = claim("a", f"It has {a['quote']} users.", a.pop("quote"), a.pop("value"), metric="users", **a)
    cb = claim("b", f"It has {b['quote']} users.", b.pop("quote"), b.pop("value"), metric="users", **b)
    (f,) = two(ca, cb)
    assert f.kind == "compatible", f.message
    assert "compatible" in f.message


def test_tolerance_widens_approximate_values() -> None:
    a = claim("a", "It has about 300 users.", "about 300", 300, metric="users", qualifier="approximate")
    b = claim("b", "It has 400 users.", "400", 400, metric="users")
    (f,) = two(a, b)
    assert f.kind == "conflict" and "±10%" in f.message
    (g,) = two(a, b, tolerance=0.4)
    assert g.kind == "compatible"
    assert DEFAULT_TOLERANCE == 0.1


@pytest.mark.parametrize(
    "change",
    [
        dict(metric="users"),  # total users vs monthly active users
        dict(time="April"),  # different time
        dict(subject="Sina Weibo"),  # different subject (small value: no misattribution either)
        dict(subject=None),  # no subject: not compared
        dict(metric=None),  # no metric: not compared
        dict(unit="percent", kind="percent"),  # a percentage is not a count
        dict(negated=True),  # "not 50"
    ],
)
def test_never_compared(change: dict[str, Any]) -> None:
    a = claim("a", "It had 40 monthly active users in March.", "40", 40, time="March")
    kw: dict[str, Any] = dict(time="March") | change
    b = claim("b", "It had 50 monthly active users.", "50", 50, **kw)
    assert two(a, b) == []


def test_same_document_never_conflicts_with_itself() -> None:
    a1 = claim("a", "It has 10 users.", "10", 10, metric="users")
    a2 = claim("a", "It has 20 users.", "20", 20, metric="users", sent_start=50)
    b = claim("b", "It has over 5 users.", "over 5", 5, metric="users", qualifier="more_than")
    assert kinds(run([a1, a2, b])) == ["compatible"]
    assert run([a1, a2]).findings == ()


def test_conflict_lists_only_the_values_in_conflict() -> None:
    report = run([
        claim("a", "It has 355 million users.", "355 million", 355e6, metric="users"),
        claim("b", "It has 396 million users.", "396 million", 396e6, metric="users"),
        claim("c", "It has over 300 million users.", "over 300 million", 3e8, metric="users",
              qualifier="more_than"),
    ])
    (f,) = report.findings
    assert f.kind == "conflict"
    assert sorted(c.doc_id for c in f.claims) == ["a", "b"]


def test_three_way_conflict() -> None:
    report = run([claim(d, f"It has {v} users.", str(v), v, metric="users") for d, v in
                  (("a", 10), ("b", 12), ("c", 15))])
    (f,) = report.findings
    assert f.kind == "conflict" and len(f.values) == 3
    assert f.spread == pytest.approx(0.5)
    assert "none states a date" in f.message


def test_time_is_stated_in_the_message() -> None:
    (f,) = two(claim("a", "It had 10 users in March.", "10", 10, metric="users", time="March"),
               claim("b", "It had 12 users in March.", "12", 12, metric="users", time="March"))
    assert f.kind == "conflict" and f.time == "March" and "both refer to March" in f.message


def test_misattribution_needs_a_distinctive_value() -> None:
    # "two monks" in two places is no evidence of a wrong subject
    small = two(claim("a", "Two monks were held.", "Two", 2, subject="Kirti", metric="monks"),
                claim("b", "Two monks were held.", "Two", 2, subject="Labrang", metric="monks"))
    assert small == []
    big = two(claim("a", "It has 143.8 million users.", "143.8 million", 143.8e6, subject="Weibo", metric="users"),
              claim("b", "It has 143.8 million users.", "143.8 million", 143.8e6, subject="WeChat", metric="users"))
    assert [f.kind for f in big] == ["misattribution"]


def test_misattribution_needs_a_specific_metric() -> None:
    # two sums of 2 million euros in one story may well be two different sums
    money = two(claim("a", "They took 2m euros.", "2m euros", 2e6, subject="robbery", metric="amount",
                      unit="EUR", kind="currency"),
                claim("b", "It cost 2m euros.", "2m euros", 2e6, subject="store", metric="amount",
                      unit="EUR", kind="currency"))
    assert money == []


def test_misattribution_never_inside_one_document() -> None:
    a = claim("a", "X has 500 million users.", "500 million", 5e8, subject="X", metric="users")
    b = claim("a", "Y has 500 million users.", "500 million", 5e8, subject="Y", metric="users", sent_start=40)
    assert run([a, b]).findings == ()


def test_internal_relation_that_does_not_hold() -> None:
    s = "It has more than twice as many monthly active users, 250 million, as Weibo's 143.8 million."
    report = run([
        claim("x", s, "more than twice", 2, qualifier="more_than", kind="multiplier"),
        claim("x", s, "250 million", 250e6),
        claim("x", s, "143.8 million", 143.8e6, subject="Weibo"),
    ])
    (f,) = report.findings
    assert f.kind == "internal" and f.holds is False and "does NOT hold" in f.message


def test_internal_relation_carried_on_the_claim() -> None:
    """The extractor's preferred form: the 396 million claim carries Relation(2, more_than, other)."""
    weibo = claim("004", MAU_SENTENCE, "143.8 million", 143.8e6, subject="Sina Weibo", sent_start=200)
    wechat = claim("004", MAU_SENTENCE, "396 million", 396e6, sent_start=200,
                   relation=(2, "more_than", weibo.id))
    (f,) = run([wechat, weibo]).findings
    assert f.kind == "internal" and f.holds is True and f.relation == "more than 2×"
    assert f.message == ("004 says WeChat has more than 2× the monthly active users of Sina Weibo: "
                         "396 million vs 2 × 143.8 million = 287.6 million, so the stated relation holds.")
    low = claim("004", MAU_SENTENCE, "396 million", 396e6, sent_start=200, relation=(3, "more_than", weibo.id))
    (g,) = run([low, weibo]).findings
    assert g.holds is False


def test_internal_fraction_exact_within_tolerance() -> None:
    s = "A third of its 300 staff, 104 people, went on strike."
    report = run([
        claim("x", s, "A third", 1 / 3, subject="strikers", metric="staff", kind="multiplier"),
        claim("x", s, "104 people", 104, subject="strikers", metric="staff"),
        claim("x", s, "300 staff", 300, subject="company", metric="staff"),
    ])
    (f,) = report.findings
    assert f.kind == "internal" and f.holds is True  # 104 is within 10% of 100


def test_internal_without_a_second_subject_finds_nothing() -> None:
    s = "It has twice as many users, 300 million."
    report = run([claim("x", s, "twice", 2, kind="multiplier"), claim("x", s, "300 million", 3e8)])
    assert report.findings == ()


def test_temporal_iso_date_compares_by_weekday() -> None:
    # 2014-05-27 was a Tuesday
    same = two(claim("a", "It began on 2014-05-27.", "2014-05-27", None, subject="campaign",
                     metric="start", kind="date", time="2014-05-27"),
               claim("b", "It began on Tuesday.", "Tuesday", None, subject="campaign", metric="start",
                     kind="date", time="Tuesday"))
    assert [(f.kind, f.temporal) for f in same] == [("agreement", True)]
    differ = two(claim("a", "It began on 2014-05-28.", "2014-05-28", None, subject="campaign",
                       metric="start", kind="date", time="2014-05-28"),
                 claim("b", "It began on Tuesday.", "Tuesday", None, subject="campaign", metric="start",
                       kind="date", time="Tuesday"))
    assert [(f.kind, f.temporal) for f in differ] == [("conflict", True)]


# --------------------------------------------------------------------------- independence


def test_origins_shared_through_attribution_chains() -> None:
    report = run([
        claim("a", "It has 5 million users, Xinhua said.", "5 million", 5e6, metric="users", chain=("Xinhua",)),
        claim("b", "It has 5 million users, Reuters said citing Xinhua.", "5 million", 5e6, metric="users",
              chain=("Reuters", "Xinhua")),
        claim("c", "It has 5 million users.", "5 million", 5e6, metric="users"),
        claim("d", "It has 5 million users, the xinhua said.", "5 million", 5e6, metric="users",
              chain=("the xinhua",)),
    ])
    (f,) = report.findings
    assert f.kind == "agreement"
    assert (f.values[0].documents, f.values[0].origins) == (4, 2)
    assert "2 independent origins" in f.message


def test_repeats_inside_a_document_are_one_source() -> None:
    report = run([
        claim("a", "It has 7 million users.", "7 million", 7e6, metric="users", repeats=3),
        claim("a", "It has 7 million users.", "7 million", 7e6, metric="users", sent_start=500),
        claim("b", "It has 7 million users.", "7 million", 7e6, metric="users"),
    ])
    (f,) = report.findings
    assert f.values[0].documents == 2 and f.values[0].origins == 2


# --------------------------------------------------------------------------- options and input


def test_aliases_and_metric_synonyms() -> None:
    a = claim("a", "We Chat has 9 MAU.", "9", 9, subject="We Chat", metric="MAU")
    b = claim("b", "WeChat has 11 monthly active users.", "11", 11)
    assert two(a, b) == []  # "We Chat" is not known to be WeChat
    (f,) = two(a, b, aliases={"we chat": "WeChat"})
    assert f.kind == "conflict" and f.subject == "WeChat"
    c = claim("c", "We Chat has 9 readers.", "9", 9, subject="WeChat", metric="readership")
    (g,) = two(c, b, metric_synonyms={"Readership": "monthly active users"})
    assert g.kind == "conflict"


def test_metric_normalisation_keeps_users_apart() -> None:
    assert normalise_metric("MAUs") == normalise_metric("monthly active users")
    assert normalise_metric("users") != normalise_metric("monthly active users")
    assert normalise_metric("registered users") == "users"


def test_options_reach_an_extractor_that_accepts_them() -> None:
    seen: list[dict[str, Any]] = []

    def with_kw(doc: Document, *, aliases: Any = None, metric_synonyms: Any = None) -> list[Claim]:
        seen.append({"aliases": aliases, "metric_synonyms": metric_synonyms})
        return []

    def without_kw(doc: Document) -> list[Claim]:
        seen.append({})
        return []

    cc.check(["x"], extract=with_kw, aliases={"a": "b"}, metric_synonyms={"c": "d"})
    cc.check(["x"], extract=without_kw, aliases={"a": "b"})
    assert seen == [{"aliases": {"a": "b"}, "metric_synonyms": {"c": "d"}}, {}]


def test_plain_strings_get_ids_in_order() -> None:
    report = cc.check(["one", "two", "three"], extract=lambda d: [])
    assert [d.id for d in report.documents] == ["doc1", "doc2", "doc3"]


@pytest.mark.parametrize(
    ("docs", "options", "match"),
    [
        ([Document(id="a", text="x"), Document(id="a", text="y")], {}, "duplicate document id 'a'"),
        (["x"], {"colour": "red"}, "unknown option 'colour'"),
        (["x"], {"tolerance": 1.5}, "tolerance"),
        (["x"], {"tolerance": True}, "tolerance"),
        ("just one text", {}, "iterable"),
        ([42], {}, "document 0 is a int"),
        (["x"], {"aliases": {"a": 1}}, "aliases must be a mapping"),
        (["x"], {"extract": "not callable"}, "extract must be a callable"),
    ],
)
def test_bad_input_raises_input_error(docs: Any, options: dict[str, Any], match: str) -> None:
    options.setdefault("extract", lambda d: [])
    with pytest.raises(cc.InputError, match=match):
        cc.check(docs, **options)


def test_extractor_returning_junk_is_an_input_error() -> None:
    with pytest.raises(cc.InputError, match="not a Claim"):
        cc.check(["x"], extract=lambda d: ["junk"])


def test_empty_input_gives_an_empty_report() -> None:
    assert cc.check([], extract=lambda d: []) == cc.Report()


# --------------------------------------------------------------------------- determinism


def _docs_and_claims() -> tuple[list[str], list[Claim]]:
    claims = seed_claims()
    return sorted({c.doc_id for c in claims}), claims


def test_every_permutation_of_the_seed_documents_gives_the_same_report() -> None:
    ids, claims = _docs_and_claims()
    reference = run(claims, docs=ids, aliases={"We Chat": "WeChat"}).to_json()
    for perm in itertools.islice(itertools.permutations(ids), 0, 120, 7):
        assert run(claims, docs=list(perm), aliases={"We Chat": "WeChat"}).to_json() == reference


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.tuples(st.sampled_from(["users", "monthly active users"]),
                              st.sampled_from(["exact", "more_than", "at_least", "approximate", "at_most"]),
                              st.integers(1, 6).map(lambda v: v * 100.0)),
                    min_size=2, max_size=8),
    seed=st.randoms(use_true_random=False),
)
def test_result_does_not_depend_on_document_order(values: list[tuple[str, str, float]], seed: Any) -> None:
    claims = [claim(f"d{i}", f"It has {v:g} {m}.", f"{v:g}", v, metric=m, qualifier=q)
              for i, (m, q, v) in enumerate(values)]
    ids = [c.doc_id for c in claims]
    shuffled = ids[:]
    seed.shuffle(shuffled)
    a, b = run(claims, docs=ids), run(claims, docs=shuffled)
    assert a == b
    for f in a.findings:  # and never a finding against a document itself
        if f.kind != "internal":
            assert len({c.doc_id for c in f.claims}) >= 2


def test_conflict_detection_matches_brute_force() -> None:
    """The sweep in _conflicting finds exactly the claims a naive all-pairs check finds."""
    import random

    rnd = random.Random(4)
    for _ in range(200):
        claims = []
        for i in range(rnd.randint(2, 7)):
            q = rnd.choice(["exact", "more_than", "less_than", "approximate"])
            v = float(rnd.randint(1, 8) * 10)
            doc = rnd.choice("abc")
            claims.append(claim(doc, f"It has {v:g} users.", f"{v:g}", v, metric="users", qualifier=q,
                                sent_start=100 * i))
        report = run(claims)

        def iv(c: Claim) -> tuple[float, float]:
            q = c.quantity
            v = q.value or 0.0
            if q.qualifier == "approximate":
                return v * 0.9, v * 1.1
            return (q.low if q.low is not None else -math.inf, q.high if q.high is not None else math.inf)

        expect = set()
        for a, b in itertools.combinations(claims, 2):
            (alo, ahi), (blo, bhi) = iv(a), iv(b)
            if a.doc_id != b.doc_id and (ahi < blo or bhi < alo):
                expect |= {a.id, b.id}
        # a value in conflict is reported with every claim that states it
        values = {(c.quantity.qualifier, c.quantity.value) for c in claims if c.id in expect}
        expect = {c.id for c in claims if (c.quantity.qualifier, c.quantity.value) in values}
        got = {c.id for f in report.conflicts for c in f.claims}
        assert got == expect, [format_value(c) + "@" + c.doc_id for c in claims]


def test_spread_is_relative_to_the_smaller_value() -> None:
    assert spread(355, 396) == spread(396, 355) == pytest.approx(41 / 355)
    assert spread(-2, 2) == 2.0


# --------------------------------------------------------------------------- case table


def _cases() -> list[Any]:
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).parent / "cases" / "check.toml").read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["id"]) for c in data["case"]]


def _from_case(doc: str, spec: dict[str, Any]) -> Claim:
    spec = dict(spec)
    quote = spec.pop("quote")
    value = spec.pop("value")
    spec.setdefault("metric", "users")
    return claim(doc, f"It said {quote} in all.", quote, value, **spec)


@pytest.mark.parametrize("case", _cases())
def test_case_table(case: dict[str, Any]) -> None:
    report = run([_from_case("a", case["a"]), _from_case("b", case["b"])], **case.get("options", {}))
    assert kinds(report) == case["expect"], [f.message for f in report.findings]
    swapped = run([_from_case("a", case["b"]), _from_case("b", case["a"])], **case.get("options", {}))
    assert kinds(swapped) == case["expect"]


# --------------------------------------------------------------------------- the seeds, end to end

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _real_seed_report() -> cc.Report:
    import json

    if not (SEEDS / "gold.json").is_file():
        pytest.skip("the shared seed articles are not available")
    try:
        cc.extract("WeChat has 355 million monthly active users.")
    except NotImplementedError:
        pytest.skip("claim extraction is not implemented yet")
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    return cc.check([Document(id=k, text=(SEEDS / v["file"]).read_text(encoding="utf-8"))
                     for k, v in gold["documents"].items()])


def test_seed_articles_end_to_end() -> None:
    """The acceptance of issue 4 on the real articles (needs the extractor)."""
    report = _real_seed_report()
    values = lambda f: {c.quantity.value for c in f.claims}  # noqa: E731
    mau = [f for f in report.conflicts if not f.temporal and {355e6, 396e6} <= values(f)]
    assert mau, [f.message for f in report.findings]
    assert "11.5% apart" in mau[0].message
    mis = [f for f in report.findings if f.kind == "misattribution" and 8e8 in values(f)]
    assert mis and {"002"} < {c.doc_id for c in mis[0].claims}
    days = [f for f in report.conflicts if f.temporal]
    assert days and {"Tuesday", "Wednesday"} <= {v.value for v in days[0].values}
    for f in report.conflicts:
        assert len({c.doc_id for c in f.claims}) > 1, f.message
        assert not (8e8 in values(f) and values(f) & {355e6, 396e6}), f.message
        assert 143.8e6 not in values(f), f.message


def test_approximate_values_keep_the_writers_hedge() -> None:
    a = claim("a", "Nearly 3,000 people left.", "Nearly 3,000 people", 3000, qualifier="approximate",
              low=2700, high=3000, metric="people evacuated", subject="town")
    b = claim("b", "About 1,250 people left.", "About 1,250 people", 1250, qualifier="approximate",
              metric="people evacuated", subject="town")
    (f,) = run([a, b]).findings
    assert f.kind == "conflict"
    assert f.message.startswith("about 1,250 (b) vs nearly 3,000 (a) people evacuated for town: ×2.4 apart")


def test_misattribution_needs_a_document_of_its_own_for_each_subject() -> None:
    # doc b gives 6.1 both for the quake and for a mis-parsed subject: no second source
    quake = [claim(d, "A 6.1-magnitude quake hit.", "6.1", 6.1, subject="earthquake", metric="magnitude")
             for d in ("a", "b")]
    junk = claim("b", "An earthquake of magnitude 6.1 hit.", "6.1", 6.1, subject="Earthquake Of Magnitude",
                 metric="magnitude", sent_start=80)
    assert [f.kind for f in run([*quake, junk]).findings] == ["agreement"]


def test_compatible_open_intervals_state_no_spread() -> None:
    (f,) = two(claim("a", "At least 4 bombs fell.", "At least 4", 4, qualifier="at_least", metric="bombs"),
               claim("b", "Over 220 bombs fell.", "Over 220", 220, qualifier="more_than", metric="bombs"))
    assert f.kind == "compatible" and f.spread is None and "apart" not in f.message


def test_agreement_prefers_the_exact_wording() -> None:
    (f,) = two(claim("a", "It is some 75 km away.", "some 75 km", 75, qualifier="approximate",
                     unit="kilometer", kind="dimension", metric="distance"),
               claim("b", "It is 75 km away.", "75 km", 75, unit="kilometer", kind="dimension", metric="distance"))
    assert f.kind == "agreement" and f.message.startswith("2 documents agree on 75 kilometers")


def test_wire_copy_printed_twice_is_one_origin() -> None:
    wire = "The storm destroyed 40 homes in the valley of Varn on Monday night."
    docs = [cc.Document(id="a", text=wire), cc.Document(id="b", text="Rain fell all week. " + wire),
            cc.Document(id="c", text="In Varn, the storm destroyed 40 homes, a local official said.")]
    r = cc.check(docs)
    agree = [f for f in r.findings if f.kind == "agreement" and f.values[0].value.startswith("40")]
    assert agree, [f.message for f in r.findings]
    sup = agree[0].values[0]
    assert sup.documents == 3 and sup.origins == 2, (sup, agree[0].message)
    assert "a and b carry the same copy" in agree[0].message, agree[0].message


def test_two_wire_copies_are_named_in_document_order() -> None:
    # the groups of copies come in the order of their documents, never in that of a set
    # (which changes with PYTHONHASHSEED from one run to the next)
    one = "The storm destroyed 40 homes in the valley of Varn on Monday night."
    two = "In Varn, 40 homes were destroyed by the storm, the mayor said on Tuesday."
    docs = [cc.Document(id=i, text=t) for i, t in (("d1", two), ("d2", one), ("d3", two), ("d4", one))]
    agree = [f for f in cc.check(docs).findings if f.kind == "agreement"]
    assert agree and "(d1 and d3 carry the same copy; so do d2 and d4)" in agree[0].message, agree[0].message


def test_base_units_by_factor_are_pints_own_figures() -> None:
    # check converts a unit without an offset by multiplying by its factor: the figure must
    # be pint's, bit for bit, for every unit the lexicon knows (or comparisons would shift)
    import random

    from claimcheck import lexicon
    from claimcheck.check import _base
    from claimcheck.errors import UnitError
    from claimcheck.units import base_magnitude, definitions, is_unit

    lex = lexicon.units()
    names = {e.unit for e in (*lex.words.values(), *lex.symbols.values())} | {n for n, _ in definitions()}
    names |= {"degree_Celsius", "degree_Fahrenheit", "USD per month", "kilometer / hour", "percent"}
    rnd = random.Random(10)
    values = [rnd.uniform(-1e9, 1e9) for _ in range(40)] + [float(rnd.randint(0, 10**7)) for _ in range(40)]
    values += [0.0, -0.0, 1.0, 0.1, 1e300, -1e300, 5e-324, 1.7e308]
    checked = 0
    for unit in sorted(n for n in names if is_unit(n)):
        for v in values:
            try:
                want: float | str = base_magnitude(v, unit)
            except UnitError:
                want = "error"
            try:
                got: float | str = _base(v, unit)
            except UnitError:
                got = "error"
            assert repr(got) == repr(want), (unit, v, got, want)
            checked += 1
    assert checked > 100 * len(values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 6), st.booleans(), st.booleans(),
                          st.sets(st.sampled_from("abc"), min_size=1, max_size=3)), min_size=1, max_size=8))
def test_conflicting_pairs_and_sweep_agree(spec: list[tuple[int, int, bool, bool, set[str]]]) -> None:
    # a few classes are compared pair by pair, more by the sweep: the same classes either way
    from claimcheck.check import _Class, _conflicting, _conflicting_pairs

    classes = []
    for low, width, open_low, open_high, docs in spec:
        k = _Class(float(low), -math.inf if open_low else float(low), math.inf if open_high else float(low + width))
        k.claims = [claim(d, "x", "x", 1.0) for d in sorted(docs)]
        classes.append(k)
    pairs = _conflicting_pairs(classes)
    many = classes * 9  # past _FEW_CLASSES: the sweep
    assert [id(k) for k in _conflicting(many)] == [id(k) for k in many if k in pairs]


def test_one_stated_time_does_not_split_a_value() -> None:
    # "5.9" stated for Sunday and "5.9" with no time are one value, shown once
    a = claim("a", "The quake measured 5.9 on Sunday.", "5.9", 5.9, subject="quake", metric="magnitude",
              time="Sunday")
    a = a.model_copy(update={"time_basis": "stated"})
    b = claim("b", "The quake measured 5.9.", "5.9", 5.9, subject="quake", metric="magnitude")
    c = claim("c", "The quake measured 6.1.", "6.1", 6.1, subject="quake", metric="magnitude")
    [f] = [f for f in run([a, b, c]).findings if f.kind == "conflict"]
    assert [v.value for v in f.values] == ["5.9", "6.1"], f.values
    assert [len(v.claim_ids) for v in f.values] == [2, 1]


def test_aliases_name_places_in_scopes_too() -> None:
    a = claim("a", "In Salonika 50,000 marched.", "50,000", 5e4, subject="protest", metric="crowd size",
              scope="Salonika")
    b = claim("b", "In Thessaloniki 20,000 marched.", "20,000", 2e4, subject="protest", metric="crowd size",
              scope="Thessaloniki")
    assert not [f for f in run([a, b]).findings if f.kind == "conflict"]
    [f] = [f for f in run([a, b], aliases={"Salonika": "Thessaloniki"}).findings if f.kind == "conflict"]
    assert {c.doc_id for c in f.claims} == {"a", "b"}


def test_a_count_another_report_calls_earlier_is_an_earlier_count() -> None:
    def toll(doc: str, text: str, quote: str, value: float, day: str, basis: str, qualifier: str = "exact") -> Claim:
        c = claim(doc, text, quote, value, subject="attack", metric="deaths", qualifier=qualifier, time=day)
        return c.model_copy(update={"time_basis": basis, "event": "attack"})

    a = toll("a", "Some 30 people were killed.", "Some 30", 30, "2024-01-06", "published", "approximate")
    c = toll("c", "More than 40 people were killed.", "More than 40", 40, "2024-01-06", "published", "more_than")
    b = toll("b", "The agency said earlier it had counted 30 dead.", "30", 30, "2024-01-07", "earlier")
    assert [f.kind for f in run([a, c]).findings if f.kind == "conflict"] == ["conflict"]
    kinds = [f.kind for f in run([a, b, c]).findings]
    assert "conflict" not in kinds and "update" in kinds, kinds


def test_a_companys_profit_and_its_revenue_are_never_set_against_each_other() -> None:
    # different sums of one company are different metrics; the same sum told twice compares
    report = cc.check([
        cc.Document(id="a", text="Northwind posted a net profit of $200 million for the year."),
        cc.Document(id="b", text="Northwind reported revenue of $5 billion for the year."),
        cc.Document(id="c", text="Northwind reported revenue of $5.6 billion for the year."),
    ])
    conflicts = [(f.metric, f.doc_ids) for f in report.findings if f.kind == "conflict"]
    assert conflicts == [("revenue", ("b", "c"))]


def test_the_value_a_change_started_from_is_not_set_against_todays() -> None:
    # "down from 71 percent" is last time's turnout: never a conflict with today's 64
    report = cc.check([
        cc.Document(id="a", text="Turnout in Varn was 64 percent, down from 71 percent in the last vote."),
        cc.Document(id="b", text="Turnout in Varn was 64 percent."),
    ])
    assert [f.kind for f in report.findings] == ["agreement"]
    assert any(s.rule == "earlier value" for s in report.set_aside)


def test_a_valuation_is_not_the_price_of_a_deal() -> None:
    report = cc.check([
        cc.Document(id="a", text="Chip designer Lumo Labs is being acquired by Northwind in a deal worth $1.2 billion."),
        cc.Document(id="b", text="Chip designer Lumo Labs is being acquired by Northwind in a deal worth $1.2 billion. "
                                 "Northwind shares were up 2.5 percent in early trading, valuing the company at $60 "
                                 "billion."),
    ])
    assert [(f.kind, f.metric) for f in report.findings] == [("agreement", "price")]


@pytest.mark.parametrize(("a", "b", "kind"), [
    ("39 percent", "39.1 percent", "compatible"),  # one is the other rounded
    ("63 percent", "64 percent", "conflict"),  # neighbours stay apart
    ("a depth of 10 km", "a depth of 10.3 km", "compatible"),
    ("a depth of 10 km", "a depth of 12 km", "conflict"),
    ("300 employees", "320 employees", "conflict"),  # a whole count is exact
    ("$14 billion", "$14.2 billion", "compatible"),  # money in one currency, as counts
    ("$14 billion", "$15 billion", "conflict"),
    ("$300 million", "$320 million", "conflict"),
    ("$1.2 billion", "$1.25 billion", "compatible"),
    ("$1.2 billion", "$1.5 billion", "conflict"),
    ("$2-3 billion", "$3.4 billion", "conflict"),  # a range is as wide as it says
])
def test_an_exact_figure_covers_half_its_last_digit(a: str, b: str, kind: str) -> None:
    texts = {"percent": "Turnout in Varn was {}.", "depth": "The quake struck Varn at {}.",
             "employees": "Northwind has {}.", "$": "Northwind paid {} for Lumo."}
    template = next(t for key, t in texts.items() if key in a)
    report = cc.check([cc.Document(id="a", text=template.format(a)), cc.Document(id="b", text=template.format(b))])
    assert [f.kind for f in report.findings] == [kind]


def test_a_named_storm_is_the_storm_of_the_story() -> None:
    # "Typhoon Mara" names the storm: its toll meets the one another outlet gives "the typhoon"
    report = cc.check([
        cc.Document(id="a", text="Typhoon Mara hit the coast of Varn on Monday. At least 21 people were killed.",
                    published="2024-05-06"),
        cc.Document(id="b", text="The typhoon hit the coast of Varn on Monday. At least 21 people were killed.",
                    published="2024-05-06"),
    ])
    assert [(f.kind, f.doc_ids) for f in report.findings] == [("agreement", ("a", "b"))]
    assert {c.event for c in report.claims} == {"storm"}


def test_a_name_holding_an_event_noun_of_another_kind_is_no_mention() -> None:
    from claimcheck import frames
    from claimcheck.models import Document
    from claimcheck.sentence import DocState, view

    d = Document(id="d", text="The Earthquake Commission of Varn paid out 40 claims.")
    assert frames.mentions(view(d.text, 0, len(d.text), DocState.for_document(d))) == []


def test_a_change_is_never_set_against_a_level() -> None:
    # "by half a percentage point" is how much the rate moved; "4.25%" is where it stands
    report = cc.check([
        cc.Document(id="a", text="The bank of Varn raised its main rate by 50 basis points to 4.25 percent."),
        cc.Document(id="b", text="The bank of Varn lifted its main rate by half a percentage point, to 4.25%."),
    ])
    assert [(f.kind, [c.quantity.text for c in f.claims]) for f in report.findings] == [
        ("agreement", ["4.25 percent", "4.25%"])]


def test_a_report_that_names_no_event_tells_the_one_the_others_name() -> None:
    # the first report never says "outbreak": its toll is still the outbreak's
    docs = [
        cc.Document(id="a", text="Health officials in Varn said at least 14 people have died.", published="2024-05-02"),
        cc.Document(id="b", text="A measles outbreak in Varn has killed 16 people.", published="2024-05-04"),
    ]
    report = cc.check(docs)
    assert [(f.kind, f.doc_ids) for f in report.findings] == [("update", ("a", "b"))]
    assert "for outbreak" in report.findings[0].message
    # with two kinds of event named, a report that names none is left apart
    docs.append(cc.Document(id="c", text="A flood in Varn has killed 3 people.", published="2024-05-04"))
    assert all("a" not in f.doc_ids for f in cc.check(docs).findings)


def test_an_earlier_estimate_is_compared_only_with_earlier_ones() -> None:
    # "initially put the magnitude at 6.6" is the first estimate, not today's figure
    report = cc.check([
        cc.Document(id="a", text="A quake hit Varn on Monday. The survey initially put the magnitude at 6.6."),
        cc.Document(id="b", text="A magnitude 6.4 quake hit Varn on Monday."),
        cc.Document(id="c", text="A quake hit Varn on Monday, with a magnitude of 6.4."),
    ])
    magnitude = [f for f in report.findings if f.metric == "magnitude"]
    assert [(f.kind, f.doc_ids) for f in magnitude] == [("agreement", ("b", "c"))]


def test_the_whole_a_part_is_counted_against_is_not_the_subjects() -> None:
    # "64 of the 150 seats": the Greens hold 64; reading 150 as theirs made a false conflict
    # with another outlet's 64 and a false misattribution with the assembly's 150 seats
    report = cc.check([
        cc.Document(id="a", text="The Varn Greens will hold 64 of the 150 seats in the assembly."),
        cc.Document(id="b", text="The Varn Greens won 64 seats in the 150-seat assembly."),
        cc.Document(id="c", text="The Varn Greens secured 63 seats."),
    ])
    assert [(f.kind, f.doc_ids) for f in report.findings] == [("conflict", ("a", "b", "c"))]
    assert [v.value for v in report.findings[0].values] == ["63", "64"]


def test_statements_on_two_days_about_a_running_event_are_no_conflict() -> None:
    # a fire is reported on day after day: "said on Monday" and "said on Tuesday" date two
    # statements, not the fire; a deal is announced once, and two days for it disagree
    fire = cc.check([
        cc.Document(id="a", text="A wildfire near Lumo has destroyed 140 homes, officials said on Monday.",
                    published="2024-05-07"),
        cc.Document(id="b", text="The wildfire near Lumo has destroyed 160 homes, officials said on Tuesday.",
                    published="2024-05-08"),
    ])
    assert [f.kind for f in fire.findings] == ["update"]
    deal = cc.check([
        cc.Document(id="a", text="Northwind said on Monday it had agreed a deal to buy Lumo.", published="2024-05-07"),
        cc.Document(id="b", text="Northwind said on Tuesday it had agreed a deal to buy Lumo.", published="2024-05-07"),
    ])
    assert [(f.kind, f.metric) for f in deal.findings] == [("conflict", "announcement day")]


def test_a_fire_reported_day_after_day_gives_updates() -> None:
    # the area a fire burned grows; a rounded conversion in acres is the same area; how much
    # of it is contained rises: updates, and no conflict between the days' statements
    report = cc.check([
        cc.Document(id="a", text="A wildfire near Pico has burned more than 12,000 hectares and is 30 percent "
                                 "contained, officials said on Monday.", published="2024-05-07"),
        cc.Document(id="b", text="The Pico fire has scorched 12,400 hectares and is 35 percent contained, officials "
                                 "said on Tuesday.", published="2024-05-08"),
        cc.Document(id="c", text="The Pico blaze has burned 12,400 hectares, or about 30,000 acres.",
                    published="2024-05-08"),
    ])
    assert sorted((f.kind, f.metric) for f in report.findings) == [
        ("update", "area burned"), ("update", "containment")]


def test_an_update_with_a_fall_points_to_its_conflict() -> None:
    # 23, then 26, then 23 again: the fall is a conflict, and the update's timeline does not
    # claim the count only rose
    report = cc.check([
        cc.Document(id="a", text="A warship foiled an attack by pirates, capturing 23 suspects.", published="2024-05-02"),
        cc.Document(id="b", text="The navy detained 26 suspected pirates after the attack.", published="2024-05-03"),
        cc.Document(id="c", text="The navy said its sailors arrested 23 pirates in the attack.", published="2024-05-04"),
    ])
    kinds = sorted((f.kind, f.metric) for f in report.findings)
    assert kinds == [("conflict", "arrested"), ("update", "arrested")]
    update = next(f for f in report.findings if f.kind == "update")
    assert "where a later report gives less" in update.message
    assert "is an update, not a conflict" not in update.message


def _conflict_values(report: cc.Report) -> list[tuple[str | None, list[float | None]]]:
    """Each conflict of a report: its metric and the values of the claims it sets apart."""
    return [(f.metric, sorted(c.quantity.value for c in f.claims)) for f in report.findings if f.kind == "conflict"]


def test_a_bonus_and_a_rival_offer_are_no_part_of_a_contract_conflict() -> None:
    # $180m vs $184m is the real conflict; the $5m signing bonus inside the deal and the
    # $160m offer turned down are other sums
    report = cc.check([
        cc.Document(id="a", text="The Hawks signed Leo Marquez to an eight-year, $180 million contract. He turned "
                                 "down a $160 million offer from the Bay Stars.", published="2024-05-02"),
        cc.Document(id="b", text="Marquez's contract with the Hawks is worth $184 million over eight years, "
                                 "including a signing bonus of $5 million.", published="2024-05-03"),
    ])
    assert _conflict_values(report) == [("price", [180e6, 184e6])]


def test_a_surname_alone_in_one_report_is_the_person_another_names_in_full() -> None:
    # "Ellison, 86," and "Mara Ellison ..., aged 87" are one person's ages: a conflict; a
    # surname two people share stays apart
    report = cc.check([
        cc.Document(id="a", text="Mara Ellison died at her home on Monday, aged 87, her publicist said.",
                    published="2024-05-07"),
        cc.Document(id="b", text="Ellison, 86, died peacefully in her sleep.", published="2024-05-07"),
    ])
    assert [(f.kind, f.metric) for f in report.findings] == [("conflict", "age")]
    shared = cc.check([
        cc.Document(id="a", text="Mara Ellison died on Monday, aged 87. Her brother Ivo Ellison, 84, said so.",
                    published="2024-05-07"),
        cc.Document(id="b", text="Ellison, 86, died peacefully in her sleep.", published="2024-05-07"),
    ])
    assert [f.kind for f in shared.findings if f.metric == "age"] == []


def test_a_speed_limit_is_no_speed() -> None:
    # 92 vs 90 mph is the conflict; the 65 mph zone is the limit, not a third speed
    report = cc.check([
        cc.Document(id="a", text="Police stopped Tia Moreno's car doing 92 mph in a 65 mph zone.", published="2024-05-02"),
        cc.Document(id="b", text="Tia Moreno, 31, was booked on a DUI charge after being clocked at 90 mph, officers said.",
                    published="2024-05-03"),
    ])
    assert _conflict_values(report) == [("speed", [90.0, 92.0])]


def test_two_names_of_one_group_of_people_are_compared() -> None:
    # "inmates" and "prisoners" are one group (events.toml [scope.same]): 5 vs 6 escaped
    report = cc.check([
        cc.Document(id="a", text="Five inmates escaped from the Varn prison on Monday.", published="2024-05-06"),
        cc.Document(id="b", text="Six prisoners escaped from the Varn prison on Monday.", published="2024-05-06"),
    ])
    assert [(f.kind, f.metric) for f in report.findings] == [("conflict", "escaped")]


def test_a_crash_compares_who_was_aboard_and_keeps_an_earlier_crash_apart() -> None:
    report = cc.check([
        cc.Document(id="a", text="A Pico Air jet crashed near Varn on Tuesday, killing all 57 people on board. It "
                                 "was carrying 49 passengers and eight crew members. It was the airline's first "
                                 "fatal accident since 2011, when 43 people died.", published="2024-05-08"),
        cc.Document(id="b", text="All 57 people aboard a Pico Air flight died when the jet crashed near Varn. The "
                                 "ministry said 50 passengers and seven crew members were on the flight.",
                    published="2024-05-08"),
    ])
    got = sorted((f.kind, f.metric, tuple(v.value for v in f.values)) for f in report.findings)
    assert got == [("agreement", "deaths", ("57",)),
                   ("conflict", "crew on board", ("7", "8")),
                   ("conflict", "passengers on board", ("49", "50"))]


def test_a_crowd_is_an_estimate_and_a_match_crowd_is_no_protest() -> None:
    # "a crowd of 52,000" is 51,800 rounded: compatible; it is the match's attendance, no
    # protest's crowd; two round estimates a thousand apart still conflict
    match = cc.check([
        cc.Document(id="a", text="Pico Rovers beat Varn Town 2-0 in the cup final before a crowd of 52,000."),
        cc.Document(id="b", text="Pico Rovers won the cup final 2-0 in front of 51,800 fans."),
    ])
    assert [(f.kind, f.metric) for f in match.findings] == [("compatible", "attendance")]
    assert {c.event for c in match.claims} == {"match"}
    protest = cc.check([
        cc.Document(id="a", text="Protesters marched through Pico against the law. Police put the crowd at 45,000."),
        cc.Document(id="b", text="Protesters marched through Pico against the law. Police put the crowd at 46,000."),
    ])
    assert [(f.kind, f.metric) for f in protest.findings] == [("conflict", "crowd size")]


def test_a_court_story_meets_on_the_convicts_fine() -> None:
    # "was jailed ... and ordered to pay a fine": the fine is the convict's, not "ordered"'s;
    # read as "ordered"'s it made a false misattribution with the other outlet's fine
    report = cc.check([
        cc.Document(id="a", text="A court in Pico sentenced Ivo Marsh to 12 years in prison. Marsh was also fined "
                                 "$500,000."),
        cc.Document(id="b", text="Ivo Marsh, 62, was jailed for 12 years and ordered to pay a fine of $500,000."),
    ])
    assert sorted((f.kind, f.metric) for f in report.findings) == [("agreement", "fine"),
                                                                   ("agreement", "prison sentence")]


def test_an_economic_indicator_is_the_places() -> None:
    # "Inflation in Pico" and "Pico's annual inflation rate" are one figure of Pico's; the
    # central bank's warning of what inflation could reach is no measured figure
    report = cc.check([
        cc.Document(id="a", text="Inflation in Pico rose to 7.9 percent in March, the statistics office said. "
                                 "Unemployment fell to 4.1 percent.", published="2024-04-10"),
        cc.Document(id="b", text="Pico's annual inflation rate hit 8.4 percent in March. The jobless rate dropped "
                                 "to 4.1%. The central bank warned inflation could reach 10 percent.",
                    published="2024-04-10"),
    ])
    got = sorted((f.kind, f.metric, f.subject) for f in report.findings)
    assert got == [("agreement", "unemployment", "Pico"), ("conflict", "inflation", "Pico")]


def test_a_running_toll_is_as_of_the_day_it_was_said() -> None:
    # the Thursday report carries Sunday's 46; the Friday one Monday's 52: a rising toll,
    # not a fall from 52 to 46 (dated by publication it read as one); and people forced
    # from their homes are the displaced, never the dead ("more than 200,000" compares nothing)
    report = cc.check([
        cc.Document(id="a", text="Floods in Varn have killed 46 people and forced more than 200,000 from their homes, "
                                 "the disaster agency said on Sunday.", published="2024-05-09"),
        cc.Document(id="b", text="The death toll from flooding in Varn rose to 52 on Monday, officials said.",
                    published="2024-05-10"),
    ])
    assert [(f.kind, f.metric) for f in report.findings] == [("update", "deaths")]
    assert {c.metric for c in report.claims} == {"deaths", "displaced"}


def test_opening_fire_is_an_attack_not_a_fire() -> None:
    report = cc.check([
        cc.Document(id="a", text="A gunman opened fire at a Pico shopping centre, killing nine people."),
        cc.Document(id="b", text="Nine people were killed in a shooting at a Pico shopping centre."),
    ])
    assert {c.event.split(" (")[0] for c in report.claims} == {"attack"}
    assert [f.kind for f in report.findings] == ["agreement"]


def test_a_breach_and_job_cuts_are_not_the_companys_size() -> None:
    # whose data a breach exposed, and the jobs a company cuts, are no customer base or
    # workforce: each had made a false conflict with the company's own size
    report = cc.check([
        cc.Document(id="a", text="A data breach at Pico Telecom exposed the personal data of 40 million customers. "
                                 "Pico Telecom is laying off 1,500 workers."),
        cc.Document(id="b", text="Pico Telecom, which has more than 50 million customers and 14,800 employees, "
                                 "confirmed the breach."),
    ])
    assert [f.kind for f in report.findings] == []
    assert {c.metric for c in report.claims} >= {"people affected", "job cuts", "customers", "employees"}


def test_a_vote_share_is_the_party_named_before_on() -> None:
    report = cc.check([
        cc.Document(id="a", text="The Greens won the Varn election with 31.2 percent, ahead of the Liberals on "
                                 "24.5 percent."),
        cc.Document(id="b", text="In the Varn election the Liberals took 27 percent of the vote."),
    ])
    assert [(f.kind, f.subject) for f in report.findings] == [("conflict", "Liberals")]


def test_a_heatwave_compares_temperatures_across_units() -> None:
    report = cc.check([
        cc.Document(id="a", text="Temperatures in Pico reached 47.3C on Tuesday during the heatwave."),
        cc.Document(id="b", text="The thermometer hit 117 degrees Fahrenheit in Pico on Tuesday during the heatwave."),
    ])
    assert [(f.kind, f.metric, f.subject) for f in report.findings] == [("compatible", "temperature", "Pico")]
    assert "117 degrees Fahrenheit" in report.findings[0].message


def test_new_cases_and_daily_rates_never_meet_the_running_total() -> None:
    report = cc.check([
        cc.Document(id="a", text="The cholera outbreak in Pico has infected 1,240 people so far.", published="2024-05-06"),
        cc.Document(id="b", text="In Pico's cholera outbreak about 150 new cases are recorded every day.",
                    published="2024-05-07"),
    ])
    assert report.findings == ()


@pytest.mark.parametrize(("a", "b", "kinds"), [
    ("Lumo Telecom", "Lumo", []),  # one company, its name written short
    ("Pico Rovers", "Rovers", []),
    ("Lumo Telecom", "Pico Telecom", ["misattribution"]),  # two companies
])
def test_a_name_written_short_is_no_other_subject(a: str, b: str, kinds: list[str]) -> None:
    report = cc.check([
        cc.Document(id="a", text=f"{a} has 52 million subscribers, the company said."),
        cc.Document(id="b", text=f"{b} has 52 million subscribers."),
    ])
    assert [f.kind for f in report.findings] == kinds


def test_the_ledes_statement_day_dates_the_reports_running_counts() -> None:
    # a's lede dates its report Monday, b's says Tuesday: 30 then 35 percent contained is a
    # rise, though a came out later (dated one by one, a's 30% was Thursday's and fell)
    report = cc.check([
        cc.Document(id="a", text="A wildfire near Pico has destroyed 140 homes, fire officials said on Monday. The "
                                 "blaze is 30 percent contained.", published="2024-05-09"),
        cc.Document(id="b", text="The Pico fire is 35 percent contained, officials said on Tuesday.",
                    published="2024-05-08"),
    ])
    assert [(f.kind, f.metric) for f in report.findings] == [("update", "containment")]


def _stories() -> list[Any]:
    import tomllib

    data = tomllib.loads((Path(__file__).parent / "cases" / "stories.toml").read_text(encoding="utf-8"))
    return [pytest.param(s, id=s["id"]) for s in data["story"]]


@pytest.mark.parametrize("story", _stories())
def test_story_table(story: dict[str, Any]) -> None:
    """An invented story of each class of news gives its real findings and none of the
    false alarms a change once raised on it (tests/cases/stories.toml)."""
    docs = [cc.Document(id=f"d{i + 1}", text=d["text"], published=d["published"])
            for i, d in enumerate(story["document"])]
    got = {f"{f.kind}: {f.metric}" for f in cc.check(docs).findings}
    assert set(story["must"]) <= got, sorted(got)
    assert not set(story["must_not"]) & got, sorted(got)
