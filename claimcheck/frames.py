"""Claim frames: which event a figure belongs to, which part of it, and as of when.

A figure in a news story is rarely about "the story" as a whole: a quake report recalls
the 2004 tsunami ("a tsunami that killed 230,000 people"), counts deaths in one district
("10 people were killed in Central Aceh"), and gives a toll that rose during the day ("the
death toll rose to 11"). Three rule tables decide, per figure:

- EVENT: the event the figure belongs to — the document's own event, or a *background*
  event the text sets apart by a date ("the 2004 tsunami", "In April last year an 8.6
  quake ..."), a marker ("another raid", "a similar attack") or its kind (a war that
  contains the attack the story is about);
- SCOPE: the place, site or subset it covers ("in Bener Meriah district", "at the mosque",
  "six children", "five of them"), or none for the whole;
- TIME: the time it refers to — a time the sentence states ("on Tuesday"), "earlier"
  (before the document's own time), or the document's publication date, marked as such;
  and whether the text presents it as a running count ("so far", "rose to").

The document's own event is found once per document (:func:`document_event`): the first
event noun or verb of its headline or lede, with the site it names ("the attack on the
school" → ``attack (school)``).

Example:
    >>> import claimcheck as cc, datetime
    >>> d = cc.Document(id="d", published=datetime.date(2013, 7, 3), text=(
    ...     "A quake hit the province on Tuesday, killing 24 people. "
    ...     "In 2004, a tsunami killed 230,000 people in 14 countries."))
    >>> [(c.quantity.value, c.event, c.background, c.metric) for c in cc.extract(d) if c.quantity.kind != "date"]
    [(24.0, 'earthquake', False, 'deaths'), (230000.0, 'tsunami (2004)', True, 'deaths'), (14.0, 'tsunami (2004)', True, 'countries')]
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from . import _guard, lexicon
from .binding import STORY_CLASS, Work, whole_after
from .lexicon import WORDS
from .models import Quantity
from .rules import Rule, Table, register
from .sentence import (
    AUX,
    CONJ,
    DET,
    EVENT_NOUN,
    EVENT_VERB,
    METRIC_VERB,
    MONTH,
    OTHER_EVENT,
    PREP,
    REL,
    REPORT,
    SITE,
    SUBORD,
    SUBSET,
    VERB,
    SentenceView,
    Token,
)
from .timeexpr import TimeExpr

__all__ = [
    "EVENT",
    "SCOPE",
    "TIME",
    "EventRef",
    "Mention",
    "TimePick",
    "document_event",
    "mentions",
    "zero_quantities",
]


@dataclass(frozen=True, slots=True)
class EventRef:
    """The event a figure belongs to.

    Attributes:
        cls: the kind of event (``data/events.toml``), "earthquake".
        label: how claims name it: "earthquake", "attack (school)", "tsunami (2004)".
        text: as written ("the 2004 tsunami").
        background: True for an event the text sets apart from its own.
        date: its date when the text gives one ("2004", "2012-04").

    Example:
        >>> EventRef("tsunami", "tsunami (2004)", "the 2004 tsunami", True, "2004").background
        True
    """

    cls: str
    label: str
    text: str
    background: bool = False
    date: str | None = None
    day: str | None = None  # the day the document's own event happened, where its lede says
    plural: bool = False  # the document is about several events at once ("a series of quakes")


_ISO_PARTS = regex.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")  # a date, year first
_ISO_MONTH = regex.compile(r"(\d{4})(?:-(\d{2}))?")
_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")

@dataclass(frozen=True, slots=True)
class Mention:
    """An event noun or verb in a sentence, with what sets it apart."""

    i: int  # token index of the head
    cls: str
    head: str
    date: str | None
    other: bool  # "another", "similar", "previous" ...
    site: str | None
    place: str | None
    definite: bool  # "the quake": refers back
    lasting: bool = False  # "13 days of bombardment": a campaign, not one attack


# --------------------------------------------------------------------------- mentions


_EVENT_WORD = EVENT_NOUN | EVENT_VERB


def _classes(v: SentenceView, k: int) -> tuple[str, ...]:
    t = v.tokens[k]
    if not t.tags & (EVENT_NOUN | EVENT_VERB):
        return ()
    ev = lexicon.events()
    low = t.low[:-2] if t.low.endswith(("'s", "’s")) else t.low
    if t.has(EVENT_NOUN):
        if low in ev.anaphors:  # "the disaster": whatever event the document is about
            doc = v.state.event
            return (doc.cls,) if isinstance(doc, EventRef) and doc.cls != STORY_CLASS else ()
        if k > 0:  # a two-word noun ending here names its kind alone: "opened fire" is no fire
            pair = ev.by_noun.get(f"{v.tokens[k - 1].low} {low}")
            if pair:
                return pair
        got = ev.by_noun.get(low, ())
        if got and low in ev.hinted:  # "cuts" is austerity only beside "wages", "spending" ...
            got = tuple(c for c in got if low not in ev.classes[c].hinted_nouns
                        or not v.words.isdisjoint(ev.classes[c].sentence_hints))
        return got
    if t.has(EVENT_VERB) and not t.cap:
        return ev.by_verb.get(low, ())
    return ()


def _headline_classes(v: SentenceView, k: int) -> tuple[str, ...]:
    """A headline writes its words capitalised and its verbs in the present: "Sudan Bombs
    Refugee Camp", "Camp Bombed", "Bombing At Yida Camp" name the event too."""
    t = v.tokens[k]
    if not t.word or not t.low.isalpha():
        return ()
    ev = lexicon.events()
    low = t.low
    got = ev.by_noun.get(low) or ev.by_verb.get(low)
    if got or not low.endswith("s") or len(low) < 4:
        return got or ()
    stem = low[:-1]  # "bombs" -> "bombed", "raids" -> "raided", "robs" -> "robbed"
    for form in (stem + "ed", stem + "d", stem + stem[-1] + "ed"):
        if form in ev.by_verb:
            return ev.by_verb[form]
    return ()


_SCORE = regex.compile(r"\d{1,3}[-–]\d{1,3}")  # "2-0", "3–1": a match's score


def _is_modifier_noun(v: SentenceView, k: int) -> bool:
    """"fire engines", "strike action": the event noun modifies the noun after it."""
    toks = v.tokens
    if k + 1 >= len(toks) or not toks[k].has(EVENT_NOUN):
        return False  # a verb ("stealing almost $2 million") modifies nothing
    nxt = toks[k + 1]
    if not nxt.word or nxt.cap or nxt.has(PREP | CONJ | DET) or v.is_verb(k + 1) or _SCORE.fullmatch(nxt.text):
        return False  # "the final 2-0": a score, not a compound noun
    if nxt.has(EVENT_NOUN) or nxt.low.endswith(("ly", "ing")):
        return False
    if any(f.first == k + 1 and f.q.kind == "duration" for f in v.figures):
        return False  # "the catastrophe four years ago": a time, not a compound noun
    return not nxt.low.endswith(("ed", "s")) or nxt.low.endswith(("ss", "us"))


def mentions(v: SentenceView) -> list[Mention]:
    """The event mentions of a sentence, each with its date, site, place and markers.

    Example:
        >>> from claimcheck.sentence import view, DocState
        >>> from claimcheck.models import Document
        >>> d = Document(id="d", text="Another quake struck near Lombok in 2018, and the attack on the school began.")
        >>> [(m.cls, m.other, m.date, m.place, m.site) for m in mentions(view(d.text, 0, len(d.text), DocState.for_document(d)))]
        [('earthquake', True, '2018', 'Lombok', None), ('attack', False, None, None, 'school')]
    """
    # Before the document's event is known (while the reader looks for it, with no sentence
    # read yet) anaphors are unread, and the mentions are kept apart from the final ones.
    key = "mentions" if v.state.event is not None else "mentions before the event" if not v.state.recent else None
    cached = v.extras.get(key) if key else None
    if cached is not None:
        return cached  # type: ignore[return-value]
    out: list[Mention] = []
    toks = v.tokens
    # past the headline only an event noun or verb can be a mention (what _classes reads)
    ks = range(len(toks)) if v.headline else [k for k, t in enumerate(toks) if t.tags & _EVENT_WORD] \
        if v.tags & _EVENT_WORD else ()
    if not ks:
        if key:
            v.extras[key] = out
        return out
    opener = _opening_date(v)
    for k in ks:
        t = toks[k]
        cls = _classes(v, k) or (_headline_classes(v, k) if v.headline else ())
        if not cls or (v.in_name(k) and not v.headline and not _names_event(v, k, cls)) or _is_modifier_noun(v, k) \
                or (t.cap and t.has(MONTH)):
            continue
        before = [x.low for x in toks[max(0, k - 3) : k]]
        other = any(x.has(OTHER_EVENT) for x in toks[max(0, k - 3) : k]) and before[-1:] != ["latest"]
        if t.has(EVENT_VERB) and not t.has(EVENT_NOUN):  # "attacked another UN school"
            other = other or any(x.has(OTHER_EVENT) for x in toks[k + 1 : k + 3])
        definite = (bool(before) and before[-1] in ("the", "this", "that")) or (len(before) > 1 and before[-2] == "the")
        after = ("since", "after") if v.index >= 2 else ("since",)  # a lede's "after a quake hit" is the story
        if not definite and t.has(EVENT_NOUN) and any(x.low in after for x in toks[max(0, k - 4) : k]) \
                and not any(x.low in ("the", "this", "that", "its") for x in toks[max(0, k - 4) : k]):
            other = True  # "dispatched after two quakes struck", "since 7.6 and 7.5 quakes": earlier ones
        date = _date_near(v, k) or _year_before(v, k) or _year_of(v, k) or opener
        out.append(Mention(k, cls[0] if len(cls) == 1 else _pick_class(v, k, cls), t.low, date, other,
                           _site_near(v, k), _place_after(v, k), definite, _lasting(v, k)))
    out = _inherit_dates(v, out)
    out = [_another_incident(v, m) for m in out]
    if key:
        v.extras[key] = out
    return out


