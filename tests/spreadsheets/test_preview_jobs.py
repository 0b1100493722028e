"""A long file is checked in the background: its upload becomes a preview job whose page, once
done, shows the preview and (to the one who uploaded it) the confirm button, which starts the
write job against the preview's fingerprint. A short file is still previewed at once."""

from __future__ import annotations

import pytest
from django.urls import resolve, reverse

from tests.conftest import client_for
from tests.spreadsheets.conftest import PERSON_HEADERS, UNIT_HEADERS, person_row, xlsx
from thidua.common.models import AuditEntry
from thidua.jobs.enums import JobKind, JobStatus
from thidua.jobs.models import Job
from thidua.orgs.models import Person, Unit
from thidua.spreadsheets import views


@pytest.fixture(autouse=True)
def _short_threshold(monkeypatch):
    monkeypatch.setattr(views, "PREVIEW_IN_REQUEST_ROWS", 2)


def unit_row(code, name):
    return [code, name, "", "Công đoàn cơ sở", "", "HP-ANLAO", "01/02/2020", "", ""]


UNITS = [unit_row(f"HP-AL-01{n}", f"Công đoàn Trường số {n}") for n in range(3)]


def upload(client, name, headers, rows, *, title, capture):
    with capture(execute=True):
        answer = client.post(reverse(f"spreadsheets:{name}"), {"file": xlsx(headers, rows, title)})
    return answer


def test_a_long_file_becomes_a_preview_job_whose_page_offers_to_confirm(
    world, django_capture_on_commit_callbacks
):
    client = client_for(world.district_officer)

    answer = upload(
        client, "unit_import", UNIT_HEADERS, UNITS, title="Đơn vị",
        capture=django_capture_on_commit_callbacks,
    )  # fmt: skip
    job = Job.objects.get()
    page = client.get(answer["Location"])

    assert answer["Location"] == reverse("web:job_detail", args=[job.pk])
    assert (job.kind, job.status, job.done, job.total) == (JobKind.IMPORT_PREVIEW, "done", 3, 3)
    assert "Thêm mới: <strong>3</strong>" in page.text
    assert "Xác nhận nhập 3 dòng" in page.text
    assert job.source  # kept for the confirmation
    assert not Unit.objects.filter(code__startswith="HP-AL-01").exists()  # a dry run
    assert AuditEntry.objects.filter(action="job_start", object_id=str(job.pk)).exists()


def test_confirming_the_preview_job_writes_the_rows_through_the_import_job(
    world, django_capture_on_commit_callbacks
):
    client = client_for(world.district_officer)
    upload(
        client, "unit_import", UNIT_HEADERS, UNITS, title="Đơn vị",
        capture=django_capture_on_commit_callbacks,
    )  # fmt: skip
    preview = Job.objects.get()
    confirm_url = reverse("spreadsheets:preview_job_confirm", args=[preview.pk])
    fingerprint = preview.result["preview"]["fingerprint"]

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(confirm_url, {"action": "apply", "fingerprint": fingerprint})
    written = Job.objects.get(kind=JobKind.UNIT_IMPORT)
    preview.refresh_from_db()
    again = client.post(confirm_url, {"action": "apply", "fingerprint": fingerprint})
    preview_page = client.get(reverse("web:job_detail", args=[preview.pk]))

    assert answer["Location"] == reverse("web:job_detail", args=[written.pk])
    assert written.status == JobStatus.DONE and written.params["fingerprint"] == fingerprint
    assert Unit.objects.filter(code__startswith="HP-AL-01").count() == 3
    assert not preview.source and preview.result["import_job"] == written.pk
    assert again.status_code == 404  # confirmed once only
    assert "Đã xác nhận nhập tệp này." in preview_page.text
    assert "Xác nhận nhập 3 dòng" not in preview_page.text


def test_a_long_file_with_bad_rows_shows_them_and_no_confirm_button(
    world, django_capture_on_commit_callbacks
):
    client = client_for(world.official_a)
    rows = [person_row(name=f"Nguyễn Văn {n}", gender="Nam", unit="HP-AL-001") for n in "ABC"]
    rows[1] = person_row(name="Trần Thị Lỗi", gender="Không rõ", unit="HP-AL-001")

    answer = upload(
        client, "person_import", PERSON_HEADERS, rows, title="Người",
        capture=django_capture_on_commit_callbacks,
    )  # fmt: skip
    job = Job.objects.get()
    page = client.get(answer["Location"])

    assert job.status == JobStatus.DONE and not job.source
    assert "Tệp có 1 lỗi; chưa ghi gì cả" in page.text
    assert job.result["preview"]["problems"][0]["row"] == 3
    assert "Xác nhận nhập" not in page.text
    assert "Tải lên tệp đã sửa" in page.text
    assert not Person.objects.filter(full_name="Nguyễn Văn A").exists()


def test_a_short_file_is_still_previewed_in_the_request(world):
    client = client_for(world.district_officer)

    answer = client.post(
        reverse("spreadsheets:unit_import"), {"file": xlsx(UNIT_HEADERS, UNITS[:2], "Đơn vị")}
    )

    assert resolve(answer["Location"]).url_name == "import_confirm"
    assert not Job.objects.exists()
    assert "Xác nhận nhập 2 dòng" in client.get(answer["Location"]).text


def test_only_the_uploader_may_confirm_or_cancel_the_preview(
    world, django_capture_on_commit_callbacks
):
    upload(
        client_for(world.district_officer), "unit_import", UNIT_HEADERS, UNITS, title="Đơn vị",
        capture=django_capture_on_commit_callbacks,
    )  # fmt: skip
    preview = Job.objects.get()
    confirm_url = reverse("spreadsheets:preview_job_confirm", args=[preview.pk])
    fingerprint = preview.result["preview"]["fingerprint"]
    other = client_for(world.official_a)

    confirmed = other.post(confirm_url, {"action": "apply", "fingerprint": fingerprint})
    cancelled = other.post(confirm_url, {"action": "cancel"})
    preview.refresh_from_db()

    assert (confirmed.status_code, cancelled.status_code) == (404, 404)
    assert preview.source and Job.objects.count() == 1
    assert not Unit.objects.filter(code__startswith="HP-AL-01").exists()
