"""The An Lão conference of Kế hoạch 35/KH-LĐLĐ in miniature, on the cycle of
tests/awards/conftest.py: the district federation organises it; the city federation above sees
it; the Kiến Thụy district and the grassroots unions do not. Named actors, so the permission
tests read like the rules they prove."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.awards.conftest import AnLao, al  # noqa: F401  al is a fixture
from tests.factories import make_event, make_person, make_user
from thidua.events.models import Event
from thidua.orgs.models import Person, User

CHAIR = "Chủ tịch Công đoàn cơ sở"


@dataclass
class Conference:
    al: AnLao
    event: Event
    district_officer: User  # emulation officer of LĐLĐ huyện An Lão: organises it
    district_leader: User  # its chair: sees it, does not edit it
    city_officer: User  # officer of LĐLĐ thành phố Hải Phòng: sees it, does not organise it
    city_admin: User
    other_officer: User  # officer of LĐLĐ huyện Kiến Thụy: another union, never sees it
    grassroots_official: User  # Công đoàn Công ty TNHH Cơ khí An Lão: no conferences
    cokhi_chair: Person
    school_chair: Person
    cokhi_vice: Person
    outsider_chair: Person


@pytest.fixture
def conf(al: AnLao) -> Conference:
    event = make_event(al.district, cycle=al.cycle, actor=al.officer)
    return Conference(
        al=al,
        event=event,
        district_officer=al.officer,
        district_leader=al.leader,
        city_officer=make_user("thidua_hp", unit=al.city, role="officer"),
        city_admin=make_user("quantri_hp", unit=al.city, role="admin"),
        other_officer=make_user("thidua_kienthuy", unit=al.other_district, role="officer"),
        grassroots_official=al.official,
        cokhi_chair=make_person(
            "Nguyễn Văn Hải", unit=al.cokhi, position=CHAIR, email="haint@example.vn"
        ),
        school_chair=make_person(
            "Ngô Phương Chi",
            unit=al.school,
            gender="nu",
            position="Chủ tịch CĐCS",
            phone="0941820351",
        ),
        cokhi_vice=make_person("Lê Tiến Tùng", unit=al.cokhi, position="Phó " + CHAIR),
        outsider_chair=make_person("Lý Thị Chi", unit=al.outsider_union, position=CHAIR),
    )
