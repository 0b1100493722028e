"""Review councils: settings and rubric, members and their progress, assignments, score sheets,
the ranking, slates and votes, conflicts of interest.

Blind councils: an initiative shows its unit and authors only when `context["reveal"]` is
true (views set it for everyone on an open council; on a blind one, for those who may read its
results); the score sheet never shows them in a blind council, whoever scores. Those fields
are optional in the schema for that reason.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.initiatives import AuthorSerializer
from thidua.api.serializers.orgs import UnitIdField, UnitRefSerializer
from thidua.api.serializers.programmes import (
    LevelRefSerializer,
    ProgrammeFieldSerializer,
    ProgrammeRefSerializer,
)
from thidua.initiatives.enums import SolutionKind
from thidua.initiatives.models import Initiative
from thidua.reviews import scoring, selection
from thidua.reviews.enums import (
    AssignmentSource,
    AssignmentStatus,
    Basis,
    ConflictStatus,
    Correction,
    CouncilRole,
    CouncilStatus,
    Method,
    SheetStatus,
    SlateStatus,
    VoteMethod,
)
from thidua.reviews.models import (
    Assignment,
    Conflict,
    Council,
    CouncilMember,
    Criterion,
    MediaPick,
    Rubric,
    ScoreSheet,
    Slate,
    SlateLine,
    Vote,
)
from thidua.reviews.selectors import Results, Row

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


# `context["progress"]`: member id -> (submitted, assigned).
class MemberSerializer(serializers.ModelSerializer[CouncilMember]):
    role = NamedChoiceField(
        enum_name="CouncilRoleEnum", choices=CouncilRole.choices, read_only=True
    )
    role_display = serializers.CharField(source="get_role_display", read_only=True)
    # See ProgrammeDetailSerializer on the name `fields`.
    fields = ProgrammeFieldSerializer(many=True, read_only=True)  # type: ignore[assignment]
    done = serializers.SerializerMethodField(help_text="Số phiếu đã nộp.")
    total = serializers.SerializerMethodField(help_text="Số sáng kiến đang được phân công.")
    progress = serializers.SerializerMethodField(help_text="Ví dụ “12/45”.")

    class Meta:
        model = CouncilMember
        fields = [
            "id", "name", "role", "role_display", "title", "fields", "load_cap", "done",
            "total", "progress",
        ]  # fmt: skip
        read_only_fields = fields

    def get_done(self, seat: CouncilMember) -> int:
        return int(self.context["progress"].get(seat.pk, (0, 0))[0])

    def get_total(self, seat: CouncilMember) -> int:
        return int(self.context["progress"].get(seat.pk, (0, 0))[1])

    def get_progress(self, seat: CouncilMember) -> str:
        done, total = self.context["progress"].get(seat.pk, (0, 0))
        return f"{done}/{total}"


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


# Members and assignments


class MemberRefSerializer(serializers.ModelSerializer[CouncilMember]):
    role = NamedChoiceField(
        enum_name="CouncilRoleEnum", choices=CouncilRole.choices, read_only=True
    )

    class Meta:
        model = CouncilMember
        fields = ["id", "name", "role"]
        read_only_fields = fields


def _sheet_of(assignment: Assignment) -> ScoreSheet | None:
    return getattr(assignment, "sheet", None)


# Needs `context["reveal"]` (see the module's docstring).
class AssignmentSerializer(serializers.ModelSerializer[Assignment]):
    member = MemberRefSerializer(read_only=True)
    initiative = ReviewedInitiativeSerializer(read_only=True)
    status = NamedChoiceField(
        enum_name="AssignmentStatusEnum", choices=AssignmentStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    source = NamedChoiceField(  # type: ignore[assignment]  # see BandSerializer
        enum_name="AssignmentSourceEnum", choices=AssignmentSource.choices, read_only=True
    )
    sheet_status = serializers.SerializerMethodField(help_text="null: chưa chấm.")

    class Meta:
        model = Assignment
        fields = [
            "id", "member", "initiative", "status", "status_display", "source", "assigned_at",
            "ended_at", "end_reason", "sheet_status",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(
        NamedChoiceField(enum_name="SheetStatusEnum", choices=SheetStatus.choices, allow_null=True)
    )
    def get_sheet_status(self, assignment: Assignment) -> str | None:
        sheet = _sheet_of(assignment)
        return sheet.status if sheet is not None else None


# `context["reveal"]`: ids of the councils whose initiatives show their unit.
class MyAssignmentSerializer(serializers.ModelSerializer[Assignment]):
    council = CouncilRefSerializer(read_only=True)
    initiative = serializers.SerializerMethodField()
    sheet_status = serializers.SerializerMethodField(help_text="null: chưa chấm.")
    total = serializers.SerializerMethodField(help_text="Tổng điểm phiếu của bạn.")

    class Meta:
        model = Assignment
        fields = ["id", "council", "initiative", "assigned_at", "sheet_status", "total"]
        read_only_fields = fields

    @extend_schema_field(ReviewedInitiativeSerializer)
    def get_initiative(self, assignment: Assignment) -> dict[str, Any]:
        reveal = assignment.council_id in self.context["reveal"]
        return dict(
            ReviewedInitiativeSerializer(assignment.initiative, context={"reveal": reveal}).data
        )

    @extend_schema_field(
        NamedChoiceField(enum_name="SheetStatusEnum", choices=SheetStatus.choices, allow_null=True)
    )
    def get_sheet_status(self, assignment: Assignment) -> str | None:
        sheet = _sheet_of(assignment)
        return sheet.status if sheet is not None else None

    @extend_schema_field(serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True))
    def get_total(self, assignment: Assignment) -> str | None:
        sheet = _sheet_of(assignment)
        return str(sheet.total) if sheet is not None else None


class AssignmentCreateSerializer(serializers.Serializer[Any]):
    member = serializers.IntegerField(min_value=1, help_text="Thành viên hội đồng.")
    initiative = serializers.IntegerField(min_value=1, help_text="Sáng kiến hội đồng xét.")


class AutoAssignSerializer(serializers.Serializer[Any]):
    per_item = serializers.IntegerField(
        required=False, min_value=1, help_text="Mặc định: số thành viên chấm mỗi sáng kiến."
    )


class InitiativeCodeSerializer(serializers.ModelSerializer[Initiative]):
    class Meta:
        model = Initiative
        fields = ["id", "code", "title"]
        read_only_fields = fields


class ShortfallSerializer(serializers.Serializer[Any]):
    initiative = InitiativeCodeSerializer()
    missing = serializers.IntegerField(help_text="Số người chấm còn thiếu.")
    reason = serializers.CharField()


class AutoAssignResultSerializer(serializers.Serializer[Any]):
    created = serializers.IntegerField(help_text="Số phân công mới.")
    assignments = serializers.IntegerField(help_text="Tổng số phân công đang chấm.")
    shortfalls = ShortfallSerializer(many=True, help_text="Sáng kiến chưa đủ người chấm.")


# Score sheets


class SheetSerializer(serializers.ModelSerializer[ScoreSheet]):
    status = NamedChoiceField(
        enum_name="SheetStatusEnum", choices=SheetStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    points = serializers.DictField(child=serializers.IntegerField(), read_only=True)
    notes = serializers.DictField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = ScoreSheet
        fields = [
            "points", "notes", "comment", "total", "status", "status_display", "updated_at",
            "submitted_at",
        ]  # fmt: skip
        read_only_fields = fields


class SheetCouncilSerializer(CouncilRefSerializer):
    class Meta(CouncilRefSerializer.Meta):
        fields = [*CouncilRefSerializer.Meta.fields, "reopened_until"]
        read_only_fields = fields


# `context`: "scoring_open", "next" (the next assignment to score, or None). Never reveals
# authors and units in a blind council: the serializer sets "reveal" itself.
class ScoreSheetSerializer(serializers.ModelSerializer[Assignment]):
    council = SheetCouncilSerializer(read_only=True)
    initiative = serializers.SerializerMethodField()
    rubric = RubricSerializer(source="council.rubric", read_only=True, allow_null=True)
    sheet = serializers.SerializerMethodField(help_text="null: chưa chấm.")
    scoring_open = serializers.SerializerMethodField(help_text="Đang nhận phiếu chấm.")
    next = serializers.SerializerMethodField(help_text="Phân công kế tiếp chưa chấm (Lưu và tiếp).")

    class Meta:
        model = Assignment
        fields = ["id", "council", "initiative", "rubric", "sheet", "scoring_open", "next"]
        read_only_fields = fields

    @extend_schema_field(SheetInitiativeSerializer)
    def get_initiative(self, assignment: Assignment) -> dict[str, Any]:
        context = {"reveal": not assignment.council.blind}
        return dict(SheetInitiativeSerializer(assignment.initiative, context=context).data)

    @extend_schema_field(SheetSerializer(allow_null=True))
    def get_sheet(self, assignment: Assignment) -> dict[str, Any] | None:
        sheet = _sheet_of(assignment)
        return dict(SheetSerializer(sheet).data) if sheet is not None else None

    def get_scoring_open(self, assignment: Assignment) -> bool:
        return bool(self.context["scoring_open"])

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_next(self, assignment: Assignment) -> int | None:
        following = self.context["next"]
        return following.pk if following is not None else None


class SheetWriteSerializer(serializers.Serializer[Any]):
    points = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text="{mã tiêu chí: điểm}; bỏ trống tiêu chí chưa chấm (chỉ khi lưu nháp).",
    )
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    notes = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        default=dict,
        help_text="{mã tiêu chí: nhận xét}.",
    )
    submit = serializers.BooleanField(
        default=False, help_text="true: nộp phiếu (phải chấm đủ mọi tiêu chí); false: lưu nháp."
    )

    def to_representation(self, instance: Any) -> dict[str, Any]:
        # Never echoes: the browsable API pre-fills its form from what it shows.
        return {}


# Conflicts of interest


# Needs `context["reveal"]`.
class ConflictSerializer(serializers.ModelSerializer[Conflict]):
    member = MemberRefSerializer(read_only=True)
    initiative = ReviewedInitiativeSerializer(read_only=True)
    status = NamedChoiceField(
        enum_name="ConflictStatusEnum", choices=ConflictStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    decided_by = serializers.SerializerMethodField(help_text="Tên người xác nhận.")

    class Meta:
        model = Conflict
        fields = [
            "id", "member", "initiative", "reason", "status", "status_display", "declared_at",
            "decided_by", "decided_at", "decision_note",
        ]  # fmt: skip
        read_only_fields = fields

    def get_decided_by(self, conflict: Conflict) -> str | None:
        return str(conflict.decided_by) if conflict.decided_by is not None else None


class ConflictDecideSerializer(serializers.Serializer[Any]):
    confirm = serializers.BooleanField(
        help_text="true: xác nhận (thành viên không chấm sáng kiến này); false: không chấp nhận."
    )
    # Blank is let through so the service can say, in its own words, that a note is needed.
    note = serializers.CharField(required=False, allow_blank=True, default="")


# Ranking


class RankingRowSerializer(serializers.Serializer[Any]):
    """One initiative's line; built by `ranking_row` from thidua.reviews.selectors.Row."""

    id = serializers.IntegerField()
    code = serializers.CharField()
    title = serializers.CharField()
    field = ProgrammeFieldSerializer()
    sheets = serializers.IntegerField(help_text="Số phiếu đã nộp.")
    raw = ScoreField(help_text="Điểm gốc.")
    corrected = ScoreField(help_text="Điểm đã hiệu chỉnh độ lệch người chấm.")
    raw_rank = serializers.IntegerField(allow_null=True)
    corrected_rank = serializers.IntegerField(allow_null=True)
    rank = serializers.IntegerField(allow_null=True, help_text="Hạng theo `basis`.")
    moved = serializers.IntegerField(
        allow_null=True, help_text="Số bậc hiệu chỉnh đưa lên (âm: xuống)."
    )
    decided_by = serializers.CharField(
        allow_null=True, help_text="Tiêu chí đã phân định khi bằng điểm (theo `basis`)."
    )
    sd = ScoreField(help_text="Độ lệch chuẩn điểm gốc giữa các phiếu.")
    range = ScoreField(help_text="Chênh lệch điểm gốc cao nhất – thấp nhất.")
    disputed = serializers.BooleanField(help_text="Chênh lệch vượt ngưỡng, cần xem lại.")
    passed = serializers.BooleanField(allow_null=True, help_text="null: chưa có phiếu.")
    grade = serializers.CharField(allow_null=True)
    fail_reasons = serializers.ListField(child=serializers.CharField())


