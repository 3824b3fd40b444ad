"""Exact totals from the body index (search/totals.py) equal a brute-force count on the
folded texts and the sum over every page of the search, for every kind of query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hnreader.core.analysis.index import body_match
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.importer import analyse_text
from hnreader.core.models import ArticleDraft, SearchField
from hnreader.core.search.engine import count_articles, count_by_article, count_matches, search
from hnreader.core.search.query import parse_query
from hnreader.core.search.totals import can_count_from_index
from hnreader.core.store import SCHEMA_VERSION, Store
from hnreader.core.text.normalize import fold_for_search

ARTICLES = [  # (title, text)
    ("扶贫新闻", "精准扶贫，扶贫先扶志。贫困发生率从13.43%降至0.36%。"),
    ("全角", "贫困发生率１３．４３％，ＧＤＰ增长6.1%。扶\n贫不是扶 贫。"),
    ("哈哈", "哈哈哈，哈哈哈哈。——这是破折号——"),
    ("繁體", "脫貧攻堅，扶貧工作取得成效。𠮷野家𠮷"),
    ("Latin", "GDP and gdp; a b c, COVID-19 疫情。"),
    ("无关", "今天天气很好。"),
    ("标题扶贫", "正文没有那个词。"),
]

QUERIES = [
    "扶贫",
    "贫",
    "哈哈",
    "哈",
    "13.43%",
    "%",
    "。",
    "——",
    "gdp",
    "𠮷",
    "𠮷野家",
    "扶贫 OR 𠮷",
    "扶贫 13.43%",
    "扶贫 -哈哈",
    "扶贫 -GDP",
    '"a b"',
    "贫 扶",
    "covid-19",
    "没有的词",
]


@pytest.fixture(scope="module")
def store(shared_segmenter: Segmenter) -> Store:
    return _filled(Store(":memory:"), shared_segmenter)


def _filled(store: Store, segmenter: Segmenter) -> Store:
    """`store` with the ARTICLES, one source file each, indexed."""
    for number, (title, text) in enumerate(ARTICLES, start=1):
        _add(store, segmenter, f"{number}", title, text)
    return store


def _add(store: Store, segmenter: Segmenter, key: str, title: str, text: str) -> None:
    """One indexed article in a source file of its own named after `key`."""
    _figures, row = analyse_text(text, (), segmenter)
    store.add_source(
        name=f"{key}.txt",
        path=f"/tmp/{key}.txt",
        sha256=f"hash-{key}",
        encoding="utf-8",
        text=text,
        drafts=[ArticleDraft(title=title, text=text, date="2020-01-01")],
        figures=[[]],
        index_rows=[row],
    )


def _brute_force(
    query: str, fields: tuple[str, ...], articles_given: list[tuple[str, str]] | None = None
) -> tuple[int, int]:
    """(hits, articles) by str.count (non-overlapping, left to right) on the folded fields."""
    parsed = parse_query(query)
    hits = articles = 0
    for title, text in ARTICLES if articles_given is None else articles_given:
        views = {SearchField.BODY: fold_for_search(text), SearchField.TITLE: fold_for_search(title)}
        views = {field: view for field, view in views.items() if field in fields}
        if any(t.folded in view for t in parsed.excluded for view in views.values()):
            continue
        if not all(
            any(alt.folded in view for alt in group.alternatives for view in views.values())
            for group in parsed.groups
        ):
            continue
        articles += 1
        terms = dict.fromkeys(t.folded for t in parsed.positive_terms)
        hits += sum(view.count(term) for term in terms for view in views.values())
    return hits, articles


@pytest.mark.parametrize("fields", [(SearchField.BODY,), SearchField.ALL])
@pytest.mark.parametrize("query", QUERIES)
def test_totals_equal_brute_force_and_every_page(
    store: Store, shared_segmenter: Segmenter, query: str, fields: tuple[str, ...]
) -> None:
    totals = count_matches(store, shared_segmenter, query, fields=fields)
    assert totals is not None
    assert (totals.hits, totals.articles) == _brute_force(query, fields), query
    listed = search(store, shared_segmenter, query, fields=fields, limit=100)
    assert listed.complete
    assert totals.hits == sum(len(a.hits) for a in listed.articles)
    assert totals.articles == len(listed.articles)


def test_most_queries_are_counted_from_the_index() -> None:
    body = (SearchField.BODY,)
    counted = [q for q in QUERIES if can_count_from_index(parse_query(q), body, False)]
    assert set(QUERIES) - set(counted) == {'"a b"'}  # a space: the phrase is a superset
    assert not can_count_from_index(parse_query("扶贫"), body, True)  # whole words
    assert not can_count_from_index(parse_query("扶贫 贫"), SearchField.ALL, False)  # 2 groups
    assert can_count_from_index(parse_query("扶贫 OR 贫"), SearchField.ALL, False)


def test_totals_report_progress_and_can_be_cancelled(
    store: Store, shared_segmenter: Segmenter
) -> None:
    seen: list[int] = []
    count_matches(store, shared_segmenter, "扶贫", progress=lambda done, _last: seen.append(done))
    assert seen and seen[-1] == store.last_article_id()
    assert count_matches(store, shared_segmenter, "扶贫", is_cancelled=lambda: True) is None


def test_a_format_11_project_gets_every_character_indexed(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = tmp_path / "old.sqlite"
    _filled(Store(path), shared_segmenter).close()
    conn = sqlite3.connect(path)  # the body index as format 11 had it: punctuation dropped
    conn.execute("DROP TABLE article_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5(chars, content = '', columnsize = 0, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )
    for article_id, (_title, text) in enumerate(ARTICLES, start=1):
        conn.execute(
            "INSERT INTO article_fts(rowid, chars) VALUES (?, ?)",
            (article_id, " ".join(fold_for_search(text))),
        )
    conn.execute("PRAGMA user_version = 11")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store._value("PRAGMA user_version") == SCHEMA_VERSION
    assert store.fts_ids(body_match("13.43%")) == [1, 2]  # １３．４３％ is 13.43% too…
    assert store.fts_ids(body_match("。")) == [
        i for i, (_, t) in enumerate(ARTICLES, 1) if "。" in t
    ]
    assert store.fts_ids(body_match("1343")) == []  # … and no match across the '.'
    for query in QUERIES:
        totals = count_matches(store, shared_segmenter, query, fields=(SearchField.BODY,))
        assert totals is not None
        assert (totals.hits, totals.articles) == _brute_force(query, (SearchField.BODY,))


@pytest.mark.parametrize("fields", [(SearchField.BODY,), SearchField.ALL])
def test_the_article_count_comes_from_the_index_when_it_can(
    store: Store, shared_segmenter: Segmenter, fields: tuple[str, ...]
) -> None:
    for query in QUERIES:
        counted = count_articles(store, shared_segmenter, query, fields=fields)
        if can_count_from_index(parse_query(query), fields, False):
            assert counted == _brute_force(query, fields)[1], query
        else:
            assert counted is None, query
    assert count_articles(store, shared_segmenter, "扶贫", whole_words=True) is None
    assert count_articles(store, shared_segmenter, "-扶贫") is None  # nothing to look for


def test_excluded_articles_are_in_no_total(tmp_path: Path, shared_segmenter: Segmenter) -> None:
    store = _filled(Store(":memory:"), shared_segmenter)
    store.set_excluded([1, 3], True)  # 扶贫新闻 and 哈哈
    kept = [a for n, a in enumerate(ARTICLES, start=1) if n not in (1, 3)]
    for query in QUERIES:
        for fields in ((SearchField.BODY,), SearchField.ALL):
            totals = count_matches(store, shared_segmenter, query, fields=fields)
            assert totals is not None
            expected = _brute_force(query, fields, kept)
            assert (totals.hits, totals.articles) == expected, (query, fields)
            if can_count_from_index(parse_query(query), fields, False):
                assert count_articles(store, shared_segmenter, query, fields=fields) == expected[1]
        per_article = count_by_article(store, shared_segmenter, query, fields=(SearchField.BODY,))
        assert per_article is not None and not per_article.keys() & {1, 3}, query  # for trends
        assert sum(per_article.values()) == _brute_force(query, (SearchField.BODY,), kept)[0]


# Counting by position (search/positions.py): the same totals, whichever way is taken.


@pytest.fixture(params=["text", "position", "instances"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The totals made to count every query by the texts, every one by position, or by FTS5's
    instance counts where they apply (else by the texts)."""
    from hnreader.core.search import totals

    monkeypatch.setattr(totals, "prefer_positions", lambda *_: request.param == "position")
    if request.param != "instances":
        monkeypatch.setattr(totals, "counts_by_instances", lambda *_: None)
    return str(request.param)


