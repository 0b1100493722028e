"""Writing documents: drafting one about an object (its facts prefilled), editing it while a
draft, registering it (number from the issuer's register), a unit's own templates, the
certificates of a decision or a programme, and batches made in the background. Every write is
atomic and audited."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.enums import AwardKind, DecisionStatus
from thidua.awards.models import Decision
from thidua.campaigns.models import Programme
from thidua.common.audit import audit_record, diff, snapshot
from thidua.documents.base import DocumentError, parent_of, template_problems
from thidua.documents.enums import (
    BatchFormat,
    BatchStatus,
    CertificateKind,
    DocumentKind,
    DocumentStatus,
)
from thidua.documents.kinds import ISSUED_KINDS, generator_class
from thidua.documents.models import (
    Certificate,
    DecisionDocument,
    DocumentBatch,
    DocumentTemplate,
    OfficialDocument,
)
from thidua.documents.register import number_take
from thidua.orgs.models import Unit
from thidua.orgs.selectors import ancestors_on, unit_current_path

EDITABLE = [
    "subject",
    "addressee",
    "place_name",
    "recipients",
    "sign_mode",
    "sign_body",
    "signer_title",
    "signer_name",
    "per_group",
    "guest_group",
]
TEMPLATE_MAX_BYTES = 5 * 1024 * 1024
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


# --- drafting and registering ------------------------------------------------------------------


def successor(unit: Unit, day: dt.date | None = None) -> Unit:
    """The unit that speaks for `unit` on `day` (today): itself while it is active; for a
    merged unit the one it merged into, for a dissolved one its last parent (and so on)."""
    day = day or timezone.localdate()
    seen = {unit.pk}
    while unit.ended_on is not None and unit.ended_on <= day:
        following = unit.merged_into
        if following is None:
            ancestors = ancestors_on(unit, unit.ended_on - dt.timedelta(days=1))
            following = ancestors[-1] if ancestors else None
        if following is None or following.pk in seen:
            break
        seen.add(following.pk)
        unit = following
    return unit


def issuer_of(obj: models.Model, day: dt.date | None = None) -> Unit:
    """The unit in whose name a document about `obj` is issued today: the object's unit, or
    the unit that took over its records after a merger or dissolution."""
    for attribute in ("organiser", "running_unit", "unit"):
        unit = getattr(obj, attribute, None)
        if isinstance(unit, Unit):
            return successor(unit, day)
    programme = getattr(obj, "programme", None)
    if isinstance(programme, Programme):
        return successor(programme.running_unit, day)
    raise ValueError(f"no issuer for {obj!r}")


def signer_defaults(issuer: Unit) -> dict[str, str]:
    """Who signs, as the issuer last signed: its latest document or decision."""
    for model in (OfficialDocument, Decision):
        last = (
            model.objects.filter(issuer=issuer)
            .exclude(signer_name="")
            .order_by("-created_at", "-id")
            .first()
        )
        if last is not None:
            return {
                "sign_mode": last.sign_mode,
                "sign_body": last.sign_body,
                "signer_title": last.signer_title,
                "signer_name": last.signer_name,
            }
    return {"sign_mode": "TM.", "sign_body": "BAN THƯỜNG VỤ", "signer_title": "CHỦ TỊCH"}


def document_defaults(kind: str, obj: Any, day: dt.date | None = None) -> dict[str, Any]:
    issuer = issuer_of(obj, day)
    parent = parent_of(issuer)
    above = parent.name if parent else ""
    values: dict[str, Any] = {"issuer": issuer, "place_name": issuer.place_name}
    if kind == DocumentKind.PLAN:
        values["subject"] = f"Tổ chức {obj.title}"
        values["recipients"] = "\n".join(
            line
            for line in (
                f"Thường trực, các Ban {above}" if above else "",
                "Các công đoàn cơ sở trực thuộc",
            )
            if line
        )
    elif kind == DocumentKind.INVITATION:
        values["subject"] = f"Dự {obj.title}"
        values["recipients"] = "Như trên"
    elif kind == DocumentKind.PROPOSAL:
        values["subject"] = f"Về việc đề nghị khen thưởng năm {obj.achievement_year}"
        values["addressee"] = f"Ban Thường vụ {above}" if above else ""
        values["recipients"] = "Như trên"
    elif kind == DocumentKind.MINUTES:
        from thidua.reviews.enums import CouncilRole

        values["subject"] = f"Họp {obj.name}"
        values["recipients"] = "Các thành viên Hội đồng"
        chair = obj.members.filter(role=CouncilRole.CHAIR, active=True).select_related("user")
        seat = chair.first()
        # A council's minutes are signed by its secretary and its chair (the built-in template
        # names both from the members); these fields carry the chair for other templates.
        values.update(
            sign_mode="",
            sign_body="",
            signer_title="CHỦ TỊCH HỘI ĐỒNG",
            signer_name=(seat.user.full_name or seat.user.username) if seat else "",
        )
    elif kind == DocumentKind.REPORT:
        values["subject"] = f"Kết quả {obj.name}"
        values["recipients"] = f"Thường trực {above}" if above else ""
    if kind != DocumentKind.MINUTES:
        values.update(signer_defaults(issuer))
    return values


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


# --- templates ---------------------------------------------------------------------------------


@transaction.atomic
def template_upload(*, actor: Any, unit: Unit, kind: str, upload: UploadedFile) -> DocumentTemplate:
    """A unit's own template for `kind`, replacing the one it had. Refused, with the reason,
    when it is not a Word file, too big, or uses placeholders the kind does not have."""
    if upload.size and upload.size > TEMPLATE_MAX_BYTES:
        raise ValidationError({"file": _("Tệp mẫu quá lớn (tối đa 5 MB).")})
    data = upload.read()
    generator = generator_class(kind)
    problems = template_problems(data, generator)
    if problems:
        raise ValidationError({"file": problems})
    existing = DocumentTemplate.objects.select_for_update().filter(unit=unit, kind=kind).first()
    if existing is not None:
        existing.file.delete(save=False)
        template = existing
    else:
        template = DocumentTemplate(unit=unit, kind=kind)
    template.original_name = (upload.name or "")[:255]
    template.uploaded_by = _user(actor)
    template.uploaded_at = timezone.now()
    template.file.save(f"{kind}.docx", ContentFile(data), save=False)
    template.save()
    audit_record(
        actor=actor,
        action="template_upload",
        obj=template,
        changes={"kind": [None, kind], "file": [None, template.original_name]},
        unit_path=unit_current_path(unit),
    )
    return template


@transaction.atomic
def template_remove(*, actor: Any, template: DocumentTemplate) -> None:
    audit_record(
        actor=actor,
        action="template_remove",
        obj=template,
        changes={"kind": [template.kind, None], "file": [template.original_name, None]},
        unit_path=unit_current_path(template.unit),
    )
    template.file.delete(save=False)
    template.delete()


# --- certificates ------------------------------------------------------------------------------


def new_code(prefix: str) -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{prefix}{body[:4]}-{body[4:]}"


def _save_with_code(certificate: Certificate, prefix: str) -> Certificate:
    for _attempt in range(5):
        certificate.code = new_code(prefix)
        try:
            with transaction.atomic():
                certificate.save()
            return certificate
        except IntegrityError:
            if Certificate.objects.filter(code=certificate.code).exists():
                continue  # the one-in-a-trillion clash: draw again
            raise
    raise RuntimeError("no free certificate code")


@transaction.atomic
def certificates_for_decision(
    *, actor: Any, decision: Decision, now: dt.datetime | None = None
) -> list[Certificate]:
    """The certificate of every person and collective of a signed decision (made once, kept
    with its code), in the order of the decision's list."""
    # One at a time per decision: a double click does not make two sets of certificates.
    decision = (
        Decision.objects.select_for_update().select_related("issuer", "award").get(pk=decision.pk)
    )
    if decision.status not in {DecisionStatus.SIGNED, DecisionStatus.PUBLISHED}:
        raise ValidationError(_("Chỉ in giấy khen cho quyết định đã ký, cấp số."))
    from thidua.awards.selectors import grouped_lines

    lines = [
        line
        for line in decision.lines.select_related("nomination__category", "certificate")
        if not line.is_revoked
    ]
    award = decision.award
    title = (
        f"Đạt danh hiệu “{award.name}” năm {decision.year or ''}".strip()
        if award.kind == AwardKind.TITLE
        else "Đã có thành tích xuất sắc"
    )
    sign_label = f"{decision.sign_mode} {decision.sign_body}".strip() if decision.sign_mode else ""
    made = 0
    result: list[Certificate] = []
    for group in grouped_lines(lines):
        for line in group.lines:
            existing = getattr(line, "certificate", None)
            if existing is not None:
                result.append(existing)
                continue
            certificate = Certificate(
                kind=CertificateKind.AWARD,
                issuer=decision.issuer,
                decision_line=line,
                holder=line.name,
                holder_detail=line.position,
                title=title,
                achievement=line.achievement or group.name,
                reference=f"Quyết định số {decision.symbol} ngày {decision.signed_on:%d/%m/%Y}"
                if decision.signed_on
                else decision.symbol,
                register_number=f"{decision.symbol}/{line.stt:02d}",  # type: ignore[attr-defined]
                issued_on=decision.signed_on or timezone.localdate(),
                place_name=decision.issuer.place_name,
                sign_label=sign_label,
                signer_title=decision.signer_title,
                signer_name=decision.signer_name,
                created_at=now or timezone.now(),
            )
            result.append(_save_with_code(certificate, "GK-"))
            made += 1
    if made:
        audit_record(
            actor=actor,
            action="certificates_make",
            obj=decision,
            changes={"certificates": [None, made]},
            unit_path=unit_current_path(decision.issuer),
        )
    return result


