"""Corrections after import (issue 13, item 6) that change an article's text, each one undo
step that keeps every annotation: placed again by its quote (`core.anchoring`), or kept as an
orphan when its text is gone.

- `lines`: set a line aside as boilerplate, restore a set-aside line, make a line the title;
- `reimport`: split a source file again with other options.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.anchoring import (
    ORPHANED,
    Anchor,
    AnchorCounts,
    Placement,
    reanchor,
)
from hnreader.core.models import Annotation
from hnreader.core.store import Change, Store


@dataclass(frozen=True)
class Correction:
    """A correction's undo step and what happened to the annotations it touched."""

    change: Change
    counts: AnchorCounts


def anchor_of(annotation: Annotation) -> Anchor:
    return Anchor(
        annotation.start, annotation.end, annotation.quote, annotation.prefix, annotation.suffix
    )


def placements_in(text: str, annotations: Sequence[Annotation]) -> list[Placement]:
    return [reanchor(text, anchor_of(a)) for a in annotations]


def apply_placements(
    store: Store,
    article_id: int,
    annotations: Sequence[Annotation],
    placements: Sequence[Placement],
    reason: str,
) -> AnchorCounts:
    """Inside a transaction, after the article's text changed: each annotation where its
    placement says (context re-read from the new text), or set aside as an orphan."""
    for annotation, placement in zip(annotations, placements, strict=True):
        if placement.outcome == ORPHANED:
            store.orphan_annotation(annotation.id, reason)
        else:
            store.place_annotation(annotation.id, article_id, placement.start, placement.end)
    return AnchorCounts.of(placements)
