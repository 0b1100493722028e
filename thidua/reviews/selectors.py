"""Reads for councils: what a council reviews, who scores what, and the results, computed by
the pure functions in `scoring`, `rubrics` and `selection` from plain data read here."""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet, Sum

from thidua.initiatives.enums import StageStatus
from thidua.initiatives.models import Initiative, Stage
from thidua.reviews import assignment as assigning
from thidua.reviews import rubrics, scoring
from thidua.reviews.enums import (
    AssignmentStatus,
    Basis,
    ConflictStatus,
    CouncilStatus,
    SheetStatus,
    SlateStatus,
)
from thidua.reviews.models import (
    Assignment,
    Conflict,
    Council,
    CouncilMember,
    ScoreSheet,
    SlateLine,
)

# Stages a council reviews: waiting at its level, or already decided there by it.
REVIEWED_STAGES = [
    StageStatus.PENDING,
    StageStatus.SELECTED,
    StageStatus.NOT_SELECTED,
    StageStatus.FORWARDED,
]


def council_stages(council: Council) -> QuerySet[Stage]:
    return Stage.objects.filter(
        level_id=council.level_id, unit_id=council.unit_id, status__in=REVIEWED_STAGES
    )


def council_initiatives(council: Council) -> QuerySet[Initiative]:
    """The initiatives the council reviews: those that reached its unit at its level; once it
    has voted, exactly those it voted on, whatever happens to them later."""
    if council.status == CouncilStatus.DECIDED:
        voted = SlateLine.objects.filter(
            slate__council=council, slate__status=SlateStatus.CONFIRMED
        ).values("initiative_id")
        return Initiative.objects.filter(pk__in=voted)
    return Initiative.objects.filter(
        pk__in=council_stages(council).values("initiative_id")
    ).exclude(status="withdrawn")


def active_members(council: Council) -> QuerySet[CouncilMember]:
    return (
        council.members.filter(active=True)
        .select_related("user__person")
        .prefetch_related("fields")
        .order_by("id")
    )


def member_progress(council: Council) -> dict[int, tuple[int, int]]:
    """Member id -> (submitted sheets, active assignments): the "12/45" of each member."""
    rows = (
        Assignment.objects.filter(council=council, status=AssignmentStatus.ACTIVE)
        .values("member_id")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(sheet__status=SheetStatus.SUBMITTED)),
        )
    )
    return {row["member_id"]: (row["done"], row["total"]) for row in rows}


def next_assignment(seat: CouncilMember, *, after: int | None = None) -> Assignment | None:
    """ "Save and next": the member's unscored initiative that most needs reviews (fewest
    submitted sheets so far), then the oldest assignment."""
    queue = (
        Assignment.objects.filter(member=seat, status=AssignmentStatus.ACTIVE)
        .exclude(sheet__status=SheetStatus.SUBMITTED)
        .annotate(
            done=Count(
                "initiative__review_assignments",
                filter=Q(
                    initiative__review_assignments__council_id=seat.council_id,
                    initiative__review_assignments__status=AssignmentStatus.ACTIVE,
                    initiative__review_assignments__sheet__status=SheetStatus.SUBMITTED,
                ),
            )
        )
        .order_by("done", "id")
    )
    if after is not None:
        queue = queue.exclude(pk=after)
    return queue.first()


def confirmed_conflicts(council: Council) -> set[tuple[int, int]]:
    """(member id, initiative id) pairs a declared, not rejected, conflict keeps apart."""
    return set(
        Conflict.objects.filter(member__council=council)
        .exclude(status=ConflictStatus.REJECTED)
        .values_list("member_id", "initiative_id")
    )


def reviewer_inputs(council: Council) -> list[assigning.Reviewer]:
    reviewers = []
    for seat in active_members(council):
        person = getattr(seat.user, "person", None)
        reviewers.append(
            assigning.Reviewer(
                id=seat.pk,
                person=person.pk if person else None,
                unions=frozenset({person.unit_id}) if person else frozenset(),
                fields=frozenset(f.pk for f in seat.fields.all()),
                cap=seat.load_cap if seat.load_cap is not None else council.load_cap,
            )
        )
    return reviewers


def item_inputs(council: Council) -> list[assigning.Item]:
    initiatives = council_initiatives(council).prefetch_related("authorships__person")
    return [
        assigning.Item(
            id=initiative.pk,
            field=initiative.field_id,
            unions=frozenset(
                {initiative.unit_id, *(a.person.unit_id for a in initiative.authorships.all())}
            ),
            authors=frozenset(a.person_id for a in initiative.authorships.all()),
        )
        for initiative in initiatives.order_by("id")
    ]


