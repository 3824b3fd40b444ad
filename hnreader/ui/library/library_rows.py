"""Reading the library's rows: every article's summary (in the background for a large
project), without the excluded ones unless they are asked for; and the quiet label style."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from hnreader.core.models import ArticleSummary
from hnreader.core.project import Project
from hnreader.ui.library.article_table_model import Arrangement, ArticleTableModel, arrange


def load_library(
    project: Project,
    terms: list[str],
    sort_column: int,
    descending: bool,
    hidden: frozenset[int] = frozenset(),
    progress=None,
    is_cancelled=None,
) -> Arrangement:
    """Every article's summary but the `hidden` ones (excluded), filtered and sorted, on its
    own connection."""
    with project.open_for_thread() as own:
        # Sorting 100,000 rows in Python holds the interpreter lock (and so the GUI) for
        # ~0.1 s; SQLite sorts without it, and Python's sort of sorted rows is a quick pass.
        rows = own.article_summaries(by_date=sort_column == ArticleTableModel.DATE)
    return arrange(without(rows, hidden), terms, sort_column, descending)


def without(rows: list[ArticleSummary], hidden: frozenset[int]) -> list[ArticleSummary]:
    return [r for r in rows if r.id not in hidden] if hidden else rows


def quiet_label(label: QLabel) -> None:
    """Secondary text: the label's colour halfway to the background (works in dark themes)."""
    palette = label.palette()
    text, background = (
        palette.color(QPalette.ColorRole.WindowText),
        palette.color(QPalette.ColorRole.Window),
    )
    mixed = QColor(
        (text.red() * 3 + background.red() * 2) // 5,
        (text.green() * 3 + background.green() * 2) // 5,
        (text.blue() * 3 + background.blue() * 2) // 5,
    )
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)
