"""Agreement statistics of nominal codings, from their published definitions.

- percent agreement: the share of units the coders code alike (pairwise over all coders);
- Cohen's κ (Cohen 1960) for two coders: (p_o − p_e) / (1 − p_e), p_e from each coder's own
  category shares;
- Fleiss' κ (Fleiss 1971) for n ≥ 2 coders who all code every unit;
- Krippendorff's α for nominal data (Krippendorff 2011, "Computing Krippendorff's
  Alpha-Reliability"), from the coincidence matrix; units coded by fewer than two coders
  (missing values) are left out, as α allows.

A statistic that is undefined for the data (no variation: every unit in one category, so the
expected disagreement is 0) is None, never a made-up 1 or 0.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from itertools import combinations

Value = Hashable
Row = Sequence[Value | None]  # one coder's values, one per unit (None: not coded)


def percent_agreement(data: Sequence[Row]) -> float | None:
    """The share of agreeing coder pairs over the units every pair has coded."""
    agree = pairs = 0
    for first, second in combinations(data, 2):
        for a, b in zip(first, second, strict=True):
            if a is None or b is None:
                continue
            pairs += 1
            agree += a == b
    return agree / pairs if pairs else None


def cohen_kappa(first: Row, second: Row) -> float | None:
    """Cohen's κ of two coders over the units both coded."""
    pairs = [(a, b) for a, b in zip(first, second, strict=True) if a is not None and b is not None]
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    shares_a = Counter(a for a, _ in pairs)
    shares_b = Counter(b for _, b in pairs)
    expected = sum(shares_a[c] * shares_b[c] for c in shares_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def fleiss_kappa(counts: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' κ from a units × categories table of how many coders chose each category
    (every unit coded by the same number of coders, at least two)."""
    if not counts:
        return None
    raters = sum(counts[0])
    if raters < 2 or any(sum(row) != raters for row in counts):
        raise ValueError("Fleiss' κ needs the same number (≥ 2) of codings of every unit")
    units = len(counts)
    p_units = [(sum(c * c for c in row) - raters) / (raters * (raters - 1)) for row in counts]
    p_bar = sum(p_units) / units
    totals = [sum(row[j] for row in counts) for j in range(len(counts[0]))]
    p_expected = sum((t / (units * raters)) ** 2 for t in totals)
    if p_expected == 1:
        return None
    return (p_bar - p_expected) / (1 - p_expected)


def category_counts(data: Sequence[Row]) -> list[list[int]]:
    """The units × categories table `fleiss_kappa` takes, from coders' rows (units some
    coder left uncoded are left out)."""
    categories = sorted({v for row in data for v in row if v is not None}, key=repr)
    table = []
    for values in zip(*data, strict=True):
        if any(v is None for v in values):
            continue
        seen = Counter(values)
        table.append([seen[c] for c in categories])
    return table


def krippendorff_alpha_nominal(data: Sequence[Row]) -> float | None:
    """Krippendorff's α for nominal values; `data` has one row per coder (None: missing)."""
    coincidences: defaultdict[tuple[Value, Value], float] = defaultdict(float)
    for values in zip(*data, strict=True):
        present = [v for v in values if v is not None]
        m = len(present)
        if m < 2:
            continue  # a unit coded once cannot be compared
        for i, c in enumerate(present):
            for j, k in enumerate(present):
                if i != j:
                    coincidences[(c, k)] += 1 / (m - 1)
    totals: defaultdict[Value, float] = defaultdict(float)
    for (c, _k), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    if n <= 1:
        return None
    observed = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if expected == 0:
        return None
    return 1 - (n - 1) * observed / expected
