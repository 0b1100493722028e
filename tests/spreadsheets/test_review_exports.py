"""Council workbooks: the result workbook holds every sheet scored (the withdrawn one marked),
the aggregation, the reviewers, the slate and the vote; the authors' summary never names a
reviewer; the assignment template lists the initiatives and the members."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.factories import make_person, make_user
from tests.initiatives.conftest import (  # noqa: F401 - kg is a fixture
    Programme75,
    climb_to_province,
    kg,
    make_initiative,
)
from tests.spreadsheets.conftest import read_back
from thidua.initiatives.models import Initiative
from thidua.orgs.enums import Tier
from thidua.reviews import services as reviews
from thidua.reviews.enums import CouncilRole, SlateStatus, VoteMethod
from thidua.reviews.models import Assignment, Council, CouncilMember
from thidua.reviews.rubrics import CriterionSpec, GradeClass, RubricSpec
from thidua.reviews.selectors import council_results
from thidua.spreadsheets.review_exports import (
    AssignmentTemplate,
    CouncilWorkbook,
    InitiativeSummaryWorkbook,
    council_workbook,
    initiative_summary,
    initiative_summary_workbook,
)
from thidua.spreadsheets.review_import import read_assignments

RUBRIC = RubricSpec(
    name="Thang điểm thử",
    criteria=(
        CriterionSpec(code="tinh_moi", name="Tính mới", max_points=40),
        CriterionSpec(code="hieu_qua", name="Hiệu quả", max_points=30),
        CriterionSpec(code="ap_dung", name="Khả năng áp dụng", max_points=30),
    ),
    pass_mark=Decimal(50),
    classes=(
        GradeClass("A", Decimal(85)),
        GradeClass("B", Decimal(70)),
        GradeClass("C", Decimal(50)),
    ),
)
CRITERIA_HEADERS = ("Tính mới (tối đa 40)", "Hiệu quả (tối đa 30)", "Khả năng áp dụng (tối đa 30)")
SHEET_HEADERS = (
    "Mã sáng kiến", "Tên sáng kiến", "Lĩnh vực", "Thành viên", "Vai trò", *CRITERIA_HEADERS,
    "Tổng điểm", "Nhận xét", "Ghi chú theo tiêu chí", "Phiếu", "Tình trạng", "Lý do rút, thay",
    "Nộp lúc",
)  # fmt: skip
TITLES = (
    "Cải tiến hệ thống bơm tăng áp trạm cấp nước Rạch Sỏi",
    "Phần mềm quản lý tàu cá ra vào cảng",
    "Sổ điểm điện tử cho giáo viên chủ nhiệm",
)
# (initiative index, member key) -> (tính mới, hiệu quả, áp dụng, comment)
SCORES: dict[tuple[int, str], tuple[int, int, int, str]] = {
    (0, "chair"): (36, 26, 25, "Giải pháp mới, làm lợi rõ."),
    (0, "secretary"): (30, 22, 20, "Cần số liệu đo áp lực trước và sau."),
    (0, "member"): (38, 27, 27, "Nên nhân rộng cho các trạm khác."),
    (1, "chair"): (28, 20, 22, "Hữu ích cho cảng cá."),
    (1, "secretary"): (22, 15, 18, "Chưa rõ cách tính giá trị làm lợi."),
    (1, "member"): (30, 22, 24, "Dễ áp dụng."),
    (2, "chair"): (20, 15, 15, "Mới ở phạm vi trường."),
    (2, "secretary"): (15, 12, 13, "Tính mới hạn chế."),
    (2, "member"): (22, 16, 15, "Có thể áp dụng toàn ngành."),
}
NOTE = "Chưa nêu rõ điểm khác so với cách làm cũ."
WITHDRAWN_POINTS = (40, 30, 30)
WITHDRAWN_REASON = "Là anh ruột của đồng tác giả."
NAMES = {
    "chair": "Nguyễn Văn Chủ",
    "secretary": "Lê Thị Thư",
    "member": "Phạm Văn Ủy",
    "withdrawn": "Đỗ Thị Rút",
}


@dataclass
class ScoredCouncil:
    council: Council
    initiatives: list[Initiative]
    seats: dict[str, CouncilMember]
    withdrawn: Assignment


def make_council(kg: Programme75, count: int, *, reviewers_per_item: int = 3) -> ScoredCouncil:
    """`count` initiatives at the province level, four members (one of whom will withdraw from
    the first initiative), the rubric above; scoring open."""
    unions = [kg.union_a, kg.union_a2, kg.union_s][:count]
    initiatives = []
    for number, union in enumerate(unions):
        author = make_person(f"Tác Giả Số {number + 1}", unit=union)
        initiative = make_initiative(
            kg,
            unit=union,
            title=TITLES[number],
            authors=[(author, Decimal(100))],
            benefit_value=[1_200_000_000, 300_000_000, None][number],
            non_monetary_benefit="Giáo viên đỡ nhập điểm hai lần." if number == 2 else "",
        )
        climb_to_province(kg, initiative)
        initiatives.append(initiative)
    rubric = reviews.rubric_create(actor=None, programme=kg.programme, spec=RUBRIC)
    council = reviews.council_create(
        actor=None,
        level=kg.programme.levels.get(tier=Tier.PROVINCE),
        unit=kg.province,
        data={
            "name": "Hội đồng sáng kiến LĐLĐ tỉnh Kiên Giang",
            "rubric": rubric,
            "reviewers_per_item": reviewers_per_item,
            "top_n": 1,
            "prizes": [{"prize": "nhat", "count": 1}, {"prize": "nhi", "count": 1}],
            "media_min": 0,
            "media_min_fields": 0,
        },
    )
    roles = {
        "chair": CouncilRole.CHAIR,
        "secretary": CouncilRole.SECRETARY,
        "member": CouncilRole.MEMBER,
        "withdrawn": CouncilRole.UNION_REP,
    }
    seats = {
        key: reviews.member_add(
            actor=None,
            council=council,
            user=make_user(f"hd_{key}", full_name=NAMES[key]),
            role=role,
        )
        for key, role in roles.items()
    }
    reviews.council_open(actor=None, council=council)
    withdrawn = reviews.assignment_add(
        actor=None, council=council, seat=seats["withdrawn"], initiative=initiatives[0]
    )
    return ScoredCouncil(council, initiatives, seats, withdrawn)


def score(scored: ScoredCouncil, index: int, key: str, values: tuple[int, int, int]) -> None:
    assignment = reviews.assignment_add(
        actor=None,
        council=scored.council,
        seat=scored.seats[key],
        initiative=scored.initiatives[index],
    )
    points = dict(zip(("tinh_moi", "hieu_qua", "ap_dung"), values, strict=True))
    reviews.sheet_save(actor=None, assignment=assignment, points=points, submit=True)


def score_all(scored: ScoredCouncil) -> None:
    """Every member scores every initiative; the fourth member scores the first one, then
    declares a conflict of interest, which withdraws that sheet."""
    points = dict(zip(("tinh_moi", "hieu_qua", "ap_dung"), WITHDRAWN_POINTS, strict=True))
    reviews.sheet_save(
        actor=None, assignment=scored.withdrawn, points=points, comment="Rất tốt.", submit=True
    )
    reviews.conflict_declare(actor=None, assignment=scored.withdrawn, reason=WITHDRAWN_REASON)
    for index, initiative in enumerate(scored.initiatives):
        for key in ("chair", "secretary", "member"):
            assignment = reviews.assignment_add(
                actor=None, council=scored.council, seat=scored.seats[key], initiative=initiative
            )
            *values, comment = SCORES[index, key]
            reviews.sheet_save(
                actor=None,
                assignment=assignment,
                points=dict(zip(("tinh_moi", "hieu_qua", "ap_dung"), values, strict=True)),
                comment=comment,
                notes={"tinh_moi": NOTE} if (index, key) == (0, "secretary") else None,
                submit=True,
            )


def propose_and_vote(scored: ScoredCouncil) -> None:
    """The slate, amended on the second initiative, voted 3 of 4 (2/3 reached)."""
    slate = reviews.slate_propose(actor=None, council=scored.council)
    if len(scored.initiatives) > 1:
        line = slate.lines.get(initiative=scored.initiatives[1])
        reviews.slate_amend(
            actor=None, line=line, selected=True, prize="", reason="Chưa đủ số liệu cho giải Nhì."
        )
    seats = list(scored.seats.values())
    reviews.slate_vote(
        actor=None, slate=slate, method=VoteMethod.HANDS, present=seats, in_favour=3, against=1
    )


@pytest.fixture
def decided(kg) -> ScoredCouncil:
    scored = make_council(kg, 3)
    score_all(scored)
    propose_and_vote(scored)
    return scored


def exported(council: Council) -> bytes:
    with council_workbook(council=council) as out:
        return out.read()


def by_header(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The data rows under row 1 as {header: value}, up to the first blank line."""
    header, *data = rows
    result = []
    for row in data:
        if all(value is None for value in row):
            break
        result.append(dict(zip(header, row + (None,) * (len(header) - len(row)), strict=True)))
    return result


