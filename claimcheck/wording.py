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
import math
import re
from collections.abc import Iterable

from . import _guard
from .lexicon import plural
from .models import Attribution, Claim, Document, Finding

__all__ = [
    "QUALIFIER_WORDS",
    "WHAT_TO_CHECK",
    "according_to",
    "claim_summary",
    "copies_note",
    "date_label",
    "display_subject",
    "docs_text",
    "document_label",
    "finding_claim",
    "fmt_number",
    "format_money",
    "format_value",
    "independence_text",
    "money_amount",
    "natural_key",
    "pct",
    "spread_text",
    "values_in_order",
    "what_to_check",
]

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
#: A vague plural that stands for an interval ("dozens", "hundreds of thousands").
_VAGUE_RE = re.compile(
    r"^((?:dozens|scores|tens|hundreds|thousands|millions|billions)(?: of (?:thousands|millions|billions))?)\b",
    re.IGNORECASE,
)


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
    """A unit's name for a value: "6 miles", "240 kilometers per hour", "47 degrees Celsius"
    (the first word of a compound unit takes the plural)."""
    name = unit.replace("_", " ")
    if v is not None and abs(v) == 1:
        return name
    head, sep, tail = name.partition(" per ")
    if not sep and name.startswith("degree "):  # "47 degrees Celsius"
        head, sep, tail = "degree", " ", name[len("degree "):]
    return (plural(head) if not head.endswith("s") else head) + sep + tail


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
    word = ""
    vague = _VAGUE_RE.match(q.text.strip()) if not re.search(r"\d", q.text) else None
    if vague and q.low is not None and q.high is not None and q.low < q.high:
        # "dozens" is an interval, not "about 24": the word as written, then what it spans
        num = f"{vague.group(1).lower()} ({fmt_number(q.low)}–{fmt_number(q.high)})"
        v: float | None = q.high
    elif q.qualifier == "range" and q.low is not None and q.high is not None:
        num = f"{fmt_number(q.low)}–{fmt_number(q.high)}"
        v = q.high
    elif q.value is not None:
        word = QUALIFIER_WORDS[q.qualifier]
        if q.qualifier == "approximate":  # keep the writer's hedge: "nearly", "some", "around"
            hedge = getattr(q, "hedge", None)
            m = _HEDGE_RE.match(q.text)
            word = f"{hedge} " if hedge else (m.group(1).lower() + " " if m else word)
        num = fmt_number(q.value)
        v = q.value
    else:
        return q.text
    unit = q.unit
    if unit is None:
        return word + num
    if unit == "percent":
        return word + num + "%"
    if re.fullmatch(r"[A-Z]{3}", unit):  # ISO 4217 currency code: "an estimated USD 102 million"
        return f"{word}{unit} {num}"
    return f"{word}{num} {_unit_words(unit, v)}"


def format_money(claim: Claim, currency: str) -> str:
    """:func:`format_value` of a sum of money read in ``currency``: a "$43 billion" an
    Australian outlet wrote reads "AUD 43 billion", whatever the parser took the sign for.

    Example:
        >>> import claimcheck as cc
        >>> c = cc.extract("The Kestrel deal is worth $43 billion.")[0]
        >>> format_value(c), format_money(c, "AUD")
        ('USD 43 billion', 'AUD 43 billion')
    """
    from .units import currency_code

    q = claim.quantity
    code = currency_code(q.unit)
    if code is None or code == currency or q.unit is None or code not in q.unit:
        return format_value(claim)
    moved = q.model_copy(update={"unit": q.unit.replace(code, currency)})
    return format_value(claim.model_copy(update={"quantity": moved}))


