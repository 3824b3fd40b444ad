"""`hnreader ledger`, run for real on a copy of the bundled corpus project."""

from __future__ import annotations

import csv
import json
from pathlib import Path


def test_ledger_json_for_one_indicator(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("ledger", "--indicator", "贫困发生率", "--json")
    assert code == 0
    data = json.loads(out)
    entries = {(e["place"], e["period"]): e for e in data["entries"]}
    hunan = entries[("湖南", "2012–2019")]
    (value,) = hunan["values"]
    assert (value["value_from"], value["value_to"], value["unit"]) == (13.43, 0.36, "%")
    assert value["article_id"] == 1 and "贫困发生率从13.43%降至0.36%" in value["sentence"]
    assert data["measured_figures"] >= data["with_indicator"] > 0
    assert {e["indicator"] for e in data["entries"]} == {"贫困发生率"}


def test_ledger_text_conflicts_and_exports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("ledger", "--no-guessed")
    assert code == 0
    assert "贫困发生率 · 湖南 · 2012–2019" in out and "13.43% → 0.36%" in out
    assert "贫困人口（减少） · 湖南 · 2012–2019" in out
    assert "0 with conflicting values" in out
    code, out, _ = cli("ledger", "--conflicts", "--no-guessed", "--json")
    assert code == 0 and json.loads(out)["entries"] == []
    target = tmp_path / "ledger.csv"
    code, out, _ = cli("ledger", "--indicator", "贫困人口", "--csv", str(target))
    assert code == 0 and "value(s) to" in out
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["indicator"] for r in rows} == {"贫困人口"}
    assert "747万" in {r["value_text"] for r in rows}


def test_ledger_bad_input_is_a_message(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("ledger", "--indicator", "没有这个指标")
    assert code != 0 and "no figure in the project measures “没有这个指标”" in err
    assert "Traceback" not in err
    code, _, err = cli("ledger", "--xlsx", str(tmp_path / "ledger.csv"))
    assert code != 0 and "must end in .xlsx" in err
    assert not (tmp_path / "ledger.csv").exists()
