"""Layout rules of Chinese news files (issue 12), each on a small file written in the spirit of
real ones: Markdown transcripts with a table of contents and digests, front matter and page
lines, dates from headers, file names and neighbours. Every split stays lossless."""

from __future__ import annotations

from test_article_splitter import assert_lossless

from hnreader.core.importing.markup import headline_parts, is_toc_header, toc_length
from hnreader.core.importing.splitter import split_articles
from hnreader.core.text.normalize import normalise_stored_text

TRANSCRIPT = """# 《午间新闻》（20210314）

## 新闻摘要

本期节目主要内容：

1.【走基层】村里来了新书记；

2.春耕备耕有序推进；

3.国内快讯：

（1）高速公路新开通一段；

（2）果园迎来丰收；
（《午间新闻》 20210314 12:00）

## 详细新闻

### 【走基层】村里来了新书记

**本台消息**（午间新闻）：今天（3月14日），记者来到山区的一个小村，见到了新来的驻村书记。他说，要让乡亲们的日子越过越好。

[查看原文](https://example.org/news/a.shtml)

### 2. 春耕备耕有序推进

本台消息：眼下各地春耕备耕有序推进，农资供应充足，价格总体平稳。

[查看原文](https://example.org/news/b.shtml)

### 国内快讯

<p><strong>本台消息</strong>（午间新闻）：</p><p><strong>高速公路新开通一段</strong></p><p>一段新修的高速公路今天通车，沿线三个县有了快速通道。</p><p><strong>果园迎来丰收</strong></p><p>南方一处果园迎来丰收，果农忙着采摘装箱。</p>

[查看原文](https://example.org/news/c.shtml)

---
"""


def split(text: str, name: str = "") -> list:
    text = normalise_stored_text(text)
    drafts = split_articles(text, name)
    assert_lossless(text, drafts)
    return drafts


def test_a_markdown_transcript_splits_at_its_headings_with_markers_set_aside() -> None:
    drafts = split(TRANSCRIPT)
    assert [d.title for d in drafts] == [
        "村里来了新书记",
        "春耕备耕有序推进",
        "高速公路新开通一段",
        "果园迎来丰收",
    ]
    assert drafts[0].subtitle == "【走基层】"  # the series kicker, not in the title
    assert {d.date for d in drafts} == {"2021-03-14"}  # the programme's date, not "3月14日"
    removed = {r.text: r.reason for d in drafts for r in d.removed}
    assert removed["本期节目主要内容："] == "table of contents"
    assert removed["（1）高速公路新开通一段；"] == "table of contents"
    assert removed["（《午间新闻》 20210314 12:00）"] == "table of contents"
    assert removed["## 详细新闻"] == "section heading"
    assert removed["### 国内快讯"] == "digest heading"
    assert removed["[查看原文](https://example.org/news/a.shtml)"] == "link"
    assert removed["---"] == "rule"
    assert drafts[2].text == "一段新修的高速公路今天通车，沿线三个县有了快速通道。"
    # The source credit opening a report is a dateline, not body text.
    assert drafts[0].byline == "**本台消息**（午间新闻）："
    assert drafts[0].text.startswith("今天（3月14日），记者来到")
    [credited] = split(
        "人工智能赋能制造业\n\n央视网消息（新闻联播）：我国加速人工智能赋能制造业。\n"
    )
    assert credited.publication == "央视网" and credited.text == "我国加速人工智能赋能制造业。"


def test_a_table_of_contents_ends_at_the_first_line_that_is_no_item() -> None:
    assert is_toc_header("本期节目主要内容:") and is_toc_header("## 主要内容")
    assert not is_toc_header("主要内容包括三个方面")
    items = ["1.第一条;", "2.第二条:", "不放弃第二条的下半句;", "这是正文的第一句话,很长" * 4]
    assert toc_length(items) == 3
    assert toc_length(["正文开头,没有编号的条目。"]) == 0


