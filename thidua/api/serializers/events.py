"""Honouring conferences: the conference with its plan, its guest groups and their guests."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from thidua.api.serializers.awards.cycles import CycleRefSerializer
from thidua.api.serializers.orgs import UnitRefSerializer
from thidua.events.models import Event, Guest, GuestGroup

PLAN_TEXTS = ["basis", "purposes", "contents", "honourees", "tasks"]
LINES_HELP = "Mỗi ý một dòng."


class GuestSerializer(serializers.ModelSerializer[Guest]):
    person = serializers.IntegerField(
        source="person_id",
        read_only=True,
        allow_null=True,
        help_text="Người trong danh sách người, nếu có.",
    )

    class Meta:
        model = Guest
        fields = ["id", "order", "person", "name", "position", "unit_name", "email", "phone"]
        read_only_fields = fields


class GuestGroupSerializer(serializers.ModelSerializer[GuestGroup]):
    """A group of guests; `guests` must be prefetched."""

    guests = GuestSerializer(many=True, read_only=True)

    class Meta:
        model = GuestGroup
        fields = ["id", "order", "kind", "name", "guests"]
        read_only_fields = fields


# A conference in a list: `n_groups` and `n_guests` annotated (events.selectors.events_list),
# `cycles` prefetched.
class ConferenceSerializer(serializers.ModelSerializer[Event]):
    organiser = UnitRefSerializer(read_only=True)
    cycles = CycleRefSerializer(many=True, read_only=True)
    guest_group_count = serializers.IntegerField(source="n_groups", read_only=True)
    guest_count = serializers.IntegerField(source="n_guests", read_only=True)

    class Meta:
        model = Event
        fields = [
            "id", "organiser", "title", "starts_at", "place", "status", "cycles",
            "guest_group_count", "guest_count", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


# One conference with its plan and guests (events.selectors.with_details);
# `context["can_manage"]`: whether the user may change it.
class ConferenceDetailSerializer(serializers.ModelSerializer[Event]):
    organiser = UnitRefSerializer(read_only=True)
    cycles = CycleRefSerializer(many=True, read_only=True)
    guest_groups = GuestGroupSerializer(many=True, read_only=True)
    can_manage = serializers.SerializerMethodField(
        help_text="Bạn được sửa kế hoạch, nhóm khách mời và khách mời."
    )

    class Meta:
        model = Event
        fields = [
            "id", "organiser", "title", "starts_at", "place", "status", "closed_at", "cycles",
            *PLAN_TEXTS, "responsible", "remind_hours", "guest_groups", "can_manage",
            "created_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_can_manage(self, event: Event) -> bool:
        return bool(self.context["can_manage"])


class ConferencePlanSerializer(serializers.Serializer[Any]):
    """Types only; blanks are let through so the service says, in its own words, what a plan
    cannot do without (a title, a time, a place)."""

    title = serializers.CharField(required=False, allow_blank=True, max_length=300)
    starts_at = serializers.DateTimeField(
        required=False, allow_null=True, help_text="Thời gian bắt đầu (giờ Việt Nam nếu không ghi)."
    )
    place = serializers.CharField(required=False, allow_blank=True, max_length=255)
    basis = serializers.CharField(
        required=False, allow_blank=True, help_text="Đoạn mở đầu của kế hoạch."
    )
    purposes = serializers.CharField(required=False, allow_blank=True, help_text=LINES_HELP)
    contents = serializers.CharField(required=False, allow_blank=True, help_text=LINES_HELP)
    honourees = serializers.CharField(required=False, allow_blank=True, help_text=LINES_HELP)
    tasks = serializers.CharField(
        required=False, allow_blank=True, help_text="Mỗi đơn vị một dòng: “Đơn vị: việc phải làm”."
    )
    responsible = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Người phụ trách, mỗi người một dòng: “Họ tên, chức vụ: việc phụ trách”.",
    )
    remind_hours = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=720,
        help_text="Gửi thư nhắc bấy nhiêu giờ trước giờ khai mạc (0: không nhắc).",
    )


class ConferenceWriteSerializer(ConferencePlanSerializer):
    cycles = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Các đợt xét khen thưởng hội nghị biểu dương (đợt bạn điều hành).",
    )


class ConferenceCreateSerializer(ConferencePlanSerializer):
    organiser = serializers.IntegerField(min_value=1, help_text="Đơn vị tổ chức (đơn vị của bạn).")
    cycle = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        help_text="Đợt xét khen thưởng: tên hội nghị và kế hoạch để trống được soạn sẵn theo đợt.",
    )
    guest_groups = serializers.ListField(
        child=serializers.CharField(max_length=300),
        required=False,
        help_text="Các nhóm khách mời; không gửi: các nhóm thường mời theo cấp của đơn vị.",
    )


class GuestGroupWriteSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(required=False, allow_blank=True, max_length=300)
    order = serializers.IntegerField(
        required=False, min_value=1, help_text="Vị trí mới trong danh sách nhóm, từ 1."
    )


class GuestWriteSerializer(serializers.Serializer[Any]):
    person = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        help_text="Người trong danh sách người: những gì để trống lấy theo người này.",
    )
    name = serializers.CharField(required=False, allow_blank=True, max_length=120)
    position = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Chức vụ."
    )
    unit_name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=32)
    order = serializers.IntegerField(
        required=False, min_value=1, help_text="Vị trí mới trong nhóm, từ 1 (khi sửa)."
    )


class GuestFillSerializer(serializers.Serializer[Any]):
    unit = serializers.IntegerField(
        min_value=1,
        help_text="Mời Chủ tịch của mọi công đoàn cơ sở thuộc đơn vị này (trong cây của đơn vị "
        "tổ chức).",
    )
