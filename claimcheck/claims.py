"""Claims: bind every quantity to its subject, metric, time and source.

:func:`extract` runs the pipeline on one document::

    segment (sentences, repeats, boilerplate)
      -> parse_quantities (once over the whole text)
      -> per sentence: attribution, time expressions, hedging
      -> per quantity: subject + metric (the rules below) -> Claim

The binder is a small set of ordered, named rules over a token window of the sentence (no
model, no network). Each claim records the rule that bound it in ``Claim.rule``:

``possessive``      "Sina Weibo's 143.8 million"                -> Sina Weibo
``modifies``        "a month-long crackdown" / "6.1-magnitude quake" -> the noun after
``of``              "two monks of Drilda monastery"             -> Drilda monastery
``relative``        "WeChat, one of the apps ..., which has 800 million users" -> WeChat
``clause``          "In March, WeChat removed at least 40 accounts" -> WeChat
``pronoun``         "It has ... 396 million" -> the topic of the previous sentences
``agent``           "Five Tibetans were arrested by Chinese authorities" -> Chinese authorities
``event``           a count that is the sentence's own subject -> the story's event
``day``             a weekday tied to an announcement verb ("said Wednesday")

A quantity gets a claim only when both a subject and a metric are found: a figure with
nothing to check it against is not a claim (``parse_quantities`` still lists it).

Example:
    >>> import claimcheck as cc
    >>> [(c.subject, c.metric, c.quantity.value) for c in cc.extract(
    ...     "Sina Weibo's 143.8 million monthly active users trail WeChat.")]
    [('Sina Weibo', 'monthly active users', 143800000.0)]
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from . import _guard
from . import attribution as _attr
from . import entities as _ent
from . import text as _text
from . import timeexpr as _time
from .errors import LexiconError, UnitError
from .lexicon import load_toml
from .models import Attribution, Claim, Document, Quantity, Relation, Span
from .quantities import parse_quantities

__all__ = ["STORY", "extract", "story_event"]

#: The subject of a figure that only the story itself can own ("1,200 people were
#: evacuated" in a text that names no event noun): check() is given texts about one story,
#: so such figures are compared with each other.
STORY = "the story"

# Words (with inner hyphens, apostrophes, dots), numbers with separators ("200,000" is one
# token, so its comma never ends a clause), and single punctuation marks.
_TOKEN = regex.compile(
    r"\p{N}++(?:[.,]\p{N}++)*+(?:[-'’.&][\p{L}\p{N}]++)*+"
    r"|[\p{L}\p{N}]++(?:[-'’.&][\p{L}\p{N}]++)*+"
    r"|[^\s\p{L}\p{N}]",
    regex.V1,
)
_TIMEOUT = 1.0


@dataclass(frozen=True, slots=True)
class _Lex:
    det: frozenset[str]
    prep: frozenset[str]
    pron: frozenset[str]
    rel: frozenset[str]
    aux: frozenset[str]
    particles: frozenset[str]
    conj: frozenset[str]
    appos: frozenset[str]
    not_names: frozenset[str]
    referring: frozenset[str]
    possession: frozenset[str]
    other_verbs: frozenset[str]
    reporting: frozenset[str]
    verb_normal: Mapping[str, str]
    modifiers: frozenset[str]
    events: Mapping[str, str]
    plural: Mapping[str, str]


@functools.cache
def _lex() -> _Lex:
    d = load_toml("claims.toml")
    w, v = d["words"], d["verbs"]
    return _Lex(
        det=frozenset(w["determiners"]),
        prep=frozenset(w["prepositions"]),
        pron=frozenset(w["pronouns"]),
        rel=frozenset(w["relatives"]),
        aux=frozenset(w["auxiliaries"]),
        particles=frozenset(w["particles"]),
        conj=frozenset(w["conjunctions"]),
        appos=frozenset(w["apposition_starts"]),
        not_names=frozenset(w["not_names"]),
        referring=frozenset(w["referring"]),
        possession=frozenset(v["possession"]),
        other_verbs=frozenset(v["other"]),
        reporting=frozenset(v["reporting"]),
        verb_normal=dict(v["normal"]),
        modifiers=frozenset(d["metric"]["modifiers"]),
        events=dict(d["events"]),
        plural=dict(d["plural"]),
    )


@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int
    cap: bool
    word: bool


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    try:
        for m in _TOKEN.finditer(text, start, end, timeout=_TIMEOUT):
            t = m.group()
            out.append(_Tok(t, t.lower(), m.start(), m.end(), t[:1].isupper(), t[:1].isalnum()))
    except TimeoutError:  # pragma: no cover - the pattern is linear; belt and braces
        return out
    return out


def _bare(t: _Tok) -> str:
    """Token text without a possessive ending."""
    for suf in ("'s", "’s"):
        if t.low.endswith(suf):
            return t.text[: -len(suf)]
    return t.text


def _is_possessive(t: _Tok) -> bool:
    return t.low.endswith(("'s", "’s")) or t.text in ("'", "’")


def _plural(noun: str) -> str:
    lex = _lex()
    if noun in lex.plural:
        return lex.plural[noun]
    low = noun.lower()
    if low in lex.plural:
        return lex.plural[low]
    if low.endswith(("s", "x", "ch", "sh", "z")):
        return noun + "es" if not low.endswith("s") else noun
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@dataclass(slots=True)
class _Ctx:
    doc_id: str
    text: str
    toks: list[_Tok]
    aliases: Mapping[str, str]
    topic: tuple[str, str] | None  # (canonical, as written) of the running topic
    event: str | None
    quantities: list[Quantity]
    synonyms: Mapping[str, str] = field(default_factory=dict)
    midcaps: frozenset[str] = frozenset()
    runs: list[tuple[int, int]] | None = None
    metrics: dict[int, str] = field(default_factory=dict)  # quantity start -> metric
    metric_by_kind: dict[str, str] = field(default_factory=dict)  # first metric of each kind
    # lookups that keep the per-quantity work constant, however many figures a sentence has
    q_by_end: dict[int, Quantity] = field(default_factory=dict)
    q_tok: list[int] = field(default_factory=list)  # token index of each non-date figure
    has_multiplier: bool = False
    _compares: bool | None = None

    def index(self) -> None:
        self.q_by_end = {q.end: q for q in self.quantities}
        self.q_tok = sorted(_index_at(self.toks, q.start) for q in self.quantities if q.kind != "date")
        self.has_multiplier = any(q.kind == "multiplier" for q in self.quantities)

    def figure_between(self, lo: int, hi: int) -> bool:
        """Whether a figure starts at a token index in [lo, hi)."""
        i = bisect.bisect_left(self.q_tok, lo)
        return i < len(self.q_tok) and self.q_tok[i] < hi

    @property
    def compares(self) -> bool:
        if self._compares is None:
            a = self.toks[0].start if self.toks else 0
            b = self.toks[-1].end if self.toks else 0
            self._compares = self.has_multiplier or bool(_COMPARE.search(self.text, a, b))
        return self._compares


@dataclass(slots=True)
class _Binding:
    subject: str
    subject_text: str
    metric: str
    rule: str


# --------------------------------------------------------------------------- entity runs


def _name_runs(ctx: _Ctx) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of capitalised names ("State Internet Information Office").

    A lone capitalised word opening the sentence ("Armed robbers stole ...") is a name only
    if the document also writes it capitalised mid-sentence, or it is a known alias.
    """
    if ctx.runs is not None:
        return ctx.runs
    toks = ctx.toks
    lex = _lex()
    runs: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        known_pair = (
            i + 1 < n and toks[i + 1].cap and toks[i + 1].word
            and _ent.alias_key(t.text + toks[i + 1].text) in _known_keys()
        )
        if t.word and t.cap and not t.text[:1].isdigit() and (
            _bare(t).lower() not in lex.not_names or known_pair
        ):
            j = i + 1
            while j < n:
                u = toks[j]
                if u.word and u.cap and not _is_possessive(toks[j - 1]):
                    j += 1
                elif (
                    u.low in ("of", "for", "and", "&")
                    and j + 1 < n
                    and toks[j + 1].cap
                    and toks[j + 1].word
                    and not _is_possessive(toks[j - 1])
                ):
                    j += 2
                else:
                    break
            opening = i == 0 or not toks[i - 1].word and toks[i - 1].text in "\"“'‘("
            lone = j == i + 1 and j < n and not toks[j].cap and toks[j].word \
                and not _is_verb(toks[j], lex) and toks[j].low not in lex.prep
            if opening and lone and t.text not in ctx.midcaps and not known_pair \
                    and _ent.alias_key(_bare(t)) not in _known_keys():
                i = j
                continue
            runs.append((i, j))
            i = j
        else:
            i += 1
    ctx.runs = runs
    return runs


