"""A dispersion plot (AntConc's concordance plot): the dated articles laid end to end in date
order, and where each term's hits fall along them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hnreader.core.trends.periods import MONTH, YEAR, period_of
from hnreader.core.trends.series import DatedArticle

Hit = tuple[int, int, int]  # article id, start, end (code points into its stored text)


@dataclass(frozen=True)
class DispersionRow:
    """One term: each hit's place in the laid-out corpus, and the hit itself."""

    label: str
    positions: tuple[int, ...]  # in corpus order
    hits: tuple[Hit, ...]  # the same order
    articles: int  # dated articles with a hit
    undated_hits: int  # hits in articles without a date (not laid out)

    def hit_near(self, position: float, tolerance: float) -> Hit | None:
        """The hit nearest to `position` if it is within `tolerance` (for a click)."""
        best: Hit | None = None
        distance = tolerance
        for place, hit in zip(self.positions, self.hits, strict=True):
            if abs(place - position) <= distance:
                best, distance = hit, abs(place - position)
        return best


@dataclass(frozen=True)
class Dispersion:
    """The layout: article starts along the axis, year boundaries for its ticks, the rows."""

    total_chars: int
    article_ids: tuple[int, ...]  # dated articles, by date then id
    article_dates: tuple[str, ...]  # their dates
    article_starts: tuple[int, ...]  # where each begins along the axis
    years: tuple[tuple[str, int], ...]  # (year, where its first article begins)
    months: tuple[tuple[str, int], ...]  # (YYYY-MM, where its first article begins)
    rows: tuple[DispersionRow, ...]
    undated_articles: int

    def date_of(self, article_id: int) -> str:
        for known, date in zip(self.article_ids, self.article_dates, strict=True):
            if known == article_id:
                return date
        return ""

    def article_at(self, position: float) -> int | None:
        """The article laid out at `position`."""
        if not self.article_ids or position < 0 or position >= self.total_chars:
            return None
        low, high = 0, len(self.article_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.article_starts[middle] <= position:
                low = middle
            else:
                high = middle - 1
        return self.article_ids[low]


def dispersion(
    articles: Sequence[tuple[int, str, int]],
    found: Sequence[tuple[str, Mapping[int, Sequence[Hit]]]],
) -> Dispersion:
    """Lay the dated `articles` out by date (then id) and place each term's hits."""
    dated = sorted(
        (DatedArticle(*a) for a in articles if period_of(a[1], YEAR)),
        key=lambda a: (a.date, a.id),
    )
    starts: dict[int, int] = {}
    years: list[tuple[str, int]] = []
    months: list[tuple[str, int]] = []
    offset = 0
    for article in dated:
        starts[article.id] = offset
        year = article.date[:4]
        if not years or years[-1][0] != year:
            years.append((year, offset))
        month = period_of(article.date, MONTH)
        if month and (not months or months[-1][0] != month):
            months.append((month, offset))
        offset += article.chars
    known = {a[0] for a in articles}
    rows = []
    for label, hits_by_article in found:
        placed: list[tuple[int, Hit]] = []
        undated = 0
        with_hits = 0
        for article_id, hits in hits_by_article.items():
            if article_id not in known:
                continue
            begin = starts.get(article_id)
            if begin is None:
                undated += len(hits)
                continue
            with_hits += bool(hits)
            placed.extend((begin + hit[1], hit) for hit in hits)
        placed.sort()
        rows.append(
            DispersionRow(
                label,
                tuple(p for p, _ in placed),
                tuple(h for _, h in placed),
                with_hits,
                undated,
            )
        )
    return Dispersion(
        offset,
        tuple(a.id for a in dated),
        tuple(a.date for a in dated),
        tuple(starts[a.id] for a in dated),
        tuple(years),
        tuple(months),
        tuple(rows),
        len(articles) - len(dated),
    )
