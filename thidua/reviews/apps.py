from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "thidua.reviews"
    label = "reviews"
    verbose_name = "Hội đồng xét duyệt"
