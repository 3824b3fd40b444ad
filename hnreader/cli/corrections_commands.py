"""Import options and corrections after import (issue 13, items 5 and 6): `import --split …
--dry-run`, `article exclude|include|boilerplate|restore|title`, `reimport`, `orphans`."""

from __future__ import annotations

import argparse
from typing import Any

from hnreader.cli.console import print_json
from hnreader.core.corrections import Correction
from hnreader.core.models import Change
from hnreader.core.project import ImportOptions, ImportPreview, import_options

SPLIT_HELP = (
    "how documents are split into articles: auto (hnreader decides), file (one article per "
    "file), headings (at each Markdown # heading and numbered heading 一、), pattern:REGEX (at "
    "each line the regular expression matches)"
)


def add_import_options(sub: argparse.ArgumentParser) -> None:
    """The options of `import` (and `reimport`) beyond the paths."""
    sub.add_argument("--split", default="auto", metavar="MODE", help=SPLIT_HELP)
    sub.add_argument(
        "--publication", default="", metavar="NAME", help="set this publication on every article"
    )
    sub.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a document variable on every article (give it again for more)",
    )


def add_encoding_and_preview(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--encoding",
        default="",
        metavar="ENC",
        help="decode text files with this encoding (utf-8, gb18030, big5, utf-16) instead of "
        "deciding from their bytes",
    )
    sub.add_argument(
        "--dry-run",
        action="store_true",
        help="show how the first files would be split, without importing anything",
    )
    sub.add_argument("--json", action="store_true", help="with --dry-run: print JSON")


def options_of(args: argparse.Namespace) -> ImportOptions:
    return import_options(
        getattr(args, "split", "auto"),
        getattr(args, "year", None),
        getattr(args, "publication", ""),
        getattr(args, "var", []),
        getattr(args, "encoding", ""),
    )


def print_preview(preview: ImportPreview, as_json: bool) -> int:
    if as_json:
        print_json(
            {
                "total_files": preview.total_files,
                "files": [
                    {
                        "name": f.name,
                        "format": f.format,
                        "problem": f.problem,
                        "more": f.more,
                        "articles": [
                            {
                                "title": a.title,
                                "date": a.date,
                                "chars": a.chars,
                                "publication": a.publication,
                                "set_aside": [[r.text, r.reason] for r in a.set_aside],
                                "variables": dict(a.variables),
                            }
                            for a in f.articles
                        ],
                    }
                    for f in preview.files
                ],
                "skipped": [list(s) for s in preview.skipped],
            }
        )
        return 0
    print(
        f"Preview of {len(preview.files)} of {preview.total_files} file(s); nothing was imported."
    )
    for file in preview.files:
        if file.problem:
            print(f"{file.name}: would be skipped: {file.problem}")
            continue
        print(f"{file.name} ({file.format}): {len(file.articles)} article(s)")
        for article in file.articles:
            aside = f", {len(article.set_aside)} line(s) set aside" if article.set_aside else ""
            print(f"  {article.date or '—':<10}  {article.title}  [{article.chars}字{aside}]")
        if file.more:
            print("  … (more rows)")
    return 0


def add_article_actions(actions: Any, parents: list[argparse.ArgumentParser]) -> None:
    act = actions.add_parser(
        "exclude",
        parents=parents,
        help="leave articles out of search, counts, analysis and export (kept, with their "
        "annotations; include brings them back)",
    )
    act.add_argument("article_ids", nargs="+", type=int, metavar="ID")
    act = actions.add_parser("include", parents=parents, help="include excluded articles again")
    act.add_argument("article_ids", nargs="+", type=int, metavar="ID")
    for name, what in (
        ("boilerplate", "set line LINE of the text aside as boilerplate"),
        ("title", "make line LINE of the text the article's title"),
    ):
        act = actions.add_parser(
            name,
            parents=parents,
            help=f"{what} (LINE from 1: the N-th line `show ID --numbered` prints, `line` in "
            "show --json's paragraphs); annotations are re-anchored to their quotes",
        )
        act.add_argument("article_id", type=int, metavar="ID")
        act.add_argument("line", type=int, metavar="LINE")
    act = actions.add_parser(
        "restore",
        parents=parents,
        help="put set-aside line N back into the text (N as `show ID --json` lists them under "
        "removed, from 1)",
    )
    act.add_argument("article_id", type=int, metavar="ID")
    act.add_argument("line", type=int, metavar="N")


ARTICLE_ACTIONS = ("exclude", "include", "boilerplate", "title", "restore")


