"""What every council service shares: the settings a council has, the check of those a form
or the API may get wrong, and where its audit entries belong."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from thidua.campaigns.models import ProgrammeField
from thidua.orgs.selectors import unit_current_path
from thidua.reviews import selection
from thidua.reviews.enums import CouncilStatus
from thidua.reviews.models import (
    Council,
    Rubric,
)

COUNCIL_FIELDS = [
    "name",
    "decision_number",
    "decision_date",
    "rubric",
    "reviewers_per_item",
    "load_cap",
    "blind",
    "deadline",
    "method",
    "correction",
    "basis",
    "dispute_threshold",
    "tie_breakers",
    "vote_numerator",
    "vote_denominator",
    "quota_min",
    "quota_max",
    "min_score",
    "field_limits",
    "unit_limits",
    "prizes",
    "top_n",
    "media_min",
    "media_max",
    "media_min_fields",
]


def council_path(council: Council) -> str:
    """Where the council's audit entries belong: its unit's place in the tree."""
    return unit_current_path(council.unit)


def check_rules(values: Mapping[str, Any], *, programme_id: int, rubric: Rubric | None) -> None:
    """The council's settings a form or the API may get wrong, refused in plain Vietnamese
    before the database's own constraints would speak English."""
    errors: dict[str, str] = {}
    numerator = values.get("vote_numerator")
    denominator = values.get("vote_denominator")
    if numerator is not None and denominator is not None and not 0 < numerator <= denominator:
        errors["vote_numerator"] = _("Tỷ lệ biểu quyết phải là một phân số từ 0 đến 1, ví dụ 2/3.")
    codes = {c.code for c in rubric.criteria.all()} if rubric is not None else set()
    for key in values.get("tie_breakers") or []:
        criterion = key.removeprefix("criterion:") if key.startswith("criterion:") else None
        if key not in {"benefit_value", "submitted_at"} and criterion not in codes:
            errors["tie_breakers"] = _("Tiêu chí phân định “%(key)s” không hợp lệ.") % {"key": key}
    fields = set(
        ProgrammeField.objects.filter(programme_id=programme_id).values_list("pk", flat=True)
    )
    for key, pair in (values.get("field_limits") or {}).items():
        if not str(key).isdigit() or int(key) not in fields or len(list(pair)) != 2:
            errors["field_limits"] = _("Giới hạn theo lĩnh vực không hợp lệ.")
    for key, pair in (values.get("unit_limits") or {}).items():
        if not str(key).isdigit() or len(list(pair)) != 2:
            errors["unit_limits"] = _("Giới hạn theo đơn vị không hợp lệ.")
    for tier in values.get("prizes") or []:
        if tier.get("prize") not in selection.PRIZES:
            errors["prizes"] = _("Giải “%(prize)s” không hợp lệ.") % {"prize": tier.get("prize")}
    if errors:
        raise ValidationError(errors)


# What may still be corrected once the council has voted: how it is named, not what it decided.
RECORD_FIELDS = {"name", "decision_number", "decision_date"}


def lock_council(council: Council) -> None:
    """Serialise the writes of one council: two officers acting at once wait for each other,
    and the council's status is read again under the lock."""
    locked = Council.objects.select_for_update().values_list("status", flat=True)
    council.status = locked.get(pk=council.pk)


def ensure_undecided(council: Council) -> None:
    """A council that has voted keeps its result as voted: its members, settings, assignments
    and conflicts no longer change. Takes the council's lock (see lock_council)."""
    lock_council(council)
    if council.status == CouncilStatus.DECIDED:
        raise ValidationError(_("Hội đồng đã biểu quyết kết quả; không thay đổi được nữa."))
