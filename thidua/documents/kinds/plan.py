"""Kế hoạch (KH) for an honouring conference: seed 000 (35/KH-LĐLĐ, An Lão, 2024) written
from the conference's record, its cycle and the document's number, date and signer."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from docxtpl import DocxTemplate

from thidua.common.vietnamese import clock_time, lower_first, weekday_name
from thidua.documents.base import date_official
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.common import IssuedDocumentGenerator, list_endings
from thidua.documents.layout import BODY, HEADING, Builder, Style
from thidua.events.models import lines


class PlanGenerator(IssuedDocumentGenerator):
    kind = DocumentKind.PLAN
    type_code = "KH"
    type_name = "KẾ HOẠCH"
    variables = {
        "mo_dau": "Đoạn mở đầu (căn cứ, mục đích chung)",
        "muc_dich": "Mục đích, yêu cầu (danh sách)",
        "noi_dung": "Nội dung biểu dương (danh sách)",
        "dai_bieu_bieu_duong": "Đại biểu được biểu dương, khen thưởng (danh sách)",
        "khach_moi": "Nhóm đại biểu khách mời (danh sách)",
        "thoi_gian": "Thời gian, ví dụ 14h00' ngày 23 tháng 7 năm 2024 (thứ ba)",
        "dia_diem": "Địa điểm",
        "to_chuc_thuc_hien": "Tổ chức thực hiện (danh sách)",
        "han_nop": "Hạn gửi hồ sơ, ví dụ 13/7/2024",
        "ten_don_vi": "Tên đơn vị ban hành (chữ thường)",
        "trich_yeu_thuong": "Trích yếu viết tiếp trong câu (chữ đầu viết thường)",
    }

    @classmethod
    def build(cls, b: Builder) -> None:
        b.heading_block()
        b.title_block(cls.type_name)
        b.paragraph("{{ mo_dau }}")
        b.paragraph("I. MỤC ĐÍCH, YÊU CẦU", HEADING)
        b.items("muc_dich")
        b.paragraph("II. NỘI DUNG", HEADING)
        b.numbered("noi_dung")
        b.paragraph("III. THÀNH PHẦN ĐẠI BIỂU", HEADING)
        b.paragraph("1. Đại biểu được biểu dương, khen thưởng trao tại Hội nghị:")
        b.items("dai_bieu_bieu_duong")
        b.paragraph("2. Đại biểu khách mời:")
        b.items("khach_moi")
        b.paragraph("IV. THỜI GIAN, ĐỊA ĐIỂM", HEADING)
        bold = Style(bold=True)
        b.paragraph("", parts=[("1. Thời gian: ", bold), ("từ {{ thoi_gian }}.", BODY)])
        b.paragraph("", parts=[("2. Địa điểm: ", bold), ("{{ dia_diem }}.", BODY)])
        b.paragraph("V. TỔ CHỨC THỰC HIỆN", HEADING)
        b.numbered("to_chuc_thuc_hien")
        b.paragraph(
            "Trên đây là kế hoạch {{ trich_yeu_thuong }}; đề nghị các đơn vị nghiêm túc triển "
            "khai thực hiện, mọi vướng mắc liên hệ với {{ ten_don_vi }} để kịp thời giải "
            "quyết./."
        )
        b.signature_block()

    def context(self, template: DocxTemplate) -> dict[str, Any]:
        document = self.obj
        event = document.event
        assert event is not None  # noqa: S101 - a plan is always about a conference
        starts = timezone.localtime(event.starts_at)
        cycle = event.cycles.order_by("-achievement_year").first()
        deadline = timezone.localtime(cycle.deadline).date() if cycle else None
        issuer = document.issuer
        basis = event.basis.strip() or (f"{issuer.name} tổ chức {event.title}, cụ thể như sau:")
        return {
            **self.heading(),
            "mo_dau": basis,
            "muc_dich": lines(event.purposes),
            "noi_dung": lines(event.contents),
            "dai_bieu_bieu_duong": lines(event.honourees),
            "khach_moi": list_endings([group.name for group in event.guest_groups.all()]),
            "thoi_gian": (
                f"{clock_time(starts)} {date_official(starts.date())} "
                f"({weekday_name(starts.date())})"
            ),
            "dia_diem": event.place,
            "to_chuc_thuc_hien": lines(event.tasks),
            "han_nop": f"{deadline.day}/{deadline.month}/{deadline.year}" if deadline else "",
            "ten_don_vi": issuer.name,
            "trich_yeu_thuong": lower_first(document.subject),
        }
