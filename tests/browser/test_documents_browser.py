"""On a phone: the officer prints a decision's certificates and watches the progress move
while the batch runs; anyone then checks a certificate's code without logging in."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.awards.conftest import AnLao, al  # noqa: F401
from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from tests.documents.test_decision_document import _signed
from thidua.documents import services
from thidua.documents.enums import BatchStatus, DocumentKind
from thidua.documents.models import DocumentBatch
from thidua.orgs.models import User

pytestmark = pytest.mark.browser


@pytest.fixture
def signed(transactional_db: None, al: AnLao) -> AnLao:
    al.decision = _signed(al)
    return al


def _log_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "mat-khau-thu-123")
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")


def test_the_batch_page_shows_progress_as_the_work_goes_on(live_server, signed, page):
    page.set_viewport_size({"width": 390, "height": 844})
    decision = signed.decision
    batch = DocumentBatch.objects.create(
        kind=DocumentKind.AWARD_CERTIFICATE, title="Giấy khen theo Quyết định số 01/QĐ-LĐLĐ",
        unit=decision.issuer, decision=decision, status=BatchStatus.RUNNING, total=300,
    )  # fmt: skip
    _log_in(page, live_server.url, signed.officer)

    page.goto(f"{live_server.url}{reverse('web:batch_detail', args=[batch.pk])}")
    expect(page.get_by_text("0/300 giấy")).to_be_visible()
    DocumentBatch.objects.filter(pk=batch.pk).update(done=100, stage="Đang tạo PDF")
    expect(page.get_by_text("100/300 giấy (33%)")).to_be_visible(timeout=5000)
    DocumentBatch.objects.filter(pk=batch.pk).update(
        done=300, status=BatchStatus.FAILED, error="Chuyển sang PDF quá lâu nên đã dừng."
    )

    expect(page.get_by_text("Chuyển sang PDF quá lâu nên đã dừng.")).to_be_visible(timeout=5000)
    expect(page.get_by_role("button", name="Chạy lại")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_printing_certificates_then_checking_a_code_without_logging_in(live_server, signed, page):
    page.set_viewport_size({"width": 390, "height": 844})
    decision = signed.decision
    _log_in(page, live_server.url, signed.officer)

    page.goto(f"{live_server.url}{reverse('web:decision_detail', args=[decision.pk])}")
    page.get_by_role("button", name="In giấy khen").click()
    expect(page.get_by_text("3/3 giấy (100%)")).to_be_visible(timeout=60_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")

    code = services.certificates_for_decision(actor=None, decision=decision)[0].code
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/xac-minh/")
    page.fill("#id_code", code.lower())
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.get_by_text("Giấy còn giá trị", exact=True)).to_be_visible()
    page.fill("#id_code", "GK-AAAA-BBBB")
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.get_by_text("không hợp lệ")).to_be_visible()
