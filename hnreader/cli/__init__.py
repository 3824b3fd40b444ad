"""The `hnreader` command: the desktop app without a subcommand, the core's CLI with one."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hnreader import __version__
from hnreader.cli import (
    analysis_commands,
    codebook_commands,
    corpus_commands,
    corrections_commands,
    edit_commands,
    exchange_commands,
    ledger_commands,
    merge_commands,
    safety_commands,
    search_commands,
    system_commands,
    team_commands,
    trend_commands,
    wordstats_commands,
)
from hnreader.cli.console import (
    EXIT_CODES,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    stderr_progress,
)
from hnreader.cli.examples import add_examples
from hnreader.core.coder_name import saved_coder
from hnreader.core.models import HnreaderError


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

    sub = commands.add_parser(
        "import",
        parents=[project],
        help="import files or folders: .txt .html .mhtml .docx .csv .tsv .xlsx .jsonl .json .xml",
        epilog="example: hnreader import news.csv --map title=标题,text=正文,date=发布时间",
    )
    sub.add_argument("paths", nargs="+", metavar="PATH")
    sub.add_argument(
        "--map",
        type=_column_map,
        default=None,
        metavar="ROLE=COLUMN,…",
        help="which table columns hold the title, text, date, source (publication), url and "
        "author, where their names are not recognised; the other columns become variables",
    )
    sub.add_argument(
        "--keep-both",
        action="store_true",
        help="import a file that changed since it was imported as a second copy",
    )
    sub.add_argument("--verbose", action="store_true", help="list every file skipped")
    sub.add_argument(
        "--year",
        type=_year,
        metavar="YYYY",
        help="the year of dates the files give no year for (5月24日 → YYYY-05-24)",
    )
    corrections_commands.add_import_options(sub)
    corrections_commands.add_encoding_and_preview(sub)

    sub = commands.add_parser(
        "give-year",
        parents=[project],
        help="give dates without a year (5月24日) a year, in one undoable step",
    )
    sub.add_argument("year", type=_year, metavar="YYYY")
    sub.add_argument("--source", metavar="FILE", help="only the articles of this file (its name)")

    commands.add_parser("articles", parents=[project, as_json], help="list the articles")
    commands.add_parser(
        "variables",
        parents=[project, as_json],
        help="list the document variables (table columns, page urls) with how many have each",
    )

    sub = commands.add_parser(
        "show",
        parents=[project, as_json],
        help="show one article",
        epilog="example: hnreader show 3 --numbered   (each paragraph with its start offset, "
        "for annotate)",
    )
    sub.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    sub.add_argument(
        "--numbered",
        action="store_true",
        help="print each paragraph with its start offset (code points into the text)",
    )

    sub = commands.add_parser("search", parents=[project, as_json], help="search the articles")
    sub.add_argument("query", metavar="QUERY")
    sub.add_argument("--whole-words", action="store_true", help="only matches that are words")
    sub.add_argument(
        "--field",
        action="append",
        choices=search_commands.FIELD_CHOICES,
        help="search only this field (give it again for more); default: all (title, "
        "subtitle, byline and body). Offsets of a hit outside the body are into its field",
    )
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
    sub.add_argument(
        "--export",
        metavar="FILE.csv",
        help="write every hit (all of them, not a page) with its left and right context, "
        "match kind, article and date to a CSV file",
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
    edit_commands.add_tag_actions(tag_commands, project, as_json)

    commands.add_parser("tags", parents=[project, as_json], help="list the tags")

    sub = commands.add_parser(
        "annotate",
        parents=[project, as_json],
        help="tag a passage or figure, by its offsets or by its text",
        epilog='examples: hnreader annotate 3 --quote "精准扶贫" --tag 政策话语\n'
        "          hnreader annotate 3 120 168 --tag 政策话语   (offsets from show --numbered; "
        "widened to whole words unless --raw)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    sub.add_argument("start", type=int, nargs="?", metavar="START")
    sub.add_argument("end", type=int, nargs="?", metavar="END")
    sub.add_argument(
        "--quote",
        metavar="TEXT",
        help="tag this text of the article, exactly as written (instead of START END)",
    )
    sub.add_argument(
        "--occurrence",
        type=_positive_int,
        default=1,
        metavar="N",
        help="with --quote: its N-th occurrence in the article (default: the first)",
    )
    snapping = sub.add_mutually_exclusive_group()
    snapping.add_argument(
        "--snap",
        dest="snap",
        action="store_true",
        default=True,
        help="widen START END to whole words, as the app does (the default)",
    )
    snapping.add_argument(
        "--raw", dest="snap", action="store_false", help="keep START END exactly as given"
    )
    sub.add_argument("--tag", action="append", required=True, metavar="NAME")
    sub.add_argument("--note", default="", metavar="TEXT")
    sub.add_argument(
        "--coder",
        default=None,
        metavar="NAME",
        help="coder name (default: the app's, else $HNREADER_CODER, else your login)",
    )

    commands.add_parser("annotations", parents=[project, as_json], help="list the annotations")
    edit_commands.add_parsers(commands, project, as_json)
    corrections_commands.add_parsers(commands, project, as_json)
    team_commands.add_parsers(commands, project, as_json)
    team_commands.add_memo_parsers(commands, project, as_json)
    merge_commands.add_parsers(commands, project, as_json)
    merge_commands.add_disagreement_parser(commands, project, as_json)
    exchange_commands.add_parsers(commands, project, as_json)
    analysis_commands.add_parsers(commands, project, as_json)
    trend_commands.add_parsers(commands, project, as_json)
    ledger_commands.add_parsers(commands, project, as_json)
    wordstats_commands.add_parsers(commands, project, as_json)

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
        epilog="example: hnreader --project study.sqlite check --full   (exit code 0 when the "
        "file is sound, 6 when it is damaged)",
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
    system_commands.add_parsers(commands)
    add_examples(parser)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _open_project(args: argparse.Namespace) -> Any:
    from hnreader.core.project import Project, open_default_project

    coder = getattr(args, "coder", None) or saved_coder()  # the app's, else $HNREADER_CODER
    if getattr(args, "project", None):
        pending = Project.pending_upgrade(Path(args.project))
        if pending is not None:  # a large project takes a minute or more, once
            print(
                f"hnreader: upgrading {Path(args.project).name} from file format {pending[0]} "
                f"to {pending[1]} (once; a backup is made first)…",
                file=sys.stderr,
            )
        project = Project.open(Path(args.project), coder=coder)
    else:
        project = open_default_project(progress=stderr_progress)
        project.coder = coder
    if project.read_only:
        why = (
            f"it is damaged ({project.damage}); run `hnreader check` for details"
            if project.read_only_reason == "damaged"
            else "it cannot be written"
        )
        print(f"hnreader: note: {project.path.name} is open read-only: {why}.", file=sys.stderr)
    elif project.has_stale_index():
        project.reindex(progress=stderr_progress)
    return project


def _column_map(text: str) -> dict[str, str]:
    from hnreader.core.models import InvalidMapping
    from hnreader.core.project import parse_column_map

    try:
        return parse_column_map(text)
    except InvalidMapping as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _year(text: str) -> int:
    if not text.isdigit() or not 1800 <= int(text) <= 2200:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year; give four digits, e.g. 2020")
    return int(text)


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


# Commands that work on the project file itself, without opening it as a project.
FILE_COMMANDS = {**safety_commands.FILE_COMMANDS, **system_commands.FILE_COMMANDS}
# Commands that change the project: the daily backup is made before them when due.
WRITE_COMMANDS = {
    "import",
    "tag",
    "annotate",
    "give-year",
    "memo",
    *edit_commands.WRITE_COMMANDS,
    *merge_commands.WRITE_COMMANDS,
    *corrections_commands.WRITE_COMMANDS,
    *exchange_commands.WRITE_COMMANDS,
    *wordstats_commands.WRITE_COMMANDS,
}

COMMANDS = {
    **safety_commands.COMMANDS,
    **corpus_commands.COMMANDS,
    **search_commands.COMMANDS,
    **codebook_commands.COMMANDS,
    **edit_commands.COMMANDS,
    **corrections_commands.COMMANDS,
    **team_commands.COMMANDS,
    **merge_commands.COMMANDS,
    **exchange_commands.COMMANDS,
    **analysis_commands.COMMANDS,
    **trend_commands.COMMANDS,
    **ledger_commands.COMMANDS,
    **wordstats_commands.COMMANDS,
}
