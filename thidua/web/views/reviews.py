"""Council pages: forming a council, its rubric and members, assignment, conflicts, the score
sheet with "save and next", the ranking raw and corrected side by side, the slate, the vote,
and the exports that justify the result."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.campaigns.models import ProgrammeLevel
from thidua.campaigns.permissions import can_manage as can_manage_programme
from thidua.campaigns.permissions import programme_for_user
from thidua.initiatives.models import Initiative, Stage
from thidua.orgs.models import Membership, Unit, User
from thidua.orgs.permissions import Cap, units_for_user
from thidua.reviews import rubrics, selection, services
from thidua.reviews.enums import (
    AssignmentStatus,
    Basis,
    ConflictStatus,
    CouncilRole,
    SheetStatus,
    SlateStatus,
)
from thidua.reviews.models import (
    Assignment,
    Conflict,
    Council,
    ScoreSheet,
    SlateLine,
)
from thidua.reviews.permissions import (
    assignment_for_user,
    can_manage,
    can_see_results,
    council_for_user,
    council_units_for_user,
    councils_for_user,
    seat_of,
)
from thidua.reviews.selectors import (
    council_initiatives,
    council_results,
    member_progress,
    my_assignments,
    next_assignment,
    others_sheets,
)
from thidua.spreadsheets import review_exports, review_import
from thidua.spreadsheets.base import SpreadsheetDocument
from thidua.web.forms import add_service_errors
from thidua.web.review_forms import (
    AmendForm,
    AssignForm,
    ConflictDecisionForm,
    CouncilForm,
    MemberForm,
    ReasonForm,
    ReassignForm,
    ReopenForm,
    RubricForm,
    ScoreSheetForm,
    UploadForm,
    VoteForm,
    council_initial,
    rubric_initial,
)
from thidua.web.views.common import paginate


def _ctx(council: Council, request: HttpRequest, **extra: Any) -> dict[str, Any]:
    return {
        "council": council,
        "programme": council.level.programme,
        "can_manage": can_manage(request.user, council),
        "can_see_results": can_see_results(request.user, council),
        "nav_active": "councils",
        **extra,
    }


# --- councils ----------------------------------------------------------------------------------


@login_required
@require_GET
def council_list(request: HttpRequest) -> HttpResponseBase:
    """The user's councils and, for a member, their own scoring queue with progress."""
    councils = (
        councils_for_user(request.user)
        .select_related("level__programme", "unit")
        .annotate(
            n_members=Count("members", filter=Q(members__active=True), distinct=True),
        )
        .order_by("-created_at")
    )
    mine = (
        my_assignments(request.user)
        .values("council_id", "council__name")
        .annotate(
            total=Count("id"), done=Count("id", filter=Q(sheet__status=SheetStatus.SUBMITTED))
        )
        .order_by("council__name")
    )
    return render(
        request,
        "web/reviews/council_list.html",
        {"councils": councils, "mine": mine, "nav_active": "councils"},
    )


def _holder_units(request: HttpRequest, level: ProgrammeLevel) -> list[Unit]:
    """Units at `level` whose council the user may form: where they are an officer or admin
    and initiatives have reached, or the running unit at its own level."""
    programme = level.programme
    managed = council_units_for_user(request.user)
    reached = Stage.objects.filter(level=level).values("unit_id")
    units = Unit.objects.filter(pk__in=reached)
    if not request.user.is_superuser:
        units = units.filter(pk__in=managed)
    result = list(units.order_by("name"))
    if (
        can_manage_programme(request.user, programme)
        and programme.running_unit not in result
        and level.order == programme.levels.count()
    ):
        result.append(programme.running_unit)
    return result


