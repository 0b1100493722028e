"""Forming a council, its settings, members and rubric, opening and reopening scoring."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.campaigns.models import ProgrammeLevel
from thidua.campaigns.permissions import can_manage as can_manage_programme
from thidua.campaigns.permissions import programme_for_user
from thidua.initiatives.models import Stage
from thidua.orgs.models import Unit
from thidua.orgs.permissions import Cap, units_for_user
from thidua.reviews import services
from thidua.reviews.enums import (
    AssignmentStatus,
    Basis,
    ConflictStatus,
    CouncilRole,
    SlateStatus,
)
from thidua.reviews.models import (
    Assignment,
    Conflict,
)
from thidua.reviews.permissions import (
    council_for_user,
    council_units_for_user,
    councils_for_user,
    seat_of,
    seatable_users,
)
from thidua.reviews.selectors import (
    council_initiatives,
    member_progress,
    my_progress,
)
from thidua.web.forms import add_service_errors
from thidua.web.review_forms import (
    CouncilForm,
    MemberForm,
    ReasonForm,
    ReopenForm,
    RubricForm,
    council_initial,
    rubric_initial,
)
from thidua.web.views.reviews.common import council_context


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
    mine = my_progress(request.user)
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
    form = CouncilForm(
        request.POST or None,
        programme=programme,
        units=units_for_user(request.user, Cap.VIEW_UNITS),
        initial=initial,
    )
    unit_choice = request.POST.get("unit") if request.method == "POST" else None
    unit = next(
        (u for u in units if str(u.pk) == unit_choice), units[0] if len(units) == 1 else None
    )
    if request.method == "POST" and unit is None:
        form.add_error(None, _("Hãy chọn đơn vị của hội đồng."))
    if request.method == "POST" and unit is not None and form.is_valid():
        data = form.council_data()
        try:
            council = services.council_create(
                actor=request.user,
                level=level,
                unit=unit,
                data=data,
                preset=form.cleaned_data.get("preset") or "",
            )
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
        request.POST or None,
        programme=council.level.programme,
        units=units_for_user(request.user, Cap.VIEW_UNITS),
        initial=council_initial(council),
    )
    if request.method == "POST" and form.is_valid():
        data = form.council_data()
        try:
            preset = form.cleaned_data.get("preset") or ""
            if data["rubric"] is None and not preset:
                data["rubric"] = council.rubric
            services.council_update(actor=request.user, council=council, data=data, preset=preset)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thiết lập hội đồng."))
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/reviews/council_form.html",
        council_context(
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
    criteria = list(council.rubric.criteria.all()) if council.rubric else []
    now = timezone.now()
    return render(
        request,
        "web/reviews/council_detail.html",
        council_context(
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
            criteria=criteria,
            criterion_names={c.code: c.name for c in criteria},
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
        council_context(
            council, request, form=form, title=_("Mở lại chấm điểm sau hạn"), submit=_("Mở lại")
        ),
    )


@login_required
def member_add(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    form = MemberForm(
        request.POST or None, users=seatable_users(request.user), programme=council.level.programme
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
        council_context(
            council, request, form=form, title=_("Thêm thành viên hội đồng"), submit=_("Thêm")
        ),
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
        council_context(council, request, form=form, title=str(seat), submit=_("Lưu")),
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
        council_context(
            council,
            request,
            form=form,
            title=_("Đưa %(name)s ra khỏi hội đồng") % {"name": seat},
            submit=_("Xác nhận"),
        ),
    )


@login_required
def rubric_edit(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    rubric = council.rubric
    if rubric is None:
        messages.info(request, _("Hãy chọn hoặc tạo bộ tiêu chí trong phần thiết lập hội đồng."))
        return redirect("web:council_edit", pk=council.pk)
    locked = services.rubric_is_locked(rubric)
    form = RubricForm(request.POST or None, initial=rubric_initial(rubric.spec()))
    if locked:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and not locked and form.is_valid():
        try:
            services.rubric_update(
                council=council, actor=request.user, rubric=rubric, spec=form.cleaned_data["spec"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu bộ tiêu chí."))
            return redirect("web:council_detail", pk=council.pk)
    return render(
        request,
        "web/reviews/rubric_form.html",
        council_context(council, request, form=form, rubric=rubric, locked=locked),
    )
