"""The access funnel for units, people, users and the audit log.

Every view, API route, export and download fetches through these functions. The rule: a
user's membership (unit, role) grants its role's capabilities over the unit's subtree as the
tree stands today. Something outside every subtree the user can see raises Http404, so its
existence is not revealed; something visible that the user may not change raises
PermissionDenied.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.models import AuditEntry
from thidua.orgs.enums import Role
from thidua.orgs.models import Membership, Person, Unit, UnitPlacement, User


class Cap(enum.StrEnum):
    VIEW_UNITS = "view_units"
    MANAGE_UNITS = "manage_units"
    VIEW_PEOPLE = "view_people"
    MANAGE_PEOPLE = "manage_people"
    VIEW_PERSONAL_DATA = "view_personal_data"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"


ROLE_CAPS: dict[str, frozenset[Cap]] = {
    Role.ADMIN: frozenset(Cap),
    Role.OFFICER: frozenset(
        {
            Cap.VIEW_UNITS, Cap.MANAGE_UNITS, Cap.VIEW_PEOPLE, Cap.MANAGE_PEOPLE,
            Cap.VIEW_PERSONAL_DATA,
        }
    ),
    Role.LEADER: frozenset({Cap.VIEW_UNITS, Cap.VIEW_PEOPLE}),
    Role.GRASSROOTS: frozenset({Cap.VIEW_UNITS, Cap.VIEW_PEOPLE, Cap.MANAGE_PEOPLE}),
    Role.COUNCIL: frozenset({Cap.VIEW_UNITS}),
    Role.VIEWER: frozenset({Cap.VIEW_UNITS, Cap.VIEW_PEOPLE}),
}  # fmt: skip


def today() -> dt.date:
    return timezone.localdate()


def _memberships(user: Any) -> list[Membership]:
    cached: list[Membership] | None = getattr(user, "_thidua_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("unit"))
        user._thidua_memberships = cached
    return cached


def roles_of(user: Any) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return {membership.role for membership in _memberships(user)}


def has_cap_somewhere(user: Any, cap: Cap) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(cap in ROLE_CAPS[membership.role] for membership in _memberships(user))


def scope_paths(user: Any, cap: Cap, day: dt.date | None = None) -> list[str] | None:
    """The tree paths, on `day`, of the units where the user holds `cap`.

    None means no limit (a superuser); an empty list means nothing at all.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if user.is_superuser:
        return None
    day = day or today()
    unit_ids = {m.unit_id for m in _memberships(user) if cap in ROLE_CAPS[m.role]}
    if not unit_ids:
        return []
    cache: dict[tuple[dt.date, frozenset[int]], list[str]] = user.__dict__.setdefault(
        "_thidua_paths", {}
    )
    key = (day, frozenset(unit_ids))
    if key not in cache:
        paths = sorted(
            UnitPlacement.objects.on(day)
            .filter(unit_id__in=unit_ids)
            .values_list("path", flat=True)
        )
        # Drop paths inside another path of the list: the prefix already covers them.
        kept: list[str] = []
        for path in paths:
            if not any(path.startswith(outer) for outer in kept):
                kept.append(path)
        cache[key] = kept
    return cache[key]


def _prefix_q(paths: Iterable[str], field: str = "path") -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def placements_for_user(user: Any, cap: Cap, day: dt.date | None = None) -> QuerySet[UnitPlacement]:
    day = day or today()
    placements = UnitPlacement.objects.on(day)
    paths = scope_paths(user, cap, day)
    if paths is None:
        return placements
    return placements.filter(_prefix_q(paths))


def units_for_user(
    user: Any, cap: Cap = Cap.VIEW_UNITS, day: dt.date | None = None
) -> QuerySet[Unit]:
    """Units in the user's subtrees on `day` (today by default)."""
    return Unit.objects.filter(pk__in=placements_for_user(user, cap, day).values("unit_id"))


