"""Schema 7: an article's page, section and url are stored, read, edited (one undoable change)
and given to articles of older files as ''; its source lines are read with it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hnreader.core.models import ArticleDraft, ArticleOrigin, ChangeKind, StoreError
from hnreader.core.store import IndexRow, Store
from hnreader.core.store.schema import MIGRATIONS, SCHEMA_VERSION

DRAFT = ArticleDraft(
    title="代表之声",
    text="近年来，文化建设取得历史性成就。",
    publication="人民日报",
    page="第 18 版",
    section="民主政治",
    url="https://paper.people.com.cn/rmrb/pc/content/202501/02/content_1.html",
    first_line=12,
    last_line=20,
)


def _store(path: Path | str = ":memory:") -> tuple[Store, int]:
    store = Store(path)
    [article_id] = store.add_source(
        name="rmrb_20250102_18.txt",
        path="/news/rmrb_20250102_18.txt",
        sha256="hash",
        encoding="utf-8",
        text="x",
        drafts=[DRAFT],
        figures=[[]],
        index_rows=[IndexRow(None, b"", "v1")],
    )
    return store, article_id


def test_page_section_url_and_source_lines_round_trip(tmp_path: Path) -> None:
    store, article_id = _store(tmp_path / "p.sqlite")
    store.close()
    store = Store(tmp_path / "p.sqlite")
    article = store.article(article_id)
    assert (article.page, article.section, article.url) == (DRAFT.page, DRAFT.section, DRAFT.url)
    assert (article.source, article.first_line, article.last_line) == (
        "rmrb_20250102_18.txt",
        12,
        20,
    )
    assert store.article_origins([article_id, 999]) == {
        article_id: ArticleOrigin(DRAFT.publication, DRAFT.page, DRAFT.section, DRAFT.url, 12, 20)
    }
    store.close()


def test_editing_page_section_and_url_is_one_change_undone_exactly() -> None:
    store, article_id = _store()
    change = store.update_article_metadata(
        article_id, page=" A3 ", section="评论", url="https://example.org/a.html"
    )
    assert change.kind == ChangeKind.EDIT_ARTICLE
    article = store.article(article_id)
    assert (article.page, article.section, article.url) == (
        "A3",
        "评论",
        "https://example.org/a.html",
    )
    store.restore_rows(change.before, change.after)
    article = store.article(article_id)
    assert (article.page, article.section, article.url) == (DRAFT.page, DRAFT.section, DRAFT.url)
    with pytest.raises(StoreError, match="cannot set first_line"):
        store.update_article_metadata(article_id, first_line="3")


def _version_6_project(path: Path) -> None:
    conn = sqlite3.connect(path)
    for version, _name, migrate in MIGRATIONS:
        if version <= 6:
            migrate(conn)
    conn.execute("PRAGMA user_version = 6")
    conn.execute(
        "INSERT INTO source_files(id, name, path, sha256, encoding, text, imported, "
        "compression) VALUES (1, 'old.txt', '/old.txt', 'h1', 'utf-8', 'x', '2026-01-01', '')"
    )
    conn.execute(
        "INSERT INTO articles(id, source_id, ordinal, title, text, date, date_text, byline, "
        "publication, first_line, last_line) VALUES (1, 1, 1, '旧文章', '正文。', "
        "'2020-08-25', '2020年08月25日', '本报记者 张三', '人民日报', 3, 9)"
    )
    conn.commit()
    conn.close()


def test_a_version_6_file_migrates_with_empty_page_section_and_url(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _version_6_project(path)
    store = Store(path)
    assert store._value("PRAGMA user_version") == SCHEMA_VERSION
    article = store.article(1)
    assert (article.page, article.section, article.url) == ("", "", "")
    assert (article.title, article.byline, article.publication) == (
        "旧文章",
        "本报记者 张三",
        "人民日报",
    )
    assert (article.first_line, article.last_line) == (3, 9)
    store.update_article_metadata(1, page="07 版")
    assert store.article(1).page == "07 版"
    store.close()