@functools.cache
def _known_keys() -> frozenset[str]:
    return frozenset(_ent.alias_key(k) for k in _ent.known_entities())


def _run_text(ctx: _Ctx, i: int, j: int) -> str:
    toks = ctx.toks
    raw = ctx.text[toks[i].start : toks[j - 1].end]
    last = toks[j - 1]
    if _is_possessive(last) and last.text not in ("'", "’"):
        raw = raw[:-2]
    return raw


def _canon(ctx: _Ctx, name: str) -> str:
    return _ent.canonical(name, ctx.aliases)


# --------------------------------------------------------------------------- noun phrases


def _np_subject(ctx: _Ctx, lo: int, hi: int) -> tuple[str, str, str] | None:
    """Subject from the noun phrase toks[lo:hi]: (canonical, as written, how)."""
    lex = _lex()
    toks = ctx.toks
    if lo >= hi:
        return None
    # a pronoun subject: the running topic
    words = [t for t in toks[lo:hi] if t.word]
    if not words:
        return None
    if len(words) <= 2 and words[-1].low in lex.pron and ctx.topic:
        return ctx.topic[0], ctx.topic[1], "pronoun"
    if len(words) == 2 and words[0].low == "the" and words[1].low in lex.referring and ctx.topic:
        return ctx.topic[0], ctx.topic[1], "pronoun"  # "The company has ..." -> the topic
    runs = [(i, j) for i, j in _name_runs(ctx) if i >= lo and j <= hi]
    # cut at the first preposition or verb outside a name: "services in China" -> "services",
    # "A 6.4-magnitude quake hit the town" -> "quake"
    cut = hi
    for k in range(lo, hi):
        if any(i <= k < j for i, j in runs) or k == lo:
            continue
        low = toks[k].low
        if low in lex.prep or _is_verb(toks[k], lex):
            cut = k
            break
    head_runs = [(i, j) for i, j in runs if j <= cut]
    if head_runs:
        # "Tencent's WeChat" -> WeChat (the last name before the cut)
        i, j = head_runs[-1]
        written = _run_text(ctx, i, j)
        return _canon(ctx, written), written, "name"
    # a common noun phrase: drop determiners, numbers and possessive pronouns
    kept = [
        t
        for t in toks[lo:cut]
        if t.word and t.low not in lex.det and t.low not in lex.pron and not t.text[:1].isdigit()
        and t.low not in lex.aux and t.low not in _NOT_SUBJECT and t.low not in _TIME_WORDS
    ]
    if ctx.figure_between(lo, cut):
        return None  # "four rack switches, four terminal servers": a list, not a subject
    while kept and kept[0].low in lex.prep:
        kept.pop(0)
    # only nouns can head a subject: drop trailing verb forms, adverbs and time words
    # ("a new law last year calling for" -> "new law")
    while kept and (
        kept[-1].low.endswith(("ly", "ing"))
        or kept[-1].low in lex.verb_normal
        or kept[-1].low in lex.conj
        or kept[-1].low in _TIME_WORDS
        or (kept[-1].low.endswith("ed") and len(kept) > 1)
    ):
        kept.pop()
    if not kept:
        return None
    kept = kept[-4:]
    written = ctx.text[kept[0].start : kept[-1].end]
    canonical = _event_name(written) or _canon(ctx, written)
    first_word = next((t for t in toks if t.word), None)
    if kept[0] is first_word and kept[0].text not in ctx.midcaps:
        canonical = canonical[:1].lower() + canonical[1:]  # "Food-delivery apps have ..."
    # "Some accounts attract ...": an unspecified set, not the accounts named elsewhere
    first = next((t for t in toks[lo:cut] if t.word), None)
    if first is not None and first.low in _INDEFINITE:
        canonical = f"{first.low} {canonical}"
    return canonical, written, "phrase"


_NOT_SUBJECT = frozenset({"a.m", "p.m", "gmt", "utc", "there", "here", "reports", "report",
                          "figures", "estimates", "estimate", "data", "statistics", "one", "two", "three",
                          "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
                          "hundreds", "thousands", "millions", "just", "only", "about"})

_INDEFINITE = frozenset({"some", "many", "several", "few", "most", "other", "various", "certain",
                         "numerous", "countless", "dozens", "hundreds", "thousands", "millions"})

_TIME_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days",
                         "last", "next", "this", "today", "yesterday", "tomorrow", "ago",
                         "earlier", "later", "recently", "previously", "now", "time"})


def _is_verb(t: _Tok, lex: _Lex) -> bool:
    low = t.low
    return (
        low in lex.aux
        or low in lex.other_verbs
        or low in lex.verb_normal
        or (low in lex.possession and low not in ("with", "of", "to", "at", "now", "total", "number"))
        or (low.endswith("ed") and len(low) > 4 and not t.cap)
    )


def _event_name(phrase: str) -> str | None:
    """The canonical event of a phrase whose head noun is an event ("new crackdown")."""
    words = phrase.lower().split()
    if words:
        head = words[-1].strip("\"'“”")
        events = _lex().events
        ev = events.get(head) or (events.get(head[:-1]) if head.endswith("s") else None)
        if ev is not None:
            return ev
    return None


