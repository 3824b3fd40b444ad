"""Trends and charts: `trend` (a table of frequencies over time) and `chart trend|tags|
dispersion --out FILE.png|svg`, drawn headless with matplotlib (issue 16, item 7)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hnreader.cli.analysis_commands import _filters, _print_grid, _selection, export_tables
from hnreader.cli.console import print_json
from hnreader.core.models import ErrorCode, HnreaderError
from hnreader.core.trends.periods import PERIODS
from hnreader.core.trends.series import Trend
from hnreader.core.trends.tables import dispersion_table, tag_frequency_table, trend_table

STYLES = ("line", "bar")
PERIOD_WORDS = {"month": "Month", "quarter": "Quarter", "year": "Year"}


def _trend_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("terms", nargs="*", metavar="TERM", help="search terms, one line each")
    parser.add_argument("--by", choices=PERIODS, default="month", help="(default: month)")
    parser.add_argument(
        "--per",
        type=int,
        default=None,
        metavar="N",
        help="also give (or chart) the rate per N characters of text, e.g. 10000",
    )
    parser.add_argument(
        "--whole-words",
        action="store_true",
        help="count only hits that are whole words (jieba's segmentation)",
    )


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "trend",
        parents=[project, as_json, _filters("count this tag's passages instead of a term")],
        help="how often search terms or tags occur per month, quarter or year",
        description="Hits of each search term in the articles' text (or passages of each "
        "tag) per period, with the articles and characters of each period; articles "
        "without a date fine enough for the period are counted apart.",
        epilog="example: hnreader trend 精准扶贫 脱贫攻坚 --by month --from 2019 --to 2020 "
        "--per 10000 --csv trend.csv",
    )
    _trend_options(sub)
    chart = commands.add_parser(
        "chart",
        help="draw a trend, dispersion or tag frequency chart as PNG or SVG",
        description="Draw a chart into a PNG or SVG file (no window needed).",
        epilog="example: hnreader chart trend 精准扶贫 --by month --from 2019 --to 2020 "
        "--out trend.svg",
    )
    kinds = chart.add_subparsers(dest="chart_kind", metavar="KIND", required=True)
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--out", type=Path, required=True, metavar="FILE.png|FILE.svg")
    out.add_argument("--title", default=None, help="the chart's title (default: says what it is)")
    sub = kinds.add_parser(
        "trend",
        parents=[project, out, _filters("chart this tag's passages instead of a term")],
        help="frequencies over time, as lines or bars",
        epilog="example: hnreader chart trend 精准扶贫 脱贫攻坚 --by quarter --per 10000 "
        "--style bar --out trend.png",
    )
    _trend_options(sub)
    sub.add_argument("--style", choices=STYLES, default="line", help="(default: line)")
    sub = kinds.add_parser(
        "dispersion",
        parents=[project, out, _filters("(for `chart trend` and `chart tags` only)")],
        help="where each term's hits fall across the corpus in date order",
        epilog="example: hnreader chart dispersion 精准扶贫 产业扶贫 --out dispersion.svg",
    )
    sub.add_argument("terms", nargs="+", metavar="TERM")
    sub.add_argument("--whole-words", action="store_true", help="whole-word hits only")
    sub = kinds.add_parser(
        "tags",
        parents=[project, out, _filters("only this tag (give it again for more)")],
        help="passages per tag, in all or per coder",
        epilog="example: hnreader chart tags --by-coder --out tags.png",
    )
    sub.add_argument("--by-coder", action="store_true", help="one bar per coder")


def _trend(project: Any, args: argparse.Namespace) -> Trend:
    terms = [t for t in args.terms if t.strip()]
    if bool(terms) == bool(args.tag):
        raise HnreaderError(
            f"{args.command}: give search terms or --tag NAME (not both), e.g. "
            "`hnreader trend 精准扶贫` or `hnreader trend --tag 产业扶贫`",
            code=ErrorCode.INVALID_VALUE,
        )
    if args.per is not None and args.per <= 0:
        raise HnreaderError(
            f"--per {args.per}: give a positive number of characters, e.g. 10000",
            code=ErrorCode.INVALID_VALUE,
        )
    if terms:
        return project.term_trend(
            terms, args.by, whole_words=args.whole_words, selection=_selection(args)
        )
    tag_ids = [project.tag_by_name(name).id for name in args.tag]
    return project.tag_trend(
        tag_ids, args.by, with_subtags=args.subtags, selection=_selection(args)
    )


def _undated_line(trend: Trend) -> str:
    if not trend.undated_articles:
        return ""
    hits = ", ".join(f"{s.label}: {s.undated}" for s in trend.series)
    return (
        f"{trend.undated_articles} article(s) without a date fine enough for a {trend.by} "
        f"are counted apart ({hits})"
    )


def _cmd_trend(project: Any, args: argparse.Namespace) -> int:
    trend = _trend(project, args)
    scale = args.per or 10_000
    table = trend_table(trend, scale)
    if export_tables(project, args, table):
        return 0
    if args.json:
        print_json(
            {
                "by": trend.by,
                "per": scale,
                "periods": list(trend.periods),
                "articles": list(trend.article_counts),
                "characters": list(trend.chars),
                "series": [
                    {
                        "label": s.label,
                        "kind": s.kind,
                        "counts": list(s.counts),
                        "per": [round(v, 4) for v in trend.per(s, scale)],
                        "articles_with_hits": list(s.articles),
                        "undated": s.undated,
                        "undated_articles": s.undated_articles,
                        "total": s.total,
                    }
                    for s in trend.series
                ],
                "undated_articles": trend.undated_articles,
                "undated_characters": trend.undated_chars,
            }
        )
        return 0
    header, rows, _ = table
    if not args.per:  # the counts only, unless a rate was asked for
        keep = [i for i, name in enumerate(header) if not name.endswith(" chars") or i < 3]
        header = tuple(header[i] for i in keep)
        rows = [tuple(row[i] for i in keep) for row in rows]
    _print_grid(header, rows)
    if not trend.periods:
        print("(no dated article matches the filters)")
    note = _undated_line(trend)
    if note:
        print(note)
    return 0


def _chart_path(args: argparse.Namespace) -> Path:
    from hnreader.charts.drawing import CHART_SUFFIXES

    path: Path = args.out
    if path.suffix.lower() not in CHART_SUFFIXES:
        raise HnreaderError(
            f"--out {path}: a chart is written as .png or .svg; name the file so",
            code=ErrorCode.INVALID_VALUE,
        )
    return path


def _cmd_chart(project: Any, args: argparse.Namespace) -> int:
    path = _chart_path(args)
    from hnreader.charts.drawing import (
        ChartWords,
        draw_dispersion,
        draw_tag_frequencies,
        draw_trend,
        new_figure,
        save_chart,
    )

    figure = new_figure()
    if args.chart_kind == "trend":
        trend = _trend(project, args)
        what = " / ".join(s.label for s in trend.series)
        unit = "passages" if trend.series and trend.series[0].kind == "tag" else "hits"
        per = f" per {args.per:,} characters" if args.per else ""
        words = ChartWords(
            args.title or f"{what}: {unit}{per} by {trend.by}",
            PERIOD_WORDS[trend.by],
            f"{unit.capitalize()}{per}",
            _undated_line(trend),
        )
        draw_trend(figure, trend, words, per=args.per, style=args.style)
        table = trend_table(trend, args.per or 10_000)
    elif args.chart_kind == "dispersion":
        if args.tag:
            raise HnreaderError(
                "chart dispersion plots search terms; --tag is for `chart trend` and `chart tags`",
                code=ErrorCode.INVALID_VALUE,
            )
        result = project.term_dispersion(
            args.terms, whole_words=args.whole_words, selection=_selection(args)
        )
        undated = sum(row.undated_hits for row in result.rows)
        note = (
            f"Not shown: {undated} hit(s) in {result.undated_articles} article(s) without a date"
            if result.undated_articles
            else ""
        )
        words = ChartWords(
            args.title or f"Dispersion of {' / '.join(args.terms)}",
            f"The corpus in date order ({len(result.article_ids):,} articles, "
            f"{result.total_chars:,} characters)",
            "",
            note,
        )
        draw_dispersion(figure, result, words)
        table = dispersion_table(result)
    else:
        tag_ids = [project.tag_by_name(n).id for n in args.tag] if args.tag else None
        result = project.tag_frequencies(
            by_coder=args.by_coder,
            with_subtags=args.subtags,
            tag_ids=tag_ids,
            selection=_selection(args),
        )
        names = [c or "(no name)" for c in result.coders]
        words = ChartWords(
            args.title or "Passages per tag" + (" and coder" if args.by_coder else ""),
            "Passages",
            "",
            legend_title="Coder" if args.by_coder else "",
        )
        draw_tag_frequencies(figure, result, words, names)
        table = tag_frequency_table(result)
    save_chart(figure, path)
    print(f"Wrote the chart ({len(table[1])} row(s) of data) to {path}")
    export_tables(project, args, table)  # its data too, with --csv / --xlsx
    return 0


COMMANDS = {"trend": _cmd_trend, "chart": _cmd_chart}
