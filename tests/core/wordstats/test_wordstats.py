"""Word lists, n-grams, keyness and collocates: counts against brute force on a fixture corpus
(a non-BMP character, Traditional characters, an edited and a deleted article), and the
measures against hand-computed values of worked examples."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.coding_analysis.corpus import AnalysisError, CodingFilter
from hnreader.core.project import Project
from hnreader.core.store import Store
from hnreader.core.text.normalize import fold_for_search
from hnreader.core.wordstats.collocates import (
    log_dice,
    mutual_information,
    table_log_likelihood,
)
from hnreader.core.wordstats.keyness import log_likelihood, log_ratio, p_value
from hnreader.core.wordstats.subsets import INSIDE, OUTSIDE, WordSubset
from hnreader.core.wordstats.tokens import decode_counts, encode_counts, is_punctuation
from hnreader.core.wordstats.wordlist import WordFilters

CSV = """title,text,date,publication
𠮷野家,"𠮷野家开业了。群众很高兴，群众说好。
第二段：精准扶贫，产业扶贫。",2020-03-05,湖南日报
扶贫新闻,"精准扶贫带动增收。产业扶贫带动增收，群众增收。
产业扶贫又说一次。精准扶贫很重要。",2020-04-10,湖南日报
繁體,"產業扶貧帶動群眾增收。經濟發展。",2019-06-01,新华社
年终,"年终总结说扶贫。产业兴旺，群众满意。2019年增收13.43%。",2019-12-31,新华社
删掉,"这篇文章会被删掉，里面有独特词汇甲乙丙。",2019-01-01,新华社
"""


@pytest.fixture
def project(tmp_path: Path, fresh_segmenter: Segmenter) -> Iterator[Project]:
    """The fixture corpus, on a segmenter of its own (a test adds a dictionary word)."""
    source = tmp_path / "news.csv"
    source.write_text(CSV, encoding="utf-8")
    project = Project(Store(tmp_path / "words.sqlite"), fresh_segmenter, coder="amy")
    assert project.import_paths([source]).added_articles == 5
    ids = {project.article(i).title: i for i in project.article_ids()}
    project.delete_article(ids["删掉"])
    yield project
    project.close()


def _ids(project: Project) -> dict[str, int]:
    return {project.article(i).title: i for i in project.article_ids()}


def brute_words(project: Project, article_id: int) -> list[str]:
    """jieba's accurate cut of the folded text, segmented again here, whitespace left out."""
    text = fold_for_search(project.article(article_id).text)
    return [w for w in project.segmenter.cut(text) if not w.isspace()]


def brute_counts(project: Project, ids: list[int]) -> tuple[Counter[str], Counter[str], int]:
    freq: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for article_id in ids:
        words = brute_words(project, article_id)
        freq.update(words)
        spread.update(set(words))
    total = sum(n for w, n in freq.items() if not is_punctuation(w))
    return freq, spread, total


def as_dict(counts) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {
        w: (int(counts.freq[i]), int(counts.range[i]))
        for i, w in enumerate(counts.words)
        if counts.freq[i]
    }


def test_counts_blob_round_trip() -> None:
    counts = {3: 1, 70_000: 12, 1: 400_000, 9: 2}
    ids, values = decode_counts(encode_counts(counts))
    assert dict(zip(ids.tolist(), values.tolist(), strict=True)) == counts


def test_whole_corpus_counts_equal_brute_force(project: Project) -> None:
    ids = project.article_ids()
    assert len(ids) == 4  # the deleted article is not counted
    counts = project.word_counts()
    freq, spread, total = brute_counts(project, ids)
    assert as_dict(counts) == {w: (freq[w], spread[w]) for w in freq}
    assert counts.total == total and counts.articles == 4
    assert "甲乙丙" not in as_dict(counts) and "独特" not in as_dict(counts)
    assert counts.of("𠮷") + counts.of("𠮷野家") >= 1  # the non-BMP character is a word
    assert counts.of("群众") == freq["群众"] >= 4 and "群眾" not in as_dict(counts)  # folded


def test_a_subset_is_the_sum_of_its_articles(project: Project) -> None:
    ids = _ids(project)
    subset = WordSubset(CodingFilter(date_from="2020"))
    counts = project.word_counts(subset)
    chosen = [ids["𠮷野家"], ids["扶贫新闻"]]
    freq, spread, total = brute_counts(project, chosen)
    assert as_dict(counts) == {w: (freq[w], spread[w]) for w in freq}
    assert counts.total == total
    per_article = [project.word_counts(WordSubset(CodingFilter(article_ids=[a]))) for a in chosen]
    assert (counts.freq == sum(c.freq for c in per_article)).all()
    assert counts.total == sum(c.total for c in per_article)


