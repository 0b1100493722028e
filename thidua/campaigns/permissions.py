"""The access funnel for programmes: who sees a programme, who runs it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.campaigns.models import Programme
from thidua.initiatives.selectors import programmes_for_user
from thidua.orgs.models import Membership
from thidua.orgs.permissions import Cap, units_for_user
from thidua.orgs.selectors import with_predecessors

MANAGE_ROLES = {"admin", "officer"}


def can_manage(user: Any, programme: Programme) -> bool:
    """Edit levels, extend deadlines, launch, close: officers and admins of the running unit
    (or of the unit that took it over)."""
    if user.is_superuser:
        return True
    officer_units = set(
        Membership.objects.filter(user=user, role__in=MANAGE_ROLES).values_list(
            "unit_id", flat=True
        )
    )
    return programme.running_unit_id in with_predecessors(officer_units)


def programme_for_user(user: Any, pk: Any, *, manage: bool = False) -> Programme:
    try:
        programme = programmes_for_user(user).select_related("running_unit").get(pk=int(pk))
    except (Programme.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy chương trình.")) from None
    if manage and not can_manage(user, programme):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị chủ trì được thay đổi chương trình này."))
    return programme


def running_units_for_user(user: Any) -> Any:
    """Units where the user may start a programme: where they manage units (officer, admin)."""
    return units_for_user(user, Cap.MANAGE_UNITS)
