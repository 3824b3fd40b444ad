"""Shared by the reliability suite: how many trials to run (more with HNREADER_SLOW=1)."""

from __future__ import annotations

import os

SLOW = os.environ.get("HNREADER_SLOW") == "1"


def trials(fast: int, slow: int) -> int:
    """How many trials a randomised or repeated test runs: `slow` with HNREADER_SLOW=1."""
    return slow if SLOW else fast
