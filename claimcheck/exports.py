"""The report's JSON layout and schema, standard exports, pint quantities and wire copy.

- **JSON layout** (:func:`dump_claims`, :func:`dump_findings`, :func:`dump_set_aside`,
  :func:`expand_report`): how :class:`claimcheck.Report` writes itself. Each claim is
  written once, in ``Report.claims``; a finding lists the ids of its claims. Spans and
  quantities point into ``documents[].text`` instead of copying it: a span whose text is
  the document's text at its offsets is written without ``exact`` (and without
  ``prefix``/``suffix`` when they are the usual context), a quantity without ``text``.
  Fields at their default value (``false``, ``null``, empty lists) are left out; the
  schema gives every default. Reading the JSON back puts everything in again, so
  ``Report.model_validate_json(r.to_json()) == r``.
- **JSON schema** (:func:`report_schema`): ``Report.model_json_schema()`` with ``$schema``,
  ``$id``, the layout above and a description on every field.
- **ClaimReview** (:func:`to_claimreview`) and **W3C Web Annotation**
  (:func:`to_web_annotations`) JSON-LD, with :func:`claimreview_problems` and
  :func:`web_annotation_problems` checking the fields the two vocabularies require.
- **pint** (:func:`to_pint`): a quantity in the application registry, or in one you pass.
- **Wire copy** (:func:`shared_sentences`, :func:`copied_documents`): which documents
  carry a claim's sentence word for word.

Example:
    >>> import claimcheck as cc
    >>> r = cc.check(["WeChat has 355 million monthly active users.",
    ...               "WeChat has 396 million monthly active users."])
    >>> import json
    >>> data = json.loads(r.to_json())
    >>> data["schema_version"], data["findings"][0]["claims"] == [c.id for c in r.claims]
    ('2', True)
    >>> "exact" in data["claims"][0]["span"], cc.Report.model_validate_json(r.to_json()) == r
    (False, True)
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import _guard
from .models import CONTEXT_CHARS, Claim, Document, Finding, Quantity, Span
from .units import definitions as unit_definitions

if TYPE_CHECKING:  # pragma: no cover
    import pint

    from .models import Report

__all__ = [
    "CLAIMREVIEW_RATINGS",
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "claimreview_problems",
    "copied_documents",
    "dump_claims",
    "dump_findings",
    "dump_set_aside",
    "expand_report",
    "jsonld_text",
    "report_schema",
    "safe_url",
    "shared_sentences",
    "text_fragment_url",
    "to_claimreview",
    "to_pint",
    "to_web_annotations",
    "web_annotation_problems",
]

#: Version of the report's JSON layout (``Report.schema_version``). 2: claims once, findings
#: cite claim ids, spans point into the documents' text, default values left out. JSON
#: without a version (the layout before 2, every claim copied into its findings) still reads.
SCHEMA_VERSION = "2"
#: ``$id`` of the committed schema, ``docs/schema/report.json``. An identifier, never fetched.
SCHEMA_ID = f"urn:claimcheck:schema:report:{SCHEMA_VERSION}"

# --------------------------------------------------------------------------- JSON layout


def _texts(documents: Iterable[Document]) -> dict[str, str]:
    return {d.id: d.text for d in documents}


def _span(s: Span, texts: Mapping[str, str], mode: str) -> dict[str, Any]:
    """A span as the report writes it: offsets only where the document text gives the rest."""
    t = texts.get(s.doc_id)
    if t is None or t[s.start:s.end] != s.exact:
        return s.model_dump(mode=mode, exclude_defaults=True)
    out: dict[str, Any] = {"doc_id": s.doc_id, "start": s.start, "end": s.end}
    if s.prefix != t[max(0, s.start - CONTEXT_CHARS):s.start]:
        out["prefix"] = s.prefix
    if s.suffix != t[s.end:s.end + CONTEXT_CHARS]:
        out["suffix"] = s.suffix
    return out


def _quantity(q: Quantity, text: str | None, mode: str) -> dict[str, Any]:
    d = q.model_dump(mode=mode, exclude_defaults=True)
    if text is not None and text[q.start:q.end] == q.text:
        del d["text"]
    return d


def _claim(c: Claim, texts: Mapping[str, str], mode: str) -> dict[str, Any]:
    d = c.model_dump(mode=mode, exclude_defaults=True)
    d["quantity"] = _quantity(c.quantity, texts.get(c.doc_id), mode)
    d["span"] = _span(c.span, texts, mode)
    d["sentence"] = _span(c.sentence, texts, mode)
    if c.repeats:
        d["repeats"] = [_span(s, texts, mode) for s in c.repeats]
    if c.attribution is not None:
        d["attribution"]["span"] = _span(c.attribution.span, texts, mode)
    if c.relation is not None:
        d["relation"]["span"] = _span(c.relation.span, texts, mode)
    return d


def dump_claims(report: Report, mode: str = "json") -> list[dict[str, Any]]:
    """``Report.claims`` as the report's JSON writes them (see the module docstring).

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check(["Five people died."])
        >>> sorted(dump_claims(r)[0]["span"])
        ['doc_id', 'end', 'start']
    """
    texts = _texts(report.documents)
    return [_claim(c, texts, mode) for c in report.claims]


def dump_set_aside(report: Report, mode: str = "json") -> list[dict[str, Any]]:
    """``Report.set_aside`` as the report's JSON writes it: quantities without their text
    where the document gives it.

    Example:
        >>> from claimcheck.models import Report, SetAside, Quantity, Document
        >>> q = Quantity(text="2004", start=3, end=7, value=2004, kind="date")
        >>> r = Report(documents=(Document(id="d", text="In 2004."),),
        ...            set_aside=(SetAside(doc_id="d", quantity=q, rule="date"),))
        >>> dump_set_aside(r)[0]["quantity"]
        {'start': 3, 'end': 7, 'value': 2004.0, 'kind': 'date'}
    """
    texts = _texts(report.documents)
    out = []
    for s in report.set_aside:
        d = s.model_dump(mode=mode, exclude_defaults=True)
        d["quantity"] = _quantity(s.quantity, texts.get(s.doc_id), mode)
        out.append(d)
    return out


def _claim_index(claims: Sequence[Claim]) -> dict[str, Claim | None]:
    """Claim id -> the claim, or None for an id two different claims share (cited in full)."""
    index: dict[str, Claim | None] = {}
    for c in claims:
        if c.id in index and index[c.id] != c:
            index[c.id] = None
        else:
            index.setdefault(c.id, c)
    return index


def dump_findings(report: Report, mode: str = "json") -> list[dict[str, Any]]:
    """``Report.findings`` as the report's JSON writes them: each claim as its id when the
    claim is in ``Report.claims`` (else in full, so that nothing is lost).

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check(["WeChat has 355 million monthly active users.",
        ...               "WeChat has 396 million monthly active users."])
        >>> dump_findings(r)[0]["claims"] == [c.id for c in r.claims]
        True
    """
    texts = _texts(report.documents)
    index = _claim_index(report.claims)
    fields = list(Finding.model_fields)
    out = []
    for f in report.findings:
        d = f.model_dump(mode=mode, exclude={"claims"}, exclude_defaults=True)
        if f.claims:
            refs: list[Any] = []
            for c in f.claims:
                known = index.get(c.id)
                refs.append(c.id if known is not None and (known is c or known == c) else _claim(c, texts, mode))
            d["claims"] = refs
        out.append({k: d[k] for k in fields if k in d})
    return out


def _expand_span(s: Any, texts: Mapping[str, str]) -> Any:
    if not isinstance(s, dict) or "exact" in s:
        return s
    t = texts.get(s.get("doc_id", "")) if isinstance(s.get("doc_id", ""), str) else None
    start, end = s.get("start"), s.get("end")
    if t is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(t):
        return s  # validation says what is missing
    out = dict(s)
    out["exact"] = t[start:end]
    out.setdefault("prefix", t[max(0, start - CONTEXT_CHARS):start])
    out.setdefault("suffix", t[end:end + CONTEXT_CHARS])
    return out


def _expand_quantity(q: Any, text: str | None) -> Any:
    if not isinstance(q, dict) or "text" in q or text is None:
        return q
    start, end = q.get("start"), q.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return q
    return {**q, "text": text[start:end]}


def _expand_claim(c: Any, texts: Mapping[str, str]) -> Any:
    if not isinstance(c, dict):
        return c
    c = dict(c)
    doc = c.get("doc_id")
    c["quantity"] = _expand_quantity(c.get("quantity"), texts.get(doc) if isinstance(doc, str) else None)
    for name in ("span", "sentence"):
        if name in c:
            c[name] = _expand_span(c[name], texts)
    if isinstance(c.get("repeats"), list):
        c["repeats"] = [_expand_span(s, texts) for s in c["repeats"]]
    for name in ("attribution", "relation"):
        if isinstance(c.get(name), dict) and "span" in c[name]:
            c[name] = {**c[name], "span": _expand_span(c[name]["span"], texts)}
    return c


def expand_report(data: Any) -> Any:
    """The report's JSON layout (a parsed dict) with everything put back in: claims in
    findings, span texts, quantity texts. Anything else is returned as it is; ids that
    name no claim raise ``ValueError``.

    Example:
        >>> data = {"documents": [{"id": "d", "text": "Five died."}],
        ...         "claims": [{"id": "c", "doc_id": "d", "quantity": {"start": 0, "end": 4},
        ...                     "span": {"doc_id": "d", "start": 0, "end": 4},
        ...                     "sentence": {"doc_id": "d", "start": 0, "end": 10}}],
        ...         "findings": [{"kind": "agreement", "message": "m", "claims": ["c"]}]}
        >>> out = expand_report(data)
        >>> out["findings"][0]["claims"][0]["span"]["exact"], out["claims"][0]["quantity"]["text"]
        ('Five', 'Five')
    """
    if not isinstance(data, dict):
        return data
    docs = data.get("documents")
    texts: dict[str, str] = {}
    for d in docs if isinstance(docs, (list, tuple)) else ():
        if isinstance(d, Document):
            texts[d.id] = d.text
        elif isinstance(d, dict) and isinstance(d.get("id"), str) and isinstance(d.get("text"), str):
            texts[d["id"]] = _guard.replace_surrogates(d["text"])
    out = dict(data)
    claims = data.get("claims")
    index: dict[str, Any] = {}
    if isinstance(claims, (list, tuple)):
        out["claims"] = [_expand_claim(c, texts) for c in claims]
        for c in out["claims"]:
            cid = c.get("id") if isinstance(c, dict) else getattr(c, "id", None)
            if isinstance(cid, str):
                index.setdefault(cid, c)
    aside = data.get("set_aside")
    if isinstance(aside, (list, tuple)):
        out["set_aside"] = [
            {**s, "quantity": _expand_quantity(s.get("quantity"), texts.get(s.get("doc_id", "")))}
            if isinstance(s, dict) and isinstance(s.get("doc_id"), str) else s
            for s in aside
        ]
    findings = data.get("findings")
    if isinstance(findings, (list, tuple)):
        expanded = []
        for i, f in enumerate(findings, 1):
            if isinstance(f, dict) and isinstance(f.get("claims"), (list, tuple)):
                refs = []
                for c in f["claims"]:
                    if isinstance(c, str):
                        if c not in index:
                            raise ValueError(f"finding {i} cites claim {c!r}, which is not in Report.claims")
                        refs.append(index[c])
                    else:
                        refs.append(_expand_claim(c, texts))
                f = {**f, "claims": refs}
            expanded.append(f)
        out["findings"] = expanded
    return out


# --------------------------------------------------------------------------- JSON schema

#: Descriptions of the fields of the models the claim stage owns, for the report's JSON
#: schema. Keep in sync with the models' docstrings (claimcheck/models.py); a field without
#: a description fails tests/test_schema.py.
FIELD_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Span": {
        "doc_id": "Id of the document the span is in.",
        "start": "Offset of the first character in the document text (0-based).",
        "end": "Offset just past the last character (end exclusive).",
        "exact": "The text at [start, end) (W3C TextQuoteSelector exact). In a report, left out "
                 "when it is the document's text at these offsets.",
        "prefix": "Up to 32 characters before the span. In a report, left out when they are the "
                  "document's.",
        "suffix": "Up to 32 characters after the span. In a report, left out when they are the "
                  "document's.",
    },
    "Quantity": {
        "text": "The quantity phrase as written. In a report, left out when it is the document's text "
                "at [start, end).",
        "start": "Offset of the phrase in the document text.",
        "end": "Offset just past the phrase.",
        "value": "The number as stated (800000000 for 'over 800 million').",
        "low": "Lower end of the interval the phrase asserts; null: unbounded.",
        "high": "Upper end of the interval; null: unbounded.",
        "low_inclusive": "Whether low itself is included.",
        "high_inclusive": "Whether high itself is included.",
        "qualifier": "How the number relates to the interval ('over' is more_than, 'about' approximate).",
        "unit": "A pint unit name or an ISO 4217 currency code; null for a plain count.",
        "counted": "The counted noun, singular ('user', 'person').",
        "kind": "What sort of quantity the mention is.",
        "rule": "The parser rule that read it.",
        "latent": "True for an uncertain reading, never compared.",
        "change": "The direction of change the figure states ('up 6.2%': increase; 'fell 4%': decrease); "
                  "null for a level.",
        "hedge": "The qualifier phrase as written, lower-cased ('nearly', 'more than', 'or more'); "
                 "null when there is none.",
        "step": "The place value of the last stated digit, scale applied ('143.8 million': 100000; "
                "'6.2 miles': 0.1); half of it is the rounding of a stated figure.",
    },
    "Document": {
        "id": "Document id, unique in the report.",
        "story": "The story the document belongs to, when a run holds several (check_stories gives one "
                 "report per story); check does not read it.",
        "text": "The full text every span and quantity offset points into.",
        "source": "The outlet or agency.",
        "url": "Where the article was published.",
        "published": "Publication date (ISO 8601).",
        "title": "Headline.",
    },
    "Attribution": {
        "source": "The outermost speaker, the one the article quotes directly.",
        "cue": "The word that signals attribution ('said', 'according to').",
        "chain": "Speakers outermost first; the last is the origin.",
        "span": "Where the attribution is in the text.",
        "rule": "The rule that found it.",
    },
    "Relation": {
        "factor": "The multiplier stated ('twice as many' is 2).",
        "qualifier": "How the figure relates to factor × the other ('more than twice').",
        "other": "Id of the claim compared with.",
        "span": "Where the relation is stated.",
    },
    "Claim": {
        "id": "Stable id: the same document text gives the same id.",
        "doc_id": "Id of the document the claim is in.",
        "subject": "What the figure is about (canonical).",
        "subject_text": "The subject as written.",
        "metric": "What is measured (canonical, from data/metrics.toml).",
        "metric_text": "The metric as written.",
        "quantity": "The figure and the interval it asserts.",
        "event": "The event the figure belongs to.",
        "background": "True when the event is not the story's own (an earlier quake).",
        "scope": "The place, site or subset the figure covers; null for the whole.",
        "time": "As-of time (ISO 8601 where known).",
        "time_text": "The time as written.",
        "time_basis": "Where time comes from: stated, earlier, event or published.",
        "provisional": "True for a running count ('so far', 'at least').",
        "attribution": "Who the text says stated the figure.",
        "span": "The evidence: the quantity phrase.",
        "sentence": "The sentence the figure is in.",
        "hedged": "True when the sentence hedges the figure.",
        "negated": "True when the sentence denies the figure.",
        "repeats": "Where the document repeats the sentence.",
        "relation": "A relation the sentence states to another of its figures.",
        "rule": "Which rule took each decision (decision -> rule name).",
    },
    "SetAside": {
        "doc_id": "Id of the document the figure is in.",
        "quantity": "The figure.",
        "rule": "The rule that set it aside.",
        "reason": "Why, in a sentence.",
    },
}


def _describe(defs: dict[str, Any], name: str, descriptions: Mapping[str, str]) -> None:
    props = defs.get(name, {}).get("properties", {})
    for field, text in descriptions.items():
        if field in props and "description" not in props[field]:
            props[field]["description"] = text


def report_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON schema pydantic gives for ``Report`` made into the committed one:
    ``$schema``, ``$id``, descriptions, and the report's own layout (claim ids in findings,
    span and quantity texts that may be left out).

    Example:
        >>> import claimcheck as cc
        >>> s = cc.Report.model_json_schema()
        >>> s["$schema"], s["$id"]
        ('https://json-schema.org/draft/2020-12/schema', 'urn:claimcheck:schema:report:2')
        >>> s["$defs"]["Span"]["required"]
        ['start', 'end']
    """
    defs = schema.get("$defs", {})
    for name, descriptions in FIELD_DESCRIPTIONS.items():
        _describe(defs, name, descriptions)
    for d in [schema, *defs.values()]:  # docstring examples are for Python readers
        if isinstance(d.get("description"), str):
            d["description"] = d["description"].split("\n\nExample:", 1)[0].strip()
    if "Span" in defs:
        defs["Span"]["required"] = [r for r in defs["Span"].get("required", []) if r != "exact"]
    if "Quantity" in defs:
        defs["Quantity"]["required"] = [r for r in defs["Quantity"].get("required", []) if r != "text"]
    finding = defs.get("Finding", {}).get("properties", {})
    if "claims" in finding:
        finding["claims"]["items"] = {"anyOf": [
            {"type": "string", "description": "Id of a claim in Report.claims."},
            {"$ref": "#/$defs/Claim"},
        ]}
    head = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID}
    return {**head, **schema}


