"""Source files, articles, their figures and the user dictionary (their search index rows:
`search_index.py`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from hnreader.core.models import (
    Article,
    ArticleDraft,
    ArticleOrigin,
    ArticleSummary,
    ChangeKind,
    Figure,
    RemovedLine,
    Span,
    StoreError,
)
from hnreader.core.store.base import (
    Change,
    IndexRow,
    RowKey,
    _now,
    in_transaction,
)
from hnreader.core.store.schema import FIGURES_VERSION_KEY, compress_text, decompress_text
from hnreader.core.store.search_index import SearchIndexQueries
from hnreader.core.store.variables import VariableQueries
from hnreader.core.text.safety import clean_user_text

# ArticleSummary's fields but the annotation count, from `articles a` and `source_files s`.
_SUMMARY_COLUMNS = "a.id, a.title, a.date, a.byline, s.name, a.ordinal, a.chars"
# The figures table's columns, in Figure's field order after the article id.
_FIGURE_FIELDS = (
    'article_id, start, "end", text, value, unit, kind, value_low, value_high, approx, sign, '
    "direction"
)


def _figure(r: Any) -> Figure:
    """A figures row (in _FIGURE_FIELDS order) as a Figure."""
    return Figure(
        r[1], r[2], r[3], r[4], r[5], r[6],
        value_low=r[7], value_high=r[8], approx=r[9], sign=r[10], direction=r[11],
    )  # fmt: skip


class ArticleQueries(VariableQueries, SearchIndexQueries):
    # -- source files and articles

    def has_source(self, sha256: str) -> str | None:
        """The name under which text with this hash was imported, if it was."""
        return self._value("SELECT name FROM source_files WHERE sha256 = ?", (sha256,))

    def source_at_path(self, path: str) -> str | None:
        """When a file stored from this path was imported (ISO time), if one was."""
        return self._value(
            "SELECT imported FROM source_files WHERE path = ? ORDER BY id DESC LIMIT 1", (path,)
        )

    def add_source(
        self,
        *,
        name: str,
        path: str,
        sha256: str,
        encoding: str,
        text: str,
        drafts: Sequence[ArticleDraft],
        figures: Sequence[Sequence[Figure]],
        index_rows: Sequence[IndexRow],
        file_format: str = "txt",
        variable_kinds: dict[str, str] | None = None,
    ) -> list[int]:
        """Store a source file with all its articles, figures, index rows and document
        variables (`variable_kinds`: the kind of each variable name): all or nothing."""
        with self.write():
            cursor = self._conn.execute(
                "INSERT INTO source_files(name, path, sha256, encoding, text, compression, "
                "imported, format) VALUES (?, ?, ?, ?, ?, 'zlib', ?, ?)",
                (name, path, sha256, encoding, compress_text(text), _now(), file_format),
            )
            source_id = cursor.lastrowid
            ids = []
            for ordinal, (draft, draft_figures, index_row) in enumerate(
                zip(drafts, figures, index_rows, strict=True), start=1
            ):
                article_id = self._insert_article(source_id, ordinal, draft)
                self._replace_figures(article_id, draft_figures)
                self._put_index_row(article_id, index_row, draft.text)
                ids.append(article_id)
            if variable_kinds:
                self._merge_variable_kinds(variable_kinds)
            return ids

    def _insert_article(self, source_id: int | None, ordinal: float, draft: ArticleDraft) -> int:
        cursor = self._conn.execute(
            "INSERT INTO articles(source_id, ordinal, title, subtitle, date, date_text, byline, "
            "reporters, publication, page, section, url, text, chars, captions, removed, "
            "first_line, last_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                source_id,
                ordinal,
                draft.title,
                draft.subtitle,
                draft.date,
                draft.date_text,
                draft.byline,
                json.dumps(list(draft.reporters), ensure_ascii=False),
                draft.publication,
                draft.page,
                draft.section,
                draft.url,
                draft.text,
                len(draft.text),
                _dump_spans(draft.captions),
                _dump_removed(draft.removed),
                draft.first_line,
                draft.last_line,
            ),
        )
        assert cursor.lastrowid is not None
        self._insert_variables(cursor.lastrowid, draft.variables)
        return cursor.lastrowid

    def _replace_figures(self, article_id: int, figures: Iterable[Figure]) -> None:
        self._conn.execute("DELETE FROM figures WHERE article_id = ?", (article_id,))
        self._conn.executemany(
            f"INSERT INTO figures({_FIGURE_FIELDS}) VALUES ({', '.join('?' * 12)})",
            [
                (
                    article_id,
                    f.start,
                    f.end,
                    f.text,
                    f.value,
                    f.unit,
                    f.kind,
                    f.value_low,
                    f.value_high,
                    f.approx,
                    f.sign,
                    f.direction,
                )
                for f in figures
            ],
        )

    def replace_figures_many(
        self, rows: Sequence[tuple[int, Sequence[Figure]]], figures_version: str | None = None
    ) -> None:
        """Replace the figures of these articles (re-derived from their text) in one
        transaction; with `figures_version`, record that every article's figures follow it."""
        with self.write():
            for article_id, figures in rows:
                self._replace_figures(article_id, figures)
            if figures_version is not None:
                self._conn.execute(
                    "INSERT INTO meta(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (FIGURES_VERSION_KEY, figures_version),
                )

    def figures_version(self) -> str:
        """Which figure model the stored figures follow ("1": before issue 14)."""
        return self.meta(FIGURES_VERSION_KEY, "1")

    def article_texts_and_captions(self, ids: Sequence[int]) -> dict[int, tuple[str, list[Span]]]:
        """What figures are derived from: each article's text and its caption spans."""
        rows = self._select_in("SELECT id, text, captions FROM articles WHERE id IN ({})", ids)
        return {row[0]: (row[1], [Span(s, e) for s, e in json.loads(row[2])]) for row in rows}

    def article_count(self) -> int:
        # Counted over a small index: a scan of the table would read every article's text.
        return int(self._value("SELECT count(*) FROM articles INDEXED BY articles_date"))

    def has_article(self, article_id: int) -> bool:
        return self._value("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def first_article_id(self) -> int | None:
        value = self._value("SELECT min(id) FROM articles")
        return None if value is None else int(value)

    def article_ids(self) -> list[int]:
        return [row[0] for row in self._rows("SELECT id FROM articles ORDER BY id")]

    def article_summaries(self, *, by_date: bool = False) -> list[ArticleSummary]:
        """Every article's summary by source and ordinal, or `by_date` (dates with a year,
        then those without one such as --05-24, then undated ones)."""
        # Every column of `a` here is in the articles_source index: the article rows (and
        # their texts) are not read.
        order = (
            "a.date = '', a.date < '0', a.date, s.name, a.ordinal"
            if by_date
            else "s.name, a.ordinal"
        )
        return self._summaries(
            f"SELECT {_SUMMARY_COLUMNS}, coalesce(n.count, 0) "
            "FROM articles a JOIN source_files s ON s.id = a.source_id "
            "LEFT JOIN (SELECT article_id, count(*) AS count FROM annotations "
            f"GROUP BY article_id) n ON n.article_id = a.id ORDER BY {order}"
        )

    def first_summaries(self, limit: int) -> list[ArticleSummary]:
        """The first `limit` summaries by date (as `article_summaries(by_date=True)`), then
        source and ordinal: the library's first screen, read along the date index without
        listing the rest."""
        select = (
            f"SELECT {_SUMMARY_COLUMNS}, "
            "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id) "
            "FROM articles a INDEXED BY articles_date JOIN source_files s ON s.id = a.source_id "
        )
        order = " ORDER BY a.date, s.name, a.ordinal LIMIT ?"
        found: list[ArticleSummary] = []
        # ISO dates with a year sort from '0'; dates without one (--05-24) before it.
        for where in ("a.date >= '0'", "a.date != '' AND a.date < '0'", "a.date = ''"):
            if len(found) < limit:
                found += self._summaries(f"{select}WHERE {where}{order}", (limit - len(found),))
        return found

    def _summaries(self, sql: str, params: Sequence[Any] = ()) -> list[ArticleSummary]:
        # Plain tuples, not sqlite3.Row objects: 100,000 of those would each be tracked by the
        # garbage collector until freed. Columns in ArticleSummary's field order; the ordinal
        # is REAL (split articles).
        cursor = self._conn.cursor()
        cursor.row_factory = None
        return [
            ArticleSummary(r[0], r[1], r[2], r[3], r[4], int(r[5]), r[6], r[7])
            for r in cursor.execute(sql, params)
        ]

    def article(self, article_id: int) -> Article:
        row = self._conn.execute(
            "SELECT a.*, s.name AS source, "
            "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS annotation_count "
            "FROM articles a JOIN source_files s ON s.id = a.source_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"there is no article with id {article_id}")
        return Article(
            id=row["id"],
            title=row["title"],
            subtitle=row["subtitle"],
            date=row["date"],
            date_text=row["date_text"],
            byline=row["byline"],
            reporters=tuple(json.loads(row["reporters"])),
            publication=row["publication"],
            source=row["source"],
            source_id=row["source_id"],
            ordinal=int(row["ordinal"]),
            text=row["text"],
            captions=tuple(Span(s, e) for s, e in json.loads(row["captions"])),
            removed=tuple(RemovedLine(*item) for item in json.loads(row["removed"])),
            annotation_count=row["annotation_count"],
            page=row["page"],
            section=row["section"],
            url=row["url"],
            first_line=row["first_line"],
            last_line=row["last_line"],
            variables=tuple(self.article_variables(article_id)),
        )

    def article_texts(self, ids: Sequence[int]) -> dict[int, str]:
        rows = self._select_in("SELECT id, text FROM articles WHERE id IN ({})", ids)
        return {row[0]: row[1] for row in rows}

    def article_headers(
        self, date_from: str = "", date_to: str = ""
    ) -> dict[int, tuple[int, str, str, int, str]]:
        """{id: (id, title, date, length in code points, publication)} of every article, from
        the covering index `articles_date` (file format 18): no article's row (and text) is
        read. With bounds (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), only articles whose date
        string sorts from `date_from` through anything that begins with `date_to` — a
        superset of the dates within them, read as a range of the index."""
        sql = "SELECT id, title, date, chars, publication FROM articles INDEXED BY articles_date"
        params: list[str] = []
        clauses = []
        if date_from:
            clauses.append("date >= ?")
            params.append(date_from)
        if date_to:
            clauses.append("date <= ?")
            params.append(date_to + "\uffff")  # 2020-12-31 <= 2020…
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples, kept as they come
        return {row[0]: row for row in cursor.execute(sql, params)}

    def article_briefs(self, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        rows = self._select_in(
            "SELECT a.id, a.title, a.date, s.name FROM articles a "
            "JOIN source_files s ON s.id = a.source_id WHERE a.id IN ({})",
            ids,
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    def article_origins(self, ids: Sequence[int]) -> dict[int, ArticleOrigin]:
        """Publication, page, section, url and source lines of these articles (for export and
        listings)."""
        rows = self._select_in(
            "SELECT id, publication, page, section, url, first_line, last_line FROM articles "
            "WHERE id IN ({})",
            ids,
        )
        return {row[0]: ArticleOrigin(*tuple(row)[1:]) for row in rows}

    def source_text(self, source_id: int) -> str:
        row = self._conn.execute(
            "SELECT text, compression FROM source_files WHERE id = ?", (source_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"there is no source file with id {source_id}")
        return decompress_text(row[0], row[1])

    def _article_keys(self, article_ids: Iterable[int]) -> dict[str, set[RowKey]]:
        ids = list(article_ids)
        keys: dict[str, set[RowKey]] = {
            "articles": {(i,) for i in ids},
            "article_index": {(i,) for i in ids},
            "figures": set(),
            "annotations": set(),
            "annotation_tags": set(),
            "article_variables": set(),
        }
        for row in self._select_in(
            "SELECT article_id, name FROM article_variables WHERE article_id IN ({})", ids
        ):
            keys["article_variables"].add((row[0], row[1]))
        keys["memos"] = {
            (row[0],)
            for row in self._select_in("SELECT id FROM memos WHERE article_id IN ({})", ids)
        }
        for row in self._select_in("SELECT id FROM figures WHERE article_id IN ({})", ids):
            keys["figures"].add((row[0],))
        for row in self._select_in(
            "SELECT n.id, t.tag_id FROM annotations n LEFT JOIN annotation_tags t "
            "ON t.annotation_id = n.id WHERE n.article_id IN ({})",
            ids,
        ):
            keys["annotations"].add((row[0],))
            if row[1] is not None:
                keys["annotation_tags"].add((row[0], row[1]))
        return keys

    @in_transaction
    def replace_article_content(
        self,
        article_id: int,
        *,
        text: str,
        captions: Sequence[Span],
        removed: Sequence[RemovedLine],
        figures: Sequence[Figure],
        index_row: IndexRow,
    ) -> None:
        """Inside a transaction opened by the caller: new text and its derived data."""
        self._drop_index_row(article_id)
        self._conn.execute(
            "UPDATE articles SET text = ?, captions = ?, removed = ? WHERE id = ?",
            (text, _dump_spans(captions), _dump_removed(removed), article_id),
        )
        self._replace_figures(article_id, figures)
        self._put_index_row(article_id, index_row)

    def set_source_lines(self, article_id: int, first_line: int, last_line: int) -> None:
        """Inside a transaction opened by the caller: the source lines an article covers."""
        self._conn.execute(
            "UPDATE articles SET first_line = ?, last_line = ? WHERE id = ?",
            (first_line, last_line, article_id),
        )

    def insert_article_after(self, article_id: int, draft: ArticleDraft) -> int:
        """Inside a transaction opened by the caller: a new article right after another."""
        row = self._conn.execute(
            "SELECT source_id, ordinal FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        following = self._value(
            "SELECT min(ordinal) FROM articles WHERE source_id = ? AND ordinal > ?",
            (row["source_id"], row["ordinal"]),
        )
        ordinal = (row["ordinal"] + following) / 2 if following is not None else row["ordinal"] + 1
        return self._insert_article(row["source_id"], ordinal, draft)

    def next_article_id(self, article_id: int) -> int | None:
        """The article that follows this one in its source file, if any."""
        row = self._conn.execute(
            "SELECT source_id, ordinal FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        return self._value(
            "SELECT id FROM articles WHERE source_id = ? AND ordinal > ? ORDER BY ordinal LIMIT 1",
            (row["source_id"], row["ordinal"]),
        )

    def move_annotations(self, from_article: int, to_article: int, start: int, shift: int) -> None:
        """Inside a transaction: annotations at or after `start` move to another article."""
        self._conn.execute(
            'UPDATE annotations SET article_id = ?, start = start + ?, "end" = "end" + ? '
            "WHERE article_id = ? AND start >= ?",
            (to_article, shift, shift, from_article, start),
        )

    def delete_article_annotations(self, article_id: int) -> None:
        """Inside a transaction: remove an article's annotations (their tag links go too)."""
        self._conn.execute(
            "DELETE FROM annotation_tags WHERE annotation_id IN "
            "(SELECT id FROM annotations WHERE article_id = ?)",
            (article_id,),
        )
        self._conn.execute("DELETE FROM annotations WHERE article_id = ?", (article_id,))

    def delete_article_row(self, article_id: int) -> None:
        """Inside a transaction: remove an article that has no annotations left."""
        self._drop_index_row(article_id)
        self._conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    @in_transaction
    def restructure(
        self,
        kind: str,
        args: tuple[str, ...],
        article_ids: Sequence[int],
        action: Callable[[], int | None],
    ) -> Change:
        """Run a split/merge `action` as one recorded change over the articles involved.

        The new article an action creates is found after it ran, via the returned id.
        """
        created: list[int] = []

        def run() -> int | None:
            result = action()
            if result is not None and result not in article_ids:
                created.append(result)
            return result

        return self._change(kind, args, lambda: self._article_keys([*article_ids, *created]), run)

    # -- figures

    def figures(self, article_id: int | None = None) -> list[tuple[int, Figure]]:
        sql = f"SELECT {_FIGURE_FIELDS} FROM figures"
        params: tuple[Any, ...] = ()
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params = (article_id,)
        rows = self._rows(sql + " ORDER BY article_id, start", params)
        return [(r[0], _figure(r)) for r in rows]

    # -- user dictionary

    def user_words(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT word FROM user_words ORDER BY word")]

    @in_transaction
    def add_user_word(self, word: str) -> Change:
        word = clean_user_text(word).strip()
        if not word or any(c.isspace() for c in word):
            raise StoreError("a dictionary word cannot be empty or contain spaces")
        if len(word) > 30:
            raise StoreError("a dictionary word can have at most 30 characters")

        def action() -> None:
            self._conn.execute(
                "INSERT OR IGNORE INTO user_words(word, added) VALUES (?, ?)", (word, _now())
            )

        return self._change(ChangeKind.ADD_WORD, (word,), lambda: {"user_words": {(word,)}}, action)

    @in_transaction
    def remove_user_word(self, word: str) -> Change:
        def action() -> None:
            self._conn.execute("DELETE FROM user_words WHERE word = ?", (word,))

        return self._change(
            ChangeKind.REMOVE_WORD, (word,), lambda: {"user_words": {(word,)}}, action
        )


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _dump_spans(spans: Iterable[Span]) -> str:
    return json.dumps([[s.start, s.end] for s in spans])


def _dump_removed(lines: Iterable[RemovedLine]) -> str:
    return json.dumps([[r.text, r.reason, r.source_line] for r in lines], ensure_ascii=False)
