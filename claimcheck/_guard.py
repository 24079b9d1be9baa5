"""Guards at claimcheck's edges: what comes in is checked, what goes out is inert.

Every public entry point (:func:`claimcheck.check`, :func:`claimcheck.extract`, the command
line) calls these helpers, so that a bad argument is one clear
:class:`~claimcheck.InputError` wherever it is passed, and hostile text can neither crash
a stage nor reach a terminal, a Markdown page or a spreadsheet as anything but text.

- **Coercion and validation**: :func:`documents` (what ``check`` accepts),
  :func:`document` (what ``extract`` accepts), :func:`str_map` (aliases and metric
  synonyms), :func:`tolerance`, :func:`claim_cap`, :func:`extracted_claims` (what a custom
  extractor returned).
- **Sorting**: :func:`natural_key`, a "doc2 before doc10" key that never raises.
- **Text going out**: :func:`replace_surrogates` (every model's strings, so that every
  output encodes as UTF-8), :func:`escape_controls` and :func:`one_line` (plain text,
  Markdown and HTML), :func:`json_controls` (JSON), :func:`link_free` (Markdown
  autolinks), :func:`csv_cell` (spreadsheet formulas), :func:`finite` (numbers JSON can
  carry: an infinite ``spread``).
- **Limits**: :data:`MAX_CLAIMS_PER_DOCUMENT` and :func:`cap_claims` (how many claims of one
  document a report keeps), :data:`DEFAULT_MAX_BYTES` (how much of one input file the
  command line reads).
- **Skipped text**: a stage that gives up on part of a text (a scan that timed out) calls
  :func:`note_skipped`; :func:`claimcheck.check` collects the notes of each document with
  :func:`collecting` and lists them in ``Report.warnings`` (:func:`skipped_warnings`), with
  :func:`document_warnings` (characters replaced by U+FFFD) and the cap's warning.

The module imports nothing from the rest of claimcheck at import time (models import it
for :func:`replace_surrogates`), so any stage may call it.

Example:
    >>> from claimcheck._guard import natural_key, escape_controls
    >>> sorted(["doc10", "doc2", "①"], key=natural_key)
    ['doc2', 'doc10', '①']
    >>> escape_controls("red \\x1b[31m alert")
    'red \\\\x1b[31m alert'
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .models import Claim, Document

__all__ = [
    "CSV_FORMULA_STARTS",
    "DEFAULT_MAX_BYTES",
    "MAX_CLAIMS_PER_DOCUMENT",
    "cap_claims",
    "claim_cap",
    "collecting",
    "csv_cell",
    "document",
    "document_warnings",
    "documents",
    "escape_controls",
    "extracted_claims",
    "finite",
    "json_controls",
    "link_free",
    "natural_key",
    "note_skipped",
    "one_line",
    "optional_str",
    "replace_surrogates",
    "skipped_warnings",
    "str_map",
    "tolerance",
]

#: How many claims of one document a report keeps by default (``check(...,
#: max_claims_per_document=N)`` changes it, ``None`` lifts it). Real news articles hold a
#: few dozen (at most 21 in the 74 articles of the shared test corpus); a text with more is
#: a table, a list or hostile, and every claim kept costs memory, comparison work and report
#: size (each one is written with its evidence, in the claims and again in its findings).
#: Keep in sync with docs/pipelines.md ("Limits").
MAX_CLAIMS_PER_DOCUMENT = 1000

#: Texts and spans up to this long are scanned without a regex timeout (the quantity
#: parser's ``TIMEOUT_FROM`` is this one): the patterns are linear and finish in
#: microseconds there, while passing ``timeout=`` costs about as much as a short match.
#: Longer ones (a hostile text with no sentence breaks) keep the timeout as a guard.
TIMED_FROM = 8192

#: How many bytes of one input file the command line reads by default (50 MiB);
#: ``--max-bytes`` raises it. Keep in sync with docs/pipelines.md ("Limits").
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# --------------------------------------------------------------------------- text going out

_SURROGATES = re.compile("[\ud800-\udfff]")

# Characters that must not reach a terminal, a Markdown renderer or an HTML page raw:
# C0 controls, DEL and C1 controls (ESC starts ANSI/OSC sequences, CR overwrites a line,
# U+009B is a one-character CSI), the bidirectional embeddings, overrides and isolates that
# reorder what a reader sees ("Trojan Source"), and lone surrogates, which no encoder takes.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_ESCAPE_ALL = re.compile(f"[\t\n{_CONTROLS}]")
_ESCAPE_KEEP_LAYOUT = re.compile(f"[{_CONTROLS}]")
_WHITESPACE = re.compile(r"\s+")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (the replacement character).

    A Python ``str`` may hold lone surrogates (``"\\ud800"``, or the ``surrogateescape``
    of an undecodable byte); no UTF-8 encoder takes them, so a model holding one could not
    be written as JSON or HTML. Each is one character, so offsets into the text stay valid.
    The models apply this to every string field; :func:`document_warnings` reports it.

    Example:
        >>> replace_surrogates("a\\ud800b")
        'a\\ufffdb'
        >>> replace_surrogates("plain") == "plain"
        True
    """
    if text.isascii() or not _SURROGATES.search(text):
        return text
    return _SURROGATES.sub("\ufffd", text)


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c <= 0xFF else f"\\u{c:04x}"


