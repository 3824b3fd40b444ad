"""The figure model of issue 14: ISO dates and times, ranges, changes, approximations, signs,
normalised units and kinds, and the false figures the issue lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from hnreader.core.analysis.figures import find_figures
from hnreader.core.models import FigureValue

# (text, value, value_low, value_high, unit, kind, approx)
Full = tuple[str, FigureValue, FigureValue, FigureValue, str, str, str | None]


def full(text: str) -> list[Full]:
    return [
        (f.text, f.value, f.value_low, f.value_high, f.unit, f.kind, f.approx)
        for f in find_figures(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wrong values before: spaced digits, spaced units, mixed magnitudes, minus signs
        ("增长15. 8%", [("15. 8%", 15.8, None, None, "%", "percent", None)]),
        ("新增8. 99万亿元", [("8. 99万亿元", 8.99e12, None, None, "元", "money", None)]),
        ("出口5 兆美元", [("5 兆美元", 5e12, None, None, "美元", "money", None)]),
        ("累计1亿1176万例", [("1亿1176万例", 111760000.0, None, None, "例", "count", None)]),
        ("超3亿3261万例", [("超3亿3261万例", 332610000.0, None, None, "例", "count", "超")]),
        ("零下二十三摄氏度", [("零下二十三摄氏度", -23.0, None, None, "℃", "temperature", None)]),
        ("零下30度", [("零下30度", -30.0, None, None, "℃", "temperature", None)]),
        ("气温－8℃", [("－8℃", -8.0, None, None, "℃", "temperature", None)]),
        # ranges: one figure, value None, the second end's magnitude and unit for both
        ("增长4-6%", [("4-6%", None, 4.0, 6.0, "%", "percent", None)]),
        ("积雪5—15厘米", [("5—15厘米", None, 5.0, 15.0, "厘米", "length", None)]),
        ("月薪6.9万—8万", [("6.9万—8万", None, 69000.0, 80000.0, "", "count", None)]),
        ("12～20℃", [("12～20℃", None, 12.0, 20.0, "℃", "temperature", None)]),
        ("300至400人", [("300至400人", None, 300.0, 400.0, "人", "count", None)]),
        ("1—10月份", [("1—10月份", None, "--01", "--10", "", "date", None)]),
        ("8日到14日", [("8日到14日", None, "---08", "---14", "", "date", None)]),
        (
            "2022年1月18日至20日",
            [("2022年1月18日至20日", None, "2022-01-18", "2022-01-20", "", "date", None)],
        ),
        ("3月5日至11日", [("3月5日至11日", None, "--03-05", "--03-11", "", "date", None)]),
        ("2023年3月至5月", [("2023年3月至5月", None, "2023-03", "2023-05", "", "date", None)]),
        ("2022—2023年度", [("2022—2023年度", None, 2022.0, 2023.0, "年", "year", None)]),
        ("0—24时", [("0—24时", None, "00:00", "24:00", "", "time", None)]),
        ("7、8、9三个月", [("7、8、9三个月", None, "--07", "--09", "", "date", None)]),
        # times and dates as ISO strings
        ("10时30分", [("10时30分", "10:30", None, None, "", "time", None)]),
        ("16时，", [("16时", "16:00", None, None, "", "time", None)]),
        ("晚上8时18分", [("晚上8时18分", "20:18", None, None, "", "time", None)]),
        ("上午9点30分", [("9点30分", "09:30", None, None, "", "time", None)]),
        ("9點半", [("9點半", "09:30", None, None, "", "time", None)]),
        ("下午3点", [("下午3点", "15:00", None, None, "", "time", None)]),
        ("凌晨2时许", [("2时许", "02:00", None, None, "", "time", "许")]),
        ("2019年7月", [("2019年7月", "2019-07", None, None, "", "date", None)]),
        ("1月17日", [("1月17日", "--01-17", None, None, "", "date", None)]),
        ("16日", [("16日", "---16", None, None, "", "date", None)]),
        ("自一月起", [("一月", "--01", None, None, "", "date", None)]),
        ("（7/5）", [("7/5", "--07-05", None, None, "", "date", None)]),
        ("2011 年", [("2011 年", 2011.0, None, None, "年", "year", None)]),
        ("2024上半年", [("2024", 2024.0, None, None, "年", "year", None)]),
        # Chinese-numeral quantities, 成-fractions, colloquial ranges
        ("“两万元”", [("两万元", 20000.0, None, None, "元", "money", None)]),
        ("万把块", [("万把块", 10000.0, None, None, "元", "money", "把")]),
        ("千余处", [("千余处", 1000.0, None, None, "处", "count", "余")]),
        ("千亩", [("千亩", 1000.0, None, None, "亩", "area", None)]),
        ("万余名", [("万余名", 10000.0, None, None, "人", "count", "余")]),
        ("十亿棵树", [("十亿棵", 1e9, None, None, "棵", "count", None)]),
        ("前十个月", [("十个月", 10.0, None, None, "个月", "duration", None)]),
        ("时隔两月", [("两月", 2.0, None, None, "月", "duration", None)]),
        ("六成", [("六成", 60.0, None, None, "%", "percent", None)]),
        ("近八成", [("近八成", 80.0, None, None, "%", "percent", "近")]),
        ("二成五", [("二成五", 25.0, None, None, "%", "percent", None)]),
        ("逾3成", [("逾3成", 30.0, None, None, "%", "percent", "逾")]),
        ("5成5", [("5成5", 55.0, None, None, "%", "percent", None)]),
        ("約5兆元", [("約5兆元", 5e12, None, None, "元", "money", "約")]),  # the word as written
        ("攝氏35度", [("35度", 35.0, None, None, "℃", "temperature", None)]),
        ("三四个月", [("三四个月", None, 3.0, 4.0, "个月", "duration", None)]),
        ("两三年", [("两三年", None, 2.0, 3.0, "年", "duration", None)]),
        ("三四百人", [("三四百人", None, 300.0, 400.0, "人", "count", None)]),
        ("四五月份", [("四五月份", None, "--04", "--05", "", "date", None)]),
        ("三五个", [("三五个", None, 3.0, 5.0, "个", "count", None)]),
        ("约占三分之一", [("约占三分之一", 1 / 3, None, None, "", "ratio", "约")]),
        ("2.5:1", [("2.5:1", 2.5, None, None, "", "ratio", None)]),
        ("收入比值2.62", [("2.62", 2.62, None, None, "", "ratio", None)]),
        # approximation and bound words
        ("至少32人", [("至少32人", 32.0, None, None, "人", "count", "至少")]),
        ("55%以上", [("55%以上", 55.0, None, None, "%", "percent", "以上")]),
        ("0℃以下", [("0℃以下", 0.0, None, None, "℃", "temperature", "以下")]),
        ("百分之五十以上", [("百分之五十以上", 50.0, None, None, "%", "percent", "以上")]),
        ("3个多月", [("3个多月", 3.0, None, None, "个月", "duration", "多")]),
        ("8%左右", [("8%左右", 8.0, None, None, "%", "percent", "左右")]),
        ("4000多万户", [("4000多万户", 40000000.0, None, None, "户", "count", "多")]),
        ("超过160起", [("超过160起", 160.0, None, None, "起", "count", "超过")]),
        # units normalised or no longer dropped
        ("5口人", [("5口人", 5.0, None, None, "人", "count", None)]),
        ("4名", [("4名", 4.0, None, None, "人", "count", None)]),
        ("3位专家", [("3位", 3.0, None, None, "人", "count", None)]),
        ("两块钱", [("两块钱", 2.0, None, None, "元", "money", None)]),
        ("只要五块。", [("五块", 5.0, None, None, "元", "money", None)]),
        ("两万块", [("两万块", 20000.0, None, None, "元", "money", None)]),
        ("500元人民币", [("500元人民币", 500.0, None, None, "元", "money", None)]),
        ("18班", [("18班", 18.0, None, None, "班", "count", None)]),
        ("158起", [("158起", 158.0, None, None, "起", "count", None)]),
        ("近200家", [("近200家", 200.0, None, None, "家", "count", "近")]),
        ("510分", [("510分", 510.0, None, None, "分", "other", None)]),
        ("21世纪", [("21世纪", 21.0, None, None, "世纪", "other", None)]),
        ("时速350公里", [("350公里", 350.0, None, None, "公里/小时", "other", None)]),
        ("投资85亿", [("85亿", 8.5e9, None, None, "", "money", None)]),
        ("3年", [("3年", 3.0, None, None, "年", "duration", None)]),
    ],
)
def test_new_figure_model(text: str, expected: list[Full]) -> None:
    assert full(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1.加强领导\n2.压实责任",
        "85后 00后",
        "5G网络",
        "拨打110",
        "新闻条数：20",
        "第九个五年计划",
        "《1812序曲》",
        "这两项",
        "两年前",
        "三轮车",
        "两国开展合作",
        "具有里程碑意义的一年",
        "较前一周增加",
        "硫磺石-2型导弹",
        "Top 20",
        "双11",
        "三块石头",
    ],
)
def test_false_figures_of_the_issue(text: str) -> None:
    assert find_figures(text) == []


def test_changes_record_direction_and_both_ends() -> None:
    down, up = find_figures("贫困发生率从13.43%降至0.36%"), find_figures("收入由3万元增至5万元")
    assert [(f.value, f.value_low, f.value_high, f.direction) for f in down] == [
        (13.43, 0.36, 13.43, "down"),
        (0.36, 0.36, 13.43, "down"),
    ]
    assert [(f.value, f.direction) for f in up] == [(30000.0, "up"), (50000.0, "up")]


def test_negative_figures_have_sign_minus_one() -> None:
    assert [f.sign for f in find_figures("零下二十三摄氏度，－8℃，12℃")] == [-1, -1, 1]


def test_corpus_figures_follow_the_model() -> None:
    """On the bundled corpus: a value or both ends (never both kinds of value but for a
    change), ISO strings only for dates and times, an approx word inside the span."""
    corpus = Path(__file__).resolve().parents[3] / "corpus"
    figures = [f for p in sorted(corpus.glob("*.txt")) for f in find_figures(p.read_text("utf-8"))]
    assert len(figures) > 100
    for f in figures:
        ranged = f.value_low is not None and f.value_high is not None
        assert (f.value is not None) or ranged, f
        assert (f.value_low is None) == (f.value_high is None), f
        if f.value is not None and ranged:
            assert f.direction in ("down", "up"), f  # a change keeps its own value
        if isinstance(f.value, str) or isinstance(f.value_low, str):
            assert f.kind in ("date", "time"), f
        assert f.approx is None or f.approx in f.text, f
        assert f.sign in (1, -1)
