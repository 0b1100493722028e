"""The conference's honourees, programme and award order through the API, on the An Lão
conference: the district's officer links the signed decision, fetches the honourees, writes
the programme and the stage; the city's officer reads; Kiến Thụy's officer gets 404."""

from __future__ import annotations

import pytest

from tests.api.conftest import api_client_for
from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.events.test_honourees import linked, signed_decision
from thidua.events import services
from thidua.events.models import AgendaItem, Event, Guest


def url(event: Event, rest: str) -> str:
    return f"/api/v1/events/{event.pk}/{rest}"


def test_the_organiser_links_the_decision_and_fetches_the_honourees(conf):
    decision = signed_decision(conf.al)
    client = api_client_for(conf.district_officer)

    offered = client.get(url(conf.event, "decisions/")).json()
    linked_body = client.post(
        url(conf.event, "decisions/"), {"link": [decision.pk]}, format="json"
    ).json()
    synced = client.post(url(conf.event, "honourees/sync/"), format="json")
    again = client.post(url(conf.event, "honourees/sync/"), format="json").json()

    assert [d["id"] for d in offered["offered"]] == [decision.pk]
    assert [d["symbol"] for d in linked_body["linked"]] == ["01/QĐ-LĐLĐ"]
    assert linked_body["linked"][0]["line_count"] == 4
    assert synced.status_code == 200
    assert sorted(synced.json()["added"]) == sorted(
        ["Bùi Văn Toàn", "Nguyễn Thị Lan", "Phạm Thị Nga", "Trần Văn Bình"]
    )
    assert again == {"added": [], "removed": [], "flagged": [], "moved": []}


def test_a_draft_or_unknown_decision_is_refused(conf):
    draft = signed_decision(conf.al, sign=False)

    response = api_client_for(conf.district_officer).post(
        url(conf.event, "decisions/"), {"link": [draft.pk]}, format="json"
    )

    assert response.status_code == 400
    assert "link" in response.json()


def test_unlinking_then_syncing_takes_the_honourees_away(conf):
    decision = linked(conf)
    client = api_client_for(conf.district_officer)

    client.post(url(conf.event, "decisions/"), {"unlink": [decision.pk]}, format="json")
    result = client.post(url(conf.event, "honourees/sync/"), format="json").json()

    assert len(result["removed"]) == 4
    assert not Guest.objects.filter(decision_line__isnull=False).exists()


def test_the_delegates_hold_both_kinds_with_award_answer_and_presence(conf):
    linked(conf)
    services.guest_add(
        actor=None,
        group=conf.event.guest_groups.get(order=1, kind="guest"),
        data={"name": "Đỗ Văn Thành"},
    )

    rows = api_client_for(conf.city_officer).get(url(conf.event, "delegates/")).json()

    kinds = {row["name"]: row["kind"] for row in rows}
    assert kinds["Đỗ Văn Thành"] == "guest"
    assert kinds["Bùi Văn Toàn"] == "honouree"
    toan = next(row for row in rows if row["name"] == "Bùi Văn Toàn")
    assert toan["award_name"] == "Giấy khen của Liên đoàn Lao động huyện An Lão"
    assert toan["group_name"] == "Lao động giỏi tiêu biểu năm 2023"
    assert (toan["rsvp"], toan["present"]) == ("pending", False)
    assert toan["citation"].startswith("Đồng chí Bùi Văn Toàn")


@pytest.mark.parametrize("count", [1, 3])
def test_the_delegates_query_count_does_not_grow_with_rows(
    conf, count, django_assert_max_num_queries
):
    group = conf.event.guest_groups.get(order=1, kind="guest")
    for index in range(count):
        services.guest_add(actor=None, group=group, data={"name": f"Khách {index}"})
    client = api_client_for(conf.city_officer)

    with django_assert_max_num_queries(12):
        rows = client.get(url(conf.event, "delegates/")).json()

    assert len(rows) == count


def test_the_citation_is_patched_and_the_name_is_not(conf):
    linked(conf)
    toan = Guest.objects.get(name="Bùi Văn Toàn")

    response = api_client_for(conf.district_officer).patch(
        url(conf.event, f"delegates/{toan.pk}/"),
        {"citation": "Lời mới.", "name": "Người khác"},
        format="json",
    )

    assert response.status_code == 200
    assert (response.json()["name"], response.json()["citation"]) == ("Bùi Văn Toàn", "Lời mới.")


