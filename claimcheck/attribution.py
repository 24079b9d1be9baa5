"""Who a sentence says stated something, and whether it hedges or negates.

:func:`analyse_sentence` reads one sentence once and returns a
:class:`SentenceAttribution`: every attribution cue of the sentence read by the
ATTRIBUTION rule table, with the stretch of the sentence each one covers; its
:meth:`~SentenceAttribution.covering` gives the :class:`~claimcheck.models.Attribution`
of any figure in it. :func:`find_attribution` is the one-call form. Cue words live in
``data/english.toml`` (``[reporting]`` with flags, ``[attribution]``); hedging and
negation words in ``data/hedges.toml``.

How a cue is read (the ATTRIBUTION table; the rule that read it is ``Attribution.rule``):

- **"according to X"** puts X outermost: ``"...", the statement said, according to
  Xinhua`` gives the chain (Xinhua, statement...).
- **"citing X"/"quoting X"** add X as an inner source of the main speaker: "Xinhua said,
  citing an SIIO statement" → ("Xinhua", "State Internet Information Office").
- **Reporting verbs** ("said", "told", "reported", ...): a verb after "was", "an", "the"...
  is no cue ("an estimated 300"); verbs flagged ``clausal`` ("announced") count only
  before "that", a colon or a quote, or after a comma. Then the speaker is, in order:
  the short phrase after a verb that follows a comma or closing quote ("..., said the
  official who ...", *inverted speaker*; never for ``no_inversion`` verbs: "told AFP");
  the noun phrase before the verb ("Xinhua said", skipping adverbs: "Tencent later
  announced", *speaker before the verb*); the name before a run of appositions ("Fauzi,
  an official, told AFP", *apposition speaker*); or the sentence's pronoun subject when
  the verb has none ("It did not say ..., but said", *elided speaker*). "X cited/quoted Y
  as saying" adds Y as an inner source.
- **Organisations behind people and documents**: "an official from China's SIIO" and "a
  statement by the SIIO" stand for the SIIO.
- **Generic speakers** ("officials", "police", "state media") are kept as written,
  lower-case, without a determiner.
- **Referring speakers** are resolved against ``previous`` (the attribution of an
  earlier sentence): pronouns ("It added") and referring descriptions ("the agency said")
  become ``previous.source``; documents ("the statement said") the whole
  ``previous.chain``. Without a ``previous`` they stay as written, lower-case.

``chain`` is outermost first with consecutive duplicates removed; ``source`` is
``chain[0]``; ``cue`` is the outermost cue; ``span`` runs from the first to the last
character of the attribution phrases.

Example:
    >>> from claimcheck.attribution import find_attribution
    >>> s = "Sales hit 5 million, the Widget Bureau said, citing a statement by Acme Corp."
    >>> a = find_attribution(s, 0, len(s))
    >>> a.source, a.cue, a.chain, a.span.exact, a.rule
    ('Widget Bureau', 'said', ('Widget Bureau', 'Acme'), 'the Widget Bureau said, citing a statement by Acme Corp', 'speaker before the verb + citing')
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import regex

from . import _guard, lexicon
from .entities import canonical
from .errors import InputError, LexiconError
from .lexicon import load_toml as _load_toml
from .models import Attribution, Span

if TYPE_CHECKING:
    from .text import Sentence
from .rules import Rule, Table, register

__all__ = [
    "ATTRIBUTION",
    "SentenceAttribution",
    "analyse_sentence",
    "attribution_scope",
    "find_attribution",
    "find_attributions",
    "is_hedged",
    "is_negated",
]

_TIMEOUT = 1.0
#: Cue words read per sentence at most.
_MAX_CUES = 24


def _words(data: Mapping[str, object], key: str, file: str) -> tuple[str, ...]:
    v = data.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise LexiconError(f"data/{file}: {key!r} must be a list of strings")
    return tuple(" ".join(x.lower().split()) for x in v)


def _alternation(phrases: Collection[str]) -> str:
    parts = [r"\s++".join(regex.escape(w) for w in p.split()) for p in sorted(set(phrases), key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


_B = r"(?<![\p{L}\p{N}'’-])"  # word start
_E = r"(?![\p{L}\p{N}-])"  # word end
_E_ASCII = r"(?![^\W_]|-)"  # _E in stdlib re, on ASCII text
_BRACKETED = regex.compile(r"\s*+\([^()]{0,40}\)\s*+")  # a short aside in brackets
_THAT = regex.compile(r"(?i:that)" + _E)
#: A figure right after a verb that takes it as its object ("claimed 120,000", "estimated
#: about 50,000"): the verb's subject says so.
_APPROX = r"(?i:(?:about|around|some|roughly|nearly|almost|more\s++than|over|up\s++to|at\s++least|as\s++many\s++as)\s++)?+"
_FIGURE_NEXT = regex.compile(_APPROX + r"[\d$€£]")
#: "the crowd at 45,000", "the death toll at about 40": what "put" estimates
_AT_FIGURE = regex.compile(r"(?i:the|its|their)\s++(?:[\w'-]++\s++){1,3}?(?i:at)\s++" + _APPROX + r"[\d$€£]")


@dataclass(frozen=True, slots=True)
class _Cues:
    cue: regex.Pattern[str]
    #: ``cue`` for ASCII sentences, in stdlib ``re`` (the same matches there, sooner);
    #: ``None`` when a cue is not ASCII
    ascii_cue: re.Pattern[str] | None
    verbs: frozenset[str]
    clausal: frozenset[str]
    figure_object: frozenset[str]
    estimate_at: frozenset[str]
    no_inversion: frozenset[str]
    cite: frozenset[str]
    cite_as: regex.Pattern[str]
    prepositions: frozenset[str]
    participles: frozenset[str]
    passive: frozenset[str]
    generic: frozenset[str]
    pronouns: frozenset[str]
    documents: frozenset[str]
    referring: frozenset[str]
    person_nouns: frozenset[str]
    person_of: regex.Pattern[str]
    left_stops: frozenset[str]
    right_stops: frozenset[str]
    adverbs: frozenset[str]
    determiners: frozenset[str]
    verbish: frozenset[str]
    org_heads: frozenset[str]
    openers: frozenset[str]
    person_nouns_lower: frozenset[str]  # person_nouns lower-cased (_person_of)


@cache
def cue_words() -> frozenset[str]:
    """The first word of every attribution cue (reporting verbs, "according", "citing" ...),
    lower-cased: a sentence without one has no attribution.

    Example:
        >>> {"said", "according", "citing"} <= cue_words()
        True
    """
    en = lexicon.english()
    phrases = [*en.reporting, *en.attribution["prepositions"], *en.attribution["participles"]]
    return frozenset(p.split()[0].lower() for p in phrases if p.split())


@cache
def _cues() -> _Cues:
    en = lexicon.english()
    a, w = en.attribution, en.words
    verbs = frozenset(en.reporting)
    cue = regex.compile(_B + "(" + _alternation([*verbs, *a["prepositions"], *a["participles"]]) + ")" + _E,
                        regex.IGNORECASE | regex.VERSION1)
    person_of = regex.compile(
        r"^(?:" + _alternation(a["person_modifiers"]) + r"\s++)*+"
        r"(?:[\p{Ll}-]++\s++){0,2}?" + _alternation(a["person_nouns"]) + r"\s++(?:from|at|of|with|by|for|in)\s++(?P<org>.+)$",
        regex.IGNORECASE | regex.VERSION1,
    )
    return _Cues(
        cue=cue, ascii_cue=_ascii_phrases([*verbs, *a["prepositions"], *a["participles"]], _E_ASCII, True, group=True),
        verbs=verbs, clausal=en.verbs_with("clausal"),
        figure_object=en.verbs_with("figure_object"), estimate_at=en.verbs_with("estimate_at"), no_inversion=en.verbs_with("no_inversion"),
        cite=en.verbs_with("cite"),
        cite_as=regex.compile(_B + _alternation(a["cite_as"]) + _E, regex.IGNORECASE | regex.VERSION1),
        prepositions=a["prepositions"], participles=a["participles"], passive=a["passive"],
        generic=a["generic"], pronouns=w["speaker_pronouns"], documents=a["documents"],
        referring=a["referring"], person_nouns=a["person_nouns"], person_of=person_of,
        person_nouns_lower=frozenset(n.lower() for n in a["person_nouns"]),
        left_stops=w["left_stops"], right_stops=w["right_stops"], adverbs=w["speaker_adverbs"],
        determiners=w["speaker_determiners"], verbish=w["verbish"], org_heads=w["organisation_heads"],
        openers=w["discourse_openers"],
    )


# --------------------------------------------------------------------------- phrases

_PUNCT = set(",;:\"“”‘’«»()[]—–!?")
_TOKEN = regex.compile(r"\S++")


def _left_np(s: str, i: int) -> tuple[int, int]:
    """The noun phrase ending just before offset ``i`` of ``s`` (possibly empty)."""
    lo = max(0, i - 160)
    toks = [m.span() for m in _TOKEN.finditer(s, lo, i)]
    # skip trailing adverbs: "Tencent later announced"
    while toks and s[toks[-1][0] : toks[-1][1]].lower() in _cues().adverbs:
        toks.pop()
    end = toks[-1][1] if toks else i
    start = end
    for n, (a, b) in enumerate(reversed(toks), 1):
        tok = s[a:b]
        if tok[-1] in _PUNCT or tok in ("-", "--"):
            break
        if tok.lower() in _cues().left_stops:
            if tok.lower() == "who" and 2 <= n <= 6 and a > lo:  # "the unions who organised it claimed"
                head = _left_np(s, a)
                if head[1] > head[0]:
                    return head
            break
        k = b
        while k > a and (s[k - 1] not in _PUNCT or _digit_group(s, k - 1)):
            k -= 1
        if k > a:  # opening punctuation inside the token: “Some
            start = k
            break
        start = a
        if n >= 12:
            break
    return start, end


def _digit_group(s: str, k: int) -> bool:
    """Whether ``s[k]`` is the comma of a number ("9,000"), no punctuation of the phrase."""
    return s[k] == "," and 0 < k < len(s) - 1 and s[k - 1].isdigit() and s[k + 1].isdigit()


def _right_np(s: str, j: int, e: int) -> tuple[int, int]:
    """The noun phrase starting at offset ``j`` of ``s`` (possibly empty)."""
    hi = min(e, j + 200)
    start = end = None
    for n, m in enumerate(_TOKEN.finditer(s, j, hi), 1):
        tok = m.group()
        if tok[0] in _PUNCT or tok in ("-", "--"):
            break
        if tok.lower().rstrip(".,;:") in _cues().right_stops:
            break
        k = m.start()
        while k < m.end() and s[k] not in _PUNCT:
            k += 1
        if start is None:
            start = m.start()
        if k < m.end():  # "Xinhua," "Corp." is handled below
            end = k
            break
        end = m.end()
        if n >= 12:
            break
    if start is None or end is None:
        return j, j
    # a sentence-final period is not part of the name (but keep "Corp." style dots inside)
    while end > start and s[end - 1] in ".":
        end -= 1
    return start, end


def _looks_like_speaker(s: str, a: int, b: int, n: int) -> bool:
    """Is ``s[a:b]`` (after an inverted verb: "..., said X") a speaker, not a clause?"""
    if b <= a:
        return False
    words = s[a:b].split()
    if len(words) > 8 or any(w.lower() in _cues().verbish for w in words):
        return False
    cues = _cues()
    w0 = words[0].lower()
    heads = cues.person_nouns | cues.referring | cues.generic
    if not (
        words[0][:1].isupper()
        or w0 in _cues().determiners
        or w0 in cues.pronouns
        or " ".join(words).lower() in cues.generic
        # a lower-case title before a name or a person noun: "disaster agency official Fauzi"
        or any(w[:1].isupper() for w in words[1:])
        or words[-1].lower() in heads
    ):
        return False
    rest = s[b : min(n, b + 60)].lstrip()
    if not rest or rest[0] in ",.;:)!?—–":
        return True
    first = rest.split()[0].lower().rstrip(".,;:")
    return first in _cues().right_stops and first not in ("that", "and", "but")


@dataclass(frozen=True, slots=True)
class _Speaker:
    names: tuple[str, ...]  # resolved chain contribution
    start: int
    end: int


def _bare(np: str) -> str:
    words = np.split()
    while words and words[0].lower() in _cues().determiners:
        words = words[1:]
    return " ".join(words)


_PERSON_OF_PREPOSITIONS = frozenset({"from", "at", "of", "with", "by", "for", "in"})


def _person_of(cues: _Cues, np: str, low: str) -> regex.Match[str] | None:
    """``cues.person_of.match(np)`` ("an official from the ministry"); ``low`` is ``np``
    lower-cased with its spaces collapsed. The person noun and the preposition after it
    are whole words of the phrase, so an ASCII phrase without both is not matched."""
    if np.isascii():
        words = set(low.split())
        if words.isdisjoint(_PERSON_OF_PREPOSITIONS) or words.isdisjoint(cues.person_nouns_lower):
            return None
    return cues.person_of.match(np)


def _resolve(
    np: str, aliases: Mapping[str, str] | None, previous: Attribution | None
) -> tuple[str, ...] | None:
    """The chain contribution of a speaker phrase, or None when it is no speaker."""
    cues = _cues()
    np = _BRACKETED.sub(" ", np).strip(" ,.;:")
    if not np:
        return None
    low = " ".join(np.lower().split())
    bare = _bare(low)
    if low in cues.pronouns or bare in cues.pronouns:
        if previous is not None:
            return (previous.source,)
        return (bare or low,)
    m = _person_of(cues, np, low)
    if m:
        org = m.group("org").strip()
        org_bare = _bare(org)
        if org_bare[:1].isupper():
            return (canonical(org_bare, aliases),)
    has_capital = any(w[:1].isupper() for w in np.split()[1:]) or (np[:1].isupper() and bare == low)
    last = bare.split()[-1] if bare else ""
    if not has_capital and last in cues.documents and bare.count(" ") <= 1:
        if previous is not None:
            return previous.chain or (previous.source,)
        return (last,)
    if not has_capital and bare in cues.referring and low != bare:
        if previous is not None:
            return (previous.source,)
        return (bare,)
    if low in cues.generic or bare in cues.generic:
        return (bare if bare in cues.generic else low,)
    orig = _bare(np).split()
    k = len(orig)
    while k > 0 and orig[k - 1][:1].isupper():
        k -= 1
    if 0 < k < len(orig) and all(w.islower() for w in orig[:k]):
        # a lower-case title before a name: "disaster agency official Fauzi" -> "Fauzi"
        return (canonical(" ".join(orig[k:]), aliases),)
    if not has_capital and not np[:1].isupper():
        # a lower-case phrase: keep it as written, without determiners ("local residents")
        return (bare or low,)
    name = canonical(np, aliases)
    return (name,) if name else None


def _dedupe(chain: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for c in chain:
        if c and (not out or out[-1].casefold() != c.casefold()):
            out.append(c)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Found:
    chain: tuple[str, ...]
    cue: str
    start: int  # phrase span, sentence-local
    end: int
    scope: tuple[int, int]  # sentence-local span the attribution covers
    parts: tuple[tuple[int, int], ...] = ()  # every attribution phrase, sentence-local
    rule: str = ""


@dataclass(slots=True)
class _Main:
    names: tuple[str, ...]
    cue: str
    start: int
    end: int
    scope: tuple[int, int]
    cue_start: int
    inner: list[tuple[str, ...]]
    inner_spans: list[tuple[int, int]]
    rule: str = ""


_PRONOUN_CLAUSE = regex.compile(r"(?i:he|she|they|it|we|i)\s++\p{L}")
_RELATIVE_START = regex.compile(r"(?i:who|which|whose)\b")
_CLOSING_RELATIVE = regex.compile(r",\s*+(?i:who|which|whose)\b[^,]{0,120},\s*+\Z")


def _apposition_speaker(s: str, left: str, lo: int) -> tuple[int, int]:
    """The speaker before a run of appositions: "John Ging, director of ..., the X Agency, said".

    ``left`` is ``s[lo:verb]`` with trailing whitespace removed.
    """
    k = lo + len(left.rstrip(",").rstrip())
    segments: list[tuple[int, int]] = []
    for _ in range(4):
        comma = s.rfind(",", max(0, k - 200), k)
        while comma >= 0 and _digit_group(s, comma):  # "about 9,000 people": no apposition there
            comma = s.rfind(",", max(0, k - 200), comma)
        a = comma + 1 if comma >= 0 else 0
        a2, b2 = _trim_span(s, a, k)
        while True:  # a leading conjunction is not part of the name: "but Mr Lang"
            sp = s.find(" ", a2, b2)
            if sp < 0 or s[a2:sp].lower() not in _cues().left_stops:
                break
            a2 = sp + 1
        if b2 > a2 and not _RELATIVE_START.match(s[a:b2].lstrip()):
            segments.append((a2, b2))  # "who wished to remain anonymous" describes the speaker
        if comma < 0:
            break
        k = comma
    for a, b in segments:  # nearest first: a short all-capitalised personal name
        words = s[a:b].split()
        if (
            1 <= len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and not any(w.lower().strip(".") in _cues().org_heads for w in words)
            and words[0].lower() not in _cues().openers
        ):
            return a, b
    for _, b in segments:
        a2, b2 = _left_np(s, b)
        if b2 > a2:
            return a2, b2
    return 0, 0


def _trim_span(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    return a, b




# --------------------------------------------------------------------------- the table


@dataclass(slots=True)
class _Outer:
    names: tuple[str, ...]
    cue: str
    start: int
    end: int
    scope: tuple[int, int]


@dataclass(slots=True)
class _Inner:
    names: tuple[str, ...]
    span: tuple[int, int]


class _Skip:
    """A rule's verdict that this cue attributes nothing (no other rule is tried)."""


