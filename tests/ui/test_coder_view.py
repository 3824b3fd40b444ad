"""The reader shows every coder's coding, one coder's, or two coders' compared in two colours
(issue 17, item 1), chosen in the toolbar once the project has two coders."""

from __future__ import annotations

from ui_helpers import open_window

from hnreader.core.project import Project
from hnreader.ui.common.settings import Settings
from hnreader.ui.team.coder_view import FIRST_COLOR, SECOND_COLOR


def _backgrounds(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        s.format.background().color().name()
        for s in window.reader.text_edit.extraSelections()
        if s.format.background().style() != 0
    ]


def test_one_coder_or_two_compared_in_the_reader(
    project: Project, settings: Settings, tag_ids: dict[str, int], qtbot, monkeypatch
) -> None:
    article = project.store.article_ids()[0]
    tag = next(iter(tag_ids.values()))
    project.coder = "amy"
    project.annotate(article, 0, 4, [tag])
    project.coder = "bob"
    project.annotate(article, 10, 14, [tag])
    window = open_window(project, settings, qtbot, monkeypatch)
    window.show_article(article)
    box = window.coder_view_box
    assert window.coder_view_action.isVisible() or not window.isVisible()
    labels = [box.box.itemText(i) for i in range(box.box.count())]
    assert labels == ["All coders", "Only amy", "Only bob", "Compare amy and bob"]
    reader = window.reader
    assert {a.coder for a in reader.annotations_at(1) + reader.annotations_at(11)} == {"amy", "bob"}

    box.box.setCurrentIndex(labels.index("Only bob"))
    assert reader.annotations_at(1) == [] and [a.coder for a in reader.annotations_at(11)] == [
        "bob"
    ]

    box.box.setCurrentIndex(labels.index("Compare amy and bob"))
    shown = _backgrounds(window)
    assert FIRST_COLOR.name() in shown and SECOND_COLOR.name() in shown  # a colour per coder
    assert box.first.text() == "■ amy" and box.second.text() == "■ bob"
    assert box.first.isVisibleTo(box) and box.second.isVisibleTo(box)

    box.box.setCurrentIndex(0)
    assert FIRST_COLOR.name() not in _backgrounds(window)  # tag colours again
    assert not box.first.isVisibleTo(box)


def test_the_box_is_hidden_with_one_coder(project: Project, settings, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window(project, settings, qtbot, monkeypatch)
    assert len(project.coders()) < 2
    assert not window.coder_view_action.isVisible()
