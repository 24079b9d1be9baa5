"""The ``claimcheck`` command line.

::

    claimcheck check [FILE_OR_DIR|-]... [--stories] [--claims CLAIMS.jsonl]
                     [--format text|markdown|html|json|csv|claimreview|annotations] [--table rows|claims|findings]
                     [--indent N] [--review-url URL] [--review-author NAME] [--review-date YYYY-MM-DD]
                     [--meta META.json] [--tolerance T] [--aliases ALIASES.json] [--metric-synonyms SYN.json]
                     [-o FILE] [--jobs N] [--skip-bad] [--quiet] [--stdin-format auto|text|html|jsonl]
                     [--max-bytes SIZE] [--max-claims N]
    claimcheck extract [FILE_OR_DIR|-]... [--meta META.json] [-o FILE] [--jobs N] [--skip-bad] [--quiet]
                       [--stdin-format auto|text|html|jsonl] [--max-bytes SIZE] [--max-claims N]

Inputs are read by :func:`claimcheck.read_documents`: text files, HTML pages (``.html``,
``.htm``: the ``html`` extra), JSON Lines of documents (``.jsonl``), directories (their
``*.txt``/``*.html`` files in name order and their ``meta.json``), glob patterns, and
``-`` for standard input. Each file becomes a document whose id is the file name without
the extension. Metadata gives each file a source, url, published date and title; two
layouts are accepted (see docs/pipelines.md)::

    {"01.txt": {"source": "Harbour Herald", "published": "2025-03-04", "url": "…"}}
    {"articles": [{"file": "01.txt", "outlet": "Harbour Herald", "published": "…"}]}

``--stories`` gives one report per story: each directory of articles given is a story, a
directory of such directories stands for each of them, and JSON Lines documents are
grouped by their ``story`` field; ``--format json`` then writes one report a line (JSON
Lines). ``--claims`` checks claims stored by ``claimcheck extract`` instead of extracting
those documents again. ``--jobs N`` extracts on N processes (0: one per core).
``--skip-bad`` turns a bad input into a warning (on stderr and in the report) and goes on.
A progress bar appears on stderr for runs longer than a second when stderr is a terminal
and tqdm is installed (the ``progress`` extra); ``--quiet`` shows no bar and no warnings.

Only regular files are read, each up to ``--max-bytes`` (50 MiB by default): a FIFO, a
device such as ``/dev/zero`` or a socket is refused before it is opened for reading.

Exit status (docs/pipelines.md lists them with examples)::

    0    report written, no conflict
    1    report written, at least one conflict (dates included) -- and nothing else
    2    bad input: a missing, empty, binary, non-UTF-8 or special file, a directory without
         articles, malformed metadata, JSON Lines or option files, a bad option
    3    input unreadable: permission denied or an I/O error while reading or listing
    4    input too large: a file over --max-bytes
    5    output failed: stdout closed, disk full, -o FILE not writable
    70   internal error (a bug in claimcheck; CLAIMCHECK_DEBUG=1 shows the traceback)
    130  interrupted (SIGINT, Ctrl-C), start-up included
    141  the reader of the output went away (broken pipe, ``claimcheck extract DIR | head -1``)

Every status but 0 and 1 comes with exactly one line on stderr (``claimcheck: error: …``,
``claimcheck: interrupted``) and no traceback; with 2, 3 and 4 nothing is written to stdout.

The module imports the checker only once it has work for it: ``--version`` and ``--help``
start in a few tens of milliseconds.

Example:
    >>> main(["check", "/nonexistent/story"])
    2
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import _guard
from .errors import ClaimcheckError, InputError
from .io import TooLarge, Unreadable, read_documents, read_meta, show_path

if TYPE_CHECKING:  # pragma: no cover
    from .check import DocumentResult
    from .models import Claim, Document, Report

__all__ = ["load_documents", "main", "read_meta"]

EXIT_OK, EXIT_CONFLICT, EXIT_BAD_INPUT = 0, 1, 2
EXIT_UNREADABLE, EXIT_TOO_LARGE, EXIT_OUTPUT = Unreadable.status, TooLarge.status, 5
EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 70, 130, 141
FORMATS = ("text", "markdown", "html", "json", "csv", "claimreview", "annotations")
#: The tables ``--format csv`` writes (``--table``).
TABLES = ("rows", "claims", "findings")
STDIN_FORMATS = ("auto", "text", "html", "jsonl")

#: :func:`claimcheck.read_documents`, under the name the command line has always had.
load_documents = read_documents


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


_show = show_path


# --------------------------------------------------------------------------- options


def _json_map(path: str | None, what: str, limit: int) -> dict[str, str] | None:
    from .io import _read_json

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
    size: int = int(m.group(1)) * 1024 ** " KMG".index(m.group(2).upper() or " ")
    return size


def _cap(text: str) -> int | None:
    """``--max-claims``: a positive number, or ``none`` for no cap."""
    if text.strip().lower() == "none":
        return None
    if not text.strip().isascii() or not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"invalid number of claims {text!r}: give a positive number or none")
    return int(text)


def _jobs(text: str) -> int:
    """``--jobs``: a number of processes, 0 for one per core."""
    if not text.strip().isascii() or not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"invalid number of jobs {text!r}: give a number (0: one per core)")
    return int(text) or os.cpu_count() or 1


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--meta", metavar="META.json", help="per-file source, url, published, title")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="extract on N processes (default: 1; 0: one per core)")
    p.add_argument("--skip-bad", action="store_true",
                   help="a bad input (empty, binary, not UTF-8, unreadable, too large) becomes a warning "
                        "and the run goes on")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no warnings on stderr")
    p.add_argument("--stdin-format", choices=STDIN_FORMATS, default="auto",
                   help="what '-' (standard input) holds (default: auto: JSON Lines if it starts with '{', "
                        "HTML if with '<', else text)")
    p.add_argument("--max-bytes", type=_size, default=_guard.DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="largest input file read, in bytes or with K, M, G (default: 50M); "
                        "a larger file is refused with exit status 4")
    p.add_argument("--max-claims", type=_cap, default=_guard.MAX_CLAIMS_PER_DOCUMENT, metavar="N",
                   help=f"claims kept per document, the first in text order (default: "
                        f"{_guard.MAX_CLAIMS_PER_DOCUMENT}; 'none' keeps all); a warning says how many were set aside")


_STATUS_HELP = ("Exit status: 0 no conflict, 1 conflicts found, 2 bad input, 3 input unreadable, "
                "4 input too large, 5 output failed, 70 internal error, 130 interrupted, 141 broken pipe.")
_INPUTS_HELP = ("text files, HTML pages, JSON Lines of documents, directories of articles "
                "(or of story directories), glob patterns, or - for standard input")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = _Parser(prog="claimcheck", description="Check numeric claims in news texts across sources.",
                epilog=_STATUS_HELP)
    p.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="report agreements, conflicts and misattributions across documents",
                       description=_STATUS_HELP)
    c.add_argument("paths", nargs="*", metavar="FILE_OR_DIR", help=_INPUTS_HELP)
    c.add_argument("--stories", action="store_true",
                   help="one report per story: each directory of articles, or each story value of JSON Lines "
                        "(JSON output: one report a line)")
    c.add_argument("--claims", action="append", metavar="CLAIMS.jsonl",
                   help="claims stored by 'claimcheck extract' (- for standard input): their documents are not "
                        "extracted again; a document not given is checked from its claims alone")
    c.add_argument("--format", choices=FORMATS, default="text",
                   help="output format (default: text); csv: a table (--table); claimreview: schema.org "
                        "ClaimReview JSON-LD of the conflicts and misattributions; annotations: W3C Web "
                        "Annotations of every claim")
    c.add_argument("--table", choices=TABLES, default="rows",
                   help="the table --format csv writes: one row per finding value (rows), per claim or per finding")
    c.add_argument("--indent", type=int, default=None, metavar="N", help="indent JSON by N spaces (default: one line)")
    c.add_argument("--review-url", metavar="URL", help="ClaimReview: the URL of your review page")
    c.add_argument("--review-author", metavar="NAME", help="ClaimReview: the reviewing organisation")
    c.add_argument("--review-date", metavar="YYYY-MM-DD", help="ClaimReview: the date of the review")
    c.add_argument("--tolerance", type=float, default=None,
                   help="relative tolerance of approximate values (default: 0.1)")
    c.add_argument("--aliases", metavar="ALIASES.json", help='entity aliases, {"alias": "canonical"}')
    c.add_argument("--metric-synonyms", metavar="SYN.json", help='metric synonyms, {"variant": "canonical"}')
    _common(c)
    e = sub.add_parser("extract", help="print the claims of each document as JSON Lines", description=_STATUS_HELP)
    e.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help=_INPUTS_HELP)
    _common(e)
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


class _Output:
    """Where the output goes: ``-o FILE`` (opened at the first write) or stdout; every
    failure is one of the command line's statuses (5 output failed, 141 broken pipe)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.file: TextIO | None = None

    def write(self, text: str) -> None:
        if not text.endswith("\n"):
            text += "\n"
        if self.path is not None:
            try:
                if self.file is None:
                    self.file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 (closed by close())
                self.file.write(text)
            except OSError as e:
                raise _OutputFailed(f"cannot write {_show(self.path)}: {e.strerror or e}") from e
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

    def close(self) -> None:
        if self.file is not None:
            try:
                self.file.close()
            except OSError as e:
                raise _OutputFailed(f"cannot write {_show(self.path or '')}: {e.strerror or e}") from e
            finally:
                self.file = None
        elif self.path is not None:  # nothing was written: the file still says so
            self.write_empty()

    def write_empty(self) -> None:
        try:
            with open(self.path or "", "w", encoding="utf-8"):
                pass
        except OSError as e:
            raise _OutputFailed(f"cannot write {_show(self.path or '')}: {e.strerror or e}") from e


