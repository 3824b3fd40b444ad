"""A table view for an analysis grid: row headings left-aligned, sensible column widths."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from hnreader.ui.analyse.analysis_grid_model import AnalysisGridModel


class GridView(QTableView):
    """Cells selectable one at a time; columns as wide as their heading, within bounds."""

    def __init__(self, model: AnalysisGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultAlignment(self.horizontalHeader().defaultAlignment())
        model.modelReset.connect(self.fit_columns)

    def fit_columns(self) -> None:
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        model = self.model()
        for column in range(model.columnCount()):
            text = str(model.headerData(column, header.orientation()) or "")
            width = metrics.horizontalAdvance(text) + 24
            self.setColumnWidth(column, max(64, min(width, 180)))
        self.verticalHeader().setMinimumWidth(120)
