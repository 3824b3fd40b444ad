"""A REFI-QDA import written in one transaction and one undo step: its source, articles
(with figures and index rows), the tags it creates, annotations, memos and variables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from hnreader.core.models import ArticleDraft, ChangeKind, Figure, StoreError
from hnreader.core.store.articles import ArticleQueries
from hnreader.core.store.base import Change, IndexRow, RowKey, _now, in_transaction
from hnreader.core.store.schema import compress_text

_CONTEXT_CHARS = 30  # an annotation's prefix and suffix, as add_annotation keeps them


@dataclass(frozen=True)
class PlannedTag:
    """A code of the file: a tag to create (`existing_id` None) or one the project has."""

    key: int
    name: str
    color: str
    description: str
    parent_key: int | None
    existing_id: int | None = None


@dataclass(frozen=True)
class PlannedAnnotation:
    article: int  # an index into ExchangePlan.drafts
    start: int
    end: int
    tag_keys: tuple[int, ...]
    note: str
    coder: str
    created: str
    updated: str


@dataclass(frozen=True)
class PlannedMemo:
    kind: str  # article, tag, journal
    text: str
    coder: str
    created: str
    updated: str
    article: int | None = None  # an index into ExchangePlan.drafts
    tag_key: int | None = None


@dataclass(frozen=True)
class ExchangePlan:
    name: str  # the file's name, for the undo label and the source row
    path: str
    sha256: str
    drafts: Sequence[ArticleDraft] = ()
    figures: Sequence[Sequence[Figure]] = ()
    index_rows: Sequence[IndexRow] = ()
    tags: Sequence[PlannedTag] = ()  # parents before their children
    annotations: Sequence[PlannedAnnotation] = ()
    memos: Sequence[PlannedMemo] = ()
    variable_kinds: dict[str, str] = field(default_factory=dict)


class ExchangeQueries(ArticleQueries):
    @in_transaction
    def import_exchange(self, plan: ExchangePlan) -> Change:
        """Everything the plan holds, or nothing (one change: undo removes it all)."""
        if plan.drafts and self.has_source(plan.sha256) is not None:
            raise StoreError(
                f"{plan.name} was imported before (as {self.has_source(plan.sha256)}); undo that "
                "import or delete its articles first"
            )
        made: dict[str, list[RowKey]] = {
            t: []
            for t in (
                "source_files",
                "articles",
                "article_index",
                "figures",
                "tags",
                "annotations",
                "annotation_tags",
                "article_variables",
                "memos",
            )
        }

        def action() -> int | None:
            stamp = _now()
            article_ids = self._import_articles(plan, made)
            tag_ids = self._import_tags(plan, stamp, made)
            for planned in plan.annotations:
                article_id = article_ids[planned.article]
                text = plan.drafts[planned.article].text
                start, end = planned.start, planned.end
                cursor = self._conn.execute(
                    'INSERT INTO annotations(kind, article_id, start, "end", quote, prefix, '
                    "suffix, note, coder, created, updated) "
                    "VALUES ('passage', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article_id, start, end, text[start:end],
                        text[max(0, start - _CONTEXT_CHARS) : start],
                        text[end : end + _CONTEXT_CHARS],
                        planned.note, planned.coder, planned.created, planned.updated,
                    ),
                )  # fmt: skip
                annotation_id = cursor.lastrowid
                made["annotations"].append((annotation_id,))
                for tag_id in dict.fromkeys(tag_ids[k] for k in planned.tag_keys):
                    self._conn.execute(
                        "INSERT INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)",
                        (annotation_id, tag_id),
                    )
                    made["annotation_tags"].append((annotation_id, tag_id))
            for memo in plan.memos:
                cursor = self._conn.execute(
                    "INSERT INTO memos(kind, article_id, tag_id, text, coder, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        memo.kind,
                        article_ids[memo.article] if memo.article is not None else None,
                        tag_ids[memo.tag_key] if memo.tag_key is not None else None,
                        memo.text,
                        memo.coder,
                        memo.created,
                        memo.updated,
                    ),
                )
                made["memos"].append((cursor.lastrowid,))
            if plan.variable_kinds:
                self._merge_variable_kinds(plan.variable_kinds)
            return article_ids[0] if article_ids else None

        def keys() -> dict[str, set[RowKey]]:
            return {table: set(rows) for table, rows in made.items()}

        return self._change(
            ChangeKind.IMPORT_EXCHANGE, (plan.name, str(len(plan.drafts))), keys, action
        )

    def _import_articles(self, plan: ExchangePlan, made: dict[str, list[RowKey]]) -> list[int]:
        if not plan.drafts:
            return []
        joined = "\n\n".join(draft.text for draft in plan.drafts)
        cursor = self._conn.execute(
            "INSERT INTO source_files(name, path, sha256, encoding, text, compression, imported, "
            "format) VALUES (?, ?, ?, 'utf-8', ?, 'zlib', ?, 'qdpx')",
            (plan.name, plan.path, plan.sha256, compress_text(joined), _now()),
        )
        source_id = cursor.lastrowid
        made["source_files"].append((source_id,))
        ids = []
        for ordinal, (draft, figures, row) in enumerate(
            zip(plan.drafts, plan.figures, plan.index_rows, strict=True), start=1
        ):
            article_id = self._insert_article(source_id, ordinal, draft)
            self._replace_figures(article_id, figures)
            self._put_index_row(article_id, row, draft.text)
            ids.append(article_id)
            made["articles"].append((article_id,))
            made["article_index"].append((article_id,))
            made["article_variables"].extend((article_id, name) for name, _ in draft.variables)
        for (figure_id,) in self._select_in("SELECT id FROM figures WHERE article_id IN ({})", ids):
            made["figures"].append((figure_id,))
        return ids

    def _import_tags(
        self, plan: ExchangePlan, stamp: str, made: dict[str, list[RowKey]]
    ) -> dict[int, int]:
        ids: dict[int, int] = {}
        position = self._value("SELECT coalesce(max(position), 0) FROM tags")
        for tag in plan.tags:
            if tag.existing_id is not None:
                ids[tag.key] = tag.existing_id
                continue
            position += 1
            parent = ids[tag.parent_key] if tag.parent_key is not None else None
            cursor = self._conn.execute(
                "INSERT INTO tags(name, color, description, parent_id, shortcut, position, "
                "created) VALUES (?, ?, ?, ?, '', ?, ?)",
                (tag.name, tag.color, tag.description, parent, position, stamp),
            )
            assert cursor.lastrowid is not None
            ids[tag.key] = cursor.lastrowid
            made["tags"].append((cursor.lastrowid,))
        return ids
