from __future__ import annotations

import pytest

from tests.api.conftest import api_client_for
from tests.factories import make_person
from thidua.common.models import AuditEntry
from thidua.orgs.models import Person


def names(response):
    return [row["full_name"] for row in response.json()["results"]]


# Who sees what


def test_people_list_shows_grassroots_official_their_own_union_only(world):
    response = api_client_for(world.official_a).get("/api/v1/people/")

    assert response.status_code == 200
    assert names(response) == ["Trần Thị Bình"]


@pytest.mark.parametrize(("method", "body"), [("get", None), ("patch", {"position": "Tổ trưởng"})])
def test_another_unions_person_is_not_found(world, method, body):
    client = api_client_for(world.official_a)

    response = getattr(client, method)(f"/api/v1/people/{world.person_b.pk}/", body, format="json")

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy người này."}


def test_people_list_filtered_by_another_unions_unit_is_not_found(world):
    response = api_client_for(world.official_a).get("/api/v1/people/", {"unit": world.union_b.pk})

    assert response.status_code == 404


def test_people_list_searches_without_diacritics(world):
    make_person("Trần Văn Bình", unit=world.union_a)

    response = api_client_for(world.provincial_officer).get(
        "/api/v1/people/", {"q": "tran thi binh"}
    )

    assert names(response) == ["Trần Thị Bình"]


def test_people_list_is_ordered_by_given_name(world):
    for full_name in ["Bùi Thị Dung", "Đặng Văn Cường", "Vũ Văn An"]:
        make_person(full_name, unit=world.union_a)

    response = api_client_for(world.official_a).get("/api/v1/people/")

    assert names(response) == ["Vũ Văn An", "Trần Thị Bình", "Đặng Văn Cường", "Bùi Thị Dung"]


def test_people_list_filters_by_unit_subtree_gender_and_category(world):
    make_person("Phạm Thị Hoa", unit=world.union_a2, gender="nu", member_category="manager")
    client = api_client_for(world.provincial_officer)

    by_unit = client.get("/api/v1/people/", {"unit": world.an_lao.pk})
    by_gender = client.get("/api/v1/people/", {"gender": "nu"})
    by_category = client.get("/api/v1/people/", {"member_category": "manager"})

    assert names(by_unit) == ["Trần Thị Bình", "Phạm Thị Hoa"]
    assert names(by_gender) == ["Phạm Thị Hoa"]
    assert names(by_category) == ["Phạm Thị Hoa"]


# Personal data


@pytest.mark.parametrize("actor", ["leader", "viewer", "official_a"])
def test_id_number_is_hidden_from_readers_without_the_right(world, actor):
    client = api_client_for(getattr(world, actor))

    listed = client.get("/api/v1/people/").json()["results"][0]
    detail = client.get(f"/api/v1/people/{world.person_a.pk}/").json()

    assert "id_number" not in listed
    assert "id_number" not in detail
    assert detail["full_name"] == "Trần Thị Bình"


@pytest.mark.parametrize("actor", ["provincial_officer", "district_officer", "admin"])
def test_id_number_is_shown_to_officers(world, actor):
    client = api_client_for(getattr(world, actor))

    listed = client.get("/api/v1/people/").json()["results"][0]
    detail = client.get(f"/api/v1/people/{world.person_a.pk}/").json()

    assert listed["id_number"] == "031190001234"
    assert detail["id_number"] == "031190001234"


def test_browsable_api_does_not_leak_the_id_number(world):
    # Its edit form is pre-filled from the person; the number must not be in it.
    client = api_client_for(world.leader)

    response = client.get(f"/api/v1/people/{world.person_a.pk}/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert "031190001234" not in response.content.decode()


# Creating and editing


def test_person_create_in_own_union_is_audited(world):
    client = api_client_for(world.official_a)

    response = client.post(
        "/api/v1/people/",
        {"full_name": "Hoàng  Văn   Minh", "gender": "nam", "unit": world.union_a.pk},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["full_name"] == "Hoàng Văn Minh"
    assert response.json()["unit"]["id"] == world.union_a.pk
    person = Person.objects.get(full_name="Hoàng Văn Minh")
    assert AuditEntry.objects.filter(
        action="person_create", object_id=str(person.pk), actor=world.official_a
    ).exists()


def test_person_create_in_another_union_is_not_found(world):
    client = api_client_for(world.official_a)

    response = client.post(
        "/api/v1/people/",
        {"full_name": "Hoàng Văn Minh", "gender": "nam", "unit": world.union_b.pk},
        format="json",
    )

    assert response.status_code == 404
    assert not Person.objects.filter(full_name="Hoàng Văn Minh").exists()


def test_person_create_needs_the_right_to_manage_people(world):
    client = api_client_for(world.leader)

    response = client.post(
        "/api/v1/people/",
        {"full_name": "Hoàng Văn Minh", "gender": "nam", "unit": world.union_a.pk},
        format="json",
    )

    assert response.status_code == 403


def test_person_create_explains_a_bad_id_number_in_vietnamese(world):
    client = api_client_for(world.district_officer)

    response = client.post(
        "/api/v1/people/",
        {
            "full_name": "Hoàng Văn Minh",
            "gender": "nam",
            "unit": world.union_a.pk,
            "id_number": "123",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"id_number": ["Số CCCD gồm đúng 12 chữ số."]}


def test_person_update_changes_the_position_and_is_audited(world):
    client = api_client_for(world.official_a)

    response = client.patch(
        f"/api/v1/people/{world.person_a.pk}/", {"position": "Tổ trưởng công đoàn"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["position"] == "Tổ trưởng công đoàn"
    assert AuditEntry.objects.filter(
        action="person_update", object_id=str(world.person_a.pk)
    ).exists()


def test_person_update_needs_the_right_to_manage_people(world):
    client = api_client_for(world.viewer)

    response = client.patch(
        f"/api/v1/people/{world.person_a.pk}/", {"position": "Tổ trưởng"}, format="json"
    )

    assert response.status_code == 403


def test_person_cannot_be_moved_to_a_unit_outside_scope(world):
    client = api_client_for(world.official_a)

    response = client.patch(
        f"/api/v1/people/{world.person_a.pk}/", {"unit": world.union_b.pk}, format="json"
    )

    assert response.status_code == 404
    world.person_a.refresh_from_db()
    assert world.person_a.unit == world.union_a


# Query counts


@pytest.mark.parametrize("rows", [1, 3])
def test_people_list_query_count_does_not_grow_with_rows(
    world, django_assert_max_num_queries, rows
):
    for number in range(rows - 1):
        make_person(
            f"Nguyễn Văn Thử {number}", unit=world.union_a2, id_number=f"03119000{number:04d}"
        )
    client = api_client_for(world.provincial_officer)

    # Session, user, memberships, scope paths, count, page, which rows show personal data.
    with django_assert_max_num_queries(7):
        response = client.get("/api/v1/people/")

    assert response.json()["count"] == rows


def test_a_role_that_cannot_read_id_numbers_cannot_write_them(world):
    client = api_client_for(world.official_a)

    response = client.post(
        "/api/v1/people/",
        {
            "full_name": "Vũ Thị Hoa",
            "gender": "nu",
            "unit": world.union_a.pk,
            "id_number": "031190007777",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"id_number": ["Vai trò của bạn không được nhập số CCCD."]}
