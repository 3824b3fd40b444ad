"""The search index of the articles: index rows and their FTS documents (text and header),
candidate pages and the rows a search checks."""

from __future__ import annotations

import math
import os
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from hnreader.core.models import SearchField, StoreError
from hnreader.core.store.base import IndexRow, StoreBase
from hnreader.core.text.fts import count_body_token, folded_of_document

# (SearchField, stored text, folded view or None when not indexed) of each header field.
HeaderRow = tuple[tuple[str, str, str | None], ...]


# Answers that depend on the body index alone, per project file, while the index's structure
# record (FTS5 rewrites it whenever a write to the index is committed) stays the same: every
# search opens a connection of its own, so they are kept for the process, not the connection.
_INDEX_ANSWERS: dict[str, tuple[bytes, dict[tuple[Any, ...], Any]]] = {}
SAMPLE_ARTICLES = 200  # articles read, evenly spaced by id, for `token_estimates`


class MatchRow(NamedTuple):
    """What a search reads of one article (`match_rows`, `header_rows`)."""

    text: str
    folded: str | None  # the body's folded view, kept only where OpenCC changed it
    flags: bytes | None  # the body's compressed flags (None: not indexed)
    header: HeaderRow = ()  # () when the header is not read


# The articles (ids in a range, not excluded) whose body document matches an expression,
# with their stored text and folded view: `FROM article_fts f` + this, then the match, the
# range's lower and upper bounds as parameters.
MATCHING_ARTICLES = (
    "JOIN articles a ON a.id = f.rowid LEFT JOIN article_index i ON i.article_id = f.rowid "
    "WHERE article_fts MATCH ? AND f.rowid > ? AND f.rowid <= ? AND a.excluded = 0"
)


def hits_sql(terms: Sequence[str]) -> tuple[str, list[Any]]:
    """The SQL expression (and its parameters) of an article's hits of `terms` in its
    stored folded view, else its text: non-overlapping occurrences, left to right, as
    `replace()` finds them (right only for terms folding makes from no other character)."""
    each = "(a.chars - length(replace(coalesce(i.folded, a.text), ?, ''))) / ?"
    return " + ".join([each] * len(terms)), [v for term in terms for v in (term, len(term))]


