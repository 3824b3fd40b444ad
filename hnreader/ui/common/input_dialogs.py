"""Asking for one value (a name, a year) in a dialog wide enough for its whole title: the
static QInputDialog functions size the dialog to its field, and window managers then cut the
title ("重命名标…eader")."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from hnreader.ui.common.plain_text import rich_text, window_title

# Room for the window manager's buttons and the " — hnreader" it may add to a dialog title.
TITLE_MARGIN = 200
MIN_WIDTH = 360


def _dialog(parent: QWidget | None, title: str, label: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(window_title(title))
    dialog.setLabelText(rich_text(label))  # the label may name data (a tag's name)
    width = dialog.fontMetrics().horizontalAdvance(f"{title} — hnreader") + TITLE_MARGIN
    dialog.setMinimumWidth(max(MIN_WIDTH, width))
    return dialog


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    dialog = _dialog(parent, title, label)
    dialog.setTextValue(text)
    accepted = bool(dialog.exec())
    return dialog.textValue(), accepted


def ask_int(
    parent: QWidget | None, title: str, label: str, value: int, low: int, high: int
) -> tuple[int, bool]:
    dialog = _dialog(parent, title, label)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(low, high)
    dialog.setIntValue(value)
    accepted = bool(dialog.exec())
    return dialog.intValue(), accepted