def test_the_programme_is_prefilled_edited_moved_and_deleted(conf):
    client = api_client_for(conf.district_officer)

    prefilled = client.post(url(conf.event, "agenda/prefill/"), format="json")
    added = client.post(
        url(conf.event, "agenda/"), {"at": "15:55", "title": "Chụp ảnh", "order": 1}, format="json"
    )
    item = added.json()["id"]
    patched = client.patch(
        url(conf.event, f"agenda/{item}/"), {"lead": "Ban Tổ chức"}, format="json"
    )
    deleted = client.delete(url(conf.event, f"agenda/{item}/"))
    listed = client.get(url(conf.event, "agenda/")).json()

    assert prefilled.status_code == 201 and len(prefilled.json()) == 6
    assert added.json()["order"] == 1
    assert patched.json()["lead"] == "Ban Tổ chức"
    assert deleted.status_code == 204
    assert [row["at"] for row in listed][:2] == ["14:00:00", "14:15:00"]
    assert AgendaItem.objects.count() == 6


def test_the_award_order_is_read_and_its_stage_patched(conf):
    linked(conf)
    client = api_client_for(conf.district_officer)

    response = client.patch(
        url(conf.event, "award-order/"),
        {"stage_size": 2, "award_order": ["category", "name"], "presenters": ["Phạm Thị Nga"]},
        format="json",
    )

    body = response.json()
    assert response.status_code == 200
    assert (body["stage_size"], body["award_order"], body["presenters"]) == (
        2,
        ["category", "name"],
        ["Phạm Thị Nga"],
    )
    assert [len(batch["people"]) for batch in body["batches"]] == [2, 2]
    assert body["batches"][0]["people"][0]["name"] == "Trần Văn Bình"
    assert body["batches"][0]["presenter"] == "Phạm Thị Nga"
    assert body["batches"][1]["heading"].startswith("Lượt 2: Giấy khen")


def test_a_wrong_order_key_is_a_400_in_vietnamese(conf):
    response = api_client_for(conf.district_officer).patch(
        url(conf.event, "award-order/"), {"award_order": ["age"]}, format="json"
    )

    assert response.status_code == 400
    assert "không phải tiêu chí sắp xếp" in str(response.json())


def test_readers_read_and_cannot_write(conf):
    linked(conf)
    client = api_client_for(conf.city_officer)

    assert client.get(url(conf.event, "award-order/")).status_code == 200
    assert client.get(url(conf.event, "agenda/")).status_code == 200
    assert client.get(url(conf.event, "decisions/")).json()["offered"] == []
    assert client.post(url(conf.event, "honourees/sync/"), format="json").status_code == 403
    assert (
        client.patch(url(conf.event, "award-order/"), {"stage_size": 3}, format="json").status_code
        == 403
    )
    assert client.post(url(conf.event, "agenda/"), {"title": "X"}, format="json").status_code == 403


@pytest.mark.parametrize(
    ("method", "rest"),
    [
        ("get", "delegates/"),
        ("get", "decisions/"),
        ("post", "honourees/sync/"),
        ("get", "agenda/"),
        ("get", "award-order/"),
    ],
)
def test_another_district_gets_404(conf, method, rest):
    client = api_client_for(conf.other_officer)

    response = getattr(client, method)(url(conf.event, rest), format="json")

    assert response.status_code == 404


def test_schema_lists_the_honouree_programme_and_award_order_paths(db):
    from rest_framework.test import APIClient

    paths = APIClient().get("/api/v1/openapi.json").json()["paths"]

    assert {
        "/api/v1/events/{id}/delegates/", "/api/v1/events/{id}/delegates/{guest_pk}/",
        "/api/v1/events/{id}/decisions/", "/api/v1/events/{id}/honourees/sync/",
        "/api/v1/events/{id}/agenda/", "/api/v1/events/{id}/agenda/prefill/",
        "/api/v1/events/{id}/agenda/{item_pk}/", "/api/v1/events/{id}/award-order/",
    } <= set(paths)  # fmt: skip
