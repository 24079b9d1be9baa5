"""The errors claimcheck raises.

Odd or hostile *text* never raises: it yields fewer quantities or claims.
Errors are for bad *arguments* and broken *data files*::

    ClaimcheckError(Exception)
    ├── InputError(ClaimcheckError, ValueError)    a bad argument: not a str, empty document id, …
    ├── LexiconError(ClaimcheckError, ValueError)  a data file that does not load or is inconsistent
    └── UnitError(ClaimcheckError, ValueError)     a unit pint does not know (pint's own errors never leak)

Example:
    >>> import claimcheck as cc
    >>> try:
    ...     cc.parse_quantities(42)
    ... except cc.InputError as e:
    ...     print(type(e).__name__, isinstance(e, ValueError))
    InputError True
"""

from __future__ import annotations

__all__ = ["ClaimcheckError", "InputError", "LexiconError", "UnitError"]


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises on purpose.

    Example:
        >>> import claimcheck as cc
        >>> issubclass(cc.InputError, cc.ClaimcheckError)
        True
    """


class InputError(ClaimcheckError, ValueError):
    """A bad argument: a non-string text, an empty document id, an unknown option.

    Example:
        >>> import claimcheck as cc
        >>> try:
        ...     cc.check(["a", "b"], colour="red")
        ... except cc.InputError as e:
        ...     print("InputError")
        InputError
    """


class LexiconError(ClaimcheckError, ValueError):
    """A lexicon data file is missing, malformed or inconsistent.

    Example:
        >>> from claimcheck.lexicon import load_toml
        >>> try:
        ...     load_toml("no-such-file.toml")
        ... except LexiconError as e:
        ...     print(str(e).split(":")[0])
        data/no-such-file.toml
    """


class UnitError(ClaimcheckError, ValueError):
    """A unit name that the claimcheck unit registry does not know.

    Example:
        >>> from claimcheck.units import to_pint
        >>> try:
        ...     to_pint(1, "frobnitz")
        ... except UnitError as e:
        ...     print(e)
        unknown unit 'frobnitz'
    """
