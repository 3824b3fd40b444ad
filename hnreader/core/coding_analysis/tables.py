"""The analyses as tables (header, rows, numeric columns) and their export to CSV or XLSX."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from hnreader.core.coding_analysis.cooccurrence import Cooccurrence
from hnreader.core.coding_analysis.corpus import AnalysisError, CodedCorpus
from hnreader.core.coding_analysis.matrix import ARTICLE, CodeMatrix
from hnreader.core.coding_analysis.retrieval import RetrievedPassage
from hnreader.core.export.csv_writer import write_csv
from hnreader.core.export.xlsx_writer import write_xlsx

Table = tuple[tuple[str, ...], list[tuple[object, ...]], frozenset[str]]

PASSAGE_COLUMNS = (
    "annotation_id",
    "article_id",
    "article_title",
    "article_date",
    "article_publication",
    "tags",
    "context_before",
    "text",
    "context_after",
    "start",
    "end",
    "note",
    "coder",
)
EXPORT_SUFFIXES = (".csv", ".xlsx")


def passage_table(passages: Sequence[RetrievedPassage]) -> Table:
    rows: list[tuple[object, ...]] = [
        (
            p.annotation_id,
            p.article_id,
            p.article_title,
            p.article_date,
            p.publication,
            "; ".join(p.tags),
            p.before,
            p.text,
            p.after,
            p.start,
            p.end,
            p.note,
            p.coder,
        )
        for p in passages
    ]
    return PASSAGE_COLUMNS, rows, frozenset({"annotation_id", "article_id", "start", "end"})


def matrix_table(matrix: CodeMatrix) -> Table:
    """Tags down (their paths), one column per article ("<id> <title>") or group."""
    names = tuple(
        f"{c.key} {c.label}" if matrix.by == ARTICLE else (c.key or "(none)")
        for c in matrix.columns
    )
    header = ("tag_id", "tag", *names)
    rows = [
        (tag.id, tag.path, *cells) for tag, cells in zip(matrix.tags, matrix.cells, strict=True)
    ]
    return header, rows, frozenset({"tag_id", *names})


def presence_table(corpus: CodedCorpus, matrix: CodeMatrix) -> Table:
    """The 0/1 article × tag table statistics packages expect: one row per article."""
    if matrix.by != ARTICLE:
        raise AnalysisError("the 0/1 article × tag table needs a matrix by article")
    tag_names = tuple(tag.path for tag in matrix.tags)
    header = ("article_id", "article_title", "article_date", "article_publication", *tag_names)
    rows: list[tuple[object, ...]] = []
    for i, column in enumerate(matrix.columns):
        article = corpus.articles[int(column.key)]
        rows.append(
            (
                article.id,
                article.title,
                article.date,
                article.publication,
                *(1 if row[i] else 0 for row in matrix.cells),
            )
        )
    return header, rows, frozenset({"article_id", *tag_names})


def cooccurrence_table(result: Cooccurrence) -> Table:
    """One row per pair of tags (each pair once, the diagonal included)."""
    header = ("tag_a", "tag_b", "scope", "count", "jaccard")
    rows: list[tuple[object, ...]] = []
    for i, a in enumerate(result.tags):
        for j in range(i, len(result.tags)):
            rows.append(
                (
                    a.path,
                    result.tags[j].path,
                    result.scope,
                    result.counts[i][j],
                    result.jaccard[i][j],
                )
            )
    return header, rows, frozenset({"count", "jaccard"})


def write_table(path: Path, table: Table, *, is_cancelled: Callable[[], bool] | None = None) -> int:
    """Write a table as CSV or, for a `.xlsx` path, as a workbook; returns the rows written."""
    header, rows, numeric = table
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(path, header, rows, numeric_columns=numeric, is_cancelled=is_cancelled)
    return write_csv(path, header, rows, numeric_columns=numeric, is_cancelled=is_cancelled)
