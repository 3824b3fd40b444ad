"""Turn the hand-written annotations.txt into gold.json (offsets computed, nothing guessed).

    .venv/bin/python benchmarks/devset/figures/make_gold.py

annotations.txt is read line by line:

    = file.txt | source-key          a text under texts/ and its entry in SOURCES.md
    span | value | unit | kind | case [| a=approx] [| note=...]
    ! span | why [| at=context]      a negative: looks numeric, is no figure (at=: the span
                                     inside the next occurrence of that context)

Each figure span is looked for in the file from the end of the previous figure of the same file
(so figures are written in reading order and a repeated span needs no occurrence number);
negatives have their own cursor. `value` is a number (Python literal or a/b), a "quoted" ISO
string, `lo~hi` for a range (value null; value_low/value_high set; either side may be quoted),
or `-` for no value. This script only locates spans: every span, value and unit in the
annotations was written by hand from reading the text.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _number(raw: str) -> float | str | None:
    raw = raw.strip()
    if raw == "-":
        return None
    if raw.startswith('"') and raw.endswith('"'):
        return raw[1:-1]
    if "/" in raw:
        return float(Fraction(raw))
    number = float(raw)
    return int(number) if number.is_integer() and "." not in raw and "e" not in raw else number


def main() -> None:
    texts: list[dict] = []
    current: dict | None = None
    text = ""
    cursor = neg_cursor = 0
    for line_no, line in enumerate((HERE / "annotations.txt").read_text("utf-8").splitlines(), 1):
        line = line.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("|")]
        where = f"annotations.txt:{line_no}"
        if line.startswith("="):
            name = fields[0][1:].strip()
            text = (HERE / "texts" / name).read_text("utf-8")
            current = {"file": name, "source": fields[1], "figures": [], "negatives": []}
            texts.append(current)
            cursor = neg_cursor = 0
            continue
        assert current is not None, where
        if line.startswith("!"):
            span = fields[0][1:].strip()
            why = fields[1] if len(fields) > 1 else ""
            at = neg_cursor
            for extra in fields[2:]:  # at=CONTEXT: the span is the one inside the next CONTEXT
                assert extra.startswith("at="), f"{where}: unknown field {extra!r}"
                at = text.find(extra[3:], neg_cursor)
                assert at >= 0, f"{where}: context {extra[3:]!r} not found"
            start = text.find(span, at)
            assert start >= 0, f"{where}: negative {span!r} not found after {at}"
            neg_cursor = start + len(span)
            current["negatives"].append(
                {"text": span, "start": start, "end": start + len(span), "why": why}
            )
            continue
        span, value, unit, kind, case, *extra = fields
        start = text.find(span, cursor)
        assert start >= 0, f"{where}: {span!r} not found after {cursor}"
        cursor = start + len(span)
        item: dict = {"text": span, "start": start, "end": start + len(span)}
        if "~" in value:
            low, high = value.split("~")
            item.update(value=None, value_low=_number(low), value_high=_number(high))
        else:
            item.update(value=_number(value), value_low=None, value_high=None)
        item.update(unit=unit, approx=None, kind=kind, case=case)
        for field in extra:
            key, _, val = field.partition("=")
            if key == "a":
                item["approx"] = val
            elif key == "note":
                item["note"] = val
            else:
                raise AssertionError(f"{where}: unknown field {field!r}")
        current["figures"].append(item)
    gold = {
        "description": "Hand-written figure gold for hnreader (issue 14, item 2); see README.md",
        "texts": texts,
    }
    out = HERE / "gold.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
    figures = sum(len(t["figures"]) for t in texts)
    negatives = sum(len(t["negatives"]) for t in texts)
    print(f"{out.name}: {len(texts)} texts, {figures} figures, {negatives} negatives")


if __name__ == "__main__":
    main()
