"""The Tờ trình by which An Lão's federation proposes to the city the awards it cannot give
itself: the decree's layout, the cycle's counts, only accepted dossiers whose award is out of
the issuer's reach, grouped by award and category with names in Vietnamese order, the
initiatives' benefit in figures and words, and a draft with its number left blank."""

from __future__ import annotations

import datetime as dt

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.awards.conftest import BEFORE, VN, AnLao, al, nominate  # noqa: F401
from tests.documents.docx_checks import (
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
from tests.factories import make_person
from thidua.awards.models import Award, Nomination
from thidua.awards.services import cycles, nominations
from thidua.common.vietnamese import name_sort_key
from thidua.documents.base import template_problems
from thidua.documents.enums import DocumentKind, DocumentStatus
from thidua.documents.kinds.proposal import ProposalGenerator
from thidua.documents.models import OfficialDocument
from thidua.events.models import Event

SUBJECT = "Về việc đề nghị tặng Bằng Lao động sáng tạo, Bằng khen năm 2023"
ADDRESSEE = "Ban Thường vụ Liên đoàn Lao động thành phố Hải Phòng"
BANG_KHEN = "Cá nhân, tập thể tiêu biểu đề nghị Liên đoàn Lao động thành phố tặng Bằng khen"


def _accepted(nomination: Nomination, al: AnLao) -> Nomination:
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    return nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)


def _dossiers(al: AnLao) -> None:
    """Six dossiers from two unions: two for the Bằng Lao động sáng tạo (the Tổng Liên đoàn's)
    and a person and a collective for the city's Bằng khen, all accepted; a Giấy khen the
    district gives itself, accepted; and one it refused."""
    city_category = cycles.category_save(
        actor=al.officer,
        cycle=al.cycle,
        data={
            "order": 6,
            "name": BANG_KHEN,
            "recipient": "both",
            "award": Award.objects.get(code="bang-khen-ldld-tinh"),
            "achievement_fields": [],
            "required_documents": [],
        },
    )
    # Created Toàn before Lan: the list must still read Lan (L) before Toàn (T).
    _accepted(
        nominate(
            al, 1, al.worker, initiative=al.cheap, benefit_three_years=130_000_000,
            actor=al.officer, override_reason="Giá trị làm lợi 3 năm đã được xác nhận.",
            summary="Tổ trưởng tổ cơ điện, nhiều năm liền hoàn thành xuất sắc nhiệm vụ",
        ),
        al,
    )  # fmt: skip
    _accepted(nominate(al, 1, al.engineer, initiative=al.rich), al)
    _accepted(
        nominations.nomination_create(
            actor=None, category=city_category, unit=al.school, now=BEFORE,
            data={"person": al.teacher, "summary": "Giáo viên dạy giỏi cấp thành phố."},
        ),
        al,
    )  # fmt: skip
    _accepted(
        nominations.nomination_create(
            actor=None, category=city_category, unit=al.school, now=BEFORE,
            data={"collective": al.school, "collective_name": "Công đoàn Trường THPT An Lão",
                  "summary": "Công đoàn cơ sở vững mạnh xuất sắc."},
        ),
        al,
    )  # fmt: skip
    _accepted(nominate(al, 4, make_person("Đỗ Thị Hoa", unit=al.school, gender="nu")), al)
    refused = nominate(al, 4, make_person("Vũ Văn Quang", unit=al.cokhi))
    nominations.nomination_submit(actor=None, nomination=refused, now=BEFORE)
    nominations.nomination_reject(actor=al.officer, nomination=refused, reason="Chưa đủ tiêu chuẩn")


def _proposal(al: AnLao, **changes: object) -> OfficialDocument:
    data: dict[str, object] = {
        "kind": DocumentKind.PROPOSAL,
        "issuer": al.district,
        "cycle": al.cycle,
        "subject": SUBJECT,
        "addressee": ADDRESSEE,
        "place_name": "An Lão",
        "issued_on": dt.date(2024, 7, 18),
        "symbol": "15/TTr-LĐLĐ",
        "status": DocumentStatus.ISSUED,
        "recipients": "Như trên\nThường trực LĐLĐ huyện",
        "sign_mode": "TM.",
        "sign_body": "BAN THƯỜNG VỤ",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Phạm Thị Nga",
    }
    data.update(changes)
    return OfficialDocument.objects.create(**data)


