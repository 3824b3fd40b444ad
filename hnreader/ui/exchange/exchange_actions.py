"""File ▸ Export ▸ REFI-QDA Project/Codebook and File ▸ Import REFI-QDA…: reading, analysing
and writing run in the background (the import recorded as one undo step of this window),
then the import's report is shown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hnreader.core.models import HnreaderError
from hnreader.ui.common.error_messages import user_message
from hnreader.ui.common.plain_text import rich_text
from hnreader.ui.exchange.report_dialog import ExchangeReportDialog

if TYPE_CHECKING:
    from hnreader.ui.main_window import MainWindow


class ExchangeActions(QObject):
    """REFI-QDA export and import for a window's project."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_report: ExchangeReportDialog | None = None

    def _suggested(self, suffix: str) -> str:
        return str(Path.home() / (Path(self.window.project.path).stem + suffix))

    def export_project(self) -> None:
        out, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export a REFI-QDA project"),
            self._suggested(".qdpx"),
            self.tr("REFI-QDA project (*.qdpx)"),
        )
        if out:
            self.run_export_project(Path(out).with_suffix(".qdpx"))

    def run_export_project(self, out: Path) -> None:
        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            worker_project = self.window.project.open_for_thread()
            try:
                return worker_project.export_qdpx(out, progress, is_cancelled)
            finally:
                worker_project.close()

        ok, result = self.window.tasks.run_blocking(self.tr("Exporting…"), work)
        if not ok:
            QMessageBox.warning(self.window, self.tr("Export failed"), rich_text(str(result)))
            return
        if result is None:
            return  # cancelled: nothing was written
        self._tell(
            self.tr("Export finished"),
            self.tr(
                "Wrote %1\n%2 article(s), %3 tag(s), %4 annotation(s), %5 memo(s), %6 coder(s)."
            )
            .replace("%1", str(out))
            .replace("%2", str(result.articles))
            .replace("%3", str(result.tags))
            .replace("%4", str(result.annotations))
            .replace("%5", str(result.memos))
            .replace("%6", str(result.users)),
        )

    def export_codebook(self) -> None:
        out, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export the codebook"),
            self._suggested(".qdc"),
            self.tr("REFI-QDA codebook (*.qdc)"),
        )
        if out:
            self.run_export_codebook(Path(out).with_suffix(".qdc"))

    def run_export_codebook(self, out: Path) -> None:
        try:
            summary = self.window.project.export_qdc(out)
        except HnreaderError as error:
            QMessageBox.warning(
                self.window, self.tr("Export failed"), rich_text(user_message(error))
            )
            return
        self._tell(
            self.tr("Export finished"),
            self.tr("Wrote %1\n%2 tag(s).")
            .replace("%1", str(out))
            .replace("%2", str(summary.tags)),
        )

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import a REFI-QDA project or codebook"),
            str(Path.home()),
            self.tr("REFI-QDA files (*.qdpx *.qdc);;REFI-QDA project (*.qdpx);;"
                    "REFI-QDA codebook (*.qdc)"),
        )  # fmt: skip
        if path:
            self.run_import(Path(path))

    def run_import(self, path: Path) -> ExchangeReportDialog | None:
        """Read, analyse and write in the background, the step recorded as this window's
        (so its Undo takes it back), then show the report (kept in `last_report`)."""
        session = self.window.project.history.identity

        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            worker_project = self.window.project.open_for_thread()
            try:
                prepared = worker_project.prepare_exchange_import(path, progress, is_cancelled)
                if prepared is None or is_cancelled():
                    return None  # cancelled: nothing was written
                change = worker_project.apply_exchange_import(prepared, for_session=session)
                return prepared, change
            finally:
                worker_project.close()

        ok, result = self.window.tasks.run_blocking(self.tr("Importing…"), work)
        if not ok:
            QMessageBox.warning(self.window, self.tr("Import failed"), rich_text(str(result)))
            return None
        if result is None:
            return None
        prepared, change = result
        if change is not None:
            self.window.controller.run(lambda: change)  # tell every panel what changed
        dialog = ExchangeReportDialog(prepared.report, self.window)
        self.last_report = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        if change is not None and change.result_id is not None:
            self.window.show_article(change.result_id)
        return dialog

    def _tell(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
