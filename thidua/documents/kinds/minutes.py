"""Biên bản họp Hội đồng xét duyệt sáng kiến (BB; Nghị định 30/2020, Phụ lục III, mẫu 1.9):
who sat, the rubric, how the scores were put together, the ranked result the council voted on,
and the vote against its threshold. Written from the council's latest slate that was voted on,
or its latest slate when none was (the minutes then say the vote is still to be held).

As mẫu 1.9 has it, the secretary and the chair sign side by side, and "Nơi nhận" comes under
the signatures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.utils import timezone, translation
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docxtpl import DocxTemplate

from thidua.common.vietnamese import clock_time, name_sort_key
from thidua.documents.base import DocumentError, date_official
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.common import IssuedDocumentGenerator, list_endings
from thidua.documents.layout import (
    HEADING,
    SIZE_RECIPIENTS,
    SIZE_RECIPIENTS_TITLE,
    SIZE_SIGNATURE,
    Builder,
    Style,
    _no_borders,
    _row_flag,
    _widths,
)
from thidua.reviews.enums import Basis, Correction, CouncilRole, Method, VoteMethod
from thidua.reviews.models import Council, CouncilMember, Slate, SlateLine, Vote
from thidua.reviews.rubrics import RubricSpec, format_points
from thidua.reviews.scoring import tie_breaker_label
from thidua.reviews.selection import prize_label
from thidua.reviews.selectors import council_results

BLANK = "……"
ROLE_ORDER = [
    CouncilRole.CHAIR,
    CouncilRole.VICE_CHAIR,
    CouncilRole.SECRETARY,
    CouncilRole.MEMBER,
    CouncilRole.UNION_REP,
]
# The document's words for the council's choices (what the minutes record, not UI labels).
METHOD_WORDS: dict[str, str] = {
    Method.MEAN: "trung bình cộng tổng điểm các phiếu chấm",
    Method.MEDIAN: "trung vị (giá trị ở giữa) tổng điểm các phiếu chấm",
    Method.TRIMMED: (
        "trung bình cộng tổng điểm các phiếu chấm sau khi bỏ một phiếu cao nhất và một phiếu "
        "thấp nhất (khi có từ 3 phiếu trở lên)"
    ),
}
CORRECTION_WORDS: dict[str, str] = {
    Correction.NONE: "Hội đồng không hiệu chỉnh độ lệch giữa các thành viên chấm.",
    Correction.OFFSET: (
        "Để thành viên chấm chặt hay chấm rộng không làm lệch kết quả, điểm của mỗi phiếu được "
        "hiệu chỉnh bằng cách trừ độ lệch riêng của thành viên chấm so với mặt bằng chung của "
        "Hội đồng trước khi tổng hợp."
    ),
    Correction.STANDARDISE: (
        "Để thành viên chấm chặt hay chấm rộng không làm lệch kết quả, điểm của từng thành viên "
        "được chuẩn hóa về cùng mức trung bình và độ phân tán chung của Hội đồng trước khi "
        "tổng hợp."
    ),
}
BASIS_WORDS: dict[str, str] = {
    Basis.RAW: "điểm gốc (chưa hiệu chỉnh)",
    Basis.CORRECTED: "điểm đã hiệu chỉnh",
}
VOTE_WORDS: dict[str, str] = {VoteMethod.HANDS: "giơ tay", VoteMethod.SECRET: "bỏ phiếu kín"}
PRIZE_SHORT: dict[str, str] = {"nhat": "Nhất", "nhi": "Nhì", "ba": "Ba", "kk": "Khuyến khích"}

SIGNATURE = Style(size=SIZE_SIGNATURE, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0)
ITEM = Style(first_line_mm=10, after_pt=3)


class MinutesGenerator(IssuedDocumentGenerator):
    kind = DocumentKind.MINUTES
    type_code = "BB"
    type_name = "BIÊN BẢN"
    variables = {
        "ten_hoi_dong": "Tên hội đồng",
        "thanh_lap": "Quyết định thành lập hội đồng, ví dụ “Quyết định số 45/QĐ-LĐLĐ ngày "
        "10/4/2021” (trống khi chưa ghi)",
        "chuong_trinh": "Tên chương trình, phong trào",
        "cap_xet": "Cấp xét, ví dụ LĐLĐ tỉnh",
        "thoi_gian_hop": "Giờ và ngày họp, ví dụ 09h00' ngày 05 tháng 5 năm 2021",
        "dia_diem": "Địa điểm họp",
        "gio_ket_thuc": "Giờ kết thúc cuộc họp (để trống để viết tay)",
        "da_bieu_quyet": "Đúng khi hội đồng đã biểu quyết đề xuất",
        "tong_so": "Tổng số thành viên hội đồng",
        "so_co_mat": "Số thành viên có mặt",
        "so_vang_mat": "Số thành viên vắng mặt",
        "co_mat": "Thành viên có mặt, theo vai trò (danh sách: m.vai_tro, m.ten, m.chuc_vu, m.dau)",
        "vang_mat": "Thành viên vắng mặt (danh sách như co_mat)",
        "chu_toa": "Họ và tên người chủ trì",
        "vai_tro_chu_toa": "Vai trò người chủ trì, ví dụ Chủ tịch Hội đồng",
        "chuc_danh_chu_toa": "Chức danh ký của người chủ trì, ví dụ CHỦ TỊCH HỘI ĐỒNG",
        "thu_ky": "Họ và tên thư ký",
        "bo_tieu_chi": "Tên bộ tiêu chí chấm điểm",
        "so_tieu_chi": "Số tiêu chí",
        "diem_toi_da": "Tổng điểm tối đa",
        "tieu_chi": "Các tiêu chí với điểm tối đa, tối thiểu (danh sách)",
        "cach_tinh_tong": "Cách tính tổng điểm của một phiếu chấm",
        "dieu_kien_dat": "Điều kiện đạt yêu cầu",
        "xep_loai": "Các mức xếp loại (trống khi không xếp loại)",
        "so_nguoi_cham": "Số thành viên chấm mỗi sáng kiến",
        "an_danh": "Đúng khi chấm ẩn danh",
        "so_phieu": "Số phiếu chấm đã nộp",
        "cach_tong_hop": "Cách tổng hợp điểm các phiếu",
        "hieu_chinh": "Cách hiệu chỉnh độ lệch người chấm (câu)",
        "xep_hang_theo": "Điểm dùng để xếp hạng (gốc hoặc đã hiệu chỉnh)",
        "phan_dinh": "Thứ tự ưu tiên khi bằng điểm",
        "so_sang_kien": "Số sáng kiến hội đồng xét",
        "so_duoc_cham": "Số sáng kiến đã được chấm",
        "so_dat": "Số sáng kiến đạt yêu cầu",
        "so_de_xuat": "Số sáng kiến được đề xuất chọn",
        "giai_thuong": "Số giải theo từng mức, ví dụ “1 Giải Nhất, 1 Giải Nhì”",
        "so_cap_tren": "Số sáng kiến đề nghị cấp trên xét",
        "ket_qua": "Bảng kết quả (r.hang, r.ten, r.tac_gia, r.don_vi, r.diem_goc, "
        "r.diem_hieu_chinh, r.xep_loai, r.giai, r.de_xuat)",
        "dieu_chinh": "Những điều chỉnh của hội đồng so với đề xuất ban đầu (danh sách)",
        "hinh_thuc_bieu_quyet": "Hình thức biểu quyết: giơ tay, bỏ phiếu kín",
        "dong_y": "Số thành viên đồng ý",
        "khong_dong_y": "Số thành viên không đồng ý",
        "khong_bieu_quyet": "Số thành viên không biểu quyết",
        "ty_le_dong_y": "Tỷ lệ đồng ý trên tổng số thành viên, ví dụ 80%",
        "ty_le_khong_dong_y": "Tỷ lệ không đồng ý trên tổng số thành viên",
        "ty_le_khong_bieu_quyet": "Tỷ lệ không biểu quyết trên tổng số thành viên",
        "nguong": "Ngưỡng thông qua, ví dụ 2/3",
        "thong_qua": "Đúng khi đề xuất được thông qua",
        "y_kien_khac": "Ý kiến khác",
    }

    @classmethod
    def build(cls, b: Builder) -> None:
        b.heading_block()
        b.title_block(cls.type_name)
        b.paragraph(
            "Hôm nay, vào hồi {{ thoi_gian_hop }}, tại {{ dia_diem }}, {{ ten_hoi_dong }}"
            "{% if thanh_lap %} (thành lập theo {{ thanh_lap }}){% endif %} họp xét duyệt các "
            "sáng kiến tham gia {{ chuong_trinh }}, cấp {{ cap_xet }}."
        )
        b.paragraph("I. THÀNH PHẦN", HEADING)
        b.tag("{%p if da_bieu_quyet %}")
        b.paragraph("1. Thành viên Hội đồng có mặt: {{ so_co_mat }}/{{ tong_so }} thành viên, gồm:")
        _members(b, "co_mat")
        b.paragraph(
            "2. Thành viên vắng mặt: {% if vang_mat %}{{ so_vang_mat }} thành viên, gồm:"
            "{% else %}không.{% endif %}"
        )
        _members(b, "vang_mat")
        b.tag("{%p else %}")
        b.paragraph("1. Thành viên Hội đồng: {{ tong_so }} thành viên, gồm:")
        _members(b, "co_mat")
        b.paragraph("2. Thành viên vắng mặt: {{ so_vang_mat }}")
        b.tag("{%p endif %}")
        b.paragraph(
            "3. Chủ trì: đồng chí {{ chu_toa }}, {{ vai_tro_chu_toa }}. Thư ký: đồng chí "
            "{{ thu_ky }}, Thư ký Hội đồng."
        )
        b.paragraph("II. NỘI DUNG", HEADING)
        b.paragraph(
            "Hội đồng nghe Thư ký báo cáo kết quả chấm điểm, thảo luận và thống nhất các nội "
            "dung sau:"
        )
        b.paragraph("1. Tiêu chí và thang điểm", Style(bold=True, italic=True, first_line_mm=10))
        b.paragraph(
            "Hội đồng chấm điểm theo bộ tiêu chí “{{ bo_tieu_chi }}”, gồm {{ so_tieu_chi }} "
            "tiêu chí, tổng điểm tối đa {{ diem_toi_da }} điểm:"
        )
        b.items("tieu_chi", style=ITEM)
        b.paragraph("{{ cach_tinh_tong }} {{ dieu_kien_dat }}")
        b.tag("{%p if xep_loai %}")
        b.paragraph("Xếp loại: {{ xep_loai }}.")
        b.tag("{%p endif %}")
        b.paragraph("2. Tổng hợp điểm", Style(bold=True, italic=True, first_line_mm=10))
        b.paragraph(
            "Mỗi sáng kiến do {{ so_nguoi_cham }} thành viên Hội đồng chấm độc lập"
            "{% if an_danh %}, không hiển thị tên tác giả và đơn vị{% endif %}; Hội đồng đã "
            "nhận {{ so_phieu }} phiếu chấm. Điểm của mỗi sáng kiến là {{ cach_tong_hop }}. "
            "{{ hieu_chinh }}"
        )
        b.paragraph(
            "Hội đồng xếp hạng theo {{ xep_hang_theo }}{% if phan_dinh %}; các sáng kiến bằng "
            "điểm được xếp theo thứ tự ưu tiên: {{ phan_dinh }}{% endif %}."
        )
        b.paragraph("3. Kết quả xét duyệt", Style(bold=True, italic=True, first_line_mm=10))
        b.paragraph(
            "Hội đồng xét {{ so_sang_kien }} sáng kiến, trong đó {{ so_duoc_cham }} sáng kiến "
            "đã được chấm và {{ so_dat }} sáng kiến đạt yêu cầu. Hội đồng đề xuất chọn "
            "{{ so_de_xuat }} sáng kiến{% if giai_thuong %}, trao {{ giai_thuong }}"
            "{% endif %}{% if so_cap_tren %}; đề nghị cấp trên xét {{ so_cap_tren }} sáng "
            "kiến có giá trị làm lợi cao nhất{% endif %}. Kết quả cụ thể như sau:"
        )
        table = b.table(
            [
                "Hạng",
                "Tên sáng kiến",
                "Tác giả",
                "Đơn vị",
                "Điểm gốc",
                "Điểm hiệu chỉnh",
                "Xếp loại",
                "Giải",
                "Đề xuất",
            ],
            [
                "{{ r.hang }}",
                "{{ r.ten }}",
                "{{ r.tac_gia }}",
                "{{ r.don_vi }}",
                "{{ r.diem_goc }}",
                "{{ r.diem_hieu_chinh }}",
                "{{ r.xep_loai }}",
                "{{ r.giai }}",
                "{{ r.de_xuat }}",
            ],
            [12, 35, 27, 27, 12, 13, 10, 15, 14],
            rows="ket_qua",
            centred=(0, 4, 5, 6, 7, 8),
        )
        _narrow_cell_margins(table)
        b.tag("{%p if so_cap_tren %}")
        b.paragraph(
            "(*) Sáng kiến đề nghị cấp trên xét.",
            Style(size=12, italic=True, before_pt=3, after_pt=3),
        )
        b.tag("{%p endif %}")
        b.tag("{%p if dieu_chinh %}")
        b.paragraph(
            "Hội đồng điều chỉnh so với đề xuất ban đầu:", Style(first_line_mm=10, before_pt=6)
        )
        b.items("dieu_chinh", style=ITEM)
        b.tag("{%p endif %}")
        b.paragraph("III. KẾT QUẢ BIỂU QUYẾT", HEADING)
        b.tag("{%p if da_bieu_quyet %}")
        b.paragraph(
            "Hội đồng biểu quyết đề xuất kết quả xét duyệt nêu trên bằng hình thức "
            "{{ hinh_thuc_bieu_quyet }}; số thành viên có mặt: {{ so_co_mat }}/{{ tong_so }}. "
            "Kết quả:"
        )
        b.paragraph(
            "- Đồng ý: {{ dong_y }}/{{ tong_so }} thành viên, đạt {{ ty_le_dong_y }} tổng số "
            "thành viên Hội đồng;",
            ITEM,
        )
        b.paragraph(
            "- Không đồng ý: {{ khong_dong_y }}/{{ tong_so }} thành viên, chiếm "
            "{{ ty_le_khong_dong_y }};",
            ITEM,
        )
        b.paragraph(
            "- Không biểu quyết: {{ khong_bieu_quyet }}/{{ tong_so }} thành viên, chiếm "
            "{{ ty_le_khong_bieu_quyet }}.",
            ITEM,
        )
        b.paragraph(
            "Đề xuất được thông qua khi có từ {{ nguong }} tổng số thành viên Hội đồng đồng ý. "
            "{% if thong_qua %}Như vậy, đề xuất kết quả xét duyệt đã được Hội đồng thông qua."
            "{% else %}Như vậy, đề xuất kết quả xét duyệt chưa được thông qua do chưa đạt "
            "{{ nguong }} tổng số thành viên Hội đồng đồng ý.{% endif %}"
        )
        b.paragraph("Ý kiến khác: {{ y_kien_khac }}")
        b.tag("{%p else %}")
        b.paragraph(
            "Hội đồng chưa biểu quyết đề xuất kết quả xét duyệt nêu trên. Đề xuất được thông "
            "qua khi có từ {{ nguong }} tổng số thành viên Hội đồng đồng ý."
        )
        b.tag("{%p endif %}")
        b.paragraph(
            "Cuộc họp kết thúc vào hồi {{ gio_ket_thuc }} cùng ngày; biên bản đã được đọc lại "
            "trước Hội đồng và được các thành viên có mặt nhất trí thông qua./.",
            Style(first_line_mm=10, before_pt=6, after_pt=12),
        )
        _signatures(b)

    def context(self, template: DocxTemplate) -> dict[str, Any]:
        document = self.obj
        council = document.council
        if council is None:
            raise DocumentError("Biên bản chưa gắn với hội đồng xét duyệt nào.")
        slate = _slate(council)
        if slate is None:
            raise DocumentError(
                f"{council.name} chưa có đề xuất kết quả xét duyệt, chưa lập được biên bản."
            )
        vote = slate.votes.order_by("-held_at", "-id").first()
        with translation.override("vi"):
            return {
                **self.heading(),
                **_meeting(council, vote),
                **_people(council, vote),
                **_rubric(council),
                **_scoring(council, slate),
                **_results(council, slate),
                **_vote(council, vote),
            }


# -- layout -----------------------------------------------------------------------------------


def _members(b: Builder, name: str) -> None:
    b.tag(f"{{%p for m in {name} %}}")
    b.paragraph(
        "- {{ m.vai_tro }}: đồng chí {{ m.ten }}{% if m.chuc_vu %}, {{ m.chuc_vu }}{% endif %}"
        "{{ m.dau }}",
        ITEM,
    )
    b.tag("{%p endfor %}")


def _narrow_cell_margins(table: Table, mm: float = 1) -> None:
    """1 mm each side instead of Word's 1.9 mm, so "Điểm", "Hạng" and "Không" fit their
    narrow columns whole."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(mm * 1440 / 25.4)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _signatures(b: Builder) -> None:
    """THƯ KÝ on the left, the chair on the right, on one row that stays on one page; then
    "Nơi nhận" under them, as mẫu 1.9 lays it out."""
    table = b.doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (b.width / 2, b.width / 2))
    _row_flag(table.rows[0], "w:cantSplit")
    left, right = table.rows[0].cells
    for cell, title, name in (
        (left, "THƯ KÝ", "{{ thu_ky }}"),
        (right, "{{ chuc_danh_chu_toa }}", "{{ chu_toa }}"),
    ):
        b.paragraph(title, SIGNATURE, into=cell)
        for _ in range(4):
            b.paragraph("", Style(size=SIZE_SIGNATURE, after_pt=0), into=cell)
        b.paragraph(name, SIGNATURE, into=cell)
    left_aligned = WD_ALIGN_PARAGRAPH.LEFT
    b.paragraph(
        "Nơi nhận:",
        Style(
            size=SIZE_RECIPIENTS_TITLE,
            bold=True,
            italic=True,
            align=left_aligned,
            before_pt=12,
            after_pt=0,
        ),
    )
    entry = Style(size=SIZE_RECIPIENTS, align=left_aligned, after_pt=0)
    b.tag("{%p for item in noi_nhan %}")
    b.paragraph("- {{ item }}", entry)
    b.tag("{%p endfor %}")
    b.paragraph("- Lưu: VT, Hồ sơ.", entry)


