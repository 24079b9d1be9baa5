"""Placeholder: claim extraction is being built (issue 3)."""
from __future__ import annotations
from .models import Claim, Document
def extract(doc: Document | str) -> list[Claim]:
    raise NotImplementedError
