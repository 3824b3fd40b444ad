"""The box under the reader's text listing the lines set aside from the article on import."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QMenu, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from hnreader.core.models import RemovedLine
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.removed_reasons import reason_text

REMOVED_ROWS = 6  # the box shows this many lines, then scrolls


class RemovedLinesBox(QFrame):
    """A toggle naming how many lines were set aside, over those lines as plain text; a
    line's context menu restores it to the article (`restore_requested`, 1-based)."""

    restore_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        self.toggle = QToolButton(self)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.toggled.connect(self._on_toggled)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.toggle)
        layout.addWidget(self.text)
        self._count = 0
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._line_menu)
        self.hide()

    def line_menu(self, point: QPoint) -> QMenu:
        """The menu of the set-aside line at a point of the text's viewport."""
        menu = QMenu(self)
        line = self.text.cursorForPosition(point).blockNumber() + 1
        restore = menu.addAction(self.tr("Restore This Line to the Article"))
        restore.setEnabled(1 <= line <= self._count)
        restore.triggered.connect(lambda: self.restore_requested.emit(line))
        return menu

    def _line_menu(self, point: QPoint) -> None:
        menu = self.line_menu(point)
        menu.exec(self.text.viewport().mapToGlobal(point))
        menu.deleteLater()

    def show_lines(self, lines: Sequence[RemovedLine]) -> None:
        self._count = len(lines)
        self.toggle.setText(
            (
                self.tr("Set aside on import — not part of the article (1 line)")
                if len(lines) == 1
                else self.tr("Set aside on import — not part of the article (%1 lines)")
            ).replace("%1", f"{len(lines):,}")
        )
        self.text.setPlainText(
            visible_controls(
                "\n".join(
                    f"[{reason_text(line.reason)}] {line.text.replace(chr(10), ' ')}"
                    for line in lines
                )
            )
            if lines
            else self.tr("No lines were set aside from this article.")
        )
        rows = min(max(1, len(lines)), REMOVED_ROWS)
        height = self.text.fontMetrics().lineSpacing() * rows
        self.text.setFixedHeight(height + 2 * int(self.text.document().documentMargin()) + 4)
        self.show()

    def _on_toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.text.setVisible(expanded)