# -- context ----------------------------------------------------------------------------------


def _slate(council: Council) -> Slate | None:
    """The latest slate the council voted on, else its latest slate."""
    voted = council.slates.filter(votes__isnull=False).distinct().order_by("-number").first()
    return voted or council.slates.order_by("-number").first()


def _meeting(council: Council, vote: Vote | None) -> dict[str, Any]:
    level = council.level
    founded = ""
    if council.decision_number:
        founded = f"Quyết định số {council.decision_number}"
        if council.decision_date:
            founded += f" {date_official(council.decision_date)}"
    when = BLANK.join(["", " giờ ", " ngày ", " tháng ", " năm ", ""])
    place = BLANK * 3
    if vote is not None:
        held = timezone.localtime(vote.held_at)
        when = f"{clock_time(held)} {date_official(held.date())}"
        place = vote.place.strip() or place
    return {
        "ten_hoi_dong": council.name,
        "thanh_lap": founded,
        "chuong_trinh": f"“{level.programme.name}”",
        "cap_xet": level.name,
        "thoi_gian_hop": when,
        "dia_diem": place,
        "gio_ket_thuc": f"{BLANK} giờ {BLANK}",
    }


def _member_row(seat: CouncilMember) -> dict[str, str]:
    return {
        "vai_tro": str(CouncilRole(seat.role).label),
        "ten": seat.name,
        "chuc_vu": seat.title.strip(),
    }


