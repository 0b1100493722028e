"""Reads of programmes: levels, holders, deadlines in force."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from thidua.campaigns.models import DeadlineExtension, Programme, ProgrammeLevel
from thidua.campaigns.rules import effective_deadline
from thidua.orgs.models import Unit
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
