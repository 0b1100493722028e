"""The rows an export writes: only what the user may see, in one query each."""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery

from thidua.orgs.models import Person, Unit, UnitPlacement
from thidua.orgs.permissions import Cap, people_for_user, placements_for_user, today, units_for_user
from thidua.orgs.selectors import people_list


def units_for_export(*, user: Any) -> QuerySet[Unit]:
    """Visible units in tree order (a parent before its children, so the file imports back
    in order), each with `parent_code` as the tree stands today."""
    day = today()
    here = UnitPlacement.objects.on(day).filter(unit_id=OuterRef("pk"))
    return (
        units_for_user(user, Cap.VIEW_UNITS, day)
        .annotate(
            parent_code=Subquery(here.values("parent__code")[:1]),
            tree_path=Subquery(here.values("path")[:1]),
        )
        .order_by("tree_path", "code")
    )


def people_for_export(*, user: Any) -> QuerySet[Person]:
    """Visible people, Vietnamese order, each with `may_see_id_number`: whether the user may
    see this person's personal data."""
    personal = placements_for_user(user, Cap.VIEW_PERSONAL_DATA).values("unit_id")
    return people_list(people=people_for_user(user, Cap.VIEW_PEOPLE)).annotate(
        may_see_id_number=ExpressionWrapper(Q(unit_id__in=personal), output_field=BooleanField())
    )
