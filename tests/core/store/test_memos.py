"""Memos on articles, tags and the journal: kept, listed, edited, deleted, undone; they go
and come back with their article or tag."""

from __future__ import annotations

import json

import pytest

from hnreader.core.models import StoreError
from hnreader.core.project import Project


def test_memos_of_each_kind_with_their_coder(corpus_project: Project) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    first = corpus_project.add_memo("article", "首倡地的说法", article_id=1).result_id or 0
    corpus_project.add_memo("tag", "包括精准扶贫", tag_id=tag)
    corpus_project.add_memo("journal", "第一轮编码完成")
    memos = corpus_project.memos()
    assert [m.kind for m in memos] == ["journal", "tag", "article"]  # newest first
    assert {m.coder for m in memos} == {"tester"}
    assert [m.text for m in corpus_project.memos(article_id=1)] == ["首倡地的说法"]
    assert [m.text for m in corpus_project.memos(tag_id=tag)] == ["包括精准扶贫"]
    corpus_project.update_memo(first, "首倡地（2013年）")
    assert corpus_project.memo(first).text == "首倡地（2013年）"
    corpus_project.undo()
    assert corpus_project.memo(first).text == "首倡地的说法"
    corpus_project.delete_memo(first)
    with pytest.raises(StoreError):
        corpus_project.memo(first)
    corpus_project.undo()
    assert corpus_project.memo(first).text == "首倡地的说法"


def test_bad_memos_are_refused(corpus_project: Project) -> None:
    for kind, text, where in (
        ("journal", "  ", {}),
        ("article", "x", {}),  # an article memo names its article
        ("article", "x", {"article_id": 999_999}),
        ("tag", "x", {"tag_id": 999_999}),
        ("other", "x", {}),
    ):
        with pytest.raises(StoreError):
            corpus_project.add_memo(kind, text, **where)
    assert corpus_project.memos() == []


def test_memos_go_and_come_back_with_their_article_and_tag(corpus_project: Project) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    corpus_project.add_memo("article", "关于第二篇", article_id=2)
    corpus_project.add_memo("tag", "关于政策", tag_id=tag)
    corpus_project.delete_article(2)
    assert corpus_project.memos(kind="article") == []
    corpus_project.undo()
    assert [m.text for m in corpus_project.memos(kind="article")] == ["关于第二篇"]
    corpus_project.delete_tag(tag)
    assert corpus_project.memos(kind="tag") == []
    corpus_project.undo()
    assert [m.text for m in corpus_project.memos(kind="tag")] == ["关于政策"]


def test_the_memo_command(cli) -> None:  # type: ignore[no-untyped-def]
    cli("tag", "add", "政策")
    assert cli("memo", "add", "--article", "1", "首倡地")[0] == 0
    assert cli("memo", "add", "--tag", "政策", "包括精准扶贫")[0] == 0
    code, out, _ = cli("memo", "add", "--journal", "第一轮编码完成", "--json")
    assert code == 0 and json.loads(out)["kind"] == "journal"
    listed = json.loads(cli("memo", "list", "--json")[1])
    assert [m["text"] for m in listed] == ["第一轮编码完成", "包括精准扶贫", "首倡地"]
    assert json.loads(cli("memo", "list", "--tag", "政策", "--json")[1])[0]["tag"] == "政策"
    assert cli("memo", "delete", str(listed[0]["id"]))[0] == 0
    assert len(json.loads(cli("memo", "list", "--json")[1])) == 2
    code, _, err = cli("memo", "add", "--journal", " ")
    assert code == 1 and "empty" in err
