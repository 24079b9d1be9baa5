"""Reports for people and pipelines: plain text, Markdown, HTML and pandas.

:class:`claimcheck.Report` delegates to these functions (``str(report)``,
``report.to_markdown()``, ``report.to_html()``, ``report._repr_html_()``,
``report.to_dataframe()``); JSON is ``report.to_json()``, read back exactly with
``Report.model_validate_json``.

Article text is never trusted: every piece of it (quotes, subjects, sources, titles,
document ids, messages, warnings) is made inert for the output it goes to:

- **Control characters** (C0, DEL, C1, the bidirectional overrides and isolates) are
  written as visible escapes (``\\x1b``, ``\\u202e``) in every output, so article text cannot
  send ANSI/OSC sequences to a terminal, move the cursor or reorder what a reader sees.
  In plain text and Markdown each field is also put on one line (whitespace runs become
  one space): newlines and tabs appear only where the format puts them, so a newline in a
  ``source`` cannot forge a report line. JSON escapes them as ``\\u`` escapes
  (:meth:`claimcheck.Report.to_json`), which read back exactly.
- **HTML and Markdown markup**: :func:`html.escape` in both; Markdown syntax characters
  are backslashed, and anything a Markdown renderer would link by itself (``https://…``,
  ``www.…``, ``mailto:``, e-mail addresses) is put in a code span, shown and never linked.
  The HTML page is self-contained: inline CSS, no scripts, no external resources; only
  ``http(s)`` document URLs become links.
- **Spreadsheet formulas**: :func:`to_csv` prefixes cells starting with ``=``, ``+``,
  ``-``, ``@``, tab or carriage return with ``'``; :func:`to_dataframe` keeps the values
  exact (it is data, not a file a spreadsheet opens).

The helpers live in :mod:`claimcheck._guard`.

Example:
    >>> from claimcheck.models import Report, Finding
    >>> r = Report(findings=(Finding(kind="conflict", subject="X", metric="users",
    ...                              message="10 (a) vs 12 (b) users for X: 20% apart."),))
    >>> print(to_text(r))
    claimcheck report: 0 documents, 0 claims, 1 finding (1 conflict)
    <BLANKLINE>
    1. CONFLICT: X, users
       10 (a) vs 12 (b) users for X: 20% apart.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from . import _guard
from .models import CONTEXT_CHARS, Claim, Document, Finding, Report

__all__ = [
    "CLAIMS_COLUMNS",
    "DATAFRAME_COLUMNS",
    "FINDINGS_COLUMNS",
    "claims_frame",
    "findings_frame",
    "summary",
    "to_csv",
    "to_dataframe",
    "to_html",
    "to_markdown",
    "to_text",
]

#: Columns of :func:`to_dataframe`, in order. The first three are relied on by doctests
#: and by users' notebooks: keep them first.
DATAFRAME_COLUMNS = (
    "row", "doc_id", "claim_id", "finding", "kind", "subject", "metric", "value", "low",
    "high", "qualifier", "unit", "time", "quote", "attribution", "spread", "holds",
    "temporal", "message",
)

_KIND_ORDER = ("conflict", "misattribution", "update", "internal", "compatible", "agreement")


# --------------------------------------------------------------------------- shared pieces


def _one_line(text: str) -> str:
    """Runs of whitespace (newlines included) collapsed to one space; ends kept."""
    return re.sub(r"\s+", " ", text)


def _field(text: object) -> str:
    """One field of a plain-text or Markdown line: on one line, control characters escaped."""
    return _guard.one_line(text)


def summary(report: Report) -> str:
    """The one-line count of a report: documents, claims, findings by kind.

    Example:
        >>> from claimcheck.models import Report, Finding
        >>> summary(Report(findings=(Finding(kind="conflict", message="m"),)))
        '0 documents, 0 claims, 1 finding (1 conflict)'
    """
    return _summary(report)


def _summary(report: Report) -> str:
    counts = Counter(f.kind for f in report.findings)
    n = len(report.findings)
    parts = ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 and k != 'internal' else ''}"
                      for k in _KIND_ORDER if counts[k])
    head = (f"{len(report.documents)} document{'s' if len(report.documents) != 1 else ''}, "
            f"{len(report.claims)} claim{'s' if len(report.claims) != 1 else ''}, "
            f"{n} finding{'s' if n != 1 else ''}")
    return f"{head} ({parts})" if parts else head


def _title(f: Finding) -> str:
    notes = []
    if f.temporal:
        notes.append("dates")
    if f.kind == "internal" and f.holds is not None:
        notes.append("holds" if f.holds else "does not hold")
    kind = f.kind.upper() + (f" ({', '.join(notes)})" if notes else "")
    about = ", ".join(x for x in (f.subject, f.metric) if x)
    return f"{kind}: {about}" if about else kind


def _quote_parts(c: Claim) -> tuple[str, str, str]:
    """``(prefix, exact, suffix)`` of a claim's evidence on one line; where the context was
    cut it is trimmed to a whole word and marked with an ellipsis."""
    s = c.span
    prefix, suffix = _one_line(s.prefix), _one_line(s.suffix)
    if s.start > len(s.prefix):  # context was cut: drop a partial first word
        if not prefix[:1].isspace() and " " in prefix.strip():
            prefix = prefix[prefix.index(" ") + 1:]
        prefix = "…" + prefix.lstrip()
    if len(s.suffix) >= CONTEXT_CHARS:
        if not suffix[-1:].isspace() and " " in suffix.strip():
            suffix = suffix[: suffix.rindex(" ")]
        suffix = suffix.rstrip() + "…"
    return prefix.lstrip(), _one_line(s.exact).strip(), suffix.rstrip()


def _attribution(c: Claim) -> str:
    a = c.attribution
    if a is None:
        return ""
    chain = " ← ".join(a.chain) if a.chain else a.source
    return f"{a.cue} {chain}".strip()


def _doc_label(doc_id: str, docs: dict[str, Document]) -> str:
    d = docs.get(doc_id)
    return f"{doc_id} ({d.source})" if d is not None and d.source else doc_id


_DOC_FIELDS = ("id", "source", "published", "title", "url")


def _doc_fields(documents: Iterable[Document]) -> list[str]:
    """The document columns worth showing: the id, and each field some document has."""
    docs = list(documents)
    return [k for k in _DOC_FIELDS if k == "id" or any(getattr(d, k) for d in docs)]


def _doc_field(d: Document, name: str) -> str:
    v = getattr(d, name)
    return "" if v is None else str(v)


def _value(c: Claim) -> str:
    from .check import format_value

    return format_value(c)


# --------------------------------------------------------------------------- text


def to_text(report: Report) -> str:
    """A readable plain-text report: summary line, then each finding with its quotes.

    Example:
        >>> from claimcheck.models import Report
        >>> to_text(Report())
        'claimcheck report: 0 documents, 0 claims, 0 findings\\n\\nNo findings: no two documents give comparable figures.'
    """
    docs = {d.id: d for d in report.documents}
    lines = [f"claimcheck report: {_summary(report)}", ""]
    if not report.findings:
        lines.append("No findings: no two documents give comparable figures.")
    for i, f in enumerate(report.findings, 1):
        lines.append(f"{i}. {_field(_title(f))}")
        lines.append(f"   {_field(f.message).strip()}")
        for c in f.claims:
            pre, exact, suf = (_field(x) for x in _quote_parts(c))
            attr = _field(_attribution(c))
            lines.append(f"     {_field(_doc_label(c.doc_id, docs))}: \"{pre}[{exact}]{suf}\""
                         + (f" ({attr})" if attr else ""))
    for w in report.warnings:
        lines.append(f"warning: {_field(w).strip()}")
    return "\n".join(lines).rstrip("\n")


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _md(text: object) -> str:
    """Article text made inert in Markdown: on one line, control characters escaped, HTML
    escaped, Markdown syntax backslashed, and URL-like tokens in code spans (never links)."""
    return _guard.link_free(_field(text), _md_escape)


def to_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown; the first line is ``# claimcheck report``.

    Article text is escaped (HTML entities, backslashed Markdown syntax), so quotes cannot
    inject markup into a rendered page.

    Example:
        >>> from claimcheck.models import Report, Finding
        >>> md = to_markdown(Report(findings=(Finding(kind="agreement", message="a <b>"),)))
        >>> md.splitlines()[0], "a &lt;b&gt;" in md
        ('# claimcheck report', True)
    """
    docs = {d.id: d for d in report.documents}
    out = ["# claimcheck report", "", _md(_summary(report)) + ".", ""]
    if report.findings:
        out += ["## Findings", ""]
    for i, f in enumerate(report.findings, 1):
        out += [f"### {i}. {_md(_title(f))}", "", _md(f.message), ""]
        if f.values:
            out += ["| value | documents | independent origins | named origins |", "|---|---:|---:|---|"]
            for v in f.values:
                out.append(f"| {_md(v.value)} | {v.documents} | {v.origins} | {_md(', '.join(v.origin_names))} |")
            out.append("")
        for c in f.claims:
            pre, exact, suf = _quote_parts(c)
            attr = _attribution(c)
            out.append(f"> **{_md(_doc_label(c.doc_id, docs))}**: {_md(pre)}**{_md(exact)}**{_md(suf)}"
                       + (f" — {_md(attr)}" if attr else ""))
            out.append(">")
        if f.claims:
            out.pop()
            out.append("")
    if report.documents:
        fields = _doc_fields(report.documents)
        out += ["## Documents", "", "| " + " | ".join(fields) + " |", "|" + "---|" * len(fields)]
        for d in report.documents:
            out.append("| " + " | ".join(_md(_doc_field(d, k)) for k in fields) + " |")
        out.append("")
    if report.claims:
        out += ["## Claims", "", "| doc | subject | metric | value | time | attribution | quote |",
                "|---|---|---|---|---|---|---|"]
        for c in report.claims:
            out.append(f"| {_md(c.doc_id)} | {_md(c.subject or '')} | {_md(c.metric or '')} | "
                       f"{_md(_value(c))} | {_md(c.time or '')} | {_md(_attribution(c))} | {_md(c.span.exact)} |")
        out.append("")
    if report.warnings:
        out += ["## Warnings", ""] + [f"- {_md(w)}" for w in report.warnings] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- html

