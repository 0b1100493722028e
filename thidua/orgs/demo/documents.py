"""The demo's documents: An Lão's Kế hoạch 35/KH-LĐLĐ of 12/6/2024 (seed 000) registered from
its conference, a draft Giấy mời for the conference's guests, and the Giấy khen of
52/QĐ-LĐLĐ with their verification codes (so the public check page has real codes to try)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from thidua.awards.models import Decision
from thidua.common.models import AuditEntry
from thidua.documents import services
from thidua.documents.enums import DocumentKind
from thidua.documents.models import (
    Certificate,
    DocumentBatch,
    DocumentTemplate,
    OfficialDocument,
)
from thidua.documents.register import register_continue
from thidua.events.models import Event
from thidua.orgs.demo.events import AL_PLAN_DAY

if TYPE_CHECKING:
    from thidua.orgs.demo.loader import _Loader

PLAN_RECIPIENTS = "\n".join(
    [
        "Thường trực, các Ban LĐLĐ thành phố;",
        "Thường trực HU, HĐND, UBND huyện;",
        "Các CĐCS trực thuộc;",
    ]
)
PLAN_SIGNER = "Phạm Thị Nga"


def load_documents(loader: _Loader) -> OfficialDocument:
    """Side effects: the KH and GM documents of the conference (the KH registered as number 35
    after continuing the district's 2024 KH register from its paper book at 34), the
    certificates of 52/QĐ-LĐLĐ, and the audit entries of all of it."""
    event = Event.objects.get(organiser=loader.units["HP-ANLAO"])
    district = event.organiser
    plan = services.document_create(actor=None, kind=DocumentKind.PLAN, obj=event, now=AL_PLAN_DAY)
    plan = services.document_update(
        actor=None,
        document=plan,
        data={"recipients": PLAN_RECIPIENTS, "signer_name": PLAN_SIGNER},
    )
    register_continue(actor=None, issuer=district, type_code="KH", year=2024, last_number=34)
    plan = services.document_issue(
        actor=None, document=plan, issued_on=dt.date(2024, 6, 12), now=AL_PLAN_DAY
    )
    services.document_create(actor=None, kind=DocumentKind.INVITATION, obj=event, now=AL_PLAN_DAY)
    decision = Decision.objects.get(issuer=district, symbol="52/QĐ-LĐLĐ")
    services.certificates_for_decision(actor=None, decision=decision)
    return plan


def documents_summary() -> list[str]:
    rows = []
    for document in OfficialDocument.objects.select_related("issuer").order_by("id"):
        rows.append(
            f"  {document.get_kind_display()} {document.symbol or '(dự thảo)'}: "
            f"{document.subject} ({document.issuer.name})"
        )
    first = Certificate.objects.order_by("id").first()
    if first is not None:
        rows.append(
            f"  {Certificate.objects.count()} giấy khen có mã xác minh, ví dụ {first.code} "
            f"({first.holder}): /xac-minh/{first.code}/"
        )
    return rows


def documents_wipe() -> None:
    """Delete documents, certificates, batches and templates with their audit entries (for
    `demo --reset`). Runs first: registered documents hold their register entries."""
    files = [b.file for b in DocumentBatch.objects.all()]
    files += [t.file for t in DocumentTemplate.objects.all()]
    for file in files:
        if file:
            file.delete(save=False)
    for model in (Certificate, DocumentBatch, DocumentTemplate, OfficialDocument):
        model.objects.all().delete()
    AuditEntry.objects.filter(
        object_type__in=[
            "documents.officialdocument",
            "documents.certificate",
            "documents.documentbatch",
            "documents.documenttemplate",
        ]
    ).delete()
