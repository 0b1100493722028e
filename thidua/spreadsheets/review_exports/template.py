"""The template the secretary fills in to assign reviewers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Count
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.reviews.enums import AssignmentStatus
from thidua.reviews.models import Council
from thidua.reviews.selectors import active_members, council_initiatives
from thidua.spreadsheets.base import SheetSpec
from thidua.spreadsheets.review_exports.base import Table, TablesDocument, report_column, role_name
from thidua.spreadsheets.review_import import assignment_sheet, is_member_field

MEMBERS_TITLE = "Thành viên"
MEMBERS_SPEC = SheetSpec(
    title=MEMBERS_TITLE,
    what="thành viên",
    columns=(
        report_column("Tài khoản", "username", width=20),
        report_column("Họ và tên", "name", width=26),
        report_column("Vai trò", "role", width=24),
        report_column("Chức vụ, đơn vị công tác", "title", width=36),
        report_column("Lĩnh vực chuyên môn", "fields", width=36),
        report_column("Số sáng kiến đang chấm", "load", width=12),
        report_column("Tối đa", "cap", width=8),
    ),
)
GUIDE_SPEC = SheetSpec(
    title="Hướng dẫn",
    what="dòng",
    columns=(report_column("Hướng dẫn phân công chấm", "line", width=100),),
)
GUIDE_LINES = (
    "Trang “Phân công”: mỗi dòng một sáng kiến. Ghi tài khoản của thành viên chấm sáng kiến "
    "đó vào các cột “Thành viên 1”, “Thành viên 2”... (chọn trong danh sách, hoặc xem trang "
    "“Thành viên”). Dòng để trống các cột thành viên thì bỏ qua.",
    "Cột “Đã phân công” cho biết ai đang chấm sáng kiến đó; không ghi lại họ, chỉ ghi người "
    "cần thêm.",
    "Không phân công thành viên là tác giả, cùng công đoàn cơ sở với tác giả, hoặc đã khai báo "
    "xung đột lợi ích với sáng kiến.",
    "Khi nhập, thidua kiểm tra cả tệp. Nếu có một dòng lỗi thì không phân công dòng nào.",
)


class AssignmentTemplate(TablesDocument):
    """The council's initiatives with empty "Thành viên 1..N" columns (N = reviewers per
    initiative, with a drop-down of the members' usernames), and its members on a second
    sheet, for the secretary to fill in and import (review_import.read_assignments)."""

    def __init__(self, *, council: Council) -> None:
        self.council = council
        self.name = f"mau-phan-cong-hoi-dong-{council.pk}"

    def tables(self) -> Iterator[Table]:
        council = self.council
        members = list(active_members(council).select_related("user"))
        spec = assignment_sheet(max(council.reviewers_per_item, 1)).without("member")
        usernames = _usernames_list(spec, len(members))
        yield Table(spec, self._initiative_rows(), validations=usernames)
        loads = self._loads()
        yield Table(
            MEMBERS_SPEC,
            [
                {
                    "username": seat.user.username,
                    "name": seat.name,
                    "role": role_name(seat.role),
                    "title": seat.title,
                    "fields": "; ".join(f.name for f in seat.fields.all()),
                    "load": loads.get(seat.pk, 0),
                    "cap": seat.load_cap if seat.load_cap is not None else council.load_cap,
                }
                for seat in members
            ],
        )
        yield Table(GUIDE_SPEC, [{"line": line} for line in GUIDE_LINES])

    def _loads(self) -> dict[int, int]:
        rows = (
            self.council.assignments.filter(status=AssignmentStatus.ACTIVE)
            .values("member_id")
            .annotate(total=Count("id"))
        )
        return {row["member_id"]: row["total"] for row in rows}

    def _initiative_rows(self) -> Iterator[dict[str, Any]]:
        assigned: dict[int, list[str]] = {}
        for initiative_id, username in (
            self.council.assignments.filter(status=AssignmentStatus.ACTIVE)
            .order_by("member_id")
            .values_list("initiative_id", "member__user__username")
        ):
            assigned.setdefault(initiative_id, []).append(username)
        initiatives = (
            council_initiatives(self.council).select_related("field", "unit").order_by("code")
        )
        for initiative in initiatives:
            yield {
                "code": initiative.code,
                "title": initiative.title,
                "field": initiative.field.name,
                "unit": initiative.unit.name,
                "assigned": ", ".join(assigned.get(initiative.pk, [])),
            }


def _usernames_list(spec: SheetSpec, members: int) -> list[DataValidation]:
    """A drop-down of the members' usernames on every "Thành viên k" column."""
    if members == 0:
        return []
    source = f"{quote_sheetname(MEMBERS_TITLE)}!$A$2:$A${members + 1}"
    validation = DataValidation(type="list", formula1=source, allow_blank=True)
    for index, column in enumerate(spec.columns, start=1):
        if is_member_field(column.field):
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}1048576")
    return [validation]
