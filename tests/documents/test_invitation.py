"""Giấy mời to the An Lão honouring conference (23/7/2024), as Nghị định 30/2020 (mẫu 1.7)
lays it out: one page per guest, or per group, in one document under one number; each guest's
page with the QR code of their check-in and, once given, their link to answer; one guest's page
alone for the email that invites them."""

from __future__ import annotations

import datetime as dt

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.awards.conftest import VN, AnLao, al  # noqa: F401
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
from thidua.documents.base import DocumentError, template_problems
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.invitation import InvitationGenerator
from thidua.documents.models import OfficialDocument
from thidua.events.invitations import checkin_url, give_links, rsvp_token
from thidua.events.models import Event, Guest, GuestGroup

TITLE = "Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023"
PLACE = "Hội trường Trung tâm Chính trị huyện An Lão"
LEADERS = "Đại biểu Lãnh đạo Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân huyện"
CHAIRS = "Các đồng chí Chủ tịch công đoàn cơ sở"


@pytest.fixture
def event(al: AnLao) -> Event:
    """The conference with two groups of guests: three leaders (in protocol order, not by
    name) and two grassroots chairs."""
    event = Event.objects.create(
        organiser=al.district,
        title=TITLE,
        starts_at=dt.datetime(2024, 7, 23, 14, 0, tzinfo=VN),
        place=PLACE,
    )
    event.cycles.add(al.cycle)
    leaders = GuestGroup.objects.create(event=event, order=1, name=LEADERS + ";")
    chairs = GuestGroup.objects.create(event=event, order=2, name=CHAIRS + ".")
    for order, (name, position, unit) in enumerate(
        [
            ("Vũ Văn Sơn", "Phó Bí thư Thường trực", "Huyện ủy An Lão"),
            ("Nguyễn Văn Trung", "Chủ tịch", "Ủy ban nhân dân huyện An Lão"),
            ("Đặng Thị Ánh", "", "Hội đồng nhân dân huyện An Lão"),
        ],
        start=1,
    ):
        Guest.objects.create(group=leaders, order=order, name=name, position=position,
                             unit_name=unit)  # fmt: skip
    Guest.objects.create(group=chairs, order=1, name="Bùi Thị Hạnh", position="Chủ tịch",
                         unit_name="Công đoàn Trường THPT An Lão")  # fmt: skip
    Guest.objects.create(group=chairs, order=2, name="Lê Văn Tùng", position="Chủ tịch",
                         unit_name="Công đoàn Công ty TNHH Cơ khí An Lão")  # fmt: skip
    return event


def _invitation(al: AnLao, event: Event, **extra: object) -> OfficialDocument:
    data: dict[str, object] = {
        "kind": DocumentKind.INVITATION,
        "issuer": al.district,
        "event": event,
        "subject": "Dự Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn "
        "tiêu biểu năm 2023",
        "place_name": "An Lão",
        "issued_on": dt.date(2024, 7, 16),
        "symbol": "42/GM-LĐLĐ",
        "recipients": "Như trên\nThường trực LĐLĐ huyện",
        "sign_mode": "TM.",
        "sign_body": "BAN THƯỜNG VỤ",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Phạm Thị Nga",
        "created_at": dt.datetime(2024, 7, 15, 9, 0, tzinfo=VN),
        **extra,
    }
    return OfficialDocument.objects.create(**data)


def _addressees(data: bytes) -> list[str]:
    return [p.text for p in all_paragraphs(open_docx(data)) if p.text.startswith("Kính gửi:")]


def test_each_page_is_a_whole_invitation_in_the_decree_layout(al, event):
    data = InvitationGenerator(_invitation(al, event)).docx()

    doc = open_docx(data)
    assert_decree_page(doc)
    assert_decree_heading(
        doc,
        parent="LĐLĐ THÀNH PHỐ HẢI PHÒNG",
        issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN AN LÃO",
        number="42/GM-LĐLĐ",
        place_date="An Lão, ngày 16 tháng 7 năm 2024",
    )
    title = paragraph(doc, "GIẤY MỜI")
    assert looks(title, 14, bold=True) and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    subject = paragraph(doc, "Dự Hội nghị biểu dương Lao động sáng tạo…")
    assert looks(subject, 14, bold=True) and subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_signature(doc, mode="TM. BAN THƯỜNG VỤ", title="CHỦ TỊCH", name="Phạm Thị Nga")
    texts = [p.text for p in all_paragraphs(doc)]
    # Five guests, five pages: every block once a page, the same number on each.
    once_a_page = [
        "GIẤY MỜI",
        "Số: 42/GM-LĐLĐ",
        "An Lão, ngày 16 tháng 7 năm 2024",
        "Phạm Thị Nga",
        "- Như trên;",
        "- Thường trực LĐLĐ huyện;",
        "- Lưu: VT.",
    ]
    assert [texts.count(line) for line in once_a_page] == [5] * len(once_a_page)


