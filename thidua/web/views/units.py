"""The organisation tree: browse on any date, search, create, edit, move, merge, dissolve."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from thidua.awards.permissions import award_lines_for_user
from thidua.awards.selectors import history_lines
from thidua.common.vietnamese import date_short
from thidua.orgs import services
from thidua.orgs.permissions import (
    Cap,
    has_cap_somewhere,
    require_cap_somewhere,
    today,
    unit_for_user,
    unit_restructure_allowed,
    units_for_user,
)
from thidua.orgs.selectors import (
    ancestors_on,
    children_on,
    placement_on,
    unit_counts,
    unit_history,
    unit_search,
)
from thidua.web.forms import UnitDissolveForm, UnitForm, UnitMoveForm, add_service_errors
from thidua.web.views.common import paginate, requested_day


@login_required
@require_GET
def unit_tree(request: HttpRequest) -> HttpResponse:
    day = requested_day(request)
    query = request.GET.get("q", "").strip()
    context = {
        "day": day,
        "is_today": day == today(),
        "query": query,
        "nav_active": "units",
        "can_manage": has_cap_somewhere(request.user, Cap.MANAGE_UNITS),
    }
    if query:
        context["results"] = paginate(request, unit_search(user=request.user, query=query, day=day))
    else:
        context["nodes"] = children_on(user=request.user, parent=None, day=day)
    return render(request, "web/unit_tree.html", context)


@login_required
@require_GET
def unit_children(request: HttpRequest, pk: int) -> HttpResponse:
    """The children of one node, for expanding the tree in place (htmx)."""
    unit = unit_for_user(request.user, pk)
    day = requested_day(request)
    nodes = children_on(user=request.user, parent=unit, day=day)
    return render(request, "web/_unit_nodes.html", {"nodes": nodes, "day": day})


@login_required
@require_GET
def unit_suggest(request: HttpRequest) -> HttpResponse:
    """<option>s for the unit picker: the user's visible units matching what was typed."""
    # The picker sends its input under its own field name; take whichever value came.
    typed = next((str(value) for value in request.GET.values() if str(value).strip()), "")
    units = unit_search(user=request.user, query=typed.split(" – ")[0])[:20] if typed else []
    return render(request, "web/_unit_options.html", {"units": units})


@login_required
@require_GET
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = unit_for_user(request.user, pk)
    day = today() if unit.is_active_on(today()) else (unit.ended_on or today())
    view_day = day if unit.is_active_on(day) else day.fromordinal(day.toordinal() - 1)
    placement = placement_on(unit, view_day)
    manageable = units_for_user(request.user, Cap.MANAGE_UNITS).filter(pk=unit.pk).exists()
    return render(
        request,
        "web/unit_detail.html",
        {
            "unit": unit,
            "placement": placement,
            "day": view_day,
            "ancestors": ancestors_on(unit, view_day),
            "children": children_on(user=request.user, parent=unit, day=view_day),
            "history": unit_history(unit),
            "counts": unit_counts(unit, view_day),
            "can_edit": manageable,
            "can_add_child": manageable and not unit.is_grassroots and unit.is_active_on(today()),
            "can_restructure": unit.ended_on is None
            and unit_restructure_allowed(request.user, unit),
            "can_view_people": has_cap_somewhere(request.user, Cap.VIEW_PEOPLE),
            # The unit's own people and the unit as a collective; its subtree is one link away.
            "awards": history_lines(award_lines_for_user(request.user), unit_ids=[unit.pk])[:50],
            "nav_active": "units",
        },
    )


@login_required
def unit_create(request: HttpRequest) -> HttpResponse:
    require_cap_somewhere(request.user, Cap.MANAGE_UNITS)
    parents = units_for_user(request.user, Cap.MANAGE_UNITS).exclude(kind="cdcs")
    initial: dict[str, object] = {"established_on": today()}
    if request.GET.get("cap_tren"):
        initial["parent"] = unit_for_user(request.user, request.GET["cap_tren"], Cap.MANAGE_UNITS)
    form = UnitForm(request.POST or None, parent_units=parents, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã thêm đơn vị “%(unit)s”.") % {"unit": unit})
            return redirect("web:unit_detail", pk=unit.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Thêm đơn vị"),
            "submit": _("Thêm đơn vị"),
            "nav_active": "units",
        },
    )


