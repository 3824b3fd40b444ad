"""Hostile input cannot hurt: indexing, splitting and figure finding take time linear in the
input (issue F15: 10,000 digits took 57 s to index, an 8 KB file of digits 73 s to import).

Each timing test compares the CPU time for n and 4n characters: linear work gives a ratio
near 4, quadratic 16, cubic 64. CPU time of this process (not wall-clock time) keeps other
processes on a shared machine out of the measure. HNREADER_SLOW=1 uses 4x larger inputs.
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from jieba import finalseg
from reliability_helpers import trials

from hnreader import paths
from hnreader.core.analysis.figures import find_figures
from hnreader.core.analysis.index import build_index_entry
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.analysis.segmenter_hmm import hmm_cut
from hnreader.core.importing.importer import analyse_file
from hnreader.core.importing.splitter import split_articles
from hnreader.core.text.normalize import fold_for_search

SIZE = trials(250_000, 1_000_000)  # the smaller input; the larger one is 4 times as long
SHORT_LINES = trials(10_000, 25_000)  # lines in the smaller many-lines input (4x: 10^5)
MAX_RATIO = 8.0  # for 4x the input: linear ~4, quadratic 16
NEGLIGIBLE_S = 0.05  # a larger input done in less CPU time than this is fast whatever the ratio

_BASE64 = string.ascii_letters + string.digits + "+/"


def _random_run(alphabet: str, size: int) -> str:
    generator = random.Random(size)
    return "".join(generator.choices(alphabet, k=size))


# One line of one kind of character, as found in broken or hostile files.
RUNS: dict[str, Callable[[int], str]] = {
    "digits": lambda n: ("1234567890" * (n // 10 + 1))[:n],
    "ascii letters": lambda n: _random_run(string.ascii_letters, n),
    "base64": lambda n: _random_run(_BASE64, n),
    "one Han character": lambda n: "的" * n,  # outside the dictionary as a run: jieba's HMM
    "punctuation": lambda n: ("，。！？、" * (n // 5 + 1))[:n],
}


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    segmenter = Segmenter(cache_dir=tmp_path_factory.mktemp("jieba"))
    segmenter.initialize()
    return segmenter


def cpu_seconds(work: Callable[[str], object], text: str) -> float:
    start = time.process_time()
    work(text)
    return time.process_time() - start


def assert_linear(work: Callable[[str], object], make: Callable[[int], str], size: int) -> None:
    """`work` on `make(4 * size)` costs well under 16 times `work` on `make(size)`."""
    small_text, large_text = make(size), make(4 * size)
    small = min(cpu_seconds(work, small_text) for _ in range(2))
    large = cpu_seconds(work, large_text)
    if large >= MAX_RATIO * small and large >= NEGLIGIBLE_S:
        large = min(large, cpu_seconds(work, large_text))  # a one-off stall: measure again
    assert large < NEGLIGIBLE_S or large < MAX_RATIO * small, (
        f"{len(large_text):,} characters took {large:.2f} s, "
        f"{large / small:.1f} times {len(small_text):,} characters ({small:.2f} s)"
    )


@pytest.mark.parametrize("kind", list(RUNS))
def test_indexing_a_long_run_is_linear(kind: str, segmenter: Segmenter) -> None:
    assert_linear(lambda text: build_index_entry(text, segmenter), RUNS[kind], SIZE)


@pytest.mark.parametrize("kind", list(RUNS))
def test_splitting_and_finding_figures_in_a_long_line_are_linear(kind: str) -> None:
    assert_linear(split_articles, RUNS[kind], SIZE)
    assert_linear(find_figures, RUNS[kind], SIZE)


def test_a_number_of_millions_of_digits_is_no_error() -> None:
    """Found by the slow mode: Decimal raised Overflow past 999,999 digits (its exponent
    limit), so find_figures failed on a 4,000,000-digit run."""
    text = "增长" + "9" * 2_000_000 + "元。"
    for figure in find_figures(text):
        assert text[figure.start : figure.end] == figure.text


def _mixed_file(size: int) -> str:
    """Every kind of run on its own line, `size` characters in all."""
    return "\n".join(make(size // len(RUNS)) for make in RUNS.values())


def test_importing_a_file_of_long_runs_is_linear(segmenter: Segmenter) -> None:
    analysed = analyse_file("runs.txt", _mixed_file(SIZE), segmenter)
    assert sum(len(draft.text) for draft in analysed.drafts) >= SIZE - len(RUNS)
    assert_linear(lambda text: analyse_file("runs.txt", text, segmenter), _mixed_file, SIZE)


def _short_lines(count: int) -> str:
    """`count` short lines of a few kinds: headlines, bylines, figures, blank gaps."""
    kinds = ("短行", "本报记者 张三", "增长13.43%，", "", "■", "1、", "2020年5月")
    return "\n".join(kinds[i % len(kinds)] for i in range(count))


def test_many_short_lines_are_linear(segmenter: Segmenter) -> None:
    assert_linear(split_articles, _short_lines, SHORT_LINES)
    assert_linear(find_figures, _short_lines, SHORT_LINES)
    assert_linear(
        lambda text: analyse_file("lines.txt", text, segmenter), _short_lines, SHORT_LINES
    )


class _CountingDictionary(dict[str, int]):
    """jieba's FREQ that counts `get` calls, the segmenter's only way of reading it."""

    lookups = 0

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        self.lookups += 1
        return super().get(key, default)


def test_dictionary_lookups_grow_linearly_with_a_digit_run(segmenter: Segmenter) -> None:
    """Deterministic: the cubic version looked up every substring (~n²/2 lookups)."""
    tokenizer = segmenter._ready()
    original = tokenizer.FREQ
    counting = _CountingDictionary(original)
    tokenizer.FREQ = counting
    try:
        for size in (2_000, 8_000):
            counting.lookups = 0
            spans = segmenter.flag_spans("7" * size)
            assert spans == [(0, size, True)]
            assert counting.lookups <= 3 * size, (size, counting.lookups)
    finally:
        tokenizer.FREQ = original


def _all_inner_words(segmenter: Segmenter, word: str) -> tuple[tuple[int, int], ...]:
    """The definition `_find_inner_words` must meet: every substring of 2+ characters that is
    a dictionary word, the word itself excepted (the old cubic code did exactly this)."""
    frequencies = segmenter._ready().FREQ
    size = len(word)
    return tuple(
        (i, j)
        for i in range(size - 1)
        for j in range(i + 2, size + (i > 0))
        if frequencies.get(word[i:j])
    )


def _corpus_text() -> str:
    files = sorted(paths.bundled_corpus_dir().glob("*"))
    return fold_for_search("".join(f.read_text(encoding="utf-8") for f in files))


def test_inner_words_are_every_dictionary_word_inside(tmp_path: Path) -> None:
    long_user_word = "花垣县十八洞村精准扶贫蓝莓产业示范园区"  # longer than any jieba word
    segmenter = Segmenter([long_user_word], cache_dir=tmp_path)
    tokenizer = segmenter._ready()
    words = {w for w in tokenizer.cut(_corpus_text()) if len(w) > 2}
    generator = random.Random(7)
    known = sorted(w for w, f in tokenizer.FREQ.items() if f and len(w) > 2)
    words |= {"".join(generator.sample(known, 3)) for _ in range(500)}
    words |= {long_user_word, long_user_word + "二期", "c++与AT&T", "9" * 50}
    assert long_user_word in segmenter.cut(f"参观{long_user_word}。")
    for word in sorted(words):
        assert segmenter._find_inner_words(word) == _all_inner_words(segmenter, word), word
    spans = segmenter.search_spans(f"参观{long_user_word}")
    assert ("十八洞村", 5, 9) in spans and (long_user_word, 2, 2 + len(long_user_word)) in spans


def test_our_hmm_cuts_exactly_as_jiebas() -> None:
    """`hmm_cut` (linear Viterbi) against jieba's `finalseg.cut`, ties included: characters
    the HMM has never seen all score the same, so only the tie-breaks decide."""
    text = _corpus_text()
    generator = random.Random(3)
    rare = "龘靐齉爩麤鱻羴䲜" + "的一是了"
    runs = ["的" * 2_000, "龘" * 50, "嗯嗯嗯哈哈哈呃呃", "abc1.5%的的x", "𠮷野家", "一", "a"]
    for _ in range(2_000):
        size = generator.randint(1, 60)
        start = generator.randrange(len(text) - size)
        runs.append(text[start : start + size])
        runs.append("".join(generator.choices(text, k=size)))
        runs.append("".join(generator.choices(rare, k=size)))
    for run in runs:
        assert list(hmm_cut(run)) == list(finalseg.cut(run)), run
