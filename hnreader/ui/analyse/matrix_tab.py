"""The Code Matrix tab: tags down, articles or groups across, passages, 0/1 or share."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.coding_analysis.corpus import CodedCorpus
from hnreader.core.coding_analysis.matrix import CodeMatrix
from hnreader.core.coding_analysis.tables import matrix_table, presence_table
from hnreader.core.models import VariableSummary
from hnreader.ui.analyse.analysis_grid_model import AnalysisGridModel, GridLabel
from hnreader.ui.analyse.grid_view import GridView
from hnreader.ui.analyse.retrieval_tab import empty_state
from hnreader.ui.common.date_text import shown_date
from hnreader.ui.common.plain_text import visible_controls


class MatrixTab(QWidget):
    """The code × document matrix; clicking a cell lists its passages."""

    cell_requested = Signal(int, object)  # tag id, the article ids of the column
    run_requested = Signal()
    export_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: tuple[CodedCorpus, CodeMatrix] | None = None
        self.by = QComboBox()
        self.measure = QComboBox()
        for measure, text in (
            ("count", self.tr("Passages")),
            ("presence", self.tr("Present (0/1)")),
            ("share", self.tr("Share of characters coded")),
        ):
            self.measure.addItem(text, measure)
        self.set_variables([])
        self.export_button = QPushButton(self.tr("Export"))
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("This Table…"), self._export_table)
        self.presence_action = menu.addAction(
            self.tr("0/1 Article × Tag Table…"), self._export_presence
        )
        self.export_button.setMenu(menu)
        self.export_button.setEnabled(False)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = AnalysisGridModel(self)
        self.view = GridView(self.model)
        self.hint = empty_state("")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.view)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Columns")))
        top.addWidget(self.by)
        top.addWidget(QLabel(self.tr("Cells")))
        top.addWidget(self.measure)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.by.currentIndexChanged.connect(self.run_requested)
        self.measure.currentIndexChanged.connect(self.run_requested)
        self.view.clicked.connect(self._on_clicked)
        self.show_hint(self.tr("Computing…"))

    def set_variables(self, variables: Sequence[VariableSummary]) -> None:
        chosen = self.by.currentData()
        self.by.blockSignals(True)
        self.by.clear()
        for by, text in (
            ("article", self.tr("Each article")),
            ("publication", self.tr("Publication")),
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("year", self.tr("Year")),
        ):
            self.by.addItem(text, by)
        for variable in variables:
            self.by.addItem(
                self.tr("Variable: %1").replace("%1", visible_controls(variable.name)),
                variable.name,
            )
        self.by.setCurrentIndex(max(0, self.by.findData(chosen)))
        self.by.blockSignals(False)

    def by_value(self) -> str:
        return str(self.by.currentData())

    def measure_value(self) -> str:
        return str(self.measure.currentData())

    def show_hint(self, text: str) -> None:
        self.result = None
        self.model.set_grid([], [], [], "count")
        self.export_button.setEnabled(False)
        self.summary.setText("")
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def show_matrix(self, result: tuple[CodedCorpus, CodeMatrix]) -> None:
        corpus, matrix = result
        if not matrix.tags:
            self.show_hint(
                self.tr(
                    "There are no tags yet. Create tags in the Tags panel and tag passages in "
                    "the reader; this matrix then counts them per article or group."
                )
            )
            return
        if not matrix.columns:
            self.show_hint(self.tr("No article matches the dates and filters above."))
            return
        self.result = result
        rows = [
            GridLabel(tag.name, depth, str(tag.id), tag.path)
            for tag, depth in zip(matrix.tags, matrix.depths, strict=True)
        ]
        columns = [self._column_label(corpus, matrix, c) for c in matrix.columns]
        self.model.set_grid(rows, columns, matrix.cells, matrix.measure)
        self.export_button.setEnabled(True)
        self.presence_action.setEnabled(matrix.by == "article")
        self.summary.setText(
            self.tr("%1 tags × %2 columns, %3 articles")
            .replace("%1", str(len(rows)))
            .replace("%2", str(len(columns)))
            .replace("%3", str(len(corpus.articles)))
        )
        self.stack.setCurrentWidget(self.view)

    def _column_label(self, corpus: CodedCorpus, matrix: CodeMatrix, column) -> GridLabel:  # type: ignore[no-untyped-def]
        if matrix.by == "article":
            article = corpus.articles[int(column.key)]
            title = article.title if len(article.title) <= 12 else article.title[:11] + "…"
            detail = f"{article.title}\n{shown_date(article.date)} {article.publication}"
            return GridLabel(title, 0, column.key, detail.strip())
        missing = {
            "publication": self.tr("(no publication)"),
            "month": self.tr("(no date)"),
            "quarter": self.tr("(no date)"),
            "year": self.tr("(no date)"),
        }.get(matrix.by, self.tr("(not set)"))
        text = visible_controls(column.key) or missing
        detail = self.tr("%1: %n article(s)", "", len(column.article_ids)).replace("%1", text)
        return GridLabel(text, 0, column.key, detail)

    def _on_clicked(self, index: QModelIndex) -> None:
        if self.result is None:
            return
        _, matrix = self.result
        tag = matrix.tags[index.row()]
        self.cell_requested.emit(tag.id, matrix.columns[index.column()].article_ids)

    def _export_table(self) -> None:
        if self.result is not None:
            self.export_requested.emit(matrix_table(self.result[1]), self.tr("code-matrix"))

    def _export_presence(self) -> None:
        # Any measure by article gives the same 0/1 table: a cell is 1 when it is not 0.
        if self.result is not None and self.result[1].by == "article":
            corpus, matrix = self.result
            self.export_requested.emit(presence_table(corpus, matrix), self.tr("articles-by-tag"))
