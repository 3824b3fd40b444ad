"""The user's language for undo/redo labels, built from a change's kind and arguments."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hnreader.core.models import Change, ChangeKind

# Translatable templates, %1/%2 for the change's arguments.
_TEMPLATES: dict[str, str] = {
    ChangeKind.TAG_PASSAGES: QT_TRANSLATE_NOOP("UndoLabel", "Tag %1 passages"),
    ChangeKind.TAG_PASSAGE: QT_TRANSLATE_NOOP("UndoLabel", "Tag “%1”"),
    ChangeKind.EDIT_NOTE: QT_TRANSLATE_NOOP("UndoLabel", "Edit note"),
    ChangeKind.CHANGE_TAGS: QT_TRANSLATE_NOOP("UndoLabel", "Change tags"),
    ChangeKind.DELETE_ANNOTATION: QT_TRANSLATE_NOOP("UndoLabel", "Delete annotation"),
    ChangeKind.CREATE_TAG: QT_TRANSLATE_NOOP("UndoLabel", "Create tag “%1”"),
    ChangeKind.RENAME_TAG: QT_TRANSLATE_NOOP("UndoLabel", "Rename tag “%1”"),
    ChangeKind.RECOLOUR_TAG: QT_TRANSLATE_NOOP("UndoLabel", "Recolour tag “%1”"),
    ChangeKind.MOVE_TAG: QT_TRANSLATE_NOOP("UndoLabel", "Move tag “%1”"),
    ChangeKind.EDIT_TAG: QT_TRANSLATE_NOOP("UndoLabel", "Edit tag “%1”"),
    ChangeKind.MERGE_TAGS: QT_TRANSLATE_NOOP("UndoLabel", "Merge tag “%1” into “%2”"),
    ChangeKind.DELETE_TAG: QT_TRANSLATE_NOOP("UndoLabel", "Delete tag “%1”"),
    ChangeKind.RENAME_ARTICLE: QT_TRANSLATE_NOOP("UndoLabel", "Rename article"),
    ChangeKind.EDIT_ARTICLE: QT_TRANSLATE_NOOP("UndoLabel", "Edit article details"),
    ChangeKind.SPLIT_ARTICLE: QT_TRANSLATE_NOOP("UndoLabel", "Split “%1”"),
    ChangeKind.MERGE_ARTICLES: QT_TRANSLATE_NOOP("UndoLabel", "Merge “%1” with next"),
    ChangeKind.GIVE_YEAR: QT_TRANSLATE_NOOP("UndoLabel", "Date %2 article(s) in %1"),
    ChangeKind.DELETE_ARTICLE: QT_TRANSLATE_NOOP("UndoLabel", "Delete article “%1”"),
    ChangeKind.SET_VARIABLE: QT_TRANSLATE_NOOP("UndoLabel", "Set “%1” on %2 article(s)"),
    ChangeKind.ADD_MEMO: QT_TRANSLATE_NOOP("UndoLabel", "Add memo"),
    ChangeKind.EDIT_MEMO: QT_TRANSLATE_NOOP("UndoLabel", "Edit memo"),
    ChangeKind.DELETE_MEMO: QT_TRANSLATE_NOOP("UndoLabel", "Delete memo"),
    ChangeKind.IMPORT_EXCHANGE: QT_TRANSLATE_NOOP("UndoLabel", "Import “%1”"),
    ChangeKind.ADD_WORD: QT_TRANSLATE_NOOP("UndoLabel", "Add word “%1”"),
    ChangeKind.REMOVE_WORD: QT_TRANSLATE_NOOP("UndoLabel", "Remove word “%1”"),
    ChangeKind.MERGE_CODING: QT_TRANSLATE_NOOP("UndoLabel", "Merge coding from “%1”"),
    ChangeKind.RESOLVE: QT_TRANSLATE_NOOP("UndoLabel", "Resolve a disagreement as “%1”"),
    ChangeKind.ADD_INDICATOR: QT_TRANSLATE_NOOP("UndoLabel", "Add indicator name “%1”"),
    ChangeKind.REMOVE_INDICATOR: QT_TRANSLATE_NOOP("UndoLabel", "Remove indicator name “%1”"),
    ChangeKind.MERGE_INDICATORS: QT_TRANSLATE_NOOP("UndoLabel", "Merge indicator “%1” into “%2”"),
    ChangeKind.UNMERGE_INDICATOR: QT_TRANSLATE_NOOP("UndoLabel", "Unmerge indicator “%1”"),
    ChangeKind.CONFIRM_ENTRY: QT_TRANSLATE_NOOP("UndoLabel", "Confirm “%1”"),
    ChangeKind.UNCONFIRM_ENTRY: QT_TRANSLATE_NOOP("UndoLabel", "Unconfirm “%1”"),
    ChangeKind.MARK_CORRECT: QT_TRANSLATE_NOOP("UndoLabel", "Mark %1 correct in “%2”"),
    ChangeKind.CLEAR_CORRECT: QT_TRANSLATE_NOOP("UndoLabel", "Clear the correct value of “%1”"),
    ChangeKind.EXCLUDE_ARTICLES: QT_TRANSLATE_NOOP("UndoLabel", "Exclude %1 article(s)"),
    ChangeKind.INCLUDE_ARTICLES: QT_TRANSLATE_NOOP("UndoLabel", "Include %1 article(s)"),
    ChangeKind.SET_ASIDE_LINE: QT_TRANSLATE_NOOP("UndoLabel", "Set aside a line of “%1”"),
    ChangeKind.RESTORE_LINE: QT_TRANSLATE_NOOP("UndoLabel", "Restore a line to “%1”"),
    ChangeKind.TITLE_FROM_LINE: QT_TRANSLATE_NOOP("UndoLabel", "Make “%1” the title"),
    ChangeKind.REIMPORT: QT_TRANSLATE_NOOP("UndoLabel", "Re-import %1 (%2)"),
    ChangeKind.ATTACH_ORPHAN: QT_TRANSLATE_NOOP("UndoLabel", "Attach “%1”"),
    ChangeKind.DELETE_ORPHAN: QT_TRANSLATE_NOOP("UndoLabel", "Delete orphan “%1”"),
    ChangeKind.ADD_STOP_WORDS: QT_TRANSLATE_NOOP("UndoLabel", "Add stop words “%1”"),
    ChangeKind.REMOVE_STOP_WORDS: QT_TRANSLATE_NOOP("UndoLabel", "Remove stop words “%1”"),
}


def translated_label(change: Change | None) -> str:
    """What the change did, in the UI language ("" for none); an unknown kind in English."""
    if change is None:
        return ""
    template = _TEMPLATES.get(change.kind)
    if template is None:
        return change.label
    text = QCoreApplication.translate("UndoLabel", template)
    for number, part in enumerate(change.args, start=1):
        text = text.replace(f"%{number}", part)
    return text
