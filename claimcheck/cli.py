"""The ``claimcheck`` command line.

::

    claimcheck check FILE_OR_DIR... [--format text|markdown|html|json] [--meta META.json]
                     [--tolerance T] [--aliases ALIASES.json] [--metric-synonyms SYN.json]
                     [--output FILE]
    claimcheck extract FILE_OR_DIR... [--meta META.json]

A directory stands for all its ``*.txt`` files, in name order, and its ``meta.json`` (if
there is one) is read automatically. Each file becomes a document whose id is the file
name without ``.txt``. Metadata gives each file a source, url, published date and title;
two layouts are accepted (see docs/pipelines.md)::

    {"01.txt": {"source": "Harbour Herald", "published": "2025-03-04", "url": "…"}}
    {"articles": [{"file": "01.txt", "outlet": "Harbour Herald", "published": "…"}]}

Exit status: 0 no conflict, 1 at least one conflict (dates included), 2 bad input
(unreadable or non-UTF-8 file, empty file, no files, malformed metadata, bad option),
reported as one line on stderr without a traceback.

Example:
    >>> main(["check", "/nonexistent/story"])
    2
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .errors import ClaimcheckError, InputError
from .models import Document

__all__ = ["main", "load_documents", "read_meta"]

EXIT_OK, EXIT_CONFLICT, EXIT_BAD_INPUT = 0, 1, 2
FORMATS = ("text", "markdown", "html", "json")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"{message} (see {self.prog} --help)")


def _published(value: Any) -> _dt.date | None:
    if value is None or value == "":
        return None
    text = str(value)
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        return None  # "published_raw"-style datelines are not dates; leave them out


def read_meta(path: Path) -> dict[str, dict[str, Any]]:
    """Per-file metadata from a JSON file, keyed by file name.

    Accepts ``{file name: {source, url, published, title}}``, the corpus layout
    ``{"articles": [{"file", "outlet", "url", "published", "title"}, …]}`` and the gold
    layout ``{"documents": {id: {"file", …}}}``. ``outlet`` is read as ``source``;
    ``published`` may be a date or a timestamp (only its date is kept).

    Raises:
        InputError: the file cannot be read or is not one of these layouts.

    Example:
        >>> import json, tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "meta.json"
        >>> _ = p.write_text(json.dumps({"articles": [{"file": "01.txt", "outlet": "AP",
        ...                                            "published": "2013-07-02T13:28Z"}]}))
        >>> read_meta(p)["01.txt"]
        {'source': 'AP', 'url': None, 'published': datetime.date(2013, 7, 2), 'title': None}
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read metadata {path}: {getattr(e, 'strerror', None) or e}") from e
    except json.JSONDecodeError as e:
        raise InputError(f"metadata {path} is not valid JSON: {e.msg} at line {e.lineno}") from e
    entries: list[tuple[str, Any]] = []
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        for a in data["articles"]:
            if isinstance(a, dict) and isinstance(a.get("file"), str):
                entries.append((a["file"], a))
    elif isinstance(data, dict) and isinstance(data.get("documents"), dict):
        for key, a in data["documents"].items():
            if isinstance(a, dict):
                entries.append((a.get("file") if isinstance(a.get("file"), str) else key, a))
    elif isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
        entries = list(data.items())
    else:
        raise InputError(f"metadata {path}: expected {{file: {{source, url, published, title}}}} "
                         'or {"articles": [{"file": …}]}')
    out: dict[str, dict[str, Any]] = {}
    for name, a in entries:
        source = a.get("source") or a.get("outlet")
        out[name] = {
            "source": str(source) if source else None,
            "url": str(a["url"]) if a.get("url") else None,
            "published": _published(a.get("published")),
            "title": str(a["title"]) if a.get("title") else None,
        }
    return out


