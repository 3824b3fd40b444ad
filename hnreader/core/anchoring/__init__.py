"""Re-anchoring annotations to their quotes when an article's text changes (issue 13, item 6).

`reanchor(text, anchor)` places one annotation in a new text, in this order:

1. **stayed** — the quote is still at its old offsets;
2. **moved** — the exact quote occurs elsewhere: the occurrence whose surrounding text agrees
   best with the stored prefix/suffix, then the one nearest to the old place;
3. **reanchored** — no exact occurrence, but a passage of about the quote's length is at
   least `MIN_SIMILARITY` similar to it (difflib's ratio: 2·matches / total length), found
   from the places where pieces of the quote occur; the best such passage, ties to the
   nearest;
4. **orphaned** — nothing qualifies: the caller keeps the annotation aside (never on
   different text).

Offsets are code points into the text, as everywhere in the core.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

MIN_SIMILARITY = 0.9
# A quote shorter than this is placed exactly or not at all: one changed character in a
# short quote is a different word, not an edit of the same passage.
MIN_FUZZY_CHARS = 6
# Pieces of the quote looked up to find where a fuzzy match may start, and how far the
# window's start and length are varied around each place found: a ratio of 0.9 needs the
# shorter of the two within 82% of the longer, so ±22% of the quote's length covers it
# (`_fuzzy`).
_PIECE_CHARS = 4
_MAX_CANDIDATES = 400  # occurrences of one piece looked at
_GUESSES = 6  # places examined closely
_END_SLACK = 2  # how far the ends found by difflib's alignment are varied

STAYED = "stayed"
MOVED = "moved"
REANCHORED = "reanchored"
ORPHANED = "orphaned"
OUTCOMES = (STAYED, MOVED, REANCHORED, ORPHANED)


@dataclass(frozen=True)
class Anchor:
    """Where an annotation was and what it quoted (with the text just before and after)."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Placement:
    """Where an anchor lands in a new text; `start`/`end` are -1 for an orphan."""

    outcome: str
    start: int = -1
    end: int = -1
    similarity: float = 0.0


@dataclass(frozen=True)
class AnchorCounts:
    """How many annotations stayed, moved, were re-anchored and orphaned by one action."""

    stayed: int = 0
    moved: int = 0
    reanchored: int = 0
    orphaned: int = 0

    @classmethod
    def of(cls, placements: Iterable[Placement]) -> AnchorCounts:
        tally = dict.fromkeys(OUTCOMES, 0)
        for placement in placements:
            tally[placement.outcome] += 1
        return cls(**tally)

    def __add__(self, other: AnchorCounts) -> AnchorCounts:
        return AnchorCounts(
            self.stayed + other.stayed,
            self.moved + other.moved,
            self.reanchored + other.reanchored,
            self.orphaned + other.orphaned,
        )

    @property
    def total(self) -> int:
        return self.stayed + self.moved + self.reanchored + self.orphaned

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in OUTCOMES}


def reanchor(text: str, anchor: Anchor, *, min_similarity: float = MIN_SIMILARITY) -> Placement:
    """Where `anchor` belongs in `text` (see the module docstring)."""
    quote = anchor.quote
    if not quote:
        return Placement(ORPHANED)
    if text[anchor.start : anchor.end] == quote:
        return Placement(STAYED, anchor.start, anchor.end, 1.0)
    exact = _occurrences(text, quote)
    if exact:
        best = max(exact, key=lambda s: (_context_score(text, s, anchor), -abs(s - anchor.start)))
        return Placement(MOVED, best, best + len(quote), 1.0)
    if len(quote) < MIN_FUZZY_CHARS:
        return Placement(ORPHANED)
    return _fuzzy(text, anchor, min_similarity)


def reanchor_all(
    text: str, anchors: Sequence[Anchor], *, min_similarity: float = MIN_SIMILARITY
) -> list[Placement]:
    return [reanchor(text, a, min_similarity=min_similarity) for a in anchors]


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    at = text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _context_score(text: str, start: int, anchor: Anchor) -> int:
    """How many characters of the stored prefix and suffix agree around `start`."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    end = start + len(anchor.quote)
    after = text[end : end + len(anchor.suffix)]
    return _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _fuzzy(text: str, anchor: Anchor, min_similarity: float) -> Placement:
    """The passage most similar to the quote, if at least `min_similarity` (difflib ratio).

    Where: pieces of the quote vote for the place it starts (each occurrence of a piece,
    shifted by the piece's place in the quote); the places with most votes are examined.
    How far: difflib aligns the quote within a region around each place (its matching
    blocks give the passage's ends), and the ends are varied by a few characters. A region
    whose characters cannot reach the threshold is skipped (`quick_ratio`'s upper bound).
    """
    quote = anchor.quote
    length = len(quote)
    slack = max(2, -(-length * 22 // 100))
    best: tuple[float, int, int, int] | None = None  # (ratio, -distance, start, end)
    region_matcher = SequenceMatcher(None, autojunk=False)
    region_matcher.set_seq2(quote)
    window_matcher = SequenceMatcher(None, autojunk=False)
    window_matcher.set_seq2(quote)
    for guess in _likely_starts(text, quote, anchor.start, slack):
        low, high = max(0, guess - slack), min(len(text), guess + length + slack)
        region_matcher.set_seq1(text[low:high])
        # At most `common` characters can match, in a passage at least that long.
        common = region_matcher.quick_ratio() * (high - low + length) / 2
        if 2 * common / (common + length) < min_similarity:
            continue
        blocks = [b for b in region_matcher.get_matching_blocks() if b.size]
        if not blocks:
            continue
        first, last = low + blocks[0].a, low + blocks[-1].a + blocks[-1].size
        for start in range(max(0, first - _END_SLACK), first + _END_SLACK + 1):
            for end in range(max(start + 1, last - _END_SLACK), last + _END_SLACK + 1):
                if end > len(text):
                    break
                window_matcher.set_seq1(text[start:end])
                if window_matcher.real_quick_ratio() < min_similarity:
                    continue
                ratio = window_matcher.ratio()
                key = (ratio, -abs(start - anchor.start), start, end)
                if ratio >= min_similarity and (best is None or key[:2] > best[:2]):
                    best = key
    if best is None:
        return Placement(ORPHANED)
    ratio, _, start, end = best
    return Placement(REANCHORED, start, end, round(ratio, 4))


def _likely_starts(text: str, quote: str, old_start: int, slack: int) -> list[int]:
    """Where the quote most likely starts in `text`: places voted for by the occurrences of
    its pieces (the pieces tile the quote, so an edit leaves most of them intact), nearby
    votes pooled; the `_GUESSES` places with most votes, ties to the nearest."""
    votes: Counter[int] = Counter()
    for offset in range(0, max(1, len(quote) - _PIECE_CHARS + 1), _PIECE_CHARS):
        piece = quote[offset : offset + _PIECE_CHARS]
        at, seen = text.find(piece), 0
        while at >= 0 and seen < _MAX_CANDIDATES:
            votes[max(0, at - offset)] += 1
            at, seen = text.find(piece, at + 1), seen + 1
    pooled: list[tuple[int, int]] = []  # (votes, start) of places within `slack` of another
    for start in sorted(votes):
        if pooled and start - pooled[-1][1] <= slack:
            count, first = pooled[-1]
            pooled[-1] = (count + votes[start], first)
        else:
            pooled.append((votes[start], start))
    ranked = sorted(pooled, key=lambda p: (-p[0], abs(p[1] - old_start)))
    return [start for _, start in ranked[:_GUESSES]]
