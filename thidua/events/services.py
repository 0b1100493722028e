"""Honouring conferences: the plan (worded from the cycle it honours), its guest groups and
their guests. Every write is atomic, validated and audited under the organiser's path; callers
fetch through thidua.events.permissions first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import Cycle
from thidua.common.audit import audit_record, diff, model_update, snapshot
from thidua.events import selectors, wording
from thidua.events.enums import EventStatus, GroupKind
from thidua.events.models import Event, Guest, GuestGroup
from thidua.orgs.models import Person, Unit
from thidua.orgs.selectors import unit_current_path

EVENT_FIELDS = [
    "title", "starts_at", "place", "basis", "purposes", "contents", "honourees", "tasks",
    "responsible", "remind_hours",
]  # fmt: skip
TEXT_FIELDS = ["basis", "purposes", "contents", "honourees", "tasks"]
GUEST_FIELDS = ["name", "position", "unit_name", "email", "phone"]

Row = TypeVar("Row", GuestGroup, Guest)


def _path(event: Event) -> str:
    return unit_current_path(event.organiser)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _clean_text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _require(event: Event) -> None:
    """What a plan cannot do without, in the words the staff read next to the field."""
    errors: dict[str, str] = {}
    if not event.title.strip():
        errors["title"] = _("Hãy nhập tên hội nghị.")
    if event.starts_at is None:
        errors["starts_at"] = _("Hãy nhập thời gian bắt đầu hội nghị (ngày và giờ).")
    if not event.place.strip():
        errors["place"] = _("Hãy nhập địa điểm tổ chức hội nghị.")
    if errors:
        raise ValidationError(errors)


# --- the conference -------------------------------------------------------------------------------


@transaction.atomic
def event_create(
    *,
    actor: Any,
    organiser: Unit,
    data: Mapping[str, Any],
    cycle: Cycle | None = None,
    guest_groups: Sequence[str] | None = None,
    now: dt.datetime | None = None,
) -> Event:
    """Create a conference of `organiser`, honouring `cycle` if given. The title left blank is
    the cycle's ("Hội nghị biểu dương …"); the plan's texts left blank are worded by
    selectors.plan_wording(); the guest groups are `guest_groups`, or the usual ones for the
    organiser's place in the tree (selectors.guest_group_defaults()).

    Side effects: the Event and its link to the cycle, its guest groups, audit entries
    (event_create, then guest_group_add for each group)."""
    moment = now or timezone.now()
    day = timezone.localdate(moment)
    if not organiser.is_active_on(day):
        raise ValidationError(
            {
                "organiser": _("%(unit)s không còn hoạt động: không tổ chức hội nghị mới được.")
                % {"unit": organiser.name}
            }
        )
    values = {k: _clean_text(data[k]) for k in EVENT_FIELDS if data.get(k) is not None}
    if not values.get("title") and cycle is not None:
        values["title"] = wording.title_from_cycle(cycle.name)
    event = Event(organiser=organiser, created_by=_user(actor), created_at=moment, **values)
    _require(event)
    prefill = selectors.plan_wording(
        organiser=organiser, title=event.title, starts_at=event.starts_at, cycle=cycle
    )
    for name in TEXT_FIELDS:
        if not getattr(event, name):
            setattr(event, name, prefill.get(name, ""))
    event.full_clean()
    event.save()
    changes = {k: [None, v] for k, v in snapshot(event, EVENT_FIELDS).items() if v}
    if cycle is not None:
        event.cycles.add(cycle)
        changes["cycles"] = [None, [cycle.name]]
    audit_record(
        actor=actor, action="event_create", obj=event, changes=changes, unit_path=_path(event)
    )
    names = (
        guest_groups if guest_groups is not None else selectors.guest_group_defaults(organiser, day)
    )
    for name in names:
        guest_group_add(actor=actor, event=event, name=name)
    return event


@transaction.atomic
def event_update(
    *,
    actor: Any,
    event: Event,
    data: Mapping[str, Any],
    cycles: Iterable[Cycle] | None = None,
) -> dict[str, list[Any]]:
    """Change the plan (only the fields in `data`) and, if given, the cycles it honours.
    Returns the changes; saves and audits nothing when nothing changed.

    Side effects: the Event, its cycle links, one audit entry (event_update)."""
    fields = [name for name in EVENT_FIELDS if name in data]
    before = snapshot(event, fields)
    for name in fields:
        value = _clean_text(data[name])
        setattr(event, name, "" if value is None and name != "starts_at" else value)
    _require(event)
    changes = diff(before, snapshot(event, fields))
    if changes:
        event.full_clean()
        event.save(update_fields=list(changes))
    if cycles is not None:
        chosen = {cycle.pk: cycle for cycle in cycles}
        current = {cycle.pk: cycle for cycle in event.cycles.all()}
        if set(chosen) != set(current):
            event.cycles.set(list(chosen.values()))
            changes["cycles"] = [
                sorted(c.name for c in current.values()),
                sorted(c.name for c in chosen.values()),
            ]
    if changes:
        audit_record(
            actor=actor, action="event_update", obj=event, changes=changes, unit_path=_path(event)
        )
    if {"starts_at", "remind_hours"} & set(changes) and event.guest_groups.filter(
        guests__invited_at__isnull=False
    ).exists():
        # The reminders' moment moved: queue them for the new one (sending stays idempotent).
        from thidua.events.invitation_sending import reminders_defer

        reminders_defer(event, timezone.now())
    return changes


@transaction.atomic
def event_close(*, actor: Any, event: Event, now: dt.datetime | None = None) -> None:
    """Close the conference after it is held: attendance is final, the links in the invitations
    stop answering and nobody more is checked in. Side effects: the status, audit."""
    if event.is_closed:
        raise ValidationError(_("Hội nghị đã kết thúc."))
    event.status = EventStatus.CLOSED
    event.closed_at = now or timezone.now()
    event.save(update_fields=["status", "closed_at"])
    audit_record(
        actor=actor,
        action="event_close",
        obj=event,
        changes={"status": [EventStatus.PREPARING.value, EventStatus.CLOSED.value]},
        unit_path=_path(event),
    )


@transaction.atomic
def event_reopen(*, actor: Any, event: Event) -> None:
    """Open a closed conference again (to correct its attendance). Side effects: the status,
    audit."""
    if not event.is_closed:
        raise ValidationError(_("Hội nghị chưa kết thúc."))
    event.status = EventStatus.PREPARING
    event.closed_at = None
    event.save(update_fields=["status", "closed_at"])
    audit_record(
        actor=actor,
        action="event_reopen",
        obj=event,
        changes={"status": [EventStatus.CLOSED.value, EventStatus.PREPARING.value]},
        unit_path=_path(event),
    )


# --- ordering -------------------------------------------------------------------------------------


def _next_order(rows: QuerySet[Any]) -> int:
    return int(rows.aggregate(top=Max("order"))["top"] or 0) + 1


def _renumber(rows: QuerySet[Row]) -> None:
    """Number the rows 1, 2, … in their order (after one is taken out)."""
    for position, item in enumerate(rows.order_by("order", "id"), start=1):
        if item.order != position:
            item.order = position
            item.save(update_fields=["order"])


def _move(rows: QuerySet[Row], row: Row, to: int) -> tuple[int, int]:
    """Put `row` at position `to` (from 1, kept inside the list) and number the rows 1, 2, …
    Returns the old and new positions."""
    ordered = list(rows.order_by("order", "id"))
    ids = [item.pk for item in ordered]
    old = ids.index(row.pk) + 1
    new = max(1, min(to, len(ordered)))
    moving = ordered.pop(old - 1)
    ordered.insert(new - 1, moving)
    for position, item in enumerate(ordered, start=1):
        if item.order != position:
            item.order = position
            item.save(update_fields=["order"])
    row.order = new
    return old, new


def _require_open(event: Event) -> None:
    """Once closed, the list of delegates is what the attendance report counts: it stays."""
    if event.is_closed:
        raise ValidationError(
            _("Hội nghị đã kết thúc: danh sách đại biểu đã chốt. Mở lại hội nghị để sửa.")
        )


def _guests_only(group: GuestGroup) -> None:
    """Honourees come from the decisions' lines (thidua.events.honourees), never by hand."""
    if group.kind == GroupKind.HONOUREE:
        raise ValidationError(
            _(
                "Đại biểu được khen thưởng lấy từ quyết định khen thưởng, không nhập tay: "
                "dùng “Lấy danh sách từ quyết định”."
            )
        )


