"""Lexicons: the word lists claimcheck reads from ``claimcheck/data/*.toml``.

Every data file is loaded once (``functools.cache``) with the standard library's
``tomllib``, checked, and handed out as frozen mappings. A file that is missing, is not
valid TOML or breaks the format its header comment describes raises
:class:`claimcheck.LexiconError`; nothing else in claimcheck has to re-check it.

Any module can read its own file with :func:`load_toml`; the quantity parser's tables
have typed accessors: :func:`numbers`, :func:`qualifiers`, :func:`units`.

Example:
    >>> from claimcheck import lexicon
    >>> lexicon.numbers().cardinals["twenty"]
    20.0
    >>> lexicon.qualifiers()["at least"].qualifier
    'at_least'
    >>> lexicon.units().currency_prefixes["€"]
    'EUR'
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import LexiconError

__all__ = [
    "QUALIFIERS",
    "WORDS",
    "ChangeWords",
    "NumberWords",
    "Plural",
    "QualifierEntry",
    "RuleWords",
    "UnitEntry",
    "UnitLexicon",
    "changes",
    "load_toml",
    "numbers",
    "plural",
    "plural_forms",
    "postfix_qualifiers",
    "qualifiers",
    "units",
]

#: Where the data files live (inside the installed package).
DATA_DIR = Path(__file__).resolve().parent / "data"

#: The qualifier names a qualifiers.toml entry may use (``range`` is produced by the
#: parser, never by a word; ``exact`` by a word only where it says so: "equal to").
QUALIFIERS = frozenset({"exact", "approximate", "more_than", "at_least", "less_than", "at_most"})
_UNIT_KINDS = frozenset({"dimension", "duration", "percent", "temperature", "currency"})


@functools.cache
def load_toml(name: str) -> Mapping[str, Any]:
    """Load ``claimcheck/data/<name>`` (TOML) once and return it read-only.

    Args:
        name: the file name inside ``claimcheck/data`` (``"numbers.toml"``).

    Returns:
        The parsed document (top level wrapped in a read-only mapping).

    Raises:
        LexiconError: the file is missing or is not valid TOML.

    Example:
        >>> load_toml("numbers.toml")["scales"]["million"]
        1000000.0
    """
    try:
        raw = (DATA_DIR / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise LexiconError(f"data/{name}: cannot read: {e}") from e
    try:
        return MappingProxyType(tomllib.loads(raw))
    except tomllib.TOMLDecodeError as e:
        raise LexiconError(f"data/{name}: not valid TOML: {e}") from e


def _table(doc: Mapping[str, Any], key: str, file: str) -> dict[str, Any]:
    value = doc.get(key, {})
    if not isinstance(value, dict):
        raise LexiconError(f"data/{file}: [{key}] must be a table")
    return value


def _numeric_table(doc: Mapping[str, Any], key: str, file: str) -> Mapping[str, float]:
    out: dict[str, float] = {}
    for word, v in _table(doc, key, file).items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise LexiconError(f"data/{file}: [{key}] {word!r} must be a non-negative number")
        out[word if key in {"suffixes", "vulgar"} else word.lower()] = float(v)
    return MappingProxyType(out)


@dataclass(frozen=True)
class Plural:
    """A vague plural scale word: "thousands" = [1000, 10000), stated value 1000.

    Example:
        >>> numbers().plurals["thousands"].high
        10000.0
    """

    value: float
    low: float
    high: float
    step: float = 1.0


@dataclass(frozen=True)
class NumberWords:
    """The tables of ``data/numbers.toml`` (see its header for what each holds).

    Example:
        >>> numbers().suffixes_currency["bn"]
        1000000000.0
    """

    cardinals: Mapping[str, float]
    scales: Mapping[str, float]
    suffixes_always: Mapping[str, float]
    suffixes_currency: Mapping[str, float]
    ordinals: Mapping[str, float]
    fractions: Mapping[str, float]
    vulgar: Mapping[str, float]
    plurals: Mapping[str, Plural]
    multipliers: Mapping[str, float]
    collectives: Mapping[str, float]
    decimal_points: frozenset[str]
    decimal_digits: Mapping[str, int]
    vague: Mapping[str, tuple[float, float]]
    fold_words: frozenset[str]
    age_before: frozenset[str]
    labels: frozenset[str]
    names: frozenset[str]
    streets: frozenset[str]
    score_before: frozenset[str]
    score_after: frozenset[str]


@functools.cache
def numbers() -> NumberWords:
    """The number words of ``data/numbers.toml``, checked.

    Raises:
        LexiconError: a table is malformed.

    Example:
        >>> numbers().fractions["third"], numbers().ordinals["third"]
        (3.0, 3.0)
    """
    f = "numbers.toml"
    doc = load_toml(f)
    suffixes = _table(doc, "suffixes", f)
    plurals: dict[str, Plural] = {}
    for word, spec in _table(doc, "plurals", f).items():
        try:
            p = Plural(float(spec["value"]), float(spec["low"]), float(spec["high"]),
                       float(spec.get("step", spec["low"])))
        except (KeyError, TypeError, ValueError) as e:
            raise LexiconError(f"data/{f}: [plurals] {word!r} needs value, low, high") from e
        if not p.low <= p.value < p.high:
            raise LexiconError(f"data/{f}: [plurals] {word!r} must have low <= value < high")
        plurals[word.lower()] = p
    sa = {k: float(v) for k, v in _table(suffixes, "always", f).items()}
    sc = {k: float(v) for k, v in _table(suffixes, "currency", f).items()}
    sc.update(sa)
    ident = _table(doc, "identifiers", f)
    fractions = _numeric_table(doc, "fractions", f)
    if any(v <= 0 for v in fractions.values()):
        raise LexiconError(f"data/{f}: [fractions] denominators must be positive")
    return NumberWords(
        cardinals=_numeric_table(doc, "cardinals", f),
        scales=_numeric_table(doc, "scales", f),
        suffixes_always=MappingProxyType(sa),
        suffixes_currency=MappingProxyType(sc),
        ordinals=_numeric_table(doc, "ordinals", f),
        fractions=fractions,
        vulgar=_numeric_table(doc, "vulgar", f),
        plurals=MappingProxyType(plurals),
        multipliers=_numeric_table(doc, "multipliers", f),
        collectives=_numeric_table(doc, "collectives", f),
        decimal_points=frozenset(w.lower() for w in _word_list(doc, "decimal_point", f)),
        decimal_digits=MappingProxyType(_digit_table(doc, "decimal_digits", f)),
        vague=MappingProxyType(_vague_table(doc, f)),
        fold_words=frozenset(w.lower() for w in _word_list(doc, "fold_words", f)),
        age_before=frozenset(w.lower() for w in _word_list(_table(doc, "age", f), "before", f)),
        labels=frozenset(w.lower() for w in _word_list(ident, "labels", f)),
        names=frozenset(_word_list(ident, "names", f)),
        streets=frozenset(_word_list(ident, "streets", f)),
        score_before=frozenset(w.lower() for w in _word_list(ident, "score_before", f)),
        score_after=frozenset(w.lower() for w in _word_list(ident, "score_after", f)),
    )


def _vague_table(doc: Mapping[str, Any], file: str) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for word, spec in _table(doc, "vague", file).items():
        try:
            low, high = float(spec["low"]), float(spec["high"])
        except (KeyError, TypeError, ValueError) as e:
            raise LexiconError(f"data/{file}: [vague] {word!r} needs low and high") from e
        if not 0 < low < high:
            raise LexiconError(f"data/{file}: [vague] {word!r} must have 0 < low < high")
        out[word.lower()] = (low, high)
    return out


def _word_list(doc: Mapping[str, Any], key: str, file: str) -> list[str]:
    v = doc.get(key, [])
    if not isinstance(v, list) or not all(isinstance(w, str) and w.strip() for w in v):
        raise LexiconError(f"data/{file}: {key} must be a list of non-empty strings")
    return v


def _digit_table(doc: Mapping[str, Any], key: str, file: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for word, v in _table(doc, key, file).items():
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 9:
            raise LexiconError(f"data/{file}: [{key}] {word!r} must be a digit 0-9")
        out[word.lower()] = v
    return out


@dataclass(frozen=True)
class QualifierEntry:
    """One qualifier phrase: its qualifier and, for approximate ones, the tolerance.

    Example:
        >>> q = qualifiers()["nearly"]
        >>> q.qualifier, q.below, q.above
        ('approximate', 0.1, 0.0)
    """

    qualifier: str
    below: float = 0.0
    above: float = 0.0
    not_after: frozenset[str] = frozenset()


@functools.cache
def qualifiers() -> Mapping[str, QualifierEntry]:
    """The qualifier phrases of ``data/qualifiers.toml``, keyed by lower-case phrase.

    Raises:
        LexiconError: an entry names an unknown qualifier or a bad tolerance.

    Example:
        >>> qualifiers()["about"].below
        0.1
    """
    return _qualifier_table("phrases")


@functools.cache
def postfix_qualifiers() -> Mapping[str, QualifierEntry]:
    """The qualifier phrases written after a figure (``[postfix]``: "or more", "or so").

    Example:
        >>> postfix_qualifiers()["or more"].qualifier
        'at_least'
    """
    return _qualifier_table("postfix")


@dataclass(frozen=True)
class ChangeWords:
    """Words that state a direction of change (``[change.*]`` of qualifiers.toml), each
    mapped to ``"increase"`` or ``"decrease"``.

    Example:
        >>> c = changes()
        >>> c.verbs["fell"], c.adverbs["up"], c.after["drop"]
        ('decrease', 'increase', 'decrease')
    """

    verbs: Mapping[str, str]
    adverbs: Mapping[str, str]
    after: Mapping[str, str]
    #: verbs that move a figure they take as object, read with "by" before the amount
    #: ("raised its rate by 50 basis points"); every verb of ``verbs`` is one too
    movers: Mapping[str, str]


@functools.cache
def changes() -> ChangeWords:
    """The change words of ``data/qualifiers.toml``, checked.

    Raises:
        LexiconError: a list is malformed or a word has both directions.

    Example:
        >>> changes().verbs["rose"]
        'increase'
    """
    f = "qualifiers.toml"
    table = _table(load_toml(f), "change", f)
    out: dict[str, dict[str, str]] = {"verbs": {}, "adverbs": {}, "after": {}, "movers": {}}
    for direction in ("increase", "decrease"):
        spec = _table(table, direction, f)
        for key, words in out.items():
            for w in _word_list(spec, key, f):
                w = " ".join(w.lower().split())
                if words.get(w, direction) != direction:
                    raise LexiconError(f"data/{f}: {w!r} is both an increase and a decrease")
                words[w] = direction
    movers = {**out["verbs"], **out["movers"]}
    return ChangeWords(verbs=MappingProxyType(out["verbs"]), adverbs=MappingProxyType(out["adverbs"]),
                       after=MappingProxyType(out["after"]), movers=MappingProxyType(movers))


def _qualifier_table(key: str) -> Mapping[str, QualifierEntry]:
    f = "qualifiers.toml"
    out: dict[str, QualifierEntry] = {}
    for phrase, spec in _table(load_toml(f), key, f).items():
        if not isinstance(spec, dict) or spec.get("qualifier") not in QUALIFIERS:
            raise LexiconError(f"data/{f}: {phrase!r} needs qualifier = one of {sorted(QUALIFIERS)}")
        below, above = spec.get("below", 0.0), spec.get("above", 0.0)
        if spec["qualifier"] == "approximate":
            if not all(isinstance(x, (int, float)) and 0 <= x < 1 for x in (below, above)):
                raise LexiconError(f"data/{f}: {phrase!r} tolerances must lie in [0, 1)")
        elif "below" in spec or "above" in spec:
            raise LexiconError(f"data/{f}: {phrase!r}: only approximate phrases take tolerances")
        key = " ".join(phrase.lower().split())
        not_after = frozenset(w.lower() for w in _word_list(spec, "not_after", f))
        out[key] = QualifierEntry(spec["qualifier"], float(below), float(above), not_after)
    return MappingProxyType(out)


@dataclass(frozen=True)
class UnitEntry:
    """What a unit alias stands for: a pint unit name (or ISO code) and a kind.

    Example:
        >>> units().words["kilometres"]
        UnitEntry(unit='kilometer', kind='dimension', after_a=False)
    """

    unit: str
    kind: str
    after_a: bool = False


@dataclass(frozen=True)
class UnitLexicon:
    """Unit and currency aliases of ``data/units.toml``.

    ``words`` are keyed lower-case (matched case-insensitively, plurals included);
    ``symbols`` are case-sensitive; ``currency_prefixes`` are written before an amount;
    ``currency_glued_prefixes`` (also in ``currency_prefixes``) count only glued to a figure
    with a scale word or a thousands separator ("R26 million", never "R2").

    Example:
        >>> units().symbols["km"].unit, units().words["yuan"].unit
        ('kilometer', 'CNY')
    """

    words: Mapping[str, UnitEntry]
    symbols: Mapping[str, UnitEntry]
    currency_prefixes: Mapping[str, str]
    currency_suffixes: Mapping[str, str]
    currency_glued_prefixes: frozenset[str]
    irregular_plurals: Mapping[str, str]
    stopwords: frozenset[str]
    glued: Mapping[str, UnitEntry]
    rates: Mapping[str, str]
    singulars: frozenset[str]
    measures: frozenset[str]
    compounds: Mapping[str, str]
    minor_currency: Mapping[str, float]
    a_unit_not_before: frozenset[str]
    a_unit_keep_after: frozenset[str]


def plural_forms(word: str) -> list[str]:
    """Regular English plural of the last word of ``word`` (``"century"`` → ``"centuries"``).

    Example:
        >>> plural_forms("inch"), plural_forms("century"), plural_forms("square mile")
        (['inches'], ['centuries'], ['square miles'])
    """
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    return [word + "s"]


def plural(noun: str) -> str:
    """The plural of a counted noun (the singular the parser gives): one pluraliser.

    Example:
        >>> plural("person"), plural("country"), plural("bus"), plural("user")
        ('people', 'countries', 'buses', 'users')
    """
    low = noun.lower()
    irregular = _irregular_plurals()
    if low in irregular:
        p = irregular[low]
        return p if noun[:1].islower() else p[:1].upper() + p[1:]
    if low.endswith(("s", "x", "ch", "sh", "z")):
        return noun + "es" if not low.endswith("s") else noun
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@functools.cache
def _irregular_plurals() -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in units().irregular_plurals.items():  # the first plural the file lists wins
        if k != v:
            out.setdefault(v, k)
    out.update({"police": "police", "staff": "staff", "series": "series", "chinese": "Chinese"})
    return out


def _strings(spec: dict[str, Any], key: str, where: str) -> list[str]:
    v = spec.get(key, [])
    if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
        raise LexiconError(f"data/units.toml: {where}.{key} must be a list of non-empty strings")
    return v


@functools.cache
def units() -> UnitLexicon:
    """The unit and currency aliases of ``data/units.toml``, checked.

    Raises:
        LexiconError: a malformed entry, or one alias given two different meanings.

    Example:
        >>> units().words["euros"].kind
        'currency'
    """
    f = "units.toml"
    doc = load_toml(f)
    words: dict[str, UnitEntry] = {}
    symbols: dict[str, UnitEntry] = {}
    prefixes: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    glued_prefixes: set[str] = set()
    glued: dict[str, UnitEntry] = {}
    rates: dict[str, str] = {}

    def put(table: dict[str, Any], key: str, entry: Any, where: str) -> None:
        old = table.get(key)
        if old is not None and old != entry:
            raise LexiconError(f"data/{f}: {where}: alias {key!r} already means {old}")
        table[key] = entry

    def put_words(spec: dict[str, Any], entry: UnitEntry, where: str) -> None:
        # unit and currency words alike: each word, its regular plurals, listed plurals
        for w in _strings(spec, "words", where):
            w = " ".join(w.lower().split())
            put(words, w, entry, where)
            for p in plural_forms(w):
                put(words, p, entry, where)
        for w in _strings(spec, "plurals", where):
            put(words, " ".join(w.lower().split()), entry, where)

    for name, spec in _table(doc, "units", f).items():
        where = f"[units.{name!r}]"
        if not isinstance(spec, dict) or spec.get("kind") not in _UNIT_KINDS:
            raise LexiconError(f"data/{f}: {where} needs kind = one of {sorted(_UNIT_KINDS)}")
        kind = "dimension" if spec["kind"] == "temperature" else spec["kind"]
        entry = UnitEntry(name, kind, bool(spec.get("after_a", False)))
        put_words(spec, entry, where)
        for s in _strings(spec, "symbols", where):
            put(symbols, s, entry, where)
        for s in _strings(spec, "glued", where):
            put(glued, s, entry, where)
    for name, spec in _table(doc, "rates", f).items():
        for w in _strings(spec, "words", f"[rates.{name!r}]"):
            put(rates, " ".join(w.lower().split()), name, f"[rates.{name!r}]")
    comp = _table(doc, "compounds", f)
    pairs = comp.get("pairs", [])
    if not isinstance(pairs, list) or not all(
        isinstance(pr, list) and len(pr) == 2 and all(isinstance(x, str) for x in pr) for pr in pairs
    ):
        raise LexiconError(f"data/{f}: [compounds] pairs must be [[larger, smaller], ...]")
    minor: dict[str, float] = {}
    for w, v in _table(comp, "minor", f).items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v < 1:
            raise LexiconError(f"data/{f}: [compounds] minor {w!r} must be a fraction in (0, 1)")
        minor[w.lower()] = float(v)
    for code, spec in _table(doc, "currencies", f).items():
        where = f"[currencies.{code}]"
        if not isinstance(spec, dict) or not (len(code) == 3 and code.isupper()):
            raise LexiconError(f"data/{f}: {where} must be a table named by an ISO 4217 code")
        entry = UnitEntry(code, "currency")
        put(symbols, code, entry, where)
        put(prefixes, code, code, where)
        for p in _strings(spec, "prefixes", where):
            put(prefixes, p, code, where)
        for p in _strings(spec, "glued_prefixes", where):
            if not p.isalpha():
                raise LexiconError(f"data/{f}: {where}.glued_prefixes must be letters, got {p!r}")
            put(prefixes, p, code, where)
            glued_prefixes.add(p)
        for s in _strings(spec, "suffixes", where):
            put(suffixes, s, code, where)
        put_words(spec, entry, where)
    counted = _table(doc, "counted", f)
    irregular = {k.lower(): str(v).lower() for k, v in _table(counted, "irregular", f).items()}
    stop = frozenset(w.lower() for w in _strings(counted, "stopwords", "[counted]"))
    singular = frozenset(w.lower() for w in _strings(_table(counted, "singular", f), "words", "[counted.singular]"))
    measures = frozenset(w.lower() for w in _strings(counted, "measures", "[counted]"))
    not_before = frozenset(w.lower() for w in _strings(_table(doc, "a_unit", f), "not_before", "[a_unit]"))
    keep_after = frozenset(w.lower() for w in _strings(_table(doc, "a_unit", f), "keep_after", "[a_unit]"))
    return UnitLexicon(
        words=MappingProxyType(words),
        symbols=MappingProxyType(symbols),
        currency_prefixes=MappingProxyType(prefixes),
        currency_suffixes=MappingProxyType(suffixes),
        currency_glued_prefixes=frozenset(glued_prefixes),
        irregular_plurals=MappingProxyType(irregular),
        stopwords=stop,
        glued=MappingProxyType(glued),
        rates=MappingProxyType(rates),
        singulars=singular,
        measures=measures,
        compounds=MappingProxyType({big: small for big, small in pairs}),
        minor_currency=MappingProxyType(minor),
        a_unit_not_before=not_before,
        a_unit_keep_after=keep_after,
    )


# --------------------------------------------------------------------------- english.toml

#: The reporting-verb flags ``data/english.toml`` may use (see its ``[reporting_flags]``).
REPORTING_FLAGS = frozenset({"clausal", "no_inversion", "cite", "clause_start", "not_a_cue", "figure_object",
                             "estimate_at"})

_ENGLISH_WORDS = (
    "determiners", "speaker_determiners", "prepositions", "pronouns", "speaker_pronouns",
    "relatives", "auxiliaries", "verbish", "particles", "conjunctions", "subordinators",
    "left_stops", "right_stops", "speaker_adverbs", "discourse_openers", "apposition_starts",
    "referring_subjects", "not_names", "not_subjects", "indefinites", "small_numbers",
    "organisation_heads", "directions",
)
_ENGLISH_TIME = ("weekdays", "months", "time_words", "after_report", "frame_openers", "frame_closers")
_ENGLISH_ATTRIBUTION = (
    "prepositions", "participles", "cite_as", "passive", "generic", "documents", "referring",
    "person_nouns", "person_modifiers", "speaking_nouns",
)


def _section_words(doc: Mapping[str, Any], section: str, key: str, file: str) -> frozenset[str]:
    table = _table(doc, section, file)
    if key not in table:
        raise LexiconError(f"data/{file}: [{section}] needs {key!r}")
    v = table[key]
    if not isinstance(v, list) or not all(isinstance(w, str) and w.strip() for w in v):
        raise LexiconError(f"data/{file}: [{section}] {key!r} must be a list of non-empty strings")
    return frozenset(" ".join(w.lower().split()) for w in v)


@dataclass(frozen=True)
class English:
    """The closed-class words of ``data/english.toml``: one frozenset per list, by name.

    ``words``, ``time`` and ``attribution`` map a list's name to its words;
    ``reporting`` maps each reporting verb to its flags (see ``REPORTING_FLAGS``).

    Example:
        >>> e = english()
        >>> "the" in e.words["determiners"], "tuesday" in e.time["weekdays"]
        (True, True)
        >>> sorted(e.reporting["told"])
        ['no_inversion']
    """

    words: Mapping[str, frozenset[str]]
    time: Mapping[str, frozenset[str]]
    attribution: Mapping[str, frozenset[str]]
    reporting: Mapping[str, frozenset[str]]
    verbs: Mapping[str, frozenset[str]]
    verb_forms: Mapping[str, str]
    _flagged: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def verbs_with(self, flag: str) -> frozenset[str]:
        """The reporting verbs carrying ``flag``.

        Example:
            >>> sorted(english().verbs_with("cite"))
            ['cited', 'quoted']
        """
        got = self._flagged.get(flag)
        if got is None:  # read once a flag: the claim stage asks for each sentence
            got = self._flagged[flag] = frozenset(v for v, fl in self.reporting.items() if flag in fl)
        return got


@functools.cache
def _rule_words() -> tuple[Mapping[str, frozenset[str]], Mapping[str, Mapping[str, str]]]:
    f = "english.toml"
    doc = load_toml(f)
    lists = {k: _section_words(doc, "rule_words", k, f) for k in _table(doc, "rule_words", f)}
    maps: dict[str, Mapping[str, str]] = {}
    for k, table in _table(doc, "rule_maps", f).items():
        if not isinstance(table, dict) or not all(isinstance(v, str) and v.strip() for v in table.values()):
            raise LexiconError(f"data/{f}: [rule_maps.{k}] must map words to words")
        maps[k] = MappingProxyType({" ".join(a.lower().split()): b for a, b in table.items()})
    clash = set(lists) & set(maps)
    if clash:
        raise LexiconError(f"data/{f}: {sorted(clash)} is both a [rule_words] list and a [rule_maps] table")
    return MappingProxyType(lists), MappingProxyType(maps)


class RuleWords:
    """The word lists and word maps single rules read, by name: ``WORDS.treated``.

    They live in ``data/english.toml`` under ``[rule_words]`` (lists) and ``[rule_maps]``
    (word → word tables), loaded once on first use. A name the file lacks raises
    :class:`LexiconError`, so a rule never silently reads an empty list.

    Example:
        >>> "treated" in WORDS.treated, WORDS.shapes["deep"]
        (True, 'depth')
        >>> WORDS.no_such_list
        Traceback (most recent call last):
        ...
        claimcheck.errors.LexiconError: data/english.toml: no [rule_words] list or [rule_maps] table 'no_such_list'
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        lists, maps = _rule_words()
        if name in lists or name in maps:
            value = lists[name] if name in lists else maps[name]
            self.__dict__[name] = value  # read in loops over tokens: the next read is direct
            return value
        raise LexiconError(f"data/english.toml: no [rule_words] list or [rule_maps] table {name!r}")


    def clear(self) -> None:
        """Forget what was read (the next read loads ``data/english.toml`` again).

        Example:
            >>> WORDS.clear(); "treated" in WORDS.treated
            True
        """
        self.__dict__.clear()
        _rule_words.cache_clear()


