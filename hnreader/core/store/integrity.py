"""Read-only checks of a project file, and the SQLite checks a backup copy must pass."""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BUSY_TIMEOUT_S = 10.0
MAX_PROBLEMS = 100
# The text index (contentless) and the header index (which keeps its content, so the
# check also compares the index with it).
FTS_TABLES = ("article_fts", "article_header_fts")
SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_PERM, _SQLITE_CANTOPEN = 5, 6, 3, 14
READ_ERRORS = (sqlite3.Error, ValueError, OverflowError, MemoryError)


class CheckCode:
    """What `check_project` found (`CheckReport.code`); the strings match ``ErrorCode``'s."""

    OK = ""
    MISSING = "missing"
    EMPTY = "empty_file"  # 0 bytes
    NOT_A_DATABASE = "not_a_database"  # no SQLite header: random bytes, zeros, a text file
    NOT_A_PROJECT = "not_a_project"  # a sound SQLite database without hnreader's tables
    DAMAGED = "damaged"  # an SQLite file that fails its checks
    PERMISSION = "permission"  # cannot be read at all
    BUSY = "busy"  # locked by another program for longer than the busy timeout
    IO_ERROR = "io_error"  # the check itself could not run (no room for its temporary copy)


@dataclass(frozen=True)
class CheckReport:
    """What a read-only check of a project file found."""

    path: Path
    code: str  # a CheckCode value; "" when nothing is wrong
    problems: tuple[str, ...] = ()  # as SQLite worded them, at most MAX_PROBLEMS
    schema_version: int | None = None  # from the file header, when it has one

    @property
    def ok(self) -> bool:
        return self.code == CheckCode.OK


# ------------------------------------------------------------------------- SQLite helpers


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file (URI ``mode=ro``), in autocommit mode."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)


@contextlib.contextmanager
def closing(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    try:
        yield conn
    finally:
        conn.close()


def integrity_problems(conn: sqlite3.Connection, *, full: bool) -> list[str]:
    """PRAGMA integrity_check (`full`) or quick_check: [] when SQLite says ok."""
    pragma = "integrity_check" if full else "quick_check"
    problems = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})")]
    return [] if problems == ["ok"] else problems


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def fts_problems(conn: sqlite3.Connection) -> list[str]:
    """FTS5's own check of the search index, on a WRITABLE connection.

    Measured on SQLite 3.40.1: the command works on our contentless table (content='',
    columnsize=0) and finds damage to its b-tree segments (SQLITE_CORRUPT_VTAB, "database
    disk image is malformed") that PRAGMA integrity_check does not look at; having no
    content to compare with, it cannot tell whether a document was deleted with the wrong
    text. Although it writes nothing it is an INSERT, so a read-only connection refuses it
    ("attempt to write a readonly database"): run it on a copy.
    """
    problems = []
    for table in FTS_TABLES:
        if not has_table(conn, table):
            continue
        try:
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as error:
            problems.append(f"search index ({table}): {error}")
    return problems


def verify_copy(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with a copy (empty: verified): integrity_check, then FTS5's check."""
    return integrity_problems(conn, full=True) or fts_problems(conn)


def schema_version(path: Path) -> int | None:
    """PRAGMA user_version, read read-only; None when the file cannot be read."""
    try:
        with closing(open_read_only(path)) as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except (sqlite3.Error, OSError):
        return None


def _error_code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0)) & 0xFF  # the primary result code


# --------------------------------------------------------------------------------- check


def check_project(path: Path, *, full: bool = False) -> CheckReport:
    """Check a project file without writing it; never raises for what the file holds.

    quick_check (integrity_check when `full`) and foreign_key_check on a read-only
    connection; when `full`, FTS5's own index check too, on a temporary copy (it cannot run
    read-only). A file with noise in its middle often opens and answers simple queries, so
    nothing here stops at a first successful read.
    """
    path = Path(path)
    try:
        return _check(path, full)
    except OSError as error:
        return CheckReport(path, CheckCode.PERMISSION, (f"{error.strerror or error}",))
    except READ_ERRORS as error:
        return CheckReport(path, CheckCode.DAMAGED, (str(error),))


def _check(path: Path, full: bool) -> CheckReport:
    if not path.exists():
        return CheckReport(path, CheckCode.MISSING, ("no such file",))
    if path.is_dir():
        return CheckReport(path, CheckCode.NOT_A_DATABASE, ("a folder, not a file",))
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header:
        return CheckReport(path, CheckCode.EMPTY, ("the file is empty (0 bytes)",))
    if not header.startswith(SQLITE_HEADER):
        return CheckReport(path, CheckCode.NOT_A_DATABASE, (_describe_start(header),))
    if len(header) < 100:
        return CheckReport(path, CheckCode.DAMAGED, ("the SQLite header is cut short",))
    version = int.from_bytes(header[60:64], "big")
    try:
        with closing(open_read_only(path)) as conn:
            problems = integrity_problems(conn, full=full)
            if not problems and not has_table(conn, "articles"):
                return CheckReport(path, CheckCode.NOT_A_PROJECT, ("no articles table",), version)
            if not problems:
                problems = _foreign_key_problems(conn)
            if not problems and full:
                try:
                    problems = _fts_problems_on_copy(conn)
                except (OSError, sqlite3.OperationalError) as error:
                    why = f"no temporary copy for the search-index check ({error})"
                    return CheckReport(path, CheckCode.IO_ERROR, (why,), version)
    except sqlite3.DatabaseError as error:
        code = {
            _SQLITE_BUSY: CheckCode.BUSY,
            _SQLITE_LOCKED: CheckCode.BUSY,
            _SQLITE_PERM: CheckCode.PERMISSION,
            _SQLITE_CANTOPEN: CheckCode.PERMISSION,
        }.get(_error_code(error), CheckCode.DAMAGED)
        return CheckReport(path, code, (str(error),), version)
    code = CheckCode.DAMAGED if problems else CheckCode.OK
    return CheckReport(path, code, tuple(problems[:MAX_PROBLEMS]), version)


def _describe_start(header: bytes) -> str:
    if not header.strip(b"\x00"):
        return "not an SQLite database: it starts with zero bytes only"
    try:
        text = header.decode("utf-8")
    except UnicodeDecodeError:
        return "not an SQLite database: its first bytes are not SQLite's header"
    return f"not an SQLite database: it starts with text ({text[:40]!r})"


def _foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA foreign_key_check").fetchmany(MAX_PROBLEMS)
    return [
        f"foreign key: {t} row {rowid} refers to a missing {parent} row"
        for t, rowid, parent, _ in rows
    ]


def _fts_problems_on_copy(conn: sqlite3.Connection) -> list[str]:
    if not any(has_table(conn, table) for table in FTS_TABLES):
        return []
    with (
        tempfile.TemporaryDirectory(prefix="hnreader-check-") as folder,
        closing(sqlite3.connect(Path(folder) / "copy.sqlite", isolation_level=None)) as copy,
    ):
        conn.backup(copy, pages=256)
        return fts_problems(copy)
