"""What a figure measures and whom it is about: the NOT_A_CLAIM, METRIC and SUBJECT tables.

Each table is an ordered list of named rules (:mod:`claimcheck.rules`) over one
:class:`Work` — a figure of a :class:`~claimcheck.sentence.SentenceView` with the
decisions taken so far. The claim stage (:mod:`claimcheck.claims`) runs them in this
order: NOT_A_CLAIM (figures that are no claim at all: set aside with the rule's name),
METRIC (what the figure measures, canonical, from ``data/metrics.toml``), then the event,
scope and time of :mod:`claimcheck.frames`, then SUBJECT (whom an entity-owned figure is
about; an event-owned figure's subject is its event, or the part of it its scope names).

Example:
    >>> import claimcheck as cc
    >>> c = cc.extract("Sina Weibo's 143.8 million monthly active users trail WeChat.")[0]
    >>> c.subject, c.metric, c.rule["subject"], c.rule["metric"]
    ('Sina Weibo', 'monthly active users', 'possessive owner', 'counted noun')
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import regex

from . import lexicon
from .errors import UnitError
from .lexicon import WORDS, plural
from .models import Quantity
from .rules import Rule, Table, register
from .sentence import (
    APPOS,
    AUX,
    CONJ,
    DET,
    EVENT_NOUN,
    EVENT_VERB,
    INDEFINITE,
    MAX_REACH,
    METRIC_NOUN,
    METRIC_VERB,
    NOT_SUBJECT,
    PARTICLE,
    POSSESSION,
    PREP,
    PRON,
    REFERRING,
    REL,
    REPORT,
    SUBORD,
    TIME_WORD,
    VERB,
    VERB_FORM,
    DocState,
    Figure,
    SentenceView,
    Token,
)

__all__ = ["METRIC", "NOT_A_CLAIM", "STORY_CLASS", "SUBJECT", "MetricPick", "Work", "event_class_of", "per_period",
           "plural", "restated", "whole_after"]

#: The event of a document that names none: its figures can only be about "the story".
STORY_CLASS = "the story"


# --------------------------------------------------------------------------- work items


@dataclass(slots=True)
class MetricPick:
    """A metric decision: canonical name, the words as written, who owns the figure.

    Example:
        >>> MetricPick("deaths", "people killed", "event").owner
        'event'
    """

    name: str
    text: str
    owner: str  # "event" | "entity"
    cumulative: bool = False


@dataclass(slots=True)
class Work:
    """One figure being bound: the view, the figure, the document state, decisions so far."""

    v: SentenceView
    f: Figure
    s: DocState
    metric: MetricPick | None = None
    event: Any = None  # frames.EventRef
    scope: str | None = None
    verb: str | None = None  # the event verb of the figure's clause, normalised ("killed")
    rules: dict[str, str] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)
    #: (quantity, metric) of the claims already made in this sentence, in text order
    claims_so_far: list[tuple[Quantity, MetricPick]] = field(default_factory=list)
    #: (quantity, subject, subject as written, subject rule) of the same claims
    subjects_so_far: list[tuple[Quantity, str, str, str]] = field(default_factory=list)
    # read by every rule, so plain attributes (set once) rather than properties
    q: Quantity = field(init=False)
    toks: list[Token] = field(init=False)
    li: int = field(init=False)  # first token of the figure
    ri: int = field(init=False)  # first token after the figure

    def __post_init__(self) -> None:
        self.q = self.f.q
        self.toks = self.v.tokens
        self.li = self.f.first
        self.ri = self.f.last


# --------------------------------------------------------------------------- words


@functools.cache
def _modifier_words() -> frozenset[str]:
    spec = lexicon.load_toml("metrics.toml").get("modifiers", {})
    return frozenset(w.lower() for w in spec.get("words", []))


@functools.cache
def _english() -> lexicon.English:
    return lexicon.english()


@functools.cache
def _event_participles() -> frozenset[str]:
    """The participles the verb forms of english.toml normalise to ("killed")."""
    return frozenset(_english().verb_forms.values())


def event_class_of(word: str) -> tuple[str, ...]:
    """The event kinds a noun names ("quake" → earthquake).

    Example:
        >>> event_class_of("heists"), event_class_of("table")
        (('robbery',), ())
    """
    return lexicon.events().by_noun.get(word.lower().strip("\"'“”"), ())


def _participle(verbs: Sequence[Token]) -> str | None:
    """The event verb of a verb group, normalised ("killed"), or None for possession."""
    forms = _english().verb_forms
    for t in reversed(verbs):  # verbs were collected right to left; read left to right
        low = t.low
        if t.has(POSSESSION | AUX) or low in ("down", "up", "out", "off", "away", "back") or low.endswith("ly"):
            continue
        if low in ("for", "to", "by", "with"):
            continue
        norm = forms.get(low)
        if norm:
            return norm
        if low.endswith("ed"):
            return low
    return None


def _verb_word(t: Token) -> str | None:
    """A metric verb or participle a token stands for ("died" → "died")."""
    if t.has(METRIC_VERB | VERB_FORM):
        return t.low
    return None


# --------------------------------------------------------------------------- noun phrases


@functools.cache
def _sum_nouns() -> frozenset[str]:
    """Nouns that name what a company's sum is ("revenue", "profit", "sales"): a clause
    subject made of one says whose sum it is no more than "it" does."""
    entries = lexicon.metrics().entries
    return frozenset(v for name in ("revenue", "profit", "loss") if name in entries
                     for v in entries[name].verbs if " " not in v)


def np_subject(v: SentenceView, lo: int, hi: int) -> tuple[str, str, str] | None:
    """Subject from the noun phrase ``tokens[lo:hi]``: (canonical, as written, how)."""
    toks = v.tokens
    st = v.state
    lo = max(lo, hi - MAX_REACH)  # no subject phrase is longer
    if lo >= hi:
        return None
    words = [t for t in toks[lo:hi] if t.word]
    if not words:
        return None
    if _opens_a_clause(v, lo, words):
        return None  # "if an application needs ...", "boiling down the rest", "..., disrupting traffic": a clause
    if len(words) <= 2 and words[-1].has(PRON) and st.topic:
        return st.topic[0], st.topic[1], "pronoun"
    if len(words) <= 5 and words[-1].low in _sum_nouns():
        owner = _sum_owner(v, lo)
        if owner is not None:
            return owner
    if any(t.low in WORDS.securities for t in words) and words[-1].low not in WORDS.not_securities:
        owner = _shares_owner(v, lo, hi, words)
        if owner is not None:
            return owner
    if len(words) == 2 and words[0].low == "the" and words[1].has(REFERRING) and st.topic:
        return st.topic[0], st.topic[1], "pronoun"  # "The company has ..." -> the topic
    all_runs = v.name_runs()
    runs = [(i, j) for i, j in all_runs[bisect.bisect_left(all_runs, (lo, lo)) :] if i < hi and j <= hi]
    covered = {k for i, j in runs for k in range(i, j)}
    # cut at the first preposition or verb outside a name: "services in China" -> "services"
    cut = hi
    for k in range(lo + 1, hi):
        if k in covered:
            continue
        if toks[k].has(PREP) or v.is_verb(k):
            cut = k
            break
    head_runs = [(i, j) for i, j in runs if j <= cut]
    if head_runs:
        i, j = head_runs[-1]  # "Tencent's WeChat" -> WeChat (the last name before the cut)
        written = v.run_text(i, j)
        return st.canonical(written), written, "name"
    if v.figure_between(lo, cut):
        return None  # "four rack switches, four terminal servers": a list, not a subject
    kept = [t for t in toks[lo:cut]
            if t.word and not t.has(DET | PRON | AUX | NOT_SUBJECT | TIME_WORD) and not t.text[:1].isdigit()]
    while kept and kept[0].has(PREP):
        kept.pop(0)
    # only nouns head a subject: drop trailing verb forms, adverbs and time words
    while kept and ((kept[-1].low.endswith(("ly", "ing")) and not _noun_after_determiner(v, kept[-1]))
                    or kept[-1].has(VERB_FORM | CONJ | TIME_WORD)
                    or (kept[-1].low.endswith("ed") and len(kept) > 1)):
        kept.pop()
    if not kept:
        return None
    kept = kept[-4:]
    written = v.text[kept[0].start : kept[-1].end]
    canonical = st.canonical(written)
    first_word = next((t for t in toks if t.word), None)
    if kept[0] is first_word and kept[0].text not in st.midcaps and kept[0].text[1:] == kept[0].text[1:].lower():
        canonical = canonical[:1].lower() + canonical[1:]  # "Food-delivery apps have ..." (not "SeaMicro")
    first = next((t for t in toks[lo:cut] if t.word), None)
    if first is not None and first.has(INDEFINITE):
        canonical = f"{first.low} {canonical}"  # "Some accounts": an unspecified set
    return canonical, written, "phrase"


def _opens_a_clause(v: SentenceView, lo: int, words: list[Token]) -> bool:
    """Whether a phrase is a clause, not a subject: a subordinator ("if an application
    needs ..."), a gerund ("boiling down the rest"; not an -ing noun, "spending on
    health"), or a participle after a comma ("..., disrupting internet traffic")."""
    first = words[0]
    if first.has(SUBORD) and not first.has(PREP):
        return True
    if not first.low.endswith("ing") or first.has(PREP) or len(words) < 2:
        return False
    opens = first is next((t for t in v.tokens if t.word), None)  # capitalised only as the sentence's first word
    if (opens or not first.cap) and words[1].has(DET | PRON | PARTICLE | PREP) and first.low not in WORDS.ing_nouns:
        return True
    return not first.cap and lo > 0 and v.tokens[lo - 1].text == ","


def _sum_owner(v: SentenceView, lo: int) -> tuple[str, str, str] | None:
    """Whose sum a sum noun as subject names ("its third-quarter net profit rose", "Revenue
    was $8.2 billion"): the topic's, or in the first sentence the name opening it
    ("Northwind posted ..., as revenue climbed"); None when no owner is named at all
    ("Sales fell 5 percent" is about sales)."""
    st = v.state
    if st.topic:
        return st.topic[0], st.topic[1], "pronoun"
    opening = v.name_runs()[:1]
    if opening and opening[0][1] <= lo:
        written = v.run_text(*opening[0])
        return st.canonical(written), written, "name"
    return None


def _shares_owner(v: SentenceView, lo: int, hi: int, words: list[Token]) -> tuple[str, str, str] | None:
    """Whose shares a phrase names: "shares in the chipmaker Oromi", "Oromi shares" (the
    opening word), else the running topic."""
    st = v.state
    named = [(i, j) for i, j in v.name_runs() if lo <= i and j <= hi]
    if named:
        written = v.run_text(*named[-1])
        return st.canonical(written), written, "name"
    lead = words[0]
    if lead.cap and lead.low not in WORDS.securities and words[1:2] and words[1].low in WORDS.securities:
        return st.canonical(lead.text), lead.text, "name"  # "Oromi shares closed down"
    return (st.topic[0], st.topic[1], "pronoun") if st.topic else None


def _noun_after_determiner(v: SentenceView, t: Token) -> bool:
    """Whether an -ing word is a noun: right after a determiner ("the building", "a
    meeting"), not a verb form ("the company, operating ...")."""
    i = v.index_at(t.start)
    return i > 0 and v.tokens[i - 1].has(DET) and t.low.endswith("ing")


def np_after(v: SentenceView, k: int) -> tuple[str, str] | None:
    """The noun phrase starting at token ``k`` (after "of"/"by"), as (canonical, written)."""
    toks = v.tokens
    n = len(toks)
    i = k
    while i < n and toks[i].has(DET):
        i += 1
    j = i
    while j < n and toks[j].word and not toks[j].has(PREP | CONJ | REL | AUX) and j - i < 5 \
            and not (j > i and v.is_verb(j) and not toks[j].cap):  # "of the board voted": the phrase ends
        j += 1
    if j == i:
        return None
    runs = [(a, b) for a, b in v.name_runs() if a >= i and b <= j]
    if runs:
        a, b = runs[0]
        if a == i or (b < j and all(not toks[x].cap for x in range(b, j))):
            written = v.text[toks[a].start : toks[j - 1].end]  # "Drilda monastery"
            if toks[j - 1].possessive:
                written = written[:-2]
        else:
            written = v.run_text(a, b)
        return v.state.canonical(written), written
    written = v.text[toks[i].start : toks[j - 1].end]
    if toks[j - 1].low.endswith(("ly", "ing")) and j - i == 1:
        return None
    cls = event_class_of(toks[j - 1].low) if toks[j - 1].has(EVENT_NOUN) else ()
    return (cls[0] if cls else v.state.canonical(written)), written


def noun_after(v: SentenceView, k: int) -> tuple[str, str] | None:
    """The noun a hyphenated adjective modifies: "month-long crackdown" -> crackdown."""
    toks = v.tokens
    n = len(toks)
    j = k
    while j < n and toks[j].word and j - k < 3 and not toks[j].has(PREP | CONJ) and not v.is_verb(j):
        if toks[j].has(EVENT_NOUN):
            cls = event_class_of(toks[j].low)
            return (cls[0] if cls else toks[j].low), toks[j].text
        j += 1
    if k < n and toks[k].word and not toks[k].has(PREP | DET) and not v.is_verb(k) and j > k:
        w = v.text[toks[k].start : toks[j - 1].end]
        return v.state.canonical(w), w
    return None


def subject_before(v: SentenceView, k: int) -> tuple[str, str, str, list[Token]] | None:
    """The clause subject left of token ``k``, skipping the verb group and appositions."""
    toks = v.tokens
    vstart, verbs = v.verb_group_start(k)
    end = vstart
    if end == 0:
        return None
    seg = v.segment_start(end)
    rel_at = v.relative_at(seg, end)
    if rel_at is not None and toks[rel_at].low in ("where", "when"):
        seg, rel_at = rel_at + 1, None
    if rel_at is not None and rel_at + 1 < end and (toks[rel_at + 1].cap or toks[rel_at + 1].has(DET | PRON)):
        seg, rel_at = rel_at + 1, None  # "through which WeChat users can share": own subject
    if rel_at is not None:
        got = _relative_antecedent(v, rel_at, verbs)
        return None if got is None else (*got, verbs)
    # apposition right before the verb: "We Chat, the most popular among them(,) has";
    # not an opening phrase: "In March, the company removed ..." keeps "the company"
    lo, hi = seg, end
    if lo == hi and not verbs:
        return None  # the figure opens its clause: it is its own subject
    # (an age in apposition, "Ivo Marsh, 62, was jailed", and a participle's, "The app,
    # launched in 2019, has")
    if hi > lo > 0 and hi < k and toks[lo - 1].text == "," and v.is_verb(lo) and not toks[lo].cap \
            and not toks[lo].has(AUX | POSSESSION):
        return subject_before(v, lo + 1)  # "Korda, 33, improved his record to 42 wins": the verb's subject
    while lo > 0 and toks[lo - 1].text == "," and (lo == hi or toks[lo].has(APPOS)
                                                   or (hi - lo == 1 and toks[lo].text.isdigit())
                                                   or ((toks[lo].low.endswith("ed") or toks[lo].has(VERB))
                                                       and not toks[lo].cap
                                                       and lo + 1 < hi and toks[lo + 1].has(PREP))):
        prev_hi = lo - 1
        prev_lo = v.segment_start(prev_hi)
        if prev_lo >= prev_hi:
            break
        first = toks[prev_lo]
        if first.has(PREP | SUBORD | TIME_WORD) or first.low == "just":
            if lo == hi:
                return None
            break
        lo, hi = prev_lo, prev_hi
    if hi > lo > 0 and toks[lo - 1].low in ("and", "but") and toks[lo].low.endswith("ed") \
            and not toks[lo].cap and v.is_verb(lo):
        # "was jailed for 12 years and ordered to pay": a second verb of the first's subject
        m = next((j for j in range(lo - 2, max(-1, lo - 14), -1) if v.is_verb(j)), None)
        return subject_before(v, m + 1) if m is not None else None
    np = np_subject(v, lo, hi)
    if np:
        return np[0], np[1], ("pronoun" if np[2] == "pronoun" else "clause"), verbs
    return None


def _relative_antecedent(v: SentenceView, rel_at: int, verbs: list[Token]) -> tuple[str, str, str] | None:
    """"X, which has N": the antecedent X (skipping an apposition before the comma)."""
    toks = v.tokens
    lo_end = rel_at
    if lo_end > 0 and toks[lo_end - 1].text == ",":
        lo_end -= 1
    prev = v.segment_start(lo_end)
    if prev > 0 and toks[prev].has(APPOS) and toks[prev - 1].text == ",":
        lo_end = prev - 1  # "WeChat, one of the apps by Tencent, which has" -> skip the apposition
        prev = v.segment_start(lo_end)
    q = v.figure_ending_at(toks[lo_end - 1].end) if lo_end > 0 else None
    if q is not None and q.counted:
        noun = plural(q.counted)
        return noun, noun, "relative"
    if _participle(verbs) in _event_participles():
        for k2 in range(prev, lo_end):  # "The attack on the school, which also wounded ..."
            if toks[k2].has(EVENT_NOUN) and not v.in_name(k2):
                cls = event_class_of(toks[k2].low)
                return (cls[0] if cls else toks[k2].low), toks[k2].text, "relative"
    tail = prev
    for k2 in range(prev, lo_end):
        if v.in_name(k2):
            continue
        if toks[k2].has(PREP) or v.is_verb(k2):
            tail = k2 + 1
    runs = [(i, j) for i, j in v.name_runs() if i >= tail and j <= lo_end]
    if runs:
        i, j = runs[-1]
        written = v.run_text(i, j)
        return v.state.canonical(written), written, "relative"
    np = np_subject(v, tail, lo_end)
    return (np[0], np[1], "relative") if np else None


def sentence_topic(v: SentenceView) -> tuple[str, str] | None:
    """The name a sentence opens with ("Tencent's WeChat is ...": WeChat), for pronouns."""
    runs = v.name_runs()
    if not runs:
        return None
    i, j = runs[0]
    if i > 3:
        return None
    while j < len(v.tokens) and v.tokens[j - 1].possessive:  # "Tencent's WeChat"
        nxt = [r for r in runs if r[0] == j]
        if not nxt:
            break
        i, j = nxt[0]
    w = v.run_text(i, j)
    return v.state.canonical(w), w


def hyphen_adjective(q: Quantity) -> bool:
    """"6-foot", "one-month", "month-long", "6.1-magnitude": a hyphenated adjective;
    "twenty-six miles" is a hyphenated number, not an adjective."""
    if "-" not in q.text or not q.text[-1:].isalpha():
        return False
    return " " not in q.text.rsplit("-", 1)[1]


# --------------------------------------------------------------------------- NOT_A_CLAIM


_FRAME_RE: regex.Pattern[str] | None = None


def _frame_re() -> regex.Pattern[str]:
    global _FRAME_RE
    if _FRAME_RE is None:
        t = _english().time
        opener = "|".join(r"\s++".join(map(regex.escape, p.split())) for p in sorted(t["frame_openers"], key=len, reverse=True))
        _FRAME_RE = regex.compile(r"(?:\b(?:" + opener + r")\s++)\Z", regex.I)
    return _FRAME_RE


def _time_frame(w: Work) -> bool | None:
    """"over the past two years", "three days ago": the span a sentence is set in."""
    q = w.q
    if q.kind != "duration":
        return None
    if w.ri < len(w.toks) and w.toks[w.ri].low in _english().time["frame_closers"]:
        if _sentenced(w):
            return None  # "will serve at least 30 years before he can be considered for parole"
        return True
    return True if _frame_re().search(w.v.text, max(0, q.start - 30), q.start) else None


def bracketed_alternative(w: Work) -> bool:
    """"200,000 (20,000 of them in one march)": a figure in brackets right after one of the
    same unit states a part or an alternative, never the same figure."""
    toks = w.toks
    if w.li < 2 or toks[w.li - 1].text != "(":
        return False
    before = w.v.figure_ending_at(toks[w.li - 2].end)
    return before is not None and before.unit == w.q.unit


def _anaphoric(w: Work) -> bool | None:
    """"the 200 accounts" after "200 public accounts": the same figure mentioned again."""
    q = w.q
    if w.li > 0 and w.toks[w.li - 1].low == "the" and (q.value, q.counted, q.unit) in w.s.seen:
        return True
    return None


def restated(w: Work) -> Quantity | None:
    """The figure this one restates in other units, or None: "50 km (30 miles)", "85
    million euros ($108 million)", "12,000 hectares, or about 30,000 acres" (after ", or"
    only in the same dimension: "5 km, or 20 minutes on foot" states another figure);
    "200,000 (20,000 of them in one march)" states another figure."""
    toks, k = w.toks, w.li - 1
    unit = w.q.unit
    if unit is None or k < 1:
        return None
    if toks[k].text == "(":
        before = w.v.figure_ending_at(toks[k - 1].end)
        return before if before is not None and before.unit is not None and before.unit != unit else None
    if k < 2 or toks[k].low != "or" or toks[k - 1].text != ",":
        return None
    before = w.v.figure_ending_at(toks[k - 2].end)
    if before is None or before.unit is None or before.unit == unit:
        return None
    from .units import dimension_key

    try:
        same = before.kind == w.q.kind == "currency" or dimension_key(before.unit) == dimension_key(unit)
    except UnitError:
        return None
    return before if same else None


def _conversion(w: Work) -> bool | None:
    """"50 km (30 miles)", "12,000 hectares, or about 30,000 acres": the same figure
    restated in other units (:func:`restated`)."""
    return True if restated(w) is not None else None


def _referential(w: Work) -> bool | None:
    """"the two sides", "the three bank workers": a group already known, not a new figure."""
    first = w.q.text.split(maxsplit=1)[0].lower() if w.q.text.strip() else ""
    if first in _english().words["small_numbers"] and w.li > 0 and w.toks[w.li - 1].low in ("the", "those", "these"):
        return True
    return None


def _speaker(w: Work) -> bool | None:
    """"One report said ...", "two officials told AFP": the figure counts speakers."""
    speakers = w.q.counted is not None and plural(w.q.counted.lower()) in _english().attribution["person_nouns"]
    for k in range(w.ri, min(len(w.toks), w.ri + (7 if speakers else 4))):
        t = w.toks[k]
        if t.has(REPORT) and not t.cap:  # (not "in the United States")
            return True
        if not t.word or w.v.is_verb(k) or (t.has(CONJ) and not speakers):  # "has 5 million users and said"
            return None
    return None


_DENOMINATOR = regex.compile(r"\b(?:one|1)\s++in\s*+\Z", regex.I)


def _denominator(w: Work) -> bool | None:
    """"one in five adults": the denominator of a ratio is not a count."""
    return True if _DENOMINATOR.search(w.v.text, max(0, w.q.start - 8), w.q.start) else None


#: What introduces the value a change started from ("up from 71 percent", "compared with
#: 4.1 million a year earlier"): ends right before the figure.
_EARLIER_VALUE = regex.compile(r"(?:\b(?:up|down)[ \t]+from|\bcompared[ \t]+(?:with|to)|\bversus|\bvs\.?)[ \t]+(?:about[ \t]+|around[ \t]+)?$",
                               regex.IGNORECASE)


def _earlier_value(w: Work) -> bool | None:
    """"Turnout was 64 percent, down from 71 percent": the value a change started from is
    an earlier figure of the one before it, never the same moment (comparing the two would
    be a false conflict); it is set aside when a figure of its sentence comes before it."""
    toks = w.toks
    if w.li >= 2 and toks[w.li - 1].low == "from" and toks[w.li - 2].low in lexicon.changes().verbs \
            and w.ri + 1 < len(toks) and toks[w.ri].low == "to" and w.v.figure_between(w.ri + 1, w.ri + 2):
        return True  # "the toll rose from 12 to 31": the level it left
    if not w.v.figures or w.v.figures[0].q is w.q:
        return None
    return True if _EARLIER_VALUE.search(w.v.text, max(0, w.q.start - 24), w.q.start) else None


#: What may stand between a part and its whole: "64 of the 150 seats", "12 of its 40 stores".
_WHOLE_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "my", "your"})


