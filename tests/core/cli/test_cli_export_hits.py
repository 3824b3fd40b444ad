"""`hnreader search QUERY --export FILE.csv`: every hit as a concordance row."""

from __future__ import annotations

import csv
import json
from pathlib import Path


def test_search_export_writes_every_hit_with_its_context(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hnreader.core.export import hits

    monkeypatch.setattr(hits, "PAGE", 2)  # read page after page, two articles each
    out = tmp_path / "hits.csv"
    code, printed, _ = cli("search", "扶贫", "--export", str(out))  # 48 hits in 5 articles
    assert code == 0 and "hit(s)" in printed
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = json.loads(cli("search", "扶贫", "--json", "--limit", "1000")[1])
    first_page = json.loads(cli("search", "扶贫", "--json", "--limit", "2")[1])
    assert len(rows) == found["total_hits"] > sum(len(a["hits"]) for a in first_page["articles"])
    listed = [(a["id"], h) for a in found["articles"] for h in a["hits"]]
    for row, (article_id, hit) in zip(rows, listed, strict=True):
        assert (int(row["article_id"]), int(row["start"]), row["match"]) == (
            article_id,
            hit["start"],
            hit["match"],
        )
        assert row["hit"] == "扶贫" and row["field"] in ("title", "subtitle", "byline", "body")
    body = next(r for r in rows if r["field"] == "body")
    text = json.loads(cli("show", body["article_id"], "--json")[1])["text"]
    start, end = int(body["start"]), int(body["end"])
    assert text[start:end] == "扶贫" and text[:start].endswith(body["left"])
    assert text[end:].startswith(body["right"])


def test_search_export_of_a_query_that_cannot_be_searched_writes_nothing(
    cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "hits.csv"
    code, _, err = cli("search", "--export", str(out), "--", "-，")
    assert code == 1 and "punctuation" in err and not out.exists()
