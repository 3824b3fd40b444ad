"""Tests for photo-caption recognition."""

from __future__ import annotations

import pytest

from hnreader.core.importing.captions import caption_spans, is_caption_line, is_photo_credit
from hnreader.core.models import Span

CAPTIONS = [
    "湘江鲲鹏生产车间,工人正在组装服务器。受访者供图",
    "十八洞村通过土地流转建设的1000亩苗汉子猕猴桃示范基地,如今成为村民的“摇钱树”。(资料图)",
    "3月7日,习近平总书记参加甘肃代表团审议。 新华社 摄",
    "12月27日,30多名党员、群众给沃柑覆盖薄膜。杨志军 杨万里 摄影报道",
    "新华社记者 李贺 摄",
    "通讯员 张三 摄",
    "(受访者供图)",
    "图为十八洞村新貌。",
    "图注：宇航员在月球表面工作",
    "图片说明：村民在合作社分拣柑橘",
    "上图:村民在田间劳作。",
    "村民在采茶。(新华社发)",
    "雪后的岳麓山。(图片来源:视觉中国)",
    "雨後的臺中公園。記者 王小明 攝",  # Traditional characters
    "村民展示收获的柑橘。（本报记者 李四 摄）",  # full-width parentheses
    "张三/摄",
    "资料图",
    "梁孝鹏摄（人民视觉）",  # a credit with its agency in parentheses
    "刘  辉摄（人民视觉）",
]

NOT_CAPTIONS = [
    "他从事摄影工作二十多年,拍摄了大量反映乡村变化的照片。",
    "摄影展将于下周开幕",
    "记者正在现场拍摄",
    "他用无人机航拍摄",
    "他去拍摄（人民视觉）",
    "小明从事摄影（十年）",
    "■记者 贺佳 冒藹",
    "湖南代表团举行新闻发布会",
    "",
]


@pytest.mark.parametrize("line", CAPTIONS)
def test_caption_lines(line: str) -> None:
    assert is_caption_line(line)


@pytest.mark.parametrize("line", NOT_CAPTIONS)
def test_not_caption_lines(line: str) -> None:
    assert not is_caption_line(line)


def test_photo_credit_segments() -> None:
    assert is_photo_credit("新华社记者 李贺 摄")
    assert is_photo_credit("李贺摄")
    assert not is_photo_credit("正在拍摄")
    assert not is_photo_credit("他从事摄影")


def test_spans_cover_whole_caption_lines_without_surrounding_blanks() -> None:
    text = "正文第一段。\n  村民在田间劳作。新华社记者 李贺 摄  \n正文第二段。"
    (span,) = caption_spans(text)
    assert text[span.start : span.end] == "村民在田间劳作。新华社记者 李贺 摄"


def test_credit_line_joins_the_description_above() -> None:
    text = "正文。\n十八洞村的清晨。\n新华社记者 李贺 摄\n正文二。"
    (span,) = caption_spans(text)
    assert text[span.start : span.end] == "十八洞村的清晨。\n新华社记者 李贺 摄"


def test_spans_count_non_bmp_characters_as_one() -> None:
    text = "𠮷野家开业。\n门店外景。𠮷田 摄"
    (span,) = caption_spans(text)
    assert span == Span(7, 16)
    assert text[span.start : span.end] == "门店外景。𠮷田 摄"


def test_no_captions_in_plain_text() -> None:
    assert caption_spans("正文第一段。\n正文第二段,提到了摄影。") == ()
    assert caption_spans("") == ()
