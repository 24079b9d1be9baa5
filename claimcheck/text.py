"""Sentence and paragraph segmentation with offsets, datelines, repeats and boilerplate.

Everything here works on character offsets into the original text and never copies or
rewrites it, so a :class:`Sentence` can always be turned into a
:class:`claimcheck.models.Span` with ``Span.from_text(text, s.start, s.end)``.

Rules, in order:

- **Paragraphs.** If the text has a blank line anywhere, paragraphs are the blocks between
  blank lines. Otherwise every non-empty line is a paragraph (scraped articles often put one
  paragraph per line).
- **Lines.** A newline always ends a sentence (corpus files hold one sentence per line).
- **Datelines.** A line may open with ``BEIJING —``, ``BEIJING -``, ``WASHINGTON (AP) —`` or
  ``DHARAMSALA, May 30:``; it becomes its own sentence with ``dateline=True``. A token glued
  to the dateline without a space (a scraped image name such as ``Icon-Aug13DHARAMSALA``)
  becomes a boilerplate sentence.
- **Boilerplate.** Phrases from ``data/boilerplate.toml``: "Article continues after this
  advertisement" glued to the next sentence is cut off as its own boilerplate sentence and
  the rest is segmented normally; sign-up, comment-form and republication lines are marked
  ``boilerplate=True``.
- **Sentence ends.** ``.``, ``!``, ``?``, ``…`` (and runs of them), with closing quotes and
  brackets kept inside the sentence (``."`` and ``.”`` close after the quote), followed by
  whitespace and then an upper-case letter, a digit or an opening quote/bracket. A period
  after a known abbreviation does not end the sentence: titles (``Mr.``, ``Dr.``,
  ``Gov.``) never do; ``No.`` and month abbreviations (``Jan.``) do not before a digit;
  ``Ltd.``, ``Inc.``, ``U.S.``, ``a.m.``, initials and the like end a sentence only when the
  next word is a common sentence opener ("It", "The", "He", ...).
- **Repeats.** ``repeat_of`` is the index of the first sentence with the same text (compared
  with runs of whitespace collapsed), or ``None``.

The scan is linear in the length of the text and never raises on any string.

Example:
    >>> from claimcheck.text import segment
    >>> doc = "BEIJING - Mr. Li said 143.8 million. It rose.\\nIt rose."
    >>> [(s.text, s.dateline, s.repeat_of) for s in segment(doc)]
    [('BEIJING -', True, None), ('Mr. Li said 143.8 million.', False, None), ('It rose.', False, None), ('It rose.', False, 2)]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import regex

from . import _guard
from .errors import InputError, LexiconError
from .lexicon import load_toml as _load_toml

__all__ = ["Paragraph", "Sentence", "dateline", "normalize_space", "paragraphs", "segment"]

#: Seconds allowed for one regex scan of one line before we give up on splitting it.
_TIMEOUT = 1.0


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document, by offsets.

    Attributes:
        start: offset of the first character (never whitespace).
        end: offset just past the last character (never whitespace).
        paragraph: 0-based index of the paragraph holding it.
        boilerplate: scraped page furniture (ads, sign-up lines): holds no claims.
        repeat_of: index (into the list :func:`segment` returned) of the first sentence
            with the same whitespace-normalised text, else ``None``.
        text: ``doc_text[start:end]``.
        dateline: the sentence is a dateline such as ``BEIJING —`` (holds no claims).

    Example:
        >>> s = segment("Hi there. Bye.")[1]
        >>> (s.start, s.end, s.text, s.claimable)
        (10, 14, 'Bye.', True)
    """

    start: int
    end: int
    paragraph: int
    boilerplate: bool
    repeat_of: int | None
    text: str = ""
    dateline: bool = False

    @property
    def claimable(self) -> bool:
        """True when claims may be read from this sentence (not boilerplate, not a dateline).

        Example:
            >>> [s.claimable for s in segment("Leave a Reply\\nIt has 5 users.")]
            [False, True]
        """
        return not (self.boilerplate or self.dateline)

    def text_in(self, doc_text: str) -> str:
        """The sentence's characters in ``doc_text`` (the same as :attr:`text`).

        Example:
            >>> doc = "One. Two."
            >>> segment(doc)[1].text_in(doc)
            'Two.'
        """
        return doc_text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph by offsets, with the index of its first identical paragraph.

    Example:
        >>> [(p.index, p.repeat_of) for p in paragraphs("A b.\\n\\nC d.\\n\\nA  b.")]
        [(0, None), (1, None), (2, 0)]
    """

    start: int
    end: int
    index: int
    repeat_of: int | None


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class _Boilerplate:
    glued: regex.Pattern[str]
    whole: regex.Pattern[str]
    contains: regex.Pattern[str]
    exact: frozenset[str]
    max_contains: int
    #: the longest word of each "contains" phrase, lower-cased (``None`` if one is not ASCII)
    contains_words: tuple[str, ...] | None = None


def _phrase_pattern(phrases: list[str]) -> str:
    """An alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = []
    for p in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        parts.append(r"\s++".join(regex.escape(w) for w in p.split()))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _strings(data: Mapping[str, object], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"data/boilerplate.toml: {key!r} must be a list of strings")
    return value


