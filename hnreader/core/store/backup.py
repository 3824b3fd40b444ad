"""Verified, rotated backups of a project file, read-only checks, and restore from a backup."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from hnreader import paths
from hnreader.core.models import Progress, Stage, StoreError
from hnreader.core.store.integrity import (
    closing,
    integrity_problems,
    open_read_only,
    schema_version,
    verify_copy,
)
from hnreader.core.store.schema import SCHEMA_VERSION

Cancelled = Callable[[], bool]

# Pages copied per backup step (1 MiB at 4 KiB pages): the source is read-locked for one
# step at a time, so the app's own connection can write between steps.
PAGES_PER_STEP = 256
SIDE_FILES = ("-journal", "-wal", "-shm")
STALE_PARTIAL_S = 3600.0  # a .partial older than this was left by a crash

_NAME = re.compile(
    r"^(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?:\.(?P<seq>\d+))?(?P<unverified>\.unverified)?\.sqlite$"
)
_REASON = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file in a project's backups folder."""

    path: Path
    created: datetime  # local time (timezone-aware), as written in the file name
    reason: str  # daily, migration, import, manual, before-restore, ...
    size: int  # bytes
    schema_version: int | None  # PRAGMA user_version; None when the file cannot be read
    verified: bool  # False only for plain copies of a damaged project: never rotated away


class BackupCancelled(StoreError):
    """`is_cancelled()` answered True: no backup was made, nothing was deleted."""


class _VerificationFailed(StoreError):
    """The copy was made but failed its integrity check; it has been deleted."""


# --------------------------------------------------------------------------- file helpers


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open a folder, and needs no such step."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_with_side_files(path: Path) -> None:
    for name in (path.name, *(path.name + suffix for suffix in SIDE_FILES)):
        with contextlib.suppress(OSError):
            (path.parent / name).unlink()


def _temp_file(folder: Path, prefix: str) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{prefix}-", suffix=".partial")
    os.close(fd)
    return Path(name)


def _free_name(folder: Path, created: datetime, reason: str, *, verified: bool) -> Path:
    """`YYYYMMDD-HHMMSS-<reason>.sqlite`; a second backup in the same second gets `.2`, …"""
    stamp = created.strftime(_STAMP)
    taken = sum(1 for _ in folder.glob(f"{stamp}-*.sqlite"))
    suffix = "" if verified else ".unverified"
    seq = "" if taken == 0 else f".{taken + 1}"
    path = folder / f"{stamp}-{reason}{seq}{suffix}.sqlite"
    while path.exists():
        taken += 1
        path = folder / f"{stamp}-{reason}.{taken + 1}{suffix}.sqlite"
    return path


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"Cannot create the backups folder {folder} ({error.strerror or error}). "
            "No backup was made; choose another backups folder or check its permissions."
        ) from None


def _remove_stale_partials(folder: Path) -> None:
    now = time.time()
    for partial in folder.glob(".*.partial"):
        with contextlib.suppress(OSError):
            if now - partial.stat().st_mtime > STALE_PARTIAL_S:
                _remove_with_side_files(partial)


def _write_failed(project: Path, target: Path, error: BaseException) -> StoreError:
    reason = getattr(error, "strerror", None) or str(error)
    return StoreError(
        f"Could not write a backup of {project.name} to {target.parent} ({reason}). "
        "Nothing was changed and older backups were kept; free some disk space or choose "
        "another backups folder, then try again."
    )


# ------------------------------------------------------------------------------- backups


