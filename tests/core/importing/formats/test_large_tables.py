"""A large table is read in constant memory, reports progress by bytes, and can be cancelled
without storing any of it."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.formats.readers import open_table
from hnreader.core.importing.formats.stored import StoredText
from hnreader.core.models import Stage
from hnreader.core.project import Project

ROW = (
    "衡阳新闻{n},衡阳市今年以来大力发展产业扶贫，全市贫困发生率持续下降，第{n}篇报道。,"
    "2020-06-20,湖南日报\n"
)


def big_csv(path: Path, megabytes: int, encoding: str = "gbk") -> Path:
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write("标题,正文,发布时间,来源\n")
        n = 0
        while out.tell() < megabytes * 2**20:
            out.writelines(ROW.format(n=n + i) for i in range(1000))
            n += 1000
    return path


def test_reading_a_large_csv_takes_constant_memory(tmp_path: Path) -> None:
    path = big_csv(tmp_path / "big.csv", 12)
    tracemalloc.start()
    try:
        table = open_table(path, "csv")
        with StoredText(table.stored_chunks()) as stored:
            rows = 0
            for segment in table.segments(stored.chunks()):
                for _record in segment.records:
                    rows += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rows > 100_000
    assert peak < 10 * 2**20, f"peak {peak / 2**20:.1f} MB for a 12 MB file"
    assert table.encoding == "gb18030"


def test_progress_by_bytes_and_a_cancel_stores_nothing(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = big_csv(tmp_path / "big.csv", 2, "utf-8")
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    reports: list[int] = []

    def progress(done: int, total: int, stage: str, item: str = "") -> None:
        if stage == Stage.IMPORTING:
            reports.append(done)

    def cancel_halfway() -> bool:
        return len(reports) > 40

    report = project.import_paths([path], progress=progress, is_cancelled=cancel_halfway)
    assert report.cancelled and report.added_articles == 0
    assert project.store.article_count() == 0
    assert reports == sorted(reports) and reports[-1] > 0
    assert not list((tmp_path / "hnreader-home").glob("**/table-*.z"))
