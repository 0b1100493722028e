"""Reads of commendation data shared by pages, the API and Excel: award history, the lists and
statistics staff need for the conference and the report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from thidua.awards.enums import DecisionStatus, NominationStatus
from thidua.awards.models import Cycle, DecisionLine, Nomination
from thidua.common.vietnamese import search_terms

ISSUED = [DecisionStatus.SIGNED, DecisionStatus.PUBLISHED]


def history_lines(
    lines: QuerySet[DecisionLine],
    *,
    query: str = "",
    year: int | None = None,
    award_id: int | None = None,
    unit_ids: Iterable[int] | None = None,
    include_revoked: bool = True,
) -> QuerySet[DecisionLine]:
    """Awards held (lines of signed decisions), newest first, searchable without diacritics
    by name, filtered by year, award and the units of the people or collectives."""
    lines = lines.filter(decision__status__in=ISSUED).select_related(
        "decision__issuer", "decision__award", "decision__cycle__programme", "person__unit",
        "collective",
    )  # fmt: skip
    for term in search_terms(query):
        lines = lines.filter(name_folded__contains=term)
    if year:
        lines = lines.filter(decision__year=year)
    if award_id:
        lines = lines.filter(decision__award_id=award_id)
    if unit_ids is not None:
        ids = list(unit_ids)
        lines = lines.filter(Q(person__unit_id__in=ids) | Q(collective_id__in=ids))
    if not include_revoked:
        lines = lines.filter(revoked_at__isnull=True)
    return lines.order_by("-decision__signed_on", "-decision_id", "sort_key", "id")


def nominations_in(
    nominations: QuerySet[Nomination],
    *,
    cycle: Cycle | None = None,
    category_id: int | None = None,
    unit_id: int | None = None,
    status: str = "",
    query: str = "",
) -> QuerySet[Nomination]:
    if cycle is not None:
        nominations = nominations.filter(cycle=cycle)
    if category_id:
        nominations = nominations.filter(category_id=category_id)
    if unit_id:
        nominations = nominations.filter(unit_id=unit_id)
    if status:
        nominations = nominations.filter(status=status)
    for term in search_terms(query):
        nominations = nominations.filter(search_text__contains=term)
    return nominations.select_related(
        "category", "unit", "person", "initiative", "field", "decision_line__decision"
    ).order_by("category__order", "unit__name", "person__sort_key", "id")


@dataclass
class StatRow:
    label: str
    nominated: int = 0
    accepted: int = 0
    awarded: int = 0
    by_status: dict[str, int] = field(default_factory=dict)


@dataclass
class CycleStats:
    by_category: list[StatRow]
    by_unit: list[StatRow]
    by_field: list[StatRow]
    total: StatRow


COUNTED = [
    NominationStatus.SUBMITTED,
    NominationStatus.RETURNED,
    NominationStatus.ACCEPTED,
    NominationStatus.REJECTED,
    NominationStatus.AWARDED,
]


def _rows(
    nominations: QuerySet[Nomination], key: str, labels: Mapping[Any, str], empty: str
) -> list[StatRow]:
    counts = nominations.values(key, "status").annotate(n=Count("id"))
    rows: dict[Any, StatRow] = {}
    for item in counts:
        row = rows.setdefault(item[key], StatRow(labels.get(item[key], empty)))
        row.by_status[item["status"]] = row.by_status.get(item["status"], 0) + item["n"]
    for row in rows.values():
        _fill(row)
    return sorted(rows.values(), key=lambda r: (-r.nominated, r.label))


def _fill(row: StatRow) -> None:
    row.nominated = sum(row.by_status.values())
    row.accepted = row.by_status.get(NominationStatus.ACCEPTED, 0) + row.by_status.get(
        NominationStatus.AWARDED, 0
    )
    row.awarded = row.by_status.get(NominationStatus.AWARDED, 0)


def cycle_stats(cycle: Cycle, nominations: QuerySet[Nomination]) -> CycleStats:
    """Nominees (sent: every dossier that left its union), accepted and awarded, by category,
    nominating unit and field. `nominations` is already scoped to the user."""
    sent = nominations.filter(cycle=cycle, status__in=COUNTED)
    categories = {c.pk: f"{c.order}. {c.name}" for c in cycle.categories.order_by("order", "id")}
    units = dict(sent.values_list("unit_id", "unit__name").distinct())
    fields = dict(
        sent.exclude(field__isnull=True).values_list("field_id", "field__name").distinct()
    )
    by_category = _rows(sent, "category_id", categories, "")
    # Every group has its row, those without dossiers too.
    present = {row.label for row in by_category}
    by_category += [StatRow(label) for label in categories.values() if label not in present]
    order = {label: index for index, label in enumerate(categories.values())}
    by_category.sort(key=lambda r: order.get(r.label, len(order)))
    total = StatRow("Tổng cộng")
    for item in sent.values("status").annotate(n=Count("id")):
        total.by_status[item["status"]] = item["n"]
    _fill(total)
    return CycleStats(
        by_category=by_category,
        by_unit=_rows(sent, "unit_id", units, ""),
        by_field=_rows(sent, "field_id", fields, "Không theo lĩnh vực"),
        total=total,
    )


@dataclass
class CycleWork:
    cycle: Cycle
    deadline: Any
    runs: bool
    to_review: int = 0
    drafts: int = 0
    returned: int = 0
    sent: int = 0
    accepted: int = 0


def my_award_work(user: Any, now: Any = None) -> list[CycleWork]:
    """For the dashboard: each cycle still taking dossiers (or with dossiers to check) that
    the user takes part in, with what waits for them. Three queries whatever the number of
    cycles."""
    from django.utils import timezone

    from thidua.awards.permissions import can_run, cycles_for_user, nominations_for_user

    now = now or timezone.now()
    cycles = list(cycles_for_user(user).prefetch_related("extensions"))
    counts: dict[tuple[int, str], int] = {
        (row["cycle_id"], row["status"]): row["n"]
        for row in nominations_for_user(user)
        .filter(cycle__in=cycles)
        .values("cycle_id", "status")
        .annotate(n=Count("id"))
    }
    work = []
    for cycle in cycles:
        runs = can_run(user, cycle)
        latest = max([cycle.deadline, *(e.deadline for e in cycle.extensions.all())])
        item = CycleWork(
            cycle=cycle,
            deadline=cycle.deadline if runs else latest,
            runs=runs,
            to_review=counts.get((cycle.pk, NominationStatus.SUBMITTED), 0) if runs else 0,
            drafts=counts.get((cycle.pk, NominationStatus.DRAFT), 0),
            returned=counts.get((cycle.pk, NominationStatus.RETURNED), 0),
            sent=counts.get((cycle.pk, NominationStatus.SUBMITTED), 0),
            accepted=counts.get((cycle.pk, NominationStatus.ACCEPTED), 0)
            + counts.get((cycle.pk, NominationStatus.AWARDED), 0),
        )
        if latest >= now or item.to_review or item.returned:
            work.append(item)
    return work


@dataclass
class LineGroup:
    name: str
    lines: list[DecisionLine] = field(default_factory=list)


def grouped_lines(lines: list[DecisionLine]) -> list[LineGroup]:
    """Lines by group (the category), groups in the cycle's order, names Vietnamese-style
    within each; STT runs on across groups."""

    def group_rank(line: DecisionLine) -> tuple[int, int]:
        category = line.nomination.category if line.nomination else None
        return (category.order if category else 10_000, line.order)

    firsts: dict[str, tuple[int, int]] = {}
    for line in lines:
        rank = group_rank(line)
        firsts[line.group] = min(firsts.get(line.group, rank), rank)
    groups: dict[str, LineGroup] = {}
    for line in sorted(lines, key=lambda x: (firsts[x.group], x.sort_key, x.pk)):
        groups.setdefault(line.group, LineGroup(line.group)).lines.append(line)
    number = 0
    for group in groups.values():
        for line in group.lines:
            number += 1
            line.stt = number  # type: ignore[attr-defined]
    return list(groups.values())