def _whole_of_part(w: Work) -> bool | None:
    """"64 of the 150 seats": the whole a part is counted against is no figure of the
    clause's subject (the Greens do not hold 150 seats), nor is the group one is a member
    of ("Lumo is one of the 10 largest banks"); set aside. A whole the subject owns ("20 of
    its 300 stores") and a toll ("two of the 12 victims") stay."""
    if w.q.kind != "count":
        return None
    toks, k = w.toks, w.li - 1
    if k >= 0 and toks[k].low in _WHOLE_DETERMINERS:
        if toks[k].low != "the":
            return None  # "closed 20 of its 300 stores": the subject's own 300 stores
        k -= 1
    if k < 1 or toks[k].low != "of":
        return None
    part = w.v.figure_ending_at(toks[k - 1].end)
    if toks[k - 1].low != "one" and (part is None or part.kind != "count" or part.counted is not None):
        return None
    # a toll stays ("two of the 12 victims were children"): its owner is the event
    names = lexicon.metrics().by_noun.get(plural(w.q.counted).lower()) if w.q.counted else None
    owned = _pick(names[0], names[0]) if names else _people_metric(w)
    return None if owned is not None and owned.owner == "event" else True


def _kind_not_claim(w: Work) -> bool | None:
    """Dates and multipliers are read elsewhere (time expressions, relations)."""
    return True if w.q.kind in ("date", "multiplier") else None


def _generic(w: Work) -> bool | None:
    """"A magnitude-6 quake can cause severe damage": a generic or hypothetical sentence."""
    from .sentence import GENERIC

    v = w.v
    if "generic" not in v.extras:  # once a sentence: does it hold a generic word at all?
        v.extras["generic"] = bool(v.tags & GENERIC) or not v.words.isdisjoint(WORDS.generic_adjectives)
    if not v.extras["generic"]:
        return None
    a, b = w.v.clause_bounds(w.li)
    toks = w.toks
    for k in range(max(0, a - 6), min(len(toks), b)):
        t = toks[k]
        if t.has(GENERIC) and not (t.low in ("could", "would", "can") and _reported(w, k)):
            if t.low in ("can", "could", "would") and k + 1 < len(toks) and toks[k + 1].low in ("not", "n't"):
                continue
            if t.low in ("can", "could") and _has_article_subject(w, k):
                return True
            if t.low in ("typically", "usually", "generally", "normally", "often"):
                return True
    for k in range(a, min(len(toks), b) - 1):  # "shakers around magnitude 2 and 3 are common"
        if toks[k].low in ("is", "are") and toks[k + 1].low in WORDS.generic_adjectives:
            return True
    return None


def _reported(w: Work, k: int) -> bool:
    """Whether token ``k`` sits in speech reported after a reporting verb."""
    return any(t.has(REPORT) for t in w.toks[max(0, k - 8) : k])


def _has_article_subject(w: Work, k: int) -> bool:
    """"a quake can ...", "such attacks could ...": an indefinite subject before the modal."""
    toks = w.toks
    for j in range(max(0, k - 6), k):
        if toks[j].low in ("a", "an", "such", "any") and any(t.has(EVENT_NOUN) for t in toks[j:k]):
            return True
    return False


#: Words that make a figure a possibility or a forecast, not a fact of the story.
_MAYBE = frozenset({"could", "might", "may"})
#: "faces up to 10 years in prison", "facing a fine of $1 million": a penalty that may come.
_FACES = frozenset({"face", "faces", "facing", "faced"})
_FORECAST_VERBS = frozenset({"expect", "expects", "expected", "forecast", "forecasts", "predict", "predicts",
                             "predicted", "projected", "projects", "anticipate", "anticipates", "anticipated"})


def _possibility(w: Work) -> bool | None:
    """"The bank warned inflation could reach 10 percent", "economists expect inflation to
    peak at 9 percent": what could happen or is forecast is no figure of what did (set
    against the 7.9 percent measured it was a false conflict). Not a company's forecast
    sum: its revenue forecast is a figure of its own (metric "... forecast")."""
    faces = w.q.kind in ("duration", "currency") and not w.v.words.isdisjoint(_FACES)
    if not faces and (w.q.kind in ("currency", "date")
                      or (w.v.words.isdisjoint(_MAYBE) and w.v.words.isdisjoint(_FORECAST_VERBS))):
        return None
    a, _ = w.v.clause_bounds(w.li)
    toks = w.toks
    for k in range(max(a, w.li - 7), w.li):
        t = toks[k]
        if faces and t.low in _FACES:
            return True  # "Hollis faces a minimum of 25 years in prison": the term he may get
        if w.q.kind == "currency":
            continue
        if t.low in _MAYBE and not t.cap and not (k + 1 < w.li and toks[k + 1].low in ("not", "n't")):
            return True
        if t.low in _FORECAST_VERBS and any(x.low == "to" for x in toks[k + 1 : w.li]):
            return True  # "expect inflation to peak at 9 percent"
    return None


NOT_A_CLAIM: Table[bool] = register(Table("not a claim", (
    Rule("date or multiplier", "the figure's kind", _kind_not_claim,
         "A date or a multiplier is no figure to check: dates date claims, multipliers relate them.",
         "on March 6; twice as many"),
    Rule("time frame", "the words around a duration", _time_frame,
         "A duration that sets the time of a sentence is no figure about the story.",
         "over the past two years; three days ago"),
    Rule("conversion", "the figure before an opening bracket or ', or'", _conversion,
         "A figure restated in other units in brackets (or after ', or' in the same dimension) is the same figure: a claim with the frame of the one it restates, or set aside with it.",
         "10 km (6 miles)"),
    Rule("repeated figure", "'the' before a figure the document already gave", _anaphoric,
         "\"The 200 accounts\" after \"200 accounts\" mentions the same figure again.",
         "Lumo closed 200 accounts on Monday. The 200 accounts had posted spam."),
    Rule("known group", "'the'/'those' before a small number", _referential,
         "\"The two sides\" names a group already known, not a new figure.",
         "the three bank workers"),
    Rule("speakers", "a reporting verb right after the figure", _speaker,
         "\"Two officials said\" counts speakers, not a fact of the story.",
         "Two officials told reporters the dam held."),
    Rule("earlier value", "'up from', 'down from', 'compared with' before the figure", _earlier_value,
         "\"Turnout was 64 percent, down from 71 percent\": the value a change started from is no figure of the same moment.",
         "Turnout was 64 percent, down from 71 percent."),
    Rule("whole of a part", "'<count> of the' before the figure", _whole_of_part,
         "In \"64 of the 150 seats\" the 150 is the whole the part is counted against, not a figure of the clause's subject.",
         "The Greens hold 64 of the 150 seats."),
    Rule("ratio denominator", "'one in' before the figure", _denominator,
         "In \"one in five adults\" the five is a denominator, not a count of adults.",
         "one in five adults"),
    Rule("possibility", "'could', 'might', 'may', a forecast verb, or 'faces' before a term or a sum", _possibility,
         "\"Inflation could reach 10 percent\", \"economists expect it to peak at 9 percent\", \"he faces up to 10 years in prison\": a possibility or a forecast is no fact of the story.",
         "The bank warned inflation could reach 10 percent."),
    Rule("generic statement", "a modal or 'typically' in the figure's clause", _generic,
         "A generic or hypothetical sentence (\"a quake can cause ...\") states no figure about this story.",
         "A magnitude-6 quake can cause severe damage."),
)))


