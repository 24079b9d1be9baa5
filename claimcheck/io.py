"""Reading documents: text and HTML files, directories with ``meta.json``, globs, JSON Lines.

- :func:`read_documents` — files, directories (their ``*.txt``, ``*.html`` and ``*.htm``
  files in name order, with the directory's ``meta.json``), glob patterns, ``.jsonl``
  files and ``-`` (standard input). A directory that holds no articles but
  subdirectories that do is a directory of *stories*: each subdirectory is one story, and
  its documents carry its name in ``Document.story``.
- :func:`read_jsonl` — one JSON object a line: ``id``, ``text`` (or ``html``), and
  optionally ``source`` (or ``outlet``), ``url``, ``published``, ``title``, ``story``.
- :func:`read_claims` — the JSON Lines ``claimcheck extract`` writes, back as claims.
- :func:`read_meta` — the per-file metadata of a ``meta.json``.
- :func:`html_document` — an HTML page as a :class:`~claimcheck.Document`: the article
  text a maintained extractor (trafilatura, the ``html`` extra) finds, never the markup,
  with the title, date and URL the page gives.

Every problem is an :class:`~claimcheck.InputError` naming the input (and for JSON Lines
the line): a missing path, a special file, an empty, binary or non-UTF-8 file, a field of
the wrong type. Two subclasses say when an input exists but cannot be read (exit status
3) or is over the size limit (exit status 4). With ``on_error``, a bad input is handed to
that callable instead and skipped, and the rest is read: ``claimcheck --skip-bad``.

Only regular files are read (a FIFO, a device or a socket is refused before it is opened
for reading), each up to ``max_bytes`` (50 MiB by default).

Example:
    >>> import claimcheck as cc, json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "01.txt").write_text("Five people died.", encoding="utf-8")
    >>> _ = (d / "meta.json").write_text(json.dumps({"articles": [
    ...     {"file": "01.txt", "outlet": "Valley Gazette", "published": "2024-03-05T08:30+01:00"}]}))
    >>> [(x.id, x.source, x.published) for x in cc.read_documents(d)]
    [('01', 'Valley Gazette', datetime.date(2024, 3, 5))]
"""

from __future__ import annotations

import glob
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import _guard
from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .models import Claim, Document

__all__ = [
    "ARTICLE_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "MissingExtra",
    "TooLarge",
    "Unreadable",
    "html_document",
    "read_claims",
    "read_documents",
    "read_jsonl",
    "read_meta",
    "show_path",
    "story_dirs",
]

#: Files a directory stands for (name order); any other file is read when named.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
#: Files read as HTML pages (through trafilatura).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Files read as JSON Lines of documents when named (never picked up from a directory).
JSONL_SUFFIXES = (".jsonl", ".ndjson")

#: Fields a JSON Lines document may have; other keys are ignored, as in ``meta.json``.
_JSONL_FIELDS = ("id", "text", "html", "source", "outlet", "url", "published", "title", "story")

OnError = Callable[[InputError], None]


class Unreadable(InputError):
    """An input that exists but cannot be read or listed (permission, I/O error): exit status 3.

    Example:
        >>> issubclass(Unreadable, InputError), Unreadable.status
        (True, 3)
    """

    status = 3


class TooLarge(InputError):
    """An input over the size limit: exit status 4.

    Example:
        >>> TooLarge.status
        4
    """

    status = 4


class MissingExtra(InputError, ImportError):
    """An optional dependency the input needs is not installed (HTML needs trafilatura).

    Example:
        >>> issubclass(MissingExtra, ImportError)
        True
    """


