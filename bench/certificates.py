"""Benchmark: a signed decision with N people (1,000 by default) and its certificates printed
as one PDF through the same path as the page's button (render in chunks, LibreOffice, join).
Loading uses bulk inserts; the figure reported is the batch alone."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.db import transaction


def load(size: int) -> Any:
    """A city federation, a district under it, a Giấy khen decision with `size` lines, and
    their certificates: the data a district prints after its conference."""
    import random

    from thidua.awards.enums import DecisionStatus
    from thidua.awards.models import Award, Decision, DecisionLine
    from thidua.awards.services.catalogue import catalogue_load
    from thidua.common.vietnamese import fold, name_sort_key
    from thidua.documents import services
    from thidua.orgs import services as orgs
    from thidua.orgs.demo.names import random_full_name

    catalogue_load()
    rng = random.Random(2024)
    with transaction.atomic():
        city = orgs.unit_create(actor=None, code="BENCH-HP", name="Liên đoàn Lao động thành phố "
                                "Hải Phòng", kind="ldld_tinh", parent=None,
                                established_on=dt.date(2000, 1, 1), short_name="LĐLĐ")  # fmt: skip
        district = orgs.unit_create(actor=None, code="BENCH-AL", name="Liên đoàn Lao động huyện "
                                    "An Lão", kind="ldld_huyen", parent=city,
                                    established_on=dt.date(2000, 1, 1), short_name="LĐLĐ",
                                    place_name="An Lão")  # fmt: skip
        decision = Decision.objects.create(
            issuer=district, award=Award.objects.get(code="giay-khen"),
            subject="Về việc tặng Giấy khen cho các cá nhân đạt thành tích xuất sắc năm 2023",
            signer_name="Phạm Thị Nga", status=DecisionStatus.SIGNED, number=52, year=2024,
            symbol="52/QĐ-LĐLĐ", signed_on=dt.date(2024, 7, 19),
        )  # fmt: skip
        lines = []
        for index in range(size):
            name = random_full_name(rng, region="north", gender="nu" if index % 2 else "nam")
            lines.append(
                DecisionLine(
                    decision=decision,
                    order=index,
                    name=name,
                    position=f"Công nhân, Công đoàn cơ sở số {index % 40 + 1}",
                    group="Lao động giỏi tiêu biểu năm 2023",
                    achievement="Hoàn thành xuất sắc nhiệm vụ năm 2023.",
                    sort_key=name_sort_key(name),
                    name_folded=fold(name),
                )
            )
        DecisionLine.objects.bulk_create(lines, batch_size=500)
    services.certificates_for_decision(actor=None, decision=decision)
    return decision


def run(size: int = 1000) -> dict[str, Any]:
    from thidua.documents import services
    from thidua.documents.enums import BatchFormat, BatchStatus, DocumentKind
    from thidua.documents.models import DocumentBatch
    from thidua.documents.tasks import batch_run

    started = time.perf_counter()
    decision = load(size)
    loaded = time.perf_counter() - started
    with transaction.atomic():
        batch = services.batch_start(
            actor=None, kind=DocumentKind.AWARD_CERTIFICATE, unit=decision.issuer,
            title="Giấy khen theo Quyết định số 52/QĐ-LĐLĐ", fmt=BatchFormat.PDF,
            decision=decision, total=size,
        )  # fmt: skip
    # batch_start enqueued the task on commit; with TASK_BACKEND=immediate it has run.
    batch = DocumentBatch.objects.get(pk=batch.pk)
    if batch.status == BatchStatus.QUEUED:  # another backend: run it here
        batch_run.call(batch.pk)
        batch = DocumentBatch.objects.get(pk=batch.pk)
    if batch.status != BatchStatus.DONE:
        raise RuntimeError(f"batch failed: {batch.error}")
    from pypdf import PdfReader

    with batch.file.open("rb") as handle:
        pages = len(PdfReader(handle).pages)
    return {
        "name": f"{size} certificates as one PDF (background batch)",
        "size": size,
        "seconds": round(batch.seconds or 0.0, 1),
        "load_seconds": round(loaded, 1),
        "pages": pages,
        "target_seconds": 120,
    }
