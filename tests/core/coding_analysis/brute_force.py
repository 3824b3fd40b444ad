"""Reference computations, character by character, to check the analyses' counts against."""

from __future__ import annotations

from hnreader.core.text.scope import CLOSERS, SENTENCE_ENDS


def unit_numbers(text: str, scope: str) -> list[int]:
    """The sentence or paragraph number of every character (a slow, obvious way)."""
    numbers, current, i = [], 0, 0
    while i < len(text):
        char = text[i]
        numbers.append(current)
        if char == "\n":
            current += 1
        elif scope == "sentence" and char in SENTENCE_ENDS:
            j = i + 1
            while j < len(text) and (text[j] in SENTENCE_ENDS or text[j] in CLOSERS):
                numbers.append(current)
                j += 1
            i = j
            if i < len(text) and text[i] != "\n":
                current += 1
            continue
        i += 1
    return numbers


def touched(text: str, start: int, end: int, scope: str) -> set[int]:
    numbers = unit_numbers(text, scope)
    return {numbers[k] for k in range(start, end)}


def characters(annotations, family) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {
        (a.article_id, k)
        for a in annotations
        if set(a.tag_ids) & family
        for k in range(a.start, a.end)
    }
