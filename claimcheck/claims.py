"""Claims: bind every quantity to its frame — metric, event, scope, subject, time, source.

:func:`extract` runs the claim stage on one document; :func:`analyse` also returns the
figures it set aside. The stage is orchestration only::

    segment (sentences, repeats, boilerplate, headline)
      -> parse_quantities (once over the whole text)
      -> one SentenceView per sentence (tokens, figures, times, names — built once)
      -> the document's own event (frames.document_event)
      -> per sentence: attribution (read once), hedging
      -> per figure, rule tables in order:
           NOT_A_CLAIM  (binding)  a figure that is no claim is set aside, with the rule
           METRIC       (binding)  canonical metric, from data/metrics.toml
           EVENT        (frames)   the document's event or a background one
           SCOPE        (frames)   the part of the event it covers, if any
           SUBJECT      (binding)  the event (or its part), or the entity named
           TIME         (frames)   as-of time and its basis
           ATTRIBUTION  (attribution) who says so
      -> zero claims ("no one was killed"), relations ("twice as many"), announcement days

Every claim names the rule of each decision in ``Claim.rule``; every quantity that gives
no claim is listed in :attr:`Extraction.set_aside` with the rule that set it aside.
``docs/claims.md`` lists every rule with an example.

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from . import _guard, lexicon
from . import attribution as _attr
from . import frames as _frames
from . import text as _text
from .binding import (
    METRIC,
    NOT_A_CLAIM,
    STORY_CLASS,
    SUBJECT,
    MetricPick,
    Work,
    event_class_of,
    per_period,
    restated,
    sentence_topic,
)
from .errors import InputError  # noqa: F401  (raised by _guard, documented here)
from .models import Attribution, Claim, Document, Quantity, Relation, SetAside, Span
from .quantities import parse_prefix, parse_quantities
from .rules import REGISTRY, Rule, Table, register
from .sentence import DocState, SentenceView, view

__all__ = ["STORY", "Extraction", "analyse", "extract", "story_event"]

#: The subject of a figure that only the story itself can own, in a text that names no
#: event at all ("1,200 people were evacuated"): check() compares such figures together.
STORY = STORY_CLASS

#: The longest stretch of a run-on "sentence" bound at once: keeps extract() linear.
_MAX_PIECE = 600

# "Tencent announced that the accounts would be suspended": an organisation stating its own
# act is reported as fact, not as a claim attributed to it (english.toml flag not_a_cue).
_REASONS = {
    "no metric": "no rule found what the figure measures",
    "no subject": "no rule found whom the figure is about",
    "boilerplate": "the figure is in page furniture (a dateline, an advert, a sign-up line)",
    "repeated sentence": "the sentence repeats an earlier one of the document",
    "relation": "the figure relates two claims ('twice as many'): it is their Claim.relation",
    "claims cap": "the document gave more claims than max_claims_per_document (or ten times as many figures); "
                  "figures past the cap are not read",
}

#: A document is read until it gives ``max_claims_per_document`` claims, or until it has
#: shown this many times as many figures (a table of bare numbers makes no claims).
_FIGURES_PER_CLAIM = 10


@dataclass(frozen=True)
class Extraction:
    """The claim stage's result for one document: claims, figures set aside, warnings.

    Example:
        >>> x = analyse("In 2013, 5 people were killed.")
        >>> [c.quantity.value for c in x.claims], [(s.quantity.text, s.rule) for s in x.set_aside]
        ([5.0], [('2013', 'date or multiplier')])
    """

    claims: list[Claim]
    set_aside: list[SetAside]
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Pending:
    """A claim being built (fields of :class:`Claim`, plus the metric decision)."""

    fields: dict[str, Any]
    metric: MetricPick
    headline: bool = False


def _attributed(w: Work, sa: _attr.SentenceAttribution) -> Attribution | None:
    """The attribution covering the figure; its rule (or "not a cue", when the sentence's only
    reporting word was turned down) goes into the claim's rules."""
    att = sa.covering(w.q.start, w.q.end)
    if att is not None:
        w.rules["attribution"] = att.rule
    elif sa.turned_down():
        w.rules["attribution"] = "not a cue"
    return att


# --------------------------------------------------------------------------- entry points


