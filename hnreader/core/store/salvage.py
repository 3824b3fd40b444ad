"""The rescue of a damaged project file into a new one, row by readable row."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hnreader.core.models import Progress, Stage, StoreError
from hnreader.core.store import Store
from hnreader.core.store.integrity import (
    READ_ERRORS,
    SQLITE_HEADER,
    closing,
    has_table,
    integrity_problems,
    open_read_only,
    schema_version,
)
from hnreader.core.store.schema import MIGRATIONS, SCHEMA_VERSION

Cancelled = Callable[[], bool]

# The word counts of issue 16 (format 13): derived from the index, counted again on use.
DERIVED_WORD_TABLES = ("word_vocab", "article_words", "word_buckets")
ROWS_PER_RANGE = 256  # rows read per query; a failing range is bisected down to single rows
OPEN_END_RANGES = 16  # with no readable max(rowid): stop after this many empty ranges


@dataclass(frozen=True)
class TableSalvage:
    """What became of one table's rows."""

    table: str
    copied: int
    unreadable: int  # rowids whose lookup failed: lost rows, exactly so when ids are dense
    rejected: int  # rows read but refused: a constraint, or a parent row that was lost
    placeholders: int = 0  # rows made up for lost parents (source files, tags): not data

    @property
    def lost(self) -> int:
        return self.unreadable + self.rejected


@dataclass(frozen=True)
class SalvageReport:
    source: Path
    target: Path
    tables: tuple[TableSalvage, ...]
    # Annotations known to have existed (read from the table or its index, or named by an
    # annotation_tags row) that are not in the new file; ids missing between others are not
    # counted. None when nothing of the annotations table could be read.
    lost_annotations: int | None
    target_problems: tuple[str, ...] = ()  # integrity_check of the new file; () = passes
    cancelled: bool = False  # then the new file was deleted

    def table(self, name: str) -> TableSalvage:
        return next(t for t in self.tables if t.table == name)


# ------------------------------------------------------------------------------- salvage


def salvage(
    damaged: Path,
    target: Path,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> SalvageReport:
    """Copy every readable row of `damaged` into `target`, a new project file.

    The target gets the schema of the damaged file's version (then migrated to the current
    one) and is written with foreign keys off. Each table is read in rowid ranges; a range
    that fails is bisected down to single rows, so damage loses the rows on the damaged
    pages (all the rows below a damaged interior page). Rows the target's constraints
    refuse are skipped, and rows whose parent was lost are dropped afterwards (a lost
    parent tag is cleared instead). The FTS table is not copied: `article_index` and the
    meta key `index_fold` are removed, so the app rebuilds the search index on open.
    Cancelling deletes the target and returns a report with `cancelled` set.
    """
    damaged, target = Path(damaged), Path(target)
    if not damaged.is_file():
        raise StoreError(f"{damaged}: no such file to salvage.")
    if target.exists():
        raise StoreError(f"{target} already exists: salvage writes a new file; choose another.")
    version = _damaged_version(damaged)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{damaged.name} says it is file format {version} (this hnreader reads up to "
            f"{SCHEMA_VERSION}): salvage it with a newer hnreader, or its header is damaged."
        )
    _create_target(target, version)
    try:
        with (
            closing(open_read_only(damaged)) as source,
            closing(sqlite3.connect(target, isolation_level=None)) as out,
        ):
            out.execute("PRAGMA foreign_keys = OFF")
            # Reads a file shorter than its header says (truncated), which SQLite otherwise
            # refuses as a whole; on a read-only connection it writes nothing.
            source.execute("PRAGMA writable_schema = ON")
            copier = _Copier(source, out, progress, is_cancelled)
            tables = copier.copy_all()
            if tables is None:
                raise _Cancelled
            lost_annotations = copier.lost_annotations()
        if 0 < version < SCHEMA_VERSION:
            _migrate_target(target)
        with closing(sqlite3.connect(target, isolation_level=None)) as out:
            problems = integrity_problems(out, full=True)
    except _Cancelled:
        _remove(target)
        return SalvageReport(damaged, target, (), None, cancelled=True)
    except BaseException:
        _remove(target)
        raise
    return SalvageReport(damaged, target, tuple(tables), lost_annotations, tuple(problems))


class _Cancelled(Exception):
    pass


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def _damaged_version(path: Path) -> int:
    """The damaged file's user_version: from SQLite, else straight from its header; 0 when
    unknown (the target then gets the current schema)."""
    version = schema_version(path)
    if version is not None:
        return version
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return 0
    return int.from_bytes(header[60:64], "big") if header.startswith(SQLITE_HEADER) else 0


def _create_target(target: Path, version: int) -> None:
    """The new file with the damaged file's schema: the current one through `Store`, an
    older one by the same migrations (the rest run after the copy, converting its rows)."""
    if version in (0, SCHEMA_VERSION):
        Store(target).close()
        return
    with closing(sqlite3.connect(target, isolation_level=None)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        for produced, _name, migration in MIGRATIONS:
            if produced <= version:
                migration(conn)
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("COMMIT")


def _migrate_target(target: Path) -> None:
    Store(target).close()


def _regular_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables holding rows of their own: not SQLite's, not virtual, not a virtual table's
    shadow tables, not the search index or the word counts (rebuilt by the app: counts
    copied without their vocabulary rows would name the wrong words), not the undo history
    (a rescued project starts a history of its own: undoing into rows the damage took is
    no help)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _sql in rows
        if not name.startswith("sqlite_")
        and name not in virtual
        and not any(name.startswith(f"{v}_") for v in virtual)
        and name not in ("article_index", "change_log", *DERIVED_WORD_TABLES)
    ]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _index_names(conn: sqlite3.Connection, table: str) -> list[str]:
    return [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
        )
    ]


