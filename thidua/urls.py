from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("thidua.web.urls")),
    path("tai-khoan/", include("thidua.web.auth_urls")),
    path("excel/", include("thidua.spreadsheets.urls")),
    path("api/v1/", include("thidua.api.urls")),
    path("quan-tri-django/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
