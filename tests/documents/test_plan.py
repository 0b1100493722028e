"""Kế hoạch 35/KH-LĐLĐ (seed 000) written again from An Lão's data: the conference, its
cycle, the district's register and signer. Every fact of the plan is checked, and the
decree's layout rules."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.awards.conftest import AnLao, al, catalogue  # noqa: F401
from tests.documents.docx_checks import (
    all_paragraphs,
    assert_decree_heading,
    assert_decree_page,
    assert_signature,
    looks,
    open_docx,
    paragraph,
    pdf_pages,
    text_of,
)
from thidua.documents import services
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.plan import PlanGenerator
from thidua.documents.models import OfficialDocument
from thidua.documents.register import register_continue
from thidua.events import services as events
from thidua.orgs.demo import events as seed

SUBJECT = (
    "Tổ chức Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu "
    "năm 2023"
)
RECIPIENTS = (
    "Thường trực, các Ban LĐLĐ thành phố;\nThường trực HU, HĐND, UBND huyện;\nCác CĐCS trực thuộc;"
)


def _plan(al: AnLao, *, issue: bool = True) -> OfficialDocument:
    event = events.event_create(
        actor=al.officer,
        organiser=al.district,
        cycle=al.cycle,
        data={
            "title": seed.AL_EVENT_TITLE,
            "starts_at": seed.AL_EVENT_STARTS,
            "place": seed.AL_EVENT_PLACE,
            "basis": seed.AL_BASIS,
            "purposes": "\n".join(seed.AL_PURPOSES),
            "contents": "\n".join(seed.AL_CONTENTS),
            "honourees": "\n".join(seed.AL_HONOUREES),
            "tasks": "\n".join(seed.AL_TASKS),
        },
        guest_groups=seed.AL_GUEST_GROUPS,
        now=seed.AL_PLAN_DAY,
    )
    document = services.document_create(actor=al.officer, kind=DocumentKind.PLAN, obj=event)
    document = services.document_update(
        actor=al.officer,
        document=document,
        data={"recipients": RECIPIENTS, "signer_name": "Phạm Thị Nga"},
    )
    if issue:
        register_continue(actor=al.officer, issuer=al.district, type_code="KH", year=2024,
                          last_number=34)  # fmt: skip
        document = services.document_issue(
            actor=al.officer, document=document, issued_on=dt.date(2024, 6, 12),
            now=seed.AL_PLAN_DAY,
        )  # fmt: skip
    return document


def test_the_plan_is_drafted_from_the_conference_with_its_subject_and_signer(al: AnLao):
    document = _plan(al, issue=False)

    assert document.subject == SUBJECT
    assert (document.sign_mode, document.sign_body, document.signer_title) == (
        "TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH",
    )  # fmt: skip
    assert document.issuer == al.district


def test_the_plan_takes_number_35_from_the_districts_register(al: AnLao):
    document = _plan(al)

    assert document.symbol == "35/KH-LĐLĐ"
    assert document.register_entry.subject.startswith("Kế hoạch Tổ chức Hội nghị biểu dương")


def test_the_generated_plan_carries_the_facts_of_seed_000(al: AnLao):
    text = text_of(PlanGenerator(_plan(al)).docx())

    for fact in [
        "Số: 35/KH-LĐLĐ",
        "An Lão, ngày 12 tháng 6 năm 2024",
        "KẾ HOẠCH",
        SUBJECT,
        seed.AL_BASIS,
        "I. MỤC ĐÍCH, YÊU CẦU",
        *[f"- {purpose}" for purpose in seed.AL_PURPOSES],
        "II. NỘI DUNG",
        f"1. {seed.AL_CONTENTS[0]}",
        "III. THÀNH PHẦN ĐẠI BIỂU",
        "1. Đại biểu được biểu dương, khen thưởng trao tại Hội nghị:",
        "2. Đại biểu khách mời:",
        "- Các đồng chí Chủ tịch công đoàn cơ sở;",
        "- Phóng viên: Đài Phát thanh và Truyền hình Hải Phòng, Trung tâm VH TT & TT huyện.",
        "IV. THỜI GIAN, ĐỊA ĐIỂM",
        "1. Thời gian: từ 14h00' ngày 23 tháng 7 năm 2024 (thứ ba).",
        "2. Địa điểm: Hội trường Huyện ủy.",
        "V. TỔ CHỨC THỰC HIỆN",
        "trước ngày 13/7/2024",
        "Trên đây là kế hoạch tổ chức Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán "
        "bộ công đoàn tiêu biểu năm 2023; đề nghị các đơn vị nghiêm túc triển khai thực hiện",
        "- Thường trực, các Ban LĐLĐ thành phố;",
        "- Thường trực HU, HĐND, UBND huyện;",
        "- Các CĐCS trực thuộc;",
        "- Lưu: VT.",
        "TM. BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Phạm Thị Nga",
    ]:
        assert fact in text, fact


def test_the_plan_follows_the_decree_layout(al: AnLao):
    doc = open_docx(PlanGenerator(_plan(al)).docx())

    assert_decree_page(doc)
    assert_decree_heading(
        doc,
        parent="LĐLĐ THÀNH PHỐ HẢI PHÒNG",
        issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN AN LÃO",
        number="35/KH-LĐLĐ",
        place_date="An Lão, ngày 12 tháng 6 năm 2024",
    )
    assert looks(paragraph(doc, "KẾ HOẠCH"), 14, bold=True)
    assert looks(paragraph(doc, SUBJECT), 14, bold=True)
    body = paragraph(doc, seed.AL_BASIS)
    assert looks(body, 14) and body.paragraph_format.first_line_indent is not None
    assert looks(paragraph(doc, "I. MỤC ĐÍCH, YÊU CẦU"), 14, bold=True)
    assert_signature(doc, mode="TM. BAN THƯỜNG VỤ", title="CHỦ TỊCH", name="Phạm Thị Nga")
    # Sections come in the seed's order.
    texts = [p.text for p in all_paragraphs(doc)]
    headings = [t for t in texts if t.split(".")[0] in {"I", "II", "III", "IV", "V"}]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. THÀNH PHẦN ĐẠI BIỂU",
        "IV. THỜI GIAN, ĐỊA ĐIỂM", "V. TỔ CHỨC THỰC HIỆN",
    ]  # fmt: skip


def test_a_registered_plan_is_not_edited_and_its_number_is_not_taken_again(al: AnLao):
    from django.core.exceptions import ValidationError

    document = _plan(al)

    with pytest.raises(ValidationError, match="đã ban hành"):
        services.document_update(actor=al.officer, document=document, data={"subject": "Khác"})
    with pytest.raises(ValidationError, match="đã được cấp số"):
        services.document_issue(actor=al.officer, document=document,
                                issued_on=dt.date(2024, 6, 13))  # fmt: skip


def test_the_plan_renders_to_pdf_with_its_heading_on_page_one(al: AnLao):
    pages, first, pngs = pdf_pages(PlanGenerator(_plan(al)).pdf())

    assert pages == pngs == 2
    assert "35/KH-LĐLĐ" in first and "KẾ HOẠCH" in first
    assert "An Lão, ngày 12 tháng 6 năm 2024" in first
