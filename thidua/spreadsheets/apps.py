from django.apps import AppConfig


class SpreadsheetsConfig(AppConfig):
    name = "thidua.spreadsheets"
    label = "spreadsheets"
    verbose_name = "Nhập, xuất Excel"

    def ready(self) -> None:
        # Registers the import and export handlers of background jobs.
        from thidua.spreadsheets import jobs  # noqa: F401
