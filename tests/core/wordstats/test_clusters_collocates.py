"""Clusters and collocates (vectorised, issue 16) against brute force: every article cut into
words again, Counters, on a corpus with non-BMP characters, punctuation, an excluded article,
and subsets by date, by tag (its articles, the text inside and outside its passages)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.coding_analysis.corpus import AnalysisCancelled, CodingFilter
from hnreader.core.coding_analysis.spans import merged
from hnreader.core.project import Project
from hnreader.core.store import Store
from hnreader.core.text.normalize import fold_for_search
from hnreader.core.wordstats import clusters
from hnreader.core.wordstats.clusters import ClusterTotals, split_words
from hnreader.core.wordstats.subsets import ARTICLES, INSIDE, OUTSIDE, WordSubset
from hnreader.core.wordstats.tokens import is_date, is_punctuation
from hnreader.core.wordstats.wordlist import WordFilters

CSV = """title,text,date,publication
𠮷野家,"𠮷野家开业了！群众很高兴，群众说好。𠮷野家的𠮷字。
第二段：精准扶贫，产业扶贫（产业扶贫）。",2020-03-05,湖南日报
扶贫新闻,"精准扶贫带动增收。产业扶贫带动增收，群众增收。
产业扶贫又说一次——精准扶贫很重要!!",2020-04-10,湖南日报
繁體,"產業扶貧帶動群眾增收。經濟發展。產業扶貧",2019-06-01,新华社
年终,"年终总结说扶贫……产业兴旺，群众满意。2019年增收13.43%。产业扶贫带动增收。",2019-12-31,新华社
排除,"排除的文章也说产业扶贫带动增收，群众增收。",2019-07-01,新华社
"""


@pytest.fixture
def project(tmp_path: Path, shared_segmenter: Segmenter) -> Iterator[Project]:
    source = tmp_path / "news.csv"
    source.write_text(CSV, encoding="utf-8")
    project = Project(Store(tmp_path / "words.sqlite"), shared_segmenter, coder="amy")
    assert project.import_paths([source]).added_articles == 5
    ids = _ids(project)
    project.exclude_articles([ids["排除"]])
    tag = project.add_tag("扶贫").result_id
    for title, passage in (("扶贫新闻", "产业扶贫带动增收，群众"), ("𠮷野家", "𠮷野家开业了")):
        text = project.article(ids[title]).text
        start = text.index(passage)
        project.annotate(ids[title], start, start + len(passage), [tag])
    project.annotate(ids["扶贫新闻"], 0, 4, [tag])  # 精准扶贫: a second passage
    yield project
    project.close()


def _ids(project: Project) -> dict[str, int]:
    return {project.article(i).title: i for i in project.article_ids()}


def _subsets(project: Project) -> list[WordSubset]:
    tag = project.tag_by_name("扶贫").id
    return [
        WordSubset(),
        WordSubset(CodingFilter(date_from="2020-03", date_to="2020-03")),
        WordSubset(CodingFilter(date_to="2019-12-30")),
        WordSubset(tag_ids=(tag,)),
        WordSubset(tag_ids=(tag,), part=INSIDE),
        WordSubset(tag_ids=(tag,), part=OUTSIDE),
    ]


def brute_tokens(project: Project, subset: WordSubset) -> dict[int, list[tuple[str, int, int]]]:
    """Each article of the subset cut again whole (whitespace out), its words kept by the
    subset: all, or those wholly inside (outside) the tag's merged passages."""
    excluded = set(project.store.excluded_ids())
    tag_ids = set(subset.tag_ids)
    passages: dict[int, list[tuple[int, int]]] = {}
    for article_id in project.article_ids():
        for note in project.annotations(article_id=article_id):
            if tag_ids & set(note.tag_ids):
                passages.setdefault(article_id, []).append((note.start, note.end))
    found: dict[int, list[tuple[str, int, int]]] = {}
    for article_id in project.article_ids():
        article = project.article(article_id)
        if article_id in excluded or not subset.selection.keeps_date(article.date):
            continue
        if subset.tag_ids and subset.part != OUTSIDE and article_id not in passages:
            continue
        spans = merged(passages.get(article_id, []))
        at, words = 0, []
        for word in project.segmenter.cut(fold_for_search(article.text)):
            start, at = at, at + len(word)
            if word.isspace():
                continue
            inside = any(s <= start and at <= e for s, e in spans)
            if subset.part == ARTICLES or inside == (subset.part == INSIDE):
                words.append((word, start, at))
        found[article_id] = words
    return found


