"""Quyết định khen thưởng (QĐ) with its attached list (Danh sách), grouped by the form of
award and the group each person was proposed in, names in Vietnamese order, amounts in
figures and words. Number, date and signer are the decision's own (its register entry)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docxtpl import DocxTemplate

from thidua.awards.enums import AwardKind
from thidua.awards.models import Decision
from thidua.awards.selectors import grouped_lines
from thidua.common.vietnamese import money, money_in_words
from thidua.documents.base import DocumentGenerator, heading_context, parent_of
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.common import ascii_stem
from thidua.documents.layout import BODY, CENTRED, Builder, Style
from thidua.orgs.models import Unit

ITALIC_CENTRED = Style(italic=True, align=CENTRED.align, after_pt=0)


class DecisionGenerator(DocumentGenerator):
    kind = DocumentKind.DECISION
    type_code = Decision.TYPE_CODE
    type_name = "QUYẾT ĐỊNH"
    variables = {
        "tham_quyen": "Tập thể ban hành, ví dụ BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG HUYỆN AN LÃO",
        "can_cu": "Các dòng căn cứ (danh sách)",
        "hinh_thuc": "Tên danh hiệu, hình thức khen thưởng",
        "la_danh_hieu": "Đúng khi quyết định công nhận danh hiệu",
        "so_ca_nhan": "Số cá nhân",
        "so_tap_the": "Số tập thể",
        "doi_tuong": "Ví dụ “25 cá nhân và 2 tập thể”",
        "muc_thuong": "Mức thưởng mỗi cá nhân (chữ số)",
        "muc_thuong_chu": "Mức thưởng mỗi cá nhân (bằng chữ)",
        "tong_tien": "Tổng tiền thưởng (chữ số)",
        "tong_tien_chu": "Tổng tiền thưởng (bằng chữ)",
        "kem_theo": "Dòng “Kèm theo Quyết định số … ngày … của …”",
        "nhom": (
            "Danh sách theo nhóm: g.ten, g.dong (r.stt, r.ten, r.chuc_vu, r.thanh_tich, r.tien)"
        ),
    }

    def __init__(self, obj: Decision) -> None:
        super().__init__(obj)

    @property
    def decision(self) -> Decision:
        return self.obj

    @property
    def issuer(self) -> Unit:
        return self.decision.issuer

    @property
    def day(self) -> dt.date | None:
        return self.decision.signed_on

    @property
    def stem(self) -> str:
        return ascii_stem("quyet-dinh", self.decision.symbol or f"du-thao-{self.decision.pk}")

    @classmethod
    def build(cls, b: Builder) -> None:
        b.heading_block()
        b.title_block(cls.type_name)
        b.paragraph("{{ tham_quyen }}", Style(bold=True, align=CENTRED.align, after_pt=6))
        b.tag("{%p for item in can_cu %}")
        b.paragraph("{{ item }}", Style(italic=True, first_line_mm=10, after_pt=3))
        b.tag("{%p endfor %}")
        b.paragraph("QUYẾT ĐỊNH:", Style(bold=True, align=CENTRED.align, before_pt=6))
        bold = Style(bold=True)
        b.tag("{%p if la_danh_hieu %}")
        b.paragraph(
            "",
            parts=[
                ("Điều 1. ", bold),
                (
                    "Công nhận danh hiệu “{{ hinh_thuc }}” cho {{ doi_tuong }} có thành tích "
                    "xuất sắc (có danh sách kèm theo).",
                    BODY,
                ),
            ],
        )
        b.tag("{%p else %}")
        b.paragraph(
            "",
            parts=[
                ("Điều 1. ", bold),
                (
                    "Tặng {{ hinh_thuc }} cho {{ doi_tuong }} đã có thành tích xuất sắc "
                    "(có danh sách kèm theo).",
                    BODY,
                ),
            ],
        )
        b.tag("{%p endif %}")
        b.tag("{%p if muc_thuong %}")
        b.paragraph(
            "",
            parts=[
                ("Điều 2. ", bold),
                (
                    "Kèm theo mỗi cá nhân được tiền thưởng {{ muc_thuong }} "
                    "({{ muc_thuong_chu }}). Tổng số tiền thưởng là {{ tong_tien }} "
                    "({{ tong_tien_chu }}), chi từ nguồn kinh phí thi đua, khen thưởng của đơn vị.",
                    BODY,
                ),
            ],
        )
        b.paragraph(
            "",
            parts=[
                ("Điều 3. ", bold),
                (
                    "Văn phòng, các ban liên quan, các cá nhân và tập thể có tên tại Điều 1 "
                    "căn cứ Quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký./.",
                    BODY,
                ),
            ],
        )
        b.tag("{%p else %}")
        b.paragraph(
            "",
            parts=[
                ("Điều 2. ", bold),
                (
                    "Văn phòng, các ban liên quan, các cá nhân và tập thể có tên tại Điều 1 "
                    "căn cứ Quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký./.",
                    BODY,
                ),
            ],
        )
        b.tag("{%p endif %}")
        b.signature_block()
        b.page_break()
        b.paragraph("DANH SÁCH", Style(bold=True, align=CENTRED.align, after_pt=0))
        b.paragraph(
            "{% if la_danh_hieu %}ĐẠT DANH HIỆU{% else %}ĐƯỢC TẶNG{% endif %} "
            "{{ hinh_thuc|upper }}",
            Style(bold=True, align=CENTRED.align, after_pt=0),
        )
        b.paragraph("({{ kem_theo }})", ITALIC_CENTRED)
        b.rule(30)
        b.table(
            [
                "STT",
                "Họ và tên, tên tập thể",
                "Chức vụ, đơn vị",
                "Thành tích",
                "Tiền thưởng (đồng)",
            ],
            ["{{ r.stt }}", "{{ r.ten }}", "{{ r.chuc_vu }}", "{{ r.thanh_tich }}", "{{ r.tien }}"],
            (12, 42, 45, 40, 26),
            group="nhom",
            group_rows="dong",
            centred=(0, 4),
        )
        b.paragraph(
            "Danh sách có {{ doi_tuong }}{% if tong_tien %}; tổng tiền thưởng {{ tong_tien }} "
            "({{ tong_tien_chu }}){% endif %}./.",
            Style(italic=True, before_pt=6),
        )

    def context(self, template: DocxTemplate) -> dict[str, Any]:
        decision = self.decision
        issuer = decision.issuer
        # The decision as signed: a line revoked later stays in it (the revocation is its own
        # act, recorded on the line), so the list, its numbering and totals never change.
        lines = list(decision.lines.select_related("nomination__category").order_by("id"))
        people = sum(1 for line in lines if not line.is_collective)
        collectives = len(lines) - people
        counted = [
            f"{people} cá nhân" if people else "",
            f"{collectives} tập thể" if collectives else "",
        ]
        total = sum(line.amount or 0 for line in lines)
        award_name = decision.award.name_for(issuer)
        heading = heading_context(
            issuer=issuer,
            type_code=self.type_code,
            symbol=decision.symbol,
            issued_on=decision.signed_on,
            place="",
            subject=decision.subject,
            sign_mode=decision.sign_mode,
            sign_body=decision.sign_body,
            signer_title=decision.signer_title,
            signer_name=decision.signer_name,
            recipients=[
                "Như Điều 3" if decision.default_amount else "Như Điều 2",
                *[f"Thường trực {p.name}" for p in [parent_of(issuer, decision.signed_on)] if p],
            ],
            year=decision.year or decision.created_at.year,
        )
        when = decision.signed_on
        attached = (
            f"Kèm theo Quyết định số {decision.symbol} ngày "
            f"{when.day:02d}/{when.month:02d}/{when.year} của {issuer.name}"
            if decision.symbol and when
            else f"Kèm theo Quyết định số       ngày …/…/… của {issuer.name}"
        )
        groups = []
        for group in grouped_lines(lines):
            groups.append(
                {
                    "ten": group.name or award_name,
                    "dong": [
                        {
                            "stt": line.stt,  # type: ignore[attr-defined]
                            "ten": line.name,
                            "chuc_vu": line.position,
                            "thanh_tich": line.achievement,
                            "tien": money(line.amount).removesuffix(" đồng") if line.amount else "",
                        }
                        for line in group.lines
                    ],
                }
            )
        return {
            **heading,
            "tham_quyen": (
                f"{decision.sign_body} {issuer.name}".upper()
                if decision.sign_mode == "TM." and decision.sign_body
                else f"{decision.signer_title} {issuer.name}".upper()
            ),
            "can_cu": _basis(decision.basis),
            "hinh_thuc": award_name,
            "la_danh_hieu": decision.award.kind == AwardKind.TITLE,
            "so_ca_nhan": people,
            "so_tap_the": collectives,
            "doi_tuong": " và ".join(part for part in counted if part) or "0 cá nhân",
            "muc_thuong": money(decision.default_amount) if decision.default_amount else "",
            "muc_thuong_chu": money_in_words(decision.default_amount)
            if decision.default_amount
            else "",
            "tong_tien": money(total) if total else "",
            "tong_tien_chu": money_in_words(total) if total else "",
            "kem_theo": attached,
            "nhom": groups,
        }


def _basis(text: str) -> list[str]:
    """The decision's căn cứ, one per line, each ending ';' and the last ','."""
    items = [line.strip().rstrip(";,.") for line in text.splitlines() if line.strip()]
    if not items:
        items = ["Căn cứ Điều lệ Công đoàn Việt Nam", "Xét đề nghị của Ban Tổ chức"]
    return [item + (";" if index < len(items) - 1 else ",") for index, item in enumerate(items)]
