"""Figure recognition against a hand-written gold (issue 14, item 2). Not a test.

    .venv/bin/python -m benchmarks.figures_metrics            # totals, by kind, by case
    .venv/bin/python -m benchmarks.figures_metrics --verbose  # and every miss and false figure

Each text in benchmarks/devset/figures/texts/ is run through hnreader's figure finder the way
import analyses an article (`fold_parts(text)`, then `find_figures(text, folded)`, as
importer.analyse_text does; no database, no Qt), and the predicted figures are matched to the
gold of benchmarks/devset/figures/gold.json (conventions in the README there):

- a predicted figure belongs to the gold figure its span overlaps most; the one overlapping a
  gold figure most is that figure's match, any other piece is a fragment (4 and 6% for 4-6%);
- a gold figure is right when its match has the exact span, the value (numbers within a
  relative 1e-9, ISO strings exactly; a range needs value_low and value_high) and the unit;
- a predicted figure overlapping no gold figure is false; when it overlaps a gold negative
  (a list marker, 5G, 第406次 ...) it also counts as a negative wrongly found.

Headline: span+value+unit right, as recall (of gold figures) and precision (of predicted
figures; fragments and false figures count against it). Fields the current Figure does not
have (approx, value_low/value_high) are reported as "not produced". The finder's date values
(yyyymmdd floats, 00 for a missing part) are read as the ISO strings they stand for.

Before anything is measured the gold is checked: every span is file_text[start:end], the
fields are valid, figures do not overlap each other or a negative.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from hnreader.core.analysis.figures import find_figures
from hnreader.core.analysis.index import fold_parts
from hnreader.core.models import FIGURE_KINDS, Figure
from hnreader.core.text.normalize import normalise_stored_text

DEVSET = Path(__file__).resolve().parent / "devset" / "figures"
GOLD = DEVSET / "gold.json"
TEXTS = DEVSET / "texts"

KINDS = frozenset(FIGURE_KINDS) - {"caption"}  # the gold's kinds: the model's, no captions
CASES = frozenset(
    {
        "plain",
        "approx",
        "range",
        "time",
        "date",
        "date_no_year",
        "chinese_numeral",
        "cheng_fraction",
        "fraction",
        "mixed_magnitude",
        "spaced_digits",
        "negative_temp",
        "unit_norm",
        "year_vs_duration",
        "ratio",
        "traditional",
    }
)
FIELDS = {"text", "start", "end", "value", "value_low", "value_high", "unit", "approx", "kind"}


class GoldError(Exception):
    pass


@dataclass
class Outcome:
    gold: dict
    match: Figure | None = None
    fragments: list[Figure] = field(default_factory=list)
    span_exact: bool = False
    value_right: bool = False
    unit_right: bool = False
    approx_right: bool = False

    @property
    def right(self) -> bool:
        return self.span_exact and self.value_right and self.unit_right


@dataclass
class TextResult:
    name: str
    outcomes: list[Outcome]
    predicted: list[Figure]
    false: list[Figure]
    negatives_hit: list[tuple[dict, Figure]]
    negatives: int


# --- the gold ---------------------------------------------------------------------------------


def _is_value(value: object) -> bool:
    return (
        value is None
        or isinstance(value, str)
        or (
            isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        )
    )


def check_gold(gold: dict) -> dict[str, str]:
    """The text of every gold file, after checking every span and field; raises GoldError."""
    texts: dict[str, str] = {}
    problems: list[str] = []
    for record in gold["texts"]:
        name = record["file"]
        path = TEXTS / name
        if not path.is_file():
            raise GoldError(f"{name}: no such file under {TEXTS}")
        text = path.read_text("utf-8")
        if normalise_stored_text(text) != text:
            problems.append(f"{name}: import would change the text (BOM, CR, NUL): offsets shift")
        texts[name] = text
        spans: list[tuple[int, int, str]] = []
        for item in record["figures"]:
            where = f"{name} {item.get('text')!r}@{item.get('start')}"
            missing = FIELDS - set(item)
            if missing:
                problems.append(f"{where}: missing {sorted(missing)}")
                continue
            start, end = item["start"], item["end"]
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
                problems.append(f"{where}: bad offsets")
                continue
            if text[start:end] != item["text"]:
                problems.append(f"{where}: file has {text[start:end]!r} there")
            if item["kind"] not in KINDS:
                problems.append(f"{where}: kind {item['kind']!r} not one of {sorted(KINDS)}")
            if item.get("case", "plain") not in CASES:
                problems.append(f"{where}: case {item.get('case')!r} not one of {sorted(CASES)}")
            if not all(_is_value(item[key]) for key in ("value", "value_low", "value_high")):
                problems.append(f"{where}: a value is neither a number, a string nor null")
            ranged = item["value_low"] is not None or item["value_high"] is not None
            if ranged and (
                item["value"] is not None or None in (item["value_low"], item["value_high"])
            ):
                problems.append(f"{where}: a range has value null and both value_low/value_high")
            if not ranged and item["value"] is None:
                problems.append(f"{where}: no value")
            if not isinstance(item["unit"], str):
                problems.append(f"{where}: unit must be a string")
            if item["approx"] is not None and item["approx"] not in item["text"]:
                problems.append(f"{where}: approx {item['approx']!r} is not in the span")
            spans.append((start, end, where))
        spans.sort()
        for (_, end_a, where_a), (start_b, _, where_b) in itertools.pairwise(spans):
            if start_b < end_a:
                problems.append(f"{where_a} overlaps {where_b}")
        for negative in record["negatives"]:
            start, end = negative["start"], negative["end"]
            where = f"{name} negative {negative['text']!r}@{start}"
            if text[start:end] != negative["text"]:
                problems.append(f"{where}: file has {text[start:end]!r} there")
            if any(s < end and start < e for s, e, _ in spans):
                problems.append(f"{where}: overlaps a gold figure")
    if problems:
        raise GoldError("gold.json is inconsistent:\n  " + "\n  ".join(problems))
    return texts


# --- scoring ----------------------------------------------------------------------------------


def predict(text: str) -> list[Figure]:
    """The figures import stores for `text` (analyse_text without captions and index row)."""
    folded = fold_parts(text)[0]
    return find_figures(text, folded)


def as_iso(figure: Figure) -> float | str | None:
    """The finder's value (dates and times are ISO strings already)."""
    return figure.value


