"""Importing units and people from Excel: read -> check each row against the user's scope ->
write through the orgs services, all in one transaction.

Both imports run every row through the real services inside `transaction.atomic()`, so the
preview (dry_run=True) finds exactly the problems the real import would meet, then rolls
back. A real import commits only when no row has a problem: all or nothing.

They take plain values (a user, a path or an open file) so a background task can call them.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.orgs import services as orgs
from thidua.orgs.models import Person, Unit, UnitPlacement, User
from thidua.orgs.permissions import (
    Cap,
    people_for_user,
    require_cap_somewhere,
    today,
    units_for_user,
)
from thidua.spreadsheets.base import (
    CREATE,
    UNCHANGED,
    UPDATE,
    Change,
    ImportReport,
    Problem,
    RowOutcome,
    SheetSpec,
)
from thidua.spreadsheets.reader import FileRejected, Sheet, SheetRow, Source, read_sheet
from thidua.spreadsheets.sheets import PERSON_SHEET, UNIT_SHEET

UNIT_DATA_FIELDS = ["name", "short_name", "kind", "place_name", "established_on", "phone", "email"]
PERSON_DATA_FIELDS = [
    "full_name", "gender", "date_of_birth", "position", "education_level", "member_category",
    "is_union_member", "phone", "email", "id_number",
]  # fmt: skip
# Where a service's ValidationError field shows up in the sheet.
FIELD_COLUMNS = {"parent": "parent_code", "new_parent": "parent_code", "unit": "unit_code"}
NO_UNIT = gettext_noop("Không tìm thấy đơn vị có mã “%(code)s” trong phạm vi bạn quản lý.")


# Told (rows handled, rows in the sheet) as an import goes: a background job's progress bar.
RowProgress = Callable[[int, int], object]


def units_import(
    *,
    actor: User,
    file: Source,
    dry_run: bool,
    expected_fingerprint: str | None = None,
    progress: RowProgress | None = None,
) -> ImportReport:
    """Create or update units from a sheet. A row whose code exists updates that unit (only
    in the actor's MANAGE_UNITS scope, never its parent); a new code creates a unit under
    "Mã đơn vị cấp trên", which must be in scope or created by an earlier row.

    Side effects, only when not `dry_run`, every row is clean and the plan still matches
    `expected_fingerprint` (when given): unit_create / unit_update per row, each audited.
    """
    require_cap_somewhere(actor, Cap.MANAGE_UNITS)
    return _run(
        spec=UNIT_SHEET, file=file, dry_run=dry_run, expected_fingerprint=expected_fingerprint,
        rows_for=lambda sheet: _UnitRows(actor=actor, sheet=sheet), progress=progress,
    )  # fmt: skip


def people_import(
    *,
    actor: User,
    file: Source,
    dry_run: bool,
    expected_fingerprint: str | None = None,
    progress: RowProgress | None = None,
) -> ImportReport:
    """Create or update people from a sheet. A row with "Mã" updates that person, who must be
    in the actor's MANAGE_PEOPLE scope; a row without creates one. "Mã đơn vị" must be a unit
    in that scope. The ID number is written only where the actor may see personal data.

    Side effects as units_import: person_create / person_update per row, each audited.
    """
    require_cap_somewhere(actor, Cap.MANAGE_PEOPLE)
    return _run(
        spec=PERSON_SHEET, file=file, dry_run=dry_run, expected_fingerprint=expected_fingerprint,
        rows_for=lambda sheet: _PersonRows(actor=actor, sheet=sheet), progress=progress,
    )  # fmt: skip


class _Rows(abc.ABC):
    """Checks and writes one sheet's rows in order; subclasses know one kind of row."""

    def __init__(self, *, actor: User, sheet: Sheet) -> None:
        self.actor = actor
        self.sheet = sheet
        self.additions: list[str] = []  # see ImportReport.additions

    @abc.abstractmethod
    def handle(self, row: SheetRow) -> tuple[RowOutcome | None, list[Problem]]:
        """Check one row and, when it is clean, write it through the services."""

    def problem(self, row: SheetRow, field_name: str, message: str) -> Problem:
        return self.sheet.problem(row.number, field_name, message)

    def changes(self, before: dict[str, Any], after: dict[str, Any]) -> tuple[Change, ...]:
        changes = []
        for name, value in after.items():
            column = self.sheet.spec.column(name)
            changes.append(
                Change(column.header, column.display(before[name]), column.display(value))
            )
        return tuple(changes)

    def write(self, row: SheetRow, action: Callable[[], object]) -> list[Problem]:
        """Run one service call; its validation errors become this row's problems. Each
        service is atomic on its own, so a failed row leaves the transaction usable."""
        try:
            action()
        except ValidationError as exc:
            return _problems_from(exc, row=row, sheet=self.sheet)
        except IntegrityError:
            return [Problem(_("Dòng này trùng với dữ liệu đã có."), row=row.number)]
        return []


def _run(
    *,
    spec: SheetSpec,
    file: Source,
    dry_run: bool,
    expected_fingerprint: str | None,
    rows_for: Callable[[Sheet], _Rows],
    progress: RowProgress | None = None,
) -> ImportReport:
    report = ImportReport(what=spec.what, dry_run=dry_run)
    try:
        sheet = read_sheet(file, spec, max_bytes=settings.THIDUA_IMPORT_MAX_BYTES)
    except FileRejected as exc:
        report.problems, report.rejected = exc.problems, True
        return report
    report.warnings = sheet.warnings
    with transaction.atomic():
        rows = rows_for(sheet)
        for done, row in enumerate(sheet.rows, start=1):
            outcome, problems = rows.handle(row)
            if progress is not None:
                progress(done, len(sheet.rows))
            report.problems += problems
            if outcome is not None and not problems:
                report.rows.append(outcome)
        report.additions = rows.additions
        report.stale = expected_fingerprint not in (None, report.fingerprint)
        report.applied = not dry_run and report.ok and not report.stale
        if not report.applied:
            transaction.set_rollback(True)
    return report


def _problems_from(exc: ValidationError, *, row: SheetRow, sheet: Sheet) -> list[Problem]:
    if not hasattr(exc, "error_dict"):
        return [Problem(message, row=row.number) for message in exc.messages]
    problems = []
    for name, messages in exc.message_dict.items():
        column = FIELD_COLUMNS.get(name, name)
        for message in messages:
            if sheet.spec.has(column):
                problems.append(sheet.problem(row.number, column, message))
            else:
                problems.append(Problem(message, row=row.number))
    return problems


class _UnitsByCode:
    """Units by code, where a code typed in lower case also finds the unit whose code is
    in upper case ('hp-al-001' is HP-AL-001), while the lookup still uses the code index."""

    def __init__(self, units: QuerySet[Unit], codes: set[str]) -> None:
        wanted = codes | {code.upper() for code in codes}
        self.units = {unit.code: unit for unit in units.filter(code__in=wanted)}

    def get(self, code: str) -> Unit | None:
        return self.units.get(code) or self.units.get(code.upper())

    def add(self, unit: Unit) -> None:
        self.units[unit.code] = unit


def _codes(sheet: Sheet, field_name: str) -> set[str]:
    return {str(row.values[field_name]) for row in sheet.rows if row.values.get(field_name)}


class _UnitRows(_Rows):
    def __init__(self, *, actor: User, sheet: Sheet) -> None:
        super().__init__(actor=actor, sheet=sheet)
        codes, parents = _codes(sheet, "code"), _codes(sheet, "parent_code")
        self.existing = _UnitsByCode(Unit.objects.all(), codes)
        self.manageable = _UnitsByCode(units_for_user(actor, Cap.MANAGE_UNITS), codes | parents)
        self.parent_of: dict[int, str] = {
            unit_id: parent_code or ""
            for unit_id, parent_code in UnitPlacement.objects.on(today())
            .filter(unit__in=self.existing.units.values())
            .values_list("unit_id", "parent__code")
        }
        self.rows_of = {}
        for row in reversed(sheet.rows):
            if row.values.get("code"):
                self.rows_of[str(row.values["code"]).upper()] = row.number
        self.created = _UnitsByCode(Unit.objects.none(), set())
        self.seen: dict[str, int] = {}

    def handle(self, row: SheetRow) -> tuple[RowOutcome | None, list[Problem]]:
        code = row.values.get("code")
        if not code:
            return None, list(row.problems)
        key = code.upper()
        if key in self.seen:
            message = _("Mã đơn vị “%(code)s” đã có ở dòng %(row)s; mỗi đơn vị ghi một dòng.") % {
                "code": code,
                "row": self.seen[key],
            }
            return None, [*row.problems, self.problem(row, "code", message)]
        self.seen[key] = row.number
        unit = self.existing.get(code)
        if unit is None:
            return self._create(row, code)
        if self.manageable.get(code) is None:
            message = _(
                "Mã đơn vị “%(code)s” đã được dùng cho một đơn vị khác; hãy chọn mã khác."
            ) % {"code": code}
            return None, [*row.problems, self.problem(row, "code", message)]
        return self._update(row, unit)

    def _parent(self, row: SheetRow) -> tuple[Unit | None, list[Problem]]:
        parent_code = row.values.get("parent_code")
        if not parent_code:
            if self.actor.is_superuser:
                return None, []
            return None, [
                self.problem(row, "parent_code", _("Hãy ghi mã đơn vị cấp trên của đơn vị mới."))
            ]
        key = parent_code.upper()
        parent = self.created.get(parent_code) or self.manageable.get(parent_code)
        if parent is not None:
            return parent, []
        in_file = self.rows_of.get(key)
        if in_file == row.number:
            message = _("Một đơn vị không thể là cấp trên của chính nó.")
        elif in_file is not None and in_file > row.number:
            message = _(
                "Đơn vị cấp trên “%(code)s” ở dòng %(row)s; hãy ghi đơn vị cấp trên trước."
            ) % {"code": parent_code, "row": in_file}
        elif in_file is not None:
            message = _(
                "Đơn vị cấp trên “%(code)s” ở dòng %(row)s chưa thêm được vì dòng đó có lỗi."
            ) % {"code": parent_code, "row": in_file}
        else:
            message = _(NO_UNIT) % {"code": parent_code}
        return None, [self.problem(row, "parent_code", message)]

    def _create(self, row: SheetRow, code: str) -> tuple[RowOutcome | None, list[Problem]]:
        values = row.values
        parent, problems = self._parent(row)
        problems = [*row.problems, *problems]
        date_column = self.sheet.spec.column("established_on").header
        if "established_on" not in values and all(p.column != date_column for p in problems):
            problems.append(
                self.problem(row, "established_on", _("Hãy ghi ngày thành lập của đơn vị mới."))
            )
        if problems:
            return None, problems
        outcome = RowOutcome(row=row.number, action=CREATE, label=f"{values['name']} ({code})")

        def create() -> None:
            unit = orgs.unit_create(
                actor=self.actor, code=code, name=values["name"], kind=values["kind"],
                parent=parent, established_on=values["established_on"],
                short_name=values.get("short_name", ""), place_name=values.get("place_name", ""),
                phone=values.get("phone", ""), email=values.get("email", ""),
            )  # fmt: skip
            self.created.add(unit)

        return outcome, self.write(row, create)

    def _update(self, row: SheetRow, unit: Unit) -> tuple[RowOutcome | None, list[Problem]]:
        values = row.values
        problems = list(row.problems)
        current_parent = self.parent_of.get(unit.pk, "")
        if "parent_code" in values:
            wanted = (values["parent_code"] or "").upper()
            if wanted != current_parent.upper():
                if current_parent:
                    message = _(
                        "Đơn vị “%(code)s” đang trực thuộc “%(parent)s”; không đổi được đơn vị "
                        "cấp trên khi nhập Excel. Hãy dùng chức năng “Chuyển đơn vị” trên cây "
                        "tổ chức."
                    ) % {"code": unit.code, "parent": current_parent}
                else:
                    message = _(
                        "Đơn vị “%(code)s” đang không có cấp trên; không đổi được đơn vị cấp "
                        "trên khi nhập Excel. Hãy dùng chức năng “Chuyển đơn vị” trên cây tổ chức."
                    ) % {"code": unit.code}
                problems.append(self.problem(row, "parent_code", message))
        if problems:
            return None, problems
        after = {
            name: values[name]
            for name in UNIT_DATA_FIELDS
            if name in values and getattr(unit, name) != values[name]
        }
        label = f"{values.get('name', unit.name)} ({unit.code})"
        if not after:
            return RowOutcome(row=row.number, action=UNCHANGED, label=label), []
        before = {name: getattr(unit, name) for name in after}
        outcome = RowOutcome(row.number, UPDATE, label, self.changes(before, after))
        return outcome, self.write(
            row, lambda: orgs.unit_update(actor=self.actor, unit=unit, data=after)
        )


class _PersonRows(_Rows):
    def __init__(self, *, actor: User, sheet: Sheet) -> None:
        super().__init__(actor=actor, sheet=sheet)
        self.units = _UnitsByCode(
            units_for_user(actor, Cap.MANAGE_PEOPLE), _codes(sheet, "unit_code")
        )
        ids = {row.values["id"] for row in sheet.rows if row.values.get("id")}
        self.people = {
            person.pk: person
            for person in people_for_user(actor, Cap.MANAGE_PEOPLE)
            .filter(pk__in=ids)
            .select_related("unit")
        }
        unit_ids = {unit.pk for unit in self.units.units.values()} | {
            person.unit_id for person in self.people.values()
        }
        self.personal_data_units = set(
            units_for_user(actor, Cap.VIEW_PERSONAL_DATA)
            .filter(pk__in=unit_ids)
            .values_list("pk", flat=True)
        )
        self.seen: dict[int, int] = {}

    def handle(self, row: SheetRow) -> tuple[RowOutcome | None, list[Problem]]:
        values = dict(row.values)
        problems = list(row.problems)
        unit, person = None, None
        if values.get("unit_code"):
            unit_code = values["unit_code"]
            unit = self.units.get(unit_code)
            if unit is None:
                message = _(NO_UNIT) % {"code": unit_code}
                problems.append(self.problem(row, "unit_code", message))
        if values.get("id"):
            pk = values["id"]
            person = self.people.get(pk)
            if pk in self.seen:
                message = _("Mã %(id)s đã có ở dòng %(row)s; mỗi người ghi một dòng.") % {
                    "id": pk,
                    "row": self.seen[pk],
                }
                problems.append(self.problem(row, "id", message))
            elif person is None:
                message = _("Không tìm thấy người có mã %(id)s trong phạm vi bạn quản lý.") % {
                    "id": pk
                }
                problems.append(self.problem(row, "id", message))
            self.seen.setdefault(pk, row.number)
        # Without the right to see personal data, an empty cell must not clear the number,
        # and a filled one must not be written.
        withheld = "" if self._may_write_id_number(unit, person) else values.pop("id_number", "")
        if withheld:
            message = _(
                "Bạn không có quyền nhập số CCCD (dữ liệu cá nhân) của người thuộc đơn vị này."
            )
            problems.append(self.problem(row, "id_number", message))
        if problems or unit is None:
            return None, problems
        data = {name: values[name] for name in PERSON_DATA_FIELDS if name in values}
        if person is None:
            return self._create(row, data | {"unit": unit})
        return self._update(row, person, data, unit)

    def _may_write_id_number(self, unit: Unit | None, person: Person | None) -> bool:
        return (unit is None or unit.pk in self.personal_data_units) and (
            person is None or person.unit_id in self.personal_data_units
        )

    def _create(
        self, row: SheetRow, data: dict[str, Any]
    ) -> tuple[RowOutcome | None, list[Problem]]:
        label = f"{data['full_name']} ({data['unit'].code})"
        outcome = RowOutcome(row=row.number, action=CREATE, label=label)
        return outcome, self.write(row, lambda: orgs.person_create(actor=self.actor, data=data))

    def _update(
        self, row: SheetRow, person: Person, data: dict[str, Any], unit: Unit
    ) -> tuple[RowOutcome | None, list[Problem]]:
        after = {name: value for name, value in data.items() if getattr(person, name) != value}
        before = {name: getattr(person, name) for name in after}
        changes = self.changes(before, after)
        if person.unit_id != unit.pk:
            after["unit"] = unit
            changes += (
                Change(self.sheet.spec.column("unit_code").header, person.unit.code, unit.code),
            )
        label = f"{data.get('full_name', person.full_name)} (mã {person.pk})"
        if not after:
            return RowOutcome(row=row.number, action=UNCHANGED, label=label), []
        outcome = RowOutcome(row.number, UPDATE, label, changes)
        return outcome, self.write(
            row, lambda: orgs.person_update(actor=self.actor, person=person, data=after)
        )
