"""Background work for documents: a batch of certificates rendered in chunks, each chunk
converted to PDF by LibreOffice and the chunks joined, with progress written as it goes so
the page can show it. Runs in a worker (`thidua db_worker`) or in-process."""

from __future__ import annotations

import io
import logging
import tempfile
import zipfile
from pathlib import Path

from django.core.files.base import File
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from pypdf import PdfWriter

from thidua.documents.base import DocumentError
from thidua.documents.enums import BatchFormat, BatchStatus, DocumentKind
from thidua.documents.kinds.certificate import CertificateGenerator
from thidua.documents.models import Certificate, DocumentBatch
from thidua.documents.pdf import convert

CHUNK = 100  # certificates per LibreOffice run: progress moves every chunk
logger = logging.getLogger(__name__)


def batch_certificates(batch: DocumentBatch) -> QuerySet[Certificate]:
    """The certificates a batch prints, in print order."""
    query = Certificate.objects.select_related("issuer", "decision_line__decision__award")
    if batch.decision_id:
        return query.filter(
            decision_line__decision_id=batch.decision_id, decision_line__revoked_at__isnull=True
        ).order_by("register_number", "id")
    return query.filter(initiative__programme=batch.programme, issuer=batch.unit).order_by(
        "register_number", "id"
    )


def _progress(batch: DocumentBatch, done: int, stage: str) -> None:
    batch.done = done
    batch.stage = stage
    DocumentBatch.objects.filter(pk=batch.pk).update(done=done, stage=stage)


def _generator(batch: DocumentBatch) -> type[CertificateGenerator]:
    from thidua.documents.kinds import generator_class

    generator = generator_class(batch.kind)
    assert issubclass(generator, CertificateGenerator)  # noqa: S101 - batches print certificates
    return generator


def batch_make(batch: DocumentBatch) -> None:
    """Render the batch into its file, updating progress; raises DocumentError on failure."""
    certificates = list(batch_certificates(batch))
    if not certificates:
        raise DocumentError(_("Không có giấy nào để in."))
    generator = _generator(batch)
    batch.total = len(certificates)
    DocumentBatch.objects.filter(pk=batch.pk).update(total=batch.total)
    name = f"{batch.kind}-{batch.pk}"
    with tempfile.TemporaryDirectory(prefix="thidua-lo-") as folder:
        root = Path(folder)
        if batch.format == BatchFormat.ZIP:
            target = root / f"{name}.zip"
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
                for index, certificate in enumerate(certificates, start=1):
                    one = generator([certificate], issuer=batch.unit)
                    archive.writestr(f"{certificate.code}.docx", one.docx())
                    if index % 20 == 0 or index == len(certificates):
                        _progress(batch, index, _("Đang tạo tệp Word"))
        else:
            writer = PdfWriter()
            done = 0
            for start in range(0, len(certificates), CHUNK):
                chunk = certificates[start : start + CHUNK]
                source = root / f"phan-{start // CHUNK:04d}.docx"
                source.write_bytes(generator(chunk, issuer=batch.unit).docx())
                (pdf,) = convert([source], root)
                writer.append(io.BytesIO(pdf.read_bytes()))
                pdf.unlink()
                source.unlink()
                done += len(chunk)
                _progress(batch, done, _("Đang tạo PDF"))
            target = root / f"{name}.pdf"
            with target.open("wb") as handle:
                writer.write(handle)
        with target.open("rb") as handle:
            batch.file.save(target.name, File(handle), save=False)
    DocumentBatch.objects.filter(pk=batch.pk).update(file=batch.file.name)


@task()
def batch_run(batch_id: int) -> str:
    """Make one batch. A failure is kept on the batch (shown with a retry button)."""
    batch = DocumentBatch.objects.select_related("unit").get(pk=batch_id)
    # Claim the batch: only one delivery of the task moves it from queued to running.
    claimed = DocumentBatch.objects.filter(pk=batch.pk, status=BatchStatus.QUEUED).update(
        status=BatchStatus.RUNNING,
        started_at=timezone.now(),
        finished_at=None,
        attempts=batch.attempts + 1,
    )
    if not claimed:
        return batch.status  # a duplicate delivery: the first one does the work
    try:
        batch_make(batch)
    except DocumentError as error:
        _finish(batch, BatchStatus.FAILED, str(error))
        return BatchStatus.FAILED
    except Exception as error:
        logger.exception("document batch %s failed", batch.pk)
        _finish(
            batch,
            BatchStatus.FAILED,
            _("Lỗi không lường trước khi tạo (%(kind)s); đã ghi vào nhật ký máy chủ.")
            % {"kind": type(error).__name__},
        )
        raise
    _finish(batch, BatchStatus.DONE, "")
    return BatchStatus.DONE


def _finish(batch: DocumentBatch, status: str, error: str) -> None:
    DocumentBatch.objects.filter(pk=batch.pk).update(
        status=status, error=error, finished_at=timezone.now(), stage=""
    )


__all__ = ["CHUNK", "DocumentKind", "batch_certificates", "batch_make", "batch_run"]
