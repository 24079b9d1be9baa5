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
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    FieldSerializationInfo,
    ValidationError,
    field_serializer,
    field_validator,
    model_validator,
)

from ._guard import finite, json_controls, natural_key, replace_surrogates
from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = [
    "Attribution",
    "Change",
    "Claim",
    "CurrencyBasis",
    "CurrencyReading",
    "Document",
    "DocumentError",
    "Finding",
    "FindingKind",
    "Kind",
    "Qualifier",
    "Quantity",
    "Relation",
    "Report",
    "SetAside",
    "Span",
    "ValueSupport",
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
FindingKind = Literal["agreement", "compatible", "conflict", "misattribution", "internal", "update"]
#: Where a claim's as-of time comes from: its sentence states it, it is an earlier figure the
#: document recalls ("the UN said earlier"), the date of the background event it is about,
#: or the document's publication date.
TimeBasis = Literal["stated", "earlier", "event", "published"]

#: How the check decided which currency a money figure is in (see :class:`CurrencyReading`).
CurrencyBasis = Literal["written", "conversion", "outlet", "document", "ambiguous"]

#: Characters of context kept on each side of a span (W3C TextQuoteSelector prefix/suffix).
CONTEXT_CHARS = 32

_CONFIG = ConfigDict(frozen=True, extra="forbid")

#: Every string field of every model: a ``str`` whose lone surrogates (``"\ud800"``, which
#: no UTF-8 encoder takes) are replaced by U+FFFD before validation, one character for one, so
#: offsets stay valid and every model can be written as JSON, HTML or text. ``check`` says
#: so in ``Report.warnings`` (see :func:`claimcheck._guard.document_warnings`).
def _no_surrogates(v: object) -> object:
    # (one call a string field: an ASCII string, the usual case, is returned at once)
    if type(v) is str and v.isascii():
        return v
    return replace_surrogates(v) if isinstance(v, str) else v


Text = Annotated[str, BeforeValidator(_no_surrogates)]


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

    doc_id: Text = ""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    exact: Text
    prefix: Text = ""
    suffix: Text = ""

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
        lo = max(0, start - CONTEXT_CHARS) if type(start) is int else 0
        if cls is Span and type(text) is str and type(doc_id) is str and type(start) is int \
                and type(end) is int and 0 <= start <= end <= len(text) and doc_id.isascii() \
                and text[lo : end + CONTEXT_CHARS].isascii():
            # What validation would check holds by construction (offsets in range, ASCII has
            # no lone surrogate), and the extractor makes thousands: built as the quantity
            # parser builds its quantities; the result equals the validated Span.
            span = _new_object(cls)
            _set_attribute(span, "__dict__", {"doc_id": doc_id, "start": start, "end": end, "exact": text[start:end],
                                              "prefix": text[lo:start], "suffix": text[end : end + CONTEXT_CHARS]})
            _set_attribute(span, "__pydantic_fields_set__", _SPAN_FIELDS_SET)
            _set_attribute(span, "__pydantic_extra__", None)
            _set_attribute(span, "__pydantic_private__", None)
            return span
        return cls(
            doc_id=doc_id,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )


_new_object = object.__new__
_set_attribute = object.__setattr__
#: One set for all the spans from_text builds (pydantic copies it before changing it)
_SPAN_FIELDS_SET = {"doc_id", "start", "end", "exact", "prefix", "suffix"}


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

    text: Text
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: float | None = None
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualifier: Qualifier = "exact"
    unit: Text | None = None
    counted: Text | None = None
    kind: Kind = "count"
    rule: Text = ""
    latent: bool = False
    change: Change | None = None
    hedge: Text | None = None
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

    def to_pint(self, registry: Any = None) -> pint.Quantity[Any]:
        """The value as a ``pint.Quantity`` of ``registry``, by default pint's application
        registry (``pint.get_application_registry()``), so that it combines with the
        quantities of your own code; pass your ``pint.UnitRegistry`` to use that one. A
        currency the registry lacks is defined in it first (see
        :func:`claimcheck.exports.to_pint`).

        Raises :class:`claimcheck.UnitError` when the quantity has no unit or no value.

        Example:
            >>> import pint
            >>> q = Quantity(text="2 weeks", start=0, end=7, value=2, low=2, high=2,
            ...              unit="week", kind="duration")
            >>> q.to_pint().to("day").magnitude
            14.0
            >>> (q.to_pint() + 1 * pint.get_application_registry().day).to("day").magnitude
            15.0
        """
        from .exports import to_pint

        return to_pint(self, registry)


#: What ``Document.published`` accepts as text, for error messages.
_DATE_FORMS = "an ISO date or timestamp (2025-03-04, 2025-03-04T09:30Z, 2025-03-04T09:30+01:00)"


def _date_of(value: Any) -> Any:
    """``Document.published`` as a date: a datetime (or an ISO timestamp, with or without a
    time zone) is read as its own date, the day in the zone it is written in; a date
    string as that date. Anything else is left to pydantic, which refuses it."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) <= 10:
                return _dt.date.fromisoformat(text)
            return _dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise ValueError(f"{value!r} is not {_DATE_FORMS}") from None
    return value


class DocumentError(InputError, ValidationError):
    """A :class:`Document` built with a bad field: one line naming the document and the
    field. It is an :class:`~claimcheck.InputError` (the error every bad argument raises)
    and, for code written against pydantic, a ``pydantic.ValidationError`` too.

    Example:
        >>> try:
        ...     Document(id="a", text="x", published="last Tuesday")
        ... except InputError as e:
        ...     print(e)
        document 'a': published 'last Tuesday' is not an ISO date or timestamp (2025-03-04, 2025-03-04T09:30Z, 2025-03-04T09:30+01:00)
    """

    message: str = ""

    def __str__(self) -> str:
        return self.message


def _doc_label(data: dict[str, Any]) -> str:
    doc_id = data.get("id")
    if isinstance(doc_id, str) and doc_id.strip():
        return f"document {replace_surrogates(doc_id)!r}"
    return "document"


def _field_problem(error: Any, data: dict[str, Any]) -> str:
    """One field's problem, in words: "id must not be empty", "text must be a string, not bytes"."""
    loc = error.get("loc") or ("?",)
    name = str(loc[0])
    kind = error.get("type", "")
    value = data.get(name)
    if kind == "missing":
        return f"{name} is required"
    if kind == "extra_forbidden":
        return f"unknown field {name!r} (a Document has {', '.join(Document.model_fields)})"
    if name == "id" and isinstance(value, str):
        return "id must not be empty"
    if name == "published":
        ctx = error.get("ctx") or {}
        if kind == "value_error" and "error" in ctx:
            return f"published {ctx['error']}"
        return ("published must be a date, a datetime or an ISO string (2025-03-04, 2025-03-04T09:30Z), "
                f"not {type(value).__name__}")
    if kind in ("string_type", "str_type"):
        hint = '; decode bytes first, e.g. data.decode("utf-8")' if isinstance(value, (bytes, bytearray)) else ""
        optional = "" if name in ("id", "text") else " or None"
        return f"{name} must be a string{optional}, not {type(value).__name__}{hint}"
    return f"{name}: {error.get('msg', 'invalid')}"


def _document_error(data: dict[str, Any], e: ValidationError) -> InputError:
    errors = e.errors(include_url=False)
    message = f"{_doc_label(data)}: " + "; ".join(_field_problem(x, data) for x in errors)
    try:
        out: InputError = DocumentError.from_exception_data(e.title, e.errors(include_url=False))  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):  # an error pydantic cannot rebuild: still one InputError line
        out = InputError(message)
    out.message = message  # type: ignore[attr-defined]
    return out