def test_inside_and_outside_a_tag_add_up_to_its_articles(project: Project) -> None:
    ids = _ids(project)
    tag = project.add_tag("扶贫").result_id
    text = project.article(ids["扶贫新闻"]).text
    start = text.index("产业扶贫带动增收")
    project.annotate(ids["扶贫新闻"], start, start + 8, [tag])
    inside = project.word_counts(WordSubset(tag_ids=(tag,), part=INSIDE))
    outside = project.word_counts(WordSubset(tag_ids=(tag,), part=OUTSIDE))
    whole = project.word_counts()
    assert (inside.freq + outside.freq == whole.freq).all()
    assert inside.total + outside.total == whole.total
    brute = Counter(fold_for_search(w) for w in project.segmenter.cut("产业扶贫带动增收"))
    assert as_dict(inside) == {w: (n, 1) for w, n in brute.items()}


def test_counts_follow_edits_and_the_dictionary(project: Project) -> None:
    ids = _ids(project)
    before = project.word_counts()
    text = project.article(ids["年终"]).text
    project.split_article(ids["年终"], text.index("产业兴旺"))
    after_split = project.word_counts()
    freq, _, total = brute_counts(project, project.article_ids())
    assert {w: f for w, (f, _) in as_dict(after_split).items()} == dict(freq)
    assert after_split.articles == before.articles + 1
    assert before.of("带动增收") == 0
    project.add_user_word("带动增收")
    counts = project.word_counts()
    freq, _, total = brute_counts(project, project.article_ids())
    assert counts.of("带动增收") == freq["带动增收"] >= 1 and counts.total == total
    project.undo()  # the word goes: the counts follow the segmentation again
    freq, _, total = brute_counts(project, project.article_ids())
    assert {w: f for w, (f, _) in as_dict(project.word_counts()).items()} == dict(freq)


def test_word_list_filters_and_per_10k(project: Project) -> None:
    stop = project.stop_words()
    assert "的" in stop and "了" in stop
    listed = project.word_list(filters=WordFilters(min_length=2, stop_words=stop))
    freq, spread, total = brute_counts(project, project.article_ids())
    expected = sorted(
        (w for w in freq if len(w) >= 2 and w not in stop and not is_punctuation(w)),
        key=lambda w: (-freq[w], -spread[w], w),
    )
    expected = [w for w in expected if not w.replace(".", "").replace("%", "").isdigit()]
    assert [r.word for r in listed.rows] == expected
    top = listed.rows[0]
    assert top.per_10k == pytest.approx(top.freq * 10_000 / total)
    assert listed.total == total
    numbers = project.word_list(filters=WordFilters(exclude_numbers=False))
    assert "13.43%" in [r.word for r in numbers.rows]
    assert "13.43%" not in [r.word for r in project.word_list().rows]
    with pytest.raises(AnalysisError):
        project.word_list(filters=WordFilters(min_freq=0))


def test_ngrams_equal_brute_force(project: Project) -> None:
    grams: Counter[str] = Counter()
    for article_id in project.article_ids():
        run: list[str] = []
        for word in [*brute_words(project, article_id), "。"]:
            if not is_punctuation(word):
                run.append(word)
                continue
            grams.update(" ".join(run[i : i + 2]) for i in range(len(run) - 1))
            run = []
    listed = project.word_list(filters=WordFilters(exclude_numbers=False), n=2)
    assert {r.word: r.freq for r in listed.rows} == dict(grams)
    assert "产业扶贫 带动" in {r.word for r in listed.rows}
    with pytest.raises(AnalysisError):
        project.word_list(n=5)


def test_log_likelihood_and_log_ratio_worked_example() -> None:
    # Rayson & Garside (2000), the formula of the UCREL log-likelihood calculator:
    # a = 10 in c = 1,000 words, b = 5 in d = 2,000 words: E1 = 1000·15/3000 = 5,
    # E2 = 2000·15/3000 = 10, G² = 2(10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.9315.
    assert log_likelihood(10, 5, 1000, 2000) == pytest.approx(10 * math.log(2))
    # Hardie (2014): log2((10/1000) / (5/2000)) = log2(4) = 2; absent in B: 0.5 instead
    # of 0, log2((10/1000) / (0.5/2000)) = log2(40) = 5.3219.
    assert log_ratio(10, 5, 1000, 2000) == pytest.approx(2.0)
    assert log_ratio(10, 0, 1000, 2000) == pytest.approx(math.log2(40))
    assert log_likelihood(0, 0, 1000, 2000) == 0.0
    assert p_value(3.841) == pytest.approx(0.05, abs=1e-4)  # χ²₁ critical value


