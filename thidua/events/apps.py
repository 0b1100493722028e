from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "thidua.events"
    label = "events"
    verbose_name = "Hội nghị biểu dương"