def active_pairs(council: Council) -> dict[int, set[int]]:
    pairs: dict[int, set[int]] = defaultdict(set)
    for initiative_id, member_id in Assignment.objects.filter(
        council=council, status=AssignmentStatus.ACTIVE
    ).values_list("initiative_id", "member_id"):
        pairs[initiative_id].add(member_id)
    return pairs


@dataclass
class Row:
    """One initiative's line on the ranking page. ``initiative`` is attached only for the rows
    a page shows (see :func:`attach_initiatives`); the scores come from the council's
    computed standings."""

    initiative_id: int
    code: str
    benefit_value: int | None
    result: scoring.ItemResult | None
    outcome: rubrics.Outcome | None
    raw_rank: int | None = None
    corrected_rank: int | None = None
    raw_decided_by: str | None = None
    corrected_decided_by: str | None = None
    sender_id: int | None = None
    initiative: Initiative = field(default=None, repr=False)  # type: ignore[assignment]

    @property
    def moved(self) -> int | None:
        """How many places correction moved it (positive: up)."""
        if self.raw_rank is None or self.corrected_rank is None:
            return None
        return self.raw_rank - self.corrected_rank


def _by_rank(rows: list[Row], basis: str) -> list[Row]:
    """Rows by rank on `basis`; the unranked (not scored yet) last, by code."""

    def key(row: Row) -> tuple[int, str]:
        rank = row.corrected_rank if basis == Basis.CORRECTED else row.raw_rank
        return (rank if rank is not None else 10**9, row.code)

    return sorted(rows, key=key)


@dataclass
class Standings:
    """What a council's sheets add up to, without the initiatives themselves: computed once
    per change of the council's sheets, assignments, initiatives or settings (see
    :func:`council_standings`) and shared by the requests that follow."""

    spec: rubrics.RubricSpec
    rows: list[Row]
    reviewers: dict[int, scoring.ReviewerReport]
    icc: float | None
    alpha: float | None
    sheets: int
    expected: int
    tie_breakers: list[tuple[str, str]]
    _ordered: dict[str, list[Row]] = field(default_factory=dict, repr=False)

    def ordered(self, basis: str) -> list[Row]:
        """The rows by rank on `basis` (unranked last, by code); sorted once, then reused."""
        if basis not in self._ordered:
            self._ordered[basis] = _by_rank(self.rows, basis)
        return self._ordered[basis]

    @property
    def disputed(self) -> int:
        return sum(1 for row in self.rows if row.result is not None and row.result.disputed)


@dataclass
class Results:
    council: Council
    spec: rubrics.RubricSpec
    rows: list[Row]
    reviewers: dict[int, scoring.ReviewerReport]
    members: dict[int, CouncilMember]
    icc: float | None
    sheets: int
    expected: int
    tie_breakers: list[tuple[str, str]] = field(default_factory=list)
    alpha: float | None = None  # Krippendorff's alpha (interval), beside the ICC
    standings: Standings | None = field(default=None, repr=False)

    def ordered(self, basis: str) -> list[Row]:
        return _by_rank(self.rows, basis)

    def rank_of(self, row: Row, basis: str) -> int | None:
        return row.corrected_rank if basis == Basis.CORRECTED else row.raw_rank

    def score_of(self, row: Row, basis: str) -> float | None:
        if row.result is None:
            return None
        return row.result.corrected if basis == Basis.CORRECTED else row.result.raw

    @property
    def disputed(self) -> int:
        return sum(1 for row in self.rows if row.result is not None and row.result.disputed)

    @property
    def flagged(self) -> list[CouncilMember]:
        return [self.members[r] for r, rep in self.reviewers.items() if rep.flagged]


def submitted_sheets(council: Council) -> QuerySet[ScoreSheet]:
    return ScoreSheet.objects.filter(
        assignment__council=council,
        assignment__status=AssignmentStatus.ACTIVE,
        status=SheetStatus.SUBMITTED,
    )


# The standings of the councils last asked for in this process, with the fingerprint of what
# they were computed from. Each app server process keeps its own; the fingerprint is read from
# the database on every request, so a change made through any server is seen by all.
_STANDINGS: OrderedDict[int, tuple[tuple[Any, ...], Standings]] = OrderedDict()
_STANDINGS_KEPT = 8
_STANDINGS_LOCK = threading.Lock()


