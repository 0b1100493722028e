import datetime as dt

import pytest

from thidua.common.vietnamese import (
    date_in_words,
    fold,
    money,
    money_in_words,
    name_sort_key,
    number_in_words,
    search_terms,
    thousands,
    time_in_words,
    weekday_name,
)


def test_names_sort_by_given_name_then_family_name():
    names = ["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn An", "Phạm Thị Ánh"]

    ordered = sorted(names, key=name_sort_key)

    assert ordered == ["Lê Văn An", "Nguyễn Văn An", "Phạm Thị Ánh", "Trần Thị Bình"]


def test_vietnamese_letters_follow_the_vietnamese_alphabet():
    # a < ă < â < b ... d < đ < e < ê ... o < ô < ơ ... u < ư
    given = ["Ân", "Ăn", "An", "Bình", "Đào", "Dũng", "Ơn", "Ôn", "On", "Ưng", "Ung", "Em", "Êm"]

    ordered = [
        name.split()[-1] for name in sorted((f"Nguyễn {g}" for g in given), key=name_sort_key)
    ]

    assert ordered == [
        "An",
        "Ăn",
        "Ân",
        "Bình",
        "Dũng",
        "Đào",
        "Em",
        "Êm",
        "On",
        "Ôn",
        "Ơn",
        "Ung",
        "Ưng",
    ]


def test_tones_only_break_ties_between_the_same_letters():
    # level, huyền, hỏi, ngã, sắc, nặng; and "Anh" comes after every tone of "An".
    given = ["Anh", "Ạn", "Án", "Ãn", "Ản", "Àn", "An"]

    ordered = sorted((f"Lê {g}" for g in given), key=name_sort_key)

    assert [name.split()[-1] for name in ordered] == ["An", "Àn", "Ản", "Ãn", "Án", "Ạn", "Anh"]


def test_same_given_name_orders_by_family_then_middle_name():
    names = ["Trần Văn Hùng", "Lê Thị Hùng", "Lê Minh Hùng"]

    assert sorted(names, key=name_sort_key) == ["Lê Minh Hùng", "Lê Thị Hùng", "Trần Văn Hùng"]


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Nguyễn Văn A", "nguyen van a"), ("ĐỖ THỊ ĐÀO", "do thi dao"), ("  Lê   Ánh ", "le anh")],
)
def test_fold_drops_diacritics_case_and_extra_spaces(text, folded):
    assert fold(text) == folded


def test_search_terms_are_folded_words():
    assert search_terms("Nguyễn  văn") == ["nguyen", "van"]


def test_date_in_words_reads_like_a_document():
    assert date_in_words(dt.date(2024, 6, 12)) == "ngày 12 tháng 6 năm 2024"


def test_the_hour_of_a_meeting_reads_like_the_plan():
    assert time_in_words(dt.datetime(2024, 7, 23, 14, 0)) == "14h00 ngày 23 tháng 7 năm 2024"
    assert time_in_words(dt.datetime(2024, 7, 5, 7, 30)) == "7h30 ngày 5 tháng 7 năm 2024"
    assert weekday_name(dt.date(2024, 7, 23)) == "thứ ba"


def test_money_is_grouped_with_dots():
    assert money(1_200_000_000) == "1.200.000.000 đồng"
    assert money(0) == "0 đồng"


def test_counts_are_grouped_with_dots_too():
    assert thousands(250_000) == "250.000"
    assert thousands(999) == "999"
    assert thousands(-1_250) == "-1.250"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (1_015, "một nghìn không trăm mười lăm"),
        (80_000_000, "tám mươi triệu"),
        (1_200_000_000, "một tỷ hai trăm triệu"),
    ],
)
def test_numbers_in_words(number, words):
    assert number_in_words(number) == words


def test_money_in_words_starts_with_a_capital():
    assert money_in_words(1_200_000_000) == "Một tỷ hai trăm triệu đồng"
