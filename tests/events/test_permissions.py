"""Who sees a conference and who organises it (thidua.events.permissions): the organiser's
staff and the levels above see it; its emulation officers organise it; another union's staff
get a 404, as for a conference that does not exist."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.factories import make_event
from thidua.events.permissions import (
    can_manage_event,
    cycles_to_link,
    event_for_user,
    events_for_user,
    organisers_for_user,
)
from thidua.orgs import services as orgs
from thidua.orgs.models import User
from thidua.orgs.permissions import today


def fresh(user: User) -> User:
    """The user as the next request loads it (the funnel caches scope on the object)."""
    return User.objects.get(pk=user.pk)


def test_the_district_officer_organises_the_district_conference(conf):
    event = event_for_user(conf.district_officer, conf.event.pk, manage=True)

    assert event == conf.event
    assert can_manage_event(conf.district_officer, conf.event)


def test_the_district_chair_sees_the_conference_but_does_not_edit_it(conf):
    assert event_for_user(conf.district_leader, conf.event.pk) == conf.event
    with pytest.raises(PermissionDenied, match="Chỉ cán bộ thi đua của Liên đoàn Lao động huyện"):
        event_for_user(conf.district_leader, conf.event.pk, manage=True)


def test_the_city_officer_sees_the_district_conference_but_does_not_organise_it(conf):
    assert list(events_for_user(conf.city_officer)) == [conf.event]
    assert not can_manage_event(conf.city_officer, conf.event)
    with pytest.raises(PermissionDenied):
        event_for_user(conf.city_officer, conf.event.pk, manage=True)


def test_an_officer_of_another_district_gets_404(conf):
    assert list(events_for_user(conf.other_officer)) == []
    with pytest.raises(Http404, match="Không tìm thấy hội nghị"):
        event_for_user(conf.other_officer, conf.event.pk)


def test_a_grassroots_official_does_not_see_conferences(conf):
    with pytest.raises(Http404):
        event_for_user(conf.grassroots_official, conf.event.pk)


def test_a_conference_that_does_not_exist_and_a_malformed_id_are_404(conf):
    for pk in (987654, "abc", 10**30):
        with pytest.raises(Http404):
            event_for_user(conf.district_officer, pk)


def test_an_inactive_account_sees_nothing(conf):
    conf.district_officer.is_active = False

    assert list(events_for_user(conf.district_officer)) == []
    assert not can_manage_event(conf.district_officer, conf.event)


def test_after_a_merger_the_city_officer_organises_the_district_conference(conf):
    orgs.unit_merge(
        actor=None,
        unit=conf.al.district,
        into=conf.al.city,
        effective_on=today() - dt.timedelta(days=1),
        reason="Kết thúc hoạt động công đoàn cấp huyện",
    )
    officer = fresh(conf.city_officer)

    assert event_for_user(officer, conf.event.pk, manage=True) == conf.event


def test_a_city_conference_is_not_seen_by_the_district(conf):
    city_event = make_event(conf.al.city, title="Hội nghị biểu dương của thành phố")

    assert list(events_for_user(conf.district_officer)) == [conf.event]
    assert set(events_for_user(conf.city_officer)) == {conf.event, city_event}


def test_conferences_are_organised_for_the_units_one_manages(conf):
    assert list(organisers_for_user(conf.district_officer)) == [conf.al.district]
    assert list(organisers_for_user(conf.city_admin)) == [conf.al.city]
    assert list(organisers_for_user(conf.district_leader)) == []
    assert list(organisers_for_user(conf.grassroots_official)) == []


def test_a_superuser_organises_for_every_active_unit(conf):
    root = User.objects.create_superuser("sieu", "sieu@example.vn", "mat-khau-thu-123")

    assert organisers_for_user(root).filter(pk=conf.al.district.pk).exists()
    assert event_for_user(root, conf.event.pk, manage=True) == conf.event


def test_a_conference_honours_the_cycles_its_organiser_runs(conf):
    assert list(cycles_to_link(conf.district_officer)) == [conf.al.cycle]
    assert list(cycles_to_link(conf.city_officer)) == []
