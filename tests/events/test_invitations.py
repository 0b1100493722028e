"""Invitations and answers (thidua.events.invitations, invitation_sending, invitation_status) on
the An Lão conference of tests/events/conftest.py: the personal link cannot be forged, answers
once, is replaced by a new one; the staff write down answers taken by phone; the Giấy mời goes
by email with the link, the QR code and the delegate's own page, every message logged, a
failure not stopping the others, twice asked sent once; reminders go once, in time, never for a
conference already begun; the list to call holds whoever must be phoned."""

from __future__ import annotations

import datetime as dt
import io
import smtplib
from dataclasses import dataclass
from email.mime.image import MIMEImage
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone
from docx import Document

from tests.awards.conftest import VN, al  # noqa: F401  al is a fixture
from tests.events.conftest import Conference, conf  # noqa: F401  conf is a fixture
from thidua.common.models import AuditEntry
from thidua.events import services
from thidua.events.enums import MessageKind, MessageStatus, Rsvp, RsvpVia
from thidua.events.invitation_sending import (
    Scope,
    invitations_send,
    reminders_due,
    reminders_send,
)
from thidua.events.invitation_status import (
    CallReason,
    delegates_with_messages,
    invitation_counts,
    last_send_run,
    to_call,
)
from thidua.events.invitations import (
    LinkState,
    answer_errors,
    give_links,
    message_mark_bounced,
    rsvp_answer,
    rsvp_link_check,
    rsvp_link_reissue,
    rsvp_miss,
    rsvp_record,
    rsvp_throttled,
    rsvp_token,
    rsvp_url,
)
from thidua.events.models import Event, Guest, GuestGroup, InvitationMessage

STARTS = dt.datetime(2024, 7, 23, 14, 0, tzinfo=VN)
SITE = "http://127.0.0.1:8000"


@dataclass
class Delegates:
    conf: Conference
    event: Event
    leaders: GuestGroup
    chairs: GuestGroup
    son: Guest  # a district leader: email and phone
    hai: Guest  # the Cơ khí union's chair: email (from the people register)
    chi: Guest  # the school union's chair: a phone, no email


@pytest.fixture
def delegates(conf: Conference, settings: Any) -> Delegates:
    settings.SITE_URL = SITE
    cache.clear()
    groups = list(conf.event.guest_groups.order_by("order"))
    leaders, chairs = groups[0], groups[3]
    officer = conf.district_officer
    son = services.guest_add(
        actor=officer,
        group=leaders,
        data={
            "name": "Vũ Văn Sơn",
            "position": "Phó Bí thư Thường trực",
            "unit_name": "Huyện ủy An Lão",
            "email": "son.vv@anlao.gov.vn",
            "phone": "0912 345 678",
        },
    )
    hai = services.guest_add(actor=officer, group=chairs, data={}, person=conf.cokhi_chair)
    chi = services.guest_add(actor=officer, group=chairs, data={}, person=conf.school_chair)
    return Delegates(conf, conf.event, leaders, chairs, son, hai, chi)


def fresh(guest: Guest) -> Guest:
    return Guest.objects.select_related("group__event__organiser").get(pk=guest.pk)


def send_all(d: Delegates, capture: Any, **extra: Any) -> Any:
    with capture(execute=True):
        return invitations_send(
            actor=d.conf.district_officer, event=d.event, scope=Scope.NOT_INVITED, **extra
        )


# --- the link ------------------------------------------------------------------------------------


def test_a_link_leads_to_its_delegate(delegates):
    give_links([delegates.hai])

    check = rsvp_link_check(rsvp_token(delegates.hai))

    assert check.state == LinkState.VALID
    assert check.guest == delegates.hai
    assert rsvp_url(delegates.hai) == f"{SITE}/tra-loi/{rsvp_token(delegates.hai)}/"


def test_a_link_not_made_by_thidua_is_forged(delegates):
    give_links([delegates.hai])
    pk, nonce, mac = rsvp_token(delegates.hai).split(".")
    tampered = "0" if mac[0] != "0" else "1"

    assert rsvp_link_check(f"{pk}.{nonce}.{tampered}{mac[1:]}").state == LinkState.FORGED
    assert rsvp_link_check(f"{delegates.son.pk}.{nonce}.{mac}").state == LinkState.FORGED
    assert rsvp_link_check("abc").state == LinkState.FORGED
    assert rsvp_link_check(f"{pk}..{mac}").state == LinkState.FORGED
    assert rsvp_link_check(f"99999999999.{nonce}.{mac}").state == LinkState.FORGED


