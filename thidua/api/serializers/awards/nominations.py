"""Nominations (hồ sơ đề nghị khen thưởng): list filters, rows and detail (rule checks, missing
papers, documents, history), the form, transitions and the dossier's papers."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.initiatives import PersonRefSerializer
from thidua.api.serializers.orgs import UnitRefSerializer
from thidua.api.serializers.programmes import ProgrammeFieldSerializer
from thidua.awards.enums import (
    ContestLevel,
    DocumentKind,
    NominationAction,
    NominationStatus,
    Prize,
    RuleKind,
)
from thidua.awards.models import (
    Category,
    Decision,
    Nomination,
    NominationDocument,
    NominationEvent,
)
from thidua.initiatives.models import Initiative

# Query strings


class NominationQuerySerializer(serializers.Serializer[Any]):
    cycle = serializers.IntegerField(required=False, min_value=1)
    category = serializers.IntegerField(required=False, min_value=1)
    unit = serializers.IntegerField(required=False, min_value=1, help_text="Đơn vị đề nghị.")
    status = serializers.ChoiceField(choices=NominationStatus.choices, required=False)
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Tìm theo tên người, tập thể, đơn vị, cuộc thi, sáng kiến; không cần gõ dấu.",
    )


# Pieces of a nomination


class CategoryRefSerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = ["id", "order", "name"]
        read_only_fields = fields


class InitiativeRefSerializer(serializers.ModelSerializer[Initiative]):
    class Meta:
        model = Initiative
        fields = ["id", "code", "title"]
        read_only_fields = fields


class DecisionRefSerializer(serializers.ModelSerializer[Decision]):
    class Meta:
        model = Decision
        fields = ["id", "symbol", "title", "signed_on"]
        read_only_fields = fields


class OverrideSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField()
    by = serializers.CharField(allow_null=True, help_text="Tên cán bộ xét ngoại lệ.")
    at = serializers.DateTimeField()


class CheckSerializer(serializers.Serializer[Any]):
    """One rule of the category judged on the nomination's facts now (services.Check)."""

    rule = serializers.IntegerField(source="rule.pk")
    kind = NamedChoiceField(enum_name="RuleKindEnum", choices=RuleKind.choices, source="rule.kind")
    kind_display = serializers.CharField(source="rule.get_kind_display")
    basis = serializers.CharField(source="rule.basis")
    ok = serializers.BooleanField(help_text="Điều kiện đạt trên dữ liệu hiện tại.")
    passes = serializers.BooleanField(help_text="Đạt, hoặc đã được xét ngoại lệ.")
    message = serializers.CharField()
    override = serializers.SerializerMethodField()

    @extend_schema_field(OverrideSerializer(allow_null=True))
    def get_override(self, check: Any) -> dict[str, Any] | None:
        override = check.override
        if override is None:
            return None
        by = str(override.by) if override.by is not None else None
        return dict(
            OverrideSerializer({"reason": override.reason, "by": by, "at": override.at}).data
        )


class MissingDocumentSerializer(serializers.Serializer[Any]):
    kind = NamedChoiceField(enum_name="DocumentKindEnum", choices=DocumentKind.choices)
    # DRF's metaclass lifts declared fields off the class, so the name is free at runtime;
    # only the stubs (Field.label) object.
    label = serializers.CharField()  # type: ignore[assignment]


