"""File ▸ Back Up Now / Restore from Backup…, Tools ▸ Check Project… / Salvage into New File…,
and the checks and the daily backup that run in the background after start-up."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hnreader.core import safekeeping
from hnreader.core.models import HnreaderError
from hnreader.ui.common.error_messages import user_message
from hnreader.ui.common.plain_text import rich_text, visible_controls
from hnreader.ui.common.worker import Worker
from hnreader.ui.project.project_safety import RestoreDialog

if TYPE_CHECKING:
    from hnreader.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class SafetyActions(QObject):
    """The window's backup, restore, check and salvage actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._background: list[Worker] = []
        self.backup_action = QAction(self.tr("&Back Up Now"), window)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from Backup…"), window)
        self.restore_action.triggered.connect(self.restore)
        self.check_action = QAction(self.tr("&Check Project…"), window)
        self.check_action.triggered.connect(self.check)
        self.salvage_action = QAction(self.tr("&Salvage into New File…"), window)
        self.salvage_action.triggered.connect(self.salvage)

    @property
    def path(self) -> Path:
        return self.window.project.path

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, "", parent=self.window)
        box.setText(rich_text(text))
        box.exec()

    # -- backups

    def back_up_now(self) -> None:
        path, keep = self.path, self.window.settings.backups_to_keep

        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            return safekeeping.make_backup(
                path,
                reason="manual",
                keep=keep,
                progress=progress,
                is_cancelled=is_cancelled,
            )

        ok, result = self.window.tasks.run_blocking(self.tr("Backing up…"), work)
        if not ok:
            self._message(QMessageBox.Icon.Warning, self.tr("Backup failed"), str(result))
            return
        self.window.statusBar().showMessage(
            self.tr("Backed up to %1").replace("%1", visible_controls(str(result.path))), 8000
        )

    def restore(self) -> None:
        window = self.window
        dialog = RestoreDialog(window.project, window)
        if not dialog.exec() or dialog.chosen() is None:
            return
        backup = dialog.chosen()
        assert backup is not None
        if window.tasks.busy:
            self._message(
                QMessageBox.Icon.Information,
                self.tr("Restore from Backup"),
                self.tr("Please wait for the running task to finish or cancel it."),
            )
            return
        answer = QMessageBox.question(
            window,
            self.tr("Restore from Backup"),
            rich_text(
                self.tr(
                    "Put the backup of %1 in place of the project? What was changed since "
                    "then is kept only in the copy of the current file that is saved first."
                ).replace("%1", backup.stem[:15])
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        path = self.path
        window.external_changes.stop()
        window.project.close()  # the restore needs every connection closed
        try:
            kept = safekeeping.restore_backup(backup, path)
        except HnreaderError as error:
            self._message(QMessageBox.Icon.Warning, self.tr("Restore failed"), user_message(error))
            self._reopen(path)
            return
        kept_message = ""
        if kept is not None:
            kept_message = self.tr("Restored. The replaced file was kept as %1").replace(
                "%1", visible_controls(str(kept))
            )
        self._reopen(path, kept_message)

    def _reopen(self, path: Path, status_message: str = "") -> None:
        """Open the (restored) project in a new window in place of this one."""
        self.window.open_project(path, status_message)

    # -- checks and salvage

    def check(self) -> None:
        path = self.path

        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            return safekeeping.check(path, full=True)

        ok, result = self.window.tasks.run_blocking(self.tr("Checking the project…"), work)
        if not ok:
            self._message(QMessageBox.Icon.Warning, self.tr("Check failed"), str(result))
            return
        if not result.ok:
            self._found_damage(result)
        icon = QMessageBox.Icon.Information if result.ok else QMessageBox.Icon.Critical
        self._message(icon, self.tr("Check Project"), self._check_summary(result))

    def _found_damage(self, report: safekeeping.CheckReport) -> None:
        problem = report.problems[0] if report.problems else report.code
        self.window.project.mark_damaged(problem)
        self.window.apply_read_only()

    def salvage(self) -> None:
        window = self.window
        suggested = self.path.with_name(self.path.stem + "-rescued.sqlite")
        target, _ = QFileDialog.getSaveFileName(
            window,
            self.tr("Salvage into a new project file"),
            str(suggested),
            self.tr("hnreader projects (*.sqlite)"),
        )
        if not target:
            return
        source = self.path

        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            return safekeeping.salvage(Path(source), Path(target), progress, is_cancelled)

        ok, result = window.tasks.run_blocking(self.tr("Rescuing what can be read…"), work)
        if not ok:
            self._message(QMessageBox.Icon.Warning, self.tr("Salvage failed"), str(result))
            return
        if result.cancelled:
            return
        self._message(
            QMessageBox.Icon.Information,
            self.tr("Salvage finished"),
            self._salvage_summary(result),
        )
        window.open_project(Path(target))

    # -- after start-up, in the background

    def start_background_checks(self) -> None:
        """The damage check of a file too large to check on open, and the daily backup."""
        project, keep = self.window.project, self.window.settings.backups_to_keep
        path = project.path
        if not project.verified and not project.read_only:
            checker = Worker(lambda progress, is_cancelled: safekeeping.check(path))
            checker.signals.finished.connect(self._on_checked)
            self._start(checker)
        elif not project.read_only:
            self._start_daily_backup(path, keep)

    def _on_checked(self, report: safekeeping.CheckReport) -> None:
        if not report.ok:
            self._found_damage(report)
            return
        self._start_daily_backup(self.path, self.window.settings.backups_to_keep)

    def _start_daily_backup(self, path: Path, keep: int) -> None:
        backup = Worker(lambda progress, is_cancelled: safekeeping.backup_if_due(path, keep=keep))
        backup.signals.failed.connect(self._on_backup_failed)
        self._start(backup)

    def _on_backup_failed(self, message: str, _details: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("The daily backup could not be made: %1").replace(
                "%1", visible_controls(message)
            ),
            15000,
        )

    def _start(self, worker: Worker) -> None:
        self._background.append(worker)
        worker.setAutoDelete(False)  # kept until the window goes: its signals stay valid
        worker.start()

    def _check_summary(self, report: safekeeping.CheckReport) -> str:
        if report.ok:
            return self.tr(
                "No damage was found in the project file, its links or its search index."
            )
        problems = "\n".join(f"• {visible_controls(p)}" for p in report.problems[:10])
        return self.tr("The project file is damaged:\n%1").replace("%1", problems)

    def _salvage_summary(self, report: safekeeping.SalvageReport) -> str:
        lines = [
            self.tr("What could be read was copied into %1:").replace("%1", str(report.target))
        ]
        for table in report.tables:
            line = f"• {table.table}: {table.copied:,}"
            if table.lost:
                line += " " + self.tr("(%1 lost)").replace("%1", f"{table.lost:,}")
            lines.append(line)
        if report.lost_annotations:
            lines.append(
                self.tr("%1 annotation(s) could not be rescued.").replace(
                    "%1", str(report.lost_annotations)
                )
            )
        lines.append(self.tr("The new project opens now; its search index is rebuilt."))
        return "\n".join(lines)
