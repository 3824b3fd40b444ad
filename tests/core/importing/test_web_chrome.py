"""Chrome of saved web pages found by shape: teaser lists with question headlines and their
continuations, member and contact boxes, browser notices, credits that are no articles."""

from __future__ import annotations

from test_article_splitter import assert_lossless

from hnreader.core.importing.credit_lines import is_byline_line
from hnreader.core.importing.splitter import split_articles
from hnreader.core.text.normalize import normalise_stored_text

# A content-farm page saved as text, in the spirit of real ones (written for this test).
CONTENT_FARM_PAGE = """首頁
科技網
產業
觀點
作者群
活動+
熱門議題
晶片大廠財報出爐，誰是贏家？
2024秋季發表會總整理
展會報導集錦
印度科技產業深度研究
更多 >
分享到
中階手機迎來生成式AI　新晶片登場
王小明／綜合外電
2024/08/21 15:09

某晶片公司於8月20日發表新一代行動平台，為中階手機市場帶來生成式AI功能，預計年底前出貨。

該公司表示，新平台的運算效能比上一代提升兩成，功耗則降低一成，已有多家手機品牌採用。

會員登入
忘記密碼
會員服務申請/試用
申請專線：
+886-02-12345678。
(週一至週五工作日9:00~18:00)
會員信箱：
member@example.com
(一個工作日內將回覆您的來信)
近７天熱門報導
為何晶片大廠分家這麼難？五大處境拆不了
晶片併購是「史詩級災難」？
筆電供應鏈不好過
記憶體庫存大逃殺
圖說科技
工業機器人的二次生命
電力作業上的小幫手
材料技術有多牛？
關於我們 | 新聞發布 | 著作權 | 隱私權
● 半導體/零組件
● 行動/通訊
● Daily Issue
Copyright © 2024 某某科技網
如欲取得最佳瀏覽效果，請使用最新的瀏覽器。雖然你可以使用目前的瀏覽器瀏覽本網站，但部分功能可能無法正常顯示。
"""


def _page() -> tuple[list, dict[str, str]]:
    text = normalise_stored_text(CONTENT_FARM_PAGE)
    drafts = split_articles(text)
    assert_lossless(text, drafts)
    reasons = {r.text: r.reason for d in drafts for r in d.removed}
    return drafts, reasons


def test_a_content_farm_page_keeps_only_its_article() -> None:
    drafts, _ = _page()
    (draft,) = drafts  # no article made of a teaser, a menu entry or a credit
    assert draft.title == "中階手機迎來生成式AI　新晶片登場"
    assert draft.text.split("\n") == [
        "某晶片公司於8月20日發表新一代行動平台，為中階手機市場帶來生成式AI功能，預計年底前出貨。",
        "該公司表示，新平台的運算效能比上一代提升兩成，功耗則降低一成，已有多家手機品牌採用。",
    ]


def test_question_headlines_are_teasers_and_a_list_goes_on_under_its_label() -> None:
    _, reasons = _page()
    assert reasons["晶片大廠財報出爐，誰是贏家？"] in ("related links", "navigation")
    assert reasons["晶片併購是「史詩級災難」？"] == "related links"  # a question among teasers
    for teaser in ("工業機器人的二次生命", "電力作業上的小幫手", "材料技術有多牛？"):
        assert reasons[teaser] == "related links"  # three, but going on from the list above


def test_member_and_contact_boxes_are_set_aside() -> None:
    _, reasons = _page()
    assert reasons["會員服務申請/試用"] == "navigation"
    assert reasons["申請專線："] == "hotline"  # a label over a phone number
    assert reasons["會員信箱："] == "hotline"
    assert reasons["(一個工作日內將回覆您的來信)"] == "hotline"  # a note under an e-mail address


def test_bulleted_latin_links_and_a_browser_notice_are_set_aside() -> None:
    _, reasons = _page()
    assert reasons["● Daily Issue"] == "navigation"
    notice = next(text for text in reasons if text.startswith("如欲取得最佳瀏覽效果"))
    assert reasons[notice] == "site notice"


def test_a_role_word_with_one_character_is_no_byline_and_producer_credits_are() -> None:
    assert not is_byline_line("作者群")  # a menu entry
    assert is_byline_line("记者 王沛") and is_byline_line("记者 陈 润")
    assert is_byline_line("出品︱网易科学人栏目组 胖胖")
    assert is_byline_line("策划/张三")


def test_a_labelled_line_in_a_plain_news_file_is_never_contact_chrome() -> None:
    text = (
        "全县春耕工作会议召开\n申请专线：\n"
        "请各乡镇于3月底前报送春耕计划，确保农资供应到位，不误农时。\n"
    )
    (draft,) = split_articles(text)
    assert "申请专线：" in draft.text  # no web-page signs: nothing judged by shape
