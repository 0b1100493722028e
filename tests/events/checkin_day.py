"""The An Lão conference on its day (tests/events/conftest.py), with delegates of both kinds
typed in directly: two honourees in a III.1 group (one sends a substitute) and three invited
guests in the first III.2 group (one accepted, one declined, one never answered). The district's
officer, Nguyễn Thu Hà, checks people in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from tests.awards.conftest import VN
from tests.events.conftest import Conference
from tests.factories import make_user
from thidua.events.enums import GroupKind, Rsvp
from thidua.events.models import Event, Guest, GuestGroup
from thidua.orgs.models import User

# 13h52 on the day: delegates arrive before the 14h00 opening.
ARRIVAL = dt.datetime(2024, 7, 23, 13, 52, tzinfo=VN)
HONOUREES = "Cá nhân tiêu biểu xuất sắc trong phong trào Lao động sáng tạo"


@dataclass
class Day:
    conf: Conference
    event: Event
    honourees: GuestGroup  # III.1
    leaders: GuestGroup  # the first III.2 group
    toan: Guest  # honoured, accepted
    lan: Guest  # honoured, sends Trần Văn Khoa in her place
    hai: Guest  # guest, accepted
    chi: Guest  # guest, declined
    tung: Guest  # guest, no answer
    second_officer: User  # Vũ Minh Đức, another emulation officer of the district at the door


def make_delegate(group: GuestGroup, name: str, **extra: Any) -> Guest:
    return Guest.objects.create(group=group, name=name, order=group.guests.count() + 1, **extra)


def make_day(conf: Conference) -> Day:
    event = conf.event
    honourees = GuestGroup.objects.create(
        event=event, kind=GroupKind.HONOUREE, order=0, name=HONOUREES
    )
    leaders = event.guest_groups.filter(kind=GroupKind.GUEST).order_by("order", "id").first()
    assert leaders is not None
    cokhi = "Công ty TNHH Cơ khí An Lão"
    return Day(
        conf=conf,
        event=event,
        honourees=honourees,
        leaders=leaders,
        toan=make_delegate(
            honourees, "Bùi Văn Toàn", position="Tổ trưởng tổ cơ điện", unit_name=cokhi,
            award_name="Giấy khen của Liên đoàn Lao động huyện An Lão", rsvp=Rsvp.ACCEPTED,
        ),
        lan=make_delegate(
            honourees, "Nguyễn Thị Lan", position="Kỹ sư", unit_name=cokhi,
            award_name="Giấy khen của Liên đoàn Lao động huyện An Lão", rsvp=Rsvp.SUBSTITUTE,
            substitute_name="Trần Văn Khoa", substitute_position="Phó Giám đốc",
        ),
        hai=make_delegate(
            leaders, "Nguyễn Văn Hải", position="Chủ tịch Công đoàn cơ sở", unit_name=cokhi,
            rsvp=Rsvp.ACCEPTED,
        ),
        chi=make_delegate(
            leaders, "Ngô Phương Chi", position="Chủ tịch CĐCS",
            unit_name="Trường THPT An Lão", rsvp=Rsvp.DECLINED,
        ),
        tung=make_delegate(leaders, "Lê Tiến Tùng", position="Phó Chủ tịch", unit_name=cokhi),
        second_officer=make_user(
            "thidua_anlao_2", unit=conf.al.district, role="officer", full_name="Vũ Minh Đức"
        ),
    )  # fmt: skip


@pytest.fixture
def day(conf: Conference) -> Day:
    return make_day(conf)
