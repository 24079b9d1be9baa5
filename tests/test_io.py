"""Loading documents: the Document model's checks, files, directories, globs, JSON Lines, HTML."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

import claimcheck as cc

# --------------------------------------------------------------------------- Document


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": "", "text": "x"}, "document: id must not be empty"),
        ({"id": "   ", "text": "x"}, "document: id must not be empty"),
        ({"text": "x"}, "document: id is required"),
        ({"id": 7, "text": "x"}, "document: id must be a string, not int"),
        ({"id": "a"}, "document 'a': text is required"),
        ({"id": "a", "text": b"x"}, "document 'a': text must be a string, not bytes; decode bytes first"),
        ({"id": "a", "text": "x", "url": ["u"]}, "document 'a': url must be a string or None, not list"),
        ({"id": "a", "text": "x", "published": "last Tuesday"}, "document 'a': published 'last Tuesday' is not an ISO date"),
        ({"id": "a", "text": "x", "published": "2013-02-30"}, "document 'a': published '2013-02-30' is not an ISO date"),
        ({"id": "a", "text": "x", "published": 20130702}, "document 'a': published must be a date, a datetime or an ISO string"),
        ({"id": "a", "text": "x", "colour": "red"}, "document 'a': unknown field 'colour'"),
    ],
)
def test_every_bad_document_field_is_one_input_error_naming_document_and_field(fields: dict, message: str) -> None:
    with pytest.raises(cc.InputError) as info:
        cc.Document(**fields)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValidationError)  # code written against pydantic still catches it


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2013-07-02", dt.date(2013, 7, 2)),
        ("2013-07-02T13:28Z", dt.date(2013, 7, 2)),
        ("2013-07-03T06:22+10:00", dt.date(2013, 7, 3)),  # the day where it was written
        ("2010-05-05T13:41", dt.date(2010, 5, 5)),
        (" 2013-07-02 ", dt.date(2013, 7, 2)),
        (dt.datetime(2013, 7, 2, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-7))), dt.date(2013, 7, 2)),
        (dt.date(2013, 7, 2), dt.date(2013, 7, 2)),
        (None, None),
    ],
)
def test_published_takes_dates_and_timestamps_with_or_without_a_zone(published: object, day: dt.date | None) -> None:
    d = cc.Document(id="a", text="x", published=published)
    assert d.published == day
    assert cc.Document.model_validate_json(d.model_dump_json()) == d


def test_document_story_round_trips_and_check_ignores_it() -> None:
    a = cc.Document(id="a", text="Zorbix has 355 million monthly active users.", story="s1")
    b = cc.Document(id="b", text="Zorbix has 396 million monthly active users.", story="s2")
    assert cc.Document.model_validate_json(a.model_dump_json()).story == "s1"
    assert [f.kind for f in cc.check([a, b]).conflicts] == ["conflict"]


# --------------------------------------------------------------------------- files and directories

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

ZA = "Zorbix has 355 million monthly active users.\n"
ZB = "Zorbix has 396 million monthly active users.\n"

PAGE = """<!DOCTYPE html><html><head><title>Flood hits Varno | Valley Gazette</title>
<meta property="og:title" content="Flood hits Varno">
<meta property="og:url" content="https://gazette.example/flood">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00"></head>
<body><nav><a href="/">Home</a> | <a href="#c">12 comments</a> | <a href="/s">Subscribe for 3 dollars a month</a></nav>
<main><article><h1>Flood hits Varno</h1>
<p>A flood swept through the river town of Varno on Monday, killing at least 12 people, officials said.</p>
<p>Rescue teams worked through the night along the valley, and more than 300 homes were damaged by the water,
according to the regional governor, who visited the town in the afternoon.</p></article></main>
<aside>Most read: 5 tips for a dry cellar</aside>
<footer>Home | 24 comments | Copyright 2024</footer></body></html>
"""


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    d = tmp_path / "zorbix"
    d.mkdir()
    (d / "02.txt").write_text(ZB, encoding="utf-8")
    (d / "01.txt").write_text(ZA, encoding="utf-8")
    (d / "notes.md").write_text("not an article", encoding="utf-8")
    (d / "meta.json").write_text(json.dumps({"articles": [
        {"file": "01.txt", "outlet": "Herald", "url": "https://herald.example/1", "published": "2013-07-02T13:28Z",
         "title": "One", "outlet_hint": None, "n_sentences": 1},
        {"file": "02.txt", "outlet": None, "published": "2013-07-03"}]}), encoding="utf-8")
    return d


def test_a_directory_reads_its_articles_in_name_order_with_its_meta(story_dir: Path) -> None:
    docs = cc.read_documents(story_dir)
    assert [(d.id, d.source, d.url, d.published, d.title, d.story) for d in docs] == [
        ("01", "Herald", "https://herald.example/1", dt.date(2013, 7, 2), "One", None),
        ("02", None, None, dt.date(2013, 7, 3), None, None)]
    assert docs[0].text == ZA


def test_files_lists_and_globs(story_dir: Path) -> None:
    assert [d.id for d in cc.read_documents(story_dir / "02.txt")] == ["02"]
    assert [d.id for d in cc.read_documents([story_dir / "02.txt", str(story_dir / "01.txt")])] == ["02", "01"]
    assert [d.id for d in cc.read_documents(str(story_dir / "0*.txt"))] == ["01", "02"]
    with pytest.raises(cc.InputError, match="no file matches .*9\\*.txt"):
        cc.read_documents(str(story_dir / "9*.txt"))
    with pytest.raises(cc.InputError, match="read_documents\\(\\) takes a path or a list of paths, not bytes"):
        cc.read_documents(b"x")  # type: ignore[arg-type]


def test_a_directory_of_stories_gives_each_story_its_documents(tmp_path: Path, story_dir: Path) -> None:
    other = tmp_path / "flood"
    other.mkdir()
    (other / "01.txt").write_text("The flood killed 12 people.", encoding="utf-8")
    (tmp_path / "empty-dir").mkdir()
    docs = cc.read_documents(tmp_path)
    assert [(d.story, d.id) for d in docs] == [("flood", "01"), ("zorbix", "01"), ("zorbix", "02")]
    assert docs[1].source == "Herald"  # each story's own meta.json


def test_bad_files_raise_or_are_handed_to_on_error(story_dir: Path) -> None:
    (story_dir / "03.txt").write_bytes(b"")
    (story_dir / "04.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (story_dir / "05.txt").write_bytes("Caf\xe9 owners said 3 people were hurt.".encode("latin-1"))
    with pytest.raises(cc.InputError, match="03.txt is empty"):
        cc.read_documents(story_dir)
    skipped: list[cc.InputError] = []
    docs = cc.read_documents([story_dir, story_dir / "missing.txt"], on_error=skipped.append)
    assert [d.id for d in docs] == ["01", "02"]
    assert [str(e).split("/")[-1] for e in skipped] == [
        "03.txt is empty", "04.txt is a binary file, not text (it holds NUL bytes)",
        "05.txt is not UTF-8 text (byte 0xe9 at offset 3)", "missing.txt"]


def test_metadata_is_never_skipped(story_dir: Path) -> None:
    (story_dir / "meta.json").write_text('{"01.txt": {"url": 5}}', encoding="utf-8")
    with pytest.raises(cc.InputError, match="01.txt: url must be a string or null, not int"):
        cc.read_documents(story_dir, on_error=lambda e: None)


def test_standard_input_is_text_html_or_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    def stdin(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    stdin(ZA.encode())
    assert [(d.id, d.text) for d in cc.read_documents("-")] == [("stdin", ZA)]
    stdin(b'{"id": "x", "text": "Five people died."}\n\n{"id": "y", "text": "Six died."}\n')
    assert [d.id for d in cc.read_documents("-")] == ["x", "y"]
    stdin(b'{"id": "x", "text": "Five people died."}')
    assert [d.id for d in cc.read_documents("-", stdin_format="text")] == ["stdin"]
    stdin(b"")
    with pytest.raises(cc.InputError, match="standard input is empty"):
        cc.read_documents("-")


# --------------------------------------------------------------------------- JSON Lines


def test_read_jsonl_reads_every_field(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in [
        {"id": "a1", "text": ZA, "outlet": "Herald", "url": "https://h.example/a1",
         "published": "2013-07-03T06:22+10:00", "title": "T", "story": "zorbix", "extra": [1, 2]},
        {"id": "a2", "text": ZB, "source": "Wire", "published": None, "title": ""},
    ]) + "\n", encoding="utf-8")
    a1, a2 = cc.read_jsonl(p)
    assert (a1.source, a1.published, a1.title, a1.story) == ("Herald", dt.date(2013, 7, 3), "T", "zorbix")
    assert (a2.source, a2.published, a2.title, a2.story) == ("Wire", None, None, None)
    assert [d.id for d in cc.read_documents(p)] == ["a1", "a2"]  # a named .jsonl file
    with open(p, "rb") as f:
        assert cc.read_jsonl(f) == [a1, a2]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", "feed.jsonl line 2: expected a JSON object with an id and a text, not list"),
        ("{oops", "feed.jsonl line 2: not valid JSON"),
        ('{"text": "x"}', "feed.jsonl line 2: document: id is required"),
        ('{"id": "b", "text": "  "}', "feed.jsonl line 2: document 'b': text is empty"),
        ('{"id": "b", "text": 5}', "feed.jsonl line 2: document 'b': text must be a string, not int"),
        ('{"id": "b", "text": "x", "published": "soon"}', "feed.jsonl line 2: document 'b': published 'soon'"),
        ('{"id": "b", "text": "x", "html": "<p>x</p>"}', "feed.jsonl line 2: document 'b': give text or html, not both"),
        ('{"id": "a", "text": "again"}', "feed.jsonl line 2: document 'a' is already on line 1"),
    ],
)
def test_read_jsonl_names_the_line_the_document_and_the_field(tmp_path: Path, line: str, message: str) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text('{"id": "a", "text": "Five people died."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(cc.InputError) as info:
        cc.read_jsonl(p)
    assert str(info.value).endswith(message) or message in str(info.value)
    skipped: list[cc.InputError] = []
    assert [d.id for d in cc.read_jsonl(p, on_error=skipped.append)] == ["a"] and len(skipped) == 1


def test_read_claims_reads_what_extract_writes(tmp_path: Path) -> None:
    claims = cc.extract(cc.Document(id="a", text=ZA)) + cc.extract(cc.Document(id="b", text=ZB))
    p = tmp_path / "claims.jsonl"
    p.write_text("\n".join(c.model_dump_json() for c in claims) + "\n", encoding="utf-8")
    assert cc.read_claims(p) == claims
    p.write_text(claims[0].model_dump_json() + "\n{}\n", encoding="utf-8")
    with pytest.raises(cc.InputError, match="claims.jsonl line 2: not a claim: id: Field required"):
        cc.read_claims(p)


# --------------------------------------------------------------------------- HTML


def test_an_html_page_gives_its_article_text_title_date_and_url(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    p = tmp_path / "flood.html"
    p.write_text(PAGE, encoding="utf-8")
    (d,) = cc.read_documents(p)
    assert (d.id, d.title, d.url, d.published) == ("flood", "Flood hits Varno", "https://gazette.example/flood",
                                                  dt.date(2024, 3, 5))
    assert d.text.startswith("Flood hits Varno\n\nA flood swept through")
    assert "<" not in d.text and "comments" not in d.text and "Subscribe" not in d.text
    claims = cc.extract(d)
    assert sorted(c.quantity.value for c in claims) == [12.0, 300.0]  # nothing from the page furniture
    for c in claims:
        assert d.text[c.span.start:c.span.end] == c.span.exact


def test_page_furniture_alone_gives_no_claims() -> None:
    pytest.importorskip("trafilatura")
    furniture = ('<html><body><nav>Home | 12 comments | 3 new</nav><div role="navigation">Home, 5 comments</div>'
                 "<footer>Home, 24 comments</footer></body></html>")
    with pytest.raises(cc.InputError, match="holds no article text"):
        cc.read_jsonl(io.StringIO(json.dumps({"id": "p", "html": furniture})))


def test_html_in_json_lines_and_metadata_that_wins(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    line = {"id": "p1", "html": PAGE, "title": "Given title", "published": "2024-03-06", "story": "flood"}
    (d,) = cc.read_jsonl(io.StringIO(json.dumps(line)))
    assert (d.title, d.published, d.url, d.story) == ("Given title", dt.date(2024, 3, 6),
                                                      "https://gazette.example/flood", "flood")
    assert "Subscribe" not in d.text


def test_html_without_trafilatura_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now fails
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    with pytest.raises(ImportError, match=re.escape('reading HTML needs trafilatura: pip install "claimcheck[html]"')):
        cc.read_documents(p, on_error=lambda e: None)  # a missing extra is never skipped


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not there")
def test_the_shared_corpus_is_a_directory_of_ten_stories() -> None:
    docs = cc.read_documents(CORPUS)
    stories = sorted({d.story for d in docs if d.story})
    assert len(stories) == 10 and len(docs) == 74
    assert all(d.published for d in docs) and sum(1 for d in docs if d.source) > 50
