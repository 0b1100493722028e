"""Scoring statistics: aggregation, reviewer bias, agreement and ranking."""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.reviews.scoring import (
    CORRECTIONS,
    METHODS,
    TIE_BREAKERS,
    ItemResult,
    Ranked,
    RankInput,
    ReviewerReport,
    Sheet,
    aggregate,
    agreement_label,
    icc1,
    krippendorff_alpha_interval,
    mean,
    median,
    offset_correct,
    rank,
    reviewer_offsets,
    reviewer_reports,
    spread,
    standard_scores,
    standardise,
    tie_breaker_label,
    trimmed_mean,
)


def sheets_of(rows: dict[int, dict[int, float]]) -> list[Sheet]:
    """Sheets from {item: {reviewer: total}}."""
    return [
        Sheet(item=item, reviewer=reviewer, total=total)
        for item, totals in rows.items()
        for reviewer, total in totals.items()
    ]


def error_of(action: Callable[[], object]) -> str:
    """The message of the ValueError ``action`` raises; empty when it raises none."""
    try:
        action()
    except ValueError as error:
        return str(error)
    return ""


# -- Descriptive statistics ------------------------------------------------------------------


def test_mean_median_trimmed_of_nothing_are_none():
    assert (mean([]), median([]), trimmed_mean([])) == (None, None, None)


def test_mean_and_median_of_values():
    assert (mean([70, 80, 96]), median([70, 80, 96]), median([70, 80])) == (82.0, 80.0, 75.0)


def test_trimmed_mean_cuts_the_same_count_from_each_end():
    values = [10, 60, 61, 62, 63, 64, 65, 66, 67, 100]

    assert trimmed_mean(values, proportion=0.1) == 63.5
    assert trimmed_mean(values, proportion=0.2) == 63.5
    assert trimmed_mean(values) == trimmed_mean(values[1:-1], proportion=0.15)


def test_trimmed_mean_with_fewer_than_three_values_is_the_mean():
    assert trimmed_mean([40, 90], proportion=0.49) == 65.0


def test_trimmed_mean_of_three_cuts_nothing_at_the_default_proportion():
    assert trimmed_mean([0, 60, 90]) == 50.0


def test_trimmed_mean_of_three_cuts_extremes_from_a_third():
    assert trimmed_mean([0, 60, 90], proportion=1 / 3) == 60.0


def test_trimmed_mean_refuses_a_proportion_that_cuts_everything():
    assert error_of(lambda: trimmed_mean([1, 2, 3], proportion=0.5)) == (
        "proportion must be in [0, 0.5)"
    )


@given(
    st.lists(st.floats(-1000, 1000), min_size=1, max_size=30),
    st.floats(0, 0.49),
)
def test_trimmed_mean_lies_between_min_and_max(values, proportion):
    result = trimmed_mean(values, proportion=proportion)

    assert result is not None
    assert min(values) - 1e-9 <= result <= max(values) + 1e-9


def test_spread_is_sample_sd_and_range():
    sd, width = spread([70, 80, 90])

    assert (sd, width) == (10.0, 20.0)


def test_spread_of_one_value_is_zero():
    assert spread([75]) == (0.0, 0.0)


def test_spread_of_nothing_is_unknown():
    assert spread([]) == (None, None)


# -- Standardisation -------------------------------------------------------------------------


def test_standardise_moves_each_reviewer_to_the_pooled_mean_and_spread():
    # Reviewer 2 scores everything 20 points lower but ranks the items alike.
    sheets = sheets_of({1: {1: 60, 2: 40}, 2: {1: 80, 2: 60}, 3: {1: 70, 2: 50}})

    result = standardise(sheets, low=0, high=100)

    assert result[1, 1] == pytest.approx(result[1, 2])
    assert result[2, 1] == pytest.approx(result[2, 2])
    assert result[3, 1] == pytest.approx(60.0)
    assert statistics.fmean(result.values()) == pytest.approx(60.0)


def test_standardise_reviewer_with_one_sheet_is_shifted_to_the_pooled_mean():
    sheets = sheets_of({1: {1: 60, 2: 95}, 2: {1: 80}})

    result = standardise(sheets, low=0, high=100)

    assert result[1, 2] == pytest.approx(statistics.fmean([60, 95, 80]))


