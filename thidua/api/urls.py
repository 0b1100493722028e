"""/api/v1/: units, people, the current user, token login, and the OpenAPI schema with its
docs (Swagger UI and Redoc served from local files, no CDN)."""

from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import (
    SpectacularJSONAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import SimpleRouter

from thidua.api.views import MeView, PersonViewSet, UnitViewSet

app_name = "api"

router = SimpleRouter()
router.register("units", UnitViewSet, basename="unit")
router.register("people", PersonViewSet, basename="person")

urlpatterns: list[URLPattern | URLResolver] = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("auth/token/", obtain_auth_token, name="token"),
    path("me/", MeView.as_view(), name="me"),
    *router.urls,
]