def _by_role(seats: Iterable[CouncilMember]) -> list[dict[str, str]]:
    """Chair, vice-chairs, secretary, members, union representative; names in Vietnamese
    order within a role. Each line ends with ';', the last with '.'."""
    ordered = sorted(
        seats, key=lambda s: (ROLE_ORDER.index(CouncilRole(s.role)), name_sort_key(s.name))
    )
    rows = [_member_row(seat) for seat in ordered]
    for index, row in enumerate(rows):
        row["dau"] = "." if index == len(rows) - 1 else ";"
    return rows


def _first(seats: Sequence[CouncilMember], role: str) -> CouncilMember | None:
    return next((seat for seat in seats if seat.role == role), None)


def _people(council: Council, vote: Vote | None) -> dict[str, Any]:
    seats = list(council.members.filter(active=True).select_related("user").order_by("id"))
    present = list(vote.present.select_related("user").order_by("id")) if vote else seats
    here = {seat.pk for seat in present}
    absent = [seat for seat in seats if seat.pk not in here]
    # The chair presides; in the chair's absence, a vice-chair who is there.
    chair = _first(present, CouncilRole.CHAIR) or _first(present, CouncilRole.VICE_CHAIR)
    chair = chair or _first(seats, CouncilRole.CHAIR)
    secretary = _first(present, CouncilRole.SECRETARY) or _first(seats, CouncilRole.SECRETARY)
    role = str(CouncilRole(chair.role).label) if chair else "Chủ tịch Hội đồng"
    return {
        "tong_so": vote.members_total if vote else len(seats),
        "so_co_mat": len(present),
        "so_vang_mat": len(absent) if vote else BLANK,
        "co_mat": _by_role(present),
        "vang_mat": _by_role(absent),
        "chu_toa": chair.name if chair else BLANK * 3,
        "vai_tro_chu_toa": role,
        "chuc_danh_chu_toa": role.upper(),
        "thu_ky": secretary.name if secretary else BLANK * 3,
    }


