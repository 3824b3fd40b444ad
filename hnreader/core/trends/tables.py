"""Trends, dispersion and tag frequencies as tables (header, rows, numeric columns) for CSV
and XLSX export (`coding_analysis.tables.write_table`)."""

from __future__ import annotations

from hnreader.core.coding_analysis.tables import Table
from hnreader.core.trends.dispersion import Dispersion
from hnreader.core.trends.series import Trend
from hnreader.core.trends.tag_counts import TagFrequencies

UNDATED = "(no date)"


def trend_table(trend: Trend, scale: int = 10_000) -> Table:
    """One row per period (and a last row for the articles without a date): articles,
    characters, then each series' count and its rate per `scale` characters."""
    per = f"per {scale:,} chars"
    header = ["period", "articles", "characters"]
    for series in trend.series:
        header += [series.label, f"{series.label} {per}"]
    rows: list[tuple[object, ...]] = []
    rates = [trend.per(series, scale) for series in trend.series]
    for i, period in enumerate(trend.periods):
        row: list[object] = [period, trend.article_counts[i], trend.chars[i]]
        for series, rate in zip(trend.series, rates, strict=True):
            row += [series.counts[i], round(rate[i], 4)]
        rows.append(tuple(row))
    if trend.undated_articles:
        row = [UNDATED, trend.undated_articles, trend.undated_chars]
        for series in trend.series:
            row += [series.undated, round(trend.undated_per(series, scale), 4)]
        rows.append(tuple(row))
    numeric = frozenset(header[1:])
    return tuple(header), rows, numeric


def dispersion_table(result: Dispersion) -> Table:
    """One row per hit: the term, the article and its date, the hit's offsets, and its
    place along the laid-out corpus."""
    dates = dict(zip(result.article_ids, result.article_dates, strict=True))
    header = ("term", "article_id", "article_date", "start", "end", "corpus_position")
    rows: list[tuple[object, ...]] = [
        (row.label, article_id, dates.get(article_id, ""), start, end, position)
        for row in result.rows
        for position, (article_id, start, end) in zip(row.positions, row.hits, strict=True)
    ]
    return header, rows, frozenset({"article_id", "start", "end", "corpus_position"})


def tag_frequency_table(result: TagFrequencies) -> Table:
    columns = tuple(c or "(no name)" for c in result.coders) if result.coders != ("",) else ()
    header = ("tag_id", "tag", "passages", *columns)
    rows: list[tuple[object, ...]] = [
        (tag.id, tag.path, sum(counts), *(counts if columns else ()))
        for tag, counts in zip(result.tags, result.counts, strict=True)
    ]
    return header, rows, frozenset({"tag_id", "passages", *columns})