def extract(
    doc: Document | str,
    *,
    aliases: Mapping[str, str] | None = None,
    metric_synonyms: Mapping[str, str] | None = None,
    story_event: str | None = None,
    max_claims_per_document: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT,
) -> list[Claim]:
    """The claims of one document: each quantity bound to its frame and source.

    Args:
        doc: a :class:`Document`, or a plain string (its id is then ``"doc"``).
        aliases: extra entity aliases, ``{"We Chat": "WeChat"}``; they win over the built-in ones.
        metric_synonyms: extra metric synonyms, ``{"MAU": "monthly active users"}``.
        story_event: the event the story is about ("earthquake"), when the document's own
            headline and lede should not decide it.
        max_claims_per_document: the first this many claims (in text order) are kept, as
            :func:`claimcheck.check` keeps them; the figures after them are not read (a scraped
            table or hostile text of thousands of figures stays fast). ``None`` keeps all.
            :func:`analyse` says in its warnings when the cap was reached.

    Returns:
        Claims in text order. A sentence the document repeats gives one claim whose
        ``repeats`` lists the other occurrences; a headline figure its body restates is a
        repeat of the body's claim. Scraped boilerplate gives none.

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
    return analyse(doc, aliases=aliases, metric_synonyms=metric_synonyms, story_event=story_event,
                   max_claims_per_document=max_claims_per_document).claims


def analyse(
    doc: Document | str,
    *,
    aliases: Mapping[str, str] | None = None,
    metric_synonyms: Mapping[str, str] | None = None,
    story_event: str | None = None,
    max_claims_per_document: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT,
) -> Extraction:
    """:func:`extract`, with the quantities that gave no claim and the rule that set each aside.

    Args:
        doc: a :class:`Document`, or a plain string.
        aliases: extra entity aliases.
        metric_synonyms: extra metric synonyms.
        story_event: see :func:`extract`.
        max_claims_per_document: see :func:`extract`; past the cap, figures are set aside
            with the rule "claims cap" and a warning says where reading stopped.

    Returns:
        An :class:`Extraction`. Every quantity :func:`claimcheck.parse_quantities` finds in
        the document is either the quantity (or a repeat) of a claim, or set aside.

    Raises:
        InputError: as :func:`extract`.

    Example:
        >>> x = analyse("Two officials said 4 people died.")
        >>> [(s.quantity.text, s.rule) for s in x.set_aside]
        [('Two officials', 'speakers')]
    """
    d = _guard.document(doc, "extract")
    hint = _guard.optional_str("story_event", story_event, "extract")
    cap = _guard.claim_cap(max_claims_per_document)
    state = DocState.for_document(d, _guard.str_map("aliases", aliases), _synonyms(metric_synonyms))
    with _guard.collecting() as skipped:  # a scan that timed out says what it skipped
        x = _Reader(d, state, hint, cap).run()
    x.warnings.extend(_guard.skipped_warnings(d.id, skipped))
    return x


def story_event(docs: Sequence[Document]) -> str | None:
    """The event a set of documents about one story share: the most common kind of event of
    their headlines and ledes.

    Example:
        >>> story_event([Document(id="a", text="A raid on a jeweller."),
        ...              Document(id="b", text="The heist took minutes."),
        ...              Document(id="c", text="Armed robbers struck.")])
        'robbery'
    """
    counts: dict[str, int] = {}
    for d in docs:
        r = _Reader(d, DocState.for_document(d), None)
        r.segment()
        ev = r.state.event
        if isinstance(ev, _frames.EventRef):
            counts[ev.cls] = counts.get(ev.cls, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda e: (-counts[e], e))


# --------------------------------------------------------------------------- the reader


class _Reader:
    """Reads one document: builds the views once, then binds every figure."""

    def __init__(self, doc: Document, state: DocState, hint: str | None, cap: int | None = None) -> None:
        self.cap = cap
        self.bound = 0  # claims bound so far
        self.doc = doc
        self.text = doc.text
        self.state = state
        self.hint = hint
        self.views: list[SentenceView] = []
        self.owner: dict[int, int] = {}  # id(view) -> sentence index
        self.sentences: list[_text.Sentence] = []
        self.quantities: list[Quantity] = []
        self.set_aside: list[SetAside] = []
        self.by_sentence: dict[int, list[_Pending]] = {}
        self.accounted: set[tuple[int, int]] = set()
        self.unread: list[tuple[int, list[Quantity]]] = []  # pieces past the reading limit
        self.unparsed_from: int | None = None  # where parsing stopped (parse_prefix), if it did

    # ---- segmentation and views

    def segment(self) -> None:
        text = self.text
        self.sentences = _text.segment(text)
        if self.cap is None:
            self.quantities = parse_quantities(text)
        else:  # a dense hostile text: no need to parse past what the cap lets be read and listed
            self.quantities, self.unparsed_from = parse_prefix(text, (_FIGURES_PER_CLAIM + 1) * self.cap)
        self.quantities = _levels_of_a_change(text, self.quantities)
        starts = [q.start for q in self.quantities]
        headline = _headline_index(self.sentences, self.doc)
        # past this many figures the run loop reads no further: their sentences need no view
        limit = _FIGURES_PER_CLAIM * self.cap if self.cap is not None else None
        viewed = 0
        for si, s in enumerate(self.sentences):
            lo = bisect.bisect_left(starts, s.start)
            hi = bisect.bisect_left(starts, s.end)
            sq = [q for q in self.quantities[lo:hi] if q.end <= s.end]
            if not s.claimable:
                self._aside(sq, "boilerplate")
                continue
            if s.repeat_of is not None:
                continue  # handled when the claims of the first occurrence are known
            for a, b, pq in _pieces(text, s.start, s.end, sq):
                if limit is not None and viewed >= limit:
                    self.unread.append((a, pq))
                    continue
                v = view(text, a, b, self.state, pq, si, headline=(si == headline))
                viewed += len(pq)
                self.views.append(v)
                self.owner[id(v)] = si
        published = _published(self.doc)
        years = [int(t.value[:4]) for v in self.views for t in v.times
                 if t.value and t.value[:4].isdigit() and t.kind in ("year", "month", "date")]
        self.state.ref_year = max(years) if years else None
        if self.hint:
            cls = event_class_of(self.hint)
            self.state.event = _frames.EventRef(cls[0] if cls else self.hint, self.hint, self.hint)
        else:
            self.state.event = _frames.document_event(self.views, published) or _frames.EventRef(STORY, STORY, STORY)
        self.state.story_places = _story_places(self.views[:2])
        self.state.said_on = next((d[0] for d in map(_frames.said_on, self.views[:2]) if d), None)

    def run(self) -> Extraction:
        self.segment()
        stopped: int | None = None
        read = 0  # figures read: a text of figures that make no claim ("12, 12, ...") stops too
        capped: list[Quantity] = []
        for v in self.views:
            if self.cap is not None and (self.bound >= self.cap or read >= _FIGURES_PER_CLAIM * self.cap):
                stopped = v.start if stopped is None else stopped
                capped.extend(f.q for f in v.figures)
                continue
            read += len(v.figures)
            self._sentence(v)
        for a, qs in self.unread:  # never viewed: past the figures the cap lets the reader read
            stopped = a if stopped is None else stopped
            capped.extend(qs)
        pending = [p for si in sorted(self.by_sentence) for p in self.by_sentence[si]]
        if self.cap is not None and len(pending) > self.cap:
            pending.sort(key=lambda p: (p.fields["span"].start, p.fields["span"].end))
            capped[:0] = [p.fields["quantity"] for p in pending[self.cap :]]
            stopped = pending[self.cap].fields["span"].start if stopped is None else stopped
            kept = {id(p) for p in pending[: self.cap]}
            pending = pending[: self.cap]
            self.by_sentence = {si: [p for p in ps if id(p) in kept] for si, ps in self.by_sentence.items()}
        # the figures past the cap: listed (the first ``cap`` of them) and counted in a warning
        self._aside(capped[: self.cap], "claims cap")
        self.accounted.update((q.start, q.end) for q in capped[self.cap or 0 :])  # counted in the warning
        self._repeats()
        pending = _merge_headline(pending)
        claims = []
        for p in pending:
            p.fields["repeats"] = tuple(p.fields["repeats"])
            claims.append(Claim(**p.fields))
            self.accounted.add((p.fields["quantity"].start, p.fields["quantity"].end))
            for r in p.fields["repeats"]:
                self.accounted.add((r.start, r.end))
        self.set_aside = [x for x in self.set_aside if (x.quantity.start, x.quantity.end) not in self.accounted]
        self._unaccounted()
        claims.sort(key=lambda c: (c.span.start, c.span.end, c.id))
        self.set_aside.sort(key=lambda s: (s.quantity.start, s.quantity.end, s.rule))
        warnings = []
        n = len(capped)
        listed = "" if n <= (self.cap or 0) else f" (set_aside lists the first {self.cap:,})"
        if self.unparsed_from is not None:
            listed += f"; the text from character {self.unparsed_from:,} on was not read for figures"
        if stopped is not None and not claims:
            warnings.append(f"document {self.doc.id!r}: {_FIGURES_PER_CLAIM * (self.cap or 0):,} figures read without a "
                            f"claim; set {n:,} figures from character {stopped:,} on aside unread{listed}")
        elif stopped is not None:
            warnings.append(f"document {self.doc.id!r}: more claims than max_claims_per_document={self.cap:,}; "
                            f"kept the first {self.cap:,} (up to character {claims[-1].span.end:,}) and set "
                            f"{n:,} figures after them aside unread{listed}")
        return Extraction(claims, self.set_aside, warnings)

    # ---- one sentence

    def _sentence(self, v: SentenceView) -> None:
        st = self.state
        cued = not v.words.isdisjoint(_attr.cue_words())  # else there is nothing to read
        sa = _attr.analyse_sentence(self.text, v.start, v.end, self.doc.id, st.aliases, st.previous,
                                    lexicon.english().verbs_with("not_a_cue"),
                                    words=[(t.start, t.low) for t in v.tokens] if cued else [])
        whole = sa.whole()
        hedged = bool(v.figures) and _attr.is_hedged(v.sentence_text, v.start, v.words)
        out: list[_Pending] = []
        so_far: list[tuple[Quantity, MetricPick]] = []  # shared: each figure reads those before it
        subjects: list[tuple[Quantity, str, str, str]] = []
        for f in v.figures:
            w = Work(v, f, st)
            w.claims_so_far = so_far
            w.subjects_so_far = subjects
            p = self._figure(w, sa, hedged, out)
            if p is not None:
                out.append(p)
                so_far.append((p.fields["quantity"], p.metric))
                subjects.append((p.fields["quantity"], p.fields["subject"], p.fields["subject_text"],
                                 p.fields["rule"].get("subject", "")))
        out.extend(self._zeros(v, sa))
        for f in v.figures:
            if f.q.kind == "multiplier":
                _relation_for(v, f.q, out)
        hit = DAY.run(v, sa, self.doc)
        out.extend(hit.value if hit else [])
        if len(out) > 1:
            out.sort(key=lambda p: p.fields["span"].start)
        if whole is not None:
            st.previous = whole
        self._topic(v, out)
        doc_ev = st.event if isinstance(st.event, _frames.EventRef) else None
        found = _frames.mentions(v)
        if doc_ev is not None and found and any(m.cls == doc_ev.cls and not m.other and not m.date for m in found):
            st.last_story = v.index
        background = False
        for p in out:
            if p.fields["background"]:
                background = True
                st.recent.append(p.fields["_event"])
                st.recent_index = v.index
            p.fields.pop("_event", None)
        if not background and found:
            bg = [m for m in found if m.other or m.date]
            if bg:  # a sentence that names an earlier event without a figure still sets it up
                doc_ev = st.event if isinstance(st.event, _frames.EventRef) else None
                ref = _frames.background_ref(v, bg[0], doc_ev)
                if ref is not None:
                    st.recent.append(ref)
                    st.recent_index = v.index
        if out:
            si = self.owner[id(v)]
            self.by_sentence.setdefault(si, []).extend(out)
            self.bound += len(out)

    def _figure(self, w: Work, sa: _attr.SentenceAttribution, hedged: bool, out: list[_Pending]) -> _Pending | None:
        q = w.q
        hit = NOT_A_CLAIM.run(w)
        if hit is not None and hit.rule == "conversion":
            before = restated(w)  # the figure right before the bracket or ", or"
            twin = next((p for p in reversed(out) if before is not None
                         and (p.fields["quantity"].start, p.fields["quantity"].end) == (before.start, before.end)), None)
            if twin is not None:  # "€2 million ($2.6 million)": the same figure, restated
                return self._conversion(w, twin)
        if hit is not None:
            self._aside([q], hit.rule)
            if hit.rule == "whole of a part":  # given, though no claim: "the 12 villages" later is it again
                self.state.seen.add((q.value, q.counted, q.unit))
            return None
        m = METRIC.run(w)
        if m is None:
            self._aside([q], "no metric")
            return None
        w.metric = per_period(w, m.value)  # "150 new cases every day": a rate, no total
        w.rules["metric"] = m.rule
        ev = _frames.EVENT.run(w)
        w.event = ev.value if ev else None
        if ev:
            w.rules["event"] = ev.rule
        sc = _frames.SCOPE.run(w)
        w.scope = sc.value if sc else None
        if sc:
            w.rules["scope"] = sc.rule
        subj = SUBJECT.run(w)
        if subj is None:
            self._aside([q], "no subject")
            return None
        w.rules["subject"] = subj.rule
        self.state.seen.add((q.value, q.counted, q.unit))
        self.state.metrics_seen.add(m.value.name)
        return self._pending(w, subj.value, _attributed(w, sa), hedged)

    def _pending(self, w: Work, subject: tuple[str, str], att: Attribution | None, hedged: bool) -> _Pending:
        q, v, m = w.q, w.v, w.metric
        assert m is not None
        tm = _frames.TIME.run(w)
        if tm:
            w.rules["time"] = tm.rule
        t = tm.value if tm else None
        ev = w.event if isinstance(w.event, _frames.EventRef) else None
        metric = _apply_synonyms(m.name, m.text, self.state.synonyms)
        rules = {k: r for k, r in w.rules.items() if k in ("metric", "event", "scope", "subject", "time", "attribution")}
        fields: dict[str, Any] = {
            "id": _claim_id(self.doc.id, q, metric),
            "doc_id": self.doc.id,
            "subject": subject[0],
            "subject_text": subject[1],
            "metric": metric,
            "metric_text": m.text,
            "quantity": q,
            "event": ev.label if ev else None,
            "background": bool(ev and ev.background),
            "scope": w.scope if w.scope != "of them" else None,
            "time": t.value if t else None,
            "time_text": t.text if t else None,
            "time_basis": t.basis if t else None,
            "provisional": bool(m.cumulative and _frames.is_running(v, q)),
            "attribution": att,
            "span": Span.from_text(self.text, q.start, q.end, self.doc.id),
            "sentence": self._sentence_span(v),
            "hedged": hedged,
            "negated": _attr.is_negated(v.sentence_text, q.start - v.start, q.end - v.start, v.start),
            "repeats": [],
            "relation": None,
            "rule": rules,
            "_event": ev,
        }
        return _Pending(fields, m, v.headline)

    def _sentence_span(self, v: SentenceView) -> Span:
        """The span of the sentence (one for all its claims)."""
        span = v.extras.get("span")
        if span is None:
            span = v.extras["span"] = Span.from_text(self.text, v.start, v.end, self.doc.id)
        return span  # type: ignore[return-value]

    def _conversion(self, w: Work, twin: _Pending) -> _Pending:
        """A figure restated in other units in brackets: a claim with its twin's frame."""
        q = w.q
        fields = dict(twin.fields)
        fields.update({
            "id": _claim_id(self.doc.id, q, fields["metric"]),
            "quantity": q,
            "span": Span.from_text(self.text, q.start, q.end, self.doc.id),
            "repeats": [],
            "relation": None,
            "rule": {**twin.fields["rule"], "metric": "conversion"},
        })
        return _Pending(fields, twin.metric, twin.headline)

    def _zeros(self, v: SentenceView, sa: _attr.SentenceAttribution) -> list[_Pending]:
        """"No one was killed", "there were no casualties": zero as a figure, framed by the
        same EVENT and SCOPE tables as any other."""
        out = []
        for q, metric in _frames.zero_quantities(v):
            w = Work(v, _figure_for(v, q), self.state)
            w.metric = MetricPick(metric, q.text.lower(), "event", True)
            w.rules["metric"] = "zero"
            ev = _frames.EVENT.run(w)
            w.event = ev.value if ev else None
            w.rules["event"] = ev.rule if ev else "none"
            sc = _frames.SCOPE.run(w)
            w.scope = sc.value if sc else None
            subj = SUBJECT.run(w)
            if subj is None:
                continue
            w.rules["subject"] = subj.rule
            p = self._pending(w, subj.value, _attributed(w, sa), False)
            p.fields["negated"] = False
            out.append(p)
        return out

    def _topic(self, v: SentenceView, out: list[_Pending]) -> None:
        first = next((p for p in out if p.fields["quantity"].kind != "date"), None)
        if first is not None and first.fields["rule"].get("subject") not in ("event owner", "story event"):
            self.state.topic = (first.fields["subject"], first.fields["subject_text"])
            return
        new = sentence_topic(v)
        if new is not None and (first is None or self.state.topic is None):
            self.state.topic = new

    # ---- bookkeeping

    def _aside(self, qs: Iterable[Quantity], rule: str) -> None:
        reason = _REASONS.get(rule) or _rule_doc(rule)
        for q in qs:  # every field is validated already (the document's id, a parsed quantity)
            self.set_aside.append(SetAside.model_construct(doc_id=self.doc.id, quantity=q, rule=rule, reason=reason))

    def _repeats(self) -> None:
        """A repeated sentence gives no claims of its own: its spans are repeats of the first."""
        text = self.text
        starts = [q.start for q in self.quantities]
        for s in self.sentences:
            if not s.claimable or s.repeat_of is None:
                continue
            orig = self.sentences[s.repeat_of]
            shift = s.start - orig.start
            for p in self.by_sentence.get(s.repeat_of, []):
                sp: Span = p.fields["span"]
                p.fields["repeats"].append(Span.from_text(text, sp.start + shift, sp.end + shift, self.doc.id))
            lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
            claimed = {(r.start, r.end) for p in self.by_sentence.get(s.repeat_of, []) for r in p.fields["repeats"]}
            self._aside([q for q in self.quantities[lo:hi] if (q.start, q.end) not in claimed
                         and q.end <= s.end], "repeated sentence")

    def _unaccounted(self) -> None:
        """Quantities a rule turned into something else (a relation, a day) are set aside."""
        done = self.accounted | {(s.quantity.start, s.quantity.end) for s in self.set_aside}
        for q in self.quantities:
            if (q.start, q.end) not in done:
                rule = "relation" if q.kind == "multiplier" else "no metric"
                self._aside([q], rule)


