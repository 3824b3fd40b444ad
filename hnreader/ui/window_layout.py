"""Part of `MainWindow`: where its docks are, Reset Layout, and the layout kept per screen
size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

if TYPE_CHECKING:
    from hnreader.ui.common.settings import Settings
    from hnreader.ui.reader.reader_view import ReaderView


class WindowLayout(QMainWindow):
    """The docks' arrangement of the main window (mixed into `MainWindow`)."""

    settings: Settings
    reader: ReaderView
    library_dock: QDockWidget
    tags_dock: QDockWidget
    annotations_dock: QDockWidget
    search_dock: QDockWidget
    figures_dock: QDockWidget
    memos_dock: QDockWidget

    def _arrange_docks(self) -> None:
        """The docks where a new window has them: library left, codebook right, the
        annotations, search and figures tabbed below with room for a dozen rows."""
        areas = (
            (self.library_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
            (self.tags_dock, Qt.DockWidgetArea.RightDockWidgetArea),
            (self.annotations_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
            (self.search_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
            (self.figures_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
            (self.memos_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
        )
        for dock, area in areas:
            dock.setFloating(False)
            self.addDockWidget(area, dock)
            dock.show()
        self.tabifyDockWidget(self.annotations_dock, self.search_dock)
        self.tabifyDockWidget(self.search_dock, self.figures_dock)
        self.tabifyDockWidget(self.figures_dock, self.memos_dock)
        self.annotations_dock.raise_()
        self.resizeDocks([self.library_dock, self.tags_dock], [420, 300], Qt.Orientation.Horizontal)
        screen = self.screen() or QApplication.primaryScreen()
        tall = max(self.height(), screen.availableGeometry().height() if screen else 0)
        height = max(240, tall * 36 // 100)  # about a dozen rows of hits at 1000 pixels
        self.resizeDocks([self.annotations_dock], [height], Qt.Orientation.Vertical)

    def reset_layout(self) -> None:
        """View ▸ Reset Layout: every dock back where a new window has it."""
        self._arrange_docks()

    def _screen_key(self) -> str:
        screen = self.screen() or QApplication.primaryScreen()
        size = screen.availableGeometry().size() if screen is not None else None
        return f"{size.width()}x{size.height()}" if size is not None else ""

    def _restore_state(self) -> None:
        """The window's size and docks as last left on a screen of this size."""
        geometry, state = self.settings.layout(self._screen_key())
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.reader.set_font_size(self.settings.font_size)
        self.reader.set_line_spacing(self.settings.line_spacing)
        self.reader.set_show_segmentation(self.settings.show_segmentation)
