"""On a phone (390×844): a delegate opens the personal link of their invitation, sends someone
in their place, and sees the QR code to show at the door; the link does not answer twice; a
forged link is refused."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.events.test_invitations import Delegates, delegates, fresh  # noqa: F401
from thidua.events.enums import Rsvp
from thidua.events.invitations import give_links, rsvp_token

pytestmark = pytest.mark.browser


@pytest.fixture
def invited(transactional_db: None, delegates: Delegates) -> Delegates:
    give_links([delegates.hai])
    return delegates


def _fits_the_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_delegate_sends_a_substitute_from_a_phone(live_server, invited, page):
    page.set_viewport_size({"width": 390, "height": 844})
    link = live_server.url + reverse("web:rsvp", args=[rsvp_token(invited.hai)])
    page.goto(link)
    expect(page.get_by_role("heading", name="Giấy mời", exact=True)).to_be_visible()
    expect(page.get_by_text("14 giờ 00, thứ ba, ngày 23 tháng 7 năm 2024")).to_be_visible()
    expect(page.get_by_text("Ông/Bà Nguyễn Văn Hải")).to_be_visible()
    _fits_the_phone(page)
    # A second tab opened before the answer: it will try to answer again.
    other = page.context.new_page()
    other.goto(link)

    # The substitute's fields show once "Cử người dự thay" is chosen.
    expect(page.get_by_label("Họ và tên người dự thay")).to_be_hidden()
    page.get_by_text("Cử người dự thay", exact=True).click()
    page.get_by_role("button", name="Gửi trả lời").click()
    expect(page.get_by_text("Hãy nhập họ và tên người dự thay.")).to_be_visible()
    page.get_by_label("Họ và tên người dự thay").fill("Lê Tiến Tùng")
    page.get_by_label("Chức vụ người dự thay").fill("Phó Chủ tịch Công đoàn cơ sở")
    page.get_by_role("button", name="Gửi trả lời").click()

    expect(page.get_by_text("Cảm ơn Ông/Bà đã trả lời giấy mời.")).to_be_visible()
    expect(page.get_by_text("Lê Tiến Tùng", exact=True)).to_be_visible()
    qr = page.get_by_role("img", name="Mã QR vào hội nghị")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 150
    code = fresh(invited.hai).checkin_code
    expect(page.get_by_text(code, exact=True)).to_be_visible()
    _fits_the_phone(page)

    # Opened again: the answer and the QR code, no form.
    page.goto(link)
    expect(page.get_by_role("img", name="Mã QR vào hội nghị")).to_be_visible()
    expect(page.get_by_role("button", name="Gửi trả lời")).to_have_count(0)
    # The tab opened before tries to answer: refused, the first answer stands.
    other.get_by_text("Không tham dự", exact=True).click()
    other.get_by_role("button", name="Gửi trả lời").click()
    expect(other.get_by_text("Giấy mời này đã được trả lời (Cử người dự thay)")).to_be_visible()
    assert fresh(invited.hai).rsvp == Rsvp.SUBSTITUTE


def test_a_forged_link_is_refused_on_a_phone(live_server, invited, page):
    page.set_viewport_size({"width": 390, "height": 844})
    pk, nonce, mac = rsvp_token(invited.hai).split(".")

    response = page.goto(
        live_server.url + reverse("web:rsvp", args=[f"{pk}.{nonce}.{'0' * len(mac)}"])
    )

    assert response is not None and response.status == 404
    expect(page.get_by_text("Đường dẫn không hợp lệ.")).to_be_visible()
    expect(page.get_by_role("button", name="Gửi trả lời")).to_have_count(0)
    _fits_the_phone(page)
