"""Which text a word statistic counts, on top of the shared filters: a tag and a part
(articles with it, inside its passages, outside them), with dates of its own for keyness."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.models import Tag
from hnreader.core.wordstats.subsets import ARTICLES, INSIDE, OUTSIDE, WordSubset
from hnreader.ui.common.plain_text import visible_controls

_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class WordSubsetEditor(QWidget):
    """[From … To …] Text: (all) | tag ▾ [articles with it | inside | outside its passages]."""

    changed = Signal()

    def __init__(self, *, with_dates: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM"))
            edit.setMaximumWidth(90)
            edit.setClearButtonEnabled(True)
            edit.editingFinished.connect(self.changed)
        if with_dates:
            row.addWidget(QLabel(self.tr("From")))
            row.addWidget(self.date_from)
            row.addWidget(QLabel(self.tr("To")))
            row.addWidget(self.date_to)
        else:
            self.date_from.hide()
            self.date_to.hide()
        self.publication = QComboBox()
        self.publication.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.publication.setMinimumWidth(110)
        self.tag = QComboBox()
        self.tag.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag.setMinimumWidth(120)
        self.part = QComboBox()
        for part, text in (
            (ARTICLES, self.tr("articles with the tag")),
            (INSIDE, self.tr("inside its passages")),
            (OUTSIDE, self.tr("outside its passages")),
        ):
            self.part.addItem(text, part)
        self.part.setToolTip(
            self.tr(
                "Inside: only the words wholly within the tag's passages; outside: every "
                "other word of the articles (the untagged text)"
            )
        )
        row.addWidget(self.publication)
        row.addWidget(QLabel(self.tr("Text")))
        row.addWidget(self.tag)
        row.addWidget(self.part)
        self.publication.currentIndexChanged.connect(self.changed)
        self.tag.currentIndexChanged.connect(self._on_tag)
        self.part.currentIndexChanged.connect(self.changed)
        self.set_tags([])
        self.set_publications([])

    def set_publications(self, publications: Sequence[tuple[str, int]]) -> None:
        chosen = self.publication.currentData()
        self.publication.blockSignals(True)
        self.publication.clear()
        self.publication.addItem(self.tr("Any publication"), "")
        for name, count in publications:
            self.publication.addItem(f"{visible_controls(name)} ({count:,})", name)
        self.publication.setCurrentIndex(max(0, self.publication.findData(chosen)))
        self.publication.blockSignals(False)

    def set_tags(self, tags: Sequence[Tag]) -> None:
        chosen = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All text"), None)
        for tag in tags:
            self.tag.addItem(visible_controls(tag.path), tag.id)
        self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)))
        self.tag.blockSignals(False)
        self.part.setEnabled(self.tag.currentData() is not None)

    def _on_tag(self) -> None:
        self.part.setEnabled(self.tag.currentData() is not None)
        self.changed.emit()

    def problem(self) -> str:
        for edit in (self.date_from, self.date_to):
            text = edit.text().strip()
            if text and not _DATE_BOUND.fullmatch(text):
                return self.tr("“%1” is not a date: write 2019, 2019-07 or 2019-07-15.").replace(
                    "%1", visible_controls(text)
                )
        return ""

    def subset(self, base: CodingFilter, with_subtags: bool) -> WordSubset:
        """The shared filters `base`, with this editor's dates (when given) and tag."""
        selection = base
        date_from, date_to = self.date_from.text().strip(), self.date_to.text().strip()
        if date_from or date_to:
            selection = replace(base, date_from=date_from, date_to=date_to)
        tag = self.tag.currentData()
        publication = str(self.publication.currentData() or "")
        if tag is None:
            return WordSubset(selection, publication=publication)
        return WordSubset(
            selection, (int(tag),), with_subtags, str(self.part.currentData()), publication
        )

    def describe(self) -> str:
        """The subset in words, for the summary line."""
        parts = []
        date_from, date_to = self.date_from.text().strip(), self.date_to.text().strip()
        if date_from or date_to:
            parts.append(f"{date_from or '…'} – {date_to or '…'}")
        if self.publication.currentData():
            parts.append(self.publication.currentText())
        if self.tag.currentData() is not None:
            parts.append(f"{self.tag.currentText()} ({self.part.currentText()})")
        return ", ".join(parts) or self.tr("all text")