#: The rule word lists of ``data/english.toml`` (see :class:`RuleWords`).
WORDS = RuleWords()


@functools.cache
def english() -> English:
    """The closed-class words of ``data/english.toml``, checked.

    Raises:
        LexiconError: a list is missing or malformed, or a reporting verb has an unknown flag.

    Example:
        >>> "according to" in english().attribution["prepositions"]
        True
    """
    f = "english.toml"
    doc = load_toml(f)
    words = {k: _section_words(doc, "words", k, f) for k in _ENGLISH_WORDS}
    time = {k: _section_words(doc, "time", k, f) for k in _ENGLISH_TIME}
    attribution = {k: _section_words(doc, "attribution", k, f) for k in _ENGLISH_ATTRIBUTION}
    reporting: dict[str, frozenset[str]] = {}
    for verb, flags in _table(doc, "reporting", f).items():
        if not isinstance(flags, list) or not all(isinstance(x, str) for x in flags):
            raise LexiconError(f"data/{f}: [reporting] {verb!r} must be a list of flags")
        bad = set(flags) - REPORTING_FLAGS
        if bad:
            raise LexiconError(f"data/{f}: [reporting] {verb!r} has unknown flags {sorted(bad)}")
        reporting[" ".join(verb.lower().split())] = frozenset(flags)
    if not reporting:
        raise LexiconError(f"data/{f}: [reporting] lists no verb")
    verb_lists = ("possession", "other", "day_verbs", "event_day_verbs", "start_day_verbs", "burn_verbs")
    verbs = {k: _section_words(doc, "verbs", k, f) for k in verb_lists}
    forms = _table(doc, "verb_forms", f)
    if not all(isinstance(v, str) and v.strip() for v in forms.values()):
        raise LexiconError(f"data/{f}: [verb_forms] must map verb forms to participles")
    return English(
        words=MappingProxyType(words),
        time=MappingProxyType(time),
        attribution=MappingProxyType(attribution),
        reporting=MappingProxyType(reporting),
        verbs=MappingProxyType(verbs),
        verb_forms=MappingProxyType({k.lower(): v.lower() for k, v in forms.items()}),
    )