def test_one_page_per_guest_in_the_plans_order_with_position_and_unit(al, event):
    data = InvitationGenerator(_invitation(al, event)).docx()

    assert _addressees(data) == [
        "Kính gửi: Ông/Bà Vũ Văn Sơn",
        "Kính gửi: Ông/Bà Nguyễn Văn Trung",
        "Kính gửi: Ông/Bà Đặng Thị Ánh",
        "Kính gửi: Ông/Bà Bùi Thị Hạnh",
        "Kính gửi: Ông/Bà Lê Văn Tùng",
    ]
    doc = open_docx(data)
    addressee = paragraph(doc, "Kính gửi: Ông/Bà Vũ Văn Sơn")
    assert [(r.text, bool(r.bold)) for r in addressee.runs] == [
        ("Kính gửi: ", False),
        ("Ông/Bà Vũ Văn Sơn", True),
    ]
    texts = [p.text for p in all_paragraphs(doc)]
    after = texts.index("Kính gửi: Ông/Bà Vũ Văn Sơn") + 1
    assert texts[after] == "Phó Bí thư Thường trực, Huyện ủy An Lão"
    assert looks(paragraph(doc, "Phó Bí thư Thường trực, Huyện ủy An Lão"), 14, italic=True)
    # A guest without a position: the unit alone.
    assert "Hội đồng nhân dân huyện An Lão" in texts


def test_the_invitation_says_who_invites_to_what_when_and_where(al, event):
    text = text_of(InvitationGenerator(_invitation(al, event)).docx())

    assert "Liên đoàn Lao động huyện An Lão trân trọng kính mời: Ông/Bà" in text
    assert f"Tới dự: {TITLE}." in text
    assert "Thời gian: 14h00' ngày 23 tháng 7 năm 2024 (thứ ba)." in text
    assert f"Địa điểm: {PLACE}." in text
    assert "Sự hiện diện của Ông/Bà góp phần vào thành công của Hội nghị./." in text


def test_pages_are_separated_by_page_breaks_with_none_after_the_last(al, event):
    doc = open_docx(InvitationGenerator(_invitation(al, event)).docx())

    body = doc.element.body
    assert len(body.xpath(".//w:br[@w:type='page']")) == 4
    last = body[-2] if body[-1].tag.endswith("}sectPr") else body[-1]
    assert last.xpath(".//w:br[@w:type='page']") == []


def test_one_group_only_when_the_document_names_it(al, event):
    chairs = event.guest_groups.get(order=2)

    data = InvitationGenerator(_invitation(al, event, guest_group=chairs)).docx()

    assert _addressees(data) == ["Kính gửi: Ông/Bà Bùi Thị Hạnh", "Kính gửi: Ông/Bà Lê Văn Tùng"]


def test_one_page_per_group_addressed_to_the_group(al, event):
    data = InvitationGenerator(_invitation(al, event, per_group=True)).docx()

    assert _addressees(data) == [f"Kính gửi: {LEADERS}", f"Kính gửi: {CHAIRS}"]
    text = text_of(data)
    assert "trân trọng kính mời: Quý đại biểu" in text
    assert "Sự hiện diện của Quý đại biểu góp phần vào thành công của Hội nghị./." in text


def test_an_event_without_guests_gives_one_page_with_a_blank_addressee(al):
    bare = Event.objects.create(organiser=al.district, title=TITLE, place=PLACE,
                                starts_at=dt.datetime(2024, 7, 23, 14, 0, tzinfo=VN))  # fmt: skip

    data = InvitationGenerator(_invitation(al, bare)).docx()

    assert _addressees(data) == ["Kính gửi: ……………………………………"]
    assert text_of(data).count("GIẤY MỜI") == 1