def escape_controls(text: str, *, layout: bool = False) -> str:
    """``text`` with control characters written as visible escapes (``\\x1b``, ``\\u202e``).

    Escaped: C0 controls, DEL, C1 controls, the bidirectional embedding/override/isolate
    characters and lone surrogates; with ``layout=True`` newline and tab are kept (for
    outputs where they are harmless, HTML), otherwise they are escaped too. Everything
    else, non-ASCII letters included, is kept as it is.

    Example:
        >>> escape_controls("ok\\x1b]8;;http://x\\x07 \\u202eevil\\r")
        'ok\\\\x1b]8;;http://x\\\\x07 \\\\u202eevil\\\\x0d'
        >>> escape_controls("a\\nb\\tc", layout=True)
        'a\\nb\\tc'
    """
    pattern = _ESCAPE_KEEP_LAYOUT if layout else _ESCAPE_ALL
    return pattern.sub(_escape, text)


def one_line(text: object) -> str:
    """``str(text)`` as one line of plain text: whitespace runs (newlines included) become
    one space, then :func:`escape_controls`. A field printed with this can never start a
    new report line nor send an escape sequence to a terminal.

    Example:
        >>> one_line("Herald\\n\\nAll sources agree.\\x1b[2J")
        'Herald All sources agree.\\\\x1b[2J'
    """
    return escape_controls(_WHITESPACE.sub(" ", str(text)))


