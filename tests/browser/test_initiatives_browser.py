"""An official registers an initiative with two co-authors and an attachment, submits it,
endorses it and forwards it to the upper union, in a real browser on a phone-sized screen."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from tests.initiatives.conftest import kg  # noqa: F401
from thidua.campaigns import services as campaigns
from thidua.initiatives.models import Initiative

pytestmark = pytest.mark.browser


def test_register_with_coauthors_and_attachment_then_forward(
    live_server, transactional_db, kg, page, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    for level in kg.programme.levels.all():
        campaigns.deadline_extend(
            actor=None,
            level=level,
            unit=None,
            deadline=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
            reason="Mở lại",
        )
    pdf = tmp_path / "ban-mo-ta.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")

    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", "cdcs_capnuoc")
    page.fill("#id_password", "mat-khau-thu-123")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/chuong-trinh/{kg.programme.pk}/")
    page.click("text=Đăng ký sáng kiến")
    page.fill("#id_title", "Lắp biến tần cho bơm tăng áp trạm Rạch Sỏi")
    page.select_option("#id_field", label="Sản xuất kinh doanh")
    page.fill("#id_first_applied_on", "2021-02-15")
    page.fill("#id_novelty", "Điều khiển bơm theo áp lực mạng thay vì chạy liên tục.")
    page.fill("#id_benefit_value", "1,2 tỷ")
    page.select_option("#id_author_0", label=kg.author.full_name)
    page.fill("#id_share_0", "70")
    page.select_option("#id_author_1", label=kg.coauthor.full_name)
    page.fill("#id_share_1", "30")
    page.set_input_files("#id_file", str(pdf))
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã đăng ký sáng kiến")

    page.click("text=Nộp cho công đoàn cơ sở")
    page.wait_for_selector("text=Đã nộp sáng kiến")
    page.click("text=Công nhận (chọn)")
    page.wait_for_selector("text=Đã chọn sáng kiến")
    page.click(f"text=Chuyển lên {kg.district.name}")
    page.wait_for_selector("text=Đã chuyển sáng kiến lên cấp trên")

    initiative = Initiative.objects.get(title="Lắp biến tần cho bơm tăng áp trạm Rạch Sỏi")
    assert initiative.current_unit == kg.district
    assert initiative.authorships.count() == 2
    assert initiative.attachments.get().name == "ban-mo-ta.pdf"
    assert page.get_by_role("link", name="ban-mo-ta.pdf").is_visible()
