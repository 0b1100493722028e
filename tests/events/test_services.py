"""Writing a conference (thidua.events.services): the plan worded from the cycle, the guest
groups, the guests, the grassroots chairs filled from the tree; every write validated in
Vietnamese and audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import translation

from tests.awards.conftest import VN
from tests.factories import make_person, make_unit
from thidua.awards.services import cycles
from thidua.common.models import AuditEntry
from thidua.events import services
from thidua.events.models import Event, lines
from thidua.orgs.models import Unit
from thidua.orgs.selectors import subtree_unit_ids

STARTS = dt.datetime(2024, 7, 23, 14, 0, tzinfo=VN)


def actions(obj_type: str) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type=obj_type)
        .order_by("id")
        .values_list("action", flat=True)
    )


def names(event: Event) -> list[str]:
    return [group.name for group in event.guest_groups.order_by("order")]


# --- the plan, worded from the cycle --------------------------------------------------------------


def test_a_conference_from_a_cycle_takes_its_title_and_tasks_from_it(conf):
    event = conf.event

    assert event.title == (
        "Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023"
    )
    assert list(event.cycles.all()) == [conf.al.cycle]
    assert lines(event.tasks) == [
        "Liên đoàn Lao động huyện An Lão: Hướng dẫn, tổng hợp hồ sơ, xét chọn các cá nhân tiêu "
        "biểu năm 2023; xây dựng báo cáo kết quả phong trào thi đua năm 2023;",
        "Công đoàn cơ sở: Xem xét, lựa chọn các cá nhân đủ điều kiện, tiêu chuẩn theo quy định; "
        "hoàn thiện hồ sơ gửi về Liên đoàn Lao động huyện An Lão (trước ngày 13/7/2024).",
    ]


def test_what_is_honoured_is_the_cycle_s_categories_in_their_order(conf):
    categories = list(conf.al.cycle.categories.order_by("order").values_list("name", flat=True))

    assert [line.rstrip(";.") for line in lines(conf.event.contents)] == categories
    assert lines(conf.event.honourees) == lines(conf.event.contents)
    assert all("năm 2023" in line for line in lines(conf.event.purposes)[:2])
    assert conf.event.basis.startswith(
        "Thực hiện Chương trình công tác năm 2024 của Ban Chấp hành Liên đoàn Lao động huyện An Lão"
    )


def test_an_extension_for_every_unit_moves_the_deadline_in_the_tasks(conf):
    cycles.extension_add(
        actor=None,
        cycle=conf.al.cycle,
        unit=None,
        deadline=dt.datetime(2024, 7, 16, 17, 0, tzinfo=VN),
        reason="Nhiều đơn vị xin thêm thời gian",
    )

    event = services.event_create(
        actor=None,
        organiser=conf.al.district,
        cycle=conf.al.cycle,
        data={"starts_at": STARTS, "place": "Hội trường Huyện ủy"},
    )

    assert lines(event.tasks)[1].endswith("(trước 17:00 ngày 16/7/2024).")


def test_the_plan_is_worded_in_vietnamese_whatever_the_language_of_the_request(conf):
    with translation.override("en"):
        event = services.event_create(
            actor=None,
            organiser=conf.al.district,
            cycle=conf.al.cycle,
            data={"starts_at": STARTS, "place": "Hội trường Huyện ủy"},
        )

    assert "(trước ngày 13/7/2024)" in event.tasks


def test_what_the_staff_typed_is_kept_instead_of_the_draft(conf):
    event = services.event_create(
        actor=None,
        organiser=conf.al.district,
        cycle=conf.al.cycle,
        data={
            "title": "Hội nghị biểu dương năm 2023",
            "starts_at": STARTS,
            "place": "  Hội trường Huyện ủy ",
            "tasks": "Văn phòng: chuẩn bị hội trường.",
        },
    )

    assert (event.title, event.place, event.tasks) == (
        "Hội nghị biểu dương năm 2023",
        "Hội trường Huyện ủy",
        "Văn phòng: chuẩn bị hội trường.",
    )
    assert event.contents  # still worded from the cycle


def test_the_district_s_guest_groups_follow_section_iii(conf):
    assert names(conf.event) == [
        "Đại biểu Thường trực, các Ban Liên đoàn Lao động thành phố Hải Phòng;",
        "Đại biểu Lãnh đạo Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc "
        "Việt Nam huyện; một số phòng, ban, ngành, đoàn thể huyện;",
        "Các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành, Ủy ban Kiểm tra Liên đoàn Lao "
        "động huyện An Lão;",
        "Các đồng chí Chủ tịch công đoàn cơ sở;",
        "Đại diện lãnh đạo chuyên môn, Công đoàn các đơn vị cơ sở có cá nhân được biểu dương tại "
        "Hội nghị;",
        "Phóng viên: Đài Phát thanh và Truyền hình Hải Phòng, Trung tâm Văn hóa, Thông tin và Thể "
        "thao huyện.",
    ]
    assert [group.order for group in conf.event.guest_groups.order_by("order")] == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]


def test_the_groups_given_replace_the_usual_ones(conf):
    event = services.event_create(
        actor=None,
        organiser=conf.al.district,
        data={"title": "Gặp mặt", "starts_at": STARTS, "place": "Hội trường"},
        guest_groups=["Khách mời;", "Báo chí."],
    )

    assert names(event) == ["Khách mời;", "Báo chí."]
    assert (event.contents, event.tasks) == ("", "")


def test_creating_a_conference_is_audited_with_its_groups(conf):
    entry = AuditEntry.objects.get(action="event_create", object_id=str(conf.event.pk))

    assert entry.actor == conf.district_officer
    assert entry.changes["place"] == [None, "Hội trường Huyện ủy"]
    assert entry.changes["cycles"] == [None, [conf.al.cycle.name]]
    assert entry.unit_path.endswith("/")
    assert actions("events.guestgroup") == ["guest_group_add"] * 6


# --- what a plan cannot do without ----------------------------------------------------------------


def test_a_conference_needs_a_time_and_a_place(conf):
    with pytest.raises(ValidationError) as error:
        services.event_create(
            actor=None,
            organiser=conf.al.district,
            cycle=conf.al.cycle,
            data={"starts_at": None, "place": "   "},
        )

    assert error.value.message_dict == {
        "starts_at": ["Hãy nhập thời gian bắt đầu hội nghị (ngày và giờ)."],
        "place": ["Hãy nhập địa điểm tổ chức hội nghị."],
    }
    assert Event.objects.count() == 1


def test_a_conference_without_a_cycle_needs_a_title(conf):
    with pytest.raises(ValidationError) as error:
        services.event_create(
            actor=None,
            organiser=conf.al.district,
            data={"starts_at": STARTS, "place": "Hội trường"},
        )

    assert error.value.message_dict == {"title": ["Hãy nhập tên hội nghị."]}


def test_an_ended_unit_organises_no_new_conference(conf):
    ended = make_unit("Công đoàn Trường THCS Cũ", parent=conf.al.district)
    ended.ended_on = dt.date(2020, 1, 1)
    ended.save(update_fields=["ended_on"])

    with pytest.raises(ValidationError, match="không còn hoạt động"):
        services.event_create(
            actor=None,
            organiser=ended,
            data={"title": "Gặp mặt", "starts_at": STARTS, "place": "Hội trường"},
        )


def test_an_update_keeps_the_place_required(conf):
    with pytest.raises(ValidationError) as error:
        services.event_update(actor=None, event=conf.event, data={"place": ""})

    assert error.value.message_dict == {"place": ["Hãy nhập địa điểm tổ chức hội nghị."]}


# --- changing the plan ----------------------------------------------------------------------------


def test_an_update_changes_only_what_was_sent_and_audits_it_once(conf):
    later = dt.datetime(2024, 7, 23, 14, 30, tzinfo=VN)

    changes = services.event_update(
        actor=conf.district_officer,
        event=conf.event,
        data={"starts_at": later, "place": "Hội trường Huyện ủy"},
        cycles=[],
    )

    conf.event.refresh_from_db()
    assert conf.event.starts_at == later
    assert list(conf.event.cycles.all()) == []
    assert set(changes) == {"starts_at", "cycles"}
    assert actions("events.event") == ["event_create", "event_update"]


def test_an_update_that_changes_nothing_writes_nothing(conf):
    changes = services.event_update(
        actor=None, event=conf.event, data={"place": conf.event.place}, cycles=[conf.al.cycle]
    )

    assert changes == {}
    assert actions("events.event") == ["event_create"]


# --- guest groups ---------------------------------------------------------------------------------


def test_a_group_is_added_at_the_end_and_moved_where_it_belongs(conf):
    group = services.guest_group_add(actor=None, event=conf.event, name="  Cựu cán bộ  công đoàn; ")

    services.guest_group_move(actor=None, group=group, to=2)

    assert group.name == "Cựu cán bộ công đoàn;"
    assert names(conf.event)[1] == "Cựu cán bộ công đoàn;"
    assert [g.order for g in conf.event.guest_groups.order_by("order")] == [1, 2, 3, 4, 5, 6, 7]
    assert actions("events.guestgroup")[-2:] == ["guest_group_add", "guest_group_move"]


def test_a_move_past_either_end_stops_there(conf):
    first = conf.event.guest_groups.get(order=1)

    services.guest_group_move(actor=None, group=first, to=99)

    assert conf.event.guest_groups.get(pk=first.pk).order == 6


def test_a_group_needs_a_name(conf):
    with pytest.raises(ValidationError) as error:
        services.guest_group_add(actor=None, event=conf.event, name="  ")

    assert error.value.message_dict == {"name": ["Hãy nhập tên nhóm khách mời."]}


def test_removing_a_group_removes_its_guests_and_says_who_they_were(conf):
    group = conf.event.guest_groups.get(order=6)
    services.guest_add(actor=None, group=group, data={"name": "Vũ Hoàng Long"})

    services.guest_group_remove(actor=None, group=group)

    assert len(names(conf.event)) == 5
    entry = AuditEntry.objects.get(action="guest_group_remove")
    assert entry.changes["guests"] == [["Vũ Hoàng Long"], None]


# --- guests ---------------------------------------------------------------------------------------


def test_a_guest_from_the_people_register_brings_their_record(conf):
    group = conf.event.guest_groups.get(order=4)

    guest = services.guest_add(
        actor=None, group=group, data={"position": "Chủ tịch"}, person=conf.school_chair
    )

    assert (guest.name, guest.position, guest.unit_name, guest.phone, guest.order) == (
        "Ngô Phương Chi",
        "Chủ tịch",
        "Công đoàn Trường THPT An Lão",
        "0941820351",
        1,
    )


def test_a_person_is_invited_once_per_conference(conf):
    services.guest_add(
        actor=None, group=conf.event.guest_groups.get(order=4), data={}, person=conf.cokhi_chair
    )

    with pytest.raises(ValidationError) as error:
        services.guest_add(
            actor=None, group=conf.event.guest_groups.get(order=3), data={}, person=conf.cokhi_chair
        )

    assert error.value.message_dict == {
        "person": ["Nguyễn Văn Hải đã có trong danh sách khách mời của hội nghị."]
    }


def test_a_guest_needs_a_name(conf):
    with pytest.raises(ValidationError) as error:
        services.guest_add(
            actor=None, group=conf.event.guest_groups.first(), data={"position": "Phóng viên"}
        )

    assert error.value.message_dict == {"name": ["Hãy nhập họ và tên khách mời."]}


def test_a_guest_is_edited_moved_and_removed_with_the_audit_saying_so(conf):
    group = conf.event.guest_groups.get(order=2)
    first = services.guest_add(actor=None, group=group, data={"name": "Nguyễn Văn Hòa"})
    second = services.guest_add(actor=None, group=group, data={"name": "Lê Minh Đức"})

    services.guest_update(actor=None, guest=second, data={"position": "Phó Chủ tịch UBND huyện"})
    services.guest_move(actor=None, guest=second, to=1)
    services.guest_remove(actor=None, guest=first)

    assert [(g.name, g.position, g.order) for g in group.guests.order_by("order")] == [
        ("Lê Minh Đức", "Phó Chủ tịch UBND huyện", 1)
    ]
    assert actions("events.guest") == [
        "guest_add", "guest_add", "guest_update", "guest_move", "guest_remove",
    ]  # fmt: skip


# --- the grassroots chairs, from the tree ---------------------------------------------------------


def _district_units(conf) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=subtree_unit_ids(conf.al.district))


def test_filling_a_group_invites_the_chair_of_every_grassroots_union_in_the_tree(conf):
    group = conf.event.guest_groups.get(order=4)

    added = services.guests_fill_from_units(
        actor=conf.district_officer, group=group, units_query=Unit.objects.all()
    )

    # Not the vice-chair, not the district's own chair, not Kiến Thụy's union: by union name.
    assert [(g.name, g.position, g.unit_name) for g in added] == [
        ("Nguyễn Văn Hải", "Chủ tịch Công đoàn cơ sở", "Công đoàn Công ty TNHH Cơ khí An Lão"),
        ("Ngô Phương Chi", "Chủ tịch CĐCS", "Công đoàn Trường THPT An Lão"),
    ]
    assert [g.person for g in group.guests.order_by("order")] == [
        conf.cokhi_chair,
        conf.school_chair,
    ]
    assert group.guests.get(person=conf.cokhi_chair).email == "haint@example.vn"


def test_filling_from_one_union_invites_its_chair_only(conf):
    group = conf.event.guest_groups.get(order=4)

    added = services.guests_fill_from_units(
        actor=None, group=group, units_query=Unit.objects.filter(pk=conf.al.school.pk)
    )

    assert [g.person for g in added] == [conf.school_chair]


def test_filling_again_adds_only_new_chairs_and_audits_what_it_added(conf):
    group = conf.event.guest_groups.get(order=4)
    services.guests_fill_from_units(actor=None, group=group, units_query=_district_units(conf))
    new_union = make_unit("Công đoàn Trường Mầm non Quang Trung", parent=conf.al.district)
    make_person("Nguyễn Thị Hồng Thoa", unit=new_union, gender="nu", position="Chủ tịch")

    again = services.guests_fill_from_units(
        actor=None, group=group, units_query=_district_units(conf)
    )
    nothing = services.guests_fill_from_units(
        actor=None, group=group, units_query=_district_units(conf)
    )

    assert [g.name for g in again] == ["Nguyễn Thị Hồng Thoa"]
    assert nothing == []
    assert group.guests.count() == 3
    fills = AuditEntry.objects.filter(action="guests_fill").order_by("id")
    assert [entry.changes["guests"][1] for entry in fills] == [
        ["Nguyễn Văn Hải", "Ngô Phương Chi"],
        ["Nguyễn Thị Hồng Thoa"],
    ]