def test_headline_parts() -> None:
    parts = headline_parts("### 3.【奋进新征程】摆脱贫困彪炳史册（纵横）")
    assert (parts.level, parts.marker, parts.kicker, parts.title, parts.label) == (
        3,
        "### 3.",
        "【奋进新征程】",
        "摆脱贫困彪炳史册",
        "（纵横）",
    )
    # A number that is the headline's own, and a one-character aside, stay in it.
    assert headline_parts("2028年工业设备连接数将突破1.2亿台（套）").title == (
        "2028年工业设备连接数将突破1.2亿台（套）"
    )
    assert headline_parts("【快讯】").title == "【快讯】"  # nothing but a kicker
    # A lead-in set off by // (Taiwan papers' record dumps) is a kicker; a url is not one.
    lead_in = headline_parts("習近平訪港前夕// 泛民派佔金紫荊示威 26人被捕")
    assert (lead_in.kicker, lead_in.title) == ("習近平訪港前夕//", "泛民派佔金紫荊示威 26人被捕")
    assert headline_parts("详见 http://example.com/a").kicker == ""


def test_front_matter_and_a_page_line_are_metadata() -> None:
    text = """---
title: "乡村书屋里的读书声（纵横）"
date: 2019-06-02
author: "王五"
tags:
  - "乡村"
---

# 乡村书屋里的读书声（纵横）

> 王五《山乡日报》（2019年06月02日第 04 版）

周末的乡村书屋里坐满了孩子，志愿者带着他们读绘本、讲故事。

书屋的管理员说，来借书的大人也多了起来。
"""
    [draft] = split(text)
    assert draft.title == "乡村书屋里的读书声"
    assert draft.subtitle == "（纵横）"
    assert draft.date == "2019-06-02"
    assert draft.publication == "山乡日报"
    assert draft.text.startswith("周末的乡村书屋")
    reasons = {r.reason for r in draft.removed}
    assert reasons == {"front matter", "page line"}


def test_the_file_name_dates_articles_and_a_month_day_takes_the_nearest_year() -> None:
    text = """村道硬化全部完成

本报讯 12月31日，全县最后一条村道完成硬化。

春节前后物资供应充足

本报讯 1月4日，记者从县商务局了解到，节日市场供应充足。
"""
    drafts = split(text, "rmrb_20210105_02.txt")
    assert [d.date for d in drafts] == ["2020-12-31", "2021-01-04"]
    assert drafts[0].date_text == "12月31日"


def test_a_date_without_any_year_is_iso_without_a_year_or_takes_a_neighbours() -> None:
    undated = split("村道硬化全部完成\n\n本报讯 5月24日，全县最后一条村道完成硬化。\n")
    assert undated[0].date == "--05-24"
    page = """丰收节上的新农具

发布时间：2020年09月22日

丰收节上，新农具最受欢迎。

夜校里学技术

本报讯 9月23日，村里的夜校开课了。
"""
    assert [d.date for d in split(page)] == ["2020-09-22", "2020-09-23"]


def test_a_line_of_html_paragraphs_is_stored_as_its_paragraphs() -> None:
    line = "<p><strong>本台消息</strong>：</p><p>第一段&nbsp;正文。</p><p>第二段。<br/>第三段。</p>"
    assert (
        normalise_stored_text(f"标题\n{line}\n")
        == "标题\n本台消息：\n第一段\xa0正文。\n第二段。\n第三段。\n"
    )
    prose = "正文里写着 <p> 和 </p> 两个标记。"  # not a line of markup: kept as written
    assert normalise_stored_text(prose) == prose


def test_a_page_of_voices_splits_at_each_speaker_and_headline() -> None:
    text = """# 代表心声

> 《山乡日报》（2021年03月06日第 03 版）

今年两会，代表们围绕乡村振兴建言献策。

——编  者

全国人大代表、某县农业局局长张明：

让种粮农民有钱挣

种粮要有奔头，补贴要落到实处。

（本报记者  王  沛采访整理）

全国人大代表、某村党支部书记李华：

把人才留在乡村

乡村振兴，关键在人。

（本报记者  范昊天采访整理）
"""
    drafts = split(text)
    titles = [d.title for d in drafts]
    assert titles[-2:] == ["让种粮农民有钱挣", "把人才留在乡村"]
    first, second = drafts[-2:]
    assert first.subtitle == "全国人大代表、某县农业局局长张明："
    assert first.reporters == ("王沛",)  # "王  沛采访整理": the name, joined, no suffix
    assert second.reporters == ("范昊天",)
    assert {d.date for d in drafts} == {"2021-03-06"}


def test_the_front_matter_author_is_the_reporter_when_the_text_names_none() -> None:
    text = """---
title: "山路上的邮递员"
date: "2017-01-01"
author: "楊軍"
---

# 山路上的邮递员

他每天走四十公里山路，把信送到每一户人家。
"""
    [draft] = split(text)
    assert draft.reporters == ("楊軍",)
    assert draft.title == "山路上的邮递员" and draft.date == "2017-01-01"


