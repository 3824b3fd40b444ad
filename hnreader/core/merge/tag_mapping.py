"""Which of our tags each tag of another project becomes: the tag with the same path, the one
the user mapped it onto, or a new one (issue 17, item 2)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hnreader.core.models import ErrorCode, HnreaderError, Tag

MATCHED = "matched"  # same path here
MAPPED = "mapped"  # onto another tag of ours (the user's map, or the same name elsewhere)
CREATED = "created"  # a new tag here


@dataclass(frozen=True)
class TagChoice:
    """What the other project's tag `other_path` becomes: `target_path` here, how."""

    other_path: str
    target_path: str
    action: str  # MATCHED, MAPPED or CREATED
    color: str = "#F2C94C"
    description: str = ""


class TagMapError(HnreaderError):
    pass


def parse_tag_map(text: str, source: str = "the tag map") -> dict[str, str]:
    """`other path<TAB>our path` lines (blank lines and `#` comments skipped), or a JSON
    object {"other path": "our path"}."""
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise TagMapError(
                f"{source} is not valid JSON ({error.msg}, line {error.lineno})",
                code=ErrorCode.INVALID_VALUE,
            ) from None
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise TagMapError(
                f"{source}: every key and value must be a tag path (text)",
                code=ErrorCode.INVALID_VALUE,
            )
        return {_clean_path(k): _clean_path(v) for k, v in data.items()}
    mapping: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise TagMapError(
                f"{source}, line {number}: expected “other path<TAB>our path”, got “{line}”",
                code=ErrorCode.INVALID_VALUE,
            )
        mapping[_clean_path(parts[0])] = _clean_path(parts[1])
    return mapping


def _clean_path(path: str) -> str:
    return "/".join(" ".join(part.split()) for part in path.strip().strip("/").split("/"))


def _depth_first(tags: Sequence[Tag]) -> list[Tag]:
    return sorted(tags, key=lambda t: (t.path.count("/"), t.path))


def tag_choices(
    ours: Sequence[Tag], other: Sequence[Tag], tag_map: Mapping[str, str] | None = None
) -> list[TagChoice]:
    """Each of the other project's tags (parents first) with what it becomes here.

    A mapped path that exists here is mapped onto; one that does not is created (its parent
    must exist here or be created too). Unmapped tags keep their path when it exists here;
    else they go onto our tag of the same name (names are unique in a project), else they
    are created under whatever their parent became."""
    tag_map = dict(tag_map or {})
    other_paths = {t.path for t in other}
    unknown = sorted(set(tag_map) - other_paths)
    if unknown:
        raise TagMapError(
            f"the other project has no tag “{unknown[0]}” (named in the tag map); its tags "
            "are listed by `hnreader tags --project OTHER`",
            code=ErrorCode.INVALID_VALUE,
        )
    our_paths = {t.path for t in ours}
    our_names = {t.name: t.path for t in ours}
    became: dict[str, str] = {}
    created: dict[str, str] = {}  # created path → the other path it came from
    choices: list[TagChoice] = []
    for tag in _depth_first(other):
        parent_path = tag.path.rpartition("/")[0]
        if tag.path in tag_map:
            target = tag_map[tag.path]
        elif tag.path in our_paths:
            target = tag.path
        elif tag.name in our_names:
            target = our_names[tag.name]
        else:
            parent = became.get(parent_path, "") if parent_path else ""
            target = f"{parent}/{tag.name}" if parent else tag.name
        if target in our_paths:
            action = MATCHED if target == tag.path and tag.path not in tag_map else MAPPED
        elif target in created:
            action = MAPPED  # onto a tag this merge creates for another of its tags
        else:
            _check_creatable(target, tag.path, our_paths, our_names, created)
            created[target] = tag.path
            action = CREATED
        became[tag.path] = target
        choices.append(TagChoice(tag.path, target, action, tag.color, tag.description))
    return choices


def _check_creatable(
    target: str,
    other_path: str,
    our_paths: set[str],
    our_names: Mapping[str, str],
    created: Mapping[str, str],
) -> None:
    parent, _, name = target.rpartition("/")
    if parent and parent not in our_paths and parent not in created:
        raise TagMapError(
            f"“{other_path}” is to become “{target}”, but there is no tag “{parent}” here "
            "to put it under; map it onto an existing tag or under an existing parent",
            code=ErrorCode.INVALID_VALUE,
        )
    taken = our_names.get(name) or next((p for p in created if p.rpartition("/")[2] == name), None)
    if taken:
        raise TagMapError(
            f"“{other_path}” is to become a new tag “{target}”, but a tag named “{name}” "
            f"already exists (“{taken}”) and tag names are unique; map it onto “{taken}” or "
            "choose another name",
            code=ErrorCode.INVALID_VALUE,
        )
