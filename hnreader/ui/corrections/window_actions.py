"""Article ▸ Re-import File with Other Split… and Article ▸ Orphaned Annotations… (issue 13):
the re-import dialog previews the current article's file split another way; accepted, the
file is re-split in one undo step and the annotations' fate is reported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import HnreaderError
from hnreader.core.project import (
    ImportOptions,
    ImportPreview,
    PreviewFile,
    Project,
    preview_article,
)
from hnreader.ui.common.error_messages import user_message
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.corrections.library_actions import run_correction
from hnreader.ui.corrections.orphans_dialog import OrphansDialog
from hnreader.ui.importing.import_options_form import ImportOptionsForm
from hnreader.ui.importing.preview_table_model import PreviewTableModel, preview_rows

if TYPE_CHECKING:
    from hnreader.ui.main_window import MainWindow

PREVIEW_DELAY_MS = 300


class ReimportDialog(QDialog):
    """The split options for one stored file, with the articles they would give."""

    def __init__(self, project: Project, source_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.source_id = source_id
        self.name = project.source_name(source_id)
        self.setWindowTitle(self.tr("Re-import File"))
        intro = QLabel(
            visible_controls(
                self.tr(
                    "Split “%1” again. Its articles are replaced in one step (Edit ▸ Undo "
                    "brings them back); annotations follow their quotes, and those whose text "
                    "is gone are kept as orphans."
                ).replace("%1", self.name)
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.form = ImportOptionsForm(self, with_values=False)
        self.problem_label = QLabel()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet("color: #B3261E;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.model = PreviewTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(
            PreviewTableModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnHidden(PreviewTableModel.FILE, True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Re-import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self._options: ImportOptions | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.form.changed.connect(self._timer.start)
        self.refresh_preview()

    def options(self) -> ImportOptions | None:
        return self._options

    def done(self, result: int) -> None:
        self._timer.stop()  # no preview of a file after the dialog (or its project) is gone
        super().done(result)

    def refresh_preview(self) -> None:
        """One stored file: split here (a few milliseconds for a news file)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            options = self.form.options()
            drafts = self.project.reimport_preview(self.source_id, options)
        except HnreaderError as error:
            self._options = None
            self.problem_label.setText(user_message(error))
            self.problem_label.show()
            ok.setEnabled(False)
            return
        self._options = options
        self.problem_label.hide()
        ok.setEnabled(bool(drafts))
        file = PreviewFile(self.name, "", tuple(preview_article(d) for d in drafts))
        self.model.set_rows(preview_rows(ImportPreview((file,), 1)))


def reimport_current_file(window: MainWindow) -> None:
    article_id = window.reader.article_id
    if article_id is None:
        return
    project = window.project
    source_id = project.source_of(article_id)
    dialog = ReimportDialog(project, source_id, window)
    accepted = dialog.exec() and dialog.options() is not None
    options = dialog.options()
    dialog.done(0 if not accepted else 1)
    dialog.deleteLater()
    if accepted:
        assert options is not None
        correction = run_correction(window.controller, lambda: project.reimport(source_id, options))
        if correction is not None:
            window.show_article(project.store.source_article_ids(source_id)[0])


def show_orphans(window: MainWindow) -> OrphansDialog:
    """The orphans dialog of the window (one, reused)."""
    dialog = getattr(window, "_orphans_dialog", None)
    if dialog is None:
        reader = window.reader

        def selection() -> tuple[int, int, int] | None:
            span = reader.raw_selected_span()
            if reader.article_id is None or span is None or span[0] >= span[1]:
                return None
            return reader.article_id, span[0], span[1]

        dialog = OrphansDialog(window.controller, selection, window)
        window._orphans_dialog = dialog  # type: ignore[attr-defined]
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    return dialog
