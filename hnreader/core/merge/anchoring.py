"""Finding a passage again in a text that differs from the one it was coded on: at the same
offsets when the quote and its context are still there, else by its quote and context, else
nowhere (an orphan) — never on other text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EXACT = "exact"
REANCHORED = "reanchored"
ORPHANED = "orphaned"

CONTEXT_CHARS = 30  # as stored with every annotation (prefix and suffix)


@dataclass(frozen=True)
class Candidate:
    """An article a passage may be found in: its id, text, and whether it is the same article
    (same source file and title) rather than another part of its file."""

    article_id: int
    text: str
    same_article: bool


@dataclass(frozen=True)
class Anchor:
    outcome: str  # EXACT, REANCHORED or ORPHANED
    article_id: int | None = None
    start: int = 0
    end: int = 0


def _common_length(a: str, b: str) -> int:
    """How many characters `a` and `b` share from their starts."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _before_match(prefix: str, text: str, start: int) -> int:
    """How many characters of `prefix`, from its end, stand right before `start`."""
    before = text[max(0, start - len(prefix)) : start]
    return _common_length(before[::-1], prefix[::-1])


def _after_match(suffix: str, text: str, end: int) -> int:
    return _common_length(text[end : end + len(suffix)], suffix)


def _context_holds(prefix: str, suffix: str, text: str, start: int, end: int) -> bool:
    """The whole prefix or the whole suffix is still next to the passage."""
    prefix_ok = start >= len(prefix) and text[start - len(prefix) : start] == prefix
    return prefix_ok or text[end : end + len(suffix)] == suffix


def anchor(
    quote: str,
    prefix: str,
    suffix: str,
    start: int,
    candidates: Sequence[Candidate],
) -> Anchor:
    """Where the passage `quote` (coded at `start` with `prefix`/`suffix` around it) is in
    the candidates: at `start` of the same article when the quote and a whole context are
    there; else the one occurrence of the quote whose context matches best (a tie, or a
    one-character quote without any matching context, is an orphan); else an orphan."""
    if not quote:
        return Anchor(ORPHANED)
    end = start + len(quote)
    for c in candidates:
        if (
            c.same_article
            and c.text[start:end] == quote
            and _context_holds(prefix, suffix, c.text, start, end)
        ):
            return Anchor(EXACT, c.article_id, start, end)
    found: list[tuple[int, int, int]] = []  # (score, candidate index, position)
    for index, c in enumerate(candidates):
        position = c.text.find(quote)
        while position >= 0:
            score = _before_match(prefix, c.text, position) + _after_match(
                suffix, c.text, position + len(quote)
            )
            found.append((score, index, position))
            position = c.text.find(quote, position + 1)
    if not found:
        return Anchor(ORPHANED)
    best = max(score for score, _, _ in found)
    top = [(i, p) for score, i, p in found if score == best]
    if len(top) > 1:
        return Anchor(ORPHANED)  # ambiguous: the quote stands in several places alike
    if best == 0 and (len(found) > 1 or len(quote) < 2):
        return Anchor(ORPHANED)
    index, position = top[0]
    return Anchor(REANCHORED, candidates[index].article_id, position, position + len(quote))
