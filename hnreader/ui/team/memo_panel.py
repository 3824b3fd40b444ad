"""The Memos dock: every memo (on articles, on tags, the journal), newest first, searchable;
new, edit and delete, each one undoable step; the memos listed exported as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import HnreaderError, Memo
from hnreader.ui.common.plain_text import rich_text, tooltip, visible_controls
from hnreader.ui.common.table_files import ask_table_path
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.project.project_controller import ProjectController

ModelIndex = QModelIndex | QPersistentModelIndex


class MemoModel(QAbstractTableModel):
    DATE, CODER, ON, TEXT = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.memos: list[Memo] = []
        self.places: dict[int, str] = {}  # memo id → what it is on, as shown

    def set_memos(self, memos: list[Memo], places: dict[int, str]) -> None:
        self.beginResetModel()
        self.memos, self.places = memos, places
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.memos)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Date"), self.tr("Coder"), self.tr("On"), self.tr("Memo")][section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        memo = self.memos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [  # plain text, one line: memos and titles are data
                memo.created[:10],
                visible_controls(memo.coder),
                " ".join(self.places.get(memo.id, "").split()),
                " ".join(memo.text.split()),
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT:
            return tooltip(memo.text)
        return None


class MemoDialog(QDialog):
    """Write or edit a memo's text."""

    def __init__(self, title: str, on: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(on)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def text(self) -> str:
        return self.editor.toPlainText().strip()


class MemoPanel(QWidget):
    """Memos of the project; `article_activated` when one on an article is double-clicked."""

    article_activated = Signal(int)

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.article_id: int | None = None
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Search memos"))
        self.filter_edit.setClearButtonEnabled(True)
        self.scope_box = QComboBox()
        for scope, label in (
            ("all", self.tr("All memos")),
            ("article", self.tr("This article")),
            ("tag", self.tr("On tags")),
            ("journal", self.tr("Journal")),
        ):
            self.scope_box.addItem(label, scope)
        self.model = MemoModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        set_up_list_table(self.view)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(MemoModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(
            MemoModel.DATE, self.fontMetrics().horizontalAdvance("0000-00-00") + 20
        )
        self.view.setColumnWidth(MemoModel.ON, 220)
        self.new_article_button = QPushButton(self.tr("Memo on This Article…"))
        self.new_journal_button = QPushButton(self.tr("Journal Entry…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write the memos listed to a CSV file or workbook"))
        self.empty_label = QLabel(
            self.tr("No memos yet: write one on the article you read, or in the journal.")
        )
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.scope_box)
        buttons = QHBoxLayout()
        for button in (self.new_article_button, self.new_journal_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.filter_edit.textChanged.connect(self.refresh)
        self.scope_box.currentIndexChanged.connect(self.refresh)
        self.new_article_button.clicked.connect(self.new_article_memo)
        self.new_journal_button.clicked.connect(self.new_journal_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        controller.memos_changed.connect(self.refresh)
        controller.articles_changed.connect(self.refresh)
        controller.tags_changed.connect(self.refresh)
        self.refresh()

    def set_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        if self.scope_box.currentData() == "article":
            self.refresh()
        self._update_buttons()

    def refresh(self) -> None:
        project = self.controller.project
        scope = self.scope_box.currentData()
        if scope == "article":
            memos = project.memos(article_id=self.article_id) if self.article_id else []
        elif scope in ("tag", "journal"):
            memos = project.memos(kind=scope)
        else:
            memos = project.memos()
        words = self.filter_edit.text().casefold().split()
        if words:
            memos = [m for m in memos if all(w in m.text.casefold() for w in words)]
        tags = {t.id: t.path for t in project.tags()}
        titles = project.article_briefs([m.article_id for m in memos if m.article_id])
        places = {
            m.id: (
                titles.get(m.article_id, ("",))[0]
                if m.kind == "article" and m.article_id is not None
                else self.tr("Tag %1").replace("%1", tags.get(m.tag_id or 0, ""))
                if m.kind == "tag"
                else self.tr("Journal")
            )
            for m in memos
        }
        self.model.set_memos(memos, places)
        self.empty_label.setVisible(not memos)
        self._update_buttons()

    def _selected(self) -> Memo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.memos[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        writable = not self.controller.project.read_only
        chosen = self._selected() is not None
        self.new_article_button.setEnabled(writable and self.article_id is not None)
        self.new_journal_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and chosen)
        self.delete_button.setEnabled(writable and chosen)
        self.export_button.setEnabled(bool(self.model.memos))

    def new_article_memo(self) -> None:
        if self.article_id is None:
            return
        project, article_id = self.controller.project, self.article_id
        title = project.article(article_id).title
        dialog = MemoDialog(self.tr("Memo on Article"), title, parent=self)
        if dialog.exec() and dialog.text():
            text = dialog.text()
            self.controller.run(lambda: project.add_memo("article", text, article_id=article_id))

    def new_journal_entry(self) -> None:
        project = self.controller.project
        dialog = MemoDialog(self.tr("Journal Entry"), self.tr("The project's journal"), parent=self)
        if dialog.exec() and dialog.text():
            text = dialog.text()
            self.controller.run(lambda: project.add_memo("journal", text))

    def edit_selected(self) -> None:
        memo = self._selected()
        if memo is None:
            return
        on = self.model.places.get(memo.id, "")
        dialog = MemoDialog(self.tr("Edit Memo"), on, memo.text, parent=self)
        if dialog.exec() and dialog.text() and dialog.text() != memo.text:
            project, text = self.controller.project, dialog.text()
            self.controller.run(lambda: project.update_memo(memo.id, text))

    def delete_selected(self) -> None:
        memo = self._selected()
        if memo is not None:
            project = self.controller.project
            self.controller.run(lambda: project.delete_memo(memo.id))

    def export(self) -> None:
        path = ask_table_path(self, self.tr("Export Memos"), "memos", prefer_xlsx=True)
        if path is not None:
            self.write_table(path)

    def write_table(self, path: Path) -> bool:
        """The memos listed (the search and scope applied), with the UI's column names."""
        project = self.controller.project
        header = [
            self.tr("Memo"),
            self.tr("Kind"),
            self.tr("Article"),
            self.tr("Article title"),
            self.tr("Tag"),
            self.tr("Text"),
            self.tr("Coder"),
            self.tr("Written (UTC)"),
            self.tr("Changed (UTC)"),
        ]
        try:
            project.export_table(path, project.memo_table(self.model.memos, header))
        except HnreaderError as error:
            QMessageBox.warning(self, self.tr("Export Memos"), rich_text(str(error)))
            return False
        return True

    def _double_clicked(self, index: QModelIndex) -> None:
        memo = self.model.memos[index.row()]
        if memo.kind == "article" and memo.article_id is not None:
            self.article_activated.emit(memo.article_id)
        else:
            self.edit_selected()