# --------------------------------------------------------------------------- METRIC


def _pick(name: str, text: str) -> MetricPick:
    e = lexicon.metrics().entries.get(name)
    if e is None:
        return MetricPick(name, text, "entity", False)
    return MetricPick(name, text, e.owner, e.cumulative)


def canonical_for_verb(verb: str, counted: str | None, modifier: str | None = None) -> str | None:
    """The canonical metric a verb states of a count ("killed" → deaths), or None.

    Example:
        >>> canonical_for_verb("died", "person"), canonical_for_verb("damaged", "house")
        ('deaths', 'buildings damaged')
        >>> canonical_for_verb("injured", None, "critically"), canonical_for_verb("damaged", "road")
        ('critically injured', None)
    """
    lex = lexicon.metrics()
    for name in lex.by_verb.get(verb.lower(), ()):
        e = lex.entries[name]
        if e.money or (e.counted and (counted is None or counted.lower() not in e.counted)):
            continue
        if modifier is not None:
            return lex.modified.get((name, modifier.lower()), name)
        return name
    return None


def _modifier_near(w: Work) -> str | None:
    """A metric modifier in the figure or just after it ("30 people seriously injured")."""
    words = [t.low for t in w.toks[w.li : min(len(w.toks), w.ri + 3)]]
    mods = {m for (_, m) in lexicon.metrics().modified}
    return next((x for x in words if x in mods), None)


def _magnitude(w: Work) -> MetricPick | None:
    """"a 6.1-magnitude quake", "magnitude 9.1", "7.2 on the Richter scale", "a 6.7-strength quake"."""
    q = w.q
    if q.kind != "count":
        return None
    if q.counted == "magnitude" or (q.counted is None and "magnitude" in q.text.lower()):
        return _pick("magnitude", "magnitude")
    after = " ".join(t.low for t in w.toks[w.ri : w.ri + 4])
    if q.counted is None and ("richter" in after or after.startswith("magnitude")):
        return _pick("magnitude", "magnitude")
    if q.counted is None and w.li > 0 and w.toks[w.li - 1].low in ("magnitude", "magnitude-"):
        return _pick("magnitude", "magnitude")
    if q.counted is None and w.li > 1 and w.toks[w.li - 1].low == "of" and w.toks[w.li - 2].low == "magnitude":
        return _pick("magnitude", "magnitude")  # "a magnitude of 6.1"
    if compound_noun(w) == "strength" and w.toks[w.ri].has(EVENT_NOUN):
        return _pick("magnitude", "magnitude")  # "a 6.7-strength quake"
    return None


#: Verbs between a metric noun and its new figure ("revised the magnitude down to 6.4").
_REVISED = frozenset({"revised", "downgraded", "upgraded", "down", "up", "lowered", "raised"})


def _metric_noun_before(w: Work) -> MetricPick | None:
    """"a death toll of 22", "put the death toll at 40", "the toll ... rose to 24": a toll
    named before the figure in its clause; so is a magnitude ("the magnitude was 6.6")."""
    if w.q.kind != "count" or w.q.counted is not None:
        return None
    toks = w.toks
    lo = max(0, w.li - 20)
    start = w.li
    if w.li >= 4 and toks[w.li - 1].low == "to":  # "the toll rose from 12 to 31": past the level it left
        left = next((f for f in w.v.figures if f.last == w.li - 1), None)
        if left is not None and left.first > 0 and toks[left.first - 1].low == "from":
            start = left.first - 1
    for k in range(start - 1, lo - 1, -1):
        t = toks[k]
        if t.text in (".", ";", "(") or (t.text == "," and k < w.li - 1) or w.v.figure_between(k, k + 1):
            break
        if t.low in ("magnitude", "crowd") and k + 1 < w.li and (
                all(x.low in WORDS.toll_link or x.low in _REVISED for x in toks[k + 1 : w.li])
                or _of_phrase_then_link(w, k + 1)):
            if t.low == "crowd":  # "put the crowd at 45,000", "a crowd of 52,000" (at a match: its attendance)
                return _pick("crowd size", "crowd size") if _protest_story(w) else _pick("attendance", "attendance")
            return _pick("magnitude", "magnitude")  # "the magnitude was 6.6", "put the magnitude at 6.6"
        if t.low != "toll":
            continue
        # "the toll rose to 24", "the toll above 680" (the figure right after it)
        if k + 1 < w.li and not any(x.low in WORDS.toll_link for x in toks[k + 1 : w.li]):
            return None
        pre = toks[k - 1].low if k > 0 else ""
        name = "injured" if pre in ("injury", "injured") else "deaths"
        first = k - 1 if pre in ("death", "casualty", "injury", "injured") else k
        return _pick(name, w.v.span_text(first, k + 1).lower())
    return None


def _of_phrase_then_link(w: Work, k: int) -> bool:
    """"the magnitude *of Friday's earthquake at* 6.2": an of-phrase naming what the noun is
    of (a few words, no verb), then a link word right before the figure."""
    toks = w.toks
    if toks[k].low != "of" or w.li - k > 7 or w.li - k < 3 or toks[w.li - 1].low not in ("at", "as", "was", "is"):
        return False
    return all(x.word and not w.v.is_verb(j) and not x.text[:1].isdigit() for j, x in enumerate(toks[k + 1 : w.li - 1], k + 1))


@functools.cache
def _phrases_by_first_word() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for p in lexicon.metrics().by_verb:
        if " " in p:
            out.setdefault(p.split()[0], []).append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _phrase_verb(toks: Sequence[Token], k: int) -> str | None:
    """A multi-word metric verb starting at token ``k`` ("took to the streets")."""
    for p in _phrases_by_first_word().get(toks[k].low, ()):
        words = p.split()
        if [t.low for t in toks[k : k + len(words)]] == words:
            return p
    return None


def _verb_after(w: Work, limit: int = 8) -> tuple[str, int] | None:
    """The metric verb or adjective after a count in its clause: "were killed", "24 dead",
    "had so far been confirmed dead", "are reported to have been killed", "houses and
    buildings were damaged"."""
    toks = w.toks
    end = min(len(toks), w.ri + limit)
    k = w.ri
    while k < end:
        t = toks[k]
        skip = _aside_after_count(w, k)  # "members of the Daya family", "men - all cousins -", "who were"
        if skip > k:
            end = min(len(toks), end + (skip - k))
            k = skip
            continue
        if not t.word:
            return None
        if t.has(METRIC_VERB) and not t.has(REPORT) and canonical_for_verb(t.low, w.q.counted) is not None:
            return t.low, k
        phrase = _phrase_verb(toks, k)
        if phrase is not None and canonical_for_verb(phrase, w.q.counted) is not None:
            return phrase, k
        if t.low in ("and", "or") and k + 1 < len(toks):
            j = k + 1  # "houses and buildings were damaged", "workers and civil servants took to"
            while j < min(len(toks), k + 4) and toks[j].word and not toks[j].text[:1].isdigit() \
                    and not toks[j].cap and not w.v.is_verb(j) and not toks[j].has(METRIC_VERB | DET | PREP):
                j += 1
            if j > k + 1:
                end = min(len(toks), end + (j - k))
                k = j
                continue
            return None
        if t.low in WORDS.bridge or t.has(AUX) or t.has(REPORT) or (t.low.endswith("ly") and not t.cap):
            k += 1
            continue
        return None
    return None


def _aside_after_count(w: Work, k: int) -> int:
    """Where the words after a count resume past what only describes it: "12 members *of the
    extended Daya family* were killed", "157 people *aboard the flight* died", "three men *-
    all cousins -* died", "24 soldiers *who* were injured" (``k`` itself when nothing is
    skipped)."""
    toks = w.toks
    t = toks[k]
    if k == w.ri and t.has(REL) and t.low in ("who", "that", "which"):
        return k + 1
    if k == w.ri and t.text == ",":  # "Three people, one of them a pregnant woman, were killed"
        close = next((j for j in range(k + 1, min(len(toks), k + 10)) if toks[j].text == ","), None)
        if close is not None and close + 1 < len(toks) and toks[close + 1].has(AUX) \
                and not any(w.v.is_verb(j) for j in range(k + 1, close)):
            return close + 1
        return k
    if k == w.ri and t.text in ("-", "—", "–", "--"):
        close = next((j for j in range(k + 1, min(len(toks), k + 6)) if toks[j].text == t.text), None)
        return close + 1 if close is not None else k
    if k == w.ri and t.low == "of" and w.q.counted is None and w.q.kind == "count":
        whole = whole_after(w)  # "Nine of the 23 trapped miners have been brought out"
        if whole is not None:
            return w.v.index_at(whole.end)
    if k == w.ri and t.low in ("of", "aboard", "on", "in", "inside", "at") and w.q.counted is not None:
        # "... of the Daya family were killed", "157 people aboard the flight died"
        j = k + 1
        while j < min(len(toks), k + 7) and toks[j].word and not toks[j].text[:1].isdigit() \
                and not (w.v.is_verb(j) and not toks[j - 1].has(DET)) and not toks[j].has(REL | CONJ) \
                and toks[j].low != "of":
            j += 1
        return j if j > k + 2 and j < len(toks) and w.v.is_verb(j) else k
    return k


def _verb_before(w: Work) -> tuple[str, int] | None:
    """"killing at least five people", "which killed 170,000", "leaving 40 people dead",
    "was attended by an estimated 200,000"."""
    toks = w.toks
    k = w.li - 1
    while k >= 0 and w.li - k <= 4 and toks[k].low in ("another", "other", "some", "about", "nearly", "over",
                                                        "by", "an", "a", "approximate", "estimated", "all"):
        k -= 1
    if k >= 1 and toks[k].low in ("off", "away", "down"):  # "laying off 1,500 workers"
        phrase = f"{toks[k - 1].low} {toks[k].low}"
        if canonical_for_verb(phrase, w.q.counted) is not None:
            return phrase, k
    if k >= 0:
        t = toks[k]
        if w.ri + 1 < len(toks) and toks[w.ri].low in _PARTICLES:  # "pulled 17 miners out alive"
            phrase = f"{t.low} {toks[w.ri].low}"
            if canonical_for_verb(phrase, w.q.counted) is not None:
                return phrase, k
        vw = _verb_word(t)
        if vw is not None and not t.has(REPORT) and (t.low.endswith(("ing", "ed")) or t.has(VERB_FORM | METRIC_VERB)):
            if t.low in ("leaving", "left", "leave") or (
                    k > 0 and toks[k - 1].low == "to" and canonical_for_verb(vw, w.q.counted) != "job cuts"):
                return None  # "struggling to evacuate 14 children": a plan (job cuts are news as plans)
            return vw, k
    return None


#: Particles a phrasal verb puts after its object ("pulled 17 miners out").
_PARTICLES = frozenset({"out", "off", "away", "up", "down"})


def _adjective_in_figure(w: Work) -> tuple[str, int] | None:
    """A metric participle inside the figure, before its counted noun: "23 trapped
    miners", "three missing climbers", "12 injured passengers"."""
    if not w.q.counted:
        return None
    for k in range(w.li + 1, w.ri - 1):
        t = w.toks[k]
        if t.has(METRIC_VERB) and canonical_for_verb(t.low, w.q.counted) is not None:
            return t.low, k
    return None


@functools.cache
def _modifiers_of_metrics() -> frozenset[str]:
    """The modifiers metrics.toml pairs with verbs ("seriously" in "seriously injured")."""
    return frozenset(m for (_, m) in lexicon.metrics().modified)


def _people_metric(w: Work) -> MetricPick | None:
    """A count and the verb or adjective that says what happened to it: "five people were
    killed", "killing ten", "24 dead", "over 200 injured", "two others missing"."""
    q = w.q
    if q.kind != "count":
        return None
    counted = q.counted
    if counted == "dead":  # "1 dead": the parser takes the adjective for a noun
        return _pick("deaths", "dead")
    if counted is None and w.ri < len(w.toks) and w.toks[w.ri].low == "of":
        whole = whole_after(w)  # "nine of the 23 miners", "freed 10 of the hostages": what the part counts
        counted = whole.counted if whole is not None else _noun_of_the(w)
    hit = _verb_before(w) or _verb_after(w) or _adjective_in_figure(w)  # "killed 40 Palestinians sheltering in a school"
    if hit is not None and w.li > 1 and w.toks[w.li - 1].low in _WHOLE_DETERMINERS and w.toks[w.li - 2].low == "of":
        hit = _adjective_in_figure(w) or hit  # "nine of the 23 trapped miners were brought out": the clause's verb is the part's
    if hit is None and w.li > 0 and w.toks[w.li - 1].low in ("leaving", "left", "leave"):
        hit = _verb_after(w, 9)  # "leaving 40 people dead"
    if hit is None:
        return None
    verb, at = hit
    mod = _modifier_near(w)
    if mod is None and at > 0 and w.toks[at - 1].low in _modifiers_of_metrics():
        mod = w.toks[at - 1].low  # "dozens of others were seriously injured"
    name = canonical_for_verb(verb, counted, mod)
    if name is None:
        return None
    if name == "crowd size" and verb in _WEAK_CROWD_VERBS and not _crowd_sentence(w):
        return None  # "300 volunteers joined the clean-up": no protest's crowd
    if name == "arrested" and verb in ("held", "holding") and getattr(w.s.event, "cls", None) == "kidnapping":
        name = "hostages"  # "leaving 32 still held" in a kidnapping story: hostages, no arrests
    form = _english().verb_forms.get(verb, verb)
    noun = plural(counted).lower() if counted else "people"
    w.verb = form
    return _pick(name, f"{noun} {form}")


def _noun_of_count(w: Work) -> MetricPick | None:
    """"forcing the evacuation of 12,000 people", "the arrest of five men", "the deaths of
    12 people": a noun that names what happened to the people counted, right before "of"."""
    q = w.q
    if q.kind != "count" or w.li < 2 or w.toks[w.li - 1].low != "of":
        return None
    if q.counted is None and not (w.ri < len(w.toks) and w.toks[w.ri].low == "of"):
        return None  # people counted ("12,000 people", "three of our citizens"), not "aftershocks of 4.0"
    lex = lexicon.metrics()
    for name in lex.by_noun.get(w.toks[w.li - 2].low, ()):
        e = lex.entries[name]  # (what happens to people has verbs: "aftershocks" has none)
        if e.owner == "event" and e.verbs and not e.money and not e.counted and name != "crowd size":
            return _pick(name, w.toks[w.li - 2].low)
    return None


#: Crowd verbs that make a crowd only in a protest ("joined the clean-up", "gathered shells").
_WEAK_CROWD_VERBS = frozenset({"joined", "gathered", "attended"})


