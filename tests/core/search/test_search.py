"""search() over a real in-memory FTS5 table built with search_index (the store's schema)."""

from __future__ import annotations

import re
import sqlite3
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from hnreader import paths
from hnreader.core.analysis.index import (
    TOKEN_END,
    TOKEN_START,
    WORD_BOUNDARY,
    body_match,
    body_match_is_exact,
    build_index_entry,
    header_match,
    header_match_is_exhaustive,
)
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.importer import analyse_text
from hnreader.core.models import ArticleDraft, QueryError, SearchResult, SearchTotals
from hnreader.core.search.candidates import fts_expression
from hnreader.core.search.engine import (
    MatchRow,
    count_matches,
    search,
    search_article,
)
from hnreader.core.search.query import parse_query
from hnreader.core.store import HeaderRow, Store
from hnreader.core.store.schema import BODY_FTS_SCHEMA
from hnreader.core.text.fts import chars_document, fts_document, header_document
from hnreader.core.text.normalize import fold_for_search, normalise_stored_text


class FakeBackend:
    """The SearchBackend protocol on a real Store in memory, recording the FTS expressions."""

    def __init__(self, segmenter: Segmenter, articles: list[tuple[str, str, str]]) -> None:
        self.store = Store(":memory:")
        self.texts: dict[int, str] = {}
        self.fields: dict[int, dict[str, str]] = {}  # each field's stored text
        self.briefs: dict[int, tuple[str, str, str]] = {}
        self.matches: list[str | None] = []
        self.header_matches: list[str] = []
        self.rows_read: list[int] = []
        self.headers_read: list[int] = []
        for number, (title, date, text) in enumerate(articles, start=1):
            _figures, row = analyse_text(text, (), segmenter)
            [article_id] = self.store.add_source(
                name="test.txt",
                path="/tmp/test.txt",
                sha256=f"hash-{number}",
                encoding="utf-8",
                text=text,
                drafts=[ArticleDraft(title=title, text=text, date=date)],
                figures=[[]],
                index_rows=[row],
            )
            self.texts[article_id] = text
            self.fields[article_id] = {"title": title, "subtitle": "", "byline": "", "body": text}
            self.briefs[article_id] = (title, date, "test.txt")

    def fts_page(self, match: str | None, after: int, limit: int) -> list[int]:
        self.matches.append(match)
        return self.store.fts_page(match, after, limit)

    def header_fts_page(self, match: str, after: int, limit: int) -> list[int]:
        self.header_matches.append(match)
        return self.store.header_fts_page(match, after, limit)

    def __getattr__(self, name: str) -> object:
        # The totals' index counts (fts_count, fts_body_hits, fts_texts…) of the real Store.
        return getattr(self.store, name)

    def match_rows(self, ids: Sequence[int]) -> dict[int, MatchRow]:
        self.rows_read.extend(ids)
        return self.store.match_rows(ids)

    def header_rows(self, ids: Sequence[int]) -> dict[int, HeaderRow]:
        self.headers_read.extend(ids)
        return self.store.header_rows(ids)

    def article_briefs(self, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        return self.store.article_briefs(ids)


SYNTHETIC = [
    ("精准扶贫", "2020-01-01", "坚持精准扶贫工作。\n湖南省花垣县十八洞村。"),
    ("湖南", "2020-01-02", "湖南，是个好地方。湖南省很大。"),
    ("吉", "2020-01-03", "𠮷野家𠮷在湖南扶贫，１３．４３％的人。"),
    ("繁体", "2020-01-04", "湖南脫貧攻堅取得成效。"),
    ("哈", "2020-01-05", "哈哈哈哈哈，村里笑声。"),
    ("乡村", "2020-01-06", "扶贫与乡村振兴衔接。"),
    ("农村", "2020-01-07", "扶贫要看农村的发展。"),
    ("城市", "2020-01-08", "扶贫也在城市里进行。\n第二段没有那个词。"),
    ("ascii", "2020-01-09", "GDP增长，2019年数据，x2019y。"),
    ("词", "2020-01-10", "这事与湖南省有关。"),
]


def _corpus_articles() -> list[tuple[str, str, str]]:
    articles = []
    for number, path in enumerate(sorted(paths.bundled_corpus_dir().glob("*.txt"))):
        text = normalise_stored_text(path.read_text(encoding="utf-8"))
        for part, chunk in enumerate(re.split(r"\n\s*\n\s*\n", text)):
            chunk = chunk.strip("\n")
            if chunk:
                articles.append((f"{path.stem}#{part}", f"2020-0{number + 1}-01", chunk))
    return articles


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    return Segmenter(cache_dir=tmp_path_factory.mktemp("jieba"))


@pytest.fixture(scope="module")
def backend(segmenter: Segmenter) -> FakeBackend:
    return FakeBackend(segmenter, SYNTHETIC)


@pytest.fixture(scope="module")
def corpus_backend(segmenter: Segmenter) -> FakeBackend:
    return FakeBackend(segmenter, _corpus_articles())


def _hits(result: SearchResult) -> list[tuple[str, int, int, str, str]]:
    """The body hits (the titles here name the articles, and hold some of the words)."""
    return [
        (a.title, h.start, h.end, h.text, h.match) for a in result.articles for h in a.body_hits
    ]


def _check_offsets(backend: FakeBackend, result: SearchResult) -> None:
    for article in result.articles:
        for hit in article.hits:
            text = backend.fields[article.article_id][hit.field]
            assert text[hit.start : hit.end] == hit.text
            assert text[: hit.start].endswith(hit.left)
            assert text[hit.end :].startswith(hit.right)
            assert "\n" not in hit.left and "\n" not in hit.right


def test_two_character_word_inside_a_longer_word_is_found(
    backend: FakeBackend, segmenter: Segmenter
) -> None:
    result = search(backend, segmenter, "扶贫")
    hits = [h for h in _hits(result) if h[0] == "精准扶贫"]
    assert hits == [("精准扶贫", 4, 6, "扶贫", "subword")]
    _check_offsets(backend, result)


def test_single_character_found_everywhere(
    corpus_backend: FakeBackend, segmenter: Segmenter
) -> None:
    result = search(corpus_backend, segmenter, "村", limit=10_000)
    expected = sum(fold_for_search(t).count("村") for t in corpus_backend.texts.values())
    assert expected > 50
    assert result.total_hits == expected
    assert sum(len(a.hits) for a in result.articles) == expected
    _check_offsets(corpus_backend, result)


def test_word_subword_and_substring(backend: FakeBackend, segmenter: Segmenter) -> None:
    result = search(backend, segmenter, "湖南", limit=100)
    by_title = {}
    for title, start, _end, _text, kind in _hits(result):
        by_title.setdefault(title, []).append((start, kind))
    assert by_title["湖南"] == [(0, "word"), (9, "subword")]  # 湖南， / 湖南省
    result = search(backend, segmenter, "南省", limit=100)
    kinds = {h[4] for h in _hits(result)}
    assert kinds == {"substring"}
    assert result.total_hits == 3  # each inside 湖南省, in three articles
    whole = search(backend, segmenter, "南省", whole_words=True)
    assert whole.total_hits == 0 and whole.articles == ()


def test_whole_words_mode_keeps_word_and_subword_hits(
    backend: FakeBackend, segmenter: Segmenter
) -> None:
    result = search(backend, segmenter, "湖南", whole_words=True, limit=100)
    assert result.total_hits > 0
    assert all(h.whole_word for a in result.articles for h in a.hits)
    everything = search(backend, segmenter, "湖南", limit=100)
    assert everything.total_hits >= result.total_hits


def test_full_width_and_traditional_queries(backend: FakeBackend, segmenter: Segmenter) -> None:
    result = search(backend, segmenter, "13.43%")
    assert [(h[0], h[3]) for h in _hits(result)] == [("吉", "１３．４３％")]
    result = search(backend, segmenter, "脫貧")
    assert [(h[0], h[3]) for h in _hits(result)] == [("繁体", "脫貧")]
    result = search(backend, segmenter, "１３．４３％")
    assert result.total_hits == 1


def test_astral_character_before_a_hit(backend: FakeBackend, segmenter: Segmenter) -> None:
    result = search(backend, segmenter, "扶贫")
    article = next(a for a in result.articles if a.title == "吉")
    text = backend.texts[article.article_id]
    assert [(h.start, h.end) for h in article.hits] == [(text.index("扶贫"), 9)]
    assert text[article.hits[0].start : article.hits[0].end] == "扶贫"
    result = search(backend, segmenter, "𠮷野家")
    assert [(h[1], h[2]) for h in _hits(result)] == [(0, 3)]


def test_quoted_phrase_and_exclusion_and_or(backend: FakeBackend, segmenter: Segmenter) -> None:
    result = search(backend, segmenter, '"乡村 振兴"')
    assert {a.title for a in result.articles} == {"乡村"}
    result = search(backend, segmenter, "扶贫 -城市 -十八洞村 -𠮷")
    assert {a.title for a in result.articles} == {"乡村", "农村"}
    result = search(backend, segmenter, "扶贫 乡村 OR 农村")
    assert {a.title for a in result.articles} == {"乡村", "农村"}
    hits = {h[3] for h in _hits(result)}
    assert hits == {"扶贫", "乡村", "农村"}


def test_overlapping_occurrences_are_not_counted(
    backend: FakeBackend, segmenter: Segmenter
) -> None:
    result = search(backend, segmenter, "哈哈")
    assert [(h[1], h[2]) for h in _hits(result)] == [(0, 2), (2, 4)]


def test_kwic_does_not_cross_paragraphs(backend: FakeBackend, segmenter: Segmenter) -> None:
    result = search(backend, segmenter, "城市", context_chars=30)
    (hit,) = result.articles[0].body_hits
    assert (hit.left, hit.right) == ("扶贫也在", "里进行。")


def test_results_come_in_corpus_order_a_page_at_a_time(segmenter: Segmenter) -> None:
    articles = [(f"a{i}", "2020-01-01", "湖南扶贫。" if i % 3 else "没有。") for i in range(20)]
    backend = FakeBackend(segmenter, articles)
    first = search(backend, segmenter, "扶贫", limit=5)
    assert [a.title for a in first.articles] == ["a1", "a2", "a4", "a5", "a7"]
    assert not first.complete and first.total_hits is None and first.total_articles is None
    assert first.next_after == first.articles[-1].article_id
    listed = list(first.articles)
    page = first
    while not page.complete:
        page = search(backend, segmenter, "扶贫", limit=5, after=page.next_after)
        assert page.total_hits is None  # a later page never claims totals
        listed.extend(page.articles)
    assert [a.title for a in listed] == [f"a{i}" for i in range(20) if i % 3]
    assert count_matches(backend, segmenter, "扶贫") == SearchTotals(len(listed), len(listed))
    whole = search(backend, segmenter, "扶贫", limit=100)
    assert whole.complete and whole.total_articles == len(listed) == whole.total_hits


def test_a_page_reads_only_the_candidates_it_needs(segmenter: Segmenter) -> None:
    backend = FakeBackend(segmenter, [(f"a{i}", "", "扶贫。") for i in range(300)])
    backend.matches.clear()
    result = search(backend, segmenter, "扶贫", limit=10)
    assert len(result.articles) == 10 and not result.complete
    assert len(backend.matches) == 2  # one batch of 10, then "is there any more?"


def test_count_matches_agrees_with_whole_words_and_can_be_cancelled(
    corpus_backend: FakeBackend, segmenter: Segmenter
) -> None:
    for whole_words in (False, True):
        full = search(corpus_backend, segmenter, "扶贫", whole_words=whole_words, limit=100_000)
        counted = count_matches(corpus_backend, segmenter, "扶贫", whole_words=whole_words)
        assert counted is not None
        assert (counted.hits, counted.articles) == (full.total_hits, full.total_articles)
    assert count_matches(corpus_backend, segmenter, "扶贫", is_cancelled=lambda: True) is None
    assert count_matches(corpus_backend, segmenter, "-，。") is None  # nothing to look for
    seen: list[int] = []
    count_matches(corpus_backend, segmenter, "村", progress=lambda done, _last: seen.append(done))
    assert seen and seen[-1] >= 1


def test_search_article_finds_the_hits_of_one_article(
    backend: FakeBackend, segmenter: Segmenter
) -> None:
    article_id = next(i for i, b in backend.briefs.items() if b[0] == "湖南")
    hits = search_article(backend, segmenter, "湖南", article_id)
    assert hits is not None and [(h.field, h.start, h.match) for h in hits.hits] == [
        ("title", 0, "word"),
        ("body", 0, "word"),
        ("body", 9, "subword"),
    ]
    assert search_article(backend, segmenter, "南省", article_id, whole_words=True) is None
    assert search_article(backend, segmenter, "火星", article_id) is None
    commas = search_article(backend, segmenter, "，", article_id)  # punctuation is found too
    assert commas is not None and {h.text for h in commas.hits} == {"，"}
    assert search_article(backend, segmenter, "湖南", 99_999) is None


def test_limit_caps_articles(corpus_backend: FakeBackend, segmenter: Segmenter) -> None:
    result = search(corpus_backend, segmenter, "扶贫", limit=3)
    assert len(result.articles) == 3 and not result.complete
    totals = count_matches(corpus_backend, segmenter, "扶贫")
    assert totals is not None
    assert totals.articles > 3 and totals.hits > sum(len(a.hits) for a in result.articles)
    empty = search(corpus_backend, segmenter, "扶贫", limit=0)
    assert empty.articles == () and empty.complete


def test_segments_use_the_domain_dictionary(backend: FakeBackend, segmenter: Segmenter) -> None:
    assert search(backend, segmenter, "脱贫攻坚成果").segments == ("脱贫攻坚", "成果")


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "-",
        "*",
        "AND",
        "NEAR(a b)",
        "扶贫 AND",
        ":",
        "^",
        "a:b",
        "(",
        ")",
        "{",
        "🙂",
        "   ",
        "，。！",
        "扶" * 10_000,
        "扶贫 " * 2_000,
        "NOT 扶贫",
        "扶贫 OR",
        "OR",
        '-"扶贫',
        "\x00扶贫\x07",
        "\ud800",
        "x*y^z",
        "'",
        "扶贫'",
        'a"b',
        "\u3000\u3000",
    ],
)
def test_hostile_queries(backend: FakeBackend, segmenter: Segmenter, query: str) -> None:
    try:
        result = search(backend, segmenter, query)
    except QueryError as error:
        assert str(error)
        return
    assert isinstance(result, SearchResult)
    if not result.articles:
        assert result.total_hits == 0 or result.message == ""
    _check_offsets(backend, result)


