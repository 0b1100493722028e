"""Honouring conferences through the API, on the An Lão conference of tests/events/conftest.py:
the district's officer organises it, the city's officer reads it, Kiến Thụy's officer gets 404."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import api_client_for
from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.factories import make_event
from thidua.events.models import Event, Guest
from thidua.orgs.models import User


def post(client, url, body=None):
    return client.post(url, body or {}, format="json")


def patch(client, url, body):
    return client.patch(url, body, format="json")


def url(event: Event, rest: str = "") -> str:
    return f"/api/v1/events/{event.pk}/{rest}"


# --- reading --------------------------------------------------------------------------------------


def test_the_list_holds_what_the_user_sees(conf):
    seen = api_client_for(conf.city_officer).get("/api/v1/events/").json()
    other = api_client_for(conf.other_officer).get("/api/v1/events/").json()

    assert seen["count"] == 1
    row = seen["results"][0]
    assert (row["title"], row["place"], row["guest_group_count"], row["guest_count"]) == (
        conf.event.title,
        "Hội trường Huyện ủy",
        6,
        0,
    )
    assert row["starts_at"] == "2024-07-23T14:00:00+07:00"
    assert [cycle["id"] for cycle in row["cycles"]] == [conf.al.cycle.pk]
    assert other["count"] == 0


def test_the_detail_holds_the_plan_and_the_guests_by_group(conf):
    response = api_client_for(conf.district_leader).get(url(conf.event))

    body = response.json()
    assert response.status_code == 200
    assert body["organiser"]["code"] == "HP-ANLAO"
    assert "(trước ngày 13/7/2024)" in body["tasks"]
    assert [group["order"] for group in body["guest_groups"]] == [1, 2, 3, 4, 5, 6]
    assert body["guest_groups"][3]["name"] == "Các đồng chí Chủ tịch công đoàn cơ sở;"
    assert body["can_manage"] is False


def test_another_union_gets_404_and_a_reader_403(conf):
    outsider = api_client_for(conf.other_officer)
    reader = api_client_for(conf.city_officer)

    assert outsider.get(url(conf.event)).status_code == 404
    assert patch(outsider, url(conf.event), {"place": "Khác"}).status_code == 404
    refused = patch(reader, url(conf.event), {"place": "Khác"})
    assert refused.status_code == 403
    assert "Chỉ cán bộ thi đua của Liên đoàn Lao động huyện An Lão" in refused.json()["detail"]


def test_anonymous_requests_are_refused(conf):
    assert APIClient().get("/api/v1/events/").status_code in {401, 403}


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_query_count_does_not_grow_with_rows(conf, django_assert_max_num_queries, rows):
    for index in range(rows - 1):
        make_event(conf.al.district, title=f"Hội nghị {index}")
    client = api_client_for(conf.district_officer)

    # Session, user; the scope (the user's units, their paths, predecessors in two); count,
    # page, its cycles.
    with django_assert_max_num_queries(9):
        response = client.get("/api/v1/events/")

    assert response.json()["count"] == rows


# --- creating and changing the plan ---------------------------------------------------------------


def test_a_conference_is_created_from_a_cycle_with_the_plan_worded(conf):
    response = post(
        api_client_for(conf.district_officer),
        "/api/v1/events/",
        {
            "organiser": conf.al.district.pk,
            "cycle": conf.al.cycle.pk,
            "starts_at": "2024-07-23T14:00:00+07:00",
            "place": "Hội trường Huyện ủy",
        },
    )

    body = response.json()
    assert response.status_code == 201
    assert body["title"].startswith("Hội nghị biểu dương Lao động sáng tạo")
    assert body["tasks"].endswith("(trước ngày 13/7/2024).")
    assert len(body["guest_groups"]) == 6
    assert body["can_manage"] is True


def test_a_conference_without_time_or_place_is_refused_in_vietnamese(conf):
    response = post(
        api_client_for(conf.district_officer),
        "/api/v1/events/",
        {"organiser": conf.al.district.pk, "title": "Gặp mặt", "place": ""},
    )

    assert response.status_code == 400
    assert response.json() == {
        "starts_at": ["Hãy nhập thời gian bắt đầu hội nghị (ngày và giờ)."],
        "place": ["Hãy nhập địa điểm tổ chức hội nghị."],
    }


def test_one_creates_only_for_ones_own_unit_and_the_cycles_one_runs(conf):
    client = api_client_for(conf.district_officer)
    body = {"starts_at": "2024-07-23T14:00:00+07:00", "place": "Hội trường", "title": "Gặp mặt"}

    union = post(client, "/api/v1/events/", {**body, "organiser": conf.al.cokhi.pk})
    unseen = post(client, "/api/v1/events/", {**body, "organiser": conf.al.other_district.pk})
    city_cycle = post(
        api_client_for(conf.city_officer),
        "/api/v1/events/",
        {**body, "organiser": conf.al.city.pk, "cycle": conf.al.cycle.pk},
    )

    assert union.status_code == 403  # seen, but not the officer's to organise for
    assert unseen.status_code == 404  # another district: not even seen
    assert city_cycle.status_code == 400
    assert "cycles" in city_cycle.json()
    assert Event.objects.count() == 1


def test_a_patch_changes_what_was_sent_and_the_cycles(conf):
    client = api_client_for(conf.district_officer)

    response = patch(client, url(conf.event), {"place": "Hội trường UBND huyện", "cycles": []})
    refused = patch(client, url(conf.event), {"starts_at": None})

    assert response.status_code == 200
    assert (response.json()["place"], response.json()["cycles"]) == ("Hội trường UBND huyện", [])
    assert refused.status_code == 400
    assert refused.json() == {"starts_at": ["Hãy nhập thời gian bắt đầu hội nghị (ngày và giờ)."]}


# --- guest groups and guests ----------------------------------------------------------------------


def test_groups_are_listed_added_moved_renamed_and_removed(conf):
    client = api_client_for(conf.district_officer)
    event = conf.event

    listed = client.get(url(event, "guest-groups/"))
    added = post(client, url(event, "guest-groups/"), {"name": "Cựu cán bộ;", "order": 1})
    group_url = url(event, f"guest-groups/{added.json()['id']}/")
    renamed = patch(client, group_url, {"name": "Cựu cán bộ công đoàn;", "order": 2})
    removed = client.delete(group_url)
    blank = post(client, url(event, "guest-groups/"), {"name": " "})

    assert len(listed.json()) == 6
    assert (added.status_code, added.json()["order"]) == (201, 1)
    assert (renamed.json()["name"], renamed.json()["order"]) == ("Cựu cán bộ công đoàn;", 2)
    assert removed.status_code == 204
    assert blank.json() == {"name": ["Hãy nhập tên nhóm khách mời."]}
    assert [g.order for g in event.guest_groups.order_by("order")] == [1, 2, 3, 4, 5, 6]


def test_guests_are_invited_from_the_register_edited_and_removed(conf):
    client = api_client_for(conf.district_officer)
    group = conf.event.guest_groups.get(order=4)
    guests_url = url(conf.event, f"guest-groups/{group.pk}/guests/")

    invited = post(client, guests_url, {"person": conf.cokhi_chair.pk})
    typed = post(client, guests_url, {"name": "Vũ Hoàng Long", "position": "Phóng viên"})
    again = post(client, guests_url, {"person": conf.cokhi_chair.pk})
    unseen = post(client, guests_url, {"person": conf.outsider_chair.pk})
    guest_url = f"{guests_url}{typed.json()['id']}/"
    edited = patch(client, guest_url, {"unit_name": "Đài Phát thanh và Truyền hình Hải Phòng"})
    moved = patch(client, guest_url, {"order": 1})
    removed = client.delete(guest_url)

    assert invited.status_code == 201
    assert invited.json()["person"] == conf.cokhi_chair.pk
    assert invited.json()["unit_name"] == "Công đoàn Công ty TNHH Cơ khí An Lão"
    assert again.json() == {
        "person": ["Nguyễn Văn Hải đã có trong danh sách khách mời của hội nghị."]
    }
    assert unseen.status_code == 404
    assert edited.json()["unit_name"] == "Đài Phát thanh và Truyền hình Hải Phòng"
    assert moved.json()["order"] == 1
    assert removed.status_code == 204
    assert list(group.guests.values_list("name", flat=True)) == ["Nguyễn Văn Hải"]


def test_a_group_is_filled_with_the_chairs_of_a_unit_in_the_tree(conf):
    client = api_client_for(conf.district_officer)
    group = conf.event.guest_groups.get(order=4)
    fill_url = url(conf.event, f"guest-groups/{group.pk}/fill/")
    root = User.objects.create_superuser("sieu", "sieu@example.vn", "mat-khau-thu-123")

    filled = post(client, fill_url, {"unit": conf.al.district.pk})
    unseen = post(client, fill_url, {"unit": conf.al.outsider_union.pk})
    outside = post(api_client_for(root), fill_url, {"unit": conf.al.outsider_union.pk})

    assert filled.status_code == 200
    assert [g["name"] for g in filled.json()["guests"]] == ["Nguyễn Văn Hải", "Ngô Phương Chi"]
    assert unseen.status_code == 404
    assert outside.status_code == 400
    assert outside.json() == {
        "unit": [
            "“Công đoàn Trung tâm Y tế Kiến Thụy” không thuộc Liên đoàn Lao động huyện An Lão."
        ]
    }
    assert group.guests.count() == 2


def test_a_reader_may_list_guests_but_not_invite(conf):
    group = conf.event.guest_groups.get(order=1)
    client = api_client_for(conf.city_officer)

    listed = client.get(url(conf.event, f"guest-groups/{group.pk}/guests/"))
    refused = post(client, url(conf.event, f"guest-groups/{group.pk}/guests/"), {"name": "A"})

    assert listed.status_code == 200
    assert refused.status_code == 403
    assert not Guest.objects.exists()


# --- schema ---------------------------------------------------------------------------------------


def test_schema_lists_the_conference_paths(db):
    paths = APIClient().get("/api/v1/openapi.json").json()["paths"]

    assert {
        "/api/v1/events/", "/api/v1/events/{id}/", "/api/v1/events/{id}/guest-groups/",
        "/api/v1/events/{id}/guest-groups/{group_pk}/",
        "/api/v1/events/{id}/guest-groups/{group_pk}/fill/",
        "/api/v1/events/{id}/guest-groups/{group_pk}/guests/",
        "/api/v1/events/{id}/guest-groups/{group_pk}/guests/{guest_pk}/",
    } <= set(paths)  # fmt: skip