def _crowd_sentence(w: Work) -> bool:
    """Whether the figure's document or sentence is about a protest or a walkout, or its
    sentence names protesters ("tens of thousands joined a walkout", "police clashed with
    protesters as thousands gathered")."""
    if _protest_story(w) or getattr(w.s.event, "cls", None) == "walkout":
        return True
    ev, crowd = lexicon.events(), lexicon.metrics().entries["crowd size"].nouns
    return any(t.low in crowd or (t.has(EVENT_NOUN) and "walkout" in ev.by_noun.get(t.low, ())) for t in w.toks)


def _noun_of_the(w: Work) -> str | None:
    """The singular of the plural noun right after "of the" past a bare count ("10 of the
    hostages" -> "hostage"), or None."""
    toks, k = w.toks, w.ri + 1
    if k < len(toks) and toks[k].low in _WHOLE_DETERMINERS:
        k += 1
    if k >= len(toks) or not toks[k].word or toks[k].cap:
        return None
    low = toks[k].low
    for sg in (low[:-3] + "y" if low.endswith("ies") else "", low[:-2] if low.endswith("es") else "", low[:-1]):
        if sg and plural(sg).lower() == low:
            return sg
    return None


_VOTE_NOUNS = frozenset({"vote", "votes"})


def _vote_tally(w: Work) -> MetricPick | None:
    """"approved by 180 votes to 120", "voted 52 to 48", "312 votes in favour and 198
    against": the votes for, and the votes against (never one count of votes)."""
    q, toks = w.q, w.toks
    if q.kind != "count" or q.value is None:
        return None
    after = toks[w.ri].low if w.ri < len(toks) else ""
    in_favour = after == "for" or (after == "in" and w.ri + 1 < len(toks) and toks[w.ri + 1].low in ("favour", "favor"))
    to_figure = after == "to" and w.v.figure_between(w.ri + 1, w.ri + 2)
    if (q.counted in _VOTE_NOUNS or _voted_before(w, w.li)) and (to_figure or in_favour):
        return _pick("votes in favour", "votes in favour")
    if after == "against":
        return _pick("votes against", "votes against")
    prev = w.v.figure_ending_at(toks[w.li - 2].end) if w.li > 1 and toks[w.li - 1].low == "to" else None
    if prev is not None and q.counted in (None, *_VOTE_NOUNS) and (
            prev.counted in _VOTE_NOUNS or _voted_before(w, w.v.index_at(prev.start))):
        return _pick("votes against", "votes against")
    return None


def _voted_before(w: Work, k: int) -> bool:
    toks = w.toks
    return k > 0 and (toks[k - 1].low in ("voted", "vote") or (k > 1 and toks[k - 1].low == "by"
                                                                and toks[k - 2].low in ("voted", "passed", "approved",
                                                                                        "rejected")))


def _crowd(w: Work) -> MetricPick | None:
    """"Police put the march at roughly 30,000 people", "there were more than 50,000 -- the
    biggest protest": a count of people in a clause about a protest is its crowd, and so is
    one that "took part" or "turned out" in a protest story."""
    q = w.q
    if q.kind != "count" or q.value is None:
        return None
    if q.counted is not None and q.counted.lower() not in WORDS.people:
        return None
    if (q.counted is None and q.value < 1000) or q.value < 100:
        return None  # "one protester threw a bomb", "100 or 200 professionals": no crowd
    if _names_protest(w):  # the sentence: "Police put the march, ..., at 30,000 people"
        return _pick("crowd size", "crowd size")
    if getattr(w.s.event, "cls", None) == "protest":  # a protest story: "120,000 people took part"
        toks = w.toks
        for k in range(w.ri, min(len(toks), w.ri + 4)):
            if toks[k].low in ("took", "turned", "participated") and (
                    toks[k].low == "participated" or (k + 1 < len(toks) and toks[k + 1].low in ("part", "out"))):
                return _pick("crowd size", "crowd size")
    return None


def _names_protest(w: Work) -> bool:
    """Whether the figure's sentence names a protest (outside a name)."""
    ev = lexicon.events()
    return any(t.has(EVENT_NOUN) and "protest" in ev.by_noun.get(t.low, ()) and not w.v.in_name(k)
               for k, t in enumerate(w.toks))


def _protest_story(w: Work) -> bool:
    """Whether the figure's document is about a protest, or its sentence names one."""
    return getattr(w.s.event, "cls", None) == "protest" or _names_protest(w)


#: Who watches: the counted nouns of an audience ("51,800 fans", "40,000 spectators").
_AUDIENCE = frozenset({"fan", "spectator", "supporter", "people", "person", "onlooker", "viewer"})


def _attendance(w: Work) -> MetricPick | None:
    """"in front of 52,000 fans", "before a crowd of 51,800", "watched by 40,000 spectators":
    how many watched the story's match, concert or ceremony (not a protest: its crowd)."""
    q = w.q
    if q.kind != "count" or q.value is None or q.value < 100:
        return None
    counted = (q.counted or "").lower()
    if counted and counted not in _AUDIENCE and counted.removesuffix("s") not in _AUDIENCE:
        return None
    before = [t.low for t in w.toks[max(0, w.li - 3) : w.li]]
    watched = before[-3:] == ["in", "front", "of"] or before[-2:] == ["watched", "by"] or (
        before[-1:] == ["before"] and bool(counted)) or before[-2:] in (["crowd", "of"], ["attendance", "of"])
    return _pick("attendance", "attendance") if watched and not _protest_story(w) else None


def _population(w: Work) -> MetricPick | None:
    """"home to 120,000 people", "a city of 500,000 (people)", "a population of 2 million":
    the number of people who live in a place."""
    q = w.q
    if q.kind != "count" or (q.counted is not None and q.counted.lower() not in ("person", "resident", "inhabitant")):
        return None
    toks = w.toks
    before = [t.low for t in toks[max(0, w.li - 3) : w.li]]
    if before[-2:] == ["home", "to"] or (before[-2:-1] == ["population"] and before[-1:] == ["of"]):
        return _pick("population", "population")
    if before[-1:] == ["of"] and len(before) >= 2 and before[-2] in WORDS.place_nouns:
        return _pick("population", "population")
    return None


#: Counted nouns of who travels, and the metric "on board" gives each.
_ABOARD = {"passenger": "passengers on board", "crew": "crew on board", "crew member": "crew on board",
           "crewmember": "crew on board", "person": "people on board", "people": "people on board",
           "migrant": "people on board", "refugee": "people on board", "asylum seeker": "people on board"}


def _on_board(w: Work) -> MetricPick | None:
    """"with 157 people on board", "carrying 149 passengers and eight crew", "150 passengers
    were on the flight": who was aboard the vehicle of the story's event (owned by the
    event, so outlets meet; a count of passengers in general stays the airline's)."""
    q = w.q
    if q.kind != "count" or not q.counted:
        return None
    name = _ABOARD.get(q.counted.lower())
    if name is None:
        return None
    toks = w.toks
    before = [t.low for t in toks[max(0, w.li - 2) : w.li]]
    if before[-1:] and before[-1] in ("carrying", "aboard"):  # not "the airline carried 20 million passengers"
        return _pick(name, name)
    if before[-1:] and before[-1] in ("and", ",") and w.claims_so_far:  # "149 passengers and eight crew"
        prev_q, prev_m = w.claims_so_far[-1]
        if prev_m.name in _ABOARD.values() and w.li >= 2 and prev_q.end == toks[w.li - 2].end:
            return _pick(name, name)
    if before[-1:] == ["all"] and before[-2:-1] and before[-2] in ("carrying", "killing", "with"):
        return _pick(name, name)
    # after the figure (or the list it opens): "on board", "aboard", "were on the flight"
    k, end = w.ri, min(len(toks), w.ri + 8)
    while k < end:
        t = toks[k]
        if t.low in ("aboard", "onboard") or (t.low == "on" and k + 1 < len(toks) and toks[k + 1].low == "board"):
            return _pick(name, name)
        if t.low in ("were", "was") and k + 2 < len(toks) and toks[k + 1].low == "on" \
                and toks[k + 2].low in ("the", "board"):
            return _pick(name, name)
        if not t.word or (w.v.is_verb(k) and t.low not in ("were", "was")) or t.has(REPORT):
            return None
        k += 1
    return None


#: Nouns of what a breach takes from people: "the personal data of 40 million customers".
_DATA_NOUNS = frozenset({"data", "records", "details", "information", "accounts", "files", "emails", "passwords"})


def _data_of(w: Work) -> MetricPick | None:
    """"stole the personal data of 40 million customers", "data on about 40 million people",
    "the records of 37 million customers": the people a breach exposed, not the company's
    customers (set against "Lumo has 52 million customers" it was a false conflict)."""
    q = w.q
    if q.kind != "count" or w.li < 2 or w.toks[w.li - 1].low not in ("of", "on"):
        return None
    noun = w.toks[w.li - 2]  # the noun right before: not "accounts for a third of" (a verb)
    affected = noun.low in _DATA_NOUNS and not w.v.is_verb(w.li - 2)
    return _pick("people affected", "people affected") if affected else None


def _with_injuries(w: Work) -> MetricPick | None:
    """"left more than 50 people with serious injuries": the noun after "with" names it."""
    toks = w.toks
    if w.q.kind != "count" or w.ri + 1 >= len(toks) or toks[w.ri].low != "with":
        return None
    words = [t.low for t in toks[w.ri + 1 : w.ri + 4]]
    treated = w.li > 0 and toks[w.li - 1].low in WORDS.treated
    for i, x in enumerate(words):
        names = lexicon.metrics().by_noun.get(x)
        if names and treated and names[0] == "injured":
            return _pick("injured treated", f"people with {' '.join(words[: i + 1])}")
        if names:
            mod = next((m for m in words[:i] if (names[0], m) in lexicon.metrics().modified), None)
            name = lexicon.metrics().modified[(names[0], mod)] if mod else names[0]
            return _pick(name, f"people with {' '.join(words[: i + 1])}")
    return None


def _perpetrators(w: Work) -> MetricPick | None:
    """"Four men rammed a car into the store": in a robbery (or an attack) story, people who
    are the subject of an action of the event are its perpetrators."""
    q = w.q
    ev = getattr(w.s.event, "cls", None)
    if q.kind != "count" or ev not in WORDS.perpetrators or q.counted is None or q.counted.lower() not in WORDS.person_nouns:
        return None
    if not _verb_follows(w) or _passive_after(w) or _verb_after(w):
        return None  # "five people were killed": what happened to them, not what they did
    name = WORDS.perpetrators[ev]
    return _pick(name, f"{plural(q.counted).lower()} ({name})")


_RATE_AFTER = regex.compile(r"\G[^.;]{0,40}?\b(?:(?:every|each|a|per)[ ](?:single[ ])?(day|week|month|year)|(daily|weekly|monthly))\b",
                            regex.IGNORECASE)


_PERIOD_WORDS = frozenset({"day", "week", "month", "year", "daily", "weekly", "monthly"})


def per_period(w: Work, m: MetricPick) -> MetricPick:
    """A count given per day, week, month or year ("150 new cases are recorded every day",
    "5,000 people cross each day") is a rate: its metric says so ("new cases per day"),
    so it never meets a total."""
    if w.q.kind != "count" or w.v.words.isdisjoint(_PERIOD_WORDS) \
            or m.name.endswith(("per day", "per week", "per month", "per year")):
        return m
    got = _RATE_AFTER.match(w.v.text, w.q.end, w.v.end)
    if got is None:
        return m
    period = got.group(1) or {"daily": "day", "weekly": "week", "monthly": "month"}[got.group(2).lower()]
    name = f"{m.name} per {period.lower()}"
    return MetricPick(name, f"{m.text} per {period.lower()}", m.owner, False)


def _counted_noun(w: Work) -> MetricPick | None:
    """The counted noun names the metric ("41 bodies", "660 lives", "50,000 protesters"), or
    is one (plural, with modifiers that change what is measured: "monthly active users")."""
    q = w.q
    if q.kind != "count" or not q.counted:
        return None
    head = w.toks[w.ri - 1] if w.ri > w.li else None
    if head is not None and head.has(POSSESSION | VERB) and not head.has(METRIC_NOUN) and w.li > 0 \
            and w.toks[w.li - 1].cap:
        return None  # "the Nova 5 starts at $829": a model's number, and a verb
    return _metric_of_count(w, q)


def whole_after(w: Work) -> Quantity | None:
    """The whole a bare count is a part of ("64 of the 150 seats" → "150 seats"), or None:
    a count of its own right after "of" (and a determiner)."""
    toks, k = w.toks, w.ri
    if k + 1 >= len(toks) or toks[k].low != "of":
        return None
    k += 1
    if toks[k].low in _WHOLE_DETERMINERS:
        k += 1
    whole = next((f.q for f in w.v.figures if f.first == k), None)
    return whole if whole is not None and whole.kind == "count" and whole.value is not None else None


def _part_of_whole(w: Work) -> MetricPick | None:
    """"The Greens hold 64 of the 150 seats": a bare count before the whole it is a part
    of counts what the whole counts (not "one of the ten largest banks": a member)."""
    q = w.q
    if q.kind != "count" or q.counted is not None or q.value is None or q.value == 1:
        return None
    whole = whole_after(w)
    if whole is None or not whole.counted:
        return None
    return _metric_of_count(w, whole)


def _metric_of_count(w: Work, q: Quantity) -> MetricPick:
    """The metric a count's counted noun names (``q`` is the figure's own quantity, or the
    whole it is a part of), with the verb of the figure's clause."""
    assert q.counted is not None
    lex = lexicon.metrics()
    noun = plural(q.counted)
    for form in (noun.lower(), q.counted.lower()):
        names = lex.by_noun.get(form)
        if names and not (names[0] == "crowd size" and (q.value or 0) < 100):  # "one protester threw"
            # "1,100 suspected cases" are no confirmed cases: a modifier in the figure narrows it
            mod = next((lex.modified[(names[0], x.lower())] for x in q.text.split()[:-1]
                        if (names[0], x.lower()) in lex.modified), None)
            return _pick(mod, mod) if mod else _pick(names[0], noun.lower())
    words = [x.strip(",.").lower() for x in q.text.split()]
    mods = [x for x in words[:-1] if x in _modifier_words() and x not in ("public", "private", "confirmed")]
    text = " ".join([*mods, noun.lower() if noun[:1].islower() else noun])
    toward = w.li > 0 and w.toks[w.li - 1].low in ("to", "into", "from", "in", "at", "on", "across")
    # "evacuated to 10 shelters": the verb's destination, not what it did to the count
    verb = _passive_after(w) or (None if toward else _participle(w.v.verb_group_start(w.li)[1]))
    if verb:
        text = f"{text} {verb}"
        w.verb = verb
    name = lex.synonyms.get(lexicon.normalise_words(text), text)
    return _pick(name, text)


#: Words glued to a count by a hyphen that name no counted thing: "a 20-strong team",
#: "a three-way race", "a two-time winner", "a 10-fold rise", scores ("a 4-under 68").
_NOT_COMPOUND_NOUNS = frozenset({
    "strong", "odd", "plus", "fold", "way", "time", "times", "off", "old", "long", "wide", "high", "deep",
    "tall", "thick", "large", "under", "over", "all", "nil", "love", "something", "ish", "and", "or",
    "to", "in", "on", "up", "for", "some", "one", "fifty", "half", "third", "thirds", "quarter",
    "quarters", "fifths", "day", "week", "month", "year", "hour", "minute", "second",
})


