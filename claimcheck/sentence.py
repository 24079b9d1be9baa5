"""The sentence view: everything the claim rules read about one sentence, built once.

:func:`view` tokenises a sentence once and hands the rule tables (``binding.py``,
``frames.py``, ``attribution.py``) one :class:`SentenceView`:

- **tokens** with offsets into the document and lexical *tags* looked up once in the data
  files (determiner, preposition, reporting verb, event noun, weekday, ...): a rule asks
  ``tok.has(DET)`` instead of keeping its own word list;
- **figures**: the quantities of the sentence with their token positions;
- **time expressions** (:func:`claimcheck.timeexpr.find_times`, run once);
- **name runs** (capitalised names, "State Internet Information Office"), **clause starts**
  and **verb groups**, computed on first use and kept.

:class:`DocState` holds what carries over from one sentence to the next within a
document: the aliases, the running topic for pronouns, the previous attribution, the
figures already seen, the document's own event.

Example:
    >>> from claimcheck.sentence import view, DocState, DET, REPORT
    >>> from claimcheck.models import Document
    >>> from claimcheck import parse_quantities
    >>> d = Document(id="d", text="The agency said 5 people died.")
    >>> v = view(d.text, 0, len(d.text), DocState.for_document(d), parse_quantities(d.text))
    >>> [t.text for t in v.tokens if t.has(DET)], [t.text for t in v.tokens if t.has(REPORT)]
    (['The'], ['said'])
    >>> [(f.q.text, f.first, f.last) for f in v.figures]
    [('5 people', 3, 5)]
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

import regex

from . import entities as _ent
from . import lexicon
from . import timeexpr as _time
from .lexicon import WORDS
from .models import Attribution, Document, Quantity

__all__ = [
    "APPOS",
    "AUX",
    "CLAUSE_START",
    "CONJ",
    "DET",
    "DIRECTION",
    "EVENT_NOUN",
    "EVENT_VERB",
    "GENERIC",
    "INDEFINITE",
    "METRIC_NOUN",
    "METRIC_VERB",
    "MONTH",
    "NOT_NAME",
    "NOT_SUBJECT",
    "OTHER_EVENT",
    "PARTICLE",
    "POSSESSION",
    "PREP",
    "PRON",
    "REFERRING",
    "REL",
    "REPORT",
    "SITE",
    "SUBORD",
    "SUBSET",
    "TIME_WORD",
    "VERB",
    "VERB_FORM",
    "WEEKDAY",
    "DocState",
    "Figure",
    "SentenceView",
    "Token",
    "tags_of",
    "view",
]

# --------------------------------------------------------------------------- tags

DET = 1 << 0
PREP = 1 << 1
PRON = 1 << 2
REL = 1 << 3
AUX = 1 << 4
CONJ = 1 << 5
SUBORD = 1 << 6
PARTICLE = 1 << 7
REPORT = 1 << 8  #: any reporting verb of english.toml [reporting]
CLAUSE_START = 1 << 9  #: a reporting verb after which a reported clause starts
POSSESSION = 1 << 10
VERB = 1 << 11  #: an irregular or short verb form (english.toml [verbs] other)
VERB_FORM = 1 << 12  #: a verb form with a metric participle (english.toml [verb_forms])
EVENT_NOUN = 1 << 13
EVENT_VERB = 1 << 14
WEEKDAY = 1 << 15
MONTH = 1 << 16
TIME_WORD = 1 << 17
NOT_NAME = 1 << 18
NOT_SUBJECT = 1 << 19
INDEFINITE = 1 << 20
APPOS = 1 << 21
REFERRING = 1 << 22
DIRECTION = 1 << 23
METRIC_VERB = 1 << 24
METRIC_NOUN = 1 << 25
SUBSET = 1 << 26
SITE = 1 << 27
OTHER_EVENT = 1 << 28  #: "another", "previous", "similar": sets an event apart
GENERIC = 1 << 29  #: "can", "would", "typically": a generic or hypothetical statement


#: token text -> (lower case, tags, capitalised, a word), as _tokens reads them: most
#: words recur (bounded)
_READ: dict[str, tuple[str, int, bool, bool]] = {}
_READ_MAX = 50_000


@functools.cache
def _tag_table() -> Mapping[str, int]:
    """Lower-case word → tag bits, from english.toml, events.toml and metrics.toml."""
    _READ.clear()  # tokens read under an earlier table
    en = lexicon.english()
    ev = lexicon.events()
    me = lexicon.metrics()
    out: dict[str, int] = {}

    def put(words: object, bit: int) -> None:
        for w in words:  # type: ignore[attr-defined]
            if " " not in w:
                out[w] = out.get(w, 0) | bit

    w = en.words
    put(w["determiners"], DET)
    put(w["prepositions"], PREP)
    put(w["pronouns"], PRON)
    put(w["relatives"], REL)
    put(w["auxiliaries"], AUX)
    put(w["conjunctions"], CONJ)
    put(w["subordinators"], SUBORD)
    put(w["particles"], PARTICLE)
    put(w["not_names"], NOT_NAME)
    put(w["not_subjects"], NOT_SUBJECT)
    put(w["indefinites"], INDEFINITE)
    put(w["apposition_starts"], APPOS)
    put(w["referring_subjects"], REFERRING)
    put(w["directions"], DIRECTION)
    put(en.reporting, REPORT)
    put(en.verbs_with("clause_start"), CLAUSE_START)
    put(en.verbs["possession"], POSSESSION)
    put(en.verbs["other"], VERB)
    put(en.verb_forms, VERB_FORM)
    put(en.time["weekdays"], WEEKDAY)
    put(en.time["months"], MONTH)
    put(en.time["time_words"], TIME_WORD)
    put(ev.by_noun, EVENT_NOUN)
    put(ev.anaphors, EVENT_NOUN)
    put(ev.by_verb, EVENT_VERB)
    put(ev.other, OTHER_EVENT)
    put(ev.generic, GENERIC)
    put(me.by_verb, METRIC_VERB)
    put(me.by_noun, METRIC_NOUN)
    scope = lexicon.load_toml("events.toml").get("scope", {})
    put((s.lower() for s in scope.get("subsets", [])), SUBSET)
    put((s.lower() for s in scope.get("sites", [])), SITE)
    return out


def tags_of(word: str) -> int:
    """The tag bits of a lower-case word.

    Example:
        >>> bool(tags_of("the") & DET), bool(tags_of("quake") & EVENT_NOUN)
        (True, True)
    """
    return _tag_table().get(word, 0)


# --------------------------------------------------------------------------- tokens

# Words (with inner hyphens, apostrophes, dots), numbers with separators ("200,000" is one
# token, so its comma never ends a clause), and single punctuation marks.
#: A token: a number (with inner separators and glued letters: "1,200", "4x4"), a word with
#: inner hyphens, dots, apostrophes or ampersands, or one other character. The standard
#: library's engine is enough (possessive quantifiers keep it linear) and faster here.
_TOKEN = re.compile(
    r"\d++(?:[.,]\d++)*+(?:[-'’.&][^\W_]++)*+"
    r"|[^\W_]++(?:[-'’.&][^\W_]++)*+"
    r"|[^\s\w]|_"
)
_TIMEOUT = 1.0
#: How far back (in tokens) a rule looks for a clause start: keeps every rule bounded.
MAX_REACH = 60
_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")", '"', "“", "”"})
_OPENING_PUNCT = frozenset("\"“'‘(")
_QUOTES = frozenset({'"', "“", "”"})


class Token:
    """One token of a sentence: its text, offsets into the document and tag bits.

    ``cap`` (starts with an upper-case letter) and ``word`` (starts with a letter or digit,
    not punctuation) are set once: most rules read them.

    Example:
        >>> t = Token("Quake", "quake", 0, 5, tags_of("quake"))
        >>> t.cap, t.word, t.has(EVENT_NOUN)
        (True, True, True)
    """

    __slots__ = ("cap", "end", "low", "start", "tags", "text", "word")

    def __init__(self, text: str, low: str, start: int, end: int, tags: int,
                 cap: bool | None = None, word: bool | None = None) -> None:
        self.text = text
        self.low = low
        self.start = start
        self.end = end
        self.tags = tags
        self.cap = text[:1].isupper() if cap is None else cap
        self.word = text[:1].isalnum() if word is None else word

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}-{self.end})"

    def has(self, bits: int) -> bool:
        """Whether the token carries any of the tag ``bits``."""
        return bool(self.tags & bits)

    @property
    def possessive(self) -> bool:
        """Ends in a possessive 's, or is a lone apostrophe after a plural."""
        return self.low.endswith(("'s", "’s")) or self.text in ("'", "’")

    @property
    def bare(self) -> str:
        """The text without a possessive ending."""
        if self.low.endswith(("'s", "’s")):
            return self.text[:-2]
        return self.text


