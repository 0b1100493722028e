"""Routes of honouring conferences (Hội nghị biểu dương): the plan and its guest list; included
by thidua/web/urls.py."""

from django.urls import URLPattern, path

from thidua.web.views import events

GROUP = "hoi-nghi/<int:pk>/nhom/<int:group_pk>"
GUEST = f"{GROUP}/khach/<int:guest_pk>"

urlpatterns: list[URLPattern] = [
    path("hoi-nghi/", events.event_list, name="event_list"),
    path("hoi-nghi/them/", events.event_create, name="event_create"),
    path("hoi-nghi/<int:pk>/", events.event_detail, name="event_detail"),
    path("hoi-nghi/<int:pk>/sua/", events.event_edit, name="event_edit"),
    path("hoi-nghi/<int:pk>/nhom/them/", events.event_group_add, name="event_group_add"),
    path(f"{GROUP}/sua/", events.event_group_edit, name="event_group_edit"),
    path(f"{GROUP}/xoa/", events.event_group_remove, name="event_group_remove"),
    path(f"{GROUP}/chuyen/", events.event_group_move, name="event_group_move"),
    path(f"{GROUP}/moi-chu-tich/", events.event_group_fill, name="event_group_fill"),
    path(f"{GROUP}/khach/them/", events.event_guest_add, name="event_guest_add"),
    path(f"{GUEST}/sua/", events.event_guest_edit, name="event_guest_edit"),
    path(f"{GUEST}/xoa/", events.event_guest_remove, name="event_guest_remove"),
    path(f"{GUEST}/chuyen/", events.event_guest_move, name="event_guest_move"),
]
