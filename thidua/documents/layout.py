"""The layout of a state document (Nghị định 30/2020/NĐ-CP, Phụ lục I; QĐ 933/QĐ-TLĐ for the
union), written with python-docx as a template: blocks carry docxtpl placeholders
(`{{ so_ky_hieu }}`), loops over paragraphs (`{%p for … %}`) and over table rows
(`{%tr for … %}`), so the same file serves as thidua's built-in template and as the starting
point a federation downloads, rewords in Word and uploads as its own.

Sizes (points) and margins follow the decree's table of formats; each block's rule is drawn as
a paragraph border of the length the decree gives, centred under its line.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"

# Page (mm): A4; margins within the decree's ranges (top/bottom 20–25, left 30–35, right 15–20).
PAGE_WIDTH, PAGE_HEIGHT = 210, 297
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm

# Font sizes (pt) of each block.
SIZE_ISSUER = 12  # parent body (regular) and issuing body (bold), caps
SIZE_MOTTO = 12  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", caps bold
SIZE_MOTTO_LINE = 13  # "Độc lập - Tự do - Hạnh phúc", bold, one size larger
SIZE_NUMBER = 13  # "Số: 35/KH-LĐLĐ"
SIZE_PLACE_DATE = 14  # italic
SIZE_TYPE = 14  # "KẾ HOẠCH", caps bold
SIZE_SUBJECT = 14  # bold
SIZE_BODY = 14
SIZE_RECIPIENTS_TITLE = 12  # "Nơi nhận:", bold italic
SIZE_RECIPIENTS = 11
SIZE_SIGNATURE = 14  # "TM. BAN THƯỜNG VỤ" / "CHỦ TỊCH" / name, bold
SIZE_TABLE = 12

# Column widths of the heading table (mm): issuer on the left, motto on the right.
ISSUER_COLUMN = 65
MOTTO_COLUMN = TEXT_WIDTH - ISSUER_COLUMN
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Style:
    size: float = SIZE_BODY
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.JUSTIFY
    first_line_mm: float = 0
    before_pt: float = 0
    after_pt: float = 6
    keep_with_next: bool = False


BODY = Style(first_line_mm=10)
HEADING = Style(bold=True, first_line_mm=10, before_pt=6, keep_with_next=True)
CENTRED = Style(align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0)
LOOP = Style(size=2, after_pt=0, align=None)  # a paragraph that only carries a {%p %} tag


# Schema order (WordprocessingML): what must follow each element we insert, so Word opens the
# file without "unreadable content".
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")


def _mark_size(paragraph: Paragraph, size: float) -> None:
    """The size of an empty paragraph's mark, which sets the height of a blank line."""
    properties = paragraph._p.get_or_add_pPr()
    mark = OxmlElement("w:rPr")
    _fonts(mark)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        mark.append(element)
    properties.insert_element_before(mark, "w:sectPr", "w:pPrChange")


def _fonts(run_properties: Any) -> None:
    fonts = run_properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        run_properties.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _border(paragraph: Paragraph, edge: str = "bottom") -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), "6")  # eighths of a point: a ¾ pt solid line
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), "000000")
    borders.append(line)
    properties.insert_element_before(borders, *_AFTER_PBDR)