_SKIP = _Skip()


@dataclass(slots=True)
class _Cue:
    """One cue word of a sentence being read by the ATTRIBUTION table."""

    s: str
    cs: int
    ce: int
    word: str
    aliases: Mapping[str, str] | None
    previous: Attribution | None
    left: str = ""
    lo: int = 0
    lt: list[str] = field(default_factory=list)
    closes_relative: bool = False

    @property
    def n(self) -> int:
        return len(self.s)

    @property
    def left_end(self) -> str:
        return self.lt[-1][-1] if self.lt else ""

    def prepare(self) -> None:
        self.lo = max(0, self.cs - 300)
        self.left = self.s[self.lo : self.cs].rstrip()
        lt = self.left.split()
        while lt and lt[-1].lower() in _cues().adverbs:  # "Tencent later announced"
            lt.pop()
        self.lt = lt
        # "The police source, who wished to remain anonymous, said ...": the comma closes a
        # relative clause about the speaker, so what follows is the report, not the speaker
        self.closes_relative = bool(_CLOSING_RELATIVE.search(self.left))


_AttrResult = _Outer | _Inner | _Main | _Skip


def _according_to(c: _Cue) -> _AttrResult | None:
    if c.word not in _cues().prepositions:
        return None
    a, b = _right_np(c.s, c.ce, c.n)
    names = _resolve(c.s[a:b], c.aliases, c.previous) if b > a else None
    if names is None:
        return _SKIP
    s = c.s
    before = s[max(0, c.cs - 40) : c.cs].rstrip()
    after = s[b : b + 80].strip().strip("\"'”’.!?) ")
    if before and before[-1] in ",(—–" and after and s[b : b + 80].lstrip()[:1] in (",", ")", "—", "–"):
        scope = (b, c.n)  # mid-sentence parenthetical: covers what follows
    else:
        scope = (0, c.n)
    return _Outer(names, c.word, c.cs, b, scope)


