"""The two sheets thidua reads and writes: units and people. Headers are what users see in
Excel; `field` is the model field (or, for references, what the service resolves).

Headers, help and choice labels stay Vietnamese in every language (see base.py): a header is how
the reader finds a column, and a label how it reads a cell, so a translated workbook would not
import back for a user who reads the other language."""

from __future__ import annotations

import functools
from typing import Any

from django.db.models import TextChoices

from thidua.orgs.enums import EducationLevel, Gender, MemberCategory, UnitKind
from thidua.orgs.models import code_validator
from thidua.spreadsheets import reader
from thidua.spreadsheets.base import KEEP, Column, SheetSpec, display_value, in_vietnamese


def _labels(choices: type[TextChoices]) -> tuple[Any, ...]:
    """The lazy labels; the exports write them in Vietnamese."""
    return tuple(label for value, label in choices.choices if value)


def _label_of(choices: type[TextChoices]) -> Any:
    @functools.cache
    def labels() -> dict[str, str]:
        return {str(value): in_vietnamese(label) for value, label in choices.choices}

    def label(value: Any) -> str:
        return labels().get(value, display_value(value)) if value else ""

    return label


def _hidden(value: Any) -> str:
    return "***" if value else ""


UNIT_KIND_ALIASES = {"CĐCS": UnitKind.CDCS, "Công đoàn cơ sở": UnitKind.CDCS}
EDUCATION_ALIASES = {"Thạc sỹ": EducationLevel.THAC_SI, "Tiến sỹ": EducationLevel.TIEN_SI}
CATEGORY_ALIASES = {
    "Công nhân": MemberCategory.WORKER,
    "Người lao động": MemberCategory.WORKER,
    "Công nhân, người lao động": MemberCategory.WORKER,
    "Cán bộ, viên chức": MemberCategory.PROFESSIONAL,
    "Viên chức": MemberCategory.PROFESSIONAL,
    "Cán bộ quản lý": MemberCategory.MANAGER,
    "Lãnh đạo": MemberCategory.MANAGER,
    "Quản lý": MemberCategory.MANAGER,
}

DATE_HELP = "Ngày/tháng/năm, ví dụ 28/07/1990; ô kiểu ngày của Excel cũng được."
PHONE_HELP = "Nên định dạng ô là Văn bản để giữ số 0 ở đầu."

UNIT_SHEET = SheetSpec(
    title="Đơn vị",
    what="đơn vị",
    columns=(
        Column(
            "Mã đơn vị", "code", reader.code(code_validator, 32), required=True, width=16,
            help="Mã duy nhất của đơn vị. Mã đã có thì dòng này cập nhật đơn vị đó; mã mới thì "
            "thêm đơn vị mới.",
        ),
        Column("Tên đơn vị", "name", reader.text(255), required=True, width=48,
               aliases=("Tên đầy đủ",), help="Tên đầy đủ của đơn vị."),
        Column("Tên viết tắt", "short_name", reader.text(64), width=14,
               help="Dùng trong số, ký hiệu văn bản, ví dụ LĐLĐ, CĐCS."),
        Column(
            "Loại đơn vị", "kind", reader.choice(UnitKind, UNIT_KIND_ALIASES), required=True,
            width=40, choices=_labels(UnitKind), to_cell=_label_of(UnitKind),
            display=_label_of(UnitKind), help="Chọn trong danh sách.",
        ),
        Column("Địa danh", "place_name", reader.text(100), width=16,
               help="Dùng ở dòng địa danh, ngày tháng của văn bản, ví dụ An Lão."),
        Column(
            "Mã đơn vị cấp trên", "parent_code", reader.text(32), blank=None, width=18,
            aliases=("Mã cấp trên",),
            help="Bắt buộc với đơn vị mới: mã của đơn vị cấp trên trong phạm vi bạn quản lý. "
            "Không đổi được cấp trên của đơn vị đã có khi nhập Excel; hãy dùng chức năng "
            "“Chuyển đơn vị” trên cây tổ chức.",
        ),
        Column("Ngày thành lập", "established_on", reader.date, blank=KEEP, width=14,
               is_date=True, help="Bắt buộc với đơn vị mới. " + DATE_HELP),
        Column("Điện thoại", "phone", reader.phone, width=14, aliases=("Số điện thoại",),
               help=PHONE_HELP),
        Column("Thư điện tử", "email", reader.email, width=26, aliases=("Email", "E-mail")),
    ),
)  # fmt: skip

PERSON_SHEET = SheetSpec(
    title="Người",
    what="người",
    columns=(
        Column(
            "Mã", "id", reader.whole_number, blank=None, width=8, aliases=("Mã người",),
            help="Mã do thidua cấp. Để trống khi thêm người mới; giữ nguyên mã lấy từ tệp xuất "
            "Excel khi sửa thông tin người đã có.",
        ),
        Column("Họ và tên", "full_name", reader.text(120, collapse=True), required=True,
               width=28, aliases=("Họ tên",)),
        Column("Giới tính", "gender", reader.choice(Gender), required=True, width=10,
               choices=_labels(Gender), to_cell=_label_of(Gender), display=_label_of(Gender),
               help="Nam hoặc Nữ."),
        Column("Ngày sinh", "date_of_birth", reader.past_date, blank=None, width=12,
               is_date=True, help=DATE_HELP),
        Column("Chức vụ", "position", reader.text(160), width=24),
        Column("Mã đơn vị", "unit_code", reader.text(32), required=True, width=16,
               help="Mã của công đoàn mà người này thuộc về, trong phạm vi bạn quản lý."),
        Column(
            "Trình độ", "education_level", reader.choice(EducationLevel, EDUCATION_ALIASES),
            width=14, choices=_labels(EducationLevel), to_cell=_label_of(EducationLevel),
            display=_label_of(EducationLevel), help="Chọn trong danh sách; có thể để trống.",
        ),
        Column(
            "Đối tượng", "member_category", reader.choice(MemberCategory, CATEGORY_ALIASES),
            blank=KEEP, width=40, choices=_labels(MemberCategory),
            to_cell=_label_of(MemberCategory), display=_label_of(MemberCategory),
            help="Chọn trong danh sách; để trống thì người mới là “công nhân, người lao động”.",
        ),
        Column("Đoàn viên", "is_union_member", reader.yes_no, blank=KEEP, width=11,
               choices=("Có", "Không"), help="Có hoặc Không; để trống thì người mới là Có."),
        Column("Điện thoại", "phone", reader.phone, width=14, aliases=("Số điện thoại",),
               help=PHONE_HELP),
        Column("Thư điện tử", "email", reader.email, width=26, aliases=("Email", "E-mail")),
        Column(
            "Số CCCD", "id_number", reader.id_number, width=15,
            aliases=("CCCD", "Số định danh cá nhân", "Căn cước công dân"), display=_hidden,
            help="12 chữ số. Dữ liệu cá nhân: chỉ người được xem dữ liệu cá nhân mới nhập được. "
            + PHONE_HELP,
        ),
    ),
)  # fmt: skip
