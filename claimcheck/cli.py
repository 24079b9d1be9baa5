"""The ``claimcheck`` command line.

::

    claimcheck check FILE_OR_DIR... [--format text|markdown|html|json] [--meta META.json]
                     [--tolerance T] [--aliases ALIASES.json] [--metric-synonyms SYN.json]
                     [--output FILE] [--max-bytes SIZE] [--max-claims N]
    claimcheck extract FILE_OR_DIR... [--meta META.json] [--max-bytes SIZE] [--max-claims N]

A directory stands for all its ``*.txt`` files, in name order, and its ``meta.json`` (if
there is one) is read automatically. Each file becomes a document whose id is the file
name without ``.txt``. Metadata gives each file a source, url, published date and title;
two layouts are accepted (see docs/pipelines.md)::

    {"01.txt": {"source": "Harbour Herald", "published": "2025-03-04", "url": "…"}}
    {"articles": [{"file": "01.txt", "outlet": "Harbour Herald", "published": "…"}]}

Only regular files are read, each up to ``--max-bytes`` (50 MiB by default): a FIFO, a
device such as ``/dev/zero`` or a socket is refused before it is opened for reading.

Exit status (docs/pipelines.md lists them with examples)::

    0    report written, no conflict
    1    report written, at least one conflict (dates included) -- and nothing else
    2    bad input: a missing, empty, non-UTF-8 or special file, a directory without .txt
         files, malformed metadata or option files, a bad option
    3    input unreadable: permission denied or an I/O error while reading or listing
    4    input too large: a file over --max-bytes
    5    output failed: stdout closed, disk full, -o FILE not writable
    70   internal error (a bug in claimcheck; CLAIMCHECK_DEBUG=1 shows the traceback)
    130  interrupted (SIGINT, Ctrl-C), start-up included
    141  the reader of the output went away (broken pipe, ``claimcheck extract DIR | head -1``)

Every status but 0 and 1 comes with exactly one line on stderr (``claimcheck: error: …``,
``claimcheck: interrupted``) and no traceback; with 2, 3 and 4 nothing is written to stdout.

Example:
    >>> main(["check", "/nonexistent/story"])
    2
"""

from __future__ import annotations

import argparse
import datetime as _dt
import fnmatch
import json
import os
import re
import stat
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import _guard
from .errors import ClaimcheckError, InputError
from .models import Document

__all__ = ["load_documents", "main", "read_meta"]

EXIT_OK, EXIT_CONFLICT, EXIT_BAD_INPUT = 0, 1, 2
EXIT_UNREADABLE, EXIT_TOO_LARGE, EXIT_OUTPUT = 3, 4, 5
EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 70, 130, 141
FORMATS = ("text", "markdown", "html", "json")


class _Unreadable(InputError):
    """An input that exists but cannot be read or listed (permission, I/O error)."""

    status = EXIT_UNREADABLE


class _TooLarge(InputError):
    """An input file over the size limit."""

    status = EXIT_TOO_LARGE


class _OutputFailed(ClaimcheckError):
    """The report could not be written."""

    status = EXIT_OUTPUT


class _BrokenPipe(ClaimcheckError):
    """The reader of stdout went away."""

    status = EXIT_BROKEN_PIPE


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"{message} (see {self.prog} --help)")


