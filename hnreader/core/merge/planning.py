"""What merging another project's coding adds here: articles found by the hash of their text
(else by source file and title, re-anchoring passages by quote), tags by path or the user's
map, duplicates left out, and a report of it all (issue 17, item 2)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from hnreader.core.merge.anchoring import CONTEXT_CHARS, ORPHANED, Anchor, Candidate, anchor
from hnreader.core.merge.tag_mapping import CREATED, MAPPED, MATCHED, TagChoice, tag_choices
from hnreader.core.models import Annotation, Memo, Tag
from hnreader.core.store.merging import ArticleKey, NewAnnotation, NewMemo, NewTag


@dataclass(frozen=True)
class ProjectSide:
    """What a merge reads of one project: its tags, the articles concerned (all of ours, the
    coded ones of the other), annotations and memos."""

    tags: Sequence[Tag]
    articles: Sequence[ArticleKey]
    annotations: Sequence[Annotation]
    memos: Sequence[Memo]


@dataclass(frozen=True)
class Counts:
    """Per kind (annotations, memos): added (of which `reanchored` into a text that differs
    from the one they were coded on), skipped as duplicates, orphaned (not found here)."""

    added: int = 0
    reanchored: int = 0
    skipped: int = 0
    orphaned: int = 0


@dataclass(frozen=True)
class Orphan:
    """Something of the other project that found no place here."""

    kind: str  # "annotation" or "memo"
    article_title: str
    text: str  # the annotation's quote, or the memo's text
    tags: tuple[str, ...]  # the other project's tag paths (annotations)
    coder: str


@dataclass(frozen=True)
class MergeReport:
    source: str  # the other project's file name
    annotations: Counts
    memos: Counts
    tags: tuple[TagChoice, ...]  # what each of its tags became
    orphans: tuple[Orphan, ...]
    articles_matched: int  # articles found here by the hash of their text
    articles_reanchored: int  # … by their source file and title, or split parts
    articles_missing: int  # coded articles with no counterpart here
    dry_run: bool = False

    def tag_count(self, action: str) -> int:
        return sum(1 for c in self.tags if c.action == action)


@dataclass
class MergePlan:
    report: MergeReport
    new_tags: list[NewTag] = field(default_factory=list)
    annotations: list[NewAnnotation] = field(default_factory=list)
    memos: list[NewMemo] = field(default_factory=list)

    @property
    def adds_anything(self) -> bool:
        return bool(self.new_tags or self.annotations or self.memos)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class _Articles:
    """Our articles, found by text hash, by source file, by title."""

    def __init__(self, keys: Sequence[ArticleKey]) -> None:
        self.by_hash: dict[str, ArticleKey] = {}
        self.by_source: dict[str, list[ArticleKey]] = defaultdict(list)
        self.by_title: dict[str, list[ArticleKey]] = defaultdict(list)
        for key in sorted(keys, key=lambda k: k.id):
            self.by_hash.setdefault(text_hash(key.text), key)
            self.by_source[key.source_sha256].append(key)
            self.by_title[key.title].append(key)

    def candidates(self, other: ArticleKey) -> tuple[list[Candidate], bool]:
        """Where `other`'s coding may go, and whether its text is here unchanged."""
        same = self.by_hash.get(text_hash(other.text))
        if same is not None:
            return [Candidate(same.id, same.text, True)], True
        found = self.by_source.get(other.source_sha256) or self.by_title.get(other.title, [])
        ordered = sorted(found, key=lambda k: (k.title != other.title, k.id))
        return [Candidate(k.id, k.text, k.title == other.title) for k in ordered], False


