from django.apps import AppConfig


class SpreadsheetsConfig(AppConfig):
    name = "thidua.spreadsheets"
    label = "spreadsheets"
    verbose_name = "Nhập, xuất Excel"
