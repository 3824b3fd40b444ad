"""The dates and lengths of articles that trends and dispersion plots lay out (issue 16)."""

from __future__ import annotations

from collections.abc import Sequence

from hnreader.core.store.base import StoreBase


class TrendQueries(StoreBase):
    def dated_lengths(self, ids: Sequence[int] | None = None) -> list[tuple[int, str, int]]:
        """(id, date, length in code points) of every article (or of these), in id order.

        The stored `chars` column is read, never the texts: the `articles_source` index holds
        date and chars, so SQLite answers from the index alone."""
        if ids is None:
            rows = self._rows("SELECT id, date, chars FROM articles ORDER BY id")
        else:
            rows = self._select_in("SELECT id, date, chars FROM articles WHERE id IN ({})", ids)
            rows.sort(key=lambda row: row[0])
        return [(row[0], row[1] or "", row[2]) for row in rows]
