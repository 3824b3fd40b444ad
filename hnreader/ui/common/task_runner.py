"""Running long core work in the background behind a progress dialog with Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from hnreader.ui.common.progress_text import stage_text
from hnreader.ui.common.worker import Worker


class TaskRunner(QObject):
    """Runs one `function(progress=, is_cancelled=)` at a time with a modal progress dialog."""

    succeeded = Signal(object)
    failed = Signal(str, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._worker: Worker | None = None
        self._dialog: QProgressDialog | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def start(self, title: str, function: Callable[..., Any]) -> Worker:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 100, self._parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        worker = Worker(function)
        worker.setAutoDelete(False)  # we keep it until its signals have been handled
        dialog.canceled.connect(worker.cancel)
        worker.signals.progressed.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        self._worker, self._dialog = worker, dialog
        worker.start(self.pool)
        return worker

    def run_blocking(self, title: str, function: Callable[..., Any]) -> tuple[bool, Any]:
        """Start a task and wait for it in a local event loop (the GUI stays responsive)."""
        loop = QEventLoop()
        outcome: list[tuple[bool, Any]] = []

        def succeeded(result: object) -> None:
            outcome.append((True, result))
            loop.quit()

        def failed(message: str, _details: str) -> None:
            outcome.append((False, message))
            loop.quit()

        # Our own signals are emitted on the GUI thread after the worker's (queued) ones, so
        # connecting before the loop runs cannot miss them.
        self.succeeded.connect(succeeded)
        self.failed.connect(failed)
        try:
            self.start(title, function)
            loop.exec()
        finally:
            self.succeeded.disconnect(succeeded)
            self.failed.disconnect(failed)
        return outcome[0] if outcome else (False, "")

    def _on_progress(self, done: int, total: int, stage: str, item: str) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        dialog.setMaximum(max(1, total))
        # A modal progress dialog runs the event loop in setValue: the task may finish
        # there and close the dialog (self._dialog becomes None) before the next line.
        dialog.setValue(min(done, max(1, total)))
        text = stage_text(stage, item)
        if text and self._dialog is dialog:
            dialog.setLabelText(text)

    def _close(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
        self._dialog = None
        self._worker = None

    def _on_finished(self, result: object) -> None:
        self._close()
        self.succeeded.emit(result)

    def _on_failed(self, message: str, details: str) -> None:
        self._close()
        self.failed.emit(message, details)
