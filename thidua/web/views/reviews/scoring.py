"""The member's queue and the score sheet on a phone, with "save and next"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from thidua.reviews import services
from thidua.reviews.enums import (
    AssignmentStatus,
    SheetStatus,
)
from thidua.reviews.models import (
    ScoreSheet,
)
from thidua.reviews.permissions import (
    assignment_for_user,
)
from thidua.reviews.selectors import (
    member_progress,
    my_assignments,
    next_assignment,
    others_sheets,
)
from thidua.web.forms import add_service_errors
from thidua.web.review_forms import (
    ReasonForm,
    ScoreSheetForm,
)


@login_required
@require_GET
def my_sheets(request: HttpRequest) -> HttpResponseBase:
    """The member's queue: what is left to score, council by council."""
    assignments = (
        my_assignments(request.user)
        .select_related("council", "initiative__field", "sheet")
        .order_by("council_id", "initiative__code")
    )
    return render(
        request,
        "web/reviews/my_sheets.html",
        {"assignments": assignments, "nav_active": "councils"},
    )


@login_required
def sheet(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Score one initiative. "Save and next" hands the sheet in and opens the member's
    unscored initiative that most needs reviews."""
    assignment = assignment_for_user(request.user, pk)
    council = assignment.council
    if council.rubric is None:
        raise PermissionDenied(_("Hội đồng chưa có bộ tiêu chí."))
    spec = council.rubric.spec()
    existing = ScoreSheet.objects.filter(assignment=assignment).first()
    initial: dict[str, Any] = {"comment": existing.comment if existing else ""}
    if existing:
        for code, value in existing.points.items():
            initial[f"p_{code}"] = value
        for code, text in existing.notes.items():
            initial[f"n_{code}"] = text
    # A withdrawn or ended assignment, or a council out of its scoring period: read only.
    scoring_open = services.scoring_open(council, timezone.now())
    closed = assignment.status != AssignmentStatus.ACTIVE or not scoring_open
    form = ScoreSheetForm(request.POST or None, spec=spec, initial=initial, disabled=closed)
    if request.method == "POST" and closed:
        messages.error(request, _("Phiếu này không còn nhận điểm."))
        return redirect("web:sheet", pk=assignment.pk)
    if request.method == "POST" and form.is_valid():
        submit = "save_draft" not in request.POST
        try:
            services.sheet_save(
                actor=request.user,
                assignment=assignment,
                points=form.points(),
                notes=form.notes(),
                comment=form.cleaned_data["comment"],
                submit=submit,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not submit:
                messages.success(request, _("Đã lưu nháp phiếu chấm."))
                return redirect("web:sheet", pk=assignment.pk)
            messages.success(
                request, _("Đã nộp phiếu chấm %(code)s.") % {"code": assignment.initiative.code}
            )
            following = next_assignment(assignment.member, after=assignment.pk)
            if following is not None and "save_next" in request.POST:
                return redirect("web:sheet", pk=following.pk)
            return redirect("web:my_sheets")
    done, total = member_progress(council).get(assignment.member_id, (0, 0))
    submitted = existing is not None and existing.status == SheetStatus.SUBMITTED
    initiative = assignment.initiative
    return render(
        request,
        "web/reviews/sheet.html",
        {
            "assignment": assignment,
            "council": council,
            "initiative": initiative,
            "authors": [] if council.blind else initiative.authorships.select_related("person"),
            "form": form,
            "spec": spec,
            "done": done,
            "total": total,
            "submitted": submitted,
            # Others' scores stay hidden until the member's own sheet is in.
            "others": others_sheets(assignment) if submitted else None,
            "scoring_open": scoring_open,
            "closed": closed,
            "money": initiative.benefit_value is not None,
            "nav_active": "councils",
        },
    )


@login_required
def sheet_conflict(request: HttpRequest, pk: int) -> HttpResponseBase:
    assignment = assignment_for_user(request.user, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conflict_declare(
                actor=request.user, assignment=assignment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã khai báo xung đột lợi ích; phiếu của bạn cho %(code)s không được tính.")
                % {"code": assignment.initiative.code},
            )
            following = next_assignment(assignment.member)
            if following is not None:
                return redirect("web:sheet", pk=following.pk)
            return redirect("web:my_sheets")
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Khai báo xung đột lợi ích: %(code)s")
            % {"code": assignment.initiative.code},
            "intro": _(
                "Ví dụ: là người thân của tác giả, cùng làm việc trực tiếp, đã góp ý xây dựng sáng "
                "kiến. Phiếu của bạn sẽ không được tính; thư ký hội đồng xác nhận khai báo."
            ),
            "submit": _("Khai báo"),
            "nav_active": "councils",
        },
    )
