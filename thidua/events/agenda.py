"""The conference's programme (chương trình, CTr) and its stage: the items with their time and
who leads each, a usual programme to start from, and the stage settings of the award order
(how many come up at a time, what they are sorted by, who presents each batch).

Writes are atomic, validated and audited under the organiser's path; callers fetch the
conference through thidua.events.permissions.event_for_user(manage=True) first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.audit import audit_record, diff, model_update
from thidua.events import award_order
from thidua.events.models import AgendaItem, Event
from thidua.orgs.selectors import ancestors_on, unit_current_path

ITEM_FIELDS = ["at", "title", "lead"]


def _path(event: Event) -> str:
    return unit_current_path(event.organiser)


# --- the usual programme (pure) -------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeLine:
    minutes: int  # after the start
    title: str
    lead: str


def usual_programme(*, year: int, organiser_name: str, parent_name: str) -> list[ProgrammeLine]:
    """The order a Hội nghị biểu dương usually follows: seating and a welcome performance, the
    reason and the guests, the report on the year's emulation, the awards, the leaders' speech,
    the close."""
    above = f"Lãnh đạo {parent_name}" if parent_name else "Lãnh đạo cấp trên"
    return [
        ProgrammeLine(0, "Ổn định tổ chức, văn nghệ chào mừng", "Ban Tổ chức"),
        ProgrammeLine(15, "Tuyên bố lý do, giới thiệu đại biểu", "Người dẫn chương trình"),
        ProgrammeLine(
            20,
            f"Báo cáo kết quả phong trào thi đua Lao động giỏi, Lao động sáng tạo năm {year}",
            f"Lãnh đạo {organiser_name}",
        ),
        ProgrammeLine(
            40,
            "Trao khen thưởng cho các cá nhân, tập thể tiêu biểu",
            "Lãnh đạo các cấp (theo thứ tự trao thưởng)",
        ),
        ProgrammeLine(80, "Phát biểu của lãnh đạo", above),
        ProgrammeLine(95, "Bế mạc", "Người dẫn chương trình"),
    ]


def _clock(start: dt.time, minutes: int) -> dt.time:
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)
    return moment.time()


# --- items ----------------------------------------------------------------------------------------


def _values(data: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "at" in data:
        values["at"] = data["at"] or None
    for name in ("title", "lead"):
        if name in data:
            values[name] = " ".join(str(data.get(name) or "").split())
    if "title" in values and not values["title"]:
        raise ValidationError({"title": _("Hãy nhập nội dung của mục chương trình.")})
    return values


def _snapshot(item: AgendaItem) -> dict[str, Any]:
    return {
        "at": item.at.strftime("%H:%M") if item.at else None,
        "title": item.title,
        "lead": item.lead,
    }


def agenda_items(event: Event) -> list[AgendaItem]:
    return list(event.agenda.order_by("order", "id"))


@transaction.atomic
def agenda_item_add(*, actor: Any, event: Event, data: Mapping[str, Any]) -> AgendaItem:
    """Add an item at the end of the programme. Side effects: the item, audit
    (agenda_item_add)."""
    values = _values({"at": None, "title": "", "lead": "", **data})
    top = event.agenda.aggregate(top=Max("order"))["top"] or 0
    item = AgendaItem(event=event, order=top + 1, **values)
    item.full_clean()
    item.save()
    audit_record(
        actor=actor,
        action="agenda_item_add",
        obj=item,
        changes={k: [None, v] for k, v in _snapshot(item).items() if v},
        unit_path=_path(event),
    )
    return item


@transaction.atomic
def agenda_item_update(
    *, actor: Any, item: AgendaItem, data: Mapping[str, Any]
) -> dict[str, list[Any]]:
    """Change an item's time, content or lead (only the fields in `data`). Side effects: the
    item, audit (agenda_item_update) when something changed."""
    values = _values({k: v for k, v in data.items() if k in ITEM_FIELDS})
    before = _snapshot(item)
    for name, value in values.items():
        setattr(item, name, value)
    changes = diff(before, _snapshot(item))
    if changes:
        item.full_clean()
        item.save(update_fields=list(changes))
        audit_record(
            actor=actor,
            action="agenda_item_update",
            obj=item,
            changes=changes,
            unit_path=_path(item.event),
        )
    return changes


def _renumber(event: Event) -> None:
    for position, item in enumerate(event.agenda.order_by("order", "id"), start=1):
        if item.order != position:
            item.order = position
            item.save(update_fields=["order"])


@transaction.atomic
def agenda_item_remove(*, actor: Any, item: AgendaItem) -> None:
    """Take an item out; the others are numbered again. Side effects: the item deleted, the
    others' order, audit (agenda_item_remove)."""
    event = item.event
    audit_record(
        actor=actor,
        action="agenda_item_remove",
        obj=item,
        changes={k: [v, None] for k, v in _snapshot(item).items() if v},
        unit_path=_path(event),
    )
    item.delete()
    _renumber(event)


