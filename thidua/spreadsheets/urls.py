from django.urls import URLPattern, URLResolver

app_name = "spreadsheets"
urlpatterns: list[URLPattern | URLResolver] = []
