"""Drafting a document about an object, editing it while a draft, registering it (its
number from the issuer's register, its file kept as registered), and keeping a signed
decision's document as signed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.enums import DecisionStatus
from thidua.awards.models import Decision
from thidua.common.audit import audit_record, diff, snapshot
from thidua.documents.base import DocumentError
from thidua.documents.enums import (
    DocumentKind,
    DocumentStatus,
)
from thidua.documents.kinds import ISSUED_KINDS, generator_class
from thidua.documents.models import (
    DecisionDocument,
    OfficialDocument,
)
from thidua.documents.register import number_take
from thidua.documents.selectors import (
    document_defaults,
)
from thidua.documents.services.common import EDITABLE, _user
from thidua.orgs.selectors import unit_current_path


@transaction.atomic
def document_create(
    *, actor: Any, kind: str, obj: models.Model, now: dt.datetime | None = None
) -> OfficialDocument:
    """A draft document of `kind` about `obj`, prefilled from thidua's data."""
    if kind not in ISSUED_KINDS:
        raise ValidationError(_("Không lập được loại văn bản này ở đây."))
    values = document_defaults(kind, obj, timezone.localtime(now).date() if now else None)
    document = OfficialDocument(
        kind=kind,
        created_by=_user(actor),
        created_at=now or timezone.now(),
        **{ISSUED_KINDS[DocumentKind(kind)]: obj},
        **values,
    )
    document.full_clean()
    document.save()
    audit_record(
        actor=actor,
        action="document_create",
        obj=document,
        changes={"kind": [None, kind], "subject": [None, document.subject]},
        unit_path=unit_current_path(document.issuer),
    )
    return document


@transaction.atomic
def document_update(
    *, actor: Any, document: OfficialDocument, data: dict[str, Any]
) -> OfficialDocument:
    document = OfficialDocument.objects.select_for_update().get(pk=document.pk)
    if document.is_issued:
        raise ValidationError(
            _("Văn bản đã ban hành (số %(symbol)s) nên không sửa được; lập văn bản mới nếu cần.")
            % {"symbol": document.symbol}
        )
    group = data.get("guest_group")
    if group is not None and group.event_id != document.event_id:
        raise ValidationError({"guest_group": _("Nhóm khách mời không thuộc hội nghị này.")})
    before = snapshot(document, EDITABLE)
    for name in EDITABLE:
        if name in data:
            setattr(document, name, data[name])
    document.full_clean()
    document.save()
    changes = diff(before, snapshot(document, EDITABLE))
    if changes:
        audit_record(
            actor=actor,
            action="document_update",
            obj=document,
            changes=changes,
            unit_path=unit_current_path(document.issuer),
        )
    return document


@transaction.atomic
def document_issue(
    *,
    actor: Any,
    document: OfficialDocument,
    issued_on: dt.date,
    now: dt.datetime | None = None,
) -> OfficialDocument:
    """Register the document: its number comes from the issuer's register (the same one as
    decisions, by type code), never reused; after this it is not edited."""
    document = OfficialDocument.objects.select_for_update().get(pk=document.pk)
    if document.is_issued:
        raise ValidationError(_("Văn bản đã được cấp số %(symbol)s.") % {"symbol": document.symbol})
    today = timezone.localtime(now).date() if now else timezone.localdate()
    if issued_on > today:
        raise ValidationError({"issued_on": _("Ngày văn bản không được sau hôm nay.")})
    if not document.issuer.is_active_on(issued_on):
        raise ValidationError(
            {
                "issued_on": _(
                    "%(issuer)s không còn hoạt động vào ngày này, không ban hành văn bản được."
                )
                % {"issuer": document.issuer.name}
            }
        )
    if document.kind != DocumentKind.MINUTES and not document.signer_name.strip():
        raise ValidationError({"signer_name": _("Cần ghi người ký trước khi cấp số.")})
    generator = generator_class(document.kind)
    entry = number_take(
        actor=actor,
        issuer=document.issuer,
        type_code=generator.type_code,
        issued_on=issued_on,
        subject=f"{generator.type_name.capitalize()} {document.subject}",
        signer=document.signer_name,
        obj=document,
    )
    document.register_entry = entry
    document.symbol = entry.symbol
    document.issued_on = issued_on
    document.status = DocumentStatus.ISSUED
    # Kept as registered: later changes to the data or the template do not rewrite it.
    try:
        content = generator(document).docx()
    except DocumentError as error:
        raise ValidationError(str(error)) from error
    document.file.save(f"{document.kind}.docx", ContentFile(content), save=False)
    document.save(update_fields=["register_entry", "symbol", "issued_on", "status", "file"])
    audit_record(
        actor=actor,
        action="document_issue",
        obj=document,
        changes={"symbol": [None, document.symbol], "issued_on": [None, issued_on.isoformat()]},
        unit_path=unit_current_path(document.issuer),
    )
    return document


@transaction.atomic
def document_delete(*, actor: Any, document: OfficialDocument) -> None:
    """A draft can be thrown away; a registered document stays, like its number."""
    if document.is_issued:
        raise ValidationError(_("Văn bản đã cấp số thì không xóa được."))
    audit_record(
        actor=actor,
        action="document_delete",
        obj=document,
        changes={"subject": [document.subject, None]},
        unit_path=unit_current_path(document.issuer),
    )
    document.delete()


def decision_snapshot(decision: Decision) -> DecisionDocument | None:
    """Keep a signed decision's document as signed; None when the unit's template cannot
    write it now (the page then says why, and it is kept at the next download)."""
    existing = DecisionDocument.objects.filter(decision=decision).first()
    if existing is not None or decision.status not in {
        DecisionStatus.SIGNED,
        DecisionStatus.PUBLISHED,
    }:
        return existing
    from thidua.documents.kinds.decision import DecisionGenerator

    try:
        content = DecisionGenerator(decision).docx()
    except DocumentError:
        return None
    snapshot = DecisionDocument(decision=decision)
    snapshot.file.save("quyet-dinh.docx", ContentFile(content), save=False)
    snapshot.save()
    return snapshot
