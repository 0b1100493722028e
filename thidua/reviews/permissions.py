"""The access funnel for councils, assignments and score sheets.

- A council is seen by its active members and by the staff (admin, officer, leader, viewer)
  of the unit it belongs to, or of the unit that took that unit over.
- It is run (members, rubric, assignment, conflicts, reopening, the slate, the vote) by the
  unit's officers and admins and by its chair, vice-chair and secretary.
- A score sheet is opened only by the member it is assigned to. Everyone else reads scores
  through the council's pages.
- Those who run a council seat people who hold a role in a unit they can see.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.orgs.enums import Role
from thidua.orgs.models import Membership, User
from thidua.orgs.permissions import Cap, units_for_user
from thidua.orgs.selectors import with_predecessors
from thidua.reviews.enums import STEERING_ROLES, AssignmentStatus, CouncilStatus
from thidua.reviews.models import Assignment, Council, CouncilMember

VIEW_ROLES: set[str] = {Role.ADMIN, Role.OFFICER, Role.LEADER, Role.VIEWER}
MANAGE_ROLES: set[str] = {Role.ADMIN, Role.OFFICER}


def _staff_units(user: Any, roles: set[str]) -> set[int]:
    cache: dict[frozenset[str], set[int]] = user.__dict__.setdefault("_thidua_council_units", {})
    key = frozenset(roles)
    if key not in cache:
        own = set(
            Membership.objects.filter(user=user, role__in=roles).values_list("unit_id", flat=True)
        )
        cache[key] = with_predecessors(own)
    return cache[key]


def councils_for_user(user: Any) -> QuerySet[Council]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Council.objects.none()
    if user.is_superuser:
        return Council.objects.all()
    seats = CouncilMember.objects.filter(user=user, active=True).values("council_id")
    return Council.objects.filter(Q(unit_id__in=_staff_units(user, VIEW_ROLES)) | Q(pk__in=seats))


def seat_of(user: Any, council: Council) -> CouncilMember | None:
    """The user's active seat on the council, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return CouncilMember.objects.filter(council=council, user=user, active=True).first()


def can_manage(user: Any, council: Council) -> bool:
    if user.is_superuser:
        return True
    if council.unit_id in _staff_units(user, MANAGE_ROLES):
        return True
    seat = seat_of(user, council)
    return seat is not None and seat.role in STEERING_ROLES


def council_for_user(user: Any, pk: Any, *, manage: bool = False, results: bool = False) -> Council:
    """The one way to fetch a council: 404 when the user may not see it, 403 when they may
    see it but not run it (`manage`) or not read its results yet (`results`)."""
    try:
        council = (
            councils_for_user(user)
            .select_related("level__programme", "unit", "rubric")
            .get(pk=int(pk))
        )
    except (Council.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy hội đồng.")) from None
    if results and not can_see_results(user, council):
        raise PermissionDenied(
            _("Kết quả chỉ hiện cho thường trực hội đồng cho đến khi biểu quyết.")
        )
    if manage and not can_manage(user, council):
        raise PermissionDenied(
            _(
                "Chỉ Chủ tịch, Phó Chủ tịch, Thư ký hội đồng hoặc cán bộ thi đua của đơn vị "
                "được làm việc này."
            )
        )
    return council


def assignment_for_user(user: Any, pk: Any) -> Assignment:
    """A score sheet's assignment, for the member it is assigned to only."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    try:
        return Assignment.objects.select_related(
            "council__level__programme", "council__rubric", "member", "initiative__field"
        ).get(pk=int(pk), member__user=user, member__active=True)
    except (Assignment.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy phiếu chấm.")) from None


def reviewed_initiative_ids(user: Any) -> set[int]:
    """Initiatives the user reviews on a council (assigned to them, or in a council they steer):
    such users see a confidential initiative's content. Read once per request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached: set[int] | None = user.__dict__.get("_thidua_reviewed_ids")
    if cached is None:
        steered = CouncilMember.objects.filter(
            user=user, active=True, role__in=STEERING_ROLES
        ).values("council_id")
        cached = set(
            Assignment.objects.filter(status=AssignmentStatus.ACTIVE)
            .filter(Q(member__user=user, member__active=True) | Q(council_id__in=steered))
            .values_list("initiative_id", flat=True)
        )
        user.__dict__["_thidua_reviewed_ids"] = cached
    return cached


def can_see_results(user: Any, council: Council) -> bool:
    """The ranking, the slate and the exports: those who run the council and the staff of its
    unit; plain members only once the council has decided (so no one scores to a ranking)."""
    if can_manage(user, council) or council.unit_id in _staff_units(user, VIEW_ROLES):
        return True
    return council.status == CouncilStatus.DECIDED and seat_of(user, council) is not None


def council_units_for_user(user: Any) -> set[int]:
    """Units whose councils the user may form: where they are an officer or admin (or of the
    unit that took it over)."""
    if user.is_superuser:
        return set()
    return _staff_units(user, MANAGE_ROLES)


def seatable_users(user: Any) -> QuerySet[User]:
    """Accounts the user may seat on a council they run: active people with a role in a unit
    they can see."""
    units = units_for_user(user, Cap.VIEW_UNITS).values("pk")
    holders = Membership.objects.filter(unit_id__in=units).values("user_id")
    return User.objects.filter(pk__in=holders, is_active=True)