def test_council_workbook_has_the_five_sheets_in_order(decided):
    with council_workbook(council=decided.council) as out:
        names = load_workbook(out, read_only=True).sheetnames

    assert names == ["Phiếu chấm", "Tổng hợp", "Người chấm", "Đề xuất", "Biểu quyết"]
    assert CouncilWorkbook(council=decided.council).filename.startswith(
        f"ket-qua-hoi-dong-{decided.council.pk}-"
    )


def test_score_sheet_holds_every_point_comment_and_note(decided):
    rows = read_back(exported(decided.council), "Phiếu chấm")

    assert rows[0] == SHEET_HEADERS
    counted = [row for row in by_header(rows) if row["Tình trạng"] == "Đang tính"]
    written = {
        (row["Mã sáng kiến"], row["Thành viên"]): (
            row["Tính mới (tối đa 40)"],
            row["Hiệu quả (tối đa 30)"],
            row["Khả năng áp dụng (tối đa 30)"],
            row["Nhận xét"],
        )
        for row in counted
    }
    assert written == {
        (decided.initiatives[index].code, NAMES[key]): values
        for (index, key), values in SCORES.items()
    }
    assert {row["Tổng điểm"] for row in counted if row["Thành viên"] == NAMES["chair"]} == {
        87,
        70,
        50,
    }
    noted = [row for row in counted if row["Ghi chú theo tiêu chí"]]
    assert [(row["Thành viên"], row["Ghi chú theo tiêu chí"]) for row in noted] == [
        (NAMES["secretary"], f"Tính mới: {NOTE}")
    ]
    assert {row["Vai trò"] for row in counted} == {
        "Chủ tịch Hội đồng", "Thư ký Hội đồng", "Ủy viên"
    }  # fmt: skip
    assert all(row["Phiếu"] == "Đã nộp" and row["Nộp lúc"] is not None for row in counted)