# --------------------------------------------------------------------------- links


_SAFE_URL_RE = re.compile(r"https?://[^\s\x00-\x20\x7f-\x9f<>\"'`\\]+", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an ``http(s)`` URL that can be a link, else ``None``: never a
    ``javascript:``, ``data:`` or ``vbscript:`` URL, none with spaces or control characters
    (browsers drop tabs and newlines from a URL, so ``java\\tscript:`` is JavaScript).

    Example:
        >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
        ('https://example.org/a?b=1', None)
        >>> safe_url(" https://x.example"), safe_url("data:text/html,x"), safe_url("HTTP://A.EXAMPLE")
        (None, None, 'HTTP://A.EXAMPLE')
    """
    if not url or not _SAFE_URL_RE.fullmatch(url):
        return None
    return url


def _fragment_term(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="").replace("-", "%2D")


def text_fragment_url(url: str | None, exact: str, prefix: str = "") -> str | None:
    """A link to ``exact`` inside the article: ``url#:~:text=prefix-,exact`` (a URL text
    fragment, which browsers scroll to and highlight), or ``None`` when ``url`` cannot be a
    link (see :func:`safe_url`). ``prefix`` (the last words before the quote) tells the
    browser which occurrence is meant.

    Example:
        >>> text_fragment_url("https://example.org/a", "24 people", "killing at least")
        'https://example.org/a#:~:text=killing%20at%20least-,24%20people'
        >>> text_fragment_url("https://example.org/a#top", "6.1-magnitude")
        'https://example.org/a#top:~:text=6.1%2Dmagnitude'
        >>> text_fragment_url("javascript:alert(1)", "x") is None
        True
    """
    base = safe_url(url)
    if base is None:
        return None
    exact = " ".join(exact.split())
    if not exact:
        return base
    words = prefix.split()[-3:]
    term = (f"{_fragment_term(' '.join(words))}-," if words else "") + _fragment_term(exact)
    return f"{base}{':~:' if '#' in base else '#:~:'}text={term}"


# --------------------------------------------------------------------------- JSON-LD


def jsonld_text(data: Any) -> str:
    """JSON-LD (or any JSON value) as text with every control character escaped.

    Example:
        >>> jsonld_text({"a": "x\\x9b"})
        '{\\n  "a": "x\\\\u009b"\\n}'
    """
    return _guard.json_controls(json.dumps(data, indent=2, ensure_ascii=False))


#: ClaimReview ``reviewRating`` of each finding kind exported: (alternateName, ratingValue)
#: on a scale from 1 (the sources cannot all be right) to 5 (they agree).
CLAIMREVIEW_RATINGS: dict[str, tuple[str, int]] = {
    "conflict": ("Conflicting figures", 2),
    "misattribution": ("Figure attributed to different subjects", 2),
}


def _docs(report: Report) -> dict[str, Document]:
    return {d.id: d for d in report.documents}


def _appearance(d: Document | None, doc_id: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle" if d is not None and (d.source or d.url) else "CreativeWork"}
    if d is not None:
        url = safe_url(d.url)
        if url:
            work["url"] = url
        if d.title:
            work["headline"] = d.title
        if d.published:
            work["datePublished"] = d.published.isoformat()
        if d.source:
            work["publisher"] = {"@type": "Organization", "name": d.source}
    work.setdefault("name", d.title if d is not None and d.title else f"document {doc_id}")
    return work


def to_claimreview(report: Report, *, url: str | None = None, author: str | None = None,
                   date_published: str | None = None) -> list[dict[str, Any]]:
    """schema.org ``ClaimReview`` JSON-LD: one review for each conflict and misattribution.

    Each review has ``claimReviewed`` (what the sources disagree on), ``itemReviewed`` (a
    ``Claim`` with one ``appearance`` per document stating it: its URL, date, headline and
    publisher), a ``reviewRating`` whose ``alternateName`` says what was found ("Conflicting
    figures") and ``reviewBody`` (the finding's message). ``url`` is the page where you
    publish the reviews (each gets ``#finding-N``), ``author`` your organisation and
    ``date_published`` the day you publish: ClaimReview requires ``url``, and search engines
    ask for the other two, so pass them before publishing. Only ``http(s)`` URLs are exported.

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check(["WeChat has 355 million monthly active users.",
        ...               "WeChat has 396 million monthly active users."])
        >>> review = to_claimreview(r, url="https://desk.example/checks/wechat")[0]
        >>> review["reviewRating"]["alternateName"], review["url"]
        ('Conflicting figures', 'https://desk.example/checks/wechat#finding-1')
        >>> claimreview_problems(review)
        []
    """
    from .wording import finding_claim

    docs = _docs(report)
    base = safe_url(url)
    out = []
    for i, f in enumerate(report.findings, 1):
        if f.kind not in CLAIMREVIEW_RATINGS:
            continue
        name, value = CLAIMREVIEW_RATINGS[f.kind]
        doc_ids = sorted({c.doc_id for c in f.claims}, key=_guard.natural_key)
        dates = sorted(p.isoformat() for d in doc_ids if d in docs and (p := docs[d].published) is not None)
        item: dict[str, Any] = {"@type": "Claim", "appearance": [_appearance(docs.get(d), d) for d in doc_ids]}
        if dates:
            item["datePublished"] = dates[0]
            first = next(d for d in doc_ids if d in docs and docs[d].published
                         and docs[d].published.isoformat() == dates[0])  # type: ignore[union-attr]
            item["firstAppearance"] = _appearance(docs.get(first), first)
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": finding_claim(f),
            "itemReviewed": item,
            "reviewRating": {"@type": "Rating", "alternateName": name, "ratingValue": value,
                             "bestRating": 5, "worstRating": 1, "ratingExplanation": f.message},
            "reviewBody": f.message,
        }
        if base:
            review["url"] = f"{base.split('#', 1)[0]}#finding-{i}"
        if author:
            review["author"] = {"@type": "Organization", "name": author}
        if date_published:
            review["datePublished"] = date_published
        out.append(review)
    return out


def _missing(obj: Any, path: str, *keys: str) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{path} is not an object"]
    return [f"{path}.{k} is missing" for k in keys if obj.get(k) in (None, "", [])]


def claimreview_problems(review: Any, *, publishing: bool = True) -> list[str]:
    """What a ClaimReview lacks of the fields schema.org's ClaimReview and search engines'
    fact-check markup require: ``@context`` schema.org, ``@type`` ClaimReview,
    ``claimReviewed``, ``reviewRating`` (a ``Rating`` with ``alternateName``; a
    ``ratingValue`` within ``worstRating``–``bestRating`` when given), ``itemReviewed`` (a
    ``Claim`` whose appearances are creative works with an ``http(s)`` ``url`` or a name),
    and, when ``publishing``, ``url``. An empty list: nothing lacks.

    Example:
        >>> claimreview_problems({"@context": "https://schema.org", "@type": "ClaimReview"})[:2]
        ['$.claimReviewed is missing', '$.reviewRating is missing']
    """
    if not isinstance(review, dict):
        return ["$ is not an object"]
    out = []
    if review.get("@context") not in ("https://schema.org", "http://schema.org", "https://schema.org/"):
        out.append("$.@context is not schema.org")
    if review.get("@type") != "ClaimReview":
        out.append("$.@type is not ClaimReview")
    out += _missing(review, "$", "claimReviewed", "reviewRating", "itemReviewed", *(["url"] if publishing else []))
    if not isinstance(review.get("claimReviewed", ""), str):
        out.append("$.claimReviewed is not text")
    rating = review.get("reviewRating")
    if isinstance(rating, dict):
        if rating.get("@type") != "Rating":
            out.append("$.reviewRating.@type is not Rating")
        out += _missing(rating, "$.reviewRating", "alternateName")
        nums = [rating.get(k) for k in ("worstRating", "ratingValue", "bestRating")]
        if nums[1] is not None and all(isinstance(n, (int, float)) for n in nums) and not nums[0] <= nums[1] <= nums[2]:
            out.append("$.reviewRating.ratingValue is outside worstRating..bestRating")
    item = review.get("itemReviewed")
    if isinstance(item, dict):
        if item.get("@type") != "Claim":
            out.append("$.itemReviewed.@type is not Claim")
        for j, a in enumerate(item.get("appearance") or []):
            p = f"$.itemReviewed.appearance[{j}]"
            if not isinstance(a, dict) or not a.get("@type"):
                out.append(f"{p}.@type is missing")
                continue
            if "url" in a and safe_url(a["url"]) is None:
                out.append(f"{p}.url is not an http(s) URL")
            if not a.get("url") and not a.get("name"):
                out.append(f"{p} has neither url nor name")
    if "url" in review and safe_url(review.get("url")) is None:
        out.append("$.url is not an http(s) URL")
    return out


#: The JSON-LD context every W3C Web Annotation names.
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _urn(*parts: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "claimcheck:" + "\x1f".join(parts)))


def _target(source: str, s: Span) -> dict[str, Any]:
    return {"type": "SpecificResource", "source": source, "selector": [
        {"type": "TextQuoteSelector", "exact": s.exact, "prefix": s.prefix, "suffix": s.suffix},
        {"type": "TextPositionSelector", "start": s.start, "end": s.end},
    ]}


def to_web_annotations(report: Report) -> list[dict[str, Any]]:
    """W3C Web Annotation JSON-LD: one annotation per claim, targeting its span with a
    ``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` (offsets into
    the document text), plus one target per repeat of its sentence.

    The target ``source`` is the article's URL where it is an ``http(s)`` one, else a
    ``urn:uuid`` naming the document; annotation ids are ``urn:uuid``s derived from the
    document and claim ids (the same claim always gets the same id). Bodies: a description
    of the claim ("deaths of earthquake: at least 5"), and a tag per finding kind the claim
    is part of (``conflict``, ``update``…); a claim in a conflict or misattribution has the
    motivation ``assessing``, the others ``describing``.

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check(["WeChat has 355 million monthly active users."])
        >>> a = to_web_annotations(r)[0]
        >>> [s["type"] for s in a["target"][0]["selector"]], web_annotation_problems(a)
        (['TextQuoteSelector', 'TextPositionSelector'], [])
    """
    from .wording import claim_summary

    docs = _docs(report)
    kinds: dict[tuple[str, str], list[str]] = {}
    for f in report.findings:
        for c in f.claims:
            ks = kinds.setdefault((c.doc_id, c.id), [])
            if f.kind not in ks:
                ks.append(f.kind)
    out = []
    for c in report.claims:
        d = docs.get(c.doc_id)
        source = (safe_url(d.url) if d is not None else None) or _urn("document", c.doc_id)
        tags = kinds.get((c.doc_id, c.id), [])
        bodies: list[dict[str, Any]] = [{"type": "TextualBody", "value": claim_summary(c), "format": "text/plain",
                                         "language": "en", "purpose": "describing"}]
        bodies += [{"type": "TextualBody", "value": k, "purpose": "tagging"} for k in tags]
        out.append({
            "@context": ANNOTATION_CONTEXT,
            "id": _urn("claim", c.doc_id, c.id),
            "type": "Annotation",
            "motivation": "assessing" if {"conflict", "misattribution"} & set(tags) else "describing",
            "generator": {"type": "Software", "name": "claimcheck"},
            "body": bodies,
            "target": [_target(source, c.span)] + [_target(source, s) for s in c.repeats],
        })
    return out


_IRI_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


def web_annotation_problems(annotation: Any) -> list[str]:
    """What an annotation lacks of the W3C Web Annotation Data Model's requirements: the
    ``http://www.w3.org/ns/anno.jsonld`` context, exactly one ``id`` (an IRI), a ``type``
    including ``Annotation``, one or more targets; each ``SpecificResource`` target with a
    ``source`` IRI, each selector with a ``type``; a ``TextQuoteSelector`` with ``exact``, a
    ``TextPositionSelector`` with integer ``start`` ≤ ``end`` ≥ 0; each ``TextualBody`` with a
    ``value``. An empty list: nothing lacks.

    Example:
        >>> web_annotation_problems({"@context": ANNOTATION_CONTEXT, "id": "urn:x:1",
        ...                          "type": "Annotation"})
        ['$.target is missing']
    """
    if not isinstance(annotation, dict):
        return ["$ is not an object"]
    out = []
    ctx = annotation.get("@context")
    if ctx != ANNOTATION_CONTEXT and not (isinstance(ctx, list) and ANNOTATION_CONTEXT in ctx):
        out.append(f"$.@context does not name {ANNOTATION_CONTEXT}")
    ident = annotation.get("id")
    if not isinstance(ident, str) or not _IRI_RE.fullmatch(ident):
        out.append("$.id is not an IRI")
    types = annotation.get("type")
    if "Annotation" not in (types if isinstance(types, list) else [types]):
        out.append("$.type does not include Annotation")
    targets = annotation.get("target")
    if targets in (None, [], ""):
        out.append("$.target is missing")
        targets = []
    for j, t in enumerate(targets if isinstance(targets, list) else [targets]):
        p = f"$.target[{j}]"
        if isinstance(t, str):
            if not _IRI_RE.fullmatch(t):
                out.append(f"{p} is not an IRI")
            continue
        if not isinstance(t, dict):
            out.append(f"{p} is not an object")
            continue
        if not isinstance(t.get("source"), str) or not _IRI_RE.fullmatch(t["source"]):
            out.append(f"{p}.source is not an IRI")
        sels = t.get("selector", [])
        for k, s in enumerate(sels if isinstance(sels, list) else [sels]):
            q = f"{p}.selector[{k}]"
            if not isinstance(s, dict) or not s.get("type"):
                out.append(f"{q}.type is missing")
            elif s["type"] == "TextQuoteSelector" and not isinstance(s.get("exact"), str):
                out.append(f"{q}.exact is missing")
            elif s["type"] == "TextPositionSelector":
                a, b = s.get("start"), s.get("end")
                if not (type(a) is int and type(b) is int and 0 <= a <= b):
                    out.append(f"{q} needs integer start <= end, both >= 0")
    bodies = annotation.get("body", [])
    for j, b in enumerate(bodies if isinstance(bodies, list) else [bodies]):
        if isinstance(b, dict) and b.get("type") == "TextualBody" and not isinstance(b.get("value"), str):
            out.append(f"$.body[{j}].value is missing")
    return out


# --------------------------------------------------------------------------- pint


def _has_unit(reg: Any, unit: str) -> bool:
    try:
        reg.Unit(unit)
    except (AttributeError, ValueError, TypeError, LookupError):  # pint's UndefinedUnitError is both
        return False
    return True


def _ensure_unit(reg: Any, unit: str) -> None:
    """Define ``unit`` (and what it rests on) in ``reg`` from data/units.txt if ``reg`` lacks it."""
    from .errors import UnitError

    if _has_unit(reg, unit):
        return
    defs = dict(unit_definitions())
    if unit not in defs:  # a compound ("USD per month"): define the currencies it names
        for part in sorted(set(re.findall(r"[A-Za-z_]+", unit)) & set(defs)):
            _ensure_unit(reg, part)
        if _has_unit(reg, unit):
            return
        raise UnitError(f"the pint registry has no unit {unit!r}")
    for base in re.findall(r"\b[A-Z]{3}\b", defs[unit].split("=", 1)[1]):
        if base != unit:
            _ensure_unit(reg, base)
    try:
        reg.define(defs[unit])
    except Exception as e:  # pint raises several types here
        raise UnitError(f"cannot define {unit!r} in the pint registry: {e}") from e


def to_pint(q: Quantity, registry: Any = None) -> pint.Quantity[Any]:
    """``q`` as a quantity of ``registry``: by default pint's application registry
    (``pint.get_application_registry()``), so it adds to the quantities of your own code.
    A currency the registry lacks (``USD``; claimcheck gives each currency a dimension of its
    own) is defined in it from ``claimcheck/data/units.txt`` first.

    Raises :class:`claimcheck.UnitError` when ``q`` has no unit or no value, or the unit
    cannot be had in the registry.

    Example:
        >>> import pint
        >>> from claimcheck.models import Quantity
        >>> q = Quantity(text="2 weeks", start=0, end=7, value=2, unit="week", kind="duration")
        >>> ureg = pint.get_application_registry()
        >>> (to_pint(q) + 3 * ureg.day).to("day").magnitude
        17.0
        >>> mine = pint.UnitRegistry()
        >>> to_pint(q, mine)._REGISTRY is mine
        True
    """
    import pint as _pint

    from .errors import UnitError

    if q.unit is None or q.value is None:
        raise UnitError(f"{q.text!r} has no unit to express in pint")
    reg: Any = _pint.get_application_registry() if registry is None else registry  # type: ignore[no-untyped-call]
    _ensure_unit(reg, q.unit)
    try:
        out: _pint.Quantity[Any] = reg.Quantity(q.value, q.unit)
        return out
    except Exception as e:
        raise UnitError(f"cannot express {q.text!r} in pint: {e}") from e


# --------------------------------------------------------------------------- wire copy

#: A sentence shorter than this (in words) is too common to show that two documents carry
#: the same copy ("The quake struck at 2:37 pm.").
MIN_SHARED_WORDS = 8


def _sentence_key(text: str) -> str | None:
    words = text.split()
    if len(words) < MIN_SHARED_WORDS:
        return None
    return hashlib.blake2b(" ".join(words).casefold().encode("utf-8"), digest_size=12).hexdigest()


def _document_keys(documents: Iterable[Document]) -> dict[str, set[str]]:
    """Normalised sentence key -> ids of the documents containing that sentence."""
    from .text import segment

    where: dict[str, set[str]] = {}
    for d in documents:
        for s in segment(d.text):
            if getattr(s, "boilerplate", False):
                continue
            k = _sentence_key(d.text[s.start:s.end])
            if k is not None:
                where.setdefault(k, set()).add(d.id)
    return where


def shared_sentences(documents: Iterable[Document], claims: Iterable[Claim]) -> dict[tuple[str, str], frozenset[str]]:
    """For each claim whose sentence appears word for word (case and spacing aside) in two
    or more documents: ``(doc_id, claim id) -> the ids of those documents`` (its own
    included). Sentences under :data:`MIN_SHARED_WORDS` words are not compared. Claims of
    one such set come from one origin, the copy they share, however many documents print it.

    The documents are split into sentences once and hashed, so this is linear in the text.

    Example:
        >>> from claimcheck.models import Document
        >>> import claimcheck as cc
        >>> wire = "The agency said the storm destroyed 40 homes in the valley."
        >>> docs = [Document(id="a", text=wire), Document(id="b", text="Rain. " + wire),
        ...         Document(id="c", text="Officials said the storm destroyed 40 homes.")]
        >>> claims = [c for d in docs for c in cc.extract(d)]
        >>> sorted(sorted(v) for v in shared_sentences(docs, claims).values())
        [['a', 'b'], ['a', 'b']]
    """
    docs = list(documents)
    where = _document_keys(docs)
    texts = _texts(docs)
    out: dict[tuple[str, str], frozenset[str]] = {}
    for c in claims:
        t = texts.get(c.doc_id)
        sentence = c.sentence.exact if t is None else t[c.sentence.start:c.sentence.end]
        k = _sentence_key(sentence)
        if k is not None and len(where.get(k, ())) > 1:
            out[(c.doc_id, c.id)] = frozenset(where[k])
    return out


def copied_documents(documents: Iterable[Document], min_sentences: int = 2) -> list[tuple[tuple[str, ...], int]]:
    """Documents that carry the same copy: groups of documents sharing at least
    ``min_sentences`` sentences word for word (of :data:`MIN_SHARED_WORDS` words or more),
    each with how many sentences link it together, largest first.

    Example:
        >>> from claimcheck.models import Document
        >>> a = "The storm destroyed 40 homes in the valley on Monday night. It was the worst in a decade, the agency said today."
        >>> docs = [Document(id="x", text=a), Document(id="y", text="Headline\\n\\n" + a),
        ...         Document(id="z", text="Nothing in common here at all today.")]
        >>> copied_documents(docs)
        [(('x', 'y'), 2)]
    """
    where = _document_keys(documents)
    pairs: dict[tuple[str, str], int] = {}
    for ids in where.values():
        s = sorted(ids, key=_guard.natural_key)
        for i, a in enumerate(s):
            for b in s[i + 1:]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for (a, b), n in pairs.items():
        if n >= min_sentences:
            parent.setdefault(a, a)
            parent.setdefault(b, b)
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb, key=_guard.natural_key)] = min(ra, rb, key=_guard.natural_key)
    groups: dict[str, set[str]] = {}
    for x in parent:
        groups.setdefault(root(x), set()).add(x)
    out = []
    for g in groups.values():
        if len(g) > 1:
            shared = sum(1 for ids in where.values() if len(ids & g) > 1)
            out.append((tuple(sorted(g, key=_guard.natural_key)), shared))
    return sorted(out, key=lambda x: (-len(x[0]), -x[1], _guard.natural_key(x[0][0])))
