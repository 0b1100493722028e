"""The An Lão honouring cycle of Kế hoạch 35/KH-LĐLĐ in miniature, as it stood in June 2024:
Hải Phòng's city federation, the An Lão district federation (which runs it), two grassroots
unions with their people and initiatives, and a district federation elsewhere (outsiders).

`clock` moves "now" (django.utils.timezone.now) for code that reads the time itself (pages,
API); services take `now=` directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.factories import make_person, make_unit, make_user
from thidua.awards.models import Category, Cycle, Nomination
from thidua.awards.services import cycles, nominations
from thidua.awards.services.catalogue import catalogue_load
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Programme
from thidua.initiatives import services as initiatives
from thidua.initiatives.models import Initiative
from thidua.orgs.enums import Tier
from thidua.orgs.models import Person, Unit, User

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DEADLINE = dt.datetime(2024, 7, 13, 0, 0, tzinfo=VN)  # "trước ngày 13/7/2024"
OPENED = dt.datetime(2024, 6, 12, 9, 0, tzinfo=VN)
BEFORE = dt.datetime(2024, 7, 8, 10, 0, tzinfo=VN)
LATE = dt.datetime(2024, 7, 13, 8, 30, tzinfo=VN)
SIGNING = dt.datetime(2024, 7, 18, 15, 0, tzinfo=VN)
PDF = b"%PDF-1.4\n% ho so\n%%EOF\n"


@dataclass
class AnLao:
    city: Unit
    district: Unit
    other_district: Unit
    cokhi: Unit
    school: Unit
    outsider_union: Unit
    programme: Programme
    cycle: Cycle
    worker: Person
    engineer: Person
    teacher: Person
    chair: Person
    outsider: Person
    cheap: Initiative
    rich: Initiative
    officer: User
    leader: User
    official: User
    school_official: User
    outsider_official: User

    def category(self, order: int) -> Category:
        return self.cycle.categories.get(order=order)


def pdf(name: str = "ho-so.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _initiative(
    programme: Programme, unit: Unit, author: Person, title: str, value: int
) -> Initiative:
    """An initiative its grassroots union has endorsed (recognised), as category 1 needs."""
    initiative = initiatives.initiative_create(
        actor=None,
        programme=programme,
        unit=unit,
        data={
            "title": title,
            "solution_kind": "ky_thuat",
            "field": programme.fields.order_by("order").first(),
            "first_applied_on": dt.date(2023, 3, 1),
            "novelty": "Cải tiến quy trình.",
            "benefit_value": value,
        },
        authors=[(author, Decimal(100))],
        now=OPENED,
    )
    initiatives.initiative_submit(actor=None, initiative=initiative, now=OPENED)
    initiatives.initiative_decide(actor=None, initiative=initiative, selected=True, now=OPENED)
    return initiative


@pytest.fixture
def catalogue(db: None) -> None:
    """The award catalogue, as the migration leaves it (a transactional test run before may
    have emptied the table)."""
    catalogue_load()


@pytest.fixture
def al(db: None) -> AnLao:
    catalogue_load()  # a transactional test run before may have emptied the table
    city = make_unit("Liên đoàn Lao động thành phố Hải Phòng", code="HP", kind="ldld_tinh",
                     short_name="LĐLĐ", place_name="Hải Phòng")  # fmt: skip
    district = make_unit("Liên đoàn Lao động huyện An Lão", code="HP-ANLAO", kind="ldld_huyen",
                         parent=city, short_name="LĐLĐ", place_name="An Lão")  # fmt: skip
    other = make_unit("Liên đoàn Lao động huyện Kiến Thụy", code="HP-KT", kind="ldld_huyen",
                      parent=city, short_name="LĐLĐ", place_name="Kiến Thụy")  # fmt: skip
    cokhi = make_unit("Công đoàn Công ty TNHH Cơ khí An Lão", code="HP-AL-01", parent=district)
    school = make_unit("Công đoàn Trường THPT An Lão", code="HP-AL-02", parent=district)
    outsider_union = make_unit("Công đoàn Trung tâm Y tế Kiến Thụy", code="HP-KT-01", parent=other)
    programme = campaigns.programme_create(
        actor=None,
        name="Phong trào Lao động sáng tạo năm 2023",
        code="AL-2023",
        running_unit=district,
        starts_on=dt.date(2024, 6, 12),
        ends_on=dt.date(2024, 7, 23),
        levels=[
            {"name": "Công đoàn cơ sở", "tier": Tier.GRASSROOTS,
             "deadline": dt.datetime(2024, 7, 5, 17, tzinfo=VN)},
            {"name": "LĐLĐ huyện", "tier": Tier.UPPER, "deadline": DEADLINE},
        ],
    )  # fmt: skip
    campaigns.programme_launch(actor=None, programme=programme, now=OPENED)
    worker = make_person("Bùi Văn Toàn", unit=cokhi, position="Tổ trưởng tổ cơ điện",
                         member_category="worker")  # fmt: skip
    engineer = make_person("Nguyễn Thị Lan", unit=cokhi, gender="nu", position="Kỹ sư",
                           member_category="professional", education_level="dai_hoc")  # fmt: skip
    teacher = make_person("Trần Văn Bình", unit=school, position="Giáo viên")
    chair = make_person("Phạm Thị Nga", unit=district, gender="nu", position="Chủ tịch")
    outsider = make_person("Lê Văn Hùng", unit=outsider_union)
    cheap = _initiative(programme, cokhi, worker, "Cải tiến đồ gá hàn khung xe", 65_000_000)
    rich = _initiative(programme, cokhi, engineer, "Tự động hóa dây chuyền sơn", 180_000_000)
    officer = make_user("thidua_anlao", unit=district, role="officer", full_name="Nguyễn Thu Hà")
    cycle = cycles.cycle_open(
        actor=officer,
        programme=programme,
        name="Biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023",
        achievement_year=2023,
        deadline=DEADLINE,
        preset="an_lao",
        now=OPENED,
    )
    return AnLao(
        city=city, district=district, other_district=other, cokhi=cokhi, school=school,
        outsider_union=outsider_union, programme=programme, cycle=cycle, worker=worker,
        engineer=engineer, teacher=teacher, chair=chair, outsider=outsider, cheap=cheap,
        rich=rich, officer=officer,
        leader=make_user("chutich_anlao", unit=district, role="leader", full_name="Phạm Thị Nga"),
        official=make_user("cdcs_cokhi", unit=cokhi, role="grassroots"),
        school_official=make_user("cdcs_thpt", unit=school, role="grassroots"),
        outsider_official=make_user("cdcs_kienthuy", unit=outsider_union, role="grassroots"),
    )  # fmt: skip


def nominate(
    al: AnLao, order: int, person: Person, *, actor: Any = None, **data: Any
) -> Nomination:
    """A draft nomination with its achievement filled and every required paper attached."""
    category = al.category(order)
    override_reason = data.pop("override_reason", "")
    defaults: dict[str, Any] = {
        "person": person,
        "summary": "Hoàn thành xuất sắc nhiệm vụ năm 2023.",
    }
    defaults.update(data)
    nomination = nominations.nomination_create(
        actor=actor, category=category, unit=person.unit, data=defaults,
        override_reason=override_reason, can_override=bool(override_reason), now=BEFORE,
    )  # fmt: skip
    for kind in category.required_documents:
        nominations.document_add(actor=actor, nomination=nomination, kind=kind, upload=pdf())
    return nomination


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set what timezone.now() returns: `clock.set(BEFORE)`."""

    class Clock:
        def set(self, moment: dt.datetime) -> None:
            monkeypatch.setattr(timezone, "now", lambda: moment)

    return Clock()
