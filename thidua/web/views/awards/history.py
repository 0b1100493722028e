"""Award history across years and programmes: who holds which title or form, from which
decision, searchable without diacritics, and its Excel. Person and unit pages show their part
of it through `award_lines_for_user`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_GET

from thidua.awards.models import Award, DecisionLine
from thidua.awards.permissions import award_lines_for_user
from thidua.awards.selectors import history_lines
from thidua.orgs.models import Unit
from thidua.orgs.permissions import unit_for_user
from thidua.orgs.selectors import subtree_unit_ids
from thidua.spreadsheets import award_exports
from thidua.web.views.common import id_param, paginate
from thidua.web.views.reviews.common import stream


@dataclass
class HistoryFilters:
    query: str = ""
    year: int | None = None
    award: Award | None = None
    unit: Unit | None = None


def history_filters(request: HttpRequest) -> HistoryFilters:
    raw_year = request.GET.get("nam", "")
    raw_award = request.GET.get("danh_hieu", "")
    raw_unit = request.GET.get("don_vi", "")
    award_id, unit_id, year = id_param(raw_award), id_param(raw_unit), id_param(raw_year)
    return HistoryFilters(
        query=request.GET.get("q", "").strip(),
        year=year if year and 1900 < year < 2200 else None,
        award=Award.objects.filter(pk=award_id).first() if award_id else None,
        unit=unit_for_user(request.user, unit_id) if unit_id else None,
    )


def filtered_history(user: Any, filters: HistoryFilters) -> QuerySet[DecisionLine]:
    lines = award_lines_for_user(user)
    if filters.unit is not None:
        # The unit and every unit under it: a district's history holds its unions' people.
        under = subtree_unit_ids(filters.unit)
        lines = lines.filter(Q(person__unit_id__in=under) | Q(collective_id__in=under))
    return history_lines(
        lines,
        query=filters.query,
        year=filters.year,
        award_id=filters.award.pk if filters.award else None,
    )


@login_required
@require_GET
def award_history(request: HttpRequest) -> HttpResponseBase:
    filters = history_filters(request)
    return render(
        request,
        "web/awards/history.html",
        {
            "page": paginate(request, filtered_history(request.user, filters)),
            "filters": filters,
            "awards": Award.objects.all(),
            "nav_active": "decisions",
        },
    )


@login_required
@require_GET
def award_history_export(request: HttpRequest) -> HttpResponseBase:
    filters = history_filters(request)
    return stream(award_exports.HistoryWorkbook(lines=filtered_history(request.user, filters)))
