"""Giấy mời (GM; Nghị định 30/2020, Phụ lục III, mẫu 1.7) to an honouring conference: one
page per guest, or per group of guests, in one document under one number, each page a whole
invitation with its heading and signature, so the batch is printed, signed and sealed at once.

A guest's page also carries, under the signature, the QR code the staff scan at the door (with
its code, to read out when there is no camera) and the guest's personal link to answer, once
the guest has one (thidua.events.invitations gives it when invitations are sent). One guest's
page is rendered alone for the email that invites them.

With no guest to address, the document is a single invitation with the addressee left blank,
to be written in by hand."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from thidua.common.vietnamese import clock_time, weekday_name
from thidua.documents.base import DocumentError, date_official
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.certificate import qr_png
from thidua.documents.kinds.common import IssuedDocumentGenerator, ascii_stem
from thidua.documents.layout import BODY, Builder, Style
from thidua.documents.models import OfficialDocument
from thidua.events.invitations import checkin_url, rsvp_url
from thidua.events.models import Event, Guest, GuestGroup

BLANK = "……………………………………"
CENTRED_LINE = Style(align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0)


class InvitationGenerator(IssuedDocumentGenerator):
    kind = DocumentKind.INVITATION
    type_code = "GM"
    type_name = "GIẤY MỜI"
    variables = {
        "trang": "Các trang, mỗi người hoặc nhóm được mời một trang (p.kinh_gui: người hoặc "
        "nhóm được mời; p.chuc_vu: chức vụ, đơn vị; p.moi: cách gọi, ví dụ Ông/Bà; p.qr: ảnh "
        "mã QR vào hội nghị của người được mời, trống với trang mời nhóm; p.ma: mã vào hội "
        "nghị; p.duong_dan: đường dẫn xác nhận tham dự, trống khi chưa cấp)",
        "don_vi": "Tên đơn vị mời",
        "su_kien": "Tên hội nghị",
        "thoi_gian": "Thời gian, ví dụ 14h00' ngày 23 tháng 7 năm 2024 (thứ ba)",
        "dia_diem": "Địa điểm",
    }

    @classmethod
    def build(cls, b: Builder) -> None:
        b.tag("{%p for p in trang %}")
        b.heading_block()
        b.title_block(cls.type_name)
        b.paragraph(
            "Kính gửi: ",
            Style(align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
            parts=[("{{ p.kinh_gui }}", Style(bold=True))],
        )
        b.tag("{%p if p.chuc_vu %}")
        b.paragraph("{{ p.chuc_vu }}", Style(italic=True, align=WD_ALIGN_PARAGRAPH.CENTER))
        b.tag("{%p endif %}")
        b.paragraph("", Style(after_pt=0))
        b.paragraph("{{ don_vi }} trân trọng kính mời: {{ p.moi }}")
        bold = Style(bold=True, first_line_mm=10)
        b.paragraph("", parts=[("Tới dự: ", bold), ("{{ su_kien }}.", BODY)])
        b.paragraph("", parts=[("Thời gian: ", bold), ("{{ thoi_gian }}.", BODY)])
        b.paragraph("", parts=[("Địa điểm: ", bold), ("{{ dia_diem }}.", BODY)])
        b.paragraph(
            "Sự hiện diện của {{ p.moi }} góp phần vào thành công của Hội nghị./.",
            Style(first_line_mm=10, after_pt=12),
        )
        b.signature_block()
        b.tag("{%p if p.qr %}")
        b.paragraph("", Style(after_pt=0))
        b.paragraph("{{ p.qr }}", Style(align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0))
        b.paragraph(
            "Mã vào hội nghị: {{ p.ma }} (xin mang theo giấy mời này khi đến dự)",
            Style(size=11, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
        )
        b.tag("{%p if p.duong_dan %}")
        b.paragraph(
            "Xác nhận tham dự: {{ p.duong_dan }}",
            Style(size=10, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
        )
        b.tag("{%p endif %}")
        b.tag("{%p endif %}")
        b.tag("{%p if not loop.last %}")
        b.page_break()
        b.tag("{%p endif %}")
        b.tag("{%p endfor %}")

    def __init__(self, obj: OfficialDocument, *, guest: Guest | None = None) -> None:
        """`guest`: that guest's page alone (for the email inviting them)."""
        super().__init__(obj)
        self.guest = guest

    @property
    def stem(self) -> str:
        if self.guest is None:
            return super().stem
        return f"giay-moi-{ascii_stem(self.guest.name)}"

    def context(self, template: DocxTemplate) -> dict[str, Any]:
        document = self.obj
        event = document.event
        if event is None:
            raise DocumentError("Giấy mời chưa gắn với hội nghị nào.")
        starts = timezone.localtime(event.starts_at)
        heading = self.heading()
        return {
            **heading,
            "trich_yeu": heading["trich_yeu"] or f"Dự {event.title}",
            "trang": (
                [_guest_page(self.guest, event, template, personal=True)]
                if self.guest is not None
                else _pages(
                    event, template, group=document.guest_group, per_group=document.per_group
                )
            ),
            "don_vi": document.issuer.name,
            "su_kien": event.title,
            "thoi_gian": (
                f"{clock_time(starts)} {date_official(starts.date())} "
                f"({weekday_name(starts.date())})"
            ),
            "dia_diem": event.place,
        }


NO_QR = {"qr": "", "ma": "", "duong_dan": ""}


def _guest_page(
    guest: Guest, event: Event, template: DocxTemplate, *, personal: bool = False
) -> dict[str, Any]:
    """One guest's page. The answer link goes only in the `personal` copy e-mailed to them:
    the registered document is read by everyone who sees the conference's documents, and a
    link answers for its delegate."""
    where = ", ".join(part for part in (guest.position.strip(), guest.unit_name.strip()) if part)
    page: dict[str, Any] = {"kinh_gui": f"Ông/Bà {guest.name}", "chuc_vu": where, "moi": "Ông/Bà"}
    if not guest.checkin_code:
        return {**page, **NO_QR}
    return {
        **page,
        "qr": InlineImage(template, io.BytesIO(qr_png(checkin_url(event, guest))), width=Mm(22)),
        "ma": guest.checkin_code,
        "duong_dan": rsvp_url(guest) if personal and guest.rsvp_nonce else "",
    }


def _group_page(group: GuestGroup) -> dict[str, Any]:
    return {
        "kinh_gui": group.name.strip().rstrip(";.,"),
        "chuc_vu": "",
        "moi": "Quý đại biểu",
        **NO_QR,
    }


def _pages(
    event: Event, template: DocxTemplate, *, group: GuestGroup | None, per_group: bool
) -> list[dict[str, Any]]:
    """The addressees in the plan's order: groups as ordered, guests within a group as
    ordered (protocol order, not alphabetical)."""
    groups = (
        [group]
        if group is not None
        # III.1 (honourees) before III.2 (guests), each in its order.
        else list(event.guest_groups.order_by("-kind", "order", "id").prefetch_related("guests"))
    )
    if per_group:
        pages = [_group_page(g) for g in groups]
    else:
        pages = [_guest_page(guest, event, template) for g in groups for guest in g.guests.all()]
    return pages or [{"kinh_gui": BLANK, "chuc_vu": "", "moi": "Ông/Bà", **NO_QR}]
