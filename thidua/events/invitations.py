"""Invitations to a conference and the answers to them (issue 7): the personal link in each
invitation, answering through it (once) or by the staff (after a phone call, as often as need
be), a new link in place of a lost one, and marking a message that came back. Sending is in
thidua.events.invitation_sending, the reads of the invitations page in
thidua.events.invitation_status.

The link: /tra-loi/<pk>.<nonce>.<mac>/. The nonce is random, given to the delegate the first
time an invitation is prepared for them and replaced when the staff issue a new link; the mac
is an HMAC of pk and nonce under the project's secret, so a link cannot be made up, and an old
link (its nonce replaced) is told apart from a forged one.

Every write is atomic and audited under the organiser's path; callers fetch the conference
through thidua.events.permissions first. Emails are composed in thidua.events.invitation_mail.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from thidua.common.audit import audit_record
from thidua.events.enums import MessageStatus, Rsvp, RsvpVia
from thidua.events.models import Event, Guest, InvitationMessage
from thidua.orgs.selectors import unit_current_path

SALT = "thidua.events.invitations.rsvp-link"
MAC_LENGTH = 24  # hex characters of the HMAC kept in the link: 96 bits
MISSES_PER_WINDOW = 30  # wrong links from one address in ten minutes: guessing, not answering
THROTTLE_SECONDS = 600
ATTENDING = frozenset({Rsvp.ACCEPTED, Rsvp.SUBSTITUTE})
ANSWERS = [Rsvp.ACCEPTED, Rsvp.DECLINED, Rsvp.SUBSTITUTE]


def _path(event: Event) -> str:
    return unit_current_path(event.organiser)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


# --- the link ------------------------------------------------------------------------------------


def _mac(pk: int, nonce: str) -> str:
    return salted_hmac(SALT, f"{pk}.{nonce}").hexdigest()[:MAC_LENGTH]


def rsvp_token(guest: Guest) -> str:
    """The delegate's part of their link; they must have been given a nonce (rsvp_link_issue)."""
    if not guest.rsvp_nonce:
        raise ValueError("the delegate has no link yet")
    return f"{guest.pk}.{guest.rsvp_nonce}.{_mac(guest.pk, guest.rsvp_nonce)}"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def rsvp_url(guest: Guest) -> str:
    """The address in the invitation where the delegate answers."""
    return _absolute(reverse("web:rsvp", args=[rsvp_token(guest)]))


def checkin_url(event: Event, guest: Guest) -> str:
    """What the QR code on the invitation carries: the check-in page of this delegate."""
    return _absolute(reverse("web:event_checkin_code", args=[event.pk, guest.checkin_code]))


class LinkState(enum.Enum):
    VALID = "valid"
    FORGED = "forged"  # not made by thidua, or its delegate is gone: 404
    REPLACED = "replaced"  # made by thidua, then a new link was issued: refused


@dataclass(frozen=True)
class LinkCheck:
    state: LinkState
    guest: Guest | None = None


def rsvp_link_check(token: str) -> LinkCheck:
    """What a link leads to: its delegate (with group, conference and organiser), or why not."""
    parts = str(token).split(".")
    if len(parts) != 3 or not parts[0].isdigit() or len(parts[0]) > 10 or not parts[1]:
        return LinkCheck(LinkState.FORGED)
    pk, nonce, mac = int(parts[0]), parts[1], parts[2]
    if not constant_time_compare(mac, _mac(pk, nonce)):
        return LinkCheck(LinkState.FORGED)
    guest = (
        Guest.objects.select_related("group__event__organiser").filter(pk=pk).first()
        if pk <= 2_147_483_647
        else None
    )
    if guest is None:
        return LinkCheck(LinkState.FORGED)
    if not guest.rsvp_nonce or not constant_time_compare(nonce, guest.rsvp_nonce):
        return LinkCheck(LinkState.REPLACED, guest)
    return LinkCheck(LinkState.VALID, guest)