def test_the_proposal_is_laid_out_as_the_decree_says(al: AnLao):
    _dossiers(al)

    doc = open_docx(ProposalGenerator(_proposal(al)).docx())

    assert_decree_page(doc)
    assert_decree_heading(
        doc,
        parent="LĐLĐ THÀNH PHỐ HẢI PHÒNG",
        issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN AN LÃO",
        number="15/TTr-LĐLĐ",
        place_date="An Lão, ngày 18 tháng 7 năm 2024",
    )
    for line in ("TỜ TRÌNH", SUBJECT):
        title = paragraph(doc, line)
        assert looks(title, 14, bold=True)
        assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    addressee = paragraph(doc, f"Kính gửi: {ADDRESSEE}.")
    assert looks(addressee, 14) and addressee.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_signature(doc, mode="TM. BAN THƯỜNG VỤ", title="CHỦ TỊCH", name="Phạm Thị Nga")
    assert paragraph(doc, "- Như trên;") and paragraph(doc, "- Thường trực LĐLĐ huyện;")


def test_the_proposal_counts_the_dossiers_and_proposes_only_what_the_issuer_cannot_give(
    al: AnLao,
):
    _dossiers(al)
    event = Event.objects.create(
        organiser=al.district,
        title="Hội nghị biểu dương Lao động sáng tạo năm 2023",
        starts_at=dt.datetime(2024, 7, 23, 14, 0, tzinfo=VN),
        place="Hội trường Huyện ủy",
    )
    event.cycles.add(al.cycle)
    _proposal(
        al,
        kind=DocumentKind.PLAN,
        cycle=None,
        event=event,
        symbol="35/KH-LĐLĐ",
        issued_on=dt.date(2024, 6, 12),
        subject="Tổ chức Hội nghị biểu dương Lao động sáng tạo năm 2023",
    )

    text = text_of(ProposalGenerator(_proposal(al)).docx())

    assert "Căn cứ Luật Thi đua, khen thưởng năm 2022;" in text
    assert "Căn cứ QĐ 1564/QĐ-TLĐ, Điều 16;" in text  # the Bằng LĐST's rules
    assert "Căn cứ Quy chế khen thưởng của tổ chức Công đoàn;" in text  # the Bằng khen's
    assert (
        "Căn cứ Kế hoạch số 35/KH-LĐLĐ ngày 12/06/2024 của Liên đoàn Lao động huyện An Lão "
        "về tổ chức Hội nghị biểu dương Lao động sáng tạo năm 2023;"
    ) in text
    assert (
        f"Thực hiện đợt xét khen thưởng “{al.cycle.name}”, Liên đoàn Lao động huyện An Lão đã "
        "tiếp nhận 6 hồ sơ đề nghị khen thưởng của 2 đơn vị; qua thẩm định, 5 hồ sơ đủ điều "
        "kiện, tiêu chuẩn theo quy định."
    ) in text
    assert (
        f"Liên đoàn Lao động huyện An Lão kính trình {ADDRESSEE} xem xét, đề nghị khen thưởng "
        "3 cá nhân và 1 tập thể có thành tích xuất sắc, cụ thể:"
    ) in text
    assert "- Tặng Bằng Lao động sáng tạo cho 2 cá nhân;" in text
    assert (
        "- Tặng Bằng khen của Liên đoàn Lao động thành phố Hải Phòng cho 1 cá nhân và 1 tập thể."
    ) in text
    # 180 and 65 million a year: the two initiatives of the Bằng LĐST dossiers.
    assert (
        "Tổng giá trị làm lợi của các sáng kiến được đề nghị là 245.000.000 đồng "
        "(Hai trăm bốn mươi lăm triệu đồng)."
    ) in text
    assert (
        "(Kèm theo Tờ trình số 15/TTr-LĐLĐ ngày 18/07/2024 của Liên đoàn Lao động huyện An Lão)"
    ) in text
    assert "Đỗ Thị Hoa" not in text  # her Giấy khen is the district's own to give
    assert "Vũ Văn Quang" not in text  # refused


