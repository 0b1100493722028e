"""Reading a generated DOCX the way a reviewer checks it against Nghị định 30/2020: page size,
margins, fonts and sizes of each block, the number format, and the text."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Length, Mm
from docx.text.paragraph import Paragraph

NUMBER = re.compile(r"^Số: (0[1-9]|[1-9]\d+)/[A-ZĐ]+[A-Za-zĐđ]*-\S+$")


def _mm(length: Length | None) -> int:
    return round((length or 0) / Mm(1))


def open_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def all_paragraphs(doc: DocxDocument) -> list[Paragraph]:
    """Body paragraphs and those in table cells (nested once), in document order."""
    found: list[Paragraph] = []
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            found.append(Paragraph(child, doc))
        elif child.tag.endswith("}tbl"):
            for p in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
                found.append(Paragraph(p, doc))
    return found


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in all_paragraphs(open_docx(data)))


def paragraph(doc: DocxDocument, text: str) -> Paragraph:
    """The first paragraph whose text is `text` (or starts with it when it ends with '…')."""
    for p in all_paragraphs(doc):
        if p.text == text or (text.endswith("…") and p.text.startswith(text[:-1])):
            return p
    raise AssertionError(
        f"no paragraph {text!r} in:\n" + "\n".join(p.text for p in all_paragraphs(doc))
    )


def runs_look(p: Paragraph) -> set[tuple[str | None, float | None, bool, bool]]:
    """(font, size in pt, bold, italic) of every run with text."""
    return {
        (
            run.font.name,
            run.font.size.pt if run.font.size else None,
            bool(run.font.bold),
            bool(run.font.italic),
        )
        for run in p.runs
        if run.text.strip()
    }


def looks(p: Paragraph, size: float, *, bold: bool = False, italic: bool = False) -> bool:
    return runs_look(p) == {("Times New Roman", size, bold, italic)}


def has_rule_below(p: Paragraph) -> bool:
    """A drawn rule: the paragraph itself or the next one carries a bottom border."""
    nxt = p._p.getnext()
    for element in (p._p, nxt):
        if element is not None and element.find(".//{*}pBdr/{*}bottom") is not None:
            return True
    return False


def assert_decree_page(doc: DocxDocument, *, landscape: bool = False) -> None:
    section = doc.sections[0]
    width, height = (297, 210) if landscape else (210, 297)
    assert _mm(section.page_width) == width
    assert _mm(section.page_height) == height
    if not landscape:
        assert 20 <= _mm(section.top_margin) <= 25
        assert 20 <= _mm(section.bottom_margin) <= 25
        assert 30 <= _mm(section.left_margin) <= 35
        assert 15 <= _mm(section.right_margin) <= 20
    fonts = {run.font.name for p in all_paragraphs(doc) for run in p.runs if run.text.strip()}
    assert fonts == {"Times New Roman"}


def assert_decree_heading(
    doc: DocxDocument, *, parent: str, issuer: str, number: str, place_date: str
) -> None:
    """The heading block: issuer (parent regular, issuer bold, 12–13 pt caps, rule below),
    motto (12 pt caps bold; the motto line 13 pt bold with a rule), "Số:" 13 pt and place and
    date in 14 pt italics."""
    p = paragraph(doc, parent)
    assert p.text == p.text.upper() and looks(p, 12)
    p = paragraph(doc, issuer)
    assert p.text == p.text.upper() and looks(p, 12, bold=True) and has_rule_below(p)
    assert looks(paragraph(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12, bold=True)
    motto = paragraph(doc, "Độc lập - Tự do - Hạnh phúc")
    assert looks(motto, 13, bold=True) and has_rule_below(motto)
    p = paragraph(doc, f"Số: {number}")
    assert looks(p, 13) and NUMBER.match(p.text), p.text
    assert looks(paragraph(doc, place_date), 14, italic=True)


def assert_signature(
    doc: DocxDocument, *, mode: str, title: str, name: str, recipients: bool = True
) -> None:
    if mode:
        assert looks(paragraph(doc, mode), 14, bold=True)
    assert looks(paragraph(doc, title), 14, bold=True)
    assert looks(paragraph(doc, name), 14, bold=True)
    if recipients:
        assert looks(paragraph(doc, "Nơi nhận:"), 12, bold=True, italic=True)
        texts = [p.text for p in all_paragraphs(doc)]
        assert "- Lưu: VT." in texts


def repeated_header_tables(doc: DocxDocument) -> int:
    """How many tables have a header row that repeats on each page and rows that never split."""
    count = 0
    for table in doc.tables:
        rows = table._tbl.findall("{*}tr")
        if rows and rows[0].find("{*}trPr/{*}tblHeader") is not None:
            count += 1
    return count


def pdf_pages(pdf: bytes) -> tuple[int, str, int]:
    """Render a PDF to PNG with poppler's pdftoppm: (page count, first page text, PNG files)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", str(path), str(Path(folder) / "p")], check=True
        )
        pngs = sorted(Path(folder).glob("p-*.png"))
        assert all(png.read_bytes().startswith(b"\x89PNG") for png in pngs)
        first = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        info = subprocess.run(
            ["pdfinfo", str(path)], check=True, capture_output=True, text=True
        ).stdout
        found = re.search(r"Pages:\s+(\d+)", info)
        assert found is not None
        pages = int(found.group(1))
        return pages, first, len(pngs)
