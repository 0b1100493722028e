"""Routes of documents: registered documents, the decision's files and certificates, batches,
templates, and the public certificate check; included by thidua/web/urls.py."""

from django.urls import URLPattern, path

from thidua.web.views.documents import certificates, official, templates

urlpatterns: list[URLPattern] = [
    path("van-ban/", official.document_list, name="official_list"),
    path("van-ban/lap/<slug:kind>/<int:pk>/", official.document_create, name="official_create"),
    path("van-ban/<int:pk>/", official.document_detail, name="official_detail"),
    path("van-ban/<int:pk>/sua/", official.document_edit, name="official_edit"),
    path("van-ban/<int:pk>/cap-so/", official.document_issue, name="official_issue"),
    path("van-ban/<int:pk>/xoa/", official.document_delete, name="official_delete"),
    path("van-ban/<int:pk>/tep.<str:fmt>", official.document_file, name="official_file"),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/van-ban.<str:fmt>",
        certificates.decision_file,
        name="decision_file",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/in-giay-khen/",
        certificates.decision_certificates,
        name="decision_certificates",
    ),
    path(
        "phong-trao/<int:pk>/giay-chung-nhan/",
        certificates.programme_certificates,
        name="programme_certificates",
    ),
    path("van-ban/lo/<int:pk>/", certificates.batch_detail, name="batch_detail"),
    path("van-ban/lo/<int:pk>/tep/", certificates.batch_file, name="batch_file"),
    path("van-ban/lo/<int:pk>/chay-lai/", certificates.batch_retry, name="batch_retry"),
    path("van-ban/mau/", templates.template_list, name="template_list"),
    path(
        "van-ban/mau/co-san/<slug:kind>.docx", templates.template_builtin, name="template_builtin"
    ),
    path("van-ban/mau/<int:pk>/tep.docx", templates.template_file, name="template_file"),
    path("van-ban/mau/<int:pk>/go/", templates.template_remove, name="template_remove"),
    path("xac-minh/", certificates.certificate_check, name="certificate_check_form"),
    path("xac-minh/<str:code>/", certificates.certificate_check, name="certificate_check"),
]
