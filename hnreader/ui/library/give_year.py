"""Article ▸ Give Dates a Year…: the dates of one file's articles written without their year
(5月24日) take the year the user names, in one undo step."""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QMessageBox

from hnreader.ui.common.input_dialogs import ask_int
from hnreader.ui.common.plain_text import rich_text, visible_controls

if TYPE_CHECKING:
    from hnreader.ui.main_window import MainWindow


def give_year(window: MainWindow) -> None:
    """Ask for the year of the current article's file and give it to its dates without one."""
    article_id = window.reader.article_id
    if article_id is None:
        return
    project = window.project
    source = project.article(article_id).source
    summaries = [s for s in project.article_summaries() if s.source == source]
    missing = [s.id for s in summaries if s.date.startswith("--")]
    if not missing:
        QMessageBox.information(
            window,
            QCoreApplication.translate("GiveYear", "Give Dates a Year"),
            rich_text(
                QCoreApplication.translate(
                    "GiveYear", "Every dated article of %1 has its year already."
                ).replace("%1", visible_controls(source))
            ),
        )
        return
    years = Counter(s.date[:4] for s in project.article_summaries() if s.date[:4].isdigit())
    suggested = int(years.most_common(1)[0][0]) if years else QDate.currentDate().year()
    year, ok = ask_int(
        window,
        QCoreApplication.translate("GiveYear", "Give Dates a Year"),
        QCoreApplication.translate(
            "GiveYear",
            "%1 article(s) of %2 have a date without its year (such as 5月24日).\n"
            "Which year are they from?",
        )
        .replace("%1", str(len(missing)))
        .replace("%2", visible_controls(source)),
        suggested,
        1800,
        2200,
    )
    if ok:
        window.controller.run(partial(project.give_year, missing, year))
