"""The one pint unit registry claimcheck uses, and the helpers that compare units.

pint knows physical units; claimcheck adds ISO 4217 currencies, each as a dimension of its
own (there are no exchange rates at run time, so dollars never compare with euros), from
``data/units.txt``. pint's errors are turned into :class:`claimcheck.UnitError`; callers
never see a pint exception.

Example:
    >>> from claimcheck.units import to_pint, comparable, base_magnitude
    >>> to_pint(2.0, "week").to("day").magnitude
    14.0
    >>> comparable("week", "day"), comparable("USD", "EUR"), comparable("kilometer", "month")
    (True, False, False)
    >>> base_magnitude(14, "day") == base_magnitude(2, "week")
    True
"""

from __future__ import annotations

import functools
import math
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import UnitError

if TYPE_CHECKING:  # pint is imported on first use: `import claimcheck.check` stays cheap
    import pint

__all__ = ["base_magnitude", "comparable", "definitions", "dimension_key", "is_unit", "registry", "to_pint"]


@functools.cache
def definitions() -> tuple[tuple[str, str], ...]:
    """(name, definition line) of every unit ``data/units.txt`` adds to pint (the ISO 4217
    currencies, their subunits, counted units such as ``share``), in file order.

    Example:
        >>> dict(definitions())["USD"]
        'USD = [currency_USD]'
    """
    text = resources.files("claimcheck").joinpath("data/units.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line and "=" in line:
            out.append((line.split("=", 1)[0].strip(), line))
    return tuple(out)


@functools.cache
def registry() -> pint.UnitRegistry[Any]:
    """The process-wide pint registry (built once, on first use).

    Example:
        >>> registry() is registry()
        True
    """
    import pint

    reg: pint.UnitRegistry[Any] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for _name, line in definitions():
        try:
            reg.define(line)
        except Exception as e:  # pint raises several types here
            from .errors import LexiconError

            raise LexiconError(f"data/units.txt: cannot define {line!r}: {e}") from e
    return reg


@functools.lru_cache(maxsize=4096)
def _unit(name: str) -> Any:
    try:
        return registry().Unit(name)
    except Exception as e:  # UndefinedUnitError, DefinitionSyntaxError, AttributeError, ...
        raise UnitError(f"unknown unit {name!r}") from e


def is_unit(name: str) -> bool:
    """Whether ``name`` is a unit the registry knows.

    Example:
        >>> is_unit("kilometer"), is_unit("USD"), is_unit("frobnitz")
        (True, True, False)
    """
    try:
        _unit(name)
    except UnitError:
        return False
    return True


def to_pint(value: float, unit: str) -> pint.Quantity[Any]:
    """``value`` in ``unit`` as a pint quantity of the claimcheck registry.

    Example:
        >>> to_pint(3, "kilometer").to("meter").magnitude
        3000.0
    """
    return registry().Quantity(value, _unit(unit))


@functools.lru_cache(maxsize=4096)
def dimension_key(unit: str | None) -> str:
    """A string naming the unit's dimensionality: units with equal keys convert into each other.

    ``None`` (a plain count) has the key ``"count"``.

    Example:
        >>> dimension_key("month") == dimension_key("day"), dimension_key(None)
        (True, 'count')
    """
    if unit is None:
        return "count"
    dims = _unit(unit).dimensionality
    if not dims:
        return f"dimensionless:{unit}"  # percent, dozen ...: compare only with themselves
    return str(dims)


def comparable(a: str | None, b: str | None) -> bool:
    """Whether quantities in units ``a`` and ``b`` can be compared.

    Example:
        >>> comparable("percent", "percent"), comparable(None, "percent")
        (True, False)
    """
    try:
        return dimension_key(a) == dimension_key(b)
    except UnitError:
        return a == b


def base_magnitude(value: float, unit: str | None) -> float:
    """``value`` expressed in the base unit of its dimension (the value itself for counts).

    Temperatures convert through their offsets (0 °C is 273.15 K).

    Example:
        >>> base_magnitude(1, "kilometer")
        1000.0
    """
    if unit is None or dimension_key(unit).startswith("dimensionless:"):
        return float(value)
    mag = float(to_pint(value, unit).to_base_units().magnitude)
    if not math.isfinite(mag):
        raise UnitError(f"{value} {unit} does not convert to a finite base value")
    return mag
