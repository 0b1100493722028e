"""Programmes through the API, on the Kiên Giang programme of tests/initiatives/conftest.py."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.api.conftest import api_client_for
from tests.factories import make_unit, make_user
from tests.initiatives.conftest import (  # noqa: F401  kg is a fixture
    GRASSROOTS_DEADLINE,
    PROVINCE_DEADLINE,
    UPPER_DEADLINE,
    climb_to_province,
    kg,
    make_initiative,
)
from thidua.campaigns import services as campaigns
from thidua.common.models import AuditEntry
from thidua.orgs.enums import Tier
from thidua.orgs.services import membership_add


def iso(value: dt.datetime) -> str:
    return timezone.localtime(value).isoformat()


def ref(unit):
    return {"id": unit.pk, "code": unit.code, "name": unit.name}


def new_programme_body(kg, **overrides):
    soon = timezone.now() + dt.timedelta(days=30)
    return {
        "name": "Sáng kiến vì người lao động",
        "code": "kg-svnld",
        "running_unit": kg.province.pk,
        "starts_on": timezone.localdate().isoformat(),
        "ends_on": (timezone.localdate() + dt.timedelta(days=90)).isoformat(),
        "levels": [
            {"name": "Công đoàn cơ sở", "tier": Tier.GRASSROOTS, "deadline": soon.isoformat(),
             "quota_max": 3},
            {"name": "LĐLĐ tỉnh", "tier": Tier.PROVINCE,
             "deadline": (soon + dt.timedelta(days=10)).isoformat(), "has_council": True},
        ],
        "fields": ["Sản xuất kinh doanh", "Chuyển đổi số"],
        **overrides,
    }  # fmt: skip


# Who sees which programme


def test_programme_list_shows_a_grassroots_official_the_launched_programmes_above(kg):
    campaigns.programme_create(
        actor=None, name="Bản nháp", code="KG-NHAP", running_unit=kg.province,
        starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 12, 31),
        levels=[{"name": "Tỉnh", "tier": Tier.PROVINCE, "deadline": PROVINCE_DEADLINE}],
    )  # fmt: skip

    response = api_client_for(kg.official_a).get("/api/v1/programmes/")

    assert response.status_code == 200
    assert [row["code"] for row in response.json()["results"]] == ["KG75"]
    assert response.json()["results"][0]["running_unit"] == ref(kg.province)


def test_programme_list_shows_the_running_units_officer_its_drafts_too(kg):
    campaigns.programme_create(
        actor=None, name="Bản nháp", code="KG-NHAP", running_unit=kg.province,
        starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 12, 31),
        levels=[{"name": "Tỉnh", "tier": Tier.PROVINCE, "deadline": PROVINCE_DEADLINE}],
    )  # fmt: skip

    response = api_client_for(kg.province_officer).get("/api/v1/programmes/")

    assert [(row["code"], row["status"]) for row in response.json()["results"]] == [
        ("KG-NHAP", "draft"),
        ("KG75", "launched"),
    ]


def test_another_provinces_official_does_not_see_the_programme(kg):
    elsewhere = make_user("cdcs_haiphong")
    client = api_client_for(elsewhere)

    listed = client.get("/api/v1/programmes/")
    detail = client.get(f"/api/v1/programmes/{kg.programme.pk}/")

    assert listed.json()["results"] == []
    assert detail.status_code == 404
    assert detail.json() == {"detail": "Không tìm thấy chương trình."}


# Detail: levels, deadlines in Vietnam time, the caller's own deadlines


def test_programme_detail_gives_levels_with_deadlines_in_vietnam_time(kg):
    response = api_client_for(kg.official_a).get(f"/api/v1/programmes/{kg.programme.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert [
        (level["name"], level["tier"], level["deadline"], level["quota_max"], level["has_council"])
        for level in body["levels"]
    ] == [
        ("Công đoàn cơ sở", 3, "2021-04-10T17:00:00+07:00", 2, False),
        ("Công đoàn cấp trên cơ sở", 2, "2021-04-15T17:00:00+07:00", 10, False),
        ("LĐLĐ tỉnh", 1, "2021-04-20T17:00:00+07:00", None, True),
    ]
    assert "Sản xuất kinh doanh" in [field["name"] for field in body["fields"]]
    assert body["can_manage"] is False


def test_a_grassroots_union_has_its_own_deadlines_to_submit_and_to_forward(kg):
    response = api_client_for(kg.official_a).get(f"/api/v1/programmes/{kg.programme.pk}/")

    assert [
        (level["your_deadline"], level["your_unit"]) for level in response.json()["levels"]
    ] == [
        (iso(GRASSROOTS_DEADLINE), ref(kg.union_a)),
        (iso(UPPER_DEADLINE), ref(kg.union_a)),
        (None, None),
    ]


def test_a_district_officers_own_deadline_is_the_one_to_forward_to_the_province(kg):
    level = kg.programme.levels.get(order=3)
    later = PROVINCE_DEADLINE + dt.timedelta(days=3)
    campaigns.deadline_extend(
        actor=None, level=level, unit=kg.district, deadline=later, reason="Bão số 5"
    )

    response = api_client_for(kg.district_officer).get(f"/api/v1/programmes/{kg.programme.pk}/")

    assert [level["your_deadline"] for level in response.json()["levels"]] == [
        None,
        None,
        "2021-04-23T17:00:00+07:00",
    ]


# Creating and launching


def test_programme_create_with_levels_and_fields_is_audited(kg):
    client = api_client_for(kg.province_officer)

    response = client.post("/api/v1/programmes/", new_programme_body(kg), format="json")

    assert response.status_code == 201
    body = response.json()
    assert (body["code"], body["status"], body["can_manage"]) == ("KG-SVNLD", "draft", True)
    assert [(level["order"], level["name"]) for level in body["levels"]] == [
        (1, "Công đoàn cơ sở"),
        (2, "LĐLĐ tỉnh"),
    ]
    assert [field["name"] for field in body["fields"]] == ["Sản xuất kinh doanh", "Chuyển đổi số"]
    assert AuditEntry.objects.filter(
        action="programme_create", object_id=str(body["id"]), actor=kg.province_officer
    ).exists()


def test_programme_create_refuses_levels_that_do_not_climb(kg):
    body = new_programme_body(kg)
    body["levels"].reverse()

    response = api_client_for(kg.province_officer).post("/api/v1/programmes/", body, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "levels": ["Các cấp xét phải đi từ cấp dưới lên cấp trên, mỗi cấp một lần."]
    }


def test_programme_create_at_a_unit_outside_scope_is_not_found(kg):
    response = api_client_for(kg.district_officer).post(
        "/api/v1/programmes/", new_programme_body(kg), format="json"
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy đơn vị."}


def test_programme_create_is_for_the_running_units_own_officers(kg):
    # The province officer manages the district's units, but is not its officer: a programme
    # run by the district would be one they could not then manage.
    body = new_programme_body(kg, running_unit=kg.district.pk)

    response = api_client_for(kg.province_officer).post("/api/v1/programmes/", body, format="json")

    assert response.status_code == 403
    assert "Chỉ cán bộ thi đua – khen thưởng của chính đơn vị này" in response.json()["detail"]


def test_a_grassroots_official_cannot_start_a_programme(kg):
    body = new_programme_body(kg, running_unit=kg.union_a.pk)

    response = api_client_for(kg.official_a).post("/api/v1/programmes/", body, format="json")

    assert response.status_code == 403


def test_launch_opens_a_draft_to_the_units_below(kg):
    officer = api_client_for(kg.province_officer)
    created = officer.post("/api/v1/programmes/", new_programme_body(kg), format="json").json()

    response = officer.post(f"/api/v1/programmes/{created['id']}/launch/")

    assert response.status_code == 200
    assert response.json()["status"] == "launched"
    listed = api_client_for(kg.official_a).get("/api/v1/programmes/").json()["results"]
    assert "KG-SVNLD" in [row["code"] for row in listed]


def test_launch_twice_is_refused_in_vietnamese(kg):
    response = api_client_for(kg.province_officer).post(
        f"/api/v1/programmes/{kg.programme.pk}/launch/"
    )

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Chỉ phát động được chương trình đang soạn."]}


@pytest.mark.parametrize(
    ("suffix", "body"),
    [
        ("launch/", None),
        ("extend-deadline/", {"level": 1, "deadline": "2030-01-01T17:00:00+07:00", "reason": "Lũ"}),
    ],
)
def test_only_the_running_units_officers_manage_the_programme(kg, suffix, body):
    client = api_client_for(kg.district_officer)

    response = client.post(f"/api/v1/programmes/{kg.programme.pk}/{suffix}", body, format="json")

    assert response.status_code == 403
    assert response.json() == {
        "detail": "Chỉ cán bộ của đơn vị chủ trì được thay đổi chương trình này."
    }


# Deadline extensions


def test_extend_deadline_for_every_unit_is_audited(kg):
    level = kg.programme.levels.get(order=2)

    response = api_client_for(kg.province_officer).post(
        f"/api/v1/programmes/{kg.programme.pk}/extend-deadline/",
        {"level": level.pk, "deadline": "2021-04-18T17:00:00+07:00", "reason": "Nghỉ lễ"},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["unit"] is None
    assert response.json()["deadline"] == "2021-04-18T17:00:00+07:00"
    entry = AuditEntry.objects.get(action="deadline_extend")
    assert (entry.actor, entry.reason) == (kg.province_officer, "Nghỉ lễ")
    assert entry.changes["unit"] == [None, "Tất cả đơn vị"]


def test_extend_deadline_needs_a_reason_and_a_level_of_this_programme(kg):
    level = kg.programme.levels.get(order=1)
    client = api_client_for(kg.province_officer)
    url = f"/api/v1/programmes/{kg.programme.pk}/extend-deadline/"

    no_reason = client.post(
        url, {"level": level.pk, "deadline": "2021-04-12T17:00:00+07:00"}, format="json"
    )
    wrong_level = client.post(
        url, {"level": 987654, "deadline": "2021-04-12T17:00:00+07:00", "reason": "Lũ"},
        format="json",
    )  # fmt: skip

    assert no_reason.status_code == 400
    assert no_reason.json() == {"reason": ["Hãy ghi lý do gia hạn."]}
    assert wrong_level.json() == {"level": ["Cấp xét không thuộc chương trình này."]}


def test_extend_deadline_for_a_unit_outside_the_programme_is_refused(kg):
    # An officer of two provinces: Cà Mau is theirs, but not in Kiên Giang's programme.
    ca_mau = make_unit("Liên đoàn Lao động tỉnh Cà Mau", code="CM", kind="ldld_tinh")
    membership_add(actor=None, user=kg.province_officer, unit=ca_mau, role="officer")
    level = kg.programme.levels.get(order=1)

    response = api_client_for(kg.province_officer).post(
        f"/api/v1/programmes/{kg.programme.pk}/extend-deadline/",
        {"level": level.pk, "unit": ca_mau.pk, "deadline": "2021-04-12T17:00:00+07:00",
         "reason": "Lũ"},
        format="json",
    )  # fmt: skip

    assert response.status_code == 400
    assert response.json() == {"unit": [f"“{ca_mau}” không tham gia chương trình này."]}


# Progress board


def test_progress_board_counts_what_reached_the_province_per_child(kg):
    climb_to_province(kg, make_initiative(kg))

    response = api_client_for(kg.province_officer).get(
        f"/api/v1/programmes/{kg.programme.pk}/progress/", {"unit": kg.province.pk}
    )

    assert response.status_code == 200
    rows = {row["unit"]["code"]: row for row in response.json()}
    district = rows["KG-RG"]
    assert (
        district["grassroots_total"],
        district["grassroots_submitted"],
        district["registered"],
        district["reached_us"],
        district["deadline"],
    ) == (2, 1, 1, 1, "2021-04-20T17:00:00+07:00")
    assert set(rows) == {"KG-RG", "KG-GD", "KG-01"}
    assert "title" not in district


def test_progress_board_of_a_unit_the_user_only_sees_is_forbidden(kg):
    leader = make_user("lanhdao_kg", unit=kg.province, role="leader")

    response = api_client_for(leader).get(
        f"/api/v1/programmes/{kg.programme.pk}/progress/", {"unit": kg.district.pk}
    )

    assert response.status_code == 403
    assert response.json() == {
        "detail": "Chỉ xem được tiến độ của đơn vị bạn thuộc về hoặc quản lý."
    }


def test_progress_board_of_a_unit_out_of_sight_is_not_found(kg):
    response = api_client_for(kg.official_a).get(
        f"/api/v1/programmes/{kg.programme.pk}/progress/", {"unit": kg.district.pk}
    )

    assert response.status_code == 404


# Query counts


@pytest.mark.parametrize("rows", [1, 3])
def test_programme_list_query_count_does_not_grow_with_rows(
    kg, django_assert_max_num_queries, rows
):
    for number in range(rows - 1):
        programme = campaigns.programme_create(
            actor=None, name=f"Chương trình {number}", code=f"KG-{number}",
            running_unit=kg.province, starts_on=dt.date(2024, 1, 1),
            ends_on=dt.date(2024, 12, 31),
            levels=[{"name": "Tỉnh", "tier": Tier.PROVINCE, "deadline": PROVINCE_DEADLINE}],
        )  # fmt: skip
        campaigns.programme_launch(actor=None, programme=programme)
    client = api_client_for(kg.official_a)

    # Session, user, memberships, the units they took over (2), their past paths, count, page.
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/programmes/")

    assert response.json()["count"] == rows
