"""The word-statistics commands: wordlist, keyness, collocates, stopwords (issue 16)."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import Any

from hnreader.cli.analysis_commands import add_filter_options, export_tables
from hnreader.cli.console import print_json
from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.models import ErrorCode, HnreaderError
from hnreader.core.wordstats.collocates import MAX_WINDOW, MEASURES
from hnreader.core.wordstats.subsets import ARTICLES, PARTS, WordSubset
from hnreader.core.wordstats.tables import collocate_table, keyness_table, word_table
from hnreader.core.wordstats.wordlist import MAX_N, WordFilters

WRITE_COMMANDS = {"stopwords"}


def _add_subset_options(parser: argparse.ArgumentParser) -> None:
    add_filter_options(parser, "only articles with passages of this tag")
    parser.add_argument(
        "--part",
        choices=PARTS,
        default=ARTICLES,
        help="with --tag: whole articles, only the words inside the passages, or the words "
        "outside them (default: articles)",
    )
    parser.add_argument(
        "--publication", default="", metavar="NAME", help="only articles of this publication"
    )


def _output_options(parser: argparse.ArgumentParser, default_freq: int) -> None:
    parser.add_argument("--csv", type=Path, metavar="FILE", help="write the table as CSV")
    parser.add_argument(
        "--xlsx", type=Path, metavar="FILE", help="write the table as an Excel workbook"
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows")
    parser.add_argument(
        "--min-freq",
        type=int,
        default=default_freq,
        metavar="N",
        help=f"only words seen at least N times (default: {default_freq})",
    )
    parser.add_argument(
        "--min-length", type=int, default=1, metavar="N", help="only words of N+ characters"
    )
    parser.add_argument(
        "--keep-stopwords", action="store_true", help="do not leave out the stop words"
    )
    parser.add_argument("--keep-numbers", action="store_true", help="do not leave out numbers")
    parser.add_argument(
        "--keep-dates",
        action="store_true",
        help="do not leave out dates (年, 月, 日 alone or after a numeral: 3月, 2019年)",
    )


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "wordlist",
        parents=[project, as_json],
        help="word frequencies (or clusters of 2–4 words) of the corpus or a subset",
        epilog="example: hnreader wordlist --from 2020 --min-length 2 --limit 50 "
        "--xlsx words.xlsx\n         hnreader wordlist --ngrams 2 --tag 产业扶贫 --part inside",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_subset_options(sub)
    _output_options(sub, 1)
    sub.add_argument(
        "--ngrams",
        default="1",
        metavar="N|N-M",
        help=f"words (1) or clusters of N words, 2–{MAX_N}; a range lists each (default: 1)",
    )
    sub = commands.add_parser(
        "keyness",
        parents=[project, as_json],
        help="words key in subset A against subset B: log-likelihood and log ratio",
        epilog='example: hnreader keyness --a "--from 2019-01 --to 2019-12" --b "--from 2020-01"'
        '\n         hnreader keyness --a "--tag 产业扶贫 --part inside" '
        '--b "--tag 产业扶贫 --part outside"\n'
        "(leave out --b to compare A with the whole corpus)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.add_argument("--a", default="", metavar="FILTERS", help="subset A, as wordlist's filters")
    sub.add_argument(
        "--b", default="", metavar="FILTERS", help="subset B (default: the whole corpus)"
    )
    _output_options(sub, 5)
    sub = commands.add_parser(
        "collocates",
        parents=[project, as_json],
        help="words found near a term, ranked by logDice, MI or log-likelihood",
        epilog="example: hnreader collocates 扶贫 --window 4 --measure ll --limit 30",
    )
    sub.add_argument("term", help="the node word (whole words of the text)")
    sub.add_argument(
        "--window",
        type=int,
        default=5,
        metavar="N",
        help=f"words to the left and right, 1–{MAX_WINDOW} (default: 5)",
    )
    sub.add_argument("--measure", choices=MEASURES, default="logdice", help="(default: logdice)")
    sub.add_argument(
        "--min-together",
        type=int,
        default=2,
        metavar="N",
        help="only collocates seen N+ times near the term (default: 2)",
    )
    _add_subset_options(sub)
    _output_options(sub, 2)
    sub = commands.add_parser(
        "stopwords",
        parents=[project, as_json],
        help="list the project's stop words, or add and remove some",
        epilog="example: hnreader stopwords add 记者 本报   (hnreader undo takes it back)",
    )
    sub.add_argument("action", nargs="?", choices=("list", "add", "remove"), default="list")
    sub.add_argument("words", nargs="*", metavar="WORD")


def _subset(args: argparse.Namespace, project: Any) -> WordSubset:
    tags = tuple(project.tag_by_name(name).id for name in args.tag) if args.tag else ()
    return WordSubset(
        CodingFilter(
            article_ids=args.article,
            date_from=args.date_from,
            date_to=args.date_to,
            where=tuple(args.where),
            coder=args.coder,
        ),
        tags,
        args.subtags,
        args.part,
        args.publication.strip(),
    )


class _SubsetParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # type: ignore[override]
        raise HnreaderError(f"{self.prog}: {message}", code=ErrorCode.INVALID_VALUE)


def _parse_subset(text: str, which: str, project: Any) -> WordSubset:
    parser = _SubsetParser(prog=f"keyness --{which}", add_help=False)
    _add_subset_options(parser)
    try:
        words = shlex.split(text)
    except ValueError as error:
        raise HnreaderError(
            f"keyness --{which}: {error} in “{text}”", code=ErrorCode.INVALID_VALUE
        ) from None
    return _subset(parser.parse_args(words), project)


def _filters(args: argparse.Namespace, project: Any) -> WordFilters:
    return WordFilters(
        min_length=args.min_length,
        min_freq=args.min_freq,
        stop_words=frozenset() if args.keep_stopwords else project.stop_words(),
        exclude_numbers=not args.keep_numbers,
        exclude_dates=not args.keep_dates,
    )


def _ngram_sizes(text: str) -> list[int]:
    low, sep, high = text.partition("-")
    try:
        sizes = list(range(int(low), int(high) + 1)) if sep else [int(low)]
    except ValueError:
        sizes = []
    if not sizes or not all(1 <= n <= MAX_N for n in sizes):
        raise HnreaderError(
            f"--ngrams: “{text}” is not 1–{MAX_N} or a range such as 2-4",
            code=ErrorCode.INVALID_VALUE,
        )
    return sizes


def _check_limit(args: argparse.Namespace) -> None:
    if args.limit is not None and args.limit < 1:
        raise HnreaderError(
            "--limit: give a number of rows of 1 or more", code=ErrorCode.INVALID_VALUE
        )


def _cmd_wordlist(project: Any, args: argparse.Namespace) -> int:
    _check_limit(args)
    sizes = _ngram_sizes(args.ngrams)
    subset, filters = _subset(args, project), _filters(args, project)
    lists = [project.word_list(subset, filters, n=n, limit=args.limit) for n in sizes]
    if export_tables(project, args, word_table(lists)):
        return 0
    if args.json:
        print_json(
            [
                {
                    "n": wl.n,
                    "running_words": wl.total,
                    "articles": wl.articles,
                    "types": wl.types,
                    "rows": [
                        {
                            "rank": r.rank,
                            "word": r.word,
                            "freq": r.freq,
                            "range": r.range,
                            "per_10k": round(r.per_10k, 4),
                        }
                        for r in wl.rows
                    ],
                }
                for wl in lists
            ]
        )
        return 0
    for wl in lists:
        kind = "words" if wl.n == 1 else f"clusters of {wl.n} words"
        print(f"{kind}: {wl.types} distinct, {wl.total} running words in {wl.articles} articles")
        print("rank  freq  range  per10k  word")
        for r in wl.rows:
            print(f"{r.rank:>4}  {r.freq:>4}  {r.range:>5}  {r.per_10k:>6.1f}  {r.word}")
    return 0


def _cmd_keyness(project: Any, args: argparse.Namespace) -> int:
    _check_limit(args)
    a = _parse_subset(args.a, "a", project)
    b = _parse_subset(args.b, "b", project)
    result = project.keyness(a, b, _filters(args, project), limit=args.limit)
    if export_tables(project, args, keyness_table(result)):
        return 0
    if args.json:
        print_json(
            {
                "running_words_a": result.total_a,
                "running_words_b": result.total_b,
                "articles_a": result.articles_a,
                "articles_b": result.articles_b,
                "rows": [
                    {
                        "word": r.word,
                        "freq_a": r.freq_a,
                        "freq_b": r.freq_b,
                        "per_10k_a": round(r.per_10k_a, 4),
                        "per_10k_b": round(r.per_10k_b, 4),
                        "log_likelihood": round(r.log_likelihood, 4),
                        "p": r.p_value,
                        "log_ratio": round(r.log_ratio, 4),
                    }
                    for r in result.rows
                ],
            }
        )
        return 0
    print(
        f"A: {result.total_a} running words in {result.articles_a} articles; "
        f"B: {result.total_b} in {result.articles_b}"
    )
    print("    LL  logratio  freqA  freqB  word   (LL > 0: key in A, < 0: key in B)")
    for r in result.rows:
        print(
            f"{r.log_likelihood:>6.2f}  {r.log_ratio:>8.2f}  {r.freq_a:>5}  {r.freq_b:>5}  {r.word}"
        )
    return 0


def _cmd_collocates(project: Any, args: argparse.Namespace) -> int:
    _check_limit(args)
    result = project.collocates(
        args.term,
        _subset(args, project),
        _filters(args, project),
        window=args.window,
        measure=args.measure,
        min_together=args.min_together,
        limit=args.limit,
    )
    if export_tables(project, args, collocate_table(result)):
        return 0
    if args.json:
        print_json(
            {
                "term": result.term,
                "window": result.window,
                "measure": result.measure,
                "term_freq": result.node_freq,
                "rows": [
                    {
                        "word": r.word,
                        "together": r.together,
                        "left": r.left,
                        "right": r.right,
                        "freq": r.freq,
                        "mi": round(r.mi, 4),
                        "log_likelihood": round(r.log_likelihood, 4),
                        "log_dice": round(r.log_dice, 4),
                    }
                    for r in result.rows
                ],
            }
        )
        return 0
    print(f"“{result.term}”: {result.node_freq} occurrences, window {result.window} words")
    print("logDice      MI      LL  together  freq  word")
    for r in result.rows:
        print(
            f"{r.log_dice:>7.2f}  {r.mi:>6.2f}  {r.log_likelihood:>6.2f}  {r.together:>8}  "
            f"{r.freq:>4}  {r.word}"
        )
    if not result.rows:
        print("(no collocates: the term may be rare, or lower --min-together / --min-freq)")
    return 0


def _cmd_stopwords(project: Any, args: argparse.Namespace) -> int:
    if args.action == "list":
        if args.words:
            raise HnreaderError(
                "stopwords: give words only with add or remove", code=ErrorCode.INVALID_VALUE
            )
        words = sorted(project.stop_words())
        changes = project.stop_word_changes()
        if args.json:
            print_json({"stop_words": words, "project_changes": changes})
        else:
            print(" ".join(words))
            print(f"{len(words)} stop words ({len(changes)} changed in this project)")
        return 0
    if not args.words:
        raise HnreaderError(
            f"stopwords {args.action}: give at least one WORD", code=ErrorCode.INVALID_VALUE
        )
    change = project.set_stop_words(args.words, args.action == "add")
    print(change.label)
    return 0


COMMANDS = {
    "wordlist": _cmd_wordlist,
    "keyness": _cmd_keyness,
    "collocates": _cmd_collocates,
    "stopwords": _cmd_stopwords,
}
