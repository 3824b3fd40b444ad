"""The first start: what the bundled corpus is, how to bring in one's own files and how to tag,
and the coder name (asked once; shared with the command line)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hnreader.ui.common.settings import Settings

TEXT_WIDTH = 560


def welcome_text(bundled: bool) -> str:
    translate = QCoreApplication.translate
    parts = []
    if bundled:
        parts.append(
            translate(
                "WelcomeDialog",
                "This project holds the bundled corpus: five news files from Hunan on poverty "
                "alleviation and rural revitalisation (2019–2021), split into articles, with "
                "their dates, bylines and figures.",
            )
        )
    parts += [
        translate(
            "WelcomeDialog",
            "• Your own files: File ▸ Import Files… or drop them on the window (text, web "
            "pages, Word, CSV and Excel tables, JSON). File ▸ New Project… starts an empty "
            "project.",
        ),
        translate(
            "WelcomeDialog",
            "• Search: Ctrl+F. The query is segmented into words as jieba reads the text, and "
            "every hit says whether it is a whole word.",
        ),
        translate(
            "WelcomeDialog",
            "• Tag: make tags in the Codebook (New Tag), select text in the reader and press a "
            "tag's number 1–9 or Ctrl+T. Figures such as 747万 and 13.43% are recognised: "
            "click one to tag it.",
        ),
        translate(
            "WelcomeDialog",
            "• Everything is saved as you go; a verified backup is made every day. Undo "
            "(Ctrl+Z) works after a restart too.",
        ),
    ]
    return "\n\n".join(parts)


class WelcomeDialog(QDialog):
    """Shown once at the first start (and again while "Show at start" stays ticked)."""

    def __init__(self, settings: Settings, bundled: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Welcome to hnreader"))
        text = QLabel(welcome_text(bundled))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.coder_edit = QLineEdit(settings.coder)
        self.coder_edit.setPlaceholderText(self.tr("e.g. 王芳"))
        form = QFormLayout()
        form.addRow(self.tr("Your name as coder:"), self.coder_edit)
        note = QLabel(
            self.tr(
                "It is saved with each of your annotations (team work compares coders), and "
                "the command line uses it too. Edit ▸ Preferences changes it."
            )
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.again_box = QCheckBox(self.tr("Show this at start"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.again_box)
        layout.addWidget(buttons)
        # The wrapped text gets the height it needs at this width (a dialog sized from its
        # size hint alone cut it off).
        text.setMinimumWidth(TEXT_WIDTH)
        note.setMinimumWidth(TEXT_WIDTH)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def done(self, result: int) -> None:
        """However it is closed (Start, Esc, the window's ✕), the name is kept and the
        dialog is not shown again unless asked for."""
        name = " ".join(self.coder_edit.text().split())
        if name:
            self.settings.coder = name
        self.settings.welcome_shown = not self.again_box.isChecked()
        super().done(result)


def welcome_if_first_start(parent: QWidget, settings: Settings, bundled: bool) -> bool:
    """Show the welcome (modal) on the first start; whether it was shown."""
    if settings.welcome_shown:
        return False
    WelcomeDialog(settings, bundled, parent).exec()
    return True
