"""Tests for the article splitter: the bundled corpus, synthetic layouts, losslessness, scale."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hnreader.core.importing import boilerplate, credit_lines
from hnreader.core.importing import news_lines as lines
from hnreader.core.importing import splitter as sp
from hnreader.core.importing.markup import (
    headline_parts,
    run_in_headline,
    without_list_marker,
)
from hnreader.core.models import ArticleDraft
from hnreader.core.text import dates
from hnreader.core.text.normalize import fold_for_search

ROOT = Path(__file__).resolve().parents[3]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "splitter").glob("*.txt"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def corpus_file(prefix: str) -> str:
    return read(next(p for p in CORPUS if p.name.startswith(prefix)))


def _markup_headline(line: str, title: str, heads: Counter[str]) -> bool:
    """`line` is `title` with heading marks or a list number before it, and its kicker and
    column label (each a subtitle line) around it; uses up those subtitle lines."""
    parts = headline_parts(line)
    extras = [part.strip() for part in (parts.kicker, parts.label) if part]
    if parts.title != title or (not parts.marker and not extras):
        return False
    if any(heads[extra] <= 0 for extra in extras):
        return False
    for extra in extras:
        heads[extra] -= 1
    return True


def assert_lossless(source: str, drafts: list[ArticleDraft]) -> None:
    """Every non-blank source line is accounted for exactly once, in order, by one article.

    The accounting, per article and over its lines first_line..last_line:
    - a line in `removed` is matched by its source_line number and exact text;
    - otherwise it is the next body paragraph (paragraphs are consumed in order, all of them);
    - otherwise it is the title, a line of `subtitle` or a line of `byline` (each used once);
    - otherwise it is a subtitle/byline line followed by the next body paragraph on the same
      line (a continuation marker or dateline cut off the front of a paragraph).
    All subtitle and byline lines must be used; the title may instead be derived (no
    headline): then it is the start of the first paragraph, or of the first line when the
    article has no body at all.
    Articles cover consecutive, non-overlapping line ranges that include every non-blank line.
    """
    lines = source.split("\n")
    nonblank = {n for n, line in enumerate(lines, start=1) if line.strip()}
    covered: set[int] = set()
    previous_last = 0
    for draft in drafts:
        assert draft.first_line > previous_last, "articles overlap or are out of order"
        previous_last = draft.last_line
        numbers = [n for n in range(draft.first_line, draft.last_line + 1) if lines[n - 1].strip()]
        assert not covered & set(numbers)
        covered.update(numbers)
        try:
            _account_greedily(lines, draft)
        except AssertionError:
            # Lines with the same text can be read two ways (a title that is also a
            # paragraph): the accounting is lossless if any reading of them is.
            assert _account_by_search(lines, draft, numbers), "no reading accounts for it"
        for span in draft.captions:
            assert 0 <= span.start < span.end <= len(draft.text)
    assert covered == nonblank


def _derived_from(first: str, title: str) -> bool:
    """A derived title is the start of the first paragraph (without its list number)."""
    start = title.removesuffix("…")
    return first.startswith(start) or without_list_marker(first).startswith(start)


def _run_in_rest(line: str, title: str) -> str | None:
    """The rest of a line that opens with `title` as a run-in headline (【标题】正文…)."""
    found = run_in_headline(fold_for_search(line), line, credit_lines.dateline_prefix_length)
    if found is None or found.title != title:
        return None
    return line[found.end :].strip()


def _heads(draft: ArticleDraft) -> Counter[str]:
    heads = Counter(
        [*draft.subtitle.split("\n"), *draft.byline.split("\n")]
        if draft.subtitle or draft.byline
        else []
    )
    heads.pop("", None)
    return heads


def _account_greedily(lines: list[str], draft: ArticleDraft) -> None:
    removed = {r.source_line: r.text for r in draft.removed}
    assert len(removed) == len(draft.removed)
    paragraphs = draft.text.split("\n") if draft.text else []
    assert all(p and p == p.strip() for p in paragraphs), "blank or unstripped paragraph"
    heads = _heads(draft)
    title_used = False
    next_para = 0
    for number in range(draft.first_line, draft.last_line + 1):
        text = lines[number - 1].strip()
        if not text:
            assert number not in removed
            continue
        para = paragraphs[next_para] if next_para < len(paragraphs) else None
        if number in removed:
            assert removed[number] == text
        elif text == para:
            next_para += 1
        elif text == draft.title and not title_used:
            title_used = True
        elif not title_used and _markup_headline(text, draft.title, heads):
            title_used = True  # ### 3.【kicker】title（label）: the markup is set aside
        elif heads[text] > 0:
            heads[text] -= 1
        else:
            run_in = _run_in_rest(text, draft.title) if not title_used else None
            if run_in is not None:  # 【标题】正文: the headline, then the rest of the line
                title_used, text = True, run_in
                if text == para:
                    next_para += 1
                    continue
            assert para is not None and text.endswith(para), f"line {number} lost: {text}"
            prefix = text[: len(text) - len(para)].strip()
            assert heads[prefix] > 0, f"line {number}: prefix {prefix!r} not accounted"
            heads[prefix] -= 1
            next_para += 1
    assert next_para == len(paragraphs), "a body paragraph has no source line"
    assert sum(heads.values()) == 0, f"unused subtitle/byline lines: {+heads}"
    if not title_used:  # derived: from the body, or (no body at all) from the first line
        first = paragraphs[0] if paragraphs else lines[draft.first_line - 1].strip()
        assert _derived_from(first, draft.title)


def _account_by_search(lines: list[str], draft: ArticleDraft, numbers: list[int]) -> bool:
    """The same accounting as `_account_greedily`, trying every reading of each line."""
    removed = {r.source_line: r.text for r in draft.removed}
    paragraphs = draft.text.split("\n") if draft.text else []
    heads0 = _heads(draft)
    names = sorted(heads0)
    seen: set[tuple] = set()
    stack = [(0, 0, False, tuple(heads0[n] for n in names))]
    while stack:
        state = stack.pop()
        if state in seen:
            continue
        seen.add(state)
        index, next_para, title_used, counts = state
        if index == len(numbers):
            if next_para != len(paragraphs) or any(counts):
                continue
            if not title_used:
                first = paragraphs[0] if paragraphs else lines[draft.first_line - 1].strip()
                if not _derived_from(first, draft.title):
                    continue
            return True
        number = numbers[index]
        text = lines[number - 1].strip()
        para = paragraphs[next_para] if next_para < len(paragraphs) else None
        heads = Counter(dict(zip(names, counts, strict=True)))
        if number in removed:
            if removed[number] == text:
                stack.append((index + 1, next_para, title_used, counts))
            continue
        if text == para:
            stack.append((index + 1, next_para + 1, title_used, counts))
        if not title_used and text == draft.title:
            stack.append((index + 1, next_para, True, counts))
        if not title_used and _markup_headline(text, draft.title, copy := Counter(heads)):
            stack.append((index + 1, next_para, True, tuple(copy[n] for n in names)))
        if heads[text] > 0:
            heads[text] -= 1
            stack.append((index + 1, next_para, title_used, tuple(heads[n] for n in names)))
            heads[text] += 1
        rest = _run_in_rest(text, draft.title) if not title_used else None
        if rest is not None and rest == para:
            stack.append((index + 1, next_para + 1, True, counts))
        if rest is not None and para is not None and rest != para and rest.endswith(para):
            prefix = rest[: len(rest) - len(para)].strip()
            if heads[prefix] > 0:
                heads[prefix] -= 1
                stack.append((index + 1, next_para + 1, True, tuple(heads[n] for n in names)))
                heads[prefix] += 1
        if para is not None and text != para and text.endswith(para):
            prefix = text[: len(text) - len(para)].strip()
            if heads[prefix] > 0:
                heads[prefix] -= 1
                stack.append((index + 1, next_para + 1, title_used, tuple(heads[n] for n in names)))
    return False


@pytest.mark.parametrize("path", CORPUS + FIXTURES, ids=lambda p: p.name)
def test_every_file_splits_losslessly(path: Path) -> None:
    text = read(path)
    drafts = sp.split_articles(text)
    assert drafts
    assert_lossless(text, drafts)


# --- the bundled corpus ------------------------------------------------------------------------


def test_corpus_000_press_conference_it_report_and_interview() -> None:
    # Three pieces from a 湖南日报 page (two-session coverage). The press-conference report runs
    # from its headline to "不重数字…" (its ■ byline appears after the lead paragraphs, and the
    # sections 注重脱贫质量 / 一手抓疫情防控 … are subheads of the same report; the stray
    # 受访者供图 photo caption stays in its body). Then the IT-industry report (kicker
    # 新生活新奋斗·新基建, subheads 【湘江有鲲鹏】/【发力“新基建”】, trailing ■记者 胡锐) and the
    # 两会好声音 interview with 赖明勇 (trailing ■记者 陈月红).
    drafts = sp.split_articles(corpus_file("000"))
    assert [d.title for d in drafts] == [
        "湖南代表团新闻发言人在驻地举行首场新闻发布: 奋力把湖南脱贫攻坚做好讲好 "
        "不重数字“算账”, 确保群众“认账”",
        "“湖南造”服务器为IT产业打牢底座 今年全省将组织30个重点项目打造IT产业集群",
        "赖明勇委员: 探索“新基建”路径 发展智慧社区养老",
    ]
    first, it, interview = drafts
    assert first.byline == "■记者 贺佳 冒藹"
    assert first.reporters == ("贺佳", "冒藹")
    assert (first.date, first.date_text) == ("--05-24", "5月24日")  # ISO without a year
    assert "注重脱贫质量 探索“湖南样本”" in first.text.split("\n")
    assert first.text.endswith("向党和人民交上一份优异答卷。")
    caption = first.captions[0]
    assert (
        first.text[caption.start : caption.end] == "湘江鲲鹏生产车间,工人正在组装服务器。受访者供图"
    )
    assert it.subtitle == "新生活新奋斗·新基建"
    assert it.byline == "■记者 胡锐"
    assert it.date == "--05-22"
    assert "【湘江有鲲鹏】“湖南造”助力数字化转型" in it.text
    assert interview.subtitle == "两会好声音"
    assert interview.reporters == ("陈月红",)
    assert interview.last_line == 83


def test_corpus_001_web_press_conference() -> None:
    # One web article (衡阳新闻网): title, web metadata lines, a dateline+byline prefix that
    # opens the first paragraph, then question/answer paragraphs.
    (draft,) = sp.split_articles(corpus_file("001"))
    assert draft.title == "“请人民阅卷”:雁峰区脱贫攻坚成就专场新闻发布会答记者问"
    assert draft.date == "2020-11-30"
    assert draft.date_text == "2020年11月30日"
    assert draft.byline == "衡阳新闻网讯 记者李洋杰 实习生袁安报道"
    assert draft.reporters == ("李洋杰", "袁安")
    assert draft.publication == "衡阳新闻网"
    assert draft.text.startswith("10月27日,“请人民阅卷”衡阳市决胜全面小康")
    assert [r.text for r in draft.removed] == ["发布时间:2020年11月30日", "来源:科技", "阅读:116次"]
    assert draft.text.split("\n")[1].startswith("问:今年是决胜全面建成小康社会")


def test_corpus_002_front_page_with_continuations() -> None:
    # A 湖南日报 page: a feature under two kickers, a series interview (series heading and its
    # —— line, title, —— subtitle), two 讯 reports, a continuation ◀◀(紧接1版①) with body on
    # the marker line (no headline: title from its first sentence), a continuation
    # ◀◀(上接1版②) whose first line is its heading, and a photo story after a wide gap.
    drafts = sp.split_articles(corpus_file("002"))
    assert [d.title for d in drafts] == [
        "扎根乡野 奋力书写乡村振兴时代答卷",
        "防范化解安全风险 在大战大考中勇担当",
        "城步生态特色农业 成规模化发展",
        "津市“三本存折” 激发乡村治理活力",
        "在党委领导下,人大、政府、政协、法院、检察院以及各民主党派、…",
        "筑牢“压舱石”,打造“强引擎”",
        "“穿衣戴帽”安全过冬",
    ]
    feature, interview, chengbu, jinshi, cont1, cont2, photo = drafts
    assert feature.subtitle == "巩固成果\n推动振兴"
    assert feature.byline == "湖南日报全媒体记者 周帆恒"
    assert feature.publication == "湖南日报"
    assert "选优配强,发挥选派力量最大效能" in feature.text.split("\n")
    assert interview.subtitle == (
        "牢记嘱托 干在实处 走在前列\n"
        "——学习贯彻省党代会精神·访谈\n"
        "——访省应急管理厅党委书记、厅长李大剑"
    )
    assert interview.reporters == ("奉永成",)
    assert chengbu.byline == "湖南日报12月27日讯(全媒体记者 郑丹枚 通讯员 阳望春)"
    assert chengbu.reporters == ("郑丹枚", "阳望春")
    assert chengbu.date == "--12-27"
    assert chengbu.text.startswith("今天,湖南汇峰农业发展有限公司负责人段才太")
    assert jinshi.subtitle == "激发群众自治热情,促进党员起模范带头作用"
    assert cont1.subtitle == "◀◀(紧接1版①)"
    assert cont1.text.startswith("在党委领导下,人大、政府")
    assert cont2.subtitle == "◀◀(上接1版②)"
    assert "激发内生动力,增强发展活力" in cont2.text.split("\n")
    assert photo.first_line == 175
    assert photo.date == "--12-27"
    assert len(photo.captions) == 1
    assert photo.captions[0].start == 0 and photo.captions[0].end == len(photo.text)


def test_corpus_003_web_page_with_navigation_and_ads() -> None:
    # One article on a spammy web page: site name, hotline banner, search box and breadcrumb
    # above; metadata line, a photo caption and the 红网时刻 byline under the title; game ads
    # below. Subheads such as 湖南决战决胜脱贫攻坚 攻克贫困最后堡垒 stay in the body.
    (draft,) = sp.split_articles(corpus_file("003"))
    assert draft.title == "两会学习笔记丨咬定精准不放松真抓真干助脱贫【消息】"
    assert draft.date == "2020-09-16"
    assert draft.date_text == "2020-09-16 03:40:44"
    assert draft.byline == "红网时刻记者 汪衡 北京报道"
    assert draft.reporters == ("汪衡",)
    reasons = {r.text: r.reason for r in draft.removed}
    assert reasons["免费服务热线"] == "hotline"
    assert reasons["010-00000000"] == "hotline"
    assert reasons["Free service"] == "hotline"
    assert reasons["当前位置:首页 > 技术资讯"] == "breadcrumb"
    assert reasons["热门搜索:"] == "search box"
    assert reasons["仙域奇缘破解版"] in ("trailing links", "navigation")  # a run of links
    assert "放开那三国2" not in draft.text
    assert "……" in draft.text.split("\n")  # an omission mark between paragraphs is text
    assert draft.text.startswith("3月7日,习近平总书记参加甘肃代表团审议。 新华社 摄")
    assert draft.text.endswith("不让一个贫困地区、一个贫困群众掉队。")
    captions = [draft.text[c.start : c.end] for c in draft.captions]
    assert captions[1].endswith("(资料图)")
    assert len(captions) == 2


def test_corpus_004_city_paper_page() -> None:
    # Four 衡阳日报-style reports, each with 引题/主题/副题, a ■本报记者 byline (names padded with
    # spaces) and a 本报讯 lead. The last lines (a caption without credit and a slogan) cannot
    # be placed with certainty and stay in the last article's body.
    drafts = sp.split_articles(corpus_file("004"))
    assert [d.title for d in drafts] == [
        "一鼓作气、尽锐出战 确保高质量完成脱贫攻坚目标任务",
        "一棒接着一棒跑下去 打造中南地区先进制造业中心",
        "进入房间,收到诗意“见面礼”",
        "华侨城创想广场开放迎客",
    ]
    assert [d.subtitle for d in drafts] == [
        "邓群策赴常宁市调研脱贫攻坚工作,强调——",
        "朱健在全市制造强市建设工作会议上强调",
        "在鄯善,张张手写小卡片温暖了衡阳援疆队员的心",
        "每天限流 50 人",
    ]
    assert drafts[0].byline == "■本报记者 陈 润\n本报讯"
    assert drafts[0].reporters == ("陈润",)
    assert drafts[2].reporters == ("王靖", "刘慧玲")
    assert drafts[3].reporters == ("敖文景", "周围")
    assert drafts[0].text.startswith("今年是决胜全面小康、决战脱贫攻坚的收官之年。")
    assert drafts[0].date == "--04-08"
    assert drafts[3].text.endswith("科学防控疫情\n有序推进复工复产")


# --- synthetic layouts -------------------------------------------------------------------------


def split(text: str) -> list[ArticleDraft]:
    drafts = sp.split_articles(text)
    assert_lossless(text, drafts)
    return drafts


def test_web_boilerplate_page_is_set_aside() -> None:
    (draft,) = split(read(ROOT / "tests/fixtures/splitter/web_page.txt"))
    assert draft.title == "长沙地铁6号线全线贯通"
    assert draft.text == (
        "3月5日,长沙地铁6号线全线贯通,市民出行将更加便捷。\n据介绍,6号线全长48.11公里,共设车站34座。"
    )
    assert draft.byline == "本网讯(记者 张三 通讯员 李四)"
    assert draft.reporters == ("张三", "李四")
    assert draft.date == "2021-03-05"
    reasons = [r.reason for r in draft.removed]
    for reason in ("navigation", "breadcrumb", "editor credit", "share buttons", "pager"):
        assert reason in reasons
    assert reasons[-1] == "copyright"


def test_wire_copy_with_xinhua_datelines() -> None:
    first, second = split(read(ROOT / "tests/fixtures/splitter/wire_copy.txt"))
    assert first.title == "国务院召开常务会议"
    assert first.byline == "新华社北京3月5日电(记者 张三 李四)"
    assert first.publication == "新华社"
    assert first.date == "--03-05"
    assert first.text.startswith("国务院总理主持召开")
    assert [r.reason for r in first.removed] == ["end mark"]
    assert second.title == "全国春耕生产有序推进"
    assert second.reporters == ("王五",)
    assert second.text.startswith("记者从农业农村部获悉")


def test_wire_briefs_without_headlines_split_at_each_dateline() -> None:
    text = "新华社北京3月5日电 第一条消息的正文。\n\n新华社上海3月5日电 第二条消息的正文。\n"
    first, second = split(text)
    assert first.title == "第一条消息的正文"
    assert second.byline == "新华社上海3月5日电"


def test_file_without_headline_titles_from_first_sentence() -> None:
    (draft,) = split(read(ROOT / "tests/fixtures/splitter/no_headline.txt"))
    assert draft.title == "今年以来，我市加快推进乡村振兴，农民人均可支配收入同比增长8…"
    assert len(draft.title) == lines.DERIVED_TITLE_CHARS + 1
    assert draft.text.split("\n")[0].startswith("今年以来")


def test_short_first_sentence_is_the_whole_title() -> None:
    (draft,) = split("会议强调了三点。一是加强领导,二是压实责任。\n")
    assert draft.title == "会议强调了三点"


def test_trailing_byline_line_belongs_to_the_article_above() -> None:
    text = (
        "春耕正当时\n\n各地抓紧春耕生产,确保粮食丰收。\n\n■记者 贺佳\n\n"
        "夏粮收购启动\n\n收购工作有序开展。\n"
    )
    first, second = split(text)
    assert first.byline == "■记者 贺佳"
    assert first.last_line == 5
    assert second.title == "夏粮收购启动"
    assert second.byline == ""


def test_kicker_headline_and_subtitle() -> None:
    text = (
        "正文在此结束。\n\n两会好声音\n\n代表委员热议乡村振兴\n\n——访全国人大代表张三\n\n"
        "本报记者 李四\n\n3月5日,张三代表说,乡村振兴大有可为。\n"
    )
    _, second = split(text)
    assert second.title == "代表委员热议乡村振兴"
    assert second.subtitle == "两会好声音\n——访全国人大代表张三"
    assert second.byline == "本报记者 李四"
    assert second.date == "--03-05"


def test_lead_in_kicker_ending_with_dash_or_speech_verb() -> None:
    assert lines.title_index(["市委书记调研时强调——", "一鼓作气 尽锐出战"]) == 1
    assert lines.title_index(["市长在会上强调", "一棒接着一棒跑下去"]) == 1
    assert lines.title_index(["华侨城创想广场开放迎客", "每天限流 50 人"]) == 0
    assert lines.title_index(["巩固成果", "推动振兴", "扎根乡野 奋力书写答卷"]) == 2


def test_subheads_inside_an_article_stay_in_the_body() -> None:
    text = "主标题在这里\n\n第一段正文。\n\n一、加强组织领导\n\n第二段正文。\n"
    (draft,) = split(text)
    assert draft.text == "第一段正文。\n一、加强组织领导\n第二段正文。"


def test_continuation_marker_starts_a_piece() -> None:
    text = "头条新闻标题\n\n头条正文。\n\n▶▶(下转2版)\n\n◀◀(上接1版)\n\n续接的正文。\n"
    first, second = split(text)
    assert [r.reason for r in first.removed] == ["jump line"]
    assert second.subtitle == "◀◀(上接1版)"
    assert second.title == "续接的正文"
    assert second.text == "续接的正文。"


def test_continuation_marker_with_body_on_the_same_line() -> None:
    (draft,) = split("◀◀(紧接1版①)在党委领导下,各方密切协作。\n")
    assert draft.subtitle == "◀◀(紧接1版①)"
    assert draft.text == "在党委领导下,各方密切协作。"


def test_traditional_chinese_text() -> None:
    (draft,) = split(read(ROOT / "tests/fixtures/splitter/traditional.txt"))
    assert draft.title == "臺灣中部地區降雨量創新高"
    assert draft.byline == "本報訊（記者 王小明）"
    assert draft.reporters == ("王小明",)
    assert draft.date == "2020-03-05"
    assert draft.date_text == "２０２０年３月５日"
    caption = draft.captions[0]
    assert draft.text[caption.start : caption.end] == "雨後的臺中公園。記者 王小明 攝"


def test_full_width_digits_in_dates() -> None:
    text = "发布时间:２０２０年３月５日\n\n标题在此\n\n正文内容。\n"
    (draft,) = split(text)
    assert draft.date == "2020-03-05"
    assert draft.date_text == "２０２０年３月５日"
    assert draft.title == "标题在此"


def test_chinese_numeral_date() -> None:
    found = dates.find_date("二〇二一年十二月二十七日", "二〇二一年十二月二十七日")
    assert found is not None and found.value == "2021-12-27"


def test_caption_with_photo_credit_stays_in_body() -> None:
    text = "标题\n\n正文第一段。\n\n村民在田间劳作。新华社记者 李贺 摄\n\n正文第二段。\n"
    (draft,) = split(text)
    lines = draft.text.split("\n")
    assert lines[1] == "村民在田间劳作。新华社记者 李贺 摄"
    (span,) = draft.captions
    assert draft.text[span.start : span.end] == lines[1]


def test_non_bmp_character_keeps_offsets() -> None:
    text = "𠮷野家开新店\n\n本报讯 𠮷野家今天开业。\n\n门店外景。𠮷田 摄\n"
    (draft,) = split(text)
    assert draft.title == "𠮷野家开新店"
    assert draft.text == "𠮷野家今天开业。\n门店外景。𠮷田 摄"
    (span,) = draft.captions
    assert draft.text[span.start : span.end] == "门店外景。𠮷田 摄"


def test_byline_prefix_keeps_the_rest_of_the_paragraph() -> None:
    text = "标题\n衡阳新闻网讯 记者李洋杰 实习生袁安报道 10月27日,发布会召开。\n"
    (draft,) = split(text)
    assert draft.byline == "衡阳新闻网讯 记者李洋杰 实习生袁安报道"
    assert draft.text == "10月27日,发布会召开。"
    assert draft.date == "--10-27"


def test_body_mentioning_hotline_or_reporter_is_not_removed() -> None:
    text = (
        "标题\n\n市民可拨打12345热线反映问题,相关部门将在24小时内答复,并及时公布处理结果。\n"
        "记者从省工信厅获悉,今年将组织实施30个重点项目。\n"
    )
    (draft,) = split(text)
    assert draft.removed == ()
    assert draft.byline == ""
    assert len(draft.text.split("\n")) == 2


def test_empty_and_blank_text() -> None:
    assert sp.split_articles("") == []
    assert sp.split_articles("\n\n  \n") == []


def test_only_boilerplate_still_gives_one_article() -> None:
    text = "首页 | 新闻 | 体育 | 财经\n分享到:\n"
    (draft,) = split(text)
    assert draft.title
    assert draft.first_line == 1


# --- heuristics in isolation -------------------------------------------------------------------


def test_headline_features() -> None:
    assert lines.is_headline_like("扎根乡野 奋力书写乡村振兴时代答卷")
    assert not lines.is_headline_like("各地抓紧春耕生产,确保粮食丰收。")
    assert not lines.is_headline_like("在塔山乡东江村召开的座谈会上,")
    assert not lines.is_headline_like("问:雁峰区做了哪些工作?")
    assert not lines.is_headline_like("010-00000000")


def test_byline_and_dateline_features() -> None:
    assert credit_lines.is_byline_line("■记者 贺佳 冒藹")
    assert credit_lines.is_byline_line("通 讯 员 刘慧玲")
    assert credit_lines.is_byline_line("红网时刻记者 汪衡 北京报道")
    assert not credit_lines.is_byline_line("记者从省工信厅获悉,今年将组织实施30个重点项目。")
    assert credit_lines.dateline_prefix_length("本报讯 今年是收官之年。") == 3
    assert credit_lines.dateline_prefix_length("本报讯") == 0  # no body text after it
    assert credit_lines.dateline_prefix_length("人民网电视节目很多。") == 0
    assert credit_lines.reporters_from_byline("■本报记者 敖文景 周 围") == ("敖文景", "周围")
    assert credit_lines.publication_from_byline("湖南日报全媒体记者 周帆恒") == "湖南日报"


def test_boilerplate_features() -> None:
    assert boilerplate.boilerplate_reason("当前位置:首页 > 技术资讯") == "breadcrumb"
    assert boilerplate.boilerplate_reason("责任编辑:王五") == "editor credit"
    assert boilerplate.boilerplate_reason("扫一扫,分享到微信") == "share buttons"
    assert boilerplate.boilerplate_reason("上一篇:某某新闻") == "pager"
    assert boilerplate.boilerplate_reason("各地抓紧春耕生产,确保粮食丰收。") == ""
    # a page's contact box, search prompt and subscription line (folded text)
    assert boilerplate.boilerplate_reason("member@example.com") == "hotline"
    assert boilerplate.boilerplate_reason("+886-02-87125398。") == "hotline"
    assert boilerplate.boilerplate_reason("(周一至周五工作日9:00~18:00)") == "hotline"
    assert boilerplate.boilerplate_reason("您想去哪里?") == "search box"
    assert boilerplate.boilerplate_reason("订阅某某 行动版") == "advert"
    assert boilerplate.boilerplate_reason("周一至周五,全市有降雨。") == ""
    assert boilerplate.boilerplate_reason("网站地图 | 联系我们") == "navigation"
    assert boilerplate.boilerplate_reason("2021-06-18") == ""  # a date is no phone number


# --- scale -------------------------------------------------------------------------------------


def test_five_megabytes_split_linearly_and_losslessly() -> None:
    page = "\n\n".join(read(p) for p in CORPUS)
    copies = 5_000_000 // len(page) + 1
    text = "\n\n\n".join([page] * copies)
    drafts = sp.split_articles(text)
    assert len(drafts) >= copies * 10
    assert_lossless(text, drafts)


def test_numbered_section_headings_never_open_an_article() -> None:
    text = "标题\n\n导语正文。\n\n一、加强组织领导\n(一)压实责任\n各级要压实责任。\n"
    (draft,) = split(text)
    assert draft.text == "导语正文。\n一、加强组织领导\n(一)压实责任\n各级要压实责任。"


def test_page_furniture_between_title_and_metadata() -> None:
    text = "长沙地铁6号线全线贯通\n分享到:\n2021-03-05 来源:某某网\n长沙地铁6号线今天全线贯通。\n"
    (draft,) = split(text)
    assert draft.title == "长沙地铁6号线全线贯通"
    assert draft.publication == "某某网"
    assert [r.reason for r in draft.removed] == ["share buttons", "metadata"]


def test_editor_credit_closes_a_web_article() -> None:
    text = "第一条新闻\n\n正文一。\n\n(责任编辑:张三)\n\n第二条新闻\n\n正文二。\n"
    first, second = split(text)
    assert first.removed[0].reason == "editor credit"
    assert second.title == "第二条新闻"


def test_wide_gap_before_a_single_headline_opens_an_article() -> None:
    text = "标题一\n\n正文一。\n\n小标题\n\n正文二。\n\n\n\n标题二\n\n正文三。\n"
    first, second = split(text)
    assert "小标题" in first.text.split("\n")
    assert second.title == "标题二"
