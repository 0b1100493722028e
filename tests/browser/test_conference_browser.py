"""The district's emulation officer prepares the An Lão conference in a real browser from the
cycle's signed Giấy khen decision: creates the conference from the cycle's page, hands the
decision over, fetches its honourees, writes the usual programme, sets five people a batch on
a phone, reads the award order there and downloads the MC's script."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.awards.conftest import AnLao, al  # noqa: F401  al is a fixture
from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from tests.events.test_honourees import signed_decision
from thidua.awards.models import Decision
from thidua.events.models import Event, Guest
from thidua.orgs.models import User

pytestmark = pytest.mark.browser

HONOUREES = ["Bùi Văn Toàn", "Nguyễn Thị Lan", "Phạm Thị Nga", "Trần Văn Bình"]


@pytest.fixture
def live(transactional_db: None, al: AnLao) -> tuple[AnLao, Decision]:
    """The cycle with its Giấy khen decision signed: four people in three groups."""
    return al, signed_decision(al)


def _log_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "mat-khau-thu-123")
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")


def test_the_officer_prepares_the_conference_from_the_signed_decision(live_server, live, page):
    al, decision = live
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, base, al.officer)

    # The conference, from the cycle's page.
    page.goto(f"{base}{reverse('web:cycle_detail', args=[al.cycle.pk])}")
    page.get_by_role("link", name="Tạo hội nghị biểu dương").click()
    page.fill("#id_starts_day", "2024-07-23")
    page.fill("#id_starts_time", "14:00")
    page.fill("#id_place", "Hội trường Huyện ủy")
    page.get_by_role("button", name="Tạo hội nghị").click()
    expect(page.get_by_role("heading", name="Khen thưởng và chương trình")).to_be_visible()
    event = Event.objects.get()

    # The decision handed over, its honourees fetched: every one of them, never typed.
    page.get_by_role("link", name="Người được khen thưởng").click()
    page.select_option("#id_decision", str(decision.pk))
    page.get_by_role("button", name="Gắn quyết định").click()
    expect(page.get_by_text("4 người chưa có trong danh sách")).to_be_visible()
    page.get_by_role("button", name="Lấy danh sách từ quyết định").click()
    expect(page.get_by_text("Đã thêm 4 người được khen thưởng.")).to_be_visible()
    for name in HONOUREES:
        expect(page.locator("strong", has_text=name).first).to_be_visible()
    assert Guest.objects.filter(group__event=event, decision_line__isnull=False).count() == 4

    # The citation of one, edited.
    toan = Guest.objects.get(name="Bùi Văn Toàn")
    page.locator(f"#dai-bieu-{toan.pk}").get_by_role("link", name="Sửa lời giới thiệu").click()
    page.fill("#id_citation", "Đồng chí Bùi Văn Toàn, tổ trưởng tổ cơ điện xuất sắc.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("tổ trưởng tổ cơ điện xuất sắc.")).to_be_visible()

    # The usual programme.
    page.goto(f"{base}{reverse('web:event_agenda', args=[event.pk])}")
    page.get_by_role("button", name="Soạn chương trình mẫu").click()
    expect(page.get_by_text("Ổn định tổ chức, văn nghệ chào mừng")).to_be_visible()
    expect(page.get_by_text("Bế mạc", exact=True)).to_be_visible()

    # On a phone: five a batch... here two, so the four come up in two batches.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}{reverse('web:event_award_order', args=[event.pk])}")
    page.get_by_text("Cách sắp xếp: số người mỗi lượt, tiêu chí, người trao").click()
    page.fill("#id_stage_size", "2")
    page.fill("#id_presenters", "Phạm Thị Nga, Chủ tịch LĐLĐ huyện\nĐỗ Văn Thành")
    page.get_by_role("button", name="Lưu cách sắp xếp").click()
    expect(page.get_by_text("Đã lưu cách sắp xếp thứ tự trao thưởng.")).to_be_visible()
    expect(page.get_by_role("heading", name="Lượt 1: Giấy khen", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="Lượt 2: Giấy khen", exact=False)).to_be_visible()
    expect(
        page.get_by_text("Trân trọng kính mời đồng chí Đỗ Văn Thành lên trao thưởng.")
    ).to_be_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1
    event.refresh_from_db()
    assert event.stage_size == 2

    # Printed, the script keeps only the programme and the batches.
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Lưu cách sắp xếp")).to_be_hidden()
    expect(page.locator(".topbar")).to_be_hidden()
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải kịch bản (Word)").click()
    assert download.value.suggested_filename.startswith("kich-ban-")
    assert download.value.suggested_filename.endswith(".docx")
