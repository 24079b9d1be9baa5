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
    assert "(according to Xinhua)" in text


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


# --------------------------------------------------------------------------- HTML: what a person acts on

HOSTILE_URLS = ["javascript:alert(3)", "JaVaScRiPt:alert(4)", " javascript:alert(5)", "java\tscript:alert(6)",
                "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(7)", "https://ok.example/?q=\"><script>x</script>"]


@pytest.fixture
def hostile_checked() -> cc.Report:
    """The real extractor over hostile text, metadata, aliases and synonyms."""
    texts = ["WeChat has 355 million monthly active users <script>alert(1)</script>.",
             "<b>Xinhua said</b> WeChat has 396 million monthly active users <img src=x onerror=alert(2)>."]
    docs = [Document(id=f"<i>d{i}</i>" if i == 0 else f"d{i}\"'><script>", text=t, source=f"<script>src{i}</script>",
                     title=f"<iframe src=x>{i}</iframe>", url=HOSTILE_URLS[i % len(HOSTILE_URLS)],
                     published=dt.date(2014, 5, 27 + i))
            for i, t in enumerate(texts)]
    docs += [Document(id=f"u{j}", text="WeChat has 396 million monthly active users.", url=u, source="<b>S</b>")
             for j, u in enumerate(HOSTILE_URLS[1:], 1)]
    return cc.check(docs, aliases={"WeChat": "<svg onload=alert(8)>We</svg>"},
                    metric_synonyms={"monthly active users": "<img src=y onerror=alert(9)>"})


def test_hostile_check_finds_the_conflict(hostile_checked: cc.Report) -> None:
    assert [f.kind for f in hostile_checked.findings][:1] == ["conflict"]
    assert "<svg onload=alert(8)>We</svg>" in (hostile_checked.findings[0].subject or "")


@pytest.mark.parametrize("render", [lambda r: r.to_html(), lambda r: r._repr_html_()])
def test_every_field_aliases_synonyms_and_text_are_escaped(hostile_checked: cc.Report, render) -> None:
    out = render(hostile_checked)
    for raw in ("<script", "<img", "<iframe", "<b>", "<i>", "<svg onload", "'><"):
        assert raw not in out, raw
    for shown in ("&lt;script&gt;src0&lt;/script&gt;", "&lt;iframe src=x&gt;", "&lt;i&gt;d0&lt;/i&gt;",
                  "&lt;svg onload=alert(8)&gt;We&lt;/svg&gt;", "&lt;img src=y onerror=alert(9)&gt;",
                  "&lt;img src=x onerror=alert(2)&gt;", "&lt;b&gt;Xinhua said&lt;/b&gt;"):
        assert shown in out, shown


@pytest.mark.parametrize("render", [lambda r: r.to_html(), lambda r: r._repr_html_(), lambda r: r.to_markdown()])
def test_no_url_but_http_ever_becomes_a_link(hostile_checked: cc.Report, render) -> None:
    out = render(hostile_checked)
    hrefs = re.findall(r"""href\s*=\s*["']?([^"'\s>]*)""", out, re.IGNORECASE)
    assert all(h.startswith("#") or re.match(r"https?://", h) for h in hrefs), hrefs
    assert not re.search(r"href\s*=\s*[\"']?\s*(java|data:|vbscript)", out, re.IGNORECASE)
    assert "](javascript" not in out.lower()


def test_unsafe_urls_are_shown_escaped_not_linked(hostile_checked: cc.Report) -> None:
    page = hostile_checked.to_html()
    assert "javascript:alert(3)" in page and 'href="javascript' not in page.lower()
    assert 'href="https://ok.example' not in page  # a quote character in a URL: shown, never a link
    assert "java\tscript:alert(6)" in page  # shown as written (browsers drop the tab in a link)


def _dated_story() -> cc.Report:
    texts = {"a": "The flood killed 12 people in the valley, the mayor told reporters.",
             "b": "The flood killed 30 people in the valley, police said.",
             "c": "The flood killed at least 31 people, officials said on Wednesday."}
    dates = {"a": dt.date(2020, 3, 2), "b": dt.date(2020, 3, 3), "c": dt.date(2020, 3, 4)}
    return cc.check([Document(id=k, text=t, published=dates[k], source=f"Paper {k.upper()}",
                              url=f"https://news.example/{k}") for k, t in texts.items()])


