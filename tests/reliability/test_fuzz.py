"""Arbitrary text and bytes into the modules that read what users and files give us.

Lone surrogates, NULs, control characters, bidirectional overrides, CRLF and lone CRs, long
lines and mixed scripts go into the decoder, the article splitter, figure detection, the
search query parser and the CSV writer. None may raise anything but the project's own
`HnreaderError` subclasses, with a message; cheap invariants are checked on every result.
HNREADER_SLOW=1 runs many more examples.
"""

from __future__ import annotations

import csv
import importlib.util
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_helpers import trials

from hnreader import paths
from hnreader.core.analysis.figures import find_figures
from hnreader.core.export.csv_writer import (
    FORMULA_PREFIXES,
    MAX_CELL_CHARS,
    neutralise_cell,
    write_csv,
)
from hnreader.core.importing.markup import headline_parts
from hnreader.core.importing.splitter import split_articles
from hnreader.core.models import ArticleDraft, HnreaderError, QueryError
from hnreader.core.search.query import MAX_TERMS, parse_query
from hnreader.core.text.decoding import decode_bytes
from hnreader.core.text.normalize import fold_for_search, normalise_stored_text
from hnreader.core.text.safety import has_lone_surrogate, replace_lone_surrogates

FUZZ = settings(
    max_examples=trials(200, 3_000),
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout; a bug found becomes an @example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _splitter_lossless_check() -> Callable[[str, list[ArticleDraft]], None]:
    """`assert_lossless` from the splitter's own tests (tests/core is not importable here)."""
    path = Path(__file__).resolve().parents[1] / "core" / "importing" / "test_article_splitter.py"
    spec = importlib.util.spec_from_file_location("_splitter_tests_for_fuzzing", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    check: Callable[[str, list[ArticleDraft]], None] = module.assert_lossless
    return check


_assert_lossless = _splitter_lossless_check()


def assert_lossless(source: str, drafts: list[ArticleDraft]) -> None:
    """The splitter tests' `assert_lossless`, plus the one case its accounting does not
    cover: an article without body whose title is derived from a subtitle or byline line
    (a file holding only "记者A"), so that line's text is there twice, once as title and
    once as byline. The copy is not a source line, so it is set aside before the check."""
    lines = source.split("\n")
    checked = []
    for draft in drafts:
        heads = [*draft.subtitle.split("\n"), *draft.byline.split("\n")]
        in_source = [line.strip() for line in lines[draft.first_line - 1 : draft.last_line]]
        # Derived, not the headline of a line of its own (### 3. 标题, 【kicker】标题).
        derived = draft.title in heads and not any(
            line != draft.title and headline_parts(line).title == draft.title for line in in_source
        )
        if not draft.text and derived and in_source.count(draft.title) <= heads.count(draft.title):
            draft = replace(draft, title="")
        checked.append(draft)
    _assert_lossless(source, checked)


# Characters that have broken text handling somewhere: NUL and other controls, CR and the
# other line breaks, BOM, bidi overrides and isolates, zero-width and variation characters,
# lone surrogates (high, low, escaped bytes), a non-BMP Han character, full-width forms.
HOSTILE_CHARACTERS = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\x9f\r\n\t \u3000\u2028\u2029\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200d\ufe0f\ufffd"
    "\ud800\udbff\udc00\udcff\udfff𠮷０１９％．，。：\"'-=+@*^()【】《》"
)
# Pieces of Chinese news layout, so the splitter and figure finder reach their deeper rules.
NEWS_PIECES = (
    "本报讯",
    "■记者 张三 通讯员 李四",
    "本报记者 陈 润",
    "新华社长沙3月5日电（记者 王五）",
    "湖南日报12月27日讯(全媒体记者 郑丹枚)",
    "◀◀(上接1版)",
    "(下转2版)▶▶",
    "发布时间:2020-09-16 10:00",
    "来源:红网",
    "阅读:116次",
    "责任编辑:李四",
    "版权所有",
    "首页 | 新闻 | 体育 | 财经",
    "(完)",
    "图为村民在采摘。新华社记者 李贺 摄",
    "(资料图)",
    "一、",
    "(二)",
    "问:",
    "——访省应急管理厅党委书记",
    "13.43%",
    "229.6亿元",
    "747万",
    "3.37万名",
    "近千人",
    "二〇二〇年三月五日",
    "百分之十三",
    "三至五年",
    "3至5万元",
    "2012年至2019年",
    "010-00000000",
    "1,234,567.89",
    "第3名",
    "十八洞村",
    "精准扶贫",
    "脱贫攻坚",
    "。",
    "，",
    # Markup of saved pages and transcripts (issue 12)
    "\n# ",
    "\n### ",
    "\n## 详细新闻\n",
    "3.",
    "【走基层】",
    "（纵横）",
    "本期节目主要内容：",
    "\n1.第一条；\n（2）第二条；\n",
    "（《新闻联播》 20260208 19:00）",
    "\n### 国内联播快讯\n",
    "央视网消息（新闻联播）：",
    "[查看原文](https://example.org/a)",
    "\n---\n",
    "---\ntitle: x\ndate: 2019-06-02\n---\n",
    "> 王五《山乡日报》（2019年06月02日第 04 版）",
    "<p><strong>标题</strong></p><p>正文。</p>",
    "![图](https://example.org/a.jpg)",
    "——编  者",
    "全国人大代表、某县县长张明：",
    "核心阅读",
    "（本报记者  王  沛采访整理）",
    "\n",
    "\n\n\n",
    "\r\n",
)

_characters = st.one_of(
    st.characters(codec=None, exclude_categories=()),  # any code point, surrogates included
    st.sampled_from(HOSTILE_CHARACTERS),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)
_pieces = st.one_of(
    st.text(_characters, max_size=30),
    st.sampled_from(NEWS_PIECES),
    st.builds(lambda char, count: char * count, _characters, st.integers(200, 5_000)),
)
random_text = st.lists(_pieces, max_size=40).map("".join)
CORPUS = "\n".join(
    f.read_text(encoding="utf-8") for f in sorted(paths.bundled_corpus_dir().glob("*.txt"))
)


def _corrupted_news(start: int, size: int, at: int, inserted: str) -> str:
    """A stretch of the bundled corpus with hostile text put in somewhere."""
    text = CORPUS[start : start + size]
    at = min(at, len(text))
    return text[:at] + inserted + text[at:]


news_text = st.builds(
    _corrupted_news,
    st.integers(0, len(CORPUS)),
    st.integers(0, 3_000),
    st.integers(0, 3_000),
    random_text,
)
hostile_text = st.one_of(random_text, news_text)


# -- decoder


def _encoded(text: str, codec: str, cut: int, damage: list[tuple[int, int]]) -> bytes:
    """`text` in `codec`, cut after `cut` bytes (mid-character, often) and with some bytes
    overwritten, as a truncated download or a bad disk leaves a file."""
    errors = "surrogatepass" if codec.startswith("utf") else "replace"
    data = bytearray(text.encode(codec, errors=errors)[:cut])
    for position, value in damage:
        if data:
            data[position % len(data)] = value
    return bytes(data)


_codecs = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030", "big5"])
_damage = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=3)
hostile_bytes = st.one_of(
    st.binary(max_size=2_000),
    st.builds(_encoded, hostile_text, _codecs, st.integers(0, 20_000), _damage),
)


