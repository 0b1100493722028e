from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "thidua.orgs"
    label = "orgs"
    verbose_name = "Tổ chức, con người, tài khoản"
