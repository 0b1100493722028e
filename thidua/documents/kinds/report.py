"""Báo cáo (BC) of an initiative programme's results, as the issuing federation writes it at
the end (the provincial "75 nghìn sáng kiến" programme): initiatives by unit directly under it,
by field and by level reached, with their benefit in figures and words; its council's prizes,
selection and proposals upward; and the awards its programme's cycle gave.

The counts come from the selectors the pages use (the progress board, the cycle's statistics,
the award history), so the report says what the screens say."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docxtpl import DocxTemplate

from thidua.awards.models import Cycle, Decision, DecisionLine, Nomination
from thidua.awards.selectors import cycle_stats, history_lines
from thidua.campaigns.models import Programme
from thidua.campaigns.selectors import levels_of
from thidua.common.vietnamese import (
    date_short,
    money,
    money_in_words,
    name_sort_key,
    time_in_words,
)
from thidua.documents.base import DocumentError
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.common import IssuedDocumentGenerator
from thidua.documents.layout import SIZE_TABLE, Builder, Style
from thidua.events.attendance import attendance_report
from thidua.events.enums import Rsvp
from thidua.events.models import Event, Guest
from thidua.initiatives.enums import StageStatus, Status
from thidua.initiatives.models import Initiative, Stage
from thidua.initiatives.selectors import progress_board
from thidua.orgs.models import Unit
from thidua.orgs.selectors import ancestors_on, subtree_unit_ids
from thidua.reviews.enums import SlateStatus
from thidua.reviews.models import Council, Slate, SlateLine
from thidua.reviews.selection import PRIZES, join_codes, prize_label

SUBHEADING = Style(bold=True, italic=True, first_line_mm=10, before_pt=6, keep_with_next=True)
CAPTION = Style(italic=True, first_line_mm=10, after_pt=3, keep_with_next=True)
AFTER_TABLE = Style(size=6, after_pt=0)
TOTAL = Style(size=SIZE_TABLE, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0)
# Section titles flush left: a justified title that wraps spreads its words across the line.
SECTION = Style(bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, before_pt=6, keep_with_next=True)
# The closing sentence stays on the signature's page.
CLOSING = Style(first_line_mm=10, before_pt=6, keep_with_next=True)
UNCOUNTED = [Status.DRAFT, Status.WITHDRAWN]


class ReportGenerator(IssuedDocumentGenerator):
    kind = DocumentKind.REPORT
    type_code = "BC"
    type_name = "BÁO CÁO"
    variables = {
        "ten_chuong_trinh": "Tên chương trình",
        "thoi_gian": "Thời gian chương trình, ví dụ từ ngày 10/03/2021 đến ngày 31/05/2021",
        "ten_don_vi": "Tên đơn vị báo cáo",
        "so_don_vi": "Số đơn vị trực thuộc",
        "so_cdcs": "Số công đoàn cơ sở",
        "cac_cap": "Các cấp xét, ví dụ Công đoàn cơ sở, Công đoàn cấp trên cơ sở và LĐLĐ tỉnh",
        "so_cdcs_tham_gia": "Số công đoàn cơ sở có sáng kiến",
        "tong_sang_kien": "Tổng số sáng kiến đăng ký",
        "so_den_don_vi": "Số sáng kiến được chuyển lên đơn vị báo cáo",
        "gia_tri": "Tổng giá trị làm lợi hằng năm (chữ số)",
        "gia_tri_chu": "Tổng giá trị làm lợi (bằng chữ)",
        "so_xac_nhan": "Số sáng kiến có giá trị làm lợi đã được xác nhận",
        "gia_tri_xac_nhan": "Giá trị làm lợi đã được xác nhận (chữ số)",
        "gia_tri_xac_nhan_chu": "Giá trị làm lợi đã được xác nhận (bằng chữ)",
        "don_vi": (
            "Theo đơn vị: r.stt, r.ten, r.so_cdcs, r.cdcs_tham_gia, r.so_sang_kien, r.chuyen_len"
        ),
        "tong_don_vi": "Dòng tổng cộng theo đơn vị (các cột như trên)",
        "linh_vuc": "Theo lĩnh vực: r.stt, r.ten, r.so_sang_kien, r.gia_tri",
        "tong_linh_vuc": "Dòng tổng cộng theo lĩnh vực",
        "cap_xet": "Theo cấp xét: r.stt, r.ten, r.den, r.chon, r.khong_chon, r.chuyen_len",
        "hoi_dong": "Tên hội đồng xét duyệt (kèm quyết định thành lập)",
        "cap_hoi_dong": "Cấp xét của hội đồng",
        "so_xet": "Số sáng kiến hội đồng xét",
        "so_chon": "Số sáng kiến hội đồng chọn",
        "giai_tom_tat": "Ví dụ 1 giải Nhất, 2 giải Nhì và 3 giải Ba",
        "giai": "Theo giải: g.ten, g.dong (r.stt, r.ten, r.tac_gia, r.don_vi, r.gia_tri)",
        "so_de_xuat": "Số sáng kiến giá trị làm lợi cao nhất đề nghị cấp trên",
        "de_xuat": "Các sáng kiến đề nghị cấp trên (danh sách)",
        "cap_tren": "Tên cấp trên",
        "so_tuyen_truyen": "Số người được chọn để tuyên truyền",
        "tuyen_truyen": "Những người được chọn để tuyên truyền",
        "dot_xet": "Tên đợt xét khen thưởng của chương trình",
        "so_ho_so": "Số hồ sơ đề nghị khen thưởng đã tiếp nhận",
        "so_hop_le": "Số hồ sơ hợp lệ",
        "so_quyet_dinh": "Số quyết định khen thưởng đã ban hành",
        "doi_tuong_khen": "Ví dụ 3 cá nhân và 1 tập thể",
        "tong_tien": "Tổng tiền thưởng (chữ số)",
        "tong_tien_chu": "Tổng tiền thưởng (bằng chữ)",
        "khen_thuong": "Theo hình thức: r.stt, r.ten, r.quyet_dinh, r.ca_nhan, r.tap_the, r.tien",
        "tong_khen_thuong": "Dòng tổng cộng khen thưởng",
        "hoi_nghi": (
            "Các hội nghị biểu dương của đợt xét đã tổ chức: h.ten, h.thoi_gian, h.dia_diem, "
            "h.so_moi (đại biểu được mời), h.so_co_mat, h.khong_giay_moi (người đến không có "
            "giấy mời), h.nhan_thuong (ví dụ 12 trực tiếp nhận, 1 người dự thay nhận, 2 vắng "
            "mặt), h.trao: theo hình thức khen thưởng g.ten, g.dong (r.stt, r.ten, r.don_vi, "
            "r.nhan: trực tiếp nhận, người dự thay nhận, vắng mặt)"
        ),
    }

    @classmethod
    def build(cls, b: Builder) -> None:
        b.heading_block()
        b.title_block(cls.type_name)
        b.paragraph(
            "Thực hiện Chương trình “{{ ten_chuong_trinh }}” ({{ thoi_gian }}), {{ ten_don_vi }} "
            "báo cáo kết quả thực hiện như sau:"
        )
        b.paragraph("I. ĐẶC ĐIỂM TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN", SECTION)
        b.paragraph("1. Đặc điểm tình hình", SUBHEADING)
        b.paragraph(
            "{{ ten_don_vi }} có {{ so_don_vi }} đơn vị trực thuộc với {{ so_cdcs }} công đoàn "
            "cơ sở. Sáng kiến được xét chọn lần lượt qua các cấp: {{ cac_cap }}."
        )
        b.paragraph("2. Kết quả đăng ký, xét chọn sáng kiến", SUBHEADING)
        b.paragraph(
            "Có {{ so_cdcs_tham_gia }}/{{ so_cdcs }} công đoàn cơ sở đăng ký {{ tong_sang_kien }} "
            "sáng kiến; {{ so_den_don_vi }} sáng kiến được các đơn vị chọn, chuyển lên "
            "{{ ten_don_vi }} xét."
        )
        b.paragraph(
            "Tổng giá trị làm lợi hằng năm của các sáng kiến là {{ gia_tri }} ({{ gia_tri_chu }})"
            "{% if so_xac_nhan %}; trong đó {{ so_xac_nhan }} sáng kiến có giá trị làm lợi đã được "
            "xác nhận, với tổng giá trị {{ gia_tri_xac_nhan }} ({{ gia_tri_xac_nhan_chu }})"
            "{% endif %}."
        )
        b.paragraph("a) Theo đơn vị:", CAPTION)
        table = b.table(
            ["STT", "Đơn vị", "Số CĐCS", "CĐCS có sáng kiến", "Số sáng kiến", "Chuyển lên xét"],
            [
                "{{ r.stt }}",
                "{{ r.ten }}",
                "{{ r.so_cdcs }}",
                "{{ r.cdcs_tham_gia }}",
                "{{ r.so_sang_kien }}",
                "{{ r.chuyen_len }}",
            ],
            (12, 61, 20, 24, 24, 24),
            rows="don_vi",
            centred=(0, 2, 3, 4, 5),
        )
        total_row(
            b,
            table,
            [
                "{{ tong_don_vi.so_cdcs }}",
                "{{ tong_don_vi.cdcs_tham_gia }}",
                "{{ tong_don_vi.so_sang_kien }}",
                "{{ tong_don_vi.chuyen_len }}",
            ],
        )
        b.paragraph("", AFTER_TABLE)
        b.paragraph("b) Theo lĩnh vực:", CAPTION)
        table = b.table(
            ["STT", "Lĩnh vực", "Số sáng kiến", "Giá trị làm lợi (đồng/năm)"],
            ["{{ r.stt }}", "{{ r.ten }}", "{{ r.so_sang_kien }}", "{{ r.gia_tri }}"],
            (12, 73, 30, 50),
            rows="linh_vuc",
            centred=(0, 2, 3),
        )
        total_row(b, table, ["{{ tong_linh_vuc.so_sang_kien }}", "{{ tong_linh_vuc.gia_tri }}"])
        b.paragraph("", AFTER_TABLE)
        b.paragraph("c) Theo cấp xét:", CAPTION)
        b.table(
            ["STT", "Cấp xét", "Đến cấp", "Được chọn", "Không được chọn", "Chuyển lên cấp trên"],
            [
                "{{ r.stt }}",
                "{{ r.ten }}",
                "{{ r.den }}",
                "{{ r.chon }}",
                "{{ r.khong_chon }}",
                "{{ r.chuyen_len }}",
            ],
            (12, 53, 25, 25, 25, 25),
            rows="cap_xet",
            centred=(0, 2, 3, 4, 5),
        )
        b.paragraph("", AFTER_TABLE)
        b.paragraph("II. KẾT QUẢ XÉT DUYỆT, TRAO GIẢI VÀ ĐỀ XUẤT", SECTION)
        b.tag("{%p if hoi_dong %}")
        b.paragraph(
            "{{ hoi_dong }} đã xét {{ so_xet }} sáng kiến, biểu quyết chọn {{ so_chon }} sáng "
            "kiến ở cấp {{ cap_hoi_dong }}{% if giai_tom_tat %} và trao {{ giai_tom_tat }}"
            "{% endif %}."
        )
        b.tag("{%p if giai %}")
        b.paragraph("Danh sách sáng kiến đạt giải:", CAPTION)
        b.table(
            ["STT", "Tên sáng kiến", "Tác giả", "Đơn vị", "Giá trị làm lợi (đồng/năm)"],
            ["{{ r.stt }}", "{{ r.ten }}", "{{ r.tac_gia }}", "{{ r.don_vi }}", "{{ r.gia_tri }}"],
            (12, 50, 35, 38, 30),
            group="giai",
            group_rows="dong",
            centred=(0, 4),
        )
        b.paragraph("", AFTER_TABLE)
        b.tag("{%p endif %}")
        b.tag("{%p if de_xuat %}")
        b.paragraph(
            "Lựa chọn {{ so_de_xuat }} sáng kiến tiêu biểu, có giá trị làm lợi cao nhất đề nghị "
            "{{ cap_tren }} khen thưởng:"
        )
        b.numbered("de_xuat")
        b.tag("{%p endif %}")
        b.tag("{%p if tuyen_truyen %}")
        b.paragraph(
            "Lựa chọn {{ so_tuyen_truyen }} đoàn viên, người lao động có sáng kiến tiêu biểu để "
            "tuyên truyền: {{ tuyen_truyen }}."
        )
        b.tag("{%p endif %}")
        b.tag("{%p else %}")
        b.paragraph("Hội đồng xét duyệt sáng kiến của {{ ten_don_vi }} chưa biểu quyết kết quả.")
        b.tag("{%p endif %}")
        b.paragraph("III. CÔNG TÁC KHEN THƯỞNG", SECTION)
        b.tag("{%p if not dot_xet %}")
        b.paragraph("Chương trình chưa mở đợt xét khen thưởng.")
        b.tag("{%p else %}")
        b.paragraph(
            "Đợt xét khen thưởng “{{ dot_xet }}” đã tiếp nhận {{ so_ho_so }} hồ sơ đề nghị, "
            "{{ so_hop_le }} hồ sơ hợp lệ; "
            "{% if so_quyet_dinh %}{{ so_quyet_dinh }} quyết định khen thưởng đã được ban hành "
            "cho {{ doi_tuong_khen }}{% if tong_tien %}, tổng tiền thưởng {{ tong_tien }} "
            "({{ tong_tien_chu }}){% endif %}{% else %}chưa có quyết định khen thưởng được ban "
            "hành{% endif %}."
        )
        b.tag("{%p if khen_thuong %}")
        table = b.table(
            [
                "STT",
                "Hình thức khen thưởng",
                "Quyết định",
                "Cá nhân",
                "Tập thể",
                "Tiền thưởng (đồng)",
            ],
            [
                "{{ r.stt }}",
                "{{ r.ten }}",
                "{{ r.quyet_dinh }}",
                "{{ r.ca_nhan }}",
                "{{ r.tap_the }}",
                "{{ r.tien }}",
            ],
            (12, 50, 40, 18, 18, 27),
            rows="khen_thuong",
            centred=(0, 3, 4, 5),
        )
        total_row(
            b,
            table,
            [
                "",
                "{{ tong_khen_thuong.ca_nhan }}",
                "{{ tong_khen_thuong.tap_the }}",
                "{{ tong_khen_thuong.tien }}",
            ],
        )
        b.paragraph("", AFTER_TABLE)
        b.tag("{%p endif %}")
        b.tag("{%p for h in hoi_nghi %}")
        b.paragraph(
            "{{ h.ten }} được tổ chức lúc {{ h.thoi_gian }} tại {{ h.dia_diem }}: mời "
            "{{ h.so_moi }} đại biểu, {{ h.so_co_mat }} đại biểu có mặt"
            "{% if h.khong_giay_moi %} và {{ h.khong_giay_moi }} người đến không có giấy mời"
            "{% endif %}{% if h.nhan_thuong %}; khen thưởng trao tại hội nghị: {{ h.nhan_thuong }}"
            "{% endif %}."
        )
        b.tag("{%p if h.trao %}")
        b.paragraph("Danh sách nhận khen thưởng tại hội nghị:", CAPTION)
        b.table(
            ["STT", "Họ và tên, tên tập thể", "Đơn vị", "Nhận khen thưởng"],
            ["{{ r.stt }}", "{{ r.ten }}", "{{ r.don_vi }}", "{{ r.nhan }}"],
            (12, 55, 58, 40),
            group="h.trao",
            group_rows="dong",
        )
        b.paragraph("", AFTER_TABLE)
        b.tag("{%p endif %}")
        b.tag("{%p endfor %}")
        b.tag("{%p endif %}")
        b.paragraph(
            "Trên đây là báo cáo kết quả Chương trình “{{ ten_chuong_trinh }}” của "
            "{{ ten_don_vi }}./.",
            CLOSING,
        )
        b.signature_block()

    def context(self, template: DocxTemplate) -> dict[str, Any]:
        # The document is Vietnamese whatever the language of the person printing it.
        with translation.override("vi"):
            return self._values()

    def _values(self) -> dict[str, Any]:
        document = self.obj
        programme = document.programme
        if programme is None:
            raise DocumentError(_("Báo cáo chưa gắn với chương trình nào."))
        issuer = document.issuer
        day = document.issued_on or timezone.localdate()
        # The board reads the tree on this day, or on the programme's last day if earlier.
        moment = dt.datetime.combine(day, dt.time(12), tzinfo=timezone.get_current_timezone())
        board = progress_board(programme=programme, unit=issuer, now=moment)
        scoped = Initiative.objects.filter(
            programme=programme,
            unit_id__in=subtree_unit_ids(issuer, min(day, programme.ends_on)),
        ).exclude(status__in=UNCOUNTED)
        benefit = scoped.aggregate(
            total=Sum("benefit_value"),
            certified=Sum("benefit_value", filter=~Q(benefit_certified_by="")),
            certified_count=Count(
                "id", filter=Q(benefit_value__isnull=False) & ~Q(benefit_certified_by="")
            ),
        )
        total = benefit["total"] or 0
        certified = benefit["certified"] or 0
        units: list[dict[str, Any]] = [
            {
                "stt": index,
                "ten": row.unit.name,
                "so_cdcs": row.grassroots_total,
                "cdcs_tham_gia": row.grassroots_submitted,
                "so_sang_kien": row.registered,
                "chuyen_len": row.reached_us,
            }
            for index, row in enumerate(board, start=1)
        ]
        unit_total = {
            key: sum(row[key] for row in units)
            for key in ("so_cdcs", "cdcs_tham_gia", "so_sang_kien", "chuyen_len")
        }
        fields, field_total = _by_field(programme, scoped)
        levels = levels_of(programme)
        above = ancestors_on(issuer, day)
        return {
            **self.heading(),
            "ten_chuong_trinh": programme.name,
            "thoi_gian": f"từ ngày {date_short(programme.starts_on)} "
            f"đến ngày {date_short(programme.ends_on)}",
            "ten_don_vi": issuer.name,
            "so_don_vi": len(units),
            "so_cdcs": unit_total["so_cdcs"],
            "cac_cap": join_codes([level.name for level in levels]),
            "so_cdcs_tham_gia": unit_total["cdcs_tham_gia"],
            "tong_sang_kien": scoped.count(),
            "so_den_don_vi": unit_total["chuyen_len"],
            "gia_tri": money(total),
            "gia_tri_chu": money_in_words(total),
            "so_xac_nhan": benefit["certified_count"],
            "gia_tri_xac_nhan": money(certified),
            "gia_tri_xac_nhan_chu": money_in_words(certified),
            "don_vi": units,
            "tong_don_vi": unit_total,
            "linh_vuc": fields,
            "tong_linh_vuc": field_total,
            "cap_xet": _by_level(programme, scoped),
            **_council(programme, issuer, above[-1] if above else None),
            **_commendation(programme, document.issued_on),
            "hoi_nghi": _conferences(programme, issuer, day),
        }


def total_row(b: Builder, table: Table, cells: list[str]) -> None:
    """A bold "Tổng cộng" row closing a table: its first two columns merged for the label,
    then `cells` under the remaining columns."""
    row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx has no annotations here
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    properties.append(flag)
    label = row.cells[0].merge(row.cells[1])
    b.paragraph("Tổng cộng", TOTAL, into=label)
    for cell, text in zip(row.cells[2:], cells, strict=True):
        b.paragraph(text, TOTAL, into=cell)


def _amount(value: int | None) -> str:
    """A table's money cell: the number alone, the column says 'đồng'."""
    return money(value).removesuffix(" đồng") if value else ""