def _citing(c: _Cue) -> _AttrResult | None:
    if c.word not in _cues().participles:
        return None
    a, b = _right_np(c.s, c.ce, c.n)
    names = _resolve(c.s[a:b], c.aliases, None) if b > a else None
    return _Inner(names, (c.cs, b)) if names else _SKIP


def _not_a_cue(c: _Cue) -> _AttrResult | None:
    cues = _cues()
    s = c.s
    prev_tok = s[max(0, c.cs - 20) : c.cs].split()
    if prev_tok and prev_tok[-1].lower() in cues.passive:
        return _SKIP  # "was told", "an estimated"
    if c.word in cues.clausal:
        rest = s[c.ce : c.ce + 40].lstrip()
        if not (rest[:1] in ("", ":", '"', "“", "'", "‘", ",", ".", ";")
                or _THAT.match(rest)
                or s[max(0, c.cs - 40) : c.cs].rstrip()[-1:] in (",", '"', "”")
                or (c.word in cues.figure_object and _FIGURE_NEXT.match(rest))
                or (c.word in cues.estimate_at and _AT_FIGURE.match(rest))):
            return _SKIP  # "China has announced a crackdown": the writer's own statement
    c.prepare()
    return None


def _inverted(c: _Cue) -> _AttrResult | None:
    if not ((not c.lt or c.left_end in ",\"”’") and c.word not in _cues().no_inversion and c.left
            and not c.closes_relative):
        return None
    a, b = _right_np(c.s, c.ce, c.n)
    # "..., said he talked to five aid workers": a pronoun opening a clause is the
    # reported speech's subject, not an inverted speaker ("..., said the official")
    if _PRONOUN_CLAUSE.match(c.s, a) is not None or not _looks_like_speaker(c.s, a, b, c.n):
        return None
    names = _resolve(c.s[a:b], c.aliases, c.previous)
    if names is None:
        return _SKIP
    return _Main(names, c.word, c.cs, b, (0, c.n), c.cs, [], [], "inverted speaker")


