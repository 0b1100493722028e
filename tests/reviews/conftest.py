"""A provincial council in miniature: the Kiên Giang programme with initiatives at the province
from three grassroots unions, the Đà Nẵng rubric, and five members, one of whom works at a
union whose initiatives they must never score."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from tests.factories import make_person, make_user
from tests.initiatives.conftest import (
    VN,
    Programme75,
    climb_to_province,
    kg,  # noqa: F401
    make_initiative,
)
from thidua.initiatives.models import Initiative
from thidua.orgs.models import Unit, User
from thidua.reviews import rubrics, services
from thidua.reviews.enums import CouncilRole
from thidua.reviews.models import Council, CouncilMember

SCORING_DAY = dt.datetime(2021, 4, 25, 9, 0, tzinfo=VN)
COUNCIL_DEADLINE = dt.datetime(2021, 5, 5, 17, 0, tzinfo=VN)
AFTER_DEADLINE = dt.datetime(2021, 5, 6, 9, 0, tzinfo=VN)


@dataclass
class CouncilWorld:
    kg: Programme75
    council: Council
    items: list[Initiative]  # at the province: union_a, union_a, union_a2, union_s, union_s
    chair: CouncilMember
    secretary: CouncilMember
    reviewer_from_a: CouncilMember  # works at union_a
    reviewer_2: CouncilMember
    reviewer_3: CouncilMember
    secretary_user: User
    member_user: User  # reviewer_2's account
    outsider: User  # a council member of nothing, officer elsewhere


def _seat(council: Council, name: str, unit: Unit, role: str = CouncilRole.MEMBER) -> CouncilMember:
    person = make_person(name, unit=unit)
    user = make_user(unit=unit, role="council", full_name=name)
    user.person = person
    user.save(update_fields=["person"])
    return services.member_add(actor=None, council=council, user=user, role=role)


@pytest.fixture
def cw(kg: Programme75) -> CouncilWorld:
    items = [
        make_initiative(kg, title="Biến tần cho bơm tăng áp"),
        make_initiative(kg, title="Đồng hồ nước thông minh", benefit_value=None,
                        non_monetary_benefit="Giảm thất thoát"),
        make_initiative(kg, unit=kg.union_a2, authors=[(kg.outsider_author, Decimal(100))],
                        title="Kho lạnh tiết kiệm điện"),
        make_initiative(kg, unit=kg.union_s,
                        authors=[(make_person("Đỗ Thị Lan", unit=kg.union_s), Decimal(100))],
                        title="Sổ điểm điện tử"),
        make_initiative(kg, unit=kg.union_s,
                        authors=[(make_person("Vũ Văn Khánh", unit=kg.union_s), Decimal(100))],
                        title="Phần mềm xếp thời khóa biểu"),
    ]  # fmt: skip
    for item in items:
        climb_to_province(kg, item)
    level = kg.programme.levels.get(order=3)
    rubric = services.rubric_create(
        actor=None, programme=kg.programme, spec=rubrics.PRESETS["da_nang"], preset="da_nang"
    )
    council = services.council_create(
        actor=kg.province_officer,
        level=level,
        unit=kg.province,
        data={
            "name": "Hội đồng xét duyệt sáng kiến cấp tỉnh",
            "rubric": rubric,
            "deadline": COUNCIL_DEADLINE,
            "reviewers_per_item": 2,
            "quota_min": 2,
            "quota_max": 3,
            "prizes": [{"prize": "nhat", "count": 1}, {"prize": "nhi", "count": 1}],
            "top_n": 1,
            "media_min": 1,
            "media_max": 2,
            "media_min_fields": 1,
        },
    )
    chair = _seat(council, "Trần Thanh Việt", kg.province, CouncilRole.CHAIR)
    secretary = _seat(council, "Nguyễn Thị Thu", kg.province, CouncilRole.SECRETARY)
    from_a = _seat(council, "Huỳnh Văn Tâm", kg.union_a)
    second = _seat(council, "Lâm Thị Hoa", kg.district)
    third = _seat(council, "Châu Văn Phước", kg.sector)
    services.council_open(actor=None, council=council)
    return CouncilWorld(
        kg=kg,
        council=council,
        items=items,
        chair=chair,
        secretary=secretary,
        reviewer_from_a=from_a,
        reviewer_2=second,
        reviewer_3=third,
        secretary_user=secretary.user,
        member_user=second.user,
        outsider=make_user("thidua_ngoai", unit=kg.district, role="officer"),
    )


def da_nang_points(novelty: int, applicability: int, benefit: int) -> dict[str, int]:
    codes = [c.code for c in rubrics.PRESETS["da_nang"].criteria]
    return dict(zip(codes, (novelty, applicability, benefit), strict=True))