def test_an_editors_label_is_never_a_title() -> None:
    text = """村里的书屋亮起来
——记一位乡村图书管理员

本报记者  张三

核心阅读

一间书屋，改变了一个村的读书风气。

十年前，村里没有一本像样的书。

【链接】

全县已建成农家书屋三百余家。
"""
    [draft] = split(text)
    assert draft.title == "村里的书屋亮起来"
    assert draft.text.startswith("核心阅读\n一间书屋")
    assert draft.reporters == ("张三",)


BRIEFS = """新闻速览

【我省启动春季农业生产大会战】3月2日，全省春季农业生产工作会议在长沙召开，部署春耕备耕工作。

【地铁6号线东延段开通运营】记者从市地铁集团获悉，6号线东延段于今日开通，全长约4.5公里。
沿线设站3座。

【湘西州新增3个国家级非遗项目】日前，国务院公布第五批国家级非物质文化遗产代表性项目名录。
"""

LABELLED = """莫让“凑热闹”变成“添乱子”

【事件】近日，某地一处网红景点因游客过多出现拥堵，引发热议。

景区管理要跟上，游客也要守规矩。
"""

DATELINED_BRIEFS = (
    "全省春耕备耕有序推进\u3000本报讯（记者 张三）连日来，全省各地抢抓农时，春耕备耕有序推进。\n"
    "湘江新区发布人才新政  本报讯（记者 李四 通讯员 王五）3月5日，湘江新区发布人才新政十条。\n"
)

BOLD_BRIEFS = """**国务院召开常务会议** 国务院总理主持召开国务院常务会议，研究部署稳就业工作。
**两部门下达救灾资金** 财政部、应急管理部紧急下达中央自然灾害救灾资金2亿元。
"""


def test_run_in_headlines_of_a_column_of_briefs_open_articles() -> None:
    drafts = split_articles(BRIEFS)
    assert [d.title for d in drafts] == [
        "我省启动春季农业生产大会战",
        "地铁6号线东延段开通运营",
        "湘西州新增3个国家级非遗项目",
    ]
    assert drafts[0].text == "3月2日，全省春季农业生产工作会议在长沙召开，部署春耕备耕工作。"
    assert drafts[1].text.endswith("沿线设站3座。")
    assert [(r.text, r.reason) for r in drafts[0].removed] == [("新闻速览", "digest heading")]
    assert_lossless(BRIEFS, drafts)


def test_one_bracketed_label_is_part_of_its_paragraph() -> None:
    (draft,) = split_articles(LABELLED)
    assert draft.title == "莫让“凑热闹”变成“添乱子”"
    assert draft.text.startswith("【事件】近日")
    assert_lossless(LABELLED, [draft])


def test_a_headline_spaced_before_a_dateline_is_the_title_of_a_brief() -> None:
    drafts = split_articles(DATELINED_BRIEFS)
    assert [d.title for d in drafts] == ["全省春耕备耕有序推进", "湘江新区发布人才新政"]
    assert drafts[0].text == "连日来，全省各地抢抓农时，春耕备耕有序推进。"
    assert drafts[1].reporters == ("李四", "王五")
    assert drafts[1].byline.startswith("本报讯")
    assert_lossless(DATELINED_BRIEFS, drafts)


def test_bold_run_in_headlines_open_briefs() -> None:
    drafts = split_articles(BOLD_BRIEFS)
    assert [d.title for d in drafts] == ["国务院召开常务会议", "两部门下达救灾资金"]
    assert drafts[1].text.startswith("财政部、应急管理部")
    assert_lossless(BOLD_BRIEFS, drafts)


WIRE_ARCHIVE = """# 某社快讯归档 2021-03-05

- item_count: 3
- source: web roll

## 08:00:12｜我省新增两个国家级农业产业强镇

- id: `1001`
- url: https://example.org/share/1001

【我省新增两个国家级农业产业强镇】某社3月5日电，农业农村部公布新一批农业产业强镇名单，我省两镇入选。

## 08:03:40｜无标题

- id: `1002`

某社3月5日电，全省春运累计发送旅客1200万人次，同比下降三成。
"""


