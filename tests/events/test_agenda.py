"""The programme (chương trình) of the conference and its stage settings: the usual programme
from the start time, items added, edited, moved and removed, each audited; the stage's size,
order keys and presenters validated. And the award order of the conference as a whole."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.events.test_honourees import linked
from thidua.common.models import AuditEntry
from thidua.events import agenda, honourees
from thidua.events.models import Guest


def programme(conf) -> list[tuple[str, str, str]]:
    return [
        (item.at.strftime("%H:%M") if item.at else "", item.title, item.lead)
        for item in agenda.agenda_items(conf.event)
    ]


def test_the_usual_programme_starts_at_the_conferences_hour(conf):
    agenda.agenda_prefill(actor=conf.district_officer, event=conf.event)

    rows = programme(conf)
    assert [r[0] for r in rows] == ["14:00", "14:15", "14:20", "14:40", "15:20", "15:35"]
    assert rows[0][1] == "Ổn định tổ chức, văn nghệ chào mừng"
    assert rows[2] == (
        "14:20",
        "Báo cáo kết quả phong trào thi đua Lao động giỏi, Lao động sáng tạo năm 2023",
        "Lãnh đạo Liên đoàn Lao động huyện An Lão",
    )
    assert rows[3][1] == "Trao khen thưởng cho các cá nhân, tập thể tiêu biểu"
    assert rows[4][2] == "Lãnh đạo Liên đoàn Lao động thành phố Hải Phòng"
    assert rows[5][1] == "Bế mạc"
    assert AuditEntry.objects.filter(action="agenda_prefill").count() == 1


def test_the_usual_programme_is_not_written_over_an_existing_one(conf):
    agenda.agenda_item_add(actor=None, event=conf.event, data={"title": "Khai mạc"})

    with pytest.raises(ValidationError, match="Chương trình đã có nội dung"):
        agenda.agenda_prefill(actor=None, event=conf.event)


def test_items_are_added_edited_moved_and_removed_and_keep_their_numbering(conf):
    first = agenda.agenda_item_add(
        actor=None, event=conf.event, data={"at": dt.time(14), "title": "Khai mạc"}
    )
    second = agenda.agenda_item_add(
        actor=None, event=conf.event, data={"title": "Trao thưởng", "lead": "Phạm Thị Nga"}
    )
    third = agenda.agenda_item_add(actor=None, event=conf.event, data={"title": "Bế mạc"})

    agenda.agenda_item_update(actor=None, item=second, data={"at": dt.time(14, 30)})
    agenda.agenda_item_move(actor=None, item=third, to=1)
    agenda.agenda_item_remove(actor=None, item=first)

    assert programme(conf) == [("", "Bế mạc", ""), ("14:30", "Trao thưởng", "Phạm Thị Nga")]
    assert [i.order for i in agenda.agenda_items(conf.event)] == [1, 2]
    actions = sorted(
        AuditEntry.objects.filter(action__startswith="agenda_item").values_list("action", flat=True)
    )
    assert actions == [
        "agenda_item_add", "agenda_item_add", "agenda_item_add", "agenda_item_move",
        "agenda_item_remove", "agenda_item_update",
    ]  # fmt: skip


def test_an_item_needs_its_content(conf):
    with pytest.raises(ValidationError, match="Hãy nhập nội dung"):
        agenda.agenda_item_add(actor=None, event=conf.event, data={"title": "  "})


def test_stage_settings_are_validated_and_audited(conf):
    changes = agenda.stage_settings_update(
        actor=conf.district_officer,
        event=conf.event,
        stage_size=5,
        award_order_keys=["category", "award", "name"],
        presenters="  Phạm Thị Nga  \n\nĐỗ Văn Thành",
    )

    conf.event.refresh_from_db()
    assert set(changes) == {"stage_size", "award_order", "presenters"}
    assert conf.event.stage_size == 5
    assert conf.event.award_order == ["category", "award", "name"]
    assert conf.event.presenters == "Phạm Thị Nga\nĐỗ Văn Thành"
    assert AuditEntry.objects.filter(action="stage_settings_update").count() == 1
    with pytest.raises(ValidationError):
        agenda.stage_settings_update(actor=None, event=conf.event, stage_size=0)
    with pytest.raises(ValidationError):
        agenda.stage_settings_update(actor=None, event=conf.event, award_order_keys=["age"])


def test_the_conferences_award_order_calls_its_honourees_in_batches_with_presenters(conf):
    linked(conf)
    agenda.stage_settings_update(
        actor=None, event=conf.event, stage_size=3, presenters="Phạm Thị Nga\nĐỗ Văn Thành"
    )
    lan = Guest.objects.get(name="Nguyễn Thị Lan")
    lan.rsvp = "declined"
    lan.save(update_fields=["rsvp"])
    conf.event.refresh_from_db()

    order = honourees.event_award_order(conf.event)

    assert [[c.honouree.name for c in b.people] for b in order.batches] == [
        ["Trần Văn Bình", "Bùi Văn Toàn", "Phạm Thị Nga"],
    ]
    assert [r.name for r in order.declined] == ["Nguyễn Thị Lan"]
    assert order.batches[0].presenter == "Phạm Thị Nga"
    assert order.batches[0].heading.startswith(
        "Lượt 1: Giấy khen của Liên đoàn Lao động huyện An Lão — nhóm Đoàn viên đạt giải"
    )
