"""The Kiên Giang council's score sheets, made up and written in one go.

Each initiative has a latent quality: its benefit in money, where it has one, plus a random
part. Each reviewer reads it through their own small leniency and some noise on every
criterion; one reviewer is planted harsher by about 2 points a criterion, and one sheet is far
more generous than its co-reviewers' (a disputed initiative). Points keep to the rubric: within
0 and the maximum, and the money-only top band never given to a benefit not counted in money.

About 3,000 sheets through `reviews.services.sheet_save` would be one transaction, one read of
the rubric and one audit entry each (several seconds more on every `make demo`), so the demo
builds the rows itself, checks each with the same `rubrics.sheet_problems` the service applies,
totals them with `rubrics.sheet_total`, and records one audit entry for the batch.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from thidua.common.audit import audit_record
from thidua.initiatives.models import Initiative
from thidua.orgs.demo.rounds import moment
from thidua.orgs.selectors import unit_current_path
from thidua.reviews.enums import AssignmentStatus, SheetStatus
from thidua.reviews.models import Assignment, Council, ScoreSheet
from thidua.reviews.rubrics import CriterionSpec, RubricSpec, sheet_problems, sheet_total

HARSHER_BY = 2  # points a criterion
GENEROUS_BY = 9  # points a criterion, on the disputed initiative's odd sheet
MEDIAN_VALUE = 80_000_000  # đồng a year: an average initiative's benefit in the demo

PRAISE = (
    "Giải pháp mới, số liệu làm lợi được đơn vị áp dụng xác nhận đầy đủ; đề nghị xét giải.",
    "Có thể nhân rộng ra các đơn vị cùng ngành trong tỉnh; hồ sơ rõ ràng, thuyết minh tốt.",
    "Tính mới cao, hiệu quả kinh tế rõ rệt; nên giới thiệu để tuyên truyền.",
    "Tác giả có nhiều sáng kiến áp dụng liên tục; giải pháp này đáng biểu dương.",
)
DOUBTS = (
    "Giá trị làm lợi chưa có cơ sở tính toán cụ thể; đề nghị tác giả bổ sung bảng tính.",
    "Nội dung gần giống giải pháp đơn vị đã công nhận năm 2019; tính mới thấp.",
    "Phạm vi áp dụng hẹp, mới thực hiện tại một tổ; chưa đủ cơ sở đánh giá hiệu quả.",
    "Thuyết minh sơ sài, chưa nêu rõ tình trạng trước khi áp dụng sáng kiến.",
)
DISPUTED_COMMENT = (
    "Sáng kiến đã được nhân rộng ở nhiều đơn vị trong tỉnh, hiệu quả thực tế cao hơn số liệu "
    "trong hồ sơ; đề nghị hội đồng xem xét mức điểm cao."
)


@dataclass
class ScoreModel:
    """How the council scores. The initiatives' qualities and the members' leniencies are drawn
    first, in code and id order, from `seed`; only the reviewers' noise is drawn sheet by sheet
    (from `rng`), so who happens to be assigned what does not change how good an initiative
    is. `harsh` holds the council member ids planted harsher."""

    rng: random.Random
    harsh: set[int]
    quality: dict[int, float] = field(default_factory=dict)  # initiative id -> latent quality
    shade: dict[tuple[int, str], float] = field(default_factory=dict)  # (initiative, criterion)
    leniency: dict[int, float] = field(default_factory=dict)  # member id -> points

    @classmethod
    def drawn(
        cls,
        *,
        seed: int,
        spec: RubricSpec,
        initiatives: Sequence[Initiative],
        members: Sequence[int],
        harsh: set[int],
    ) -> ScoreModel:
        draws = random.Random(seed)
        model = cls(rng=random.Random(seed + 1), harsh=harsh)
        for initiative in sorted(initiatives, key=lambda item: item.code):
            noise = draws.gauss(0, 1)
            value = initiative.benefit_value
            if value:
                money = max(-2.5, min(2.5, math.log(value / MEDIAN_VALUE) / 1.3))
                model.quality[initiative.pk] = 0.5 * money + 0.85 * noise
            else:
                model.quality[initiative.pk] = 0.9 * noise - 0.1
            for criterion in spec.criteria:
                model.shade[initiative.pk, criterion.code] = draws.gauss(0, 0.04)
        for member in sorted(members):
            lenient = draws.gauss(0, 0.35)
            model.leniency[member] = 0.0 if member in harsh else lenient
        return model

    def points(
        self, spec: RubricSpec, *, initiative: Initiative, member: int, extra: int = 0
    ) -> dict[str, int | None]:
        quality = self.quality[initiative.pk]
        points: dict[str, int | None] = {}
        for criterion in spec.criteria:
            share = 0.65 + 0.14 * quality + self.shade[initiative.pk, criterion.code]
            raw = criterion.max_points * share + self.leniency[member]
            raw += self.rng.gauss(0, 0.05 * criterion.max_points) + extra
            has_money = initiative.benefit_value is not None
            given = _within(criterion, round(raw), has_money=has_money)
            # After the band rule, so the harsh member is lower even where others hit a cap.
            if member in self.harsh:
                given = max(0, given - HARSHER_BY)
            points[criterion.code] = given
        return points


def _within(criterion: CriterionSpec, points: int, *, has_money: bool) -> int:
    points = max(0, min(criterion.max_points, points))
    top = criterion.top_band
    if criterion.needs_money_for_top_band and not has_money and top is not None:
        points = min(points, top.low - 1)
    return points


def load_sheets(
    council: Council, *, seed: int, harsh: set[int], window: tuple[dt.datetime, dt.datetime]
) -> int:
    """A submitted sheet for every active assignment of the council, each member's dated
    through `window` in the order they were assigned; `harsh` holds the member ids planted
    harsher. Returns how many.

    Side effects: ScoreSheet rows; one audit entry on the council."""
    assert council.rubric is not None  # noqa: S101 (scoring needs a rubric)
    spec = council.rubric.spec()
    assignments = list(
        Assignment.objects.filter(council=council, status=AssignmentStatus.ACTIVE)
        .select_related("initiative")
        .order_by("id")
    )
    model = ScoreModel.drawn(
        seed=seed,
        spec=spec,
        initiatives=list({a.initiative_id: a.initiative for a in assignments}.values()),
        members=sorted({a.member_id for a in assignments}),
        harsh=harsh,
    )
    by_member: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in assignments:
        by_member[assignment.member_id].append(assignment)
    disputed = _disputed(assignments, model)
    start, end = window
    sheets: list[ScoreSheet] = []
    for member in sorted(by_member):
        own = by_member[member]
        times = sorted(moment(model.rng, start, end) for _ in own)
        for assignment, at in zip(own, times, strict=True):
            initiative = assignment.initiative
            extra = GENEROUS_BY if assignment.pk == disputed else 0
            points = model.points(spec, initiative=initiative, member=member, extra=extra)
            problems = sheet_problems(
                spec, points, has_money_value=initiative.benefit_value is not None
            )
            if problems:
                raise ValueError(f"{initiative.code}: {'; '.join(problems)}")
            at = max(at, assignment.assigned_at + dt.timedelta(hours=1))
            sheets.append(
                ScoreSheet(
                    assignment=assignment,
                    points=points,
                    comment=DISPUTED_COMMENT if extra else "",
                    total=sheet_total(spec, points),
                    status=SheetStatus.SUBMITTED,
                    updated_at=at,
                    submitted_at=at,
                )
            )
    _comment(sheets, model.rng, spec)
    ScoreSheet.objects.bulk_create(sheets, batch_size=1000)
    audit_record(
        actor=None,
        action="sheets_demo_load",
        obj=council,
        changes={"sheets": [None, len(sheets)]},
        reason=(
            f"Dữ liệu mẫu: {len(sheets)} phiếu chấm đã nộp được nạp một lần, kiểm tra theo "
            "thang điểm như khi thành viên nộp phiếu."
        ),
        unit_path=unit_current_path(council.unit),
    )
    return len(sheets)


def _disputed(assignments: list[Assignment], model: ScoreModel) -> int:
    """The assignment whose sheet will sit far above its co-reviewers': a money initiative of
    middling quality, scored by a member who is not the planted harsh one."""
    for assignment in assignments:
        initiative = assignment.initiative
        if initiative.benefit_value is None or assignment.member_id in model.harsh:
            continue
        if abs(model.quality[initiative.pk]) < 0.3:
            return assignment.pk
    raise ValueError("no initiative fits the planted dispute")


def _comment(sheets: list[ScoreSheet], rng: random.Random, spec: RubricSpec) -> None:
    """A few reviewers say why: praise on some of the highest sheets, doubts on some of the
    lowest, with a note on the benefit criterion."""
    benefit = next((c.code for c in spec.criteria if c.needs_money_for_top_band), None)
    ranked = sorted(sheets, key=lambda sheet: (sheet.total, sheet.assignment_id))
    for sheet in ranked[-24::4]:
        sheet.comment = sheet.comment or rng.choice(PRAISE)
    for sheet in ranked[:24:4]:
        sheet.comment = sheet.comment or rng.choice(DOUBTS)
        if benefit is not None:
            sheet.notes = {benefit: "Chưa có xác nhận của đơn vị áp dụng về số liệu làm lợi."}
