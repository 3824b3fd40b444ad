"""An article's details as the user edits them: title, date, byline, subtitle, publication,
page, section, url, reporters; and a year given to dates written without one. Each edit is one
change."""

from __future__ import annotations

import json
from collections.abc import Sequence

from hnreader.core.models import ChangeKind, ErrorCode, SearchField, StoreError
from hnreader.core.store.articles import ArticleQueries
from hnreader.core.store.base import Change
from hnreader.core.text.dates import month_day, with_year
from hnreader.core.text.safety import clean_user_text


class ArticleDetails(ArticleQueries):
    def update_article_metadata(self, article_id: int, **fields: str | Sequence[str]) -> Change:
        """Rename or set date/byline/subtitle/publication/page/section/url/reporters of an
        article."""
        allowed = {
            "title",
            "subtitle",
            "date",
            "date_text",
            "byline",
            "publication",
            "page",
            "section",
            "url",
            "reporters",
        }
        unknown = set(fields) - allowed
        if unknown:
            raise StoreError(f"cannot set {', '.join(sorted(unknown))} on an article")
        if "title" in fields and not str(fields["title"]).strip():
            raise StoreError("an article title cannot be empty")
        self.article(article_id)  # raises for a missing article
        values = {
            k: json.dumps([clean_user_text(r) for r in v], ensure_ascii=False)
            if k == "reporters"
            else clean_user_text(str(v)).strip()
            for k, v in fields.items()
        }

        def action() -> int:
            assignments = ", ".join(f"{k} = ?" for k in values)
            self._conn.execute(
                f"UPDATE articles SET {assignments} WHERE id = ?", (*values.values(), article_id)
            )
            if values.keys() & set(SearchField.HEADER):
                self._sync_header_document(article_id)  # in the same transaction
            return article_id

        kind = ChangeKind.RENAME_ARTICLE if set(fields) == {"title"} else ChangeKind.EDIT_ARTICLE
        return self._change(kind, (), lambda: {"articles": {(article_id,)}}, action)

    def give_year(self, article_ids: Sequence[int], year: int) -> Change:
        """Dates without a year (--05-24) of these articles take `year`, in one step;
        the other articles are left as they are. Raises StoreError when none lacks a year."""
        if not 1 <= year <= 9999:
            raise StoreError(f"{year} is not a year", code=ErrorCode.INVALID_VALUE, value=year)
        found: dict[int, str] = {}
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT id, date FROM articles WHERE id IN ({marks}) AND date LIKE '--%'", chunk
            ).fetchall()
            found.update({row[0]: row[1] for row in rows})
        dated = {i: with_year(d, f"{year:04d}") for i, d in found.items() if month_day(d)}
        if not dated:
            raise StoreError(
                "none of these articles has a date without a year", code=ErrorCode.NOTHING_TO_DO
            )

        def action() -> int:
            self._conn.executemany(
                "UPDATE articles SET date = ? WHERE id = ?", [(d, i) for i, d in dated.items()]
            )
            return len(dated)

        keys = {(article_id,) for article_id in dated}
        return self._change(
            ChangeKind.GIVE_YEAR, (str(year), str(len(dated))), lambda: {"articles": keys}, action
        )