def test_html_starts_with_a_summary_table_of_the_findings(seed_report: cc.Report) -> None:
    page = seed_report.to_html()
    overview = page.split('<table class="overview">', 1)[1].split("</table>", 1)[0]
    assert page.index('<table class="overview">') < page.index('class="finding ')
    assert overview.count("<tr>") == len(seed_report.findings) + 1  # the header, then one row each
    assert "<th>kind</th><th>subject</th><th>metric</th><th>values</th><th>sources</th>" in overview
    assert "355 million · 396 million" in overview and "11.5% apart" in overview
    assert 'href="#cc-finding-1"' in overview and 'id="cc-finding-1"' in page


def test_each_card_says_what_to_check(seed_report: cc.Report) -> None:
    from claimcheck.wording import WHAT_TO_CHECK

    page = seed_report.to_html()
    assert page.count("What to check:") == len(seed_report.findings)
    assert html_escape(WHAT_TO_CHECK["misattribution"]) in page
    assert html_escape(WHAT_TO_CHECK["temporal"]) in page  # the announcement-day conflict


def html_escape(s: str) -> str:
    import html

    return html.escape(s, quote=True)


def test_values_carry_source_and_date_and_quotes_link_to_the_words() -> None:
    page = _dated_story().to_html()
    assert "a · Paper A · 2 Mar 2020" in page and "c · Paper C · 4 Mar 2020" in page
    assert 'href="https://news.example/b#:~:text=The%20flood%20killed-,30%20people"' in page
    assert 'rel="noopener noreferrer"' in page
    assert "(according to the mayor)" in page and "(according to police)" in page


def test_update_chart_is_in_time_order() -> None:
    r = _dated_story()
    assert [f.kind for f in r.findings] == ["update"]
    page = r.to_html()
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    labels = re.findall(r'text-anchor="end" fill="#1d2330">([^<]*)</text>', svg)
    assert [x.split(" · ")[0] for x in labels] == ["a", "b", "c"]
    assert "Values in time order" in svg


def test_a_chart_per_numeric_finding_and_no_script_or_external_reference(seed_report: cc.Report) -> None:
    page = seed_report.to_html()
    numeric = [f for f in seed_report.findings if not f.temporal and f.kind != "internal"]
    assert page.count("<svg ") == len(numeric) >= 3
    for svg in re.findall(r"<svg .*?</svg>", page, re.DOTALL):
        assert not re.search(r"<script|href|url\(|xlink|<image|<foreignObject|\son\w+=", svg, re.IGNORECASE)
        assert "<circle" in svg and "<title>" in svg


def test_long_quote_lists_are_collapsed_after_three(seed_report: cc.Report) -> None:
    page = seed_report.to_html()
    five = next(i for i, f in enumerate(seed_report.findings, 1) if len(f.claims) == 5)
    card = page.split(f'id="cc-finding-{five}"', 1)[1].split("</section>", 1)[0]
    shown, hidden = card.split("<details>", 1)
    assert shown.count("<blockquote>") == 3 and "<summary>2 more quotes</summary>" in hidden
    assert hidden.count("<blockquote>") == 2


def test_set_aside_figures_and_warnings_are_shown() -> None:
    r = cc.check([Document(id="a", text="In 2004 the flood killed 12 people."),
                  Document(id="b", text="The flood killed 12 people.\ud800")])
    assert r.set_aside and r.warnings
    page = r.to_html()
    details = page.split("set aside, no claim", 1)[1].split("</details>", 1)[0]
    assert "2004" in details and html_escape(r.set_aside[0].rule) in details
    assert "<h2>Warnings</h2>" in page and html_escape(r.warnings[0]) in page


def test_styles_are_scoped_and_win_over_notebook_css(seed_report: cc.Report) -> None:
    frag = seed_report._repr_html_()
    css = frag.split("<style>", 1)[1].split("</style>", 1)[0]
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    assert len(rules) > 20
    for selectors, body in rules:
        assert all(s.strip().startswith(".claimcheck") for s in selectors.split(",")), selectors
        assert all(d.endswith("!important") for d in body.split(";")), selectors
    assert ".claimcheck th,.claimcheck td{" in css and "text-align:left!important" in css


def test_messages_helpers_read_well() -> None:
    from claimcheck.wording import display_subject, format_value, pct, spread_text

    assert pct(149.0) == "×150" and spread_text(43999.0) == "×4.4e+04 apart"
    assert display_subject("EARTHQUAKE", start=True) == "Earthquake"
    c = cc.extract("Officials put the damage at an estimated $102 million.")
    assert any(format_value(x) == "an estimated USD 102 million" for x in c)
    d = cc.extract("The quake killed three people and injured dozens of people on Tuesday.")
    assert any(format_value(x) == "dozens (24–144)" for x in d)
