"""Importing initiatives that units collected on paper into one programme: read -> check each
row against the importer's scope -> the real initiative services, all in one transaction, as
for units and people (services.py, decision 0005): the preview is the same run rolled back,
and nothing is written while any row has a problem.

Authors are people of the row's grassroots union (CĐCS), found by their folded full name
("Nguyen Van An" finds "Nguyễn Văn An"); an author not found is added to that union. After
creating each initiative the import can submit it, or (for an officer of an upper unit) carry
it up level by level to the importer's unit through the real transitions, whose deadlines
and quotas apply.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns.enums import ProgrammeStatus
from thidua.campaigns.models import Programme, ProgrammeField
from thidua.campaigns.permissions import programme_for_user
from thidua.campaigns.selectors import in_programme, levels_of
from thidua.common.vietnamese import fold
from thidua.initiatives import services as initiatives
from thidua.initiatives.models import Initiative
from thidua.initiatives.selectors import programmes_for_user
from thidua.initiatives.services import CONTENT_FIELDS
from thidua.orgs import services as orgs
from thidua.orgs.enums import Gender, Role
from thidua.orgs.models import Membership, Person, Unit, User
from thidua.orgs.permissions import (
    Cap,
    has_cap_somewhere,
    require_cap_somewhere,
    units_for_user,
)
from thidua.spreadsheets.base import CREATE, Change, ImportReport, Problem, RowOutcome
from thidua.spreadsheets.initiative_sheets import import_sheet
from thidua.spreadsheets.parsing import share_text
from thidua.spreadsheets.reader import Sheet, SheetRow, Source
from thidua.spreadsheets.services import (
    NO_UNIT,
    RowProgress,
    _codes,
    _Rows,
    _run,
    _UnitsByCode,
)

MODE_DRAFT, MODE_SUBMIT, MODE_FORWARD = "draft", "submit", "forward"
MODE_LABELS = {
    MODE_DRAFT: gettext_lazy("Để ở trạng thái “Đang soạn”"),
    MODE_SUBMIT: gettext_lazy("Nộp luôn (nộp lên công đoàn cơ sở)"),
    MODE_FORWARD: gettext_lazy(
        "Đưa lên đến cấp của tôi (nộp, công nhận và chuyển lên từng cấp đến đơn vị của tôi)"
    ),
}
# The query-string names of the upload page's options, kept with the staged file.
PROGRAMME_OPTION, MODE_OPTION = "chuong_trinh", "sau_khi_nhap"
# Recorded on each selection the import makes on behalf of a level that decided on paper; in
# Vietnamese whatever the importer reads, as the initiative's history is everyone's.
IMPORT_REASON = "Nhập từ Excel: cấp này đã xét chọn trên giấy."


def climb_targets(user: Any, programme: Programme) -> set[int]:
    """Where "Đưa lên đến cấp của tôi" stops: the units in this programme where the user is
    an officer or administrator and that hold a level above the grassroots one."""
    upper_tiers = {level.tier for level in levels_of(programme)[1:]}
    memberships = Membership.objects.filter(
        user=user, role__in=[Role.ADMIN, Role.OFFICER]
    ).select_related("unit")
    return {
        membership.unit_id
        for membership in memberships
        if membership.unit.tier in upper_tiers and in_programme(programme, membership.unit)
    }


def import_modes(user: Any, programme: Programme) -> list[str]:
    """What the import may do after creating each initiative, for this user."""
    modes = [MODE_DRAFT, MODE_SUBMIT]
    if climb_targets(user, programme):
        modes.append(MODE_FORWARD)
    return modes


def programmes_for_import(user: Any) -> QuerySet[Programme]:
    """Launched programmes the user takes part in, when they may add people somewhere."""
    if not has_cap_somewhere(user, Cap.MANAGE_PEOPLE):
        return Programme.objects.none()
    return (
        programmes_for_user(user)
        .filter(status=ProgrammeStatus.LAUNCHED)
        .order_by("-starts_on", "name")
    )


def initiative_import_args(user: Any, options: Mapping[str, str]) -> dict[str, Any]:
    """From the upload page's options to initiatives_import's arguments: the programme through
    its funnel (404 when the user cannot see it) and what to do after creating."""
    return {
        "programme": programme_for_user(user, options.get(PROGRAMME_OPTION)),
        "mode": options.get(MODE_OPTION) or MODE_DRAFT,
    }


def initiatives_import(
    *,
    actor: User,
    programme: Programme,
    file: Source,
    dry_run: bool,
    mode: str = MODE_DRAFT,
    expected_fingerprint: str | None = None,
    now: dt.datetime | None = None,
    progress: RowProgress | None = None,
) -> ImportReport:
    """Create the initiatives of a sheet in `programme`. "Mã CĐCS" must be a grassroots union
    in the actor's MANAGE_PEOPLE scope that takes part in the programme; "Lĩnh vực" one of the
    programme's fields. `mode`: MODE_DRAFT leaves them as drafts; MODE_SUBMIT submits each to
    its union; MODE_FORWARD also selects and forwards it level by level until it reaches one
    of the actor's units (climb_targets), where it waits to be decided. `now` stands for the
    time of the transitions (deadlines).

    Side effects, only when not `dry_run`, every row is clean and the plan still matches
    `expected_fingerprint` (when given): person_create for each author not found,
    initiative_create per row, then initiative_submit / initiative_decide /
    initiative_forward as `mode` asks; each audited.
    """
    require_cap_somewhere(actor, Cap.MANAGE_PEOPLE)
    spec = import_sheet(programme)
    targets = climb_targets(actor, programme) if mode == MODE_FORWARD else set()
    refusal = _refusal(programme, mode, targets)
    if refusal:
        return ImportReport(
            what=spec.what, dry_run=dry_run, problems=[Problem(refusal)], rejected=True
        )
    report = _run(
        spec=spec, file=file, dry_run=dry_run, expected_fingerprint=expected_fingerprint,
        rows_for=lambda sheet: _InitiativeRows(
            actor=actor, sheet=sheet, programme=programme, mode=mode, targets=targets, now=now
        ),
        progress=progress,
    )  # fmt: skip
    report.notes = [
        _("Chương trình: %(name)s.") % {"name": programme.name},
        _("Sau khi nhập: %(mode)s.") % {"mode": MODE_LABELS[mode]},
    ]
    return report


def _refusal(programme: Programme, mode: str, targets: set[int]) -> str:
    if programme.status != ProgrammeStatus.LAUNCHED:
        return _("Chương trình “%(name)s” chưa được phát động hoặc đã kết thúc.") % {
            "name": programme.name
        }
    if mode not in MODE_LABELS:
        return _("Không rõ cần làm gì sau khi nhập; hãy chọn lại trên trang tải tệp lên.")
    if mode == MODE_FORWARD and not targets:
        return _(
            "Chỉ cán bộ của công đoàn cấp trên trong chương trình này mới đưa sáng kiến lên "
            "đến cấp của mình được."
        )
    return ""


def guessed_gender(full_name: str) -> str:
    """A new author's gender, which the sheet does not give: "Thị" as a middle name is a
    woman's; anyone else is entered as a man, and the preview says so."""
    middle = fold(full_name).split()[1:-1]
    return Gender.FEMALE if "thi" in middle else Gender.MALE


