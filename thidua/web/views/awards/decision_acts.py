"""A decision's acts after drafting: the public comment window, the signature with its
number, publication, revocation of a line, and the Excel of its list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.awards.permissions import (
    decision_for_user,
)
from thidua.awards.services import decisions as services
from thidua.spreadsheets import award_exports
from thidua.web.award_forms.decisions import (
    BackToDraftForm,
    CommentOpenForm,
    RevokeForm,
    SignForm,
)
from thidua.web.forms import add_service_errors
from thidua.web.views.awards.decisions import NAV
from thidua.web.views.reviews.common import stream

# --- comment, signature, publication, revocation ----------------------------------------------


@login_required
def decision_comment_open(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk, manage=True)
    form = CommentOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_open_comment(
                actor=request.user, decision=decision, until=form.cleaned_data["until"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã công khai danh sách để lấy ý kiến. Gửi đường dẫn công khai cho các đơn vị."),
            )
            return redirect("web:decision_detail", pk=decision.pk)
    return render(
        request,
        "web/awards/decision_action.html",
        {
            "decision": decision,
            "form": form,
            "title": _("Công khai danh sách để lấy ý kiến"),
            "intro": _(
                "Ai có đường dẫn đều xem được danh sách (họ tên, chức vụ, đơn vị, thành tích) "
                "và gửi góp ý đến hết thời hạn. Trong thời gian này chưa ký được quyết định."
            ),
            "submit": _("Công khai"),
            "nav_active": NAV,
        },
    )


@login_required
def decision_back_to_draft(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk, manage=True)
    form = BackToDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_back_to_draft(
                actor=request.user, decision=decision, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã dừng lấy ý kiến; danh sách sửa được."))
            return redirect("web:decision_detail", pk=decision.pk)
    return render(
        request,
        "web/awards/decision_action.html",
        {
            "decision": decision,
            "form": form,
            "title": _("Dừng lấy ý kiến để sửa danh sách"),
            "intro": _(
                "Đường dẫn công khai ngừng nhận góp ý; các ý kiến đã nhận vẫn được lưu. Sửa xong "
                "có thể công khai lại để lấy ý kiến."
            ),
            "submit": _("Dừng lấy ý kiến"),
            "nav_active": NAV,
        },
    )


@login_required
def decision_sign(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk, sign=True)
    form = SignForm(request.POST or None, initial={"signer_name": decision.signer_name})
    if request.method == "POST" and form.is_valid():
        try:
            signed = services.decision_sign(
                actor=request.user,
                decision=decision,
                signed_on=form.cleaned_data["signed_on"],
                signer_name=form.cleaned_data["signer_name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã ký, cấp số %(symbol)s trong sổ văn bản.") % {"symbol": signed.symbol},
            )
            return redirect("web:decision_detail", pk=decision.pk)
    return render(
        request,
        "web/awards/decision_action.html",
        {
            "decision": decision,
            "form": form,
            "title": _("Ghi nhận chữ ký, cấp số quyết định"),
            "intro": _(
                "Số quyết định lấy từ sổ văn bản của đơn vị ban hành, không trùng, không dùng lại."
            ),
            "submit": _("Ký, cấp số"),
            "nav_active": NAV,
        },
    )


@login_required
@require_POST
def decision_publish(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk, manage=True)
    try:
        services.decision_publish(actor=request.user, decision=decision)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã công bố quyết định."))
    return redirect("web:decision_detail", pk=decision.pk)


@login_required
def line_revoke(request: HttpRequest, pk: int, line_pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk, manage=True)
    line = get_object_or_404(decision.lines.all(), pk=line_pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.line_revoke(
                actor=request.user,
                line=line,
                reason=form.cleaned_data["reason"],
                basis=form.cleaned_data["basis"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Đã thu hồi khen thưởng của %(name)s.") % {"name": line.name}
            )
            return redirect("web:decision_detail", pk=decision.pk)
    return render(
        request,
        "web/awards/decision_action.html",
        {
            "decision": decision,
            "form": form,
            "title": _("Thu hồi khen thưởng: %(name)s") % {"name": line.name},
            "intro": _("Dòng này vẫn giữ trong quyết định và trong lịch sử, ghi rõ đã thu hồi."),
            "submit": _("Thu hồi"),
            "nav_active": NAV,
        },
    )


@login_required
@require_GET
def decision_export(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk)
    return stream(award_exports.DecisionWorkbook(decision=decision))