def test_a_draft_leaves_number_and_day_blank(al, event):
    draft = _invitation(al, event, symbol="", issued_on=None)

    text = text_of(InvitationGenerator(draft).docx())

    assert "Số:       /GM-LĐLĐ" in text
    assert "An Lão, ngày      tháng      năm 2024" in text


def test_the_subject_falls_back_to_the_conference(al, event):
    text = text_of(InvitationGenerator(_invitation(al, event, subject="")).docx())

    assert f"Dự {TITLE}" in text.splitlines()


def test_an_invitation_without_a_conference_says_so(al):
    orphan = OfficialDocument.objects.create(
        kind=DocumentKind.INVITATION, issuer=al.district, subject="Giấy mời"
    )

    with pytest.raises(DocumentError, match="chưa gắn với hội nghị"):
        InvitationGenerator(orphan).docx()


def test_the_pdf_has_one_page_per_guest(al, event):
    pages, first, pngs = pdf_pages(InvitationGenerator(_invitation(al, event)).pdf())

    assert pages == pngs == 5
    assert "GIẤY MỜI" in first
    assert "Vũ Văn Sơn" in first
    assert "Nguyễn Văn Trung" not in first


def test_the_builtin_template_uses_only_the_placeholders_it_offers():
    assert template_problems(InvitationGenerator.builtin(), InvitationGenerator) == []


# --- the QR code and the link on each guest's page (issue 7) -------------------------------------


def _images(data: bytes) -> int:
    return len(open_docx(data).inline_shapes)


def test_each_guests_page_carries_the_qr_code_and_its_code_but_not_their_link(al, event, settings):
    settings.SITE_URL = "https://thidua.ldld-anlao.vn"
    son = event.guest_groups.get(order=1).guests.get(name="Vũ Văn Sơn")
    give_links([son])

    data = InvitationGenerator(_invitation(al, event)).docx()

    texts = [p.text for p in all_paragraphs(open_docx(data))]
    assert _images(data) == 5
    codes = [t for t in texts if t.startswith("Mã vào hội nghị: ")]
    assert len(codes) == 5
    assert f"Mã vào hội nghị: {son.checkin_code} (xin mang theo giấy mời này khi đến dự)" in codes
    # The registered document is read by all who see the conference's documents: a link in
    # it would let any of them answer for the guest.
    assert not [t for t in texts if "/tra-loi/" in t]


def test_the_copy_emailed_to_a_guest_carries_their_own_link(al, event, settings):
    settings.SITE_URL = "https://thidua.ldld-anlao.vn"
    son = event.guest_groups.get(order=1).guests.get(name="Vũ Văn Sơn")
    give_links([son])

    data = InvitationGenerator(_invitation(al, event), guest=son).docx()

    texts = [p.text for p in all_paragraphs(open_docx(data))]
    assert [t for t in texts if t.startswith("Xác nhận tham dự: ")] == [
        f"Xác nhận tham dự: https://thidua.ldld-anlao.vn/tra-loi/{rsvp_token(son)}/"
    ]


def test_the_qr_code_opens_the_guests_check_in(al, event, settings):
    settings.SITE_URL = "https://thidua.ldld-anlao.vn"
    son = event.guest_groups.get(order=1).guests.get(name="Vũ Văn Sơn")

    assert checkin_url(event, son) == (
        f"https://thidua.ldld-anlao.vn/hoi-nghi/{event.pk}/diem-danh/ma/{son.checkin_code}/"
    )


def test_one_guests_page_alone_for_their_email(al, event):
    hanh = event.guest_groups.get(order=2).guests.get(name="Bùi Thị Hạnh")

    generator = InvitationGenerator(_invitation(al, event), guest=hanh)
    data = generator.docx()

    assert generator.filename == "giay-moi-bui-thi-hanh.docx"
    assert _addressees(data) == ["Kính gửi: Ông/Bà Bùi Thị Hạnh"]
    assert _images(data) == 1
    assert "Số: 42/GM-LĐLĐ" in text_of(data)


def test_pages_addressed_to_a_group_carry_no_qr_code(al, event):
    data = InvitationGenerator(_invitation(al, event, per_group=True)).docx()

    assert _images(data) == 0
    assert "Mã vào hội nghị" not in text_of(data)
