"""Reads of honouring conferences shared by the pages, the API and the services: the list with
its counts, one conference with its cycles, groups and guests; the draft of a plan (from the
cycle and the organiser's place in the tree) and the grassroots chairs to invite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone, translation

from thidua.awards.models import Cycle
from thidua.awards.services.common import deadline_text
from thidua.events import wording
from thidua.events.enums import GroupKind
from thidua.events.models import Event, Guest, GuestGroup
from thidua.orgs.enums import Tier, UnitKind
from thidua.orgs.models import Person, Unit
from thidua.orgs.selectors import ancestors_on, subtree_unit_ids


def events_list(events: QuerySet[Event], *, year: int | None = None) -> QuerySet[Event]:
    """Conferences latest first, with their organiser and how many groups and guests each has
    (`n_groups`, `n_guests`)."""
    if year:
        events = events.filter(starts_at__year=year)
    return (
        events.select_related("organiser")
        .annotate(
            n_groups=Count("guest_groups", distinct=True),
            n_guests=Count("guest_groups__guests", distinct=True),
        )
        .order_by("-starts_at", "-id")
    )


def event_groups(event: Event, kind: str | None = GroupKind.GUEST) -> list[GuestGroup]:
    """The groups of one kind (invited guests unless told; None: every group) in their order,
    each with its delegates (prefetched, in their order)."""
    groups = event.guest_groups.all()
    if kind is not None:
        groups = groups.filter(kind=kind)
    return list(
        groups.order_by("order", "id").prefetch_related(
            Prefetch("guests", Guest.objects.select_related("person").order_by("order", "id"))
        )
    )


def with_details(events: QuerySet[Event]) -> QuerySet[Event]:
    """Conferences with what their page and the API's detail show, in a fixed number of
    queries."""
    return events.select_related("organiser").prefetch_related(
        "cycles",
        Prefetch(
            "guest_groups",
            GuestGroup.objects.order_by("order", "id").prefetch_related(
                Prefetch("guests", Guest.objects.order_by("order", "id"))
            ),
        ),
    )


# --- the plan's draft, from the cycle and the tree (worded by wording.py) -------------------------


def cycle_deadline(cycle: Cycle) -> dt.datetime:
    """The cycle's deadline for every unit: its own, or a later one extended to all."""
    return max([cycle.deadline, *(e.deadline for e in cycle.extensions.all() if e.unit_id is None)])


def _province(organiser: Unit, ancestors: Sequence[Unit]) -> Unit | None:
    for unit in [*ancestors, organiser]:
        if unit.tier == Tier.PROVINCE:
            return unit
    return None


def guest_group_defaults(organiser: Unit, day: dt.date) -> list[str]:
    """The usual guest groups (section III.2) for the organiser's place in the tree on `day`."""
    ancestors = ancestors_on(organiser, day)
    province = _province(organiser, ancestors)
    place = ""
    if province is not None:
        found = wording.locality(province.name)
        place = province.place_name or (found.place if found else "")
    return wording.guest_group_names(
        organiser_name=organiser.name,
        parent_name=ancestors[-1].name if ancestors else "",
        province_place=place,
        is_province=organiser.tier == Tier.PROVINCE,
        is_grassroots=organiser.is_grassroots,
    )


def plan_wording(
    *, organiser: Unit, title: str, starts_at: dt.datetime, cycle: Cycle | None
) -> dict[str, str]:
    """The plan's texts as a draft: the opening paragraph always; with a cycle, the purposes of
    its year, what is honoured and who (its categories), and who does what by its deadline."""
    texts = {
        "basis": wording.basis_text(
            organiser_name=organiser.name,
            title=title,
            year=timezone.localtime(starts_at).year,
        )
    }
    if cycle is None:
        return texts
    names = list(cycle.categories.order_by("order", "id").values_list("name", flat=True))
    # Data stays Vietnamese whatever the language of the request that creates it.
    with translation.override("vi"):
        deadline = deadline_text(cycle_deadline(cycle))
    if not deadline.startswith("trước"):
        deadline = f"trước {deadline}"
    texts.update(
        {
            "purposes": "\n".join(wording.purposes_lines(cycle.achievement_year)),
            "contents": "\n".join(wording.as_list(names)),
            "honourees": "\n".join(wording.as_list(names)),
            "tasks": "\n".join(
                wording.tasks_lines(
                    organiser_name=organiser.name,
                    year=cycle.achievement_year,
                    deadline_words=deadline,
                )
            ),
        }
    )
    return texts


# --- the guests -----------------------------------------------------------------------------------


def union_chairs(*, organiser: Unit, units_query: QuerySet[Unit]) -> list[Person]:
    """The chair of every active grassroots union among `units_query` that is in the
    organiser's tree (today, or on its last day if it has ended), by union name."""
    people = (
        Person.objects.filter(
            unit__in=units_query,
            unit_id__in=subtree_unit_ids(organiser),
            unit__kind=UnitKind.CDCS,
            unit__ended_on__isnull=True,
        )
        # A cheap filter first ("Chủ tịch", "CHỦ TỊCH"); is_union_chair decides.
        .filter(Q(position__icontains="tịch") | Q(position__icontains="TỊCH"))
        .select_related("unit")
        .order_by("unit__name_folded", "unit_id", "sort_key", "id")
    )
    return [person for person in people if wording.is_union_chair(person.position)]
