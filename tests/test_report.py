"""Report outputs: text, Markdown, HTML (escaping!), JSON round trip, pandas."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys

import pytest
from pydantic import ValidationError
from test_check import claim, fake_extract, run, seed_claims

import claimcheck as cc
from claimcheck.models import Document
from claimcheck.report import DATAFRAME_COLUMNS, to_html, to_markdown, to_text


@pytest.fixture
def seed_report() -> cc.Report:
    return run(seed_claims(), aliases={"We Chat": "WeChat"})


EVIL = "<script>alert(1)</script>"


@pytest.fixture
def hostile_report() -> cc.Report:
    """Article text, subjects, sources and titles full of markup."""
    s1 = f"WeChat <b>has</b> 355 million users {EVIL} today."
    s2 = f"{EVIL}<b>WeChat</b> has 396 million users, <img src=x onerror=alert(2)>."
    claims = [
        claim("a", s1, "355 million", 355e6, metric="users", subject="WeChat<b>"),
        claim("b", s2, "396 million", 396e6, metric="users", subject="WeChat<b>",
              chain=("<script>Xinhua</script>",)),
    ]
    docs = [Document(id="a", text=s1, source="<b>Bold Times</b>", title=EVIL,
                     url="javascript:alert(3)"),
            Document(id="b", text=s2, source="Wire", url="https://example.org/?q=<b>")]
    return cc.check(docs, extract=fake_extract(claims))


def test_hostile_report_has_a_conflict(hostile_report: cc.Report) -> None:
    assert [f.kind for f in hostile_report.findings] == ["conflict"]


@pytest.mark.parametrize("render", [lambda r: r.to_html(), lambda r: r._repr_html_(), lambda r: r.to_markdown()])
def test_article_markup_is_escaped(hostile_report: cc.Report, render) -> None:
    out = render(hostile_report)
    assert not re.search(r"<\s*script", out, re.IGNORECASE)
    assert "<b>" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;" in out
    assert "javascript:" not in out.split("href=")[-1] or 'href="javascript' not in out
    assert 'href="javascript' not in out


def test_html_is_self_contained(seed_report: cc.Report) -> None:
    page = seed_report.to_html()
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<style>" in page
    for pattern in (r"<script", r"<link", r"\ssrc=", r"@import", r"url\("):
        assert not re.search(pattern, page, re.IGNORECASE), pattern


def test_html_shows_findings_with_highlighted_quotes(seed_report: cc.Report) -> None:
    page = seed_report.to_html()
    assert page.count('class="finding ') == len(seed_report.findings)
    assert "<mark>355 million monthly active users</mark>" in page
    assert "<mark>396 million</mark>" in page
    assert "11.5% apart" in page


def test_repr_html_is_a_fragment(seed_report: cc.Report) -> None:
    frag = seed_report._repr_html_()
    assert "<html" not in frag and "<body" not in frag
    assert frag.startswith("<style>") and '<div class="claimcheck">' in frag


def test_markdown(seed_report: cc.Report) -> None:
    md = seed_report.to_markdown()
    lines = md.splitlines()
    assert lines[0] == "# claimcheck report"
    assert "## Findings" in lines and "## Claims" in lines
    assert any(line.startswith("### 1. CONFLICT") for line in lines)
    assert "**396 million**" in md
    # every table row has as many cells as its header
    assert all(line.count("|") - line.count("\\|") == 8 for line in lines if line.startswith("| a"))


def test_markdown_escapes_markdown_syntax() -> None:
    r = cc.Report(findings=(cc.Finding(kind="agreement", subject="*bold* [link](x) | pipe", message="m"),))
    md = to_markdown(r)
    assert "\\*bold\\*" in md and "\\[link\\]" in md and "\\| pipe" in md


def test_text_report(seed_report: cc.Report) -> None:
    text = str(seed_report)
    first = text.splitlines()[0]
    assert first.startswith(f"claimcheck report: 5 documents, {len(seed_report.claims)} claims")
    for f in seed_report.findings:
        assert f.message in text
    assert '[396 million]' in text
    assert "(said Xinhua)" in text


def test_json_round_trip(seed_report: cc.Report) -> None:
    again = cc.Report.model_validate_json(seed_report.to_json())
    assert again == seed_report
    assert again.findings[0].message == seed_report.findings[0].message


def test_dataframe(seed_report: cc.Report) -> None:
    df = seed_report.to_dataframe()
    assert list(df.columns) == list(DATAFRAME_COLUMNS)
    assert list(df.columns[:3]) == ["row", "doc_id", "claim_id"]
    assert (df["row"] == "claim").sum() == len(seed_report.claims)
    assert (df["row"] == "finding").sum() == len(seed_report.findings)
    conflict = df[(df["row"] == "finding") & (df["kind"] == "conflict") & (df["temporal"] == False)]
    assert conflict["doc_id"].tolist() == ["002, 004"]


def test_dataframe_without_pandas(seed_report: cc.Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "claimcheck\[pandas\]"'):
        seed_report.to_dataframe()


def test_empty_report_renders() -> None:
    r = cc.Report()
    assert "No findings" in str(r)
    assert to_html(r).count("<h1>") == 1
    assert to_markdown(r).startswith("# claimcheck report\n")
    assert r.to_dataframe().empty


def test_documents_table_shows_metadata(seed_report: cc.Report) -> None:
    docs = [Document(id="x", text="t", source="Agency", published=dt.date(2014, 5, 28), title="T",
                     url="https://example.org/a")]
    r = cc.check(docs, extract=lambda d: [])
    page = r.to_html()
    assert "2014-05-28" in page and '<a href="https://example.org/a"' in page
    assert "| x | Agency | 2014-05-28 | T |" in r.to_markdown()
    assert "x (Agency)" not in to_text(r)  # no findings, so no quotes


def test_empty_document_fields_are_not_shown(seed_report: cc.Report) -> None:
    md = seed_report.to_markdown()
    assert "| id |\n|---|\n| 000 |" in md
    assert "<th>source</th>" not in seed_report.to_html()


# --------------------------------------------------------------------------- JSON layout


def _story() -> cc.Report:
    return cc.check([Document(id="a", text="The storm killed 12 people in the valley, officials said."),
                     Document(id="b", text="Rescuers said the storm killed 15 people on Monday.")])


def test_json_writes_each_claim_once_and_findings_cite_ids() -> None:
    r = _story()
    data = json.loads(r.to_json())
    assert data["schema_version"] == "2"
    assert [c["id"] for c in data["claims"]] == [c.id for c in r.claims]
    cited = [c for f in data["findings"] for c in f["claims"]]
    assert cited and all(isinstance(c, str) for c in cited)
    again = cc.Report.model_validate_json(r.to_json())
    assert again == r and again.findings[0].claims == r.findings[0].claims
    assert cc.Report.model_validate(r.model_dump()) == r  # the Python dump has the same layout


def test_json_points_into_the_document_text() -> None:
    r = _story()
    data = json.loads(r.to_json())
    claim0 = data["claims"][0]
    assert set(claim0["span"]) == {"doc_id", "start", "end"} and "text" not in claim0["quantity"]
    assert "The storm killed" not in r.to_json().split('"claims"', 1)[1]  # article text only in documents
    assert "hedged" not in claim0 and "negated" not in claim0  # defaults left out


def test_json_keeps_what_the_document_text_does_not_give() -> None:
    """Spans whose text or context differ from the document's, claims cited by findings but
    absent from Report.claims, and ids two claims share all survive the round trip."""
    text = "WeChat has 355 million monthly active users."
    other = claim("x", text, "355 million", 355e6)
    odd = other.model_copy(update={"span": other.span.model_copy(update={"prefix": "elsewhere "}),
                                   "id": "odd"})
    twin = other.model_copy(update={"doc_id": "y", "span": other.span.model_copy(update={"doc_id": "y"})})
    stray = claim("x", text, "355 million", 355e6).model_copy(update={"id": "stray"})
    r = cc.Report(documents=(Document(id="x", text=text),), claims=(other, odd, twin),
                  findings=(cc.Finding(kind="agreement", message="m", claims=(other, odd, twin, stray)),))
    data = json.loads(r.to_json())
    refs = data["findings"][0]["claims"]
    assert isinstance(refs[0], dict) and isinstance(refs[3], dict)  # shared id, and not in claims: in full
    assert data["claims"][1]["span"]["prefix"] == "elsewhere "
    assert cc.Report.model_validate_json(r.to_json()) == r


def test_json_of_the_layout_before_version_2_still_reads(seed_report: cc.Report) -> None:
    old = {"documents": [d.model_dump(mode="json") for d in seed_report.documents],
           "claims": [c.model_dump(mode="json") for c in seed_report.claims],
           "findings": [f.model_dump(mode="json") for f in seed_report.findings],
           "set_aside": [], "warnings": list(seed_report.warnings)}
    assert cc.Report.model_validate_json(json.dumps(old)) == seed_report


def test_json_citing_an_unknown_claim_is_refused() -> None:
    with pytest.raises(ValidationError, match="cites claim 'nope'"):
        cc.Report.model_validate_json('{"findings": [{"kind": "conflict", "message": "m", "claims": ["nope"]}]}')
    with pytest.raises(ValidationError):
        cc.Report.model_validate_json('{"schema_version": "3"}')


def test_repr_is_short(seed_report: cc.Report) -> None:
    assert repr(seed_report).startswith(f"Report(5 documents, {len(seed_report.claims)} claims, ")
    assert len(repr(seed_report)) < 200
