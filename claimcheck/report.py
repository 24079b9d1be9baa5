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
import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from . import _guard
from .models import CONTEXT_CHARS, Claim, Document, Finding, FindingKind, Report

__all__ = [
    "CLAIMS_COLUMNS",
    "DATAFRAME_COLUMNS",
    "FINDINGS_COLUMNS",
    "claims_frame",
    "finding_svg",
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

_KIND_ORDER: tuple[FindingKind, ...] = ("conflict", "misattribution", "update", "internal", "compatible", "agreement")


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
    from .wording import display_subject

    kind = f.kind.upper() + (f" ({', '.join(notes)})" if notes else "")
    about = ", ".join(x for x in (display_subject(f.subject, start=True), f.metric) if x)
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
    """ "according to the mayor", "according to SIIO, via Xinhua"; empty when unattributed."""
    from .wording import according_to

    return according_to(c.attribution)


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

#: The report's styles. Every selector is scoped under ``.claimcheck`` and every declaration
#: is made ``!important`` (see :func:`_important`), so a notebook's own CSS (JupyterLab
#: right-aligns table cells, stripes rows, restyles blockquotes) cannot change the layout.
_CSS_RULES = """
.claimcheck{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#fafbfc;max-width:1100px;text-align:left;padding:.4em .8em;box-sizing:border-box}
.claimcheck *{box-sizing:border-box}
.claimcheck h1{font-size:1.6em;margin:.2em 0;padding:0;border:0;font-weight:700;color:#1d2330}
.claimcheck h2{font-size:1.25em;margin:1.2em 0 .4em;border:0;border-bottom:1px solid #d9dde5;padding:0 0 .2em 0;font-weight:700;color:#1d2330}
.claimcheck p{margin:.35em 0;padding:0;text-align:left}
.claimcheck a{color:#1f5fa8;text-decoration:underline}
.claimcheck .summary{color:#4a5263;margin:.2em 0 1em}
.claimcheck .finding{border:1px solid #d9dde5;border-left:6px solid #8a93a6;border-radius:6px;padding:.6em .9em;margin:.8em 0;background:#fff}
.claimcheck .kind-conflict{border-left-color:#c62828;background:#fff7f7}
.claimcheck .kind-misattribution{border-left-color:#e08a00;background:#fffaf0}
.claimcheck .kind-update{border-left-color:#00838f;background:#f4fbfc}
.claimcheck .kind-internal{border-left-color:#6a4fb3}
.claimcheck .kind-compatible{border-left-color:#2e7bbf}
.claimcheck .kind-agreement{border-left-color:#2e7d32}
.claimcheck .badge{display:inline-block;font-size:.75em;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:.1em .5em;border-radius:3px;background:#8a93a6;color:#fff;margin-right:.5em;white-space:nowrap}
.claimcheck .badge-conflict{background:#c62828}
.claimcheck .badge-misattribution{background:#e08a00}
.claimcheck .badge-update{background:#00838f}
.claimcheck .badge-internal{background:#6a4fb3}
.claimcheck .badge-compatible{background:#2e7bbf}
.claimcheck .badge-agreement{background:#2e7d32}
.claimcheck .about{font-weight:600}
.claimcheck .message{margin:.35em 0 .3em;font-size:1.02em}
.claimcheck .check{margin:.2em 0 .5em;color:#3b4252;font-size:.93em}
.claimcheck .check strong{color:#1d2330}
.claimcheck .independence{margin:.2em 0;color:#4a5263;font-size:.9em}
.claimcheck table{border-collapse:collapse;border-spacing:0;margin:.3em 0 .6em;font-size:.9em;table-layout:auto;width:auto;max-width:100%;border:0;background:transparent}
.claimcheck tr,.claimcheck thead,.claimcheck tbody{background:transparent;border:0}
.claimcheck th,.claimcheck td{border:1px solid #d9dde5;padding:.2em .5em;text-align:left;vertical-align:top;background:transparent;color:#1d2330;white-space:normal;max-width:none;font-size:inherit;line-height:1.4}
.claimcheck th{background:#f1f3f7;font-weight:600}
.claimcheck td.num,.claimcheck th.num{text-align:right;white-space:nowrap}
.claimcheck table.overview td{vertical-align:middle}
.claimcheck blockquote{margin:.25em 0;padding:.25em .7em;border:0;border-left:3px solid #c5cad6;background:#f7f8fa;font-size:.93em;color:#1d2330;font-style:normal}
.claimcheck blockquote .doc{font-weight:700;margin-right:.4em}
.claimcheck blockquote .attr{color:#5b6477;font-style:italic}
.claimcheck mark{background:#ffe27a;color:#1d2330;padding:0 .1em;border-radius:2px}
.claimcheck details{margin:.4em 0}
.claimcheck summary{cursor:pointer;color:#1f5fa8;display:list-item}
.claimcheck .muted{color:#6b7385}
.claimcheck svg{display:block;margin:.3em 0 .5em;max-width:100%;height:auto;overflow:visible}
"""


def _important(css: str) -> str:
    """Every declaration of ``css`` marked ``!important``."""
    def rule(m: re.Match[str]) -> str:
        decls = [d.strip() for d in m.group(2).split(";") if d.strip()]
        return m.group(1) + "{" + ";".join(d if d.endswith("!important") else d + "!important" for d in decls) + "}"

    return re.sub(r"([^{}]+)\{([^{}]*)\}", rule, css.strip())


_CSS = _important(_CSS_RULES)


def _h(text: object) -> str:
    """Text made inert in HTML: control characters escaped (newline and tab kept), then
    HTML-escaped."""
    return html.escape(_guard.escape_controls(str(text), layout=True), quote=True)


def _link(url: str | None, label: str, title: str | None = None) -> str:
    """``label`` (already HTML) as a link to ``url`` if it can be one, else as it is."""
    from .exports import safe_url

    if url is None or safe_url(url.split("#", 1)[0]) is None:
        return label
    t = f' title="{_h(title)}"' if title else ""
    return f'<a href="{_h(url)}" rel="noopener noreferrer" target="_blank"{t}>{label}</a>'


class _View:
    """What the HTML renderer looks up more than once: documents, claims by id, copies."""

    def __init__(self, report: Report) -> None:
        from .exports import shared_sentences

        self.report = report
        self.docs = {d.id: d for d in report.documents}
        self.claims: dict[str, Claim] = {}
        for c in report.claims:
            self.claims.setdefault(c.id, c)
        for f in report.findings:
            for c in f.claims:
                self.claims.setdefault(c.id, c)
        self.shared = shared_sentences(report.documents, self.claims.values())

    def doc_label(self, doc_id: str) -> str:
        from .wording import document_label

        return document_label(self.docs.get(doc_id), doc_id)

    def copies(self, claims: Iterable[Claim]) -> list[tuple[str, ...]]:
        """Groups of the documents of ``claims`` whose claims there share a sentence word for word."""
        cs = list(claims)
        docs = {c.doc_id for c in cs}
        groups: list[set[str]] = []
        for c in cs:
            g = set(self.shared.get((c.doc_id, c.id), ())) & docs
            if len(g) < 2:
                continue
            for other in groups:
                if other & g:
                    other |= g
                    break
            else:
                groups.append(g)
        return [tuple(sorted(g, key=_guard.natural_key)) for g in groups]


def _base(c: Claim, x: float | None) -> float | None:
    """``x`` (in the claim's unit) in its dimension's base unit, or None."""
    from .errors import UnitError
    from .units import base_magnitude

    if x is None:
        return None
    try:
        return base_magnitude(x, c.quantity.unit)
    except UnitError:
        return float(x)


def _value_order(f: Finding, view: _View) -> list[Any]:
    """The finding's values in the order a reader should see them: in time order for an
    update (as the check gives them), else by number, smallest first."""
    if f.kind == "update":
        return list(f.values)

    def number(v: Any) -> float:
        cs = [view.claims[i] for i in v.claim_ids if i in view.claims]
        xs = [b for c in cs if (b := _base(c, c.quantity.value)) is not None]
        return min(xs) if xs else math.inf

    return sorted(f.values, key=number)


def _values_text(f: Finding, view: _View) -> str:
    return " · ".join(v.value for v in _value_order(f, view))


def _overview(report: Report, view: _View) -> str:
    from .wording import display_subject, docs_text, spread_text

    rows = [('<table class="overview"><thead><tr><th class="num">#</th><th>kind</th><th>subject</th><th>metric</th>'
             '<th>values</th><th>sources</th><th class="num">spread</th></tr></thead><tbody>')]
    for i, f in enumerate(report.findings, 1):
        kind = f.kind + (" (dates)" if f.temporal else "")
        rows.append(
            f'<tr><td class="num"><a href="#cc-finding-{i}">{i}</a></td>'
            f'<td><span class="badge badge-{_h(f.kind)}">{_h(kind)}</span></td>'
            f"<td>{_h(display_subject(f.subject, start=True) or '—')}</td><td>{_h(f.metric or '')}</td>"
            f"<td>{_h(_values_text(f, view))}</td><td>{_h(docs_text(c.doc_id for c in f.claims))}</td>"
            f'<td class="num">{_h(spread_text(f.spread, f.kind) if f.kind != "agreement" else "")}</td></tr>')
    rows.append("</tbody></table>")
    return "\n".join(rows)


_ROW_H = 22
_LABEL_W = 210
_PLOT_W = 330
_VALUE_W = 150


def _chartable(f: Finding) -> bool:
    # (sums in several currencies share no axis: their message gives each at the reference rate)
    return (not f.temporal and f.kind != "internal" and len({r.currency for r in f.currencies}) <= 1
            and any(c.quantity.kind != "date" and c.quantity.value is not None for c in f.claims))


def _interval(c: Claim) -> tuple[float, float | None, float | None] | None:
    """(value, low, high) of a claim in base units; None bounds are unbounded."""
    from .check import DEFAULT_TOLERANCE

    q = c.quantity
    v = _base(c, q.value)
    if v is None:
        return None
    lo, hi = _base(c, q.low), _base(c, q.high)
    if q.qualifier == "exact":
        lo = v if lo is None else lo
        hi = v if hi is None else hi
    elif q.qualifier == "approximate" and (lo is None or hi is None or lo == hi):
        lo, hi = v - DEFAULT_TOLERANCE * abs(v), v + DEFAULT_TOLERANCE * abs(v)
    elif q.qualifier in ("more_than", "at_least") and lo is None:
        lo = v
    elif q.qualifier in ("less_than", "at_most") and hi is None:
        hi = v
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return v, lo, hi


def _when(c: Claim, view: _View) -> str:
    d = view.docs.get(c.doc_id)
    if c.time and c.time_basis in ("stated", "published", "earlier", None):
        return c.time + ("~" if c.time_basis == "earlier" else "")
    return d.published.isoformat() if d is not None and d.published else ""


def _axis_ticks(lo: float, hi: float, log: bool) -> list[float]:
    if log:
        a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
        return [10.0 ** k for k in range(a, b + 1)]
    span = hi - lo
    step = 10 ** math.floor(math.log10(span)) if span > 0 else 1.0
    for m in (1, 2, 5, 10):
        if span / (step * m) <= 4:
            step *= m
            break
    first = math.ceil(lo / step) * step
    return [first + k * step for k in range(int((hi - first) / step + 1e-9) + 1)]


def _tick(v: float) -> str:
    """An axis label short enough for a tick: 360M, 1.5k, 0.25."""
    a = abs(v)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:.3g}"


