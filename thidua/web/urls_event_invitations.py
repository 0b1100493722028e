"""Routes of a conference's day. Invitations and answers (issue 7): sending Giấy mời by email with
a personal RSVP link, reminders, the sent log, the list to call, and the public RSVP page.
Included by thidua/web/urls.py."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