def test_standardise_reviewer_with_equal_totals_is_shifted_without_dividing_by_zero():
    sheets = sheets_of({1: {1: 60, 2: 50}, 2: {1: 80, 2: 50}, 3: {1: 70, 2: 50}})

    result = standardise(sheets, low=0, high=100)

    assert [result[item, 2] for item in (1, 2, 3)] == [pytest.approx(60.0)] * 3


def test_standardise_clamps_to_the_scale():
    sheets = sheets_of({1: {1: 0, 2: 0}, 2: {1: 100, 2: 10}, 3: {1: 0, 2: 0}, 4: {1: 0, 2: 0}})

    result = standardise(sheets, low=0, high=30)

    assert max(result.values()) == 30.0
    assert min(result.values()) == 0.0


def test_standardise_of_no_sheets_is_empty():
    assert standardise([], low=0, high=100) == {}


def test_standardise_single_sheet_keeps_its_total():
    assert standardise(sheets_of({1: {1: 72}}), low=0, high=100) == {(1, 1): 72.0}


def test_corrections_refuse_two_sheets_by_one_reviewer_on_one_item():
    sheets = [Sheet(item=1, reviewer=1, total=50), Sheet(item=1, reviewer=1, total=60)]

    assert error_of(lambda: standardise(sheets, low=0, high=100)) == (
        "reviewer 1 has two sheets for item 1"
    )


# A connected design: twelve items, four reviewers, each item scored by three of them.
DESIGN = [(item, (item + shift) % 4) for item in range(12) for shift in range(3)]


@given(
    st.lists(st.integers(0, 100), min_size=len(DESIGN), max_size=len(DESIGN)),
    st.integers(0, 3),
    st.integers(-30, 30),
)
def test_standard_scores_ignore_a_constant_shift_of_one_reviewer(totals, shifted, shift):
    sheets = [Sheet(i, r, float(t)) for (i, r), t in zip(DESIGN, totals, strict=True)]
    moved = [
        Sheet(s.item, s.reviewer, s.total + (shift if s.reviewer == shifted else 0)) for s in sheets
    ]

    before = standard_scores(sheets)
    after = standard_scores(moved)

    assert after == pytest.approx(before, abs=1e-9)


# -- Additive offset model -------------------------------------------------------------------


def test_reviewer_offsets_recover_planted_biases_without_noise():
    quality = {item: 50.0 + 3 * item for item in range(12)}
    planted = {0: -6.0, 1: 2.0, 2: 1.0, 3: 3.0}  # already centred: each reviewer has 9 sheets
    sheets = [Sheet(i, r, quality[i] + planted[r]) for i, r in DESIGN]

    offsets = reviewer_offsets(sheets)

    assert offsets == pytest.approx(planted, abs=1e-9)


def test_offset_correct_puts_every_reviewer_on_the_same_level():
    quality = {item: 50.0 + 3 * item for item in range(12)}
    planted = {0: -6.0, 1: 2.0, 2: 1.0, 3: 3.0}
    sheets = [Sheet(i, r, quality[i] + planted[r]) for i, r in DESIGN]

    corrected = offset_correct(sheets, low=0, high=100)

    assert corrected == pytest.approx({(i, r): quality[i] for i, r in DESIGN}, abs=1e-9)


def test_offset_correct_does_not_punish_a_reviewer_for_a_weak_batch():
    # Reviewer 3 only sees the weakest items but agrees with the others on them.
    sheets = sheets_of({1: {1: 40, 3: 40}, 2: {2: 45, 3: 45}, 3: {1: 90, 2: 90}, 4: {1: 85, 2: 85}})

    corrected = offset_correct(sheets, low=0, high=100)
    standardised = standardise(sheets, low=0, high=100)

    assert corrected == pytest.approx({(s.item, s.reviewer): s.total for s in sheets})
    assert standardised[1, 3] - 40 > 5


def test_offset_correct_single_reviewer_keeps_raw_totals():
    sheets = sheets_of({1: {7: 60}, 2: {7: 75}})

    assert offset_correct(sheets, low=0, high=100) == {(1, 7): 60.0, (2, 7): 75.0}


def test_offset_correct_clamps_to_the_scale():
    sheets = sheets_of({1: {1: 100, 2: 80}, 2: {1: 60, 2: 40}})

    # Reviewer 1 sits 10 above and reviewer 2 10 below: both say 90 and 50, capped at 85.
    corrected = offset_correct(sheets, low=0, high=85)

    assert corrected == pytest.approx({(1, 1): 85, (1, 2): 85, (2, 1): 50, (2, 2): 50})


