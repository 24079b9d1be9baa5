"""Issue 8, hardening: one minimal reproducer per item, each asserting the behaviour now.

Parser items of the issue (separators, zero-width characters, long numbers, dense-input
speed) are tested with the parser. The command line's faults are in test_cli_faults.py.
"""

from __future__ import annotations

import math

import claimcheck as cc

# --------------------------------------------------------------------------- models, JSON


def test_lone_surrogate_in_text_becomes_u_fffd_and_json_works() -> None:
    d = cc.Document(id="a", text="Five people died.\ud800")
    assert d.text == "Five people died.\ufffd" and len(d.text) == 18  # offsets unchanged
    r = cc.Report(documents=(d,))
    assert cc.Report.model_validate_json(r.to_json()) == r


def test_lone_surrogate_in_every_model_string_is_replaced() -> None:
    f = cc.Finding(kind="conflict", subject="X\udcff", message="m\ud800")
    assert (f.subject, f.message) == ("X\ufffd", "m\ufffd")
    s = cc.Span(doc_id="d\udc80", start=0, end=1, exact="\ud800")
    assert s.model_dump_json()  # encodable


def test_infinite_spread_round_trips_exactly() -> None:
    r = cc.Report(findings=(cc.Finding(kind="conflict", message="m", spread=math.inf),))
    assert r.findings[0].spread == 1.7976931348623157e308
    assert cc.Report.model_validate_json(r.to_json()) == r


def test_nan_spread_is_no_spread() -> None:
    assert cc.Finding(kind="conflict", message="m", spread=math.nan).spread is None


def test_json_has_no_raw_c1_control_and_reads_back() -> None:
    r = cc.Report(warnings=("csi \x9b31m del \x7f",))
    out = r.to_json()
    assert "\x9b" not in out and "\x7f" not in out and "\\u009b" in out
    assert cc.Report.model_validate_json(out) == r
