"""The access funnel, rule by rule, with the named actors of tests/conftest.py."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.factories import make_person, make_unit
from thidua.orgs import services
from thidua.orgs.permissions import (
    Cap,
    people_for_user,
    person_for_user,
    unit_for_user,
    unit_restructure_allowed,
    units_for_user,
)


def test_grassroots_official_sees_only_their_union(world):
    assert set(units_for_user(world.official_a)) == {world.union_a}
    assert set(people_for_user(world.official_a)) == {world.person_a}


def test_provincial_officer_sees_their_subtree_and_nothing_of_another_province(world):
    units = set(units_for_user(world.provincial_officer))

    assert units == {world.hai_phong, world.an_lao, world.union_a, world.union_a2}


def test_another_unions_objects_are_not_found_rather_than_forbidden(world):
    with pytest.raises(Http404):
        unit_for_user(world.official_a, world.union_b.pk)
    with pytest.raises(Http404):
        person_for_user(world.official_a, world.person_b.pk)


def test_a_visible_unit_without_the_right_to_change_it_is_forbidden(world):
    with pytest.raises(PermissionDenied):
        unit_for_user(world.leader, world.union_a.pk, Cap.MANAGE_UNITS)


def test_an_officer_restructures_below_their_unit_not_the_unit_itself(world):
    assert unit_restructure_allowed(world.district_officer, world.union_a)
    assert not unit_restructure_allowed(world.district_officer, world.an_lao)


def test_people_left_on_an_ended_unit_stay_findable_by_whoever_had_it(world):
    closing = make_unit("CĐ Công ty sắp giải thể", parent=world.an_lao)
    worker = make_person("Hoàng Văn Lâm", unit=closing)
    services.unit_dissolve(
        actor=None, unit=closing, effective_on=dt.date(2025, 7, 1), reason="Giải thể"
    )

    assert worker in people_for_user(world.district_officer)
    assert worker not in people_for_user(world.official_b)
    assert person_for_user(world.provincial_officer, worker.pk) == worker


def test_a_superuser_sees_everything(world):
    world.admin.is_superuser = True

    assert world.union_b in units_for_user(world.admin)
