"""Article ▸ Orphaned Annotations…: the annotations whose text a correction removed, each
with its quote, tags, note and coder; attach one to the text selected in the reader, or
delete it (both undoable). Non-modal, so the reader stays usable beside it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import Orphan
from hnreader.ui.common.plain_text import tooltip, visible_controls
from hnreader.ui.common.table_views import RowsTableModel, set_up_list_table
from hnreader.ui.project.project_controller import ProjectController

Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str) -> str:
    return visible_controls(text).replace("\n", " ⏎ ")


class OrphanTableModel(RowsTableModel[tuple[Orphan, str]]):
    """QUOTE | TAGS | NOTE | CODER | WAS ON; rows are (orphan, its tags' names)."""

    QUOTE, TAGS, NOTE, CODER, ARTICLE = range(5)
    COLUMN_COUNT = 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Quote"),
                self.tr("Tags"),
                self.tr("Note"),
                self.tr("Coder"),
                self.tr("Was on"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        orphan, tags = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _one_line(orphan.quote),
                _one_line(tags),
                _one_line(orphan.note),
                _one_line(orphan.coder),
                _one_line(f"{orphan.article_id} · {orphan.article_title}"),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{orphan.prefix}【{orphan.quote}】{orphan.suffix}\n{orphan.note}")
        return None


class OrphansDialog(QDialog):
    def __init__(
        self,
        controller: ProjectController,
        selection: Callable[[], tuple[int, int, int] | None],
        parent: QWidget | None = None,
    ) -> None:
        """`selection()`: (article id, start, end) of the text selected in the reader."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Orphaned Annotations"))
        self.controller = controller
        self._selection = selection
        intro = QLabel(
            self.tr(
                "These annotations lost their text in a correction. Select the passage they "
                "belong to in the reader and choose Attach Here, or delete them."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.model = OrphanTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(OrphanTableModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(OrphanTableModel.ARTICLE, 220)
        self.empty_label = QLabel(self.tr("No orphaned annotations."))
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.attach_button = QPushButton(self.tr("Attach Here"))
        self.attach_button.setToolTip(self.tr("Attach to the text selected in the reader"))
        self.delete_button = QPushButton(self.tr("Delete"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.resize(760, 360)

        self.attach_button.clicked.connect(self.attach_here)
        self.delete_button.clicked.connect(self.delete_chosen)
        close.clicked.connect(self.close)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        controller.annotations_changed.connect(self.refresh)
        controller.history_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_: object) -> None:
        project = self.controller.project
        names = {t.id: t.path for t in project.tags()}
        chosen = self.chosen()
        rows = [
            (o, "、".join(names[t] for t in o.tag_ids if t in names)) for o in project.orphans()
        ]
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if chosen is not None:
            for row, (orphan, _tags) in enumerate(rows):
                if orphan.id == chosen.id:
                    self.table.selectRow(row)
        elif rows:
            self.table.selectRow(0)
        self._update_buttons()

    def chosen(self) -> Orphan | None:
        rows = self.table.selectionModel().selectedRows() if self.table.model() else []
        return self.model.row(rows[0].row())[0] if rows else None

    def _update_buttons(self, *_: object) -> None:
        has = self.chosen() is not None and not self.controller.project.read_only
        self.attach_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def attach_here(self) -> None:
        orphan, place = self.chosen(), self._selection()
        if orphan is None:
            return
        if place is None:
            self.controller.action_failed.emit(
                self.tr("Select the passage in the reader first, then choose Attach Here.")
            )
            return
        project = self.controller.project
        self.controller.run(partial(project.attach_orphan, orphan.id, *place))

    def delete_chosen(self) -> None:
        orphan = self.chosen()
        if orphan is not None:
            project = self.controller.project
            self.controller.run(partial(project.delete_orphan, orphan.id))