@cache
def _boilerplate() -> _Boilerplate:
    data = _load_toml("boilerplate.toml")
    max_contains = data.get("max_contains_chars", 240)
    if not isinstance(max_contains, int):
        raise LexiconError("data/boilerplate.toml: max_contains_chars must be an integer")
    flags = regex.IGNORECASE | regex.VERSION1
    return _Boilerplate(
        # followed by whitespace, the end, an upper-case letter or punctuation
        glued=regex.compile(_phrase_pattern(_strings(data, "glued")) + r"(?=\s|$|(?-i:\p{Lu})|[^\p{L}\p{N}])", flags),
        whole=regex.compile(_phrase_pattern(_strings(data, "starts")), flags),
        contains=regex.compile(_phrase_pattern(_strings(data, "contains")), flags),
        exact=frozenset(normalize_space(s).casefold() for s in _strings(data, "exact")),
        max_contains=max_contains,
        contains_words=_longest_words(_strings(data, "contains")),
    )


def _longest_words(phrases: list[str]) -> tuple[str, ...] | None:
    if not all(p.isascii() for p in phrases):
        return None
    return tuple(max(p.lower().split(), key=len) for p in phrases if p.split())


# --------------------------------------------------------------------------- patterns

_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|" + _MONTH_ABBR + r"\.?)"
)

# A dateline at the start of a line, optionally behind one glued token without spaces.
_DATELINE = regex.compile(
    r"""
    (?P<pre>\S{0,60}?)                              # glued junk such as an image file name
    (?<!\p{Lu})                                      # the place starts a capitals run
    (?P<dl>
      \p{Lu}[\p{Lu}'.]++(?:[ ](?:\p{Lu}[\p{Lu}'.]++|[dD][eE]|[eE][lL]))*+   # PLACE (capitals)
      (?:,[ ]\p{Lu}[\p{L}.]*+(?:[ ]\p{Lu}[\p{L}.]*+)?)?                       # , State
      (?:,?[ ]""" + _MONTH + r"""[ ]\d{1,2}(?:,[ ]\d{4})?)?                     # , May 30
      (?:[ ]?\([\p{L} ]{1,20}\))?                                              # (AP)
      (?:[ ]?[-—–]{1,2}|:)                                                     # - or — or :
    )
    (?=\s++\S)
    """,
    regex.VERBOSE | regex.VERSION1,
)

# What a dateline needs in its first 62 characters (``pre`` then two capitals of the place),
# for ASCII text, in stdlib re: a line without it is no dateline, and most lines are not.
_DATELINE_START = re.compile(r"[^\t\n\x0b\x0c\r ]{0,60}?[A-Z][A-Z'.]")

