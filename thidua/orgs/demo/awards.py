"""The demo's commendation work (thidua.awards), written through the awards services at the
dates of the story, so it is audited like real data (with no actor, or the demo login whose
union acted):

1. An Lão, achievements of 2023 (Kế hoạch 35/KH-LĐLĐ, seed 000): the district federation opens
   its cycle on the 2024 programme on 12/6/2024 with the seed's five groups, deadline "trước
   ngày 13/7/2024". Its grassroots unions send 27 dossiers: authors of the programme's endorsed
   initiatives whose benefit reaches their threshold (one worker below it, accepted on the
   officer's written exception), contest prize winners, and the Lao động giỏi and union officers
   the plan asks for, within each union's quota. One dossier is returned for lack of the
   union's minutes and sent again, one comes on 13/7 and is refused as late, one is not
   considered; the rest are accepted. The federation continues its paper register (QĐ up to
   51 in 2024), publishes the list for comment on 15–18/7, and Phạm Thị Nga signs Giấy khen
   52/QĐ-LĐLĐ on 19/7/2024, before the conference of 23/7.
2. The same federation's Giấy khen for 2022 (48/QĐ-LĐLĐ, 20/7/2023), with some of the same
   people, so their history shows two years; one of its awards was revoked in 2024.
3. Hải Phòng's cycle on its 2026 programme, open today: the deadline is three weeks after the
   day the demo is loaded, `cdcs_cokhi` has two drafts and one dossier sent, `thidua_hp`
   has dossiers to review.

The district federation was dissolved on 01/07/2025: its records pass to LĐLĐ thành phố Hải
Phòng (orgs.selectors.with_predecessors), whose officer `thidua_hp` now runs them.

Every act passes the date of the story to its service (`now=`); audit entries keep the time
they were written, as for the rest of the demo.

Deterministic: picks follow the database order of the demo's people and initiatives, and the
times come from its own random.Random.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.awards.eligibility import BENEFIT_DEFAULTS, THREE_YEAR_DEFAULT
from thidua.awards.enums import (
    ContestLevel,
    DecisionStatus,
    DocumentKind,
    NominationStatus,
    Prize,
)
from thidua.awards.models import (
    Award,
    Category,
    Comment,
    Cycle,
    CycleExtension,
    Decision,
    DecisionLine,
    Nomination,
    Override,
)
from thidua.awards.services import cycles, decisions, nominations
from thidua.awards.services.catalogue import catalogue_load
from thidua.awards.services.common import deadline_text
from thidua.campaigns.models import Programme
from thidua.common.models import AuditEntry
from thidua.common.vietnamese import date_short, fold, money
from thidua.documents.models import RegisterCounter, RegisterEntry
from thidua.documents.register import register_continue
from thidua.initiatives.enums import StageStatus, Status
from thidua.initiatives.models import Initiative
from thidua.orgs.demo.programmes import AL_CODE, HP_CODE
from thidua.orgs.demo.rounds import moment, vn_time
from thidua.orgs.demo.tree import GRASSROOTS_CHAIR, LOGINS
from thidua.orgs.demo.workplaces import DEMO_SEED
from thidua.orgs.enums import MemberCategory
from thidua.orgs.models import Person, Unit, User

if TYPE_CHECKING:
    from thidua.orgs.demo.loader import _Loader

AWARDS_SEED = DEMO_SEED + 35

# An Lão, achievements of 2023 (Kế hoạch 35/KH-LĐLĐ)
AL_CYCLE_NAME = "Biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023"
AL_OPENED = vn_time(2024, 6, 12, 9)
AL_DEADLINE = vn_time(2024, 7, 13, 0)  # "trước ngày 13/7/2024"
AL_LATE = vn_time(2024, 7, 13, 8, 40)
AL_GUIDANCE = (
    "Công đoàn cơ sở xem xét, lựa chọn các cá nhân đủ điều kiện, tiêu chuẩn theo quy định; hoàn "
    "thiện hồ sơ (tờ trình, báo cáo thành tích, biên bản họp xét của công đoàn cơ sở và giấy tờ "
    "chứng minh của từng nhóm) gửi về Liên đoàn Lao động huyện trước ngày 13/7/2024. Nhóm Lao "
    "động giỏi tiêu biểu: mỗi công đoàn cơ sở tối đa 2 người; cán bộ công đoàn tiêu biểu: tối "
    "đa 1 người."
)
AL_SUBJECT = (
    "Về việc khen thưởng các cá nhân tiêu biểu trong phong trào thi đua Lao động sáng tạo, Lao "
    "động giỏi năm 2023"
)
AL_BASIS = (
    "Căn cứ Điều lệ Công đoàn Việt Nam;\n"
    "Căn cứ Quy chế khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số "
    "999/QĐ-TLĐ ngày 29/5/2024 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam;\n"
    "Căn cứ Kế hoạch số 35/KH-LĐLĐ ngày 12/6/2024 của Ban Thường vụ Liên đoàn Lao động huyện "
    "An Lão về tổ chức Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn "
    "tiêu biểu năm 2023;\n"
    "Xét đề nghị của Ban Tổ chức Liên đoàn Lao động huyện."
)
AL_AMOUNT = 500_000
# The paper register the federation kept before: the last QĐ number of each year.
PAPER_REGISTER = {2023: 47, 2024: 51}
AL_SIGNER = "Phạm Thị Nga"
AL_COMMENT_FROM = vn_time(2024, 7, 15, 8, 30)
AL_COMMENT_UNTIL = vn_time(2024, 7, 18, 17)
AL_SIGNED = vn_time(2024, 7, 19, 9, 30)
AL_PUBLISHED = vn_time(2024, 7, 19, 15)

RETURN_REASON = "Thiếu biên bản họp xét của công đoàn cơ sở"
REJECT_REASON = (
    "Giấy chứng nhận giải thưởng kèm hồ sơ là của Hội thi năm học 2021–2022, ngoài thời gian "
    "xét thành tích năm 2023; đề nghị công đoàn cơ sở không đề nghị lại thành tích này."
)
OVERRIDE_REASON = (
    "Sáng kiến được áp dụng rộng rãi tại đơn vị từ cuối năm 2023; giá trị làm lợi chủ yếu về an "
    "toàn cho người lao động và người bệnh, không tính hết được bằng tiền. Thường trực LĐLĐ "
    "huyện thống nhất xét ngoại lệ để biểu dương tại Hội nghị (ý kiến tại cuộc họp ngày "
    "05/7/2024)."
)
HOI_THI_SANG_TAO = "Hội thi sáng tạo kỹ thuật thành phố Hải Phòng lần thứ 2"
# Group 3: (grassroots union, position, contest, level, prize, fate)
CONTESTS = (
    ("HP-AL-05", "Giáo viên", "Hội thi giáo viên dạy giỏi cấp thành phố năm học 2022–2023",
     ContestLevel.SECTOR, Prize.FIRST, "accepted"),
    ("HP-AL-06", "Điều dưỡng", "Hội thi Điều dưỡng giỏi ngành Y tế thành phố Hải Phòng năm 2023",
     ContestLevel.SECTOR, Prize.SECOND, "accepted"),
    ("HP-AL-12", "Giao dịch viên", "Hội thi Giao dịch viên giỏi Agribank toàn quốc năm 2023",
     ContestLevel.NATIONAL, Prize.THIRD, "accepted"),
    ("HP-AL-09", "Công nhân", "Hội thi thợ giỏi ngành Xây dựng thành phố Hải Phòng năm 2023",
     ContestLevel.SECTOR, Prize.FIRST, "accepted"),
    ("HP-AL-04", "Giáo viên", "Hội thi giáo viên dạy giỏi cấp học Mầm non thành phố Hải Phòng",
     ContestLevel.SECTOR, Prize.SECOND, "rejected"),
)  # fmt: skip
# Group 4 (Lao động giỏi tiêu biểu, at most 2 a union): (union, how many, fate of the first).
GOOD_WORKERS = (
    ("HP-AL-01", 2, "accepted"), ("HP-AL-10", 2, "returned"), ("HP-AL-03", 1, "accepted"),
    ("HP-AL-07", 1, "accepted"), ("HP-AL-11", 1, "accepted"), ("HP-AL-02", 1, "accepted"),
    ("HP-AL-08", 1, "late"),
)  # fmt: skip
# Group 5 (cán bộ công đoàn tiêu biểu, 1 a union): the grassroots chairs of these unions.
UNION_OFFICERS = ("HP-AL-02", "HP-AL-04", "HP-AL-06")
LDG_SUMMARIES = (
    "Hoàn thành xuất sắc nhiệm vụ năm 2023; đạt danh hiệu Lao động tiên tiến; tích cực tham gia "
    "phong trào thi đua của đơn vị.",
    "Năng suất, chất lượng công việc luôn vượt định mức; không để xảy ra sai sót, mất an toàn "
    "lao động; gương mẫu trong tổ, nhóm.",
    "Hoàn thành xuất sắc nhiệm vụ được giao; tham gia đầy đủ các hoạt động do công đoàn cơ sở "
    "tổ chức; được tập thể đơn vị bình xét đề nghị.",
)
UNION_OFFICER_SUMMARY = (
    "Chủ tịch Công đoàn cơ sở; công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ năm 2023; tổ chức "
    "tốt phong trào thi đua Lao động giỏi, Lao động sáng tạo; 100% người lao động tham gia công "
    "đoàn."
)
COMMENT = (
    "Nhất trí với danh sách. Đề nghị khi đọc tại Hội nghị ghi rõ tên hội thi đối với các cá nhân "
    "đạt giải ở nhóm 3 để người lao động biết, học tập."
)

# The 2022 decision (its dossiers were on paper: listed directly)
OLD_SUBJECT = (
    "Về việc khen thưởng các cá nhân, tập thể tiêu biểu trong phong trào thi đua Lao động sáng "
    "tạo, Lao động giỏi năm 2022"
)
OLD_BASIS = (
    "Căn cứ Điều lệ Công đoàn Việt Nam;\n"
    "Căn cứ Quy chế khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số "
    "1689/QĐ-TLĐ của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam;\n"
    "Xét đề nghị của Ban Tổ chức Liên đoàn Lao động huyện."
)
OLD_AMOUNT = 400_000
OLD_CREATED = vn_time(2023, 7, 10, 9)
OLD_SIGNED = vn_time(2023, 7, 20, 10)
OLD_PUBLISHED = vn_time(2023, 7, 21, 8)
REVOKED_AT = vn_time(2024, 3, 12, 10)
REVOKE_REASON = (
    "Kê khai không đúng giá trị làm lợi: đơn vị áp dụng xác nhận lại giá trị làm lợi của giải "
    "pháp là 36.000.000 đồng/năm, không phải 95.000.000 đồng/năm như hồ sơ đề nghị."
)
REVOKE_BASIS = "Luật Thi đua, khen thưởng 2022, Chương VII"

# Hải Phòng, open today
HP_CYCLE_NAME = "Biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2026"
HP_YEAR = 2026
HP_WEEKS = 3
HP_GUIDANCE = (
    "Công đoàn cơ sở lập hồ sơ trên hệ thống, đính kèm đủ tài liệu của từng nhóm và nộp trước "
    "hạn; hồ sơ nộp sau hạn không được tiếp nhận. Liên đoàn Lao động thành phố thẩm định, trả "
    "lại hồ sơ cần bổ sung kèm lý do."
)
HP_CONTEST = "Hội thi thợ hàn giỏi thành phố Hải Phòng năm 2026"

# The union of the demo's grassroots login (`cdcs_cokhi`), which keys in its own dossiers.
COKHI = next(login.unit_code for login in LOGINS if login.username == "cdcs_cokhi")

# An initiative its union has recognised: what a Bằng Lao động sáng tạo nomination needs.
RECOGNISED = [StageStatus.SELECTED, StageStatus.FORWARDED]


def _threshold(person: Person) -> int:
    """The benefit a person's member category must reach for the Bằng Lao động sáng tạo."""
    return BENEFIT_DEFAULTS.get(person.member_category, BENEFIT_DEFAULTS[MemberCategory.WORKER])


