"""Council workbooks: the one that justifies a council's result, the summary an initiative's
authors receive, and the template the secretary fills in to assign reviewers.

The result workbook is for whoever runs the council (names included, even in a blind
council): every sheet that was scored, counted or not, the aggregation with its spread and
correction, how each reviewer sits against the others, the proposal with its reasons and
amendments, and the votes. The authors' summary never names a reviewer.
"""

from __future__ import annotations

import abc
import datetime as dt
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any, TypedDict

from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.initiatives.models import Initiative
from thidua.reviews import scoring, selection
from thidua.reviews.enums import (
    AssignmentStatus,
    Basis,
    Correction,
    CouncilRole,
    Method,
    SheetStatus,
    SlateStatus,
    VoteMethod,
)
from thidua.reviews.models import Council, ScoreSheet, Slate, SlateLine, Vote
from thidua.reviews.rubrics import CriterionSpec, RubricSpec
from thidua.reviews.selectors import (
    Results,
    Row,
    active_members,
    council_initiatives,
    council_results,
)
from thidua.spreadsheets.base import (
    Column,
    SheetSpec,
    SpreadsheetDocument,
    cell_value,
    in_vietnamese,
)
from thidua.spreadsheets.exports import BOLD, DATE_FORMAT
from thidua.spreadsheets.initiative_sheets import MONEY_FORMAT
from thidua.spreadsheets.review_import import assignment_sheet, is_member_field

DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
POINTS_FORMAT = "0.00"
# Text in columns at least this wide (comments, reasons) wraps inside its cell.
WRAP_WIDTH = 40
WRAP = Alignment(wrap_text=True, vertical="top")

ASSIGNMENT_LABELS: dict[str, str] = {
    AssignmentStatus.ACTIVE: "Đang tính",
    AssignmentStatus.WITHDRAWN: "Đã rút",
    AssignmentStatus.REMOVED: "Đã thay",
}


# --- the base: several sheets, each a header row and its rows ---------------------------


@dataclass(frozen=True)
class Table:
    """One worksheet: `spec`'s headers on row 1, a row per mapping, then `after` (notes, one
    list of cells a line) below a blank line."""

    spec: SheetSpec
    rows: Iterable[Mapping[str, Any]]
    after: Sequence[Sequence[Any]] = ()
    validations: Sequence[DataValidation] = ()


class TablesDocument(SpreadsheetDocument):
    """A report of several sheets. Subclasses give the tables."""

    @abc.abstractmethod
    def tables(self) -> Iterator[Table]:
        """The sheets in order; read lazily, while the workbook is written."""

    def render(self, out: IO[bytes]) -> None:
        # The workbook is Vietnamese whatever the page's language (see base.py).
        with translation.override("vi"):
            workbook = Workbook(write_only=True)
            for table in self.tables():
                _write_table(workbook, table)
            workbook.save(out)


