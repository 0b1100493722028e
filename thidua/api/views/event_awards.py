"""A conference's day in the API (issue 7): awards."""

from __future__ import annotations

from rest_framework import viewsets

from thidua.api.views.base import ApiMixin
from thidua.events.models import Event


class EventAwardViewSet(ApiMixin, viewsets.GenericViewSet[Event]):
    pass
