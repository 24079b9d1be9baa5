"""The command line: formats, metadata, exit statuses, bad input, JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import claimcheck as cc
import claimcheck.claims
from claimcheck.cli import load_documents, main, read_meta
from claimcheck.models import Claim, Document, Quantity, Span

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "examples" / "story"

_FIGURE = re.compile(r"(?P<subj>[A-Z]\w*) has (?P<q>(?P<n>\d+(?:\.\d+)?)(?P<m> million)?) (?P<metric>[a-z ]+?)[.,]")


def tiny_extract(doc: Document) -> list[Claim]:
    """A stand-in extractor for "<Subject> has <n> [million] <metric>." sentences."""
    out = []
    for m in _FIGURE.finditer(doc.text):
        value = float(m["n"]) * (1e6 if m["m"] else 1)
        start, end = m.span("q")
        q = Quantity(text=m["q"], start=start, end=end, value=value, low=value, high=value)
        s0 = doc.text.rfind("\n", 0, start) + 1
        s1 = doc.text.find("\n", end)
        s1 = len(doc.text) if s1 < 0 else s1
        out.append(Claim(id=f"{doc.id}:{start}", doc_id=doc.id, subject=m["subj"], metric=m["metric"],
                         quantity=q, span=Span.from_text(doc.text, start, end, doc.id),
                         sentence=Span.from_text(doc.text, s0, s1, doc.id)))
    return out


def tiny_analyse(doc: Document, **_: object) -> claimcheck.claims.Extraction:
    return claimcheck.claims.Extraction(tiny_extract(doc), [])


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    if "real_extractor" not in request.node.name:
        monkeypatch.setattr(claimcheck.claims, "extract", tiny_extract)
        monkeypatch.setattr(claimcheck.claims, "analyse", tiny_analyse)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.txt").write_text("Title\n\nWeChat has 355 million monthly active users.\n", encoding="utf-8")
    (d / "b.txt").write_text("WeChat has 396 million monthly active users.\n", encoding="utf-8")
    (d / "c.txt").write_text("Weibo has 143 million monthly active users.\n", encoding="utf-8")
    (d / "notes.md").write_text("not an article", encoding="utf-8")
    (d / "meta.json").write_text(json.dumps({
        "a.txt": {"source": "Herald", "published": "2014-05-28", "url": "https://example.org/a"},
        "b.txt": {"source": "Wire", "title": "B"},
    }), encoding="utf-8")
    return d


def test_conflict_exits_1_and_prints_text(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(story)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("claimcheck report: 3 documents, 3 claims")
    assert "355 million (a) vs 396 million (b) monthly active users for WeChat: 11.5% apart" in out
    assert "a (Herald):" in out


def test_no_conflict_exits_0(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(story / "a.txt"), str(story / "c.txt")]) == 0
    assert "0 findings" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "text"])
def test_formats(story: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(story), "--format", fmt]) == 1
    out = capsys.readouterr().out
    if fmt == "json":
        report = cc.Report.model_validate_json(out)
        assert [f.kind for f in report.conflicts] == ["conflict"]
        docs = {d.id: d for d in report.documents}
        assert docs["a"].source == "Herald" and docs["a"].published == dt.date(2014, 5, 28)
        assert docs["b"].title == "B" and docs["c"].source is None
    elif fmt == "markdown":
        assert out.splitlines()[0] == "# claimcheck report"
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "<mark>396 million</mark>" in out
    else:
        assert out.startswith("claimcheck report:")


@pytest.mark.parametrize("table", ["rows", "claims", "findings"])
def test_csv_tables(story: Path, table: str, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    assert main(["check", str(story), "--format", "csv", "--table", table]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows
    key = {"rows": "kind", "claims": "claim_id", "findings": "kind"}[table]
    assert key in rows[0], sorted(rows[0])
    if table != "claims":
        assert "conflict" in {r["kind"] for r in rows}


def test_claimreview_and_annotations(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["check", str(story), "--format", "claimreview", "--review-url", "https://example.org/r",
                 "--review-author", "Desk", "--review-date", "2024-05-02"]) == 1
    reviews = json.loads(capsys.readouterr().out)
    assert reviews and all(r["@type"] == "ClaimReview" for r in reviews)
    assert reviews[0]["url"].startswith("https://example.org/r#") and reviews[0]["author"]["name"] == "Desk"
    assert main(["check", str(story), "--format", "annotations"]) == 1
    notes = json.loads(capsys.readouterr().out)
    assert notes and all(n["type"] == "Annotation" for n in notes)


def test_json_indent(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(story), "--format", "json"]) == 1
    assert capsys.readouterr().out.count("\n") <= 1  # one line by default
    assert main(["check", str(story), "--format", "json", "--indent", "2"]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") > 10 and cc.Report.model_validate_json(out).conflicts


def test_output_file(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "r.html"
    assert main(["check", str(story), "--format", "html", "-o", str(target)]) == 1
    assert capsys.readouterr().out == ""
    assert "11.5% apart" in target.read_text(encoding="utf-8")


def test_explicit_meta_in_corpus_layout(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"articles": [
        {"file": "a.txt", "outlet": "Outlet A", "published": "2013-07-02T13:28Z", "url": None, "title": "T"},
    ]}), encoding="utf-8")
    assert main(["check", str(story), "--meta", str(meta), "--format", "json"]) == 1
    docs = {d.id: d for d in cc.Report.model_validate_json(capsys.readouterr().out).documents}
    assert docs["a"].source == "Outlet A" and docs["a"].published == dt.date(2013, 7, 2)
    assert docs["b"].source == "Wire"  # the directory's own meta.json still applies


def test_tolerance_and_aliases_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.txt").write_text("Wechat has 100 users.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("WeChat has 104 users.", encoding="utf-8")
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"Wechat": "WeChat"}), encoding="utf-8")
    files = [str(tmp_path / "x.txt"), str(tmp_path / "y.txt")]
    assert main(["check", *files, "--aliases", str(aliases)]) == 1
    capsys.readouterr()
    assert main(["check", *files, "--tolerance", "0.2"]) == 1  # exact values: tolerance does not apply
    assert main(["check", *files, "--tolerance", "3"]) == 2
    assert "tolerance must be a number in [0, 1)" in capsys.readouterr().err


def _bad(tmp_path: Path, name: str, content: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(content)
    return p


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda t: [str(_bad(t, "latin1.txt", "caf\xe9 has 5 users".encode("latin-1")))], "is not UTF-8 text"),
        (lambda t: [str(_bad(t, "blank.txt", b"  \n\n "))], "is empty"),
        (lambda t: [str(t / "missing.txt")], "no such file or directory"),
        (lambda t: [str(t)], "contains no articles"),
        (lambda t: [str(_bad(t, "ok.txt", b"fine")), "--meta", str(_bad(t, "m.json", b"{oops"))],
         "is not valid JSON"),
        (lambda t: [str(_bad(t, "ok.txt", b"fine")), "--meta", str(_bad(t, "m.json", b"[1, 2]"))],
         "metadata"),
        (lambda t: [str(_bad(t, "ok.txt", b"fine")), "--format", "pdf"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(make, message: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *make(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimcheck: error: ") and message in lines[0]


def test_no_command_and_no_files_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["check"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 2


def test_extract_prints_json_lines(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(story / "a.txt"), str(story / "b.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    claims = [Claim.model_validate_json(line) for line in lines]
    assert [(c.doc_id, c.quantity.value) for c in claims] == [("a", 355e6), ("b", 396e6)]


def test_load_documents_duplicate_names_use_paths(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(f"text {sub}", encoding="utf-8")
    docs = load_documents([tmp_path / "x", tmp_path / "y"])
    assert len({d.id for d in docs}) == 2 and all(d.id.endswith("same.txt") for d in docs)


def test_read_meta_layouts(tmp_path: Path) -> None:
    p = tmp_path / "gold.json"
    p.write_text(json.dumps({"documents": {"000": {"file": "000_x.txt", "note": "n"}}}), encoding="utf-8")
    assert read_meta(p) == {"000_x.txt": {"source": None, "url": None, "published": None, "title": None}}


def test_python_dash_m_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    bad = _bad(tmp_path, "bad.txt", b"\xff\xfe\x00broken")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", str(bad)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "is a binary file, not text" in proc.stderr


def test_bundled_story_meta_is_complete() -> None:
    docs = load_documents([STORY])
    assert 4 <= len(docs) <= 5
    assert all(d.source and d.published and d.title for d in docs)
    texts = {d.id: d.text for d in docs}
    # the repeated paragraph the story is meant to contain
    assert any(len(p) > 20 and t.count(p) > 1 for t in texts.values() for p in t.split("\n\n"))


def test_bundled_story_with_the_real_extractor(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        cc.extract("Zipdrop has 12 million monthly active users.")
    except NotImplementedError:
        pytest.skip("claim extraction is not implemented yet")
    status = main(["check", str(STORY), "--format", "json"])
    report = cc.Report.model_validate_json(capsys.readouterr().out)
    assert status == 1
    kinds = {(f.kind, f.temporal) for f in report.findings}
    assert ("conflict", False) in kinds and ("misattribution", False) in kinds
    mau = [f for f in report.conflicts if f.metric and "monthly active" in f.metric]
    assert mau and {v.value for v in mau[0].values} >= {"12 million", "14.5 million"}
