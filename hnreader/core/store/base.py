"""Connection, transactions, migrations and change recording of a project file."""

from __future__ import annotations

import contextlib
import functools
import logging
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from hnreader.core.models import Change, ErrorCode, RowKey, RowState, StoreError
from hnreader.core.store import opening, schema
from hnreader.core.store.opening import store_error
from hnreader.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from hnreader.core.text.fts import fts_document, header_documents

# Files up to this size get a quick_check on open (a 14 MB project: 21 ms from the page
# cache, 0.4 s from disk, measured here); larger ones are checked in the background by the
# app after start-up, and before the first write in any case, so start-up stays quick.
QUICK_CHECK_ON_OPEN_BYTES = 32_000_000
_WAL_SAFE_SQLITE = (3, 51, 3)

# Primary-key columns of the tables a Change can touch, in parent → child order.
_KEYS: dict[str, tuple[str, ...]] = {
    "source_files": ("id",),  # only a REFI-QDA import records one (its articles' source)
    "articles": ("id",),
    "article_index": ("article_id",),
    "figures": ("id",),
    "tags": ("id",),
    "annotations": ("id",),
    "annotation_tags": ("annotation_id", "tag_id"),
    "user_words": ("word",),
    "article_variables": ("article_id", "name"),
    "memos": ("id",),
    "ledger_indicators": ("alias",),
    "ledger_merges": ("name",),
    "ledger_decisions": ("indicator", "measure", "place", "period"),
    "orphans": ("id",),
    "stop_words": ("word",),
}

_S = TypeVar("_S", bound="StoreBase")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexRow:
    """What the search index stores for one article (built by search_index)."""

    folded: str | None  # the folded text, kept only where OpenCC changed it (else None)
    flags: bytes  # zlib-compressed, one flag byte per code-point position
    version: str


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sqlite_version() -> tuple[int, ...]:
    return tuple(int(part) for part in sqlite3.sqlite_version.split("."))


# Tables that hold only what is derived from an article's text (rebuilt from it): an undo
# puts them back as recorded without comparing them first, because re-indexing or figure
# detection may have rewritten them since without anyone's work being at stake.
_DERIVED = frozenset({"article_index", "figures"})
_F = TypeVar("_F", bound=Callable[..., Any])


