"""Every write about councils: forming them, the rubric, assignment, conflicts of interest,
score sheets, reopening, the slate and the vote. Each is atomic and audited; the arithmetic is
done by the pure modules (`rubrics`, `assignment`, `scoring`, `selection`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Programme, ProgrammeField, ProgrammeLevel
from thidua.common.audit import audit_record, model_update, snapshot
from thidua.common.vietnamese import date_short
from thidua.initiatives import services as initiatives
from thidua.initiatives.enums import StageStatus
from thidua.initiatives.models import Initiative, Stage
from thidua.orgs.models import Unit, User
from thidua.orgs.selectors import unit_current_path
from thidua.reviews import assignment as assigning
from thidua.reviews import rubrics, selection
from thidua.reviews.enums import (
    AssignmentSource,
    AssignmentStatus,
    Basis,
    ConflictStatus,
    CouncilRole,
    CouncilStatus,
    SheetStatus,
    SlateStatus,
)
from thidua.reviews.models import (
    Assignment,
    Conflict,
    Council,
    CouncilMember,
    Criterion,
    MediaPick,
    Rubric,
    ScoreSheet,
    Slate,
    SlateLine,
    Vote,
)
from thidua.reviews.selectors import (
    active_pairs,
    confirmed_conflicts,
    council_initiatives,
    council_results,
    item_inputs,
    reviewer_inputs,
)

COUNCIL_FIELDS = [
    "name",
    "decision_number",
    "decision_date",
    "rubric",
    "reviewers_per_item",
    "load_cap",
    "blind",
    "deadline",
    "method",
    "correction",
    "basis",
    "dispute_threshold",
    "tie_breakers",
    "vote_numerator",
    "vote_denominator",
    "quota_min",
    "quota_max",
    "min_score",
    "field_limits",
    "unit_limits",
    "prizes",
    "top_n",
    "media_min",
    "media_max",
    "media_min_fields",
]


def _path(council: Council) -> str:
    return unit_current_path(council.unit)


def _check_rules(values: Mapping[str, Any], *, programme_id: int, rubric: Rubric | None) -> None:
    """The council's settings a form or the API may get wrong, refused in plain Vietnamese
    before the database's own constraints would speak English."""
    errors: dict[str, str] = {}
    numerator = values.get("vote_numerator")
    denominator = values.get("vote_denominator")
    if numerator is not None and denominator is not None and not 0 < numerator <= denominator:
        errors["vote_numerator"] = _("Tỷ lệ biểu quyết phải là một phân số từ 0 đến 1, ví dụ 2/3.")
    codes = {c.code for c in rubric.criteria.all()} if rubric is not None else set()
    for key in values.get("tie_breakers") or []:
        criterion = key.removeprefix("criterion:") if key.startswith("criterion:") else None
        if key not in {"benefit_value", "submitted_at"} and criterion not in codes:
            errors["tie_breakers"] = _("Tiêu chí phân định “%(key)s” không hợp lệ.") % {"key": key}
    fields = set(
        ProgrammeField.objects.filter(programme_id=programme_id).values_list("pk", flat=True)
    )
    for key, pair in (values.get("field_limits") or {}).items():
        if not str(key).isdigit() or int(key) not in fields or len(list(pair)) != 2:
            errors["field_limits"] = _("Giới hạn theo lĩnh vực không hợp lệ.")
    for key, pair in (values.get("unit_limits") or {}).items():
        if not str(key).isdigit() or len(list(pair)) != 2:
            errors["unit_limits"] = _("Giới hạn theo đơn vị không hợp lệ.")
    for tier in values.get("prizes") or []:
        if tier.get("prize") not in selection.PRIZES:
            errors["prizes"] = _("Giải “%(prize)s” không hợp lệ.") % {"prize": tier.get("prize")}
    if errors:
        raise ValidationError(errors)


