"""Search covers titles, subtitles (kickers) and bylines as well as the body (issue 12, item 4):
every occurrence found, its field reported, offsets into that field's stored string."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.importer import analyse_text
from hnreader.core.models import ArticleDraft, SearchField, SearchHit, SearchTotals
from hnreader.core.project import Project
from hnreader.core.search.query import parse_query
from hnreader.core.store import Store
from hnreader.core.store.schema import SCHEMA_VERSION
from hnreader.core.text.fts import folded_of_document, header_document, header_documents
from hnreader.core.text.normalize import fold_for_search

TITLE, SUBTITLE, BYLINE, BODY = SearchField.ALL

ARTICLES = [
    ArticleDraft(title="十八洞村的新生活", text="村里修了路。\n孩子们上学近了。"),
    ArticleDraft(title="𠮷野家扶贫记", text="一家小店的故事。", byline="■记者 贺佳 冒藹"),
    ArticleDraft(title="湖南省产业扶贫", text="扶贫产业带动增收。", subtitle="产业兴旺"),
    ArticleDraft(title="乡村振兴", text="湖南的乡村振兴。", byline="本报记者 张三"),
    ArticleDraft(title="旅游扶贫", text="景区带动就业。"),
]


def _project(path: Path, segmenter: Segmenter, drafts: Sequence[ArticleDraft]) -> Project:
    project = Project(Store(path), segmenter, coder="tester")  # sets the index up first
    rows = [analyse_text(d.text, (), segmenter)[1] for d in drafts]
    project.store.add_source(
        name="fields.txt",
        path="/tmp/fields.txt",
        sha256="fields",
        encoding="utf-8",
        text="\n".join(d.text for d in drafts),
        drafts=list(drafts),
        figures=[[] for _ in drafts],
        index_rows=rows,
    )
    return project


@pytest.fixture
def project(tmp_path: Path, shared_segmenter: Segmenter) -> Iterator[Project]:
    opened = _project(tmp_path / "fields.sqlite", shared_segmenter, ARTICLES)
    yield opened
    opened.close()


def _ids(project: Project) -> list[int]:
    return project.article_ids()


def _hits(project: Project, query: str, **options: object) -> list[tuple[int, SearchHit]]:
    result = project.search(query, limit=10_000, **options)  # type: ignore[arg-type]
    return [(a.article_id, h) for a in result.articles for h in a.hits]


def _field_text(project: Project, article_id: int, field: str) -> str:
    article = project.article(article_id)
    return article.text if field == BODY else str(getattr(article, field))


def _check_offsets(project: Project, hits: list[tuple[int, SearchHit]]) -> None:
    for article_id, hit in hits:
        text = _field_text(project, article_id, hit.field)
        assert text[hit.start : hit.end] == hit.text
        assert text[: hit.start].endswith(hit.left) and text[hit.end :].startswith(hit.right)


def test_a_title_word_gives_a_hit_that_says_it_is_in_the_title(project: Project) -> None:
    hits = _hits(project, "十八洞")
    first = _ids(project)[0]
    assert [(a, h.field, h.start, h.end, h.text) for a, h in hits] == [
        (first, TITLE, 0, 3, "十八洞")
    ]
    assert hits[0][1].right == "村的新生活" and not hits[0][1].in_body
    totals = project.count_matches("十八洞")
    assert totals == SearchTotals(1, 1, ((TITLE, 1),))
    assert totals.body_hits == 0 and totals.in_field(TITLE) == 1


def test_title_offsets_are_code_points_with_a_non_bmp_character(project: Project) -> None:
    [(article_id, hit)] = _hits(project, "野家")
    assert (hit.field, hit.start, hit.end) == (TITLE, 1, 3)  # 𠮷 is one code point
    [(_, hit)] = [(a, h) for a, h in _hits(project, "扶贫") if a == article_id]
    title = project.article(article_id).title
    assert (hit.start, hit.end) == (3, 5) and title[3:5] == "扶贫"
    assert hit.left == "𠮷野家"
    [(_, hit)] = _hits(project, "𠮷")
    assert (hit.field, hit.start, hit.end, hit.text) == (TITLE, 0, 1, "𠮷")


def test_every_field_and_body_hits_unchanged(project: Project) -> None:
    hits = _hits(project, "扶贫")
    _check_offsets(project, hits)
    fields = [(project.article(a).title, h.field) for a, h in hits]
    assert fields == [
        ("𠮷野家扶贫记", TITLE),
        ("湖南省产业扶贫", TITLE),
        ("湖南省产业扶贫", BODY),
        ("旅游扶贫", TITLE),
    ]
    body = _hits(project, "扶贫", fields=[BODY])
    assert [(a, h) for a, h in hits if h.in_body] == body
    assert project.search("扶贫", fields=[BODY]).total_hits == 1
    assert [h.field for _, h in _hits(project, "产业")] == [TITLE, SUBTITLE, BODY]
    [(_, byline)] = _hits(project, "张三")
    assert (byline.field, byline.start, byline.end) == (BYLINE, 5, 7)  # 本报记者 张三


def test_whole_words_and_parts_of_words_in_titles(project: Project) -> None:
    kinds = {(h.field, h.text): h.match for _, h in _hits(project, "湖南")}
    assert kinds[(TITLE, "湖南")] == "subword"  # inside 湖南省
    assert kinds[(BODY, "湖南")] == "word"
    [(_, part)] = _hits(project, "南省")
    assert (part.field, part.match, part.whole_word) == (TITLE, "substring", False)
    assert _hits(project, "南省", whole_words=True) == []
    assert [h.field for _, h in _hits(project, "湖南", whole_words=True)] == [TITLE, BODY]
    totals = project.count_matches("南省", whole_words=True)
    assert totals == SearchTotals(0, 0)


def test_a_byline_is_matched_on_its_folded_view(project: Project) -> None:
    [(article_id, hit)] = _hits(project, "冒蔼")  # the byline says 冒藹 (Traditional)
    assert (hit.field, hit.text) == (BYLINE, "冒藹")
    assert project.article(article_id).byline[hit.start : hit.end] == "冒藹"


def test_terms_may_be_in_different_fields_and_exclusions_cover_every_field(
    project: Project,
) -> None:
    hits = _hits(project, "十八洞 上学")
    assert [(h.field, h.text) for _, h in hits] == [(TITLE, "十八洞"), (BODY, "上学")]
    assert _hits(project, "十八洞 上学", fields=[BODY]) == []
    assert _hits(project, "十八洞 上学", fields=[TITLE]) == []
    excluded = {project.article(a).title for a, _ in _hits(project, "扶贫 -旅游")}
    assert excluded == {"𠮷野家扶贫记", "湖南省产业扶贫"}
    body_only = {project.article(a).title for a, _ in _hits(project, "带动 -旅游", fields=[BODY])}
    assert body_only == {"湖南省产业扶贫", "旅游扶贫"}  # 旅游 only in a title not searched


def test_fields_can_be_searched_alone(project: Project) -> None:
    assert [h.field for _, h in _hits(project, "扶贫", fields=[TITLE])] == [TITLE] * 3
    assert [h.text for _, h in _hits(project, "记者", fields=[BYLINE])] == ["记者", "记者"]
    assert _hits(project, "记者", fields=[TITLE, SUBTITLE]) == []
    with pytest.raises(ValueError):
        project.search("扶贫", fields=["headline"])


def test_pages_and_counts_cover_articles_found_only_by_their_titles(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    drafts = [
        ArticleDraft(
            title=f"扶贫第{i}篇" if i % 2 else f"第{i}篇", text="扶贫。" if i % 3 else "无。"
        )
        for i in range(30)
    ]
    project = _project(tmp_path / "pages.sqlite", shared_segmenter, drafts)
    whole = project.search("扶贫", limit=1000)
    listed, after = [], 0
    while True:
        page = project.search("扶贫", limit=4, after=after)
        listed.extend(page.articles)
        after = page.next_after
        if page.complete:
            break
    assert [a.article_id for a in listed] == [a.article_id for a in whole.articles]
    expected = [i for i in range(30) if i % 2 or i % 3]
    assert len(whole.articles) == len(expected)
    totals = project.count_matches("扶贫")
    title_hits = sum(1 for i in range(30) if i % 2)
    assert totals == SearchTotals(whole.total_hits or 0, len(expected), ((TITLE, title_hits),))
    project.close()


def test_editing_a_title_reindexes_it_and_undo_restores_it(project: Project) -> None:
    article_id = _ids(project)[0]
    project.update_article(article_id, title="幸福生活在苗寨")
    assert _hits(project, "十八洞") == []
    [(found, hit)] = _hits(project, "苗寨")
    assert (found, hit.field, hit.start) == (article_id, TITLE, 5)
    project.undo()
    assert _hits(project, "苗寨") == []
    assert [(a, h.field) for a, h in _hits(project, "十八洞")] == [(article_id, TITLE)]
    project.redo()
    assert [a for a, _ in _hits(project, "苗寨")] == [article_id]
    project.update_article(article_id, byline="特约记者 李四", subtitle="脱贫故事")
    assert [h.field for _, h in _hits(project, "李四 脱贫")] == [SUBTITLE, BYLINE]
    project.undo()
    assert _hits(project, "李四") == []
    assert _header_index_problems(project.path) == []


def test_split_and_merge_keep_the_header_index(project: Project) -> None:
    first, second = _ids(project)[:2]
    project.merge_with_next(first)  # the byline of the second article fills the first's
    assert [(a, h.field) for a, h in _hits(project, "贺佳")] == [(first, BYLINE)]
    assert _hits(project, "野家") == []  # its title went with it
    project.undo()
    assert [(a, h.field) for a, h in _hits(project, "野家")] == [(second, TITLE)]
    assert [(a, h.field) for a, h in _hits(project, "贺佳")] == [(second, BYLINE)]
    assert _header_index_problems(project.path) == []


def test_hits_equal_a_scan_of_every_field(corpus_project: Project) -> None:
    """Recall on the bundled corpus (real titles, kickers and bylines): every occurrence of
    every term in every field of each article holding all the terms somewhere."""
    articles = [corpus_project.article(i) for i in corpus_project.article_ids()]
    fields_seen = set()
    for query in ["湖南", "扶贫", "记者", "脱贫 攻坚", "村", "2020"]:
        terms = [t.folded for t in parse_query(query).positive_terms]
        expected = set()
        for article in articles:
            views = {f: fold_for_search(_value(article, f)) for f in SearchField.ALL}
            if not all(any(t in v for v in views.values()) for t in terms):
                continue
            for field, view in views.items():
                for term in terms:
                    expected |= {
                        (article.id, field, m.start(), m.end())
                        for m in re.finditer(re.escape(term), view)
                    }
        hits = _hits(corpus_project, query)
        assert {(a, h.field, h.start, h.end) for a, h in hits} == expected, query
        assert len(hits) == len(expected)
        totals = corpus_project.count_matches(query)
        assert totals is not None and totals.hits == len(expected)
        _check_offsets(corpus_project, hits)
        fields_seen |= {h.field for _, h in hits}
    assert fields_seen == set(SearchField.ALL)


def _value(article: object, field: str) -> str:
    return str(getattr(article, "text" if field == BODY else field))


def test_an_existing_project_gets_its_headers_indexed_by_the_migration(
    corpus_project_file: Path, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = tmp_path / "version8.sqlite"
    shutil.copyfile(corpus_project_file, path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE article_header_fts")  # as a file of format 8 was
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()
    project = Project(Store(path), shared_segmenter)
    assert project.store._value("PRAGMA user_version") == SCHEMA_VERSION
    first = project.article_ids()[0]
    title = project.article(first).title
    word = title[:2]
    found = [(h.field, h.start) for a, h in _hits(project, word, fields=[TITLE]) if a == first]
    assert found == [(TITLE, m.start()) for m in re.finditer(re.escape(word), title)]
    assert found
    assert _header_index_problems(path) == []
    project.close()


def test_articles_indexed_again_get_their_header_rows(corpus_project: Project) -> None:
    store = corpus_project.store
    first = store.article_ids()[0]
    title = store.article(first).title
    store.reset_search_index("1")
    assert _hits(corpus_project, title[:2], fields=[TITLE]) == []
    corpus_project.reindex()
    assert first in {a for a, _ in _hits(corpus_project, title[:2], fields=[TITLE])}
    assert _header_index_problems(corpus_project.path) == []


def _header_index_problems(path: Path) -> list[str]:
    """The header index holds one row per indexed article, made from its current fields,
    and passes FTS5's own check (which compares it with its content)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "INSERT INTO article_header_fts(article_header_fts) VALUES ('integrity-check')"
        )
        expected = {
            row[0]: tuple(header_document(fold_for_search(v)) for v in row[1:])
            for row in conn.execute(
                "SELECT a.id, a.title, a.subtitle, a.byline FROM articles a "
                "JOIN article_index i ON i.article_id = a.id"
            )
        }
        stored = {
            row[0]: tuple(row[1:])
            for row in conn.execute("SELECT rowid, title, subtitle, byline FROM article_header_fts")
        }
    finally:
        conn.close()
    return [
        f"article {k}" for k in expected.keys() | stored.keys() if expected.get(k) != stored.get(k)
    ]


@pytest.mark.parametrize(
    "fields",
    [
        ("湖南脫貧攻堅", "巩固成果\n推动振兴", "■记者 贺佳 冒藹"),
        ("", "", ""),
        ("𠮷野家", "ＡＢＣ\n臺灣", "記者 張三\n"),
    ],
)
def test_header_documents_are_each_fields_folded_view(fields: tuple[str, str, str]) -> None:
    documents = header_documents(*fields)
    assert documents == tuple(header_document(fold_for_search(f)) for f in fields)
    assert tuple(folded_of_document(d) for d in documents) == tuple(
        fold_for_search(f) for f in fields
    )
