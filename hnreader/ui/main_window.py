"""The main window: library, reader, tags and the bottom panels, with menus and shortcuts."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hnreader import paths
from hnreader.core.analysis.figure_values import figure_value_text
from hnreader.core.project import Project
from hnreader.ui.analyse.analyse_window import AnalyseWindow
from hnreader.ui.codebook.annotation_list_panel import AnnotationListPanel
from hnreader.ui.codebook.tag_panel import TagPanel
from hnreader.ui.codebook.tag_picker import TagPicker
from hnreader.ui.common.plain_text import rich_text, visible_controls, window_title
from hnreader.ui.common.settings import Settings
from hnreader.ui.common.task_runner import TaskRunner
from hnreader.ui.common.worker import Worker
from hnreader.ui.figures.figures_panel import FiguresPanel
from hnreader.ui.ledger.ledger_window import LedgerWindow
from hnreader.ui.library.article_details_dialog import ArticleDetailsDialog
from hnreader.ui.library.library_panel import LibraryPanel
from hnreader.ui.project.about import show_about
from hnreader.ui.project.dictionary_dialog import DictionaryDialog
from hnreader.ui.project.import_export import ImportExport
from hnreader.ui.project.preferences_dialog import PreferencesDialog
from hnreader.ui.project.project_controller import ProjectController
from hnreader.ui.project.project_safety import ExternalChanges, ReadOnlyBanner
from hnreader.ui.project.safety_actions import SafetyActions
from hnreader.ui.reader.reader_view import ReaderView
from hnreader.ui.search.search_panel import SearchPanel
from hnreader.ui.team.memo_panel import MemoPanel
from hnreader.ui.window_layout import WindowLayout
from hnreader.ui.window_menus import WindowMenus

log = logging.getLogger(__name__)


class MainWindow(WindowMenus, WindowLayout, QMainWindow):
    """One project's window: library, reader, codebook, search and figures around it."""

    # Another project should open in place of this one (path, a status line for the new
    # window); the window manager opens it and closes this window when it could.
    open_requested = Signal(str, str)

    def __init__(self, project: Project, settings: Settings, *, is_default: bool = False) -> None:
        super().__init__()
        self.project = project
        self.settings = settings
        self.is_default = is_default
        self.controller = ProjectController(project, self)
        self.tasks = TaskRunner(self)
        self._warm_up: Worker | None = None
        self.analyse_window: AnalyseWindow | None = None
        self.ledger_window: LedgerWindow | None = None
        self.setAcceptDrops(True)
        self.setWindowTitle(window_title(self.tr("%1 — hnreader").replace("%1", project.path.stem)))
        self.resize(QSize(1400, 880))
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )

        self.reader = ReaderView(self.controller, settings, self)
        self.banner = ReadOnlyBanner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.reader, 1)
        self.setCentralWidget(central)
        self.external_changes = ExternalChanges(self.controller, self)
        self.safety = SafetyActions(self)
        self.imports = ImportExport(self)
        self.library = LibraryPanel(self.controller, settings, self)
        self.tag_panel = TagPanel(self.controller, settings, self)
        self.annotation_panel = AnnotationListPanel(self.controller, settings, self)
        self.search_panel = SearchPanel(self.controller, settings, self)
        self.figures_panel = FiguresPanel(self.controller, settings, self)
        self.memo_panel = MemoPanel(self.controller, self)

        self.library_dock = self._dock(
            self.tr("Library"), "library", self.library, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.tags_dock = self._dock(
            self.tr("Tags"), "tags", self.tag_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.search_dock = self._dock(
            self.tr("Search"), "search", self.search_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.annotations_dock = self._dock(
            self.tr("Annotations of this article"),
            "annotations",
            self.annotation_panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.figures_dock = self._dock(
            self.tr("Figures"),
            "figures",
            self.figures_panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.memos_dock = self._dock(
            self.tr("Memos"), "memos", self.memo_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self._arrange_docks()

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.status)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._share_shortcuts_with_docks()
        self._connect()
        self._restore_state()

    # -- construction

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        self.library.article_activated.connect(self.show_article)
        self.library.details_requested.connect(lambda _id: self.edit_article_details())
        self.tag_panel.tag_applied.connect(self.apply_tag)
        self.tag_panel.passage_activated.connect(self.show_span)
        self.search_panel.hit_activated.connect(self.show_span)
        self.search_panel.header_hit_activated.connect(self.show_header_span)
        self.annotation_panel.annotation_activated.connect(self.show_span)
        self.figures_panel.figure_activated.connect(self.show_span)
        self.memo_panel.article_activated.connect(self.show_article)
        self.reader.article_shown.connect(self._on_article_shown)
        self.reader.tag_picker_requested.connect(self.pick_tag)
        self.reader.status_reported.connect(self._show_status_message)
        self.controller.status_reported.connect(self._show_status_message)
        self.reader.annotation_clicked.connect(self.annotation_panel.select_annotation)
        self.reader.figure_clicked.connect(self._on_figure_clicked)
        self.search_panel.results_changed.connect(self._refresh_search_spans)
        self.controller.history_changed.connect(self._update_undo_actions)
        self.controller.action_failed.connect(self.show_refusal)
        self.controller.articles_changed.connect(self._update_status)
        self.banner.restore_requested.connect(self.safety.restore)
        self.banner.salvage_requested.connect(self.safety.salvage)
        self._update_undo_actions()
        self.apply_read_only()

    # -- start-up and state

    def start_up(self) -> None:
        """Import the bundled corpus on the default project's first start, index what is stale,
        and reopen the last article."""
        if self.project.read_only:
            pass  # nothing is imported or re-indexed into a project that cannot be changed
        elif self.is_default and self.project.article_count() == 0:
            self.imports.run_import(None)
        elif self.project.has_stale_index():
            self.imports.reindex()
        self._update_status()
        last = self.settings.last_article(str(self.project.path))
        project = self.project
        known = last is not None and project.has_article(last)
        shown = last if known else project.first_article_id()
        if shown is not None:
            self.show_article(shown)
        self.settings.add_recent_project(str(self.project.path))
        if self.library.is_loading():
            self.library.loaded.connect(self._settle)
        else:
            self._settle()

    def _settle(self) -> None:
        """Once the first article shows and the library is listed (in the background when
        large), load jieba's dictionary off the GUI thread, so that the first search or
        segmentation view does not wait for it; not sooner, so that the threads do not take
        turns at the interpreter lock while the window comes up."""
        if self._warm_up is None:
            self._warm_up = Worker(partial(_load_dictionaries, self.project))
            self._warm_up.start()
            self.safety.start_background_checks()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tasks.busy:
            QMessageBox.information(
                self,
                "hnreader",
                self.tr("Please wait for the running task to finish or cancel it."),
            )
            event.ignore()
            return
        self.settings.set_layout(self._screen_key(), self.saveGeometry(), self.saveState())
        if self.reader.article_id is not None:
            self.settings.set_last_article(str(self.project.path), self.reader.article_id)
        self.settings.sync()
        self.external_changes.stop()
        if self.analyse_window is not None:
            self.analyse_window.cancel()
            self.analyse_window.close()
        if self.ledger_window is not None:
            self.ledger_window.cancel()
            self.ledger_window.close()
        self.project.close()
        super().closeEvent(event)

    def _update_status(self) -> None:
        count = self.project.article_count()
        self.status.setText(
            self.tr("%1 articles · %2")
            .replace("%1", f"{count:,}")
            .replace("%2", visible_controls(str(self.project.path)))
        )

    # -- navigation

    def show_article(self, article_id: int) -> None:
        self.reader.show_article(article_id)

    def next_hit(self) -> None:
        """F3: the next hit, going on into the next article with hits of the search."""
        self._step_hit(+1)

    def previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        session = self.search_panel.session()
        if session is not None and self.reader.at_last_hit(step):
            neighbour = session.neighbour_article(self.reader.article_id, step)
            if neighbour is not None:
                self.reader.show_article(neighbour)
                self.reader.go_to_hit(0 if step > 0 else -1)
                return
        if step > 0:
            self.reader.next_hit()
        else:
            self.reader.previous_hit()

    def show_span(self, article_id: int, start: int, end: int) -> None:
        self.reader.show_article(article_id, select=(start, end))

    def show_header_span(self, article_id: int, field: str, start: int, end: int) -> None:
        """A search hit in an article's title, kicker or byline: selected in the header."""
        self.reader.show_article(article_id)
        self.reader.select_header_span(field, start, end)

    def open_analysis(self, name: str) -> None:
        """The Analyse window (made on first use) at one of its tabs."""
        if self.analyse_window is None:
            self.analyse_window = AnalyseWindow(self.controller, self)
            self.analyse_window.passage_activated.connect(self.show_analysed_passage)
            self.analyse_window.search_requested.connect(self.search_in_context)
        self.analyse_window.show_tab(name)

    def open_ledger(self) -> None:
        """Analyse ▸ Statistics Ledger… (the window is made on first use)."""
        if self.ledger_window is None:
            self.ledger_window = LedgerWindow(self.controller, self)
            self.ledger_window.value_activated.connect(self.show_analysed_passage)
        self.ledger_window.show_ledger()

    def search_in_context(self, word: str) -> None:
        """A word of a word list or keyness table, in context: the search panel runs it."""
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.set_query(word)
        self.raise_()
        self.activateWindow()

    def show_analysed_passage(self, article_id: int, start: int, end: int) -> None:
        self.show_span(article_id, start, end)
        self.raise_()
        self.activateWindow()

    def _on_article_shown(self, article_id: int) -> None:
        self.annotation_panel.set_article(article_id)
        self.figures_panel.set_article(article_id)
        self.memo_panel.set_article(article_id)
        self.library.select_article(article_id)
        self.reader.set_search_spans(self.search_panel.spans_for(article_id))
        self.settings.set_last_article(str(self.project.path), article_id)

    def _on_figure_clicked(self, article_id: int, start: int, end: int) -> None:
        """Show the figure's normalised value; a pinned key or Ctrl+T now tags the figure."""
        self.figures_dock.show()
        self.figures_dock.raise_()
        self.figures_panel.select_figure(article_id, start, end)
        figure = self.project.figure_at(article_id, start, end)
        if figure is None:
            return
        value = figure_value_text(figure.value, figure.value_low, figure.value_high) or "—"
        self.statusBar().showMessage(
            self.tr("Figure “%1”: %2 %3 (%4). Press 1–9 or Ctrl+T to tag it.")
            .replace("%1", visible_controls(figure.text))
            .replace("%2", value)
            .replace("%3", visible_controls(figure.unit))
            .replace("%4", figure.kind),
            8000,
        )

    def _refresh_search_spans(self) -> None:
        if self.reader.article_id is not None:
            self.reader.set_search_spans(self.search_panel.spans_for(self.reader.article_id))

    def _show_status_message(self, message: str) -> None:
        self.statusBar().showMessage(visible_controls(message), 4000)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        if self.search_dock.isFloating():  # a window of its own: typing goes there
            self.search_dock.activateWindow()
        self.search_panel.focus_search()

    # -- tagging

    def apply_tag(self, tag_id: int) -> None:
        self.reader.apply_tag(tag_id)

    def pick_tag(self) -> None:
        tag_id = TagPicker.pick(self, self.project.tags(), self.controller)
        if tag_id is not None:
            self.apply_tag(tag_id)

    def _apply_pinned(self, number: int) -> None:
        tag_id = self.tag_panel.pinned_tag(number)
        if tag_id is None:
            self.statusBar().showMessage(
                self.tr("No tag is pinned to %1").replace("%1", str(number)), 3000
            )
            return
        self.apply_tag(tag_id)

    def apply_read_only(self) -> None:
        """While the project cannot be changed: say so above the reader and disable every
        action that would change it (the core refuses them anyway)."""
        self.banner.show_for(self.project)
        writable = not self.project.read_only
        for action in (
            self.import_files_action,
            self.import_folder_action,
            self.import_refi_action,
            self.tag_action,
            self.dictionary_action,
            self.details_action,
            self.give_year_action,
            self.split_action,
            self.merge_action,
            self.merge_coding_action,
            self.reimport_action,
            self.safety.backup_action,
        ):
            action.setEnabled(writable)
        self.tag_panel.setEnabled(writable)
        self.setAcceptDrops(writable)
        self._update_undo_actions()

    def show_refusal(self, message: str) -> None:
        """A refused action: a sentence in the UI language, the core's reason below it."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not done"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("This could not be done; nothing was changed."))
        box.setInformativeText(visible_controls(message))
        box.exec()

    # -- view

    def toggle_segmentation(self, checked: bool) -> None:
        self.settings.show_segmentation = checked
        self.reader.set_show_segmentation(checked)

    def toggle_snap(self, checked: bool) -> None:
        self.settings.snap_to_words = checked

    def larger_text(self) -> None:
        self.settings.font_size = self.settings.font_size + 1
        self.reader.set_font_size(self.settings.font_size)

    def smaller_text(self) -> None:
        self.settings.font_size = self.settings.font_size - 1
        self.reader.set_font_size(self.settings.font_size)

    # -- articles

    def edit_article_details(self) -> None:
        if self.reader.article_id is None:
            return
        article = self.project.article(self.reader.article_id)
        dialog = ArticleDetailsDialog(article, self)
        if dialog.exec() and dialog.changed_fields():
            fields = dialog.changed_fields()
            self.controller.run(lambda: self.project.update_article(article.id, **fields))

    def split_article(self) -> None:
        article_id = self.reader.article_id
        if article_id is None:
            return
        offset = self.reader.cursor_position()
        self.controller.run(lambda: self.project.split_article(article_id, offset))

    def merge_article(self) -> None:
        article_id = self.reader.article_id
        if article_id is not None:
            self.controller.run(lambda: self.project.merge_with_next(article_id))

    # -- import, export, projects

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        sources = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if sources:
            event.acceptProposedAction()
            self.imports.run_import(sources)

    def edit_dictionary(self) -> None:
        DictionaryDialog(self.controller, self).exec()

    def edit_preferences(self) -> None:
        if PreferencesDialog(self.settings, self).exec():
            self.project.coder = self.settings.coder
            self.reader.set_font_size(self.settings.font_size)
            self.reader.set_line_spacing(self.settings.line_spacing)
            self.snap_action.setChecked(self.settings.snap_to_words)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New project"),
            str(Path.home() / "project.hnreader.sqlite"),
            self.tr("hnreader projects (*.sqlite)"),
        )
        if path:
            target = Path(path)
            if target.exists():
                QMessageBox.warning(
                    self,
                    self.tr("New project"),
                    rich_text(
                        self.tr("%1 already exists; use Open Project to open it.").replace(
                            "%1", str(target)
                        )
                    ),
                )
                return
            self.open_project(target)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open project"),
            str(self.project.path.parent),
            self.tr("hnreader projects (*.sqlite);;All files (*)"),
        )
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path, status_message: str = "") -> None:
        """Open `path` in a new window in place of this one (the window manager does it;
        this window stays open, saying why, when the project cannot be opened)."""
        self.open_requested.emit(str(path), status_message)

    def show_agreement(self) -> None:
        """Analyse ▸ Coder Agreement…"""
        from hnreader.ui.team.agreement_dialog import AgreementDialog

        AgreementDialog(self.project, self).exec()

    def about(self) -> None:
        show_about(self, self.project.path, self.settings)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))


def _load_dictionaries(project: Project, progress: object, is_cancelled: object) -> None:
    project.load_dictionaries()
