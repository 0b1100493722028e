"""Assigning reviewers from Excel: the template or a plain two-column list becomes (row, code,
username) rows; a file that cannot be used is refused whole, and a bad cell or a bad pair names
its row, with nothing assigned."""

from __future__ import annotations

import io

import pytest

from tests.initiatives.conftest import kg  # noqa: F401 - kg is a fixture
from tests.spreadsheets.conftest import xlsx
from tests.spreadsheets.test_review_exports import make_council
from thidua.reviews.enums import AssignmentSource, AssignmentStatus
from thidua.reviews.models import Assignment
from thidua.spreadsheets.reader import NOT_XLSX, FileRejected
from thidua.spreadsheets.review_import import assignments_upload, read_assignments

MAX = 1024 * 1024
TEMPLATE_HEADERS = [
    "Mã sáng kiến", "Tên sáng kiến", "Lĩnh vực", "Đơn vị", "Đã phân công",
    "Thành viên 1", "Thành viên 2", "Thành viên 3",
]  # fmt: skip
PAIR_HEADERS = ["Mã sáng kiến", "Tài khoản thành viên"]


def rejection(source) -> list[str]:
    with pytest.raises(FileRejected) as caught:
        read_assignments(source, max_bytes=MAX)
    return [str(problem) for problem in caught.value.problems]


def named(content: bytes) -> io.BytesIO:
    out = io.BytesIO(content)
    out.name = "phan-cong.xlsx"
    return out


def test_template_rows_become_one_row_per_member_in_column_order():
    source = xlsx(
        TEMPLATE_HEADERS,
        [
            ["KG75-00001", "Bơm tăng áp", "Sản xuất kinh doanh", "CĐ Cấp nước", "hd_withdrawn",
             "hd_chair", None, "hd_member"],
            ["KG75-00002", "Tàu cá", "Sản xuất kinh doanh", "CĐ Cảng cá", None,
             None, None, None],
            ["KG75-00003", "Sổ điểm", "Giáo dục", "CĐ THPT", None, " hd_secretary ", None, None],
        ],
        title="Phân công",
    )  # fmt: skip

    upload = read_assignments(source, max_bytes=MAX)

    assert upload.rows == [
        (2, "KG75-00001", "hd_chair"),
        (2, "KG75-00001", "hd_member"),
        (4, "KG75-00003", "hd_secretary"),
    ]
    assert (upload.problems, upload.warnings) == ([], [])


def test_a_plain_two_column_list_is_read_whatever_the_sheets_name():
    source = xlsx(
        ["MÃ SÁNG KIẾN", "tai khoan thanh vien", "Ghi chú"],
        [["KG75-00001", "hd_chair", "chấm trước"], ["KG75-00001", 84912345678, None]],
        title="Sheet1",
    )

    upload = read_assignments(source, max_bytes=MAX)

    assert upload.rows == [(2, "KG75-00001", "hd_chair"), (3, "KG75-00001", "84912345678")]
    assert upload.warnings == ["Bỏ qua các cột không dùng: Ghi chú."]


def test_a_file_that_is_not_an_xlsx_is_refused_by_its_content():
    source = named("Mã sáng kiến,Tài khoản thành viên\nKG75-00001,hd_chair\n".encode())

    assert rejection(source) == [str(NOT_XLSX)]


def test_an_empty_file_is_refused():
    assert rejection(named(b"")) == ["Tệp rỗng, không có dữ liệu."]


def test_a_sheet_with_only_headers_is_refused():
    assert rejection(xlsx(PAIR_HEADERS, [])) == [
        "Không có dòng dữ liệu nào dưới dòng tiêu đề (dòng 1)."
    ]


def test_a_file_without_the_code_column_is_refused():
    source = xlsx(["Tên sáng kiến", "Thành viên 1"], [["Bơm tăng áp", "hd_chair"]])

    assert rejection(source) == ["Thiếu cột bắt buộc: “Mã sáng kiến”. Hãy dùng tệp mẫu."]


def test_a_file_without_any_member_column_is_refused():
    source = xlsx(["Mã sáng kiến", "Tên sáng kiến"], [["KG75-00001", "Bơm tăng áp"]])

    (message,) = rejection(source)
    assert message.startswith("Thiếu cột thành viên")
    assert "“Thành viên 1”" in message and "“Tài khoản thành viên”" in message


