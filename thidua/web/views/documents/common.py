"""What the document views share: streaming a generated file, and going back to the page of
the object with the reason when it cannot be made."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.http import content_disposition_header

from thidua.documents.base import PDF_CONTENT_TYPE, DocumentError, Renderable

FORMATS = ("docx", "pdf")


def file_response(
    data: bytes, filename: str, content_type: str, *, inline: bool = False
) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename) or ""
    response["X-Content-Type-Options"] = "nosniff"
    return response


def generated(request: HttpRequest, generator: Renderable, fmt: str, back: str) -> HttpResponseBase:
    """The document as DOCX or PDF (?xem=1 shows the PDF in the browser: the preview); on
    failure, back to `back` with the reason."""
    inline = request.GET.get("xem") == "1"
    try:
        if fmt == "pdf":
            data = generator.pdf()
            return file_response(data, f"{generator.stem}.pdf", PDF_CONTENT_TYPE, inline=inline)
        return file_response(generator.docx(), generator.filename, generator.content_type)
    except DocumentError as error:
        messages.error(request, str(error))
        return redirect(back)
