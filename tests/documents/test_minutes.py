"""Biên bản họp Hội đồng xét duyệt sáng kiến (mẫu 1.9 of Nghị định 30/2020) for the Kiên Giang
provincial council: who sat, the rubric, how scores were put together, the ranked result and
the vote against its 2/3 threshold, signed by the secretary and the chair side by side."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.documents.docx_checks import (
    all_paragraphs,
    assert_decree_heading,
    assert_decree_page,
    assert_signature,
    looks,
    open_docx,
    paragraph,
    pdf_pages,
    repeated_header_tables,
    text_of,
)
from tests.factories import make_person, make_unit, make_user
from tests.initiatives.conftest import VN, kg  # noqa: F401
from tests.reviews.conftest import SCORING_DAY, CouncilWorld, cw, da_nang_points  # noqa: F401
from thidua.documents.base import DocumentError, template_problems
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.minutes import MinutesGenerator
from thidua.documents.models import OfficialDocument
from thidua.orgs import services as orgs
from thidua.reviews import services
from thidua.reviews.enums import CouncilRole, VoteMethod
from thidua.reviews.models import Assignment, CouncilMember, Slate
from thidua.reviews.rubrics import format_points

PROPOSED = dt.datetime(2021, 5, 6, 8, 0, tzinfo=VN)
MEETING = dt.datetime(2021, 5, 6, 9, 0, tzinfo=VN)
AFTER = dt.datetime(2021, 5, 6, 11, 0, tzinfo=VN)
SUBJECT = "Họp Hội đồng xét duyệt sáng kiến cấp tỉnh năm 2021"
HALL = "Hội trường Liên đoàn Lao động tỉnh Kiên Giang"
HEADERS = ["Hạng", "Tên sáng kiến", "Tác giả", "Đơn vị", "Điểm gốc", "Điểm hiệu chỉnh",
           "Xếp loại", "Giải", "Đề xuất"]  # fmt: skip


@pytest.fixture
def council(cw: CouncilWorld) -> CouncilWorld:
    """The council of tests/reviews with a vice-chair, titles, its founding decision, and its
    province under the Tổng Liên đoàn; every initiative scored, one member 2 points harsher on
    novelty than the others."""
    province = cw.kg.province
    tld = make_unit("Tổng Liên đoàn Lao động Việt Nam", code="TLD", kind="tld")
    orgs.unit_move(actor=None, unit=province, new_parent=tld, effective_on=dt.date(2001, 1, 1))
    orgs.unit_update(actor=None, unit=province,
                     data={"short_name": "LĐLĐ", "place_name": "Kiên Giang"})  # fmt: skip
    vice = make_user(unit=province, role="council", full_name="Đoàn Minh Khoa")
    vice.person = make_person("Đoàn Minh Khoa", unit=province)
    vice.save(update_fields=["person"])
    services.member_add(actor=None, council=cw.council, user=vice, role=CouncilRole.VICE_CHAIR,
                        title="Trưởng Ban Tuyên giáo LĐLĐ tỉnh")  # fmt: skip
    titles = {
        cw.chair: "Phó Chủ tịch LĐLĐ tỉnh",
        cw.secretary: "Phó Trưởng Ban Chính sách – Pháp luật LĐLĐ tỉnh",
        cw.reviewer_from_a: "Chủ tịch CĐ Công ty Cấp thoát nước Kiên Giang",
        cw.reviewer_2: "Kỹ sư, LĐLĐ thành phố Rạch Giá",
        cw.reviewer_3: "Giáo viên, Công đoàn ngành Giáo dục",
    }
    for seat, title in titles.items():
        services.member_update(actor=None, seat=seat, role=seat.role, title=title, fields=(),
                               load_cap=None)  # fmt: skip
    services.council_update(actor=None, council=cw.council,
                            data={"decision_number": "45/QĐ-LĐLĐ",
                                  "decision_date": dt.date(2021, 4, 20)})  # fmt: skip
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    order = {item.pk: index for index, item in enumerate(cw.items)}
    for assignment in Assignment.objects.filter(council=cw.council, status="active"):
        index = order[assignment.initiative_id]
        harsh = 2 if assignment.member_id == cw.reviewer_3.pk else 0
        money = assignment.initiative.benefit_value is not None
        services.sheet_save(
            actor=assignment.member.user,
            assignment=assignment,
            points=da_nang_points(25 + index - harsh, 20, 21 if money else 15),
            submit=True,
            now=SCORING_DAY,
        )
    cw.council.refresh_from_db()
    return cw


def _slate(cw: CouncilWorld) -> Slate:
    return services.slate_propose(actor=None, council=cw.council, now=PROPOSED)


def _seats(cw: CouncilWorld) -> list[CouncilMember]:
    return list(cw.council.members.filter(active=True))


def _vote(cw: CouncilWorld, slate: Slate, **counts: Any) -> None:
    """Everyone but Lâm Thị Hoa (reviewer_2) is there, unless `present` says otherwise."""
    present = counts.pop("present", [s for s in _seats(cw) if s != cw.reviewer_2])
    services.slate_vote(actor=cw.secretary_user, slate=slate, method=VoteMethod.HANDS,
                        present=present, place=HALL, held_at=MEETING, now=AFTER,
                        **counts)  # fmt: skip


def _minutes(cw: CouncilWorld, **extra: Any) -> OfficialDocument:
    data: dict[str, Any] = {
        "kind": DocumentKind.MINUTES,
        "issuer": cw.kg.province,
        "council": cw.council,
        "subject": SUBJECT,
        "place_name": "Kiên Giang",
        "issued_on": dt.date(2021, 5, 6),
        "symbol": "05/BB-LĐLĐ",
        "recipients": "Ban Thường vụ LĐLĐ tỉnh\nCác thành viên Hội đồng",
        "sign_mode": "",
        "sign_body": "",
        "signer_title": "CHỦ TỊCH HỘI ĐỒNG",
        "signer_name": "Trần Thanh Việt",
        "created_at": dt.datetime(2021, 5, 6, 11, 0, tzinfo=VN),
        **extra,
    }
    return OfficialDocument.objects.create(**data)


@pytest.fixture
def voted(council: CouncilWorld) -> CouncilWorld:
    """Five of six present; 4 for, 1 abstaining: exactly 2/3 of all six members agree."""
    _vote(council, _slate(council), in_favour=4, against=0, abstain=1,
          note="Đề nghị cấp trên quan tâm nhân rộng sáng kiến đạt giải")  # fmt: skip
    return council


def _texts(data: bytes) -> list[str]:
    return [p.text for p in all_paragraphs(open_docx(data))]


def _after(texts: list[str], first: str, count: int) -> list[str]:
    start = texts.index(first)
    return texts[start : start + count]


def test_the_minutes_follow_the_decree_layout(voted):
    doc = open_docx(MinutesGenerator(_minutes(voted)).docx())

    assert_decree_page(doc)
    assert_decree_heading(
        doc,
        parent="TỔNG LĐLĐ VIỆT NAM",
        issuer="LIÊN ĐOÀN LAO ĐỘNG TỈNH KIÊN GIANG",
        number="05/BB-LĐLĐ",
        place_date="Kiên Giang, ngày 06 tháng 5 năm 2021",
    )
    for line in ("BIÊN BẢN", SUBJECT):
        p = paragraph(doc, line)
        assert looks(p, 14, bold=True) and p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for heading in ("I. THÀNH PHẦN", "II. NỘI DUNG", "III. KẾT QUẢ BIỂU QUYẾT"):
        assert looks(paragraph(doc, heading), 14, bold=True)


def test_the_minutes_say_when_where_and_who_sat_by_role(voted):
    texts = _texts(MinutesGenerator(_minutes(voted)).docx())

    assert (
        "Hôm nay, vào hồi 09h00' ngày 06 tháng 5 năm 2021, tại Hội trường Liên đoàn Lao động "
        "tỉnh Kiên Giang, Hội đồng xét duyệt sáng kiến cấp tỉnh (thành lập theo Quyết định số "
        "45/QĐ-LĐLĐ ngày 20 tháng 4 năm 2021) họp xét duyệt các sáng kiến tham gia “75 nghìn "
        "sáng kiến, vượt khó, phát triển”, cấp LĐLĐ tỉnh."
    ) in texts
    # Chair, vice-chair, secretary, then members by given name (Phước before Tâm).
    assert _after(texts, "1. Thành viên Hội đồng có mặt: 5/6 thành viên, gồm:", 6)[1:] == [
        "- Chủ tịch Hội đồng: đồng chí Trần Thanh Việt, Phó Chủ tịch LĐLĐ tỉnh;",
        "- Phó Chủ tịch Hội đồng: đồng chí Đoàn Minh Khoa, Trưởng Ban Tuyên giáo LĐLĐ tỉnh;",
        "- Thư ký Hội đồng: đồng chí Nguyễn Thị Thu, Phó Trưởng Ban Chính sách – Pháp luật "
        "LĐLĐ tỉnh;",
        "- Ủy viên: đồng chí Châu Văn Phước, Giáo viên, Công đoàn ngành Giáo dục;",
        "- Ủy viên: đồng chí Huỳnh Văn Tâm, Chủ tịch CĐ Công ty Cấp thoát nước Kiên Giang.",
    ]
    assert _after(texts, "2. Thành viên vắng mặt: 1 thành viên, gồm:", 2)[1:] == [
        "- Ủy viên: đồng chí Lâm Thị Hoa, Kỹ sư, LĐLĐ thành phố Rạch Giá."
    ]
    assert (
        "3. Chủ trì: đồng chí Trần Thanh Việt, Chủ tịch Hội đồng. Thư ký: đồng chí Nguyễn Thị "
        "Thu, Thư ký Hội đồng."
    ) in texts


def test_the_minutes_state_the_rubric_and_how_the_scores_were_put_together(voted):
    texts = _texts(MinutesGenerator(_minutes(voted)).docx())

    start = "Hội đồng chấm điểm theo bộ tiêu chí “Đà Nẵng – QĐ 465/QĐ-SGDĐT (ngành giáo dục)”, "
    assert _after(texts, start + "gồm 3 tiêu chí, tổng điểm tối đa 100 điểm:", 5)[1:] == [
        "- Tính mới: tối đa 40 điểm, tối thiểu 10 điểm;",
        "- Khả năng áp dụng: tối đa 30 điểm, tối thiểu 10 điểm;",
        "- Hiệu quả (lợi ích): tối đa 30 điểm, tối thiểu 10 điểm.",
        "Tổng điểm của một phiếu chấm là tổng điểm các tiêu chí (tối đa 100 điểm). Sáng kiến "
        "đạt yêu cầu khi tổng điểm từ 50 điểm trở lên và điểm mỗi tiêu chí không thấp hơn "
        "mức tối thiểu.",
    ]
    assert (
        "Xếp loại: loại A từ 85 điểm (Tính mới từ 30 điểm); loại B từ 70 điểm (Tính mới từ 20 "
        "điểm); loại C từ 50 điểm (Tính mới từ 10 điểm)."
    ) in texts
    assert (
        "Mỗi sáng kiến do 2 thành viên Hội đồng chấm độc lập; Hội đồng đã nhận 10 phiếu chấm. "
        "Điểm của mỗi sáng kiến là trung bình cộng tổng điểm các phiếu chấm. Để thành viên chấm "
        "chặt hay chấm rộng không làm lệch kết quả, điểm của mỗi phiếu được hiệu chỉnh bằng cách "
        "trừ độ lệch riêng của thành viên chấm so với mặt bằng chung của Hội đồng trước khi "
        "tổng hợp."
    ) in texts
    assert (
        "Hội đồng xếp hạng theo điểm đã hiệu chỉnh; các sáng kiến bằng điểm được xếp theo thứ tự "
        "ưu tiên: giá trị làm lợi cao hơn, nộp sớm hơn."
    ) in texts


def test_the_results_table_lists_every_initiative_as_the_slate_ranked_it(voted):
    slate = voted.council.slates.get()
    doc = open_docx(MinutesGenerator(_minutes(voted)).docx())

    assert repeated_header_tables(doc) == 1
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Hạng")
    assert [c.text for c in table.rows[0].cells] == HEADERS
    expected = []
    for line in slate.lines.order_by("rank", "id"):
        authors = ", ".join(a.person.full_name for a in line.initiative.authorships.all())
        expected.append([
            str(line.rank), line.initiative.title, authors, line.initiative.unit.name,
            format_points(line.raw), format_points(line.corrected), line.grade,
            {"nhat": "Nhất", "nhi": "Nhì", "": ""}[line.prize],
            ("Có (*)" if line.top else "Có") if line.selected else "Không",
        ])  # fmt: skip
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == expected
    # The harsh member's sheets moved raw and corrected scores apart.
    assert any(row[4] != row[5] for row in expected)
    # Authors in the order the initiative declares them (main author first).
    pump = next(row for row in expected if row[1] == "Biến tần cho bơm tăng áp")
    assert pump[2] == "Trần Văn Hải, Lê Thị Mai"


def test_the_minutes_count_what_was_scored_proposed_and_awarded(voted):
    slate = voted.council.slates.get()
    selected = slate.lines.filter(selected=True).count()
    texts = _texts(MinutesGenerator(_minutes(voted)).docx())

    assert (
        f"Hội đồng xét 5 sáng kiến, trong đó 5 sáng kiến đã được chấm và 5 sáng kiến đạt yêu "
        f"cầu. Hội đồng đề xuất chọn {selected} sáng kiến, trao 1 Giải Nhất, 1 Giải Nhì; đề "
        f"nghị cấp trên xét 1 sáng kiến có giá trị làm lợi cao nhất. Kết quả cụ thể như sau:"
    ) in texts
    assert "(*) Sáng kiến đề nghị cấp trên xét." in texts


def test_the_vote_is_recorded_with_counts_percentages_and_the_threshold(voted):
    texts = _texts(MinutesGenerator(_minutes(voted)).docx())

    assert _after(
        texts,
        "Hội đồng biểu quyết đề xuất kết quả xét duyệt nêu trên bằng hình "
        "thức giơ tay; số thành viên có mặt: 5/6. Kết quả:",
        6,
    )[1:] == [
        "- Đồng ý: 4/6 thành viên, đạt 66,67% tổng số thành viên Hội đồng;",
        "- Không đồng ý: 0/6 thành viên, chiếm 0%;",
        "- Không biểu quyết: 1/6 thành viên, chiếm 16,67%.",
        "Đề xuất được thông qua khi có từ 2/3 tổng số thành viên Hội đồng đồng ý. Như vậy, đề "
        "xuất kết quả xét duyệt đã được Hội đồng thông qua.",
        "Ý kiến khác: Đề nghị cấp trên quan tâm nhân rộng sáng kiến đạt giải.",
    ]
    assert (
        "Cuộc họp kết thúc vào hồi …… giờ …… cùng ngày; biên bản đã được đọc lại trước Hội đồng "
        "và được các thành viên có mặt nhất trí thông qua./."
    ) in texts


def test_a_vote_below_two_thirds_is_recorded_as_not_passed(council):
    _vote(council, _slate(council), in_favour=3, against=2, present=_seats(council))

    texts = _texts(MinutesGenerator(_minutes(council)).docx())

    assert "- Đồng ý: 3/6 thành viên, đạt 50% tổng số thành viên Hội đồng;" in texts
    assert "- Không đồng ý: 2/6 thành viên, chiếm 33,33%;" in texts
    assert (
        "Đề xuất được thông qua khi có từ 2/3 tổng số thành viên Hội đồng đồng ý. Như vậy, đề "
        "xuất kết quả xét duyệt chưa được thông qua do chưa đạt 2/3 tổng số thành viên Hội đồng "
        "đồng ý."
    ) in texts
    assert "2. Thành viên vắng mặt: không." in texts
    assert "Ý kiến khác: không có." in texts


def test_the_minutes_use_the_latest_slate_voted_on(council):
    first = _slate(council)
    _vote(council, first, in_favour=3, against=2, present=_seats(council))
    second = _slate(council)  # proposed again after the failed vote, not voted on yet

    before = _texts(MinutesGenerator(_minutes(council)).docx())
    _vote(council, second, in_favour=5, against=1, present=_seats(council))
    after = _texts(MinutesGenerator(_minutes(council)).docx())

    assert "- Đồng ý: 3/6 thành viên, đạt 50% tổng số thành viên Hội đồng;" in before
    assert "- Đồng ý: 5/6 thành viên, đạt 83,33% tổng số thành viên Hội đồng;" in after


def test_the_councils_amendments_are_recorded_with_their_reasons(council):
    slate = _slate(council)
    first = slate.lines.select_related("initiative").get(rank=1)
    services.slate_amend(actor=None, line=first, selected=False, prize="",
                         reason="Trùng với sáng kiến năm 2020.")  # fmt: skip
    _vote(council, slate, in_favour=5, against=0)

    texts = _texts(MinutesGenerator(_minutes(council)).docx())

    assert _after(texts, "Hội đồng điều chỉnh so với đề xuất ban đầu:", 2)[1] == (
        f"- “{first.initiative.title}”: đưa ra khỏi danh sách đề xuất, không trao Giải Nhất; "
        "lý do: Trùng với sáng kiến năm 2020."
    )


def test_before_the_vote_the_minutes_say_it_is_still_to_be_held(council):
    _slate(council)

    texts = _texts(MinutesGenerator(_minutes(council)).docx())

    assert texts[texts.index("I. THÀNH PHẦN") - 1].startswith(
        "Hôm nay, vào hồi …… giờ …… ngày …… tháng …… năm ……, tại ………………, Hội đồng xét duyệt"
    )
    assert "1. Thành viên Hội đồng: 6 thành viên, gồm:" in texts
    assert "- Ủy viên: đồng chí Lâm Thị Hoa, Kỹ sư, LĐLĐ thành phố Rạch Giá;" in texts
    assert (
        "Hội đồng chưa biểu quyết đề xuất kết quả xét duyệt nêu trên. Đề xuất được thông qua "
        "khi có từ 2/3 tổng số thành viên Hội đồng đồng ý."
    ) in texts
    assert not any(text.startswith("- Đồng ý:") for text in texts)


def test_without_a_slate_the_minutes_cannot_be_written(council):
    with pytest.raises(DocumentError, match="chưa có đề xuất kết quả xét duyệt"):
        MinutesGenerator(_minutes(council)).docx()


def test_the_secretary_and_the_chair_sign_side_by_side_with_recipients_below(voted):
    data = MinutesGenerator(_minutes(voted)).docx()

    doc = open_docx(data)
    assert_signature(doc, mode="", title="CHỦ TỊCH HỘI ĐỒNG", name="Trần Thanh Việt",
                     recipients=False)  # fmt: skip
    signatures = doc.tables[-1]
    left, right = signatures.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == ["THƯ KÝ", "Nguyễn Thị Thu"]
    assert [p.text for p in right.paragraphs if p.text] == ["CHỦ TỊCH HỘI ĐỒNG", "Trần Thanh Việt"]
    assert all(looks(p, 14, bold=True) for p in [*left.paragraphs, *right.paragraphs] if p.text)
    assert signatures._tbl.xpath("./w:tblPr/w:tblBorders/w:insideV/@w:val") == ["nil"]
    texts = _texts(data)
    assert texts[-4:] == [
        "Nơi nhận:",
        "- Ban Thường vụ LĐLĐ tỉnh;",
        "- Các thành viên Hội đồng;",
        "- Lưu: VT, Hồ sơ.",
    ]
    assert looks(paragraph(doc, "Nơi nhận:"), 12, bold=True, italic=True)
    assert looks(paragraph(doc, "- Lưu: VT, Hồ sơ."), 11)


def test_the_vice_chair_presides_and_signs_when_the_chair_is_away(council):
    present = [s for s in _seats(council) if s != council.chair]
    _vote(council, _slate(council), in_favour=4, against=0, present=present)

    data = MinutesGenerator(_minutes(council)).docx()

    right = open_docx(data).tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs if p.text] == ["PHÓ CHỦ TỊCH HỘI ĐỒNG",
                                                          "Đoàn Minh Khoa"]  # fmt: skip
    assert (
        "3. Chủ trì: đồng chí Đoàn Minh Khoa, Phó Chủ tịch Hội đồng. Thư ký: đồng chí Nguyễn "
        "Thị Thu, Thư ký Hội đồng."
    ) in _texts(data)


def test_a_draft_leaves_number_and_day_blank(voted):
    text = text_of(MinutesGenerator(_minutes(voted, symbol="", issued_on=None)).docx())

    assert "Số:       /BB-LĐLĐ" in text
    assert "Kiên Giang, ngày      tháng      năm 2021" in text


def test_the_pdf_renders_the_minutes(voted):
    pages, first, pngs = pdf_pages(MinutesGenerator(_minutes(voted)).pdf())

    assert pages == pngs == 3
    assert "BIÊN BẢN" in first
    assert "Hôm nay, vào hồi 09h00' ngày 06 tháng 5 năm 2021" in " ".join(first.split())


def test_the_builtin_template_uses_only_the_placeholders_it_offers():
    assert template_problems(MinutesGenerator.builtin(), MinutesGenerator) == []
