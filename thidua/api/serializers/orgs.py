"""Units, people and the current user: query strings, bodies, responses."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.orgs.enums import EducationLevel, Gender, MemberCategory, Role, UnitEnd, UnitKind
from thidua.orgs.models import Membership, Person, Unit, User
from thidua.orgs.permissions import ROLE_CAPS, Cap

ON_HELP = "Ngày (YYYY-MM-DD) để xem cây tổ chức như vào ngày đó; mặc định là hôm nay."


class UnitIdField(serializers.IntegerField):
    """A unit sent as its id; the view resolves it through the access funnel."""

    def to_representation(self, value: Any) -> int:
        # The browsable API fills its edit form from the instance, where this is a Unit.
        return int(getattr(value, "pk", value))


# Query strings


class DayQuerySerializer(serializers.Serializer[Any]):
    on = serializers.DateField(required=False, help_text=ON_HELP)


class UnitQuerySerializer(DayQuerySerializer):
    q = serializers.CharField(
        required=False, allow_blank=True, help_text="Tìm theo tên hoặc mã, không cần gõ dấu."
    )
    # Serializer fields have a `.parent` attribute; DRF's metaclass lifts declared fields off the
    # class, so the name is free at runtime and only the stubs object.
    parent = serializers.IntegerField(  # type: ignore[assignment]
        required=False, min_value=1, help_text="Chỉ các đơn vị trực thuộc đơn vị này vào ngày `on`."
    )
    kind = serializers.ChoiceField(choices=UnitKind.choices, required=False)


class PersonQuerySerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        required=False, allow_blank=True, help_text="Tìm theo họ tên, không cần gõ dấu."
    )
    unit = serializers.IntegerField(
        required=False, min_value=1, help_text="Người thuộc đơn vị này và các đơn vị trực thuộc."
    )
    gender = serializers.ChoiceField(choices=Gender.choices, required=False)
    member_category = serializers.ChoiceField(choices=MemberCategory.choices, required=False)


# Units


class UnitRefSerializer(serializers.ModelSerializer[Unit]):
    class Meta:
        model = Unit
        fields = ["id", "code", "name"]
        read_only_fields = fields


# A unit with its parent on the day asked for (`context["parents"]`: unit id -> parent).
class UnitSerializer(serializers.ModelSerializer[Unit]):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    end_kind = serializers.ChoiceField(choices=UnitEnd.choices, read_only=True)
    parent = serializers.SerializerMethodField()  # type: ignore[assignment]  # see UnitQuerySerializer
    merged_into = UnitRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Unit
        fields = [
            "id", "code", "name", "short_name", "place_name", "kind", "kind_display",
            "established_on", "ended_on", "end_kind", "merged_into", "phone", "email", "parent",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(UnitRefSerializer(allow_null=True))
    def get_parent(self, unit: Unit) -> dict[str, Any] | None:
        parent: Unit | None = self.context["parents"].get(unit.pk)
        return UnitRefSerializer(parent).data if parent is not None else None


# Adds the chain of units above, root first (`context["ancestors"]`), and the day.
class UnitDetailSerializer(UnitSerializer):
    ancestors = serializers.SerializerMethodField()
    on = serializers.SerializerMethodField(help_text="Ngày của vị trí trong cây được trả về.")

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "ancestors", "on"]
        read_only_fields = fields

    @extend_schema_field(UnitRefSerializer(many=True))
    def get_ancestors(self, unit: Unit) -> list[dict[str, Any]]:
        return [UnitRefSerializer(ancestor).data for ancestor in self.context["ancestors"]]

    @extend_schema_field(serializers.DateField())
    def get_on(self, unit: Unit) -> str:
        return self.context["day"].isoformat()


# One row of `children_on`: a child unit and how many units sit under it that day.
class UnitChildSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="unit.pk")
    code = serializers.CharField(source="unit.code")
    name = serializers.CharField(source="unit.name")
    kind = serializers.ChoiceField(choices=UnitKind.choices, source="unit.kind")
    depth = serializers.IntegerField()
    child_count = serializers.IntegerField()


class UnitCreateSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=UnitKind.choices)
    parent = serializers.IntegerField(  # type: ignore[assignment]  # see UnitQuerySerializer
        allow_null=True, min_value=1, help_text="Đơn vị cấp trên; phải trong phạm vi bạn quản lý."
    )
    established_on = serializers.DateField()
    short_name = serializers.CharField(required=False, allow_blank=True)
    place_name = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    email = serializers.CharField(required=False, allow_blank=True)


# The unit's own attributes; its place in the tree changes only through move/merge.
class UnitUpdateSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(required=False)
    name = serializers.CharField(required=False)
    kind = serializers.ChoiceField(choices=UnitKind.choices, required=False)
    established_on = serializers.DateField(required=False)
    short_name = serializers.CharField(required=False, allow_blank=True)
    place_name = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    email = serializers.CharField(required=False, allow_blank=True)


class RestructureSerializer(serializers.Serializer[Any]):
    effective_on = serializers.DateField(help_text="Ngày thay đổi có hiệu lực.")
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Lý do hoặc số văn bản."
    )


class UnitMoveSerializer(RestructureSerializer):
    new_parent = serializers.IntegerField(min_value=1, help_text="Đơn vị cấp trên mới.")


class UnitMergeSerializer(RestructureSerializer):
    into = serializers.IntegerField(min_value=1, help_text="Đơn vị nhận sáp nhập.")


# People


# `id_number` is present only for people in `context["personal_data_ids"]`.
class PersonSerializer(serializers.ModelSerializer[Person]):
    gender_display = serializers.CharField(source="get_gender_display", read_only=True)
    unit = UnitRefSerializer(read_only=True)
    # Not read-only, so the schema marks it optional: it is left out for most readers.
    id_number = serializers.CharField(
        required=False, help_text="Chỉ có với người dùng được xem dữ liệu cá nhân."
    )

    class Meta:
        model = Person
        fields = [
            "id", "full_name", "given_name", "gender", "gender_display", "date_of_birth",
            "position", "unit", "education_level", "member_category", "is_union_member",
            "publicity_consent", "phone", "email", "id_number",
        ]  # fmt: skip
        read_only_fields = [name for name in fields if name != "id_number"]

    def to_representation(self, instance: Person) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if instance.pk not in self.context.get("personal_data_ids", ()):
            data.pop("id_number", None)
        return data


# Types only; the model's own validation (in the service) gives the Vietnamese messages.
class PersonWriteSerializer(serializers.Serializer[Any]):
    full_name = serializers.CharField()
    gender = serializers.ChoiceField(choices=Gender.choices)
    unit = UnitIdField(min_value=1)
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    position = serializers.CharField(required=False, allow_blank=True)
    education_level = serializers.ChoiceField(
        choices=EducationLevel.choices, required=False, allow_blank=True
    )
    member_category = serializers.ChoiceField(choices=MemberCategory.choices, required=False)
    is_union_member = serializers.BooleanField(required=False)
    publicity_consent = serializers.BooleanField(required=False)
    phone = serializers.CharField(required=False, allow_blank=True)
    email = serializers.CharField(required=False, allow_blank=True)
    # Write-only: the browsable API pre-fills its edit form from this serializer, and must not
    # show the number to someone who may not see it.
    id_number = serializers.CharField(required=False, allow_blank=True, write_only=True)


# The current user


class MembershipSerializer(serializers.ModelSerializer[Membership]):
    unit = UnitRefSerializer(read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)
    role_display = serializers.CharField(source="get_role_display", read_only=True)
    capabilities = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["unit", "role", "role_display", "capabilities"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=list(Cap))))
    def get_capabilities(self, membership: Membership) -> list[str]:
        return sorted(ROLE_CAPS[membership.role])


class MeSerializer(serializers.ModelSerializer[User]):
    memberships = MembershipSerializer(many=True, read_only=True)

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "email", "is_superuser", "person", "memberships"]
        read_only_fields = fields
