"""Memos: a researcher's notes on an article, on a tag, or in the project's journal (dated
entries), each with its coder; every change is one undoable step."""

from __future__ import annotations

from typing import Any

from hnreader.core.models import Change, ChangeKind, Memo, StoreError
from hnreader.core.store.base import StoreBase, _now, in_transaction
from hnreader.core.text.safety import clean_user_text

MEMO_KINDS = ("article", "tag", "journal")
MAX_MEMO_CHARS = 100_000


def _memo(row: Any) -> Memo:
    return Memo(
        row["id"],
        row["kind"],
        row["article_id"],
        row["tag_id"],
        row["text"],
        row["coder"],
        row["created"],
        row["updated"],
    )


def _clean(text: str) -> str:
    text = clean_user_text(text).strip()
    if not text:
        raise StoreError("a memo cannot be empty")
    if len(text) > MAX_MEMO_CHARS:
        raise StoreError(f"a memo can have at most {MAX_MEMO_CHARS:,} characters")
    return text


class MemoQueries(StoreBase):
    def memos(
        self, *, kind: str | None = None, article_id: int | None = None, tag_id: int | None = None
    ) -> list[Memo]:
        """Memos, newest first; only those of a kind, an article or a tag when asked."""
        where, params = [], []
        for column, value in (("kind", kind), ("article_id", article_id), ("tag_id", tag_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        sql = "SELECT * FROM memos" + (" WHERE " + " AND ".join(where) if where else "")
        return [_memo(r) for r in self._rows(sql + " ORDER BY created DESC, id DESC", params)]

    def memo(self, memo_id: int) -> Memo:
        rows = self._rows("SELECT * FROM memos WHERE id = ?", (memo_id,))
        if not rows:
            raise StoreError(f"there is no memo with id {memo_id}")
        return _memo(rows[0])

    @in_transaction
    def add_memo(
        self,
        kind: str,
        text: str,
        *,
        coder: str = "",
        article_id: int | None = None,
        tag_id: int | None = None,
    ) -> Change:
        if kind not in MEMO_KINDS:
            raise StoreError(f"a memo is on an article, on a tag or in the journal, not {kind!r}")
        if (kind == "article") != (article_id is not None) or (kind == "tag") != (
            tag_id is not None
        ):
            raise StoreError("an article memo names its article, a tag memo its tag")
        if (
            article_id is not None
            and self._value("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is None
        ):
            raise StoreError(f"no article with id {article_id}")
        if tag_id is not None and self._value("SELECT 1 FROM tags WHERE id = ?", (tag_id,)) is None:
            raise StoreError(f"there is no tag with id {tag_id}")
        text = _clean(text)
        created: list[int] = []

        def action() -> int:
            now = _now()
            cursor = self._conn.execute(
                "INSERT INTO memos(kind, article_id, tag_id, text, coder, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (kind, article_id, tag_id, text, coder, now, now),
            )
            assert cursor.lastrowid is not None
            created.append(cursor.lastrowid)
            return cursor.lastrowid

        return self._change(
            ChangeKind.ADD_MEMO, (), lambda: {"memos": {(i,) for i in created}}, action
        )

    @in_transaction
    def update_memo(self, memo_id: int, text: str) -> Change:
        self.memo(memo_id)
        text = _clean(text)

        def action() -> int:
            self._conn.execute(
                "UPDATE memos SET text = ?, updated = ? WHERE id = ?", (text, _now(), memo_id)
            )
            return memo_id

        return self._change(ChangeKind.EDIT_MEMO, (), lambda: {"memos": {(memo_id,)}}, action)

    @in_transaction
    def delete_memo(self, memo_id: int) -> Change:
        self.memo(memo_id)

        def action() -> int:
            self._conn.execute("DELETE FROM memos WHERE id = ?", (memo_id,))
            return memo_id

        return self._change(ChangeKind.DELETE_MEMO, (), lambda: {"memos": {(memo_id,)}}, action)
