"""The Retrieve tab: tick tags, choose how they go together, list their passages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.coding_analysis.tables import passage_table
from hnreader.core.models import Tag
from hnreader.ui.analyse.analysis_filter_bar import AnalysisFilterBar
from hnreader.ui.analyse.passage_table_model import PassageTableModel
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.table_views import set_up_list_table

TagIdRole = Qt.ItemDataRole.UserRole + 1


def empty_state(text: str) -> QLabel:
    """A centred, wrapped hint shown in place of an empty table."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setStyleSheet("font-size: 14px; padding: 24px;")
    return label


class RetrievalTab(QWidget):
    """Tags on the left, the passages of the ticked ones on the right."""

    passage_activated = Signal(int, int, int)  # article id, start, end
    run_requested = Signal()  # the query changed: the window runs it in the background
    export_requested = Signal(object, str)  # a table, a file name to suggest

    def __init__(self, filters: AnalysisFilterBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters = filters
        self.article_ids: tuple[int, ...] | None = None  # only these, after a matrix click
        self._loading = False  # ticks set by the program, not the user
        self.tag_model = QStandardItemModel(self)
        self.tag_list = QListView()
        self.tag_list.setModel(self.tag_model)
        self.tag_list.setMinimumWidth(180)
        self.mode = QComboBox()
        for mode, text in (
            ("any", self.tr("Any of the tags")),
            ("all", self.tr("All tags on one passage")),
            ("overlap", self.tr("Overlapping passages")),
            ("sentence", self.tr("In the same sentence")),
            ("paragraph", self.tr("In the same paragraph")),
            ("article", self.tr("In the same article")),
        ):
            self.mode.addItem(text, mode)
        self.mode.setToolTip(
            self.tr("With several tags: how their passages must go together to be listed")
        )
        self.scope_note = QLabel()
        self.scope_note.setTextFormat(Qt.TextFormat.PlainText)
        self.all_articles = QPushButton(self.tr("Show All Articles"))
        self.all_articles.hide()
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setEnabled(False)
        self.model = PassageTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 200, 190, 230, 190, 130, 120, 70)):
            self.table.setColumnWidth(column, width)
        self.hint = empty_state("")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.table)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(QLabel(self.tr("Tags")))
        left_column.addWidget(self.tag_list, 1)
        left_column.addWidget(QLabel(self.tr("Passages listed")))
        left_column.addWidget(self.mode)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.scope_note)
        top.addWidget(self.all_articles)
        top.addWidget(self.export_button)
        right_column.addLayout(top)
        right_column.addWidget(self.stack, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 980])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.tag_model.itemChanged.connect(self._on_tags_ticked)
        self.mode.currentIndexChanged.connect(self.run_requested)
        self.all_articles.clicked.connect(self.show_all_articles)
        self.export_button.clicked.connect(self._export)
        self.table.doubleClicked.connect(self._open)
        self._show_hint()

    # -- the query

    def set_tags(self, tags: Sequence[Tag]) -> None:
        """The codebook in tree order; ticked tags that still exist stay ticked."""
        ticked = set(self.ticked_tags())
        # Not blockSignals: the list view must hear of the new rows and ticks.
        self._loading = True
        self.tag_model.clear()
        for tag in tags:
            item = QStandardItem("    " * tag.path.count("/") + visible_controls(tag.name))
            item.setData(tag.id, TagIdRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if tag.id in ticked else Qt.CheckState.Unchecked
            )
            item.setToolTip(visible_controls(tag.path))
            self.tag_model.appendRow(item)
        self._loading = False

    def ticked_tags(self) -> list[int]:
        return [
            int(self.tag_model.item(row).data(TagIdRole))
            for row in range(self.tag_model.rowCount())
            if self.tag_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def query(self, tag_ids: Sequence[int], mode: str, article_ids: Sequence[int] | None) -> None:
        """Tick exactly these tags, choose the mode and (optionally) only these articles."""
        wanted = set(tag_ids)
        self._loading = True
        for row in range(self.tag_model.rowCount()):
            item = self.tag_model.item(row)
            item.setCheckState(
                Qt.CheckState.Checked
                if int(item.data(TagIdRole)) in wanted
                else Qt.CheckState.Unchecked
            )
        self._loading = False
        self.article_ids = tuple(article_ids) if article_ids is not None else None
        self._show_article_scope()
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self.mode.blockSignals(False)
        self.run_requested.emit()

    def mode_value(self) -> str:
        return str(self.mode.currentData())

    def show_all_articles(self) -> None:
        self.article_ids = None
        self._show_article_scope()
        self.run_requested.emit()

    def _show_article_scope(self) -> None:
        restricted = self.article_ids is not None
        self.all_articles.setVisible(restricted)
        count = len(self.article_ids or ())
        self.scope_note.setText(
            self.tr("Only the %n article(s) of the cell clicked", "", count) if restricted else ""
        )

    def _on_tags_ticked(self, _item: QStandardItem) -> None:
        if not self._loading:
            self.run_requested.emit()

    # -- results

    def show_passages(self, passages: Sequence[object]) -> None:
        self.model.set_rows(passages)  # type: ignore[arg-type]
        self.export_button.setEnabled(bool(passages))
        self.count.setText(self.tr("%n passage(s)", "", len(passages)))
        if passages:
            self.stack.setCurrentWidget(self.table)
        else:
            self.hint.setText(
                self.tr(
                    "No passage matches. Try “Any of the tags”, include sub-tags, or widen "
                    "the dates and filters above."
                )
            )
            self.stack.setCurrentWidget(self.hint)

    def _show_hint(self) -> None:
        self.model.set_rows([])
        self.count.setText("")
        self.export_button.setEnabled(False)
        self.hint.setText(
            self.tr(
                "Tick one or more tags on the left to list their passages, with their context, "
                "article and date. Double-click a passage to open it in the reader."
            )
            if self.tag_model.rowCount()
            else self.tr(
                "There are no tags yet. Create tags in the Tags panel and tag passages in "
                "the reader; their passages are listed here."
            )
        )
        self.stack.setCurrentWidget(self.hint)

    def clear(self) -> None:
        self._show_hint()

    def _open(self, index: QModelIndex) -> None:
        passage = self.model.row(index.row())
        self.passage_activated.emit(passage.article_id, passage.start, passage.end)

    def _export(self) -> None:
        self.export_requested.emit(passage_table(self.model.rows()), self.tr("passages"))
