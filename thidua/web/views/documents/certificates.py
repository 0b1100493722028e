"""The decision as a document, its certificates printed in the background with progress, and
the public page that checks a certificate's code without logging in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.awards.permissions import decision_for_user
from thidua.campaigns.permissions import programme_for_user
from thidua.documents import services
from thidua.documents.enums import BatchFormat, BatchStatus, DocumentKind
from thidua.documents.permissions import (
    batch_for_user,
    can_print_certificates,
    can_write,
    certificate_for_public,
    certificate_units_for_user,
    normal_code,
)
from thidua.documents.selectors import decision_renderable
from thidua.documents.services import batch_retryable
from thidua.web.document_forms import CertificateCheckForm, InitiativeCertificatesForm
from thidua.web.forms import add_service_errors
from thidua.web.views.documents.common import FORMATS, generated

NAV = "documents"
MISSES_PER_WINDOW = 30  # wrong codes from one address in ten minutes: guessing, not checking
THROTTLE_SECONDS = 600


@login_required
def decision_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponseBase:
    if fmt not in FORMATS:
        raise Http404
    decision = decision_for_user(request.user, pk)
    back = reverse("web:decision_detail", args=[pk])
    return generated(request, decision_renderable(decision), fmt, back)


@login_required
@require_POST
def decision_certificates(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Make the certificates of a signed decision (once; codes are kept) and print them all
    as one PDF or as a ZIP of Word files, in the background."""
    decision = decision_for_user(request.user, pk)
    if not can_print_certificates(request.user, decision):
        raise PermissionDenied(_("Chỉ cán bộ thi đua của đơn vị ban hành được in giấy khen."))
    fmt = request.POST.get("dinh_dang", BatchFormat.PDF)
    if fmt not in BatchFormat.values:
        fmt = BatchFormat.PDF
    try:
        certificates = services.certificates_for_decision(actor=request.user, decision=decision)
        batch = services.batch_start(
            actor=request.user,
            kind=DocumentKind.AWARD_CERTIFICATE,
            unit=decision.issuer,
            title=_("Giấy khen theo Quyết định số %(symbol)s") % {"symbol": decision.symbol},
            fmt=fmt,
            decision=decision,
            total=len(certificates),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("web:decision_detail", decision.pk)
    return redirect("web:batch_detail", batch.pk)


@login_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    batch = batch_for_user(request.user, pk)
    template = (
        "web/documents/_batch_progress.html"
        if request.headers.get("HX-Request")
        else "web/documents/batch_detail.html"
    )
    back = (
        reverse("web:decision_detail", args=[batch.decision_id])
        if batch.decision_id
        else reverse("web:official_list")
    )
    return render(
        request,
        template,
        {
            "batch": batch,
            "running": batch.status in {BatchStatus.QUEUED, BatchStatus.RUNNING},
            "retryable": batch_retryable(batch) and can_write(request.user, batch.unit),
            "back": back,
            "nav_active": NAV,
        },
    )


@login_required
def batch_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    batch = batch_for_user(request.user, pk)
    if batch.status != BatchStatus.DONE or not batch.file:
        raise Http404(_("Lô này chưa có tệp."))
    if not default_storage.exists(batch.file.name):
        raise Http404(_("Tệp của lô đã bị xóa; hãy tạo lại."))
    extension = batch.file.name.rsplit(".", 1)[-1]
    return FileResponse(
        batch.file.open("rb"), as_attachment=True, filename=f"{batch.kind}-{batch.pk}.{extension}"
    )


@login_required
@require_POST
def batch_retry(request: HttpRequest, pk: int) -> HttpResponseBase:
    batch = batch_for_user(request.user, pk)
    if not can_write(request.user, batch.unit):
        raise PermissionDenied(_("Chỉ cán bộ thi đua của đơn vị ban hành được in lại."))
    try:
        services.batch_retry(actor=request.user, batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("web:batch_detail", batch.pk)


def certificate_check(request: HttpRequest, code: str = "") -> HttpResponseBase:
    """Public: anyone holding a certificate (or shown one) checks it by its code. Only what
    the certificate itself prints is shown."""
    form = CertificateCheckForm(request.GET or None)
    if not code and form.is_valid():
        typed = form.cleaned_data["code"]
        return redirect(
            "web:certificate_check", normal_code(typed) or typed.strip().replace(" ", "-").upper()
        )
    misses_key = f"thidua:check-miss:{request.META.get('REMOTE_ADDR', '')}"
    if code and cache.get(misses_key, 0) >= MISSES_PER_WINDOW:
        return render(
            request,
            "web/documents/certificate_check.html",
            {"form": form, "code": code, "throttled": True},
            status=429,
        )
    certificate = certificate_for_public(code) if code else None
    if code and certificate is None:
        cache.set(misses_key, cache.get(misses_key, 0) + 1, THROTTLE_SECONDS)
    revoked = bool(
        certificate
        and (
            certificate.revoked
            or (certificate.decision_line is not None and certificate.decision_line.is_revoked)
        )
    )
    response = render(
        request,
        "web/documents/certificate_check.html",
        {"form": form, "code": code, "certificate": certificate, "revoked": revoked},
        status=404 if code and certificate is None else 200,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def programme_certificates(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Print the Giấy chứng nhận sáng kiến of every initiative a unit recognised."""
    programme = programme_for_user(request.user, pk)
    units = certificate_units_for_user(request.user, programme)
    if not units.exists():
        raise PermissionDenied(
            _("Đơn vị bạn phụ trách chưa công nhận sáng kiến nào trong chương trình này.")
        )
    form = InitiativeCertificatesForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            certificates = services.certificates_for_programme(
                actor=request.user,
                unit=data["unit"],
                programme=programme,
                issued_on=data["issued_on"],
                sign_label=data["sign_label"],
                signer_title=data["signer_title"],
                signer_name=data["signer_name"],
            )
            batch = services.batch_start(
                actor=request.user,
                kind=DocumentKind.INITIATIVE_CERTIFICATE,
                unit=data["unit"],
                title=_("Giấy chứng nhận sáng kiến: %(programme)s") % {"programme": programme.name},
                fmt=data["fmt"],
                programme=programme,
                total=len(certificates),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("web:batch_detail", batch.pk)
    return render(
        request,
        "web/documents/programme_certificates.html",
        {"form": form, "programme": programme, "nav_active": "programmes"},
    )
