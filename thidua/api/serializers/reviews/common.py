"""Shared by the review serializers: scores as the API writes them, and initiatives as a
council shows them.

Blind councils: an initiative shows its unit and authors only when `context["reveal"]` is
true (views set it for everyone on an open council; on a blind one, for those who may read its
results); the score sheet never shows them in a blind council, whoever scores. Those fields
are optional in the schema for that reason.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from thidua.api.serializers.initiatives import AuthorSerializer
from thidua.api.serializers.orgs import UnitRefSerializer
from thidua.api.serializers.programmes import ProgrammeFieldSerializer
from thidua.initiatives.enums import SolutionKind
from thidua.initiatives.models import Initiative

# Keys an initiative loses in a blind council.
IDENTIFYING = ("unit", "authors", "applying_unit_name", "benefit_certified_by")


def points(value: float | Decimal | None) -> Decimal | None:
    """A score as the API writes it: two decimals, like a sheet's total."""
    if value is None:
        return None
    return Decimal(str(round(float(value), 2))).quantize(Decimal("0.01"))


class ScoreField(serializers.DecimalField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=8, decimal_places=2, allow_null=True, **kwargs)


# Initiatives as a council shows them


class ReviewedInitiativeSerializer(serializers.ModelSerializer[Initiative]):
    """An initiative in a council's lists; `unit` only when `context["reveal"]`."""

    field = ProgrammeFieldSerializer(read_only=True)
    unit = UnitRefSerializer(required=False, help_text="Không có với hội đồng chấm ẩn danh.")

    class Meta:
        model = Initiative
        fields = ["id", "code", "title", "field", "unit"]
        read_only_fields = ["id", "code", "title", "field"]

    def to_representation(self, instance: Initiative) -> dict[str, Any]:
        if not self.context.get("reveal"):
            # Left out before anything is read, so nothing identifying is even fetched.
            for key in IDENTIFYING:
                self.fields.pop(key, None)
        return dict(super().to_representation(instance))


class SheetInitiativeSerializer(ReviewedInitiativeSerializer):
    """What the member scores: the whole form, without who and where in a blind council.
    Authors must be prefetched (`authorships__person`) when shown."""

    solution_kind = serializers.ChoiceField(choices=SolutionKind.choices, read_only=True)
    solution_kind_display = serializers.CharField(
        source="get_solution_kind_display", read_only=True
    )
    benefit_summary = serializers.CharField(read_only=True)
    benefit_value = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Giá trị làm lợi, đồng/năm."
    )
    authors = AuthorSerializer(source="authorships", many=True, required=False)
    applying_unit_name = serializers.CharField(required=False)
    benefit_certified_by = serializers.CharField(required=False)

    class Meta(ReviewedInitiativeSerializer.Meta):
        fields = [
            *ReviewedInitiativeSerializer.Meta.fields, "authors", "solution_kind",
            "solution_kind_display", "first_applied_on", "applying_unit_name",
            "prior_situation", "novelty", "application", "conditions", "benefit_value",
            "benefit_summary", "benefit_basis", "non_monetary_benefit", "benefit_certified_by",
        ]  # fmt: skip
        read_only_fields = [
            name for name in fields if name not in {*IDENTIFYING, "authors"}
        ]  # fmt: skip