def same_value(gold: object, predicted: object) -> bool:
    if gold is None or predicted is None:
        return False
    if isinstance(gold, str) or isinstance(predicted, str):
        return gold == predicted
    return math.isclose(float(gold), float(predicted), rel_tol=1e-9, abs_tol=1e-12)  # type: ignore[arg-type]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def score_text(record: dict, text: str) -> TextResult:
    predicted = predict(text)
    golds = record["figures"]
    outcomes = [Outcome(g) for g in golds]
    false: list[Figure] = []
    pieces: dict[int, list[tuple[int, Figure]]] = defaultdict(list)
    for figure in predicted:
        best = max(
            (
                (_overlap(figure.start, figure.end, g["start"], g["end"]), i)
                for i, g in enumerate(golds)
            ),
            default=(0, -1),
        )
        if best[0] > 0:
            pieces[best[1]].append((best[0], figure))
        else:
            false.append(figure)
    for index, found in pieces.items():
        found.sort(key=lambda pair: (-pair[0], pair[1].start))
        outcome = outcomes[index]
        outcome.match = found[0][1]
        outcome.fragments = [figure for _, figure in found[1:]]
        gold, match = outcome.gold, outcome.match
        outcome.span_exact = (match.start, match.end) == (gold["start"], gold["end"])
        if gold["value"] is None:
            outcome.value_right = match.value is None and all(
                same_value(gold[key], getattr(match, key)) for key in ("value_low", "value_high")
            )
        else:
            outcome.value_right = same_value(gold["value"], as_iso(match))
        outcome.unit_right = match.unit == gold["unit"]
        outcome.approx_right = match.approx == gold["approx"]
    negatives_hit = [
        (negative, figure)
        for figure in false
        for negative in record["negatives"]
        if _overlap(figure.start, figure.end, negative["start"], negative["end"])
    ]
    return TextResult(
        record["file"], outcomes, predicted, false, negatives_hit, len(record["negatives"])
    )


# --- report -----------------------------------------------------------------------------------