_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def json_controls(text: str) -> str:
    """JSON text with DEL, C1 controls and U+2028/U+2029 written as ``\\u`` escapes.

    pydantic escapes C0 controls in JSON strings but writes DEL and C1 controls (U+009B
    is a terminal's CSI) as they are. Outside strings JSON is ASCII, so every such
    character is inside a string, where the escape means the same character: the JSON
    reads back to exactly the same value.

    Example:
        >>> import json
        >>> s = json.dumps("a\\x9bb", ensure_ascii=False)
        >>> json_controls(s), json.loads(json_controls(s)) == "a\\x9bb"
        ('"a\\\\u009bb"', True)
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Text a Markdown renderer would turn into a link by itself (GitHub-flavoured Markdown's
# autolinks: a scheme and "//", "www.", mailto:/xmpp:, e-mail addresses). A token stops at
# whitespace, "<", ">", "|" and "`" (so that it can sit in a code span in a table cell) and
# at "…" (the report's mark for a cut quote).
_LINKISH = re.compile(
    r"(?<![\w.+-])(?:"
    r"(?i:[a-z][a-z0-9+.\-]*://|www\.|mailto:|xmpp:)[^\s<>|`…]*"
    r"|[\w.%+-]+@[\w-]+(?:\.[\w-]+)+"
    r")"
)


def link_free(text: str, escape: Callable[[str], str]) -> str:
    """Markdown for ``text`` in which nothing becomes a link: each URL-like token (a
    scheme with ``//``, ``www.``, ``mailto:``, an e-mail address) goes in a code span,
    shown as written and never linked; the rest goes through ``escape``.

    Example:
        >>> link_free("see https://evil.example/x now", lambda s: s.upper())
        'SEE `https://evil.example/x` NOW'
    """
    out: list[str] = []
    pos = 0
    for m in _LINKISH.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(f"`{m.group()}`")
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV
#: injection"): ``=``, ``+``, ``-``, ``@``, and tab and carriage return, which some
#: spreadsheets skip before looking. Keep in sync with docs/pipelines.md ("pandas, CSV").
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A spreadsheet-safe CSV cell: a string starting with ``=``, ``+``, ``-``, ``@``,
    tab or carriage return gets a leading apostrophe (``'=SUM(A1)``), which spreadsheets
    show and never evaluate. Numbers and other values are returned as they are.

    Example:
        >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-5 people"), csv_cell(-5.0), csv_cell("ok")
        ('\\'=HYPERLINK("http://x")', "'-5 people", -5.0, 'ok')
    """
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return value


# --------------------------------------------------------------------------- sorting

_DIGIT_RUN = re.compile(r"(\d+)")  # Unicode decimal digits (category Nd), as int() reads


@functools.lru_cache(maxsize=65536)
def natural_key(text: str) -> tuple[Any, ...]:
    """A sort key that puts "doc2" before "doc10", for any string, without ever raising.

    Runs of decimal digits (any script's: ``"٣"`` is 3) compare by value, other text by
    code point. Values are compared as digit strings (length, then digits), never through
    ``int``, so a run of 5,000 digits sorts as fast as a short one and no digit-like
    character (``"①"``, ``"²"``, which ``str.isdigit`` accepts but ``int`` refuses) can
    raise. Ties ("doc02" and "doc2") fall back to the whole string, so the order is total.

    Example:
        >>> sorted(["a10", "a2", "a02", "a²", "a①", "a٣", "b"], key=natural_key)
        ['a02', 'a2', 'a٣', 'a10', 'a²', 'a①', 'b']
        >>> big = "9" * 5000
        >>> sorted([big, "1" + big, "10"], key=natural_key) == ["10", big, "1" + big]
        True
    """
    if not isinstance(text, str):
        text = repr(text)
    parts: list[tuple[int, int, str]] = []
    for i, piece in enumerate(_DIGIT_RUN.split(text)):
        if not piece:
            continue
        if i % 2:  # a digit run
            if not piece.isascii():
                piece = "".join(str(unicodedata.decimal(c, 0)) for c in piece)
            digits = piece.lstrip("0")
            parts.append((0, len(digits), digits))
        else:
            parts.append((1, 0, piece))
    return (tuple(parts), text)


# --------------------------------------------------------------------------- documents


def _kind(value: object) -> str:
    return type(value).__name__


def _a(value: object) -> str:
    """The type of ``value`` with its article: "an int", "a list"."""
    name = _kind(value)
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name


def document(doc: object, caller: str = "extract") -> Document:
    """``doc`` as a :class:`~claimcheck.Document`: a Document as it is, a ``str`` as the
    document ``"doc"``.

    Raises:
        InputError: anything else (bytes are refused: decode them first).

    Example:
        >>> document("Five people died.").id
        'doc'
        >>> document(b"bytes")
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: extract() takes a Document or a str, not bytes; decode bytes first, e.g. data.decode("utf-8")
    """
    from .models import Document

    if isinstance(doc, Document):
        return doc
    if isinstance(doc, str):
        return Document(id="doc", text=doc)
    hint = '; decode bytes first, e.g. data.decode("utf-8")' if isinstance(doc, (bytes, bytearray, memoryview)) else ""
    raise InputError(f"{caller}() takes a Document or a str, not {_kind(doc)}{hint}")


def documents(docs: object, caller: str = "check") -> list[Document]:
    """The documents ``check`` was given: an iterable of Documents and strings; strings
    become ``"doc1"``, ``"doc2"``, … in the order given.

    Raises:
        InputError: ``docs`` is a single text (``str``, ``bytes``, ``bytearray``), a single
            Document, a mapping (whose keys iteration would read as texts), not iterable,
            an unordered set of strings (their ids would change from run to run), an item
            that is neither a Document nor a str, or two documents share an id.

    Example:
        >>> [d.id for d in documents(["a text", "another"])]
        ['doc1', 'doc2']
        >>> documents({"text": "Five people died."})
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: check() takes an iterable of documents or texts, not a mapping (dict): its keys would be read as texts; pass a list, e.g. check([text1, text2])
    """
    from .models import Document

    if isinstance(docs, (str, Document)):
        raise InputError(f"{caller}() takes an iterable of documents or texts, e.g. {caller}([text1, text2])")
    if isinstance(docs, (bytes, bytearray, memoryview)):
        raise InputError(f"{caller}() takes an iterable of documents or texts, not {_kind(docs)}; "
                         f'decode bytes first and pass a list, e.g. {caller}([data.decode("utf-8")])')
    if isinstance(docs, Mapping):
        raise InputError(f"{caller}() takes an iterable of documents or texts, not a mapping ({_kind(docs)}): "
                         f"its keys would be read as texts; pass a list, e.g. {caller}([text1, text2])")
    try:
        items = list(docs)  # type: ignore[call-overload]
    except TypeError as e:
        raise InputError(f"{caller}() takes an iterable of documents or texts, not {_kind(docs)}") from e
    unordered = isinstance(docs, AbstractSet)
    out: list[Document] = []
    for i, d in enumerate(items):
        if isinstance(d, Document):
            out.append(d)
        elif isinstance(d, str):
            if unordered:
                raise InputError(f"{caller}() got texts in a {_kind(docs)}, which has no order, so their ids "
                                 "doc1, doc2, … would change from run to run; pass a list or Documents with ids")
            out.append(Document(id=f"doc{i + 1}", text=d))
        elif isinstance(d, (bytes, bytearray, memoryview)):
            raise InputError(f'document {i} is {_a(d)}; decode it first, e.g. data.decode("utf-8")')
        else:
            # "a int": the wording callers match on since check() first had it
            raise InputError(f"document {i} is a {_kind(d)}; pass a claimcheck.Document or a str")
    seen: set[str] = set()
    for d in out:
        if d.id in seen:
            raise InputError(f"duplicate document id {d.id!r}: every document needs its own id")
        seen.add(d.id)
    return out


def document_warnings(docs: Iterable[Document]) -> list[str]:
    """Warnings about the documents themselves: text holding U+FFFD replacement characters,
    where a lone surrogate was replaced (see :func:`replace_surrogates`) or a decoder had
    already lost a character.

    Example:
        >>> from claimcheck.models import Document
        >>> document_warnings([Document(id="a", text="caf\\udce9 open")])
        ["document 'a': 1 character could not be represented (a lone surrogate or an undecodable byte) and reads as U+FFFD"]
    """
    out = []
    for d in docs:
        n = d.text.count("\ufffd")
        if n:
            what = "character" if n == 1 else "characters"
            out.append(f"document {d.id!r}: {n:,} {what} could not be represented "
                       "(a lone surrogate or an undecodable byte) and reads as U+FFFD")
    return out


# --------------------------------------------------------------------------- options


def str_map(name: str, value: object) -> dict[str, str]:
    """An aliases or metric-synonyms option as a dict: a mapping of non-empty strings to
    non-empty strings (``None`` is ``{}``).

    Raises:
        InputError: not a mapping, a key or target that is not a string, or one that is
            empty or only whitespace (``{"WeChat": ""}`` would file every WeChat claim
            under no subject).

    Example:
        >>> str_map("aliases", {"We Chat": "WeChat"})
        {'We Chat': 'WeChat'}
        >>> str_map("aliases", {"WeChat": " "})
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: aliases must be a mapping of str to str with no empty name: 'WeChat' maps to ' '
    """
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError(f"{name} must be a mapping of str to str, not {_kind(value)}")
    out: dict[str, str] = {}
    for k, v in value.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise InputError(f"{name} must be a mapping of str to str; got {k!r}: {v!r}")
        if not k.strip() or not v.strip():
            raise InputError(f"{name} must be a mapping of str to str with no empty name: {k!r} maps to {v!r}")
        out[k] = v
    return out


def optional_str(name: str, value: object, caller: str = "extract") -> str | None:
    """An optional string option: ``None``, or a string that is not empty.

    Example:
        >>> optional_str("story_event", "robbery")
        'robbery'
        >>> optional_str("story_event", 5)
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: extract(): story_event must be a str or None, not int
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{caller}(): {name} must be a str or None, not {_kind(value)}")
    if not value.strip():
        raise InputError(f"{caller}(): {name} must not be empty, got {value!r}")
    return value


def tolerance(value: object) -> float:
    """The ``tolerance`` option: a number in [0, 1).

    Example:
        >>> tolerance(0.1)
        0.1
        >>> tolerance(float("nan"))
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: tolerance must be a number in [0, 1), got nan
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
        raise InputError(f"tolerance must be a number in [0, 1), got {value!r}")
    return float(value)


def claim_cap(value: object) -> int | None:
    """The ``max_claims_per_document`` option: a positive int, or ``None`` for no cap.

    Example:
        >>> claim_cap(50), claim_cap(None)
        (50, None)
        >>> claim_cap(0)
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: max_claims_per_document must be a positive int or None, got 0
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"max_claims_per_document must be a positive int or None, got {value!r}")
    return value


def extracted_claims(result: object, doc: Document) -> list[Claim]:
    """What an extractor returned for ``doc``, checked: an iterable of Claims of that document.

    Raises:
        InputError: ``None``, a non-iterable, a string or mapping, an item that is not a
            :class:`~claimcheck.Claim`, or a claim of another document.

    Example:
        >>> from claimcheck.models import Document
        >>> extracted_claims([], Document(id="a", text="x"))
        []
        >>> extracted_claims(None, Document(id="a", text="x"))
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: extract returned None for document 'a'; it must return a list of claimcheck.Claim
    """
    from .models import Claim

    if result is None or isinstance(result, (str, bytes, bytearray, Mapping)):
        raise InputError(f"extract returned {'None' if result is None else _a(result)} for document "
                         f"{doc.id!r}; it must return a list of claimcheck.Claim")
    try:
        claims: list[Claim] = list(result)  # type: ignore[call-overload]
    except TypeError as e:
        raise InputError(f"extract returned {_a(result)} for document {doc.id!r}; "
                         "it must return a list of claimcheck.Claim") from e
    for c in claims:
        if not isinstance(c, Claim):
            raise InputError(f"extract returned {_a(c)} for document {doc.id!r}, not a Claim")
        if c.doc_id != doc.id:
            raise InputError(f"extract returned a claim of document {c.doc_id!r} for document {doc.id!r}")
    return claims


# --------------------------------------------------------------------------- limits


def cap_claims(claims: list[Claim], doc_id: str, cap: int | None) -> tuple[list[Claim], str | None]:
    """The first ``cap`` claims of one document in text order, and a warning if any were
    set aside (``None`` when all are kept).

    Example:
        >>> cap_claims([], "a", 10)
        ([], None)
    """
    if cap is None or len(claims) <= cap:
        return claims, None
    kept = sorted(claims, key=lambda c: (c.span.start, c.span.end, c.id))[:cap]
    last = kept[-1].span.end
    return kept, (f"document {doc_id!r}: {len(claims):,} claims, more than max_claims_per_document={cap:,}; "
                  f"kept the first {cap:,} (up to character {last:,}) and set {len(claims) - cap:,} aside")


# --------------------------------------------------------------------------- skipped text

_SKIPPED: contextvars.ContextVar[list[tuple[int, int, str]] | None] = contextvars.ContextVar(
    "claimcheck_skipped", default=None)


def note_skipped(start: int, end: int, reason: str) -> None:
    """Say that ``text[start:end]`` of the document being read was skipped, and why.

    A stage that gives up on part of a text (a regex scan that timed out) calls this
    instead of passing over it in silence; inside :func:`collecting` the note is kept (and
    :func:`claimcheck.check` lists it in ``Report.warnings``), outside it is dropped.

    Example:
        >>> with collecting() as notes:
        ...     note_skipped(4096, 8192, "the quantity scan timed out")
        >>> notes
        [(4096, 8192, 'the quantity scan timed out')]
    """
    notes = _SKIPPED.get()
    if notes is not None:
        notes.append((int(start), int(end), str(reason)))


@contextlib.contextmanager
def collecting() -> Iterator[list[tuple[int, int, str]]]:
    """Collect the :func:`note_skipped` notes made while the block runs.

    Example:
        >>> with collecting() as notes:
        ...     pass
        >>> notes
        []
    """
    notes: list[tuple[int, int, str]] = []
    token = _SKIPPED.set(notes)
    try:
        yield notes
    finally:
        _SKIPPED.reset(token)


def skipped_warnings(doc_id: str, notes: Iterable[tuple[int, int, str]]) -> list[str]:
    """``Report.warnings`` entries for the skipped regions of one document, in text order.

    Example:
        >>> skipped_warnings("a", [(10, 20, "scan timed out")])
        ["document 'a': characters 10-20 skipped: scan timed out"]
    """
    return [f"document {doc_id!r}: characters {a}-{b} skipped: {why}" for a, b, why in sorted(set(notes))]


def finite(value: float | None) -> float | None:
    """A float JSON can carry exactly: ±inf becomes ±``sys.float_info.max``, NaN ``None``.

    JSON has no infinity (pydantic writes it as ``null``, which reads back as ``None``), so
    a model that keeps an infinite number cannot round-trip. The largest float is still
    larger than anything a comparison would use it for.

    Example:
        >>> finite(float("inf")), finite(float("nan")), finite(0.5)
        (1.7976931348623157e+308, None, 0.5)
    """
    if value is None or math.isfinite(value):
        return value
    if math.isnan(value):
        return None
    return math.copysign(1.7976931348623157e308, value)
