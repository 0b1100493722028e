"""Shared by the commendation endpoints: fetchers for rows inside an object the funnel already
let through (a cycle's category, a nomination's paper, a decision's line), the ids a body
sends, and the cycle, nomination and decision responses.

Every fetcher starts from thidua.awards.permissions: 404 when the object has not reached the
user, 403 when it has but they may not act; ids sent in a body that are not the object's own
are a 400, as in the review endpoints. Candidates to move to thidua.awards.permissions once
the web UI wants them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import awards as api
from thidua.awards.models import (
    Award,
    Category,
    Cycle,
    CycleExtension,
    Decision,
    DecisionLine,
    Nomination,
    NominationDocument,
    NominationEvent,
    Rule,
)
from thidua.awards.permissions import (
    award_lines_for_user,
    can_build,
    can_issue,
    can_override,
    can_run,
    can_sign,
    decisions_for_user,
    issuers_for_user,
    nominating_units_for_cycle,
    nominating_units_for_user,
    nomination_for_user,
    require_build,
    require_review,
)
from thidua.awards.services.common import deadline_for
from thidua.awards.services.nominations import missing_documents, nomination_checks
from thidua.campaigns.selectors import in_programme
from thidua.orgs.models import Unit
from thidua.orgs.permissions import unit_for_user


def path_pk(value: Any) -> int:
    """An id from the path; 0 (no row has it) when it is not a number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


# The catalogue: public to every signed-in user, so no funnel, only the active entries.


def awards_catalogue() -> QuerySet[Award]:
    return Award.objects.filter(active=True)


def award_in_catalogue(pk: Any) -> Award:
    award = awards_catalogue().filter(pk=path_pk(pk)).first()
    if award is None:
        raise Http404(_("Không tìm thấy danh hiệu, hình thức khen thưởng."))
    return award


def award_sent(pk: int | None) -> Award | None:
    """An award sent in a body (400 when it is not in the catalogue)."""
    if pk is None:
        return None
    award = awards_catalogue().filter(pk=pk).first()
    if award is None:
        raise ValidationError({"award": _("Danh hiệu, hình thức khen thưởng không hợp lệ.")})
    return award


# Inside a cycle


def cycle_category(cycle: Cycle, pk: Any) -> Category:
    """A category of the cycle, named in the path (404 otherwise)."""
    category = cycle.categories.filter(pk=path_pk(pk)).first()
    if category is None:
        raise Http404(_("Không tìm thấy nhóm đối tượng."))
    category.cycle = cycle
    return category


def category_rule(category: Category, pk: Any) -> Rule:
    rule = category.rules.filter(pk=path_pk(pk)).first()
    if rule is None:
        raise Http404(_("Không tìm thấy điều kiện xét."))
    rule.category = category
    return rule


def category_sent(cycle: Cycle, pk: int) -> Category:
    """A category of the cycle, sent in a body (400 otherwise)."""
    category = cycle.categories.select_related("award").filter(pk=pk).first()
    if category is None:
        raise ValidationError({"category": _("Nhóm đối tượng không thuộc đợt xét này.")})
    category.cycle = cycle
    return category


def extension_unit(user: Any, pk: int | None, cycle: Cycle) -> Unit | None:
    """The unit a deadline is extended for: in the user's scope (404), in the programme (400)."""
    if pk is None:
        return None
    unit = unit_for_user(user, pk)
    if not in_programme(cycle.programme, unit):
        raise ValidationError(
            {"unit": _("“%(unit)s” không tham gia chương trình này.") % {"unit": unit}}
        )
    return unit


# Nominations


def nominating_unit(user: Any, pk: int, cycle: Cycle) -> Unit:
    """A unit the user may nominate for: in their scope (404), one whose people they manage
    (403), taking part in the cycle's programme (400)."""
    unit = unit_for_user(user, pk)
    if not nominating_units_for_user(user).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Bạn không được lập hồ sơ đề nghị khen thưởng cho đơn vị này."))
    if not nominating_units_for_cycle(user, cycle).filter(pk=unit.pk).exists():
        raise ValidationError(
            {"unit": _("“%(unit)s” không tham gia chương trình này.") % {"unit": unit}}
        )
    return unit


