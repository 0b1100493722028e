"""Certificates: one per person of a signed decision, or per initiative a unit recognised,
each with its verification code."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.enums import AwardKind, DecisionStatus
from thidua.awards.models import Decision
from thidua.campaigns.models import Programme
from thidua.common.audit import audit_record
from thidua.documents.enums import (
    CertificateKind,
)
from thidua.documents.models import (
    Certificate,
)
from thidua.documents.selectors import (
    recognised_initiatives,
)
from thidua.documents.services.common import CODE_ALPHABET
from thidua.orgs.models import Unit
from thidua.orgs.selectors import unit_current_path

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
