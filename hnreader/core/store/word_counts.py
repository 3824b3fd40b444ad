"""Per-article word counts (a vocabulary and one compressed blob per article) and the
project's stop words: the SQL of word lists, keyness and collocates (issue 16)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from hnreader.core.models import Change, ChangeKind, StoreError
from hnreader.core.store.base import StoreBase, in_transaction
from hnreader.core.text.safety import clean_user_text

MAX_STOP_WORD_CHARS = 30


class WordCountQueries(StoreBase):
    # -- counts (derived data: dropped by triggers when an index row goes or changes)

    def words_missing_ids(self) -> list[int]:
        """Indexed articles whose word counts are not stored (new, changed, re-indexed)."""
        return [
            row[0]
            for row in self._rows(
                "SELECT i.article_id FROM article_index i "
                "LEFT JOIN article_words w ON w.article_id = i.article_id "
                "WHERE w.article_id IS NULL ORDER BY i.article_id"
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

    def word_ids(self, words: Iterable[str]) -> dict[str, int]:
        """The vocabulary id of each word, adding the words not in it yet (inside a write)."""
        wanted = set(words)
        found: dict[str, int] = {}
        ordered = sorted(wanted)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self._rows(
                f"SELECT word, id FROM word_vocab WHERE word IN ({marks})", chunk
            ):
                found[row[0]] = row[1]
        new = [w for w in ordered if w not in found]
        if new:
            with self.write():
                self._conn.executemany(
                    "INSERT OR IGNORE INTO word_vocab(word) VALUES (?)", ((w,) for w in new)
                )
            for start in range(0, len(new), 500):
                chunk = new[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                for row in self._rows(
                    f"SELECT word, id FROM word_vocab WHERE word IN ({marks})", chunk
                ):
                    found[row[0]] = row[1]
        return found

    def vocabulary(self) -> list[str]:
        """Every word of the vocabulary at its id (index 0 and ids never used: "")."""
        top = self._value("SELECT max(id) FROM word_vocab") or 0
        words = [""] * (int(top) + 1)
        for word_id, word in self._conn.execute("SELECT id, word FROM word_vocab"):
            words[word_id] = word
        return words

    def write_word_counts(self, rows: Sequence[tuple[int, int, bytes]]) -> int:
        """Store (article id, word tokens, counts blob) of articles still indexed; returns how
        many were stored (an article re-indexed or deleted meanwhile is skipped)."""
        stored = 0
        with self.write():
            for article_id, total, blob in rows:
                cursor = self._conn.execute(
                    "INSERT OR REPLACE INTO article_words(article_id, total, counts) "
                    "SELECT article_id, ?, ? FROM article_index WHERE article_id = ?",
                    (total, blob, article_id),
                )
                stored += cursor.rowcount
        return stored

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