def _by_field(
    programme: Programme, scoped: QuerySet[Initiative]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every field of the programme, in its order, those without initiatives too."""
    counts = {
        row["field_id"]: row
        for row in scoped.order_by()
        .values("field_id")
        .annotate(n=Count("id"), value=Sum("benefit_value"))
    }
    rows = []
    for index, item in enumerate(programme.fields.order_by("order", "name"), start=1):
        found = counts.get(item.pk, {})
        rows.append(
            {
                "stt": index,
                "ten": item.name,
                "so_sang_kien": found.get("n", 0),
                "gia_tri": _amount(found.get("value")),
            }
        )
    total = sum(row["n"] for row in counts.values())
    value = sum(row["value"] or 0 for row in counts.values())
    return rows, {"so_sang_kien": total, "gia_tri": _amount(value) or "0"}


def _by_level(programme: Programme, scoped: QuerySet[Initiative]) -> list[dict[str, Any]]:
    """How far the initiatives climbed: at each level, how many reached it, were chosen there
    (by the holder or its council's vote), were not, and went on up."""
    counts: Counter[tuple[int, str]] = Counter()
    for row in (
        Stage.objects.filter(initiative__in=scoped)
        .order_by()
        .values("level_id", "status")
        .annotate(n=Count("id"))
    ):
        counts[(row["level_id"], row["status"])] = row["n"]
    levels = levels_of(programme)
    rows = []
    for index, level in enumerate(levels, start=1):
        reached = sum(n for (level_id, _status), n in counts.items() if level_id == level.pk)
        forwarded = counts[(level.pk, StageStatus.FORWARDED)]
        rows.append(
            {
                "stt": index,
                "ten": level.name,
                "den": reached,
                "chon": counts[(level.pk, StageStatus.SELECTED)] + forwarded,
                "khong_chon": counts[(level.pk, StageStatus.NOT_SELECTED)],
                "chuyen_len": forwarded if index < len(levels) else "–",
            }
        )
    return rows


def _authors(initiative: Initiative) -> str:
    """Authors in the initiative's own order: the main author first."""
    return ", ".join(a.person.full_name for a in initiative.authorships.all())


def _council(programme: Programme, issuer: Unit, upper: Unit | None) -> dict[str, Any]:
    """The result the issuer's own council voted: prizes, selection, the top few proposed
    upward and the people chosen for media stories."""
    empty: dict[str, Any] = {
        "hoi_dong": "",
        "cap_hoi_dong": "",
        "so_xet": 0,
        "so_chon": 0,
        "giai_tom_tat": "",
        "giai": [],
        "so_de_xuat": 0,
        "de_xuat": [],
        "cap_tren": upper.name if upper else "cấp trên",
        "so_tuyen_truyen": 0,
        "tuyen_truyen": "",
    }
    slate = (
        Slate.objects.filter(
            council__in=Council.objects.filter(level__programme=programme, unit=issuer),
            status=SlateStatus.CONFIRMED,
        )
        .select_related("council__level")
        .order_by("-confirmed_at", "-id")
        .first()
    )
    if slate is None:
        return empty
    council = slate.council
    lines = list(
        SlateLine.objects.filter(slate=slate)
        .select_related("initiative__unit")
        .prefetch_related("initiative__authorships__person")
        .order_by("rank", "id")
    )
    groups = []
    number = 0
    won: list[str] = []
    for key in PRIZES:
        prized = [line for line in lines if line.prize == key]
        if not prized:
            continue
        won.append(f"{len(prized)} {prize_label(key)[:1].lower()}{prize_label(key)[1:]}")
        rows = []
        for line in prized:
            number += 1
            rows.append(
                {
                    "stt": number,
                    "ten": line.initiative.title,
                    "tac_gia": _authors(line.initiative),
                    "don_vi": line.initiative.unit.name,
                    "gia_tri": _amount(line.initiative.benefit_value),
                }
            )
        groups.append({"ten": prize_label(key), "dong": rows})
    top = sorted(
        (line for line in lines if line.top),
        key=lambda line: (-(line.initiative.benefit_value or 0), line.rank),
    )
    proposed = [
        f"“{line.initiative.title}” của {_authors(line.initiative)} "
        f"({line.initiative.unit.name})"
        + (
            f", giá trị làm lợi {money(line.initiative.benefit_value)}/năm"
            if line.initiative.benefit_value is not None
            else ""
        )
        + ";"
        for line in top
    ]
    if proposed:
        proposed[-1] = proposed[-1][:-1] + "."
    picks = sorted(
        slate.media.select_related("person", "field"),
        key=lambda p: name_sort_key(p.person.full_name),
    )
    decided = (
        f" (thành lập theo Quyết định số {council.decision_number}"
        + (f" ngày {date_short(council.decision_date)}" if council.decision_date else "")
        + ")"
        if council.decision_number
        else ""
    )
    return {
        **empty,
        "hoi_dong": council.name + decided,
        "cap_hoi_dong": council.level.name,
        "so_xet": len(lines),
        "so_chon": sum(1 for line in lines if line.selected),
        "giai_tom_tat": join_codes(won),
        "giai": groups,
        "so_de_xuat": len(proposed),
        "de_xuat": proposed,
        "so_tuyen_truyen": len(picks),
        "tuyen_truyen": ", ".join(f"{p.person.full_name} ({p.field.name})" for p in picks),
    }


def _commendation(programme: Programme, until: dt.date | None) -> dict[str, Any]:
    """The programme's cycle: dossiers received and accepted, and the awards its signed
    decisions (up to the report's date) conferred, by award, revoked ones left out."""
    empty: dict[str, Any] = {
        "dot_xet": "",
        "so_ho_so": 0,
        "so_hop_le": 0,
        "so_quyet_dinh": 0,
        "doi_tuong_khen": "",
        "tong_tien": "",
        "tong_tien_chu": "",
        "khen_thuong": [],
        "tong_khen_thuong": {},
    }
    cycle = Cycle.objects.filter(programme=programme).first()
    if cycle is None:
        return empty
    stats = cycle_stats(cycle, Nomination.objects.all())
    lines = history_lines(
        DecisionLine.objects.filter(decision__cycle=cycle), include_revoked=False
    ).select_related("nomination")
    if until is not None:
        lines = lines.filter(decision__signed_on__lte=until)
    by_award: dict[tuple[int, int], list[DecisionLine]] = {}
    decisions: dict[int, Decision] = {}
    for line in lines.order_by("decision__signed_on", "decision_id", "id"):
        decision = line.decision
        decisions[decision.pk] = decision
        by_award.setdefault((decision.award_id, decision.issuer_id), []).append(line)
    rows: list[dict[str, Any]] = []
    for index, grouped in enumerate(by_award.values(), start=1):
        decision = grouped[0].decision
        issued = {line.decision_id: line.decision for line in grouped}
        collectives = sum(1 for line in grouped if line.is_collective)
        rows.append(
            {
                "stt": index,
                "ten": decision.award.name_for(decision.issuer),
                "quyet_dinh": "; ".join(
                    f"{d.symbol} ngày {date_short(d.signed_on)}" if d.signed_on else d.symbol
                    for d in issued.values()
                ),
                "ca_nhan": len(grouped) - collectives,
                "tap_the": collectives,
                "tien": _amount(sum(line.amount or 0 for line in grouped)),
            }
        )
    people = sum(row["ca_nhan"] for row in rows)
    collectives = sum(row["tap_the"] for row in rows)
    amount = sum(line.amount or 0 for group in by_award.values() for line in group)
    counted = [
        f"{people} cá nhân" if people else "",
        f"{collectives} tập thể" if collectives else "",
    ]
    return {
        **empty,
        "dot_xet": cycle.name,
        "so_ho_so": stats.total.nominated,
        "so_hop_le": stats.total.accepted,
        "so_quyet_dinh": len(decisions),
        "doi_tuong_khen": " và ".join(part for part in counted if part),
        "tong_tien": money(amount) if amount else "",
        "tong_tien_chu": money_in_words(amount) if amount else "",
        "khen_thuong": rows,
        "tong_khen_thuong": {"ca_nhan": people, "tap_the": collectives, "tien": _amount(amount)},
    }


IN_PERSON = "Trực tiếp nhận"
ABSENT = "Vắng mặt (khen thưởng gửi về đơn vị)"


def _received(guest: Guest) -> str:
    """How an honouree received the award at the conference."""
    if guest.present_at is None:
        return ABSENT
    if guest.rsvp == Rsvp.SUBSTITUTE and guest.substitute_name:
        return f"{guest.substitute_name} nhận thay"
    return IN_PERSON


def _received_summary(rows: list[str]) -> str:
    """'3 trực tiếp nhận, 1 người dự thay nhận, 2 vắng mặt (khen thưởng gửi về đơn vị)'."""
    in_person = rows.count(IN_PERSON)
    absent = rows.count(ABSENT)
    substitute = len(rows) - in_person - absent
    parts = [
        f"{in_person} trực tiếp nhận" if in_person else "",
        f"{substitute} người dự thay nhận" if substitute else "",
        f"{absent} vắng mặt (khen thưởng gửi về đơn vị)" if absent else "",
    ]
    return ", ".join(part for part in parts if part)


def _conferences(programme: Programme, issuer: Unit, until: dt.date) -> list[dict[str, Any]]:
    """The honouring conferences of the programme's cycle held by `until` (those honouring the
    cycle, or handing over its decisions): when and where, how many were invited and came,
    and who received the awards there, by award: in person, through a substitute, or absent
    (the award then goes to their unit). Revoked awards are left out. Only conferences the
    issuer or a unit under it organised: a report speaks for its own tree."""
    cycle = Cycle.objects.filter(programme=programme).first()
    if cycle is None:
        return []
    events = (
        Event.objects.filter(Q(cycles=cycle) | Q(decisions__cycle=cycle))
        .filter(organiser_id__in=subtree_unit_ids(issuer))
        .distinct()
        .order_by("starts_at", "id")
    )
    held = [event for event in events if timezone.localdate(event.starts_at) <= until]
    result = []
    for event in held:
        counts = attendance_report(event).total
        honoured = (
            Guest.objects.filter(group__event=event)
            .filter(
                Q(decision_line__isnull=False, decision_line__revoked_at__isnull=True)
                | Q(slate_line__isnull=False)
            )
            .select_related(
                "group", "decision_line__decision__award", "decision_line__decision__issuer"
            )
            .order_by("group__order", "group_id", "order", "id")
        )
        by_award: dict[tuple[Any, ...], dict[str, Any]] = {}
        received: list[str] = []
        for guest in honoured:
            line = guest.decision_line
            if line is None:  # a council's prize: grouped by the prize and council
                group = by_award.setdefault(
                    ("prize", guest.award_name), {"ten": guest.award_name, "dong": []}
                )
            else:
                decision = line.decision
                group = by_award.setdefault(
                    (decision.award_id, decision.issuer_id),
                    {"ten": decision.award.name_for(decision.issuer), "dong": []},
                )
            how = _received(guest)
            received.append(how)
            group["dong"].append(
                {
                    "stt": len(group["dong"]) + 1,
                    "ten": guest.name,
                    "don_vi": guest.unit_name or (line.position if line is not None else ""),
                    "nhan": how,
                }
            )
        result.append(
            {
                "ten": event.title,
                "thoi_gian": time_in_words(timezone.localtime(event.starts_at)),
                "dia_diem": event.place,
                "so_moi": counts.invited,
                "so_co_mat": counts.present,
                "khong_giay_moi": counts.walk_ins,
                "nhan_thuong": _received_summary(received),
                "trao": list(by_award.values()),
            }
        )
    return result