def buildable_nomination(user: Any, pk: Any) -> Nomination:
    """Edit, attach, submit, withdraw: the nominating unit's officials and those above."""
    nomination = nomination_for_user(user, pk)
    require_build(user, nomination)
    return nomination


def reviewable_nomination(user: Any, pk: Any) -> Nomination:
    """Return, accept, reject, override: the officers of the unit that runs the cycle."""
    nomination = nomination_for_user(user, pk)
    require_review(user, nomination)
    return nomination


def nomination_document(nomination: Nomination, pk: Any) -> NominationDocument:
    document = nomination.documents.filter(pk=path_pk(pk)).first()
    if document is None:
        raise Http404(_("Không tìm thấy tài liệu."))
    document.nomination = nomination
    return document


# Decisions


def issuer_for_user(user: Any, pk: int) -> Unit:
    """A unit the user drafts decisions for: in their scope (404), one they issue for (403)."""
    unit = unit_for_user(user, pk)
    if not issuers_for_user(user).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Bạn không được soạn quyết định của đơn vị này."))
    return unit


def decision_line(decision: Decision, pk: Any) -> DecisionLine:
    line = decision.lines.filter(pk=path_pk(pk)).first()
    if line is None:
        raise Http404(_("Không tìm thấy người, tập thể trong quyết định."))
    line.decision = decision
    return line


def decisions_list(user: Any, query: dict[str, Any]) -> QuerySet[Decision]:
    decisions = decisions_for_user(user).select_related("issuer", "award", "cycle")
    for key in ("status", "year"):
        if key in query:
            decisions = decisions.filter(**{key: query[key]})
    if "issuer" in query:
        decisions = decisions.filter(issuer_id=query["issuer"])
    if "cycle" in query:
        decisions = decisions.filter(cycle_id=query["cycle"])
    # Aggregating drops the model's ordering; the list keeps it.
    return decisions.annotate(line_count=Count("lines")).order_by(
        "-signed_on", "-created_at", "-id"
    )


def history_for_user(user: Any) -> QuerySet[DecisionLine]:
    """The same awards as the pages show (awards.permissions.award_lines_for_user)."""
    return award_lines_for_user(user)


# Responses


def cycle_response(request: Request, cycle: Cycle, *, code: int = 200) -> Response:
    prefetch_related_objects(
        [cycle],
        Prefetch("categories", Category.objects.select_related("award").prefetch_related("rules")),
        Prefetch("extensions", CycleExtension.objects.select_related("unit")),
    )
    context = {"can_run": can_run(request.user, cycle)}
    return Response(api.CycleDetailSerializer(cycle, context=context).data, status=code)


def nomination_response(request: Request, nomination: Nomination, *, code: int = 200) -> Response:
    prefetch_related_objects(
        [nomination],
        "documents",
        Prefetch("events", NominationEvent.objects.select_related("actor")),
    )
    user = request.user
    context = {
        "request": request,
        "checks": nomination_checks(nomination),
        "missing": missing_documents(nomination),
        "deadline": deadline_for(nomination.cycle, nomination.unit),
        "can_build": can_build(user, nomination),
        "can_review": can_run(user, nomination.cycle),
        "can_override": can_override(user, nomination),
    }
    return Response(api.NominationDetailSerializer(nomination, context=context).data, status=code)


def decision_response(request: Request, decision: Decision, *, code: int = 200) -> Response:
    prefetch_related_objects(
        [decision],
        Prefetch("lines", DecisionLine.objects.select_related("person", "collective")),
        "comments",
    )
    decision.line_count = len(decision.lines.all())  # type: ignore[attr-defined]
    context = {
        "can_manage": can_issue(request.user, decision.issuer),
        "can_sign": can_sign(request.user, decision.issuer),
    }
    return Response(api.DecisionDetailSerializer(decision, context=context).data, status=code)