def test_offset_correct_of_no_sheets_is_empty():
    assert offset_correct([], low=0, high=100) == {}


@given(
    st.lists(st.integers(0, 100), min_size=len(DESIGN), max_size=len(DESIGN)),
    st.integers(0, 3),
    st.integers(-30, 30),
)
def test_offset_correct_shifting_one_reviewer_moves_every_total_alike(totals, shifted, shift):
    sheets = [Sheet(i, r, float(t)) for (i, r), t in zip(DESIGN, totals, strict=True)]
    moved = [
        Sheet(s.item, s.reviewer, s.total + (shift if s.reviewer == shifted else 0)) for s in sheets
    ]

    before = offset_correct(sheets, low=-1000, high=1000, iterations=500)
    after = offset_correct(moved, low=-1000, high=1000, iterations=500)

    # The centred biases absorb the shift; all that is left is a common change of level.
    moves = [after[key] - before[key] for key in before]
    assert moves == pytest.approx([shift / 4] * len(moves), abs=1e-6)


# -- Aggregation -----------------------------------------------------------------------------


def test_aggregate_reports_each_item():
    sheets = [
        Sheet(1, 1, 70, {"tinh_moi": 30, "hieu_qua": 40}),
        Sheet(1, 2, 80, {"tinh_moi": 35, "hieu_qua": 45}),
        Sheet(1, 3, 96, {"tinh_moi": 40, "hieu_qua": 56}),
    ]

    results = aggregate(sheets, correction="none", low=0, high=100, dispute_threshold=20)

    assert results == {
        1: ItemResult(
            item=1,
            sheets=3,
            raw=82.0,
            corrected=82.0,
            criteria={"tinh_moi": 35.0, "hieu_qua": 47.0},
            sd=math.sqrt(172),
            range=26.0,
            disputed=True,
        )
    }


@pytest.mark.parametrize(("method", "raw"), [("mean", 65.0), ("median", 80.0), ("trimmed", 75.0)])
def test_aggregate_method_chooses_the_central_value(method, raw):
    # "trimmed" drops the single highest and lowest sheet, as councils do by hand.
    sheets = sheets_of({1: {1: 10, 2: 60, 3: 80, 4: 85, 5: 90}})

    result = aggregate(
        sheets, method=method, correction="none", low=0, high=100, dispute_threshold=100
    )

    assert result[1].raw == raw


def test_aggregate_without_correction_corrected_equals_raw():
    sheets = sheets_of({1: {1: 60, 2: 40}, 2: {1: 80, 3: 60}, 3: {2: 70, 3: 50}})

    results = aggregate(sheets, correction="none", low=0, high=100, dispute_threshold=30)

    assert [(r.raw, r.corrected) for r in results.values()] == [
        (50.0, 50.0),
        (70.0, 70.0),
        (60.0, 60.0),
    ]


def test_aggregate_range_at_the_threshold_is_not_disputed():
    sheets = sheets_of({1: {1: 60, 2: 75}, 2: {1: 60, 2: 75.5}})

    results = aggregate(sheets, correction="none", low=0, high=100, dispute_threshold=15)

    assert (results[1].disputed, results[2].disputed) == (False, True)


def test_aggregate_single_reviewer_has_no_spread_and_no_dispute():
    sheets = [Sheet(5, 1, 66.5, {"tinh_moi": 30})]

    result = aggregate(sheets, low=0, high=100, dispute_threshold=10)[5]

    assert result == ItemResult(
        item=5,
        sheets=1,
        raw=66.5,
        corrected=66.5,
        criteria={"tinh_moi": 30.0},
        sd=0.0,
        range=0.0,
        disputed=False,
    )


def test_aggregate_of_no_sheets_is_empty():
    assert aggregate([], low=0, high=100, dispute_threshold=10) == {}


@pytest.mark.parametrize("correction", CORRECTIONS)
@pytest.mark.parametrize("method", METHODS)
def test_aggregate_accepts_every_method_and_correction(method, correction):
    sheets = sheets_of({1: {1: 60, 2: 40}, 2: {1: 80, 2: 60}})

    results = aggregate(
        sheets, method=method, correction=correction, low=0, high=100, dispute_threshold=30
    )

    assert sorted(results) == [1, 2]


