"""The statistics ledger measured (issue 14, item 3). Not a test.

    .venv/bin/python -m benchmarks.ledger_metrics              # coverage and the gold sample
    .venv/bin/python -m benchmarks.ledger_metrics --list       # every value found, to judge
    .venv/bin/python -m benchmarks.ledger_metrics --sample 30  # a seeded sample to hand-check

Coverage: of the measured figures (counts, money, percents… not years, dates or times) of the
bundled corpus (imported into a temporary project, as a user would) and of the figure
development set (benchmarks/devset/figures/texts, one article per file, figures found as import
finds them), how many get an indicator, from the dictionary or guessed.

Accuracy: benchmarks/devset/ledger/gold.json holds a hand-checked sample of values — for each,
the names that would be right for what the figure measures (an empty list: it measures no
indicator a ledger should hold, so any name is wrong). A value is right when its indicator, with
its measure (贫困人口（减少）), is one of them. The sample was drawn with --sample 30 (seed 14)
and judged by reading each sentence; nothing in it was produced by the judge's tooling.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from hnreader import paths
from hnreader.core.analysis.figures import find_figures
from hnreader.core.analysis.index import fold_parts
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.ledger.building import ArticleFigures, article_values
from hnreader.core.ledger.dictionaries import read_indicators, read_places
from hnreader.core.ledger.entries import LedgerValue
from hnreader.core.ledger.indicators import IndicatorFinder
from hnreader.core.ledger.places import PlaceList
from hnreader.core.project import Project
from hnreader.core.text.normalize import normalise_stored_text

ROOT = Path(__file__).resolve().parent
TEXTS = ROOT / "devset" / "figures" / "texts"
GOLD = ROOT / "devset" / "ledger" / "gold.json"
_FILE_DATE = re.compile(r"(20\d\d)(\d\d)(\d\d)")


def _name(value: LedgerValue) -> str:
    return f"{value.indicator}（{value.measure}）" if value.measure else value.indicator


def devset_values(segmenter: Segmenter) -> tuple[list[tuple[str, LedgerValue]], int]:
    finder = IndicatorFinder(read_indicators(paths.indicator_dictionary_path()), segmenter)
    places = PlaceList(read_places(paths.ledger_places_path()))
    found: list[tuple[str, LedgerValue]] = []
    measured = 0
    for number, path in enumerate(sorted(TEXTS.glob("*.txt")), 1):
        text = normalise_stored_text(path.read_text(encoding="utf-8"))
        figures = list(enumerate(find_figures(text, fold_parts(text)[0]), 1))
        match = _FILE_DATE.search(path.name)
        date = "-".join(match.groups()) if match else ""
        title = text.split("\n", 1)[0]
        values, count = article_values(
            ArticleFigures(number, title, date, text, figures), finder, places
        )
        measured += count
        found.extend((path.name, v) for v in values)
    return found, measured


def corpus_values(segmenter: Segmenter) -> tuple[list[tuple[str, LedgerValue]], int]:
    folder = Path(tempfile.mkdtemp(prefix="ledger-metrics-"))
    try:
        project = Project.open(folder / "corpus.sqlite", segmenter=segmenter)
        project.import_paths([paths.bundled_corpus_dir()])
        collected = project.ledger_values()
        project.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [(f"corpus#{v.article_id}", v) for v in collected.values], collected.measured


def _coverage(label: str, values: list[tuple[str, LedgerValue]], measured: int) -> None:
    figures: Counter[str] = Counter()
    for _, value in values:
        figures[value.how] += len(value.figures)
    given = sum(figures.values())
    print(
        f"{label}: {given} of {measured} measured figures have an indicator "
        f"({given / max(measured, 1):.0%}): {figures['dictionary'] + figures['project']} "
        f"from the dictionary, {figures['guessed']} guessed; {len(values)} values"
    )


def _show(source: str, value: LedgerValue) -> str:
    at = value.start - value.sentence_start
    sentence = value.sentence
    context = sentence[max(0, at - 30) : at] + "【" + value.text + "】"
    context += sentence[value.end - value.sentence_start :][:20]
    return (
        f"{source}\t{value.start}\t{value.end}\t{value.text}\t{_name(value)}\t{value.how}"
        f"\t{value.place}\t{value.period}\t{context}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="print every value")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="print N values")
    parser.add_argument("--seed", type=int, default=14, help="the sample's seed (default 14)")
    args = parser.parse_args(argv)
    segmenter = Segmenter(cache_dir=paths.jieba_cache_dir())
    devset, devset_measured = devset_values(segmenter)
    corpus, corpus_measured = corpus_values(segmenter)
    _coverage("bundled corpus", corpus, corpus_measured)
    _coverage("figure devset", devset, devset_measured)
    everything = corpus + devset
    if args.list:
        for source, value in everything:
            print(_show(source, value))
    if args.sample:
        judged = set()
        if GOLD.exists():
            gold_values = json.loads(GOLD.read_text(encoding="utf-8"))["values"]
            judged = {(g["source"], g["start"], g["end"]) for g in gold_values}
        fresh = [(s, v) for s, v in everything if (s, v.start, v.end) not in judged]
        for source, value in random.Random(args.seed).sample(fresh, args.sample):
            print(_show(source, value))
    if not GOLD.exists():
        return 0
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["values"]
    by_place = {(s, v.start, v.end): v for s, v in everything}
    right = missing = 0
    by_sample: Counter[int] = Counter()
    right_by_sample: Counter[int] = Counter()
    for item in gold:
        value = by_place.get((item["source"], item["start"], item["end"]))
        if value is None:
            missing += 1
            print(f"  no indicator now: {item['source']} {item['text']}")
            continue
        ok = _name(value) in item["right"]
        right += ok
        by_sample[item.get("sample", 1)] += 1
        right_by_sample[item.get("sample", 1)] += ok
        if not ok:
            print(f"  wrong: {item['text']} → {_name(value)} (right: {item['right']})")
    for sample in sorted(by_sample):
        print(f"  sample {sample}: {right_by_sample[sample]} of {by_sample[sample]} right")
    named = len(gold) - missing
    print(
        f"hand-checked sample: {right} of {named} indicators right "
        f"({right / max(named, 1):.0%}); {missing} of {len(gold)} no longer given one"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
