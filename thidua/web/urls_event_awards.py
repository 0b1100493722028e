"""Routes of a conference's day. Honourees and the stage (issue 7): linking decisions, honourees
from their lines, the programme (agenda), and the award order with its MC script. Included by
thidua/web/urls.py."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
