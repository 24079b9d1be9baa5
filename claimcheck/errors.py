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
    """Base class of every error claimcheck raises on purpose."""


class InputError(ClaimcheckError, ValueError):
    """A bad argument: a non-string text, an empty document id, an unknown option."""


class LexiconError(ClaimcheckError, ValueError):
    """A lexicon data file is missing, malformed or inconsistent."""


class UnitError(ClaimcheckError, ValueError):
    """A unit name that the claimcheck unit registry does not know."""