def test_score_sheet_lists_the_withdrawn_sheet_marked_and_the_results_leave_it_out(decided):
    content = exported(decided.council)
    sheets = by_header(read_back(content, "Phiếu chấm"))
    results = by_header(read_back(content, "Tổng hợp"))

    withdrawn = [row for row in sheets if row["Thành viên"] == NAMES["withdrawn"]]
    assert [
        (row["Mã sáng kiến"], row["Tình trạng"], row["Lý do rút, thay"], row["Tổng điểm"])
        for row in withdrawn
    ] == [(decided.initiatives[0].code, "Đã rút", WITHDRAWN_REASON, 100)]
    first = next(row for row in results if row["Mã sáng kiến"] == decided.initiatives[0].code)
    assert first["Số phiếu"] == 3
    assert first["Điểm gốc"] == pytest.approx((87 + 72 + 92) / 3, abs=0.01)


def test_results_sheet_shows_ranks_scores_spread_correction_and_grade(decided):
    results = council_results(decided.council)
    expected = {row.initiative.code: row for row in results.rows}

    rows = by_header(read_back(exported(decided.council), "Tổng hợp"))

    assert [row["Mã sáng kiến"] for row in rows] == [i.code for i in decided.initiatives]
    for row in rows:
        mine = expected[row["Mã sáng kiến"]]
        assert row["Hạng theo điểm gốc"] == mine.raw_rank
        assert row["Hạng theo điểm hiệu chỉnh"] == mine.corrected_rank
        assert row["Điểm gốc"] == pytest.approx(mine.result.raw, abs=0.005)
        assert row["Điểm hiệu chỉnh"] == pytest.approx(mine.result.corrected, abs=0.005)
        assert row["Mức hiệu chỉnh (hiệu chỉnh − gốc)"] == pytest.approx(
            row["Điểm hiệu chỉnh"] - row["Điểm gốc"], abs=0.011
        )
        assert row["Độ lệch chuẩn"] == pytest.approx(mine.result.sd, abs=0.005)
        assert row["Chênh lệch cao nhất − thấp nhất"] == mine.result.range
        assert row["Xếp loại"] == (mine.outcome.grade or None)
        assert row["Đạt"] == ("Có" if mine.outcome.passed else "Không")
    first, second, third = rows
    # Totals 87, 72, 92 (spread 20: not above the threshold); 70, 55, 76; 50, 40, 53 (fails).
    assert (first["Cần xem lại"], first["Xếp loại"], first["Giá trị làm lợi (đồng)"]) == (
        None, "B", 1_200_000_000
    )  # fmt: skip
    assert third["Đạt"] == "Không"
    assert "thấp hơn điểm đạt 50" in third["Lý do không đạt"]
    assert second["TB Tính mới (tối đa 40)"] == pytest.approx((28 + 22 + 30) / 3, abs=0.005)


