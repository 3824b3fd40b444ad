"""Editing an article's title and metadata: credits, where it was published, its link;
showing which lines of which source file it came from, and its document variables
(read-only)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import Article
from hnreader.core.text.credits import shown_byline
from hnreader.ui.common.plain_text import tooltip, visible_controls
from hnreader.ui.library.variables_table_model import VariablesTableModel

# The text fields in the order of the form; reporters and the url have their own rows.
FIELDS = ("title", "subtitle", "date", "byline", "publication", "page", "section")
REPORTER_SEPARATOR = "、"
_NAME_SEPARATORS = re.compile(r"[、,，;；/\s]+")
_WEB_SCHEMES = ("http", "https")


def reporters_text(reporters: tuple[str, ...]) -> str:
    return REPORTER_SEPARATOR.join(reporters)


def reporters_from_text(text: str) -> list[str]:
    """Names typed in one line, separated by 、 , ; or spaces."""
    return [name for name in _NAME_SEPARATORS.split(text) if name]


class ArticleDetailsDialog(QDialog):
    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Article details"))
        self.setMinimumWidth(640)
        self.article = article
        # What each field starts from: the byline as shown (without ■ and dateline words),
        # the others as stored. Only a field the user changes is written back.
        self.initial = {name: str(getattr(article, name)) for name in FIELDS}
        self.initial["byline"] = shown_byline(article.byline)
        self.initial["url"] = article.url
        self.edits = {name: QLineEdit(self.initial[name]) for name in (*FIELDS, "url")}
        self.edits["date"].setPlaceholderText(self.tr("yyyy-mm-dd, or as written"))
        self.edits["page"].setPlaceholderText(self.tr("e.g. 第05版, A3"))
        self.edits["section"].setPlaceholderText(self.tr("e.g. 要闻, 评论"))
        self.edits["url"].setPlaceholderText(self.tr("the article's original link"))
        if self.initial["byline"] != article.byline:
            self.edits["byline"].setToolTip(
                tooltip(self.tr("As written: %1").replace("%1", article.byline))
            )
        self.reporters_edit = QLineEdit(reporters_text(article.reporters))
        self.reporters_edit.setPlaceholderText(self.tr("names, separated by 、"))
        for edit in (*self.edits.values(), self.reporters_edit):
            edit.setCursorPosition(0)  # a long title or link shows its start, not its end
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the link to the clipboard"))
        self.copy_button.clicked.connect(self.copy_url)
        self.open_button = QPushButton(self.tr("Open in Browser"))
        self.open_button.setToolTip(self.tr("Open the link in your web browser"))
        self.open_button.clicked.connect(self.open_url)
        self.edits["url"].textChanged.connect(self._update_url_buttons)
        self._update_url_buttons()
        self.source_label = QLabel(visible_controls(self.source_text()))
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label.setWordWrap(True)

        labels = {
            "title": self.tr("Title:"),
            "subtitle": self.tr("Kicker / subtitle:"),
            "date": self.tr("Date:"),
            "byline": self.tr("Byline:"),
            "publication": self.tr("Publication:"),
            "page": self.tr("Page:"),
            "section": self.tr("Section / column:"),
        }
        form = QFormLayout()
        for name in FIELDS:
            form.addRow(labels[name], self.edits[name])
            if name == "byline":
                form.addRow(self.tr("Reporters:"), self.reporters_edit)
        url_row = QHBoxLayout()
        url_row.addWidget(self.edits["url"], 1)
        url_row.addWidget(self.copy_button)
        url_row.addWidget(self.open_button)
        form.addRow(self.tr("URL:"), url_row)
        form.addRow(self.tr("Source file:"), self.source_label)
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

    def source_text(self) -> str:
        """NAME, lines A–B (the name alone when the lines are not known)."""
        article = self.article
        if not article.first_line:
            return article.source
        if article.first_line == article.last_line:
            text = self.tr("%1, line %2").replace("%2", str(article.first_line))
        else:
            text = (
                self.tr("%1, lines %2–%3")
                .replace("%2", str(article.first_line))
                .replace("%3", str(article.last_line))
            )
        return text.replace("%1", article.source)

    def url(self) -> str:
        return self.edits["url"].text().strip()

    def _web_url(self) -> QUrl | None:
        """The url typed, when it is a web address (never a file: or other local link)."""
        url = QUrl(self.url(), QUrl.ParsingMode.StrictMode)
        if url.isValid() and url.scheme().lower() in _WEB_SCHEMES and url.host():
            return url
        return None

    def _update_url_buttons(self) -> None:
        self.copy_button.setEnabled(bool(self.url()))
        self.open_button.setEnabled(self._web_url() is not None)

    def copy_url(self) -> None:
        QGuiApplication.clipboard().setText(self.url())

    def open_url(self) -> None:
        url = self._web_url()
        if url is not None:
            QDesktopServices.openUrl(url)

    def changed_fields(self) -> dict[str, str | list[str]]:
        """Only the fields the user changed."""
        changed: dict[str, str | list[str]] = {
            name: edit.text().strip()
            for name, edit in self.edits.items()
            if edit.text().strip() != self.initial[name]
        }
        reporters = reporters_from_text(self.reporters_edit.text())
        if tuple(reporters) != self.article.reporters:
            changed["reporters"] = reporters
        return changed
