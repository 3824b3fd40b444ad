"""Editing an article's title and metadata; its document variables shown read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import Article
from hnreader.ui.library.variables_table_model import VariablesTableModel

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
        self.variables_model = VariablesTableModel(article.variables, self)
        if article.variables:
            label = QLabel(self.tr("Variables (from the imported file; not editable here):"))
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.variables_view = QTableView(self)
            self.variables_view.setModel(self.variables_model)
            self.variables_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.variables_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.variables_view.verticalHeader().hide()
            header = self.variables_view.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            self.variables_view.setMaximumHeight(160)
            layout.addWidget(label)
            layout.addWidget(self.variables_view)
        layout.addWidget(buttons)

    def changed_fields(self) -> dict[str, str]:
        """Only the fields the user changed."""
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return {k: v for k, v in values.items() if v != str(getattr(self.article, k))}
