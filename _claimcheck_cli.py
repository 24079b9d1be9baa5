"""Start the ``claimcheck`` command so that an interrupt is one line, start-up included.

The console script runs :func:`main` here, not :func:`claimcheck.cli.main` directly.
Importing the ``claimcheck`` package (its models, the pint registry, the lexicons) takes a
few hundred milliseconds, and a Ctrl-C (SIGINT) in that time would end in a Python
traceback; later, a ``KeyboardInterrupt`` raised inside a ``__del__`` method is printed
and ignored by Python, so the run would go on. Before anything else, :func:`main`
therefore installs a SIGINT handler that writes ``claimcheck: interrupted`` on stderr and
ends the process at once with status 130 (unless SIGINT is ignored, as in a background job
of a non-interactive shell, which it leaves so). This module lives outside the package
because importing any module of the package imports the whole package first; only an
interrupt before Python itself has started (its ``site`` import) is Python's own.
``python -m claimcheck`` gets the same handler once the package is imported.

Example:
    >>> main(["check", "/nonexistent/story"])
    2
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType

__all__ = ["main", "on_interrupt"]

#: ``claimcheck.cli.EXIT_INTERRUPTED`` (the package is not imported yet when it is needed).
EXIT_INTERRUPTED = 130


def on_interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGINT handler: one line on stderr, then exit status 130 at once.

    ``os._exit`` skips clean-up on purpose: nothing half-done needs it, and clean-up is
    where a second interrupt or a flush to a closed pipe would add more lines.

    Example:
        >>> callable(on_interrupt)
        True
    """
    try:
        os.write(2, b"claimcheck: interrupted\n")
    except OSError:
        pass
    os._exit(EXIT_INTERRUPTED)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``claimcheck`` with the SIGINT handler and return its exit status.

    Without ``argv`` it runs as the process (the console script): the handler stays to
    the end, and once the report is written and stdout and stderr are flushed the process
    ends at once with the status (``os._exit``), so that an interrupt cannot land in
    Python's own shut-down, after the handler is gone. With ``argv`` (a call from Python)
    it returns the status and puts the previous handler back.

    Example:
        >>> main(["extract", "/nonexistent/a.txt"])
        2
    """
    previous = None
    try:
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            previous = signal.signal(signal.SIGINT, on_interrupt)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        from claimcheck.cli import main as run

        status = run(argv)
    finally:
        if previous is not None and argv is not None:
            signal.signal(signal.SIGINT, previous)
    if argv is None:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):  # already reported by the command line
                pass
        os._exit(status)
    return status


if __name__ == "__main__":
    sys.exit(main())
