"""Conference pages in the web UI, on the An Lão conference of tests/events/conftest.py: the
list and the menu, creating one from the cycle's page, the plan, the guest groups and guests,
the grassroots chairs filled from the tree; and who may do what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.conftest import client_for
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.factories import make_event
from thidua.common.models import AuditEntry
from thidua.events.models import Event, Guest


def detail(event: Event) -> str:
    return reverse("web:event_detail", args=[event.pk])


def _form(**changes: str) -> dict[str, str]:
    data = {
        "title": "",
        "starts_day": "2024-07-23",
        "starts_time": "14:00",
        "place": "Hội trường Huyện ủy",
    }
    data.update(changes)
    return data


# --- the list and the menu ------------------------------------------------------------------------


def test_the_menu_offers_conferences_to_staff_and_not_to_grassroots_officials(conf):
    staff = client_for(conf.district_officer).get(reverse("web:dashboard"))
    grassroots = client_for(conf.grassroots_official).get(reverse("web:dashboard"))

    assert "Hội nghị biểu dương" in staff.content.decode()
    assert reverse("web:event_list") in staff.content.decode()
    assert reverse("web:event_list") not in grassroots.content.decode()


def test_the_list_shows_the_conference_with_its_time_and_guests(conf):
    response = client_for(conf.city_officer).get(reverse("web:event_list"))

    text = response.content.decode()
    assert conf.event.title in text
    assert "14h00 ngày 23 tháng 7 năm 2024 · Hội trường Huyện ủy" in text
    assert "6 nhóm đại biểu" in text
    assert "Tạo hội nghị" in text  # the city officer organises the city's own


def test_the_list_of_another_union_is_empty(conf):
    response = client_for(conf.other_officer).get(reverse("web:event_list"))

    assert conf.event.title not in response.content.decode()
    assert "Tạo hội nghị" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_query_count_does_not_grow_with_rows(conf, count, django_assert_max_num_queries):
    for index in range(count - 1):
        make_event(conf.al.district, title=f"Hội nghị {index}")
    client = client_for(conf.district_officer)

    # Session, user; the scope (the user's units, their paths, predecessors in two); count; the
    # organisers they may create for (memberships, exists); the menu's memberships; the page.
    with django_assert_max_num_queries(11):
        response = client.get(reverse("web:event_list"))

    assert len(response.context["page"]) == count


# --- creating one from the cycle ------------------------------------------------------------------


def test_the_cycle_page_leads_to_a_conference_prefilled_from_the_cycle(conf):
    client = client_for(conf.district_officer)
    cycle = conf.al.cycle

    cycle_page = client.get(reverse("web:cycle_detail", args=[cycle.pk]))
    form = client.get(reverse("web:event_create") + f"?cycle={cycle.pk}")
    created = client.post(
        reverse("web:event_create"),
        _form(organiser=str(conf.al.district.pk), cycle=str(cycle.pk)),
    )

    assert f"{reverse('web:event_create')}?cycle={cycle.pk}" in cycle_page.content.decode()
    assert form.context["form"].initial["organiser"] == conf.al.district
    assert form.context["form"].initial["title"].startswith("Hội nghị biểu dương Lao động")
    event = Event.objects.latest("id")
    assert created.status_code == 302
    assert created["Location"] == detail(event)
    assert event.created_by == conf.district_officer
    assert "(trước ngày 13/7/2024)" in event.tasks


def test_the_conference_page_reads_like_the_plan(conf):
    response = client_for(conf.district_leader).get(detail(conf.event))

    text = response.content.decode()
    assert "14h00 ngày 23 tháng 7 năm 2024</strong> (thứ ba)" in text
    assert "Hội trường Huyện ủy" in text
    assert conf.al.cycle.name in text
    assert "(trước ngày 13/7/2024)" in text
    assert "Các đồng chí Chủ tịch công đoàn cơ sở;" in text
    assert 'id="event-documents"' in text
    assert "Sửa kế hoạch" not in text  # the chair reads it; the officers edit it


def test_a_missing_place_and_time_are_said_next_to_their_fields(conf):
    response = client_for(conf.district_officer).post(
        reverse("web:event_create"),
        _form(organiser=str(conf.al.district.pk), starts_time="", place=""),
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["place"] == ["Hãy nhập địa điểm tổ chức hội nghị."]
    assert form.errors["starts_time"] == ["Hãy nhập thời gian bắt đầu hội nghị (ngày và giờ)."]
    assert Event.objects.count() == 1


def test_without_a_cycle_the_title_is_asked_for(conf):
    response = client_for(conf.district_officer).post(
        reverse("web:event_create"), _form(organiser=str(conf.al.district.pk))
    )

    assert response.context["form"].errors["title"] == ["Hãy nhập tên hội nghị."]


def test_a_grassroots_official_may_not_create_a_conference(conf):
    response = client_for(conf.grassroots_official).get(reverse("web:event_create"))

    assert response.status_code == 403


def test_one_creates_only_for_ones_own_unit(conf):
    response = client_for(conf.district_officer).post(
        reverse("web:event_create"),
        _form(organiser=str(conf.al.city.pk), title="Hội nghị của thành phố"),
    )

    assert "organiser" in response.context["form"].errors
    assert Event.objects.count() == 1


# --- editing the plan -----------------------------------------------------------------------------


def test_the_officer_edits_the_plan_and_its_cycles(conf):
    client = client_for(conf.district_officer)
    url = reverse("web:event_edit", args=[conf.event.pk])

    page = client.get(url)
    response = client.post(
        url,
        _form(
            title=conf.event.title,
            starts_time="14:30",
            purposes="Biểu dương người lao động tiêu biểu.",
            tasks="Văn phòng: chuẩn bị hội trường.",
        ),
    )

    assert page.status_code == 200
    assert response.status_code == 302
    conf.event.refresh_from_db()
    assert conf.event.purposes == "Biểu dương người lao động tiêu biểu."
    assert list(conf.event.cycles.all()) == []  # no box ticked
    assert "14h30 ngày 23 tháng 7 năm 2024" in client.get(detail(conf.event)).content.decode()
    assert AuditEntry.objects.filter(action="event_update").count() == 1


def test_the_city_officer_may_not_edit_and_another_union_gets_404(conf):
    url = reverse("web:event_edit", args=[conf.event.pk])

    city = client_for(conf.city_officer).post(url, _form(title="Đổi tên"))
    other = client_for(conf.other_officer).get(detail(conf.event))

    assert city.status_code == 403
    assert other.status_code == 404


# --- guest groups and guests ----------------------------------------------------------------------


def test_groups_are_added_moved_renamed_and_removed(conf):
    client = client_for(conf.district_officer)
    event = conf.event

    client.post(reverse("web:event_group_add", args=[event.pk]), {"name": "Cựu cán bộ;"})
    added = event.guest_groups.get(name="Cựu cán bộ;")
    moved = client.post(reverse("web:event_group_move", args=[event.pk, added.pk]), {"to": "1"})
    client.post(
        reverse("web:event_group_edit", args=[event.pk, added.pk]),
        {"name": "Cựu cán bộ công đoàn;"},
    )
    last = event.guest_groups.order_by("order").last()
    client.post(reverse("web:event_group_remove", args=[event.pk, last.pk]))

    assert moved.status_code == 302
    assert moved["Location"] == f"{detail(event)}#nhom-{added.pk}"
    assert [g.name for g in event.guest_groups.order_by("order")][:2] == [
        "Cựu cán bộ công đoàn;",
        "Đại biểu Thường trực, các Ban Liên đoàn Lao động thành phố Hải Phòng;",
    ]
    assert event.guest_groups.count() == 6


def test_a_guest_is_found_in_the_people_register_and_invited(conf):
    client = client_for(conf.district_officer)
    group = conf.event.guest_groups.get(order=4)
    url = reverse("web:event_guest_add", args=[conf.event.pk, group.pk])

    search = client.get(url, {"q": "ngo phuong"})
    response = client.post(url, {"person": str(conf.school_chair.pk)})

    assert "Ngô Phương Chi, Chủ tịch CĐCS, Công đoàn Trường THPT An Lão" in search.content.decode()
    assert response.status_code == 302
    guest = group.guests.get()
    assert (guest.person, guest.unit_name) == (conf.school_chair, "Công đoàn Trường THPT An Lão")


def test_a_guest_without_a_name_is_refused_next_to_the_field(conf):
    group = conf.event.guest_groups.get(order=6)

    response = client_for(conf.district_officer).post(
        reverse("web:event_guest_add", args=[conf.event.pk, group.pk]), {"position": "Phóng viên"}
    )

    assert response.context["form"].errors["name"] == ["Hãy nhập họ và tên khách mời."]


def test_a_guest_is_edited_moved_and_removed(conf):
    client = client_for(conf.district_officer)
    event, group = conf.event, conf.event.guest_groups.get(order=6)
    for name in ("Vũ Hoàng Long", "Nguyễn Thị Mai Anh"):
        client.post(reverse("web:event_guest_add", args=[event.pk, group.pk]), {"name": name})
    first, second = group.guests.order_by("order")

    client.post(
        reverse("web:event_guest_edit", args=[event.pk, group.pk, second.pk]),
        {"name": "Nguyễn Thị Mai Anh", "position": "Phóng viên"},
    )
    client.post(reverse("web:event_guest_move", args=[event.pk, group.pk, second.pk]), {"to": "1"})
    client.post(reverse("web:event_guest_remove", args=[event.pk, group.pk, first.pk]))

    assert [(g.name, g.position) for g in group.guests.all()] == [
        ("Nguyễn Thị Mai Anh", "Phóng viên")
    ]


def test_a_group_is_filled_with_the_chairs_of_the_district_s_unions(conf):
    client = client_for(conf.district_officer)
    group = conf.event.guest_groups.get(order=4)
    url = reverse("web:event_group_fill", args=[conf.event.pk, group.pk])

    form = client.get(url)
    response = client.post(url, {"unit": f"{conf.al.district.code} – {conf.al.district.name}"})
    page = client.get(detail(conf.event))

    assert form.status_code == 200
    assert response.status_code == 302
    assert list(group.guests.values_list("name", flat=True)) == ["Nguyễn Văn Hải", "Ngô Phương Chi"]
    assert "Nguyễn Văn Hải</strong>, Chủ tịch Công đoàn cơ sở" in page.content.decode()


def test_the_chairs_of_another_district_cannot_be_filled_in(conf):
    group = conf.event.guest_groups.get(order=4)

    response = client_for(conf.district_officer).post(
        reverse("web:event_group_fill", args=[conf.event.pk, group.pk]),
        {"unit": conf.al.outsider_union.code},
    )

    assert "unit" in response.context["form"].errors
    assert not Guest.objects.exists()


def test_a_group_of_another_conference_is_404(conf):
    other = make_event(conf.al.district, title="Gặp mặt cán bộ công đoàn")
    group = other.guest_groups.first()

    response = client_for(conf.district_officer).post(
        reverse("web:event_group_remove", args=[conf.event.pk, group.pk])
    )

    assert response.status_code == 404
    assert other.guest_groups.count() == 6