def _warn(message: str, args: argparse.Namespace | None = None) -> None:
    if args is None or not args.quiet:
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


class _Progress:
    """A tqdm bar on stderr for long runs (shown after a second), only on a terminal and
    without ``--quiet``; nothing at all when tqdm is not installed."""

    def __init__(self, total: int, args: argparse.Namespace) -> None:
        self.bar: Any = None
        err = sys.stderr
        if args.quiet or total < 2 or err is None or not _isatty(err):
            return
        try:
            from tqdm import tqdm
        except ImportError:
            return
        tqdm.monitor_interval = 0  # no monitor thread: the --jobs pool may still fork
        self.bar = tqdm(total=total, unit="doc", desc="extracting", file=err, delay=1.0, leave=False,
                        dynamic_ncols=True)

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


# --------------------------------------------------------------------------- reading


class _Skipped:
    """The inputs ``--skip-bad`` set aside: each a warning on stderr and in the report."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.messages: list[str] = []

    def __call__(self, error: InputError) -> None:
        message = f"skipped input: {error}"
        self.messages.append(message)
        _warn(message, self.args)


def _read(paths: Sequence[str], args: argparse.Namespace, skipped: _Skipped | None) -> list[Document]:
    meta = Path(args.meta) if args.meta else None
    return load_documents(paths, meta, max_bytes=args.max_bytes, on_error=skipped,
                          stdin_format=args.stdin_format)


def _read_stories(args: argparse.Namespace) -> dict[str | None, tuple[list[Document], list[str]]]:
    """``--stories``: the documents and skipped-input warnings of each story. A directory
    of stories gives each of its story directories; a directory of articles is one story
    (its name); JSON Lines give one story per ``story`` value; loose files, none."""
    from .io import JSONL_SUFFIXES, story_dirs

    stories: dict[str | None, tuple[list[Document], list[str]]] = {}

    def put(name: str | None, docs: list[Document], warnings: list[str]) -> None:
        held, warned = stories.setdefault(name, ([], []))
        held.extend(d if d.story == name else d.model_copy(update={"story": name}) for d in docs)
        warned.extend(w for w in warnings if w not in warned)

    for arg in args.paths:
        path = Path(arg)
        subs = story_dirs(path) if arg != "-" else []
        for name, sub in subs:
            skipped = _Skipped(args) if args.skip_bad else None
            put(_show(name), _read([str(sub)], args, skipped), skipped.messages if skipped else [])
        if subs:
            continue
        skipped = _Skipped(args) if args.skip_bad else None
        docs = _read([arg], args, skipped)
        messages = skipped.messages if skipped else []
        if arg != "-" and path.suffix.lower() not in JSONL_SUFFIXES and path.is_dir():
            put(_show(path.resolve().name or arg), docs, messages)
            continue
        for story in dict.fromkeys(d.story for d in docs) or [None]:
            put(story, [d for d in docs if d.story == story], messages)
    return stories


def _stored_claims(args: argparse.Namespace) -> list[Claim] | None:
    from .io import read_claims

    if not args.claims:
        return None
    if sum(1 for c in args.claims if c == "-") + sum(1 for p in args.paths if p == "-") > 1:
        raise InputError("standard input (-) can be read only once")
    return [c for path in args.claims for c in read_claims(path, max_bytes=args.max_bytes)]


# --------------------------------------------------------------------------- commands


def _results(docs: Sequence[Document], args: argparse.Namespace, options: Mapping[str, Any] | None = None,
             stored: Mapping[str, DocumentResult] | None = None) -> list[DocumentResult]:
    """The extraction of every document not in ``stored``, on ``--jobs`` processes, with
    a progress bar."""
    from .story import extract_results

    stored = stored or {}
    todo = [d for d in docs if d.id not in stored]
    opts = options or {}
    bar = _Progress(len(todo), args)
    try:
        done = iter(extract_results(todo, aliases=opts.get("aliases"), metric_synonyms=opts.get("metric_synonyms"),
                                    jobs=args.jobs, progress=bar.update, max_claims_per_document=args.max_claims))
    finally:
        bar.close()
    return [stored[d.id] if d.id in stored else next(done) for d in docs]


def _extract(args: argparse.Namespace, out: _Output) -> int:
    """``claimcheck extract``: each document's claims as JSON Lines, written as soon as the
    document is done (in input order, whatever ``--jobs``)."""
    from .story import iter_results

    skipped = _Skipped(args) if args.skip_bad else None
    docs = _read(args.paths, args, skipped)
    if not docs:
        raise InputError(f"no documents to extract: every input was skipped ({len(skipped.messages) if skipped else 0})")
    _check_ids({None: (docs, [])})  # claims are joined to their documents by id
    bar = _Progress(len(docs), args)
    try:
        for d, r in zip(docs, iter_results(docs, jobs=args.jobs, progress=bar.update,
                                           max_claims_per_document=args.max_claims), strict=True):
            claims, capped = _guard.cap_claims(list(r.claims), d.id, args.max_claims)
            for w in (*r.warnings, *([capped] if capped else [])):
                _warn(w, args)
            if claims:
                out.write("\n".join(_guard.json_controls(c.model_dump_json()) for c in claims))
    finally:
        bar.close()
    return EXIT_OK


def _render(report: Report, fmt: str, args: argparse.Namespace | None = None) -> str:
    if fmt == "json":
        return report.to_json(indent=getattr(args, "indent", None))
    if fmt == "csv":
        return report.to_csv(getattr(args, "table", "rows"))
    if fmt in ("claimreview", "annotations"):
        from .exports import jsonld_text

        if fmt == "annotations":
            return jsonld_text(report.to_web_annotations())
        return jsonld_text(report.to_claimreview(url=getattr(args, "review_url", None),
                                                 author=getattr(args, "review_author", None),
                                                 date_published=getattr(args, "review_date", None)))
    if fmt == "markdown":
        return report.to_markdown()
    if fmt == "html":
        return report.to_html()
    return str(report)


_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>~&]")


def _md_text(text: str) -> str:
    """A story name as Markdown text: every character Markdown might read as syntax escaped."""
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(), text)


def _render_stories(reports: Mapping[str | None, Report], fmt: str, args: argparse.Namespace | None = None) -> str:
    """Many reports as one output: JSON Lines (one compact report a line; JSON-LD likewise),
    CSV with a story column, text and Markdown with a heading per story, HTML as one page
    of sections."""
    import html
    import json

    if fmt == "json":
        return "\n".join(r.to_json(indent=None) for r in reports.values())
    if fmt in ("claimreview", "annotations"):
        return "\n".join(_guard.json_controls(json.dumps(json.loads(_render(r, fmt, args)), ensure_ascii=False))
                         for r in reports.values())
    if fmt == "csv":
        import csv
        import io

        rows: list[list[str]] = []
        for n, r in reports.items():
            table = list(csv.reader(io.StringIO(_render(r, fmt, args))))
            if table:
                rows += ([["story", *table[0]]] if not rows else []) + [[n or "", *row] for row in table[1:]]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        return buf.getvalue()
    label = {name: _guard.one_line(name) if name is not None else "(documents of no story)" for name in reports}
    if fmt == "markdown":
        return "\n\n".join(f"# Story: {_md_text(label[n])}\n\n{r.to_markdown()}" for n, r in reports.items())
    if fmt == "html":
        from .report import to_html

        sections = "\n".join(f"<section><h1>Story: {html.escape(label[n])}</h1>\n{to_html(r, fragment=True)}</section>"
                             for n, r in reports.items())
        return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>claimcheck reports</title>'
                f"</head><body>\n{sections}\n</body></html>")
    return "\n\n".join(f"== story: {label[n]} ==\n{r}" for n, r in reports.items())


def _check(args: argparse.Namespace, out: _Output) -> int:
    from .check import DEFAULT_TOLERANCE, options
    from .story import report_of, stored_results

    if not args.paths and not args.claims:
        raise InputError("no input files (give files or directories, or --claims)")
    if args.stories and args.claims:
        raise InputError("--claims cannot be used with --stories: stored claims carry no story")
    opt: dict[str, Any] = {
        "aliases": _json_map(args.aliases, "aliases", args.max_bytes),
        "metric_synonyms": _json_map(args.metric_synonyms, "metric synonyms", args.max_bytes),
    }
    tolerance = args.tolerance if args.tolerance is not None else DEFAULT_TOLERANCE
    options(opt["aliases"], opt["metric_synonyms"], tolerance)  # bad options fail before any work
    cap = args.max_claims
    if args.stories:
        stories = _read_stories(args)
        if not any(docs for docs, _ in stories.values()):
            raise InputError("no documents to check: every input was skipped")
        from .wording import natural_key

        _check_ids(stories)
        order = sorted(stories, key=lambda n: (n is not None, natural_key(n or "")))
        # one pool for every document of every story; results come back in this order
        pooled = iter(_results([d for n in order for d in stories[n][0]], args, opt))
        reports: dict[str | None, Report] = {}
        for name in order:
            docs, warnings = stories[name]
            rs = [next(pooled) for _ in docs]
            reports[name] = report_of(docs, rs, options(opt["aliases"], opt["metric_synonyms"], tolerance), cap,
                                      warnings)
        out.write(_render_stories(reports, args.format, args))
        return EXIT_CONFLICT if any(r.conflicts for r in reports.values()) else EXIT_OK
    skipped = _Skipped(args) if args.skip_bad else None
    docs = _read(args.paths, args, skipped) if args.paths else []
    claims = _stored_claims(args)
    if not docs and not claims:
        raise InputError(f"no documents to check: every input was skipped ({len(skipped.messages) if skipped else 0})")
    _check_ids({None: (docs, [])})
    docs, stored = stored_results(docs, claims)
    results = _results(docs, args, opt, stored)
    report = report_of(docs, results, options(opt["aliases"], opt["metric_synonyms"], tolerance), cap,
                       skipped.messages if skipped else [])
    out.write(_render(report, args.format, args))
    return EXIT_CONFLICT if report.conflicts else EXIT_OK


def _check_ids(stories: Mapping[str | None, tuple[list[Document], list[str]]]) -> None:
    for name, (docs, _) in stories.items():
        seen: dict[str, Document] = {}
        for d in docs:
            if d.id in seen:
                many = len({x.story for x in docs} - {None}) > 1
                hint = ("; the input holds several stories: check them with --stories" if many
                        else f" in story {name!r}" if name is not None else "")
                raise InputError(f"duplicate document id {d.id!r}: every document needs its own id{hint}")
            seen[d.id] = d


def _run(args: argparse.Namespace) -> int:
    if args.output is None and sys.stdout is None:  # fail before any work
        raise _OutputFailed("cannot write the report: stdout is closed")
    out = _Output(args.output)
    try:
        status = _extract(args, out) if args.command == "extract" else _check(args, out)
    except BaseException:
        if out.file is not None:
            with contextlib.suppress(OSError):
                out.file.close()
        raise
    out.close()
    return status


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
