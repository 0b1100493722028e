import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.initiatives.conftest import make_initiative
from thidua.initiatives import files, services

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_sniff_knows_files_by_content():
    assert files.sniff(PDF_BYTES[:16], PDF_BYTES) == files.PDF
    assert files.sniff(b"PK\x03\x04", docx_bytes()) == files.DOCX
    assert files.sniff(b"\x89PNG\r\n\x1a\n", None) == files.PNG
    assert files.sniff(b"just text", b"just text") is None


def test_a_real_pdf_is_attached_and_logged(kg):
    initiative = make_initiative(kg)

    attachment = services.attachment_add(
        actor=None, initiative=initiative, upload=SimpleUploadedFile("ban-mo-ta.pdf", PDF_BYTES)
    )

    assert (attachment.content_type, attachment.name) == (files.PDF, "ban-mo-ta.pdf")
    assert not attachment.file.name.endswith("ban-mo-ta.pdf")
    assert initiative.events.filter(action="attach").exists()


def test_a_file_that_claims_to_be_pdf_but_is_not_is_refused(kg):
    initiative = make_initiative(kg)
    fake = SimpleUploadedFile("xac-nhan.pdf", b"MZ\x90\x00 this is a program", "application/pdf")

    with pytest.raises(ValidationError, match=r"“xac-nhan\.pdf” không phải PDF"):
        services.attachment_add(actor=None, initiative=initiative, upload=fake)

    assert initiative.attachments.count() == 0


def test_a_file_over_the_size_limit_is_refused(kg, settings):
    settings.THIDUA_ATTACHMENT_MAX_BYTES = 10
    initiative = make_initiative(kg)

    with pytest.raises(ValidationError, match="lớn hơn"):
        services.attachment_add(
            actor=None, initiative=initiative, upload=SimpleUploadedFile("a.pdf", PDF_BYTES)
        )


def test_stored_files_take_the_extension_of_their_content_never_of_their_name():
    from thidua.initiatives.files import DOCX, PDF, extension_for

    assert [extension_for(PDF), extension_for(DOCX), extension_for("text/plain")] == [
        "pdf",
        "docx",
        "bin",
    ]