def test_the_link_of_a_delegate_taken_off_the_list_is_forged(delegates):
    give_links([delegates.hai])
    token = rsvp_token(delegates.hai)
    services.guest_remove(actor=delegates.conf.district_officer, guest=delegates.hai)

    assert rsvp_link_check(token).state == LinkState.FORGED


def test_a_new_link_replaces_the_old_one(delegates):
    give_links([delegates.hai])
    old = rsvp_token(delegates.hai)

    rsvp_link_reissue(actor=delegates.conf.district_officer, guest=delegates.hai)

    new = rsvp_token(fresh(delegates.hai))
    assert new != old
    assert rsvp_link_check(old).state == LinkState.REPLACED
    assert rsvp_link_check(new).state == LinkState.VALID
    entry = AuditEntry.objects.filter(action="rsvp_link_reissue").get()
    assert (entry.object_id, entry.actor) == (
        str(delegates.hai.pk),
        delegates.conf.district_officer,
    )


def test_giving_links_keeps_those_already_given(delegates):
    give_links([delegates.hai])
    token = rsvp_token(delegates.hai)

    assert give_links([fresh(delegates.hai), delegates.son]) == [delegates.son]
    assert rsvp_token(fresh(delegates.hai)) == token


def test_wrong_links_from_one_address_are_throttled(delegates):
    for _ in range(29):
        rsvp_miss("203.0.113.7")
    assert not rsvp_throttled("203.0.113.7")

    rsvp_miss("203.0.113.7")

    assert rsvp_throttled("203.0.113.7")
    assert not rsvp_throttled("203.0.113.8")


# --- the answer ----------------------------------------------------------------------------------


def test_a_substitute_is_named_with_a_position():
    assert answer_errors(Rsvp.SUBSTITUTE, "", " ") == {
        "substitute_name": "Hãy nhập họ và tên người dự thay.",
        "substitute_position": "Hãy nhập chức vụ của người dự thay.",
    }
    assert answer_errors(Rsvp.SUBSTITUTE, "Lê Văn Tùng", "Phó Chủ tịch") == {}
    assert answer_errors(Rsvp.ACCEPTED, "", "") == {}
    assert list(answer_errors(Rsvp.PENDING, "", "")) == ["answer"]


def test_the_delegate_answers_through_the_link(delegates):
    rsvp_answer(
        guest=delegates.hai,
        answer=Rsvp.SUBSTITUTE,
        substitute_name="  Lê Tiến  Tùng ",
        substitute_position="Phó Chủ tịch Công đoàn cơ sở",
        note="Bận họp Hội đồng quản trị",
    )

    hai = fresh(delegates.hai)
    assert (hai.rsvp, hai.rsvp_via, hai.rsvp_by, hai.substitute_name) == (
        Rsvp.SUBSTITUTE,
        RsvpVia.LINK,
        None,
        "Lê Tiến Tùng",
    )
    assert hai.rsvp_at is not None
    entry = AuditEntry.objects.filter(action="rsvp_answer").get()
    assert entry.actor is None
    assert entry.changes["rsvp"] == [Rsvp.PENDING, Rsvp.SUBSTITUTE]


def test_the_link_answers_once(delegates):
    rsvp_answer(guest=delegates.hai, answer=Rsvp.ACCEPTED)

    with pytest.raises(ValidationError, match="đã được trả lời \\(Tham dự\\)") as refused:
        rsvp_answer(guest=delegates.hai, answer=Rsvp.DECLINED)

    assert refused.value.code == "answered"
    assert fresh(delegates.hai).rsvp == Rsvp.ACCEPTED


def test_after_the_staff_wrote_an_answer_down_the_link_refuses_another(delegates):
    rsvp_record(actor=delegates.conf.district_officer, guest=delegates.chi, answer=Rsvp.DECLINED)

    with pytest.raises(ValidationError, match="Không tham dự"):
        rsvp_answer(guest=delegates.chi, answer=Rsvp.ACCEPTED)


