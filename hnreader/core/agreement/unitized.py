"""Krippendorff's unitizing α for one category: how alike coders mark *where* a tag applies in
a text, character spans against character spans (issue 17, item 3).

Which coefficient: the category-specific unitizing α of Krippendorff (2004), *Content
Analysis* (2nd ed.), §12.4, written there for m coders (called `_c uα`; Krippendorff, Mathet,
Bouvry & Widlöcher 2016 call the binary form `|uα`). For one tag every coder's text is a
sequence of segments: *units* (the merged stretches the coder coded with the tag) and *gaps*
(everything else). b is a segment's first offset, l its length, L the continuum's length, m
the number of coders, N the number of units of all coders:

    uα = 1 − uDo / uDe

    uDo = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m (m − 1) L²)

    δ²(ig, jh) = (b_ig − b_jh)² + (b_ig + l_ig − b_jh − l_jh)²   both units, overlapping
               = l_ig²                                          unit ig inside gap jh
               = l_jh²                                          unit jh inside gap ig
               = 0                                              otherwise

    uDe = (2 / L) Σ_units u [ (N − 1)(2 l_u³ − 3 l_u² + l_u) / 3
                              + l_u² Σ_gaps h, l_h ≥ l_u (l_h − l_u + 1) ]
          / ( m L (m L − 1) − Σ_units u l_u (l_u − 1) )

(the gaps summed over are those of every coder). Over several tags (the overall figure) the
book's `uα = 1 − Σ_c uDo_c / Σ_c uDe_c`.

How a project's coding becomes a continuum: offsets are Python code points of the stored
text (𠮷 counts 1); a coder's spans of the tag in one article are merged where they overlap
or touch (a unit is a maximal coded stretch); the articles compared are laid end to end as
one continuum (L is the sum of their lengths), but a gap ends where its article ends (no
unit can straddle two articles). Krippendorff et al. (2016) found this definition "not as
expected" for more than two coders and revised it; with two coders it is the published one.
A coefficient that is undefined (nobody coded the tag anywhere: uDe = 0) is None.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

Span = tuple[int, int]  # [start, end) in code points
Segment = tuple[int, int, bool]  # start, length, is a unit


@dataclass(frozen=True)
class UnitizedTerms:
    """uDo and uDe of one category (or their sums over categories)."""

    observed: float
    expected: float

    @property
    def alpha(self) -> float | None:
        return None if self.expected <= 0 else 1 - self.observed / self.expected


def segments(length: int, units: Sequence[Span]) -> list[Segment]:
    """A continuum of `length` cut into the coder's units (merged, sorted spans) and the gaps
    between them, in order, none empty."""
    out: list[Segment] = []
    at = 0
    for start, end in units:
        start, end = max(start, at), min(end, length)
        if end <= start:
            continue
        if start > at:
            out.append((at, start - at, False))
        out.append((start, end - start, True))
        at = end
    if at < length:
        out.append((at, length - at, False))
    return out


def distance(first: Segment, second: Segment) -> int:
    """δ² of two segments of two coders (Krippendorff 2004, §12.4)."""
    b1, l1, unit1 = first
    b2, l2, unit2 = second
    shift = b1 - b2
    if unit1 and unit2:
        if -l1 < shift < l2:
            return shift * shift + (shift + l1 - l2) ** 2
        return 0
    if unit1 and not unit2:
        return l1 * l1 if 0 <= shift <= l2 - l1 else 0
    if unit2 and not unit1:
        return l2 * l2 if 0 <= -shift <= l1 - l2 else 0
    return 0


def _pair_sum(first: Sequence[Segment], second: Sequence[Segment]) -> int:
    """Σ δ² over every pair of overlapping segments of two coders' partitions of one text
    (pairs that do not overlap have δ² 0)."""
    total = i = j = 0
    while i < len(first) and j < len(second):
        total += distance(first[i], second[j])
        end_i = first[i][0] + first[i][1]
        end_j = second[j][0] + second[j][1]
        if end_i <= end_j:
            i += 1
        if end_j <= end_i:
            j += 1
    return total


def unitized_terms(texts: Sequence[tuple[int, Sequence[Sequence[Span]]]]) -> UnitizedTerms:
    """uDo and uDe of one category over `texts`: (the text's length, one merged span list per
    coder, every text with the same coders in the same order). Both are 0 when nothing is
    coded (the α is then undefined)."""
    total_length = sum(length for length, _ in texts)
    m = len(texts[0][1]) if texts else 0
    if total_length == 0 or m < 2:
        return UnitizedTerms(0.0, 0.0)
    observed = 0
    unit_lengths: list[int] = []
    gap_lengths: list[int] = []
    for length, coders in texts:
        parts = [segments(length, spans) for spans in coders]
        observed += 2 * sum(_pair_sum(a, b) for a, b in combinations(parts, 2))
        for part in parts:
            for _start, size, is_unit in part:
                (unit_lengths if is_unit else gap_lengths).append(size)
    units = len(unit_lengths)
    if units == 0:
        return UnitizedTerms(0.0, 0.0)
    gap_lengths.sort()
    # suffix sums: Σ of the gaps at least l long is suffix[bisect_left(gaps, l)]
    suffix = [0] * (len(gap_lengths) + 1)
    for k in range(len(gap_lengths) - 1, -1, -1):
        suffix[k] = suffix[k + 1] + gap_lengths[k]
    numerator = 0  # times 3, to stay in integers
    for size in unit_lengths:
        first = bisect.bisect_left(gap_lengths, size)
        long_gaps = len(gap_lengths) - first
        placements = suffix[first] - (size - 1) * long_gaps  # Σ (l_h − l + 1)
        numerator += (units - 1) * (2 * size**3 - 3 * size**2 + size) + 3 * size * size * placements
    pairs = m * total_length * (m * total_length - 1) - sum(s * (s - 1) for s in unit_lengths)
    expected = 2 * numerator / (3 * total_length * pairs) if pairs > 0 else 0.0
    return UnitizedTerms(observed / (m * (m - 1) * total_length**2), expected)


def combined(terms: Sequence[UnitizedTerms]) -> UnitizedTerms:
    """The terms over several categories: `uα = 1 − Σ uDo / Σ uDe`."""
    return UnitizedTerms(sum(t.observed for t in terms), sum(t.expected for t in terms))
