"""Text that can be stored and shown: lone surrogates, control characters, foreign file names."""

from __future__ import annotations

import os
import sqlite3

import pytest

from hnreader.core.text.safety import (
    clean_user_text,
    display_file_name,
    display_path,
    has_lone_surrogate,
)


def from_os(raw: bytes) -> str:
    """A name as Python gets it from the OS on Linux (surrogate escapes for bad bytes)."""
    return os.fsdecode(raw)


def test_has_lone_surrogate() -> None:
    assert has_lone_surrogate("标签\udcff")
    assert has_lone_surrogate("\ud800")
    assert has_lone_surrogate("\ud83d\ude00")  # a pair split into code points: not UTF-8
    assert not has_lone_surrogate("𠮷 😀 标签 \ufffd")
    assert not has_lone_surrogate("")


def test_clean_user_text_makes_text_storable() -> None:
    # A tag name typed on a command line whose bytes were not UTF-8 (F13).
    argument = from_os("扶贫".encode() + b"\xff")
    assert argument == "扶贫\udcff"
    cleaned = clean_user_text(argument)
    assert cleaned == "扶贫\ufffd"
    with sqlite3.connect(":memory:") as connection:
        with pytest.raises(UnicodeEncodeError):
            connection.execute("SELECT ?", (argument,))
        assert connection.execute("SELECT ?", (cleaned,)).fetchone() == (cleaned,)


def test_clean_user_text_joins_pairs_and_replaces_each_lone_surrogate() -> None:
    assert clean_user_text("\ud83d\ude00") == "😀"
    assert clean_user_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert clean_user_text("\ude00\ud83d") == "\ufffd\ufffd"  # wrong order: no pair


def test_clean_user_text_drops_controls_but_tab_and_newline() -> None:
    assert clean_user_text("a\x00b") == "ab"
    assert clean_user_text("第一行\r\n第二行\r第三行\n\t缩进") == "第一行\n第二行\n第三行\n\t缩进"
    assert clean_user_text("\x07\x1b[31m红\x7f\x85\x9f") == "[31m红"
    # Not controls: kept as typed (right-to-left text and marks are the caller's choice).
    kept = "注释 ، \u202e \u200b 　全角空格 𠮷"
    assert clean_user_text(kept) == kept


def test_display_file_name_reads_gbk_big5_and_utf8_names() -> None:
    assert display_file_name(from_os("广东.txt".encode("gbk"))) == "广东.txt"
    assert (
        display_file_name(from_os("湖南日报2020年.txt".encode("gb18030"))) == "湖南日报2020年.txt"
    )
    assert display_file_name(from_os("廣東.txt".encode("big5"))) == "廣東.txt"
    assert display_file_name(from_os("喆.txt".encode("gbk"))) == "喆.txt"  # GBK beyond GB2312
    assert display_file_name("新闻.txt") == "新闻.txt"
    assert display_file_name("plain name.TXT") == "plain name.TXT"


def test_display_file_name_escapes_bytes_nothing_reads() -> None:
    assert display_file_name(from_os(b"caf\xe9.txt")) == "caf\\xe9.txt"  # Latin-1
    assert display_file_name(from_os(b"\xff\xfe.txt")) == "\\xff\\xfe.txt"
    assert not has_lone_surrogate(display_file_name(from_os(bytes(range(128, 256)))))


def test_display_file_name_shows_controls_and_bidi_overrides() -> None:
    assert display_file_name("report\u202etxt.exe") == "report\\u202etxt.exe"
    assert display_file_name("two\nlines\t.txt") == "two\\nlines\\t.txt"
    assert display_file_name("bell\x07\x9b.txt") == "bell\\x07\\x9b.txt"
    assert display_file_name("bad\ud800.txt") == "bad\\ud800.txt"  # not an escaped byte


def test_display_path_reads_each_part_on_its_own() -> None:
    folder = "/home/张三"  # a UTF-8 folder, which GB18030 would misread as a whole
    name = from_os("广东.txt".encode("gbk"))
    assert display_path(f"{folder}/{name}") == "/home/张三/广东.txt"
    assert display_path(from_os(b"/data/\xd0\xc2\xce\xc5/a.txt")) == "/data/新闻/a.txt"
    assert display_path("/plain/path.txt") == "/plain/path.txt"