_CSS = """
.claimcheck{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;max-width:1100px}
.claimcheck h1{font-size:1.6em;margin:.2em 0}
.claimcheck h2{font-size:1.25em;margin:1.2em 0 .4em;border-bottom:1px solid #d9dde5;padding-bottom:.2em}
.claimcheck .summary{color:#4a5263;margin:.2em 0 1em}
.claimcheck .finding{border:1px solid #d9dde5;border-left:6px solid #8a93a6;border-radius:6px;padding:.6em .9em;margin:.8em 0;background:#fff}
.claimcheck .kind-conflict{border-left-color:#c62828;background:#fff7f7}
.claimcheck .kind-misattribution{border-left-color:#e08a00;background:#fffaf0}
.claimcheck .kind-internal{border-left-color:#6a4fb3}
.claimcheck .kind-compatible{border-left-color:#2e7bbf}
.claimcheck .kind-agreement{border-left-color:#2e7d32}
.claimcheck .badge{display:inline-block;font-size:.75em;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:.1em .5em;border-radius:3px;background:#8a93a6;color:#fff;margin-right:.5em}
.claimcheck .kind-conflict .badge{background:#c62828}
.claimcheck .kind-misattribution .badge{background:#e08a00}
.claimcheck .kind-internal .badge{background:#6a4fb3}
.claimcheck .kind-compatible .badge{background:#2e7bbf}
.claimcheck .kind-agreement .badge{background:#2e7d32}
.claimcheck .about{font-weight:600}
.claimcheck .message{margin:.35em 0 .5em;font-size:1.02em}
.claimcheck table{border-collapse:collapse;margin:.3em 0 .6em;font-size:.9em}
.claimcheck th,.claimcheck td{border:1px solid #d9dde5;padding:.2em .5em;text-align:left;vertical-align:top}
.claimcheck th{background:#f1f3f7}
.claimcheck td.num{text-align:right}
.claimcheck blockquote{margin:.25em 0;padding:.25em .7em;border-left:3px solid #c5cad6;background:#f7f8fa;font-size:.93em}
.claimcheck blockquote .doc{font-weight:700;margin-right:.4em}
.claimcheck blockquote .attr{color:#5b6477;font-style:italic}
.claimcheck mark{background:#ffe27a;padding:0 .1em;border-radius:2px}
.claimcheck details{margin:.6em 0}
.claimcheck .muted{color:#6b7385}
"""