# One author of a row: the person found (None: to be added), the name as written, the share.
Author = tuple[Person | None, str, Decimal]


def _authors_shown(authors: list[Author]) -> str:
    """'Nguyễn Văn An (70%); Lê Thị Bình (30%, thêm người mới)', for the preview."""
    return "; ".join(
        f"{name} ({share_text(share)}%"
        + (", " + _("thêm người mới") if person is None else "")
        + ")"
        for person, name, share in authors
    )


class _InitiativeRows(_Rows):
    def __init__(
        self,
        *,
        actor: User,
        sheet: Sheet,
        programme: Programme,
        mode: str,
        targets: set[int],
        now: dt.datetime | None,
    ) -> None:
        super().__init__(actor=actor, sheet=sheet)
        self.programme, self.mode, self.targets, self.now = programme, mode, targets, now
        self.units = _UnitsByCode(
            units_for_user(actor, Cap.MANAGE_PEOPLE), _codes(sheet, "unit_code")
        )
        self.fields: dict[str, ProgrammeField] = {
            fold(field.name): field for field in programme.fields.all()
        }
        self.people: dict[tuple[int, str], list[Person]] = defaultdict(list)
        for person in Person.objects.filter(unit__in=list(self.units.units.values())):
            self.people[(person.unit_id, person.name_folded)].append(person)

    def handle(self, row: SheetRow) -> tuple[RowOutcome | None, list[Problem]]:
        values = row.values
        problems = list(row.problems)
        unit, field = self._unit(row, problems), self._field(row, problems)
        authors = None
        if unit is not None and "authors" in values:
            authors = self._authors(row, unit, problems)
        if problems or unit is None or field is None or authors is None:
            return None, problems
        data = {name: values[name] for name in CONTENT_FIELDS if name in values}
        data["field"] = field
        header = self.sheet.spec.column("authors").header
        outcome = RowOutcome(
            row=row.number, action=CREATE, label=f"{values['title']} ({unit.code})",
            changes=(Change(header, "", _authors_shown(authors)),),
        )  # fmt: skip
        return outcome, self.write(row, lambda: self._create(unit, data, authors))

    def _unit(self, row: SheetRow, problems: list[Problem]) -> Unit | None:
        code = row.values.get("unit_code")
        if not code:
            return None
        unit = self.units.get(code)
        if unit is None:
            problems.append(self.problem(row, "unit_code", _(NO_UNIT) % {"code": code}))
        return unit

    def _field(self, row: SheetRow, problems: list[Problem]) -> ProgrammeField | None:
        name = row.values.get("field")
        if not name:
            return None
        field = self.fields.get(fold(name))
        if field is None:
            allowed = "; ".join(field.name for field in self.fields.values())
            message = _(
                "Lĩnh vực “%(name)s” không có trong chương trình này; chọn một trong: %(allowed)s."
            ) % {"name": name, "allowed": allowed}
            problems.append(self.problem(row, "field", message))
        return field

    def _authors(self, row: SheetRow, unit: Unit, problems: list[Problem]) -> list[Author] | None:
        authors: list[Author] = []
        for name, share in row.values["authors"]:
            found = self.people[(unit.pk, fold(name))]
            exact = [person for person in found if person.full_name == name]
            if len(found) > 1 and len(exact) != 1:
                message = _(
                    "Có %(count)s người tên “%(name)s” ở “%(unit)s” nên không biết ai là tác giả; "
                    "hãy ghi họ tên đúng như trong danh sách người của đơn vị, hoặc nhập sáng "
                    "kiến này trên thidua để chọn đúng người."
                ) % {"count": len(found), "name": name, "unit": unit.name}
                problems.append(self.problem(row, "authors", message))
                continue
            person = exact[0] if exact else (found[0] if found else None)
            authors.append((person, name, share))
        return None if len(authors) < len(row.values["authors"]) else authors

    def _create(self, unit: Unit, data: dict[str, Any], authors: list[Author]) -> None:
        # A savepoint per row: a row that fails leaves none of its new people behind.
        with transaction.atomic():
            people = [person or self._new_person(name, unit) for person, name, _ in authors]
            shares = [share for _, _, share in authors]
            initiative = initiatives.initiative_create(
                actor=self.actor, programme=self.programme, unit=unit, data=data,
                authors=list(zip(people, shares, strict=True)), now=self.now,
            )  # fmt: skip
            self._advance(initiative, unit)
        for person, (found, _name, _share) in zip(people, authors, strict=True):
            if found is None:
                self.people[(unit.pk, person.name_folded)].append(person)
                self.additions.append(
                    _("%(name)s (%(gender)s), người của %(unit)s (%(code)s)")
                    % {"name": person.full_name, "gender": person.get_gender_display(),
                       "unit": unit.name, "code": unit.code}
                )  # fmt: skip

    def _new_person(self, name: str, unit: Unit) -> Person:
        data = {"full_name": name, "gender": guessed_gender(name), "unit": unit}
        try:
            return orgs.person_create(actor=self.actor, data=data)
        except ValidationError as exc:
            message = _("Không thêm được tác giả “%(name)s”: %(problem)s") % {
                "name": name,
                "problem": " ".join(exc.messages),
            }
            raise ValidationError({"authors": [message]}) from None

    def _advance(self, initiative: Initiative, unit: Unit) -> None:
        if self.mode == MODE_DRAFT:
            return
        initiatives.initiative_submit(actor=self.actor, initiative=initiative, now=self.now)
        if self.mode == MODE_SUBMIT:
            return
        day = timezone.localdate(self.now or timezone.now())
        while initiative.current_unit_id not in self.targets:
            if initiatives.next_level(initiative, day) is None:
                message = _(
                    "“%(unit)s” không ở dưới đơn vị của bạn trong chương trình này nên không "
                    "đưa sáng kiến lên đến cấp của bạn được."
                ) % {"unit": unit.name}
                raise ValidationError({"unit": [message]})
            initiatives.initiative_decide(
                actor=self.actor, initiative=initiative, selected=True, reason=IMPORT_REASON,
                now=self.now,
            )  # fmt: skip
            initiatives.initiative_forward(actor=self.actor, initiative=initiative, now=self.now)