def _show(path: Path | str) -> str:
    """A path as text people can read: undecodable bytes of a file name as ``\\xe9``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


# --------------------------------------------------------------------------- reading


_FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError) as e:
        raise InputError(f"no such file or directory: {_show(path)}") from e
    except PermissionError as e:
        raise _Unreadable(f"cannot read {_show(path)}: permission denied") from e
    except (OSError, ValueError) as e:
        raise _Unreadable(f"cannot read {_show(path)}: {getattr(e, 'strerror', None) or e}") from e


def _read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; nothing else is opened."""
    st = _stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{_show(path)} is {_kind(st.st_mode)}: only regular files are read")
    if st.st_size > limit:
        raise _TooLarge(f"{_show(path)} is {st.st_size:,} bytes, over the limit of {limit:,} (raise it with --max-bytes)")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: a FIFO swapped in after the stat cannot block
    except PermissionError as e:
        raise _Unreadable(f"cannot read {_show(path)}: permission denied") from e
    except OSError as e:
        raise _Unreadable(f"cannot read {_show(path)}: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(f"{_show(path)} is not a regular file: only regular files are read")
            data = f.read(limit + 1)
    except OSError as e:
        raise _Unreadable(f"cannot read {_show(path)}: {e.strerror or e}") from e
    if len(data) > limit:
        raise _TooLarge(f"{_show(path)} is over the limit of {limit:,} bytes (raise it with --max-bytes)")
    return data


def _read_json(path: Path, what: str, limit: int) -> Any:
    raw = _read_bytes(path, limit)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise InputError(f"{what} {_show(path)} is not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})") from e
    except json.JSONDecodeError as e:
        raise InputError(f"{what} {_show(path)} is not valid JSON: {e.msg} at line {e.lineno}") from e
    except RecursionError as e:
        raise InputError(f"{what} {_show(path)} is nested too deeply to read") from e


# --------------------------------------------------------------------------- metadata


def _meta_text(where: str, field: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: {field} must be a string or null, not {type(value).__name__}")
    return value


def _published(where: str, value: Any) -> _dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: published must be a date string or null, not {type(value).__name__}")
    try:
        if len(value) <= 10:
            return _dt.date.fromisoformat(value)
        return _dt.datetime.fromisoformat(value).date()
    except ValueError as e:
        raise InputError(f"{where}: published {value!r} is not an ISO date or timestamp "
                         "(2025-03-04, 2025-03-04T09:30Z)") from e


def read_meta(path: str | Path, *, max_bytes: int = _guard.DEFAULT_MAX_BYTES) -> dict[str, dict[str, Any]]:
    """Per-file metadata from a JSON file, keyed by file name.

    Accepts ``{file name: {source, url, published, title}}``, the corpus layout
    ``{"articles": [{"file", "outlet", "url", "published", "title"}, …]}`` and the gold
    layout ``{"documents": {id: {"file", …}}}``. ``outlet`` is read as ``source``;
    ``published`` may be an ISO date or timestamp (only its date is kept). Each field is
    a string or null; other keys are ignored.

    Raises:
        InputError: the file cannot be read, is not one of these layouts, or a field has
            the wrong type (``"url": ["x"]``) or an unreadable date.

    Example:
        >>> import json, tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "meta.json"
        >>> _ = p.write_text(json.dumps({"articles": [{"file": "01.txt", "outlet": "AP",
        ...                                            "published": "2013-07-02T13:28Z"}]}))
        >>> read_meta(p)["01.txt"]
        {'source': 'AP', 'url': None, 'published': datetime.date(2013, 7, 2), 'title': None}
        >>> _ = p.write_text(json.dumps({"01.txt": {"url": ["x"]}}))
        >>> read_meta(p)
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: metadata .../meta.json: 01.txt: url must be a string or null, not list
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(f"read_meta() takes a path, not {type(path).__name__}")
    path = Path(path)
    data = _read_json(path, "metadata", _limit(max_bytes))
    name = f"metadata {_show(path)}"
    entries: list[tuple[str, dict[str, Any]]] = []
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        for i, a in enumerate(data["articles"]):
            if not isinstance(a, dict) or not isinstance(a.get("file"), str) or not a["file"]:
                raise InputError(f'{name}: articles[{i}] must be an object with a "file" name')
            entries.append((a["file"], a))
    elif isinstance(data, dict) and isinstance(data.get("documents"), dict):
        for key, a in data["documents"].items():
            if not isinstance(a, dict):
                raise InputError(f"{name}: documents[{key!r}] must be an object")
            file = a.get("file", key)
            if not isinstance(file, str) or not file:
                raise InputError(f'{name}: documents[{key!r}]: "file" must be a file name')
            entries.append((file, a))
    elif isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
        entries = list(data.items())
    else:
        raise InputError(f"{name}: expected {{file: {{source, url, published, title}}}} "
                         'or {"articles": [{"file": …}]}')
    out: dict[str, dict[str, Any]] = {}
    for file, a in entries:
        where = f"{name}: {file}"
        source = _meta_text(where, "source", a.get("source")) or _meta_text(where, "outlet", a.get("outlet"))
        out[file] = {
            "source": source,
            "url": _meta_text(where, "url", a.get("url")),
            "published": _published(where, a.get("published")),
            "title": _meta_text(where, "title", a.get("title")),
        }
    return out


def _lookup(meta: Mapping[str, dict[str, Any]], path: Path) -> dict[str, Any]:
    for key in (path.name, path.stem, str(path)):
        if key in meta:
            return meta[key]
    return {}


# --------------------------------------------------------------------------- documents


def _read_text(path: Path, limit: int) -> str:
    raw = _read_bytes(path, limit)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{_show(path)} is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start})") from e
    if not text.strip():
        raise InputError(f"{_show(path)} is empty")
    return text


def _list_dir(directory: Path) -> list[str]:
    try:
        with os.scandir(directory) as entries:
            return sorted(e.name for e in entries)
    except PermissionError as e:
        raise _Unreadable(f"cannot list directory {_show(directory)}: permission denied") from e
    except OSError as e:
        raise _Unreadable(f"cannot list directory {_show(directory)}: {e.strerror or e}") from e


def _paths(paths: object) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    if isinstance(paths, (bytes, bytearray, Mapping)) or not hasattr(paths, "__iter__"):
        raise InputError(f"load_documents() takes a path or a list of paths, not {type(paths).__name__}")
    out = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise InputError(f"load_documents() takes paths (str or pathlib.Path), not {type(p).__name__}")
        out.append(Path(p))
    return out


def _limit(max_bytes: object) -> int:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise InputError(f"max_bytes must be a positive int, got {max_bytes!r}")
    return max_bytes


def load_documents(paths: Sequence[str | Path] | str | Path, meta: str | Path | None = None, *,
                   max_bytes: int = _guard.DEFAULT_MAX_BYTES) -> list[Document]:
    """Documents from files and directories (one path or a list), with their metadata.

    Directories give their ``*.txt`` files in name order and their own ``meta.json``;
    ``meta`` (a file) applies to every path and wins over a directory's own. A document's
    id is its file name without the extension (its path, if two files share a name);
    bytes of a file name that are not UTF-8 appear as ``\\xe9``. Only regular files of
    at most ``max_bytes`` bytes are read.

    Raises:
        InputError: a path does not exist, is not a regular file or directory, is not UTF-8
            or is empty; a directory has no ``.txt`` file; no path was given; the metadata
            is malformed; an argument has the wrong type. Its subclasses say when a path exists but cannot be read (exit
            status 3) or is over ``max_bytes`` (exit status 4).

    Example:
        >>> load_documents([])
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: no input files
        >>> load_documents([42])
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: load_documents() takes paths (str or pathlib.Path), not int
    """
    max_bytes = _limit(max_bytes)
    if meta is not None and not isinstance(meta, (str, os.PathLike)):
        raise InputError(f"meta must be a path, not {type(meta).__name__}")
    given = read_meta(Path(meta), max_bytes=max_bytes) if meta is not None else {}
    files: list[tuple[Path, dict[str, dict[str, Any]]]] = []
    for p in _paths(paths):
        if stat.S_ISDIR(_stat(p).st_mode):
            names = _list_dir(p)
            found = [p / n for n in names if fnmatch.fnmatchcase(n, "*.txt")]
            if not found:
                raise InputError(f"{_show(p)} contains no .txt files")
            own = read_meta(p / "meta.json", max_bytes=max_bytes) if "meta.json" in names else {}
            files += [(f, {**own, **given}) for f in found]
        else:
            files.append((p, given))
    if not files:
        raise InputError("no input files")
    stems = [f.stem for f, _ in files]
    docs = []
    for f, m in files:
        doc_id = _show(f.stem if stems.count(f.stem) == 1 else f)
        docs.append(Document(id=doc_id, text=_read_text(f, max_bytes), **_lookup(m, f)))
    return docs


def _json_map(path: str | None, what: str, limit: int) -> dict[str, str] | None:
    if path is None:
        return None
    data = _read_json(Path(path), what, limit)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise InputError(f"{what} file {_show(path)} must hold a JSON object of strings")
    return data


_SIZE = re.compile(r"(\d+)\s*([KMG]?)i?B?", re.IGNORECASE)


def _size(text: str) -> int:
    """``--max-bytes``: bytes, or a number with K, M or G (powers of 1024): ``200M``."""
    m = _SIZE.fullmatch(text.strip())
    if not m or int(m.group(1)) < 1:
        raise argparse.ArgumentTypeError(f"invalid size {text!r}: give bytes, or a number with K, M or G (200M)")
    return int(m.group(1)) * 1024 ** " KMG".index(m.group(2).upper() or " ")


def _cap(text: str) -> int | None:
    """``--max-claims``: a positive number, or ``none`` for no cap."""
    if text.strip().lower() == "none":
        return None
    if not text.strip().isascii() or not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"invalid number of claims {text!r}: give a positive number or none")
    return int(text)


def _limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-bytes", type=_size, default=_guard.DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="largest input file read, in bytes or with K, M, G (default: 50M); "
                        "a larger file is refused with exit status 4")
    p.add_argument("--max-claims", type=_cap, default=_guard.MAX_CLAIMS_PER_DOCUMENT, metavar="N",
                   help=f"claims kept per document, the first in text order (default: "
                        f"{_guard.MAX_CLAIMS_PER_DOCUMENT}; 'none' keeps all); a warning says how many were set aside")


_STATUS_HELP = ("Exit status: 0 no conflict, 1 conflicts found, 2 bad input, 3 input unreadable, "
                "4 input too large, 5 output failed, 70 internal error, 130 interrupted, 141 broken pipe.")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = _Parser(prog="claimcheck", description="Check numeric claims in news texts across sources.",
                epilog=_STATUS_HELP)
    p.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="report agreements, conflicts and misattributions across documents",
                       description=_STATUS_HELP)
    c.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="text files, or directories of *.txt")
    c.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    c.add_argument("--meta", metavar="META.json", help="per-file source, url, published, title")
    c.add_argument("--tolerance", type=float, default=None,
                   help="relative tolerance of approximate values (default: 0.1)")
    c.add_argument("--aliases", metavar="ALIASES.json", help='entity aliases, {"alias": "canonical"}')
    c.add_argument("--metric-synonyms", metavar="SYN.json", help='metric synonyms, {"variant": "canonical"}')
    c.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    _limits(c)
    e = sub.add_parser("extract", help="print the claims of each file as JSON Lines", description=_STATUS_HELP)
    e.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    e.add_argument("--meta", metavar="META.json")
    _limits(e)
    return p


# --------------------------------------------------------------------------- writing


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit finds nowhere to fail again
    (a second message on stderr, after the one line we print)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (AttributeError, OSError, ValueError):  # no stdout, or not a file (captured in tests)
        pass


def _write(text: str, output: str | None = None) -> None:
    if not text.endswith("\n"):
        text += "\n"
    if output is not None:
        try:
            with open(output, "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as e:
            raise _OutputFailed(f"cannot write {_show(output)}: {e.strerror or e}") from e
        return
    out = sys.stdout
    if out is None:
        raise _OutputFailed("cannot write the report: stdout is closed")
    try:
        try:
            out.write(text)
        except UnicodeEncodeError:  # a terminal that is not UTF-8
            out.flush()
            out.buffer.write(text.encode("utf-8"))
        out.flush()
    except BrokenPipeError as e:
        _discard_stdout()
        raise _BrokenPipe("the reader of the output went away before the end (broken pipe)") from e
    except OSError as e:
        _discard_stdout()
        raise _OutputFailed(f"cannot write the report to stdout: {e.strerror or e}") from e
    except ValueError as e:  # "I/O operation on closed file"
        raise _OutputFailed("cannot write the report: stdout is closed") from e


def _warn(message: str) -> None:
    _say(f"claimcheck: warning: {message}")


def _say(line: str) -> None:
    """One line on stderr, whatever the line holds: never a second line, never a raise."""
    err = sys.stderr
    if err is None:
        return
    try:
        err.write(_guard.one_line(line).strip() + "\n")
        err.flush()
    except (OSError, ValueError):
        pass


def _run(args: argparse.Namespace) -> int:
    from .check import check
    from .claims import extract

    if getattr(args, "output", None) is None and sys.stdout is None:  # fail before any work
        raise _OutputFailed("cannot write the report: stdout is closed")
    meta = Path(args.meta) if args.meta else None
    docs = load_documents(args.paths, meta, max_bytes=args.max_bytes)
    if args.command == "extract":
        for d in docs:
            claims, capped = _guard.cap_claims(extract(d), d.id, args.max_claims)
            if capped:
                _warn(capped)
            lines = [_guard.json_controls(c.model_dump_json()) for c in claims]
            if lines:
                _write("\n".join(lines))
        return EXIT_OK
    options: dict[str, Any] = {
        "aliases": _json_map(args.aliases, "aliases", args.max_bytes),
        "metric_synonyms": _json_map(args.metric_synonyms, "metric synonyms", args.max_bytes),
        "max_claims_per_document": args.max_claims,
    }
    if args.tolerance is not None:
        options["tolerance"] = args.tolerance
    report = check(docs, **options)
    if args.format == "json":
        out = report.to_json()
    elif args.format == "markdown":
        out = report.to_markdown()
    elif args.format == "html":
        out = report.to_html()
    else:
        out = str(report)
    _write(out, args.output)
    return EXIT_CONFLICT if report.conflicts else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring).

    0 no conflict, 1 conflicts found, 2 bad input, 3 input unreadable, 4 input too large,
    5 output failed, 70 internal error, 130 interrupted, 141 broken pipe. Every status but 0
    and 1 prints exactly one line on stderr.

    Example:
        >>> main(["check", "--format", "pdf", "story"])
        2
    """
    try:
        args = _parser().parse_args(argv)
        return _run(args)
    except ClaimcheckError as e:
        _say(f"claimcheck: error: {e}")
        return getattr(e, "status", EXIT_BAD_INPUT)
    except SystemExit as e:  # --help and --version
        return int(e.code or 0) if not isinstance(e.code, str) else EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _say("claimcheck: interrupted")
        return EXIT_INTERRUPTED
    except Exception as e:  # a bug: one line and its own status, never "conflicts found"
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        what = "out of memory" if isinstance(e, MemoryError) else f"{type(e).__name__}: {e}"
        _say(f"claimcheck: internal error: {what} (a bug; CLAIMCHECK_DEBUG=1 shows the traceback)")
        return EXIT_INTERNAL
