from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "thidua.jobs"
    label = "jobs"
    verbose_name = "Việc nền"
