"""Reads of programmes: levels, holders, deadlines in force."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from thidua.campaigns.models import DeadlineExtension, Programme, ProgrammeLevel
from thidua.campaigns.rules import effective_deadline
from thidua.orgs.enums import KIND_TIER
from thidua.orgs.models import Unit, UnitPlacement
from thidua.orgs.selectors import ancestors_on, placement_on


def levels_of(programme: Programme) -> list[ProgrammeLevel]:
    return list(programme.levels.order_by("order"))


def holder_at(level: ProgrammeLevel, unit: Unit, day: dt.date | None = None) -> Unit | None:
    """The unit that holds, at `level`, what comes from `unit`: `unit` itself or its nearest
    ancestor of the level's tier, inside the programme's subtree."""
    day = day or timezone.localdate()
    programme_root = level.programme.running_unit
    chain = [*ancestors_on(unit, day), unit]
    if programme_root not in chain:
        return None
    inside = chain[chain.index(programme_root) :]
    for candidate in reversed(inside):
        if candidate.tier == level.tier:
            return candidate
    return None


def deadline_for(level: ProgrammeLevel, unit: Unit) -> dt.datetime:
    extensions = DeadlineExtension.objects.filter(level=level).values_list("unit_id", "deadline")
    return effective_deadline(level.deadline, list(extensions), unit.pk)


def in_programme(programme: Programme, unit: Unit, day: dt.date | None = None) -> bool:
    day = day or timezone.localdate()
    root = placement_on(programme.running_unit, day)
    here = placement_on(unit, day)
    return bool(root and here and here.path.startswith(root.path))


def reference_day(programme: Programme) -> dt.date:
    """The tree a programme is read on: today while it runs, its last day once it is over."""
    return min(timezone.localdate(), programme.ends_on)


def acting_units(programme: Programme, units: list[Unit]) -> list[Unit]:
    """Of the user's units and the units they took over, those that act in this programme:
    inside its subtree on its reference day, at the tier of one of its levels."""
    from thidua.orgs.selectors import with_predecessors

    day = reference_day(programme)
    tiers = set(programme.levels.values_list("tier", flat=True))
    candidates = Unit.objects.filter(pk__in=with_predecessors({unit.pk for unit in units}))
    return [
        unit
        for unit in candidates.order_by("name")
        if unit.tier in tiers and in_programme(programme, unit, day)
    ]


def programme_open(programme: Programme, day: dt.date | None = None) -> bool:
    """Launched and within its period: it takes new initiatives."""
    day = day or timezone.localdate()
    return programme.status == "launched" and programme.starts_on <= day <= programme.ends_on


def registering_units(
    programme: Programme, units: QuerySet[Unit], day: dt.date | None = None
) -> QuerySet[Unit]:
    """Of `units`, those that take initiatives at the programme's first level: of that level's
    tier and inside the programme's subtree on `day`. One query, whatever the number."""
    day = day or reference_day(programme)
    first = programme.levels.order_by("order").first()
    root = placement_on(programme.running_unit, day)
    if first is None or root is None:
        return units.none()
    kinds = [kind for kind, tier in KIND_TIER.items() if tier == first.tier]
    inside = UnitPlacement.objects.on(day).under(root.path)
    return units.filter(kind__in=kinds, pk__in=inside.values("unit_id"))
