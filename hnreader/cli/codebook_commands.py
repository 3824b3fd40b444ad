"""The codebook commands: tag, tags, annotate, annotations."""

from __future__ import annotations

import argparse
from typing import Any

from hnreader.cli import edit_commands
from hnreader.cli.console import print_json
from hnreader.core.models import ErrorCode, HnreaderError


def _cmd_tag(project: Any, args: argparse.Namespace) -> int:
    if args.tag_command != "add":
        return edit_commands.cmd_tag_action(project, args)
    parent_id = project.tag_by_name(args.parent).id if args.parent else None
    change = project.add_tag(
        args.name, color=args.color, parent_id=parent_id, description=args.description
    )
    tag = project.tag(change.result_id)
    print(f"Created tag {tag.path} (id {tag.id}, colour {tag.color})")
    return 0


def _cmd_tags(project: Any, args: argparse.Namespace) -> int:
    tags = project.tags()
    if args.json:
        print_json(
            [
                {
                    "id": t.id,
                    "name": t.name,
                    "path": t.path,
                    "color": t.color,
                    "parent_id": t.parent_id,
                    "description": t.description,
                    "annotations": t.annotation_count,
                }
                for t in tags
            ]
        )
        return 0
    for t in sorted(tags, key=lambda t: t.path):
        print(f"{t.id:>4}  {t.color}  {t.path}  ({t.annotation_count})")
    return 0


def _annotation_json(project: Any, annotation: Any) -> dict[str, Any]:
    names = {t.id: t.path for t in project.tags()}
    return {
        "id": annotation.id,
        "kind": annotation.kind,
        "article_id": annotation.article_id,
        "start": annotation.start,
        "end": annotation.end,
        "text": annotation.quote,
        "tags": [names[t] for t in annotation.tag_ids],
        "note": annotation.note,
        "coder": annotation.coder,
        "figure_value": annotation.figure_value,
        "figure_unit": annotation.figure_unit,
        "figure_kind": annotation.figure_kind,
        "created": annotation.created,
        "updated": annotation.updated,
    }


def _cmd_annotate(project: Any, args: argparse.Namespace) -> int:
    tag_ids = [project.tag_by_name(name).id for name in args.tag]
    if args.quote is not None:
        if args.start is not None:
            raise HnreaderError(
                "annotate: give START END or --quote TEXT, not both", code=ErrorCode.INVALID_VALUE
            )
        start, end = project.quote_span(args.article_id, args.quote, args.occurrence)
    elif args.start is None or args.end is None:
        raise HnreaderError(
            "annotate: give the passage as START END (offsets from `hnreader show ID "
            "--numbered`) or as --quote TEXT",
            code=ErrorCode.INVALID_VALUE,
        )
    else:
        start, end = project.passage_span(args.article_id, args.start, args.end, snap=args.snap)
    figure = project.figure_at(args.article_id, start, end)
    if figure is not None:
        change = project.annotate_figure(args.article_id, figure, tag_ids, note=args.note)
    else:
        change = project.annotate(args.article_id, start, end, tag_ids, note=args.note)
    annotation = project.annotation(change.result_id)
    if args.json:
        print_json(_annotation_json(project, annotation))
    else:
        kind = f"figure ({figure.kind})" if figure else "passage"
        where = f"{annotation.start}–{annotation.end}"
        print(f"Annotation {annotation.id}: {kind} {where} “{annotation.quote}”")
    return 0


def _cmd_annotations(project: Any, args: argparse.Namespace) -> int:
    annotations = project.annotations()
    if args.json:
        print_json([_annotation_json(project, a) for a in annotations])
        return 0
    names = {t.id: t.path for t in project.tags()}
    for a in annotations:
        tags = ", ".join(names[t] for t in a.tag_ids)
        print(f"{a.id:>5}  article {a.article_id} {a.start}-{a.end}  [{tags}]  {a.quote[:40]}")
    return 0


COMMANDS = {
    "tag": _cmd_tag,
    "tags": _cmd_tags,
    "annotate": _cmd_annotate,
    "annotations": _cmd_annotations,
}