def _fingerprint(council: Council, spec: rubrics.RubricSpec) -> tuple[Any, ...]:
    """Everything the standings depend on, in three aggregate queries: the sheets (count,
    latest change and sum of totals), the assignments, the initiatives under review (and
    their latest edit: benefit value and submission date break ties), and the council's own
    settings."""
    sheets = ScoreSheet.objects.filter(assignment__council=council).aggregate(
        n=Count("pk"),
        submitted=Count("pk", filter=Q(status=SheetStatus.SUBMITTED)),
        changed=Max("updated_at"),
        points=Sum("total"),
    )
    assignments = Assignment.objects.filter(council=council).aggregate(
        n=Count("pk"),
        active=Count("pk", filter=Q(status=AssignmentStatus.ACTIVE)),
        last=Max("pk"),
        ended=Max("ended_at"),
    )
    initiatives = council_initiatives(council).aggregate(
        n=Count("pk"), changed=Max("updated_at"), last=Max("pk")
    )
    settings = (
        council.status, council.method, council.correction, council.basis,
        str(council.dispute_threshold), tuple(council.tie_breakers), council.rubric_id,
    )  # fmt: skip
    return (
        tuple(sheets.values()), tuple(assignments.values()), tuple(initiatives.values()),
        settings, spec,
    )  # fmt: skip


def council_standings(council: Council) -> Standings:
    """The council's standings, computed again only when what they depend on has changed."""
    assert council.rubric is not None  # noqa: S101 (a council scores only once it has a rubric)
    spec = council.rubric.spec()
    fingerprint = _fingerprint(council, spec)
    with _STANDINGS_LOCK:
        kept = _STANDINGS.get(council.pk)
        if kept is not None and kept[0] == fingerprint:
            _STANDINGS.move_to_end(council.pk)
            return kept[1]
    standings = _compute_standings(council, spec)
    with _STANDINGS_LOCK:
        _STANDINGS[council.pk] = (fingerprint, standings)
        _STANDINGS.move_to_end(council.pk)
        while len(_STANDINGS) > _STANDINGS_KEPT:
            _STANDINGS.popitem(last=False)
    return standings


def forget_standings() -> None:
    """Drop every kept standings (tests; nothing in the app needs it)."""
    with _STANDINGS_LOCK:
        _STANDINGS.clear()


def _compute_standings(council: Council, spec: rubrics.RubricSpec) -> Standings:
    high = float(spec.max_total)
    codes = [c.code for c in spec.criteria]
    sheets = [
        scoring.Sheet(
            item=initiative_id,
            reviewer=member_id,
            total=float(total),
            criteria={code: float(points.get(code) or 0) for code in codes},
        )
        for initiative_id, member_id, total, points in submitted_sheets(council)
        .values_list("assignment__initiative_id", "assignment__member_id", "total", "points")
        .iterator(chunk_size=10_000)
    ]
    results = {
        item: _rounded(result)
        for item, result in scoring.aggregate(
            sheets,
            method=council.method,
            correction=council.correction,
            low=0.0,
            high=high,
            dispute_threshold=float(council.dispute_threshold),
        ).items()
    }
    stages = dict(council_stages(council).values_list("initiative_id", "sender_id"))
    facts = (
        council_initiatives(council)
        # "Submitted earlier" means handed in to the union: its first stage, not the draft.
        .annotate(submitted=Min("stages__entered_at"))
        .order_by("code")
        .values_list("pk", "code", "benefit_value", "submitted")
    )
    rows = []
    submitted_on: dict[int, Any] = {}
    for pk, code, benefit_value, submitted in facts.iterator(chunk_size=10_000):
        result = results.get(pk)
        outcome = None
        if result is not None and result.raw is not None:
            score = result.corrected if council.basis == Basis.CORRECTED else result.raw
            outcome = rubrics.outcome(spec, score or 0.0, result.criteria)
        submitted_on[pk] = submitted
        rows.append(
            Row(
                initiative_id=pk,
                code=code,
                benefit_value=benefit_value,
                result=result,
                outcome=outcome,
                sender_id=stages.get(pk),
            )
        )
    _rank(rows, council.tie_breakers, basis=Basis.RAW, submitted_on=submitted_on)
    _rank(rows, council.tie_breakers, basis=Basis.CORRECTED, submitted_on=submitted_on)
    names = {c.code: c.name for c in spec.criteria}
    return Standings(
        spec=spec,
        rows=rows,
        reviewers=scoring.reviewer_reports(
            sheets, min_offset=max(1.0, high * 0.04), t_threshold=3.0
        ),
        icc=scoring.icc1(sheets),
        alpha=scoring.krippendorff_alpha_interval(sheets),
        sheets=len(sheets),
        expected=Assignment.objects.filter(council=council, status=AssignmentStatus.ACTIVE).count(),
        tie_breakers=[(key, scoring.tie_breaker_label(key, names)) for key in council.tie_breakers],
    )


