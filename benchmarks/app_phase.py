"""The desktop app, offscreen: start-up, opening an annotated article, tagging, searching,
and how long the GUI thread is blocked while an import runs in the background."""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _wait(app: Any, done: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        time.sleep(0.0005)
    app.processEvents()


def run(
    project: str,
    cache_dir: str,
    settings_file: str,
    queries: list[str],
    launched: float,
    annotated_article: int,
    other_article: int,
    tag_id: int,
    import_dir: str,
    import_project: str,
) -> dict[str, Any]:
    started = time.time()
    from hnreader.core.analysis.segmenter import Segmenter
    from hnreader.core.project import Project
    from hnreader.ui.app import create_application
    from hnreader.ui.common.settings import Settings
    from hnreader.ui.main_window import MainWindow

    app = create_application(["hnreader-bench"])
    segmenter = Segmenter(cache_dir=Path(cache_dir))
    opened = Project.open(project, segmenter=segmenter)
    window = MainWindow(opened, Settings(settings_file))
    window.show()
    window.start_up()
    _wait(app, lambda: window.library.model.rowCount() > 0)
    ready = time.time()
    out: dict[str, Any] = {
        "startup_s": ready - launched,
        "startup_in_process_s": ready - started,
        "library_rows": window.library.model.rowCount(),
    }
    # After the window shows, a large library is listed and jieba's dictionary loads in the
    # background: until both are done, how long the GUI thread went without a timer tick.
    from PySide6.QtCore import QTimer

    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    _wait(app, lambda: not window.library.is_loading() and segmenter.is_ready())
    timer.stop()
    ticks.append(time.perf_counter())
    out["idle_s"] = time.time() - launched
    out["library_total"] = window.library.model.total_count()
    out["startup_max_gap_s"] = max(b - a for a, b in itertools.pairwise(ticks))

    reader = window.reader
    opens = []
    for _ in range(5):
        reader.show_article(other_article)
        app.processEvents()
        start = time.perf_counter()
        reader.show_article(annotated_article)
        app.processEvents()
        opens.append(time.perf_counter() - start)
    out["open_article_s"] = opens

    text = reader.article.text if reader.article else ""
    tags = []
    for i in range(5):
        begin = 10 + i * 7
        reader.select_span(begin, begin + 4)
        start = time.perf_counter()
        ok = reader.apply_tag(tag_id)
        app.processEvents()
        tags.append(time.perf_counter() - start)
        assert ok, "apply_tag failed"
    out["apply_tag_s"] = tags
    out["annotated_chars"] = len(text)

    panel = window.search_panel
    searches: dict[str, float] = {}
    for query in queries:
        start = time.perf_counter()
        panel.set_query(query)
        _wait(app, lambda q=query: panel.session() is not None and panel.session().query == q)
        searches[query] = time.perf_counter() - start
    out["search_s"] = searches
    window.close()
    opened.close()

    # The GUI thread during a background import: the longest gap between timer ticks.
    fresh = Project.open(import_project, segmenter=segmenter)
    importer_window = MainWindow(fresh, Settings(settings_file))
    # A modal box would wait for a click.
    importer_window.imports._report_import = lambda report: None
    importer_window.show()
    app.processEvents()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    importer_window.imports.run_import([Path(import_dir)])
    ticks.append(time.perf_counter())
    timer.stop()
    gaps = [b - a for a, b in zip([start, *ticks], ticks, strict=False)]
    out["import_gui_max_gap_s"] = max(gaps) if gaps else None
    out["import_gui_median_gap_s"] = statistics.median(gaps) if gaps else None
    out["import_gui_s"] = time.perf_counter() - start
    out["import_gui_articles"] = fresh.store.article_count()
    importer_window.close()
    fresh.close()
    return out