def _h(text: object) -> str:
    """Text made inert in HTML: control characters escaped (newline and tab kept), then
    HTML-escaped."""
    return html.escape(_guard.escape_controls(str(text), layout=True), quote=True)


def _html_quote(c: Claim, docs: dict[str, Document]) -> str:
    pre, exact, suf = _quote_parts(c)
    attr = _attribution(c)
    return (f'<blockquote><span class="doc">{_h(_doc_label(c.doc_id, docs))}</span>'
            f"{_h(pre)}<mark>{_h(exact)}</mark>{_h(suf)}"
            + (f' <span class="attr">— {_h(attr)}</span>' if attr else "") + "</blockquote>")


def _html_finding(i: int, f: Finding, docs: dict[str, Document]) -> str:
    badge = f.kind + (" · dates" if f.temporal else "")
    if f.kind == "internal" and f.holds is not None:
        badge += " · holds" if f.holds else " · does not hold"
    about = ", ".join(_h(x) for x in (f.subject, f.metric) if x)
    parts = [f'<section class="finding kind-{_h(f.kind)}" id="finding-{i}">',
             f'<div><span class="badge">{_h(badge)}</span><span class="about">{about}</span>'
             + (f' <span class="muted">{"margin" if f.kind == "internal" else "spread"} {f.spread:.1%}</span>'
                if f.spread else "") + "</div>",
             f'<p class="message">{_h(f.message)}</p>']
    if f.values:
        parts.append("<table><tr><th>value</th><th>documents</th><th>independent origins</th>"
                     "<th>named origins</th></tr>")
        for v in f.values:
            parts.append(f"<tr><td>{_h(v.value)}</td><td class=\"num\">{v.documents}</td>"
                         f"<td class=\"num\">{v.origins}</td><td>{_h(', '.join(v.origin_names))}</td></tr>")
        parts.append("</table>")
    parts += [_html_quote(c, docs) for c in f.claims]
    parts.append("</section>")
    return "\n".join(parts)


