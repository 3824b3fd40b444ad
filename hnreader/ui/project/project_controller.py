"""The open project as seen by the widgets: runs user actions and says what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from hnreader.core.models import Change, HnreaderError
from hnreader.core.project import Project
from hnreader.ui.common.error_messages import user_message

log = logging.getLogger(__name__)


class ProjectController(QObject):
    """Every widget changes the project through `run`, `undo` and `redo`, and listens here."""

    articles_changed = Signal()
    tags_changed = Signal()
    annotations_changed = Signal(int)  # article id, or -1 when several articles changed
    dictionary_changed = Signal()
    memos_changed = Signal()
    stop_words_changed = Signal()  # the project's stop words (or their undo)
    history_changed = Signal()
    action_failed = Signal(str)  # a message for the user
    status_reported = Signal(str)  # a passing message for the status bar (a correction's counts)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project

    def run(self, action: Callable[[], Change | None]) -> Change | None:
        """Do one user action; on a refusal, emit `action_failed` and change nothing (an
        action that found nothing to do returns None and announces nothing)."""
        try:
            change = action()
        except HnreaderError as error:
            log.info("action refused: %s", error)
            self.action_failed.emit(user_message(error))
            return None
        if change is not None:
            self._announce(change)
        return change

    def undo(self) -> Change | None:
        return self._replay(self.project.undo)

    def redo(self) -> Change | None:
        return self._replay(self.project.redo)

    def _replay(self, step: Callable[[], Change | None]) -> Change | None:
        try:
            change = step()
        except HnreaderError as error:
            self.action_failed.emit(user_message(error))
            return None
        if change is not None:
            self._announce(change)
        return change

    def _announce(self, change: Change) -> None:
        touched = {table for table, rows in change.after.items() if rows}
        if "articles" in touched:
            self.articles_changed.emit()
        if "tags" in touched:
            self.tags_changed.emit()
        if "user_words" in touched:
            self.dictionary_changed.emit()
        if "memos" in touched:
            self.memos_changed.emit()
        if "stop_words" in touched:
            self.stop_words_changed.emit()
        article_ids = _annotation_articles(change)
        if len(article_ids) == 1:
            self.annotations_changed.emit(next(iter(article_ids)))
        elif article_ids or "annotation_tags" in touched or "tags" in touched:
            self.annotations_changed.emit(-1)
        self.history_changed.emit()


def _annotation_articles(change: Change) -> set[int]:
    ids: set[int] = set()
    for state in (change.before, change.after):
        for row in state.get("annotations", {}).values():
            if row is not None:
                ids.add(int(row["article_id"]))
    return ids
