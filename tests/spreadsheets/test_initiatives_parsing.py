"""Money, dates, authors and text as people type them into Excel; no database."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

import pytest

from thidua.spreadsheets import reader
from thidua.spreadsheets.base import CellError
from thidua.spreadsheets.parsing import clean_text, parse_authors, parse_money, share_text


@pytest.mark.parametrize(
    ("typed", "dong"),
    [
        ("1.200.000.000", 1_200_000_000),
        ("1,2 tỷ", 1_200_000_000),
        ("1,2 tỉ", 1_200_000_000),
        ("800 triệu", 800_000_000),
        ("800tr", 800_000_000),
        ("1200000000", 1_200_000_000),
        ("1 200 000 000", 1_200_000_000),
        ("1\u00a0200\u00a0000\u00a0000", 1_200_000_000),
        ("1.200.000.000 đồng", 1_200_000_000),
        ("1.200.000.000 VNĐ", 1_200_000_000),
        ("1.200.000.000 đ/năm", 1_200_000_000),
        ("1,200,000,000", 1_200_000_000),
        ("1.200.000.000,00", 1_200_000_000),
        ("1 tỷ 200 triệu", 1_200_000_000),
        ("1.5 tỷ", 1_500_000_000),
        ("1.500 triệu", 1_500_000_000),
        ("1,5 triệu", 1_500_000),
        ("0,5 tỷ", 500_000_000),
        ("150 nghìn", 150_000),
        (unicodedata.normalize("NFD", "2 tỷ đồng"), 2_000_000_000),
        ("0", 0),
        (1_200_000_000, 1_200_000_000),
        (1.2e9, 1_200_000_000),
    ],
)
def test_parse_money_reads_what_people_type(typed, dong):
    assert parse_money(typed) == dong


@pytest.mark.parametrize(
    "typed",
    ["1,2,3 tỷ", "1.2.3", "1.234.5", "abc", "-5", "đồng", "200 triệu 1 tỷ", "1 tỷ 200", -1, True],
)
def test_parse_money_rejects_what_is_not_a_sum(typed):
    with pytest.raises(CellError, match="không phải là số tiền"):
        parse_money(typed)


@pytest.mark.parametrize("typed", ["1,5", "1.234,5", 12.5, "0,0000000001 tỷ"])
def test_parse_money_rejects_parts_of_a_dong(typed):
    with pytest.raises(CellError, match="không phải là số đồng chẵn"):
        parse_money(typed)


def test_parse_money_rejects_an_implausible_sum():
    with pytest.raises(CellError, match="lớn quá mức"):
        parse_money("5.000.000 tỷ")


def test_bad_money_message_names_the_value_and_gives_examples():
    with pytest.raises(CellError) as error:
        parse_money("1,2,3 tỷ")

    assert str(error.value) == (
        "“1,2,3 tỷ” không phải là số tiền; hãy ghi ví dụ 1.200.000.000, 1,2 tỷ hoặc 800 triệu."
    )


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("13/7/2024", dt.date(2024, 7, 13)),
        ("13-07-2024", dt.date(2024, 7, 13)),
        ("13.07.2024", dt.date(2024, 7, 13)),
        ("\u00a013/07/2024\u200b", dt.date(2024, 7, 13)),
        (dt.datetime(2024, 7, 13), dt.date(2024, 7, 13)),
        (dt.date(2024, 7, 13), dt.date(2024, 7, 13)),
    ],
)
def test_dates_read_as_typed_or_as_excel_dates(typed, day):
    assert reader.date(typed) == day


@pytest.mark.parametrize("typed", ["31/02/2024", "2024", "13/7", "hôm qua"])
def test_bad_dates_are_rejected(typed):
    with pytest.raises(CellError):
        reader.date(typed)


def test_clean_text_gives_nfc_and_plain_spaces():
    decomposed = unicodedata.normalize("NFD", "Cải tiến bơm tăng áp")

    cleaned = clean_text(f"\u00a0{decomposed}\u200b ")

    assert cleaned == "Cải tiến bơm tăng áp"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_text_cells_are_stored_in_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn\u00a0Thị  Ánh")

    assert reader.text(120, collapse=True)(decomposed) == "Nguyễn Thị Ánh"


@pytest.mark.parametrize(
    ("typed", "authors"),
    [
        ("Nguyễn Văn An", [("Nguyễn Văn An", 100)]),
        (
            "Nguyễn Văn An (70%); Lê Thị Bình (30%)",
            [("Nguyễn Văn An", 70), ("Lê Thị Bình", 30)],
        ),
        ("Nguyễn Văn An - 70%, Lê Thị Bình: 30%", [("Nguyễn Văn An", 70), ("Lê Thị Bình", 30)]),
        (
            "1. Nguyễn Văn An (33,33%)\n2. Lê Thị Bình (66,67%)",
            [("Nguyễn Văn An", Decimal("33.33")), ("Lê Thị Bình", Decimal("66.67"))],
        ),
        ("Nguyễn  Văn\u00a0An (100)", [("Nguyễn Văn An", 100)]),
    ],
)
def test_parse_authors_reads_names_and_shares(typed, authors):
    assert [(name, Decimal(share)) for name, share in authors] == list(parse_authors(typed))


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("Nguyễn Văn An (70%); Lê Thị Bình (20%)", "phải bằng 100% (hiện là 90%)"),
        ("Nguyễn Văn An (70%); Lê Thị Bình", "Chưa ghi tỷ lệ đóng góp của: Lê Thị Bình"),
        ("Nguyễn Văn An (50%); Nguyen Van An (50%)", "được ghi hơn một lần"),
        ("Nguyễn Văn An 70", "Không đọc được tác giả “Nguyễn Văn An 70”"),
        ("An (33,333%); Bình (66,667%)", "tối đa hai chữ số thập phân"),
        ("(70%)", "Không đọc được tác giả"),
    ],
)
def test_parse_authors_names_what_is_wrong(typed, problem):
    with pytest.raises(CellError, match=re.escape(problem)):
        parse_authors(typed)


def test_share_text_writes_shares_as_they_are_imported():
    assert [share_text(Decimal("70.00")), share_text(Decimal("33.33"))] == ["70", "33,33"]