def test_a_template_with_no_member_filled_in_is_refused():
    source = xlsx(TEMPLATE_HEADERS[:6], [["KG75-00001", "Bơm tăng áp", None, None, None, None]])

    assert rejection(source) == [
        "Tệp chưa có phân công nào: hãy ghi tài khoản thành viên vào cột “Thành viên 1”."
    ]


def test_bad_cells_are_reported_with_their_row_and_column():
    source = xlsx(
        PAIR_HEADERS,
        [["KG75-00001", "hd_chair"], [None, "hd_member"], ["KG75-00002", "x" * 151]],
    )

    upload = read_assignments(source, max_bytes=MAX)

    assert [str(problem) for problem in upload.problems] == [
        "Dòng 3, cột “Mã sáng kiến” (A): Ô này không được để trống.",
        "Dòng 4, cột “Tài khoản thành viên” (B): Dài quá 150 ký tự (hiện có 151).",
    ]


def test_upload_assigns_every_pair_of_a_clean_file(kg):
    scored = make_council(kg, 2)
    first, second = (initiative.code for initiative in scored.initiatives)
    source = xlsx(PAIR_HEADERS, [[first, "hd_chair"], [second, "HD_Member"]])

    report = assignments_upload(actor=None, council=scored.council, file=source, dry_run=False)

    assert (report.ok, report.applied) == (True, True)
    assert [outcome.label for outcome in report.rows] == [
        f"{first} – hd_chair",
        f"{second} – HD_Member",
    ]
    imported = Assignment.objects.filter(
        council=scored.council, source=AssignmentSource.IMPORT, status=AssignmentStatus.ACTIVE
    ).order_by("initiative__code")
    assert [(a.initiative.code, a.member.user.username) for a in imported] == [
        (first, "hd_chair"),
        (second, "hd_member"),
    ]


def test_upload_preview_writes_nothing(kg):
    scored = make_council(kg, 1)
    source = xlsx(PAIR_HEADERS, [[scored.initiatives[0].code, "hd_chair"]])

    report = assignments_upload(actor=None, council=scored.council, file=source, dry_run=True)

    assert (report.ok, report.applied, report.created) == (True, False, 1)
    assert not Assignment.objects.filter(source=AssignmentSource.IMPORT).exists()


def test_upload_with_one_bad_pair_names_its_row_and_assigns_nothing(kg):
    scored = make_council(kg, 2)
    first, second = (initiative.code for initiative in scored.initiatives)
    source = xlsx(
        PAIR_HEADERS,
        [[first, "hd_chair"], [second, "nguoi_la"], ["KG75-99999", "hd_member"],
         [first, "hd_withdrawn"]],
    )  # fmt: skip

    report = assignments_upload(actor=None, council=scored.council, file=source, dry_run=False)

    assert (report.ok, report.applied) == (False, False)
    messages = [str(problem) for problem in report.problems]
    assert messages[:2] == [
        "Dòng 3: “nguoi_la” không phải thành viên hội đồng.",
        "Dòng 4: không có sáng kiến “KG75-99999” trong danh sách hội đồng xét.",
    ]
    assert messages[2].startswith("Dòng 5: ")
    assert not Assignment.objects.filter(source=AssignmentSource.IMPORT).exists()


def test_upload_of_a_bad_cell_assigns_nothing_and_names_the_cell(kg):
    scored = make_council(kg, 1)
    source = xlsx(PAIR_HEADERS, [[scored.initiatives[0].code, "hd_chair"], [None, "hd_member"]])

    report = assignments_upload(actor=None, council=scored.council, file=source, dry_run=False)

    assert [str(problem) for problem in report.problems] == [
        "Dòng 3, cột “Mã sáng kiến” (A): Ô này không được để trống."
    ]
    assert (report.applied, report.rejected) == (False, False)
    assert not Assignment.objects.filter(source=AssignmentSource.IMPORT).exists()


def test_upload_of_a_file_that_is_not_an_xlsx_is_rejected(kg):
    scored = make_council(kg, 1)

    report = assignments_upload(
        actor=None, council=scored.council, file=named(b"not a workbook"), dry_run=False
    )

    assert (report.rejected, [str(p) for p in report.problems]) == (True, [str(NOT_XLSX)])
