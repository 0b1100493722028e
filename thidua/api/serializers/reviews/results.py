"""Results: the ranking's rows and summary, slates with their lines, media picks and votes."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.api.serializers.programmes import ProgrammeFieldSerializer
from thidua.api.serializers.reviews.common import ReviewedInitiativeSerializer, ScoreField, points
from thidua.api.serializers.reviews.councils import CouncilRefSerializer
from thidua.reviews import scoring, selection
from thidua.reviews.enums import Basis, SlateStatus, VoteMethod
from thidua.reviews.models import CouncilMember, MediaPick, Slate, SlateLine, Vote
from thidua.reviews.selectors import Row, Standings

# Ranking


class RankingRowSerializer(serializers.Serializer[Any]):
    """One initiative's line; built by `ranking_row` from thidua.reviews.selectors.Row."""

    id = serializers.IntegerField()
    code = serializers.CharField()
    title = serializers.CharField()
    field = ProgrammeFieldSerializer()
    sheets = serializers.IntegerField(help_text="Số phiếu đã nộp.")
    raw = ScoreField(help_text="Điểm gốc.")
    corrected = ScoreField(help_text="Điểm đã hiệu chỉnh độ lệch người chấm.")
    raw_rank = serializers.IntegerField(allow_null=True)
    corrected_rank = serializers.IntegerField(allow_null=True)
    rank = serializers.IntegerField(allow_null=True, help_text="Hạng theo `basis`.")
    moved = serializers.IntegerField(
        allow_null=True, help_text="Số bậc hiệu chỉnh đưa lên (âm: xuống)."
    )
    decided_by = serializers.CharField(
        allow_null=True, help_text="Tiêu chí đã phân định khi bằng điểm (theo `basis`)."
    )
    sd = ScoreField(help_text="Độ lệch chuẩn điểm gốc giữa các phiếu.")
    range = ScoreField(help_text="Chênh lệch điểm gốc cao nhất – thấp nhất.")
    disputed = serializers.BooleanField(help_text="Chênh lệch vượt ngưỡng, cần xem lại.")
    passed = serializers.BooleanField(allow_null=True, help_text="null: chưa có phiếu.")
    grade = serializers.CharField(allow_null=True)
    fail_reasons = serializers.ListField(child=serializers.CharField())


def ranking_row(row: Row, basis: str) -> dict[str, Any]:
    result, outcome, initiative = row.result, row.outcome, row.initiative
    raw_basis = basis == Basis.RAW
    return {
        "id": initiative.pk,
        "code": initiative.code,
        "title": initiative.title,
        "field": initiative.field,
        "sheets": result.sheets if result else 0,
        "raw": points(result.raw) if result else None,
        "corrected": points(result.corrected) if result else None,
        "raw_rank": row.raw_rank,
        "corrected_rank": row.corrected_rank,
        "rank": row.raw_rank if raw_basis else row.corrected_rank,
        "moved": row.moved,
        "decided_by": row.raw_decided_by if raw_basis else row.corrected_decided_by,
        "sd": points(result.sd) if result else None,
        "range": points(result.range) if result else None,
        "disputed": bool(result and result.disputed),
        "passed": outcome.passed if outcome else None,
        "grade": outcome.grade if outcome else None,
        "fail_reasons": list(outcome.reasons) if outcome else [],
    }


def ranking_summary(
    results: Standings, members: dict[int, CouncilMember], basis: str
) -> dict[str, Any]:
    """What the page's header says: agreement, counts, and the members who sit apart."""
    return {
        "basis": basis,
        "icc": None if results.icc is None else round(results.icc, 3),
        "alpha": None if results.alpha is None else round(results.alpha, 3),
        "agreement": scoring.agreement_label(results.icc),
        "sheets": results.sheets,
        "expected": results.expected,
        "disputed": results.disputed,
        "tie_breakers": [label for _key, label in results.tie_breakers],
        "flagged": [
            {
                "member": member_id,
                "name": members[member_id].name,
                "sheets": report.sheets,
                "mean_offset": points(report.mean_offset),
            }
            for member_id, report in results.reviewers.items()
            if report.flagged
        ],
    }


SUMMARY_SCHEMA = {
    "type": "object",
    "description": "Cả hội đồng: độ nhất quán (ICC), số phiếu, thành viên chấm lệch.",
    "properties": {
        "basis": {"type": "string", "enum": list(Basis.values)},
        "icc": {"type": "number", "nullable": True, "description": "ICC(1)."},
        "alpha": {
            "type": "number",
            "nullable": True,
            "description": "Hệ số alpha của Krippendorff (thang khoảng).",
        },
        "agreement": {"type": "string", "description": "Đọc ICC: kém, trung bình, tốt..."},
        "sheets": {"type": "integer", "description": "Số phiếu đã nộp."},
        "expected": {"type": "integer", "description": "Số phân công đang chấm."},
        "disputed": {"type": "integer", "description": "Số sáng kiến cần xem lại."},
        "tie_breakers": {"type": "array", "items": {"type": "string"}},
        "flagged": {
            "type": "array",
            "description": "Thành viên chấm lệch hẳn so với các thành viên khác.",
            "items": {
                "type": "object",
                "properties": {
                    "member": {"type": "integer"},
                    "name": {"type": "string"},
                    "sheets": {"type": "integer"},
                    "mean_offset": {
                        "type": "string",
                        "format": "decimal",
                        "nullable": True,
                        "description": "Lệch trung bình so với người cùng chấm (điểm).",
                    },
                },
                "required": ["member", "name", "sheets", "mean_offset"],
            },
        },
    },
    "required": [
        "basis", "icc", "alpha", "agreement", "sheets", "expected", "disputed", "tie_breakers",
        "flagged",
    ],
}  # fmt: skip


