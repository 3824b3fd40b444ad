"""The query language: structure of parsed queries, and that no input escapes as a crash."""

from __future__ import annotations

import random
import unicodedata

import pytest

from hnreader.core.models import QueryError
from hnreader.core.search.query import ParsedQuery, parse_query
from hnreader.core.text.normalize import _FOLD_TABLE, fold_width


def _groups(parsed: ParsedQuery) -> list[list[str]]:
    return [[t.folded for t in g.alternatives] for g in parsed.groups]


def test_terms_are_anded_and_full_width_space_separates() -> None:
    parsed = parse_query("扶贫\u3000乡村  振兴")
    assert _groups(parsed) == [["扶贫"], ["乡村"], ["振兴"]]
    assert parsed.excluded == ()


def test_or_binds_tighter_than_and() -> None:
    assert _groups(parse_query("扶贫 乡村 OR 农村")) == [["扶贫"], ["乡村", "农村"]]
    assert _groups(parse_query("a OR b OR c d")) == [["a", "b", "c"], ["d"]]
    assert _groups(parse_query("扶贫 or 乡村")) == [["扶贫"], ["or"], ["乡村"]]


def test_dangling_or_and_literal_operators() -> None:
    assert _groups(parse_query("OR 扶贫 OR")) == [["扶贫"]]
    assert _groups(parse_query("扶贫 AND 乡村")) == [["扶贫"], ["乡村"]]
    assert _groups(parse_query("NOT NEAR")) == [["not"], ["near"]]


def test_quoted_phrases() -> None:
    parsed = parse_query('"脱贫 攻坚" "GDP 增长" "a  b"')
    assert [t.folded for t in parsed.positive_terms] == ["脱贫攻坚", "gdp 增长", "a  b"]
    assert all(t.phrase for t in parsed.positive_terms)
    assert parse_query('"未闭合 的 引号').positive_terms[0].folded == "未闭合的引号"


def test_exclusions() -> None:
    parsed = parse_query('扶贫 -城市 -"十八 洞村"')
    assert _groups(parsed) == [["扶贫"]]
    assert [t.folded for t in parsed.excluded] == ["城市", "十八洞村"]
    with pytest.raises(QueryError, match="only excludes"):
        parse_query("-扶贫")


def test_folding_full_width_and_traditional() -> None:
    assert parse_query("１３．４３％").positive_terms[0].folded == "13.43%"
    assert parse_query("脫貧").positive_terms[0].folded == "脱贫"
    assert parse_query("GDP").positive_terms[0].text == "GDP"


def test_width_folding_maps_every_character_by_its_table() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    folded = fold_width(every)
    assert len(folded) == len(every)
    changed = {a: b for a, b in zip(every, folded, strict=True) if a != b}
    assert changed == {chr(code): chr(target) for code, target in _FOLD_TABLE.items()}
    assert changed["Ａ"] == "a" and changed["，"] == "," and changed["\u3000"] == " "
    assert fold_width("扶贫ＧＤＰ１３．４３％") == "扶贫gdp13.43%"


def test_punctuation_terms_are_dropped() -> None:
    parsed = parse_query("扶贫 ，。！ *")
    assert _groups(parsed) == [["扶贫"]]
    assert parsed.dropped == ("，。！", "*")
    # Only punctuation and symbols: searched as they are (every text is read for them).
    marks = parse_query("，。！ 🙂 %")
    assert _groups(marks) == [[",。!"], ["🙂"], ["%"]] and marks.dropped == ()
    with pytest.raises(QueryError, match="only punctuation"):
        parse_query("-，")  # nothing left to look for
    with pytest.raises(QueryError, match="empty"):
        parse_query("   \u3000 ")
    with pytest.raises(QueryError, match="empty"):
        parse_query('""')


def test_limits() -> None:
    with pytest.raises(QueryError, match="too long"):
        parse_query("扶" * 10_001)
    assert parse_query("扶" * 10_000).positive_terms[0].folded == "扶" * 10_000
    with pytest.raises(QueryError, match="terms"):
        parse_query(" ".join(f"w{i}" for i in range(40)))


def test_control_characters_and_surrogates() -> None:
    assert _groups(parse_query("扶\x00贫")) == [["扶"], ["贫"]]
    with pytest.raises(QueryError):
        parse_query("\ud800")


WORDS = ["AND", "OR", "NOT", "NEAR", "扶贫", "村", "a", "B", "１", "脫", "\u0300", "\ufffd"]
ALPHABET = [*" \"-*:^(){}+'\u3000\t\n\x00\x07\ud800，。！🙂𠮷〇", *WORDS]


def test_deterministic_fuzz_never_raises_anything_else() -> None:
    rng = random.Random(20240501)
    outcomes = {"parsed": 0, "error": 0}
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))
        try:
            parsed = parse_query(text)
        except QueryError as error:
            assert str(error)
            outcomes["error"] += 1
            continue
        outcomes["parsed"] += 1
        assert parsed.groups
        for term in (*parsed.positive_terms, *parsed.excluded):
            assert term.folded and (
                any(c.isalnum() for c in term.folded)
                or all(c.isspace() or unicodedata.category(c)[0] in "PS" for c in term.folded)
            )
            assert '"' not in term.folded or not term.phrase
    assert outcomes["parsed"] > 500 and outcomes["error"] > 100
