"""Programmes: list, create with levels, launch, deadlines and their extensions, the progress
board of child units."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.campaigns import services
from thidua.campaigns.models import DeadlineExtension
from thidua.campaigns.permissions import can_manage, programme_for_user, running_units_for_user
from thidua.campaigns.selectors import acting_units, deadline_for, programme_open
from thidua.common.vietnamese import date_short
from thidua.initiatives.permissions import initiatives_for_user, register_units
from thidua.initiatives.selectors import (
    holder_level,
    programmes_for_user,
    progress_board,
    status_counts,
)
from thidua.orgs.models import Membership, Unit, User
from thidua.orgs.permissions import Cap, has_cap_somewhere, units_for_user
from thidua.reviews.permissions import councils_for_user
from thidua.web.forms import add_service_errors
from thidua.web.initiative_forms import ExtensionForm, LevelForm, ProgrammeForm


@login_required
@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    programmes = (
        programmes_for_user(request.user).select_related("running_unit").order_by("-starts_on")
    )
    return render(
        request,
        "web/programmes/list.html",
        {
            "programmes": programmes,
            "can_create": has_cap_somewhere(request.user, Cap.MANAGE_UNITS),
            "nav_active": "programmes",
        },
    )


def _my_units(request: HttpRequest) -> list[Unit]:
    return [
        m.unit
        for m in Membership.objects.filter(user=cast(User, request.user)).select_related("unit")
    ]


@login_required
@require_GET
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What the programme asks of the user's units and by when; its progress where they hold a
    level."""
    programme = programme_for_user(request.user, pk)
    levels = list(programme.levels.order_by("order"))
    my_units = acting_units(programme, _my_units(request))
    my_levels = []
    boards = []
    for unit in my_units:
        level = holder_level(programme, unit)
        if level is None:
            continue
        upper = next((item for item in levels if item.order > level.order), None)
        my_levels.append(
            {
                "unit": unit,
                "level": level,
                "deadline": deadline_for(level, unit),
                "upper": upper,
                "upper_deadline": deadline_for(upper, unit) if upper else None,
            }
        )
        if level.order > 1:
            boards.append({"unit": unit, "rows": progress_board(programme=programme, unit=unit)})
    reached = initiatives_for_user(request.user).filter(programme=programme)
    return render(
        request,
        "web/programmes/detail.html",
        {
            "programme": programme,
            "levels": levels,
            "fields": programme.fields.all(),
            "my_levels": my_levels,
            "boards": boards,
            "counts": status_counts(reached),
            "total": reached.count(),
            "by_field": reached.order_by()
            .values("field_id", "field__name")
            .annotate(n=Count("id"))
            .order_by("-n", "field__name"),
            "can_manage": can_manage(request.user, programme),
            "councils": councils_for_user(request.user)
            .filter(level__programme=programme)
            .select_related("level", "unit"),
            "can_form_council": has_cap_somewhere(request.user, Cap.MANAGE_UNITS),
            "can_register": bool(register_units(request.user)) and programme_open(programme),
            "extensions": DeadlineExtension.objects.filter(
                level__programme=programme
            ).select_related("level", "unit", "created_by"),
            "nav_active": "programmes",
        },
    )


@login_required
def programme_create(request: HttpRequest) -> HttpResponse:
    if not has_cap_somewhere(request.user, Cap.MANAGE_UNITS):
        raise PermissionDenied(_("Chỉ cán bộ thi đua được tạo chương trình."))
    form = ProgrammeForm(request.POST or None, running_units=running_units_for_user(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme = services.programme_create(
                actor=request.user,
                name=data["name"],
                code=data["code"],
                running_unit=data["running_unit"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                levels=data["levels"],
                fields=data["fields"],
                description=data["description"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            message = _("Đã tạo chương trình “%(name)s”. Hãy kiểm tra rồi phát động.")
            messages.success(request, message % {"name": programme})
            return redirect("web:programme_detail", pk=programme.pk)
    return render(request, "web/programmes/form.html", {"form": form, "nav_active": "programmes"})


@login_required
@require_POST
def programme_launch(request: HttpRequest, pk: int) -> HttpResponse:
    programme = programme_for_user(request.user, pk, manage=True)
    try:
        services.programme_launch(actor=request.user, programme=programme)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = _("Đã phát động “%(name)s” tới các đơn vị trực thuộc.")
        messages.success(request, message % {"name": programme})
    return redirect("web:programme_detail", pk=programme.pk)


@login_required
def programme_level_edit(request: HttpRequest, pk: int, level_pk: int) -> HttpResponse:
    programme = programme_for_user(request.user, pk, manage=True)
    level = get_object_or_404(programme.levels, pk=level_pk)
    initial = {name: getattr(level, name) for name in services.LEVEL_FIELDS}
    form = LevelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.level_update(actor=request.user, level=level, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu cấp xét “%(name)s”.") % {"name": level.name})
            return redirect("web:programme_detail", pk=programme.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Sửa cấp xét: %(name)s") % {"name": level.name},
            "submit": _("Lưu"),
            "nav_active": "programmes",
        },
    )


@login_required
def programme_extend(request: HttpRequest, pk: int) -> HttpResponse:
    programme = programme_for_user(request.user, pk, manage=True)
    units = units_for_user(request.user, Cap.VIEW_UNITS)
    form = ExtensionForm(request.POST or None, programme=programme, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.deadline_extend(
                actor=request.user,
                level=data["level"],
                unit=data["unit"],
                deadline=data["deadline"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            values = {
                "level": data["level"].name,
                "unit": data["unit"],
                "until": date_short(timezone.localtime(data["deadline"]).date()),
            }
            if data["unit"]:
                message = _("Đã gia hạn cấp “%(level)s” cho %(unit)s đến %(until)s.")
            else:
                message = _("Đã gia hạn cấp “%(level)s” cho tất cả các đơn vị đến %(until)s.")
            messages.success(request, message % values)
            return redirect("web:programme_detail", pk=programme.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Gia hạn nộp: %(name)s") % {"name": programme},
            "submit": _("Gia hạn"),
            "intro": _(
                "Gia hạn được ghi vào nhật ký. Đơn vị được gia hạn là đơn vị nộp "
                "hoặc chuyển sáng kiến lên cấp này."
            ),
            "nav_active": "programmes",
        },
    )
