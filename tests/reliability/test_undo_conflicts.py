"""Undo and redo restore exactly their own rows, and never overwrite another writer's work.

Each test names the failure of the reliability issue it guards against (F1–F5, F17).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import ErrorCode, StoreError
from hnreader.core.project import Project
from hnreader.core.store import Store


def _second_window(project: Project, segmenter: Segmenter) -> Project:
    """Another window or process on the same file: its own connection and history."""
    return Project(Store(project.path), segmenter, coder="other")


def _derived_rows(project: Project, article_id: int) -> tuple[int, int, bool]:
    """The article's figures, its index row, and whether the FTS index finds it."""
    store = project.store
    figures = store._value("SELECT count(*) FROM figures WHERE article_id = ?", (article_id,))
    indexed = store._value("SELECT count(*) FROM article_index WHERE article_id = ?", (article_id,))
    word = store.article(article_id).text[10:12]
    found = project.search(word, limit=100_000).articles
    return figures, indexed, article_id in {a.article_id for a in found}


def _article_with_figures(project: Project) -> int:
    counts = project.store._rows(
        "SELECT article_id, count(*) FROM figures GROUP BY article_id ORDER BY 2 DESC"
    )
    return int(counts[0][0])


def test_f1_undo_and_redo_of_article_details_keep_figures_and_index(
    corpus_project: Project,
) -> None:
    article_id = _article_with_figures(corpus_project)
    before = _derived_rows(corpus_project, article_id)
    byline = corpus_project.store.article(article_id).byline
    assert before[0] > 0 and before[1:] == (1, True)
    corpus_project.update_article(article_id, title="新标题")
    corpus_project.update_article(article_id, byline="记者 李四", date="2020-05-24")
    for step in (corpus_project.undo, corpus_project.undo, corpus_project.redo):
        step()
        assert _derived_rows(corpus_project, article_id) == before
    assert corpus_project.store.article(article_id).title == "新标题"
    # The article with the most figures changes with the finder: compare with its own byline.
    assert corpus_project.store.article(article_id).byline == byline != "记者 李四"
    figure = corpus_project.store.figures(article_id)[0][1]
    tag = corpus_project.add_tag("数字").result_id or 0
    corpus_project.annotate_figure(article_id, figure, [tag])  # still known: not refused


