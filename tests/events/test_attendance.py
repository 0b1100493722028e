"""The reads of the conference's day: the live count by group (invited, confirmed, declined,
present, walk-ins apart), the check-in search (a name without diacritics, a unit, a
substitute, the invitation's code) and the attendance report's lists."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.awards.conftest import al  # noqa: F401  al is a fixture
from tests.events.checkin_day import (  # noqa: F401  day is a fixture
    ARRIVAL,
    HONOUREES,
    Day,
    day,
    make_delegate,
)
from tests.events.conftest import conf  # noqa: F401  conf is a fixture
from tests.factories import make_event
from thidua.events.attendance import (
    Counts,
    attendance_report,
    count_guests,
    delegate_by_code,
    delegates_search,
    live_counts,
    normalise_code,
    words_match,
)
from thidua.events.checkin import check_in, walk_in_add
from thidua.events.enums import Rsvp
from thidua.events.models import Guest


def _arrive(day: Day, *guests: Guest) -> None:
    for guest in guests:
        check_in(actor=day.conf.district_officer, guest=guest, now=ARRIVAL)


# --- pure parts -----------------------------------------------------------------------------------


def test_counts_keep_walk_ins_apart_from_the_invited():
    guests = [
        Guest(name="A", rsvp=Rsvp.ACCEPTED, present_at=ARRIVAL),
        Guest(name="B", rsvp=Rsvp.SUBSTITUTE, present_at=ARRIVAL),
        Guest(name="C", rsvp=Rsvp.DECLINED),
        Guest(name="D", rsvp=Rsvp.PENDING),
        Guest(name="E", walk_in=True, present_at=ARRIVAL),
    ]

    counts = count_guests(guests)

    assert counts == Counts(invited=4, confirmed=2, declined=1, present=2, walk_ins=1)
    assert (counts.present_total, counts.absent) == (3, 2)


def test_a_code_is_read_whatever_the_case_spaces_and_dashes():
    assert normalise_code(" ab3k 7mnp-2q ") == "AB3K7MNP2Q"
    assert normalise_code("/../") == ""


def test_words_match_every_word_start_without_diacritics():
    assert words_match("Công ty TNHH Cơ khí An Lão", "co khi")
    assert words_match("Trần Văn Khoa", "tran kh")
    assert not words_match("Trần Văn Khoa", "van khoai")


# --- the live count -------------------------------------------------------------------------------


def test_the_live_count_goes_by_group_honourees_first(day: Day):
    _arrive(day, day.toan, day.lan, day.hai)
    walk_in_add(
        actor=day.conf.district_officer, event=day.event, group=day.leaders, name="Đào Văn Minh"
    )

    counts = live_counts(day.event)

    first, second = counts.groups[:2]
    assert (first.group.name, first.counts) == (
        HONOUREES,
        Counts(invited=2, confirmed=2, declined=0, present=2, walk_ins=0),
    )
    assert (second.group, second.counts) == (
        day.leaders,
        Counts(invited=3, confirmed=1, declined=1, present=1, walk_ins=1),
    )
    assert len(counts.groups) == 7  # the six usual guest groups and the honourees'
    assert counts.honourees == first.counts
    assert counts.guests == second.counts
    assert counts.total == Counts(invited=5, confirmed=3, declined=1, present=3, walk_ins=1)


def test_the_live_count_is_one_query(day: Day, django_assert_num_queries):
    with django_assert_num_queries(1):
        live_counts(day.event)


# --- the search -----------------------------------------------------------------------------------


def _names(found: list[Guest]) -> list[str]:
    return [guest.name for guest in found]


def test_a_name_typed_without_diacritics_finds_the_delegate(day: Day):
    assert _names(delegates_search(day.event, "nguyen van")) == ["Nguyễn Văn Hải"]
    assert _names(delegates_search(day.event, "NGUYEN")) == ["Nguyễn Văn Hải", "Nguyễn Thị Lan"]
    assert _names(delegates_search(day.event, "  ")) == []


def test_the_unit_and_the_substitutes_name_find_delegates_too(day: Day):
    assert _names(delegates_search(day.event, "truong thpt")) == ["Ngô Phương Chi"]
    assert _names(delegates_search(day.event, "tran van khoa")) == ["Nguyễn Thị Lan"]
    # Names in Vietnamese order, by given name: Hải, Lan, Toàn, Tùng.
    assert _names(delegates_search(day.event, "co khi")) == [
        "Nguyễn Văn Hải",
        "Nguyễn Thị Lan",
        "Bùi Văn Toàn",
        "Lê Tiến Tùng",
    ]


def test_the_code_of_the_invitation_finds_its_delegate_in_any_case(day: Day):
    code = day.chi.checkin_code
    typed = f"{code[:5].lower()} {code[5:].lower()}"

    assert _names(delegates_search(day.event, typed)) == ["Ngô Phương Chi"]
    assert delegate_by_code(day.event, typed) == day.chi
    assert delegate_by_code(day.event, "ZZZZZZZZZZ") is None


def test_delegates_of_another_conference_are_not_found(day: Day):
    other = make_event(day.conf.al.district, title="Hội nghị khác")
    stranger = make_delegate(other.guest_groups.all()[0], "Nguyễn Văn Hải")

    assert delegates_search(day.event, "nguyen van hai") == [day.hai]
    assert delegate_by_code(day.event, str(stranger.checkin_code)) is None


# --- the report -----------------------------------------------------------------------------------


def test_the_report_lists_who_came_and_who_did_not_by_group(day: Day):
    _arrive(day, day.toan, day.hai, day.tung)
    minh = walk_in_add(
        actor=day.conf.district_officer, event=day.event, group=day.leaders, name="Đào Văn Minh",
        now=ARRIVAL + dt.timedelta(minutes=5),
    )  # fmt: skip

    report = attendance_report(day.event)

    honoured, leaders = report.groups[:2]
    assert (honoured.present, honoured.absent, honoured.walk_ins) == ([day.toan], [day.lan], [])
    # Names in Vietnamese order: Hải before Tùng, by given name.
    assert (leaders.present, leaders.absent, leaders.walk_ins) == (
        [day.hai, day.tung],
        [day.chi],
        [minh],
    )
    assert report.honourees_absent == [day.lan]
    assert report.walk_ins == [minh]
    assert report.total == live_counts(day.event).total
    assert report.total == Counts(invited=5, confirmed=3, declined=1, present=3, walk_ins=1)


@pytest.mark.parametrize("extra", [0, 2])
def test_the_report_reads_in_a_fixed_number_of_queries(day: Day, extra, django_assert_num_queries):
    for index in range(extra):
        make_delegate(day.leaders, f"Khách {index}")

    with django_assert_num_queries(2):
        report = attendance_report(day.event)

    assert report.total.invited == 5 + extra