def _unit_visible(user: Any, unit: Unit, cap: Cap) -> bool:
    day = today()
    if units_for_user(user, cap, day).filter(pk=unit.pk).exists():
        return True
    # A unit that has ended stays visible, for its history, to whoever had it on its last day.
    if unit.ended_on is not None:
        last_day = unit.ended_on - dt.timedelta(days=1)
        return units_for_user(user, cap, last_day).filter(pk=unit.pk).exists()
    return False


def unit_for_user(user: Any, pk: Any, cap: Cap = Cap.VIEW_UNITS) -> Unit:
    """The one way to fetch a unit for a user. 404 when invisible; 403 when visible but `cap`
    is not held there."""
    try:
        unit = Unit.objects.get(pk=int(pk))
    except (Unit.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy đơn vị.")) from None
    if not _unit_visible(user, unit, Cap.VIEW_UNITS):
        raise Http404(_("Không tìm thấy đơn vị."))
    if cap != Cap.VIEW_UNITS and not _unit_visible(user, unit, cap):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đơn vị này."))
    return unit


def unit_restructure_allowed(user: Any, unit: Unit) -> bool:
    """Moving, merging or dissolving a unit needs MANAGE_UNITS over its parent: an officer
    restructures what is below their own unit, not the unit itself."""
    if user.is_superuser:
        return True
    paths = scope_paths(user, Cap.MANAGE_UNITS) or []
    placement = UnitPlacement.objects.on(today()).filter(unit=unit).first()
    if placement is None:
        return False
    return any(placement.path.startswith(path) and placement.path != path for path in paths)


def people_for_user(user: Any, cap: Cap = Cap.VIEW_PEOPLE) -> QuerySet[Person]:
    """People whose unit is in the user's subtrees today, and people left on a unit that has
    ended, for whoever had that unit on its last day (so they can still be found and moved)."""
    paths = scope_paths(user, cap)
    if paths == []:
        return Person.objects.none()
    ended_placements = UnitPlacement.objects.filter(
        unit__ended_on__isnull=False, valid_to=F("unit__ended_on")
    )
    if paths is not None:
        ended_placements = ended_placements.filter(_prefix_q(paths))
    return Person.objects.filter(
        Q(unit_id__in=placements_for_user(user, cap).values("unit_id"))
        | Q(unit_id__in=ended_placements.values("unit_id"))
    )


def person_for_user(user: Any, pk: Any, cap: Cap = Cap.VIEW_PEOPLE) -> Person:
    try:
        person = Person.objects.select_related("unit").get(pk=int(pk))
    except (Person.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy người này.")) from None
    if not _unit_visible(user, person.unit, Cap.VIEW_PEOPLE):
        raise Http404(_("Không tìm thấy người này."))
    if cap != Cap.VIEW_PEOPLE and not _unit_visible(user, person.unit, cap):
        raise PermissionDenied(_("Bạn không có quyền sửa thông tin người này."))
    return person


def can_see_personal_data(user: Any, person: Person) -> bool:
    return _unit_visible(user, person.unit, Cap.VIEW_PERSONAL_DATA)


def users_for_user(user: Any) -> QuerySet[User]:
    """Accounts an administrator manages: those with a role somewhere in their subtree."""
    paths = scope_paths(user, Cap.MANAGE_USERS)
    if paths is None:
        return User.objects.all()
    if not paths:
        return User.objects.none()
    unit_ids = placements_for_user(user, Cap.MANAGE_USERS).values("unit_id")
    return User.objects.filter(memberships__unit_id__in=unit_ids).distinct()


def user_for_user(user: Any, pk: Any) -> User:
    """An account the user administers; 404 for any other, including for users who
    administer nothing."""
    try:
        target = users_for_user(user).get(pk=int(pk))
    except (User.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy tài khoản.")) from None
    return target


def audit_for_user(user: Any) -> QuerySet[AuditEntry]:
    paths = scope_paths(user, Cap.VIEW_AUDIT)
    if paths is None:
        return AuditEntry.objects.all()
    if not paths:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(_prefix_q(paths, "unit_path"))


def require_cap_somewhere(user: Any, cap: Cap) -> None:
    if not has_cap_somewhere(user, cap):
        raise PermissionDenied(_("Vai trò của bạn không có quyền này."))
