"""Forming a council, its settings, opening and reopening scoring, its members."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Programme, ProgrammeField, ProgrammeLevel
from thidua.common.audit import audit_record, model_update, snapshot
from thidua.orgs.models import Unit, User
from thidua.reviews import rubrics
from thidua.reviews.enums import (
    AssignmentStatus,
    CouncilRole,
    CouncilStatus,
)
from thidua.reviews.models import (
    Council,
    CouncilMember,
    Rubric,
    ScoreSheet,
)
from thidua.reviews.services.common import (
    COUNCIL_FIELDS,
    RECORD_FIELDS,
    check_rules,
    council_path,
    ensure_undecided,
)
from thidua.reviews.services.rubric import rubric_create


def _from_preset(actor: Any, programme: Programme, key: str, now: dt.datetime | None) -> Rubric:
    """A rubric of the programme copied from a preset, in the same transaction as the council
    that takes it (a refused council leaves no stray rubric behind)."""
    if key not in rubrics.PRESETS:
        raise ValidationError({"rubric": _("Không có bộ tiêu chí mẫu “%(key)s”.") % {"key": key}})
    return rubric_create(
        actor=actor, programme=programme, spec=rubrics.PRESETS[key], preset=key, now=now
    )


@transaction.atomic
def council_create(
    *,
    actor: Any,
    level: ProgrammeLevel,
    unit: Unit,
    data: Mapping[str, Any],
    now: dt.datetime | None = None,
    preset: str = "",
) -> Council:
    """Form a council of `unit` at `level`. Its quota starts as the level's. Side effects:
    audit."""
    if Council.objects.filter(level=level, unit=unit).exists():
        raise ValidationError(_("Đơn vị này đã có hội đồng ở cấp xét này."))
    values = {name: value for name, value in data.items() if name in COUNCIL_FIELDS}
    if values.get("rubric") is None and preset:
        values["rubric"] = _from_preset(actor, level.programme, preset, now)
    values.setdefault("quota_min", level.quota_min)
    values.setdefault("quota_max", level.quota_max)
    check_rules(values, programme_id=level.programme_id, rubric=values.get("rubric"))
    council = Council(
        level=level,
        unit=unit,
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=now or timezone.now(),
        **values,
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
        unit_path=council_path(council),
    )
    return council


@transaction.atomic
def council_update(
    *, actor: Any, council: Council, data: Mapping[str, Any], preset: str = ""
) -> dict[str, list[Any]]:
    values = {name: value for name, value in data.items() if name in COUNCIL_FIELDS}
    if preset and values.get("rubric") is None:
        values["rubric"] = _from_preset(actor, council.level.programme, preset, None)
    changing = {name for name, value in values.items() if getattr(council, name) != value}
    if changing - RECORD_FIELDS:
        ensure_undecided(council)
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
    check_rules(
        checked,
        programme_id=council.level.programme_id,
        rubric=values.get("rubric", council.rubric),
    )
    return model_update(
        instance=council,
        data=values,
        actor=actor,
        action="council_update",
        unit_path=council_path(council),
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
        unit_path=council_path(council),
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
        unit_path=council_path(council),
    )


def scoring_open(council: Council, now: dt.datetime) -> bool:
    if council.status != CouncilStatus.SCORING:
        return False
    if council.deadline is None or now <= council.deadline:
        return True
    return council.reopened_until is not None and now <= council.reopened_until


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
    now: dt.datetime | None = None,
) -> CouncilMember:
    """Seat a user on the council (again, if they had left). Side effects: audit."""
    ensure_undecided(council)
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
    seat.joined_at = now or timezone.now()
    seat.full_clean()
    seat.save()
    seat.fields.set(fields)
    audit_record(
        actor=actor,
        action="council_member_add",
        obj=council,
        changes={"member": [None, f"{seat} – {CouncilRole(role).label}"]},
        unit_path=council_path(council),
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
    ensure_undecided(seat.council)
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
        unit_path=council_path(seat.council),
    )
    seat.fields.set(list(fields))


@transaction.atomic
def member_remove(
    *, actor: Any, seat: CouncilMember, reason: str, now: dt.datetime | None = None
) -> int:
    """Take a member off the council. Their open assignments end (submitted sheets stay on
    record but no longer count); returns how many initiatives now need another reviewer.
    Side effects: assignments ended; audit."""
    ensure_undecided(seat.council)
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
        unit_path=council_path(seat.council),
    )
    return count
