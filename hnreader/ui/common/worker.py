"""Long work off the GUI thread: a QRunnable around a core function with progress/cancel."""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from hnreader.core.project import Project

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05  # throttle: at most ~20 progress signals a second


class WorkerSignals(QObject):
    progressed = Signal(int, int, str, str)  # done, total, stage (models.Stage), item
    finished = Signal(object)  # the function's result
    failed = Signal(str, str)  # message for the user, details for the log


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

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window that wanted the result was closed meanwhile
            log.debug("a background task finished after its window closed")

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)


def _run_on_own_connection(
    project: Project, job: Callable[..., Any], progress: Any, is_cancelled: Any
) -> Any:
    with project.open_for_thread() as own:
        return job(own, progress=progress, is_cancelled=is_cancelled)
