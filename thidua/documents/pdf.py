"""DOCX to PDF through LibreOffice headless (Debian's libreoffice-writer-nogui), which lays out
Times New Roman with Liberation Serif's identical metrics. Each conversion runs with its own
LibreOffice profile, so several can run at once (two workers, two app servers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from thidua.documents.base import DocumentError


def soffice_path() -> str | None:
    configured = getattr(settings, "THIDUA_SOFFICE", "")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(paths: Sequence[Path], outdir: Path, *, timeout: int = 900) -> list[Path]:
    """Convert DOCX files to PDF in one LibreOffice run; the PDFs, in the same order."""
    binary = soffice_path()
    if binary is None:
        raise DocumentError(
            _(
                "Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; bản Word (.docx) vẫn tải "
                "được. Người quản trị cài gói libreoffice-writer-nogui (xem hướng dẫn triển khai)."
            )
        )
    with tempfile.TemporaryDirectory(prefix="thidua-lo-") as profile:
        command = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            *[str(path) for path in paths],
        ]
        env = {**os.environ, "HOME": profile}
        try:
            subprocess.run(  # noqa: S603 - fixed binary, our own temporary files
                command, capture_output=True, timeout=timeout, check=False, env=env
            )
        except subprocess.TimeoutExpired as error:
            raise DocumentError(_("Chuyển sang PDF quá lâu nên đã dừng.")) from error
    results = [outdir / (path.stem + ".pdf") for path in paths]
    missing = [path.name for path, pdf in zip(paths, results, strict=True) if not pdf.exists()]
    if missing:
        raise DocumentError(
            _("LibreOffice không chuyển được sang PDF: %(files)s.") % {"files": ", ".join(missing)}
        )
    return results


def docx_to_pdf(data: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as folder:
        source = Path(folder) / "van-ban.docx"
        source.write_bytes(data)
        (pdf,) = convert([source], Path(folder))
        return pdf.read_bytes()