class Document(BaseModel):
    """One news text and what is known about it.

    - ``id``: a non-empty name, unique within a check (a file name without its extension,
      a feed's article id).
    - ``text``: the text claims are read from; every offset in a report points into it.
    - ``source`` (the outlet), ``url``, ``title``: strings or ``None``.
    - ``published``: a date; a ``datetime`` or an ISO timestamp (``"2013-07-02T13:28Z"``,
      ``"2013-07-03T06:22+10:00"``, a time zone or none) is read as its own date, the day
      in the zone it is written in. Relative times ("on Tuesday") resolve against it.
    - ``story``: the story the document belongs to, when a run holds several
      (:func:`claimcheck.check_stories` and ``claimcheck check --stories`` give one report
      per story); :func:`claimcheck.check` does not read it.

    A bad field raises :class:`DocumentError` (an :class:`~claimcheck.InputError`) naming
    the document and the field.

    Example:
        >>> import datetime
        >>> d = Document(id="a", text="Five people died.", source="AP",
        ...              published="2014-05-28")
        >>> d.published
        datetime.date(2014, 5, 28)
        >>> Document(id="b", text="", published="2013-07-03T06:22+10:00").published
        datetime.date(2013, 7, 3)
        >>> Document(id="", text="Five people died.")
        Traceback (most recent call last):
        ...
        claimcheck.models.DocumentError: document: id must not be empty
    """

    # strict: bytes are not decoded on the quiet, nor numbers turned into ids
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    id: Text = Field(min_length=1, pattern=r"\S")
    text: Text
    source: Text | None = None
    url: Text | None = None
    published: Annotated[_dt.date | None, BeforeValidator(_date_of)] = None
    title: Text | None = None
    story: Text | None = None

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as e:
            raise _document_error(data, e) from None


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

    source: Text
    cue: Text
    chain: tuple[Text, ...] = ()
    span: Span
    rule: str = ""

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

    @field_validator("factor")
    @classmethod
    def _finite_factor(cls, v: float) -> float:
        f = finite(v)
        if f is None:
            raise ValueError("relation factor must be a number, got nan")
        return f

    other: Text
    span: Span


