"""Imports and exports as background jobs (decision 0011): the confirm step of an import and a
large export start a Job; these handlers do the work in a worker, with progress.

An import stays all or nothing: the handler runs the same import the preview ran, in one
transaction, against the fingerprint the user confirmed; if any row fails at write time,
nothing is written and the job fails with every row's problem in its result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.jobs import services as jobs
from thidua.jobs.enums import JobKind
from thidua.jobs.models import Job
from thidua.jobs.registry import JobRefused, Outcome, Progress, register
from thidua.orgs.models import Unit
from thidua.orgs.permissions import require_cap_somewhere
from thidua.spreadsheets.base import ImportReport
from thidua.spreadsheets.exports import SheetDocument
from thidua.spreadsheets.initiative_exports import InitiativeExport
from thidua.spreadsheets.initiative_filters import filters_from_query
from thidua.spreadsheets.kinds import KINDS, SheetKind
from thidua.spreadsheets.staging import StagedFile

IMPORTS = {
    "unit": JobKind.UNIT_IMPORT,
    "person": JobKind.PERSON_IMPORT,
    "initiative": JobKind.INITIATIVE_IMPORT,
}
EXPORTS = {
    "unit": JobKind.UNIT_EXPORT,
    "person": JobKind.PERSON_EXPORT,
    "initiative": JobKind.INITIATIVE_EXPORT,
}


def import_start(
    *, actor: Any, staged: StagedFile, fingerprint: str, language: str, unit: Unit | None = None
) -> Job:
    """Queue the import of a previewed upload, to apply exactly what the preview showed
    (`fingerprint`). The job keeps its own copy of the file."""
    kind = KINDS[staged.kind]
    with staged.path.open("rb") as source:
        return jobs.job_start(
            actor=actor,
            kind=IMPORTS[kind.slug],
            title=_("Nhập “%(name)s” (%(what)s)") % {"name": staged.filename, "what": kind.title},
            unit=unit,
            params={
                "sheet": kind.slug,
                "options": staged.options,
                "filename": staged.filename,
                "fingerprint": fingerprint,
                "language": language,
            },
            source=source,
        )


def export_start(
    *, actor: Any, sheet: str, language: str, query: str = "", unit: Unit | None = None
) -> Job:
    """Queue an export: of a kind's whole list, or (initiatives) of the web list filtered by
    `query`, its query string."""
    kind = KINDS[sheet]
    return jobs.job_start(
        actor=actor,
        kind=EXPORTS[sheet],
        title=_("Xuất danh sách %(what)s") % {"what": kind.title},
        unit=unit,
        params={"sheet": sheet, "query": query, "language": language},
    )


def import_summary(report: ImportReport) -> dict[str, Any]:
    """An import report as the job keeps it (JSON)."""
    return {
        "applied": report.applied,
        "stale": report.stale,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "additions": list(report.additions),
        "notes": [str(note) for note in report.notes],
        "warnings": [str(warning) for warning in report.warnings],
        "problems": [
            {"row": p.row, "column": p.column, "letter": p.letter, "message": str(p.message)}
            for p in report.problems
        ],
    }


def _actor(job: Job) -> Any:
    if job.created_by is None or not job.created_by.is_active:
        raise JobRefused(_("Tài khoản đã yêu cầu việc này không còn hoạt động."))
    return job.created_by


def run_import(job: Job, progress: Progress) -> Outcome:
    actor = _actor(job)
    kind: SheetKind = KINDS[job.params["sheet"]]
    if not job.source:
        raise JobRefused(_("Không còn tệp đã tải lên; hãy tải tệp lên lại."))
    args = kind.import_args(actor, job.params.get("options", {}))
    progress(0, message=_("Đang ghi từng dòng"))
    report = kind.run_import(
        actor=actor, file=Path(job.source.path), dry_run=False,
        expected_fingerprint=job.params.get("fingerprint") or None, progress=progress, **args,
    )  # fmt: skip
    summary = import_summary(report)
    if report.applied:
        return Outcome(result=summary)
    count = len(report.problems)
    if not count:
        raise JobRefused(
            _(
                "Dữ liệu đã thay đổi kể từ lúc xem trước nên chưa ghi gì. Hãy tải tệp lên lại "
                "để xem trước lần nữa."
            ),
            result=summary,
        )
    raise JobRefused(
        ngettext(
            "Khi ghi, tệp có %(count)s lỗi nên không ghi gì cả. Hãy sửa tệp rồi nhập lại.",
            "Khi ghi, tệp có %(count)s lỗi nên không ghi gì cả. Hãy sửa tệp rồi nhập lại.",
            count,
        )
        % {"count": count},
        result=summary,
    )


def _export_document(job: Job) -> SheetDocument:
    actor = _actor(job)
    sheet = job.params["sheet"]
    if sheet == "initiative":
        filters = filters_from_query(actor, QueryDict(job.params.get("query", "")))
        return InitiativeExport(user=actor, filters=filters)
    kind = KINDS[sheet]
    require_cap_somewhere(actor, kind.view_cap)
    document = kind.export(user=actor)
    assert isinstance(document, SheetDocument)  # noqa: S101 - every export is a SheetDocument
    return document


def run_export(job: Job, progress: Progress) -> Outcome:
    document = _export_document(job)
    progress(0, document.row_count(), _("Đang ghi tệp Excel"))
    document.progress = progress
    out = document.rendered()
    return Outcome(result={"rows": progress.job.done}, file=out, filename=document.filename)


for _kind in IMPORTS.values():
    register(_kind)(run_import)
for _kind in EXPORTS.values():
    register(_kind)(run_export)
