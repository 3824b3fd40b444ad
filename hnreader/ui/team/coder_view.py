"""Whose coding the reader shows (issue 17): every coder's, one coder's, or two coders'
compared in two colours. A toolbar box offers the choices once the project has two coders;
the reader asks `coloured()` for what to draw."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from hnreader.core.models import Annotation

# Two colours told apart by colour-blind readers too (Okabe–Ito blue and vermilion).
FIRST_COLOR, SECOND_COLOR = QColor("#0072B2"), QColor("#D55E00")


@dataclass(frozen=True)
class CoderView:
    """All coders (`coders` empty), one coder, or two compared."""

    coders: tuple[str, ...] = ()

    @property
    def compares(self) -> bool:
        return len(self.coders) == 2

    def coloured(
        self, annotations: Sequence[Annotation], tag_color: Callable[[Annotation], QColor]
    ) -> list[tuple[Annotation, QColor]]:
        """The annotations to draw and their colours: the tag's, or the coder's when two
        coders are compared (a passage both coded is drawn twice, so it shows both)."""
        if not self.coders:
            return [(a, tag_color(a)) for a in annotations]
        if not self.compares:
            return [(a, tag_color(a)) for a in annotations if a.coder == self.coders[0]]
        first, second = self.coders
        colours = {first: FIRST_COLOR, second: SECOND_COLOR}
        return [(a, colours[a.coder]) for a in annotations if a.coder in colours]


class CoderViewBox(QWidget):
    """The toolbar's choice of whose coding the reader shows, with the compared coders'
    colours as a legend. Hidden while the project has fewer than two coders."""

    changed = Signal(object)  # the CoderView chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QComboBox(self)
        self.box.setToolTip(
            QCoreApplication.translate(
                "CoderViewBox",
                "Whose coding the reader shows: every coder's, one coder's, or two coders' "
                "compared in two colours",
            )
        )
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.box.currentIndexChanged.connect(self._chosen)
        self.first, self.second = QLabel(self), QLabel(self)
        for label, colour in ((self.first, FIRST_COLOR), (self.second, SECOND_COLOR)):
            label.setTextFormat(Qt.TextFormat.PlainText)  # coder names are data
            label.setStyleSheet(f"color: {colour.name()}; font-weight: bold")  # the legend
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.first)
        layout.addWidget(self.second)
        self._coders: list[str] = []
        self.set_coders([])

    def view(self) -> CoderView:
        data = self.box.currentData()
        return CoderView(tuple(data) if data else ())

    def set_coders(self, coders: Sequence[str]) -> None:
        """The choices for these coders, the current one kept when it still exists."""
        coders = list(coders)
        if coders == self._coders and self.box.count():
            return
        self._coders = coders
        current = self.box.currentData()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(QCoreApplication.translate("CoderViewBox", "All coders"), ())
        for coder in coders:
            only = QCoreApplication.translate("CoderViewBox", "Only %1")
            self.box.addItem(only.replace("%1", coder), (coder,))
        for first, second in combinations(coders, 2):
            both = QCoreApplication.translate("CoderViewBox", "Compare %1 and %2")
            self.box.addItem(both.replace("%1", first).replace("%2", second), (first, second))
        index = self.box.findData(current) if current else 0
        self.box.setCurrentIndex(max(index, 0))
        self.box.blockSignals(False)
        self.setVisible(len(coders) >= 2)
        self._chosen()

    def _chosen(self, _index: int = 0) -> None:
        view = self.view()
        compares = view.compares
        names = view.coders if compares else ("", "")
        for label, name in zip((self.first, self.second), names, strict=True):
            label.setText(f"■ {name}")
            label.setVisible(compares)
        self.changed.emit(view)
