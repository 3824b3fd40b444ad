"""The editing commands: tag rename|recolor|move|merge|delete|describe, annotation
note|retag|delete, article rename|set|split|merge|delete, dictionary add|remove|list, and undo,
redo and history over the history the project file keeps. Each is one user action through
`Project`, recorded as the app records it; `--json` prints the change."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from hnreader.cli import corrections_commands
from hnreader.cli.console import print_json, stderr_progress
from hnreader.core.models import Change, ErrorCode, HnreaderError

Parsers = Callable[..., argparse.ArgumentParser]

# `article set ID FIELD=VALUE`: the fields a user may set (reporters: names split by 、 or ,).
ARTICLE_FIELDS = ("title", "subtitle", "date", "byline", "reporters", "publication", "page",
                  "section", "url")  # fmt: skip


def add_tag_actions(tag_commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    """The `tag` actions besides `add` (see the package's parser)."""
    parents = [project, as_json]
    sub = tag_commands.add_parser("rename", parents=parents, help="rename a tag")
    sub.add_argument("tag", metavar="TAG")
    sub.add_argument("new_name", metavar="NEW_NAME")
    sub = tag_commands.add_parser("recolor", parents=parents, help="give a tag another colour")
    sub.add_argument("tag", metavar="TAG")
    sub.add_argument("color", metavar="#RRGGBB")
    sub = tag_commands.add_parser(
        "move",
        parents=parents,
        help="put a tag under another tag, or at the top with --top",
        epilog="example: hnreader tag move 精准扶贫 --parent 政策",
    )
    sub.add_argument("tag", metavar="TAG")
    where = sub.add_mutually_exclusive_group(required=True)
    where.add_argument("--parent", metavar="TAG")
    where.add_argument("--top", action="store_true", help="a tag of the top level")
    sub = tag_commands.add_parser(
        "merge", parents=parents, help="move every passage of SOURCE to TARGET, delete SOURCE"
    )
    sub.add_argument("source", metavar="SOURCE")
    sub.add_argument("target", metavar="TARGET")
    sub = tag_commands.add_parser(
        "delete",
        parents=parents,
        help="delete a tag (its children move up); say what happens to its passages",
        epilog="example: hnreader tag delete 旧标签 --reassign 新标签",
    )
    sub.add_argument("tag", metavar="TAG")
    fate = sub.add_mutually_exclusive_group()
    fate.add_argument("--reassign", metavar="TAG", help="give its passages this tag instead")
    fate.add_argument(
        "--delete-annotations",
        action="store_true",
        help="delete its passages (those with other tags only lose this one)",
    )
    sub = tag_commands.add_parser("describe", parents=parents, help="set a tag's description")
    sub.add_argument("tag", metavar="TAG")
    sub.add_argument("description", metavar="TEXT")


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    parents = [project, as_json]
    sub = commands.add_parser(
        "annotation",
        parents=[project],
        help="edit an annotation: its note, its tags, or delete it",
        epilog='example: hnreader annotation note 12 "首倡地"',
    )
    actions = sub.add_subparsers(dest="annotation_command", metavar="ACTION", required=True)
    act = actions.add_parser("note", parents=parents, help="set the note of an annotation")
    act.add_argument("annotation_id", type=int, metavar="ID")
    act.add_argument("note", metavar="TEXT")
    act = actions.add_parser("retag", parents=parents, help="set the tags of an annotation")
    act.add_argument("annotation_id", type=int, metavar="ID")
    act.add_argument("--tag", action="append", required=True, metavar="NAME")
    act = actions.add_parser("delete", parents=parents, help="delete an annotation")
    act.add_argument("annotation_id", type=int, metavar="ID")

    sub = commands.add_parser(
        "article",
        parents=[project],
        help="edit an article: rename, set its details, split, merge, delete or exclude it, "
        "set a line aside, restore one, make a line the title",
        epilog="example: hnreader article set 3 date=2020-05-22 publication=湖南日报",
    )
    actions = sub.add_subparsers(dest="article_command", metavar="ACTION", required=True)
    act = actions.add_parser("rename", parents=parents, help="give an article another title")
    act.add_argument("article_id", type=int, metavar="ID")
    act.add_argument("title", metavar="TITLE")
    act = actions.add_parser(
        "set",
        parents=parents,
        help=f"set details: {', '.join(ARTICLE_FIELDS)} (reporters: names split by 、)",
    )
    act.add_argument("article_id", type=int, metavar="ID")
    act.add_argument("fields", nargs="+", type=_field, metavar="FIELD=VALUE")
    act = actions.add_parser(
        "split",
        parents=parents,
        help="split an article in two at an offset of its text (see show --numbered)",
    )
    act.add_argument("article_id", type=int, metavar="ID")
    act.add_argument("offset", type=int, metavar="OFFSET")
    act = actions.add_parser(
        "merge", parents=parents, help="merge an article with the next one of its file"
    )
    act.add_argument("article_id", type=int, metavar="ID")
    act = actions.add_parser(
        "delete",
        parents=parents,
        help="remove an article with its annotations and figures (undo brings it back; its "
        "source file keeps the text)",
    )
    act.add_argument("article_id", type=int, metavar="ID")
    corrections_commands.add_article_actions(actions, parents)

    sub = commands.add_parser(
        "set",
        parents=parents,
        help="set a document variable on articles (NAME= with no value removes it); one "
        "undoable step per variable",
        epilog="example: hnreader set 3 5 7 region=衡阳 publication=湖南日报",
    )
    sub.add_argument("items", nargs="+", metavar="ARTICLE… NAME=VALUE…")

    for name, what in (("undo", "take back"), ("redo", "do again")):
        sub = commands.add_parser(
            name,
            parents=parents,
            help=f"{what} the last action on this project (the app's or the command line's; "
            "the history is kept in the project file)",
            epilog=f"example: hnreader {name}   (refused, with nothing changed, where another "
            "window changed the same rows since)",
        )
        sub.add_argument(
            "--steps", type=_steps, default=1, metavar="N", help=f"{what} the last N actions"
        )
    commands.add_parser(
        "history",
        parents=parents,
        help="what undo and redo would do next",
        epilog="example: hnreader history --json",
    )

    sub = commands.add_parser(
        "dictionary",
        parents=[project],
        help="the project's own words for segmentation and search",
        epilog="example: hnreader dictionary add 十八洞村",
    )
    actions = sub.add_subparsers(dest="dictionary_command", metavar="ACTION", required=True)
    act = actions.add_parser("add", parents=parents, help="add a word (the index is updated)")
    act.add_argument("word", metavar="WORD")
    act = actions.add_parser("remove", parents=parents, help="remove a word")
    act.add_argument("word", metavar="WORD")
    actions.add_parser("list", parents=parents, help="list the words")


def _steps(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number of steps from 1 to 1000")
    return int(text)


def _field(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    name = name.strip()
    if not equals or name not in ARTICLE_FIELDS:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not FIELD=VALUE with a field of {', '.join(ARTICLE_FIELDS)}"
        )
    return name, value


def _done(change: Change, args: argparse.Namespace, **facts: Any) -> int:
    if args.json:
        print_json({"action": change.kind, "label": change.label, "id": change.result_id, **facts})
    else:
        print(f"Done: {change.label}.")
    return 0


def cmd_tag_action(project: Any, args: argparse.Namespace) -> int:
    """`tag rename|recolor|move|merge|delete|describe`."""
    action = args.tag_command
    tag = project.tag_by_name(args.tag if action != "merge" else args.source)
    if action == "rename":
        change = project.update_tag(tag.id, name=args.new_name)
    elif action == "recolor":
        change = project.update_tag(tag.id, color=args.color)
    elif action == "describe":
        change = project.update_tag(tag.id, description=args.description)
    elif action == "move":
        parent = None if args.top else project.tag_by_name(args.parent).id
        change = project.update_tag(tag.id, parent_id=parent)
    elif action == "merge":
        change = project.merge_tags(tag.id, project.tag_by_name(args.target).id)
    else:
        if tag.annotation_count and not (args.reassign or args.delete_annotations):
            raise HnreaderError(
                f"tag “{tag.path}” has {tag.annotation_count} passage(s): give --reassign TAG "
                "to give them another tag, or --delete-annotations to delete them",
                code=ErrorCode.INVALID_VALUE,
            )
        target = project.tag_by_name(args.reassign).id if args.reassign else None
        fate = "reassign" if args.reassign else "delete" if args.delete_annotations else None
        change = project.delete_tag(tag.id, annotations=fate, reassign_to=target)
    return _done(change, args)


def _cmd_annotation(project: Any, args: argparse.Namespace) -> int:
    action, annotation_id = args.annotation_command, args.annotation_id
    project.annotation(annotation_id)  # a clear error for an id that is none
    if action == "note":
        change = project.update_annotation(annotation_id, note=args.note)
    elif action == "retag":
        tag_ids = [project.tag_by_name(name).id for name in args.tag]
        change = project.update_annotation(annotation_id, tag_ids=tag_ids)
    else:
        change = project.delete_annotation(annotation_id)
    return _done(change, args)


def _cmd_article(project: Any, args: argparse.Namespace) -> int:
    if args.article_command in corrections_commands.ARTICLE_ACTIONS:
        return corrections_commands.article_action(project, args)
    action, article_id = args.article_command, args.article_id
    if action == "rename":
        change = project.update_article(article_id, title=args.title)
    elif action == "set":
        fields: dict[str, Any] = dict(args.fields)
        if "reporters" in fields:
            names = fields["reporters"].replace(",", "、").replace("，", "、").split("、")
            fields["reporters"] = [n.strip() for n in names if n.strip()]
        change = project.update_article(article_id, **fields)
    elif action == "split":
        change = project.split_article(article_id, args.offset)
    elif action == "delete":
        change = project.delete_article(article_id)
    else:
        change = project.merge_with_next(article_id)
    return _done(change, args)


def _cmd_set(project: Any, args: argparse.Namespace) -> int:
    ids = [int(item) for item in args.items if item.isdigit()]
    pairs = [item.partition("=") for item in args.items if not item.isdigit()]
    wrong = [name for name, equals, _ in pairs if not equals or not name.strip()]
    if not ids or not pairs or wrong:
        raise HnreaderError(
            "set: give article ids, then NAME=VALUE pairs, e.g. `hnreader set 3 5 "
            "region=衡阳`" + (f" (“{wrong[0]}” is neither)" if wrong else ""),
            code=ErrorCode.INVALID_VALUE,
        )
    changes = [project.set_variable(ids, name, value) for name, _, value in pairs]
    if args.json:
        print_json([{"action": c.kind, "label": c.label} for c in changes])
    else:
        for change in changes:
            print(f"Done: {change.label}.")
    return 0


def _cmd_dictionary(project: Any, args: argparse.Namespace) -> int:
    action = args.dictionary_command
    if action == "list":
        words = project.user_words()
        if args.json:
            print_json(words)
        else:
            for word in words:
                print(word)
        return 0
    word = args.word.strip()
    if action == "add":
        change = project.add_user_word(word)
    else:
        if word not in project.user_words():
            raise HnreaderError(
                f"“{word}” is not in the project's dictionary; `hnreader dictionary list` "
                "shows its words",
                code=ErrorCode.INVALID_VALUE,
            )
        change = project.remove_user_word(word)
    if project.has_stale_index():  # the words' articles are segmented again
        project.reindex(progress=stderr_progress)
    return _done(change, args)


def _cmd_undo_redo(project: Any, args: argparse.Namespace) -> int:
    undo = args.command == "undo"
    done: list[Change] = []
    for _ in range(args.steps):
        change = project.undo() if undo else project.redo()
        if change is None:
            break
        done.append(change)
    if args.json:
        print_json([{"action": c.kind, "label": c.label, "id": c.result_id} for c in done])
    elif not done:
        print("Nothing to undo." if undo else "Nothing to redo.")
    for change in [] if args.json else done:
        print(f"{'Undone' if undo else 'Redone'}: {change.label}.")
    return 0


def _cmd_history(project: Any, args: argparse.Namespace) -> int:
    undo, redo = project.history.next_undo, project.history.next_redo
    if args.json:
        print_json(
            {
                "undo": {"action": undo.kind, "label": undo.label} if undo else None,
                "redo": {"action": redo.kind, "label": redo.label} if redo else None,
            }
        )
        return 0
    print(f"Undo: {undo.label}" if undo else "Nothing to undo.")
    print(f"Redo: {redo.label}" if redo else "Nothing to redo.")
    return 0


COMMANDS = {
    "undo": _cmd_undo_redo,
    "redo": _cmd_undo_redo,
    "history": _cmd_history,
    "set": _cmd_set,
    "annotation": _cmd_annotation,
    "article": _cmd_article,
    "dictionary": _cmd_dictionary,
}
WRITE_COMMANDS = {"annotation", "article", "dictionary", "undo", "redo", "set"}
