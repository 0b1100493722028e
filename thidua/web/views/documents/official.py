"""Documents kept in a unit's register (Kế hoạch, Tờ trình, Biên bản, Giấy mời, Báo cáo):
drafting one from its object's page, its facts, registering it, downloading and previewing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.documents import services
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds import ISSUED_KINDS, generator_class
from thidua.documents.models import OfficialDocument
from thidua.documents.permissions import (
    can_write,
    document_for_user,
    documents_for_user,
    subject_for_kind,
    template_units_for_user,
)
from thidua.documents.selectors import renderable
from thidua.web.document_forms import DocumentForm, IssueForm
from thidua.web.forms import add_service_errors
from thidua.web.views.common import paginate
from thidua.web.views.documents.common import FORMATS, generated

NAV = "documents"


def object_url(document: OfficialDocument) -> str:
    """The page of what the document is about."""
    if document.event_id:
        return reverse("web:event_detail", args=[document.event_id])
    if document.cycle_id:
        return reverse("web:cycle_detail", args=[document.cycle_id])
    if document.council_id:
        return reverse("web:council_detail", args=[document.council_id])
    if document.programme_id:
        return reverse("web:programme_detail", args=[document.programme_id])
    return reverse("web:official_list")


def object_of(document: OfficialDocument) -> object:
    return document.event or document.cycle or document.council or document.programme


@login_required
def document_list(request: HttpRequest) -> HttpResponseBase:
    documents = documents_for_user(request.user).select_related("issuer")
    kind = request.GET.get("loai", "")
    if kind in DocumentKind.values:
        documents = documents.filter(kind=kind)
    return render(
        request,
        "web/documents/document_list.html",
        {
            "page": paginate(request, documents),
            "kinds": [(k, label) for k, label in DocumentKind.choices if k in ISSUED_KINDS],
            "kind": kind,
            "keeps_registers": template_units_for_user(request.user).exists(),
            "nav_active": NAV,
        },
    )


@login_required
@require_POST
def document_create(request: HttpRequest, kind: str, pk: int) -> HttpResponseBase:
    if kind not in ISSUED_KINDS:
        raise Http404(_("Không có loại văn bản này."))
    obj = subject_for_kind(request.user, kind, pk)
    try:
        document = services.document_create(actor=request.user, kind=kind, obj=obj)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        back = request.POST.get("back", "")
        safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
        return redirect(back if back and safe else "web:official_list")
    messages.success(
        request,
        _("Đã lập dự thảo %(kind)s; xem lại các thông tin rồi tải về hoặc cấp số.")
        % {"kind": document.get_kind_display().lower()},
    )
    return redirect("web:official_detail", document.pk)


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    document = document_for_user(request.user, pk)
    writable = can_write(request.user, document.issuer)
    generator = generator_class(document.kind)
    return render(
        request,
        "web/documents/document_detail.html",
        {
            "document": document,
            "subject_object": object_of(document),
            "object_url": object_url(document),
            "can_write": writable,
            "issue_form": IssueForm() if writable and not document.is_issued else None,
            "type_code": generator.type_code,
            "nav_active": NAV,
        },
    )


@login_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponseBase:
    document = document_for_user(request.user, pk, manage=True)
    if document.is_issued:
        messages.error(request, _("Văn bản đã cấp số nên không sửa được."))
        return redirect("web:official_detail", document.pk)
    form = DocumentForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(actor=request.user, document=document, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)  # type: ignore[arg-type]
        else:
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect("web:official_detail", document.pk)
    return render(
        request,
        "web/documents/document_form.html",
        {"form": form, "document": document, "nav_active": NAV},
    )


@login_required
@require_POST
def document_issue(request: HttpRequest, pk: int) -> HttpResponseBase:
    document = document_for_user(request.user, pk, manage=True)
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("issued_on", [])))
        return redirect("web:official_detail", document.pk)
    try:
        document = services.document_issue(
            actor=request.user, document=document, issued_on=form.cleaned_data["issued_on"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Đã cấp số %(symbol)s trong sổ văn bản.") % {"symbol": document.symbol}
        )
    return redirect("web:official_detail", document.pk)


@login_required
@require_POST
def document_delete(request: HttpRequest, pk: int) -> HttpResponseBase:
    document = document_for_user(request.user, pk, manage=True)
    back = object_url(document)
    try:
        services.document_delete(actor=request.user, document=document)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("web:official_detail", document.pk)
    messages.success(request, _("Đã xóa dự thảo."))
    return redirect(back)


@login_required
def document_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponseBase:
    if fmt not in FORMATS:
        raise Http404
    document = document_for_user(request.user, pk)
    return generated(request, renderable(document), fmt, reverse("web:official_detail", args=[pk]))
