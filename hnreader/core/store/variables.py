"""Document variables: named values per article (a table's other columns, a page's url) and
the kind of each variable name (text, number, date, category)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hnreader.core.models import VariableSummary
from hnreader.core.store.base import StoreBase


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

    def variable_summaries(self) -> list[VariableSummary]:
        """Every variable name with its kind and how many articles have it, by name."""
        rows = self._rows(
            "SELECT v.name, coalesce(k.kind, 'text'), count(*) FROM article_variables v "
            "LEFT JOIN variables k ON k.name = v.name GROUP BY v.name ORDER BY v.name"
        )
        return [VariableSummary(row[0], row[1], row[2]) for row in rows]
