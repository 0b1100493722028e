"""What an uploaded file really is, judged by its content, never by its name."""

from __future__ import annotations

import io
import zipfile

from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG = "image/png"
JPEG = "image/jpeg"

LABELS = {
    PDF: "PDF",
    DOCX: "Word (.docx)",
    XLSX: "Excel (.xlsx)",
    PNG: _("ảnh PNG"),
    JPEG: _("ảnh JPEG"),
}
ACCEPTED = _("PDF, Word (.docx), Excel (.xlsx), ảnh PNG hoặc JPEG")
EXTENSIONS = {PDF: "pdf", DOCX: "docx", XLSX: "xlsx", PNG: "png", JPEG: "jpg"}


def extension_for(content_type: str) -> str:
    """The extension a stored file gets from its sniffed content type (never from its name)."""
    return EXTENSIONS.get(content_type, "bin")


def sniff(head: bytes, whole: bytes | None = None) -> str | None:
    """The content type of a file from its first bytes (and, for zip-based Office files, its
    table of contents); None when it is none of the accepted kinds."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04") and whole is not None:
        try:
            names = set(zipfile.ZipFile(io.BytesIO(whole)).namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names:
            if any(name.startswith("word/") for name in names):
                return DOCX
            if any(name.startswith("xl/") for name in names):
                return XLSX
    return None
