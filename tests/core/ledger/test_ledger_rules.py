"""The ledger's rules one by one: indicator found, place, period, the conflict tolerance."""

from __future__ import annotations

import pytest

from hnreader import paths
from hnreader.core.analysis.figures import find_figures
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.ledger.building import ArticleFigures, Decisions, article_values, build_ledger
from hnreader.core.ledger.dictionaries import (
    DictionaryError,
    Indicator,
    read_indicators,
    read_places,
)
from hnreader.core.ledger.entries import agree
from hnreader.core.ledger.indicators import IndicatorFinder
from hnreader.core.ledger.places import PlaceList


@pytest.fixture(scope="module")
def places() -> PlaceList:
    return PlaceList(read_places(paths.ledger_places_path()))


@pytest.fixture
def finder(shared_segmenter: Segmenter) -> IndicatorFinder:
    return IndicatorFinder(read_indicators(paths.indicator_dictionary_path()), shared_segmenter)


def _values(text: str, finder: IndicatorFinder, places: PlaceList, date: str = "2020-05-24"):  # type: ignore[no-untyped-def]
    figures = [(i, f) for i, f in enumerate(find_figures(text), 1)]
    values, _ = article_values(ArticleFigures(1, "标题", date, text, figures), finder, places)
    return {v.text: v for v in values}


def test_indicator_before_the_figure_and_its_measure(finder, places) -> None:  # type: ignore[no-untyped-def]
    text = (
        "湖南省召开新闻发布会。2012年至2019年，全省共减少贫困人口747万，6920个贫困村全部脱贫出列、"
        "51个贫困县已有32个脱贫摘帽，贫困发生率从13.43%降至0.36%，"
        "贫困县农村居民人均收入年均增长14.6%。"
    )
    values = _values(text, finder, places)
    change = values["13.43% → 0.36%"]
    assert (change.indicator, change.measure, change.numbers) == ("贫困发生率", "", (13.43, 0.36))
    assert values["747万"].indicator == "贫困人口" and values["747万"].measure == "减少"
    assert values["6920个"].indicator == "贫困村"  # the noun a count counts, after it
    assert values["51个"].indicator == "贫困县"
    # 32个 has 51个贫困县 between it and the name: 贫困县 is 51个's, not its
    assert "32个" not in values or values["32个"].indicator != "贫困县"
    growth = values["14.6%"]
    assert (growth.indicator, growth.measure) == ("农村居民人均可支配收入", "增速")
    assert all(v.place == "湖南" and v.period == "2012–2019" for v in values.values())


def test_word_boundaries_and_verbs_before_counts(finder, places) -> None:  # type: ignore[no-untyped-def]
    text = (
        "2021年，湖南累计脱贫680多万人。2021年，湖南低保户达10万户。"
        "2021年，湖南进出口额达5000亿元。2021年，湖南人均国内生产总值80976元。"
    )
    values = _values(text, finder, places)
    assert values["680多万人"].indicator == "脱贫人口"
    # 低保 begins the word 低保户 and ends inside it: not the indicator 农村低保
    assert "10万户" not in values or values["10万户"].indicator != "农村低保"
    assert values["5000亿元"].indicator == "进出口总额"  # 进出口 then 额: counted
    assert values["80976元"].indicator == "人均地区生产总值"  # not 地区生产总值 itself


def test_place_and_period_of_a_change_with_years_written(finder, places) -> None:  # type: ignore[no-untyped-def]
    text = "雁峰区的贫困发生率从2016年的8.41%下降至2019年的0.27%，连续两年被评为优秀单位。"
    value = _values(text, finder, places)["8.41% → 0.27%"]
    assert (value.place, value.place_how) == ("雁峰区", "sentence")
    assert (value.period, value.period_how) == ("2016–2019", "written")


def test_relative_year_and_article_year(finder, places) -> None:  # type: ignore[no-untyped-def]
    text = "到去年底，湖南贫困发生率由13.43%下降到1.49%。目前，湖南还有80多万贫困人口。"
    values = _values(text, finder, places, date="2020-09-16")
    assert values["13.43% → 1.49%"].period == "2019"
    assert (values["80多万"].period, values["80多万"].period_how) == ("2020", "article")
    undated = _values(text, finder, places, date="--09-16")
    assert undated["80多万"].period == ""  # no year anywhere: left open, not invented


