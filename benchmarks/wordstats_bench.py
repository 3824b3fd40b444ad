"""Time the word statistics (issue 16, items 4–6) and measure what the word counts cost.

    python -m benchmarks.wordstats_bench [--articles 10000] [--keep DIR] [--only NAME,...]

Generates a corpus (benchmarks.generate_corpus), imports it into a throwaway project, counts
every article's words (what the first word statistic after an import or re-index does),
then times, each in a freshly opened project: the word list of the whole corpus, keyness
between the two halves of the period (by date: month sums), half the articles chosen by
id against the whole corpus (per-article counts), and the collocates of a frequent word. Prints the
project file's size against the raw UTF-8 text and the bytes the counts take.
Targets (issue 16, at 100,000 articles): word list ≤ 2 s, keyness of two halves ≤ 3 s.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.generate_corpus import generate
from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.project import Project
from hnreader.core.wordstats.subsets import WordSubset
from hnreader.core.wordstats.wordlist import WordFilters


def timed(label: str, work, path: Path, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    """Median of `work(project)` on a freshly opened project each run (opening and closing
    not timed: closing a 1.5 GB file took seconds here, whatever was done)."""
    times = []
    for _ in range(runs):
        project = Project.open(path, coder="bench")
        began = time.perf_counter()
        work(project)
        times.append(time.perf_counter() - began)
        project.close()
    best, median = min(times), sorted(times)[len(times) // 2]
    print(f"{label:<52} best {best * 1000:8.0f} ms   median {median * 1000:8.0f} ms")
    return median


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="build the project here (a wordstats.sqlite already there is used as it is)",
    )
    parser.add_argument(
        "--only",
        default="",
        help="time only these, comma-separated: wordlist, keyness, keyness_by_id, "
        "collocates, clusters (default: all)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "wordstats.sqlite"
        if not path.exists():
            corpus = folder / "corpus"
            files, chars, _ = generate(args.articles, corpus)
            began = time.perf_counter()
            project = Project.open(path, coder="bench")
            project.import_paths([corpus])
            print(f"import of {files} files, {chars:,} chars: {time.perf_counter() - began:.1f} s")
            project.close()
        project = Project.open(path, coder="bench")
        began = time.perf_counter()
        counted = project.update_word_counts()
        print(f"word counts of {counted} articles: {time.perf_counter() - began:.1f} s")
        ids = project.article_ids()
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            raw = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM articles").fetchone()[0]
            dates = sorted(
                row[0]
                for row in conn.execute("SELECT date FROM articles")
                if row[0][:4].isdigit() and row[0][4:5] == "-"
            )
        counts = project.store.word_counts_size()
        size = path.stat().st_size
        print(
            f"{len(ids)} articles; raw text {raw / 1e6:.1f} MB; project file {size / 1e6:.1f} MB "
            f"({size / raw:.2f}× the text); word counts {counts / 1e6:.1f} MB "
            f"({counts / raw:.2f}× the text, {counts / len(ids):.0f} B per article)"
        )
        stop = WordFilters(stop_words=project.stop_words())
        middle = dates[len(dates) // 2][:7]  # the two halves: up to and after this month
        year, month = int(middle[:4]), int(middle[5:7])
        after = f"{year + month // 12}-{month % 12 + 1:02d}"
        a = WordSubset(CodingFilter(date_to=middle))
        b = WordSubset(CodingFilter(date_from=after))
        by_id = WordSubset(CodingFilter(article_ids=ids[: len(ids) // 2]))
        print(f"vocabulary: {len(project.store.vocabulary()[0]):,} words")
        project.close()

        def word_list(with_project: Project) -> None:
            with_project.word_list(filters=stop)

        def keyness(with_project: Project) -> None:
            with_project.keyness(a, b, WordFilters(stop_words=stop.stop_words, min_freq=5))

        def keyness_by_id(with_project: Project) -> None:
            with_project.keyness(by_id, WordSubset(), WordFilters(stop_words=stop.stop_words))

        def clusters(with_project: Project) -> None:
            with_project.word_list(filters=stop, n=2, limit=1000)

        def collocates(with_project: Project) -> None:
            with_project.collocates("发展", filters=stop, window=5)

        def clusters_of_3(with_project: Project) -> None:
            with_project.word_list(filters=stop, n=3, limit=1000)

        print(f"halves: up to {middle} and from {after}")
        plan = [
            ("wordlist", "word list, whole corpus", word_list, 3),
            ("keyness", "keyness, first half vs second half (dates)", keyness, 3),
            ("keyness_by_id", "keyness, half the articles by id vs the corpus", keyness_by_id, 1),
            ("collocates", "collocates of 发展, window 5", collocates, 3),
            ("clusters", "clusters of 2 words, whole corpus (text read again)", clusters, 1),
            ("clusters", "clusters of 3 words, whole corpus", clusters_of_3, 1),
        ]
        chosen = {name.strip() for name in args.only.split(",") if name.strip()}
        for name, label, work, runs in plan:
            if not chosen or name in chosen:
                timed(label, work, path, runs=runs)


if __name__ == "__main__":
    main()
