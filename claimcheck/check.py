"""Placeholder: cross-source checking is being built (issue 4)."""
from __future__ import annotations
from typing import Any, Iterable
from .models import Document, Report
def check(docs: Iterable[Document | str], **options: Any) -> Report:
    raise NotImplementedError
