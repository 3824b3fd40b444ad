"""Unitizing α (Krippendorff 2004, §12.4) against its published worked examples, hand-computed
cases and a literal implementation of the definition.

Sources of the worked examples (the values as published, also the ones DKPro Statistics'
`Krippendorff2004Test` and `Krippendorff1995Test` check its implementation against):
- Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology* (2nd ed.),
  Sage, §12.4, the example on p. 254: two coders on a continuum from 150 to 450, category c
  (coder i: 225+70, 370+30; coder j: 220+80, 355+20, 400+20) and category k (both: 180+60,
  300+50). Published: c: uDo = 0.0144, uDe = 0.0532, uα = 0.7286; k: uDo = 0, uDe = 0.0490,
  uα = 1; both categories: uα = 0.8591 (from the rounded terms).
- Krippendorff, K. (1995). On the reliability of unitizing continuous data. *Sociological
  Methodology* 25, 47–76, the examples on p. 57 (24 positions; pairs A and C). Published:
  A: uDo = 0.03125, uDe = 0.0699, uα = 0.553; C: uDo = 0.02777, uDe = 0.0864, uα = 0.679. The
  paper's expected disagreement treats the continuum as continuous, so it is compared at a
  fine resolution (each position 50,000 characters), where the discrete uDe approaches it.
"""

from __future__ import annotations

import random
from fractions import Fraction
from itertools import permutations

import pytest

from hnreader.core.agreement.statistics import krippendorff_alpha_nominal
from hnreader.core.agreement.unitized import (
    Span,
    UnitizedTerms,
    combined,
    segments,
    unitized_terms,
)

# Krippendorff (2004), p. 254, shifted so the continuum starts at 0 (it runs 150–450).
C_2004 = [[(75, 145), (220, 250)], [(70, 150), (205, 225), (250, 270)]]
K_2004 = [[(30, 90), (150, 200)], [(30, 90), (150, 200)]]


def test_krippendorff_2004_worked_example() -> None:
    c = unitized_terms([(300, C_2004)])
    k = unitized_terms([(300, K_2004)])
    assert c.observed == pytest.approx(0.0144, abs=5e-5)
    assert c.expected == pytest.approx(0.0532, abs=5e-5)
    assert c.alpha == pytest.approx(0.7286, abs=5e-5)
    assert k.observed == 0
    assert k.expected == pytest.approx(0.0490, abs=5e-5)
    assert k.alpha == 1
    assert combined([c, k]).alpha == pytest.approx(0.8591, abs=5e-4)


def _stretched(spans: list[list[tuple[int, int]]], by: int) -> list[list[Span]]:
    return [[(start * by, end * by) for start, end in coder] for coder in spans]


A_1995 = [[(2, 10), (14, 20)], [(4, 8), (15, 17)]]  # Bertha, Bill
C_1995 = [[(2, 8), (10, 12), (14, 18), (20, 22)], [(0, 2), (4, 8), (10, 14), (16, 18), (20, 22)]]


@pytest.mark.parametrize(
    ("spans", "observed", "expected", "alpha", "tolerance"),
    [(A_1995, 0.03125, 0.0699, 0.553, 0.001), (C_1995, 0.02777, 0.0864, 0.679, 0.02)],
)
def test_krippendorff_1995_worked_examples(
    spans: list[list[tuple[int, int]]],
    observed: float,
    expected: float,
    alpha: float,
    tolerance: float,
) -> None:
    exact = unitized_terms([(24, spans)])
    assert exact.observed == pytest.approx(observed, abs=1e-5)  # uDo needs no resolution
    fine = unitized_terms([(24 * 50_000, _stretched(spans, 50_000))])
    assert fine.observed == pytest.approx(observed, abs=1e-5)
    assert fine.expected == pytest.approx(expected, abs=0.005)
    assert fine.alpha == pytest.approx(alpha, abs=tolerance)


def test_hand_computed_case() -> None:
    # L = 10; coder 1 coded [2, 5), coder 2 coded [3, 5).
    # uDo: the only overlapping pair with δ² > 0 is the two units: (2−3)² + (5−5)² = 1, counted
    # for (1, 2) and (2, 1): 2 / (2·1·10²) = 0.01.
    # uDe: units 3 and 2 (N = 2), gaps 2, 5 (coder 1) and 3, 5 (coder 2).
    #   l = 3: (2·27 − 27 + 3)/3 = 10, plus 9·[(5−3+1) + (3−3+1) + (5−3+1)] = 63 → 73;
    #   l = 2: (16 − 12 + 2)/3 = 2, plus 4·[1 + 4 + 2 + 4] = 44 → 46;
    #   (2/10)·119 / (20·19 − 3·2 − 2·1) = 23.8 / 372.
    terms = unitized_terms([(10, [[(2, 5)], [(3, 5)]])])
    assert terms.observed == pytest.approx(0.01)
    assert terms.expected == pytest.approx(23.8 / 372)
    assert terms.alpha == pytest.approx(1 - 0.01 / (23.8 / 372))


