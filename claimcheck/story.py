"""Stories: an incremental checker, many stories at once, extraction on several cores.

- :class:`Story` takes the documents of one story one at a time (or claims already
  extracted and stored) and gives, at any point, exactly the report
  :func:`claimcheck.check` gives on the same documents: each document is extracted once,
  when it arrives, and every report is assembled afresh from the per-document results by
  the same function ``check`` uses (:func:`claimcheck.check.assemble`), so the two cannot
  drift apart. Stories merge (:meth:`Story.merge`), which makes them the fold of a
  distributed group-by (the Dask recipe in docs/pipelines.md).
- :func:`check_stories` — one report per story of a mixed set of documents
  (``Document.story``), extraction spread over ``jobs`` processes.
- :func:`extract_results` — the per-document extraction ``check`` runs, on a process pool.

**Mixed stories.** ``check`` is given the documents of one story. When the documents of
one report fall into groups that share no event (:func:`mixed_story_warning`), or carry
different ``story`` values, the report says so in ``Report.warnings``. The test: every
claim about a document's *own* event (not a background one) names the kind of that event,
by its family ("earthquake"; "attack", "blast" and "fire" are all "violence"), and a
document is about the kinds that at least two of those claims, or a quarter of them, name
(a kind named once in passing among many figures does not count); documents about a kind
in common are linked, and so, through them, are the other kinds they are about.
When the linked groups are two or more, no event joins them: two stories. A document that
names no kind of event (a text of figures about a company, a lead sentence with no event
word) is never taken as evidence either way. The test cannot tell apart two stories about
events of the same kind (two earthquakes): check each story on its own.

Example:
    >>> import claimcheck as cc
    >>> story = cc.Story()
    >>> _ = story.add(cc.Document(id="a", text="Zorbix has 355 million monthly active users."))
    >>> _ = story.add(cc.Document(id="b", text="Zorbix has 396 million monthly active users."))
    >>> [f.kind for f in story.report().conflicts]
    ['conflict']
    >>> story.report() == cc.check(story.documents)
    True
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import _guard
from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .check import DocumentResult
    from .models import Claim, Document, Report

__all__ = [
    "Story",
    "check_stories",
    "extract_results",
    "finish",
    "iter_results",
    "mixed_story_warning",
    "report_of",
    "stored_results",
]

#: ``claimcheck.check.DEFAULT_TOLERANCE`` (not imported here: it would import the checker).
_DEFAULT_TOLERANCE = 0.1

#: A kind of event links a document to a story when at least this many of the document's
#: claims about its own events name it, or this share of them (see the module docstring).
_KIND_MIN, _KIND_SHARE = 2, 0.25

#: How many document ids a warning lists per group before "and N more".
_IDS_SHOWN = 6


# --------------------------------------------------------------------------- mixed stories


@functools.lru_cache(maxsize=4096)
def _event_family(label: str) -> str | None:
    """The kind of event a claim's ``event`` label names, by family; None for no kind."""
    from . import lexicon
    from .claims import STORY

    kind = label.split(" (", 1)[0].strip()
    if not kind or kind == STORY:
        return None
    cls = lexicon.events().classes.get(kind)
    return cls.family if cls is not None and cls.family else kind


def _ids_text(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:_IDS_SHOWN])
    return shown if len(ids) <= _IDS_SHOWN else f"{shown} and {len(ids) - _IDS_SHOWN} more"


