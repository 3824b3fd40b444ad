"""Time the coding analyses (issue 16): 50 tags × 12 months and 10,000 annotations.

    python -m benchmarks.coding_analysis [--articles 2000] [--annotations 10000]

Builds a throwaway project from a generated table (one article per row, dates over twelve
months of 2020), 50 tags in a two-level tree and random passages, then times each analysis
as the Analyse window runs it (the corpus read included). Target (issue 16): the code matrix
with 50 tags × 12 months and 10,000 annotations ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

from benchmarks.generate_corpus import bundled_sentences
from hnreader.core.project import Project


def build(folder: Path, articles: int, annotations: int, seed: int = 16) -> Project:
    rng = random.Random(seed)
    sentences = bundled_sentences()
    table = folder / "news.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "text", "date", "publication"])
        for i in range(articles):
            paragraphs = [
                "".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
                for _ in range(rng.randint(3, 6))
            ]
            date = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow([f"文章{i}", "\n".join(paragraphs), date, rng.choice("甲乙丙")])
    project = Project.open(folder / "bench.sqlite", coder="bench")
    project.import_paths([table])
    tags: list[int] = []
    for i in range(10):
        parent = project.add_tag(f"主题{i}").result_id
        tags.append(parent)
        tags.extend(project.add_tag(f"主题{i}-{j}", parent_id=parent).result_id for j in range(4))
    ids = project.article_ids()
    lengths = {i: len(project.article(i).text) for i in ids}
    per_call = 500
    for _ in range(annotations // per_call):
        spans = []
        for _ in range(per_call):
            article = rng.choice(ids)
            start = rng.randrange(0, max(1, lengths[article] - 40))
            spans.append((article, start, start + rng.randint(4, 40)))
        project.annotate_many(spans, [rng.choice(tags)])
    return project


def timed(label: str, work) -> None:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(3):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    print(
        f"{label:<44} best {min(times) * 1000:7.0f} ms   median {sorted(times)[1] * 1000:7.0f} ms"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--annotations", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        project = build(Path(folder), args.articles, args.annotations)
        print(
            f"{project.article_count()} articles, {len(project.tags())} tags, "
            f"{len(project.annotations())} annotations"
        )
        timed("matrix: 50 tags × 12 months, count", lambda: project.code_matrix("month"))
        timed("matrix: 50 tags × 12 months, share", lambda: project.code_matrix("month", "share"))
        timed("matrix: by article, presence", lambda: project.code_matrix("article", "presence"))
        timed("co-occurrence: overlap", lambda: project.tag_cooccurrence("overlap"))
        timed("co-occurrence: sentence", lambda: project.tag_cooccurrence("sentence"))
        first = [t.id for t in project.tags()[:3]]
        timed("retrieve: 3 tags, any", lambda: project.retrieve_passages(first))
        timed(
            "retrieve: 3 tags, same paragraph",
            lambda: project.retrieve_passages(first, "paragraph"),
        )
        project.close()


if __name__ == "__main__":
    main()
