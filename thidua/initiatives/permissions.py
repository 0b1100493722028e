"""The access funnel for initiatives.

Unlike units and people, an initiative is not seen by the whole subtree above it: each level
sees only what has reached it. A user sees an initiative when one of their memberships is at
a unit it has reached (a Stage held there), at its own grassroots union, or when they created
it. A unit that has ended passes this on: what reached it is seen at the unit it merged into,
or (dissolved) at its last parent.

A confidential initiative shows its full content only to its own union and to the council
members who score it (or steer the council that does); everyone else who sees it gets the
public fields only.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.initiatives.models import Initiative, Stage
from thidua.orgs.enums import Role
from thidua.orgs.models import Membership
from thidua.orgs.selectors import with_predecessors

VIEW_ROLES: set[str] = {Role.ADMIN, Role.OFFICER, Role.LEADER, Role.GRASSROOTS, Role.VIEWER}
# Register, edit, submit, withdraw at the union; select, return, forward where it is held.
ACT_ROLES: set[str] = {Role.ADMIN, Role.OFFICER, Role.GRASSROOTS}

# What anyone who sees a confidential initiative may see: its name, field, unit, a summary of
# its benefit (value or non-monetary) and its result. Keys of the public representation.
PUBLIC_FIELDS = ["code", "title", "field", "unit", "benefit_summary", "status"]


def _unit_ids(user: Any, roles: set[str]) -> set[int]:
    cache: dict[frozenset[str], set[int]] = user.__dict__.setdefault("_thidua_initiative_units", {})
    key = frozenset(roles)
    if key not in cache:
        own = set(
            Membership.objects.filter(user=user, role__in=roles).values_list("unit_id", flat=True)
        )
        cache[key] = with_predecessors(own)
    return cache[key]


def initiatives_for_user(user: Any) -> QuerySet[Initiative]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Initiative.objects.none()
    if user.is_superuser:
        return Initiative.objects.all()
    units = _unit_ids(user, VIEW_ROLES)
    reached = Stage.objects.filter(unit_id__in=units).values("initiative_id")
    return Initiative.objects.filter(Q(unit_id__in=units) | Q(pk__in=reached) | Q(created_by=user))


def initiative_for_user(user: Any, pk: Any, *, act: bool = False) -> Initiative:
    """The one way to fetch an initiative for a user: 404 when it has not reached them."""
    try:
        initiative = (
            initiatives_for_user(user)
            .select_related("programme", "field", "unit", "current_level", "current_unit")
            .get(pk=int(pk))
        )
    except (Initiative.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy sáng kiến.")) from None
    if act and not (can_edit(user, initiative) or can_decide(user, initiative)):
        raise PermissionDenied(_("Bạn không có quyền thao tác với sáng kiến này."))
    return initiative


def can_see_content(user: Any, initiative: Initiative) -> bool:
    """Everything, or (confidential) only the public fields."""
    if not initiative.confidential or user.is_superuser:
        return True
    if initiative.unit_id in _unit_ids(user, VIEW_ROLES):
        return True
    # The council that scores it reads it whole (its members are bound to keep the secret).
    from thidua.reviews.permissions import reviewed_initiative_ids

    return initiative.pk in reviewed_initiative_ids(user)


def can_edit(user: Any, initiative: Initiative) -> bool:
    """Register, edit, submit, withdraw: the initiative's own union (or its creator)."""
    if user.is_superuser:
        return True
    return initiative.unit_id in _unit_ids(user, ACT_ROLES) or initiative.created_by_id == user.pk


def can_decide(user: Any, initiative: Initiative) -> bool:
    """Select, return, forward: the unit where it is held now."""
    if user.is_superuser:
        return True
    return initiative.current_unit_id in _unit_ids(user, ACT_ROLES)


def register_units(user: Any) -> set[int]:
    """Units where the user may register initiatives (their grassroots unions)."""
    return _unit_ids(user, ACT_ROLES)
