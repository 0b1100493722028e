"""The initiative sheets: the import, with the columns federations already use to collect
initiatives on paper (the form of Thông tư 18/2013), and the export of a filtered list.

Headers and help stay Vietnamese in every language (see base.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from thidua.campaigns.models import Programme
from thidua.initiatives.enums import SolutionKind, Status
from thidua.spreadsheets import reader
from thidua.spreadsheets.base import Column, SheetSpec
from thidua.spreadsheets.parsing import AUTHORS_EXAMPLE, parse_authors, parse_money, share_text
from thidua.spreadsheets.sheets import DATE_HELP, _label_of, _labels

MONEY_FORMAT = "#,##0"
# A cell holds at most 32,767 characters; the long descriptions may use all of them.
LONG_TEXT = 32767
SOLUTION_ALIASES = {
    "Kỹ thuật": SolutionKind.TECHNICAL,
    "Quản lý": SolutionKind.MANAGEMENT,
    "Tác nghiệp": SolutionKind.OPERATIONAL,
    "Ứng dụng": SolutionKind.APPLIED,
    "Ứng dụng tiến bộ kỹ thuật": SolutionKind.APPLIED,
}


def _long(header: str, field: str, *aliases: str, help: str = "") -> Column:
    return Column(header, field, reader.text(LONG_TEXT), width=40, aliases=aliases, help=help)


def _solution_kind(**extra: Any) -> Column:
    return Column(
        "Loại giải pháp", "solution_kind", reader.choice(SolutionKind, SOLUTION_ALIASES),
        width=30, choices=_labels(SolutionKind), to_cell=_label_of(SolutionKind),
        display=_label_of(SolutionKind), **extra,
    )  # fmt: skip


IMPORT_SHEET = SheetSpec(
    title="Sáng kiến",
    what="sáng kiến",
    columns=(
        Column("STT", "number", reader.text(16), width=6, help="Số thứ tự; không bắt buộc."),
        Column("Tên sáng kiến", "title", reader.text(500, collapse=True), required=True,
               width=48),
        Column(
            "Tác giả và tỷ lệ đóng góp", "authors", parse_authors, required=True, width=40,
            aliases=("Tác giả", "Tác giả (tỷ lệ)", "Tác giả, tỷ lệ đóng góp"),
            help=f"Ví dụ: {AUTHORS_EXAMPLE}. Một tác giả không ghi tỷ lệ là 100%. Tác giả "
            "được tìm theo họ tên trong danh sách người của CĐCS; người chưa có sẽ được thêm "
            "mới (giới tính đoán theo tên đệm “Thị”, hãy sửa trên trang người nếu sai).",
        ),
        Column(
            "Mã CĐCS", "unit_code", reader.text(32), required=True, width=14,
            aliases=("Mã công đoàn cơ sở", "Mã đơn vị"),
            help="Mã của công đoàn cơ sở đăng ký sáng kiến, trong phạm vi bạn quản lý.",
        ),
        Column("Lĩnh vực", "field", reader.text(120, collapse=True), required=True, width=26,
               help="Tên một lĩnh vực của chương trình; chọn trong danh sách."),
        _solution_kind(required=True, help="Chọn trong danh sách."),
        Column("Đơn vị áp dụng", "applying_unit_name", reader.text(255), width=30,
               help="Cơ quan, doanh nghiệp áp dụng sáng kiến; để trống thì là tên CĐCS."),
        Column("Ngày áp dụng", "first_applied_on", reader.past_date, required=True, width=14,
               is_date=True, aliases=("Ngày áp dụng lần đầu",),
               help="Ngày áp dụng lần đầu hoặc áp dụng thử. " + DATE_HELP),
        _long("Tình trạng trước khi có sáng kiến", "prior_situation"),
        _long("Nội dung và tính mới", "novelty", "Nội dung và tính mới của sáng kiến",
              help="Bắt buộc khi nộp."),
        _long("Cách thức áp dụng", "application", "Cách thức, khả năng áp dụng"),
        _long("Điều kiện áp dụng", "conditions", "Điều kiện cần thiết để áp dụng"),
        Column(
            "Giá trị làm lợi (đồng/năm)", "benefit_value", parse_money, blank=None, width=20,
            number_format=MONEY_FORMAT,
            aliases=("Giá trị làm lợi", "Giá trị làm lợi (đồng)"),
            help="Số đồng làm lợi mỗi năm, ví dụ 1.200.000.000, 1,2 tỷ hoặc 800 triệu. Khi nộp "
            "phải có giá trị làm lợi hoặc lợi ích không tính được bằng tiền.",
        ),
        _long("Cách tính giá trị làm lợi", "benefit_basis"),
        _long("Lợi ích không tính được bằng tiền", "non_monetary_benefit"),
        Column("Xác nhận giá trị làm lợi", "benefit_certified_by", reader.text(255), width=30,
               aliases=("Đơn vị, người xác nhận giá trị làm lợi",),
               help="Đơn vị hoặc người xác nhận giá trị làm lợi."),
        Column("Bảo mật (Có/Không)", "confidential", reader.yes_no, blank=False, width=12,
               choices=("Có", "Không"), aliases=("Bảo mật", "Có nội dung cần bảo mật"),
               help="Có: ngoài công đoàn cơ sở và hội đồng, chỉ hiện tên, lĩnh vực, tình trạng. "
               "Để trống là Không."),
    ),
)  # fmt: skip


def import_sheet(programme: Programme) -> SheetSpec:
    """The import sheet with the programme's fields as the drop-down of "Lĩnh vực"."""
    names = tuple(programme.fields.order_by("order", "name").values_list("name", flat=True))
    columns = tuple(
        replace(column, choices=names) if column.field == "field" else column
        for column in IMPORT_SHEET.columns
    )
    return replace(IMPORT_SHEET, columns=columns)


def authors_cell(authors: Any) -> str:
    """[(person, 70), (person, 30)] -> 'Nguyễn Văn An (70%); Lê Thị Bình (30%)', as imported."""
    if not authors:
        return ""
    return "; ".join(f"{name} ({share_text(share)}%)" for name, share in authors)


EXPORT_SHEET = SheetSpec(
    title="Sáng kiến",
    what="sáng kiến",
    columns=(
        Column("STT", "number", reader.whole_number, width=6),
        Column("Mã", "code", reader.text(40), width=16),
        Column("Tên sáng kiến", "title", reader.text(500), width=48),
        Column("Tác giả (tỷ lệ)", "authors", parse_authors, width=40, to_cell=authors_cell),
        Column("Đơn vị (CĐCS)", "unit", reader.text(255), width=36),
        Column("Lĩnh vực", "field", reader.text(120), width=24),
        _solution_kind(),
        Column("Giá trị làm lợi (đồng)", "benefit_value", parse_money, width=20,
               number_format=MONEY_FORMAT),
        Column("Ngày áp dụng", "first_applied_on", reader.date, width=14, is_date=True),
        Column("Tình trạng", "status", reader.choice(Status), width=22, to_cell=_label_of(Status)),
        Column("Cấp đang xét", "current_level", reader.text(120), width=26),
        Column("Đơn vị đang giữ", "current_unit", reader.text(255), width=36),
    ),
)  # fmt: skip