def mixed_story_warning(documents: Iterable[Document], claims: Iterable[Claim]) -> list[str]:
    """``Report.warnings`` entries for documents that do not tell one story: documents
    carrying different ``story`` values, and documents that fall into groups sharing no
    event (see the module docstring for the test).

    Example:
        >>> import claimcheck as cc
        >>> docs = [cc.Document(id="q1", text="The earthquake killed 12 people."),
        ...         cc.Document(id="q2", text="The quake killed 14 people."),
        ...         cc.Document(id="r1", text="Robbers stole jewels worth 80 million euros in the heist.")]
        >>> claims = [c for d in docs for c in cc.extract(d)]
        >>> print(mixed_story_warning(docs, claims)[0])
        the documents seem to tell 2 different stories, which share no event: q1, q2 (earthquake); r1 (robbery). Check each story on its own (claimcheck.check_stories, claimcheck check --stories)
        >>> mixed_story_warning(docs[:2], claims[:2])
        []
    """
    from .wording import natural_key

    docs = list(documents)
    out: list[str] = []
    named = sorted({d.story for d in docs if d.story is not None}, key=natural_key)
    if len(named) > 1:
        out.append(f"the documents belong to {len(named)} stories ({_ids_text(named)}) and were checked as one; "
                   "check each story on its own (claimcheck.check_stories, claimcheck check --stories)")
    counts: dict[str, dict[str, int]] = {}
    for c in claims:
        if c.event and not c.background:
            family = _event_family(c.event)
            if family is not None:
                per = counts.setdefault(c.doc_id, {})
                per[family] = per.get(family, 0) + 1
    # a kind named once in passing (one figure of many) does not put a document in its story
    kinds = {doc_id: {k for k, n in per.items() if n >= _KIND_MIN or n >= _KIND_SHARE * sum(per.values())}
             for doc_id, per in counts.items()}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, fams in kinds.items():
        for f in fams:
            a, b = find(f"d\0{doc_id}"), find(f"k\0{f}")
            if a != b:
                parent[a] = b
    groups: dict[str, list[str]] = {}
    for doc_id in kinds:
        groups.setdefault(find(f"d\0{doc_id}"), []).append(doc_id)
    if len(groups) < 2:
        return out
    parts = []
    for ids in groups.values():
        families = sorted({f for i in ids for f in kinds[i]})
        parts.append((sorted(ids, key=natural_key), families))
    parts.sort(key=lambda p: natural_key(p[0][0]))
    described = "; ".join(f"{_ids_text(ids)} ({', '.join(fams)})" for ids, fams in parts)
    out.append(f"the documents seem to tell {len(parts)} different stories, which share no event: {described}. "
               "Check each story on its own (claimcheck.check_stories, claimcheck check --stories)")
    return out


def finish(report: Report, extra: Sequence[str] = ()) -> Report:
    """A report from :func:`claimcheck.check.assemble` with the warnings of this module:
    ``extra`` ones first (inputs skipped while reading), then the report's own, then the
    mixed-story warnings. ``check`` and :class:`Story` both end with this.

    Example:
        >>> from claimcheck.models import Report
        >>> finish(Report(warnings=("w",)), ["skipped x"]).warnings
        ('skipped x', 'w')
    """
    warnings = (*extra, *report.warnings, *mixed_story_warning(report.documents, report.claims))
    if warnings == report.warnings:
        return report
    return report.model_copy(update={"warnings": tuple(warnings)})


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a report is assembled, back as it was
    after. Assembling makes millions of small objects and no reference cycles; each time
    the collector runs it walks every live object, the claims given included, which costs
    a fifth of a large check (benchmarks/check_scale.py)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if not gc.get_freeze_count():
                # What the report holds lives on with it: filed straight into the oldest
                # generation (freeze, then unfreeze into the oldest), as the collector would
                # file it after walking it three times over. Not done when the caller froze
                # objects of its own, which unfreeze would release.
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def report_of(documents: Sequence[Document], results: Sequence[DocumentResult], opts: Any,
              cap: int | None, extra: Sequence[str] = ()) -> Report:
    """The report of ``documents`` from their extraction ``results``: ``assemble`` then
    :func:`finish`. ``check``, :class:`Story`, :func:`check_stories` and the command line
    all make their reports with this one function, so they cannot differ.

    Example:
        >>> from claimcheck.check import options
        >>> report_of([], [], options(), None).documents
        ()
    """
    from .check import assemble

    with _gc_paused():
        return finish(assemble(documents, results, opts, cap), extra)


# --------------------------------------------------------------------------- stored claims


def _stub(doc_id: str) -> Document:
    from .models import Document

    return Document(id=doc_id, text="")


