"""Tests for bytes → text decoding among UTF-8 / UTF-16 / GB18030 / Big5, and its refusals."""

from __future__ import annotations

import codecs
import collections
import importlib.util
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import opencc
import pytest

from hnreader.core.models import HnreaderError, ImportFileError
from hnreader.core.text import decoding
from hnreader.core.text.decoding import DecodedText, decode_bytes, read_text_file

SIMPLIFIED = (
    "扎根乡野 奋力书写乡村振兴时代答卷\n"
    "湖南日报全媒体记者 周帆恒\n"
    "渐入隆冬，天寒地冻，安化县黄沙坪电商直播基地里却是一片火热景象。"
    "“这款什锦馒头采用全酵母发酵，不添加膨松剂，香甜松软。”\n"
    "随着全省3.37万名干部组成的1.28万支乡村振兴驻村帮扶工作队踏上新征程，"
    "推动特色优势产业蓬勃兴起，美丽乡村建设如火如荼。\n"
)
# The same in Taiwan usage (OpenCC s2tw), every character in Big5.
TRADITIONAL = (
    "紮根鄉野 奮力書寫鄉村振興時代答卷\n"
    "湖南日報全媒體記者 周帆恆\n"
    "漸入隆冬，天寒地凍，安化縣黃沙坪電商直播基地裡卻是一片火熱景象。"
    "“這款什錦饅頭採用全酵母發酵，不添加膨鬆劑，香甜鬆軟。”\n"
    "隨著全省3.37萬名幹部組成的1.28萬支鄉村振興駐村幫扶工作隊踏上新徵程，"
    "推動特色優勢產業蓬勃興起，美麗鄉村建設如火如荼。\n"
)
TRIED = "UTF-8, UTF-16, GB18030, Big5"


def decode(data: bytes, name: str = "新闻.txt") -> DecodedText:
    return decode_bytes(data, name)


# --- what decodes ---------------------------------------------------------------------------


def test_simplified_gb18030_and_gbk() -> None:
    for codec in ("gb18030", "gbk", "gb2312"):
        result = decode(SIMPLIFIED.encode(codec))
        assert result.encoding == "gb18030"
        assert result.text == SIMPLIFIED
        assert result.confidence > 0.8
        assert "GB18030" in result.evidence


def test_traditional_big5() -> None:
    result = decode(TRADITIONAL.encode("big5"))
    assert result.encoding == "cp950"
    assert result.text == TRADITIONAL
    assert "Big5" in result.evidence


def test_traditional_in_gb18030_is_still_gb18030() -> None:
    result = decode(TRADITIONAL.encode("gb18030"))
    assert (result.encoding, result.text) == ("gb18030", TRADITIONAL)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED.encode("utf-16"), f"utf-16-{sys.byteorder[0]}e"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    result = decode(data)
    assert result.encoding == encoding
    assert result.text == SIMPLIFIED  # no BOM left in the text
    assert result.confidence == 1.0


def test_crlf_and_cr_become_lf() -> None:
    crlf = SIMPLIFIED.replace("\n", "\r\n")
    for data in (crlf.encode("utf-8"), crlf.encode("gb18030"), b"one\rtwo\r\n"):
        assert "\r" not in decode(data).text
    assert decode(crlf.encode("gb18030")).text == SIMPLIFIED


def test_ascii_only_is_utf8() -> None:
    result = decode(b"Hunan Daily, 24 May 2020\n")
    assert (result.encoding, result.evidence) == ("utf-8", "ASCII only")


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("精准扶贫", "gbk", "gb18030"),
        ("十八洞村", "gb2312", "gb18030"),
        ("精準扶貧", "big5", "cp950"),
        ("脫貧攻堅", "big5", "cp950"),
        # GBK bytes that are valid UTF-8 by accident: 效应 → "ЧӦ", 学习 → "ѧϰ"
        ("效应", "gbk", "gb18030"),
        ("学习", "gbk", "gb18030"),
        ("全省农业", "gbk", "gb18030"),
    ],
)
def test_short_texts(text: str, codec: str, expected: str) -> None:
    result = decode(text.encode(codec))
    assert (result.encoding, result.text) == (expected, text)


