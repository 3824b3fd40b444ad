"""The commands that find things in the articles: search, figures."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hnreader.cli.console import print_json, stderr_progress
from hnreader.core.analysis.figure_values import figure_value_text
from hnreader.core.models import SearchField, SearchTotals

FIELD_CHOICES = ("all", *SearchField.ALL)
_PLURALS = {
    SearchField.TITLE: "titles",
    SearchField.SUBTITLE: "subtitles",
    SearchField.BYLINE: "bylines",
}


def searched_fields(choices: list[str] | None) -> tuple[str, ...] | None:
    """The `SearchField`s named by `--field` (given once or more); None: all of them."""
    if not choices or "all" in choices:
        return None
    return tuple(field for field in SearchField.ALL if field in choices)


# How a hit stands to jieba's words: a whole word is unmarked.
_MATCH_MARKS = {"subword": "  (part of a word)", "substring": "  (across words)"}


def _cmd_search(project: Any, args: argparse.Namespace) -> int:
    fields = searched_fields(args.field)
    if args.export:
        written = project.export_hits(
            args.query,
            Path(args.export),
            whole_words=args.whole_words,
            fields=fields,
            progress=stderr_progress,
        )
        print(f"Exported {written:,} hit(s) of “{args.query}” to {args.export}")
        return 0
    result = project.search(
        args.query, whole_words=args.whole_words, fields=fields, limit=args.limit, after=args.after
    )
    totals = None
    if result.complete and result.total_hits is not None and result.total_articles is not None:
        totals = SearchTotals.of([h for a in result.articles for h in a.hits], len(result.articles))
    elif not result.message:
        totals = project.count_matches(args.query, whole_words=args.whole_words, fields=fields)
    totals = totals or SearchTotals(0, 0)
    if args.json:
        print_json(
            {
                "query": result.query,
                "fields": list(fields or SearchField.ALL),
                "segments": list(result.segments),
                "total_hits": totals.hits,
                "total_articles": totals.articles,
                "header_hits": dict(totals.header_hits),
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
                                "field": h.field,
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
    header = ", ".join(f"{count} in {_PLURALS[field]}" for field, count in totals.header_hits)
    print(
        f"{totals.hits} hit(s) in {totals.articles} article(s)" + (f" ({header})" if header else "")
    )
    for article in result.articles:
        print(f"\n[{article.article_id}] {article.title} ({article.date or '—'})")
        for hit in article.hits:
            mark = _MATCH_MARKS.get(hit.match, "")
            position = str(hit.start) if hit.in_body else f"{hit.field} {hit.start}"
            print(f"  {position:>6}  {hit.left:>20}【{hit.text}】{hit.right}{mark}")
    if not result.complete:
        print(f"\nMore articles: search again with --after {result.next_after}")
    return 0


def _cmd_figures(project: Any, args: argparse.Namespace) -> int:
    if args.article is not None:
        project.article(args.article)
    figures = project.figures(args.article)
    if args.json:
        print_json(
            [
                {
                    "article_id": article_id,
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "value": f.value,
                    "value_low": f.value_low,
                    "value_high": f.value_high,
                    "unit": f.unit,
                    "approx": f.approx,
                    "sign": f.sign,
                    "direction": f.direction or None,
                    "kind": f.kind,
                }
                for article_id, f in figures
            ]
        )
        return 0
    for article_id, f in figures:
        # Exact numbers (7470000, not 7.47e+06); a range as 4–6; ~ marks an approximation.
        value = figure_value_text(f.value, f.value_low, f.value_high)
        if f.approx:
            value = f"~{value}"
        print(
            f"{article_id:>5} {f.start:>6}-{f.end:<6} {f.kind:<17} {value:>18} {f.unit:<6} {f.text}"
        )
    return 0


COMMANDS = {
    "search": _cmd_search,
    "figures": _cmd_figures,
}
