"""Reading documents: what a registered document serves, and the facts a new one starts from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone

from thidua.awards.models import Decision
from thidua.campaigns.models import Programme
from thidua.documents.base import Renderable, StoredDocument, parent_of
from thidua.documents.enums import BatchStatus, DocumentKind
from thidua.documents.kinds import generator_class
from thidua.documents.kinds.common import IssuedDocumentGenerator
from thidua.documents.kinds.decision import DecisionGenerator
from thidua.documents.models import DocumentBatch, OfficialDocument
from thidua.orgs.models import Unit
from thidua.orgs.selectors import ancestors_on


def renderable(document: OfficialDocument) -> Renderable:
    """A registered document's stored file (as it was when its number was taken); a draft is
    written afresh from the data and the unit's template."""
    generator = generator_class(document.kind)(document)
    if document.is_issued and document.file:
        with document.file.open("rb") as handle:
            assert isinstance(generator, IssuedDocumentGenerator)  # noqa: S101
            return StoredDocument(generator.stem, handle.read())
    return generator


def decision_renderable(decision: Decision) -> Renderable:
    """A signed decision as it was signed (kept at signing, or now if it was not); a draft
    written afresh."""
    from thidua.documents.services import decision_snapshot

    generator = DecisionGenerator(decision)
    snapshot = decision_snapshot(decision)
    if snapshot is None:
        return generator
    with snapshot.file.open("rb") as handle:
        return StoredDocument(generator.stem, handle.read())


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


STUCK_AFTER = dt.timedelta(minutes=30)


def batch_retryable(batch: DocumentBatch, now: dt.datetime | None = None) -> bool:
    """A failed batch, or one queued or running for so long that its worker has died."""
    if batch.status == BatchStatus.FAILED:
        return True
    since = batch.started_at or batch.created_at
    running = batch.status in {BatchStatus.QUEUED, BatchStatus.RUNNING}
    return running and (now or timezone.now()) - since > STUCK_AFTER