# --------------------------------------------------------------------------- metrics.toml

_OWNERS = frozenset({"event", "entity"})


@dataclass(frozen=True)
class MetricEntry:
    """One canonical metric of ``data/metrics.toml``.

    Example:
        >>> m = metrics().entries["deaths"]
        >>> m.owner, m.cumulative, "killed" in m.verbs
        ('event', True, True)
    """

    name: str
    owner: str
    cumulative: bool
    verbs: frozenset[str]
    nouns: frozenset[str]
    counted: frozenset[str]
    base: str | None
    modifiers: frozenset[str]
    money: bool = False
    event: str | None = None
    varies: bool = False
    estimated: bool = False


@dataclass(frozen=True)
class MetricLexicon:
    """The canonical metrics and the metric synonyms of ``data/metrics.toml``.

    ``by_verb`` and ``by_noun`` map a lower-case word or phrase to the metrics it names
    (in file order); ``synonyms`` maps a normalised variant to its canonical name.

    Example:
        >>> lex = metrics()
        >>> lex.by_noun["bodies"], lex.synonyms["mau"]
        (('deaths',), 'monthly active users')
    """

    entries: Mapping[str, MetricEntry]
    by_verb: Mapping[str, tuple[str, ...]]
    by_noun: Mapping[str, tuple[str, ...]]
    modified: Mapping[tuple[str, str], str]  # (base, modifier) -> metric
    synonyms: Mapping[str, str]