class Claim(BaseModel):
    """A quantity bound to what it is about, when it held and who says so: its *frame*.

    - ``subject``: what the figure is about. For figures an event owns (a death toll, a
      magnitude, the loot) it is the event, or the part of it ``scope`` names:
      ``"earthquake"``, ``"earthquake (Bener Meriah district)"``; for other figures the
      entity the sentence names (``"WeChat"``). ``subject_text`` is as written.
    - ``metric``: canonical, from the lexicon of what news counts (``data/metrics.toml``):
      "deaths" for killed / dead / death toll / lives / bodies; ``metric_text`` as written.
    - ``event``: the event the figure belongs to, and ``background``: True when the text
      sets that event apart from its own (a recalled earlier quake, "another raid").
    - ``scope``: the place, site or subset the figure covers ("Takengon", "mosque",
      "children"), or ``None`` for the whole.
    - ``time``: the as-of time (ISO where known) and ``time_basis`` where it comes from:
      ``stated`` in the sentence, ``earlier`` (a figure the document recalls as older than
      itself), ``event`` (a background event's date) or ``published`` (the document's
      date). ``provisional`` marks a running count ("so far", "rose to", "at least").
    - ``span`` is the evidence (the quantity phrase) and ``sentence`` its sentence; a
      sentence the document repeats gives one claim listing the others in ``repeats``.
    - ``rule`` names the rule that took each decision: ``{"metric": "verb of a count",
      "subject": "event owner", "event": "document event", "attribution": "speaker before
      the verb", ...}`` (``"attribution": "not a cue"`` when a reporting word was turned
      down and the writer speaks). docs/claims.md lists every rule.
    - ``id`` is stable: the same document text yields the same ids on every run and machine,
      from :func:`claimcheck.extract` and from :func:`claimcheck.check` alike.

    Example:
        >>> import claimcheck as cc
        >>> c = cc.extract("WeChat has 355 million monthly active users.")[0]
        >>> c.subject, c.metric, c.quantity.value, c.rule["subject"]
        ('WeChat', 'monthly active users', 355000000.0, 'clause subject')
    """

    model_config = _CONFIG

    id: Text
    doc_id: Text
    subject: Text | None = None
    subject_text: Text | None = None
    metric: Text | None = None
    metric_text: Text | None = None
    quantity: Quantity
    event: Text | None = None
    background: bool = False
    scope: Text | None = None
    time: Text | None = None
    time_text: Text | None = None
    time_basis: TimeBasis | None = None
    provisional: bool = False
    attribution: Attribution | None = None
    span: Span
    sentence: Span
    hedged: bool = False
    negated: bool = False
    repeats: tuple[Span, ...] = ()
    relation: Relation | None = None
    rule: dict[str, str] = Field(default_factory=dict)


