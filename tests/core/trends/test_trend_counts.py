"""Trend counts against brute force: str.count over the folded texts, the search's full hit
list for whole words, the annotations for tags; undated articles counted apart."""

from __future__ import annotations

import re

import pytest

from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.project import Project
from hnreader.core.text.normalize import fold_for_search
from hnreader.core.trends.periods import period_of, period_range, period_start
from hnreader.core.trends.series import TrendError, split_terms
from hnreader.core.trends.tables import trend_table

TERMS = ["精准扶贫", "扶贫", "𠮷", "脱贫攻坚", "天气"]


def _brute_period(date: str, by: str) -> str:
    """Written apart from `period_of` on purpose: YYYY[-MM[-DD]] only."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?", date)
    if not m:
        return ""
    if by == "year":
        return m.group(1)
    if not m.group(2):
        return ""
    month = int(m.group(2))
    return f"{m.group(1)}-{month:02d}" if by == "month" else f"{m.group(1)}-Q{(month + 2) // 3}"


def _texts(project: Project) -> dict[int, tuple[str, str]]:
    return {i: (project.article(i).date, project.article(i).text) for i in project.article_ids()}


def test_periods() -> None:
    assert period_of("2019-03-05", "month") == "2019-03"
    assert period_of("2019-03-05", "quarter") == "2019-Q1"
    assert period_of("2019-12", "quarter") == "2019-Q4"
    assert period_of("2019", "year") == "2019"
    assert period_of("2019", "month") == ""  # a year alone has no month
    assert period_of("--05-24", "year") == ""  # a month-day without its year
    assert period_of("", "year") == ""
    assert period_range("2019-11", "2020-02", "month") == [
        "2019-11",
        "2019-12",
        "2020-01",
        "2020-02",
    ]
    assert period_range("2019-Q4", "2020-Q1", "quarter") == ["2019-Q4", "2020-Q1"]
    assert period_start("2020-Q3", "quarter") == "2020-07-01"
    assert split_terms("精准扶贫，脱贫攻坚; 产业 扶贫；精准扶贫\n") == [
        "精准扶贫",
        "脱贫攻坚",
        "产业 扶贫",
    ]


@pytest.mark.parametrize("by", ["month", "quarter", "year"])
def test_term_trend_equals_str_count_over_the_folded_texts(trend_project: Project, by: str) -> None:
    texts = _texts(trend_project)
    result = trend_project.term_trend(TERMS, by)
    position = {p: i for i, p in enumerate(result.periods)}
    chars = [0] * len(result.periods)
    articles = [0] * len(result.periods)
    undated_chars = undated_articles = 0
    for date, text in texts.values():
        period = _brute_period(date, by)
        if period:
            chars[position[period]] += len(text)
            articles[position[period]] += 1
        else:
            undated_chars += len(text)
            undated_articles += 1
    assert list(result.chars) == chars and list(result.article_counts) == articles
    assert (result.undated_chars, result.undated_articles) == (undated_chars, undated_articles)
    assert undated_articles == (1 if by == "year" else 2)  # "" (and "2020" by month/quarter)
    for term, series in zip(TERMS, result.series, strict=True):
        expected = [0] * len(result.periods)
        undated = 0
        folded_term = fold_for_search(term)
        for date, text in texts.values():
            count = fold_for_search(text).count(folded_term)
            period = _brute_period(date, by)
            if period:
                expected[position[period]] += count
            else:
                undated += count
        assert list(series.counts) == expected, term
        assert series.undated == undated, term
        assert series.total == sum(fold_for_search(t).count(folded_term) for _, t in texts.values())
        assert result.per(series) == tuple(
            c * 10_000 / n if n else 0.0 for c, n in zip(expected, chars, strict=True)
        )


def test_the_fixture_has_what_the_counts_must_handle(trend_project: Project) -> None:
    result = trend_project.term_trend(["精准扶贫", "𠮷"], "month")
    assert result.periods[0] == "2019-01" and result.periods[-1] == "2020-12"
    assert len(result.periods) == 24  # the empty months are there: gaps stay visible
    by_period = dict(zip(result.periods, result.series[0].counts, strict=True))
    assert by_period["2019-01"] == 4 and by_period["2019-02"] == 0
    assert by_period["2020-06"] == 1  # 精準扶貧, Traditional, folded
    assert result.series[0].undated == 3  # 2 in the undated article, 1 dated "2020" only
    assert result.series[1].total == 3  # the non-BMP 𠮷, counted once each


def test_whole_words_equal_the_search_hit_list(trend_project: Project) -> None:
    result = trend_project.term_trend(["扶贫"], "year", whole_words=True)
    hits: dict[int, int] = {}
    page = trend_project.search("扶贫", whole_words=True, fields=["body"], limit=1000)
    assert page.complete
    for article in page.articles:
        hits[article.article_id] = len(article.body_hits)
    expected: dict[str, int] = {}
    for article_id, count in hits.items():
        period = _brute_period(trend_project.article(article_id).date, "year") or "none"
        expected[period] = expected.get(period, 0) + count
    got = dict(zip(result.periods, result.series[0].counts, strict=True))
    got["none"] = result.series[0].undated
    assert {k: v for k, v in got.items() if v} == expected
    # 准扶 is inside words only: whole words finds none of what a substring search finds.
    inside = trend_project.term_trend(["准扶"], "year", whole_words=True)
    plain = trend_project.term_trend(["准扶"], "year")
    whole = trend_project.term_trend(["精准扶贫"], "year")
    assert inside.series[0].total == 0
    assert plain.series[0].total == whole.series[0].total == 12


def test_filters_keep_their_articles_only(trend_project: Project) -> None:
    dated = trend_project.term_trend(
        ["精准扶贫"], "month", selection=CodingFilter(date_from="2019-02", date_to="2019-12")
    )
    # From the first to the last kept article; 2019-04 (a month only) is within the bounds.
    assert dated.periods == ("2019-03", "2019-04")
    assert dated.series[0].counts == (0, 1)
    year = trend_project.term_trend(
        ["精准扶贫"], "year", selection=CodingFilter(date_from="2020-06", date_to="2020")
    )
    assert year.periods == ("2020",) and year.article_counts == (3,)  # 2020, 2020-06-30, 2020-12
    assert year.series[0].counts == (5,)
    tags = trend_project.tag_trend(
        [trend_project.tag_by_name("政策").id], "year", selection=CodingFilter(date_from="2020")
    )
    assert (
        tags.periods == ("2020",) and tags.series[0].counts == (2,) and tags.undated_articles == 0
    )
    assert dated.undated_articles == 0  # a date bound leaves the undated out
    one = trend_project.term_trend(["精准扶贫"], "year", selection=CodingFilter(article_ids=[1, 6]))
    assert one.periods == ("2019",) and one.series[0].counts == (3,)
    assert one.series[0].undated == 2 and one.undated_articles == 1


def test_bad_requests_say_what_is_wrong(trend_project: Project) -> None:
    with pytest.raises(TrendError, match="not a period"):
        trend_project.term_trend(["精准扶贫"], "week")
    with pytest.raises(TrendError, match="at least one"):
        trend_project.term_trend([], "month")
    with pytest.raises(Exception, match="empty"):
        trend_project.term_trend(['"'], "month")
    assert trend_project.term_trend(["火星移民"], "year").series[0].total == 0


def test_tag_trend_equals_the_annotations(trend_project: Project) -> None:
    tags = {t.name: t for t in trend_project.tags()}
    policy, poverty = tags["政策"].id, tags["扶贫"].id
    annotations = trend_project.annotations()
    with_child = trend_project.tag_trend([policy], "year")
    own = trend_project.tag_trend([policy], "year", with_subtags=False)
    child = trend_project.tag_trend([poverty], "quarter")
    for result, family in ((with_child, {policy, poverty}), (own, {policy})):
        expected: dict[str, int] = {}
        for a in annotations:
            if set(a.tag_ids) & family:
                period = _brute_period(trend_project.article(a.article_id).date, "year") or "none"
                expected[period] = expected.get(period, 0) + 1
        got = dict(zip(result.periods, result.series[0].counts, strict=True))
        got["none"] = result.series[0].undated
        assert {k: v for k, v in got.items() if v} == expected
    assert with_child.series[0].label == "政策" and child.series[0].label == "政策/扶贫"
    assert child.series[0].undated == 1  # the passage in the undated article
    coder = trend_project.tag_trend([policy], "year", selection=CodingFilter(coder="bob"))
    assert coder.series[0].total == 2


def test_trend_table_rows(trend_project: Project) -> None:
    result = trend_project.term_trend(["精准扶贫"], "year")
    header, rows, numeric = trend_table(result)
    assert header == ("period", "articles", "characters", "精准扶贫", "精准扶贫 per 10,000 chars")
    assert [r[0] for r in rows] == ["2019", "2020", "(no date)"]
    assert rows[-1][3] == result.series[0].undated
    assert rows[0][4] == round(result.per(result.series[0])[0], 4)
    assert "精准扶贫" in numeric and "period" not in numeric


def test_progress_rises_per_mille_and_a_cancel_stops(trend_project: Project) -> None:
    from hnreader.core.coding_analysis.corpus import AnalysisCancelled

    reports: list[tuple[int, int, str]] = []
    trend_project.term_trend(
        ["精准扶贫", "𠮷"], "year", progress=lambda d, t, stage, *_: reports.append((d, t, stage))
    )
    assert reports[0][:2] == (0, 1000) and reports[-1][:2] == (1000, 1000)
    assert {t for _, t, _ in reports} == {1000} and {s for _, _, s in reports} == {"analysing"}
    assert [d for d, _, _ in reports] == sorted(d for d, _, _ in reports)
    assert any(0 < d < 1000 for d, _, _ in reports)  # the search's batches are reported too
    with pytest.raises(AnalysisCancelled):
        trend_project.term_trend(["精准扶贫"], "month", is_cancelled=lambda: True)
    with pytest.raises(AnalysisCancelled):
        trend_project.term_dispersion(["精准扶贫"], is_cancelled=lambda: True)


def test_term_counts_come_from_the_body_index(trend_project: Project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hnreader.core.search import engine

    texts = _texts(trend_project)

    def brute(term: str) -> dict[int, int]:
        folded = fold_for_search(term)
        counts = {i: fold_for_search(t).count(folded) for i, (_, t) in texts.items()}
        return {i: n for i, n in counts.items() if n}

    def no_candidates(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("read every candidate instead of counting from the index")

    monkeypatch.setattr(engine, "candidate_batches", no_candidates)
    # Han terms are counted by SQLite; "，" (it has a half-width form) by the matcher over
    # the matching articles' texts; the Traditional 精準扶貧 through the stored folded view.
    both = set(brute("脱贫攻坚")) & set(brute("产业"))
    expected = {
        "精准扶贫": brute("精准扶贫"),
        "𠮷": brute("𠮷"),
        "，": brute("，"),
        "扶贫 -天气": {i: n for i, n in brute("扶贫").items() if "天气" not in texts[i][1]},
        "脱贫攻坚 产业": {i: brute("脱贫攻坚")[i] + brute("产业")[i] for i in both},
    }
    assert all(expected.values())  # each term is in the fixture
    for term, counts in expected.items():
        assert trend_project.term_counts(term) == counts, term