@transaction.atomic
def agenda_item_move(*, actor: Any, item: AgendaItem, to: int) -> None:
    """Put the item at position `to` (from 1, kept inside the programme). Side effects: the
    items' order, audit (agenda_item_move) when it moved."""
    items = agenda_items(item.event)
    old = [i.pk for i in items].index(item.pk) + 1
    new = max(1, min(int(to), len(items)))
    if old == new:
        return
    moving = items.pop(old - 1)
    items.insert(new - 1, moving)
    for position, row in enumerate(items, start=1):
        if row.order != position:
            row.order = position
            row.save(update_fields=["order"])
    item.order = new
    audit_record(
        actor=actor,
        action="agenda_item_move",
        obj=item,
        changes={"order": [old, new]},
        unit_path=_path(item.event),
    )


@transaction.atomic
def agenda_prefill(*, actor: Any, event: Event) -> list[AgendaItem]:
    """Write the usual programme (usual_programme()) from the conference's start, for the
    staff to edit: only into an empty programme.

    Side effects: the items, one audit entry (agenda_prefill)."""
    if event.agenda.exists():
        raise ValidationError(
            _("Chương trình đã có nội dung: xóa hết các mục trước khi soạn chương trình mẫu.")
        )
    start = timezone.localtime(event.starts_at)
    cycle = event.cycles.order_by("-achievement_year").first()
    day = timezone.localdate()
    if event.organiser.ended_on is not None and day >= event.organiser.ended_on:
        day = event.organiser.ended_on - dt.timedelta(days=1)
    ancestors = ancestors_on(event.organiser, day)
    programme = usual_programme(
        year=cycle.achievement_year if cycle else start.year - 1,
        organiser_name=event.organiser.name,
        parent_name=ancestors[-1].name if ancestors else "",
    )
    items = []
    for order, line in enumerate(programme, start=1):
        item = AgendaItem(
            event=event,
            order=order,
            at=_clock(start.time(), line.minutes),
            title=line.title,
            lead=line.lead,
        )
        item.full_clean()
        items.append(item)
    AgendaItem.objects.bulk_create(items)
    audit_record(
        actor=actor,
        action="agenda_prefill",
        obj=event,
        changes={"agenda": [None, [item.title for item in items]]},
        unit_path=_path(event),
    )
    return items


# --- the stage ------------------------------------------------------------------------------------


@transaction.atomic
def stage_settings_update(
    *,
    actor: Any,
    event: Event,
    stage_size: int | None = None,
    award_order_keys: Sequence[str] | None = None,
    presenters: str | None = None,
) -> dict[str, list[Any]]:
    """Set how many honourees come up at a time (1–50), what the award order sorts by (keys of
    enums.OrderKey, each once, in order) and who presents each batch (one line a batch); only
    what is given changes.

    Side effects: the conference, audit (stage_settings_update) when something changed."""
    data: dict[str, Any] = {}
    if stage_size is not None:
        data["stage_size"] = award_order.clean_stage_size(stage_size)
    if award_order_keys is not None:
        data["award_order"] = award_order.clean_keys(award_order_keys)
    if presenters is not None:
        data["presenters"] = "\n".join(
            " ".join(line.split()) for line in presenters.splitlines() if line.strip()
        )
    return model_update(
        instance=event,
        data=data,
        actor=actor,
        action="stage_settings_update",
        unit_path=_path(event),
    )
