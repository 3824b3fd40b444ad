"""A matplotlib figure on a QtAgg canvas: the charts drawn by `hnreader.charts`, a click on a
dispersion tick opening the hit in the reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hnreader.charts import drawing
from hnreader.core.trends.dispersion import Dispersion

CLICK_PIXELS = 4  # how near a click must be to a tick


class ChartCanvas(QWidget):
    """The chart of the Trends tab; it keeps the figure for export."""

    hit_clicked = Signal(int, int, int)  # article id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self.figure = drawing.new_figure()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(480, 300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.dispersion: Dispersion | None = None
        self.canvas.mpl_connect("button_press_event", self._on_press)

    def draw(self, kind: str, data: Any, words: drawing.ChartWords, **options: Any) -> None:
        self.dispersion = data if kind == "dispersion" else None
        if kind == "trend":
            drawing.draw_trend(self.figure, data, words, **options)
        elif kind == "dispersion":
            drawing.draw_dispersion(self.figure, data, words)
        else:
            drawing.draw_tag_frequencies(self.figure, data, words, grow=False, **options)
        self.canvas.draw()

    def save(self, path: Path) -> None:
        drawing.save_chart(self.figure, path)
        self.canvas.draw()  # saving re-lays the figure out at the file's size

    def tick_position(self, row: int, hit: int) -> tuple[float, float]:
        """Where a dispersion tick is on the canvas, in Qt's logical pixels (for tests and
        tooltips): x from the left, y from the top."""
        assert self.dispersion is not None
        axes = self.figure.axes[0]
        y = len(self.dispersion.rows) - 1 - row
        x_px, y_px = axes.transData.transform((self.dispersion.rows[row].positions[hit], y))
        ratio = self.canvas.device_pixel_ratio or 1
        return x_px / ratio, (self.figure.bbox.height - y_px) / ratio

    def _on_press(self, event: Any) -> None:
        result = self.dispersion
        if result is None or event.inaxes is None or event.xdata is None:
            return
        row = len(result.rows) - 1 - round(event.ydata)
        if not 0 <= row < len(result.rows):
            return
        axes = event.inaxes
        left, right = axes.get_xlim()
        per_pixel = (right - left) / max(1.0, axes.bbox.width)
        hit = result.rows[row].hit_near(event.xdata, CLICK_PIXELS * per_pixel)
        if hit is not None:
            self.hit_clicked.emit(*hit)
