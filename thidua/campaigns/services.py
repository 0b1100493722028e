"""Writes to programmes: create with levels and fields, edit a level, launch, extend a deadline.
Each is atomic and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.enums import DEFAULT_FIELDS, ProgrammeStatus
from thidua.campaigns.models import DeadlineExtension, Programme, ProgrammeField, ProgrammeLevel
from thidua.common.audit import audit_record, model_update
from thidua.common.vietnamese import date_short
from thidua.orgs.models import Unit
from thidua.orgs.selectors import unit_current_path

LEVEL_FIELDS = ["name", "deadline", "quota_min", "quota_max", "has_council"]


def _path(programme: Programme) -> str:
    return unit_current_path(programme.running_unit)


@transaction.atomic
def programme_create(
    *,
    actor: Any,
    name: str,
    code: str,
    running_unit: Unit,
    starts_on: dt.date,
    ends_on: dt.date,
    levels: Sequence[Mapping[str, Any]],
    fields: Sequence[str] | None = None,
    description: str = "",
) -> Programme:
    """Create a programme in draft with its levels (in climbing order: each a mapping of name,
    tier, deadline, quota_min, quota_max, has_council) and fields (the seed's by default)."""
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    programme = Programme(
        name=name.strip(),
        code=code.strip().upper(),
        running_unit=running_unit,
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
    )
    programme.full_clean()
    programme.save()
    if not levels:
        raise ValidationError({"levels": _("Chương trình cần ít nhất một cấp xét.")})
    tiers = [level["tier"] for level in levels]
    if tiers != sorted(tiers, reverse=True) or len(set(tiers)) != len(tiers):
        raise ValidationError(
            {"levels": _("Các cấp xét phải đi từ cấp dưới lên cấp trên, mỗi cấp một lần.")}
        )
    if running_unit.tier not in tiers:
        raise ValidationError(
            {"levels": _("Cấp xét cao nhất phải là cấp của “%(unit)s”.") % {"unit": running_unit}}
        )
    if min(tiers) != running_unit.tier:
        raise ValidationError({"levels": _("Không có cấp xét nào cao hơn đơn vị chủ trì.")})
    for order, level in enumerate(levels, start=1):
        item = ProgrammeLevel(programme=programme, order=order, **level)
        item.full_clean()
        item.save()
    for order, field_name in enumerate(fields or DEFAULT_FIELDS):
        ProgrammeField.objects.create(programme=programme, name=field_name.strip(), order=order)
    audit_record(
        actor=actor,
        action="programme_create",
        obj=programme,
        unit_path=_path(programme),
        changes={"name": [None, programme.name], "levels": [None, len(levels)]},
    )
    return programme


@transaction.atomic
def programme_update(
    *, actor: Any, programme: Programme, data: Mapping[str, Any]
) -> dict[str, list[Any]]:
    allowed = {"name", "starts_on", "ends_on", "description"}
    if set(data) - allowed:
        raise ValueError(f"programme_update cannot set {sorted(set(data) - allowed)}")
    return model_update(
        instance=programme,
        data=data,
        actor=actor,
        action="programme_update",
        unit_path=_path(programme),
    )


@transaction.atomic
def level_update(
    *, actor: Any, level: ProgrammeLevel, data: Mapping[str, Any]
) -> dict[str, list[Any]]:
    """Change a level's name, deadline, quota or council. Audited."""
    if set(data) - set(LEVEL_FIELDS):
        raise ValueError(f"level_update cannot set {sorted(set(data) - set(LEVEL_FIELDS))}")
    return model_update(
        instance=level,
        data=data,
        actor=actor,
        action="level_update",
        unit_path=_path(level.programme),
    )


@transaction.atomic
def field_add(*, actor: Any, programme: Programme, name: str) -> ProgrammeField:
    if programme.fields.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": _("Lĩnh vực này đã có.")})
    field = ProgrammeField.objects.create(
        programme=programme, name=name.strip(), order=programme.fields.count()
    )
    audit_record(
        actor=actor,
        action="field_add",
        obj=programme,
        unit_path=_path(programme),
        changes={"field": [None, field.name]},
    )
    return field


@transaction.atomic
def programme_launch(*, actor: Any, programme: Programme, now: dt.datetime | None = None) -> None:
    """Phát động: the programme opens to its subtree; units see it with their deadlines.
    `now` records a launch that happened on paper before it was entered."""
    if programme.status != ProgrammeStatus.DRAFT:
        raise ValidationError(_("Chỉ phát động được chương trình đang soạn."))
    programme.status, programme.launched_at = ProgrammeStatus.LAUNCHED, now or timezone.now()
    programme.save(update_fields=["status", "launched_at"])
    audit_record(
        actor=actor,
        action="programme_launch",
        obj=programme,
        unit_path=_path(programme),
        changes={"status": [ProgrammeStatus.DRAFT, ProgrammeStatus.LAUNCHED]},
    )


@transaction.atomic
def programme_close(*, actor: Any, programme: Programme) -> None:
    if programme.status != ProgrammeStatus.LAUNCHED:
        raise ValidationError(_("Chỉ kết thúc được chương trình đang diễn ra."))
    programme.status = ProgrammeStatus.CLOSED
    programme.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="programme_close",
        obj=programme,
        unit_path=_path(programme),
        changes={"status": [ProgrammeStatus.LAUNCHED, ProgrammeStatus.CLOSED]},
    )


@transaction.atomic
def deadline_extend(
    *,
    actor: Any,
    level: ProgrammeLevel,
    unit: Unit | None,
    deadline: dt.datetime,
    reason: str,
    now: dt.datetime | None = None,
) -> DeadlineExtension:
    """Give one acting unit (or every unit, with no unit) a later deadline at `level`. `now`
    dates an extension granted on paper before it was entered."""
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do gia hạn.")})
    if deadline <= level.deadline:
        raise ValidationError({"deadline": _("Hạn mới phải sau hạn hiện tại của cấp này.")})
    extension = DeadlineExtension.objects.create(
        level=level,
        unit=unit,
        deadline=deadline,
        reason=reason,
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=now or timezone.now(),
    )
    local = timezone.localtime(deadline)
    # The audit trail is Vietnamese whatever the actor reads (see orgs.services._role_label).
    audit_record(
        actor=actor,
        action="deadline_extend",
        obj=level.programme,
        reason=reason,
        unit_path=_path(level.programme),
        changes={
            "level": [None, level.name],
            "unit": [None, str(unit) if unit else "Tất cả đơn vị"],
            "deadline": [None, f"{local:%H:%M} {date_short(local.date())}"],
        },
    )
    return extension
