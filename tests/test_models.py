"""The models: validation, JSON round trip, JSON schema, and the pinned public API."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import claimcheck as cc
from claimcheck.models import Relation

EXPECTED_ALL = {
    "Attribution",
    "Claim",
    "ClaimcheckError",
    "Document",
    "Finding",
    "InputError",
    "LexiconError",
    "Quantity",
    "Relation",
    "Report",
    "Span",
    "Story",
    "UnitError",
    "ValueSupport",
    "__version__",
    "check",
    "check_stories",
    "extract",
    "parse_quantities",
    "read_claims",
    "read_documents",
    "read_jsonl",
}


def test_public_names_are_pinned() -> None:
    assert set(cc.__all__) == EXPECTED_ALL
    for name in cc.__all__:
        assert hasattr(cc, name), name


@pytest.mark.parametrize(
    "kwargs",
    [
        {"doc_id": "d", "start": 5, "end": 2, "exact": ""},  # end before start
        {"doc_id": "d", "start": 0, "end": 3, "exact": "ab"},  # length mismatch
        {"doc_id": "d", "start": -1, "end": 1, "exact": "ab"},  # negative offset
        {"doc_id": "d", "start": 0, "end": 1, "exact": "a", "colour": "red"},  # unknown field
    ],
)
def test_span_rejects_inconsistent_offsets(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        cc.Span(**kwargs)  # type: ignore[arg-type]


def test_models_are_frozen() -> None:
    s = cc.Span(doc_id="d", start=0, end=1, exact="a")
    with pytest.raises(ValidationError):
        s.start = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": "5", "start": 0, "end": 1, "value": 5, "low": 6, "high": 5},
        {"text": "5", "start": 0, "end": 2, "value": 5},
        {"text": "5", "start": 0, "end": 1, "value": float("nan")},
        {"text": "5", "start": 0, "end": 1, "value": 5, "kind": "weight"},
        {"text": "5", "start": 0, "end": 1, "value": 5, "qualifier": "roughly"},
    ],
)
def test_quantity_rejects_bad_values(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        cc.Quantity(**kwargs)  # type: ignore[arg-type]


def test_quantity_to_pint_without_unit_is_a_unit_error() -> None:
    q = cc.Quantity(text="5", start=0, end=1, value=5, low=5, high=5)
    with pytest.raises(cc.UnitError):
        q.to_pint()


def test_quantity_to_pint_converts() -> None:
    q = cc.Quantity(text="2 weeks", start=0, end=7, value=2, low=2, high=2, unit="week",
                    kind="duration")
    assert q.to_pint().to("day").magnitude == pytest.approx(14)


def test_document_parses_iso_dates_and_requires_an_id() -> None:
    d = cc.Document(id="x", text="t", published="2014-05-28")  # type: ignore[arg-type]
    assert d.published == dt.date(2014, 5, 28)
    with pytest.raises(ValidationError):
        cc.Document(id="", text="t")


_finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15)


@st.composite
def _quantities(draw: st.DrawFn) -> cc.Quantity:
    text = draw(st.text(min_size=1, max_size=20))
    start = draw(st.integers(0, 1000))
    a, b = sorted((draw(_finite), draw(_finite)))
    return cc.Quantity(
        text=text,
        start=start,
        end=start + len(text),
        value=draw(st.one_of(st.none(), _finite)),
        low=draw(st.one_of(st.none(), st.just(a))),
        high=draw(st.one_of(st.none(), st.just(b))),
        low_inclusive=draw(st.booleans()),
        qualifier=draw(st.sampled_from(["exact", "approximate", "more_than", "at_most", "range"])),
        unit=draw(st.one_of(st.none(), st.sampled_from(["month", "USD", "percent", "kilometer"]))),
        counted=draw(st.one_of(st.none(), st.text(max_size=10))),
        kind=draw(st.sampled_from(["count", "percent", "currency", "duration", "date"])),
    )


@given(_quantities(), st.text(max_size=30))
def test_claim_json_round_trip_is_exact(q: cc.Quantity, doc_id: str) -> None:
    span = cc.Span(doc_id=doc_id, start=q.start, end=q.end, exact=q.text, prefix="p", suffix="s")
    att = cc.Attribution(source="Xinhua", cue="said", chain=("Xinhua", "SIIO"), span=span)
    rel = Relation(factor=2, qualifier="more_than", other="abc", span=span)
    claim = cc.Claim(
        id="c1", doc_id=doc_id, subject="WeChat", subject_text="We Chat",
        metric="monthly active users", quantity=q, time="2014-03", time_text="in March",
        attribution=att, span=span, sentence=span, repeats=(span,), relation=rel,
    )
    report = cc.Report(
        documents=(cc.Document(id="d", text="x", published=dt.date(2014, 5, 30)),),
        claims=(claim,),
        findings=(cc.Finding(kind="conflict", claims=(claim,), spread=0.115, message="m",
                             values=(cc.ValueSupport(value="1", claim_ids=("c1",), documents=1,
                                                     origins=1),)),),
        warnings=("w",),
    )
    assert cc.Claim.model_validate_json(claim.model_dump_json()) == claim
    assert cc.Report.model_validate_json(report.to_json()) == report


def test_json_schemas_build() -> None:
    for model in (cc.Span, cc.Quantity, cc.Claim, cc.Finding, cc.Report):
        schema = model.model_json_schema()
        assert schema["type"] == "object"
        assert schema.get("additionalProperties") is False


def test_the_package_namespace_is_its_public_surface() -> None:
    """httpx's way: after every entry point and submodule has been used, the package's own
    namespace holds exactly ``__all__`` (and dunder names), never a leaked module or helper;
    ``import claimcheck.check`` gives the module, which ``cc.check(...)`` calls."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent('''
        import inspect, types
        import claimcheck as cc
        import claimcheck.check, claimcheck.claims, claimcheck.lexicon, claimcheck.models, claimcheck.rules
        report = cc.check(["Lumo has 5 million users.", "Lumo has 6 million users."])
        assert report.findings, report
        for name in cc.__all__:
            getattr(cc, name)
        import claimcheck.check as module
        assert isinstance(module, types.ModuleType) and callable(module), type(module)
        assert module is cc.check and module.check is not module
        assert "tolerance" in inspect.signature(cc.check).parameters
        assert claimcheck.lexicon.WORDS.treated
        leaked = sorted(k for k in vars(cc) if not k.startswith("_") and k not in cc.__all__)
        assert not leaked, leaked
        missing = sorted(set(cc.__all__) - set(dir(cc)))
        assert not missing, missing
    ''')
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
