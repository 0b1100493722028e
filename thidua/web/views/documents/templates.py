"""A unit's own document templates: see which template each kind uses, download the built-in
one to reword it in Word, upload it back, or go back to the built-in one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.documents import services
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds import generator_class
from thidua.documents.models import DocumentTemplate
from thidua.documents.permissions import can_manage_templates, template_units_for_user
from thidua.web.document_forms import TemplateUploadForm
from thidua.web.forms import add_service_errors
from thidua.web.views.documents.common import file_response

NAV = "documents"


@login_required
def template_list(request: HttpRequest) -> HttpResponseBase:
    units = template_units_for_user(request.user).order_by("name")
    if not units.exists():
        raise PermissionDenied(_("Bạn không quản lý mẫu văn bản của đơn vị nào."))
    form = TemplateUploadForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.template_upload(
                actor=request.user, unit=data["unit"], kind=data["kind"], upload=data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã dùng mẫu mới cho “%(kind)s” của %(unit)s.")
                % {"kind": DocumentKind(data["kind"]).label, "unit": data["unit"].name},
            )
            return redirect("web:template_list")
    own = DocumentTemplate.objects.filter(unit__in=units).select_related("unit", "uploaded_by")
    kinds = [
        {
            "kind": kind,
            "label": label,
            "variables": generator_class(kind).all_variables(),
            "own": [t for t in own if t.kind == kind],
        }
        for kind, label in DocumentKind.choices
    ]
    return render(
        request,
        "web/documents/template_list.html",
        {"form": form, "kinds": kinds, "nav_active": NAV},
    )


@login_required
def template_builtin(request: HttpRequest, kind: str) -> HttpResponseBase:
    if kind not in DocumentKind.values:
        raise Http404
    generator = generator_class(kind)
    return file_response(generator.builtin(), f"mau-{kind}.docx", generator.content_type)


@login_required
def template_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    template = get_object_or_404(DocumentTemplate.objects.select_related("unit"), pk=pk)
    if not can_manage_templates(request.user, template.unit):
        raise Http404
    with template.file.open("rb") as handle:
        data = handle.read()
    return file_response(
        data,
        f"mau-{template.kind}-{template.unit.code}.docx",
        generator_class(template.kind).content_type,
    )


@login_required
@require_POST
def template_remove(request: HttpRequest, pk: int) -> HttpResponseBase:
    template = get_object_or_404(DocumentTemplate.objects.select_related("unit"), pk=pk)
    if not can_manage_templates(request.user, template.unit):
        raise Http404
    services.template_remove(actor=request.user, template=template)
    messages.success(
        request, _("Đã gỡ mẫu riêng; văn bản dùng lại mẫu của cấp trên hoặc mẫu có sẵn.")
    )
    return redirect("web:template_list")
