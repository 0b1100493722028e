"""Routes of decisions, the document register, award history, statistics and the public
comment page; included by thidua/web/urls.py."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
