"""claimcheck: numeric and attributed claims in news texts, checked across sources.

Three entry points, each a plain function over immutable pydantic models:

- :func:`parse_quantities` — every quantity mention in a text, as an interval;
- :func:`extract` — the claims of one document (subject, metric, time, attribution);
- :func:`check` — findings across documents (agreement, conflict, misattribution, ...).

For pipelines: :func:`read_documents` and :func:`read_jsonl` (files, directories with
``meta.json``, globs, JSON Lines, HTML pages), :func:`read_claims` (stored claims),
:class:`Story` (a story checked document by document, always with ``check``'s report)
and :func:`check_stories` (one report per story). See docs/pipelines.md.

Importing the package is cheap: each name is imported from its module the first time it
is used, so ``import claimcheck`` loads neither pint nor pandas (the command line starts
as fast).

Example:
    >>> import claimcheck as cc
    >>> [q.value for q in cc.parse_quantities("Five Tibetans, including two monks")]
    [5.0, 2.0]
"""

from __future__ import annotations

import importlib as _importlib
import importlib.util as _importlib_util
import sys as _sys
import types as _types
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from .errors import ClaimcheckError, InputError, LexiconError, UnitError

if _TYPE_CHECKING:  # pragma: no cover
    from .check import check
    from .claims import extract
    from .io import read_claims, read_documents, read_jsonl
    from .models import (
        Attribution,
        Claim,
        Document,
        Finding,
        Quantity,
        Relation,
        Report,
        Span,
        ValueSupport,
    )
    from .quantities import parse_quantities
    from .story import Story, check_stories

__version__ = "0.1.0"

__all__ = [
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
]

#: Where each public name lives; it is imported from there on first use.
_LAZY = {
    "Attribution": "models", "Claim": "models", "Document": "models", "Finding": "models",
    "Quantity": "models", "Relation": "models", "Report": "models", "Span": "models",
    "ValueSupport": "models",
    "check": "check", "extract": "claims", "parse_quantities": "quantities",
    "read_claims": "io", "read_documents": "io", "read_jsonl": "io",
    "Story": "story", "check_stories": "story",
}


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:  # a submodule (claimcheck.lexicon ...): reachable, never listed
        full = f"{__name__}.{name}"
        if full in _sys.modules or (not name.startswith("__") and _importlib_util.find_spec(full) is not None):
            return _importlib.import_module(full)
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    if name == module:  # claimcheck.check is the module, and calling it is check()
        return _importlib.import_module(f".{module}", __name__)
    value = getattr(_importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(_types.ModuleType):
    """The package module. Its namespace holds the public names only (``vars(claimcheck)``
    matches ``__all__``): Python sets every imported submodule as an attribute of its
    package, and those stay out, reachable through :func:`__getattr__` instead. So
    ``import claimcheck.check`` gives the module, and the module is callable:
    ``claimcheck.check(documents)`` is :func:`claimcheck.check.check`."""

    def __setattr__(self, name: str, value: _Any) -> None:
        if isinstance(value, _types.ModuleType) and value.__name__ == f"{self.__name__}.{name}":
            return  # a submodule: reachable through __getattr__, not listed
        super().__setattr__(name, value)

    def __reduce__(self) -> tuple[_Any, tuple[str]]:
        # pickled by name, as pickle and cloudpickle treat modules (a Dask task that
        # refers to `cc` ships the name, and the worker imports the package)
        return _importlib.import_module, (self.__name__,)


for _name in [n for n, v in vars().items() if isinstance(v, _types.ModuleType) and not n.startswith("_")]:
    del vars()[_name]  # submodules imported above (errors): reachable, not listed
del _name, annotations
_sys.modules[__name__].__class__ = _Package
