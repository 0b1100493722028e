"""The summary of an initiative's review that its authors receive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any, TypedDict

from django.utils.text import slugify
from django.utils.translation import gettext as _

from thidua.initiatives.models import Initiative
from thidua.reviews.enums import AssignmentStatus, Basis, SheetStatus, SlateStatus
from thidua.reviews.models import Council, ScoreSheet, SlateLine
from thidua.reviews.rubrics import RubricSpec
from thidua.reviews.selectors import council_results
from thidua.spreadsheets.base import SheetSpec
from thidua.spreadsheets.review_exports.base import (
    Table,
    TablesDocument,
    points,
    prize_name,
    report_column,
    score_column,
)


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
    raw_total: float | None  # the plain mean of the sheets, beside a corrected total
    corrected: bool
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
        .select_related("slate")
        .order_by("-slate__number")
        .first()
    )
    if line is None:
        outcome_text = _("Chưa có kết quả biểu quyết")
    else:
        outcome_text = _("Được chọn") if line.selected else _("Không được chọn")
    # Once voted, the total and rank are those the council voted on.
    total = results.score_of(row, basis)
    rank = results.rank_of(row, basis) if result else None
    if line is not None:
        voted = line.corrected if line.slate.basis == Basis.CORRECTED else line.raw
        total = float(voted) if voted is not None else total
        rank = line.rank if line.sheets else rank
    return {
        "council": council.name,
        "code": initiative.code,
        "title": row.initiative.title,
        "field": row.initiative.field.name,
        "unit": row.initiative.unit.name,
        "criteria": [
            {"name": c.name, "mean": points(means.get(c.code)), "max": c.max_points}
            for c in spec.criteria
        ],
        "total": points(total),
        "raw_total": points(result.raw if result else None),
        "corrected": basis == Basis.CORRECTED,
        "max_total": float(spec.max_total),
        "rank": rank,
        "ranked": sum(1 for r in results.rows if results.score_of(r, basis) is not None),
        "sheets": result.sheets if result else 0,
        "passed": row.outcome.passed if row.outcome else None,
        "grade": (row.outcome.grade or "") if row.outcome else "",
        "reasons": list(row.outcome.reasons) if row.outcome else [],
        "decided": line is not None,
        "selected": line.selected if line else None,
        "result": outcome_text,
        "prize": prize_name(line.prize) if line and line.prize else "",
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
    said = [(comment, notes) for comment, notes in sheets if comment.strip() or any(notes.values())]
    return [
        {
            "reviewer": _("Thành viên %(n)s") % {"n": number},
            "comment": comment,
            "notes": [(names[code], notes[code]) for code in names if notes.get(code)],
        }
        for number, (comment, notes) in enumerate(said, start=1)
    ]


SUMMARY_SPEC = SheetSpec(
    title="Kết quả",
    what="mục",
    columns=(report_column("Mục", "label", width=28), report_column("Nội dung", "value", width=60)),
)
SUMMARY_CRITERIA_SPEC = SheetSpec(
    title="Tiêu chí",
    what="tiêu chí",
    columns=(
        report_column("Tiêu chí", "name", width=40),
        score_column("Điểm trung bình", "mean"),
        report_column("Điểm tối đa", "max", width=12),
    ),
)
SUMMARY_COMMENTS_SPEC = SheetSpec(
    title="Nhận xét",
    what="nhận xét",
    columns=(
        report_column("Thành viên", "reviewer", width=14),
        report_column("Nhận xét", "comment", width=60),
        report_column("Ghi chú theo tiêu chí", "notes", width=60),
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
        yield {"label": label, "value": points(value) if isinstance(value, float) else value}


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
