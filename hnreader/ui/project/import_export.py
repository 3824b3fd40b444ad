"""File ▸ Import Files/Folder and Export to CSV: the work runs in the background on the
project's own thread session; what was added, skipped or written is reported."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hnreader.core.models import ImportProblem, ImportReport
from hnreader.core.project import IMPORTABLE_SUFFIXES, ImportOptions
from hnreader.ui.common.plain_text import rich_text
from hnreader.ui.project.export_dialog import ExportDialog
from hnreader.ui.project.import_wording import problem_text

if TYPE_CHECKING:
    from hnreader.ui.main_window import MainWindow


def import_filter() -> str:
    """The file dialog's filter: every kind an import reads, then each kind on its own."""

    def patterns(*suffixes: str) -> str:
        return " ".join(f"*{suffix}" for suffix in suffixes)

    translate = QCoreApplication.translate
    kinds = [
        (translate("ImportExport", "News files"), patterns(*IMPORTABLE_SUFFIXES)),
        (translate("ImportExport", "Text files"), patterns(".txt")),
        (
            translate("ImportExport", "Web pages"),
            patterns(".html", ".htm", ".xhtml", ".mhtml", ".mht"),
        ),
        (translate("ImportExport", "Word documents"), patterns(".docx")),
        (translate("ImportExport", "Tables"), patterns(".csv", ".tsv", ".xlsx")),
        (translate("ImportExport", "Record files"), patterns(".jsonl", ".ndjson", ".json", ".xml")),
        (translate("ImportExport", "All files"), "*"),
    ]
    return ";;".join(f"{label} ({globs})" for label, globs in kinds)


class ImportExport(QObject):
    """Importing into and exporting from the window's project."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import files"),
            str(Path.home()),
            import_filter(),
        )
        if files:
            self.import_with_options([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Import a folder of news files"), str(Path.home())
        )
        if folder:
            self.import_with_options([Path(folder)])

    def import_with_options(self, sources: list[Path]) -> None:
        """The import dialog (options, preview), then the import with its options."""
        from hnreader.ui.importing.import_dialog import ImportDialog

        dialog = ImportDialog(self.window.project, sources, self.window)
        accepted = dialog.exec() and dialog.options() is not None
        options = dialog.options()
        dialog.deleteLater()
        if accepted:
            self.run_import(sources, options=options)

    def run_import(
        self,
        sources: list[Path] | None,
        on_changed: str = "skip",
        options: ImportOptions | None = None,
    ) -> None:
        """Import in the background; None imports the bundled corpus (first start)."""

        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            # A connection of its own: SQLite connections must not cross threads.
            worker_project = self.window.project.open_for_thread()
            try:
                if sources is None:
                    return worker_project.import_bundled_corpus_once(progress, is_cancelled)
                return worker_project.import_paths(
                    sources, progress, is_cancelled, on_changed=on_changed, options=options
                )
            finally:
                worker_project.close()

        ok, result = self.window.tasks.run_blocking(self.tr("Importing…"), work)
        self.window.controller.articles_changed.emit()
        self.window.controller.annotations_changed.emit(-1)
        if not ok:
            QMessageBox.warning(self.window, self.tr("Import failed"), rich_text(str(result)))
        elif isinstance(result, ImportReport) and sources is not None:
            self._report_import(result)
            if result.changed and self._import_changed_as_copies(len(result.changed)):
                self.run_import(
                    [Path(p) for p in result.changed], on_changed="keep_both", options=options
                )

    def _import_changed_as_copies(self, count: int) -> bool:
        """Files changed since they were imported are never added silently: ask."""
        answer = QMessageBox.question(
            self.window,
            self.tr("Changed files"),
            self.tr(
                "%1 file(s) changed since they were imported. Import the new versions as "
                "second copies? The annotations stay on the versions already imported."
            ).replace("%1", str(count)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _report_import(self, report: ImportReport) -> None:
        lines = [
            self.tr("Added %1 article(s) from %2 file(s).")
            .replace("%1", str(report.added_articles))
            .replace("%2", str(len(report.added_files)))
        ]
        if report.cancelled:
            lines.append(self.tr("The import was cancelled; files not yet imported were left out."))
        if report.notes:
            lines.append(self.tr("Imported in part:"))
            lines.extend(f"• {problem_text(note)}" for note in report.notes[:20])
        problems = report.problems or tuple(
            ImportProblem(path, "", {"file": Path(path).name}, reason)
            for path, reason in report.skipped
        )
        if problems:
            lines.append(self.tr("Skipped:"))
            lines.extend(f"• {problem_text(problem)}" for problem in problems[:20])
            if len(problems) > 20:
                lines.append(self.tr("… and %1 more").replace("%1", str(len(problems) - 20)))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Import finished"),
            "\n".join(lines),
            parent=self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        if report.article_ids:
            self.window.show_article(report.article_ids[0])

    def reindex(self) -> None:

        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            worker_project = self.window.project.open_for_thread()
            try:
                return worker_project.reindex(None, progress, is_cancelled)
            finally:
                worker_project.close()

        self.window.tasks.run_blocking(self.tr("Updating the search index…"), work)

    def export(self) -> None:
        dialog = ExportDialog(self.window.project, self.window.reader.article_id, self.window)
        if not dialog.exec():
            return
        out, figures_out, selection = (
            dialog.output_path(),
            dialog.figures_path(),
            dialog.selection(),
        )

        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            worker_project = self.window.project.open_for_thread()
            try:
                rows = worker_project.export_annotations(out, selection, progress, is_cancelled)
                if figures_out is not None:
                    worker_project.export_figures(
                        figures_out, selection.article_ids, progress, is_cancelled
                    )
                return rows
            finally:
                worker_project.close()

        ok, result = self.window.tasks.run_blocking(self.tr("Exporting…"), work)
        if not ok:
            QMessageBox.warning(self.window, self.tr("Export failed"), rich_text(str(result)))
            return
        message = (
            self.tr("Wrote %1 row(s) to\n%2").replace("%1", str(result)).replace("%2", str(out))
        )
        if figures_out is not None:
            message += "\n" + self.tr("Figures: %1").replace("%1", str(figures_out))
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Export finished"), message, parent=self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
