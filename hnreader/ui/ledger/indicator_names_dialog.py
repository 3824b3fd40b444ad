"""The project's own indicator names for the ledger: list, add (a new indicator or another
name of one), remove; each change one undo step. The shipped dictionary is a file to edit."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hnreader import paths
from hnreader.ui.common.input_dialogs import ask_text
from hnreader.ui.common.plain_text import visible_controls, window_title
from hnreader.ui.project.project_controller import ProjectController


class IndicatorNamesDialog(QDialog):
    """Names the ledger looks for before figures, besides the shipped dictionary's."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(window_title(self.tr("Indicator Names")))
        self.resize(520, 420)
        self.names: list[tuple[str, str, str]] = []
        intro = QLabel(
            self.tr(
                "This project's own indicator names. The ledger looks for them before "
                "figures, as it does for the names of the shipped dictionary (%1: one "
                "indicator a line; edit it to change them for every project)."
            ).replace("%1", str(paths.indicator_dictionary_path()))
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.model = QStringListModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("Add…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_name)
        self.remove_button.clicked.connect(self.remove_current)
        close.rejected.connect(self.reject)
        self.list_view.selectionModel().selectionChanged.connect(self._update_buttons)
        controller.history_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.names = self.controller.project.project_indicator_names()
        self.model.setStringList([_shown(name) for name in self.names])
        self._update_buttons()

    def current_name(self) -> str | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.names[rows[0].row()][0] if rows else None

    def _update_buttons(self, *_args: object) -> None:
        writable = not self.controller.project.read_only
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and self.current_name() is not None)

    def add_name(self) -> None:
        name, ok = ask_text(self, self.tr("Add Indicator Name"), self.tr("Name in the text:"))
        if not ok or not name.strip():
            return
        indicator, ok = ask_text(
            self,
            self.tr("Add Indicator Name"),
            self.tr("The indicator it is a name of (leave as is for a new indicator):"),
            name.strip(),
        )
        if ok:
            self.controller.run(
                partial(
                    self.controller.project.add_ledger_indicator,
                    name.strip(),
                    indicator.strip() if indicator.strip() != name.strip() else "",
                )
            )

    def remove_current(self) -> None:
        name = self.current_name()
        if name is not None:
            self.controller.run(partial(self.controller.project.remove_ledger_indicator, name))


def _shown(name: tuple[str, str, str]) -> str:
    alias, indicator, kinds = name
    text = alias if alias == indicator else f"{alias} → {indicator}"
    return visible_controls(text + (f"  ({kinds})" if kinds else ""))
