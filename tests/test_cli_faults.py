"""The command line under faults (issue 8): each gives one line on stderr and its own status.

Most tests run the real command in a subprocess, since the faults live at the process
boundary: a closed or full stdout, a reader that goes away, special files, permissions,
an interrupt while the package is still being imported. The statuses are those of
docs/pipelines.md ("Exit status"); a test keeps that table and the code in step.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimcheck import cli

ROOT = Path(__file__).resolve().parents[1]
PIPELINES = ROOT / "docs" / "pipelines.md"
TIMEOUT = 60

# The command as installed, else the module the console script runs.
_SCRIPT = Path(sys.executable).parent / "claimcheck"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "_claimcheck_cli"]

A = "Zorbix has 355 million monthly active users.\n"
B = "Zorbix has 396 million monthly active users.\n"


@pytest.fixture
def story() -> Iterator[Path]:
    """A story directory anyone may read (the permission tests run as nobody when root)."""
    top = Path(tempfile.mkdtemp(prefix="claimcheck-faults-"))
    top.chmod(0o755)
    d = top / "story"
    d.mkdir(mode=0o755)
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    yield d
    for p in [top, *top.rglob("*")]:  # give back what a test locked, so it can be removed
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)
    shutil.rmtree(top)


def run(*args: str | Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([*COMMAND, *map(str, args)], stderr=subprocess.PIPE, text=True,
                          timeout=TIMEOUT, check=False, **kwargs)


def one_line(stderr: str, *, starts: str = "claimcheck: error: ") -> str:
    """The single line of stderr; fails on none, two, or a traceback."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(starts), stderr
    assert "Traceback" not in stderr
    return lines[0]


# --------------------------------------------------------------------------- the baseline


def test_conflicts_exit_1_and_nothing_on_stderr(story: Path) -> None:
    proc = run("check", story)
    assert proc.returncode == cli.EXIT_CONFLICT == 1
    assert proc.stderr == "" and proc.stdout.startswith("claimcheck report:")


# --------------------------------------------------------------------------- output faults


def test_stdout_to_a_full_disk(story: Path) -> None:
    with open("/dev/full", "w") as full:
        proc = run("check", story, stdout=full)
    assert proc.returncode == cli.EXIT_OUTPUT == 5
    assert "No space left on device" in one_line(proc.stderr)


def test_output_file_on_a_full_disk(story: Path) -> None:
    proc = run("check", story, "-o", "/dev/full")
    assert proc.returncode == cli.EXIT_OUTPUT
    assert "cannot write /dev/full" in one_line(proc.stderr)


def test_output_file_in_a_missing_directory(story: Path) -> None:
    proc = run("check", story, "-o", story / "no" / "such" / "r.txt")
    assert proc.returncode == cli.EXIT_OUTPUT
    assert "No such file or directory" in one_line(proc.stderr)


def test_closed_stdout(story: Path) -> None:
    proc = run("check", story, stdout=None, preexec_fn=lambda: os.close(1))
    assert proc.returncode == cli.EXIT_OUTPUT
    assert "stdout is closed" in one_line(proc.stderr)