# --- rubrics -----------------------------------------------------------------------------------


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
    *, actor: Any, programme: Programme, spec: rubrics.RubricSpec, preset: str = ""
) -> Rubric:
    """A rubric for the programme, from a preset or written out. Side effects: criteria; audit."""
    rubric = Rubric(
        programme=programme,
        name=spec.name,
        description=spec.description,
        preset=preset,
        pass_mark=spec.pass_mark,
        classes=_classes_json(spec.classes),
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


@transaction.atomic
def rubric_update(*, actor: Any, rubric: Rubric, spec: rubrics.RubricSpec) -> None:
    """Replace the rubric's name, pass mark, classes and criteria. Refused once a sheet has
    been submitted (the scores would no longer mean what they meant). Side effects: audit."""
    if rubric_is_locked(rubric):
        raise ValidationError(
            _("Đã có phiếu chấm nộp theo bộ tiêu chí này; không sửa được tiêu chí nữa.")
        )
    codes = [c.code for c in spec.criteria]
    if len(set(codes)) != len(codes):
        raise ValidationError(_("Mỗi tiêu chí cần một mã riêng."))
    if not spec.criteria:
        raise ValidationError(_("Bộ tiêu chí cần ít nhất một tiêu chí."))
    for grade in spec.classes:
        if grade.criterion_code and grade.criterion_code not in codes:
            raise ValidationError(
                _("Xếp loại %(label)s nhắc đến tiêu chí “%(code)s” không có trong bộ.")
                % {"label": grade.label, "code": grade.criterion_code}
            )
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


# --- councils ----------------------------------------------------------------------------------


@transaction.atomic
def council_create(
    *, actor: Any, level: ProgrammeLevel, unit: Unit, data: Mapping[str, Any]
) -> Council:
    """Form a council of `unit` at `level`. Its quota starts as the level's. Side effects:
    audit."""
    if Council.objects.filter(level=level, unit=unit).exists():
        raise ValidationError(_("Đơn vị này đã có hội đồng ở cấp xét này."))
    values = {name: value for name, value in data.items() if name in COUNCIL_FIELDS}
    values.setdefault("quota_min", level.quota_min)
    values.setdefault("quota_max", level.quota_max)
    _check_rules(values, programme_id=level.programme_id, rubric=values.get("rubric"))
    council = Council(
        level=level, unit=unit, created_by=actor if getattr(actor, "pk", None) else None, **values
    )
    if council.rubric is not None and council.rubric.programme_id != level.programme_id:
        raise ValidationError({"rubric": _("Bộ tiêu chí thuộc chương trình khác.")})
    council.full_clean()
    council.save()
    audit_record(
        actor=actor,
        action="council_create",
        obj=council,
        changes={k: [None, v] for k, v in snapshot(council, values).items()},
        unit_path=_path(council),
    )
    return council


@transaction.atomic
def council_update(
    *, actor: Any, council: Council, data: Mapping[str, Any]
) -> dict[str, list[Any]]:
    values = {name: value for name, value in data.items() if name in COUNCIL_FIELDS}
    rubric = values.get("rubric")
    if rubric is not None and rubric.programme_id != council.level.programme_id:
        raise ValidationError({"rubric": _("Bộ tiêu chí thuộc chương trình khác.")})
    if (
        "rubric" in values
        and values["rubric"] != council.rubric
        and ScoreSheet.objects.filter(assignment__council=council).exists()
    ):
        raise ValidationError({"rubric": _("Đã có phiếu chấm; không đổi được bộ tiêu chí.")})
    checked = {
        "vote_numerator": council.vote_numerator,
        "vote_denominator": council.vote_denominator,
        **values,
    }
    _check_rules(
        checked,
        programme_id=council.level.programme_id,
        rubric=values.get("rubric", council.rubric),
    )
    return model_update(
        instance=council,
        data=values,
        actor=actor,
        action="council_update",
        unit_path=_path(council),
    )


@transaction.atomic
def council_open(*, actor: Any, council: Council) -> None:
    """Start scoring. Needs a rubric and at least one member. Side effects: status; audit."""
    if council.status != CouncilStatus.FORMING:
        raise ValidationError(_("Hội đồng đã bắt đầu chấm điểm."))
    if council.rubric_id is None:
        raise ValidationError(_("Hãy chọn bộ tiêu chí chấm điểm trước."))
    if not council.members.filter(active=True).exists():
        raise ValidationError(_("Hội đồng chưa có thành viên."))
    model_update(
        instance=council,
        data={"status": CouncilStatus.SCORING},
        actor=actor,
        action="council_open",
        unit_path=_path(council),
    )


@transaction.atomic
def council_reopen(
    *, actor: Any, council: Council, until: dt.datetime, reason: str, now: dt.datetime | None = None
) -> None:
    """The secretary lets scores in after the deadline, until `until`. Side effects: audit."""
    now = now or timezone.now()
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do mở lại chấm điểm.")})
    if until <= now:
        raise ValidationError({"until": _("Thời hạn mở lại phải sau thời điểm hiện tại.")})
    if council.status == CouncilStatus.DECIDED:
        raise ValidationError(_("Hội đồng đã biểu quyết kết quả; không mở lại chấm điểm."))
    model_update(
        instance=council,
        data={"reopened_until": until},
        actor=actor,
        action="council_reopen",
        reason=reason,
        unit_path=_path(council),
    )


def scoring_open(council: Council, now: dt.datetime) -> bool:
    if council.status != CouncilStatus.SCORING:
        return False
    if council.deadline is None or now <= council.deadline:
        return True
    return council.reopened_until is not None and now <= council.reopened_until


# --- members -----------------------------------------------------------------------------------


@transaction.atomic
def member_add(
    *,
    actor: Any,
    council: Council,
    user: User,
    role: str = CouncilRole.MEMBER,
    title: str = "",
    fields: Iterable[ProgrammeField] = (),
    load_cap: int | None = None,
) -> CouncilMember:
    """Seat a user on the council (again, if they had left). Side effects: audit."""
    seat = CouncilMember.objects.filter(council=council, user=user).first()
    if seat is not None and seat.active:
        raise ValidationError(_("Người này đã là thành viên hội đồng."))
    fields = list(fields)
    if any(f.programme_id != council.level.programme_id for f in fields):
        raise ValidationError({"fields": _("Lĩnh vực không thuộc chương trình này.")})
    if (
        role in {CouncilRole.CHAIR, CouncilRole.SECRETARY}
        and council.members.filter(role=role, active=True).exists()
    ):
        raise ValidationError(
            {"role": _("Hội đồng đã có %(role)s.") % {"role": CouncilRole(role).label}}
        )
    if seat is None:
        seat = CouncilMember(council=council, user=user)
    seat.role, seat.title, seat.load_cap, seat.active = role, title, load_cap, True
    seat.full_clean()
    seat.save()
    seat.fields.set(fields)
    audit_record(
        actor=actor,
        action="council_member_add",
        obj=council,
        changes={"member": [None, f"{seat} – {CouncilRole(role).label}"]},
        unit_path=_path(council),
    )
    return seat


@transaction.atomic
def member_update(
    *,
    actor: Any,
    seat: CouncilMember,
    role: str,
    title: str,
    fields: Iterable[ProgrammeField],
    load_cap: int | None,
) -> None:
    if (
        role in {CouncilRole.CHAIR, CouncilRole.SECRETARY}
        and seat.council.members.filter(role=role, active=True).exclude(pk=seat.pk).exists()
    ):
        raise ValidationError(
            {"role": _("Hội đồng đã có %(role)s.") % {"role": CouncilRole(role).label}}
        )
    model_update(
        instance=seat,
        data={"role": role, "title": title, "load_cap": load_cap},
        actor=actor,
        action="council_member_update",
        unit_path=_path(seat.council),
    )
    seat.fields.set(list(fields))


@transaction.atomic
def member_remove(
    *, actor: Any, seat: CouncilMember, reason: str, now: dt.datetime | None = None
) -> int:
    """Take a member off the council. Their open assignments end (submitted sheets stay on
    record but no longer count); returns how many initiatives now need another reviewer.
    Side effects: assignments ended; audit."""
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do.")})
    now = now or timezone.now()
    open_ones = seat.assignments.filter(status=AssignmentStatus.ACTIVE)
    count = open_ones.update(status=AssignmentStatus.REMOVED, ended_at=now, end_reason=reason)
    seat.active = False
    seat.save(update_fields=["active"])
    audit_record(
        actor=actor,
        action="council_member_remove",
        obj=seat.council,
        changes={"member": [str(seat), None], "assignments_ended": [None, count]},
        reason=reason,
        unit_path=_path(seat.council),
    )
    return count


# --- assignment --------------------------------------------------------------------------------


def _item_for(council: Council, initiative: Initiative) -> assigning.Item:
    authorships = list(initiative.authorships.select_related("person"))
    return assigning.Item(
        id=initiative.pk,
        field=initiative.field_id,
        unions=frozenset({initiative.unit_id, *(a.person.unit_id for a in authorships)}),
        authors=frozenset(a.person_id for a in authorships),
    )


def _reviewer_for(seat: CouncilMember) -> assigning.Reviewer:
    person = getattr(seat.user, "person", None)
    return assigning.Reviewer(
        id=seat.pk,
        person=person.pk if person else None,
        unions=frozenset({person.unit_id}) if person else frozenset(),
        fields=frozenset(seat.fields.values_list("pk", flat=True)),
        cap=seat.load_cap if seat.load_cap is not None else seat.council.load_cap,
    )


def assignment_problem(council: Council, seat: CouncilMember, initiative: Initiative) -> str:
    """Why this member may not score this initiative, or "" when they may."""
    if not seat.active or seat.council_id != council.pk:
        return _("Không phải thành viên của hội đồng này.")
    if not council_initiatives(council).filter(pk=initiative.pk).exists():
        return _("Sáng kiến không thuộc danh sách hội đồng xét.")
    reason = assigning.conflict(
        _reviewer_for(seat),
        _item_for(council, initiative),
        declared=confirmed_conflicts(council),
    )
    if reason:
        return reason
    if Assignment.objects.filter(
        member=seat, initiative=initiative, status=AssignmentStatus.ACTIVE
    ).exists():
        return _("Đã được phân công chấm sáng kiến này.")
    cap = seat.load_cap if seat.load_cap is not None else council.load_cap
    if cap is not None and seat.assignments.filter(status=AssignmentStatus.ACTIVE).count() >= cap:
        return _("Đã đủ số sáng kiến tối đa (%(cap)s).") % {"cap": cap}
    return ""


@transaction.atomic
def assignment_add(
    *,
    actor: Any,
    council: Council,
    seat: CouncilMember,
    initiative: Initiative,
    source: str = AssignmentSource.MANUAL,
    now: dt.datetime | None = None,
) -> Assignment:
    """Assign one member to one initiative, never across a conflict of interest or over a
    cap. Side effects: audit."""
    if council.status == CouncilStatus.DECIDED:
        raise ValidationError(_("Hội đồng đã biểu quyết kết quả."))
    problem = assignment_problem(council, seat, initiative)
    if problem:
        raise ValidationError(
            _("Không phân công %(member)s chấm %(code)s: %(problem)s")
            % {"member": seat, "code": initiative.code, "problem": problem}
        )
    assignment = Assignment.objects.create(
        council=council,
        member=seat,
        initiative=initiative,
        source=source,
        assigned_by=actor if getattr(actor, "pk", None) else None,
        assigned_at=now or timezone.now(),
    )
    audit_record(
        actor=actor,
        action="assignment_add",
        obj=assignment,
        changes={"member": [None, str(seat)], "initiative": [None, initiative.code]},
        unit_path=_path(council),
    )
    return assignment


@transaction.atomic
def assignment_end(
    *, actor: Any, assignment: Assignment, reason: str, now: dt.datetime | None = None
) -> None:
    """Take an initiative off a member; the assignment and any sheet stay on record."""
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do thay người chấm.")})
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError(_("Phân công này đã kết thúc."))
    assignment.status = AssignmentStatus.REMOVED
    assignment.ended_at = now or timezone.now()
    assignment.end_reason = reason
    assignment.save(update_fields=["status", "ended_at", "end_reason"])
    audit_record(
        actor=actor,
        action="assignment_end",
        obj=assignment,
        reason=reason,
        unit_path=_path(assignment.council),
    )


@transaction.atomic
def assignment_reassign(
    *,
    actor: Any,
    assignment: Assignment,
    seat: CouncilMember,
    reason: str,
    now: dt.datetime | None = None,
) -> Assignment:
    """End one assignment and give the initiative to another member, keeping both on record."""
    assignment_end(actor=actor, assignment=assignment, reason=reason, now=now)
    return assignment_add(
        actor=actor,
        council=assignment.council,
        seat=seat,
        initiative=assignment.initiative,
        now=now,
    )


@transaction.atomic
def assignments_auto(
    *, actor: Any, council: Council, per_item: int | None = None, now: dt.datetime | None = None
) -> assigning.Plan:
    """Fill every initiative up to N reviewers, balanced, by expertise, never across a
    conflict. Existing assignments stay. Side effects: assignments; one audit entry."""
    if council.status == CouncilStatus.DECIDED:
        raise ValidationError(_("Hội đồng đã biểu quyết kết quả."))
    plan = assigning.auto_assign(
        items=item_inputs(council),
        reviewers=reviewer_inputs(council),
        per_item=per_item or council.reviewers_per_item,
        existing=active_pairs(council),
        declared=confirmed_conflicts(council),
    )
    now = now or timezone.now()
    by = actor if getattr(actor, "pk", None) else None
    Assignment.objects.bulk_create(
        [
            Assignment(
                council=council,
                member_id=member_id,
                initiative_id=initiative_id,
                source=AssignmentSource.AUTO,
                assigned_by=by,
                assigned_at=now,
            )
            for initiative_id, member_id in plan.pairs
        ],
        batch_size=1000,
    )
    audit_record(
        actor=actor,
        action="assignments_auto",
        obj=council,
        changes={"assignments": [None, len(plan.pairs)], "short": [None, len(plan.shortfalls)]},
        unit_path=_path(council),
    )
    return plan


@transaction.atomic
def assignments_import(
    *, actor: Any, council: Council, rows: Sequence[tuple[int, str, str]]
) -> int:
    """Assign from a spreadsheet: rows of (row number, initiative code, member username).
    All or nothing: any bad row raises one ValidationError listing every bad row."""
    seats = {
        seat.user.username.lower(): seat
        for seat in council.members.filter(active=True).select_related("user")
    }
    reviewed = {i.code.upper(): i for i in council_initiatives(council)}
    errors: list[str] = []
    pairs: list[tuple[CouncilMember, Initiative]] = []
    seen: set[tuple[int, int]] = set()
    for number, code, username in rows:
        seat = seats.get(username.strip().lower())
        initiative = reviewed.get(code.strip().upper())
        if initiative is None:
            errors.append(
                _("Dòng %(row)s: không có sáng kiến “%(code)s” trong danh sách hội đồng xét.")
                % {"row": number, "code": code}
            )
            continue
        if seat is None:
            errors.append(
                _("Dòng %(row)s: “%(user)s” không phải thành viên hội đồng.")
                % {"row": number, "user": username}
            )
            continue
        if (seat.pk, initiative.pk) in seen:
            errors.append(_("Dòng %(row)s: trùng dòng trước.") % {"row": number})
            continue
        seen.add((seat.pk, initiative.pk))
        problem = assignment_problem(council, seat, initiative)
        if problem:
            errors.append(
                _("Dòng %(row)s: %(member)s – %(code)s: %(problem)s")
                % {"row": number, "member": seat, "code": initiative.code, "problem": problem}
            )
            continue
        pairs.append((seat, initiative))
    if errors:
        raise ValidationError(errors)
    for seat, initiative in pairs:
        assignment_add(
            actor=actor,
            council=council,
            seat=seat,
            initiative=initiative,
            source=AssignmentSource.IMPORT,
        )
    return len(pairs)


# --- conflicts ---------------------------------------------------------------------------------


@transaction.atomic
def conflict_declare(
    *, actor: Any, assignment: Assignment, reason: str, now: dt.datetime | None = None
) -> Conflict:
    """The member declares a conflict of interest on an initiative assigned to them. The
    assignment is withdrawn at once (its sheet stops counting) until the secretary decides.
    Side effects: Conflict; assignment withdrawn; audit."""
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi rõ quan hệ dẫn đến xung đột lợi ích.")})
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError(_("Phân công này đã kết thúc."))
    now = now or timezone.now()
    conflict, _created = Conflict.objects.update_or_create(
        member=assignment.member,
        initiative=assignment.initiative,
        defaults={
            "reason": reason,
            "status": ConflictStatus.DECLARED,
            "declared_at": now,
            "decided_by": None,
            "decided_at": None,
            "decision_note": "",
        },
    )
    assignment.status = AssignmentStatus.WITHDRAWN
    assignment.ended_at = now
    assignment.end_reason = reason
    assignment.save(update_fields=["status", "ended_at", "end_reason"])
    audit_record(
        actor=actor,
        action="conflict_declare",
        obj=conflict,
        reason=reason,
        unit_path=_path(assignment.council),
    )
    return conflict


@transaction.atomic
def conflict_decide(
    *, actor: Any, conflict: Conflict, confirm: bool, note: str = "", now: dt.datetime | None = None
) -> None:
    """The secretary confirms a declared conflict (the member stays off it) or rejects it
    (the member's assignment, with its sheet, comes back). Side effects: audit."""
    if conflict.status != ConflictStatus.DECLARED:
        raise ValidationError(_("Khai báo này đã được xử lý."))
    if not confirm and not note.strip():
        raise ValidationError({"note": _("Hãy ghi lý do không chấp nhận khai báo.")})
    now = now or timezone.now()
    conflict.status = ConflictStatus.CONFIRMED if confirm else ConflictStatus.REJECTED
    conflict.decided_by = actor if getattr(actor, "pk", None) else None
    conflict.decided_at = now
    conflict.decision_note = note
    conflict.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if not confirm:
        withdrawn = (
            Assignment.objects.filter(
                member=conflict.member,
                initiative=conflict.initiative,
                status=AssignmentStatus.WITHDRAWN,
            )
            .order_by("-ended_at")
            .first()
        )
        if withdrawn is not None:
            withdrawn.status, withdrawn.ended_at, withdrawn.end_reason = (
                AssignmentStatus.ACTIVE,
                None,
                "",
            )
            withdrawn.save(update_fields=["status", "ended_at", "end_reason"])
    audit_record(
        actor=actor,
        action="conflict_confirm" if confirm else "conflict_reject",
        obj=conflict,
        reason=note,
        unit_path=_path(conflict.member.council),
    )


# --- scoring -----------------------------------------------------------------------------------


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
    within its bands). Refused outside the scoring period unless the secretary reopened it.
    Side effects: the sheet; audit."""
    now = now or timezone.now()
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
    sheet = ScoreSheet.objects.select_for_update().filter(assignment=assignment).first()
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
        unit_path=_path(council),
    )
    return sheet


# --- slate and vote ----------------------------------------------------------------------------


def _limits(raw: Mapping[str, Any]) -> dict[int, selection.Limit]:
    limits = {}
    for key, value in raw.items():
        low, high = [*list(value), 0, None][:2]
        limits[int(key)] = selection.Limit(
            minimum=int(low or 0), maximum=None if high in (None, "") else int(high)
        )
    return limits


def selection_rules(council: Council) -> selection.Rules:
    return selection.Rules(
        quota_min=council.quota_min,
        quota_max=council.quota_max,
        min_score=float(council.min_score) if council.min_score is not None else None,
        field_limits=_limits(council.field_limits),
        unit_limits=_limits(council.unit_limits),
        prizes=tuple(
            selection.PrizeTier(
                prize=str(tier["prize"]),
                count=tier.get("count"),
                min_score=float(tier["min_score"]) if tier.get("min_score") is not None else None,
            )
            for tier in council.prizes
        ),
        top_n=council.top_n,
        field_names=dict(
            ProgrammeField.objects.filter(
                pk__in=[int(k) for k in council.field_limits]
            ).values_list("pk", "name")
        ),
        unit_names=dict(
            Unit.objects.filter(pk__in=[int(k) for k in council.unit_limits]).values_list(
                "pk", "name"
            )
        ),
        media_min=council.media_min,
        media_max=council.media_max,
        media_min_fields=council.media_min_fields,
    )


@transaction.atomic
def slate_propose(*, actor: Any, council: Council, now: dt.datetime | None = None) -> Slate:
    """Propose a result from the ranking the council chose (raw or corrected), satisfying every
    rule it can and naming those it cannot, with a reason for each initiative. An earlier draft
    is superseded. Side effects: Slate with lines and media picks; audit."""
    if council.status == CouncilStatus.DECIDED:
        raise ValidationError(_("Hội đồng đã biểu quyết kết quả."))
    if council.rubric_id is None:
        raise ValidationError(_("Hội đồng chưa có bộ tiêu chí."))
    now = now or timezone.now()
    results = council_results(council)
    basis = council.basis
    senders = {
        unit.pk: unit.name
        for unit in Unit.objects.filter(pk__in={r.sender_id for r in results.rows if r.sender_id})
    }
    candidates = []
    for row in results.ordered(basis):
        initiative = row.initiative
        rank = results.rank_of(row, basis) or len(results.rows)
        unit_id = row.sender_id or initiative.unit_id
        candidates.append(
            selection.Candidate(
                item=initiative.pk,
                code=initiative.code,
                rank=rank,
                score=results.score_of(row, basis),
                passed=bool(row.outcome and row.outcome.passed),
                fail_reason="; ".join(row.outcome.reasons) if row.outcome else "",
                field=initiative.field_id,
                field_name=initiative.field.name,
                unit=unit_id,
                unit_name=senders.get(unit_id, initiative.unit.name),
                benefit_value=initiative.benefit_value,
                authors=tuple(
                    selection.Author(
                        person=a.person_id,
                        name=a.person.full_name,
                        consented=a.person.publicity_consent,
                    )
                    for a in initiative.authorships.all()
                ),
            )
        )
    rules = selection_rules(council)
    slate_data = selection.propose(candidates, rules)
    council.slates.filter(status=SlateStatus.DRAFT).update(status=SlateStatus.SUPERSEDED)
    number = (council.slates.aggregate(n=Max("number"))["n"] or 0) + 1
    slate = Slate.objects.create(
        council=council,
        number=number,
        basis=basis,
        rules=snapshot(
            council,
            [
                name
                for name in COUNCIL_FIELDS
                if name not in {"rubric", "name", "decision_number", "decision_date", "deadline"}
            ],
        ),
        problems=list(slate_data.problems),
        proposed_by=actor if getattr(actor, "pk", None) else None,
        proposed_at=now,
    )
    rows = {row.initiative.pk: row for row in results.rows}
    lines = []
    for line in slate_data.lines:
        row = rows[line.item]
        lines.append(
            SlateLine(
                slate=slate,
                initiative_id=line.item,
                rank=results.rank_of(row, basis) or len(results.rows),
                raw_rank=row.raw_rank,
                corrected_rank=row.corrected_rank,
                raw=_dec(row.result.raw if row.result else None),
                corrected=_dec(row.result.corrected if row.result else None),
                sheets=row.result.sheets if row.result else 0,
                grade=(row.outcome.grade or "") if row.outcome else "",
                selected=line.selected,
                prize=line.prize,
                top=line.top,
                reason=line.reason,
                proposed_selected=line.selected,
                proposed_prize=line.prize,
            )
        )
    SlateLine.objects.bulk_create(lines, batch_size=1000)
    MediaPick.objects.bulk_create(
        [
            MediaPick(
                slate=slate,
                person_id=pick.person,
                field_id=pick.field,
                initiative_ids=list(pick.items),
                reason=pick.reason,
                order=order,
            )
            for order, pick in enumerate(slate_data.media, start=1)
        ]
    )
    audit_record(
        actor=actor,
        action="slate_propose",
        obj=slate,
        changes={
            "selected": [None, sum(1 for line in slate_data.lines if line.selected)],
            "basis": [None, str(Basis(basis).label)],
        },
        unit_path=_path(council),
    )
    return slate


def _dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 2)))


@transaction.atomic
def slate_amend(
    *, actor: Any, line: SlateLine, selected: bool, prize: str, reason: str, top: bool | None = None
) -> None:
    """The council changes the proposal for one initiative, with its reason on record."""
    if line.slate.status != SlateStatus.DRAFT:
        raise ValidationError(_("Chỉ sửa được đề xuất chưa biểu quyết."))
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do hội đồng thay đổi đề xuất.")})
    if prize and not selected:
        raise ValidationError({"prize": _("Chỉ trao giải cho sáng kiến được chọn.")})
    if prize and prize not in selection.PRIZES:
        raise ValidationError({"prize": _("Giải không hợp lệ.")})
    data: dict[str, Any] = {"selected": selected, "prize": prize, "amend_reason": reason}
    if top is not None:
        data["top"] = top and selected
    elif not selected:
        data["top"] = False
    model_update(
        instance=line,
        data=data,
        actor=actor,
        action="slate_amend",
        reason=reason,
        unit_path=_path(line.slate.council),
    )


def vote_passes(*, in_favour: int, members_total: int, numerator: int, denominator: int) -> bool:
    """At least numerator/denominator of all the council's members agree (TT 18/2013: 2/3)."""
    return members_total > 0 and in_favour * denominator >= numerator * members_total