def test_nothing_searchable_gives_a_message(backend: FakeBackend, segmenter: Segmenter) -> None:
    assert search(backend, segmenter, "").message == "The query is empty"
    result = search(backend, segmenter, "-，")
    assert result.message == "The query has only punctuation; type a word to search"
    assert result.total_hits == 0


def test_punctuation_and_symbols_alone_are_found_where_they_are(
    backend: FakeBackend, segmenter: Segmenter
) -> None:
    for query in ("。", "%", "，", "——"):
        result = search(backend, segmenter, query, limit=100_000)
        assert result.message == ""
        _check_offsets(backend, result)
        hits = sum(len(a.hits) for a in result.articles)
        expected = sum(
            fold_for_search(text).count(fold_for_search(query))
            for fields in backend.fields.values()
            for text in fields.values()
        )
        assert hits == expected, query


CROSS_CHECK = ["扶贫", "村", "湖南", "脱贫攻坚", "13.43%", "2019", "%", "贫困 人口", "0.36"]


@pytest.mark.parametrize("query", CROSS_CHECK)
def test_hits_equal_a_regex_scan(
    corpus_backend: FakeBackend, segmenter: Segmenter, query: str
) -> None:
    try:
        parsed = parse_query(query)
    except QueryError:
        assert query == "%"
        return
    terms = [t.folded for t in parsed.positive_terms]
    expected = set()
    for article_id, text in corpus_backend.texts.items():
        folded = fold_for_search(text)
        if not all(t in folded for t in terms):
            continue
        for term in terms:
            expected |= {
                (article_id, m.start(), m.end()) for m in re.finditer(re.escape(term), folded)
            }
    result = search(corpus_backend, segmenter, query, limit=100_000)
    found = {(a.article_id, h.start, h.end) for a in result.articles for h in a.hits}
    assert found == expected
    assert result.total_hits == len(expected)
    assert expected


