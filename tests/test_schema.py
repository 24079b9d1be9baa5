"""The committed JSON schema of Report (docs/schema/report.json) is the one the models give.

Pipelines validate against the committed file; a model change that alters the JSON must
update it on purpose:

    python -c "import json, claimcheck as cc; print(json.dumps(cc.Report.model_json_schema(), indent=2, ensure_ascii=False))" > docs/schema/report.json
"""

from __future__ import annotations

import json
from pathlib import Path

import claimcheck as cc

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema" / "report.json"


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed == cc.Report.model_json_schema(), (
        "docs/schema/report.json is out of date; regenerate it (see tests/test_schema.py)"
    )


def test_schema_describes_findings_and_claims() -> None:
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    defs = committed["$defs"]
    assert set(committed["properties"]) >= {"documents", "claims", "findings", "set_aside", "warnings"}
    assert defs["Finding"]["properties"]["kind"]["enum"] == [
        "agreement", "compatible", "conflict", "misattribution", "internal", "update"]
    assert {"claims", "values", "spread", "holds", "temporal", "message"} <= set(defs["Finding"]["properties"])
    assert {"span", "sentence", "quantity", "attribution", "event", "background", "scope", "time",
            "time_basis", "provisional", "rule"} <= set(defs["Claim"]["properties"])
    assert {"doc_id", "quantity", "rule"} <= set(defs["SetAside"]["properties"])


def test_a_report_validates_against_its_schema_shape() -> None:
    """Every key of a dumped report is a property the schema declares (no drift either way)."""
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    report = cc.Report(findings=(cc.Finding(kind="conflict", message="m"),), warnings=("w",))
    dumped = json.loads(report.to_json())
    assert set(dumped) == set(committed["properties"])
    assert set(dumped["findings"][0]) == set(committed["$defs"]["Finding"]["properties"])
