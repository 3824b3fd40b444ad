"""Project is the one door: background work opens it for a thread without side effects."""

from __future__ import annotations

import pytest

from hnreader.core.models import ErrorCode, StoreError
from hnreader.core.project import Project
from hnreader.core.store import opening


def test_open_for_thread_neither_probes_nor_checks_the_file(
    corpus_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> bool:
        raise AssertionError("a thread's connection must not probe or check the file")

    monkeypatch.setattr(opening, "can_write", refuse)
    monkeypatch.setattr(type(corpus_project.store), "verify", refuse)
    with corpus_project.open_for_thread() as own:
        assert own.article_count() == corpus_project.article_count()
        assert own.segmenter is corpus_project.segmenter and own.coder == "tester"
        tag = own.add_tag("后台").result_id or 0
    assert corpus_project.tag(tag).name == "后台"


def test_open_for_thread_keeps_a_damaged_project_read_only(corpus_project: Project) -> None:
    corpus_project.mark_damaged("database disk image is malformed")
    with corpus_project.open_for_thread() as own:
        assert own.read_only_reason == "damaged"
        with pytest.raises(StoreError) as refused:
            own.add_tag("不行")
    assert refused.value.code == ErrorCode.DAMAGED


def test_the_query_segmentation_is_the_cores(corpus_project: Project) -> None:
    assert corpus_project.query_segmentation("脱贫攻坚成果 -疫情") == (
        [["脱贫攻坚", "成果"]],
        ["疫情"],
    )
    for unreadable in ('"', "OR", "-"):
        assert corpus_project.query_segmentation(unreadable) is None