@login_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = unit_for_user(request.user, pk, Cap.MANAGE_UNITS)
    fields = services.UNIT_FIELDS
    form = UnitForm(request.POST or None, initial={name: getattr(unit, name) for name in fields})
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(actor=request.user, unit=unit, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thông tin đơn vị."))
            return redirect("web:unit_detail", pk=unit.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Sửa đơn vị: %(unit)s") % {"unit": unit},
            "submit": _("Lưu"),
            "nav_active": "units",
            "back": unit,
        },
    )


def _restructurable(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    unit = unit_for_user(request.user, pk)
    if unit.ended_on is not None or not unit_restructure_allowed(request.user, unit):
        raise PermissionDenied(_("Bạn không có quyền thay đổi vị trí của đơn vị này."))
    return unit


@login_required
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _restructurable(request, pk)
    targets = (
        units_for_user(request.user, Cap.MANAGE_UNITS).exclude(kind="cdcs").exclude(pk=unit.pk)
    )
    form = UnitMoveForm(
        request.POST or None, targets=targets, target_label=_("Chuyển về trực thuộc")
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.unit_move(
                actor=request.user,
                unit=unit,
                new_parent=data["target"],
                effective_on=data["effective_on"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã chuyển “%(unit)s” về trực thuộc “%(target)s” từ ngày %(day)s.")
                % {"unit": unit, "target": data["target"], "day": date_short(data["effective_on"])},
            )
            return redirect("web:unit_detail", pk=unit.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Chuyển đơn vị: %(unit)s") % {"unit": unit},
            "submit": _("Chuyển đơn vị"),
            "intro": _(
                "Cả các đơn vị trực thuộc được chuyển theo. Trước ngày hiệu lực, cây tổ chức "
                "vẫn hiện cơ cấu cũ."
            ),
            "nav_active": "units",
            "back": unit,
        },
    )


@login_required
def unit_merge(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _restructurable(request, pk)
    targets = units_for_user(request.user, Cap.MANAGE_UNITS).exclude(pk=unit.pk)
    form = UnitMoveForm(
        request.POST or None, targets=targets, target_label=_("Sáp nhập vào đơn vị")
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            moved = services.unit_merge(
                actor=request.user,
                unit=unit,
                into=data["target"],
                effective_on=data["effective_on"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Đã sáp nhập “%(unit)s” vào “%(target)s” từ ngày %(day)s; "
                    "chuyển %(moved)s người sang đơn vị mới.",
                    "Đã sáp nhập “%(unit)s” vào “%(target)s” từ ngày %(day)s; "
                    "chuyển %(moved)s người sang đơn vị mới.",
                    moved,
                )
                % {
                    "unit": unit,
                    "target": data["target"],
                    "day": date_short(data["effective_on"]),
                    "moved": moved,
                },
            )
            return redirect("web:unit_detail", pk=data["target"].pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Sáp nhập đơn vị: %(unit)s") % {"unit": unit},
            "submit": _("Sáp nhập"),
            "intro": _(
                "Các đơn vị trực thuộc chuyển sang đơn vị nhận sáp nhập từ ngày hiệu lực; "
                "người của đơn vị được chuyển sang ngay. "
                "Đơn vị này chấm dứt hoạt động từ ngày đó."
            ),
            "nav_active": "units",
            "back": unit,
        },
    )


@login_required
def unit_dissolve(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _restructurable(request, pk)
    form = UnitDissolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_dissolve(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Đã ghi nhận “%(unit)s” chấm dứt hoạt động.") % {"unit": unit}
            )
            return redirect("web:unit_detail", pk=unit.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Giải thể đơn vị: %(unit)s") % {"unit": unit},
            "submit": _("Giải thể"),
            "intro": _(
                "Đơn vị phải không còn đơn vị trực thuộc vào ngày hiệu lực. "
                "Lịch sử trước ngày đó được giữ nguyên."
            ),
            "nav_active": "units",
            "back": unit,
        },
    )