def _points(value: Decimal | float | None) -> str:
    return "–" if value is None else format_points(value)


def _criteria_lines(spec: RubricSpec) -> list[str]:
    lines = []
    for criterion in spec.criteria:
        parts = [f"tối đa {criterion.max_points} điểm"]
        if criterion.minimum is not None:
            parts.append(f"tối thiểu {criterion.minimum} điểm")
        if criterion.weight != 1:
            parts.append(f"hệ số {format_points(criterion.weight)}")
        if not criterion.counted:
            parts.append("chỉ ghi trên phiếu, không tính vào tổng điểm")
        lines.append(f"{criterion.name}: {', '.join(parts)}")
    return list_endings(lines)


def _rubric(council: Council) -> dict[str, Any]:
    rubric = council.rubric
    if rubric is None:
        raise DocumentError(f"{council.name} chưa có bộ tiêu chí chấm điểm.")
    spec = rubric.spec()
    names = {c.code: c.name for c in spec.criteria}
    weighted = any(c.weight != 1 for c in spec.criteria if c.counted)
    total = "Tổng điểm của một phiếu chấm là tổng điểm các tiêu chí"
    if weighted:
        total += " nhân với hệ số của từng tiêu chí"
    if any(not c.counted for c in spec.criteria):
        total += " được tính vào tổng"
    minimums = any(c.minimum is not None for c in spec.criteria)
    if spec.pass_mark is not None and minimums:
        passing = (
            f"Sáng kiến đạt yêu cầu khi tổng điểm từ {format_points(spec.pass_mark)} điểm trở "
            "lên và điểm mỗi tiêu chí không thấp hơn mức tối thiểu."
        )
    elif spec.pass_mark is not None:
        passing = (
            f"Sáng kiến đạt yêu cầu khi tổng điểm từ {format_points(spec.pass_mark)} điểm trở lên."
        )
    elif minimums:
        passing = "Sáng kiến đạt yêu cầu khi điểm mỗi tiêu chí không thấp hơn mức tối thiểu."
    else:
        passing = "Bộ tiêu chí không quy định điểm đạt tối thiểu."
    grades = []
    for grade in spec.classes:
        text = f"loại {grade.label} từ {format_points(grade.min_total)} điểm"
        if grade.criterion_code is not None and grade.criterion_min is not None:
            criterion = names.get(grade.criterion_code, grade.criterion_code)
            text += f" ({criterion} từ {grade.criterion_min} điểm)"
        grades.append(text)
    return {
        "bo_tieu_chi": rubric.name,
        "so_tieu_chi": len(spec.criteria),
        "diem_toi_da": format_points(spec.max_total),
        "tieu_chi": _criteria_lines(spec),
        "cach_tinh_tong": f"{total} (tối đa {format_points(spec.max_total)} điểm).",
        "dieu_kien_dat": passing,
        "xep_loai": "; ".join(grades),
    }