def _guest_groups(event: Event) -> QuerySet[GuestGroup]:
    """The invited guests' groups (III.2), numbered 1, 2, … among themselves; the honourees'
    groups (III.1) are numbered by thidua.events.honourees."""
    return event.guest_groups.filter(kind=GroupKind.GUEST)


# --- guest groups ---------------------------------------------------------------------------------


def _group_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError({"name": _("Hãy nhập tên nhóm khách mời.")})
    return name


@transaction.atomic
def guest_group_add(*, actor: Any, event: Event, name: str) -> GuestGroup:
    """Add a group of guests at the end of the list. Side effects: the group, audit."""
    _require_open(event)
    group = GuestGroup(event=event, name=_group_name(name), order=_next_order(_guest_groups(event)))
    group.full_clean()
    group.save()
    audit_record(
        actor=actor,
        action="guest_group_add",
        obj=group,
        changes={"name": [None, group.name], "order": [None, group.order]},
        unit_path=_path(event),
    )
    return group


@transaction.atomic
def guest_group_update(*, actor: Any, group: GuestGroup, name: str) -> dict[str, list[Any]]:
    """Rename a group. Side effects: the group, audit (when the name changed)."""
    _require_open(group.event)
    _guests_only(group)
    return model_update(
        instance=group,
        data={"name": _group_name(name)},
        actor=actor,
        action="guest_group_update",
        unit_path=_path(group.event),
    )