def stored_results(documents: Sequence[Document], claims: Iterable[Claim] | None,
                   caller: str = "check") -> tuple[list[Document], dict[str, DocumentResult]]:
    """The documents of a check and the results of those whose claims were given.

    Claims are grouped by ``doc_id``; a document they name that is not among
    ``documents`` is added with an empty text and a warning (its claims keep their quotes
    and offsets). A document with no claim given is left to extraction.

    Raises:
        InputError: ``claims`` is not an iterable of claims.

    Example:
        >>> import claimcheck as cc
        >>> claims = cc.extract(cc.Document(id="a", text="Five people died."))
        >>> docs, results = stored_results([], claims)
        >>> [d.id for d in docs], results["a"].warnings
        (['a'], ("document 'a': checked from its stored claims, without its text",))
    """
    from .check import DocumentResult
    from .models import Claim

    docs = list(documents)
    if claims is None:
        return docs, {}
    if isinstance(claims, (str, bytes, bytearray, Mapping)) or not hasattr(claims, "__iter__"):
        raise InputError(f"{caller}(): claims must be an iterable of claimcheck.Claim, not {type(claims).__name__}")
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        if not isinstance(c, Claim):
            raise InputError(f"{caller}(): claims must be claimcheck.Claim objects, not {type(c).__name__}")
        by_doc.setdefault(c.doc_id, []).append(c)
    known = {d.id for d in docs}
    results: dict[str, DocumentResult] = {}
    for doc_id, cs in by_doc.items():
        warnings: tuple[str, ...] = ()
        if doc_id not in known:
            docs.append(_stub(doc_id))
            known.add(doc_id)
            warnings = (f"document {doc_id!r}: checked from its stored claims, without its text",)
        results[doc_id] = DocumentResult(doc_id, tuple(cs), (), warnings)
    return docs, results


# --------------------------------------------------------------------------- extraction


def _jobs(jobs: object) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise InputError(f"jobs must be a positive int (0: one per core), got {jobs!r}")
    return jobs or os.cpu_count() or 1


def _extract(doc: Document, extract: Callable[..., Iterable[Claim]] | None, aliases: dict[str, str],
             synonyms: dict[str, str], cap: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT) -> DocumentResult:
    from .check import _extract_one

    return _extract_one(doc, extract, aliases, synonyms, cap)