def _scoring(council: Council, slate: Slate) -> dict[str, Any]:
    """How the scores were put together, as the council had set it when the slate was drawn."""
    rules = slate.rules or {}
    method = rules.get("method", council.method)
    correction = rules.get("correction", council.correction)
    breakers = rules.get("tie_breakers", council.tie_breakers) or []
    names = {c.code: c.name for c in council.rubric.criteria.all()} if council.rubric else {}
    return {
        "so_nguoi_cham": rules.get("reviewers_per_item", council.reviewers_per_item),
        "an_danh": bool(rules.get("blind", council.blind)),
        "cach_tong_hop": METHOD_WORDS.get(method, str(method)),
        "hieu_chinh": CORRECTION_WORDS.get(correction, ""),
        "xep_hang_theo": BASIS_WORDS.get(slate.basis, str(slate.basis)),
        "phan_dinh": ", ".join(tie_breaker_label(key, names) for key in breakers),
    }


def _authors(line: SlateLine) -> str:
    return ", ".join(a.person.full_name for a in line.initiative.authorships.all())


def _prize_counts(lines: Sequence[SlateLine]) -> str:
    counts = []
    for key in PRIZE_SHORT:
        count = sum(1 for line in lines if line.selected and line.prize == key)
        if count:
            counts.append(f"{count} {prize_label(key)}")
    return ", ".join(counts)


