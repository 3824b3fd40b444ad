"""The main window's actions, menus and toolbar (built once, kept in step with the undo
history). Strings keep the "MainWindow" translation context they always had."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QStyle, QToolBar, QWidget

from hnreader.ui.common.plain_text import action_text, tooltip
from hnreader.ui.common.undo_labels import translated_label
from hnreader.ui.corrections.window_actions import reimport_current_file, show_orphans
from hnreader.ui.exchange.exchange_actions import ExchangeActions
from hnreader.ui.library.give_year import give_year
from hnreader.ui.merge import team_actions
from hnreader.ui.team.coder_view import CoderViewBox


def _icon(theme: str, fallback: QStyle.StandardPixmap, widget: QWidget) -> QIcon:
    return QIcon.fromTheme(theme, widget.style().standardIcon(fallback))


class WindowMenus:
    """Part of `MainWindow`: its actions, menus and toolbar."""

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QIcon | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding of the platform (Redo: Ctrl+Y, …)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(icon)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _create_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_action = self._action(
            QCoreApplication.translate("MainWindow", "&New Project…"),
            self.new_project,
            QKeySequence.StandardKey.New,
            _icon("document-new", sp.SP_FileIcon, self),
        )
        self.open_action = self._action(
            QCoreApplication.translate("MainWindow", "&Open Project…"),
            self.open_project_dialog,
            QKeySequence.StandardKey.Open,
            _icon("document-open", sp.SP_DialogOpenButton, self),
        )
        self.import_files_action = self._action(
            QCoreApplication.translate("MainWindow", "&Import Files…"),
            self.imports.import_files,
            "Ctrl+I",
            _icon("document-import", sp.SP_FileDialogNewFolder, self),
        )
        self.import_folder_action = self._action(
            QCoreApplication.translate("MainWindow", "Import &Folder…"),
            self.imports.import_folder,
            "Ctrl+Shift+I",
        )
        self.export_action = self._action(
            QCoreApplication.translate("MainWindow", "&Export to CSV…"),
            self.imports.export,
            "Ctrl+E",
            _icon("document-export", sp.SP_DialogSaveButton, self),
        )
        self.exchange = ExchangeActions(self)  # type: ignore[arg-type]
        self.export_qdpx_action = self._action(
            QCoreApplication.translate("MainWindow", "REFI-QDA &Project (.qdpx)…"),
            self.exchange.export_project,
        )
        self.export_qdc_action = self._action(
            QCoreApplication.translate("MainWindow", "REFI-QDA &Codebook (.qdc)…"),
            self.exchange.export_codebook,
        )
        self.import_refi_action = self._action(
            QCoreApplication.translate("MainWindow", "Import &REFI-QDA…"),
            self.exchange.import_file,
        )
        self.quit_action = self._action(
            QCoreApplication.translate("MainWindow", "&Quit"),
            self.close,
            QKeySequence.StandardKey.Quit,
        )
        self.undo_action = self._action(
            QCoreApplication.translate("MainWindow", "&Undo"),
            self.controller.undo,
            QKeySequence.StandardKey.Undo,
            _icon("edit-undo", sp.SP_ArrowBack, self),
        )
        self.redo_action = self._action(
            QCoreApplication.translate("MainWindow", "&Redo"),
            self.controller.redo,
            QKeySequence.StandardKey.Redo,
            _icon("edit-redo", sp.SP_ArrowForward, self),
        )
        self.tag_action = self._action(
            QCoreApplication.translate("MainWindow", "&Tag Selection…"),
            self.pick_tag,
            "Ctrl+T",
            _icon("tag", sp.SP_DialogApplyButton, self),
        )
        self.find_action = self._action(
            QCoreApplication.translate("MainWindow", "&Find…"),
            self.focus_search,
            QKeySequence.StandardKey.Find,
            _icon("edit-find", sp.SP_FileDialogContentsView, self),
        )
        self.next_hit_action = self._action(
            QCoreApplication.translate("MainWindow", "Next Hit"),
            self.next_hit,
            QKeySequence.StandardKey.FindNext,
        )
        self.previous_hit_action = self._action(
            QCoreApplication.translate("MainWindow", "Previous Hit"),
            self.previous_hit,
            QKeySequence.StandardKey.FindPrevious,
        )
        self.dictionary_action = self._action(
            QCoreApplication.translate("MainWindow", "User &Dictionary…"), self.edit_dictionary
        )
        self.preferences_action = self._action(
            QCoreApplication.translate("MainWindow", "&Preferences…"),
            self.edit_preferences,
            QKeySequence.StandardKey.Preferences,
        )
        self.details_action = self._action(
            QCoreApplication.translate("MainWindow", "Article &Details…"),
            self.edit_article_details,
            "Ctrl+Shift+D",
        )
        self.give_year_action = self._action(
            QCoreApplication.translate("MainWindow", "Give Dates a &Year…"),
            partial(give_year, self),
        )
        self.give_year_action.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Give the dates of this article's file that have no year (5月24日) their year",
            )
        )
        self.split_action = self._action(
            QCoreApplication.translate("MainWindow", "&Split Article at Cursor"), self.split_article
        )
        self.merge_action = self._action(
            QCoreApplication.translate("MainWindow", "&Merge with Next Article"), self.merge_article
        )
        self.reimport_action = self._action(
            QCoreApplication.translate("MainWindow", "Re-import File with Other Split…"),
            partial(reimport_current_file, self),
        )
        self.orphans_action = self._action(
            QCoreApplication.translate("MainWindow", "&Orphaned Annotations…"),
            partial(show_orphans, self),
        )
        self.removed_action = self._action(
            QCoreApplication.translate("MainWindow", "Show &Removed Lines"),
            self.reader.set_show_removed,
        )
        self.removed_action.setCheckable(True)
        self.segmentation_action = self._action(
            QCoreApplication.translate("MainWindow", "Show &Word Segmentation"),
            self.toggle_segmentation,
            "Ctrl+Shift+W",
        )
        self.segmentation_action.setCheckable(True)
        self.segmentation_action.setChecked(self.settings.show_segmentation)
        self.snap_action = self._action(
            QCoreApplication.translate("MainWindow", "S&nap to Words"), self.toggle_snap
        )
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(self.settings.snap_to_words)
        self.snap_action.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Selections widen to whole words. Turn off to select single characters, or "
                "hold Ctrl+Alt (or Alt) while dragging.",
            )
        )
        self.larger_action = self._action(
            QCoreApplication.translate("MainWindow", "&Larger Text"),
            self.larger_text,
            QKeySequence.StandardKey.ZoomIn,
        )
        self.smaller_action = self._action(
            QCoreApplication.translate("MainWindow", "S&maller Text"),
            self.smaller_text,
            QKeySequence.StandardKey.ZoomOut,
        )
        self.retrieve_action = self._action(
            QCoreApplication.translate("MainWindow", "&Retrieve Coded Passages…"),
            partial(self.open_analysis, "retrieve"),
            "Ctrl+Shift+R",
        )
        self.matrix_action = self._action(
            QCoreApplication.translate("MainWindow", "Code &Matrix…"),
            partial(self.open_analysis, "matrix"),
            "Ctrl+Shift+M",
        )
        self.cooccurrence_action = self._action(
            QCoreApplication.translate("MainWindow", "Tag &Co-occurrence…"),
            partial(self.open_analysis, "cooccurrence"),
        )
        self.trends_action = self._action(
            QCoreApplication.translate("MainWindow", "&Trends and Charts…"),
            partial(self.open_analysis, "trends"),
            "Ctrl+Shift+T",
        )
        self.merge_coding_action = self._action(
            QCoreApplication.translate("MainWindow", "&Merge Coding from Project…"),
            partial(team_actions.merge_coding, self),
        )
        self.package_action = self._action(
            QCoreApplication.translate("MainWindow", "Export Coder &Package…"),
            partial(team_actions.export_coder_package, self),
        )
        self.ledger_action = self._action(
            QCoreApplication.translate("MainWindow", "Statistics &Ledger…"),
            self.open_ledger,
            "Ctrl+Shift+L",
        )
        self.word_list_action = self._action(
            QCoreApplication.translate("MainWindow", "&Word List…"),
            partial(self.open_analysis, "wordlist"),
        )
        self.keyness_action = self._action(
            QCoreApplication.translate("MainWindow", "&Keyness…"),
            partial(self.open_analysis, "keyness"),
        )
        self.collocates_action = self._action(
            QCoreApplication.translate("MainWindow", "C&ollocates…"),
            partial(self.open_analysis, "collocates"),
        )
        self.agreement_action = self._action(
            QCoreApplication.translate("MainWindow", "Coder &Agreement…"), self.show_agreement
        )
        self.resolve_action = self._action(
            QCoreApplication.translate("MainWindow", "&Resolve Disagreements…"),
            partial(team_actions.resolve_disagreements, self),
        )
        self.reset_layout_action = self._action(
            QCoreApplication.translate("MainWindow", "Reset &Layout"), self.reset_layout
        )
        self.about_action = self._action(
            QCoreApplication.translate("MainWindow", "&About hnreader"), self.about
        )
        self.log_action = self._action(
            QCoreApplication.translate("MainWindow", "Open &Log Folder"), self.open_log_folder
        )
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self.reader)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(partial(self._apply_pinned, number))

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(
            QCoreApplication.translate("MainWindow", "Open &Recent")
        )
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_files_action, self.import_folder_action, self.import_refi_action]
        )
        file_menu.addAction(self.export_action)
        self.export_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "E&xport"))
        self.export_menu.addActions([self.export_qdpx_action, self.export_qdc_action])
        file_menu.addSeparator()
        file_menu.addActions([self.merge_coding_action, self.package_action])
        file_menu.addSeparator()
        file_menu.addActions([self.safety.backup_action, self.safety.restore_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.tag_action, self.find_action, self.next_hit_action, self.previous_hit_action]
        )
        edit_menu.addSeparator()
        edit_menu.addActions([self.dictionary_action, self.preferences_action])
        article_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Article"))
        article_menu.addActions(
            [
                self.details_action,
                self.give_year_action,
                self.split_action,
                self.merge_action,
                self.reimport_action,
                self.orphans_action,
                self.removed_action,
            ]
        )
        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        view_menu.addActions(
            [self.segmentation_action, self.snap_action, self.larger_action, self.smaller_action]
        )
        view_menu.addSeparator()
        for dock in (
            self.library_dock,
            self.tags_dock,
            self.annotations_dock,
            self.search_dock,
            self.figures_dock,
            self.memos_dock,
        ):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.reset_layout_action)
        analyse_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "A&nalyse"))
        analyse_menu.addActions(
            [self.retrieve_action, self.matrix_action, self.cooccurrence_action]
        )
        analyse_menu.addAction(self.trends_action)
        analyse_menu.addSeparator()
        analyse_menu.addActions(
            [self.word_list_action, self.keyness_action, self.collocates_action]
        )
        analyse_menu.addSeparator()
        analyse_menu.addAction(self.ledger_action)  # figures as data (issue 14)
        analyse_menu.addSeparator()
        analyse_menu.addActions([self.agreement_action, self.resolve_action])  # team coding
        tools_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
        tools_menu.addActions([self.safety.check_action, self.safety.salvage_action])
        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        help_menu.addActions([self.about_action, self.log_action])

    def _share_shortcuts_with_docks(self) -> None:
        """A floating dock is a window of its own: the main window's shortcuts for finding,
        stepping through hits, tagging and undoing work there too."""
        actions = [
            self.find_action,
            self.next_hit_action,
            self.previous_hit_action,
            self.tag_action,
            self.undo_action,
            self.redo_action,
        ]
        for dock in (
            self.library_dock,
            self.tags_dock,
            self.annotations_dock,
            self.search_dock,
            self.figures_dock,
            self.memos_dock,
        ):
            dock.addActions(actions)

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main"), self)
        toolbar.setObjectName("toolbar_main")
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.import_files_action, self.export_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions(
            [self.tag_action, self.find_action, self.segmentation_action, self.snap_action]
        )
        # Whose coding the reader shows (issue 17), once the project has two coders.
        self.coder_view_box = CoderViewBox(toolbar)
        self.coder_view_box.changed.connect(self.reader.set_coder_view)
        self.coder_view_action = toolbar.addWidget(self.coder_view_box)
        self.controller.annotations_changed.connect(self._refresh_coder_view)
        self._refresh_coder_view()
        self.addToolBar(toolbar)

    def _refresh_coder_view(self, _article_id: int = -1) -> None:
        coders = self.project.coders()
        self.coder_view_box.set_coders(coders)
        self.coder_view_action.setVisible(len(coders) >= 2)

    def _update_undo_actions(self) -> None:
        history, writable = self.project.history, not self.project.read_only
        self.undo_action.setEnabled(history.can_undo and writable)
        self.redo_action.setEnabled(history.can_redo and writable)
        self.undo_action.setText(
            QCoreApplication.translate("MainWindow", "&Undo %1").replace(
                "%1", action_text(translated_label(history.next_undo))
            )
            if history.can_undo
            else QCoreApplication.translate("MainWindow", "&Undo")
        )
        self.redo_action.setText(
            QCoreApplication.translate("MainWindow", "&Redo %1").replace(
                "%1", action_text(translated_label(history.next_redo))
            )
            if history.can_redo
            else QCoreApplication.translate("MainWindow", "&Redo")
        )
        # The toolbar keeps its width: a short label there, the whole one in its tooltip.
        for action, short in (
            (self.undo_action, QCoreApplication.translate("MainWindow", "Undo")),
            (self.redo_action, QCoreApplication.translate("MainWindow", "Redo")),
        ):
            action.setIconText(short)
            shown = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            action.setToolTip(tooltip(shown))  # the label names data (a tag, a quote)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_projects:
            action = self.recent_menu.addAction(action_text(path))
            action.setData(path)
            action.triggered.connect(self._open_recent)
        self.recent_menu.setEnabled(bool(self.settings.recent_projects))

    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.open_project(Path(str(action.data())))
