"""The library's document-variable bar (issue 13, item 4): which variables are columns
(a menu of checkable names), and a filter "variable = value" with the values present."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QToolButton, QWidget

from hnreader.core.project import Project
from hnreader.ui.common.plain_text import action_text, visible_controls

MAX_VALUES = 500  # values offered in the filter (a variable with more is filtered by column sort)


class VariableFilterBar(QWidget):
    """`changed` when the chosen columns or the filter change; hidden without variables."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._values: dict[str, dict[int, str]] = {}  # read once per variable and refresh
        self._kinds: dict[str, str] = {}
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setToolTip(self.tr("Show document variables as columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self)
        self.columns_button.setMenu(self.columns_menu)
        self.variable = QComboBox()
        self.variable.setToolTip(self.tr("Keep only the articles with this variable's value"))
        self.value = QComboBox()
        self.value.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.columns_button)
        layout.addWidget(self.variable)
        layout.addWidget(self.value, 1)
        self.variable.currentIndexChanged.connect(self._variable_chosen)
        self.value.currentIndexChanged.connect(self.changed)

    def load(self, project: Project) -> None:
        """The project's variables (names kept checked and chosen where they still exist)."""
        self._project = project
        self._values.clear()
        summaries = project.variables()
        self._kinds = {v.name: v.kind for v in summaries}
        checked = set(self.columns())
        self.columns_menu.clear()
        for summary in summaries:
            action = self.columns_menu.addAction(action_text(summary.name))
            action.setData(summary.name)
            action.setCheckable(True)
            action.setChecked(summary.name in checked)
            action.toggled.connect(self.changed)
        chosen, value = self.variable.currentData(), self.value.currentData()
        self.variable.blockSignals(True)
        self.variable.clear()
        self.variable.addItem(self.tr("Any variable"), None)
        for summary in summaries:
            self.variable.addItem(visible_controls(summary.name), summary.name)
        index = self.variable.findData(chosen) if chosen else 0
        self.variable.setCurrentIndex(max(0, index))
        self.variable.blockSignals(False)
        self._fill_values(value)
        self.setVisible(bool(summaries))

    def columns(self) -> list[str]:
        return [a.data() for a in self.columns_menu.actions() if a.isChecked()]

    def value_filter(self) -> tuple[str, str] | None:
        name, value = self.variable.currentData(), self.value.currentData()
        return (name, value) if name and value is not None else None

    def values(self) -> dict[str, dict[int, str]]:
        """{name: {article id: value}} of the chosen columns and the filtered variable."""
        names = self.columns()
        chosen = self.variable.currentData()
        wanted = [*names, chosen] if chosen and chosen not in names else names
        return {name: self._values_of(name) for name in wanted}

    def kinds(self) -> dict[str, str]:
        return dict(self._kinds)

    def _values_of(self, name: str) -> dict[int, str]:
        if name not in self._values and self._project is not None:
            self._values[name] = self._project.variable_values(name)
        return self._values.get(name, {})

    def _variable_chosen(self, _index: int) -> None:
        self._fill_values(None)
        self.changed.emit()

    def _fill_values(self, keep: str | None) -> None:
        name = self.variable.currentData()
        self.value.blockSignals(True)
        self.value.clear()
        if name:
            counts = Counter(v for v in self._values_of(name).values() if v != "")
            self.value.addItem(self.tr("All values"), None)
            for value, count in sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))[:MAX_VALUES]:
                self.value.addItem(visible_controls(f"{value}  ({count:,})"), value)
            index = self.value.findData(keep) if keep is not None else 0
            self.value.setCurrentIndex(max(0, index))
        self.value.setEnabled(bool(name))
        self.value.blockSignals(False)