def _change(line: SlateLine) -> str:
    """What the council changed on one line, in words."""
    changes = []
    if line.selected != line.proposed_selected:
        changes.append(
            "bổ sung vào danh sách đề xuất" if line.selected else "đưa ra khỏi danh sách đề xuất"
        )
    if line.prize != line.proposed_prize:
        if not line.prize:
            changes.append(f"không trao {prize_label(line.proposed_prize)}")
        elif not line.proposed_prize:
            changes.append(f"trao {prize_label(line.prize)}")
        else:
            changes.append(
                f"đổi {prize_label(line.proposed_prize)} thành {prize_label(line.prize)}"
            )
    reason = line.amend_reason.strip().rstrip(".")
    text = f"“{line.initiative.title}”: {', '.join(changes)}"
    return f"{text}; lý do: {reason}" if reason else text


def _results(council: Council, slate: Slate) -> dict[str, Any]:
    lines = list(
        slate.lines.select_related("initiative__unit")
        .prefetch_related("initiative__authorships__person")
        .order_by("rank", "id")
    )
    results = council_results(council)
    on_slate = {line.initiative_id for line in lines}
    passed = sum(
        1
        for row in results.rows
        if row.initiative.pk in on_slate and row.outcome is not None and row.outcome.passed
    )
    rows = [
        {
            "hang": line.rank if line.sheets else "–",
            "ten": line.initiative.title,
            "tac_gia": _authors(line),
            "don_vi": line.initiative.unit.name,
            "diem_goc": _points(line.raw),
            "diem_hieu_chinh": _points(line.corrected),
            "xep_loai": line.grade,
            "giai": PRIZE_SHORT.get(line.prize, "") if line.selected else "",
            "de_xuat": ("Có (*)" if line.top else "Có") if line.selected else "Không",
        }
        for line in lines
    ]
    selected = [line for line in lines if line.selected]
    return {
        "so_sang_kien": len(lines),
        "so_duoc_cham": sum(1 for line in lines if line.sheets),
        "so_phieu": results.sheets,
        "so_dat": passed,
        "so_de_xuat": len(selected),
        "giai_thuong": _prize_counts(lines),
        "so_cap_tren": sum(1 for line in selected if line.top),
        "ket_qua": rows,
        "dieu_chinh": list_endings([_change(line) for line in lines if line.amended]),
    }


