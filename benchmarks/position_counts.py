"""Exact hit totals by the body index's positions against by the texts (issue 15), per query
class, in one run — and which of the two the totals choose (`core/search/positions.py`).

    python -m benchmarks.position_counts --project P.sqlite [--repeats 3]

For every query class of `search_limits.py`, over the body:

- *by text*: `Project.count_matches` with counting by position switched off (SQLite's
  `replace()` over the matching articles' stored views, else the matcher over their texts);
- *by position*: the same with counting by position forced (the index's 'instance'
  vocabulary, one row per position of each of the term's characters; no text read);
- *by instances*: FTS5's own instance counts (`Store.fts_instance_counts`, recovered from
  its `bm25()`; terms without a border), else by text;
- *chosen*: as shipped (instances where they apply, else the estimate deciding between
  positions and texts); with the estimate's two figures, so its constants (`PER_POSITION`,
  `PER_CHAR_SQL`, `PER_CHAR_MATCHER`) can be checked;
- *per article, by text / by position / by instances*: `Project.term_counts` (what a trend
  counts) each way.

Every total is compared across the ways; a difference stops the run. Medians of the
repeats (after a warm-up), milliseconds; the machine's load before and after. Nothing in the
project is written.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.search_limits import QUERIES

BODY = ["body"]


@contextmanager
def counting(way: str | None) -> Iterator[None]:
    """Counting by 'text', by 'position', by 'instances' (else text), or (None) as shipped."""
    from hnreader.core.search import totals

    shipped = totals.prefer_positions, totals.counts_by_instances
    if way in ("text", "position"):
        totals.counts_by_instances = lambda *_args: None  # type: ignore[assignment]
    if way is not None:
        totals.prefer_positions = lambda *_args: way == "position"  # type: ignore[assignment]
    try:
        yield
    finally:
        totals.prefer_positions, totals.counts_by_instances = shipped


def median_ms(
    function: Callable[[], Any], repeats: int, forget: Callable[[], None]
) -> tuple[float, Any]:
    """Median ms of `function` after a warm-up, each time as a first search of the query
    (`forget` drops the article counts and token totals the store remembers)."""
    result = function()  # warm-up (the pages of the file in the OS cache)
    times = []
    for _ in range(repeats):
        forget()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def estimates(project: Any, query: str) -> tuple[float, float, str]:
    """(by position, by text) estimated seconds, and the way chosen, for a query the index
    counts; (nan, nan, '—') for the others."""
    from hnreader.core.search import positions
    from hnreader.core.search.candidates import fts_expression
    from hnreader.core.search.query import parse_query
    from hnreader.core.search.totals import can_count_from_index
    from hnreader.core.text.normalize import has_width_variants

    parsed = parse_query(query)
    if not can_count_from_index(parsed, ("body",), False):
        return float("nan"), float("nan"), "—"
    store = project.store
    terms = list(dict.fromkeys(t.folded for t in parsed.positive_terms))
    in_sql = not any(has_width_variants(t) for t in terms)
    per_char = positions.PER_CHAR_SQL if in_sql else positions.PER_CHAR_MATCHER
    expression = fts_expression(parsed)
    by_text = store.fts_count(expression) * store.mean_article_chars() * per_char
    by_position = positions.positions_cost(store, terms)
    one_group = len(parsed.groups) == 1 and not parsed.excluded
    if one_group and all(len(t) == 1 for t in terms):
        return by_position, by_text, "vocabulary"  # single characters: the token totals
    if positions.counts_by_instances(store, parsed, terms, expression) is not None:
        return by_position, by_text, "instances"
    chosen = positions.prefer_positions(store, terms, expression, in_sql)
    return by_position, by_text, "position" if chosen else "text"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", required=True)
    parser.add_argument("--cache-dir", default=str(Path("/tmp") / "hnbench-cache"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-per-article", action="store_true")
    args = parser.parse_args(argv)

    from hnreader.core.analysis.segmenter import Segmenter
    from hnreader.core.project import Project

    project = Project.open(args.project, segmenter=Segmenter(cache_dir=Path(args.cache_dir)))
    project.segmenter.initialize()
    load_before = os.getloadavg()
    articles = project.store.article_count()
    print(
        f"{articles:,} articles, mean {project.store.mean_article_chars():,.0f} characters; "
        f"{os.cpu_count()} CPUs; load {' '.join(f'{x:.2f}' for x in load_before)}"
    )
    header = (
        "| class | query | hits | by text | by position | by instances | chosen | text / chosen "
        "| estimate by position / by text (ms) | per article by text / position / instances |"
    )
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for name, query in QUERIES.items():
        results = {}
        for way in ("text", "position", "instances", None):
            with counting(way):
                results[way] = median_ms(
                    lambda q=query: project.count_matches(q, fields=BODY),
                    args.repeats,
                    project.store.forget_index_answers,
                )
        totals = {way: r[1] for way, r in results.items()}
        if len(set(totals.values())) != 1:
            sys.exit(f"{name}: the totals differ: {totals}")
        per_article = ["", "", ""]
        if not args.no_per_article:
            counted = []
            for n, way in enumerate(("text", "position", "instances")):
                with counting(way):
                    ms, counts = median_ms(
                        lambda q=query: project.term_counts(q),
                        args.repeats,
                        project.store.forget_index_answers,
                    )
                per_article[n] = f"{ms:,.1f}"
                counted.append(counts)
            if any(c != counted[0] for c in counted):
                sys.exit(f"{name}: the counts per article differ")
        by_position, by_text, chosen = estimates(project, query)
        text_ms, position_ms, instances_ms, chosen_ms = (
            results[w][0] for w in ("text", "position", "instances", None)
        )
        hits = totals[None].hits if totals[None] is not None else 0
        print(
            f"| {name} | `{query}` | {hits:,} | {text_ms:,.1f} | {position_ms:,.1f} "
            f"| {instances_ms:,.1f} "
            f"| {chosen_ms:,.1f} ({chosen}) | {text_ms / chosen_ms:.2f}× "
            f"| {by_position * 1000:,.1f} / {by_text * 1000:,.1f} "
            f"| {' / '.join(per_article)} |"
        )
    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    project.close()


if __name__ == "__main__":
    main()