def compound_noun(w: Work) -> str | None:
    """The noun glued by a hyphen to a bare count, when the pair modifies the noun after it:
    "an 80-employee startup" -> "employee", "a 300-seat parliament" -> "seat"; ``None`` for
    anything else ("a 20-strong team", "a 3-1 win", "Covid-19", "a 10-fold rise"). Read
    once a figure (three rules ask)."""
    got = w.memo.get("compound", _UNREAD)
    if got is _UNREAD:
        got = w.memo["compound"] = _compound_noun(w)
    return got  # type: ignore[return-value]


_UNREAD = object()


def _compound_noun(w: Work) -> str | None:
    q = w.q
    if q.kind != "count" or q.counted or q.value is None or w.ri >= len(w.toks) or w.ri <= w.li:
        return None
    last = w.toks[w.ri - 1]
    rest = last.text[q.end - last.start:] if last.start <= q.end <= last.end else ""
    noun = rest[1:]
    if rest[:1] != "-" or len(noun) < 3 or not (noun.isascii() and noun.isalpha() and noun.islower()) \
            or noun in _NOT_COMPOUND_NOUNS:
        return None
    head = w.toks[w.ri]
    if not head.word or head.text[:1].isdigit() or head.has(PREP | CONJ | DET | AUX | PRON) or w.v.is_verb(w.ri):
        return None
    return noun


def _count_compound(w: Work) -> MetricPick | None:
    """"an 80-employee startup", "a 300-seat parliament": the noun glued to the count,
    in the plural, is the metric (mapped to a canonical one as a counted noun is)."""
    noun = compound_noun(w)
    if noun is None or noun == "strength" or not float(w.q.value or 0).is_integer():
        return None  # a count is whole; "a 6.7-strength quake" is the magnitude rule's
    lex = lexicon.metrics()
    many = plural(noun)
    for form in (many, noun):
        names = lex.by_noun.get(form)
        if names and names[0] != "crowd size":
            return _pick(names[0], many)
    return _pick(lex.synonyms.get(lexicon.normalise_words(many), many), many)


def _passive_after(w: Work) -> str | None:
    """"the accounts were removed" -> "removed": the participle after a counted noun."""
    toks = w.toks
    k = w.ri
    seen_aux = False
    while k < len(toks) and k < w.ri + 4 and toks[k].word and (toks[k].has(AUX) or toks[k].low.endswith("ly")):
        seen_aux = True
        k += 1
    if k < len(toks) and toks[k].word:
        low = toks[k].low
        norm = _english().verb_forms.get(low)
        if norm and seen_aux:
            return norm
        if seen_aux and not toks[k].has(REPORT) and (
            (low.endswith("ed") and len(low) > 4) or toks[k].has(VERB | METRIC_VERB | EVENT_VERB)
        ):
            return low
    return None


#: Words that name another part of a payment than the one a sum is "in".
_OTHER_PAYMENT = frozenset({"remainder", "rest", "balance", "stock", "shares", "equity", "cash", "debt"})
_IN_NAMED = regex.compile(r"\s++in\s++(?:compensation|damages|reparations|restitution)\b", regex.I)
_PAID_IN = regex.compile(
    r"\s++(?:(?:will\s++be|was|were|is|are|to\s++be)\s++)?(?:paid\s++|payable\s++)?"
    r"in\s++((?:cash|stock|shares|equity|debt|loans?|aid|savings|bonds|grants?)"
    r"(?:\s++and\s++(?:cash|stock|shares|equity|debt|loans?|aid|savings|bonds|grants?))?)\b",
    regex.I,
)


def _money(w: Work) -> MetricPick | None:
    """What a sum is: paid in cash ("$281m in cash"), the loot, a price, funding, a loan ...:
    from the words of its clause, else from the kind of event the document is about."""
    q = w.q
    if q.kind != "currency":
        return None
    m = _PAID_IN.match(w.v.text, q.end, min(len(w.v.text), q.end + 40))
    named = _IN_NAMED.match(w.v.text, q.end, min(len(w.v.text), q.end + 30))
    if named:  # "$1 million in compensation", "in damages": what the sum is, whatever the verb
        return _pick("compensation", "compensation")
    if m and m.group(1).lower().startswith(("loan", "aid", "grant")):
        kind = "grant" if m.group(1).lower().startswith("grant") else "loan"
        return _pick(kind, f"amount in {m.group(1).lower()}")  # "€110bn in loans": the loans
    if m and (any(f.q.kind == "currency" and f.q is not q and " per " not in (f.q.unit or "") for f in w.v.figures)
              or not w.v.words.isdisjoint(_OTHER_PAYMENT - set(m.group(1).lower().split()))
              or (w.li > 0 and w.toks[w.li - 1].low in ("including", "includes", "plus"))):
        # "$334 million, including $281 million in cash", "$281 million in cash and the
        # remainder in stock": the part paid in cash (the one sum and form of payment of its
        # sentence, "to buy Brightwell for $4.2 billion in cash, or $38 a share", is the price)
        form = m.group(1).lower()
        return MetricPick(f"amount in {form}", f"amount in {form}", "event")
    name: str | None = _money_word(w)
    if name == "funding" and _public_source(w):
        name = "grant"  # "got $9.3m in funding from the US government": a grant, not venture money
    if name is None:
        cls: str | None = getattr(w.s.event, "cls", None)
        known = lexicon.events().classes
        money = known[cls].money if cls is not None and cls in known else None
        name = money or "amount"
    if name in _results()["metrics"]:  # "quarterly revenue", "annual profit forecast"
        entry = lexicon.metrics().entries[name]
        name = _result_metric(w, name)
        return MetricPick(name, name, entry.owner, entry.cumulative)
    return _pick(name, name)


@functools.cache
def _results() -> dict[str, frozenset[str]]:
    spec = lexicon.load_toml("metrics.toml").get("results", {})
    return {k: frozenset(x.lower() for x in v) for k, v in spec.items() if isinstance(v, list)}


def _result_metric(w: Work, name: str) -> str:
    """A company's result named by its period and whether it is a forecast (metrics.toml
    [results]): the period word of the sentence nearest the figure, a forecast word
    before it in its sentence."""
    res = _results()
    toks = w.toks
    best: tuple[int, str] | None = None
    for k, t in enumerate(toks):
        words = [t.low] + ([f"{t.low} {toks[k + 1].low}"] if k + 1 < len(toks) else [])
        for period in ("quarterly", "annual", "half-year"):
            if any(x in res.get(period, ()) for x in words):
                d = abs(k - w.li)
                if best is None or d < best[0]:
                    best = (d, period)
    forecast = any(t.low in res.get("forecast", ()) for t in toks[: w.li])
    return " ".join(x for x in (best[1] if best else "", name, "forecast" if forecast else "") if x)


def _public_source(w: Work) -> bool:
    """Whether the figure's clause says the money came from a public body ("from the state")."""
    _, b = w.v.clause_bounds(w.li)
    toks = w.toks
    return any(toks[k].low == "from" and any(t.low in WORDS.public for t in toks[k + 1 : k + 5])
               for k in range(w.ri, min(b, len(toks))))


def _money_word(w: Work) -> str | None:
    """The nearest word of the figure's clause that says what kind of sum it is."""
    lex = lexicon.metrics()
    ev = lexicon.events()
    toks = w.toks
    a, b = w.v.clause_bounds(w.li)
    if w.li > 0 and toks[w.li - 1].text == "(":  # "won grants from A ($9.3m) and B ($250,000)"
        a = max(0, w.li - 30)
    if w.ri < len(toks) and toks[w.ri].text == "(":  # "a €110 billion ($141 billion) loan package"
        close = next((k for k in range(w.ri + 1, min(len(toks), w.ri + 12)) if toks[k].text == ")"), None)
        if close is not None and close + 1 < len(toks):
            b = max(b, w.v.clause_bounds(close + 1)[1])
    best: tuple[int, str] | None = None
    for k in range(max(0, a - 4), min(len(toks), b + 2)):
        if w.li <= k < w.ri:
            continue
        t = toks[k]
        cands = [n for n in lex.by_verb.get(t.low, ()) + lex.by_noun.get(t.low, ()) if lex.entries[n].money]
        if cands and k >= w.ri and _sum_between(w, w.ri, k):
            continue  # "£80m plus £5m in add-ons": the add-ons are the second sum's
        for cls in ev.by_noun.get(t.low, ()) + ev.by_verb.get(t.low, ()):
            money = ev.classes[cls].money
            if money:
                cands.append(money)
        if not cands:
            continue
        # a valuation word ("worth") says least: any other word of the clause wins over it
        d = abs(k - w.li) + (100 if t.low in WORDS.valuation else 0)
        if best is None or d < best[0]:
            best = (d, cands[0])
    if best is not None and best[0] >= 100:
        story_cls: str | None = getattr(w.s.event, "cls", None)
        if story_cls is not None and story_cls in ev.classes and ev.classes[story_cls].money:
            return ev.classes[story_cls].money
    return best[1] if best else None


def _sum_between(w: Work, lo: int, hi: int) -> bool:
    """Whether a sum of money starts at a token index in ``[lo, hi)`` (not one restated in
    brackets: "a €110 billion ($141 billion) loan" is one sum)."""
    toks = w.toks
    return any(lo <= f.first < hi and f.q.kind == "currency" and not (f.first > 0 and toks[f.first - 1].text == "(")
               for f in w.v.figures)


_PRISON = regex.compile(r"\s*(?:in|behind)\s+(?:prison|jail|bars)\b", regex.I)


#: Words of a clause that make a duration a prison term: "sentenced to 12 years", "jailed
#: for 12 years"; and nouns a term modifies: "a 10-year sentence", "a 10-year prison term".
_SENTENCING_VERBS = frozenset({"sentenced", "jailed", "imprisoned", "sentencing", "sentence", "sentences"})
_TERM_NOUNS = frozenset({"sentence", "prison", "jail", "term"})
#: Words of a sentence that make "a term of" or "serve" a prison term, not an office.
_CUSTODY = frozenset({"prison", "jail", "parole", "sentenced", "sentence", "custody", "jailed"})


def _sentenced(w: Work) -> bool:
    """Whether a duration is a prison term: a sentencing verb before it in its clause, or a
    term noun right after it ("a 10-year sentence")."""
    toks = w.toks
    if w.ri < len(toks) and toks[w.ri].low in _TERM_NOUNS and hyphen_adjective(w.q):
        return True
    if w.li >= 2 and toks[w.li - 1].low == "of" and toks[w.li - 2].low == "term" \
            and not w.v.words.isdisjoint(_CUSTODY):
        return True  # "life in prison with a minimum term of 30 years"
    a, _b = w.v.clause_bounds(w.li)
    if not w.v.words.isdisjoint(_CUSTODY) and any(toks[k].low in ("serve", "serves", "serving")
                                                  for k in range(max(a, w.li - 4), w.li)):
        return True  # "will serve at least 30 years before he can be considered for parole"
    return any(toks[k].low in _SENTENCING_VERBS for k in range(max(a, w.li - 8), w.li))


def _duration(w: Work) -> MetricPick | None:
    """A prison sentence, an age ("61-year-old"), or how long something lasted."""
    q = w.q
    if q.kind == "age":
        return _pick("age", "age")
    if q.kind != "duration":
        return None
    text = w.v.text
    if _PRISON.match(text, q.end, min(len(text), q.end + 20)) or _sentenced(w):
        return _pick("prison sentence", "prison sentence")
    if q.text.lower().endswith("-old") or text[q.end : q.end + 5].lower() in ("-old ", " old ", "-old,", " old,"):
        return _pick("age", "age")
    return _pick("duration", "duration")


_REFERENCE = regex.compile(
    r"\s*+(?:\([^()]{0,30}\)\s*+)?(?:away\s++)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west"
    r"|north-north-?east|north-north-?west|south-south-?east|south-south-?west)\s++)?"
    r"(?:of|from|off)\s++(?:the\s++)?(?:\p{Ll}[\p{Ll}-]*+\s++){0,3}(?:of\s++)?"
    r"(\p{Lu}[\p{L}-]*+(?:\s++\p{Lu}[\p{L}-]*+){0,3})",
    regex.V1,
)
_SHAPE = regex.compile(r"[\s-]*+(?:\([^()]{0,30}\)\s*+)?(high|tall|long|wide|deep|thick)\b", regex.I)
_DEPTH = regex.compile(r"\b(?:depth|deep|beneath|below|underground)\b", regex.I)
_UPWARD = regex.compile(r"\s*+(?:high[ ])?(?:into|in)[ ]the[ ](?:sky|air|atmosphere)\b", regex.I)
_ALTITUDE = regex.compile(r"\b(?:altitude|elevation|above[ ]sea[ ]level)\b", regex.I)
#: What a hyphenated length before it measures the height of ("a 3,724-metre peak").
_HIGH_THINGS = frozenset({"peak", "mountain", "summit", "volcano", "tower", "skyscraper", "building", "wave", "waves"})


@functools.lru_cache(maxsize=256)
def _is_length(unit: str, power: str = "") -> bool:
    """Whether ``unit`` is a length (``power=" ** 2"``: an area, "hectare", "acre")."""
    from .units import dimension_key

    try:
        return dimension_key(unit) == f"[length]{power}"
    except UnitError:  # an unknown unit is simply not a length
        return False


def _dimension(w: Work) -> MetricPick | None:
    """Depth, height, length, area, temperature, or the distance from a named place."""
    q = w.q
    if q.kind != "dimension":
        return None
    text = w.v.text
    if q.unit and _is_length(q.unit):
        m = _SHAPE.match(text, q.end, min(len(text), q.end + 50))
        if m:
            return _pick(WORDS.shapes[m.group(1).lower()], WORDS.shapes[m.group(1).lower()])
        if _DEPTH.search(text, max(0, q.start - 25), q.end + 22):
            return _pick("depth", "depth")
        if _UPWARD.match(text, q.end, min(len(text), q.end + 30)):
            return _pick("height", "height")  # "a column of ash 8 kilometres into the sky"
        if _ALTITUDE.search(text, max(0, q.start - 30), q.end + 22):
            return _pick("altitude", "altitude")  # "at an altitude of 9,800 feet", "3,000 metres above sea level"
        if hyphen_adjective(q):
            if w.ri < len(w.toks) and w.toks[w.ri].low in _HIGH_THINGS:
                return _pick("height", "height")  # "the 3,724-metre peak"
            return _pick("length", "length")  # "a 6-foot wall", "a 181-km fault"
        if w.li > 1 and w.toks[w.li - 1].low == "for" and w.toks[w.li - 2].low in WORDS.movement:
            return _pick("distance", "distance")  # "passed for 318 yards", "ran for 80 yards"
        if w.ri + 1 < len(w.toks) and w.toks[w.ri].low == "of" and w.toks[w.ri + 1].low in WORDS.falls:
            name = WORDS.falls[w.toks[w.ri + 1].low]
            return _pick(name, name)  # "more than 200 mm of rain fell": rainfall
        ref = _REFERENCE.match(text, q.end, min(len(text), q.end + 80))
        if ref:
            name = f"distance from {ref.group(1)}"
            return MetricPick(name, name, "entity")
        return None
    if q.unit and "degree" in q.unit:
        return _pick("temperature", "temperature")
    if q.unit and _is_length(q.unit, " / [time]"):  # "winds of 150 mph", "240 km/h"
        a, b = w.v.clause_bounds(w.li)
        windy = any(t.low in ("wind", "winds", "gust", "gusts") for t in w.toks[max(0, a - 3) : b])
        toks = w.toks
        if (w.ri < len(toks) and toks[w.ri].low in ("zone", "limit", "speed-limit")) or (
                w.li > 0 and toks[w.li - 1].low in ("limit", "of") and "limit" in w.v.words):
            return _pick("speed limit", "speed limit")  # "doing 92 mph in a 65 mph zone": the limit, no speed
        return _pick("wind speed", "wind speed") if windy else _pick("speed", "speed")
    if q.unit and (q.unit.startswith("square ") or _is_length(q.unit, " ** 2")):
        if _fire_clause(w):  # "the blaze has scorched 12,000 hectares": what the fire burned
            return _pick("area burned", "area burned")
        return _pick("area", "area")  # "a 1,500-square-kilometer island", "30,000 acres"
    return _measure(w, q.unit) if q.unit else None


