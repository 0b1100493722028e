"""What the conference page's part on honourees shows (web/events/_day_awards.html): the
honouree groups with their counts, and the decisions handed over, in two queries."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.db.models import Count

from thidua.events.enums import GroupKind
from thidua.events.models import Event

register = template.Library()


@dataclass(frozen=True)
class HonoureeSummary:
    decisions: list[str]
    groups: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.groups)


@register.simple_tag
def honouree_summary(event: Event) -> HonoureeSummary:
    groups = (
        event.guest_groups.filter(kind=GroupKind.HONOUREE)
        .annotate(n=Count("guests"))
        .order_by("order", "id")
        .values_list("name", "n")
    )
    decisions = event.decisions.order_by("signed_on", "id")
    return HonoureeSummary(
        decisions=[decision.title for decision in decisions],
        groups=[(name, count) for name, count in groups],
    )
