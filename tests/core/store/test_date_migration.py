"""Schema 6: dates stored as written without their year become ISO, hand edits are kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hnreader.core.store import Store
from hnreader.core.store.schema import MIGRATIONS
from hnreader.core.text.dates import iso_dates


def _old_project(path: Path, sources: dict[str, list[tuple[str, str]]]) -> None:
    conn = sqlite3.connect(path)
    for version, _name, migrate in MIGRATIONS:
        if version <= 5:
            migrate(conn)
    conn.execute("PRAGMA user_version = 5")
    article_id = 0
    for source_id, (name, dates) in enumerate(sources.items(), start=1):
        conn.execute(
            "INSERT INTO source_files(id, name, path, sha256, encoding, text, imported, "
            "compression) VALUES (?, ?, ?, ?, 'utf-8', 'x', '2026-01-01', '')",
            (source_id, name, f"/{name}", f"h{source_id}"),
        )
        for ordinal, (value, written) in enumerate(dates, start=1):
            article_id += 1
            conn.execute(
                "INSERT INTO articles(id, source_id, ordinal, title, text, date, date_text) "
                "VALUES (?, ?, ?, 't', 'x', ?, ?)",
                (article_id, source_id, ordinal, value, written),
            )
    conn.commit()
    conn.close()


def test_dates_without_a_year_take_the_files_or_a_neighbours_year(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_project(
        path,
        {
            "rmrb_20210105.txt": [("12月31日", "12月31日"), ("1月4日", "1月4日")],
            "page.txt": [("5月24日", "5月24日"), ("2020-05-25", "2020年5月25日")],
            "undated.txt": [("4月8日", "4月8日"), ("", "")],
            "edited.txt": [("2019-04-08", "4月8日"), ("二〇二〇年", "二〇二〇年")],
        },
    )
    store = Store(path)
    dates = [store.article(article_id).date for article_id in range(1, 9)]
    assert dates == [
        "2020-12-31",  # nearest the file name's 2021-01-05
        "2021-01-04",
        "2020-05-24",  # the year of its neighbour
        "2020-05-25",
        "--04-08",  # no year anywhere: ISO without a year
        "",
        "2019-04-08",  # the user's edit is kept
        "二〇二〇年",  # not a date it can read: kept
    ]
    store.close()


def test_iso_dates_keeps_values_it_cannot_read() -> None:
    assert iso_dates(["", "去年", "2021"]) == ["", "去年", "2021"]
