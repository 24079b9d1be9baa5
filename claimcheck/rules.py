"""Rules as values: a name, what it reads, a function, one plain sentence and an example.

Each decision of the claim stage (is a figure a claim at all? its metric, its subject, its
event, its scope, its time, its attribution) is an ordered :class:`Table` of
:class:`Rule` values, the way duckling keeps one ``Rules.hs`` per dimension. A table is
run by :meth:`Table.run`: the first rule whose function returns something decides, and
the result carries that rule's name, which ends up in ``Claim.rule`` (or
``Attribution.rule``) so every record says what made it.

Every rule in :data:`REGISTRY` has positive and negative cases in ``tests/cases/*.toml``
(a test fails when one has none), and ``docs/claims.md`` lists the registry (a test keeps
the two in step).

Example:
    >>> t = Table("demo", (Rule("even", "the number", lambda n: "even" if n % 2 == 0 else None,
    ...                         "An even number is even.", "2"),))
    >>> t.run(4), t.run(3)
    (Hit(value='even', rule='even'), None)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

__all__ = ["REGISTRY", "Hit", "Rule", "Table", "all_rules", "markdown", "register", "splice", "update_page"]

T = TypeVar("T")


@dataclass(frozen=True)
class Rule(Generic[T]):
    """One named rule.

    Attributes:
        name: what it matches, as a person would say it ("possessive owner").
        reads: what part of the sentence it reads ("the token before the figure").
        apply: the function; returns a result, or ``None`` when the rule does not apply.
        doc: one plain sentence saying what it decides, for docs/claims.md.
        example: a short text where it fires.

    Example:
        >>> Rule("x", "y", lambda *a: None, "Never fires.", "-").name
        'x'
    """

    name: str
    reads: str
    apply: Callable[..., T | None]
    doc: str
    example: str


class Hit(NamedTuple, Generic[T]):
    """The result of a table: what the deciding rule returned, and its name (a named
    tuple: tables run for every figure, and a frozen dataclass is three times slower to make).

    Example:
        >>> Hit(1, "one").rule
        'one'
    """

    value: T
    rule: str


@dataclass(frozen=True)
class Table(Generic[T]):
    """An ordered table of rules for one decision.

    Example:
        >>> t = Table("d", (Rule("a", "-", lambda x: None, "-", "-"),
        ...                 Rule("b", "-", lambda x: x + 1, "-", "-")))
        >>> t.run(1)
        Hit(value=2, rule='b')
    """

    decision: str
    rules: tuple[Rule[T], ...]
    #: (function, name) of each rule, read once: a table runs for every figure
    _pairs: tuple[tuple[Callable[..., T | None], str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_pairs", tuple((r.apply, r.name) for r in self.rules))

    def run(self, *args: Any) -> Hit[T] | None:
        """Apply the rules in order; the first non-``None`` result wins."""
        if len(args) == 1:  # the usual call: one figure's Work
            (a,) = args
            for fn, name in self._pairs:
                got = fn(a)
                if got is not None:
                    return Hit(got, name)
            return None
        for fn, name in self._pairs:
            got = fn(*args)
            if got is not None:
                return Hit(got, name)
        return None

    def __iter__(self) -> Iterator[Rule[T]]:
        return iter(self.rules)

    def names(self) -> list[str]:
        """The rule names, in order.

        Example:
            >>> Table("d", (Rule("a", "-", lambda: 1, "-", "-"),)).names()
            ['a']
        """
        return [r.name for r in self.rules]


#: Every rule table of the claim stage, by decision, in pipeline order.
REGISTRY: dict[str, Table[Any]] = {}


def register(table: Table[T]) -> Table[T]:
    """Add ``table`` to :data:`REGISTRY` (by its decision) and return it.

    Raises:
        ValueError: a table of that decision exists already, or two rules share a name.

    Example:
        >>> t = Table("example-decision", ())
        >>> register(t) is t
        True
        >>> del REGISTRY["example-decision"]
    """
    if table.decision in REGISTRY:
        raise ValueError(f"a {table.decision!r} table is registered already")
    names = table.names()
    if len(names) != len(set(names)):
        raise ValueError(f"{table.decision!r}: two rules share a name")
    REGISTRY[table.decision] = table
    return table


def all_rules() -> list[tuple[str, Rule[Any]]]:
    """(decision, rule) for every registered rule, in registry order.

    Example:
        >>> import claimcheck.claims  # registers the claim stage's tables
        >>> any(d == "subject" for d, _ in all_rules())
        True
    """
    return [(d, r) for d, t in REGISTRY.items() for r in t]


#: What each decision answers, in the words of docs/claims.md.
_QUESTIONS = {
    "not a claim": "Is the figure a claim at all?",
    "metric": "What does the figure measure?",
    "subject": "What is it about?",
    "event": "Which event does it belong to?",
    "scope": "Does it cover the whole, or a part?",
    "time": "When did it hold?",
    "attribution": "Who says so?",
    "day": "On which day did the event happen?",
}

BEGIN = "<!-- rules: generated by `make docs` from claimcheck.rules.REGISTRY; do not edit by hand -->"
END = "<!-- rules: end -->"


def markdown() -> str:
    """The registry as Markdown: one table per decision, one row per rule, in order.

    docs/claims.md carries this text between :data:`BEGIN` and :data:`END`; a test keeps
    it in step, and ``make docs`` (:func:`update_page`) rewrites it.

    Example:
        >>> import claimcheck.claims
        >>> "| possessive owner |" in markdown()
        True
    """
    import claimcheck.claims  # noqa: F401  (registers every table)

    out: list[str] = []
    order = [d for d in _QUESTIONS if d in REGISTRY] + [d for d in REGISTRY if d not in _QUESTIONS]
    for decision in order:
        table = REGISTRY[decision]
        question = _QUESTIONS.get(decision, "")
        out += [f"### {question or decision} (`{decision}`)", "",
                "| rule | what it decides | example |", "|---|---|---|"]
        for r in table:
            doc = r.doc.replace("|", "\\|")
            ex = r.example.replace("|", "\\|")
            out.append(f"| {r.name} | {doc} | {ex} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def splice(page: str) -> str:
    """``page`` with the text between :data:`BEGIN` and :data:`END` replaced by :func:`markdown`.

    Raises:
        ValueError: the page lacks the markers.

    Example:
        >>> page = f"intro\\n{BEGIN}\\nold\\n{END}\\n"
        >>> "possessive owner" in splice(page) and splice(page).startswith("intro")
        True
    """
    a, b = page.find(BEGIN), page.find(END)
    if a < 0 or b < a:
        raise ValueError("the page has no rules markers")
    return page[: a + len(BEGIN)] + "\n\n" + markdown() + "\n" + page[b:]


def update_page(path: str) -> bool:
    """Rewrite the generated rules section of the Markdown page at ``path``; whether it changed.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "page.md"
        >>> _ = p.write_text(f"{BEGIN}\\n{END}\\n", "utf-8")
        >>> update_page(str(p)), update_page(str(p))
        (True, False)
    """
    from pathlib import Path

    page = Path(path)
    old = page.read_text("utf-8")
    new = splice(old)
    if new != old:
        page.write_text(new, "utf-8")
    return new != old
