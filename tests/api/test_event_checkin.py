"""Check-in through the API on the An Lão conference's day (tests/events/checkin_day.py): by the
code of the invitation or the delegate's id, counted once; taking back a mark; walk-ins; the
live count; the search; a closed conference; and who may do what."""

from __future__ import annotations

import pytest

from tests.api.conftest import api_client_for
from tests.awards.conftest import al, clock  # noqa: F401  fixtures
from tests.events.checkin_day import ARRIVAL, Day, day, make_delegate  # noqa: F401  day is a fixture
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from thidua.events import services
from thidua.events.checkin import check_in
from thidua.events.models import Event, Guest


def url(event: Event, rest: str) -> str:
    return f"/api/v1/events/{event.pk}/{rest}"


def post(client, address, body):
    return client.post(address, body, format="json")


def test_checking_in_by_code_counts_once(day: Day, clock):
    clock.set(ARRIVAL)
    first = api_client_for(day.conf.district_officer)
    second = api_client_for(day.second_officer)
    code = day.lan.checkin_code.lower()

    counted = post(first, url(day.event, "checkin/"), {"code": code})
    again = post(second, url(day.event, "checkin/"), {"code": code})

    assert counted.status_code == again.status_code == 200
    assert counted.json()["counted"] is True
    assert counted.json()["message"] == "Đã ghi “Nguyễn Thị Lan” có mặt."
    delegate = counted.json()["delegate"]
    assert (delegate["id"], delegate["substitute_name"], delegate["present_by"]) == (
        day.lan.pk,
        "Trần Văn Khoa",
        "Nguyễn Thu Hà",
    )
    assert delegate["present_at"] == "2024-07-23T13:52:00+07:00"
    assert again.json()["counted"] is False
    assert again.json()["message"] == "Đã điểm danh lúc 13:52 bởi Nguyễn Thu Hà."


def test_checking_in_by_id_and_the_errors(day: Day):
    client = api_client_for(day.conf.district_officer)

    by_id = post(client, url(day.event, "checkin/"), {"guest": day.hai.pk})
    unknown = post(client, url(day.event, "checkin/"), {"code": "ZZZZZZZZZZ"})
    nothing = post(client, url(day.event, "checkin/"), {})

    assert by_id.json()["counted"] is True
    assert unknown.status_code == 404
    assert "ZZZZZZZZZZ" in unknown.json()["detail"]
    assert nothing.status_code == 400


def test_a_mistaken_mark_is_taken_back(day: Day):
    check_in(actor=day.conf.district_officer, guest=day.chi, now=ARRIVAL)
    client = api_client_for(day.conf.district_officer)

    response = post(client, url(day.event, "checkin/undo/"), {"guest": day.chi.pk})
    again = post(client, url(day.event, "checkin/undo/"), {"guest": day.chi.pk})

    assert response.status_code == 200
    assert response.json()["present_at"] is None
    assert again.status_code == 400
    assert "chưa được điểm danh" in again.json()["non_field_errors"][0]


def test_a_walk_in_is_added_into_a_guest_group(day: Day):
    client = api_client_for(day.conf.district_officer)

    added = post(
        client, url(day.event, "walk-ins/"), {"group": day.leaders.pk, "name": "Đào Văn Minh"}
    )
    honoured = post(client, url(day.event, "walk-ins/"), {"group": day.honourees.pk, "name": "X"})

    assert added.status_code == 201
    assert (added.json()["walk_in"], added.json()["group"]["id"]) == (True, day.leaders.pk)
    assert added.json()["present_at"] is not None
    assert honoured.status_code == 400 and "group" in honoured.json()


def test_the_live_count_by_group(day: Day):
    check_in(actor=day.conf.district_officer, guest=day.hai, now=ARRIVAL)

    body = api_client_for(day.conf.district_leader).get(url(day.event, "attendance/")).json()

    assert body["closed"] is False
    assert body["groups"][0]["name"] == day.honourees.name
    assert body["groups"][1]["counts"] == {
        "invited": 3, "confirmed": 1, "declined": 1, "present": 1, "walk_ins": 0,
        "present_total": 1,
    }  # fmt: skip
    assert (body["total"]["invited"], body["honourees"]["confirmed"]) == (5, 2)


def test_the_search_finds_names_without_diacritics(day: Day):
    client = api_client_for(day.conf.district_officer)

    found = client.get(url(day.event, "checkin/search/"), {"q": "nguyen van"}).json()

    assert [row["name"] for row in found] == ["Nguyễn Văn Hải"]
    assert found[0]["group"]["kind"] == "guest"


@pytest.mark.parametrize("rows", [1, 3])
def test_the_search_query_count_does_not_grow_with_rows(
    day: Day, rows, django_assert_max_num_queries
):
    for index in range(rows - 1):
        make_delegate(day.leaders, f"Nguyễn Văn Hải {index}")
    client = api_client_for(day.conf.district_officer)

    # Session, user; the funnel (eight); the units and substitutes to fold; the results.
    with django_assert_max_num_queries(12):
        found = client.get(url(day.event, "checkin/search/"), {"q": "nguyen van hai"}).json()

    assert len(found) == rows


def test_a_closed_conference_refuses_check_in(day: Day):
    services.event_close(actor=day.conf.district_officer, event=day.event)
    client = api_client_for(day.conf.district_officer)

    refused = post(client, url(day.event, "checkin/"), {"guest": day.hai.pk})

    assert refused.status_code == 400
    assert "Hội nghị đã kết thúc" in refused.json()["non_field_errors"][0]
    assert client.get(url(day.event, "attendance/")).json()["closed"] is True
    assert Guest.objects.get(pk=day.hai.pk).present_at is None


def test_another_union_gets_404_and_a_reader_403(day: Day):
    outsider = api_client_for(day.conf.other_officer)
    reader = api_client_for(day.conf.city_officer)

    for client, code in ((outsider, 404), (reader, 403)):
        assert post(client, url(day.event, "checkin/"), {"guest": day.hai.pk}).status_code == code
        assert (
            post(client, url(day.event, "walk-ins/"), {"group": day.leaders.pk}).status_code == code
        )
        assert client.get(url(day.event, "checkin/search/"), {"q": "a"}).status_code == code
    assert outsider.get(url(day.event, "attendance/")).status_code == 404
    assert reader.get(url(day.event, "attendance/")).status_code == 200
    assert Guest.objects.get(pk=day.hai.pk).present_at is None
