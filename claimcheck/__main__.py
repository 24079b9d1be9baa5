"""``python -m claimcheck`` runs the command line (see :mod:`claimcheck.cli`).

It uses the console script's start-up (:mod:`_claimcheck_cli`): an interrupt gives one
line and status 130, though one before the package finished importing is Python's own.
"""

from __future__ import annotations

from _claimcheck_cli import main

if __name__ == "__main__":  # pragma: no branch
    raise SystemExit(main())
