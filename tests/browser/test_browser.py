"""Real browser: Debian's chromium driven by Playwright against the live server."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.factories import make_unit, make_user
from thidua.orgs.models import Unit, UnitPlacement

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page():
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is missing: `make test` installs it (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the live server's database
    # work happens in its own thread, so Django's async guard does not apply here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
        yield context.new_page()
        context.close()
        browser.close()


def test_officer_logs_in_and_creates_a_unit_on_a_phone(live_server, transactional_db, page):
    city = make_unit("Liên đoàn Lao động thành phố Hải Phòng", code="HP", kind="ldld_tinh")
    make_user("canbo_hp", unit=city, role="officer", password="mat-khau-thu-123")

    page.goto(f"{live_server.url}/")
    assert "Đăng nhập" in page.title()
    page.fill("#id_username", "canbo_hp")
    page.fill("#id_password", "mat-khau-thu-123")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", name="Xin chào").is_visible()

    page.goto(f"{live_server.url}/don-vi/them/?cap_tren={city.pk}")
    page.fill("#id_code", "HP-AL-099")
    page.fill("#id_name", "Công đoàn Công ty TNHH Giày da An Lão")
    page.select_option("#id_kind", "cdcs")
    page.fill("#id_established_on", "2024-01-15")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Công đoàn Công ty TNHH Giày da An Lão')")

    unit = Unit.objects.get(code="HP-AL-099")
    assert UnitPlacement.objects.get(unit=unit).parent == city
    assert page.locator("text=Đã thêm đơn vị").is_visible()


def test_form_errors_show_in_vietnamese_next_to_the_field(live_server, transactional_db, page):
    city = make_unit("Liên đoàn Lao động thành phố Hải Phòng", code="HP", kind="ldld_tinh")
    make_user("canbo_hp", unit=city, role="officer", password="mat-khau-thu-123")
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", "canbo_hp")
    page.fill("#id_password", "mat-khau-thu-123")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/don-vi/them/?cap_tren={city.pk}")
    page.fill("#id_code", "mã có dấu")
    page.click("main button[type=submit]")

    assert page.locator(".field.has-error").count() >= 2
    assert "Trường này là bắt buộc" in page.content()
    assert page.locator("meta[charset='utf-8']").count() == 1
