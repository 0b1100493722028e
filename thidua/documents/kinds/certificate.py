"""Certificates: Giấy khen (and bằng khen) for the people of a signed decision, and Giấy chứng
nhận sáng kiến for initiatives a unit recognised. One landscape page each, any number in one
file; each carries its verification code as text and as a QR code that opens the public check
page."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import segno
from django.conf import settings
from django.urls import reverse
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from thidua.awards.enums import AwardKind
from thidua.documents.base import DocumentGenerator, date_official
from thidua.documents.enums import DocumentKind
from thidua.documents.layout import MOTTO, MOTTO_LINE, Builder, Style, _no_borders, _widths
from thidua.documents.models import Certificate
from thidua.orgs.models import Unit

C = WD_ALIGN_PARAGRAPH.CENTER


def verify_url(code: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("web:certificate_check", args=[code])


def qr_png(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=4, border=1)
    return out.getvalue()


class CertificateGenerator(DocumentGenerator):
    """Many certificates of one issuer, one page each."""

    type_code = ""
    landscape = True
    heading_word = "GIẤY KHEN"
    verb = "TẶNG"
    variables = {
        "giay": (
            "Danh sách giấy, mỗi giấy một trang: c.loai (GIẤY KHEN, BẰNG KHEN…), c.dong_tu "
            "(TẶNG, CHỨNG NHẬN), c.don_vi_cap, c.ten, c.chuc_vu, c.noi_dung, "
            "c.thanh_tich, c.can_cu, c.so_vao_so, c.dia_danh_ngay, c.ky_the, c.chuc_vu_ky, "
            "c.nguoi_ky, c.ma, c.duong_dan, c.qr (ảnh)"
        ),
    }

    def __init__(self, obj: Sequence[Certificate], *, issuer: Unit | None = None) -> None:
        super().__init__(list(obj))
        self._issuer = issuer

    @property
    def certificates(self) -> list[Certificate]:
        return self.obj

    @property
    def issuer(self) -> Unit:
        if self._issuer is not None:
            return self._issuer
        return self.certificates[0].issuer

    @property
    def day(self) -> dt.date | None:
        return self.certificates[0].issued_on if self.certificates else None

    @property
    def stem(self) -> str:
        first = self.certificates[0].code.lower() if len(self.certificates) == 1 else "lo"
        return f"{self.kind}-{first}"

    @classmethod
    def build(cls, b: Builder) -> None:
        b.tag("{%p for c in giay %}")
        b.paragraph(MOTTO, Style(size=14, bold=True, align=C, after_pt=0))
        b.paragraph(MOTTO_LINE, Style(size=14, bold=True, align=C, after_pt=0))
        b.rule(64)
        b.paragraph("{{ c.don_vi_cap }}", Style(size=15, bold=True, align=C, before_pt=10))
        b.paragraph("{{ c.dong_tu }}", Style(size=15, bold=True, align=C, after_pt=0))
        b.paragraph("{{ c.loai }}", Style(size=40, bold=True, align=C, after_pt=6))
        b.paragraph("{{ c.ten }}", Style(size=24, bold=True, align=C, after_pt=2))
        b.tag("{%p if c.chuc_vu %}")
        b.paragraph("{{ c.chuc_vu }}", Style(size=15, italic=True, align=C, after_pt=4))
        b.tag("{%p endif %}")
        b.paragraph("{{ c.noi_dung }}", Style(size=16, align=C, after_pt=2))
        b.tag("{%p if c.thanh_tich %}")
        b.paragraph("{{ c.thanh_tich }}", Style(size=15, align=C, after_pt=2))
        b.tag("{%p endif %}")
        table = b.doc.add_table(rows=1, cols=2)
        _no_borders(table)
        _widths(table, (b.width * 0.45, b.width * 0.55))
        left, right = table.rows[0].cells
        small = Style(size=12, align=C, after_pt=0)
        b.paragraph("{{ c.can_cu }}", small, into=left)
        b.paragraph("Số vào sổ: {{ c.so_vao_so }}", small, into=left)
        b.paragraph("{{ c.qr }}", Style(size=12, align=C, before_pt=4, after_pt=0), into=left)
        b.paragraph("Mã xác minh: {{ c.ma }}", Style(size=12, bold=True, align=C), into=left)
        b.paragraph("{{ c.duong_dan }}", Style(size=9, align=C, after_pt=0), into=left)
        b.paragraph("{{ c.dia_danh_ngay }}", Style(size=14, italic=True, align=C), into=right)
        b.paragraph("{{ c.ky_the }}", Style(size=14, bold=True, align=C, after_pt=0), into=right)
        b.paragraph("{{ c.chuc_vu_ky }}", Style(size=14, bold=True, align=C), into=right)
        for _ in range(3):
            b.paragraph("", Style(size=14, after_pt=0), into=right)
        b.paragraph("{{ c.nguoi_ky }}", Style(size=15, bold=True, align=C, after_pt=0), into=right)
        b.tag("{%p if not loop.last %}")
        b.page_break()
        b.tag("{%p endif %}")
        b.tag("{%p endfor %}")

    def page(self, certificate: Certificate, template: DocxTemplate) -> dict[str, Any]:
        url = verify_url(certificate.code)
        place = certificate.place_name or certificate.issuer.place_name
        heading, verb = self.heading_of(certificate)
        return {
            "loai": heading,
            "dong_tu": verb,
            "don_vi_cap": (
                certificate.sign_label.removeprefix("TM.").strip() + " " + certificate.issuer.name
                if certificate.sign_label.startswith("TM.")
                else certificate.issuer.name
            ).upper(),
            "ten": certificate.holder,
            "chuc_vu": certificate.holder_detail,
            "noi_dung": certificate.title,
            "thanh_tich": certificate.achievement,
            "can_cu": certificate.reference,
            "so_vao_so": certificate.register_number or certificate.code,
            "dia_danh_ngay": f"{place}, {date_official(certificate.issued_on)}"
            if place
            else date_official(certificate.issued_on),
            "ky_the": certificate.sign_label.upper(),
            "chuc_vu_ky": certificate.signer_title.upper(),
            "nguoi_ky": certificate.signer_name,
            "ma": certificate.code,
            "duong_dan": url,
            "qr": InlineImage(template, io.BytesIO(qr_png(url)), width=Mm(24)),
        }

    def heading_of(self, certificate: Certificate) -> tuple[str, str]:
        """What the page is called and the verb under the issuer: a form of award is given
        ("TẶNG / BẰNG KHEN"), a title and an initiative are certified."""
        line = certificate.decision_line
        if line is not None:
            award = line.decision.award
            if award.kind == AwardKind.TITLE:
                return "GIẤY CHỨNG NHẬN", "CHỨNG NHẬN"
            return (award.short_name or award.name).upper(), "TẶNG"
        return self.heading_word, self.verb

    def context(self, template: DocxTemplate) -> dict[str, Any]:
        return {"giay": [self.page(c, template) for c in self.certificates]}


class AwardCertificateGenerator(CertificateGenerator):
    kind = DocumentKind.AWARD_CERTIFICATE
    heading_word = "GIẤY KHEN"
    verb = "TẶNG"


class InitiativeCertificateGenerator(CertificateGenerator):
    kind = DocumentKind.INITIATIVE_CERTIFICATE
    heading_word = "GIẤY CHỨNG NHẬN"
    verb = "CHỨNG NHẬN"
