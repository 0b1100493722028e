"""Check-in on the conference's day: a delegate as the check-in staff see them, what a check-in
did, a walk-in, and the live count by group."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from thidua.events.attendance import Counts, GroupCounts, LiveCounts
from thidua.events.models import Guest, GuestGroup


class CheckinGroupSerializer(serializers.ModelSerializer[GuestGroup]):
    class Meta:
        model = GuestGroup
        fields = ["id", "name", "kind"]
        read_only_fields = fields


class CheckinDelegateSerializer(serializers.ModelSerializer[Guest]):
    """A delegate (honouree or guest); `group` and `present_by` selected."""

    group = CheckinGroupSerializer(read_only=True)
    present_by = serializers.SerializerMethodField(help_text="Ai điểm danh (họ tên).")

    class Meta:
        model = Guest
        fields = [
            "id", "name", "position", "unit_name", "group", "award_name", "rsvp",
            "substitute_name", "substitute_position", "walk_in", "checkin_code", "present_at",
            "present_by",
        ]  # fmt: skip
        read_only_fields = fields

    def get_present_by(self, guest: Guest) -> str | None:
        return str(guest.present_by) if guest.present_by is not None else None


class CheckinSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text="Mã trên giấy mời (trong mã QR); chữ hoa hay thường, dấu cách đều được.",
    )
    guest = serializers.IntegerField(
        required=False, min_value=1, help_text="Hoặc: số (id) của đại biểu."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("code", "").strip() and not attrs.get("guest"):
            raise serializers.ValidationError(
                _("Hãy gửi mã trên giấy mời (code) hoặc số của đại biểu (guest).")
            )
        return attrs


class CheckinResultSerializer(serializers.Serializer[Any]):
    counted = serializers.BooleanField(
        help_text="true: lần này ghi có mặt; false: đại biểu đã được điểm danh trước đó."
    )
    message = serializers.CharField()
    delegate = CheckinDelegateSerializer()


class UndoSerializer(serializers.Serializer[Any]):
    guest = serializers.IntegerField(min_value=1, help_text="Số (id) của đại biểu điểm danh nhầm.")


class WalkInSerializer(serializers.Serializer[Any]):
    group = serializers.IntegerField(
        min_value=1, help_text="Nhóm khách mời (III.2) của hội nghị mà người này ngồi cùng."
    )
    name = serializers.CharField(required=False, allow_blank=True, max_length=120)
    position = serializers.CharField(required=False, allow_blank=True, max_length=200)
    unit_name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=32)


class AttendanceCountsSerializer(serializers.Serializer[Counts]):
    invited = serializers.IntegerField(help_text="Được mời (không tính người đến không có giấy).")
    confirmed = serializers.IntegerField(help_text="Nhận lời hoặc cử người dự thay.")
    declined = serializers.IntegerField()
    present = serializers.IntegerField(help_text="Người được mời đã có mặt.")
    walk_ins = serializers.IntegerField(help_text="Người đến không có giấy mời (có mặt).")
    present_total = serializers.IntegerField(help_text="present + walk_ins.")


class AttendanceGroupSerializer(serializers.Serializer[GroupCounts]):
    id = serializers.IntegerField(source="group.pk")
    name = serializers.CharField(source="group.name")
    kind = serializers.CharField(source="group.kind")
    counts = AttendanceCountsSerializer()


class AttendanceSerializer(serializers.Serializer[LiveCounts]):
    """The live count of a conference (attendance.live_counts), with whether it is closed."""

    closed = serializers.SerializerMethodField(
        help_text="Hội nghị đã kết thúc: số liệu đã chốt, không điểm danh thêm."
    )
    groups = AttendanceGroupSerializer(many=True)
    honourees = AttendanceCountsSerializer(
        help_text="Cộng III.1: đại biểu được biểu dương, khen thưởng."
    )
    guests = AttendanceCountsSerializer(help_text="Cộng III.2: đại biểu khách mời.")
    total = AttendanceCountsSerializer()

    def get_closed(self, counts: LiveCounts) -> bool:
        return bool(self.context["closed"])