def money_amount(value: float, currency: str) -> str:
    """A converted sum as a reader would say it, to four significant digits: "USD 107.3
    million".

    Example:
        >>> money_amount(107270000.0, "USD"), money_amount(1688.6, "GBP")
        ('USD 107.3 million', 'GBP 1,689')
    """
    if not math.isfinite(value):
        return f"{currency} {'more' if value > 0 else 'less'}"
    return f"{currency} {fmt_number(float(f'{value:.4g}'))}"


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
    """A date for a reader: "2 Jul 2013" for an ISO day, "Jul 2013" for an ISO month, the
    value itself otherwise.

    Example:
        >>> date_label("2013-07-02"), date_label("2013-07"), date_label("2004"), date_label(None)
        ('2 Jul 2013', 'Jul 2013', '2004', '')
    """
    if not iso:
        return ""
    if len(iso) == 7 and iso[4] == "-" and iso[:4].isdigit() and iso[5:].isdigit() and 1 <= int(iso[5:]) <= 12:
        return f"{_dt.date(2000, int(iso[5:]), 1).strftime('%b')} {iso[:4]}"
    try:
        d = _dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%b')} {d.year}"


# --------------------------------------------------------------------------- report wording


def spread_text(spread: float | None, kind: str = "conflict") -> str:
    """How far apart a finding's values are, for a label: "11.5% apart", "×150 apart" (a
    ratio past 100%: see :func:`pct`); for ``internal`` findings "margin 9%". Empty for no
    spread.

    Example:
        >>> spread_text(0.115), spread_text(149.0), spread_text(0.09, "internal"), spread_text(None)
        ('11.5% apart', '×150 apart', 'margin 9%', '')
    """
    if spread is None or math.isnan(spread):
        return ""
    if kind == "internal":
        return f"margin {pct(spread)}"
    return f"{pct(spread)} apart"


def values_in_order(values: Iterable[tuple[float | None, str]]) -> list[str]:
    """Value labels sorted by their numbers, smallest first (labels without a number last,
    in the order given), each once.

    Example:
        >>> values_in_order([(3000, "nearly 3,000"), (1250, "about 1,250"), (None, "a few"), (1200, "1,200")])
        ['1,200', 'about 1,250', 'nearly 3,000', 'a few']
    """
    seen: dict[str, float | None] = {}
    for v, label in values:
        seen.setdefault(label, v)
    order = sorted(enumerate(seen.items()), key=lambda x: (x[1][1] is None, x[1][1] or 0.0, x[0]))
    return [label for _, (label, _v) in order]


#: Common nouns that take no article after "according to" ("according to police").
_NO_ARTICLE = frozenset({"police", "officials", "authorities", "witnesses", "residents", "rescuers",
                         "doctors", "sources", "reports", "media", "state media", "organisers", "organizers"})
_DETERMINER_RE = re.compile(r"^(?:the|a|an|his|her|its|their|our|one|two|three|several|some|many|local|"
                            r"state|\d+)\b", re.IGNORECASE)


_PREPOSITION_RE = re.compile(r"\s(?:at|of|in|for|from|on|with)\s")


def _with_article(name: str) -> str:
    name = " ".join(name.split())
    if not name or _DETERMINER_RE.match(name):
        return name  # already determined ("the mayor")
    head = _PREPOSITION_RE.split(name, maxsplit=1)[0].split()
    last = head[-1]
    if not last[:1].islower():
        return name  # a proper name: "Xinhua", "Sutopo Purwo Nugroho"
    if " ".join(head).lower() in _NO_ARTICLE or last.lower() in _NO_ARTICLE or (
            last.endswith("s") and not last.endswith("ss")):
        return name  # a plural: "according to officials", "Aceh police"
    return f"the {name}"  # "the mayor", "the AFP journalist at the scene"


