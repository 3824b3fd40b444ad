"""Time the coding analyses (issue 16): 50 tags × 12 months and 10,000 annotations.

    python -m benchmarks.coding_analysis [--articles 2000] [--annotations 10000]
    python -m benchmarks.coding_analysis --project P.sqlite [--annotations 10000]

Builds a throwaway project from a generated table (one article per row, dates over twelve
months of 2020), 50 tags in a two-level tree and random passages, then times each analysis
as the Analyse window runs it (the corpus read included). With `--project`, a copy of that
project (e.g. the 100,000-article benchmark project) gets the tags and the passages instead,
spread over its articles of 2020, and the analyses are timed over 2020 (12 months) and over
every article. Target (issue 16): the code matrix with 50 tags × 12 months and 10,000
annotations ≤ 300 ms on the 100,000-article project.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

from benchmarks.generate_corpus import bundled_sentences
from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.project import Project
from hnreader.core.store.backup import export_copy

YEAR = CodingFilter(date_from="2020", date_to="2020")


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
    code(project, project.article_ids(), annotations, rng)
    return project


def copied(folder: Path, source: Path, annotations: int, seed: int = 16) -> Project:
    """A copy of `source` with the tags and passages on its articles dated in 2020."""
    copy = export_copy(source, folder / "bench.sqlite")
    project = Project.open(copy, create=False, coder="bench")
    ids = [a.id for a in project.article_summaries() if (a.date or "").startswith("2020")]
    code(project, ids, annotations, random.Random(seed))
    return project


def code(project: Project, ids: list[int], annotations: int, rng: random.Random) -> None:
    """50 tags in a two-level tree and `annotations` random passages on these articles."""
    tags: list[int] = []
    for i in range(10):
        parent = project.add_tag(f"主题{i}").result_id
        tags.append(parent)
        tags.extend(project.add_tag(f"主题{i}-{j}", parent_id=parent).result_id for j in range(4))
    lengths = {i: len(project.article(i).text) for i in ids}
    ids = [i for i in ids if lengths[i] >= 45]  # room for a passage of 4 to 40 characters
    per_call = 500
    for _ in range(annotations // per_call):
        spans = []
        for _ in range(per_call):
            article = rng.choice(ids)
            start = rng.randrange(0, max(1, lengths[article] - 40))
            spans.append((article, start, start + rng.randint(4, 40)))
        project.annotate_many(spans, [rng.choice(tags)])


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
    parser.add_argument("--project", type=Path, help="copy this project and code the copy")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        if args.project is not None:
            project = copied(Path(folder), args.project, args.annotations)
        else:
            project = build(Path(folder), args.articles, args.annotations)
        print(
            f"{project.article_count()} articles, {len(project.tags())} tags, "
            f"{len(project.annotations())} annotations"
        )
        if args.project is not None:
            timed(
                "matrix: 50 tags × 12 months of 2020, count",
                lambda: project.code_matrix("month", selection=YEAR),
            )
            timed(
                "matrix: 50 tags × 12 months of 2020, share",
                lambda: project.code_matrix("month", "share", selection=YEAR),
            )
            timed("matrix: 50 tags × every month, count", lambda: project.code_matrix("month"))
        else:
            timed("matrix: 50 tags × 12 months, count", lambda: project.code_matrix("month"))
            timed(
                "matrix: 50 tags × 12 months, share", lambda: project.code_matrix("month", "share")
            )
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
