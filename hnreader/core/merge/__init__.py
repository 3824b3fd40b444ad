"""Merging another coder's project into this one (issue 17, item 2), and the coder package
handed out for such work.

The other project is opened read-only (never written; one of an older file format is read
from an upgraded copy in the temporary folder, see `sources`); articles are matched by the hash of
their text, else by source file and title (a changed or split article), where passages are
re-anchored by quote or reported as orphans; tags by path or the user's map. The whole merge
is one change (one undo step).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from hnreader.core.merge.planning import (
    Counts,
    MergePlan,
    MergeReport,
    Orphan,
    ProjectSide,
    plan_merge,
)
from hnreader.core.merge.sources import (
    MergeCancelled,
    MergeSource,
    check_other,
    prepare_other,
    upgrade_needed,
)
from hnreader.core.merge.tag_mapping import (
    CREATED,
    MAPPED,
    MATCHED,
    TagChoice,
    TagMapError,
    parse_tag_map,
    tag_choices,
)
from hnreader.core.models import ErrorCode, StoreError
from hnreader.core.store import SCHEMA_VERSION, Store

__all__ = [
    "CREATED",
    "MAPPED",
    "MATCHED",
    "Counts",
    "MergeCancelled",
    "MergePlan",
    "MergeReport",
    "MergeSource",
    "Orphan",
    "TagChoice",
    "TagMapError",
    "open_other",
    "parse_tag_map",
    "plan_from",
    "prepare_other",
    "read_side",
    "tag_choices",
    "upgrade_needed",
]


def open_other(path: Path, ours: Path) -> Store:
    """The other project (this version's format: see `prepare_other` for an older one),
    read-only; refused when it is this project, no hnreader project, or of another format."""
    version = check_other(path, ours)
    if version is not None and 0 < version < SCHEMA_VERSION:
        raise StoreError(  # prepare_other upgrades a copy first; a caller that did not
            f"{Path(path).name} has file format {version}; merge from its upgraded copy",
            code=ErrorCode.TOO_OLD,
            path=str(path),
        )
    return Store(path, create=False, read_only=True)


def read_side(store: Store, *, all_articles: bool) -> ProjectSide:
    """What a merge needs of a project: every article (ours) or the coded ones (theirs)."""
    ids = None if all_articles else store.annotated_article_ids()
    return ProjectSide(
        tags=store.tags(),
        articles=store.article_keys(ids),
        annotations=store.annotations(),
        memos=store.memos(),
    )


def plan_from(
    ours: Store,
    other: Store,
    tag_map: Mapping[str, str] | None = None,
    *,
    is_cancelled: Callable[[], bool] | None = None,
) -> MergePlan:
    return plan_merge(
        other.path.name,
        read_side(ours, all_articles=True),
        read_side(other, all_articles=False),
        tag_map,
        is_cancelled=is_cancelled,
    )