def test_fts_expressions_are_valid_for_any_term() -> None:
    db = sqlite3.connect(":memory:")
    db.execute(BODY_FTS_SCHEMA.replace("article_fts", "t"))
    db.execute("CREATE VIRTUAL TABLE h USING fts5(chars, columnsize = 0, tokenize = 'ascii')")
    text = '精准扶贫 gdp 2019年，13.43%“引号”"a"b'
    db.execute("INSERT INTO t(rowid, chars) VALUES (1, ?)", (chars_document(text),))
    db.execute("INSERT INTO h(rowid, chars) VALUES (1, ?)", (header_document(text),))
    terms = [
        '"',
        '""',
        'a"b',
        "*",
        "AND",
        "NEAR(a b)",
        ":",
        "^",
        "(",
        ")",
        "{",
        "}",
        "🙂",
        "-",
        "a:b",
        "x" * 500,
        "扶" * 500,
        "\u0300",
        "\ufffd",
        "+",
        "扶贫",
        "gdp",
        "019",
        "'",
        "\x00",
        " ",
    ]
    for term in terms:
        db.execute("SELECT rowid FROM t WHERE t MATCH ?", (body_match(term),)).fetchall()
        db.execute("SELECT rowid FROM h WHERE h MATCH ?", (header_match(term, ["chars"]),))
    # Every character is indexed in the body: punctuation, quotes, per cent signs.
    for term in ("扶贫", "gdp", "019", "9年", "精准扶贫 gdp", "，", "13.43%", "“引号”", '"a"', "%"):
        found = db.execute("SELECT rowid FROM t WHERE t MATCH ?", (body_match(term),))
        assert found.fetchall() == [(1,)], term
        assert body_match_is_exact(term) == (" " not in term)
    # ... and only where they stand: no match across a character that is not in the term.
    for term in ("1343", "扶贫gdp", "年13", "2019年13", "a b"):
        found = db.execute("SELECT rowid FROM t WHERE t MATCH ?", (body_match(term),))
        assert found.fetchall() == [], term
    assert body_match("扶贫") == 'chars : "扶 贫"'
    assert body_match("13.43%") == 'chars : "1 3 ． 4 3 ％"'
    assert header_match("13.43%", ["chars"]) == 'chars : "1 3 ． 4 3 ％"'
    assert header_match("a b", ["chars"]) == 'chars : "a b"'  # the space is no token there
    for term in ("13.43%", "，", "扶贫", "gdp 2019"):  # the header index finds punctuation too
        found = db.execute("SELECT rowid FROM h WHERE h MATCH ?", (header_match(term, ["chars"]),))
        assert found.fetchall() == [(1,)], term
    assert header_match_is_exhaustive("019") and header_match_is_exhaustive("%，")
    assert not header_match_is_exhaustive(" ")
    assert fts_expression(parse_query("扶贫 %，")) is not None
    expression = fts_expression(parse_query('扶贫 "a b" OR c -d'))
    db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_index_flags(segmenter: Segmenter) -> None:
    text = "湖南省花垣县十八洞村，建档立卡贫困户"
    entry = build_index_entry(text, segmenter)
    flags = zlib.decompress(entry.flags)
    assert len(flags) == len(text) + 1
    assert flags[0] & WORD_BOUNDARY and flags[3] & WORD_BOUNDARY and not flags[1] & WORD_BOUNDARY
    assert flags[0] & TOKEN_START and flags[2] & TOKEN_END  # 湖南 inside 湖南省
    assert flags[11] & TOKEN_START and flags[15] & TOKEN_END  # 建档立卡 inside the longer word
    assert entry.folded is None  # nothing for OpenCC to change: the store keeps no copy
    assert fts_document(text, entry.folded).split()[:3] == ["湖", "南", "省"]
    traditional = build_index_entry("湖南脫貧", segmenter)
    assert traditional.folded == "湖南脱贫"
    assert fts_document("湖南脫貧", traditional.folded) == "湖 南 脱 贫"