@login_required
def council_create(request: HttpRequest, pk: int, level_pk: int) -> HttpResponseBase:
    programme = programme_for_user(request.user, pk)
    level = get_object_or_404(programme.levels, pk=level_pk, has_council=True)
    units = _holder_units(request, level)
    if not units:
        raise PermissionDenied(_("Bạn không phụ trách đơn vị nào xét ở cấp này."))
    initial = {
        # Data stays Vietnamese in every locale: this is the council's name as it is saved.
        "name": f"Hội đồng xét duyệt sáng kiến – {programme.name}",
        "reviewers_per_item": 3,
        "method": "mean",
        "correction": "offset",
        "basis": Basis.CORRECTED,
        "dispute_threshold": 20,
        "tie_1": "benefit_value",
        "tie_2": "submitted_at",
        "threshold": "2/3",
        "quota_min": level.quota_min,
        "quota_max": level.quota_max,
        "prize_mode": "count",
        "prize_nhat": 3,
        "prize_nhi": 6,
        "prize_ba": 10,
        "top_n": 0,
        "media_min": 3,
        "media_max": 5,
        "media_min_fields": 3,
    }
    form = CouncilForm(request.POST or None, programme=programme, initial=initial)
    unit_choice = request.POST.get("unit") if request.method == "POST" else None
    unit = next(
        (u for u in units if str(u.pk) == unit_choice), units[0] if len(units) == 1 else None
    )
    if request.method == "POST" and unit is None:
        form.add_error(None, _("Hãy chọn đơn vị của hội đồng."))
    if request.method == "POST" and unit is not None and form.is_valid():
        data = form.council_data()
        try:
            if data["rubric"] is None and form.cleaned_data.get("preset"):
                key = form.cleaned_data["preset"]
                data["rubric"] = services.rubric_create(
                    actor=request.user, programme=programme, spec=rubrics.PRESETS[key], preset=key
                )
            council = services.council_create(actor=request.user, level=level, unit=unit, data=data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Đã thành lập “%(name)s”. Hãy thêm thành viên.") % {"name": council}
            )
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/reviews/council_form.html",
        {
            "form": form,
            "programme": programme,
            "level": level,
            "units": units,
            "unit": unit,
            "title": _("Thành lập hội đồng xét duyệt: %(level)s") % {"level": level.name},
            "nav_active": "councils",
        },
    )


@login_required
def council_edit(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    form = CouncilForm(
        request.POST or None, programme=council.level.programme, initial=council_initial(council)
    )
    if request.method == "POST" and form.is_valid():
        data = form.council_data()
        try:
            if data["rubric"] is None and form.cleaned_data.get("preset"):
                key = form.cleaned_data["preset"]
                data["rubric"] = services.rubric_create(
                    actor=request.user,
                    programme=council.level.programme,
                    spec=rubrics.PRESETS[key],
                    preset=key,
                )
            elif data["rubric"] is None:
                data["rubric"] = council.rubric
            services.council_update(actor=request.user, council=council, data=data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thiết lập hội đồng."))
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/reviews/council_form.html",
        _ctx(
            council, request, form=form, title=_("Thiết lập hội đồng: %(name)s") % {"name": council}
        ),
    )


@login_required
@require_GET
def council_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk)
    members = list(
        council.members.filter(active=True)
        .select_related("user")
        .prefetch_related("fields")
        .order_by("id")
    )
    progress = member_progress(council)
    rows = [(seat, *progress.get(seat.pk, (0, 0))) for seat in members]
    roles = {seat.role for seat in members}
    seat = seat_of(request.user, council)
    now = timezone.now()
    return render(
        request,
        "web/reviews/council_detail.html",
        _ctx(
            council,
            request,
            members=rows,
            # Thông tư 18/2013, Điều 8: a chair, a secretary and a representative of the union.
            missing_roles=[
                CouncilRole(role).label
                for role in (CouncilRole.CHAIR, CouncilRole.SECRETARY, CouncilRole.UNION_REP)
                if role not in roles
            ],
            seat=seat,
            my_progress=progress.get(seat.pk) if seat else None,
            criteria=list(council.rubric.criteria.all()) if council.rubric else [],
            candidates=council_initiatives(council).count(),
            assigned=Assignment.objects.filter(council=council, status=AssignmentStatus.ACTIVE)
            .values("initiative_id")
            .distinct()
            .count(),
            pending_conflicts=Conflict.objects.filter(
                member__council=council, status=ConflictStatus.DECLARED
            ).count(),
            scoring_open=services.scoring_open(council, now),
            late=council.deadline is not None and now > council.deadline,
            slate=council.slates.exclude(status=SlateStatus.SUPERSEDED).first(),
            reopen_form=ReopenForm(),
        ),
    )


