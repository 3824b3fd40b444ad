"""The file a merge reads (issue 17, item 2): the other project itself when it has this
version's format, else a copy of it in the system's temporary folder upgraded with the store's
own migrations. The other file is never written, and no backup of the throwaway copy is made;
the copy is deleted when the merge source is closed."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from hnreader.core.models import ErrorCode, Progress, Stage, StoreError
from hnreader.core.store import SCHEMA_VERSION, Store
from hnreader.core.store.backup import BackupCancelled, export_copy
from hnreader.core.store.integrity import schema_version

Cancelled = Callable[[], bool]


class MergeCancelled(StoreError):
    """The upgrade of the other file's copy was cancelled; nothing was merged or written."""


class MergeSource:
    """What a merge reads: `path` (the other file, or its upgraded copy, which keeps the
    other file's name) and `upgraded_from` (the other file's format, when it was older).
    Close it (`with` works) to delete the copy."""

    def __init__(self, original: Path, path: Path, upgraded_from: int | None) -> None:
        self.original, self.path, self.upgraded_from = original, path, upgraded_from

    def close(self) -> None:
        if self.path != self.original:
            shutil.rmtree(self.path.parent, ignore_errors=True)

    def __enter__(self) -> MergeSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_other(path: Path, ours: Path) -> int | None:
    """The other file's format (None when it cannot be read as SQLite: opening it says why);
    refused when it is missing, this project itself, or newer than this version."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such project file", code=ErrorCode.MISSING, path=str(path))
    with contextlib.suppress(OSError):
        if path.resolve() == Path(ours).resolve() or path.samefile(ours):
            raise StoreError(
                f"{path.name} is this project itself; choose another coder's project file",
                code=ErrorCode.INVALID_VALUE,
                path=str(path),
            )
    version = schema_version(path)
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"{path.name} was saved by a newer hnreader (file format {version}; this version "
            f"reads up to {SCHEMA_VERSION}), so it cannot be merged here. Nothing was changed; "
            "update hnreader, or merge it in the newer version.",
            code=ErrorCode.TOO_NEW,
            path=str(path),
            version=version,
        )
    return version


def upgrade_needed(path: Path) -> int | None:
    """The other file's format when a merge has to upgrade a copy of it first, else None."""
    version = schema_version(Path(path))
    return version if version is not None and 0 < version < SCHEMA_VERSION else None


def prepare_other(
    path: Path,
    ours: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> MergeSource:
    """The merge source for `path` (see the module's description); the copy of an older file
    is made with SQLite's backup API from a read-only connection and verified, then migrated."""
    path = Path(path)
    version = check_other(path, ours)
    if version is None or not 0 < version < SCHEMA_VERSION:
        return MergeSource(path, path, None)
    folder = Path(tempfile.mkdtemp(prefix="hnreader-merge-"))
    copy = folder / path.name  # the report and the undo step name the other file

    def copying(done: int, total: int, stage: str, item: str = "") -> None:
        if progress is not None:
            progress(done, total + 1, Stage.UPGRADING, path.name)  # +1: the migrations

    try:
        try:
            export_copy(path, copy, progress=copying, is_cancelled=is_cancelled)
        except BackupCancelled:
            raise MergeCancelled(
                f"The merge of {path.name} was cancelled; nothing was changed."
            ) from None
        except StoreError as error:
            raise StoreError(
                f"{path.name} was saved by an older hnreader (file format {version}) and a "
                f"copy of it could not be made to upgrade for the merge: {error}",
                code=error.code or ErrorCode.IO_ERROR,
                path=str(path),
            ) from None
        if progress is not None:
            progress(0, 0, Stage.UPGRADING, path.name)  # the migrations report no steps
        Store(copy, create=False, back_up=False).close()
        if is_cancelled is not None and is_cancelled():
            raise MergeCancelled(f"The merge of {path.name} was cancelled; nothing was changed.")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if progress is not None:
        progress(1, 1, Stage.UPGRADING, path.name)
    return MergeSource(path, copy, version)