@FUZZ
@given(data=hostile_bytes, name=st.text(_characters, max_size=20))
def test_decoder_returns_clean_text_or_says_why(data: bytes, name: str) -> None:
    try:
        decoded = decode_bytes(data, name)
    except HnreaderError as error:
        assert str(error).strip()
        return
    text = decoded.text
    assert text.strip()
    assert "\x00" not in text and "\r" not in text and "\ufeff" not in text
    assert not has_lone_surrogate(text)
    assert 0.0 <= decoded.confidence <= 1.0 and decoded.encoding


# -- article splitter


@FUZZ
@given(text=hostile_text)
@example(text="")
@example(text="记者A")  # title derived from the byline, the article's only line
@example(text="标题\r\n\r\n■记者 张三\r\n正文。\x00\ud800\u202e")  # OpenCC raised
@example(text="# 0\n记者A")  # a Markdown heading over a byline only
@example(text="本报讯\n===\n本报讯本报讯")  # a title that is also a paragraph's text
@example(text="0\n0")
@example(text="【0】记者A\n===\n记者A")  # a kicker and title whose title is a byline's text
def test_splitter_is_lossless_on_any_text(text: str) -> None:
    source = normalise_stored_text(text)
    drafts = split_articles(source)
    assert_lossless(source, drafts)
    split_articles(text)  # text that skipped normalisation must not crash it either


