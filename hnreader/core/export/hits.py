"""Every hit of a search as a concordance table (KWIC): left context, hit, right context,
match kind, where it is and which article — all of them, not only a page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from hnreader.core.export.csv_writer import write_csv
from hnreader.core.models import QueryError, SearchResult

HIT_COLUMNS = (
    "article_id",
    "article_title",
    "article_date",
    "article_source",
    "field",
    "start",
    "end",
    "left",
    "hit",
    "right",
    "match",
)
HIT_NUMERIC = frozenset({"article_id", "start", "end"})
PAGE = 500

SearchPage = Callable[[int], SearchResult]  # the page of articles after an article id


def hit_rows(
    page: SearchPage, is_cancelled: Callable[[], bool] | None = None
) -> Iterator[tuple[object, ...]]:
    """The rows of every hit, page after page in corpus order; QueryError for a query that
    cannot be searched."""
    after = 0
    while True:
        result = page(after)
        if result.message:
            raise QueryError(result.message, code=getattr(result.error, "code", ""))
        for article in result.articles:
            for hit in article.hits:
                yield (
                    article.article_id,
                    article.title,
                    article.date,
                    article.source,
                    hit.field,
                    hit.start,
                    hit.end,
                    hit.left,
                    hit.text,
                    hit.right,
                    hit.match,
                )
        if result.complete or (is_cancelled is not None and is_cancelled()):
            return
        after = result.next_after


def export_hits(
    page: SearchPage,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write every hit to a CSV file (see `write_csv`); the number of rows written."""
    return write_csv(
        path,
        HIT_COLUMNS,
        hit_rows(page, is_cancelled),
        numeric_columns=HIT_NUMERIC,
        progress=progress,
        is_cancelled=is_cancelled,
    )
