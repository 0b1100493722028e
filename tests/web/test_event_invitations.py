"""Invitations and answers in the web UI, on the An Lão conference with three delegates
(tests/events/test_invitations.py): the district's officer sends the Giấy mời, follows the
sending, writes down answers taken by phone, issues new links and marks bounced messages; the
city's officer reads the page; Kiến Thụy's officer does not find it; a delegate answers through
their link without logging in, once."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.conftest import client_for
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.events.test_invitations import Delegates, delegates, fresh  # noqa: F401
from thidua.common.models import AuditEntry
from thidua.events import services
from thidua.events.enums import MessageStatus, Rsvp, RsvpVia
from thidua.events.invitations import give_links, rsvp_link_reissue, rsvp_record, rsvp_token
from thidua.events.models import Guest, InvitationMessage


def page(d: Delegates) -> str:
    return reverse("web:event_invitations", args=[d.event.pk])


def send_url(d: Delegates) -> str:
    return reverse("web:event_invitations_send", args=[d.event.pk])


def link(guest: Guest) -> str:
    return reverse("web:rsvp", args=[rsvp_token(fresh(guest))])


def linked(guest: Guest) -> str:
    give_links([guest])
    return link(guest)


def counts_text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


# --- the invitations page ------------------------------------------------------------------------


def test_the_conference_page_shows_the_answers_and_leads_to_the_invitations(delegates):
    rsvp_record(actor=None, guest=delegates.chi, answer=Rsvp.DECLINED)

    response = client_for(delegates.conf.district_officer).get(
        reverse("web:event_detail", args=[delegates.event.pk])
    )

    text = counts_text(response)
    assert "Đã gửi giấy mời qua thư điện tử: 0/3 đại biểu." in text
    assert "Tham dự: 0 · Cử người dự thay: 0 · Không tham dự: 1 · Chưa trả lời: 2" in text
    assert page(delegates) in response.content.decode()
    assert "Gửi giấy mời, ghi trả lời" in text


def test_the_organisers_officer_sends_the_invitations_and_sees_them_go(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(delegates.conf.district_officer)

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(send_url(delegates), {"scope": "not_invited"})
    response = client.get(sent["Location"])

    text = counts_text(response)
    assert len(mailoutbox) == 2
    assert "Đang gửi giấy mời cho 2 đại biểu có thư điện tử" in text
    assert "1 đại biểu không có thư điện tử: cần gọi điện / gửi giấy mời in" in text
    assert "Đã gửi xong" in text and "2/2 thư" in text
    assert "Đã gửi: 2 · Không thành công: 0" in text
    # The list to call: the chair without an address, her phone a tap away.
    assert "Không có thư điện tử: cần gọi điện / gửi giấy" in text
    assert 'href="tel:0941820351"' in response.content.decode()
    # The sent log.
    assert "haint@example.vn" in text and "Đánh dấu thư bị trả lại" in text


def test_sending_again_to_those_not_invited_sends_nothing_more(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(delegates.conf.district_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(delegates), {"scope": "not_invited"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(delegates), {"scope": "not_invited"}, follow=True)

    assert len(mailoutbox) == 2
    assert "Không còn đại biểu nào có thư điện tử chưa được gửi." in counts_text(response)


def test_sending_to_a_group_needs_the_group(delegates, mailoutbox):
    response = client_for(delegates.conf.district_officer).post(
        send_url(delegates), {"scope": "group"}, follow=True
    )

    assert "Hãy chọn nhóm để gửi." in counts_text(response)
    assert mailoutbox == []


def test_the_progress_is_polled_while_a_sending_runs(delegates, django_capture_on_commit_callbacks):
    client = client_for(delegates.conf.district_officer)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(send_url(delegates), {"scope": "not_invited"})

    response = client.get(page(delegates), headers={"HX-Request": "true"})

    body = response.content.decode()
    assert body.startswith('<div id="invitations-progress" hx-get=')
    assert "Đang gửi giấy mời" in body and "0/2 thư" in body


def test_a_reader_sees_the_page_without_sending_or_links(delegates):
    give_links([delegates.hai])

    response = client_for(delegates.conf.city_officer).get(page(delegates))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Nguyễn Văn Hải" in body
    assert send_url(delegates) not in body
    assert "Ghi trả lời" not in body
    assert rsvp_token(fresh(delegates.hai)) not in body


def test_the_organisers_officer_sees_each_delegates_link(delegates):
    give_links([delegates.hai])

    response = client_for(delegates.conf.district_officer).get(page(delegates))

    assert f"http://127.0.0.1:8000{link(delegates.hai)}" in response.content.decode()


def test_another_unions_officer_finds_nothing(delegates):
    client = client_for(delegates.conf.other_officer)
    guest = delegates.hai.pk
    pk = delegates.event.pk

    assert client.get(page(delegates)).status_code == 404
    assert client.post(send_url(delegates), {"scope": "not_invited"}).status_code == 404
    assert client.get(reverse("web:event_rsvp_record", args=[pk, guest])).status_code == 404
    assert client.post(reverse("web:event_rsvp_reissue", args=[pk, guest])).status_code == 404


def test_a_reader_may_not_send_nor_answer_for_anyone(delegates, mailoutbox):
    client = client_for(delegates.conf.city_officer)
    pk = delegates.event.pk

    assert client.post(send_url(delegates), {"scope": "not_invited"}).status_code == 403
    record = reverse("web:event_rsvp_record", args=[pk, delegates.hai.pk])
    assert client.post(record, {"answer": "accepted"}).status_code == 403
    assert mailoutbox == []


def test_the_page_needs_a_login(delegates):
    response = Client().get(page(delegates))

    assert response.status_code == 302
    assert str(response["Location"]).startswith(reverse("login"))


def test_a_delegate_of_another_conference_is_not_found(delegates):
    from tests.factories import make_event

    other = make_event(delegates.conf.al.district, title="Hội nghị khác")
    url = reverse("web:event_rsvp_record", args=[other.pk, delegates.hai.pk])

    assert client_for(delegates.conf.district_officer).get(url).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_page_query_count_does_not_grow_with_delegates(
    delegates, count, django_assert_max_num_queries
):
    for index in range(count):
        guest = services.guest_add(
            actor=None,
            group=delegates.leaders,
            data={"name": f"Đại biểu {index}", "email": f"db{index}@anlao.vn"},
        )
        give_links([guest])
        InvitationMessage.objects.create(
            guest=guest, kind="invitation", to=guest.email, status=MessageStatus.SENT
        )
    client = client_for(delegates.conf.district_officer)

    # Session, user; the funnel (memberships, paths, predecessors in two, the event); the last
    # sending; can_manage (memberships, predecessors in two); the delegates with their
    # messages; the counts; the log (count, page); the menu's memberships; the form's groups.
    with django_assert_max_num_queries(18):
        response = client.get(page(delegates))

    assert len(response.context["delegates"]) == 3 + count


# --- answers written down by the staff ------------------------------------------------------------


def test_the_staff_write_down_a_substitute_taken_by_phone(delegates):
    client = client_for(delegates.conf.district_officer)
    url = reverse("web:event_rsvp_record", args=[delegates.event.pk, delegates.chi.pk])

    missing = client.post(url, {"answer": "substitute", "substitute_name": "Lê Văn Tùng"})
    response = client.post(
        url,
        {
            "answer": "substitute",
            "substitute_name": "Lê Văn Tùng",
            "substitute_position": "Phó Chủ tịch CĐCS",
            "note": "Gọi lúc 9 giờ",
        },
    )

    assert "Hãy nhập chức vụ của người dự thay." in missing.content.decode()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#dai-bieu-{delegates.chi.pk}")
    chi = fresh(delegates.chi)
    assert (chi.rsvp, chi.rsvp_via, chi.rsvp_by, chi.rsvp_note) == (
        Rsvp.SUBSTITUTE,
        RsvpVia.STAFF,
        delegates.conf.district_officer,
        "Gọi lúc 9 giờ",
    )
    after = client.get(page(delegates))
    assert "Cử người dự thay" in counts_text(after)
    assert after.context["counts"].substitute == 1


def test_the_staff_issue_a_new_link(delegates):
    old = linked(delegates.hai)
    client = client_for(delegates.conf.district_officer)

    response = client.post(
        reverse("web:event_rsvp_reissue", args=[delegates.event.pk, delegates.hai.pk]),
        follow=True,
    )

    new = link(delegates.hai)
    assert new != old
    assert "Đã cấp đường dẫn mới cho “Nguyễn Văn Hải”" in counts_text(response)
    assert Client().get(old).status_code == 410
    assert Client().get(new).status_code == 200


def test_the_staff_mark_a_message_bounced(delegates):
    message = InvitationMessage.objects.create(
        guest=delegates.son, kind="invitation", to="son.vv@anlao.gov.vn", status="sent"
    )
    client = client_for(delegates.conf.district_officer)

    response = client.post(
        reverse("web:event_message_bounced", args=[delegates.event.pk, message.pk]), follow=True
    )

    message.refresh_from_db()
    assert message.status == MessageStatus.BOUNCED
    text = counts_text(response)
    assert "Đã ghi thư gửi “Vũ Văn Sơn” bị trả lại" in text
    assert "Thư bị trả lại" in text
    assert 'href="tel:0912345678"' in response.content.decode()
    assert AuditEntry.objects.filter(action="invitation_bounced").count() == 1


def test_a_message_of_another_conference_is_not_found(delegates):
    from tests.factories import make_event

    other = make_event(delegates.conf.al.district, title="Hội nghị khác")
    message = InvitationMessage.objects.create(
        guest=delegates.son, kind="invitation", to="a@b.vn", status="sent"
    )
    url = reverse("web:event_message_bounced", args=[other.pk, message.pk])

    assert client_for(delegates.conf.district_officer).post(url).status_code == 404


# --- the public page -----------------------------------------------------------------------------


def test_the_delegate_opens_their_invitation_without_logging_in(delegates):
    response = Client().get(linked(delegates.hai))

    text = counts_text(response)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta charset="utf-8">' in response.content.decode()
    assert "Ông/Bà Nguyễn Văn Hải" in text
    assert "Chủ tịch Công đoàn cơ sở" in text
    assert delegates.event.title in text
    assert "14 giờ 00, thứ ba, ngày 23 tháng 7 năm 2024" in text
    assert "Hội trường Huyện ủy" in text
    for choice in ("Tham dự", "Không tham dự", "Cử người dự thay"):
        assert choice in text
    assert "Đăng xuất" not in text  # no menu for an anonymous visitor


def test_the_delegate_sends_a_substitute_and_sees_the_qr_code(delegates):
    client = Client()
    url = linked(delegates.hai)

    missing = client.post(url, {"answer": "substitute"})
    response = client.post(
        url,
        {
            "answer": "substitute",
            "substitute_name": "Lê Tiến Tùng",
            "substitute_position": "Phó Chủ tịch Công đoàn cơ sở",
        },
        follow=True,
    )

    assert "Hãy nhập họ và tên người dự thay." in missing.content.decode()
    text = counts_text(response)
    assert "Cảm ơn Ông/Bà đã trả lời giấy mời." in text
    assert "Người dự thay: Lê Tiến Tùng, Phó Chủ tịch Công đoàn cơ sở" in text
    assert 'src="data:image/svg+xml' in response.content.decode()
    hai = fresh(delegates.hai)
    assert f"{hai.checkin_code}" in text
    assert (hai.rsvp, hai.rsvp_via) == (Rsvp.SUBSTITUTE, RsvpVia.LINK)


def test_a_delegate_who_declines_gets_no_qr_code(delegates):
    client = Client()
    url = linked(delegates.hai)

    response = client.post(url, {"answer": "declined"}, follow=True)

    assert "Không tham dự" in counts_text(response)
    assert "data:image/svg+xml" not in response.content.decode()


def test_the_link_does_not_answer_twice(delegates):
    client = Client()
    url = linked(delegates.hai)
    client.post(url, {"answer": "accepted"})

    again = client.post(url, {"answer": "declined"})
    shown = client.get(url)

    assert again.status_code == 409
    assert "Giấy mời này đã được trả lời (Tham dự)" in counts_text(again)
    assert fresh(delegates.hai).rsvp == Rsvp.ACCEPTED
    assert "data:image/svg+xml" in shown.content.decode()  # the answer and the QR code stay
    assert 'name="answer"' not in shown.content.decode()


def test_an_answer_written_down_by_the_staff_shows_on_the_link(delegates):
    url = linked(delegates.chi)
    rsvp_record(actor=delegates.conf.district_officer, guest=delegates.chi, answer="accepted")

    response = Client().post(url, {"answer": "declined"})

    assert response.status_code == 409
    assert "Ban Tổ chức đã ghi trả lời này." in counts_text(response)


def test_a_forged_link_is_a_page_not_found_in_vietnamese(delegates):
    give_links([delegates.hai])
    pk, nonce, mac = rsvp_token(fresh(delegates.hai)).split(".")
    forged = reverse("web:rsvp", args=[f"{pk}.{nonce}.{'f' * len(mac)}"])

    response = Client().get(forged)
    posted = Client().post(forged, {"answer": "accepted"})

    assert response.status_code == 404
    assert "Đường dẫn không hợp lệ." in counts_text(response)
    assert posted.status_code == 404
    assert fresh(delegates.hai).rsvp == Rsvp.PENDING


def test_a_replaced_link_says_so(delegates):
    old = linked(delegates.hai)
    rsvp_link_reissue(actor=None, guest=fresh(delegates.hai))

    response = Client().post(old, {"answer": "accepted"})

    assert response.status_code == 410
    assert "Đường dẫn đã được thay bằng đường dẫn mới." in counts_text(response)
    assert fresh(delegates.hai).rsvp == Rsvp.PENDING


def test_guessing_links_is_throttled_but_a_genuine_link_still_answers(delegates):
    client = Client()
    good = linked(delegates.hai)
    for number in range(30):
        client.get(reverse("web:rsvp", args=[f"{number}.abc.def"]))

    guessed = client.get(reverse("web:rsvp", args=["31.abc.def"]))
    genuine = client.get(good)

    assert guessed.status_code == 429
    assert "thử lại sau 10 phút" in counts_text(guessed)
    assert genuine.status_code == 200


def test_a_closed_conference_takes_no_answer_through_the_link(delegates):
    url = linked(delegates.hai)
    services.event_close(actor=None, event=delegates.event)

    shown = Client().get(url)
    posted = Client().post(url, {"answer": "accepted"})

    assert "Hội nghị đã kết thúc; không nhận trả lời nữa." in counts_text(shown)
    assert posted.status_code == 409
    assert fresh(delegates.hai).rsvp == Rsvp.PENDING


def test_answers_through_links_change_the_counts(delegates):
    Client().post(linked(delegates.hai), {"answer": "accepted"})
    Client().post(linked(delegates.son), {"answer": "declined"})

    response = client_for(delegates.conf.district_officer).get(page(delegates))

    counts = response.context["counts"]
    assert (counts.accepted, counts.declined, counts.pending) == (1, 1, 1)
