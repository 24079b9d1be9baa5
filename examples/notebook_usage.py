"""How a notebook uses claimcheck: load a story, check it, look at the findings.

Run it as a script (``python examples/notebook_usage.py``) or paste the cells into a
notebook; there ``report`` on its own in a cell shows the HTML report.
"""

# %% Load the bundled example story (an invented story: four articles about an inquiry)
import json
from pathlib import Path

import claimcheck as cc

story = Path(__file__).resolve().parent / "story"
meta = {a["file"]: a for a in json.loads((story / "meta.json").read_text(encoding="utf-8"))["articles"]}
docs = [
    cc.Document(id=path.stem, text=path.read_text(encoding="utf-8"),
                source=meta[path.name]["outlet"], published=meta[path.name]["published"])
    for path in sorted(story.glob("*.txt"))
]

# %% Check the articles against each other
report = cc.check(docs, metric_synonyms={"monthly users": "monthly active users"})
print(report)  # in a notebook: just `report` renders the HTML version

# %% The conflicts, with the quotes behind each value
for finding in report.conflicts:
    print(finding.message)
    for claim in finding.claims:
        print(f"   {claim.doc_id}: …{claim.span.prefix}[{claim.span.exact}]{claim.span.suffix}…")

# %% Who stands behind each value: documents vs independent origins
for finding in report.findings:
    for v in finding.values:
        print(f"{finding.kind:15} {v.value:30} documents={v.documents} origins={v.origins}")

# %% Tables to filter and sort (needs pandas): one row per claim of each finding, and per claim
try:
    findings = report.findings_frame()
except ImportError as e:
    print(e)
else:
    print(findings.drop_duplicates("finding")[["finding", "kind", "subject", "metric", "spread"]].to_string())
    print(report.claims_frame()[["doc_id", "source", "published", "metric", "value_text", "quote"]].to_string())

# %% Save for the desk: Markdown for a ticket, HTML for a browser, JSON for a pipeline
out = Path("build")
out.mkdir(exist_ok=True)
(out / "story.md").write_text(report.to_markdown(), encoding="utf-8")
(out / "story.html").write_text(report.to_html(), encoding="utf-8")
(out / "story.json").write_text(report.to_json(), encoding="utf-8")
assert cc.Report.model_validate_json((out / "story.json").read_text(encoding="utf-8")) == report
