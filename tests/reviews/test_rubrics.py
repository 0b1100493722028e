"""Rubrics: the presets, what a complete sheet is, pass and grade, and bands as text."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.reviews.rubrics import (
    PRESETS,
    Band,
    CriterionSpec,
    GradeClass,
    Outcome,
    RubricSpec,
    format_bands,
    format_classes,
    format_points,
    outcome,
    parse_bands,
    parse_classes,
    rubric_problems,
    sheet_problems,
    sheet_total,
)

DA_NANG = PRESETS["da_nang"]
SON_LA = PRESETS["son_la"]
THAI_NGUYEN = PRESETS["thai_nguyen"]


def da_nang_points(tinh_moi: int = 30, ap_dung: int = 20, hieu_qua: int = 15) -> dict[str, int]:
    return {"tinh_moi": tinh_moi, "kha_nang_ap_dung": ap_dung, "hieu_qua": hieu_qua}


def error_of(action: Callable[[], object]) -> str:
    """The message of the ValueError ``action`` raises; empty when it raises none."""
    try:
        action()
    except ValueError as error:
        return str(error)
    return ""


# -- Presets ---------------------------------------------------------------------------------


def test_presets_are_the_three_local_rules():
    assert sorted(PRESETS) == ["da_nang", "son_la", "thai_nguyen"]


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_presets_have_no_problems(key):
    assert rubric_problems(PRESETS[key]) == []


def test_da_nang_preset_scores_out_of_100_with_a_pass_mark_of_50():
    assert DA_NANG.max_total == Decimal(100)
    assert DA_NANG.pass_mark == Decimal(50)
    assert [(c.code, c.max_points, c.minimum) for c in DA_NANG.criteria] == [
        ("tinh_moi", 40, 10),
        ("kha_nang_ap_dung", 30, 10),
        ("hieu_qua", 30, 10),
    ]


def test_da_nang_preset_top_band_of_benefit_needs_money():
    hieu_qua = DA_NANG.by_code["hieu_qua"]

    assert hieu_qua.needs_money_for_top_band is True
    assert hieu_qua.top_band is not None
    assert (hieu_qua.top_band.low, hieu_qua.top_band.high) == (21, 30)


def test_da_nang_preset_novelty_bands_cover_0_to_40_highest_first():
    bands = DA_NANG.by_code["tinh_moi"].bands

    assert [(b.low, b.high) for b in bands] == [(31, 40), (21, 30), (11, 20), (0, 10)]


def test_da_nang_preset_classes_need_novelty_too():
    assert [(g.label, g.min_total, g.criterion_code, g.criterion_min) for g in DA_NANG.classes] == [
        ("A", Decimal(85), "tinh_moi", 30),
        ("B", Decimal(70), "tinh_moi", 20),
        ("C", Decimal(50), "tinh_moi", 10),
    ]


def test_son_la_preset_novelty_bands_end_with_copying_at_zero():
    bands = SON_LA.by_code["tinh_moi"].bands

    assert [(b.low, b.high) for b in bands] == [(27, 30), (21, 26), (16, 20), (1, 15), (0, 0)]
    assert bands[-1].label == "Sao chép"


def test_son_la_preset_says_the_assumed_maxima_need_checking():
    assert SON_LA.max_total == Decimal(100)
    assert SON_LA.pass_mark == Decimal(50)
    assert "chưa xác minh, cần điều chỉnh theo quy định địa phương" in SON_LA.description
    assert SON_LA.by_code["kha_nang_ap_dung"].max_points == 35
    assert SON_LA.by_code["hieu_qua"].max_points == 35


def test_thai_nguyen_preset_shows_the_public_vote_without_counting_it():
    binh_chon = THAI_NGUYEN.by_code["binh_chon"]

    assert binh_chon.counted is False
    assert binh_chon.max_points == 20
    assert THAI_NGUYEN.max_total == Decimal(80)
    assert THAI_NGUYEN.pass_mark is None


def test_max_total_weighs_counted_criteria():
    rubric = RubricSpec(
        name="Thử",
        criteria=(
            CriterionSpec("a", "A", 10, weight=Decimal("1.5")),
            CriterionSpec("b", "B", 20),
            CriterionSpec("c", "C", 50, counted=False),
        ),
    )

    assert rubric.max_total == Decimal(35)


# -- Sheets ----------------------------------------------------------------------------------


def test_sheet_problems_complete_sheet_has_none():
    assert sheet_problems(DA_NANG, da_nang_points(), has_money_value=False) == []


def test_sheet_problems_missing_counted_criterion_is_named():
    points = {"tinh_moi": None, "kha_nang_ap_dung": 20}

    problems = sheet_problems(DA_NANG, points, has_money_value=False)

    assert problems == [
        "Chưa chấm tiêu chí “Tính mới”.",
        "Chưa chấm tiêu chí “Hiệu quả (lợi ích)”.",
    ]


def test_sheet_problems_uncounted_criterion_may_be_missing():
    points = {"tinh_sang_tao": 15, "hieu_qua": 20, "kha_nang_ap_dung": 25}

    assert sheet_problems(THAI_NGUYEN, points, has_money_value=False) == []


def test_sheet_problems_points_outside_the_scale_are_refused():
    points = da_nang_points(tinh_moi=41, ap_dung=-1)

    problems = sheet_problems(DA_NANG, points, has_money_value=False)

    assert problems == [
        "Điểm tiêu chí “Tính mới” phải từ 0 đến 40, không thể là 41.",
        "Điểm tiêu chí “Khả năng áp dụng” phải từ 0 đến 30, không thể là -1.",
    ]


def test_sheet_problems_uncounted_criterion_is_still_range_checked():
    points = {"tinh_sang_tao": 15, "hieu_qua": 20, "kha_nang_ap_dung": 25, "binh_chon": 21}

    problems = sheet_problems(THAI_NGUYEN, points, has_money_value=False)

    assert problems == [
        "Điểm tiêu chí “Bình chọn của công chúng” phải từ 0 đến 20, không thể là 21."
    ]


def test_sheet_problems_top_benefit_band_needs_a_money_value():
    points = da_nang_points(hieu_qua=21)

    problems = sheet_problems(DA_NANG, points, has_money_value=False)

    assert problems == [
        "Mức điểm 21–30 của tiêu chí “Hiệu quả (lợi ích)” chỉ dành cho sáng kiến có giá trị "
        "làm lợi tính được bằng tiền."
    ]


def test_sheet_problems_top_benefit_band_is_fine_with_a_money_value():
    assert sheet_problems(DA_NANG, da_nang_points(hieu_qua=30), has_money_value=True) == []


def test_sheet_problems_just_below_the_top_band_needs_no_money():
    assert sheet_problems(DA_NANG, da_nang_points(hieu_qua=20), has_money_value=False) == []


def test_sheet_problems_unknown_criterion_code_is_named():
    points = {**da_nang_points(), "tinh_sang_tao": 5}

    problems = sheet_problems(DA_NANG, points, has_money_value=False)

    assert problems == ["Không có tiêu chí “tinh_sang_tao” trong thang điểm."]


def test_sheet_problems_empty_sheet_lists_every_counted_criterion():
    problems = sheet_problems(THAI_NGUYEN, {}, has_money_value=False)

    assert problems == [
        "Chưa chấm tiêu chí “Tính sáng tạo”.",
        "Chưa chấm tiêu chí “Hiệu quả kinh tế – xã hội”.",
        "Chưa chấm tiêu chí “Khả năng áp dụng”.",
    ]


def test_sheet_total_sums_counted_criteria_and_ignores_the_public_vote():
    points = {"tinh_sang_tao": 15, "hieu_qua": 20, "kha_nang_ap_dung": 25, "binh_chon": 20}

    assert sheet_total(THAI_NGUYEN, points) == Decimal(60)


def test_sheet_total_counts_missing_criteria_as_zero():
    assert sheet_total(DA_NANG, {"tinh_moi": 30, "hieu_qua": None}) == Decimal(30)


def test_sheet_total_applies_weights():
    rubric = RubricSpec(
        name="Thử",
        criteria=(CriterionSpec("a", "A", 10, weight=Decimal("1.5")), CriterionSpec("b", "B", 10)),
    )

    assert sheet_total(rubric, {"a": 7, "b": 4}) == Decimal("14.5")


def test_sheet_total_of_an_empty_sheet_is_zero():
    assert sheet_total(DA_NANG, {}) == Decimal(0)


@given(
    st.integers(0, 40),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_sheet_total_of_valid_points_stays_within_the_scale(tinh_moi, ap_dung, hieu_qua):
    total = sheet_total(DA_NANG, da_nang_points(tinh_moi, ap_dung, hieu_qua))

    assert Decimal(0) <= total <= DA_NANG.max_total


# -- Outcome ---------------------------------------------------------------------------------


def da_nang_criteria(tinh_moi: float, ap_dung: float, hieu_qua: float) -> dict[str, float]:
    return {"tinh_moi": tinh_moi, "kha_nang_ap_dung": ap_dung, "hieu_qua": hieu_qua}


@pytest.mark.parametrize(
    ("criteria", "grade"),
    [
        ((35, 25, 25), "A"),
        ((25, 30, 30), "B"),
        ((30, 25, 15), "B"),
        ((20, 15, 15), "C"),
        ((10, 20, 20), "C"),
    ],
)
def test_outcome_da_nang_grade_needs_both_total_and_novelty(criteria, grade):
    values = da_nang_criteria(*criteria)

    result = outcome(DA_NANG, sum(values.values()), values)

    assert result == Outcome(passed=True, grade=grade, reasons=())


def test_outcome_below_pass_mark_fails_without_grade():
    values = da_nang_criteria(20, 15, 14)

    result = outcome(DA_NANG, Decimal(49), values)

    assert result == Outcome(
        passed=False, grade=None, reasons=("Tổng điểm 49 thấp hơn điểm đạt 50.",)
    )


def test_outcome_criterion_below_minimum_fails_despite_a_high_total():
    values = da_nang_criteria(40, 30, 9.5)

    result = outcome(DA_NANG, 79.5, values)

    assert result == Outcome(
        passed=False,
        grade=None,
        reasons=("Tiêu chí “Hiệu quả (lợi ích)” đạt 9,5, thấp hơn mức tối thiểu 10.",),
    )


def test_outcome_lists_every_reason():
    values = da_nang_criteria(8, 30, 9)

    result = outcome(DA_NANG, 47, values)

    assert result.reasons == (
        "Tổng điểm 47 thấp hơn điểm đạt 50.",
        "Tiêu chí “Tính mới” đạt 8, thấp hơn mức tối thiểu 10.",
        "Tiêu chí “Hiệu quả (lợi ích)” đạt 9, thấp hơn mức tối thiểu 10.",
    )


def test_outcome_missing_criterion_with_a_minimum_fails():
    result = outcome(DA_NANG, 60, {"tinh_moi": 30, "kha_nang_ap_dung": 30})

    assert result.passed is False
    assert result.reasons == (
        "Chưa có điểm tiêu chí “Hiệu quả (lợi ích)” để so với mức tối thiểu 10.",
    )


def test_outcome_float_noise_of_a_mean_does_not_fail_the_pass_mark():
    values = da_nang_criteria(20.000000001, 15, 14.99999999)

    result = outcome(DA_NANG, 49.99999999, values)

    assert result == Outcome(passed=True, grade="C", reasons=())


def test_outcome_without_pass_mark_or_minimums_always_passes():
    assert outcome(THAI_NGUYEN, 0.0, {}) == Outcome(passed=True, grade=None, reasons=())


def test_outcome_passing_below_every_class_has_no_grade():
    rubric = RubricSpec(
        name="Thử",
        criteria=(CriterionSpec("a", "A", 100),),
        pass_mark=Decimal(40),
        classes=(GradeClass("Giỏi", Decimal(80)),),
    )

    assert outcome(rubric, 60, {"a": 60}) == Outcome(passed=True, grade=None, reasons=())


def test_format_points_uses_a_decimal_comma():
    assert [format_points(v) for v in (50, 72.5, Decimal("72.333"), 0.1 + 0.2)] == [
        "50",
        "72,5",
        "72,33",
        "0,3",
    ]


# -- Rubric problems -------------------------------------------------------------------------


def test_rubric_problems_names_inconsistencies():
    rubric = RubricSpec(
        name="Thử",
        criteria=(
            CriterionSpec("a", "A", 10, minimum=11, bands=(Band(8, 12, "Cao"),)),
            CriterionSpec("a", "A2", 10),
            CriterionSpec("v", "Bình chọn", 10, counted=False, minimum=1),
        ),
        classes=(GradeClass("X", Decimal(5), "zz", 3), GradeClass("Y", Decimal(1), "a", None)),
    )

    assert rubric_problems(rubric) == [
        "Điểm tối thiểu của tiêu chí “A” phải từ 0 đến 10.",
        "Mức điểm 8–12 của tiêu chí “A” nằm ngoài 0–10.",
        "Mã tiêu chí “a” bị trùng.",
        "Tiêu chí “Bình chọn” không tính vào tổng nên không thể có điểm tối thiểu.",
        "Loại “X” dùng tiêu chí “zz” không có trong thang điểm.",
        "Loại “Y” cần cả mã tiêu chí lẫn điểm tối thiểu, hoặc bỏ cả hai.",
    ]


# -- Bands as text ---------------------------------------------------------------------------


def test_parse_bands_reads_hyphens_dashes_and_colons_highest_first():
    text = "0-10: Ít điểm mới\n\n11–20 Cải tiến một phần\n  21 - 30 : Cải tiến lớn  \n"

    bands = parse_bands(text, max_points=30)

    assert bands == (
        Band(21, 30, "Cải tiến lớn"),
        Band(11, 20, "Cải tiến một phần"),
        Band(0, 10, "Ít điểm mới"),
    )


def test_parse_bands_reads_a_single_value():
    assert parse_bands("0: Sao chép", max_points=30) == (Band(0, 0, "Sao chép"),)


def test_parse_bands_of_empty_text_is_empty():
    assert parse_bands("  \n", max_points=30) == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Hoàn toàn mới", "Dòng 1 (“Hoàn toàn mới”): cần dạng “27–30: Hoàn toàn mới”."),
        ("27–30: Mới\n21–26:", "Dòng 2 (“21–26:”): thiếu mô tả mức điểm."),
        ("30–27: Mới", "Dòng 1 (“30–27: Mới”): điểm đầu lớn hơn điểm cuối."),
        ("27–31: Mới", "Dòng 1 (“27–31: Mới”): vượt quá điểm tối đa 30 của tiêu chí."),
        (
            "21–27: Mới\n27–30: Rất mới",
            "Dòng 2 (“27–30: Rất mới”): trùng khoảng điểm với mức 21–27.",
        ),
    ],
)
def test_parse_bands_bad_line_is_named(text, message):
    assert error_of(lambda: parse_bands(text, max_points=30)) == message


def test_format_bands_writes_one_band_a_line():
    bands = (Band(27, 30, "Hoàn toàn mới"), Band(0, 0, "Sao chép"))

    assert format_bands(bands) == "27–30: Hoàn toàn mới\n0: Sao chép"


_labels = (
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def band_sets(draw: st.DrawFn) -> tuple[Band, ...]:
    cuts = sorted(draw(st.sets(st.integers(0, 100), min_size=1, max_size=6)))
    bounds = list(
        zip(cuts, [*(c - 1 for c in cuts[1:]), draw(st.integers(cuts[-1], 100))], strict=True)
    )
    return tuple(Band(low, high, draw(_labels)) for low, high in reversed(bounds))


@given(band_sets())
def test_parse_bands_reads_back_what_format_bands_wrote(bands):
    assert parse_bands(format_bands(bands), max_points=100) == bands


# -- Classes as text -------------------------------------------------------------------------


def test_parse_classes_reads_totals_and_criterion_conditions_in_order():
    text = "A: 85; tinh_moi >= 30\nB: 70 ; tinh_moi ≥ 20\n\nC: 49,5"

    classes = parse_classes(text)

    assert classes == (
        GradeClass("A", Decimal(85), "tinh_moi", 30),
        GradeClass("B", Decimal(70), "tinh_moi", 20),
        GradeClass("C", Decimal("49.5")),
    )


def test_parse_classes_of_empty_text_is_empty():
    assert parse_classes("") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("A 85", "Dòng 1 (“A 85”): cần dạng “A: 85” hoặc “A: 85; tinh_moi >= 30”."),
        (
            "A: 85; tinh_moi 30",
            "Dòng 1 (“A: 85; tinh_moi 30”): cần dạng “A: 85” hoặc “A: 85; tinh_moi >= 30”.",
        ),
        ("A: 85\nA: 70", "Dòng 2 (“A: 70”): loại “A” đã có."),
        (
            "A: 85; tinh_sang_tao >= 1",
            "Dòng 1 (“A: 85; tinh_sang_tao >= 1”): không có tiêu chí “tinh_sang_tao”.",
        ),
    ],
)
def test_parse_classes_bad_line_is_named(text, message):
    assert error_of(lambda: parse_classes(text, codes={"tinh_moi"})) == message


def test_format_classes_writes_one_class_a_line():
    assert format_classes(DA_NANG.classes) == (
        "A: 85; tinh_moi >= 30\nB: 70; tinh_moi >= 20\nC: 50; tinh_moi >= 10"
    )


_class_sets = st.lists(
    st.builds(
        lambda label, total, condition: GradeClass(label, total, *condition),
        st.text(alphabet="ABCDEFXYZabcỳếđ +", min_size=1).map(str.strip).filter(bool),
        st.decimals(min_value=0, max_value=1000, places=2).map(lambda d: d.normalize()),
        st.one_of(
            st.just((None, None)),
            st.tuples(st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True), st.integers(0, 100)),
        ),
    ),
    max_size=5,
    unique_by=lambda grade: grade.label,
)


@given(_class_sets)
def test_parse_classes_reads_back_what_format_classes_wrote(classes):
    assert parse_classes(format_classes(classes)) == tuple(classes)
