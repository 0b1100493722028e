"""The organisation tree is effective-dated: restructures change it from a date on, and the
tree before that date still shows the old structure."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_person, make_unit
from thidua.common.models import AuditEntry
from thidua.orgs import services
from thidua.orgs.models import UnitPlacement
from thidua.orgs.selectors import ancestors_on, placement_on

BEFORE = dt.date(2025, 6, 30)
RESTRUCTURE = dt.date(2025, 7, 1)


def children_names(unit, day):
    return sorted(
        p.unit.name
        for p in UnitPlacement.objects.on(day).filter(parent=unit).select_related("unit")
    )


def subtree_names(unit, day):
    path = placement_on(unit, day).path
    return sorted(
        p.unit.name for p in UnitPlacement.objects.on(day).under(path).select_related("unit")
    )


@pytest.fixture
def district_tree(db):
    city = make_unit("LĐLĐ thành phố Hải Phòng", kind="ldld_tinh")
    district = make_unit("LĐLĐ huyện An Lão", kind="ldld_huyen", parent=city)
    commune = make_unit(
        "Công đoàn xã An Lão", kind="cd_xa_phuong", parent=city, established_on=RESTRUCTURE
    )
    school = make_unit("CĐ Trường THCS An Thắng", parent=district)
    factory = make_unit("CĐ Công ty Cơ khí An Lão", parent=district)
    return city, district, commune, school, factory


def test_unit_create_places_the_unit_under_its_parent(district_tree):
    city, district, _, school, _ = district_tree

    assert placement_on(school, BEFORE).parent == district
    assert placement_on(school, BEFORE).path.startswith(placement_on(city, BEFORE).path)
    assert ancestors_on(school, BEFORE) == [city, district]


def test_unit_merge_shows_new_structure_after_the_date_and_old_before(district_tree):
    city, district, commune, school, factory = district_tree

    services.unit_merge(
        actor=None, unit=district, into=commune, effective_on=RESTRUCTURE, reason="CV 4173/TLĐ-ToC"
    )

    assert children_names(district, BEFORE) == sorted([school.name, factory.name])
    assert children_names(commune, BEFORE) == []
    assert children_names(district, RESTRUCTURE) == []
    assert children_names(commune, RESTRUCTURE) == sorted([school.name, factory.name])
    assert ancestors_on(school, BEFORE) == [city, district]
    assert ancestors_on(school, RESTRUCTURE) == [city, commune]
    district.refresh_from_db()
    assert (district.ended_on, district.end_kind, district.merged_into) == (
        RESTRUCTURE,
        "merged",
        commune,
    )
    assert placement_on(district, RESTRUCTURE) is None


def test_unit_merge_moves_people_and_audits_each(district_tree):
    _, district, commune, _, _ = district_tree
    officer = make_person("Phạm Thị Nga", unit=district)

    moved = services.unit_merge(
        actor=None, unit=district, into=commune, effective_on=RESTRUCTURE, reason="Sáp nhập"
    )

    officer.refresh_from_db()
    assert (moved, officer.unit) == (1, commune)
    assert AuditEntry.objects.filter(
        action="person_move_on_merge", object_id=str(officer.pk)
    ).exists()
    assert AuditEntry.objects.filter(action="unit_merge", object_id=str(district.pk)).exists()


def test_unit_move_carries_the_whole_subtree(db):
    province_a = make_unit("LĐLĐ tỉnh Kiên Giang", kind="ldld_tinh")
    province_b = make_unit("LĐLĐ tỉnh An Giang", kind="ldld_tinh")
    district = make_unit("LĐLĐ thành phố Rạch Giá", kind="ldld_huyen", parent=province_a)
    grassroots = make_unit("CĐ Cảng cá Tắc Cậu", parent=district)

    services.unit_move(actor=None, unit=district, new_parent=province_b, effective_on=RESTRUCTURE)

    assert subtree_names(province_a, BEFORE) == sorted(
        [province_a.name, district.name, grassroots.name]
    )
    assert subtree_names(province_a, RESTRUCTURE) == [province_a.name]
    assert subtree_names(province_b, RESTRUCTURE) == sorted(
        [province_b.name, district.name, grassroots.name]
    )
    assert placement_on(grassroots, RESTRUCTURE).depth == 2


def test_unit_move_into_its_own_subtree_is_refused(district_tree):
    _, district, _, _, _ = district_tree
    upper = make_unit("CĐ cấp trên thử", kind="cd_cap_tren_khac", parent=district)

    with pytest.raises(ValidationError, match="chính nó"):
        services.unit_move(actor=None, unit=district, new_parent=upper, effective_on=RESTRUCTURE)


def test_unit_move_under_a_grassroots_union_is_refused(district_tree):
    _, _, _, school, factory = district_tree

    with pytest.raises(ValidationError, match="không có đơn vị trực thuộc"):
        services.unit_move(actor=None, unit=school, new_parent=factory, effective_on=RESTRUCTURE)


def test_unit_move_to_a_parent_not_yet_established_is_refused(district_tree):
    _, _, commune, school, _ = district_tree

    with pytest.raises(ValidationError, match="không hoạt động"):
        services.unit_move(actor=None, unit=school, new_parent=commune, effective_on=BEFORE)


def test_a_change_dated_before_a_later_one_is_refused(district_tree):
    _, district, commune, school, _ = district_tree
    services.unit_move(
        actor=None, unit=school, new_parent=commune, effective_on=dt.date(2025, 8, 1)
    )

    with pytest.raises(ValidationError, match="thứ tự thời gian"):
        services.unit_move(actor=None, unit=district, new_parent=commune, effective_on=RESTRUCTURE)


def test_unit_dissolve_with_children_is_refused(district_tree):
    _, district, _, _, _ = district_tree

    with pytest.raises(ValidationError, match="còn 2 đơn vị trực thuộc"):
        services.unit_dissolve(
            actor=None, unit=district, effective_on=RESTRUCTURE, reason="Giải thể"
        )


def test_unit_dissolve_ends_the_unit_from_the_date(district_tree):
    _, district, _, school, _ = district_tree

    services.unit_dissolve(
        actor=None, unit=school, effective_on=RESTRUCTURE, reason="Doanh nghiệp giải thể"
    )

    assert school.name in children_names(district, BEFORE)
    assert school.name not in children_names(district, RESTRUCTURE)
    school.refresh_from_db()
    assert school.end_kind == "dissolved"


def test_unit_dissolve_needs_a_reason(district_tree):
    _, _, _, school, _ = district_tree

    with pytest.raises(ValidationError):
        services.unit_dissolve(actor=None, unit=school, effective_on=RESTRUCTURE, reason=" ")


def test_moving_twice_on_the_same_day_rewrites_rather_than_stacking(district_tree):
    city, district, commune, school, _ = district_tree
    services.unit_move(actor=None, unit=school, new_parent=commune, effective_on=RESTRUCTURE)

    services.unit_move(actor=None, unit=school, new_parent=city, effective_on=RESTRUCTURE)

    assert [
        (p.parent, p.valid_from, p.valid_to) for p in school.placements.order_by("valid_from")
    ] == [
        (district, dt.date(2000, 1, 1), RESTRUCTURE),
        (city, RESTRUCTURE, None),
    ]


def test_unit_update_is_audited_with_before_and_after(district_tree):
    _, district, _, _, _ = district_tree

    services.unit_update(actor=None, unit=district, data={"place_name": "An Lão"})

    entry = AuditEntry.objects.get(action="unit_update", object_id=str(district.pk))
    assert entry.changes == {"place_name": ["", "An Lão"]}
    assert entry.unit_path == placement_on(district, dt.date.today()).path


def test_unit_code_must_be_unique(district_tree):
    with pytest.raises(ValidationError):
        make_unit("Trùng mã", code=district_tree[3].code)


def test_person_update_logs_id_number_change_without_its_value(district_tree):
    person = make_person("Trần Thị Bình", unit=district_tree[3], id_number="031190001234")

    services.person_update(actor=None, person=person, data={"id_number": "031190009999"})

    entry = AuditEntry.objects.filter(action="person_update").get()
    assert entry.changes == {"id_number": ["***", "***"]}
    assert "031190009999" not in str(AuditEntry.objects.values_list("changes", flat=True))


def test_unit_create_under_a_parent_that_later_ends_is_refused(district_tree):
    _, district, commune, school, factory = district_tree
    services.unit_move(actor=None, unit=school, new_parent=commune, effective_on=RESTRUCTURE)
    services.unit_move(actor=None, unit=factory, new_parent=commune, effective_on=RESTRUCTURE)
    services.unit_dissolve(actor=None, unit=district, effective_on=RESTRUCTURE, reason="CV 4173")

    with pytest.raises(ValidationError, match="chấm dứt hoạt động"):
        make_unit("CĐ thành lập muộn", parent=district, established_on=dt.date(2010, 1, 1))
