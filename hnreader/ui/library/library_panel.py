"""The library: every article of the project in a filterable, sortable table."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import StoreError
from hnreader.ui.common.plain_text import rich_text
from hnreader.ui.common.settings import Settings
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.common.worker import Worker
from hnreader.ui.corrections.library_actions import add_exclusion_actions
from hnreader.ui.library.article_table_model import (
    FETCH_BATCH,
    Arrangement,
    ArticleTableModel,
)
from hnreader.ui.library.library_rows import load_library, quiet_label, without
from hnreader.ui.library.set_variable_dialog import SetVariableDialog
from hnreader.ui.library.variable_filter_bar import VariableFilterBar
from hnreader.ui.project.project_controller import ProjectController

log = logging.getLogger(__name__)

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keys that move the current row: the article under it opens once the keys rest this long
# (holding Down runs through the list without opening every article on the way).
_MOVE_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
)
MOVE_OPEN_DELAY_MS = 150
# Up to this many articles the whole list is read on the GUI thread (~0.1 s at 10,000);
# above it the first screen is read at once and the rest in the background.
SYNC_ARTICLE_LIMIT = 20_000


class LibraryPanel(QWidget):
    """Filter box + article table. Click, Enter or moving the current row with the keys
    (Up/Down/PageUp/PageDown/Home/End) emits `article_activated`; a row's context menu opens
    it, asks for its details (`details_requested`), marks it read or unread, copies its title.

    A large project's list is read in the background (`loaded` is emitted when it is all
    there); the first screen of rows shows at once.
    """

    article_activated = Signal(int)
    details_requested = Signal(int)
    loaded = Signal()

    def __init__(
        self, controller: ProjectController, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._current_id: int | None = None
        self._load: Worker | None = None  # the background read of a large library
        self._load_total = 0
        self._counts_changed: set[int] = set()  # annotation counts changed while loading
        self._hidden: frozenset[int] = frozenset()  # excluded articles not listed

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, source, reporter or date"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(
            self.tr("Words separated by spaces must all occur (Esc clears, Enter opens the first)")
        )
        # Excluded articles (issue 13) are listed only when asked for.
        self.show_excluded = QCheckBox(self.tr("Show excluded"))
        self.show_excluded.setToolTip(
            self.tr("List the articles left out of search, counts, analysis and export")
        )
        self.show_excluded.toggled.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setObjectName("libraryCount")
        quiet_label(self.count_label)

        self.model = ArticleTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list_table(self.table, multi_select=True)  # Set Variable… on many
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ArticleTableModel.DATE, Qt.SortOrder.AscendingOrder)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ArticleTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (ArticleTableModel.DATE, ArticleTableModel.SOURCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ArticleTableModel.ANNOTATIONS, QHeaderView.ResizeMode.Fixed)
        header.setHighlightSections(False)
        self.table.setColumnWidth(
            ArticleTableModel.ANNOTATIONS,
            self.table.fontMetrics().horizontalAdvance(self.tr("Tagged")) + 28,
        )
        width = self.table.fontMetrics().horizontalAdvance("0000-00-00") + 24
        self.table.setColumnWidth(ArticleTableModel.DATE, width)
        self.table.setColumnWidth(
            ArticleTableModel.SOURCE, self.table.fontMetrics().horizontalAdvance("0" * 9) + 16
        )

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.show_excluded)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        self.variable_bar = VariableFilterBar(self)
        self.variable_bar.changed.connect(self._variables_changed)
        layout.addWidget(self.variable_bar)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.filter_edit)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self._open_first)
        self.filter_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.clicked.connect(self._row_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self._move_timer = QTimer(self)
        self._move_timer.setSingleShot(True)
        self._move_timer.setInterval(MOVE_OPEN_DELAY_MS)
        self._move_timer.timeout.connect(self._open_moved_to)
        controller.articles_changed.connect(self.refresh)
        controller.annotations_changed.connect(self._annotations_changed)
        self.refresh()

    # -- public API

    def refresh(self) -> None:
        """Reload the articles from the project, keeping filter, sort order and selection.

        Above `SYNC_ARTICLE_LIMIT` articles the rows are read in the background; until they
        arrive the table keeps the rows it has (the first screen, at the first load).
        """
        self.model.set_read(self._read_ids())
        project = self.controller.project
        excluded = project.excluded_ids()
        self.model.set_excluded(excluded)
        self.variable_bar.load(project)
        self._variables_changed()
        self.show_excluded.setVisible(bool(excluded) or self.show_excluded.isChecked())
        self._hidden = frozenset() if self.show_excluded.isChecked() else frozenset(excluded)
        total = project.article_count()
        if total <= SYNC_ARTICLE_LIMIT:
            self._load = None
            self.model.set_rows(without(project.article_summaries(), self._hidden))
            self._rows_replaced()
            return
        if self.model.total_count() == 0:
            self.model.set_rows(without(project.first_summaries(FETCH_BATCH), self._hidden))
        self._start_load(total)
        self._rows_replaced()

    def is_loading(self) -> bool:
        """Whether the list is still being read in the background."""
        return self._load is not None

    def select_article(self, article_id: int) -> None:
        """Show `article_id` as the current article (clearing the filter if it hides it)."""
        self._current_id = article_id
        self._mark_read(article_id)
        if not self._select_row(article_id) and self.filter_edit.text():
            self.filter_edit.clear()
            self._select_row(article_id)

    def current_article(self) -> int | None:
        return self._current_id

    # -- behaviour

    def _project_path(self) -> str:
        return str(self.controller.project.path)

    def _start_load(self, total: int) -> None:
        terms, sort_column, descending = self.model.arrangement_key()
        worker = Worker(
            partial(
                load_library, self.controller.project, terms, sort_column, descending, self._hidden
            )
        )
        worker.signals.finished.connect(self._load_finished)
        worker.signals.failed.connect(self._load_failed)
        self._load, self._load_total = worker, total
        self._counts_changed.clear()
        worker.start()

    def _load_finished(self, arrangement: Arrangement) -> None:
        if self._is_current_load():
            self._show_listed(lambda: self.model.adopt(arrangement))

    def _load_failed(self, message: str, details: str) -> None:
        if self._is_current_load():
            # Details are in the log (Worker); read the list here instead, slower but complete.
            log.warning(
                "listing the library in the background failed (%s); listing it here", message
            )
            project = self.controller.project
            self._show_listed(
                lambda: self.model.set_rows(without(project.article_summaries(), self._hidden))
            )

    def _is_current_load(self) -> bool:
        """Whether the sending worker is the latest load (a newer refresh replaces it)."""
        return self._load is not None and self.sender() is self._load.signals

    def _show_listed(self, fill: Callable[[], None]) -> None:
        """`fill` the model with the whole library, keeping the view's place and counts."""
        self._load = None
        top = self._top_article()
        fill()
        self._update_changed_counts()
        self._rows_replaced(top)
        self.loaded.emit()

    def _update_changed_counts(self) -> None:
        """Counts changed after the background read began are read again."""
        project = self.controller.project
        for article_id in sorted(self._counts_changed):
            try:
                self.model.update_count(article_id, project.article(article_id).annotation_count)
            except StoreError:
                continue  # deleted meanwhile: the refresh that follows drops it
        self._counts_changed.clear()

    def _top_article(self) -> int | None:
        index = self.table.indexAt(QPoint(0, 0))
        return self.model.article_id(index.row()) if index.isValid() else None

    def _rows_replaced(self, top: int | None = None) -> None:
        """After new rows: the count, the first visible row as before, the current article."""
        self._update_count()
        if top is not None:
            row = self.model.row_of(top, fetch=True)
            if row is not None:
                self.table.scrollTo(
                    self.model.index(row, ArticleTableModel.TITLE),
                    QTableView.ScrollHint.PositionAtTop,
                )
        if self._current_id is not None:
            self._select_row(self._current_id)

    def _select_row(self, article_id: int) -> bool:
        row = self.model.row_of(article_id, fetch=True)
        if row is None:
            self.table.clearSelection()
            return False
        index = self.model.index(row, ArticleTableModel.TITLE)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _read_ids(self) -> set[int]:
        """The articles read, from the project (once taken over from the settings file,
        where versions before 0.2 kept them)."""
        project = self.controller.project
        earlier = self.settings.read_articles(self._project_path())
        if earlier and not project.read_only:
            try:
                project.mark_read(sorted(earlier))
            except StoreError as error:  # busy: taken over another time
                log.info("read marks not taken over: %s", error)
            else:
                self.settings.forget_read_articles(self._project_path())
        return project.read_article_ids() | earlier

    def _mark_read(self, article_id: int, read: bool = True) -> None:
        try:
            self.controller.project.mark_read([article_id], read)
        except StoreError as error:  # busy or a full disk: the mark is not worth a dialog
            log.info("read mark not saved: %s", error)
        self.model.mark_read(article_id, read)

    def _to_end(self, last: bool) -> None:
        """The first or last row made current (every row listed first, for the last)."""
        while last and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        if not self.model.rowCount():
            return
        index = self.model.index(self.model.rowCount() - 1 if last else 0, ArticleTableModel.TITLE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._move_timer.start()

    def _open_moved_to(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and self.model.article_id(index.row()) != self._current_id:
            self._activate(index)

    def _row_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.row_menu(index).exec(self.table.viewport().mapToGlobal(position))

    def row_menu(self, index: QModelIndex) -> QMenu:
        """The context menu of a row: Open, Article Details…, Mark as (Un)read, Copy Title."""
        article_id = self.model.article_id(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), partial(self._activate, index))
        menu.addAction(self.tr("Article Details…"), self._details_of(index, article_id))
        menu.addSeparator()
        if self.model.is_read(article_id):
            menu.addAction(self.tr("Mark as Unread"), partial(self._mark_read, article_id, False))
        else:
            menu.addAction(self.tr("Mark as Read"), partial(self._mark_read, article_id, True))
        menu.addAction(self.tr("Copy Title"), partial(self._copy_title, article_id))
        menu.addSeparator()
        chosen = self.chosen_articles(article_id)
        set_variable = menu.addAction(self.tr("Set Variable…"), partial(self.set_variable, chosen))
        set_variable.setEnabled(not self.controller.project.read_only)
        delete = menu.addAction(
            self.tr("Delete Article…"), partial(self.delete_article, article_id)
        )
        delete.setEnabled(not self.controller.project.read_only)
        add_exclusion_actions(menu, self.controller, chosen, self.model.is_excluded(article_id))
        return menu

    def chosen_articles(self, clicked: int) -> list[int]:
        """The selected articles when the clicked one is among them, else the clicked one."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        selected = [self.model.article_id(r) for r in rows]
        return selected if clicked in selected else [clicked]

    def set_variable(self, article_ids: list[int]) -> None:
        """Ask for a variable and its value, then set it on the articles (one undo step)."""
        project = self.controller.project
        names = [v.name for v in project.variables()]
        dialog = SetVariableDialog(names, len(article_ids), self)
        if dialog.exec() and dialog.name():
            name, value = dialog.name(), dialog.value()
            self.controller.run(lambda: project.set_variable(article_ids, name, value))

    def delete_article(self, article_id: int) -> None:
        """Remove an article (asked first; Edit ▸ Undo brings it back)."""
        project = self.controller.project
        article = project.article(article_id)
        question = self.tr(
            "Delete “%1” and its %2 annotation(s) from the project? Edit ▸ Undo brings it back; "
            "its source file keeps the text."
        )
        answer = QMessageBox.question(
            self,
            self.tr("Delete Article"),
            rich_text(
                question.replace("%1", article.title).replace("%2", str(article.annotation_count))
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.run(lambda: project.delete_article(article_id))

    def _details_of(self, index: QModelIndex, article_id: int) -> Callable[[], None]:
        def details() -> None:
            self._activate(index)
            self.details_requested.emit(article_id)

        return details

    def _copy_title(self, article_id: int) -> None:
        title = self.controller.project.article(article_id).title
        QGuiApplication.clipboard().setText(title)

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        article_id = self.model.article_id(index.row())
        self._current_id = article_id
        self._mark_read(article_id)
        self.article_activated.emit(article_id)

    def _row_clicked(self, index: QModelIndex) -> None:
        self._activate(index)

    def _open_first(self) -> None:
        if self.model.rowCount():
            index = self.model.index(0, ArticleTableModel.TITLE)
            self.table.setCurrentIndex(index)
            self._activate(index)

    def _variables_changed(self) -> None:
        """Variable columns and the variable filter, as the bar says (issue 13); a filtered
        variable that is not a chosen column is read but its column hidden."""
        bar = self.variable_bar
        values, shown = bar.values(), set(bar.columns())
        if not values and not self.model.variable_columns():
            return
        self.model.set_variables(values, bar.kinds(), bar.value_filter())
        for offset, name in enumerate(values):
            self.table.setColumnHidden(ArticleTableModel.COLUMN_COUNT + offset, name not in shown)
        self._update_count()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()
        if self._current_id is not None:
            self._select_row(self._current_id)

    def _update_count(self) -> None:
        if self._load is not None:
            self.count_label.setText(
                self.tr("Listing %1 articles…").replace("%1", f"{self._load_total:,}")
            )
            return
        total, shown = self.model.total_count(), self.model.match_count()
        if shown == total:
            self.count_label.setText(
                self.tr("1 article")
                if total == 1
                else self.tr("%1 articles").replace("%1", f"{total:,}")
            )
        else:
            self.count_label.setText(
                self.tr("%1 of %2").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
            )

    def _annotations_changed(self, article_id: int) -> None:
        if article_id < 0:
            self.refresh()
            return
        if self._load is not None:
            self._counts_changed.add(article_id)
        try:
            count = self.controller.project.article(article_id).annotation_count
        except StoreError:  # the article went away with the change: reload everything
            self.refresh()
            return
        self.model.update_count(article_id, count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.table and key in _ENTER_KEYS:
                self._move_timer.stop()
                self._activate(self.table.currentIndex())
                return True
            if watched is self.table and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
                self._to_end(key == Qt.Key.Key_End)  # a table's own Home/End go along a row
                return True
            if watched is self.table and key in _MOVE_KEYS:
                self._move_timer.start()  # after the table has moved its current row
            if watched is self.filter_edit:
                if key == Qt.Key.Key_Escape and self.filter_edit.text():
                    self.filter_edit.clear()
                    return True
                if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                    self.table.setFocus()
                    if not self.table.currentIndex().isValid():
                        self.table.setCurrentIndex(self.model.index(0, 0))
                    return True
        return super().eventFilter(watched, event)