def brute_clusters(
    per_article: dict[int, list[tuple[str, int, int]]], n: int, filters: WordFilters
) -> tuple[Counter[str], Counter[str], int]:
    freq: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    total = 0
    for words in per_article.values():
        seen: set[str] = set()
        plain = [w for w, _, _ in words]
        total += sum(1 for w in plain if not is_punctuation(w))
        for i in range(len(plain) - n + 1):
            gram = plain[i : i + n]
            if any(is_punctuation(w) for w in gram):
                continue
            if not (filters.keeps(gram[0]) and filters.keeps(gram[-1])):
                continue
            freq[" ".join(gram)] += 1
            seen.add(" ".join(gram))
        spread.update(seen)
    return freq, spread, total


def test_the_fixture_has_what_the_comparisons_need(project: Project) -> None:
    inside = brute_tokens(project, _subsets(project)[4])
    assert len(inside) == 2 and all(inside.values())
    assert "精准扶贫" in {w for words in inside.values() for w, _, _ in words}  # the second passage
    whole = brute_tokens(project, WordSubset())
    assert len(whole) == 4 and "𠮷" in {w for words in whole.values() for w, _, _ in words}


@pytest.mark.parametrize("n", [2, 3, 4])
def test_clusters_equal_brute_force_in_every_subset(project: Project, n: int) -> None:
    filters = [
        WordFilters(exclude_numbers=False),
        WordFilters(min_length=2, stop_words=frozenset({"群众"})),
    ]
    for subset in _subsets(project):
        per_article = brute_tokens(project, subset)
        for chosen in filters:
            listed = project.word_list(subset, chosen, n=n)
            freq, spread, total = brute_clusters(per_article, n, chosen)
            assert {r.word: (r.freq, r.range) for r in listed.rows} == {
                g: (f, spread[g]) for g, f in freq.items()
            }, (subset, chosen)
            assert (listed.total, listed.articles, listed.types) == (
                total,
                len(per_article),
                len(freq),
            )
            ranked = [(-r.freq, -r.range) for r in listed.rows]
            assert ranked == sorted(ranked)
    assert project.word_list(n=2, limit=3).rows == project.word_list(n=2).rows[:3]


def test_collocates_equal_brute_force_in_every_subset(project: Project) -> None:
    window = 3
    for subset in _subsets(project):
        together: Counter[str] = Counter()
        left: Counter[str] = Counter()
        nodes = pairs = 0
        for words in brute_tokens(project, subset).values():
            plain = [w for w, _, _ in words if not is_punctuation(w)]
            for i, word in enumerate(plain):
                if word != "扶贫":
                    continue
                nodes += 1
                before, after = plain[max(0, i - window) : i], plain[i + 1 : i + 1 + window]
                together.update(before + after)
                left.update(before)
                pairs += (before + after).count("产业")
        result = project.collocates(
            "扶贫", subset, WordFilters(exclude_numbers=False), window=window, min_together=1
        )
        assert result.node_freq == nodes, subset
        assert {r.word: (r.together, r.left) for r in result.rows} == {
            w: (n, left[w]) for w, n in together.items() if w != "扶贫"
        }, subset
        assert result.window_words == sum(together.values())
        lines = project.collocate_lines("扶贫", "产业", subset, window=window)
        assert len(lines) == pairs


