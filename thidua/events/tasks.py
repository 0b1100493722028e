"""Background work of a conference: emailing the invitations a staff member asked for, and the
reminders before the day. Thin: ids in, one service call out; enqueued on commit by
thidua.events.invitation_sending. Runs in a worker (`thidua db_worker`) or in-process."""

from __future__ import annotations

from django_tasks import task

from thidua.events import invitation_sending


@task()
def invitations_deliver_task(
    event_id: int, guest_ids: list[int], resend: bool = False, actor_id: int | None = None
) -> dict[str, int]:
    """Email the invitations; each message is logged, a failure does not stop the others."""
    done = invitation_sending.invitations_deliver(
        event_id=event_id, guest_ids=guest_ids, resend=resend, actor_id=actor_id
    )
    return {"sent": done.sent, "failed": done.failed, "skipped": done.skipped}


@task()
def event_reminders_task(event_id: int) -> dict[str, int]:
    """The reminders of one conference, queued for their moment where the backend can defer;
    those already reminded (by `thidua event_reminders`) are not reminded twice."""
    from thidua.events.models import Event

    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return {"sent": 0, "failed": 0, "skipped": 0}
    done = invitation_sending.reminders_send(event=event)
    return {"sent": done.sent, "failed": done.failed, "skipped": done.skipped}
