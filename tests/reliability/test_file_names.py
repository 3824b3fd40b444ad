"""A file name that is not UTF-8 neither aborts an import nor is stored unreadable (F14)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project

GBK_NAME = "广东.txt".encode("gbk")  # b"\xb9\xe3\xb6\xab.txt", as a Windows zip holds it


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    segmenter = Segmenter(cache_dir=tmp_path_factory.mktemp("jieba"))
    segmenter.initialize()
    return segmenter


@pytest.fixture
def project(tmp_path: Path, segmenter: Segmenter) -> Iterator[Project]:
    project = Project.open(tmp_path / "p.sqlite", segmenter=segmenter)
    yield project
    project.close()


def write_raw(folder: Path, name: bytes, text: str) -> None:
    """A file whose name is these bytes (Linux takes any bytes but / and NUL)."""
    fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)


def sources(project: Project, article_ids: tuple[int, ...]) -> set[str]:
    return {project.store.article(article_id).source for article_id in article_ids}


def test_a_gbk_named_file_imports_with_a_readable_name(tmp_path: Path, project: Project) -> None:
    folder = tmp_path / "zip"
    folder.mkdir()
    write_raw(folder, GBK_NAME, "广东省粮食产量再创新高\n本报记者 张三\n今年全省粮食产量增长3%。\n")
    (folder / "湖南.txt").write_text("湖南省花垣县十八洞村脱贫。\n", encoding="utf-8")
    messages: list[str] = []
    report = project.import_paths(
        [folder], progress=lambda d, t, stage, item="": messages.append(item)
    )
    assert report.skipped == ()
    assert report.added_articles == 2
    assert sorted(report.added_files) == [str(folder / "广东.txt"), str(folder / "湖南.txt")]
    assert sources(project, report.article_ids) == {"广东.txt", "湖南.txt"}
    assert "广东.txt" in messages
    for item in messages:
        item.encode("utf-8")  # none holds a surrogate escape (this would raise)
    [found] = project.search("粮食产量").articles
    assert found.source == "广东.txt"


def test_skipped_files_are_reported_with_readable_names(tmp_path: Path, project: Project) -> None:
    folder = tmp_path / os.fsdecode("新闻".encode("gbk"))  # the folder's name is GBK too
    folder.mkdir()
    write_raw(folder, "空白.txt".encode("gbk"), "   \n")
    write_raw(folder, b"caf\xe9.txt", "咖啡馆开业。\n")
    write_raw(folder, b"copy-\xff.txt", "咖啡馆开业。\n")  # the same text again
    report = project.import_paths([folder])
    shown_folder = str(tmp_path / "新闻")
    assert report.added_files == (f"{shown_folder}/caf\\xe9.txt",)
    assert sources(project, report.article_ids) == {"caf\\xe9.txt"}
    assert dict(report.skipped) == {
        f"{shown_folder}/copy-\\xff.txt": (
            "copy-\\xff.txt: already imported (same text as caf\\xe9.txt)"
        ),
        f"{shown_folder}/空白.txt": "空白.txt: is empty",
    }


def test_worker_processes_store_readable_names(tmp_path: Path, project: Project) -> None:
    folder = tmp_path / "zip"
    folder.mkdir()
    write_raw(folder, GBK_NAME, "广东省粮食产量再创新高。\n")
    write_raw(folder, "廣東.txt".encode("big5"), "廣東省糧食產量。\n")
    report = project.import_paths([folder], workers=2)
    assert report.skipped == ()
    assert sources(project, report.article_ids) == {"广东.txt", "廣東.txt"}
