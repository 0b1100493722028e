"""Kịch bản chương trình hội nghị: the master of ceremonies' script as a DOCX in the decree's
layout (thidua.documents.layout). The heading block, the programme with its times and leads,
then the awards batch by batch: the words that call them up, the presenter, and each person's
number, name, position and citation.

Written through the documents' one base (DocumentGenerator), so it renders in the same sandbox
and, should a unit upload a template of this kind one day, from the unit's own template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from docxtpl import DocxTemplate

from thidua.common.vietnamese import clock_time, weekday_name
from thidua.documents.base import DocumentGenerator, date_official, heading_context
from thidua.documents.kinds.common import ascii_stem
from thidua.documents.layout import BODY, CENTRED, HEADING, Builder, Style
from thidua.events.award_order import Order
from thidua.events.honourees import event_award_order
from thidua.events.models import AgendaItem, Event
from thidua.orgs.models import Unit

ITALIC = Style(italic=True, first_line_mm=10)
NAME = Style(bold=True, first_line_mm=10, keep_with_next=True, after_pt=0)


# The template's data: dataclasses, the only objects whose fields the sandbox lets it read.
@dataclass(frozen=True)
class Muc:
    gio: str
    noi_dung: str
    nguoi: str


@dataclass(frozen=True)
class Nguoi:
    stt: int
    ten: str
    noi_lam: str
    loi_gioi_thieu: str


@dataclass(frozen=True)
class Luot:
    tieu_de: str
    loi_moi: str
    nguoi_trao: str
    nguoi: list[Nguoi]


def programme_rows(items: list[AgendaItem]) -> list[Muc]:
    return [
        Muc(gio=clock_time(item.at) if item.at else "", noi_dung=item.title, nguoi=item.lead)
        for item in items
    ]


def batch_rows(order: Order) -> list[Luot]:
    return [
        Luot(
            tieu_de=batch.heading,
            loi_moi=batch.call,
            nguoi_trao=batch.presenter_call,
            nguoi=[
                Nguoi(
                    stt=called.number,
                    ten=called.honouree.called_as,
                    noi_lam=called.honouree.where,
                    loi_gioi_thieu=called.honouree.citation,
                )
                for called in batch.people
            ],
        )
        for batch in order.batches
    ]


class ScriptGenerator(DocumentGenerator):
    """The MC's script of one conference (`obj` is the Event)."""

    obj: Event
    kind = "kich-ban"
    type_code = "CTr"
    type_name = "KỊCH BẢN CHƯƠNG TRÌNH HỘI NGHỊ"
    variables = {
        "ten_hoi_nghi": "Tên hội nghị",
        "thoi_gian": "Thời gian, ví dụ 14h00' ngày 23 tháng 7 năm 2024 (thứ ba)",
        "dia_diem": "Địa điểm",
        "chuong_trinh": "Các mục chương trình (giờ, nội dung, người thực hiện)",
        "luot": "Các lượt trao thưởng (tiêu đề, lời mời, người trao, người nhận)",
        "so_nguoi": "Số người được gọi lên nhận khen thưởng",
    }

    @property
    def issuer(self) -> Unit:
        return self.obj.organiser

    @property
    def day(self) -> Any:
        return timezone.localtime(self.obj.starts_at).date()

    @property
    def stem(self) -> str:
        return ascii_stem("kich ban", self.obj.title)[:80]

    @classmethod
    def build(cls, b: Builder) -> None:
        b.heading_block(number=False)
        b.title_block(cls.type_name, "{{ ten_hoi_nghi }}")
        b.paragraph("", parts=[("Thời gian: ", Style(bold=True)), ("{{ thoi_gian }}.", BODY)])
        b.paragraph("", parts=[("Địa điểm: ", Style(bold=True)), ("{{ dia_diem }}.", BODY)])
        b.paragraph("I. CHƯƠNG TRÌNH", HEADING)
        b.table(
            ["Thời gian", "Nội dung", "Người thực hiện"],
            ["{{ r.gio }}", "{{ r.noi_dung }}", "{{ r.nguoi }}"],
            [25, 85, 55],
            rows="chuong_trinh",
        )
        b.paragraph("II. TRAO KHEN THƯỞNG ({{ so_nguoi }} người)", HEADING)
        b.tag("{%p if not luot %}")
        b.paragraph("Chưa có người được khen thưởng trong danh sách hội nghị.", ITALIC)
        b.tag("{%p endif %}")
        b.tag("{%p for l in luot %}")
        b.paragraph("{{ l.tieu_de }}", HEADING)
        b.paragraph("Người dẫn: {{ l.loi_moi }}", ITALIC)
        b.tag("{%p for n in l.nguoi %}")
        b.paragraph("{{ n.stt }}. {{ n.ten }}", NAME)
        b.tag("{%p if n.noi_lam %}")
        b.paragraph("{{ n.noi_lam }}", Style(first_line_mm=10, after_pt=0))
        b.tag("{%p endif %}")
        b.paragraph("{{ n.loi_gioi_thieu }}", BODY)
        b.tag("{%p endfor %}")
        b.paragraph("Người dẫn: {{ l.nguoi_trao }}", ITALIC)
        b.tag("{%p endfor %}")
        b.paragraph("", CENTRED)

    def context(self, template: DocxTemplate) -> dict[str, Any]:
        event = self.obj
        starts = timezone.localtime(event.starts_at)
        order = event_award_order(event)
        heading = heading_context(
            issuer=event.organiser,
            type_code=self.type_code,
            symbol="",
            issued_on=starts.date(),
            place="",
            subject=event.title,
            sign_mode="",
            sign_body="",
            signer_title="",
            signer_name="",
        )
        return {
            **heading,
            "ten_hoi_nghi": event.title,
            "thoi_gian": (
                f"{clock_time(starts)} {date_official(starts.date())} "
                f"({weekday_name(starts.date())})"
            ),
            "dia_diem": event.place,
            "chuong_trinh": programme_rows(list(event.agenda.order_by("order", "id"))),
            "luot": batch_rows(order),
            "so_nguoi": order.count,
        }