def _svg(f: Finding, i: int, view: _View) -> str:
    """A small inline SVG: one row per claim (source), its interval as a bar (an arrow where
    it is unbounded) and its value as a dot (hollow when approximate or a bound); rows in time
    order for an update, else by value. No script, no external reference."""
    from .wording import date_label

    rows = []
    for c in f.claims:
        iv = _interval(c)
        if iv is not None:
            rows.append((c, iv))
    if not rows:
        return ""
    if f.kind == "update":
        rows.sort(key=lambda r: (_when(r[0], view), r[1][0], _guard.natural_key(r[0].doc_id)))
    else:
        rows.sort(key=lambda r: (r[1][0], _guard.natural_key(r[0].doc_id)))
    finite = [x for _, (v, lo, hi) in rows for x in (v, lo, hi) if x is not None and math.isfinite(x)]
    lo_all, hi_all = min(finite), max(finite)
    log = lo_all > 0 and hi_all / lo_all > 20
    if log:  # room for the arrow of an unbounded interval at either end
        lo_all, hi_all = lo_all / 1.3, hi_all * 1.6
    else:
        pad = (hi_all - lo_all) * 0.08 or abs(hi_all) * 0.1 or 1.0
        lo_all, hi_all = min(lo_all - pad, 0.0) if lo_all >= 0 and lo_all - pad < 0 else lo_all - pad, hi_all + pad
    # the unit of the first claim shown, for the axis labels
    unit_claim = rows[0][0]
    scale = _base(unit_claim, 1.0) or 1.0

    def x(val: float) -> float:
        if log:
            t = (math.log10(val) - math.log10(lo_all)) / (math.log10(hi_all) - math.log10(lo_all))
        else:
            t = (val - lo_all) / (hi_all - lo_all) if hi_all > lo_all else 0.5
        return _LABEL_W + 8 + max(0.0, min(1.0, t)) * (_PLOT_W - 16)

    height = len(rows) * _ROW_H + 34
    width = _LABEL_W + _PLOT_W + _VALUE_W
    title = f"{'Values in time order' if f.kind == 'update' else 'Values'} per source for finding {i}"
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
              f'viewBox="0 0 {width} {height}" role="img" aria-label="{_h(title)}" '
              f'font-family="system-ui,sans-serif" font-size="12">'), f"<title>{_h(title)}</title>",
             f'<rect x="{_LABEL_W}" y="0" width="{_PLOT_W}" height="{len(rows) * _ROW_H + 6}" fill="#f7f8fa"/>']
    for shown in _axis_ticks(lo_all / scale, hi_all / scale, log):  # ticks in the unit shown
        t = shown * scale
        if t < lo_all - 1e-9 * abs(lo_all) or t > hi_all + 1e-9 * abs(hi_all):
            continue
        tx = x(t)
        parts.append(f'<line x1="{tx:.1f}" y1="0" x2="{tx:.1f}" y2="{len(rows) * _ROW_H + 6}" stroke="#d9dde5"/>')
        parts.append(f'<text x="{tx:.1f}" y="{len(rows) * _ROW_H + 20}" text-anchor="middle" fill="#5b6477">'
                     f"{_h(_tick(shown))}</text>")
    unit = unit_claim.quantity.unit
    if unit:
        from .lexicon import plural

        name = unit.replace("_", " ")
        name = name if re.fullmatch(r"[A-Z]{3}", unit) or unit == "percent" else plural(name)
        parts.append(f'<text x="{_LABEL_W + _PLOT_W}" y="{len(rows) * _ROW_H + 32}" text-anchor="end" '
                     f'fill="#5b6477">{_h(name)}{" (log scale)" if log else ""}</text>')
    elif log:
        parts.append(f'<text x="{_LABEL_W + _PLOT_W}" y="{len(rows) * _ROW_H + 32}" text-anchor="end" '
                     f'fill="#5b6477">log scale</text>')
    colour = {"conflict": "#c62828", "misattribution": "#e08a00", "update": "#00838f",
              "compatible": "#2e7bbf", "agreement": "#2e7d32"}.get(f.kind, "#555")
    previous_when = None
    for k, (c, (v, lo, hi)) in enumerate(rows):
        y = k * _ROW_H + _ROW_H / 2 + 3
        d = view.docs.get(c.doc_id)
        when = _when(c, view)
        if f.kind == "update" and previous_when is not None and when[:10] != previous_when[:10]:
            parts.append(f'<line x1="0" y1="{k * _ROW_H + 3}" x2="{width}" y2="{k * _ROW_H + 3}" '
                         'stroke="#9aa3b5" stroke-dasharray="3,3"/>')
        previous_when = when
        label = " · ".join(p for p in (c.doc_id, (d.source or "") if d else "", date_label(when[:10])) if p)
        if len(label) > 34:
            label = label[:33] + "…"
        parts.append(f'<text x="{_LABEL_W - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#1d2330">{_h(label)}</text>')
        x1 = x(lo) if lo is not None else _LABEL_W + 2
        x2 = x(hi) if hi is not None else _LABEL_W + _PLOT_W - 2
        parts.append(f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{colour}" '
                     'stroke-width="3" stroke-opacity="0.45" stroke-linecap="round"/>')
        if hi is None:
            parts.append(f'<polygon points="{x2:.1f},{y:.1f} {x2 - 7:.1f},{y - 5:.1f} {x2 - 7:.1f},{y + 5:.1f}" '
                         f'fill="{colour}" fill-opacity="0.6"/>')
        if lo is None:
            parts.append(f'<polygon points="{x1:.1f},{y:.1f} {x1 + 7:.1f},{y - 5:.1f} {x1 + 7:.1f},{y + 5:.1f}" '
                         f'fill="{colour}" fill-opacity="0.6"/>')
        hollow = c.quantity.qualifier != "exact"
        parts.append(f'<circle cx="{x(v):.1f}" cy="{y:.1f}" r="5" stroke="{colour}" stroke-width="2" '
                     f'fill="{"#fff" if hollow else colour}"/>')
        parts.append(f'<text x="{_LABEL_W + _PLOT_W + 8}" y="{y + 4:.1f}" fill="#1d2330">{_h(_value(c))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def finding_svg(report: Report, number: int) -> str:
    """The HTML report's chart of finding ``number`` (1-based, the report's order) as an SVG
    document: one row per source with its value (a dot) and interval (a bar, an arrow where
    unbounded), in time order for an update. Empty for findings without a chart (dates,
    ``internal``). In a notebook: ``IPython.display.SVG(finding_svg(report, 1))``.

    Raises:
        IndexError: the report has no finding ``number``.

    Example:
        >>> import claimcheck as cc
        >>> r = cc.check(["WeChat has 355 million monthly active users.",
        ...               "WeChat has 396 million monthly active users."])
        >>> svg = finding_svg(r, 1)
        >>> svg.startswith("<svg xmlns="), svg.count("<circle")
        (True, 2)
    """
    if not 1 <= number <= len(report.findings):
        raise IndexError(f"the report has findings 1 to {len(report.findings)}, not {number}")
    f = report.findings[number - 1]
    return _svg(f, number, _View(report)) if _chartable(f) else ""


def _html_quote(c: Claim, view: _View) -> str:
    from .exports import text_fragment_url
    from .wording import according_to

    pre, exact, suf = _quote_parts(c)
    d = view.docs.get(c.doc_id)
    label = _h(view.doc_label(c.doc_id))
    url = text_fragment_url(d.url if d else None, c.span.exact, c.span.prefix)
    head = _link(url, label, d.title if d else None)
    attr = according_to(c.attribution)
    return (f'<blockquote><span class="doc">{head}</span>'
            f"{_h(pre)}<mark>{_h(exact)}</mark>{_h(suf)}"
            + (f' <span class="attr">({_h(attr)})</span>' if attr else "") + "</blockquote>")


_SHOWN_QUOTES = 3


def _values_table(f: Finding, view: _View) -> str:
    from .wording import independence_text

    out = [('<table><thead><tr><th>value</th><th>stated by (source, date)</th><th class="num">documents</th>'
            '<th class="num">independent origins</th><th>named origins</th></tr></thead><tbody>')]
    for v in _value_order(f, view):
        cs = [view.claims[i] for i in v.claim_ids if i in view.claims]
        doc_ids = sorted({c.doc_id for c in cs}, key=_guard.natural_key)
        by = "<br>".join(_link((view.docs[d].url if d in view.docs else None), _h(view.doc_label(d)),
                               view.docs[d].title if d in view.docs else None) for d in doc_ids)
        note = independence_text(v.documents, v.origins, view.copies(cs))
        out.append(f"<tr><td>{_h(v.value)}</td><td>{by}</td><td class=\"num\">{v.documents}</td>"
                   f"<td class=\"num\" title=\"{_h(note)}\">{v.origins}</td>"
                   f"<td>{_h(', '.join(v.origin_names))}</td></tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _html_finding(i: int, f: Finding, view: _View) -> str:
    from .wording import display_subject, independence_text, spread_text, what_to_check

    badge = f.kind + (" · dates" if f.temporal else "")
    if f.kind == "internal" and f.holds is not None:
        badge += " · holds" if f.holds else " · does not hold"
    about = ", ".join(_h(x) for x in (display_subject(f.subject, start=True), f.metric) if x)
    spread = spread_text(f.spread, f.kind) if f.spread and f.kind != "agreement" else ""
    parts = [f'<section class="finding kind-{_h(f.kind)}" id="cc-finding-{i}">',
             f'<div><span class="badge badge-{_h(f.kind)}">{i}. {_h(badge)}</span><span class="about">{about}</span>'
             + (f' <span class="muted">{_h(spread)}</span>' if spread else "") + "</div>",
             f'<p class="message">{_h(f.message)}</p>',
             f'<p class="check"><strong>What to check:</strong> {_h(what_to_check(f))}</p>']
    notes = []
    for v in f.values:
        copies = view.copies(view.claims[c] for c in v.claim_ids if c in view.claims)
        if copies:
            notes.append(f"{v.value}: {independence_text(v.documents, v.origins, copies)}")
    if notes:
        parts.append('<p class="independence">' + "<br>".join(_h(n) for n in notes) + "</p>")
    if _chartable(f):
        parts.append(_svg(f, i, view))
    if f.values:
        parts.append(_values_table(f, view))
    quotes = [_html_quote(c, view) for c in f.claims]
    parts += quotes[:_SHOWN_QUOTES]
    if len(quotes) > _SHOWN_QUOTES:
        rest = len(quotes) - _SHOWN_QUOTES
        parts.append(f"<details><summary>{rest} more quote{'s' if rest != 1 else ''}</summary>"
                     + "\n".join(quotes[_SHOWN_QUOTES:]) + "</details>")
    parts.append("</section>")
    return "\n".join(parts)


def _set_aside_html(report: Report, view: _View) -> str:
    if not report.set_aside:
        return ""
    by_rule = Counter(s.rule for s in report.set_aside)
    rules = ", ".join(f"{n} {r}" for r, n in by_rule.most_common())
    out = [(f"<details><summary>{len(report.set_aside)} figure{'s' if len(report.set_aside) != 1 else ''} "
            f"set aside, no claim ({_h(rules)})</summary>"),
           "<table><thead><tr><th>doc</th><th>figure</th><th>rule</th><th>why</th></tr></thead><tbody>"]
    for s in report.set_aside:
        out.append(f"<tr><td>{_h(s.doc_id)}</td><td>{_h(_one_line(s.quantity.text))}</td><td>{_h(s.rule)}</td>"
                   f"<td>{_h(s.reason)}</td></tr>")
    out.append("</tbody></table></details>")
    return "\n".join(out)


def _html_body(report: Report) -> str:
    from .wording import according_to, display_subject

    view = _View(report)
    out = ['<div class="claimcheck">', "<h1>claimcheck report</h1>",
           f'<p class="summary">{_h(_summary(report))}</p>']
    if report.findings:
        out += ["<h2>Summary</h2>", _overview(report, view), "<h2>Findings</h2>"]
        out += [_html_finding(i, f, view) for i, f in enumerate(report.findings, 1)]
    else:
        out.append('<p class="muted">No findings: no two documents give comparable figures.</p>')
    if report.warnings:
        out.append("<h2>Warnings</h2><ul>" + "".join(f"<li>{_h(w)}</li>" for w in report.warnings) + "</ul>")
    if report.documents:
        fields = _doc_fields(report.documents)
        out.append("<h2>Documents</h2><table><thead><tr>" + "".join(f"<th>{k}</th>" for k in fields)
                   + "</tr></thead><tbody>")
        for d in report.documents:
            cells = []
            for k in fields:
                cell = _h(_doc_field(d, k))
                if k == "url":
                    cell = _link(d.url, cell)  # only http(s): never a javascript: link
                cells.append(f"<td>{cell}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
    aside = _set_aside_html(report, view)
    if aside or report.claims:
        out.append("<h2>Everything else</h2>")
    if aside:
        out.append(aside)
    if report.claims:
        out.append(f"<details><summary>All {len(report.claims)} claims</summary>"
                   "<table><thead><tr><th>doc</th><th>subject</th><th>metric</th><th>value</th><th>time</th>"
                   "<th>attribution</th><th>quote</th></tr></thead><tbody>")
        for c in report.claims:
            out.append(f"<tr><td>{_h(c.doc_id)}</td><td>{_h(display_subject(c.subject))}</td>"
                       f"<td>{_h(c.metric or '')}</td><td>{_h(_value(c))}</td><td>{_h(c.time or '')}</td>"
                       f"<td>{_h(according_to(c.attribution))}</td><td>{_h(c.span.exact)}</td></tr>")
        out.append("</tbody></table></details>")
    out.append("</div>")
    return "\n".join(out)


def to_html(report: Report, fragment: bool = False) -> str:
    """The report as HTML: a self-contained page, or a ``<div>`` fragment for notebooks.

    First a summary table (one row per finding: kind, subject, metric, values in order,
    sources, spread), then a card per finding: its message, what to check next, how many
    independent origins stand behind each value (and which documents carry the same wire
    copy), a small SVG chart of the values or intervals per source (in time order for an
    update), the values with the source and date of each document stating them, and the
    quotes, each linked to its article at the quoted words (a ``#:~:text=`` fragment) where
    the document has an ``http(s)`` URL, and collapsed after three. Then warnings, the
    documents, the figures set aside (with the rule that set each aside) and every claim.

    Inline CSS only, scoped under ``.claimcheck`` and ``!important`` so a notebook's styles
    cannot rearrange it; no scripts and no external resources; every piece of article text
    and metadata is escaped, and only ``http(s)`` URLs become links.

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