# ---------------------------------------------------------------------------------------------
# Small generated papers


def _ascii(text: str) -> str:
    """Vietnamese without diacritics, case kept: the PDF's standard font has no Vietnamese."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.encode("ascii", "replace").decode("ascii")


def _pdf_text(text: str) -> str:
    return _ascii(text).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(lines: list[str]) -> bytes:
    """A real one-page PDF 1.4 (Helvetica, A4) showing `lines`, with a correct xref table."""
    text = "BT /F1 12 Tf 72 770 Td 16 TL " + " ".join(
        f"({_pdf_text(line)}) Tj T*" for line in lines
    )
    stream = text + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("ascii")


def _slug(text: str) -> str:
    return "-".join(fold(text).split())


# ---------------------------------------------------------------------------------------------
# The story


@dataclass
class _Awards:
    rng: random.Random
    loader: _Loader
    used: set[int] = field(default_factory=set)  # people nominated in the An Lão cycle

    def unit(self, code: str) -> Unit:
        return self.loader.units[code]

    def attach(
        self, nomination: Nomination, kind: str, actor: Any, at: dt.datetime, name: str = ""
    ) -> None:
        label = str(DocumentKind(kind).label)
        person = nomination.nominee_name
        name = name or f"{_slug(label)}-{_slug(person)}.pdf"
        content = pdf_bytes(
            [
                nomination.unit.name.upper(),
                label.upper(),
                f"V/v: {nomination.cycle.name}",
                f"Ca nhan: {person}",
                f"Nhom: {nomination.category.short}",
                f"{nomination.unit.name}, ngay {at:%d/%m/%Y}",
            ]
        )
        upload = SimpleUploadedFile(name, content, content_type="application/pdf")
        nominations.document_add(
            actor=actor, nomination=nomination, kind=kind, upload=upload, now=at
        )

    def nominate(
        self,
        *,
        category: Category,
        person: Person,
        data: dict[str, Any],
        actor: Any,
        at: dt.datetime,
        override_reason: str = "",
        skip: tuple[str, ...] = (),
        papers: dict[str, str] | None = None,
    ) -> Nomination:
        """A draft with its achievement and every required paper (but `skip`), as the union
        keys it in on `at`; `papers` names some files."""
        nomination = nominations.nomination_create(
            actor=actor,
            category=category,
            unit=person.unit,
            data={"person": person, **data},
            override_reason=override_reason,
            can_override=bool(override_reason),
            now=at,
        )
        for index, kind in enumerate(category.required_documents):
            if kind not in skip:
                name = (papers or {}).get(kind, "")
                self.attach(nomination, kind, actor, at + dt.timedelta(minutes=3 * index + 2), name)
        self.used.add(person.pk)
        return nomination

    def people(self, code: str, *, position: str = "", manager: bool | None = None) -> list[Person]:
        rows = Person.objects.filter(unit=self.unit(code)).exclude(pk__in=self.used).order_by("id")
        if position:
            rows = rows.filter(position__startswith=position)
        if manager is not None:
            rows = (
                rows.filter(member_category=MemberCategory.MANAGER)
                if manager
                else rows.exclude(member_category=MemberCategory.MANAGER)
            )
        return list(rows)

    # -- An Lão, achievements of 2023 -----------------------------------------------------------

    def an_lao(self) -> Decision:
        programme = Programme.objects.get(code=AL_CODE)
        cycle = cycles.cycle_open(
            actor=None,
            programme=programme,
            name=AL_CYCLE_NAME,
            achievement_year=2023,
            deadline=AL_DEADLINE,
            guidance=AL_GUIDANCE,
            preset="an_lao",
            now=AL_OPENED,
        )
        groups = {category.order: category for category in cycle.categories.all()}
        official = User.objects.get(username="cdcs_cokhi")
        cokhi = self.unit(COKHI)
        # Each nomination with how it ends: accepted, returned (then fixed), rejected, late.
        plans: list[tuple[Nomination, str]] = []

        def actor_for(person: Person) -> User | None:
            # The Cơ khí union keys in its own dossiers; the others come on paper to the office.
            return official if person.unit_id == cokhi.pk else None

        def when(start: tuple[int, int], end: tuple[int, int]) -> dt.datetime:
            return moment(self.rng, vn_time(2024, *start, 8), vn_time(2024, *end, 16, 30))

        # Group 1: authors of initiatives the programme endorsed, whose benefit reaches the
        # threshold of their member category; one union each.
        selected = (
            Initiative.objects.filter(programme=programme, status=Status.SELECTED)
            .exclude(benefit_value=None)
            .order_by("code")
            .prefetch_related("authorships__person")
        )
        units_done: set[int] = set()
        below: list[tuple[Initiative, Person]] = []
        best: dict[int, int] = {}
        for initiative in selected:
            for authorship in initiative.authorships.all():
                person = authorship.person
                best[person.pk] = max(best.get(person.pk, 0), initiative.benefit_value or 0)
        for initiative in selected:
            value = initiative.benefit_value or 0
            for authorship in initiative.authorships.all():
                person = authorship.person
                needed = _threshold(person)
                if person.pk in self.used:
                    continue
                if value < needed:
                    if person.member_category == MemberCategory.WORKER and best[person.pk] < needed:
                        below.append((initiative, person))
                    continue
                if person.unit_id in units_done or len(units_done) >= 6:
                    continue
                units_done.add(person.unit_id)
                nomination = self.nominate(
                    category=groups[1],
                    person=person,
                    data={
                        "initiative": initiative,
                        "summary": f"Tác giả sáng kiến “{initiative.title}”, áp dụng từ "
                        f"{date_short(initiative.first_applied_on)}, giá trị làm lợi "
                        f"{money(value)}/năm.",
                    },
                    actor=actor_for(person),
                    at=when((6, 17), (6, 28)),
                )
                plans.append((nomination, "accepted"))
        # A worker below 80 million: only the district officer's written exception lets the
        # dossier in (the union asked for it at the meeting of 5/7).
        if below:
            initiative, person = max(below, key=lambda pair: pair[0].benefit_value or 0)
            nomination = self.nominate(
                category=groups[1],
                person=person,
                data={
                    "initiative": initiative,
                    "summary": f"Tác giả sáng kiến “{initiative.title}”, giá trị làm lợi "
                    f"{money(initiative.benefit_value or 0)}/năm và nâng cao an toàn cho "
                    "người lao động.",
                },
                actor=None,
                at=vn_time(2024, 7, 5, 15, 10),
                override_reason=OVERRIDE_REASON,
            )
            plans.append((nomination, "accepted"))

        # Group 2: Hội thi sáng tạo kỹ thuật, with an initiative first applied in 2023.
        prizes = [Prize.SECOND, Prize.THIRD, Prize.CONSOLATION]
        contest_units: set[int] = set()
        applied_2023 = (
            Initiative.objects.filter(programme=programme, first_applied_on__year=2023)
            .exclude(status=Status.WITHDRAWN)
            .order_by("code")
            .prefetch_related("authorships__person")
        )
        for initiative in applied_2023:
            for authorship in initiative.authorships.all():
                person = authorship.person
                if (
                    not prizes
                    or person.pk in self.used
                    or person.unit_id in contest_units
                    or person.member_category == MemberCategory.MANAGER
                ):
                    continue
                contest_units.add(person.unit_id)
                prize = prizes.pop(0)
                nomination = self.nominate(
                    category=groups[2],
                    person=person,
                    data={
                        "initiative": initiative,
                        "contest": HOI_THI_SANG_TAO,
                        "prize": prize,
                        "achievement_year": 2023,
                        "summary": f"Đạt {Prize(prize).label} {HOI_THI_SANG_TAO} năm 2023 với "
                        f"giải pháp “{initiative.title}”.",
                    },
                    actor=actor_for(person),
                    at=when((6, 18), (7, 2)),
                )
                plans.append((nomination, "accepted"))

        # Group 3: prizes of the sectors' contests.
        for code, position, contest, level, prize, fate in CONTESTS:
            found = self.people(code, position=position, manager=False)
            if not found:
                continue
            nomination = self.nominate(
                category=groups[3],
                person=found[0],
                data={
                    "contest": contest,
                    "contest_level": level,
                    "prize": prize,
                    "achievement_year": 2023,
                    "summary": f"Đạt {Prize(prize).label} {contest}.",
                },
                actor=actor_for(found[0]),
                at=when((6, 20), (7, 3)),
            )
            plans.append((nomination, fate))

        # Group 4: Lao động giỏi tiêu biểu, within each union's quota.
        for code, count, fate in GOOD_WORKERS:
            for index, person in enumerate(self.people(code, manager=False)[:count]):
                late = fate == "late"
                nomination = self.nominate(
                    category=groups[4],
                    person=person,
                    data={"summary": self.rng.choice(LDG_SUMMARIES)},
                    actor=actor_for(person),
                    at=vn_time(2024, 7, 11, 14, 20) if late else when((6, 24), (7, 4)),
                    # The returned dossier came with the production team's minutes instead of
                    # the union's.
                    papers=(
                        {DocumentKind.BIEN_BAN: "bien-ban-hop-to-san-xuat.pdf"}
                        if index == 0 and fate == "returned"
                        else None
                    ),
                )
                plans.append((nomination, fate if index == 0 else "accepted"))

        # Group 5: the chair of a union whose work stood out.
        for code in UNION_OFFICERS:
            found = self.people(code, position=GRASSROOTS_CHAIR)
            if found:
                nomination = self.nominate(
                    category=groups[5],
                    person=found[0],
                    data={"summary": UNION_OFFICER_SUMMARY},
                    actor=actor_for(found[0]),
                    at=when((6, 24), (7, 4)),
                )
                plans.append((nomination, "accepted"))

        self.an_lao_review(plans, actor_for)
        return self.an_lao_decision(cycle)

    def an_lao_review(self, plans: list[tuple[Nomination, str]], actor_for: Any) -> None:
        """Unions send on time (but one); the district office returns, rejects, accepts."""
        for nomination, fate in plans:
            actor = actor_for(nomination.person)
            if fate == "late":
                # Refused; the refusal stays in the dossier's history.
                with suppress(ValidationError):
                    nominations.nomination_submit(actor=actor, nomination=nomination, now=AL_LATE)
                continue
            sent = max(
                nomination.created_at + dt.timedelta(hours=2),
                moment(self.rng, vn_time(2024, 7, 1, 8), vn_time(2024, 7, 5, 16)),
            )
            nominations.nomination_submit(actor=actor, nomination=nomination, now=sent)
            decided = moment(self.rng, vn_time(2024, 7, 8, 8), vn_time(2024, 7, 12, 11))
            if fate == "rejected":
                nominations.nomination_reject(
                    actor=None, nomination=nomination, reason=REJECT_REASON, now=decided
                )
                continue
            if fate == "returned":
                nominations.nomination_return(
                    actor=None,
                    nomination=nomination,
                    reason=RETURN_REASON,
                    now=vn_time(2024, 7, 8, 9, 15),
                )
                wrong = nomination.documents.get(kind=DocumentKind.BIEN_BAN)
                fixed = vn_time(2024, 7, 9, 10, 5)
                nominations.document_remove(actor=actor, document=wrong, now=fixed)
                self.attach(
                    nomination,
                    DocumentKind.BIEN_BAN,
                    actor,
                    fixed + dt.timedelta(minutes=2),
                    name="bien-ban-hop-xet-cua-cong-doan-co-so.pdf",
                )
                nominations.nomination_submit(
                    actor=actor, nomination=nomination, now=fixed + dt.timedelta(minutes=6)
                )
                decided = vn_time(2024, 7, 10, 14, 30)
            nominations.nomination_accept(actor=None, nomination=nomination, now=decided)

    def an_lao_decision(self, cycle: Cycle) -> Decision:
        district = self.unit("HP-ANLAO")
        register_continue(
            actor=None,
            issuer=district,
            type_code=Decision.TYPE_CODE,
            year=2024,
            last_number=PAPER_REGISTER[2024],
        )
        decision = decisions.decision_create(
            actor=None,
            issuer=district,
            data={
                "award": Award.objects.get(code="giay-khen"),
                "cycle": cycle,
                "subject": AL_SUBJECT,
                "basis": AL_BASIS,
                "default_amount": AL_AMOUNT,
            },
            now=vn_time(2024, 7, 15, 8),
        )
        accepted = cycle.nominations.filter(status=NominationStatus.ACCEPTED).order_by(
            "category__order", "unit__code", "id"
        )
        decisions.lines_add_nominations(actor=None, decision=decision, nominations=accepted)
        decisions.decision_open_comment(
            actor=None, decision=decision, until=AL_COMMENT_UNTIL, now=AL_COMMENT_FROM
        )
        decision.refresh_from_db()
        decisions.comment_add(
            decision=decision,
            author="Trần Văn Hưng",
            contact="",
            body=COMMENT,
            now=vn_time(2024, 7, 16, 10, 15),
        )
        decisions.decision_sign(
            actor=None,
            decision=decision,
            signed_on=AL_SIGNED.date(),
            signer_name=AL_SIGNER,
            now=AL_SIGNED,
        )
        decisions.decision_publish(actor=None, decision=decision, now=AL_PUBLISHED)
        return decision

    # -- The 2022 decision ----------------------------------------------------------------------

    def an_lao_2022(self, later: Decision) -> Decision:
        """Giấy khen for 2022 (dossiers on paper, so listed directly): some of the people of
        2023's list, a union, and one award revoked since."""
        district = self.unit("HP-ANLAO")
        register_continue(
            actor=None,
            issuer=district,
            type_code=Decision.TYPE_CODE,
            year=2023,
            last_number=PAPER_REGISTER[2023],
        )
        decision = decisions.decision_create(
            actor=None,
            issuer=district,
            data={
                "award": Award.objects.get(code="giay-khen"),
                "subject": OLD_SUBJECT,
                "basis": OLD_BASIS,
                "default_amount": OLD_AMOUNT,
            },
            now=OLD_CREATED,
        )
        lines = later.lines.select_related("nomination__category", "person").order_by("order")
        # The first author of group 1, the first two Lao động giỏi, the first union officer.
        wanted = {1: 1, 4: 2, 5: 1}
        again: list[tuple[int, DecisionLine]] = []
        for line in lines:
            order = line.nomination.category.order if line.nomination else 0
            if wanted.get(order, 0) > 0:
                wanted[order] -= 1
                again.append((order, line))
        groups = {
            1: ("Cá nhân có sáng kiến, giải pháp tiêu biểu năm 2022",
                "Có giải pháp cải tiến được áp dụng tại đơn vị năm 2022, được công đoàn cơ sở "
                "đề nghị biểu dương."),
            4: ("Lao động giỏi tiêu biểu năm 2022",
                "Hoàn thành xuất sắc nhiệm vụ năm 2022; đạt danh hiệu Lao động tiên tiến."),
            5: ("Cán bộ công đoàn tiêu biểu năm 2022",
                "Chủ tịch Công đoàn cơ sở; công đoàn cơ sở hoàn thành tốt nhiệm vụ năm 2022."),
        }  # fmt: skip
        for order, line in sorted(again, key=lambda pair: pair[0]):
            group, achievement = groups[order]
            decisions.line_add(
                actor=None,
                decision=decision,
                person=line.person,
                data={"group": group, "achievement": achievement},
            )
        decisions.line_add(
            actor=None,
            decision=decision,
            collective=self.unit("HP-AL-01"),
            data={
                "group": "Tập thể tiêu biểu năm 2022",
                "achievement": "Tổ chức tốt phong trào thi đua Lao động giỏi, Lao động sáng tạo; "
                "có 6 sáng kiến được áp dụng trong năm 2022.",
                "amount": 1_000_000,
            },
        )
        # A worker whose declared benefit turned out false.
        in_2023 = set(later.lines.exclude(person=None).values_list("person_id", flat=True))
        misdeclared = next(
            person
            for person in Person.objects.filter(
                unit=self.unit("HP-AL-11"), member_category=MemberCategory.WORKER
            ).order_by("id")
            if person.pk not in in_2023
        )
        revoked = decisions.line_add(
            actor=None,
            decision=decision,
            person=misdeclared,
            data={
                "group": groups[1][0],
                "achievement": "Giải pháp “Cải tiến giá đỡ cốp pha tấm lớn” áp dụng tại Công ty "
                "năm 2022, giá trị làm lợi kê khai 95.000.000 đồng/năm.",
            },
        )
        decisions.decision_sign(
            actor=None,
            decision=decision,
            signed_on=OLD_SIGNED.date(),
            signer_name=AL_SIGNER,
            now=OLD_SIGNED,
        )
        decisions.decision_publish(actor=None, decision=decision, now=OLD_PUBLISHED)
        decisions.line_revoke(
            actor=None, line=revoked, reason=REVOKE_REASON, basis=REVOKE_BASIS, now=REVOKED_AT
        )
        return decision

    # -- Hải Phòng, open today ------------------------------------------------------------------

    def hai_phong(self) -> Cycle:
        programme = Programme.objects.get(code=HP_CODE)
        officer = User.objects.get(username="thidua_hp")
        official = User.objects.get(username="cdcs_cokhi")
        today = timezone.localdate()
        deadline_day = today + dt.timedelta(weeks=HP_WEEKS)
        while deadline_day.weekday() >= 5:  # a working day
            deadline_day -= dt.timedelta(days=1)
        day = today - dt.timedelta(days=10)
        cycle = cycles.cycle_open(
            actor=officer,
            programme=programme,
            name=HP_CYCLE_NAME,
            achievement_year=HP_YEAR,
            deadline=vn_time(deadline_day.year, deadline_day.month, deadline_day.day, 17),
            guidance=HP_GUIDANCE,
            preset="an_lao",
            now=vn_time(day.year, day.month, day.day, 8, 30),
        )
        groups = {category.order: category for category in cycle.categories.all()}
        # The preset names An Lão's contest of 2023; the city's officer renames the group.
        cycles.category_save(
            actor=officer,
            cycle=cycle,
            category=groups[2],
            data={
                "name": "Cá nhân đạt giải Hội thi sáng tạo kỹ thuật thành phố Hải Phòng năm "
                f"{HP_YEAR}"
            },
        )
        cokhi = self.unit(COKHI)
        self.used = set()

        def at(days_ago: int, hour: int, minute: int = 0) -> dt.datetime:
            day = today - dt.timedelta(days=days_ago)
            return vn_time(day.year, day.month, day.day, hour, minute)

        # Sent: a Lao động giỏi of the Cơ khí union, waiting for the city's review.
        workers = self.people(cokhi.code, position="Công nhân", manager=False) or self.people(
            cokhi.code, manager=False
        )
        sent = self.nominate(
            category=groups[4],
            person=workers[0],
            data={"summary": LDG_SUMMARIES[1].replace("2023", str(HP_YEAR))},
            actor=official,
            at=at(6, 9, 40),
        )
        nominations.nomination_submit(actor=official, nomination=sent, now=at(2, 15, 20))
        # Draft: an author of one of the union's recognised initiatives of this programme who
        # reaches the threshold (a worker may through three consecutive years of benefit);
        # the benefit's certification is not attached yet.
        authors = [
            (initiative, authorship.person)
            for initiative in Initiative.objects.filter(
                programme=programme, unit=cokhi, stages__status__in=RECOGNISED
            )
            .exclude(benefit_value=None)
            .distinct()
            .order_by("code")
            .prefetch_related("authorships__person")
            for authorship in initiative.authorships.all()
            if (
                (initiative.benefit_value or 0) >= _threshold(authorship.person)
                or (
                    authorship.person.member_category == MemberCategory.WORKER
                    and 3 * (initiative.benefit_value or 0) >= THREE_YEAR_DEFAULT
                )
            )
            and authorship.person.pk not in self.used
        ]
        if authors:
            initiative, person = authors[0]
            yearly = initiative.benefit_value or 0
            three_years = 3 * yearly if yearly < _threshold(person) else None
            self.nominate(
                category=groups[1],
                person=person,
                data={
                    "initiative": initiative,
                    "benefit_three_years": three_years,
                    "summary": f"Tác giả sáng kiến “{initiative.title}”, giá trị làm lợi "
                    f"{money(yearly)}/năm"
                    + (f", {money(three_years)} trong 3 năm liên tiếp." if three_years else "."),
                },
                actor=official,
                at=at(3, 14, 10),
                skip=(DocumentKind.XAC_NHAN_LAM_LOI,),
            )
        # Draft, complete: a welder's prize, ready to be sent.
        welders = self.people(cokhi.code, position="Công nhân") or self.people(
            cokhi.code, manager=False
        )
        if welders:
            self.nominate(
                category=groups[3],
                person=welders[0],
                data={
                    "contest": HP_CONTEST,
                    "contest_level": ContestLevel.PROVINCE,
                    "prize": Prize.SECOND,
                    "achievement_year": HP_YEAR,
                    "summary": f"Đạt Giải Nhì {HP_CONTEST}.",
                },
                actor=official,
                at=at(1, 10, 30),
            )
        # Sent by a union of the other commune: the chair of the health centre's union.
        chairs = self.people("HP-AL-06", position=GRASSROOTS_CHAIR)
        if chairs:
            other = self.nominate(
                category=groups[5],
                person=chairs[0],
                data={"summary": UNION_OFFICER_SUMMARY.replace("2023", str(HP_YEAR))},
                actor=None,
                at=at(5, 8, 50),
            )
            nominations.nomination_submit(actor=None, nomination=other, now=at(4, 16, 5))
        return cycle


