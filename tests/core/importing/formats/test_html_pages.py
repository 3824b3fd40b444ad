"""Saved web pages: decoding with and without <meta charset>, the main text kept, the rest
of the visible page set aside with a reason, nothing executed or fetched."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.formats.html import OUTSIDE_MAIN_TEXT, html_document
from hnreader.core.importing.formats.html_render import render_lines
from hnreader.core.importing.splitter import split_articles
from hnreader.core.models import ErrorCode
from hnreader.core.project import Project

BODY = [
    "本报讯（记者 李明）今年以来，衡阳市坚持把产业扶贫作为脱贫攻坚的根本之策，全市贫困发生率"
    "由2014年的13.43%降至0.38%。",
    "在祁东县，黄花菜产业带动2.1万户贫困户增收，户均年增收3000元以上。当地干部说，"
    "产业发展起来了，群众的腰包才能鼓起来。",
    "下一步，衡阳将继续巩固拓展脱贫攻坚成果，推动乡村振兴取得新进展。",
]
TITLE = "衡阳产业扶贫结出硕果 贫困发生率降至0.38%"


def page(meta: str = "", extra_body: str = "", title_tag: str = TITLE) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>{title_tag}_湖南频道_某某网</title>
<meta name="publishdate" content="2021-03-05">
<link rel="canonical" href="http://hn.example.cn/2021/0305/c123.html">
<script>document.write("脚本里的字不是正文");</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/hn">湖南</a></div>
<div class="crumb">当前位置：首页 > 湖南频道 > 正文</div>
<div class="article">
<h1>{TITLE}</h1>
<div class="info">2021年03月05日 08:30　来源：湖南日报</div>
<div id="content">{paragraphs}{extra_body}</div>
<div class="share">分享到：微信 微博</div>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a">衡阳推进乡村振兴</a></li>
<li><a href="/b">祁东黄花菜丰收</a></li></ul></div>
<div class="footer">版权所有 某某网 湘ICP备12345678号</div>
<div style="display:none">隐藏的文字不显示</div>
<img src="http://example.cn/track.gif">
</body></html>"""


def test_gbk_page_without_meta_charset_decodes_and_keeps_the_main_text() -> None:
    data = page().encode("gbk")
    document = html_document(data, "衡阳.html")
    assert document.encoding == "gb18030"
    drafts = split_articles(document.text, "衡阳.html", set_aside=document.set_aside)
    assert len(drafts) == 1
    article = drafts[0]
    assert article.title == TITLE
    assert article.publication == "湖南日报"
    assert article.date == "2021-03-05"
    for paragraph in BODY[1:]:
        assert paragraph in article.text
    removed = {r.text: r.reason for r in article.removed}
    assert removed["分享到：微信 微博"] == "share buttons"
    assert "版权所有 某某网 湘ICP备12345678号" in removed
    assert removed["衡阳推进乡村振兴"] in (OUTSIDE_MAIN_TEXT, "trailing links")
    everything = article.text + "".join(removed)
    assert "脚本里的字" not in everything and "隐藏的文字" not in everything
    assert document.meta.url == "http://hn.example.cn/2021/0305/c123.html"


def test_every_visible_line_is_in_the_article_or_set_aside() -> None:
    document = html_document(page().encode("utf-8"), "a.html")
    drafts = split_articles(document.text, "a.html", set_aside=document.set_aside)
    removed = {r.source_line for d in drafts for r in d.removed}
    kept = "".join(d.title + d.subtitle + d.byline + d.text for d in drafts)
    assert set(document.set_aside) <= removed
    for number, line in enumerate(document.text.split("\n"), start=1):
        text = line.lstrip("# ").strip()
        assert number in removed or text in kept, line


def test_big5_page_with_meta_charset() -> None:
    text = page('<meta http-equiv="Content-Type" content="text/html; charset=big5">')
    traditional = text.replace("衡阳", "衡陽").replace("产业", "產業").replace("贫困", "貧困")
    data = traditional.encode("cp950", errors="xmlcharrefreplace")
    document = html_document(data, "big5.html")
    assert document.encoding == "cp950"
    assert "衡陽" in document.text and "產業" in document.text


def test_a_stale_gb2312_declaration_on_utf8_bytes_is_not_believed() -> None:
    data = page('<meta charset="gb2312">').encode("utf-8")
    document = html_document(data, "saved-again.html")
    assert document.encoding == "utf-8"
    assert BODY[1] in document.text


def test_mhtml_single_file_page() -> None:
    import quopri

    html = page('<meta charset="utf-8">').encode("utf-8")
    body = quopri.encodestring(html).decode("ascii")
    mhtml = (
        "From: <Saved by Blink>\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: http://hn.example.cn/a.html\r\n\r\n"
        f"{body}\r\n------B--\r\n"
    ).encode("ascii")
    document = html_document(mhtml, "page.mhtml", mhtml=True)
    assert document.format == "mhtml"
    assert BODY[2] in document.text


def test_a_list_page_of_several_articles_gives_one_article_each() -> None:
    items = "".join(
        f"<article><h2>第{n}条消息标题</h2><p>{BODY[n]}</p></article>" for n in range(3)
    )
    html = f"<html><body><nav>首页 新闻</nav>{items}<footer>版权所有</footer></body></html>"
    document = html_document(html.encode("utf-8"), "list.html")
    assert document.multi_article
    drafts = split_articles(document.text, "list.html", set_aside=document.set_aside)
    assert [d.title for d in drafts] == ["第0条消息标题", "第1条消息标题", "第2条消息标题"]


def test_rendering_puts_table_rows_on_lines_and_skips_scripts() -> None:
    import lxml.html

    root = lxml.html.document_fromstring(
        "<html><body><p>一段<b>加粗</b>文字<br>下一行</p><table><tr><td>县</td><td>户数</td>"
        "</tr><tr><td>祁东</td><td>2.1万</td></tr></table><script>x=1</script></body></html>"
    )
    assert [line.text for line in render_lines(root)] == [
        "一段加粗文字",
        "下一行",
        "县\t户数",
        "祁东\t2.1万",
    ]


def test_a_deeply_nested_page_is_read_in_bounded_time() -> None:
    import time

    # Broken markup nests deeply (a tag left open in every paragraph): still read, quickly.
    html = "<html><body>" + "<font><p>一段正文。" * 900 + "</body></html>"
    started = time.perf_counter()
    document = html_document(html.encode("utf-8"), "deep.html")
    assert time.perf_counter() - started < 10
    assert document.text.count("一段正文。") == 900


def test_nothing_is_fetched(
    tmp_path: Path, shared_segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page import tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    path = tmp_path / "page.html"
    path.write_text(page(extra_body='<iframe src="http://example.cn/x"></iframe>'), "utf-8")
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    report = project.import_paths([path])
    assert report.added_articles == 1, report.skipped
    article = project.article(report.article_ids[0])
    assert article.title == TITLE
    assert article.url == "http://hn.example.cn/2021/0305/c123.html"
    assert project.store.source_text(article.source_id).startswith("<!DOCTYPE html>")


def test_a_page_without_text_is_refused_with_a_reason(tmp_path: Path) -> None:
    from hnreader.core.models import ImportFileError

    with pytest.raises(ImportFileError) as raised:
        html_document(b"<html><body><img src='a.png'></body></html>", "empty.html")
    assert raised.value.code == ErrorCode.EMPTY_SOURCE
