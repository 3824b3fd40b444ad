"""Time the REFI-QDA exchange (issue 17, item 6): export a coded project to .qdpx and import
it into an empty project.

    python -m benchmarks.exchange [--articles 2000] [--annotations 10000]

Uses the coding-analysis benchmark's generated project (50 tags, random passages). Reports
the export time, the archive's size, and the import split into reading + analysing (what the
app runs in the background) and writing (one transaction, the undo step).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.coding_analysis import build
from hnreader.core.project import Project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--annotations", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        project = build(root, args.articles, args.annotations)
        out = root / "bench.qdpx"
        started = time.perf_counter()
        summary = project.export_qdpx(out)
        exported = time.perf_counter() - started
        assert summary is not None
        print(
            f"export: {summary.articles} articles, {summary.annotations} annotations in "
            f"{exported:.2f} s; {out.stat().st_size / 1e6:.1f} MB"
        )
        project.close()
        with Project.open(root / "empty.sqlite") as empty:
            empty.load_dictionaries()
            started = time.perf_counter()
            prepared = empty.prepare_exchange_import(out)
            read = time.perf_counter() - started
            assert prepared is not None
            started = time.perf_counter()
            empty.apply_exchange_import(prepared)
            written = time.perf_counter() - started
            print(
                f"import: read and analysed in {read:.2f} s, written (one undo step) in "
                f"{written:.2f} s; {prepared.report.annotations} annotations"
            )
            started = time.perf_counter()
            empty.undo()
            print(f"undo of the import: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
