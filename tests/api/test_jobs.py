"""Background jobs over the API: the list and one job through the funnel, the file of a
finished export for its owner, and a retry of a failed job."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.api.conftest import api_client_for
from tests.spreadsheets.conftest import read_back
from thidua.common.models import AuditEntry
from thidua.jobs import services
from thidua.jobs.enums import JobKind, JobStatus
from thidua.jobs.models import Job


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def export_job(world, django_capture_on_commit_callbacks) -> Job:
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_start(
            actor=world.official_a, kind=JobKind.PERSON_EXPORT, title="Xuất danh sách người",
            unit=world.union_a, params={"sheet": "person"},
        )  # fmt: skip
    job.refresh_from_db()
    return job


def test_the_owner_follows_an_export_and_downloads_its_file(
    world, django_capture_on_commit_callbacks
):
    job = export_job(world, django_capture_on_commit_callbacks)
    api = api_client_for(world.official_a)

    listed = api.get("/api/v1/jobs/").json()
    detail = api.get(f"/api/v1/jobs/{job.pk}/").json()
    download = api.get(detail["file_url"])

    assert [row["id"] for row in listed["results"]] == [job.pk]
    assert (detail["kind"], detail["status"], detail["percent"], detail["done"]) == (
        "person_export", "done", 100, 1,
    )  # fmt: skip
    assert detail["result"] == {"rows": 1}
    rows = read_back(b"".join(download.streaming_content))
    assert [row[1] for row in rows[1:]] == [world.person_a.full_name]


def test_another_unions_official_gets_404_for_the_job_its_file_and_its_retry(
    world, django_capture_on_commit_callbacks
):
    job = export_job(world, django_capture_on_commit_callbacks)
    api = api_client_for(world.official_b)

    assert api.get("/api/v1/jobs/").json()["results"] == []
    assert api.get(f"/api/v1/jobs/{job.pk}/").status_code == 404
    assert api.get(reverse("api:job-file", args=[job.pk])).status_code == 404
    assert api.post(f"/api/v1/jobs/{job.pk}/retry/").status_code == 404


def test_a_failed_job_is_retried_through_the_api(world, django_capture_on_commit_callbacks):
    job = Job.objects.create(
        kind=JobKind.PERSON_EXPORT, title="Xuất danh sách người", created_by=world.official_a,
        params={"sheet": "person"}, status=JobStatus.FAILED, error="Hết chỗ trên đĩa", attempts=1,
    )  # fmt: skip
    api = api_client_for(world.official_a)

    with django_capture_on_commit_callbacks(execute=True):
        answer = api.post(f"/api/v1/jobs/{job.pk}/retry/")
    job.refresh_from_db()

    assert answer.status_code == 202 and answer.json()["status"] == "queued"
    assert (job.status, job.error, job.attempts) == ("done", "", 2)
    assert AuditEntry.objects.filter(action="job_retry", object_id=str(job.pk)).count() == 1


def test_a_job_that_has_not_failed_is_not_retried(world, django_capture_on_commit_callbacks):
    job = export_job(world, django_capture_on_commit_callbacks)

    answer = api_client_for(world.official_a).post(f"/api/v1/jobs/{job.pk}/retry/")

    assert answer.status_code == 400
    assert "Chỉ chạy lại được việc bị lỗi hoặc bị treo quá 30 phút." in str(answer.json())


def test_the_traceback_is_shown_to_the_technical_staff_only(world):
    job = Job.objects.create(
        kind=JobKind.PERSON_EXPORT, title="Xuất", created_by=world.official_a,
        status=JobStatus.FAILED, error="Lỗi không lường trước", traceback="Traceback: ...",
    )  # fmt: skip
    staff = world.official_a
    owner_view = api_client_for(staff).get(f"/api/v1/jobs/{job.pk}/").json()
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    staff_view = api_client_for(staff).get(f"/api/v1/jobs/{job.pk}/").json()

    assert (owner_view["error"], owner_view["traceback"]) == ("Lỗi không lường trước", "")
    assert staff_view["traceback"] == "Traceback: ..."