def _names_event(v: SentenceView, k: int, cls: Sequence[str]) -> bool:
    """Whether the event noun at ``k`` opens the name of an event of a kind that takes names
    ("Typhoon Mara", "Tropical Storm Ana"): then the name mentions the event."""
    known = lexicon.events().classes
    if not any(c in known and known[c].named for c in cls):
        return False
    for i, j in v.name_runs():
        if i <= k < j:
            return k + 1 < j  # a name follows the noun within the run
    return False


def _another_incident(v: SentenceView, m: Mention) -> Mention:
    """Past the lede, "An airstrike in Zeitun", "Shelling of houses in the Bureij camp": an
    event of the story's kind named without "the", at a named place the story is not
    about, is another incident."""
    doc = v.state.event if isinstance(v.state.event, EventRef) else None
    recent = v.state.recent[-1] if v.state.recent and v.state.recent_index >= v.index - 1 else None
    if not m.other and isinstance(recent, EventRef) and recent.background and recent.cls == m.cls \
            and m.i > 0 and v.tokens[m.i - 1].low in ("those", "these"):
        # "seven people were killed in those bombings": the ones the sentence before named
        return Mention(m.i, m.cls, m.head, recent.date, True, m.site, m.place, m.definite, m.lasting)
    if not m.other and m.head in lexicon.events().anaphors and _years_ago(v):
        # "The catastrophe four years ago": the earlier event the text just named, or another
        prev = next((r for r in reversed(v.state.recent) if isinstance(r, EventRef)), None)
        return Mention(m.i, prev.cls if prev else m.cls, m.head, prev.date if prev else m.date, True,
                       m.site, m.place, m.definite, m.lasting)
    if m.other or m.definite or v.index < 2 or doc is None or m.cls != doc.cls:
        return m
    if _years_ago(v):  # "two years after a quake killed thousands": an earlier one
        return Mention(m.i, m.cls, m.head, m.date, True, m.site, m.place, m.definite, m.lasting)
    place = _place_after(v, m.i) or _place_in_phrase(v, m.i) or _place_hit(v, m.i) or _also_elsewhere(v, m.i)
    if place is None or _is_story_place_v(v, place):
        return m
    return Mention(m.i, m.cls, m.head, m.date, True, m.site, place, m.definite, m.lasting)


def _also_elsewhere(v: SentenceView, k: int) -> str | None:
    """"Thieves also targeted the Lumo film festival, stealing $2 million": "also" before
    the event and a name the story is not about, in the same clause: another incident."""
    toks = v.tokens
    if not any(t.low == "also" for t in toks[max(0, k - 8) : k]):
        return None
    # the sentence's first word is no evidence of a name ("Thieves also targeted ...")
    names = [v.run_text(i, j) for i, j in v.name_runs() if max(1, k - 8) <= i < min(len(toks), k + 8)]
    return next((n for n in names if not _is_story_place_v(v, n)), None)


def _years_ago(v: SentenceView) -> bool:
    """Whether the sentence dates something weeks or years before ("two years after",
    "a decade ago")."""
    toks = v.tokens
    return any(t.low in WORDS.past_spans and k + 1 < len(toks) and toks[k + 1].low in ("after", "ago", "before", "earlier")
               for k, t in enumerate(toks))


def _place_hit(v: SentenceView, k: int) -> str | None:
    """"a quake hit the town of Zarand": the place an event verb names as its object."""
    toks = v.tokens
    for x in range(k + 1, min(len(toks), k + 4)):
        if toks[x].has(EVENT_VERB) or toks[x].low in ("hit", "struck", "rocked", "shook", "jolted"):
            # "struck the northwestern Indonesian province of Aceh": any of the names counts
            names = [v.run_text(i, j) for i, j in v.name_runs() if x < i <= x + 8]
            return next((n for n in names if _is_story_place_v(v, n)), names[0] if names else None)
    return None


def _place_in_phrase(v: SentenceView, k: int) -> str | None:
    """"Shelling of houses in the Bureij refugee camp": the place of the event's phrase."""
    toks = v.tokens
    for x in range(k + 1, min(len(toks), k + 6)):
        if toks[x].low == "in":
            got = _place_phrase(v, x + 1)
            if got and got[:1].isupper():
                return got
            return None
        if not toks[x].word or v.is_verb(x):
            return None
    return None


def _is_story_place_v(v: SentenceView, place: str) -> bool:
    key = _place_key(place)
    return any(_place_key(p) == key or key.startswith(_place_key(p) + " ") for p in v.state.story_places)


def _lasting(v: SentenceView, k: int) -> bool:
    """"13 days of bombardment", "the 12 days of the offensive": an event that has lasted
    days is a campaign, not a single incident."""
    toks = v.tokens
    if "of" not in v.words or v.words.isdisjoint(WORDS.spans):
        return False  # no "<span> of" in the sentence at all
    for x in range(k - 1, max(-1, k - 6), -1):
        if toks[x].low == "of" and x >= 2 and toks[x - 1].low in WORDS.spans:
            return True
        if not toks[x].word or v.is_verb(x):
            return False
    return False


def _year_before(v: SentenceView, k: int) -> str | None:
    """"the 2004 tsunami", "the 2004 Indian Ocean tsunami": a year written before the noun."""
    toks = v.tokens
    if not any(_is_year_token(toks[x]) for x in range(max(0, k - 3), k)):
        return None  # no year within reach: what the loop below would find
    for x in range(k - 1, max(-1, k - 4), -1):
        t = toks[x]
        if _is_year_token(t):
            return t.text
        if not t.word or t.has(PREP) or v.is_verb(x):
            return None
    return None


def _is_year_token(t: Token) -> bool:
    return len(t.text) == 4 and t.text.isdigit() and 1800 <= int(t.text) <= 2099


def _year_of(v: SentenceView, k: int) -> str | None:
    """"the tsunami of 2004", "the floods of 2010": a year after "of" (which the time
    scan leaves alone: "a toll of 2004" is a count)."""
    toks = v.tokens
    if k + 2 < len(toks) and toks[k + 1].low == "of":
        t = toks[k + 2].text
        if len(t) == 4 and t.isdigit() and 1800 <= int(t) <= 2099:
            return t
    return None


def _inherit_dates(v: SentenceView, found: list[Mention]) -> list[Mention]:
    """A sentence that dates an earlier event ("A quake struck off Aceh in 2004, sparking a
    tsunami that killed ...") dates the other events it mentions: events of another kind,
    and, past the lede, events named with "a" ("triggered by a massive 9.1 quake")."""
    published = _published_of(v)
    ref = v.state.ref_year
    old = [t.value for t in v.times if t.value and t.kind in ("year", "month", "date", "relative")
           and t.relation not in ("since", "after", "before", "until", "by") and _old(t.value, published, ref)]
    old += [m.date for m in found if m.date and _old(m.date, published, ref)]
    if not old:
        return found
    doc = v.state.event if isinstance(v.state.event, EventRef) else None
    out = []
    for m in found:
        if m.date is None and not m.definite:
            indefinite = any(x.low in ("a", "an") for x in v.tokens[max(0, m.i - 4) : m.i])
            if (doc is not None and m.cls != doc.cls) or (indefinite and v.index >= 2):
                m = Mention(m.i, m.cls, m.head, old[0], m.other, m.site, m.place, m.definite)
        elif m.date is None and doc is not None and m.cls != doc.cls:
            m = Mention(m.i, m.cls, m.head, old[0], m.other, m.site, m.place, m.definite)
        out.append(m)
    return out


def _published_of(v: SentenceView) -> _dt.date | None:
    p = v.state.doc.published
    return p.date() if isinstance(p, _dt.datetime) else p


