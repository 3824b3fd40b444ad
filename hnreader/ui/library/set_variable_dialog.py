"""Library ▸ Set Variable…: one document variable's value for the selected articles (an
empty value removes it), in one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SetVariableDialog(QDialog):
    def __init__(self, names: list[str], count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set Variable"))
        intro = QLabel(
            (
                self.tr("Give the selected article a variable's value.")
                if count == 1
                else self.tr("Give the %1 selected articles a variable's value.").replace(
                    "%1", f"{count:,}"
                )
            )
            + "\n"
            + self.tr("An empty value removes the variable. Edit ▸ Undo takes it back.")
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.name_box = QComboBox()
        self.name_box.setEditable(True)
        self.name_box.addItems(names)  # plain text items: names are data
        self.name_box.setCurrentText("")
        self.name_box.lineEdit().setPlaceholderText(self.tr("e.g. region"))
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("e.g. 衡阳"))
        form = QFormLayout()
        form.addRow(self.tr("Variable:"), self.name_box)
        form.addRow(self.tr("Value:"), self.value_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.name_box.currentTextChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def name(self) -> str:
        return self.name_box.currentText().strip()

    def value(self) -> str:
        return self.value_edit.text().strip()