def _read_token(t: str) -> tuple[str, int, bool, bool]:
    """(lower case, tags, capitalised, a word) of a token's text."""
    low = t.lower()
    table = _tag_table()
    tags = table.get(low, 0)
    if not tags and low.endswith(("'s", "’s")):
        tags = table.get(low[:-2], 0) & (EVENT_NOUN | SITE | SUBSET)
    got = (low, tags, t[:1].isupper(), t[:1].isalnum())
    if len(_READ) < _READ_MAX:
        _READ[t] = got
    return got


def _tokens(text: str, start: int, end: int) -> tuple[list[Token], int]:
    """The tokens of ``text[start:end]``, and the union of their tag bits."""
    out: list[Token] = []
    get = _READ.get
    union = 0
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        low, tags, cap, word = get(t) or _read_token(t)
        union |= tags
        out.append(Token(t, low, m.start(), m.end(), tags, cap, word))
    return out, union


@dataclass(slots=True)
class Figure:
    """A quantity of the sentence with its token positions (``tokens[first:last]``).

    Example:
        >>> from claimcheck.models import Quantity
        >>> Figure(Quantity(text="5", start=0, end=1, value=5, low=5, high=5), 0, 1).q.value
        5.0
    """

    q: Quantity
    first: int
    last: int


# --------------------------------------------------------------------------- state


