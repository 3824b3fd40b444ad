"""Per-article word counts (a vocabulary and one compressed blob per article) and the
project's stop words: the SQL of word lists, keyness and collocates (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hnreader.core.models import Change, ChangeKind, StoreError
from hnreader.core.store import schema
from hnreader.core.store.base import StoreBase, in_transaction
from hnreader.core.text.safety import clean_user_text

MAX_STOP_WORD_CHARS = 30
# The month of an article's ISO date (YYYY-MM-DD), '' for a partial date or none: the
# analyses' date filters leave such articles out whenever a bound is set.
_BUCKET = (
    "CASE WHEN a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
    "THEN substr(a.date, 1, 7) ELSE '' END"
)


class WordCountQueries(StoreBase):
    # -- counts (derived data: dropped by triggers when an index row goes or changes)

    def has_word_tables(self) -> bool:
        """Whether the file has the word-count tables (a read-only file from before format
        13, or from a later format made without them, has not)."""
        return not schema.lacks_word_counts(self._conn)

    def words_missing_ids(self) -> list[int]:
        """Indexed articles whose word counts are not stored (new, changed, re-indexed), but
        for excluded ones: they count in no total (issue 13)."""
        return [
            row[0]
            for row in self._rows(
                "SELECT i.article_id FROM article_index i "
                "JOIN articles a ON a.id = i.article_id "
                "LEFT JOIN article_words w ON w.article_id = i.article_id "
                "WHERE w.article_id IS NULL AND a.excluded = 0 ORDER BY i.article_id"
            )
        ]

    def unindexed_count(self) -> int:
        """Articles without an index row (their words cannot be counted until indexed)."""
        return int(
            self._value(
                "SELECT count(*) FROM articles a LEFT JOIN article_index i "
                "ON i.article_id = a.id WHERE i.article_id IS NULL"
            )
        )

    def vocabulary(self) -> tuple[list[str], list[int]]:
        """Every word of the vocabulary at its id, and its kind (index 0 and ids never
        used: "", kind 1)."""
        top, count = self._conn.execute("SELECT max(id), count(*) FROM word_vocab").fetchone()
        top = int(top or 0)
        if top == count:  # ids 1..top, as the vocabulary is only added to: read it in one go
            row = self._conn.execute(
                "SELECT group_concat(word, char(0)), group_concat(kind, '') "
                "FROM (SELECT word, kind FROM word_vocab ORDER BY id)"
            ).fetchone()
            words = ["", *(row[0] or "").split("\0")] if top else [""]
            kinds = [1, *map(int, row[1] or "")]
            if len(words) == len(kinds) == top + 1:  # else a word held a NUL or a kind > 9
                return words, kinds
        words, kinds = [""] * (top + 1), [1] * (top + 1)
        for word_id, word, kind in self._conn.execute("SELECT id, word, kind FROM word_vocab"):
            words[word_id] = word
            kinds[word_id] = kind
        return words, kinds

    def add_vocabulary(self, pairs: Sequence[tuple[str, int]]) -> dict[str, int]:
        """Add (word, kind) pairs not in the vocabulary yet (inside a write); their ids."""
        if not pairs:
            return {}
        with self.write():
            self._conn.executemany(
                "INSERT OR IGNORE INTO word_vocab(word, kind) VALUES (?, ?)", pairs
            )
        words = [w for w, _ in pairs]
        found: dict[str, int] = {}
        for start in range(0, len(words), 500):
            chunk = list(words[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            for row in self._rows(
                f"SELECT word, id FROM word_vocab WHERE word IN ({marks})", chunk
            ):
                found[row[0]] = row[1]
        return found

    def write_word_counts(self, rows: Sequence[tuple[int, int, bytes]]) -> int:
        """Store (article id, running words, counts blob) of articles still indexed, each
        with the month of its ISO date; returns how many were stored (an article re-indexed
        or deleted meanwhile is skipped)."""
        stored = 0
        with self.write():
            for article_id, total, blob in rows:
                cursor = self._conn.execute(
                    "INSERT OR REPLACE INTO article_words(article_id, bucket, total, counts) "
                    f"SELECT i.article_id, {_BUCKET}, ?, ? FROM article_index i "
                    "JOIN articles a ON a.id = i.article_id WHERE i.article_id = ?",
                    (total, blob, article_id),
                )
                stored += cursor.rowcount
        return stored

    # -- sums per month ("YYYY-MM", '' for articles without an ISO date) and in all ('*')

    def missing_word_buckets(self) -> list[str]:
        """Months holding counted articles whose sum is not stored."""
        return [
            r[0]
            for r in self._rows(
                "SELECT DISTINCT w.bucket FROM article_words w INDEXED BY article_words_bucket "
                "LEFT JOIN word_buckets b ON b.bucket = w.bucket WHERE b.bucket IS NULL "
                "ORDER BY w.bucket"
            )
        ]

    def has_word_bucket(self, bucket: str) -> bool:
        return self._value("SELECT 1 FROM word_buckets WHERE bucket = ?", (bucket,)) is not None

    def bucket_article_blobs(self, bucket: str) -> Iterator[tuple[int, int, bytes]]:
        yield from self._conn.execute(
            "SELECT article_id, total, counts FROM article_words WHERE bucket = ?", (bucket,)
        )

    def bucket_article_dates(self, buckets: Sequence[str]) -> list[tuple[int, str]]:
        """(article id, date) of the counted articles of these months."""
        found: list[tuple[int, str]] = []
        for bucket in buckets:
            found.extend(
                (r[0], r[1])
                for r in self._rows(
                    "SELECT w.article_id, a.date FROM article_words w "
                    "JOIN articles a ON a.id = w.article_id WHERE w.bucket = ?",
                    (bucket,),
                )
            )
        return found

    def write_word_bucket(self, bucket: str, articles: int, total: int, blob: bytes) -> None:
        with self.write():
            self._conn.execute(
                "INSERT OR REPLACE INTO word_buckets(bucket, articles, total, counts) "
                "VALUES (?, ?, ?, ?)",
                (bucket, articles, total, blob),
            )

    def word_buckets(
        self, buckets: Sequence[str] | None = None
    ) -> list[tuple[str, int, int, bytes]]:
        """(bucket, articles, running words, blob) of these stored sums (None: the months)."""
        if buckets is None:
            return [
                (r[0], r[1], r[2], r[3])
                for r in self._rows("SELECT * FROM word_buckets WHERE bucket != '*'")
            ]
        found = []
        for bucket in buckets:
            row = self._conn.execute(
                "SELECT * FROM word_buckets WHERE bucket = ?", (bucket,)
            ).fetchone()
            if row is not None:
                found.append((row[0], row[1], row[2], row[3]))
        return found

    def word_count_blobs(
        self, ids: Sequence[int] | None = None
    ) -> Iterator[tuple[int, int, bytes]]:
        """(article id, running words, counts blob) of every article with stored counts, or
        of `ids`."""
        if ids is None:
            yield from self._conn.execute("SELECT article_id, total, counts FROM article_words")
            return
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            yield from self._conn.execute(
                "SELECT article_id, total, counts FROM article_words "
                f"WHERE article_id IN ({marks})",
                chunk,
            )

    def word_counts_size(self) -> int:
        """Bytes of the stored count blobs and the vocabulary's words (for benchmarks)."""
        blobs = self._value("SELECT coalesce(sum(length(counts)), 0) FROM article_words")
        words = self._value("SELECT coalesce(sum(length(CAST(word AS BLOB))), 0) FROM word_vocab")
        return int(blobs) + int(words)

    def publications(self) -> list[tuple[str, int]]:
        """Each publication named by articles, with how many, the most frequent first."""
        return [
            (r[0], r[1])
            for r in self._rows(
                "SELECT publication, count(*) FROM articles WHERE publication != '' "
                "GROUP BY publication ORDER BY count(*) DESC, publication"
            )
        ]

    # -- the project's stop words (undoable)

    def stop_word_overrides(self) -> dict[str, bool]:
        """Words the project adds to the shipped stop list (True) or takes out of it (False)."""
        return {r[0]: bool(r[1]) for r in self._rows("SELECT word, stop FROM stop_words")}

    @in_transaction
    def set_stop_words(self, words: Sequence[str], stop: bool) -> Change:
        """Make `words` stop words (or not) in this project: one undo step."""
        cleaned = sorted({clean_user_text(w).strip() for w in words} - {""})
        if not cleaned:
            raise StoreError("give at least one stop word")
        for word in cleaned:
            if len(word) > MAX_STOP_WORD_CHARS or any(c.isspace() for c in word):
                raise StoreError(
                    f"“{word}” cannot be a stop word: at most {MAX_STOP_WORD_CHARS} "
                    "characters, no spaces"
                )

        def action() -> None:
            self._conn.executemany(
                "INSERT INTO stop_words(word, stop) VALUES (?, ?) "
                "ON CONFLICT(word) DO UPDATE SET stop = excluded.stop",
                ((w, int(stop)) for w in cleaned),
            )

        kind = ChangeKind.ADD_STOP_WORDS if stop else ChangeKind.REMOVE_STOP_WORDS
        shown = "、".join(cleaned[:3]) + ("…" if len(cleaned) > 3 else "")
        return self._change(
            kind,
            (shown, str(len(cleaned))),
            lambda: {"stop_words": {(w,) for w in cleaned}},
            action,
        )