def ranking_row(row: Row, basis: str) -> dict[str, Any]:
    result, outcome, initiative = row.result, row.outcome, row.initiative
    raw_basis = basis == Basis.RAW
    return {
        "id": initiative.pk,
        "code": initiative.code,
        "title": initiative.title,
        "field": initiative.field,
        "sheets": result.sheets if result else 0,
        "raw": points(result.raw) if result else None,
        "corrected": points(result.corrected) if result else None,
        "raw_rank": row.raw_rank,
        "corrected_rank": row.corrected_rank,
        "rank": row.raw_rank if raw_basis else row.corrected_rank,
        "moved": row.moved,
        "decided_by": row.raw_decided_by if raw_basis else row.corrected_decided_by,
        "sd": points(result.sd) if result else None,
        "range": points(result.range) if result else None,
        "disputed": bool(result and result.disputed),
        "passed": outcome.passed if outcome else None,
        "grade": outcome.grade if outcome else None,
        "fail_reasons": list(outcome.reasons) if outcome else [],
    }


def ranking_summary(results: Results, basis: str) -> dict[str, Any]:
    """What the page's header says: agreement, counts, and the members who sit apart."""
    return {
        "basis": basis,
        "icc": None if results.icc is None else round(results.icc, 3),
        "alpha": None if results.alpha is None else round(results.alpha, 3),
        "agreement": scoring.agreement_label(results.icc),
        "sheets": results.sheets,
        "expected": results.expected,
        "disputed": results.disputed,
        "tie_breakers": [label for _key, label in results.tie_breakers],
        "flagged": [
            {
                "member": member_id,
                "name": results.members[member_id].name,
                "sheets": report.sheets,
                "mean_offset": points(report.mean_offset),
            }
            for member_id, report in results.reviewers.items()
            if report.flagged
        ],
    }


