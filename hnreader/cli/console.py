"""What the commands share: exit codes, JSON on stdout, progress on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from hnreader.core.models import ErrorCode, Stage

EXIT_ERROR = 1
# A distinct exit code for each kind of project-file failure (listed in the README).
EXIT_CODES = {
    ErrorCode.BUSY: 3,
    ErrorCode.READ_ONLY: 4,
    ErrorCode.PERMISSION: 4,
    ErrorCode.DISK_FULL: 5,
    ErrorCode.DAMAGED: 6,
    ErrorCode.NOT_A_PROJECT: 7,
    ErrorCode.EMPTY_FILE: 7,
    ErrorCode.TOO_NEW: 7,
    ErrorCode.TOO_OLD: 7,
    ErrorCode.INCONSISTENT_SCHEMA: 7,
    ErrorCode.CONFLICT: 8,
}
EXIT_INTERRUPTED = 130


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


STAGE_WORDS = {
    Stage.STARTING: "Starting worker processes",
    Stage.READING: "Reading",
    Stage.IMPORTING: "Importing",
    Stage.INDEXING: "Indexing",
    Stage.EXPORTING: "Exporting",
    Stage.BACKING_UP: "Backing up",
    Stage.UPGRADING: "Upgrading a copy of",
    Stage.SALVAGING: "Salvaging",
    Stage.ANALYSING: "Analysing",
    Stage.DONE: "Done",
    Stage.CANCELLED: "Cancelled",
}


def stderr_progress(done: int, total: int, stage: str, item: str = "") -> None:
    if sys.stderr.isatty():
        percent = 100 * done // max(1, total)
        words = " ".join(filter(None, (STAGE_WORDS.get(stage, stage), item)))
        print(f"\r\x1b[K{words}: {percent:3d}%", end="", file=sys.stderr, flush=True)