def _pick_class(v: SentenceView, k: int, cls: tuple[str, ...]) -> str:
    """An ambiguous noun ("strike": an attack or a walkout) takes the kind whose hint words
    stand before it ("a general strike", "an air strike"), else the one kind whose hints
    its sentence holds, else the document's kind."""
    near = {t.low for t in v.tokens[max(0, k - 3) : k]}
    classes = lexicon.events().classes
    for c in cls:
        if near & classes[c].hints:
            return c
    # else a hint of one kind only anywhere in the sentence ("120,000 rail workers walked
    # off the job in the biggest strike in 30 years")
    words = v.words
    hinted = [c for c in cls if not words.isdisjoint(classes[c].sentence_hints)]
    if len(hinted) == 1:
        return hinted[0]
    ev = v.state.event
    if isinstance(ev, EventRef) and ev.cls in cls:
        return ev.cls
    return cls[0]


def _opening_date(v: SentenceView) -> str | None:
    """A date opening the sentence ("In 2004, ...", "In April last year an 8.6 quake")."""
    for t in v.times:
        ti = v.index_at(t.phrase_start)
        if ti <= 1 and t.value and t.kind in ("year", "month", "date", "relative"):
            return t.value
    return None


def _date_near(v: SentenceView, k: int) -> str | None:
    """A date written with an event noun: "the 2004 tsunami", "the tsunami of 2004",
    "last year's floods", "the quake in April last year"."""
    head = v.tokens[k]
    toks = v.tokens
    for t in v.times:
        if not t.value or t.relation in ("since", "after", "before", "until", "by"):
            continue  # "the worst riots since 1991" are today's riots
        a, b = v.index_at(t.phrase_start), v.index_at(t.end)
        if t.kind == "weekday":  # "Sunday's quakes", "the quakes on Sunday"
            if (b == k and v.tokens[b - 1].possessive) or (a == k + 1 and t.relation == "on") \
                    or (b == k and t.relation is None and a > 0 and toks[a - 1].has(DET)):  # "the Wednesday bombings"
                return t.value
            continue
        if 0 <= k - b <= 2:
            return t.value
        if 0 < a - k <= 7 and (t.relation in ("of", "in") or a == k + 1
                               or (t.relation == "on" and any(v.is_verb(x) for x in range(k + 1, a)))) \
                and not any(not x.word for x in toks[k + 1 : a]):  # "the quakes there occurred on 10 Oct 2002"
            return t.value
        if t.end <= head.start and head.start - t.end <= 3:
            return t.value
    return None


def _site_near(v: SentenceView, k: int) -> str | None:
    """The site an event noun names: "the attack on the school", "a school attack",
    "gunmen attacked the school"."""
    toks = v.tokens
    if k > 0 and toks[k - 1].has(SITE) and not toks[k - 1].cap and not toks[k - 1].possessive:
        return toks[k - 1].low
    j = k + 1
    verb = toks[k].has(EVENT_VERB) and not toks[k].has(EVENT_NOUN)
    if j < len(toks) and (verb or toks[j].low in ("on", "at", "of", "in", "against", "inside")):
        if verb:
            j -= 1
        for x in range(j + 1, min(len(toks), j + 7)):
            if toks[x].has(SITE) and not toks[x].cap:
                return _singular_site(toks[x].low)
            if toks[x].low == "of" and x > 0 and toks[x - 1].low in ("one", "some", "two", "three"):
                continue  # "the attack on one of its schools"
            if not toks[x].word or toks[x].has(PREP | CONJ):
                break
    return None


@functools.lru_cache(maxsize=4096)
def _singular_site(word: str) -> str:
    """"schools" → "school", "houses" → "house": a site is named in the singular (a known
    site noun wins: "houses" is no "hous")."""
    if word.endswith("es") and len(word) > 4 and not tags_site(word[:-2]) and tags_site(word[:-1]):
        return word[:-1]
    for plural_end, single in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("s", "")):
        if word.endswith(plural_end) and len(word) > len(plural_end) + 2 and not word.endswith("ss"):
            return word[: -len(plural_end)] + single
    return word


def _place_after(v: SentenceView, k: int) -> str | None:
    """"quake off Banda Aceh", "the earthquake near Padang": the place named after it."""
    toks = v.tokens
    for x in range(k + 1, min(len(toks), k + 5)):
        if toks[x].low in ("in", "off", "near", "at", "on"):
            # "in eastern China", "off the coast of X": up to two lower-case words before the name
            runs = [(a, b) for a, b in v.name_runs() if x < a <= x + 3
                    and all(toks[y].word and not toks[y].cap for y in range(x + 1, a))]
            if runs:
                a, b = _of_place(v, *runs[0])
                return v.run_text(a, b)
            return None
        if not toks[x].word:
            return None
    return None


def _of_place(v: SentenceView, a: int, b: int) -> tuple[int, int]:
    """"the Lumo Sea island of Varn": a name, a place noun ("island", "province"; not a
    part such as "neighbourhood") and "of" before another name; the later name is the
    place meant."""
    toks = v.tokens
    if b + 1 < len(toks) and toks[b].low in WORDS.named_place_nouns and toks[b + 1].low == "of":
        return next(((i, j) for i, j in v.name_runs() if i == b + 2), (a, b))
    return (a, b)


# --------------------------------------------------------------------------- the document's event


def _background(m: Mention, published: _dt.date | None, doc_event: EventRef | None,
                ref_year: int | None = None) -> bool:
    """Is a mention set apart from the document's own event?"""
    if m.other:
        return True
    if m.date and _old(m.date, published, ref_year):
        return True
    ev = lexicon.events().classes.get(m.cls)
    doc_ev = lexicon.events().classes.get(doc_event.cls) if doc_event is not None else None
    if m.lasting and not (doc_ev is not None and doc_ev.lasting):
        return True
    if doc_event is not None and doc_event.day and m.date and _other_day(m.date, doc_event.day) \
            and not (doc_ev is not None and doc_ev.lasting):
        return True  # "Sunday's quakes", in a report about Wednesday's
    return doc_event is not None and ev is not None and bool(ev.containing) and doc_event.cls != m.cls


def _other_day(date: str, day: str) -> bool:
    """Whether an ISO day lies before the document's event day (a day or more: something
    that happened before the story's event is not it), or a week or more after it."""
    try:
        a, b = _dt.date.fromisoformat(date[:10]), _dt.date.fromisoformat(day)
    except ValueError:
        return False
    return len(date) == 10 and ((a - b).days <= -1 or (a - b).days >= 7)


def _old(date: str, published: _dt.date | None, ref_year: int | None = None) -> bool:
    """Whether a date (ISO year, month or day) lies before the time of the report: a year
    before publication, a day more than ten days before it, a month that ended more than
    ten days before it ("in July" in a September report).

    Without a publication date, a year two or more before the latest year the document
    states (``ref_year``) is old."""
    m = _ISO_PARTS.match(date)
    if m is None:
        return False
    y = int(m.group(1))
    if published is None:
        return ref_year is not None and y <= ref_year - 2
    if y < published.year - 1:
        return True
    if m.group(2) is None:
        return y < published.year and published.month > 2
    mo = int(m.group(2))
    try:
        if m.group(3):
            end = _dt.date(y, mo, int(m.group(3)))
        else:
            nxt = _dt.date(y + (mo == 12), mo % 12 + 1, 1)
            end = nxt - _dt.timedelta(days=1)
    except ValueError:
        return False
    return (published - end).days > 10


def _label(cls: str, site: str | None, date: str | None = None, place: str | None = None) -> str:
    extra = [x for x in (site, place, _year_label(date)) if x]
    if len(extra) > 1 and site and place and site.lower() in place.lower():
        extra.remove(site)
    return f"{cls} ({', '.join(extra)})" if extra else cls


def _year_label(date: str | None) -> str | None:
    if not date:
        return None
    m = _ISO_MONTH.match(date)
    if m is None:
        return None
    if m.group(2):
        month = _dt.date(2000, int(m.group(2)), 1).strftime("%B")
        return f"{month} {m.group(1)}"
    return m.group(1)


def document_event(views: Sequence[SentenceView], published: _dt.date | None) -> EventRef | None:
    """The document's own event: the first event mention of its headline or lede that is
    not set apart (no old date, no "another"); the site it names joins the label.

    Example:
        >>> import claimcheck as cc
        >>> [c.event for c in cc.extract("Gunmen attacked the school. Two people were killed.")]
        ['attack (school)']
    """
    ref = views[0].state.ref_year if views else None
    parents: set[str] | None = None  # the kinds the four first sentences name, when asked
    for v, m in ((u, x) for u in views[:4] for x in mentions(u)):
        if m.other or (m.date and _old(m.date, published, ref)):
            continue
        ev = lexicon.events().classes.get(m.cls)
        if ev is not None and ev.part_of and parents is None:
            parents = {x.cls for u in views[:4] for x in mentions(u)}
        if ev is not None and (ev.containing or (ev.part_of and parents and ev.part_of in parents)):
            continue  # a war contains the story's attack; aftershocks are part of the quake
        site = m.site or _site_before_verb(v, m) or _site_in_sentence(v)
        day = _event_day(v, m)
        if day is None and v.headline:  # "Sudan Bombs Refugee Camp": the lede gives the day
            day = next((d for lede in views[1:3] if (d := _lede_day(lede, m.cls))), None)
        if day is None:
            day = _latest_day(views, m.cls)
        return EventRef(m.cls, _label(m.cls, site), v.span_text(m.i, m.i + 1), False, None,
                        day, _is_plural(v, m))
    return None


