"""Figures found in the shown article, or in the whole corpus: filter, sort, tag, jump to."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import QModelIndex, QRegularExpression, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import FIGURE_KINDS, Figure, StoreError
from hnreader.ui.common.plain_text import action_text
from hnreader.ui.common.settings import Settings
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.figures.figure_table_model import (
    COLUMN_ARTICLE,
    COLUMN_KIND,
    COLUMN_TEXT,
    COLUMN_UNIT,
    COLUMN_VALUE,
    KIND_ROLE,
    SORT_ROLE,
    FigureRow,
    FigureTableModel,
    kind_label,
)
from hnreader.ui.project.project_controller import ProjectController


class FiguresPanel(QWidget):
    """Figures of the current article, or of every article with "Whole corpus" on."""

    figure_activated = Signal(int, int, int)  # article id, start, end

    def __init__(
        self, controller: ProjectController, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._article_id: int | None = None
        self.model = FigureTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(KIND_ROLE)
        self.proxy.setFilterKeyColumn(COLUMN_KIND)
        self._build()
        controller.articles_changed.connect(self._on_articles_changed)
        controller.annotations_changed.connect(self._on_annotations_changed)
        controller.tags_changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        self.corpus_check = QCheckBox(self.tr("Whole corpus"), self)
        self.corpus_check.setToolTip(self.tr("List the figures of every article"))
        self.corpus_check.toggled.connect(self._on_scope_toggled)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for kind in FIGURE_KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.tag_button = QToolButton(self)
        self.tag_button.setText(self.tr("Tag Figure…"))
        self.tag_button.setToolTip(self.tr("Tag the selected figure (a figure annotation)"))
        self.tag_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag_menu = QMenu(self.tag_button)
        self.tag_menu.aboutToShow.connect(self._fill_tag_menu)
        self.tag_button.setMenu(self.tag_menu)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.corpus_check)
        bar.addWidget(self.kind_combo)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.tag_button)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # article order until asked
        set_up_list_table(self.view)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(COLUMN_TEXT, 120)
        header.resizeSection(COLUMN_VALUE, 110)
        header.resizeSection(COLUMN_UNIT, 60)
        header.resizeSection(COLUMN_KIND, 70)
        header.resizeSection(COLUMN_ARTICLE, 200)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.proxy.modelReset.connect(self._update_actions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    # -- public API

    @property
    def corpus_mode(self) -> bool:
        return self.corpus_check.isChecked()

    def set_corpus_mode(self, on: bool) -> None:
        self.corpus_check.setChecked(on)

    def set_article(self, article_id: int | None) -> None:
        self._article_id = article_id
        if not self.corpus_mode:
            self.refresh()

    def set_kind_filter(self, kind: str) -> None:
        """Show only figures of one kind ("" for all)."""
        index = self.kind_combo.findData(kind)
        self.kind_combo.setCurrentIndex(max(0, index))

    def refresh(self) -> None:
        project = self.controller.project
        selected = self.selected_figure()
        if self.corpus_mode:
            found = project.figures()
        elif self._article_id is not None:
            found = project.figures(self._article_id)
        else:
            found = []
        article_ids = sorted({article_id for article_id, _ in found})
        briefs = project.article_briefs(article_ids) if article_ids else {}
        tagged = self._figure_tags(article_ids)
        rows = [
            FigureRow(
                article_id,
                figure,
                briefs.get(article_id, ("", "", ""))[0],
                tagged.get((article_id, figure.start, figure.end), ""),
            )
            for article_id, figure in found
        ]
        self.model.set_rows(rows)
        self.view.setColumnHidden(COLUMN_ARTICLE, not self.corpus_mode)
        if selected is not None:
            self.select_figure(selected[0], selected[1].start, selected[1].end)
        self._update_count()

    def selected_figure(self) -> tuple[int, Figure] | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.model.row(self.proxy.mapToSource(rows[0]).row())
        return item.article_id, item.figure

    def select_figure(self, article_id: int, start: int, end: int) -> bool:
        for row in range(self.model.rowCount()):
            item = self.model.row(row)
            if (item.article_id, item.figure.start, item.figure.end) == (article_id, start, end):
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.view.selectRow(index.row())
                    self.view.scrollTo(index)
                    return True
        return False

    def tag_selected_figure(self, tag_id: int) -> bool:
        """Tag the selected figure as a figure annotation (one undo step)."""
        selected = self.selected_figure()
        if selected is None:
            return False
        article_id, figure = selected
        project = self.controller.project
        change = self.controller.run(lambda: project.annotate_figure(article_id, figure, [tag_id]))
        return change is not None

    # -- internals

    def _figure_tags(self, article_ids: list[int]) -> dict[tuple[int, int, int], str]:
        if not article_ids:
            return {}
        project = self.controller.project
        names = {tag.id: tag.path for tag in project.tags()}
        found: dict[tuple[int, int, int], list[str]] = defaultdict(list)
        # In corpus mode ask for all: an IN list of every article id could pass SQLite's limit.
        everything = self.corpus_mode or len(article_ids) > 500
        annotations = (
            project.annotations() if everything else project.annotations(article_ids=article_ids)
        )
        for annotation in annotations:
            if annotation.kind == "figure":
                key = (annotation.article_id, annotation.start, annotation.end)
                found[key].extend(names[t] for t in annotation.tag_ids if t in names)
        return {key: ", ".join(dict.fromkeys(value)) for key, value in found.items()}

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("1 figure") if total == 1 else self.tr("%1 figures").replace("%1", str(total))
        )
        if shown != total:
            text = self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", text)
        self.count_label.setText(text)
        self._update_actions()

    def _update_actions(self) -> None:
        self.tag_button.setEnabled(self.selected_figure() is not None)

    def _fill_tag_menu(self) -> None:
        self.tag_menu.clear()
        for tag in self.controller.project.tags():
            pixmap = QPixmap(12, 12)
            color = QColor(tag.color)
            pixmap.fill(color if color.isValid() else QColor("#9e9e9e"))
            action = self.tag_menu.addAction(QIcon(pixmap), action_text(tag.path))
            action.setData(tag.id)
            action.triggered.connect(self._on_tag_action)
        if self.tag_menu.isEmpty():
            self.tag_menu.addAction(self.tr("No tags yet")).setEnabled(False)

    def _on_tag_action(self) -> None:
        action = self.sender()
        tag_id = action.data() if action is not None else None
        if isinstance(tag_id, int):
            self.tag_selected_figure(tag_id)

    def _on_scope_toggled(self, _on: bool) -> None:
        self.refresh()

    def _on_kind_changed(self, _index: int) -> None:
        kind = str(self.kind_combo.currentData() or "")
        pattern = f"^{re.escape(kind)}$" if kind else ""
        self.proxy.setFilterRegularExpression(QRegularExpression(pattern))
        self._update_count()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            item = self.model.row(self.proxy.mapToSource(index).row())
            self.figure_activated.emit(item.article_id, item.figure.start, item.figure.end)

    def _on_annotations_changed(self, article_id: int) -> None:
        if self.corpus_mode or article_id in (-1, self._article_id):
            self.refresh()

    def _on_articles_changed(self) -> None:
        if self._article_id is not None:
            try:
                self.controller.project.article(self._article_id)
            except StoreError:
                self._article_id = None  # deleted or merged away
        self.refresh()
