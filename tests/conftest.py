"""Hypothesis profiles: the short runs of ``make test`` and the long run of ``make fuzz``.

``make test`` runs every property with the example count its test sets (tens to hundreds:
the suite stays fast). ``make fuzz`` sets ``CLAIMCHECK_HYPOTHESIS_PROFILE=fuzz``: every
property then runs at least ``CLAIMCHECK_FUZZ_EXAMPLES`` examples (10,000 by default),
whatever its own ``@settings`` say, with no deadline, and the run prints each property's
statistics (``--hypothesis-show-statistics``, set in the Makefile).

A test's own ``@settings(max_examples=...)`` wins over any profile in Hypothesis, so the
fuzz profile raises the count on each collected property (the settings object Hypothesis
reads when the test runs). If a Hypothesis release stops keeping them there, the fuzz run
stops with an error rather than quietly running the short counts.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("CLAIMCHECK_HYPOTHESIS_PROFILE", "default")
FUZZ_EXAMPLES = int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "10000"))

settings.register_profile(
    "fuzz",
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(PROFILE)

_SETTINGS = "_hypothesis_internal_use_settings"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PROFILE != "fuzz":
        return
    for item in items:
        test = getattr(item, "obj", None)
        if not getattr(test, "is_hypothesis_test", False):
            continue
        current = getattr(test, _SETTINGS, None)
        if not isinstance(current, settings):
            raise pytest.UsageError(f"cannot raise the example count of {item.nodeid}: this Hypothesis "
                                    f"version keeps no {_SETTINGS}; update tests/conftest.py")
        setattr(test, _SETTINGS, settings(current, max_examples=max(current.max_examples, FUZZ_EXAMPLES),
                                          deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]))
