"""The code × document matrix: tags down, articles or groups of articles across."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.coding_analysis.corpus import (
    AnalysisCancelled,
    AnalysisError,
    ArticleFacts,
    Cancelled,
    CodedCorpus,
    Progress,
)
from hnreader.core.coding_analysis.spans import covered
from hnreader.core.models import Tag

ARTICLE, PUBLICATION, MONTH, QUARTER, YEAR = "article", "publication", "month", "quarter", "year"
GROUPINGS = (ARTICLE, PUBLICATION, MONTH, QUARTER, YEAR)  # or the name of a document variable
COUNT, PRESENCE, SHARE = "count", "presence", "share"
MEASURES = (COUNT, PRESENCE, SHARE)


@dataclass(frozen=True)
class MatrixColumn:
    """A column: one article or a group. `key` "" is the group of articles without a value
    (no date, no publication, variable not set); `label` is the article title or the key."""

    key: str
    label: str
    article_ids: tuple[int, ...]
    chars: int


@dataclass(frozen=True)
class CodeMatrix:
    """cells[row][column]: passages (count), 0/1 (presence) or the share of the column's
    characters coded (0–1, share) for each tag row."""

    by: str
    measure: str
    with_subtags: bool
    tags: tuple[Tag, ...]
    depths: tuple[int, ...]
    columns: tuple[MatrixColumn, ...]
    cells: tuple[tuple[float, ...], ...]


def group_key(article: ArticleFacts, by: str) -> str:
    """The column an article falls in ("" when it has no value for the grouping)."""
    if by == ARTICLE:
        return str(article.id)
    if by == PUBLICATION:
        return article.publication.strip()
    date = article.date if len(article.date) == 10 and article.date[4] == "-" else ""
    if by == MONTH:
        return date[:7]
    if by == QUARTER:
        return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}" if date else ""
    if by == YEAR:
        return date[:4]
    return article.variables.get(by, "").strip()


def check_grouping(by: str, variable_names: Sequence[str]) -> None:
    if by not in GROUPINGS and by not in variable_names:
        known = ", ".join([*GROUPINGS, *variable_names])
        raise AnalysisError(f"cannot group by “{by}”: use one of {known}", by=by)


def columns_of(corpus: CodedCorpus, by: str) -> list[MatrixColumn]:
    """The columns in order: articles in the corpus's (date) order, groups sorted, the
    group without a value last."""
    groups: dict[str, list[ArticleFacts]] = defaultdict(list)
    if by in (MONTH, QUARTER, YEAR):  # the key is the date's: worked out once per date
        of_date: dict[str, str] = {}
        for article in corpus.articles.values():
            key = of_date.get(article.date)
            if key is None:
                key = of_date[article.date] = group_key(article, by)
            groups[key].append(article)
    else:
        for article in corpus.articles.values():
            groups[group_key(article, by)].append(article)
    keys = list(groups) if by == ARTICLE else sorted(groups, key=lambda k: (k == "", k))
    return [
        MatrixColumn(
            key,
            groups[key][0].title if by == ARTICLE else key,
            tuple(a.id for a in groups[key]),
            sum(a.chars for a in groups[key]),
        )
        for key in keys
    ]


def code_matrix(
    corpus: CodedCorpus,
    by: str = ARTICLE,
    measure: str = COUNT,
    *,
    with_subtags: bool = True,
    tag_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> CodeMatrix:
    """One row per tag (only `tag_ids` when given), in tree order."""
    if measure not in MEASURES:
        raise AnalysisError(
            f"unknown measure “{measure}”; use one of {', '.join(MEASURES)}", measure=measure
        )
    columns = columns_of(corpus, by)
    column_of = {a: i for i, c in enumerate(columns) for a in c.article_ids}
    tags = corpus.rows(tag_ids)
    rows: list[tuple[float, ...]] = []
    for done, tag in enumerate(tags, 1):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled("the matrix was cancelled")
        family = corpus.family(tag.id, with_subtags)
        counts = [0] * len(columns)
        spans: list[dict[int, list[tuple[int, int]]]] = [defaultdict(list) for _ in columns]
        for span in corpus.spans_of(family):
            if span.article_id in column_of:
                column = column_of[span.article_id]
                counts[column] += 1
                spans[column][span.article_id].append((span.start, span.end))
        if measure == COUNT:
            rows.append(tuple(counts))
        elif measure == PRESENCE:
            rows.append(tuple(1 if n else 0 for n in counts))
        else:
            rows.append(
                tuple(
                    sum(covered(s) for s in spans[i].values()) / c.chars if c.chars else 0.0
                    for i, c in enumerate(columns)
                )
            )
        if progress is not None:
            progress(done, len(tags))
    return CodeMatrix(
        by,
        measure,
        with_subtags,
        tuple(tags),
        tuple(corpus.depth(t.id) for t in tags),
        tuple(columns),
        tuple(rows),
    )
