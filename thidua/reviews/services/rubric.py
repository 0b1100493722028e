"""Writes of a programme's rubric (the arithmetic of rubrics is `thidua.reviews.rubrics`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Programme
from thidua.common.audit import audit_record, model_update
from thidua.orgs.selectors import unit_current_path
from thidua.reviews import rubrics
from thidua.reviews.enums import (
    CouncilStatus,
    SheetStatus,
)
from thidua.reviews.models import (
    Council,
    Criterion,
    Rubric,
    ScoreSheet,
)


def _criteria_rows(rubric: Rubric, criteria: Sequence[rubrics.CriterionSpec]) -> None:
    rubric.criteria.all().delete()
    for order, spec in enumerate(criteria, start=1):
        row = Criterion(
            rubric=rubric,
            order=order,
            code=spec.code,
            name=spec.name,
            description=spec.description,
            max_points=spec.max_points,
            weight=spec.weight,
            minimum=spec.minimum,
            counted=spec.counted,
            needs_money_for_top_band=spec.needs_money_for_top_band,
            bands=[[band.low, band.high, band.label] for band in spec.bands],
        )
        row.full_clean(exclude=["rubric"])
        row.save()


def _classes_json(classes: Iterable[rubrics.GradeClass]) -> list[dict[str, Any]]:
    return [
        {
            "label": grade.label,
            "min_total": str(grade.min_total),
            "criterion_code": grade.criterion_code or "",
            "criterion_min": grade.criterion_min,
        }
        for grade in classes
    ]


@transaction.atomic
def rubric_create(
    *,
    actor: Any,
    programme: Programme,
    spec: rubrics.RubricSpec,
    preset: str = "",
    now: dt.datetime | None = None,
) -> Rubric:
    """A rubric for the programme, from a preset or written out. Side effects: criteria; audit."""
    _check(spec)
    rubric = Rubric(
        programme=programme,
        name=spec.name,
        description=spec.description,
        preset=preset,
        pass_mark=spec.pass_mark,
        classes=_classes_json(spec.classes),
        created_at=now or timezone.now(),
    )
    rubric.full_clean()
    rubric.save()
    _criteria_rows(rubric, spec.criteria)
    audit_record(
        actor=actor,
        action="rubric_create",
        obj=rubric,
        changes={"criteria": [None, [c.name for c in spec.criteria]]},
        unit_path=unit_current_path(programme.running_unit),
    )
    return rubric


def rubric_is_locked(rubric: Rubric) -> bool:
    """Criteria cannot change once a sheet has been submitted on them."""
    return ScoreSheet.objects.filter(
        assignment__council__rubric=rubric, status=SheetStatus.SUBMITTED
    ).exists()


def _check(spec: rubrics.RubricSpec) -> None:
    if not spec.criteria:
        raise ValidationError(_("Bộ tiêu chí cần ít nhất một tiêu chí."))
    problems = rubrics.rubric_problems(spec)
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def rubric_update(
    *, actor: Any, rubric: Rubric, spec: rubrics.RubricSpec, council: Council | None = None
) -> None:
    """Replace the rubric's name, pass mark, classes and criteria, for `council` (the one the
    editor runs). Refused once a sheet has been submitted on it (the scores would no longer mean
    what they meant), and when another council uses it too: one council does not rewrite
    another's rubric; it takes a copy (a preset) of its own. Side effects: audit."""
    if rubric_is_locked(rubric):
        raise ValidationError(
            _("Đã có phiếu chấm nộp theo bộ tiêu chí này; không sửa được tiêu chí nữa.")
        )
    users = rubric.councils.all() if council is None else rubric.councils.exclude(pk=council.pk)
    if council is not None and users.exists():
        raise ValidationError(
            _(
                "Bộ tiêu chí này còn được hội đồng khác dùng; hãy tạo bộ tiêu chí riêng cho "
                "hội đồng (chọn theo mẫu trong phần thiết lập) rồi sửa."
            )
        )
    if rubric.councils.filter(status=CouncilStatus.DECIDED).exists():
        raise ValidationError(_("Hội đồng đã biểu quyết kết quả; không thay đổi được nữa."))
    _check(spec)
    before = [c.spec() for c in rubric.criteria.all()]
    model_update(
        instance=rubric,
        data={
            "name": spec.name,
            "description": spec.description,
            "pass_mark": spec.pass_mark,
            "classes": _classes_json(spec.classes),
        },
        actor=actor,
        action="rubric_update",
        unit_path=unit_current_path(rubric.programme.running_unit),
    )
    if before != list(spec.criteria):
        _criteria_rows(rubric, spec.criteria)
        audit_record(
            actor=actor,
            action="rubric_criteria",
            obj=rubric,
            changes={
                "criteria": [
                    [f"{c.name} ({c.max_points})" for c in before],
                    [f"{c.name} ({c.max_points})" for c in spec.criteria],
                ]
            },
            unit_path=unit_current_path(rubric.programme.running_unit),
        )
    # Sheets in progress keep their points; their totals follow the new weights.
    for sheet in ScoreSheet.objects.filter(assignment__council__rubric=rubric):
        sheet.total = rubrics.sheet_total(spec, sheet.points)
        sheet.save(update_fields=["total"])