def test_identical_coding_is_one_and_nothing_coded_is_undefined() -> None:
    same = [[(1, 4), (6, 9)]] * 3
    assert unitized_terms([(12, same)]).alpha == 1
    nothing = unitized_terms([(12, [[], [], []])])
    assert nothing == UnitizedTerms(0.0, 0.0)
    assert nothing.alpha is None
    assert unitized_terms([]).alpha is None
    assert unitized_terms([(0, [[], []])]).alpha is None
    assert combined([nothing, nothing]).alpha is None


def test_one_coder_coding_what_the_other_did_not_is_worse_than_chance() -> None:
    terms = unitized_terms([(20, [[(0, 10)], []])])
    assert terms.observed > 0
    assert terms.alpha is not None and terms.alpha < 0


def test_segments_cover_the_text() -> None:
    assert segments(10, [(0, 2), (5, 10)]) == [(0, 2, True), (2, 3, False), (5, 5, True)]
    assert segments(4, []) == [(0, 4, False)]
    assert segments(3, [(0, 3)]) == [(0, 3, True)]


def test_units_of_one_character_give_the_nominal_alpha_of_the_characters() -> None:
    # When no unit is longer than one character, nothing distinguishes unitizing from coding
    # each character yes/no: uα equals the nominal α of the characters (Krippendorff 2011).
    rng = random.Random(7)
    for _ in range(30):
        length, m = rng.randint(5, 30), rng.randint(2, 4)
        coders = [
            sorted(rng.sample(range(0, length, 2), rng.randint(0, length // 4))) for _ in range(m)
        ]
        spans = [[(i, i + 1) for i in chosen] for chosen in coders]
        rows = [[int(any(s <= i < e for s, e in c)) for i in range(length)] for c in spans]
        expected = krippendorff_alpha_nominal(rows)
        got = unitized_terms([(length, spans)]).alpha
        if expected is None:
            assert got is None
        else:
            assert got == pytest.approx(expected)


# -- a literal implementation of the definition, to check the fast one on random data


def _literal_distance(b1: int, l1: int, u1: bool, b2: int, l2: int, u2: bool) -> int:
    if u1 and u2:
        return (b1 - b2) ** 2 + (b1 + l1 - b2 - l2) ** 2 if -l1 < b1 - b2 < l2 else 0
    if u1 and not u2:
        return l1**2 if l2 - l1 >= b1 - b2 >= 0 else 0
    if u2 and not u1:
        return l2**2 if l1 - l2 >= b2 - b1 >= 0 else 0
    return 0


def _literal(texts: list[tuple[int, list[list[Span]]]]) -> tuple[Fraction, Fraction]:
    """uDo and uDe by the formulas, term by term: every ordered pair of coders, every pair of
    segments (overlapping or not), every unit against every gap."""
    total = sum(length for length, _ in texts)
    m = len(texts[0][1])
    observed = Fraction(0)
    units: list[int] = []
    gaps: list[int] = []
    for length, coders in texts:
        cut = []
        for spans in coders:
            coded = [any(s <= i < e for s, e in spans) for i in range(length)]
            parts, start = [], 0
            for i in range(1, length + 1):
                if i == length or coded[i] != coded[start]:
                    parts.append((start, i - start, coded[start]))
                    start = i
            cut.append(parts)
        for i, j in permutations(range(m), 2):
            for g in cut[i]:
                for h in cut[j]:
                    observed += _literal_distance(*g, *h)
        for parts in cut:
            for _b, size, is_unit in parts:
                (units if is_unit else gaps).append(size)
    observed /= m * (m - 1) * total * total
    n = len(units)
    top = Fraction(0)
    for lu in units:
        top += Fraction((n - 1) * (2 * lu**3 - 3 * lu**2 + lu), 3)
        top += lu * lu * sum(lh - lu + 1 for lh in gaps if lh >= lu)
    bottom = m * total * (m * total - 1) - sum(lu * (lu - 1) for lu in units)
    return observed, Fraction(2, total) * top / bottom


def test_against_the_literal_definition_on_random_codings() -> None:
    rng = random.Random(17)
    for _ in range(120):
        m = rng.randint(2, 4)
        texts = []
        for _article in range(rng.randint(1, 3)):
            length = rng.randint(1, 40)
            coders = []
            for _coder in range(m):
                spans = []
                for _span in range(rng.randint(0, 3)):
                    start = rng.randrange(length)
                    spans.append((start, rng.randint(start + 1, length)))
                merged: list[Span] = []
                for start, end in sorted(spans):
                    if merged and start <= merged[-1][1]:
                        merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                    else:
                        merged.append((start, end))
                coders.append(merged)
            texts.append((length, coders))
        observed, expected = _literal(texts)
        terms = unitized_terms(texts)
        assert terms.observed == pytest.approx(float(observed), abs=1e-12)
        assert terms.expected == pytest.approx(float(expected), abs=1e-12)
