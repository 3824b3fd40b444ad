"""Time merging one coder's project into another's (issue 17, item 2).

    python -m benchmarks.merge [--articles 2000] [--annotations 10000] [--splits 50]

Builds a project as benchmarks.coding_analysis does (generated articles, 50 tags, random
passages by coder "bench"), copies it, and in the copy codes as much again as coder "other"
and splits some articles (so their passages must be re-anchored by quote); then times the
dry run, the merge (one transaction, one undo step) and its undo, and checks the counts.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.coding_analysis import build
from hnreader.core.project import Project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--annotations", type=int, default=10000)
    parser.add_argument("--splits", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        ours = build(folder, args.articles, args.annotations)
        ours.close()
        other_path = folder / "other.sqlite"
        shutil.copyfile(folder / "bench.sqlite", other_path)
        other = Project.open(other_path, coder="other", segmenter=ours.segmenter)
        rng = random.Random(17)
        ids = other.article_ids()
        tags = [t.id for t in other.tags()]
        spans = []
        for _ in range(args.annotations):
            article = rng.choice(ids)
            length = len(other.article(article).text)
            start = rng.randrange(0, max(1, length - 40))
            spans.append((article, start, start + rng.randint(4, 40)))
        for offset in range(0, len(spans), 500):
            other.annotate_many(spans[offset : offset + 500], [rng.choice(tags)])
        split = 0
        for article in rng.sample(ids, args.splits):
            text = other.article(article).text
            middle = text.find("\n", len(text) // 2)
            if middle > 0:
                try:
                    other.split_article(article, middle + 1)
                    split += 1
                except Exception:  # the split point inside a passage: try another article
                    continue
        other.close()
        project = Project.open(folder / "bench.sqlite", coder="bench", segmenter=ours.segmenter)
        start = time.perf_counter()
        report, _ = project.merge_coding(other_path, dry_run=True)
        dry = time.perf_counter() - start
        start = time.perf_counter()
        report, change = project.merge_coding(other_path)
        merged = time.perf_counter() - start
        start = time.perf_counter()
        project.undo()
        undone = time.perf_counter() - start
        project.close()
    a = report.annotations
    print(
        f"{args.articles:,} articles, {args.annotations:,} annotations per coder, {split} "
        "articles split in the other project"
    )
    print(
        f"annotations: {a.added:,} added ({a.reanchored:,} re-anchored), {a.skipped:,} "
        f"skipped, {a.orphaned:,} orphaned; change recorded: {change is not None}"
    )
    print(f"dry run {dry * 1000:,.0f} ms   merge {merged * 1000:,.0f} ms", end="   ")
    print(f"undo {undone * 1000:,.0f} ms")


if __name__ == "__main__":
    main()