def according_to(attribution: Attribution | None) -> str:
    """An attribution as a reader says it: "according to the mayor", "according to the
    State Internet Information Office, via Xinhua" (innermost source first, then who
    relayed it). Empty for none.

    Example:
        >>> from claimcheck.models import Attribution, Span
        >>> sp = Span(start=0, end=0, exact="")
        >>> according_to(Attribution(source="mayor", cue="told", span=sp))
        'according to the mayor'
        >>> according_to(Attribution(source="Xinhua", cue="citing", chain=("Xinhua", "SIIO"), span=sp))
        'according to SIIO, via Xinhua'
        >>> according_to(Attribution(source="officials", cue="said", span=sp)), according_to(None)
        ('according to officials', '')
        >>> according_to(Attribution(source="AFP journalist at the scene", cue="said", span=sp))
        'according to the AFP journalist at the scene'

    """
    if attribution is None:
        return ""
    chain = [c for c in (attribution.chain or (attribution.source,)) if c and c.strip()]
    if not chain:
        return ""
    inner, relays = chain[-1], chain[:-1]
    out = f"according to {_with_article(inner)}"
    if relays:
        out += ", via " + ", ".join(_with_article(r) for r in reversed(relays))
    return out


_ACRONYMS = frozenset({"UN", "US", "USA", "UK", "EU", "USGS", "AFP", "AP", "BBC", "NATO", "WHO", "UNHCR",
                       "UNRWA", "AMD", "CNN", "NYT", "IRNA", "SIIO"})


def display_subject(name: str | None, start: bool = False) -> str:
    """A canonical subject as a reader should see it: shouted words in ordinary case
    ("EARTHQUAKE" → "earthquake"; known acronyms such as "UN" kept), spaces collapsed;
    ``start=True`` capitalises the first letter, for the start of a line or a heading.
    Names in mixed case ("WeChat", "iPhone") are left as they are.

    Example:
        >>> display_subject("EARTHQUAKE"), display_subject("UN AGENCY"), display_subject("WeChat", start=True)
        ('earthquake', 'UN agency', 'WeChat')
        >>> display_subject("earthquake (Bener Meriah district)", start=True), display_subject(None)
        ('Earthquake (Bener Meriah district)', '')
    """
    if not name:
        return ""
    words = []
    for w in name.split():
        core = w.strip("()[],.;:'\"")
        if len(core) > 1 and core.isupper() and core.isalpha() and core not in _ACRONYMS:
            w = w.lower()
        words.append(w)
    out = " ".join(words)
    if start and out[:1].islower():
        out = out[0].upper() + out[1:]
    return out


#: What a fact-checker should do next, per finding kind (docs/findings.md says the same:
#: keep in sync).
WHAT_TO_CHECK: dict[str, str] = {
    "conflict": "Find each value's original source and the date it refers to: one may be older or count "
                "something else; then decide which to trust, or report both with their sources.",
    "temporal": "Check the day against the earliest report and an official statement: later articles often "
                "give the day they reported the news, not the day it happened.",
    "misattribution": "Trace the figure to its first source: read what it was about, and correct the article "
                      "that pinned it on the wrong subject.",
    "update": "Use the latest figure with its date and source, and say that it changed since earlier reports; "
              "check that a lower later figure is a correction, not a mistake.",
    "internal": "Redo the article's arithmetic from its own figures: a relation that does not hold is worth a "
                "correction request; one that holds confirms the figures were copied consistently.",
    "compatible": "Pick the more precise figure and cite its source; check both describe the same moment "
                  "and the same count.",
    "agreement": "Check the sources are independent: several articles may repeat one origin (see the "
                 "origins), which is one confirmation, not many.",
}


def what_to_check(finding: Finding) -> str:
    """The next step for a fact-checker, in one sentence, for a finding's kind (a dated
    conflict, ``temporal``, has its own).

    Example:
        >>> from claimcheck.models import Finding
        >>> what_to_check(Finding(kind="update", message="m")).split(",")[0]
        'Use the latest figure with its date and source'
    """
    if finding.kind == "conflict" and finding.temporal:
        return WHAT_TO_CHECK["temporal"]
    return WHAT_TO_CHECK.get(finding.kind, "Read the quotes before acting on the finding.")


