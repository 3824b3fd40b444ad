"""Keeping a project safe, for the app and the CLI: backups, restore, checks and salvage.

Plain functions on project files (the work is in `store.backup`, `store.integrity` and
`store.salvage`); long ones take `progress(done, total, stage)` and `is_cancelled()`. When
backups are made: on open at most once a day (`backup_if_due`, run by the app in the
background after start-up and by the CLI before a command that writes), before every
schema migration (the store does it) and before bulk work such as a large import.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from hnreader.core.store.backup import (
    BackupInfo,
    backup_due,
    list_backups,
    make_backup,
    restore_backup,
)
from hnreader.core.store.integrity import CheckCode, CheckReport, check_project
from hnreader.core.store.salvage import SalvageReport, TableSalvage, salvage

Cancelled = Callable[[], bool]

DEFAULT_KEEP = 5  # backups kept per project (Preferences and `--keep` change it)
DAILY = timedelta(days=1)
# An import of more than this many bytes of files is bulk work: a backup first.
BULK_IMPORT_BYTES = 20_000_000


def backup_if_due(project: Path, *, keep: int = DEFAULT_KEEP) -> BackupInfo | None:
    """The daily backup: made when the newest is older than a day; None when not due."""
    if not backup_due(project, every=DAILY):
        return None
    return make_backup(project, reason="daily", keep=keep)


def check(project: Path, *, full: bool = False) -> CheckReport:
    """Check a project file without writing it (quick, or `full` with the search index)."""
    return check_project(project, full=full)


__all__ = [
    "BULK_IMPORT_BYTES",
    "DEFAULT_KEEP",
    "BackupInfo",
    "CheckCode",
    "CheckReport",
    "SalvageReport",
    "TableSalvage",
    "backup_if_due",
    "check",
    "list_backups",
    "make_backup",
    "restore_backup",
    "salvage",
]
