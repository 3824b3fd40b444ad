"""The Co-occurrence tab: tag × tag, by overlap, sentence, paragraph or article."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.coding_analysis.cooccurrence import Cooccurrence
from hnreader.core.coding_analysis.tables import cooccurrence_table
from hnreader.ui.analyse.analysis_grid_model import AnalysisGridModel, GridLabel
from hnreader.ui.analyse.grid_view import GridView
from hnreader.ui.analyse.retrieval_tab import empty_state


class CooccurrenceTab(QWidget):
    """Counts or Jaccard for every pair of tags; clicking a cell lists the pair's passages."""

    pair_requested = Signal(int, int, str)  # tag ids, the scope as a retrieval mode
    run_requested = Signal()
    export_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Cooccurrence | None = None
        self.scope = QComboBox()
        for scope, text in (
            ("overlap", self.tr("Overlapping passages")),
            ("sentence", self.tr("Same sentence")),
            ("paragraph", self.tr("Same paragraph")),
            ("article", self.tr("Same article")),
        ):
            self.scope.addItem(text, scope)
        self.measure = QComboBox()
        self.measure.addItem(self.tr("Counts"), "count")
        self.measure.addItem(self.tr("Jaccard (0–1)"), "jaccard")
        self.measure.setToolTip(
            self.tr(
                "Jaccard: the units with both tags divided by the units with either (for "
                "overlaps: the characters coded with both divided by those with either)"
            )
        )
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setEnabled(False)
        self.model = AnalysisGridModel(self)
        self.view = GridView(self.model)
        self.hint = empty_state("")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.view)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Together in")))
        top.addWidget(self.scope)
        top.addWidget(QLabel(self.tr("Cells")))
        top.addWidget(self.measure)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        layout.addWidget(self.stack, 1)
        self.scope.currentIndexChanged.connect(self.run_requested)
        self.measure.currentIndexChanged.connect(self._show)
        self.view.clicked.connect(self._on_clicked)
        self.export_button.clicked.connect(self._export)
        self.show_hint(self.tr("Computing…"))

    def scope_value(self) -> str:
        return str(self.scope.currentData())

    def show_hint(self, text: str) -> None:
        self.result = None
        self.model.set_grid([], [], [], "count")
        self.export_button.setEnabled(False)
        self.explanation.setText("")
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def show_result(self, result: Cooccurrence) -> None:
        if not result.tags:
            self.show_hint(
                self.tr(
                    "There are no tags yet. Create tags in the Tags panel and tag passages in "
                    "the reader; this table then shows which tags occur together."
                )
            )
            return
        self.result = result
        self._show()

    def _show(self) -> None:
        result = self.result
        if result is None:
            return
        labels = [
            GridLabel(tag.name, depth, str(tag.id), tag.path)
            for tag, depth in zip(result.tags, result.depths, strict=True)
        ]
        columns = [GridLabel(tag.name, 0, str(tag.id), tag.path) for tag in result.tags]
        jaccard = self.measure.currentData() == "jaccard"
        self.model.set_grid(
            labels,
            columns,
            result.jaccard if jaccard else result.counts,
            str(self.measure.currentData()),
        )
        self.explanation.setText(
            {
                "overlap": self.tr(
                    "Each cell: pairs of overlapping passages, one of each tag (a passage "
                    "with both tags counts once). The diagonal: the tag's passages."
                ),
                "sentence": self.tr(
                    "Each cell: sentences holding passages of both tags. The diagonal: "
                    "sentences with the tag."
                ),
                "paragraph": self.tr(
                    "Each cell: paragraphs holding passages of both tags. The diagonal: "
                    "paragraphs with the tag."
                ),
                "article": self.tr(
                    "Each cell: articles with passages of both tags. The diagonal: articles "
                    "with the tag."
                ),
            }[result.scope]
            + " "
            + self.tr("Click a cell to list its passages.")
        )
        self.export_button.setEnabled(True)
        self.stack.setCurrentWidget(self.view)

    def _on_clicked(self, index: QModelIndex) -> None:
        if self.result is None:
            return
        a, b = self.result.tags[index.row()], self.result.tags[index.column()]
        self.pair_requested.emit(a.id, b.id, self.result.scope)

    def _export(self) -> None:
        if self.result is not None:
            self.export_requested.emit(cooccurrence_table(self.result), self.tr("co-occurrence"))
