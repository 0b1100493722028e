"""Routes of honouring cycles and nominations (dossiers); included by thidua/web/urls.py."""

from django.urls import URLPattern, path

from thidua.web.views.awards import categories, cycles, nominations

urlpatterns: list[URLPattern] = [
    path("khen-thuong/", cycles.cycle_list, name="cycle_list"),
    path("chuong-trinh/<int:pk>/khen-thuong/mo/", cycles.cycle_open, name="cycle_open"),
    path("khen-thuong/dot/<int:pk>/", cycles.cycle_detail, name="cycle_detail"),
    path("khen-thuong/dot/<int:pk>/sua/", cycles.cycle_edit, name="cycle_edit"),
    path("khen-thuong/dot/<int:pk>/gia-han/", cycles.cycle_extend, name="cycle_extend"),
    path("khen-thuong/dot/<int:pk>/nhom/them/", categories.category_create, name="category_create"),
    path(
        "khen-thuong/dot/<int:pk>/nhom/<int:category_pk>/sua/",
        categories.category_edit,
        name="category_edit",
    ),
    path(
        "khen-thuong/dot/<int:pk>/nhom/<int:category_pk>/xoa/",
        categories.category_delete,
        name="category_delete",
    ),
    path(
        "khen-thuong/dot/<int:pk>/nhom/<int:category_pk>/chi-tieu/",
        categories.category_quota,
        name="category_quota",
    ),
    path(
        "khen-thuong/dot/<int:pk>/nhom/<int:category_pk>/dieu-kien/them/",
        categories.rule_create,
        name="rule_create",
    ),
    path(
        "khen-thuong/dot/<int:pk>/dieu-kien/<int:rule_pk>/sua/",
        categories.rule_edit,
        name="rule_edit",
    ),
    path(
        "khen-thuong/dot/<int:pk>/dieu-kien/<int:rule_pk>/xoa/",
        categories.rule_delete,
        name="rule_delete",
    ),
    path(
        "khen-thuong/dot/<int:pk>/de-nghi/<int:category_pk>/",
        nominations.nomination_create,
        name="nomination_create",
    ),
    path("khen-thuong/ho-so/<int:pk>/", nominations.nomination_detail, name="nomination_detail"),
    path("khen-thuong/ho-so/<int:pk>/sua/", nominations.nomination_edit, name="nomination_edit"),
    path(
        "khen-thuong/ho-so/<int:pk>/nop/", nominations.nomination_submit, name="nomination_submit"
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/rut/",
        nominations.nomination_withdraw,
        name="nomination_withdraw",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/tra-lai/",
        nominations.nomination_return,
        name="nomination_return",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/tiep-nhan/",
        nominations.nomination_accept,
        name="nomination_accept",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/khong-xet/",
        nominations.nomination_reject,
        name="nomination_reject",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/ngoai-le/",
        nominations.nomination_override,
        name="nomination_override",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/tai-lieu/",
        nominations.document_upload,
        name="document_upload",
    ),
    path("khen-thuong/tai-lieu/<int:pk>/", nominations.document_download, name="document_download"),
    path("khen-thuong/tai-lieu/<int:pk>/xoa/", nominations.document_delete, name="document_delete"),
]
