"""The command line for pipelines: stories, stored claims, stdin, -o, --skip-bad, --quiet,
--jobs, progress, and a start-up that imports nothing heavy."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import claimcheck as cc
from claimcheck import cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CLUSTERS = sorted(p for p in CORPUS.iterdir() if (p / "meta.json").is_file()) if CORPUS.is_dir() else []

ZA = "Zorbix has 355 million monthly active users, the company said.\n"
ZB = "Zorbix has 396 million monthly active users, analysts said.\n"
FA = "The flood in Varno killed at least 12 people on Monday, officials said.\n"
FB = "Officials said 14 people were killed in the flood in Varno.\n"


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    """Two stories, one directory each."""
    root = tmp_path / "stories"
    for name, texts in (("zorbix", (ZA, ZB)), ("flood", (FA, FB))):
        (root / name).mkdir(parents=True)
        for i, text in enumerate(texts, start=1):
            (root / name / f"0{i}.txt").write_text(text, encoding="utf-8")
    return root


def _reports(out: str) -> list[cc.Report]:
    return [cc.Report.model_validate_json(line) for line in out.splitlines()]


# --------------------------------------------------------------------------- stories


def test_stories_give_one_report_per_story_as_json_lines(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--stories", str(stories), "--format", "json"]) == cli.EXIT_CONFLICT
    reports = _reports(capsys.readouterr().out)
    assert [r.documents[0].story for r in reports] == ["flood", "zorbix"]
    assert [[d.id for d in r.documents] for r in reports] == [["01", "02"], ["01", "02"]]
    # each report is the one the story's directory gives on its own (but for the story name)
    alone = cc.check(cc.read_documents(stories / "zorbix"))
    assert reports[1].findings == alone.findings and reports[1].claims == alone.claims


def test_story_directories_given_one_by_one_and_json_lines_stories(stories: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "w1", "text": ZA, "story": "wire"}) + "\n"
                    + json.dumps({"id": "w2", "text": ZB, "story": "wire"}) + "\n", encoding="utf-8")
    assert cli.main(["check", "--stories", str(stories / "flood"), str(feed), "--format", "json"]) == 1
    reports = _reports(capsys.readouterr().out)
    assert [(r.documents[0].story, len(r.documents), len(r.conflicts)) for r in reports] == [
        ("flood", 2, 0), ("wire", 2, 1)]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_stories_in_the_other_formats(stories: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--stories", str(stories), "--format", fmt]) == 1
    out = capsys.readouterr().out
    if fmt == "text":
        assert out.startswith("== story: flood ==\nclaimcheck report:") and "\n== story: zorbix ==\n" in out
    elif fmt == "markdown":
        assert out.startswith("# Story: flood\n\n# claimcheck report") and "# Story: zorbix" in out
    else:
        assert out.count("<!DOCTYPE html>") == 1 and out.count("<section>") == 2 and "Story: zorbix" in out


def test_a_directory_of_stories_without_stories_says_what_to_do(stories: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(stories)]) == cli.EXIT_BAD_INPUT
    assert "several stories: check them with --stories" in capsys.readouterr().err


def test_directories_of_two_stories_checked_as_one_get_the_warning(stories: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    flood = stories / "flood"
    (flood / "03.txt").write_text("Robbers stole jewels worth 80 million euros in the heist, police said.\n",
                                  encoding="utf-8")
    assert cli.main(["check", str(flood), "--format", "json"]) == cli.EXIT_OK
    (warning,) = cc.Report.model_validate_json(capsys.readouterr().out).warnings
    assert "seem to tell 2 different stories" in warning and "03 (robbery)" in warning


@pytest.mark.skipif(not CLUSTERS, reason="../shared/corpus is not there")
def test_the_corpus_as_stories_and_merged(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--stories", str(CORPUS), "--format", "json"]) == cli.EXIT_CONFLICT
    reports = _reports(capsys.readouterr().out)
    assert [r.documents[0].story for r in reports] == [p.name for p in CLUSTERS]
    assert all(not r.warnings for r in reports)
    assert cli.main(["check", *map(str, CLUSTERS), "--format", "json"]) == cli.EXIT_CONFLICT
    merged = cc.Report.model_validate_json(capsys.readouterr().out)
    assert len(merged.documents) == 74
    assert any("different stories, which share no event" in w for w in merged.warnings)


# --------------------------------------------------------------------------- bad inputs


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "a.txt").write_text(ZA, encoding="utf-8")
    (d / "b.txt").write_text(ZB, encoding="utf-8")
    (d / "c.txt").write_bytes(b"")
    (d / "d.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (d / "e.txt").write_bytes("Caf\xe9 owners said 3 people were hurt.".encode("latin-1"))
    return d


def test_skip_bad_turns_three_bad_files_into_three_warnings(bad_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(bad_dir), "--skip-bad", "--format", "json"]) == cli.EXIT_CONFLICT
    captured = capsys.readouterr()
    report = cc.Report.model_validate_json(captured.out)
    assert [d.id for d in report.documents] == ["a", "b"]
    skipped = [w for w in report.warnings if w.startswith("skipped input: ")]
    assert len(skipped) == 3
    assert [w.rsplit("/", 1)[-1] for w in skipped] == [
        "c.txt is empty", "d.txt is a binary file, not text (it holds NUL bytes)",
        "e.txt is not UTF-8 text (byte 0xe9 at offset 3)"]
    assert captured.err.splitlines() == [f"claimcheck: warning: {w}" for w in skipped]


def test_without_skip_bad_the_first_bad_file_is_exit_2_and_one_line(bad_dir: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(bad_dir)]) == cli.EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.splitlines()) == 1
    assert captured.err.startswith("claimcheck: error: ") and "c.txt is empty" in captured.err


def test_quiet_keeps_the_warnings_in_the_report_only(bad_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(bad_dir), "--skip-bad", "--quiet", "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert len(cc.Report.model_validate_json(captured.out).warnings) == 3


def test_skip_bad_with_nothing_left_is_still_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c.txt").write_bytes(b"")
    assert cli.main(["check", str(tmp_path), "--skip-bad", "-q"]) == cli.EXIT_BAD_INPUT
    assert "no documents to check: every input was skipped (1)" in capsys.readouterr().err
    assert cli.main(["extract", str(tmp_path), "--skip-bad", "-q"]) == cli.EXIT_BAD_INPUT


def test_skip_bad_in_stories_warns_the_story_it_happened_in(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (stories / "flood" / "03.txt").write_bytes(b"\xff\xfe")
    assert cli.main(["check", "--stories", str(stories), "--skip-bad", "-q", "--format", "json"]) == 1
    flood, zorbix = _reports(capsys.readouterr().out)
    assert len(flood.warnings) == 1 and "03.txt is not UTF-8" in flood.warnings[0]
    assert zorbix.warnings == ()


# --------------------------------------------------------------------------- stdin, -o, stored claims


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, ZA)
    assert cli.main(["extract", "-"]) == cli.EXIT_OK
    (claim,) = [cc.Claim.model_validate_json(line) for line in capsys.readouterr().out.splitlines()]
    assert claim.doc_id == "stdin" and claim.quantity.value == 355e6
    _stdin(monkeypatch, json.dumps({"id": "x", "text": ZA}) + "\n" + json.dumps({"id": "y", "text": ZB}) + "\n")
    assert cli.main(["check", "-", "--format", "json"]) == cli.EXIT_CONFLICT
    assert [d.id for d in cc.Report.model_validate_json(capsys.readouterr().out).documents] == ["x", "y"]


def test_extract_writes_to_a_file_with_o(stories: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "claims.jsonl"
    assert cli.main(["extract", str(stories / "zorbix"), "-o", str(target)]) == cli.EXIT_OK
    assert capsys.readouterr().out == ""
    assert [c.doc_id for c in cc.read_claims(target)] == ["01", "02"]
    assert cli.main(["extract", str(stories / "zorbix"), "-o", str(tmp_path / "no" / "dir.jsonl")]) == cli.EXIT_OUTPUT


def test_check_of_stored_claims_gives_the_same_findings(stories: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    stored = tmp_path / "claims.jsonl"
    assert cli.main(["extract", str(stories / "zorbix"), "-o", str(stored)]) == 0
    assert cli.main(["check", str(stories / "zorbix"), "--format", "json"]) == 1
    fresh = cc.Report.model_validate_json(capsys.readouterr().out)
    assert cli.main(["check", "--claims", str(stored), str(stories / "zorbix"), "--format", "json"]) == 1
    again = cc.Report.model_validate_json(capsys.readouterr().out)
    assert again.findings == fresh.findings and again.claims == fresh.claims and again.documents == fresh.documents
    assert cli.main(["check", "--claims", str(stored), "--format", "json"]) == 1  # without the texts
    alone = cc.Report.model_validate_json(capsys.readouterr().out)
    assert alone.findings == fresh.findings
    assert alone.warnings == ("document '01': checked from its stored claims, without its text",
                              "document '02': checked from its stored claims, without its text")
    assert cli.main(["check", "--claims", str(stored), "--stories", str(stories)]) == cli.EXIT_BAD_INPUT
    assert "--claims cannot be used with --stories" in capsys.readouterr().err


def test_jobs_give_the_same_output_as_one_process(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for jobs in ("1", "2"):
        assert cli.main(["check", "--stories", str(stories), "--format", "json", "--jobs", jobs]) == 1
        outputs.append(capsys.readouterr().out)
        assert cli.main(["extract", str(stories / "zorbix"), str(stories / "flood"), "-j", jobs]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3] and outputs[1]
    assert cli.main(["check", str(stories / "flood"), "--jobs", "-1"]) == cli.EXIT_BAD_INPUT


# --------------------------------------------------------------------------- progress and start-up


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("tty", "quiet", "bar"), [(True, False, True), (True, True, False), (False, False, False)])
def test_a_progress_bar_only_on_a_terminal_and_not_when_quiet(monkeypatch: pytest.MonkeyPatch, tty: bool,
                                                             quiet: bool, bar: bool) -> None:
    pytest.importorskip("tqdm")
    err = _Terminal() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    progress = cli._Progress(10, cli._parser().parse_args(["extract", "x", *(["-q"] if quiet else [])]))
    assert (progress.bar is not None) is bar
    for _ in range(10):
        progress.update()
    progress.close()


_START_UP = """
import sys, _claimcheck_cli
status = _claimcheck_cli.main([{arg!r}])
heavy = sorted(m for m in ("pint", "pydantic", "pandas", "claimcheck.check", "claimcheck.claims") if m in sys.modules)
print(status, heavy)
"""


@pytest.mark.parametrize("arg", ["--version", "--help"])
def test_version_and_help_import_nothing_heavy(arg: str) -> None:
    proc = subprocess.run([sys.executable, "-c", _START_UP.format(arg=arg)], capture_output=True, text=True,
                          timeout=60, check=True)
    assert proc.stdout.splitlines()[-1] == "0 []"


def test_import_claimcheck_loads_neither_pint_nor_pandas_until_used() -> None:
    code = ("import sys, claimcheck as cc; before = [m in sys.modules for m in ('pint', 'pandas', 'pydantic')];"
            "cc.Document(id='a', text='x'); after = [m in sys.modules for m in ('pint', 'pandas')];"
            "cc.check(['The fault is 10 km long.', 'The fault is 12 km long.']); used = 'pint' in sys.modules;"
            "print(before, after, used)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert proc.stdout.strip() == "[False, False, False] [False, False] True"


def test_extract_refuses_two_documents_of_one_id(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", str(stories)]) == cli.EXIT_BAD_INPUT  # 01 and 02 in both stories
    assert "duplicate document id '01'" in capsys.readouterr().err
