"""The peer comparison's review workload in thidua: the same shape as bench/peer's pretalx one.

One small organisation tree (the Confederation, a provincial federation, a district
federation, 10 grassroots unions), one programme with a grassroots and a provincial level, N
initiatives submitted and forwarded to the provincial council, that council with 20 members
and a rubric of 5 criteria of 0-4 points (pretalx's 5 score categories of 0-4, weight 1), and
3 submitted score sheets per initiative from distinct random members. random.seed(42);
Vietnamese titles with diacritics.

The few fixed objects go through the services; the N-sized rows (authors, initiatives,
authorships, stages, assignments, sheets) are written in bulk with what the services would
write: the derived search keys, each sheet's total by `rubrics.sheet_total`, statuses
submitted / forwarded / pending / active. Not written: the initiatives' history events and the
per-row audit entries, which the ranking page does not read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

if __name__ == "__main__":  # run as a script: settings before the models are imported
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    django.setup()

from thidua.campaigns import services as campaigns
from thidua.campaigns.models import ProgrammeField
from thidua.common.vietnamese import fold
from thidua.initiatives.enums import SolutionKind, StageStatus, Status
from thidua.initiatives.models import Authorship, Initiative, Stage
from thidua.orgs import services as orgs
from thidua.orgs.enums import Gender, Role, Tier
from thidua.orgs.models import Person, Unit
from thidua.reviews import rubrics
from thidua.reviews import services as reviews
from thidua.reviews.enums import AssignmentSource, AssignmentStatus, SheetStatus
from thidua.reviews.models import Assignment, ScoreSheet

MEMBERS = 20
SHEETS_PER_ITEM = 3
CRITERIA = [
    ("tinh_moi", "Tính mới"),
    ("kha_nang_ap_dung", "Khả năng áp dụng"),
    ("hieu_qua_kinh_te", "Hiệu quả kinh tế"),
    ("an_toan_moi_truong", "An toàn & môi trường"),
    ("muc_do_lan_toa", "Mức độ lan tỏa"),
]
SUBJECTS = [
    "Sáng kiến cải tiến quy trình bảo dưỡng máy nén khí",
    "Giải pháp tiết kiệm điện năng cho dây chuyền sơn tĩnh điện",
    "Ứng dụng phần mềm quản lý kho vật tư tại phân xưởng",
    "Cải tiến đồ gá hàn giúp giảm thời gian thao tác",
    "Nâng cao an toàn lao động khi vận hành cầu trục",
    "Tự động hóa khâu kiểm tra chất lượng sản phẩm đầu ra",
    "Tái sử dụng nước thải làm mát trong nhà máy",
    "Chuẩn hóa biểu mẫu báo cáo ca sản xuất",
]
PLACES = [
    "tại phân xưởng số 3",
    "ở chi nhánh Đà Nẵng",
    "cho tổ bảo trì cơ điện",
    "tại nhà máy Bình Dương",
    "ở khối văn phòng Hà Nội",
    "cho xưởng đóng gói",
]
SENTENCES = [
    "Người lao động đã đề xuất thay đổi trình tự thao tác để giảm thiểu lãng phí.",
    "Kết quả thử nghiệm trong ba tháng cho thấy năng suất tăng khoảng mười lăm phần trăm.",
    "Giải pháp có chi phí đầu tư thấp và dễ nhân rộng sang các đơn vị khác.",
    "Sáng kiến giúp giảm số lỗi sản phẩm và rút ngắn thời gian dừng máy.",
    "Nhóm tác giả đã phối hợp với phòng kỹ thuật để đánh giá hiệu quả thực tế.",
    "Việc áp dụng không đòi hỏi thay đổi lớn về tổ chức hay đào tạo lại nhân sự.",
    "Đề xuất này góp phần cải thiện điều kiện làm việc và bảo vệ môi trường.",
]
COMMENTS = [
    "Ý tưởng tốt, cần bổ sung số liệu chứng minh hiệu quả kinh tế.",
    "Tính mới chưa cao nhưng khả năng áp dụng rộng rãi.",
    "Đề nghị làm rõ chi phí triển khai và thời gian hoàn vốn.",
    "Sáng kiến thiết thực, đề xuất xét khen thưởng cấp cơ sở.",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Khánh", "Lan", "Nam", "Phúc", "Quỳnh"]
OFFICER = "canbo.thidua"
BATCH = 2000


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


@transaction.atomic
def load(n: int, *, password: str) -> dict[str, Any]:
    """Write the workload of `n` initiatives into an empty, migrated database. Returns the
    ranking page's path, the officer who may open it, and the seconds each phase took."""
    rng = random.Random(42)
    times: dict[str, float] = {}
    start_all = start = time.perf_counter()
    now = timezone.now()
    founded = dt.date(2001, 1, 1)

    def unit(code: str, name: str, kind: str, parent: Unit | None) -> Unit:
        return orgs.unit_create(
            actor=None, code=code, name=name, kind=kind, parent=parent, established_on=founded
        )

    root = unit("TLD", "Tổng Liên đoàn Lao động Việt Nam", "tld", None)
    province = unit("BENCH-TINH", "Liên đoàn Lao động tỉnh Bến Tre", "ldld_tinh", root)
    district = unit("BENCH-HUYEN", "Liên đoàn Lao động huyện Châu Thành", "ldld_huyen", province)
    grassroots = [
        unit(
            f"BENCH-CS{i:02d}",
            f"Công đoàn cơ sở Công ty Cổ phần Mía đường số {i}",
            "cdcs",
            district,
        )
        for i in range(1, 11)
    ]
    officer = orgs.user_create(
        actor=None,
        username=OFFICER,
        full_name="Trần Thị Thi Đua",
        email="canbo.thidua@example.vn",
        password=password,
    )
    orgs.membership_add(actor=None, user=officer, unit=province, role=Role.OFFICER)
    programme = campaigns.programme_create(
        actor=None,
        name="Hội thi sáng kiến, sáng tạo trong lao động tỉnh Bến Tre",
        code="BENCH",
        running_unit=province,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        levels=[
            {"name": "Cấp cơ sở", "tier": Tier.GRASSROOTS, "deadline": now + dt.timedelta(days=30)},
            {
                "name": "Cấp tỉnh",
                "tier": Tier.PROVINCE,
                "deadline": now + dt.timedelta(days=60),
                "has_council": True,
            },
        ],
    )
    campaigns.programme_launch(actor=None, programme=programme)
    first_level, council_level = list(programme.levels.order_by("order"))
    fields = list(ProgrammeField.objects.filter(programme=programme))
    spec = rubrics.RubricSpec(
        name="Bộ tiêu chí chấm sáng kiến (5 tiêu chí, 0–4 điểm)",
        criteria=tuple(
            rubrics.CriterionSpec(code=code, name=name, max_points=4) for code, name in CRITERIA
        ),
    )
    rubric = reviews.rubric_create(actor=None, programme=programme, spec=spec)
    council = reviews.council_create(
        actor=None,
        level=council_level,
        unit=province,
        data={"name": "Hội đồng xét duyệt sáng kiến cấp tỉnh", "rubric": rubric},
    )
    seats = []
    for i in range(MEMBERS):
        member = orgs.user_create(
            actor=None,
            username=f"giamkhao{i + 1:02d}",
            full_name=f"Giám khảo {i + 1:02d} {_name(rng)}",
            email=f"giamkhao{i + 1:02d}@example.vn",
            password=None,
        )
        seats.append(reviews.member_add(actor=None, council=council, user=member))
    reviews.council_open(actor=None, council=council)
    times["setup"] = round(time.perf_counter() - start, 2)

    start = time.perf_counter()
    people = []
    for i in range(n):
        person = Person(
            full_name=_name(rng),
            gender=Gender.MALE if i % 2 else Gender.FEMALE,
            unit=rng.choice(grassroots),
            position="Công nhân kỹ thuật",
        )
        person.set_derived_fields()
        people.append(person)
    people = Person.objects.bulk_create(people, batch_size=BATCH)
    times["authors"] = round(time.perf_counter() - start, 2)

    start = time.perf_counter()
    union_of = {u.pk: u for u in grassroots}
    initiatives = []
    for i, person in enumerate(people):
        code = f"BENCH-{i + 1:06d}"
        title = f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)} (#{i + 1})"
        grassroots_unit = union_of[person.unit_id]
        initiatives.append(
            Initiative(
                programme=programme,
                code=code,
                title=title,
                solution_kind=rng.choice(SolutionKind.values),
                field=rng.choice(fields),
                unit=grassroots_unit,
                applying_unit_name=grassroots_unit.name.removeprefix("Công đoàn cơ sở "),
                first_applied_on=dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                prior_situation=_text(rng, 2),
                novelty=_text(rng, 3),
                application=_text(rng, 3),
                benefit_value=rng.choice([None, rng.randrange(10, 500) * 1_000_000]),
                status=Status.SUBMITTED,
                current_level=council_level,
                current_unit=province,
                created_at=now - dt.timedelta(days=40),
                search_text=fold(f"{code} {title} {person.full_name} {grassroots_unit.name}"),
            )
        )
    initiatives = Initiative.objects.bulk_create(initiatives, batch_size=BATCH)
    Authorship.objects.bulk_create(
        [
            Authorship(initiative=item, person=person, share=Decimal(100))
            for item, person in zip(initiatives, people, strict=True)
        ],
        batch_size=BATCH,
    )
    stages = []
    for i, item in enumerate(initiatives):
        entered = now - dt.timedelta(days=30, minutes=n - i)
        stages.append(
            Stage(
                initiative=item,
                level=first_level,
                unit=item.unit,
                status=StageStatus.FORWARDED,
                entered_at=entered,
                decided_at=entered + dt.timedelta(days=5),
            )
        )
        stages.append(
            Stage(
                initiative=item,
                level=council_level,
                unit=province,
                sender=item.unit,
                status=StageStatus.PENDING,
                entered_at=entered + dt.timedelta(days=5),
            )
        )
    Stage.objects.bulk_create(stages, batch_size=BATCH)
    times["initiatives"] = round(time.perf_counter() - start, 2)

    start = time.perf_counter()
    assignments, picks = [], []
    for item in initiatives:
        for seat in rng.sample(seats, SHEETS_PER_ITEM):
            assignments.append(
                Assignment(
                    council=council,
                    member=seat,
                    initiative=item,
                    status=AssignmentStatus.ACTIVE,
                    source=AssignmentSource.AUTO,
                    assigned_at=now - dt.timedelta(days=20),
                )
            )
            picks.append({code: rng.randint(0, 4) for code, _ in CRITERIA})
    assignments = Assignment.objects.bulk_create(assignments, batch_size=BATCH)
    sheets = []
    for assignment, points in zip(assignments, picks, strict=True):
        problems = rubrics.sheet_problems(spec, dict(points), has_money_value=True)
        if problems:
            raise ValueError(problems)
        at = now - dt.timedelta(days=rng.randrange(1, 15))
        sheets.append(
            ScoreSheet(
                assignment=assignment,
                points=points,
                comment=rng.choice(COMMENTS),
                total=rubrics.sheet_total(spec, dict(points)),
                status=SheetStatus.SUBMITTED,
                updated_at=at,
                submitted_at=at,
            )
        )
    ScoreSheet.objects.bulk_create(sheets, batch_size=BATCH)
    times["sheets"] = round(time.perf_counter() - start, 2)
    times["total"] = round(time.perf_counter() - start_all, 2)
    return {
        "url": f"/hoi-dong/{council.pk}/xep-hang/",
        "username": OFFICER,
        "council": council.pk,
        "initiatives": n,
        "sheets": len(sheets),
        "seconds": times,
    }


def main(argv: list[str] | None = None) -> int:
    """python -m bench.review_workload N --password P: on the database of DATABASE_URL (its
    public schema dropped first on PostgreSQL), migrate, collect the static files, load, and
    print one JSON line."""
    parser = argparse.ArgumentParser(prog="bench.review_workload")
    parser.add_argument("n", type=int)
    parser.add_argument("--password", required=True)
    args = parser.parse_args(argv)
    from django.core.management import call_command
    from django.db import connection

    start = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    migrate_seconds = round(time.perf_counter() - start, 1)
    report = load(args.n, password=args.password)
    report["migrate_seconds"] = migrate_seconds
    print("WORKLOAD " + json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
