"""A conference's day in the API (issue 7): invitations."""

from __future__ import annotations

from rest_framework import viewsets

from thidua.api.views.base import ApiMixin
from thidua.events.models import Event


class EventInvitationViewSet(ApiMixin, viewsets.GenericViewSet[Event]):
    pass
