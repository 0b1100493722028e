"""Routes of a conference's day. Honourees and the stage (issue 7): linking decisions, honourees
from their lines, the programme (agenda), and the award order with its MC script. Included by
thidua/web/urls.py."""

from django.urls import URLPattern, path

from thidua.web.views import event_awards as views

urlpatterns: list[URLPattern] = [
    path("hoi-nghi/<int:pk>/duoc-khen/", views.event_honourees, name="event_honourees"),
    path(
        "hoi-nghi/<int:pk>/duoc-khen/gan-quyet-dinh/",
        views.event_decision_link,
        name="event_decision_link",
    ),
    path(
        "hoi-nghi/<int:pk>/duoc-khen/quyet-dinh/<int:decision_pk>/bo/",
        views.event_decision_unlink,
        name="event_decision_unlink",
    ),
    path(
        "hoi-nghi/<int:pk>/duoc-khen/gan-hoi-dong/",
        views.event_council_link,
        name="event_council_link",
    ),
    path(
        "hoi-nghi/<int:pk>/duoc-khen/hoi-dong/<int:council_pk>/bo/",
        views.event_council_unlink,
        name="event_council_unlink",
    ),
    path(
        "hoi-nghi/<int:pk>/duoc-khen/lay-danh-sach/",
        views.event_honourees_sync,
        name="event_honourees_sync",
    ),
    path(
        "hoi-nghi/<int:pk>/dai-bieu/<int:guest_pk>/loi-gioi-thieu/",
        views.event_citation_edit,
        name="event_citation_edit",
    ),
    path("hoi-nghi/<int:pk>/chuong-trinh/", views.event_agenda, name="event_agenda"),
    path(
        "hoi-nghi/<int:pk>/chuong-trinh/mau/",
        views.event_agenda_prefill,
        name="event_agenda_prefill",
    ),
    path("hoi-nghi/<int:pk>/chuong-trinh/them/", views.event_agenda_add, name="event_agenda_add"),
    path(
        "hoi-nghi/<int:pk>/chuong-trinh/<int:item_pk>/sua/",
        views.event_agenda_edit,
        name="event_agenda_edit",
    ),
    path(
        "hoi-nghi/<int:pk>/chuong-trinh/<int:item_pk>/xoa/",
        views.event_agenda_remove,
        name="event_agenda_remove",
    ),
    path(
        "hoi-nghi/<int:pk>/chuong-trinh/<int:item_pk>/di-chuyen/",
        views.event_agenda_move,
        name="event_agenda_move",
    ),
    path("hoi-nghi/<int:pk>/thu-tu-trao/", views.event_award_order, name="event_award_order"),
    path(
        "hoi-nghi/<int:pk>/thu-tu-trao/kich-ban.docx",
        views.event_script_docx,
        name="event_script_docx",
    ),
]
