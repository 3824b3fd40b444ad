"""The search panel at the limit (issue 15): from the search starting (after the typing
pause) to the first rows shown, to the number of articles shown, and to the exact totals,
in the desktop app offscreen, on an existing project.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.panel_search --project P.sqlite

Each query is searched `--repeats` times; the GUI thread's longest gap between timer ticks
while it runs is printed too (the work is in background threads).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.search_limits import QUERIES, percentile


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", required=True)
    parser.add_argument("--cache-dir", default=str(Path(tempfile.gettempdir()) / "hnbench-cache"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from hnreader.core.analysis.segmenter import Segmenter
    from hnreader.core.project import Project
    from hnreader.ui.app import create_application
    from hnreader.ui.common.settings import Settings
    from hnreader.ui.main_window import MainWindow

    app = create_application(["hnreader-bench"])
    project = Project.open(args.project, segmenter=Segmenter(cache_dir=Path(args.cache_dir)))
    project.segmenter.initialize()
    settings = Settings(str(Path(tempfile.mkdtemp()) / "settings.ini"))
    window = MainWindow(project, settings)
    window.show()
    window.start_up()
    panel = window.search_panel
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)

    def wait(done: Any, timeout: float = 600.0) -> float:
        deadline = time.perf_counter() + timeout
        while not done():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError
            time.sleep(0.0005)
        return time.perf_counter()

    wait(lambda: window.library.model.rowCount() > 0)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load {load}; {project.store.article_count():,} articles")
    print(
        "| class | query | first rows p50/p95 ms | articles known p50/p95 ms "
        "| totals p50/p95 ms | GUI thread's longest gap ms |"
    )
    print("|---|---|---|---|---|---|")
    everything: dict[str, list[float]] = {"rows": [], "articles": [], "totals": []}
    worst_gap = 0.0
    for name, query in QUERIES.items():
        times: dict[str, list[float]] = {"rows": [], "articles": [], "totals": []}
        query_gap = 0.0
        for _ in range(args.repeats):
            ticks[:] = [time.perf_counter()]
            start = time.perf_counter()
            panel.set_query(query)  # searches now, as after the typing pause
            shown = wait(lambda q=query: panel.session() is not None and panel.session().query == q)
            times["rows"].append(shown - start)
            s = panel.session()
            known = wait(lambda s=s: s.known_articles is not None or s.counted or s.failed)
            times["articles"].append(known - start)
            counted = wait(lambda s=s: s.counted or s.failed or not panel.is_counting())
            times["totals"].append(counted - start)
            gaps = [b - a for a, b in itertools.pairwise(ticks)]
            query_gap = max([query_gap, *gaps])
            worst_gap = max(worst_gap, query_gap)
        for key, values in times.items():
            everything[key].extend(values)

        def cell(values: list[float]) -> str:
            return f"{statistics.median(values) * 1000:.0f} / {percentile(values, 0.95) * 1000:.0f}"

        print(
            f"| {name} | `{query}` | {cell(times['rows'])} | {cell(times['articles'])} "
            f"| {cell(times['totals'])} | {query_gap * 1000:.0f} |"
        )
    print(
        f"all: first rows p95 {percentile(everything['rows'], 0.95) * 1000:.0f} ms, articles "
        f"known p95 {percentile(everything['articles'], 0.95) * 1000:.0f} ms, totals p95 "
        f"{percentile(everything['totals'], 0.95) * 1000:.0f} ms; GUI thread's longest gap "
        f"{worst_gap * 1000:.0f} ms"
    )
    window.close()
    project.close()


if __name__ == "__main__":
    main()