def show_path(path: Path | str) -> str:
    """A path as text people can read: undecodable bytes of a file name as ``\\xe9``.

    Example:
        >>> show_path(os.fsdecode(b"caf\\xe9.txt"))
        'caf\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _limit(max_bytes: object) -> int:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise InputError(f"max_bytes must be a positive int, got {max_bytes!r}")
    return max_bytes


# --------------------------------------------------------------------------- bytes


_FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError) as e:
        raise InputError(f"no such file or directory: {show_path(path)}") from e
    except PermissionError as e:
        raise Unreadable(f"cannot read {show_path(path)}: permission denied") from e
    except (OSError, ValueError) as e:
        raise Unreadable(f"cannot read {show_path(path)}: {getattr(e, 'strerror', None) or e}") from e


def _read_stdin(limit: int) -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError("cannot read standard input: it is closed")
    try:
        buffer = getattr(stream, "buffer", None)
        data = buffer.read(limit + 1) if buffer is not None else stream.read(limit + 1).encode("utf-8")
    except OSError as e:
        raise Unreadable(f"cannot read standard input: {e.strerror or e}") from e
    except ValueError as e:  # "I/O operation on closed file"
        raise InputError("cannot read standard input: it is closed") from e
    if len(data) > limit:
        raise TooLarge(f"standard input is over the limit of {limit:,} bytes (raise it with --max-bytes)")
    return data


def _read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; nothing else is opened."""
    st = _stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{show_path(path)} is {_kind(st.st_mode)}: only regular files are read")
    if st.st_size > limit:
        raise TooLarge(f"{show_path(path)} is {st.st_size:,} bytes, over the limit of {limit:,} "
                       "(raise it with --max-bytes)")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: a FIFO swapped in after the stat cannot block
    except PermissionError as e:
        raise Unreadable(f"cannot read {show_path(path)}: permission denied") from e
    except OSError as e:
        raise Unreadable(f"cannot read {show_path(path)}: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(f"{show_path(path)} is not a regular file: only regular files are read")
            data = f.read(limit + 1)
    except OSError as e:
        raise Unreadable(f"cannot read {show_path(path)}: {e.strerror or e}") from e
    if len(data) > limit:
        raise TooLarge(f"{show_path(path)} is over the limit of {limit:,} bytes (raise it with --max-bytes)")
    return data


def _decode(raw: bytes, name: str, what: str = "text") -> str:
    """UTF-8 text (a byte-order mark allowed) that is no binary file."""
    if b"\x00" in raw:
        raise InputError(f"{name} is a binary file, not {what} (it holds NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name} is not UTF-8 {what} (byte 0x{raw[e.start]:02x} at offset {e.start})") from e


def _read_json(path: Path, what: str, limit: int) -> Any:
    raw = _read_bytes(path, limit)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise InputError(f"{what} {show_path(path)} is not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})") from e
    except json.JSONDecodeError as e:
        raise InputError(f"{what} {show_path(path)} is not valid JSON: {e.msg} at line {e.lineno}") from e
    except RecursionError as e:
        raise InputError(f"{what} {show_path(path)} is nested too deeply to read") from e


# --------------------------------------------------------------------------- metadata


def _meta_text(where: str, field: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: {field} must be a string or null, not {type(value).__name__}")
    return value


def _published(where: str, value: Any) -> Any:
    """An ISO date or timestamp as ``Document.published`` reads it, checked here so that
    the message names the metadata file."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: published must be a date string or null, not {type(value).__name__}")
    from .models import _date_of

    try:
        return _date_of(value)
    except ValueError as e:
        raise InputError(f"{where}: published {value!r} is not an ISO date or timestamp "
                         "(2025-03-04, 2025-03-04T09:30Z)") from e


def read_meta(path: str | Path, *, max_bytes: int = _guard.DEFAULT_MAX_BYTES) -> dict[str, dict[str, Any]]:
    """Per-file metadata from a JSON file, keyed by file name.

    Accepts ``{file name: {source, url, published, title}}``, the corpus layout
    ``{"articles": [{"file", "outlet", "url", "published", "title"}, …]}`` and the gold
    layout ``{"documents": {id: {"file", …}}}``. ``outlet`` is read as ``source``;
    ``published`` may be an ISO date or a timestamp with or without a time zone (its own
    date is kept). Each field is a string or null; other keys are ignored.

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
    name = f"metadata {show_path(path)}"
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


# --------------------------------------------------------------------------- HTML


#: Page furniture never read, whatever the extractor's fallbacks would keep: navigation,
#: footers, side columns and the landmarks that mark them (a page with nothing else gives
#: no text, not "Home | 12 comments").
_FURNITURE = ("//nav", "//footer", "//aside",
              "//*[@role='navigation' or @role='contentinfo' or @role='complementary' or @role='banner']")


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as e:
        raise MissingExtra('reading HTML needs trafilatura: pip install "claimcheck[html]"') from e
    return trafilatura


def html_document(html: str | bytes, id: str, **fields: Any) -> Document:
    """An HTML page as a :class:`~claimcheck.Document`: the article text trafilatura finds.

    Navigation, comment counts, footers and other page furniture are left out by the
    extractor (never by stripping tags with a pattern); the page's title becomes the
    text's first line (a headline, as in a plain-text article) and ``title``, and its
    date and URL fill ``published`` and ``url``. ``fields`` (``source``, ``url``,
    ``published``, ``title``, ``story``) win over what the page says. Offsets of claims
    point into the extracted text, which is the document's ``text``. Needs the ``html``
    extra (``pip install "claimcheck[html]"``).

    Raises:
        MissingExtra: trafilatura is not installed.
        InputError: the page holds no article text, or a field is bad.

    Example:
        >>> page = ('<html><head><title>Dam opens</title></head><body><nav>Home | 12 comments</nav>'
        ...         '<article><p>The new dam holds 40 million cubic metres of water, engineers said on '
        ...         'Monday. It took six years to build and cost the region a great deal.</p>'
        ...         '</article><footer>Copyright. Home</footer></body></html>')
        >>> d = html_document(page, "dam", url="https://example.org/dam")
        >>> print(d.text)
        Dam opens
        <BLANKLINE>
        The new dam holds 40 million cubic metres of water, engineers said on Monday. It took six years to build and cost the region a great deal.
        >>> d.title, d.url
        ('Dam opens', 'https://example.org/dam')
    """
    from .models import Document

    if not isinstance(html, (str, bytes)):
        raise InputError(f"html_document() takes the page as str or bytes, not {type(html).__name__}")
    trafilatura = _trafilatura()
    url = fields.get("url")
    found = trafilatura.bare_extraction(
        html, url=url if isinstance(url, str) else None, with_metadata=True, include_comments=False,
        include_images=False, include_links=False, deduplicate=False, prune_xpath=list(_FURNITURE),
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    body = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not body:
        raise InputError(f"document {id!r}: the HTML page holds no article text")
    title = (getattr(found, "title", None) or "").strip() or None
    if title is not None and body.startswith(title):  # the page's own headline
        body = body[len(title):].lstrip()
    text = body if title is None else f"{title}\n\n{body}" if body else title
    page = {"title": title, "url": getattr(found, "url", None) or None,
            "published": getattr(found, "date", None) or None}
    values = {k: v for k, v in page.items() if v is not None}
    values.update({k: v for k, v in fields.items() if v is not None})
    return Document(id=id, text=text, **values)


# --------------------------------------------------------------------------- JSON Lines


def _lines(source: str | os.PathLike[str] | IO[Any], limit: int) -> tuple[str, str]:
    """``(name, text)`` of a JSON Lines source: a path, ``-`` (standard input) or an open file."""
    if isinstance(source, (str, os.PathLike)):
        if os.fspath(source) == "-":
            return "standard input", _decode(_read_stdin(limit), "standard input", "JSON Lines")
        path = Path(source)
        return show_path(path), _decode(_read_bytes(path, limit), show_path(path), "JSON Lines")
    read = getattr(source, "read", None)
    if read is None:
        raise InputError(f"read_jsonl() takes a path or an open file, not {type(source).__name__}")
    name = getattr(source, "name", "")
    name = show_path(name) if isinstance(name, str) and name and not name.startswith("<") else ""
    try:
        data = read(limit + 1)
    except OSError as e:
        raise Unreadable(f"cannot read {name}: {e.strerror or e}") from e
    if len(data) > limit:
        raise TooLarge(f"{name} is over the limit of {limit:,} bytes (raise it with --max-bytes)")
    return name, data if isinstance(data, str) else _decode(data, name, "JSON Lines")


def _json_line(name: str, n: int, line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"{_where(name, n)}: not valid JSON: {e.msg} at column {e.colno}") from e
    except RecursionError as e:
        raise InputError(f"{_where(name, n)}: nested too deeply to read") from e


def _jsonl_document(where: str, obj: Any) -> Document:
    from .models import Document

    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with an id and a text, not {type(obj).__name__}")
    fields = {k: obj[k] for k in _JSONL_FIELDS if k in obj}
    if "id" not in fields:
        raise InputError(f"{where}: document: id is required")
    doc_id = fields.pop("id")
    label = f"document {doc_id!r}" if isinstance(doc_id, str) and doc_id.strip() else "document"
    if "outlet" in fields:
        outlet = fields.pop("outlet")
        fields.setdefault("source", outlet)
    for key in ("source", "url", "title", "story", "published"):
        if fields.get(key) == "":
            fields[key] = None
    html = fields.pop("html", None)
    try:
        if html is not None:
            if "text" in fields:
                raise InputError(f"{label}: give text or html, not both")
            if not isinstance(html, str):
                raise InputError(f"{label}: html must be a string, not {type(html).__name__}")
            if not isinstance(doc_id, str) or not doc_id.strip():
                Document(id=doc_id, text="")  # the id's own message
            return html_document(html, doc_id, **fields)
        if isinstance(fields.get("text"), str) and not fields["text"].strip():
            raise InputError(f"{label}: text is empty")
        return Document(id=doc_id, **fields)
    except MissingExtra:
        raise
    except InputError as e:
        raise InputError(f"{where}: {e}") from e


def read_jsonl(path_or_file: str | os.PathLike[str] | IO[Any], *, max_bytes: int = _guard.DEFAULT_MAX_BYTES,
               on_error: OnError | None = None) -> list[Document]:
    """Documents from JSON Lines: one JSON object a line.

    Each object has an ``id`` and a ``text`` (or an ``html`` page, read as
    :func:`html_document` reads it), and optionally ``source`` (or ``outlet``), ``url``,
    ``published`` (an ISO date or timestamp), ``title`` and ``story``; other keys are
    ignored, blank lines skipped. ``path_or_file`` is a path, ``"-"`` for standard input,
    or an open file (text or binary). Two documents of one story may not share an id.

    Raises:
        InputError: the input cannot be read, a line is no JSON object, a field is
            missing or has the wrong type (the message names the line, the document and
            the field) — unless ``on_error`` is given: each bad line is then handed to it
            and skipped.

    Example:
        >>> import io
        >>> feed = io.StringIO('{"id": "a1", "text": "Five people died.", "published": "2013-07-02T13:28Z"}\\n'
        ...                    '{"id": "a2", "text": "Six people died.", "story": "flood"}\\n')
        >>> [(d.id, d.published, d.story) for d in read_jsonl(feed)]
        [('a1', datetime.date(2013, 7, 2), None), ('a2', None, 'flood')]
        >>> read_jsonl(io.StringIO('{"id": "a1", "text": "x", "url": 5}'))
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: line 1: document 'a1': url must be a string or None, not int
    """
    name, text = _lines(path_or_file, _limit(max_bytes))
    return _parse_jsonl(name, text, on_error)


def _parse_jsonl(name: str, text: str, on_error: OnError | None) -> list[Document]:
    out: list[Document] = []
    seen: dict[tuple[str | None, str], int] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            doc = _jsonl_document(_where(name, n), _json_line(name, n, line))
            key = (doc.story, doc.id)
            if key in seen:
                raise InputError(f"{_where(name, n)}: document {doc.id!r} is already on line {seen[key]}: "
                                 "every document of a story needs its own id")
        except MissingExtra:
            raise
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)
            continue
        seen[key] = n
        out.append(doc)
    return out


def _where(name: str, n: int) -> str:
    return f"{name} line {n}" if name else f"line {n}"


def read_claims(path_or_file: str | os.PathLike[str] | IO[Any], *,
                max_bytes: int = _guard.DEFAULT_MAX_BYTES) -> list[Claim]:
    """Claims from the JSON Lines ``claimcheck extract`` writes (one ``Claim`` a line).

    ``path_or_file`` is a path, ``"-"`` for standard input, or an open file. Pass the
    claims to :func:`claimcheck.check` (``claims=``) or to :meth:`claimcheck.Story.add`
    to check stored claims without extracting again.

    Raises:
        InputError: the input cannot be read, or a line is not a claim (the message names
            the line).

    Example:
        >>> import io, claimcheck as cc
        >>> lines = "\\n".join(c.model_dump_json() for c in cc.extract("Five people died."))
        >>> [(c.metric, c.quantity.value) for c in read_claims(io.StringIO(lines))]
        [('deaths', 5.0)]
        >>> read_claims(io.StringIO('{"id": "x"}'))
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: line 1: not a claim: doc_id: Field required
    """
    from pydantic import ValidationError

    from .models import Claim

    name, text = _lines(path_or_file, _limit(max_bytes))
    out: list[Claim] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(Claim.model_validate_json(line))
        except ValidationError as e:
            first = e.errors(include_url=False)[0]
            where = ".".join(str(x) for x in first.get("loc", ())) or "line"
            raise InputError(f"{_where(name, n)}: not a claim: {where}: {first.get('msg', 'invalid')}") from e
    return out


# --------------------------------------------------------------------------- files and directories


class _BadMetadata(Exception):
    """Carries the error of a directory's ``meta.json`` past ``on_error``: metadata is
    configuration, not an article, and is never skipped."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


def _dir_meta(path: Path, limit: int) -> dict[str, dict[str, Any]]:
    try:
        return read_meta(path, max_bytes=limit)
    except InputError as e:
        raise _BadMetadata(e) from e


@dataclass(frozen=True)
class _Entry:
    """One article file to read: its path, the metadata that applies, its story."""

    path: Path
    meta: Mapping[str, dict[str, Any]]
    story: str | None


def _paths(paths: object, caller: str) -> list[str | os.PathLike[str]]:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    if isinstance(paths, (bytes, bytearray, Mapping)) or not hasattr(paths, "__iter__"):
        raise InputError(f"{caller}() takes a path or a list of paths, not {type(paths).__name__}")
    out: list[str | os.PathLike[str]] = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise InputError(f"{caller}() takes paths (str or pathlib.Path), not {type(p).__name__}")
        out.append(p)
    return out


def _list_dir(directory: Path) -> list[str]:
    try:
        with os.scandir(directory) as entries:
            return sorted(e.name for e in entries)
    except PermissionError as e:
        raise Unreadable(f"cannot list directory {show_path(directory)}: permission denied") from e
    except OSError as e:
        raise Unreadable(f"cannot list directory {show_path(directory)}: {e.strerror or e}") from e


def _articles(directory: Path, names: Iterable[str]) -> list[Path]:
    return [directory / n for n in names if n.lower().endswith(ARTICLE_SUFFIXES) and not n.startswith(".")]


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _expand(arg: str | os.PathLike[str]) -> list[Path]:
    """A path as given, or the files a glob pattern matches (in name order)."""
    text = os.fspath(arg)
    if not any(c in text for c in "*?[") or os.path.lexists(text):
        return [Path(arg)]
    found = sorted(glob.glob(text, recursive=True), key=_guard.natural_key)
    if not found:
        raise InputError(f"no file matches {show_path(text)}")
    return [Path(p) for p in found]


def _entries(p: Path, given: Mapping[str, dict[str, Any]], limit: int, on_error: OnError | None) -> list[_Entry]:
    """The article files a path stands for: itself, a directory's articles, or the articles
    of each story subdirectory."""
    if not stat.S_ISDIR(_stat(p).st_mode):
        return [_Entry(p, given, None)]
    names = _list_dir(p)
    found = _articles(p, names)
    if found:
        own = _dir_meta(p / "meta.json", limit) if "meta.json" in names else {}
        return [_Entry(f, {**own, **given}, None) for f in found]
    out: list[_Entry] = []
    for name, sub, sub_names in _story_dirs(p, names, on_error):
        own = _dir_meta(sub / "meta.json", limit) if "meta.json" in sub_names else {}
        out += [_Entry(f, {**own, **given}, show_path(name)) for f in _articles(sub, sub_names)]
    if not out:
        raise InputError(f"{show_path(p)} contains no articles ({', '.join('*' + s for s in ARTICLE_SUFFIXES)} "
                         "files, or subdirectories of them)")
    return out


def _subdirs(p: Path, names: Sequence[str]) -> Iterator[tuple[str, Path, list[str] | InputError]]:
    """The visible subdirectories of ``p``: ``(name, path, their names)``, or the error
    that listing one raised in place of its names."""
    for name in names:
        sub = p / name
        if name.startswith(".") or not _is_dir(sub):
            continue
        try:
            yield name, sub, _list_dir(sub)
        except InputError as e:
            yield name, sub, e


def _story_dirs(p: Path, names: Sequence[str], on_error: OnError | None) -> list[tuple[str, Path, list[str]]]:
    """The subdirectories of ``p`` that hold articles: ``(name, path, their names)``."""
    out = []
    for name, sub, got in _subdirs(p, names):
        if isinstance(got, InputError):
            if on_error is None:
                raise got
            on_error(got)
        elif _articles(sub, got):
            out.append((name, sub, got))
    return out


def story_dirs(path: str | os.PathLike[str]) -> list[tuple[str, Path]]:
    """The stories of a directory of stories: ``(name, path)`` of each subdirectory that
    holds articles, in name order; ``[]`` if ``path`` is no such directory (a directory of
    articles itself, a file, nothing). :func:`read_documents` reads each as one story.

    Example:
        >>> import pathlib, tempfile
        >>> root = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("flood", "quake"):
        ...     (root / name).mkdir()
        ...     _ = (root / name / "01.txt").write_text("Five people died.", encoding="utf-8")
        >>> [name for name, _ in story_dirs(root)]
        ['flood', 'quake']
    """
    p = Path(path)
    if not _is_dir(p):
        return []
    try:
        names = _list_dir(p)
    except InputError:
        return []  # reading it says why
    if _articles(p, names):
        return []
    # a story that cannot be listed is kept: reading it says why
    return [(name, sub) for name, sub, got in _subdirs(p, names)
            if isinstance(got, InputError) or _articles(sub, got)]


def _read_entry(entry: _Entry, doc_id: str, limit: int) -> Document:
    from .models import Document

    name = show_path(entry.path)
    meta = {k: v for k, v in _lookup(entry.meta, entry.path).items() if v is not None}
    if entry.story is not None:
        meta["story"] = entry.story
    raw = _read_bytes(entry.path, limit)
    if entry.path.suffix.lower() in HTML_SUFFIXES:
        if not raw.strip():
            raise InputError(f"{name} is empty")
        if b"\x00" in raw:
            raise InputError(f"{name} is a binary file, not HTML (it holds NUL bytes)")
        try:
            return html_document(raw, doc_id, **meta)
        except MissingExtra:
            raise
        except InputError as e:
            raise InputError(f"{name}: {e}") from e
    text = _decode(raw, name)
    if not text.strip():
        raise InputError(f"{name} is empty")
    return Document(id=doc_id, text=text, **meta)


def _stdin_documents(stdin_format: str, limit: int, on_error: OnError | None) -> list[Document]:
    from .models import Document

    raw = _read_stdin(limit)
    head = raw.lstrip()[:1]
    fmt = stdin_format
    if fmt == "auto":
        fmt = "jsonl" if head == b"{" else "html" if head == b"<" else "text"
    if fmt == "jsonl":
        return _parse_jsonl("standard input", _decode(raw, "standard input", "JSON Lines"), on_error)
    if not raw.strip():
        raise InputError("standard input is empty")
    if fmt == "html":
        return [html_document(raw, "stdin")]
    return [Document(id="stdin", text=_decode(raw, "standard input"))]


_STDIN_FORMATS = ("auto", "text", "html", "jsonl")


def read_documents(path_or_paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
                   meta: str | os.PathLike[str] | None = None, *, max_bytes: int = _guard.DEFAULT_MAX_BYTES,
                   on_error: OnError | None = None, stdin_format: str = "auto") -> list[Document]:
    """Documents from files, directories, glob patterns and JSON Lines, with their metadata.

    - A **file** is one document: ``.html``/``.htm`` pages through :func:`html_document`,
      ``.jsonl``/``.ndjson`` through :func:`read_jsonl`, anything else as UTF-8 text (a
      byte-order mark allowed). Its id is the file name without the extension (its path,
      if two files of one story share a name).
    - A **directory** stands for its ``*.txt``, ``*.html`` and ``*.htm`` files in name
      order and its own ``meta.json`` (``meta``, a file, applies to every path and wins).
      A directory that holds no articles but subdirectories that do is a directory of
      **stories**: the documents of each subdirectory carry its name in ``story``.
    - A **pattern** (``corpus/*/0[12].txt``) that names no file as it is stands for the
      files it matches; ``"-"`` is standard input (JSON Lines if it starts with ``{``,
      HTML if with ``<``, else text, unless ``stdin_format`` says which).

    Raises:
        InputError: a path does not exist, is not a regular file or directory, is empty,
            binary or not UTF-8; a directory holds no articles; no path was given; the
            metadata is malformed; an argument has the wrong type. Its subclasses say
            when a path exists but cannot be read (exit status 3) or is over
            ``max_bytes`` (exit status 4). With ``on_error``, each bad article (or JSON
            Lines line) is handed to it and skipped instead; metadata must still be good.

    Example:
        >>> import pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("Five people died.", encoding="utf-8")
        >>> _ = (d / "b.txt").write_bytes(b"caf\\xe9")
        >>> skipped = []
        >>> [x.id for x in read_documents(d, on_error=skipped.append)], [str(e) for e in skipped]
        (['a'], ['.../b.txt is not UTF-8 text (byte 0xe9 at offset 3)'])
        >>> read_documents([])
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: no input files
    """
    limit = _limit(max_bytes)
    if meta is not None and not isinstance(meta, (str, os.PathLike)):
        raise InputError(f"meta must be a path, not {type(meta).__name__}")
    if stdin_format not in _STDIN_FORMATS:
        raise InputError(f"stdin_format must be one of {', '.join(_STDIN_FORMATS)}, not {stdin_format!r}")
    if on_error is not None and not callable(on_error):
        raise InputError("on_error must be a callable taking an InputError")
    given = read_meta(Path(meta), max_bytes=limit) if meta is not None else {}
    args = _paths(path_or_paths, "read_documents")
    if not args:
        raise InputError("no input files")

    def skip(e: InputError) -> None:
        if on_error is None or isinstance(e, MissingExtra):
            raise e
        on_error(e)

    # Documents come in the order of the arguments (a JSON Lines file's where it is named),
    # and so do the inputs skipped: a path that could not be listed keeps its place.
    items: list[_Entry | Document | InputError] = []
    for arg in args:
        if os.fspath(arg) == "-":
            items += _stdin_documents(stdin_format, limit, on_error)
            continue
        try:
            for p in _expand(arg):
                if p.suffix.lower() in JSONL_SUFFIXES and not _is_dir(p):
                    items += read_jsonl(p, max_bytes=limit, on_error=on_error)
                else:
                    items += _entries(p, given, limit, on_error)
        except _BadMetadata as e:
            raise e.error from None
        except InputError as e:
            if on_error is None:
                raise
            items.append(e)
    ids = _ids([e for e in items if isinstance(e, _Entry)])
    docs: list[Document] = []
    for item in items:
        if isinstance(item, InputError):
            skip(item)
        elif isinstance(item, _Entry):
            try:
                docs.append(_read_entry(item, ids[id(item)], limit))
            except InputError as e:
                skip(e)
        else:
            docs.append(item)
    return docs


def _ids(entries: Sequence[_Entry]) -> dict[int, str]:
    """Each file's document id: its name without the extension, unless two files of the
    same story share it (then its path)."""
    counts: dict[tuple[str | None, str], int] = {}
    for e in entries:
        counts[(e.story, e.path.stem)] = counts.get((e.story, e.path.stem), 0) + 1
    return {id(e): show_path(e.path.stem if counts[(e.story, e.path.stem)] == 1 else e.path) for e in entries}
