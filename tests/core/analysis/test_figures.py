"""find_figures(): what is a statistic in Chinese news text, its value, unit, kind and offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from hnreader.core.analysis.chinese_numerals import parse_chinese_integer
from hnreader.core.analysis.figures import find_figures
from hnreader.core.models import FIGURE_KINDS

CORPUS = Path(__file__).resolve().parents[3] / "corpus"

Row = tuple[str, int, float | str | None, str, str]  # (text, start, value, unit, kind)


def rows(text: str) -> list[Row]:
    return [(f.text, f.start, f.value, f.unit, f.kind) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic numbers, separators, magnitudes, units
        ("共1,234人", [("1,234人", 1, 1234.0, "人", "count")]),
        ("另有1，234元", [("1，234元", 2, 1234.0, "元", "money")]),
        ("减少747万", [("747万", 2, 7470000.0, "", "count")]),
        ("放贷229.6亿元", [("229.6亿元", 2, 22960000000.0, "元", "money")]),
        ("新增2.3亿元", [("2.3亿元", 2, 230000000.0, "元", "money")]),
        ("3.37万名干部", [("3.37万名", 0, 33700.0, "人", "count")]),
        ("签约229亿美元", [("229亿美元", 2, 22900000000.0, "美元", "money")]),
        ("3万亿元", [("3万亿元", 0, 3e12, "元", "money")]),
        ("5千人", [("5千人", 0, 5000.0, "人", "count")]),
        ("6920个贫困村", [("6920个", 0, 6920.0, "个", "count")]),
        ("年产50万台", [("50万台", 2, 500000.0, "台", "count")]),
        ("每天限流 50 人", [("50 人", 5, 50.0, "人", "count")]),
        ("11.68件", [("11.68件", 0, 11.68, "件", "count")]),
        ("排名2021", [("2021", 2, 2021.0, "", "other")]),
        # percentages
        ("增长14.6%", [("14.6%", 2, 14.6, "%", "percent")]),
        ("高于4.5个百分点", [("4.5个百分点", 2, 4.5, "个百分点", "percentage_points")]),
        ("百分之十三", [("百分之十三", 0, 13.0, "%", "percent")]),
        ("百分之十三点四三", [("百分之十三点四三", 0, 13.43, "%", "percent")]),
        ("百分之百", [("百分之百", 0, 100.0, "%", "percent")]),
        ("千分之五", [("千分之五", 0, 5.0, "‰", "percent")]),
        ("三分之一", [("三分之一", 0, 1 / 3, "", "ratio")]),
        # area, weight, lengths and spans
        ("种植20万亩", [("20万亩", 2, 200000.0, "亩", "area")]),
        ("30平方公里", [("30平方公里", 0, 30.0, "平方公里", "area")]),
        ("2公顷", [("2公顷", 0, 2.0, "公顷", "area")]),
        ("400公斤蜂蜜", [("400公斤", 0, 400.0, "公斤", "weight")]),
        ("160余吨", [("160余吨", 0, 160.0, "吨", "weight")]),
        ("3千米", [("3千米", 0, 3.0, "千米", "length")]),
        ("增长2倍", [("2倍", 2, 2.0, "倍", "other")]),
        ("18岁", [("18岁", 0, 18.0, "岁", "other")]),
        ("70周年", [("70周年", 0, 70.0, "周年", "other")]),
        ("40分钟", [("40分钟", 0, 40.0, "分钟", "duration")]),
        ("3年内", [("3年", 0, 3.0, "年", "duration")]),
        ("为期1个半月", [("1个半月", 2, 1.5, "个月", "duration")]),
        ("1.5个工作日", [("1.5个工作日", 0, 1.5, "工作日", "duration")]),
        ("两个多月", [("两个多月", 0, 2.0, "个月", "duration")]),
        ("三个半小时", [("三个半小时", 0, 3.5, "小时", "duration")]),
        # approximations: in the surface text, value is the base number
        ("长达10余个小时的直播", [("10余个小时", 2, 10.0, "小时", "duration")]),
        ("近千人参加", [("近千人", 0, 1000.0, "人", "count")]),
        ("两千多名干部", [("两千多名", 0, 2000.0, "人", "count")]),
        ("约3万户", [("约3万户", 0, 30000.0, "户", "count")]),
        ("3万户左右", [("3万户左右", 0, 30000.0, "户", "count")]),
        ("超过500人", [("超过500人", 0, 500.0, "人", "count")]),
        ("超5000亿元", [("超5000亿元", 0, 5e11, "元", "money")]),
        ("逾千人", [("逾千人", 0, 1000.0, "人", "count")]),
        ("将近2万元", [("将近2万元", 0, 20000.0, "元", "money")]),
        ("5年多来", [("5年多", 0, 5.0, "年", "duration")]),
        ("80多万贫困人口", [("80多万", 0, 800000.0, "", "count")]),
        ("8亿多元", [("8亿多元", 0, 800000000.0, "元", "money")]),
        ("1200余万元", [("1200余万元", 0, 12000000.0, "元", "money")]),
        ("开展督查千余次", [("千余次", 4, 1000.0, "次", "count")]),
        ("上百种农副产品", [("上百种", 0, 100.0, "种", "count")]),
        ("突破万家", [("万家", 2, 10000.0, "家", "count")]),
        # a one-character approximation that is part of a word is not taken
        ("最近3年", [("3年", 2, 3.0, "年", "duration")]),
        ("签约3个项目", [("3个", 2, 3.0, "个", "count")]),
        # Chinese numerals with a measure word, or ending in 万/亿
        ("一百二十万", [("一百二十万", 0, 1200000.0, "", "count")]),
        ("三万余户", [("三万余户", 0, 30000.0, "户", "count")]),
        ("安排两支工作队", [("两支", 2, 2.0, "支", "count")]),
        ("三条观摩线路", [("三条", 0, 3.0, "条", "count")]),
        ("七道程序", [("七道", 0, 7.0, "道", "count")]),
        ("十个经济大省", [("十个", 0, 10.0, "个", "count")]),
        ("两场硬仗", [("两场", 0, 2.0, "场", "count")]),
        ("连续两年", [("两年", 2, 2.0, "年", "duration")]),
        ("不到两小时", [("两小时", 2, 2.0, "小时", "duration")]),
        # years and dates
        ("2012年", [("2012年", 0, 2012.0, "年", "year")]),
        ("截至2018年年底", [("2018年", 2, 2018.0, "年", "year")]),
        ("二〇二〇年", [("二〇二〇年", 0, 2020.0, "年", "year")]),
        ("2020年11月30日", [("2020年11月30日", 0, "2020-11-30", "", "date")]),
        ("自2013年11月3日", [("2013年11月3日", 1, "2013-11-03", "", "date")]),
        ("2017年5月", [("2017年5月", 0, "2017-05", "", "date")]),
        ("二〇二〇年十一月三十日", [("二〇二〇年十一月三十日", 0, "2020-11-30", "", "date")]),
        ("5月24日中午", [("5月24日", 0, "--05-24", "", "date")]),
        ("十一月三十日", [("十一月三十日", 0, "--11-30", "", "date")]),
        ("去年9月", [("9月", 2, "--09", "", "date")]),
        ("2020-09-16 03:40:44", [("2020-09-16", 0, "2020-09-16", "", "date")]),
        # changes: one figure per number (their ends and direction: test_changes); ranges:
        # one figure, value None (its ends: test_new_figure_model)
        (
            "从13.43%降至0.36%",
            [("13.43%", 1, 13.43, "%", "percent"), ("0.36%", 9, 0.36, "%", "percent")],
        ),
        ("2012年至2019年", [("2012年至2019年", 0, None, "年", "year")]),
        (
            "从2016年的8.41%下降至2019年的0.27%",
            [
                ("2016年", 1, 2016.0, "年", "year"),
                ("8.41%", 7, 8.41, "%", "percent"),
                ("2019年", 15, 2019.0, "年", "year"),
                ("0.27%", 21, 0.27, "%", "percent"),
            ],
        ),
        ("3至5万元", [("3至5万元", 0, None, "元", "money")]),
        ("三至五年", [("三至五年", 0, None, "年", "duration")]),
        ("2019-2020年", [("2019-2020年", 0, None, "年", "year")]),
        ("1至11月", [("1至11月", 0, None, "", "date")]),
        # codes, telephones, times, versions, ordinals: not statistics
        ("热线010-00000000", []),
        ("03:40:44", []),
        ("版本1.2.3", []),
        ("5G网络 COVID-19 A4纸", []),
        ("编号20200916001", []),
        ("第3名 第6位", []),
        ("紧接1版", []),
        ("1、加强领导\n2.压实责任（3）落实", []),
    ],
)
def test_recognised(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "十八洞村",
        "一鼓作气、尽锐出战",
        "“四跟四走”产业扶贫",
        "“两不愁三保障”",
        "五个一批",
        "“五个一批”的重要举措",
        "三湘大地",
        "一是坚持高站位。二是突出高标准。三是力求高质量。",
        "十三届全国人大三次会议",
        "湖南代表团第四次全体会议",
        "一幅幅画卷 一片火热 一线干部 一体化 统一指挥 唯一的贫困村 万一 千万不要",
        "六下团组",
        "五级书记",
        "三级培训体系",
        "第一书记 第九批 第十二次党代会",
        "千家万户 千方百计 四通八达 十全十美",
        "四个全面",
        "“四个不摘” “四个严查”",
        "十分丰富",
        "“一件事一次办”",
        "万人拥有有效发明专利",
        "不漏一户、不落一人",
        "一台台服务器 一条条通道 一场场盛会 一个个平台",
        "“三本存折” 《三国演义》",
        "几十个 十几个 数百人 前十位",
        "零部件 零容忍",
        "十四五规划 十九届六中全会",
        "送你三月的风",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_full_width_digits_keep_original_text() -> None:
    text = "贫困发生率从１３．４３％降至０．３６％，共１，２３４人"
    assert rows(text) == [
        ("１３．４３％", 6, 13.43, "%", "percent"),
        ("０．３６％", 14, 0.36, "%", "percent"),
        ("１，２３４人", 21, 1234.0, "人", "count"),
    ]


def test_traditional_characters() -> None:
    assert rows("兩千多名幹部，三萬餘戶") == [
        ("兩千多名", 0, 2000.0, "人", "count"),
        ("三萬餘戶", 7, 30000.0, "户", "count"),
    ]


def test_offsets_are_code_points_after_non_bmp_characters() -> None:
    text = "𠮷𠮷共减少贫困人口747万，𠮷6920个贫困村"
    figures = find_figures(text)
    assert [(f.text, f.start, f.end) for f in figures] == [
        ("747万", 9, 13),
        ("6920个", 15, 20),
    ]
    assert all(text[f.start : f.end] == f.text for f in figures)


def test_corpus_paragraph_has_the_expected_figures() -> None:
    source = (CORPUS / "000_54f0985470ba41a3.txt").read_text(encoding="utf-8")
    paragraph = next(line for line in source.splitlines() if "减少贫困人口747万" in line)
    assert rows(paragraph) == [
        ("2012年至2019年", 60, None, "年", "year"),
        ("747万", 81, 7470000.0, "", "count"),
        ("6920个", 86, 6920.0, "个", "count"),
        ("51个", 101, 51.0, "个", "count"),
        ("13.43%", 120, 13.43, "%", "percent"),
        ("0.36%", 128, 0.36, "%", "percent"),
        ("14.6%", 149, 14.6, "%", "percent"),
        ("两年", 169, 2.0, "年", "duration"),
    ]


def test_corpus_figures_are_exact_slices_and_never_overlap() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert files
    total = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        figures = find_figures(text)
        total += len(figures)
        previous_end = 0
        for figure in figures:
            assert text[figure.start : figure.end] == figure.text, path.name
            assert figure.start >= previous_end and figure.end > figure.start, path.name
            assert figure.kind in FIGURE_KINDS and figure.kind != "caption"
            previous_end = figure.end
    assert total > 100


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十八", 18),
        ("一百二十万", 1_200_000),
        ("两千五", 2500),
        ("两千零五", 2005),
        ("三万五", 35_000),
        ("一亿二千万", 120_000_000),
        ("三万亿", 3_000_000_000_000),
        ("一千零五十", 1050),
        ("千", 1000),
        ("三四", None),
        ("万一", None),
        ("十四五", None),
        ("百十", None),
    ],
)
def test_parse_chinese_integer(numeral: str, value: int | None) -> None:
    assert parse_chinese_integer(numeral) == value


def test_two_megabytes_in_linear_time() -> None:
    news = "\n".join(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))
    text = (news * (2_000_000 // len(news) + 1))[:2_000_000]
    # ≈ 1 s on a 2-core machine; catastrophic backtracking would not finish (speed is measured
    # by benchmarks/, not asserted here).
    figures = find_figures(text)
    assert len(figures) > 15_000
    assert all(text[f.start : f.end] == f.text for f in figures[::500])


@pytest.mark.parametrize(
    "text",
    ["万" * 200_000, "1," * 50_000, "1." * 200_000, "1-" * 200_000, "一二" * 100_000],
)
def test_pathological_input_completes(text: str) -> None:
    figures = find_figures(text)
    assert all(text[f.start : f.end] == f.text for f in figures)
