"""The reader's right-click menu: tag the selection, treat it as one word, split, copy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMenu

from hnreader.ui.common.plain_text import action_text, visible_controls
from hnreader.ui.corrections.reader_actions import add_line_actions

if TYPE_CHECKING:
    from hnreader.ui.reader.reader_view import ReaderView

MENU_TAGS = 12  # tags listed directly in the context menu; the rest in a submenu


class ReaderContextMenu(QObject):
    """Builds the reader's context menu and carries out its actions; the view owns it."""

    def __init__(self, view: ReaderView) -> None:
        super().__init__(view)
        self.view = view
        self._split_offset = 0

    def show_at(self, point: QPoint) -> None:
        """Open the menu at a point of the text edit's viewport (a right click)."""
        text_edit = self.view.text_edit
        menu = self.build(text_edit.cursorForPosition(point).position())
        menu.exec(text_edit.viewport().mapToGlobal(point))
        menu.deleteLater()

    def build(self, qt_position: int) -> QMenu:
        """The menu for a right click at a Qt position (built fresh, so always current)."""
        view = self.view
        menu = QMenu(view)
        span = view.selected_span()
        has_selection = span is not None and span[0] < span[1]
        tags = view.tags
        target = menu
        for index, tag in enumerate(tags):
            if index == MENU_TAGS:
                target = menu.addMenu(self.tr("More tags"))
            action = target.addAction(_swatch(tag.color), action_text(tag.path))
            action.setData(tag.id)
            action.setEnabled(has_selection)
            action.triggered.connect(self._on_tag_action)
        picker = menu.addAction(self.tr("Tag with…"))
        picker.setShortcut(QKeySequence("Ctrl+T"))
        picker.setEnabled(has_selection)
        picker.triggered.connect(view.tag_picker_requested)
        menu.addSeparator()
        word = self.selected_text()
        one_word = menu.addAction(self.tr("Treat as One Word"))
        one_word.setEnabled(1 < len(word) <= 30 and not any(c.isspace() for c in word))
        one_word.triggered.connect(self._on_treat_as_word)
        split = menu.addAction(self.tr("Split Article Here"))
        self._split_offset = view.text_edit.positions.to_cp(qt_position)
        length = len(view.article.text) if view.article is not None else 0
        split.setEnabled(0 < self._split_offset < length)
        split.triggered.connect(self._on_split_here)
        add_line_actions(menu, view, self._split_offset)
        menu.addSeparator()
        copy = menu.addAction(
            QIcon.fromTheme("edit-copy"), self.tr("Copy"), QKeySequence.StandardKey.Copy
        )
        copy.setEnabled(view.raw_selected_span() is not None)
        copy.triggered.connect(self.copy_selection)
        return menu

    def selected_text(self) -> str:
        """The stored text of the selection as made (no snapping); empty when none."""
        span = self.view.raw_selected_span()
        article = self.view.article
        if article is None or span is None:
            return ""
        return article.text[span[0] : span[1]]

    def _on_tag_action(self) -> None:
        action = self.sender()
        tag_id = action.data() if action is not None else None
        if isinstance(tag_id, int):
            self.view.apply_tag(tag_id)

    def _on_treat_as_word(self) -> None:
        word = self.selected_text().strip()
        if word:
            controller = self.view.controller
            project = controller.project
            if controller.run(lambda: project.add_user_word(word)) is not None:
                self.view.status_reported.emit(
                    self.tr("“%1” is now one word in this project").replace(
                        "%1", visible_controls(word)
                    )
                )

    def _on_split_here(self) -> None:
        article = self.view.article
        if article is None:
            return
        controller = self.view.controller
        article_id, offset, project = article.id, self._split_offset, controller.project
        controller.run(lambda: project.split_article(article_id, offset))

    def copy_selection(self) -> None:
        """Copy the stored text of the selection (never Qt's U+2029 paragraph marks)."""
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color) if QColor(color).isValid() else QColor("#9e9e9e"))
    return QIcon(pixmap)