def _latest_day(views: Sequence[SentenceView], cls: str) -> str | None:
    """With no day in the lede: the latest of two or more days the text gives events of the
    story's kind ("Thursday's bombing" and "the Wednesday bombings"): the story's own is
    the newest; the others are earlier ones. One day alone tells nothing."""
    days: set[str] = set()
    for v in views:
        if any(t.kind == "weekday" for t in v.times):
            days.update(m.date for m in mentions(v) if m.cls == cls and not m.other and m.date
                        and _ISO_DAY.fullmatch(m.date))
    return max(days) if len(days) > 1 else None


def _lede_day(v: SentenceView, cls: str) -> str | None:
    """The day a lede gives the headline's event: the day nearest a mention of its kind,
    with no other verb between them ("On Friday the agency condemned the bombing": Friday is
    the day of the condemnation)."""
    toks = v.tokens
    best: tuple[int, str] | None = None
    for m in mentions(v):
        if m.cls != cls or m.other:
            continue
        for t in v.times:
            if not (t.value and _ISO_DAY.fullmatch(t.value)
                    and t.kind in ("weekday", "relative", "date")) or t.relation in ("since", "after", "before", "until", "by"):
                continue
            ti = v.index_at(t.start)
            a, b = sorted((ti, m.i))
            if any(v.is_verb(x) and not toks[x].has(AUX | EVENT_VERB) for x in range(a + 1, b)):
                continue
            if best is None or b - a < best[0]:
                best = (b - a, t.value)
    return best[1] if best else None


def _event_day(v: SentenceView, m: Mention) -> str | None:
    """The day a lede gives its event ("hit by a quake today", "rocked the city on Sunday")."""
    best: tuple[int, str] | None = None
    for t in v.times:
        if t.value and _ISO_DAY.fullmatch(t.value) and t.kind in ("weekday", "relative", "date"):
            d = abs(v.index_at(t.start) - m.i)
            if best is None or d < best[0]:
                best = (d, t.value)
    return best[1] if best else None


def _is_plural(v: SentenceView, m: Mention) -> bool:
    """"A series of earthquakes", "two quakes": a document about several events at once."""
    toks = v.tokens
    head = toks[m.i].low
    before = {t.low for t in toks[max(0, m.i - 4) : m.i]}
    return (head.endswith("s") and head not in lexicon.events().by_noun.get(head[:-1], ()) and
            bool(lexicon.events().by_noun.get(head[:-1]) or lexicon.events().by_noun.get(head[:-2]))
            ) or bool(before & {"series", "two", "three", "several", "twin"})


def _site_in_sentence(v: SentenceView) -> str | None:
    """The first facility the sentence names ("... killed 40 sheltering in a UN school"):
    the site of the event a headline or lede reports."""
    toks = v.tokens
    for k, t in enumerate(toks):
        if t.has(SITE) and ((not t.cap and not v.in_name(k)) or v.headline) and not t.possessive \
                and not (k > 0 and (v.is_verb(k - 1) or toks[k - 1].low.endswith("ing"))):  # not "taking shelter"
            site = _singular_site(t.low)
            if site not in WORDS.plain_sites:
                return site
    return None


def _site_before_verb(v: SentenceView, m: Mention) -> str | None:
    """"a school attacked by Israeli forces": the site before an event verb."""
    toks = v.tokens
    if m.i > 0 and toks[m.i].has(EVENT_VERB):
        for x in range(m.i - 1, max(-1, m.i - 4), -1):
            if toks[x].has(SITE) and not toks[x].cap:
                return toks[x].low
    return None


# --------------------------------------------------------------------------- EVENT


def _ref(w: Work, m: Mention) -> EventRef:
    kind = _metric_event(w)
    if kind is not None and m.cls != kind:
        m = Mention(m.i, kind, m.head, m.date, m.other, None, m.place, m.definite)
    published = _published(w)
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    if m.date is None:  # "... killed 230,000 people in 13 countries in 2004": the figure's own date
        t = _time_for(w.v, w.v.times, w.q)
        if t is not None and t.value and (
            (t.kind != "weekday" and _old(t.value, published, w.s.ref_year))
            or (doc is not None and doc.day and _other_day(t.value, doc.day))
        ):
            m = Mention(m.i, m.cls, m.head, t.value, m.other, m.site, m.place, m.definite)
    if _background(m, published, doc, w.s.ref_year):
        label = _label(m.cls, m.site, m.date, None if m.date else m.place)
        if m.lasting and not m.date:
            label = f"{m.cls} (campaign)"
        return EventRef(m.cls, label, w.v.span_text(m.i, m.i + 1), True, m.date)
    if doc is not None and doc.cls != m.cls:
        # another kind of event inside the story (a landslide the quake set off, the march
        # of a strike day): an event of its own, compared only with its own kind
        return EventRef(m.cls, _label(m.cls, m.site), w.v.span_text(m.i, m.i + 1))
    if doc is not None:
        return doc
    return EventRef(m.cls, _label(m.cls, m.site), w.v.span_text(m.i, m.i + 1))


def background_ref(v: SentenceView, m: Mention, doc: EventRef | None) -> EventRef | None:
    """The background event a mention names, if it is one (for the sentences after it)."""
    if not _background(m, _published_of(v), doc, v.state.ref_year):
        return None
    return EventRef(m.cls, _label(m.cls, m.site, m.date, None if m.date else m.place),
                    v.span_text(m.i, m.i + 1), True, m.date)


def _published(w: Work) -> _dt.date | None:
    p = w.s.doc.published
    return p.date() if isinstance(p, _dt.datetime) else p


def _modified_event(w: Work) -> EventRef | None:
    """"a 6.1-magnitude quake", "a $2.6 million heist", "a 24-hour strike"."""
    toks = w.toks
    for k in range(w.ri, min(len(toks), w.ri + 3)):
        if not toks[k].word:
            return None
        m = next((x for x in mentions(w.v) if x.i == k), None)
        if m is not None:
            return _ref(w, m)
        if toks[k].has(PREP | VERB) or w.v.is_verb(k):
            return None
    return None


def _relative_event(w: Work) -> EventRef | None:
    """"a tsunami that killed 230,000 people": the event a relative clause hangs on."""
    toks = w.toks
    for k in range(w.li - 1, max(-1, w.li - 5), -1):
        if toks[k].low in ("that", "which"):
            m = next((x for x in mentions(w.v) if x.i in (k - 1, k - 2)), None)
            return _ref(w, m) if m is not None else None
        if not toks[k].word:
            return None
    return None


def _clause_event(w: Work) -> EventRef | None:
    """The nearest event named in the figure's clause ("a major earthquake near Padang
    killed more than 1,000 people")."""
    a, b = w.v.clause_bounds(w.li)
    best: Mention | None = None
    toks = w.toks
    for m in mentions(w.v):
        if not a <= m.i < b:
            continue
        if m.i > w.li and not any(t.low in WORDS.after_event for t in toks[max(w.ri, m.i - 4) : m.i]):
            continue  # "killed 40 Palestinians seeking shelter from Israel's war": not its event
        if m.i > w.li and _described_between(w, m.i):
            continue  # "injuring dozens in a region devastated by the tsunami": the region's
        if best is None or (m.i < w.li) > (best.i < w.li) or (
                (m.i < w.li) == (best.i < w.li) and abs(m.i - w.li) < abs(best.i - w.li)):
            best = m
    if best is None:
        return None
    if best.definite and not best.date and not best.other:
        prior = _recent_background(w, best.cls)
        if prior is not None:
            return prior
    return _ref(w, best)


def _described_between(w: Work, k: int) -> bool:
    """Whether a place and a participle that describes it ("a region devastated by") stand
    between the figure and token ``k``: what follows is about that place."""
    toks = w.toks
    for x in range(w.ri + 1, k):
        t, prev = toks[x], toks[x - 1]
        if t.low.endswith("ed") and not t.cap and not t.has(METRIC_VERB | AUX) and x - 1 >= w.ri \
                and (prev.low in WORDS.plain_sites or prev.low in WORDS.place_nouns):
            return True  # (not "from injuries sustained in the quake": the figure's own event)
    return False


def _recent_background(w: Work, cls: str) -> EventRef | None:
    """"the quake" right after a sentence about an earlier quake refers to that one."""
    for item in reversed(w.s.recent[-2:]):
        if isinstance(item, EventRef) and item.cls == cls and item.background:
            return item
    return None


