"""Invitations and answers through the API, on the An Lão conference with three delegates
(tests/events/test_invitations.py): the district's officer sends (202) and writes answers down,
the city's officer reads, Kiến Thụy's officer gets 404; a delegate answers through their link
without logging in, once."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import api_client_for
from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.events.test_invitations import Delegates, delegates, fresh  # noqa: F401
from thidua.events.enums import Rsvp, RsvpVia
from thidua.events.invitations import give_links, rsvp_link_reissue, rsvp_token
from thidua.events.models import InvitationMessage


def url(d: Delegates, rest: str) -> str:
    return f"/api/v1/events/{d.event.pk}/{rest}"


def public(token: str) -> str:
    return f"/api/v1/rsvp/{token}/"


def test_the_officer_sends_and_reads_where_the_invitations_stand(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    client = api_client_for(delegates.conf.district_officer)

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url(delegates, "invitations/send/"), {"scope": "not_invited"})
    body = client.get(url(delegates, "invitations/")).json()

    assert sent.status_code == 202
    assert sent.json() == {
        "queued": 2,
        "to_email": [delegates.son.pk, delegates.hai.pk],
        "without_email": [delegates.chi.pk],
    }
    assert len(mailoutbox) == 2
    assert body["counts"] == {
        "delegates": 3, "with_email": 2, "invited": 2, "accepted": 0, "declined": 0,
        "substitute": 0, "pending": 3,
    }  # fmt: skip
    assert (body["last_send"]["total"], body["last_send"]["done"]) == (2, 2)
    assert [(r["delegate"]["name"], r["reason"]) for r in body["to_call"]] == [
        ("Ngô Phương Chi", "no_email")
    ]
    assert body["to_call"][0]["delegate"]["phone"] == "0941820351"


def test_the_sent_log_is_paginated(delegates, django_capture_on_commit_callbacks):
    client = api_client_for(delegates.conf.district_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(delegates, "invitations/send/"), {"scope": "not_invited"})

    body = client.get(url(delegates, "invitations/messages/")).json()

    assert body["count"] == 2
    assert {(m["guest_name"], m["status"]) for m in body["results"]} == {
        ("Vũ Văn Sơn", "sent"),
        ("Nguyễn Văn Hải", "sent"),
    }


def test_sending_to_a_group_names_it(delegates):
    response = api_client_for(delegates.conf.district_officer).post(
        url(delegates, "invitations/send/"), {"scope": "group"}
    )

    assert response.status_code == 400
    assert response.json() == {"group": ["Hãy chọn nhóm để gửi."]}


def test_the_officer_writes_an_answer_down(delegates):
    response = api_client_for(delegates.conf.district_officer).post(
        url(delegates, f"delegates/{delegates.chi.pk}/rsvp/"),
        {"answer": "substitute", "substitute_name": "Lê Văn Tùng", "substitute_position": "Phó"},
        format="json",
    )

    body = response.json()
    assert response.status_code == 200
    assert (body["rsvp"], body["rsvp_via"], body["substitute_name"]) == (
        "substitute",
        "staff",
        "Lê Văn Tùng",
    )
    assert body["rsvp_by"] == str(delegates.conf.district_officer)


def test_a_substitute_without_a_position_is_refused(delegates):
    response = api_client_for(delegates.conf.district_officer).post(
        url(delegates, f"delegates/{delegates.chi.pk}/rsvp/"),
        {"answer": "substitute", "substitute_name": "Lê Văn Tùng"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"substitute_position": ["Hãy nhập chức vụ của người dự thay."]}


def test_a_new_link_and_a_bounced_message(delegates):
    client = api_client_for(delegates.conf.district_officer)
    give_links([delegates.hai])
    old = rsvp_token(delegates.hai)
    message = InvitationMessage.objects.create(
        guest=delegates.hai, kind="invitation", to="haint@example.vn", status="sent"
    )

    link = client.post(url(delegates, f"delegates/{delegates.hai.pk}/rsvp-link/"))
    bounced = client.post(url(delegates, f"invitations/messages/{message.pk}/bounced/"))

    assert link.json()["rsvp_url"].endswith(f"/tra-loi/{rsvp_token(fresh(delegates.hai))}/")
    assert rsvp_token(fresh(delegates.hai)) != old
    assert bounced.json()["status"] == "bounced"


def test_a_reader_reads_and_changes_nothing(delegates, mailoutbox):
    client = api_client_for(delegates.conf.city_officer)

    assert client.get(url(delegates, "invitations/")).status_code == 200
    assert (
        client.post(url(delegates, "invitations/send/"), {"scope": "not_invited"}).status_code
        == 403
    )
    answer = client.post(
        url(delegates, f"delegates/{delegates.hai.pk}/rsvp/"), {"answer": "accepted"}
    )
    assert answer.status_code == 403
    assert mailoutbox == []


def test_another_unions_officer_finds_nothing(delegates):
    client = api_client_for(delegates.conf.other_officer)

    assert client.get(url(delegates, "invitations/")).status_code == 404
    assert client.get(url(delegates, "invitations/messages/")).status_code == 404
    assert (
        client.post(url(delegates, "invitations/send/"), {"scope": "not_invited"}).status_code
        == 404
    )
    assert client.post(url(delegates, f"delegates/{delegates.hai.pk}/rsvp/")).status_code == 404


def test_an_anonymous_client_gets_nothing_of_the_conference(delegates):
    assert APIClient().get(url(delegates, "invitations/")).status_code in {401, 403}


@pytest.mark.parametrize("count", [1, 3])
def test_the_log_query_count_does_not_grow_with_rows(
    delegates, count, django_assert_max_num_queries
):
    for _ in range(count):
        InvitationMessage.objects.create(
            guest=delegates.son, kind="invitation", to="son.vv@anlao.gov.vn", status="sent"
        )
    client = api_client_for(delegates.conf.district_officer)

    with django_assert_max_num_queries(10):
        body = client.get(url(delegates, "invitations/messages/")).json()

    assert body["count"] == count


# --- the public endpoint -------------------------------------------------------------------------


def test_a_delegate_reads_and_answers_through_their_link(delegates):
    give_links([delegates.hai])
    client = APIClient()
    token = rsvp_token(delegates.hai)

    shown = client.get(public(token)).json()
    answered = client.post(
        public(token),
        {
            "answer": "substitute",
            "substitute_name": "Lê Tiến Tùng",
            "substitute_position": "Phó Chủ tịch",
        },
        format="json",
    )
    again = client.post(public(token), {"answer": "declined"}, format="json")

    assert shown["event"]["title"] == delegates.event.title
    assert shown["when"] == "14 giờ 00, thứ ba, ngày 23 tháng 7 năm 2024"
    assert (shown["name"], shown["can_answer"], shown["checkin_code"]) == (
        "Nguyễn Văn Hải",
        True,
        None,
    )
    assert answered.status_code == 200
    assert answered.json()["checkin_code"] == fresh(delegates.hai).checkin_code
    assert answered.json()["checkin_url"].endswith(
        f"/diem-danh/ma/{fresh(delegates.hai).checkin_code}/"
    )
    assert again.status_code == 409
    assert "đã được trả lời (Cử người dự thay)" in again.json()["detail"]
    hai = fresh(delegates.hai)
    assert (hai.rsvp, hai.rsvp_via) == (Rsvp.SUBSTITUTE, RsvpVia.LINK)


def test_forged_and_replaced_links_are_refused(delegates):
    give_links([delegates.hai])
    old = rsvp_token(delegates.hai)
    pk, nonce, mac = old.split(".")
    rsvp_link_reissue(actor=None, guest=fresh(delegates.hai))
    client = APIClient()

    forged = client.post(public(f"{pk}.{nonce}.{'0' * len(mac)}"), {"answer": "accepted"})
    replaced = client.post(public(old), {"answer": "accepted"})

    assert forged.status_code == 404
    assert forged.json() == {"detail": "Đường dẫn không hợp lệ."}
    assert replaced.status_code == 410
    assert replaced.json() == {"detail": "Đường dẫn đã được thay bằng đường dẫn mới."}
    assert fresh(delegates.hai).rsvp == Rsvp.PENDING


def test_guessing_links_through_the_api_is_throttled(delegates):
    client = APIClient()
    for number in range(30):
        client.get(public(f"{number}.abc.def"))

    assert client.get(public("1.abc.def")).status_code == 429
