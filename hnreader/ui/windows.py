"""The open main windows: opening a project in a new window (with the questions a damaged or
empty file needs first), keeping each window alive while it is open and forgetting it when
it closes. Windows ask for another project with their `open_requested` signal; they never
open windows themselves."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThreadPool
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
)

from hnreader import paths
from hnreader.core import safekeeping
from hnreader.core.models import ErrorCode, HnreaderError, StoreError
from hnreader.core.project import Project, Segmenter, describe_failure
from hnreader.ui.common.error_messages import user_message
from hnreader.ui.common.plain_text import rich_text
from hnreader.ui.common.settings import Settings
from hnreader.ui.common.worker import Worker
from hnreader.ui.main_window import MainWindow
from hnreader.ui.project.project_safety import RecoveryChoice, ask_recovery


class WindowManager(QObject):
    """Owns the app's main windows. Each window's project gets a segmenter of its own
    (`fresh()` of the shared dictionaries), so no project's words reach another."""

    def __init__(self, settings: Settings, dictionaries: Segmenter) -> None:
        super().__init__()
        self.settings = settings
        self.dictionaries = dictionaries
        self.windows: list[MainWindow] = []

    def open(self, project_path: str | None) -> MainWindow:
        """Open a project (default: the user's default project) in a new, shown window.
        Raises HnreaderError when it cannot be opened (nothing was changed then)."""
        path = Path(project_path) if project_path else paths.default_project_path()
        project = self._open_project(path)
        if project.read_only_reason == "damaged":
            project = self._recover(project)
        try:
            window = MainWindow(project, self.settings, is_default=project_path is None)
        except sqlite3.DatabaseError as error:  # too damaged to list its articles
            project.close()
            raise describe_failure(error, project.path) from None
        self.adopt(window)
        window.show()
        window.start_up()
        return window

    def adopt(self, window: MainWindow) -> None:
        """Keep `window` alive while it is open and open the projects it asks for."""
        self.windows.append(window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open_requested.connect(self._open_requested)
        window.destroyed.connect(lambda *_: self._forget(window))

    def _open_requested(self, path: str, status_message: str) -> None:
        """A window asked to open `path` in its place: on success it closes, else it stays
        and says why."""
        old = self.sender()
        parent = old if isinstance(old, MainWindow) else None
        try:
            window = self.open(path)
        except HnreaderError as error:
            QMessageBox.warning(
                parent,
                QApplication.translate("windows", "Cannot open project"),
                rich_text(user_message(error)),
            )
            return
        if status_message:
            window.statusBar().showMessage(status_message, 15000)
        if parent is not None:
            parent.close()

    def _forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _open_project(self, path: Path) -> Project:
        segmenter, coder = self.dictionaries.fresh(), self.settings.coder
        pending = Project.pending_upgrade(path)
        if pending is not None:
            _upgrade_with_progress(path, *pending)
        try:
            return Project.open(path, segmenter=segmenter, coder=coder)
        except HnreaderError as error:
            if error.code != ErrorCode.EMPTY_FILE or not _create_in_empty_file(path):
                raise
        return Project.open(path, segmenter=segmenter, coder=coder, initialize_empty=True)

    def _recover(self, project: Project) -> Project:
        """A project found damaged on open: restore its newest backup, salvage it into a new
        file, or open it read-only, as the user chooses."""
        choice = ask_recovery(project)
        path = project.path
        if choice == RecoveryChoice.OPEN:
            return project
        project.close()
        fresh, coder = self.dictionaries.fresh(), self.settings.coder
        if choice == RecoveryChoice.RESTORE:
            newest = next(b for b in safekeeping.list_backups(path) if b.verified)
            safekeeping.restore_backup(newest.path, path)
            return Project.open(path, segmenter=fresh, coder=coder)
        if choice == RecoveryChoice.SALVAGE:
            target = _salvage(path)
            if target is not None:
                return Project.open(target, segmenter=fresh, coder=coder)
        raise StoreError(
            f"{path.name} is damaged and was not opened; nothing was changed.",
            code=ErrorCode.DAMAGED,
            path=str(path),
        )


def _salvage(path: Path) -> Path | None:
    """Rescue what can be read of `path` into a file the user names; None if they do not."""
    target, _ = QFileDialog.getSaveFileName(
        None,
        QApplication.translate("recovery", "Salvage into a new project file"),
        str(path.with_name(path.stem + "-rescued.sqlite")),
        QApplication.translate("recovery", "hnreader projects (*.sqlite)"),
    )
    if not target:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = safekeeping.salvage(path, Path(target))
    finally:
        QApplication.restoreOverrideCursor()
    lost = report.lost_annotations or 0
    QMessageBox.information(
        None,
        "hnreader",
        rich_text(
            QApplication.translate(
                "recovery",
                "What could be read was copied into %1; %2 annotation(s) could not be "
                "rescued. The new project opens now.",
            )
            .replace("%1", target)
            .replace("%2", str(lost))
        ),
    )
    return Path(target)


def _upgrade_with_progress(path: Path, version: int, current: int) -> None:
    """Upgrade an older project file off the GUI thread behind a busy dialog (a large one
    takes a minute or more, once). Whatever fails is left for opening to report: it runs
    the same upgrade and says why, with nothing changed."""
    dialog = upgrade_dialog(path, version, current)
    loop = QEventLoop()
    worker = Worker(partial(Project.upgrade_file, path))
    worker.signals.ended.connect(loop.quit)  # queued: delivered inside exec()
    dialog.show()
    worker.start(QThreadPool.globalInstance())
    loop.exec()
    dialog.close()


def upgrade_dialog(path: Path, version: int, current: int) -> QProgressDialog:
    """The busy dialog shown while an older project file is upgraded."""
    text = (
        QApplication.translate(
            "windows",
            "Upgrading %1 from file format %2 to %3. This happens once; a large project "
            "takes a minute or more, and a backup is made first.",
        )
        .replace("%1", path.name)
        .replace("%2", str(version))
        .replace("%3", str(current))
    )
    dialog = QProgressDialog("", "", 0, 0)
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is data
    label.setWordWrap(True)
    dialog.setLabel(label)
    dialog.setWindowTitle(QApplication.translate("windows", "Upgrading the project file"))
    dialog.setCancelButton(None)  # type: ignore[arg-type]  # an upgrade is one transaction
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setFixedWidth(480)
    return dialog


def _create_in_empty_file(path: Path) -> bool:
    """A 0-byte file is never silently made a project: the user is asked first."""
    answer = QMessageBox.question(
        None,
        "hnreader",
        rich_text(
            QApplication.translate(
                "app",
                "%1 is empty (0 bytes): it holds no project. Create a new, empty project in "
                "this file?",
            ).replace("%1", str(path))
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
