"""Factories build through the services, so test data passes the same checks as real data."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any
from zoneinfo import ZoneInfo

from thidua.awards.models import Cycle
from thidua.events import services as events
from thidua.events.models import Event
from thidua.orgs import services
from thidua.orgs.models import Person, Unit, User

VN = ZoneInfo("Asia/Ho_Chi_Minh")

_counter = itertools.count(1)


def make_unit(
    name: str | None = None,
    *,
    parent: Unit | None = None,
    kind: str | None = None,
    code: str | None = None,
    established_on: dt.date = dt.date(2000, 1, 1),
    **extra: Any,
) -> Unit:
    number = next(_counter)
    if kind is None:
        kind = "ldld_tinh" if parent is None else "cdcs"
    return services.unit_create(
        actor=None,
        code=code or f"U{number:05d}",
        name=name or f"Đơn vị thử {number}",
        kind=kind,
        parent=parent,
        established_on=established_on,
        **extra,
    )


def make_person(full_name: str = "Nguyễn Văn An", *, unit: Unit, **extra: Any) -> Person:
    data = {"full_name": full_name, "gender": "nam", "unit": unit, **extra}
    return services.person_create(actor=None, data=data)


def make_user(
    username: str | None = None,
    *,
    unit: Unit | None = None,
    role: str | None = None,
    password: str = "mat-khau-thu-123",
    **extra: Any,
) -> User:
    username = username or f"user{next(_counter)}"
    user = services.user_create(
        actor=None,
        username=username,
        full_name=extra.pop("full_name", username.title()),
        email=extra.pop("email", f"{username}@example.vn"),
        password=password,
    )
    if unit is not None and role is not None:
        services.membership_add(actor=None, user=user, unit=unit, role=role)
    return user


def make_event(
    organiser: Unit, *, cycle: Cycle | None = None, actor: Any = None, **data: Any
) -> Event:
    """A conference of `organiser` (honouring `cycle` if given) at 14h00 on 23/7/2024, with the
    usual guest groups for its level; `data` overrides the title, time, place or plan."""
    values = {
        "starts_at": dt.datetime(2024, 7, 23, 14, 0, tzinfo=VN),
        "place": "Hội trường Huyện ủy",
        **data,
    }
    if cycle is None:
        values.setdefault("title", "Hội nghị biểu dương năm 2023")
    return events.event_create(actor=actor, organiser=organiser, cycle=cycle, data=values)
