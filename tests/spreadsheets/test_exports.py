"""Templates and exports: the headers users fill in, and only what the user may see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import make_person, make_unit
from tests.spreadsheets.conftest import PERSON_HEADERS, UNIT_HEADERS, read_back


def _download(user, name: str):
    response = client_for(user).get(reverse(name))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return b"".join(response.streaming_content)


def test_unit_template_has_the_headers_a_guide_and_the_lists(world):
    content = _download(world.provincial_officer, "spreadsheets:unit_template")

    assert read_back(content) == [tuple(UNIT_HEADERS)]
    guide = {row[0]: row[1:] for row in read_back(content, "Hướng dẫn") if row}
    assert guide["Loại đơn vị"][0] == "Có"
    assert "Công đoàn cơ sở" in guide["Loại đơn vị"][2]
    assert guide["Địa danh"][0] is None
    lists = read_back(content, "Danh mục")
    assert lists[0] == ("Loại đơn vị",)
    assert ("Công đoàn cơ sở",) in lists


def test_person_template_has_the_headers(world):
    content = _download(world.provincial_officer, "spreadsheets:person_template")

    assert read_back(content) == [tuple(PERSON_HEADERS)]
    assert read_back(content, "Danh mục")[:3] == [
        ("Giới tính", "Trình độ", "Đối tượng", "Đoàn viên"),
        ("Nam", "Phổ thông",
         "Công nhân, người lao động (cao đẳng trở xuống, không giữ chức vụ quản lý)", "Có"),
        ("Nữ", "Sơ cấp",
         "Cán bộ, viên chức trình độ đại học trở lên, không giữ chức vụ", "Không"),
    ]  # fmt: skip


def test_person_template_for_a_grassroots_official_has_no_id_number_column(world):
    content = _download(world.official_a, "spreadsheets:person_template")

    assert read_back(content)[0] == tuple(h for h in PERSON_HEADERS if h != "Số CCCD")


def test_unit_template_is_refused_to_who_cannot_manage_units(world):
    response = client_for(world.official_a).get(reverse("spreadsheets:unit_template"))

    assert response.status_code == 403


def test_people_export_by_grassroots_official_holds_only_their_union_and_no_id_number(world):
    make_person(
        "Phạm Thị Dung", unit=world.union_a, gender="nu", date_of_birth=dt.date(1990, 7, 28)
    )

    rows = read_back(_download(world.official_a, "spreadsheets:person_export"))

    assert rows[0] == tuple(h for h in PERSON_HEADERS if h != "Số CCCD")
    assert [(row[1], row[5]) for row in rows[1:]] == [
        ("Trần Thị Bình", "HP-AL-001"),
        ("Phạm Thị Dung", "HP-AL-001"),
    ]
    assert rows[2][2:4] == ("Nữ", dt.datetime(1990, 7, 28))


def test_people_export_by_officer_holds_the_id_number(world):
    rows = read_back(_download(world.provincial_officer, "spreadsheets:person_export"))

    assert rows[0] == tuple(PERSON_HEADERS)
    assert rows[1:] == [
        (world.person_a.pk, "Trần Thị Bình", "Nam", None, None, "HP-AL-001", None,
         "Công nhân, người lao động (cao đẳng trở xuống, không giữ chức vụ quản lý)", "Có",
         None, None, "031190001234"),
    ]  # fmt: skip


def test_people_export_is_refused_to_who_cannot_see_people(world):
    response = client_for(world.council_member).get(reverse("spreadsheets:person_export"))

    assert response.status_code == 403


def test_unit_export_lists_the_district_subtree_parents_first(world):
    rows = read_back(_download(world.district_officer, "spreadsheets:unit_export"))

    assert [(row[0], row[5]) for row in rows[1:]] == [
        ("HP-ANLAO", "HP"),
        ("HP-AL-001", "HP-ANLAO"),
        ("HP-AL-002", "HP-ANLAO"),
    ]
    assert rows[2][3] == "Công đoàn cơ sở"
    assert rows[2][6] == dt.datetime(2000, 1, 1)


# session, user, memberships, scope paths (personal-data scope may need its own), the rows,
# and the count that lets a short list download at once
EXPORT_QUERIES = 7


@pytest.mark.parametrize("people", [1, 3])
def test_people_export_query_count_does_not_grow_with_people(
    world, people, django_assert_max_num_queries
):
    for number in range(people - 1):
        make_person(f"Người Thử {number}", unit=world.union_a)
    client = client_for(world.provincial_officer)

    with django_assert_max_num_queries(EXPORT_QUERIES):
        response = client.get(reverse("spreadsheets:person_export"))
        rows = read_back(b"".join(response.streaming_content))

    assert len(rows) == 1 + people


@pytest.mark.parametrize("units", [1, 3])
def test_unit_export_query_count_does_not_grow_with_units(
    world, units, django_assert_max_num_queries
):
    for _ in range(units):
        make_unit(parent=world.an_lao)
    client = client_for(world.district_officer)

    with django_assert_max_num_queries(EXPORT_QUERIES):
        response = client.get(reverse("spreadsheets:unit_export"))
        rows = read_back(b"".join(response.streaming_content))

    assert len(rows) == 1 + 3 + units
