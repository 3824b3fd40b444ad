"""Team coding commands: agreement between coders, memos."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path
from typing import Any

from hnreader.cli.console import print_json
from hnreader.core.agreement import UNITS, AgreementReport, TagAgreement
from hnreader.core.agreement.tables import agreement_table


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "agreement",
        parents=[project, as_json],
        help="how alike two or more coders coded: percent agreement, Cohen's κ, Fleiss' κ, "
        "Krippendorff's α and unitizing α (on character spans) per tag and overall",
        epilog="example: hnreader agreement --coder 王芳 --coder 李四 --unit sentence "
        "--xlsx agreement.xlsx",
    )
    sub.add_argument("--coder", action="append", required=True, metavar="NAME")
    sub.add_argument(
        "--tag", action="append", metavar="NAME", help="only this tag (again for more)"
    )
    sub.add_argument(
        "--unit",
        choices=UNITS,
        default="sentence",
        help="what is compared: each sentence (default), paragraph, article or character",
    )
    sub.add_argument(
        "--min-share",
        type=_share,
        default=0.0,
        metavar="S",
        help="a unit counts as coded when at least this share of it is (0–1; default: any "
        "character)",
    )
    sub.add_argument(
        "--no-children", action="store_true", help="a tag's sub-tags do not count as the tag"
    )
    sub.add_argument(
        "--article",
        action="append",
        type=int,
        metavar="ID",
        help="compare on these articles (default: those every coder has coded)",
    )
    sub.add_argument("--csv", type=Path, metavar="FILE", help="also write the table to a CSV file")
    sub.add_argument(
        "--xlsx", type=Path, metavar="FILE", help="also write the table as an Excel workbook"
    )


def add_memo_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "memo",
        parents=[project],
        help="memos on an article, on a tag, or in the project's journal",
        epilog='example: hnreader memo add --article 3 "首倡地的说法出现在第二段"',
    )
    actions = sub.add_subparsers(dest="memo_command", metavar="ACTION", required=True)
    for name, text_help in (("add", "the memo's text"), ("list", None)):
        act = actions.add_parser(
            name,
            parents=[project, as_json],
            help="write a memo (one undoable step)"
            if name == "add"
            else "list memos, newest first",
            epilog=(
                'example: hnreader memo add --journal "第一轮编码完成"'
                if name == "add"
                else "example: hnreader memo list --tag 政策话语 --json"
            ),
        )
        where = act.add_mutually_exclusive_group(required=name == "add")
        where.add_argument("--article", type=int, metavar="ID", help="on this article")
        where.add_argument("--tag", metavar="NAME", help="on this tag")
        where.add_argument("--journal", action="store_true", help="in the project's journal")
        if text_help:
            act.add_argument("text", metavar="TEXT", help=text_help)
        else:
            act.add_argument(
                "--csv", type=Path, metavar="FILE", help="also write them to a CSV file"
            )
            act.add_argument(
                "--xlsx", type=Path, metavar="FILE", help="also write them as an Excel workbook"
            )
    act = actions.add_parser(
        "delete",
        parents=[project, as_json],
        help="delete a memo (undo brings it back)",
        epilog="example: hnreader memo delete 4",
    )
    act.add_argument("memo_id", type=int, metavar="ID")


def _memo_json(project: Any, memo: Any) -> dict[str, Any]:
    tag = project.tag(memo.tag_id).path if memo.tag_id is not None else None
    return {
        "id": memo.id,
        "kind": memo.kind,
        "article_id": memo.article_id,
        "tag": tag,
        "text": memo.text,
        "coder": memo.coder,
        "created": memo.created,
        "updated": memo.updated,
    }


def _cmd_memo(project: Any, args: argparse.Namespace) -> int:
    action = args.memo_command
    if action == "delete":
        change = project.delete_memo(args.memo_id)
        print_json({"action": change.kind, "id": change.result_id}) if args.json else print(
            f"Deleted memo {args.memo_id}."
        )
        return 0
    tag_id = project.tag_by_name(args.tag).id if args.tag else None
    kind = "article" if args.article is not None else "tag" if tag_id is not None else "journal"
    if action == "add":
        change = project.add_memo(kind, args.text, article_id=args.article, tag_id=tag_id)
        memo = project.memo(change.result_id)
        if args.json:
            print_json(_memo_json(project, memo))
        else:
            print(f"Memo {memo.id} ({memo.kind}) saved.")
        return 0
    chosen = args.article is not None or tag_id is not None or args.journal
    memos = project.memos(kind=kind if chosen else None, article_id=args.article, tag_id=tag_id)
    wrote = _export(project, args, project.memo_table(memos), quiet=args.json)
    if args.json:
        print_json([_memo_json(project, m) for m in memos])
        return 0
    for memo in memos:
        on = (
            f"article {memo.article_id}"
            if memo.kind == "article"
            else f"tag {project.tag(memo.tag_id).path}"
            if memo.kind == "tag"
            else "journal"
        )
        print(f"{memo.id:>4}  {memo.created[:10]}  {memo.coder or '—'}  [{on}]  {memo.text}")
    if not memos and not wrote:
        print("No memos.")
    return 0


def _export(project: Any, args: argparse.Namespace, table: Any, *, quiet: bool) -> bool:
    """Write the table to --csv and/or --xlsx when given (said on stdout unless `quiet`)."""
    wrote = False
    for path in (args.csv, args.xlsx):
        if path is not None:
            count = project.export_table(path, table)
            if not quiet:
                print(f"Wrote {count} rows to {path}")
            wrote = True
    return wrote


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number from 0 to 1") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("the share must be from 0 to 1 (0.5: half the unit)")
    return value


def _width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _number(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _json_row(row: TagAgreement, coders: tuple[str, ...]) -> dict[str, Any]:
    return {
        "units": row.units,
        "coded": dict(zip(coders, row.coded, strict=True)),
        "percent_agreement": row.percent,
        "cohen_kappa": row.cohen_kappa,
        "fleiss_kappa": row.fleiss_kappa,
        "krippendorff_alpha": row.krippendorff_alpha,
        "unitized_alpha": row.unitized_alpha,
    }


def _cmd_agreement(project: Any, args: argparse.Namespace) -> int:
    tag_ids = [project.tag_by_name(name).id for name in args.tag] if args.tag else None
    report: AgreementReport = project.agreement(
        args.coder,
        tag_ids=tag_ids,
        article_ids=args.article,
        unit=args.unit,
        min_share=args.min_share,
        include_children=not args.no_children,
    )
    rows = [*report.tags, report.overall]
    _export(project, args, agreement_table(report), quiet=args.json)
    if args.json:
        print_json(
            {
                "coders": list(report.coders),
                "unit": report.unit,
                "min_share": report.min_share,
                "articles": list(report.article_ids),
                "tags": {row.tag: _json_row(row, report.coders) for row in report.tags},
                "overall": _json_row(report.overall, report.coders),
            }
        )
        return 0
    share = "any of it" if not report.min_share else f"{report.min_share:.0%} of it"
    print(
        f"Agreement of {', '.join(report.coders)} on {report.overall.units:,} "
        f"{report.unit}-tag decisions in {len(report.article_ids)} article(s) "
        f"(a {report.unit} counts as coded when {share} is)"
    )
    if not report.article_ids:
        print("No article has been coded by every one of these coders; name them with --article.")
        return 0
    width = max([_width(row.tag) for row in report.tags] + [10])
    print(
        f"{_pad('tag', width)}  {'units':>7}  {'coded':>11}  {'agreement':>9}  {'Cohen κ':>7}  "
        f"{'Fleiss κ':>8}  {'Kripp. α':>8}  {'unitiz. α':>9}"
    )
    for row in rows:
        percent = "—" if row.percent is None else f"{row.percent:.1%}"
        print(
            f"{_pad(row.tag or '(all tags)', width)}  {row.units:>7,}  "
            f"{' / '.join(map(str, row.coded)):>11}  {percent:>9}  {_number(row.cohen_kappa):>7}  "
            f"{_number(row.fleiss_kappa):>8}  {_number(row.krippendorff_alpha):>8}  "
            f"{_number(row.unitized_alpha):>9}"
        )
    print("— : undefined (no unit or no variation: every unit coded alike by everyone)")
    print(
        "unitizing α compares where the coders' spans begin and end, on characters "
        "(Krippendorff 2004, §12.4), whatever --unit is"
    )
    return 0


COMMANDS = {"agreement": _cmd_agreement, "memo": _cmd_memo}
