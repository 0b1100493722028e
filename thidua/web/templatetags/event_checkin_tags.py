"""`{% live_counts event as counts %}`: the live count by group for the conference page's
check-in section (one query), the same numbers the check-in page polls."""

from __future__ import annotations

from django import template

from thidua.events.attendance import LiveCounts, live_counts
from thidua.events.models import Event

register = template.Library()


@register.simple_tag(name="live_counts")
def live_counts_tag(event: Event) -> LiveCounts:
    return live_counts(event)
