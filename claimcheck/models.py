"""Typed records for every stage: spans, quantities, documents, claims, findings, reports.

Every model is a frozen pydantic v2 model that forbids unknown fields and survives a JSON
round trip exactly (``Model.model_validate_json(m.model_dump_json()) == m``). Provenance is
not optional: every :class:`Quantity`, :class:`Claim` and :class:`Finding` points at the
exact characters it came from.

Example:
    >>> from claimcheck.models import Span
    >>> text = "WeChat has 355 million monthly active users."
    >>> s = Span.from_text(text, 11, 22, doc_id="002")
    >>> s.exact, s.prefix[-4:], s.suffix[:8]
    ('355 million', 'has ', ' monthly')
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = [
    "Span",
    "Quantity",
    "Document",
    "Attribution",
    "Claim",
    "Relation",
    "ValueSupport",
    "Finding",
    "Report",
    "Qualifier",
    "Kind",
    "Change",
    "FindingKind",
]

#: How the stated number relates to the interval it asserts.
Qualifier = Literal["exact", "approximate", "more_than", "at_least", "less_than", "at_most", "range"]
#: What sort of quantity a mention is.
Kind = Literal[
    "count", "percent", "currency", "duration", "dimension", "ordinal", "multiplier", "date", "age"
]
#: The direction of change a figure states ("up 6.2%", "fell 4%", "a 5% drop").
Change = Literal["increase", "decrease"]
#: The kinds of cross-source finding (see docs/findings.md).
FindingKind = Literal["agreement", "compatible", "conflict", "misattribution", "internal"]

#: Characters of context kept on each side of a span (W3C TextQuoteSelector prefix/suffix).
CONTEXT_CHARS = 32

_CONFIG = ConfigDict(frozen=True, extra="forbid")


class Span(BaseModel):
    """A stretch of one document's text: W3C Web Annotation position + quote selectors.

    ``start``/``end`` are character offsets (end exclusive) into the document text, and
    ``exact`` is ``text[start:end]``; ``prefix``/``suffix`` hold a little context on either
    side so the span can be re-anchored if the text shifts.

    Example:
        >>> Span.from_text("over 800 million users", 5, 16).exact
        '800 million'
        >>> Span(doc_id="d", start=3, end=1, exact="")
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Span
        ...
    """

    model_config = _CONFIG

    doc_id: str = ""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    exact: str
    prefix: str = ""
    suffix: str = ""

    @model_validator(mode="after")
    def _check_offsets(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.exact) != self.end - self.start:
            raise ValueError(
                f"span exact has {len(self.exact)} characters but covers {self.end - self.start}"
            )
        return self

    @classmethod
    def from_text(cls, text: str, start: int, end: int, doc_id: str = "") -> Span:
        """Build a span over ``text[start:end]`` with its prefix and suffix context.

        Example:
            >>> Span.from_text("abc def", 4, 7, doc_id="x").model_dump()["exact"]
            'def'
        """
        return cls(
            doc_id=doc_id,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )


class Quantity(BaseModel):
    """One quantity mention in a text, with the interval it asserts.

    ``value`` is the number as stated (800000000 for "over 800 million"); ``low``/``high``
    are the interval it asserts (``None`` = unbounded), with inclusive flags. ``unit`` is a
    pint unit name (``month``, ``percent``, ``kilometer``) or an ISO 4217 currency code
    (``USD``); a rate is a pint expression of both, written ``"<unit> per <unit>"``
    (``"USD per month"`` for "$2,800 a month", ``"barrel per day"``, ``"USD per person"``
    for "per capita"; pint reads it as ``USD / month``); ``None`` for a plain count. ``counted`` is the counted noun in the
    singular. ``rule`` names the pattern that produced the reading (for debugging and
    provenance).

    ``kind`` is one of ``count, percent, currency, duration, dimension, ordinal,
    multiplier, date, age``. ``age`` is the age of a person or thing ("aged 58", "Dupont,
    58,"): its unit is the time unit it is counted in (``year``, ``month``), but it is not
    a duration and should never be compared with one. ("a 58-year-old", rule
    ``<n>-<unit>-old``, is still given as kind ``duration`` while claims.py finds its age
    metric there; the parser's ``_OLD_AGE_KIND`` switches it.)

    ``qualifier`` says how the number relates to the interval: ``exact``, ``approximate``,
    ``more_than`` (v, ∞), ``at_least`` [v, ∞), ``less_than``, ``at_most``, ``range``.
    Vague plurals ("dozens", "hundreds", "tens of thousands", "several hundred") are
    ranges: ``low`` the lower end (also the ``value``), ``high`` the upper end with
    ``high_inclusive=False``; show them as intervals, never as "about 24".

    Three fields say how the figure was stated:

    - ``change``: ``"increase"`` or ``"decrease"`` where the text states a direction of
      change for this figure ("up 6.2 per cent", "fell 4%", "a 5% drop"); ``None``
      otherwise. In "up 6.2 per cent to $71" the change is one quantity (6.2 percent,
      increase) and the new level another ($71, no change).
    - ``hedge``: the qualifier phrase as written, lower-cased and whitespace-collapsed
      ("nearly", "more than", "an estimated", "or more", ">="); ``None`` when there is none.
    - ``step``: the place value of the last stated digit, in the quantity's own unit,
      with the scale applied: "143.8 million" → 100000.0, "10 kilometers" → 1.0,
      "$2.6m" → 100000.0, "two million" → 1000000.0, "6.2 miles" → 0.1. Half of it is
      the rounding of a stated figure. ``None`` when there is no value.

    Example:
        >>> import claimcheck as cc
        >>> q = cc.parse_quantities("It has over 800 million users.")[0]
        >>> q.text, q.value, q.low, q.high, q.low_inclusive, q.qualifier, q.counted
        ('over 800 million users', 800000000.0, 800000000.0, None, False, 'more_than', 'user')
        >>> q.hedge, q.step, q.change
        ('over', 1000000.0, None)
        >>> up, level = cc.parse_quantities("Shares were up 6.2 per cent to $71.")
        >>> (up.value, up.unit, up.change, up.step), (level.value, level.unit, level.change)
        ((6.2, 'percent', 'increase', 0.1), (71.0, 'USD', None))
        >>> d = cc.parse_quantities("Dozens of people were hurt.")[0]
        >>> d.qualifier, d.low, d.high, d.high_inclusive
        ('range', 24.0, 144.0, False)
        >>> a = cc.parse_quantities("The driver, aged 58, was unhurt.")[0]
        >>> a.kind, a.unit, a.value
        ('age', 'year', 58.0)
        >>> cc.parse_quantities("Nurses earn $2,800 a month.")[0].unit
        'USD per month'
    """

    model_config = _CONFIG

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: float | None = None
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualifier: Qualifier = "exact"
    unit: str | None = None
    counted: str | None = None
    kind: Kind = "count"
    rule: str = ""
    latent: bool = False
    change: Change | None = None
    hedge: str | None = None
    step: float | None = None

    @model_validator(mode="after")
    def _check(self) -> Quantity:
        if self.end < self.start or len(self.text) != self.end - self.start:
            raise ValueError("quantity text does not match its offsets")
        for name in ("value", "low", "high", "step"):
            v = getattr(self, name)
            if v is not None and not math.isfinite(v):
                raise ValueError(f"quantity {name} must be finite, got {v}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"quantity low {self.low} is above high {self.high}")
        if self.step is not None and self.step <= 0:
            raise ValueError(f"quantity step must be positive, got {self.step}")
        return self

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` offsets.

        Example:
            >>> Quantity(text="5", start=2, end=3, value=5, low=5, high=5).span
            (2, 3)
        """
        return (self.start, self.end)

    def to_pint(self) -> pint.Quantity[Any]:
        """The value as a ``pint.Quantity`` in the claimcheck registry.

        Raises :class:`claimcheck.UnitError` when the quantity has no unit or no value.

        Example:
            >>> q = Quantity(text="2 weeks", start=0, end=7, value=2, low=2, high=2,
            ...              unit="week", kind="duration")
            >>> q.to_pint().to("day").magnitude
            14.0
        """
        from .errors import UnitError
        from .units import to_pint

        if self.unit is None or self.value is None:
            raise UnitError(f"{self.text!r} has no unit to express in pint")
        return to_pint(self.value, self.unit)


class Document(BaseModel):
    """One news text and what is known about it.

    Example:
        >>> d = Document(id="a", text="Five people died.", source="AP",
        ...              published="2014-05-28")
        >>> d.published
        datetime.date(2014, 5, 28)
    """

    model_config = _CONFIG

    id: str = Field(min_length=1)
    text: str
    source: str | None = None
    url: str | None = None
    published: _dt.date | None = None
    title: str | None = None


class Attribution(BaseModel):
    """Who a text says stated a claim.

    ``chain`` lists the speakers outermost first: "Xinhua said, citing an SIIO statement"
    gives ``["Xinhua", "State Internet Information Office"]``; ``source`` is the outermost
    speaker (``chain[0]``, the one the article quotes directly); :attr:`origin` is the
    innermost (the last of the chain); ``cue`` is the word that signals attribution.

    Example:
        >>> a = Attribution(source="Xinhua", cue="said", chain=("Xinhua",),
        ...                 span=Span(doc_id="d", start=0, end=6, exact="Xinhua"))
        >>> a.origin
        'Xinhua'
    """

    model_config = _CONFIG

    source: str
    cue: str
    chain: tuple[str, ...] = ()
    span: Span

    @property
    def origin(self) -> str:
        """The innermost named source: the last of the chain, else ``source``.

        Example:
            >>> Attribution(source="Xinhua", cue="citing", chain=("Xinhua", "SIIO"),
            ...             span=Span(start=0, end=0, exact="")).origin
            'SIIO'
        """
        return self.chain[-1] if self.chain else self.source


class Relation(BaseModel):
    """A relation a sentence states between two of its own figures.

    "It has more than twice as many users, 396 million, as Weibo's 143.8 million" gives the
    396 million claim a relation ``factor=2, qualifier="more_than"`` to the claim ``other``
    (the 143.8 million one): the text asserts ``396e6 > 2 × 143.8e6``. The check turns it into
    an ``internal`` finding that says whether the text's own numbers bear it out.

    Example:
        >>> r = Relation(factor=2, qualifier="more_than", other="c2",
        ...              span=Span(start=0, end=21, exact="more than twice as many"[:21]))
        >>> r.factor
        2.0
    """

    model_config = _CONFIG

    factor: float
    qualifier: Qualifier = "exact"
    other: str
    span: Span


class Claim(BaseModel):
    """A quantity bound to what it is about, when it held and who says so.

    ``span`` is the evidence (the quantity phrase) and ``sentence`` the sentence holding it.
    When a document repeats the same sentence, the claim is kept once and the other
    occurrences are listed in ``repeats``. ``id`` is stable: the same document text yields the
    same ids on every run and machine.

    Example:
        >>> import claimcheck as cc
        >>> c = cc.extract("WeChat has 355 million monthly active users.")[0]
        >>> c.subject, c.metric, c.quantity.value
        ('WeChat', 'monthly active users', 355000000.0)
    """

    model_config = _CONFIG

    id: str
    doc_id: str
    subject: str | None = None
    subject_text: str | None = None
    metric: str | None = None
    quantity: Quantity
    time: str | None = None
    time_text: str | None = None
    attribution: Attribution | None = None
    span: Span
    sentence: Span
    hedged: bool = False
    negated: bool = False
    repeats: tuple[Span, ...] = ()
    relation: Relation | None = None
    rule: str = ""


class ValueSupport(BaseModel):
    """One value in a finding and what stands behind it.

    ``documents`` counts distinct documents stating it; ``origins`` counts independent
    origins (documents whose attribution chains end in the same source count once).

    Example:
        >>> ValueSupport(value="355 million", claim_ids=("c1",), documents=1, origins=1).origins
        1
    """

    model_config = _CONFIG

    value: str
    claim_ids: tuple[str, ...]
    documents: int = Field(ge=0)
    origins: int = Field(ge=0)
    origin_names: tuple[str, ...] = ()


class Finding(BaseModel):
    """What the check found about a group of claims.

    ``kind`` is one of ``agreement``, ``compatible``, ``conflict``, ``misattribution``,
    ``internal`` (see docs/findings.md). ``spread`` is the relative gap between the
    values where it applies; ``holds`` says, for ``internal`` findings, whether the stated
    relation holds; ``temporal`` marks findings about dates and weekdays.

    Example:
        >>> f = Finding(kind="agreement", subject="campaign", metric="duration",
        ...             message="1 month for campaign duration in 5 documents.")
        >>> f.is_conflict
        False
    """

    model_config = _CONFIG

    kind: FindingKind
    subject: str | None = None
    metric: str | None = None
    time: str | None = None
    claims: tuple[Claim, ...] = ()
    values: tuple[ValueSupport, ...] = ()
    spread: float | None = None
    holds: bool | None = None
    relation: str | None = None
    temporal: bool = False
    message: str

    @property
    def is_conflict(self) -> bool:
        """True for ``conflict`` findings.

        Example:
            >>> Finding(kind="conflict", message="x").is_conflict
            True
        """
        return self.kind == "conflict"


class Report(BaseModel):
    """The outcome of :func:`claimcheck.check`: documents, claims, findings, warnings.

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check(["WeChat has 355 million monthly active users.",
        ...               "WeChat has 396 million monthly active users."])
        >>> [f.kind for f in r.conflicts]
        ['conflict']
    """

    model_config = _CONFIG

    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def conflicts(self) -> list[Finding]:
        """The findings of kind ``conflict``.

        Example:
            >>> Report().conflicts
            []
        """
        return [f for f in self.findings if f.kind == "conflict"]

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON; ``Report.model_validate_json`` reads it back exactly.

        Example:
            >>> r = Report(warnings=("w",))
            >>> Report.model_validate_json(r.to_json()) == r
            True
        """
        return self.model_dump_json(indent=indent)

    def to_markdown(self) -> str:
        """The report as Markdown (see :mod:`claimcheck.report`).

        Example:
            >>> Report().to_markdown().splitlines()[0]
            '# claimcheck report'
        """
        from .report import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        """A self-contained HTML page; all article text is escaped.

        Example:
            >>> "<html" in Report().to_html()
            True
        """
        from .report import to_html

        return to_html(self)

    def _repr_html_(self) -> str:
        from .report import to_html

        return to_html(self, fragment=True)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame, one row per claim and one per finding (needs the ``pandas`` extra).

        Example:
            >>> df = Report().to_dataframe()
            >>> list(df.columns)[:3]
            ['row', 'doc_id', 'claim_id']
        """
        from .report import to_dataframe

        return to_dataframe(self)

    def __str__(self) -> str:
        from .report import to_text

        return to_text(self)
