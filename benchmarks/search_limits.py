"""Search at the limit (issue 15): every query class, first page and exact totals, like for
like against a regex scan over the texts in memory and against tantivy, in one run.

    python -m benchmarks.search_limits --project P.sqlite [--tantivy DIR] [--repeats 20]

- *first page*: `Project.search(limit=50)` (hits with offsets, match kind, KWIC of the first
  50 matching articles) against a regex scan that also stops after 50 matching articles, and
  against tantivy's top 50 (document addresses only: no offsets, no KWIC);
- *totals*: `Project.count_matches` (hits and articles) against a full regex scan (hits and
  articles) and tantivy's count (articles only: tantivy gives no hit count);
- both on the text alone (`fields=["body"]`: the regex and tantivy see only the text), and
  hnreader's totals again over text and header (what the app's status bar counts).

The regex scans the folded views (what hnreader matches), held in memory, with `str.count`
semantics (non-overlapping); tantivy indexes the same views with a one-character regex
tokenizer `(?s).`, so its phrase queries are exact substrings too. Prints the machine's load
before and after, the correctness of every count, and the project file by table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

QUERIES = {  # class → query
    "common": "扶贫",
    "common 2": "发展",
    "rare": "量子通信",
    "none": "火星移民飞船",
    "multi-term": "脱贫攻坚 成果",
    "phrase": '"精准扶贫"',
    "digits with '.'": "13.43",
    "digits and '%'": "13.43%",
    "full-width '％'": "％",
    "punctuation only": "。",
    "dash": "——",
    "1 character": "村",
    "Latin": "gdp",
    "Traditional": "脫貧",
}
PAGE = 50


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    times, result = [], None
    function()  # warm-up
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return times, result


def folded_views(project_path: str) -> list[str]:
    """Every indexed article's folded view in id order (what hnreader matches)."""
    from hnreader.core.text.normalize import fold_width

    conn = sqlite3.connect(project_path)
    rows = conn.execute(
        "SELECT a.text, i.folded FROM articles a JOIN article_index i ON i.article_id = a.id "
        "ORDER BY a.id"
    )
    views = [folded if folded is not None else fold_width(text) for text, folded in rows]
    conn.close()
    return views


def terms_of(query: str) -> list[str]:
    from hnreader.core.search.query import parse_query

    return [term.folded for term in parse_query(query).positive_terms]


def all_hits(project: Any, query: str) -> dict[str, Any]:
    """Every hit of a query with offsets, match kind and KWIC lines (pages of 1,000
    articles, as an export or a sort over all hits reads them), then sorted by left and by
    right context; seconds for each step."""
    start = time.perf_counter()
    rows = []
    after = 0
    while True:
        page = project.search(query, fields=["body"], limit=1000, after=after)
        rows.extend((hit.left[::-1], hit.right) for a in page.articles for hit in a.hits)
        if page.complete:
            break
        after = page.next_after
    listed = time.perf_counter() - start
    start = time.perf_counter()
    sorted(rows, key=lambda row: row[0])
    by_left = time.perf_counter() - start
    start = time.perf_counter()
    sorted(rows, key=lambda row: row[1])
    by_right = time.perf_counter() - start
    return {"hits": len(rows), "list_s": listed, "sort_left_s": by_left, "sort_right_s": by_right}


def regex_page(views: list[str], patterns: list[re.Pattern[str]]) -> int:
    found = 0
    for view in views:
        if all(p.search(view) for p in patterns):
            found += 1
            for p in patterns:
                [m.start() for m in p.finditer(view)]  # offsets, as a page lists them
            if found == PAGE:
                break
    return found


def regex_totals(views: list[str], terms: list[str]) -> tuple[int, int]:
    hits = articles = 0
    for view in views:
        if all(term in view for term in terms):
            articles += 1
            hits += sum(view.count(term) for term in terms)
    return hits, articles


def tantivy_index(views: list[str], folder: Path) -> Any:
    import tantivy

    schema_builder = tantivy.SchemaBuilder()
    schema_builder.add_text_field("body", stored=False, tokenizer_name="char")
    schema = schema_builder.build()
    fresh = not (folder / "meta.json").exists()
    folder.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema, path=str(folder))
    index.register_tokenizer(
        "char", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(r"(?s).")).build()
    )
    build_s = 0.0
    if fresh:
        start = time.perf_counter()
        writer = index.writer(heap_size=500_000_000)
        for view in views:
            writer.add_document(tantivy.Document(body=view))
        writer.commit()
        writer.wait_merging_threads()
        build_s = time.perf_counter() - start
    index.reload()
    return index, schema, build_s