def _main_from(c: _Cue, a: int, b: int, rule: str) -> _AttrResult:
    """The attribution of speaker ``s[a:b]`` before the verb, with "cited Y as saying"."""
    cues = _cues()
    s = c.s
    names = _resolve(s[a:b], c.aliases, c.previous)
    if names is None:
        return _SKIP
    before = s[max(0, a - 40) : a].rstrip()
    scope = (0, c.n) if before[-1:] in (",", '"', "”", "’") else (c.ce, c.n)
    main = _Main(names, c.word, min(a, c.cs), c.ce, scope, c.cs, [], [], rule)
    if c.word in cues.cite:
        # "X cited a statement by Y (as saying)": Y is an inner source
        oa, ob = _right_np(s, c.ce, c.n)
        obj = s[oa:ob]
        as_saying = cues.cite_as.search(s, c.ce, timeout=_TIMEOUT) if c.n > _guard.TIMED_FROM \
            else cues.cite_as.search(s, c.ce)
        inner_names = _resolve(obj, c.aliases, None) if ob > oa else None
        obj_words = _bare(obj.lower()).split()
        if inner_names and (as_saying or obj[:1].isupper() or (obj_words and obj_words[-1] in cues.documents)
                            or cues.person_of.match(obj)):
            main.inner.append(inner_names)
            main.end = as_saying.end() if as_saying else ob
            if as_saying and s[max(0, a - 40) : a].strip():
                main.scope = (0, c.n)
        elif not as_saying:
            return _SKIP
    return main


def _speaker_before(c: _Cue) -> _AttrResult | None:
    if c.closes_relative:
        return None
    a, b = _left_np(c.s, c.cs)
    return _main_from(c, a, b, "speaker before the verb") if b > a else None


def _apposition(c: _Cue) -> _AttrResult | None:
    if not (c.lt and c.left_end == ","):
        return None
    a, b = _apposition_speaker(c.s, c.left, c.lo)
    return _main_from(c, a, b, "apposition speaker") if b > a else None


_OPENING_NP = regex.compile(r"\A\s*+((?:[\p{L}\p{N}'’.-]++\s++){1,6}?)(?=(?i:did|does|do|has|have|had|was|is|would|will|could|declined|refused)\b)")


def _elided(c: _Cue) -> _AttrResult | None:
    first = c.s[:40].split()[:1]
    if first and first[0].lower() in _cues().pronouns:
        names = _resolve(first[0], c.aliases, c.previous)
        if names is not None:
            return _Main(names, c.word, c.cs, c.ce, (c.ce, c.n), c.cs, [], [], "elided speaker")
        return _SKIP
    # "The ministry did not name the victims, but said ...": the opening noun phrase speaks
    if not c.s[max(0, c.cs - 8) : c.cs].lower().rstrip().endswith(("but", "and")):
        return _SKIP
    m = _OPENING_NP.match(c.s, 0, min(c.cs, 120))  # 120 characters at most: no timeout needed
    if m is None:
        return _SKIP
    names = _resolve(m.group(1).strip(), c.aliases, c.previous)
    if names is None:
        return _SKIP
    return _Main(names, c.word, c.cs, c.ce, (c.ce, c.n), c.cs, [], [], "elided speaker")