def claim_summary(claim: Claim) -> str:
    """One line saying what a claim states: metric, subject, value, time, source.

    Example:
        >>> import claimcheck as cc
        >>> c = cc.extract("Xinhua said WeChat has 355 million monthly active users.")[0]
        >>> claim_summary(c)
        'monthly active users of WeChat: 355 million (according to Xinhua)'
    """
    about = " of ".join(x for x in (claim.metric, display_subject(claim.subject)) if x) or "figure"
    when = f", {date_label(claim.time)}" if claim.time and claim.time_basis == "stated" else ""
    attr = according_to(claim.attribution)
    return f"{about}: {format_value(claim)}{when}" + (f" ({attr})" if attr else "")


def finding_claim(finding: Finding) -> str:
    """What a finding is about, as a short claim a review can name (ClaimReview's
    ``claimReviewed``): the metric, the subject and the values in order.

    Example:
        >>> from claimcheck.models import Finding, ValueSupport
        >>> f = Finding(kind="conflict", subject="WeChat", metric="monthly active users", message="m",
        ...             values=(ValueSupport(value="396 million", claim_ids=(), documents=1, origins=1),
        ...                     ValueSupport(value="355 million", claim_ids=(), documents=1, origins=1)))
        >>> finding_claim(f)
        'WeChat monthly active users: 396 million or 355 million'
    """
    about = " ".join(x for x in (display_subject(finding.subject, start=True), finding.metric) if x) or "Figures"
    values = [v.value for v in finding.values]
    return f"{about}: {' or '.join(values)}" if values else about


def copies_note(groups: Iterable[Iterable[str]]) -> str:
    """Which documents carry the same copy, for a finding: "01 and 05 carry the same copy".

    Example:
        >>> copies_note([("01", "05")]), copies_note([("a", "b", "c"), ("x", "y")])
        ('01 and 05 carry the same copy', 'a, b and c carry the same copy; so do x and y')
    """
    parts = []
    for g in groups:
        ids = sorted(set(g), key=natural_key)
        if len(ids) < 2:
            continue
        parts.append(", ".join(ids[:-1]) + " and " + ids[-1])
    if not parts:
        return ""
    return f"{parts[0]} carry the same copy" + "".join(f"; so do {p}" for p in parts[1:])


def independence_text(documents: int, origins: int, copies: Iterable[Iterable[str]] = ()) -> str:
    """How many documents state a value and how many independent origins stand behind it:
    "5 documents, 3 independent origins (01 and 05 carry the same copy)". When one document
    cites several origins it says so instead of "2 documents, 3 independent origins".

    Example:
        >>> independence_text(5, 3, [("01", "05")])
        '5 documents, 3 independent origins (01 and 05 carry the same copy)'
        >>> independence_text(1, 1), independence_text(2, 3)
        ('1 document, 1 origin', '2 documents citing 3 origins')
    """
    docs = f"{documents} document{'s' if documents != 1 else ''}"
    if origins > documents:
        text = f"{docs} citing {origins} origins"
    elif documents == 1 and origins == 1:
        text = f"{docs}, 1 origin"
    else:
        text = f"{docs}, {origins} independent origin{'s' if origins != 1 else ''}"
    note = copies_note(copies)
    return f"{text} ({note})" if note else text


def document_label(doc: Document | None, doc_id: str) -> str:
    """A document as a reader should see it beside a value: "01 · Press TV · 2 Jul 2013".

    Example:
        >>> from claimcheck.models import Document
        >>> document_label(Document(id="01", text="", source="Press TV", published="2013-07-02"), "01")
        '01 · Press TV · 2 Jul 2013'
        >>> document_label(None, "x")
        'x'
    """
    if doc is None:
        return doc_id
    parts = [doc_id, doc.source or "", date_label(doc.published.isoformat()) if doc.published else ""]
    return " · ".join(p for p in parts if p)
