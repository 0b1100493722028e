"""Routes of a conference's day. Check-in on the day (issue 7): the phone page (QR code or name
without diacritics), walk-ins, the live count by group, and the attendance report. Included by
thidua/web/urls.py."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