#: What a figure of a physical dimension measures when no word says more ("9 tonnes").
_MEASURES = {"[mass]": "weight", "[length] ** 3": "volume",
             "[mass] * [length] ** 2 / [time] ** 3": "power", "[mass] * [length] ** 2 / [time] ** 2": "energy",
             "[current] * [time]": "battery capacity"}


def _measure(w: Work, unit: str) -> MetricPick:
    """A weight, a volume, an energy: named by its dimension, and by what it is of ("2.3
    tonnes of cocaine" is the weight of cocaine), never by its unit, so "2.3 tonnes" and
    "2,300 kilograms" meet and a weight of cocaine never meets one of cannabis."""
    from .units import dimension_key

    try:
        measure = _MEASURES.get(dimension_key(unit))
    except UnitError:
        measure = None
    if measure is None:
        return _pick(unit, unit)
    toks = w.toks
    if w.ri + 1 < len(toks) and toks[w.ri].low == "of":
        got = np_after(w.v, w.ri + 1)
        words = got[1].lower().split() if got is not None else []
        if len(words) > 1 and words[-1].endswith(("ed", "en")):
            words.pop()  # "of cocaine hidden in ...": what it is, not where it was
        if 0 < len(words) <= 2 and words[-1][:1].isalpha():
            name = f"{measure} of {words[-1]}"  # "of crude oil", "of oil": the weight of oil
            return MetricPick(name, name, "entity")
    return _pick(measure, measure)


def _fire_clause(w: Work) -> bool:
    """Whether the figure's clause says a fire burned it: a burning verb, or a fire named."""
    a, b = w.v.clause_bounds(w.li)
    burn = _english().verbs["burn_verbs"]
    by_noun = lexicon.events().by_noun
    return any(t.low in burn or (t.has(EVENT_NOUN) and "fire" in by_noun.get(t.low, ()))
               for t in w.toks[a:b])


def _contained(w: Work) -> bool:
    """Whether a percentage says how much of a fire is under control: "30 percent contained",
    "containment of 30%", "firefighters have contained 30% of the blaze"."""
    toks = w.toks
    if w.ri < len(toks) and toks[w.ri].low in ("contained", "containment"):
        return True
    before = [t.low for t in toks[max(0, w.li - 3) : w.li]]
    return "containment" in before or (bool(before) and before[-1] == "contained")


@functools.cache
def _indicators() -> dict[tuple[str, ...], str]:
    """(words of an indicator phrase) -> its metric (metrics.toml [indicators])."""
    spec = lexicon.load_toml("metrics.toml").get("indicators", {})
    return {tuple(p.lower().split()): name for name, phrases in spec.items() if isinstance(phrases, list)
            for p in phrases}


@functools.cache
def _indicator_words() -> tuple[frozenset[str], frozenset[str]]:
    """(the first words of the indicator phrases, the indicator metrics), read once."""
    table = _indicators()
    return frozenset(k[0] for k in table), frozenset(table.values())


def _indicator_at(w: Work) -> tuple[str, int, int] | None:
    """The economic indicator the figure's clause names before it: (metric, first token,
    end token), the nearest one, the longest phrase there."""
    got = w.memo.get("indicator", _UNREAD)  # read once a figure: its metric and its owner ask
    if got is _UNREAD:
        got = w.memo["indicator"] = _find_indicator(w)
    return got  # type: ignore[return-value]


def _find_indicator(w: Work) -> tuple[str, int, int] | None:
    table = _indicators()
    if not table or w.v.words.isdisjoint(_indicator_words()[0]):
        return None
    a, _ = w.v.clause_bounds(w.li)
    toks = w.toks
    if a >= 2 and toks[a - 1].text == "," and toks[a].low in ("to", "at", "from", "up", "down"):
        a = w.v.clause_bounds(a - 2)[0]  # "lifted its main rate by half a point, to 4.25%"
    best = None
    for k in range(max(0, a - 1), w.li):
        for n in (4, 3, 2, 1):
            key = tuple(t.low for t in toks[k : k + n])
            if len(key) == n and key in table:
                best = (table[key], k, k + n)  # the last (nearest) start wins
                break
    return best


def _indicator(w: Work) -> MetricPick | None:
    """"Inflation in Lumo rose to 7.9 percent", "the jobless rate dropped to 4.1%", "raised
    its key rate ... to 3.25 percent": a percentage after an economic indicator in its
    clause measures that indicator."""
    if w.q.kind != "percent":
        return None
    got = _indicator_at(w)
    return _pick(got[0], got[0]) if got else None


def _security_clause(w: Work) -> bool:
    """Whether the figure tells of a company's shares: the nearest noun of its clause left of
    it is "shares"/"stock" ("shares in Oromi fell 12 percent", "Oromi's stock dropped 14
    percent to $38.20"), not "the stock market" nor a sum ("revenue rose 5 percent")."""
    got = w.memo.get("security", _UNREAD)
    if got is _UNREAD:
        got = w.memo["security"] = _find_security(w)
    return got  # type: ignore[return-value]


def _find_security(w: Work) -> bool:
    if w.v.words.isdisjoint(WORDS.securities):
        return False
    toks = w.toks
    a, _b = w.v.clause_bounds(w.li)
    for k in range(w.li - 1, a - 1, -1):
        t = toks[k]
        if t.low in WORDS.securities:
            return not (k + 1 < len(toks) and toks[k + 1].low in WORDS.not_securities)
        if t.low in _sum_nouns():
            return False
        if w.v.figure_between(k, k + 1) and next((f.q.kind for f in w.v.figures if f.first == k), None) != "percent":
            return False  # another figure's clause (but "dropped 14 percent to $38.20" reads on)
    return False


def _share_price(w: Work) -> MetricPick | None:
    """"Shares in Oromi fell 12 percent", "Oromi's stock dropped 14 percent to $38.20": how
    far a company's shares moved, and what they trade at, are its share price."""
    if w.q.kind == "percent" or (w.q.kind == "currency" and w.li > 0 and w.toks[w.li - 1].low in ("to", "at")):
        return _pick("share price", "share price") if _security_clause(w) else None
    return None


def _percent(w: Work) -> MetricPick | None:
    """A percentage: "percent", "percent of X" when the text says of what, or how sure
    someone is ("99.9 percent certain")."""
    if w.q.kind != "percent":
        return None
    toks = w.toks
    if w.ri < len(toks) and toks[w.ri].low in WORDS.certain:
        return MetricPick("certainty", f"percent {toks[w.ri].low}", "entity")
    if _contained(w):  # "the blaze is 30 percent contained", "have contained 30% of the fire"
        return _pick("containment", "percent contained")
    if w.ri + 1 < len(toks) and toks[w.ri].low == "of":
        got = np_after(w.v, w.ri + 1)
        if got and len(got[1].split()) <= 3 and not got[1][:1].isdigit():
            noun = got[1].lower()
            return MetricPick(f"percent of {noun}", f"percent of {noun}", "entity")
    if getattr(w.s.event, "cls", None) == "election" and w.q.change is None and "turnout" not in w.v.words:
        # an election story: "the Liberals on 24.5 percent", "the Greens had 31.2%" is a vote share
        return MetricPick("percent of vote", "percent of vote", "entity")
    return _pick("percent", "percent")


def _fraction_of(w: Work) -> MetricPick | None:
    """"a quarter of the usual electricity", "one sixth the space": the share of a noun."""
    q = w.q
    if q.kind != "count" or q.counted is not None or q.value is None or not 0 < q.value < 1:
        return None
    toks = w.toks
    k = w.ri
    if k < len(toks) and toks[k].low == "of":
        k += 1
    if k < len(toks) and toks[k].has(DET):
        k += 1
    j = k
    while j < min(len(toks), k + 3) and toks[j].word and not toks[j].text[:1].isdigit() \
            and not toks[j].has(PREP | CONJ | DET | AUX | PRON) and not w.v.is_verb(j):
        j += 1
    if j == k or k == w.ri:  # nothing, or a fraction not followed by "of"/"the" ("a third said")
        return None
    noun = toks[j - 1].low
    return _pick(f"share of {noun}", w.v.span_text(w.ri, j))


def _ordinal(w: Work) -> MetricPick | None:
    """"the 25th anniversary of X" is checkable; "the second half", "the first truck" not."""
    q = w.q
    if q.kind != "ordinal":
        return None
    ok = q.text[:1].isdigit() and w.ri < len(w.toks) and w.toks[w.ri].low == "of"
    return _pick(q.counted, q.counted) if ok and q.counted else None


def _of_them(w: Work) -> MetricPick | None:
    """"55 others injured, five of them critically": a part of the figure before it, with
    its metric (and a modifier that narrows it: "critically" → critically injured)."""
    toks = w.toks
    if w.ri >= len(toks):
        return None
    of_them = w.ri + 1 < len(toks) and toks[w.ri].low == "of" and toks[w.ri + 1].low in ("them", "whom", "those")
    prev = next((m for q, m in reversed(w.claims_so_far) if q.kind == "count"), None)
    if prev is None:
        return None
    base = prev
    if not of_them and w.q.counted and base.owner == "event" and _included(w):
        # "34 people were killed, including 30 rebels and four soldiers": parts of that toll,
        # each with its counted noun as its scope (never set against the whole)
        noun = plural(w.q.counted).lower()
        prev_q = next((q for q, _m in reversed(w.claims_so_far) if q.kind == "count"), None)
        same = prev_q is not None and prev_q.counted is not None and plural(prev_q.counted).lower() == noun
        w.memo["included"] = "part" if same else noun  # "842 aftershocks, including 54 aftershocks stronger ..."
        return MetricPick(base.name, base.text, base.owner, base.cumulative)
    if not of_them:  # "55 wounded, 15 critically": a bare number and the modifier
        k = w.ri
        if k + 1 < len(toks) and toks[k].low in ("remain", "remains", "remained", "are", "were", "is", "was"):
            k += 1  # "Five were hurt; two remain critical"
        nxt = toks[k].low
        if w.q.counted is None and (base.name, nxt) in lexicon.metrics().modified:
            name = lexicon.metrics().modified[(base.name, nxt)]
            return _pick(name, name)
        return None
    after = [t.low for t in toks[w.ri + 2 : w.ri + 6]]
    entry = lexicon.metrics().entries.get(base.name)
    if entry is not None and entry.base:  # "50 seriously injured, 10 of whom remain critical"
        base = _pick(entry.base, entry.base)
    mod = next((x for x in after if (base.name, x) in lexicon.metrics().modified), None)
    if mod:
        name = lexicon.metrics().modified[(base.name, mod)]
        return _pick(name, name)
    w.scope = "of them"
    return MetricPick(base.name, base.text, base.owner, base.cumulative)


def _included(w: Work) -> bool:
    """Whether the figure is an item of a list after "including" that follows another figure
    of its sentence ("34 people, including 30 rebels and four soldiers")."""
    toks = w.toks
    for k in range(w.li - 1, max(-1, w.li - 10), -1):
        t = toks[k]
        if t.low == "including":
            return w.v.figure_between(max(0, k - 12), k)
        if t.text in (".", ";", ":") or (t.word and not (t.low == "and" or w.v.figure_between(k, k + 1)
                                                          or t.text[:1].isdigit() or not t.cap)):
            return False
    return False


_COMPARE = regex.compile(r"\b(?:than|versus|vs\.?|compared\s+(?:with|to))\b", regex.I)


def _borrowed(w: Work) -> MetricPick | None:
    """A bare number takes the metric of a noun phrase right before it ("users, 396
    million") or of the figure it is compared with in the same sentence."""
    q = w.q
    if q.kind != "count" or q.counted is not None:
        return None
    toks = w.toks
    li = w.li
    if li >= 2 and toks[li - 1].text == ",":
        k = li - 2
        if toks[k].word and toks[k].low.endswith("s") and not toks[k].cap:
            lo = k
            while lo > 0 and toks[lo - 1].word and toks[lo - 1].low in _modifier_words():
                lo -= 1
            text = " ".join(t.low for t in toks[lo : k + 1])
            w.rules["borrowed"] = "comma"
            return _pick(lexicon.metrics().synonyms.get(text, text), text)
    text = w.v.text  # a comparison outside the figure ("more than 200,000" compares nothing)
    if q.value is not None and abs(q.value) >= 1e5 and (
            _COMPARE.search(text, w.v.start, q.start) or _COMPARE.search(text, q.end, w.v.end)):
        prev = next((m for q2, m in w.claims_so_far if q2.kind == q.kind), None)
        if prev is not None:
            w.rules["borrowed"] = "comparison"
            return MetricPick(prev.name, prev.text, prev.owner, prev.cumulative)
    return None


def _synonym_after(w: Work) -> MetricPick | None:
    """"41 million MAU": a bare number before a known metric variant (built-in or the caller's)."""
    q = w.q
    if q.kind != "count" or q.counted is not None or w.ri >= len(w.toks):
        return None
    low = w.toks[w.ri].low
    name = w.s.synonyms.get(low) or lexicon.metrics().synonyms.get(low)
    return _pick(name, w.toks[w.ri].text) if name else None


