from __future__ import annotations

import pytest

from tests.api.conftest import api_client_for
from tests.factories import make_unit, make_user
from thidua.common.models import AuditEntry
from thidua.orgs.models import Unit


def codes(response):
    return [row["code"] for row in response.json()["results"]]


def ref(unit):
    return {"id": unit.pk, "code": unit.code, "name": unit.name}


# Who sees what


def test_units_list_shows_provincial_officer_the_hai_phong_subtree_only(world):
    response = api_client_for(world.provincial_officer).get("/api/v1/units/")

    assert response.status_code == 200
    assert codes(response) == ["HP-AL-001", "HP-AL-002", "HP-ANLAO", "HP"]


def test_units_list_shows_grassroots_official_their_own_union_only(world):
    response = api_client_for(world.official_a).get("/api/v1/units/")

    assert codes(response) == ["HP-AL-001"]


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("get", "", None),
        ("patch", "", {"name": "Tên mới"}),
        ("get", "children/", None),
        ("post", "move/", {"new_parent": 1, "effective_on": "2024-01-01"}),
        ("post", "merge/", {"into": 1, "effective_on": "2024-01-01", "reason": "Thử"}),
        ("post", "dissolve/", {"effective_on": "2024-01-01", "reason": "Thử"}),
    ],
)
def test_another_unions_unit_is_not_found_on_every_route(world, method, suffix, body):
    client = api_client_for(world.official_a)

    response = getattr(client, method)(
        f"/api/v1/units/{world.union_b.pk}/{suffix}", body, format="json"
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy đơn vị."}


def test_units_list_searches_without_diacritics(world):
    response = api_client_for(world.provincial_officer).get("/api/v1/units/", {"q": "co khi"})

    assert codes(response) == ["HP-AL-001"]


def test_units_list_filters_by_parent_and_kind(world):
    client = api_client_for(world.provincial_officer)

    by_parent = client.get("/api/v1/units/", {"parent": world.an_lao.pk})
    by_kind = client.get("/api/v1/units/", {"kind": "ldld_huyen"})

    assert codes(by_parent) == ["HP-AL-001", "HP-AL-002"]
    assert codes(by_kind) == ["HP-ANLAO"]


def test_units_list_rejects_a_malformed_date_in_vietnamese(world):
    response = api_client_for(world.provincial_officer).get("/api/v1/units/", {"on": "21/11/2024"})

    assert response.status_code == 400
    assert response.json() == {
        "on": ["Ngày sai định dạng. Dùng một trong những định dạng sau để thay thế: YYYY-MM-DD."]
    }


def test_unit_detail_shows_parent_and_ancestors(world):
    response = api_client_for(world.official_a).get(f"/api/v1/units/{world.union_a.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["parent"] == ref(world.an_lao)
    assert body["ancestors"] == [ref(world.hai_phong), ref(world.an_lao)]
    assert (body["ended_on"], body["merged_into"]) == (None, None)


def test_unit_children_counts_their_own_children(world):
    response = api_client_for(world.provincial_officer).get(
        f"/api/v1/units/{world.hai_phong.pk}/children/"
    )

    assert response.status_code == 200
    assert response.json()["results"] == [
        {"id": world.an_lao.pk, "code": "HP-ANLAO", "name": world.an_lao.name,
         "kind": "ldld_huyen", "depth": 1, "child_count": 2},
    ]  # fmt: skip


# Creating and editing


NEW_UNION = {
    "code": "HP-AL-003",
    "name": "Công đoàn Trường Tiểu học An Tiến",
    "kind": "cdcs",
    "established_on": "2024-09-01",
}


def test_unit_create_under_a_parent_in_scope_is_audited(world):
    client = api_client_for(world.district_officer)

    response = client.post(
        "/api/v1/units/", {**NEW_UNION, "parent": world.an_lao.pk}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["parent"] == ref(world.an_lao)
    unit = Unit.objects.get(code="HP-AL-003")
    assert AuditEntry.objects.filter(
        action="unit_create", object_id=str(unit.pk), actor=world.district_officer
    ).exists()


def test_unit_create_under_a_parent_outside_scope_is_not_found(world):
    client = api_client_for(world.district_officer)

    response = client.post(
        "/api/v1/units/", {**NEW_UNION, "parent": world.kien_giang.pk}, format="json"
    )

    assert response.status_code == 404
    assert not Unit.objects.filter(code="HP-AL-003").exists()


def test_unit_create_needs_the_right_to_manage_units(world):
    client = api_client_for(world.official_a)

    response = client.post(
        "/api/v1/units/", {**NEW_UNION, "parent": world.union_a.pk}, format="json"
    )

    assert response.status_code == 403


def test_unit_create_at_the_top_is_for_system_administrators_only(world):
    client = api_client_for(world.provincial_officer)

    response = client.post(
        "/api/v1/units/", {**NEW_UNION, "kind": "ldld_tinh", "parent": None}, format="json"
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "Chỉ quản trị toàn hệ thống được tạo đơn vị cấp cao nhất."}


def test_unit_create_explains_a_broken_rule_in_vietnamese(world):
    client = api_client_for(world.district_officer)

    response = client.post(
        "/api/v1/units/", {**NEW_UNION, "parent": world.union_a.pk}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"parent": ["Công đoàn cơ sở không có đơn vị trực thuộc."]}


def test_unit_create_names_missing_fields_in_vietnamese(world):
    client = api_client_for(world.district_officer)

    response = client.post(
        "/api/v1/units/", {"parent": world.an_lao.pk, "code": "X"}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "name": ["Trường này là bắt buộc."],
        "kind": ["Trường này là bắt buộc."],
        "established_on": ["Trường này là bắt buộc."],
    }


def test_unit_update_changes_the_name_and_is_audited(world):
    client = api_client_for(world.district_officer)

    response = client.patch(
        f"/api/v1/units/{world.union_a.pk}/",
        {"name": "Công đoàn Công ty Cơ khí An Lão"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["name"] == "Công đoàn Công ty Cơ khí An Lão"
    assert AuditEntry.objects.filter(action="unit_update", object_id=str(world.union_a.pk)).exists()


def test_unit_update_needs_the_right_to_manage_units(world):
    response = api_client_for(world.leader).patch(
        f"/api/v1/units/{world.union_a.pk}/", {"name": "Tên mới"}, format="json"
    )

    assert response.status_code == 403


# Restructuring


@pytest.fixture
def kien_thuy(world):
    return make_unit("Liên đoàn Lao động huyện Kiến Thụy", code="HP-KTHUY", kind="ldld_huyen",
                     parent=world.hai_phong)  # fmt: skip


def test_merge_keeps_the_old_structure_before_its_date(world, kien_thuy):
    client = api_client_for(world.provincial_officer)

    merged = client.post(
        f"/api/v1/units/{world.an_lao.pk}/merge/",
        {"into": kien_thuy.pk, "effective_on": "2024-01-01", "reason": "Nghị quyết 01/NQ-HĐND"},
        format="json",
    )
    before = client.get("/api/v1/units/", {"parent": world.an_lao.pk, "on": "2023-12-31"})
    after = client.get("/api/v1/units/", {"parent": kien_thuy.pk, "on": "2024-01-01"})
    after_old = client.get("/api/v1/units/", {"parent": world.an_lao.pk, "on": "2024-01-01"})

    assert merged.status_code == 200
    assert (merged.json()["ended_on"], merged.json()["end_kind"]) == ("2024-01-01", "merged")
    assert merged.json()["merged_into"] == ref(kien_thuy)
    assert codes(before) == ["HP-AL-001", "HP-AL-002"]
    assert codes(after) == ["HP-AL-001", "HP-AL-002"]
    assert codes(after_old) == []


def test_unit_detail_shows_ancestors_as_they_stood_on_a_date(world, kien_thuy):
    client = api_client_for(world.provincial_officer)
    client.post(
        f"/api/v1/units/{world.an_lao.pk}/merge/",
        {"into": kien_thuy.pk, "effective_on": "2024-01-01", "reason": "Nghị quyết 01/NQ-HĐND"},
        format="json",
    )

    before = client.get(f"/api/v1/units/{world.union_a.pk}/", {"on": "2023-12-31"})
    now = client.get(f"/api/v1/units/{world.union_a.pk}/")

    assert before.json()["ancestors"] == [ref(world.hai_phong), ref(world.an_lao)]
    assert now.json()["ancestors"] == [ref(world.hai_phong), ref(kien_thuy)]


def test_merge_needs_a_reason(world, kien_thuy):
    client = api_client_for(world.provincial_officer)

    response = client.post(
        f"/api/v1/units/{world.an_lao.pk}/merge/",
        {"into": kien_thuy.pk, "effective_on": "2024-01-01"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"reason": ["Hãy ghi lý do hoặc văn bản sáp nhập."]}


def test_restructuring_a_unit_needs_the_right_over_its_parent(world, kien_thuy):
    # The An Lão officer manages below An Lão, not An Lão itself.
    client = api_client_for(world.district_officer)

    response = client.post(
        f"/api/v1/units/{world.an_lao.pk}/merge/",
        {"into": kien_thuy.pk, "effective_on": "2024-01-01", "reason": "Thử"},
        format="json",
    )

    assert response.status_code == 403


def test_move_under_a_parent_outside_scope_is_not_found(world):
    client = api_client_for(world.provincial_officer)

    response = client.post(
        f"/api/v1/units/{world.union_a2.pk}/move/",
        {"new_parent": world.kien_giang.pk, "effective_on": "2024-01-01"},
        format="json",
    )

    assert response.status_code == 404


def test_move_from_a_date_shows_the_new_parent(world, kien_thuy):
    client = api_client_for(world.provincial_officer)

    response = client.post(
        f"/api/v1/units/{world.union_a2.pk}/move/",
        {"new_parent": kien_thuy.pk, "effective_on": "2024-01-01", "reason": "Quyết định 12/QĐ"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["parent"] == ref(kien_thuy)
    assert AuditEntry.objects.filter(action="unit_move", object_id=str(world.union_a2.pk)).exists()


def test_dissolve_ends_the_unit(world):
    client = api_client_for(world.district_officer)

    response = client.post(
        f"/api/v1/units/{world.union_a2.pk}/dissolve/",
        {"effective_on": "2024-06-01", "reason": "Doanh nghiệp giải thể"},
        format="json",
    )

    assert response.status_code == 200
    assert (response.json()["ended_on"], response.json()["end_kind"]) == ("2024-06-01", "dissolved")
    assert codes(client.get("/api/v1/units/")) == ["HP-AL-001", "HP-ANLAO"]


# Query counts


@pytest.mark.parametrize("rows", [1, 3])
def test_units_list_query_count_does_not_grow_with_rows(db, django_assert_max_num_queries, rows):
    province = make_unit("Liên đoàn Lao động tỉnh Thử", code="THU")
    for number in range(rows - 1):
        make_unit(f"Công đoàn cơ sở {number}", parent=province)
    client = api_client_for(make_user("canbo_thu", unit=province, role="officer"))

    # Session, user, memberships, scope paths, count, page, parents.
    with django_assert_max_num_queries(7):
        response = client.get("/api/v1/units/")

    assert response.json()["count"] == rows