@functools.cache
def _known_keys() -> frozenset[str]:
    return frozenset(_ent.alias_key(k) for k in _ent.known_entities())


_MIDCAP = regex.compile(r"[\p{Ll}\p{N},;] ++(\p{Lu}[\p{L}\p{N}]*+)")
_MIDCAP_ASCII = re.compile(r"[a-z0-9,;] ++([A-Z][A-Za-z0-9]*+)")  # the same on ASCII, faster


@dataclass(slots=True)
class DocState:
    """What carries from one sentence to the next inside one document.

    Attributes:
        doc: the document.
        aliases: entity aliases (the document's own definitions, then the caller's).
        synonyms: metric synonyms, normalised (variant → canonical).
        midcaps: words the document writes capitalised mid-sentence (so are names).
        topic: (canonical, as written) of the running topic, for pronouns.
        previous: the attribution of the last sentence that had one.
        seen: (value, counted, unit) of the figures already claimed ("the 200 accounts").
        event: the document's own event (see :mod:`claimcheck.frames`).
        story_places: the places the headline and lede name (a figure "in" one of them
            covers the whole story, not a part).
        recent: the background events of the last sentences, newest last ("the quake"
            right after "an earlier quake" refers to that one).
        metrics_seen: the canonical metrics of the claims made so far.
        ref_year: the latest year the document states, standing in for the publication
            year when the document has no date.
        said_on: the day the headline or lede says the source spoke, for running counts.

    Example:
        >>> s = DocState.for_document(Document(id="d", text="The Acme Mining Company (AMC) grew."))
        >>> s.aliases["AMC"]
        'Acme Mining Company'
    """

    doc: Document
    aliases: dict[str, str]
    synonyms: Mapping[str, str] = field(default_factory=dict)
    midcaps: frozenset[str] = frozenset()
    topic: tuple[str, str] | None = None
    previous: Attribution | None = None
    seen: set[tuple[float | None, str | None, str | None]] = field(default_factory=set)
    event: object = None
    story_places: frozenset[str] = frozenset()
    recent: list[object] = field(default_factory=list)
    recent_index: int = -9  # the sentence the last of ``recent`` came from
    ref_year: int | None = None
    metrics_seen: set[str] = field(default_factory=set)
    last_story: int = -9  # index of the last sentence that named the story's own event
    #: the day the headline or lede says the story's source spoke ("officials said on
    #: Monday"), ISO; the as-of day of the document's running counts (frames "statement day")
    said_on: str | None = None

    @classmethod
    def for_document(
        cls,
        doc: Document,
        aliases: Mapping[str, str] | None = None,
        synonyms: Mapping[str, str] | None = None,
    ) -> DocState:
        """The state at the start of ``doc``: its own abbreviations, then the caller's aliases."""
        # people named in full, then by surname ("Marsh was also fined"), then abbreviations
        alias_map: dict[str, str] = {**_ent.find_surnames(doc.text), **_ent.find_definitions(doc.text)}
        if aliases:
            alias_map.update(aliases)
        scan = _MIDCAP_ASCII if doc.text.isascii() else _MIDCAP
        mid = frozenset([m.group(1) for m in scan.finditer(doc.text)])
        return cls(doc=doc, aliases=alias_map, synonyms=dict(synonyms or {}), midcaps=mid)

    def canonical(self, name: str) -> str:
        """The canonical entity name of ``name`` under this document's aliases."""
        return _ent.canonical(name, self.aliases)


