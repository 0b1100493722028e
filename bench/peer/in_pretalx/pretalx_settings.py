"""pretalx's own settings for the peer benchmark, with mail never sent. Runs inside the pretalx
virtual environment (DJANGO_SETTINGS_MODULE=pretalx_settings, this folder on PYTHONPATH)."""

from pretalx.settings import *  # noqa: F403 (the whole of pretalx's settings, unchanged)

EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
