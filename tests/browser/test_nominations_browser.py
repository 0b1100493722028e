"""A grassroots official, on a phone, puts a worker forward as “Lao động giỏi tiêu biểu”:
opens the cycle, fills the nomination, attaches the three required papers and submits it
before the deadline, in a real browser."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.awards.conftest import BEFORE, PDF, AnLao, al, clock  # noqa: F401 (fixtures)
from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from thidua.awards.enums import NominationStatus
from thidua.awards.models import Nomination

pytestmark = pytest.mark.browser


def _log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-thu-123")
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")


def test_an_official_nominates_attaches_and_submits_on_a_phone(
    live_server: Any, transactional_db: None, al: AnLao, clock: Any, page: Page, tmp_path: Any,
    settings: Any,
) -> None:  # fmt: skip
    settings.MEDIA_ROOT = tmp_path / "media"
    clock.set(BEFORE)
    papers = {}
    for kind in ["to_trinh", "bao_cao", "bien_ban"]:
        papers[kind] = tmp_path / f"{kind}.pdf"
        papers[kind].write_bytes(PDF)
    _log_in(page, live_server.url, al.official.username)

    page.locator("label.nav-burger").click()
    page.get_by_role("link", name="Khen thưởng", exact=True).click()
    page.get_by_role("link", name=al.cycle.name).click()
    expect(page.get_by_text("trước ngày 13/7/2024").first).to_be_visible()
    category = page.locator(".card", has_text="Lao động giỏi tiêu biểu năm 2023")
    category.get_by_role("link", name="Đề nghị khen thưởng").click()
    page.get_by_label("Người được đề nghị").select_option(label=al.worker.full_name)
    page.get_by_label("Tóm tắt thành tích").fill("Tổ trưởng tổ cơ điện, hoàn thành xuất sắc.")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    expect(page.get_by_text("Đã lập hồ sơ của Bùi Văn Toàn.")).to_be_visible()

    for kind, label in [
        ("to_trinh", "Tờ trình đề nghị khen thưởng"),
        ("bao_cao", "Báo cáo thành tích"),
        ("bien_ban", "Biên bản họp xét"),
    ]:
        page.set_input_files(f"#tep-{kind}", str(papers[kind]))
        page.get_by_role("button", name=f"Tải lên: {label}").click()
        expect(page.get_by_text(f"Đã tải lên “{label}”.")).to_be_visible()
    page.get_by_role("button", name="Nộp hồ sơ").click()

    nomination = Nomination.objects.get()
    page.wait_for_url(f"{live_server.url}{reverse('web:nomination_detail', args=[nomination.pk])}")
    expect(page.get_by_text("Đã nộp hồ sơ.")).to_be_visible()
    expect(page.locator("h1 + p .badge")).to_have_text("Đã nộp, chờ thẩm định")
    page.screenshot(path=str(tmp_path / "nop-ho-so.png"), full_page=True)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SUBMITTED
    assert nomination.documents.count() == 3