def test_the_staff_change_an_answer_taken_by_phone(delegates):
    officer = delegates.conf.district_officer
    rsvp_answer(guest=delegates.hai, answer=Rsvp.DECLINED)

    rsvp_record(
        actor=officer,
        guest=delegates.hai,
        answer=Rsvp.SUBSTITUTE,
        substitute_name="Lê Tiến Tùng",
        substitute_position="Phó Chủ tịch",
    )
    rsvp_record(actor=officer, guest=delegates.hai, answer=Rsvp.ACCEPTED)

    hai = fresh(delegates.hai)
    assert (hai.rsvp, hai.rsvp_via, hai.rsvp_by) == (Rsvp.ACCEPTED, RsvpVia.STAFF, officer)
    assert (hai.substitute_name, hai.substitute_position) == ("", "")
    assert list(
        AuditEntry.objects.filter(object_id=str(hai.pk), action__startswith="rsvp_")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["rsvp_answer", "rsvp_record", "rsvp_record"]


def test_a_substitute_without_a_name_is_refused(delegates):
    with pytest.raises(ValidationError) as refused:
        rsvp_answer(guest=delegates.hai, answer=Rsvp.SUBSTITUTE, substitute_position="Phó")

    assert refused.value.message_dict == {"substitute_name": ["Hãy nhập họ và tên người dự thay."]}
    assert fresh(delegates.hai).rsvp == Rsvp.PENDING


def test_a_closed_conference_takes_no_answers_nor_new_links(delegates):
    officer = delegates.conf.district_officer
    services.event_close(actor=officer, event=delegates.event)
    hai = fresh(delegates.hai)

    with pytest.raises(ValidationError, match="Hội nghị đã kết thúc"):
        rsvp_answer(guest=hai, answer=Rsvp.ACCEPTED)
    with pytest.raises(ValidationError, match="mở lại hội nghị"):
        rsvp_record(actor=officer, guest=hai, answer=Rsvp.ACCEPTED)
    with pytest.raises(ValidationError, match="không cấp lại đường dẫn"):
        rsvp_link_reissue(actor=officer, guest=hai)
    with pytest.raises(ValidationError, match="không gửi giấy mời"):
        invitations_send(actor=officer, event=hai.group.event, scope=Scope.NOT_INVITED)


# --- sending -------------------------------------------------------------------------------------


def test_each_delegate_with_an_address_gets_the_invitation(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    sent = send_all(delegates, django_capture_on_commit_callbacks)

    assert sent.to_email == [delegates.son, delegates.hai]
    assert sent.without_email == [delegates.chi]
    assert sorted(m.to[0] for m in mailoutbox) == ["haint@example.vn", "son.vv@anlao.gov.vn"]
    message = next(m for m in mailoutbox if m.to == ["haint@example.vn"])
    hai = fresh(delegates.hai)
    assert message.subject == f"Giấy mời: {delegates.event.title}"
    assert message.from_email == "thidua <no-reply@localhost>"
    link = f"{SITE}/tra-loi/{rsvp_token(hai)}/"
    for body in (message.body, message.alternatives[0][0]):
        assert "Ông/Bà Nguyễn Văn Hải" in body
        assert "Liên đoàn Lao động huyện An Lão trân trọng kính mời Ông/Bà tới dự" in body
        assert "14 giờ 00, thứ ba, ngày 23 tháng 7 năm 2024" in body
        assert "Hội trường Huyện ủy" in body
        assert link in body
        assert hai.checkin_code in body
    assert 'src="cid:ma-qr-vao-hoi-nghi"' in message.alternatives[0][0]


def test_the_invitation_carries_the_qr_code_and_the_delegates_giay_moi(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    send_all(delegates, django_capture_on_commit_callbacks)

    message = next(m for m in mailoutbox if m.to == ["haint@example.vn"])
    hai = fresh(delegates.hai)
    image = next(a for a in message.attachments if isinstance(a, MIMEImage))
    assert image["Content-ID"] == "<ma-qr-vao-hoi-nghi>"
    assert image.get_payload(decode=True).startswith(b"\x89PNG")
    (docx,) = [a for a in message.attachments if not isinstance(a, MIMEImage)]
    filename, data, content_type = docx
    assert filename == "giay-moi-nguyen-van-hai.docx"
    assert content_type.endswith("wordprocessingml.document")
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert [t for t in texts if t.startswith("Kính gửi:")] == ["Kính gửi: Ông/Bà Nguyễn Văn Hải"]
    assert f"Mã vào hội nghị: {hai.checkin_code} (xin mang theo giấy mời này khi đến dự)" in texts
    assert f"Xác nhận tham dự: {SITE}/tra-loi/{rsvp_token(hai)}/" in texts


def test_every_message_is_logged_and_the_delegates_marked_invited(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    send_all(delegates, django_capture_on_commit_callbacks)

    log = InvitationMessage.objects.order_by("id")
    officer = delegates.conf.district_officer
    assert [(m.guest.name, m.kind, m.to, m.status, m.sent_by) for m in log] == [
        ("Vũ Văn Sơn", "invitation", "son.vv@anlao.gov.vn", "sent", officer),
        ("Nguyễn Văn Hải", "invitation", "haint@example.vn", "sent", officer),
    ]
    assert fresh(delegates.son).invited_at is not None
    assert fresh(delegates.chi).invited_at is None
    # Everyone in scope has a link, the one without email too (for a printed invitation).
    assert fresh(delegates.chi).rsvp_nonce
    entry = AuditEntry.objects.filter(action="invitations_send").get()
    assert entry.changes["guests"] == [None, ["Vũ Văn Sơn", "Nguyễn Văn Hải"]]
    assert entry.changes["without_email"] == [None, ["Ngô Phương Chi"]]


def test_sending_to_those_not_invited_twice_sends_once(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    send_all(delegates, django_capture_on_commit_callbacks)

    again = send_all(delegates, django_capture_on_commit_callbacks)

    assert again.to_email == []
    assert len(mailoutbox) == 2
    assert InvitationMessage.objects.count() == 2


def test_two_sendings_queued_before_either_ran_email_each_delegate_once(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    officer = delegates.conf.district_officer
    with django_capture_on_commit_callbacks(execute=True):
        invitations_send(actor=officer, event=delegates.event, scope=Scope.NOT_INVITED)
        invitations_send(actor=officer, event=delegates.event, scope=Scope.NOT_INVITED)

    assert len(mailoutbox) == 2


def test_one_group_only(delegates, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = invitations_send(
            actor=delegates.conf.district_officer,
            event=delegates.event,
            scope=Scope.GROUP,
            group=delegates.chairs,
        )

    assert sent.to_email == [delegates.hai]
    assert [m.to for m in mailoutbox] == [["haint@example.vn"]]


def test_one_delegate_is_sent_again_when_chosen_by_name(
    delegates, mailoutbox, django_capture_on_commit_callbacks
):
    send_all(delegates, django_capture_on_commit_callbacks)

    def send_hai_again() -> None:
        with django_capture_on_commit_callbacks(execute=True):
            invitations_send(
                actor=delegates.conf.district_officer,
                event=delegates.event,
                scope=Scope.GUEST,
                guest=fresh(delegates.hai),
            )

    send_hai_again()  # a double click: the invitation just went
    assert [m.to[0] for m in mailoutbox].count("haint@example.vn") == 1
    Guest.objects.filter(pk=delegates.hai.pk).update(
        invited_at=timezone.now() - dt.timedelta(minutes=10)
    )
    send_hai_again()

    assert [m.to[0] for m in mailoutbox].count("haint@example.vn") == 2
    assert InvitationMessage.objects.filter(guest=delegates.hai).count() == 2


def test_a_delegate_without_email_is_not_sent_to_by_name(delegates):
    with pytest.raises(ValidationError, match="Ngô Phương Chi chưa có thư điện tử"):
        invitations_send(
            actor=delegates.conf.district_officer,
            event=delegates.event,
            scope=Scope.GUEST,
            guest=delegates.chi,
        )


class RefusingBackend(EmailBackend):
    """The mail server refuses one address; the others go."""

    def send_messages(self, messages: Any) -> int:
        for message in messages:
            if "son.vv" in message.to[0]:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        return super().send_messages(messages)


def test_a_refused_message_is_logged_and_the_others_still_go(
    delegates, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"

    send_all(delegates, django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["haint@example.vn"]]
    failed = InvitationMessage.objects.get(guest=delegates.son)
    assert failed.status == MessageStatus.FAILED
    assert failed.error.startswith("SMTPRecipientsRefused")
    assert "No such user" in failed.error
    assert fresh(delegates.son).invited_at is None
    assert fresh(delegates.hai).invited_at is not None
    run = last_send_run(delegates.event)
    assert (run.total, run.done, run.sent, run.failed, run.running) == (2, 2, 1, 1, False)


def test_a_sending_in_progress_shows_how_far_it_went(delegates, django_capture_on_commit_callbacks):
    # The task has not run yet (on_commit callbacks not executed).
    with django_capture_on_commit_callbacks(execute=False):
        invitations_send(
            actor=delegates.conf.district_officer, event=delegates.event, scope=Scope.NOT_INVITED
        )

    run = last_send_run(delegates.event)
    assert (run.total, run.done, run.running, run.percent) == (2, 0, True, 0)
    later = run.at + dt.timedelta(hours=1)
    assert last_send_run(delegates.event, now=later).stalled


def test_reminders_are_queued_for_their_time_where_the_backend_defers(
    delegates, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    with django_capture_on_commit_callbacks(execute=True):
        invitations_send(
            actor=delegates.conf.district_officer,
            event=delegates.event,
            scope=Scope.NOT_INVITED,
            now=dt.datetime(2024, 7, 10, 8, 0, tzinfo=VN),
        )

    queued = {r.task.name: r for r in default_task_backend.results}
    assert set(queued) == {"invitations_deliver_task", "event_reminders_task"}
    assert queued["event_reminders_task"].task.run_after == STARTS - dt.timedelta(hours=24)
    assert queued["event_reminders_task"].args == [delegates.event.pk]
    default_task_backend.clear()


# --- reminders -----------------------------------------------------------------------------------


def _invite_all(d: Delegates) -> None:
    Guest.objects.filter(group__event=d.event).update(
        invited_at=dt.datetime(2024, 7, 10, tzinfo=VN)
    )
    give_links(Guest.objects.filter(group__event=d.event))


def test_reminders_are_due_remind_hours_before_the_start(delegates):
    _invite_all(delegates)
    rsvp_answer(guest=delegates.son, answer=Rsvp.DECLINED)

    assert list(reminders_due(now=STARTS - dt.timedelta(hours=25))) == []
    # 24 hours before: the invited with an address who have not declined.
    assert list(reminders_due(now=STARTS - dt.timedelta(hours=24))) == [delegates.hai]
    assert list(reminders_due(now=STARTS)) == []  # begun: too late


def test_no_reminder_for_a_closed_conference(delegates):
    _invite_all(delegates)
    services.event_close(actor=None, event=delegates.event)

    assert list(reminders_due(now=STARTS - dt.timedelta(hours=2))) == []


def test_each_delegate_is_reminded_once(delegates, mailoutbox):
    _invite_all(delegates)
    rsvp_answer(
        guest=delegates.hai,
        answer=Rsvp.SUBSTITUTE,
        substitute_name="Lê Tiến Tùng",
        substitute_position="Phó Chủ tịch",
    )
    now = STARTS - dt.timedelta(hours=3)

    first = reminders_send(now=now)
    second = reminders_send(now=now + dt.timedelta(minutes=15))

    assert (first.sent, second.sent) == (2, 0)
    assert sorted(m.to[0] for m in mailoutbox) == ["haint@example.vn", "son.vv@anlao.gov.vn"]
    to_hai = next(m for m in mailoutbox if m.to == ["haint@example.vn"])
    assert to_hai.subject == f"Nhắc lịch: {delegates.event.title}"
    assert "Người dự thay Ông/Bà: Lê Tiến Tùng, Phó Chủ tịch." in to_hai.body
    assert "chưa xác nhận" not in to_hai.body
    to_son = next(m for m in mailoutbox if m.to == ["son.vv@anlao.gov.vn"])
    assert f"{SITE}/tra-loi/{rsvp_token(fresh(delegates.son))}/" in to_son.body
    assert fresh(delegates.hai).reminded_at == now
    assert list(
        InvitationMessage.objects.filter(kind=MessageKind.REMINDER).values_list("status", flat=True)
    ) == ["sent", "sent"]
    assert AuditEntry.objects.filter(action="reminders_send").count() == 1


def test_someone_invited_after_the_reminder_time_is_not_reminded(delegates):
    _invite_all(delegates)
    Guest.objects.filter(pk=delegates.hai.pk).update(invited_at=STARTS - dt.timedelta(hours=2))

    assert list(reminders_due(now=STARTS - dt.timedelta(hours=1))) == [delegates.son]


def test_a_reminder_is_checked_again_when_it_goes(delegates, mailoutbox):
    """Between the query and the message, Hải declined: the locked row says so."""
    from thidua.events.invitation_sending import _deliver_one

    _invite_all(delegates)
    rsvp_answer(guest=delegates.hai, answer=Rsvp.DECLINED)
    now = STARTS - dt.timedelta(hours=3)

    declined = _deliver_one(
        delegates.hai.pk, kind=MessageKind.REMINDER, resend=False, sent_by=None, now=now
    )
    begun = _deliver_one(
        delegates.son.pk, kind=MessageKind.REMINDER, resend=False, sent_by=None, now=STARTS
    )

    assert (declined, begun, mailoutbox) == (None, None, [])


def test_the_reminder_command_sends_what_is_due(delegates, mailoutbox, capsys):
    future = dt.datetime.now(tz=VN) + dt.timedelta(hours=5)
    Event.objects.filter(pk=delegates.event.pk).update(starts_at=future)
    _invite_all(delegates)

    call_command("event_reminders")
    call_command("event_reminders")

    assert len(mailoutbox) == 2
    assert capsys.readouterr().out.splitlines() == [
        "Đã gửi 2 thư nhắc lịch; 0 thư gửi không được.",
        "Đã gửi 0 thư nhắc lịch; 0 thư gửi không được.",
    ]


# --- where the invitations stand -----------------------------------------------------------------


def test_counts_follow_the_answers(delegates, mailoutbox, django_capture_on_commit_callbacks):
    send_all(delegates, django_capture_on_commit_callbacks)
    rsvp_answer(guest=fresh(delegates.hai), answer=Rsvp.ACCEPTED)
    rsvp_record(actor=None, guest=fresh(delegates.chi), answer=Rsvp.DECLINED)

    counts = invitation_counts(delegates.event)

    assert (counts.delegates, counts.with_email, counts.invited) == (3, 2, 2)
    assert (counts.accepted, counts.declined, counts.substitute, counts.pending) == (1, 1, 0, 1)


def test_the_list_to_call(delegates, mailoutbox, django_capture_on_commit_callbacks):
    officer = delegates.conf.district_officer
    extra = services.guest_add(
        actor=officer,
        group=delegates.leaders,
        data={"name": "Đặng Thị Ánh", "email": "anh@anlao.gov.vn", "phone": "0225 3871 234"},
    )
    answered = services.guest_add(
        actor=officer, group=delegates.leaders, data={"name": "Trần Văn Bình"}
    )
    rsvp_record(actor=officer, guest=answered, answer=Rsvp.ACCEPTED)
    send_all(delegates, django_capture_on_commit_callbacks)
    message_mark_bounced(actor=officer, message=InvitationMessage.objects.get(guest=delegates.son))
    InvitationMessage.objects.filter(guest=extra).update(status=MessageStatus.FAILED, error="x")
    Guest.objects.filter(pk=extra.pk).update(invited_at=None)
    now = dt.datetime.now(tz=VN)

    rows = to_call(delegates_with_messages(delegates.event), now=now)
    later = to_call(delegates_with_messages(delegates.event), now=now + dt.timedelta(days=3))

    assert [(row.guest.name, row.reason) for row in rows] == [
        ("Vũ Văn Sơn", CallReason.BOUNCED),
        ("Đặng Thị Ánh", CallReason.FAILED),
        ("Ngô Phương Chi", CallReason.NO_EMAIL),
    ]
    # Three days on, the one emailed who did not answer is called too.
    assert ("Nguyễn Văn Hải", CallReason.UNANSWERED) in [(r.guest.name, r.reason) for r in later]
    assert AuditEntry.objects.filter(action="invitation_bounced").count() == 1


def test_only_a_sent_message_can_bounce(delegates):
    message = InvitationMessage.objects.create(
        guest=delegates.son, kind=MessageKind.INVITATION, to="x@y.vn", status=MessageStatus.FAILED
    )

    with pytest.raises(ValidationError, match="Chỉ thư đã gửi"):
        message_mark_bounced(actor=None, message=message)


def test_an_address_that_keeps_refusing_reminders_is_given_up(delegates, settings, mailoutbox):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    _invite_all(delegates)
    now = STARTS - dt.timedelta(hours=3)

    tries = [reminders_send(now=now + dt.timedelta(minutes=15 * n)).failed for n in range(5)]

    assert tries == [1, 1, 1, 0, 0]  # Vũ Văn Sơn's address, three times
    assert [m.to for m in mail.outbox] == [["haint@example.vn"]]
