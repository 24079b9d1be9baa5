"""Placeholder: the quantity parser is being built (issue 2)."""
from __future__ import annotations
from .models import Quantity
def parse_quantities(text: str) -> list[Quantity]:
    raise NotImplementedError