# Needs `context["request"]` for the download address.
class DocumentSerializer(serializers.ModelSerializer[NominationDocument]):
    kind = NamedChoiceField(
        enum_name="DocumentKindEnum", choices=DocumentKind.choices, read_only=True
    )
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = NominationDocument
        fields = [
            "id", "kind", "kind_display", "name", "content_type", "size", "uploaded_at",
            "download_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_download_url(self, document: NominationDocument) -> str:
        path = reverse("api:nomination-document", args=[document.nomination_id, document.pk])
        return str(self.context["request"].build_absolute_uri(path))


class NominationEventSerializer(serializers.ModelSerializer[NominationEvent]):
    actor = serializers.SerializerMethodField(help_text="Tên người thực hiện.")
    action = NamedChoiceField(
        enum_name="NominationActionEnum", choices=NominationAction.choices, read_only=True
    )
    action_display = serializers.CharField(source="get_action_display", read_only=True)

    class Meta:
        model = NominationEvent
        fields = ["at", "actor", "action", "action_display", "status_from", "status_to", "reason"]
        read_only_fields = fields

    def get_actor(self, event: NominationEvent) -> str | None:
        return str(event.actor) if event.actor is not None else None


# Nominations


class NominationSerializer(serializers.ModelSerializer[Nomination]):
    """A row of the list: who, in which category, from which unit, where the dossier is."""

    cycle = serializers.IntegerField(source="cycle_id", read_only=True)
    category = CategoryRefSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True, help_text="Đơn vị đề nghị.")
    nominee_name = serializers.CharField(read_only=True)
    person = PersonRefSerializer(read_only=True, allow_null=True)
    initiative = InitiativeRefSerializer(read_only=True, allow_null=True)
    field = ProgrammeFieldSerializer(read_only=True, allow_null=True)
    status = NamedChoiceField(
        enum_name="NominationStatusEnum", choices=NominationStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    decision = serializers.SerializerMethodField(help_text="Quyết định có tên người này.")

    class Meta:
        model = Nomination
        fields = [
            "id", "cycle", "category", "unit", "nominee_name", "person", "collective_name",
            "initiative", "field", "status", "status_display", "reason", "submitted_at",
            "decided_at", "decision",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(DecisionRefSerializer(allow_null=True))
    def get_decision(self, nomination: Nomination) -> dict[str, Any] | None:
        line = getattr(nomination, "decision_line", None)
        return None if line is None else dict(DecisionRefSerializer(line.decision).data)


# `context`: "checks", "missing", "deadline", "can_build", "can_review", "can_override" and
# "request" (for the documents' addresses); documents and events prefetched.
class NominationDetailSerializer(NominationSerializer):
    collective = UnitRefSerializer(read_only=True, allow_null=True)
    contest_level = NamedChoiceField(
        enum_name="NominationContestLevelEnum", choices=ContestLevel.choices, read_only=True
    )
    prize = NamedChoiceField(enum_name="NominationPrizeEnum", choices=Prize.choices, read_only=True)
    checks = serializers.SerializerMethodField(help_text="Các điều kiện của nhóm, xét lúc này.")
    missing_documents = serializers.SerializerMethodField(help_text="Tài liệu bắt buộc còn thiếu.")
    documents = DocumentSerializer(many=True, read_only=True)
    events = NominationEventSerializer(many=True, read_only=True, help_text="Lịch sử hồ sơ.")
    deadline = serializers.SerializerMethodField(
        help_text="Hạn nộp cho đơn vị đề nghị, đã tính gia hạn."
    )
    can_build = serializers.SerializerMethodField(help_text="Bạn được sửa, đính kèm, nộp, rút.")
    can_review = serializers.SerializerMethodField(
        help_text="Bạn được trả lại, tiếp nhận, không xét hồ sơ."
    )
    can_override = serializers.SerializerMethodField(
        help_text="Bạn được xét ngoại lệ một điều kiện không đạt."
    )

    class Meta(NominationSerializer.Meta):
        fields = [
            *NominationSerializer.Meta.fields, "collective", "contest", "contest_level",
            "prize", "achievement_year", "benefit_three_years", "summary", "created_at",
            "updated_at", "deadline", "checks", "missing_documents", "documents", "events",
            "can_build", "can_review", "can_override",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(CheckSerializer(many=True))
    def get_checks(self, nomination: Nomination) -> list[Any]:
        return list(CheckSerializer(self.context["checks"], many=True).data)

    @extend_schema_field(MissingDocumentSerializer(many=True))
    def get_missing_documents(self, nomination: Nomination) -> list[Any]:
        rows = [{"kind": kind, "label": label} for kind, label in self.context["missing"]]
        return list(MissingDocumentSerializer(rows, many=True).data)

    @extend_schema_field(serializers.DateTimeField())
    def get_deadline(self, nomination: Nomination) -> str:
        return str(serializers.DateTimeField().to_representation(self.context["deadline"]))

    def get_can_build(self, nomination: Nomination) -> bool:
        return bool(self.context["can_build"])

    def get_can_review(self, nomination: Nomination) -> bool:
        return bool(self.context["can_review"])

    def get_can_override(self, nomination: Nomination) -> bool:
        return bool(self.context["can_override"])


# Writing


class NominationWriteSerializer(serializers.Serializer[Any]):
    """The achievement; on PATCH, only what is sent changes. Types only: the service says in
    Vietnamese what the category asks for and which rule fails."""

    person = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Người được đề nghị."
    )
    collective_name = serializers.CharField(
        required=False, allow_blank=True, help_text="Tên tập thể được đề nghị."
    )
    initiative = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Sáng kiến trong chương trình."
    )
    field = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Lĩnh vực của chương trình."
    )
    contest = serializers.CharField(required=False, allow_blank=True)
    contest_level = NamedChoiceField(
        enum_name="NominationContestLevelEnum", choices=ContestLevel.choices, required=False,
        allow_blank=True,
    )  # fmt: skip
    prize = NamedChoiceField(
        enum_name="NominationPrizeEnum", choices=Prize.choices, required=False, allow_blank=True
    )
    achievement_year = serializers.IntegerField(
        required=False, allow_null=True, min_value=1900, max_value=2999
    )
    benefit_three_years = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, help_text="Đồng, số nguyên."
    )
    summary = serializers.CharField(required=False, allow_blank=True)
    override_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=(
            "Lý do xét ngoại lệ khi một điều kiện không đạt; chỉ cán bộ thi đua của đơn vị nhận "
            "hồ sơ được xét. Lý do được lưu vào nhật ký."
        ),
    )


class NominationCreateSerializer(NominationWriteSerializer):
    cycle = serializers.IntegerField(min_value=1)
    category = serializers.IntegerField(min_value=1, help_text="Nhóm đối tượng của đợt xét.")
    unit = serializers.IntegerField(min_value=1, help_text="Đơn vị đề nghị.")
    collective = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Tập thể được đề nghị (đơn vị)."
    )


class AcceptSerializer(serializers.Serializer[Any]):
    override_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Lý do xét ngoại lệ nếu một điều kiện không còn đạt.",
    )


class DocumentUploadSerializer(serializers.Serializer[Any]):
    kind = NamedChoiceField(enum_name="DocumentKindEnum", choices=DocumentKind.choices)
    # Empty files reach the service, which refuses them in its own words.
    file = serializers.FileField(
        allow_empty_file=True,
        help_text="PDF, Word (.docx), Excel (.xlsx), ảnh PNG hoặc JPEG; kiểm tra theo nội dung.",
    )