def test_aggregate_refuses_an_unknown_method_or_correction():
    sheets = sheets_of({1: {1: 60}})

    assert error_of(
        lambda: aggregate(sheets, method="mode", low=0, high=100, dispute_threshold=1)
    ) == ("unknown method 'mode'; expected one of ('mean', 'median', 'trimmed')")
    assert error_of(
        lambda: aggregate(sheets, correction="zscore", low=0, high=100, dispute_threshold=1)
    ) == ("unknown correction 'zscore'; expected one of ('none', 'standardise', 'offset')")


# -- Reviewer reports ------------------------------------------------------------------------


def test_reviewer_reports_constant_offset_is_flagged_with_infinite_t():
    sheets = sheets_of({1: {1: 60, 2: 70}, 2: {1: 50, 2: 60}, 3: {1: 80, 2: 90}})

    reports = reviewer_reports(sheets, min_offset=5)

    assert reports == {
        1: ReviewerReport(
            reviewer=1, sheets=3, mean_offset=-10.0, t=-math.inf, flagged=True, compared=3
        ),
        2: ReviewerReport(
            reviewer=2, sheets=3, mean_offset=10.0, t=math.inf, flagged=True, compared=3
        ),
    }


def test_reviewer_reports_small_offset_is_not_flagged_however_consistent():
    sheets = sheets_of({1: {1: 60, 2: 62}, 2: {1: 50, 2: 52}})

    reports = reviewer_reports(sheets, min_offset=3)

    assert [r.flagged for r in reports.values()] == [False, False]


def test_reviewer_reports_inconsistent_offset_is_not_flagged():
    # Differences of −20, +10 and −8: six points low on average, but all over the place.
    sheets = sheets_of({1: {1: 40, 2: 60}, 2: {1: 70, 2: 60}, 3: {1: 52, 2: 60}})

    report = reviewer_reports(sheets, min_offset=3)[1]

    assert report.mean_offset == pytest.approx(-6.0)
    assert report.t == pytest.approx(-6 / (math.sqrt(228) / math.sqrt(3)))
    assert report.flagged is False


def test_reviewer_reports_one_comparison_has_no_t_and_is_not_flagged():
    sheets = sheets_of({1: {1: 30, 2: 90}})

    report = reviewer_reports(sheets, min_offset=3)[1]

    assert report == ReviewerReport(
        reviewer=1, sheets=1, mean_offset=-60.0, t=None, flagged=False, compared=1
    )


def test_reviewer_reports_skip_items_scored_once():
    sheets = sheets_of({1: {1: 30}, 2: {1: 90}})

    report = reviewer_reports(sheets, min_offset=3)[1]

    assert report == ReviewerReport(
        reviewer=1, sheets=2, mean_offset=None, t=None, flagged=False, compared=0
    )


def test_reviewer_reports_of_no_sheets_is_empty():
    assert reviewer_reports([], min_offset=3) == {}


# -- Agreement -------------------------------------------------------------------------------

# Shrout & Fleiss (1979), Table 2: six targets, four judges; ICC(1,1) = 0.17.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


def test_icc1_matches_shrout_and_fleiss():
    sheets = [
        Sheet(item, judge, float(total))
        for item, row in enumerate(SHROUT_FLEISS)
        for judge, total in enumerate(row)
    ]

    assert icc1(sheets) == pytest.approx(0.17, abs=0.005)


def test_icc1_handles_unequal_numbers_of_sheets():
    sheets = sheets_of(
        {1: {1: 80, 2: 84, 3: 82}, 2: {1: 50, 2: 54}, 3: {2: 65, 3: 61, 4: 63, 5: 67}}
    )

    # MSB = 1160 / 2 = 580, MSW = 36 / 6 = 6, k0 = (9 − 29/9) / 2 = 26/9.
    assert icc1(sheets) == pytest.approx((580 - 6) / (580 + (26 / 9 - 1) * 6))


def test_icc1_drops_items_scored_once():
    two_items = sheets_of({1: {1: 80, 2: 84}, 2: {1: 50, 2: 54}})
    with_single = [*two_items, Sheet(3, 1, 10.0)]

    assert icc1(with_single) == icc1(two_items)


def test_icc1_needs_two_items_with_two_sheets():
    assert icc1(sheets_of({1: {1: 80, 2: 84}, 2: {1: 50}})) is None


