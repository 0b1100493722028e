"""The file alone: what counts as an xlsx, which column is which, what a cell says. No
database."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from tests.spreadsheets.conftest import PERSON_HEADERS, person_row, xlsx
from thidua.spreadsheets import reader
from thidua.spreadsheets.base import CellError, file_size
from thidua.spreadsheets.reader import NOT_XLSX, FileRejected, read_sheet
from thidua.spreadsheets.sheets import PERSON_SHEET

MAX = 1024 * 1024


def _rejection(source) -> list[str]:
    with pytest.raises(FileRejected) as caught:
        read_sheet(source, PERSON_SHEET, max_bytes=MAX)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.datetime(1990, 7, 28), dt.date(1990, 7, 28)),
        (dt.date(1990, 7, 28), dt.date(1990, 7, 28)),
        ("28/07/1990", dt.date(1990, 7, 28)),
        ("8/7/1990", dt.date(1990, 7, 8)),
        ("28-07-1990", dt.date(1990, 7, 28)),
        ("1990-07-28", dt.date(1990, 7, 28)),
    ],
)
def test_date_cell_accepts_excel_dates_and_day_month_year_text(cell, expected):
    assert reader.date(cell) == expected


@pytest.mark.parametrize("cell", ["31/02/1990", "28.07", "hôm qua", 32000])
def test_date_cell_rejects_what_is_not_a_day(cell):
    with pytest.raises(CellError, match="ngày/tháng/năm"):
        reader.date(cell)


@pytest.mark.parametrize("cell", ["Nữ", "nữ", "NU", "nu", " Nu "])
def test_choice_cell_matches_label_or_code_whatever_the_case_and_diacritics(cell):
    gender = PERSON_SHEET.column("gender").parse

    assert gender(cell) == "nu"


def test_choice_cell_names_the_allowed_values():
    gender = PERSON_SHEET.column("gender").parse

    with pytest.raises(CellError) as caught:
        gender("Khác")

    assert str(caught.value) == "“Khác” không có trong danh sách; chọn một trong: Nam; Nữ."


def test_choice_cell_accepts_common_short_forms():
    category = PERSON_SHEET.column("member_category").parse
    education = PERSON_SHEET.column("education_level").parse

    assert category("Cán bộ quản lý") == "manager"
    assert education("Thạc sỹ") == "thac_si"


def test_id_number_typed_as_a_number_gets_its_leading_zero_back():
    assert reader.id_number(31190001234) == "031190001234"
    with pytest.raises(CellError, match="12 chữ số"):
        reader.id_number("12345")


def test_phone_typed_as_a_number_gets_its_leading_zero_back():
    assert reader.phone(912345678) == "0912345678"


@pytest.mark.parametrize(("cell", "expected"), [("Có", True), ("không", False), ("x", True)])
def test_yes_no_cell_reads_vietnamese(cell, expected):
    assert reader.yes_no(cell) is expected


def test_headers_match_whatever_the_case_diacritics_and_spaces():
    headers = ["HỌ VÀ TÊN", "gioi tinh", " Mã  đơn vị: ", "Ghi chú"]
    source = xlsx(headers, [["Trần Văn An", "Nam", "HP-AL-001", "x"]])

    sheet = read_sheet(source, PERSON_SHEET, max_bytes=MAX)

    assert sheet.rows[0].values == {
        "full_name": "Trần Văn An", "gender": "nam", "unit_code": "HP-AL-001",
    }  # fmt: skip
    assert sheet.warnings == ["Bỏ qua các cột không dùng: Ghi chú."]


def test_row_numbers_are_the_ones_excel_shows():
    rows = [person_row(name="A", gender="Nam", unit="U1"), [None] * 12,
            person_row(name="B", gender="Nam", unit="U1")]  # fmt: skip

    sheet = read_sheet(xlsx(PERSON_HEADERS, rows), PERSON_SHEET, max_bytes=MAX)

    assert [row.number for row in sheet.rows] == [2, 4]


def test_text_file_renamed_xlsx_is_refused_in_vietnamese():
    source = io.BytesIO("Họ và tên,Giới tính\nTrần Văn An,Nam\n".encode())

    assert _rejection(source) == [NOT_XLSX]


def test_zip_that_is_not_a_workbook_is_refused():
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")

    assert _rejection(source) == [NOT_XLSX]


def test_empty_file_is_refused():
    assert _rejection(io.BytesIO(b"")) == ["Tệp rỗng, không có dữ liệu."]


def test_file_over_the_size_limit_is_refused():
    source = xlsx(PERSON_HEADERS, [])

    with pytest.raises(FileRejected, match=r"Tệp quá lớn \(\d+ KB\); tối đa 1 KB\."):
        read_sheet(source, PERSON_SHEET, max_bytes=100)


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (1000, "1 KB"),
        (20 * 1024 * 1024, "20 MB"),
        (1572864, "1,5 MB"),
        (10 * 1024 * 1024 + 1, "10 MB"),
    ],
)
def test_file_sizes_read_the_vietnamese_way(size, text):
    assert file_size(size) == text


def test_missing_required_columns_are_named():
    source = xlsx(["Họ và tên", "Ngày sinh"], [["Trần Văn An", "01/01/1990"]])

    assert _rejection(source) == ["Thiếu cột bắt buộc: “Giới tính”, “Mã đơn vị”. Hãy dùng tệp mẫu."]


def test_header_without_data_rows_is_refused():
    assert _rejection(xlsx(PERSON_HEADERS, [])) == [
        "Không có dòng dữ liệu nào dưới dòng tiêu đề (dòng 1)."
    ]


def test_a_column_given_twice_is_refused():
    source = xlsx(["Họ và tên", "Giới tính", "Mã đơn vị", "Họ tên"], [["A", "Nam", "U1", "B"]])

    assert _rejection(source) == ["Dòng 1: Cột “Họ và tên” xuất hiện hai lần (cột A và cột D)."]


def test_bad_cells_stay_on_their_row_with_column_and_letter():
    rows = [person_row(name="Trần Văn An", gender="Khác", born="31/02/1990", unit="U1")]

    sheet = read_sheet(xlsx(PERSON_HEADERS, rows), PERSON_SHEET, max_bytes=MAX)

    assert [str(problem) for problem in sheet.rows[0].problems] == [
        "Dòng 2, cột “Giới tính” (C): “Khác” không có trong danh sách; chọn một trong: Nam; Nữ.",
        "Dòng 2, cột “Ngày sinh” (D): “31/02/1990” không phải là ngày có thật; hãy ghi theo "
        "dạng ngày/tháng/năm, ví dụ 28/07/1990.",
    ]
