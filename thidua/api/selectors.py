"""Reads the API needs on top of thidua.orgs, thidua.campaigns and thidua.initiatives
selectors. Candidates to move there once a second caller (web, exports) wants them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from thidua.campaigns.models import DeadlineExtension, Programme, ProgrammeLevel
from thidua.campaigns.rules import effective_deadline
from thidua.orgs.models import Membership, Person, Unit, UnitPlacement
from thidua.orgs.permissions import Cap, people_for_user, today, units_for_user
from thidua.orgs.selectors import ancestors_on, units_matching


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


def acting_deadlines(
    *, user: Any, programme: Programme, levels: list[ProgrammeLevel]
) -> dict[int, tuple[Unit, dt.datetime]]:
    """For each level one of the user's units sends initiatives into, that unit and the
    deadline in force for it, extensions included.

    Deadlines bind the acting unit (initiatives.services._check_deadline): a grassroots union
    submits into the first level, and every holder forwards into the next level above it that
    has a holder. So the district sees the province's deadline, not its own level's.
    """
    day = today()
    root = programme.running_unit
    extensions = list(
        DeadlineExtension.objects.filter(level__programme=programme).values_list(
            "level_id", "unit_id", "deadline"
        )
    )
    units = {m.unit_id: m.unit for m in Membership.objects.filter(user=user).select_related("unit")}
    acting: dict[int, tuple[Unit, dt.datetime]] = {}
    for unit in units.values():
        chain = [*ancestors_on(unit, day), unit]
        if root not in chain:
            continue
        tiers = {member.tier for member in chain[chain.index(root) :]}
        held = [level for level in levels if level.tier == unit.tier]
        if not held:
            continue
        targets = [held[0]] if held[0] == levels[0] else []
        above = [lvl for lvl in levels if lvl.order > held[0].order and lvl.tier in tiers]
        targets += above[:1]
        for level in targets:
            own = [
                (unit_id, when) for level_id, unit_id, when in extensions if level_id == level.pk
            ]
            acting.setdefault(level.pk, (unit, effective_deadline(level.deadline, own, unit.pk)))
    return acting