class SetAside(BaseModel):
    """A quantity that is not a claim, and the rule that set it aside.

    ``rule`` names the rule ("date or multiplier", "conversion", "no metric", ...);
    ``reason`` says it in a sentence.

    Example:
        >>> from claimcheck.models import Quantity
        >>> q = Quantity(text="2004", start=3, end=7, value=2004, kind="date")
        >>> SetAside(doc_id="d", quantity=q, rule="date or multiplier", reason="a date").rule
        'date or multiplier'
    """

    model_config = _CONFIG

    doc_id: Text
    quantity: Quantity
    rule: Text
    reason: Text = ""


class ValueSupport(BaseModel):
    """One value in a finding and what stands behind it.

    ``documents`` counts distinct documents stating it; ``origins`` counts independent
    origins (documents whose attribution chains end in the same source count once, and so
    do documents carrying the same wire copy: see :func:`claimcheck.exports.shared_sentences`).

    Example:
        >>> ValueSupport(value="355 million", claim_ids=("c1",), documents=1, origins=1).origins
        1
    """

    model_config = _CONFIG

    value: Text = Field(description="The value as a reader would say it ('over 800 million').")
    claim_ids: tuple[Text, ...] = Field(description="Ids of the claims stating the value.")
    documents: int = Field(ge=0, description="How many distinct documents state the value.")
    origins: int = Field(ge=0, description="How many independent origins stand behind it.")
    origin_names: tuple[Text, ...] = Field((), description="The named origins (innermost sources) behind it.")
    dates: tuple[Text, ...] = Field((), description="The as-of dates of its claims (ISO 8601).")


class CurrencyReading(BaseModel):
    """How a money figure of a finding was read, and at what rate it was compared.

    ``currency`` is the ISO 4217 code the check read the figure in and ``sign`` the sign or
    name as written ("$", "US$", "euros"). ``basis`` says how the currency was decided:

    - ``written``: the figure says it ("US$", "€", "euros", "£");
    - ``conversion``: the document's own bracketed conversion fits only this currency at
      the reference rate ("2 million euros ($2.6 million)" fits US dollars, not Canadian);
    - ``outlet``: the outlet's country, from ``Document.source`` or ``url`` (a "$" in an
      Australian outlet is the Australian dollar; in a French one, the US dollar);
    - ``document``: the document writes this currency explicitly elsewhere ("US$");
    - ``ambiguous``: nothing says which dollar (yen, krona ...) it is: the usual reading
      was assumed, the figure is compared only with figures in that currency and never
      converted, and a gap that reading it as another likely currency of its sign would
      close is no conflict (it never makes a conflict on its own).

    ``converted_to``, ``rate``, ``rate_low``/``rate_high`` and ``rate_date`` give the ECB
    reference rate used when the figure was compared with one in another currency (units
    of ``converted_to`` per unit of ``currency``; a range when the figure refers to a month
    or a year, ``rate_date`` then an ISO 8601 interval).

    Example:
        >>> r = CurrencyReading(claim_id="c1", currency="AUD", sign="$", basis="outlet",
        ...                     why="the outlet is Australian")
        >>> r.ambiguous, r.converted_to
        (False, None)
    """

    model_config = _CONFIG

    claim_id: Text = Field(description="Id of the claim (in Finding.claims).")
    currency: Text = Field(description="The ISO 4217 code the figure was read in.")
    sign: Text | None = Field(None, description="The currency sign or name as written ('$', 'US$', 'euros').")
    basis: CurrencyBasis = Field(description="How the currency was decided: written on the figure, from the "
                                             "document's own conversion, the outlet's country, the document "
                                             "elsewhere, or ambiguous (the usual reading assumed).")
    why: Text = Field("", description="The evidence, in words.")
    converted_to: Text | None = Field(None, description="The currency the figure was compared in, when converted.")
    rate: float | None = Field(None, description="The reference rate used: units of converted_to per unit of "
                                                 "currency (the mean over rate_date when it is a period).")
    rate_low: float | None = Field(None, description="The lowest rate over rate_date, when it is a period.")
    rate_high: float | None = Field(None, description="The highest rate over rate_date, when it is a period.")
    rate_date: Text | None = Field(None, description="The day of the rate (ISO 8601), or the period "
                                                     "('2013-07-01/2013-07-31').")

    @field_validator("rate", "rate_low", "rate_high")
    @classmethod
    def _finite_rate(cls, v: float | None) -> float | None:
        if v is not None and not (math.isfinite(v) and v > 0):
            raise ValueError(f"a rate must be a positive number, got {v}")
        return v

    @property
    def ambiguous(self) -> bool:
        """True when nothing said which currency the sign stands for.

        Example:
            >>> CurrencyReading(claim_id="c", currency="USD", sign="$", basis="ambiguous").ambiguous
            True
        """
        return self.basis == "ambiguous"