def normalise_words(text: str) -> str:
    """Case-folded, hyphens and underscores as spaces, whitespace collapsed.

    Example:
        >>> normalise_words("Monthly-Active  Users")
        'monthly active users'
    """
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


def _strs(spec: Mapping[str, Any], key: str, where: str, file: str) -> frozenset[str]:
    v = spec.get(key, [])
    if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
        raise LexiconError(f"data/{file}: {where}.{key} must be a list of non-empty strings")
    return frozenset(" ".join(s.lower().split()) for s in v)


@functools.cache
def metrics() -> MetricLexicon:
    """The canonical metrics of ``data/metrics.toml``, checked.

    Raises:
        LexiconError: a malformed table, an unknown owner, a ``base`` that is not a metric,
            or a synonym that is not a string.

    Example:
        >>> metrics().modified[("injured", "critically")]
        'critically injured'
    """
    f = "metrics.toml"
    doc = load_toml(f)
    entries: dict[str, MetricEntry] = {}
    by_verb: dict[str, list[str]] = {}
    by_noun: dict[str, list[str]] = {}
    modified: dict[tuple[str, str], str] = {}
    for name, spec in _table(doc, "metric", f).items():
        where = f"[metric.{name!r}]"
        if not isinstance(spec, dict):
            raise LexiconError(f"data/{f}: {where} must be a table")
        owner = spec.get("owner", "entity")
        if owner not in _OWNERS:
            raise LexiconError(f"data/{f}: {where} owner must be one of {sorted(_OWNERS)}")
        cumulative = spec.get("cumulative", False)
        money = spec.get("money", False)
        if not isinstance(cumulative, bool) or not isinstance(money, bool):
            raise LexiconError(f"data/{f}: {where} cumulative and money must be true or false")
        base = spec.get("base")
        if base is not None and not isinstance(base, str):
            raise LexiconError(f"data/{f}: {where} base must be a metric name")
        e = MetricEntry(
            name=name, owner=owner, cumulative=cumulative,
            verbs=_strs(spec, "verbs", where, f), nouns=_strs(spec, "nouns", where, f),
            counted=_strs(spec, "counted", where, f), base=base,
            modifiers=_strs(spec, "modifier", where, f), money=money,
            event=spec.get("event") if isinstance(spec.get("event"), str) else None,
            varies=spec.get("varies", False) is True,
            estimated=spec.get("estimated", False) is True,
        )
        entries[name] = e
        for v in sorted(e.verbs):
            by_verb.setdefault(v, []).append(name)
        for n in sorted(e.nouns):
            by_noun.setdefault(n, []).append(name)
    for e in entries.values():
        if e.base is not None:
            if e.base not in entries:
                raise LexiconError(f"data/{f}: [metric.{e.name!r}] base {e.base!r} is not a metric")
            for m in e.modifiers:
                modified[(e.base, m)] = e.name
    syn = _table(doc, "synonyms", f)
    if not all(isinstance(v, str) for v in syn.values()):
        raise LexiconError(f"data/{f}: [synonyms] must map strings to strings")
    return MetricLexicon(
        entries=MappingProxyType(entries),
        by_verb=MappingProxyType({k: tuple(v) for k, v in by_verb.items()}),
        by_noun=MappingProxyType({k: tuple(v) for k, v in by_noun.items()}),
        modified=MappingProxyType(modified),
        synonyms=MappingProxyType({normalise_words(k): normalise_words(v) for k, v in syn.items()}),
    )