# A run of sentence-final punctuation and the closing quotes/brackets that belong to it.
_TERMINATOR = regex.compile(r"""[.!?…]++["'”’»)\]]*+""")

_OPENERS = frozenset("\"'“‘«([")
_QUOTES = frozenset("\"'“‘«")

# Abbreviations; the token is what precedes the final period, lower-cased.
_TITLES = frozenset(
    ["mr", "mrs", "ms", "messrs", "dr", "prof", "gov", "sen", "rep", "gen", "lt", "col", "capt", "cpt", "sgt", "cmdr", "adm", "maj", "cpl", "pvt", "rev", "hon", "pres", "supt", "insp", "fr", "msgr", "atty", "vs", "v", "snr", "comr", "brig", "det", "const", "insp", "supt", "sr"]
)
_NUMBERED = frozenset(["no", "nos", "vol", "art", "fig", "p", "pp", "ch", "sec", "para", "nr"])
_MONTHS_ABBR = frozenset(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
_OTHER_ABBR = frozenset(
    ["ltd", "inc", "corp", "co", "bros", "plc", "llc", "jr", "st", "etc", "approx", "est", "dept", "univ", "assn", "ave", "blvd", "rd", "mt", "ft", "al", "govt", "intl", "natl", "cf", "ca"]
)
# Words that commonly open a sentence: after an ambiguous abbreviation ("Ltd.", "U.S.",
# "a.m.") a sentence ends only when one of these follows.
_STARTERS = frozenset(
    ["a", "an", "the", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet", "however", "meanwhile", "also", "in", "on", "at", "by", "for", "from", "with", "after", "before", "when", "while", "if", "as", "since", "although", "though", "according", "police", "officials", "authorities", "one", "some", "many", "most", "all", "no", "not", "what", "who", "why", "how", "where"]
)

_WS = regex.compile(r"\s++")
# What ``str.split()`` takes for whitespace and ``regex``'s \s does not are the file,
# group, record and unit separators (\x1c-\x1f): only a string holding one needs _WS.


def normalize_space(s: str) -> str:
    """Collapse runs of whitespace to one space and trim the ends.

    Args:
        s: any string.

    Returns:
        The normalised string (what :attr:`Sentence.repeat_of` compares).

    Example:
        >>> normalize_space("  a \\n  b ")
        'a b'
    """
    if "\x1c" not in s and "\x1d" not in s and "\x1e" not in s and "\x1f" not in s:  # (four C scans)
        return " ".join(s.split())  # the same, done in C: \s and str.isspace() agree here
    return _WS.sub(" ", s).strip()


# --------------------------------------------------------------------------- segmentation


def dateline(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Offsets of a dateline opening ``text[start:end]`` ("BEIJING —", "DHARAMSALA, May 30:").

    Leading whitespace is skipped; a glued token before the place name (no spaces) is
    allowed.

    Args:
        text: the document text.
        start: where the line starts.
        end: where it ends (default: the end of the text).

    Returns:
        ``(start, end)`` of the dateline (without the glued token), or ``None`` when the
        text does not open with a dateline or nothing follows it.

    Example:
        >>> dateline("DHARAMSALA, May 30: The government said...")
        (0, 19)
        >>> dateline("The government said...") is None
        True
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    while start < end and text[start].isspace():
        start += 1
    head = text[start : min(end, start + 62)]
    if head.isascii() and _DATELINE_START.match(head) is None:
        return None  # no two capitals where a dateline's place could start
    try:
        m = _DATELINE.match(text, start, min(end, start + 200))  # 200 characters at most: no timeout needed
    except TimeoutError:  # pragma: no cover - defensive
        _guard.note_skipped(start, min(end, start + 200), "the dateline scan timed out")
        return None
    if m is None or m.end() >= end:
        return None
    return m.start("dl"), m.end("dl")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _token_before(text: str, i: int, lo: int) -> str:
    """Letters and dots just before offset ``i`` (at most 20 characters back)."""
    k = i
    stop = max(lo, i - 20)
    while k > stop and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    return text[k:i]


def _next_word(text: str, j: int, e: int) -> str:
    k = j
    stop = min(e, j + 30)
    while k < stop and text[k].isalpha():
        k += 1
    return text[j:k]


def _ends_sentence(text: str, m_start: int, m_end: int, j: int, e: int, lo: int) -> bool:
    """Decide whether the terminator text[m_start:m_end] followed by text[j] ends a sentence."""
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    punct = text[m_start:m_end].rstrip("\"'”’»)]")
    if punct != ".":
        return True  # ! ? … or a run such as "..." / "?!"
    token = _token_before(text, m_start, lo)
    if not token:
        return True  # "143.8." / ")." etc.
    low = token.lower().lstrip(".")
    next_word = _next_word(text, j, e)
    starter = nxt in _QUOTES or next_word.lower() in _STARTERS
    if "." in low:  # dotted: U.S. a.m. e.g. i.e.
        return starter
    if len(token) == 1 and token.isupper():  # an initial: "George W. Bush"
        return starter
    if low in _TITLES:
        return False
    if low in _NUMBERED or low in _MONTHS_ABBR or low == "may":
        if nxt.isdigit():
            return False
        return starter if low != "may" else True
    if low in _OTHER_ABBR:
        return starter
    return True


def _classify(text: str, a: int, b: int) -> bool:
    """Is text[a:b] (one trimmed sentence) boilerplate?"""
    bp = _boilerplate()
    try:
        timed = b - a > _guard.TIMED_FROM
        if bp.whole.match(text, a, b, timeout=_TIMEOUT) if timed else bp.whole.match(text, a, b):
            return True
        if b - a <= bp.max_contains and _may_contain(bp, text[a:b]) \
                and (bp.contains.search(text, a, b, timeout=_TIMEOUT) if timed else bp.contains.search(text, a, b)):
            return True
    except TimeoutError:  # pragma: no cover - defensive
        _guard.note_skipped(a, b, "the boilerplate scan timed out; the sentence is kept")
        return False
    if b - a <= 60:
        core = normalize_space(text[a:b]).strip(" .:*|-—–").casefold()
        if core in bp.exact:
            return True
    return False


def _may_contain(bp: _Boilerplate, s: str) -> bool:
    """Whether ``s`` may hold a "contains" phrase: an ASCII text (where ``str.lower`` is the
    case folding the pattern uses) without the longest word of any phrase holds none."""
    if bp.contains_words is None or not s.isascii():
        return True
    low = s.lower()
    return any(w in low for w in bp.contains_words)


class _Builder:
    __slots__ = ("out", "seen", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Sentence] = []
        self.seen: dict[str, int] = {}

    def add(self, a: int, b: int, para: int, boilerplate: bool | None = None, is_dateline: bool = False) -> None:
        a, b = _trim(self.text, a, b)
        if a >= b:
            return
        s = self.text[a:b]
        key = normalize_space(s)
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = len(self.out)
        if boilerplate is None:
            boilerplate = _classify(self.text, a, b)
        self.out.append(Sentence(a, b, para, boilerplate, first, s, is_dateline))


def _glued(text: str, p: int, e: int) -> int:
    """If a glued boilerplate phrase opens text[p:e], return its end, else -1."""
    try:
        glued = _boilerplate().glued
        m = glued.match(text, p, e, timeout=_TIMEOUT) if e - p > _guard.TIMED_FROM else glued.match(text, p, e)
    except TimeoutError:  # pragma: no cover - defensive
        _guard.note_skipped(p, e, "the boilerplate scan timed out; the text is kept")
        return -1
    return m.end() if m else -1


def _skip_glued(b: _Builder, text: str, cur: int, e: int, para: int) -> int:
    """Record boilerplate glued to the start of ``text[cur:e]`` ("…advertisementUsers can")
    as its own sentences; returns where the real text starts."""
    g = _glued(text, cur, e)
    while g > cur:
        b.add(cur, g, para, boilerplate=True)
        cur, _ = _trim(text, g, e)
        g = _glued(text, cur, e) if cur < e else -1
    return cur


def _split_line(b: _Builder, ls: int, le: int, para: int) -> None:
    text = b.text
    p, e = _trim(text, ls, le)
    if p >= e:
        return
    d = dateline(text, p, e)
    if d is not None:
        if d[0] > p:
            b.add(p, d[0], para, boilerplate=True)
        b.add(d[0], d[1], para, boilerplate=False, is_dateline=True)
        p, e = _trim(text, d[1], e)
    # glued boilerplate at the start of the line
    cur = _skip_glued(b, text, p, e, para)
    try:
        ends = _TERMINATOR.finditer(text, cur, e, timeout=_TIMEOUT) if e - cur > _guard.TIMED_FROM \
            else _TERMINATOR.finditer(text, cur, e)
        for m in ends:
            if m.start() < cur:
                continue
            end = m.end()
            if end >= e or not text[end].isspace():
                continue
            j = end
            while j < e and text[j].isspace():
                j += 1
            if j >= e or not _ends_sentence(text, m.start(), end, j, e, cur):
                continue
            b.add(cur, end, para)
            cur = _skip_glued(b, text, j, e, para)
    except TimeoutError:  # pragma: no cover - defensive: keep the rest as one sentence
        _guard.note_skipped(cur, e, "the sentence split timed out; the rest is one sentence")
    if cur < e:
        b.add(cur, e, para)


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        k = text.find("\n", pos)
        if k < 0:
            k = n
        out.append((pos, k))
        pos = k + 1
    return out


def _paragraph_blocks(text: str) -> list[list[tuple[int, int]]]:
    """Non-empty lines grouped into paragraphs (see the module docstring)."""
    lines = _lines(text)
    blank = [text[a:b].isspace() or a == b for a, b in lines]
    filled = [i for i, bl in enumerate(blank) if not bl]
    if not filled:
        return []
    if not any(blank[filled[0] : filled[-1]]):
        return [[lines[i]] for i in filled]
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for ln, bl in zip(lines, blank, strict=True):
        if bl:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(ln)
    if current:
        blocks.append(current)
    return blocks


def segment(text: str) -> list[Sentence]:
    """Split a document into sentences, keeping offsets into ``text``.

    Args:
        text: the whole document.

    Returns:
        The sentences in order, non-overlapping; ``text[s.start:s.end] == s.text`` and the
        text has no surrounding whitespace. Empty or blank text gives ``[]``.

    Raises:
        InputError: ``text`` is not a ``str``.

    Example:
        >>> doc = "Article continues after this advertisementUsers rose to 5.2 million at 9 a.m. Tuesday."
        >>> [(s.text, s.boilerplate) for s in segment(doc)]
        [('Article continues after this advertisement', True), ('Users rose to 5.2 million at 9 a.m. Tuesday.', False)]
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    b = _Builder(text)
    for para, block in enumerate(_paragraph_blocks(text)):
        for ls, le in block:
            _split_line(b, ls, le, para)
    return b.out


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a document by offsets, with repeats marked.

    A paragraph's ``repeat_of`` is the index of the first paragraph with the same
    whitespace-normalised text.

    Args:
        text: the whole document.

    Returns:
        Paragraphs in order, trimmed of surrounding whitespace.

    Example:
        >>> [(p.start, p.end) for p in paragraphs("One.\\nTwo.")]
        [(0, 4), (5, 9)]
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    out: list[Paragraph] = []
    seen: dict[str, int] = {}
    for block in _paragraph_blocks(text):
        a, b = _trim(text, block[0][0], block[-1][1])
        key = normalize_space(text[a:b])
        first = seen.setdefault(key, len(out))
        out.append(Paragraph(a, b, len(out), None if first == len(out) else first))
    return out
