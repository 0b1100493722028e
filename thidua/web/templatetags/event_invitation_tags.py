"""`{% invitation_counts event as counts %}`: how many delegates were invited and how they
answered, for the conference page's invitations section (one query), the same numbers the
invitations page shows."""

from __future__ import annotations

from django import template

from thidua.events.invitation_status import Counts, invitation_counts
from thidua.events.models import Event

register = template.Library()


@register.simple_tag(name="invitation_counts")
def invitation_counts_tag(event: Event) -> Counts:
    return invitation_counts(event)