# --------------------------------------------------------------------------- helpers


def _rule_doc(name: str) -> str:
    for table in REGISTRY.values():
        for r in table:
            if r.name == name:
                return r.doc
    return ""


def _figure_for(v: SentenceView, q: Quantity) -> Any:
    from .sentence import Figure

    return Figure(q, v.index_at(q.start), v.index_at(q.end))


#: "The senate voted 52 to 48": two counts (for and against), not a range.
_VOTED = regex.compile(r"(?i)\bvoted[ \t]++\Z")


@functools.cache
def _change_before() -> regex.Pattern[str]:
    verbs = sorted((v for v in lexicon.changes().verbs if " " not in v), key=len, reverse=True)
    return regex.compile(r"(?i)\b(?:" + "|".join(map(regex.escape, verbs)) + r")[ \t]++\Z")


def _levels_of_a_change(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """"The toll rose from 12 to 31", "unemployment fell from 5.2% to 4.9%": the parser
    reads a range (what a reader of the bare phrase sees); a claim is the level reached,
    31, and the level left, 12, is an earlier value (set aside). "The senate voted 52 to
    48" is two counts too, the votes for and against. Other ranges stay."""
    out: list[Quantity] = []
    for q in quantities:
        low = q.text.lower()
        to = low.rfind(" to ")
        lead = 5 if low.startswith("from ") else 0
        if q.qualifier != "range" or to < 0 or not (
                (lead and _change_before().search(text, max(0, q.start - 24), q.start))
                or (not lead and _VOTED.search(text, max(0, q.start - 12), q.start))):
            out.append(q)
            continue
        first = [x.model_copy(update={"start": x.start + q.start + lead, "end": x.end + q.start + lead})
                 for x in parse_quantities(text[q.start + lead : q.start + to])]
        second = [x.model_copy(update={"start": x.start + q.start + to + 4, "end": x.end + q.start + to + 4})
                  for x in parse_quantities(text[q.start + to + 4 : q.end])]
        if len(first) != 1 or len(second) != 1:
            out.append(q)
            continue
        out += [*first, *second]
    return out


def _headline_index(sentences: Sequence[_text.Sentence], doc: Document) -> int | None:
    """The index of the document's headline: a first paragraph of one short line, followed
    by more text (the usual layout of a scraped article), or the document's title."""
    first = next((i for i, s in enumerate(sentences) if s.claimable), None)
    if first is None:
        return None
    s = sentences[first]
    if doc.title and s.text.strip() == doc.title.strip():
        return first
    same_para = [x for x in sentences if x.paragraph == s.paragraph]
    more = any(x.paragraph > s.paragraph for x in sentences)
    if len(same_para) == 1 and more and len(s.text) <= 200 and not s.text.rstrip().endswith((".", ":")):
        return first
    return None


def _merge_headline(pending: list[_Pending]) -> list[_Pending]:
    """A headline figure the body restates ("Killing One" over "at least one person was
    killed") is the same claim: it is kept, marked ``rule["headline"] = "restates <id>"`` with
    the id of the body's claim, and takes that claim's frame (subject, event, scope): a
    headline's few words say less about them than the body's sentence."""
    body = [p for p in pending if not p.headline]
    for p in pending:
        if not p.headline:
            continue
        q = p.fields["quantity"]
        twin = next((b for b in body if b.fields["metric"] == p.fields["metric"]
                     and b.fields["quantity"].value == q.value and b.fields["quantity"].unit == q.unit), None)
        if twin is not None:  # the same claim: it takes the frame the body's sentence gives it
            p.fields["rule"] = {**p.fields["rule"], "headline": f"restates {twin.fields['id']}"}
            for key in ("subject", "subject_text", "event", "background", "scope"):
                p.fields[key] = twin.fields[key]
    return pending


def _story_places(views: Sequence[SentenceView]) -> frozenset[str]:
    """Names the headline and lede use as places: after in/at/near/off, or before 's. A
    headline in title case ("Three Killed In Athens Bank Fire") gives its single words
    that the document also capitalises mid-sentence."""
    out: set[str] = set()
    for v in views:
        toks = v.tokens
        words = [t for t in toks if t.word and t.text[:1].isalpha()]
        if v.headline and words and sum(t.cap for t in words) >= 0.7 * len(words):
            out.update(t.bare for t in words if t.cap and t.bare in v.state.midcaps)
            continue
        for i, j in v.name_runs():
            before = toks[i - 1].low if i > 0 else ""
            if before in ("a", "an") and i > 1:  # "at a Pico shopping centre"
                before = toks[i - 2].low
            last = toks[j - 1]
            if before in ("in", "at", "near", "off", "of", "across", "from", "rocks", "hits", "hit", "strikes") or last.possessive:
                out.add(v.run_text(i, j))
    return frozenset(out)


def _pieces(text: str, start: int, end: int, sq: Sequence[Quantity]) -> list[tuple[int, int, list[Quantity]]]:
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


def _published(doc: Document) -> _dt.date | None:
    p = doc.published
    return p.date() if isinstance(p, _dt.datetime) else p


def _synonyms(extra: Mapping[str, str] | None) -> dict[str, str]:
    return {lexicon.normalise_words(k): lexicon.normalise_words(v)
            for k, v in _guard.str_map("metric_synonyms", extra).items()}


def _apply_synonyms(name: str, text: str, user: Mapping[str, str]) -> str:
    for key in (lexicon.normalise_words(text), lexicon.normalise_words(name)):
        if key in user:
            return user[key]
    return name


def _claim_id(doc_id: str, q: Quantity, metric: str) -> str:
    key = "\x1f".join((doc_id, str(q.start), str(q.end), q.text, metric))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- relations, days

_THAN = regex.compile(r"\b(?:than|as)\b", regex.I)


def _relation_for(v: SentenceView, q: Quantity, claims: list[_Pending]) -> None:
    """Attach a Relation to the claim a multiplier compares ("twice as many X, 396 million,
    as Y's 143.8 million"): the first figure after the multiplier, against the first figure
    after the following "than"/"as"."""
    text = v.text
    if q.value is None:
        return
    claims.sort(key=lambda p: p.fields["span"].start)
    starts = [p.fields["quantity"].start for p in claims]
    i = bisect.bisect_left(starts, q.end)
    if i + 1 >= len(claims):
        return
    a = claims[i].fields
    m = _THAN.search(text, a["quantity"].end, min(len(text), a["quantity"].end + 80))
    if m is None:
        return
    j = bisect.bisect_left(starts, m.end(), i + 1)
    if j >= len(claims) or claims[j].fields["metric"] != a["metric"]:
        return
    span = Span.from_text(text, q.start, q.end, v.state.doc.id)
    a["relation"] = Relation(factor=q.value, qualifier=q.qualifier, other=claims[j].fields["id"], span=span)


def _day_claims(v: SentenceView, sa: _attr.SentenceAttribution, doc: Document) -> list[_Pending] | None:
    """Weekday claims: "the campaign started Tuesday" -> (campaign, announcement day, Tuesday);
    "the quake struck on Tuesday" -> (earthquake, day, Tuesday).

    Only a weekday a few words after a verb that dates the story's own event ("said",
    "launched", "struck"), in a sentence that names that event. "Said on Monday" dates the
    announcement of an event that is announced once (a deal, a campaign); of any other (a
    fire reported on day after day) it dates a statement and gives no claim."""
    out: list[_Pending] = []
    if not any(t.kind == "weekday" for t in v.times):
        return None
    day_verbs = lexicon.english().verbs["day_verbs"]
    event_verbs = lexicon.english().verbs["event_day_verbs"]
    doc_ev = v.state.event if isinstance(v.state.event, _frames.EventRef) else None
    if doc_ev is None or doc_ev.cls == STORY:
        return out
    own = [m for m in _frames.mentions(v) if m.cls == doc_ev.cls and not m.other and not m.date]
    if not own:
        return out
    cls = lexicon.events().classes.get(doc_ev.cls)
    announced = cls is not None and cls.announced
    start_verbs = lexicon.english().verbs["start_day_verbs"]
    for t in v.times:
        if t.kind != "weekday":
            continue
        ti = v.index_at(t.start)
        window = v.tokens[max(0, ti - 4) : ti]
        if not any(x.low in day_verbs for x in window):
            continue
        if any(x.low in event_verbs for x in window):
            metric = "day"
        elif announced:
            metric = "announcement day"
        elif any(x.low in start_verbs for x in window):
            metric = "day"  # "the fire started on Monday"
        else:
            continue  # "fire officials said on Monday": the day of a statement, not of the event
        subject = doc_ev.label
        q = Quantity(text=t.text, start=t.start, end=t.end, kind="date", rule="weekday")
        out.append(_Pending({
            "id": _claim_id(doc.id, q, metric), "doc_id": doc.id, "subject": subject,
            "subject_text": subject, "metric": metric, "metric_text": metric, "quantity": q,
            "event": subject, "background": False, "scope": None, "time": t.value or t.text,
            "time_text": t.text, "time_basis": "stated", "provisional": False,
            "attribution": sa.covering(t.start, t.end) or sa.whole(),
            "span": Span.from_text(v.text, t.start, t.end, doc.id),
            "sentence": Span.from_text(v.text, v.start, v.end, doc.id), "hedged": False,
            "negated": False, "repeats": [], "relation": None, "rule": {"day": "weekday of the event"},
            "_event": None,
        }, MetricPick(metric, metric, "event")))
    return out or None


#: Weekday claims (one rule): the day the story's event happened or was announced.
DAY: Table[list[_Pending]] = register(Table("day", (
    Rule("weekday of the event", "a weekday a few words after a verb that dates the story's event", _day_claims,
         "\"The quake struck on Tuesday\", \"the campaign started Tuesday\": a weekday claim about the "
         "story's own event (metric \"day\", or \"announcement day\" after 'said', 'launched', 'started' ...).",
         "A quake struck Varn on Tuesday, killing 12 people."),
)))