def _start_method() -> str | None:
    """Fork where the system has it and this process runs one thread (the workers then
    start with the lexicons loaded); else a fresh interpreter per worker (forking a
    process that runs threads can deadlock)."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def extract_results(documents: Sequence[Document], *, extract: Callable[..., Iterable[Claim]] | None = None,
                    aliases: Mapping[str, str] | None = None, metric_synonyms: Mapping[str, str] | None = None,
                    jobs: int = 1, progress: Callable[[int], None] | None = None,
                    max_claims_per_document: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT) -> list[DocumentResult]:
    """The extraction ``check`` runs, one :class:`~claimcheck.check.DocumentResult` per
    document in order, on ``jobs`` processes (0: one per core): :func:`iter_results` as a list.

    Example:
        >>> import claimcheck as cc
        >>> [len(r.claims) for r in extract_results([cc.Document(id="a", text="Five people died.")])]
        [1]
    """
    return list(iter_results(documents, extract=extract, aliases=aliases, metric_synonyms=metric_synonyms,
                             jobs=jobs, progress=progress, max_claims_per_document=max_claims_per_document))


def iter_results(documents: Sequence[Document], *, extract: Callable[..., Iterable[Claim]] | None = None,
                 aliases: Mapping[str, str] | None = None, metric_synonyms: Mapping[str, str] | None = None,
                 jobs: int = 1, progress: Callable[[int], None] | None = None,
                 max_claims_per_document: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT) -> Iterator[DocumentResult]:
    """The extraction ``check`` runs, one :class:`~claimcheck.check.DocumentResult` per
    document, yielded in the order of the documents as they are done, on ``jobs``
    processes (0: one per core). Reading a document stops at ``max_claims_per_document``
    claims, as ``check`` keeps them.

    Each document is extracted on its own, so a pool of processes gives exactly what one
    process gives. ``progress`` is called with 1 as each document is done (a progress bar's
    ``update``). With more than one job, ``extract`` must be picklable (a module-level
    function, not a lambda); the pool starts its workers by forking where the system can
    and this process runs no other thread, so that they begin with the lexicons this
    process has already loaded.

    Raises:
        InputError: a bad option, or an extractor result that is not claims of its document.

    Example:
        >>> import claimcheck as cc
        >>> docs = [cc.Document(id="a", text="Five people died."), cc.Document(id="b", text="Six died.")]
        >>> [r.doc_id for r in iter_results(docs, jobs=2)]
        ['a', 'b']
    """
    from .check import options

    n = _jobs(jobs)
    cap = _guard.claim_cap(max_claims_per_document)
    opts = options(aliases, metric_synonyms)
    al, syn = dict(opts.user_aliases), dict(opts.synonyms)
    docs = list(documents)
    if n == 1 or len(docs) < 2:
        for d in docs:
            r = _extract(d, extract, al, syn, cap)
            if progress is not None:
                progress(1)
            yield r
        return
    import concurrent.futures
    import multiprocessing

    work = functools.partial(_extract, extract=extract, aliases=al, synonyms=syn, cap=cap)
    context = multiprocessing.get_context(_start_method())
    chunk = max(1, min(16, len(docs) // (8 * n)))
    with concurrent.futures.ProcessPoolExecutor(max_workers=min(n, len(docs)), mp_context=context) as pool:
        for r in pool.map(work, docs, chunksize=chunk):
            if progress is not None:
                progress(1)
            yield r


# --------------------------------------------------------------------------- Story


class Story:
    """The documents of one story, checked as they arrive: at any point :meth:`report`
    is exactly ``claimcheck.check(story.documents, **options)``.

    Args:
        documents: documents (or texts) to start with, added in order with :meth:`add`.
        name: the story's name (``Document.story``); :meth:`of` takes it from a document.
        aliases, metric_synonyms, tolerance, extract, max_claims_per_document: as for
            :func:`claimcheck.check`.

    Each document is extracted once, by :meth:`add`; :meth:`report` assembles the report
    of all documents so far (the grouping of every claim: fast next to extraction). Claims
    extracted earlier and stored (``claimcheck extract``, :func:`claimcheck.read_claims`)
    are added with ``add(doc, claims)`` or :meth:`add_claims`, and are not extracted again.

    Raises:
        InputError: a bad option (when the story is made), a bad document, a document id
            already in the story (``add(..., replace=True)`` replaces it).

    Example:
        >>> import claimcheck as cc
        >>> s = cc.Story(["WeChat has 355 million monthly active users."])
        >>> claims = s.add("WeChat has 396 million monthly active users.")
        >>> [d.id for d in s.documents], len(s), len(claims)
        (['doc1', 'doc2'], 2, 1)
        >>> s.report().conflicts[0].spread > 0.1
        True
        >>> s.add(cc.Document(id="doc1", text="Again."))
        Traceback (most recent call last):
        ...
        claimcheck.errors.InputError: Story.add(): document 'doc1' is already in the story; remove it first or pass replace=True
    """

    def __init__(self, documents: Iterable[Document | str] = (), *, name: str | None = None,
                 aliases: Mapping[str, str] | None = None, metric_synonyms: Mapping[str, str] | None = None,
                 tolerance: float = _DEFAULT_TOLERANCE, extract: Callable[..., Iterable[Claim]] | None = None,
                 max_claims_per_document: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT) -> None:
        from .check import options

        options(aliases, metric_synonyms, tolerance)  # checks them now, not at the first report
        if extract is not None and not callable(extract):
            raise InputError("extract must be a callable taking a Document")
        self.name = _guard.optional_str("name", name, "Story")
        self._aliases = dict(aliases) if aliases else None
        self._synonyms = dict(metric_synonyms) if metric_synonyms else None
        self._tolerance = tolerance
        self._extract = extract
        self._cap = _guard.claim_cap(max_claims_per_document)
        self._docs: dict[str, Document] = {}
        self._results: dict[str, DocumentResult] = {}
        self._warnings: list[str] = []
        self._report: Report | None = None
        for d in _guard.documents(documents, "Story"):  # texts become doc1, doc2, … as in check
            self.add(d)

    # ------------------------------------------------------------------ building

    @classmethod
    def of(cls, doc: Document, **options: Any) -> Story:
        """A story of one document, named after its ``story``: the map step of a
        distributed check (extraction happens here, on the worker).

        Example:
            >>> import claimcheck as cc
            >>> cc.Story.of(cc.Document(id="a", text="Five people died.", story="flood")).name
            'flood'
        """
        s = cls(name=doc.story if isinstance(doc, _document_type()) else None, **options)
        s.add(doc)
        return s

    def add(self, doc: Document | str, claims: Iterable[Claim] | None = None, *, replace: bool = False) -> tuple[Claim, ...]:
        """Add a document, extracting its claims, or taking ``claims`` stored earlier; returns
        the claims it gives. A string becomes the document ``doc<N>`` (N: its place among the
        documents), as in ``check``.

        Raises:
            InputError: not a Document or a str; its id is already in the story (unless
                ``replace``); ``claims`` are not claims of this document.

        Example:
            >>> import claimcheck as cc
            >>> s = cc.Story()
            >>> [c.metric for c in s.add(cc.Document(id="a", text="Five people died."))]
            ['deaths']
        """
        from .check import DocumentResult

        if isinstance(doc, str):
            doc = _document_type()(id=f"doc{len(self._docs) + 1}", text=doc)
        doc = _guard.document(doc, "Story.add")
        if doc.id in self._docs and not replace:
            raise InputError(f"Story.add(): document {doc.id!r} is already in the story; "
                             "remove it first or pass replace=True")
        if claims is None:
            result = _extract(doc, self._extract, dict(self._aliases or {}), dict(self._synonyms or {}), self._cap)
        else:
            if isinstance(claims, (str, bytes, bytearray, Mapping)):
                raise InputError(f"Story.add(): claims must be a list of claimcheck.Claim, not {type(claims).__name__}")
            result = DocumentResult(doc.id, tuple(_guard.extracted_claims(claims, doc)), (), ())
        self._docs[doc.id] = doc
        self._results[doc.id] = result
        self._report = None
        return result.claims

    def add_claims(self, claims: Iterable[Claim]) -> None:
        """Add stored claims of documents not in the story yet, without their text (as
        ``check(claims=…)`` does: each such document gets an empty text and a warning);
        claims of a document already in the story replace its claims.

        Example:
            >>> import claimcheck as cc
            >>> s = cc.Story()
            >>> s.add_claims(cc.extract(cc.Document(id="a", text="Five people died.")))
            >>> [d.id for d in s.documents], s.report().warnings
            (['a'], ("document 'a': checked from its stored claims, without its text",))
        """
        known = [self._docs[k] for k in self._docs]
        docs, results = stored_results(known, claims, "Story.add_claims")
        for d in docs:
            if d.id in results:
                self._docs[d.id] = d
                self._results[d.id] = results[d.id]
        self._report = None

    def remove(self, doc_id: str) -> None:
        """Take a document out of the story (an article withdrawn, or about to be replaced).

        Raises:
            InputError: no document of that id is in the story.

        Example:
            >>> s = Story(["Five people died."]); s.remove("doc1"); len(s)
            0
        """
        if doc_id not in self._docs:
            raise InputError(f"Story.remove(): no document {doc_id!r} in the story")
        del self._docs[doc_id], self._results[doc_id]
        self._report = None

    def warn(self, message: str) -> None:
        """Add a warning to every report of this story, before the report's own (an input
        that could not be read, for one: ``claimcheck --skip-bad`` does this).

        Example:
            >>> s = Story(); s.warn("skipped feed line 3: not valid JSON"); s.report().warnings
            ('skipped feed line 3: not valid JSON',)
        """
        if not isinstance(message, str) or not message.strip():
            raise InputError("Story.warn() takes a non-empty message")
        self._warnings.append(_guard.one_line(message))
        self._report = None

    def merge(self, other: Story) -> Story:
        """A new story holding the documents of both (the combine step of a distributed
        group-by: ``dask.bag.foldby(key, Story.merge)``). The stories must have the same
        options; documents of ``other`` win over documents of the same id.

        Raises:
            InputError: not a Story, different options, or different names.

        Example:
            >>> import claimcheck as cc
            >>> a, b = cc.Story(["Five people died."]), cc.Story()
            >>> _ = b.add(cc.Document(id="x", text="Six people died."))
            >>> [d.id for d in a.merge(b).documents]
            ['doc1', 'x']
        """
        if not isinstance(other, Story):
            raise InputError(f"Story.merge() takes a Story, not {type(other).__name__}")
        if self._settings() != other._settings():
            raise InputError("Story.merge(): the stories were made with different options")
        if self.name is not None and other.name is not None and self.name != other.name:
            raise InputError(f"Story.merge(): stories {self.name!r} and {other.name!r} are not one story")
        out = Story.__new__(Story)
        out.__dict__.update(self.__dict__)
        out.name = self.name if self.name is not None else other.name
        out._docs = {**self._docs, **other._docs}
        out._results = {**self._results, **other._results}
        out._warnings = [*self._warnings, *other._warnings]
        out._report = None
        return out

    def _settings(self) -> tuple[Any, ...]:
        return (self._aliases, self._synonyms, self._tolerance, self._extract, self._cap)

    # ------------------------------------------------------------------ reading

    @property
    def documents(self) -> tuple[Document, ...]:
        """The documents so far, in the order they arrived.

        Example:
            >>> [d.id for d in Story(["a text", "another"]).documents]
            ['doc1', 'doc2']
        """
        return tuple(self._docs.values())

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim extracted or stored so far, by document in arrival order (before the
        per-document cap; the report's claims are capped and sorted).

        Example:
            >>> len(Story(["Five people died.", "Six people died."]).claims)
            2
        """
        return tuple(c for r in self._results.values() for c in r.claims)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def __repr__(self) -> str:
        name = f" {self.name!r}" if self.name is not None else ""
        return f"<Story{name}: {len(self._docs)} documents, {sum(len(r.claims) for r in self._results.values())} claims>"

    def report(self) -> Report:
        """The report of the documents so far: ``check``'s, with this story's warnings first.

        Example:
            >>> Story().report().documents
            ()
        """
        if self._report is None:
            from .check import options

            # a fresh options object for every report: it holds the wire copies and names of one check
            opts = options(self._aliases, self._synonyms, self._tolerance)
            docs = list(self._docs.values())
            results = [self._results[d.id] for d in docs]
            self._report = report_of(docs, results, opts, self._cap, self._warnings)
        return self._report

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_report"] = None  # rebuilt where it is needed, never shipped
        return state


