"""Opening a project file: what is refused before SQLite runs a statement, the connection,
the schema check, whether it can be written, and how SQLite failures read to a user."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from hnreader.core.models import ErrorCode, StoreError

BUSY_TIMEOUT_MS = 10_000
PROBE_TIMEOUT_MS = 200  # the write probe on open (can_write) waits no longer
# Tables a project file must hold (checked on open, so a damaged or foreign schema is
# reported before anything runs against it).
_REQUIRED_TABLES = frozenset(
    {"meta", "source_files", "articles", "article_index", "article_fts", "figures", "tags"}
    | {"annotations", "annotation_tags", "user_words"}
)
# … and from the file format that added them on.
_REQUIRED_SINCE = {9: frozenset({"article_header_fts"})}


def store_error(error: sqlite3.Error, path: Path, *, conflict: str = "") -> StoreError:
    """The user's view of an SQLite failure on `path`: what happened and what to do.

    `conflict` words a constraint failure, which in a user action means another window or
    process changed the rows involved meanwhile (the action's own checks passed).
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    file = path.name
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StoreError(
            f"{file}: the disk is full, so the change could not be saved. Nothing was changed; "
            f"free some space on the disk that holds {path.parent} and try again.",
            code=ErrorCode.DISK_FULL,
            path=str(path),
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return StoreError(
            f"{file} cannot be written: the file, its folder or the disk is read-only. Nothing "
            "was changed; copy the project to a folder you can write to, or change its "
            "permissions, and open it again.",
            code=ErrorCode.READ_ONLY,
            path=str(path),
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return StoreError(
            f"{file} is busy in another window or program; nothing was changed. Try again in "
            "a moment.",
            code=ErrorCode.BUSY,
            path=str(path),
        )
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or "not a database" in text
    ):
        return StoreError(
            f"{file} is damaged ({error}). Nothing more is written to it. Restore the newest "
            "backup (File ▸ Restore from Backup…, or `hnreader restore`) or rescue what can "
            "be read into a new file (`hnreader salvage`).",
            code=ErrorCode.DAMAGED,
            path=str(path),
        )
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")) or (
        "unable to open" in text
    ):
        return StoreError(
            f"{file} cannot be opened ({error}): check that the file and its folder exist "
            "and that you may read and write them.",
            code=ErrorCode.PERMISSION,
            path=str(path),
        )
    if isinstance(error, sqlite3.IntegrityError) or name.startswith("SQLITE_CONSTRAINT"):
        return StoreError(
            conflict
            or (
                f"{file} was changed in another window or program meanwhile, so this action "
                "no longer fits; nothing was changed. Look at the project again and retry."
            ),
            code=ErrorCode.CONFLICT,
            path=str(path),
        )
    return StoreError(
        f"{file} could not be read or written ({error}); nothing was changed.",
        code=ErrorCode.IO_ERROR,
        path=str(path),
    )


def check_file(path: Path, *, create: bool, initialize_empty: bool) -> None:
    """Refuse a folder, a missing file (unless `create`), a 0-byte file (unless
    `initialize_empty`) and an unreadable one before SQLite touches anything."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a project file", code=ErrorCode.NOT_A_PROJECT)
    if not path.exists():
        if not create:
            raise StoreError(
                f"{path}: no such project file", code=ErrorCode.MISSING, path=str(path)
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"{path} cannot be created ({error.strerror}): choose a folder you may write to.",
                code=ErrorCode.PERMISSION,
                path=str(path),
            ) from None
        return
    if path.stat().st_size == 0 and not initialize_empty:
        raise StoreError(
            f"{path} is empty (0 bytes): it holds no project. Nothing was written to it. "
            "Open another file, or create a new project in it (in the app, answer "
            "“Create”; on the command line, delete the empty file first).",
            code=ErrorCode.EMPTY_FILE,
            path=str(path),
        )
    if not os.access(path, os.R_OK):
        raise StoreError(
            f"{path} cannot be read: you do not have permission to open it.",
            code=ErrorCode.PERMISSION,
            path=str(path),
        )


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """The store's connection: read-only (URI mode=ro) or read-write, with our pragmas."""
    try:
        if read_only:
            uri = path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as error:
        error_name = getattr(error, "sqlite_errorname", "") or ""
        if error_name.startswith("SQLITE_NOTADB") or "not a database" in str(error):
            raise StoreError(
                f"{path} is not an hnreader project file ({error}). Nothing was changed.",
                code=ErrorCode.NOT_A_PROJECT,
                path=str(path),
            ) from None
        raise store_error(error, path) from None
    return conn


def file_version(path: Path) -> int | None:
    """The file format of an existing project file, read without writing anything (None
    when it is missing or cannot be read: opening it says why)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def read_version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as error:
        conn.close()
        raise store_error(error, path) from None


def check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """A file whose tables do not match its version is refused before anything runs."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as error:
        conn.close()
        raise store_error(error, path) from None
    problem = ""
    if version == 0 and tables:
        problem = (
            "it holds hnreader tables but says it has no schema version"
            if "meta" in tables
            else "it holds tables of another program"
        )
    elif version > 0:
        required = _REQUIRED_TABLES.union(
            *(names for since, names in _REQUIRED_SINCE.items() if version >= since)
        )
        if not tables >= required:
            missing = ", ".join(sorted(required - tables))
            problem = f"file format {version}, but tables are missing ({missing})"
    if problem:
        conn.close()
        kind = ErrorCode.NOT_A_PROJECT if "another program" in problem else None
        raise StoreError(
            f"{path} is not a consistent hnreader project: {problem}. Nothing was "
            "changed; restore a backup of it, or open another file.",
            code=kind or ErrorCode.INCONSISTENT_SCHEMA,
            path=str(path),
        )


def can_write(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether a write reaches the disk: permissions, a read-only file system or a
    read-only mount all show here (a rolled-back header write; it changes nothing).

    Another window holding the write lock does not delay the opening: the probe waits at
    most PROBE_TIMEOUT_MS for it and then takes the file as writable."""
    conn.execute(f"PRAGMA busy_timeout = {PROBE_TIMEOUT_MS}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"PRAGMA user_version = {read_version(conn, path)}")
    except sqlite3.OperationalError as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        # Only a refusal to write makes it read-only: another window writing now means
        # writable but busy, and a full disk is reported when a change fails.
        kind = store_error(error, path).code
        return kind not in (ErrorCode.READ_ONLY, ErrorCode.PERMISSION)
    else:
        conn.execute("ROLLBACK")
        return True
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