def test_split_words_at_c_speed_and_one_by_one_agree() -> None:
    texts = ["𠮷野家开业了。", "", "群众\n很高兴", "a"]
    cuts = [[0, 3, 5, 6, 7], [0], [0, 2, 3, 4, 6], [0, 1]]
    flags = []
    for text, cut in zip(texts, cuts, strict=True):
        marks = bytearray(len(text) + 1)
        for at in cut:
            marks[at] = 1
        flags.append(bytes(marks))
    words, number, starts = split_words(texts, flags)
    assert words == ["𠮷野家", "开业", "了", "。", "群众", "\n", "很", "高兴", "a"]
    assert number.tolist() == [0, 0, 0, 0, 2, 2, 2, 2, 3]
    assert starts.tolist() == [0, 3, 5, 6, 0, 2, 3, 4, 0]
    with_nul = split_words(["群众\0很", "好"], [b"\x01\x00\x01\x01\x01", b"\x01\x01"])
    assert with_nul[0] == ["群众", "\0", "很", "好"]  # sliced one by one
    assert with_nul[1].tolist() == [0, 0, 0, 1]


@pytest.mark.parametrize("size", [50, 3_100_000])  # one key column, or two
def test_cluster_totals_merge_in_pieces(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(clusters, "_PENDING", 7)  # merged every few articles
    rng = np.random.default_rng(16)
    totals = ClusterTotals(4, size)
    assert totals.columns == (1 if size == 50 else 2)
    freq: Counter[tuple[int, ...]] = Counter()
    spread: Counter[tuple[int, ...]] = Counter()
    for article in range(40):
        grams = rng.integers(0, 6, size=(int(rng.integers(0, 9)), 4)) * (size // 6)
        totals.add(grams, np.full(len(grams), article, dtype=np.int64))
        freq.update(map(tuple, grams.tolist()))
        spread.update(set(map(tuple, grams.tolist())))
    keys, f, r = totals.totals()
    got = [tuple(g) for g in totals.ids_of(keys).tolist()]
    assert got == sorted(freq)  # ascending, as the ids read left to right
    assert f.tolist() == [freq[g] for g in got]
    assert r.tolist() == [spread[g] for g in got]


def test_dates_are_left_out_when_asked(project: Project) -> None:
    dates = WordFilters(exclude_numbers=False, exclude_dates=True)
    everything = WordFilters(exclude_numbers=False)
    words = {r.word for r in project.word_list(filters=everything).rows}
    assert "年" in words
    left = {r.word for r in project.word_list(filters=dates).rows}
    assert words - left == {w for w in words if is_date(w)} and "2019" in left
    for n in (2, 3):
        per_article = brute_tokens(project, WordSubset())
        listed = project.word_list(filters=dates, n=n)
        freq, _, _ = brute_clusters(per_article, n, dates)
        assert {r.word: r.freq for r in listed.rows} == dict(freq)
        assert not any(
            is_date(r.word.split()[0]) or is_date(r.word.split()[-1]) for r in listed.rows
        )
    keyness = project.keyness(WordSubset(CodingFilter(date_from="2020")), WordSubset(), dates)
    assert not any(is_date(r.word) for r in keyness.rows)
    near = project.collocates("增收", filters=dates, window=5, min_together=1)
    assert near.rows and not any(is_date(r.word) for r in near.rows)
    assert "年" in {
        r.word
        for r in project.collocates("增收", filters=everything, window=5, min_together=1).rows
    }


@pytest.mark.parametrize(
    ("word", "date"),
    [
        ("年", True),
        ("3月", True),
        ("2019年", True),
        ("十二月", True),
        ("8时", True),
        ("十分", False),
        ("一时", False),
        ("今年", False),
        ("日本", False),
        ("分", False),
    ],
)
def test_what_is_a_date(word: str, date: bool) -> None:
    assert is_date(word) is date


def test_clusters_report_progress_and_can_be_cancelled(project: Project) -> None:
    project.word_counts()  # counted first: what follows is the clusters' own work
    seen: list[tuple[int, int]] = []
    project.word_list(n=2, progress=lambda done, total, _stage: seen.append((done, total)))
    assert seen and seen[-1] == (4, 4)
    with pytest.raises(AnalysisCancelled):
        project.word_list(n=2, is_cancelled=lambda: True)
