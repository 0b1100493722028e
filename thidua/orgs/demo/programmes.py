"""The demo's programmes and their initiatives, built through the campaigns and initiatives
services with explicit dates, so each runs on the tree of its own time:

- Kiên Giang, 2021: "75 nghìn sáng kiến, vượt khó, phát triển" (seed 004), run by LĐLĐ tỉnh
  Kiên Giang: about 1,150 initiatives registered at its grassroots unions, endorsed, forwarded
  to the district federations and sector unions, and about 1,000 on to the province ("gần 1.000
  sáng kiến"), where the provincial council scores them (councils.py). Some are late under an
  extension, some returned, some not selected, some withdrawn or still drafts; one small upper
  union forwarded nothing by the deadline.
- An Lão, 2024: the district federation's Lao động sáng tạo round of Kế hoạch 35/KH-LĐLĐ
  (seed 000), about 40 initiatives, all decided before the conference of 23/7/2024.
- Hải Phòng, 2026: a round still open, at the grassroots unions that moved to the commune
  unions, so `cdcs_cokhi`, `thidua_anlao` and `thidua_hp` each have something to act on.

Deterministic: its own random.Random, consumed in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import TYPE_CHECKING

from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Programme
from thidua.common.models import AuditEntry
from thidua.initiatives import services as initiatives
from thidua.initiatives.models import Initiative
from thidua.orgs.demo.ideas import RETURN_REASONS
from thidua.orgs.demo.rounds import Builder, Plan, Schedule, grassroots_under, vn_time
from thidua.orgs.demo.workplaces import DEMO_SEED
from thidua.orgs.enums import Tier
from thidua.orgs.models import UnitPlacement, User

if TYPE_CHECKING:
    from thidua.orgs.demo.loader import _Loader

PROGRAMMES_SEED = DEMO_SEED + 75

KG_CODE, AL_CODE, HP_CODE = "KG-75N", "AL-LDST-2024", "HP-LDST-2026"
# Registered; about 1,000 of them reach the province council: the seed's council chooses
# "trong gần 1.000 sáng kiến", so nearly everything registered is in front of it.
KG_INITIATIVES = 1220
AL_INITIATIVES = 40
# People added to Kiên Giang's grassroots unions so authors are not always the same few.
# Kept small: the whole demo stays under 450 people.
EXTRA_AUTHORS = 55
# The upper unions vet what their unions endorsed and send on all that passes: the province
# council, not a quota at the district, makes the choice (seed 004). None: no limit.
UPPER_QUOTA: int | None = None
# A grassroots union given more time to submit, one given more time to forward, and a small
# upper union that forwards nothing to the province by its deadline.
KG_LATE_SUBMIT = "KG-PQ-02"
KG_LATE_FORWARD = "KG-YT-01"
KG_SILENT_UPPERS = ("KG-CHAUTHANH",)
KG_PROVINCE_RETURNS = 4


# ---------------------------------------------------------------------------------------------
# Kiên Giang, 2021

# How an initiative ends at its grassroots union, in percent. "fixed": returned, completed and
# resubmitted, then endorsed; "pending": submitted and never decided.
KG_FATES = (
    ("draft", 1), ("withdrawn", 2), ("pending", 1), ("returned", 2), ("fixed", 3),
    ("not_selected", 3), ("endorsed", 88),
)  # fmt: skip
KG_SCHEDULE = Schedule(
    created_from=vn_time(2021, 3, 15, 8),
    created_to=vn_time(2021, 4, 8, 16),
    submit_by=vn_time(2021, 4, 10, 16, 45),
    decide_by=vn_time(2021, 4, 14, 11),
    forward_by=vn_time(2021, 4, 15, 16),
    upper_from=vn_time(2021, 4, 16, 8),
    upper_to=vn_time(2021, 4, 19, 17),
    applied_from=dt.date(2021, 2, 1),
    applied_to=dt.date(2021, 4, 10),
    fates=KG_FATES,
    forward_share=(0.95, 1.0),
    upper_returns=0.01,
    upper_rejects=0.03,
)
KG_DESCRIPTION = (
    "Chương trình do Tổng Liên đoàn Lao động Việt Nam phát động, cao điểm từ 10/3 đến 20/4/2021. "
    "Công đoàn cơ sở tiếp nhận, phối hợp với chuyên môn thẩm định sáng kiến áp dụng từ tháng "
    "2/2021 và chuyển lên công đoàn cấp trên; LĐLĐ huyện, thành phố và công đoàn ngành thẩm định, "
    "gửi LĐLĐ tỉnh toàn bộ sáng kiến đạt yêu cầu. Hội đồng xét duyệt sáng kiến cấp "
    "tỉnh (phối hợp với Ban Thi đua – Khen thưởng tỉnh) chọn 75–120 sáng kiến xuất sắc đề nghị "
    "UBND tỉnh khen thưởng và 4 sáng kiến tiêu biểu đề nghị Tổng Liên đoàn khen thưởng. Lĩnh "
    "vực: sản xuất kinh doanh, giáo dục, y tế, môi trường, an toàn vệ sinh lao động, cải cách "
    "hành chính, quản lý."
)


def _kien_giang(builder: Builder) -> tuple[Programme, int]:
    rng = builder.rng
    province = builder.unit("KG")
    start = dt.date(2021, 3, 10)
    programme = campaigns.programme_create(
        actor=None,
        name="Chương trình “75 nghìn sáng kiến, vượt khó, phát triển”",
        code=KG_CODE,
        running_unit=province,
        starts_on=start,
        ends_on=dt.date(2021, 5, 31),
        description=KG_DESCRIPTION,
        levels=[
            {"name": "Công đoàn cơ sở", "tier": Tier.GRASSROOTS,
             "deadline": vn_time(2021, 4, 10), "quota_min": 0, "quota_max": None,
             "has_council": False},
            {"name": "Công đoàn cấp trên trực tiếp cơ sở", "tier": Tier.UPPER,
             "deadline": vn_time(2021, 4, 15), "quota_min": 0, "quota_max": UPPER_QUOTA,
             "has_council": False},
            {"name": "LĐLĐ tỉnh", "tier": Tier.PROVINCE, "deadline": vn_time(2021, 4, 20),
             "quota_min": 75, "quota_max": 120, "has_council": True},
        ],
    )  # fmt: skip
    launched = programme.starts_on
    campaigns.programme_launch(
        actor=None, programme=programme, now=vn_time(launched.year, launched.month, launched.day, 8)
    )
    grassroots, uppers = grassroots_under(province, start)
    builder.add_authors(grassroots, EXTRA_AUTHORS)

    first, second, _ = programme.levels.order_by("order")
    codes = {unit.code for unit in grassroots}
    late: dict[str, dt.datetime] = {}  # unions forwarding after the deadline, and when
    if KG_LATE_SUBMIT in codes:
        campaigns.deadline_extend(
            actor=None,
            level=first,
            unit=builder.unit(KG_LATE_SUBMIT),
            deadline=vn_time(2021, 4, 14),
            now=vn_time(2021, 4, 9, 10),
            reason=(
                "Công văn số 15/CĐCS ngày 08/4/2021 của công đoàn cơ sở: người lao động làm "
                "ca tại các khu nghỉ dưỡng chưa kịp hoàn thiện hồ sơ; đồng ý gia hạn nộp sáng "
                "kiến đến 17h00 ngày 14/4/2021."
            ),
        )
    if KG_LATE_FORWARD in codes:
        campaigns.deadline_extend(
            actor=None,
            level=second,
            unit=builder.unit(KG_LATE_FORWARD),
            deadline=vn_time(2021, 4, 17),
            now=vn_time(2021, 4, 15, 15),
            reason=(
                "Hội đồng sáng kiến của Bệnh viện họp ngày 15/4/2021 do trùng đợt kiểm tra, "
                "đánh giá chất lượng bệnh viện quý I; đồng ý gia hạn gửi sáng kiến lên Công "
                "đoàn ngành Y tế đến 17h00 ngày 17/4/2021."
            ),
        )
        late[KG_LATE_FORWARD] = vn_time(2021, 4, 16, 9)

    plans = builder.spread(
        programme=programme,
        grassroots=grassroots,
        uppers=uppers,
        total=KG_INITIATIVES,
        schedule=KG_SCHEDULE,
        place="tỉnh Kiên Giang",
        submit_by={KG_LATE_SUBMIT: vn_time(2021, 4, 14, 16, 30)},
    )
    builder.create(programme, plans)
    builder.grassroots_round(plans, KG_SCHEDULE.decide_by)
    reached_upper = builder.grassroots_forward(plans, KG_SCHEDULE, late)
    selected = builder.upper_round(reached_upper, KG_SCHEDULE, silent=KG_SILENT_UPPERS)
    reached_province: list[Plan] = []
    for index, code in enumerate(sorted(selected)):
        # Everything an upper union selected goes up, best first, a minute apart: with about
        # a hundred each, the batches start 12 minutes apart and overlap, as offices do.
        start_at = vn_time(2021, 4, 20, 8) + dt.timedelta(minutes=12 * index)
        reached_province += builder.forward_best(selected[code], 1.0, start_at, UPPER_QUOTA)
    for plan in rng.sample(reached_province, min(KG_PROVINCE_RETURNS, len(reached_province))):
        initiatives.initiative_return(
            actor=None,
            initiative=plan.obj,
            reason=rng.choice(RETURN_REASONS[1:3]),
            now=vn_time(2021, 4, 22, 9),
        )
    return programme, len(plans)


# ---------------------------------------------------------------------------------------------
# An Lão, 2024 (Kế hoạch 35/KH-LĐLĐ)

AL_SCHEDULE = Schedule(
    created_from=vn_time(2024, 6, 13, 8),
    created_to=vn_time(2024, 7, 3, 16),
    submit_by=vn_time(2024, 7, 5, 16, 30),
    decide_by=vn_time(2024, 7, 10, 16),
    forward_by=vn_time(2024, 7, 12, 16),
    upper_from=vn_time(2024, 7, 15, 8),
    upper_to=vn_time(2024, 7, 18, 17),
    applied_from=dt.date(2023, 1, 1),
    applied_to=dt.date(2024, 5, 31),
    fates=(("withdrawn", 3), ("returned", 3), ("not_selected", 6), ("endorsed", 88)),
    forward_share=(0.75, 1.0),
    upper_returns=0.0,  # all settled before the conference
    upper_rejects=0.2,
)
AL_DESCRIPTION = (
    "Theo Kế hoạch số 35/KH-LĐLĐ ngày 12/6/2024 của Ban Thường vụ Liên đoàn Lao động huyện An "
    "Lão: công đoàn cơ sở xem xét, lựa chọn các cá nhân có đề tài, giải pháp sáng kiến đủ điều "
    "kiện, hoàn thiện hồ sơ gửi về Liên đoàn Lao động huyện trước ngày 13/7/2024; biểu dương tại "
    "Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023, "
    "14h00 ngày 23/7/2024, Hội trường Huyện ủy."
)


def _an_lao(builder: Builder) -> tuple[Programme, int]:
    district = builder.unit("HP-ANLAO")
    start = dt.date(2024, 6, 12)
    programme = campaigns.programme_create(
        actor=None,
        name="Phong trào Lao động sáng tạo năm 2023–2024",
        code=AL_CODE,
        running_unit=district,
        starts_on=start,
        ends_on=dt.date(2024, 7, 23),
        description=AL_DESCRIPTION,
        levels=[
            {"name": "Công đoàn cơ sở", "tier": Tier.GRASSROOTS,
             "deadline": vn_time(2024, 7, 5), "quota_min": 0, "quota_max": None,
             "has_council": False},
            # "trước ngày 13/7/2024": the Friday before, at close of office.
            {"name": "LĐLĐ huyện", "tier": Tier.UPPER, "deadline": vn_time(2024, 7, 12),
             "quota_min": 0, "quota_max": None, "has_council": False},
        ],
    )  # fmt: skip
    launched = programme.starts_on
    campaigns.programme_launch(
        actor=None, programme=programme, now=vn_time(launched.year, launched.month, launched.day, 8)
    )
    grassroots, uppers = grassroots_under(district, start)
    plans = builder.spread(
        programme=programme,
        grassroots=grassroots,
        uppers=uppers,
        total=AL_INITIATIVES,
        schedule=AL_SCHEDULE,
        place="huyện An Lão",
    )
    builder.create(programme, plans)
    builder.grassroots_round(plans, AL_SCHEDULE.decide_by)
    reached = builder.grassroots_forward(plans, AL_SCHEDULE, {})
    builder.upper_round(reached, AL_SCHEDULE)
    return programme, len(plans)


# ---------------------------------------------------------------------------------------------
# Hải Phòng, 2026: still open

# (grassroots union, how far it has gone): draft, incomplete (a draft that cannot be submitted
# yet), submitted, endorsed, commune (pending at the commune union), city (pending at the city).
# Eight reach the city, where the council (councils.py) has begun scoring them.
HP_CURRENT = (
    ("HP-AL-01", "draft"), ("HP-AL-01", "incomplete"), ("HP-AL-01", "submitted"),
    ("HP-AL-01", "submitted"), ("HP-AL-01", "endorsed"), ("HP-AL-01", "commune"),
    ("HP-AL-03", "submitted"), ("HP-AL-03", "city"), ("HP-AL-05", "endorsed"),
    ("HP-AL-06", "commune"), ("HP-AL-02", "submitted"), ("HP-AL-02", "city"),
    ("HP-AL-04", "commune"), ("HP-AL-10", "city"), ("HP-AL-05", "city"), ("HP-AL-06", "city"),
    ("HP-AL-09", "city"), ("HP-AL-11", "city"), ("HP-AL-12", "city"),
)  # fmt: skip
HP_SCHEDULE = Schedule(
    created_from=vn_time(2026, 10, 5, 8),
    created_to=vn_time(2026, 11, 10, 16),
    submit_by=vn_time(2026, 11, 16, 16),
    decide_by=vn_time(2026, 11, 18, 16),
    forward_by=vn_time(2026, 11, 19, 11),
    upper_from=vn_time(2026, 11, 19, 14),
    upper_to=vn_time(2026, 11, 20, 10),
    applied_from=dt.date(2025, 9, 1),
    applied_to=dt.date(2026, 9, 30),
    fates=(("endorsed", 1),),
    forward_share=(1.0, 1.0),
)
HP_DESCRIPTION = (
    "Sáng kiến áp dụng lần đầu từ 01/9/2025 đến 30/9/2026. Công đoàn cơ sở xét, công nhận và gửi "
    "công đoàn cấp trên trực tiếp trước 17h00 ngày 25/12/2026; công đoàn cấp trên chọn tối đa 10 "
    "sáng kiến gửi Liên đoàn Lao động thành phố trước 17h00 ngày 08/01/2027 để Hội đồng xét, đề "
    "nghị Tổng Liên đoàn tặng Bằng Lao động sáng tạo."
)


def _hai_phong(builder: Builder) -> tuple[Programme, int]:
    city = builder.unit("HP")
    programme = campaigns.programme_create(
        actor=None,
        name="Phong trào thi đua “Lao động giỏi, Lao động sáng tạo” năm 2026",
        code=HP_CODE,
        running_unit=city,
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2027, 1, 31),
        description=HP_DESCRIPTION,
        levels=[
            {"name": "Công đoàn cơ sở", "tier": Tier.GRASSROOTS,
             "deadline": vn_time(2026, 12, 15), "quota_min": 0, "quota_max": None,
             "has_council": False},
            {"name": "Công đoàn cấp trên trực tiếp cơ sở", "tier": Tier.UPPER,
             "deadline": vn_time(2026, 12, 25), "quota_min": 0, "quota_max": 10,
             "has_council": False},
            {"name": "LĐLĐ thành phố", "tier": Tier.PROVINCE, "deadline": vn_time(2027, 1, 8),
             "quota_min": 0, "quota_max": None, "has_council": True},
        ],
    )  # fmt: skip
    launched = programme.starts_on
    campaigns.programme_launch(
        actor=None, programme=programme, now=vn_time(launched.year, launched.month, launched.day, 8)
    )
    official = User.objects.get(username="cdcs_cokhi")
    commune_officer = User.objects.get(username="thidua_anlao")
    day = HP_SCHEDULE.created_from.date()
    parents = {
        p.unit.code: p.parent
        for p in UnitPlacement.objects.on(day)
        .filter(unit__code__in={code for code, _ in HP_CURRENT})
        .select_related("unit", "parent")
    }
    plans: dict[str, list[Plan]] = defaultdict(list)
    taken: set[str] = set()
    for code, stage in HP_CURRENT:
        unit = builder.unit(code)
        parent = parents[code]
        assert parent is not None  # noqa: S101 (every grassroots union has a parent)
        plan = builder.plan(
            programme=programme,
            unit=unit,
            upper=parent,
            schedule=HP_SCHEDULE,
            taken=taken,
            place="thành phố Hải Phòng",
        )
        if stage == "incomplete":
            plan.data.update(benefit_value=None, benefit_basis="", non_monetary_benefit="")
        plans[stage].append(plan)
    ordered = sorted(
        (plan for group in plans.values() for plan in group), key=lambda p: (p.created, p.unit.code)
    )
    for plan in ordered:
        plan.initiative = initiatives.initiative_create(
            actor=official if plan.unit.code == "HP-AL-01" else None,
            programme=programme,
            unit=plan.unit,
            data=dict(plan.data, field=plan.field),
            authors=plan.authors,
            now=plan.created,
        )
    moving = [*plans["submitted"], *plans["endorsed"], *plans["commune"], *plans["city"]]
    for plan in sorted(moving, key=lambda p: p.submitted):
        actor = official if plan.unit.code == "HP-AL-01" else None
        initiatives.initiative_submit(actor=actor, initiative=plan.obj, now=plan.submitted)
    for stage in ("endorsed", "commune", "city"):
        for plan in plans[stage]:
            actor = official if plan.unit.code == "HP-AL-01" else None
            at = plan.submitted + dt.timedelta(days=1)
            initiatives.initiative_decide(actor=actor, initiative=plan.obj, selected=True, now=at)
            if stage != "endorsed":
                initiatives.initiative_forward(
                    actor=actor, initiative=plan.obj, now=at + dt.timedelta(hours=2)
                )
    for index, plan in enumerate(plans["city"]):
        actor = commune_officer if plan.upper.code == "HP-XA-ANLAO" else None
        at = HP_SCHEDULE.upper_from + dt.timedelta(minutes=20 * index)
        initiatives.initiative_decide(actor=actor, initiative=plan.obj, selected=True, now=at)
        initiatives.initiative_forward(
            actor=actor, initiative=plan.obj, now=at + dt.timedelta(hours=1)
        )
    return programme, len(HP_CURRENT)


# ---------------------------------------------------------------------------------------------


def load_programmes(loader: _Loader) -> list[tuple[Programme, int]]:
    """Build the three programmes; returns each with its number of initiatives.

    Side effects: three launched programmes with their levels, fields and two deadline
    extensions; about 1,280 initiatives with authors, stages, events and audit entries;
    EXTRA_AUTHORS people in Kiên Giang's grassroots unions (counted by the loader)."""
    # One random stream each, so changing one programme leaves the others as they were.
    return [
        build(Builder(rng=random.Random(PROGRAMMES_SEED + index), loader=loader))
        for index, build in enumerate((_kien_giang, _an_lao, _hai_phong))
    ]


def programmes_wipe() -> None:
    """Delete every initiative and programme and their audit entries (for `demo --reset`).
    Attachment files stay on disk: only their rows go."""
    Initiative.objects.all().delete()
    Programme.objects.all().delete()
    AuditEntry.objects.filter(object_type__startswith="initiatives.").delete()
    AuditEntry.objects.filter(object_type__startswith="campaigns.").delete()


def programme_summary() -> list[tuple[Programme, int]]:
    """The programmes in the database with how many initiatives each has."""
    return [
        (programme, programme.initiatives.count())
        for programme in Programme.objects.order_by("starts_on")
    ]
