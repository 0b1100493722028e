"""The honourees, the programme and the award order of the An Lão conference in the web UI: the
organiser links the signed decision, fetches its honourees, edits a citation, writes the
programme and the stage settings, and prints the MC script; the city's officer and the
district's chair read it all and change nothing; another district sees nothing (404)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.conftest import client_for
from tests.documents.docx_checks import assert_decree_page, open_docx, text_of
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.events.test_honourees import linked, signed_decision
from thidua.events import agenda
from thidua.events.models import AgendaItem, Guest


def page(name: str, conf, *args) -> str:
    return reverse(f"web:{name}", args=[conf.event.pk, *args])


# --- honourees ------------------------------------------------------------------------------------


def test_the_organiser_links_the_signed_decision_and_fetches_its_honourees(conf):
    decision = signed_decision(conf.al)
    client = client_for(conf.district_officer)

    offered = client.get(page("event_honourees", conf))
    linked_page = client.post(
        page("event_decision_link", conf), {"decision": decision.pk}, follow=True
    )
    synced = client.post(page("event_honourees_sync", conf), follow=True)

    assert "01/QĐ-LĐLĐ" in offered.content.decode()
    assert "Lấy danh sách từ quyết định" in linked_page.content.decode()
    assert "4 người chưa có trong danh sách" in linked_page.content.decode()
    text = synced.content.decode()
    assert "Đã thêm 4 người được khen thưởng." in text
    for name in ("Bùi Văn Toàn", "Nguyễn Thị Lan", "Phạm Thị Nga", "Trần Văn Bình"):
        assert name in text
    assert "Lao động giỏi tiêu biểu năm 2023" in text
    assert list(conf.event.decisions.all()) == [decision]


def test_the_conference_page_counts_honourees_by_group_and_links_the_day(conf):
    linked(conf)

    text = (
        client_for(conf.district_leader)
        .get(reverse("web:event_detail", args=[conf.event.pk]))
        .content.decode()
    )

    assert "Lao động giỏi tiêu biểu năm 2023" in text
    assert "2 người" in text
    assert page("event_honourees", conf) in text
    assert page("event_award_order", conf) in text


def test_the_citation_is_edited_on_its_own_page(conf):
    linked(conf)
    toan = Guest.objects.get(name="Bùi Văn Toàn")
    url = page("event_citation_edit", conf, toan.pk)
    client = client_for(conf.district_officer)

    form = client.get(url)
    response = client.post(url, {"citation": "Anh Toàn, tổ trưởng giỏi.", "email": "", "phone": ""})

    assert "Hình thức khen thưởng" in form.content.decode()
    assert response.status_code == 302
    toan.refresh_from_db()
    assert toan.citation == "Anh Toàn, tổ trưởng giỏi."


def test_an_invited_guest_has_no_citation_page(conf):
    from thidua.events import services

    guest = services.guest_add(
        actor=None, group=conf.event.guest_groups.first(), data={"name": "Nguyễn Văn Hòa"}
    )

    response = client_for(conf.district_officer).get(page("event_citation_edit", conf, guest.pk))

    assert response.status_code == 404


def test_readers_see_the_honourees_and_cannot_change_them(conf):
    decision = linked(conf)
    toan = Guest.objects.get(name="Bùi Văn Toàn")

    for reader in (conf.city_officer, conf.district_leader):
        client = client_for(reader)
        text = client.get(page("event_honourees", conf)).content.decode()
        assert "Bùi Văn Toàn" in text
        assert "Lấy danh sách từ quyết định" not in text
        assert client.post(page("event_honourees_sync", conf)).status_code == 403
        assert client.post(page("event_decision_unlink", conf, decision.pk)).status_code == 403
        assert client.get(page("event_citation_edit", conf, toan.pk)).status_code == 403


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("event_honourees", ()),
        ("event_agenda", ()),
        ("event_award_order", ()),
        ("event_script_docx", ()),
    ],
)
def test_another_district_gets_404(conf, name, extra):
    response = client_for(conf.other_officer).get(page(name, conf, *extra))

    assert response.status_code == 404


def test_another_district_cannot_fetch_or_link(conf):
    decision = signed_decision(conf.al)
    client = client_for(conf.other_officer)

    assert client.post(page("event_honourees_sync", conf)).status_code == 404
    assert (
        client.post(page("event_decision_link", conf), {"decision": decision.pk}).status_code == 404
    )


@pytest.mark.parametrize("count", [1, 3])
def test_the_honourees_page_query_count_does_not_grow_with_groups(
    conf, count, django_assert_max_num_queries
):
    linked(conf)
    if count == 1:
        from thidua.events.models import GuestGroup

        GuestGroup.objects.filter(event=conf.event, kind="honouree").exclude(
            name__startswith="Lao động giỏi"
        ).delete()
    client = client_for(conf.district_officer)

    # Session, user, the funnel, the linked decisions, groups with delegates, the decisions
    # offered (the awards funnel, the tree above and below), the lines not fetched yet, menu;
    # the linked councils and those offered (the reviews funnel).
    with django_assert_max_num_queries(32):
        response = client.get(page("event_honourees", conf))

    assert len(response.context["groups"]) == count


# --- the programme --------------------------------------------------------------------------------


def test_the_organiser_writes_the_usual_programme_and_edits_it(conf):
    client = client_for(conf.district_officer)

    prefilled = client.post(page("event_agenda_prefill", conf), follow=True)
    item = AgendaItem.objects.get(title="Bế mạc")
    client.post(
        page("event_agenda_edit", conf, item.pk),
        {"at": "16:00", "title": "Bế mạc hội nghị", "lead": "Người dẫn chương trình"},
    )
    client.post(page("event_agenda_add", conf), {"at": "", "title": "Chụp ảnh lưu niệm"})
    client.post(page("event_agenda_move", conf, item.pk), {"to": 7})
    client.post(page("event_agenda_remove", conf, AgendaItem.objects.get(order=1).pk))

    assert "Ổn định tổ chức, văn nghệ chào mừng" in prefilled.content.decode()
    assert [i.title for i in agenda.agenda_items(conf.event)][-2:] == [
        "Chụp ảnh lưu niệm",
        "Bế mạc hội nghị",
    ]
    assert AgendaItem.objects.filter(event=conf.event).count() == 6


def test_readers_see_the_programme_without_its_buttons(conf):
    agenda.agenda_prefill(actor=None, event=conf.event)
    item = AgendaItem.objects.first()
    client = client_for(conf.city_officer)

    text = client.get(page("event_agenda", conf)).content.decode()

    assert "Tuyên bố lý do, giới thiệu đại biểu" in text
    assert "Soạn chương trình mẫu" not in text and "Thêm mục chương trình" not in text
    assert client.post(page("event_agenda_remove", conf, item.pk)).status_code == 403
    assert client.post(page("event_agenda_prefill", conf)).status_code == 403


def test_an_item_of_another_conference_is_404(conf):
    from tests.factories import make_event

    other = make_event(conf.al.district, title="Hội nghị khác")
    item = agenda.agenda_item_add(actor=None, event=other, data={"title": "Khai mạc"})

    response = client_for(conf.district_officer).post(page("event_agenda_remove", conf, item.pk))

    assert response.status_code == 404


# --- the award order and the script ---------------------------------------------------------------


def test_the_organiser_sets_the_stage_and_reads_the_order_in_batches(conf):
    linked(conf)
    client = client_for(conf.district_officer)

    response = client.post(
        page("event_award_order", conf),
        {
            "stage_size": "2",
            "key_1": "category",
            "key_2": "name",
            "presenters": "Phạm Thị Nga, Chủ tịch LĐLĐ huyện\nĐỗ Văn Thành",
        },
        follow=True,
    )

    text = response.content.decode()
    conf.event.refresh_from_db()
    assert (conf.event.stage_size, conf.event.award_order) == (2, ["category", "name"])
    assert "Lượt 1: Giấy khen của Liên đoàn Lao động huyện An Lão — nhóm Đoàn viên" in text
    assert "Lượt 2:" in text
    assert "đồng chí Phạm Thị Nga, Chủ tịch LĐLĐ huyện lên trao thưởng" in text
    assert "@media print" in text


def test_a_wrong_stage_size_is_said_next_to_the_field(conf):
    response = client_for(conf.district_officer).post(
        page("event_award_order", conf), {"stage_size": "0", "key_1": "award"}
    )

    assert "Mỗi lượt từ 1 đến 50 người." in response.content.decode()


def test_readers_see_the_order_but_not_the_settings(conf):
    linked(conf)
    client = client_for(conf.district_leader)

    text = client.get(page("event_award_order", conf)).content.decode()

    assert "Bùi Văn Toàn" in text and "Lưu cách sắp xếp" not in text
    assert client.post(page("event_award_order", conf), {"stage_size": "3"}).status_code == 403


def test_the_script_is_a_word_file_with_the_programme_and_the_batches(conf):
    linked(conf)
    agenda.agenda_prefill(actor=None, event=conf.event)
    agenda.stage_settings_update(
        actor=None, event=conf.event, stage_size=3, presenters="Phạm Thị Nga"
    )

    response = client_for(conf.city_officer).get(page("event_script_docx", conf))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kich-ban-')
    data = response.content
    assert_decree_page(open_docx(data))
    text = text_of(data)
    assert "KỊCH BẢN CHƯƠNG TRÌNH HỘI NGHỊ" in text
    assert "LIÊN ĐOÀN LAO ĐỘNG HUYỆN AN LÃO" in text
    assert "An Lão, ngày 23 tháng 7 năm 2024" in text
    assert "Thời gian: 14h00' ngày 23 tháng 7 năm 2024 (thứ ba)." in text
    assert "14h00'" in text and "Ổn định tổ chức, văn nghệ chào mừng" in text
    assert "II. TRAO KHEN THƯỞNG (4 người)" in text
    assert "Lượt 1: Giấy khen của Liên đoàn Lao động huyện An Lão" in text
    assert "Lượt 2:" in text
    assert "1. Trần Văn Bình" in text
    assert "Người dẫn: Trân trọng kính mời đồng chí Phạm Thị Nga lên trao thưởng." in text
    assert (
        "Đồng chí Bùi Văn Toàn, Tổ trưởng tổ cơ điện, Công đoàn Công ty TNHH Cơ khí An Lão: "
        "Hoàn thành xuất sắc nhiệm vụ năm 2023." in text
    )
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("count", [1, 3])
def test_the_programme_and_the_award_order_query_counts_do_not_grow(
    conf, count, django_assert_max_num_queries
):
    linked(conf)
    for index in range(count):
        agenda.agenda_item_add(actor=None, event=conf.event, data={"title": f"Mục {index}"})
    agenda.stage_settings_update(actor=None, event=conf.event, stage_size=count)
    client = client_for(conf.district_officer)

    with django_assert_max_num_queries(12):
        programme = client.get(page("event_agenda", conf))
    # The award order: its honourees in one query, however many batches (and the linked
    # councils' prizes: none here).
    with django_assert_max_num_queries(15):
        order = client.get(page("event_award_order", conf))

    assert len(programme.context["items"]) == count
    assert len(order.context["order"].batches) == -(-4 // count)
