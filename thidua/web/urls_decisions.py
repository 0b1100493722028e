"""Routes of decisions, the document register, award history, statistics and the public
comment page; included by thidua/web/urls.py."""

from django.urls import URLPattern, path

from thidua.web.views.awards import decision_acts, decisions, history, public, register, stats

urlpatterns: list[URLPattern] = [
    path("khen-thuong/quyet-dinh/", decisions.decision_list, name="decision_list"),
    path("khen-thuong/quyet-dinh/them/", decisions.decision_create, name="decision_create"),
    path("khen-thuong/quyet-dinh/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("khen-thuong/quyet-dinh/<int:pk>/sua/", decisions.decision_edit, name="decision_edit"),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/them-ho-so/",
        decisions.decision_lines_add,
        name="decision_lines_add",
    ),
    path("khen-thuong/quyet-dinh/<int:pk>/them-dong/", decisions.line_add, name="line_add"),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/dong/<int:line_pk>/sua/",
        decisions.line_edit,
        name="line_edit",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/dong/<int:line_pk>/xoa/",
        decisions.line_remove,
        name="line_remove",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/dong/<int:line_pk>/thu-hoi/",
        decision_acts.line_revoke,
        name="line_revoke",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/lay-y-kien/",
        decision_acts.decision_comment_open,
        name="decision_comment_open",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/sua-lai/",
        decision_acts.decision_back_to_draft,
        name="decision_back_to_draft",
    ),
    path("khen-thuong/quyet-dinh/<int:pk>/ky/", decision_acts.decision_sign, name="decision_sign"),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/cong-bo/",
        decision_acts.decision_publish,
        name="decision_publish",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/danh-sach.xlsx",
        decision_acts.decision_export,
        name="decision_export",
    ),
    path("khen-thuong/so-van-ban/", register.register, name="register"),
    path("khen-thuong/lich-su/", history.award_history, name="award_history"),
    path("khen-thuong/lich-su.xlsx", history.award_history_export, name="award_history_export"),
    path("khen-thuong/dot/<int:pk>/thong-ke/", stats.cycle_stats, name="cycle_stats"),
    path(
        "khen-thuong/dot/<int:pk>/thong-ke.xlsx",
        stats.cycle_stats_export,
        name="cycle_stats_export",
    ),
    # No login: anyone with the link reads the list and comments while the window is open.
    path("cong-khai/<str:token>/", public.public_comment, name="public_comment"),
]