# --------------------------------------------------------------------------- the view


class SentenceView:
    """One sentence, read once: tokens, figures, times, name runs, clauses, verb groups.

    Build it with :func:`view`. Offsets are document offsets; token indices index
    :attr:`tokens`.

    Example:
        >>> from claimcheck.models import Document
        >>> d = Document(id="d", text="Sina Weibo's 143.8 million users trail far behind.")
        >>> v = view(d.text, 0, len(d.text), DocState.for_document(d))
        >>> [v.run_text(i, j) for i, j in v.name_runs()]
        ['Sina Weibo']
    """

    __slots__ = (
        "_by_end",
        "_q_tok",
        "_runs",
        "_starts",
        "end",
        "extras",
        "figures",
        "headline",
        "index",
        "start",
        "state",
        "tags",
        "text",
        "times",
        "tokens",
        "words",
    )

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        state: DocState,
        quantities: Sequence[Quantity] = (),
        index: int = 0,
        headline: bool = False,
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.index = index
        self.headline = headline
        self.state = state
        #: the tokens, and the union of their tag bits (a test of the whole sentence at once)
        self.tokens, self.tags = _tokens(text, start, end)
        #: the sentence's lower-cased tokens, as a set (what a stage can rule out at once)
        self.words = frozenset([t.low for t in self.tokens])
        self._starts = [t.start for t in self.tokens]
        self.figures = [Figure(q, self.index_at(q.start), self.index_at(q.end)) for q in quantities]
        self.times = _time.find_times(text, start, end, published=_published(state.doc))
        self._runs: list[tuple[int, int]] | None = None
        self._by_end = {q.end: q for q in quantities}
        self._q_tok = sorted(f.first for f in self.figures if f.q.kind != "date")
        self.extras: dict[str, object] = {}

    # ---- positions

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after document offset ``pos``."""
        return bisect.bisect_left(self._starts, pos)

    def figure_ending_at(self, pos: int) -> Quantity | None:
        """The quantity whose text ends at document offset ``pos``, if any."""
        return self._by_end.get(pos)

    def figure_between(self, lo: int, hi: int) -> bool:
        """Whether a (non-date) figure starts at a token index in ``[lo, hi)``."""
        i = bisect.bisect_left(self._q_tok, lo)
        return i < len(self._q_tok) and self._q_tok[i] < hi

    def span_text(self, i: int, j: int) -> str:
        """The document text from token ``i`` to token ``j - 1`` inclusive."""
        if i >= j:
            return ""
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]

    @property
    def sentence_text(self) -> str:
        """The sentence's characters."""
        return self.text[self.start : self.end]

    # ---- names

    def name_runs(self) -> list[tuple[int, int]]:
        """Token ranges ``[i, j)`` of capitalised names ("State Internet Information Office").

        A lone capitalised word opening the sentence ("Armed robbers stole ...") is a name
        only if the document also writes it capitalised mid-sentence, or it is a known alias.
        """
        if self._runs is None:
            self._runs = _name_runs(self)
        return self._runs

    def run_text(self, i: int, j: int) -> str:
        """The text of a name run, without a final possessive 's."""
        raw = self.span_text(i, j)
        last = self.tokens[j - 1]
        if last.possessive and last.text not in ("'", "’"):
            raw = raw[:-2]
        return raw

    def in_name(self, k: int) -> bool:
        """Whether token ``k`` is inside a name run."""
        for i, j in self.name_runs():  # in order, without overlaps
            if k < j:
                return i <= k
        return False

    # ---- verbs and clauses

    def is_verb(self, k: int) -> bool:
        """Whether token ``k`` reads as a verb (auxiliary, listed form, or a lower-case -ed)."""
        t = self.tokens[k]
        tags = t.tags  # read directly: the rules ask this of thousands of tokens
        if tags & (AUX | VERB | VERB_FORM):
            return True
        if k > 0 and t.word and not t.cap and not tags & (DET | PREP | PRON) and self.tokens[k - 1].low in WORDS.modals:
            return True  # "will provide", "could face"
        if tags & POSSESSION and t.low not in ("with", "of", "to", "at", "now", "total", "number"):
            return True
        return not t.cap and len(t.low) > 4 and t.low.endswith("ed")

    def segment_start(self, k: int) -> int:
        """Start index of the comma/clause segment that ends at token ``k`` (exclusive).

        A relative pronoun starts a segment and stays in it (``tokens[seg]`` is "which").
        """
        toks = self.tokens
        i = k - 1
        floor = max(0, k - MAX_REACH)
        while i >= floor:
            t = toks[i]
            if t.text in _QUOTES:
                j = self._quoted_title_start(i)
                if j is not None:  # '"Silent Harbor" earned 13 nominations': a title, no boundary
                    i = j - 1
                    continue
            if t.text in _CLAUSE_PUNCT or (t.text == "-" and i > 0 and toks[i - 1].end < t.start):
                return i + 1
            if t.has(REL):
                return i
            if t.low in ("and", "but") and i > 0:
                return i + 1
            if t.has(SUBORD) and 0 < i < k - 1:
                return i + 1
            if t.has(CLAUSE_START):
                # "said (on) Tuesday (that) ...": the reported clause starts after all of these
                j = i + 1
                while j < k and (toks[j].low in ("on", "that", "late", "early")
                                 or toks[j].has(WEEKDAY | TIME_WORD)):
                    j += 1
                return j
            i -= 1
        return floor

    def _quoted_title_start(self, close: int) -> int | None:
        """The index of the opening quote of a quoted title of one to six capitalised words
        ending at the closing quote ``close`` ('"Silent Harbor"'), or None."""
        toks = self.tokens
        j = close - 1
        while j >= 0 and close - j <= 7 and toks[j].word and (toks[j].cap or toks[j].text[:1].isdigit()
                                                              or toks[j].low in ("of", "the", "and", "a")):
            j -= 1
        if j < 0 or j == close - 1 or toks[j].text not in _QUOTES or not toks[j + 1].cap:
            return None
        return j

    def relative_at(self, seg: int, end: int) -> int | None:
        """Index of the relative pronoun opening the segment at ``seg``, if it is one.

        "which"/"who" always are; "that" only after a noun ("the users that run"), not after a
        verb ("announced that the accounts ...", where it introduces reported speech).
        """
        toks = self.tokens
        if seg >= end or seg >= len(toks):
            return None
        low = toks[seg].low
        if low in ("which", "who", "whose", "where", "when"):
            return seg
        if low == "that" and seg > 0:
            prev = toks[seg - 1]
            if prev.has(NOT_NAME | TIME_WORD):
                return None  # "said Tuesday that ...": reported speech, not a relative clause
            if prev.word and not (prev.low.endswith("ed") or prev.has(VERB_FORM | AUX | POSSESSION)
                                  or prev.low in ("said", "says", "say", "told", "so", "such")):
                return seg
        return None

    def verb_group_start(self, k: int) -> tuple[int, list[Token]]:
        """Walk left from token ``k`` over a verb group: (index where it starts, its verbs)."""
        toks = self.tokens
        verbs: list[Token] = []
        i = k - 1
        floor = max(0, k - MAX_REACH)
        while i >= floor:
            t = toks[i]
            low = t.low
            if not t.word or t.has(CLAUSE_START):
                break  # "Officials said about 1,250 ...": the reported clause starts here
            if t.has(AUX | POSSESSION | PARTICLE) or (low.endswith("ly") and not t.cap) or t.has(VERB_FORM) or (t.has(VERB) and not t.cap) or (
                low.endswith("ed") and len(low) > 4 and not t.cap and (i == 0 or not toks[i - 1].has(DET))
            ):
                verbs.append(t)
            elif low in ("for", "to", "by", "with") and not verbs and i > 0 and (
                toks[i - 1].low.endswith(("ed", "ing")) or toks[i - 1].has(VERB_FORM | AUX)
            ):
                verbs.append(t)  # "suspended for a week", "sentenced to"
            else:
                break
            i -= 1
        return i + 1, verbs

    def clause_bounds(self, k: int) -> tuple[int, int]:
        """Token range ``[a, b)`` of the clause around token ``k``: from the last clause
        punctuation or conjunction before it to the next one after it (memoised)."""
        memo = cast("dict[int, tuple[int, int]]", self.extras.setdefault("clause_bounds", {}))
        got = memo.get(k)
        if got is None:
            got = memo[k] = self._clause_bounds(k)
        return got

    def _clause_bounds(self, k: int) -> tuple[int, int]:
        toks = self.tokens
        a = k
        while a > 0 and a > k - MAX_REACH:
            t = toks[a - 1]
            if t.text in _CLAUSE_PUNCT or t.text == ";" or t.low in ("and", "but", "while", "whereas"):
                break
            a -= 1
        b = k
        n = len(toks)
        while b < n and b < k + MAX_REACH:
            t = toks[b]
            if t.text in _CLAUSE_PUNCT or t.low in ("but", "while", "whereas"):
                break
            if t.low in ("and", "or") and b > k and b + 1 < n and self.is_verb(b + 1):
                break  # "injured dozens and damaged several houses in X": a new predicate
            b += 1
        return a, b


