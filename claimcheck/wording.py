"""How values, dates and document lists are written for people (used by check and report).

One owner for the wording of every report: ``check`` builds finding messages with these
functions and ``report`` renders claims with them, so a figure reads the same everywhere.

Example:
    >>> from claimcheck.wording import fmt_number, pct
    >>> fmt_number(143800000.0), fmt_number(1500.0), pct(0.1155)
    ('143.8 million', '1,500', '11.6%')
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable
from typing import Any

from . import _guard
from .lexicon import plural
from .models import Claim

__all__ = ["format_value", "fmt_number", "pct", "docs_text", "natural_key", "date_label", "QUALIFIER_WORDS"]

#: How a qualifier is written before a number ("over 800 million").
QUALIFIER_WORDS = {
    "exact": "",
    "approximate": "about ",
    "more_than": "over ",
    "at_least": "at least ",
    "less_than": "under ",
    "at_most": "at most ",
    "range": "",
}
#: A hedge of one or two words right before the number ("nearly 3,000", "close to 40").
_HEDGE_RE = re.compile(r"^([A-Za-z]+(?: [a-z]+)?) (?=[\d$€£¥])")


def fmt_number(v: float) -> str:
    """A number as news writes it: scale words from a million up, thousands separators.

    Example:
        >>> fmt_number(2.6e6), fmt_number(40.0), fmt_number(6.25)
        ('2.6 million', '40', '6.25')
    """
    a = abs(v)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if a >= size:
            return f"{v / size:.6g} {word}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:.4g}"


def pct(x: float) -> str:
    """A relative difference as a percentage, or as a ratio past 100% ("×150").

    Example:
        >>> pct(0.115), pct(1.0), pct(149.0)
        ('11.5%', '100%', '×150')
    """
    p = x * 100
    if p > 100:
        return f"×{x + 1:.3g}"
    return f"{p:.0f}%" if p >= 100 else f"{p:.3g}%"


def _unit_words(unit: str, v: float | None) -> str:
    name = unit.replace("_", " ")
    if v is not None and abs(v) == 1:
        return name
    return plural(name) if not name.endswith("s") else name


def format_value(claim: Claim) -> str:
    """A claim's value as a person would say it: qualifier, number, unit.

    A range is written "low–high"; a vague plural ("dozens") as its interval.

    Example:
        >>> from claimcheck.models import Claim, Quantity, Span
        >>> q = Quantity(text="over 800 million users", start=0, end=22, value=8e8,
        ...              low=8e8, high=None, low_inclusive=False, qualifier="more_than")
        >>> sp = Span(doc_id="d", start=0, end=22, exact="over 800 million users")
        >>> format_value(Claim(id="c", doc_id="d", quantity=q, span=sp, sentence=sp))
        'over 800 million'
    """
    q = claim.quantity
    if q.kind == "date":
        return (claim.time or q.text).strip()
    if q.qualifier == "range" and q.low is not None and q.high is not None:
        num = f"{fmt_number(q.low)}–{fmt_number(q.high)}"
        v: float | None = q.high
    elif q.value is not None:
        word = QUALIFIER_WORDS[q.qualifier]
        if q.qualifier == "approximate":  # keep the writer's hedge: "nearly", "some", "around"
            hedge = getattr(q, "hedge", None)
            m = _HEDGE_RE.match(q.text)
            word = f"{hedge} " if hedge else (m.group(1).lower() + " " if m else word)
        num = word + fmt_number(q.value)
        v = q.value
    else:
        return q.text
    unit = q.unit
    if unit is None:
        return num
    if unit == "percent":
        return num + "%"
    if re.fullmatch(r"[A-Z]{3}", unit):  # ISO 4217 currency code
        return f"{unit} {num}"
    return f"{num} {_unit_words(unit, v)}"


#: Sort key that puts "doc2" before "doc10" and never raises (see
#: :func:`claimcheck._guard.natural_key`).
natural_key = _guard.natural_key


def docs_text(doc_ids: Iterable[str]) -> str:
    """Document ids, each once, in natural order, comma-separated.

    Example:
        >>> docs_text(["b", "a10", "a2", "b"])
        'a2, a10, b'
    """
    return ", ".join(sorted(set(doc_ids), key=natural_key))


def date_label(iso: str | None) -> str:
    """A date for a reader: "2 Jul 2013" for an ISO day, the value itself otherwise.

    Example:
        >>> date_label("2013-07-02"), date_label("2004"), date_label(None)
        ('2 Jul 2013', '2004', '')
    """
    if not iso:
        return ""
    try:
        d = _dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%b')} {d.year}"
