"""Document variables: named values per article (a table's other columns, a page's url) and
the kind of each variable name (text, number, date, category)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hnreader.core.models import Change, ChangeKind, StoreError, VariableSummary
from hnreader.core.store.base import StoreBase, in_transaction
from hnreader.core.text.safety import clean_user_text

MAX_VARIABLE_NAME = 60


class VariableQueries(StoreBase):
    def _insert_variables(self, article_id: int, variables: Iterable[tuple[str, str]]) -> None:
        """Inside a transaction: an article's variables (a name given twice: the last)."""
        self._conn.executemany(
            "INSERT OR REPLACE INTO article_variables(article_id, name, value) VALUES (?, ?, ?)",
            [(article_id, name, value) for name, value in variables],
        )

    def _merge_variable_kinds(self, kinds: dict[str, str]) -> None:
        """Inside a transaction: record the kind of each variable an import brought; a name
        already known with another kind becomes text."""
        for name, kind in kinds.items():
            known = self._value("SELECT kind FROM variables WHERE name = ?", (name,))
            if known is None:
                self._conn.execute("INSERT INTO variables(name, kind) VALUES (?, ?)", (name, kind))
            elif known != kind:
                self._conn.execute("UPDATE variables SET kind = 'text' WHERE name = ?", (name,))

    @in_transaction
    def set_variable(
        self, article_ids: Sequence[int], name: str, value: str, kind: str = "text"
    ) -> Change:
        """Give articles a variable's value (an empty value removes it), in one change;
        `kind` is the kind of a name not known yet."""
        name = " ".join(clean_user_text(name).split())
        value = clean_user_text(value).strip()
        if not name or len(name) > MAX_VARIABLE_NAME or "=" in name:
            raise StoreError(
                f"“{name}” cannot be a variable name: give 1–{MAX_VARIABLE_NAME} characters "
                "without “=”"
            )
        ids = list(dict.fromkeys(article_ids))
        missing = [
            i for i in ids if self._value("SELECT 1 FROM articles WHERE id = ?", (i,)) is None
        ]
        if missing or not ids:
            raise StoreError(
                f"no article with id {missing[0]}" if missing else "name at least one article"
            )

        def action() -> None:
            if not value:
                self._conn.executemany(
                    "DELETE FROM article_variables WHERE article_id = ? AND name = ?",
                    [(i, name) for i in ids],
                )
                return
            self._insert_variables_of(ids, name, value)
            self._merge_variable_kinds({name: kind})

        return self._change(
            ChangeKind.SET_VARIABLE,
            (name, str(len(ids))),
            lambda: {"article_variables": {(i, name) for i in ids}},
            action,
        )

    def _insert_variables_of(self, ids: Sequence[int], name: str, value: str) -> None:
        self._conn.executemany(
            "INSERT INTO article_variables(article_id, name, value) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id, name) DO UPDATE SET value = excluded.value",
            [(i, name, value) for i in ids],
        )

    def article_variables(self, article_id: int) -> list[tuple[str, str]]:
        """(name, value) of an article's variables, in the order they were stored."""
        return [
            (row[0], row[1])
            for row in self._rows(
                "SELECT name, value FROM article_variables WHERE article_id = ? ORDER BY rowid",
                (article_id,),
            )
        ]

    def variables_of(self, article_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        """{article id: {name: value}} for the articles that have variables."""
        out: dict[int, dict[str, str]] = {}
        rows = self._select_in(
            "SELECT article_id, name, value FROM article_variables WHERE article_id IN ({}) "
            "ORDER BY rowid",
            article_ids,
        )
        for article_id, name, value in rows:
            out.setdefault(article_id, {})[name] = value
        return out

    def variable_values(self, name: str) -> dict[int, str]:
        """{article id: value} of one variable (the library's column and filter)."""
        rows = self._rows(
            "SELECT article_id, value FROM article_variables INDEXED BY article_variables_name "
            "WHERE name = ?",
            (name,),
        )
        return {row[0]: row[1] for row in rows}

    def variable_summaries(self) -> list[VariableSummary]:
        """Every variable name with its kind and how many articles have it, by name."""
        rows = self._rows(
            "SELECT v.name, coalesce(k.kind, 'text'), count(*) FROM article_variables v "
            "LEFT JOIN variables k ON k.name = v.name GROUP BY v.name ORDER BY v.name"
        )
        return [VariableSummary(row[0], row[1], row[2]) for row in rows]