def test_collective_and_this_county_words(finder, places) -> None:  # type: ignore[no-untyped-def]
    text = "湖南省扶贫办介绍。全省贫困发生率降至0.36%。津市全面推进，该市贫困人口减少3000人。"
    values = _values(text, finder, places)
    assert values["0.36%"].place == "湖南"  # 全省: the article's province
    assert values["3000人"].place == "津市"  # 该市: the city named last


def test_bare_county_name_needs_its_full_name_or_the_title(places) -> None:  # type: ignore[no-untyped-def]
    from hnreader.core.ledger.places import ArticlePlaces

    def named(title: str, text: str) -> set[str]:
        found = ArticlePlaces(places, title, text).mentions
        return {m.place.name for m in found if m.place is not None}

    assert "通道" not in named("", "湖南开通绿色通道，贫困人口减少。")
    assert "通道" in named("", "通道县开通绿色通道。通道贫困人口减少。")
    assert "城步" in named("城步生态特色农业", "城步蜂蜜销售额达1200余万元。")


def test_dateline_gives_the_place_when_the_sentence_does_not(finder, places) -> None:  # type: ignore[no-untyped-def]
    text = "本报长沙5月24日讯 今年贫困人口减少20万人。"
    value = _values(text, finder, places)["20万人"]
    assert (value.place, value.place_how) == ("长沙", "dateline")


def test_guessed_indicator_is_marked_and_never_conflicts(finder, places) -> None:  # type: ignore[no-untyped-def]
    text = "湖南全省实现产值11.28亿元。湖南全省实现产值28亿元。"
    figures = [(i, f) for i, f in enumerate(find_figures(text), 1)]
    ledger = build_ledger(
        [ArticleFigures(1, "t", "2020-01-01", text, figures)], 1, finder, places, Decisions()
    )
    (entry,) = ledger.entries
    assert entry.indicator == "产值" and entry.guessed and not entry.conflict
    assert ledger.guessed == 2 and ledger.with_indicator == 2


def _pair(finder, places, first: str, second: str):  # type: ignore[no-untyped-def]
    text = f"2019年，湖南贫困人口{first}。2019年，湖南贫困人口{second}。"
    values = list(_values(text, finder, places).values())
    assert len(values) == 2, values
    return agree(values[0], values[1])


@pytest.mark.parametrize(
    ("first", "second", "agreed"),
    [
        ("747万", "747.6万", True),  # 0.6万 is less than one unit of 747万's last digit
        ("747万", "748万", False),
        ("747万", "767万", False),
        ("7470000人", "747万人", True),
        ("约700万", "747万", True),  # an approximation agrees within 10%
        ("约600万", "747万", False),
        ("747万人", "747万户", None),  # other units are not compared
    ],
)
def test_conflict_tolerance(finder, places, first: str, second: str, agreed) -> None:  # type: ignore[no-untyped-def]
    assert _pair(finder, places, first, second) is agreed


def test_percent_tolerance_by_decimals(finder, places) -> None:  # type: ignore[no-untyped-def]
    text = (
        "2019年湖南贫困发生率为13.43%。2019年湖南贫困发生率为13.4%。2019年湖南贫困发生率为13.5%。"
    )
    a, b, c = _values(text, finder, places).values()
    assert agree(a, b) is True and agree(a, c) is False


def test_indicator_kinds_keep_a_wrong_figure_out(shared_segmenter: Segmenter) -> None:
    finder = IndicatorFinder(
        [Indicator("贫困发生率", ("贫困发生率",), frozenset({"percent"}))], shared_segmenter
    )
    assert finder.find("贫困发生率调查了300户", 10, 14, "count", guess=False) is None
    found = finder.find("贫困发生率为3.5%", 6, 10, "percent", guess=False)
    assert found is not None and found.name == "贫困发生率"


def test_a_bad_dictionary_line_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "indicators.txt"
    path.write_text(
        "# comment\n贫困人口 | 贫困群众 | count\n贫困率 | | percents\n", encoding="utf-8"
    )
    with pytest.raises(DictionaryError, match=r"line 3: unknown figure kind\(s\) percents"):
        read_indicators(path)
    path.write_text("a | b | count | extra\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="line 1"):
        read_indicators(path)
