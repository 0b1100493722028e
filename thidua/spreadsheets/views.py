"""Excel pages: the index, template and export downloads, upload -> preview -> confirm.
Confirming an import, previewing a long file, and exporting a long list start background
jobs (thidua.jobs).

Initiatives have pages of their own in front of the shared ones: the export reads the web
list's filters, and the template and the import belong to one programme (?chuong_trinh=)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from thidua.campaigns.permissions import programme_for_user
from thidua.jobs.permissions import job_for_user
from thidua.orgs.models import Unit
from thidua.orgs.permissions import has_cap_somewhere, require_cap_somewhere
from thidua.spreadsheets import jobs, staging
from thidua.spreadsheets.base import SpreadsheetDocument
from thidua.spreadsheets.exports import SheetDocument
from thidua.spreadsheets.initiative_exports import InitiativeExport, InitiativeTemplate
from thidua.spreadsheets.initiative_filters import filters_from_query
from thidua.spreadsheets.initiative_import import (
    MODE_OPTION,
    PROGRAMME_OPTION,
    programmes_for_import,
)
from thidua.spreadsheets.jobs import export_start, import_start, preview_start
from thidua.spreadsheets.kinds import KINDS, SheetKind
from thidua.spreadsheets.reader import data_rows_at_least

# Up to this many rows an export downloads at once; a longer one is made by a background job
# (a page with its progress), so no request spends minutes writing a workbook.
DIRECT_EXPORT_ROWS = 2000
# A file of up to this many data rows is previewed at once (about 6 ms a row: 3 s); a longer
# one is previewed by a background job, whose page shows the progress, then the preview.
PREVIEW_IN_REQUEST_ROWS = 500


def _stream(document: SpreadsheetDocument) -> FileResponse:
    # FileResponse closes the temporary file (deleting it) once sent.
    return FileResponse(
        document.rendered(), as_attachment=True, filename=document.filename,
        content_type=document.content_type,
    )  # fmt: skip


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = [
        {"kind": kind, "can_import": has_cap_somewhere(user, kind.manage_cap)}
        for kind in KINDS.values()
        if kind.listed and has_cap_somewhere(user, kind.view_cap)
    ]
    if not rows:
        raise PermissionDenied(_("Vai trò của bạn không có quyền này."))
    initiatives = {
        "export": has_cap_somewhere(user, KINDS["initiative"].view_cap),
        "programmes": list(programmes_for_import(user)),
        "programme_option": PROGRAMME_OPTION,
    }
    context = {"rows": rows, "initiatives": initiatives, "nav_active": "excel"}
    return render(request, "spreadsheets/index.html", context)


@login_required
@require_GET
def template_download(request: HttpRequest, kind: SheetKind) -> FileResponse:
    require_cap_somewhere(request.user, kind.manage_cap)
    return _stream(kind.template(user=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest, kind: SheetKind) -> HttpResponseBase:
    require_cap_somewhere(request.user, kind.view_cap)
    document = kind.export(user=request.user)
    assert isinstance(document, SheetDocument)  # noqa: S101 - every export is a SheetDocument
    return _export_or_job(request, kind, document)


@login_required
@require_http_methods(["GET", "POST"])
def initiative_export(request: HttpRequest) -> HttpResponseBase:
    """The initiatives the user sees, filtered by the web list's own query string."""
    filters = filters_from_query(request.user, request.GET)
    document = InitiativeExport(user=request.user, filters=filters)
    return _export_or_job(request, KINDS["initiative"], document, unit=filters.unit)


def _export_or_job(
    request: HttpRequest, kind: SheetKind, document: SheetDocument, unit: Unit | None = None
) -> HttpResponseBase:
    """A short list downloads at once; a long one (or any, when asked by POST) is written by
    a background job whose page shows the progress, then offers the file."""
    if request.method == "POST":
        job = export_start(
            actor=request.user, sheet=kind.slug, language=get_language(),
            query=request.GET.urlencode(), unit=unit,
        )  # fmt: skip
        return redirect("web:job_detail", job.pk)
    rows = document.row_count()
    if rows <= DIRECT_EXPORT_ROWS:
        return _stream(document)
    context = {"kind": kind, "rows": rows, "nav_active": "excel"}
    return render(request, "spreadsheets/export_large.html", context)


@login_required
@require_GET
def initiative_template(request: HttpRequest) -> FileResponse:
    require_cap_somewhere(request.user, KINDS["initiative"].manage_cap)
    programme = programme_for_user(request.user, request.GET.get(PROGRAMME_OPTION))
    return _stream(InitiativeTemplate(programme=programme))


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, kind: SheetKind) -> HttpResponse:
    require_cap_somewhere(request.user, kind.manage_cap)
    return _upload(request, kind, options={})