def recognised_initiatives(*, unit: Unit, programme: Programme) -> Any:
    """Initiatives of `programme` that `unit` recognised at its level (chosen there, or
    chosen and sent up)."""
    from thidua.initiatives.enums import StageStatus
    from thidua.initiatives.models import Initiative

    return (
        Initiative.objects.filter(
            programme=programme,
            stages__unit=unit,
            stages__status__in=[StageStatus.SELECTED, StageStatus.FORWARDED],
        )
        .select_related("unit", "programme")
        .prefetch_related("authorships__person", "stages__level")
        .distinct()
        .order_by("code")
    )


@transaction.atomic
def certificates_for_programme(
    *,
    actor: Any,
    unit: Unit,
    programme: Programme,
    issued_on: dt.date,
    sign_label: str,
    signer_title: str,
    signer_name: str,
    now: dt.datetime | None = None,
) -> list[Certificate]:
    """A Giấy chứng nhận sáng kiến for every initiative `unit` recognised in `programme`
    (made once per initiative and unit, kept with its code)."""
    if not signer_name.strip() or not signer_title.strip():
        raise ValidationError(_("Cần ghi chức vụ và họ tên người ký giấy chứng nhận."))
    Unit.objects.select_for_update().get(pk=unit.pk)  # one printing at a time per unit
    existing = {
        c.initiative_id: c
        for c in Certificate.objects.filter(issuer=unit, initiative__programme=programme)
    }
    result: list[Certificate] = []
    made = 0
    for initiative in recognised_initiatives(unit=unit, programme=programme):
        if initiative.pk in existing:
            result.append(existing[initiative.pk])
            continue
        stage = next(st for st in initiative.stages.all() if st.unit_id == unit.pk)
        certificate = Certificate(
            kind=CertificateKind.INITIATIVE,
            issuer=unit,
            initiative=initiative,
            holder=initiative.authors_text,
            holder_detail=initiative.unit.name,
            title=f"Là tác giả sáng kiến được công nhận ở {stage.level.name.lower()}",
            achievement=f"“{initiative.title}”",
            reference=f"{programme.name}",
            register_number=initiative.code,
            issued_on=issued_on,
            place_name=unit.place_name,
            sign_label=sign_label.strip(),
            signer_title=signer_title.strip(),
            signer_name=signer_name.strip(),
            created_at=now or timezone.now(),
        )
        result.append(_save_with_code(certificate, "CN-"))
        made += 1
    if not result:
        raise ValidationError(_("Đơn vị chưa công nhận sáng kiến nào trong chương trình này."))
    if made:
        audit_record(
            actor=actor,
            action="certificates_make",
            obj=programme,
            changes={"certificates": [None, made], "unit": [None, unit.name]},
            unit_path=unit_current_path(unit),
        )
    return result


