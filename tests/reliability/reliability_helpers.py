"""Shared by the reliability suite: how many trials to run (more with HNREADER_SLOW=1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SLOW = os.environ.get("HNREADER_SLOW") == "1"


def trials(fast: int, slow: int) -> int:
    """How many trials a randomised or repeated test runs: `slow` with HNREADER_SLOW=1."""
    return slow if SLOW else fast


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`hnreader ARGS…` in a subprocess with its own HNREADER_HOME (stdout, stderr as text)."""
    env = {**os.environ, "HNREADER_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "hnreader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
