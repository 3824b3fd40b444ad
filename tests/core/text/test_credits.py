"""A byline as shown: without its layout marks, dateline words and source credit."""

from __future__ import annotations

import pytest

from hnreader.core.text.credits import shown_byline


@pytest.mark.parametrize(
    ("byline", "shown"),
    [
        ("■记者 贺佳 冒藹", "记者 贺佳 冒藹"),
        ("□本报记者 王五", "本报记者 王五"),
        ("● 新华社记者 李四", "新华社记者 李四"),
        ("▲湖南日报记者 赵六", "湖南日报记者 赵六"),
        ("本报讯", ""),
        ("本报１２月３１日讯", ""),  # full-width digits
        ("本报北京12月31日讯（记者 张三）", "记者 张三"),
        ("新华社长沙3月5日电（记者 钱七）", "记者 钱七"),
        ("湖南日报12月27日讯(全媒体记者 郑丹枚 通讯员 阳望春)", "全媒体记者 郑丹枚 通讯员 阳望春"),
        ("◆本报讯 记者 王五", "记者 王五"),
        ("**本台消息**（午间新闻）：", ""),
        ("央视网消息（新闻联播）：", ""),
        ("本报通讯员 张三", "本报通讯员 张三"),  # 讯 of 通讯员 is no dateline
        ("红网时刻记者 汪衡 北京报道", "红网时刻记者 汪衡 北京报道"),
        ("■本报记者 陈 润\n本报讯", "本报记者 陈 润"),
        ("（本报记者  范昊天采访整理）", "本报记者  范昊天采访整理"),
        ("(记者 张三)(实习生 李四)", "(记者 张三)(实习生 李四)"),
        ("", ""),
    ],
)
def test_shown_byline(byline: str, shown: str) -> None:
    assert shown_byline(byline) == shown


def test_compiled_and_bar_separated_credits_name_their_reporter() -> None:
    from hnreader.core.importing.credit_lines import is_byline_line, reporters_from_byline
    from hnreader.core.text.normalize import fold_for_search

    for line, names in [
        ("陳端武／綜合外電", ("陳端武",)),
        ("作者︱春春", ("春春",)),
        ("作者：责任编辑：肖春芳", ()),  # a credit word where the name would be
    ]:
        assert is_byline_line(fold_for_search(line)) or not names
        assert reporters_from_byline(line) == names


def test_taiwan_datelines_and_sign_offs_credit_their_reporters() -> None:
    from hnreader.core.importing.credit_lines import (
        dateline_prefix_length,
        is_byline_line,
        reporters_from_byline,
    )
    from hnreader.core.text.normalize import fold_for_search

    for line, names in [
        ("〔記者張存薇／台東報導〕台東縣賓朗國小護理師牽線送鞋。", ("張存薇",)),
        ("（記者吳珮如、陳培煌／台北報導）英商七年前撞死送報生。", ("吳珮如", "陳培煌")),
        ("【吳珮如、陳培煌╱台北報導】英商七年前撞死送報生。", ("吳珮如", "陳培煌")),
    ]:
        cut = dateline_prefix_length(fold_for_search(line))
        assert cut and reporters_from_byline(line[:cut]) == names
    assert not dateline_prefix_length(fold_for_search("吳珮如╱台北報導今天的新聞。"))
    assert is_byline_line(fold_for_search("（万载县统计局）"))  # the issuer signing off
    assert not is_byline_line(fold_for_search("（资料图）"))