# --- batches -----------------------------------------------------------------------------------


@transaction.atomic
def batch_start(
    *,
    actor: Any,
    kind: str,
    unit: Unit,
    title: str,
    fmt: str = BatchFormat.PDF,
    decision: Decision | None = None,
    programme: Programme | None = None,
    total: int = 0,
) -> DocumentBatch:
    """Queue a batch; the work starts once this transaction commits (in a worker process in
    production, in-process in the demo and tests)."""
    batch = DocumentBatch.objects.create(
        kind=kind,
        format=fmt,
        title=title[:300],
        unit=unit,
        decision=decision,
        programme=programme,
        total=total,
        requested_by=_user(actor),
    )
    audit_record(
        actor=actor,
        action="batch_start",
        obj=batch,
        changes={"title": [None, batch.title], "total": [None, total]},
        unit_path=unit_current_path(unit),
    )
    _enqueue(batch)
    return batch


def _enqueue(batch: DocumentBatch) -> None:
    from thidua.documents.tasks import batch_run

    pk = batch.pk
    transaction.on_commit(lambda: batch_run.enqueue(pk))


STUCK_AFTER = dt.timedelta(minutes=30)


def batch_retryable(batch: DocumentBatch, now: dt.datetime | None = None) -> bool:
    """A failed batch, or one queued or running for so long that its worker has died."""
    if batch.status == BatchStatus.FAILED:
        return True
    since = batch.started_at or batch.created_at
    running = batch.status in {BatchStatus.QUEUED, BatchStatus.RUNNING}
    return running and (now or timezone.now()) - since > STUCK_AFTER


@transaction.atomic
def batch_retry(*, actor: Any, batch: DocumentBatch) -> DocumentBatch:
    batch = DocumentBatch.objects.select_for_update().get(pk=batch.pk)
    if not batch_retryable(batch):
        raise ValidationError(_("Chỉ chạy lại được lô bị lỗi hoặc bị treo quá 30 phút."))
    batch.status = BatchStatus.QUEUED
    batch.error = ""
    batch.done = 0
    batch.stage = ""
    batch.save(update_fields=["status", "error", "done", "stage"])
    audit_record(
        actor=actor,
        action="batch_retry",
        obj=batch,
        unit_path=unit_current_path(batch.unit),
    )
    _enqueue(batch)
    return batch
