"""Invitations and answers: whom to send the Giấy mời to, an answer, a delegate's answer, the
sent log, where the invitations stand (counts, the last sending, the list to call), and the
public page of one personal link."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from thidua.events.enums import Rsvp
from thidua.events.invitation_mail import when_words
from thidua.events.invitation_sending import Scope
from thidua.events.invitations import ANSWERS, ATTENDING, checkin_url
from thidua.events.models import Guest, InvitationMessage


class SendSerializer(serializers.Serializer[Any]):
    scope = serializers.ChoiceField(
        choices=Scope.choices,
        help_text=(
            "not_invited: mọi đại biểu chưa được gửi; group: người chưa được gửi trong nhóm "
            "`group`; guest: đại biểu `guest` (gửi lại nếu đã gửi)."
        ),
    )
    group = serializers.IntegerField(required=False, min_value=1, help_text="Số (id) của nhóm.")
    guest = serializers.IntegerField(required=False, min_value=1, help_text="Số (id) của đại biểu.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["scope"] == Scope.GROUP and not attrs.get("group"):
            raise serializers.ValidationError({"group": [_("Hãy chọn nhóm để gửi.")]})
        if attrs["scope"] == Scope.GUEST and not attrs.get("guest"):
            raise serializers.ValidationError({"guest": [_("Hãy chọn đại biểu để gửi.")]})
        return attrs


class SendResultSerializer(serializers.Serializer[Any]):
    queued = serializers.IntegerField(help_text="Số thư đang được gửi (chạy nền).")
    to_email = serializers.ListField(
        child=serializers.IntegerField(), help_text="Đại biểu được gửi thư (id)."
    )
    without_email = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="Đại biểu không có thư điện tử (id): cần gọi điện / gửi giấy.",
    )


class AnswerSerializer(serializers.Serializer[Any]):
    answer = serializers.ChoiceField(
        choices=[(value, label) for value, label in Rsvp.choices if value in ANSWERS]
    )
    substitute_name = serializers.CharField(
        required=False, allow_blank=True, max_length=120, help_text="Bắt buộc khi cử người."
    )
    substitute_position = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Bắt buộc khi cử người."
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=500)


class DelegateAnswerSerializer(serializers.ModelSerializer[Guest]):
    """A delegate with their invitation and answer."""

    rsvp_by = serializers.SerializerMethodField(help_text="Cán bộ ghi trả lời (họ tên), nếu có.")

    class Meta:
        model = Guest
        fields = [
            "id", "group", "name", "position", "unit_name", "email", "phone", "invited_at",
            "reminded_at", "rsvp", "rsvp_via", "rsvp_at", "rsvp_by", "substitute_name",
            "substitute_position", "rsvp_note",
        ]  # fmt: skip
        read_only_fields = fields

    def get_rsvp_by(self, guest: Guest) -> str | None:
        return str(guest.rsvp_by) if guest.rsvp_by_id else None


class MessageSerializer(serializers.ModelSerializer[InvitationMessage]):
    guest_name = serializers.CharField(source="guest.name", read_only=True)

    class Meta:
        model = InvitationMessage
        fields = ["id", "guest", "guest_name", "kind", "to", "status", "error", "sent_at"]
        read_only_fields = fields


class CountsSerializer(serializers.Serializer[Any]):
    delegates = serializers.IntegerField()
    with_email = serializers.IntegerField()
    invited = serializers.IntegerField()
    accepted = serializers.IntegerField()
    declined = serializers.IntegerField()
    substitute = serializers.IntegerField()
    pending = serializers.IntegerField()


class SendRunSerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    by = serializers.CharField()
    total = serializers.IntegerField()
    done = serializers.IntegerField()
    sent = serializers.IntegerField()
    failed = serializers.IntegerField()
    running = serializers.BooleanField()
    stalled = serializers.BooleanField()


class ToCallSerializer(serializers.Serializer[Any]):
    delegate = DelegateAnswerSerializer(source="guest")
    reason = serializers.CharField(help_text="bounced, failed, no_email, unanswered")
    reason_display = serializers.CharField(source="reason.label")
    message = MessageSerializer(allow_null=True)


class InvitationsSerializer(serializers.Serializer[Any]):
    counts = CountsSerializer()
    last_send = SendRunSerializer(allow_null=True)
    to_call = ToCallSerializer(many=True)


# --- the public page of a personal link -----------------------------------------------------------


class PublicEventSerializer(serializers.Serializer[Any]):
    title = serializers.CharField()
    organiser = serializers.CharField(source="organiser.name")
    starts_at = serializers.DateTimeField()
    place = serializers.CharField()
    closed = serializers.BooleanField(source="is_closed")


class PublicAnswerSerializer(serializers.ModelSerializer[Guest]):
    """What a delegate sees through their link: who is invited to what, their answer, and the
    code of their QR code once they come (or send someone)."""

    event = PublicEventSerializer(source="group.event", read_only=True)
    when = serializers.SerializerMethodField(
        help_text="14 giờ 00, thứ ba, ngày 23 tháng 7 năm 2024"
    )
    can_answer = serializers.SerializerMethodField(help_text="Còn trả lời qua đường dẫn được.")
    checkin_code = serializers.SerializerMethodField(help_text="Mã vào hội nghị khi tham dự.")
    checkin_url = serializers.SerializerMethodField(help_text="Nội dung mã QR khi tham dự.")

    class Meta:
        model = Guest
        fields = [
            "event", "when", "name", "position", "unit_name", "rsvp", "rsvp_at",
            "substitute_name", "substitute_position", "rsvp_note", "can_answer", "checkin_code",
            "checkin_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_when(self, guest: Guest) -> str:
        return when_words(guest.group.event.starts_at)

    def get_can_answer(self, guest: Guest) -> bool:
        return guest.rsvp == Rsvp.PENDING and not guest.group.event.is_closed

    def _attending(self, guest: Guest) -> bool:
        return guest.rsvp in ATTENDING

    def get_checkin_code(self, guest: Guest) -> str | None:
        return guest.checkin_code if self._attending(guest) else None

    def get_checkin_url(self, guest: Guest) -> str | None:
        return checkin_url(guest.group.event, guest) if self._attending(guest) else None