def test_results_sheet_shows_the_correction_of_a_harsh_reviewers_absence(kg):
    # The secretary scores 20 below the chair on the first; the second has the chair alone,
    # so its corrected score takes the chair's leniency off.
    scored = make_council(kg, 2)
    score(scored, 0, "chair", (32, 24, 24))
    score(scored, 0, "secretary", (24, 18, 18))
    score(scored, 1, "chair", (28, 21, 21))
    results = {row.initiative.code: row.result for row in council_results(scored.council).rows}

    rows = by_header(read_back(exported(scored.council), "Tổng hợp"))

    second = next(row for row in rows if row["Mã sáng kiến"] == scored.initiatives[1].code)
    result = results[scored.initiatives[1].code]
    assert (second["Điểm gốc"], second["Số phiếu"]) == (70, 1)
    assert second["Điểm hiệu chỉnh"] == pytest.approx(result.corrected, abs=0.005) != 70
    assert second["Mức hiệu chỉnh (hiệu chỉnh − gốc)"] == pytest.approx(
        second["Điểm hiệu chỉnh"] - 70, abs=0.005
    )
    assert second["Mức hiệu chỉnh (hiệu chỉnh − gốc)"] < 0


def test_results_sheet_flags_a_disputed_initiative(kg):
    scored = make_council(kg, 1)
    reviews.council_update(actor=None, council=scored.council, data={"dispute_threshold": 10})
    score_all(scored)

    rows = by_header(read_back(exported(scored.council), "Tổng hợp"))

    assert [row["Cần xem lại"] for row in rows] == ["Có"]


def test_reviewers_sheet_reports_each_member_and_the_councils_agreement(decided):
    results = council_results(decided.council)
    rows = read_back(exported(decided.council), "Người chấm")

    members = {row["Thành viên"]: row for row in by_header(rows)}
    assert set(members) == set(NAMES.values())
    chair = members[NAMES["chair"]]
    report = results.reviewers[decided.seats["chair"].pk]
    assert (chair["Tài khoản"], chair["Số phiếu được tính"]) == ("hd_chair", 3)
    assert chair["Độ lệch trung bình so với người khác (điểm)"] == pytest.approx(
        report.mean_offset, abs=0.005
    )
    assert members[NAMES["withdrawn"]]["Số phiếu được tính"] == 0
    icc = next(row for row in rows if row[:1] == ("Mức đồng thuận giữa các thành viên (ICC)",))
    assert icc[1] == pytest.approx(results.icc, abs=0.005)
    assert icc[2] in {"kém", "trung bình", "tốt", "rất tốt"}