def test_two_byte_utf8_in_one_script_stays_utf8() -> None:
    for text in ("café au lait", "Москва", "Αθήνα"):
        assert decode(text.encode("utf-8")).text == text


def test_non_bmp_character() -> None:
    text = "𠮷野家在湖南开店。\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("big5")
    for codec in ("utf-8", "gb18030"):
        result = decode(text.encode(codec))
        assert result.text == text
        assert len(result.text) == 10  # 𠮷 is one code point


def test_text_is_normalised() -> None:
    data = codecs.BOM_UTF8 + "第一段\u2028第二段\r\n\ufeff结束".encode()
    assert decode(data).text == "第一段\n第二段\n结束"


# --- what is refused ------------------------------------------------------------------------


def assert_refused(data: bytes, *fragments: str, name: str = "报告.txt") -> str:
    with pytest.raises(ImportFileError) as info:
        decode_bytes(data, name)
    message = str(info.value)
    assert message.startswith(f"{name}: ")
    for fragment in fragments:
        assert fragment in message
    return message


def test_garbage_is_refused_naming_the_encodings() -> None:
    rnd = random.Random(4)
    for _ in range(20):
        garbage = bytes(rnd.randrange(0x80, 0x100) for _ in range(rnd.randrange(6, 400)))
        assert_refused(garbage, TRIED, "save it as UTF-8")


def test_message_format() -> None:
    message = assert_refused(bytes(range(0x80, 0x100)) * 3)
    assert message == (
        "报告.txt: cannot tell its text encoding (tried UTF-8, UTF-16, GB18030, Big5); "
        "save it as UTF-8 and import again"
    )


def test_utf8_then_gbk_is_refused() -> None:
    data = SIMPLIFIED.encode("utf-8") + SIMPLIFIED.encode("gbk")
    assert_refused(data, "is UTF-8 up to byte", TRIED)


def test_gb18030_with_a_bad_byte_after_the_sample_is_refused() -> None:
    body = SIMPLIFIED.encode("gb18030") * 2000  # ≈ 1 MB, beyond the sampled chunks
    data = body[: len(body) // 2] + b"\xff\n" + body[len(body) // 2 :]
    assert_refused(data, "not GB18030 at byte", TRIED)


def test_invalid_utf16_after_bom_is_refused() -> None:
    assert_refused(codecs.BOM_UTF16_LE + "新闻".encode("utf-16-le") + b"\x00", "UTF-16 LE")
    assert_refused(codecs.BOM_UTF16_LE + b"\x00\xdc", "UTF-16 LE")  # lone low surrogate


def test_invalid_utf8_after_bom_is_refused() -> None:
    assert_refused(codecs.BOM_UTF8 + "精准扶贫".encode("gbk"), "UTF-8 byte-order mark")


def test_utf32_is_refused() -> None:
    assert_refused("新闻".encode("utf-32"), "UTF-32")


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "报告.pdf", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(40), "报告.docx", "Word document (.docx)"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(40), "报告.zip", "ZIP archive"),
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "图.png", "PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(20), "旧.doc", "old-style Office"),
        (b"{\\rtf1\\ansi\\ansicpg936 \\'be\\'ab", "报告.rtf", "RTF document"),
    ],
)
def test_known_binary_formats(data: bytes, name: str, kind: str) -> None:
    assert_refused(data, kind, "only plain text files can be imported", name=name)


def test_nul_bytes_mean_binary() -> None:
    assert_refused(SIMPLIFIED.encode("gbk") + b"\x00\x01\x02" + bytes(50), "binary", "NUL")


def test_utf16_without_bom_is_refused_with_a_hint() -> None:
    assert_refused("Hunan Daily 湖南日报\n".encode("utf-16-le"), "UTF-16 without a byte-order mark")


def test_control_characters_mean_binary() -> None:
    rnd = random.Random(1)
    data = bytes(rnd.choice(b"\x01\x02\x03\x04\x05abcdefgh ") for _ in range(2000))
    assert_refused(data, "binary", "control characters")
    # A stray form feed or two in a long text is fine.
    assert decode(SIMPLIFIED.encode() + b"\x0c" + SIMPLIFIED.encode()).encoding == "utf-8"


