"""Where the invitations of a conference stand (issue 7): the counts by answer, the list to
call (bounced or failed messages, no address, no answer some days after the invitation), every
delegate with their messages, the sent log, and how far the last sending has gone. Reads for
the invitations page, the conference page and the API; the writes are in
thidua.events.invitations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from thidua.common.models import AuditEntry
from thidua.events.enums import MessageKind, MessageStatus, Rsvp
from thidua.events.models import Event, Guest, InvitationMessage

UNANSWERED_DAYS = 3  # invited this many days ago with no answer: on the list to call
STALLED = dt.timedelta(minutes=30)  # a sending not finished by then has stopped


@dataclass(frozen=True)
class Counts:
    delegates: int
    with_email: int
    invited: int
    accepted: int
    declined: int
    substitute: int
    pending: int

    @property
    def attending(self) -> int:
        return self.accepted + self.substitute


def invitation_counts(event: Event) -> Counts:
    """How many delegates, invited, and by answer (one query)."""
    # Those who came without an invitation were not invited: counted at the door only.
    row = Guest.objects.filter(group__event=event, walk_in=False).aggregate(
        delegates=Count("pk"),
        with_email=Count("pk", filter=~Q(email="")),
        invited=Count("pk", filter=Q(invited_at__isnull=False)),
        accepted=Count("pk", filter=Q(rsvp=Rsvp.ACCEPTED)),
        declined=Count("pk", filter=Q(rsvp=Rsvp.DECLINED)),
        substitute=Count("pk", filter=Q(rsvp=Rsvp.SUBSTITUTE)),
        pending=Count("pk", filter=Q(rsvp=Rsvp.PENDING)),
    )
    return Counts(**row)


class CallReason(models.TextChoices):
    BOUNCED = "bounced", gettext_lazy("Thư bị trả lại")
    FAILED = "failed", gettext_lazy("Gửi thư không thành công")
    NO_EMAIL = "no_email", gettext_lazy("Không có thư điện tử: cần gọi điện / gửi giấy")
    UNANSWERED = "unanswered", gettext_lazy("Chưa trả lời")


@dataclass(frozen=True)
class ToCall:
    guest: Guest
    reason: CallReason
    message: InvitationMessage | None


def call_reason(
    guest: Guest, last: InvitationMessage | None, *, now: dt.datetime
) -> CallReason | None:
    """Why the staff should phone a delegate who has not answered, if they should: the last
    invitation came back or did not go, there is no address to send one to, or it went
    UNANSWERED_DAYS ago and no answer came."""
    if guest.rsvp != Rsvp.PENDING:
        return None
    if last is not None and last.status == MessageStatus.BOUNCED:
        return CallReason.BOUNCED
    if last is not None and last.status == MessageStatus.FAILED and guest.invited_at is None:
        return CallReason.FAILED
    if not guest.email:
        return CallReason.NO_EMAIL
    if guest.invited_at is not None and guest.invited_at <= now - dt.timedelta(
        days=UNANSWERED_DAYS
    ):
        return CallReason.UNANSWERED
    return None


def _invitation_messages() -> Prefetch[Any]:
    return Prefetch(
        "messages",
        InvitationMessage.objects.filter(kind=MessageKind.INVITATION).order_by("-sent_at", "-id"),
        to_attr="invitation_messages",
    )


def delegates_with_messages(event: Event) -> list[Guest]:
    """Every delegate of the conference in the plan's order (groups, then within a group),
    each with its group and `invitation_messages` (latest first)."""
    rows = (
        Guest.objects.filter(group__event=event, walk_in=False)
        .select_related("group")
        .prefetch_related(_invitation_messages())
        .order_by("-group__kind", "group__order", "group_id", "order", "id")
    )
    result = list(rows)
    for guest in result:
        guest.group.event = event
    return result


def to_call(delegates: Iterable[Guest], *, now: dt.datetime | None = None) -> list[ToCall]:
    """The list to call, from delegates_with_messages(), bounced and failed first."""
    moment = now or timezone.now()
    order = list(CallReason)
    rows = []
    for guest in delegates:
        messages = getattr(guest, "invitation_messages", [])
        last = messages[0] if messages else None
        reason = call_reason(guest, last, now=moment)
        if reason is not None:
            rows.append(ToCall(guest=guest, reason=reason, message=last))
    return sorted(rows, key=lambda row: order.index(row.reason))


def messages_log(event: Event) -> QuerySet[InvitationMessage]:
    """Every message sent (or tried) for the conference, latest first."""
    return (
        InvitationMessage.objects.filter(guest__group__event=event)
        .select_related("guest", "sent_by")
        .order_by("-sent_at", "-id")
    )


@dataclass(frozen=True)
class SendRun:
    """The last sending asked for: how far it has gone."""

    at: dt.datetime
    by: str
    total: int
    sent: int
    failed: int
    done: int
    stalled: bool

    @property
    def running(self) -> bool:
        return self.done < self.total and not self.stalled

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


def last_send_run(event: Event, *, now: dt.datetime | None = None) -> SendRun | None:
    """The last sending of invitations (from its audit entry) and its progress: the delegates
    it named who have a message since, or were invited since by another sending."""
    entry = (
        AuditEntry.objects.filter(
            action="invitations_send", object_type="events.event", object_id=str(event.pk)
        )
        .select_related("actor")
        .order_by("-at", "-id")
        .first()
    )
    if entry is None:
        return None
    ids = list((entry.changes.get("ids") or [None, []])[1] or [])
    if not ids:
        return None
    messages = InvitationMessage.objects.filter(
        guest_id__in=ids, kind=MessageKind.INVITATION, sent_at__gte=entry.at
    )
    sent = set(messages.filter(status=MessageStatus.SENT).values_list("guest_id", flat=True))
    failed = set(messages.filter(status=MessageStatus.FAILED).values_list("guest_id", flat=True))
    invited = set(
        Guest.objects.filter(pk__in=ids, invited_at__gte=entry.at).values_list("pk", flat=True)
    )
    gone = len(ids) - Guest.objects.filter(pk__in=ids).count()
    done = min(len(ids), len(sent | failed | invited) + gone)
    moment = now or timezone.now()
    return SendRun(
        at=entry.at,
        by=str(entry.actor) if entry.actor else "",
        total=len(ids),
        sent=len(sent),
        failed=len(failed - sent),
        done=done,
        stalled=done < len(ids) and moment - entry.at > STALLED,
    )
