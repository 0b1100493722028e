from django.urls import URLPattern, URLResolver, path, register_converter

from thidua.spreadsheets import views
from thidua.spreadsheets.kinds import KINDS
from thidua.spreadsheets.staging import TOKEN_PATTERN


class TokenConverter:
    regex = TOKEN_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "upload")

UNIT, PERSON = {"kind": KINDS["unit"]}, {"kind": KINDS["person"]}

app_name = "spreadsheets"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("don-vi/mau.xlsx", views.template_download, UNIT, name="unit_template"),
    path("don-vi/xuat.xlsx", views.export, UNIT, name="unit_export"),
    path("don-vi/nhap/", views.import_upload, UNIT, name="unit_import"),
    path("nguoi/mau.xlsx", views.template_download, PERSON, name="person_template"),
    path("nguoi/xuat.xlsx", views.export, PERSON, name="person_export"),
    path("nguoi/nhap/", views.import_upload, PERSON, name="person_import"),
    # Filters and the programme come in the query string, as on the web list.
    path("sang-kien/mau.xlsx", views.initiative_template, name="initiative_template"),
    path("sang-kien/xuat.xlsx", views.initiative_export, name="initiative_export"),
    path("sang-kien/nhap/", views.initiative_import, name="initiative_import"),
    # The upload's kind and owner come from the session, never from the URL.
    path("nhap/<upload:token>/", views.import_confirm, name="import_confirm"),
    # A long file's preview is a background job; its page confirms through here (the starter).
    path("xem-truoc/<int:pk>/", views.preview_job_confirm, name="preview_job_confirm"),
]