def _sentence_background(w: Work) -> EventRef | None:
    """A clause with no event of its own, in a sentence about an earlier or a containing
    event ("More than 600 have been killed in the offensive, and around 3,000 wounded"),
    is about that event."""
    # events named before the figure: "... killed in the school, pushing the toll above 680
    # since the conflict began" does not put the school's dead in the conflict
    found = [m for m in mentions(w.v) if m.i < w.li]
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    refs = []
    for m in found:
        prior = _recent_background(w, m.cls) if m.definite and not m.date and not m.other else None
        refs.append((m, prior))
    bg = [(m, p) for m, p in refs if p is not None or _background(m, _published(w), doc, w.s.ref_year)]
    kinds = {m.cls for m in found}
    part = lexicon.events().classes.get(next(iter(kinds))) if len(kinds) == 1 else None
    if not bg and part is not None and doc is not None and part.part_of == doc.cls:
        # "Two aftershocks, magnitude 2.9 and 2.2, followed": the one kind of event named
        best = min(found, key=lambda m: abs(m.i - w.li))
        return _ref(w, best)
    if not bg or (len(bg) != len(found) and not any(m.other for m, _ in bg)):
        return None  # ("In a separate incident, seven staff were injured ...": that incident)
    best, prior = min(bg, key=lambda mp: abs(mp[0].i - w.li))
    return prior if prior is not None else _ref(w, best)


def _pronoun_event(w: Work) -> EventRef | None:
    """"In February a quake hit Zarand. It killed 612 people": a sentence opening with
    "It" continues the earlier event the sentence before it was about."""
    toks = w.toks
    if not toks or not w.s.recent:
        return None
    last = w.s.recent[-1]
    if not (isinstance(last, EventRef) and last.background and w.s.recent_index >= w.v.index - 1):
        return None
    if toks[0].low in ("it", "this", "that"):
        return last
    if _definite_perpetrators(w):  # "... another robbery on Sunday. The robbers escaped with €60,000"
        return last
    # "... were killed in those bombings": a demonstrative plural points back to it too
    for k, t in enumerate(toks[:-1]):
        if t.low in ("those", "these") and any(x.has(EVENT_NOUN) for x in toks[k + 1 : k + 3]):
            return last
    return None


def _definite_perpetrators(w: Work) -> bool:
    """Whether the figure's clause names "the robbers", "the gunmen" (the people of an event
    the text just told of) and no event of its own."""
    toks = w.toks
    a, b = w.v.clause_bounds(w.li)
    if any(a <= m.i < b for m in mentions(w.v)):
        return False
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    site = doc.label.partition(" (")[2].rstrip(")") if doc is not None else ""
    if any(_is_story_place_v(w.v, w.v.run_text(i, j)) for i, j in w.v.name_runs()) \
            or (site and any(t.low == site for t in toks[a:b])):
        return False  # "The robbers also took $1m from the Varn store": the story's own
    for k in range(max(0, a), min(b, len(toks)) - 1):
        if toks[k].low in ("the", "these", "those"):
            noun = toks[k + 1].low
            if noun.endswith("ves"):
                noun = noun[:-3] + "f"  # "thieves"
            elif noun.endswith("s") and noun[:-1] in WORDS.person_nouns:
                noun = noun[:-1]  # "robbers"
            if noun in WORDS.person_nouns and noun not in WORDS.generic_people:
                return True
    return False


def _dated_figure(w: Work) -> EventRef | None:
    """A figure its own clause dates well before publication ("stole jewels worth €103m from
    the Carlton in July") is about an earlier event of the document's kind."""
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    t = _time_for(w.v, w.v.times, w.q)
    if doc is None or t is None or not t.value:
        return None
    other_day = bool(doc.day) and _other_day(t.value, doc.day or "")
    if not other_day and (t.kind == "weekday" or not _old(t.value, _published(w), w.s.ref_year)):
        return None
    place = _named_place(w)
    return EventRef(doc.cls, _label(doc.cls, None, t.value, place), doc.cls, True, t.value)


def _named_place(w: Work) -> str | None:
    """The first name after in/at/from/on in the figure's clause ("from the Carlton Hotel")."""
    a, b = w.v.clause_bounds(w.li)
    toks = w.toks
    for k in range(max(0, a - 12), min(b, len(toks))):
        if toks[k].low in ("in", "at", "from", "on", "near"):
            run = next(((i, j) for i, j in w.v.name_runs() if i == k + 1 or (i == k + 2 and toks[k + 1].has(DET))), None)
            if run is not None:
                return w.v.run_text(*run)
    return None


def _sentence_date(w: Work) -> EventRef | None:
    """A sentence opening with an old date ("In 2004, ...") is about another event."""
    date = _opening_date(w.v)
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    if date and _old(date, _published(w), w.s.ref_year) and doc is not None:
        return EventRef(doc.cls, _label(doc.cls, None, date), doc.cls, True, date)
    return None


def _anchored(w: Work) -> EventRef | None:
    """A figure in a sentence that names the story's site or one of its places, or in the
    headline or lede, or right after a sentence about the story's event, belongs to the
    document's event."""
    doc = _document(w)
    if doc is None or doc.cls != getattr(w.s.event, "cls", None):
        return doc if doc is not None and _metric_event(w) is not None else None
    v = w.v
    if v.index <= 1 or v.index - w.s.last_story <= 1:
        return doc
    site = doc.label.rsplit("(", 1)[-1].rstrip(")") if "(" in doc.label else None
    # what the sentence names is the same for each of its figures: read once a sentence
    memo = f"story anchor|{site}"
    named = v.extras.get(memo)
    if named is None:
        keys = {_place_key(p) for p in w.s.story_places}
        named = v.extras[memo] = bool(site and any(_singular_site(t.low) == site for t in v.tokens)) or any(
            _place_key(v.run_text(i, j)) in keys for i, j in v.name_runs())
    return doc if named else None


def _document(w: Work) -> EventRef | None:
    """A figure with no event of its own belongs to the document's event (or, for a metric
    that always belongs to one kind of event, such as a crowd, to that kind)."""
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    kind = _metric_event(w)
    if kind is not None and (doc is None or doc.cls != kind):
        return EventRef(kind, kind, kind)
    return doc


def _metric_event(w: Work) -> str | None:
    if w.metric is None:
        return None
    e = lexicon.metrics().entries.get(w.metric.name)
    return e.event if e is not None else None


def _after_earlier(w: Work) -> EventRef | None:
    """"The raid comes a month after a bandit made off with $136m": a figure in a clause
    that opens with "<span> after" (or "before") is about that earlier event."""
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    if doc is None:
        return None
    toks = w.toks
    for j in range(w.li - 1, max(0, w.li - 16), -1):
        t = toks[j]
        if not t.word and t.text in (",", ";", ":", "(", ")", "—", "–"):
            return None  # "Two weeks after the quake, 300 people ...": the figure is today's
        if t.low in ("after", "before") and toks[j - 1].low in WORDS.past_spans \
                and j + 1 < len(toks) and not w.v.is_verb(j + 1):
            if any(j < m.i < w.li for m in mentions(w.v)):
                return None  # "a month after a quake killed 50": the clause names its event
            return EventRef(doc.cls, _label(doc.cls, None, None, _named_place(w)), doc.cls, True, None)
    return None


def _counted_part(w: Work) -> EventRef | None:
    """"at least four aftershocks": a count of events that are part of the story's kind
    belongs to the event they are part of (the story's, or an earlier one the sentence
    names), so that every report's count of aftershocks meets; their magnitudes stay theirs."""
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    if doc is None or w.q.kind != "count":
        return None
    counted = (w.q.counted or "").lower().split()
    if not counted:
        return None
    ev = lexicon.events()
    noun = counted[-1]
    cls = ev.by_noun.get(noun, ())
    part = ev.classes.get(cls[0]) if len(cls) == 1 else None
    if part is None or part.part_of != doc.cls:
        return None
    bg = [m for m in mentions(w.v) if m.cls == doc.cls and _background(m, _published(w), doc, w.s.ref_year)]
    return _ref(w, bg[0]) if bg else doc


