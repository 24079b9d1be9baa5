"""Time expressions in news text, normalised against the publication date.

:func:`find_times` finds dates ("March 6, 2014", "6 March", "2014-03-06"), months ("in
March", "May 2014"), years ("since 2013", "in 2013"), weekdays ("Tuesday", "on Tuesday",
"late Tuesday") and relative expressions ("last year", "earlier this year", "yesterday",
"last month"), with the preposition in front of them ("in", "on", "since", "as of", ...).

Values (``TimeExpr.value``):

- ``date``: ISO ``"2014-03-06"``; without a year, the year that puts the date nearest to
  ``published``, or ``"--03-06"`` when ``published`` is unknown.
- ``month``: ``"2014-03"``; without a year, the nearest year to ``published``, else
  ``"--03"``.
- ``year``: ``"2013"``. A bare four-digit number counts as a year only after a
  preposition ("in 2013", "since 2013") or "early"/"late"/"mid". A span of years
  ("1983-2005", "from 2010 to 2013") gives an ISO 8601 interval ``"2010/2013"``.
- "April last year" / "April this year" → ``"2013-04"`` / ``"2014-04"`` (``None`` without
  ``published``).
- ``weekday``: the most recent such weekday on or before ``published`` (ISO date); without
  ``published``, the weekday's name ("Tuesday").
- ``relative``: "last year" → ``published.year - 1``, "this year"/"earlier this year" →
  the year, "next year" → +1; "last month"/"this month" → ``"YYYY-MM"``; "last week"/"this
  week" → ISO week ``"2014-W21"``; "yesterday"/"today"/"tomorrow" → ISO date. ``None``
  without ``published``, and ``None`` (never an error) when the time would fall outside
  the calendar of ``datetime.date`` (years 1 to 9999: "tomorrow" on 9999-12-31).

"May" is a month only before a day or a year ("May 30", "May 2014") or after a
preposition or "early"/"late"/"mid" ("in May"); "may have" is a verb. Month and weekday
names must be capitalised.

Example:
    >>> import datetime
    >>> from claimcheck.timeexpr import find_times
    >>> t = "On Tuesday the office said users rose in March and may have doubled since 2013."
    >>> [(x.text, x.kind, x.relation, x.value) for x in find_times(t, published=datetime.date(2014, 5, 30))]
    [('Tuesday', 'weekday', 'on', '2014-05-27'), ('March', 'month', 'in', '2014-03'), ('2013', 'year', 'since', '2013')]
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Literal

import regex

from . import _guard
from .errors import InputError

__all__ = ["TimeExpr", "find_times", "resolve_weekday"]

_TIMEOUT = 1.0

TimeKind = Literal["date", "month", "year", "weekday", "relative"]


@dataclass(frozen=True)
class TimeExpr:
    """One time expression by offsets into the document text.

    Attributes:
        start: offset of the first character of the expression proper (after any
            preposition: "March" in "in March", "the end of June" in "by the end of June").
        end: offset just past the last character.
        text: ``doc_text[start:end]``.
        value: the normalised value (see the module docstring), or ``None``.
        kind: ``date``, ``month``, ``year``, ``weekday`` or ``relative``.
        relation: the preposition, normalised: ``in``, ``on``, ``since``, ``as_of``,
            ``until``, ``by``, ``before``, ``after``, ``during``, ``from``, ``through``,
            ``at``, ``of``; ``None`` when there is none.
        phrase_start: offset of the preposition when there is one, else ``start``:
            ``doc_text[phrase_start:end]`` is the whole phrase ("as of June").

    Example:
        >>> t = find_times("as of June 2014")[0]
        >>> t
        TimeExpr(start=6, end=15, text='June 2014', value='2014-06', kind='month', relation='as_of', phrase_start=0)
        >>> "as of June 2014"[t.phrase_start : t.end]
        'as of June 2014'
    """

    start: int
    end: int
    text: str
    value: str | None
    kind: TimeKind = "date"
    relation: str | None = None
    phrase_start: int = -1

    def __post_init__(self) -> None:
        if self.phrase_start < 0:
            object.__setattr__(self, "phrase_start", self.start)


_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
_WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}

_MONTH = "(?:" + "|".join(sorted((regex.escape(m) + (r"\.?" if len(m) <= 4 and m != "May" and m != "June" and m != "July" else "") for m in _MONTHS), key=len, reverse=True)) + ")"
_WD = "(?:" + "|".join(_WEEKDAYS) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d:,.]\d)"
_PREP = r"(?i:as[ ]of|since|until|till|by|before|after|during|from|through|throughout|in|on|at|of|starting|beginning|between|and|to)"
_EDGE = r"(?i:early|late|mid|mid-|the[ ]end[ ]of|the[ ]start[ ]of|the[ ]beginning[ ]of|the[ ]middle[ ]of)"

_NOT_DIGIT = regex.compile(r"\D")
_TIME = regex.compile(
    r"""
    (?<![\p{L}\p{N}])
    (?:(?P<prep>""" + _PREP + r""")\s++)?
    (?:(?P<edge>""" + _EDGE + r""")[\s-]*+)?
    (?:
        (?P<iso>(?P<iy>\d{4})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))(?!\d)
      | (?:(?P<wd1>""" + _WD + r"""),?\s++)?(?P<m1>""" + _MONTH + r""")\s++(?P<d1>""" + _DAY + r""")(?:,?\s++(?P<y1>""" + _YEAR + r"""))?
      | (?:(?P<wd2>""" + _WD + r"""),?\s++)?(?P<d2>""" + _DAY + r""")\s++(?:of\s++)?(?P<m2>""" + _MONTH + r""")(?:,?\s++(?P<y2>""" + _YEAR + r"""))?
      | (?P<m3>""" + _MONTH + r""")(?:\s++of)?,?\s++(?P<y3>""" + _YEAR + r""")
      | (?P<y5>""" + _YEAR + r""")(?:[ ]?[-–][ ]?|\s++(?i:to|and|through|until)\s++)(?P<y6>""" + _YEAR + r""")
      | (?P<rel>(?i:(?:earlier|later)\s++)?(?i:this|last|next|the\s++past|the\s++previous)\s++(?i:year|month|week)
               |(?i:yesterday|today|tomorrow)
               |(?i:(?:the|this|last)\s++weekend))
      | (?P<wd>""" + _WD + r""")(?:\s++(?P<part>(?i:morning|afternoon|evening|night)))?
      | (?P<m4>""" + _MONTH + r""")(?:\s++(?P<m4rel>(?i:last|this|next))\s++(?i:year))?
      | (?P<y4>""" + _YEAR + r""")
    )
    (?![\p{L}\p{N}])
    """,
    regex.VERBOSE | regex.VERSION1,
)

#: Every time expression holds one of these (a digit, a month, a weekday, a relative word):
#: the full pattern is tried only a few words before one of them (see :func:`_search`).
#: A digit run anchors only as a year ("2013", "2013-07-02") or as a day before a month
#: ("6 March", "6th of March"): a day after a month has the month for anchor. The
#: lookahead first (every first character an anchor can have) lets ``re`` skip the rest of
#: the text at C speed.
_ANCHOR = re.compile(r"(?=[\dJFMASONDTWYymwt])"
                     r"(?:\d{4}|\d{1,2}(?=(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z])"
                     r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
                     r"|Friday|Saturday|Sunday|(?i:year|month|week|yesterday|today|tomorrow))")
#: The words a match can have before its anchor: prepositions ("as of", "since"), edges ("the
#: end of", "mid"), relative phrases ("earlier this", "the previous"), at most ten of them.
_PREFIX_WORDS = frozenset({
    "as", "of", "since", "until", "till", "by", "before", "after", "during", "from", "through",
    "throughout", "in", "on", "at", "starting", "beginning", "between", "and", "to", "early", "late",
    "mid", "the", "end", "start", "middle", "earlier", "later", "this", "last", "next", "past", "previous",
})
#: words after which the pattern allows the next word glued on ("midMarch" aside, "earlylast",
#: "the end ofthis year": an edge ends in "of")
_EDGES = ("early", "late", "mid", "of")
_BACK_WORDS = 10
_MAX_TOKEN = 64


def _back(text: str, a: int, floor: int) -> int:
    """Where a match holding the anchor at ``a`` can start at the earliest (not before
    ``floor``): the start of the anchor's token, then back over the words that can open a
    time expression ("in", "the end of", "earlier this"), no further."""
    i, cap = a, max(floor, a - _MAX_TOKEN)
    while i > cap and not text[i - 1].isspace():  # to the start of the anchor's token
        i -= 1
    for _ in range(_BACK_WORDS):
        j = i
        while j > floor and (text[j - 1].isspace() or text[j - 1] == "-"):  # "mid-  March"
            j -= 1
        if j == i:
            break
        k, cap = j, max(floor, j - 12)
        while k > cap and text[k - 1].isalpha():
            k -= 1
        word = text[k:j].lower()
        glued = any(word.startswith(e) and word[len(e) :] in _PREFIX_WORDS for e in _EDGES)
        if k == j or not (word in _PREFIX_WORDS or glued) or (k > floor and text[k - 1].isalnum()):
            break
        i = k
        if k == floor or not (text[k - 1].isspace() or text[k - 1] == "-"):
            break
    return i


def _search(text: str, pos: int, end: int) -> regex.Match[str] | None:
    """``_TIME.search(text, pos, end)``, trying the pattern only at word starts a few words
    before an anchor: the same leftmost match, without running the long pattern at every
    character of a text that holds no time."""
    tried = pos - 1
    timed = end - pos > _guard.TIMED_FROM
    for anchor in _ANCHOR.finditer(text, pos, end):
        a = anchor.start()
        if a <= tried:
            continue
        for s in range(max(tried + 1, _back(text, a, pos)), a + 1):
            if text[s].isalnum() and (s == 0 or not text[s - 1].isalnum()):
                m = _TIME.match(text, s, end, timeout=_TIMEOUT) if timed else _TIME.match(text, s, end)
                if m is not None:
                    return m
        tried = a
    return None


_REL_NAMES = {"as of": "as_of", "till": "until", "throughout": "during", "starting": "from", "beginning": "from"}


def resolve_weekday(day: str, published: _dt.date) -> _dt.date | None:
    """The most recent ``day`` ("Tuesday") on or before ``published``.

    Args:
        day: a weekday name in English, any case.
        published: the publication date.

    Returns:
        The date, ``published`` itself when it falls on ``day``; ``None`` for an unknown name
        or when that day would fall before ``datetime.date.min``.

    Example:
        >>> resolve_weekday("Tuesday", __import__("datetime").date(2014, 5, 30))
        datetime.date(2014, 5, 27)
    """
    wd = _WEEKDAYS.get(day.strip().capitalize())
    if wd is None:
        return None
    try:
        return published - _dt.timedelta(days=(published.weekday() - wd) % 7)
    except OverflowError:  # before 0001-01-01: no such date
        return None


#: How far past the publication date a month or day without a year may lie: news mostly
#: recalls the past ("in February", in a November report, is last February).
_AHEAD_DAYS = 45


def _nearest_year(month: int, day: int, published: _dt.date) -> int:
    """The year of the latest such date no more than ``_AHEAD_DAYS`` after ``published``."""
    best = published.year
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            d = _dt.date(y, month, min(day, 28))
        except ValueError:  # pragma: no cover - day is clamped
            continue
        if (d - published).days <= _AHEAD_DAYS:
            best = y
    return best


def _year(y: int) -> str | None:
    """A year as ISO text, or None outside the years a ``datetime.date`` has (1-9999)."""
    return f"{y:04d}" if _dt.MINYEAR <= y <= _dt.MAXYEAR else None


def _shift_month(d: _dt.date, k: int) -> str | None:
    y, m = divmod(d.year * 12 + d.month - 1 + k, 12)
    return f"{y:04d}-{m + 1:02d}" if _year(y) else None


def _shift_days(d: _dt.date, days: int) -> _dt.date | None:
    try:
        return d + _dt.timedelta(days=days)
    except OverflowError:  # past datetime.date.min or .max: no such date
        return None


def _month_num(token: str) -> int:
    return _MONTHS[token.rstrip(".")]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _read(m: regex.Match[str], published: _dt.date | None) -> tuple[TimeKind, str | None] | None:
    """Kind and value of one match, or None when it is not a time expression."""
    g = m.groupdict()
    prep = (g["prep"] or "").lower()
    if g["iso"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        return ("date", f"{y:04d}-{mo:02d}-{d:02d}") if _valid(y, mo, d) else None
    for mk, dk, yk in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        if g[mk]:
            mo = _month_num(g[mk])
            d = int(_NOT_DIGIT.sub("", g[dk]))
            if g[yk]:
                y = int(g[yk])
                return ("date", f"{y:04d}-{mo:02d}-{d:02d}") if _valid(y, mo, d) else None
            if not _valid(2000, mo, d):
                return None
            if published is not None:
                y = _nearest_year(mo, d, published)
                if _valid(y, mo, d):
                    return "date", f"{y:04d}-{mo:02d}-{d:02d}"
            return "date", f"--{mo:02d}-{d:02d}"
    if g["m3"]:
        return "month", f"{int(g['y3']):04d}-{_month_num(g['m3']):02d}"
    if g["y5"]:
        y5, y6 = int(g["y5"]), int(g["y6"])
        return ("year", f"{y5:04d}/{y6:04d}") if y5 < y6 else None
    if g["rel"]:
        rel = " ".join(g["rel"].lower().split())
        if published is None:
            return "relative", None
        if rel.endswith("weekend"):  # the Saturday of the latest weekend before publication
            back = (published.weekday() - 5) % 7 if published.weekday() != 6 else 1
            day = _shift_days(published, -(back or (7 if rel.startswith("last") else 0)))
            return "relative", day.isoformat() if day else None
        if rel in ("yesterday", "today", "tomorrow"):
            k = {"yesterday": -1, "today": 0, "tomorrow": 1}[rel]
            day = _shift_days(published, k)
            return "relative", day.isoformat() if day else None
        unit = rel.rsplit(" ", 1)[-1]
        step = 1 if "next" in rel else -1 if ("last" in rel or "past" in rel or "previous" in rel) else 0
        if unit == "year":
            return "relative", _year(published.year + step)
        if unit == "month":
            return "relative", _shift_month(published, step)
        wk = _shift_days(published, 7 * step)
        if wk is None:
            return "relative", None
        iy, iw, _ = wk.isocalendar()
        return "relative", f"{iy:04d}-W{iw:02d}"
    if g["wd"]:
        if published is None:
            return "weekday", g["wd"]
        d2 = resolve_weekday(g["wd"], published)
        return "weekday", d2.isoformat() if d2 else None
    if g["m4"]:
        tok = g["m4"]
        if tok == "May" and not (prep or g["edge"]):
            return None  # "May" the verb
        if tok.endswith(".") and not (prep or g["edge"]):
            return None
        if not (prep or g["edge"]) and len(tok) <= 4 and tok not in ("June", "July"):
            return None  # a bare abbreviation ("Mar") is too ambiguous
        mo = _month_num(tok)
        if g["m4rel"]:  # "in April last year"
            if published is None:
                return "month", None
            step = {"last": -1, "this": 0, "next": 1}[g["m4rel"].lower()]
            iso = _year(published.year + step)
            return "month", f"{iso}-{mo:02d}" if iso else None
        if published is not None:
            return "month", f"{_nearest_year(mo, 15, published):04d}-{mo:02d}"
        return "month", f"--{mo:02d}"
    if g["y4"]:
        possessive = m.string[m.end() : m.end() + 2] in ("'s", "’s")  # "2004's tsunami"
        if not (prep and prep not in ("and", "to", "between", "at", "of")) and not g["edge"] and not possessive:
            return None  # a bare four-digit number is more often a count
        return "year", g["y4"]
    return None  # pragma: no cover - every branch above returns


def find_times(
    text: str, start: int = 0, end: int | None = None, published: _dt.date | None = None
) -> list[TimeExpr]:
    """Time expressions in ``text[start:end]``, with offsets into ``text``.

    Args:
        text: the document text.
        start: where to start looking.
        end: where to stop (default: the end of the text).
        published: the publication date, to resolve weekdays, relative expressions and
            dates without a year.

    Returns:
        The expressions in text order, non-overlapping; ``text[t.start:t.end] == t.text``
        (without the preposition, which is in ``relation``; the whole phrase is
        ``text[t.phrase_start:t.end]``).

    Raises:
        InputError: ``text`` is not a ``str`` or ``published`` is not a date.

    Example:
        >>> import datetime
        >>> [(t.text, t.value) for t in find_times("Sales fell last year, on March 6 and on Wednesday.",
        ...                                        published=datetime.date(2014, 5, 30))]
        [('last year', '2013'), ('March 6', '2014-03-06'), ('Wednesday', '2014-05-28')]
        >>> [t.value for t in find_times("They may have met in May.")]
        ['--05']
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if published is not None and not isinstance(published, _dt.date):
        raise InputError(f"published must be a datetime.date, not {type(published).__name__}")
    if isinstance(published, _dt.datetime):
        published = published.date()
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    out: list[TimeExpr] = []
    pos = start
    try:
        while pos < end:
            m = _search(text, pos, end)
            if m is None:
                break
            if m.end() == m.start():  # pragma: no cover - the pattern never matches empty
                pos = m.end() + 1
                continue
            read = _read(m, published)
            if read is None:
                # retry just after the first character, so "and may have... in May" still finds "in May"
                pos = m.start() + 1
                continue
            kind, value = read
            a = phrase = m.start()
            prep = m.group("prep")
            relation = None
            if prep:
                a = phrase = _first_after_prep(m)
                p = " ".join(prep.lower().split())
                if not (p in ("and", "to") or (p == "between" and not (value and "/" in value))):
                    relation = _REL_NAMES.get(p, p)
                    phrase = m.start()
            out.append(TimeExpr(a, m.end(), text[a : m.end()], value, kind, relation, phrase))
            pos = m.end()
    except TimeoutError:  # pragma: no cover - defensive
        _guard.note_skipped(pos, end, "the time-expression scan timed out")
    return out


def _first_after_prep(m: regex.Match[str]) -> int:
    k = m.end("prep")
    s = m.string
    while k < m.end() and s[k].isspace():
        k += 1
    return k
