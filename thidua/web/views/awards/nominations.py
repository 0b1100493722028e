"""Nominations (hồ sơ đề nghị khen thưởng): a grassroots official builds one for a person of
their union, attaches the papers and submits it before the deadline; the running unit's
emulation officer returns, accepts or rejects it, and may override a failing rule in
writing."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.awards.enums import DocumentKind, NominationStatus
from thidua.awards.models import Category, Cycle, Nomination, NominationDocument
from thidua.awards.permissions import (
    can_build,
    can_override,
    can_run,
    cycle_for_user,
    nomination_for_user,
    nominations_for_user,
    require_build,
    require_review,
)
from thidua.awards.services import nominations as services
from thidua.awards.services.common import deadline_for, deadline_text
from thidua.initiatives.models import Initiative
from thidua.orgs.models import Membership, Person, Unit, User
from thidua.web.award_forms.nominations import (
    DocumentForm,
    NominationForm,
    ReasonForm,
    nomination_initial,
)
from thidua.web.forms import add_service_errors
from thidua.web.views.awards.cycles import nominating_units

NAV = "awards"
WITHDRAWABLE = {NominationStatus.DRAFT, NominationStatus.RETURNED, NominationStatus.SUBMITTED}
JUDGEABLE = {NominationStatus.SUBMITTED, NominationStatus.ACCEPTED}


def _initiatives(cycle: Cycle, unit: Unit) -> QuerySet[Initiative]:
    """Initiatives of the cycle's programme authored by people of the unit."""
    return (
        Initiative.objects.filter(programme=cycle.programme, authorships__person__unit=unit)
        .distinct()
        .order_by("code")
    )


def _chosen_unit(request: HttpRequest, units: list[Unit]) -> Unit:
    chosen = request.POST.get("don_vi") or request.GET.get("don_vi")
    picked = next((u for u in units if str(u.pk) == chosen), None)
    if picked is not None:
        return picked
    user = cast(User, request.user)
    own = set(Membership.objects.filter(user=user).values_list("unit_id", flat=True))
    return next((u for u in units if u.pk in own), units[0])


def _refusal(form: NominationForm, error: ValidationError) -> list[str]:
    """Field problems go beside their fields; a refusal by the rules (a plain list of
    sentences, nothing saved) is returned to be shown above the form."""
    if hasattr(error, "error_dict"):
        add_service_errors(form, error)
        return []
    return list(error.messages)


def _form_page(
    request: HttpRequest,
    *,
    form: NominationForm,
    category: Category,
    unit: Unit,
    units: list[Unit],
    refused: list[str],
    nomination: Nomination | None = None,
) -> HttpResponse:
    cycle = category.cycle
    return render(
        request,
        "web/awards/nomination_form.html",
        {
            "form": form,
            "cycle": cycle,
            "category": category,
            "unit": unit,
            "units": units,
            "nomination": nomination,
            "refused": refused,
            "deadline": deadline_text(deadline_for(cycle, unit)),
            "documents": [label for _code, label in category.document_labels()],
            "title": _("Sửa hồ sơ đề nghị khen thưởng") if nomination else _("Đề nghị khen thưởng"),
            "nav_active": NAV,
        },
    )


@login_required
def nomination_create(request: HttpRequest, pk: int, category_pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk)
    category = get_object_or_404(cycle.categories.select_related("award"), pk=category_pk)
    units = nominating_units(request.user, cycle)
    if not units:
        raise PermissionDenied(_("Bạn không lập hồ sơ đề nghị cho đơn vị nào trong đợt xét này."))
    unit = _chosen_unit(request, units)
    overriding = can_run(request.user, cycle)
    form = NominationForm(
        request.POST or None,
        category=category,
        people=Person.objects.filter(unit=unit),
        initiatives=_initiatives(cycle, unit),
        can_override=overriding,
    )
    refused: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            nomination = services.nomination_create(
                actor=request.user,
                category=category,
                unit=unit,
                data=form.service_data(),
                override_reason=form.reason_for_override(),
                can_override=overriding,
            )
        except ValidationError as error:
            refused = _refusal(form, error)
        else:
            message = _("Đã lập hồ sơ của %(name)s. Hãy đính kèm tài liệu rồi bấm “Nộp hồ sơ”.")
            messages.success(request, message % {"name": nomination.nominee_name})
            return redirect("web:nomination_detail", pk=nomination.pk)
    return _form_page(
        request, form=form, category=category, unit=unit, units=units, refused=refused
    )


