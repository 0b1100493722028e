"""Commendation decisions (Quyết định khen thưởng): list filters, rows, the decision with its
list, the draft's form, its lines, comment window, signature, revocation; and award history,
the lines of issued decisions."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.awards.cycles import AwardRefSerializer, CycleRefSerializer
from thidua.api.serializers.initiatives import PersonRefSerializer
from thidua.api.serializers.orgs import UnitRefSerializer
from thidua.awards.enums import DecisionStatus, SignMode
from thidua.awards.models import Comment, Decision, DecisionLine

# Query strings


class DecisionQuerySerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=DecisionStatus.choices, required=False)
    year = serializers.IntegerField(required=False, min_value=1900, help_text="Năm cấp số.")
    issuer = serializers.IntegerField(required=False, min_value=1, help_text="Đơn vị ban hành.")
    cycle = serializers.IntegerField(required=False, min_value=1)


class HistoryQuerySerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Tìm theo họ tên, tên tập thể; không cần gõ dấu.",
    )
    year = serializers.IntegerField(required=False, min_value=1900, help_text="Năm quyết định.")
    award = serializers.IntegerField(required=False, min_value=1)
    unit = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Người hoặc tập thể thuộc đơn vị này và các đơn vị trực thuộc.",
    )


# Lines


class DecisionLineSerializer(serializers.ModelSerializer[DecisionLine]):
    """One person or collective in the list, as the decision names them."""

    nomination = serializers.IntegerField(source="nomination_id", read_only=True, allow_null=True)
    person = PersonRefSerializer(read_only=True, allow_null=True)
    collective = UnitRefSerializer(read_only=True, allow_null=True)
    is_revoked = serializers.BooleanField(read_only=True)

    class Meta:
        model = DecisionLine
        fields = [
            "id", "order", "nomination", "person", "collective", "name", "position", "group",
            "achievement", "amount", "is_revoked", "revoked_at", "revoke_reason", "revoke_basis",
        ]  # fmt: skip
        read_only_fields = fields


class CommentSerializer(serializers.ModelSerializer[Comment]):
    class Meta:
        model = Comment
        fields = ["id", "author", "contact", "body", "at"]
        read_only_fields = fields


# Decisions


class DecisionSerializer(serializers.ModelSerializer[Decision]):
    """A row of the list; `line_count` annotated."""

    issuer = UnitRefSerializer(read_only=True, help_text="Đơn vị ban hành.")
    award = AwardRefSerializer(read_only=True)
    cycle = CycleRefSerializer(read_only=True, allow_null=True)
    status = NamedChoiceField(
        enum_name="DecisionStatusEnum", choices=DecisionStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    line_count = serializers.IntegerField(read_only=True, help_text="Số người, tập thể.")

    class Meta:
        model = Decision
        fields = [
            "id", "title", "symbol", "number", "year", "issuer", "award", "cycle", "subject",
            "status", "status_display", "signed_on", "signer_name", "published_at",
            "line_count",
        ]  # fmt: skip
        read_only_fields = fields


# `context`: "can_manage", "can_sign"; lines prefetched; comments prefetched and shown only to
# those who manage the decision (they carry the contact of whoever commented).
class DecisionDetailSerializer(DecisionSerializer):
    sign_mode = NamedChoiceField(enum_name="SignModeEnum", choices=SignMode.choices, read_only=True)
    lines = DecisionLineSerializer(many=True, read_only=True)
    comments = CommentSerializer(
        many=True, required=False, help_text="Chỉ có với cán bộ của đơn vị ban hành."
    )
    can_manage = serializers.SerializerMethodField(help_text="Bạn được sửa, công bố, thu hồi.")
    can_sign = serializers.SerializerMethodField(help_text="Bạn được ký, cấp số.")

    class Meta(DecisionSerializer.Meta):
        fields = [
            *DecisionSerializer.Meta.fields, "basis", "sign_mode", "sign_body", "signer_title",
            "default_amount", "comment_from", "comment_until", "created_at", "lines", "comments",
            "can_manage", "can_sign",
        ]  # fmt: skip
        read_only_fields = [name for name in fields if name != "comments"]

    def to_representation(self, instance: Decision) -> dict[str, Any]:
        if not self.context["can_manage"]:
            self.fields.pop("comments", None)
        return dict(super().to_representation(instance))

    def get_can_manage(self, decision: Decision) -> bool:
        return bool(self.context["can_manage"])

    def get_can_sign(self, decision: Decision) -> bool:
        return bool(self.context["can_sign"])


class DecisionWriteSerializer(serializers.Serializer[Any]):
    """The draft's form; on PATCH, only what is sent changes."""

    award = serializers.IntegerField(min_value=1, help_text="Danh hiệu, hình thức khen thưởng.")
    cycle = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Đợt xét của các hồ sơ."
    )
    subject = serializers.CharField(
        required=False, allow_blank=True, help_text="Để trống: trích yếu theo danh hiệu, hình thức."
    )
    basis = serializers.CharField(required=False, allow_blank=True, help_text="Các căn cứ.")
    sign_mode = NamedChoiceField(
        enum_name="SignModeEnum", choices=SignMode.choices, required=False, allow_blank=True
    )
    sign_body = serializers.CharField(required=False, allow_blank=True)
    signer_title = serializers.CharField(required=False)
    signer_name = serializers.CharField(required=False, allow_blank=True)
    default_amount = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, help_text="Mức thưởng mỗi người (đồng)."
    )


