"""Text a user types cannot break the project: lone surrogates and control characters in
tag names, descriptions, notes, article details and dictionary words (F13)."""

from __future__ import annotations

import pytest

from hnreader.core.models import StoreError
from hnreader.core.project import Project

ESCAPED = "标签\udcff\udcfe"  # what Python makes of undecodable bytes in a CLI argument


def test_a_tag_name_with_a_lone_surrogate_is_stored_readably(corpus_project: Project) -> None:
    tag = corpus_project.add_tag(ESCAPED, description="说明\ud800\x00").result_id or 0
    stored = corpus_project.store.tag(tag)
    assert stored.name == "标签\ufffd\ufffd"
    assert stored.description == "说明\ufffd"
    corpus_project.update_tag(tag, name="新\udc80名")
    assert corpus_project.store.tag(tag).name == "新\ufffd名"


def test_notes_and_article_details_with_surrogates_and_controls_are_cleaned(
    corpus_project: Project,
) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    annotation = corpus_project.annotate(1, 0, 2, [tag], note="坏\udcff\x07笔记").result_id or 0
    assert corpus_project.store.annotation(annotation).note == "坏\ufffd笔记"
    corpus_project.update_annotation(annotation, note="改\ud83d\ude00\r\n行")
    assert corpus_project.store.annotation(annotation).note == "改😀\n行"
    corpus_project.update_article(1, title="标题\udcff", reporters=["记者\udc80"])
    article = corpus_project.store.article(1)
    assert article.title == "标题\ufffd" and article.reporters == ("记者\ufffd",)
    corpus_project.add_user_word("湘江\udcff")
    assert "湘江\ufffd" in corpus_project.store.user_words()


def test_a_name_that_is_only_control_characters_is_refused_with_a_message(
    corpus_project: Project,
) -> None:
    with pytest.raises(StoreError, match="empty"):
        corpus_project.add_tag("\x00\x01\x02")
