"""Benchmark phases, each run in its own process so peak memory (RSS) is measured separately.

    python -m benchmarks.phases PHASE '{"json": "arguments"}'

prints one JSON object (the measurements) on its last line of output.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import resource
import shutil
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

warnings.filterwarnings("ignore", category=SyntaxWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)


BODY_ONLY = ("body",)  # search the text only, as before issue 12 item 4


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def query_terms(query: str) -> list[str]:
    """The positive terms of a benchmark query (space-separated, optional double quotes)."""
    return [term.strip('"') for term in query.split() if term.strip('"')]


def raw_files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.txt"))


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


# -- hnreader


def _project(project_path: str, cache_dir: str) -> Any:
    from hnreader.core.analysis.segmenter import Segmenter
    from hnreader.core.project import Project

    return Project.open(project_path, segmenter=Segmenter(cache_dir=Path(cache_dir)))


def hn_import(corpus: str, project: str, cache_dir: str) -> dict[str, Any]:
    """Import + index the corpus into a new project via Project.import_paths."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(project + suffix).unlink(missing_ok=True)
    files = raw_files(Path(corpus))
    raw_bytes = sum(f.stat().st_size for f in files)
    raw_chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    opened = _project(project, cache_dir)
    opened.segmenter.initialize()
    init_wall = time.perf_counter() - wall0
    report = opened.import_paths([Path(corpus)])
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    # Worker processes have exited (and been waited for): their CPU time and peak RSS.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = children.ru_utime + children.ru_stime
    # Incremental: importing the same folder again must skip every file (content hash).
    again_wall, again = _timed(lambda: opened.import_paths([Path(corpus)]))
    articles = opened.store.article_count()
    tables: dict[str, int] = {}
    try:
        rows = opened.store._conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
        tables = {row[0]: row[1] for row in rows}
    except Exception:  # dbstat is a compile-time option of SQLite
        tables = {}
    opened.close()
    return {
        "files": len(files),
        "articles": articles,
        "added": report.added_articles,
        "skipped": len(report.skipped),
        "raw_bytes": raw_bytes,
        "raw_chars": raw_chars,
        "init_s": init_wall,
        "wall_s": wall,
        "cpu_s": cpu + workers_cpu,
        "workers_cpu_s": workers_cpu,
        "workers": importer_workers(raw_bytes, len(files)),
        "worker_peak_rss_mb": children.ru_maxrss / 1024,
        "reimport_s": again_wall,
        "reimport_added": again.added_articles,
        "db_bytes": sum(
            Path(project + s).stat().st_size for s in ("", "-wal") if Path(project + s).exists()
        ),
        "tables": tables,
        "peak_rss_mb": peak_rss_mb(),
    }


def importer_workers(raw_bytes: int, files: int) -> int:
    from hnreader.core.importing.importer import worker_count

    return worker_count(raw_bytes, files)


def hn_search(project: str, cache_dir: str, queries: list[str], repeats: int) -> dict[str, Any]:
    """Per query: the first page, `Project.search(limit=50)` (hits with offsets, match kind
    and KWIC lines of the first 50 matching articles, titles, kickers and bylines searched
    with the text), timed `repeats` times after a warm-up; and the exact totals,
    `Project.count_matches`, timed 3 times (the app counts in the background while the first
    page is shown). The same again searching the text only (`fields=["body"]`, as before
    issue 12 item 4), to show what searching the header costs."""
    opened = _project(project, cache_dir)
    cold, _ = _timed(lambda: opened.search(queries[0], limit=50))
    out: dict[str, Any] = {"cold_first_s": cold, "queries": {}}
    for query in queries:
        result = opened.search(query, limit=50)
        times = []
        for _ in range(repeats):
            elapsed, result = _timed(lambda q=query: opened.search(q, limit=50))
            times.append(elapsed)
        count_times = []
        for _ in range(3):
            elapsed, counted = _timed(lambda q=query: opened.count_matches(q))
            count_times.append(elapsed)
        opened.search(query, fields=BODY_ONLY, limit=50)
        body_times = [
            _timed(lambda q=query: opened.search(q, fields=BODY_ONLY, limit=50))[0]
            for _ in range(repeats)
        ]
        body_count_times = [
            _timed(lambda q=query: opened.count_matches(q, fields=BODY_ONLY))[0] for _ in range(3)
        ]
        out["queries"][query] = {
            "times": times,
            "count_times": count_times,
            "body_times": body_times,
            "body_count_times": body_count_times,
            "total_hits": counted.hits if counted else 0,
            "total_articles": counted.articles if counted else 0,
            "header_hits": dict(counted.header_hits) if counted else {},
            "hits_shown": sum(len(a.hits) for a in result.articles),
            "articles_shown": len(result.articles),
        }
    opened.close()
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def _article_texts(project: str) -> list[str]:
    from hnreader.core.store import Store

    store = Store(project, create=False)
    try:
        texts = store.article_texts(store.article_ids())
    finally:
        store.close()
    return [texts[i] for i in sorted(texts)]


def _article_fields(project: str) -> list[str]:
    """Each article's title, subtitle, byline and text, NUL-separated (no term holds one)."""
    from hnreader.core.store import Store

    store = Store(project, create=False)
    try:
        articles = [store.article(i) for i in store.article_ids()]
    finally:
        store.close()
    return ["\x00".join((a.title, a.subtitle, a.byline, a.text)) for a in articles]


