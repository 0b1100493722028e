"""The workbook that justifies a council's result, and its sheets."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Any

from django.db.models import Count, Q
from django.utils import timezone

from thidua.reviews import scoring
from thidua.reviews.enums import (
    AssignmentStatus,
    Basis,
    Correction,
    Method,
    SheetStatus,
    SlateStatus,
    VoteMethod,
)
from thidua.reviews.models import Council, ScoreSheet, Slate, Vote
from thidua.reviews.rubrics import RubricSpec
from thidua.reviews.selectors import Results, Row, council_results
from thidua.spreadsheets.base import SheetSpec, in_vietnamese
from thidua.spreadsheets.initiative_sheets import MONEY_FORMAT
from thidua.spreadsheets.review_exports.base import (
    Table,
    TablesDocument,
    criterion_field,
    criterion_header,
    local_time,
    points,
    prize_name,
    report_column,
    role_name,
    score_column,
    t_value,
    when_column,
)

ASSIGNMENT_LABELS: dict[str, str] = {
    AssignmentStatus.ACTIVE: "Đang tính",
    AssignmentStatus.WITHDRAWN: "Đã rút",
    AssignmentStatus.REMOVED: "Đã thay",
}


def score_sheet_spec(rubric: RubricSpec) -> SheetSpec:
    return SheetSpec(
        title="Phiếu chấm",
        what="phiếu chấm",
        columns=(
            report_column("Mã sáng kiến", "code", width=16),
            report_column("Tên sáng kiến", "title", width=40),
            report_column("Lĩnh vực", "field", width=22),
            report_column("Thành viên", "member", width=24),
            report_column("Vai trò", "role", width=22),
            *(
                report_column(criterion_header(c), criterion_field(c.code), width=16)
                for c in rubric.criteria
            ),
            score_column("Tổng điểm", "total"),
            report_column("Nhận xét", "comment", width=50),
            report_column("Ghi chú theo tiêu chí", "notes", width=50),
            report_column("Phiếu", "sheet_status", width=11),
            report_column("Tình trạng", "status", width=12),
            report_column("Lý do rút, thay", "end_reason", width=40),
            when_column("Nộp lúc", "submitted_at"),
        ),
    )


def _notes_text(notes: Mapping[str, str], rubric: RubricSpec) -> str:
    names = {criterion.code: criterion.name for criterion in rubric.criteria}
    ordered = [code for code in names if code in notes]
    ordered += sorted(code for code in notes if code not in names)
    return "\n".join(f"{names.get(code, code)}: {notes[code]}" for code in ordered)


def score_sheets(council: Council) -> Iterator[ScoreSheet]:
    """Every sheet the result rests on or set aside: the submitted ones, counted or not, and
    whatever a member had written on an assignment that was withdrawn or replaced."""
    return (
        ScoreSheet.objects.filter(assignment__council=council)
        .filter(Q(status=SheetStatus.SUBMITTED) | ~Q(assignment__status=AssignmentStatus.ACTIVE))
        .select_related("assignment__initiative__field", "assignment__member__user")
        .order_by("assignment__initiative__code", "assignment__member_id", "assignment_id")
        .iterator(chunk_size=2000)
    )


def score_sheet_rows(council: Council, rubric: RubricSpec) -> Iterator[dict[str, Any]]:
    for sheet in score_sheets(council):
        assignment = sheet.assignment
        initiative, seat = assignment.initiative, assignment.member
        values: dict[str, Any] = {
            "code": initiative.code,
            "title": initiative.title,
            "field": initiative.field.name,
            "member": seat.name,
            "role": role_name(seat.role),
            "total": sheet.total,
            "comment": sheet.comment,
            "notes": _notes_text(sheet.notes, rubric),
            "sheet_status": "Đã nộp" if sheet.status == SheetStatus.SUBMITTED else "Chưa nộp",
            "status": ASSIGNMENT_LABELS.get(assignment.status, ""),
            "end_reason": assignment.end_reason,
            "submitted_at": sheet.submitted_at,
        }
        for criterion in rubric.criteria:
            values[criterion_field(criterion.code)] = sheet.points.get(criterion.code)
        yield values


def results_spec(rubric: RubricSpec) -> SheetSpec:
    return SheetSpec(
        title="Tổng hợp",
        what="sáng kiến",
        columns=(
            report_column("Hạng theo điểm gốc", "raw_rank", width=10),
            report_column("Hạng theo điểm hiệu chỉnh", "corrected_rank", width=12),
            report_column("Mã sáng kiến", "code", width=16),
            report_column("Tên sáng kiến", "title", width=40),
            report_column("Lĩnh vực", "field", width=22),
            report_column("Đơn vị", "unit", width=30),
            report_column("Giá trị làm lợi (đồng)", "benefit_value", width=20,
                    number_format=MONEY_FORMAT),
            report_column("Số phiếu", "sheets", width=9),
            score_column("Điểm gốc", "raw"),
            score_column("Điểm hiệu chỉnh", "corrected"),
            score_column("Mức hiệu chỉnh (hiệu chỉnh − gốc)", "correction", width=16),
            score_column("Độ lệch chuẩn", "sd"),
            score_column("Chênh lệch cao nhất − thấp nhất", "range", width=16),
            report_column("Cần xem lại", "disputed", width=11),
            *(
                score_column(f"TB {criterion_header(c)}", f"mean:{c.code}", width=16)
                for c in rubric.criteria
            ),
            report_column("Đạt", "passed", width=8),
            report_column("Xếp loại", "grade", width=9),
            report_column("Lý do không đạt", "reasons", width=40),
            report_column("Bằng điểm sáng kiến liền trên, phân định theo", "decided_by", width=30),
        ),
    )  # fmt: skip


def result_row(results: Results, row: Row) -> dict[str, Any]:
    initiative, result, outcome = row.initiative, row.result, row.outcome
    decided_by = (
        row.corrected_decided_by if results.council.basis == Basis.CORRECTED else row.raw_decided_by
    )
    values: dict[str, Any] = {
        "raw_rank": row.raw_rank if result else None,
        "corrected_rank": row.corrected_rank if result else None,
        "code": initiative.code,
        "title": initiative.title,
        "field": initiative.field.name,
        "unit": initiative.unit.name,
        "benefit_value": initiative.benefit_value,
        "sheets": result.sheets if result else 0,
        "passed": outcome.passed if outcome else None,
        "grade": (outcome.grade or "") if outcome else "",
        "reasons": "\n".join(outcome.reasons) if outcome else "",
        "decided_by": dict(results.tie_breakers).get(decided_by or "", ""),
    }
    if result is not None:
        correction = None
        if result.raw is not None and result.corrected is not None:
            correction = result.corrected - result.raw
        values |= {
            "raw": result.raw,
            "corrected": result.corrected,
            "correction": correction,
            "sd": result.sd,
            "range": result.range,
            "disputed": True if result.disputed else None,
        }
        values |= {f"mean:{code}": value for code, value in result.criteria.items()}
    return values


def _method_notes(council: Council) -> list[list[Any]]:
    return [
        ["Xếp hạng theo", in_vietnamese(Basis(council.basis).label)],
        ["Cách tổng hợp điểm", in_vietnamese(Method(council.method).label)],
        ["Hiệu chỉnh độ lệch người chấm", in_vietnamese(Correction(council.correction).label)],
        ["Cần xem lại khi chênh lệch quá (điểm)", points(council.dispute_threshold)],
    ]


REVIEWERS_SPEC = SheetSpec(
    title="Người chấm",
    what="thành viên",
    columns=(
        report_column("Thành viên", "member", width=26),
        report_column("Tài khoản", "username", width=18),
        report_column("Vai trò", "role", width=24),
        report_column("Còn trong hội đồng", "active", width=11),
        report_column("Số phiếu được tính", "sheets", width=10),
        report_column("Số phiếu so được với người khác", "compared", width=14),
        score_column("Độ lệch trung bình so với người khác (điểm)", "offset", width=18),
        report_column("Chỉ số t", "t", width=9, to_cell=t_value),
        report_column("Lệch hệ thống", "flagged", width=11),
    ),
)

REVIEWERS_NOTE = (
    "Độ lệch của một phiếu = tổng điểm của thành viên trừ trung bình tổng điểm những người "
    "cùng chấm sáng kiến đó. “Lệch hệ thống” khi độ lệch trung bình đủ lớn và lặp lại đều "
    "trên các sáng kiến (chỉ số t lớn), không phải do vài sáng kiến."
)


def reviewer_rows(results: Results) -> Iterator[dict[str, Any]]:
    for seat in sorted(results.members.values(), key=lambda seat: seat.pk):
        report = results.reviewers.get(seat.pk)
        yield {
            "member": seat.name,
            "username": seat.user.username,
            "role": role_name(seat.role),
            "active": seat.active,
            "sheets": report.sheets if report else 0,
            "compared": report.compared if report else 0,
            "offset": report.mean_offset if report else None,
            "t": report.t if report else None,
            "flagged": True if report and report.flagged else None,
        }


def _icc_notes(results: Results) -> list[list[Any]]:
    return [
        [
            "Mức đồng thuận giữa các thành viên (ICC)",
            points(results.icc),
            scoring.agreement_label(results.icc),
        ],
        [REVIEWERS_NOTE],
    ]


def slate_spec(top_n: int) -> SheetSpec:
    top = f"Top {top_n} giá trị làm lợi" if top_n else "Top giá trị làm lợi"
    return SheetSpec(
        title="Đề xuất",
        what="sáng kiến",
        columns=(
            report_column("Hạng", "rank", width=7),
            report_column("Mã sáng kiến", "code", width=16),
            report_column("Tên sáng kiến", "title", width=40),
            score_column("Điểm", "score", width=10),
            report_column("Được chọn", "selected", width=10),
            report_column("Giải", "prize", width=18),
            report_column(top, "top", width=12),
            report_column("Lý do", "reason", width=50),
            report_column("Hội đồng sửa", "amended", width=10),
            report_column("Đề xuất ban đầu", "proposed", width=20),
            report_column("Lý do sửa", "amend_reason", width=40),
        ),
    )


def latest_slate(council: Council) -> Slate | None:
    return council.slates.order_by("-number").first()


def slate_rows(slate: Slate | None) -> Iterator[dict[str, Any]]:
    if slate is None:
        return
    lines = slate.lines.select_related("initiative").order_by("rank", "initiative__code", "id")
    for line in lines:
        score = line.corrected if slate.basis == Basis.CORRECTED else line.raw
        proposed = "Chọn" if line.proposed_selected else "Không chọn"
        if line.proposed_prize:
            proposed += f", {prize_name(line.proposed_prize)}"
        yield {
            "rank": line.rank,
            "code": line.initiative.code,
            "title": line.initiative.title,
            "score": score,
            "selected": line.selected,
            "prize": prize_name(line.prize),
            "top": True if line.top else None,
            "reason": line.reason,
            "amended": True if line.amended else None,
            "proposed": proposed if line.amended else "",
            "amend_reason": line.amend_reason,
        }


def _slate_notes(slate: Slate | None) -> list[list[Any]]:
    if slate is None:
        return [["Hội đồng chưa có đề xuất kết quả."]]
    notes: list[list[Any]] = [
        ["Đề xuất lần", slate.number],
        ["Tình trạng", in_vietnamese(SlateStatus(slate.status).label)],
        ["Xếp hạng theo", in_vietnamese(Basis(slate.basis).label)],
        ["Đề xuất lúc", local_time(slate.proposed_at)],
    ]
    if slate.problems:
        notes.append(["Điều cần hội đồng quyết định"])
        notes += [[problem] for problem in slate.problems]
    return notes


VOTES_SPEC = SheetSpec(
    title="Biểu quyết",
    what="lần biểu quyết",
    columns=(
        report_column("Đề xuất lần", "slate", width=10),
        when_column("Thời gian", "held_at"),
        report_column("Hình thức", "method", width=20),
        report_column("Tổng số thành viên", "members_total", width=11),
        report_column("Có mặt", "present", width=8),
        report_column("Đồng ý", "in_favour", width=8),
        report_column("Không đồng ý", "against", width=10),
        report_column("Không biểu quyết", "abstain", width=11),
        report_column("Ngưỡng thông qua", "threshold", width=10),
        report_column("Thông qua", "passed", width=10),
        report_column("Địa điểm họp", "place", width=28),
        report_column("Ghi chú, ý kiến khác", "note", width=40),
    ),
)


def vote_rows(council: Council) -> Iterator[dict[str, Any]]:
    votes = (
        Vote.objects.filter(slate__council=council)
        .select_related("slate")
        .annotate(present_count=Count("present"))
        .order_by("held_at", "id")
    )
    for vote in votes:
        yield {
            "slate": vote.slate.number,
            "held_at": vote.held_at,
            "method": in_vietnamese(VoteMethod(vote.method).label),
            "members_total": vote.members_total,
            "present": vote.present_count,
            "in_favour": vote.in_favour,
            "against": vote.against,
            "abstain": vote.abstain,
            "threshold": vote.threshold_text,
            "passed": vote.passed,
            "place": vote.place,
            "note": vote.note,
        }


class CouncilWorkbook(TablesDocument):
    """Everything that justifies a council's result, for those who run the council: "Phiếu
    chấm", "Tổng hợp", "Người chấm", "Đề xuất" (the latest slate) and "Biểu quyết"."""

    def __init__(self, *, council: Council) -> None:
        self.council = council
        self.name = f"ket-qua-hoi-dong-{council.pk}-{timezone.localdate():%Y%m%d}"

    def tables(self) -> Iterator[Table]:
        council = self.council
        results = council_results(council)
        yield Table(score_sheet_spec(results.spec), score_sheet_rows(council, results.spec))
        yield Table(
            results_spec(results.spec),
            (result_row(results, row) for row in results.ordered(council.basis)),
            after=_method_notes(council),
        )
        yield Table(REVIEWERS_SPEC, reviewer_rows(results), after=_icc_notes(results))
        slate = latest_slate(council)
        top_n = int(slate.rules.get("top_n") or 0) if slate else council.top_n
        yield Table(slate_spec(top_n), slate_rows(slate), after=_slate_notes(slate))
        yield Table(VOTES_SPEC, vote_rows(council))


def council_workbook(*, council: Council) -> IO[bytes]:
    """The council's result workbook in a rewound temporary file (closing it deletes it)."""
    return CouncilWorkbook(council=council).rendered()