# -- figures


@FUZZ
@given(text=hostile_text)
@example(text="1,234,567,890,123,456,789.0亿元" * 3)
@example(text="增长3%\ud800")  # OpenCC, which folds the text, raised on a surrogate
def test_figures_are_spans_of_the_text(text: str) -> None:
    for given_folded in (None, fold_for_search(replace_lone_surrogates(text))):
        figures = find_figures(text, given_folded)
        end = 0
        for figure in figures:
            assert end <= figure.start < figure.end <= len(text), figure
            assert text[figure.start : figure.end] == figure.text
            end = figure.end


# -- search queries


@FUZZ
@given(text=st.one_of(hostile_text, st.text(_characters, max_size=60)))
@example(text='"' + "a" * 10_001)
@example(text='-"" OR OR AND -')
def test_query_parser_gives_a_query_or_a_query_error(text: str) -> None:
    try:
        query = parse_query(text)
    except QueryError as error:
        assert str(error).strip()
        return
    terms = [*query.positive_terms, *query.excluded]
    assert query.groups and len(terms) <= MAX_TERMS
    for term in terms:  # a word, or punctuation and symbols searched as they are
        assert any(c.isalnum() for c in term.folded) or all(
            c.isspace() or unicodedata.category(c)[0] in "PS" for c in term.folded
        )
        assert not has_lone_surrogate(term.text) and not has_lone_surrogate(term.folded)


# -- CSV cells


def _cells() -> st.SearchStrategy[object]:
    return st.one_of(
        hostile_text,
        st.sampled_from(["=1+1", "+1", "-1", "@SUM(A1)", "\t1", "\r1", "＝1", "-", ""]),
        st.none(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
    )


@FUZZ
@given(rows=st.lists(st.tuples(_cells(), _cells()), max_size=5))
@example(rows=[("\ud800", 1.5)])  # UTF-8 could not write the cell: the export failed
@example(rows=[("𠮷" * MAX_CELL_CHARS, None)])
def test_csv_cells_are_written_and_read_back_formula_safe(
    rows: list[tuple[object, object]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        try:
            count = write_csv(path, ["text", "number"], rows, numeric_columns={"number"})
        except HnreaderError as error:
            assert str(error).strip()
            return
        assert count == len(rows)
        with path.open(encoding="utf-8-sig", newline="") as stream:
            read = list(csv.reader(stream))
    assert read[0] == ["text", "number"] and len(read) == len(rows) + 1
    for (text, _number), (text_cell, _number_cell) in zip(rows, read[1:], strict=True):
        assert not text_cell.startswith(FORMULA_PREFIXES)
        assert len(text_cell.encode("utf-16-le")) <= 2 * MAX_CELL_CHARS
        written = "" if text is None else str(text)
        if len(written) < 1_000 and not has_lone_surrogate(written):
            assert text_cell == neutralise_cell(written)
