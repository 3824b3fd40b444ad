"""What the core's error codes say to the user, in the UI language (the core's own message,
in English, names the details and follows)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from hnreader.core.models import ErrorCode, HnreaderError
from hnreader.ui.common.plain_text import visible_controls


def _sentence(code: str) -> str:
    sentences = {
        ErrorCode.CONFLICT: QCoreApplication.translate(
            "errors",
            "This was changed in another window or program since, so it was not done and "
            "nothing was overwritten. Look at the project again and retry.",
        ),
        ErrorCode.BUSY: QCoreApplication.translate(
            "errors",
            "%1 is busy in another window or program; nothing was changed. Try again in a moment.",
        ),
        ErrorCode.DISK_FULL: QCoreApplication.translate(
            "errors",
            "The disk is full, so the change to %1 could not be saved. Nothing was changed; "
            "free some space and try again.",
        ),
        ErrorCode.READ_ONLY: QCoreApplication.translate(
            "errors",
            "%1 is open read-only, so nothing can be changed. Copy it to a folder you can "
            "write to and open the copy.",
        ),
        ErrorCode.DAMAGED: QCoreApplication.translate(
            "errors",
            "%1 is damaged, so nothing is written to it. Restore a backup (File ▸ Restore "
            "from Backup…) or rescue what can be read (Tools ▸ Salvage into New File…).",
        ),
        ErrorCode.PERMISSION: QCoreApplication.translate(
            "errors",
            "%1 cannot be opened: check that it exists and that you may read and write it.",
        ),
        ErrorCode.NOT_A_PROJECT: QCoreApplication.translate(
            "errors", "%1 is not an hnreader project file; nothing was changed."
        ),
        ErrorCode.EMPTY_FILE: QCoreApplication.translate(
            "errors", "%1 is empty (0 bytes): it holds no project."
        ),
        ErrorCode.TOO_NEW: QCoreApplication.translate(
            "errors",
            "%1 was saved by a newer hnreader; nothing was changed. Update hnreader to open it.",
        ),
        ErrorCode.TOO_OLD: QCoreApplication.translate(
            "errors",
            "%1 was saved by an older hnreader and is only read here, never upgraded. Open it "
            "once in this version, then try again.",
        ),
        ErrorCode.INCONSISTENT_SCHEMA: QCoreApplication.translate(
            "errors",
            "%1 is not a consistent hnreader project; nothing was changed. Restore a backup of it.",
        ),
        ErrorCode.MISSING: QCoreApplication.translate("errors", "%1 does not exist."),
        ErrorCode.IO_ERROR: QCoreApplication.translate(
            "errors", "%1 could not be read or written; nothing was changed."
        ),
    }
    return sentences.get(code, "")


def _query_sentence(error: HnreaderError) -> str:
    """A search query that holds nothing to search for: the sentence says it all."""
    translate = QCoreApplication.translate
    details = error.details
    sentences = {
        ErrorCode.QUERY_NOT_TEXT: translate("errors", "The query must be text."),
        ErrorCode.QUERY_EMPTY: translate("errors", "The query is empty: type a word to search."),
        ErrorCode.QUERY_TOO_LONG: translate(
            "errors", "The query is too long (%1 characters; at most %2)."
        ),
        ErrorCode.QUERY_ONLY_EXCLUDES: translate(
            "errors", "The query only excludes words; add a word to search for."
        ),
        ErrorCode.QUERY_ONLY_PUNCTUATION: translate(
            "errors", "The query has only punctuation; type a word to search."
        ),
        ErrorCode.QUERY_TOO_MANY_TERMS: translate(
            "errors", "The query has %1 terms; use at most %2."
        ),
    }
    first = details.get("length", details.get("count", ""))
    sentence = sentences.get(error.code, "")
    return sentence.replace("%1", f"{first:,}" if isinstance(first, int) else "").replace(
        "%2", f"{details.get('limit', 0):,}"
    )


def user_message(error: HnreaderError) -> str:
    """The error in the UI language when its code is known, then the core's message."""
    if error.code.startswith("query_"):
        return _query_sentence(error) or visible_controls(str(error))
    sentence = _sentence(error.code)
    detail = visible_controls(str(error))
    if not sentence:
        return detail
    path = error.details.get("path")
    name = Path(str(path)).name if path else QCoreApplication.translate("errors", "The project")
    return f"{sentence.replace('%1', visible_controls(name))}\n\n{detail}"