EVENT: Table[EventRef] = register(Table("event", (
    Rule("count of parts", "an event noun of a part kind counted by the figure", _counted_part,
         "A count of events that are part of another (aftershocks of a quake) belongs to the event they are part of.",
         "A quake hit Varn on Sunday. Three aftershocks followed."),
    Rule("modified event", "the event noun right after the figure", _modified_event,
         "A figure that modifies an event noun belongs to that event.",
         "a 6.1-magnitude quake"),
    Rule("relative clause", "'that'/'which' after an event noun before the figure", _relative_event,
         "\"A tsunami that killed 230,000\": the event the relative clause hangs on.",
         "In 2004 a tsunami that killed 230,000 people"),
    Rule("after an earlier one", "'<span> after' opening the figure's clause", _after_earlier,
         "A figure in a clause that opens with 'a month after', 'two years before' is about that earlier event.",
         "The raid came a month after thieves took jewels worth €100 million from a hotel."),
    Rule("event of the clause", "event nouns in the figure's clause", _clause_event,
         "The event named in the figure's clause (a dated or 'another' one is set apart).",
         "In September 2009 an earthquake near Padang killed 1,000 people"),
    Rule("it continues", "'It' opening the sentence, or 'those/these <event>', after one about an earlier event", _pronoun_event,
         "\"It killed 612 people\" (or \"612 died in those quakes\") after a sentence about an earlier quake is about that quake.",
         "In February a quake hit Zarand. It killed 612 people."),
    Rule("dated figure", "a time well before publication in the figure's clause", _dated_figure,
         "A figure its own clause dates well before publication is about an earlier event.",
         "Thieves took jewels worth €103m in July (in a September report)."),
    Rule("event of the sentence", "the sentence's events, when all are set apart", _sentence_background,
         "A clause with no event of its own, in a sentence only about an earlier or a containing event, is about that one.",
         "More than 600 were killed in the offensive, and around 3,000 wounded."),
    Rule("dated sentence", "a date opening the sentence", _sentence_date,
         "A sentence that opens with a date well before publication, in a clause of its own, is about an earlier event (a date in the figure's own clause is the 'dated figure' rule).",
         "A flood hit Varn on Monday, killing 12. In 2011 the river burst its banks and 300 people died."),
    Rule("story anchor", "the story's site or places in the sentence, the lede, the sentence before", _anchored,
         "A figure in a sentence tied to the story (its site, its places, the lede) belongs to the story's event.",
         "A quake hit the town. Five people were killed."),
    Rule("document event", "the document's event", _document,
         "Any other figure is filed under the document's event, but a running toll filed this way is compared with nothing.",
         "A quake hit Varn on Monday. Rescue teams arrived. Roads were blocked. Schools stayed shut. Five people were killed."),
)))


# --------------------------------------------------------------------------- SCOPE


def _place_scope(w: Work) -> str | None:
    """"10 people were killed in Central Aceh district", "In Suka Makmur village, ...":
    a place the figure's clause names (other than the places the story is about)."""
    if w.metric is None or w.metric.owner != "event":
        return None
    toks = w.toks
    a, b = w.v.clause_bounds(w.li)
    cands: list[tuple[int, str]] = []
    for k in range(a, min(b, len(toks))):
        if toks[k].low not in ("in", "at", "inside", "near") or w.li <= k < w.ri:
            continue
        got = _place_phrase(w.v, k + 1)
        if got and got.lower() in WORDS.plain_sites and k + 1 < len(toks) and toks[k + 1].low in ("a", "an"):
            continue  # "in a region devastated by ...": no particular part of the story
        if got and (got[:1].isupper() or w.q.kind != "currency"):
            # a sum is split by named places only: "from the safe in the hotel room" is
            # where the loot was, not a part of it
            cands.append((abs(k - w.li), got))
    where = _where_place(w.v, a)
    if where and not cands:
        cands.append((0, where))
    opening = _opening_place(w.v)
    if opening and not cands:
        cands.append((99, opening))
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    for _, place in sorted(cands):
        if doc is not None and doc.label.endswith(f"({place})"):
            continue  # "at the school" in a story about an attack on a school: the whole
        if not _is_story_place(w, place):
            return place
    return None


def _where_place(v: SentenceView, a: int) -> str | None:
    """"... in the city of Thessaloniki, where 20,000 people marched": the place a
    relative "where" opening the figure's clause refers to."""
    toks = v.tokens
    if a >= len(toks) or toks[a].low != "where":
        return None
    k = a - 1 if a > 0 and toks[a - 1].text == "," else a
    run = next(((i, j) for i, j in v.name_runs() if j == k), None)
    return v.run_text(*run) if run is not None else None


def _opening_place(v: SentenceView) -> str | None:
    """"In neighbouring Central Aceh district, 10 people ...": a place opening the sentence."""
    toks = v.tokens
    if len(toks) > 2 and toks[0].low in ("in", "at") and any(t.text == "," for t in toks[2:9]) \
            and not any(f.first <= 1 for f in v.figures):
        return _place_phrase(v, 1)
    return None


def _place_phrase(v: SentenceView, k: int) -> str | None:
    """A named place at token ``k`` ("Central Aceh district", "the village of X", "Takengon")
    or a site noun ("the mosque", "hospitals in the district")."""
    toks = v.tokens
    n = len(toks)
    i = k
    while i < n and (toks[i].has(DET) or toks[i].low in ("neighbouring", "neighboring", "nearby", "local")):
        i += 1
    if i >= n:
        return None
    run = next(((a, b) for a, b in v.name_runs() if a == i), None)
    if run is not None and toks[run[1] - 1].possessive:  # "Indonesia's Aceh province": the second
        run = next(((a, b) for a, b in v.name_runs() if a == run[1]), run)
    if run is not None:
        a, b = run
        j = b
        if j < n and toks[j].low in WORDS.place_nouns:
            j += 1
        text = v.span_text(a, j)
        if text.endswith(("'s", "’s")):
            return None
        return text
    fig = next((f for f in v.figures if f.first == i and f.q.counted and tags_site(f.q.counted)), None)
    if fig is not None:  # "in 11 different UN schools": a set of sites
        return fig.q.text
    j = i
    while j < n and j < i + 5 and toks[j].word and not toks[j].cap and not toks[j].has(PREP | CONJ) \
            and not v.is_verb(j) and not toks[j].text[:1].isdigit() and toks[j].low not in WORDS.qual_words:
        j += 1
        if toks[j - 1].has(SITE) and not (j < n and toks[j].has(SITE)):
            break
    if j > i and toks[j - 1].has(SITE):
        site = v.span_text(i, j).lower()
        if j + 1 < n and toks[j].low in ("in", "of", "at"):
            more = _place_phrase(v, j + 1)
            if more:
                return f"{site} in {more}" if toks[j].low != "of" else f"{site} of {more}"
        return site
    return None


def tags_site(noun: str) -> bool:
    """Whether a (singular) counted noun names a site ("school", "village")."""
    from .sentence import tags_of

    return bool(tags_of(noun.lower()) & SITE)


def _is_story_place(w: Work, place: str) -> bool:
    """Whether a place is (part of the name of) one the document's headline and lede name."""
    key = _place_key(place)
    return any(_place_key(p) == key for p in w.s.story_places)


def _place_key(place: str) -> str:
    """A place without determiners, possessives and words such as "province": "Aceh
    province" and "Aceh" are one place, "Central Aceh district" another."""
    out = []
    for x in place.replace("’", "'").replace("'s", "").split():
        low = x.lower()
        if low in ("the", "a", "an", "of", "refugee") or (x[:1].islower() and (low in WORDS.place_nouns or low in WORDS.place_modifiers)):
            continue  # "Central Aceh district" keeps "Central"; "Gaza City" keeps "City"
        out.append(low)
    return " ".join(out)


def _subset_scope(w: Work) -> str | None:
    """"six children were killed", "three bank workers": the counted noun is a subset of
    the people the event touched (children, soldiers, workers ...)."""
    q = w.q
    if w.metric is None or w.metric.owner != "event":
        return None
    li, ri = w.li, w.ri
    if not q.counted:  # "three of the four soldiers died": the part is of the whole's soldiers
        whole = whole_after(w) if q.kind == "count" else None
        if whole is None or not whole.counted:
            return None
        li, ri = w.v.index_at(whole.start), w.v.index_at(whole.end)
    toks = w.toks
    head = next((t for t in reversed(toks[li:ri]) if t.word), None)
    if head is None or not head.has(SUBSET):
        return None
    words = [t.text for t in toks[li:ri] if t.word and not t.text[:1].isdigit()
             and t.low not in ("other", "others", "more", "another") and not _is_number_word(t.low)
             and t.low not in WORDS.qual_words and not t.has(DET | PREP | METRIC_VERB)]
    return " ".join(words).lower() if words else None  # "23 trapped miners": the miners


def _is_number_word(low: str) -> bool:
    return low in lexicon.numbers().cardinals or low in lexicon.numbers().scales or low in lexicon.numbers().plurals


def _of_them_scope(w: Work) -> str | None:
    """"five of them", "including 30 rebels": a part of the figure before it."""
    included = w.memo.get("included")
    if isinstance(included, str):
        return included
    return w.scope if w.scope == "of them" else None


