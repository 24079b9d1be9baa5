"""The one pint unit registry claimcheck uses, and the helpers that compare units.

pint knows physical units; claimcheck adds ISO 4217 currencies, each as a dimension of its
own, from ``data/units.txt``: pint never converts dollars into euros. Money in different
currencies meets in :mod:`claimcheck.check` through reference exchange rates of a date
(:mod:`claimcheck.money`), which needs :func:`currency_code` and :func:`money_dimension`
here. pint's errors are turned into :class:`claimcheck.UnitError`; callers never see a
pint exception.

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

__all__ = [
    "base_magnitude",
    "comparable",
    "currency_code",
    "definitions",
    "dimension_key",
    "is_unit",
    "money_dimension",
    "registry",
    "to_pint",
]


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


@functools.lru_cache(maxsize=4096)
def currency_code(unit: str | None) -> str | None:
    """The ISO 4217 code of the money a unit measures, or ``None`` when it is no sum of
    money: the code itself, a subunit ("cent" is a hundredth of ``USD``), a rate ("EUR per
    month"). A unit of two currencies ("USD per EUR", an exchange rate) is no sum either.

    Example:
        >>> currency_code("USD"), currency_code("cent"), currency_code("EUR per month")
        ('USD', 'USD', 'EUR')
        >>> currency_code("kilometer"), currency_code(None), currency_code("USD per EUR")
        (None, None, None)
    """
    if unit is None:
        return None
    try:
        dims = _unit(unit).dimensionality
    except UnitError:
        return None
    codes = [str(k)[len("[currency_"):-1] for k in dims if str(k).startswith("[currency_")]
    if len(codes) != 1 or dims[f"[currency_{codes[0]}]"] != 1:
        return None
    return codes[0]


@functools.lru_cache(maxsize=4096)
def money_dimension(unit: str | None) -> str | None:
    """:func:`dimension_key` of a sum of money with its currency left out: "USD" and "EUR"
    share one (``"[currency]"``), "USD per month" and "GBP per month" another; ``None``
    when the unit is no sum of money (:func:`currency_code`).

    Example:
        >>> money_dimension("USD") == money_dimension("EUR") == money_dimension("cent")
        True
        >>> money_dimension("USD per month") == money_dimension("GBP per month") != money_dimension("USD")
        True
    """
    code = currency_code(unit)
    if code is None:
        return None
    return dimension_key(unit).replace(f"[currency_{code}]", "[currency]")


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