def test_slate_and_vote_sheets_show_the_amendment_and_the_count(decided):
    content = exported(decided.council)
    slate = by_header(read_back(content, "Đề xuất"))
    votes = by_header(read_back(content, "Biểu quyết"))

    first, second, third = slate
    assert (first["Hạng"], first["Được chọn"], first["Giải"], first["Top 1 giá trị làm lợi"]) == (
        1, "Có", "Giải Nhất", "Có"
    )  # fmt: skip
    assert (second["Được chọn"], second["Giải"], second["Hội đồng sửa"]) == ("Có", None, "Có")
    assert second["Đề xuất ban đầu"] == "Chọn, Giải Nhì"
    assert second["Lý do sửa"] == "Chưa đủ số liệu cho giải Nhì."
    assert third["Được chọn"] == "Không"
    assert third["Lý do"]
    assert [
        (v["Đề xuất lần"], v["Hình thức"], v["Tổng số thành viên"], v["Có mặt"], v["Đồng ý"],
         v["Không đồng ý"], v["Không biểu quyết"], v["Ngưỡng thông qua"], v["Thông qua"])
        for v in votes
    ] == [(1, "Biểu quyết giơ tay", 4, 4, 3, 1, 0, "2/3", "Có")]  # fmt: skip
    notes = read_back(content, "Đề xuất")
    assert ("Tình trạng", "Đã biểu quyết thông qua") in [row[:2] for row in notes]


def test_council_workbook_before_any_slate_says_so(kg):
    scored = make_council(kg, 1)
    score_all(scored)

    content = exported(scored.council)

    assert ("Hội đồng chưa có đề xuất kết quả.",) in read_back(content, "Đề xuất")
    assert read_back(content, "Biểu quyết")[1:] == []


def test_initiative_summary_gives_means_rank_result_and_anonymous_comments(decided):
    first = decided.initiatives[0]

    summary = initiative_summary(council=decided.council, initiative=first)

    assert summary["code"] == first.code
    assert summary["criteria"] == [
        {"name": "Tính mới", "mean": round((36 + 30 + 38) / 3, 2), "max": 40},
        {"name": "Hiệu quả", "mean": 25.0, "max": 30},
        {"name": "Khả năng áp dụng", "mean": 24.0, "max": 30},
    ]
    assert (summary["rank"], summary["ranked"], summary["sheets"]) == (1, 3, 3)
    assert (summary["passed"], summary["grade"], summary["max_total"]) == (True, "B", 100.0)
    assert (summary["result"], summary["prize"]) == ("Được chọn", "Giải Nhất")
    assert [c["reviewer"] for c in summary["comments"]] == [
        "Thành viên 1", "Thành viên 2", "Thành viên 3"
    ]  # fmt: skip
    assert [c["comment"] for c in summary["comments"]] == [
        SCORES[0, key][3] for key in ("chair", "secretary", "member")
    ]
    assert summary["comments"][1]["notes"] == [("Tính mới", NOTE)]


def test_initiative_summary_of_an_amended_line_gives_the_councils_reason(decided):
    summary = initiative_summary(council=decided.council, initiative=decided.initiatives[1])

    assert (summary["result"], summary["prize"], summary["reason"]) == (
        "Được chọn", "", "Chưa đủ số liệu cho giải Nhì."
    )  # fmt: skip


def test_initiative_summary_workbook_never_names_a_reviewer(decided):
    with initiative_summary_workbook(
        council=decided.council, initiative=decided.initiatives[0]
    ) as out:
        content = out.read()
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    cells = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]

    assert workbook.sheetnames == ["Kết quả", "Tiêu chí", "Nhận xét"]
    assert not [cell for cell in cells for name in NAMES.values() if name in cell]
    assert not [cell for cell in cells if "hd_" in cell]
    assert "Cần số liệu đo áp lực trước và sau." in cells
    items = dict(read_back(content, "Kết quả")[1:])
    assert (items["Xếp hạng"], items["Kết quả"], items["Giải"]) == ("1/3", "Được chọn", "Giải Nhất")
    assert read_back(content, "Nhận xét")[2] == (
        "Thành viên 2", SCORES[0, "secretary"][3], f"Tính mới: {NOTE}"
    )  # fmt: skip


def test_initiative_summary_before_the_vote_has_no_result(kg):
    scored = make_council(kg, 2)
    score_all(scored)
    reviews.slate_propose(actor=None, council=scored.council)

    summary = initiative_summary(council=scored.council, initiative=scored.initiatives[0])

    assert (summary["decided"], summary["result"], summary["prize"]) == (
        False, "Chưa có kết quả biểu quyết", ""
    )  # fmt: skip
    assert summary["rank"] == 1


