"""File ▸ Import: the chosen files or folder with the import options and a live preview of
the first files as they would be imported, before anything is written (issue 13, item 5).

The preview is the core's dry run (`Project.preview_import`) in a background worker, started
PREVIEW_DELAY_MS after the last change of an option; a newer preview replaces an older one
(the older is cancelled and its result ignored).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import HnreaderError
from hnreader.core.project import ImportOptions, ImportPreview, Project
from hnreader.ui.common.error_messages import user_message
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.common.worker import Worker
from hnreader.ui.importing.import_options_form import ImportOptionsForm
from hnreader.ui.importing.preview_table_model import (
    PreviewTableModel,
    preview_rows,
    set_aside_text,
)
from hnreader.ui.library.library_panel import quiet_label

PREVIEW_DELAY_MS = 300


class ImportDialog(QDialog):
    """Options and preview; accepted: `options()` are what the import is to use."""

    preview_shown = Signal()  # a preview's rows are in the table (tests wait for it)

    def __init__(
        self, project: Project, sources: list[Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.project = project
        self.sources = list(sources)
        self._worker: Worker | None = None
        self._generation = 0
        self._options: ImportOptions | None = None

        names = ", ".join(str(p) for p in self.sources[:3])
        if len(self.sources) > 3:
            names += self.tr(" and %1 more").replace("%1", str(len(self.sources) - 3))
        self.sources_label = QLabel(visible_controls(self.tr("Importing: %1").replace("%1", names)))
        self.sources_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sources_label.setWordWrap(True)
        self.form = ImportOptionsForm(self)
        self.problem_label = QLabel()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #B3261E;")
        self.problem_label.hide()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        quiet_label(self.status_label)

        self.model = PreviewTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PreviewTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(PreviewTableModel.FILE, 160)
        header.resizeSection(PreviewTableModel.DATE, 96)
        self.set_aside = QPlainTextEdit()
        self.set_aside.setReadOnly(True)
        self.set_aside.setFrameShape(QFrame.Shape.StyledPanel)
        self.set_aside.setPlaceholderText(
            self.tr("Select an article to see the lines it would set aside.")
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.set_aside)
        splitter.setSizes([320, 100])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.sources_label)
        layout.addWidget(self.form)
        layout.addWidget(self.problem_label)
        preview_title = QLabel(self.tr("Preview (nothing is imported yet):"))
        layout.addWidget(preview_title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.form.changed.connect(self._timer.start)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.refresh_preview()

    def options(self) -> ImportOptions | None:
        return self._options

    def refresh_preview(self) -> None:
        """Check the options, then preview the first files with them in the background."""
        self._timer.stop()
        try:
            options = self.form.options()
        except HnreaderError as error:
            self._options = None
            self.problem_label.setText(user_message(error))
            self.problem_label.show()
            self.import_button.setEnabled(False)
            return
        self._options = options
        self.problem_label.hide()
        self.import_button.setEnabled(True)
        if self._worker is not None:
            self._worker.cancel()
        self._generation += 1
        generation = self._generation
        sources, project = self.sources, self.project

        def work(progress, is_cancelled):  # type: ignore[no-untyped-def]
            return generation, project.preview_import(sources, options, is_cancelled=is_cancelled)

        worker = Worker(work)
        # Bound methods of this dialog: queued onto the GUI thread (a lambda would run in
        # the worker's thread).
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        self.status_label.setText(self.tr("Reading the first files…"))
        worker.start()

    def _finished(self, result: object) -> None:
        generation, preview = result  # type: ignore[misc]
        if generation != self._generation or not isinstance(preview, ImportPreview):
            return  # an older preview, overtaken by a newer one
        self._worker = None
        if preview.cancelled:
            return
        self.model.set_rows(preview_rows(preview))
        articles = sum(len(f.articles) for f in preview.files)
        skipped = sum(1 for f in preview.files if f.problem)
        text = (
            self.tr("%1 article(s) in the first %2 of %3 file(s)")
            .replace("%1", str(articles))
            .replace("%2", str(len(preview.files)))
            .replace("%3", str(preview.total_files))
        )
        if skipped:
            text += self.tr("; %1 file(s) would be skipped").replace("%1", str(skipped))
        self.status_label.setText(text)
        self.set_aside.clear()
        self.preview_shown.emit()

    def _failed(self, message: str, _details: str) -> None:
        sender = self.sender()
        if sender is not None and self._worker is not None and sender is not self._worker.signals:
            return  # an older preview's failure
        self._worker = None
        self.status_label.setText(self.tr("The preview failed: %1").replace("%1", message))

    def _row_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if not rows:
            return
        row = self.model.row(min(rows))
        if row.article is None:
            self.set_aside.setPlainText(visible_controls(row.problem))
        elif row.article.set_aside:
            self.set_aside.setPlainText(visible_controls(set_aside_text(row.article)))
        else:
            self.set_aside.setPlainText(self.tr("No lines would be set aside from this article."))

    def done(self, result: int) -> None:
        self._timer.stop()
        if self._worker is not None:
            self._worker.cancel()
        self._generation += 1  # a preview still running is ignored when it ends
        super().done(result)