def _html_body(report: Report) -> str:
    docs = {d.id: d for d in report.documents}
    out = ['<div class="claimcheck">', "<h1>claimcheck report</h1>",
           f'<p class="summary">{_h(_summary(report))}</p>']
    if report.findings:
        out.append("<h2>Findings</h2>")
        out += [_html_finding(i, f, docs) for i, f in enumerate(report.findings, 1)]
    else:
        out.append('<p class="muted">No findings: no two documents give comparable figures.</p>')
    if report.warnings:
        out.append("<h2>Warnings</h2><ul>" + "".join(f"<li>{_h(w)}</li>" for w in report.warnings) + "</ul>")
    if report.documents:
        fields = _doc_fields(report.documents)
        out.append("<h2>Documents</h2><table><tr>" + "".join(f"<th>{k}</th>" for k in fields) + "</tr>")
        for d in report.documents:
            cells = []
            for k in fields:
                cell = _h(_doc_field(d, k))
                if k == "url" and d.url and re.match(r"https?://", d.url):  # never a javascript: link
                    cell = f'<a href="{cell}" rel="noopener noreferrer">{cell}</a>'
                cells.append(f"<td>{cell}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
    if report.claims:
        out.append(f"<details><summary>All {len(report.claims)} claims</summary>"
                   "<table><tr><th>doc</th><th>subject</th><th>metric</th><th>value</th><th>time</th>"
                   "<th>attribution</th><th>quote</th></tr>")
        for c in report.claims:
            out.append(f"<tr><td>{_h(c.doc_id)}</td><td>{_h(c.subject or '')}</td><td>{_h(c.metric or '')}</td>"
                       f"<td>{_h(_value(c))}</td><td>{_h(c.time or '')}</td><td>{_h(_attribution(c))}</td>"
                       f"<td>{_h(c.span.exact)}</td></tr>")
        out.append("</table></details>")
    out.append("</div>")
    return "\n".join(out)


def to_html(report: Report, fragment: bool = False) -> str:
    """The report as HTML: a self-contained page, or a ``<div>`` fragment for notebooks.

    Inline CSS only, no scripts and no external resources; every piece of article text is
    escaped. Findings show their quotes with the quoted figure highlighted.

    Example:
        >>> from claimcheck.models import Report, Finding
        >>> page = to_html(Report(findings=(Finding(kind="conflict", message="<script>x</script>"),)))
        >>> page.startswith("<!DOCTYPE html>"), "<script>" in page, "&lt;script&gt;" in page
        (True, False, True)
        >>> to_html(Report(), fragment=True).startswith("<style>")
        True
    """
    body = _html_body(report)
    if fragment:
        return f"<style>{_CSS}</style>\n{body}"
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>claimcheck report</title>\n"
            f"<style>body{{margin:1.5em;background:#fafbfc}}{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


# --------------------------------------------------------------------------- pandas


def _rows(report: Report) -> Iterable[dict[str, Any]]:
    for c in report.claims:
        q = c.quantity
        yield {
            "row": "claim", "doc_id": c.doc_id, "claim_id": c.id, "finding": None, "kind": q.kind,
            "subject": c.subject, "metric": c.metric, "value": q.value, "low": q.low, "high": q.high,
            "qualifier": q.qualifier, "unit": q.unit, "time": c.time, "quote": c.span.exact,
            "attribution": _attribution(c) or None, "spread": None, "holds": None, "temporal": None,
            "message": None,
        }
    for i, f in enumerate(report.findings, 1):
        docs = sorted({c.doc_id for c in f.claims})
        yield {
            "row": "finding", "doc_id": ", ".join(docs), "claim_id": ", ".join(c.id for c in f.claims),
            "finding": i, "kind": f.kind, "subject": f.subject, "metric": f.metric, "value": None,
            "low": None, "high": None, "qualifier": None, "unit": None, "time": f.time,
            "quote": None, "attribution": None, "spread": f.spread, "holds": f.holds,
            "temporal": f.temporal, "message": f.message,
        }


def _pandas(what: str) -> Any:
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError(
            f'Report.{what}() needs pandas, an optional extra: pip install "claimcheck[pandas]"'
        ) from e
    return pd


def to_dataframe(report: Report) -> Any:
    """The older mixed table: one row per claim (``row == "claim"``), then one per finding.

    Finding rows list their documents and claim ids comma-separated in ``doc_id`` and
    ``claim_id`` and number the finding in ``finding`` (1-based, the report's order); in
    claim rows ``kind`` is the quantity's kind, in finding rows the finding's. Prefer
    :func:`claims_frame` and :func:`findings_frame`, where each column means one thing.

    Raises:
        ImportError: pandas is not installed (``pip install "claimcheck[pandas]"``).

    Example:
        >>> from claimcheck.models import Report, Finding
        >>> df = to_dataframe(Report(findings=(Finding(kind="agreement", message="m"),)))
        >>> list(df.columns[:3]), df["row"].tolist()
        (['row', 'doc_id', 'claim_id'], ['finding'])
    """
    pd = _pandas("to_dataframe")
    return pd.DataFrame(list(_rows(report)), columns=list(DATAFRAME_COLUMNS))


#: Columns of :func:`claims_frame`, in order.
CLAIMS_COLUMNS = (
    "claim_id", "doc_id", "source", "published", "url", "start", "end", "quote", "sentence",
    "subject", "subject_text", "metric", "event", "background", "scope", "time", "time_basis",
    "value", "low", "high", "qualifier", "unit", "quantity_kind", "value_text", "attribution",
    "origin", "hedged", "negated", "provisional", "findings",
)

#: Columns of :func:`findings_frame`, in order.
FINDINGS_COLUMNS = (
    "finding", "kind", "subject", "metric", "temporal", "holds", "spread", "message", "what_to_check",
    "value", "documents", "origins", "claim_id", "doc_id", "source", "published", "url", "start", "end",
    "quote", "event", "scope", "time", "time_basis", "low", "high", "unit", "attribution",
)


def _claim_columns(c: Claim, docs: dict[str, Document]) -> dict[str, Any]:
    from .wording import according_to

    d = docs.get(c.doc_id)
    q = c.quantity
    return {
        "claim_id": c.id, "doc_id": c.doc_id, "source": d.source if d else None,
        "published": d.published if d else None, "url": d.url if d else None,
        "start": c.span.start, "end": c.span.end, "quote": c.span.exact, "sentence": c.sentence.exact,
        "subject": c.subject, "subject_text": c.subject_text, "metric": c.metric, "event": c.event,
        "background": c.background, "scope": c.scope, "time": c.time, "time_basis": c.time_basis,
        "value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier, "unit": q.unit,
        "quantity_kind": q.kind, "value_text": _value(c), "attribution": according_to(c.attribution) or None,
        "origin": c.attribution.origin if c.attribution else None, "hedged": c.hedged, "negated": c.negated,
        "provisional": c.provisional,
    }


def claims_frame(report: Report) -> Any:
    """A pandas DataFrame with one row per claim of the report, in the report's order.

    Columns (:data:`CLAIMS_COLUMNS`): the claim and document ids; the document's
    ``source``, ``published`` (a ``datetime.date``) and ``url``; the evidence's ``start``/``end``
    offsets, ``quote`` and ``sentence``; the frame (``subject``, ``metric``, ``event``,
    ``background``, ``scope``, ``time``, ``time_basis``); the interval (``value``, ``low``,
    ``high``: ``NaN``/``None`` for unbounded, ``qualifier``, ``unit``, ``quantity_kind``,
    ``value_text`` as a reader would say it); ``attribution`` ("according to …") and its
    ``origin``; the flags; and ``findings``, the 1-based numbers of the findings citing the
    claim, comma-separated (join with :func:`findings_frame` on ``claim_id``).

    Raises:
        ImportError: pandas is not installed (``pip install "claimcheck[pandas]"``).

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check([cc.Document(id="a", text="WeChat has 355 million monthly active users.",
        ...                           source="Agency"),
        ...               cc.Document(id="b", text="WeChat has 396 million monthly active users.",
        ...                           source="Wire")])
        >>> df = claims_frame(r)
        >>> df[["doc_id", "source", "value", "findings"]].values.tolist()
        [['a', 'Agency', 355000000.0, '1'], ['b', 'Wire', 396000000.0, '1']]
    """
    pd = _pandas("claims_frame")
    docs = {d.id: d for d in report.documents}
    cited: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(report.findings, 1):
        for c in f.claims:
            ns = cited.setdefault((c.doc_id, c.id), [])
            if i not in ns:
                ns.append(i)
    rows = []
    for c in report.claims:
        row = _claim_columns(c, docs)
        row["findings"] = ", ".join(map(str, cited.get((c.doc_id, c.id), []))) or None
        rows.append(row)
    return pd.DataFrame(rows, columns=list(CLAIMS_COLUMNS))


def findings_frame(report: Report) -> Any:
    """A tidy pandas DataFrame: one row per claim of each finding (a finding with four
    quotes gives four rows), numbered by ``finding`` (1-based, the report's order).

    Columns (:data:`FINDINGS_COLUMNS`): the finding's ``kind``, ``subject``, ``metric``,
    ``temporal``, ``holds``, ``spread``, ``message`` and ``what_to_check``, repeated on each of
    its rows; the ``value`` the claim states (as the finding labels it) with the
    ``documents`` and independent ``origins`` behind that value; then the claim: ids, its
    document's ``source``, ``published`` and ``url``, offsets, ``quote``, frame and
    interval. ``findings_frame(r).drop_duplicates("finding")`` gives one row per finding; a
    finding without claims has one row with the claim columns empty.

    Raises:
        ImportError: pandas is not installed (``pip install "claimcheck[pandas]"``).

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check(["WeChat has 355 million monthly active users.",
        ...               "WeChat has 396 million monthly active users."])
        >>> df = findings_frame(r)
        >>> df[["finding", "kind", "value", "doc_id"]].values.tolist()
        [[1, 'conflict', '355 million', 'doc1'], [1, 'conflict', '396 million', 'doc2']]
    """
    from .wording import what_to_check

    pd = _pandas("findings_frame")
    docs = {d.id: d for d in report.documents}
    rows = []
    for i, f in enumerate(report.findings, 1):
        head = {"finding": i, "kind": f.kind, "subject": f.subject, "metric": f.metric, "temporal": f.temporal,
                "holds": f.holds, "spread": f.spread, "message": f.message, "what_to_check": what_to_check(f)}
        value_of = {cid: v for v in f.values for cid in v.claim_ids}
        if not f.claims:
            rows.append(head)
        for c in f.claims:
            cols = _claim_columns(c, docs)
            v = value_of.get(c.id)
            rows.append({**head, "value": v.value if v else _value(c), "documents": v.documents if v else None,
                         "origins": v.origins if v else None,
                         **{k: cols[k] for k in FINDINGS_COLUMNS if k in cols and k not in head and k != "value"}})
    df = pd.DataFrame(rows, columns=list(FINDINGS_COLUMNS))
    return df.astype({"finding": "int64"}) if rows else df


def to_csv(report: Report, table: str = "rows") -> str:
    """A table of the report as CSV text, safe to open in a spreadsheet: ``table`` is
    ``"rows"`` (:func:`to_dataframe`), ``"claims"`` (:func:`claims_frame`) or ``"findings"``
    (:func:`findings_frame`).

    A text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a
    leading apostrophe (``'=HYPERLINK(…)``): spreadsheets show such a cell as text and never
    evaluate it (OWASP's rule against CSV injection). Numbers stay numbers (a value of -5
    is written ``-5.0``), so only text taken from articles and metadata changes, and only
    by that one character. The frames themselves keep every value exact.

    Raises:
        ImportError: pandas is not installed (``pip install "claimcheck[pandas]"``).
        ValueError: ``table`` is none of the three.

    Example:
        >>> from claimcheck.models import Report, Finding
        >>> csv = to_csv(Report(findings=(Finding(kind="conflict", subject="=1+1", message="@SUM(A1)"),)))
        >>> "'=1+1" in csv and "'@SUM(A1)" in csv
        True
        >>> to_csv(Report(), "findings").splitlines()[0].split(",")[:2]
        ['finding', 'kind']
    """
    frames = {"rows": to_dataframe, "claims": claims_frame, "findings": findings_frame}
    if table not in frames:
        raise ValueError(f"table must be one of {', '.join(frames)}, not {table!r}")
    df = frames[table](report)
    for column in df.columns:
        if df[column].dtype == object or str(df[column].dtype) in ("string", "str"):
            df[column] = df[column].map(_guard.csv_cell)
    return str(df.to_csv(index=False))
