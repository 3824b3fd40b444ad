"""The project's stop words, one a line, edited as text: added and removed words become one
undoable change each."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class StopWordsDialog(QDialog):
    def __init__(self, words: frozenset[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stop Words"))
        self.resize(420, 520)
        self.original = words
        note = QLabel(
            self.tr(
                "Words left out of word lists, keyness and collocates, one a line. The list "
                "starts from the one shipped with hnreader; your changes stay in this project "
                "and can be undone."
            )
        )
        note.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setPlainText("\n".join(sorted(words)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)

    def words(self) -> frozenset[str]:
        return frozenset(
            line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()
        )

    def added(self) -> list[str]:
        return sorted(self.words() - self.original)

    def removed(self) -> list[str]:
        return sorted(self.original - self.words())
