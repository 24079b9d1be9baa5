"""claimcheck: numeric and attributed claims in news texts, checked across sources.

Three entry points, each a plain function over immutable pydantic models:

- :func:`parse_quantities` — every quantity mention in a text, as an interval;
- :func:`extract` — the claims of one document (subject, metric, time, attribution);
- :func:`check` — findings across documents (agreement, conflict, misattribution, ...).

Example:
    >>> import claimcheck as cc
    >>> [q.value for q in cc.parse_quantities("Five Tibetans, including two monks")]
    [5.0, 2.0]
"""

from __future__ import annotations

from .check import check
from .claims import extract
from .errors import ClaimcheckError, InputError, LexiconError, UnitError
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
    "UnitError",
    "ValueSupport",
    "__version__",
    "check",
    "extract",
    "parse_quantities",
]

