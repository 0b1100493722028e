"""Starting a job and running it again. Both enqueue `job_run` once the transaction commits, so
a worker never looks for a row that is not there yet (or was rolled back)."""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.audit import audit_record
from thidua.jobs.enums import JobStatus
from thidua.jobs.models import Job
from thidua.orgs.models import Unit
from thidua.orgs.selectors import unit_current_path


def _unit_path(job: Job) -> str:
    return unit_current_path(job.unit) if job.unit is not None else ""


def _enqueue(job: Job) -> None:
    from thidua.jobs.tasks import job_run

    pk = job.pk
    transaction.on_commit(lambda: job_run.enqueue(pk))


@transaction.atomic
def job_start(
    *,
    actor: Any,
    kind: str,
    title: str,
    unit: Unit | None = None,
    params: dict[str, Any] | None = None,
    source: IO[bytes] | None = None,
) -> Job:
    """Queue a job of `kind` for `actor`; `source` is the file it reads (an upload to
    import), kept with the job until it succeeds.

    Side effects: a Job row (queued), the audit entry "job_start", and `job_run` enqueued
    when the transaction commits."""
    job = Job(
        kind=kind,
        title=title[:300],
        created_by=actor if getattr(actor, "pk", None) else None,
        unit=unit,
        params=dict(params or {}),
    )
    job.full_clean(exclude=["source", "result_file"])
    if source is not None:
        job.source.save("nguon.xlsx", File(source), save=False)
    job.save()
    audit_record(
        actor=actor,
        action="job_start",
        obj=job,
        changes={"kind": [None, kind], "title": [None, job.title]},
        unit_path=_unit_path(job),
    )
    _enqueue(job)
    return job


# A job "running" this long has lost its worker (killed, restarted): it may be run again.
STUCK_AFTER = dt.timedelta(minutes=30)


def job_retryable(job: Job) -> bool:
    if job.status == JobStatus.FAILED:
        return True
    return (
        job.status == JobStatus.RUNNING
        and job.started_at is not None
        and job.started_at < timezone.now() - STUCK_AFTER
    )


@transaction.atomic
def job_retry(*, actor: Any, job: Job) -> Job:
    """Run a failed (or stuck) job again, from the start.

    Side effects: the job back to queued (error cleared, progress reset), the audit entry
    "job_retry", and `job_run` enqueued when the transaction commits. Raises ValidationError
    for a job that has not failed."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if not job_retryable(job):
        raise ValidationError(_("Chỉ chạy lại được việc bị lỗi hoặc bị treo quá 30 phút."))
    job.status = JobStatus.QUEUED
    job.error = job.traceback = job.message = ""
    job.done = 0
    job.result = {}
    job.finished_at = None
    job.save(
        update_fields=["status", "error", "traceback", "message", "done", "result", "finished_at"]
    )
    audit_record(
        actor=actor,
        action="job_retry",
        obj=job,
        changes={"attempts": [job.attempts, job.attempts + 1]},
        unit_path=_unit_path(job),
    )
    _enqueue(job)
    return job