METRIC: Table[MetricPick] = register(Table("metric", (
    Rule("magnitude", "the figure and the word 'magnitude' or 'Richter'", _magnitude,
         "A figure written with 'magnitude' or 'on the Richter scale' is a magnitude.",
         "a 6.1-magnitude quake"),
    Rule("part of the figure before", "'of them' or a modifier after the figure", _of_them,
         "\"Five of them critically\", \"15 critically\" narrow the figure before: its metric, with the modifier.",
         "55 injured, five of them critically"),
    Rule("metric noun", "a metric noun before the figure in its clause", _metric_noun_before,
         "A noun such as 'death toll' before the figure names its metric.",
         "the death toll rose to 24"),
    Rule("verb of a count", "the verb or adjective after or before a count", _people_metric,
         "What happened to a count (killed, injured, missing, damaged) is its metric, mapped to a canonical one.",
         "Five people were killed; killing ten; 24 dead"),
    Rule("vote tally", "'votes to', 'voted N to', 'in favour', 'against' around a count", _vote_tally,
         "\"Approved by 180 votes to 120\", \"voted 52 to 48\": the votes for and the votes against, two counts.",
         "Parliament approved the budget by 180 votes to 120."),
    Rule("noun of a count", "'<evacuation/arrest/deaths> of' before a count", _noun_of_count,
         "\"Forcing the evacuation of 12,000 people\", \"the arrest of five men\": the noun before 'of' says what happened to those counted.",
         "The eruption forced the evacuation of 12,000 people."),
    Rule("population", "'home to', 'a city of', 'a population of' before a count of people", _population,
         "\"home to 120,000 people\", \"a city of 500,000\": how many people live in a place.",
         "The island, home to 120,000 people, was hit."),
    Rule("data of", "'data of', 'records of' before a count", _data_of,
         "\"The personal data of 40 million customers\": the people a breach exposed.",
         "Hackers stole the personal data of 40 million customers of Lumo Telecom."),
    Rule("attendance", "'in front of', 'watched by', 'a crowd of' before a count", _attendance,
         "\"In front of 52,000 fans\", \"watched by 40,000 spectators\": how many watched the story's match or show.",
         "Lumo City won 3-1 in front of 52,000 fans."),
    Rule("on board", "'on board', 'aboard', 'carrying' around a count of people", _on_board,
         "\"With 157 people on board\", \"carrying 149 passengers\": who was aboard the vehicle of the story's event.",
         "The ferry sank with 45 people on board."),
    Rule("with injuries", "'with' + a metric noun after a count", _with_injuries,
         "\"50 people with serious injuries\": the noun after 'with' is the metric.",
         "The attack left 50 people with serious injuries."),
    Rule("crowd of a protest", "a count of people in a clause naming a protest", _crowd,
         "A count of people in a clause about a march or protest is its crowd size.",
         "Police put the march at roughly 30,000 people."),
    Rule("perpetrators", "people as the subject of an action in a robbery or attack story", _perpetrators,
         "\"Four men rammed a car into the store\": the people who did it, in a story about a robbery or attack.",
         "A jewellery store was robbed on Monday. Four men smashed the windows."),
    Rule("part of a whole", "a bare count before 'of the' and a count", _part_of_whole,
         "\"64 of the 150 seats\": a part counts what its whole counts.",
         "The Greens hold 64 of the 150 seats."),
    Rule("counted noun", "the counted noun of the figure", _counted_noun,
         "The counted noun (with modifiers such as 'monthly active') is the metric.",
         "41 bodies; 355 million monthly active users"),
    Rule("count compound", "the noun glued to a bare count by a hyphen", _count_compound,
         "\"An 80-employee startup\", \"a 300-seat parliament\": the noun glued to the count names what it counts.",
         "Lumo, an 80-employee startup, was sold."),
    Rule("share price", "'shares'/'stock' as the nearest noun before a percentage, or before 'to'/'at' a sum", _share_price,
         "How far a company's shares moved, or the price they reached, is its share price: never its revenue, nor a deal's price (not \"the stock market\").",
         "Shares in Oromi fell 12 percent to $38.20."),
    Rule("money", "the words of a sum's clause and the story's event", _money,
         "A sum is a price, the loot, funding, a loan ... by the words of its clause or the kind of event.",
         "AMD bought SeaMicro for $334 million; $281 million in cash"),
    Rule("duration", "a duration and the words after it", _duration,
         "A duration is how long something lasted, a prison sentence, or an age ('61-year-old').",
         "a one-month campaign; ten years in prison"),
    Rule("dimension", "a length and the words around it", _dimension,
         "A length is a depth, height or length, or a distance from the place named after it.",
         "at a depth of 10 km; 55 km south of Bireun"),
    Rule("indicator", "an economic indicator before a percentage in its clause", _indicator,
         "\"Inflation rose to 7.9 percent\", \"the jobless rate fell to 4.1%\": the indicator is the metric.",
         "Inflation in Lumo rose to 7.9 percent in March."),
    Rule("percent", "a percentage and the noun after 'of'", _percent,
         "A percentage measures 'percent', or the percent of what the text names.",
         "Northwind holds 13.6 percent of the market."),
    Rule("fraction of", "a fraction and the noun after it", _fraction_of,
         "\"A quarter of the power\", \"one sixth the space\": a fraction is a share of what it names.",
         "Its servers use a quarter of the power of a standard rack."),
    Rule("ordinal of", "an ordinal before 'of'", _ordinal,
         "An ordinal counts only as 'the 25th anniversary of X'.",
         "the 25th anniversary of the killings"),
    Rule("metric abbreviation", "a known metric variant after a bare number", _synonym_after,
         "\"41 million MAU\": an abbreviation the synonyms list names the metric.",
         "Lumo has 41 million MAU."),
    Rule("borrowed metric", "a noun phrase before a bare number, or the compared figure", _borrowed,
         "A bare number takes the metric of the phrase before it or of the figure it is compared with.",
         "Lumo has twice as many monthly active users, 396 million, as Pico's 143 million."),
)))


# --------------------------------------------------------------------------- SUBJECT


def _event_subject(w: Work) -> tuple[str, str] | None:
    """An event-owned figure (a toll, a magnitude, the loot) is about its event, or the part
    of it its scope names."""
    if w.metric is None or w.metric.owner != "event" or w.event is None:
        return None
    if w.event.cls == STORY_CLASS and w.q.kind == "currency" and (_possessive(w) or _named_clause_subject(w)):
        return None  # no event to own the sum, but a name does ("Vantage is paying $90m in cash")
    label = w.event.label
    if w.scope and w.scope != "of them" and f"({w.scope}" not in label and f" {w.scope})" not in label:
        return f"{label} ({w.scope})", w.scope
    return label, w.event.text or label


def _indicator_owner(w: Work) -> tuple[str, str] | None:
    """"Inflation in Lumo rose to 7.9 percent", "Lumo's jobless rate fell to 4.1%": an
    economic indicator's figure is the place's whose indicator it is (the name after "in",
    or before a possessive), or else the story's first place, never the indicator's own
    ("Inflation"); a clause subject that is no indicator keeps it ("the central bank
    raised its key rate")."""
    if w.metric is None or w.metric.name not in _indicator_words()[1]:
        return None
    got = _indicator_at(w)
    if got is None:
        return None
    _, i, j = got
    toks = w.toks
    subject = _subject_of_clause(w)
    if subject is not None and not any(t.low in subject[1].lower().split() for t in toks[i:j]):
        return None  # "the central bank raised its key rate": the bank's
    runs = w.v.name_runs()
    for a, b in runs:  # "Lumo's annual inflation", "the Lumo inflation rate"
        if b == i:
            wr = w.v.run_text(a, b)
            return w.s.canonical(wr), wr
    _, end = w.v.clause_bounds(w.li)
    for k in [*range(j, w.li), *range(w.ri, min(end, len(toks)))]:  # "inflation in Lumo", "47 degrees in Pico"
        if toks[k].low in ("in", "of", "for") and k + 1 < len(toks):
            run = next(((a, b) for a, b in runs if a == k + 1), None)
            if run is not None:
                wr = w.v.run_text(*run)
                return w.s.canonical(wr), wr
    places = sorted(w.s.story_places)
    if places:
        return w.s.canonical(places[0]), places[0]
    return w.s.topic


def _on_share(w: Work) -> tuple[str, str] | None:
    """"ahead of the Liberals on 24.5 percent", "the Greens on 31%": a name right before
    "on" and a percentage is the share's owner (a party in a vote, a candidate in a poll)."""
    if w.q.kind != "percent" or w.li < 2 or w.toks[w.li - 1].low != "on":
        return None
    run = next(((i, j) for i, j in w.v.name_runs() if j == w.li - 1), None)
    if run is None:
        return None
    wr = w.v.run_text(*run)
    return w.s.canonical(wr), wr


def _worth(w: Work) -> tuple[str, str] | None:
    """"paintings worth 4 million euros", "gems valued at $8m": the things the sum values."""
    if w.q.kind != "currency" or w.li < 2:
        return None
    toks = w.toks
    k = w.li - 1
    if toks[k].low == "at" and toks[k - 1].low in ("valued", "estimated", "priced"):
        k -= 1
    if toks[k].low in ("worth", "valued", "priced") and k >= 1 and toks[k - 1].word and not w.v.is_verb(k - 1):
        wd = toks[k - 1].text
        return wd.lower(), wd
    return None


def _named_clause_subject(w: Work) -> bool:
    """Whether the figure's clause subject is a name (a capitalised run of the sentence)."""
    got = _subject_of_clause(w)
    return bool(got) and any(w.v.run_text(i, j) == got[1] for i, j in w.v.name_runs())  # type: ignore[index]


def _apposition(w: Work) -> tuple[str, str] | None:
    """"the town of Gadera, 17 miles from Tel Aviv": a place or distance in apposition to
    the name right before the comma is that name's; so is an age ("Ana Petrov, 34,")."""
    toks = w.toks
    k = w.li
    if w.metric is not None and w.metric.name == "population":  # "Qeshm island, home to 120,000 people"
        while (k > 0 and toks[k - 1].low in ("home", "to", "a", "an", "the", "of", "population")) or (
                k > 0 and toks[k - 1].low in WORDS.place_nouns):
            k -= 1
    elif w.q.kind not in ("dimension", "age"):
        return None  # (an age: "Ana Petrov, 34, was arrested")
    if w.q.kind == "age" and k > 0 and toks[k - 1].low == "aged":
        k -= 1  # "Ana Petrov, aged 34,", "The boy, aged 15, died"
    if k < 2 or toks[k - 1].text != ",":
        return None
    run = next(((i, j) for i, j in w.v.name_runs() if j == k - 1 or (j == k - 2 and toks[k - 2].low in WORDS.place_nouns)), None)
    if run is None:
        if toks[k - 2].low in WORDS.place_nouns and toks[k - 3 if k >= 3 else 0].has(DET):
            return toks[k - 2].low, toks[k - 2].text  # "The island, home to 120,000 people"
        if w.q.kind == "age" and k >= 3 and toks[k - 2].word and not toks[k - 2].cap and toks[k - 3].has(DET):
            return toks[k - 2].low, toks[k - 2].text  # "The boy, aged 15,": the boy's age
        if w.q.kind == "age" and toks[k].low == "aged":
            got = subject_before(w.v, k - 1)  # "Mara Ellison died at her home on Monday, aged 87"
            return (got[0], got[1]) if got else None
        return None
    wr = w.v.run_text(*run)
    return w.s.canonical(wr), wr


_NOUN_AFTER_KINDS = ("currency",)
#: Words that join a sum to another, never a noun the sum modifies ("£80m plus £5m").
_SUM_LINKS = frozenset({"plus", "minus", "including", "excluding", "rising", "each", "apiece"})


def _noun_after_figure(w: Work) -> tuple[str, str] | None:
    """"a €110 billion bailout", "the $125m deal": the noun a sum modifies."""
    if w.q.kind not in _NOUN_AFTER_KINDS or w.ri >= len(w.toks):
        return None
    toks = w.toks
    timed = [(t.start, t.end) for t in w.v.times]
    j = w.ri
    if toks[j].text == "(":  # "a €110 billion ($141 billion) loan": past the restatement
        close = next((k for k in range(j + 1, min(len(toks), j + 12)) if toks[k].text == ")"), None)
        if close is None or close + 1 >= len(toks):
            return None
        j = close + 1
    start = j
    while j < len(toks) and j < w.ri + 3 and toks[j].word and not toks[j].has(PREP | CONJ | DET) \
            and not w.v.is_verb(j) and not toks[j].text[:1].isdigit() and toks[j].low not in _SUM_LINKS \
            and not any(a <= toks[j].start < b for a, b in timed):  # "lost 13.6 million euros last year"
        j += 1
    if j == start:
        return None
    head = toks[j - 1]
    cls = event_class_of(head.low) if head.has(EVENT_NOUN) else ()
    written = w.v.span_text(start, j)
    return (cls[0] if cls else w.s.canonical(written)), written


def _possessive(w: Work) -> tuple[str, str] | None:
    """"Sina Weibo's 143.8 million users": the owner before the figure."""
    k = w.li - 1
    toks = w.toks
    if k < 0 or not toks[k].possessive:
        return None
    runs = [(i, j) for i, j in w.v.name_runs() if j == k + 1 or (j == k and toks[k].text in ("'", "’"))]
    if not runs:
        return None
    i, j = runs[-1]
    wr = w.v.run_text(i, j)
    return w.s.canonical(wr), wr


def _hyphen_modifies(w: Work) -> tuple[str, str] | None:
    """"a one-month campaign", "an 80-employee company": the noun a hyphenated figure
    modifies; a name in apposition stands for it ("Lumo, an 80-employee startup")."""
    q = w.q
    if w.metric is not None and w.metric.name == "prison sentence":
        return None  # "a 10-year sentence": the term is the convict's, not the sentence's
    compound = compound_noun(w) is not None
    if compound or q.kind == "age":  # "Lumo, an 80-employee startup"; "Ivo Marsh, the 62-year-old mayor"
        named = _named_apposition(w)
        if named is not None:
            return named
    if compound:
        return noun_after(w.v, w.ri)
    if w.ri >= len(w.toks) or q.kind not in ("duration", "age", "count", "dimension") or not hyphen_adjective(q):
        return None
    if w.toks[w.ri - 1].end == q.end and q.text[-1:].isalpha() and w.toks[w.ri].word:
        return noun_after(w.v, w.ri)
    return None


def _named_apposition(w: Work) -> tuple[str, str] | None:
    """The name a figure's noun phrase is in apposition to: "Lumo, an 80-employee startup"."""
    k = w.li - 1
    if k >= 0 and w.toks[k].has(DET):
        k -= 1
    run = _name_ending_at(w, k) if k >= 1 and w.toks[k].text == "," else None
    if run is None:
        return None
    wr = w.v.run_text(*run)
    return w.s.canonical(wr), wr


def _name_ending_at(w: Work, k: int) -> tuple[int, int] | None:
    """The name run of the sentence that ends right before token ``k``."""
    return next(((i, j) for i, j in w.v.name_runs() if j == k), None)


def _bracket_label(w: Work) -> tuple[str, str] | None:
    """"Pico (20%) and Lumo (15%) lead the market": a figure alone in brackets right after a
    name is that name's, unless a preposition governs the name ("grants from the Acme
    Foundation ($9.3 million)" names who gave, not who has)."""
    toks = w.toks
    if w.li < 2 or w.ri >= len(toks) or toks[w.li - 1].text != "(" or toks[w.ri].text != ")":
        return None
    run = _name_ending_at(w, w.li - 1)
    if run is None or w.v.figure_between(run[0], run[1]):
        return None
    k = run[0] - 1
    while k >= 0 and (toks[k].has(DET) or (toks[k].cap and toks[k].word) or toks[k].text in (".", "&")):
        # past the rest of a longer name: "from the U.S. Department of Energy"
        k -= 1
    if k >= 0 and toks[k].has(PREP):
        return None  # "grants from the Acme Foundation ($9.3 million)": the giver, not the owner
    wr = w.v.run_text(*run)
    return w.s.canonical(wr), wr


def _convict(w: Work) -> tuple[str, str] | None:
    """"A court sentenced Ivo Marsh to 12 years": a prison term is the convict's, the object
    of "sentenced"; not the court's. So is a fine ("A Pico court fined Lumo $500,000")."""
    if w.metric is None:
        return None
    toks = w.toks
    if w.metric.name in ("fine", "compensation") and w.li >= 2:
        # "A Pico court fined Lumo $500,000": the fined party, right after the verb
        for j in range(w.li - 1, max(-1, w.li - 6), -1):
            if toks[j].low in ("fined", "ordered"):
                if j + 1 < w.li and toks[j + 1].has(PRON):  # "... and ordered it to pay": the one just fined
                    if w.subjects_so_far:
                        _, subj, written, _ = w.subjects_so_far[-1]
                        return subj, written
                    return w.s.topic if w.s.topic else None
                run = next(((a, b) for a, b in w.v.name_runs() if a == j + 1 and b <= w.li), None)
                return (w.s.canonical(w.v.run_text(*run)), w.v.run_text(*run)) if run else None
        return None
    if w.metric.name != "prison sentence":
        return None
    k = w.li - 1
    while k >= 0 and toks[k].has(DET):
        k -= 1
    if k < 2 or toks[k].low != "to":
        return None
    for j in range(k - 1, max(-1, k - 8), -1):
        if toks[j].low == "sentenced":
            if j + 1 >= k:
                return None
            if toks[j + 1].has(PRON):  # "sentenced him to": the running topic, if any
                return w.s.topic if w.s.topic else None
            return np_after(w.v, j + 1)
        if not toks[j].word:
            return None
    return None