def _party(w: Work) -> str | None:
    """"Berlin's decision to lend €22.4bn", "the country's share of the bailout, €22bn": a
    sum one party gives of a whole (its share) is a part of that whole."""
    if w.metric is None or w.q.kind != "currency" or lexicon.metrics().entries.get(w.metric.name) is None:
        return None
    if lexicon.metrics().entries[w.metric.name].event is None:
        return None
    toks = w.toks
    lo = max(0, w.li - 10)
    share = any(t.low in WORDS.share for t in toks[lo : w.li])
    name = None
    for i, j in w.v.name_runs():
        if lo <= i and j <= w.li and toks[j - 1].possessive:
            name = w.v.run_text(i, j)
    if name:
        return f"{name}'s share" if share else name
    return "a share" if share else None


def _site_of_when(w: Work) -> str | None:
    """"killed six children when a mosque collapsed": a site named right after
    "when/after/as" in the figure's sentence is where the figure happened."""
    if w.metric is None or w.metric.owner != "event":
        return None
    toks = w.toks
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    for k in range(w.ri, min(len(toks), w.ri + 12)):
        if toks[k].low in ("when", "after", "as") and k + 1 < len(toks):
            for x in range(k + 1, min(len(toks), k + 4)):
                t = toks[x]
                if t.has(SITE) and not t.cap and _singular_site(t.low) not in WORDS.plain_sites:
                    site = _singular_site(t.low)
                    return None if doc is not None and doc.label.endswith(f"({site})") else site
            return None
    return None


def _one_of_several(w: Work) -> str | None:
    """In a report on several events at once ("a series of quakes"), a magnitude or a depth
    belongs to one of them: "the first quake, magnitude 7.6"; without such a word it is
    compared with nothing."""
    ev = w.event
    doc = w.s.event if isinstance(w.s.event, EventRef) else None
    if w.metric is None or (w.metric.name not in WORDS.single_metrics and not w.metric.name.startswith("distance")):
        return None
    own = next((m for m in mentions(w.v) if w.ri <= m.i < w.ri + 3), None)
    if own is not None and _is_plural(w.v, own):
        return "one of several"  # "7.6 and 7.5 magnitude quakes"
    if doc is None or not doc.plural or not isinstance(ev, EventRef) or ev.background:
        return None
    toks = w.toks
    words = [t.low for t in toks[max(0, w.li - 6) : w.li]]
    named = next((x for x in reversed(words) if x in WORDS.ordinals), None)
    return f"{named} {doc.cls}" if named else "one of several"


def _bracketed(w: Work) -> str | None:
    """"200,000 (20,000 of them in one march)": an aside to the figure before it."""
    from .binding import bracketed_alternative

    return "aside" if bracketed_alternative(w) else None


def _additional(w: Work) -> str | None:
    """"Another two people were killed", "four other people died", "the other two bombs",
    "tens of thousands more": figures added to a total the document gave before, so a part of it, not a rival
    total. ("55 others injured" after "30 people killed" are the injured, not more dead.)"""
    if w.metric is None or w.metric.name not in w.s.metrics_seen:
        return None
    toks = w.toks
    before = {t.low for t in toks[max(0, w.li - 2) : w.li]}
    inner = {t.low for t in toks[w.li : w.ri]}
    after = [t.low for t in toks[w.ri : w.ri + 2]]
    if (before | inner) & WORDS.adding or (after[:1] == ["more"]):
        return "additional"
    if {"other", "others"} & (inner | set(after[:1]) | before):  # "the other two bombs"
        prev = w.claims_so_far[-1][1] if w.claims_so_far else None
        if prev is None or prev.name == w.metric.name:
            return "additional"
    return None


SCOPE: Table[str] = register(Table("scope", (
    Rule("part of the figure before", "'of them' after the figure, or 'including' before it", _of_them_scope,
         "\"Five of them\", \"including 30 rebels\" is a part of the figure before it.",
         "55 people were injured, five of them children"),
    Rule("aside", "a bracket right after a figure of the same unit", _bracketed,
         "A figure in brackets after one of the same unit is an aside (a part, another estimate): compared with nothing.",
         "an estimated 200,000 (20,000 in the union's own march)"),
    Rule("one of several", "a magnitude or depth in a report on several events", _one_of_several,
         "In a report on \"a series of quakes\", a magnitude belongs to one of them (\"the first quake\"), not to all.",
         "A series of quakes hit the island; the first, magnitude 7.6, struck at dawn."),
    Rule("party's share", "a possessive name or 'share of' before a sum", _party,
         "A sum one party gives of a whole (\"Berlin's decision to lend €22bn\") is its share, not the whole.",
         "Berlin's decision to lend €22.4bn to Greece"),
    Rule("place", "'in/at/near' + a place in the figure's clause", _place_scope,
         "A place (or site) the figure's clause names, other than the story's own places.",
         "A quake hit Varn province. In the Lumo district, 10 people were killed."),
    Rule("site of a when-clause", "a site right after 'when/after/as' following the figure", _site_of_when,
         "\"Six children were killed when a mosque collapsed\": the site is where the figure happened.",
         "Six children died when a school collapsed."),
    Rule("additional", "'another', 'other', 'further' by a figure whose metric came before", _additional,
         "\"Another two people were killed\" adds to a toll given before: a part, not the total.",
         "Five people died. Another two people were killed."),
    Rule("subset of people", "the counted noun", _subset_scope,
         "A count of children, soldiers, workers ... is a subset of the toll, not the whole.",
         "six children were killed"),
)))


# --------------------------------------------------------------------------- TIME


@dataclass(frozen=True, slots=True)
class TimePick:
    """A time decision: value (ISO where known), the words as written, and its basis."""

    value: str | None
    text: str | None
    basis: str  # "stated" | "earlier" | "published" | "event"


def _stated_time(w: Work) -> TimePick | None:
    """A time phrase opening the sentence ("In March, ...") or the nearest one in the figure's
    own clause, unless it hangs on an event noun of its own ("a clampdown last year")."""
    t = _time_for(w.v, w.v.times, w.q)
    if t is None:
        return None
    return TimePick(t.value or t.text, t.text, "stated")


def _time_for(v: SentenceView, times: Sequence[TimeExpr], q: Quantity) -> TimeExpr | None:
    toks = v.tokens
    best: tuple[int, TimeExpr] | None = None
    qi = v.index_at(q.start)
    for t in times:
        if (t.end > q.start and t.start < q.end) or (t.kind == "weekday" and not _weekday_dates(v, t)):
            continue
        ti = v.index_at(t.start)
        te = v.index_at(t.end)
        if t.relation != "during" and (
                (te < len(toks) and toks[te].has(EVENT_NOUN))
                or (te + 1 < len(toks) and toks[te + 1].has(EVENT_NOUN) and not toks[te].has(PREP))):
            continue  # "hit by 2004 tsunami", "the 2012 Indian Ocean quake": it dates that event
            # (not "detained during Sunday's clashes": the figure is of that day)
        opening = ti <= 1 and te < len(toks) and toks[te].text == ","
        if not opening and abs(ti - qi) > 22:
            continue
        if not opening:
            lo, hi = (te, qi) if te <= qi else (v.index_at(q.end), ti)
            between = toks[lo:hi]
            if te <= qi and len(between) >= 2 and between[0].text == "," and between[1].low == "when":
                between = between[2:]  # "since 2011, when 43 people died": the date the clause hangs on
            if len(between) > 20 or any(x.text in (",", ";", ":") or x.has(SUBORD | REL) for x in between):
                continue  # "... since Papandreou took office last October": another clause's time
            if te <= qi and any(x.low in ("and", "but") for x in between):
                continue  # "founded in 2007 and is backed with $60 million": the other predicate's
            if ti > 0 and toks[ti - 1].has(EVENT_NOUN) and te > qi:
                continue
            if ti > qi and any(toks[j].low in WORDS.made for j in range(max(qi, ti - 3), ti)):
                continue  # "1.25 million vehicles built between 2019 and 2022": when the things were made
        d = abs(ti - qi)
        if best is None or d < best[0]:
            best = (d, t)
    return best[1] if best else None


def _weekday_dates(v: SentenceView, t: TimeExpr) -> bool:
    """A weekday dates a figure when it comes with "on"/"by"/"late" or a time of day."""
    return t.relation in ("on", "by", "until", "as_of", "during") or t.text.lower().endswith(("night", "morning", "evening", "afternoon"))


_EARLIER_VERBS = frozenset({"said", "reported", "put", "gave", "says"})


def _earlier(w: Work) -> TimePick | None:
    """"the UN said earlier", "initially reported": before the document's own time."""
    a, b = w.v.clause_bounds(w.li)
    toks = w.toks
    lo, hi = max(0, a - 3), min(len(toks), b + 4)
    if not w.v.words.isdisjoint(_EARLIER_VERBS) and any(
            toks[k].low in WORDS.earlier and (toks[k].low != "first" or _first_reported(toks, k))
            for k in range(lo, hi)):
        p = _published(w)
        return TimePick(p.isoformat() if p else None, "earlier", "earlier")
    return None


