"""Undo and redo over the store's recorded changes."""

from __future__ import annotations

from collections.abc import Callable

from hnreader.core.store import Change, RowState


class History:
    """A linear undo/redo stack of `Change`s; undo applies `before`, redo applies `after`."""

    def __init__(self, apply: Callable[[RowState], None], limit: int = 500) -> None:
        self._apply = apply
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
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def undo(self) -> Change | None:
        if not self._done:
            return None
        change = self._done[-1]
        self._apply(change.before)
        self._undone.append(self._done.pop())
        return change

    def redo(self) -> Change | None:
        if not self._undone:
            return None
        change = self._undone[-1]
        self._apply(change.after)
        self._done.append(self._undone.pop())
        return change

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