def _no_borders(table: Table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _all_borders(table: Table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _row_flag(row: object, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Column widths in the grid (what LibreOffice reads) and in every cell (what Word reads)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


class Builder:
    """A document under construction, block by block, in the decree's layout."""

    def __init__(self, *, landscape: bool = False) -> None:
        self.doc: DocxDocument = Document()
        section = self.doc.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(PAGE_HEIGHT), Mm(PAGE_WIDTH)
            section.left_margin = section.right_margin = Mm(20)
            section.top_margin = section.bottom_margin = Mm(15)
            self.width = PAGE_HEIGHT - 40
        else:
            section.page_width, section.page_height = Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT)
            section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
            section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
            self.width = TEXT_WIDTH
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(SIZE_BODY)
        _fonts(normal.element.get_or_add_rPr())
        paragraph_format = normal.paragraph_format
        paragraph_format.space_after = Pt(0)
        paragraph_format.line_spacing = 1.0
        self.doc.core_properties.language = "vi-VN"
        self.doc.core_properties.author = "thidua"

    # -- paragraphs ---------------------------------------------------------------------------

    def paragraph(
        self,
        text: str = "",
        style: Style = BODY,
        *,
        into: _Cell | None = None,
        parts: Sequence[tuple[str, Style]] = (),
    ) -> Paragraph:
        """One paragraph; `parts` adds runs of other weights after `text` (e.g. a bold date)."""
        container = into if into is not None else self.doc
        if into is not None and len(into.paragraphs) == 1 and not into.paragraphs[0].text:
            paragraph = into.paragraphs[0]  # a new cell's own empty paragraph
        else:
            paragraph = container.add_paragraph()
        fmt = paragraph.paragraph_format
        if style.align is not None:
            paragraph.alignment = style.align
        fmt.first_line_indent = Mm(style.first_line_mm) if style.first_line_mm else None
        fmt.space_before = Pt(style.before_pt)
        fmt.space_after = Pt(style.after_pt)
        fmt.keep_with_next = style.keep_with_next or None
        for run_text, run_style in ((text, style), *parts):
            if run_text:
                self.run(paragraph, run_text, run_style)
        if not text and not parts:
            # An empty paragraph still takes its size: it sets the height of blank lines.
            _mark_size(paragraph, style.size)
        return paragraph

    def run(self, paragraph: Paragraph, text: str, style: Style) -> None:
        run = paragraph.add_run(text)
        run.font.name = FONT
        run.font.size = Pt(style.size)
        run.font.bold = style.bold or None
        run.font.italic = style.italic or None
        _fonts(run._r.get_or_add_rPr())

    def tag(self, tag: str, *, into: _Cell | None = None) -> Paragraph:
        """A paragraph that holds only a docxtpl block tag: `{%p for x in xs %}`."""
        return self.paragraph(tag, LOOP, into=into)

    def items(self, name: str, *, prefix: str = "- ", style: Style = BODY) -> None:
        """One paragraph per item of the list `name`: '- item'."""
        self.tag(f"{{%p for item in {name} %}}")
        self.paragraph(f"{prefix}{{{{ item }}}}", style)
        self.tag("{%p endfor %}")

    def numbered(self, name: str, *, style: Style = BODY) -> None:
        """'1. item', '2. item' …"""
        self.tag(f"{{%p for item in {name} %}}")
        self.paragraph("{{ loop.index }}. {{ item }}", style)
        self.tag("{%p endfor %}")

    def rule(self, width_mm: float, *, into: _Cell | None = None, column_mm: float = 0) -> None:
        """A short solid line of `width_mm`, centred in its column (the decree's kẻ ngang)."""
        column = column_mm or self.width
        paragraph = self.paragraph("", Style(size=1, after_pt=4, align=None), into=into)
        side = max(0.0, (column - width_mm) / 2)
        paragraph.paragraph_format.left_indent = Mm(side)
        paragraph.paragraph_format.right_indent = Mm(side)
        paragraph.paragraph_format.line_spacing = Pt(2)
        _border(paragraph)

    def page_break(self) -> None:
        paragraph = self.paragraph("", LOOP)
        paragraph.add_run().add_break(WD_BREAK.PAGE)

    # -- the decree's blocks ------------------------------------------------------------------

    def heading_block(self, *, number: bool = True) -> None:
        """Issuer (parent body, issuing body, rule) and "Số:" on the left; the national motto
        (with its rule) and place and date in italics on the right."""
        table = self.doc.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_borders(table)
        _widths(table, (ISSUER_COLUMN, MOTTO_COLUMN))
        left, right = table.rows[0].cells
        centred_issuer = Style(size=SIZE_ISSUER, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0)
        self.paragraph("{{ co_quan_cap_tren }}", centred_issuer, into=left)
        self.paragraph(
            "{{ co_quan_ban_hanh }}",
            Style(size=SIZE_ISSUER, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
            into=left,
        )
        self.rule(24, into=left, column_mm=ISSUER_COLUMN)
        self.paragraph(
            MOTTO,
            Style(size=SIZE_MOTTO, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
            into=right,
        )
        self.paragraph(
            MOTTO_LINE,
            Style(size=SIZE_MOTTO_LINE, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
            into=right,
        )
        self.rule(62, into=right, column_mm=MOTTO_COLUMN)
        left, right = table.rows[1].cells
        if number:
            self.paragraph(
                "Số: {{ so_ky_hieu }}",
                Style(size=SIZE_NUMBER, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
                into=left,
            )
        self.paragraph(
            "{{ dia_danh_ngay }}",
            Style(size=SIZE_PLACE_DATE, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
            into=right,
        )
        self.paragraph("", Style(after_pt=6))

    def title_block(self, type_name: str, subject: str = "{{ trich_yeu }}") -> None:
        """The type name in caps bold, the subject in bold below it, and a short rule."""
        self.paragraph(
            type_name,
            Style(size=SIZE_TYPE, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
        )
        if subject:
            self.paragraph(
                subject,
                Style(size=SIZE_SUBJECT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0),
            )
        self.rule(30)
        self.paragraph("", Style(after_pt=0))

    def signature_block(self, *, recipients: bool = True) -> None:
        """Nơi nhận on the left (ending with "Lưu: VT."); TM./KT./TL. with the title, space for
        the signature and seal, and the signer's name on the right."""
        table = self.doc.add_table(rows=1, cols=2)
        _no_borders(table)
        _widths(table, (self.width * 0.45, self.width * 0.55))
        _row_flag(table.rows[0], "w:cantSplit")  # the block stays on one page
        left, right = table.rows[0].cells
        if recipients:
            self.paragraph(
                "Nơi nhận:",
                Style(
                    size=SIZE_RECIPIENTS_TITLE,
                    bold=True,
                    italic=True,
                    align=WD_ALIGN_PARAGRAPH.LEFT,
                    after_pt=0,
                ),
                into=left,
            )
            entry = Style(size=SIZE_RECIPIENTS, align=WD_ALIGN_PARAGRAPH.LEFT, after_pt=0)
            self.tag("{%p for item in noi_nhan %}", into=left)
            self.paragraph("- {{ item }}", entry, into=left)
            self.tag("{%p endfor %}", into=left)
            self.paragraph("- Lưu: VT.", entry, into=left)
        signature = Style(
            size=SIZE_SIGNATURE, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0
        )
        self.tag("{%p if ky_the %}", into=right)
        self.paragraph("{{ ky_the }}", signature, into=right)
        self.tag("{%p endif %}", into=right)
        self.paragraph("{{ chuc_vu_ky }}", signature, into=right)
        for _ in range(4):
            self.paragraph("", Style(size=SIZE_SIGNATURE, after_pt=0), into=right)
        self.paragraph("{{ nguoi_ky }}", signature, into=right)

    # -- tables -------------------------------------------------------------------------------

    def table(
        self,
        headers: Sequence[str],
        cells: Sequence[str],
        widths_mm: Sequence[float],
        *,
        rows: str = "dong",
        group: str = "",
        group_rows: str = "",
        centred: Sequence[int] = (0,),
    ) -> Table:
        """A bordered table whose header row repeats on every page and whose rows never split
        across pages. `cells` are the placeholders of one row, repeated for each item of
        `rows`. With `group`, rows come in groups: a full-width row titled `{{ g.ten }}` then
        the group's rows (`group_rows`, an attribute of each group)."""
        body = [rows] if not group else [group_rows]
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _all_borders(table)
        _widths(table, widths_mm)
        header_style = Style(
            size=SIZE_TABLE, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0
        )
        for cell, header, width in zip(table.rows[0].cells, headers, widths_mm, strict=True):
            cell.width = Mm(width)
            self.paragraph(header, header_style, into=cell)
        _row_flag(table.rows[0], "w:tblHeader")

        def tag_row(tag: str) -> None:
            row = table.add_row()
            self.paragraph(tag, LOOP, into=row.cells[0])

        if group:
            tag_row(f"{{%tr for g in {group} %}}")
            title_row = table.add_row()
            merged = title_row.cells[0].merge(title_row.cells[-1])
            self.paragraph(
                "{{ g.ten }}",
                Style(size=SIZE_TABLE, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after_pt=0),
                into=merged,
            )
            _row_flag(title_row, "w:cantSplit")
            tag_row(f"{{%tr for r in g.{body[0]} %}}")
        else:
            tag_row(f"{{%tr for r in {body[0]} %}}")
        row = table.add_row()
        _row_flag(row, "w:cantSplit")
        for index, (cell, text, width) in enumerate(zip(row.cells, cells, widths_mm, strict=True)):
            cell.width = Mm(width)
            align = WD_ALIGN_PARAGRAPH.CENTER if index in centred else WD_ALIGN_PARAGRAPH.LEFT
            self.paragraph(text, Style(size=SIZE_TABLE, align=align, after_pt=0), into=cell)
        tag_row("{%tr endfor %}")
        if group:
            tag_row("{%tr endfor %}")
        return table

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()
