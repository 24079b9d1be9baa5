"""``python -m claimcheck`` runs the command line (see :mod:`claimcheck.cli`)."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":  # pragma: no branch
    raise SystemExit(main())
