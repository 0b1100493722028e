"""Check-in on the An Lão conference's day, on a phone (390×844) in a real browser: the
district's officer searches a name typed without diacritics, taps "Có mặt" and sees the count
change; opens the page an invitation's QR code leads to and confirms; adds someone who came
without an invitation."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from tests.events.checkin_day import Day, make_day
from tests.events.conftest import Conference, conf  # noqa: F401  conf is a fixture
from thidua.events.models import Guest
from thidua.orgs.models import User

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db: None, conf: Conference) -> Day:
    return make_day(conf)


def _log_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "mat-khau-thu-123")
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")


def _no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_staff_check_delegates_in_from_a_phone(live_server, live, page):
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url
    checkin = f"{base}{reverse('web:event_checkin', args=[live.event.pk])}"
    _log_in(page, base, live.conf.district_officer)

    page.goto(checkin)
    present = page.locator("#checkin-counts .stat")
    expect(present).to_have_text("0")
    _no_sideways_scroll(page)

    # A name typed without diacritics: the results come as one types (htmx).
    page.fill("#q", "nguyen van")
    row = page.locator(f"#dai-bieu-{live.hai.pk}")
    expect(row).to_contain_text("Nguyễn Văn Hải")
    expect(page.locator(f"#dai-bieu-{live.lan.pk}")).to_have_count(0)
    row.get_by_role("button", name="Có mặt").click()
    expect(row).to_contain_text("Đã có mặt")
    expect(present).to_have_text("1")  # the count follows at once
    _no_sideways_scroll(page)

    # The invitation's QR code opens the delegate's page: one big button.
    page.goto(
        f"{base}{reverse('web:event_checkin_code', args=[live.event.pk, live.lan.checkin_code])}"
    )
    expect(page.get_by_role("heading", name="Nguyễn Thị Lan")).to_be_visible()
    expect(page.get_by_text("Trần Văn Khoa")).to_be_visible()
    page.get_by_role("button", name="Xác nhận có mặt").click()
    expect(page.get_by_text("Đã ghi “Nguyễn Thị Lan” có mặt.")).to_be_visible()
    expect(page.get_by_role("button", name="Xác nhận có mặt")).to_have_count(0)
    _no_sideways_scroll(page)

    # Someone came without an invitation.
    page.goto(checkin)
    page.get_by_text("Thêm người đến không có giấy mời").click()
    page.select_option("#id_group", str(live.leaders.pk))
    page.fill("#id_name", "Đào Văn Minh")
    page.fill("#id_unit_name", "Báo Lao động")
    page.get_by_role("button", name="Thêm, có mặt").click()
    expect(page.get_by_text("Đã thêm “Đào Văn Minh” vào nhóm")).to_be_visible()
    expect(present).to_have_text("2")  # of those invited
    expect(page.locator("#checkin-counts")).to_contain_text("và 1 người đến không có giấy mời")

    assert sorted(
        Guest.objects.filter(group__event=live.event, present_at__isnull=False).values_list(
            "name", "walk_in"
        )
    ) == [("Nguyễn Thị Lan", False), ("Nguyễn Văn Hải", False), ("Đào Văn Minh", True)]
