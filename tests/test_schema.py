"""The committed JSON schema of Report (docs/schema/report.json) is the one the models give.

Pipelines validate against the committed file; a model change that alters the JSON must
update it on purpose:

    python -c "import json, claimcheck as cc; print(json.dumps(cc.Report.model_json_schema(), indent=2, ensure_ascii=False))" > docs/schema/report.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimcheck as cc

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema" / "report.json"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


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
    """Every key of a dumped report is a property the schema declares, and a finding with
    every field set writes every property (no drift either way; defaults are left out)."""
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    from claimcheck.models import CurrencyReading

    full = cc.Finding(kind="internal", subject="s", metric="m", time="2014", spread=0.5, holds=True,
                      relation="2×", temporal=True, message="m",
                      values=(cc.ValueSupport(value="1", claim_ids=("c",), documents=1, origins=1),),
                      currencies=(CurrencyReading(claim_id="c", currency="AUD", sign="$", basis="outlet"),))
    report = cc.Report(findings=(full, cc.Finding(kind="conflict", message="m")), warnings=("w",))
    dumped = json.loads(report.to_json())
    assert set(dumped) == set(committed["properties"])
    assert set(dumped["findings"][0]) == set(committed["$defs"]["Finding"]["properties"]) - {"claims"}
    assert set(dumped["findings"][1]) == {"kind", "message"}


def _schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_schema_names_its_dialect_id_and_version() -> None:
    committed = _schema()
    assert committed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert committed["$id"] == f"urn:claimcheck:schema:report:{cc.Report().schema_version}"
    assert committed["properties"]["schema_version"]["const"] == "2"


def test_every_field_of_every_model_has_a_description() -> None:
    committed = _schema()
    missing = [f"{name}.{field}" for name, d in [("Report", committed), *committed["$defs"].items()]
               for field, prop in d.get("properties", {}).items() if not prop.get("description")]
    assert missing == []
    assert all("Example:" not in d.get("description", "") for d in committed["$defs"].values())


def test_schema_says_findings_cite_claim_ids_and_texts_come_from_documents() -> None:
    defs = _schema()["$defs"]
    items = defs["Finding"]["properties"]["claims"]["items"]["anyOf"]
    assert {"type": "string", "description": "Id of a claim in Report.claims."} in items
    assert "exact" not in defs["Span"]["required"] and "text" not in defs["Quantity"]["required"]


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    committed = _schema()
    jsonschema.Draft202012Validator.check_schema(committed)
    return jsonschema.Draft202012Validator(committed, format_checker=jsonschema.FormatChecker())


def _errors(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_seed_report_json_validates_against_the_committed_schema() -> None:
    from test_check import run, seed_claims

    report = run(seed_claims(), aliases={"We Chat": "WeChat"})
    data = json.loads(report.to_json())
    assert _errors(_validator(), data) == []
    assert all(isinstance(c, str) for f in data["findings"] for c in f["claims"])


def test_schema_rejects_what_the_models_reject() -> None:
    validator = _validator()
    assert _errors(validator, {"findings": [{"kind": "rumour", "message": "m"}]})
    assert _errors(validator, {"schema_version": "1"})
    assert _errors(validator, {"colour": "red"})


def test_aceh_report_json_is_a_third_of_the_old_layout_and_validates() -> None:
    """On a real 8-article cluster: the JSON validates, reads back exactly, and is at most a
    third of the layout before schema_version 2 (every claim copied into its findings, span
    texts repeated, defaults written, indented)."""
    folder = SHARED / "corpus" / "aceh-earthquake-2013"
    if not (folder / "gold.json").is_file():
        pytest.skip("the shared corpus is not beside the project")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    docs = [cc.Document(id=k, text=(folder / v["file"]).read_text(encoding="utf-8"), published=v["published"])
            for k, v in sorted(gold["documents"].items())]
    report = cc.check(docs)
    out = report.to_json()
    assert cc.Report.model_validate_json(out) == report
    assert _errors(_validator(), json.loads(out)) == []
    # the old layout, rebuilt from the same report: full claims in findings, every field, indented
    old = {"documents": [d.model_dump(mode="json") for d in report.documents],
           "claims": [c.model_dump(mode="json") for c in report.claims],
           "findings": [f.model_dump(mode="json") for f in report.findings],
           "set_aside": [s.model_dump(mode="json") for s in report.set_aside],
           "warnings": list(report.warnings)}
    old_size = len(json.dumps(old, indent=2, ensure_ascii=False))
    assert len(out) * 3 <= old_size, (len(out), old_size)
    # laid out for reading it is still much smaller than the old layout laid out the same way
    assert len(report.to_json(indent=2)) * 2 <= old_size
