"""Connection, transactions, migrations and change recording of a project file."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from hnreader.core.models import (
    StoreError,
)
from hnreader.core.search_index import fts_document
from hnreader.core.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000
_WAL_SAFE_SQLITE = (3, 51, 3)

# Primary-key columns of the tables a Change can touch, in parent → child order.
_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "article_index": ("article_id",),
    "figures": ("id",),
    "tags": ("id",),
    "annotations": ("id",),
    "annotation_tags": ("annotation_id", "tag_id"),
    "user_words": ("word",),
}

_S = TypeVar("_S", bound="StoreBase")
RowKey = tuple[Any, ...]
RowState = dict[str, dict[RowKey, dict[str, Any] | None]]


@dataclass(frozen=True)
class Change:
    """What one user action did: the touched rows before and after (None = absent)."""

    label: str
    before: RowState
    after: RowState
    result_id: int | None = None  # id of the created/changed object, when there is one


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


class StoreBase:
    """The connection and the machinery every query group shares."""

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            if not self.path.exists() and not create:
                raise StoreError(f"{self.path}: no such project file")
            if self.path.is_dir():
                raise StoreError(f"{self.path} is a folder, not a project file")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
            self._conn = conn
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} is not an hnreader project file ({error})") from None
        if version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"{self.path} was saved by a newer hnreader (file format {version}; this version "
                f"reads up to {SCHEMA_VERSION}). Nothing was changed; update hnreader to open it."
            )
        self.db = sqlite_utils.Database(conn)
        self._set_journal_mode()
        self._migrate(version)

    # -- connection, transactions, migrations

    def _set_journal_mode(self) -> None:
        mode = "WAL" if _sqlite_version() >= _WAL_SAFE_SQLITE else "DELETE"
        with contextlib.suppress(sqlite3.OperationalError):  # another connection holds a lock
            self._conn.execute(f"PRAGMA journal_mode = {mode}")
        self._conn.execute("PRAGMA synchronous = FULL")

    def _migrate(self, version: int) -> None:
        for target, _name, migration in MIGRATIONS:
            if target <= version:
                continue
            with self.write():
                # Re-read under the write lock: another window may have migrated meanwhile.
                current = self._conn.execute("PRAGMA user_version").fetchone()[0]
                if current >= target:
                    continue
                migration(self._conn)
                self._conn.execute(f"PRAGMA user_version = {target}")

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One transaction holding the write lock from its first statement (BEGIN IMMEDIATE)."""
        if self._conn.in_transaction:
            with self.db.atomic():  # nested: a savepoint inside the open transaction
                yield
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(
                f"{self.path.name} is busy in another window or program ({error}); "
                "nothing was changed. Try again in a moment."
            ) from None
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

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

    def apply_rows(self, state: RowState) -> None:
        """Put the rows named in `state` back as recorded (undo with before, redo with after).

        The contentless FTS table holds no rows to record: an article's FTS document follows
        its `article_index` row, so it is dropped and re-added with that row here.
        """
        tables = [t for t in _KEYS if t in state]
        indexed = state.get("article_index", {})
        with self.write():
            self._conn.execute("PRAGMA defer_foreign_keys = ON")
            for (article_id,) in indexed:
                self._drop_index_row(article_id)
            for table in reversed(tables):
                where = " AND ".join(f'"{c}" = ?' for c in _KEYS[table])
                for key in state[table]:
                    self._conn.execute(f"DELETE FROM {table} WHERE {where}", key)
            for table in tables:
                for row in state[table].values():
                    if row is None:
                        continue
                    columns = ", ".join(f'"{c}"' for c in row)
                    marks = ", ".join("?" for _ in row)
                    self._conn.execute(
                        f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
                    )
            for (article_id,), row in indexed.items():
                if row is not None:
                    self._add_fts_document(article_id, row["folded"])

    # -- the search index rows of an article (kept together: FTS document ⇔ index row)

    def _put_index_row(self, article_id: int, row: IndexRow, text: str | None = None) -> None:
        """Inside a transaction: index an article that has no index row (drop it first).
        `text` is the article's stored text, when the caller has it at hand."""
        self._conn.execute(
            "INSERT INTO article_index(article_id, version, flags, folded) VALUES (?, ?, ?, ?)",
            (article_id, row.version, row.flags, row.folded),
        )
        self._add_fts_document(article_id, row.folded, text)

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
        """Inside a transaction: remove an article's index row and FTS document, if any.

        Call it before the article's text changes: the contentless FTS table deletes a
        document only when given the exact document, rebuilt here from the stored text.
        """
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
        label: str,
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
        return Change(label, before, after, result_id)

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
