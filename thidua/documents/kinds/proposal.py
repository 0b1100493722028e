"""Tờ trình (TTr) by which a federation proposes to the level above the awards it cannot give
itself: the accepted dossiers of its honouring cycle whose category proposes an award out of
its reach (the Bằng Lao động sáng tạo of the Tổng Liên đoàn, the city federation's Bằng
khen), with counts per award, the benefit of their initiatives, and the list with each
person's achievement, grouped by award and category."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from thidua.awards.enums import NominationStatus, Prize
from thidua.awards.models import Award, Category, Cycle, Nomination
from thidua.awards.selectors import cycle_stats
from thidua.common.vietnamese import (
    date_short,
    fold,
    lower_first,
    money,
    money_in_words,
    name_sort_key,
)
from thidua.documents.base import DocumentError
from thidua.documents.enums import DocumentKind, DocumentStatus
from thidua.documents.kinds.common import IssuedDocumentGenerator, list_endings
from thidua.documents.layout import CENTRED, Builder, Style
from thidua.documents.models import OfficialDocument
from thidua.orgs.models import Unit
from thidua.orgs.selectors import ancestors_on

BOLD_CENTRED = Style(bold=True, align=CENTRED.align, after_pt=0)
ITALIC_CENTRED = Style(italic=True, align=CENTRED.align, after_pt=0)
SECTION = Style(bold=True, before_pt=12, after_pt=6, keep_with_next=True)
# The closing sentence stays on the signature's page.
CLOSING = Style(first_line_mm=10, after_pt=6, keep_with_next=True)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


class ProposalGenerator(IssuedDocumentGenerator):
    kind = DocumentKind.PROPOSAL
    type_code = "TTr"
    type_name = "TỜ TRÌNH"
    variables = {
        "kinh_gui": "Cấp trên được đề nghị, ví dụ Ban Thường vụ Liên đoàn Lao động thành phố",
        "can_cu": "Các căn cứ theo danh hiệu, hình thức và kế hoạch của đợt xét (danh sách)",
        "ten_don_vi": "Tên đơn vị trình",
        "ten_dot": "Tên đợt xét khen thưởng",
        "so_ho_so": "Số hồ sơ đã tiếp nhận",
        "so_don_vi": "Số đơn vị gửi hồ sơ",
        "so_hop_le": "Số hồ sơ hợp lệ",
        "so_de_nghi": "Số cá nhân, tập thể đề nghị cấp trên khen thưởng",
        "doi_tuong": "Ví dụ “3 cá nhân và 1 tập thể”",
        "de_nghi": "Đề nghị theo từng hình thức, ví dụ Bằng Lao động sáng tạo cho 2 cá nhân",
        "tong_gia_tri": "Tổng giá trị làm lợi của các sáng kiến được đề nghị (chữ số)",
        "tong_gia_tri_chu": "Tổng giá trị làm lợi (bằng chữ)",
        "kem_theo": "Dòng “Kèm theo Tờ trình số … ngày … của …”",
        "hinh_thuc": (
            "Danh sách theo hình thức: a.so, a.ten, a.doi_tuong, a.nhom (g.ten, g.dong: r.stt, "
            "r.ten, r.chuc_vu, r.thanh_tich)"
        ),
    }

    @classmethod
    def build(cls, b: Builder) -> None:
        b.heading_block()
        b.title_block(cls.type_name)
        b.paragraph("Kính gửi: {{ kinh_gui }}.", Style(align=CENTRED.align, after_pt=12))
        b.paragraph("Căn cứ Luật Thi đua, khen thưởng năm 2022;", Style(first_line_mm=10))
        b.tag("{%p for item in can_cu %}")
        b.paragraph("Căn cứ {{ item }};", Style(first_line_mm=10))
        b.tag("{%p endfor %}")
        b.paragraph(
            "Thực hiện đợt xét khen thưởng “{{ ten_dot }}”, {{ ten_don_vi }} đã tiếp nhận "
            "{{ so_ho_so }} hồ sơ đề nghị khen thưởng của {{ so_don_vi }} đơn vị; qua thẩm định, "
            "{{ so_hop_le }} hồ sơ đủ điều kiện, tiêu chuẩn theo quy định.",
            Style(first_line_mm=10, before_pt=6),
        )
        b.tag("{%p if so_de_nghi %}")
        b.paragraph(
            "{{ ten_don_vi }} kính trình {{ kinh_gui }} xem xét, đề nghị khen thưởng "
            "{{ doi_tuong }} có thành tích xuất sắc, cụ thể:"
        )
        b.items("de_nghi")
        b.tag("{%p if tong_gia_tri %}")
        b.paragraph(
            "Tổng giá trị làm lợi của các sáng kiến được đề nghị là {{ tong_gia_tri }} "
            "({{ tong_gia_tri_chu }})."
        )
        b.tag("{%p endif %}")
        b.paragraph("(Có danh sách và tóm tắt thành tích kèm theo)", ITALIC_CENTRED)
        b.paragraph("", Style(after_pt=0))
        b.paragraph("Kính trình {{ kinh_gui }} xem xét, quyết định./.", CLOSING)
        b.tag("{%p else %}")
        b.paragraph(
            "Trong đợt xét này, {{ ten_don_vi }} không có hồ sơ hợp lệ nào đề nghị hình thức "
            "khen thưởng thuộc thẩm quyền của cấp trên./.",
            CLOSING,
        )
        b.tag("{%p endif %}")
        b.signature_block()
        b.tag("{%p if so_de_nghi %}")
        b.page_break()
        b.paragraph("DANH SÁCH VÀ TÓM TẮT THÀNH TÍCH", BOLD_CENTRED)
        b.paragraph("CÁ NHÂN, TẬP THỂ ĐỀ NGHỊ CẤP TRÊN KHEN THƯỞNG", BOLD_CENTRED)
        b.paragraph("({{ kem_theo }})", ITALIC_CENTRED)
        b.rule(30)
        b.tag("{%p for a in hinh_thuc %}")
        b.paragraph("{{ a.so }}. ĐỀ NGHỊ TẶNG {{ a.ten|upper }} ({{ a.doi_tuong }})", SECTION)
        b.table(
            ["STT", "Họ và tên, tên tập thể", "Chức vụ, đơn vị", "Tóm tắt thành tích"],
            ["{{ r.stt }}", "{{ r.ten }}", "{{ r.chuc_vu }}", "{{ r.thanh_tich }}"],
            (12, 38, 42, 73),
            group="a.nhom",
            group_rows="dong",
        )
        b.tag("{%p endfor %}")
        b.tag("{%p endif %}")

    def context(self, template: DocxTemplate) -> dict[str, Any]:
        # The document is Vietnamese whatever the language of the person printing it.
        with translation.override("vi"):
            return self._values()

    def _values(self) -> dict[str, Any]:
        document = self.obj
        cycle = document.cycle
        if cycle is None:
            raise DocumentError(_("Tờ trình chưa gắn với đợt xét khen thưởng nào."))
        issuer = document.issuer
        day = document.issued_on or timezone.localdate()
        above = list(reversed(ancestors_on(issuer, day)))  # the parent first
        stats = cycle_stats(cycle, Nomination.objects.all())
        sections = proposed_sections(cycle, issuer, above)
        people = sum(s.people for s in sections)
        collectives = sum(s.collectives for s in sections)
        benefit = proposed_benefit(sections)
        heading = self.heading()
        if not heading["noi_nhan"]:
            heading["noi_nhan"] = ["Như trên;"]
        return {
            **heading,
            "kinh_gui": document.addressee.strip().rstrip(".")
            or (f"Ban Thường vụ {above[0].name}" if above else "cấp trên"),
            "can_cu": basis_lines(document, cycle, sections),
            "ten_don_vi": issuer.name,
            "ten_dot": cycle.name,
            "so_ho_so": stats.total.nominated,
            "so_don_vi": len(stats.by_unit),
            "so_hop_le": stats.total.accepted,
            "so_de_nghi": people + collectives,
            "doi_tuong": _counted(people, collectives),
            "de_nghi": list_endings([f"Tặng {s.name} cho {s.counted}" for s in sections]),
            "tong_gia_tri": money(benefit) if benefit else "",
            "tong_gia_tri_chu": money_in_words(benefit) if benefit else "",
            "kem_theo": attached_line(document),
            "hinh_thuc": [
                {
                    "so": ROMAN[index] if index < len(ROMAN) else str(index + 1),
                    "ten": section.name,
                    "doi_tuong": section.counted,
                    "nhom": section.groups,
                }
                for index, section in enumerate(sections)
            ],
        }


@dataclass
class AwardSection:
    """One award proposed upward, with its dossiers by category."""

    award: Award
    name: str
    nominations: list[Nomination] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)

    @property
    def people(self) -> int:
        return sum(1 for n in self.nominations if n.person_id is not None)

    @property
    def collectives(self) -> int:
        return len(self.nominations) - self.people

    @property
    def counted(self) -> str:
        return _counted(self.people, self.collectives)


def _counted(people: int, collectives: int) -> str:
    """'2 cá nhân và 1 tập thể'."""
    parts = [
        f"{people} cá nhân" if people else "",
        f"{collectives} tập thể" if collectives else "",
    ]
    return " và ".join(part for part in parts if part)


def proposed_sections(cycle: Cycle, issuer: Unit, above: list[Unit]) -> list[AwardSection]:
    """The accepted dossiers whose category proposes an award the issuer cannot give, by
    award then category (both in the cycle's order of categories), names in Vietnamese order;
    STT runs on within each award. A dossier already awarded was awarded by the issuer itself
    (a cycle's decisions are its running unit's), so it is not proposed."""
    dossiers = (
        Nomination.objects.filter(cycle=cycle, status=NominationStatus.ACCEPTED)
        .exclude(category__award__isnull=True)
        .select_related("category__award", "person__unit", "unit", "initiative", "field")
    )
    by_award: dict[int, AwardSection] = {}
    by_category: dict[int, list[Nomination]] = {}
    categories: dict[int, Category] = {}
    for nomination in dossiers:
        award = nomination.category.award
        if award is None or award.issuable_by(issuer):
            continue
        if award.pk not in by_award:
            by_award[award.pk] = AwardSection(award=award, name=_award_name(award, above))
        by_award[award.pk].nominations.append(nomination)
        by_category.setdefault(nomination.category_id, []).append(nomination)
        categories[nomination.category_id] = nomination.category

    def rank(pk: int) -> tuple[int, int]:
        return (categories[pk].order, pk)

    # Awards in the order the cycle lists the categories proposing them.
    sections = sorted(
        by_award.values(), key=lambda s: min(rank(n.category_id) for n in s.nominations)
    )
    for section in sections:
        number = 0
        chosen = sorted({n.category_id for n in section.nominations}, key=rank)
        for category_id in chosen:
            rows = []
            for nomination in sorted(
                by_category[category_id], key=lambda n: (name_sort_key(n.nominee_name), n.pk)
            ):
                number += 1
                rows.append(
                    {
                        "stt": number,
                        "ten": nomination.nominee_name,
                        "chuc_vu": position_text(nomination),
                        "thanh_tich": achievement_text(nomination),
                    }
                )
            section.groups.append({"ten": categories[category_id].name, "dong": rows})
    return sections


def _award_name(award: Award, above: list[Unit]) -> str:
    """As the level that gives it names it: "Bằng khen của Liên đoàn Lao động thành phố Hải
    Phòng" where the nearest ancestor may give it, else the catalogue's name."""
    giver = next((unit for unit in above if award.issuable_by(unit)), None)
    return award.name_for(giver) if giver is not None else award.name


def position_text(nomination: Nomination) -> str:
    person = nomination.person
    if person is None:
        return nomination.unit.name
    return ", ".join(part for part in (person.position, person.unit.name) if part)


def achievement_text(nomination: Nomination) -> str:
    """The achievement as the dossier's page shows it, in sentences: the summary, the
    initiative with its yearly benefit, the three-year benefit, the contest and prize."""
    sentences = [_sentence(nomination.summary)]
    initiative = nomination.initiative
    if initiative is not None:
        text = f"Sáng kiến “{initiative.title.strip()}”"
        if initiative.benefit_value is not None:
            text += f", giá trị làm lợi {money(initiative.benefit_value)}/năm"
        sentences.append(text + ".")
    if nomination.benefit_three_years is not None:
        sentences.append(
            f"Giá trị làm lợi 3 năm liên tiếp: {money(nomination.benefit_three_years)}."
        )
    if nomination.contest:
        won = (
            nomination.get_prize_display()
            if nomination.prize and nomination.prize != Prize.PARTICIPATION
            else "Tham gia"
        )
        text = f"{won} {nomination.contest.strip()}"
        if nomination.contest_level:
            text += f" (cấp {lower_first(nomination.get_contest_level_display())})"
        if nomination.achievement_year:
            text += f", năm {nomination.achievement_year}"
        sentences.append(text + ".")
    return " ".join(s for s in sentences if s)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?…" else text + "."


def proposed_benefit(sections: list[AwardSection]) -> int:
    """The yearly benefit of the proposed initiatives, each once (co-authors share one)."""
    values = {
        n.initiative_id: n.initiative.benefit_value
        for section in sections
        for n in section.nominations
        if n.initiative is not None and n.initiative.benefit_value is not None
    }
    return sum(values.values())


def basis_lines(
    document: OfficialDocument, cycle: Cycle, sections: list[AwardSection]
) -> list[str]:
    """What the proposal rests on beyond the Law (written in the template): the rules of each
    award proposed, then the plan issued for the cycle's conference, if any."""
    lines: list[str] = []
    for section in sections:
        for part in section.award.basis.split(";"):
            text = part.strip().rstrip(".")
            if text and text not in lines and not fold(text).startswith("luat thi dua"):
                lines.append(text)
    plans = OfficialDocument.objects.filter(
        kind=DocumentKind.PLAN,
        event__cycles=cycle,
        status=DocumentStatus.ISSUED,
        issued_on__isnull=False,
    ).select_related("issuer")
    if document.issued_on is not None:
        plans = plans.filter(issued_on__lte=document.issued_on)
    for plan in plans.order_by("issued_on", "id").distinct():
        when = date_short(plan.issued_on) if plan.issued_on else "…/…/…"
        lines.append(
            f"Kế hoạch số {plan.symbol} ngày {when} của {plan.issuer.name} {_about(plan.subject)}"
        )
    return lines


def _about(subject: str) -> str:
    subject = subject.strip().rstrip(".")
    return lower_first(subject) if fold(subject).startswith("ve ") else f"về {lower_first(subject)}"


def attached_line(document: OfficialDocument) -> str:
    if document.symbol and document.issued_on:
        return (
            f"Kèm theo Tờ trình số {document.symbol} ngày {date_short(document.issued_on)} "
            f"của {document.issuer.name}"
        )
    return f"Kèm theo Tờ trình số       ngày …/…/… của {document.issuer.name}"
