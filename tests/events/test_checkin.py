"""Check-in services on the An Lão conference's day (tests/events/checkin_day.py): a tap marks a
delegate present once, a second tap says who did it and when, a mistaken mark is taken back,
someone who came without an invitation is added present, and nothing changes once the
conference is closed or for someone who does not organise it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.events.checkin_day import ARRIVAL, Day, day  # noqa: F401  day is a fixture
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.factories import make_event
from thidua.common.models import AuditEntry
from thidua.events import services
from thidua.events.checkin import check_in, check_in_undo, present_text, walk_in_add
from thidua.events.models import Guest
from thidua.orgs.selectors import unit_current_path


def audits(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("id"))


def test_check_in_marks_the_delegate_present_and_audits_it(day: Day):
    officer = day.conf.district_officer

    result = check_in(actor=officer, guest=day.hai, now=ARRIVAL)

    assert result.counted is True
    day.hai.refresh_from_db()
    assert (day.hai.present_at, day.hai.present_by) == (ARRIVAL, officer)
    (entry,) = audits("checkin")
    assert (entry.actor, entry.object_id, entry.unit_path) == (
        officer,
        str(day.hai.pk),
        unit_current_path(day.conf.al.district),
    )


def test_a_second_tap_counts_once_and_says_who_marked_them_and_when(day: Day):
    first, second = day.conf.district_officer, day.second_officer
    check_in(actor=first, guest=day.hai, now=ARRIVAL)

    result = check_in(actor=second, guest=Guest.objects.get(pk=day.hai.pk), now=ARRIVAL)

    assert result.counted is False
    assert (result.guest.present_at, result.guest.present_by) == (ARRIVAL, first)
    assert present_text(result.guest) == "Đã điểm danh lúc 13:52 bởi Nguyễn Thu Hà."
    assert len(audits("checkin")) == 1


def test_a_mistaken_mark_is_taken_back_and_audited(day: Day):
    officer = day.conf.district_officer
    check_in(actor=officer, guest=day.chi, now=ARRIVAL)

    check_in_undo(actor=officer, guest=day.chi)

    day.chi.refresh_from_db()
    assert (day.chi.present_at, day.chi.present_by) == (None, None)
    (entry,) = audits("checkin_undo")
    assert entry.changes == {
        "present_at": [ARRIVAL.isoformat(), None],
        "present_by": ["Nguyễn Thu Hà", None],
    }


def test_taking_back_a_mark_nobody_made_is_refused(day: Day):
    with pytest.raises(ValidationError, match="chưa được điểm danh"):
        check_in_undo(actor=day.conf.district_officer, guest=day.tung)

    assert audits("checkin_undo") == []


def test_a_walk_in_is_added_present_at_the_end_of_a_guest_group(day: Day):
    officer = day.conf.district_officer

    guest = walk_in_add(
        actor=officer, event=day.event, group=day.leaders, name="  Đào  Văn Minh ",
        position="Phóng viên", unit_name="Báo Lao động", phone="0912 000 111", now=ARRIVAL,
    )  # fmt: skip

    guest.refresh_from_db()
    assert (guest.name, guest.group, guest.walk_in) == ("Đào Văn Minh", day.leaders, True)
    assert (guest.present_at, guest.present_by, guest.order) == (ARRIVAL, officer, 4)
    assert guest.name_folded == "dao van minh" and len(str(guest.checkin_code)) == 10
    (entry,) = audits("walk_in_add")
    assert entry.changes["group"] == [None, day.leaders.name]


@pytest.mark.parametrize("whose", ["honourees", "other_event"])
def test_a_walk_in_goes_into_a_guest_group_of_this_conference_only(day: Day, whose: str):
    if whose == "honourees":
        group = day.honourees
    else:
        other = make_event(day.conf.al.district, title="Hội nghị khác")
        group = other.guest_groups.all()[0]

    with pytest.raises(ValidationError) as refused:
        walk_in_add(actor=day.conf.district_officer, event=day.event, group=group, name="Ai đó")

    assert "group" in refused.value.message_dict
    assert not Guest.objects.filter(name="Ai đó").exists()


def test_a_walk_in_needs_a_name(day: Day):
    with pytest.raises(ValidationError) as refused:
        walk_in_add(actor=day.conf.district_officer, event=day.event, group=day.leaders, name=" ")

    assert refused.value.message_dict == {"name": ["Hãy nhập họ và tên người đến."]}


def test_a_walk_ins_mark_is_not_taken_back_they_are_taken_off_the_list(day: Day):
    officer = day.conf.district_officer
    guest = walk_in_add(actor=officer, event=day.event, group=day.leaders, name="Đào Văn Minh")

    with pytest.raises(ValidationError, match="bỏ khỏi danh sách"):
        check_in_undo(actor=officer, guest=guest)

    guest.refresh_from_db()
    assert guest.present_at is not None


def test_a_closed_conference_refuses_check_in_undo_and_walk_ins(day: Day):
    officer = day.conf.district_officer
    check_in(actor=officer, guest=day.toan, now=ARRIVAL)
    services.event_close(actor=officer, event=day.event, now=ARRIVAL + dt.timedelta(hours=3))

    for attempt in (
        lambda: check_in(actor=officer, guest=day.hai),
        lambda: check_in_undo(actor=officer, guest=day.toan),
        lambda: walk_in_add(actor=officer, event=day.event, group=day.leaders, name="Muộn"),
    ):
        with pytest.raises(ValidationError, match="Hội nghị đã kết thúc"):
            attempt()

    assert list(
        Guest.objects.filter(group__event=day.event, present_at__isnull=False).values_list(
            "name", flat=True
        )
    ) == ["Bùi Văn Toàn"]


def test_someone_who_only_reads_the_conference_may_not_check_in(day: Day):
    with pytest.raises(PermissionDenied):
        check_in(actor=day.conf.city_officer, guest=day.hai)
    with pytest.raises(PermissionDenied):
        walk_in_add(actor=day.conf.district_leader, event=day.event, group=day.leaders, name="X")

    day.hai.refresh_from_db()
    assert day.hai.present_at is None
