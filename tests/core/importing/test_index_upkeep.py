"""The search index stays exact through edits, undo, migrations and parallel imports."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hnreader import paths
from hnreader.core.analysis.index import body_match, body_match_is_exact
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import Stage
from hnreader.core.project import Project
from hnreader.core.store import SCHEMA_VERSION, Store
from hnreader.core.store.schema import MIGRATIONS
from hnreader.core.text.normalize import fold_for_search


def _assert_index_matches_texts(project: Project, min_chars: int = 500) -> None:
    """Every character's FTS lookup finds exactly the articles whose text holds it: a stale
    document (one deleted with the wrong text) would leave old characters findable."""
    store = project.store
    texts = store.article_texts(store.article_ids())
    folded = {article_id: fold_for_search(text) for article_id, text in texts.items()}
    chars = sorted({c for text in folded.values() for c in text})
    assert len(chars) > min_chars
    for char in chars:
        expected = sorted(i for i, text in folded.items() if char in text)
        if body_match_is_exact(char):
            assert store.fts_ids(body_match(char)) == expected, char
        else:  # ASCII spaces and controls share one token: a superset
            assert set(expected) <= set(store.fts_ids(body_match(char))), repr(char)
    # The library's lengths (stored, not computed from the text) follow the same edits.
    assert {s.id: s.chars for s in store.article_summaries()} == {
        i: len(text) for i, text in texts.items()
    }


def test_the_index_follows_split_merge_undo_and_redo(corpus_project: Project) -> None:
    project = corpus_project
    article_id = max(project.store.article_ids(), key=lambda i: len(project.store.article(i).text))
    text = project.store.article(article_id).text
    project.split_article(article_id, text.index("\n", len(text) // 2) + 1)
    _assert_index_matches_texts(project)
    project.merge_with_next(project.store.article_ids()[0])
    _assert_index_matches_texts(project)
    project.undo()
    project.undo()
    _assert_index_matches_texts(project)
    project.redo()
    _assert_index_matches_texts(project)
    project.add_user_word("湘江鲲鹏")  # re-indexes the articles holding it: flags only
    project.undo()
    _assert_index_matches_texts(project)
    assert project.stale_article_ids() == [] and not project.has_stale_index()
    store = project.store
    assert store.first_article_id() == min(store.article_ids())
    assert store.has_article(store.article_ids()[-1]) and not store.has_article(10**9)
    assert store.article_count() == len(store.article_ids())


def test_a_changed_fold_rebuilds_the_whole_index(corpus_project: Project) -> None:
    corpus_project.store.set_meta("index_fold", "0")
    project = Project(corpus_project.store, corpus_project.segmenter)
    assert len(project.stale_article_ids()) == project.store.article_count()
    assert project.has_stale_index()
    assert project.search("扶贫").articles == ()
    project.reindex(project.stale_article_ids()[:3])
    assert project.has_stale_index()  # some articles still have no index row
    project.reindex()
    assert not project.has_stale_index()
    _assert_index_matches_texts(project)
    project.store.relabel_index_version(
        project.store._value("SELECT version FROM article_index"), "old"
    )
    assert project.has_stale_index()  # rows of another segmenter version
    assert project.search("扶贫").articles


def test_a_version_1_project_is_migrated_and_reindexed(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    MIGRATIONS[0][2](conn)
    conn.execute("PRAGMA user_version = 1")
    source = "湖南扶贫\n\n精准扶贫取得成效，贫困发生率降至0.36%。\n"
    conn.execute(
        "INSERT INTO source_files(id, name, path, sha256, encoding, text, imported) "
        "VALUES (1, 'a.txt', '/a.txt', 'h', 'utf-8', ?, '2026-01-01')",
        (source,),
    )
    conn.execute(
        "INSERT INTO articles(id, source_id, ordinal, title, text) VALUES (1, 1, 1, '湖南扶贫', ?)",
        ("精准扶贫取得成效，贫困发生率降至0.36%。",),
    )
    conn.execute(
        "INSERT INTO article_fts(rowid, chars, words) VALUES (1, '精 准 扶 贫', '精准 扶贫')"
    )
    conn.execute("INSERT INTO article_index(article_id, version, flags) VALUES (1, 'v1', x'00')")
    conn.commit()
    conn.close()

    project = Project(Store(path), shared_segmenter)
    assert project.store._value("PRAGMA user_version") == SCHEMA_VERSION
    assert project.store.source_text(1) == source  # kept compressed, read back whole
    assert project.stale_article_ids() == [1]
    project.reindex()
    result = project.search("0.36%")
    assert [h.text for a in result.articles for h in a.hits] == ["0.36%"]
    _assert_index_matches_texts(project, min_chars=10)


def _import(tmp_path: Path, name: str, segmenter: Segmenter, workers: int) -> Project:
    project = Project(Store(tmp_path / name), segmenter)
    report = project.import_paths([paths.bundled_corpus_dir()], workers=workers)
    assert not report.skipped and not report.cancelled
    return project


def _contents(project: Project) -> list[tuple[object, ...]]:
    store = project.store
    rows = store._rows(
        "SELECT a.title, a.text, a.date, a.byline, a.removed, i.flags, i.folded, i.version "
        "FROM articles a JOIN article_index i ON i.article_id = a.id ORDER BY a.id"
    )
    return [tuple(row) for row in rows] + [tuple(f) for f in store.figures()]


def test_worker_processes_import_exactly_what_one_process_does(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    alone = _import(tmp_path, "alone.sqlite", shared_segmenter, workers=0)
    pooled = _import(tmp_path, "pooled.sqlite", shared_segmenter, workers=2)
    assert _contents(pooled) == _contents(alone)
    _assert_index_matches_texts(pooled)


def test_a_cancelled_parallel_import_resumes_where_it_stopped(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(paths.bundled_corpus_dir(), corpus)
    project = Project(Store(tmp_path / "p.sqlite"), shared_segmenter)
    stored: list[int] = []

    def progress(done: int, _total: int, stage: str, item: str = "") -> None:
        if stage == Stage.IMPORTING:
            stored.append(done)

    report = project.import_paths(
        [corpus], progress, is_cancelled=lambda: len(stored) >= 2, workers=2
    )
    assert report.cancelled and 1 <= len(report.added_files) < 5
    again = project.import_paths([corpus], workers=2)
    assert not again.cancelled
    assert len(again.added_files) == 5 - len(report.added_files)
    assert {Path(p).name for p, _ in again.skipped} == {Path(p).name for p in report.added_files}
    whole = _import(tmp_path, "whole.sqlite", shared_segmenter, workers=0)
    assert project.store.article_count() == whole.store.article_count()


def test_an_import_goes_on_in_process_when_worker_processes_fail(
    tmp_path: Path,
    shared_segmenter: Segmenter,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Workers built from this spec cannot load their dictionary: the pool breaks at once.
    broken_spec = (None, tmp_path / "no-such-dictionary.txt", ())
    monkeypatch.setattr(shared_segmenter, "spec", lambda: broken_spec)
    project = Project(Store(tmp_path / "p.sqlite"), shared_segmenter)
    report = project.import_paths([paths.bundled_corpus_dir()], workers=2)
    assert not report.skipped and not report.cancelled and len(report.added_files) == 5
    assert "worker processes failed" in caplog.text
    monkeypatch.undo()
    whole = _import(tmp_path, "whole.sqlite", shared_segmenter, workers=0)
    assert _contents(project) == _contents(whole)
