"""Exact totals from a positional index (issue 15): SQLite FTS4's `matchinfo` against the
project's FTS5 body index, on the same documents, query class by query class, in one run.

    python -m benchmarks.fts4_counts --project P.sqlite --fts4 /tmp/body4.sqlite [--repeats 5]

FTS5 gives Python the matching rows but no hit counts (its instance API needs apsw and a
second SQLite library in the process); FTS4's `matchinfo(t, 'x')` does, from the index alone.
This builds an FTS4 copy of the body index (the same `fts_document` of every article, the
`simple` tokenizer, which like FTS5's `ascii` makes every non-ASCII character a token),
optimizes it, and times for every query class of `search_limits.py`:

- *articles*: `count(*)` of the matching rows, FTS5 and FTS4;
- *first page*: the first 50 matching ids, FTS5 and FTS4, and FTS4 with a phrase of more
  than four tokens split into four-token phrases ANDed (FTS4 loads a longer phrase's whole
  doclists; the split is a superset to check);
- *a deep page*: 50 ids after the middle article id (`rowid > ?`);
- *hits, globally*: FTS4 `matchinfo(t, 'x')` of the first matching row (per phrase: the
  hits in every row and the rows holding it): exact totals for one group of alternatives;
- *hits per article*: FTS4 `matchinfo(t, 'y')` of every matching row, summed (for any
  query, and what a trend needs).

FTS4 counts overlapping occurrences (`哈哈` twice in `哈哈哈`); hnreader counts them left to
right without overlap, so the two agree for every term that has no border (no proper prefix
that is also a suffix). Each hit count is checked against `str.count` over the folded views.
The machine's load is printed before and after; nothing in the project is written.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.search_limits import QUERIES, folded_views, terms_of
from hnreader.core.search.positions import has_border

TABLE = "body4"
MAX_INCREMENTAL_TOKENS = 4  # FTS4 reads a longer phrase's doclists whole


def build(project: str, target: Path) -> tuple[float, float]:
    """The FTS4 copy of the body index (seconds to insert, seconds to optimize)."""
    from hnreader.core.text.fts import fts_document

    conn = sqlite3.connect(target)
    conn.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts4(chars, content='', tokenize=simple)")
    source = sqlite3.connect(project)
    rows = source.execute(
        "SELECT a.id, a.text, i.folded FROM articles a JOIN article_index i "
        "ON i.article_id = a.id ORDER BY a.id"
    )
    inserting = 0.0
    while batch := rows.fetchmany(500):
        documents = [(i, fts_document(text, folded)) for i, text, folded in batch]
        start = time.perf_counter()
        conn.executemany(f"INSERT INTO {TABLE}(docid, chars) VALUES (?, ?)", documents)
        conn.commit()
        inserting += time.perf_counter() - start
    start = time.perf_counter()
    conn.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
    conn.commit()
    optimizing = time.perf_counter() - start
    conn.execute("VACUUM")
    conn.close()
    source.close()
    return inserting, optimizing


def expressions(query: str) -> tuple[str, str, str]:
    """(FTS5 expression, FTS4 expression, FTS4 expression with long phrases split)."""
    from hnreader.core.search.candidates import fts_expression
    from hnreader.core.search.query import parse_query

    fts5 = fts_expression(parse_query(query))
    fts4 = fts5.replace("chars : ", "")
    split = fts4
    for phrase in {p for p in fts4.split('"')[1::2]}:
        tokens = phrase.split(" ")
        if len(tokens) > MAX_INCREMENTAL_TOKENS:
            step = MAX_INCREMENTAL_TOKENS
            parts = [tokens[k : k + step] for k in range(0, len(tokens) - step + 1, step)]
            if len(tokens) % step:
                parts.append(tokens[-step:])
            split = split.replace(
                f'"{phrase}"', "(" + " AND ".join('"' + " ".join(p) + '"' for p in parts) + ")"
            )
    return fts5, fts4, split


def best(function: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """(median milliseconds over `repeats` runs after a warm-up, last result)."""
    result = function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def measure(
    five: sqlite3.Connection,
    four: sqlite3.Connection,
    views: list[str],
    middle: int,
    name: str,
    query: str,
    repeats: int,
) -> None:
    """Print one query class's row (and stop on a count FTS4 and FTS5 do not agree on)."""
    import numpy as np

    page5 = (
        "SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid > ? "
        "ORDER BY rowid LIMIT 50"
    )
    page4 = f"SELECT docid FROM {TABLE} WHERE {TABLE} MATCH ? AND docid > ? ORDER BY docid LIMIT 50"
    terms = terms_of(query)
    e5, e4, split = expressions(query)
    n5, articles5 = best(
        lambda: five.execute(
            "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", (e5,)
        ).fetchone()[0],
        repeats,
    )
    n4, articles4 = best(
        lambda: four.execute(
            f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH ?", (e4,)
        ).fetchone()[0],
        repeats,
    )
    f5, _ = best(lambda: five.execute(page5, (e5, 0)).fetchall(), repeats)
    f4, _ = best(lambda: four.execute(page4, (e4, 0)).fetchall(), repeats)
    fs, _ = best(lambda: four.execute(page4, (split, 0)).fetchall(), repeats)
    d5, _ = best(lambda: five.execute(page5, (e5, middle)).fetchall(), repeats)
    d4, _ = best(lambda: four.execute(page4, (e4, middle)).fetchall(), repeats)

    def global_hits() -> int:
        row = four.execute(
            f"SELECT matchinfo({TABLE}, 'x') FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT 1",
            (e4,),
        ).fetchone()
        if row is None:
            return 0
        values = np.frombuffer(row[0], dtype=np.uint32)
        return int(values[1::3][: len(terms)].sum())  # hits in all rows, per phrase

    def row_hits() -> tuple[int, int]:
        blobs = four.execute(
            f"SELECT matchinfo({TABLE}, 'y') FROM {TABLE} WHERE {TABLE} MATCH ?", (e4,)
        ).fetchall()
        if not blobs:
            return 0, 0
        values = np.frombuffer(b"".join(b[0] for b in blobs), dtype=np.uint32)
        per_row = values.reshape(len(blobs), -1)[:, : len(terms)]
        return int(per_row.sum()), len(blobs)

    x_ms, x_hits = best(global_hits, repeats)
    y_ms, (y_hits, y_rows) = best(row_hits, repeats)
    # Every query here is terms ANDed (no alternatives): an article matches when its
    # view holds all of them, and its hits are their non-overlapping occurrences.
    matching = [view for view in views if all(t in view for t in terms)]
    expected_hits = sum(view.count(t) for view in matching for t in terms)
    expected_articles = len(matching)
    border = any(has_border(t) for t in terms)
    x_note = f"{x_ms:.1f}" if len(terms) == 1 else f"({x_ms:.1f}: not one group)"
    check = "ok" if y_hits == expected_hits else f"differs ({expected_hits} by str.count)"
    if border:
        check += ", a term with a border (FTS4 counts overlaps)"
    if expected_articles != articles4:
        check += f", articles differ ({expected_articles})"
    print(
        f"{name} | {query} | {n5:.1f} / {n4:.1f} | {f5:.1f} / {f4:.1f} / {fs:.1f} | "
        f"{d5:.1f} / {d4:.1f} | {x_note} | {y_ms:.1f} | {y_hits:,} in {y_rows:,} "
        f"({articles5:,} by FTS5; {check})"
    )
    assert articles5 == articles4 == y_rows, (name, articles5, articles4, y_rows)
    if len(terms) == 1 and not border:
        assert x_hits == y_hits, (name, x_hits, y_hits)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", required=True)
    parser.add_argument("--fts4", type=Path, required=True, help="the FTS4 copy (built if new)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    print(f"load before: {os.getloadavg()}")
    if not args.fts4.exists():
        inserting, optimizing = build(args.project, args.fts4)
        print(f"FTS4 copy built: inserts {inserting:.1f} s, optimize {optimizing:.1f} s")
    five = sqlite3.connect(f"{Path(args.project).resolve().as_uri()}?mode=ro", uri=True)
    four = sqlite3.connect(f"{args.fts4.resolve().as_uri()}?mode=ro", uri=True)
    fts5_bytes = five.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'article_fts%'"
    ).fetchone()[0]
    pages, free, size = (
        four.execute(f"PRAGMA {p}").fetchone()[0]
        for p in ("page_count", "freelist_count", "page_size")
    )
    print(f"body index: FTS5 {fts5_bytes / 1e6:.0f} MB, FTS4 {(pages - free) * size / 1e6:.0f} MB")
    middle = five.execute("SELECT max(id) / 2 FROM articles").fetchone()[0]
    views = folded_views(args.project)
    header = (
        "class | query | articles FTS5 / FTS4 | first page FTS5 / FTS4 / FTS4 split | "
        "deep page FTS5 / FTS4 | hits 'x' (one group) | hits 'y' per article | hits, articles"
    )
    print(header)
    for name, query in QUERIES.items():
        measure(five, four, views, middle, name, query, args.repeats)
    print(f"load after: {os.getloadavg()}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
