"""Word lists, keyness and collocates as tables for CSV and XLSX (`coding_analysis.tables`)."""

from __future__ import annotations

from collections.abc import Sequence

from hnreader.core.coding_analysis.tables import Table
from hnreader.core.wordstats.collocates import Collocates
from hnreader.core.wordstats.keyness import Keyness
from hnreader.core.wordstats.wordlist import WordList


def word_table(lists: Sequence[WordList]) -> Table:
    header = ("n", "rank", "word", "freq", "range", "per_10k")
    rows: list[tuple[object, ...]] = [
        (wl.n, r.rank, r.word, r.freq, r.range, round(r.per_10k, 4))
        for wl in lists
        for r in wl.rows
    ]
    return header, rows, frozenset({"n", "rank", "freq", "range", "per_10k"})


def keyness_table(result: Keyness) -> Table:
    header = (
        "word",
        "freq_a",
        "freq_b",
        "per_10k_a",
        "per_10k_b",
        "log_likelihood",
        "p",
        "log_ratio",
    )
    rows: list[tuple[object, ...]] = [
        (
            r.word,
            r.freq_a,
            r.freq_b,
            round(r.per_10k_a, 4),
            round(r.per_10k_b, 4),
            round(r.log_likelihood, 4),
            r.p_value,
            round(r.log_ratio, 4),
        )
        for r in result.rows
    ]
    return header, rows, frozenset(header[1:])


def collocate_table(result: Collocates) -> Table:
    header = ("term", "collocate", "together", "left", "right", "freq", "mi", "ll", "logdice")
    rows: list[tuple[object, ...]] = [
        (
            result.term,
            r.word,
            r.together,
            r.left,
            r.right,
            r.freq,
            round(r.mi, 4),
            round(r.log_likelihood, 4),
            round(r.log_dice, 4),
        )
        for r in result.rows
    ]
    return header, rows, frozenset(header[2:])