ATTRIBUTION: Table[_AttrResult] = register(Table("attribution", (
    Rule("according to", "the phrase after 'according to'", _according_to,
         "\"according to X\" makes X the outermost source.",
         "Sales fell 5 percent, according to the Acme Bureau."),
    Rule("citing", "the phrase after 'citing'/'quoting'", _citing,
         "\"X said, citing Y\" adds Y as an inner source of X.",
         "The agency said, citing a police report, that 5 died."),
    Rule("not a cue", "the word before a verb, and what follows a clausal verb", _not_a_cue,
         "A reporting word after 'was'/'an' (\"an estimated 300\"), or a verb such as 'announced' or 'confirmed' not followed by 'that', a colon or a quote, attributes nothing: the writer reports it (the claim's rules say \"not a cue\").",
         "The ministry confirmed 12 deaths."),
    Rule("inverted speaker", "a short phrase after a verb that follows a comma or quote", _inverted,
         "\"..., said the official\": the speaker comes after the verb.",
         "Twelve people were injured, said the mayor of Varn."),
    Rule("speaker before the verb", "the noun phrase before the verb", _speaker_before,
         "\"Xinhua said ...\": the speaker is the phrase before the verb.",
         "Xinhua said 5 people died."),
    Rule("apposition speaker", "the name before a run of appositions", _apposition,
         "\"Fauzi, an official, told AFP\": the name before the appositions speaks.",
         "Fauzi, an official from the agency, told AFP that 5 died."),
    Rule("elided speaker", "the pronoun opening the sentence", _elided,
         "\"It did not say ..., but said\": the subject opening the sentence (a pronoun, or a noun phrase before 'did'/'has'/'declined' ...) speaks.",
         "It did not give details, but said 5 died."),
)))


@dataclass(slots=True)
class _Read:
    outer: _Outer | None
    mains: list[_Main]
    n: int
    #: cues the "not a cue" rule turned down (sentence-local offsets)
    rejected: list[tuple[int, int]] = field(default_factory=list)


def _cue_matches(s: str, at: Sequence[int] | None) -> Iterator[regex.Match[str] | re.Match[str]]:
    """The cues of ``s`` in order, without overlaps: found by one scan, or, when the caller
    knows where the words that can open a cue start (``at``), matched only there (in a
    short ASCII sentence by the stdlib twin of the pattern)."""
    if at is None:
        yield from _cues().cue.finditer(s, timeout=_TIMEOUT)
        return
    cues = _cues()
    timed = len(s) > _guard.TIMED_FROM
    fast = cues.ascii_cue if not timed and s.isascii() else None
    last = 0
    for p in at:
        if p >= last:
            m: regex.Match[str] | re.Match[str] | None
            if fast is not None:
                m = fast.match(s, p)
            else:
                m = cues.cue.match(s, p, timeout=_TIMEOUT) if timed else cues.cue.match(s, p)
            if m is not None:
                last = m.end()
                yield m


def _read(s: str, aliases: Mapping[str, str] | None, previous: Attribution | None,
          exclude: frozenset[str] = frozenset(), at: Sequence[int] | None = None) -> _Read | None:
    """Every cue of sentence ``s`` read by the ATTRIBUTION table (one pass over the cues)."""
    n = len(s)
    outer: _Outer | None = None
    mains: list[_Main] = []
    rejected: list[tuple[int, int]] = []
    pending: list[_Inner] = []  # "citing X" before any verb
    for seen, m in enumerate(_cue_matches(s, at)):
        if seen >= _MAX_CUES:
            break  # no real sentence has more; keeps hostile input fast
        word = " ".join(m.group(1).lower().split())
        if word in exclude or (mains and m.start() < mains[-1].end):
            continue  # excluded, or inside the phrase of the previous attribution
        hit = ATTRIBUTION.run(_Cue(s, m.start(), m.end(), word, aliases, previous))
        got = hit.value if hit is not None else None
        if hit is not None and hit.rule == "not a cue":
            rejected.append((m.start(), m.end()))
        if isinstance(got, _Outer):
            outer = outer or got
        elif isinstance(got, _Inner):
            if mains:
                mains[-1].inner.append(got.names)
                mains[-1].inner_spans.append(got.span)
            else:
                pending.append(got)
        elif isinstance(got, _Main):
            if not mains and pending:
                got.inner[:0] = [p.names for p in pending]
                got.inner_spans[:0] = [p.span for p in pending]
                pending = []
            mains.append(got)
    if not mains and outer is None:
        return _Read(None, [], n, rejected) if rejected else None
    for i in range(len(mains) - 1):  # two reporting verbs in one sentence: each its own stretch
        cur, nxt = mains[i], mains[i + 1]
        if cur.scope[0] > 0 or cur.scope == (0, n):
            cur.scope = (cur.scope[0], min(cur.scope[1], nxt.start))
        if nxt.scope == (0, n):
            nxt.scope = (cur.end, n)
    return _Read(outer, mains, n, rejected)


def _found(s: str, r: _Read, quantity: tuple[int, int] | None) -> _Found | None:
    """The attribution covering ``quantity`` (sentence-local), or the sentence's own."""
    n = r.n
    outer = r.outer
    main: _Main | None = r.mains[0] if r.mains else None
    if quantity is not None and len(r.mains) > 1:
        qa, qb = quantity
        inside = [v for v in r.mains if v.scope[0] <= qa and qb <= v.scope[1]]
        if inside:
            main = inside[-1]
    chain: list[str] = []
    spans: list[tuple[int, int]] = []
    cue, rule = "", ""
    scope = (0, n)
    if outer is not None:
        chain.extend(outer.names)
        spans.append((outer.start, outer.end))
        cue, rule, scope = outer.cue, "according to", outer.scope
    if main is not None:
        chain.extend(main.names)
        spans.append((main.start, main.end))
        cue = cue or main.cue
        rule = rule or main.rule
        scope = main.scope if outer is None or outer.scope == (0, n) else outer.scope
        for names in main.inner:
            chain.extend(names)
        spans.extend(main.inner_spans)
        if main.inner and rule == main.rule:
            rule = f"{rule} + citing"
    ch = _dedupe(chain)
    if not ch:
        return None
    # the reported span: the outermost phrase, joined with phrases close to it
    spans.sort()
    first = (outer.start, outer.end) if outer is not None else (main.start, main.end) if main is not None else spans[0]
    lo, hi = first
    for a, b in spans:
        gap = s[hi:a] if a >= hi else s[b:lo] if b <= lo else ""
        if len(gap.split()) <= 4:
            lo, hi = min(lo, a), max(hi, b)
    return _Found(ch, cue, lo, hi, scope, tuple(spans), rule)