@login_required
def nomination_edit(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = nomination_for_user(request.user, pk)
    require_build(request.user, nomination)
    if nomination.status not in services.EDITABLE:
        messages.error(
            request,
            _("Hồ sơ đang ở tình trạng “%(status)s”, không sửa được.")
            % {"status": nomination.get_status_display()},
        )
        return redirect("web:nomination_detail", pk=nomination.pk)
    overriding = can_override(request.user, nomination)
    form = NominationForm(
        request.POST or None,
        category=nomination.category,
        people=Person.objects.filter(unit=nomination.unit),
        initiatives=_initiatives(nomination.cycle, nomination.unit),
        can_override=overriding,
        initial=nomination_initial(nomination),
    )
    refused: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_update(
                actor=request.user,
                nomination=nomination,
                data=form.service_data(),
                override_reason=form.reason_for_override(),
                can_override=overriding,
            )
        except ValidationError as error:
            refused = _refusal(form, error)
        else:
            messages.success(request, _("Đã lưu hồ sơ."))
            return redirect("web:nomination_detail", pk=nomination.pk)
    return _form_page(
        request,
        form=form,
        category=nomination.category,
        unit=nomination.unit,
        units=[nomination.unit],
        refused=refused,
        nomination=nomination,
    )


@login_required
@require_GET
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = nomination_for_user(request.user, pk)
    building = can_build(request.user, nomination)
    reviewing = can_run(request.user, nomination.cycle)
    editable = building and nomination.status in services.EDITABLE
    checks = services.nomination_checks(nomination)
    documents = list(nomination.documents.select_related("uploaded_by"))
    present = {document.kind for document in documents}
    required = [
        {"code": code, "label": label, "present": code in present}
        for code, label in nomination.category.document_labels()
    ]
    deadline = deadline_for(nomination.cycle, nomination.unit)
    failing = [check for check in checks if not check.passes]
    return render(
        request,
        "web/awards/nomination_detail.html",
        {
            "nomination": nomination,
            "cycle": nomination.cycle,
            "checks": checks,
            "failing": failing,
            "documents": documents,
            "required": required,
            "missing": [item["label"] for item in required if not item["present"]],
            "other_kinds": [
                (code, label) for code, label in DocumentKind.choices if code not in present
            ],
            "events": nomination.events.select_related("actor"),
            "deadline": deadline_text(deadline),
            "quota": services.quota_for(nomination.category, nomination.unit),
            "line": getattr(nomination, "decision_line", None),
            "editable": editable,
            "can_submit": editable,
            "can_withdraw": building and nomination.status in WITHDRAWABLE,
            "reviewing": reviewing,
            "can_return": reviewing and nomination.status in JUDGEABLE,
            "can_accept": reviewing and nomination.status == NominationStatus.SUBMITTED,
            "can_reject": reviewing and nomination.status in JUDGEABLE,
            "can_override": reviewing and bool(failing),
            "nav_active": NAV,
        },
    )


def _transition(
    request: HttpRequest,
    pk: int,
    act: Callable[[Nomination, str], object],
    done: str,
    *,
    review: bool,
) -> HttpResponse:
    nomination = nomination_for_user(request.user, pk)
    if review:
        require_review(request.user, nomination)
    else:
        require_build(request.user, nomination)
    form = ReasonForm(request.POST)
    reason = str(form.data.get("reason", "")).strip()
    try:
        act(nomination, reason)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("web:nomination_detail", pk=nomination.pk)


@login_required
@require_POST
def nomination_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda n, _r: services.nomination_submit(actor=request.user, nomination=n),
        _("Đã nộp hồ sơ. Đơn vị chủ trì sẽ thẩm định và báo lại."),
        review=False,
    )


@login_required
@require_POST
def nomination_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda n, r: services.nomination_withdraw(actor=request.user, nomination=n, reason=r),
        _("Đã rút hồ sơ."),
        review=False,
    )


@login_required
@require_POST
def nomination_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda n, r: services.nomination_return(actor=request.user, nomination=n, reason=r),
        _("Đã trả lại hồ sơ để đơn vị bổ sung."),
        review=True,
    )


@login_required
@require_POST
def nomination_accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda n, r: services.nomination_accept(
            actor=request.user, nomination=n, override_reason=r
        ),
        _("Đã tiếp nhận hồ sơ: hồ sơ hợp lệ."),
        review=True,
    )


@login_required
@require_POST
def nomination_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda n, r: services.nomination_reject(actor=request.user, nomination=n, reason=r),
        _("Đã ghi nhận không xét hồ sơ."),
        review=True,
    )


@login_required
@require_POST
def nomination_override(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda n, r: services.nomination_override(actor=request.user, nomination=n, reason=r),
        _("Đã xét ngoại lệ các điều kiện chưa đạt; lý do được ghi vào nhật ký."),
        review=True,
    )


# --- documents --------------------------------------------------------------------------------


@login_required
@require_POST
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = nomination_for_user(request.user, pk)
    require_build(request.user, nomination)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn loại tài liệu và một tệp để tải lên."))
    else:
        try:
            document = services.document_add(
                actor=request.user,
                nomination=nomination,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            message = _("Đã tải lên “%(kind)s”.")
            messages.success(request, message % {"kind": document.get_kind_display()})
    return redirect("web:nomination_detail", pk=nomination.pk)


def _document_for_user(request: HttpRequest, pk: int) -> tuple[Nomination, NominationDocument]:
    document = (
        NominationDocument.objects.filter(pk=pk, nomination__in=nominations_for_user(request.user))
        .only("pk", "nomination_id")
        .first()
    )
    if document is None:
        raise Http404(_("Không tìm thấy tài liệu."))
    nomination = nomination_for_user(request.user, document.nomination_id)
    return nomination, get_object_or_404(nomination.documents, pk=pk)


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """Dossier papers are private: served only after the nomination's access check."""
    _nomination, document = _document_for_user(request, pk)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    nomination, document = _document_for_user(request, pk)
    require_build(request.user, nomination)
    try:
        services.document_remove(actor=request.user, document=document)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã gỡ tài liệu “%(name)s”.") % {"name": document.name})
    return redirect("web:nomination_detail", pk=nomination.pk)
