"""Undo and redo over the store's recorded changes."""

from __future__ import annotations

from collections.abc import Callable

from hnreader.core.models import ErrorCode, HnreaderError
from hnreader.core.store import Change, RowState

# restore(target, expected): put `target` back if the rows are still as `expected`.
Restore = Callable[[RowState, RowState], None]


class History:
    """A linear undo/redo stack of `Change`s; undo restores `before`, redo `after`.

    A step whose rows another window or process changed since is refused (a CONFLICT
    error) and dropped from the stack, so the steps below it stay reachable.
    """

    def __init__(self, restore: Restore, limit: int = 500) -> None:
        self._restore = restore
        self._limit = limit
        self._done: list[Change] = []
        self._undone: list[Change] = []

    def record(self, change: Change) -> Change:
        self._done.append(change)
        del self._done[: -self._limit]
        self._undone.clear()
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def next_undo(self) -> Change | None:
        """The change an undo would take back (its kind and arguments name it)."""
        return self._done[-1] if self._done else None

    @property
    def next_redo(self) -> Change | None:
        return self._undone[-1] if self._undone else None

    @property
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def undo(self) -> Change | None:
        return self._step(self._done, self._undone, undo=True)

    def redo(self) -> Change | None:
        return self._step(self._undone, self._done, undo=False)

    def _step(self, source: list[Change], target: list[Change], *, undo: bool) -> Change | None:
        if not source:
            return None
        change = source[-1]
        try:
            if undo:
                self._restore(change.before, change.after)
            else:
                self._restore(change.after, change.before)
        except HnreaderError as error:
            if error.code == ErrorCode.CONFLICT:
                source.pop()
            raise
        target.append(source.pop())
        return change

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
