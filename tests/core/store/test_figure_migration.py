"""Schema 10: the figure model of issue 14. A version-9 project keeps its articles and
annotations; its figures (old model: yyyymmdd dates, no ranges) are marked stale and
re-derived by the reindexing path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hnreader.core.analysis.figures import FIGURES_VERSION
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import SCHEMA_VERSION, Store
from hnreader.core.store.schema import MIGRATIONS, compress_text

TEXT = "2019年7月，贫困发生率从13.43%降至0.36%，增长4-6%。"


def _version_9_project(path: Path) -> None:
    conn = sqlite3.connect(path)
    for version, _name, migrate in MIGRATIONS:
        if version <= 9:
            migrate(conn)
    conn.execute("PRAGMA user_version = 9")
    conn.execute(
        "INSERT INTO source_files(name, path, sha256, encoding, text, imported, compression) "
        "VALUES ('a.txt', '/a.txt', 'h', 'utf-8', ?, '2026-01-01', 'zlib')",
        (compress_text(TEXT),),
    )
    conn.execute(
        "INSERT INTO articles(source_id, ordinal, title, text, chars) VALUES (1, 1, '标题', ?, ?)",
        (TEXT, len(TEXT)),
    )
    # What the old finder stored: 2019年7月 as 20190700.0, 4-6% as two figures.
    conn.executemany(
        'INSERT INTO figures(article_id, start, "end", text, value, unit, kind) '
        "VALUES (1, ?, ?, ?, ?, ?, ?)",
        [
            (0, 7, "2019年7月", 20190700.0, "", "date"),
            (32, 33, "4", 4.0, "", "other"),
            (34, 36, "6%", 6.0, "%", "percent"),
        ],
    )
    conn.execute(
        'INSERT INTO annotations(kind, article_id, start, "end", quote, created, updated, '
        "figure_value, figure_unit, figure_kind) "
        "VALUES ('figure', 1, 0, 7, '2019年7月', 'now', 'now', 20190700.0, '', 'date')"
    )
    conn.commit()
    conn.close()


def test_a_version_9_project_gets_the_new_figure_model(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = tmp_path / "old.sqlite"
    _version_9_project(path)
    store = Store(path)
    assert store._value("PRAGMA user_version") == SCHEMA_VERSION >= 11
    # Old rows are kept until re-derived, but marked stale.
    assert [f.text for _, f in store.figures()] == ["2019年7月", "4", "6%"]
    assert store.figures_version() == "1"
    store.close()

    project = Project.open(path, segmenter=shared_segmenter)
    assert project.has_stale_index()
    project.reindex()
    assert not project.has_stale_index()
    assert project.store.figures_version() == FIGURES_VERSION
    figures = [f for _, f in project.figures(1)]
    assert [(f.text, f.value, f.value_low, f.value_high, f.unit, f.kind) for f in figures] == [
        ("2019年7月", "2019-07", None, None, "", "date"),
        ("13.43%", 13.43, 0.36, 13.43, "%", "percent"),
        ("0.36%", 0.36, 0.36, 13.43, "%", "percent"),
        ("4-6%", None, 4.0, 6.0, "%", "percent"),
    ]
    assert [f.direction for f in figures[1:3]] == ["down", "down"]
    # The annotation on the figure is not lost.
    assert [a.quote for a in project.store.annotations()] == ["2019年7月"]
    project.close()


def test_a_format_11_file_without_migration_10_gets_it(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    """Format 11 was made while 10 was reserved for the figure model: a file written then
    has 11 and the old figures table; opening it adds the model and re-derives."""
    path = tmp_path / "eleven.sqlite"
    _version_9_project(path)
    conn = sqlite3.connect(path)
    for version, _name, migrate in MIGRATIONS:
        if version == 11:
            migrate(conn)
    conn.execute("PRAGMA user_version = 11")
    conn.commit()
    conn.close()
    project = Project.open(path, segmenter=shared_segmenter)
    assert project.store.figures_version() == "1"
    project.reindex()
    assert project.figures(1)[0][1].value == "2019-07"
    project.close()


def test_iso_strings_and_numbers_come_back_as_stored(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.sqlite")
    assert store.figures_version() == FIGURES_VERSION  # a new project has nothing stale
    store.close()
    conn = sqlite3.connect(tmp_path / "p.sqlite")
    # The value column has no type: the text "2019" would become a number in a REAL column.
    assert conn.execute("SELECT typeof(CAST('2019' AS TEXT) + 0)").fetchone() == ("integer",)
    conn.execute("CREATE TEMP TABLE probe AS SELECT value FROM figures WHERE 0")
    conn.execute("INSERT INTO probe VALUES ('2019'), (2019.0)")
    assert conn.execute("SELECT typeof(value) FROM probe").fetchall() == [("text",), ("real",)]
    conn.close()