def _lookup(meta: Mapping[str, dict[str, Any]], path: Path) -> dict[str, Any]:
    for key in (path.name, path.stem, str(path)):
        if key in meta:
            return meta[key]
    return {}


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from e
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path} is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start})") from e
    if not text.strip():
        raise InputError(f"{path} is empty")
    return text


def load_documents(paths: Sequence[str | Path], meta: Path | None = None) -> list[Document]:
    """Documents from files and directories, with their metadata.

    Directories give their ``*.txt`` files in name order and their own ``meta.json``;
    ``meta`` (a file) applies to every path and wins over a directory's own. A document's
    id is its file name without the extension (its path, if two files share a name).

    Raises:
        InputError: a path does not exist, is unreadable, not UTF-8 or empty; a directory
            has no ``.txt`` file; no path was given.

    Example:
        >>> load_documents([])
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: no input files
    """
    given = read_meta(meta) if meta is not None else {}
    files: list[tuple[Path, dict[str, dict[str, Any]]]] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.glob("*.txt") if f.is_file())
            if not found:
                raise InputError(f"{p} contains no .txt files")
            own = read_meta(p / "meta.json") if (p / "meta.json").is_file() else {}
            files += [(f, {**own, **given}) for f in found]
        elif p.exists():
            files.append((p, given))
        else:
            raise InputError(f"no such file or directory: {p}")
    if not files:
        raise InputError("no input files")
    stems = [f.stem for f, _ in files]
    docs = []
    for f, m in files:
        doc_id = f.stem if stems.count(f.stem) == 1 else str(f)
        docs.append(Document(id=doc_id, text=_read_text(f), **_lookup(m, f)))
    return docs


def _json_map(path: str | None, what: str) -> dict[str, str] | None:
    if path is None:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"cannot read {what} from {path}: {e}") from e
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise InputError(f"{what} file {path} must hold a JSON object of strings")
    return data


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = _Parser(prog="claimcheck", description="Check numeric claims in news texts across sources.")
    p.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="report agreements, conflicts and misattributions across documents",
                       description="Exit status: 0 no conflict, 1 conflicts found, 2 bad input.")
    c.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="text files, or directories of *.txt")
    c.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    c.add_argument("--meta", metavar="META.json", help="per-file source, url, published, title")
    c.add_argument("--tolerance", type=float, default=None,
                   help="relative tolerance of approximate values (default: 0.1)")
    c.add_argument("--aliases", metavar="ALIASES.json", help='entity aliases, {"alias": "canonical"}')
    c.add_argument("--metric-synonyms", metavar="SYN.json", help='metric synonyms, {"variant": "canonical"}')
    c.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    e = sub.add_parser("extract", help="print the claims of each file as JSON Lines")
    e.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    e.add_argument("--meta", metavar="META.json")
    return p


def _write(text: str, output: str | None = None) -> None:
    if not text.endswith("\n"):
        text += "\n"
    if output is not None:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise InputError(f"cannot write {output}: {e.strerror or e}") from e
        return
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:  # a terminal that is not UTF-8
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def _run(args: argparse.Namespace) -> int:
    from .check import check
    from .claims import extract

    meta = Path(args.meta) if args.meta else None
    docs = load_documents(args.paths, meta)
    if args.command == "extract":
        for d in docs:
            lines = [c.model_dump_json() for c in extract(d)]
            if lines:
                _write("\n".join(lines))
        return EXIT_OK
    options: dict[str, Any] = {
        "aliases": _json_map(args.aliases, "aliases"),
        "metric_synonyms": _json_map(args.metric_synonyms, "metric synonyms"),
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
    """Run the command line; returns the exit status (0 no conflict, 1 conflicts, 2 bad input).

    Example:
        >>> main(["check", "--format", "pdf", "story"])
        2
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        return _run(args)
    except ClaimcheckError as e:
        print(f"claimcheck: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SystemExit as e:  # --help and --version
        return int(e.code or 0) if not isinstance(e.code, str) else EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