def test_broken_pipe_in_extract_piped_to_head(story: Path) -> None:
    # enough JSON Lines (each carries its sentence) to overflow a pipe buffer many times
    sentence = "Zorbix had {n} million monthly active users in the spring, its owners said in a long statement.\n"
    (story / "c.txt").write_text("".join(sentence.format(n=n) for n in range(1, 400)), encoding="utf-8")
    p = subprocess.Popen([*COMMAND, "extract", str(story)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()  # what `| head -1` does
    status = p.wait(timeout=TIMEOUT)
    err = p.stderr.read().decode()
    p.stderr.close()
    assert json.loads(first)["doc_id"] == "a"
    assert status == cli.EXIT_BROKEN_PIPE == 141
    assert "broken pipe" in one_line(err)


# --------------------------------------------------------------------------- input faults


def test_dev_zero_is_refused_not_read_forever(story: Path) -> None:
    proc = run("check", "/dev/zero", story)
    assert proc.returncode == cli.EXIT_BAD_INPUT == 2
    assert "/dev/zero is a character device: only regular files are read" in one_line(proc.stderr)
    assert proc.stdout == ""


def test_fifo_in_a_directory_is_refused_not_skipped_or_waited_on(story: Path) -> None:
    os.mkfifo(story / "wire.txt")
    proc = run("check", story)
    assert proc.returncode == cli.EXIT_BAD_INPUT
    assert "wire.txt is a named pipe (FIFO)" in one_line(proc.stderr)


def test_fifo_given_as_a_file_is_refused(story: Path) -> None:
    os.mkfifo(story / "pipe")
    proc = run("extract", story / "pipe")
    assert proc.returncode == cli.EXIT_BAD_INPUT
    assert "is a named pipe (FIFO)" in one_line(proc.stderr)


def test_file_over_the_size_limit(story: Path) -> None:
    proc = run("check", story, "--max-bytes", "20")
    assert proc.returncode == cli.EXIT_TOO_LARGE == 4
    assert "over the limit of 20" in one_line(proc.stderr) and proc.stdout == ""
    assert run("check", story, "--max-bytes", "1K").returncode == cli.EXIT_CONFLICT


def _unprivileged() -> list[str]:
    """A command prefix that runs without root's right to read everything (none if not root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.parametrize(
    ("lock", "arg", "message"),
    [
        ("story/secret.txt", "story", "cannot read {story}/secret.txt: permission denied"),
        ("story/locked", "story/locked", "cannot list directory {story}/locked: permission denied"),
        ("story/locked", "story/locked/x.txt", "cannot read {story}/locked/x.txt: permission denied"),
    ],
)
def test_unreadable_entries(story: Path, lock: str, arg: str, message: str) -> None:
    target = story.parent / lock
    if target.suffix == ".txt":
        target.write_text(A, encoding="utf-8")
    else:
        target.mkdir()
        (target / "x.txt").write_text(A, encoding="utf-8")
    target.chmod(0)
    proc = subprocess.run([*_unprivileged(), *COMMAND, "check", str(story.parent / arg)], capture_output=True,
                          text=True, timeout=TIMEOUT, check=False)
    assert proc.returncode == cli.EXIT_UNREADABLE == 3
    assert one_line(proc.stderr).endswith(message.format(story=story))


_MALFORMED_META = [
    ({"a.txt": {"url": ["x"]}}, "a.txt: url must be a string or null, not list"),  # was: the text "['x']"
    ({"a.txt": {"title": {"text": "T"}}}, "a.txt: title must be a string or null, not dict"),
    ({"a.txt": {"published": "2025-13-45"}}, "published '2025-13-45' is not an ISO date"),  # was: dropped
]
_MORE_MALFORMED_META = [
    ({"a.txt": {"source": 7}}, "a.txt: source must be a string or null, not int"),
    ({"a.txt": {"published": "last Tuesday"}}, "published 'last Tuesday' is not an ISO date"),
    ({"a.txt": {"published": 20250304}}, "published must be a date string or null, not int"),
    ({"articles": [{"file": "a.txt"}, "b.txt"]}, "articles[1] must be an object"),  # was: skipped
    ("[" * 100_000, "nested too deeply"),  # was: RecursionError
]


@pytest.mark.parametrize(("meta", "message"), _MALFORMED_META)
def test_malformed_meta_values(story: Path, meta: Any, message: str) -> None:
    (story / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    proc = run("check", story)
    assert proc.returncode == cli.EXIT_BAD_INPUT
    assert message in one_line(proc.stderr) and proc.stdout == ""


@pytest.mark.parametrize(("meta", "message"), _MORE_MALFORMED_META)
def test_more_malformed_meta_values_in_process(story: Path, meta: Any, message: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (story / "meta.json").write_text(meta if isinstance(meta, str) else json.dumps(meta), encoding="utf-8")
    assert cli.main(["check", str(story)]) == cli.EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert message in one_line(captured.err) and captured.out == ""


def test_good_meta_timestamps_still_read(story: Path) -> None:
    (story / "meta.json").write_text(json.dumps({"a.txt": {"published": "2013-07-02T13:28Z", "url": None},
                                                 "b.txt": {"published": "2013-07-03T06:22+10:00"}}))
    proc = run("check", story, "--format", "json")
    assert proc.returncode == cli.EXIT_CONFLICT and proc.stderr == ""
    assert [d["published"] for d in json.loads(proc.stdout)["documents"]] == ["2013-07-02", "2013-07-03"]


def test_non_ascii_file_names(story: Path) -> None:
    (story / "①.txt").write_text(A, encoding="utf-8")  # was: ValueError in the natural sort
    (story / "²b.txt").write_text(A, encoding="utf-8")
    (story / "café.txt").write_text(B, encoding="utf-8")
    with open(os.fsencode(story) + b"/caf\xe9.txt", "w", encoding="utf-8") as f:  # not UTF-8
        f.write(B)
    proc = run("check", story, "--format", "json")
    assert proc.returncode == cli.EXIT_CONFLICT and proc.stderr == ""
    ids = [d["id"] for d in json.loads(proc.stdout)["documents"]]
    assert sorted(ids) == sorted(["a", "b", "①", "²b", "café", "caf\\xe9"])


def test_control_characters_in_a_file_name_stay_on_one_line(story: Path) -> None:
    (story / "x\x1b[2J\nAll clear.txt").write_text(B, encoding="utf-8")
    proc = run("check", story)
    assert proc.returncode == cli.EXIT_CONFLICT
    assert "\x1b" not in proc.stdout and "x\\x1b[2J All clear" in proc.stdout
    assert not any(line.startswith("All clear") for line in proc.stdout.splitlines())
    missing = run("check", story / "no\nsuch\x1b[31m.txt")
    assert missing.returncode == cli.EXIT_BAD_INPUT
    assert "no such\\x1b[31m.txt" in one_line(missing.stderr)


# --------------------------------------------------------------------------- interrupts

# Runs the console script's entry point with an import hook that sends SIGINT to the
# process when the package starts importing pint: an interrupt during start-up, every time.
_INTERRUPT_AT_START_UP = """
import os, signal, sys

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "pydantic":  # imported while the command starts up
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["claimcheck", "check", sys.argv[1]]
import _claimcheck_cli
sys.exit(_claimcheck_cli.main())
"""


def test_sigint_during_start_up(story: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", _INTERRUPT_AT_START_UP, str(story)], capture_output=True,
                          text=True, timeout=TIMEOUT, check=False,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.returncode == cli.EXIT_INTERRUPTED == 130
    assert one_line(proc.stderr, starts="claimcheck: interrupted") == "claimcheck: interrupted"
    assert proc.stdout == ""


def test_the_console_script_starts_through_the_interrupt_guard() -> None:
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "claimcheck"]
    assert script.value == "_claimcheck_cli:main"


def test_sigint_while_running_in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load_documents", interrupted)
    assert cli.main(["check", "x.txt"]) == cli.EXIT_INTERRUPTED
    assert capsys.readouterr().err == "claimcheck: interrupted\n"


def test_a_bug_is_status_70_not_conflicts(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                          story: Path) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(sys.modules["claimcheck.check"], "assemble", broken)
    assert cli.main(["check", str(story)]) == cli.EXIT_INTERNAL == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("claimcheck: internal error: RuntimeError: boom second line")


# --------------------------------------------------------------------------- the documented table


def test_docs_list_every_exit_status() -> None:
    text = PIPELINES.read_text(encoding="utf-8")
    table = text[text.index("### Exit status"):]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", table, flags=re.MULTILINE)}
    statuses = {v for k, v in vars(cli).items() if k.startswith("EXIT_")}
    assert documented == statuses == {0, 1, 2, 3, 4, 5, 70, 130, 141}
    assert len(statuses) == len([k for k in vars(cli) if k.startswith("EXIT_")])  # all distinct


def test_no_conflict_is_0_and_a_missing_file_2(story: Path) -> None:
    assert run("check", story / "a.txt").returncode == cli.EXIT_OK
    missing = run("check", story / "missing.txt")
    assert missing.returncode == cli.EXIT_BAD_INPUT and "no such file or directory" in one_line(missing.stderr)
