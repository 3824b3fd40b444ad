"""How fast annotations are re-anchored after a text change, and how often each outcome
occurs, over the bundled corpus: every sentence of every article annotated, then (a) the
first line removed, (b) one character inserted in every quote, (c) the quotes' text removed.

Usage: python benchmarks/reanchor_speed.py
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from hnreader.core.anchoring import Anchor, AnchorCounts, reanchor_all
from hnreader.core.importing.split_modes import parse_split, split_document
from hnreader.core.text.decoding import read_text_file

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_SENTENCE = re.compile(r"[^。！？\n]{8,60}[。！？]")


def anchors_of(text: str) -> list[Anchor]:
    return [
        Anchor(m.start(), m.end(), m.group(), text[max(0, m.start() - 30) : m.start()],
               text[m.end() : m.end() + 30])
        for m in _SENTENCE.finditer(text)
    ]  # fmt: skip


def main() -> None:
    texts = [
        d.text
        for f in sorted(CORPUS.glob("*.txt"))
        for d in split_document(read_text_file(f).text, f.name, parse_split("auto"))
    ]
    cases = {
        "first line removed": lambda t, a: t.split("\n", 1)[-1],
        "a character inserted in every quote": lambda t, a: _edit_quotes(t, a),
        "every quote's text removed": lambda t, a: _remove_quotes(t, a),
    }
    for label, change in cases.items():
        counts, placed, elapsed = AnchorCounts(), 0, 0.0
        for text in texts:
            anchors = anchors_of(text)
            new_text = change(text, anchors)
            start = time.perf_counter()
            counts = counts + AnchorCounts.of(reanchor_all(new_text, anchors))
            elapsed += time.perf_counter() - start
            placed += len(anchors)
        per = elapsed / max(1, placed) * 1e6
        print(f"{label}: {placed} annotations in {len(texts)} articles, {per:.0f} µs each; "
              f"{counts.as_dict()}")  # fmt: skip


def _edit_quotes(text: str, anchors: list[Anchor]) -> str:
    for anchor in sorted(anchors, key=lambda a: -a.start):
        middle = (anchor.start + anchor.end) // 2
        text = text[:middle] + "，" + text[middle:]
    return text


def _remove_quotes(text: str, anchors: list[Anchor]) -> str:
    for anchor in sorted(anchors, key=lambda a: -a.start):
        text = text[: anchor.start] + text[anchor.end :]
    return text


if __name__ == "__main__":
    main()
