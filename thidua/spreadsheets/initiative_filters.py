"""The initiative list's filters read from a query string, for the web list and the Excel
export alike: one set of parameters, one set of rows.

    ?chuong_trinh=<programme id>&cap=<level id>&don_vi=<unit id>&linh_vuc=<field id>
    &tinh_trang=<status>&loai=<solution kind>&gia_tri_tu=<đồng>&gia_tri_den=<đồng>
    &q=<words>&sap_xep=<moi|ma|ten|gia-tri|don-vi>

A programme, level or unit goes through its access funnel: one the user cannot see is a 404,
exactly like one that does not exist. Other values that cannot be read are left out, as a
list page leaves out a filter it does not know.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from thidua.campaigns.models import Programme, ProgrammeLevel
from thidua.campaigns.permissions import programme_for_user
from thidua.initiatives.enums import SolutionKind, Status
from thidua.initiatives.selectors import SORTS, InitiativeFilters, programmes_for_user
from thidua.orgs.permissions import unit_for_user
from thidua.spreadsheets.base import CellError
from thidua.spreadsheets.parsing import parse_money

FILTER_PARAMS = (
    "chuong_trinh", "cap", "don_vi", "linh_vuc", "tinh_trang", "loai", "gia_tri_tu",
    "gia_tri_den", "q", "sap_xep",
)  # fmt: skip
MAX_QUERY = 200


def filters_from_query(user: Any, query: QueryDict) -> InitiativeFilters:
    def given(name: str) -> str:
        return (query.get(name) or "").strip()

    programme = programme_for_user(user, given("chuong_trinh")) if given("chuong_trinh") else None
    return InitiativeFilters(
        programme=programme,
        level=level_for_user(user, given("cap"), programme) if given("cap") else None,
        unit=unit_for_user(user, given("don_vi")) if given("don_vi") else None,
        field_id=_whole(given("linh_vuc")),
        status=_one_of(given("tinh_trang"), Status.values),
        solution_kind=_one_of(given("loai"), SolutionKind.values),
        benefit_min=_money(given("gia_tri_tu")),
        benefit_max=_money(given("gia_tri_den")),
        query=given("q")[:MAX_QUERY],
        sort=_one_of(given("sap_xep"), list(SORTS)) or "moi",
    )


def level_for_user(user: Any, pk: Any, programme: Programme | None = None) -> ProgrammeLevel:
    """A level of a programme the user sees (of `programme`, when given); else 404."""
    levels = ProgrammeLevel.objects.filter(programme__in=programmes_for_user(user))
    if programme is not None:
        levels = levels.filter(programme=programme)
    try:
        return levels.get(pk=int(pk))
    except (ProgrammeLevel.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy cấp xét.")) from None


def _whole(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and int(text) > 0 else None


def _one_of(text: str, allowed: list[str]) -> str:
    return text if text in allowed else ""


def _money(text: str) -> int | None:
    if not text:
        return None
    try:
        return parse_money(text)
    except CellError:
        return None