def _write_table(workbook: Workbook, table: Table) -> None:
    sheet = workbook.create_sheet(table.spec.title)
    for index, column in enumerate(table.spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.append([_bold(sheet, column.header) for column in table.spec.columns])
    for values in table.rows:
        sheet.append(
            [_cell(sheet, column, values.get(column.field)) for column in table.spec.columns]
        )
    if table.after:
        sheet.append([])
        for line in table.after:
            sheet.append([_note_cell(sheet, value) for value in line])
    for validation in table.validations:
        sheet.data_validations.append(validation)


def _bold(sheet: Any, value: Any) -> Cell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = BOLD
    cell.alignment = WRAP  # the headers of narrow number columns are long
    return cell


def _note_cell(sheet: Any, value: Any) -> Any:
    if not isinstance(value, dt.datetime):
        return cell_value(value)
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATETIME_FORMAT
    return cell


def _cell(sheet: Any, column: Column, value: Any) -> Any:
    value = column.to_cell(value)
    number_format = DATE_FORMAT if column.is_date else column.number_format
    wrap = isinstance(value, str) and column.width >= WRAP_WIDTH
    if value is None or not (number_format or wrap):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    if wrap:
        cell.alignment = WRAP
    return cell


def _points(value: float | Decimal | None) -> float | None:
    """Scores as numbers with two decimals at most; what cannot be a number is left out."""
    if value is None:
        return None
    number = float(value)
    return round(number, 2) if math.isfinite(number) else None


def _local(value: dt.datetime | None) -> dt.datetime | None:
    """Excel has no time zones: the local time of Asia/Ho_Chi_Minh, as people read it."""
    return None if value is None else timezone.localtime(value).replace(tzinfo=None)


def _t_value(value: float | None) -> Any:
    if value is None or math.isfinite(value):
        return _points(value)
    return "∞" if value > 0 else "-∞"


def _column(
    header: str,
    field: str,
    *,
    width: int = 14,
    number_format: str = "",
    to_cell: Any = cell_value,
) -> Column:
    """A column of a report: written, never read back."""
    return Column(
        header, field, _not_read, width=width, number_format=number_format, to_cell=to_cell
    )


def _not_read(value: Any) -> Any:  # pragma: no cover - reports are not imported
    return value


def _score_column(header: str, field: str, *, width: int = 12) -> Column:
    return _column(header, field, width=width, number_format=POINTS_FORMAT, to_cell=_points)


def _when_column(header: str, field: str) -> Column:
    return _column(header, field, width=17, number_format=DATETIME_FORMAT, to_cell=_local)


def _role(role: str) -> str:
    return in_vietnamese(CouncilRole(role).label) if role in CouncilRole.values else role


def _prize(key: str) -> str:
    return selection.prize_label(key) if key in selection.PRIZES else key


def criterion_header(criterion: CriterionSpec) -> str:
    """'Tính mới (tối đa 40)'; a weight other than 1 and a criterion left out of the total
    are said too, since the total would not add up otherwise."""
    extra = [f"tối đa {criterion.max_points}"]
    if criterion.weight != 1:
        extra.append(f"hệ số {criterion.weight.normalize():f}".replace(".", ","))
    if not criterion.counted:
        extra.append("không tính vào tổng")
    return f"{criterion.name} ({', '.join(extra)})"


def _criterion_field(code: str) -> str:
    return f"criterion:{code}"


def _threshold(numerator: int, denominator: int) -> str:
    return f"{numerator}%" if denominator == 100 else f"{numerator}/{denominator}"


# --- the council's result ---------------------------------------------------------------


def score_sheet_spec(rubric: RubricSpec) -> SheetSpec:
    return SheetSpec(
        title="Phiếu chấm",
        what="phiếu chấm",
        columns=(
            _column("Mã sáng kiến", "code", width=16),
            _column("Tên sáng kiến", "title", width=40),
            _column("Lĩnh vực", "field", width=22),
            _column("Thành viên", "member", width=24),
            _column("Vai trò", "role", width=22),
            *(
                _column(criterion_header(c), _criterion_field(c.code), width=16)
                for c in rubric.criteria
            ),
            _score_column("Tổng điểm", "total"),
            _column("Nhận xét", "comment", width=50),
            _column("Ghi chú theo tiêu chí", "notes", width=50),
            _column("Phiếu", "sheet_status", width=11),
            _column("Tình trạng", "status", width=12),
            _column("Lý do rút, thay", "end_reason", width=40),
            _when_column("Nộp lúc", "submitted_at"),
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
            "role": _role(seat.role),
            "total": sheet.total,
            "comment": sheet.comment,
            "notes": _notes_text(sheet.notes, rubric),
            "sheet_status": "Đã nộp" if sheet.status == SheetStatus.SUBMITTED else "Chưa nộp",
            "status": ASSIGNMENT_LABELS.get(assignment.status, ""),
            "end_reason": assignment.end_reason,
            "submitted_at": sheet.submitted_at,
        }
        for criterion in rubric.criteria:
            values[_criterion_field(criterion.code)] = sheet.points.get(criterion.code)
        yield values


def results_spec(rubric: RubricSpec) -> SheetSpec:
    return SheetSpec(
        title="Tổng hợp",
        what="sáng kiến",
        columns=(
            _column("Hạng theo điểm gốc", "raw_rank", width=10),
            _column("Hạng theo điểm hiệu chỉnh", "corrected_rank", width=12),
            _column("Mã sáng kiến", "code", width=16),
            _column("Tên sáng kiến", "title", width=40),
            _column("Lĩnh vực", "field", width=22),
            _column("Đơn vị", "unit", width=30),
            _column("Giá trị làm lợi (đồng)", "benefit_value", width=20,
                    number_format=MONEY_FORMAT),
            _column("Số phiếu", "sheets", width=9),
            _score_column("Điểm gốc", "raw"),
            _score_column("Điểm hiệu chỉnh", "corrected"),
            _score_column("Mức hiệu chỉnh (hiệu chỉnh − gốc)", "correction", width=16),
            _score_column("Độ lệch chuẩn", "sd"),
            _score_column("Chênh lệch cao nhất − thấp nhất", "range", width=16),
            _column("Cần xem lại", "disputed", width=11),
            *(
                _score_column(f"TB {criterion_header(c)}", f"mean:{c.code}", width=16)
                for c in rubric.criteria
            ),
            _column("Đạt", "passed", width=8),
            _column("Xếp loại", "grade", width=9),
            _column("Lý do không đạt", "reasons", width=40),
            _column("Đồng điểm, xếp trên nhờ", "decided_by", width=24),
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
        ["Cần xem lại khi chênh lệch quá (điểm)", _points(council.dispute_threshold)],
    ]


REVIEWERS_SPEC = SheetSpec(
    title="Người chấm",
    what="thành viên",
    columns=(
        _column("Thành viên", "member", width=26),
        _column("Tài khoản", "username", width=18),
        _column("Vai trò", "role", width=24),
        _column("Còn trong hội đồng", "active", width=11),
        _column("Số phiếu được tính", "sheets", width=10),
        _column("Số phiếu so được với người khác", "compared", width=14),
        _score_column("Độ lệch trung bình so với người khác (điểm)", "offset", width=18),
        _column("Chỉ số t", "t", width=9, to_cell=_t_value),
        _column("Lệch hệ thống", "flagged", width=11),
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
            "role": _role(seat.role),
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
            _points(results.icc),
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
            _column("Hạng", "rank", width=7),
            _column("Mã sáng kiến", "code", width=16),
            _column("Tên sáng kiến", "title", width=40),
            _score_column("Điểm", "score", width=10),
            _column("Được chọn", "selected", width=10),
            _column("Giải", "prize", width=18),
            _column(top, "top", width=12),
            _column("Lý do", "reason", width=50),
            _column("Hội đồng sửa", "amended", width=10),
            _column("Đề xuất ban đầu", "proposed", width=20),
            _column("Lý do sửa", "amend_reason", width=40),
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
            proposed += f", {_prize(line.proposed_prize)}"
        yield {
            "rank": line.rank,
            "code": line.initiative.code,
            "title": line.initiative.title,
            "score": score,
            "selected": line.selected,
            "prize": _prize(line.prize),
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
        ["Đề xuất lúc", _local(slate.proposed_at)],
    ]
    if slate.problems:
        notes.append(["Điều cần hội đồng quyết định"])
        notes += [[problem] for problem in slate.problems]
    return notes


VOTES_SPEC = SheetSpec(
    title="Biểu quyết",
    what="lần biểu quyết",
    columns=(
        _column("Đề xuất lần", "slate", width=10),
        _when_column("Thời gian", "held_at"),
        _column("Hình thức", "method", width=20),
        _column("Tổng số thành viên", "members_total", width=11),
        _column("Có mặt", "present", width=8),
        _column("Đồng ý", "in_favour", width=8),
        _column("Không đồng ý", "against", width=10),
        _column("Không biểu quyết", "abstain", width=11),
        _column("Ngưỡng thông qua", "threshold", width=10),
        _column("Thông qua", "passed", width=10),
        _column("Địa điểm họp", "place", width=28),
        _column("Ghi chú, ý kiến khác", "note", width=40),
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
            "threshold": _threshold(vote.threshold_numerator, vote.threshold_denominator),
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


# --- what the authors receive -----------------------------------------------------------


class CriterionMean(TypedDict):
    name: str
    mean: float | None
    max: int


class ReviewerComment(TypedDict):
    reviewer: str  # "Thành viên 1": never the member's name
    comment: str
    notes: list[tuple[str, str]]  # (criterion name, note)


class InitiativeSummary(TypedDict):
    council: str
    code: str
    title: str
    field: str
    unit: str
    criteria: list[CriterionMean]
    total: float | None  # on the basis the council ranks by
    max_total: float
    rank: int | None
    ranked: int  # how many initiatives were ranked with a score
    sheets: int
    passed: bool | None
    grade: str
    reasons: list[str]
    decided: bool  # the council voted its result
    selected: bool | None
    result: str
    prize: str
    reason: str
    comments: list[ReviewerComment]


def initiative_summary(*, council: Council, initiative: Initiative) -> InitiativeSummary:
    """One initiative's review as its authors may read it: each criterion's mean and maximum,
    the total and rank on the council's basis, pass and grade, the voted result and prize
    (until the vote, "Chưa có kết quả biểu quyết"), and the counted reviewers' comments as
    "Thành viên 1, 2, 3" in the order they were submitted, never by name. Raises ValueError
    when the council does not review the initiative."""
    results = council_results(council)
    row = next((r for r in results.rows if r.initiative.pk == initiative.pk), None)
    if row is None:
        raise ValueError(f"council {council.pk} does not review initiative {initiative.pk}")
    spec, basis, result = results.spec, council.basis, row.result
    means = result.criteria if result else {}
    line = (
        SlateLine.objects.filter(
            slate__council=council, slate__status=SlateStatus.CONFIRMED, initiative=initiative
        )
        .order_by("-slate__number")
        .first()
    )
    if line is None:
        outcome_text = "Chưa có kết quả biểu quyết"
    else:
        outcome_text = "Được chọn" if line.selected else "Không được chọn"
    return {
        "council": council.name,
        "code": initiative.code,
        "title": row.initiative.title,
        "field": row.initiative.field.name,
        "unit": row.initiative.unit.name,
        "criteria": [
            {"name": c.name, "mean": _points(means.get(c.code)), "max": c.max_points}
            for c in spec.criteria
        ],
        "total": _points(results.score_of(row, basis)),
        "max_total": float(spec.max_total),
        "rank": results.rank_of(row, basis) if result else None,
        "ranked": sum(1 for r in results.rows if results.score_of(r, basis) is not None),
        "sheets": result.sheets if result else 0,
        "passed": row.outcome.passed if row.outcome else None,
        "grade": (row.outcome.grade or "") if row.outcome else "",
        "reasons": list(row.outcome.reasons) if row.outcome else [],
        "decided": line is not None,
        "selected": line.selected if line else None,
        "result": outcome_text,
        "prize": _prize(line.prize) if line and line.prize else "",
        "reason": _voted_reason(line),
        "comments": _anonymous_comments(council, initiative, spec),
    }


def _voted_reason(line: SlateLine | None) -> str:
    """Why the initiative is in or out: the council's own words where it changed the proposal
    (the proposal's reason would name a prize it no longer has)."""
    if line is None:
        return ""
    return line.amend_reason if line.amended and line.amend_reason else line.reason


def _anonymous_comments(
    council: Council, initiative: Initiative, spec: RubricSpec
) -> list[ReviewerComment]:
    names = {criterion.code: criterion.name for criterion in spec.criteria}
    sheets = (
        ScoreSheet.objects.filter(
            assignment__council=council,
            assignment__initiative=initiative,
            assignment__status=AssignmentStatus.ACTIVE,
            status=SheetStatus.SUBMITTED,
        )
        .order_by("submitted_at", "id")
        .values_list("comment", "notes")
    )
    return [
        {
            "reviewer": f"Thành viên {number}",
            "comment": comment,
            "notes": [(names[code], notes[code]) for code in names if notes.get(code)],
        }
        for number, (comment, notes) in enumerate(sheets, start=1)
    ]


SUMMARY_SPEC = SheetSpec(
    title="Kết quả",
    what="mục",
    columns=(_column("Mục", "label", width=28), _column("Nội dung", "value", width=60)),
)
SUMMARY_CRITERIA_SPEC = SheetSpec(
    title="Tiêu chí",
    what="tiêu chí",
    columns=(
        _column("Tiêu chí", "name", width=40),
        _score_column("Điểm trung bình", "mean"),
        _column("Điểm tối đa", "max", width=12),
    ),
)
SUMMARY_COMMENTS_SPEC = SheetSpec(
    title="Nhận xét",
    what="nhận xét",
    columns=(
        _column("Thành viên", "reviewer", width=14),
        _column("Nhận xét", "comment", width=60),
        _column("Ghi chú theo tiêu chí", "notes", width=60),
    ),
)


def _summary_items(summary: InitiativeSummary) -> Iterator[dict[str, Any]]:
    rank = summary["rank"]
    items: list[tuple[str, Any]] = [
        ("Hội đồng", summary["council"]),
        ("Mã sáng kiến", summary["code"]),
        ("Tên sáng kiến", summary["title"]),
        ("Lĩnh vực", summary["field"]),
        ("Đơn vị", summary["unit"]),
        ("Số phiếu chấm", summary["sheets"]),
        ("Tổng điểm", summary["total"]),
        ("Tổng điểm tối đa", summary["max_total"]),
        ("Xếp hạng", f"{rank}/{summary['ranked']}" if rank is not None else ""),
        ("Đạt yêu cầu", summary["passed"]),
        ("Xếp loại", summary["grade"]),
        ("Lý do không đạt", "\n".join(summary["reasons"])),
        ("Kết quả", summary["result"]),
        ("Giải", summary["prize"]),
        ("Lý do", summary["reason"]),
    ]
    for label, value in items:
        yield {"label": label, "value": _points(value) if isinstance(value, float) else value}


class InitiativeSummaryWorkbook(TablesDocument):
    """`initiative_summary` as a workbook for the authors: "Kết quả", "Tiêu chí", "Nhận xét"."""

    def __init__(self, *, summary: InitiativeSummary) -> None:
        self.summary = summary
        self.name = f"ket-qua-cham-{slugify(summary['code'])}"

    def tables(self) -> Iterator[Table]:
        summary = self.summary
        yield Table(SUMMARY_SPEC, _summary_items(summary))
        yield Table(
            SUMMARY_CRITERIA_SPEC,
            [{"name": c["name"], "mean": c["mean"], "max": c["max"]} for c in summary["criteria"]],
        )
        yield Table(
            SUMMARY_COMMENTS_SPEC,
            [
                {
                    "reviewer": comment["reviewer"],
                    "comment": comment["comment"],
                    "notes": "\n".join(f"{name}: {note}" for name, note in comment["notes"]),
                }
                for comment in summary["comments"]
            ],
        )


def initiative_summary_workbook(*, council: Council, initiative: Initiative) -> IO[bytes]:
    """`initiative_summary` as an xlsx in a rewound temporary file (closing it deletes it)."""
    summary = initiative_summary(council=council, initiative=initiative)
    return InitiativeSummaryWorkbook(summary=summary).rendered()


# --- the assignment template ------------------------------------------------------------

MEMBERS_TITLE = "Thành viên"
MEMBERS_SPEC = SheetSpec(
    title=MEMBERS_TITLE,
    what="thành viên",
    columns=(
        _column("Tài khoản", "username", width=20),
        _column("Họ và tên", "name", width=26),
        _column("Vai trò", "role", width=24),
        _column("Chức vụ, đơn vị công tác", "title", width=36),
        _column("Lĩnh vực chuyên môn", "fields", width=36),
        _column("Số sáng kiến đang chấm", "load", width=12),
        _column("Tối đa", "cap", width=8),
    ),
)
GUIDE_SPEC = SheetSpec(
    title="Hướng dẫn",
    what="dòng",
    columns=(_column("Hướng dẫn phân công chấm", "line", width=100),),
)
GUIDE_LINES = (
    "Trang “Phân công”: mỗi dòng một sáng kiến. Ghi tài khoản của thành viên chấm sáng kiến "
    "đó vào các cột “Thành viên 1”, “Thành viên 2”... (chọn trong danh sách, hoặc xem trang "
    "“Thành viên”). Dòng để trống các cột thành viên thì bỏ qua.",
    "Cột “Đã phân công” cho biết ai đang chấm sáng kiến đó; không ghi lại họ, chỉ ghi người "
    "cần thêm.",
    "Không phân công thành viên là tác giả, cùng công đoàn cơ sở với tác giả, hoặc đã khai báo "
    "xung đột lợi ích với sáng kiến.",
    "Khi nhập, thidua kiểm tra cả tệp. Nếu có một dòng lỗi thì không phân công dòng nào.",
)


class AssignmentTemplate(TablesDocument):
    """The council's initiatives with empty "Thành viên 1..N" columns (N = reviewers per
    initiative, with a drop-down of the members' usernames), and its members on a second
    sheet, for the secretary to fill in and import (review_import.read_assignments)."""

    def __init__(self, *, council: Council) -> None:
        self.council = council
        self.name = f"mau-phan-cong-hoi-dong-{council.pk}"

    def tables(self) -> Iterator[Table]:
        council = self.council
        members = list(active_members(council).select_related("user"))
        spec = assignment_sheet(max(council.reviewers_per_item, 1)).without("member")
        usernames = _usernames_list(spec, len(members))
        yield Table(spec, self._initiative_rows(), validations=usernames)
        loads = self._loads()
        yield Table(
            MEMBERS_SPEC,
            [
                {
                    "username": seat.user.username,
                    "name": seat.name,
                    "role": _role(seat.role),
                    "title": seat.title,
                    "fields": "; ".join(f.name for f in seat.fields.all()),
                    "load": loads.get(seat.pk, 0),
                    "cap": seat.load_cap if seat.load_cap is not None else council.load_cap,
                }
                for seat in members
            ],
        )
        yield Table(GUIDE_SPEC, [{"line": line} for line in GUIDE_LINES])

    def _loads(self) -> dict[int, int]:
        rows = (
            self.council.assignments.filter(status=AssignmentStatus.ACTIVE)
            .values("member_id")
            .annotate(total=Count("id"))
        )
        return {row["member_id"]: row["total"] for row in rows}

    def _initiative_rows(self) -> Iterator[dict[str, Any]]:
        assigned: dict[int, list[str]] = {}
        for initiative_id, username in (
            self.council.assignments.filter(status=AssignmentStatus.ACTIVE)
            .order_by("member_id")
            .values_list("initiative_id", "member__user__username")
        ):
            assigned.setdefault(initiative_id, []).append(username)
        initiatives = (
            council_initiatives(self.council).select_related("field", "unit").order_by("code")
        )
        for initiative in initiatives:
            yield {
                "code": initiative.code,
                "title": initiative.title,
                "field": initiative.field.name,
                "unit": initiative.unit.name,
                "assigned": ", ".join(assigned.get(initiative.pk, [])),
            }


def _usernames_list(spec: SheetSpec, members: int) -> list[DataValidation]:
    """A drop-down of the members' usernames on every "Thành viên k" column."""
    if members == 0:
        return []
    source = f"{quote_sheetname(MEMBERS_TITLE)}!$A$2:$A${members + 1}"
    validation = DataValidation(type="list", formula1=source, allow_blank=True)
    for index, column in enumerate(spec.columns, start=1):
        if is_member_field(column.field):
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}1048576")
    return [validation]
