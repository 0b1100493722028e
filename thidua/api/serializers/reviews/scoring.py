"""Scoring: assignments (a council's and the user's own, reassigned, imported from Excel),
score sheets, conflicts of interest."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.reviews.common import (
    ReviewedInitiativeSerializer,
    SheetInitiativeSerializer,
)
from thidua.api.serializers.reviews.councils import CouncilRefSerializer, RubricSerializer
from thidua.initiatives.models import Initiative
from thidua.reviews.enums import (
    AssignmentSource,
    AssignmentStatus,
    ConflictStatus,
    CouncilRole,
    SheetStatus,
)
from thidua.reviews.models import Assignment, Conflict, CouncilMember, ScoreSheet
from thidua.spreadsheets.base import ImportReport

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


# Needs `context["reveal"]` (see common's docstring).
class AssignmentSerializer(serializers.ModelSerializer[Assignment]):
    member = MemberRefSerializer(read_only=True)
    initiative = ReviewedInitiativeSerializer(read_only=True)
    status = NamedChoiceField(
        enum_name="AssignmentStatusEnum", choices=AssignmentStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    source = NamedChoiceField(  # type: ignore[assignment]  # see councils.BandSerializer
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


class ReassignSerializer(serializers.Serializer[Any]):
    member = serializers.IntegerField(min_value=1, help_text="Thành viên chấm thay.")
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class AssignmentImportQuerySerializer(serializers.Serializer[Any]):
    dry_run = serializers.BooleanField(
        default=False, help_text="1: chỉ kiểm tra và xem trước, không ghi gì."
    )


class AssignmentUploadSerializer(serializers.Serializer[Any]):
    # Empty files reach the reader, which refuses them in its own words.
    file = serializers.FileField(
        allow_empty_file=True,
        help_text="Tệp Excel (.xlsx): tệp mẫu phân công của hội đồng (tài khoản thành viên ở "
        "các cột “Thành viên 1”, “Thành viên 2”...), hoặc hai cột “Mã sáng kiến”, “Tài khoản "
        "thành viên”.",
    )


class ImportRowSerializer(serializers.Serializer[Any]):
    row = serializers.IntegerField(help_text="Số dòng trong Excel.")
    action = serializers.CharField(help_text="create: thêm mới.")
    action_display = serializers.CharField(source="action_label")
    label = serializers.CharField(  # type: ignore[assignment]  # see councils.BandSerializer
        help_text="Mã sáng kiến – tài khoản thành viên."
    )


# An ImportReport (thidua.spreadsheets.base): all or nothing, so `rows` are what is (or, in a
# preview or with problems, would be) written.
class ImportReportSerializer(serializers.Serializer[Any]):
    dry_run = serializers.BooleanField(help_text="Chỉ xem trước.")
    applied = serializers.BooleanField(help_text="Đã ghi: không xem trước và không có lỗi.")
    rejected = serializers.BooleanField(
        help_text="Không dùng được tệp (không phải .xlsx, trống, thiếu cột)."
    )
    rows = ImportRowSerializer(many=True, help_text="Mỗi lượt phân công trong tệp.")
    problems = serializers.SerializerMethodField(
        help_text="Các lỗi, mỗi lỗi kèm dòng và cột; có lỗi thì không ghi gì."
    )
    warnings = serializers.ListField(child=serializers.CharField())

    def get_problems(self, report: ImportReport) -> list[str]:
        return [str(problem) for problem in report.problems]


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