# --------------------------------------------------------------------------- events.toml


@dataclass(frozen=True)
class EventClass:
    """One kind of event of ``data/events.toml``.

    Example:
        >>> events().classes["robbery"].money
        'value of the loot'
    """

    name: str
    nouns: frozenset[str]
    verbs: frozenset[str]
    money: str | None
    lasting: bool
    containing: bool
    hints: frozenset[str] = frozenset()
    family: str | None = None
    part_of: str | None = None
    named: bool = False
    announced: bool = False
    sentence_hints: frozenset[str] = frozenset()
    #: nouns (with their plurals) of this kind only in a sentence that holds a sentence hint
    hinted_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventLexicon:
    """Event kinds of ``data/events.toml``, and the words that set an event apart.

    ``by_noun`` maps a lower-case event noun (singular or plural) to its kinds, in file
    order; ``by_verb`` the same for event verbs.

    Example:
        >>> ev = events()
        >>> ev.by_noun["quakes"], ev.by_noun["strike"]
        (('earthquake',), ('attack', 'walkout'))
    """

    classes: Mapping[str, EventClass]
    by_noun: Mapping[str, tuple[str, ...]]
    by_verb: Mapping[str, tuple[str, ...]]
    other: frozenset[str]
    generic: frozenset[str]
    anaphors: frozenset[str] = frozenset()
    #: every noun form some kind takes only with a sentence hint (EventClass.hinted_nouns)
    hinted: frozenset[str] = frozenset()


