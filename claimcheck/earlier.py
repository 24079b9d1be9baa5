"""Earlier events recalled by several reports, matched across them by what they share.

A story recalls earlier events ("the Carlton heist in July", "a theft at the film festival
in May"), and each report dates and names them its own way: one gives the month, another
only the place. :func:`match` gives each *undated* earlier event of a document the date of
the one dated earlier event of the same kind, in another document, that it shares a
distinctive name with, so that their figures meet in one frame and are compared.

A name is distinctive when it appears, among the story's earlier events of that kind, with
one date only, and nowhere in the sentences about the story's own event ("Cannes" recalled
with two earlier thefts tells neither apart; "Paris", where the story happens, tells
nothing). Without exactly one such match an earlier event keeps its own frame: an
unmatched figure is compared with nothing, which costs a finding, never a false one.

Example:
    >>> from claimcheck.models import Claim, Quantity, Span
    >>> def c(doc, label, time, basis, sentence):
    ...     s = Span(doc_id=doc, start=0, end=len(sentence), exact=sentence)
    ...     q = Quantity(text="1", start=0, end=1, value=1.0)
    ...     return Claim(id=doc + label, doc_id=doc, quantity=q, event=label, background=True,
    ...                  time=time, time_basis=basis, span=s, sentence=s)
    >>> got = match([c("a", "robbery (May 2013)", "2013-05", "event", "In May thieves robbed a Lumo jeweller."),
    ...              c("b", "robbery (festival)", "2013-09-09", "published", "Thieves also robbed Lumo at the festival.")])
    >>> got[("b", "robbery (festival)")]
    ('robbery (May 2013)', '2013-05')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from . import lexicon
from .models import Claim

_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_MONTH = re.compile(r"\b(" + "|".join(_MONTH_NAMES) + r")\b")
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+")
_MONTHS_DAYS = frozenset((*_MONTH_NAMES, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))


def _kind(label: str) -> str:
    kind = label.split(" (", 1)[0]
    cls = lexicon.events().classes.get(kind)
    return cls.family if cls is not None and cls.family else kind


def _date(c: Claim) -> str | None:
    """The date an earlier event's claim gives it (from its label, else its own time), or
    ``None``: the day of the report is not the event's date."""
    label = c.event or ""
    if _YEAR.search(label):
        return label
    if c.time and c.time_basis != "published" and _YEAR.search(c.time):
        return c.time
    return None


def _names(sentence: str) -> set[str]:
    """Capitalised words of a sentence but its first word, months and weekdays."""
    words = {m.group(0) for m in _NAME.finditer(sentence) if m.start() > 0}
    return {w for w in words if w not in _MONTHS_DAYS and len(w) > 2}


def match(claims: Iterable[Claim]) -> Mapping[tuple[str, str], tuple[str, str | None]]:
    """(document, event label) of each undated earlier event that matches exactly one dated
    one → (that event's label, its claims' time).

    Example:
        >>> match([])
        {}
    """
    claims = list(claims)
    dated: dict[tuple[str, str], tuple[str, str | None, set[str], str]] = {}  # by (doc, label)
    undated: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for c in claims:
        if not (c.background and c.event):
            continue
        key = (c.doc_id, c.event)
        date = _date(c)
        if date is not None:
            dated.setdefault(key, (c.event, c.time, set(), date))[2].update(_names(c.sentence.exact))
        else:
            undated.setdefault(key, (_kind(c.event), set()))[1].update(_names(c.sentence.exact))
    if not undated or not dated:
        return {}
    story_names: set[str] = set()
    read: set[tuple[str, int]] = set()
    for c in claims:
        if c.event and not c.background and (c.doc_id, c.sentence.start) not in read:
            read.add((c.doc_id, c.sentence.start))
            story_names |= _names(c.sentence.exact)
    # a name's dates, by kind: distinctive when it is seen with one date only
    seen_with: dict[tuple[str, str], set[str]] = {}
    for (_doc, label), (_l, _t, names, date) in dated.items():
        for n in names - story_names:
            seen_with.setdefault((_kind(label), n), set()).add(_date_key(date))
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    for (doc, label), (kind, names) in sorted(undated.items()):
        hits = {(k, n) for n in names - story_names
                if len(dates := seen_with.get((kind, n), set())) == 1 for k in dates}
        if len({k for k, _ in hits}) != 1:
            continue
        (want, _), *_ = sorted(hits)
        cands = sorted((d, lab, t) for (d, lab), (_l, t, _n, date) in dated.items()
                       if d != doc and _kind(lab) == kind and _date_key(date) == want)
        if cands:
            _, lab, t = cands[0]
            out[(doc, label)] = (lab, t)
    return out


def _date_key(date: str) -> str:
    """Year and month of a label or an ISO time: "robbery (Carlton, July 2013)" and
    "2013-07" are both "2013-07"."""
    y = _YEAR.search(date)
    year = y.group(0) if y else ""
    m = _MONTH.search(date)
    if m:
        month = f"{_MONTH_NAMES.index(m.group(1)) + 1:02d}"
    else:
        iso = re.match(r"\d{4}-(\d{2})", date)
        month = iso.group(1) if iso else ""
    return f"{year}-{month}" if month else year
