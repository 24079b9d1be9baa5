"""Standard exports (ClaimReview, W3C Web Annotation), tables, pint, wire copy, and the notebook
in examples/ run from top to bottom with nbclient."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_check import run, seed_claims

import claimcheck as cc
from claimcheck.exports import (
    ANNOTATION_CONTEXT,
    claimreview_problems,
    copied_documents,
    jsonld_text,
    safe_url,
    shared_sentences,
    text_fragment_url,
    web_annotation_problems,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def seed_report() -> cc.Report:
    r = run(seed_claims(), aliases={"We Chat": "WeChat"})
    docs = tuple(d.model_copy(update={"url": f"https://news.example/{d.id}", "source": f"Outlet {d.id}",
                                      "published": dt.date(2014, 5, 28)}) for d in r.documents)
    return r.model_copy(update={"documents": docs})


@pytest.fixture
def story_report() -> cc.Report:
    """The bundled invented story, with its outlets, URLs and dates, through the real extractor."""
    from claimcheck.cli import load_documents

    return cc.check(load_documents([Path(__file__).resolve().parents[1] / "examples" / "story"]))


# --------------------------------------------------------------------------- ClaimReview


def test_claimreview_one_review_per_conflict_and_misattribution(seed_report: cc.Report) -> None:
    reviews = seed_report.to_claimreview(url="https://desk.example/checks/wechat", author="The Desk",
                                         date_published="2014-06-01")
    wanted = [i for i, f in enumerate(seed_report.findings, 1) if f.kind in ("conflict", "misattribution")]
    assert len(reviews) == len(wanted) == 3
    assert [r["url"] for r in reviews] == [f"https://desk.example/checks/wechat#finding-{i}" for i in wanted]
    for r in reviews:
        assert claimreview_problems(r) == [], r
    first = reviews[0]
    assert first["claimReviewed"] == "WeChat monthly active users: 355 million or 396 million"
    assert first["reviewRating"]["alternateName"] == "Conflicting figures"
    assert [a["url"] for a in first["itemReviewed"]["appearance"]] == ["https://news.example/002",
                                                                     "https://news.example/004"]
    assert all(a["datePublished"] == "2014-05-28" for a in first["itemReviewed"]["appearance"])
    assert first["author"] == {"@type": "Organization", "name": "The Desk"}
    misattr = next(r for r in reviews if "different subjects" in r["reviewRating"]["alternateName"])
    assert misattr["reviewBody"].startswith("The same figure")
    json.loads(jsonld_text(reviews))  # serialisable


def test_claimreview_problems_catch_what_is_required() -> None:
    assert "$.url is missing" in claimreview_problems({"@context": "https://schema.org", "@type": "ClaimReview",
                                                       "claimReviewed": "x", "itemReviewed": {"@type": "Claim"},
                                                       "reviewRating": {"@type": "Rating", "alternateName": "y"}})
    bad = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "x", "url": "javascript:x",
           "itemReviewed": {"@type": "Claim", "appearance": [{"@type": "NewsArticle", "url": "data:x"}]},
           "reviewRating": {"@type": "Rating", "ratingValue": 9, "worstRating": 1, "bestRating": 5}}
    problems = claimreview_problems(bad)
    assert "$.reviewRating.alternateName is missing" in problems
    assert "$.reviewRating.ratingValue is outside worstRating..bestRating" in problems
    assert "$.url is not an http(s) URL" in problems
    assert "$.itemReviewed.appearance[0].url is not an http(s) URL" in problems


def test_claimreview_never_exports_an_unsafe_url(seed_report: cc.Report) -> None:
    docs = tuple(d.model_copy(update={"url": "javascript:alert(1)"}) for d in seed_report.documents)
    r = seed_report.model_copy(update={"documents": docs})
    reviews = r.to_claimreview(url="javascript:alert(2)")
    assert "javascript" not in json.dumps(reviews)
    assert all(claimreview_problems(x, publishing=False) == [] for x in reviews)


# --------------------------------------------------------------------------- Web Annotation


@pytest.mark.parametrize("which", ["seed_report", "story_report"])
def test_web_annotations_one_per_claim_with_both_selectors(which: str, request: pytest.FixtureRequest) -> None:
    report = request.getfixturevalue(which)
    annotations = report.to_web_annotations()
    assert len(annotations) == len(report.claims)
    docs = {d.id: d for d in report.documents}
    for a, c in zip(annotations, report.claims, strict=True):
        assert web_annotation_problems(a) == [], a
        assert a["@context"] == ANNOTATION_CONTEXT and a["type"] == "Annotation"
        target = a["target"][0]
        assert target["source"] == docs[c.doc_id].url
        quote, position = target["selector"]
        assert quote == {"type": "TextQuoteSelector", "exact": c.span.exact, "prefix": c.span.prefix,
                         "suffix": c.span.suffix}
        assert position == {"type": "TextPositionSelector", "start": c.span.start, "end": c.span.end}
        if which == "story_report":  # real text: the offsets point at the quote
            assert docs[c.doc_id].text[position["start"]:position["end"]] == quote["exact"]
    assert len({a["id"] for a in annotations}) == len(annotations)
    assert annotations == report.to_web_annotations()  # ids are stable
    tagged = [a for a in annotations if a["motivation"] == "assessing"]
    assert tagged and all(any(b.get("value") in ("conflict", "misattribution") for b in a["body"]) for a in tagged)


def test_web_annotation_problems_catch_what_is_required() -> None:
    bad = {"@context": "http://example.org/ctx", "id": "not an iri", "type": "Note",
           "target": [{"source": "x y", "selector": [{"type": "TextPositionSelector", "start": 5, "end": 2},
                                                     {"type": "TextQuoteSelector"}, {}]}]}
    assert web_annotation_problems(bad) == [
        f"$.@context does not name {ANNOTATION_CONTEXT}", "$.id is not an IRI", "$.type does not include Annotation",
        "$.target[0].source is not an IRI", "$.target[0].selector[0] needs integer start <= end, both >= 0",
        "$.target[0].selector[1].exact is missing", "$.target[0].selector[2].type is missing"]


def test_web_annotation_source_without_a_url_is_a_urn() -> None:
    r = cc.check([cc.Document(id="a", text="The storm killed 12 people.", url="javascript:alert(1)")])
    (a,) = r.to_web_annotations()
    assert a["target"][0]["source"].startswith("urn:uuid:") and web_annotation_problems(a) == []


# --------------------------------------------------------------------------- links


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " https://x.example", "java\nscript:x",
                                 "data:text/html,x", "vbscript:x", "https://x.example/\"onmouseover=x", "//x.example",
                                 "ftp://x.example", "", None])
def test_unsafe_urls_are_refused(url: str | None) -> None:
    assert safe_url(url) is None and text_fragment_url(url, "x") is None


def test_text_fragment_encodes_the_directive_characters() -> None:
    assert text_fragment_url("https://a.example/p", "1,200-odd & more", "so, some") == \
        "https://a.example/p#:~:text=so%2C%20some-,1%2C200%2Dodd%20%26%20more"


# --------------------------------------------------------------------------- tables


def test_claims_frame_has_the_provenance_columns(seed_report: cc.Report) -> None:
    pytest.importorskip("pandas")
    df = seed_report.claims_frame()
    assert len(df) == len(seed_report.claims)
    for col in ("source", "published", "url", "start", "end", "quote", "subject", "metric", "event", "scope",
                "time", "time_basis", "low", "high", "unit", "findings"):
        assert col in df.columns, col
    row = df[df["quote"] == "396 million"].iloc[0]
    assert (row["doc_id"], row["source"], row["start"]) == ("004", "Outlet 004", seed_report.claims[
        [c.span.exact for c in seed_report.claims].index("396 million")].span.start)
    assert "1" in row["findings"].split(", ")


def test_findings_frame_is_tidy(seed_report: cc.Report) -> None:
    pytest.importorskip("pandas")
    df = seed_report.findings_frame()
    assert len(df) == sum(max(1, len(f.claims)) for f in seed_report.findings)
    assert df.drop_duplicates("finding")["kind"].tolist() == [f.kind for f in seed_report.findings]
    conflict = df[(df["kind"] == "conflict") & ~df["temporal"]]
    assert conflict["value"].tolist() == ["355 million", "396 million"]
    assert conflict["doc_id"].tolist() == ["002", "004"] and conflict["documents"].tolist() == [1, 1]
    assert conflict["what_to_check"].iloc[0].startswith("Find each value's original source")
    csv = seed_report.to_csv("findings")
    assert csv.splitlines()[0].startswith("finding,kind,subject")
    with pytest.raises(ValueError, match="table must be one of"):
        seed_report.to_csv("nope")


def test_frames_without_pandas(seed_report: cc.Report, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    for method in (seed_report.claims_frame, seed_report.findings_frame):
        with pytest.raises(ImportError, match=r'pip install "claimcheck\[pandas\]"'):
            method()


# --------------------------------------------------------------------------- pint


def test_to_pint_is_in_the_application_registry() -> None:
    import pint

    ureg = pint.get_application_registry()
    q = cc.Quantity(text="10 kilometers", start=0, end=13, value=10, unit="kilometer", kind="dimension")
    total = q.to_pint() + 500 * ureg.meter
    assert total.to("meter").magnitude == pytest.approx(10500)


def test_to_pint_in_a_registry_you_pass_with_currencies_defined_there() -> None:
    import pint

    mine = pint.UnitRegistry()
    usd = cc.Quantity(text="$5 million", start=0, end=10, value=5e6, unit="USD", kind="currency")
    cents = cc.Quantity(text="50 cents", start=0, end=8, value=50, unit="cent", kind="currency")
    total = usd.to_pint(mine) + cents.to_pint(mine)
    assert total.to("USD").magnitude == pytest.approx(5e6 + 0.5)
    eur = cc.Quantity(text="€1", start=0, end=2, value=1, unit="EUR", kind="currency")
    with pytest.raises(pint.DimensionalityError):
        (usd.to_pint(mine) + eur.to_pint(mine))
    with pytest.raises(cc.UnitError):
        cc.Quantity(text="x", start=0, end=1, value=1, unit="frobnitz").to_pint(mine)


# --------------------------------------------------------------------------- wire copy

_WIRE = ("Rescue teams reached the flooded villages on Monday after the river burst its banks overnight. "
         "Officials said at least 14 people had died and dozens more were missing in the district.")


def test_shared_sentences_find_word_for_word_copy_only() -> None:
    docs = [cc.Document(id="a", text="Floods hit the valley.\n\n" + _WIRE),
            cc.Document(id="b", text=_WIRE.replace("  ", " ") + " The agency added a note."),
            cc.Document(id="c", text="Officials said at least 14 people had died in the district's floods on Monday.")]
    claims = [c for d in docs for c in cc.extract(d)]
    shared = shared_sentences(docs, claims)
    died = [(k, v) for k, v in shared.items() if "14" in next(c.span.exact for c in claims if (c.doc_id, c.id) == k)]
    assert sorted(k[0] for k, _ in died) == ["a", "b"] and all(v == {"a", "b"} for _, v in died)
    assert not any(k[0] == "c" for k in shared)
    assert copied_documents(docs) == [(("a", "b"), 2)]
    assert copied_documents(docs, min_sentences=3) == []


def test_the_html_names_the_documents_that_carry_the_same_copy() -> None:
    docs = [cc.Document(id="a", text=_WIRE), cc.Document(id="b", text=_WIRE),
            cc.Document(id="c", text="At least 14 people had died, the regional governor told reporters on Monday.")]
    page = cc.check(docs).to_html()
    assert "a and b carry the same copy" in page


def test_aceh_wire_copy_is_found() -> None:
    folder = SHARED / "corpus" / "aceh-earthquake-2013"
    if not (folder / "gold.json").is_file():
        pytest.skip("the shared corpus is not beside the project")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    docs = [cc.Document(id=k, text=(folder / v["file"]).read_text(encoding="utf-8"))
            for k, v in sorted(gold["documents"].items())]
    groups = dict(copied_documents(docs))
    assert groups.get(("01", "05"), 0) >= 10  # the AFP copy both carry


def test_exports_of_the_real_seed_articles_validate() -> None:
    folder = SHARED / "seeds"
    if not (folder / "gold.json").is_file():
        pytest.skip("the shared seed articles are not beside the project")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    docs = [cc.Document(id=k, text=(folder / v["file"]).read_text(encoding="utf-8"), url=f"https://seeds.example/{k}")
            for k, v in sorted(gold["documents"].items())]
    report = cc.check(docs, aliases={"We Chat": "WeChat"})
    reviews = report.to_claimreview(url="https://desk.example/seeds")
    assert len(reviews) == len([f for f in report.findings if f.kind in ("conflict", "misattribution")]) >= 2
    assert all(claimreview_problems(r) == [] for r in reviews)
    texts = {d.id: d.text for d in docs}
    for a in report.to_web_annotations():
        assert web_annotation_problems(a) == []
        sel = a["target"][0]["selector"]
        doc = a["target"][0]["source"].rsplit("/", 1)[1]
        assert texts[doc][sel[1]["start"]:sel[1]["end"]] == sel[0]["exact"]


# --------------------------------------------------------------------------- the notebook


def test_report_tour_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    if not (SHARED / "corpus" / "aceh-earthquake-2013").is_dir():
        pytest.skip("the shared corpus is not beside the project")
    nb = nbformat.read(EXAMPLES / "report_tour.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('<div class="claimcheck">' in h for h in html)  # the report itself
    assert any("<table" in h and "quote" in h for h in html)  # a filtered table
    assert any("image/svg+xml" in o.get("data", {}) for o in outputs)  # the chart
    text = [o["data"]["text/plain"] for o in outputs if "text/plain" in o.get("data", {})]
    assert any(t.startswith("'Report(8 documents") for t in text)