def test_the_list_is_grouped_by_award_then_category_with_names_in_vietnamese_order(al: AnLao):
    _dossiers(al)

    doc = open_docx(ProposalGenerator(_proposal(al)).docx())

    assert repeated_header_tables(doc) == 2  # one list per award
    lst, bang_khen = doc.tables[-2:]
    rows = [[cell.text for cell in row.cells] for row in lst.rows]
    assert rows[0] == ["STT", "Họ và tên, tên tập thể", "Chức vụ, đơn vị", "Tóm tắt thành tích"]
    assert rows[1][0] == rows[1][-1] == al.category(1).name  # the category's title row
    people = [row for row in rows[2:] if row[0].isdigit()]
    names = [row[1] for row in people]
    assert names == ["Nguyễn Thị Lan", "Bùi Văn Toàn"]
    assert names == sorted(names, key=name_sort_key)
    assert [row[0] for row in people] == ["1", "2"]
    assert people[0][2] == "Kỹ sư, Công đoàn Công ty TNHH Cơ khí An Lão"
    assert people[1][3] == (
        "Tổ trưởng tổ cơ điện, nhiều năm liền hoàn thành xuất sắc nhiệm vụ. Sáng kiến “Cải "
        "tiến đồ gá hàn khung xe”, giá trị làm lợi 65.000.000 đồng/năm. Giá trị làm lợi 3 năm "
        "liên tiếp: 130.000.000 đồng."
    )
    rows = [[cell.text for cell in row.cells] for row in bang_khen.rows]
    assert rows[1][0] == BANG_KHEN
    assert [row[1] for row in rows[2:]] == ["Trần Văn Bình", "Công đoàn Trường THPT An Lão"]
    text = text_of(ProposalGenerator(_proposal(al)).docx())
    assert "I. ĐỀ NGHỊ TẶNG BẰNG LAO ĐỘNG SÁNG TẠO (2 cá nhân)" in text
    assert (
        "II. ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG "
        "(1 cá nhân và 1 tập thể)"
    ) in text


def test_a_cycle_with_nothing_to_propose_says_so_in_one_sentence(al: AnLao):
    _accepted(nominate(al, 4, al.teacher), al)

    doc = open_docx(ProposalGenerator(_proposal(al)).docx())

    text = text_of(ProposalGenerator(_proposal(al)).docx())
    assert (
        "Trong đợt xét này, Liên đoàn Lao động huyện An Lão không có hồ sơ hợp lệ nào đề nghị "
        "hình thức khen thưởng thuộc thẩm quyền của cấp trên./."
    ) in text
    assert "DANH SÁCH" not in text and "Kính trình" not in text
    assert doc.tables[-1].rows[0].cells[0].text != "STT"  # no list, only the signature
    assert_signature(doc, mode="TM. BAN THƯỜNG VỤ", title="CHỦ TỊCH", name="Phạm Thị Nga")


def test_a_draft_proposal_leaves_number_and_date_to_be_written(al: AnLao):
    _dossiers(al)
    draft = _proposal(
        al, symbol="", issued_on=None, status=DocumentStatus.DRAFT, addressee="", recipients=""
    )

    text = text_of(ProposalGenerator(draft).docx())

    assert "Số:       /TTr-LĐLĐ" in text
    assert f"An Lão, ngày      tháng      năm {draft.created_at.year}" in text
    # With no addressee written, the parent's standing committee; with no recipients, "Như
    # trên" (the addressee).
    assert f"Kính gửi: {ADDRESSEE}." in text
    assert "- Như trên;" in text
    assert "(Kèm theo Tờ trình số       ngày …/…/… của Liên đoàn Lao động huyện An Lão)" in text


def test_the_template_uses_only_placeholders_an_uploaded_one_may_use():
    assert template_problems(ProposalGenerator.builtin(), ProposalGenerator) == []


@pytest.mark.django_db
def test_the_proposal_converts_to_a_pdf_with_its_list_on_a_later_page(al: AnLao):
    _dossiers(al)

    pages, first, pngs = pdf_pages(ProposalGenerator(_proposal(al)).pdf())

    assert pages == pngs >= 2
    assert "TỜ TRÌNH" in first and "15/TTr-LĐLĐ" in first
    assert "DANH SÁCH VÀ TÓM TẮT" not in first