def _published(doc: Document) -> _dt.date | None:
    p = doc.published
    if isinstance(p, _dt.datetime):
        return p.date()
    return p


def _name_runs(v: SentenceView) -> list[tuple[int, int]]:
    toks = v.tokens
    runs: list[tuple[int, int]] = []
    known = _known_keys()
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if not (t.word and t.cap) or t.text[:1].isdigit():
            i += 1
            continue
        # a known name of two words ("We Chat") read as one: only asked of a word that is no
        # name by itself (a lone word, below, has no capitalised word after it anyway)
        not_name = tags_of(t.bare.lower()) & NOT_NAME
        known_pair = bool(not_name) and (
            i + 1 < n and toks[i + 1].cap and toks[i + 1].word
            and _ent.alias_key(t.text + toks[i + 1].text) in known
        )
        if not not_name or known_pair:
            j = i + 1
            while j < n:
                u = toks[j]
                if u.word and u.cap and not toks[j - 1].possessive:
                    j += 1
                elif (u.low in ("of", "for", "and", "&") and j + 1 < n and toks[j + 1].cap
                      and toks[j + 1].word and not toks[j - 1].possessive):
                    j += 2
                else:
                    break
            opening = i == 0 or (not toks[i - 1].word and toks[i - 1].text in _OPENING_PUNCT)
            lone = (j == i + 1 and j < n and not toks[j].cap and toks[j].word
                    and not v.is_verb(j) and not toks[j].has(PREP))
            if opening and lone and t.text not in v.state.midcaps and not known_pair \
                    and _ent.alias_key(t.bare) not in known and not t.possessive:  # "Lumo's decision"
                i = j
                continue
            if opening and j == i + 1 and j < n and (toks[j].has(PREP) or v.is_verb(j)) and t.has(EVENT_NOUN) \
                    and t.text not in v.state.midcaps:
                i = j  # "Floods in northern Varn have killed", "Riots broke out": the event, no name
                continue
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def view(
    text: str,
    start: int,
    end: int,
    state: DocState,
    quantities: Sequence[Quantity] = (),
    index: int = 0,
    headline: bool = False,
) -> SentenceView:
    """The view of ``text[start:end]`` (one sentence of ``state.doc``).

    Args:
        text: the document text.
        start: where the sentence starts.
        end: where it ends.
        state: the document's running state.
        quantities: the quantities inside the sentence, in text order.
        index: the sentence's position in the document.
        headline: the sentence is the document's headline.

    Returns:
        A :class:`SentenceView`.

    Example:
        >>> from claimcheck.models import Document
        >>> d = Document(id="d", text="On Tuesday the quake hit.")
        >>> [t.text for t in view(d.text, 0, 25, DocState.for_document(d)).times]
        ['Tuesday']
    """
    return SentenceView(text, start, end, state, quantities, index, headline)
