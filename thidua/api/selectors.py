"""Reads the API needs on top of thidua.orgs.selectors. Candidates to move there once a
second caller (web, exports) wants them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from thidua.orgs.models import Person, Unit, UnitPlacement
from thidua.orgs.permissions import Cap, people_for_user, today, units_for_user
from thidua.orgs.selectors import units_matching


def unit_day(unit: Unit, on: dt.date | None) -> dt.date:
    """The day whose tree a unit is shown in: `on` if given, else today, else (for a unit that
    has ended) its last day, so an ended unit still shows where it stood."""
    if on is not None:
        return on
    day = today()
    if unit.ended_on is not None and unit.ended_on <= day:
        return unit.ended_on - dt.timedelta(days=1)
    return day


def units_list(
    *, user: Any, day: dt.date, query: str = "", parent_id: int | None = None, kind: str = ""
) -> QuerySet[Unit]:
    """Units the user sees on `day`, searched without diacritics, ordered by name."""
    units = units_for_user(user, Cap.VIEW_UNITS, day).filter(units_matching(query))
    if parent_id is not None:
        children = UnitPlacement.objects.on(day).filter(parent_id=parent_id)
        units = units.filter(pk__in=children.values("unit_id"))
    if kind:
        units = units.filter(kind=kind)
    return units.select_related("merged_into").order_by("name_folded", "pk")


def parents_on(units: Iterable[Unit], day: dt.date) -> dict[int, Unit | None]:
    """Each unit's parent on `day`, in one query."""
    placements = (
        UnitPlacement.objects.on(day)
        .filter(unit_id__in=[unit.pk for unit in units])
        .select_related("parent")
    )
    return {placement.unit_id: placement.parent for placement in placements}


def personal_data_ids(*, user: Any, people: Iterable[Person]) -> set[int]:
    """Which of `people` (all in today's tree) the user may see personal data of, in one query.

    For people whose unit is in today's tree this is `can_see_personal_data` for each.
    """
    ids = [person.pk for person in people]
    allowed = people_for_user(user, Cap.VIEW_PERSONAL_DATA).filter(pk__in=ids)
    return set(allowed.values_list("pk", flat=True))