SUMMARY_SCHEMA = {
    "type": "object",
    "description": "Cả hội đồng: độ nhất quán (ICC), số phiếu, thành viên chấm lệch.",
    "properties": {
        "basis": {"type": "string", "enum": list(Basis.values)},
        "icc": {"type": "number", "nullable": True, "description": "ICC(1)."},
        "alpha": {
            "type": "number",
            "nullable": True,
            "description": "Hệ số alpha của Krippendorff (thang khoảng).",
        },
        "agreement": {"type": "string", "description": "Đọc ICC: kém, trung bình, tốt..."},
        "sheets": {"type": "integer", "description": "Số phiếu đã nộp."},
        "expected": {"type": "integer", "description": "Số phân công đang chấm."},
        "disputed": {"type": "integer", "description": "Số sáng kiến cần xem lại."},
        "tie_breakers": {"type": "array", "items": {"type": "string"}},
        "flagged": {
            "type": "array",
            "description": "Thành viên chấm lệch hẳn so với các thành viên khác.",
            "items": {
                "type": "object",
                "properties": {
                    "member": {"type": "integer"},
                    "name": {"type": "string"},
                    "sheets": {"type": "integer"},
                    "mean_offset": {
                        "type": "string",
                        "format": "decimal",
                        "nullable": True,
                        "description": "Lệch trung bình so với người cùng chấm (điểm).",
                    },
                },
                "required": ["member", "name", "sheets", "mean_offset"],
            },
        },
    },
    "required": [
        "basis", "icc", "alpha", "agreement", "sheets", "expected", "disputed", "tie_breakers",
        "flagged",
    ],
}  # fmt: skip


