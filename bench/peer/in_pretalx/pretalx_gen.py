"""The review workload in pretalx, written in bulk. Runs inside the pretalx virtual environment
(it imports pretalx), on the SQLite file PRETALX_DB_NAME, migrated beforehand.

Usage: python pretalx_gen.py N
Creates one organiser and its event "bench" in its review phase, the organiser's admin
orga@example.org, 3 tracks, 5 score categories of 0-4 points (weight 1), 20 reviewers, N
speakers with profiles, N submitted submissions with Vietnamese text, and 3 reviews of each by
distinct random reviewers with their 5 category scores and the sum as the review's score.
random.seed(42). Prints the phase times, then one line "TIMINGS {json}".
"""

import datetime as dt
import json
import random
import sys
import time
from decimal import Decimal

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils.timezone import now  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402
from pretalx.event.models import Event, Team  # noqa: E402
from pretalx.event.utils import create_organiser_with_team  # noqa: E402
from pretalx.person.models import SpeakerProfile, User  # noqa: E402
from pretalx.submission.models import (  # noqa: E402
    Review,
    ReviewScore,
    ReviewScoreCategory,
    Submission,
    Track,
)

PASSWORD = "BenchPass-2025!"  # noqa: S105 (a local benchmark account)

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
    "The proposal was piloted on two shifts and documented with before/after data.",
]
REVIEW_TEXTS = [
    "Ý tưởng tốt, cần bổ sung số liệu chứng minh hiệu quả kinh tế.",
    "Tính mới chưa cao nhưng khả năng áp dụng rộng rãi.",
    "Đề nghị làm rõ chi phí triển khai và thời gian hoàn vốn.",
    "Sáng kiến thiết thực, đề xuất xét khen thưởng cấp cơ sở.",
]
CATEGORIES = [
    "Tính mới",
    "Khả năng áp dụng",
    "Hiệu quả kinh tế",
    "An toàn & môi trường",
    "Mức độ lan tỏa",
]
TIMES: dict[str, float] = {}


def text(sentences: int) -> str:
    return " ".join(random.choice(SENTENCES) for _ in range(sentences))


def lap(name: str, start: float) -> None:
    TIMES[name] = round(time.perf_counter() - start, 2)
    print(f"{name}: {TIMES[name]} s", flush=True)


@scopes_disabled()
def main(n: int) -> None:
    random.seed(42)
    start_all = start = time.perf_counter()
    hashed = make_password(PASSWORD)
    with transaction.atomic():
        admin = User.objects.create_user(
            email="orga@example.org", name="Ban tổ chức", password=PASSWORD
        )
        admin.is_administrator = True
        admin.is_staff = True
        admin.save()
        organiser, team = create_organiser_with_team(
            name="Công đoàn Bench", slug="benchorg", users=[admin]
        )
        team.all_events = True
        team.can_change_event_settings = True
        team.can_change_submissions = True
        team.save()
        begins = now() + dt.timedelta(days=60)
        event = Event.objects.create(
            name="Hội thi sáng kiến 2025",
            slug="bench",
            organiser=organiser,
            is_public=False,
            date_from=begins.date(),
            date_to=begins.date() + dt.timedelta(days=2),
            timezone="Asia/Ho_Chi_Minh",
            email="orga@example.org",
            locale_array="en,vi",
            locale="en",
        )
        event.build_initial_data()
        event.cfp.deadline = now() - dt.timedelta(days=1)
        event.cfp.save()
        for phase in event.review_phases.all():  # the "Review" phase is the active one
            phase.is_active = phase.position == 0
            phase.save()
        event.score_categories.all().delete()
        categories = []
        for name in CATEGORIES:
            category = ReviewScoreCategory.objects.create(event=event, name=name, weight=1)
            values = [
                ReviewScore.objects.create(category=category, value=v, label=f"{v} điểm")
                for v in range(5)
            ]
            categories.append(values)
        submission_type = event.cfp.default_type
        tracks = [
            Track.objects.create(event=event, name=name, color="#3aa57c")
            for name in ("Sản xuất", "Văn phòng", "An toàn")
        ]
        reviewer_team = Team.objects.create(
            organiser=organiser, name="Hội đồng chấm", is_reviewer=True
        )
        reviewer_team.limit_events.add(event)
        reviewers = []
        for i in range(20):
            reviewer = User(
                email=f"reviewer{i + 1:02d}@example.org",
                name=f"Giám khảo {i + 1:02d}",
                password=hashed,
            )
            reviewer.save()
            reviewers.append(reviewer)
        reviewer_team.members.add(*reviewers)
    lap("setup", start)

    start = time.perf_counter()
    with transaction.atomic():
        speakers = User.objects.bulk_create(
            [
                User(
                    email=f"worker{i:06d}@example.org",
                    name=f"Nguyễn Văn Thợ {i}",
                    code=f"SP{i:06d}",
                    password="!unusable",  # noqa: S106 (Django's mark of an unusable password)
                )
                for i in range(n)
            ],
            batch_size=2000,
        )
        SpeakerProfile.objects.bulk_create(
            [SpeakerProfile(user=u, event=event, biography=text(2)) for u in speakers],
            batch_size=2000,
        )
    lap("speakers", start)

    start = time.perf_counter()
    with transaction.atomic():
        submissions = Submission.objects.bulk_create(
            [
                Submission(
                    event=event,
                    code=f"S{i:07d}",
                    title=f"{random.choice(SUBJECTS)} {random.choice(PLACES)} (#{i})",
                    submission_type=submission_type,
                    track=random.choice(tracks),
                    state="submitted",
                    abstract=text(3),
                    description=text(5),
                    content_locale="en",
                )
                for i in range(n)
            ],
            batch_size=2000,
        )
        through = Submission.speakers.through
        through.objects.bulk_create(
            [
                through(submission_id=s.pk, user_id=u.pk)
                for s, u in zip(submissions, speakers, strict=True)
            ],
            batch_size=5000,
        )
    lap("submissions", start)

    start = time.perf_counter()
    with transaction.atomic():
        reviews, picks = [], []
        for submission in submissions:
            for reviewer in random.sample(reviewers, 3):
                chosen = [random.choice(values) for values in categories]
                reviews.append(
                    Review(
                        submission=submission,
                        user=reviewer,
                        text=random.choice(REVIEW_TEXTS),
                        score=sum(Decimal(v.value) for v in chosen),
                    )
                )
                picks.append(chosen)
        reviews = Review.objects.bulk_create(reviews, batch_size=2000)
        through = Review.scores.through
        through.objects.bulk_create(
            [
                through(review_id=review.pk, reviewscore_id=value.pk)
                for review, chosen in zip(reviews, picks, strict=True)
                for value in chosen
            ],
            batch_size=5000,
        )
    lap("reviews", start)
    lap("total", start_all)
    counts = {}
    with connection.cursor() as cursor:
        for table in ("submission_submission", "submission_review", "submission_review_scores"):
            cursor.execute(f"select count(*) from {table}")  # noqa: S608 (fixed table names)
            counts[table] = cursor.fetchone()[0]
    print("TIMINGS " + json.dumps({"seconds": TIMES, "rows": counts}), flush=True)


main(int(sys.argv[1]))
