"""Every rule of the claim stage, by name: one positive and one negative case each.

The cases live in ``tests/cases/rules.toml``. Each ``[[rule]]`` table names a decision
and a rule of :data:`claimcheck.rules.REGISTRY` and holds ``[[rule.positive]]`` and
``[[rule.negative]]`` cases: a ``text`` (optionally ``published``, YYYY-MM-DD) and the
``quote`` of one figure in it.

* positive: the figure is decided by that rule — ``Claim.rule[decision]`` is its name (for
  ``attribution``: ``Claim.attribution.rule``; for ``not a claim``: the figure is set aside
  under that rule).
* negative: a near miss — the figure is still a claim (or set aside for another reason),
  and the rule is not what decided it.

A rule without both kinds of case fails :func:`test_every_rule_has_cases`, and a case that
names a rule the registry lacks fails :func:`test_cases_name_registered_rules`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from casefiles import load_cases

import claimcheck.claims  # noqa: F401  (registers the tables)
from claimcheck.claims import analyse
from claimcheck.models import Document
from claimcheck.rules import REGISTRY, all_rules

CASES = load_cases("rules.toml")


def _params(kind: str) -> list[Any]:
    out = []
    for r in CASES.get("rule", []):
        for n, case in enumerate(r.get(kind, [])):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            out.append(pytest.param(r["decision"], r["name"], case, id=f"{r['decision']}:{r['name']}:{n}", marks=marks))
    return out


def _decided(decision: str, case: dict[str, Any]) -> str | None:
    """The rule that decided ``decision`` for the figure quoted, or '' when no rule did."""
    published = dt.date.fromisoformat(case["published"]) if "published" in case else None
    x = analyse(Document(id="case", text=case["text"], published=published))
    quote = case["quote"]
    hits = [c for c in x.claims if quote in c.span.exact or c.quantity.text in quote]
    aside = [s.rule for s in x.set_aside if quote in s.quantity.text or s.quantity.text in quote]
    if aside and (decision == "not a claim" or not hits):
        return aside[0] if decision == "not a claim" else f"set aside: {aside[0]}"
    assert hits, (
        f"{quote!r} is neither a claim nor set aside; claims {[c.span.exact for c in x.claims]}, "
        f"set aside {[(s.quantity.text, s.rule) for s in x.set_aside]}"
    )
    c = hits[0]
    if decision == "not a claim":
        return ""
    if decision == "attribution":  # the claim's rules and its attribution's must agree
        assert c.rule.get("attribution", "") == (c.attribution.rule if c.attribution else c.rule.get("attribution", ""))
        return c.rule.get("attribution", "")
    return c.rule.get(decision, "")


def _names(decided: str | None) -> list[str]:
    """The rules a decision names: an attribution can name two ("speaker before the verb +
    citing", the chain's outer and inner source)."""
    return (decided or "").split(" + ")


@pytest.mark.parametrize(("decision", "name", "case"), _params("positive"))
def test_rule_fires(decision: str, name: str, case: dict[str, Any]) -> None:
    assert name in _names(_decided(decision, case))


@pytest.mark.parametrize(("decision", "name", "case"), _params("negative"))
def test_rule_does_not_fire(decision: str, name: str, case: dict[str, Any]) -> None:
    assert name not in _names(_decided(decision, case))


def test_every_rule_has_cases() -> None:
    have = {(r["decision"], r["name"]): r for r in CASES.get("rule", [])}
    missing = [
        f"{d}: {rule.name}"
        for d, rule in all_rules()
        if not (have.get((d, rule.name), {}).get("positive") and have.get((d, rule.name), {}).get("negative"))
    ]
    assert not missing, f"rules without a positive and a negative case in tests/cases/rules.toml: {missing}"


def test_cases_name_registered_rules() -> None:
    unknown = [
        (r["decision"], r["name"])
        for r in CASES.get("rule", [])
        if r["decision"] not in REGISTRY or r["name"] not in REGISTRY[r["decision"]].names()
    ]
    assert not unknown, unknown


def test_registry_rules_are_documented() -> None:
    for d, rule in all_rules():
        assert rule.doc.strip() and rule.doc.strip() != "-", (d, rule.name)
        assert rule.example.strip() and rule.example.strip() != "-", (d, rule.name)


@pytest.mark.parametrize(("decision", "rule"), all_rules(), ids=[f"{d}:{r.name}" for d, r in all_rules()])
def test_each_rules_own_example_fires_it(decision: str, rule: Any) -> None:
    """docs/claims.md shows each rule's example: it must be one where the rule decides."""
    x = analyse(Document(id="example", text=rule.example, published=dt.date(2024, 5, 2)))
    fired = [c for c in x.claims if rule.name in c.rule.get(decision, "").split(" + ")]
    fired += [s for s in x.set_aside if decision == "not a claim" and s.rule == rule.name]
    assert fired, (rule.example, [(c.span.exact, c.rule) for c in x.claims], [(s.quantity.text, s.rule) for s in x.set_aside])


def test_docs_list_the_registry() -> None:
    """docs/claims.md carries the rule tables generated from the registry (`make docs`)."""
    from pathlib import Path

    from claimcheck.rules import splice

    page = (Path(__file__).resolve().parents[1] / "docs" / "claims.md").read_text("utf-8")
    assert splice(page) == page, "docs/claims.md is out of date with the rule tables: run `make docs`"