class Finding(BaseModel):
    """What the check found about a group of claims.

    ``kind`` is one of ``agreement``, ``compatible``, ``conflict``, ``misattribution``,
    ``internal``, ``update`` (see docs/findings.md). ``spread`` is the relative gap between the
    values where it applies, always finite (a gap too large for a float is stored as the
    largest float, since JSON cannot carry infinity); ``holds`` says, for ``internal``
    findings, whether the stated relation holds; ``temporal`` marks findings about dates
    and weekdays; ``currencies`` says, for money, which currency each figure was read in
    and at what reference rate it was converted (:class:`CurrencyReading`).

    In a report's JSON a finding lists the ids of its claims (each claim is written once, in
    ``Report.claims``); read back, ``claims`` holds the claims themselves again.

    Example:
        >>> f = Finding(kind="agreement", subject="campaign", metric="duration",
        ...             message="1 month for campaign duration in 5 documents.")
        >>> f.is_conflict
        False
    """

    model_config = _CONFIG

    kind: FindingKind = Field(description="What was found (docs/findings.md).")
    subject: Text | None = Field(None, description="What the figures are about.")
    metric: Text | None = Field(None, description="What they measure.")
    time: Text | None = Field(None, description="The as-of time the finding is about, where one applies.")
    claims: tuple[Claim, ...] = Field((), description="The claims involved: in a report's JSON, their ids in "
                                                      "Report.claims.")
    values: tuple[ValueSupport, ...] = Field((), description="Each distinct value with what stands behind it.")
    spread: float | None = Field(None, description="Relative gap between the values (|a - b| / the smaller); "
                                                   "for internal findings the margin to the stated relation.")
    holds: bool | None = Field(None, description="For internal findings: whether the stated relation holds.")
    relation: Text | None = Field(None, description="For internal findings: the relation stated ('more than 2×').")
    temporal: bool = Field(False, description="True for findings about dates and weekdays.")
    currencies: tuple[CurrencyReading, ...] = Field(
        (), description="For money in several currencies or signs that need reading: how each figure was "
                        "read and the reference rate it was compared at.")
    message: Text = Field(description="One plain sentence a person can read.")

    @field_validator("spread")
    @classmethod
    def _finite_spread(cls, v: float | None) -> float | None:
        # JSON has no infinity: an overflowing gap (values near ±1.8e308) is kept as the
        # largest float, so that the report reads back from its JSON exactly.
        return finite(v)

    @property
    def is_conflict(self) -> bool:
        """True for ``conflict`` findings.

        Example:
            >>> Finding(kind="conflict", message="x").is_conflict
            True
        """
        return self.kind == "conflict"

    @property
    def what_to_check(self) -> str:
        """What a fact-checker should do next about this finding, in one sentence (see
        :func:`claimcheck.wording.what_to_check`).

        Example:
            >>> Finding(kind="misattribution", message="m").what_to_check.split(":")[0]
            'Trace the figure to its first source'
        """
        from .wording import what_to_check

        return what_to_check(self)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """The documents of the finding's claims, each once, in natural order ("doc2" before
        "doc10").

        Example:
            >>> Finding(kind="agreement", message="m").doc_ids
            ()
        """
        return tuple(sorted({c.doc_id for c in self.claims}, key=natural_key))


