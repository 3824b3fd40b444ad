"""Editing an article's title and metadata."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import Article

FIELDS = ("title", "subtitle", "date", "byline", "publication")


class ArticleDetailsDialog(QDialog):
    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Article details"))
        self.setMinimumWidth(520)
        self.article = article
        self.edits = {name: QLineEdit(str(getattr(article, name))) for name in FIELDS}
        self.edits["date"].setPlaceholderText(self.tr("yyyy-mm-dd, or as written"))
        labels = {
            "title": self.tr("Title:"),
            "subtitle": self.tr("Kicker / subtitle:"),
            "date": self.tr("Date:"),
            "byline": self.tr("Byline:"),
            "publication": self.tr("Publication:"),
        }
        form = QFormLayout()
        for name in FIELDS:
            form.addRow(labels[name], self.edits[name])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def changed_fields(self) -> dict[str, str]:
        """Only the fields the user changed."""
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return {k: v for k, v in values.items() if v != str(getattr(self.article, k))}
