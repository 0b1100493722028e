"""Background jobs: queued on commit, claimed once, never left running, failures kept with
their error, retried on request, progress written sparingly, seen through the funnel."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import make_user
from thidua.common.models import AuditEntry
from thidua.jobs import registry, services
from thidua.jobs.enums import JobKind, JobStatus
from thidua.jobs.models import Job
from thidua.jobs.permissions import is_owner, jobs_for_user
from thidua.jobs.registry import JobRefused, Outcome, Progress
from thidua.jobs.tasks import job_run

KIND = JobKind.UNIT_EXPORT


class Handler:
    """A handler that counts its runs and fails while `broken` is set."""

    def __init__(self) -> None:
        self.runs = 0
        self.broken = False

    def __call__(self, job: Job, progress: Progress) -> Outcome:
        self.runs += 1
        progress(0, 2)
        if self.broken:
            raise RuntimeError("ổ đĩa đầy")
        progress(2)
        return Outcome(result={"rows": 2})


@pytest.fixture
def handler(monkeypatch) -> Handler:
    fake = Handler()
    monkeypatch.setitem(registry.HANDLERS, KIND, fake)
    return fake


def start(world, **extra) -> Job:
    return services.job_start(
        actor=world.official_a, kind=KIND, title="Xuất thử", unit=world.union_a, **extra
    )


def test_a_job_runs_once_its_transaction_commits(
    world, handler, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = start(world)
        queued = Job.objects.get(pk=job.pk).status

    for callback in callbacks:
        callback()
    job.refresh_from_db()

    assert queued == JobStatus.QUEUED and handler.runs == 1
    assert (job.status, job.result, job.done, job.total, job.attempts) == (
        "done",
        {"rows": 2},
        2,
        2,
        1,
    )
    assert job.started_at is not None and job.finished_at is not None


def test_starting_a_job_is_audited(world, handler, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(world)

    entry = AuditEntry.objects.get(action="job_start")
    assert (entry.actor, entry.object_id, entry.unit_path != "") == (
        world.official_a,
        str(job.pk),
        True,
    )


def test_two_deliveries_of_one_job_run_it_once(world, handler, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = start(world)

    first, second = job_run.call(job.pk), job_run.call(job.pk)

    assert (first, second, handler.runs) == ("done", "skipped", 1)


def test_a_failing_handler_leaves_the_job_failed_with_its_error(
    world, handler, django_capture_on_commit_callbacks
):
    handler.broken = True

    with django_capture_on_commit_callbacks(execute=True):
        job = start(world)
    job.refresh_from_db()

    assert job.status == JobStatus.FAILED
    assert "Lỗi không lường trước (RuntimeError)" in job.error
    assert "ổ đĩa đầy" in job.traceback and "ổ đĩa đầy" not in job.error
    assert job.finished_at is not None


def test_a_refusal_keeps_its_message_and_what_it_found(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(job: Job, progress: Progress) -> Outcome:
        raise JobRefused("Tệp có 1 lỗi.", result={"problems": [{"row": 2, "message": "Sai"}]})

    monkeypatch.setitem(registry.HANDLERS, KIND, refuse)

    with django_capture_on_commit_callbacks(execute=True):
        job = start(world)
    job.refresh_from_db()

    assert (job.status, job.error, job.traceback) == ("failed", "Tệp có 1 lỗi.", "")
    assert job.result == {"problems": [{"row": 2, "message": "Sai"}]}


def test_retry_runs_a_failed_job_again_and_succeeds_once_the_cause_is_gone(
    world, handler, django_capture_on_commit_callbacks
):
    handler.broken = True
    with django_capture_on_commit_callbacks(execute=True):
        job = start(world)
    handler.broken = False

    with django_capture_on_commit_callbacks(execute=True):
        services.job_retry(actor=world.official_a, job=job)
    job.refresh_from_db()

    assert (job.status, job.error, job.traceback, job.attempts, handler.runs) == (
        "done",
        "",
        "",
        2,
        2,
    )
    entry = AuditEntry.objects.get(action="job_retry")
    assert (entry.actor, entry.object_id) == (world.official_a, str(job.pk))


@pytest.mark.parametrize("status", [JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.DONE])
def test_only_a_failed_job_can_be_retried(world, status):
    job = Job.objects.create(kind=KIND, title="Thử", created_by=world.official_a, status=status)

    with pytest.raises(services.ValidationError):
        services.job_retry(actor=world.official_a, job=job)

    assert Job.objects.get(pk=job.pk).status == status


def test_a_job_stuck_running_for_half_an_hour_can_be_run_again(
    world, handler, django_capture_on_commit_callbacks
):
    started = timezone.now() - dt.timedelta(minutes=31)
    job = Job.objects.create(
        kind=KIND, title="Thử", created_by=world.official_a, status=JobStatus.RUNNING,
        started_at=started, attempts=1,
    )  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        services.job_retry(actor=world.official_a, job=job)
    job.refresh_from_db()

    assert (job.status, job.attempts, handler.runs) == (JobStatus.DONE, 2, 1)


def test_progress_is_written_at_most_every_half_second_and_at_the_end(world, monkeypatch):
    job = Job.objects.create(kind=KIND, title="Thử", created_by=world.official_a)
    clock = [100.0]
    monkeypatch.setattr(registry.time, "monotonic", lambda: clock[0])
    progress = Progress(job)

    progress(0, 250_000)  # the total is news: written
    for done in range(1, 250_000):
        clock[0] += 0.0001  # 25 seconds in all
        progress(done)
    progress(250_000)  # the end: written
    job.refresh_from_db()

    assert 40 < progress.writes < 60
    assert (job.done, job.total) == (250_000, 250_000)


def test_the_owner_sees_their_job_and_an_outsider_does_not(world):
    job = Job.objects.create(kind=KIND, title="Thử", created_by=world.official_a)

    assert list(jobs_for_user(world.official_a)) == [job]
    assert list(jobs_for_user(world.official_b)) == []
    assert list(jobs_for_user(make_user("ai_do"))) == []


def test_a_units_administrator_sees_its_jobs_but_only_the_owner_downloads_or_retries(world):
    job = Job.objects.create(
        kind=KIND, title="Thử", created_by=world.official_a, unit=world.union_a
    )
    superuser = make_user("sieu")
    superuser.is_superuser = True

    assert list(jobs_for_user(world.admin)) == [job]  # admin of Hải Phòng, above union A
    assert list(jobs_for_user(world.provincial_officer)) == []  # an officer reads no audit log
    assert (is_owner(world.official_a, job), is_owner(world.admin, job)) == (True, False)
    assert is_owner(superuser, job) and list(jobs_for_user(superuser)) == [job]
