from django.urls import path

from thidua.web.views import accounts, dashboard, initiatives, people, programmes, units

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
    path("chuong-trinh/", programmes.programme_list, name="programme_list"),
    path("chuong-trinh/them/", programmes.programme_create, name="programme_create"),
    path("chuong-trinh/<int:pk>/", programmes.programme_detail, name="programme_detail"),
    path("chuong-trinh/<int:pk>/phat-dong/", programmes.programme_launch, name="programme_launch"),
    path("chuong-trinh/<int:pk>/gia-han/", programmes.programme_extend, name="programme_extend"),
    path(
        "chuong-trinh/<int:pk>/cap/<int:level_pk>/sua/",
        programmes.programme_level_edit,
        name="programme_level_edit",
    ),
    path("sang-kien/", initiatives.initiative_list_view, name="initiative_list"),
    path("sang-kien/them/", initiatives.initiative_create, name="initiative_create"),
    path("sang-kien/xu-ly-nhieu/", initiatives.initiative_bulk, name="initiative_bulk"),
    path("sang-kien/<int:pk>/", initiatives.initiative_detail, name="initiative_detail"),
    path("sang-kien/<int:pk>/sua/", initiatives.initiative_edit, name="initiative_edit"),
    path("sang-kien/<int:pk>/nop/", initiatives.initiative_submit, name="initiative_submit"),
    path("sang-kien/<int:pk>/rut/", initiatives.initiative_withdraw, name="initiative_withdraw"),
    path("sang-kien/<int:pk>/chon/", initiatives.initiative_select, name="initiative_select"),
    path(
        "sang-kien/<int:pk>/khong-chon/",
        initiatives.initiative_not_select,
        name="initiative_not_select",
    ),
    path("sang-kien/<int:pk>/tra-lai/", initiatives.initiative_return, name="initiative_return"),
    path(
        "sang-kien/<int:pk>/chuyen-len/", initiatives.initiative_forward, name="initiative_forward"
    ),
    path("sang-kien/<int:pk>/dinh-kem/", initiatives.attachment_upload, name="attachment_upload"),
    path("tep/<int:pk>/", initiatives.attachment_download, name="attachment_download"),
    path("tep/<int:pk>/xoa/", initiatives.attachment_delete, name="attachment_delete"),
]
