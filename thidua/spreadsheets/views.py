"""Excel pages: the index, template and export downloads, upload -> preview -> confirm."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.orgs.permissions import has_cap_somewhere, require_cap_somewhere
from thidua.spreadsheets import staging
from thidua.spreadsheets.base import SpreadsheetDocument
from thidua.spreadsheets.forms import UploadForm
from thidua.spreadsheets.kinds import KINDS, SheetKind


def _stream(document: SpreadsheetDocument) -> FileResponse:
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    document.render(out)
    out.seek(0)
    return FileResponse(
        out, as_attachment=True, filename=document.filename, content_type=document.content_type
    )


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = [
        {"kind": kind, "can_import": has_cap_somewhere(user, kind.manage_cap)}
        for kind in KINDS.values()
        if has_cap_somewhere(user, kind.view_cap)
    ]
    if not rows:
        raise PermissionDenied(_("Vai trò của bạn không có quyền này."))
    return render(request, "spreadsheets/index.html", {"rows": rows, "nav_active": "excel"})


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
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, kind: SheetKind) -> HttpResponse:
    """Upload, check at once; a file that cannot be read at all is refused right here."""
    require_cap_somewhere(request.user, kind.manage_cap)
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        staged = staging.stage(request, kind=kind.slug, upload=form.cleaned_data["file"])
        report = kind.run_import(actor=request.user, file=staged.path, dry_run=True)
        if not report.rejected:
            return redirect("spreadsheets:import_confirm", token=staged.token)
        staging.discard(request, staged)
    context = {"kind": kind, "form": form, "report": report, "nav_active": "excel"}
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
    if request.method == "POST":
        report = kind.run_import(
            actor=request.user, file=staged.path, dry_run=False,
            expected_fingerprint=request.POST.get("fingerprint", ""),
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
            return redirect("spreadsheets:index")
    else:
        report = kind.run_import(actor=request.user, file=staged.path, dry_run=True)
    context = {
        "kind": kind, "staged": staged, "report": report, "upload_form": UploadForm(),
        "nav_active": "excel",
    }  # fmt: skip
    return render(request, "spreadsheets/import_confirm.html", context)
