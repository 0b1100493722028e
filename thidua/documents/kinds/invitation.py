"""Giấy mời (GM; Nghị định 30/2020, Phụ lục III, mẫu 1.7) to an honouring conference: one
page per guest, or per group of guests, in one document under one number, each page a whole
invitation with its heading and signature, so the batch is printed, signed and sealed at once.

With no guest to address, the document is a single invitation with the addressee left blank,
to be written in by hand."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docxtpl import DocxTemplate

from thidua.common.vietnamese import clock_time, weekday_name
from thidua.documents.base import DocumentError, date_official
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.common import IssuedDocumentGenerator
from thidua.documents.layout import BODY, Builder, Style
from thidua.events.models import Event, Guest, GuestGroup

BLANK = "……………………………………"
CENTRED_LINE = Style(align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0)


class InvitationGenerator(IssuedDocumentGenerator):
    kind = DocumentKind.INVITATION
    type_code = "GM"
    type_name = "GIẤY MỜI"
    variables = {
        "trang": "Các trang, mỗi người hoặc nhóm được mời một trang (p.kinh_gui: người hoặc "
        "nhóm được mời; p.chuc_vu: chức vụ, đơn vị; p.moi: cách gọi, ví dụ Ông/Bà)",
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
        b.tag("{%p if not loop.last %}")
        b.page_break()
        b.tag("{%p endif %}")
        b.tag("{%p endfor %}")

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
            "trang": _pages(event, group=document.guest_group, per_group=document.per_group),
            "don_vi": document.issuer.name,
            "su_kien": event.title,
            "thoi_gian": (
                f"{clock_time(starts)} {date_official(starts.date())} "
                f"({weekday_name(starts.date())})"
            ),
            "dia_diem": event.place,
        }


def _guest_page(guest: Guest) -> dict[str, str]:
    where = ", ".join(part for part in (guest.position.strip(), guest.unit_name.strip()) if part)
    return {"kinh_gui": f"Ông/Bà {guest.name}", "chuc_vu": where, "moi": "Ông/Bà"}


def _group_page(group: GuestGroup) -> dict[str, str]:
    return {"kinh_gui": group.name.strip().rstrip(";.,"), "chuc_vu": "", "moi": "Quý đại biểu"}


def _pages(event: Event, *, group: GuestGroup | None, per_group: bool) -> list[dict[str, str]]:
    """The addressees in the plan's order: groups as ordered, guests within a group as
    ordered (protocol order, not alphabetical)."""
    groups = (
        [group]
        if group is not None
        else list(event.guest_groups.order_by("order", "id").prefetch_related("guests"))
    )
    if per_group:
        pages = [_group_page(g) for g in groups]
    else:
        pages = [_guest_page(guest) for g in groups for guest in g.guests.all()]
    return pages or [{"kinh_gui": BLANK, "chuc_vu": "", "moi": "Ông/Bà"}]
