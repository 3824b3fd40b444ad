"""The import options as a form: split mode (with its pattern), default year, publication,
variables and encoding; `changed` whenever one of them does (issue 13, item 5)."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from hnreader.core.project import ImportOptions, import_options

# (mode, label) in the order the combo shows them; "pattern" takes the line edit's text.
_SPLITS = ("auto", "file", "headings", "pattern")
_ENCODINGS = ("", "utf-8", "gb18030", "big5", "utf-16")
_VARIABLE_SEPARATORS = re.compile(r"[,，;；]\s*")


class ImportOptionsForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, with_values: bool = True) -> None:
        super().__init__(parent)
        self.split = QComboBox()
        self.split.addItems(
            [
                self.tr("Automatic (hnreader decides)"),
                self.tr("One article per file"),
                self.tr("At headings (# … and 一、…)"),
                self.tr("At lines matching a pattern"),
            ]
        )
        self.pattern = QLineEdit()
        self.pattern.setPlaceholderText(self.tr("Regular expression, e.g. ^第.+期"))
        self.pattern.setEnabled(False)
        split_row = QHBoxLayout()
        split_row.setContentsMargins(0, 0, 0, 0)
        split_row.addWidget(self.split)
        split_row.addWidget(self.pattern, 1)
        self.year = QSpinBox()
        self.year.setRange(1799, 2200)
        self.year.setSpecialValueText(self.tr("From the files"))
        self.year.setValue(1799)
        self.year.setToolTip(self.tr("The year of dates that give none (5月24日)"))
        self.publication = QLineEdit()
        self.publication.setPlaceholderText(self.tr("As the files say"))
        self.variables = QLineEdit()
        self.variables.setPlaceholderText(self.tr("e.g. region=衡阳, section=要闻"))
        self.encoding = QComboBox()
        self.encoding.addItems([self.tr("Detect"), *_ENCODINGS[1:]])
        self.encoding.setToolTip(self.tr("How text files are decoded"))
        width = self.fontMetrics().horizontalAdvance("0" * 16) + 40
        for short in (self.year, self.encoding):
            short.setMinimumWidth(width)
            short.setMaximumWidth(width * 2)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Split into articles:"), split_row)
        form.addRow(self.tr("Default year:"), self.year)
        if with_values:
            form.addRow(self.tr("Publication:"), self.publication)
            form.addRow(self.tr("Variables:"), self.variables)
            form.addRow(self.tr("Encoding:"), self.encoding)
        else:
            for widget in (self.publication, self.variables, self.encoding):
                widget.hide()

        self.split.currentIndexChanged.connect(self._split_changed)
        self.pattern.textChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)
        self.publication.textChanged.connect(self.changed)
        self.variables.textChanged.connect(self.changed)
        self.encoding.currentIndexChanged.connect(self.changed)

    def _split_changed(self, index: int) -> None:
        self.pattern.setEnabled(_SPLITS[index] == "pattern")
        if self.pattern.isEnabled():
            self.pattern.setFocus()
        self.changed.emit()

    def set_split(self, spec: str) -> None:
        """Choose a split mode by its spec (auto, file, headings, pattern:REGEX)."""
        kind, _, expression = spec.partition(":")
        if kind == "pattern":
            self.pattern.setText(expression)
        self.split.setCurrentIndex(_SPLITS.index(kind))

    def split_spec(self) -> str:
        kind = _SPLITS[self.split.currentIndex()]
        return f"pattern:{self.pattern.text()}" if kind == "pattern" else kind

    def options(self) -> ImportOptions:
        """The options as chosen; an HnreaderError names what cannot be used."""
        year = self.year.value()
        return import_options(
            self.split_spec(),
            None if year == self.year.minimum() else year,
            self.publication.text(),
            [v for v in _VARIABLE_SEPARATORS.split(self.variables.text()) if v.strip()],
            _ENCODINGS[self.encoding.currentIndex()],
        )