@transaction.atomic
def slate_vote(
    *,
    actor: Any,
    slate: Slate,
    method: str,
    present: Sequence[CouncilMember],
    in_favour: int,
    against: int,
    abstain: int = 0,
    note: str = "",
    place: str = "",
    now: dt.datetime | None = None,
) -> Vote:
    """Record the council's vote on a draft slate. When it reaches the threshold the slate is
    confirmed: the council is decided, each initiative is selected or not at this level with
    the slate's reason, and the top N go to the next level if the programme has one, carrying
    their score history (the sheets and the slate line stay linked to the initiative).
    Side effects: Vote; slate and council status; initiative decisions; audit."""
    council = slate.council
    now = now or timezone.now()
    if slate.status != SlateStatus.DRAFT:
        raise ValidationError(_("Đề xuất này không còn chờ biểu quyết."))
    members_total = council.members.filter(active=True).count()
    present = list(present)
    if any(seat.council_id != council.pk or not seat.active for seat in present):
        raise ValidationError({"present": _("Có người không phải thành viên hội đồng.")})
    if in_favour + against + abstain > len(present):
        raise ValidationError(
            _("Tổng số phiếu (%(votes)s) nhiều hơn số thành viên có mặt (%(present)s).")
            % {"votes": in_favour + against + abstain, "present": len(present)}
        )
    passed = vote_passes(
        in_favour=in_favour,
        members_total=members_total,
        numerator=council.vote_numerator,
        denominator=council.vote_denominator,
    )
    vote = Vote.objects.create(
        slate=slate,
        method=method,
        members_total=members_total,
        in_favour=in_favour,
        against=against,
        abstain=abstain,
        threshold_numerator=council.vote_numerator,
        threshold_denominator=council.vote_denominator,
        passed=passed,
        note=note,
        place=place,
        recorded_by=actor if getattr(actor, "pk", None) else None,
        held_at=now,
    )
    vote.full_clean()
    vote.present.set(present)
    audit_record(
        actor=actor,
        action="slate_vote",
        obj=slate,
        changes={"votes": [None, f"{in_favour}/{members_total}"], "passed": [None, passed]},
        unit_path=_path(council),
    )
    if passed:
        _confirm(actor=actor, slate=slate, now=now)
    return vote