def _of_owner(w: Work) -> tuple[str, str] | None:
    """"two monks of Drilda monastery": the noun phrase after "of"."""
    if w.ri < len(w.toks) and w.toks[w.ri].low == "of" and w.q.kind in ("count", "ordinal") and w.q.counted:
        return np_after(w.v, w.ri + 1)
    return None


def _agent_of(w: Work) -> tuple[str, str] | None:
    """"a protest by the 102 users": the noun the figure is the agent of (not a vote's
    margin: "approved the budget by 180 votes to 120" is the parliament's tally)."""
    if w.metric is not None and w.metric.name in ("votes in favour", "votes against"):
        return None
    toks = w.toks
    k = w.li - 1
    if k >= 0 and toks[k].low == "the":
        k -= 1
    if k >= 2 and toks[k].low == "by" and toks[k - 2].has(DET) and toks[k - 1].word \
            and not w.v.is_verb(k - 1) and not toks[k - 1].cap:
        wd = toks[k - 1].text
        return wd.lower(), wd
    return None


def _event_of_phrase(w: Work) -> tuple[str, str] | None:
    """"a tsunami that killed 230,000 people in 14 countries": a figure in a prepositional
    phrase of a clause about an event belongs to that event."""
    ev = w.event
    if ev is None or ev.cls == STORY_CLASS or w.li == 0 or w.toks[w.li - 1].low not in ("in", "across", "from", "over", "into"):
        return None
    a, _ = w.v.clause_bounds(w.li)
    if not any(t.has(EVENT_NOUN) for t in w.toks[a : w.li]):
        return None
    return ev.label, w.v.span_text(w.li - 1, w.ri)


def _metric_of_subject(w: Work) -> tuple[str, str] | None:
    """"the population of 2 million of X": the clause subject before "<metric noun> of"."""
    toks = w.toks
    li = w.li
    if li >= 2 and toks[li - 1].low == "of" and toks[li - 2].low in WORDS.of_metrics:
        k = li - 2
        while k >= 1 and toks[k - 1].has(DET):
            k -= 1
        if k >= 1 and toks[k - 1].has(PREP):
            k -= 1
        got = subject_before(w.v, k)
        if got:
            return got[0], got[1]
    return None


def _subject_of_clause(w: Work) -> tuple[str, str, str] | None:
    """The clause subject, through relative clauses, appositions and pronouns (cached)."""
    if "_clause" in w.memo:
        return cast("tuple[str, str, str] | None", w.memo["_clause"])
    got = _find_clause_subject(w)
    w.memo["_clause"] = got
    return got


def _coordinated_subject(w: Work, k: int) -> tuple[str, str, str, list[Token]] | None:
    """"SeaMicro was founded in 2007 and is backed with $60 million": a verb phrase after
    "and" shares the subject of the clause before it."""
    vstart, _verbs = w.v.verb_group_start(k)
    if vstart == 0 or w.toks[vstart - 1].low not in ("and", "but"):
        return None
    return subject_before(w.v, vstart - 1)


def _relative_subject(w: Work) -> tuple[str, str] | None:
    """"Northwind, which has 40 million users": the antecedent of the relative pronoun."""
    got = _subject_of_clause(w)
    return (got[0], got[1]) if got and got[2] == "relative" else None


def _pronoun_subject(w: Work) -> tuple[str, str] | None:
    """"It has 41 million users": the running topic of the document."""
    got = _subject_of_clause(w)
    return (got[0], got[1]) if got and got[2] == "pronoun" else None


def _participle_owner(w: Work) -> tuple[str, str] | None:
    """"a new factory employing 2,000 people", "a ferry carrying 300 passengers": the noun
    an -ing participle right before the figure hangs on owns it, not the clause subject
    (the company that builds the factory does not employ those 2,000)."""
    toks, k = w.toks, w.li - 1
    if k < 2 or not toks[k].low.endswith("ing") or toks[k].cap or not toks[k].has(POSSESSION | METRIC_VERB):
        return None
    noun = toks[k - 1]
    if not noun.word or noun.cap or noun.has(PREP | DET | PRON | AUX | CONJ) or w.v.is_verb(k - 1) \
            or noun.text[:1].isdigit() or not toks[k - 2].has(DET):
        return None
    return w.s.canonical(noun.text), noun.text


def _clause_subject(w: Work) -> tuple[str, str] | None:
    """The subject of the figure's clause."""
    got = _subject_of_clause(w)
    return (got[0], got[1]) if got and got[2] not in ("relative", "pronoun") else None


def _find_clause_subject(w: Work) -> tuple[str, str, str] | None:
    """The clause subject, through relative clauses, appositions and pronouns."""
    k = w.li
    toks = w.toks
    if w.q.kind == "age" and k >= 4 and [t.low for t in toks[k - 4 : k]] == ["at", "the", "age", "of"]:
        k -= 4  # "has died at the age of 86": the verb's subject
    if w.rules.get("borrowed") == "comma" and w.li >= 2 and toks[w.li - 1].text == ",":
        k = w.li - 1  # "as many monthly active users, 396 million": the subject of that phrase
        while k > 0 and toks[k - 1].word and not toks[k - 1].has(POSSESSION):
            prev_q = w.v.figure_ending_at(toks[k - 1].end)
            if prev_q is not None:
                k = w.v.index_at(prev_q.start)
                continue
            k -= 1
    # "Northwind reported revenue of $3.1 billion": the sum's noun is the verb's object,
    # and the verb's subject owns the sum
    got = _subject_past_sum_noun(w, k) if w.q.kind == "currency" else None
    if not got:
        got = subject_before(w.v, k)
    if not got:
        got = _coordinated_subject(w, k)
    if not got:
        return None
    subj, written, how, _verbs = got
    head = written.split()[-1].lower() if written.split() else ""
    if how not in ("pronoun", "relative") and w.event is not None and written.lower() in WORDS.agents:
        return w.event.label, w.event.text or w.event.label, how  # "police seized 2.3 tonnes": the story's
    if w.event is not None and w.event.cls != STORY_CLASS and event_class_of(head) and how != "pronoun":
        return w.event.label, written, how  # "The quake was felt for 15 seconds": its event
    return subj, written, how


def _subject_past_sum_noun(w: Work, k: int) -> tuple[str, str, str, list[Token]] | None:
    """"It won a grant of $9.3 million", "Northwind reported revenue of $3.1 billion": a
    sum after "<noun> of", the object of a verb; the subject is that verb's."""
    toks = w.toks
    if k < 3 or toks[k - 1].low != "of":
        return None
    for j in range(k - 2, max(-1, k - 5), -1):
        t = toks[j]
        if t.has(DET):
            return subject_before(w.v, j) if j > 0 and w.v.verb_group_start(j)[1] else None
        if j < k - 2 and w.v.is_verb(j) and not t.has(AUX) and t.word and not t.cap:
            # no article: "reported net revenue of": the subject of that verb
            return subject_before(w.v, j)
        if not t.word or t.cap or t.has(PREP | VERB | AUX) or w.v.is_verb(j):
            return None
    return None


def _own_agent(w: Work) -> tuple[str, str] | None:
    """"Five Tibetans ... were arrested by X": the agent after the count's verb."""
    if w.q.kind != "count" or not w.q.counted:
        return None
    toks = w.toks
    verb = None
    for k in range(w.ri, min(len(toks), w.ri + 30)):
        t = toks[k]
        if t.text in (".", ";", ",") or (verb is not None and t.low in ("and", "that", "but", "or")):
            break
        if verb is None and not t.has(REPORT) and (t.has(VERB_FORM | VERB | METRIC_VERB | EVENT_VERB)
                                                     or (t.low.endswith("ed") and len(t.low) > 4 and not t.cap)):
            verb = t.low
        if t.low == "by" and verb:
            return np_after(w.v, k + 1)
    return None


#: Subject rules whose owner a later item of the same list does not share: the event's
#: figures, and a fallback.
_NOT_SHARED = frozenset({"event owner", "story event"})


def _list_item(w: Work) -> tuple[str, str] | None:
    """"The machine replaces 60 servers, four rack switches and four terminal servers": a
    figure that follows the sentence's figure before it in a list (a comma or 'and' before
    it, no verb or clause boundary between them) shares that figure's owner."""
    if not w.subjects_so_far:
        return None
    prev_q, canonical, written, rule = w.subjects_so_far[-1]
    q = w.q
    if rule in _NOT_SHARED or prev_q.kind != q.kind or q.kind not in ("count", "percent", "currency") \
            or (q.kind == "count" and not q.counted):
        return None  # a bare number ("seven bridges, two of which") is a part, a distance has its own place
    toks = w.toks
    if w.ri < len(toks) and toks[w.ri].low == "of":
        return None  # "four of them", "two of which": a part of the figure before, not another item
    k = w.li - 1
    if k >= 0 and toks[k].has(DET):
        k -= 1  # "and a 150 percent improvement"
    if k < 0 or not (toks[k].text == "," or toks[k].low in ("and", "or")):
        return None
    prev = next((f for f in w.v.figures if f.q is prev_q), None)
    if prev is None or prev.last > k or k - prev.last > 10:
        return None
    for j in range(prev.last, k):
        t = toks[j]
        if w.v.is_verb(j) or t.text in (";", ":", "(", ")") or t.has(REL | SUBORD):
            return None
    return canonical, written


def _story_fallback(w: Work) -> tuple[str, str] | None:
    """A count that is its clause's own subject ("At least 22 houses were damaged") or a
    dimension with no other owner belongs to the document's event."""
    if w.event is None:
        return None
    q = w.q
    if q.kind == "dimension" or (q.kind == "count" and q.counted and q.value != 1 and _verb_follows(w)):
        return w.event.label, w.event.text or w.event.label  # ("One rocket hit a town": one thing, no count)
    return None


def _verb_follows(w: Work) -> bool:
    """Whether a verb follows the figure inside its clause (it is the clause's subject)."""
    toks = w.toks
    for k in range(w.ri, min(len(toks), w.ri + 30)):
        t = toks[k]
        if t.text in (".", ";", ","):
            return False
        if t.has(REPORT):
            continue
        if t.has(VERB_FORM | VERB | METRIC_VERB | EVENT_VERB) or (t.low.endswith("ed") and len(t.low) > 4 and not t.cap):
            return True
    return False


SUBJECT: Table[tuple[str, str]] = register(Table("subject", (
    Rule("event owner", "the figure's metric and event", _event_subject,
         "A toll, a magnitude or the loot belongs to its event, or to the part of it the scope names; it comes first, so the rules below only decide figures no event owns.",
         "24 people were killed in the quake"),
    Rule("indicator owner", "the place an economic indicator is of", _indicator_owner,
         "\"Inflation in Lumo rose to 7.9 percent\", \"Lumo's jobless rate\": the place, not the indicator.",
         "Inflation in Lumo rose to 7.9 percent in March."),
    Rule("share on", "a name right before 'on' and a percentage", _on_share,
         "\"Ahead of the Liberals on 24.5 percent\": the name before 'on' owns the share.",
         "The Greens won 31.2 percent, ahead of the Liberals on 24.5 percent."),
    Rule("worth", "the noun before 'worth'/'valued at'", _worth,
         "A sum after \"X worth\" or \"X valued at\" values X.",
         "Burglars took paintings worth 4 million euros."),
    Rule("apposition", "a name right before ', <distance>' or ', <age>,'", _apposition,
         "\"Gadera, 17 miles from Tel Aviv\": the distance is the named place's; \"Ana Petrov, 34,\": the age is hers.",
         "The rocket hit Gadera, 17 miles from Tel Aviv."),
    Rule("noun after a sum", "the noun a sum modifies", _noun_after_figure,
         "\"A $125 million order\": the noun after a sum (up to a time phrase) is what it is.",
         "Northwind won a $125 million order."),
    Rule("convict", "the object of 'sentenced ... to' before a prison term", _convict,
         "\"A court sentenced Ivo Marsh to 12 years\": the prison term is the convict's, not the court's.",
         "A court in Varn sentenced the former mayor to 12 years in prison."),
    Rule("possessive owner", "the name before a possessive 's", _possessive,
         "The owner named before the figure (\"X's\") is its subject.",
         "Sina Weibo's 143.8 million users"),
    Rule("hyphenated adjective", "the noun after a hyphenated figure", _hyphen_modifies,
         "A hyphenated figure modifies the noun after it (\"a one-month campaign\").",
         "Lumo began a one-month campaign against spam."),
    Rule("bracket label", "the name right before a bracket holding only the figure", _bracket_label,
         "\"Pico (20%) and Lumo (15%) lead the market\": a figure alone in brackets after a name is that name's (not after a preposition: \"grants from Acme ($9m)\").",
         "Pico (20%) and Lumo (15%) lead the market."),
    Rule("of owner", "the noun phrase after 'of'", _of_owner,
         "\"N things of X\": X owns the things.",
         "two monks of Drilda monastery"),
    Rule("agent of", "'by the' before the figure", _agent_of,
         "\"a protest by the 102 users\": the noun the figure is the agent of.",
         "a protest by the 102 users"),
    Rule("event of the phrase", "a preposition before the figure in a clause naming an event", _event_of_phrase,
         "\"A tsunami that killed 230,000 people in 14 countries\": the countries are the event's.",
         "The storm hit villages in 3 provinces."),
    Rule("subject of a metric noun", "'<depth/population> of' before the figure", _metric_of_subject,
         "\"a population of 2 million\": the clause subject owns the metric noun.",
         "The city has a population of 2 million."),
    Rule("relative antecedent", "the phrase before ', which/who' in the figure's clause", _relative_subject,
         "In \"X, which has N\", X owns the figure (an apposition before the comma is skipped).",
         "The app was built by Northwind, which has 40 million users."),
    Rule("pronoun topic", "a pronoun or 'the company' as the clause subject", _pronoun_subject,
         "\"It has N\": the pronoun stands for the running topic of the document.",
         "Lumo is an app. It has 41 million users."),
    Rule("participle owner", "'<a noun> employing/carrying/housing' right before the figure", _participle_owner,
         "\"A new factory employing 2,000 people\": the noun the participle hangs on owns the figure, not the clause's subject.",
         "Lumo will build a new factory employing 2,000 people."),
    Rule("clause subject", "the clause left of the figure", _clause_subject,
         "The subject of the figure's clause owns the figure.",
         "In June, Lumo deleted at least 25 accounts."),
    Rule("agent after", "'by X' after the count's verb", _own_agent,
         "A count that is its clause's own subject (\"Five accounts were closed by Lumo\") belongs to the agent after 'by'.",
         "Five accounts were closed by Lumo."),
    Rule("list item", "the sentence's figure before, in a list", _list_item,
         "\"60 servers, four rack switches and four terminal servers\": a later item of a list of figures shares the owner of the item before.",
         "The Lumo X2 replaces 60 servers, four rack switches and four terminal servers."),
    Rule("story event", "the document's event", _story_fallback,
         "A figure with no other owner belongs to the event the document is about.",
         "Three trucks blocked the main road into Varn."),
)))