@functools.cache
def events() -> EventLexicon:
    """The event kinds of ``data/events.toml``, checked.

    Raises:
        LexiconError: a malformed table or a ``money`` metric that ``metrics.toml`` lacks.

    Example:
        >>> "offensive" in events().classes["war"].nouns
        True
    """
    f = "events.toml"
    doc = load_toml(f)
    known_metrics = metrics().entries
    for e in known_metrics.values():
        if e.event is not None and e.event not in _table(doc, "class", f):
            raise LexiconError(f"data/metrics.toml: [metric.{e.name!r}] event {e.event!r} is not a kind of events.toml")
    classes: dict[str, EventClass] = {}
    by_noun: dict[str, list[str]] = {}
    by_verb: dict[str, list[str]] = {}
    for name, spec in _table(doc, "class", f).items():
        where = f"[class.{name!r}]"
        if not isinstance(spec, dict):
            raise LexiconError(f"data/{f}: {where} must be a table")
        money = spec.get("money")
        if money is not None and money not in known_metrics:
            raise LexiconError(f"data/{f}: {where} money {money!r} is not a metric of metrics.toml")
        flags = {k: spec.get(k, False) for k in ("lasting", "containing", "named", "announced")}
        if not all(isinstance(v, bool) for v in flags.values()):
            raise LexiconError(f"data/{f}: {where} lasting/containing/named/announced must be true or false")
        c = EventClass(name, _strs(spec, "nouns", where, f), _strs(spec, "verbs", where, f),
                       money, flags["lasting"], flags["containing"], _strs(spec, "hints", where, f),
                       spec.get("family") if isinstance(spec.get("family"), str) else None,
                       spec.get("part_of") if isinstance(spec.get("part_of"), str) else None,
                       flags["named"], flags["announced"], _strs(spec, "sentence_hints", where, f),
                       frozenset(x for n in _strs(spec, "hinted_nouns", where, f) for x in (n, *plural_forms(n))))
        if c.hinted_nouns and not c.sentence_hints:
            raise LexiconError(f"data/{f}: {where} hinted_nouns need sentence_hints")
        classes[name] = c
        for n in sorted(c.nouns | c.hinted_nouns):
            for form in {n, *plural_forms(n)}:
                if name not in by_noun.setdefault(form, []):
                    by_noun[form].append(name)
        for v in sorted(c.verbs):
            by_verb.setdefault(v, []).append(name)
    markers = _table(doc, "markers", f)
    anaphors = _strs(_table(doc, "generic", f), "nouns", "[generic]", f)
    return EventLexicon(
        classes=MappingProxyType(classes),
        by_noun=MappingProxyType({k: tuple(v) for k, v in by_noun.items()}),
        by_verb=MappingProxyType({k: tuple(v) for k, v in by_verb.items()}),
        other=_strs(markers, "other", "[markers]", f),
        generic=_strs(markers, "generic", "[markers]", f),
        anaphors=frozenset(w for a in anaphors for w in (a, *plural_forms(a))),
        hinted=frozenset(x for c in classes.values() for x in c.hinted_nouns),
    )
