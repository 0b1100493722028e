"""What the award services share: the history record, the audit path, the deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import Cycle, Nomination, NominationEvent
from thidua.common.audit import audit_record
from thidua.orgs.models import Unit
from thidua.orgs.selectors import unit_current_path


def nomination_path(nomination: Nomination) -> str:
    return unit_current_path(nomination.unit)


def record(
    *,
    nomination: Nomination,
    actor: Any,
    action: str,
    status_from: str = "",
    reason: str = "",
    changes: dict[str, list[Any]] | None = None,
    at: dt.datetime | None = None,
) -> None:
    """The dossier's own history (with the date of the act) and the audit entry."""
    NominationEvent.objects.create(
        nomination=nomination,
        at=at or timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        status_from=status_from,
        status_to=nomination.status,
        reason=reason,
    )
    audit_record(
        actor=actor,
        action=f"nomination_{action}",
        obj=nomination,
        changes=changes or ({"status": [status_from, nomination.status]} if status_from else {}),
        reason=reason,
        unit_path=nomination_path(nomination),
    )


def deadline_for(cycle: Cycle, unit: Unit) -> dt.datetime:
    """The cycle's deadline for a nominating unit: the latest extension for it or for all."""
    deadline = cycle.deadline
    for extension in cycle.extensions.all():
        if extension.unit_id in (None, unit.pk) and extension.deadline > deadline:
            deadline = extension.deadline
    return deadline


def deadline_text(deadline: dt.datetime) -> str:
    """ "trước ngày 13/7/2024" for a midnight deadline (as plans write it), else the hour."""
    local = timezone.localtime(deadline)
    if local.hour == 0 and local.minute == 0:
        return _("trước ngày %(day)s") % {"day": f"{local.day}/{local.month}/{local.year}"}
    return _("%(time)s ngày %(day)s") % {
        "time": f"{local:%H:%M}",
        "day": f"{local.day}/{local.month}/{local.year}",
    }