@login_required
@require_http_methods(["GET", "POST"])
def initiative_import(request: HttpRequest) -> HttpResponse:
    """Without a programme: the programmes to choose from. With one: its upload page."""
    kind = KINDS["initiative"]
    require_cap_somewhere(request.user, kind.manage_cap)
    chosen = request.GET.get(PROGRAMME_OPTION) or request.POST.get(PROGRAMME_OPTION)
    if not chosen:
        context = {
            "kind": kind, "programmes": programmes_for_import(request.user),
            "programme_option": PROGRAMME_OPTION, "nav_active": "excel",
        }  # fmt: skip
        return render(request, "spreadsheets/initiative_programmes.html", context)
    options = {PROGRAMME_OPTION: chosen}
    if request.GET.get(MODE_OPTION):
        options[MODE_OPTION] = request.GET[MODE_OPTION]
    return _upload(request, kind, options=options)


def _upload(request: HttpRequest, kind: SheetKind, *, options: dict[str, str]) -> HttpResponse:
    """Upload, check at once; a file that cannot be read at all is refused right here."""
    args = kind.import_args(request.user, options)
    form = kind.upload_form(
        request.POST or None, request.FILES or None, user=request.user, initial=options, **args
    )
    report = None
    if request.method == "POST" and form.is_valid():
        options = {**options, **form.options()}
        staged = staging.stage(
            request, kind=kind.slug, upload=form.cleaned_data["file"], options=options
        )
        args = kind.import_args(request.user, options)
        if data_rows_at_least(staged.path, PREVIEW_IN_REQUEST_ROWS) > PREVIEW_IN_REQUEST_ROWS:
            programme = args.get("programme")
            job = preview_start(
                actor=request.user, staged=staged, language=get_language(),
                unit=programme.running_unit if programme else None,
            )  # fmt: skip
            staging.discard(request, staged)
            return redirect("web:job_detail", job.pk)
        report = kind.run_import(actor=request.user, file=staged.path, dry_run=True, **args)
        if not report.rejected:
            return redirect("spreadsheets:import_confirm", token=staged.token)
        staging.discard(request, staged)
    context = {
        "kind": kind, "form": form, "report": report, "query": staging.query_string(options),
        "programme": args.get("programme"), "nav_active": "excel",
    }  # fmt: skip
    return render(request, "spreadsheets/import_upload.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def import_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET: the preview (a dry run). POST: a background job that checks again and applies,
    all or nothing, exactly what the preview showed (its fingerprint); or cancel."""
    staged = staging.staged_file(request, token=token)
    kind = KINDS[staged.kind]
    require_cap_somewhere(request.user, kind.manage_cap)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        staging.discard(request, staged)
        messages.info(request, _("Đã huỷ nhập tệp “%(name)s”.") % {"name": staged.filename})
        return redirect("spreadsheets:index")
    args = kind.import_args(request.user, staged.options)
    if request.method == "POST":
        # Written by a background job, all or nothing, against the preview's fingerprint; its
        # page shows the progress, then the summary or each row's problem.
        programme = args.get("programme")
        job = import_start(
            actor=request.user, staged=staged, fingerprint=request.POST.get("fingerprint", ""),
            language=get_language(), unit=programme.running_unit if programme else None,
        )  # fmt: skip
        staging.discard(request, staged)
        return redirect("web:job_detail", job.pk)
    report = kind.run_import(actor=request.user, file=staged.path, dry_run=True, **args)
    upload_form = kind.upload_form(user=request.user, initial=staged.options, **args)
    context = {
        "kind": kind, "staged": staged, "report": report, "upload_form": upload_form,
        "query": staged.query, "programme": args.get("programme"), "nav_active": "excel",
    }  # fmt: skip
    return render(request, "spreadsheets/import_confirm.html", context)


@login_required
@require_POST
def preview_job_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The buttons of a long file's preview, shown on its job's page: confirm (a background
    job that applies exactly what the preview showed, all or nothing) or cancel. Only the one
    who uploaded the file; to anyone else the preview is not found."""
    job = jobs.preview_job_for(request.user, job_for_user(request.user, pk))
    require_cap_somewhere(request.user, KINDS[job.params["sheet"]].manage_cap)
    if request.POST.get("action") == "cancel":
        jobs.preview_cancel(actor=request.user, job=job)
        name = job.params.get("filename", "")
        messages.info(request, _("Đã huỷ nhập tệp “%(name)s”.") % {"name": name})
        return redirect("spreadsheets:index")
    started = jobs.preview_confirm(
        actor=request.user, job=job, fingerprint=request.POST.get("fingerprint", ""),
        language=get_language(),
    )  # fmt: skip
    return redirect("web:job_detail", started.pk)
