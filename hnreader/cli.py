"""The `hnreader` command: the desktop app without a subcommand, the core's CLI with one."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from hnreader import __version__
from hnreader.core.models import ErrorCode, HnreaderError

EXIT_ERROR = 1
# A distinct exit code for each kind of project-file failure (listed in the README).
EXIT_CODES = {
    ErrorCode.BUSY: 3,
    ErrorCode.READ_ONLY: 4,
    ErrorCode.PERMISSION: 4,
    ErrorCode.DISK_FULL: 5,
    ErrorCode.DAMAGED: 6,
    ErrorCode.NOT_A_PROJECT: 7,
    ErrorCode.EMPTY_FILE: 7,
    ErrorCode.TOO_NEW: 7,
    ErrorCode.INCONSISTENT_SCHEMA: 7,
    ErrorCode.CONFLICT: 8,
}
EXIT_INTERRUPTED = 130


def _build_parser() -> argparse.ArgumentParser:
    project = argparse.ArgumentParser(add_help=False)
    project.add_argument(
        "--project",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="project file (default: the project in your data folder, with the bundled corpus)",
    )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON on stdout")

    parser = argparse.ArgumentParser(
        prog="hnreader",
        description="Read, search, tag and export Chinese news corpora. "
        "Without a command, opens the desktop app.",
        parents=[project],
    )
    parser.add_argument("--version", action="version", version=f"hnreader {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="run the headless self-test and exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub = commands.add_parser("import", parents=[project], help="import .txt files or folders")
    sub.add_argument("paths", nargs="+", metavar="PATH")
    sub.add_argument(
        "--keep-both",
        action="store_true",
        help="import a file that changed since it was imported as a second copy",
    )
    sub.add_argument("--verbose", action="store_true", help="list every file skipped")

    commands.add_parser("articles", parents=[project, as_json], help="list the articles")

    sub = commands.add_parser("show", parents=[project, as_json], help="show one article")
    sub.add_argument("article_id", type=int, metavar="ARTICLE_ID")

    sub = commands.add_parser("search", parents=[project, as_json], help="search the articles")
    sub.add_argument("query", metavar="QUERY")
    sub.add_argument("--whole-words", action="store_true", help="only matches that are words")
    sub.add_argument(
        "--limit", type=_positive_int, default=50, metavar="N", help="list at most N articles"
    )
    sub.add_argument(
        "--after",
        type=int,
        default=0,
        metavar="ID",
        help="list the articles after this id (the next page: the last id listed)",
    )

    sub = commands.add_parser("figures", parents=[project, as_json], help="list the figures")
    sub.add_argument("--article", type=int, metavar="ID")

    sub = commands.add_parser("tag", parents=[project], help="edit the codebook")
    tag_commands = sub.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    add = tag_commands.add_parser("add", parents=[project], help="create a tag")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--color", default="#F2C94C", metavar="#RRGGBB")
    add.add_argument("--parent", metavar="NAME")
    add.add_argument("--description", default="")

    commands.add_parser("tags", parents=[project, as_json], help="list the tags")

    sub = commands.add_parser(
        "annotate", parents=[project, as_json], help="tag a passage or figure"
    )
    sub.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    sub.add_argument("start", type=int, metavar="START")
    sub.add_argument("end", type=int, metavar="END")
    sub.add_argument("--tag", action="append", required=True, metavar="NAME")
    sub.add_argument("--note", default="", metavar="TEXT")
    sub.add_argument(
        "--coder", default=None, metavar="NAME", help="coder name (default: $HNREADER_CODER or you)"
    )

    commands.add_parser("annotations", parents=[project, as_json], help="list the annotations")

    sub = commands.add_parser(
        "backup",
        parents=[project, as_json],
        help="make a verified backup of the project now",
        epilog="example: hnreader --project study.sqlite backup --keep 10",
    )
    sub.add_argument(
        "--keep", type=_positive_int, default=5, metavar="N", help="keep the newest N backups"
    )
    commands.add_parser(
        "backups", parents=[project, as_json], help="list the project's backups, newest first"
    )
    sub = commands.add_parser(
        "restore",
        parents=[project],
        help="put a backup in place of the project (the current file is kept as a backup)",
        epilog="example: hnreader --project study.sqlite restore 1   (1 = the newest backup)",
    )
    sub.add_argument(
        "backup", metavar="BACKUP", help="a backup file, or its number in `hnreader backups`"
    )
    sub = commands.add_parser(
        "check",
        parents=[project, as_json],
        help="check the project file for damage without changing it",
        epilog="exit code 0 when the file is sound, 6 when it is damaged",
    )
    sub.add_argument(
        "--full", action="store_true", help="integrity_check and the search index (slower)"
    )
    sub = commands.add_parser(
        "salvage",
        parents=[project, as_json],
        help="copy every readable row of a damaged project into a new project file",
        epilog="example: hnreader --project study.sqlite salvage rescued.sqlite",
    )
    sub.add_argument("out", metavar="NEW.sqlite")

    sub = commands.add_parser("export", parents=[project], help="export to CSV")
    sub.add_argument("out", metavar="OUT.csv")
    sub.add_argument("--tag", action="append", metavar="NAME", help="only these tags")
    sub.add_argument("--figures", action="store_true", help="export the figures table instead")
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _stderr_progress(done: int, total: int, message: str) -> None:
    if sys.stderr.isatty():
        percent = 100 * done // max(1, total)
        print(f"\r{message}: {percent:3d}%", end="", file=sys.stderr, flush=True)


def _open_project(args: argparse.Namespace) -> Any:
    from hnreader.core.project import Project, open_default_project

    coder = getattr(args, "coder", None) or os.environ.get("HNREADER_CODER") or _user_name()
    if getattr(args, "project", None):
        project = Project.open(Path(args.project), coder=coder)
    else:
        project = open_default_project(progress=_stderr_progress)
        project.coder = coder
    if project.read_only:
        why = (
            f"it is damaged ({project.damage}); run `hnreader check` for details"
            if project.read_only_reason == "damaged"
            else "it cannot be written"
        )
        print(f"hnreader: note: {project.path.name} is open read-only: {why}.", file=sys.stderr)
    elif project.has_stale_index():
        project.reindex(progress=_stderr_progress)
    return project


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    args = _build_parser().parse_args(argv)
    if args.self_test:
        from hnreader.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from hnreader.ui.app import run_app

        return run_app(getattr(args, "project", None))
    try:
        return _run_command(args)
    except HnreaderError as error:
        print(f"hnreader: error: {error}", file=sys.stderr)
        return EXIT_CODES.get(error.code, EXIT_ERROR)
    except KeyboardInterrupt:
        print("hnreader: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`hnreader search … | head`): end quietly, as
        # `git log | head` does. Python would complain again flushing stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run_command(args: argparse.Namespace) -> int:
    import sqlite3

    from hnreader.core.project import describe_failure

    path = Path(args.project) if getattr(args, "project", None) else None
    if args.command in FILE_COMMANDS:  # never open (and so never write) the project itself
        return FILE_COMMANDS[args.command](path or _default_path(), args)
    try:
        project = _open_project(args)
    except sqlite3.Error as error:
        raise describe_failure(error, path or _default_path()) from None
    try:
        if args.command in WRITE_COMMANDS:
            project.backup_if_due()
        return COMMANDS[args.command](project, args)
    except sqlite3.Error as error:
        raise describe_failure(error, project.path) from None
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        name = error.filename or "a file"
        raise HnreaderError(
            f"{name}: {error.strerror or error}; nothing in the project was changed."
        ) from None
    finally:
        project.close()


def _default_path() -> Path:
    from hnreader import paths

    return paths.default_project_path()


def _cmd_import(project: Any, args: argparse.Namespace) -> int:
    report = project.import_paths(
        [Path(p) for p in args.paths],
        progress=_stderr_progress,
        on_changed="keep_both" if args.keep_both else "skip",
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    already = [r for _, r in report.skipped if "already imported" in r]
    others = [(p, r) for p, r in report.skipped if "already imported" not in r]
    if report.added_files:
        print(f"Added {report.added_articles} article(s) from {len(report.added_files)} file(s).")
    elif not others:
        print(f"Nothing new: {len(already)} file(s) already imported.")
    if already and args.verbose:
        for path, reason in report.skipped:
            if "already imported" in reason:
                print(f"Skipped {path}: {reason}", file=sys.stderr)
    for path, reason in others:
        print(f"Skipped {path}: {reason}", file=sys.stderr)
    if report.cancelled:
        print("Import was cancelled; files not yet imported were left out.", file=sys.stderr)
    # Importing nothing new is not an error; files that could not be imported are.
    return EXIT_ERROR if others and not report.added_files else 0


def _cmd_articles(project: Any, args: argparse.Namespace) -> int:
    summaries = project.article_summaries()
    if args.json:
        _print_json(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "date": s.date,
                    "byline": s.byline,
                    "source": s.source,
                    "chars": s.chars,
                }
                for s in summaries
            ]
        )
        return 0
    for s in summaries:
        print(f"{s.id:>5}  {s.date or '—':<10}  {s.title}  [{s.source} #{s.ordinal}, {s.chars}字]")
    return 0


def _cmd_show(project: Any, args: argparse.Namespace) -> int:
    article = project.article(args.article_id)
    if args.json:
        _print_json(
            {
                "id": article.id,
                "title": article.title,
                "subtitle": article.subtitle,
                "date": article.date,
                "byline": article.byline,
                "reporters": list(article.reporters),
                "publication": article.publication,
                "source": article.source,
                "text": article.text,
                "captions": [[c.start, c.end] for c in article.captions],
                "removed": [asdict(r) for r in article.removed],
            }
        )
        return 0
    print(article.title)
    if article.subtitle:
        print(article.subtitle)
    meta = " · ".join(x for x in (article.date, article.byline, article.source) if x)
    print(meta)
    print()
    print(article.text)
    if article.removed:
        print(
            f"\n[{len(article.removed)} line(s) set aside as boilerplate: show --json lists them]"
        )
    return 0


def _cmd_search(project: Any, args: argparse.Namespace) -> int:
    result = project.search(
        args.query, whole_words=args.whole_words, limit=args.limit, after=args.after
    )
    total_hits, total_articles = result.total_hits, result.total_articles
    if total_hits is None and not result.message:
        counted = project.count_matches(args.query, whole_words=args.whole_words)
        total_hits, total_articles = counted if counted is not None else (0, 0)
    if args.json:
        _print_json(
            {
                "query": result.query,
                "segments": list(result.segments),
                "total_hits": total_hits,
                "total_articles": total_articles,
                "message": result.message,
                "more": not result.complete,
                "next_after": result.next_after,
                "articles": [
                    {
                        "id": a.article_id,
                        "title": a.title,
                        "date": a.date,
                        "source": a.source,
                        "hits": [
                            {
                                "start": h.start,
                                "end": h.end,
                                "text": h.text,
                                "left": h.left,
                                "right": h.right,
                                "whole_word": h.whole_word,
                                "match": h.match,
                            }
                            for h in a.hits
                        ],
                    }
                    for a in result.articles
                ],
            }
        )
        return 0
    print(f"Segmented: {' | '.join(result.segments)}")
    if result.message:
        print(result.message)
    print(f"{total_hits} hit(s) in {total_articles} article(s)")
    for article in result.articles:
        print(f"\n[{article.article_id}] {article.title} ({article.date or '—'})")
        for hit in article.hits:
            mark = "" if hit.whole_word else "  (inside a word)"
            print(f"  {hit.start:>6}  {hit.left:>20}【{hit.text}】{hit.right}{mark}")
    if not result.complete:
        print(f"\nMore articles: search again with --after {result.next_after}")
    return 0


def _cmd_figures(project: Any, args: argparse.Namespace) -> int:
    if args.article is not None:
        project.article(args.article)
    figures = project.figures(args.article)
    if args.json:
        _print_json(
            [
                {
                    "article_id": article_id,
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "value": f.value,
                    "unit": f.unit,
                    "kind": f.kind,
                }
                for article_id, f in figures
            ]
        )
        return 0
    for article_id, f in figures:
        value = "" if f.value is None else f"{f.value:.15g}"  # exact: 7470000, not 7.47e+06
        print(
            f"{article_id:>5} {f.start:>6}-{f.end:<6} {f.kind:<8} {value:>16} {f.unit:<6} {f.text}"
        )
    return 0


def _cmd_tag(project: Any, args: argparse.Namespace) -> int:
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
        _print_json(
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
    figure = project.figure_at(args.article_id, args.start, args.end)
    if figure is not None:
        change = project.annotate_figure(args.article_id, figure, tag_ids, note=args.note)
    else:
        change = project.annotate(args.article_id, args.start, args.end, tag_ids, note=args.note)
    annotation = project.annotation(change.result_id)
    if args.json:
        _print_json(_annotation_json(project, annotation))
    else:
        kind = f"figure ({figure.kind})" if figure else "passage"
        print(f"Annotation {annotation.id}: {kind} “{annotation.quote}”")
    return 0


def _cmd_annotations(project: Any, args: argparse.Namespace) -> int:
    annotations = project.annotations()
    if args.json:
        _print_json([_annotation_json(project, a) for a in annotations])
        return 0
    names = {t.id: t.path for t in project.tags()}
    for a in annotations:
        tags = ", ".join(names[t] for t in a.tag_ids)
        print(f"{a.id:>5}  article {a.article_id} {a.start}-{a.end}  [{tags}]  {a.quote[:40]}")
    return 0


def _cmd_export(project: Any, args: argparse.Namespace) -> int:
    from hnreader.core.export.rows import ExportFilter

    out = Path(args.out)
    if args.figures:
        count = project.export_figures(out)
        print(f"Wrote {count} figure row(s) to {out}")
        return 0
    tag_ids = [project.tag_by_name(n).id for n in args.tag] if args.tag else None
    count = project.export_annotations(out, ExportFilter(tag_ids=tag_ids))
    print(f"Wrote {count} row(s) to {out}")
    return 0


def _backup_json(info: Any) -> dict[str, Any]:
    return {
        "path": str(info.path),
        "created": info.created.isoformat(timespec="seconds"),
        "reason": info.reason,
        "size": info.size,
        "schema_version": info.schema_version,
        "verified": info.verified,
    }


def _cmd_backup(project: Any, args: argparse.Namespace) -> int:
    info = project.backup("manual", keep=args.keep)
    if args.json:
        _print_json(_backup_json(info))
    else:
        print(f"Backed up {project.path.name} to {info.path} ({info.size:,} bytes, verified)")
    return 0


def _cmd_backups(path: Path, args: argparse.Namespace) -> int:
    from hnreader.core import safekeeping

    found = safekeeping.list_backups(path)
    if args.json:
        _print_json([_backup_json(b) for b in found])
        return 0
    if not found:
        print(f"No backups of {path.name} yet (`hnreader backup` makes one).")
    for number, info in enumerate(found, start=1):
        when = info.created.strftime("%Y-%m-%d %H:%M:%S")
        flag = "" if info.verified else "  (unverified copy of a damaged file)"
        print(f"{number:>3}  {when}  {info.reason:<14} {info.size:>12,}  {info.path}{flag}")
    return 0


def _cmd_restore(path: Path, args: argparse.Namespace) -> int:
    from hnreader.core import safekeeping

    backup = Path(args.backup)
    if args.backup.isdigit() and not backup.exists():
        found = safekeeping.list_backups(path)
        number = int(args.backup)
        if not 1 <= number <= len(found):
            raise HnreaderError(
                f"there is no backup number {number} of {path.name}: `hnreader backups` "
                f"lists {len(found)}."
            )
        backup = found[number - 1].path
    kept = safekeeping.restore_backup(backup, path)
    print(f"Restored {path.name} from {backup}.")
    if kept is not None:
        print(f"The file it replaced was kept as {kept}.")
    return 0


def _cmd_check(path: Path, args: argparse.Namespace) -> int:
    from hnreader.core import safekeeping

    report = safekeeping.check(path, full=args.full)
    if args.json:
        _print_json(
            {
                "path": str(path),
                "ok": report.ok,
                "code": report.code,
                "problems": list(report.problems),
                "schema_version": report.schema_version,
            }
        )
    elif report.ok:
        kind = "full check (integrity and search index)" if args.full else "quick check"
        print(f"{path.name}: no damage found ({kind}).")
    else:
        print(f"{path.name}: {report.code.replace('_', ' ')}", file=sys.stderr)
        for problem in report.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        if report.code == safekeeping.CheckCode.DAMAGED:
            print(
                "Restore a backup (`hnreader backups`, `hnreader restore 1`) or rescue what "
                "can be read (`hnreader salvage NEW.sqlite`).",
                file=sys.stderr,
            )
    if report.ok:
        return 0
    return {
        safekeeping.CheckCode.DAMAGED: EXIT_CODES[ErrorCode.DAMAGED],
        safekeeping.CheckCode.PERMISSION: EXIT_CODES[ErrorCode.PERMISSION],
        safekeeping.CheckCode.BUSY: EXIT_CODES[ErrorCode.BUSY],
    }.get(report.code, EXIT_CODES[ErrorCode.NOT_A_PROJECT])


def _cmd_salvage(path: Path, args: argparse.Namespace) -> int:
    from hnreader.core import safekeeping

    report = safekeeping.salvage(path, Path(args.out))
    if args.json:
        _print_json(
            {
                "source": str(report.source),
                "target": str(report.target),
                "lost_annotations": report.lost_annotations,
                "problems": list(report.target_problems),
                "tables": [
                    {"table": t.table, "copied": t.copied, "lost": t.lost} for t in report.tables
                ],
            }
        )
        return 0
    print(f"Copied what could be read of {path.name} into {report.target}:")
    for table in report.tables:
        lost = f", {table.lost:,} lost" if table.lost else ""
        print(f"  {table.table:<16} {table.copied:>10,} rows{lost}")
    if report.lost_annotations:
        print(f"{report.lost_annotations} annotation(s) could not be rescued.")
    print("Open the new file with `hnreader --project` (its search index is rebuilt then).")
    return 0


# Commands that work on the project file itself, without opening it as a project.
FILE_COMMANDS = {
    "backups": _cmd_backups,
    "restore": _cmd_restore,
    "check": _cmd_check,
    "salvage": _cmd_salvage,
}
# Commands that change the project: the daily backup is made before them when due.
WRITE_COMMANDS = {"import", "tag", "annotate"}

COMMANDS = {
    "backup": _cmd_backup,
    "import": _cmd_import,
    "articles": _cmd_articles,
    "show": _cmd_show,
    "search": _cmd_search,
    "figures": _cmd_figures,
    "tag": _cmd_tag,
    "tags": _cmd_tags,
    "annotate": _cmd_annotate,
    "annotations": _cmd_annotations,
    "export": _cmd_export,
}
