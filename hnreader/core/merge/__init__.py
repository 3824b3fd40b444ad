"""Merging another coder's project into this one (issue 17, item 2), and the coder package
handed out for such work.

The other project is opened read-only (never written); articles are matched by the hash of
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
from hnreader.core.store.integrity import schema_version

__all__ = [
    "CREATED",
    "MAPPED",
    "MATCHED",
    "Counts",
    "MergePlan",
    "MergeReport",
    "Orphan",
    "TagChoice",
    "TagMapError",
    "open_other",
    "parse_tag_map",
    "plan_from",
    "read_side",
    "tag_choices",
]


def open_other(path: Path, ours: Path) -> Store:
    """The other project, read-only; refused when it is this project, no hnreader project,
    or of another file format than this version's."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such project file", code=ErrorCode.MISSING, path=str(path))
    try:
        if path.resolve() == Path(ours).resolve() or path.samefile(ours):
            raise StoreError(
                f"{path.name} is this project itself; choose another coder's project file",
                code=ErrorCode.INVALID_VALUE,
                path=str(path),
            )
    except OSError:
        pass
    version = schema_version(path)
    if version is not None and 0 < version < SCHEMA_VERSION:
        raise StoreError(
            f"{path.name} was saved by an older hnreader (file format {version}; this version "
            f"writes {SCHEMA_VERSION}) and is only read, never upgraded, by a merge. Open it "
            "once in this version of hnreader (it is upgraded, after a backup), then merge it.",
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
