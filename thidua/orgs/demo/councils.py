"""The demo's review councils, formed and run through the reviews services:

- Kiên Giang, 2021: the provincial council of "75 nghìn sáng kiến" (seed 004), formed by
  Quyết định 45/QĐ-LĐLĐ with the provincial Ban Thi đua – Khen thưởng. Its 7 members score the
  initiatives waiting at the province, 3 each, by 05/05/2021; one member declared a conflict
  of interest, which the secretary confirmed; one initiative is disputed; one member scored
  about 2 points lower on every criterion, which the ranking corrects and flags. The proposed
  slate (75–120 initiatives, prizes, the top 4, 3–5 people for media stories) is a draft for
  `thuky_kg` to amend and put to the vote.
- Hải Phòng, 2026: the city council of the round still open, scoring until 15/01/2027, where
  `hoidong` has initiatives left to score and `thidua_hp` runs the council as its officer.

The ~3,000 Kiên Giang sheets are written in bulk (scores.py), validated by the rubric's own
rules; everything else goes through the services. Deterministic: its own random.Random.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from thidua.campaigns.models import Programme
from thidua.common.models import AuditEntry
from thidua.common.vietnamese import date_short
from thidua.initiatives.models import Authorship
from thidua.orgs import services as orgs
from thidua.orgs.demo.names import _day_between, random_full_name
from thidua.orgs.demo.programmes import HP_CODE, KG_CODE
from thidua.orgs.demo.rounds import vn_time
from thidua.orgs.demo.scores import load_sheets
from thidua.orgs.demo.vocabulary import (
    ATVSLD,
    CCHC,
    GIAO_DUC,
    MOI_TRUONG,
    QUAN_LY,
    SXKD,
    Y_TE,
)
from thidua.orgs.demo.workplaces import DEMO_SEED, E
from thidua.orgs.enums import Gender, MemberCategory
from thidua.orgs.models import Person, User
from thidua.reviews import services as reviews
from thidua.reviews.enums import AssignmentStatus, CouncilRole, SheetStatus
from thidua.reviews.models import Assignment, Council, Rubric, Slate
from thidua.reviews.rubrics import PRESETS, RubricSpec
from thidua.reviews.selection import prize_label

if TYPE_CHECKING:
    from thidua.orgs.demo.loader import _Loader

COUNCILS_SEED = DEMO_SEED + 45


@dataclass(frozen=True)
class Seat:
    """A council member: their account, and the person behind it, found as the first one with
    `position` among the people created at `unit_code` (or a new person when position is "")."""

    username: str
    role: str
    title: str
    unit_code: str
    position: str
    fields: tuple[str, ...] = ()


M = CouncilRole  # short, for the tables below
KG_SEATS = (
    Seat("hdkg_chutich", M.CHAIR, "Chủ tịch Liên đoàn Lao động tỉnh Kiên Giang", "KG", "Chủ tịch"),
    Seat("hdkg_tdkt", M.VICE_CHAIR, "Phó Trưởng Ban Thi đua – Khen thưởng tỉnh Kiên Giang", "KG",
         "", (CCHC, QUAN_LY)),
    Seat("thuky_kg", M.SECRETARY,
         "Chuyên viên Ban Tuyên giáo LĐLĐ tỉnh, phụ trách thi đua – khen thưởng", "KG",
         "Chuyên viên Ban Tuyên giáo, phụ trách thi đua – khen thưởng"),
    Seat("hdkg_kysu", M.MEMBER, "Kỹ sư, Công ty Điện lực Kiên Giang", "KG-CTH-01", "Kỹ sư",
         (SXKD, ATVSLD, MOI_TRUONG)),
    Seat("hdkg_bacsi", M.MEMBER, "Bác sĩ, Bệnh viện Đa khoa tỉnh Kiên Giang", "KG-YT-01",
         "Bác sĩ", (Y_TE,)),
    Seat("hdkg_giangvien", M.MEMBER, "Giảng viên, Trường Cao đẳng Sư phạm Kiên Giang",
         "KG-GD-03", "Giảng viên", (GIAO_DUC,)),
    Seat("hdkg_congdoan", M.UNION_REP,
         "Chủ tịch Công đoàn Công ty cổ phần Xi măng Kiên Lương", "KG-KL-01",
         "Chủ tịch Công đoàn cơ sở", (SXKD, ATVSLD)),
)  # fmt: skip
KG_HARSH = "hdkg_bacsi"  # scores about 2 points lower on every criterion
KG_CONFLICTED = "hdkg_giangvien"  # declares a conflict on one education initiative
KG_CONSENT_SHARE = 0.6  # authors who agree to appear in media stories
HP_SEATS = (
    Seat("lanhdao_hp", M.CHAIR, "Chủ tịch Liên đoàn Lao động thành phố Hải Phòng", "HP",
         "Chủ tịch"),
    Seat("hoidong", M.MEMBER, "Trưởng Ban Chính sách – Pháp luật, LĐLĐ thành phố", "HP",
         "Trưởng Ban Chính sách – Pháp luật"),
    Seat("hdhp_kysu", M.MEMBER, "Kỹ sư, Công ty cổ phần Cơ khí Tiên Lãng", "HP-TL-02", "Kỹ sư",
         (SXKD, ATVSLD)),
    Seat("hdhp_giaovien", M.MEMBER, "Giáo viên, Trường THPT Kiến Thụy", "HP-KT-01", "Giáo viên",
         (GIAO_DUC,)),
)  # fmt: skip
# Accounts made here, not demo logins: without a password, so the demo's published one opens
# none of them (an officer can send each a link to set one).
COUNCIL_USERNAMES = tuple(
    seat.username for seat in (*KG_SEATS, *HP_SEATS) if seat.username.startswith("hd")
)

KG_COUNCIL_NAME = (
    "Hội đồng xét duyệt sáng kiến cấp tỉnh – Chương trình “75 nghìn sáng kiến, vượt khó, "
    "phát triển”"
)
KG_DEADLINE = vn_time(2021, 5, 5, 17)
KG_SCORING = (vn_time(2021, 4, 23, 7, 30), vn_time(2021, 5, 5, 16, 30))
KG_PRIZES = [
    {"prize": "nhat", "count": 3},
    {"prize": "nhi", "count": 6},
    {"prize": "ba", "count": 10},
    {"prize": "kk", "count": 20},
]
# The council proposes initiatives from 80 points (corrected) up, inside the plan's 75–120: a
# cut on points lets the count fall where the scores put it, rather than at the maximum.
KG_MIN_SCORE = 80
HP_DEADLINE = vn_time(2027, 1, 15, 17)


def _kien_giang_rubric() -> RubricSpec:
    """Kiên Giang's own sheet is not in the seed, so the council scores on Đà Nẵng's (the
    preset "da_nang"): novelty 40, applicability 30, benefit 30, a minimum of 10 on each, pass
    at 50, classes A/B/C, and a top benefit band only for benefits counted in money, which is
    what the top 4 "by value and benefit" needs. Its bands speak of "toàn ngành" (it was
    written for the education sector); a provincial, all-field programme says "toàn tỉnh"."""
    base = PRESETS["da_nang"]
    criteria = tuple(
        replace(
            criterion,
            bands=tuple(
                replace(band, label=band.label.replace("toàn ngành", "toàn tỉnh"))
                for band in criterion.bands
            ),
        )
        for criterion in base.criteria
    )
    return replace(
        base,
        name="Kiên Giang – xét duyệt sáng kiến cấp tỉnh (theo mẫu Đà Nẵng)",
        description=(
            "Theo thang điểm của Đà Nẵng (QĐ 465/QĐ-SGDĐT), phạm vi áp dụng tính trong toàn tỉnh. "
            + base.description
        ),
        criteria=criteria,
    )


@dataclass
class _Councils:
    rng: random.Random
    loader: _Loader

    def person_for(self, seat: Seat) -> Person:
        if seat.position:
            return next(
                person
                for person in self.loader.created[seat.unit_code]
                if person.position == seat.position
            )
        # The Ban Thi đua – Khen thưởng is a provincial office, not a union: its officer is
        # recorded on the federation that seated him, whose people are An Giang's since the
        # merge, and not as one of its union members.
        gender = Gender.MALE
        self.loader.people_created += 1
        return orgs.person_create(
            actor=None,
            data={
                "full_name": random_full_name(self.rng, region="south", gender=gender),
                "gender": gender,
                "date_of_birth": _day_between(self.rng, dt.date(1968, 1, 1), dt.date(1980, 12, 31)),
                "position": seat.title,
                "unit": self.loader.units["AG"],
                "education_level": E.THAC_SI,
                "member_category": MemberCategory.MANAGER,
                "is_union_member": False,
            },
        )

    def user_for(self, seat: Seat) -> User:
        existing = User.objects.filter(username=seat.username).first()
        if existing is not None:
            return existing
        person = self.person_for(seat)
        return orgs.user_create(
            actor=None,
            username=seat.username,
            full_name=person.full_name,
            email=f"{seat.username}@example.vn",
            password=None,
            person=person,
        )

    def seat(
        self, council: Council, seats: tuple[Seat, ...], actor: User, now: dt.datetime
    ) -> dict[str, User]:
        fields = {item.name: item for item in council.level.programme.fields.all()}
        users = {}
        for seat in seats:
            user = self.user_for(seat)
            reviews.member_add(
                actor=actor,
                council=council,
                user=user,
                role=seat.role,
                title=seat.title,
                fields=[fields[name] for name in seat.fields],
                now=now,
            )
            users[seat.username] = user
        return users

    # -- Kiên Giang, 2021 ----------------------------------------------------------------------

    def kien_giang(self) -> Council:
        programme = Programme.objects.get(code=KG_CODE)
        secretary = User.objects.get(username="thuky_kg")
        rubric = reviews.rubric_create(
            actor=secretary,
            programme=programme,
            spec=_kien_giang_rubric(),
            preset="da_nang",
            now=vn_time(2021, 4, 21, 9),
        )
        council = reviews.council_create(
            actor=secretary,
            level=programme.levels.get(has_council=True),
            unit=self.loader.units["KG"],
            data={
                "name": KG_COUNCIL_NAME,
                "decision_number": "45/QĐ-LĐLĐ",
                "decision_date": dt.date(2021, 4, 21),
                "rubric": rubric,
                "reviewers_per_item": 3,
                "deadline": KG_DEADLINE,
                "quota_min": 75,
                "quota_max": 120,
                "min_score": KG_MIN_SCORE,
                "prizes": KG_PRIZES,
                "top_n": 4,
                "media_min": 3,
                "media_max": 5,
                "media_min_fields": 3,
            },
            now=vn_time(2021, 4, 21, 9, 30),
        )
        users = self.seat(council, KG_SEATS, secretary, vn_time(2021, 4, 21, 10))
        reviews.council_open(actor=secretary, council=council)
        reviews.assignments_auto(actor=secretary, council=council, now=vn_time(2021, 4, 22, 8, 30))
        self.declare_conflict(council, users[KG_CONFLICTED], secretary)
        # The secretary fills the place the confirmed conflict left.
        reviews.assignments_auto(actor=secretary, council=council, now=vn_time(2021, 4, 23, 14, 10))
        load_sheets(
            council,
            seed=COUNCILS_SEED + 1,
            harsh={council.members.get(user=users[KG_HARSH]).pk},
            window=KG_SCORING,
        )
        self.consent(programme)
        reviews.slate_propose(actor=secretary, council=council, now=vn_time(2021, 5, 6, 9))
        return council

    def declare_conflict(self, council: Council, member: User, secretary: User) -> None:
        assignment = (
            Assignment.objects.filter(
                council=council,
                member__user=member,
                status=AssignmentStatus.ACTIVE,
                initiative__field__name=GIAO_DUC,
            )
            .select_related("initiative")
            .order_by("initiative__code")
            .first()
        )
        assert assignment is not None  # noqa: S101 (the education expert reviews education)
        conflict = reviews.conflict_declare(
            actor=member,
            assignment=assignment,
            reason=(
                "Tác giả là giáo viên tôi trực tiếp hướng dẫn thực tập sư phạm và tôi đã góp ý "
                "khi tác giả viết sáng kiến này."
            ),
            now=vn_time(2021, 4, 23, 9, 15),
        )
        reviews.conflict_decide(
            actor=secretary,
            conflict=conflict,
            confirm=True,
            note="Xác nhận xung đột lợi ích; phân công thành viên khác chấm sáng kiến này.",
            now=vn_time(2021, 4, 23, 14),
        )

    def consent(self, programme: Programme) -> None:
        """About 60% of the authors agree to appear in media stories (only they can be
        shortlisted), asked in id order so the same people agree on every load."""
        authors = (
            Person.objects.filter(
                pk__in=Authorship.objects.filter(initiative__programme=programme).values("person")
            )
            .order_by("id")
            .distinct()
        )
        for person in authors:
            if self.rng.random() < KG_CONSENT_SHARE:
                orgs.person_update(actor=None, person=person, data={"publicity_consent": True})

    # -- Hải Phòng, 2026 -----------------------------------------------------------------------

    def hai_phong(self) -> Council:
        programme = Programme.objects.get(code=HP_CODE)
        officer = User.objects.get(username="thidua_hp")
        # Thái Nguyên's sheet (creativity 20, benefit 30, applicability 30, and a public vote
        # shown but not counted): a creativity contest's sheet suits a Lao động sáng tạo round.
        # The city's own copy, named as its own: it drops the public vote, which a council of
        # a federation does not hold.
        preset = PRESETS["thai_nguyen"]
        spec = replace(
            preset,
            name="Bộ tiêu chí của LĐLĐ thành phố Hải Phòng (theo mẫu Thái Nguyên)",
            description="Hội đồng chấm ba tiêu chí, tối đa 80 điểm, rồi xếp hạng.",
            criteria=tuple(c for c in preset.criteria if c.counted),
        )
        rubric = reviews.rubric_create(
            actor=officer,
            programme=programme,
            spec=spec,
            preset="thai_nguyen",
            now=vn_time(2026, 11, 16, 9),
        )
        council = reviews.council_create(
            actor=officer,
            level=programme.levels.get(has_council=True),
            unit=self.loader.units["HP"],
            data={
                "name": "Hội đồng xét chọn sáng kiến đề nghị tặng Bằng Lao động sáng tạo năm 2026",
                "decision_number": "218/QĐ-LĐLĐ",
                "decision_date": dt.date(2026, 11, 16),
                "rubric": rubric,
                "reviewers_per_item": 3,
                "deadline": HP_DEADLINE,
                "prizes": [],
                "media_min": 0,
                "media_min_fields": 0,
            },
            now=vn_time(2026, 11, 16, 9, 30),
        )
        users = self.seat(council, HP_SEATS, officer, vn_time(2026, 11, 16, 10))
        reviews.council_open(actor=officer, council=council)
        reviews.assignments_auto(actor=officer, council=council, now=vn_time(2026, 11, 20, 9))
        # The engineer has begun; `hoidong` has not, so "save and next" has work today.
        engineer = users["hdhp_kysu"]
        mine = Assignment.objects.filter(council=council, member__user=engineer).order_by("id")
        comments = ["Giải pháp thiết thực, đã áp dụng ổn định tại đơn vị.", "", ""]
        for index, assignment in enumerate(mine[:3]):
            reviews.sheet_save(
                actor=engineer,
                assignment=assignment,
                points=self.hp_points(),
                comment=comments[index],
                submit=index < 2,  # the third is a draft
                now=vn_time(2026, 11, 20, 15, 30) + dt.timedelta(minutes=25 * index),
            )
        return council

    def hp_points(self) -> dict[str, Any]:
        return {
            "tinh_sang_tao": self.rng.randint(12, 18),
            "hieu_qua": self.rng.randint(18, 27),
            "kha_nang_ap_dung": self.rng.randint(18, 27),
        }


def load_councils(loader: _Loader) -> list[Council]:
    """Form and run the two councils.

    Side effects: a rubric each; 11 council members (9 new accounts without a password, one
    new person); about 3,000 assignments and submitted sheets for Kiên Giang and a draft slate;
    24 assignments and 3 sheets for Hải Phòng; publicity consent for about 60% of Kiên Giang's
    authors; the audit entries of all of it."""
    councils = _Councils(rng=random.Random(COUNCILS_SEED), loader=loader)
    return [councils.kien_giang(), councils.hai_phong()]


def council_summary(council: Council) -> str:
    """One line for the demo's printout: members, what is scored, and the draft slate."""
    members = council.members.filter(active=True).count()
    active = Assignment.objects.filter(council=council, status=AssignmentStatus.ACTIVE)
    initiatives = active.values("initiative").distinct().count()
    submitted = active.filter(sheet__status=SheetStatus.SUBMITTED).count()
    text = (
        f"  {council.name} ({council.unit.name}, {council.decision_number}): {members} thành "
        f"viên, {initiatives} sáng kiến, {submitted}/{active.count()} phiếu chấm đã nộp, hạn "
        f"chấm {date_short(timezone.localtime(council.deadline)) if council.deadline else '—'}"
    )
    slate = Slate.objects.filter(council=council).order_by("-number").first()
    if slate is None:
        return text + "."
    lines = slate.lines.filter(selected=True)
    prizes = "".join(
        f", {prize_label(tier['prize']).lower()}: {lines.filter(prize=tier['prize']).count()}"
        for tier in council.prizes
    )
    return text + (
        f"; đề xuất dự kiến: {lines.count()} sáng kiến{prizes}; "
        f"{lines.filter(top=True).count()} đề nghị Tổng Liên đoàn, {slate.media.count()} người "
        f"tuyên truyền, chờ biểu quyết."
    )


def councils_wipe() -> None:
    """Delete every council (with its members, assignments, sheets, conflicts, slates and
    votes), every rubric, the council accounts and their audit entries (for `demo --reset`).
    Runs before the programmes go: councils hold their levels and rubrics."""
    # Assignments first: they protect their members from deletion, council or not.
    Assignment.objects.all().delete()
    Council.objects.all().delete()
    Rubric.objects.all().delete()
    User.objects.filter(username__in=COUNCIL_USERNAMES).delete()
    AuditEntry.objects.filter(object_type__startswith="reviews.").delete()