def _percent(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    return f"{format_points(Decimal(100 * part) / Decimal(whole))}%"


def _vote(council: Council, vote: Vote | None) -> dict[str, Any]:
    if vote is None:
        return {
            "da_bieu_quyet": False,
            "hinh_thuc_bieu_quyet": BLANK,
            "dong_y": BLANK,
            "khong_dong_y": BLANK,
            "khong_bieu_quyet": BLANK,
            "ty_le_dong_y": BLANK,
            "ty_le_khong_dong_y": BLANK,
            "ty_le_khong_bieu_quyet": BLANK,
            "nguong": council.threshold_text,
            "thong_qua": False,
            "y_kien_khac": BLANK,
        }
    total = vote.members_total
    note = " ".join(vote.note.split())
    return {
        "da_bieu_quyet": True,
        "hinh_thuc_bieu_quyet": VOTE_WORDS.get(vote.method, str(vote.method)),
        "dong_y": vote.in_favour,
        "khong_dong_y": vote.against,
        "khong_bieu_quyet": vote.abstain,
        "ty_le_dong_y": _percent(vote.in_favour, total),
        "ty_le_khong_dong_y": _percent(vote.against, total),
        "ty_le_khong_bieu_quyet": _percent(vote.abstain, total),
        "nguong": vote.threshold_text,
        "thong_qua": vote.passed,
        "y_kien_khac": (note.rstrip(".") + ".") if note else "không có.",
    }