def test_the_fake_backend_is_built_from_the_corpus(corpus_backend: FakeBackend) -> None:
    assert len(corpus_backend.texts) >= 5
    assert Path(paths.bundled_corpus_dir()).is_dir()


def test_headers_are_read_only_where_the_header_index_found_a_term(
    backend: FakeBackend, segmenter: Segmenter
) -> None:
    """The header of a candidate is read only when its title, subtitle or byline may hold a
    term (the header index says so), or when an excluded term could be there."""
    by_title = {brief[0]: article_id for article_id, brief in backend.briefs.items()}
    backend.headers_read.clear()
    result = search(backend, segmenter, "扶贫", limit=100)
    assert backend.headers_read == [by_title["精准扶贫"]]
    assert {a.article_id for a in result.articles} >= {by_title["乡村"], by_title["农村"]}
    backend.headers_read.clear()
    totals = count_matches(backend, segmenter, "扶贫")
    assert backend.headers_read == [by_title["精准扶贫"]]
    assert totals is not None and totals.in_field("title") == 1
    backend.headers_read.clear()
    backend.rows_read.clear()
    result = search(backend, segmenter, "扶贫 -乡村", limit=100)
    assert by_title["乡村"] not in {a.article_id for a in result.articles}
    assert backend.headers_read == backend.rows_read and len(backend.rows_read) > 1
    backend.headers_read.clear()
    search(backend, segmenter, "扶贫", fields=["body"], limit=100)
    assert backend.headers_read == []
