"""The project's statistics ledger (issue 14): building it in the background, the user's
decisions on it (each one undo step) and its export."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.coding_analysis.tables import write_table
from hnreader.core.ledger.building import (
    ArticleFigures,
    Decisions,
    EntryKey,
    Ledger,
    LedgerCancelled,
    LedgerValues,
    collect_values,
    group_values,
)
from hnreader.core.ledger.dictionaries import (
    Indicator,
    ProjectIndicator,
    merged_indicators,
    parse_kinds,
    read_indicators,
    read_places,
)
from hnreader.core.ledger.entries import LedgerEntry, LedgerValue
from hnreader.core.ledger.indicators import IndicatorFinder
from hnreader.core.ledger.places import PlaceList
from hnreader.core.ledger.table import ledger_table
from hnreader.core.models import Change, Progress, Stage, StoreError
from hnreader.core.store import Store

Cancelled = Callable[[], bool]
_BATCH = 200

__all__ = ["LedgerCancelled", "LedgerValues", "ProjectLedger"]


class ProjectLedger:
    """The statistics ledger for `Project` (which sets `store`, `segmenter`, `coder` and
    `_record`)."""

    store: Store
    segmenter: Segmenter
    coder: str
    _record: Callable[[Change], Change]

    def ledger_indicators(self) -> list[Indicator]:
        """The shipped indicator dictionary with the project's own names added."""
        added = [
            ProjectIndicator(alias, indicator, parse_kinds(kinds, "the project's indicators"))
            for alias, indicator, kinds in self.store.ledger_indicators()
        ]
        return merged_indicators(read_indicators(paths.indicator_dictionary_path()), added)

    def project_indicator_names(self) -> list[tuple[str, str, str]]:
        """The project's own indicator names: (name, the indicator it stands for, kinds)."""
        return self.store.ledger_indicators()

    def ledger_decisions(self) -> Decisions:
        decided = self.store.ledger_decisions()
        return Decisions(
            self.store.ledger_merges(),
            frozenset(key for key, confirmed, _ in decided if confirmed),
            {key: correct for key, _, correct in decided if correct is not None},
        )

    def ledger_values(
        self, progress: Progress | None = None, is_cancelled: Cancelled | None = None
    ) -> LedgerValues:
        """Every article's measured figures given an indicator, place and period (the slow
        part of the ledger: run it in the background; `group_ledger` is quick)."""
        finder = IndicatorFinder(self.ledger_indicators(), self.segmenter)
        places = PlaceList(read_places(paths.ledger_places_path()))
        excluded = self.store.excluded_ids()  # in no analysis (issue 13)
        summaries = [s for s in self.store.article_summaries() if s.id not in excluded]
        total = len(summaries)

        def articles() -> Iterator[ArticleFigures]:
            for offset in range(0, total, _BATCH):
                batch = summaries[offset : offset + _BATCH]
                texts = self.store.article_texts([s.id for s in batch])
                for summary in batch:
                    yield ArticleFigures(
                        summary.id,
                        summary.title,
                        summary.date,
                        texts.get(summary.id, ""),
                        self.store.figures(summary.id),
                    )

        def report(done: int, count: int) -> None:
            if progress is not None:
                progress(done, count, Stage.ANALYSING)

        return collect_values(
            articles(), total, finder, places, progress=report, is_cancelled=is_cancelled
        )

    def group_ledger(
        self,
        values: LedgerValues,
        *,
        indicator: str | None = None,
        conflicts_only: bool = False,
        guessed: bool = True,
    ) -> Ledger:
        """The values grouped into entries with the project's merges and decisions; only
        one indicator's entries (by any name merged into it) or only conflicting ones when
        asked; `guessed`: with indicators guessed from the words before a figure."""
        decisions = self.ledger_decisions()
        built = group_values(values, decisions, guess=guessed)
        entries = built.entries
        if indicator is not None:
            wanted = decisions.name(indicator.strip())
            entries = tuple(e for e in entries if e.indicator == wanted)
        if conflicts_only:
            entries = tuple(e for e in entries if e.status == "conflict")
        return Ledger(entries, built.measured, built.with_indicator, built.guessed)

    def ledger(
        self,
        *,
        indicator: str | None = None,
        conflicts_only: bool = False,
        guessed: bool = True,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> Ledger:
        """`ledger_values` grouped by `group_ledger`, in one call."""
        values = self.ledger_values(progress, is_cancelled)
        return self.group_ledger(
            values, indicator=indicator, conflicts_only=conflicts_only, guessed=guessed
        )

    # -- decisions (each one undo step)

    def add_ledger_indicator(
        self, name: str, indicator: str = "", kinds: Sequence[str] = ()
    ) -> Change:
        """A name the ledger looks for before figures: a new indicator, or (with
        `indicator`) another name of one."""
        checked = parse_kinds(",".join(kinds), "the indicator's kinds")
        return self._record(
            self.store.add_ledger_indicator(name, indicator, ",".join(sorted(checked)))
        )

    def remove_ledger_indicator(self, name: str) -> Change:
        return self._record(self.store.remove_ledger_indicator(name))

    def merge_indicators(self, name: str, into: str) -> Change:
        """Show the entries of indicator `name` as `into` (两个名字 → 一个)."""
        return self._record(self.store.merge_ledger_indicators(name, into))

    def unmerge_indicator(self, name: str) -> Change:
        return self._record(self.store.unmerge_ledger_indicator(name))

    def confirm_ledger_entry(self, entry: LedgerEntry, confirmed: bool = True) -> Change:
        return self._record(
            self.store.set_ledger_decision(
                entry.key, _entry_label(entry), confirmed=confirmed, coder=self.coder
            )
        )

    def mark_ledger_value_correct(self, entry: LedgerEntry, value: LedgerValue | None) -> Change:
        """Mark one value of an entry as the correct one (None: clear the mark)."""
        if value is not None and value not in entry.values:
            raise StoreError(f"{value.text} is not a value of “{_entry_label(entry)}”")
        return self._record(
            self.store.set_ledger_decision(
                entry.key,
                _entry_label(entry),
                correct=value.key if value is not None else None,
                value_text=value.text if value is not None else "",
                coder=self.coder,
            )
        )

    def tag_ledger_entry(self, entry: LedgerEntry, tag_id: int) -> Change | None:
        """Tag the figures of an entry (each value's span) in one step; spans tagged so
        already are left alone. None when nothing was left to tag."""
        spans = self.untagged_passages(  # type: ignore[attr-defined]
            sorted({(v.article_id, v.start, v.end) for v in entry.values}), tag_id
        )
        return self.annotate_many(spans, [tag_id]) if spans else None  # type: ignore[attr-defined]

    def export_ledger(
        self, path: Path, entries: Sequence[LedgerEntry], is_cancelled: Cancelled | None = None
    ) -> int:
        """Write the entries' values as CSV, or XLSX by suffix; the rows written."""
        return write_table(path, ledger_table(entries), is_cancelled=is_cancelled)


def entry_key_label(key: EntryKey) -> str:
    indicator, measure, place, period = key
    name = f"{indicator}（{measure}）" if measure else indicator
    return " · ".join(part for part in (name, place, period) if part)


def _entry_label(entry: LedgerEntry) -> str:
    return entry_key_label(entry.key)