# Slates and votes


class SlateSerializer(serializers.ModelSerializer[Slate]):
    basis = NamedChoiceField(enum_name="BasisEnum", choices=Basis.choices, read_only=True)
    status = NamedChoiceField(
        enum_name="SlateStatusEnum", choices=SlateStatus.choices, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    proposed_by = serializers.SerializerMethodField(help_text="Tên người đề xuất.")
    problems = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Quy định chưa đáp ứng được."
    )

    class Meta:
        model = Slate
        fields = [
            "id", "number", "basis", "status", "status_display", "proposed_by", "proposed_at",
            "confirmed_at", "problems",
        ]  # fmt: skip
        read_only_fields = fields

    def get_proposed_by(self, slate: Slate) -> str | None:
        return str(slate.proposed_by) if slate.proposed_by is not None else None


# Needs `context["reveal"]`.
class SlateLineSerializer(serializers.ModelSerializer[SlateLine]):
    initiative = ReviewedInitiativeSerializer(read_only=True)
    prize = serializers.CharField(read_only=True, help_text="nhat, nhi, ba, kk; trống: không giải.")
    prize_display = serializers.SerializerMethodField()
    amended = serializers.BooleanField(
        read_only=True, help_text="Hội đồng đã sửa so với đề xuất tự động."
    )

    class Meta:
        model = SlateLine
        fields = [
            "id", "initiative", "rank", "raw_rank", "corrected_rank", "raw", "corrected",
            "sheets", "grade", "selected", "prize", "prize_display", "top", "reason",
            "amended", "proposed_selected", "proposed_prize", "amend_reason",
        ]  # fmt: skip
        read_only_fields = fields

    def get_prize_display(self, line: SlateLine) -> str:
        return selection.prize_label(line.prize) if line.prize else ""


class PersonNameSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    full_name = serializers.CharField()


class MediaPickSerializer(serializers.ModelSerializer[MediaPick]):
    person = PersonNameSerializer(read_only=True)
    field = ProgrammeFieldSerializer(read_only=True)
    initiative_ids = serializers.ListField(child=serializers.IntegerField(), read_only=True)

    class Meta:
        model = MediaPick
        fields = ["order", "person", "field", "initiative_ids", "reason"]
        read_only_fields = fields


class VoteSerializer(serializers.ModelSerializer[Vote]):
    method = NamedChoiceField(
        enum_name="VoteMethodEnum", choices=VoteMethod.choices, read_only=True
    )
    method_display = serializers.CharField(source="get_method_display", read_only=True)
    present = serializers.SerializerMethodField(help_text="Thành viên có mặt.")
    threshold = serializers.SerializerMethodField(help_text="Tỷ lệ cần đạt, ví dụ 2/3.")
    recorded_by = serializers.SerializerMethodField()

    class Meta:
        model = Vote
        fields = [
            "id", "method", "method_display", "held_at", "place", "members_total", "present",
            "in_favour", "against", "abstain", "threshold", "passed", "note", "recorded_by",
        ]  # fmt: skip
        read_only_fields = fields

    def get_present(self, vote: Vote) -> list[int]:
        return [seat.pk for seat in vote.present.all()]

    def get_threshold(self, vote: Vote) -> str:
        return vote.threshold_text

    def get_recorded_by(self, vote: Vote) -> str | None:
        return str(vote.recorded_by) if vote.recorded_by is not None else None


# Needs `context["reveal"]`; lines, media and votes prefetched.
class SlateDetailSerializer(SlateSerializer):
    council = CouncilRefSerializer(read_only=True)
    lines = SlateLineSerializer(many=True, read_only=True)
    media = MediaPickSerializer(
        many=True, read_only=True, help_text="Gợi ý tác giả để giới thiệu trên báo chí."
    )
    votes = VoteSerializer(many=True, read_only=True)

    class Meta(SlateSerializer.Meta):
        fields = [*SlateSerializer.Meta.fields, "council", "lines", "media", "votes"]
        read_only_fields = fields


class SlateAmendSerializer(serializers.Serializer[Any]):
    selected = serializers.BooleanField()
    prize = serializers.ChoiceField(
        choices=list(selection.PRIZES), required=False, allow_blank=True, default=""
    )
    top = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="Đề nghị cấp trên; null: giữ."
    )
    # Blank is let through so the service can say, in its own words, that a reason is needed.
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class VoteWriteSerializer(serializers.Serializer[Any]):
    method = NamedChoiceField(enum_name="VoteMethodEnum", choices=VoteMethod.choices)
    present = serializers.ListField(
        child=serializers.IntegerField(min_value=1), help_text="Các thành viên có mặt (id)."
    )
    in_favour = serializers.IntegerField(min_value=0)
    against = serializers.IntegerField(min_value=0)
    abstain = serializers.IntegerField(min_value=0, default=0)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    place = serializers.CharField(required=False, allow_blank=True, default="")
    held_at = serializers.DateTimeField(required=False, help_text="Mặc định: lúc ghi.")