def plan_merge(
    source: str,
    ours: ProjectSide,
    theirs: ProjectSide,
    tag_map: Mapping[str, str] | None = None,
    *,
    is_cancelled: Callable[[], bool] | None = None,
) -> MergePlan:
    """What merging `theirs` into `ours` adds (nothing is written here)."""
    choices = tag_choices(ours.tags, theirs.tags, tag_map)
    our_by_path = {t.path: t.id for t in ours.tags}
    their_by_id = {t.id: t for t in theirs.tags}
    new_tags: list[NewTag] = []
    key_of: dict[str, int] = dict(our_by_path)  # target path → our id, or a new tag's key
    for choice in choices:
        if choice.action == CREATED:
            parent_path, _, name = choice.target_path.rpartition("/")
            new = NewTag(
                -(len(new_tags) + 1),
                name,
                choice.color,
                choice.description,
                key_of[parent_path] if parent_path else None,
            )
            new_tags.append(new)
            key_of[choice.target_path] = new.key
    target_of = {c.other_path: c.target_path for c in choices}
    tag_key = {t.id: key_of[target_of[t.path]] for t in theirs.tags}

    articles = _Articles(ours.articles)
    their_articles = {a.id: a for a in theirs.articles}
    existing = {
        (a.article_id, a.start, a.end, frozenset(a.tag_ids), a.coder) for a in ours.annotations
    }
    added: list[NewAnnotation] = []
    orphans: list[Orphan] = []
    counts: dict[str, int] = defaultdict(int)
    placed: dict[int, tuple[list[Candidate], bool]] = {}
    coded = {a.article_id for a in theirs.annotations}
    coded |= {m.article_id for m in theirs.memos if m.article_id is not None}
    for article_id in sorted(coded):
        if is_cancelled is not None and is_cancelled():
            break
        placed[article_id] = articles.candidates(their_articles[article_id])
    for a in sorted(theirs.annotations, key=lambda x: (x.article_id, x.start, x.end, x.id)):
        if a.article_id not in placed:
            continue
        other = their_articles[a.article_id]
        candidates, unchanged = placed[a.article_id]
        quote = other.text[a.start : a.end]
        where: Anchor = anchor(
            quote,
            other.text[max(0, a.start - CONTEXT_CHARS) : a.start],
            other.text[a.end : a.end + CONTEXT_CHARS],
            a.start,
            candidates,
        )
        tags = tuple(sorted({tag_key[t] for t in a.tag_ids}))
        if where.outcome == ORPHANED or where.article_id is None:
            counts["orphaned"] += 1
            orphans.append(
                Orphan(
                    "annotation",
                    other.title,
                    quote,
                    tuple(sorted(their_by_id[t].path for t in a.tag_ids)),
                    a.coder,
                )
            )
            continue
        key = (where.article_id, where.start, where.end, frozenset(tags), a.coder)
        if key in existing:
            counts["skipped"] += 1
            continue
        existing.add(key)
        counts["added"] += 1
        counts["reanchored"] += not unchanged
        added.append(
            NewAnnotation(
                a.kind,
                where.article_id,
                where.start,
                where.end,
                tags,
                a.note,
                a.coder,
                a.created,
                a.figure_value,
                a.figure_unit,
                a.figure_kind,
            )
        )
    memos, memo_counts, memo_orphans = _plan_memos(ours, theirs, placed, their_articles, tag_key)
    report = MergeReport(
        source,
        Counts(counts["added"], counts["reanchored"], counts["skipped"], counts["orphaned"]),
        memo_counts,
        tuple(choices),
        tuple(orphans + memo_orphans),
        articles_matched=sum(1 for _, unchanged in placed.values() if unchanged),
        articles_reanchored=sum(1 for c, unchanged in placed.values() if c and not unchanged),
        articles_missing=sum(1 for c, _ in placed.values() if not c),
    )
    return MergePlan(report, new_tags, added, memos)


def _plan_memos(
    ours: ProjectSide,
    theirs: ProjectSide,
    placed: Mapping[int, tuple[list[Candidate], bool]],
    their_articles: Mapping[int, ArticleKey],
    tag_key: Mapping[int, int],
) -> tuple[list[NewMemo], Counts, list[Orphan]]:
    existing = {(m.kind, m.article_id, m.tag_id, m.text, m.coder) for m in ours.memos}
    memos: list[NewMemo] = []
    orphans: list[Orphan] = []
    added = reanchored = skipped = 0
    for m in sorted(theirs.memos, key=lambda x: (x.created, x.id)):
        article_id: int | None = None
        moved = False
        if m.kind == "article":
            assert m.article_id is not None
            candidates, unchanged = placed.get(m.article_id, ([], False))
            target = next((c for c in candidates if c.same_article), None)
            if target is None:
                orphans.append(
                    Orphan("memo", their_articles[m.article_id].title, m.text, (), m.coder)
                )
                continue
            article_id, moved = target.article_id, not unchanged
        tag = tag_key[m.tag_id] if m.tag_id is not None else None
        key = (m.kind, article_id, tag, m.text, m.coder)
        if key in existing:
            skipped += 1
            continue
        existing.add(key)
        added += 1
        reanchored += moved
        memos.append(NewMemo(m.kind, article_id, tag, m.text, m.coder, m.created))
    return memos, Counts(added, reanchored, skipped, len(orphans)), orphans


__all__ = [
    "CREATED",
    "MAPPED",
    "MATCHED",
    "Counts",
    "MergePlan",
    "MergeReport",
    "Orphan",
    "ProjectSide",
    "plan_merge",
]
