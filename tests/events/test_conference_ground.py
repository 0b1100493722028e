"""The ground of a conference's day: delegates keep their search keys and the code of their QR
code; honourees are never typed by hand (they come from the decisions); a conference is closed
once held and can be opened again, both audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.api.conftest import api_client_for
from tests.conftest import client_for
from thidua.awards.models import Award
from thidua.awards.services import decisions
from thidua.common.models import AuditEntry
from thidua.events import services
from thidua.events.enums import EventStatus, GroupKind
from thidua.events.models import CODE_ALPHABET, Guest, GuestGroup
from thidua.orgs.models import Unit

pytestmark = pytest.mark.django_db


def _honourees(conf) -> GuestGroup:
    return GuestGroup.objects.create(
        event=conf.event, kind=GroupKind.HONOUREE, name="Lao động sáng tạo", order=9
    )


def test_a_delegate_is_found_without_diacritics_and_sorted_by_given_name(conf):
    group = conf.event.guest_groups.first()
    for name in ["Nguyễn Thị Ánh", "Trần Văn An", "Lê Văn Bình"]:
        services.guest_add(actor=None, group=group, data={"name": name})

    assert Guest.objects.get(name_folded="nguyen thi anh").name == "Nguyễn Thị Ánh"
    assert [g.name for g in Guest.objects.order_by("sort_key")] == [
        "Trần Văn An", "Nguyễn Thị Ánh", "Lê Văn Bình",
    ]  # fmt: skip


def test_every_delegate_gets_a_code_for_the_qr_code_that_cannot_be_misread(conf):
    group = conf.event.guest_groups.first()
    codes = {
        services.guest_add(actor=None, group=group, data={"name": f"Khách {i}"}).checkin_code
        for i in range(20)
    }

    assert len(codes) == 20
    assert all(len(code or "") == 10 and set(code or "") <= set(CODE_ALPHABET) for code in codes)
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_renaming_a_delegate_renames_their_search_key(conf):
    guest = services.guest_add(
        actor=None, group=conf.event.guest_groups.first(), data={"name": "Lê Văn Tám"}
    )

    services.guest_update(actor=None, guest=guest, data={"name": "Lê Văn Tâm"})

    guest.refresh_from_db()
    assert (guest.name, guest.name_folded) == ("Lê Văn Tâm", "le van tam")


def test_honourees_are_not_typed_by_hand(conf):
    group = _honourees(conf)

    with pytest.raises(ValidationError) as error:
        services.guest_add(actor=None, group=group, data={"name": "Nguyễn Văn A"})

    assert "lấy từ quyết định khen thưởng" in error.value.messages[0]


def test_an_honourees_group_is_not_filled_with_union_chairs_nor_removed_by_hand(conf):
    group = _honourees(conf)

    with pytest.raises(ValidationError):
        services.guests_fill_from_units(
            actor=None, group=group, units_query=conf.event.organiser.__class__.objects.all()
        )
    with pytest.raises(ValidationError):
        services.guest_group_remove(actor=None, group=group)


def test_an_honouree_keeps_what_the_decision_says_but_their_contacts_may_change(conf):
    decision = decisions.decision_create(
        actor=conf.district_officer,
        issuer=conf.al.district,
        data={"award": Award.objects.get(code="giay-khen"), "cycle": conf.al.cycle},
    )
    line = decisions.line_add(
        actor=conf.district_officer,
        decision=decision,
        person=conf.cokhi_vice,
        data={"position": "Phó Chủ tịch Công đoàn cơ sở"},
    )
    guest = Guest.objects.create(
        group=_honourees(conf), decision_line=line, name=line.name, position=line.position
    )

    services.guest_update(
        actor=None,
        guest=guest,
        data={"name": "Lê Tiến Tùn", "position": "Tổ trưởng", "phone": "0912345678"},
    )

    guest.refresh_from_db()
    assert (guest.name, guest.position, guest.phone) == (
        "Lê Tiến Tùng",
        "Phó Chủ tịch Công đoàn cơ sở",
        "0912345678",
    )


def test_a_conference_is_closed_once_held_and_opened_again_with_the_audit_saying_so(conf):
    event = conf.event

    services.event_close(actor=conf.district_officer, event=event)
    with pytest.raises(ValidationError):
        services.event_close(actor=conf.district_officer, event=event)
    event.refresh_from_db()
    assert (event.status, event.closed_at is not None) == (EventStatus.CLOSED, True)

    services.event_reopen(actor=conf.district_officer, event=event)
    event.refresh_from_db()
    assert (event.status, event.closed_at) == (EventStatus.PREPARING, None)
    assert list(
        AuditEntry.objects.filter(action__in=["event_close", "event_reopen"])
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["event_close", "event_reopen"]


def test_the_plan_names_who_is_responsible_and_when_the_reminder_goes(conf):
    client = client_for(conf.district_officer)
    url = reverse("web:event_edit", args=[conf.event.pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "starts_day": "2024-07-23",
            "starts_time": "14:00",
            "cycles": [c.pk for c in data.get("cycles", [])],
            "responsible": "Trần Văn Long, Phó Chủ tịch: lễ tân, đón đại biểu",
            "remind_hours": "48",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302
    conf.event.refresh_from_db()
    assert conf.event.remind_hours == 48
    page = client.get(reverse("web:event_detail", args=[conf.event.pk])).content.decode()
    assert "Trần Văn Long, Phó Chủ tịch: lễ tân, đón đại biểu" in page


def test_the_api_closes_a_conference_for_its_organiser_only(conf):
    url = reverse("api:event-close", args=[conf.event.pk])

    refused = api_client_for(conf.city_officer).post(url)
    closed = api_client_for(conf.district_officer).post(url)

    assert refused.status_code == 403
    assert (closed.status_code, closed.json()["status"]) == (200, "closed")


def test_a_closed_conference_keeps_its_list_of_delegates(conf):
    group = conf.event.guest_groups.first()
    guest = services.guest_add(actor=None, group=group, data={"name": "Đào Văn Minh"})
    services.event_close(actor=None, event=conf.event)

    for change in (
        lambda: services.guest_add(actor=None, group=group, data={"name": "Lê Văn Tám"}),
        lambda: services.guest_update(actor=None, guest=guest, data={"name": "Đào Văn Mình"}),
        lambda: services.guest_remove(actor=None, guest=guest),
        lambda: services.guest_group_remove(actor=None, group=group),
        lambda: services.guest_group_add(actor=None, event=conf.event, name="Phóng viên"),
    ):
        with pytest.raises(ValidationError, match="danh sách đại biểu đã chốt"):
            change()


def test_removing_a_guest_of_a_closed_conference_is_refused_with_a_message(conf):
    group = conf.event.guest_groups.first()
    guest = services.guest_add(actor=None, group=group, data={"name": "Đào Văn Minh"})
    services.event_close(actor=None, event=conf.event)
    url = reverse("web:event_guest_remove", args=[conf.event.pk, group.pk, guest.pk])

    response = client_for(conf.district_officer).post(url, follow=True)

    assert response.status_code == 200
    assert "danh sách đại biểu đã chốt" in response.content.decode()
    assert Guest.objects.filter(pk=guest.pk).exists()


def test_union_chairs_filled_in_at_once_are_found_by_name_and_have_their_code(conf):
    group = conf.event.guest_groups.get(order=4)

    services.guests_fill_from_units(
        actor=None, group=group, units_query=Unit.objects.filter(pk=conf.cokhi_chair.unit_id)
    )

    hai = Guest.objects.get(name_folded="nguyen van hai")
    assert hai.checkin_code and len(hai.checkin_code) == 10
    assert hai.sort_key