def test_f3_redo_never_takes_an_id_another_writer_was_given(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    mine = corpus_project.annotate(1, 0, 2, [tag]).result_id
    corpus_project.undo()
    other = _second_window(corpus_project, shared_segmenter)
    theirs = other.annotate(1, 4, 6, [tag]).result_id
    assert theirs != mine
    corpus_project.redo()
    spans = {(a.id, a.start, a.end, a.coder) for a in corpus_project.store.annotations()}
    assert (theirs, 4, 6, "other") in spans
    assert (mine, 0, 2, "tester") in spans
    other.close()


def test_f3_redo_of_a_tag_does_not_take_over_a_tag_created_meanwhile(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    mine = corpus_project.add_tag("甲").result_id
    corpus_project.undo()
    other = _second_window(corpus_project, shared_segmenter)
    theirs = other.add_tag("乙").result_id
    corpus_project.redo()
    names = {t.id: t.name for t in corpus_project.store.tags()}
    assert names[theirs or 0] == "乙" and names[mine or 0] == "甲"
    other.close()


def test_f3_redo_of_a_split_does_not_replace_an_article_imported_meanwhile(
    corpus_project: Project, shared_segmenter: Segmenter, tmp_path: Path
) -> None:
    article = corpus_project.store.article(1)
    offset = article.text.index("\n", len(article.text) // 2) + 1
    created = corpus_project.split_article(1, offset).result_id
    corpus_project.undo()
    other = _second_window(corpus_project, shared_segmenter)
    news = tmp_path / "new.txt"
    news.write_text("新闻标题\n\n这是另一家媒体的一篇新报道，内容完全不同。\n", encoding="utf-8")
    [imported] = other.import_paths([news]).article_ids
    assert imported != created
    corpus_project.redo()
    assert corpus_project.store.article(imported).text.startswith("这是另一家媒体")
    assert corpus_project.store.article(created or 0).text == article.text[offset:]
    other.close()


def test_f4_an_undo_refuses_to_overwrite_a_later_edit_by_another_window(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    annotation = corpus_project.annotate(1, 0, 2, [tag]).result_id or 0
    corpus_project.update_annotation(annotation, note="A 的笔记")
    other = _second_window(corpus_project, shared_segmenter)
    other.update_annotation(annotation, note="B 的笔记")
    with pytest.raises(StoreError) as refused:
        corpus_project.undo()
    assert refused.value.code == ErrorCode.CONFLICT
    assert "another window" in str(refused.value)
    assert corpus_project.store.annotation(annotation).note == "B 的笔记"
    # The refused step left the stack; the one below it (the annotation itself) would
    # remove B's note with it, so it is refused too, and nothing of B's is lost.
    with pytest.raises(StoreError):
        corpus_project.undo()
    assert corpus_project.store.annotation(annotation).note == "B 的笔记"
    other.close()


def test_f4_a_note_edit_started_before_another_windows_edit_is_not_saved_over_it(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    annotation = corpus_project.annotate(1, 0, 2, [tag], note="原来").result_id or 0
    other = _second_window(corpus_project, shared_segmenter)
    other.update_annotation(annotation, note="原来，B 补充", note_was="原来")
    with pytest.raises(StoreError) as refused:
        corpus_project.update_annotation(annotation, note="原来，A 补充", note_was="原来")
    assert refused.value.code == ErrorCode.CONFLICT
    assert "A 补充" in str(refused.value)  # the user's text is in the message, not lost
    assert corpus_project.store.annotation(annotation).note == "原来，B 补充"
    other.close()


def test_f4_tags_added_in_two_windows_are_both_kept(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    first = corpus_project.add_tag("甲").result_id or 0
    second = corpus_project.add_tag("乙").result_id or 0
    third = corpus_project.add_tag("丙").result_id or 0
    annotation = corpus_project.annotate(1, 0, 2, [first]).result_id or 0
    other = _second_window(corpus_project, shared_segmenter)
    # Both windows show the annotation with tag 甲 and add one more.
    corpus_project.update_annotation(annotation, add_tag_ids=[second])
    other.update_annotation(annotation, add_tag_ids=[third])
    assert corpus_project.store.annotation(annotation).tag_ids == tuple(
        sorted((first, second, third))
    )
    other.update_annotation(annotation, remove_tag_ids=[first])
    assert corpus_project.store.annotation(annotation).tag_ids == (second, third)
    other.close()


def test_f2_an_undo_failing_at_commit_rolls_back_and_leaves_the_connection_usable(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    article = corpus_project.store.article(1)
    offset = article.text.index("\n", len(article.text) // 2) + 1
    created = corpus_project.split_article(1, offset).result_id or 0
    other = _second_window(corpus_project, shared_segmenter)
    tag = other.add_tag("后来").result_id or 0
    other.annotate(created, 0, 2, [tag])  # on the split-off article the undo would remove
    with pytest.raises(StoreError) as refused:
        corpus_project.undo()
    assert refused.value.code == ErrorCode.CONFLICT
    store = corpus_project.store
    assert not store._conn.in_transaction
    # The connection works and the other process is not kept waiting.
    corpus_project.add_tag("之后")
    other.add_tag("也行")
    assert store.has_article(created)
    assert len(other.store.annotations(article_id=created)) == 1
    other.close()


def test_f5_an_undo_that_clashes_with_a_name_taken_since_is_refused_clearly(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    tag = corpus_project.add_tag("旧名").result_id or 0
    corpus_project.update_tag(tag, name="新名")
    other = _second_window(corpus_project, shared_segmenter)
    other.add_tag("旧名")
    with pytest.raises(StoreError) as refused:
        corpus_project.undo()
    assert refused.value.code == ErrorCode.CONFLICT
    assert not isinstance(refused.value, sqlite3.IntegrityError)
    assert {t.name for t in corpus_project.store.tags()} == {"新名", "旧名"}
    other.close()


def test_f17_a_split_keeps_an_annotation_that_ends_with_the_line_break_inside_the_head(
    corpus_project: Project,
) -> None:
    article = corpus_project.store.article(1)
    offset = article.text.index("\n", len(article.text) // 3) + 1
    tag = corpus_project.add_tag("段落").result_id or 0
    start = article.text.rindex("\n", 0, offset - 1) + 1
    annotation = corpus_project.annotate(1, start, offset, [tag]).result_id or 0
    corpus_project.split_article(1, offset)
    head = corpus_project.store.article(1).text
    kept = corpus_project.store.annotation(annotation)
    assert kept.article_id == 1
    assert kept.end <= len(head)
    assert head[kept.start : kept.end] == kept.quote


def test_undo_and_redo_put_back_exactly_what_an_action_changed(
    corpus_project: Project,
) -> None:
    def snapshot() -> dict[str, list[tuple[object, ...]]]:
        tables = ["articles", "figures", "tags", "annotations", "annotation_tags"]
        return {
            t: [tuple(r) for r in corpus_project.store._rows(f"SELECT * FROM {t} ORDER BY 1, 2")]
            for t in tables
        }

    tag = corpus_project.add_tag("政策").result_id or 0
    corpus_project.annotate(2, 3, 9, [tag], note="n")
    start = snapshot()
    article = corpus_project.store.article(2)
    offset = article.text.index("\n", len(article.text) // 2) + 1
    actions = [
        lambda: corpus_project.update_article(2, title="改"),
        lambda: corpus_project.split_article(2, offset),
        lambda: corpus_project.merge_with_next(2),
        lambda: corpus_project.update_tag(tag, color="#000000"),
    ]
    for action in actions:
        action()
    done = snapshot()
    for _ in actions:
        corpus_project.undo()
    assert {t: r for t, r in snapshot().items() if t != "figures"} == {
        t: r for t, r in start.items() if t != "figures"
    }
    assert len(snapshot()["figures"]) == len(start["figures"])
    for _ in actions:
        corpus_project.redo()
    assert snapshot()["annotations"] == done["annotations"]
    assert snapshot()["articles"] == done["articles"]


def test_an_old_project_is_migrated_so_that_ids_are_never_reused(
    corpus_project_file: Path, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = tmp_path / "p.sqlite"
    shutil.copyfile(corpus_project_file, path)
    project = Project(Store(path), shared_segmenter)
    tag = project.add_tag("甲").result_id or 0
    last = project.annotate(1, 0, 2, [tag]).result_id or 0
    project.undo()
    again = project.annotate(1, 0, 2, [tag]).result_id
    assert again == last + 1
    sql = project.store._value("SELECT sql FROM sqlite_master WHERE name = 'annotations'")
    assert "AUTOINCREMENT" in sql
    project.close()
