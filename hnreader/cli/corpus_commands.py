"""The commands over the articles: import, articles, show, export."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from hnreader.cli.console import EXIT_ERROR, print_json, stderr_progress
from hnreader.core.text.credits import shown_byline


def _cmd_import(project: Any, args: argparse.Namespace) -> int:
    from hnreader.cli.corrections_commands import options_of, print_preview

    options = options_of(args)
    if args.dry_run:
        preview = project.preview_import([Path(p) for p in args.paths], options, args.map)
        return print_preview(preview, args.json)
    report = project.import_paths(
        [Path(p) for p in args.paths],
        progress=stderr_progress,
        on_changed="keep_both" if args.keep_both else "skip",
        year=args.year,
        columns=args.map,
        options=options,
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
    for note in report.notes:
        print(f"Note: {note.message}", file=sys.stderr)
    if report.cancelled:
        print("Import was cancelled; files not yet imported were left out.", file=sys.stderr)
    # Importing nothing new is not an error; files that could not be imported are.
    return EXIT_ERROR if others and not report.added_files else 0


def _cmd_articles(project: Any, args: argparse.Namespace) -> int:
    summaries = project.article_summaries()
    excluded = project.excluded_ids()
    if args.json:
        origins = project.article_origins([s.id for s in summaries])
        print_json(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "date": s.date,
                    "byline": s.byline,
                    "source": s.source,
                    "chars": s.chars,
                    "excluded": s.id in excluded,
                    **origins[s.id]._asdict(),
                }
                for s in summaries
            ]
        )
        return 0
    for s in summaries:
        mark = "  (excluded)" if s.id in excluded else ""
        print(
            f"{s.id:>5}  {s.date or '—':<10}  {s.title}  [{s.source} #{s.ordinal}, {s.chars}字]"
            + mark
        )
    return 0


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """Each paragraph (line) of an article's text with its start offset (code points)."""
    paragraphs, start = [], 0
    for line in text.split("\n"):
        paragraphs.append((start, line))
        start += len(line) + 1
    return paragraphs


def _cmd_show(project: Any, args: argparse.Namespace) -> int:
    article = project.article(args.article_id)
    excluded = article.id in project.excluded_ids()
    if args.json:
        print_json(
            {
                "id": article.id,
                "title": article.title,
                "subtitle": article.subtitle,
                "date": article.date,
                "byline": article.byline,
                "reporters": list(article.reporters),
                "byline_shown": shown_byline(article.byline),
                "publication": article.publication,
                "page": article.page,
                "section": article.section,
                "url": article.url,
                "source": article.source,
                "first_line": article.first_line,
                "last_line": article.last_line,
                "text": article.text,
                "captions": [[c.start, c.end] for c in article.captions],
                "removed": [asdict(r) for r in article.removed],
                "variables": dict(article.variables),
                "excluded": excluded,
                "paragraphs": [  # "line": the LINE of `article boilerplate|title`
                    {"line": n, "start": start, "end": start + len(text), "text": text}
                    for n, (start, text) in enumerate(_paragraphs(article.text), start=1)
                ],
            }
        )
        return 0
    print(
        article.title
        + ("  (excluded: `hnreader article include` brings it back)" if excluded else "")
    )
    if article.subtitle:
        print(article.subtitle)
    credit = shown_byline(article.byline).replace("\n", " ")
    print(" · ".join(x for x in (article.date, credit, article.source) if x))
    print(" · ".join(x for x in (article.publication, article.page, article.section) if x))
    if article.url:
        print(article.url)
    lines = f", lines {article.first_line}–{article.last_line}" if article.first_line else ""
    print(f"Source file: {article.source}{lines}")
    for name, value in article.variables:
        print(f"{name}: {value}")
    print()
    if args.numbered:
        width = len(str(len(article.text)))
        for start, text in _paragraphs(article.text):
            print(f"[{start:>{width}}] {text}")
    else:
        print(article.text)
    if article.removed:
        print(
            f"\n[{len(article.removed)} line(s) set aside as boilerplate: show --json lists them]"
        )
    return 0


def _cmd_variables(project: Any, args: argparse.Namespace) -> int:
    summaries = project.variables()
    if args.json:
        print_json([{"name": v.name, "kind": v.kind, "articles": v.articles} for v in summaries])
        return 0
    if not summaries:
        print("No document variables: import a table (CSV, Excel, JSON) to get some.")
        return 0
    width = max(len(v.name) for v in summaries)
    for v in summaries:
        print(f"{v.name:<{width}}  {v.kind:<8}  {v.articles} article(s)")
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


def _cmd_give_year(project: Any, args: argparse.Namespace) -> int:
    summaries = project.article_summaries()
    if args.source:
        summaries = [s for s in summaries if s.source == args.source]
        if not summaries:
            print(f"No article comes from a file named {args.source!r}.", file=sys.stderr)
            return EXIT_ERROR
    missing = [s.id for s in summaries if s.date.startswith("--")]
    if not missing:
        print("Nothing to do: no article here has a date without its year.")
        return 0
    project.give_year(missing, args.year)
    print(f"Dated {len(missing)} article(s) in {args.year}.")
    return 0


COMMANDS = {
    "import": _cmd_import,
    "give-year": _cmd_give_year,
    "articles": _cmd_articles,
    "variables": _cmd_variables,
    "show": _cmd_show,
    "export": _cmd_export,
}