class DecisionCreateSerializer(DecisionWriteSerializer):
    issuer = serializers.IntegerField(min_value=1, help_text="Đơn vị ban hành.")


class LinesAddSerializer(serializers.Serializer[Any]):
    """Either `nominations` (accepted dossiers, the selection) or one person or collective
    listed without a dossier."""

    nominations = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, allow_empty=False
    )
    person = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    collective = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Tập thể (đơn vị)."
    )
    name = serializers.CharField(
        required=False, allow_blank=True, help_text="Mặc định là họ tên hoặc tên đơn vị."
    )
    position = serializers.CharField(required=False, allow_blank=True)
    group = serializers.CharField(required=False, allow_blank=True)
    achievement = serializers.CharField(required=False, allow_blank=True)
    amount = serializers.IntegerField(required=False, allow_null=True, min_value=0)


class LineWriteSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(required=False)
    position = serializers.CharField(required=False, allow_blank=True)
    group = serializers.CharField(required=False, allow_blank=True)
    achievement = serializers.CharField(required=False, allow_blank=True)
    amount = serializers.IntegerField(required=False, allow_null=True, min_value=0)


class CommentOpenSerializer(serializers.Serializer[Any]):
    until = serializers.DateTimeField(help_text="Lấy ý kiến công khai đến thời điểm này.")


class SignSerializer(serializers.Serializer[Any]):
    signed_on = serializers.DateField()
    # Blank is let through so the service can say, in its own words, that a name is needed.
    signer_name = serializers.CharField(required=False, allow_blank=True, default="")


class BackToDraftSerializer(serializers.Serializer[Any]):
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class RevokeSerializer(serializers.Serializer[Any]):
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    basis = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Số văn bản thu hồi."
    )


# Award history


class HistoryDecisionSerializer(serializers.ModelSerializer[Decision]):
    issuer = UnitRefSerializer(read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "symbol", "signed_on", "subject", "issuer"]
        read_only_fields = fields


class HistoryLineSerializer(DecisionLineSerializer):
    """An award a person or collective holds (or held: a revoked one stays, marked)."""

    decision = HistoryDecisionSerializer(read_only=True)
    award = serializers.SerializerMethodField()

    class Meta(DecisionLineSerializer.Meta):
        fields = [*DecisionLineSerializer.Meta.fields, "decision", "award"]
        read_only_fields = fields

    @extend_schema_field(AwardRefSerializer)
    def get_award(self, line: DecisionLine) -> dict[str, Any]:
        return dict(AwardRefSerializer(line.decision.award).data)
