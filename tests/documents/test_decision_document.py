"""The Quyết định khen thưởng as a document: the decree's layout, the decision's own number,
date and signer, its articles, and the attached list grouped by award and group, names in
Vietnamese order, amounts in figures and words."""

from __future__ import annotations

import pytest

from tests.awards.conftest import BEFORE, SIGNING, AnLao, al, catalogue, nominate  # noqa: F401
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
from thidua.awards.models import Award, Decision
from thidua.awards.services import decisions, nominations
from thidua.documents.kinds.decision import DecisionGenerator


def _signed(al: AnLao, *, amount: int | None = 500_000) -> Decision:
    people = []
    for order, person in ((4, al.worker), (4, al.engineer), (5, al.chair)):
        nomination = nominate(al, order, person)
        nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
        people.append(
            nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
        )
    decision = decisions.decision_create(
        actor=al.officer,
        issuer=al.district,
        data={
            "award": Award.objects.get(code="giay-khen"),
            "cycle": al.cycle,
            "default_amount": amount,
            "basis": "Căn cứ Điều lệ Công đoàn Việt Nam\nXét đề nghị của Ban Tổ chức",
        },
    )
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=people)
    return decisions.decision_sign(
        actor=al.leader,
        decision=decision,
        signed_on=SIGNING.date(),
        signer_name="Phạm Thị Nga",
        now=SIGNING,
    )


def test_the_decision_is_laid_out_as_the_decree_says(al: AnLao):
    decision = _signed(al)

    doc = open_docx(DecisionGenerator(decision).docx())

    assert_decree_page(doc)
    assert_decree_heading(
        doc,
        parent="LĐLĐ THÀNH PHỐ HẢI PHÒNG",
        issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN AN LÃO",
        number="01/QĐ-LĐLĐ",
        place_date="An Lão, ngày 18 tháng 7 năm 2024",
    )
    assert looks(paragraph(doc, "QUYẾT ĐỊNH"), 14, bold=True)
    assert looks(paragraph(doc, decision.subject), 14, bold=True)
    assert_signature(doc, mode="TM. BAN THƯỜNG VỤ", title="CHỦ TỊCH", name="Phạm Thị Nga")


def test_the_decision_says_who_gets_what_in_its_articles_and_list(al: AnLao):
    decision = _signed(al)

    text = text_of(DecisionGenerator(decision).docx())

    assert "Căn cứ Điều lệ Công đoàn Việt Nam;" in text
    assert "Xét đề nghị của Ban Tổ chức," in text
    assert "Điều 1. Tặng Giấy khen cho 3 cá nhân đã có thành tích xuất sắc" in text
    assert "tiền thưởng 500.000 đồng (Năm trăm nghìn đồng)" in text
    assert "Tổng số tiền thưởng là 1.500.000 đồng (Một triệu năm trăm nghìn đồng)" in text
    assert "Kèm theo Quyết định số 01/QĐ-LĐLĐ ngày 18/07/2024" in text


def test_the_list_is_grouped_and_sorted_by_given_name_with_a_header_on_every_page(al: AnLao):
    decision = _signed(al)

    doc = open_docx(DecisionGenerator(decision).docx())

    assert repeated_header_tables(doc) == 1
    (table,) = doc.tables[-1:]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    names = [row[1] for row in rows[1:] if row[0].isdigit()]
    group_of = {al.worker.full_name: 4, al.engineer.full_name: 4, al.chair.full_name: 5}
    fours = [name for name in names if group_of[name] == 4]
    from thidua.common.vietnamese import name_sort_key

    assert fours == sorted(fours, key=name_sort_key)
    assert [row[0] for row in rows[1:] if row[0].isdigit()] == ["1", "2", "3"]
    assert any(row[0] == row[-1] and row[0] for row in rows[1:])  # a merged group title row


def test_a_draft_decision_leaves_number_and_date_to_be_written(al: AnLao):
    decision = decisions.decision_create(
        actor=al.officer,
        issuer=al.district,
        data={"award": Award.objects.get(code="giay-khen"), "cycle": al.cycle},
    )

    text = text_of(DecisionGenerator(decision).docx())

    assert "Số:       /QĐ-LĐLĐ" in text
    assert "ngày      tháng      năm" in text


@pytest.mark.django_db
def test_the_decision_converts_to_a_two_page_pdf(al: AnLao):
    decision = _signed(al)

    pages, first, pngs = pdf_pages(DecisionGenerator(decision).pdf())

    assert pages == pngs >= 2
    assert "QUYẾT ĐỊNH" in first and "01/QĐ-LĐLĐ" in first
