"""Imports and exports as background jobs (decision 0011): the confirm step of an import and a
large export start a Job; these handlers do the work in a worker, with progress. The preview
of a long file is a job too: its page shows the preview and the confirm button, which starts
the import job with the preview's fingerprint.

An import stays all or nothing: the handler runs the same import the preview ran, in one
transaction, against the fingerprint the user confirmed; if any row fails at write time,
nothing is written and the job fails with every row's problem in its result."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.http import Http404, HttpRequest, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.jobs import services as jobs
from thidua.jobs.enums import JobKind, JobStatus
from thidua.jobs.models import Job
from thidua.jobs.permissions import is_owner
from thidua.jobs.registry import JobRefused, Outcome, Progress, ResultPage, register
from thidua.orgs.models import Unit
from thidua.orgs.permissions import require_cap_somewhere
from thidua.spreadsheets import reader
from thidua.spreadsheets.base import ImportReport, RowOutcome
from thidua.spreadsheets.exports import SheetDocument
from thidua.spreadsheets.initiative_exports import InitiativeExport
from thidua.spreadsheets.initiative_filters import filters_from_query
from thidua.spreadsheets.kinds import KINDS, SheetKind
from thidua.spreadsheets.staging import StagedFile, query_string

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
    with staged.path.open("rb") as source:
        return _import_job(
            actor=actor, sheet=staged.kind, filename=staged.filename, options=staged.options,
            fingerprint=fingerprint, language=language, unit=unit, source=source,
        )  # fmt: skip


def _import_job(
    *,
    actor: Any,
    sheet: str,
    filename: str,
    options: dict[str, str],
    fingerprint: str,
    language: str,
    unit: Unit | None,
    source: IO[bytes],
) -> Job:
    kind = KINDS[sheet]
    return jobs.job_start(
        actor=actor,
        kind=IMPORTS[kind.slug],
        title=_("Nhập “%(name)s” (%(what)s)") % {"name": filename, "what": kind.title},
        unit=unit,
        params={
            "sheet": kind.slug,
            "options": options,
            "filename": filename,
            "fingerprint": fingerprint,
            "language": language,
        },
        source=source,
    )


def preview_start(
    *, actor: Any, staged: StagedFile, language: str, unit: Unit | None = None
) -> Job:
    """Queue the preview (a dry run) of a long upload; its page then shows the preview and,
    to the one who uploaded it, the confirm button (`preview_confirm`). The job keeps its own
    copy of the file until it is confirmed or cancelled."""
    kind = KINDS[staged.kind]
    with staged.path.open("rb") as source:
        return jobs.job_start(
            actor=actor,
            kind=JobKind.IMPORT_PREVIEW,
            title=_("Kiểm tra “%(name)s” (%(what)s)")
            % {"name": staged.filename, "what": kind.title},
            unit=unit,
            params={
                "sheet": kind.slug,
                "options": staged.options,
                "filename": staged.filename,
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


def _outcome(outcome: RowOutcome) -> dict[str, Any]:
    changes = [{"column": c.column, "before": c.before, "after": c.after} for c in outcome.changes]
    return {
        "row": outcome.row, "action": outcome.action, "action_label": outcome.action_label,
        "label": outcome.label, "changes": changes,
    }  # fmt: skip


def preview_summary(report: ImportReport) -> dict[str, Any]:
    """A dry run's report as the preview job keeps it: what the preview page shows (every
    row's outcome, the counts, the problems) and the fingerprint the confirmation checks."""
    return {
        **import_summary(report),
        "ok": report.ok,
        "rejected": report.rejected,
        "fingerprint": report.fingerprint,
        "rows": [_outcome(o) for o in report.rows],
    }


def _actor(job: Job) -> Any:
    if job.created_by is None or not job.created_by.is_active:
        raise JobRefused(_("Tài khoản đã yêu cầu việc này không còn hoạt động."))
    return job.created_by


def _rows_in(job: Job) -> int | None:
    rows = reader.data_rows_at_least(Path(job.source.path), reader.MAX_ROWS)
    return rows or None


def run_import(job: Job, progress: Progress) -> Outcome:
    actor = _actor(job)
    kind: SheetKind = KINDS[job.params["sheet"]]
    if not job.source:
        raise JobRefused(_("Không còn tệp đã tải lên; hãy tải tệp lên lại."))
    args = kind.import_args(actor, job.params.get("options", {}))
    # The number of rows first, outside the import's transaction: the page shows "0/N dòng"
    # at once, even where the counters inside it only show at the end (SQLite).
    progress(0, _rows_in(job), _("Đang ghi từng dòng"))
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


