"""The public comment page of a decision's list: no login, only what a published list shows
(names, positions and units, achievements), a comment form while the window is open."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.awards.permissions import decision_for_public
from thidua.awards.services import decisions as services
from thidua.web.award_forms.decisions import PublicCommentForm
from thidua.web.forms import add_service_errors
from thidua.web.views.awards.decisions import grouped_lines


# Deliberately without login_required: anyone with the link may read and comment.
@require_http_methods(["GET", "POST"])
def public_comment(request: HttpRequest, token: str) -> HttpResponseBase:
    decision = decision_for_public(token)
    is_open = decision.comment_open(timezone.now())
    form = PublicCommentForm(request.POST or None)
    if request.method == "POST" and is_open and form.is_valid():
        try:
            services.comment_add(decision=decision, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã gửi góp ý. Xin cảm ơn."))
            return redirect("web:public_comment", token=token)
    lines = list(decision.lines.select_related("nomination__category").order_by("order", "id"))
    return render(
        request,
        "web/awards/public_comment.html",
        {
            "decision": decision,
            "groups": grouped_lines(lines),
            "is_open": is_open,
            "form": form,
        },
    )
