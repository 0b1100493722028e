"""The Kiên Giang programme in miniature: a province, a district federation and a sector union
with grassroots unions, and one grassroots union straight under the province."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tests.factories import make_person, make_unit, make_user
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Programme
from thidua.initiatives import services
from thidua.initiatives.models import Initiative
from thidua.orgs.enums import Tier
from thidua.orgs.models import Person, Unit, User

VN = ZoneInfo("Asia/Ho_Chi_Minh")
GRASSROOTS_DEADLINE = dt.datetime(2021, 4, 10, 17, 0, tzinfo=VN)
UPPER_DEADLINE = dt.datetime(2021, 4, 15, 17, 0, tzinfo=VN)
PROVINCE_DEADLINE = dt.datetime(2021, 4, 20, 17, 0, tzinfo=VN)
BEFORE = dt.datetime(2021, 4, 1, 9, 0, tzinfo=VN)
REGISTERED = dt.datetime(2021, 3, 20, 9, 0, tzinfo=VN)
# The period runs on so that tests can register today; the levels' deadlines are in 2021.
PERIOD_END = dt.date(2099, 12, 31)


@dataclass
class Programme75:
    province: Unit
    district: Unit
    sector: Unit
    union_a: Unit
    union_a2: Unit
    union_s: Unit
    union_direct: Unit
    programme: Programme
    author: Person
    coauthor: Person
    outsider_author: Person
    province_officer: User
    district_officer: User
    official_a: User
    official_a2: User
    official_s: User


@pytest.fixture
def kg(db) -> Programme75:
    province = make_unit("Liên đoàn Lao động tỉnh Kiên Giang", code="KG", kind="ldld_tinh")
    district = make_unit(
        "LĐLĐ thành phố Rạch Giá", code="KG-RG", kind="ldld_huyen", parent=province
    )
    sector = make_unit(
        "Công đoàn ngành Giáo dục", code="KG-GD", kind="cd_nganh_dp", parent=province
    )
    union_a = make_unit("CĐ Công ty Cấp thoát nước Kiên Giang", code="KG-RG-01", parent=district)
    union_a2 = make_unit("CĐ Cảng cá Tắc Cậu", code="KG-RG-02", parent=district)
    union_s = make_unit("CĐ Trường THPT Nguyễn Trung Trực", code="KG-GD-01", parent=sector)
    union_direct = make_unit("CĐ Công ty Xi măng Hà Tiên", code="KG-01", parent=province)
    programme = campaigns.programme_create(
        actor=None,
        name="75 nghìn sáng kiến, vượt khó, phát triển",
        code="KG75",
        running_unit=province,
        starts_on=dt.date(2021, 3, 10),
        ends_on=PERIOD_END,
        levels=[
            {
                "name": "Công đoàn cơ sở",
                "tier": Tier.GRASSROOTS,
                "deadline": GRASSROOTS_DEADLINE,
                "quota_max": 2,
            },
            {
                "name": "Công đoàn cấp trên cơ sở",
                "tier": Tier.UPPER,
                "deadline": UPPER_DEADLINE,
                "quota_max": 10,
            },
            {
                "name": "LĐLĐ tỉnh",
                "tier": Tier.PROVINCE,
                "deadline": PROVINCE_DEADLINE,
                "has_council": True,
            },
        ],
    )
    campaigns.programme_launch(actor=None, programme=programme)
    return Programme75(
        province=province,
        district=district,
        sector=sector,
        union_a=union_a,
        union_a2=union_a2,
        union_s=union_s,
        union_direct=union_direct,
        programme=programme,
        author=make_person("Trần Văn Hải", unit=union_a),
        coauthor=make_person("Lê Thị Mai", unit=union_a, gender="nu"),
        outsider_author=make_person("Phạm Văn Tư", unit=union_a2),
        province_officer=make_user("thidua_kg", unit=province, role="officer"),
        district_officer=make_user("thidua_rg", unit=district, role="officer"),
        official_a=make_user("cdcs_capnuoc", unit=union_a, role="grassroots"),
        official_a2=make_user("cdcs_tacau", unit=union_a2, role="grassroots"),
        official_s=make_user("cdcs_thpt", unit=union_s, role="grassroots"),
    )


def make_initiative(kg: Programme75, unit: Unit | None = None, **overrides) -> Initiative:
    unit = unit or kg.union_a
    authors = overrides.pop("authors", [(kg.author, Decimal(70)), (kg.coauthor, Decimal(30))])
    now = overrides.pop("now", REGISTERED)
    data = {
        "title": "Cải tiến hệ thống bơm tăng áp trạm cấp nước Rạch Sỏi",
        "solution_kind": "ky_thuat",
        "field": kg.programme.fields.get(name="Sản xuất kinh doanh"),
        "first_applied_on": dt.date(2021, 2, 15),
        "novelty": "Lắp biến tần cho bơm tăng áp, điều khiển theo áp lực mạng.",
        "benefit_value": 1_200_000_000,
        **overrides,
    }
    return services.initiative_create(
        actor=None, programme=kg.programme, unit=unit, data=data, authors=authors, now=now
    )


def climb_to_province(kg: Programme75, initiative: Initiative) -> None:
    hour = dt.timedelta(hours=1)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)
    services.initiative_decide(actor=None, initiative=initiative, selected=True, now=BEFORE + hour)
    services.initiative_forward(actor=None, initiative=initiative, now=BEFORE + 2 * hour)
    services.initiative_decide(
        actor=None, initiative=initiative, selected=True, now=BEFORE + 3 * hour
    )
    services.initiative_forward(actor=None, initiative=initiative, now=BEFORE + 4 * hour)
