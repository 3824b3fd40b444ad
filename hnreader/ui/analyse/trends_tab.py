"""The Trends tab: search terms or tags over months, quarters or years, a dispersion plot of
terms across the corpus, passages per tag; each drawn as a chart to export (PNG, SVG) with
its data (CSV, XLSX)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import Tag
from hnreader.core.trends.series import split_terms
from hnreader.core.trends.tables import dispersion_table, tag_frequency_table, trend_table
from hnreader.ui.analyse.retrieval_tab import empty_state
from hnreader.ui.common.plain_text import visible_controls

TREND, DISPERSION, TAGS = "trend", "dispersion", "tags"
TERMS, TAGGED = "terms", "tags"
PER = 10_000
TagIdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ChartRequest:
    """What the tab asks the window to compute in the background."""

    kind: str  # TREND, DISPERSION or TAGS
    terms: tuple[str, ...] = ()
    tag_ids: tuple[int, ...] = ()
    by: str = "month"
    whole_words: bool = False
    by_coder: bool = False


class TrendsTab(QWidget):
    """Controls on the left, the chart on the right."""

    run_requested = Signal()
    export_requested = Signal(object, str)  # a table, a file name to suggest
    passage_activated = Signal(int, int, int)  # a dispersion tick clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: tuple[ChartRequest, Any] | None = None
        self.chart: Any = None  # the ChartCanvas, made with the first result (matplotlib)
        self.kind = QComboBox()
        for value, text in (
            (TREND, self.tr("Frequency over time")),
            (DISPERSION, self.tr("Dispersion plot")),
            (TAGS, self.tr("Passages per tag")),
        ):
            self.kind.addItem(text, value)
        self.source = QComboBox()
        self.source.addItem(self.tr("Search terms"), TERMS)
        self.source.addItem(self.tr("Tags"), TAGGED)
        self.terms = QLineEdit()
        self.terms.setPlaceholderText(self.tr("精准扶贫, 脱贫攻坚"))
        self.terms.setToolTip(
            self.tr(
                "One or more search terms, separated by commas; each is searched as in the "
                "Search panel"
            )
        )
        self.whole_words = QCheckBox(self.tr("Whole words only"))
        self.tag_model = QStandardItemModel(self)
        self.tag_list = QListView()
        self.tag_list.setModel(self.tag_model)
        self.tag_list.setMinimumHeight(120)
        self.period = QComboBox()
        for value, text in (
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("year", self.tr("Year")),
        ):
            self.period.addItem(text, value)
        self.measure = QComboBox()
        self.measure.addItem(self.tr("Count"), 0)
        self.measure.addItem(self.tr("Per 10,000 characters"), PER)
        self.style_box = QComboBox()
        self.style_box.addItem(self.tr("Line"), "line")
        self.style_box.addItem(self.tr("Bars"), "bar")
        self.by_coder = QCheckBox(self.tr("One bar per coder"))
        self.draw_button = QPushButton(self.tr("Draw"))
        self.draw_button.setDefault(True)
        self.export_button = QPushButton(self.tr("Export"))
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Chart as PNG…"), self._export_png)
        menu.addAction(self.tr("Chart as SVG…"), self._export_svg)
        menu.addAction(self.tr("Data as CSV or Excel…"), self._export_data)
        self.export_button.setMenu(menu)
        self.export_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Chart"), self.kind)
        form.addRow(self.tr("Counting"), self.source)
        form.addRow(self.tr("Terms"), self.terms)
        form.addRow("", self.whole_words)
        form.addRow(self.tr("Tags"), self.tag_list)
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Values"), self.measure)
        form.addRow(self.tr("Draw as"), self.style_box)
        form.addRow("", self.by_coder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draw_button)
        buttons.addWidget(self.export_button)
        controls = QWidget()
        controls.setFixedWidth(300)
        side = QVBoxLayout(controls)
        side.setContentsMargins(0, 0, 0, 0)
        side.addLayout(form)
        side.addLayout(buttons)
        side.addStretch(1)
        self.form = form
        self.hint = empty_state("")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addWidget(self.summary)
        layout = QHBoxLayout(self)
        layout.addWidget(controls)
        layout.addLayout(right, 1)

        self.terms.returnPressed.connect(self.run_requested)
        self.draw_button.clicked.connect(self.run_requested)
        for combo in (self.kind, self.source):
            combo.currentIndexChanged.connect(self._on_kind_changed)
        for combo in (self.period,):
            combo.currentIndexChanged.connect(self.run_requested)
        self.by_coder.toggled.connect(self.run_requested)
        self.whole_words.toggled.connect(self.run_requested)
        self.measure.currentIndexChanged.connect(self.redraw)
        self.style_box.currentIndexChanged.connect(self.redraw)
        self.tag_model.itemChanged.connect(self._on_tag_ticked)
        self._on_kind_changed()

    # -- choices

    def set_tags(self, tags: Sequence[Tag]) -> None:
        ticked = set(self.ticked_tags())
        self.tag_model.blockSignals(True)
        self.tag_model.clear()
        for tag in tags:
            item = QStandardItem("\u3000" * tag.path.count("/") + visible_controls(tag.name))
            item.setData(tag.id, TagIdRole)
            item.setToolTip(visible_controls(tag.path))
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if tag.id in ticked else Qt.CheckState.Unchecked
            )
            self.tag_model.appendRow(item)
        self.tag_model.blockSignals(False)

    def ticked_tags(self) -> list[int]:
        return [
            int(self.tag_model.item(row).data(TagIdRole))
            for row in range(self.tag_model.rowCount())
            if self.tag_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _on_tag_ticked(self, _item: QStandardItem) -> None:
        self.run_requested.emit()

    def _on_kind_changed(self) -> None:
        kind, source = self.kind.currentData(), self.source.currentData()
        terms = kind == DISPERSION or (kind == TREND and source == TERMS)
        shown = {
            self.source: kind == TREND,
            self.terms: terms,
            self.whole_words: terms,
            self.tag_list: not terms,
            self.period: kind == TREND,
            self.measure: kind == TREND,
            self.style_box: kind == TREND,
            self.by_coder: kind == TAGS,
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        self.run_requested.emit()

    def request(self) -> ChartRequest | None:
        """What to compute, or None (with the hint saying what is missing)."""
        kind = str(self.kind.currentData())
        terms = tuple(split_terms(self.terms.text()))
        by = str(self.period.currentData())
        if kind == TAGS:
            return ChartRequest(
                TAGS, tag_ids=tuple(self.ticked_tags()), by_coder=self.by_coder.isChecked()
            )
        if kind == TREND and self.source.currentData() == TAGGED:
            if not self.ticked_tags():
                self.show_hint(
                    self.tr("Tick one or more tags: the chart counts their passages per period.")
                )
                return None
            return ChartRequest(TREND, tag_ids=tuple(self.ticked_tags()), by=by)
        if not terms:
            self.show_hint(
                self.tr(
                    "Type one or more search terms (separated by commas) and press Enter: "
                    "the chart shows how often they occur."
                )
            )
            return None
        return ChartRequest(kind, terms=terms, by=by, whole_words=self.whole_words.isChecked())

    # -- results

    def show_hint(self, text: str) -> None:
        self.result = None
        self.export_button.setEnabled(False)
        self.summary.setText("")
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def show_result(self, result: tuple[ChartRequest, Any]) -> None:
        self.result = result
        self.redraw()

    def redraw(self) -> None:
        if self.result is None:
            return
        request, data = self.result
        if self.chart is None:
            from hnreader.ui.analyse.chart_canvas import ChartCanvas

            self.chart = ChartCanvas()
            self.chart.hit_clicked.connect(self.passage_activated)
            self.stack.addWidget(self.chart)
        from hnreader.ui.analyse.chart_words import ChartWording

        wording = ChartWording(self)
        if request.kind == TREND:
            per = int(self.measure.currentData())
            if not data.periods:
                self.show_hint(self.tr("No dated article matches the dates and filters above."))
                return
            words = wording.trend(data, per)
            self.chart.draw(TREND, data, words, per=per or None, style=self.style_box.currentData())
            self.summary.setText(wording.trend_summary(data))
        elif request.kind == DISPERSION:
            if not data.article_ids:
                self.show_hint(self.tr("No dated article matches the dates and filters above."))
                return
            self.chart.draw(DISPERSION, data, wording.dispersion(data))
            self.summary.setText(wording.dispersion_summary(data))
        else:
            if not data.tags:
                self.show_hint(
                    self.tr(
                        "There are no tags yet. Create tags in the Tags panel and tag passages "
                        "in the reader."
                    )
                )
                return
            names = [visible_controls(c) or self.tr("(no name)") for c in data.coders]
            self.chart.draw(TAGS, data, wording.tags(data), coder_names=names)
            self.summary.setText(self.tr("%n passage(s) in all", "", sum(data.totals())))
        self.export_button.setEnabled(True)
        self.stack.setCurrentWidget(self.chart)

    # -- export

    def table(self) -> object | None:
        if self.result is None:
            return None
        request, data = self.result
        if request.kind == TREND:
            return trend_table(data, PER)
        if request.kind == DISPERSION:
            return dispersion_table(data)
        return tag_frequency_table(data)

    def export_chart_to(self, path: Path) -> None:
        if self.chart is not None and self.result is not None:
            self.chart.save(path)

    def _export_chart(self, suffix: str, filter_text: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Chart"), str(Path.home() / f"{self._name()}{suffix}"), filter_text
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        self.export_chart_to(path)
        self.summary.setText(
            self.tr("Wrote the chart to %1").replace("%1", visible_controls(str(path)))
        )
        return path

    def _export_png(self) -> None:
        self._export_chart(".png", self.tr("PNG image (*.png)"))

    def _export_svg(self) -> None:
        self._export_chart(".svg", self.tr("SVG drawing (*.svg)"))

    def _export_data(self) -> None:
        table = self.table()
        if table is not None:
            self.export_requested.emit(table, self._name())

    def _name(self) -> str:
        kind = self.result[0].kind if self.result else TREND
        return {TREND: self.tr("trend"), DISPERSION: self.tr("dispersion")}.get(
            kind, self.tr("tag-frequencies")
        )