@pytest.mark.parametrize(
    "data",
    [b"", b"   \r\n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, "\u3000\n".encode()],
)
def test_empty(data: bytes) -> None:
    assert_refused(data, "is empty")


def test_errors_are_user_facing() -> None:
    assert issubclass(ImportFileError, HnreaderError)


# --- files ----------------------------------------------------------------------------------


def test_read_text_file(tmp_path: Path) -> None:
    path = tmp_path / "湖南日报.txt"
    path.write_bytes(SIMPLIFIED.replace("\n", "\r\n").encode("gbk"))
    result = read_text_file(path)
    assert (result.encoding, result.text) == ("gb18030", SIMPLIFIED)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"^缺失\.txt: file not found"):
        read_text_file(tmp_path / "缺失.txt")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "文件夹"
    folder.mkdir()
    with pytest.raises(ImportFileError, match=r"^文件夹: is a folder"):
        read_text_file(folder)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "秘密.txt"
    path.write_bytes(SIMPLIFIED.encode())
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read a mode-000 file (root)")
        with pytest.raises(ImportFileError, match=r"^秘密\.txt: cannot be read: permission denied"):
            read_text_file(path)
    finally:
        path.chmod(0o600)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "大.txt"
    path.write_bytes(SIMPLIFIED.encode() * 10)
    with pytest.raises(ImportFileError, match=r"^大\.txt: is too large"):
        read_text_file(path, max_bytes=1000)
    assert read_text_file(path, max_bytes=len(SIMPLIFIED.encode()) * 10).text


def test_fifo_is_refused(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ImportFileError, match="not a regular file"):
        read_text_file(fifo)  # must not block


def test_50_mb_file(tmp_path: Path) -> None:
    unit = SIMPLIFIED.encode("gb18030")
    repeats = 50 * 2**20 // len(unit) + 1
    path = tmp_path / "big.txt"
    path.write_bytes(unit * repeats)
    started = time.perf_counter()
    result = read_text_file(path)
    elapsed = time.perf_counter() - started
    assert result.encoding == "gb18030"
    assert len(result.text) == len(SIMPLIFIED) * repeats
    assert elapsed < 8


def test_large_file_that_turns_non_ascii_late(tmp_path: Path) -> None:
    # 2 MB of ASCII, then Big5: the evidence is taken where UTF-8 first fails.
    data = b"Hunan Daily archive, plain ASCII header line.\n" * 45_000 + TRADITIONAL.encode("big5")
    assert decode(data).encoding == "cp950"


def test_detection_is_fast() -> None:
    data = SIMPLIFIED.encode("gb18030") * 400  # ≈ 190 kB
    best = min(_timed(lambda: decoding._choose_legacy(data, 0, "x")) for _ in range(3))
    assert best < 0.05


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


# --- the shipped character sets -------------------------------------------------------------


def test_common_character_sets_match_their_recipe() -> None:
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.origin is not None
    counts: collections.Counter[str] = collections.Counter()
    with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as stream:
        for line in stream:
            word, frequency = line.split(" ", 2)[:2]
            for char in word:
                counts[char] += int(frequency)
    ranked = sorted(
        (char for char in counts if "\u4e00" <= char <= "\u9fff"),
        key=lambda char: (-counts[char], char),
    )[:3500]
    s2t = opencc.OpenCC("s2t")

    def with_traditional(chars: list[str]) -> set[str]:
        return set(chars) | set(s2t.convert("\n".join(chars)).split("\n"))

    top = with_traditional(ranked[:1000])
    rest = with_traditional(ranked[1000:]) - top
    assert set(decoding._VERY_COMMON_HAN_TEXT.replace("\n", "")) == top
    assert set(decoding._COMMON_HAN_TEXT.replace("\n", "")) == rest


def test_corpus_files_score_high() -> None:
    corpus = Path(__file__).parents[3] / "corpus"
    files = sorted(corpus.glob("*.txt"))
    if not files:
        pytest.skip("no bundled corpus")
    for path in files:
        text = decode_bytes(path.read_bytes(), path.name).text
        result = decode(text.encode("gb18030"), path.name)
        assert result.encoding == "gb18030"
        assert result.confidence > 0.9