# Slates and votes


class SlateSerializer(serializers.ModelSerializer[Slate]):
    basis = NamedChoiceField(enum_name="BasisEnum", choices=Basis.choices, read_only=True)
    status = NamedChoiceField(
        enum_name="SlateStatusEnum", choices=SlateStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    proposed_by = serializers.SerializerMethodField(help_text="Tên người đề xuất.")
    problems = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Quy định chưa đáp ứng được."
    )

    class Meta:
        model = Slate
        fields = [
            "id", "number", "basis", "status", "status_display", "proposed_by", "proposed_at",
            "confirmed_at", "problems",
        ]  # fmt: skip
        read_only_fields = fields

    def get_proposed_by(self, slate: Slate) -> str | None:
        return str(slate.proposed_by) if slate.proposed_by is not None else None


# Needs `context["reveal"]`.
class SlateLineSerializer(serializers.ModelSerializer[SlateLine]):
    initiative = ReviewedInitiativeSerializer(read_only=True)
    prize = serializers.CharField(read_only=True, help_text="nhat, nhi, ba, kk; trống: không giải.")
    prize_display = serializers.SerializerMethodField()
    amended = serializers.BooleanField(
        read_only=True, help_text="Hội đồng đã sửa so với đề xuất tự động."
    )

    class Meta:
        model = SlateLine
        fields = [
            "id", "initiative", "rank", "raw_rank", "corrected_rank", "raw", "corrected",
            "sheets", "grade", "selected", "prize", "prize_display", "top", "reason",
            "amended", "proposed_selected", "proposed_prize", "amend_reason",
        ]  # fmt: skip
        read_only_fields = fields

    def get_prize_display(self, line: SlateLine) -> str:
        return selection.prize_label(line.prize) if line.prize else ""


class PersonNameSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    full_name = serializers.CharField()


class MediaPickSerializer(serializers.ModelSerializer[MediaPick]):
    person = PersonNameSerializer(read_only=True)
    field = ProgrammeFieldSerializer(read_only=True)
    initiative_ids = serializers.ListField(child=serializers.IntegerField(), read_only=True)

    class Meta:
        model = MediaPick
        fields = ["order", "person", "field", "initiative_ids", "reason"]
        read_only_fields = fields


class VoteSerializer(serializers.ModelSerializer[Vote]):
    method = NamedChoiceField(
        enum_name="VoteMethodEnum", choices=VoteMethod.choices, read_only=True
    )
    method_display = serializers.CharField(source="get_method_display", read_only=True)
    present = serializers.SerializerMethodField(help_text="Thành viên có mặt.")
    threshold = serializers.SerializerMethodField(help_text="Tỷ lệ cần đạt, ví dụ 2/3.")
    recorded_by = serializers.SerializerMethodField()

    class Meta:
        model = Vote
        fields = [
            "id", "method", "method_display", "held_at", "place", "members_total", "present",
            "in_favour", "against", "abstain", "threshold", "passed", "note", "recorded_by",
        ]  # fmt: skip
        read_only_fields = fields

    def get_present(self, vote: Vote) -> list[int]:
        return [seat.pk for seat in vote.present.all()]

    def get_threshold(self, vote: Vote) -> str:
        if vote.threshold_denominator == 100:
            return f"{vote.threshold_numerator}%"
        return f"{vote.threshold_numerator}/{vote.threshold_denominator}"

    def get_recorded_by(self, vote: Vote) -> str | None:
        return str(vote.recorded_by) if vote.recorded_by is not None else None


# Needs `context["reveal"]`; lines, media and votes prefetched.
class SlateDetailSerializer(SlateSerializer):
    council = CouncilRefSerializer(read_only=True)
    lines = SlateLineSerializer(many=True, read_only=True)
    media = MediaPickSerializer(
        many=True, read_only=True, help_text="Gợi ý tác giả để giới thiệu trên báo chí."
    )
    votes = VoteSerializer(many=True, read_only=True)

    class Meta(SlateSerializer.Meta):
        fields = [*SlateSerializer.Meta.fields, "council", "lines", "media", "votes"]
        read_only_fields = fields


class SlateAmendSerializer(serializers.Serializer[Any]):
    selected = serializers.BooleanField()
    prize = serializers.ChoiceField(
        choices=list(selection.PRIZES), required=False, allow_blank=True, default=""
    )
    top = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="Đề nghị cấp trên; null: giữ."
    )
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class VoteWriteSerializer(serializers.Serializer[Any]):
    method = NamedChoiceField(enum_name="VoteMethodEnum", choices=VoteMethod.choices)
    present = serializers.ListField(
        child=serializers.IntegerField(min_value=1), help_text="Các thành viên có mặt (id)."
    )
    in_favour = serializers.IntegerField(min_value=0)
    against = serializers.IntegerField(min_value=0)
    abstain = serializers.IntegerField(min_value=0, default=0)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    place = serializers.CharField(required=False, allow_blank=True, default="")
    held_at = serializers.DateTimeField(required=False, help_text="Mặc định: lúc ghi.")
