from django.urls import path

from thidua.web.views import accounts, dashboard, people, units

app_name = "web"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("don-vi/", units.unit_tree, name="unit_tree"),
    path("don-vi/goi-y/", units.unit_suggest, name="unit_suggest"),
    path("don-vi/them/", units.unit_create, name="unit_create"),
    path("don-vi/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("don-vi/<int:pk>/con/", units.unit_children, name="unit_children"),
    path("don-vi/<int:pk>/sua/", units.unit_edit, name="unit_edit"),
    path("don-vi/<int:pk>/chuyen/", units.unit_move, name="unit_move"),
    path("don-vi/<int:pk>/sap-nhap/", units.unit_merge, name="unit_merge"),
    path("don-vi/<int:pk>/giai-the/", units.unit_dissolve, name="unit_dissolve"),
    path("nguoi/", people.person_list, name="person_list"),
    path("nguoi/them/", people.person_create, name="person_create"),
    path("nguoi/<int:pk>/", people.person_detail, name="person_detail"),
    path("nguoi/<int:pk>/sua/", people.person_edit, name="person_edit"),
    path("nguoi-dung/", accounts.user_list, name="user_list"),
    path("nguoi-dung/them/", accounts.user_create, name="user_create"),
    path("nguoi-dung/<int:pk>/", accounts.user_detail, name="user_detail"),
    path("nguoi-dung/<int:pk>/khoa/", accounts.user_toggle_active, name="user_toggle_active"),
    path("nguoi-dung/<int:pk>/dat-lai-mat-khau/", accounts.user_send_reset, name="user_send_reset"),
    path(
        "nguoi-dung/<int:pk>/vai-tro/<int:membership_pk>/xoa/",
        accounts.membership_remove,
        name="membership_remove",
    ),
    path("nhat-ky/", accounts.audit_log, name="audit_log"),
]