@pytest.mark.parametrize("excluded", [(), (1, 3)])
def test_counting_by_position_or_by_text_gives_the_brute_force_totals(
    shared_segmenter: Segmenter, way: str, excluded: tuple[int, ...]
) -> None:
    store = _filled(Store(":memory:"), shared_segmenter)
    if excluded:
        store.set_excluded(list(excluded), True)
    kept = [a for n, a in enumerate(ARTICLES, start=1) if n not in excluded]
    for query in [*QUERIES, "哈哈哈", "——这", "天天", "ｇｄｐ", "扶贫 OR 扶贫", "贫 -哈"]:
        for fields in ((SearchField.BODY,), SearchField.ALL):
            totals = count_matches(store, shared_segmenter, query, fields=fields)
            assert totals is not None
            assert (totals.hits, totals.articles) == _brute_force(query, fields, kept), (
                way,
                query,
                fields,
            )
        per_article = count_by_article(store, shared_segmenter, query, fields=(SearchField.BODY,))
        assert per_article is not None
        expected = {
            n: _brute_force(query, (SearchField.BODY,), [article])[0]
            for n, article in enumerate(ARTICLES, start=1)
            if n not in excluded
        }
        assert per_article == {n: hits for n, hits in expected.items() if hits}, (way, query)


def test_overlapping_occurrences_are_counted_left_to_right_by_position(
    shared_segmenter: Segmenter,
) -> None:
    from hnreader.core.search.positions import has_border
    from hnreader.core.text.fts import body_tokens

    store = _filled(Store(":memory:"), shared_segmenter)
    assert [has_border(t) for t in ("哈哈", "——", "abab", "aba", "扶贫", "哈")] == [
        True,
        True,
        True,
        True,
        False,
        False,
    ]
    # 哈哈哈 (1) and 哈哈哈哈 (2) in article 3: `str.count`, not every overlapping place (5).
    assert dict(store.fts_phrase_counts(body_tokens("哈哈"), bordered=True)) == {3: 3}
    assert dict(store.fts_phrase_counts(body_tokens("哈哈"), bordered=False)) == {3: 5}
    assert dict(store.fts_phrase_counts(body_tokens("13.43%"), bordered=False)) == {1: 1, 2: 1}


