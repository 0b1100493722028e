"""Reads of the organisation tree and of people, reused by the web UI, the API and exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from thidua.common.search import word_prefix_q
from thidua.orgs.models import Person, Unit, UnitPlacement
from thidua.orgs.permissions import Cap, placements_for_user, today


def placement_on(unit: Unit, day: dt.date) -> UnitPlacement | None:
    return UnitPlacement.objects.on(day).filter(unit=unit).select_related("parent").first()


def unit_path_on(unit: Unit, day: dt.date) -> str:
    placement = placement_on(unit, day)
    return placement.path if placement else ""


def unit_current_path(unit: Unit) -> str:
    """The unit's path today, or on its last day if it has ended: where its audit entries and
    history belong."""
    path = unit_path_on(unit, today())
    if not path and unit.ended_on is not None:
        path = unit_path_on(unit, unit.ended_on - dt.timedelta(days=1))
    return path


def ancestors_on(unit: Unit, day: dt.date) -> list[Unit]:
    """Root first, the unit itself excluded."""
    placement = placement_on(unit, day)
    if placement is None:
        return []
    segments = placement.path.rstrip("/").split("/")[:-1]
    prefixes = ["/".join(segments[: index + 1]) + "/" for index in range(len(segments))]
    by_path = {
        p.path: p.unit
        for p in UnitPlacement.objects.on(day).filter(path__in=prefixes).select_related("unit")
    }
    return [by_path[prefix] for prefix in prefixes if prefix in by_path]


@dataclass(frozen=True)
class TreeNode:
    unit: Unit
    depth: int
    child_count: int
    parent_id: int | None


def children_on(*, user: Any, parent: Unit | None, day: dt.date | None = None) -> list[TreeNode]:
    """The visible children of `parent` on `day`; with no parent, the user's top units."""
    day = day or today()
    visible = placements_for_user(user, Cap.VIEW_UNITS, day)
    if parent is None:
        # Top units: visible placements whose parent is not itself visible.
        visible_ids = visible.values("unit_id")
        rows = visible.exclude(parent_id__in=visible_ids)
    else:
        rows = visible.filter(parent=parent)
    child_counts = (
        UnitPlacement.objects.on(day)
        .filter(parent_id=OuterRef("unit_id"))
        .values("parent_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    rows = rows.select_related("unit").annotate(n_children=Subquery(child_counts))
    nodes = [
        TreeNode(
            unit=row.unit,
            depth=row.depth,
            child_count=getattr(row, "n_children", 0) or 0,
            parent_id=row.parent_id,
        )
        for row in rows
    ]
    return sorted(nodes, key=lambda node: (node.unit.kind != "tld", node.unit.name_folded))


def unit_search(*, user: Any, query: str, day: dt.date | None = None) -> QuerySet[Unit]:
    placements = placements_for_user(user, Cap.VIEW_UNITS, day).filter(unit_id=OuterRef("pk"))
    units = Unit.objects.filter(
        pk__in=placements_for_user(user, Cap.VIEW_UNITS, day).values("unit_id")
    )
    units = units.filter(word_prefix_q("name_folded", query))
    return units.annotate(
        parent_name=Subquery(placements.values("parent__name")[:1]),
    ).order_by("name_folded")


def subtree_unit_ids(unit: Unit, day: dt.date | None = None) -> QuerySet[UnitPlacement]:
    """Ids of the unit and everything under it on `day`, as a subquery."""
    day = day or today()
    path = unit_path_on(unit, day)
    if not path and unit.ended_on is not None and day >= unit.ended_on:
        # An ended unit: its subtree as it stood on its last day.
        day = unit.ended_on - dt.timedelta(days=1)
        path = unit_path_on(unit, day)
    if not path:
        return UnitPlacement.objects.none().values("unit_id")  # type: ignore[return-value]
    return UnitPlacement.objects.on(day).under(path).values("unit_id")  # type: ignore[return-value]


def people_list(
    *,
    people: QuerySet[Person],
    query: str = "",
    unit: Unit | None = None,
    gender: str = "",
    member_category: str = "",
) -> QuerySet[Person]:
    """Filter and order people Vietnamese-style (by given name, then the rest)."""
    if unit is not None:
        people = people.filter(unit_id__in=subtree_unit_ids(unit))
    if query:
        people = people.filter(word_prefix_q("name_folded", query))
    if gender:
        people = people.filter(gender=gender)
    if member_category:
        people = people.filter(member_category=member_category)
    return people.select_related("unit").order_by("sort_key", "id")


def unit_counts(unit: Unit, day: dt.date | None = None) -> dict[str, int]:
    day = day or today()
    path = unit_path_on(unit, day)
    if not path:
        return {"units": 0, "grassroots": 0, "people": 0}
    subtree = UnitPlacement.objects.on(day).under(path)
    return {
        "units": subtree.count() - 1,
        "grassroots": subtree.filter(unit__kind="cdcs").count(),
        "people": Person.objects.filter(unit_id__in=subtree.values("unit_id")).count(),
    }


def unit_history(unit: Unit) -> QuerySet[UnitPlacement]:
    return unit.placements.select_related("parent").order_by("valid_from")


def units_matching(query: str) -> Q:
    """Units whose name or code has words starting with each word of `query`."""
    return word_prefix_q("name_folded", query)


def with_predecessors(unit_ids: set[int]) -> set[int]:
    """The units plus every ended unit whose records they inherited: a unit merged into one of
    them, or a dissolved unit whose last parent was one of them (and so on, down the chain).
    A federation keeps the archive of the units it absorbed."""
    result = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        merged = set(Unit.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True))
        dissolved = set(
            UnitPlacement.objects.filter(
                parent_id__in=frontier, unit__end_kind="dissolved", valid_to=F("unit__ended_on")
            ).values_list("unit_id", flat=True)
        )
        frontier = (merged | dissolved) - result
        result |= frontier
    return result
