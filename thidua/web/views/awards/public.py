"""The public comment page of a decision's list: no login, only what a published list shows
(names, positions and units, achievements), a comment form while the window is open."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.awards.models import Decision
from thidua.awards.permissions import decision_for_public
from thidua.awards.selectors import grouped_lines
from thidua.awards.services import decisions as services
from thidua.web.award_forms.decisions import PublicCommentForm
from thidua.web.forms import add_service_errors

COMMENTS_PER_WINDOW = 5
THROTTLE_SECONDS = 600


def _too_many(request: HttpRequest, token: str) -> bool:
    """At most a few comments from one address in ten minutes: the page is public."""
    key = f"thidua:comment:{token}:{request.META.get('REMOTE_ADDR', '')}"
    sent = cache.get(key, 0)
    if sent >= COMMENTS_PER_WINDOW:
        return True
    cache.set(key, sent + 1, THROTTLE_SECONDS)
    return False


def _send(
    request: HttpRequest, decision: Decision, form: PublicCommentForm, token: str
) -> HttpResponseBase:
    try:
        services.comment_add(decision=decision, **form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return render(
            request,
            "web/awards/public_comment.html",
            {"decision": decision, "groups": _groups(decision), "is_open": True, "form": form},
        )
    messages.success(request, _("Đã gửi góp ý. Xin cảm ơn."))
    return redirect("web:public_comment", token=token)


def _groups(decision: Decision) -> Any:
    lines = list(decision.lines.select_related("nomination__category").order_by("order", "id"))
    return grouped_lines(lines)


# Deliberately without login_required: anyone with the link may read and comment.
@require_http_methods(["GET", "POST"])
def public_comment(request: HttpRequest, token: str) -> HttpResponseBase:
    decision = decision_for_public(token)
    is_open = decision.comment_open(timezone.now())
    form = PublicCommentForm(request.POST or None)
    if request.method == "POST" and is_open and form.is_valid():
        if _too_many(request, token):
            form.add_error(
                None, _("Bạn đã gửi nhiều góp ý liên tiếp. Xin chờ ít phút rồi gửi tiếp.")
            )
        else:
            return _send(request, decision, form, token)
    return render(
        request,
        "web/awards/public_comment.html",
        {
            "decision": decision,
            "groups": _groups(decision),
            "is_open": is_open,
            "form": form,
        },
    )