def test_initiative_summary_refuses_an_initiative_the_council_does_not_review(kg):
    scored = make_council(kg, 1)
    other = make_initiative(kg, unit=kg.union_a2, authors=[(kg.outsider_author, Decimal(100))])

    with pytest.raises(ValueError, match="does not review"):
        initiative_summary(council=scored.council, initiative=other)


def test_summary_workbook_is_named_after_the_initiative(decided):
    summary = initiative_summary(council=decided.council, initiative=decided.initiatives[0])

    assert InitiativeSummaryWorkbook(summary=summary).filename == "ket-qua-cham-kg75-00001.xlsx"


def test_assignment_template_lists_initiatives_members_and_who_is_assigned(kg):
    scored = make_council(kg, 2)

    with AssignmentTemplate(council=scored.council).rendered() as out:
        content = out.read()

    assignment = read_back(content, "Phân công")
    assert assignment[0] == (
        "Mã sáng kiến", "Tên sáng kiến", "Lĩnh vực", "Đơn vị", "Đã phân công",
        "Thành viên 1", "Thành viên 2", "Thành viên 3",
    )  # fmt: skip
    assert [row[:5] for row in assignment[1:]] == [
        (scored.initiatives[0].code, TITLES[0], "Sản xuất kinh doanh", kg.union_a.name,
         "hd_withdrawn"),
        (scored.initiatives[1].code, TITLES[1], "Sản xuất kinh doanh", kg.union_a2.name, None),
    ]  # fmt: skip
    members = read_back(content, "Thành viên")
    assert members[0][:3] == ("Tài khoản", "Họ và tên", "Vai trò")
    assert [row[:3] for row in members[1:]] == [
        ("hd_chair", NAMES["chair"], "Chủ tịch Hội đồng"),
        ("hd_secretary", NAMES["secretary"], "Thư ký Hội đồng"),
        ("hd_member", NAMES["member"], "Ủy viên"),
        ("hd_withdrawn", NAMES["withdrawn"], "Ủy viên, đại diện tổ chức công đoàn"),
    ]
    sheet = load_workbook(io.BytesIO(content))["Phân công"]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == "'Thành viên'!$A$2:$A$5"
    assert str(validation.sqref) == "F2:F1048576 G2:G1048576 H2:H1048576"


def test_assignment_template_filled_in_reads_back_as_rows(kg):
    scored = make_council(kg, 2)
    with AssignmentTemplate(council=scored.council).rendered() as out:
        workbook = load_workbook(out)
    sheet = workbook["Phân công"]
    sheet["F2"], sheet["G2"] = "hd_chair", "hd_member"
    sheet["F3"] = "hd_secretary"
    filled = io.BytesIO()
    workbook.save(filled)
    filled.seek(0)

    upload = read_assignments(filled)

    first, second = (i.code for i in scored.initiatives)
    assert upload.rows == [
        (2, first, "hd_chair"),
        (2, first, "hd_member"),
        (3, second, "hd_secretary"),
    ]
    assert (upload.problems, upload.warnings) == ([], [])


# The results: criteria, the standings' fingerprint (sheets, assignments, initiatives),
# submitted sheets, stages, the initiatives' scoring facts, the count of active assignments,
# the initiatives again with their authorships and the authors, members; then the score sheets
# written out, the latest slate, its lines, the votes. The council comes with its rubric, as
# the access funnel fetches it.
EXPORT_QUERIES = 16


@pytest.mark.parametrize("count", [1, 3])
def test_council_workbook_query_count_does_not_grow_with_initiatives(
    kg, count, django_assert_num_queries
):
    scored = make_council(kg, count)
    score_all(scored)
    propose_and_vote(scored)
    council = Council.objects.select_related("level__programme", "unit", "rubric").get(
        pk=scored.council.pk
    )

    with django_assert_num_queries(EXPORT_QUERIES):
        content = exported(council)

    assert len(by_header(read_back(content, "Tổng hợp"))) == count
    assert council.slates.get().status == SlateStatus.CONFIRMED
