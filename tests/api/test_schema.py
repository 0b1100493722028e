from __future__ import annotations

from rest_framework.test import APIClient


def test_schema_lists_unit_and_people_paths(db):
    response = APIClient().get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    paths = response.json()["paths"]
    assert {
        "/api/v1/units/", "/api/v1/units/{id}/", "/api/v1/units/{id}/move/",
        "/api/v1/units/{id}/merge/", "/api/v1/units/{id}/dissolve/",
        "/api/v1/units/{id}/children/", "/api/v1/people/", "/api/v1/people/{id}/",
        "/api/v1/me/", "/api/v1/auth/token/",
    } <= set(paths)  # fmt: skip


def test_schema_documents_both_authentications(db):
    response = APIClient().get("/api/v1/openapi.json")

    schemes = response.json()["components"]["securitySchemes"]
    assert set(schemes) == {"cookieAuth", "tokenAuth"}


def test_docs_pages_load_their_assets_locally(db):
    client = APIClient()

    swagger = client.get("/api/v1/docs/")
    redoc = client.get("/api/v1/redoc/")

    assert swagger.status_code == 200
    assert redoc.status_code == 200
    assert "/static/drf_spectacular_sidecar/" in swagger.content.decode()
    assert "cdn.jsdelivr.net" not in swagger.content.decode()
    assert "cdn.jsdelivr.net" not in redoc.content.decode()
