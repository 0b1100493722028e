"""Assigning reviewers from Excel: the secretary fills in the council's template (one row per
initiative, a member's username under "Thành viên 1", "Thành viên 2"...) or a plain list of
pairs ("Mã sáng kiến", "Tài khoản thành viên"); the file becomes rows of (row number,
initiative code, username) for `reviews.services.assignments_import`, which writes all of them
or none.

The file is read by the same reader as every other import (reader.py): a file that is not an
xlsx, is empty or lacks the columns is refused as a whole; a cell that cannot be read is
reported with its row and column, and then nothing is assigned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.reviews import services as reviews
from thidua.reviews.models import Council
from thidua.spreadsheets import reader
from thidua.spreadsheets.base import CREATE, Column, ImportReport, Problem, RowOutcome, SheetSpec
from thidua.spreadsheets.reader import FileRejected, Source, read_sheet

ASSIGNMENT_TITLE = "Phân công"
CODE_HEADER = "Mã sáng kiến"
MEMBER_HEADER = "Tài khoản thành viên"
# The template has as many member columns as the council wants reviewers per initiative;
# a secretary may add more, up to this many, and they are read too.
MAX_MEMBER_COLUMNS = 50
USERNAME_LENGTH = 150  # Django's username

AssignmentRow = tuple[int, str, str]
"""(Excel row number, initiative code, member username)."""


def _ignored(value: Any) -> None:
    """Columns the template writes for the secretary to read (title, field, unit, who is
    assigned already): read past, whatever they hold."""
    return None


def member_header(number: int) -> str:
    return f"Thành viên {number}"


def member_field(number: int) -> str:
    return f"member_{number}"


def assignment_sheet(members: int) -> SheetSpec:
    """The template's sheet with `members` columns for usernames; the import reads the same
    columns plus "Tài khoản thành viên", for a plain list of pairs."""
    username_help = "Tài khoản đăng nhập của thành viên, xem trang “Thành viên”."
    return SheetSpec(
        title=ASSIGNMENT_TITLE,
        what="phân công chấm",
        columns=(
            Column(CODE_HEADER, "code", reader.text(40), required=True, width=16,
                   aliases=("Mã", "Mã số sáng kiến"),
                   help="Mã sáng kiến do thidua cấp; không sửa."),
            Column("Tên sáng kiến", "title", _ignored, width=48),
            Column("Lĩnh vực", "field", _ignored, width=24),
            Column("Đơn vị", "unit", _ignored, width=36),
            Column("Đã phân công", "assigned", _ignored, width=30,
                   help="Những thành viên đang chấm sáng kiến này; chỉ để xem, không cần ghi lại."),
            Column(MEMBER_HEADER, "member", reader.text(USERNAME_LENGTH), width=22,
                   aliases=("Tài khoản", "Thành viên", "Tên đăng nhập"), help=username_help),
            *(
                Column(member_header(number), member_field(number),
                       reader.text(USERNAME_LENGTH), width=18, help=username_help)
                for number in range(1, members + 1)
            ),
        ),
    )  # fmt: skip


IMPORT_SHEET = assignment_sheet(MAX_MEMBER_COLUMNS)


def is_member_field(name: str) -> bool:
    """A column that holds a username: "Tài khoản thành viên" or "Thành viên k"."""
    return name == "member" or name.startswith("member_")


@dataclass
class AssignmentFile:
    """What an uploaded file asks for: `rows` for the service, or `problems` with cells
    (when there is any, none of the rows may be used)."""

    rows: list[AssignmentRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_assignments(file: Source, *, max_bytes: int | None = None) -> AssignmentFile:
    """The (row, code, username) pairs of an uploaded assignment workbook, in the order of the
    rows and, within a row, of the columns. A row with a code and no member is skipped: the
    secretary leaves it for later. Raises FileRejected when the file cannot be used at all
    (not an xlsx, empty, no code column or no member column, no assignment at all)."""
    limit = settings.THIDUA_IMPORT_MAX_BYTES if max_bytes is None else max_bytes
    sheet = read_sheet(file, IMPORT_SHEET, max_bytes=limit)
    members = [name for name in sheet.letters if is_member_field(name)]
    if not members:
        raise FileRejected(
            [
                Problem(
                    _(
                        "Thiếu cột thành viên: ghi tài khoản thành viên vào các cột "
                        "“%(first)s”, “%(second)s”... hoặc cột “%(pairs)s”. Hãy dùng tệp mẫu."
                    )
                    % {
                        "first": member_header(1),
                        "second": member_header(2),
                        "pairs": MEMBER_HEADER,
                    }
                )
            ]
        )
    result = AssignmentFile(warnings=sheet.warnings)
    for row in sheet.rows:
        result.problems += row.problems
        code = row.values.get("code")
        if not code:
            continue
        for name in members:
            username = row.values.get(name)
            if username:
                result.rows.append((row.number, code, username))
    if not result.rows and not result.problems:
        raise FileRejected(
            [
                Problem(
                    _(
                        "Tệp chưa có phân công nào: hãy ghi tài khoản thành viên vào cột "
                        "“%(first)s”."
                    )
                    % {"first": member_header(1)}
                )
            ]
        )
    return result


def assignments_upload(
    *, actor: Any, council: Council, file: Source, dry_run: bool
) -> ImportReport:
    """Assign reviewers from an uploaded workbook through `assignments_import`: every row or
    none. With `dry_run` the same checks run and are rolled back, for a preview. The caller
    has checked that `actor` may run the council (reviews.permissions.council_for_user with
    manage=True).

    Side effects, only when not `dry_run` and every row is clean: one assignment per pair,
    each audited (see assignments_import)."""
    report = ImportReport(what=_("phân công chấm"), dry_run=dry_run)
    try:
        upload = read_assignments(file)
    except FileRejected as exc:
        report.problems, report.rejected = exc.problems, True
        return report
    report.warnings = upload.warnings
    if upload.problems:
        report.problems = upload.problems
        return report
    report.rows = [
        RowOutcome(row=number, action=CREATE, label=f"{code} – {username}")
        for number, code, username in upload.rows
    ]
    with transaction.atomic():
        try:
            reviews.assignments_import(actor=actor, council=council, rows=upload.rows)
        except ValidationError as exc:
            # The service names the row in each message ("Dòng 4: ...").
            report.problems = [Problem(message) for message in exc.messages]
        report.applied = not dry_run and report.ok
        if not report.applied:
            transaction.set_rollback(True)
    return report
