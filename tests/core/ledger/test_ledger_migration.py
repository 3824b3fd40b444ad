"""Schema 12: the ledger's decision tables are added to an older project file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hnreader.core.store import SCHEMA_VERSION, Store
from hnreader.core.store.schema import MIGRATIONS


def test_a_format_11_project_gets_the_ledger_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    for version, _name, migrate in MIGRATIONS:
        if version <= 11:
            migrate(conn)
    conn.execute("PRAGMA user_version = 11")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store._value("PRAGMA user_version") == SCHEMA_VERSION
    assert store.ledger_indicators() == [] and store.ledger_merges() == {}
    change = store.merge_ledger_indicators("脱贫人口", "贫困人口")
    assert store.ledger_merges() == {"脱贫人口": "贫困人口"}
    store.restore_rows(change.before, change.after)
    assert store.ledger_merges() == {}
    store.close()
