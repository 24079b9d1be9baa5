"""Cross-source checking: claims of several documents → findings (issue 4).

:func:`check` extracts the claims of every document, keys each claim by what it measures
and compares only claims with equal keys. Grouping is by hashing, never by comparing every
pair of claims: one pass puts each claim in a dict bucket, and each bucket is then compared
by its *distinct values* (sorted once), so the cost is O(n) for n claims plus
O(k log k) per bucket of k distinct values.

Buckets and what they find (docs/findings.md explains each kind for fact-checkers):

- numeric bucket ``(subject, metric, unit dimension, time)`` →
  ``agreement`` (one value), ``compatible`` (intervals overlap), ``conflict`` (intervals
  disjoint; ``spread`` says by how much);
- value bucket ``(metric, unit dimension, qualifier, value)`` across subjects →
  ``misattribution`` (one figure pinned on different subjects by different documents);
- sentence bucket ``(document, sentence)`` → ``internal`` (a stated multiplier such as
  "more than twice as many" checked against the sentence's own numbers);
- date bucket ``(subject, metric)`` of date/weekday claims → temporal ``conflict`` or
  ``agreement`` (``temporal=True``).

Claims of one document never make a conflict, compatible or misattribution finding on
their own: every such finding needs two documents that disagree.

Example:
    >>> from claimcheck.check import spread
    >>> round(spread(355e6, 396e6), 4)
    0.1155
"""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
import math
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from . import _guard
from .errors import InputError, LexiconError, UnitError
from .models import Claim, Document, Finding, Report, ValueSupport
from .units import base_magnitude, dimension_key

__all__ = [
    "DEFAULT_TOLERANCE",
    "check",
    "format_value",
    "metric_synonyms",
    "normalise_metric",
    "spread",
]

#: Relative half-width given to approximate values ("about 300" → [270, 330]) and the slack
#: allowed when checking an exact multiplier ("twice as many"). Keep in sync with
#: docs/findings.md ("Tolerance").
DEFAULT_TOLERANCE = 0.1

#: Order of finding kinds in a report: what needs a person's attention first.
#: Catch-all metrics that say too little about what a figure measures for "the same value
#: on two subjects" to suggest a wrong subject: two sums of 2 million euros in one story
#: are as likely to be two different sums.
_GENERIC_METRICS = frozenset({"amount", "percent", "distance", "duration"})

_KIND_RANK = {"conflict": 0, "misattribution": 1, "internal": 2, "compatible": 3, "agreement": 4}

#: Whole numbers below this are too common ("two monks", "five people") to suggest that
#: one figure was pinned on two subjects; see docs/findings.md ("Misattribution").
_MISATTRIBUTION_MIN = 100

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_RE = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QUALIFIER_WORDS = {
    "exact": "",
    "approximate": "about ",
    "more_than": "over ",
    "at_least": "at least ",
    "less_than": "under ",
    "at_most": "at most ",
    "range": "",
}
_RELATION_WORDS = {
    "exact": "",
    "approximate": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
    "range": "",
}
#: A hedge of one or two words right before the number ("nearly 3,000", "close to 40").
_HEDGE_RE = re.compile(r"^([A-Za-z]+(?: [a-z]+)?) (?=[\d$€£¥])")
_IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "century": "centuries", "person": "people"}


# --------------------------------------------------------------------------- lexicon


