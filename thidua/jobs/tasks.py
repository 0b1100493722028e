"""Running a job: claim it, call its handler, keep the outcome. Runs in a worker
(`thidua db_worker`) in production, in-process in the demo and the tests."""

from __future__ import annotations

import logging
import traceback

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.db.models import F
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from thidua.jobs.enums import JobStatus
from thidua.jobs.models import Job
from thidua.jobs.registry import JobRefused, Outcome, Progress, handler_for

logger = logging.getLogger(__name__)


def job_claim(job_id: int) -> bool:
    """queued -> running, in one conditional UPDATE: of two deliveries of the same job (or two
    workers), exactly one gets True and does the work."""
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        started_at=timezone.now(),
        finished_at=None,
        attempts=F("attempts") + 1,
    )
    return claimed == 1


@task()
def job_run(job_id: int) -> str:
    """Run one job. Whatever the handler does, the job ends done or failed, never running."""
    if not job_claim(job_id):
        return "skipped"  # a duplicate delivery, or a job no longer queued
    job = Job.objects.select_related("created_by", "unit").get(pk=job_id)
    language = job.params.get("language") or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            _done(job, handler_for(job.kind)(job, Progress(job)))
        except JobRefused as refusal:
            _fail(job, refusal.message, result=refusal.result)
        except (Http404, PermissionDenied) as error:
            _fail(job, str(error) or _("Bạn không còn quyền làm việc này."))
        except Exception as error:
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            message = _(
                "Lỗi không lường trước (%(kind)s); đã ghi vào nhật ký máy chủ. Hãy thử chạy "
                "lại; nếu vẫn lỗi, hãy báo quản trị hệ thống."
            ) % {"kind": type(error).__name__}
            _fail(job, message, trace=traceback.format_exc())
    return job.status


def _done(job: Job, outcome: Outcome) -> None:
    # done and total again: progress written inside a transaction the handler rolled back (a
    # dry run) is gone from the row, but the job object still has it.
    fields = ["status", "result", "finished_at", "message", "done", "total"]
    if outcome.file is not None:
        with outcome.file:
            job.result_file.save(outcome.filename, File(outcome.file), save=False)
        fields.append("result_file")
    if job.source and not outcome.keep_source:
        job.source.delete(save=False)  # an imported file is not kept once it is written
        fields.append("source")
    job.status = JobStatus.DONE
    job.result = outcome.result
    job.message = ""
    job.done = max(job.done, job.total)
    job.finished_at = timezone.now()
    job.save(update_fields=fields)


def _fail(
    job: Job, message: str, *, result: dict[str, object] | None = None, trace: str = ""
) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.FAILED,
        error=message,
        traceback=trace,
        result=result or {},
        message="",
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