def _rate(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else f"{part}/0"


def _describe(figure: Figure | None) -> str:
    if figure is None:
        return "nothing found"
    value = figure.value if figure.value is not None else (figure.value_low, figure.value_high)
    return (
        f"{figure.text!r} value={value!r} unit={figure.unit!r} kind={figure.kind}"
        f" approx={figure.approx!r}"
    )


def _gold_text(gold: dict) -> str:
    value = gold["value"] if gold["value"] is not None else (gold["value_low"], gold["value_high"])
    return (
        f"{gold['text']!r}@{gold['start']} value={value!r} unit={gold['unit']!r} [{gold['case']}]"
    )


def _breakdown(title: str, outcomes: list[Outcome], key: str) -> None:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.gold.get(key, "plain")].append(outcome)
    print(f"\nBy {title}" + " " * max(1, 22 - len(title)) + "  gold  found  span  +value  +unit")
    for name in sorted(groups, key=lambda n: (-len(groups[n]), n)):
        rows = groups[name]
        found = sum(o.match is not None for o in rows)
        exact = sum(o.span_exact for o in rows)
        valued = sum(o.span_exact and o.value_right for o in rows)
        right = sum(o.right for o in rows)
        print(f"  {name:24} {len(rows):4}  {found:5}  {exact:4}  {valued:6}  {right:5}")


def report(results: list[TextResult], verbose: bool, seconds: float) -> None:
    outcomes = [o for r in results for o in r.outcomes]
    predicted = sum(len(r.predicted) for r in results)
    fragments = sum(len(o.fragments) for o in outcomes)
    false = sum(len(r.false) for r in results)
    negatives = sum(r.negatives for r in results)
    negatives_hit = sum(len({id(n) for n, _ in r.negatives_hit}) for r in results)
    found = sum(o.match is not None for o in outcomes)
    exact = sum(o.span_exact for o in outcomes)
    valued = sum(o.span_exact and o.value_right for o in outcomes)
    right = sum(o.right for o in outcomes)
    kind_right = sum(o.match is not None and o.match.kind == o.gold["kind"] for o in outcomes)
    hard = [o for o in outcomes if o.gold.get("case", "plain") != "plain"]
    ranges = sum(o.gold["value"] is None for o in outcomes)
    approx = sum(o.gold["approx"] is not None for o in outcomes)
    if verbose:
        for result in results:
            misses = [o for o in result.outcomes if not o.right]
            if not (misses or result.false):
                continue
            print(f"== {result.name}")
            for outcome in misses:
                what = _describe(outcome.match)
                if outcome.fragments:
                    what += f" + {len(outcome.fragments)} fragment(s)"
                print(f"  MISS  {_gold_text(outcome.gold)}: {what}")
            hit = {id(f): n for n, f in result.negatives_hit}
            for figure in result.false:
                label = f"NEGATIVE ({hit[id(figure)]['why']})" if id(figure) in hit else "FALSE"
                print(f"  {label}  {figure.text!r}@{figure.start}: {_describe(figure)}")
        print()
    print(
        f"Figures: {len(results)} texts, {len(outcomes)} gold figures ({len(hard)} hard cases), "
        f"{negatives} gold negatives; {predicted} predicted figures ({seconds:.2f} s)"
    )
    print(f"  gold figures found (span overlap)  {_rate(found, len(outcomes))}")
    print(f"  span exact                         {_rate(exact, len(outcomes))}")
    print(f"  span+value right                   {_rate(valued, len(outcomes))}")
    print(f"  span+value+unit right  recall      {_rate(right, len(outcomes))}")
    print(f"                         precision   {_rate(right, predicted)}")
    print(f"  fragments (a gold figure in pieces) {fragments}")
    print(f"  false figures                      {false}")
    print(f"  negatives wrongly found            {_rate(negatives_hit, negatives)}")
    approx_right = sum(o.match is not None and o.approx_right for o in outcomes)
    ranges_right = sum(o.gold["value"] is None and o.right for o in outcomes)
    print(f"  kind as gold                       {_rate(kind_right, len(outcomes))}")
    print(f"  approx word as gold ({approx} with one) {_rate(approx_right, len(outcomes))}")
    print(f"  ranges right ({ranges} ranges)          {_rate(ranges_right, ranges)}")
    _breakdown("kind", outcomes, "kind")
    _breakdown("case", outcomes, "case")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss and false figure")
    args = parser.parse_args(argv)
    gold = json.loads(GOLD.read_text("utf-8"))
    try:
        texts = check_gold(gold)
    except GoldError as exc:
        print(exc, file=sys.stderr)
        return 2
    began = time.perf_counter()
    results = [score_text(record, texts[record["file"]]) for record in gold["texts"]]
    report(results, args.verbose, time.perf_counter() - began)
    return 0


if __name__ == "__main__":
    sys.exit(main())