_EMPTY = -1  # from _edge: the table has no rows (rowids of ours are never negative)

# Parents made up when lost, so that their children survive: an article keeps its text and
# annotations without its source file's row; an annotation keeps a lost tag's grouping.
_PLACEHOLDERS: dict[str, dict[str, str]] = {
    "source_files": {"name": "(lost in salvage)", "path": "", "sha256": "lost-{id}",
                     "encoding": "", "text": "", "imported": ""},
    "tags": {"name": "lost tag {id}", "color": "#808080", "created": ""},
}  # fmt: skip


@dataclass
class _Plan:
    table: str
    columns: list[str]
    low: int | None  # None: the table is empty
    high: int | None  # None: its last rowid could not be read
    known_high: int  # the highest rowid an index showed (for an open end)


@dataclass
class _Copied:
    table: str
    copied: int = 0
    rejected: int = 0
    failed: list[int] = field(default_factory=list)
    bound: int | None = None  # open end: failures above the last rowid seen are not counted


def _read_range(conn: sqlite3.Connection, sql: str, low: int, high: int) -> tuple[list, list]:
    """(rows, rowids that could not be read) in [low, high], bisecting a failing range.

    A row with a NUL character in a text value is counted as unreadable: no stored text holds
    one (import and user input remove them), but SQLite reads the pages past the end of a
    truncated file as zeros, so a row whose overflow pages were cut off reads as NULs."""
    try:
        rows = conn.execute(sql, (low, high)).fetchall()
    except READ_ERRORS:
        if low == high:
            return [], [low]
    else:
        lost = [row for row in rows if any(isinstance(v, str) and "\x00" in v for v in row)]
        return [row for row in rows if row not in lost], [int(row[0]) for row in lost]
    middle = (low + high) // 2
    rows, failed = _read_range(conn, sql, low, middle)
    more_rows, more_failed = _read_range(conn, sql, middle + 1, high)
    return rows + more_rows, failed + more_failed