def _first_reported(toks: Sequence[Token], k: int) -> bool:
    """Whether "first" at ``k`` dates a report ("first reported", "said at first"), not a
    thing ("the first quake", "Zipdrop first in line")."""
    before = toks[k - 1].low if k > 0 else ""
    after = toks[k + 1].low if k + 1 < len(toks) else ""
    return before == "at" or before in _EARLIER_VERBS or after in _EARLIER_VERBS


def _event_date(w: Work) -> TimePick | None:
    """A background event's figure refers to that event's date."""
    ev = w.event
    if isinstance(ev, EventRef) and ev.background and ev.date:
        return TimePick(ev.date, None, "event")
    return None


def _relative_time(w: Work) -> TimePick | None:
    """"10 of whom remain critical", "Most recently, it raised $20m": a later moment than the
    figures the document gives without such a word."""
    if w.v.words.isdisjoint(WORDS.later) and w.v.words.isdisjoint(WORDS.recent):
        return None  # no such word in the sentence at all
    a, b = w.v.clause_bounds(w.li)
    words = {t.low for t in w.toks[max(0, a - 3) : b]}
    if words & WORDS.later and w.metric is not None and not w.metric.cumulative:
        return TimePick("later", next(t.text for t in w.toks[max(0, a - 3) : b] if t.low in WORDS.later), "stated")
    if words & WORDS.recent:
        return TimePick("recent", next(t.text for t in w.toks[max(0, a - 3) : b] if t.low in WORDS.recent), "stated")
    return None


_FULL_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")


def _statement_day(w: Work) -> TimePick | None:
    """"Floods have killed 46 people, the agency said on Sunday": a running count is as of
    the day its source said it, not the day the report came out (read as of publication,
    an outlet's Sunday count published on Thursday came after another's Monday one, and a
    higher Monday count made a false "the toll fell"). A day the lede gives its source
    ("officials said on Monday") dates the report's other running counts too: dated one by
    one, a report's Monday and Thursday figures made a false fall against another's."""
    if w.metric is None or not w.metric.cumulative:
        return None
    said = said_on(w.v)
    if said is not None:
        return TimePick(said[0], said[1], "published")
    if w.s.said_on is not None:  # the lede's "officials said on Monday" dates the whole report
        return TimePick(w.s.said_on, None, "published")
    return None


def said_on(v: SentenceView) -> tuple[str, str] | None:
    """(ISO day, as written) a reporting verb of the sentence is dated with ("the agency said
    on Sunday"), or ``None``; read once a sentence."""
    if "said on" not in v.extras:
        v.extras["said on"] = _said_on(v)
    return v.extras["said on"]  # type: ignore[return-value]


def _said_on(v: SentenceView) -> tuple[str, str] | None:
    toks = v.tokens
    for t in v.times:
        if t.kind not in ("weekday", "date") or not t.value or not _FULL_DATE.fullmatch(t.value):
            continue
        ti = v.index_at(t.phrase_start)
        if any(toks[k].has(REPORT) for k in range(max(0, ti - 3), ti)):
            return t.value, t.text
    return None


def _publication(w: Work) -> TimePick | None:
    """Otherwise the figure is as of the document's publication date."""
    p = _published(w)
    return TimePick(p.isoformat(), None, "published") if p else None


TIME: Table[TimePick] = register(Table("time", (
    Rule("background date", "the date of a background event", _event_date,
         "A figure about an earlier event refers to that event's date.",
         "In 2004 a tsunami killed 230,000 people."),
    Rule("stated time", "time phrases in the figure's clause", _stated_time,
         "A time the sentence states for the figure (\"by Tuesday night\", \"In March\").",
         "By Tuesday night 11 people had died."),
    Rule("relative time", "'still', 'remain', 'recently' in the figure's clause", _relative_time,
         "\"two of them remain critical\", \"most recently\": a later moment than the document's other figures (never for a running toll, which the document dates).",
         "A flood hit Varn on Monday. Twelve people were hurt; two of them remain in a critical condition."),
    Rule("earlier report", "'earlier'/'initially' with a reporting verb", _earlier,
         "\"The UN said earlier\": the figure is older than the document.",
         "The UN said earlier that 30 people died."),
    Rule("statement day", "the day a reporting verb gives a running count", _statement_day,
         "\"... have killed 46 people, the agency said on Sunday\": a running count is as of the day it was said.",
         "Floods in Varn have killed 46 people, the agency said on Sunday."),
    Rule("publication date", "the document's publication date", _publication,
         "Any other figure is as of the day the document was published.",
         "Five people were killed."),
)))


_RUNNING = regex.compile(
    r"\b(?:so\s+far|rose|risen|rises|rising|climbed|climbing|has\s+grown|mounted|mounting|bringing|"
    r"taking\s+the|pushing|raising|confirmed\s+(?:death\s+)?toll|"
    r"initial|initially|preliminary|provisional|at\s+least|at\s+the\s+time|up\s+to\s+now|"
    r"earlier|could\s+rise|expected\s+to\s+rise|likely\s+to\s+rise|feared)\b",
    regex.I,
)


def is_running(v: SentenceView, q: Quantity) -> bool:
    """Whether the text presents a count as running or superseded ("so far", "rose to",
    "at least", "earlier"): a later, higher count updates it rather than contradicts it.

    Example:
        >>> from claimcheck.sentence import view, DocState
        >>> from claimcheck.models import Document
        >>> import claimcheck as cc
        >>> t = "The toll rose to 11."
        >>> d = Document(id="d", text=t)
        >>> is_running(view(t, 0, len(t), DocState.for_document(d)), cc.parse_quantities(t)[0])
        True
    """
    if q.qualifier in ("at_least", "more_than"):
        return True
    a, b = v.clause_bounds(v.index_at(q.start))
    lo = v.tokens[max(0, a - 6)].start if v.tokens else v.start
    hi = v.tokens[min(len(v.tokens), b) - 1].end if v.tokens else v.end
    return _RUNNING.search(v.text, lo, hi) is not None


# --------------------------------------------------------------------------- zero


_ZERO = regex.compile(
    r"\b(?P<z>no\s+one|nobody|no-one|none(?:\s+of\s+them)?|no\s+(?:people|person|lives|casualties|"
    r"deaths|fatalities|injuries|deaths\s+or\s+injuries|injuries\s+or\s+deaths|one\s+else))"
    r"(?P<rest>(?:\s+(?:was|were|had|has|have|been|is|are|reported|immediately|so\s+far|yet|"
    r"seriously|badly|critically|lost|being)){0,4}(?:\s+(?P<v>killed|dead|died|hurt|injured|wounded|"
    r"missing|reported|lost))?)",
    regex.I,
)


@functools.cache
def _casualty_words() -> dict[str, tuple[str, ...]]:
    return {"casualties": ("deaths", "injured"), "deaths": ("deaths",), "fatalities": ("deaths",),
            "lives": ("deaths",), "injuries": ("injured",), "deaths or injuries": ("deaths", "injured"),
            "injuries or deaths": ("deaths", "injured")}


def zero_quantities(v: SentenceView) -> list[tuple[Quantity, str]]:
    """"No one was killed", "there were no casualties", "no injuries": zero as a figure,
    with the metric it is about (one entry per metric: "no casualties" is no deaths and
    no injured).

    Example:
        >>> from claimcheck.sentence import view, DocState
        >>> from claimcheck.models import Document
        >>> t = "No one was killed, but there were no casualties reported."
        >>> d = Document(id="d", text=t)
        >>> [(q.text, q.value, m) for q, m in zero_quantities(view(t, 0, len(t), DocState.for_document(d)))]
        [('No one was killed', 0.0, 'deaths'), ('no casualties', 0.0, 'deaths'), ('no casualties', 0.0, 'injured')]
    """
    out: list[tuple[Quantity, str]] = []
    t, a, b = v.text, v.start, v.end
    if t.find("no", a, b) < 0 and t.find("No", a, b) < 0 and t.find("NO", a, b) < 0 and t.find("nO", a, b) < 0:
        return out  # every phrase starts with "no" (no other letter folds to n or o)
    try:
        found = list(_ZERO.finditer(v.text, v.start, v.end, timeout=1.0) if v.end - v.start > _guard.TIMED_FROM
                     else _ZERO.finditer(v.text, v.start, v.end))
    except TimeoutError:  # pragma: no cover - the pattern is linear
        _guard.note_skipped(v.start, v.end, "the zero-figure scan of the sentence timed out")
        return out
    for m in found:
        z = " ".join(m.group("z").lower().split())
        verb = (m.group("v") or "").lower()
        noun = z[3:] if z.startswith("no ") else ""
        if noun in _casualty_words():
            names = _casualty_words()[noun]
            end = m.end("z")
        elif verb in WORDS.zero_metrics:
            names = (WORDS.zero_metrics[verb],)
            end = m.end()
        else:
            continue
        q = Quantity(text=v.text[m.start() : end], start=m.start(), end=end, value=0.0, low=0.0,
                     high=0.0, kind="count", counted="person", rule="zero")
        out.extend((q, n) for n in names)
    return out
