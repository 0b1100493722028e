"""Sending the invitations to a conference by email, and the reminders before the day (issue
7). Sending runs in the background (thidua.events.tasks), one transaction per delegate: every
message is logged in InvitationMessage, sent or failed with the error, and a failure does not
stop the others; each delegate's row is locked while their message goes, so asking twice sends
once. Messages are composed by thidua.events.invitation_mail."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.common.audit import audit_record
from thidua.events.enums import EventStatus, MessageKind, MessageStatus, Rsvp
from thidua.events.invitations import give_links
from thidua.events.models import Event, Guest, GuestGroup, InvitationMessage
from thidua.orgs.selectors import unit_current_path

logger = logging.getLogger(__name__)
REMINDER_TRIES = 3  # a reminder refused this often (every run of the command) is given up


class Scope(models.TextChoices):
    """Whom a sending is for. Those already invited are skipped, except one delegate chosen by
    name (sent again on purpose)."""

    NOT_INVITED = "not_invited", gettext_lazy("Mọi đại biểu chưa được gửi giấy mời")
    GROUP = "group", gettext_lazy("Những người chưa được gửi trong một nhóm")
    GUEST = "guest", gettext_lazy("Một đại biểu (gửi lại nếu đã gửi)")


def _path(event: Event) -> str:
    return unit_current_path(event.organiser)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


@dataclass(frozen=True)
class SendRequest:
    """What a request to send became: who is emailed (in the background), who has no address
    (to be called, or given a printed invitation)."""

    to_email: list[Guest]
    without_email: list[Guest]


def _scope_guests(
    event: Event, scope: str, group: GuestGroup | None, guest: Guest | None
) -> list[Guest]:
    if scope == Scope.GUEST:
        if guest is None:
            raise ValidationError({"guest": _("Hãy chọn đại biểu để gửi.")})
        return [guest]
    rows = Guest.objects.filter(group__event=event, invited_at__isnull=True, walk_in=False)
    if scope == Scope.GROUP:
        if group is None:
            raise ValidationError({"group": _("Hãy chọn nhóm để gửi.")})
        rows = rows.filter(group=group)
    elif scope != Scope.NOT_INVITED:
        raise ValidationError({"scope": _("Hãy chọn gửi cho ai.")})
    return list(rows.order_by("-group__kind", "group__order", "group_id", "order", "id"))


@transaction.atomic
def invitations_send(
    *,
    actor: Any,
    event: Event,
    scope: str,
    group: GuestGroup | None = None,
    guest: Guest | None = None,
    now: dt.datetime | None = None,
) -> SendRequest:
    """Send the Giấy mời by email to the delegates in `scope` who have an address, in the
    background once this transaction commits. Everyone in scope gets their personal link (so a
    printed invitation carries it too). Asking twice sends once: those invited by then are
    skipped, unless one delegate is chosen by name.

    Side effects: the delegates' nonces, audit (invitations_send, naming who is emailed and who
    has no address), the sending task enqueued on commit (it logs every message and sets
    invited_at), and a reminder task deferred to the reminder's time when the task backend can
    defer."""
    moment = now or timezone.now()
    if event.is_closed:
        raise ValidationError(_("Hội nghị đã kết thúc: không gửi giấy mời nữa."))
    chosen = _scope_guests(event, scope, group, guest)
    if scope == Scope.GUEST and guest is not None and not guest.email:
        raise ValidationError(
            {
                "guest": _(
                    "%(name)s chưa có thư điện tử: hãy gọi điện hoặc gửi giấy mời in, hoặc "
                    "thêm thư điện tử trong danh sách khách mời."
                )
                % {"name": guest.name}
            }
        )
    given = give_links(chosen)
    request = SendRequest(
        to_email=[g for g in chosen if g.email], without_email=[g for g in chosen if not g.email]
    )
    if request.to_email or given:
        changes: dict[str, list[Any]] = {
            "scope": [None, scope],
            "guests": [None, [g.name for g in request.to_email]],
            "ids": [None, [g.pk for g in request.to_email]],
            "without_email": [None, [g.name for g in request.without_email]],
        }
        if group is not None and scope == Scope.GROUP:
            changes["group"] = [None, group.name]
        audit_record(
            actor=actor,
            action="invitations_send",
            obj=event,
            changes=changes,
            unit_path=_path(event),
        )
    if request.to_email:
        _enqueue(event, [g.pk for g in request.to_email], resend=scope == Scope.GUEST, actor=actor)
        reminders_defer(event, moment)
    return request


def _enqueue(event: Event, ids: list[int], *, resend: bool, actor: Any) -> None:
    from thidua.events.tasks import invitations_deliver_task

    actor_id = getattr(actor, "pk", None)
    event_id = event.pk
    transaction.on_commit(lambda: invitations_deliver_task.enqueue(event_id, ids, resend, actor_id))


def reminder_moment(event: Event) -> dt.datetime:
    return event.starts_at - dt.timedelta(hours=event.remind_hours)


def reminders_defer(event: Event, now: dt.datetime) -> None:
    """Where the task backend runs tasks at a set time (the database worker), queue the
    reminders for their moment; elsewhere `thidua event_reminders` (cron) sends them."""
    from django_tasks import default_task_backend

    from thidua.events.tasks import event_reminders_task

    when = reminder_moment(event)
    if not default_task_backend.supports_defer or when <= now or event.remind_hours == 0:
        return
    event_id = event.pk
    transaction.on_commit(lambda: event_reminders_task.using(run_after=when).enqueue(event_id))


RESEND_PAUSE = dt.timedelta(minutes=5)


def _still_due(guest: Guest, now: dt.datetime) -> bool:
    """What reminders_due() said, checked again on the locked row: things change between the
    query and the message (an answer, the conference closed, its start passing)."""
    event = guest.group.event
    return (
        guest.reminded_at is None
        and guest.rsvp != Rsvp.DECLINED
        and not event.is_closed
        and now < event.starts_at
    )


def _deliver_one(
    guest_id: int, *, kind: str, resend: bool, sent_by: Any, now: dt.datetime
) -> InvitationMessage | None:
    """Send one message to one delegate, if still due; log it whatever happens. The row is
    locked, so two sendings at once email a delegate once."""
    from thidua.events import invitation_mail

    with transaction.atomic():
        guest = (
            Guest.objects.select_for_update(of=("self",))
            .select_related("group__event__organiser")
            .filter(pk=guest_id)
            .first()
        )
        if guest is None or not guest.email:
            return None
        # Sent already: only when sent again on purpose, and not twice for one double click.
        if (
            kind == MessageKind.INVITATION
            and guest.invited_at is not None
            and (not resend or now - guest.invited_at < RESEND_PAUSE)
        ):
            return None
        if kind == MessageKind.REMINDER and not _still_due(guest, now):
            return None
        if not guest.rsvp_nonce:
            give_links([guest])
        error = ""
        try:
            invitation_mail.compose(guest, kind=kind).send()
        except Exception as failure:  # an SMTP refusal, a dead server, a broken template
            logger.warning("message to delegate %s failed", guest.pk, exc_info=True)
            error = f"{type(failure).__name__}: {failure}"[:2000]
        message = InvitationMessage.objects.create(
            guest=guest,
            kind=kind,
            to=guest.email,
            status=MessageStatus.FAILED if error else MessageStatus.SENT,
            error=error,
            sent_at=now,
            sent_by=_user(sent_by),
        )
        if not error:
            field = "invited_at" if kind == MessageKind.INVITATION else "reminded_at"
            setattr(guest, field, now)
            guest.save(update_fields=[field])
        return message


@dataclass(frozen=True)
class Delivered:
    sent: int
    failed: int
    skipped: int


def invitations_deliver(
    *, event_id: int, guest_ids: list[int], resend: bool = False, actor_id: int | None = None
) -> Delivered:
    """Email the invitation to each of `guest_ids`, one transaction each: a failure is logged
    and the others still go. Called by the task that invitations_send() queued.

    Side effects: an InvitationMessage per delegate emailed or failed; invited_at of those
    sent."""
    from thidua.orgs.models import User

    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    ids = list(
        Guest.objects.filter(group__event_id=event_id, pk__in=guest_ids).values_list(
            "pk", flat=True
        )
    )
    sent = failed = skipped = 0
    for guest_id in sorted(ids, key=guest_ids.index):
        message = _deliver_one(
            guest_id, kind=MessageKind.INVITATION, resend=resend, sent_by=actor, now=timezone.now()
        )
        if message is None:
            skipped += 1
        elif message.status == MessageStatus.SENT:
            sent += 1
        else:
            failed += 1
    return Delivered(sent=sent, failed=failed, skipped=skipped + len(guest_ids) - len(ids))


# --- reminders -----------------------------------------------------------------------------------


def reminders_due(*, now: dt.datetime, event: Event | None = None) -> QuerySet[Guest]:
    """Delegates to remind now: of a conference not closed and not yet begun whose reminder
    time (remind_hours before the start) has come, invited by email, who have not declined
    and were not reminded. An address refused REMINDER_TRIES times is not tried again (the
    failures are in the sent log)."""
    events = Event.objects.filter(
        status=EventStatus.PREPARING, starts_at__gt=now, remind_hours__gt=0
    )
    if event is not None:
        events = events.filter(pk=event.pk)
    # Those invited before the reminder time: an invitation sent later is its own reminder.
    invited_in_time = Q(pk__in=[])
    for e in events.only("pk", "starts_at", "remind_hours"):
        moment = reminder_moment(e)
        if moment <= now:
            invited_in_time |= Q(group__event_id=e.pk, invited_at__lt=moment)
    return (
        Guest.objects.filter(invited_in_time, reminded_at__isnull=True)
        .exclude(email="")
        .exclude(rsvp=Rsvp.DECLINED)
        .annotate(
            failures=Count(
                "messages",
                filter=Q(
                    messages__kind=MessageKind.REMINDER, messages__status=MessageStatus.FAILED
                ),
            )
        )
        .filter(failures__lt=REMINDER_TRIES)
        .order_by("group__event_id", "-group__kind", "group__order", "order", "id")
    )


def reminders_send(*, now: dt.datetime | None = None, event: Event | None = None) -> Delivered:
    """Send the reminders due (of one conference, or of all): each delegate once, however often
    this runs (cron, the deferred task, both).

    Side effects: an InvitationMessage (reminder) per delegate; reminded_at of those sent;
    audit (reminders_send) per conference with the names reminded."""
    rows = list(
        reminders_due(now=now or timezone.now(), event=event).select_related(
            "group__event__organiser"
        )
    )
    sent = failed = skipped = 0
    reminded: dict[int, tuple[Event, list[str]]] = {}
    for guest in rows:
        message = _deliver_one(
            guest.pk,
            kind=MessageKind.REMINDER,
            resend=False,
            sent_by=None,
            now=now or timezone.now(),  # a long run must not remind after the start
        )
        if message is None:
            skipped += 1
        elif message.status == MessageStatus.SENT:
            sent += 1
            reminded.setdefault(guest.group.event.pk, (guest.group.event, []))[1].append(guest.name)
        else:
            failed += 1
    for the_event, names in reminded.values():
        audit_record(
            actor=None,
            action="reminders_send",
            obj=the_event,
            changes={"guests": [None, names]},
            unit_path=_path(the_event),
        )
    return Delivered(sent=sent, failed=failed, skipped=skipped)
