"""Money across currencies and dates (issue 9): claimcheck.money and the check's use of it.

The case table is tests/cases/currency.toml (invented documents, checked end to end); the
tests below it cover the helpers one by one, a property of conversions, the corpus (skipped
without ../shared) and a check without the ``currency`` extra.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import json
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck as cc
from claimcheck import money
from claimcheck.check import NO_RATES_WARNING
from claimcheck.models import CurrencyReading, Document, Quantity
from tests.casefiles import SHARED, case_params, load_cases

CASES = load_cases("currency.toml")


def _docs(spec: list[dict[str, Any]]) -> list[Document]:
    return [Document(**d) for d in spec]


def _money_findings(report: cc.Report) -> list[cc.Finding]:
    return [f for f in report.findings if any(money.currency_code(c.quantity.unit) for c in f.claims)]


# --------------------------------------------------------------------------- case table


@pytest.mark.parametrize("case", case_params(CASES))
def test_case_table(case: dict[str, Any]) -> None:
    report = cc.check(_docs(case["docs"]))
    found = _money_findings(report)
    messages = [f.message for f in found]
    assert [f.kind for f in found] == case["expect"], messages
    for part in case.get("message", []):
        assert any(part in m for m in messages), (part, messages)
    for part in case.get("warnings", []):
        assert any(part in w for w in report.warnings), (part, report.warnings)
    by_id = {c.id: c for c in report.claims}
    for doc_id, want in case.get("readings", {}).items():
        got = {f"{r.currency}:{r.basis}" for f in found for r in f.currencies if by_id[r.claim_id].doc_id == doc_id}
        assert got == ({want} if isinstance(want, str) else set(want)), (doc_id, got, messages)


@pytest.mark.parametrize("case", case_params(CASES, "negative"))
def test_negative_table(case: dict[str, Any]) -> None:
    found = _money_findings(cc.check(_docs(case["docs"])))
    if case.get("none"):
        assert found == [], [f.message for f in found]
    assert not [f for f in found if f.kind == "conflict"], [f.message for f in found]


def test_cases_use_known_documents_fields() -> None:
    for c in CASES["case"] + CASES["negative"]:
        assert {"id", "docs"} <= set(c), c
        for d in c["docs"]:
            assert set(d) <= {"id", "text", "source", "url", "published"}, d


def test_money_reports_do_not_depend_on_document_order() -> None:
    case = next(c for c in CASES["case"] if c["id"].startswith("pounds, rand and yen"))
    docs = _docs(case["docs"])
    first = cc.check(docs)
    for perm in itertools.permutations(docs):
        assert cc.check(list(perm)) == first


def test_money_findings_round_trip_through_json() -> None:
    case = next(c for c in CASES["case"] if c["id"].startswith("a conversion off by more"))
    report = cc.check(_docs(case["docs"]))
    assert any(f.currencies for f in report.findings)
    assert cc.Report.model_validate_json(report.to_json()) == report


# --------------------------------------------------------------------------- rates


def test_rate_of_a_day_and_of_a_period() -> None:
    day = money.rate("EUR", "USD", dt.date(2013, 9, 9))
    assert day is not None and day.low == day.high == day.mid == pytest.approx(1.3194)
    assert day.text() == "1.3194 USD/EUR on 2013-09-09"
    back = money.rate("USD", "EUR", dt.date(2013, 9, 9))
    assert back is not None and back.text() == "1.3194 USD/EUR on 2013-09-09"  # quoted as the ECB does
    month = money.rate("EUR", "GBP", dt.date(2013, 7, 1), dt.date(2013, 7, 31))
    assert month is not None and month.low < month.mid < month.high and month.period == "2013-07-01/2013-07-31"


@pytest.mark.parametrize(
    ("src", "dst", "first", "last"),
    [
        ("EUR", "AED", dt.date(2010, 5, 5), None),  # the ECB publishes no dirham rate
        ("EUR", "USD", dt.date(1990, 1, 1), None),  # before the euro
        ("EUR", "USD", dt.date(2001, 1, 1), dt.date(2004, 1, 1)),  # a period longer than a year
    ],
)
def test_no_rate(src: str, dst: str, first: dt.date, last: dt.date | None) -> None:
    assert money.rate(src, dst, first, last) is None


def test_converter_reads_the_bundled_file_only() -> None:
    from currency_converter import CURRENCY_FILE

    c = money.converter()
    assert c is not None and c is money.converter()
    assert not CURRENCY_FILE.startswith(("http://", "https://"))
    assert c.fallback_on_missing_rate and c.fallback_on_missing_rate_method == "last_known"


_RATED = ["EUR", "USD", "GBP", "JPY", "AUD", "CAD", "CHF", "ZAR", "SEK", "NZD"]


@settings(deadline=None)
@given(
    amount=st.floats(min_value=1e3, max_value=1e12),
    pair=st.sampled_from(list(itertools.permutations(_RATED, 2))),
    day=st.dates(min_value=dt.date(2000, 1, 3), max_value=dt.date(2020, 12, 31)),
    error=st.floats(min_value=-0.9 * money.RATE_BAND, max_value=0.9 * money.RATE_BAND),
)
def test_a_fair_conversion_fits_both_ways(amount: float, pair: tuple[str, str], day: dt.date, error: float) -> None:
    """Converting a sum within the band gives a figure that fits as a conversion of the sum,
    and the sum fits as a conversion of the figure: the check is symmetric within the band."""
    src, dst = pair
    r = money.rate(src, dst, day)
    assert r is not None
    converted = amount * r.mid * (1 + error)

    def q(v: float, cur: str) -> Quantity:
        return Quantity(text="x", start=0, end=1, value=v, low=v, high=v, unit=cur, kind="currency")

    window = (day, day)
    assert money.fits(q(converted, dst), dst, q(amount, src), src, window)
    # the way back allows the band on the other side: within (1 + band)² of the rate
    back = money.rate(dst, src, day)
    assert back is not None and back.mid * r.mid == pytest.approx(1.0, rel=1e-9)
    assert money.fits(q(amount, src), src, q(converted, dst), dst, window)


# --------------------------------------------------------------------------- signs


@pytest.mark.parametrize(
    ("text", "sign", "family"),
    [
        ("$2.6 million", "$", "dollar"),
        ("US$2.6 million", "US$", None),
        ("A$3 million", "A$", None),
        ("5 million dollars", "dollars", "dollar"),
        ("5 million Canadian dollars", "Canadian dollars", None),
        ("¥500 million", "¥", "yen"),
        ("120 kr", "kr", "krona"),
        ("R14 million", "R", "rand"),
        ("£1.7m", "£", "pound"),
        ("€2 million", "€", None),
        ("2m euros", "euros", None),
    ],
)
def test_signs_and_their_families(text: str, sign: str, family: str | None) -> None:
    (q,) = cc.parse_quantities(text)
    assert money.sign_of(q) == sign
    fam = money.family_of(money.sign_of(q))
    assert (fam.name if fam else None) == family


@pytest.mark.parametrize(
    ("source", "url", "country"),
    [
        ("Harbour Times (Australia)", None, "AU"),
        ("Daily Planet, New Zealand", None, "NZ"),
        ("Wire UK", None, "GB"),
        ("USA Morning", None, "US"),
        ("Example News", None, None),
        (None, "https://www.example.co.uk/story", "GB"),
        (None, "https://example.ca/a", "CA"),
        (None, "https://example.tv/a", None),  # a vanity domain tells nothing
        ("Le Journal (France)", "https://example.ca/a", None),  # two countries: none
        ("the US edition", None, "US"),
        ("tell us more", None, None),  # "us" is no country
    ],
)
def test_outlet_country(source: str | None, url: str | None, country: str | None) -> None:
    got = money.outlet_country(Document(id="d", text="", source=source, url=url))
    assert (got[0].code if got else None) == country


def test_outlet_country_reads_a_domain_written_in_the_source() -> None:
    got = money.outlet_country(Document(id="d", text="", source="news.example.au"))
    assert got is not None and got[0].code == "AU"


def test_rate_window() -> None:
    def claim(text: str, published: str | None) -> Any:
        return cc.extract(Document(id="d", text=text, published=published))[0]

    pub = dt.date(2015, 6, 4)
    assert money.rate_window(claim("Robbers took jewels worth €4 million on Tuesday.", "2015-06-04"), pub) == (
        dt.date(2015, 6, 2), dt.date(2015, 6, 2))
    assert money.rate_window(claim("Robbers took jewels worth €4 million.", None), None) is None
    story = (dt.date(2015, 6, 1), dt.date(2015, 6, 3))
    assert money.rate_window(claim("Robbers took jewels worth €4 million.", None), None, story) == story
    june = money.rate_window(claim("In June, robbers took jewels worth €4 million.", "2015-06-20"), dt.date(2015, 6, 20))
    assert june == (dt.date(2015, 6, 1), dt.date(2015, 6, 20))  # no rate after the article
    target = claim("The Orla trust will save €4 million by 2017.", "2015-06-20")
    assert target.time == "2017"
    assert money.rate_window(target, dt.date(2015, 6, 20)) == (dt.date(2015, 6, 20),) * 2  # the writer's day


def test_conversion_pairs_need_two_currencies_and_a_bracket() -> None:
    cs = cc.extract("Robbers took jewels worth €4 million (US$4.4 million) from the Valdane boutique.")
    pairs = money.conversion_pairs(cs)
    assert [(c.quantity.text, pairs[(c.doc_id, c.id)].quantity.text) for c in cs if (c.doc_id, c.id) in pairs] == [
        ("US$4.4 million", "€4 million")]
    same = cc.extract("The fund raised €4 million (€1 million of it from the Orla trust) last year.")
    assert money.conversion_pairs(same) == {}


def test_readings_from_strongest_evidence_down() -> None:
    docs = [
        Document(id="fit", text="In May the Orla trust paid €1 million ($1.1 million) for the Brenner clinic. "
                                "The Orla trust paid $3 million for the Brenner clinic on Tuesday.",
                 published="2015-06-04", source="Tasman Daily (Australia)"),
        Document(id="outlet", text="The Orla trust paid $3 million for the Brenner clinic.", published="2015-06-04",
                 source="Tasman Daily (Australia)"),
        Document(id="elsewhere", text="The Orla trust paid US$3 million for the Brenner clinic. "
                                      "The Orla trust paid $2 million for the Kestrel school.", published="2015-06-04"),
        Document(id="none", text="The Orla trust paid $3 million for the Brenner clinic.", published="2015-06-04"),
        Document(id="pound", text="The Orla trust paid £3 million for the Brenner clinic.", published="2015-06-04"),
        Document(id="cairo", text="The Orla trust paid £3 million for the Brenner clinic.", published="2015-06-04",
                 source="Nile Courier (Egypt)"),
    ]
    claims = [c for d in docs for c in cc.extract(d)]
    m = money.StoryMoney(docs, claims)
    got = {(c.doc_id, c.quantity.text): (m.reading(c).currency, m.reading(c).basis) for c in m.claims}
    # the document's own numbers win over its outlet: 1.1 US dollars a euro in May 2015, not 1.4 Australian
    assert got[("fit", "$3 million")] == ("USD", "conversion")
    assert got[("outlet", "$3 million")] == ("AUD", "outlet")
    assert got[("elsewhere", "$2 million")] == ("USD", "document")
    assert got[("none", "$3 million")] == ("USD", "ambiguous")
    assert got[("pound", "£3 million")] == ("GBP", "written")  # a pound is sterling unless the outlet says otherwise
    assert got[("cairo", "£3 million")] == ("EGP", "outlet")


def test_currency_reading_is_ambiguous_only_on_that_basis() -> None:
    assert CurrencyReading(claim_id="c", currency="USD", basis="ambiguous").ambiguous
    assert not CurrencyReading(claim_id="c", currency="USD", basis="document").ambiguous
    with pytest.raises(ValueError):
        CurrencyReading(claim_id="c", currency="USD", basis="written", rate=float("nan"))


def test_the_currency_table_loads_and_names_defined_currencies() -> None:
    t = money.table()
    assert {"dollar", "yen", "krona", "rand", "pound"} <= set(t.families)
    for fam in t.families.values():
        assert fam.abroad is None or fam.abroad in fam.candidates
        assert set(fam.likely) <= set(fam.candidates)
    for vanity in ("tv", "co", "me", "io", "ly", "fm", "ai"):
        assert vanity not in t.by_domain


# --------------------------------------------------------------------------- without the extra


def test_without_the_extra_money_is_not_compared_and_the_report_says_so_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "currency_converter", None)  # import currency_converter raises ImportError
    assert money.converter() is None
    with pytest.raises(ImportError):
        importlib.import_module("currency_converter")
    docs = [
        Document(id="a", text="Robbers took jewels worth €4 million from the Valdane boutique in Lisbon on Tuesday.",
                 published="2015-06-04"),
        Document(id="b", text="Robbers took jewels worth US$6 million from the Valdane boutique in Lisbon on Tuesday.",
                 published="2015-06-04"),
        Document(id="c", text="Robbers took jewels worth £9 million from the Valdane boutique in Lisbon on Tuesday.",
                 published="2015-06-04"),
    ]
    report = cc.check(docs)
    assert _money_findings(report) == []
    assert report.warnings.count(NO_RATES_WARNING) == 1
    assert "pip install" in NO_RATES_WARNING
    # one currency is still compared as written, and warns about nothing
    same = cc.check(docs[1:2] + [Document(id="d", text=docs[1].text.replace("6", "7"), published="2015-06-04")])
    assert [f.kind for f in _money_findings(same)] == ["conflict"]
    assert NO_RATES_WARNING not in same.warnings


# --------------------------------------------------------------------------- the corpus

CORPUS = SHARED / "corpus"


def _cluster(name: str) -> tuple[dict[str, Any], cc.Report]:
    gold = json.loads((CORPUS / name / "gold.json").read_text("utf-8"))
    docs = []
    for k, g in gold["documents"].items():
        pub = g.get("published")
        docs.append(Document(id=k, text=(CORPUS / name / g["file"]).read_text("utf-8"), source=g.get("source"),
                             published=dt.date.fromisoformat(pub[:10]) if pub else None))
    return gold, cc.check(docs)


@pytest.mark.skipif(not (CORPUS / "paris-casty-heist-2013" / "gold.json").exists(), reason="../shared/corpus is not there")
def test_corpus_paris_renderings_agree_and_the_headline_conflicts() -> None:
    _gold, report = _cluster("paris-casty-heist-2013")
    money_conflicts = [f for f in _money_findings(report) if f.kind == "conflict"]
    assert len(money_conflicts) == 2
    f, cannes = sorted(money_conflicts, key=lambda f: f.message.startswith("GBP"))
    assert f.message.startswith("USD 2.5 million (08) vs USD 2.6 million")
    # the Cannes festival theft: 02 names no date, 05 dates it May; Chopard ties them
    assert cannes.message.startswith("GBP 910,000 (05) vs almost USD 2 million (02)"), cannes.message
    assert "robbery (May 2013)" in cannes.message
    assert {c.quantity.unit for c in f.claims} == {"USD"}  # no euro, pound or rand figure against the others
    carlton = [f for f in _money_findings(report) if f.kind == "agreement" and "EUR 103 million" in f.message]
    assert carlton and "GBP 88 million" in carlton[0].message and "GBP/EUR over 2013-07-01/2013-07-31" in carlton[0].message


@pytest.mark.skipif(not (CORPUS / "athens-bank-fire-2010" / "gold.json").exists(), reason="../shared/corpus is not there")
def test_corpus_athens_bailout_agrees_and_the_australian_dollars_make_no_conflict() -> None:
    _gold, report = _cluster("athens-bank-fire-2010")
    found = _money_findings(report)
    assert not [f for f in found if f.kind == "conflict"]
    # 02 writes "euro110 billion ($141 billion)": one figure, its conversion checked against the
    # day's rate inside the document, agreeing with the euro figures of the others
    assert any(f.kind == "agreement" and "EUR 110 billion" in f.message and "02" in {c.doc_id for c in f.claims}
               for f in found)
    assert not [f for f in report.findings if f.kind == "internal" and "141" in f.message]
    aud = [c for c in report.claims if c.doc_id == "05" and c.quantity.text == "$43 billion"]
    assert aud, "the ABC (Australia) figure is a claim"


def test_a_finding_in_several_currencies_draws_no_chart() -> None:
    from claimcheck.report import finding_svg

    case = next(c for c in CASES["case"] if c["id"].startswith("a dollar figure too far"))
    report = cc.check(_docs(case["docs"]))
    assert report.conflicts and finding_svg(report, 1) == ""  # EUR and USD share no axis
    same = next(c for c in CASES["case"] if c["id"].startswith("two figures in one currency"))
    report = cc.check(_docs(same["docs"]))
    assert finding_svg(report, 1).startswith("<svg")