@functools.lru_cache(maxsize=65536)
def _norm_words(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


@functools.cache
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
    try:
        raw = resources.files("claimcheck").joinpath("data/metrics.toml").read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise LexiconError(f"data/metrics.toml does not load: {e}") from e
    table = data.get("synonyms")
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise LexiconError("data/metrics.toml: [synonyms] must map strings to strings")
    return {_norm_words(k): _norm_words(v) for k, v in table.items()}


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


# --------------------------------------------------------------------------- formatting


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


def _fmt_number(v: float) -> str:
    a = abs(v)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if a >= size:
            return f"{v / size:.6g} {word}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:.4g}"


def _plural(unit: str, v: float | None) -> str:
    if v is not None and abs(v) == 1:
        return unit
    if unit in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[unit]
    return unit if unit.endswith("s") else unit + "s"


def format_value(claim: Claim) -> str:
    """A claim's value as a person would say it: qualifier, number, unit.

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
        return _date_value(claim)[0]
    if q.qualifier == "range" and q.low is not None and q.high is not None:
        num = f"{_fmt_number(q.low)}–{_fmt_number(q.high)}"
        v: float | None = q.high
    elif q.value is not None:
        word = _QUALIFIER_WORDS[q.qualifier]
        if q.qualifier == "approximate":  # keep the writer's hedge: "nearly", "some", "around"
            m = _HEDGE_RE.match(q.text)
            word = m.group(1).lower() + " " if m else word
        num = word + _fmt_number(q.value)
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
    return f"{num} {_plural(unit.replace('_', ' '), v)}"


def _pct(x: float) -> str:
    p = x * 100
    return f"{p:.0f}%" if p >= 100 else f"{p:.3g}%"


def _docs_text(doc_ids: Iterable[str]) -> str:
    return ", ".join(sorted(set(doc_ids), key=_natural))


#: Sort key that puts "doc2" before "doc10" and never raises (ids such as "①" or a run of
#: 5,000 digits included); see :func:`claimcheck._guard.natural_key`.
_natural = _guard.natural_key


# --------------------------------------------------------------------------- keys


@dataclass(frozen=True)
class _Options:
    aliases: Mapping[str, str]  # normalised alias -> normalised canonical name
    display: Mapping[str, str]  # normalised canonical name -> as the user spelled it
    synonyms: Mapping[str, str]
    tolerance: float
    intervals: dict[int, tuple[float, float, float] | None] = field(default_factory=dict)

    def interval(self, claim: Claim) -> tuple[float, float, float] | None:
        """:func:`_interval`, computed once per claim of this check."""
        key = id(claim)
        if key not in self.intervals:
            self.intervals[key] = _interval(claim, self.tolerance)
        return self.intervals[key]

    def subject(self, subject: str | None) -> str | None:
        if subject is None or not subject.strip():
            return None
        key = _norm_words(subject)
        return self.aliases.get(key, key)

    def metric(self, metric: str | None) -> str | None:
        if metric is None or not metric.strip():
            return None
        return normalise_metric(metric, self.synonyms)

    def origin(self, claim: Claim) -> str:
        a = claim.attribution
        if a is None or not a.origin.strip():
            return f"\0doc:{claim.doc_id}"  # unattributed: the document is its own origin
        name = _norm_words(a.origin)
        name = re.sub(r"^the ", "", name)
        return self.aliases.get(name, name)


def _sort_claims(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(sorted(claims, key=lambda c: (_natural(c.doc_id), c.span.start, c.span.end, c.id)))


def _display(names: Iterable[str | None], canonical: str | None, opts: _Options) -> str | None:
    """A readable name for a key: the alias target as the user spelled it, else the smallest
    spelling seen (deterministic whatever the document order)."""
    if canonical is None:
        return None
    if canonical in opts.display:
        return opts.display[canonical]
    seen = [n.strip() for n in names if n is not None and n.strip()]
    return min(seen) if seen else canonical


def _support(claims: Sequence[Claim], value: str, opts: _Options) -> ValueSupport:
    origins = {opts.origin(c) for c in claims}
    named = sorted({c.attribution.origin for c in claims if c.attribution is not None and c.attribution.origin})
    return ValueSupport(
        value=value,
        claim_ids=tuple(c.id for c in _sort_claims(claims)),
        documents=len({c.doc_id for c in claims}),
        origins=len(origins),
        origin_names=tuple(named),
    )


# --------------------------------------------------------------------------- intervals


@dataclass
class _Class:
    """Claims of one bucket that state the same value (after unit conversion)."""

    value: float  # stated value in base units
    low: float  # interval compared, in base units, ±inf when unbounded (rounding included)
    high: float
    claims: list[Claim] = field(default_factory=list)
    exact_low: float = -math.inf  # the interval as stated, without rounding
    exact_high: float = math.inf

    @functools.cached_property
    def docs(self) -> set[str]:  # read only once the class is complete
        return {c.doc_id for c in self.claims}


def _r(x: float) -> float:
    return float(f"{x:.9g}") if math.isfinite(x) else x


@functools.lru_cache(maxsize=65536)
def _base(value: float, unit: str | None) -> float:
    """:func:`claimcheck.units.base_magnitude`, cached: pint conversions are slow."""
    return value if unit is None else base_magnitude(value, unit)


_NUMBER_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _rounding(claim: Claim) -> float:
    """Half a unit of the last digit a figure states, in base units: "10 kilometers" ±500 m,
    "143.8 million" ±50,000, "six miles" ±0.5 mile."""
    q = claim.quantity
    if q.value is None:
        return 0.0
    half, scale = 0.5, 1.0
    m = _NUMBER_TOKEN_RE.search(q.text)
    if m:
        decimals = len(m.group(1) or "")
        half = 0.5 * 10.0 ** -decimals
        try:
            stated = float(m.group(0).replace(",", ""))
        except ValueError:
            stated = 0.0
        if stated and q.value and not math.isclose(stated, q.value):
            scale = abs(q.value / stated)  # "334" in "$334M"
    try:
        return abs(_base(q.value + half * scale, q.unit) - _base(q.value, q.unit))
    except UnitError:
        return half * scale


def _interval(claim: Claim, tolerance: float) -> tuple[float, float, float] | None:
    """``(value, low, high)`` of a claim in its dimension's base unit; ``None`` if it has no number."""
    q = claim.quantity
    v, lo, hi = q.value, q.low, q.high
    if v is None:
        if lo is None and hi is None:
            return None
        v = lo if lo is not None else hi
    assert v is not None
    if q.qualifier == "exact":
        lo = v if lo is None else lo
        hi = v if hi is None else hi
    elif q.qualifier in ("more_than", "at_least"):
        lo = v if lo is None else lo
    elif q.qualifier in ("less_than", "at_most"):
        hi = v if hi is None else hi
    elif q.qualifier == "approximate":
        lo = min(v if lo is None else lo, v - tolerance * abs(v))
        hi = max(v if hi is None else hi, v + tolerance * abs(v))
    try:
        conv = [_base(x, q.unit) if x is not None else None for x in (v, lo, hi)]
    except UnitError:
        conv = [v, lo, hi]
    bv, blo, bhi = conv
    assert bv is not None
    blo = -math.inf if blo is None else blo
    bhi = math.inf if bhi is None else bhi
    if blo > bhi:  # a unit with a negative scale; keep the interval ordered
        blo, bhi = bhi, blo
    return bv, blo, bhi


def _below(a_high: float, b_low: float) -> bool:
    """Whether interval a lies strictly below interval b (touching bounds do not count:
    "over 800 million" and "800 million" are compatible, not a conflict)."""
    if not (math.isfinite(a_high) and math.isfinite(b_low)):
        return a_high < b_low
    return a_high < b_low and not math.isclose(a_high, b_low, rel_tol=1e-9, abs_tol=1e-12)


def _conflicting(classes: list[_Class]) -> list[_Class]:
    """Classes that are disjoint from some class stated by a *different* document.

    A sweep instead of all pairs: sorted by ``high``, the classes lying entirely below class
    j form a prefix (found by bisection), and a sample of at most two distinct documents per
    prefix tells whether one of them comes from another document than j. The same again for
    the classes entirely above j. O(k log k) for k classes.
    """

    def partners(order: list[_Class], apart: Callable[[_Class, _Class], bool]) -> set[int]:
        samples: list[tuple[str, ...]] = [()]  # samples[m]: ≤ 2 distinct documents of order[:m]
        for c in order:
            s = samples[-1]
            for d in sorted(c.docs, key=_natural):
                if len(s) >= 2:
                    break
                if d not in s:
                    s = (*s, d)
            samples.append(s)
        found: set[int] = set()
        for j, cj in enumerate(classes):
            lo, hi = 0, len(order)
            while lo < hi:  # m = number of leading classes of `order` apart from cj
                mid = (lo + hi) // 2
                if apart(order[mid], cj):
                    lo = mid + 1
                else:
                    hi = mid
            sample = samples[lo]
            if sample and (len(sample) >= 2 or cj.docs != set(sample)):
                found.add(j)
        return found

    by_high = sorted(classes, key=lambda c: c.high)
    by_low = sorted(classes, key=lambda c: -c.low)
    hit = partners(by_high, lambda c, j: _below(c.high, j.low)) | partners(
        by_low, lambda c, j: _below(j.high, c.low)
    )
    return [c for j, c in enumerate(classes) if j in hit]


# --------------------------------------------------------------------------- dates


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


# --------------------------------------------------------------------------- findings


def _time_note(time: str | None, n: int) -> str:
    if time:
        return f"{'both' if n == 2 else 'all'} refer to {time}"
    return "neither states a date" if n == 2 else "none states a date"


def _about(metric: str | None, subject: str | None) -> str:
    return f"{metric or 'figures'} for {subject or 'an unnamed subject'}"


def _numeric_findings(
    key: tuple[str, str, str, str | None],
    claims: list[Claim],
    opts: _Options,
) -> list[Finding]:
    subj_key, metric_key, _dim, time_key = key
    if len({c.doc_id for c in claims}) < 2:
        return []
    # Figures converted between units are rounded ("10 kilometers (6 miles)"): when a bucket
    # mixes units, each figure also covers half a unit of its last stated digit, at most the
    # tolerance. Keep in sync with docs/findings.md ("Rounding across units").
    mixed_units = len({c.quantity.unit for c in claims}) > 1
    buckets: dict[tuple[Any, ...], _Class] = {}
    for c in claims:
        iv = opts.interval(c)
        if iv is None:
            continue
        v, lo, hi = iv
        ck = (c.quantity.qualifier, _r(v), _r(lo), _r(hi))
        if ck not in buckets:
            buckets[ck] = _Class(v, lo, hi, exact_low=lo, exact_high=hi)
        k = buckets[ck]
        k.claims.append(c)
        if mixed_units:  # never wider than the tolerance: "one month" is not 15-45 days
            half = min(_rounding(c), opts.tolerance * abs(v))
            k.low, k.high = min(k.low, lo - half), max(k.high, hi + half)
    classes = sorted(buckets.values(), key=lambda k: (k.low, k.high, k.value, _sort_claims(k.claims)[0].id))
    if not classes:
        return []
    all_claims = [c for k in classes for c in k.claims]
    if len({c.doc_id for c in all_claims}) < 2:
        return []
    # "some 75 kilometers" and "75 kilometers" state the same number: an agreement
    if len(classes) > 1 and len({_r(k.value) for k in classes}) == 1 and all(
        c.quantity.qualifier in ("exact", "approximate") for c in all_claims
    ):
        exactish = sorted(classes, key=lambda k: (k.claims[0].quantity.qualifier != "exact", k.low))
        merged = _Class(classes[0].value, min(k.low for k in classes), max(k.high for k in classes),
                        claims=[c for k in exactish for c in k.claims])
        classes = [merged]
    subject = _display([c.subject for c in all_claims], subj_key, opts)
    metric = metric_key
    time = min((c.time for c in all_claims if c.time), default=None)

    def label(k: _Class) -> str:  # the exact wording if there is one, else the first
        first = min(k.claims, key=lambda c: (c.quantity.qualifier != "exact", _natural(c.doc_id), c.span.start))
        return format_value(first)

    def supports(ks: list[_Class]) -> tuple[ValueSupport, ...]:
        return tuple(_support(k.claims, label(k), opts) for k in ks)

    if len(classes) == 1:
        k = classes[0]
        sup = _support(k.claims, label(k), opts)
        msg = (
            f"{sup.documents} documents agree on {label(k)} {_about(metric, subject)} "
            f"({_docs_text(k.docs)}); {sup.origins} independent origin{'s' if sup.origins != 1 else ''}"
            f"{'' if not time else f'; the figure refers to {time}'}."
        )
        return [
            Finding(kind="agreement", subject=subject, metric=metric, time=time,
                    claims=_sort_claims(k.claims), values=(sup,), spread=0.0, message=msg)
        ]

    bad = _conflicting(classes)
    if bad:
        values = [k.value for k in bad]
        sp = spread(min(values), max(values))
        parts = " vs ".join(f"{label(k)} ({_docs_text(k.docs)})" for k in bad)
        approx = any(c.quantity.qualifier == "approximate" for k in bad for c in k.claims)
        tol = f" (beyond the ±{_pct(opts.tolerance)} allowed for approximate figures)" if approx else ""
        msg = f"{parts} {_about(metric, subject)}: {_pct(sp)} apart{tol}; {_time_note(time, len(bad))}."
        return [
            Finding(kind="conflict", subject=subject, metric=metric, time=time,
                    claims=_sort_claims(c for k in bad for c in k.claims), values=supports(bad),
                    spread=sp, message=msg)
        ]
    values = [k.value for k in classes]
    # an open interval ("at least 40") has no meaningful distance to the figures inside it
    bounded = all(math.isfinite(k.low) and math.isfinite(k.high) for k in classes)
    sp = spread(min(values), max(values)) if bounded else None
    parts = " and ".join(f"{label(k)} ({_docs_text(k.docs)})" for k in classes)
    msg = (
        f"{parts} {_about(metric, subject)} overlap: compatible but not the same figure"
        f"{f' ({_pct(sp)} apart)' if sp is not None else ''}; {_time_note(time, len(classes))}."
    )
    return [
        Finding(kind="compatible", subject=subject, metric=metric, time=time,
                claims=_sort_claims(all_claims), values=supports(classes), spread=sp, message=msg)
    ]


def _misattribution_findings(claims: list[Claim], opts: _Options) -> list[Finding]:
    by_subject: dict[str, list[Claim]] = {}
    for c in claims:
        s = opts.subject(c.subject)
        assert s is not None
        by_subject.setdefault(s, []).append(c)
    # A subject counts only if some document gives the figure for it and for no other subject:
    # a document that pins the figure on two subjects at once (an extraction slip, or a
    # sentence about both) is no evidence that two sources disagree. Two such subjects
    # always come from two different documents.
    subjects_in: dict[str, set[str]] = {}
    for s_key, cs in by_subject.items():
        for c in cs:
            subjects_in.setdefault(c.doc_id, set()).add(s_key)
    own = {s_key for s_key, cs in by_subject.items()
           if any(subjects_in[c.doc_id] == {s_key} for c in cs)}
    if len(own) < 2:
        return []
    claims = [c for s_key in own for c in by_subject[s_key]]
    subjects = sorted(own, key=lambda s: (min(_natural(c.doc_id) for c in by_subject[s]), s))
    first = _sort_claims(claims)[0]
    value = format_value(first)
    metric = opts.metric(first.metric)
    names = {s: _display([c.subject for c in by_subject[s]], s, opts) for s in subjects}
    parts = " and ".join(f"for {names[s]} ({_docs_text(c.doc_id for c in by_subject[s])})" for s in subjects)
    msg = (
        f"The same figure, {value} {metric}, is given {parts}: one of these subjects is "
        f"probably wrong; check which the original source meant."
    )
    sups = tuple(_support(by_subject[s], f"{value} for {names[s]}", opts) for s in subjects)
    return [
        Finding(kind="misattribution", subject=None, metric=metric, claims=_sort_claims(claims),
                values=sups, message=msg)
    ]


def _relation_finding(
    a: Claim, b: Claim, factor: float, qualifier: str, opts: _Options, marker: Claim | None = None
) -> Finding | None:
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
    msg = (
        f"{a.doc_id} says {sa} has {relation} the {metric} of {sb}: {format_value(a)} vs "
        f"{factor:g} × {format_value(b)} = {_fmt_number(factor * b.quantity.value)}, "
        f"so the stated relation {'holds' if holds else 'does NOT hold'}."
    )
    involved = (a, b) if marker is None else (marker, a, b)
    return Finding(kind="internal", subject=sa, metric=metric, time=a.time,
                   claims=_sort_claims(involved), spread=spread(va, target), holds=holds,
                   relation=relation, message=msg)


def _internal_findings(
    sentence_claims: list[Claim], by_id: Mapping[tuple[str, str], Claim], opts: _Options
) -> list[Finding]:
    """Stated relations of one sentence checked against its own numbers.

    Two ways the extractor can state a relation: a claim carrying ``relation`` (factor,
    qualifier and the id of the other claim), or a separate claim of kind ``multiplier``
    next to two figures of one metric for two subjects. Both give one finding per pair.
    """
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
        mkey = opts.metric(m.metric)
        cands = [c for c in others if mkey is None or opts.metric(c.metric) == mkey]
        if mkey is None:  # keep the metric shared by most candidates
            counts: dict[str, int] = {}
            for c in cands:
                k = opts.metric(c.metric) or ""
                counts[k] = counts.get(k, 0) + 1
            if not counts:
                continue
            best = max(sorted(counts), key=lambda k: counts[k])
            cands = [c for c in cands if opts.metric(c.metric) == best]
        cands.sort(key=lambda c: (abs(c.span.start - m.span.start), c.span.start, c.id))
        msubj = opts.subject(m.subject)
        pair: tuple[Claim, Claim] | None = None
        if msubj is not None:
            own = [c for c in cands if opts.subject(c.subject) == msubj]
            other = [c for c in cands if opts.subject(c.subject) not in (msubj, None)]
            if own and other:
                pair = (own[0], other[0])
        else:
            for i, a in enumerate(cands):
                b = next((b for b in cands[i + 1:] if opts.subject(b.subject) != opts.subject(a.subject)), None)
                if b is not None:
                    pair = (a, b) if a.span.start < b.span.start else (b, a)
                    break
        if pair is None:
            continue
        a, b = pair
        if (a.id, b.id) in out:
            continue
        f = _relation_finding(a, b, m.quantity.value or 0.0, m.quantity.qualifier, opts, marker=m)
        if f is not None:
            out[(a.id, b.id)] = f
    return list(out.values())


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
    parts = " vs ".join(f"{label(g)} ({_docs_text(c.doc_id for c in groups[g])})" for g in order)
    if len(groups) == 1:
        (g,) = order
        msg = (f"{sups[0].documents} documents agree that the {metric} of {subject} is {label(g)} "
               f"({_docs_text(c.doc_id for c in claims)}).")
        return [Finding(kind="agreement", subject=subject, metric=metric, claims=_sort_claims(claims),
                        values=sups, temporal=True, message=msg)]
    msg = (
        f"{parts} for the {metric} of {subject}: the sources disagree on the day; some may "
        f"give the day they reported it rather than the day it happened."
    )
    return [Finding(kind="conflict", subject=subject, metric=metric, claims=_sort_claims(claims),
                    values=sups, temporal=True, message=msg)]


def _finding_key(f: Finding) -> tuple[Any, ...]:
    return (_KIND_RANK[f.kind], f.temporal, (f.subject or "").casefold(), f.metric or "",
            f.time or "", f.message, tuple(c.id for c in f.claims))


def _find(claims: Sequence[Claim], opts: _Options) -> list[Finding]:
    numeric: dict[tuple[str, str, str, str | None], list[Claim]] = {}
    by_value: dict[tuple[Any, ...], list[Claim]] = {}
    by_sentence: dict[tuple[str, int, int], list[Claim]] = {}
    dates: dict[tuple[str, str], list[Claim]] = {}
    has_relation: set[tuple[str, int, int]] = set()
    by_id: dict[tuple[str, str], Claim] = {}
    for c in claims:
        skey = (c.doc_id, c.sentence.start, c.sentence.end)
        by_sentence.setdefault(skey, []).append(c)
        by_id.setdefault((c.doc_id, c.id), c)
        if c.quantity.kind == "multiplier" or c.relation is not None:
            has_relation.add(skey)
        if c.negated or c.quantity.latent:
            continue
        subj, metric = opts.subject(c.subject), opts.metric(c.metric)
        if subj is None or metric is None:
            continue  # nothing to compare it with
        kind = c.quantity.kind
        if kind == "date":
            dates.setdefault((subj, metric), []).append(c)
            continue
        if kind == "multiplier":
            continue
        try:
            dim = dimension_key(c.quantity.unit)
        except UnitError:
            dim = f"unit:{c.quantity.unit}"
        time = _norm_words(c.time) if c.time else None
        numeric.setdefault((subj, metric, dim, time), []).append(c)
        q = c.quantity
        if kind in ("count", "currency") and metric not in _GENERIC_METRICS and q.value is not None and (
            abs(q.value) >= _MISATTRIBUTION_MIN or not float(q.value).is_integer()
        ):
            iv = opts.interval(c)
            if iv is not None:
                by_value.setdefault((metric, dim, q.qualifier, *map(_r, iv)), []).append(c)

    findings: list[Finding] = []
    for nkey, cs in numeric.items():
        findings += _numeric_findings(nkey, cs, opts)
    for cs in by_value.values():
        findings += _misattribution_findings(cs, opts)
    for skey in has_relation:
        findings += _internal_findings(by_sentence[skey], by_id, opts)
    for dkey, cs in dates.items():
        findings += _temporal_findings(dkey, cs, opts)
    return sorted(findings, key=_finding_key)


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
        tolerance: relative half-width given to approximate values ("about 300" covers
            270–330 at the default 0.1) and to exact multipliers ("twice as many").
        extract: the claim extractor, ``extract(doc, *, aliases=None,
            metric_synonyms=None) -> list[Claim]``; defaults to
            :func:`claimcheck.extract`. Keyword arguments it does not accept are not passed.
            It must return the claims of the document it was given.
        max_claims_per_document: how many claims of one document the report keeps, the
            first in text order (default 1,000; ``None``: all). Each document over the cap
            gets a ``Report.warnings`` entry saying how many were set aside.

    Returns:
        A :class:`~claimcheck.Report`: documents sorted by id, their claims sorted by
        position, findings sorted with conflicts first, and warnings about what was set
        aside (claims over the cap, skipped text, characters replaced by U+FFFD). The
        result does not depend on the order of the documents.

    Raises:
        InputError: ``docs`` is not an iterable of documents or strings, two documents share
            an id, an option is unknown or out of range, or the extractor returned something
            other than claims of the document it was given.

    Example (needs the claim extractor of :mod:`claimcheck.claims`):
        >>> import claimcheck as cc
        >>> r = cc.check([cc.Document(id="a", text="WeChat has 355 million monthly active users."),
        ...               cc.Document(id="b", text="WeChat has 396 million monthly active users.")])
        >>> print(r.conflicts[0].message)
        355 million (a) vs 396 million (b) monthly active users for WeChat: 11.5% apart; neither states a date.
        >>> cc.check([], colour="red")
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: unknown option 'colour'; check() accepts aliases, metric_synonyms, tolerance, extract, max_claims_per_document
    """
    if unknown:
        name = min(unknown)
        raise InputError(f"unknown option {name!r}; check() accepts aliases, metric_synonyms, tolerance, "
                         "extract, max_claims_per_document")
    tol = _guard.tolerance(tolerance)
    alias_map = _guard.str_map("aliases", aliases)
    syn_map = _guard.str_map("metric_synonyms", metric_synonyms)
    cap = _guard.claim_cap(max_claims_per_document)
    if extract is None:
        from .claims import extract as default_extract

        extract = default_extract
    if not callable(extract):
        raise InputError("extract must be a callable taking a Document")
    documents = _guard.documents(docs, "check")
    opts = _Options(
        aliases={_norm_words(k): _norm_words(v) for k, v in alias_map.items()},
        display={_norm_words(v): v.strip() for v in alias_map.values()},
        synonyms=syn_map,
        tolerance=tol,
    )
    from .claims import story_event

    # the documents tell one story: figures only the story owns are filed under one event
    kwargs = {"aliases": alias_map or None, "metric_synonyms": syn_map or None,
              "story_event": story_event(documents)}
    claims: list[Claim] = []
    warnings: dict[str, list[str]] = {}
    for d in documents:
        with _guard.collecting() as skipped:
            got = _call_extract(extract, d, kwargs)
        got, capped = _guard.cap_claims(got, d.id, cap)
        claims += got
        warnings[d.id] = (_guard.document_warnings([d]) + _guard.skipped_warnings(d.id, skipped)
                          + ([capped] if capped else []))
    claims_sorted = _sort_claims(claims)
    findings = _find(claims_sorted, opts)
    documents.sort(key=lambda d: _natural(d.id))
    return Report(
        documents=tuple(documents),
        claims=claims_sorted,
        findings=tuple(findings),
        warnings=tuple(w for d in documents for w in warnings[d.id]),
    )
