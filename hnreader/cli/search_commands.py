"""The commands that find things in the articles: search, figures."""

from __future__ import annotations

import argparse
from typing import Any

from hnreader.cli.console import print_json


def _cmd_search(project: Any, args: argparse.Namespace) -> int:
    result = project.search(
        args.query, whole_words=args.whole_words, limit=args.limit, after=args.after
    )
    total_hits, total_articles = result.total_hits, result.total_articles
    if total_hits is None and not result.message:
        counted = project.count_matches(args.query, whole_words=args.whole_words)
        total_hits, total_articles = counted if counted is not None else (0, 0)
    if args.json:
        print_json(
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
        print_json(
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


COMMANDS = {
    "search": _cmd_search,
    "figures": _cmd_figures,
}
