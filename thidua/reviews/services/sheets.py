"""A member's score sheet: saved as a draft or handed in, within the scoring period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.audit import audit_record, snapshot
from thidua.common.vietnamese import date_short
from thidua.reviews import rubrics
from thidua.reviews.enums import (
    AssignmentStatus,
    CouncilStatus,
    SheetStatus,
)
from thidua.reviews.models import (
    Assignment,
    ScoreSheet,
)
from thidua.reviews.services.common import council_path
from thidua.reviews.services.councils import scoring_open


def _points(spec: rubrics.RubricSpec, points: Mapping[str, Any]) -> dict[str, int | None]:
    """Whole points per criterion of the rubric; a code the rubric lacks or a fraction is an
    error, never silently dropped or rounded."""
    unknown = [code for code in points if code not in {c.code for c in spec.criteria}]
    if unknown:
        raise ValidationError(
            _("Không có tiêu chí “%(code)s” trong bộ tiêu chí.") % {"code": unknown[0]}
        )
    clean: dict[str, int | None] = {}
    for criterion in spec.criteria:
        value = points.get(criterion.code)
        if value is None or value == "":
            clean[criterion.code] = None
            continue
        number = Decimal(str(value))
        if number != number.to_integral_value():
            raise ValidationError(
                _("Điểm tiêu chí “%(name)s” phải là số nguyên.") % {"name": criterion.name}
            )
        clean[criterion.code] = int(number)
    return clean


@transaction.atomic
def sheet_save(
    *,
    actor: Any,
    assignment: Assignment,
    points: Mapping[str, Any],
    comment: str = "",
    notes: Mapping[str, str] | None = None,
    submit: bool,
    now: dt.datetime | None = None,
) -> ScoreSheet:
    """Save the member's points; `submit` hands the sheet in (every counted criterion scored,
    within its bands). A sheet handed in may be revised only by handing it in again, complete.
    Refused outside the scoring period unless the secretary reopened it, and once the
    assignment has ended (a declared conflict, a replaced member), even a moment ago.
    Side effects: the sheet; audit."""
    now = now or timezone.now()
    # Serialise saves of one assignment (a double tap on a phone) against each other and
    # against a conflict declared or an assignment ended at the same moment.
    assignment.status = (
        Assignment.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=assignment.pk)
    )
    council = assignment.council
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError(_("Phân công này đã kết thúc; phiếu không còn được tính."))
    if not scoring_open(council, now):
        if council.status == CouncilStatus.SCORING and council.deadline is not None:
            raise ValidationError(
                _("Đã hết hạn chấm điểm (%(deadline)s). Liên hệ thư ký hội đồng nếu cần mở lại.")
                % {"deadline": date_short(timezone.localtime(council.deadline))}
            )
        raise ValidationError(_("Hội đồng không trong thời gian chấm điểm."))
    assert council.rubric is not None  # noqa: S101 (scoring opens only with a rubric)
    spec = council.rubric.spec()
    try:
        clean = _points(spec, points)
    except (TypeError, ValueError, ArithmeticError):
        raise ValidationError(_("Điểm phải là số nguyên.")) from None
    # A draft may be incomplete, never wrong: it is checked on the criteria it has scored.
    checked = (
        spec
        if submit
        else replace(spec, criteria=tuple(c for c in spec.criteria if clean[c.code] is not None))
    )
    problems = rubrics.sheet_problems(
        checked,
        {code: clean[code] for code in (c.code for c in checked.criteria)},
        has_money_value=assignment.initiative.benefit_value is not None,
    )
    if problems:
        raise ValidationError(problems)
    sheet = ScoreSheet.objects.filter(assignment=assignment).first()
    if sheet is not None and sheet.status == SheetStatus.SUBMITTED and not submit:
        raise ValidationError(
            _("Phiếu đã nộp; muốn sửa thì chấm đủ các tiêu chí rồi bấm “Nộp phiếu”.")
        )
    before = snapshot(sheet, ["points", "comment", "status"]) if sheet else {}
    if sheet is None:
        sheet = ScoreSheet(assignment=assignment)
    sheet.points = {code: value for code, value in clean.items() if value is not None}
    sheet.notes = {code: text for code, text in (notes or {}).items() if text.strip()}
    sheet.comment = comment
    sheet.total = rubrics.sheet_total(spec, clean)
    sheet.updated_at = now
    if submit:
        sheet.status = SheetStatus.SUBMITTED
        sheet.submitted_at = sheet.submitted_at or now
    sheet.save()
    after = snapshot(sheet, ["points", "comment", "status"])
    audit_record(
        actor=actor,
        action="sheet_submit" if submit else "sheet_save",
        obj=sheet,
        changes={k: [before.get(k), v] for k, v in after.items() if before.get(k) != v},
        unit_path=council_path(council),
    )
    return sheet