class Report(BaseModel):
    """The outcome of :func:`claimcheck.check`: documents, claims, findings, warnings.

    Its JSON (:meth:`to_json`, also ``model_dump``) writes each claim once: findings cite
    claim ids, spans and quantities point into the documents' text and default values are
    left out (:mod:`claimcheck.exports`); ``Report.model_validate_json`` puts it all back.

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check(["WeChat has 355 million monthly active users.",
        ...               "WeChat has 396 million monthly active users."])
        >>> [f.kind for f in r.conflicts]
        ['conflict']
        >>> r
        Report(2 documents, 2 claims, 1 finding: 1 conflict)
    """

    model_config = _CONFIG

    schema_version: Literal["2"] = Field(
        "2", description="Version of this JSON layout (claimcheck.exports.SCHEMA_VERSION). JSON without one "
                         "is the layout before 2, which still reads.")
    documents: tuple[Document, ...] = Field((), description="The documents checked, sorted by id.")
    claims: tuple[Claim, ...] = Field((), description="Every claim, once, sorted by document and position.")
    findings: tuple[Finding, ...] = Field((), description="What the check found, conflicts first.")
    set_aside: tuple[SetAside, ...] = Field((), description="Every figure that gave no claim, with the rule "
                                                            "that set it aside.")
    warnings: tuple[Text, ...] = Field((), description="Everything skipped, capped or assumed.")

    @model_validator(mode="before")
    @classmethod
    def _expand(cls, data: Any) -> Any:
        from .exports import expand_report

        return expand_report(data)

    @field_serializer("claims")
    def _dump_claims(self, claims: tuple[Claim, ...], info: FieldSerializationInfo) -> list[dict[str, Any]]:
        from .exports import dump_claims

        return dump_claims(self, info.mode)

    @field_serializer("findings")
    def _dump_findings(self, findings: tuple[Finding, ...], info: FieldSerializationInfo) -> list[dict[str, Any]]:
        from .exports import dump_findings

        return dump_findings(self, info.mode)

    @field_serializer("set_aside")
    def _dump_set_aside(self, set_aside: tuple[SetAside, ...], info: FieldSerializationInfo) -> list[dict[str, Any]]:
        from .exports import dump_set_aside

        return dump_set_aside(self, info.mode)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The JSON schema of the report's JSON (committed as ``docs/schema/report.json``):
        pydantic's, with ``$schema``, ``$id``, a description on every field and the report's
        layout (see :func:`claimcheck.exports.report_schema`).

        Example:
            >>> Report.model_json_schema()["$id"]
            'urn:claimcheck:schema:report:2'
        """
        from .exports import report_schema

        return report_schema(super().model_json_schema(*args, **kwargs))

    def __repr__(self) -> str:
        from .report import summary

        return f"Report({summary(self).replace(' (', ': ', 1).rstrip(')')})"

    @property
    def conflicts(self) -> list[Finding]:
        """The findings of kind ``conflict``.

        Example:
            >>> Report().conflicts
            []
        """
        return [f for f in self.findings if f.kind == "conflict"]

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id.

        Raises:
            KeyError: no claim of the report has it.

        Example:
            >>> import claimcheck as cc
            >>> r = cc.check(["Five people died."])
            >>> r.claim(r.claims[0].id).quantity.value
            5.0
        """
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)

    def to_json(self, *, indent: int | None = None) -> str:
        """The report as JSON; ``Report.model_validate_json`` reads it back exactly.

        Each claim is written once (findings cite claim ids), spans and quantities point
        into the documents' text, and default values are left out; the layout is
        ``docs/schema/report.json`` (``schema_version`` "2"). The JSON is for programs and
        comes on one line; ``indent=2`` lays it out for reading.

        No control character appears raw: C0 controls are escaped by pydantic, DEL, C1
        controls and U+2028/U+2029 by :func:`claimcheck._guard.json_controls` (``\\u009b``),
        which reads back as the same character.

        Example:
            >>> r = Report(warnings=("w\\x9b",))
            >>> "\\x9b" in r.to_json(), Report.model_validate_json(r.to_json()) == r
            (False, True)
        """
        return json_controls(self.model_dump_json(indent=indent))

    def to_markdown(self) -> str:
        """The report as Markdown (see :mod:`claimcheck.report`).

        Example:
            >>> Report().to_markdown().splitlines()[0]
            '# claimcheck report'
        """
        from .report import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        """A self-contained HTML page; all article text is escaped (see
        :func:`claimcheck.report.to_html`).

        Example:
            >>> "<html" in Report().to_html()
            True
        """
        from .report import to_html

        return to_html(self)

    def _repr_html_(self) -> str:
        from .report import to_html

        return to_html(self, fragment=True)

    def claims_frame(self) -> Any:
        """A pandas DataFrame, one row per claim, with its document's source, date and URL
        (see :func:`claimcheck.report.claims_frame`; needs the ``pandas`` extra).

        Example:
            >>> list(Report().claims_frame().columns[:4])
            ['claim_id', 'doc_id', 'source', 'published']
        """
        from .report import claims_frame

        return claims_frame(self)

    def findings_frame(self) -> Any:
        """A tidy pandas DataFrame, one row per claim of each finding, numbered by
        ``finding`` (see :func:`claimcheck.report.findings_frame`; needs the ``pandas`` extra).

        Example:
            >>> list(Report().findings_frame().columns[:3])
            ['finding', 'kind', 'subject']
        """
        from .report import findings_frame

        return findings_frame(self)

    def to_dataframe(self) -> Any:
        """The older mixed table: one row per claim and one per finding (needs the ``pandas``
        extra). Prefer :meth:`claims_frame` and :meth:`findings_frame`, where every column
        means one thing.

        Values are exact, as in the report; write CSV for spreadsheets with :meth:`to_csv`,
        which neutralises cells a spreadsheet would run as formulas.

        Example:
            >>> df = Report().to_dataframe()
            >>> list(df.columns)[:3]
            ['row', 'doc_id', 'claim_id']
        """
        from .report import to_dataframe

        return to_dataframe(self)

    def to_csv(self, table: Literal["rows", "claims", "findings"] = "rows") -> str:
        """A table as CSV, with formula-like cells neutralised: a text cell starting with
        ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading ``'`` (see
        :func:`claimcheck.report.to_csv`). ``table``: ``"rows"`` (:meth:`to_dataframe`,
        the default), ``"claims"`` (:meth:`claims_frame`) or ``"findings"``
        (:meth:`findings_frame`). Needs the ``pandas`` extra.

        Example:
            >>> Report().to_csv().splitlines()[0].split(",")[:3]
            ['row', 'doc_id', 'claim_id']
        """
        from .report import to_csv

        return to_csv(self, table)

    def to_claimreview(self, *, url: str | None = None, author: str | None = None,
                       date_published: str | None = None) -> list[dict[str, Any]]:
        """schema.org ClaimReview JSON-LD, one review per conflict and misattribution (see
        :func:`claimcheck.exports.to_claimreview`).

        Example:
            >>> Report().to_claimreview()
            []
        """
        from .exports import to_claimreview

        return to_claimreview(self, url=url, author=author, date_published=date_published)

    def to_web_annotations(self) -> list[dict[str, Any]]:
        """W3C Web Annotation JSON-LD, one annotation per claim with TextQuoteSelector and
        TextPositionSelector (see :func:`claimcheck.exports.to_web_annotations`).

        Example:
            >>> Report().to_web_annotations()
            []
        """
        from .exports import to_web_annotations

        return to_web_annotations(self)

    def __str__(self) -> str:
        from .report import to_text

        return to_text(self)
