"""Routes of a conference's day. Check-in on the day (issue 7): the phone page (QR code or name
without diacritics), walk-ins, the live count by group, and the attendance report. Included by
thidua/web/urls.py."""

from django.urls import URLPattern, path

from thidua.web.views import event_checkin as views

CHECKIN = "hoi-nghi/<int:pk>/diem-danh"

urlpatterns: list[URLPattern] = [
    path(f"{CHECKIN}/", views.event_checkin, name="event_checkin"),
    path(f"{CHECKIN}/so-lieu/", views.event_checkin_counts, name="event_checkin_counts"),
    # What the QR code on an invitation opens (SITE_URL + this path): a fixed contract.
    path(f"{CHECKIN}/ma/<str:code>/", views.event_checkin_code, name="event_checkin_code"),
    path(f"{CHECKIN}/<int:guest_pk>/co-mat/", views.event_checkin_mark, name="event_checkin_mark"),
    path(
        f"{CHECKIN}/<int:guest_pk>/bo-diem-danh/",
        views.event_checkin_undo,
        name="event_checkin_undo",
    ),
    path(f"{CHECKIN}/them-nguoi/", views.event_walk_in, name="event_walk_in"),
    path("hoi-nghi/<int:pk>/tham-du/", views.event_attendance, name="event_attendance"),
    path(
        "hoi-nghi/<int:pk>/tham-du.xlsx", views.event_attendance_xlsx, name="event_attendance_xlsx"
    ),
    path("hoi-nghi/<int:pk>/ket-thuc/", views.event_close, name="event_close"),
    path("hoi-nghi/<int:pk>/mo-lai/", views.event_reopen, name="event_reopen"),
]
