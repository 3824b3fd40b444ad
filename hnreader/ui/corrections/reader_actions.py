"""The reader's line corrections: set the line under the mouse aside as boilerplate, make it
the title, restore a set-aside line (from the box under the text) — issue 13, item 6."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from hnreader.ui.corrections.library_actions import run_correction
from hnreader.ui.project.project_controller import ProjectController

if TYPE_CHECKING:
    from hnreader.ui.reader.reader_view import ReaderView


def line_at(text: str, offset: int) -> int:
    """The 1-based line of the article's text at a code-point offset."""
    return text.count("\n", 0, max(0, min(offset, len(text)))) + 1


def add_line_actions(menu: QMenu, view: ReaderView, offset: int) -> None:
    translate = QCoreApplication.translate
    article = view.article
    enabled = article is not None and not view.controller.project.read_only
    line = line_at(article.text, offset) if article is not None else 0
    lines = article.text.split("\n") if article is not None else []
    has_text = enabled and 1 <= line <= len(lines) and bool(lines[line - 1].strip())
    project = view.controller.project
    article_id = article.id if article is not None else 0
    several = sum(1 for x in lines if x.strip()) > 1
    boilerplate = menu.addAction(
        translate("Corrections", "Set This Line Aside as Boilerplate"),
        partial(run_correction, view.controller, partial(project.set_aside_line, article_id, line)),
    )
    boilerplate.setEnabled(has_text and several)
    title = menu.addAction(
        translate("Corrections", "Make This Line the Title"),
        partial(
            run_correction, view.controller, partial(project.title_from_line, article_id, line)
        ),
    )
    title.setEnabled(has_text and several)


def restore_line(controller: ProjectController, article_id: int, number: int) -> None:
    project = controller.project
    run_correction(controller, partial(project.restore_line, article_id, number))
