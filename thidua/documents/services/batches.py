"""Batches made in the background: queued on commit, retried when they failed or stuck."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.models import Decision
from thidua.campaigns.models import Programme
from thidua.common.audit import audit_record
from thidua.documents.enums import (
    BatchFormat,
    BatchStatus,
)
from thidua.documents.models import (
    DocumentBatch,
)
from thidua.documents.selectors import (
    batch_retryable,
)
from thidua.documents.services.common import _user
from thidua.orgs.models import Unit
from thidua.orgs.selectors import unit_current_path

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