def test_a_wire_archive_gives_one_article_per_item() -> None:
    drafts = split_articles(WIRE_ARCHIVE)
    assert [d.title for d in drafts] == [
        "我省新增两个国家级农业产业强镇",  # the time stamp is not part of the headline
        "某社3月5日电，全省春运累计发送旅客1200万人次，同比下降…",  # 无标题: derived
    ]
    # The item repeats its headline in 【】 before the text: one article, not two.
    assert drafts[0].text.startswith("【我省新增两个国家级农业产业强镇】某社3月5日电")
    removed = {r.text: r.reason for d in drafts for r in d.removed}
    assert removed["- id: `1001`"] == "metadata"
    assert removed["- url: https://example.org/share/1001"] == "metadata"
    assert removed["## 08:03:40｜无标题"] == "placeholder title"
    assert "# 某社快讯归档 2021-03-05" in removed
    assert_lossless(WIRE_ARCHIVE, drafts)


SAVED_PORTAL_PAGE = """某县人民政府
首页
政务公开
政务服务
互动交流
您当前所在位置： 首页>政务公开>工作动态
索 引 号：
001122334A/2021-0001
生成日期：
2021-06-18
公开方式：
主动公开
某县2020年国民经济和社会发展统计公报
访问量：321
某县统计局
（2021年6月）
2020年，全县经济运行稳中向好，全年实现生产总值262.6亿元，同比增长5.3%。
全年农业总产值41.6亿元，按可比价计算增长3.9%。
相关内容
县领导调研春耕生产工作
我县召开安全生产工作会议
县人社局举办招聘会
县医院开展义诊活动
Facebook
RSS
网站地图 网站帮助 隐私声明 关于我们
【打印本页】【关闭窗口】
主办：某县人民政府 承办：某县人民政府办公室
"""


def test_a_saved_portal_page_keeps_only_its_article() -> None:
    (draft,) = split_articles(SAVED_PORTAL_PAGE)
    assert draft.title == "某县2020年国民经济和社会发展统计公报"
    assert draft.date == "2021-06-18"
    assert draft.text.split("\n")[-2:] == [
        "2020年，全县经济运行稳中向好，全年实现生产总值262.6亿元，同比增长5.3%。",
        "全年农业总产值41.6亿元，按可比价计算增长3.9%。",
    ]
    reasons = {r.text: r.reason for r in draft.removed}
    assert reasons["政务公开"] == "navigation"  # a menu: short lines among short lines
    assert reasons["001122334A/2021-0001"] == "metadata"  # the value under its label
    for teaser in ("县领导调研春耕生产工作", "我县召开安全生产工作会议", "县医院开展义诊活动"):
        assert reasons[teaser] in ("related links", "trailing links", "navigation")
    assert reasons["2021-06-18"] == "metadata"  # the value under 生成日期：, not a phone number
    assert reasons["Facebook"] == "navigation"
    assert reasons["网站地图 网站帮助 隐私声明 关于我们"] == "navigation"
    assert reasons["主办：某县人民政府 承办：某县人民政府办公室"] == "copyright"
    assert_lossless(SAVED_PORTAL_PAGE, [draft])


def test_a_table_saved_one_cell_per_line_stays_in_its_article() -> None:
    cells = "\n".join(
        [
            *("产品名称", "计量单位", "产量", "较上年±%"),
            *("饮料酒", "千升", "15767", "18.64"),
            *("塑料制品", "吨", "183946", "26.63"),
        ]
    )
    text = SAVED_PORTAL_PAGE.replace(
        "全年农业总产值41.6亿元，按可比价计算增长3.9%。",
        f"全年农业总产值41.6亿元，按可比价计算增长3.9%。\n{cells}\n"
        "全年规模以上工业增加值同比增长9.2%，其中轻工业增加值下降18.4%，重工业增长19.3%。",
    )
    (draft,) = split_articles(text)
    assert "饮料酒\n千升\n15767\n18.64" in draft.text
    assert_lossless(text, [draft])


def test_short_lines_of_a_plain_news_file_are_not_web_chrome() -> None:
    text = "产业扶贫\n就业扶贫\n生态扶贫\n健康扶贫\n全县贫困发生率降至0.36%。\n"
    (draft,) = split_articles(text)
    assert not draft.removed  # no web-page signs: the short lines are not set aside


