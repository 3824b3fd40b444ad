"""The filters every analysis shares: dates, a document variable, the coder, sub-tags."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.models import VariableSummary
from hnreader.ui.common.plain_text import visible_controls

_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class AnalysisFilterBar(QWidget):
    """From / To dates, variable = value, coder and "with sub-tags", in one row."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setMaximumWidth(110)
            edit.setClearButtonEnabled(True)
        self.date_from.setToolTip(self.tr("Only articles dated on or after this (2019, 2019-07)"))
        self.date_to.setToolTip(self.tr("Only articles dated up to this, inclusive (2020-06)"))
        self.variable = QComboBox()
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("value"))
        self.value.setMaximumWidth(140)
        self.coder = QComboBox()
        for combo in (self.variable, self.coder):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(110)  # full-width brackets in （任意） are measured short
        self.subtags = QCheckBox(self.tr("Include sub-tags"))
        self.subtags.setChecked(True)
        self.subtags.setToolTip(self.tr("A tag's passages include those of the tags below it"))
        for label, widget in (
            (self.tr("From"), self.date_from),
            (self.tr("To"), self.date_to),
            (self.tr("Variable"), self.variable),
            ("=", self.value),
            (self.tr("Coder"), self.coder),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(self.subtags)
        row.addStretch(1)
        for edit in (self.date_from, self.date_to, self.value):
            edit.editingFinished.connect(self.changed)
        self.variable.currentIndexChanged.connect(self._on_variable)
        self.coder.currentIndexChanged.connect(self.changed)
        self.subtags.toggled.connect(self.changed)
        self.set_choices([], [])

    def set_choices(self, variables: Sequence[VariableSummary], coders: Sequence[str]) -> None:
        """The project's variables and coders (the current choices are kept when they still
        exist)."""
        chosen_variable, chosen_coder = self.variable.currentData(), self.coder.currentData()
        for combo in (self.variable, self.coder):
            combo.blockSignals(True)
            combo.clear()
        self.variable.addItem(self.tr("(any)"), None)
        for summary in variables:
            self.variable.addItem(visible_controls(summary.name), summary.name)
        self.coder.addItem(self.tr("All coders"), None)
        for coder in coders:
            self.coder.addItem(visible_controls(coder) or self.tr("(no name)"), coder)
        for combo, chosen in ((self.variable, chosen_variable), (self.coder, chosen_coder)):
            found = combo.findData(chosen)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)
        self.value.setEnabled(self.variable.currentData() is not None)

    def _on_variable(self) -> None:
        self.value.setEnabled(self.variable.currentData() is not None)
        self.changed.emit()

    def problem(self) -> str:
        """Why the filters cannot be used as typed ("" when they can)."""
        for edit in (self.date_from, self.date_to):
            text = edit.text().strip()
            if text and not _DATE_BOUND.fullmatch(text):
                return self.tr("“%1” is not a date: write 2019, 2019-07 or 2019-07-15.").replace(
                    "%1", visible_controls(text)
                )
        return ""

    def with_subtags(self) -> bool:
        return self.subtags.isChecked()

    def selection(self, article_ids: Sequence[int] | None = None) -> CodingFilter:
        name = self.variable.currentData()
        where = ((str(name), self.value.text().strip()),) if name is not None else ()
        coder = self.coder.currentData()
        return CodingFilter(
            article_ids=article_ids,
            date_from=self.date_from.text().strip(),
            date_to=self.date_to.text().strip(),
            where=where,
            coder=None if coder is None else str(coder),
        )
