"""Tags: the codebook."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from hnreader.core.models import ChangeKind, StoreError, Tag
from hnreader.core.store.base import (
    Change,
    RowKey,
    StoreBase,
    _now,
    in_transaction,
)
from hnreader.core.text.safety import clean_user_text


class TagQueries(StoreBase):
    def tags(self) -> list[Tag]:
        rows = self._rows(
            "SELECT t.*, (SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id) AS n "
            "FROM tags t ORDER BY t.position, t.name"
        )
        by_id = {r["id"]: r for r in rows}

        def path(row: sqlite3.Row) -> str:
            parts, seen = [row["name"]], {row["id"]}
            while row["parent_id"] is not None and row["parent_id"] not in seen:
                row = by_id[row["parent_id"]]
                seen.add(row["id"])
                parts.append(row["name"])
            return "/".join(reversed(parts))

        return [
            Tag(
                id=r["id"],
                name=r["name"],
                color=r["color"],
                description=r["description"],
                parent_id=r["parent_id"],
                shortcut=r["shortcut"],
                path=path(r),
                annotation_count=r["n"],
            )
            for r in rows
        ]

    def tag(self, tag_id: int) -> Tag:
        """One tag, read on its own (its path by walking up its parents): an action checks
        its tags inside the write lock, so this must not cost the whole codebook."""
        row = self._conn.execute(
            "SELECT t.*, (SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id) AS n "
            "FROM tags t WHERE t.id = ?",
            (tag_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"there is no tag with id {tag_id}")
        parts, seen, parent = [row["name"]], {row["id"]}, row["parent_id"]
        while parent is not None and parent not in seen:
            above = self._conn.execute(
                "SELECT id, name, parent_id FROM tags WHERE id = ?", (parent,)
            ).fetchone()
            if above is None:
                break
            seen.add(above["id"])
            parts.append(above["name"])
            parent = above["parent_id"]
        return Tag(
            id=row["id"],
            name=row["name"],
            color=row["color"],
            description=row["description"],
            parent_id=row["parent_id"],
            shortcut=row["shortcut"],
            path="/".join(reversed(parts)),
            annotation_count=row["n"],
        )

    def tag_by_name(self, name: str) -> Tag:
        tags = self.tags()
        for tag in tags:
            if tag.name == name or tag.path == name:
                return tag
        raise StoreError(f"there is no tag named “{name}”")

    def _tag_keys(self, tag_ids: Iterable[int]) -> dict[str, set[RowKey]]:
        ids = list(tag_ids)
        keys: dict[str, set[RowKey]] = {"tags": {(i,) for i in ids}}
        children = self._select_in("SELECT id FROM tags WHERE parent_id IN ({})", ids)
        keys["tags"] |= {(r[0],) for r in children}
        links = self._select_in(
            "SELECT annotation_id, tag_id FROM annotation_tags WHERE tag_id IN ({})", ids
        )
        annotation_ids = [r[0] for r in links]
        keys["annotation_tags"] = {(r[0], r[1]) for r in links}
        if annotation_ids:
            all_links = self._select_in(
                "SELECT annotation_id, tag_id FROM annotation_tags WHERE annotation_id IN ({})",
                annotation_ids,
            )
            keys["annotation_tags"] |= {(r[0], r[1]) for r in all_links}
            keys["annotations"] = {(i,) for i in annotation_ids}
        memos = self._select_in("SELECT id FROM memos WHERE tag_id IN ({})", ids)
        keys["memos"] = {(r[0],) for r in memos}
        return keys

    @in_transaction
    def add_tag(
        self,
        name: str,
        *,
        color: str = "#F2C94C",
        description: str = "",
        parent_id: int | None = None,
        shortcut: str = "",
    ) -> Change:
        name = _check_tag_name(name)
        color = _check_color(color)
        description = clean_user_text(description)
        if parent_id is not None:
            self.tag(parent_id)
        if self._value("SELECT id FROM tags WHERE name = ?", (name,)) is not None:
            raise StoreError(f"a tag named “{name}” already exists")
        created: list[int] = []

        def action() -> int:
            position = self._value("SELECT coalesce(max(position), 0) + 1 FROM tags")
            cursor = self._conn.execute(
                "INSERT INTO tags(name, color, description, parent_id, shortcut, position, "
                "created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, color, description, parent_id, shortcut, position, _now()),
            )
            assert cursor.lastrowid is not None
            created.append(cursor.lastrowid)
            return cursor.lastrowid

        return self._change(
            ChangeKind.CREATE_TAG, (name,), lambda: {"tags": {(i,) for i in created}}, action
        )

    @in_transaction
    def update_tag(self, tag_id: int, **fields: Any) -> Change:
        """Rename, recolour, describe, re-shortcut or move (parent_id) a tag."""
        tag = self.tag(tag_id)
        allowed = {"name", "color", "description", "parent_id", "shortcut"}
        if set(fields) - allowed:
            raise StoreError(f"cannot set {', '.join(sorted(set(fields) - allowed))} on a tag")
        if "name" in fields:
            fields["name"] = _check_tag_name(fields["name"])
            other = self._value(
                "SELECT id FROM tags WHERE name = ? AND id != ?", (fields["name"], tag_id)
            )
            if other is not None:
                raise StoreError(f"a tag named “{fields['name']}” already exists")
        if "color" in fields:
            fields["color"] = _check_color(fields["color"])
        if "description" in fields:
            fields["description"] = clean_user_text(str(fields["description"]))
        if fields.get("parent_id") is not None:
            parent = self.tag(fields["parent_id"])
            if parent.id == tag_id or (parent.path + "/").startswith(tag.path + "/"):
                raise StoreError(f"“{tag.name}” cannot be moved under itself or its own child")
        kind = {
            "name": ChangeKind.RENAME_TAG,
            "color": ChangeKind.RECOLOUR_TAG,
            "parent_id": ChangeKind.MOVE_TAG,
        }.get(next(iter(fields), ""), ChangeKind.EDIT_TAG)

        def action() -> int:
            assignments = ", ".join(f"{k} = ?" for k in fields)
            self._conn.execute(
                f"UPDATE tags SET {assignments} WHERE id = ?", (*fields.values(), tag_id)
            )
            return tag_id

        return self._change(kind, (tag.name,), lambda: {"tags": {(tag_id,)}}, action)

    @in_transaction
    def merge_tags(self, source_id: int, target_id: int) -> Change:
        """Move every annotation of `source` to `target`, then delete `source`."""
        source, target = self.tag(source_id), self.tag(target_id)
        if source_id == target_id:
            raise StoreError("a tag cannot be merged into itself")

        def action() -> int:
            self._conn.execute(
                "INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id) "
                "SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?",
                (target_id, source_id),
            )
            self._delete_tag_row(source_id)
            return target_id

        return self._change(
            ChangeKind.MERGE_TAGS,
            (source.name, target.name),
            lambda: self._tag_keys([source_id, target_id]),
            action,
        )

    @in_transaction
    def delete_tag(
        self, tag_id: int, *, annotations: str | None = None, reassign_to: int | None = None
    ) -> Change:
        """Delete a tag. If it has annotations, `annotations` must say what happens to them:
        "reassign" (to `reassign_to`) or "delete" (annotations left without any tag are
        deleted; others just lose this tag). Child tags move up to the deleted tag's parent."""
        tag = self.tag(tag_id)
        if tag.annotation_count and annotations not in ("reassign", "delete"):
            raise StoreError(
                f"tag “{tag.name}” has {tag.annotation_count} annotation(s): choose to reassign "
                "them to another tag or to delete them"
            )
        if annotations == "reassign" and tag.annotation_count:
            if reassign_to is None:
                raise StoreError("choose the tag to reassign the annotations to")
            change = self.merge_tags(tag_id, reassign_to)
            return Change(
                ChangeKind.DELETE_TAG, (tag.name,), change.before, change.after, reassign_to
            )

        def action() -> None:
            orphans = [
                r[0]
                for r in self._rows(
                    "SELECT annotation_id FROM annotation_tags WHERE tag_id = ? AND "
                    "annotation_id NOT IN (SELECT annotation_id FROM annotation_tags "
                    "WHERE tag_id != ?)",
                    (tag_id, tag_id),
                )
            ]
            self._conn.execute("DELETE FROM annotation_tags WHERE tag_id = ?", (tag_id,))
            for annotation_id in orphans:
                self._conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
            self._delete_tag_row(tag_id)

        keys = self._tag_keys([tag_id])
        return self._change(ChangeKind.DELETE_TAG, (tag.name,), lambda: keys, action)

    def _delete_tag_row(self, tag_id: int) -> None:
        parent = self._value("SELECT parent_id FROM tags WHERE id = ?", (tag_id,))
        self._conn.execute("UPDATE tags SET parent_id = ? WHERE parent_id = ?", (parent, tag_id))
        self._conn.execute("DELETE FROM annotation_tags WHERE tag_id = ?", (tag_id,))
        self._conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))


def _check_tag_name(name: str) -> str:
    name = " ".join(clean_user_text(str(name)).split())
    if not name:
        raise StoreError("a tag name cannot be empty")
    if "/" in name:
        raise StoreError("a tag name cannot contain “/” (it separates levels in tag paths)")
    if len(name) > 80:
        raise StoreError("a tag name can have at most 80 characters")
    return name


def _check_color(color: str) -> str:
    value = str(color).strip()
    if len(value) == 7 and value[0] == "#":
        try:
            int(value[1:], 16)
            return value.upper()
        except ValueError:
            pass
    raise StoreError(f"“{color}” is not a colour; use the form #RRGGBB, e.g. #E8A33D")
