"""Review councils: query strings, rubrics as read, councils with their members and progress,
and the council's settings as written."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.orgs import UnitIdField, UnitRefSerializer
from thidua.api.serializers.programmes import (
    LevelRefSerializer,
    ProgrammeRefSerializer,
)
from thidua.api.serializers.reviews.common import points
from thidua.api.serializers.reviews.members import MemberSerializer
from thidua.reviews import scoring, selection
from thidua.reviews.enums import (
    AssignmentStatus,
    Basis,
    ConflictStatus,
    Correction,
    CouncilStatus,
    Method,
)
from thidua.reviews.models import Council, Criterion, Rubric

# Query strings


class CouncilQuerySerializer(serializers.Serializer[Any]):
    programme = serializers.IntegerField(required=False, min_value=1)
    status = serializers.ChoiceField(choices=CouncilStatus.choices, required=False)


class AssignmentQuerySerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=AssignmentStatus.choices,
        required=False,
        help_text="Mặc định: mọi phân công, cả phân công đã kết thúc.",
    )
    member = serializers.IntegerField(required=False, min_value=1, help_text="Thành viên.")


class MyAssignmentQuerySerializer(serializers.Serializer[Any]):
    council = serializers.IntegerField(required=False, min_value=1)


class RankingQuerySerializer(serializers.Serializer[Any]):
    basis = serializers.ChoiceField(
        choices=Basis.choices,
        required=False,
        help_text="Xếp theo điểm gốc hay điểm đã hiệu chỉnh; mặc định theo cài đặt hội đồng.",
    )


class ConflictQuerySerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=ConflictStatus.choices, required=False)


# Rubrics


# Serializer fields have `.label` and `.source` attributes; DRF's metaclass lifts declared fields
# off the class, so the names are free at runtime and only the stubs object.


class BandSerializer(serializers.Serializer[Any]):
    low = serializers.IntegerField()
    high = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]  # see above


class CriterionSerializer(serializers.ModelSerializer[Criterion]):
    bands = serializers.SerializerMethodField(help_text="Gợi ý mức điểm, từ cao xuống thấp.")

    class Meta:
        model = Criterion
        fields = [
            "code", "name", "description", "max_points", "weight", "minimum", "counted",
            "needs_money_for_top_band", "bands",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(BandSerializer(many=True))
    def get_bands(self, criterion: Criterion) -> list[dict[str, Any]]:
        return [{"low": low, "high": high, "label": label} for low, high, label in criterion.bands]


class GradeClassSerializer(serializers.Serializer[Any]):
    label = serializers.CharField()  # type: ignore[assignment]  # see BandSerializer
    min_total = serializers.DecimalField(max_digits=7, decimal_places=2)
    criterion_code = serializers.CharField(allow_blank=True)
    criterion_min = serializers.IntegerField(allow_null=True)


# The criteria must be prefetched (`criteria`).
class RubricSerializer(serializers.ModelSerializer[Rubric]):
    criteria = CriterionSerializer(many=True, read_only=True)
    classes = serializers.SerializerMethodField(help_text="Xếp loại, từ cao xuống thấp.")
    max_total = serializers.SerializerMethodField(help_text="Tổng điểm tối đa.")

    class Meta:
        model = Rubric
        fields = ["id", "name", "description", "preset", "pass_mark", "max_total", "classes",
                  "criteria"]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(GradeClassSerializer(many=True))
    def get_classes(self, rubric: Rubric) -> list[dict[str, Any]]:
        return [
            {
                "label": str(item["label"]),
                "min_total": str(points(Decimal(str(item["min_total"])))),
                "criterion_code": item.get("criterion_code") or "",
                "criterion_min": item.get("criterion_min"),
            }
            for item in rubric.classes
        ]

    @extend_schema_field(serializers.DecimalField(max_digits=8, decimal_places=2))
    def get_max_total(self, rubric: Rubric) -> str:
        return str(points(rubric.spec().max_total))


# Councils


class CouncilRefSerializer(serializers.ModelSerializer[Council]):
    class Meta:
        model = Council
        fields = ["id", "name", "deadline", "blind"]
        read_only_fields = fields


class CouncilSerializer(serializers.ModelSerializer[Council]):
    programme = ProgrammeRefSerializer(source="level.programme", read_only=True)
    level = LevelRefSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True)
    status = NamedChoiceField(
        enum_name="CouncilStatusEnum", choices=CouncilStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Council
        fields = [
            "id", "name", "programme", "level", "unit", "status", "status_display",
            "decision_number", "decision_date", "deadline", "blind",
        ]  # fmt: skip
        read_only_fields = fields


class PrizeTierSerializer(serializers.Serializer[Any]):
    prize = serializers.ChoiceField(choices=list(selection.PRIZES))
    count = serializers.IntegerField(
        min_value=0, required=False, allow_null=True, help_text="Số giải; để trống nếu không hạn."
    )
    min_score = serializers.FloatField(
        min_value=0, required=False, allow_null=True, help_text="Điểm tối thiểu để được giải này."
    )


LIMITS_HELP = "{mã: [tối thiểu, tối đa hoặc null]}"


def limits_field(**kwargs: Any) -> serializers.DictField:
    """Per-field or per-unit limits, keyed by id: {"12": [1, 3]}."""
    limit = serializers.ListField(
        child=serializers.IntegerField(min_value=0, allow_null=True), min_length=1, max_length=2
    )
    return serializers.DictField(child=limit, help_text=LIMITS_HELP, **kwargs)


def _check_limit_keys(value: dict[str, Any]) -> dict[str, Any]:
    if any(not str(key).isdigit() for key in value):
        raise serializers.ValidationError(_("Khóa phải là mã số (id)."))
    return value


# `context`: "members" (active seats), "progress", "can_manage", "seat", "scoring_open".
class CouncilDetailSerializer(CouncilSerializer):
    rubric = RubricSerializer(read_only=True, allow_null=True)
    method = NamedChoiceField(enum_name="MethodEnum", choices=Method.choices, read_only=True)
    correction = NamedChoiceField(
        enum_name="CorrectionEnum", choices=Correction.choices, read_only=True
    )
    basis = NamedChoiceField(enum_name="BasisEnum", choices=Basis.choices, read_only=True)
    tie_breakers = serializers.ListField(child=serializers.CharField(), read_only=True)
    field_limits = limits_field(read_only=True)
    unit_limits = limits_field(read_only=True)
    prizes = PrizeTierSerializer(many=True, read_only=True)
    threshold = serializers.CharField(
        source="threshold_text", read_only=True, help_text="Tỷ lệ biểu quyết thông qua, ví dụ 2/3."
    )
    members = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField(help_text="Phiếu đã nộp / phân công, ví dụ 12/45.")
    scoring_open = serializers.SerializerMethodField(help_text="Đang nhận phiếu chấm.")
    can_manage = serializers.SerializerMethodField(
        help_text="Bạn được điều hành hội đồng: phân công, xử lý xung đột, đề xuất, biểu quyết."
    )
    your_seat = serializers.SerializerMethodField(help_text="Ghế của bạn trong hội đồng, nếu có.")

    class Meta(CouncilSerializer.Meta):
        fields = [
            *CouncilSerializer.Meta.fields, "rubric", "reviewers_per_item", "load_cap",
            "reopened_until", "method", "correction", "basis", "dispute_threshold",
            "tie_breakers", "vote_numerator", "vote_denominator", "threshold", "quota_min",
            "quota_max", "min_score", "field_limits", "unit_limits", "prizes", "top_n",
            "media_min", "media_max", "media_min_fields", "members", "progress", "scoring_open",
            "can_manage", "your_seat",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(MemberSerializer(many=True))
    def get_members(self, council: Council) -> list[dict[str, Any]]:
        return list(MemberSerializer(self.context["members"], many=True, context=self.context).data)

    def get_progress(self, council: Council) -> str:
        progress = self.context["progress"].values()
        return f"{sum(done for done, _ in progress)}/{sum(total for _, total in progress)}"

    def get_scoring_open(self, council: Council) -> bool:
        return bool(self.context["scoring_open"])

    def get_can_manage(self, council: Council) -> bool:
        return bool(self.context["can_manage"])

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_your_seat(self, council: Council) -> int | None:
        seat = self.context["seat"]
        return seat.pk if seat is not None else None


class CouncilWriteSerializer(serializers.Serializer[Any]):
    """The council's settings; on PATCH, only what is sent changes. Types only: the service
    and the model give the Vietnamese messages."""

    name = serializers.CharField()
    decision_number = serializers.CharField(required=False, allow_blank=True)
    decision_date = serializers.DateField(required=False, allow_null=True)
    # Read back as an id: the browsable API fills its edit form from the council.
    rubric = UnitIdField(
        required=False, allow_null=True, min_value=1, help_text="Bộ tiêu chí của chương trình."
    )
    reviewers_per_item = serializers.IntegerField(required=False, min_value=1)
    load_cap = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    blind = serializers.BooleanField(required=False)
    deadline = serializers.DateTimeField(
        required=False, allow_null=True, help_text="Hạn chấm, ví dụ 2025-05-10T17:00:00+07:00."
    )
    method = NamedChoiceField(enum_name="MethodEnum", choices=Method.choices, required=False)
    correction = NamedChoiceField(
        enum_name="CorrectionEnum", choices=Correction.choices, required=False
    )
    basis = NamedChoiceField(enum_name="BasisEnum", choices=Basis.choices, required=False)
    dispute_threshold = serializers.DecimalField(
        max_digits=6, decimal_places=2, min_value=Decimal(0), required=False
    )
    tie_breakers = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Theo thứ tự: benefit_value, submitted_at, criterion:<mã tiêu chí>.",
    )
    vote_numerator = serializers.IntegerField(required=False, min_value=1)
    vote_denominator = serializers.IntegerField(required=False, min_value=1)
    quota_min = serializers.IntegerField(required=False, min_value=0)
    quota_max = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    min_score = serializers.DecimalField(
        max_digits=7, decimal_places=2, required=False, allow_null=True
    )
    field_limits = limits_field(required=False)
    unit_limits = limits_field(required=False)
    prizes = PrizeTierSerializer(many=True, required=False)
    top_n = serializers.IntegerField(required=False, min_value=0)
    media_min = serializers.IntegerField(required=False, min_value=0)
    media_max = serializers.IntegerField(required=False, min_value=0)
    media_min_fields = serializers.IntegerField(required=False, min_value=0)

    def validate_tie_breakers(self, value: list[str]) -> list[str]:
        for key in value:
            try:
                scoring.tie_breaker_label(key, {})
            except ValueError:
                raise serializers.ValidationError(
                    _("Không có cách phân định “%(key)s”.") % {"key": key}
                ) from None
        return value

    def validate_field_limits(self, value: dict[str, Any]) -> dict[str, Any]:
        return _check_limit_keys(value)

    def validate_unit_limits(self, value: dict[str, Any]) -> dict[str, Any]:
        return _check_limit_keys(value)

    def validate_prizes(self, value: list[Any]) -> list[dict[str, Any]]:
        # Stored as JSON: keep only what was sent.
        return [{key: item[key] for key in item} for item in value]


class CouncilCreateSerializer(CouncilWriteSerializer):
    level = serializers.IntegerField(min_value=1, help_text="Cấp xét của chương trình.")
    unit = serializers.IntegerField(
        min_value=1, help_text="Đơn vị lập hội đồng: đơn vị bạn là cán bộ thi đua – khen thưởng."
    )


class CouncilReopenSerializer(serializers.Serializer[Any]):
    until = serializers.DateTimeField(help_text="Nhận phiếu đến, ví dụ 2025-05-12T17:00:00+07:00.")
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")
