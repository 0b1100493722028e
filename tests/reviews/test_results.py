"""The planted harsh reviewer, end to end: sheets saved through the services, results read
back through the selector the ranking page uses."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from statistics import mean

import pytest

from tests.factories import make_person, make_unit, make_user
from tests.initiatives.conftest import VN
from thidua.campaigns import services as campaigns
from thidua.initiatives import services as initiatives
from thidua.orgs.enums import Tier
from thidua.reviews import rubrics, services
from thidua.reviews.enums import Basis
from thidua.reviews.models import Assignment
from thidua.reviews.selectors import attach_initiatives, council_results, council_standings

DAY = dt.datetime(2021, 4, 25, 9, 0, tzinfo=VN)
HARSH = 2  # points taken off every criterion by the planted reviewer


@pytest.fixture
def scored(db):
    """40 initiatives from 8 unions, 7 members, 3 sheets each; member 0 is 2 points harsher
    on every criterion. Returns the council, the harsh member and each item's honest total."""
    rng = random.Random(20210425)
    province = make_unit("LĐLĐ tỉnh Kiên Giang", code="KGR", kind="ldld_tinh")
    unions = [make_unit(f"Công đoàn cơ sở {n}", code=f"KGR-{n}", parent=province) for n in range(8)]
    programme = campaigns.programme_create(
        actor=None,
        name="75 nghìn sáng kiến",
        code="KGR75",
        running_unit=province,
        starts_on=dt.date(2021, 3, 10),
        ends_on=dt.date(2099, 12, 31),
        levels=[
            {"name": "CĐCS", "tier": Tier.GRASSROOTS, "deadline": DAY + dt.timedelta(days=-20)},
            {"name": "Tỉnh", "tier": Tier.PROVINCE, "deadline": DAY + dt.timedelta(days=-5),
             "has_council": True},
        ],
    )  # fmt: skip
    campaigns.programme_launch(actor=None, programme=programme)
    field = programme.fields.first()
    quality: dict[int, float] = {}
    for number in range(40):
        union = unions[number % 8]
        author = make_person(f"Tác Giả {number}", unit=union)
        item = initiatives.initiative_create(
            actor=None,
            programme=programme,
            unit=union,
            data={
                "title": f"Sáng kiến {number}",
                "solution_kind": "ky_thuat",
                "field": field,
                "first_applied_on": dt.date(2021, 2, 1),
                "novelty": "Mới",
                "benefit_value": 100_000_000 + number,
            },
            authors=[(author, Decimal(100))],
            now=DAY - dt.timedelta(days=40),
        )
        start = DAY - dt.timedelta(days=30)
        initiatives.initiative_submit(actor=None, initiative=item, now=start)
        initiatives.initiative_decide(actor=None, initiative=item, selected=True, now=start)
        initiatives.initiative_forward(actor=None, initiative=item, now=start)
        quality[item.pk] = rng.uniform(0.45, 0.9)
    rubric = services.rubric_create(
        actor=None, programme=programme, spec=rubrics.PRESETS["da_nang"], preset="da_nang"
    )
    council = services.council_create(
        actor=None,
        level=programme.levels.get(order=2),
        unit=province,
        data={"name": "Hội đồng", "rubric": rubric, "deadline": DAY + dt.timedelta(days=10)},
    )
    seats = []
    for number in range(7):
        user = make_user(f"hd{number}", unit=province, role="council")
        user.person = make_person(f"Thành Viên {number}", unit=province)
        user.save(update_fields=["person"])
        seats.append(services.member_add(actor=None, council=council, user=user))
    services.council_open(actor=None, council=council)
    services.assignments_auto(actor=None, council=council, now=DAY)
    honest: dict[int, list[float]] = {}
    criteria = rubrics.PRESETS["da_nang"].criteria
    for assignment in Assignment.objects.filter(council=council).order_by("id"):
        q = quality[assignment.initiative_id]
        fair = {c.code: round(c.max_points * q + rng.uniform(-1.5, 1.5)) for c in criteria}
        off = HARSH if assignment.member_id == seats[0].pk else 0
        points = {code: value - off for code, value in fair.items()}
        services.sheet_save(actor=None, assignment=assignment, points=points, submit=True, now=DAY)
        honest.setdefault(assignment.initiative_id, []).append(sum(fair.values()))
    return council, seats[0], {item: mean(totals) for item, totals in honest.items()}


def test_the_planted_harsh_reviewer_is_flagged_and_no_one_else(scored):
    council, harsh, _ = scored

    results = council_results(council)

    flagged = [member for member, report in results.reviewers.items() if report.flagged]
    assert flagged == [harsh.pk]
    # 6 points under the two others on the same initiatives, give or take the noise.
    assert results.reviewers[harsh.pk].mean_offset == pytest.approx(-3 * HARSH, abs=1.5)


def test_correction_removes_the_harsh_reviewers_effect_on_their_initiatives(scored):
    council, harsh, honest = scored
    theirs = set(Assignment.objects.filter(member=harsh).values_list("initiative_id", flat=True))

    results = council_results(council)

    rows = [row for row in results.rows if row.initiative.pk in theirs]
    raw_error = mean(honest[row.initiative.pk] - row.result.raw for row in rows)
    corrected_error = mean(abs(honest[row.initiative.pk] - row.result.corrected) for row in rows)
    assert raw_error == pytest.approx(3 * HARSH / 3, abs=0.01)  # 6 points off one of 3 sheets
    assert corrected_error < 0.6


def test_the_council_chooses_which_ranking_counts(scored):
    council, _, _ = scored

    services.council_update(actor=None, council=council, data={"basis": Basis.RAW})
    raw_slate = services.slate_propose(actor=None, council=council)
    services.council_update(actor=None, council=council, data={"basis": Basis.CORRECTED})
    corrected_slate = services.slate_propose(actor=None, council=council)

    assert (raw_slate.basis, corrected_slate.basis) == (Basis.RAW, Basis.CORRECTED)
    assert [line.raw_rank for line in raw_slate.lines.order_by("rank")] == sorted(
        line.raw_rank or 0 for line in raw_slate.lines.all()
    )


def test_the_standings_are_computed_once_while_nothing_changes(scored):
    council, _, _ = scored

    first = council_standings(council)

    assert council_standings(council) is first


def test_a_sheet_handed_in_again_is_counted_at_once(scored):
    council, harsh, _ = scored
    before = council_standings(council)
    assignment = Assignment.objects.filter(member=harsh).order_by("id")[0]
    old = {row.initiative_id: row.result.raw for row in before.rows}[assignment.initiative_id]
    full = {c.code: c.max_points for c in rubrics.PRESETS["da_nang"].criteria}

    services.sheet_save(actor=None, assignment=assignment, points=full, submit=True, now=DAY)

    after = council_standings(council)
    raw = {row.initiative_id: row.result.raw for row in after.rows}[assignment.initiative_id]
    assert after is not before
    assert raw is not None and old is not None and raw > old


def test_changing_the_official_ranking_changes_the_standings(scored):
    council, _, _ = scored
    before = council_standings(council)

    services.council_update(actor=None, council=council, data={"basis": Basis.RAW})

    assert council_standings(council) is not before


def test_the_page_reads_only_its_own_initiatives(scored):
    council, _, _ = scored
    standings = council_standings(council)

    shown = attach_initiatives(standings.ordered(Basis.CORRECTED)[:10])

    assert [row.initiative.pk for row in shown] == [
        row.initiative_id for row in standings.ordered(Basis.CORRECTED)[:10]
    ]
    assert all(row.initiative is None for row in standings.rows)  # the kept rows stay bare
