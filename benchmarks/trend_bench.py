"""Time trends, dispersion and charts (issue 16, item 7) on an existing project.

    python -m benchmarks.trend_bench --project /tmp/hnbench/hn-100000.sqlite [--term 精准扶贫]

The project is the 100,000-article benchmark project (`python -m benchmarks.run` builds it,
or `hnreader --project P import` a folder from `benchmarks.generate_corpus`): its dates span
2015–2021. Target (issue 16): a trend of one term over 10 years at 100,000 articles ≤ 300 ms.
The trend's parts are timed too: the articles' dates and lengths (the store), the search's
per-article count (`count_by_article`, the same work as the totals' `count_matches`), the
series; and a dispersion plot, and drawing a chart to PNG and SVG (matplotlib, Agg).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hnreader.core.project import Project


def timed(label: str, work: Callable[[], Any], repeats: int) -> Any:
    times, result = [], None
    for _ in range(repeats):
        began = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - began)
    print(
        f"{label:<52} best {min(times) * 1000:8.1f} ms   "
        f"median {statistics.median(times) * 1000:8.1f} ms"
    )
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--project", type=Path, required=True)
    parser.add_argument("--term", action="append", default=None)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    terms = args.term or ["精准扶贫", "量子通信"]
    project = Project.open(args.project, create=False, coder="bench")
    repeats = args.repeats
    timed("first search (loads jieba's dictionary)", lambda: project.search(terms[0], limit=1), 1)
    print(f"{project.article_count():,} articles in {args.project}")
    articles = timed("dates and lengths of every article (store)", project.trend_articles, repeats)
    dated = sorted(date[:4] for _, date, _ in articles if date[:4].isdigit())
    print(f"  dated {dated[0]}–{dated[-1]}, {len(articles) - len(dated):,} undated")
    for term in terms:
        timed(
            f"count_matches({term}) (the search's totals)",
            lambda t=term: project.count_matches(t, fields=["body"]),
            repeats,
        )
        timed(f"count per article ({term})", lambda t=term: project.term_counts(t), repeats)
        trend = timed(
            f"trend of {term} by month (the whole job)",
            lambda t=term: project.term_trend([t], "month"),
            repeats,
        )
        series = trend.series[0]
        print(f"  {len(trend.periods)} months, {series.total:,} hits, {series.undated:,} undated")
        timed(
            f"trend of {term} by year, whole words",
            lambda t=term: project.term_trend([t], "year", whole_words=True),
            1,
        )
    disp = timed(f"dispersion plot of {terms[0]}", lambda: project.term_dispersion([terms[0]]), 1)
    print(f"  {len(disp.rows[0].positions):,} ticks over {len(disp.article_ids):,} articles")
    from hnreader.charts import drawing

    timed("import matplotlib and choose the CJK font", drawing.new_figure, 1)
    words = drawing.ChartWords(f"“{terms[0]}”每月出现次数", "月份", "次数")
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".png", ".svg"):

            def draw(suffix: str = suffix) -> None:
                figure = drawing.new_figure()
                drawing.draw_trend(figure, trend, words)
                drawing.save_chart(figure, Path(folder) / f"trend{suffix}")

            timed(f"draw the monthly trend and save it as {suffix}", draw, 3)

        def draw_dispersion() -> None:
            figure = drawing.new_figure()
            drawing.draw_dispersion(figure, disp, words)
            drawing.save_chart(figure, Path(folder) / "dispersion.png")

        timed("draw the dispersion plot and save it as .png", draw_dispersion, 3)
    project.close()


if __name__ == "__main__":
    main()
