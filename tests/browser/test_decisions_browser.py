"""The district's emulation officer drafts a Giấy khen decision for the An Lão cycle, adds the
accepted dossiers, records the signature and reads the numbered decision, in a real browser."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.awards.conftest import BEFORE, AnLao, al, nominate  # noqa: F401
from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from thidua.awards.enums import DecisionStatus, NominationStatus
from thidua.awards.models import Award, Decision
from thidua.awards.services import nominations
from thidua.orgs.models import User

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db: None, al: AnLao) -> AnLao:
    """The cycle with two Lao động giỏi tiêu biểu dossiers accepted."""
    for person in (al.worker, al.engineer):
        nomination = nominate(al, 4, person)
        nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
        nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    return al


def _log_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "mat-khau-thu-123")
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")


def test_the_officer_drafts_fills_and_signs_a_giay_khen_decision(live_server, live, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    base = live_server.url
    _log_in(page, base, live.officer)

    page.goto(f"{base}{reverse('web:decision_list')}")
    page.get_by_role("link", name="Lập quyết định").click()
    with page.expect_response(lambda response: "/quyet-dinh/them/?" in response.url):
        page.select_option("#id_issuer", str(live.district.pk))
    expect(page.locator("#id_issuer")).not_to_have_class("htmx-request")
    giay_khen = Award.objects.get(code="giay-khen")
    # The award list follows the issuer (htmx): a district may not give the Bằng LĐST.
    expect(page.locator("#id_award option", has_text="Bằng Lao động sáng tạo")).to_have_count(0)
    page.select_option("#id_award", str(giay_khen.pk))
    page.select_option("#id_cycle", str(live.cycle.pk))
    page.fill("#id_basis", "Căn cứ Luật Thi đua, khen thưởng năm 2022;")
    page.fill("#id_signer_name", "Phạm Thị Nga")
    page.fill("#id_default_amount", "500.000")
    page.get_by_role("button", name="Lập dự thảo").click()

    expect(page.get_by_text("Chưa cấp số (dự thảo)")).to_be_visible()
    expect(page.get_by_role("heading", name="Thêm từ hồ sơ hợp lệ")).to_be_visible()
    page.get_by_role("button", name="Thêm vào danh sách").click()
    expect(page.get_by_text("Đã thêm 2 người vào danh sách.")).to_be_visible()
    page.fill("#id_signed_on", "2024-07-18")
    page.get_by_role("button", name="Ký, cấp số").click()

    expect(page.get_by_text("Số: 01/QĐ-LĐLĐ")).to_be_visible()
    expect(page.get_by_text("An Lão, ngày 18 tháng 7 năm 2024")).to_be_visible()
    expect(page.get_by_role("cell", name="Bùi Văn Toàn")).to_be_visible()
    expect(page.get_by_role("cell", name="Nguyễn Thị Lan")).to_be_visible()
    decision = Decision.objects.get()
    assert (decision.status, decision.symbol) == (DecisionStatus.SIGNED, "01/QĐ-LĐLĐ")
    assert set(live.cycle.nominations.values_list("status", flat=True)) == {
        NominationStatus.AWARDED
    }

    # On a phone the decision reads without scrolling sideways (tables scroll in their box).
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
