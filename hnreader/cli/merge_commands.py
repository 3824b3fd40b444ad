"""Team work: merge another coder's coding, export a coder package, list disagreements."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hnreader.cli.console import print_json, stderr_progress
from hnreader.core.merge import MergeReport, TagMapError, parse_tag_map
from hnreader.core.models import ErrorCode


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "merge",
        parents=[project, as_json],
        help="merge another coder's project into this one: annotations (with their coder), "
        "memos and new tags, as one undoable step; the other file is only read (one of an "
        "older format through an upgraded copy in the temporary folder)",
        description="Articles are matched by the hash of their text, else by source file and "
        "title (a changed or split article: passages are re-anchored by quote, or listed as "
        "orphans); tags by path, else by name, else created. Duplicates (same span, tags and "
        "coder) are skipped.",
        epilog="example: hnreader --project mine.sqlite merge 李四.sqlite --map-tags tags.tsv "
        "--dry-run",
    )
    sub.add_argument("other", metavar="OTHER.sqlite", help="the other coder's project file")
    sub.add_argument(
        "--map-tags",
        metavar="FILE",
        help="how the other project's tags become ours: lines “other path<TAB>our path” (or "
        "a JSON object); an our path that does not exist is created",
    )
    sub.add_argument(
        "--dry-run", action="store_true", help="report what would be merged; change nothing"
    )
    sub = commands.add_parser(
        "export-package",
        parents=[project, as_json],
        help="a verified copy of the project to hand to a coder (optionally with only one "
        "coder's annotations)",
        epilog="example: hnreader export-package 李四.sqlite --only-coder 李四",
    )
    sub.add_argument("out", metavar="OUT.sqlite")
    sub.add_argument(
        "--only-coder",
        metavar="NAME",
        help="leave out every other coder's annotations (and the undo history)",
    )


def add_disagreement_parser(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "disagreements",
        parents=[project, as_json],
        help="the units where two coders coded a tag differently, with the consensus "
        "coder's coding of each (resolve them in Analyse ▸ Resolve Disagreements…)",
        epilog="example: hnreader disagreements --coder 王芳 --coder 李四 --unit paragraph",
    )
    sub.add_argument("--coder", action="append", required=True, metavar="NAME")
    sub.add_argument(
        "--tag", action="append", metavar="NAME", help="only this tag (again for more)"
    )
    sub.add_argument(
        "--unit",
        choices=("sentence", "paragraph", "article"),
        default="sentence",
        help="what is compared (default: sentence)",
    )
    sub.add_argument(
        "--consensus",
        default="consensus",
        metavar="NAME",
        help="the consensus coder's name (default: consensus)",
    )


def _cmd_disagreements(project: Any, args: argparse.Namespace) -> int:
    if len(args.coder) != 2:
        raise TagMapError(
            "name exactly two coders: --coder A --coder B", code=ErrorCode.INVALID_VALUE
        )
    tag_ids = [project.tag_by_name(name).id for name in args.tag] if args.tag else None
    found = project.disagreements(
        args.coder[0], args.coder[1], consensus=args.consensus, tag_ids=tag_ids, unit=args.unit
    )
    texts = project.article_texts(sorted({d.article_id for d in found}))
    rows = [
        {
            "article": d.article_id,
            "start": d.start,
            "end": d.end,
            "tag": d.tag_path,
            "text": texts[d.article_id][d.start : d.end],
            args.coder[0]: [list(s) for s in d.a_spans],
            args.coder[1]: [list(s) for s in d.b_spans],
            "consensus": [list(s) for s in d.consensus_spans],
        }
        for d in found
    ]
    if args.json:
        print_json(rows)
        return 0
    a, b = args.coder
    print(f"{len(found):,} disagreement(s) between {a} and {b} by {args.unit}:")
    for d, row in zip(found, rows, strict=True):
        who = a if d.a_coded else b
        done = "  [consensus: coded]" if d.consensus_spans else ""
        text = " ".join(str(row["text"]).split())
        where = f"article {d.article_id} {d.start}–{d.end}"
        print(f"  {where}  {d.tag_path}: only {who}{done}  {text[:40]}")
    return 0


def _tag_map(path: str | None) -> dict[str, str] | None:
    if path is None:
        return None
    try:
        text = Path(path).read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TagMapError(
            f"cannot read the tag map {path} ({getattr(error, 'strerror', None) or error}); "
            "nothing was changed",
            code=ErrorCode.INVALID_VALUE,
        ) from None
    return parse_tag_map(text, Path(path).name)


def report_json(report: MergeReport) -> dict[str, Any]:
    def counts(c: Any) -> dict[str, int]:
        return {
            "added": c.added,
            "reanchored": c.reanchored,
            "skipped": c.skipped,
            "orphaned": c.orphaned,
        }

    return {
        "source": report.source,
        "dry_run": report.dry_run,
        "annotations": counts(report.annotations),
        "memos": counts(report.memos),
        "tags": [
            {"other": c.other_path, "ours": c.target_path, "action": c.action} for c in report.tags
        ],
        "articles": {
            "matched": report.articles_matched,
            "reanchored": report.articles_reanchored,
            "missing": report.articles_missing,
        },
        "orphans": [
            {
                "kind": o.kind,
                "article": o.article_title,
                "text": o.text,
                "tags": list(o.tags),
                "coder": o.coder,
            }
            for o in report.orphans
        ],
    }


def print_report(report: MergeReport) -> None:
    verb = "Would merge" if report.dry_run else "Merged"
    print(f"{verb} coding from {report.source}:")
    for name, c in (("annotations", report.annotations), ("memos", report.memos)):
        print(
            f"  {name:<12} {c.added:>5} added ({c.reanchored} re-anchored)  "
            f"{c.skipped:>5} skipped as duplicates  {c.orphaned:>5} orphaned"
        )
    print(
        f"  tags         {report.tag_count('matched'):>5} matched  "
        f"{report.tag_count('mapped'):>5} mapped  {report.tag_count('created'):>5} created"
    )
    print(
        f"  articles     {report.articles_matched:>5} same text  "
        f"{report.articles_reanchored:>5} changed or split  {report.articles_missing:>5} not here"
    )
    for choice in report.tags:
        if choice.action != "matched":
            print(f"  tag {choice.other_path} → {choice.target_path} ({choice.action})")
    for orphan in report.orphans:
        what = " ".join(orphan.text.split())
        tags = f" [{', '.join(orphan.tags)}]" if orphan.tags else ""
        print(
            f"  orphan {orphan.kind} of {orphan.coder or '—'} in “{orphan.article_title}”"
            f"{tags}: {what[:60]}"
        )
    if report.dry_run:
        print("Nothing was changed (--dry-run).")


def _cmd_merge(project: Any, args: argparse.Namespace) -> int:
    tag_map = _tag_map(args.map_tags)
    other = Path(args.other)
    older = project.merge_upgrade_needed(other)
    if older is not None:
        print(
            f"{other.name} has an older file format ({older}): a copy of it is upgraded in the "
            "temporary folder and merged from; the file itself is not changed.",
            file=sys.stderr,
        )
    report, change = project.merge_coding(
        other, tag_map, dry_run=args.dry_run, progress=stderr_progress
    )
    if older is not None and sys.stderr.isatty():
        print(file=sys.stderr)  # end the progress line
    if args.json:
        print_json({**report_json(report), "changed": change is not None, "upgraded_from": older})
    else:
        print_report(report)
        if change is None and not report.dry_run:
            print("Nothing new to merge; nothing was changed.")
        elif change is not None:
            print("One step: `hnreader undo` takes the whole merge back.")
    return 0


def _cmd_export_package(project: Any, args: argparse.Namespace) -> int:
    path, removed = project.export_coder_package(
        Path(args.out), only_coder=args.only_coder, progress=stderr_progress
    )
    if args.json:
        print_json({"path": str(path), "annotations_left_out": removed})
    else:
        left = f"; {removed} annotation(s) of other coders left out" if args.only_coder else ""
        print(f"Coder package written to {path} (verified){left}.")
    return 0


COMMANDS = {
    "merge": _cmd_merge,
    "export-package": _cmd_export_package,
    "disagreements": _cmd_disagreements,
}
WRITE_COMMANDS = {"merge"}
