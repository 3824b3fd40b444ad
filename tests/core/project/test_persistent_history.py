"""The undo history kept in the project file: undo after a restart, from the CLI too; another
window's later work out of reach; refusals when rows changed since; bounded; migrated."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import ErrorCode, StoreError
from hnreader.core.project import Project
from hnreader.core.store import Store, change_log
from hnreader.core.store.change_log import decode_state, encode_state


def reopen(project: Project, segmenter: Segmenter) -> Project:
    """The same file after a restart (a new session)."""
    path = project.path
    project.close()
    return Project(Store(path), segmenter, coder="tester")


def test_an_action_is_undone_and_redone_after_a_restart(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    corpus_project.annotate(1, 0, 4, [tag], note="开头")
    project = reopen(corpus_project, shared_segmenter)
    assert project.history.undo_label == "Tag “" + project.store.annotations()[0].quote + "”"
    project.undo()
    assert project.store.annotations() == []
    project = reopen(project, shared_segmenter)
    assert project.history.redo_label.startswith("Tag “")
    assert project.history.undo_label == "Create tag “政策”"
    project.redo()
    (annotation,) = project.store.annotations()
    assert (annotation.start, annotation.end, annotation.note) == (0, 4, "开头")
    project.close()


def test_a_split_is_undone_after_a_restart_with_its_text_exactly(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    article = corpus_project.store.article(1)
    offset = article.text.index("\n", len(article.text) // 2) + 1
    created = corpus_project.split_article(1, offset).result_id or 0
    project = reopen(corpus_project, shared_segmenter)
    project.undo()  # rows with compressed text and index flags (bytes) come back exactly
    assert project.store.article(1).text == article.text
    assert not project.store.has_article(created)
    assert project.search(article.text[offset + 3 : offset + 6]).articles[0].article_id == 1
    project.close()


def test_another_windows_later_work_is_out_of_reach_and_earlier_work_is_not(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    corpus_project.add_tag("早先")  # before the second window opened: within its reach
    other = Project(Store(corpus_project.path), shared_segmenter, coder="other")
    corpus_project.add_tag("这个窗口")  # made while `other` is open
    other.add_tag("那个窗口")
    assert corpus_project.history.undo_label == "Create tag “这个窗口”"
    assert other.history.undo_label == "Create tag “那个窗口”"
    other.undo()
    assert other.history.undo_label == "Create tag “早先”"  # not this window's later tag
    assert corpus_project.history.redo_label == ""  # the other window's redo is its own
    assert {t.name for t in corpus_project.store.tags()} == {"早先", "这个窗口"}
    other.close()


def test_an_undo_whose_rows_changed_since_is_refused_after_a_restart(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    annotation = corpus_project.annotate(1, 0, 2, [tag]).result_id or 0
    corpus_project.update_annotation(annotation, note="A 的笔记")
    path = corpus_project.path
    corpus_project.close()
    later = Project(Store(path), shared_segmenter, coder="B")
    later.update_annotation(annotation, note="B 的笔记")  # a newer edit, then B closes
    later.close()
    project = Project(Store(path), shared_segmenter, coder="A")
    project.undo()  # B's edit: the newest, made before this session began
    assert project.store.annotation(annotation).note == "A 的笔记"
    other = Project(Store(path), shared_segmenter, coder="C")
    other.update_annotation(annotation, note="C 的笔记")
    with pytest.raises(StoreError) as refused:
        project.undo()  # A's edit would overwrite C's newer note
    assert refused.value.code == ErrorCode.CONFLICT and "another window" in str(refused.value)
    assert project.store.annotation(annotation).note == "C 的笔记"
    assert project.history.undo_label.startswith("Tag “")  # the refused step is forgotten
    other.close()
    project.close()


def test_a_new_action_drops_what_could_be_redone(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    corpus_project.add_tag("甲")
    corpus_project.undo()
    project = reopen(corpus_project, shared_segmenter)  # an undo of an ended session …
    assert project.history.redo_label == "Create tag “甲”"
    project.add_tag("乙")  # … is dropped by the next action, as in any editor
    assert project.history.redo_label == ""
    project.close()


def test_the_log_keeps_the_newest_actions_only(
    corpus_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(change_log, "LOG_LIMIT", 5)
    for number in range(12):
        corpus_project.add_tag(f"标签{number}")
    assert corpus_project.store.change_log_size() == 5
    for _ in range(5):
        corpus_project.undo()
    assert corpus_project.undo() is None
    assert {t.name for t in corpus_project.store.tags()} == {f"标签{n}" for n in range(7)}


def test_row_states_round_trip_through_the_log() -> None:
    before = {"articles": {(1,): {"id": 1, "text": b"\x78\x9c\x00", "title": "标题"}}}
    after = {"articles": {(1,): None}, "annotation_tags": {(3, 4): {"tag_id": 4}}}
    assert decode_state(encode_state(before, after)) == (before, after)


def test_an_old_project_gains_the_log(
    corpus_project_file: Path, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copyfile(corpus_project_file, old)
    with sqlite3.connect(old) as conn:
        conn.execute("DROP TABLE change_log")
        conn.execute("PRAGMA user_version = 9")
    conn.close()
    project = Project(Store(old), shared_segmenter)
    assert project.history.next_undo is None and project.undo() is None
    project.add_tag("迁移后")
    assert project.history.undo_label == "Create tag “迁移后”"
    project.close()