def _confirm(*, actor: Any, slate: Slate, now: dt.datetime) -> None:
    council = slate.council
    slate.status, slate.confirmed_at = SlateStatus.CONFIRMED, now
    slate.save(update_fields=["status", "confirmed_at"])
    council.status = CouncilStatus.DECIDED
    council.save(update_fields=["status"])
    unforwarded: list[str] = []
    pending = set(
        Stage.objects.filter(
            level_id=council.level_id, unit_id=council.unit_id, status=StageStatus.PENDING
        ).values_list("initiative_id", flat=True)
    )
    for line in slate.lines.select_related("initiative__programme", "initiative__current_level"):
        initiative = line.initiative
        if initiative.pk not in pending or initiative.current_level_id != council.level_id:
            continue
        initiatives.initiative_decide(
            actor=actor,
            initiative=initiative,
            selected=line.selected,
            reason=(line.amend_reason or line.reason) if not line.selected else "",
            now=now,
        )
        if line.top and initiatives.next_level(initiative, timezone.localdate(now)) is not None:
            try:
                initiatives.initiative_forward(actor=actor, initiative=initiative, now=now)
            except ValidationError as error:
                # The vote stands; the officer forwards it by hand once the level above allows.
                unforwarded.append(f"{initiative.code}: {'; '.join(error.messages)}")
    audit_record(
        actor=actor,
        action="slate_confirm",
        obj=slate,
        changes={
            "selected": [None, slate.lines.filter(selected=True).count()],
            "not_forwarded": [None, unforwarded],
        },
        unit_path=_path(council),
    )
