"""A council member scores on a phone with "save and next", and the secretary has the slate
proposed, amends one line and records the vote, in a real browser on a phone-sized screen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.test_browser import page  # noqa: F401 (the Playwright page fixture)
from tests.initiatives.conftest import kg  # noqa: F401
from tests.reviews.conftest import SCORING_DAY, CouncilWorld, cw, da_nang_points  # noqa: F401
from thidua.orgs.models import User
from thidua.reviews import services
from thidua.reviews.enums import CouncilStatus, SheetStatus, SlateStatus
from thidua.reviews.models import Assignment, ScoreSheet

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, cw: CouncilWorld) -> CouncilWorld:
    """The council with its deadline in the future, so the pages can score today."""
    services.council_update(
        actor=None, council=cw.council, data={"deadline": timezone.now() + dt.timedelta(days=7)}
    )
    return cw


def _log_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "mat-khau-thu-123")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def _open_councils_from_the_menu(page: Page) -> None:
    # On a phone the main menu sits behind the ☰ button.
    page.locator("label.nav-burger").click()
    page.get_by_role("link", name="Hội đồng, chấm điểm", exact=True).click()
    expect(page.get_by_role("heading", name="Hội đồng xét duyệt sáng kiến")).to_be_visible()


def _assign_three(cw: CouncilWorld) -> list[Assignment]:
    return [
        services.assignment_add(actor=None, council=cw.council, seat=cw.reviewer_2, initiative=item)
        for item in cw.items[2:5]
    ]


def _score_all(cw: CouncilWorld) -> None:
    services.assignments_auto(actor=None, council=cw.council)
    for index, assignment in enumerate(
        Assignment.objects.filter(council=cw.council, status="active").order_by("id")
    ):
        money = assignment.initiative.benefit_value is not None
        services.sheet_save(
            actor=None,
            assignment=assignment,
            points=da_nang_points(20 + index % 15, 20, 25 if money else 15),
            submit=True,
            now=SCORING_DAY,
        )


def test_a_member_scores_with_save_and_next_on_a_phone(live_server, live, page):
    first, second, _third = _assign_three(live)
    _log_in(page, live_server.url, live.member_user)

    _open_councils_from_the_menu(page)
    page.get_by_role("link", name="Chấm điểm", exact=True).click()
    page.locator(".sheet-list a").first.click()
    expect(page.get_by_role("heading", name=first.initiative.title)).to_be_visible()
    expect(page.locator(".progress-line")).to_contain_text("0/3")
    page.locator("fieldset", has_text="Tính mới").get_by_role("button", name="31–40").click()
    expect(page.locator("input[name=p_tinh_moi]")).to_have_value("40")
    page.fill("input[name=p_kha_nang_ap_dung]", "22")
    page.fill("input[name=p_hieu_qua]", "25")
    page.get_by_label("Nhận xét chung").fill("Tiết kiệm điện rõ rệt, áp dụng được ở kho khác.")
    page.get_by_role("button", name="Nộp và chấm tiếp").click()

    page.wait_for_url(f"{live_server.url}{reverse('web:sheet', args=[second.pk])}")
    expect(page.get_by_text(f"Đã nộp phiếu chấm {first.initiative.code}.")).to_be_visible()
    expect(page.get_by_role("heading", name=second.initiative.title)).to_be_visible()
    expect(page.locator(".progress-line")).to_contain_text("1/3")
    expect(page.locator("meta[charset='utf-8']")).to_have_count(1)
    sheet = ScoreSheet.objects.get(assignment=first)
    assert (sheet.status, sheet.total) == (SheetStatus.SUBMITTED, Decimal(87))
    assert sheet.points == {"tinh_moi": 40, "kha_nang_ap_dung": 22, "hieu_qua": 25}
    assert sheet.comment == "Tiết kiệm điện rõ rệt, áp dụng được ở kho khác."


def test_an_unscored_criterion_is_refused_in_vietnamese_and_keeps_the_entries(
    live_server, live, page
):
    first, _second, _third = _assign_three(live)
    _log_in(page, live_server.url, live.member_user)

    response = page.goto(f"{live_server.url}{reverse('web:sheet', args=[first.pk])}")
    page.fill("input[name=p_tinh_moi]", "30")
    page.fill("input[name=p_hieu_qua]", "20")
    page.get_by_label("Nhận xét chung").fill("Cần bổ sung số liệu tiết kiệm điện.")
    page.get_by_role("button", name="Nộp và chấm tiếp").click()

    expect(page.get_by_role("alert")).to_contain_text("Chưa chấm tiêu chí “Khả năng áp dụng”.")
    expect(page.locator("input[name=p_tinh_moi]")).to_have_value("30")
    expect(page.locator("input[name=p_kha_nang_ap_dung]")).to_have_value("")
    expect(page.locator("input[name=p_hieu_qua]")).to_have_value("20")
    expect(page.get_by_label("Nhận xét chung")).to_have_value("Cần bổ sung số liệu tiết kiệm điện.")
    expect(page.locator(".progress-line")).to_contain_text("0/3")
    assert response is not None
    assert "charset=utf-8" in response.headers["content-type"]
    assert not ScoreSheet.objects.exists()


def test_the_secretary_proposes_amends_and_the_vote_confirms_the_slate(live_server, live, page):
    _score_all(live)
    _log_in(page, live_server.url, live.secretary_user)

    _open_councils_from_the_menu(page)
    page.get_by_role("link", name=live.council.name).click()
    page.get_by_role("link", name="Đề xuất kết quả, biểu quyết").click()
    page.get_by_role("button", name="Lập đề xuất từ xếp hạng").click()
    expect(page.locator(".messages")).to_contain_text("Đã lập đề xuất lần 1")
    slate = live.council.slates.get()
    lines = list(slate.lines.select_related("initiative"))
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(len(live.items))
    for line in lines:
        assert line.reason  # an empty reason would match any cell
        row = rows.filter(has=page.get_by_role("link", name=line.initiative.code, exact=True))
        expect(row.locator("td").nth(4)).to_contain_text(line.reason)
    out = next(line for line in lines if not line.selected)
    out_row = rows.filter(has=page.get_by_role("link", name=out.initiative.code, exact=True))
    out_row.get_by_role("link", name="Sửa", exact=True).click()
    page.get_by_label("Đề xuất", exact=True).check()
    page.get_by_label("Lý do hội đồng thay đổi").fill("Hội đồng thống nhất bổ sung")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_text(f"Đã sửa đề xuất cho {out.initiative.code}.")).to_be_visible()
    vote = page.locator("#vote-form")
    vote.get_by_label("Hình thức").select_option(label="Biểu quyết giơ tay")
    for seat in live.council.members.filter(active=True):
        vote.get_by_label(f"{seat} – {seat.get_role_display()}").check()
    vote.get_by_label("Số phiếu đồng ý").fill("4")
    vote.get_by_label("Số phiếu không đồng ý").fill("1")
    vote.get_by_role("button", name="Ghi kết quả biểu quyết").click()

    expect(page.locator(".messages")).to_contain_text(
        "Đề xuất được thông qua (4/5 thành viên đồng ý)"
    )
    expect(page.locator("meta[charset='utf-8']")).to_have_count(1)
    slate.refresh_from_db()
    live.council.refresh_from_db()
    out.refresh_from_db()
    assert slate.status == SlateStatus.CONFIRMED
    assert live.council.status == CouncilStatus.DECIDED
    assert out.selected and out.amend_reason == "Hội đồng thống nhất bổ sung"
    assert slate.votes.get().in_favour == 4