def test_icc1_of_identical_totals_is_none():
    assert icc1(sheets_of({1: {1: 70, 2: 70}, 2: {1: 70, 2: 70}})) is None


def test_icc1_of_no_sheets_is_none():
    assert icc1([]) is None


def test_krippendorff_alpha_interval_matches_krippendorff():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": interval alpha = 0.849.
    coders = {
        1: [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        2: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        3: [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        4: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    sheets = [
        Sheet(unit, coder, float(value))
        for coder, values in coders.items()
        for unit, value in enumerate(values)
        if value is not None
    ]

    assert krippendorff_alpha_interval(sheets) == pytest.approx(0.849, abs=0.0005)


def test_krippendorff_alpha_of_no_pairable_sheets_is_none():
    assert krippendorff_alpha_interval(sheets_of({1: {1: 70}, 2: {1: 60}})) is None


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (None, "Chưa đủ dữ liệu"),
        (-0.2, "kém"),
        (0.49, "kém"),
        (0.5, "trung bình"),
        (0.74, "trung bình"),
        (0.75, "tốt"),
        (0.9, "tốt"),
        (0.91, "rất tốt"),
    ],
)
def test_agreement_label_reads_koo_and_li(value, label):
    assert agreement_label(value) == label


# -- Ranking ---------------------------------------------------------------------------------


def positions(ranked: list[Ranked]) -> list[tuple[int, int, str | None]]:
    return [(r.item, r.position, r.decided_by) for r in ranked]


def test_rank_orders_by_score_descending():
    entries = [RankInput(1, 70.0), RankInput(2, 90.0), RankInput(3, 80.0)]

    assert positions(rank(entries, tie_breakers=[])) == [(2, 1, None), (3, 2, None), (1, 3, None)]


def test_rank_ties_share_a_position_and_are_listed_by_code():
    entries = [
        RankInput(1, 90.0, code="SK-03"),
        RankInput(2, 80.0, code="SK-02"),
        RankInput(3, 90.0, code="SK-01"),
        RankInput(4, 70.0, code="SK-04"),
    ]

    assert positions(rank(entries, tie_breakers=[])) == [
        (3, 1, None),
        (1, 1, None),
        (2, 3, None),
        (4, 4, None),
    ]


def test_rank_float_noise_does_not_split_a_tie():
    entries = [RankInput(1, 0.1 + 0.2 + 80, code="B"), RankInput(2, 80.3, code="A")]

    assert positions(rank(entries, tie_breakers=["benefit_value"])) == [(2, 1, None), (1, 1, None)]


def test_rank_scores_apart_by_a_hundredth_are_not_tied():
    entries = [RankInput(1, 80.29), RankInput(2, 80.3)]

    assert positions(rank(entries, tie_breakers=[])) == [(2, 1, None), (1, 2, None)]


def test_rank_tie_broken_by_benefit_value_with_none_last():
    entries = [
        RankInput(1, 85.0, benefit_value=None),
        RankInput(2, 85.0, benefit_value=120_000_000),
        RankInput(3, 85.0, benefit_value=450_000_000),
    ]

    assert positions(rank(entries, tie_breakers=["benefit_value"])) == [
        (3, 1, None),
        (2, 2, "benefit_value"),
        (1, 3, "benefit_value"),
    ]


def test_rank_tie_broken_by_earlier_submission_with_none_last():
    entries = [
        RankInput(1, 85.0, submitted_at=datetime(2025, 3, 2, tzinfo=UTC)),
        RankInput(2, 85.0, submitted_at=None),
        RankInput(3, 85.0, submitted_at=datetime(2025, 3, 1, 17, 0, tzinfo=UTC)),
    ]

    assert positions(rank(entries, tie_breakers=["submitted_at"])) == [
        (3, 1, None),
        (1, 2, "submitted_at"),
        (2, 3, "submitted_at"),
    ]


def test_rank_tie_broken_by_a_criterion_with_missing_last():
    entries = [
        RankInput(1, 85.0, criteria={"tinh_moi": 30.0}),
        RankInput(2, 85.0, criteria={}),
        RankInput(3, 85.0, criteria={"tinh_moi": 36.67}),
    ]

    assert positions(rank(entries, tie_breakers=["criterion:tinh_moi"])) == [
        (3, 1, None),
        (1, 2, "criterion:tinh_moi"),
        (2, 3, "criterion:tinh_moi"),
    ]


def test_rank_tie_breakers_apply_in_order():
    entries = [
        RankInput(1, 85.0, benefit_value=100, criteria={"tinh_moi": 40.0}),
        RankInput(2, 85.0, benefit_value=100, criteria={"tinh_moi": 35.0}),
        RankInput(3, 85.0, benefit_value=200, criteria={"tinh_moi": 20.0}),
    ]

    ranked = rank(entries, tie_breakers=["benefit_value", "criterion:tinh_moi"])

    assert positions(ranked) == [
        (3, 1, None),
        (1, 2, "benefit_value"),
        (2, 3, "criterion:tinh_moi"),
    ]


def test_rank_items_equal_on_every_tie_breaker_share_a_position():
    when = datetime(2025, 3, 1, tzinfo=UTC)
    entries = [
        RankInput(1, 85.0, benefit_value=100, submitted_at=when, code="SK-2"),
        RankInput(2, 85.0, benefit_value=100, submitted_at=when, code="SK-1"),
        RankInput(3, 70.0, code="SK-3"),
    ]

    ranked = rank(entries, tie_breakers=["benefit_value", "submitted_at"])

    assert positions(ranked) == [(2, 1, None), (1, 1, None), (3, 3, None)]


def test_rank_items_without_sheets_come_last():
    entries = [
        RankInput(1, None, code="A"),
        RankInput(2, 0.0, code="B"),
        RankInput(3, None, code="C"),
    ]

    assert positions(rank(entries, tie_breakers=[])) == [(2, 1, None), (1, 2, None), (3, 2, None)]


def test_rank_of_nothing_is_empty():
    assert rank([], tie_breakers=["benefit_value"]) == []


@pytest.mark.parametrize("key", ["benefit", "criterion:", "luck"])
def test_rank_refuses_an_unknown_tie_breaker(key):
    assert error_of(lambda: rank([], tie_breakers=[key])) == (
        f"unknown tie-breaker {key!r}; expected one of {TIE_BREAKERS}"
    )


def test_tie_breaker_label_reads_in_vietnamese():
    names = {"tinh_moi": "Tính mới"}

    assert [
        tie_breaker_label(key, names)
        for key in ("benefit_value", "submitted_at", "criterion:tinh_moi", "criterion:khac")
    ] == [
        "giá trị làm lợi cao hơn",
        "nộp sớm hơn",
        "điểm “Tính mới” cao hơn",
        "điểm “khac” cao hơn",
    ]


def test_tie_breaker_label_refuses_an_unknown_key():
    assert error_of(lambda: tie_breaker_label("luck", {})) == (
        f"unknown tie-breaker 'luck'; expected one of {TIE_BREAKERS}"
    )


rank_inputs = st.lists(
    st.builds(
        RankInput,
        item=st.integers(0, 10_000),
        score=st.one_of(st.none(), st.sampled_from([50.0, 60.0, 60.001, 70.0])),
        benefit_value=st.one_of(st.none(), st.sampled_from([0, 10, 20])),
        criteria=st.dictionaries(st.just("tinh_moi"), st.sampled_from([10.0, 20.0])),
        code=st.sampled_from(["", "A", "B"]),
    ),
    max_size=25,
    unique_by=lambda entry: entry.item,
)


@given(rank_inputs, st.permutations(["benefit_value", "criterion:tinh_moi", "submitted_at"]))
def test_rank_is_a_permutation_with_competition_positions(entries, tie_breakers):
    ranked = rank(entries, tie_breakers=tie_breakers)

    assert sorted(r.item for r in ranked) == sorted(e.item for e in entries)
    for index, current in enumerate(ranked):
        shares = index > 0 and current.position == ranked[index - 1].position
        assert current.position == (ranked[index - 1].position if shares else index + 1)


# -- A planted harsh reviewer ----------------------------------------------------------------

HARSH = 3
REVIEWERS = 7
# Item k goes to reviewers k, k+1 and k+3 (mod 7): the Fano plane, so every pair of
# reviewers meets equally often and each reviewer sees a random third of the items.
ROUND_ROBIN = (0, 1, 3)


@dataclass(frozen=True)
class Council:
    truth: dict[int, float]
    sheets: list[Sheet]
    harsh_items: frozenset[int]


@pytest.fixture(scope="module")
def council() -> Council:
    rng = random.Random(20240517)
    truth: dict[int, float] = {}
    sheets: list[Sheet] = []
    for item in range(200):
        quality = [rng.uniform(12, 22) for _ in range(3)]
        truth[item] = sum(quality)
        for reviewer in ((item + step) % REVIEWERS for step in ROUND_ROBIN):
            harshness = 2 if reviewer == HARSH else 0
            points = [min(30, max(0, round(q + rng.gauss(0, 1) - harshness))) for q in quality]
            criteria = dict(
                zip(("tinh_moi", "ap_dung", "hieu_qua"), map(float, points), strict=True)
            )
            sheets.append(Sheet(item, reviewer, float(sum(points)), criteria))
    harsh_items = frozenset(s.item for s in sheets if s.reviewer == HARSH)
    return Council(truth=truth, sheets=sheets, harsh_items=harsh_items)


def scores(council: Council, correction: str) -> dict[int, float]:
    results = aggregate(council.sheets, correction=correction, low=0, high=90, dispute_threshold=15)
    return {
        item: result.corrected for item, result in results.items() if result.corrected is not None
    }


def harsh_gap(council: Council, correction: str) -> float:
    """How much lower, against the truth, the harsh reviewer's items come out than the others'."""
    error = {
        item: score - council.truth[item] for item, score in scores(council, correction).items()
    }
    harsh = statistics.fmean(error[i] for i in council.harsh_items)
    others = statistics.fmean(e for i, e in error.items() if i not in council.harsh_items)
    return harsh - others


def concordance(council: Council, correction: str) -> float:
    """Share of item pairs ordered as their true quality orders them (Kendall-style)."""
    score = scores(council, correction)
    items = sorted(score)
    pairs = [(a, b) for a in items for b in items if a < b]
    agree = sum(
        1.0
        if (score[a] - score[b]) * (council.truth[a] - council.truth[b]) > 0
        else 0.5
        if score[a] == score[b]
        else 0.0
        for a, b in pairs
    )
    return agree / len(pairs)


def top_overlap(council: Council, correction: str, *, size: int = 20) -> int:
    score = scores(council, correction)
    best = set(sorted(score, key=lambda i: -score[i])[:size])
    truly_best = set(sorted(council.truth, key=lambda i: -council.truth[i])[:size])
    return len(best & truly_best)


def test_planted_harsh_reviewer_pulls_raw_item_means_down_two_points(council):
    assert -2.5 < harsh_gap(council, "none") < -1.5


@pytest.mark.parametrize("correction", ["offset", "standardise"])
def test_planted_harsh_reviewer_is_corrected_away(council, correction):
    assert abs(harsh_gap(council, correction)) < 1


@pytest.mark.parametrize("correction", ["offset", "standardise"])
def test_planted_harsh_reviewer_corrected_means_track_quality_better(council, correction):
    items = sorted(council.truth)
    truth = [council.truth[i] for i in items]
    raw = scores(council, "none")
    corrected = scores(council, correction)

    raw_r = statistics.correlation([raw[i] for i in items], truth)
    corrected_r = statistics.correlation([corrected[i] for i in items], truth)

    assert corrected_r > raw_r


@pytest.mark.parametrize("correction", ["offset", "standardise"])
def test_planted_harsh_reviewer_corrected_ranking_orders_more_pairs_rightly(council, correction):
    assert concordance(council, correction) > concordance(council, "none")


@pytest.mark.parametrize("correction", ["offset", "standardise"])
def test_planted_harsh_reviewer_corrected_top_20_overlaps_the_true_top_20_at_least_as_much(
    council, correction
):
    assert top_overlap(council, correction) >= top_overlap(council, "none")


def test_planted_harsh_reviewer_is_the_only_one_flagged(council):
    reports = reviewer_reports(council.sheets, min_offset=3)

    assert [r.reviewer for r in reports.values() if r.flagged] == [HARSH]
    assert reports[HARSH].mean_offset == pytest.approx(-6, abs=1)


def test_planted_harsh_reviewer_offset_is_estimated_near_six_points(council):
    offsets = reviewer_offsets(council.sheets)

    # Centring shares the harsh reviewer's 6 points among all seven: −6 + 6/7 for them.
    assert offsets[HARSH] == pytest.approx(-6 + 6 / 7, abs=0.5)
    assert all(abs(o - 6 / 7) < 0.5 for r, o in offsets.items() if r != HARSH)