@transaction.atomic
def guest_group_remove(*, actor: Any, group: GuestGroup) -> None:
    """Remove a group with its guests; the rest keep their order, numbered again. Side effects:
    the group and its guests deleted, the others' order, audit (with the guests' names)."""
    _require_open(group.event)
    from thidua.documents.models import OfficialDocument

    _guests_only(group)
    issued = OfficialDocument.objects.filter(guest_group=group).exclude(symbol="").first()
    if issued is not None:
        raise ValidationError(
            _("Giấy mời số %(symbol)s đã gửi cho nhóm này; không xóa nhóm được.")
            % {"symbol": issued.symbol}
        )
    names = list(group.guests.order_by("order", "id").values_list("name", flat=True))
    audit_record(
        actor=actor,
        action="guest_group_remove",
        obj=group,
        changes={"name": [group.name, None], "guests": [names, None]},
        unit_path=_path(group.event),
    )
    event = group.event
    group.delete()
    _renumber(_guest_groups(event))


@transaction.atomic
def guest_group_move(*, actor: Any, group: GuestGroup, to: int) -> None:
    """Put the group at position `to` (from 1) in the plan's list. Side effects: the groups'
    order, audit (when it moved)."""
    _require_open(group.event)
    _guests_only(group)
    old, new = _move(_guest_groups(group.event), group, to)
    if old != new:
        audit_record(
            actor=actor,
            action="guest_group_move",
            obj=group,
            changes={"order": [old, new]},
            unit_path=_path(group.event),
        )


# --- guests ---------------------------------------------------------------------------------------


def _guest_values(data: Mapping[str, Any]) -> dict[str, str]:
    return {name: " ".join(str(data.get(name) or "").split()) for name in GUEST_FIELDS}


def _check_not_invited(event: Event, person: Person, guest: Guest | None = None) -> None:
    invited = Guest.objects.filter(group__event=event, person=person)
    if guest is not None:
        invited = invited.exclude(pk=guest.pk)
    if invited.exists():
        raise ValidationError(
            {
                "person": _("%(name)s đã có trong danh sách khách mời của hội nghị.")
                % {"name": person.full_name}
            }
        )


