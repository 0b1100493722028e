"""Reads of initiatives shared by the web lists, the API and the Excel export: one set of
filters, so an export holds exactly what the list shows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from thidua.campaigns.models import DeadlineExtension, Programme, ProgrammeLevel
from thidua.campaigns.rules import effective_deadline
from thidua.common.search import word_prefix_q
from thidua.initiatives.enums import Status
from thidua.initiatives.models import Authorship, Initiative, Stage
from thidua.orgs.enums import Tier
from thidua.orgs.models import Unit, UnitPlacement
from thidua.orgs.selectors import placement_on, subtree_unit_ids, with_predecessors

SORT_LABELS = [
    ("moi", gettext_lazy("Mới nhất")),
    ("ma", gettext_lazy("Theo mã")),
    ("ten", gettext_lazy("Theo tên")),
    ("gia-tri", gettext_lazy("Giá trị làm lợi giảm dần")),
    ("don-vi", gettext_lazy("Theo đơn vị")),
]
SORTS = {
    "moi": ("-created_at", "-id"),
    "ma": ("code",),
    "ten": ("title", "id"),
    "gia-tri": ("-benefit_value", "id"),
    "don-vi": ("unit__name", "code"),
}


@dataclass(frozen=True)
class InitiativeFilters:
    programme: Programme | None = None
    level: ProgrammeLevel | None = None
    unit: Unit | None = None
    field_id: int | None = None
    status: str = ""
    solution_kind: str = ""
    benefit_min: int | None = None
    benefit_max: int | None = None
    query: str = ""
    sort: str = "moi"


def initiative_list(
    *, initiatives: QuerySet[Initiative], filters: InitiativeFilters
) -> QuerySet[Initiative]:
    rows = initiatives
    if filters.programme is not None:
        rows = rows.filter(programme=filters.programme)
    if filters.level is not None:
        rows = rows.filter(pk__in=Stage.objects.filter(level=filters.level).values("initiative_id"))
    if filters.unit is not None:
        rows = rows.filter(unit_id__in=subtree_unit_ids(filters.unit))
    if filters.field_id:
        rows = rows.filter(field_id=filters.field_id)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.solution_kind:
        rows = rows.filter(solution_kind=filters.solution_kind)
    if filters.benefit_min is not None:
        rows = rows.filter(benefit_value__gte=filters.benefit_min)
    if filters.benefit_max is not None:
        rows = rows.filter(benefit_value__lte=filters.benefit_max)
    if filters.query:
        rows = rows.filter(word_prefix_q("search_text", filters.query))
    authors = Authorship.objects.select_related("person").order_by("order", "id")
    return (
        rows.select_related("programme", "field", "unit", "current_level", "current_unit")
        .prefetch_related(Prefetch("authorships", queryset=authors))
        .order_by(*SORTS.get(filters.sort, SORTS["moi"]))
    )


def status_counts(rows: QuerySet[Initiative]) -> dict[str, int]:
    # Counted by the database: a national list holds hundreds of thousands of rows.
    counts = dict(
        rows.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {value: counts.get(value, 0) for value in Status.values}


@dataclass
class ProgressRow:
    unit: Unit
    grassroots_total: int
    grassroots_submitted: int
    registered: int
    reached_us: int
    deadline: dt.datetime | None
    late: bool


def holder_level(programme: Programme, unit: Unit) -> ProgrammeLevel | None:
    return programme.levels.filter(tier=unit.tier).first()


def progress_board(
    *, programme: Programme, unit: Unit, now: dt.datetime | None = None
) -> list[ProgressRow]:
    """For each child of `unit`: how many of its grassroots unions have submitted anything,
    how many initiatives reached `unit` from it, and whether it is late. Counts only: no
    initiative's content is shown, so this respects "each level sees only what reached it"."""
    now = now or timezone.now()
    # A finished programme is shown on the tree as it stood when it ended.
    day = min(timezone.localdate(now), programme.ends_on)
    here = placement_on(unit, day)
    if here is None:
        return []
    level = holder_level(programme, unit)
    children = list(
        UnitPlacement.objects.on(day)
        .filter(parent=unit)
        .select_related("unit")
        .order_by("unit__name")
    )
    # One pass over the subtree: the segment of each unit's path after ours names the child
    # it belongs to. Everything below is counted by the database, grouped by registering unit.
    child_by_segment = {child.path[len(here.path) :].split("/", 1)[0]: child for child in children}
    subtree = UnitPlacement.objects.on(day).under(here.path)
    child_of: dict[int, int] = {}
    grassroots_total: Counter[int] = Counter()
    for unit_id, path, kind in subtree.values_list("unit_id", "path", "unit__kind").iterator(
        chunk_size=20_000
    ):
        child = child_by_segment.get(path[len(here.path) :].split("/", 1)[0])
        if child is None:
            continue  # `unit` itself
        child_of[unit_id] = child.unit_id
        if kind == "cdcs":
            grassroots_total[child.unit_id] += 1
    active = (
        Initiative.objects.filter(programme=programme, unit_id__in=subtree.values("unit_id"))
        .exclude(status__in=[Status.DRAFT, Status.WITHDRAWN])
        .order_by()
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "n")
    )
    registered: Counter[int] = Counter()
    submitting_unions: Counter[int] = Counter()
    for registering_unit, count in active:
        child_id = child_of.get(registering_unit)
        if child_id is not None:
            registered[child_id] += count
            submitting_unions[child_id] += 1
    reached: Counter[int] = Counter()
    if level is not None:
        arrived = (
            Stage.objects.filter(level=level, unit=unit)
            .order_by()
            .values_list("initiative__unit_id")
            .annotate(n=Count("pk"))
            .values_list("initiative__unit_id", "n")
        )
        for registering_unit, count in arrived:
            if registering_unit in child_of:
                reached[child_of[registering_unit]] += count
    # Every extension of the level at once, not one query per child.
    extensions = (
        list(DeadlineExtension.objects.filter(level=level).values_list("unit_id", "deadline"))
        if level is not None
        else []
    )
    rows = []
    for child in children:
        deadline = effective_deadline(level.deadline, extensions, child.unit_id) if level else None
        rows.append(
            ProgressRow(
                unit=child.unit,
                grassroots_total=grassroots_total[child.unit_id]
                or (1 if child.unit.tier == Tier.GRASSROOTS else 0),
                grassroots_submitted=submitting_unions[child.unit_id],
                registered=registered[child.unit_id],
                reached_us=reached[child.unit_id],
                deadline=deadline,
                late=deadline is not None and now > deadline and reached[child.unit_id] == 0,
            )
        )
    return rows


def programmes_for_user(user: Any) -> QuerySet[Programme]:
    """Programmes a user takes part in: launched ones run above one of their units, then or
    now (every ancestor the unit ever had), or above a unit they took over (merged into theirs,
    or dissolved under it); and any, draft too, run by a unit where they manage programmes."""
    from thidua.orgs.models import Membership

    if user.is_superuser:
        return Programme.objects.all()
    memberships = list(Membership.objects.filter(user=user).values_list("unit_id", "role"))
    taken_over = with_predecessors({unit_id for unit_id, _ in memberships})
    paths = UnitPlacement.objects.filter(unit_id__in=taken_over).values_list("path", flat=True)
    running = {int(segment, 36) for path in paths for segment in path.rstrip("/").split("/")}
    manage = with_predecessors(
        {unit_id for unit_id, role in memberships if role in {"admin", "officer"}}
    )
    return Programme.objects.filter(
        Q(running_unit_id__in=running, status__in=["launched", "closed"])
        | Q(running_unit_id__in=manage)
    )
