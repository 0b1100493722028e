"""The "Việc nền" pages: an import confirmed and a long export become jobs with a progress bar
that updates until they end; a failed job shows its error and runs again; a job is nobody
else's business."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import make_person
from tests.initiatives.conftest import kg, make_initiative  # noqa: F401 - kg is a fixture
from tests.spreadsheets.conftest import PERSON_HEADERS, UNIT_HEADERS, person_row, read_back, xlsx
from thidua.common.models import AuditEntry
from thidua.jobs import registry
from thidua.jobs.enums import JobKind, JobStatus
from thidua.jobs.models import Job
from thidua.orgs.models import Person, Unit
from thidua.spreadsheets import views as spreadsheet_views


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def confirm(client, name, headers, rows, *, arrange=None, title="Người"):
    """Upload, preview, (arrange what changes meanwhile), confirm; the job runs on commit."""
    uploaded = client.post(reverse(f"spreadsheets:{name}"), {"file": xlsx(headers, rows, title)})
    preview = client.get(uploaded["Location"])
    if arrange:
        arrange()
    return uploaded["Location"], preview.context["report"].fingerprint


def test_an_import_through_the_pages_becomes_a_job_that_writes_the_rows(
    world, django_capture_on_commit_callbacks
):
    client = client_for(world.district_officer)
    rows = [["HP-AL-009", "Công đoàn Trường Mầm non An Tiến", "", "Công đoàn cơ sở", "",
             "HP-ANLAO", "01/02/2020", "", ""]]  # fmt: skip
    location, fingerprint = confirm(client, "unit_import", UNIT_HEADERS, rows, title="Đơn vị")

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(location, {"action": "apply", "fingerprint": fingerprint})
    job = Job.objects.get()
    page = client.get(answer["Location"])

    assert answer["Location"] == reverse("web:job_detail", args=[job.pk])
    assert (job.kind, job.status, job.created_by, job.done, job.total) == (
        JobKind.UNIT_IMPORT, JobStatus.DONE, world.district_officer, 1, 1,
    )  # fmt: skip
    assert Unit.objects.filter(code="HP-AL-009").exists()
    assert "Đã nhập: thêm mới 1, cập nhật 0, không đổi 0." in page.text
    assert 'hx-trigger="every 1s"' not in page.text  # finished: the page stops asking


def test_an_import_whose_rows_fail_at_write_time_writes_nothing_and_lists_them(
    world, django_capture_on_commit_callbacks
):
    client = client_for(world.official_a)
    leaving = make_person("Phạm Văn Đi", unit=world.union_a)
    leaving_id = leaving.pk
    rows = [person_row(name="Nguyễn Văn Mới", gender="Nam", unit="HP-AL-001"),
            person_row(id=leaving_id, name="Phạm Văn Đi", gender="Nam", unit="HP-AL-001",
                       position="Tổ trưởng")]  # fmt: skip
    # Between the preview and the confirmation, the person of row 3 is removed.
    location, fingerprint = confirm(
        client, "person_import", PERSON_HEADERS, rows, arrange=leaving.delete
    )

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(location, {"action": "apply", "fingerprint": fingerprint})
    job = Job.objects.get()
    page = client.get(answer["Location"])

    assert job.status == JobStatus.FAILED
    assert not Person.objects.filter(full_name="Nguyễn Văn Mới").exists()
    assert "Khi ghi, tệp có 1 lỗi nên không ghi gì cả." in page.text
    assert f"Không tìm thấy người có mã {leaving_id} trong phạm vi bạn quản lý." in page.text
    assert job.result["problems"][0]["row"] == 3


def test_a_long_export_is_a_job_whose_file_holds_the_filtered_rows(
    kg, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(spreadsheet_views, "DIRECT_EXPORT_ROWS", 1)
    make_initiative(kg, title="Cải tiến bơm nước")
    make_initiative(kg, title="Máy cắt cỏ tiết kiệm điện")
    make_initiative(kg, title="Bơm tăng áp tự động")
    client = client_for(kg.official_a)
    url = reverse("spreadsheets:initiative_export") + "?q=bom"

    offer = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(url)
    job = Job.objects.get()
    page = client.get(started["Location"])
    download = client.get(reverse("web:job_file", args=[job.pk]))
    rows = read_back(b"".join(download.streaming_content))

    assert "Danh sách có 2 dòng" in offer.text and "Tạo tệp Excel" in offer.text
    assert (job.kind, job.status, job.done, job.total) == (JobKind.INITIATIVE_EXPORT, "done", 2, 2)
    assert "Tải xuống" in page.text
    assert download["Content-Disposition"].startswith("attachment")
    assert sorted(row[2] for row in rows[1:]) == ["Bơm tăng áp tự động", "Cải tiến bơm nước"]


def test_a_short_export_still_downloads_at_once(world):
    response = client_for(world.official_a).get(reverse("spreadsheets:person_export"))

    assert response["Content-Disposition"].startswith("attachment")
    assert not Job.objects.exists()


def test_the_progress_card_polls_while_the_job_runs_and_shows_how_far_it_is(world):
    job = Job.objects.create(
        kind=JobKind.PERSON_EXPORT, title="Xuất danh sách người", created_by=world.official_a,
        status=JobStatus.RUNNING, done=1_250, total=5_000,
    )  # fmt: skip
    client = client_for(world.official_a)

    fragment = client.get(reverse("web:job_detail", args=[job.pk]), headers={"HX-Request": "true"})
    Job.objects.filter(pk=job.pk).update(done=5_000, status=JobStatus.DONE)
    finished = client.get(reverse("web:job_detail", args=[job.pk]), headers={"HX-Request": "true"})

    assert fragment.text.startswith('<div id="job-progress"')
    assert 'hx-trigger="every 1s"' in fragment.text
    assert '<progress max="100" value="25">' in fragment.text
    assert "1.250/5.000 dòng" in fragment.text
    assert 'hx-trigger="every 1s"' not in finished.text
    assert '<progress max="100" value="100">' in finished.text


def test_a_failed_job_shows_its_error_and_runs_again_from_the_retry_button(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    state = {"broken": True}

    def handler(job, progress):
        if state["broken"]:
            raise OSError("hết chỗ trên đĩa")
        return registry.Outcome(result={"rows": 0})

    monkeypatch.setitem(registry.HANDLERS, JobKind.PERSON_EXPORT, handler)
    client = client_for(world.official_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("spreadsheets:person_export"))
    job = Job.objects.get()
    failed = client.get(reverse("web:job_detail", args=[job.pk]))
    state["broken"] = False

    with django_capture_on_commit_callbacks(execute=True):
        retried = client.post(reverse("web:job_retry", args=[job.pk]))
    job.refresh_from_db()

    assert "Lỗi không lường trước (OSError)" in failed.text and "Chạy lại" in failed.text
    assert "hết chỗ trên đĩa" not in failed.text  # the traceback is for the technical staff
    assert retried.status_code == 302
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)
    actions = AuditEntry.objects.filter(object_type="jobs.job").order_by("pk")
    assert list(actions.values_list("action", flat=True)) == ["job_start", "job_retry"]


def test_another_unions_official_gets_404_for_the_job_its_file_and_its_retry(world):
    job = Job.objects.create(
        kind=JobKind.PERSON_EXPORT, title="Xuất danh sách người", created_by=world.official_b,
        unit=world.union_b, status=JobStatus.FAILED,
    )  # fmt: skip
    client = client_for(world.official_a)

    assert client.get(reverse("web:job_detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("web:job_file", args=[job.pk])).status_code == 404
    assert client.post(reverse("web:job_retry", args=[job.pk])).status_code == 404
    assert "Xuất danh sách người" not in client.get(reverse("web:job_list")).text


def test_the_header_links_the_jobs_page(world):
    page = client_for(world.official_a).get(reverse("web:dashboard"))

    assert f'href="{reverse("web:job_list")}"' in page.text


@pytest.mark.parametrize("count", [1, 3])
def test_the_jobs_list_query_count_does_not_grow_with_jobs(
    world, count, django_assert_max_num_queries
):
    for number in range(count):
        Job.objects.create(
            kind=JobKind.UNIT_EXPORT, title=f"Việc {number}", created_by=world.official_a
        )
    client = client_for(world.official_a)

    with django_assert_max_num_queries(9):
        page = client.get(reverse("web:job_list"))

    assert page.text.count(reverse("web:job_detail", args=[Job.objects.first().pk])) == 1
    assert all(f"Việc {number}" in page.text for number in range(count))
