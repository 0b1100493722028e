"""Routes of honouring cycles and nominations (dossiers); included by thidua/web/urls.py."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
