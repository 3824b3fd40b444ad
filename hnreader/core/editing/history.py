"""Undo and redo over the project's change log, kept in the file (see `store.change_log`).

The history survives a restart and is shared with the command line: a window (or one
`hnreader undo`) can take back its own actions and those of earlier sessions, newest first;
another window's actions made meanwhile stay out of its reach. A step whose rows another
window or process changed since is refused (a CONFLICT error) and forgotten, so the steps
below it stay reachable.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from hnreader.core.models import ErrorCode, HnreaderError
from hnreader.core.store import Change, RowState, Store

# restore(target, expected, logged): put `target` back if the rows are still as `expected`,
# marking the log entry `logged` = (id, undone, session) in the same transaction.
Restore = Callable[[RowState, RowState, tuple[int, bool, str]], None]


class History:
    """A linear undo/redo stack of `Change`s kept in the project file; undo restores a
    change's `before`, redo its `after`."""

    def __init__(
        self, restore: Restore, store: Store, *, joining: tuple[str, int] | None = None
    ) -> None:
        """`joining`: another history's `identity`, for a worker thread's connection that
        records on that session's behalf (its steps are then that window's to undo)."""
        self._restore = restore
        self._store = store
        if joining is not None:
            self.session, self._floor = joining
        else:
            self.session = uuid.uuid4().hex
            self._floor = store.change_log_floor()  # what earlier sessions left

    @property
    def identity(self) -> tuple[str, int]:
        """The session and its floor: what a `joining` history needs."""
        return self.session, self._floor

    def record(self, change: Change, coder: str = "") -> Change:
        self._store.log_change(change, session=self.session, floor=self._floor, coder=coder)
        return change

    def _next(self, *, undone: bool, with_state: bool) -> tuple[int, Change] | None:
        return self._store.logged_change(
            undone=undone, session=self.session, floor=self._floor, with_state=with_state
        )

    @property
    def can_undo(self) -> bool:
        return self._next(undone=False, with_state=False) is not None

    @property
    def can_redo(self) -> bool:
        return self._next(undone=True, with_state=False) is not None

    @property
    def next_undo(self) -> Change | None:
        """The change an undo would take back (its kind and arguments name it; its rows are
        not read)."""
        entry = self._next(undone=False, with_state=False)
        return entry[1] if entry else None

    @property
    def next_redo(self) -> Change | None:
        entry = self._next(undone=True, with_state=False)
        return entry[1] if entry else None

    @property
    def undo_label(self) -> str:
        change = self.next_undo
        return change.label if change else ""

    @property
    def redo_label(self) -> str:
        change = self.next_redo
        return change.label if change else ""

    def close(self) -> None:
        """The session ends: what it undid becomes redoable by later sessions."""
        self._store.release_undone(self.session)

    def next_step(self, *, undo: bool) -> Change | None:
        """The change the next undo (or redo) would apply, with its rows."""
        entry = self._next(undone=not undo, with_state=True)
        return entry[1] if entry else None

    def undo(self) -> Change | None:
        return self._step(undo=True)

    def redo(self) -> Change | None:
        return self._step(undo=False)

    def _step(self, *, undo: bool) -> Change | None:
        entry = self._next(undone=not undo, with_state=True)
        if entry is None:
            return None
        log_id, change = entry
        target, expected = (change.before, change.after) if undo else (change.after, change.before)
        try:
            self._restore(target, expected, (log_id, undo, self.session))
        except HnreaderError as error:
            if error.code == ErrorCode.CONFLICT:
                self._store.drop_logged(log_id)
            raise
        return change
