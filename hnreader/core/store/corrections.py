"""Corrections after import (issue 13): excluded articles, orphaned annotations, and the row
updates of re-anchoring and re-importing (the logic: `core.corrections`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from hnreader.core.models import ArticleDraft, ChangeKind, Orphan, StoreError
from hnreader.core.store.articles import ArticleQueries
from hnreader.core.store.base import Change, RowKey, _now, in_transaction

_ORPHAN_COPIED = (
    'kind, article_id, start, "end", quote, prefix, suffix, note, coder, created, updated, '
    "figure_value, figure_unit, figure_kind"
)


class CorrectionQueries(ArticleQueries):
    # -- excluded articles

    def excluded_ids(self) -> set[int]:
        """The articles left out of search, counts, analysis and export (a small index)."""
        return {
            row[0]
            for row in self._rows(
                "SELECT id FROM articles INDEXED BY articles_excluded WHERE excluded != 0"
            )
        }

    def excluded_count(self) -> int:
        return int(
            self._value(
                "SELECT count(*) FROM articles INDEXED BY articles_excluded WHERE excluded != 0"
            )
        )

    @in_transaction
    def set_excluded(self, article_ids: Sequence[int], excluded: bool) -> Change:
        ids = sorted(set(article_ids))
        if not ids:
            raise StoreError("no articles given")
        missing = [
            i for i in ids if self._value("SELECT 1 FROM articles WHERE id = ?", (i,)) is None
        ]
        if missing:
            raise StoreError(f"there is no article with id {missing[0]}")

        def action() -> None:
            self._conn.executemany(
                "UPDATE articles SET excluded = ? WHERE id = ?", [(int(excluded), i) for i in ids]
            )

        kind = ChangeKind.EXCLUDE_ARTICLES if excluded else ChangeKind.INCLUDE_ARTICLES
        return self._change(
            kind, (str(len(ids)),), lambda: {"articles": {(i,) for i in ids}}, action
        )

    # -- orphans

    def orphans(self) -> list[Orphan]:
        return [_orphan(r) for r in self._rows("SELECT * FROM orphans ORDER BY id")]

    def orphan(self, orphan_id: int) -> Orphan:
        row = self._conn.execute("SELECT * FROM orphans WHERE id = ?", (orphan_id,)).fetchone()
        if row is None:
            raise StoreError(f"there is no orphaned annotation with id {orphan_id}")
        return _orphan(row)

    def orphan_count(self) -> int:
        return int(self._value("SELECT count(*) FROM orphans"))

    def orphan_annotation(self, annotation_id: int, reason: str) -> int:
        """Inside a transaction: set an annotation aside as an orphan (with its tags), in
        place of the annotation; the orphan's id."""
        tag_ids = [
            r[0]
            for r in self._rows(
                "SELECT tag_id FROM annotation_tags WHERE annotation_id = ? ORDER BY tag_id",
                (annotation_id,),
            )
        ]
        title = self._value(
            "SELECT a.title FROM annotations n JOIN articles a ON a.id = n.article_id "
            "WHERE n.id = ?",
            (annotation_id,),
        )
        cursor = self._conn.execute(
            f"INSERT INTO orphans(annotation_id, article_title, tag_ids, orphaned, reason, "
            f"{_ORPHAN_COPIED}) SELECT id, ?, ?, ?, ?, {_ORPHAN_COPIED} FROM annotations "
            "WHERE id = ?",
            (title or "", json.dumps(tag_ids), _now(), reason, annotation_id),
        )
        self._conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))
        self._conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def place_annotation(
        self, annotation_id: int, article_id: int, start: int, end: int, context: int = 30
    ) -> None:
        """Inside a transaction: an annotation at `start`–`end` of an article's current text,
        its quote and context taken from that text."""
        text = self._value("SELECT text FROM articles WHERE id = ?", (article_id,))
        self._conn.execute(
            'UPDATE annotations SET article_id = ?, start = ?, "end" = ?, quote = ?, prefix = ?, '
            "suffix = ? WHERE id = ?",
            (
                article_id,
                start,
                end,
                text[start:end],
                text[max(0, start - context) : start],
                text[end : end + context],
                annotation_id,
            ),
        )

    @in_transaction
    def attach_orphan(self, orphan_id: int, article_id: int, start: int, end: int) -> Change:
        """The orphan becomes an annotation again, on `start`–`end` of an article (its old id
        when that is free), with the tags that still exist; one undo step."""
        orphan = self.orphan(orphan_id)
        text = self._value("SELECT text FROM articles WHERE id = ?", (article_id,))
        if text is None:
            raise StoreError(f"there is no article with id {article_id}")
        if not (0 <= start < end <= len(text)):
            raise StoreError(
                f"the span {start}–{end} is not inside article {article_id} (its text has "
                f"{len(text)} characters; start must be less than end)"
            )
        tags = [
            t
            for t in orphan.tag_ids
            if self._value("SELECT 1 FROM tags WHERE id = ?", (t,)) is not None
        ]
        if not tags:
            raise StoreError(
                f"the tags of orphan {orphan_id} were all deleted since; it cannot be attached "
                "without a tag (delete it instead)"
            )
        free = self._value("SELECT 1 FROM annotations WHERE id = ?", (orphan.annotation_id,))
        created: list[int] = []

        def action() -> int:
            # The orphan's article may be gone: the new row names its article at once.
            values = _ORPHAN_COPIED.replace("article_id", "?")
            id_column, id_value = ("id, ", "annotation_id, ") if free is None else ("", "")
            cursor = self._conn.execute(
                f"INSERT INTO annotations({id_column}{_ORPHAN_COPIED}) SELECT {id_value}{values} "
                "FROM orphans WHERE id = ?",
                (article_id, orphan_id),
            )
            annotation_id = int(cursor.lastrowid or 0)
            created.append(annotation_id)
            self.place_annotation(annotation_id, article_id, start, end)
            self._conn.execute(
                "UPDATE annotations SET updated = ? WHERE id = ?", (_now(), annotation_id)
            )
            self._conn.executemany(
                "INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)",
                [(annotation_id, t) for t in tags],
            )
            self._conn.execute("DELETE FROM orphans WHERE id = ?", (orphan_id,))
            return annotation_id

        def keys() -> dict[str, set[RowKey]]:
            return {
                "orphans": {(orphan_id,)},
                "annotations": {(i,) for i in created},
                "annotation_tags": {(i, t) for i in created for t in tags},
            }

        return self._change(ChangeKind.ATTACH_ORPHAN, (orphan.quote[:12],), keys, action)

    @in_transaction
    def delete_orphan(self, orphan_id: int) -> Change:
        orphan = self.orphan(orphan_id)

        def action() -> None:
            self._conn.execute("DELETE FROM orphans WHERE id = ?", (orphan_id,))

        return self._change(
            ChangeKind.DELETE_ORPHAN,
            (orphan.quote[:12],),
            lambda: {"orphans": {(orphan_id,)}},
            action,
        )

    # -- rows touched by a correction

    def orphan_keys(self, article_ids: Iterable[int]) -> set[RowKey]:
        ids = list(article_ids)
        return {
            (r[0],) for r in self._select_in("SELECT id FROM orphans WHERE article_id IN ({})", ids)
        }

    def source_article_ids(self, source_id: int) -> list[int]:
        return [
            r[0]
            for r in self._rows(
                "SELECT id FROM articles WHERE source_id = ? ORDER BY ordinal", (source_id,)
            )
        ]

    def source_file(self, source_id: int) -> dict[str, Any]:
        row = self._conn.execute(
            "SELECT id, name, path, format, encoding FROM source_files WHERE id = ?", (source_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"there is no source file with id {source_id}")
        return dict(row)

    def sources_named(self, name_or_path: str) -> list[int]:
        """The source files imported under this name or from this path (newest last)."""
        return [
            r[0]
            for r in self._rows(
                "SELECT id FROM source_files WHERE name = ? OR path = ? ORDER BY id",
                (name_or_path, name_or_path),
            )
        ]

    def set_article_heading(self, article_id: int, title: str, subtitle: str) -> None:
        """Inside a transaction: a new title and subtitle (the header index follows)."""
        self._conn.execute(
            "UPDATE articles SET title = ?, subtitle = ? WHERE id = ?",
            (title, subtitle, article_id),
        )
        self._sync_header_document(article_id)

    def rewrite_article(self, article_id: int, ordinal: float, draft: ArticleDraft) -> None:
        """Inside a transaction: an article's row takes a re-import's draft (its text and
        derived rows are replaced by the caller), keeping its id, memos and variables."""
        self._conn.execute(
            "UPDATE articles SET ordinal = ?, title = ?, subtitle = ?, date = ?, date_text = ?, "
            "byline = ?, reporters = ?, publication = ?, page = ?, section = ?, url = ?, "
            "first_line = ?, last_line = ? WHERE id = ?",
            (
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
                draft.first_line,
                draft.last_line,
                article_id,
            ),
        )

    def insert_source_article(self, source_id: int, ordinal: float, draft: ArticleDraft) -> int:
        """Inside a transaction: a new article of a source file (a re-import's extra one)."""
        return self._insert_article(source_id, ordinal, draft)

    def move_memos(self, from_article: int, to_article: int) -> None:
        self._conn.execute(
            "UPDATE memos SET article_id = ? WHERE article_id = ?", (to_article, from_article)
        )

    def correction(
        self,
        kind: str,
        args: tuple[str, ...],
        article_ids: Sequence[int],
        action: Callable[[], list[int]],
    ) -> Change:
        """Run a correction as one recorded change over these articles, the articles the
        action creates (it returns them) and the orphans of all of them."""
        created: list[int] = []

        def run() -> int | None:
            created.extend(action())
            return article_ids[0] if article_ids else None

        def keys() -> dict[str, set[RowKey]]:
            ids = [*article_ids, *created]
            found = self._article_keys(ids)
            found["orphans"] = self.orphan_keys(ids)
            return found

        return self._change(kind, args, keys, run)


def _orphan(row: Any) -> Orphan:
    return Orphan(
        id=row["id"],
        annotation_id=row["annotation_id"],
        article_id=row["article_id"],
        article_title=row["article_title"],
        kind=row["kind"],
        start=row["start"],
        end=row["end"],
        quote=row["quote"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        note=row["note"],
        coder=row["coder"],
        created=row["created"],
        tag_ids=tuple(json.loads(row["tag_ids"])),
        orphaned=row["orphaned"],
        reason=row["reason"],
    )