class SearchIndexQueries(StoreBase):
    article_count: Callable[[], int]  # ArticleQueries'
    excluded_ids: Callable[[], set[int]]  # CorrectionQueries'
    _mean_chars: tuple[int, float] | None = None  # (article count, mean length) last read
    # ((data_version, total_changes) when read, {token: (articles, occurrences)})
    _memo: tuple[tuple[int, int], dict[tuple[Any, ...], Any]] | None = None
    _own_answers: tuple[bytes, dict[tuple[Any, ...], Any]] | None = None  # `:memory:`'s

    def write_index_many(self, rows: Sequence[tuple[int, IndexRow]]) -> None:
        """(Re)index articles in one transaction. An article whose FTS document stays the same
        (its folded view did not change) only gets its new flags."""
        with self.write():
            for article_id, row in rows:
                current = self._conn.execute(
                    "SELECT folded FROM article_index WHERE article_id = ?", (article_id,)
                ).fetchone()
                if current is not None and current[0] == row.folded:
                    self._conn.execute(
                        "UPDATE article_index SET version = ?, flags = ? WHERE article_id = ?",
                        (row.version, row.flags, article_id),
                    )
                    self._sync_header_document(article_id)
                    continue
                self._drop_index_row(article_id)
                self._put_index_row(article_id, row)

    def reset_search_index(self, fold: str) -> None:
        """Empty the index (every article becomes stale) and record the fold it will use:
        documents folded another way could not be deleted from the contentless table."""
        with self.write():
            self._conn.execute("INSERT INTO article_fts(article_fts) VALUES ('delete-all')")
            self._conn.execute("DELETE FROM article_header_fts")
            self._conn.execute("DELETE FROM article_index")
            self._conn.execute(
                "INSERT INTO meta(key, value) VALUES ('index_fold', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (fold,),
            )  # the key Project.open checks

    def stale_index_ids(self, version: str) -> list[int]:
        """Articles whose index was built by another segmenter/dictionary version, or never."""
        return [
            row[0]
            for row in self._rows(
                "SELECT a.id FROM articles a INDEXED BY articles_date "
                "LEFT JOIN article_index i ON i.article_id = a.id "
                "WHERE i.version IS NULL OR i.version != ? ORDER BY a.id",
                (version,),
            )
        ]

    def has_stale_index(self, version: str) -> bool:
        """Whether `stale_index_ids(version)` would list anything (from two small indexes)."""
        indexed = self._value("SELECT count(*) FROM article_index INDEXED BY article_index_version")
        if indexed < self.article_count():
            return True
        other = self._value(
            "SELECT 1 FROM article_index INDEXED BY article_index_version "
            "WHERE version < ? OR version > ? LIMIT 1",
            (version, version),
        )
        return other is not None

    def relabel_index_version(self, old: str, new: str) -> None:
        """Mark index rows built by `old` as current for `new` (their text was unaffected)."""
        with self.write():
            self._conn.execute("UPDATE article_index SET version = ? WHERE version = ?", (new, old))

    def fts_page(self, match: str | None, after: int, limit: int) -> list[int]:
        """Up to `limit` ids above `after`, in id order, of the articles whose FTS document
        matches the expression `match` (None: of every article)."""
        if match is None:
            sql, params = "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", (after, limit)
        else:
            sql = (
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid > ? "
                "ORDER BY rowid LIMIT ?"
            )
            params = (match, after, limit)  # type: ignore[assignment]
        try:
            return [row[0] for row in self._rows(sql, params)]
        except sqlite3.OperationalError as error:
            raise StoreError(f"the search index could not read this query ({error})") from None

    def header_fts_page(self, match: str, after: int, limit: int) -> list[int]:
        """As `fts_page`, over the header index (columns title, subtitle, byline)."""
        sql = (
            "SELECT rowid FROM article_header_fts WHERE article_header_fts MATCH ? "
            "AND rowid > ? ORDER BY rowid LIMIT ?"
        )
        try:
            return [row[0] for row in self._rows(sql, (match, after, limit))]
        except sqlite3.OperationalError as error:
            raise StoreError(f"the search index could not read this query ({error})") from None

    def fts_count(self, match: str, after: int = 0, upto: int | None = None) -> int:
        """How many articles (ids in `after`..`upto`) have a body document matching `match`,
        counted in the index alone."""
        sql = "SELECT count(*) FROM article_fts WHERE article_fts MATCH ? AND rowid > ?"
        params: list[Any] = [match, after]
        if upto is not None:
            sql += " AND rowid <= ?"
            params.append(upto)
        memo = self._remembered()
        key = ("count", match, after, upto)
        if key not in memo:  # a search asks for it more than once (the totals' estimate)
            count = int(self._fts_value(sql, params))
            # Excluded articles keep their index rows (issue 13) but are never a hit.
            excluded = [i for i in self.excluded_ids() if i > after and (upto is None or i <= upto)]
            memo[key] = count - len(self.fts_matching(match, excluded)) if excluded else count
        return int(memo[key])

    def token_estimates(self, tokens: Sequence[str]) -> dict[str, float]:
        """Estimated occurrences of single body-index tokens in the whole index, from the
        characters of a sample of articles: what `fts_token_totals` counts exactly by reading
        each token's posting list (≈ 0.1 s for a common character at 100,000 articles), for
        a planner that only needs the order of magnitude."""
        answers = self._index_answers()
        if ("sample",) not in answers:
            answers["sample",] = self._token_sample()
        sample, scale = answers["sample",]
        return {token: count_body_token(sample, token) * scale for token in dict.fromkeys(tokens)}

    def _token_sample(self) -> tuple[str, float]:
        """The sampled articles' folded texts, and the corpus's characters per one of them."""
        low, high = self._conn.execute("SELECT min(id), max(id) FROM articles").fetchone()
        if low is None:
            return "", 0.0
        step = max(1, (high - low + 1) // SAMPLE_ARTICLES)
        ids = list(range(low, high + 1, step))[:SAMPLE_ARTICLES]
        rows = self._conn.execute(
            "SELECT coalesce(i.folded, a.text) FROM articles a "
            "LEFT JOIN article_index i ON i.article_id = a.id "
            f"WHERE a.id IN ({', '.join('?' * len(ids))})",
            ids,
        ).fetchall()
        sample = "".join(row[0] for row in rows)
        total = self.mean_article_chars() * self.article_count()
        return sample, (total / len(sample) if sample else 0.0)

    def forget_index_answers(self) -> None:
        """Drop what this connection and the process remember of the index (benchmarks
        time a first search with it)."""
        self._memo = self._own_answers = None
        _INDEX_ANSWERS.pop(str(self.path), None)

    def _index_answers(self) -> dict[tuple[Any, ...], Any]:
        """Answers that depend on the body index alone (`_INDEX_ANSWERS`); inside a write
        transaction none are kept (its changes to the index are not in the record yet)."""
        if self._conn.in_transaction:
            return {}
        row = self._conn.execute("SELECT block FROM article_fts_data WHERE id = 10").fetchone()
        state = bytes(row[0]) if row is not None else b""
        if str(self.path) == ":memory:":  # no other connection sees it
            if self._own_answers is None or self._own_answers[0] != state:
                self._own_answers = (state, {})
            return self._own_answers[1]
        try:  # a file put in its place (a restored copy) is another file
            state += os.stat(self.path).st_ino.to_bytes(16, "little")
        except OSError:
            return {}
        kept = _INDEX_ANSWERS.get(str(self.path))
        if kept is None or kept[0] != state:
            kept = _INDEX_ANSWERS[str(self.path)] = (state, {})
        return kept[1]

    def _remembered(self) -> dict[tuple[Any, ...], Any]:
        """Answers read from the index, kept until this connection or another one writes
        to the file (a token's totals cost a read of its whole posting list)."""
        state = (int(self._value("PRAGMA data_version")), self._conn.total_changes)
        if self._memo is None or self._memo[0] != state:
            self._memo = (state, {})
        return self._memo[1]

    def fts_body_hits(
        self, match: str, terms: Sequence[str], after: int, upto: int
    ) -> tuple[int, int]:
        """(articles, hits) over the articles with ids in `after`..`upto` whose body
        document matches `match`: the hits are the non-overlapping occurrences, left to
        right, of each term in the article's stored folded view, else in its text (right
        only for terms whose characters folding makes from no other character), counted by
        SQLite without the texts coming into Python."""
        if not terms:
            return 0, 0
        hits, params = hits_sql(terms)
        sql = f"SELECT count(*), coalesce(sum({hits}), 0) FROM article_fts f {MATCHING_ARTICLES}"
        row = self._fts_row(sql, [*params, match, after, upto])
        return int(row[0]), int(row[1])

    def fts_texts(self, match: str, after: int, upto: int) -> list[tuple[int, str, str | None]]:
        """(id, text, stored folded view or None) of the articles with ids in `after`..`upto`
        whose body document matches `match`, in id order."""
        sql = (
            f"SELECT f.rowid, a.text, i.folded FROM article_fts f {MATCHING_ARTICLES} "
            "ORDER BY f.rowid"
        )
        try:
            rows = self._conn.execute(sql, (match, after, upto)).fetchall()
            return [(row[0], row[1], row[2]) for row in rows]
        except sqlite3.OperationalError as error:
            raise StoreError(f"the search index could not read this query ({error})") from None

    def fts_token_totals(self, tokens: Sequence[str]) -> dict[str, tuple[int, int]]:
        """(articles, occurrences) of single tokens of the body index, from the index's own
        vocabulary (fts5vocab, a temporary table of this connection: nothing is written)."""
        self._conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_fts_terms "
            "USING fts5vocab(main, article_fts, 'row')"
        )
        known = self._index_answers()
        for token in dict.fromkeys(tokens):
            if ("token", token) not in known:
                row = self._conn.execute(
                    "SELECT doc, cnt FROM temp.article_fts_terms WHERE term = ?", (token,)
                ).fetchone()
                known["token", token] = (0, 0) if row is None else (int(row[0]), int(row[1]))
        return {token: known["token", token] for token in tokens}

    def fts_phrase_counts(self, tokens: str, *, bordered: bool) -> list[tuple[int, int]]:
        """(article id, hits) of every indexed article whose body holds the phrase of these
        body-index tokens (one per code point), from the index's positions alone (fts5vocab
        'instance', a temporary table of this connection): nothing of the texts is read. The
        hits are non-overlapping occurrences, left to right; `bordered` (a proper prefix of
        the phrase is also its suffix, so occurrences can overlap) has them stepped through
        here. Excluded articles are listed too; costs about one row per position of each
        token in the whole index (`fts_token_totals` gives how many)."""
        self._conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_fts_positions "
            "USING fts5vocab(main, article_fts, 'instance')"
        )
        each = 'SELECT doc, "offset" - ? AS s FROM temp.article_fts_positions WHERE term = ?'
        params: list[Any] = [value for i, token in enumerate(tokens) for value in (i, token)]
        if len(tokens) == 1:
            starts = each
        else:
            starts = (
                f"SELECT doc, s FROM ({' UNION ALL '.join([each] * len(tokens))}) "
                "GROUP BY doc, s HAVING count(*) = ?"
            )
            params.append(len(tokens))
        cursor = self._conn.cursor()
        cursor.row_factory = None
        try:
            if not bordered:
                sql = f"SELECT doc, count(*) FROM ({starts}) GROUP BY doc"
                return [(row[0], row[1]) for row in cursor.execute(sql, params)]
            rows = cursor.execute(f"SELECT doc, s FROM ({starts}) ORDER BY doc, s", params)
            counts: dict[int, int] = {}
            end = (-1, -1)  # (article, offset) where the last counted occurrence ends
            for doc, start in rows:
                if doc != end[0] or start >= end[1]:
                    counts[doc] = counts.get(doc, 0) + 1
                    end = (doc, start + len(tokens))
            return list(counts.items())
        except sqlite3.OperationalError as error:
            raise StoreError(f"the search index could not read this query ({error})") from None

    def fts_instance_counts(self, tokens: str) -> list[tuple[int, int]] | None:
        """(article id, occurrences) of every indexed article whose body holds the phrase of
        these body-index tokens, counted by FTS5 itself, in C, without a text or a position
        coming into Python — or None when the counts cannot be recovered exactly (the caller
        then counts another way). Every occurrence is counted, overlapping ones too: right
        for terms without a border (`positions.has_border`). Excluded articles are listed.

        FTS5's built-in `bm25()` of a one-phrase query is, for each row, idf × f × (k1 + 1)
        / (f + K): f the phrase's instances in the row (FTS5's own xInstCount), idf from the
        index's row count and the phrase's matching rows, K = k1 × (1 − b + b × D / avgdl).
        The body index is contentless with `columnsize = 0`, so every row's size D reads as
        −1 and K is one number for the index (avgdl from its averages record). So f is the
        score solved for it; each must come out within 0.01 of a whole number, else None."""
        if self._conn.in_transaction:
            return None  # the averages record is written at commit
        averages = self._conn.execute("SELECT block FROM article_fts_data WHERE id = 1").fetchone()
        if averages is None:
            return None
        rows_in_index, total_tokens = _averages(bytes(averages[0]))
        cursor = self._conn.cursor()
        cursor.row_factory = None
        try:
            scores = cursor.execute(
                "SELECT rowid, bm25(article_fts) FROM article_fts WHERE article_fts MATCH ?",
                ('"' + " ".join(tokens) + '"',),
            ).fetchall()
        except sqlite3.OperationalError as error:
            raise StoreError(f"the search index could not read this query ({error})") from None
        if not scores:
            return []
        if rows_in_index <= 0 or total_tokens <= 0:
            return None
        k1, b, size = 1.2, 0.75, -1.0  # FTS5's constants (fts5_aux.c), the size it reads
        matching = len(scores)
        idf = math.log((rows_in_index - matching + 0.5) / (matching + 0.5))
        if idf <= 0.0:
            idf = 1e-6  # as FTS5 clamps it
        k = k1 * (1 - b + b * size / (total_tokens / rows_in_index))
        counts: list[tuple[int, int]] = []
        for article_id, score in scores:
            ratio = -score / idf  # f × (k1 + 1) / (f + K)
            if ratio >= k1 + 1.0:
                return None
            found = ratio * k / (k1 + 1.0 - ratio)
            whole = round(found)
            if whole < 1 or abs(found - whole) > 0.01:
                return None
            counts.append((article_id, whole))
        return counts

    def mean_article_chars(self) -> float:
        """The articles' mean length in code points (0 when there is none), from the small
        index holding the lengths; remembered while the number of articles stays the same."""
        count = self.article_count()
        cached = self._mean_chars
        if cached is None or cached[0] != count:
            total = self._value(
                "SELECT coalesce(sum(chars), 0) FROM articles INDEXED BY articles_source"
            )
            cached = self._mean_chars = (count, total / count if count else 0.0)
        return cached[1]

    def fts_matching(self, match: str, ids: Sequence[int]) -> set[int]:
        """Those of `ids` whose body document matches `match`."""
        found: set[int] = set()
        for offset in range(0, len(ids), 500):
            chunk = list(ids[offset : offset + 500])
            sql = (
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ? "
                f"AND rowid IN ({', '.join('?' * len(chunk))})"
            )
            try:
                found.update(row[0] for row in self._conn.execute(sql, (match, *chunk)))
            except sqlite3.OperationalError as error:
                raise StoreError(f"the search index could not read this query ({error})") from None
        return found

    def last_article_id(self) -> int:
        """The highest article id (0 when there is none)."""
        return int(self._value("SELECT coalesce(max(id), 0) FROM articles"))

    def _fts_row(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...]:
        try:
            return tuple(self._conn.execute(sql, params).fetchone())
        except sqlite3.OperationalError as error:
            raise StoreError(f"the search index could not read this query ({error})") from None

    def _fts_value(self, sql: str, params: Sequence[Any]) -> Any:
        return self._fts_row(sql, params)[0]

    def fts_ids(self, match: str) -> list[int]:
        """Every article id whose FTS document matches `match`, ascending."""
        ids: list[int] = []
        while page := self.fts_page(match, ids[-1] if ids else 0, 5000):
            ids.extend(page)
        return ids

    def match_rows(self, ids: Sequence[int]) -> dict[int, MatchRow]:
        """What a search checks of these articles' text: the text, its stored folded view
        (or None), its compressed flags (or None); no header (see `header_rows`). Excluded
        articles have none, so a search passes over them."""
        rows = self._select_in(
            "SELECT a.id, a.text, i.folded, i.flags FROM articles a "
            "LEFT JOIN article_index i ON i.article_id = a.id WHERE a.id IN ({}) "
            "AND a.excluded = 0",  # an excluded article is never a hit (issue 13)
            ids,
        )
        return {r[0]: MatchRow(r[1], r[2], None if r[3] is None else bytes(r[3])) for r in rows}

    def header_rows(self, ids: Sequence[int]) -> dict[int, HeaderRow]:
        """(SearchField, stored text, folded view from the header index or None when not
        indexed) of the title, subtitle and byline of these articles."""
        rows = self._select_in(
            "SELECT a.id, a.title, a.subtitle, a.byline, h.title, h.subtitle, h.byline "
            "FROM articles a LEFT JOIN article_header_fts h ON h.rowid = a.id "
            "WHERE a.id IN ({})",
            ids,
        )
        return {
            r[0]: tuple(
                (field, r[1 + n], None if r[4 + n] is None else folded_of_document(r[4 + n]))
                for n, field in enumerate(SearchField.HEADER)
            )
            for r in rows
        }

    def article_word_flags(self, article_id: int) -> bytes:
        """The uncompressed per-position word-boundary flags of an article ("" if unindexed)."""
        blob = self._value("SELECT flags FROM article_index WHERE article_id = ?", (article_id,))
        return zlib.decompress(blob) if blob else b""


def _averages(record: bytes) -> tuple[int, int]:
    """(rows, tokens of the first column) of an FTS5 averages record: SQLite varints."""
    values: list[int] = []
    at = 0
    while at < len(record) and len(values) < 2:
        value = 0
        for step in range(9):
            byte = record[at]
            at += 1
            if step == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        values.append(value)
    return (values[0], values[1]) if len(values) == 2 else (0, 0)
