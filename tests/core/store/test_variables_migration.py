"""Schema 8: document variables and each source file's format; variables follow their
article through undo and redo of a merge and a split."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import SCHEMA_VERSION, Store
from hnreader.core.store.schema import MIGRATIONS


def test_a_format_6_project_gets_the_variables_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    for version, _name, migrate in MIGRATIONS:
        if version <= 6:
            migrate(conn)
    conn.execute("PRAGMA user_version = 6")
    conn.execute(
        "INSERT INTO source_files(name, path, sha256, encoding, text, imported) "
        "VALUES ('a.txt', '/a.txt', 'h', 'utf-8', 'x', '2026-01-01')"
    )
    conn.commit()
    conn.close()
    store = Store(path)
    assert store._value("PRAGMA user_version") == SCHEMA_VERSION
    assert store._value("SELECT format FROM source_files") == "txt"
    assert store.variable_summaries() == []
    store.close()


def test_variables_come_back_with_an_undone_merge(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "标题,正文,地区\n第一篇,衡阳市发展产业扶贫。,衡阳\n第二篇,株洲市发展黄桃产业。,株洲\n",
        "utf-8",
    )
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    first, second = project.import_paths([table]).article_ids
    project.merge_with_next(first)
    assert project.article_variables(first) == [("地区", "衡阳")]
    assert not project.store.has_article(second)
    project.undo()
    assert project.article_variables(second) == [("地区", "株洲")]
    project.redo()
    project.undo()
    change = project.split_article(first, 4)
    new_id = change.result_id
    assert new_id is not None and project.article_variables(new_id) == [("地区", "衡阳")]
    project.undo()
    assert not project.store.has_article(new_id)
    assert project.article_variables(first) == [("地区", "衡阳")]
