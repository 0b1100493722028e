"""The access funnel for honouring conferences (Hội nghị biểu dương).

- A conference is seen by the organiser's staff (admins, emulation officers, leaders, viewers)
  and by the staff of every level above it, as the organiser's decisions are
  (awards.permissions.decisions_for_user). A unit that has ended keeps its conferences visible
  to those above it on its last day and to the unit that took over its records (merged into
  it, or dissolved under it: orgs.selectors.with_predecessors). Grassroots officials and
  council members do not see them: the guest list holds contact details.
- It is organised (plan, guests) by the organiser's emulation officers and admins, and those of
  the unit that took over its records, as a cycle is run by its receiving unit's
  (awards.permissions.can_run): a federation does not organise a conference in a district's
  name.

Outside the scope a conference is a 404; inside it, changing it without the right is a 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.awards.models import Cycle
from thidua.awards.permissions import cycles_for_user
from thidua.events.models import Event, Guest, GuestGroup
from thidua.orgs.enums import Role
from thidua.orgs.models import Membership, Unit, UnitPlacement
from thidua.orgs.permissions import Cap, today, units_for_user
from thidua.orgs.selectors import subtree_unit_ids, with_predecessors

VIEW_ROLES: frozenset[str] = frozenset({Role.ADMIN, Role.OFFICER, Role.LEADER, Role.VIEWER})
MANAGE_ROLES: frozenset[str] = frozenset({Role.ADMIN, Role.OFFICER})


def _own_units(user: Any, roles: frozenset[str]) -> set[int]:
    """The units where the user holds one of `roles`, cached on the user object."""
    cache: dict[frozenset[str], set[int]] = user.__dict__.setdefault("_thidua_event_units", {})
    if roles not in cache:
        cache[roles] = set(
            Membership.objects.filter(user=user, role__in=roles).values_list("unit_id", flat=True)
        )
    return cache[roles]


def _managed_ids(user: Any) -> set[int]:
    """The organisers whose conferences the user organises: their units with a managing role
    and the ended units whose records those inherited."""
    cached: set[int] | None = user.__dict__.get("_thidua_event_manage")
    if cached is None:
        cached = with_predecessors(_own_units(user, MANAGE_ROLES))
        user._thidua_event_manage = cached
    return cached


def _any_prefix(paths: list[str]) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
    return query


def _visible_organisers(user: Any) -> Q:
    own = _own_units(user, VIEW_ROLES)
    if not own:
        return Q(pk__in=[])
    paths = list(
        UnitPlacement.objects.on(today()).filter(unit_id__in=own).values_list("path", flat=True)
    )
    under = _any_prefix(paths)
    below_today = UnitPlacement.objects.on(today()).filter(under).values("unit_id")
    ended_below = (
        UnitPlacement.objects.filter(unit__ended_on__isnull=False, valid_to=F("unit__ended_on"))
        .filter(under)
        .values("unit_id")
    )
    return (
        Q(organiser_id__in=below_today)
        | Q(organiser_id__in=ended_below)
        | Q(organiser_id__in=with_predecessors(own))
    )


def events_for_user(user: Any) -> QuerySet[Event]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Event.objects.none()
    if user.is_superuser:
        return Event.objects.all()
    return Event.objects.filter(_visible_organisers(user))


def event_for_user(user: Any, pk: Any, *, manage: bool = False) -> Event:
    """The one way to fetch a conference for a user: 404 outside their scope, 403 when they
    may see it but `manage` it they may not."""
    try:
        event = events_for_user(user).select_related("organiser").get(pk=int(pk))
    except (Event.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy hội nghị.")) from None
    if manage and not can_manage_event(user, event):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua của %(unit)s được sửa hội nghị này.")
            % {"unit": event.organiser.name}
        )
    return event


def can_manage_event(user: Any, event: Event) -> bool:
    """Edit the plan, the guest groups and the guests."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return event.organiser_id in _managed_ids(user)


def organisers_for_user(user: Any) -> QuerySet[Unit]:
    """Units the user may organise a new conference for: theirs, with a managing role, and
    still active (an ended unit's records are kept, not added to)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.filter(ended_on__isnull=True)
    return Unit.objects.filter(pk__in=_own_units(user, MANAGE_ROLES), ended_on__isnull=True)


def cycles_to_link(user: Any, *, keep: Event | None = None) -> QuerySet[Cycle]:
    """Cycles a conference may honour: those the user runs (awards' can_run, in one query),
    and those `keep` already names."""
    cycles = cycles_for_user(user)
    if user.is_superuser:
        return cycles
    query = Q(programme__running_unit_id__in=_managed_ids(user))
    if keep is not None:
        query |= Q(pk__in=keep.cycles.values("pk"))
    return cycles.filter(query)


def fill_units_for_user(user: Any, event: Event) -> QuerySet[Unit]:
    """Units whose grassroots chairs the user may invite to the conference: the organiser (once
    it has ended too: its tree as it stood on its last day) and the units of its tree the user
    sees."""
    inside = units_for_user(user, Cap.VIEW_UNITS).filter(pk__in=subtree_unit_ids(event.organiser))
    return Unit.objects.filter(Q(pk__in=inside.values("pk")) | Q(pk=event.organiser_id))


def event_group(event: Event, pk: Any) -> GuestGroup:
    """A guest group of a conference the funnel let through (404 otherwise)."""
    try:
        group = event.guest_groups.get(pk=int(pk))
    except (GuestGroup.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy nhóm khách mời.")) from None
    group.event = event
    return group


def group_guest(group: GuestGroup, pk: Any) -> Guest:
    """A guest of a group the funnel let through (404 otherwise)."""
    try:
        guest = group.guests.get(pk=int(pk))
    except (Guest.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy khách mời.")) from None
    guest.group = group
    return guest


def can_check_in(user: Any, event: Event) -> bool:
    """Mark delegates present and add walk-ins on the day: the organiser's staff who manage the
    conference, until it is closed."""
    return can_manage_event(user, event) and not event.is_closed


def event_guest(event: Event, pk: Any) -> Guest:
    """A delegate (guest or honouree, any group) of a conference the funnel let through (404
    otherwise)."""
    try:
        guest = Guest.objects.select_related("group").get(group__event=event, pk=int(pk))
    except (Guest.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy đại biểu.")) from None
    guest.group.event = event
    return guest