def _misses_key(address: str) -> str:
    return f"thidua:rsvp-miss:{address}"


def rsvp_throttled(address: str) -> bool:
    """Whether this address tried too many wrong links lately (links cannot be guessed)."""
    return int(cache.get(_misses_key(address), 0)) >= MISSES_PER_WINDOW


def rsvp_miss(address: str) -> None:
    """Count one wrong link from this address."""
    key = _misses_key(address)
    if not cache.add(key, 1, THROTTLE_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.add(key, 1, THROTTLE_SECONDS)


def _new_nonce() -> str:
    return secrets.token_urlsafe(12)  # 16 characters, none of them a dot


def give_links(guests: Iterable[Guest]) -> list[Guest]:
    """Give a nonce to those without one; returns them."""
    given = []
    for guest in guests:
        if not guest.rsvp_nonce:
            guest.rsvp_nonce = _new_nonce()
            guest.save(update_fields=["rsvp_nonce"])
            given.append(guest)
    return given


@transaction.atomic
def rsvp_link_reissue(*, actor: Any, guest: Guest) -> Guest:
    """Give the delegate a new link (the old one was forwarded to the wrong person, or lost):
    the old link then answers "replaced by a new link". The answer already given stays.

    Side effects: the nonce, audit (rsvp_link_reissue)."""
    event = guest.group.event
    if event.is_closed:
        raise ValidationError(_("Hội nghị đã kết thúc: không cấp lại đường dẫn được."))
    had_link = bool(guest.rsvp_nonce)
    guest.rsvp_nonce = _new_nonce()
    guest.save(update_fields=["rsvp_nonce"])
    audit_record(
        actor=actor,
        action="rsvp_link_reissue",
        obj=guest,
        changes={"rsvp_link": ["cũ" if had_link else None, "mới"]},
        unit_path=_path(event),
    )
    return guest


# --- the answer ----------------------------------------------------------------------------------


def answer_errors(answer: str, substitute_name: str, substitute_position: str) -> dict[str, str]:
    """What is wrong with an answer, by field: one of the three choices, and whoever comes in
    the delegate's place named with their position."""
    errors: dict[str, str] = {}
    if answer not in ANSWERS:
        errors["answer"] = _("Hãy chọn: tham dự, không tham dự, hoặc cử người dự thay.")
    elif answer == Rsvp.SUBSTITUTE:
        if not substitute_name.strip():
            errors["substitute_name"] = _("Hãy nhập họ và tên người dự thay.")
        if not substitute_position.strip():
            errors["substitute_position"] = _("Hãy nhập chức vụ của người dự thay.")
    return errors


def _set_answer(
    guest: Guest,
    *,
    answer: str,
    via: str,
    by: Any,
    substitute_name: str,
    substitute_position: str,
    note: str,
    now: dt.datetime,
) -> dict[str, list[Any]]:
    errors = answer_errors(answer, substitute_name, substitute_position)
    if errors:
        raise ValidationError(errors)
    substitute = answer == Rsvp.SUBSTITUTE
    values = {
        "rsvp": answer,
        "substitute_name": " ".join(substitute_name.split()) if substitute else "",
        "substitute_position": " ".join(substitute_position.split()) if substitute else "",
        "rsvp_note": " ".join(note.split())[:500],
    }
    changes = {
        name: [getattr(guest, name), value]
        for name, value in {**values, "rsvp_via": via}.items()
        if getattr(guest, name) != value
    }
    for name, value in values.items():
        setattr(guest, name, value)
    guest.rsvp_via = via
    guest.rsvp_at = now
    guest.rsvp_by = _user(by)
    guest.full_clean()
    guest.save(update_fields=[*values, "rsvp_via", "rsvp_at", "rsvp_by"])
    return changes


def _locked(guest: Guest) -> Guest:
    """The delegate's row, locked while an answer is written (two answers at once: one wins)."""
    fresh = Guest.objects.select_for_update().get(pk=guest.pk)
    fresh.group = guest.group
    return fresh


@transaction.atomic
def rsvp_answer(
    *,
    guest: Guest,
    answer: str,
    substitute_name: str = "",
    substitute_position: str = "",
    note: str = "",
    nonce: str | None = None,
    now: dt.datetime | None = None,
) -> Guest:
    """The delegate answers through their link (whose `nonce` it carries): once. A second
    answer (through the link, or after the staff wrote one down) is refused; changing it is
    for the staff, by phone.

    Side effects: the answer on the delegate, audit (rsvp_answer, by nobody)."""
    event = guest.group.event
    if event.is_closed:
        raise ValidationError(_("Hội nghị đã kết thúc: không nhận trả lời nữa."))
    guest = _locked(guest)
    if nonce is not None and guest.rsvp_nonce != nonce:  # a new link came in between
        raise ValidationError(
            _("Đường dẫn đã được thay bằng đường dẫn mới; hãy dùng đường dẫn trong thư mới nhất."),
            code="replaced",
        )
    if guest.rsvp != Rsvp.PENDING:
        raise ValidationError(
            _(
                "Giấy mời này đã được trả lời (%(answer)s); không trả lời lại qua đường dẫn "
                "được. Cần thay đổi, xin liên hệ Ban Tổ chức."
            )
            % {"answer": guest.get_rsvp_display()},
            code="answered",
        )
    changes = _set_answer(
        guest,
        answer=answer,
        via=RsvpVia.LINK,
        by=None,
        substitute_name=substitute_name,
        substitute_position=substitute_position,
        note=note,
        now=now or timezone.now(),
    )
    audit_record(
        actor=None, action="rsvp_answer", obj=guest, changes=changes, unit_path=_path(event)
    )
    return guest


@transaction.atomic
def rsvp_record(
    *,
    actor: Any,
    guest: Guest,
    answer: str,
    substitute_name: str = "",
    substitute_position: str = "",
    note: str = "",
    now: dt.datetime | None = None,
) -> Guest:
    """The staff write down an answer given by phone or in person, or change one: the last
    word counts, until the conference is closed.

    Side effects: the answer on the delegate (given by the staff member), audit
    (rsvp_record)."""
    event = guest.group.event
    if event.is_closed:
        raise ValidationError(_("Hội nghị đã kết thúc: mở lại hội nghị để sửa trả lời."))
    guest = _locked(guest)
    changes = _set_answer(
        guest,
        answer=answer,
        via=RsvpVia.STAFF,
        by=actor,
        substitute_name=substitute_name,
        substitute_position=substitute_position,
        note=note,
        now=now or timezone.now(),
    )
    audit_record(
        actor=actor, action="rsvp_record", obj=guest, changes=changes, unit_path=_path(event)
    )
    return guest


# --- the sent log --------------------------------------------------------------------------------


def event_message(event: Event, pk: Any) -> InvitationMessage:
    """A message sent to a delegate of a conference the funnel let through (404 otherwise)."""
    try:
        message = InvitationMessage.objects.select_related("guest__group").get(
            guest__group__event=event, pk=int(pk)
        )
    except (InvitationMessage.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy thư.")) from None
    message.guest.group.event = event
    return message


@transaction.atomic
def message_mark_bounced(*, actor: Any, message: InvitationMessage) -> InvitationMessage:
    """The address did not take the message (the mail server sent it back): the delegate goes
    on the list to call.

    Side effects: the message's status, audit (invitation_bounced)."""
    if message.status != MessageStatus.SENT:
        raise ValidationError(_("Chỉ thư đã gửi mới đánh dấu bị trả lại được."))
    message.status = MessageStatus.BOUNCED
    message.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="invitation_bounced",
        obj=message.guest,
        changes={"message": [message.to, None], "status": [MessageStatus.SENT.value, "bounced"]},
        unit_path=_path(message.guest.group.event),
    )
    return message
