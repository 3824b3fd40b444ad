"""Annotations: tagged passages and figures."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from hnreader.core.models import (
    Annotation,
    ChangeKind,
    ErrorCode,
    Figure,
    StoreError,
)
from hnreader.core.store.base import (
    Change,
    RowKey,
    StoreBase,
    _now,
    in_transaction,
)
from hnreader.core.text.safety import clean_user_text


class AnnotationQueries(StoreBase):
    @in_transaction
    def add_annotation(
        self,
        article_id: int,
        start: int,
        end: int,
        tag_ids: Sequence[int],
        *,
        kind: str = "passage",
        note: str = "",
        coder: str = "",
        figure: Figure | None = None,
    ) -> Change:
        return self._add_annotations(
            [(article_id, start, end)], tag_ids, kind=kind, note=note, coder=coder, figure=figure
        )

    @in_transaction
    def add_annotations(
        self,
        spans: Sequence[tuple[int, int, int]],
        tag_ids: Sequence[int],
        *,
        note: str = "",
        coder: str = "",
    ) -> Change:
        """Several passages (article id, start, end) with the same tags, as one change."""
        if not spans:
            raise StoreError("there are no passages to tag")
        return self._add_annotations(spans, tag_ids, kind="passage", note=note, coder=coder)

    def _add_annotations(
        self,
        spans: Sequence[tuple[int, int, int]],
        tag_ids: Sequence[int],
        *,
        kind: str,
        note: str,
        coder: str,
        figure: Figure | None = None,
        context_chars: int = 30,
    ) -> Change:
        if not tag_ids:
            raise StoreError("an annotation needs at least one tag")
        note = clean_user_text(note)
        if kind not in ("passage", "figure"):
            raise StoreError(f"unknown annotation kind “{kind}” (passage or figure)")
        texts: dict[int, str] = {}
        for article_id, start, end in spans:
            if article_id not in texts:
                text = self._value("SELECT text FROM articles WHERE id = ?", (article_id,))
                if text is None:
                    raise StoreError(f"there is no article with id {article_id}")
                texts[article_id] = text
            length = len(texts[article_id])
            if not (0 <= start < end <= length):
                raise StoreError(
                    f"the span {start}–{end} is not inside article {article_id} "
                    f"(its text has {length} characters; start must be less than end)"
                )
        self._check_tags_exist(tag_ids)
        stamp = _now()
        created: list[int] = []

        def action() -> int:
            for article_id, start, end in spans:
                text = texts[article_id]
                cursor = self._conn.execute(
                    'INSERT INTO annotations(kind, article_id, start, "end", quote, prefix, '
                    "suffix, note, coder, created, updated, figure_value, figure_unit, "
                    "figure_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        kind,
                        article_id,
                        start,
                        end,
                        text[start:end],
                        text[max(0, start - context_chars) : start],
                        text[end : end + context_chars],
                        note,
                        coder,
                        stamp,
                        stamp,
                        figure.value if figure else None,
                        figure.unit if figure else "",
                        figure.kind if figure else "",
                    ),
                )
                assert cursor.lastrowid is not None
                created.append(cursor.lastrowid)
                self._conn.executemany(
                    "INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)",
                    [(cursor.lastrowid, t) for t in tag_ids],
                )
            return created[0]

        def keys() -> dict[str, set[RowKey]]:
            return {
                "annotations": {(i,) for i in created},
                "annotation_tags": {(i, t) for i in created for t in tag_ids},
            }

        if len(spans) > 1:
            return self._change(ChangeKind.TAG_PASSAGES, (str(len(spans)),), keys, action)
        article_id, start, end = spans[0]
        quote = texts[article_id][start:end]
        short = quote if len(quote) <= 12 else quote[:11] + "…"
        return self._change(ChangeKind.TAG_PASSAGE, (short,), keys, action)

    def _annotation_keys(self, annotation_id: int) -> dict[str, set[RowKey]]:
        links = self._rows(
            "SELECT annotation_id, tag_id FROM annotation_tags WHERE annotation_id = ?",
            (annotation_id,),
        )
        return {
            "annotations": {(annotation_id,)},
            "annotation_tags": {(r[0], r[1]) for r in links},
        }

    @in_transaction
    def update_annotation(
        self,
        annotation_id: int,
        *,
        note: str | None = None,
        note_was: str | None = None,
        tag_ids: Sequence[int] | None = None,
        add_tag_ids: Sequence[int] = (),
        remove_tag_ids: Sequence[int] = (),
    ) -> Change:
        """Set the note, and set or change the tags, of an annotation.

        Read and written in one transaction. `note_was` is the note the user started from:
        if another window changed it since, nothing is saved (a CONFLICT error) rather than
        overwriting that edit. `add_tag_ids`/`remove_tag_ids` change the tag set as it is
        now, so tags another window added meanwhile stay.
        """
        current = self.annotation(annotation_id)
        if note is not None:
            note = clean_user_text(note)
        if note is not None and note_was is not None and current.note != note_was:
            raise StoreError(
                "The note was changed in another window since you began editing it, so "
                f"yours was not saved (it was: “{note}”). Look at the note now and edit it "
                "again.",
                code=ErrorCode.CONFLICT,
                annotation_id=annotation_id,
            )
        new_tags: list[int] | None = None
        if tag_ids is not None:
            new_tags = list(dict.fromkeys(tag_ids))
        elif add_tag_ids or remove_tag_ids:
            removed = set(remove_tag_ids)
            new_tags = [
                t for t in dict.fromkeys([*current.tag_ids, *add_tag_ids]) if t not in removed
            ]
        if new_tags is not None:
            if not new_tags:
                raise StoreError("an annotation needs at least one tag; delete it instead")
            self._check_tags_exist(new_tags)
            if set(new_tags) == set(current.tag_ids):
                new_tags = None
        kind = ChangeKind.EDIT_NOTE if new_tags is None else ChangeKind.CHANGE_TAGS
        final_tags = new_tags

        def action() -> int:
            if note is not None:
                self._conn.execute(
                    "UPDATE annotations SET note = ?, updated = ? WHERE id = ?",
                    (note, _now(), annotation_id),
                )
            if final_tags is not None:
                self._conn.execute(
                    "DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,)
                )
                self._conn.executemany(
                    "INSERT INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)",
                    [(annotation_id, t) for t in final_tags],
                )
                self._conn.execute(
                    "UPDATE annotations SET updated = ? WHERE id = ?", (_now(), annotation_id)
                )
            return annotation_id

        return self._change(kind, (), lambda: self._annotation_keys(annotation_id), action)

    @in_transaction
    def delete_annotation(self, annotation_id: int) -> Change:
        self.annotation(annotation_id)

        def action() -> None:
            self._conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

        keys = self._annotation_keys(annotation_id)
        return self._change(ChangeKind.DELETE_ANNOTATION, (), lambda: keys, action)

    def annotation(self, annotation_id: int) -> Annotation:
        found = self.annotations(ids=[annotation_id])
        if not found:
            raise StoreError(f"there is no annotation with id {annotation_id}")
        return found[0]

    def annotations(
        self,
        *,
        article_id: int | None = None,
        tag_ids: Sequence[int] | None = None,
        article_ids: Sequence[int] | None = None,
        coder: str | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[Annotation]:
        clauses: list[str] = []
        params: list[object] = []
        if article_id is not None:
            clauses.append("n.article_id = ?")
            params.append(article_id)
        if article_ids is not None:
            clauses.append(f"n.article_id IN ({', '.join('?' * len(article_ids))})")
            params.extend(article_ids)
        if ids is not None:
            clauses.append(f"n.id IN ({', '.join('?' * len(ids))})")
            params.extend(ids)
        if coder is not None:
            clauses.append("n.coder = ?")
            params.append(coder)
        if tag_ids is not None:
            marks = ", ".join("?" * len(tag_ids))
            clauses.append(
                f"n.id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id IN ({marks}))"
            )
            params.extend(tag_ids)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._rows(
            "SELECT n.*, (SELECT group_concat(tag_id) FROM annotation_tags x "
            f"WHERE x.annotation_id = n.id) AS tag_list FROM annotations n {where} "
            "ORDER BY n.article_id, n.start, n.id",
            params,
        )
        return [
            Annotation(
                id=r["id"],
                kind=r["kind"],
                article_id=r["article_id"],
                start=r["start"],
                end=r["end"],
                quote=r["quote"],
                prefix=r["prefix"],
                suffix=r["suffix"],
                note=r["note"],
                coder=r["coder"],
                created=r["created"],
                updated=r["updated"],
                tag_ids=tuple(sorted(int(t) for t in (r["tag_list"] or "").split(",") if t)),
                figure_value=r["figure_value"],
                figure_unit=r["figure_unit"],
                figure_kind=r["figure_kind"],
            )
            for r in rows
        ]

    def coded_spans(
        self, article_ids: Collection[int] | None = None, coder: str | None = None
    ) -> list[tuple[int, int, int, int, frozenset[int], str, str]]:
        """(id, article id, start, end, tag ids, note, coder) of the annotations of these
        articles (all when None), by article and start: what an analysis reads, without the
        quotes, contexts and times `annotations` builds (0.36 s for 10,000 of them)."""
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples
        tags: dict[int, set[int]] = {}
        for annotation_id, tag_id in cursor.execute(
            "SELECT annotation_id, tag_id FROM annotation_tags"
        ).fetchall():
            tags.setdefault(annotation_id, set()).add(tag_id)
        sql = 'SELECT id, article_id, start, "end", note, coder FROM annotations'
        params: tuple[str, ...] = ()
        if coder is not None:
            sql, params = sql + " WHERE coder = ?", (coder,)
        rows = cursor.execute(sql + " ORDER BY article_id, start, id", params).fetchall()
        kept = None if article_ids is None else set(article_ids)
        return [
            (i, article, start, end, frozenset(tags.get(i, ())), note, who)
            for i, article, start, end, note, who in rows
            if kept is None or article in kept
        ]

    def coders(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT coder FROM annotations ORDER BY 1")]

    def _check_tags_exist(self, tag_ids: Iterable[int]) -> None:
        wanted = set(tag_ids)
        found = {
            r[0] for r in self._select_in("SELECT id FROM tags WHERE id IN ({})", list(wanted))
        }
        for tag_id in sorted(wanted - found):
            raise StoreError(f"there is no tag with id {tag_id}")
