"""Excel pages: the index, template and export downloads, upload -> preview -> confirm.

Initiatives have pages of their own in front of the shared ones: the export reads the web
list's filters, and the template and the import belong to one programme (?chuong_trinh=)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.campaigns.permissions import programme_for_user
from thidua.orgs.permissions import has_cap_somewhere, require_cap_somewhere
from thidua.spreadsheets import staging
from thidua.spreadsheets.base import SpreadsheetDocument
from thidua.spreadsheets.initiative_exports import InitiativeExport, InitiativeTemplate
from thidua.spreadsheets.initiative_filters import filters_from_query
from thidua.spreadsheets.initiative_import import (
    MODE_OPTION,
    PROGRAMME_OPTION,
    programmes_for_import,
)
from thidua.spreadsheets.kinds import KINDS, SheetKind


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
@require_GET
def export(request: HttpRequest, kind: SheetKind) -> FileResponse:
    require_cap_somewhere(request.user, kind.view_cap)
    return _stream(kind.export(user=request.user))


@login_required
@require_GET
def initiative_export(request: HttpRequest) -> FileResponse:
    """The initiatives the user sees, filtered by the web list's own query string."""
    filters = filters_from_query(request.user, request.GET)
    return _stream(InitiativeExport(user=request.user, filters=filters))


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
    """GET: the preview (a dry run). POST: check again and apply, all or nothing, exactly
    what the preview showed (its fingerprint); or cancel."""
    staged = staging.staged_file(request, token=token)
    kind = KINDS[staged.kind]
    require_cap_somewhere(request.user, kind.manage_cap)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        staging.discard(request, staged)
        messages.info(request, _("Đã huỷ nhập tệp “%(name)s”.") % {"name": staged.filename})
        return redirect("spreadsheets:index")
    args = kind.import_args(request.user, staged.options)
    if request.method == "POST":
        report = kind.run_import(
            actor=request.user, file=staged.path, dry_run=False,
            expected_fingerprint=request.POST.get("fingerprint", ""), **args,
        )  # fmt: skip
        if report.applied:
            staging.discard(request, staged)
            messages.success(
                request,
                _(
                    "Đã nhập tệp “%(name)s”: thêm mới %(created)s %(what)s, "
                    "cập nhật %(updated)s, %(unchanged)s không đổi."
                )
                % {
                    "name": staged.filename,
                    "created": report.created,
                    "what": kind.title,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
            if report.additions:
                messages.info(
                    request,
                    _("Đã thêm %(count)s người mới: %(people)s.")
                    % {"count": len(report.additions), "people": "; ".join(report.additions)},
                )
            return redirect("spreadsheets:index")
    else:
        report = kind.run_import(actor=request.user, file=staged.path, dry_run=True, **args)
    upload_form = kind.upload_form(user=request.user, initial=staged.options, **args)
    context = {
        "kind": kind, "staged": staged, "report": report, "upload_form": upload_form,
        "query": staged.query, "programme": args.get("programme"), "nav_active": "excel",
    }  # fmt: skip
    return render(request, "spreadsheets/import_confirm.html", context)
