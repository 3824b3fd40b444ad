"""Agreement statistics against published worked examples and an independent implementation.

Sources of the worked examples:
- Cohen's κ: the 50-proposal example of Wikipedia's "Cohen's kappa" (two readers, yes/no:
  20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; p_o = 0.7, p_e = 0.5, κ = 0.4).
- Fleiss' κ: the example of Fleiss (1971) as worked in Wikipedia's "Fleiss' kappa" (10
  subjects, 14 raters, 5 categories; P̄ = 0.378, P̄_e = 0.213, κ = 0.210).
- Krippendorff's α: the nominal reliability data of Krippendorff (2011), "Computing
  Krippendorff's Alpha-Reliability", section C (4 coders, 12 units, values missing;
  α = 0.743).
"""

from __future__ import annotations

import random

import pytest

from hnreader.core.agreement.statistics import (
    category_counts,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    percent_agreement,
)

KRIPPENDORFF_C = [  # coders A–D × units 1–12, None where a coder gave no value
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

FLEISS_1971 = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_cohens_kappa_of_the_worked_example() -> None:
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert percent_agreement([first, second]) == pytest.approx(0.7)
    assert cohen_kappa(first, second) == pytest.approx(0.4)


def test_fleiss_kappa_of_fleiss_1971() -> None:
    assert fleiss_kappa(FLEISS_1971) == pytest.approx(0.2099, abs=5e-4)


def test_krippendorffs_alpha_of_his_nominal_example() -> None:
    assert krippendorff_alpha_nominal(KRIPPENDORFF_C) == pytest.approx(0.743, abs=5e-4)


def test_undefined_statistics_are_none_not_made_up() -> None:
    constant = [[0, 0, 0], [0, 0, 0]]  # no variation: expected disagreement is 0
    assert cohen_kappa(*constant) is None
    assert krippendorff_alpha_nominal(constant) is None
    assert fleiss_kappa(category_counts(constant)) is None
    assert percent_agreement(constant) == 1.0
    assert krippendorff_alpha_nominal([[1, None], [None, 2]]) is None  # nothing pairable
    with pytest.raises(ValueError):
        fleiss_kappa([[1, 1], [2, 0, 1]])


def test_agreement_statistics_match_the_krippendorff_package_and_each_other() -> None:
    krippendorff = pytest.importorskip("krippendorff")
    rng = random.Random(17)
    for _ in range(30):
        units = rng.randint(5, 60)
        coders = rng.randint(2, 5)
        data = [[rng.choice([0, 1, 1, 2]) for _ in range(units)] for _ in range(coders)]
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert krippendorff_alpha_nominal(data) == pytest.approx(expected)
        if coders == 2 and cohen_kappa(*data) is not None:
            # for two coders, Fleiss' κ is Scott's π: close to, not equal to, Cohen's κ
            assert fleiss_kappa(category_counts(data)) <= 1.0
    with_missing = [[v if rng.random() > 0.2 else None for v in row] for row in KRIPPENDORFF_C]
    expected = krippendorff.alpha(
        reliability_data=[[float("nan") if v is None else v for v in row] for row in with_missing],
        level_of_measurement="nominal",
    )
    assert krippendorff_alpha_nominal(with_missing) == pytest.approx(expected)
