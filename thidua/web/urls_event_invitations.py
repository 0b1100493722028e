"""Routes of a conference's day. Invitations and answers (issue 7): sending Giấy mời by email with
a personal RSVP link, reminders, the sent log, the list to call, and the public RSVP page.
Included by thidua/web/urls.py."""

from django.urls import URLPattern, path

from thidua.web.views import event_invitations as views

INVITATIONS = "hoi-nghi/<int:pk>/giay-moi"

urlpatterns: list[URLPattern] = [
    path(f"{INVITATIONS}/", views.event_invitations, name="event_invitations"),
    path(f"{INVITATIONS}/gui/", views.event_invitations_send, name="event_invitations_send"),
    path(
        f"{INVITATIONS}/dai-bieu/<int:guest_pk>/tra-loi/",
        views.event_rsvp_record,
        name="event_rsvp_record",
    ),
    path(
        f"{INVITATIONS}/dai-bieu/<int:guest_pk>/cap-lai-duong-dan/",
        views.event_rsvp_reissue,
        name="event_rsvp_reissue",
    ),
    path(
        f"{INVITATIONS}/thu/<int:message_pk>/bi-tra-lai/",
        views.event_message_bounced,
        name="event_message_bounced",
    ),
    # Public: the personal link in each invitation (no login; the link is the key).
    path("tra-loi/<str:token>/", views.rsvp, name="rsvp"),
]
