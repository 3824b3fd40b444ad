"""hnreader's benchmarks against Whoosh + jieba, a regex scan and jieba alone (issue 5).

    python -m benchmarks.run --articles 1000 10000      # writes benchmarks/RESULTS.md
    python -m benchmarks.run --quick                    # ~1,000 articles, under 3 minutes

Each measurement runs in its own process (peak RSS per phase). Needs the `bench` extra
(Whoosh-Reloaded; PySide6 for the app phase). Work files go to --workdir (default: the
system temp dir); the corpus is generated deterministically (see generate_corpus.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.generate_corpus import RARE_WORD, generate

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

QUERIES = [
    "扶贫",  # two-character words
    "村民",
    RARE_WORD,  # rare: in about 1 article of 200
    "发展",  # common
    "脱贫攻坚 成果",  # two words, both must occur
    '"精准扶贫"',  # a quoted phrase
    "火星移民飞船",  # no hits
    "13.43%",  # a figure
]
ANNOTATIONS = 500

TARGETS = [
    ("search_p95", "search p95 ≤ 20 ms (core, end to end)"),
    ("vs_whoosh", "first page ≥ 10× faster than Whoosh+jieba's first 50, no highlights (p95)"),
    ("vs_regex", "first page faster than a regex scan that stops after 50 articles (p95)"),
    ("totals_vs_regex", "exact totals faster than a full regex scan (p95)"),
    ("recall", "same hits as the regex scan for substring queries"),
    ("vs_jieba", "import+index ≥ 70% of jieba-alone throughput on all cores"),
    ("incremental", "import incremental (re-import skips known files)"),
    ("index_size", "index ≤ 3× raw text size"),
    ("import_rss", "peak memory ≤ 400 MB while importing"),
    ("startup", "app start-up to usable window ≤ 1.5 s"),
    ("open_article", "opening an article (500 annotations) ≤ 100 ms"),
    ("apply_tag", "applying a tag ≤ 50 ms"),
    ("gui_block", "GUI thread never blocked > 100 ms during import"),
]


def run_phase(name: str, env: dict[str, str] | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; its last output line is its JSON result."""
    kwargs_json = json.dumps(kwargs, ensure_ascii=False)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.phases", name, kwargs_json],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        print(f"  {name} FAILED:\n{done.stderr[-3000:]}", file=sys.stderr)
        return {"error": done.stderr[-500:]}
    print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return json.loads(lines[-1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def latencies(result: dict[str, Any], key: str = "times") -> list[float]:
    return [t for q in result.get("queries", {}).values() for t in q.get(key, [])]


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:,.1f}"


def ratio(a: float | None, b: float | None) -> str:
    return "–" if not a or not b else f"{a / b:,.1f}×"


# -- one corpus size


def prepare_app_project(source: str, target: str) -> tuple[int, int, int]:
    """A copy of the benchmark project with ANNOTATIONS annotations on its second article."""
    from hnreader.core.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(target + suffix).unlink(missing_ok=True)
    shutil.copy(source, target)
    store = Store(target, create=False)
    try:
        ids = store.article_ids()
        article, other = ids[1], ids[2]
        text = store.article_texts([article])[article]
        tag_id = store.add_tag("benchmark").result_id
        assert tag_id is not None
        step = max(2, (len(text) - 4) // ANNOTATIONS)
        spans = [(article, s, s + 3) for s in (i * step % (len(text) - 4) for i in range(500))]
        store.add_annotations(spans, [tag_id])
    finally:
        store.close()
    return article, other, tag_id


def bench_size(
    articles: int,
    workdir: Path,
    quick: bool,
    skip: set[str],
    earlier: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Every phase at one size; Whoosh's results are taken from `earlier` (a saved run of
    this size) when it measured the same corpus, as Whoosh alone takes ~40 min at 100k."""
    print(f"== {articles:,} articles ==", file=sys.stderr)
    corpus = workdir / f"corpus-{articles}"
    shutil.rmtree(corpus, ignore_errors=True)
    files, chars, digest = generate(articles, corpus)
    print(f"  corpus: {files} files, {chars:,} chars, sha256 {digest[:16]}", file=sys.stderr)
    cache = str(workdir / "jieba-cache")
    Path(cache).mkdir(parents=True, exist_ok=True)
    project = str(workdir / f"hn-{articles}.sqlite")
    repeats = 10 if quick else 20
    out: dict[str, Any] = {"articles": articles, "files": files, "chars": chars, "sha": digest}
    out["hn_import"] = run_phase("hn_import", corpus=str(corpus), project=project, cache_dir=cache)
    out["hn_search"] = run_phase(
        "hn_search", project=project, cache_dir=cache, queries=QUERIES, repeats=repeats
    )
    out["regex"] = run_phase("regex_search", project=project, queries=QUERIES, repeats=5)
    out["jieba"] = run_phase(
        "jieba_alone", corpus=str(corpus), cache_dir=cache, processes=os.cpu_count() or 1
    )
    out["jieba_1"] = run_phase("jieba_alone", corpus=str(corpus), cache_dir=cache, processes=1)
    if earlier is not None and earlier.get("sha") == digest and "whoosh_index" in earlier:
        out["whoosh_index"] = earlier["whoosh_index"]
        out["whoosh_search"] = earlier["whoosh_search"]
        out["whoosh_from"] = earlier.get("whoosh_from") or earlier.get("command", "")
        print("  Whoosh: reusing the earlier run on this corpus", file=sys.stderr)
    elif "whoosh" not in skip:
        index_dir = str(workdir / f"whoosh-{articles}")
        out["whoosh_index"] = run_phase("whoosh_index", project=project, index_dir=index_dir)
        out["whoosh_search"] = run_phase(
            "whoosh_search", index_dir=index_dir, queries=QUERIES, repeats=5
        )
    if "app" not in skip:
        out["app"] = bench_app(articles, workdir)
    return out


def bench_app(articles: int, workdir: Path) -> dict[str, Any]:
    """The desktop-app phase on the corpus and project a size's run left in `workdir`."""
    corpus = workdir / f"corpus-{articles}"
    cache = str(workdir / "jieba-cache")
    project = str(workdir / f"hn-{articles}.sqlite")
    app_project = str(workdir / f"app-{articles}.sqlite")
    article, other, tag_id = prepare_app_project(project, app_project)
    import_dir = workdir / "app-import"
    shutil.rmtree(import_dir, ignore_errors=True)
    import_dir.mkdir()
    for file in sorted(corpus.glob("*.txt"))[:200]:
        shutil.copy(file, import_dir / file.name)
    import_project = workdir / "app-import.sqlite"
    import_project.unlink(missing_ok=True)
    home = workdir / "home"
    return run_phase(
        "app",
        env={"QT_QPA_PLATFORM": "offscreen", "HNREADER_HOME": str(home)},
        project=app_project,
        cache_dir=cache,
        settings_file=str(workdir / "settings.ini"),
        queries=QUERIES,
        launched=time.time(),
        annotated_article=article,
        other_article=other,
        tag_id=tag_id,
        import_dir=str(import_dir),
        import_project=str(import_project),
    )


# -- reporting


def machine() -> list[str]:
    import jieba

    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as handle:
        ram_kb = int(handle.readline().split()[1])
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "not installed"
    try:
        from importlib.metadata import version

        whoosh = version("Whoosh-Reloaded")
    except Exception:
        whoosh = "not installed"
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {ram_kb / 1024**2:.1f} GB",
        f"- {platform.platform()}; Python {platform.python_version()}; "
        f"SQLite {sqlite3.sqlite_version}; jieba {jieba.__version__}; PySide6 {pyside}; "
        f"Whoosh-Reloaded {whoosh}",
    ]


def summarise(r: dict[str, Any]) -> dict[str, Any]:
    """The headline numbers of one size (None where a phase did not run)."""
    imp, jb = r["hn_import"], r["jieba"]
    s: dict[str, Any] = {}
    s["hn_rate"] = imp["raw_chars"] / imp["wall_s"] if "wall_s" in imp else None
    s["hn_cpu_rate"] = imp["raw_chars"] / imp["cpu_s"] if "cpu_s" in imp else None
    s["jieba_rate"] = jb["chars"] / jb["wall_s"] if "wall_s" in jb else None
    jb1 = r.get("jieba_1", {})
    s["jieba1_rate"] = jb1["chars"] / jb1["wall_s"] if "wall_s" in jb1 else None
    s["hn_p50"] = percentile(latencies(r["hn_search"]), 0.5) if latencies(r["hn_search"]) else None
    s["hn_p95"] = percentile(latencies(r["hn_search"]), 0.95) if s["hn_p50"] else None
    counts = latencies(r["hn_search"], "count_times")
    s["hn_count_p50"] = percentile(counts, 0.5) if counts else None
    s["hn_count_p95"] = percentile(counts, 0.95) if counts else None
    workers = imp.get("workers") or 0
    s["import_rss"] = (
        imp["peak_rss_mb"] + workers * imp.get("worker_peak_rss_mb", 0)
        if "peak_rss_mb" in imp
        else None
    )
    rx = latencies(r["regex"])  # full scans
    s["rx_p50"] = percentile(rx, 0.5) if rx else None
    s["rx_p95"] = percentile(rx, 0.95) if rx else None
    rxp = latencies(r["regex"], "page_times")  # stopping after 50 articles
    s["rxp_p50"] = percentile(rxp, 0.5) if rxp else None
    s["rxp_p95"] = percentile(rxp, 0.95) if rxp else None
    ws = r.get("whoosh_search", {})
    wl, wp = latencies(ws), latencies(ws, "plain_times")
    s["wh_p50"] = percentile(wl, 0.5) if wl else None
    s["wh_p95"] = percentile(wl, 0.95) if wl else None
    s["whp_p50"] = percentile(wp, 0.5) if wp else None
    s["whp_p95"] = percentile(wp, 0.95) if wp else None
    wi = r.get("whoosh_index", {})
    s["wh_rate"] = wi["chars"] / wi["wall_s"] if "wall_s" in wi else None
    s["wh_cpu_rate"] = wi["chars"] / wi["cpu_s"] if "cpu_s" in wi else None
    s["wh_size"] = wi.get("index_bytes")
    s["mismatches"] = [
        q
        for q, v in r["hn_search"].get("queries", {}).items()
        if v["total_hits"] != r["regex"].get("queries", {}).get(q, {}).get("total_hits")
    ]
    return s


def size_report(r: dict[str, Any]) -> list[str]:
    s, imp = summarise(r), r["hn_import"]
    raw = imp.get("raw_bytes")
    wi = r.get("whoosh_index", {})
    lines = [
        f"### {r['articles']:,} generated articles "
        f"({r['files']:,} files, {r['chars']:,} chars, {raw or 0:,} bytes UTF-8; "
        f"hnreader stored {imp.get('articles', 0):,} articles; corpus sha256 {r['sha'][:16]})",
        "",
        "| indexing | chars/s wall | chars/s CPU | wall s | index size | index/raw | peak RSS |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def size(n: int | None) -> str:
        return "–" if n is None else f"{n / 1e6:,.1f} MB"

    def rate(x: float | None) -> str:
        return "–" if x is None else f"{x:,.0f}"

    def rss(d: dict[str, Any]) -> str:
        if "peak_rss_mb" not in d:
            return "–"
        if d.get("workers"):
            return (
                f"{d['peak_rss_mb']:,.0f} MB + {d['workers']} workers × "
                f"{d['worker_peak_rss_mb']:,.0f} MB"
            )
        return f"{d['peak_rss_mb']:,.0f} MB"

    jb = r["jieba"]
    lines += [
        f"| hnreader import+index | {rate(s['hn_rate'])} | {rate(s['hn_cpu_rate'])} | "
        f"{imp.get('wall_s', 0):,.1f} | {size(imp.get('db_bytes'))} | "
        f"{ratio(imp.get('db_bytes'), raw)} | {rss(imp)} |",
        f"| Whoosh + jieba ChineseAnalyzer | {rate(s['wh_rate'])} | {rate(s['wh_cpu_rate'])} | "
        f"{wi.get('wall_s', 0):,.1f} | {size(s['wh_size'])} | {ratio(s['wh_size'], raw)} | "
        f"{rss(wi)} |",
        f"| jieba alone, search mode, {jb.get('processes')} processes | {rate(s['jieba_rate'])} "
        f"| | {jb.get('wall_s', 0):,.1f} | | | |",
        f"| jieba alone, search mode, 1 process | {rate(s['jieba1_rate'])} | | | | | |",
        "",
        f"hnreader import = **{ratio(s['hn_rate'], s['jieba_rate'])}** of jieba alone on all "
        f"cores ({ratio(s['hn_rate'], s['jieba1_rate'])} of one core); Whoosh "
        f"{ratio(s['wh_rate'], s['jieba1_rate'])} of one core. Dictionary load "
        f"{imp.get('init_s', 0):.2f} s included. Re-import of the same folder: "
        f"{imp.get('reimport_s', 0):.2f} s, {imp.get('reimport_added', '–')} articles added.",
        "",
    ]
    if r.get("whoosh_from"):
        lines += [
            f"Whoosh's rows are from an earlier run on the same corpus (`{r['whoosh_from']}`); "
            "Whoosh and its inputs have not changed since.",
            "",
        ]
    tables = imp.get("tables") or {}
    if tables:
        top = sorted(tables.items(), key=lambda kv: -kv[1])[:8]
        lines.append(
            "Project file by table (dbstat): "
            + ", ".join(f"{name} {b / 1e6:,.1f} MB" for name, b in top)
        )
        lines.append("")
    lines += [
        "| search latency (ms), all queries × repeats | p50 | p95 | hnreader is faster (p95) |",
        "| --- | ---: | ---: | ---: |",
        f"| hnreader first page, `Project.search(limit=50)` | {ms(s['hn_p50'])} | "
        f"{ms(s['hn_p95'])} | |",
        f"| Whoosh + jieba, first 50 with highlights | {ms(s['wh_p50'])} | {ms(s['wh_p95'])} | "
        f"{ratio(s['wh_p95'], s['hn_p95'])} |",
        f"| Whoosh + jieba, first 50, no highlights | {ms(s['whp_p50'])} | {ms(s['whp_p95'])} | "
        f"{ratio(s['whp_p95'], s['hn_p95'])} |",
        f"| regex scan stopping after 50 articles (texts in memory) | {ms(s['rxp_p50'])} | "
        f"{ms(s['rxp_p95'])} | {ratio(s['rxp_p95'], s['hn_p95'])} |",
        f"| regex scan of every article (texts in memory) | {ms(s['rx_p50'])} | "
        f"{ms(s['rx_p95'])} | (compare with the totals) |",
        f"| hnreader exact totals, `Project.count_matches` (the app runs it in the background) "
        f"| {ms(s['hn_count_p50'])} | {ms(s['hn_count_p95'])} | "
        f"{ratio(s['rx_p95'], s['hn_count_p95'])} vs regex |",
        "",
        "| query | hnreader first page median ms | hnreader totals median ms "
        "| Whoosh first 50 with highlights median ms | regex full scan median ms "
        "| hnreader hits (articles) | regex hits (articles) | Whoosh articles | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    ws = r.get("whoosh_search", {}).get("queries", {})
    for query in QUERIES:
        hq = r["hn_search"].get("queries", {}).get(query, {})
        rq = r["regex"].get("queries", {}).get(query, {})
        wq = ws.get(query, {})
        same = hq.get("total_hits") == rq.get("total_hits")
        lines.append(
            f"| `{query}` | {ms(statistics.median(hq['times'])) if hq else '–'} | "
            f"{ms(statistics.median(hq['count_times'])) if hq.get('count_times') else '–'} | "
            f"{ms(statistics.median(wq['times'])) if wq else '–'} | "
            f"{ms(statistics.median(rq['times'])) if rq else '–'} | "
            f"{hq.get('total_hits', '–'):,} ({hq.get('total_articles', '–'):,}) | "
            f"{rq.get('total_hits', '–'):,} ({rq.get('total_articles', '–'):,}) | "
            f"{wq.get('total_articles', '–')} | {'same' if same else '**MISMATCH**'} |"
        )
    app = r.get("app")
    if app and "startup_s" in app:
        searches = app["search_s"]
        redone = r.get("app_command")
        lines += [
            "",
            *([f"Desktop app measured again with `{redone}`."] if redone else []),
            *([""] if redone else []),
            "| desktop app (offscreen) | median | max |",
            "| --- | ---: | ---: |",
            f"| launch → main window with library ({app['library_rows']:,} rows) | "
            f"{ms(app['startup_s'])} ms | (in process {ms(app['startup_in_process_s'])} ms) |",
            *(
                [
                    f"| launch → all {app['library_total']:,} articles listed and jieba's "
                    f"dictionary loaded (background) | {ms(app['idle_s'])} ms | |",
                    f"| GUI thread, longest gap while those load | | "
                    f"{ms(app['startup_max_gap_s'])} ms |",
                ]
                if "idle_s" in app
                else []
            ),
            f"| open an article with {ANNOTATIONS} annotations | "
            f"{ms(statistics.median(app['open_article_s']))} ms | "
            f"{ms(max(app['open_article_s']))} ms |",
            f"| apply a tag (`ReaderView.apply_tag`) | {ms(statistics.median(app['apply_tag_s']))}"
            f" ms | {ms(max(app['apply_tag_s']))} ms |",
            f"| search → SearchPanel result | {ms(statistics.median(searches.values()))} ms | "
            f"{ms(max(searches.values()))} ms |",
            f"| GUI thread, longest gap during a background import of "
            f"{app['import_gui_articles']} articles ({app['import_gui_s']:.1f} s) | "
            f"{ms(app['import_gui_median_gap_s'])} ms | {ms(app['import_gui_max_gap_s'])} ms |",
        ]
    return [*lines, ""]


def targets(r: dict[str, Any]) -> list[str]:
    s, imp, app = summarise(r), r["hn_import"], r.get("app") or {}
    checks: dict[str, tuple[bool | None, str]] = {}

    def check(key: str, value: float | None, limit: float, shown: str, above: bool) -> None:
        met = None if value is None else (value >= limit if above else value <= limit)
        checks[key] = (met, shown)

    check("search_p95", s["hn_p95"], 0.020, f"{ms(s['hn_p95'])} ms", False)
    vw = s["whp_p95"] / s["hn_p95"] if s["whp_p95"] and s["hn_p95"] else None
    check("vs_whoosh", vw, 10, ratio(s["whp_p95"], s["hn_p95"]), True)
    vr = s["rxp_p95"] / s["hn_p95"] if s["rxp_p95"] and s["hn_p95"] else None
    check("vs_regex", vr, 1, ratio(s["rxp_p95"], s["hn_p95"]), True)
    vt = s["rx_p95"] / s["hn_count_p95"] if s["rx_p95"] and s["hn_count_p95"] else None
    check("totals_vs_regex", vt, 1, ratio(s["rx_p95"], s["hn_count_p95"]), True)
    checks["recall"] = (not s["mismatches"], ", ".join(s["mismatches"]) or "all queries same")
    vj = s["hn_rate"] / s["jieba_rate"] if s["hn_rate"] and s["jieba_rate"] else None
    check("vs_jieba", vj, 0.7, f"{vj or 0:.0%}", True)
    checks["incremental"] = (
        imp.get("reimport_added") == 0,
        f"re-import {imp.get('reimport_s', 0):.2f} s, nothing re-indexed; a cancelled import "
        "resumes per file (content hash; tests/core/importing/test_index_upkeep.py)",
    )
    size = imp["db_bytes"] / imp["raw_bytes"] if "db_bytes" in imp else None
    check("index_size", size, 3, ratio(imp.get("db_bytes"), imp.get("raw_bytes")), False)
    rss = f"{s['import_rss'] or 0:,.0f} MB (all processes)"
    check("import_rss", s["import_rss"], 400, rss, False)
    if app.get("startup_s") is not None:
        shown = f"{ms(app['startup_s'])} ms"
        if "idle_s" in app:
            shown += (
                f" (every article listed and the dictionary loaded at {ms(app['idle_s'])} ms; "
                f"meanwhile the GUI thread's longest gap was {ms(app['startup_max_gap_s'])} ms)"
            )
        check("startup", app["startup_s"], 1.5, shown, False)
        worst_open = max(app["open_article_s"])
        check("open_article", worst_open, 0.1, f"{ms(worst_open)} ms (max)", False)
        worst_tag = max(app["apply_tag_s"])
        check("apply_tag", worst_tag, 0.05, f"{ms(worst_tag)} ms (max)", False)
        gap = app["import_gui_max_gap_s"]
        check("gui_block", gap, 0.1, f"{ms(gap)} ms max gap", False)
    lines = [
        f"Measured at {r['articles']:,} articles (the issue's targets are for 100,000 "
        "articles on 2 cores).",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
    ]
    for key, label in TARGETS:
        met, shown = checks.get(key, (None, "not measured"))
        lines.append(
            f"| {label} | {shown} | {'–' if met is None else 'yes' if met else '**no**'} |"
        )
    return lines


def write_report(results: list[dict[str, Any]], command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Regenerated by `{command}` on {time.strftime('%Y-%m-%d %H:%M')}. "
        "See benchmarks/run.py for what each number means.",
        "",
        *machine(),
        "",
        f"Queries: {', '.join(f'`{q}`' for q in QUERIES)}.",
        "",
        "## Targets",
        "",
        *targets(results[-1]),
        "",
        "## Measurements",
        "",
    ]
    for r in results:
        lines += size_report(r)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="hnreader benchmarks (issue 5)")
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--quick", action="store_true", help="1,000 articles, fewer repeats")
    parser.add_argument("--skip", nargs="*", default=[], choices=["whoosh", "app"])
    parser.add_argument(
        "--reuse-whoosh",
        action="store_true",
        help="take Whoosh's numbers from workdir/results.json where it measured the same "
        "corpus (the report says so) instead of indexing again",
    )
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "hnbench")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the report from workdir/results.json"
    )
    parser.add_argument(
        "--redo-app",
        action="store_true",
        help="measure the desktop app again on the projects of the last run (for each size "
        "given with --articles) and rewrite the report",
    )
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else args.articles
    args.workdir.mkdir(parents=True, exist_ok=True)
    saved = args.workdir / "results.json"
    reuse = args.report_only or args.redo_app
    results = json.loads(saved.read_text()) if reuse else []
    command = "python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.redo_app:
        for r in results:
            if r["articles"] in sizes:
                r["app"] = bench_app(r["articles"], args.workdir)
                r["app_command"] = command.strip()
        saved.write_text(json.dumps(results, ensure_ascii=False))
        command = results[0].get("command", command)
    earlier: dict[int, dict[str, Any]] = {}
    if args.reuse_whoosh and saved.exists():
        earlier = {r["articles"]: r for r in json.loads(saved.read_text())}
    for size in [] if reuse else sizes:
        results.append(
            bench_size(size, args.workdir, args.quick, set(args.skip), earlier.get(size))
        )
        results[-1]["command"] = command.strip()
        saved.write_text(json.dumps(results, ensure_ascii=False))
    report = write_report(results, command.strip())
    args.output.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