def article_action(project: Any, args: argparse.Namespace) -> int:
    action = args.article_command
    if action in ("exclude", "include"):
        method = project.exclude_articles if action == "exclude" else project.include_articles
        return _change_done(method(args.article_ids), args)
    if action == "boilerplate":
        return _correction_done(project.set_aside_line(args.article_id, args.line), args)
    if action == "title":
        return _correction_done(project.title_from_line(args.article_id, args.line), args)
    return _correction_done(project.restore_line(args.article_id, args.line), args)


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "reimport",
        parents=[project, as_json],
        help="split an imported file again with other options, in one undoable step; "
        "annotations follow their quotes (or become orphans, see `orphans`)",
        epilog="example: hnreader reimport transcript.txt --split 'pattern:^## '",
    )
    sub.add_argument(
        "source", metavar="SOURCE", help="the file's name or path as imported, or its id"
    )
    add_import_options(sub)
    sub.add_argument(
        "--year", type=int, default=None, metavar="YYYY", help="the year of dates without one"
    )
    sub = commands.add_parser(
        "orphans",
        parents=[project, as_json],
        help="annotations whose text a correction removed: list, attach again, delete",
        epilog="example: hnreader orphans attach 2 5 --quote 23505元",
    )
    actions = sub.add_subparsers(dest="orphans_command", metavar="ACTION")
    act = actions.add_parser(
        "attach",
        parents=[project, as_json],
        help="attach an orphan to a passage of an article (START END, or --quote)",
    )
    act.add_argument("orphan_id", type=int, metavar="ORPHAN")
    act.add_argument("article_id", type=int, metavar="ARTICLE")
    act.add_argument("span", nargs="*", type=int, metavar="START END")
    act.add_argument("--quote", metavar="TEXT", help="the passage, exactly as written")
    act = actions.add_parser("delete", parents=[project, as_json], help="delete an orphan")
    act.add_argument("orphan_id", type=int, metavar="ORPHAN")


def _cmd_reimport(project: Any, args: argparse.Namespace) -> int:
    source = project.find_source(args.source)
    return _correction_done(project.reimport(source, options_of(args)), args)


def _cmd_orphans(project: Any, args: argparse.Namespace) -> int:
    action = getattr(args, "orphans_command", None)
    if action == "delete":
        project.store.orphan(args.orphan_id)  # a clear error for an id that is none
        return _change_done(project.delete_orphan(args.orphan_id), args)
    if action == "attach":
        start, end = _span(project, args)
        return _change_done(
            project.attach_orphan(args.orphan_id, args.article_id, start, end), args
        )
    orphans = project.orphans()
    tags = {t.id: t.path for t in project.tags()}
    if args.json:
        print_json(
            [
                {
                    "id": o.id,
                    "quote": o.quote,
                    "note": o.note,
                    "coder": o.coder,
                    "tags": [tags[t] for t in o.tag_ids if t in tags],
                    "article_id": o.article_id,
                    "article_title": o.article_title,
                    "start": o.start,
                    "end": o.end,
                    "orphaned": o.orphaned,
                    "reason": o.reason,
                }
                for o in orphans
            ]
        )
        return 0
    if not orphans:
        print("No orphaned annotations.")
        return 0
    for o in orphans:
        names = "、".join(tags[t] for t in o.tag_ids if t in tags)
        print(f"{o.id:>4}  “{o.quote}”  [{names}]  was on {o.article_id} “{o.article_title}”")
    return 0


def _span(project: Any, args: argparse.Namespace) -> tuple[int, int]:
    from hnreader.core.models import ErrorCode, HnreaderError

    if args.quote:
        text = project.article(args.article_id).text
        start = text.find(args.quote)
        if start < 0:
            raise HnreaderError(
                f"“{args.quote}” is not in article {args.article_id}",
                code=ErrorCode.QUOTE_NOT_FOUND,
            )
        return start, start + len(args.quote)
    if len(args.span) != 2:
        raise HnreaderError(
            "give START END (offsets from `show ID --numbered`) or --quote TEXT",
            code=ErrorCode.INVALID_VALUE,
        )
    return args.span[0], args.span[1]


def _change_done(change: Change, args: argparse.Namespace) -> int:
    if args.json:
        print_json({"action": change.kind, "label": change.label, "id": change.result_id})
    else:
        print(f"Done: {change.label}.")
    return 0


def _correction_done(correction: Correction, args: argparse.Namespace) -> int:
    counts = correction.counts
    if args.json:
        print_json(
            {
                "action": correction.change.kind,
                "label": correction.change.label,
                "annotations": counts.as_dict(),
            }
        )
        return 0
    print(f"Done: {correction.change.label}.")
    print(
        f"Annotations: {counts.stayed} stayed, {counts.moved} moved, {counts.reanchored} "
        f"re-anchored, {counts.orphaned} orphaned"
        + (" (see `hnreader orphans`)" if counts.orphaned else "")
    )
    return 0


COMMANDS = {"reimport": _cmd_reimport, "orphans": _cmd_orphans}
WRITE_COMMANDS = {"reimport", "orphans"}