def regex_search(project: str, queries: list[str], repeats: int) -> dict[str, Any]:
    """A QualCoder-style scan: re.finditer over every (folded) article held in memory, its
    title, kicker and byline with its text (what hnreader searches)."""
    from hnreader.core.text.normalize import fold_for_search

    texts = [fold_for_search(t) for t in _article_fields(project)]
    out: dict[str, Any] = {"queries": {}, "articles": len(texts)}
    for query in queries:
        patterns = [re.compile(re.escape(term)) for term in query_terms(query)]

        def scan(patterns: list[re.Pattern[str]] = patterns) -> tuple[int, int]:
            hits = articles = 0
            for text in texts:
                found = [[m.start() for m in p.finditer(text)] for p in patterns]
                if all(found):
                    articles += 1
                    hits += sum(len(f) for f in found)
            return hits, articles

        def first_page(patterns: list[re.Pattern[str]] = patterns, limit: int = 50) -> int:
            found = 0  # stops after the first 50 matching articles, as a first page does
            for text in texts:
                starts = [[m.start() for m in p.finditer(text)] for p in patterns]
                if all(starts):
                    found += 1
                    if found == limit:
                        break
            return found

        times = []
        for _ in range(repeats):
            elapsed, (hits, articles) = _timed(scan)
            times.append(elapsed)
        page_times = [_timed(first_page)[0] for _ in range(repeats)]
        out["queries"][query] = {
            "times": times,  # the full scan: compare with hnreader's totals
            "page_times": page_times,  # stopping at 50 articles: compare with a first page
            "total_hits": hits,
            "total_articles": articles,
        }
    out["peak_rss_mb"] = peak_rss_mb()
    return out


# -- jieba alone


_TOKENIZER: Any = None


def _init_tokenizer(cache_dir: str) -> None:
    global _TOKENIZER
    import logging

    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    _TOKENIZER = jieba.Tokenizer()
    _TOKENIZER.tmp_dir = cache_dir
    _TOKENIZER.initialize()


def _segment(texts: list[str]) -> int:
    count = 0
    for _ in _TOKENIZER.tokenize("".join(texts), mode="search"):
        count += 1
    return count


def _ready(_: int) -> int:
    return os.getpid()


def jieba_alone(corpus: str, cache_dir: str, processes: int) -> dict[str, Any]:
    """Search-mode segmentation throughput with one tokenizer per process (the indexing limit)."""
    texts = [f.read_text(encoding="utf-8") for f in raw_files(Path(corpus))]
    chars = sum(len(t) for t in texts)
    chunks = [texts[i : i + 4] for i in range(0, len(texts), 4)]
    with multiprocessing.get_context("fork").Pool(
        processes, initializer=_init_tokenizer, initargs=(cache_dir,)
    ) as pool:
        pool.map(_ready, range(processes * 4))  # every worker has loaded its dictionary
        wall, tokens = _timed(lambda: sum(pool.imap_unordered(_segment, chunks)))
    return {"processes": processes, "chars": chars, "wall_s": wall, "tokens": tokens}


# -- Whoosh with jieba's ChineseAnalyzer (jieba's documented search integration)


def _dir_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def whoosh_index(project: str, index_dir: str) -> dict[str, Any]:
    import logging

    from jieba.analyse import ChineseAnalyzer
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.index import create_in

    logging.getLogger("jieba").setLevel(logging.WARNING)
    texts = _article_texts(project)
    folder = Path(index_dir)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    schema = Schema(id=ID(stored=True), content=TEXT(stored=True, analyzer=ChineseAnalyzer()))
    index = create_in(str(folder), schema)
    writer = index.writer(limitmb=256)
    for number, text in enumerate(texts):
        writer.add_document(id=str(number), content=text)
    writer.commit()
    return {
        "chars": sum(len(t) for t in texts),
        "wall_s": time.perf_counter() - wall0,
        "cpu_s": time.process_time() - cpu0,
        "index_bytes": _dir_bytes(folder),
        "peak_rss_mb": peak_rss_mb(),
    }


def whoosh_search(index_dir: str, queries: list[str], repeats: int) -> dict[str, Any]:
    import logging

    from whoosh.highlight import WholeFragmenter
    from whoosh.index import open_dir
    from whoosh.qparser import QueryParser

    logging.getLogger("jieba").setLevel(logging.WARNING)
    index = open_dir(index_dir)
    out: dict[str, Any] = {"queries": {}}
    with index.searcher() as searcher:
        parser = QueryParser("content", index.schema)

        def run(query: str, highlight: bool) -> int:
            results = searcher.search(parser.parse(query), limit=50)
            results.fragmenter = WholeFragmenter(charlimit=None)
            if highlight:
                for hit in results:
                    hit.highlights("content", top=3)
            return len(results)

        run(queries[0], True)  # warm-up: jieba's dictionary loads on the first query
        for query in queries:
            times, plain = [], []
            for _ in range(repeats):
                elapsed, total = _timed(lambda q=query: run(q, True))
                times.append(elapsed)
                plain.append(_timed(lambda q=query: run(q, False))[0])
            out["queries"][query] = {"times": times, "plain_times": plain, "total_articles": total}
    out["peak_rss_mb"] = peak_rss_mb()
    return out


PHASES: dict[str, Callable[..., dict[str, Any]]] = {
    "hn_import": hn_import,
    "hn_search": hn_search,
    "regex_search": regex_search,
    "jieba_alone": jieba_alone,
    "whoosh_index": whoosh_index,
    "whoosh_search": whoosh_search,
}


def main() -> None:
    if sys.argv[1] == "app":
        from benchmarks import app_phase

        result = app_phase.run(**json.loads(sys.argv[2]))
    else:
        result = PHASES[sys.argv[1]](**json.loads(sys.argv[2]))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
