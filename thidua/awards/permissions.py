"""The access funnel for commendation: cycles, nominations, decisions, award history.

- A cycle is seen by whoever sees its programme; it is run (categories, rules, review of
  dossiers, overrides) by the officers of the programme's running unit (campaigns funnel).
- A nomination is seen by the users whose scope holds its nominating unit (its grassroots
  union and every level above, as with people) and by those who run its cycle. It is built
  and sent by admins, officers and grassroots officials over that unit.
- A decision is seen by the issuer's staff (admin, officer, leader, viewer over the issuer)
  and, once published, by whoever sees a person or collective in its list. It is drafted and
  issued by officers and admins over the issuer; a leader may sign it too.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.awards.enums import DecisionStatus, NominationStatus
from thidua.awards.models import Cycle, Decision, DecisionLine, Nomination
from thidua.initiatives.selectors import programmes_for_user
from thidua.orgs.enums import Role
from thidua.orgs.models import Membership, Unit, UnitPlacement
from thidua.orgs.permissions import Cap, people_for_user, today, units_for_user
from thidua.orgs.selectors import with_predecessors

ACT_ROLES: set[str] = {Role.ADMIN, Role.OFFICER, Role.GRASSROOTS}
ISSUE_ROLES: set[str] = {Role.ADMIN, Role.OFFICER}
SIGN_ROLES: set[str] = {Role.ADMIN, Role.OFFICER, Role.LEADER}
DECISION_VIEW_ROLES: set[str] = {Role.ADMIN, Role.OFFICER, Role.LEADER, Role.VIEWER}


# --- cycles -----------------------------------------------------------------------------------


def cycles_for_user(user: Any) -> QuerySet[Cycle]:
    return Cycle.objects.filter(programme__in=programmes_for_user(user)).select_related(
        "programme__running_unit"
    )


def cycle_for_user(user: Any, pk: Any, *, manage: bool = False) -> Cycle:
    try:
        cycle = cycles_for_user(user).get(pk=int(pk))
    except (Cycle.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy đợt xét khen thưởng.")) from None
    if manage and not can_run(user, cycle):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua của %(unit)s được thực hiện thao tác này.")
            % {"unit": cycle.receiving_unit.name}
        )
    return cycle


def can_run(user: Any, cycle: Cycle) -> bool:
    """Set categories and rules, review dossiers, override a rule: the receiving unit's
    officers and admins (campaigns' rule for running the programme)."""
    if user.is_superuser:
        return True
    return cycle.programme.running_unit_id in _run_unit_ids(user)


def _run_unit_ids(user: Any) -> set[int]:
    """The running units whose cycles the user runs: can_run for many cycles in one query."""
    cache: set[int] | None = user.__dict__.get("_thidua_run_units")
    if cache is None:
        officer_units = set(
            Membership.objects.filter(user=user, role__in=ISSUE_ROLES).values_list(
                "unit_id", flat=True
            )
        )
        cache = with_predecessors(officer_units)
        user._thidua_run_units = cache
    return cache


# --- nominations ------------------------------------------------------------------------------


def _units_with(user: Any, cap: Cap) -> QuerySet[Unit]:
    return units_for_user(user, cap)


def nominations_for_user(user: Any) -> QuerySet[Nomination]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Nomination.objects.none()
    if user.is_superuser:
        return Nomination.objects.all()
    run = Cycle.objects.filter(programme__running_unit_id__in=_run_unit_ids(user)).values("pk")
    own_units = people_for_user(user).values("unit_id")
    return Nomination.objects.filter(
        Q(unit_id__in=_units_with(user, Cap.VIEW_PEOPLE).values("pk"))
        | Q(unit_id__in=own_units)
        | (Q(cycle_id__in=run) & ~Q(status=NominationStatus.DRAFT))
    )


def nomination_for_user(user: Any, pk: Any) -> Nomination:
    try:
        return (
            nominations_for_user(user)
            .select_related(
                "cycle__programme__running_unit",
                "category__award",
                "unit",
                "person__unit",
                "initiative",
                "field",
            )
            .get(pk=int(pk))
        )
    except (Nomination.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy hồ sơ đề nghị khen thưởng.")) from None


def nominating_units_for_user(user: Any) -> QuerySet[Unit]:
    """Units whose people the user may nominate: where they manage people (grassroots
    officials, officers, admins)."""
    return units_for_user(user, Cap.MANAGE_PEOPLE)


def nominating_units_for_cycle(user: Any, cycle: Cycle) -> QuerySet[Unit]:
    """Units the user may nominate for in this cycle (pages and API alike): theirs, inside the
    programme's tree today. None once the running unit has ended: its cycle is closed."""
    root = UnitPlacement.objects.on(today()).filter(unit=cycle.programme.running_unit).first()
    if root is None:
        return Unit.objects.none()
    inside = UnitPlacement.objects.on(today()).under(root.path).values("unit_id")
    return nominating_units_for_user(user).filter(pk__in=inside)


def can_build(user: Any, nomination: Nomination) -> bool:
    """Edit, attach, submit, withdraw: the nominating unit's officials and those above."""
    if user.is_superuser:
        return True
    roles = {m.role for m in Membership.objects.filter(user=user)}
    if not roles & ACT_ROLES:
        return False
    return nominating_units_for_user(user).filter(pk=nomination.unit_id).exists()


def require_build(user: Any, nomination: Nomination) -> None:
    if not can_build(user, nomination):
        raise PermissionDenied(_("Bạn không được sửa hoặc nộp hồ sơ của đơn vị này."))


def require_review(user: Any, nomination: Nomination) -> None:
    if not can_run(user, nomination.cycle):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua của %(unit)s được thẩm định hồ sơ này.")
            % {"unit": nomination.cycle.receiving_unit.name}
        )


def can_override(user: Any, nomination: Nomination) -> bool:
    """Only the receiving unit's emulation officers may accept a dossier a rule refuses."""
    return can_run(user, nomination.cycle)


# --- decisions --------------------------------------------------------------------------------


def _issuer_ids(user: Any, roles: set[str], *, below: bool = False) -> set[int]:
    """Units whose decisions a user deals with: their units with one of `roles` and the ended
    units whose records those inherited; with `below`, also every unit under them today
    (to read). Drafting, signing and revoking stay with the issuer's own staff: a federation
    does not issue decisions in a grassroots union's name."""
    cache: dict[tuple[frozenset[str], bool], set[int]] = user.__dict__.setdefault(
        "_thidua_issuers", {}
    )
    key = (frozenset(roles), below)
    if key not in cache:
        own = set(
            Membership.objects.filter(user=user, role__in=roles).values_list("unit_id", flat=True)
        )
        under: set[int] = set()
        if below:
            paths = list(
                UnitPlacement.objects.on(today())
                .filter(unit_id__in=own)
                .values_list("path", flat=True)
            )
            under = set(
                UnitPlacement.objects.on(today())
                .filter(_any_prefix(paths))
                .values_list("unit_id", flat=True)
            )
        cache[key] = with_predecessors(own | under)
    return cache[key]


def _any_prefix(paths: list[str]) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
    return query


def decisions_for_user(user: Any) -> QuerySet[Decision]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Decision.objects.none()
    if user.is_superuser:
        return Decision.objects.all()
    published_to_me = DecisionLine.objects.filter(
        Q(person__in=people_for_user(user)) | Q(collective__in=units_for_user(user))
    ).values("decision_id")
    return Decision.objects.filter(
        Q(issuer_id__in=_issuer_ids(user, DECISION_VIEW_ROLES, below=True))
        | Q(pk__in=published_to_me, status=DecisionStatus.PUBLISHED)
    )


def decision_for_user(user: Any, pk: Any, *, manage: bool = False, sign: bool = False) -> Decision:
    try:
        decision = (
            decisions_for_user(user).select_related("issuer", "award", "cycle").get(pk=int(pk))
        )
    except (Decision.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy quyết định.")) from None
    if manage and not can_issue(user, decision.issuer):
        raise PermissionDenied(_("Chỉ cán bộ thi đua của đơn vị ban hành được sửa quyết định."))
    if sign and not can_sign(user, decision.issuer):
        raise PermissionDenied(_("Bạn không có quyền ký, cấp số quyết định của đơn vị này."))
    return decision


def can_issue(user: Any, issuer: Unit) -> bool:
    return bool(user.is_superuser or issuer.pk in _issuer_ids(user, ISSUE_ROLES))


def can_sign(user: Any, issuer: Unit) -> bool:
    return bool(user.is_superuser or issuer.pk in _issuer_ids(user, SIGN_ROLES))


def issuers_for_user(user: Any) -> QuerySet[Unit]:
    """Units the user may draft decisions for."""
    if user.is_superuser:
        return Unit.objects.filter(ended_on__isnull=True)
    return Unit.objects.filter(pk__in=_issuer_ids(user, ISSUE_ROLES), ended_on__isnull=True)


def decision_for_public(token: str) -> Decision:
    """The public comment page's one key is its token, and only while the list is out for
    comment: a draft taken back, or a signed decision, is no longer shown."""
    if not token:
        raise Http404(_("Không tìm thấy danh sách công khai."))
    decision = (
        Decision.objects.filter(public_token=token, status=DecisionStatus.COMMENT)
        .select_related("issuer", "award")
        .first()
    )
    if decision is None:
        raise Http404(_("Không tìm thấy danh sách công khai."))
    return decision


def award_lines_for_user(user: Any) -> QuerySet[DecisionLine]:
    """The awards a user may see (pages, API, exports alike): lines of the decisions they
    see, of the people they see; collectives and names outside the people register come with
    their decision. Issued or not is the caller's filter (selectors.history_lines keeps the
    issued ones)."""
    return DecisionLine.objects.filter(decision__in=decisions_for_user(user)).filter(
        Q(person__isnull=True) | Q(person__in=people_for_user(user))
    )