class _Backend:
    """What `prefer_positions` reads, with made-up sizes, and the tokens it asked about."""

    def __init__(self, matching: int, occurrences: dict[str, int]) -> None:
        self.matching, self.occurrences, self.asked = matching, occurrences, []

    def fts_count(self, _match: str) -> int:
        return self.matching

    def mean_article_chars(self) -> float:
        return 1000.0

    def token_estimates(self, tokens: list[str]) -> dict[str, float]:
        self.asked.extend(tokens)
        return {token: float(self.occurrences.get(token, 0)) for token in tokens}


def test_the_cheaper_way_is_chosen() -> None:
    from hnreader.core.search import positions

    per_article = 1000 * positions.PER_CHAR_SQL
    cheap = round(per_article * 100 / positions.PER_POSITION)  # 100 articles' worth
    # A word in 200 articles whose characters occur half as often as reading them costs.
    backend = _Backend(200, {"扶": cheap // 2, "贫": cheap // 2})
    assert positions.prefer_positions(backend, ["扶贫"], "x", in_sql=True)  # type: ignore[arg-type]
    # The same characters, the word in 50 articles only: the texts are cheaper.
    backend = _Backend(50, {"扶": cheap // 2, "贫": cheap // 2, "1": 10 * cheap})
    assert not positions.prefer_positions(backend, ["扶贫"], "x", in_sql=True)  # type: ignore[arg-type]
    # A digit that alone costs more than the texts.
    backend = _Backend(200, {"1": 10 * cheap})
    assert not positions.prefer_positions(backend, ["13.43%"], "x", in_sql=False)  # type: ignore[arg-type]
    # No article matches: nothing is looked up.
    backend = _Backend(0, {})
    assert not positions.prefer_positions(backend, ["扶贫"], "x", in_sql=True)  # type: ignore[arg-type]
    assert backend.asked == []


def test_token_estimates_come_from_a_sample_kept_for_the_file(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    from hnreader.core.store import search_index
    from hnreader.core.text.fts import body_tokens

    path = tmp_path / "p.sqlite"
    store = _filled(Store(path), shared_segmenter)
    tokens = [body_tokens(c) for c in "贫。火"]
    exact = store.fts_token_totals(tokens)
    # Fewer articles than the sample: every text is read, so the estimate is the count.
    assert store.token_estimates(tokens) == pytest.approx({t: float(exact[t][1]) for t in tokens})
    other = Store(path, create=False)  # another connection (a search's): the same answers
    assert search_index._INDEX_ANSWERS[str(path)][1] is other._index_answers()
    _add_poor(other, shared_segmenter)
    token = body_tokens("贫")
    # The index changed (through the other connection): read again, on both.
    assert store.fts_token_totals([token])[token][1] == exact[token][1] + 2
    assert store.token_estimates([token])[token] == pytest.approx(exact[token][1] + 2)
    other.close()
    store.close()


def _add_poor(store: Store, segmenter: Segmenter) -> None:
    """One more article, 贫贫: a write to the body index."""
    _add(store, segmenter, "more", "更多", "贫贫")


def test_token_totals_are_read_again_after_a_write(shared_segmenter: Segmenter) -> None:
    from hnreader.core.text.fts import body_tokens

    store = _filled(Store(":memory:"), shared_segmenter)
    token = body_tokens("贫")
    before = store.fts_token_totals([token])[token]
    assert store.fts_token_totals([token])[token] == before  # remembered
    _add_poor(store, shared_segmenter)
    assert store.fts_token_totals([token])[token] == (before[0] + 1, before[1] + 2)


def test_article_counts_are_counted_again_after_a_write(shared_segmenter: Segmenter) -> None:
    from hnreader.core.analysis.index import body_match

    store = _filled(Store(":memory:"), shared_segmenter)
    match = body_match("扶贫")
    before = store.fts_count(match)
    assert before > 1 and store.fts_count(match) == before  # remembered
    first = store.fts_ids(match)[0]
    store.set_excluded([first], True)  # a write: the excluded article is no longer counted
    assert store.fts_count(match) == before - 1
    store.set_excluded([first], False)
    assert store.fts_count(match) == before


def test_a_body_token_is_counted_in_the_folded_text() -> None:
    from hnreader.core.text.fts import body_tokens, count_body_token

    folded = fold_for_search("增长13.43%，a b\n村村") + "％"  # and one not folded
    tokens = body_tokens(folded)
    for token in set(tokens):
        assert count_body_token(folded, token) == tokens.count(token), token


# FTS5's own instance counts (Store.fts_instance_counts), recovered from its bm25().


def _random_store(segmenter: Segmenter, seed: int) -> tuple[Store, dict[int, str]]:
    """Articles of a few characters repeated at random (many occurrences, some articles with
    hundreds), with ASCII, full-width and non-BMP characters; and their folded texts."""
    import random

    rng = random.Random(seed)
    alphabet = "扶贫精准村的。，%Ａa1 𠮷"
    store = Store(":memory:")
    texts = {}
    for number in range(1, 41):
        text = "".join(rng.choice(alphabet) for _ in range(rng.choice([5, 60, 400, 3000])))
        _add(store, segmenter, f"random-{seed}-{number}", f"随机{number}", text)
        texts[number] = fold_for_search(text)
    return store, texts


@pytest.mark.parametrize("seed", [1, 2])
def test_instance_counts_equal_str_count_for_terms_without_a_border(
    shared_segmenter: Segmenter, seed: int
) -> None:
    import random

    from hnreader.core.search.positions import has_border
    from hnreader.core.text.fts import body_tokens

    store, texts = _random_store(shared_segmenter, seed)
    rng = random.Random(seed)
    terms = ["扶贫", "精准扶贫", "。", "%", "a1", "𠮷", "村的", "贫困", "Ａa"]
    while len(terms) < 60:  # substrings of the texts: terms that occur
        text = texts[rng.randint(1, len(texts))]
        start = rng.randrange(len(text))
        terms.append(text[start : start + rng.randint(1, 4)])
    checked = 0
    for term in dict.fromkeys(fold_for_search(t) for t in terms):
        if has_border(term) or not term.strip():
            continue
        counts = store.fts_instance_counts(body_tokens(term))
        assert counts is not None, term
        expected = {n: text.count(term) for n, text in texts.items() if term in text}
        assert dict(counts) == expected, term
        checked += 1
    assert checked >= 20


def test_instance_counts_are_refused_when_they_cannot_be_exact(
    shared_segmenter: Segmenter,
) -> None:
    from hnreader.core.search.candidates import fts_expression
    from hnreader.core.search.positions import counts_by_instances
    from hnreader.core.text.fts import body_tokens

    store = _filled(Store(":memory:"), shared_segmenter)
    # A bordered term: FTS5 counts the overlapping places too (5 in 哈哈哈，哈哈哈哈).
    assert dict(store.fts_instance_counts(body_tokens("哈哈")) or {}) == {3: 5}
    parsed = parse_query("哈哈")
    assert counts_by_instances(store, parsed, ["哈哈"], fts_expression(parsed)) is None
    assert store.fts_instance_counts(body_tokens("没有的词")) == []
    # Inside a write transaction the averages record is not written yet.
    store._conn.execute("BEGIN")
    try:
        assert store.fts_instance_counts(body_tokens("扶贫")) is None
    finally:
        store._conn.execute("ROLLBACK")
    # An averages record that does not fit the index: the recovered counts are not whole.
    row_count = store._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert row_count == len(ARTICLES)
    store._conn.execute("UPDATE article_fts_data SET block = ? WHERE id = 1", (bytes([100, 5]),))
    assert store.fts_instance_counts(body_tokens("扶贫")) is None
