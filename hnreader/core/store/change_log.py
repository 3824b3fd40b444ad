"""The undo history kept in the project file (`change_log`, file format 11), and the
articles read (`ReadMarks`, the same format).

Every user action of every window and of the command line is logged with the rows it
changed before and after (a `Change`), so it can be undone after a restart. The log is one
linear stack per session (see `ChangeLog`): the newest entry not undone is the next undo,
the oldest undone entry the next redo; a new action drops the undone entries (their redo is
gone, as in any editor). At most `LOG_LIMIT` entries are kept, pruned in the transaction that
logs a new one. Undoing an entry and marking it undone happen in one transaction
(`restore_rows(..., logged=…)`); an action and its log entry are two (a crash between them
keeps the action and only loses its undo).
"""

from __future__ import annotations

import base64
import json
import sqlite3
import zlib
from collections.abc import Iterable
from typing import Any

from hnreader.core.models import Change, RowState
from hnreader.core.store.base import StoreBase, _now

LOG_LIMIT = 1000
# What a session (`:session`, begun when the newest log id was `:floor`) may undo: its own
# entries and those made before it began; and redo: what it undid itself, and what a session
# that has ended undid before it began.
_UNDOABLE = "(session = :session OR id <= :floor)"
_REDOABLE = "(undone_by = :session OR (undone_by = '' AND id <= :floor))"


def encode_state(before: RowState, after: RowState) -> bytes:
    """Both row states as compressed JSON (keys as lists, bytes as {"$b": base64})."""

    def rows(state: RowState) -> dict[str, list[list[Any]]]:
        return {
            table: [[list(key), _plain(row)] for key, row in table_rows.items()]
            for table, table_rows in state.items()
        }

    text = json.dumps({"before": rows(before), "after": rows(after)}, ensure_ascii=False)
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def decode_state(data: bytes) -> tuple[RowState, RowState]:
    loaded = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))

    def rows(state: dict[str, list[list[Any]]]) -> RowState:
        return {
            table: {tuple(key): _typed(row) for key, row in table_rows}
            for table, table_rows in state.items()
        }

    return rows(loaded["before"]), rows(loaded["after"])


def _plain(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        name: {"$b": base64.b64encode(value).decode("ascii")}
        if isinstance(value, (bytes, memoryview))
        else value
        for name, value in row.items()
    }


def _typed(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        name: base64.b64decode(value["$b"]) if isinstance(value, dict) else value
        for name, value in row.items()
    }


class ChangeLog(StoreBase):
    """The persistent undo/redo stack (see the module's description).

    A session (one window, one command) sees its own entries and those made before it
    began (`session`, and `floor`: the newest log id when it began), never those another
    window made meanwhile: undo takes back the user's own work in this window, and what an
    earlier session left, but never another open window's later work behind its back. What
    a session undid is its own to redo until it ends (`release_undone`).
    """

    def _has_change_log(self) -> bool:
        return (
            self._value("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'")
            is not None
        )

    def change_log_floor(self) -> int:
        """The newest log id now: what a session beginning now may undo (0 for none)."""
        if not self._has_change_log():
            return 0
        return int(self._value("SELECT coalesce(max(id), 0) FROM change_log") or 0)

    def log_change(
        self, change: Change, *, session: str, floor: int, coder: str = ""
    ) -> int | None:
        """Log a change made just now (what this session could redo dropped: its redo is
        gone; the oldest beyond `LOG_LIMIT` pruned), in one transaction; None where the file
        has no log (an old file opened read-only)."""
        if not self._has_change_log():
            return None
        with self.write():
            self._conn.execute(
                f"DELETE FROM change_log WHERE undone = 1 AND {_REDOABLE}",
                {"session": session, "floor": floor},
            )
            cursor = self._conn.execute(
                "INSERT INTO change_log(kind, args, state, result_id, coder, session, made) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    change.kind,
                    json.dumps(list(change.args), ensure_ascii=False),
                    encode_state(change.before, change.after),
                    change.result_id,
                    coder,
                    session,
                    _now(),
                ),
            )
            self._conn.execute(
                "DELETE FROM change_log WHERE id <= (SELECT max(id) FROM change_log) - ?",
                (LOG_LIMIT,),
            )
            return cursor.lastrowid

    def logged_change(
        self, *, undone: bool, session: str, floor: int, with_state: bool = True
    ) -> tuple[int, Change] | None:
        """The session's next undo (`undone=False`: its newest entry not undone) or next redo
        (its oldest undone entry), with the log id; None when there is none. Without
        `with_state` the change's rows are left empty (its kind and arguments name it)."""
        if not self._has_change_log():
            return None
        order = "ASC" if undone else "DESC"
        columns = "id, kind, args, result_id" + (", state" if with_state else "")
        reach = _REDOABLE if undone else _UNDOABLE
        row = self._conn.execute(
            f"SELECT {columns} FROM change_log WHERE undone = :undone AND {reach} "
            f"ORDER BY id {order} LIMIT 1",
            {"undone": int(undone), "session": session, "floor": floor},
        ).fetchone()
        if row is None:
            return None
        before, after = decode_state(row["state"]) if with_state else ({}, {})
        change = Change(
            row["kind"], tuple(json.loads(row["args"])), before, after, row["result_id"]
        )
        return row["id"], change

    def release_undone(self, session: str) -> None:
        """A session ends: what it undid may be redone by a later one (or dropped by its
        next action). A session that never ends (a crash) keeps its redo to itself."""
        if self._has_change_log() and not self.read_only:
            with self.write():
                self._conn.execute(
                    "UPDATE change_log SET undone_by = '' WHERE undone_by = ?", (session,)
                )

    def drop_logged(self, log_id: int) -> None:
        """Forget an entry that can no longer be undone or redone (its rows changed since)."""
        with self.write():
            self._conn.execute("DELETE FROM change_log WHERE id = ?", (log_id,))

    def change_log_size(self) -> int:
        """How many entries the log holds (undone ones included)."""
        try:
            return int(self._value("SELECT count(*) FROM change_log") or 0)
        except sqlite3.OperationalError:
            return 0


class ReadMarks(StoreBase):
    """Which articles the user has opened (bold-unread in the library). Not an action to
    undo, as in a mail reader; kept in the file so it travels with the project."""

    def read_article_ids(self) -> set[int]:
        try:
            return {r[0] for r in self._rows("SELECT article_id FROM read_articles")}
        except sqlite3.OperationalError:  # an old file opened read-only
            return set()

    def mark_read(self, article_ids: Iterable[int], read: bool = True) -> None:
        ids = list(article_ids)
        if self.read_only or not ids:
            return
        with self.write():
            if read:
                self._conn.executemany(
                    "INSERT OR IGNORE INTO read_articles(article_id, read) "
                    "SELECT id, ? FROM articles WHERE id = ?",
                    [(_now(), i) for i in ids],
                )
            else:
                self._conn.executemany(
                    "DELETE FROM read_articles WHERE article_id = ?", [(i,) for i in ids]
                )