def test_collocation_measures_worked_example() -> None:
    # Rychlý (2008): logDice = 14 + log2(2·10 / (100 + 60)) = 14 − 3 = 11.
    assert log_dice(10, 100, 60) == pytest.approx(11.0)
    # Evert (2008): O = 8 in windows of W = 100 words, f2 = 50, N = 10,000:
    # E = 100·50/10000 = 0.5, MI = log2(8/0.5) = 4.
    assert mutual_information(8, 0.5) == pytest.approx(4.0)
    # The 2×2 table [[8, 92], [42, 9858]]: E = [[0.5, 99.5], [49.5, 9850.5]],
    # G² = 2(8 ln 16 + 92 ln(92/99.5) + 42 ln(42/49.5) + 9858 ln(9858/9850.5)) = 31.1458.
    assert table_log_likelihood(8, 92, 42, 9858) == pytest.approx(31.1458, abs=1e-4)
    assert table_log_likelihood(0, 100, 50, 9850) < 0  # less often than expected


def test_keyness_between_subsets(project: Project) -> None:
    a = WordSubset(CodingFilter(date_from="2020"))
    b = WordSubset(CodingFilter(date_to="2019"))
    result = project.keyness(a, b, WordFilters(min_freq=1))
    ca, cb = project.word_counts(a), project.word_counts(b)
    assert (result.total_a, result.total_b) == (ca.total, cb.total)
    rows = {r.word: r for r in result.rows}
    row = rows["群众"]
    assert (row.freq_a, row.freq_b) == (ca.of("群众"), cb.of("群众"))
    assert row.freq_a == 3
    assert row.log_likelihood == pytest.approx(
        log_likelihood(row.freq_a, row.freq_b, ca.total, cb.total)
    )
    assert row.log_ratio == pytest.approx(log_ratio(row.freq_a, row.freq_b, ca.total, cb.total))
    signed = [r.log_likelihood for r in result.rows]
    assert signed == sorted(signed, reverse=True)
    with pytest.raises(AnalysisError, match="subset A holds no words"):
        project.keyness(WordSubset(CodingFilter(date_from="2030")), b)


def test_collocates_equal_brute_force(project: Project) -> None:
    window = 2
    together: Counter[str] = Counter()
    nodes = 0
    for article_id in project.article_ids():
        words = [w for w in brute_words(project, article_id) if not is_punctuation(w)]
        for i, word in enumerate(words):
            if word == "扶贫":
                nodes += 1
                together.update(words[max(0, i - window) : i] + words[i + 1 : i + 1 + window])
    result = project.collocates(
        "扶贫", filters=WordFilters(exclude_numbers=False), window=window, min_together=1
    )
    assert result.node_freq == nodes
    assert {r.word: r.together for r in result.rows} == {
        w: n for w, n in together.items() if w != "扶贫"
    }
    counts = project.word_counts()
    for row in result.rows:
        assert row.log_dice == pytest.approx(log_dice(row.together, nodes, counts.of(row.word)))
    lines = project.collocate_lines("扶贫", "产业", window=window)
    assert len(lines) == together["产业"]
    assert all(line.hit.startswith("产业") and line.hit.endswith("扶贫") for line in lines)
    with pytest.raises(AnalysisError):
        project.collocates("扶贫", window=0)


def test_stop_words_are_the_projects_and_undoable(project: Project) -> None:
    assert "群众" not in project.stop_words()
    project.set_stop_words(["群众"])
    assert "群众" in project.stop_words()
    assert "群众" not in [
        r.word for r in project.word_list(filters=WordFilters(stop_words=project.stop_words())).rows
    ]
    project.set_stop_words(["的"], stop=False)
    assert "的" not in project.stop_words()
    project.undo()
    project.undo()
    assert "群众" not in project.stop_words() and "的" in project.stop_words()


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [("", ""), ("2020", ""), ("2020-03-06", ""), ("", "2019-12"), ("2019-06-02", "2020-03-05")],
)
def test_date_subsets_from_month_sums_equal_brute_force(
    project: Project, date_from: str, date_to: str
) -> None:
    selection = CodingFilter(date_from=date_from, date_to=date_to)
    kept = [a for a in project.article_ids() if selection.keeps_date(project.article(a).date)]
    counts = project.word_counts(WordSubset(selection))
    freq, spread, total = brute_counts(project, kept)
    assert as_dict(counts) == {w: (freq[w], spread[w]) for w in freq}
    assert (counts.total, counts.articles) == (total, len(kept))