def load_awards(loader: _Loader) -> list[Cycle]:
    """Write the commendation story (see the module's docstring).

    Side effects: two cycles with the seed's five groups each; about 30 nominations with their
    generated PDF papers (under MEDIA_ROOT), events, one override; two signed and published
    Giấy khen decisions of LĐLĐ huyện An Lão (48/QĐ-LĐLĐ of 2023, 52/QĐ-LĐLĐ of 2024) with their
    register entries and counters, one comment, one revoked line; the audit entries of all of
    it."""
    catalogue_load()  # as the migration leaves it, even on a database emptied since
    story = _Awards(rng=random.Random(AWARDS_SEED), loader=loader)
    story.an_lao_2022(story.an_lao())
    story.hai_phong()
    return list(Cycle.objects.order_by("deadline"))


def awards_summary() -> list[str]:
    """Lines for the demo's printout: each cycle's dossiers and each decision's list."""
    labels = dict(NominationStatus.choices)
    rows = []
    for cycle in Cycle.objects.select_related("programme__running_unit").order_by("deadline"):
        counts: dict[str, int] = {}
        for status in cycle.nominations.values_list("status", flat=True):
            counts[status] = counts.get(status, 0) + 1
        late = cycle.nominations.filter(events__action="late").distinct().count()
        states = ", ".join(
            f"{str(labels[status]).lower()}: {count}" for status, count in sorted(counts.items())
        )
        rows.append(
            f"  {cycle.name} ({cycle.programme.running_unit.name}, hạn nộp "
            f"{deadline_text(cycle.deadline)}): {cycle.categories.count()} nhóm, "
            f"{sum(counts.values())} hồ sơ ({states}"
            + (f"; {late} nộp quá hạn bị từ chối" if late else "")
            + ")."
        )
    for decision in Decision.objects.filter(
        status__in=[DecisionStatus.SIGNED, DecisionStatus.PUBLISHED]
    ).order_by("signed_on"):
        lines = decision.lines.all()
        collectives = lines.exclude(collective=None).count()
        revoked = lines.exclude(revoked_at=None).count()
        rows.append(
            f"  Quyết định số {decision.symbol} ngày {date_short(decision.signed_on)} "
            f"({decision.award.name}, {decision.issuer.name}, ký: {decision.signer_name}): "
            f"{lines.count() - collectives} cá nhân"
            + (f", {collectives} tập thể" if collectives else "")
            + (f"; {revoked} khen thưởng bị thu hồi" if revoked else "")
            + (f", {decision.comments.count()} góp ý" if decision.comments.exists() else "")
            + "."
        )
    return rows


def awards_wipe() -> None:
    """Delete every decision, nomination and cycle, the document register, and their audit
    entries (for `demo --reset`); the award catalogue stays. Runs before the programmes and
    people go: nominations and decision lines hold them. Dossier files stay on disk, as
    initiative attachments do: only their rows go."""
    DecisionLine.objects.all().delete()
    Comment.objects.all().delete()
    Decision.objects.all().delete()
    RegisterEntry.objects.all().delete()
    RegisterCounter.objects.all().delete()
    Override.objects.all().delete()
    Nomination.objects.all().delete()  # with their documents and events
    CycleExtension.objects.all().delete()
    Cycle.objects.all().delete()  # with their groups, rules and quotas
    AuditEntry.objects.filter(object_type__startswith="awards.").delete()
    AuditEntry.objects.filter(object_type__startswith="documents.").delete()
