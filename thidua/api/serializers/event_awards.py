"""A conference's delegates, decisions handed over, programme and award order."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from thidua.awards.models import Decision
from thidua.events.award_order import MAX_STAGE
from thidua.events.enums import GroupKind, OrderKey, Rsvp
from thidua.events.models import AgendaItem, Guest
from thidua.reviews.models import Council


class DelegateSerializer(serializers.ModelSerializer[Guest]):
    """A delegate of either kind; `group` must be selected with it."""

    group = serializers.IntegerField(source="group_id", read_only=True)
    group_name = serializers.CharField(source="group.name", read_only=True)
    kind = serializers.ChoiceField(
        source="group.kind",
        choices=GroupKind.choices,
        read_only=True,
        help_text="honouree: người được khen thưởng (từ quyết định); guest: khách mời.",
    )
    decision_line = serializers.IntegerField(source="decision_line_id", read_only=True)
    slate_line = serializers.IntegerField(
        source="slate_line_id",
        read_only=True,
        help_text="Dòng kết quả xét chọn của hội đồng (giải của sáng kiến), nếu có.",
    )
    rsvp = serializers.ChoiceField(choices=Rsvp.choices, read_only=True)
    present = serializers.BooleanField(source="is_present", read_only=True)

    class Meta:
        model = Guest
        fields = [
            "id", "group", "group_name", "kind", "order", "name", "position", "unit_name",
            "email", "phone", "decision_line", "slate_line", "award_name", "citation", "rsvp",
            "substitute_name", "substitute_position", "present", "present_at",
        ]  # fmt: skip
        read_only_fields = fields


class HonoureeWriteSerializer(serializers.Serializer[Any]):
    citation = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Lời giới thiệu người dẫn đọc; để trống để soạn lại theo quyết định.",
    )
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=32)


class LinkedDecisionSerializer(serializers.ModelSerializer[Decision]):
    """`n_lines` annotated: the awards that stand in it."""

    title = serializers.CharField(read_only=True)
    award = serializers.CharField(source="award.name", read_only=True)
    issuer = serializers.CharField(source="issuer.name", read_only=True)
    line_count = serializers.IntegerField(source="n_lines", read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "title", "symbol", "signed_on", "award", "issuer", "line_count"]
        read_only_fields = fields


class DecisionsSerializer(serializers.Serializer[Any]):
    linked = LinkedDecisionSerializer(many=True, read_only=True)
    offered = LinkedDecisionSerializer(
        many=True, read_only=True, help_text="Quyết định đã ký còn gắn được (khi bạn được sửa)."
    )


class DecisionsWriteSerializer(serializers.Serializer[Any]):
    link = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Quyết định đã ký để trao tại hội nghị (trong danh sách `offered`).",
    )
    unlink = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Quyết định thôi trao tại hội nghị.",
    )


class LinkedCouncilSerializer(serializers.ModelSerializer[Council]):
    """`n_prizes` set by honourees.linked_councils() (absent on offered councils)."""

    unit = serializers.CharField(source="unit.name", read_only=True)
    prize_count = serializers.IntegerField(source="n_prizes", read_only=True, required=False)

    class Meta:
        model = Council
        fields = ["id", "name", "unit", "decision_number", "decision_date", "prize_count"]


class CouncilsSerializer(serializers.Serializer[Any]):
    linked = LinkedCouncilSerializer(many=True, read_only=True)
    offered = LinkedCouncilSerializer(
        many=True,
        read_only=True,
        help_text="Hội đồng đã biểu quyết kết quả còn gắn được (khi bạn được sửa).",
    )


class CouncilsWriteSerializer(serializers.Serializer[Any]):
    link = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Hội đồng xét chọn có kết quả trao tại hội nghị (trong danh sách `offered`).",
    )
    unlink = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Hội đồng thôi trao kết quả tại hội nghị.",
    )


class SyncSerializer(serializers.Serializer[Any]):
    added = serializers.ListField(child=serializers.CharField(), read_only=True)
    removed = serializers.ListField(child=serializers.CharField(), read_only=True)
    flagged = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=(
            "Đã gửi giấy mời, đã trả lời hoặc đã điểm danh nên vẫn giữ (không gọi lên trao "
            "thưởng), dù khen thưởng bị thu hồi hoặc quyết định đã bỏ."
        ),
    )
    moved = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Khách mời được khen thưởng, nay mời với tư cách người được khen thưởng.",
    )


class AgendaItemSerializer(serializers.ModelSerializer[AgendaItem]):
    class Meta:
        model = AgendaItem
        fields = ["id", "order", "at", "title", "lead"]
        read_only_fields = fields


class AgendaItemWriteSerializer(serializers.Serializer[Any]):
    at = serializers.TimeField(required=False, allow_null=True, help_text="Giờ, ví dụ 14:00.")
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    lead = serializers.CharField(
        required=False, allow_blank=True, max_length=300, help_text="Người thực hiện."
    )
    order = serializers.IntegerField(
        required=False, min_value=1, help_text="Vị trí mới trong chương trình, từ 1."
    )


class StageCalledSerializer(serializers.Serializer[Any]):
    number = serializers.IntegerField(read_only=True)
    delegate = serializers.IntegerField(source="honouree.pk", read_only=True)
    name = serializers.CharField(source="honouree.name", read_only=True)
    called_as = serializers.CharField(
        source="honouree.called_as",
        read_only=True,
        help_text="Tên người dẫn đọc (kèm người nhận thay nếu có).",
    )
    position = serializers.CharField(source="honouree.position", read_only=True)
    unit_name = serializers.CharField(source="honouree.unit_name", read_only=True)
    award_name = serializers.CharField(source="honouree.award_name", read_only=True)
    group_name = serializers.CharField(source="honouree.group_name", read_only=True)
    citation = serializers.CharField(source="honouree.citation", read_only=True)
    present = serializers.BooleanField(source="honouree.present", read_only=True)


class StageBatchSerializer(serializers.Serializer[Any]):
    number = serializers.IntegerField(read_only=True)
    heading = serializers.CharField(read_only=True)
    call = serializers.CharField(read_only=True, help_text="Lời mời lên sân khấu.")
    presenter = serializers.CharField(read_only=True)
    presenter_call = serializers.CharField(read_only=True)
    people = StageCalledSerializer(many=True, read_only=True)


class StageDeclinedSerializer(serializers.Serializer[Any]):
    delegate = serializers.IntegerField(source="pk", read_only=True)
    name = serializers.CharField(read_only=True)
    award_name = serializers.CharField(read_only=True)
    group_name = serializers.CharField(read_only=True)


class AwardOrderSerializer(serializers.Serializer[Any]):
    stage_size = serializers.IntegerField(read_only=True)
    award_order = serializers.ListField(
        child=serializers.ChoiceField(choices=OrderKey.choices), read_only=True
    )
    presenters = serializers.ListField(child=serializers.CharField(), read_only=True)
    batches = StageBatchSerializer(many=True, read_only=True)
    declined = StageDeclinedSerializer(
        many=True, read_only=True, help_text="Không tham dự: không gọi tên."
    )


class AwardOrderWriteSerializer(serializers.Serializer[Any]):
    stage_size = serializers.IntegerField(
        required=False, help_text=f"Số người mỗi lượt lên sân khấu, 1–{MAX_STAGE}."
    )
    award_order = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Các tiêu chí sắp xếp theo thứ tự, mỗi tiêu chí một lần: "
        + ", ".join(OrderKey.values)
        + ".",
    )
    presenters = serializers.ListField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="Người trao thưởng: phần tử 1 cho lượt 1, phần tử 2 cho lượt 2…",
    )
