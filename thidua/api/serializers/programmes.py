"""Programmes: their levels with deadlines and quotas, their fields, deadline extensions and the
progress board. Times go out in ISO 8601 in Asia/Ho_Chi_Minh (+07:00)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.orgs import UnitRefSerializer
from thidua.campaigns.enums import ProgrammeStatus
from thidua.campaigns.models import DeadlineExtension, Programme, ProgrammeField, ProgrammeLevel
from thidua.orgs.enums import Tier


class ProgrammeRefSerializer(serializers.ModelSerializer[Programme]):
    class Meta:
        model = Programme
        fields = ["id", "code", "name"]
        read_only_fields = fields


class ProgrammeSerializer(serializers.ModelSerializer[Programme]):
    running_unit = UnitRefSerializer(read_only=True)
    status = NamedChoiceField(
        enum_name="ProgrammeStatusEnum", choices=ProgrammeStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Programme
        fields = [
            "id", "code", "name", "running_unit", "starts_on", "ends_on", "status",
            "status_display", "launched_at",
        ]  # fmt: skip
        read_only_fields = fields


class ProgrammeFieldSerializer(serializers.ModelSerializer[ProgrammeField]):
    class Meta:
        model = ProgrammeField
        fields = ["id", "name"]
        read_only_fields = fields


class LevelRefSerializer(serializers.ModelSerializer[ProgrammeLevel]):
    class Meta:
        model = ProgrammeLevel
        fields = ["id", "order", "name"]
        read_only_fields = fields


# `context["acting"]`: level id -> (the user's unit that sends into it, its deadline).
class ProgrammeLevelSerializer(serializers.ModelSerializer[ProgrammeLevel]):
    tier_display = serializers.CharField(source="get_tier_display", read_only=True)
    your_deadline = serializers.SerializerMethodField(
        help_text=(
            "Hạn (đã tính gia hạn) mà đơn vị của bạn phải nộp (cấp đầu) hoặc chuyển sáng kiến "
            "lên cấp này; null nếu đơn vị của bạn không nộp hay chuyển vào cấp này."
        )
    )
    your_unit = serializers.SerializerMethodField(
        help_text="Đơn vị của bạn mà `your_deadline` áp dụng."
    )

    class Meta:
        model = ProgrammeLevel
        fields = [
            "id", "order", "name", "tier", "tier_display", "deadline", "your_deadline",
            "your_unit", "quota_min", "quota_max", "has_council",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_your_deadline(self, level: ProgrammeLevel) -> str | None:
        acting = self.context["acting"].get(level.pk)
        return serializers.DateTimeField().to_representation(acting[1]) if acting else None

    @extend_schema_field(UnitRefSerializer(allow_null=True))
    def get_your_unit(self, level: ProgrammeLevel) -> dict[str, Any] | None:
        acting = self.context["acting"].get(level.pk)
        return UnitRefSerializer(acting[0]).data if acting else None


# Levels come from `context["levels"]` (in climbing order); `context["can_manage"]` says whether
# the user may launch the programme and extend its deadlines.
class ProgrammeDetailSerializer(ProgrammeSerializer):
    levels = serializers.SerializerMethodField()
    # Serializer has a `.fields` property; DRF's metaclass lifts declared fields off the class,
    # so the name is free at runtime and only the stubs object.
    fields = ProgrammeFieldSerializer(many=True, read_only=True)  # type: ignore[assignment]
    can_manage = serializers.SerializerMethodField(
        help_text="Bạn được phát động chương trình và gia hạn nộp."
    )

    class Meta(ProgrammeSerializer.Meta):
        fields = [*ProgrammeSerializer.Meta.fields, "description", "levels", "fields", "can_manage"]
        read_only_fields = fields

    @extend_schema_field(ProgrammeLevelSerializer(many=True))
    def get_levels(self, programme: Programme) -> list[dict[str, Any]]:
        return list(
            ProgrammeLevelSerializer(self.context["levels"], many=True, context=self.context).data
        )

    def get_can_manage(self, programme: Programme) -> bool:
        return bool(self.context["can_manage"])


class ProgrammeLevelWriteSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    tier = serializers.ChoiceField(choices=Tier.choices)
    deadline = serializers.DateTimeField(help_text="Hạn nộp, ví dụ 2025-04-10T17:00:00+07:00.")
    quota_min = serializers.IntegerField(min_value=0, default=0)
    quota_max = serializers.IntegerField(
        min_value=0, required=False, allow_null=True, help_text="Để trống nếu không giới hạn."
    )
    has_council = serializers.BooleanField(default=False)


class ProgrammeCreateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    code = serializers.CharField(help_text="Ký hiệu, dùng trong mã sáng kiến, ví dụ KG75.")
    running_unit = serializers.IntegerField(
        min_value=1, help_text="Đơn vị chủ trì: đơn vị bạn là cán bộ thi đua – khen thưởng."
    )
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    description = serializers.CharField(required=False, allow_blank=True)
    levels = ProgrammeLevelWriteSerializer(
        many=True, help_text="Các cấp xét từ cấp dưới lên, cấp cao nhất là cấp đơn vị chủ trì."
    )
    fields = serializers.ListField(  # type: ignore[assignment]  # see ProgrammeDetailSerializer
        child=serializers.CharField(),
        required=False,
        help_text="Các lĩnh vực; để trống để dùng danh sách mặc định.",
    )


class DeadlineExtendSerializer(serializers.Serializer[Any]):
    level = serializers.IntegerField(min_value=1, help_text="Cấp xét được gia hạn.")
    unit = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text="Đơn vị được gia hạn; để trống để gia hạn cho mọi đơn vị.",
    )
    deadline = serializers.DateTimeField(help_text="Hạn mới, ví dụ 2025-04-12T17:00:00+07:00.")
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class DeadlineExtensionSerializer(serializers.ModelSerializer[DeadlineExtension]):
    level = LevelRefSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = DeadlineExtension
        fields = ["id", "level", "unit", "deadline", "reason", "created_at"]
        read_only_fields = fields


class ProgressQuerySerializer(serializers.Serializer[Any]):
    unit = serializers.IntegerField(
        min_value=1,
        help_text="Đơn vị bạn thuộc về hoặc quản lý; mỗi dòng là một đơn vị trực thuộc.",
    )


# One row of thidua.initiatives.selectors.progress_board: counts only, no initiative.
class ProgressRowSerializer(serializers.Serializer[Any]):
    unit = UnitRefSerializer()
    grassroots_total = serializers.IntegerField(help_text="Số công đoàn cơ sở trong đơn vị.")
    grassroots_submitted = serializers.IntegerField(
        help_text="Số công đoàn cơ sở đã nộp ít nhất một sáng kiến."
    )
    registered = serializers.IntegerField(help_text="Số sáng kiến đã nộp (trừ bản nháp, đã rút).")
    reached_us = serializers.IntegerField(help_text="Số sáng kiến đã được chuyển đến đơn vị này.")
    deadline = serializers.DateTimeField(allow_null=True)
    late = serializers.BooleanField(help_text="Đã quá hạn mà chưa chuyển sáng kiến nào lên.")