@login_required
@require_POST
def council_open(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    try:
        services.council_open(actor=request.user, council=council)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Hội đồng bắt đầu chấm điểm."))
    return redirect("web:council_detail", pk=council.pk)


@login_required
def council_reopen(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.council_reopen(
                actor=request.user,
                council=council,
                until=form.cleaned_data["until"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã mở lại chấm điểm."))
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/form.html",
        _ctx(council, request, form=form, title=_("Mở lại chấm điểm sau hạn"), submit=_("Mở lại")),
    )


# --- members -----------------------------------------------------------------------------------


def _seatable(request: HttpRequest) -> Any:
    """Accounts the officer may seat: people with a role in a unit they can see."""
    units = units_for_user(request.user, Cap.VIEW_UNITS).values("pk")
    holders = Membership.objects.filter(unit_id__in=units).values("user_id")
    return User.objects.filter(pk__in=holders, is_active=True)


@login_required
def member_add(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    form = MemberForm(
        request.POST or None, users=_seatable(request), programme=council.level.programme
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.member_add(
                actor=request.user,
                council=council,
                user=data["user"],
                role=data["role"],
                title=data["title"],
                fields=data["expertise"],
                load_cap=data["load_cap"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã thêm thành viên."))
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/form.html",
        _ctx(council, request, form=form, title=_("Thêm thành viên hội đồng"), submit=_("Thêm")),
    )


@login_required
def member_edit(request: HttpRequest, pk: int, seat_pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    seat = get_object_or_404(council.members.filter(active=True), pk=seat_pk)
    initial = {
        "role": seat.role,
        "title": seat.title,
        "expertise": list(seat.fields.all()),
        "load_cap": seat.load_cap,
    }
    form = MemberForm(
        request.POST or None, users=None, programme=council.level.programme, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.member_update(
                actor=request.user,
                seat=seat,
                role=data["role"],
                title=data["title"],
                fields=data["expertise"],
                load_cap=data["load_cap"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/form.html",
        _ctx(council, request, form=form, title=str(seat), submit=_("Lưu")),
    )


@login_required
def member_remove(request: HttpRequest, pk: int, seat_pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    seat = get_object_or_404(council.members.filter(active=True), pk=seat_pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.member_remove(
                actor=request.user, seat=seat, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã đưa %(name)s ra khỏi hội đồng; %(count)s sáng kiến cần phân công người khác.")
                % {"name": seat, "count": count},
            )
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/form.html",
        _ctx(
            council,
            request,
            form=form,
            title=_("Đưa %(name)s ra khỏi hội đồng") % {"name": seat},
            submit=_("Xác nhận"),
        ),
    )


# --- rubric ------------------------------------------------------------------------------------


@login_required
def rubric_edit(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    rubric = council.rubric
    if rubric is None:
        messages.info(request, _("Hãy chọn hoặc tạo bộ tiêu chí trong phần thiết lập hội đồng."))
        return redirect("web:council_edit", pk=council.pk)
    locked = services.rubric_is_locked(rubric)
    form = RubricForm(request.POST or None, initial=rubric_initial(rubric.spec()))
    if request.method == "POST" and not locked and form.is_valid():
        try:
            services.rubric_update(
                actor=request.user, rubric=rubric, spec=form.cleaned_data["spec"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu bộ tiêu chí."))
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/reviews/rubric_form.html",
        _ctx(council, request, form=form, rubric=rubric, locked=locked),
    )


# --- assignment --------------------------------------------------------------------------------


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
        _ctx(
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
        _ctx(
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
    return _stream(review_exports.AssignmentTemplate(council=council))


def _stream(document: SpreadsheetDocument) -> FileResponse:
    return FileResponse(
        document.rendered(),
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )


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


# --- conflicts ---------------------------------------------------------------------------------


@login_required
def conflict_list(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    conflicts = Conflict.objects.filter(member__council=council).select_related(
        "member__user", "initiative", "decided_by"
    )
    return render(
        request,
        "web/reviews/conflicts.html",
        _ctx(council, request, conflicts=conflicts, decision_form=ConflictDecisionForm()),
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


# --- scoring -----------------------------------------------------------------------------------


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
    form = ScoreSheetForm(request.POST or None, spec=spec, initial=initial)
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
            "scoring_open": services.scoring_open(council, timezone.now()),
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


# --- results -----------------------------------------------------------------------------------


def _results_council(request: HttpRequest, pk: int) -> Council:
    council = council_for_user(request.user, pk)
    if not can_see_results(request.user, council):
        raise PermissionDenied(
            _("Kết quả chỉ hiện cho thường trực hội đồng cho đến khi biểu quyết.")
        )
    if council.rubric is None:
        raise PermissionDenied(_("Hội đồng chưa có bộ tiêu chí."))
    return council


@login_required
def ranking(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Raw and corrected rankings side by side; the council chooses which one counts."""
    council = _results_council(request, pk)
    if request.method == "POST":
        if not can_manage(request.user, council):
            raise PermissionDenied
        basis = request.POST.get("basis", "")
        if basis in Basis.values:
            try:
                services.council_update(actor=request.user, council=council, data={"basis": basis})
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Xếp hạng chính thức: %(basis)s.") % {"basis": Basis(basis).label}
                )
        return redirect("web:ranking", pk=council.pk)
    results = council_results(council)
    order = request.GET.get("theo", council.basis)
    if order not in Basis.values:
        order = council.basis
    rows = results.ordered(order)
    only = request.GET.get("loc", "")
    if only == "xem-lai":
        rows = [r for r in rows if r.result is not None and r.result.disputed]
    page = paginate(request, rows, per_page=100)  # type: ignore[arg-type]
    reviewers = sorted(
        ((results.members[key], report) for key, report in results.reviewers.items()),
        key=lambda pair: pair[0].pk,
    )
    return render(
        request,
        "web/reviews/ranking.html",
        _ctx(
            council,
            request,
            results=results,
            page=page,
            order=order,
            only=only,
            reviewers=reviewers,
            tie_labels=dict(results.tie_breakers),
            criteria=[c for c in results.spec.criteria if c.counted],
            agreement=rubrics_agreement(results.icc),
        ),
    )


def rubrics_agreement(value: float | None) -> str:
    from thidua.reviews.scoring import agreement_label

    return agreement_label(value)


@login_required
@require_GET
def initiative_review(request: HttpRequest, pk: int, initiative_pk: int) -> HttpResponseBase:
    """One initiative's sheets in this council, for those who see results; with `?tac-gia=1`
    the summary that can be given to its authors (no reviewer names)."""
    council = _results_council(request, pk)
    initiative = get_object_or_404(council_initiatives(council), pk=initiative_pk)
    summary = review_exports.initiative_summary(council=council, initiative=initiative)
    if request.GET.get("xlsx"):
        return _stream(review_exports.InitiativeSummaryWorkbook(summary=summary))
    authors_view = bool(request.GET.get("tac-gia"))
    sheets = (
        []
        if authors_view
        else Assignment.objects.filter(council=council, initiative=initiative)
        .select_related("member__user", "sheet")
        .order_by("assigned_at")
    )
    return render(
        request,
        "web/reviews/initiative_review.html",
        _ctx(
            council,
            request,
            initiative=initiative,
            summary=summary,
            sheets=sheets,
            authors_view=authors_view,
            criteria=list(council.rubric.criteria.all()) if council.rubric else [],
        ),
    )


@login_required
@require_GET
def council_export(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = _results_council(request, pk)
    return _stream(review_exports.CouncilWorkbook(council=council))


# --- slate and vote ----------------------------------------------------------------------------


@login_required
@require_GET
def slate_view(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = _results_council(request, pk)
    slate = council.slates.exclude(status=SlateStatus.SUPERSEDED).first()
    lines: Any = []
    counts: dict[str, int] = {}
    if slate is not None:
        lines = slate.lines.select_related("initiative__field", "initiative__unit").order_by(
            "rank", "initiative__code"
        )
        show = request.GET.get("loc", "")
        if show == "chon":
            lines = lines.filter(selected=True)
        elif show == "khong":
            lines = lines.filter(selected=False)
        elif show == "sua":
            lines = [line for line in lines if line.amended]
        elif show == "giai":
            lines = lines.exclude(prize="")
        counts = {
            "selected": slate.lines.filter(selected=True).count(),
            "top": slate.lines.filter(top=True).count(),
            "total": slate.lines.count(),
        }
        for key in selection.PRIZES:
            counts[key] = slate.lines.filter(prize=key).count()
    page = paginate(request, lines, per_page=100)
    return render(
        request,
        "web/reviews/slate.html",
        _ctx(
            council,
            request,
            slate=slate,
            page=page,
            counts=counts,
            show=request.GET.get("loc", ""),
            prizes=[(key, selection.prize_label(key)) for key in selection.PRIZES],
            media=slate.media.select_related("person", "field") if slate else [],
            votes=slate.votes.prefetch_related("present__user") if slate else [],
            vote_form=VoteForm(council=council),
            amend_form=AmendForm(),
        ),
    )


@login_required
@require_POST
def slate_propose(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    try:
        slate = services.slate_propose(actor=request.user, council=council)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Đã lập đề xuất lần %(n)s: %(count)s sáng kiến được đề xuất.")
            % {"n": slate.number, "count": slate.lines.filter(selected=True).count()},
        )
    return redirect("web:slate", pk=council.pk)


@login_required
def slate_amend(request: HttpRequest, pk: int, line_pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    line = get_object_or_404(
        SlateLine.objects.filter(slate__council=council).select_related("initiative", "slate"),
        pk=line_pk,
    )
    form = AmendForm(
        request.POST or None,
        initial={"selected": line.selected, "prize": line.prize, "top": line.top},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.slate_amend(
                actor=request.user,
                line=line,
                selected=data["selected"],
                prize=data["prize"],
                top=data["top"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Đã sửa đề xuất cho %(code)s.") % {"code": line.initiative.code}
            )
            return redirect(reverse("web:slate", args=[council.pk]) + "?loc=sua")
    return render(
        request,
        "web/reviews/amend.html",
        _ctx(council, request, form=form, line=line),
    )


@login_required
@require_POST
def slate_vote(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    slate = council.slates.filter(status=SlateStatus.DRAFT).first()
    if slate is None:
        messages.error(request, _("Không có đề xuất nào đang chờ biểu quyết."))
        return redirect("web:slate", pk=council.pk)
    form = VoteForm(request.POST, council=council)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            text = " ".join(str(error) for error in errors)
            messages.error(request, f"{label}: {text}" if label else text)
        return redirect("web:slate", pk=council.pk)
    data = form.cleaned_data
    try:
        vote = services.slate_vote(
            actor=request.user,
            slate=slate,
            method=data["method"],
            present=list(data["present"]),
            in_favour=data["in_favour"],
            against=data["against"],
            abstain=data["abstain"],
            note=data["note"],
            place=data["place"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if vote.passed:
            messages.success(
                request,
                _(
                    "Đề xuất được thông qua (%(yes)s/%(total)s thành viên đồng ý). "
                    "Kết quả đã ghi vào từng sáng kiến."
                )
                % {"yes": vote.in_favour, "total": vote.members_total},
            )
        else:
            messages.warning(
                request,
                _(
                    "Đề xuất chưa được thông qua: %(yes)s/%(total)s đồng ý, "
                    "cần %(threshold)s tổng số thành viên."
                )
                % {
                    "yes": vote.in_favour,
                    "total": vote.members_total,
                    "threshold": council.threshold_text,
                },
            )
    return redirect("web:slate", pk=council.pk)
