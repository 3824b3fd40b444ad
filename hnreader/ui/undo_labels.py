"""The user's language for the core's undo/redo labels (the core is Qt-free and English)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# (pattern of the core's label, translatable template with %1/%2 for the captured parts)
_TEMPLATES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), template)
    for pattern, template in (
        (r"^Tag (\d+) passages$", QT_TRANSLATE_NOOP("UndoLabel", "Tag %1 passages")),
        (r"^Tag “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Tag “%1”")),
        (r"^Edit note$", QT_TRANSLATE_NOOP("UndoLabel", "Edit note")),
        (r"^Change tags$", QT_TRANSLATE_NOOP("UndoLabel", "Change tags")),
        (r"^Delete annotation$", QT_TRANSLATE_NOOP("UndoLabel", "Delete annotation")),
        (r"^Create tag “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Create tag “%1”")),
        (r"^Rename tag “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Rename tag “%1”")),
        (r"^Recolour tag “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Recolour tag “%1”")),
        (r"^Move tag “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Move tag “%1”")),
        (r"^Edit tag “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Edit tag “%1”")),
        (
            r"^Merge tag “(.*)” into “(.*)”$",
            QT_TRANSLATE_NOOP("UndoLabel", "Merge tag “%1” into “%2”"),
        ),
        (r"^Delete tag “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Delete tag “%1”")),
        (r"^Rename article$", QT_TRANSLATE_NOOP("UndoLabel", "Rename article")),
        (
            r"^Edit article details$",
            QT_TRANSLATE_NOOP("UndoLabel", "Edit article details"),
        ),
        (r"^Split “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Split “%1”")),
        (r"^Merge “(.*)” with next$", QT_TRANSLATE_NOOP("UndoLabel", "Merge “%1” with next")),
        (r"^Add word “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Add word “%1”")),
        (r"^Remove word “(.*)”$", QT_TRANSLATE_NOOP("UndoLabel", "Remove word “%1”")),
    )
)


def translated_label(label: str) -> str:
    """The label in the UI language; an unknown label is shown as the core wrote it."""
    for pattern, template in _TEMPLATES:
        match = pattern.match(label)
        if match:
            text = QCoreApplication.translate("UndoLabel", template)
            for number, part in enumerate(match.groups(), start=1):
                text = text.replace(f"%{number}", part)
            return text
    return label
