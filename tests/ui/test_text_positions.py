"""Code point ↔ UTF-16 conversion, checked against Qt's own counting."""

from __future__ import annotations

import pytest

from hnreader.ui.common.text_positions import PositionMap

TEXT = "ab𠮷c\n𠮷𠮷d"  # code points: a b 𠮷 c \n 𠮷 𠮷 d


def test_bmp_text_maps_to_itself() -> None:
    positions = PositionMap("湖南脱贫攻坚")
    assert not positions.has_astral
    assert [positions.to_qt(i) for i in range(7)] == list(range(7))
    assert [positions.to_cp(i) for i in range(7)] == list(range(7))


def test_non_bmp_characters_count_two_in_qt() -> None:
    positions = PositionMap(TEXT)
    assert positions.qt_length == len(TEXT.encode("utf-16-le")) // 2 == len(TEXT) + 3
    assert [positions.to_qt(i) for i in range(len(TEXT) + 1)] == [0, 1, 2, 4, 5, 6, 8, 10, 11]


def test_round_trip_and_surrogate_middle_floors() -> None:
    positions = PositionMap(TEXT)
    for cp in range(len(TEXT) + 1):
        assert positions.to_cp(positions.to_qt(cp)) == cp
    assert positions.to_cp(3) == 2  # inside 𠮷's surrogate pair: the character's start
    assert positions.span_to_cp(2, 3) == (2, 3)  # a half character selection takes it whole


def test_positions_are_clamped() -> None:
    positions = PositionMap(TEXT)
    assert positions.to_qt(-5) == 0
    assert positions.to_qt(999) == positions.qt_length
    assert positions.to_cp(999) == len(TEXT)


def test_matches_qt_document_positions(qtbot) -> None:
    from PySide6.QtGui import QTextCursor, QTextDocument

    document = QTextDocument()
    document.setPlainText(TEXT)
    positions = PositionMap(TEXT)
    for cp in range(len(TEXT)):
        cursor = QTextCursor(document)
        cursor.setPosition(positions.to_qt(cp))
        cursor.setPosition(positions.to_qt(cp + 1), QTextCursor.MoveMode.KeepAnchor)
        expected = TEXT[cp].replace("\n", "\u2029")
        assert cursor.selectedText() == expected


@pytest.mark.parametrize("astral_every", [0, 50])
def test_round_trips_in_a_long_article(astral_every: int) -> None:
    chars = ["𠮷" if astral_every and i % astral_every == 0 else "汉" for i in range(50_000)]
    text = "".join(chars)
    positions = PositionMap(text)
    for cp in range(0, len(text), 7):
        assert positions.to_cp(positions.to_qt(cp)) == cp
    assert positions.qt_length == len(text) + (len(text) // astral_every if astral_every else 0)
