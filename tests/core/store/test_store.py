"""The project file: schema versions, transactions, tags, annotations and undo records."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from hnreader.core.models import ArticleDraft, Figure, StoreError
from hnreader.core.store import SCHEMA_VERSION, IndexRow, Store


def _store_with_article(path: Path | str = ":memory:") -> tuple[Store, int]:
    store = Store(path)
    [article_id] = store.add_source(
        name="a.txt",
        path="/tmp/a.txt",
        sha256="hash-a",
        encoding="utf-8",
        text="标题\n精准扶贫工作𠮷取得成效。",
        drafts=[ArticleDraft(title="标题", text="精准扶贫工作𠮷取得成效。")],
        figures=[[]],
        index_rows=[IndexRow(None, b"", "v1")],
    )
    return store, article_id


def test_a_file_from_a_newer_version_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE keep (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer hnreader"):
        Store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("this is not a database" * 100)
    with pytest.raises(StoreError, match="not an hnreader project"):
        Store(path)
    assert path.read_text().startswith("this is not a database")


def test_opening_without_create_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such project"):
        Store(tmp_path / "missing.sqlite", create=False)


def test_schema_version_and_pragmas(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.sqlite")
    assert store._value("PRAGMA user_version") == SCHEMA_VERSION
    assert store._value("PRAGMA foreign_keys") == 1
    assert store._value("PRAGMA synchronous") == 2  # FULL


def test_annotation_with_non_bmp_text_keeps_code_point_offsets() -> None:
    store, article_id = _store_with_article()
    tag = store.add_tag("政策").result_id
    assert tag is not None
    change = store.add_annotation(article_id, 4, 7, [tag], note="含𠮷")
    annotation = store.annotation(change.result_id or 0)
    assert annotation.quote == "工作𠮷"
    assert (annotation.start, annotation.end) == (4, 7)
    assert annotation.prefix == "精准扶贫"


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 2), (3, 3), (5, 2), (0, 999)],
    ids=["negative", "empty", "reversed", "past-end"],
)
def test_bad_spans_are_refused_with_a_message(start: int, end: int) -> None:
    store, article_id = _store_with_article()
    tag = store.add_tag("政策").result_id or 0
    with pytest.raises(StoreError, match="not inside article"):
        store.add_annotation(article_id, start, end, [tag])
    assert store.annotations() == []


def test_annotation_needs_a_known_tag_and_article() -> None:
    store, article_id = _store_with_article()
    with pytest.raises(StoreError, match="at least one tag"):
        store.add_annotation(article_id, 0, 2, [])
    with pytest.raises(StoreError, match="no tag with id 42"):
        store.add_annotation(article_id, 0, 2, [42])
    with pytest.raises(StoreError, match="no article with id 99"):
        store.add_annotation(99, 0, 2, [1])


def test_tag_names_and_colours_are_checked() -> None:
    store = Store(":memory:")
    with pytest.raises(StoreError, match="empty"):
        store.add_tag("   ")
    with pytest.raises(StoreError, match="#RRGGBB"):
        store.add_tag("x", color="red")
    store.add_tag("扶贫")
    with pytest.raises(StoreError, match="already exists"):
        store.add_tag("扶贫")
    assert [t.name for t in store.tags()] == ["扶贫"]


def test_every_change_can_be_undone_and_redone() -> None:
    store, article_id = _store_with_article()
    parent = store.add_tag("政策", color="#112233").result_id or 0
    child = store.add_tag("扶贫", parent_id=parent).result_id or 0
    annotation = store.add_annotation(article_id, 0, 4, [child]).result_id or 0
    changes = [
        store.update_tag(child, name="精准扶贫"),
        store.update_tag(child, color="#ABCDEF"),
        store.update_annotation(annotation, note="重要"),
        store.update_annotation(annotation, tag_ids=[parent, child]),
        store.merge_tags(child, parent),
    ]
    for change in reversed(changes):
        store.restore_rows(change.before, change.after)
    assert [t.name for t in store.tags()] == ["政策", "扶贫"]
    assert store.annotations()[0].note == ""
    assert store.annotations()[0].tag_ids == (child,)
    for change in changes:
        store.restore_rows(change.after, change.before)
    assert [t.name for t in store.tags()] == ["政策"]
    assert store.annotations()[0].tag_ids == (parent,)
    assert store.annotations()[0].note == "重要"


def test_deleting_a_tag_with_annotations_needs_an_explicit_choice() -> None:
    store, article_id = _store_with_article()
    doomed = store.add_tag("旧").result_id or 0
    other = store.add_tag("新").result_id or 0
    only_doomed = store.add_annotation(article_id, 0, 2, [doomed]).result_id
    both = store.add_annotation(article_id, 2, 4, [doomed, other]).result_id
    with pytest.raises(StoreError, match="2 annotation"):
        store.delete_tag(doomed)
    assert len(store.annotations()) == 2

    change = store.delete_tag(doomed, annotations="delete")
    remaining = store.annotations()
    assert [a.id for a in remaining] == [both]
    assert remaining[0].tag_ids == (other,)
    store.restore_rows(change.before, change.after)
    assert {a.id for a in store.annotations()} == {only_doomed, both}
    assert store.annotation(both or 0).tag_ids == (doomed, other)


def test_deleting_a_tag_can_reassign_its_annotations() -> None:
    store, article_id = _store_with_article()
    doomed = store.add_tag("旧").result_id or 0
    target = store.add_tag("新").result_id or 0
    annotation = store.add_annotation(article_id, 0, 2, [doomed]).result_id or 0
    with pytest.raises(StoreError, match="choose the tag"):
        store.delete_tag(doomed, annotations="reassign")
    store.delete_tag(doomed, annotations="reassign", reassign_to=target)
    assert store.annotation(annotation).tag_ids == (target,)
    assert [t.name for t in store.tags()] == ["新"]


def test_moving_a_tag_under_its_own_child_is_refused() -> None:
    store = Store(":memory:")
    parent = store.add_tag("a").result_id or 0
    child = store.add_tag("b", parent_id=parent).result_id or 0
    with pytest.raises(StoreError, match="under itself"):
        store.update_tag(parent, parent_id=child)
    assert store.tag(child).path == "a/b"


def test_deleting_a_parent_tag_moves_children_up() -> None:
    store = Store(":memory:")
    root = store.add_tag("root").result_id or 0
    mid = store.add_tag("mid", parent_id=root).result_id or 0
    leaf = store.add_tag("leaf", parent_id=mid).result_id or 0
    change = store.delete_tag(mid)
    assert store.tag(leaf).path == "root/leaf"
    store.restore_rows(change.before, change.after)
    assert store.tag(leaf).path == "root/mid/leaf"


def test_a_failed_action_changes_nothing(tmp_path: Path) -> None:
    store, article_id = _store_with_article(tmp_path / "p.sqlite")
    tag = store.add_tag("x").result_id or 0
    with pytest.raises(RuntimeError), store.write():
        store._conn.execute(
            'INSERT INTO annotations(kind, article_id, start, "end", quote, created, updated) '
            "VALUES ('passage', ?, 0, 1, 'x', '', '')",
            (article_id,),
        )
        raise RuntimeError("crash in the middle of an action")
    assert store.annotations() == []
    assert store.tag(tag).annotation_count == 0


def test_a_second_connection_sees_committed_work_and_waits_for_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    first, article_id = _store_with_article(path)
    second = Store(path)
    tag = first.add_tag("共享").result_id or 0
    assert second.tag(tag).name == "共享"

    # While another connection holds the write lock, this one waits instead of failing.
    locked, released = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_in_thread, args=(path, tag, locked, released))
    holder.start()
    assert locked.wait(5)
    change = second.add_annotation(article_id, 0, 2, [tag])
    holder.join()
    assert released.is_set()
    assert second.annotation(change.result_id or 0).quote == "精准"
    assert second.tag(tag).description == "busy"


def _hold_in_thread(
    path: Path, tag: int, locked: threading.Event, released: threading.Event
) -> None:
    store = Store(path)  # sqlite3 connections may not cross threads: this one is its own
    with store.write():
        store._conn.execute("UPDATE tags SET description = 'busy' WHERE id = ?", (tag,))
        locked.set()
        time.sleep(0.3)
    released.set()
    store.close()


def test_figures_and_fts_rows_are_stored_per_article() -> None:
    store = Store(":memory:")
    ids = store.add_source(
        name="b.txt",
        path="/b.txt",
        sha256="h",
        encoding="gb18030",
        text="x",
        drafts=[
            ArticleDraft(title="一", text="减少747万人"),
            ArticleDraft(title="二", text="其他"),
        ],
        figures=[[Figure(2, 6, "747万", 7470000.0, "人", "count")], []],
        index_rows=[
            IndexRow(None, b"", "v"),
            IndexRow(None, b"", "v"),
        ],
    )
    assert next(f for _, f in store.figures(ids[0])).value == 7470000.0
    assert store.figures(ids[1]) == []
    assert store.fts_ids('chars : "万"') == [ids[0]]
    assert store.fts_page('chars : "他"', 0, 10) == [ids[1]]
    assert store.fts_page(None, ids[0], 10) == [ids[1]]
    assert store.stale_index_ids("v") == []
    assert store.stale_index_ids("v2") == ids
    assert store.has_source("h") == "b.txt"


def test_many_passages_are_tagged_in_one_undoable_change() -> None:
    store, article_id = _store_with_article()
    tag = store.add_tag("批量").result_id or 0
    change = store.add_annotations([(article_id, 0, 2), (article_id, 2, 4)], [tag])
    assert change.label == "Tag 2 passages"
    assert [a.quote for a in store.annotations()] == ["精准", "扶贫"]
    store.restore_rows(change.before, change.after)
    assert store.annotations() == []
    with pytest.raises(StoreError, match="not inside"):
        store.add_annotations([(article_id, 0, 2), (article_id, 5, 500)], [tag])
    assert store.annotations() == []


def test_the_first_screen_of_the_library_is_read_in_date_order() -> None:
    store = Store(":memory:")
    files = (("b.txt", ["2020-05-01", "", "2019-01-02"]), ("a.txt", ["2020-05-01", ""]))
    for name, dates in files:
        store.add_source(
            name=name,
            path=f"/{name}",
            sha256=name,
            encoding="utf-8",
            text="x",
            drafts=[ArticleDraft(title=f"{name}{d}", text="正文", date=d) for d in dates],
            figures=[[] for _ in dates],
            index_rows=[IndexRow(None, b"", "v") for _ in dates],
        )
    by_date = [(s.date, s.source, s.ordinal) for s in store.article_summaries(by_date=True)]
    assert by_date == [
        ("2019-01-02", "b.txt", 3),
        ("2020-05-01", "a.txt", 1),
        ("2020-05-01", "b.txt", 1),
        ("", "a.txt", 2),
        ("", "b.txt", 2),
    ]
    everything = store.article_summaries(by_date=True)
    assert sorted(everything, key=lambda s: (s.source, s.ordinal)) == store.article_summaries()
    for limit in range(1, 7):
        assert store.first_summaries(limit) == everything[:limit]


def test_article_headers_are_read_from_the_covering_index_with_the_publication(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "p.sqlite")
    store.add_source(
        name="a.txt",
        path="/tmp/a.txt",
        sha256="hash-a",
        encoding="utf-8",
        text="x",
        drafts=[
            ArticleDraft(title="一", text="精准扶贫", date="2020-03-01", publication="湖南日报"),
            ArticleDraft(title="二", text="𠮷", date="2021-01-01"),
        ],
        figures=[[], []],
        index_rows=[IndexRow(None, b"", "v1"), IndexRow(None, b"", "v1")],
    )
    headers = store.article_headers("2020", "2020")
    assert list(headers.values()) == [(1, "一", "2020-03-01", 4, "湖南日报")]
    for bounds in ((), ("2020", "2020")):
        where = " WHERE date >= ? AND date <= ?" if bounds else ""
        plan = " ".join(
            str(row[-1])
            for row in store._conn.execute(
                "EXPLAIN QUERY PLAN SELECT id, title, date, chars, publication "
                f"FROM articles INDEXED BY articles_date{where}",
                bounds,
            )
        )
        assert "COVERING INDEX articles_date" in plan, plan
    # A file of format 17 gets the covering date index when it is upgraded.
    store._conn.execute("DROP INDEX articles_date")
    store._conn.execute("CREATE INDEX articles_date ON articles(date)")
    store._conn.execute("PRAGMA user_version = 17")
    store.close()
    store = Store(tmp_path / "p.sqlite")
    assert store._value("PRAGMA user_version") == SCHEMA_VERSION
    assert store.article_headers()[2] == (2, "二", "2021-01-01", 1, "")
    columns = [row[2] for row in store._conn.execute("PRAGMA index_info(articles_date)")]
    assert columns == ["date", "chars", "title", "publication"]
    store.close()