@transaction.atomic
def guest_add(
    *, actor: Any, group: GuestGroup, data: Mapping[str, Any], person: Person | None = None
) -> Guest:
    """Invite a guest in `group`, at its end. With `person` (from the people register), what
    `data` leaves blank comes from their record; a person is invited once per conference.

    Side effects: the guest, audit."""
    _require_open(group.event)
    _guests_only(group)
    values = _guest_values(data)
    if person is not None:
        _check_not_invited(group.event, person)
        known = {
            "name": person.full_name,
            "position": person.position,
            "unit_name": person.unit.name,
            "email": person.email,
            "phone": person.phone,
        }
        values = {name: values[name] or known[name] for name in GUEST_FIELDS}
    if not values["name"]:
        raise ValidationError({"name": _("Hãy nhập họ và tên khách mời.")})
    guest = Guest(group=group, person=person, order=_next_order(group.guests.all()), **values)
    guest.full_clean()
    guest.save()
    audit_record(
        actor=actor,
        action="guest_add",
        obj=guest,
        changes={k: [None, v] for k, v in {"group": group.name, **values}.items() if v},
        unit_path=_path(group.event),
    )
    return guest


@transaction.atomic
def guest_update(*, actor: Any, guest: Guest, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Change a guest's name, position, workplace, email or phone (only the fields in `data`).
    Side effects: the guest, audit (when something changed)."""
    _require_open(guest.group.event)
    values = {k: v for k, v in _guest_values(data).items() if k in data}
    if guest.is_honouree:
        # What the decision or the council's result says stays; how to reach them may change.
        values = {k: v for k, v in values.items() if k in {"email", "phone"}}
    if "name" in values and not values["name"]:
        raise ValidationError({"name": _("Hãy nhập họ và tên khách mời.")})
    return model_update(
        instance=guest,
        data=values,
        actor=actor,
        action="guest_update",
        unit_path=_path(guest.group.event),
    )


@transaction.atomic
def guest_remove(*, actor: Any, guest: Guest) -> None:
    """Take a guest off the list; the others are numbered again. Side effects: the guest
    deleted, the others' order, audit."""
    _require_open(guest.group.event)
    _guests_only(guest.group)
    audit_record(
        actor=actor,
        action="guest_remove",
        obj=guest,
        changes={"name": [guest.name, None], "group": [guest.group.name, None]},
        unit_path=_path(guest.group.event),
    )
    group = guest.group
    guest.delete()
    _renumber(group.guests.all())


@transaction.atomic
def guest_move(*, actor: Any, guest: Guest, to: int) -> None:
    """Put the guest at position `to` (from 1) in their group. Side effects: the guests'
    order, audit (when it moved)."""
    _require_open(guest.group.event)
    _guests_only(guest.group)
    old, new = _move(guest.group.guests.all(), guest, to)
    if old != new:
        audit_record(
            actor=actor,
            action="guest_move",
            obj=guest,
            changes={"order": [old, new]},
            unit_path=_path(guest.group.event),
        )


@transaction.atomic
def guests_fill_from_units(
    *, actor: Any, group: GuestGroup, units_query: QuerySet[Unit]
) -> list[Guest]:
    """Invite into `group` the chair of every grassroots union among `units_query` inside the
    organiser's tree ("Các đồng chí Chủ tịch công đoàn cơ sở"), with their workplace and
    contacts from the people register. People already invited to the conference are skipped,
    so filling again only adds the unions' new chairs.

    Side effects: the guests, one audit entry (guests_fill) naming them. Returns the guests
    added."""
    _require_open(group.event)
    _guests_only(group)
    event = group.event
    invited = set(
        Guest.objects.filter(group__event=event, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    chairs = [
        person
        for person in selectors.union_chairs(organiser=event.organiser, units_query=units_query)
        if person.pk not in invited
    ]
    order = _next_order(group.guests.all())
    added = []
    for index, person in enumerate(chairs):
        guest = Guest(
            group=group,
            person=person,
            order=order + index,
            name=person.full_name,
            position=person.position,
            unit_name=person.unit.name,
            email=person.email,
            phone=person.phone,
        )
        guest.set_derived_fields()
        guest.full_clean()
        added.append(guest)
    Guest.objects.bulk_create(added)
    if added:
        audit_record(
            actor=actor,
            action="guests_fill",
            obj=group,
            changes={"guests": [None, [guest.name for guest in added]]},
            unit_path=_path(event),
        )
    return added
