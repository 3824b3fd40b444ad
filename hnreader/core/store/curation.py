"""The consensus coder's coding of one unit, replaced in one change (issue 17, item 4)."""

from __future__ import annotations

from collections.abc import Sequence

from hnreader.core.models import Change, ChangeKind, StoreError
from hnreader.core.store.base import RowKey, StoreBase, _now, in_transaction

CONTEXT_CHARS = 30


class CurationQueries(StoreBase):
    @in_transaction
    def set_unit_coding(
        self,
        article_id: int,
        start: int,
        end: int,
        tag_id: int,
        coder: str,
        spans: Sequence[tuple[int, int]],
    ) -> Change:
        """Make `coder`'s coding of `tag_id` within [start, end) exactly `spans`: the parts
        of their annotations of the tag inside the unit lose the tag (or go), the parts
        outside it stay as they were; then `spans` are added with the tag."""
        text = self._value("SELECT text FROM articles WHERE id = ?", (article_id,))
        if text is None:
            raise StoreError(f"there is no article with id {article_id}")
        if not 0 <= start < end <= len(text):
            raise StoreError(f"the unit {start}–{end} is not inside article {article_id}")
        for s, e in spans:
            if not start <= s < e <= end:
                raise StoreError(f"the span {s}–{e} is not inside the unit {start}–{end}")
        if self._value("SELECT 1 FROM tags WHERE id = ?", (tag_id,)) is None:
            raise StoreError(f"there is no tag with id {tag_id}")
        if not coder.strip():
            raise StoreError("the consensus coder needs a name")
        touched = self._rows(
            'SELECT n.id, n.kind, n.start, n."end", n.note, n.created FROM annotations n '
            "JOIN annotation_tags x ON x.annotation_id = n.id AND x.tag_id = ? "
            'WHERE n.article_id = ? AND n.coder = ? AND n.start < ? AND n."end" > ?',
            (tag_id, article_id, coder, end, start),
        )
        tags_of = {
            r["id"]: [
                t[0]
                for t in self._rows(
                    "SELECT tag_id FROM annotation_tags WHERE annotation_id = ?", (r["id"],)
                )
            ]
            for r in touched
        }
        pieces: list[tuple[int, int, list[int], str, str]] = []  # start, end, tags, note, kind
        for r in touched:
            tags, note, kind = tags_of[r["id"]], r["note"], r["kind"]
            if r["start"] < start:
                pieces.append((r["start"], start, tags, note, kind))
            if r["end"] > end:
                pieces.append((end, r["end"], tags, note, kind))
            rest = [t for t in tags if t != tag_id]
            if rest:
                pieces.append((max(start, r["start"]), min(end, r["end"]), rest, note, kind))
        pieces.extend((s, e, [tag_id], "", "passage") for s, e in spans)
        deleted = [r["id"] for r in touched]
        created: list[int] = []
        links: list[tuple[int, int]] = []

        def action() -> None:
            stamp = _now()
            for annotation_id in deleted:
                self._conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
            for s, e, tags, note, kind in pieces:
                cursor = self._conn.execute(
                    'INSERT INTO annotations(kind, article_id, start, "end", quote, prefix, '
                    "suffix, note, coder, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        kind,
                        article_id,
                        s,
                        e,
                        text[s:e],
                        text[max(0, s - CONTEXT_CHARS) : s],
                        text[e : e + CONTEXT_CHARS],
                        note,
                        coder,
                        stamp,
                        stamp,
                    ),
                )
                assert cursor.lastrowid is not None
                created.append(cursor.lastrowid)
                links.extend((cursor.lastrowid, t) for t in tags)
            self._conn.executemany(
                "INSERT INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)", links
            )

        old_links = {(a, t) for a, tags in tags_of.items() for t in tags}

        def keys() -> dict[str, set[RowKey]]:
            return {
                "annotations": {(i,) for i in deleted + created},
                "annotation_tags": old_links | set(links),
            }

        return self._change(ChangeKind.RESOLVE, (coder,), keys, action)
