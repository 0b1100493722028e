"""Initiatives: list filters, rows and detail (authors, stages, history, attachments), the
registration form, transitions and uploads.

A confidential initiative shows its content only to whoever `can_see_content`; everyone else
who sees it gets the public fields (thidua.initiatives.permissions.PUBLIC_FIELDS). Responses
carry the ids the user may read in full in `context["content_ids"]`; every other field is
optional in the schema for that reason.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.orgs import UnitRefSerializer
from thidua.api.serializers.programmes import (
    LevelRefSerializer,
    ProgrammeFieldSerializer,
    ProgrammeRefSerializer,
)
from thidua.initiatives.enums import Action, SolutionKind, StageStatus, Status
from thidua.initiatives.models import Attachment, Authorship, Event, Initiative, Stage
from thidua.initiatives.permissions import PUBLIC_FIELDS
from thidua.initiatives.selectors import SORTS
from thidua.orgs.models import Person

# What a reader without the right to the content still gets: the public fields, and what it
# takes to name and show them.
PUBLIC_KEYS = frozenset({*PUBLIC_FIELDS, "id", "status_display", "confidential"})


def benefit_summary(initiative: Initiative) -> str:
    return initiative.benefit_summary


# Query strings


class InitiativeQuerySerializer(serializers.Serializer[Any]):
    programme = serializers.IntegerField(required=False, min_value=1)
    level = serializers.IntegerField(
        required=False, min_value=1, help_text="Sáng kiến đã đến cấp xét này."
    )
    unit = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Sáng kiến đăng ký tại đơn vị này và các đơn vị trực thuộc.",
    )
    field = serializers.IntegerField(required=False, min_value=1, help_text="Lĩnh vực.")
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    solution_kind = serializers.ChoiceField(choices=SolutionKind.choices, required=False)
    benefit_min = serializers.IntegerField(
        required=False, min_value=0, help_text="Giá trị làm lợi tối thiểu (đồng/năm)."
    )
    benefit_max = serializers.IntegerField(
        required=False, min_value=0, help_text="Giá trị làm lợi tối đa (đồng/năm)."
    )
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Tìm theo mã, tên, tác giả, đơn vị; không cần gõ dấu.",
    )
    sort = serializers.ChoiceField(choices=list(SORTS), default="moi")


# Pieces of an initiative


class PersonRefSerializer(serializers.ModelSerializer[Person]):
    class Meta:
        model = Person
        fields = ["id", "full_name"]
        read_only_fields = fields


class AuthorSerializer(serializers.ModelSerializer[Authorship]):
    person = PersonRefSerializer(read_only=True)
    share = serializers.DecimalField(
        max_digits=5, decimal_places=2, read_only=True, help_text="Tỷ lệ đóng góp (%)."
    )

    class Meta:
        model = Authorship
        fields = ["person", "share"]
        read_only_fields = fields


class StageSerializer(serializers.ModelSerializer[Stage]):
    level = LevelRefSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True)
    sender = UnitRefSerializer(read_only=True, allow_null=True)
    status = NamedChoiceField(
        enum_name="StageStatusEnum", choices=StageStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Stage
        fields = [
            "level", "unit", "sender", "status", "status_display", "entered_at", "decided_at",
        ]  # fmt: skip
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer[Event]):
    actor = serializers.SerializerMethodField(help_text="Tên người thực hiện.")
    action = serializers.ChoiceField(choices=Action.choices, read_only=True)
    action_display = serializers.CharField(source="get_action_display", read_only=True)
    level = LevelRefSerializer(read_only=True, allow_null=True)
    unit = UnitRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Event
        fields = [
            "at", "actor", "action", "action_display", "level", "unit", "status_from",
            "status_to", "reason",
        ]  # fmt: skip
        read_only_fields = fields

    def get_actor(self, event: Event) -> str | None:
        return str(event.actor) if event.actor is not None else None


# Needs `context["request"]` for the download address.
class AttachmentSerializer(serializers.ModelSerializer[Attachment]):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "name", "content_type", "size", "uploaded_at", "download_url"]
        read_only_fields = fields

    def get_download_url(self, attachment: Attachment) -> str:
        path = reverse("api:attachment-download", args=[attachment.pk])
        return str(self.context["request"].build_absolute_uri(path))


# Initiatives


class InitiativeSerializer(serializers.ModelSerializer[Initiative]):
    """A row of the list. Fields outside PUBLIC_KEYS are left out for readers who may not see
    a confidential initiative's content; they are not read-only so the schema marks them
    optional (nothing writes through this serializer)."""

    id = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    field = ProgrammeFieldSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True)
    benefit_summary = serializers.SerializerMethodField(
        help_text="Tóm tắt lợi ích, công khai cả với sáng kiến cần bảo mật."
    )
    status = NamedChoiceField(
        enum_name="InitiativeStatusEnum", choices=Status.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    confidential = serializers.BooleanField(read_only=True)

    programme = ProgrammeRefSerializer(required=False)
    solution_kind = serializers.ChoiceField(choices=SolutionKind.choices, required=False)
    solution_kind_display = serializers.CharField(
        source="get_solution_kind_display", required=False
    )
    applying_unit_name = serializers.CharField(required=False)
    first_applied_on = serializers.DateField(required=False)
    benefit_value = serializers.IntegerField(
        required=False, allow_null=True, help_text="Giá trị làm lợi, đồng/năm."
    )
    current_level = LevelRefSerializer(required=False, allow_null=True)
    current_unit = UnitRefSerializer(required=False, allow_null=True)
    authors = AuthorSerializer(source="authorships", many=True, required=False)
    created_at = serializers.DateTimeField(required=False)
    updated_at = serializers.DateTimeField(required=False)

    class Meta:
        model = Initiative
        fields = [
            "id", "code", "title", "field", "unit", "benefit_summary", "status",
            "status_display", "confidential", "programme", "solution_kind",
            "solution_kind_display", "applying_unit_name", "first_applied_on", "benefit_value",
            "current_level", "current_unit", "authors", "created_at", "updated_at",
        ]  # fmt: skip

    def get_benefit_summary(self, initiative: Initiative) -> str:
        return benefit_summary(initiative)

    def to_representation(self, instance: Initiative) -> dict[str, Any]:
        if instance.pk in self.context["content_ids"]:
            return dict(super().to_representation(instance))
        # Only the public fields are even read, so nothing secret is fetched or formatted.
        data: dict[str, Any] = {}
        for name, field in self.fields.items():
            if name in PUBLIC_KEYS:
                value = field.get_attribute(instance)
                data[name] = None if value is None else field.to_representation(value)
        return data


class InitiativeDetailSerializer(InitiativeSerializer):
    """The whole form (Thông tư 18/2013), with the climb, the history and the files."""

    prior_situation = serializers.CharField(required=False)
    novelty = serializers.CharField(required=False)
    application = serializers.CharField(required=False)
    conditions = serializers.CharField(required=False)
    benefit_basis = serializers.CharField(required=False)
    non_monetary_benefit = serializers.CharField(required=False)
    benefit_certified_by = serializers.CharField(required=False)
    stages = StageSerializer(many=True, required=False, help_text="Các cấp sáng kiến đã đến.")
    events = EventSerializer(many=True, required=False, help_text="Lịch sử thao tác.")
    attachments = AttachmentSerializer(many=True, required=False)

    class Meta(InitiativeSerializer.Meta):
        fields = [
            *InitiativeSerializer.Meta.fields, "prior_situation", "novelty", "application",
            "conditions", "benefit_basis", "non_monetary_benefit", "benefit_certified_by",
            "stages", "events", "attachments",
        ]  # fmt: skip


# Writing


class ShareField(serializers.DecimalField):
    """A share as typed: at most two decimals, but 70 stays 70 rather than 70.00, so the
    service's message on the total reads "hiện là 90%" as it does from the web form."""

    def quantize(self, value: Decimal) -> Decimal:
        return value


