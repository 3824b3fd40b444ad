"""Long work off the GUI thread: a QRunnable around a core function with progress/cancel."""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

if TYPE_CHECKING:
    from hnreader.core.project import Project

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05  # throttle: at most ~20 progress signals a second


class WorkerSignals(QObject):
    progressed = Signal(int, int, str, str)  # done, total, stage (models.Stage), item
    finished = Signal(object)  # the function's result
    failed = Signal(str, str)  # message for the user, details for the log
    ended = Signal(object)  # the worker, after its last signal: it may be released


KEEP_AFTER_END_MS = 1000  # the pool's thread has long left run() by then


class _Keeper(QObject):
    """Keeps every started worker alive until well after it ran: the Python object owns the
    runnable (auto-delete is off), so it must not be freed while a pool thread runs it,
    whoever drops their reference (a search replaced by the next keystroke)."""

    def __init__(self) -> None:
        super().__init__()
        self.running: set[Worker] = set()

    def keep(self, worker: Worker) -> None:
        self.running.add(worker)
        worker.signals.ended.connect(self.release)

    def release(self, worker: object) -> None:
        QTimer.singleShot(KEEP_AFTER_END_MS, self, lambda: self.running.discard(worker))


_keeper: _Keeper | None = None


def _the_keeper() -> _Keeper:
    global _keeper
    if _keeper is None:  # made on the GUI thread, where workers are started
        _keeper = _Keeper()
    return _keeper


class Worker(QRunnable):
    """Runs `function(progress=..., is_cancelled=...)` in the thread pool; only emits signals.

    The function must open its own database connection if it touches the project: SQLite
    connections are not shared across threads.
    """

    def __init__(self, function: Callable[..., Any]) -> None:
        super().__init__()
        self.signals = WorkerSignals()
        self._function = function
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self.setAutoDelete(False)  # freed with this object, never by the pool

    @classmethod
    def for_project(cls, project: Project, job: Callable[..., Any]) -> Worker:
        """A worker that opens `project` on a connection of its own in the pool's thread,
        runs `job(own_project, progress=..., is_cancelled=...)` and closes it again: the one
        way background work reaches a project."""
        return cls(partial(_run_on_own_connection, project, job))

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, stage: str = "", item: str = "") -> None:
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_INTERVAL_S or done >= total:
            self._last_emit = now
            self._emit(self.signals.progressed, done, total, stage, item)

    def run(self) -> None:
        try:
            result = self._function(progress=self._progress, is_cancelled=self.is_cancelled)
        except Exception as error:  # reported to the user as a dialog, details to the log
            details = traceback.format_exc()
            log.error("background task failed: %s", details)
            self._emit(self.signals.failed, str(error), details)
        else:
            self._emit(self.signals.finished, result)
        finally:
            self._emit(self.signals.ended, self)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window that wanted the result was closed meanwhile
            log.debug("a background task finished after its window closed")

    def start(self, pool: QThreadPool | None = None) -> None:
        _the_keeper().keep(self)
        (pool or QThreadPool.globalInstance()).start(self)


def _run_on_own_connection(
    project: Project, job: Callable[..., Any], progress: Any, is_cancelled: Any
) -> Any:
    with project.open_for_thread() as own:
        return job(own, progress=progress, is_cancelled=is_cancelled)