def test_month_sums_follow_a_new_date_and_undo(project: Project) -> None:
    ids = _ids(project)
    later = WordSubset(CodingFilter(date_from="2020-04"))
    assert project.word_counts(later).articles == 1
    project.update_article(ids["年终"], date="2020-05-01")  # from 2019-12 into 2020-05
    moved = project.word_counts(later)
    freq, _, total = brute_counts(project, [ids["扶贫新闻"], ids["年终"]])
    assert {w: f for w, (f, _) in as_dict(moved).items()} == dict(freq)
    assert moved.total == total
    assert project.word_counts(WordSubset(CodingFilter(date_to="2019-12"))).articles == 1
    project.undo()
    assert project.word_counts(later).articles == 1
    assert project.word_counts().articles == 4  # the whole corpus sum, rebuilt
    project.delete_article(ids["繁體"])
    assert project.word_counts().articles == 3
    assert project.word_counts().of("经济") == 0


def test_a_salvaged_project_counts_its_words_again(project: Project, tmp_path: Path) -> None:
    from hnreader.core.store.salvage import salvage

    before = as_dict(project.word_counts())
    report = salvage(project.path, tmp_path / "rescued.sqlite")
    assert report.target_problems == ()
    rescued = Project.open(report.target, create=False, segmenter=project.segmenter)
    try:
        assert rescued.store.words_missing_ids() == []  # no index rows yet: nothing to count
        rescued.reindex()
        assert as_dict(rescued.word_counts()) == before
    finally:
        rescued.close()


def test_collocates_inside_a_tags_passages(project: Project) -> None:
    ids = _ids(project)
    tag = project.add_tag("扶贫").result_id
    text = project.article(ids["扶贫新闻"]).text
    start = text.index("产业扶贫带动增收")
    project.annotate(ids["扶贫新闻"], start, start + 8, [tag])
    inside = WordSubset(tag_ids=(tag,), part=INSIDE)
    result = project.collocates("带动", inside, WordFilters(min_freq=1), window=3, min_together=1)
    passage = set(project.segmenter.cut("产业扶贫带动增收")) - {"带动"}
    assert result.node_freq == 1
    assert {r.word for r in result.rows} == passage
    everywhere = project.collocates(
        "带动", filters=WordFilters(min_freq=1), window=3, min_together=1
    )
    assert everywhere.node_freq > 1 and {r.word for r in everywhere.rows} > passage


def test_keyness_between_two_publications(project: Project) -> None:
    assert project.publications() == [("新华社", 2), ("湖南日报", 2)]
    a = WordSubset(publication="湖南日报")
    b = WordSubset(publication="新华社")
    ids = _ids(project)
    for subset, titles in ((a, ["𠮷野家", "扶贫新闻"]), (b, ["繁體", "年终"])):
        freq, spread, total = brute_counts(project, [ids[t] for t in titles])
        counts = project.word_counts(subset)
        assert as_dict(counts) == {w: (freq[w], spread[w]) for w in freq}
        assert counts.total == total
    result = project.keyness(a, b, WordFilters(min_freq=1))
    assert (result.articles_a, result.articles_b) == (2, 2)
    assert project.word_counts(WordSubset(publication="人民日报")).articles == 0


def test_a_later_format_without_the_word_tables_gets_them_on_open(
    project: Project, tmp_path: Path
) -> None:
    """Migrations skip numbers below a file's format: a file at a later format made
    without migration 13 gets its (idempotent) tables when opened for writing."""
    import sqlite3

    expected = as_dict(project.word_counts())
    path = project.path
    project.close()
    with sqlite3.connect(path) as conn:
        for name in ("word_buckets", "article_words", "word_vocab"):
            conn.execute(f"DROP TABLE {name}")
    read_only = Project.open(path, create=False, segmenter=project.segmenter, read_only=True)
    try:
        with pytest.raises(AnalysisError, match="open it once for writing"):
            read_only.word_counts()
    finally:
        read_only.close()
    reopened = Project.open(path, create=False, segmenter=project.segmenter)
    try:
        assert as_dict(reopened.word_counts()) == expected
    finally:
        reopened.close()


def test_an_excluded_article_counts_in_no_total(project: Project) -> None:
    ids = _ids(project)
    project.word_counts()  # counted and summed first: the exclusion must take them out
    project.exclude_articles([ids["繁體"]])
    kept = [i for i in project.article_ids() if i != ids["繁體"]]
    for subset in (None, WordSubset(CodingFilter(date_from="2019", date_to="2019-12"))):
        counts = project.word_counts(subset)
        chosen = kept if subset is None else [ids["年终"]]
        freq, spread, total = brute_counts(project, chosen)
        assert as_dict(counts) == {w: (freq[w], spread[w]) for w in freq}
        assert counts.articles == len(chosen) and counts.total == total
    assert "经济" not in as_dict(project.word_counts())  # 經濟 is only in the excluded one
    project.undo()  # included again: counted again
    freq, spread, _total = brute_counts(project, project.article_ids())
    assert as_dict(project.word_counts()) == {w: (freq[w], spread[w]) for w in freq}
