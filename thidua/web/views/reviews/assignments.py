"""Who scores what: the assignment board (automatic, manual, Excel) and conflicts of interest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.initiatives.models import Initiative
from thidua.reviews import services
from thidua.reviews.enums import (
    AssignmentStatus,
)
from thidua.reviews.models import (
    Assignment,
    Conflict,
)
from thidua.reviews.permissions import (
    council_for_user,
)
from thidua.reviews.selectors import (
    council_initiatives,
    member_progress,
)
from thidua.spreadsheets import review_exports, review_import
from thidua.web.forms import add_service_errors
from thidua.web.review_forms import (
    AssignForm,
    ConflictDecisionForm,
    ReassignForm,
    UploadForm,
)
from thidua.web.views.common import paginate
from thidua.web.views.reviews.common import council_context, stream


@login_required
@require_GET
def assignment_board(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Every initiative with who scores it, the sheet's state, and ended assignments."""
    council = council_for_user(request.user, pk, manage=True)
    assignments = Assignment.objects.filter(council=council).select_related("member__user", "sheet")
    rows = (
        council_initiatives(council)
        .select_related("field", "unit")
        .prefetch_related(Prefetch("review_assignments", queryset=assignments, to_attr="seats"))
        .order_by("code")
    )
    q = request.GET.get("q", "").strip()
    if q:
        rows = rows.filter(code__icontains=q)
    if request.GET.get("thieu"):
        rows = rows.annotate(
            n=Count(
                "review_assignments",
                filter=Q(
                    review_assignments__council=council,
                    review_assignments__status=AssignmentStatus.ACTIVE,
                ),
            )
        ).filter(n__lt=council.reviewers_per_item)
    page = paginate(request, rows, per_page=50)
    return render(
        request,
        "web/reviews/assignments.html",
        council_context(
            council,
            request,
            page=page,
            q=q,
            assign_form=AssignForm(council=council),
            upload_form=UploadForm(),
            progress=member_progress(council),
            members=council.members.filter(active=True).select_related("user"),
        ),
    )


@login_required
@require_POST
def assignment_auto(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    try:
        plan = services.assignments_auto(actor=request.user, council=council)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Đã phân công thêm %(count)s lượt chấm.") % {"count": len(plan.pairs)}
        )
        for shortfall in plan.shortfalls[:10]:
            code = (
                Initiative.objects.filter(pk=shortfall.item).values_list("code", flat=True).first()
            )
            messages.warning(
                request,
                _("%(code)s còn thiếu %(n)s người chấm: %(reason)s")
                % {"code": code, "n": shortfall.missing, "reason": shortfall.reason},
            )
        if len(plan.shortfalls) > 10:
            messages.warning(
                request,
                _("… và %(n)s sáng kiến khác còn thiếu người chấm.")
                % {"n": len(plan.shortfalls) - 10},
            )
    return redirect("web:assignment_board", pk=council.pk)


@login_required
@require_POST
def assignment_add(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    form = AssignForm(request.POST, council=council)
    if form.is_valid():
        initiative = (
            council_initiatives(council)
            .filter(code__iexact=form.cleaned_data["code"].strip())
            .first()
        )
        if initiative is None:
            messages.error(request, _("Không có sáng kiến mã này trong danh sách hội đồng xét."))
        else:
            try:
                services.assignment_add(
                    actor=request.user,
                    council=council,
                    seat=form.cleaned_data["member"],
                    initiative=initiative,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Đã phân công."))
    else:
        messages.error(request, _("Hãy nhập mã sáng kiến và chọn thành viên."))
    return redirect(
        reverse("web:assignment_board", args=[council.pk]) + f"?q={request.POST.get('code', '')}"
    )


@login_required
def assignment_change(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponseBase:
    """Take an initiative off a member, optionally giving it to another; history stays."""
    council = council_for_user(request.user, pk, manage=True)
    assignment = get_object_or_404(
        Assignment.objects.filter(council=council, status=AssignmentStatus.ACTIVE).select_related(
            "member__user", "initiative"
        ),
        pk=assignment_pk,
    )
    form = ReassignForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["member"] is None:
                services.assignment_end(
                    actor=request.user, assignment=assignment, reason=form.cleaned_data["reason"]
                )
            else:
                services.assignment_reassign(
                    actor=request.user,
                    assignment=assignment,
                    seat=form.cleaned_data["member"],
                    reason=form.cleaned_data["reason"],
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã thay đổi phân công."))
            return redirect(
                reverse("web:assignment_board", args=[council.pk])
                + f"?q={assignment.initiative.code}"
            )
    return render(
        request,
        "web/form.html",
        council_context(
            council,
            request,
            form=form,
            title=_("Đổi người chấm %(code)s (%(member)s)")
            % {"code": assignment.initiative.code, "member": assignment.member},
            submit=_("Lưu"),
        ),
    )


@login_required
@require_GET
def assignment_template(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    return stream(review_exports.AssignmentTemplate(council=council))


@login_required
@require_POST
def assignment_import(request: HttpRequest, pk: int) -> HttpResponseBase:
    """All or nothing: every row is checked and, if one is wrong, none is written and each
    problem is listed with its row and column."""
    council = council_for_user(request.user, pk, manage=True)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tệp Excel."))
        return redirect("web:assignment_board", pk=council.pk)
    report = review_import.assignments_upload(
        actor=request.user, council=council, file=form.cleaned_data["file"], dry_run=False
    )
    if report.problems:
        messages.error(request, _("Không nhập gì cả. Hãy sửa các lỗi sau rồi nhập lại:"))
        for problem in report.problems[:30]:
            messages.error(request, str(problem))
        if len(report.problems) > 30:
            messages.error(request, _("… và %(n)s lỗi khác.") % {"n": len(report.problems) - 30})
    else:
        messages.success(
            request, _("Đã nhập %(count)s lượt phân công.") % {"count": len(report.rows)}
        )
    for warning in report.warnings:
        messages.warning(request, warning)
    return redirect("web:assignment_board", pk=council.pk)


@login_required
def conflict_list(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    conflicts = Conflict.objects.filter(member__council=council).select_related(
        "member__user", "initiative", "decided_by"
    )
    return render(
        request,
        "web/reviews/conflicts.html",
        council_context(
            council, request, conflicts=conflicts, decision_form=ConflictDecisionForm()
        ),
    )


@login_required
@require_POST
def conflict_decide(request: HttpRequest, pk: int, conflict_pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    conflict = get_object_or_404(Conflict.objects.filter(member__council=council), pk=conflict_pk)
    form = ConflictDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.conflict_decide(
                actor=request.user,
                conflict=conflict,
                confirm=form.cleaned_data["confirm"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã ghi nhận."))
    return redirect("web:conflict_list", pk=council.pk)
