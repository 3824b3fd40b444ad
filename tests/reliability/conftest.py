"""The reliability suite: guarantees about never losing or corrupting a project.

Slow modes (more trials) run with ``HNREADER_SLOW=1``; see docs/RELIABILITY.md.
"""

from __future__ import annotations

import os

import pytest

SLOW = os.environ.get("HNREADER_SLOW") == "1"


def trials(fast: int, slow: int) -> int:
    """How many trials a randomised or repeated test runs: `slow` with HNREADER_SLOW=1."""
    return slow if SLOW else fast


@pytest.fixture
def slow_mode() -> bool:
    return SLOW