class SentenceAttribution:
    """The attributions of one sentence, read once; :meth:`covering` gives a figure's.

    Example:
        >>> t = "Acme said 5 shops closed, and Bolt said 3 more did."
        >>> sa = analyse_sentence(t, 0, len(t))
        >>> sa.covering(10, 17).source, sa.covering(40, 46).source
        ('Acme', 'Bolt')
    """

    __slots__ = ("_read", "_s", "doc_id", "start", "text")

    def __init__(self, text: str, start: int, s: str, doc_id: str, read: _Read | None) -> None:
        self.text = text
        self.start = start
        self._s = s
        self.doc_id = doc_id
        self._read = read

    def _attribution(self, found: _Found) -> Attribution:
        a, b = found.start, found.end
        while b > a and self._s[b - 1].isspace():
            b -= 1
        return Attribution(source=found.chain[0], cue=found.cue, chain=found.chain,
                           span=Span.from_text(self.text, self.start + a, self.start + b, doc_id=self.doc_id),
                           rule=found.rule)

    def turned_down(self) -> bool:
        """Whether the sentence has a reporting word the "not a cue" rule turned down
        ("The ministry confirmed 12 deaths": the writer reports it, no one is quoted).

        Example:
            >>> analyse_sentence("China has announced a crackdown on 200 sites.").turned_down()
            True
        """
        return self._read is not None and bool(self._read.rejected)

    def whole(self) -> Attribution | None:
        """The attribution of the sentence as a whole (``None``: the writer speaks)."""
        if self._read is None or not (self._read.mains or self._read.outer):
            return None
        found = _found(self._s, self._read, None)
        return self._attribution(found) if found is not None else None

    def covering(self, start: int, end: int) -> Attribution | None:
        """The attribution covering document offsets ``[start, end)``, if any: a mid-sentence
        "..., according to X, ..." covers only what follows it; "X said ..." after "and"
        covers what follows the verb; the speaker phrase itself is never covered."""
        if self._read is None or not (self._read.mains or self._read.outer):
            return None
        qa, qb = start - self.start, end - self.start
        found = _found(self._s, self._read, (qa, qb))
        if found is None:
            return None
        sa, sb = found.scope
        if qa < sa or qb > sb or any(qa < b and qb > a for a, b in found.parts):
            return None
        return self._attribution(found)

    def scope(self) -> tuple[int, int] | None:
        """Document offsets of the stretch the sentence's attribution covers."""
        if self._read is None or not (self._read.mains or self._read.outer):
            return None
        found = _found(self._s, self._read, None)
        if found is None:
            return None
        return self.start + found.scope[0], self.start + found.scope[1]


