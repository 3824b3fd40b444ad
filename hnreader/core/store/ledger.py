"""The statistics ledger's decisions kept in the project: its own indicator names, merged
names, confirmed entries and values marked correct; each change one undoable step."""

from __future__ import annotations

from hnreader.core.models import Change, ChangeKind, StoreError
from hnreader.core.store.base import StoreBase, _now, in_transaction
from hnreader.core.text.safety import clean_user_text

MAX_NAME_CHARS = 40
EntryKey = tuple[str, str, str, str]  # indicator, measure, place, period


def clean_indicator_name(name: str) -> str:
    """A name as stored, or a StoreError saying what is wrong with it."""
    cleaned = clean_user_text(name).strip()
    if not cleaned:
        raise StoreError("an indicator name cannot be empty")
    if len(cleaned) > MAX_NAME_CHARS or any(ch in cleaned for ch in "|\n"):
        raise StoreError(
            f"an indicator name has at most {MAX_NAME_CHARS} characters and no “|” or line "
            f"break: {cleaned[:60]!r}"
        )
    return cleaned


class LedgerQueries(StoreBase):
    def ledger_indicators(self) -> list[tuple[str, str, str]]:
        """The project's own indicator names: (name, indicator it stands for, kinds)."""
        rows = self._rows("SELECT alias, indicator, kinds FROM ledger_indicators ORDER BY alias")
        return [(r[0], r[1], r[2]) for r in rows]

    def ledger_merges(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self._rows("SELECT name, into_name FROM ledger_merges")}

    def ledger_decisions(
        self,
    ) -> list[tuple[EntryKey, bool, tuple[int, int, int] | None]]:
        """Each decided entry: its key, whether it is confirmed, the value marked correct."""
        decided = []
        for r in self._rows("SELECT * FROM ledger_decisions"):
            key = (r["indicator"], r["measure"], r["place"], r["period"])
            correct = (
                (r["correct_article_id"], r["correct_start"], r["correct_end"])
                if r["correct_article_id"] is not None
                else None
            )
            decided.append((key, bool(r["confirmed"]), correct))
        return decided

    @in_transaction
    def add_ledger_indicator(self, name: str, indicator: str = "", kinds: str = "") -> Change:
        """A name the ledger looks for: a new indicator, or another name of `indicator`."""
        name = clean_indicator_name(name)
        indicator = clean_indicator_name(indicator) if indicator else name
        if self._value("SELECT 1 FROM ledger_indicators WHERE alias = ?", (name,)):
            raise StoreError(f"the ledger already has the indicator name “{name}”")

        def action() -> None:
            self._conn.execute(
                "INSERT INTO ledger_indicators(alias, indicator, kinds, added) VALUES (?, ?, ?, ?)",
                (name, indicator, kinds, _now()),
            )

        keys = {"ledger_indicators": {(name,)}}
        return self._change(ChangeKind.ADD_INDICATOR, (name, indicator), lambda: keys, action)

    @in_transaction
    def remove_ledger_indicator(self, name: str) -> Change:
        if not self._value("SELECT 1 FROM ledger_indicators WHERE alias = ?", (name,)):
            raise StoreError(f"the project has no indicator name “{name}” of its own")

        def action() -> None:
            self._conn.execute("DELETE FROM ledger_indicators WHERE alias = ?", (name,))

        keys = {"ledger_indicators": {(name,)}}
        return self._change(ChangeKind.REMOVE_INDICATOR, (name,), lambda: keys, action)

    @in_transaction
    def merge_ledger_indicators(self, name: str, into: str) -> Change:
        """Entries of indicator `name` are shown as `into` from now on."""
        name, into = clean_indicator_name(name), clean_indicator_name(into)
        if name == into:
            raise StoreError(f"“{name}” cannot be merged into itself")
        merges = self.ledger_merges()
        target, seen = into, {into}
        while target in merges and merges[target] not in seen:
            target = merges[target]
            seen.add(target)
        if target == name or name in seen:
            raise StoreError(f"“{into}” was merged into “{name}”: merging back would go round")

        def action() -> None:
            self._conn.execute(
                "INSERT INTO ledger_merges(name, into_name, made) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET into_name = excluded.into_name, "
                "made = excluded.made",
                (name, into, _now()),
            )

        keys = {"ledger_merges": {(name,)}}
        return self._change(ChangeKind.MERGE_INDICATORS, (name, into), lambda: keys, action)

    @in_transaction
    def unmerge_ledger_indicator(self, name: str) -> Change:
        if not self._value("SELECT 1 FROM ledger_merges WHERE name = ?", (name,)):
            raise StoreError(f"the indicator “{name}” is not merged into another")

        def action() -> None:
            self._conn.execute("DELETE FROM ledger_merges WHERE name = ?", (name,))

        keys = {"ledger_merges": {(name,)}}
        return self._change(ChangeKind.UNMERGE_INDICATOR, (name,), lambda: keys, action)

    @in_transaction
    def set_ledger_decision(
        self,
        key: EntryKey,
        label: str,
        *,
        confirmed: bool | None = None,
        correct: tuple[int, int, int] | bool | None = False,
        value_text: str = "",
        coder: str = "",
    ) -> Change:
        """Confirm (or unconfirm) an entry, or mark a value correct (`correct` = its article
        id, start, end; None clears it; False leaves it)."""
        row = self._conn.execute(
            "SELECT confirmed, correct_article_id, correct_start, correct_end "
            "FROM ledger_decisions WHERE indicator = ? AND measure = ? AND place = ? "
            "AND period = ?",
            key,
        ).fetchone()
        was_confirmed = bool(row[0]) if row else False
        was_correct = (row[1], row[2], row[3]) if row and row[1] is not None else None
        new_confirmed = was_confirmed if confirmed is None else confirmed
        new_correct = was_correct if correct is False else correct
        if new_confirmed == was_confirmed and new_correct == was_correct:
            raise StoreError(f"“{label}” is already so")
        if confirmed is not None:
            kind = ChangeKind.CONFIRM_ENTRY if confirmed else ChangeKind.UNCONFIRM_ENTRY
            args: tuple[str, ...] = (label,)
        elif new_correct is not None:
            kind, args = ChangeKind.MARK_CORRECT, (value_text, label)
        else:
            kind, args = ChangeKind.CLEAR_CORRECT, (label,)
        assert not isinstance(new_correct, bool)

        def action() -> None:
            self._conn.execute(
                "DELETE FROM ledger_decisions WHERE indicator = ? AND measure = ? "
                "AND place = ? AND period = ?",
                key,
            )
            if new_confirmed or new_correct is not None:
                article, start, end = new_correct or (None, None, None)
                self._conn.execute(
                    "INSERT INTO ledger_decisions(indicator, measure, place, period, confirmed, "
                    "correct_article_id, correct_start, correct_end, coder, made) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*key, int(new_confirmed), article, start, end, coder, _now()),
                )

        keys = {"ledger_decisions": {tuple(key)}}
        return self._change(kind, args, lambda: keys, action)
