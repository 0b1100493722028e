"""One exception handler for the API: the services' Django ValidationError becomes a 400.

DRF already turns Http404 into 404 and Django's PermissionDenied into 403, keeping the
funnel's Vietnamese message. The services raise django.core.exceptions.ValidationError,
which DRF does not know; this handler gives it DRF's shape: {"field": ["message"]}, with
messages not tied to a field under "non_field_errors".
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


def validation_detail(error: DjangoValidationError) -> dict[str, list[str]]:
    if not hasattr(error, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    return {
        (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
        for field, messages in error.message_dict.items()
    }


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(detail=validation_detail(exc))
    elif isinstance(exc, OverflowError | DataError):
        # A number too large for the database (an id or amount typed with extra digits).
        exc = ValidationError(detail={api_settings.NON_FIELD_ERRORS_KEY: [_("Số quá lớn.")]})
    return drf_exception_handler(exc, context)