def analyse_sentence(
    text: str,
    sentence_start: int = 0,
    sentence_end: int | None = None,
    doc_id: str = "",
    aliases: Mapping[str, str] | None = None,
    previous: Attribution | None = None,
    exclude_cues: Collection[str] = (),
    words: Sequence[tuple[int, str]] | None = None,
) -> SentenceAttribution:
    """Read the attribution cues of ``text[sentence_start:sentence_end]`` once.

    Args:
        text: the document text (offsets in results point into it).
        sentence_start: where the sentence starts.
        sentence_end: where it ends (default: the end of ``text``).
        doc_id: the document id for spans.
        aliases: extra entity aliases for :func:`claimcheck.entities.canonical`.
        previous: the attribution of an earlier sentence ("It added", "the paper said").
        exclude_cues: cue words to ignore here (``{"announced"}``).
        words: ``(offset, lower-cased word)`` for each word of the sentence, offsets into
            ``text``, when the caller has them (the claim stage's sentence view): cues are
            then matched only where one of :func:`cue_words` starts, and a sentence holding
            none is not read at all.

    Returns:
        A :class:`SentenceAttribution`.

    Raises:
        InputError: ``text`` is not a ``str``.

    Example:
        >>> t = "Profits rose to 5 million, according to Acme Holdings Ltd."
        >>> analyse_sentence(t).whole().source
        'Acme'
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    end = len(text) if sentence_end is None else max(0, min(sentence_end, len(text)))
    start = max(0, min(sentence_start, end))
    s = text[start:end]
    at = None
    if words is not None:
        first = cue_words()
        at = [p - start for p, w in words if w in first and start <= p < end]
        if not at:
            return SentenceAttribution(text, start, s, doc_id, None)
    try:
        read = _read(s, aliases, previous, frozenset(c.lower() for c in exclude_cues), at)
    except TimeoutError:  # pragma: no cover - defensive
        read = None
        _guard.note_skipped(start, end, "the attribution scan of the sentence timed out")
    return SentenceAttribution(text, start, s, doc_id, read)


def find_attribution(
    text: str,
    sentence_start: int = 0,
    sentence_end: int | None = None,
    doc_id: str = "",
    aliases: Mapping[str, str] | None = None,
    previous: Attribution | None = None,
    quantity: tuple[int, int] | None = None,
    exclude_cues: Collection[str] = (),
) -> Attribution | None:
    """The attribution of the sentence ``text[sentence_start:sentence_end]``.

    Args:
        text: the document text (offsets in the result point into it).
        sentence_start: where the sentence starts.
        sentence_end: where it ends (default: the end of ``text``).
        doc_id: the document id for the span.
        aliases: extra entity aliases for :func:`claimcheck.entities.canonical`.
        previous: the attribution of an earlier sentence, used to resolve "It added", "the
            paper reported", "the statement said".
        quantity: ``(start, end)`` document offsets of a quantity; when given, ``None`` is
            returned unless the attribution covers it (see :meth:`SentenceAttribution.covering`).
            When the sentence has two reporting verbs, the one covering the quantity is used.
        exclude_cues: cue words to ignore here, e.g. ``{"announced"}`` to treat "X announced
            that ..." as the writer's own report.

    Returns:
        An :class:`~claimcheck.models.Attribution` (``source`` = ``chain[0]``), or ``None``
        when no cue is found (the writer's own statement).

    Example:
        >>> t = "Profits rose to 5 million last year, according to Acme Holdings Ltd."
        >>> a = find_attribution(t, 0, len(t))
        >>> a.source, a.cue, a.span.exact, a.rule
        ('Acme', 'according to', 'according to Acme Holdings Ltd', 'according to')
        >>> find_attribution("Profits rose to 5 million last year.") is None
        True
    """
    sa = analyse_sentence(text, sentence_start, sentence_end, doc_id, aliases, previous, exclude_cues)
    if quantity is not None:
        return sa.covering(quantity[0], quantity[1])
    return sa.whole()


def attribution_scope(text: str, sentence_start: int = 0, sentence_end: int | None = None) -> tuple[int, int] | None:
    """Document offsets of the part of a sentence its attribution covers.

    Args:
        text: the document text.
        sentence_start: where the sentence starts.
        sentence_end: where it ends (default: the end of ``text``).

    Returns:
        ``(start, end)`` document offsets (see ``quantity`` in :func:`find_attribution`),
        or ``None`` when the sentence has no attribution.

    Example:
        >>> t = "It has, according to Acme, 5 users."
        >>> attribution_scope(t)
        (25, 35)
    """
    return analyse_sentence(text, sentence_start, sentence_end).scope()


def find_attributions(
    text: str,
    sentences: Sequence[tuple[int, int]] | Sequence[Sentence],
    doc_id: str = "",
    aliases: Mapping[str, str] | None = None,
    exclude_cues: Collection[str] = (),
) -> list[Attribution | None]:
    """The attribution of every sentence of a document, resolving "It added" and the like.

    Each sentence is read with ``previous`` set to the most recent attribution found in
    the sentences before it.

    Args:
        text: the document text.
        sentences: :class:`claimcheck.text.Sentence` objects, or ``(start, end)`` pairs.
        doc_id: the document id for the spans.
        aliases: extra entity aliases.
        exclude_cues: cue words to ignore (see :func:`find_attribution`).

    Returns:
        One entry per sentence, in order (``None`` for boilerplate and datelines).

    Example:
        >>> t = "The Acme agency said sales fell. It added that 5 shops closed."
        >>> [a.source if a else None for a in find_attributions(t, [(0, 32), (33, 62)])]
        ['Acme agency', 'Acme agency']
    """
    out: list[Attribution | None] = []
    previous: Attribution | None = None
    for s in sentences:
        if isinstance(s, tuple):
            a, b = s[0], s[1]
        else:
            a, b = s.start, s.end
            if getattr(s, "boilerplate", False) or getattr(s, "dateline", False):
                out.append(None)
                continue
        att = find_attribution(text, a, b, doc_id=doc_id, aliases=aliases, previous=previous,
                               exclude_cues=exclude_cues)
        out.append(att)
        if att is not None:
            previous = att
    return out


# --------------------------------------------------------------------------- hedges

@dataclass(frozen=True, slots=True)
class _Hedges:
    hedge: regex.Pattern[str]
    hedge_lower: regex.Pattern[str]
    negation: regex.Pattern[str]
    negation_after: regex.Pattern[str]
    denial: regex.Pattern[str]
    not_negation: regex.Pattern[str]
    #: negation or denial words in an ASCII text (stdlib ``re``, about three times faster
    #: than the patterns above; ``None`` when a listed word is not ASCII): without one,
    #: nothing is negated
    ascii_trigger: re.Pattern[str] | None
    #: ``hedge`` and ``hedge_lower`` for ASCII text, in stdlib ``re`` (the same matches
    #: there, several times sooner); ``None`` when a phrase is not ASCII
    ascii_hedge: re.Pattern[str] | None = None
    ascii_hedge_lower: re.Pattern[str] | None = None


def _ascii_phrases(phrases: Collection[str], end: str, ignore_case: bool, group: bool = False,
                   behind: bool = True, glued: Sequence[str] = ()) -> re.Pattern[str] | None:
    """``_B + _alternation(phrases) + end`` for ASCII text, in stdlib ``re``: on ASCII text
    the two engines agree on letters, digits, whitespace and case, the alternation is the
    same (longest first), and ``re`` skips the characters no phrase starts with (the
    lookahead), about three times sooner. ``None`` when a phrase is not ASCII (the full
    case folding of ``regex`` could then match ASCII text).

    ``group``: the phrases are group 1. ``behind=False`` leaves out the word start: a quick
    test that finds at least every match of the full pattern (a search window can cut a
    word, and the full pattern then decides). ``glued``: endings found after any letter too
    ("n't")."""
    words = [p.split() for p in sorted(set(phrases), key=len, reverse=True) if p.split()]
    if not words or not all(p.isascii() for p in [*phrases, *glued]):
        return None
    heads = [w[0][0] for w in words] + [g[0] for g in glued]
    firsts = {c for h in heads for c in ((h.lower(), h.upper()) if ignore_case else (h,))}
    alts = ("(?i:" if ignore_case else "(?:") + "|".join(r"\s++".join(re.escape(x) for x in w) for w in words) + ")"
    body = (r"(?<![^\W_]|['’-])" if behind else "") + ("(" + alts + ")" if group else alts) + end
    body += "".join("|(?i:" + re.escape(g) + ")" + end for g in glued)
    return re.compile("(?=[" + re.escape("".join(sorted(firsts))) + "])(?:" + body + ")")


@cache
def _hedges() -> _Hedges:
    f = "hedges.toml"
    d = _load_toml(f)
    ci = regex.IGNORECASE | regex.VERSION1
    neg = _words(d, "negations", f)
    return _Hedges(
        hedge=regex.compile(_B + _alternation(_words(d, "hedges", f)) + _E, ci),
        hedge_lower=regex.compile(_B + _alternation(_words(d, "hedges_lowercase", f)) + r"(?=\s++\p{Ll})", regex.VERSION1),
        negation=regex.compile("(?:" + _B + _alternation(neg) + _E + r"|n['’]t" + _E + ")", ci),
        negation_after=regex.compile(r"(?:" + _B + r"(?:not|never)" + _E + r"|n['’]t" + _E + ")", ci),
        denial=regex.compile(_B + _alternation(_words(d, "denials", f)) + _E, ci),
        not_negation=regex.compile(_B + _alternation(_words(d, "not_negation", f)) + _E, ci),
        ascii_trigger=_ascii_phrases([*neg, "not", "never", *_words(d, "denials", f)], _E_ASCII, True,
                                     behind=False, glued=("n't",)),
        ascii_hedge=_ascii_phrases(_words(d, "hedges", f), _E_ASCII, True),
        ascii_hedge_lower=_ascii_phrases(_words(d, "hedges_lowercase", f), r"(?=\s+[a-z])", False),
    )


@cache
def _hedge_words() -> tuple[frozenset[str], ...]:
    """The words of each hedge phrase: a sentence can hedge only if it holds all of one."""
    d = _load_toml("hedges.toml")
    phrases = [*_words(d, "hedges", "hedges.toml"), *_words(d, "hedges_lowercase", "hedges.toml")]
    return tuple({frozenset(p.lower().split()) for p in phrases if p.split()})


@cache
def _hedge_index() -> dict[str, tuple[frozenset[str], ...]]:
    """The word sets of _hedge_words() by one of their words (any one serves: a phrase
    whose word the sentence lacks cannot be in it)."""
    index: dict[str, list[frozenset[str]]] = {}
    for ws in _hedge_words():
        index.setdefault(min(ws), []).append(ws)
    return {w: tuple(v) for w, v in index.items()}


def is_hedged(sentence_text: str, offset: int = 0, words: AbstractSet[str] | None = None) -> bool:
    """Does the sentence hedge ("reportedly", "may have", "is expected to", "estimated")?

    The words are in ``data/hedges.toml``; "may" counts only in lower case before a
    lower-case word, so "in May" and "May 30" are not hedges.

    Args:
        sentence_text: the sentence.
        offset: where the sentence starts in its document (for a timeout's warning).
        words: the set of the sentence's lower-cased words, when the caller has them: a
            sentence that lacks a word of every hedge phrase is not scanned.

    Returns:
        True when any hedge word or phrase occurs in it.

    Example:
        >>> is_hedged("The storm may have killed 5 people."), is_hedged("In May 5 people died.")
        (True, False)
    """
    if not isinstance(sentence_text, str):
        raise InputError(f"sentence_text must be a str, not {type(sentence_text).__name__}")
    if words is not None:
        index = _hedge_index()  # only the phrases one of whose words the sentence has
        if not any(ws <= words for w in index.keys() & words for ws in index[w]):
            return False
    h = _hedges()
    if h.ascii_hedge is not None and h.ascii_hedge_lower is not None and len(sentence_text) <= _guard.TIMED_FROM \
            and sentence_text.isascii():  # (a longer text keeps the timed scan below)
        return bool(h.ascii_hedge.search(sentence_text) or h.ascii_hedge_lower.search(sentence_text))
    try:
        if len(sentence_text) <= _guard.TIMED_FROM:
            return bool(h.hedge.search(sentence_text) or h.hedge_lower.search(sentence_text))
        return bool(h.hedge.search(sentence_text, timeout=_TIMEOUT) or h.hedge_lower.search(sentence_text, timeout=_TIMEOUT))
    except TimeoutError:  # pragma: no cover - defensive
        _guard.note_skipped(offset, offset + len(sentence_text), "the hedge scan of the sentence timed out")
        return False


_CLAUSE_BREAK = regex.compile(r"[,;:()—–]|\s-\s|" + _B + r"(?:and|but|while|whereas|although)" + _E, regex.IGNORECASE)


#: How far (in characters) before and after a figure a negation or a denial is looked for.
_NEGATION_REACH = 400


def is_negated(sentence_text: str, qstart: int, qend: int, offset: int = 0) -> bool:
    """Is the quantity at ``sentence_text[qstart:qend]`` negated?

    Negated means: a negation word ("not", "no", "never", "none", "without", any "n't")
    comes before the quantity in the same clause, or "not"/"never"/"n't" comes after it in
    the same clause ("5 people were not hurt"), or a denial verb ("denied", "rejected") comes
    anywhere before it in the sentence. A clause ends at , ; : ( ) — and at "and", "but",
    "while". Bounds such as "no more than", "not less than" and "not only" are not negations.

    Args:
        sentence_text: the sentence.
        qstart: start of the quantity, relative to ``sentence_text``.
        qend: end of the quantity, relative to ``sentence_text``.

    Returns:
        True when the quantity is negated; offsets out of range are clamped.

    Example:
        >>> s = "Police did not confirm that 5 people died, and 3 were hurt."
        >>> is_negated(s, 28, 36), is_negated(s, 47, 48)
        (True, False)
        >>> is_negated("No more than 5 people came.", 0, 14)
        False
    """
    if not isinstance(sentence_text, str):
        raise InputError(f"sentence_text must be a str, not {type(sentence_text).__name__}")
    n = len(sentence_text)
    qstart = max(0, min(qstart, n))
    qend = max(qstart, min(qend, n))
    h = _hedges()
    # only the words near the figure can negate it: a window keeps a run-on "sentence" of
    # thousands of figures linear
    w0 = max(0, qstart - _NEGATION_REACH)
    window = sentence_text[w0 : min(n, qend + _NEGATION_REACH)]
    qstart, qend, n = qstart - w0, qend - w0, len(window)
    pre = h.ascii_trigger  # most windows hold no negation or denial word at all: a quick scan says so
    if pre is not None and window.isascii() and pre.search(window, 0, qstart) is None \
            and pre.search(window, qend) is None:
        return False
    # blank out bounds such as "no more than" so their negation word does not count
    masked = h.not_negation.sub(lambda m: " " * len(m.group()), window)
    try:
        lo = 0
        for m in _CLAUSE_BREAK.finditer(masked, 0, qstart, timeout=_TIMEOUT):
            lo = m.end()
        hi = n
        m2 = _CLAUSE_BREAK.search(masked, qend, timeout=_TIMEOUT)
        if m2:
            hi = m2.start()
        if h.negation.search(masked, lo, qstart, timeout=_TIMEOUT):
            return True
        if h.negation_after.search(masked, qend, hi, timeout=_TIMEOUT):
            return True
        return bool(h.denial.search(masked, 0, qstart, timeout=_TIMEOUT))
    except TimeoutError:  # pragma: no cover - defensive
        _guard.note_skipped(offset + w0 + qstart, offset + w0 + qend, "the negation scan of the figure timed out")
        return False
