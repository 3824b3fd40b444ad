"""Interval arithmetic on code-point spans: unions and intersections, lengths in characters."""

from __future__ import annotations

from collections.abc import Iterable


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Disjoint, sorted spans covering exactly the characters of `spans`."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def covered(spans: Iterable[tuple[int, int]]) -> int:
    """How many characters the spans cover together."""
    return sum(end - start for start, end in merged(spans))


def shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """How many characters two merged span lists have in common."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if low < high:
            total += high - low
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total