def tantivy_query(index: Any, schema: Any, terms: list[str]) -> Any:
    import tantivy

    parts = []
    for term in terms:
        chars = list(term)
        if len(chars) == 1:
            parts.append(tantivy.Query.term_query(schema, "body", chars[0]))
        else:
            parts.append(tantivy.Query.phrase_query(schema, "body", chars))
    if len(parts) == 1:
        return parts[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", required=True)
    parser.add_argument("--cache-dir", default=str(Path("/tmp") / "hnbench-cache"))
    parser.add_argument("--tantivy", type=Path, help="tantivy index folder (built if new)")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--count-repeats", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    from hnreader.core.analysis.segmenter import Segmenter
    from hnreader.core.project import Project

    load_before = os.getloadavg()
    start = time.perf_counter()
    project = Project.open(args.project, segmenter=Segmenter(cache_dir=Path(args.cache_dir)))
    open_s = time.perf_counter() - start
    project.segmenter.initialize()
    views = folded_views(args.project)
    engine = None
    if args.tantivy is not None:
        engine = tantivy_index(views, args.tantivy)
    body = ["body"]
    results: dict[str, Any] = {}
    for name, query in QUERIES.items():
        terms = terms_of(query)
        patterns = [re.compile(re.escape(t)) for t in terms]
        row: dict[str, Any] = {"query": query}
        t, page = timed(lambda q=query: project.search(q, fields=body, limit=PAGE), args.repeats)
        row["hn_page"] = t
        row["hn_page_articles"] = len(page.articles)
        t, found = timed(lambda p=patterns: regex_page(views, p), args.repeats)
        row["regex_page"] = t
        row["regex_page_articles"] = found
        t, totals = timed(lambda q=query: project.count_matches(q, fields=body), args.count_repeats)
        row["hn_totals"] = t
        row["hn_hits"], row["hn_articles"] = (totals.hits, totals.articles) if totals else (0, 0)
        t, everything = timed(lambda q=query: project.count_matches(q), args.count_repeats)
        row["hn_totals_all_fields"] = t
        row["hn_all_fields"] = (everything.hits, everything.articles) if everything else (0, 0)
        t, counted = timed(lambda tt=terms: regex_totals(views, tt), args.count_repeats)
        row["regex_totals"] = t
        row["regex_hits"], row["regex_articles"] = counted
        if engine is not None:
            index, schema, _ = engine
            searcher = index.searcher()
            q = tantivy_query(index, schema, terms)
            t, _top = timed(lambda s=searcher, q=q: s.search(q, PAGE), args.repeats)
            row["tantivy_page"] = t
            t, count = timed(
                lambda s=searcher, q=q: s.search(q, 1, count=True).count, args.count_repeats
            )
            row["tantivy_count"] = t
            row["tantivy_articles"] = count
        results[name] = row
        print(name, query, f"{statistics.median(row['hn_page']) * 1000:.1f} ms", file=sys.stderr)
    every = {q: all_hits(project, q) for q in ("扶贫", "量子通信")}
    load_after = os.getloadavg()
    conn = sqlite3.connect(args.project)
    try:
        tables = dict(
            conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
        )
    except sqlite3.OperationalError:
        tables = {}
    raw = conn.execute("SELECT count(*), sum(chars) FROM articles").fetchone()
    conn.close()
    report = {
        "project": args.project,
        "articles": raw[0],
        "chars": raw[1],
        "text_utf8_bytes": sum(len(v.encode("utf-8")) for v in views),
        "file_bytes": Path(args.project).stat().st_size,
        "tables": tables,
        "open_s": open_s,
        "tantivy_build_s": engine[2] if engine else None,
        "load_before": load_before,
        "load_after": load_after,
        "cpus": os.cpu_count(),
        "queries": results,
        "all_hits": every,
    }
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))


def ms(values: list[float] | None, share: float) -> str:
    return "" if not values else f"{percentile(values, share) * 1000:.1f}"


def print_report(r: dict[str, Any]) -> None:
    load = " ".join(f"{x:.2f}" for x in r["load_before"])
    after = " ".join(f"{x:.2f}" for x in r["load_after"])
    print(
        f"{r['articles']:,} articles, {r['chars']:,} chars; {r['cpus']} CPUs; load {load} → {after}"
    )
    size, text = r["file_bytes"], r["text_utf8_bytes"]
    print(
        f"project file {size / 1e6:.1f} MB = {size / text:.2f}× the article texts' UTF-8 "
        f"({text / 1e6:.1f} MB); opened in {r['open_s']:.2f} s"
    )
    print(
        "by table: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in list(r["tables"].items())[:8])
    )
    print()
    print(
        "| class | query | hn page p50/p95 ms | regex page p50/p95 | tantivy top-50 p50/p95 "
        "| hn totals p50/p95 | hn totals, all fields p50/p95 | regex totals p50/p95 "
        "| tantivy count p50/p95 | hits (articles) | same as regex |"
    )
    print("|" + "---|" * 11)
    for name, q in r["queries"].items():
        same = (q["hn_hits"], q["hn_articles"]) == (q["regex_hits"], q["regex_articles"])
        if "tantivy_articles" in q:
            same = same and q["tantivy_articles"] == q["regex_articles"]
        print(
            f"| {name} | `{q['query']}` | {ms(q['hn_page'], 0.5)} / {ms(q['hn_page'], 0.95)} "
            f"| {ms(q['regex_page'], 0.5)} / {ms(q['regex_page'], 0.95)} "
            f"| {ms(q.get('tantivy_page'), 0.5)} / {ms(q.get('tantivy_page'), 0.95)} "
            f"| {ms(q['hn_totals'], 0.5)} / {ms(q['hn_totals'], 0.95)} "
            f"| {ms(q['hn_totals_all_fields'], 0.5)} / {ms(q['hn_totals_all_fields'], 0.95)} "
            f"| {ms(q['regex_totals'], 0.5)} / {ms(q['regex_totals'], 0.95)} "
            f"| {ms(q.get('tantivy_count'), 0.5)} / {ms(q.get('tantivy_count'), 0.95)} "
            f"| {q['hn_hits']:,} ({q['hn_articles']:,}) | {'yes' if same else 'NO'} |"
        )
    pages = [t for q in r["queries"].values() for t in q["hn_page"]]
    totals = [t for q in r["queries"].values() for t in q["hn_totals"]]
    print()
    for query, e in r["all_hits"].items():
        print(
            f"all hits of `{query}`: {e['hits']:,} hits with offsets, kind and KWIC in "
            f"{e['list_s']:.2f} s; sorted by left context +{e['sort_left_s']:.2f} s, by right "
            f"+{e['sort_right_s']:.2f} s"
        )
    print(f"all classes: first page p95 {ms(pages, 0.95)} ms; totals p95 {ms(totals, 0.95)} ms")


if __name__ == "__main__":
    main()