# --------------------------------------------------------------------------- subject rules


def _index_at(toks: Sequence[_Tok], pos: int) -> int:
    """Index of the first token starting at or after ``pos``."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


#: How far back (in tokens) the binder looks for a clause start, and the longest stretch of
#: a run-on sentence it binds at once: both keep extract() linear on hostile text.
_MAX_REACH = 60
_MAX_PIECE = 600

_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday"})

_SUBORDINATORS = frozenset({"after", "before", "since", "when", "while", "because", "until",
                            "once", "if", "although", "though", "whereas", "as"})


def _segment_start(toks: Sequence[_Tok], k: int) -> int:
    """Start index of the comma/clause segment that ends at token k (exclusive).

    A relative pronoun starts a segment and stays in it (``toks[seg]`` is "which").
    """
    lex = _lex()
    i = k - 1
    floor = max(0, k - _MAX_REACH)  # a clause subject further back than this is not found
    while i >= floor:
        t = toks[i]
        if t.text in (",", ";", ":", "—", "–", "(", ")", '"', "“", "”") or (
            t.text == "-" and i > 0 and toks[i - 1].end < t.start
        ):
            return i + 1
        if t.low in lex.rel:
            return i
        if t.low in ("and", "but") and i > 0:
            return i + 1
        if t.low in _SUBORDINATORS and i > 0 and i < k - 1:
            return i + 1
        if t.low in lex.reporting:
            # "said (on) Tuesday (that) ...": the reported clause starts after all of these
            j = i + 1
            while j < k and (toks[j].low in ("on", "that", "late", "early")
                             or toks[j].low in _WEEKDAYS or toks[j].low in _TIME_WORDS):
                j += 1
            return j
        i -= 1
    return floor


def _relative_at(toks: Sequence[_Tok], seg: int, end: int) -> int | None:
    """Index of the relative pronoun opening the segment, if it is one.

    "which"/"who" always are; "that" only after a noun ("the users that run"), not after a
    verb ("announced that the accounts ...", where it introduces reported speech).
    """
    if seg >= end or seg >= len(toks):
        return None
    low = toks[seg].low
    if low in ("which", "who", "whose", "where", "when"):
        return seg
    if low == "that" and seg > 0:
        prev = toks[seg - 1]
        lex = _lex()
        if prev.low in lex.not_names or prev.low in _TIME_WORDS:
            return None  # "said Tuesday that ...": reported speech, not a relative clause
        if prev.word and not (prev.low.endswith("ed") or prev.low in lex.verb_normal
                              or prev.low in lex.aux or prev.low in lex.possession
                              or prev.low in ("said", "says", "say", "told", "so", "such")):
            return seg
    return None


def _verb_group_start(ctx: _Ctx, k: int) -> tuple[int, list[_Tok]]:
    """Walk left from token k over a verb group; returns (index where it starts, verbs)."""
    lex = _lex()
    toks = ctx.toks
    verbs: list[_Tok] = []
    i = k - 1
    floor = max(0, k - _MAX_REACH)
    while i >= floor:
        t = toks[i]
        low = t.low
        if not t.word or low in lex.reporting:
            break  # "Officials said about 1,250 ...": the reported clause starts here
        if low in lex.aux or low in lex.possession or low in lex.particles or (
            low.endswith("ly") and not t.cap
        ):
            verbs.append(t)
        elif low in lex.verb_normal or (low in lex.other_verbs and not t.cap) or (
            low.endswith("ed") and len(low) > 4 and not t.cap and (i == 0 or toks[i - 1].low not in lex.det)
        ):
            verbs.append(t)
        elif low in ("for", "to", "by", "with") and verbs == [] and i > 0 and (
            toks[i - 1].low.endswith(("ed", "ing")) or toks[i - 1].low in lex.verb_normal
            or toks[i - 1].low in lex.aux
        ):
            verbs.append(t)  # "suspended for a week", "sentenced to"
        else:
            break
        i -= 1
    return i + 1, verbs


def _participle(verbs: Sequence[_Tok], lex: _Lex) -> str | None:
    """The event verb of a verb group, normalised ("killed"), or None for possession."""
    for t in reversed(verbs):  # verbs were collected right to left; read left to right
        low = t.low
        if low in lex.possession or low in lex.aux or low in lex.particles or low.endswith("ly"):
            continue
        if low in ("for", "to", "by", "with"):
            continue
        norm = lex.verb_normal.get(low)
        if norm:
            return norm
        if low.endswith("ed"):
            return low
    return None


def _subject_before(ctx: _Ctx, k: int) -> tuple[str, str, str, list[_Tok]] | None:
    """The clause subject left of token k, skipping the verb group and appositions."""
    lex = _lex()
    toks = ctx.toks
    vstart, verbs = _verb_group_start(ctx, k)
    end = vstart
    if end == 0:
        return None
    seg = _segment_start(toks, end)
    # relative clause: "X, which has N" -> X (skipping an apposition before the comma)
    rel_at = _relative_at(toks, seg, end)
    if rel_at is not None and toks[rel_at].low in ("where", "when"):
        seg, rel_at = rel_at + 1, None
    if rel_at is not None and rel_at + 1 < end and (
        toks[rel_at + 1].cap or toks[rel_at + 1].low in lex.det or toks[rel_at + 1].low in lex.pron
    ):
        seg, rel_at = rel_at + 1, None  # "through which WeChat users can share": own subject
    if rel_at is not None:
        lo_end = rel_at
        if lo_end > 0 and toks[lo_end - 1].text == ",":
            lo_end -= 1
        prev = _segment_start(toks, lo_end)
        # "WeChat, one of the apps by Tencent, which has" -> skip the apposition
        if prev > 0 and toks[prev].low in lex.appos and toks[prev - 1].text == ",":
            lo_end = prev - 1
            prev = _segment_start(toks, lo_end)
        # the antecedent is the end of that segment: a quantity phrase or a name
        q = ctx.q_by_end.get(toks[lo_end - 1].end) if lo_end > 0 else None
        if q is not None and q.counted:
            noun = _plural(q.counted)
            return noun, noun, "relative", verbs
        # an event verb ("which also wounded around 100 people") belongs to the event the
        # phrase names ("The Israeli attack on the school in Jabaliya, which ..."), not to
        # the place at its end
        if _participle(verbs, lex) in lex.verb_normal.values():
            for k2 in range(prev, lo_end):
                ev = lex.events.get(toks[k2].low)
                if ev:
                    return ev, toks[k2].text, "relative", verbs
        # the noun phrase right before the comma: after the last verb or preposition
        runs_all = _name_runs(ctx)
        tail = prev
        for k2 in range(prev, lo_end):
            if any(i <= k2 < j for i, j in runs_all):
                continue
            if toks[k2].low in lex.prep or _is_verb(toks[k2], lex):
                tail = k2 + 1
        runs = [(i, j) for i, j in runs_all if i >= tail and j <= lo_end]
        if runs:
            i, j = runs[-1]
            written = _run_text(ctx, i, j)
            return _canon(ctx, written), written, "relative", verbs
        np = _np_subject(ctx, tail, lo_end)
        if np:
            return np[0], np[1], "relative", verbs
        return None
    # apposition right before the verb: "We Chat, the most popular among them(,) has";
    # not an opening phrase: "In March, the company removed ..." keeps "the company"
    lo, hi = seg, end
    if lo == hi and not verbs:
        return None  # the figure opens its clause: it is its own subject
    while lo > 0 and toks[lo - 1].text == "," and (lo == hi or toks[lo].low in lex.appos):
        prev_hi = lo - 1
        prev_lo = _segment_start(toks, prev_hi)
        if prev_lo >= prev_hi:
            break
        first = toks[prev_lo].low
        if first in lex.prep or first in _SUBORDINATORS or first in _TIME_WORDS or first == "just":
            if lo == hi:
                return None
            break
        lo, hi = prev_lo, prev_hi
    np = _np_subject(ctx, lo, hi)
    if np:
        return np[0], np[1], ("pronoun" if np[2] == "pronoun" else "clause"), verbs
    return None


def _np_after(ctx: _Ctx, k: int) -> tuple[str, str] | None:
    """The noun phrase starting at token k (after "of"/"by"), as (canonical, written)."""
    lex = _lex()
    toks = ctx.toks
    n = len(toks)
    i = k
    while i < n and toks[i].low in lex.det:
        i += 1
    j = i
    while j < n and toks[j].word and toks[j].low not in lex.prep and toks[j].low not in lex.conj \
            and toks[j].low not in lex.rel and toks[j].low not in lex.aux and j - i < 5:
        j += 1
    if j == i:
        return None
    runs = [(a, b) for a, b in _name_runs(ctx) if a >= i and b <= j]
    if runs:
        a, b = runs[0]
        if a == i or (b < j and all(not toks[x].cap for x in range(b, j))):
            # "Drilda monastery", "Chinese authorities", "the extended Daya family"
            i = a
            written = ctx.text[toks[a].start : toks[j - 1].end]
            if _is_possessive(toks[j - 1]):
                written = written[:-2]
        else:
            written = _run_text(ctx, a, b)
        return _canon(ctx, written), written
    written = ctx.text[toks[i].start : toks[j - 1].end]
    if toks[j - 1].low.endswith(("ly", "ing")) and j - i == 1:
        return None
    return (_event_name(written) or _canon(ctx, written)), written


def _noun_after(ctx: _Ctx, k: int) -> tuple[str, str] | None:
    """The noun a hyphenated adjective modifies: "month-long crackdown" -> crackdown."""
    lex = _lex()
    toks = ctx.toks
    j = k
    n = len(toks)
    while j < n and toks[j].word and j - k < 3 and toks[j].low not in lex.prep \
            and toks[j].low not in lex.conj and not _is_verb(toks[j], lex):
        if toks[j].low in lex.events:
            return lex.events[toks[j].low], toks[j].text
        j += 1
    if k < n and toks[k].word and toks[k].low not in lex.prep and toks[k].low not in lex.det \
            and not _is_verb(toks[k], lex) and j > k:
        last = toks[j - 1]
        w = ctx.text[toks[k].start : last.end]
        return _canon(ctx, w), w
    return None


# --------------------------------------------------------------------------- metric rules


_REFERENCE = regex.compile(
    r"\s*+(?:\([^()]{0,30}\)\s*+)?(?:away\s++)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west"
    r"|north-north-?east|north-north-?west|south-south-?east|south-south-?west)\s++)?"
    r"(?:of|from|off)\s++(?:the\s++)?(?:\p{Ll}[\p{Ll}-]*+\s++){0,3}(?:of\s++)?"
    r"(\p{Lu}[\p{L}-]*+(?:\s++\p{Lu}[\p{L}-]*+){0,3})",
    regex.V1,
)
_SHAPE = regex.compile(r"[\s-]*+(?:\([^()]{0,30}\)\s*+)?(high|tall|long|wide|deep|thick)\b", regex.I)
_SHAPES = {"high": "height", "tall": "height", "long": "length", "wide": "width", "deep": "depth",
           "thick": "thickness"}


@functools.lru_cache(maxsize=256)
def _is_length(unit: str) -> bool:
    from .units import dimension_key

    try:
        return dimension_key(unit) == "[length]"
    except UnitError:  # an unknown unit is simply not a length
        return False


_METRIC_SUFFIX = regex.compile(r"\s*(?:in|behind)\s+(?:prison|jail|bars)\b", regex.I)
_DEPTH = regex.compile(r"\b(?:depth|deep|beneath|below|underground)\b", regex.I)


def _count_metric(ctx: _Ctx, q: Quantity) -> str | None:
    lex = _lex()
    if not q.counted:
        return None
    words = [w.strip(",.").lower() for w in q.text.split()]
    mods = [w for w in words[:-1] if w in lex.modifiers and w not in ("public", "private", "confirmed")]
    noun = _plural(q.counted)
    return " ".join([*mods, noun.lower() if noun[:1].islower() else noun])


def _metric(ctx: _Ctx, q: Quantity, ri: int) -> str | None:
    text = ctx.text
    if q.kind == "duration":
        if _METRIC_SUFFIX.match(text, q.end, min(len(text), q.end + 20)):
            return "prison sentence"
        if q.text.lower().endswith("-old") or text[q.end : q.end + 5].lower() in ("-old ", " old "):
            return "age"
        return "duration"
    if q.kind == "percent":
        return "percent"
    if q.kind == "currency":
        m = _PAID_IN.match(text, q.end, min(len(text), q.end + 40))
        return f"amount in {m.group(1).lower()}" if m else "amount"  # "$281m in cash"
    if q.kind == "dimension":
        window = text[max(0, q.start - 25) : q.end + 22]
        if q.unit and _is_length(q.unit):
            m = _SHAPE.match(text, q.end, min(len(text), q.end + 50))
            if m:
                return _SHAPES[m.group(1).lower()]
            if _DEPTH.search(window):
                return "depth"
            if _hyphen_adjective(q):
                return "length"  # "a 6-foot wall", "a 181-km fault"
            # a distance is only checkable against its reference point: "55 km south of Bireun"
            ref = _REFERENCE.match(text, q.end, min(len(text), q.end + 80))
            return f"distance from {ref.group(1)}" if ref else None
        if q.unit and "degree" in q.unit:
            return "temperature"
        if q.unit and q.unit.startswith("square "):
            return "area"
        return q.unit
    if q.kind == "ordinal":
        # "the 25th anniversary of X" is checkable; "the second half", "the first truck" not
        ok = q.text[:1].isdigit() and ri < len(ctx.toks) and ctx.toks[ri].low == "of"
        return q.counted if ok else None
    if q.kind == "count":
        if q.counted == "magnitude" or (q.counted is None and "magnitude" in q.text.lower()):
            return "magnitude"
        if q.counted is None and ri < len(ctx.toks) and ctx.toks[ri].low in ctx.synonyms:
            return ctx.synonyms[ctx.toks[ri].low]  # "41 million MAU"
        return _count_metric(ctx, q)
    return None


_PAID_IN = regex.compile(
    r"\s++in\s++((?:cash|stock|shares|equity|debt|loans?|aid|savings|bonds|grants?)"
    r"(?:\s++and\s++(?:cash|stock|shares|equity|debt|loans?|aid|savings|bonds|grants?))?)\b",
    regex.I,
)

_HAUL = frozenset({"jewelry", "jewellery", "jewels", "gems", "diamonds", "watches", "valuables",
                   "goods", "loot", "gold", "art", "paintings"})

_OF_METRICS = frozenset({"depth", "distance", "height", "length", "width", "magnitude", "toll",
                         "population", "total", "speed", "area"})

_COMPARE = regex.compile(r"\b(?:than|versus|vs\.?|compared\s+(?:with|to))\b", regex.I)


def _borrowed_metric(ctx: _Ctx, q: Quantity, li: int) -> str | None:
    """A bare number takes the metric of a noun phrase right before it ("users, 396 million")
    or of the other figure it is compared with in the same sentence."""
    toks = ctx.toks
    if li >= 2 and toks[li - 1].text == ",":
        k = li - 2
        if toks[k].word and toks[k].low.endswith("s"):
            lo = k
            while lo > 0 and toks[lo - 1].word and toks[lo - 1].low in _lex().modifiers:
                lo -= 1
            words = [t.low for t in toks[lo : k + 1]]
            return " ".join(words)
    if q.value is not None and abs(q.value) >= 1e5 and ctx.compares:
        return ctx.metric_by_kind.get(q.kind)
    return None


# --------------------------------------------------------------------------- binding


def _hyphen_adjective(q: Quantity) -> bool:
    """"6-foot", "one-month", "month-long", "6.1-magnitude": a figure written as a hyphenated
    adjective; "twenty-six miles" is a hyphenated number, not an adjective."""
    if "-" not in q.text or not q.text[-1:].isalpha():
        return False
    return " " not in q.text.rsplit("-", 1)[1]


def _passive_after(toks: Sequence[_Tok], ri: int, lex: _Lex) -> str | None:
    """"five people were killed" -> "killed": the participle after a counted noun."""
    k = ri
    seen_aux = False
    while k < len(toks) and k < ri + 4 and toks[k].word and (
        toks[k].low in lex.aux or toks[k].low.endswith("ly")
    ):
        seen_aux = True
        k += 1
    if k < len(toks) and toks[k].word:
        low = toks[k].low
        norm = lex.verb_normal.get(low)
        if norm and (seen_aux or low in ("died", "dead", "killed", "injured", "wounded")):
            return norm
        if seen_aux and low.endswith("ed") and len(low) > 4 and low not in lex.reporting:
            return low
    return None



def _bind(ctx: _Ctx, q: Quantity) -> _Binding | None:
    lex = _lex()
    toks = ctx.toks
    li = _index_at(toks, q.start)
    ri = _index_at(toks, q.end)
    metric = _metric(ctx, q, ri)
    rule_metric = "metric"
    if metric is None and q.kind == "count" and q.counted is None:
        metric = _borrowed_metric(ctx, q, li)
        rule_metric = "borrowed"
    if metric is None:
        return None

    def done(subj: tuple[str, str] | tuple[str, str, str], rule: str, verb: str | None = None) -> _Binding:
        m = metric
        if verb is None and q.kind == "count" and q.counted:
            verb = _passive_after(toks, ri, lex)
        if verb and q.kind == "count" and q.counted and rule_metric == "metric":
            m = f"{metric} {verb}"
        return _Binding(subj[0], subj[1], m or "", rule)

    # 1. possessive right before: "Sina Weibo's 143.8 million"
    if li > 0 and _is_possessive(toks[li - 1]):
        k = li - 1
        runs = [(i, j) for i, j in _name_runs(ctx) if j == k + 1 or (j == k and toks[k].text in ("'", "’"))]
        if runs:
            i, j = runs[-1]
            w = _run_text(ctx, i, j)
            return done((_canon(ctx, w), w), "possessive")
    # 2a. the figure modifies an event: "a magnitude 9.1 quake", "a $2.6 million raid"
    if ri < len(toks) and toks[ri].word:
        nxt = toks[ri].low
        j = ri
        while j < len(toks) and j < ri + 3 and toks[j].word and toks[j].low not in lex.events \
                and not _is_verb(toks[j], lex) and toks[j].low not in lex.prep and "-" in toks[j].low:
            j += 1  # "a $2.6 million smash-and-grab raid"
        if j < len(toks) and toks[j].low in lex.events and q.kind in ("count", "currency", "dimension"):
            return done((lex.events[toks[j].low], toks[j].text), "modifies")
        del nxt
    # 2b. "gems worth 85 million euros", "diamonds valued at $108 million"
    if q.kind == "currency" and li >= 2:
        k = li - 1
        if toks[k].low == "at" and toks[k - 1].low in ("valued", "estimated", "priced"):
            k -= 1
        if toks[k].low in ("worth", "valued", "priced") and k >= 1 and toks[k - 1].word \
                and not _is_verb(toks[k - 1], lex):
            w = toks[k - 1].text
            # "diamonds valued at", "gems worth": the haul of the story's event, so that
            # two outlets naming the loot differently still compare its value
            return done((ctx.event, w) if ctx.event else (w.lower(), w), "worth")
    # "$102 million in jewelry", "€85 million worth of diamonds"
    if q.kind == "currency" and ctx.event and ri + 1 < len(toks) and (
        toks[ri].low == "in" and toks[ri + 1].low in _HAUL
        or toks[ri].low == "worth" and toks[ri + 1].low == "of"
    ):
        return done((ctx.event, ctx.text[toks[ri].start : toks[min(ri + 2, len(toks) - 1)].end]), "worth")
    # 2. hyphenated adjective of a noun: "a one-month campaign", "6.1-magnitude quake"
    if ri < len(toks) and q.kind in ("duration", "count", "dimension") and _hyphen_adjective(q) \
            and toks[ri].word:
        if toks[ri - 1].end == q.end and q.text[-1:].isalpha():
            n = _noun_after(ctx, ri)
            if n:
                return done(n, "modifies")
    # 3. "N Y of X": "two monks of Drilda monastery", "25th anniversary of the killings"
    if ri < len(toks) and toks[ri].low == "of" and q.kind in ("count", "ordinal") and q.counted:
        n = _np_after(ctx, ri + 1)
        if n:
            return done(n, "of")
    # "a protest by the 102 users": the noun the figure is the agent of
    k = li - 1
    if k >= 0 and toks[k].low == "the":
        k -= 1
    if k >= 2 and toks[k].low == "by" and toks[k - 2].low in lex.det and toks[k - 1].word \
            and not _is_verb(toks[k - 1], lex) and not toks[k - 1].cap:
        w = toks[k - 1].text
        return done((_event_name(w) or w.lower(), w), "agent-of")
    # "at a depth of 10 km", "a death toll of 22": the noun names the metric
    if li >= 2 and toks[li - 1].low == "of" and toks[li - 2].low in _OF_METRICS:
        k = li - 2
        noun = toks[k].low
        if k >= 1 and toks[k - 1].low in ("death", "casualty", "injury"):
            k -= 1
            noun = f"{toks[k].low} {noun}"
        while k >= 1 and toks[k - 1].low in lex.det:
            k -= 1
        if k >= 1 and toks[k - 1].low in lex.prep:
            k -= 1
        got = _subject_before(ctx, k)
        subj = (got[0], got[1]) if got else (ctx.event or STORY, ctx.event or STORY)
        return _Binding(subj[0], subj[1], noun, "metric-of")
    # 4./5. the clause subject, through relative clauses, appositions and pronouns
    k = li
    if rule_metric == "borrowed" and li >= 2 and toks[li - 1].text == ",":
        k = li - 1  # "as many monthly active users, 396 million": the subject of that phrase
        while k > 0 and toks[k - 1].word and not (toks[k - 1].low in lex.possession):
            prev_q = ctx.q_by_end.get(toks[k - 1].end)
            if prev_q is not None:
                k = _index_at(toks, prev_q.start)
                continue
            k -= 1
    got = _subject_before(ctx, k)
    if got:
        subj, written, how, verbs = got
        verb = _participle(verbs, lex)
        return done((subj, written), how, verb)
    # 6. the count is the clause's own subject: "Five Tibetans ... were arrested by X"
    if q.kind == "count" and q.counted:
        after = toks[ri : ri + 30]
        verb = None
        for k, t in enumerate(after):
            if t.text in (".", ";", ",") or (verb is not None and t.low in ("and", "that", "but", "or")):
                break
            if verb is not None and t.low == "in" and k + 1 < len(after):
                n = _np_after(ctx, ri + k + 1)
                if n and n[0] in lex.events.values():
                    return done(n, "in-event", verb)  # "2 million people died in the war"
            norm = lex.verb_normal.get(t.low)
            if verb is None and t.low not in lex.reporting and (
                norm or t.low in lex.other_verbs or (t.low.endswith("ed") and len(t.low) > 4 and not t.cap)
            ):
                verb = norm or t.low
            if t.low == "by" and verb:
                n = _np_after(ctx, ri + k + 1)
                if n:
                    return done(n, "agent", verb)
        if verb:
            ev = ctx.event or STORY
            return done((ev, ev), "event", verb)
    if q.kind == "dimension":
        ev = ctx.event or STORY
        return done((ev, ev), "event")
    return None


# --------------------------------------------------------------------------- relations

_THAN = regex.compile(r"\b(?:than|as)\b", regex.I)


def _relation_for(ctx: _Ctx, q: Quantity, claims: list[dict[str, Any]]) -> None:
    """Attach a Relation to the claim a multiplier compares ("twice as many X, 396 million,
    as Y's 143.8 million"): the first figure after the multiplier, against the first figure
    after the following "than"/"as"."""
    text = ctx.text
    if q.value is None:
        return
    starts = [c["quantity"].start for c in claims]  # claims are in text order
    i = bisect.bisect_left(starts, q.end)
    if i + 1 >= len(claims):
        return
    a = claims[i]
    m = _THAN.search(text, a["quantity"].end, min(len(text), a["quantity"].end + 80))
    if m is None:
        return
    j = bisect.bisect_left(starts, m.end(), i + 1)
    if j >= len(claims) or claims[j]["metric"] != a["metric"]:
        return
    span = Span.from_text(text, q.start, q.end, ctx.doc_id)
    a["relation"] = Relation(factor=q.value, qualifier=q.qualifier, other=claims[j]["id"], span=span)


# --------------------------------------------------------------------------- time, attribution


def _time_for(ctx: _Ctx, times: Sequence[_time.TimeExpr], q: Quantity) -> _time.TimeExpr | None:
    """The time a figure refers to: a time phrase opening the sentence ("In March, ..."), or
    the nearest one in the figure's own clause, unless it hangs on an event noun of its own
    ("a similar clampdown last year")."""
    toks = ctx.toks
    lex = _lex()
    best = None
    qi = _index_at(toks, q.start)
    for t in times:
        if (t.end > q.start and t.start < q.end) or getattr(t, "kind", None) == "weekday":
            continue
        ti = _index_at(toks, t.start)
        te = _index_at(toks, t.end)
        opening = ti <= 1 and te < len(toks) and toks[te].text == ","
        if not opening and abs(ti - qi) > 22:
            continue
        if not opening:
            lo, hi = (te, qi) if te <= qi else (_index_at(toks, q.end), ti)
            between = toks[lo:hi]
            if len(between) > 20 or any(x.text in (",", ";", ":") for x in between):
                continue
            if ti > 0 and toks[ti - 1].low in lex.events and ti - 1 >= qi:
                continue
            if ti > 0 and toks[ti - 1].low in lex.events and te <= qi:
                pass
            elif ti > 0 and toks[ti - 1].low in lex.events:
                continue
        d = abs(ti - qi)
        if best is None or d < best[0]:
            best = (d, t)
    return best[1] if best else None


# --------------------------------------------------------------------------- extract


def _claim_id(doc_id: str, q: Quantity, subject: str, metric: str) -> str:
    key = "\x1f".join((doc_id, str(q.start), str(q.end), q.text, subject, metric))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


_MIDCAP = regex.compile(r"[\p{Ll}\p{N},;] ++(\p{Lu}[\p{L}\p{N}]*+)")


def story_event(docs: Sequence[Document]) -> str | None:
    """The event a set of documents about one story share: the most common first event word.

    Example:
        >>> story_event([Document(id="a", text="A raid on a jeweller."),
        ...              Document(id="b", text="The heist took minutes."),
        ...              Document(id="c", text="Armed robbers struck.")])
        'robbery'
    """
    counts: dict[str, int] = {}
    for d in docs:
        ev = _doc_event(d.text)
        if ev:
            counts[ev] = counts.get(ev, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda e: (-counts[e], e))


def _doc_event(text: str) -> str | None:
    """The story's event: the first event word of the text (the headline or the lede), which
    names what the story is about more reliably than the most frequent one (a quake story
    may mention "tsunami" more often, in warnings that were lifted)."""
    lex = _lex()
    for m in _WORD.finditer(text, 0, min(len(text), 200_000)):
        ev = lex.events.get(m.group().lower())
        if ev:
            return ev
    return None


_WORD = regex.compile(r"\p{L}++")


# "Tencent announced that the accounts would be suspended": an organisation stating its own
# act is reported as fact, not as a claim attributed to it (the cue list leaves
# "announced" out for this reason); "X said/told/reported ..." still attributes.
_EXCLUDED_CUES = ("announced", "announces")

_DAY_CUE = regex.compile(
    r"\b(?:said|says|announced|launched|started|began|begins|starts|launches|cited|reported|"
    r"unveiled|issued|released|declared|struck|hit|occurred|happened|took\s+place)\b",
    regex.I,
)


def extract(
    doc: Document | str,
    *,
    aliases: Mapping[str, str] | None = None,
    metric_synonyms: Mapping[str, str] | None = None,
    story_event: str | None = None,
) -> list[Claim]:
    """The claims of one document: each quantity bound to subject, metric, time and source.

    Args:
        doc: a :class:`Document`, or a plain string (its id is then ``"doc"``).
        aliases: extra entity aliases, ``{"We Chat": "WeChat"}``; they win over the built-in ones.
        metric_synonyms: extra metric synonyms, ``{"MAU": "monthly active users"}``.
        story_event: the event the story is about, for figures whose only owner is the
            story ("At least 22 houses were damaged."); by default the first event word of
            the document. :func:`claimcheck.check` passes the one its documents share, so a
            "raid" in one outlet and a "robbery" in another file their figures together.

    Returns:
        Claims in text order. A sentence the document repeats gives one claim whose
        ``repeats`` lists the other occurrences. Scraped boilerplate gives none.

    Raises:
        InputError: ``doc`` is neither a Document nor a str; ``aliases`` or
            ``metric_synonyms`` is not a mapping of non-empty strings to non-empty strings;
            ``story_event`` is not a non-empty string or None.

    Example:
        >>> import claimcheck as cc
        >>> d = cc.Document(id="a", text="In March, WeChat removed at least 40 accounts.")
        >>> c = cc.extract(d)[0]
        >>> c.subject, c.metric, c.quantity.low, c.time_text
        ('WeChat', 'accounts removed', 40.0, 'March')
    """
    d = _guard.document(doc, "extract")
    aliases = _guard.str_map("aliases", aliases)
    metric_synonyms = _guard.str_map("metric_synonyms", metric_synonyms)
    story_event = _guard.optional_str("story_event", story_event, "extract")
    text = d.text
    alias_map: dict[str, str] = dict(_ent.find_definitions(text))
    if aliases:
        alias_map.update(aliases)
    synonyms = _metric_synonyms(metric_synonyms)
    sentences = _text.segment(text)
    quantities = parse_quantities(text)
    event = story_event or _doc_event(text)
    midcaps = frozenset(m.group(1) for m in _MIDCAP.finditer(text))
    topic: tuple[str, str] | None = None
    previous_att: Attribution | None = None
    seen: set[tuple[float | None, str | None, str | None]] = set()
    claims: list[dict[str, Any]] = []
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    qi = 0
    for si, s in enumerate(sentences):
        sq: list[Quantity] = []
        while qi < len(quantities) and quantities[qi].start < s.start:
            qi += 1
        k = qi
        while k < len(quantities) and quantities[k].end <= s.end:
            sq.append(quantities[k])
            k += 1
        if not s.claimable:
            continue
        if s.repeat_of is not None and s.repeat_of in by_sentence:
            orig = sentences[s.repeat_of]
            shift = s.start - orig.start
            for c in by_sentence[s.repeat_of]:
                sp: Span = c["span"]
                c["repeats"].append(
                    Span.from_text(text, sp.start + shift, sp.end + shift, d.id)
                )
            continue
        sentence_out: list[dict[str, Any]] = []
        for a, b, pq in _pieces(text, s.start, s.end, sq):
            out, att, ctx = _piece_claims(
                d, a, b, pq, alias_map, synonyms, midcaps, topic, event, previous_att, seen
            )
            if att is not None:
                previous_att = att
            if out:
                sentence_out.extend(out)
                first = next((c for c in out if c["quantity"].kind != "date"), None)
                if first is not None and first["rule"] not in ("event", "day"):
                    topic = (first["subject"], first["subject_text"])
            new_topic = _sentence_topic(ctx)
            if new_topic is not None and (not out or topic is None):
                topic = new_topic
        if sentence_out:
            by_sentence[si] = sentence_out
            claims.extend(sentence_out)
    result = []
    for c in claims:
        c["repeats"] = tuple(c["repeats"])
        result.append(Claim(**c))
    return result


def _pieces(
    text: str, start: int, end: int, sq: Sequence[Quantity]
) -> list[tuple[int, int, list[Quantity]]]:
    """The stretches a sentence is bound in: the sentence itself, or, for a run-on "sentence"
    longer than ``2 * _MAX_PIECE`` (scraped tables, hostile input), pieces of about
    ``_MAX_PIECE`` characters cut at a space outside any figure."""
    if end - start <= 2 * _MAX_PIECE:
        return [(start, end, list(sq))]
    out: list[tuple[int, int, list[Quantity]]] = []
    qi, a = 0, start
    while a < end:
        b = min(end, a + _MAX_PIECE)
        if b < end:
            cut = text.rfind(" ", a + 1, b)
            b = cut if cut > a else b
        piece: list[Quantity] = []
        while qi < len(sq) and sq[qi].start < b:
            b = max(b, sq[qi].end)  # never cut through a figure
            piece.append(sq[qi])
            qi += 1
        out.append((a, b, piece))
        a = b
    return out


def _piece_claims(
    d: Document,
    a: int,
    b: int,
    sq: list[Quantity],
    alias_map: Mapping[str, str],
    synonyms: Mapping[str, str],
    midcaps: frozenset[str],
    topic: tuple[str, str] | None,
    event: str | None,
    previous_att: Attribution | None,
    seen: set[tuple[float | None, str | None, str | None]],
) -> tuple[list[dict[str, Any]], Attribution | None, _Ctx]:
    """The claims of one sentence (or one piece of a run-on sentence) ``text[a:b]``."""
    text = d.text
    toks = _tokens(text, a, b)
    ctx = _Ctx(d.id, text, toks, alias_map, topic, event, sq, synonyms, midcaps)
    ctx.index()
    att = _attr.find_attribution(text, a, b, doc_id=d.id, aliases=alias_map,
                                 previous=previous_att, exclude_cues=_EXCLUDED_CUES)
    times = _time.find_times(text, a, b, published=d.published)
    sent_span = Span.from_text(text, a, b, d.id)
    sent_text = text[a:b]
    hedged = _attr.is_hedged(sent_text)
    # scoping the attribution per figure re-reads the sentence: do it where figures are few
    per_figure = len(sq) <= 20
    out: list[dict[str, Any]] = []
    for q in sq:
        if q.kind in ("date", "multiplier"):
            continue
        if _time_frame(text, q) or _anaphoric(text, q, seen) or _conversion(ctx, q) \
                or _referential(text, q) or _speaker(ctx, q) or _part(text, q):
            continue
        bnd = _bind(ctx, q)
        if bnd is None or not bnd.subject or not bnd.metric:
            continue
        seen.add((q.value, q.counted, q.unit))
        metric = synonyms.get(bnd.metric.lower(), bnd.metric)
        ctx.metrics[q.start] = metric
        ctx.metric_by_kind.setdefault(q.kind, metric)
        t = _time_for(ctx, times, q)
        at = att
        if att is not None and per_figure:
            at = _attr.find_attribution(text, a, b, doc_id=d.id, aliases=alias_map,
                                        previous=previous_att, quantity=(q.start, q.end),
                                        exclude_cues=_EXCLUDED_CUES)
        out.append(
            {
                "id": _claim_id(d.id, q, bnd.subject, metric),
                "doc_id": d.id,
                "subject": bnd.subject,
                "subject_text": bnd.subject_text,
                "metric": metric,
                "quantity": q,
                "time": (t.value or t.text) if t else None,
                "time_text": t.text if t else None,
                "attribution": at,
                "span": Span.from_text(text, q.start, q.end, d.id),
                "sentence": sent_span,
                "hedged": hedged,
                "negated": _attr.is_negated(sent_text, q.start - a, q.end - a),
                "repeats": [],
                "relation": None,
                "rule": bnd.rule,
            }
        )
    if ctx.has_multiplier:
        for q in sq:
            if q.kind == "multiplier":
                _relation_for(ctx, q, out)
    out.extend(_day_claims(ctx, d, a, b, times, att, sent_span, event))
    out.sort(key=lambda c: c["span"].start)
    return out, att, ctx


_FRAME = regex.compile(
    r"(?:\b(?:(?:the|in\s+the|over\s+the|for\s+the|during\s+the)\s+(?:last|past|previous|next|coming|first)"
    r"|within(?:\s+the)?)\s+)\Z",
    regex.I,
)


_AFTER = regex.compile(r"\s*(?:after|before|ago|later|earlier)\b", regex.I)


def _time_frame(text: str, q: Quantity) -> bool:
    """"the last two years": a span of time the sentence is set in, not a figure to check."""
    if q.kind != "duration":
        return False
    if _AFTER.match(text, q.end, min(len(text), q.end + 12)):
        return True  # "almost two years after the quake", "three days ago"
    return _FRAME.search(text, max(0, q.start - 30), q.start) is not None


def _anaphoric(text: str, q: Quantity, seen: set[tuple[float | None, str | None, str | None]]) -> bool:
    """"the 200 accounts" after "200 public accounts": the same figure mentioned again."""
    return text[max(0, q.start - 4) : q.start].lower() == "the " and (q.value, q.counted, q.unit) in seen


def _conversion(ctx: _Ctx, q: Quantity) -> bool:
    """"50 km (30 miles)", "85 million euros ($108 million)": the same figure restated."""
    text = ctx.text
    before = text[max(0, q.start - 3) : q.start].rstrip()
    if not before.endswith("("):
        return False
    j = text.rfind("(", 0, q.start)
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j in ctx.q_by_end


_SMALL_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                          "ten", "both"})


def _referential(text: str, q: Quantity) -> bool:
    """"the two sides", "the three bank workers": a group already known, not a new figure."""
    first = q.text.split(maxsplit=1)[0].lower() if q.text.strip() else ""
    return first in _SMALL_WORDS and text[max(0, q.start - 4) : q.start].lower() == "the "


_PART = regex.compile(
    r"(?:\b(?:including|of\s+which|of\s+whom|among\s+them|another|other|one\s+in|1\s+in))\s*+\Z",
    regex.I,
)


def _part(text: str, q: Quantity) -> bool:
    """"$334 million, including $281 million in cash", "another two people": a part of a
    figure, or a figure added to one already given, is not a figure for the whole; nor is
    the denominator of a ratio ("one in five adults")."""
    return _PART.search(text, max(0, q.start - 14), q.start) is not None


def _speaker(ctx: _Ctx, q: Quantity) -> bool:
    """"One report said ...", "two officials told AFP": the figure counts speakers."""
    toks = ctx.toks
    ri = _index_at(toks, q.end)
    speech = _lex().reporting | {"told"}
    for t in toks[ri : ri + 4]:  # "one woman in Qeshm told AFP"
        if t.low in speech:
            return True
        if not t.word or _is_verb(t, _lex()):
            return False
    return False


def _sentence_topic(ctx: _Ctx) -> tuple[str, str] | None:
    """The name a sentence opens with ("Tencent's WeChat is ...": WeChat), for pronouns."""
    toks = ctx.toks
    runs = _name_runs(ctx)
    if not runs:
        return None
    i, j = runs[0]
    if i > 3:
        return None
    # possessive chain: "Tencent's WeChat"
    while j < len(toks) and _is_possessive(toks[j - 1]):
        nxt = [r for r in runs if r[0] == j]
        if not nxt:
            break
        i, j = nxt[0]
    w = _run_text(ctx, i, j)
    return _canon(ctx, w), w


def _day_claims(
    ctx: _Ctx,
    d: Document,
    a: int,
    b: int,
    times: Sequence[_time.TimeExpr],
    att: Attribution | None,
    sent_span: Span,
    event: str | None,
) -> list[dict[str, Any]]:
    """Weekday claims: "the campaign started Tuesday" -> (campaign, announcement day, Tuesday)."""
    out: list[dict[str, Any]] = []
    text = ctx.text
    local_event: list[str | None] = []  # looked up once, on the first weekday
    for t in times:
        if getattr(t, "kind", None) != "weekday":
            continue
        window = text[max(a, t.start - 120) : t.start]
        if not _DAY_CUE.search(window):
            continue
        if not local_event:
            local_event.append(_event_name_in(text[a:b]) or event)
        local = local_event[0]
        if local is None:
            continue
        q = Quantity(text=t.text, start=t.start, end=t.end, kind="date", rule="weekday")
        metric = "announcement day"
        out.append(
            {
                "id": _claim_id(d.id, q, local, metric),
                "doc_id": d.id,
                "subject": local,
                "subject_text": local,
                "metric": metric,
                "quantity": q,
                "time": t.value or t.text,
                "time_text": t.text,
                "attribution": att,
                "span": Span.from_text(text, t.start, t.end, d.id),
                "sentence": sent_span,
                "hedged": False,
                "negated": False,
                "repeats": [],
                "relation": None,
                "rule": "day",
            }
        )
    return out


def _event_name_in(sentence: str) -> str | None:
    lex = _lex()
    for m in regex.finditer(r"\p{L}+", sentence.lower()):
        ev = lex.events.get(m.group())
        if ev:
            return ev
    return None


@functools.cache
def _builtin_metric_synonyms() -> dict[str, str]:
    try:
        data = load_toml("metrics.toml")
    except LexiconError:  # metrics.toml is optional
        return {}
    syn = data.get("synonyms", data)
    return {str(k).lower(): str(v) for k, v in syn.items() if isinstance(v, str)}


def _metric_synonyms(extra: Mapping[str, str] | None) -> dict[str, str]:
    out = dict(_builtin_metric_synonyms())
    if extra:
        out.update({k.lower(): v for k, v in extra.items()})
    return out


_ = _dt  # published dates arrive as datetime.date through Document
