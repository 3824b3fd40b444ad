"""The statistics ledger built from the stored figures: each measured figure (a change's two
figures as one value) given its indicator, place and period, grouped by indicator × place ×
period, with the user's merges and decisions applied and conflicts flagged. A plain
function with progress and cancel callbacks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from hnreader.core.ledger.dictionaries import MEASURED_KINDS
from hnreader.core.ledger.entries import LedgerEntry, LedgerValue, agree
from hnreader.core.ledger.indicators import IndicatorFinder
from hnreader.core.ledger.periods import article_year, period_of, year_marks
from hnreader.core.ledger.places import ArticlePlaces, PlaceList
from hnreader.core.models import Figure, HnreaderError

SENTENCE_BREAKS = "。！？!?\n"
# The two figures of a change (从13.43%降至0.36%) are this close at most.
_CHANGE_GAP = 16

_CHANGE_OPENING = re.compile(r"[从由](?:\d{4}年(?:底|末|初)?的?)?$")
_CHANGE_BETWEEN = re.compile(
    r"^(?:下降|降低|减少|降|减|增长|增加|提高|上升|升|增|扩大|缩小)了?(?:至|到|为)"
    r"(?:\d{4}年(?:底|末)?的?)?$"
)

EntryKey = tuple[str, str, str, str]  # indicator, measure, place, period
ValueKey = tuple[int, int, int]  # article id, start, end


class LedgerCancelled(HnreaderError):
    """Building the ledger was cancelled."""


@dataclass(frozen=True)
class ArticleFigures:
    """What the ledger reads of an article."""

    id: int
    title: str
    date: str
    text: str
    figures: Sequence[tuple[int, Figure]]


@dataclass(frozen=True)
class Decisions:
    """The user's decisions stored in the project: merged names, confirmed entries and the
    value marked correct in an entry."""

    merges: Mapping[str, str] = field(default_factory=dict)  # name → the name it became
    confirmed: frozenset[EntryKey] = frozenset()
    correct: Mapping[EntryKey, ValueKey] = field(default_factory=dict)

    def name(self, indicator: str) -> str:
        seen = {indicator}
        while indicator in self.merges and self.merges[indicator] not in seen:
            indicator = self.merges[indicator]
            seen.add(indicator)
        return indicator


@dataclass(frozen=True)
class Ledger:
    entries: tuple[LedgerEntry, ...]
    measured: int  # measured figures read (counts, money, percents…, not years or dates)
    with_indicator: int  # of them, those given an indicator (dictionary or guessed)
    guessed: int  # of those, by a guessed indicator


def article_values(
    article: ArticleFigures,
    finder: IndicatorFinder,
    places: PlaceList,
) -> tuple[list[LedgerValue], int]:
    """The ledger values of one article (names as found, before merges) and how many
    measured figures it has."""
    figures = [(i, f) for i, f in article.figures if f.kind in MEASURED_KINDS]
    marks = year_marks([f for _, f in article.figures])
    located = ArticlePlaces(places, article.title, article.text)
    year = article_year(article.date)
    text = article.text
    values = []
    for group in _values(figures, text):
        first, last = group[0][1], group[-1][1]
        others = [f.end for _, f in figures if f.end <= first.start]
        found = finder.find(
            text,
            first.start,
            last.end,
            first.kind,
            others=others[-3:],
            unit=first.unit,
        )
        if found is None:
            continue
        sentence = _sentence(text, first.start, last.end)
        place, place_how = located.at(sentence[0], found.start)
        period, period_how = period_of(text, marks, sentence, [f.start for _, f in group], year)
        values.append(
            LedgerValue(
                article.id,
                article.title,
                article.date,
                tuple(group),
                found.name,
                found.written,
                found.how,
                found.measure,
                place,
                place_how,
                period,
                period_how,
                text[sentence[0] : sentence[1]],
                sentence[0],
                sentence[1],
            )
        )
    return values, len(figures)


def _values(figures: Sequence[tuple[int, Figure]], text: str) -> list[list[tuple[int, Figure]]]:
    """Figures as values: the two figures of one change together, every other alone."""
    groups: list[list[tuple[int, Figure]]] = []
    for item in figures:
        previous = groups[-1] if groups else None
        if (
            previous is not None
            and len(previous) == 1
            and _one_change(previous[0][1], item[1], text)
        ):
            previous.append(item)
        else:
            groups.append([item])
    return groups


def _one_change(first: Figure, second: Figure, text: str) -> bool:
    """The two ends of one change: so marked by the figure model, or written 从A降至(Y年的)B
    with a year between that the model does not join over (从2016年的8.41%下降至2019年的0.27%)."""
    if second.start - first.end > _CHANGE_GAP or first.unit != second.unit:
        return False
    if first.direction and first.direction == second.direction:
        return (first.value_low, first.value_high) == (second.value_low, second.value_high)
    opening = text[max(0, first.start - 12) : first.start]
    return bool(_CHANGE_OPENING.search(opening)) and bool(
        _CHANGE_BETWEEN.match(text[first.end : second.start])
    )


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_BREAKS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in SENTENCE_BREAKS:
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1  # the full stop belongs to the sentence
    while left < right and text[left].isspace():
        left += 1
    return left, right


@dataclass(frozen=True)
class LedgerValues:
    """Every value found in the articles, with the indicator as found (before merges): the
    slow part of a ledger, regrouped cheaply whenever a decision changes."""

    values: tuple[LedgerValue, ...]
    measured: int  # measured figures read


def collect_values(
    articles: Iterable[ArticleFigures],
    total: int,
    finder: IndicatorFinder,
    places: PlaceList,
    *,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> LedgerValues:
    """The values of `total` articles read from `articles` (guessed indicators included)."""
    values: list[LedgerValue] = []
    measured = 0
    for done, article in enumerate(articles, 1):
        if is_cancelled is not None and is_cancelled():
            raise LedgerCancelled("building the statistics ledger was cancelled")
        found, count = article_values(article, finder, places)
        values.extend(found)
        measured += count
        if progress is not None and (done % 20 == 0 or done == total):
            progress(done, total)
    return LedgerValues(tuple(values), measured)


def group_values(collected: LedgerValues, decisions: Decisions, *, guess: bool = True) -> Ledger:
    """The values grouped by indicator (after merges) × measure × place × period, with the
    decisions applied and conflicts flagged; `guess`: with guessed indicators."""
    groups: dict[EntryKey, list[LedgerValue]] = defaultdict(list)
    with_indicator = guessed = 0
    for value in collected.values:
        if value.how == "guessed" and not guess:
            continue
        size = len(value.figures)
        with_indicator += size
        guessed += size if value.how == "guessed" else 0
        name = decisions.name(value.indicator)
        if name != value.indicator:
            value = replace(value, indicator=name)
        groups[(name, value.measure, value.place, value.period)].append(value)
    entries = tuple(
        _entry(key, values, decisions) for key, values in sorted(groups.items(), key=_order)
    )
    return Ledger(entries, collected.measured, with_indicator, guessed)


def build_ledger(
    articles: Iterable[ArticleFigures],
    total: int,
    finder: IndicatorFinder,
    places: PlaceList,
    decisions: Decisions,
    *,
    guess: bool = True,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Ledger:
    """The ledger of `total` articles read from `articles`."""
    collected = collect_values(
        articles, total, finder, places, progress=progress, is_cancelled=is_cancelled
    )
    return group_values(collected, decisions, guess=guess)


def _order(item: tuple[EntryKey, list[LedgerValue]]) -> tuple[object, ...]:
    (indicator, measure, place, period), values = item
    guessed = all(v.how == "guessed" for v in values)
    return (guessed, indicator, measure, place, period)


def _entry(key: EntryKey, values: list[LedgerValue], decisions: Decisions) -> LedgerEntry:
    values.sort(key=lambda v: (v.article_date or "9999", v.article_id, v.start))
    disagreeing: set[ValueKey] = set()
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if a.article_id == b.article_id and a.start == b.start:
                continue
            if a.how == "guessed" or b.how == "guessed":
                continue  # a guessed name may stand for different things: no conflicts
            if agree(a, b) is False:
                disagreeing.update((a.key, b.key))
    readings: dict[ValueKey, int] = {}
    firsts: list[LedgerValue] = []
    for value in values:
        reading = next(
            (i for i, first in enumerate(firsts) if agree(first, value) is not False),
            len(firsts),
        )
        if reading == len(firsts):
            firsts.append(value)
        readings[value.key] = reading
    correct = decisions.correct.get(key)
    if correct is not None and correct not in {v.key for v in values}:
        correct = None  # the value is gone (its article was edited or removed)
    return LedgerEntry(
        key[0],
        key[1],
        key[2],
        key[3],
        tuple(values),
        bool(disagreeing),
        frozenset(disagreeing),
        key in decisions.confirmed,
        correct,
        readings,
    )