def _document_type() -> type[Document]:
    from .models import Document

    return Document


# --------------------------------------------------------------------------- many stories


def check_stories(docs: Iterable[Document], *, jobs: int = 1, aliases: Mapping[str, str] | None = None,
                  metric_synonyms: Mapping[str, str] | None = None, tolerance: float = _DEFAULT_TOLERANCE,
                  extract: Callable[..., Iterable[Claim]] | None = None,
                  max_claims_per_document: int | None = _guard.MAX_CLAIMS_PER_DOCUMENT,
                  progress: Callable[[int], None] | None = None) -> dict[str | None, Report]:
    """One report per story: the documents grouped by ``Document.story`` (``None`` for
    documents without one), each group checked as ``check`` checks it, extraction spread
    over ``jobs`` processes (0: one per core). Stories come in name order.

    Raises:
        InputError: as :func:`claimcheck.check`; two documents of one story share an id.

    Example:
        >>> import claimcheck as cc
        >>> docs = [cc.Document(id="01", text="Zorbix has 355 million monthly active users.", story="zorbix"),
        ...         cc.Document(id="02", text="Zorbix has 396 million monthly active users.", story="zorbix"),
        ...         cc.Document(id="01", text="The flood killed 12 people.", story="flood")]
        >>> {name: len(r.conflicts) for name, r in check_stories(docs).items()}
        {'flood': 0, 'zorbix': 1}
    """
    from .check import options
    from .wording import natural_key

    options(aliases, metric_synonyms, tolerance)
    cap = _guard.claim_cap(max_claims_per_document)
    if extract is not None and not callable(extract):
        raise InputError("extract must be a callable taking a Document")
    if isinstance(docs, (str, bytes, bytearray, Mapping)):
        _guard.documents(docs, "check_stories")
    groups: dict[str | None, list[Document]] = {}
    for i, d in enumerate(docs):
        if not isinstance(d, _document_type()):
            raise InputError(f"document {i} is {type(d).__name__}; check_stories() takes claimcheck.Document "
                             "objects (their story field groups them)")
        groups.setdefault(d.story, []).append(d)
    for name, ds in groups.items():
        seen: set[str] = set()
        for d in ds:
            if d.id in seen:
                story = f" of story {name!r}" if name is not None else ""
                raise InputError(f"duplicate document id {d.id!r}{story}: every document of a story needs its own id")
            seen.add(d.id)
    order = sorted(groups, key=lambda n: (n is not None, natural_key(n or "")))
    flat = [d for n in order for d in groups[n]]
    results = iter(extract_results(flat, extract=extract, aliases=aliases, metric_synonyms=metric_synonyms,
                                   jobs=jobs, progress=progress, max_claims_per_document=cap))
    out: dict[str | None, Report] = {}
    for n in order:
        rs = [next(results) for _ in groups[n]]
        out[n] = report_of(groups[n], rs, options(aliases, metric_synonyms, tolerance), cap)
    return out
