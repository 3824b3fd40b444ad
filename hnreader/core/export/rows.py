"""Tagged passages and figures as spreadsheet-safe CSV tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from hnreader.core.export.csv_writer import write_csv
from hnreader.core.models import Progress, Stage
from hnreader.core.store import Store

# Where an article comes from, after its id, title, source file and date in both tables.
ORIGIN_COLUMNS = (
    "article_publication",
    "article_page",
    "article_section",
    "article_url",
    "first_line",
    "last_line",
)

ANNOTATION_COLUMNS = (
    "annotation_id",
    "article_id",
    "article_title",
    "source_file",
    "article_date",
    *ORIGIN_COLUMNS,
    "tag",
    "tag_path",
    "kind",
    "text",
    "figure_value",
    "figure_unit",
    "start",
    "end",
    "context_before",
    "context_after",
    "note",
    "coder",
    "created",
    "updated",
)
ANNOTATION_NUMERIC = {
    "annotation_id",
    "article_id",
    "figure_value",
    "start",
    "end",
    "first_line",
    "last_line",
}

FIGURE_COLUMNS = (
    "article_id",
    "article_title",
    "source_file",
    "article_date",
    *ORIGIN_COLUMNS,
    "kind",
    "text",
    "value",
    "value_low",
    "value_high",
    "unit",
    "approx",
    "sign",
    "direction",
    "start",
    "end",
    "context_before",
    "context_after",
)
# value, value_low and value_high are numbers, or ISO date/time strings (written as text).
FIGURE_NUMERIC = {
    "article_id",
    "value",
    "value_low",
    "value_high",
    "sign",
    "start",
    "end",
    "first_line",
    "last_line",
}

CONTEXT_CHARS = 40


@dataclass(frozen=True)
class ExportFilter:
    """Which annotations to export; None means all."""

    tag_ids: Sequence[int] | None = None
    article_ids: Sequence[int] | None = None
    coder: str | None = None


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def variable_columns(store: Store) -> tuple[list[str], set[str], list[str]]:
    """The `var_<name>` columns of the project's document variables (after the fixed
    columns), the numeric ones among them, and the variable names in column order."""
    summaries = store.variable_summaries()
    names = [v.name for v in summaries]
    columns = [f"var_{name}" for name in names]
    numeric = {f"var_{v.name}" for v in summaries if v.kind == "number"}
    return columns, numeric, names


def _with_variables(
    rows: list[tuple[object, ...]], ids: list[int], store: Store, names: list[str]
) -> list[tuple[object, ...]]:
    """Each row with the variables of its article (`ids`: the article of each row)."""
    if not names:
        return rows
    values = store.variables_of(sorted(set(ids)))
    return [
        (*row, *(values.get(article_id, {}).get(name, "") for name in names))
        for row, article_id in zip(rows, ids, strict=True)
    ]


def annotation_rows(store: Store, selection: ExportFilter) -> list[tuple[object, ...]]:
    """One row per annotation × tag (only the selected tags when tags are filtered), with
    the article's document variables in `var_<name>` columns at the end."""
    annotations = store.annotations(
        tag_ids=selection.tag_ids, article_ids=selection.article_ids, coder=selection.coder
    )
    excluded = store.excluded_ids()  # excluded articles are not exported (issue 13)
    annotations = [a for a in annotations if a.article_id not in excluded]
    tags = {tag.id: tag for tag in store.tags()}
    wanted = set(selection.tag_ids) if selection.tag_ids is not None else None
    article_ids = sorted({a.article_id for a in annotations})
    texts = store.article_texts(article_ids)
    briefs = store.article_briefs(article_ids)
    origins = store.article_origins(article_ids)
    rows: list[tuple[object, ...]] = []
    row_articles: list[int] = []
    for annotation in annotations:
        title, date, source = briefs[annotation.article_id]
        origin = origins[annotation.article_id]
        text = texts[annotation.article_id]
        before, after = _context(text, annotation.start, annotation.end)
        for tag_id in annotation.tag_ids:
            if wanted is not None and tag_id not in wanted:
                continue
            tag = tags[tag_id]
            rows.append(
                (
                    annotation.id,
                    annotation.article_id,
                    title,
                    source,
                    date,
                    *origin,
                    tag.name,
                    tag.path,
                    annotation.figure_kind if annotation.kind == "figure" else "passage",
                    annotation.quote,
                    annotation.figure_value,
                    annotation.figure_unit,
                    annotation.start,
                    annotation.end,
                    before,
                    after,
                    annotation.note,
                    annotation.coder,
                    annotation.created,
                    annotation.updated,
                )
            )
            row_articles.append(annotation.article_id)
    return _with_variables(rows, row_articles, store, variable_columns(store)[2])


def figure_rows(
    store: Store, article_ids: Sequence[int] | None = None
) -> Iterator[tuple[object, ...]]:
    figures = store.figures()
    excluded = store.excluded_ids()  # excluded articles are not exported (issue 13)
    if excluded:
        figures = [(a, f) for a, f in figures if a not in excluded]
    if article_ids is not None:
        keep = set(article_ids)
        figures = [(a, f) for a, f in figures if a in keep]
    ids = sorted({a for a, _ in figures})
    texts = store.article_texts(ids)
    briefs = store.article_briefs(ids)
    origins = store.article_origins(ids)
    for article_id, figure in figures:
        title, date, source = briefs[article_id]
        before, after = _context(texts[article_id], figure.start, figure.end)
        yield (
            article_id,
            title,
            source,
            date,
            *origins[article_id],
            figure.kind,
            figure.text,
            figure.value,
            figure.value_low,
            figure.value_high,
            figure.unit,
            figure.approx or "",
            figure.sign,
            figure.direction,
            figure.start,
            figure.end,
            before,
            after,
        )


def export_annotations(
    store: Store,
    path: Path,
    selection: ExportFilter | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the tagged passages; returns the number of rows written."""
    rows = annotation_rows(store, selection or ExportFilter())
    extra, numeric, _ = variable_columns(store)
    return write_csv(
        path,
        (*ANNOTATION_COLUMNS, *extra),
        rows,
        numeric_columns=ANNOTATION_NUMERIC | numeric,
        progress=_adapt(progress),
        is_cancelled=is_cancelled,
        total=len(rows),
    )


def export_figures(
    store: Store,
    path: Path,
    article_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    rows = list(figure_rows(store, article_ids))
    extra, numeric, names = variable_columns(store)
    rows = _with_variables(rows, [cast(int, row[0]) for row in rows], store, names)
    return write_csv(
        path,
        (*FIGURE_COLUMNS, *extra),
        rows,
        numeric_columns=FIGURE_NUMERIC | numeric,
        progress=_adapt(progress),
        is_cancelled=is_cancelled,
        total=len(rows),
    )


def _adapt(progress: Progress | None) -> Callable[[int, int], None] | None:
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        progress(done, total, Stage.EXPORTING)

    return report
