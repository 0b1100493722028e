from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import api_client_for


@pytest.mark.parametrize("url", ["/api/v1/units/", "/api/v1/people/", "/api/v1/me/"])
def test_anonymous_is_refused_in_vietnamese(world, url):
    response = APIClient().get(url)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {
        "detail": "Bạn chưa đăng nhập: hãy gửi phiên đăng nhập hoặc mã truy cập (token)."
    }


def test_token_is_issued_for_username_and_password(world):
    response = APIClient().post(
        "/api/v1/auth/token/",
        {"username": "canbo_hp", "password": "mat-khau-thu-123"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["token"] == world.provincial_officer.auth_token.key


def test_token_is_refused_for_a_wrong_password(world):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "canbo_hp", "password": "sai"}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Không thể đăng nhập với thông tin đã nhập."]}


def test_token_authenticates_a_script(world):
    token = (
        APIClient()
        .post(
            "/api/v1/auth/token/",
            {"username": "cdcs_a", "password": "mat-khau-thu-123"},
            format="json",
        )
        .json()["token"]
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    response = client.get("/api/v1/units/")

    assert response.status_code == 200
    assert [row["code"] for row in response.json()["results"]] == ["HP-AL-001"]


def test_wrong_token_is_refused_in_vietnamese(world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef")

    response = client.get("/api/v1/units/")

    assert response.status_code == 401
    assert response.json() == {"detail": "Mã truy cập (token) không hợp lệ."}


def test_me_lists_memberships_with_roles(world):
    response = api_client_for(world.district_officer).get("/api/v1/me/")

    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "canbo_anlao"
    assert body["memberships"] == [
        {
            "unit": {"id": world.an_lao.pk, "code": "HP-ANLAO", "name": world.an_lao.name},
            "role": "officer",
            "role_display": "Cán bộ thi đua – khen thưởng",
            "capabilities": [
                "manage_people", "manage_units", "view_people", "view_personal_data", "view_units",
            ],
        }
    ]  # fmt: skip


def test_token_is_refused_after_repeated_failures_even_with_the_right_password(world, settings):
    client = APIClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/api/v1/auth/token/", {"username": "canbo_hp", "password": "sai"}, format="json"
        )

    response = client.post(
        "/api/v1/auth/token/",
        {"username": "canbo_hp", "password": "mat-khau-thu-123"},
        format="json",
    )

    # Django's authenticate() turns axes' lockout into a plain failure: no hint for a guesser.
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Không thể đăng nhập với thông tin đã nhập."]}
