"""Issue 8, hardening: one minimal reproducer per item, each asserting the behaviour now.

Parser items of the issue (separators, zero-width characters, long numbers, dense-input
speed) are tested with the parser. The command line's faults are in test_cli_faults.py.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck as cc
from claimcheck import _guard, cli

# --------------------------------------------------------------------------- models, JSON


def test_lone_surrogate_in_text_becomes_u_fffd_and_json_works() -> None:
    d = cc.Document(id="a", text="Five people died.\ud800")
    assert d.text == "Five people died.\ufffd" and len(d.text) == 18  # offsets unchanged
    r = cc.Report(documents=(d,))
    assert cc.Report.model_validate_json(r.to_json()) == r


def test_lone_surrogate_in_every_model_string_is_replaced() -> None:
    f = cc.Finding(kind="conflict", subject="X\udcff", message="m\ud800")
    assert (f.subject, f.message) == ("X\ufffd", "m\ufffd")
    s = cc.Span(doc_id="d\udc80", start=0, end=1, exact="\ud800")
    assert s.model_dump_json()  # encodable


def test_infinite_spread_round_trips_exactly() -> None:
    r = cc.Report(findings=(cc.Finding(kind="conflict", message="m", spread=math.inf),))
    assert r.findings[0].spread == 1.7976931348623157e308
    assert cc.Report.model_validate_json(r.to_json()) == r


def test_nan_spread_is_no_spread() -> None:
    assert cc.Finding(kind="conflict", message="m", spread=math.nan).spread is None


def test_json_has_no_raw_c1_control_and_reads_back() -> None:
    r = cc.Report(warnings=("csi \x9b31m del \x7f",))
    out = r.to_json()
    assert "\x9b" not in out and "\x7f" not in out and "\\u009b" in out
    assert cc.Report.model_validate_json(out) == r


# --------------------------------------------------------------------------- entry points: documents


def _none(doc: cc.Document) -> list[cc.Claim]:
    return []


@pytest.mark.parametrize(
    ("docs", "match"),
    [
        ({"text": "Five people died."}, "not a mapping"),  # was: the key "text" read as a document
        (bytearray(b"Five people died."), "not bytearray; decode bytes first"),  # was: "document 0 is a int"
        (b"Five people died.", "not bytes; decode bytes first"),
        ([b"Five people died."], "document 0 is a bytes; decode it first"),
        ({"one text", "another"}, "has no order"),  # ids would change with the hash seed
        (5, "not int"),
    ],
)
def test_check_refuses_documents_it_would_misread(docs: object, match: str) -> None:
    with pytest.raises(cc.InputError, match=match):
        cc.check(docs, extract=_none)  # type: ignore[arg-type]


def test_a_set_of_documents_with_ids_is_fine() -> None:
    docs = {cc.Document(id="b", text="y"), cc.Document(id="a", text="x")}
    assert [d.id for d in cc.check(docs, extract=_none).documents] == ["a", "b"]


@pytest.mark.parametrize("doc_id", ["①", "²", "٣x", "9" * 5000, "doc\x00", "a" * 10])
def test_natural_sort_never_raises_on_document_ids(doc_id: str) -> None:
    docs = [cc.Document(id=doc_id, text="x"), cc.Document(id="doc2", text="y"), cc.Document(id="doc10", text="z")]
    ids = [d.id for d in cc.check(docs, extract=_none).documents]
    assert sorted(ids) == sorted(d.id for d in docs)
    assert ids.index("doc2") < ids.index("doc10")


def test_natural_key_orders_unicode_digits_by_value() -> None:
    assert sorted(["a١٠", "a٢"], key=_guard.natural_key) == ["a٢", "a١٠"]  # 2 before 10


# --------------------------------------------------------------------------- entry points: options


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"aliases": {"WeChat": ""}}, "no empty name"),  # was: every WeChat claim silently lost its subject
        ({"aliases": {"  ": "WeChat"}}, "no empty name"),
        ({"aliases": 5}, "aliases must be a mapping of str to str, not int"),  # was: TypeError
        ({"aliases": ["a"]}, "aliases must be a mapping of str to str, not list"),  # was: ValueError
        ({"metric_synonyms": {1: "x"}}, "metric_synonyms must be a mapping of str to str"),  # was: AttributeError
        ({"metric_synonyms": {"MAU": " "}}, "no empty name"),
        ({"story_event": 3}, "story_event must be a str or None"),
    ],
)
def test_extract_validates_its_options(options: dict[str, object], match: str) -> None:
    with pytest.raises(cc.InputError, match=match):
        cc.extract("WeChat has 355 million monthly active users.", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"aliases": {"WeChat": ""}}, "no empty name"),
        ({"aliases": ["a"]}, "not list"),
        ({"metric_synonyms": {1: "x"}}, "metric_synonyms must be a mapping"),
        ({"tolerance": float("nan")}, "tolerance"),
        ({"max_claims_per_document": 0}, "max_claims_per_document"),
        ({"max_claims_per_document": True}, "max_claims_per_document"),
        ({"extract": lambda d: None}, "extract returned None for document 'doc1'"),  # was: TypeError
        ({"extract": lambda d: 5}, "extract returned an int"),
        ({"extract": lambda d: "claims"}, "extract returned a str"),
        ({"extract": lambda d: {"a": 1}}, "extract returned a dict"),
    ],
)
def test_check_validates_its_options(options: dict[str, object], match: str) -> None:
    options.setdefault("extract", _none)
    with pytest.raises(cc.InputError, match=match):
        cc.check(["WeChat has 355 million monthly active users."], **options)  # type: ignore[arg-type]


def test_check_refuses_claims_of_another_document() -> None:
    claims = cc.extract(cc.Document(id="other", text="WeChat has 355 million monthly active users."))
    with pytest.raises(cc.InputError, match="claim of document 'other' for document 'doc1'"):
        cc.check(["x"], extract=lambda d: claims)


def test_check_warns_where_text_was_replaced() -> None:
    r = cc.check(["Five people died.\ud800"], extract=_none)
    assert r.documents[0].text.endswith("\ufffd")
    assert r.warnings == (("document 'doc1': 1 character could not be represented (a lone surrogate or "
                           "an undecodable byte) and reads as U+FFFD"),)
    assert r.to_html().encode("utf-8") and cc.Report.model_validate_json(r.to_json()) == r


def test_skipped_text_noted_by_a_stage_reaches_the_warnings() -> None:
    def extractor(doc: cc.Document) -> list[cc.Claim]:
        _guard.note_skipped(10, 20, "the scan timed out")
        return []

    r = cc.check([cc.Document(id="a", text="x" * 30)], extract=extractor)
    assert r.warnings == ("document 'a': characters 10-20 skipped: the scan timed out",)


def test_values_that_overflow_give_a_finite_spread_and_an_exact_round_trip() -> None:
    r = cc.check(["WeChat has 1.7e308 monthly active users.", "WeChat has -1.7e308 monthly active users."])
    assert all(f.spread is None or math.isfinite(f.spread) for f in r.findings)
    assert cc.Report.model_validate_json(r.to_json()) == r


# --------------------------------------------------------------------------- time at the ends of the calendar


@pytest.mark.parametrize(
    ("published", "text", "value"),
    [
        (dt.date.min, "on Tuesday", None),  # was: OverflowError
        (dt.date.min, "yesterday", None),  # was: OverflowError
        (dt.date.min, "last week", None),  # was: OverflowError
        (dt.date.min, "last year", None),  # was: "0000"
        (dt.date.min, "last month", None),  # was: "0000-12"
        (dt.date.min, "in April last year", None),  # was: "0000-04"
        (dt.date.min, "tomorrow", "0001-01-02"),
        (dt.date.max, "tomorrow", None),  # was: OverflowError
        (dt.date.max, "next week", None),  # was: OverflowError
        (dt.date.max, "next year", None),  # was: "10000"
        (dt.date.max, "next month", None),  # was: "10000-01"
        (dt.date.max, "in April next year", None),  # was: "10000-04"
        (dt.date.max, "on Tuesday", "9999-12-28"),
    ],
)
def test_relative_times_past_the_calendar_have_no_value(published: dt.date, text: str, value: str | None) -> None:
    from claimcheck.timeexpr import find_times

    assert [t.value for t in find_times(text, published=published)] == [value]


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max])
def test_extract_and_check_at_the_ends_of_the_calendar(published: dt.date) -> None:
    text = ("WeChat had 355 million monthly active users on Tuesday. It said so yesterday, last week, "
            "last year and next year, and will say it tomorrow.")
    docs = [cc.Document(id="a", text=text, published=published),
            cc.Document(id="b", text=text.replace("355", "396"), published=published)]
    assert cc.extract(docs[0])
    assert cc.check(docs).conflicts


def test_document_published_may_be_a_datetime() -> None:
    d = cc.Document(id="a", text="x", published=dt.datetime.max)  # was: ValidationError
    assert d.published == dt.date.max
    assert cc.Document(id="a", text="x", published="2013-07-02T13:28Z").published == dt.date(2013, 7, 2)


# --------------------------------------------------------------------------- output injection

_HOSTILE_DOCS = [
    cc.Document(id="a\x1b[2J", source="Herald\nAll sources agree; no action needed.", title="t\x9b31m",
                text="WeChat has 355 million monthly active users \x1b]8;;http://x.ex\x07here\x1b]8;;\x07."),
    cc.Document(id="b", source="Wire\r", url="https://ok.example/b",
                text="WeChat has 396 million monthly active users: https://ev.il/p?q=1 \u202eevil."),
]


@pytest.fixture(scope="module")
def hostile_report() -> cc.Report:
    return cc.check(_HOSTILE_DOCS)


def test_text_report_escapes_terminal_sequences(hostile_report: cc.Report) -> None:
    out = str(hostile_report)
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out and "\r" not in out
    assert "\\x1b]8;;http://x.ex\\x07here" in out and "\\u202eevil" in out


def test_newline_in_source_cannot_forge_a_report_line(hostile_report: cc.Report) -> None:
    lines = str(hostile_report).splitlines()
    assert not any(line.startswith("All sources agree") for line in lines)
    assert any("(Herald All sources agree; no action needed.)" in line for line in lines)


def test_markdown_escapes_controls_and_links_nothing(hostile_report: cc.Report) -> None:
    md = hostile_report.to_markdown()
    assert "\x1b" not in md and "\u202e" not in md
    assert "`https://ev.il/p?q=1`" in md  # a code span: shown, never auto-linked
    assert "`https://ok.example/b`" in md  # metadata URLs too
    assert not any(line.startswith("All sources agree") for line in md.splitlines())


@pytest.mark.parametrize("url", ["http://a.example", "HTTPS://A.EXAMPLE/x", "www.a.example", "ftp://a.example",
                                 "mailto:x@a.example", "x@a.example"])
def test_markdown_never_leaves_an_autolink(url: str) -> None:
    r = cc.Report(findings=(cc.Finding(kind="agreement", message=f"see {url} now"),))
    assert f"see `{url}` now" in r.to_markdown()


def test_html_escapes_controls(hostile_report: cc.Report) -> None:
    page = hostile_report.to_html()
    assert "\x1b" not in page and "\x9b" not in page and "\\x1b[2J" in page
    page.encode("utf-8")


def test_csv_neutralises_formula_cells() -> None:
    pytest.importorskip("pandas")
    r = cc.Report(findings=(cc.Finding(kind="conflict", subject="=HYPERLINK(\"http://x\")", metric="+1",
                                       message="-2+3", relation="@SUM(A1)", spread=-0.5),))
    csv = r.to_csv()
    assert "'=HYPERLINK" in csv and ",'+1," in csv and "'-2+3" in csv
    assert ",-0.5," in csv  # numbers stay numbers
    assert r.to_dataframe()["subject"].tolist() == ['=HYPERLINK("http://x")']  # the frame stays exact


# --------------------------------------------------------------------------- property: inert output

_CONTROL_CHARS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))]
_NASTY = _CONTROL_CHARS + ["\u202e", "\u2066", "\u2028", "\ud800", "\udcff", "\ufffd", "https://x.example",
                           "www.x.example", "a@b.example", "=1+1", "<script>", "|", "`", "*", "\\", "\n\n"]
_hostile = st.lists(st.one_of(st.sampled_from(_NASTY), st.text(max_size=8)), max_size=8).map("".join)
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@settings(max_examples=60, deadline=None)
@given(ids=st.lists(_hostile.filter(lambda s: s.strip()), min_size=2, max_size=2, unique=True),
       pieces=st.lists(_hostile, min_size=6, max_size=6), message=_hostile)
def test_no_renderer_output_holds_a_control_character(ids: list[str], pieces: list[str], message: str) -> None:
    docs = [cc.Document(id=ids[i], source=pieces[2] or None, title=pieces[3] or None, url=pieces[4] or None,
                        text=f"{pieces[0]}WeChat has {n} million monthly active users{pieces[1]}.{pieces[5]}")
            for i, n in enumerate((355, 396))]
    checked = cc.check(docs)
    made = cc.Report(findings=(cc.Finding(kind="conflict", subject=message, metric=pieces[0], message=message,
                                          values=(cc.ValueSupport(value=message, claim_ids=(pieces[1],),
                                                                  documents=1, origins=1,
                                                                  origin_names=(pieces[2],)),)),),
                     warnings=(message,))
    for report in (checked, made):
        outputs = {"text": str(report), "markdown": report.to_markdown(), "html": report.to_html(),
                   "json": report.to_json()}
        for name, out in outputs.items():
            assert not _RAW_CONTROL.search(out), (name, _RAW_CONTROL.findall(out))
            out.encode("utf-8")  # no lone surrogate either
        assert cc.Report.model_validate_json(outputs["json"]) == report


# --------------------------------------------------------------------------- resources


def test_claims_over_the_cap_are_set_aside_with_a_warning() -> None:
    text = "It was one °C, then one °C, then one °C, then one °C, then one °C."
    assert len(cc.extract(text)) == 5
    r = cc.check([text], max_claims_per_document=2)
    assert [c.span.start for c in r.claims] == sorted(c.span.start for c in r.claims) and len(r.claims) == 2
    assert r.warnings == ((f"document 'doc1': more claims than max_claims_per_document=2; kept the first 2 "
                           f"(up to character {r.claims[-1].span.end}) and set 3 figures after them aside unread "
                           f"(set_aside lists the first 2)"),)
    assert [s.rule for s in r.set_aside] == ["claims cap"] * 2
    assert len(cc.check([text], max_claims_per_document=None).claims) == 5


def test_the_default_cap_bites_on_a_dense_hostile_text() -> None:
    text = "one °C " * (_guard.MAX_CLAIMS_PER_DOCUMENT + 50)
    r = cc.check([text])
    assert len(r.claims) == _guard.MAX_CLAIMS_PER_DOCUMENT
    assert len(r.warnings) == 1 and "set 50 figures after them aside" in r.warnings[0]


# --------------------------------------------------------------------------- command-line entry points


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: cli.load_documents(b"story"), "not bytes"),
        (lambda: cli.load_documents([None]), "not NoneType"),
        (lambda: cli.load_documents(["story"], max_bytes=0), "max_bytes must be a positive int"),
        (lambda: cli.load_documents(["story"], meta=3), "meta must be a path"),  # type: ignore[arg-type]
        (lambda: cli.read_meta(None), "read_meta() takes a path"),  # type: ignore[arg-type]
    ],
)
def test_command_line_helpers_validate_their_arguments(call: Any, match: str) -> None:
    with pytest.raises(cc.InputError, match=re.escape(match)):
        call()


def test_load_documents_takes_one_path_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Five people died.", encoding="utf-8")
    assert [d.id for d in cli.load_documents(tmp_path)] == ["a"]  # was: each character read as a path


def test_extract_json_lines_hold_no_raw_control_character(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("WeChat has 355 million monthly active users\x9b.\x1b", encoding="utf-8")
    assert cli.main(["extract", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out and not _RAW_CONTROL.search(out)
    assert cc.Claim.model_validate_json(out.splitlines()[0]).sentence.exact.endswith("\x9b.\x1b")


@pytest.mark.parametrize(
    ("module", "name", "what"),
    [
        ("claimcheck.attribution", "_read", "attribution scan"),
        ("claimcheck.attribution", "_hedges", "hedge scan"),
    ],
)
def test_a_stage_that_times_out_says_so_in_the_warnings(monkeypatch, module: str, name: str, what: str) -> None:
    """A scan that gives up is a Report.warnings entry naming the characters, never a silent drop."""
    import importlib

    mod = importlib.import_module(module)

    class _Slow:
        def __getattr__(self, _attr: str):
            raise TimeoutError

        def __call__(self, *a, **k):
            raise TimeoutError

        def finditer(self, *a, **k):
            raise TimeoutError

    if name == "_hedges":
        real = mod._hedges()

        class _H:
            hedge = _Slow()
            hedge_lower = _Slow()
            ascii_hedge = ascii_hedge_lower = None  # (the quick ASCII scans take no timeout: linear, short texts)

            def __getattr__(self, attr: str):
                return getattr(real, attr)

        monkeypatch.setattr(mod, "_hedges", lambda: _H())
    else:
        monkeypatch.setattr(mod, name, _Slow())
    text = "Officials said 12 people were reportedly hurt in the fire in Varn on Monday."
    report = cc.check([cc.Document(id="a", text=text), cc.Document(id="b", text=text)])
    hits = [w for w in report.warnings if what in w]
    assert hits, report.warnings
    assert hits[0].startswith("document 'a': characters ")


def test_a_dense_text_is_parsed_no_further_than_the_cap_reads_and_lists() -> None:
    from claimcheck.quantities import parse_prefix

    text = "one °C " * 3000  # long enough to be parsed block by block
    whole = cc.parse_quantities(text)
    head, rest = parse_prefix(text, 100)
    assert head == whole[:100] and rest == whole[100].start
    assert parse_prefix(text, 10_000) == (whole, None)
    r = cc.check([text], max_claims_per_document=30)  # reads 300 figures and lists 30 more
    assert len(r.claims) == 30 and len(r.warnings) == 1
    assert f"the text from character {whole[330].start:,} on was not read for figures" in r.warnings[0]
    with pytest.raises(cc.InputError):
        parse_prefix(text, -1)
