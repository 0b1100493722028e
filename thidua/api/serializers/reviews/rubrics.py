"""Rubrics as written: a programme's preset by name, or the whole rubric, read into the pure
`thidua.reviews.rubrics.RubricSpec` and checked by `rubric_problems` (a usable rubric, in the
same Vietnamese as the web form). The services write it; they refuse changes to a rubric a
sheet was submitted on."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.reviews import rubrics

BAND_OBJECT = {
    "type": "object",
    "properties": {
        "low": {"type": "integer"},
        "high": {"type": "integer"},
        "label": {"type": "string"},
    },
    "required": ["low", "high", "label"],
}
BAND_ARRAY = {
    "type": "array",
    "items": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
    "minItems": 3,
    "maxItems": 3,
}


@extend_schema_field(
    {
        "oneOf": [BAND_ARRAY, BAND_OBJECT],
        "description": '[thấp, cao, mô tả], ví dụ [31, 40, "Hoàn toàn mới"]; hoặc '
        "{low, high, label} như khi đọc bộ tiêu chí.",
    }
)
class BandField(serializers.Field[rubrics.Band, Any, list[Any], Any]):
    """A band hint as stored, [low, high, label], or as the API reads it back, an object."""

    default_error_messages = {
        "invalid": gettext_lazy("Mỗi mức điểm cần dạng [điểm thấp, điểm cao, “mô tả”].")
    }

    def to_internal_value(self, data: Any) -> rubrics.Band:
        if isinstance(data, dict):
            data = [data.get("low"), data.get("high"), data.get("label")]
        if not isinstance(data, list | tuple) or len(data) != 3:
            self.fail("invalid")
        low, high, label = data
        numbers = all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high))
        if not numbers or not isinstance(label, str) or not label.strip():
            self.fail("invalid")
        return rubrics.Band(low, high, label.strip())

    def to_representation(self, value: rubrics.Band) -> list[Any]:
        return [value.low, value.high, value.label]


class CriterionWriteSerializer(serializers.Serializer[Any]):
    code = serializers.SlugField(
        max_length=32, help_text="Mã tiêu chí, chữ không dấu, ví dụ tinh_moi; riêng trong bộ."
    )
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(allow_blank=True, default="")
    max_points = serializers.IntegerField(min_value=1, max_value=1000)
    weight = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=Decimal(0), default=Decimal(1)
    )
    minimum = serializers.IntegerField(
        min_value=0, allow_null=True, default=None, help_text="Điểm tối thiểu để đạt."
    )
    counted = serializers.BooleanField(
        default=True, help_text="false: chỉ hiện trên phiếu, không cộng vào tổng."
    )
    needs_money_for_top_band = serializers.BooleanField(
        default=False, help_text="Mức cao nhất chỉ dành cho sáng kiến có giá trị làm lợi bằng tiền."
    )
    bands = serializers.ListField(
        child=BandField(), default=list, help_text="Gợi ý mức điểm, từ cao xuống thấp."
    )


class GradeClassWriteSerializer(serializers.Serializer[Any]):
    # See councils.BandSerializer on the name `label`.
    label = serializers.CharField(max_length=50)  # type: ignore[assignment]
    min_total = serializers.DecimalField(
        max_digits=7, decimal_places=2, help_text="Tổng điểm tối thiểu của loại này."
    )
    criterion_code = serializers.CharField(
        allow_blank=True,
        allow_null=True,
        default="",
        help_text="Tiêu chí cũng phải đạt `criterion_min`; để trống nếu không.",
    )
    criterion_min = serializers.IntegerField(min_value=0, allow_null=True, default=None)


def rubric_spec(data: dict[str, Any]) -> rubrics.RubricSpec:
    """A parsed rubric body as the pure dataclasses."""
    return rubrics.RubricSpec(
        name=data["name"],
        description=data["description"],
        pass_mark=data["pass_mark"],
        classes=tuple(
            rubrics.GradeClass(
                label=grade["label"],
                min_total=grade["min_total"],
                criterion_code=grade["criterion_code"] or None,
                criterion_min=grade["criterion_min"],
            )
            for grade in data["classes"]
        ),
        criteria=tuple(
            rubrics.CriterionSpec(
                code=item["code"],
                name=item["name"],
                description=item["description"],
                max_points=item["max_points"],
                weight=item["weight"],
                minimum=item["minimum"],
                counted=item["counted"],
                needs_money_for_top_band=item["needs_money_for_top_band"],
                bands=tuple(item["bands"]),
            )
            for item in data["criteria"]
        ),
    )


class RubricWriteSerializer(serializers.Serializer[Any]):
    """A whole rubric. A rubric that cannot be used (a repeated code, a band beyond the
    criterion's points, a class naming a criterion not in the rubric...) is refused with every
    problem under `non_field_errors`."""

    name = serializers.CharField(max_length=200)
    description = serializers.CharField(allow_blank=True, default="")
    pass_mark = serializers.DecimalField(
        max_digits=7,
        decimal_places=2,
        min_value=Decimal(0),
        allow_null=True,
        default=None,
        help_text="Tổng điểm tối thiểu để đạt.",
    )
    classes = GradeClassWriteSerializer(
        many=True, default=list, help_text="Xếp loại, từ cao xuống thấp."
    )
    criteria = CriterionWriteSerializer(many=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        spec = rubric_spec(attrs)
        problems = rubrics.rubric_problems(spec)
        if not spec.criteria:
            problems.insert(0, _("Bộ tiêu chí cần ít nhất một tiêu chí."))
        if problems:
            raise serializers.ValidationError(problems)
        return attrs

    def to_representation(self, instance: Any) -> dict[str, Any]:
        # Never echoes: the browsable API pre-fills its form from what it shows (a council).
        return {}


class RubricPresetSerializer(serializers.Serializer[Any]):
    preset = NamedChoiceField(
        enum_name="RubricPresetEnum",
        choices=[(key, spec.name) for key, spec in rubrics.PRESETS.items()],
        help_text="Bộ tiêu chí mẫu theo quy định địa phương.",
    )
