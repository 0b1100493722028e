"""The machinery behind the demo's programmes: plan initiatives, register them, and move them
up the levels through the initiatives services at the dates a schedule gives."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from thidua.campaigns.models import Programme, ProgrammeField
from thidua.initiatives import services as initiatives
from thidua.initiatives.enums import Status
from thidua.initiatives.models import Initiative
from thidua.orgs.demo.ideas import (
    CERTIFY,
    NOT_SELECTED_GRASSROOTS,
    NOT_SELECTED_UPPER,
    RETURN_REASONS,
    WITHDRAW_REASONS,
    applying_unit_of,
    describe,
    idea_title,
)
from thidua.orgs.demo.names import _day_between, random_full_name
from thidua.orgs.demo.vocabulary import FAMILY, FIELD_WEIGHTS, MEMBERS
from thidua.orgs.demo.workplaces import Workplace
from thidua.orgs.enums import Gender
from thidua.orgs.models import Person, Unit, UnitPlacement

if TYPE_CHECKING:
    from thidua.orgs.demo.loader import _Loader

VN = ZoneInfo("Asia/Ho_Chi_Minh")
BORN_FROM, BORN_TO = dt.date(1970, 1, 1), dt.date(1998, 12, 31)  # the added authors
SHARES: dict[int, tuple[tuple[int, ...], ...]] = {
    1: ((100,),),
    2: ((50, 50), (60, 40), (70, 30), (80, 20)),
    3: ((40, 30, 30), (50, 30, 20), (60, 20, 20), (50, 25, 25)),
}
# Families whose technical initiatives are sometimes confidential (trade secrets).
CONFIDENTIAL = {"plant", "power", "seafood", "garment"}


def vn_time(year: int, month: int, day: int, hour: int = 17, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


def moment(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    """A time between start and end, moved into office hours (7:00–17:00) when it can be."""
    if end - start < dt.timedelta(minutes=2):
        return start
    when = start + dt.timedelta(minutes=rng.randrange(int((end - start).total_seconds()) // 60))
    if not 7 <= when.hour < 17:
        when = when.replace(hour=7 + when.hour % 10)
    return min(max(when, start), end)


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` in proportion to `weights`, largest remainders first."""
    exact = [total * weight / sum(weights) for weight in weights]
    counts = [math.floor(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (counts[i] - exact[i], i))
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


@dataclass
class Plan:
    """One initiative before it exists: what it says, who wrote it, where it will end."""

    unit: Unit
    upper: Unit
    field: ProgrammeField
    data: dict[str, Any]
    authors: list[tuple[Person, Decimal]]
    created: dt.datetime
    submitted: dt.datetime
    submit_by: dt.datetime  # the level-1 deadline in force for its union
    fate: str
    merit: float
    decided: dt.datetime | None = None
    forwarded: dt.datetime | None = None
    initiative: Initiative | None = None

    @property
    def obj(self) -> Initiative:
        assert self.initiative is not None  # noqa: S101 (created before any transition)
        return self.initiative


@dataclass(frozen=True)
class Schedule:
    """When things happen in one programme, and how its units decide: `fates` weighs how an
    initiative ends at its grassroots union, `forward_share` is the range of the share of the
    endorsed each union forwards, `upper_returns` and `upper_rejects` the chances that an
    upper union returns or does not select what reached it."""

    created_from: dt.datetime
    created_to: dt.datetime
    submit_by: dt.datetime
    decide_by: dt.datetime
    forward_by: dt.datetime
    upper_from: dt.datetime
    upper_to: dt.datetime
    applied_from: dt.date
    applied_to: dt.date
    fates: tuple[tuple[str, int], ...]
    forward_share: tuple[float, float]
    upper_returns: float = 0.04
    upper_rejects: float = 0.14


@dataclass
class Builder:
    """Plans and moves one programme's initiatives; people and fields are cached per load."""

    rng: random.Random
    loader: _Loader
    people: dict[int, list[Person]] = field(default_factory=dict)
    fields: dict[tuple[int, str], ProgrammeField] = field(default_factory=dict)

    def unit(self, code: str) -> Unit:
        return self.loader.units[code]

    def workplace(self, unit: Unit) -> Workplace:
        return self.loader.specs[unit.code].workplace

    def family(self, unit: Unit) -> str:
        return FAMILY[self.workplace(unit)]

    def field_of(self, programme: Programme, name: str) -> ProgrammeField:
        if (programme.pk, name) not in self.fields:
            for item in programme.fields.all():
                self.fields[(programme.pk, item.name)] = item
        return self.fields[(programme.pk, name)]

    def people_of(self, unit: Unit) -> list[Person]:
        if unit.pk not in self.people:
            self.people[unit.pk] = list(Person.objects.filter(unit=unit).order_by("id"))
        return self.people[unit.pk]

    # -- people --------------------------------------------------------------------------------

    def add_authors(self, units: list[Unit], count: int) -> None:
        weights = [math.sqrt(MEMBERS[self.family(unit)]) for unit in units]
        for unit, extra in zip(units, apportion(count, weights), strict=True):
            workplace = self.workplace(unit)
            jobs = [job for job in workplace.jobs if not job.manager]
            for _ in range(extra):
                job = self.rng.choices(jobs, [job.weight for job in jobs])[0]
                share = workplace.female_share if job.female_share is None else job.female_share
                gender = Gender.FEMALE if self.rng.random() < share else Gender.MALE
                self.loader.add_person(
                    unit_code=unit.code,
                    full_name=random_full_name(self.rng, region="south", gender=gender),
                    gender=gender,
                    position=job.title,
                    education=self.rng.choice(job.education),
                    date_of_birth=_day_between(self.rng, BORN_FROM, BORN_TO),
                    manager=False,
                )
            self.people.pop(unit.pk, None)

    def authors(self, unit: Unit) -> list[tuple[Person, Decimal]]:
        people = self.people_of(unit)
        count = min(self.rng.choices((1, 2, 3), (50, 35, 15))[0], len(people))
        chosen = self.rng.sample(people, count)
        shares = self.rng.choice(SHARES[count])
        return [(person, Decimal(share)) for person, share in zip(chosen, shares, strict=True)]

    # -- plans ---------------------------------------------------------------------------------

    def plan(
        self,
        *,
        programme: Programme,
        unit: Unit,
        upper: Unit,
        schedule: Schedule,
        taken: set[str],
        place: str,
        submit_by: dt.datetime | None = None,
    ) -> Plan:
        rng = self.rng
        family = self.family(unit)
        weighted = FIELD_WEIGHTS[family]
        field_name = rng.choices([name for name, _ in weighted], [w for _, w in weighted])[0]
        title, kind = idea_title(rng, family, field_name)
        for _ in range(5):  # one union does not file the same title twice
            if title not in taken:
                break
            title, kind = idea_title(rng, family, field_name)
        taken.add(title)
        last_submit = submit_by or schedule.submit_by
        # A union given more time also writes later.
        written_by = max(schedule.created_to, last_submit - dt.timedelta(days=2))
        created = moment(
            rng, schedule.created_from, min(written_by, last_submit - dt.timedelta(hours=3))
        )
        submitted = min(created + dt.timedelta(hours=rng.randint(1, 72)), last_submit)
        applied_to = min(schedule.applied_to, created.date())
        applying_unit = applying_unit_of(unit.name)
        data = describe(
            rng,
            field=field_name,
            title=title,
            applying_unit=applying_unit,
            certifier=f"{self.workplace(unit).head.title} {applying_unit}",
            first_applied_on=_day_between(rng, schedule.applied_from, applied_to),
            place=place,
        )
        data.update(
            title=title,
            solution_kind=kind,
            confidential=rng.random() < (0.13 if family in CONFIDENTIAL else 0.005),
        )
        fates = schedule.fates
        fate = rng.choices([name for name, _ in fates], [w for _, w in fates])[0]
        value = data["benefit_value"]
        merit = math.log(value) if value else math.log(80_000_000) + rng.gauss(0, 0.5)
        return Plan(
            unit=unit,
            upper=upper,
            field=self.field_of(programme, field_name),
            data=data,
            authors=self.authors(unit),
            created=created,
            submitted=submitted,
            submit_by=last_submit,
            fate=fate,
            merit=merit + rng.gauss(0, 0.7),
        )

    def spread(
        self,
        *,
        programme: Programme,
        grassroots: list[Unit],
        uppers: Mapping[int, Unit],
        total: int,
        schedule: Schedule,
        place: str,
        submit_by: Mapping[str, dt.datetime] | None = None,
    ) -> list[Plan]:
        """`total` plans over the grassroots unions, by the square root of their size;
        `submit_by` gives some unions (by code) a later last submission."""
        weights = [math.sqrt(MEMBERS[self.family(unit)]) for unit in grassroots]
        plans = []
        for unit, count in zip(grassroots, apportion(total, weights), strict=True):
            taken: set[str] = set()
            plans += [
                self.plan(
                    programme=programme,
                    unit=unit,
                    upper=uppers[unit.pk],
                    schedule=schedule,
                    taken=taken,
                    place=place,
                    submit_by=(submit_by or {}).get(unit.code),
                )
                for _ in range(count)
            ]
        return plans

    def create(self, programme: Programme, plans: list[Plan]) -> None:
        """Register in the order they were written, so codes follow dates."""
        for plan in sorted(plans, key=lambda p: (p.created, p.unit.code)):
            data = dict(plan.data, field=plan.field)
            if plan.fate == "fixed" or (plan.fate == "returned" and self.rng.random() < 0.7):
                data["benefit_certified_by"] = ""  # what the officer will ask for
                plan.fate += ":certify"
            plan.initiative = initiatives.initiative_create(
                actor=None,
                programme=programme,
                unit=plan.unit,
                data=data,
                authors=plan.authors,
                now=plan.created,
            )

    # -- the grassroots round ------------------------------------------------------------------

    def grassroots_round(self, plans: list[Plan], decide_by: dt.datetime) -> None:
        """Each initiative's fate at its own union: submitted, then endorsed, not selected,
        returned (and perhaps fixed and resubmitted), withdrawn, or left waiting."""
        rng = self.rng
        for plan in sorted(plans, key=lambda p: (p.submitted, p.obj.code)):
            fate, _, certify = plan.fate.partition(":")
            initiative = plan.obj
            if fate == "draft":
                continue
            if fate == "withdrawn" and rng.random() < 0.3:
                initiatives.initiative_withdraw(
                    actor=None,
                    initiative=initiative,
                    reason=rng.choice(WITHDRAW_REASONS),
                    now=plan.created + dt.timedelta(days=2),
                )
                continue
            initiatives.initiative_submit(actor=None, initiative=initiative, now=plan.submitted)
            # A union that submitted late (with an extension) decides the next morning.
            last = max(decide_by, plan.submitted + dt.timedelta(hours=18))
            decided = min(plan.submitted + dt.timedelta(hours=rng.randint(3, 60)), last)
            if fate == "withdrawn":
                initiatives.initiative_withdraw(
                    actor=None,
                    initiative=initiative,
                    reason=rng.choice(WITHDRAW_REASONS),
                    now=decided,
                )
            elif fate in {"returned", "fixed"}:
                reason = CERTIFY if certify else rng.choice(RETURN_REASONS[1:])
                initiatives.initiative_return(
                    actor=None, initiative=initiative, reason=reason, now=decided
                )
                if fate == "fixed":
                    fixed_after = dt.timedelta(hours=rng.randint(2, 30))
                    again = min(plan.submitted + fixed_after, plan.submit_by)
                    initiatives.initiative_update(
                        actor=None,
                        initiative=initiative,
                        data={"benefit_certified_by": plan.data["benefit_certified_by"]},
                        now=again,
                    )
                    initiatives.initiative_submit(actor=None, initiative=initiative, now=again)
                    last = max(decide_by, again + dt.timedelta(hours=18))
                    decided = min(again + dt.timedelta(hours=rng.randint(2, 24)), last)
                    self.decide(plan, selected=True, at=decided)
            elif fate == "not_selected":
                self.decide(plan, selected=False, at=decided, reasons=NOT_SELECTED_GRASSROOTS)
            elif fate == "endorsed":
                self.decide(plan, selected=True, at=decided)

    def decide(
        self, plan: Plan, *, selected: bool, at: dt.datetime, reasons: Sequence[str] = ()
    ) -> None:
        initiatives.initiative_decide(
            actor=None,
            initiative=plan.obj,
            selected=selected,
            reason="" if selected else self.rng.choice(reasons),
            now=at,
        )
        plan.decided = at

    def forward_best(
        self, plans: list[Plan], share: float, start: dt.datetime, limit: int | None = None
    ) -> list[Plan]:
        """Forward the best `share` of the selected plans (at most `limit`), a minute
        apart from `start`."""
        ranked = sorted(plans, key=lambda p: (-p.merit, p.obj.code))
        count = round(len(ranked) * share)
        chosen = ranked[: count if limit is None else min(count, limit)]
        for index, plan in enumerate(chosen):
            plan.forwarded = start + dt.timedelta(minutes=index)
            initiatives.initiative_forward(actor=None, initiative=plan.obj, now=plan.forwarded)
        return chosen

    def grassroots_forward(
        self, plans: list[Plan], schedule: Schedule, late: dict[str, dt.datetime]
    ) -> list[Plan]:
        """Each union forwards the best of what it endorsed to its upper union in one batch,
        after its last decision and before the deadline (or its extension, in `late`)."""
        by_unit: dict[str, list[Plan]] = defaultdict(list)
        for plan in plans:
            if plan.decided is not None and plan.obj.status == Status.SELECTED:
                by_unit[plan.unit.code].append(plan)
        forwarded: list[Plan] = []
        for code in sorted(by_unit):
            endorsed = by_unit[code]
            last = max(plan.decided for plan in endorsed if plan.decided is not None)
            start = late.get(code) or min(
                last + dt.timedelta(hours=self.rng.randint(1, 3)), schedule.forward_by
            )
            share = self.rng.uniform(*schedule.forward_share)
            forwarded += self.forward_best(endorsed, share, start)
        return forwarded

    def upper_round(
        self, received: list[Plan], schedule: Schedule, silent: Sequence[str] = ()
    ) -> dict[str, list[Plan]]:
        """Each upper union decides what reached it: some returned to the union that sent
        them, some not selected, the rest selected. Silent ones decide only some, by no
        deadline. Returns the selected, by upper union."""
        rng = self.rng
        by_upper: dict[str, list[Plan]] = defaultdict(list)
        for plan in received:
            by_upper[plan.upper.code].append(plan)
        selected: dict[str, list[Plan]] = {}
        for code in sorted(by_upper):
            selected[code] = []
            for plan in sorted(by_upper[code], key=lambda p: p.obj.code):
                entered = plan.forwarded or schedule.upper_from
                at = moment(rng, max(schedule.upper_from, entered), schedule.upper_to)
                draw = rng.random()
                if code in silent:
                    if draw < 0.4:
                        self.decide(plan, selected=True, at=at)
                elif draw < schedule.upper_returns:
                    initiatives.initiative_return(
                        actor=None,
                        initiative=plan.obj,
                        reason=rng.choice(RETURN_REASONS[1:]),
                        now=at,
                    )
                elif draw < schedule.upper_returns + schedule.upper_rejects:
                    self.decide(plan, selected=False, at=at, reasons=NOT_SELECTED_UPPER)
                else:
                    self.decide(plan, selected=True, at=at)
                    selected[code].append(plan)
        return selected


def grassroots_under(root: Unit, day: dt.date) -> tuple[list[Unit], dict[int, Unit]]:
    """The grassroots unions under `root` on `day`, by code, and each one's parent then."""
    root_path = UnitPlacement.objects.on(day).get(unit=root).path
    placements = (
        UnitPlacement.objects.on(day)
        .under(root_path)
        .filter(unit__kind="cdcs")
        .select_related("unit", "parent")
        .order_by("unit__code")
    )
    parents = {p.unit_id: p.parent for p in placements if p.parent is not None}
    return [p.unit for p in placements], parents
