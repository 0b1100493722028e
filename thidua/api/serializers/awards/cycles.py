"""The award catalogue, honouring cycles, their categories and eligibility rules, the quotas of
single units, deadline extensions and the cycle's statistics."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.orgs import UnitRefSerializer
from thidua.api.serializers.programmes import ProgrammeRefSerializer
from thidua.awards.catalogue import PRESETS
from thidua.awards.enums import AchievementField, AwardKind, DocumentKind, Recipient, RuleKind
from thidua.awards.models import Award, Category, Cycle, CycleExtension, Rule, UnitQuota
from thidua.orgs.enums import Tier

# The catalogue


class AwardRefSerializer(serializers.ModelSerializer[Award]):
    kind = NamedChoiceField(enum_name="AwardKindEnum", choices=AwardKind.choices, read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Award
        fields = ["id", "code", "name", "kind", "kind_display"]
        read_only_fields = fields


class AwardSerializer(AwardRefSerializer):
    """A title (danh hiệu) or a form (hình thức): never one for the other."""

    labelled = serializers.CharField(
        read_only=True, help_text="Tên kèm loại: “Hình thức khen thưởng: Giấy khen”."
    )
    recipient = NamedChoiceField(
        enum_name="AwardRecipientEnum", choices=Recipient.choices, read_only=True
    )
    recipient_display = serializers.CharField(source="get_recipient_display", read_only=True)
    issuer_tiers = serializers.ListField(
        child=NamedChoiceField(enum_name="IssuerTierEnum", choices=Tier.choices),
        read_only=True,
        help_text="Cấp đơn vị có thẩm quyền quyết định.",
    )

    class Meta(AwardRefSerializer.Meta):
        fields = [
            *AwardRefSerializer.Meta.fields, "labelled", "recipient", "recipient_display",
            "issuer_tiers", "issuer_text", "basis", "active",
        ]  # fmt: skip
        read_only_fields = fields


class AwardQuerySerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=AwardKind.choices, required=False)


# Rules


class RuleSerializer(serializers.ModelSerializer[Rule]):
    kind = NamedChoiceField(enum_name="RuleKindEnum", choices=RuleKind.choices, read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    params = serializers.DictField(read_only=True, help_text="Tham số của điều kiện.")

    class Meta:
        model = Rule
        fields = ["id", "kind", "kind_display", "params", "basis", "active", "order"]
        read_only_fields = fields


class RuleWriteSerializer(serializers.Serializer[Any]):
    """Types only; the service checks the parameters and says what is wrong in Vietnamese."""

    kind = NamedChoiceField(enum_name="RuleKindEnum", choices=RuleKind.choices)
    params = serializers.DictField(
        required=False,
        help_text=(
            "benefit_threshold: {by_category: {worker: 80000000, …}, three_years: 120000000}; "
            "date_window: {from: YYYY-MM-DD, to: YYYY-MM-DD}; prize_level: {allowed: {cấp: "
            '[giải] hoặc ["*"]}}; one_award, union_member: {}.'
        ),
    )
    basis = serializers.CharField(required=False, allow_blank=True)
    active = serializers.BooleanField(required=False)
    order = serializers.IntegerField(required=False, min_value=0)

    def validate_params(self, params: dict[str, Any]) -> dict[str, Any]:
        # eligibility.params_problems unpacks these as mappings and would fail on anything
        # else; every other check on the values is the service's, in its own words.
        for key in ("by_category", "allowed"):
            if key in params and not isinstance(params[key], dict):
                raise serializers.ValidationError(
                    _("“%(key)s” phải là một đối tượng {khóa: giá trị}.") % {"key": key}
                )
        return params


# Categories


class CategorySerializer(serializers.ModelSerializer[Category]):
    """A group people are nominated in, what it asks and the award it proposes; `rules` must
    be prefetched."""

    recipient = NamedChoiceField(
        enum_name="AwardRecipientEnum", choices=Recipient.choices, read_only=True
    )
    award = AwardRefSerializer(read_only=True, allow_null=True)
    achievement_fields = serializers.ListField(
        child=NamedChoiceField(enum_name="AchievementFieldEnum", choices=AchievementField.choices),
        read_only=True,
    )
    required_documents = serializers.ListField(
        child=NamedChoiceField(enum_name="DocumentKindEnum", choices=DocumentKind.choices),
        read_only=True,
    )
    rules = RuleSerializer(many=True, read_only=True)

    class Meta:
        model = Category
        fields = [
            "id", "order", "name", "description", "recipient", "award", "achievement_fields",
            "required_documents", "quota_per_unit", "rules",
        ]  # fmt: skip
        read_only_fields = fields


class CategoryWriteSerializer(serializers.Serializer[Any]):
    order = serializers.IntegerField(required=False, min_value=0)
    name = serializers.CharField()
    description = serializers.CharField(required=False, allow_blank=True)
    recipient = NamedChoiceField(
        enum_name="AwardRecipientEnum", choices=Recipient.choices, required=False
    )
    award = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Danh hiệu, hình thức đề nghị."
    )
    achievement_fields = serializers.ListField(
        child=NamedChoiceField(enum_name="AchievementFieldEnum", choices=AchievementField.choices),
        required=False,
    )
    required_documents = serializers.ListField(
        child=NamedChoiceField(enum_name="DocumentKindEnum", choices=DocumentKind.choices),
        required=False,
    )
    quota_per_unit = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, help_text="Để trống nếu không giới hạn."
    )


# Quotas of single units


class UnitQuotaSerializer(serializers.ModelSerializer[UnitQuota]):
    unit = UnitRefSerializer(read_only=True)

    class Meta:
        model = UnitQuota
        fields = ["unit", "quota"]
        read_only_fields = fields


class CategoryQuotasSerializer(serializers.ModelSerializer[Category]):
    """The category's quota and the units that have their own; `unit_quotas` (with their
    units) must be prefetched."""

    quotas = UnitQuotaSerializer(
        source="unit_quotas",
        many=True,
        read_only=True,
        help_text="Đơn vị có số hồ sơ tối đa riêng, thay cho `quota_per_unit`.",
    )

    class Meta:
        model = Category
        fields = ["id", "name", "quota_per_unit", "quotas"]
        read_only_fields = fields


class UnitQuotaWriteSerializer(serializers.Serializer[Any]):
    quota = serializers.IntegerField(
        min_value=0, help_text="Số hồ sơ tối đa của đơn vị này trong nhóm."
    )


# Cycles


class CycleRefSerializer(serializers.ModelSerializer[Cycle]):
    class Meta:
        model = Cycle
        fields = ["id", "name", "achievement_year"]
        read_only_fields = fields


class CycleSerializer(serializers.ModelSerializer[Cycle]):
    programme = ProgrammeRefSerializer(read_only=True)
    receiving_unit = UnitRefSerializer(read_only=True, help_text="Đơn vị nhận hồ sơ.")

    class Meta:
        model = Cycle
        fields = [
            "id", "programme", "receiving_unit", "name", "achievement_year", "deadline",
            "guidance", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class ExtensionSerializer(serializers.ModelSerializer[CycleExtension]):
    unit = UnitRefSerializer(read_only=True, allow_null=True, help_text="Trống: mọi đơn vị.")

    class Meta:
        model = CycleExtension
        fields = ["id", "unit", "deadline", "reason", "created_at"]
        read_only_fields = fields


# `context["can_run"]`: whether the user runs the cycle. Categories (with rules) and extensions
# must be prefetched.
class CycleDetailSerializer(CycleSerializer):
    categories = CategorySerializer(many=True, read_only=True)
    extensions = ExtensionSerializer(many=True, read_only=True)
    can_run = serializers.SerializerMethodField(
        help_text="Bạn được sửa nhóm, điều kiện, gia hạn và thẩm định hồ sơ của đợt xét."
    )

    class Meta(CycleSerializer.Meta):
        fields = [*CycleSerializer.Meta.fields, "categories", "extensions", "can_run"]
        read_only_fields = fields

    def get_can_run(self, cycle: Cycle) -> bool:
        return bool(self.context["can_run"])


class CycleWriteSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    achievement_year = serializers.IntegerField(min_value=1900, max_value=2999)
    deadline = serializers.DateTimeField(help_text="Hạn nộp hồ sơ tại đơn vị nhận.")
    guidance = serializers.CharField(required=False, allow_blank=True)


class CycleCreateSerializer(CycleWriteSerializer):
    programme = serializers.IntegerField(min_value=1, help_text="Chương trình đơn vị bạn chủ trì.")
    preset = serializers.ChoiceField(
        choices=[("", "Không dùng mẫu"), *((key, key) for key in PRESETS)],
        required=False,
        default="",
        help_text="Bộ nhóm đối tượng mẫu, ví dụ “an_lao” (5 nhóm của Kế hoạch 35/KH-LĐLĐ).",
    )


class ExtensionWriteSerializer(serializers.Serializer[Any]):
    unit = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Trống: gia hạn cho mọi đơn vị."
    )
    deadline = serializers.DateTimeField()
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")


# Statistics


class StatRowSerializer(serializers.Serializer[Any]):
    # DRF's metaclass lifts declared fields off the class, so the name is free at runtime;
    # only the stubs (Field.label) object.
    label = serializers.CharField()  # type: ignore[assignment]
    nominated = serializers.IntegerField(help_text="Hồ sơ đã nộp (mọi tình trạng sau khi nộp).")
    accepted = serializers.IntegerField(help_text="Hồ sơ hợp lệ, kể cả đã khen thưởng.")
    awarded = serializers.IntegerField()
    by_status = serializers.DictField(child=serializers.IntegerField())


class CycleStatsSerializer(serializers.Serializer[Any]):
    by_category = StatRowSerializer(many=True)
    by_unit = StatRowSerializer(many=True)
    by_field = StatRowSerializer(many=True)
    total = StatRowSerializer()