def in_transaction(method: _F) -> _F:
    """Run a store method inside one write transaction, so that what it reads to check and
    build the change is what it changes: nothing another window commits can fall between
    (a lost update otherwise). Nested calls become savepoints."""

    @functools.wraps(method)
    def wrapper(self: StoreBase, *args: Any, **kwargs: Any) -> Any:
        with self.write():
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class StoreBase:
    """The connection and the machinery every query group shares.

    A store is `read_only` when the file cannot be written (`read_only_reason` "file"), was
    found damaged ("damaged"), or was asked to be ("requested"): every write then raises a
    `StoreError` before touching the file.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        create: bool = True,
        read_only: bool = False,
        initialize_empty: bool = False,
        check: bool = True,
        back_up: bool = True,
    ) -> None:
        """`check=False` is for another connection to a file this process opened and
        checked already (background work): no write probe, no quick_check, no waiting on
        another writer's lock to probe; it cannot migrate either. `back_up=False` is for a
        throwaway copy (a merge's upgraded copy of an older file): it is migrated without
        the backup an upgrade otherwise makes first."""
        self.path = Path(path)
        self.read_only_reason = "requested" if read_only else ""
        self.damage = ""  # the first problem found by the check on open, if any
        self._verified = not check  # quick_check done: before the first write at the latest
        memory = str(path) == ":memory:"
        if not memory:
            opening.check_file(self.path, create=create, initialize_empty=initialize_empty)
        conn = opening.connect(self.path, read_only=bool(self.read_only_reason))
        self._conn = conn
        self.db = sqlite_utils.Database(conn)
        version = opening.read_version(conn, self.path)
        if version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"{self.path} was saved by a newer hnreader (file format {version}; this version "
                f"reads up to {SCHEMA_VERSION}). Nothing was changed; update hnreader to open it.",
                code=ErrorCode.TOO_NEW,
                path=str(self.path),
                version=version,
            )
        opening.check_schema(conn, self.path, version)
        writable_checked = memory or not check or bool(self.read_only_reason)
        if not writable_checked and not opening.can_write(conn, self.path):
            self.read_only_reason = "file"
        if not self.read_only_reason:
            self._set_journal_mode()
        if version < SCHEMA_VERSION:
            if self.read_only_reason:
                conn.close()
                raise StoreError(
                    f"{self.path} was saved by an older hnreader and must be upgraded, but it "
                    "cannot be written. Nothing was changed; copy it to a folder you can write "
                    "to and open the copy.",
                    code=ErrorCode.READ_ONLY,
                    path=str(self.path),
                )
            if version > 0 and not memory and back_up:
                self._back_up_before_migrating(version)
            self._migrate(version)
        if not self.read_only_reason and schema.lacks_figure_model(conn):
            with self.write():
                schema.add_figure_model(conn)
        if not self.read_only_reason and schema.lacks_word_counts(conn):
            with self.write():
                schema.add_word_counts(conn)
        if check and not memory and self.read_only_reason != "damaged":
            self._quick_check_on_open()

    def _quick_check_on_open(self) -> None:
        """A damaged project is never written to: it is opened read-only instead."""
        if self.path.stat().st_size > QUICK_CHECK_ON_OPEN_BYTES:
            return  # the caller checks a large file in the background (Project.verify)
        self.verify()

    def verify(self, *, full: bool = False) -> list[str]:
        """Check the file (`quick_check`, or `integrity_check` and the search index when
        `full`); problems found make this store read-only. Returns the problems."""
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = self._conn.execute(f"PRAGMA {pragma}(20)").fetchall()
            problems = [str(r[0]) for r in rows if r[0] != "ok"]
            if full and not problems:
                problems.extend(str(r[0]) for r in self._conn.execute("PRAGMA foreign_key_check"))
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        self._verified = True
        if problems:
            self.read_only_reason = "damaged"
            self.damage = problems[0]
        return problems

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    @property
    def verified(self) -> bool:
        """Whether the file was checked for damage since it was opened."""
        return self._verified

    # -- connection, transactions, migrations

    def _set_journal_mode(self) -> None:
        mode = "WAL" if _sqlite_version() >= _WAL_SAFE_SQLITE else "DELETE"
        with contextlib.suppress(sqlite3.OperationalError):  # another connection holds a lock
            self._conn.execute(f"PRAGMA journal_mode = {mode}")
        self._conn.execute("PRAGMA synchronous = FULL")

    def _back_up_before_migrating(self, version: int) -> None:
        """A verified backup before the file is changed to a new format; no upgrade without
        one (a migration rebuilds tables)."""
        from hnreader.core.store.backup import make_backup

        try:
            make_backup(self.path, reason="migration")
        except StoreError as error:
            self._conn.close()
            raise StoreError(
                f"{self.path.name} must be upgraded from file format {version} to "
                f"{SCHEMA_VERSION}, and a backup is made first, but it failed: {error} "
                "Nothing was changed.",
                code=error.code or ErrorCode.IO_ERROR,
                path=str(self.path),
            ) from None

    def _migrate(self, version: int) -> None:
        # Foreign keys off while migrating: rebuilding a parent table (DROP + RENAME) must not
        # cascade into its children. Checked before each migration commits instead.
        self._conn.execute("PRAGMA foreign_keys = OFF")
        try:
            for target, name, migration in MIGRATIONS:
                if target <= version:
                    continue
                with self.write():
                    # Re-read under the write lock: another window may have migrated meanwhile.
                    current = self._conn.execute("PRAGMA user_version").fetchone()[0]
                    if current >= target:
                        continue
                    try:
                        migration(self._conn)
                    except sqlite3.OperationalError as error:
                        raise StoreError(
                            f"{self.path} could not be upgraded to file format {target} "
                            f"({name}: {error}); its tables do not match its version "
                            f"{current}. Nothing was changed; restore a backup of it.",
                            code=ErrorCode.INCONSISTENT_SCHEMA,
                            path=str(self.path),
                        ) from None
                    if self._conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                        raise StoreError(
                            f"{self.path} could not be upgraded to file format {target}: rows "
                            "refer to rows that do not exist. Nothing was changed.",
                            code=ErrorCode.INCONSISTENT_SCHEMA,
                            path=str(self.path),
                        )
                    self._conn.execute(f"PRAGMA user_version = {target}")
        except StoreError:
            self._conn.close()
            raise
        finally:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed above
                self._conn.execute("PRAGMA foreign_keys = ON")

    def _refuse_if_read_only(self) -> None:
        if not self._verified and str(self.path) != ":memory:" and not self.read_only_reason:
            self.verify()  # a large file not checked on open: before anything is written
        if self.read_only_reason == "damaged":
            raise StoreError(
                f"{self.path.name} is damaged ({self.damage}), so it was opened read-only and "
                "nothing is written to it. Restore the newest backup (File ▸ Restore from "
                "Backup…, or `hnreader restore`) or rescue what can be read into a new file "
                "(`hnreader salvage`).",
                code=ErrorCode.DAMAGED,
                path=str(self.path),
            )
        if self.read_only_reason:
            raise StoreError(
                f"{self.path.name} is open read-only, so nothing can be changed. Copy the "
                "project to a folder you can write to, or change its permissions, and open "
                "it again.",
                code=ErrorCode.READ_ONLY,
                path=str(self.path),
            )

    @contextlib.contextmanager
    def write(self, *, conflict: str = "") -> Iterator[None]:
        """One transaction holding the write lock from its first statement (BEGIN IMMEDIATE).

        However it ends (an exception, a failing COMMIT, a full disk), the transaction is
        over afterwards and the connection usable; SQLite failures come out as `StoreError`s
        that say what happened (`conflict` words a constraint failure).
        """
        self._refuse_if_read_only()
        if self._conn.in_transaction:
            with self.db.atomic():  # nested: a savepoint inside the open transaction
                yield
            return
        try:
            self._begin_immediate()
        except sqlite3.Error as error:
            raise store_error(error, self.path) from None
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException as error:
            # SQLite may have rolled back by itself (a full disk): a second ROLLBACK would
            # then fail and hide the cause, so only roll back what is still open.
            if self._conn.in_transaction:
                try:
                    self._conn.execute("ROLLBACK")
                except sqlite3.Error:
                    log.exception("rollback failed on %s", self.path)
            if isinstance(error, sqlite3.Error):
                raise store_error(error, self.path, conflict=conflict) from None
            raise

    def _begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, waiting up to the busy timeout for the write lock by trying again
        every few milliseconds. SQLite's own wait backs off to 100 ms between tries, so among
        several busy writers one could miss every free moment for the whole 10 s (the slow
        concurrent-writers test saw it twice in 2,000 actions of each of 4 processes)."""
        deadline = time.monotonic() + opening.BUSY_TIMEOUT_MS / 1000
        self._conn.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    self._conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    busy = getattr(error, "sqlite_errorname", "").startswith("SQLITE_BUSY")
                    if not (busy or "locked" in str(error)) or time.monotonic() >= deadline:
                        raise
                time.sleep(random.uniform(0.001, 0.005))
        finally:
            self._conn.execute(f"PRAGMA busy_timeout = {opening.BUSY_TIMEOUT_MS}")

    def data_version(self) -> int:
        """Changes whenever another connection commits to the file (cheap to poll)."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self: _S) -> _S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._conn.execute(sql, params).fetchall()

    def _value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # -- meta

    def meta(self, key: str, default: str = "") -> str:
        value = self._value("SELECT value FROM meta WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        with self.write():
            self._conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- row snapshots: the generic inverse of every change

    def _capture(self, keys: Mapping[str, Iterable[RowKey]]) -> RowState:
        state: RowState = {}
        for table, table_keys in keys.items():
            columns = _KEYS[table]
            where = " AND ".join(f'"{c}" = ?' for c in columns)
            captured: dict[RowKey, dict[str, Any] | None] = {}
            for key in table_keys:
                row = self._conn.execute(f"SELECT * FROM {table} WHERE {where}", key).fetchone()
                captured[tuple(key)] = dict(row) if row is not None else None
            state[table] = captured
        return state

    def restore_rows(
        self, target: RowState, expected: RowState, logged: tuple[int, bool, str] | None = None
    ) -> None:
        """Put the rows named in `target` back as recorded (undo: a change's `before`, with
        `expected` its `after`; redo the other way round), in one transaction.

        Exact and safe: a row that is in both states is updated in place (a delete and
        re-insert would cascade into the article's figures and index); every row except
        derived ones must still be as `expected`, or nothing is done and a CONFLICT error
        says so (another window or process changed it since); a failing constraint, e.g. a
        tag name taken since, is a conflict too. The contentless FTS table holds no rows to
        record: an article's FTS document follows its `article_index` row. `logged`: the
        change log entry (id, undone, by which session) marked in the same transaction (see
        `change_log`).
        """
        conflict = (
            f"This was changed in another window or program since, so it cannot be undone or "
            f"redone without overwriting that work. Nothing was changed in {self.path.name}."
        )
        with self.write(conflict=conflict):
            self._conn.execute("PRAGMA defer_foreign_keys = ON")
            current = self._capture({t: list(rows) for t, rows in target.items()})
            for table, rows in expected.items():
                if table in _DERIVED:
                    continue
                for key, row in rows.items():
                    if current.get(table, {}).get(key, row) != row:
                        raise StoreError(conflict, code=ErrorCode.CONFLICT, table=table)
            # A row another window added that refers to one this removes (e.g. an annotation
            # on a split-off article) fails the deferred foreign-key check at COMMIT: write()
            # rolls back and reports the conflict.
            self._put_rows(target, current)
            if logged is not None:
                log_id, undone, session = logged
                self._conn.execute(
                    "UPDATE change_log SET undone = ?, undone_by = ? WHERE id = ?",
                    (int(undone), session if undone else "", log_id),
                )

    def _put_rows(self, target: RowState, current: RowState) -> None:
        tables = [t for t in _KEYS if t in target]
        indexed = target.get("article_index", {})
        for (article_id,) in indexed:
            self._drop_index_row(article_id)  # before the text changes: see _drop_index_row
        for table in reversed(tables):
            where = " AND ".join(f'"{c}" = ?' for c in _KEYS[table])
            for key, row in target[table].items():
                if row is None and current[table].get(key) is not None:
                    self._conn.execute(f"DELETE FROM {table} WHERE {where}", key)
        for table in tables:
            where = " AND ".join(f'"{c}" = ?' for c in _KEYS[table])
            for key, row in target[table].items():
                if row is None:
                    continue
                columns = ", ".join(f'"{c}"' for c in row)
                updated = 0
                if current[table].get(key) is not None and table != "article_index":
                    assignments = ", ".join(f'"{c}" = ?' for c in row)
                    updated = self._conn.execute(
                        f"UPDATE {table} SET {assignments} WHERE {where}", (*row.values(), *key)
                    ).rowcount
                # A row deleted above by a cascade (a memo on an article a re-import removed,
                # issue 13) is inserted again rather than updated in thin air.
                if not updated:
                    marks = ", ".join("?" for _ in row)
                    self._conn.execute(
                        f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
                    )
        for (article_id,), row in indexed.items():
            if row is not None:
                self._add_fts_document(article_id, row["folded"])
        # The header index follows both the index row and the article's title, subtitle
        # and byline (an undone rename puts the old title back).
        restored = {key for table in ("articles", "article_index") for key in target.get(table, {})}
        for (article_id,) in sorted(restored):
            self._sync_header_document(article_id)

    # -- the search index rows of an article (kept together: FTS documents ⇔ index row)

    def _put_index_row(self, article_id: int, row: IndexRow, text: str | None = None) -> None:
        """Inside a transaction: index an article that has no index row (drop it first).
        `text` is the article's stored text, when the caller has it at hand."""
        self._conn.execute(
            "INSERT INTO article_index(article_id, version, flags, folded) VALUES (?, ?, ?, ?)",
            (article_id, row.version, row.flags, row.folded),
        )
        self._add_fts_document(article_id, row.folded, text)
        self._sync_header_document(article_id)

    def _sync_header_document(self, article_id: int) -> None:
        """Inside a transaction: the article's row in the header index made to match its
        title, subtitle and byline now; none when it is gone or has no index row."""
        self._conn.execute("DELETE FROM article_header_fts WHERE rowid = ?", (article_id,))
        row = self._conn.execute(
            "SELECT a.title, a.subtitle, a.byline FROM articles a "
            "JOIN article_index i ON i.article_id = a.id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is not None:
            self._conn.execute(
                "INSERT INTO article_header_fts(rowid, title, subtitle, byline) "
                "VALUES (?, ?, ?, ?)",
                (article_id, *header_documents(row[0], row[1], row[2])),
            )

    def _add_fts_document(
        self, article_id: int, folded: str | None, text: str | None = None
    ) -> None:
        if text is None:
            text = self._value("SELECT text FROM articles WHERE id = ?", (article_id,))
        self._conn.execute(
            "INSERT INTO article_fts(rowid, chars) VALUES (?, ?)",
            (article_id, fts_document(text, folded)),
        )

    def _drop_index_row(self, article_id: int) -> None:
        """Inside a transaction: remove an article's index row and FTS documents, if any.

        Call it before the article's text changes: the contentless FTS table deletes a
        document only when given the exact document, rebuilt here from the stored text.
        (The header index keeps its content and deletes by rowid.)
        """
        self._conn.execute("DELETE FROM article_header_fts WHERE rowid = ?", (article_id,))
        row = self._conn.execute(
            "SELECT a.text, i.folded FROM article_index i JOIN articles a ON a.id = i.article_id "
            "WHERE i.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return
        self._conn.execute(
            "INSERT INTO article_fts(article_fts, rowid, chars) VALUES ('delete', ?, ?)",
            (article_id, fts_document(row[0], row[1])),
        )
        self._conn.execute("DELETE FROM article_index WHERE article_id = ?", (article_id,))

    def _change(
        self,
        kind: str,
        args: tuple[str, ...],
        keys: Callable[[], dict[str, set[RowKey]]],
        action: Callable[[], int | None],
    ) -> Change:
        """Run `action` in one transaction, recording the rows named by `keys` around it.

        `keys` is called before and after the action; the union of both is captured.
        """
        with self.write():
            keys_before = keys()
            before = self._capture(keys_before)
            result_id = action()
            keys_after = keys()
            merged = {t: keys_before.get(t, set()) | keys_after.get(t, set()) for t in _KEYS}
            merged = {t: k for t, k in merged.items() if k}
            before = self._capture_missing(before, merged)
            after = self._capture(merged)
        return Change(kind, args, before, after, result_id)

    def _capture_missing(self, before: RowState, merged: dict[str, set[RowKey]]) -> RowState:
        # Keys that only exist after the action were absent before.
        full: RowState = {}
        for table, table_keys in merged.items():
            recorded = before.get(table, {})
            full[table] = {key: recorded.get(key) for key in table_keys}
        return full

    def _select_in(self, sql: str, ids: Sequence[int]) -> list[sqlite3.Row]:
        rows: list[sqlite3.Row] = []
        for offset in range(0, len(ids), 500):
            chunk = list(ids[offset : offset + 500])
            rows.extend(self._rows(sql.format(", ".join("?" * len(chunk))), chunk))
        return rows