def attach_initiatives(rows: list[Row]) -> list[Row]:
    """Copies of `rows` with their initiatives (field, unit and authors loaded): the kept
    standings are never written to."""
    initiatives = (
        Initiative.objects.filter(pk__in=[row.initiative_id for row in rows])
        .select_related("field", "unit")
        .prefetch_related("authorships__person")
        .in_bulk()
    )
    return [replace(row, initiative=initiatives[row.initiative_id]) for row in rows]


def council_members(council: Council) -> dict[int, CouncilMember]:
    return {seat.pk: seat for seat in council.members.select_related("user")}


def council_results(council: Council) -> Results:
    """Every candidate's aggregated raw and corrected score, its rubric outcome, its rank both
    ways, plus per-reviewer reports and the council's agreement; with every initiative loaded
    (exports, slates, minutes). The ranking page reads :func:`council_standings` instead and
    loads only the initiatives of the page it shows."""
    standings = council_standings(council)
    return Results(
        council=council,
        spec=standings.spec,
        rows=attach_initiatives(standings.rows),
        reviewers=standings.reviewers,
        members=council_members(council),
        icc=standings.icc,
        alpha=standings.alpha,
        sheets=standings.sheets,
        expected=standings.expected,
        tie_breakers=standings.tie_breakers,
        standings=standings,
    )


def _rounded(result: scoring.ItemResult) -> scoring.ItemResult:
    """Scores at two decimals, as they are shown and stored, before anything compares them:
    89.99999999999953 must not fall under a cut of 90 that the page shows it reaching."""

    def cut(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    return replace(
        result,
        raw=cut(result.raw),
        corrected=cut(result.corrected),
        criteria={code: round(value, 2) for code, value in result.criteria.items()},
    )


def _rank(
    rows: list[Row], tie_breakers: list[str], *, basis: str, submitted_on: dict[int, Any]
) -> None:
    entries = [
        scoring.RankInput(
            item=row.initiative_id,
            score=(
                None
                if row.result is None
                else (row.result.corrected if basis == Basis.CORRECTED else row.result.raw)
            ),
            benefit_value=row.benefit_value,
            criteria=row.result.criteria if row.result else {},
            submitted_at=submitted_on.get(row.initiative_id),
            code=row.code,
        )
        for row in rows
    ]
    by_item = {row.initiative_id: row for row in rows}
    for ranked in scoring.rank(entries, tie_breakers=tie_breakers):
        row = by_item[ranked.item]
        if row.result is None:
            continue  # not scored yet: no rank, rather than a shared last place
        if basis == Basis.CORRECTED:
            row.corrected_rank, row.corrected_decided_by = ranked.position, ranked.decided_by
        else:
            row.raw_rank, row.raw_decided_by = ranked.position, ranked.decided_by


def others_sheets(assignment: Assignment) -> list[ScoreSheet]:
    """The other members' submitted sheets on the same initiative in the same council."""
    return list(
        ScoreSheet.objects.filter(
            assignment__council_id=assignment.council_id,
            assignment__initiative_id=assignment.initiative_id,
            assignment__status=AssignmentStatus.ACTIVE,
            status=SheetStatus.SUBMITTED,
        )
        .exclude(assignment_id=assignment.pk)
        .select_related("assignment__member__user")
    )


def my_progress(user: Any) -> QuerySet[Assignment, dict[str, Any]]:
    """The member's scoring, council by council: submitted sheets over active assignments."""
    return (
        my_assignments(user)
        .values("council_id", "council__name")
        .annotate(
            total=Count("id"), done=Count("id", filter=Q(sheet__status=SheetStatus.SUBMITTED))
        )
        .order_by("council__name")
    )


def my_assignments(user: Any) -> QuerySet[Assignment]:
    return Assignment.objects.filter(
        member__user=user, member__active=True, status=AssignmentStatus.ACTIVE
    )