def make_backup(
    project: Path,
    *,
    reason: str,
    keep: int = 5,
    folder: Path | None = None,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> BackupInfo:
    """Copy `project` into its backups folder, verify the copy, then keep the newest `keep`.

    The copy is made with SQLite's online backup API from a read-only connection, a few
    pages per step, so another connection may hold the file open and write meanwhile (the
    copy restarts when it does and ends as a snapshot). It goes to a temporary file that is
    checked (integrity_check + FTS5 integrity-check), fsynced, and only then renamed into
    place; only after that are older verified backups beyond `keep` deleted. Raises
    StoreError, leaving no partial file, when the project fails quick_check, the copy cannot
    be written, or the copy fails verification.
    """
    if keep < 1:
        raise ValueError("keep must be at least 1: the new backup itself")
    info = _verified_copy(
        Path(project), reason=reason, folder=folder, progress=progress, is_cancelled=is_cancelled
    )
    _prune(info.path.parent, keep=keep, newest=info.path)
    return info


def _verified_copy(
    project: Path,
    *,
    reason: str,
    folder: Path | None,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
    to: Path | None = None,
) -> BackupInfo:
    """The verified copy, in `folder` under a backup's name, or at `to` (replacing it)."""
    if not _REASON.match(reason):
        raise ValueError(f"backup reason {reason!r}: use lowercase letters, digits and '-'")
    if not project.is_file():
        raise StoreError(f"{project}: no such project file, so there is nothing to back up.")
    target_dir = Path(folder) if folder is not None else paths.backups_dir(project)
    if to is not None:
        target_dir = to.parent
    created = datetime.now().astimezone().replace(microsecond=0)

    def step(_status: int, remaining: int, total: int) -> None:
        if is_cancelled is not None and is_cancelled():
            raise BackupCancelled(f"The backup of {project.name} was cancelled; none was made.")
        if progress is not None:
            progress(total - remaining, total, Stage.BACKING_UP)

    try:
        source = open_read_only(project)
    except sqlite3.Error as error:
        raise StoreError(f"Cannot read {project} to back it up ({error}).") from None
    with closing(source):
        try:
            problems = integrity_problems(source, full=False)
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        if problems:
            raise StoreError(
                f"{project.name} fails SQLite's quick check ({problems[0]}), so no backup was "
                "made and the existing backups were kept. Check the project, then restore a "
                "backup or salvage it into a new file."
            )
        _make_folder(target_dir)
        _remove_stale_partials(target_dir)
        try:
            temp = _temp_file(target_dir, project.stem)
        except OSError as error:
            raise _write_failed(project, target_dir / project.name, error) from None
        try:
            with closing(sqlite3.connect(temp, isolation_level=None)) as copy:
                source.backup(copy, pages=PAGES_PER_STEP, progress=step, sleep=0.05)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                problems = verify_copy(copy)
                version = int(copy.execute("PRAGMA user_version").fetchone()[0])
            if problems:
                raise _VerificationFailed(
                    f"The backup copy of {project.name} failed verification ({problems[0]}); "
                    "it was deleted and the existing backups were kept. Check the project."
                )
            _fsync_file(temp)
            final = to if to is not None else _free_name(target_dir, created, reason, verified=True)
            os.replace(temp, final)
            _fsync_dir(target_dir)
        except StoreError:
            _remove_with_side_files(temp)
            raise
        except (sqlite3.Error, OSError) as error:
            _remove_with_side_files(temp)
            raise _write_failed(project, temp, error) from None
        except BaseException:
            _remove_with_side_files(temp)
            raise
    return BackupInfo(final, created, reason, final.stat().st_size, version, verified=True)


def export_copy(
    project: Path,
    out: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> Path:
    """A verified copy of `project` at `out` (a coder package, issue 17), made as a backup
    is; `out` is replaced only once the copy is verified. Refused onto the project itself."""
    out = Path(out)
    if out.exists() and (out.resolve() == Path(project).resolve() or out.is_dir()):
        raise StoreError(
            f"{out} is the project itself or a folder; choose a new file for the package.",
            path=str(out),
        )
    if not out.parent.is_dir():
        raise StoreError(f"{out.parent}: no such folder; choose a folder that exists.")
    for suffix in SIDE_FILES:  # left beside a replaced file, SQLite would replay them
        (out.parent / (out.name + suffix)).unlink(missing_ok=True)
    info = _verified_copy(
        Path(project),
        reason="package",
        folder=None,
        progress=progress,
        is_cancelled=is_cancelled,
        to=out,
    )
    return info.path


def _scan(folder: Path, *, read_versions: bool) -> list[BackupInfo]:
    found: list[tuple[datetime, int, BackupInfo]] = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            created = datetime.strptime(match["stamp"], _STAMP).astimezone()
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        version = schema_version(path) if read_versions else None
        verified = match["unverified"] is None
        info = BackupInfo(path, created, match["reason"], size, version, verified)
        found.append((created, int(match["seq"] or 1), info))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [info for _, _, info in found]


def list_backups(project: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of `project`, newest first (schema versions read read-only)."""
    target_dir = Path(folder) if folder is not None else paths.backups_dir(Path(project))
    return _scan(target_dir, read_versions=True)


def backup_due(
    project: Path, *, every: timedelta = timedelta(days=1), folder: Path | None = None
) -> bool:
    """Whether no verified backup was made in the last `every` (a backup dated more than
    `every` in the future, from a clock set wrong, does not count)."""
    target_dir = Path(folder) if folder is not None else paths.backups_dir(Path(project))
    now = datetime.now().astimezone()
    return not any(
        -every < now - info.created < every
        for info in _scan(target_dir, read_versions=False)
        if info.verified
    )


def _prune(folder: Path, *, keep: int, newest: Path) -> None:
    """Delete verified backups beyond the newest `keep`; never `newest`, never unverified
    copies, and nothing at all unless `newest` is in place as a verified backup."""
    verified = [info for info in _scan(folder, read_versions=False) if info.verified]
    if newest not in {info.path for info in verified}:
        return
    kept = 1
    for info in verified:
        if info.path == newest:
            continue
        if kept < keep:
            kept += 1
            continue
        with contextlib.suppress(OSError):  # a backup we cannot delete is merely kept
            info.path.unlink()


# ------------------------------------------------------------------------------- restore


def restore_backup(backup: Path, project: Path, *, folder: Path | None = None) -> Path | None:
    """Put `backup` in place of `project`; return the copy of the replaced file (None when
    there was no file, or an empty one, to keep).

    The caller closes every connection it has to `project` first: a connection left open
    would keep writing to the replaced file and lose those writes. The backup is copied
    beside the project and verified there (integrity_check + FTS5 check) before anything
    else; the current file is then copied to the backups folder (`before-restore`, verified,
    never rotated away by this call; a plain `.unverified` copy, with its journal or WAL, if
    it is damaged). Only when no other connection holds the project (an exclusive lock can
    be taken) are its `-journal`/`-wal`/`-shm` files removed — left beside the restored file
    SQLite would replay them into it — and the verified copy renamed over it.
    """
    backup, project = Path(backup), Path(project)
    if not backup.is_file():
        raise StoreError(f"{backup}: no such backup file; nothing was changed.")
    target_dir = Path(folder) if folder is not None else paths.backups_dir(project)
    try:
        temp = _temp_file(project.parent, project.name)
    except OSError as error:
        raise StoreError(
            f"Cannot write in {project.parent} ({error.strerror or error}); nothing was changed."
        ) from None
    try:
        _copy_verified_backup(backup, temp)
        saved = _save_current(project, target_dir)
        # Only now: a read-write connection replays or discards a journal it finds.
        _refuse_if_in_use(project)
        for suffix in SIDE_FILES:
            (project.parent / (project.name + suffix)).unlink(missing_ok=True)
        os.replace(temp, project)
        _fsync_dir(project.parent)
    except StoreError:
        _remove_with_side_files(temp)
        raise
    except (sqlite3.Error, OSError) as error:
        _remove_with_side_files(temp)
        raise StoreError(
            f"Could not restore {backup.name} over {project} ({error}); the project file "
            "was not replaced. Free some disk space or check the folder's permissions."
        ) from None
    except BaseException:
        _remove_with_side_files(temp)
        raise
    return saved


def _copy_verified_backup(backup: Path, temp: Path) -> None:
    shutil.copyfile(backup, temp)
    try:
        with closing(sqlite3.connect(temp, isolation_level=None)) as conn:
            problems = verify_copy(conn)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as error:
        problems, version = [str(error)], 0
    if problems:
        raise StoreError(
            f"The backup {backup.name} fails verification ({problems[0]}); nothing was "
            "changed. Choose another backup."
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The backup {backup.name} was saved by a newer hnreader (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}); nothing was changed."
        )
    _fsync_file(temp)


def _refuse_if_in_use(project: Path) -> None:
    """StoreError if another connection holds `project` (an exclusive lock is refused).

    A file SQLite cannot read at all cannot be asked; then the caller's rule (close every
    connection first) is all there is.
    """
    if not project.is_file():
        return
    try:
        with closing(sqlite3.connect(project, timeout=1.0, isolation_level=None)) as conn:
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (5, 6):  # BUSY, LOCKED
            raise StoreError(
                f"{project.name} is open in another window or program; close it there and "
                "try again. Nothing was changed."
            ) from None
    except sqlite3.DatabaseError:
        pass


def _save_current(project: Path, folder: Path) -> Path | None:
    """The `before-restore` copy of the file about to be replaced."""
    if not project.is_file() or project.stat().st_size == 0:
        return None
    try:
        with closing(open_read_only(project)) as conn:
            sound = not integrity_problems(conn, full=False)
    except sqlite3.DatabaseError:
        sound = False
    if sound:
        with contextlib.suppress(_VerificationFailed):
            return _verified_copy(project, reason="before-restore", folder=folder).path
    return _plain_copy(project, folder)


def _plain_copy(project: Path, folder: Path) -> Path:
    """A byte copy of a damaged project (and of its journal or WAL, beside it)."""
    _make_folder(folder)
    created = datetime.now().astimezone().replace(microsecond=0)
    temp = _temp_file(folder, project.stem)
    try:
        shutil.copyfile(project, temp)
        _fsync_file(temp)
        final = _free_name(folder, created, "before-restore", verified=False)
        for suffix in SIDE_FILES[:2]:  # -shm is only a cache of the WAL's index
            side = project.parent / (project.name + suffix)
            if side.is_file():
                shutil.copyfile(side, folder / (final.name + suffix))
        os.replace(temp, final)
        _fsync_dir(folder)
    except OSError as error:
        _remove_with_side_files(temp)
        raise _write_failed(project, temp, error) from None
    return final
