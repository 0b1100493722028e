"""On a phone: the job page's progress bar moves while the job runs, then shows its error and
the retry button; the jobs list fits the screen."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from tests.factories import make_unit, make_user
from thidua.jobs.enums import JobKind, JobStatus
from thidua.jobs.models import Job

pytestmark = pytest.mark.browser


def test_the_job_page_shows_progress_as_the_work_goes_on(live_server, transactional_db, page):
    page.set_viewport_size({"width": 390, "height": 844})
    union = make_unit("Công đoàn Công ty TNHH Cơ khí An Lão", code="HP-AL-001")
    official = make_user("cdcs_a", unit=union, role="grassroots")
    job = Job.objects.create(
        kind=JobKind.PERSON_EXPORT, title="Xuất danh sách người", created_by=official,
        status=JobStatus.RUNNING, total=250_000,
    )  # fmt: skip
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", "cdcs_a")
    page.fill("#id_password", "mat-khau-thu-123")
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}{reverse('web:job_detail', args=[job.pk])}")
    expect(page.get_by_text("0/250.000 dòng")).to_be_visible()
    Job.objects.filter(pk=job.pk).update(done=125_000, message="Đang ghi tệp Excel")
    expect(page.get_by_text("125.000/250.000 dòng (50%)")).to_be_visible(timeout=5000)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error="Hết chỗ trên đĩa.")

    expect(page.get_by_text("Hết chỗ trên đĩa.")).to_be_visible(timeout=5000)
    expect(page.get_by_role("button", name="Chạy lại")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(f"{live_server.url}{reverse('web:job_list')}")
    expect(page.get_by_role("link", name="Xuất danh sách người")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
