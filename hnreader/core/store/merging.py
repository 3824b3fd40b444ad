"""Merging another coder's work into the project (issue 17): what a merge reads of both
files, and its writes (new tags, annotations and memos) as one change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.models import Change, ChangeKind, StoreError
from hnreader.core.store.base import RowKey, StoreBase, _now, in_transaction
from hnreader.core.store.tags import _check_color, _check_tag_name

CONTEXT_CHARS = 30


@dataclass(frozen=True)
class ArticleKey:
    """What identifies an article across two project files: its text, its source file's
    content hash and its title (ids differ from file to file)."""

    id: int
    title: str
    source_sha256: str
    text: str


@dataclass(frozen=True)
class NewTag:
    """A tag to create: `key` is negative (annotations name it by that key until it exists);
    `parent` is an existing tag's id, another new tag's key, or None."""

    key: int
    name: str
    color: str
    description: str
    parent: int | None


@dataclass(frozen=True)
class NewAnnotation:
    kind: str
    article_id: int
    start: int
    end: int
    tag_keys: tuple[int, ...]  # existing ids (positive) or new tags' keys (negative)
    note: str
    coder: str
    created: str
    figure_value: float | str | None = None
    figure_unit: str = ""
    figure_kind: str = ""


@dataclass(frozen=True)
class NewMemo:
    kind: str
    article_id: int | None
    tag_key: int | None
    text: str
    coder: str
    created: str


class MergeQueries(StoreBase):
    def article_keys(self, ids: Sequence[int] | None = None) -> list[ArticleKey]:
        """Every article's (or these articles') text, source hash and title."""
        sql = (
            "SELECT a.id, a.title, s.sha256, a.text FROM articles a "
            "JOIN source_files s ON s.id = a.source_id"
        )
        if ids is None:
            rows = self._rows(sql + " ORDER BY a.id")
        else:
            rows = self._select_in(sql + " WHERE a.id IN ({})", list(ids))
        return [ArticleKey(r[0], r[1], r[2], r[3]) for r in rows]

    def annotated_article_ids(self) -> list[int]:
        """Articles with an annotation or an article memo."""
        rows = self._rows(
            "SELECT article_id FROM annotations UNION "
            "SELECT article_id FROM memos WHERE article_id IS NOT NULL ORDER BY 1"
        )
        return [r[0] for r in rows]

    @in_transaction
    def add_merged(
        self,
        source_name: str,
        tags: Sequence[NewTag],
        annotations: Sequence[NewAnnotation],
        memos: Sequence[NewMemo],
    ) -> Change:
        """Create the tags, annotations and memos of a merge, as one change (one undo)."""
        if not (tags or annotations or memos):
            raise StoreError("the merge adds nothing")
        for tag in tags:
            _check_tag_name(tag.name)
            _check_color(tag.color)
            if self._value("SELECT id FROM tags WHERE name = ?", (tag.name,)) is not None:
                raise StoreError(f"a tag named “{tag.name}” already exists")
        texts = {
            r[0]: r[1]
            for r in self._select_in(
                "SELECT id, text FROM articles WHERE id IN ({})",
                sorted({a.article_id for a in annotations}),
            )
        }
        for a in annotations:
            text = texts.get(a.article_id)
            if text is None or not 0 <= a.start < a.end <= len(text):
                raise StoreError(f"the span {a.start}–{a.end} is not inside article {a.article_id}")
        created: dict[str, list[int]] = {"tags": [], "annotations": [], "memos": []}
        links: list[tuple[int, int]] = []

        def action() -> None:
            ids: dict[int, int] = {}
            position = int(self._value("SELECT coalesce(max(position), 0) FROM tags"))
            stamp = _now()
            for tag in tags:
                parent = (
                    ids[tag.parent] if tag.parent is not None and tag.parent < 0 else tag.parent
                )
                position += 1
                cursor = self._conn.execute(
                    "INSERT INTO tags(name, color, description, parent_id, shortcut, position, "
                    "created) VALUES (?, ?, ?, ?, '', ?, ?)",
                    (tag.name, tag.color.upper(), tag.description, parent, position, stamp),
                )
                assert cursor.lastrowid is not None
                ids[tag.key] = cursor.lastrowid
                created["tags"].append(cursor.lastrowid)
            for a in annotations:
                text = texts[a.article_id]
                cursor = self._conn.execute(
                    'INSERT INTO annotations(kind, article_id, start, "end", quote, prefix, '
                    "suffix, note, coder, created, updated, figure_value, figure_unit, "
                    "figure_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        a.kind,
                        a.article_id,
                        a.start,
                        a.end,
                        text[a.start : a.end],
                        text[max(0, a.start - CONTEXT_CHARS) : a.start],
                        text[a.end : a.end + CONTEXT_CHARS],
                        a.note,
                        a.coder,
                        a.created or stamp,
                        stamp,
                        a.figure_value,
                        a.figure_unit,
                        a.figure_kind,
                    ),
                )
                assert cursor.lastrowid is not None
                created["annotations"].append(cursor.lastrowid)
                for key in dict.fromkeys(a.tag_keys):
                    links.append((cursor.lastrowid, ids[key] if key < 0 else key))
            self._conn.executemany(
                "INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)",
                links,
            )
            for m in memos:
                tag_id = ids[m.tag_key] if m.tag_key is not None and m.tag_key < 0 else m.tag_key
                cursor = self._conn.execute(
                    "INSERT INTO memos(kind, article_id, tag_id, text, coder, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (m.kind, m.article_id, tag_id, m.text, m.coder, m.created or stamp, stamp),
                )
                assert cursor.lastrowid is not None
                created["memos"].append(cursor.lastrowid)

        def keys() -> dict[str, set[RowKey]]:
            return {
                "tags": {(i,) for i in created["tags"]},
                "annotations": {(i,) for i in created["annotations"]},
                "annotation_tags": set(links),
                "memos": {(i,) for i in created["memos"]},
            }

        return self._change(ChangeKind.MERGE_CODING, (source_name,), keys, action)

    def keep_only_coder(self, coder: str) -> int:
        """In a coder package just copied: delete every other coder's annotations, and the
        undo history (it holds their rows). Returns how many annotations went."""
        with self.write():
            removed = int(
                self._value("SELECT count(*) FROM annotations WHERE coder != ?", (coder,))
            )
            self._conn.execute("DELETE FROM annotations WHERE coder != ?", (coder,))
            self._conn.execute("DELETE FROM change_log")
        self._conn.execute("VACUUM")  # their rows must not stay readable in free pages
        return removed