def run_preview(job: Job, progress: Progress) -> Outcome:
    """The dry run of a long upload, as the preview page runs it, with its progress. The file
    stays with the job for the confirmation (or is removed if it cannot be imported)."""
    actor = _actor(job)
    kind: SheetKind = KINDS[job.params["sheet"]]
    if not job.source:
        raise JobRefused(_("Không còn tệp đã tải lên; hãy tải tệp lên lại."))
    args = kind.import_args(actor, job.params.get("options", {}))
    progress(0, _rows_in(job), _("Đang kiểm tra từng dòng"))
    report = kind.run_import(
        actor=actor, file=Path(job.source.path), dry_run=True, progress=progress, **args
    )
    changes = report.created + report.updated
    return Outcome(
        result={"preview": preview_summary(report)}, keep_source=report.ok and changes > 0
    )


def preview_job_for(user: Any, job: Job) -> Job:
    """A preview job that `user` may confirm or cancel: theirs, done, its file still there.
    Anything else (another user's, an export, one already confirmed) is a 404."""
    if job.kind != JobKind.IMPORT_PREVIEW or not is_owner(user, job):
        raise Http404(_("Không tìm thấy việc nền."))
    if job.status != JobStatus.DONE or not job.source:
        raise Http404(_("Không còn tệp đã tải lên; hãy tải tệp lên lại."))
    return job


@transaction.atomic
def preview_confirm(*, actor: Any, job: Job, fingerprint: str, language: str) -> Job:
    """Start the import of what a preview job showed, against its fingerprint, all or nothing
    (`run_import`). The preview's file moves to the import job; the preview records which job
    it started, so it cannot be confirmed twice."""
    job = preview_job_for(actor, Job.objects.select_for_update().get(pk=job.pk))
    kind = KINDS[job.params["sheet"]]
    args = kind.import_args(actor, job.params.get("options", {}))
    programme = args.get("programme")
    with job.source.open("rb") as source:
        started = _import_job(
            actor=actor, sheet=kind.slug, filename=job.params.get("filename", ""),
            options=job.params.get("options", {}), fingerprint=fingerprint, language=language,
            unit=programme.running_unit if programme else None, source=source,
        )  # fmt: skip
    _close_preview(job, result={**job.result, "import_job": started.pk})
    return started


@transaction.atomic
def preview_cancel(*, actor: Any, job: Job) -> None:
    """Drop a preview job's file: nothing was written, nothing will be."""
    job = preview_job_for(actor, Job.objects.select_for_update().get(pk=job.pk))
    _close_preview(job, result={**job.result, "cancelled": True})


def _close_preview(job: Job, *, result: dict[str, Any]) -> None:
    name = job.source.name
    job.result = result
    job.source = ""
    job.save(update_fields=["result", "source"])
    storage = job.source.storage
    transaction.on_commit(lambda: storage.delete(name))


def preview_page(request: HttpRequest, job: Job) -> dict[str, Any]:
    """The job page's context for a finished preview: the preview itself and, for the one who
    uploaded the file, the confirm and cancel buttons, or the form to upload it again."""
    kind = KINDS[job.params["sheet"]]
    options = job.params.get("options", {})
    report = job.result.get("preview", {})
    owner = is_owner(request.user, job)
    context: dict[str, Any] = {
        "kind": kind, "report": report, "query": query_string(options),
        "confirm_url": reverse("spreadsheets:preview_job_confirm", args=[job.pk]),
        "import_job": job.result.get("import_job"), "cancelled": job.result.get("cancelled"),
        "closed": not (owner and job.source), "upload_form": None,
    }  # fmt: skip
    if owner and not report.get("ok", False):
        try:
            args = kind.import_args(request.user, options)
        except Http404:
            args = {}
        else:
            context["upload_form"] = kind.upload_form(user=request.user, initial=options, **args)
    return context


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
register(
    JobKind.IMPORT_PREVIEW,
    result_page=ResultPage(template="spreadsheets/_preview_job.html", context=preview_page),
)(run_preview)
for _kind in EXPORTS.values():
    register(_kind)(run_export)