BRIEFING = """# 某某财经早餐2021年3月5日星期五

### 热点聚焦

1、**国务院常务会议部署稳就业工作，**要求各地落实减税降费政策，支持中小微企业稳岗扩岗。

2、国家统计局数据显示，2月份全国居民消费价格同比下降0.2%，环比上涨0.6%。

3、13家银行发布年报，合计实现净利润1.2万亿元，同比增长5%。

### 环球市场

1、**美国三大股指收盘涨跌不一，**道指涨0.6%，标普500指数跌0.1%。
"""


def test_each_numbered_item_of_a_daily_briefing_is_an_article() -> None:
    drafts = split_articles(BRIEFING)
    assert len(drafts) == 4
    assert drafts[0].title == "国务院常务会议部署稳就业工作，要求各地落实减税降费政策，支持…"
    assert drafts[2].text.startswith("3、13家银行")  # 3、13家: a number after the marker
    removed = {r.text: r.reason for d in drafts for r in d.removed}
    assert removed["### 热点聚焦"] == removed["### 环球市场"] == "section heading"
    assert "# 某某财经早餐2021年3月5日星期五" in removed
    assert_lossless(BRIEFING, drafts)


def test_numbered_paragraphs_of_an_ordinary_article_stay_in_it() -> None:
    text = BRIEFING.replace("某某财经早餐", "某某会议召开")
    assert len(split_articles(text)) < 4


SERIES_PAGE = """三位代表谈乡村振兴

茶香飘出大山

湘西的黄金茶有着悠久的种植历史，如今已成为当地群众增收致富的主导产业。

全国人大代表、某村党支部书记张三：

我们村过去是有名的贫困村。这些年，我们把茶园建起来，把加工厂办起来，乡亲们的日子越过越红火。

下一步，我们要把茶叶品牌打响，让更多人喝上湘西茶。

稻田里的新农人

洞庭湖畔的稻田里，无人机、智能灌溉设备随处可见，种田越来越轻松。

全国人大代表、某合作社理事长李四：

我种了二十多年地，从来没想过种田也能这么“智慧”。

现在我们合作社托管了两万亩耕地，带动周边农户每亩增收三百元。
"""


def test_a_page_of_pieces_with_the_same_shape_gives_one_article_each() -> None:
    drafts = split_articles(SERIES_PAGE)
    assert len(drafts) == 2  # the page title and the first piece's headline are one block
    assert drafts[0].text.startswith("湘西的黄金茶")
    assert drafts[1].title == "稻田里的新农人"
    assert drafts[-1].text.startswith("洞庭湖畔的稻田里")
    assert "稻田里的新农人" not in drafts[-2].text
    assert_lossless(SERIES_PAGE, drafts)


COLUMN_POST = """# 我是牧師攝影師

### [【專欄合集】](https://example.org/collection)

今年是我做教會傳道生涯的第二十個年頭，也是我拿起相機的第十年。

為了學習攝影，我開始採訪不同的攝影師，寫他們的攝影之路。

---

![博客 | 楊軍](https://example.org/avatar.jpg)

**博客 | 楊軍**

【楊軍・牧影記】正職牧師・副業攝影・閒時寫作。
"""


def test_a_columnists_box_gives_the_byline_and_is_set_aside() -> None:
    (draft,) = split_articles(COLUMN_POST)
    assert draft.title == "我是牧師攝影師"
    assert draft.reporters == ("楊軍",)
    assert draft.text.endswith("寫他們的攝影之路。")
    reasons = {r.text: r.reason for r in draft.removed}
    assert reasons["【楊軍・牧影記】正職牧師・副業攝影・閒時寫作。"] == "author box"
    assert reasons["### [【專欄合集】](https://example.org/collection)"] == "link"
    assert_lossless(COLUMN_POST, [draft])


def test_a_bulletins_numbered_sections_and_table_titles_stay_in_it() -> None:
    text = SAVED_PORTAL_PAGE.replace(
        "全年农业总产值41.6亿元，按可比价计算增长3.9%。",
        "全年农业总产值41.6亿元，按可比价计算增长3.9%。\n表2 2020年居民消费价格涨跌幅度\n"
        "02农业\n全年粮食产量25.9万吨，比上年增长1.8%，油料产量5381吨，增长4.4%。",
    ).replace("网站地图 网站帮助 隐私声明 关于我们", "网站地图 | 联系我们")
    (draft,) = split_articles(text)
    assert "表2 2020年居民消费价格涨跌幅度\n02农业" in draft.text
    assert {r.text: r.reason for r in draft.removed}["网站地图 | 联系我们"] == "navigation"
    assert_lossless(text, [draft])
