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
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["REGISTRY", "Hit", "Rule", "Table", "all_rules", "register"]

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


@dataclass(frozen=True)
class Hit(Generic[T]):
    """The result of a table: what the deciding rule returned, and its name.

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

    def run(self, *args: Any) -> Hit[T] | None:
        """Apply the rules in order; the first non-``None`` result wins."""
        for r in self.rules:
            got = r.apply(*args)
            if got is not None:
                return Hit(got, r.name)
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
