"""A cycle's statistics for the report (sent, accepted, awarded by category, unit and field)
and the lists staff need for the conference (nominees and awardees by category)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_GET

from thidua.awards import selectors
from thidua.awards.models import Cycle, DecisionLine, Nomination
from thidua.awards.permissions import award_lines_for_user, cycle_for_user, nominations_for_user
from thidua.awards.selectors import COUNTED, CycleStats, history_lines, nominations_in
from thidua.spreadsheets import award_exports
from thidua.web.views.reviews.common import stream


def nominees(user: Any, cycle: Cycle) -> QuerySet[Nomination]:
    """Every dossier that left its union, by category, unit and name."""
    return (
        nominations_in(nominations_for_user(user), cycle=cycle)
        .filter(status__in=COUNTED)
        .select_related("category__award", "decision_line__decision__award")
    )


def awardees(user: Any, cycle: Cycle) -> QuerySet[DecisionLine]:
    """Everyone the cycle's signed decisions list, revoked ones marked."""
    lines = history_lines(award_lines_for_user(user).filter(decision__cycle=cycle))
    return lines.order_by(
        F("nomination__category__order").asc(nulls_last=True), "group", "sort_key", "id"
    )


@login_required
@require_GET
def cycle_stats(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = cycle_for_user(request.user, pk)
    return render(
        request,
        "web/awards/stats.html",
        {
            "cycle": cycle,
            "stats": cycle_stats_of(request.user, cycle),
            "nominees": nominees(request.user, cycle),
            "awardees": awardees(request.user, cycle),
            "nav_active": "decisions",
        },
    )


def cycle_stats_of(user: Any, cycle: Cycle) -> CycleStats:
    return selectors.cycle_stats(cycle, nominations_for_user(user))


@login_required
@require_GET
def cycle_stats_export(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = cycle_for_user(request.user, pk)
    return stream(
        award_exports.CycleStatsWorkbook(
            cycle=cycle,
            stats=cycle_stats_of(request.user, cycle),
            nominees=nominees(request.user, cycle),
            awardees=awardees(request.user, cycle),
        )
    )
