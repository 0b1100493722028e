"""Council members: their seats with progress, and seating, changing and removing them."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.programmes import ProgrammeFieldSerializer
from thidua.reviews.enums import CouncilRole
from thidua.reviews.models import CouncilMember


# `context["progress"]`: member id -> (submitted, assigned).
class MemberSerializer(serializers.ModelSerializer[CouncilMember]):
    role = NamedChoiceField(
        enum_name="CouncilRoleEnum", choices=CouncilRole.choices, read_only=True
    )
    role_display = serializers.CharField(source="get_role_display", read_only=True)
    # See ProgrammeDetailSerializer on the name `fields`.
    fields = ProgrammeFieldSerializer(many=True, read_only=True)  # type: ignore[assignment]
    done = serializers.SerializerMethodField(help_text="Số phiếu đã nộp.")
    total = serializers.SerializerMethodField(help_text="Số sáng kiến đang được phân công.")
    progress = serializers.SerializerMethodField(help_text="Ví dụ “12/45”.")

    class Meta:
        model = CouncilMember
        fields = [
            "id", "name", "role", "role_display", "title", "fields", "load_cap", "done",
            "total", "progress",
        ]  # fmt: skip
        read_only_fields = fields

    def get_done(self, seat: CouncilMember) -> int:
        return int(self.context["progress"].get(seat.pk, (0, 0))[0])

    def get_total(self, seat: CouncilMember) -> int:
        return int(self.context["progress"].get(seat.pk, (0, 0))[1])

    def get_progress(self, seat: CouncilMember) -> str:
        done, total = self.context["progress"].get(seat.pk, (0, 0))
        return f"{done}/{total}"


class MemberWriteSerializer(serializers.Serializer[Any]):
    """A seat as written; on PATCH, only what is sent changes. Types only: the service gives
    the Vietnamese messages (one chair, one secretary)."""

    role = NamedChoiceField(
        enum_name="CouncilRoleEnum", choices=CouncilRole.choices, default=CouncilRole.MEMBER
    )
    title = serializers.CharField(
        max_length=255,
        allow_blank=True,
        default="",
        help_text="Chức vụ, đơn vị công tác, như trong quyết định thành lập hội đồng.",
    )
    # See ProgrammeDetailSerializer on the name `fields`.
    fields = serializers.ListField(  # type: ignore[assignment]
        child=serializers.IntegerField(min_value=1),
        default=list,
        help_text="Lĩnh vực chuyên môn (id lĩnh vực của chương trình): được ưu tiên phân công "
        "sáng kiến thuộc các lĩnh vực này.",
    )
    load_cap = serializers.IntegerField(
        min_value=1,
        allow_null=True,
        default=None,
        help_text="Số sáng kiến tối đa; để trống: theo mức chung của hội đồng.",
    )

    def to_representation(self, instance: Any) -> dict[str, Any]:
        # Never echoes: the browsable API pre-fills its form from what it shows (a seat).
        return {}


class MemberCreateSerializer(MemberWriteSerializer):
    user = serializers.IntegerField(
        min_value=1,
        help_text="Tài khoản: người có vai trò ở một đơn vị trong phạm vi bạn xem được.",
    )


class MemberRemovedSerializer(serializers.Serializer[Any]):
    member = serializers.IntegerField(help_text="Thành viên vừa được đưa ra khỏi hội đồng.")
    unassigned = serializers.IntegerField(
        help_text="Số sáng kiến thành viên đang chấm, nay cần phân công người khác."
    )