class AuthorWriteSerializer(serializers.Serializer[Any]):
    person = serializers.IntegerField(min_value=1, help_text="Người trong phạm vi của bạn.")
    share = ShareField(
        max_digits=5, decimal_places=2, help_text="Tỷ lệ đóng góp (%); tổng phải bằng 100."
    )


class InitiativeWriteSerializer(serializers.Serializer[Any]):
    """The content of the form; on PATCH, only what is sent changes. Types only: the model's
    validation (in the service) gives the Vietnamese messages."""

    title = serializers.CharField()
    solution_kind = serializers.ChoiceField(choices=SolutionKind.choices)
    field = serializers.IntegerField(min_value=1, help_text="Lĩnh vực của chương trình.")
    applying_unit_name = serializers.CharField(
        required=False, allow_blank=True, help_text="Mặc định là tên đơn vị đăng ký."
    )
    first_applied_on = serializers.DateField()
    prior_situation = serializers.CharField(required=False, allow_blank=True)
    novelty = serializers.CharField(required=False, allow_blank=True)
    application = serializers.CharField(required=False, allow_blank=True)
    conditions = serializers.CharField(required=False, allow_blank=True)
    benefit_value = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, help_text="Đồng/năm, số nguyên."
    )
    benefit_basis = serializers.CharField(required=False, allow_blank=True)
    non_monetary_benefit = serializers.CharField(required=False, allow_blank=True)
    benefit_certified_by = serializers.CharField(required=False, allow_blank=True)
    confidential = serializers.BooleanField(required=False)
    authors = AuthorWriteSerializer(many=True)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        # Never echoes an initiative: the browsable API pre-fills its edit form from the one
        # shown, and a confidential one's content must not appear there.
        return {}


class InitiativeCreateSerializer(InitiativeWriteSerializer):
    programme = serializers.IntegerField(min_value=1)
    unit = serializers.IntegerField(min_value=1, help_text="Công đoàn cơ sở đăng ký sáng kiến.")


class ReasonSerializer(serializers.Serializer[Any]):
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class AttachmentUploadSerializer(serializers.Serializer[Any]):
    # Empty files reach the service, which refuses them in its own words.
    file = serializers.FileField(
        allow_empty_file=True,
        help_text="PDF, Word (.docx), Excel (.xlsx), ảnh PNG hoặc JPEG; kiểm tra theo nội dung.",
    )
