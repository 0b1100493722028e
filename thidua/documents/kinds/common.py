"""What the documents kept as `OfficialDocument` rows share: issuer, date, number and signer
come from the row; the rest from the object it is about."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.text import slugify

from thidua.common.vietnamese import fold
from thidua.documents.base import DocumentGenerator, heading_context
from thidua.documents.models import OfficialDocument
from thidua.orgs.models import Unit


def ascii_stem(*parts: str) -> str:
    """'Kế hoạch', '35/KH-LĐLĐ' -> 'ke-hoach-35-kh-ldld' (file names every browser keeps)."""
    return slugify(fold(" ".join(p for p in parts if p)).replace("/", " ")) or "van-ban"


def list_endings(items: list[str]) -> list[str]:
    """Items of a list sentence as documents write them: each ends with ';', the last with
    '.' (whatever punctuation they were typed with)."""
    cleaned = [item.strip().rstrip(";.") for item in items if item.strip()]
    return [item + (";" if index < len(cleaned) - 1 else ".") for index, item in enumerate(cleaned)]


class IssuedDocumentGenerator(DocumentGenerator):
    obj: OfficialDocument

    @property
    def issuer(self) -> Unit:
        return self.obj.issuer

    @property
    def day(self) -> dt.date | None:
        return self.obj.issued_on

    @property
    def stem(self) -> str:
        document = self.obj
        return ascii_stem(self.kind, document.symbol or f"du-thao-{document.pk}")

    def heading(self) -> dict[str, Any]:
        document = self.obj
        return heading_context(
            issuer=document.issuer,
            type_code=self.type_code,
            symbol=document.symbol,
            issued_on=document.issued_on,
            place=document.place_name,
            subject=document.subject,
            sign_mode=document.sign_mode,
            sign_body=document.sign_body,
            signer_title=document.signer_title,
            signer_name=document.signer_name,
            recipients=document.recipient_lines,
            year=document.created_at.year,
        )
