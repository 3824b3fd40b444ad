"""The coding-analysis commands: retrieve, matrix, cooccurrence (issue 16)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hnreader.cli.console import print_json
from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.coding_analysis.matrix import GROUPINGS, MEASURES
from hnreader.core.coding_analysis.retrieval import MODES
from hnreader.core.coding_analysis.tables import (
    cooccurrence_table,
    matrix_table,
    passage_table,
    presence_table,
)
from hnreader.core.coding_analysis.units import SCOPES
from hnreader.core.models import ErrorCode, HnreaderError

WRITE_COMMANDS: set[str] = set()


def where_option(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(
            f"“{text}” is not NAME=VALUE (a document variable and its value, e.g. region=长沙)"
        )
    return name.strip(), value.strip()


def add_filter_options(parser: argparse.ArgumentParser, tag_help: str) -> None:
    """The filters every analysis takes: --tag, --no-subtags, --from, --to, --where, --coder,
    --article (the analyses of codes and of words alike)."""
    parser.add_argument("--tag", action="append", metavar="NAME", help=tag_help)
    parser.add_argument(
        "--no-subtags",
        dest="subtags",
        action="store_false",
        help="count a tag's own passages only (by default its sub-tags' passages count too)",
    )
    parser.add_argument("--from", dest="date_from", default="", metavar="YYYY[-MM[-DD]]")
    parser.add_argument("--to", dest="date_to", default="", metavar="YYYY[-MM[-DD]]")
    parser.add_argument(
        "--where",
        action="append",
        type=where_option,
        default=[],
        metavar="NAME=VALUE",
        help="only articles whose document variable NAME is VALUE (give it again for more)",
    )
    parser.add_argument("--coder", default=None, metavar="NAME", help="only this coder's passages")
    parser.add_argument(
        "--article", action="append", type=int, metavar="ID", help="only these articles"
    )


def _filters(tag_help: str) -> argparse.ArgumentParser:
    shared = argparse.ArgumentParser(add_help=False)
    add_filter_options(shared, tag_help)
    shared.add_argument("--csv", type=Path, metavar="FILE", help="write the table as CSV")
    shared.add_argument(
        "--xlsx", type=Path, metavar="FILE", help="write the table as an Excel workbook"
    )
    return shared


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "retrieve",
        parents=[project, as_json, _filters("a tag to retrieve (give it again for more)")],
        help="list the passages of one or several tags, with their context",
        epilog="example: hnreader retrieve --tag 产业扶贫 --tag 成效 --mode sentence "
        "--from 2019 --to 2020-06 --csv passages.csv",
    )
    sub.add_argument(
        "--mode",
        choices=MODES,
        default="any",
        help="any tag; all tags on one passage; a passage of one tag that overlaps / shares "
        "a sentence, paragraph or article with passages of every other tag (default: any)",
    )
    sub = commands.add_parser(
        "matrix",
        parents=[project, as_json, _filters("only this tag's row (give it again for more)")],
        help="the code × document matrix: tags down, articles or groups across",
        epilog="example: hnreader matrix --by month --measure share --xlsx matrix.xlsx\n"
        "         hnreader matrix --per-article --csv coded.csv   (0/1, one row per article)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.add_argument(
        "--by",
        default="article",
        metavar="|".join(GROUPINGS) + "|VARIABLE",
        help="the columns: each article, or articles grouped (default: article)",
    )
    sub.add_argument(
        "--measure",
        choices=MEASURES,
        default="count",
        help="passages, 0/1, or the share of the characters coded (default: count)",
    )
    sub.add_argument(
        "--per-article",
        action="store_true",
        help="write the 0/1 article × tag table (one row per article) that statistics "
        "packages expect",
    )
    sub = commands.add_parser(
        "cooccurrence",
        parents=[project, as_json, _filters("only this tag (give it again for more)")],
        help="tag × tag co-occurrence, with counts and Jaccard",
        epilog="example: hnreader cooccurrence --scope paragraph --csv pairs.csv",
    )
    sub.add_argument(
        "--scope",
        choices=SCOPES,
        default="overlap",
        help="overlapping passages, or the same sentence, paragraph or article (default: overlap)",
    )


def _selection(args: argparse.Namespace) -> CodingFilter:
    return CodingFilter(
        article_ids=args.article,
        date_from=args.date_from,
        date_to=args.date_to,
        where=tuple(args.where),
        coder=args.coder,
    )


def _tag_ids(project: Any, args: argparse.Namespace) -> list[int] | None:
    return [project.tag_by_name(name).id for name in args.tag] if args.tag else None


def export_tables(project: Any, args: argparse.Namespace, table: Any) -> bool:
    """Write the table to --csv and/or --xlsx when given; whether it was written."""
    wrote = False
    for path in (args.csv, args.xlsx):
        if path is not None:
            count = project.export_table(path, table)
            print(f"Wrote {count} rows to {path}")
            wrote = True
    return wrote


def _cmd_retrieve(project: Any, args: argparse.Namespace) -> int:
    tag_ids = _tag_ids(project, args)
    if not tag_ids:
        raise HnreaderError(
            "retrieve: give at least one --tag NAME (`hnreader tags` lists them)",
            code=ErrorCode.INVALID_VALUE,
        )
    passages = project.retrieve_passages(
        tag_ids, args.mode, with_subtags=args.subtags, selection=_selection(args)
    )
    if export_tables(project, args, passage_table(passages)):
        return 0
    if args.json:
        print_json(
            [
                {
                    "annotation_id": p.annotation_id,
                    "article_id": p.article_id,
                    "article_title": p.article_title,
                    "article_date": p.article_date,
                    "publication": p.publication,
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "before": p.before,
                    "after": p.after,
                    "tags": list(p.tags),
                    "note": p.note,
                    "coder": p.coder,
                }
                for p in passages
            ]
        )
        return 0
    for p in passages:
        where = f"article {p.article_id}, {p.start}–{p.end}"
        print(f"[{p.article_date or '—'}] {p.article_title}  ({where})")
        print(f"  {'; '.join(p.tags)}  coder: {p.coder or '—'}")
        print(f"  …{p.before}【{p.text}】{p.after}…")
        if p.note:
            print(f"  note: {p.note}")
    print(f"{len(passages)} passage(s)")
    return 0


def _cmd_matrix(project: Any, args: argparse.Namespace) -> int:
    by, measure = args.by, args.measure
    if args.per_article:
        if by != "article":
            raise HnreaderError(
                "matrix: --per-article writes one row per article; leave out --by",
                code=ErrorCode.INVALID_VALUE,
            )
        measure = "presence"
    corpus, matrix = project.code_matrix(
        by,
        measure,
        with_subtags=args.subtags,
        tag_ids=_tag_ids(project, args),
        selection=_selection(args),
    )
    table = presence_table(corpus, matrix) if args.per_article else matrix_table(matrix)
    if export_tables(project, args, table):
        return 0
    if args.json:
        print_json(
            {
                "by": matrix.by,
                "measure": matrix.measure,
                "columns": [
                    {"key": c.key, "label": c.label, "articles": list(c.article_ids)}
                    for c in matrix.columns
                ],
                "rows": [
                    {"tag": tag.path, "tag_id": tag.id, "cells": list(cells)}
                    for tag, cells in zip(matrix.tags, matrix.cells, strict=True)
                ],
            }
        )
        return 0
    header, rows, _ = table
    _print_grid(header, rows)
    return 0


def _cmd_cooccurrence(project: Any, args: argparse.Namespace) -> int:
    result = project.tag_cooccurrence(
        args.scope,
        with_subtags=args.subtags,
        tag_ids=_tag_ids(project, args),
        selection=_selection(args),
    )
    table = cooccurrence_table(result)
    if export_tables(project, args, table):
        return 0
    if args.json:
        print_json(
            {
                "scope": result.scope,
                "tags": [t.path for t in result.tags],
                "counts": [list(row) for row in result.counts],
                "jaccard": [list(row) for row in result.jaccard],
            }
        )
        return 0
    header, rows, _ = table
    _print_grid(header, rows)
    return 0


def _print_grid(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:.3f}"
        return str(value)

    grid = [list(header), *[[cell(v) for v in row] for row in rows]]
    widths = [max(_width(r[i]) for r in grid) for i in range(len(header))]
    for row in grid:
        print("  ".join(v + " " * (w - _width(v)) for v, w in zip(row, widths, strict=True)))
    if not rows:
        print("(no tags: create some with `hnreader tag add NAME`)")


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


COMMANDS = {
    "retrieve": _cmd_retrieve,
    "matrix": _cmd_matrix,
    "cooccurrence": _cmd_cooccurrence,
}