class _Copier:
    """Copies one damaged file's rows into the new file; counts what it could not."""

    def __init__(
        self,
        source: sqlite3.Connection,
        out: sqlite3.Connection,
        progress: Progress | None,
        is_cancelled: Cancelled | None,
    ) -> None:
        self.source, self.out = source, out
        self.progress, self.is_cancelled = progress, is_cancelled
        self.done = self.total = 0
        self.annotation_ids: set[int] = set()  # read from the table, its index, annotation_tags
        self.annotations_readable = False
        self.missing_parents: dict[str, set[int]] = {}  # ids that rows read refer to
        self.placeholders: dict[str, int] = {}
        self.dropped: dict[str, set[int]] = {}  # rowids copied, then dropped as orphans

    def copy_all(self) -> list[TableSalvage] | None:
        target_tables = _regular_tables(self.out)
        try:
            in_source = set(_regular_tables(self.source))
            tables = [t for t in target_tables if t in in_source]
        except READ_ERRORS:
            tables = target_tables  # no readable schema: try every table the target has
        plans = [self._plan(table) for table in tables]
        self.total = sum(_span(plan) for plan in plans)
        self.out.execute("BEGIN")
        for table in (*target_tables, "article_index"):
            self.out.execute(f'DELETE FROM "{table}"')
        self.out.execute("COMMIT")
        copied: list[_Copied] = []
        for plan in plans:
            result = self._copy_table(plan)
            if result is None:
                return None
            copied.append(result)
        self._repair_references()
        self._finish()
        return [self._summary(c) for c in copied]

    def _summary(self, c: _Copied) -> TableSalvage:
        counted = {f for f in c.failed if c.bound is None or f <= c.bound}
        dropped = self.dropped.get(c.table, set())
        never_copied = self.missing_parents.get(c.table, set()) - dropped
        made = self.placeholders.get(c.table, 0)
        unreadable, dropped_count = len(counted | never_copied), len(dropped)
        return TableSalvage(
            c.table, c.copied - dropped_count, unreadable, c.rejected + dropped_count, made
        )

    def _plan(self, table: str) -> _Plan:
        columns = _columns(self.out, table)
        with contextlib.suppress(*READ_ERRORS):
            in_source = set(_columns(self.source, table))
            columns = [c for c in columns if c in in_source] or columns
        low, high = (self._edge(table, order) for order in ("ASC", "DESC"))
        needed = table == "annotations" or low is None or high is None
        evidence = self._index_rowids(table) if needed else set()
        if table == "annotations":
            self.annotation_ids |= evidence
        known_high = max(evidence, default=0)
        if low == _EMPTY:
            return _Plan(table, columns, min(evidence) if evidence else None, None, known_high)
        if low is None:
            low = min(1, min(evidence, default=1))
        return _Plan(table, columns, low, None if high in (None, _EMPTY) else high, known_high)

    def _edge(self, table: str, order: str) -> int | None:
        """The first or last rowid; _EMPTY for an empty table; None when it cannot be read."""
        try:
            row = self.source.execute(
                f'SELECT rowid FROM "{table}" ORDER BY rowid {order} LIMIT 1'
            ).fetchone()
        except READ_ERRORS:
            return None
        self.annotations_readable |= table == "annotations"
        return _EMPTY if row is None else int(row[0])

    def _index_rowids(self, table: str) -> set[int]:
        """Rowids listed by the table's indexes: evidence of rows whose pages are lost."""
        try:
            names = _index_names(self.source, table)
        except READ_ERRORS:
            names = _index_names(self.out, table)
        found: set[int] = set()
        for name in names:
            with contextlib.suppress(*READ_ERRORS):  # keep what was read before a failure
                for (rowid,) in self.source.execute(
                    f'SELECT rowid FROM "{table}" INDEXED BY "{name}"'
                ):
                    found.add(int(rowid))
                self.annotations_readable |= table == "annotations"
        return found

    def _copy_table(self, plan: _Plan) -> _Copied | None:
        table, result = plan.table, _Copied(plan.table)
        if plan.low is None:
            return result
        names = ", ".join(f'"{c}"' for c in plan.columns)
        select = f'SELECT rowid, {names} FROM "{table}" WHERE rowid BETWEEN ? AND ? ORDER BY rowid'
        insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(plan.columns))})'
        seek = f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1'
        tag_column = 1 + plan.columns.index("annotation_id") if table == "annotation_tags" else 0
        empty_run, last_seen = 0, plan.known_high
        position: int | None = plan.low
        while position is not None:
            if plan.high is not None and position > plan.high:
                break
            if plan.high is None and position > last_seen and empty_run >= OPEN_END_RANGES:
                break
            if self.is_cancelled is not None and self.is_cancelled():
                return None
            end = position + ROWS_PER_RANGE - 1
            end = end if plan.high is None else min(end, plan.high)
            rows, bad = _read_range(self.source, select, position, end)
            result.failed.extend(bad)
            self.out.execute("BEGIN")
            for row in rows:
                try:
                    self.out.execute(insert, row[1:])
                    result.copied += 1
                except sqlite3.IntegrityError:
                    result.rejected += 1
                if table == "annotations":
                    self.annotation_ids.add(int(row[0]))
                elif tag_column and isinstance(row[tag_column], int):
                    self.annotation_ids.add(row[tag_column])
            self.out.execute("COMMIT")
            if rows:
                last_seen = max(last_seen, int(rows[-1][0]))
                self.annotations_readable |= table == "annotations"
            empty_run = 0 if rows else empty_run + 1
            self._advance(end - position + 1)
            position = end + 1 if bad else self._next_rowid(seek, end)
        result.bound = last_seen if plan.high is None else None
        return result

    def _next_rowid(self, seek: str, after: int) -> int | None:
        """The next existing rowid (skipping a gap in the ids); None at the end; after + 1
        when the seek itself fails (then the ids are walked through the damage)."""
        try:
            row = self.source.execute(seek, (after,)).fetchone()
        except READ_ERRORS:
            return after + 1
        return None if row is None else int(row[0])

    def _advance(self, rowids: int) -> None:
        self.done = min(self.total, self.done + rowids)
        if self.progress is not None:
            self.progress(self.done, self.total, Stage.SALVAGING)

    def _repair_references(self) -> None:
        """Rows whose parent row was lost: the parent made up when it is a source file or a
        tag, the reference cleared when it may be NULL (a tag's parent), else the row
        dropped. Repeated, as a dropped row can orphan others."""
        for _round in range(20):
            violations = self.out.execute("PRAGMA foreign_key_check").fetchall()
            if not violations:
                return
            self.out.execute("BEGIN")
            for table, rowid, parent, key_id in violations:
                self._repair(table, rowid, parent, key_id)
            self.out.execute("COMMIT")

    def _repair(self, table: str, rowid: int, parent: str, key_id: int) -> None:
        keys = [
            r[3] for r in self.out.execute(f'PRAGMA foreign_key_list("{table}")') if r[0] == key_id
        ]
        not_null = {r[1] for r in self.out.execute(f'PRAGMA table_info("{table}")') if r[3]}
        if not_null.isdisjoint(keys):
            cleared = ", ".join(f'"{c}" = NULL' for c in keys)
            self.out.execute(f'UPDATE "{table}" SET {cleared} WHERE rowid = ?', (rowid,))
            return
        value = self.out.execute(
            f'SELECT "{keys[0]}" FROM "{table}" WHERE rowid = ?', (rowid,)
        ).fetchone()
        if value is not None and isinstance(value[0], int):
            self.missing_parents.setdefault(parent, set()).add(value[0])
            if len(keys) == 1 and parent in _PLACEHOLDERS and self._make_up(parent, value[0]):
                return
        self.out.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
        self.dropped.setdefault(table, set()).add(rowid)

    def _make_up(self, table: str, row_id: int) -> bool:
        values = {k: v.format(id=row_id) for k, v in _PLACEHOLDERS[table].items()}
        names = ", ".join(f'"{c}"' for c in ("id", *values))
        try:
            self.out.execute(
                f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * (len(values) + 1))})',
                (row_id, *values.values()),
            )
        except sqlite3.DatabaseError:  # a schema with other required columns: drop instead
            return False
        self.placeholders[table] = self.placeholders.get(table, 0) + 1
        return True

    def _finish(self) -> None:
        """The search index rebuilt on open; ids never handed out twice (sqlite_sequence)."""
        self.out.execute("BEGIN")
        self.out.execute("DELETE FROM meta WHERE key = 'index_fold'")
        if has_table(self.out, "sqlite_sequence"):
            with contextlib.suppress(*READ_ERRORS):
                for name, seq in self.source.execute("SELECT name, seq FROM sqlite_sequence"):
                    if not isinstance(seq, int):
                        continue
                    cursor = self.out.execute(
                        "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (seq, name)
                    )
                    if cursor.rowcount == 0:
                        self.out.execute(
                            "INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)", (name, seq)
                        )
        self.out.execute("COMMIT")

    def lost_annotations(self) -> int | None:
        if not self.annotations_readable or not has_table(self.out, "annotations"):
            return None
        salvaged = {int(row[0]) for row in self.out.execute("SELECT id FROM annotations")}
        return len(self.annotation_ids - salvaged)


def _span(plan: _Plan) -> int:
    if plan.low is None:
        return 0
    high = plan.high if plan.high is not None else max(plan.known_high, plan.low)
    return high - plan.low + 1
