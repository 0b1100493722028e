"""Check-in on the conference's day: marking a delegate present (from the QR code on their
invitation or a search by name), taking back a mistaken mark, and adding someone who came
without an invitation. Several staff check people in at once from their phones, so marking is
one conditional UPDATE: two taps on the same person at the same moment count once.

Callers fetch the conference through thidua.events.permissions.event_for_user(manage=True) and
the delegate through event_guest(); every service here refuses once the conference is closed
(permissions.can_check_in)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.audit import audit_record
from thidua.events.enums import GroupKind
from thidua.events.models import Event, Guest, GuestGroup
from thidua.events.permissions import can_check_in
from thidua.orgs.selectors import unit_current_path

WALK_IN_FIELDS = ["name", "position", "unit_name", "phone"]


@dataclass(frozen=True)
class CheckIn:
    """What a tap on "Có mặt" did: `counted` when this call marked the delegate present, False
    when someone had already (the delegate then says when and by whom)."""

    guest: Guest
    counted: bool


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _event_of(guest: Guest) -> Event:
    return guest.group.event


def _require_open(actor: Any, event: Event) -> None:
    """Check-in is for the organiser's staff until the conference is closed. `actor=None` is the
    system (the demo), which may check in as long as the conference is open."""
    if event.is_closed:
        raise ValidationError(
            _("Hội nghị đã kết thúc: không điểm danh, không thêm người được nữa.")
        )
    if actor is not None and not can_check_in(actor, event):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua của %(unit)s được điểm danh hội nghị này.")
            % {"unit": event.organiser.name}
        )


def present_text(guest: Guest) -> str:
    """'Đã điểm danh lúc 13:52 bởi Nguyễn Thu Hà': what a second tap on the same delegate
    reads."""
    if guest.present_at is None:
        return _("Chưa điểm danh.")
    at = timezone.localtime(guest.present_at).strftime("%H:%M")
    if guest.present_by is None:
        return _("Đã điểm danh lúc %(time)s.") % {"time": at}
    return _("Đã điểm danh lúc %(time)s bởi %(user)s.") % {"time": at, "user": guest.present_by}


@transaction.atomic
def check_in(*, actor: Any, guest: Guest, now: dt.datetime | None = None) -> CheckIn:
    """Mark `guest` present. The mark is one UPDATE guarded by "not present yet", so of two
    staff tapping the same person at the same moment exactly one counts; the other gets
    counted=False and the delegate as marked by the first.

    Side effects: the guest's present_at and present_by; an audit entry (checkin) only when
    this call marked them."""
    event = _event_of(guest)
    _require_open(actor, event)
    moment = now or timezone.now()
    # Only columns of the guest's own row in the WHERE clause: PostgreSQL re-checks them on the
    # row a concurrent transaction has just updated, so the second UPDATE matches nothing.
    counted = bool(
        Guest.objects.filter(pk=guest.pk, present_at__isnull=True).update(
            present_at=moment, present_by=_user(actor)
        )
    )
    guest.refresh_from_db(fields=["present_at", "present_by"])
    if counted:
        audit_record(
            actor=actor,
            action="checkin",
            obj=guest,
            changes={
                "present_at": [None, timezone.localtime(moment).isoformat()],
                "group": [None, guest.group.name],
            },
            unit_path=unit_current_path(event.organiser),
        )
    return CheckIn(guest=guest, counted=counted)


@transaction.atomic
def check_in_undo(*, actor: Any, guest: Guest) -> None:
    """Take back a mark made by mistake (the wrong person tapped). A walk-in was added present:
    they are taken off the guest list instead (the conference page's "Bỏ").

    Side effects: present_at and present_by cleared; an audit entry (checkin_undo) with the
    time and the staff member of the mark taken back."""
    event = _event_of(guest)
    _require_open(actor, event)
    if guest.walk_in:
        raise ValidationError(
            _(
                "“%(name)s” được thêm khi đến không có giấy mời: nếu thêm nhầm, hãy bỏ khỏi danh "
                "sách ở trang hội nghị."
            )
            % {"name": guest.name}
        )
    guest.refresh_from_db(fields=["present_at", "present_by"])
    before, by = guest.present_at, guest.present_by
    undone = Guest.objects.filter(pk=guest.pk, present_at__isnull=False).update(
        present_at=None, present_by=None
    )
    if not undone or before is None:
        raise ValidationError(_("“%(name)s” chưa được điểm danh.") % {"name": guest.name})
    guest.present_at, guest.present_by = None, None
    audit_record(
        actor=actor,
        action="checkin_undo",
        obj=guest,
        changes={
            "present_at": [timezone.localtime(before).isoformat(), None],
            "present_by": [str(by) if by is not None else None, None],
        },
        unit_path=unit_current_path(event.organiser),
    )


def walk_in_groups(event: Event) -> list[GuestGroup]:
    """The groups a walk-in may be added to: the invited guests' (III.2). Honourees come from
    the decisions, never from the door."""
    return list(event.guest_groups.filter(kind=GroupKind.GUEST).order_by("order", "id"))


@transaction.atomic
def walk_in_add(
    *,
    actor: Any,
    event: Event,
    group: GuestGroup,
    name: str,
    position: str = "",
    unit_name: str = "",
    phone: str = "",
    now: dt.datetime | None = None,
) -> Guest:
    """Add someone who came without an invitation to `group` (a guest group of `event`),
    present from now on and marked as a walk-in, at the end of the group.

    Side effects: the guest (walk_in, present_at, present_by); an audit entry (walk_in_add)."""
    _require_open(actor, event)
    if group.event_id != event.pk or group.kind != GroupKind.GUEST:
        raise ValidationError(
            {"group": _("Hãy chọn một nhóm khách mời của hội nghị (không phải nhóm được khen).")}
        )
    values = {
        field: " ".join(str(value or "").split())
        for field, value in zip(WALK_IN_FIELDS, (name, position, unit_name, phone), strict=True)
    }
    if not values["name"]:
        raise ValidationError({"name": _("Hãy nhập họ và tên người đến.")})
    moment = now or timezone.now()
    top = group.guests.aggregate(top=Max("order"))["top"] or 0
    guest = Guest(
        group=group,
        order=top + 1,
        walk_in=True,
        present_at=moment,
        present_by=_user(actor),
        **values,
    )
    guest.full_clean()
    guest.save()
    audit_record(
        actor=actor,
        action="walk_in_add",
        obj=guest,
        changes={k: [None, v] for k, v in {"group": group.name, **values}.items() if v},
        unit_path=unit_current_path(event.organiser),
    )
    return guest
