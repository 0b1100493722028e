"""Check-in pages on the An Lão conference's day (tests/events/checkin_day.py): the phone page
(search without diacritics, one tap "Có mặt", the code of the invitation, walk-ins, the live
count), the page the invitation's QR code opens, the attendance report with its Excel file,
closing the conference; and who may do what."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.awards.conftest import al, clock  # noqa: F401  fixtures
from tests.conftest import client_for
from tests.events.checkin_day import ARRIVAL, Day, day, make_delegate  # noqa: F401  day is a fixture
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from thidua.common.models import AuditEntry
from thidua.events import services
from thidua.events.checkin import check_in
from thidua.events.enums import EventStatus
from thidua.events.models import Event, Guest

HTMX = {"HX-Request": "true"}
RESULTS = {**HTMX, "HX-Target": "checkin-results"}


def checkin_url(event: Event) -> str:
    return reverse("web:event_checkin", args=[event.pk])


def code_url(guest: Guest) -> str:
    return reverse("web:event_checkin_code", args=[guest.group.event_id, guest.checkin_code])


def mark_url(guest: Guest) -> str:
    return reverse("web:event_checkin_mark", args=[guest.group.event_id, guest.pk])


def present(guest: Guest) -> bool:
    guest.refresh_from_db()
    return guest.present_at is not None


# --- the phone page -------------------------------------------------------------------------------


def test_the_check_in_page_offers_search_code_qr_help_count_and_walk_ins(day: Day):
    response = client_for(day.conf.district_officer).get(checkin_url(day.event))

    text = response.content.decode()
    assert response.status_code == 200
    assert 'id="q"' in text and 'name="ma"' in text
    assert "Quét mã QR trên giấy mời" in text
    assert 'hx-trigger="every 5s, checkin-changed from:body"' in text
    assert "Thêm người đến không có giấy mời" in text
    assert "0</span> / 5 đại biểu được mời có mặt" in text


def test_a_name_without_diacritics_finds_the_delegate_with_a_button(day: Day):
    client = client_for(day.conf.district_officer)

    response = client.get(checkin_url(day.event), {"q": "nguyen van"})

    text = response.content.decode()
    assert "Nguyễn Văn Hải" in text and "Nguyễn Thị Lan" not in text
    assert mark_url(day.hai) in text and ">Có mặt</button>" in text


def test_typing_with_htmx_returns_only_the_results(day: Day):
    client = client_for(day.conf.district_officer)

    response = client.get(checkin_url(day.event), {"q": "tran van khoa"}, headers=RESULTS)

    text = response.content.decode()
    assert "<h1>" not in text
    assert "Nguyễn Thị Lan" in text and "Người dự thay:" in text and "Trần Văn Khoa" in text


def test_one_tap_marks_present_and_swaps_the_row(day: Day, clock):
    clock.set(ARRIVAL)
    client = client_for(day.conf.district_officer)

    response = client.post(mark_url(day.hai), {"q": "nguyen van"}, headers=HTMX)

    text = response.content.decode()
    assert response.status_code == 200
    assert text.startswith(f'<li id="dai-bieu-{day.hai.pk}">')
    assert "Đã có mặt 13:52" in text
    assert response["HX-Trigger"] == "checkin-changed"
    assert present(day.hai)


def test_a_second_staff_member_sees_who_marked_them_and_it_counts_once(day: Day, clock):
    clock.set(ARRIVAL)
    client_for(day.conf.district_officer).post(mark_url(day.hai), headers=HTMX)

    response = client_for(day.second_officer).post(mark_url(day.hai), headers=HTMX)

    assert "Đã điểm danh lúc 13:52 bởi Nguyễn Thu Hà." in response.content.decode()
    assert AuditEntry.objects.filter(action="checkin").count() == 1
    day.hai.refresh_from_db()
    assert day.hai.present_by == day.conf.district_officer


def test_without_javascript_the_mark_returns_to_the_search(day: Day):
    client = client_for(day.conf.district_officer)

    response = client.post(mark_url(day.hai), {"q": "nguyen van"}, follow=True)

    assert response.redirect_chain[-1][0] == checkin_url(day.event) + "?q=nguyen+van"
    assert "Đã ghi “Nguyễn Văn Hải” có mặt." in response.content.decode()
    assert present(day.hai)


def test_a_mistaken_mark_is_taken_back(day: Day):
    check_in(actor=day.conf.district_officer, guest=day.chi, now=ARRIVAL)
    client = client_for(day.conf.district_officer)

    response = client.post(
        reverse("web:event_checkin_undo", args=[day.event.pk, day.chi.pk]), headers=HTMX
    )

    assert ">Có mặt</button>" in response.content.decode()
    assert not present(day.chi)


def test_the_code_typed_from_the_invitation_opens_the_delegates_page(day: Day):
    code = day.toan.checkin_code
    typed = f"{code[:4].lower()} {code[4:]}"

    response = client_for(day.conf.district_officer).get(checkin_url(day.event), {"ma": typed})

    assert response.status_code == 302
    assert response["Location"] == code_url(day.toan)


def test_a_walk_in_is_added_present(day: Day):
    client = client_for(day.conf.district_officer)

    response = client.post(
        reverse("web:event_walk_in", args=[day.event.pk]),
        {"group": day.leaders.pk, "name": "Đào Văn Minh", "unit_name": "Báo Lao động"},
        follow=True,
    )

    guest = Guest.objects.get(name="Đào Văn Minh")
    assert (guest.group, guest.walk_in, guest.present_by) == (
        day.leaders,
        True,
        day.conf.district_officer,
    )
    assert "Đã thêm “Đào Văn Minh” vào nhóm" in response.content.decode()


def test_a_walk_in_without_a_name_or_into_the_honourees_is_refused(day: Day):
    client = client_for(day.conf.district_officer)
    url = reverse("web:event_walk_in", args=[day.event.pk])

    blank = client.post(url, {"group": day.leaders.pk, "name": ""})
    honoured = client.post(url, {"group": day.honourees.pk, "name": "Ai đó"})

    assert "Hãy nhập họ và tên người đến." in blank.content.decode()
    assert "Hãy chọn một nhóm khách mời của hội nghị." in honoured.content.decode()
    assert not Guest.objects.filter(walk_in=True).exists()


def test_the_live_count_fragment_is_for_everyone_who_sees_the_conference(day: Day):
    check_in(actor=day.conf.district_officer, guest=day.hai, now=ARRIVAL)
    url = reverse("web:event_checkin_counts", args=[day.event.pk])

    response = client_for(day.conf.district_leader).get(url, headers=HTMX)

    text = response.content.decode()
    assert text.startswith('<div id="checkin-counts"')
    assert "1</span> / 5 đại biểu được mời có mặt" in text
    assert client_for(day.conf.other_officer).get(url).status_code == 404


@pytest.mark.parametrize("rows", [1, 3])
def test_the_search_query_count_does_not_grow_with_rows(
    day: Day, rows, django_assert_max_num_queries
):
    for index in range(rows - 1):
        make_delegate(day.leaders, f"Nguyễn Văn Hải {index}")
    client = client_for(day.conf.district_officer)

    # Session, user; the funnel (the user's units, their paths, predecessors in two, the
    # event; the units they organise for, predecessors in two); the units and substitutes to
    # fold; the results; the menu's memberships.
    with django_assert_max_num_queries(13):
        response = client.get(
            checkin_url(day.event),
            {"q": "nguyen van hai"},
            headers=RESULTS,
        )

    assert len(response.context["results"]) == rows


# --- the QR code's page ---------------------------------------------------------------------------


def test_the_qr_page_shows_the_delegate_and_get_changes_nothing(day: Day):
    response = client_for(day.conf.district_officer).get(code_url(day.lan))

    text = response.content.decode()
    assert response.status_code == 200
    shown = [
        "Nguyễn Thị Lan", "Kỹ sư", "Công ty TNHH Cơ khí An Lão", day.honourees.name,
        "Cử người dự thay", "Trần Văn Khoa", "Phó Giám đốc", "Xác nhận có mặt",
    ]  # fmt: skip
    assert [item for item in shown if item not in text] == []
    assert not present(day.lan)
    assert not AuditEntry.objects.filter(action="checkin").exists()


def test_confirming_on_the_qr_page_marks_present(day: Day, clock):
    clock.set(ARRIVAL)
    client = client_for(day.conf.district_officer)

    response = client.post(code_url(day.lan), follow=True)

    text = response.content.decode()
    assert "Đã ghi “Nguyễn Thị Lan” có mặt." in text
    assert "Đã có mặt 13:52" in text and "Xác nhận có mặt" not in text
    assert present(day.lan)


def test_an_unknown_code_says_so(day: Day):
    url = reverse("web:event_checkin_code", args=[day.event.pk, "ZZZZZZZZZZ"])

    response = client_for(day.conf.district_officer).get(url)

    assert response.status_code == 404
    assert (
        "Không có đại biểu nào của hội nghị này mang mã “ZZZZZZZZZZ”" in response.content.decode()
    )


def test_anonymous_users_log_in_and_come_back_to_the_qr_page(day: Day):
    response = Client().get(code_url(day.toan))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert f"next={code_url(day.toan)}" in response["Location"]


def test_another_unions_staff_get_404_and_a_reader_403(day: Day):
    outsider = client_for(day.conf.other_officer)
    reader = client_for(day.conf.district_leader)

    for url in (checkin_url(day.event), code_url(day.toan)):
        assert outsider.get(url).status_code == 404
        assert reader.get(url).status_code == 403
    assert outsider.post(mark_url(day.hai)).status_code == 404
    assert reader.post(mark_url(day.hai)).status_code == 403
    assert not present(day.hai)


def test_a_closed_conference_refuses_check_in(day: Day):
    officer = day.conf.district_officer
    services.event_close(actor=officer, event=day.event)
    client = client_for(officer)

    page = client.get(checkin_url(day.event), {"q": "nguyen van"}).content.decode()
    qr = client.get(code_url(day.hai)).content.decode()
    refused = client.post(mark_url(day.hai), headers=HTMX).content.decode()

    assert "Hội nghị đã kết thúc: không điểm danh" in page and ">Có mặt</button>" not in page
    assert "Hội nghị đã kết thúc: không điểm danh được nữa." in qr
    assert "Xác nhận có mặt" not in qr
    assert "Hội nghị đã kết thúc" in refused
    assert not present(day.hai)


# --- the attendance report ------------------------------------------------------------------------


def _held(day: Day) -> None:
    for guest in (day.toan, day.hai):
        check_in(actor=day.conf.district_officer, guest=guest, now=ARRIVAL)


def test_the_report_counts_by_group_and_names_the_absent_honourees(day: Day):
    _held(day)

    response = client_for(day.conf.district_leader).get(
        reverse("web:event_attendance", args=[day.event.pk])
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "III.1. Đại biểu được biểu dương, khen thưởng" in text
    assert "III.2. Đại biểu khách mời" in text
    assert "Có mặt 2/5 đại biểu được mời" in text
    assert "Người được khen thưởng vắng mặt" in text
    absent = text.split("Người được khen thưởng vắng mặt")[1].split("</table>")[0]
    assert "Nguyễn Thị Lan" in absent and "Bùi Văn Toàn" not in absent
    assert "Kết thúc hội nghị" not in text  # the leader reads it, does not close it


@pytest.mark.parametrize("rows", [1, 3])
def test_the_report_query_count_does_not_grow_with_rows(
    day: Day, rows, django_assert_max_num_queries
):
    for index in range(rows - 1):
        make_delegate(day.leaders, f"Khách {index}")
    client = client_for(day.conf.district_officer)

    # Session, user; the funnel (five, as for the search); whether they organise it (three);
    # the groups, their delegates; the menu's memberships.
    with django_assert_max_num_queries(13):
        response = client.get(reverse("web:event_attendance", args=[day.event.pk]))

    assert response.context["report"].total.invited == 4 + rows


def test_the_report_downloads_as_excel(day: Day):
    _held(day)

    response = client_for(day.conf.city_officer).get(
        reverse("web:event_attendance_xlsx", args=[day.event.pk])
    )

    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Theo nhóm", "Danh sách đại biểu", "Được khen vắng mặt"]
    counts = [[cell.value for cell in row] for row in book["Theo nhóm"].iter_rows()]
    assert counts[0] == [
        "Nhóm đại biểu", "Được mời", "Xác nhận dự", "Từ chối", "Có mặt", "Vắng mặt",
        "Đến không có giấy mời",
    ]  # fmt: skip
    assert counts[1] == [day.honourees.name, 2, 2, 0, 1, 1, 0]
    assert counts[2] == ["Cộng III.1. Đại biểu được biểu dương, khen thưởng", 2, 2, 0, 1, 1, 0]
    assert ["Tổng cộng", 5, 3, 1, 2, 3, 0] in counts
    absent = [[cell.value for cell in row] for row in book["Được khen vắng mặt"].iter_rows()]
    assert absent[1][:4] == [1, "Nguyễn Thị Lan", "Công ty TNHH Cơ khí An Lão",
                             "Giấy khen của Liên đoàn Lao động huyện An Lão"]  # fmt: skip


def test_the_organiser_closes_and_reopens_the_conference(day: Day):
    client = client_for(day.conf.district_officer)
    close = reverse("web:event_close", args=[day.event.pk])
    reopen = reverse("web:event_reopen", args=[day.event.pk])

    closed = client.post(close, follow=True)
    day.event.refresh_from_db()
    assert day.event.status == EventStatus.CLOSED
    assert "Đã kết thúc hội nghị" in closed.content.decode()
    assert "Mở lại" in closed.content.decode()

    client.post(reopen)
    day.event.refresh_from_db()
    assert day.event.status == EventStatus.PREPARING


def test_only_the_organiser_closes_the_conference(day: Day):
    close = reverse("web:event_close", args=[day.event.pk])

    assert client_for(day.conf.district_leader).post(close).status_code == 403
    assert client_for(day.conf.other_officer).post(close).status_code == 404
    assert client_for(day.conf.district_officer).get(close).status_code == 405
    day.event.refresh_from_db()
    assert day.event.status == EventStatus.PREPARING


def test_the_conference_page_shows_the_count_and_leads_to_check_in(day: Day):
    _held(day)

    officer = client_for(day.conf.district_officer).get(
        reverse("web:event_detail", args=[day.event.pk])
    )
    leader = client_for(day.conf.district_leader).get(
        reverse("web:event_detail", args=[day.event.pk])
    )

    text = officer.content.decode()
    assert "Điểm danh và tham dự" in text
    assert checkin_url(day.event) in text
    assert reverse("web:event_attendance", args=[day.event.pk]) in text
    assert "2</span> / 5 đại biểu được mời có mặt" in text
    assert f'href="{checkin_url(day.event)}"' in text
    assert f'href="{checkin_url(day.event)}"' not in leader.content.decode()
