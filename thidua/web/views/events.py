"""Honouring conferences (Hội nghị biểu dương): the list, creating one (from a cycle's page
too), its page with the plan and the guest list, and editing both. Changing a conference is for
its organiser's emulation officers (thidua.events.permissions)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.awards.models import Cycle
from thidua.awards.permissions import cycle_for_user, cycles_for_user
from thidua.events import services
from thidua.events.models import Event, GuestGroup, lines
from thidua.events.permissions import (
    can_manage_event,
    cycles_to_link,
    event_for_user,
    event_group,
    events_for_user,
    fill_units_for_user,
    group_guest,
    organisers_for_user,
)
from thidua.events.selectors import event_groups, events_list
from thidua.events.wording import title_from_cycle
from thidua.orgs.models import Unit
from thidua.orgs.permissions import people_for_user
from thidua.orgs.selectors import people_list, subtree_unit_ids
from thidua.web.event_forms import (
    EventForm,
    FillForm,
    GuestAddForm,
    GuestForm,
    GuestGroupForm,
    MoveForm,
    event_initial,
    guest_initial,
    service_errors,
)
from thidua.web.views.common import paginate

NAV = "events"


def _detail(event: Event, anchor: str = "") -> HttpResponse:
    url = reverse("web:event_detail", args=[event.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _refused(request: HttpRequest, error: ValidationError) -> None:
    """A service's refusal (a closed conference, honourees by hand) as a message."""
    for message in error.messages:
        messages.error(request, message)


def _group_anchor(group: GuestGroup) -> str:
    return f"nhom-{group.pk}"


# --- the list and the conference ------------------------------------------------------------------


@login_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    rows = events_list(events_for_user(request.user))
    return render(
        request,
        "web/events/list.html",
        {
            "page": paginate(request, rows),
            "can_create": organisers_for_user(request.user).exists(),
            "nav_active": NAV,
        },
    )


def _create_initial(request: HttpRequest, organisers: Any) -> dict[str, Any]:
    """With ?cycle=: the cycle, its title, and its receiving unit as organiser if allowed."""
    initial: dict[str, Any] = {}
    if request.GET.get("cycle"):
        cycle = cycle_for_user(request.user, request.GET["cycle"])
        initial.update({"cycle": cycle, "title": title_from_cycle(cycle.name)})
        if organisers.filter(pk=cycle.receiving_unit.pk).exists():
            initial["organiser"] = cycle.receiving_unit
    if "organiser" not in initial:
        initial["organiser"] = organisers.order_by("name").first()
    return initial


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    organisers = organisers_for_user(request.user)
    if not organisers.exists():
        raise PermissionDenied(_("Bạn không tổ chức hội nghị cho đơn vị nào."))
    form = EventForm(
        request.POST or None,
        organisers=organisers,
        cycles=cycles_to_link(request.user).order_by("-deadline"),
        initial=_create_initial(request, organisers) if request.method == "GET" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                actor=request.user,
                organiser=form.cleaned_data["organiser"],
                cycle=form.cleaned_data["cycle"],
                data=form.service_data(),
            )
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã tạo hội nghị. Hãy xem lại kế hoạch và danh sách khách mời đã soạn sẵn."),
            )
            return _detail(event)
    return render(
        request,
        "web/events/form.html",
        {"form": form, "title": _("Tạo hội nghị biểu dương"), "nav_active": NAV},
    )


def _visible_cycles(user: Any, event: Event) -> list[tuple[Cycle, bool]]:
    """The cycles the conference honours, each with whether the user may open its page."""
    cycles = list(event.cycles.order_by("-deadline"))
    visible = set(
        cycles_for_user(user).filter(pk__in=[c.pk for c in cycles]).values_list("pk", flat=True)
    )
    return [(cycle, cycle.pk in visible) for cycle in cycles]


@login_required
@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk)
    manage = can_manage_event(request.user, event)
    return render(
        request,
        "web/events/detail.html",
        {
            "event": event,
            "cycles": _visible_cycles(request.user, event),
            "purposes": lines(event.purposes),
            "contents": lines(event.contents),
            "honourees": lines(event.honourees),
            "tasks": lines(event.tasks),
            "responsible": lines(event.responsible),
            "groups": event_groups(event),
            "can_manage": manage,
            "group_form": GuestGroupForm() if manage else None,
            "nav_active": NAV,
        },
    )


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    form = EventForm(
        request.POST or None,
        cycles=cycles_to_link(request.user, keep=event).order_by("-deadline"),
        event=event,
        initial=event_initial(event),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                actor=request.user,
                event=event,
                data=form.service_data(),
                cycles=form.cleaned_data["cycles"],
            )
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu kế hoạch hội nghị."))
            return _detail(event)
    return render(
        request,
        "web/events/form.html",
        {"form": form, "event": event, "title": _("Sửa kế hoạch hội nghị"), "nav_active": NAV},
    )


# --- guest groups ---------------------------------------------------------------------------------


def _page(request: HttpRequest, event: Event, form: Any, title: str, **extra: Any) -> HttpResponse:
    return render(
        request,
        "web/events/part_form.html",
        {"event": event, "form": form, "title": title, "nav_active": NAV, **extra},
    )


@login_required
def event_group_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    form = GuestGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.guest_group_add(
                actor=request.user, event=event, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã thêm nhóm khách mời."))
            return _detail(event, _group_anchor(group))
    return _page(request, event, form, _("Thêm nhóm khách mời"))


@login_required
def event_group_edit(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    group = event_group(event, group_pk)
    form = GuestGroupForm(request.POST or None, initial={"name": group.name})
    if request.method == "POST" and form.is_valid():
        try:
            services.guest_group_update(
                actor=request.user, group=group, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu nhóm khách mời."))
            return _detail(event, _group_anchor(group))
    return _page(request, event, form, _("Sửa nhóm khách mời"), group=group)


@login_required
@require_POST
def event_group_remove(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    group = event_group(event, group_pk)
    try:
        services.guest_group_remove(actor=request.user, group=group)
    except ValidationError as error:
        _refused(request, error)
        return _detail(event, _group_anchor(group))
    messages.success(
        request, _("Đã xóa nhóm “%(name)s” cùng khách mời trong nhóm.") % {"name": group.name}
    )
    return _detail(event, "khach-moi")


@login_required
@require_POST
def event_group_move(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    group = event_group(event, group_pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            services.guest_group_move(actor=request.user, group=group, to=form.cleaned_data["to"])
        except ValidationError as error:
            _refused(request, error)
    return _detail(event, _group_anchor(group))


@login_required
def event_group_fill(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    group = event_group(event, group_pk)
    units = fill_units_for_user(request.user, event)
    form = FillForm(request.POST or None, units=units, initial={"unit": event.organiser})
    if request.method == "POST" and form.is_valid():
        unit: Unit = form.cleaned_data["unit"]
        try:
            added = services.guests_fill_from_units(
                actor=request.user,
                group=group,
                units_query=Unit.objects.filter(pk__in=subtree_unit_ids(unit)),
            )
        except ValidationError as error:
            _refused(request, error)
            return _detail(event, _group_anchor(group))
        if added:
            messages.success(
                request,
                _("Đã mời %(count)s chủ tịch công đoàn cơ sở.") % {"count": len(added)},
            )
        else:
            messages.warning(
                request,
                _(
                    "Không có chủ tịch công đoàn cơ sở nào để mời thêm: mọi người đã có trong "
                    "danh sách, hoặc danh sách người của các công đoàn cơ sở chưa ghi chức vụ "
                    "“Chủ tịch Công đoàn cơ sở”."
                ),
            )
        return _detail(event, _group_anchor(group))
    return _page(
        request,
        event,
        form,
        _("Mời chủ tịch các công đoàn cơ sở"),
        group=group,
        submit=_("Mời vào nhóm"),
    )


# --- guests ---------------------------------------------------------------------------------------


@login_required
def event_guest_add(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    group = event_group(event, group_pk)
    query = request.GET.get("q", "").strip()
    people = people_for_user(request.user)
    candidates = list(people_list(people=people, query=query)[:20]) if query else []
    form = GuestAddForm(request.POST or None, people=people, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        person = data.pop("person")
        try:
            guest = services.guest_add(actor=request.user, group=group, data=data, person=person)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã mời “%(name)s”.") % {"name": guest.name})
            return _detail(event, _group_anchor(group))
    return _page(
        request,
        event,
        form,
        _("Thêm khách mời"),
        group=group,
        query=query,
        candidates=candidates,
        search=True,
        submit=_("Mời"),
    )


@login_required
def event_guest_edit(request: HttpRequest, pk: int, group_pk: int, guest_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    group = event_group(event, group_pk)
    guest = group_guest(group, guest_pk)
    form = GuestForm(request.POST or None, initial=guest_initial(guest))
    if request.method == "POST" and form.is_valid():
        try:
            services.guest_update(actor=request.user, guest=guest, data=form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu khách mời “%(name)s”.") % {"name": guest.name})
            return _detail(event, _group_anchor(group))
    return _page(request, event, form, _("Sửa khách mời"), group=group)


@login_required
@require_POST
def event_guest_remove(request: HttpRequest, pk: int, group_pk: int, guest_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    group = event_group(event, group_pk)
    guest = group_guest(group, guest_pk)
    try:
        services.guest_remove(actor=request.user, guest=guest)
    except ValidationError as error:
        _refused(request, error)
        return _detail(event, _group_anchor(group))
    messages.success(
        request, _("Đã bỏ “%(name)s” khỏi danh sách khách mời.") % {"name": guest.name}
    )
    return _detail(event, _group_anchor(group))


@login_required
@require_POST
def event_guest_move(request: HttpRequest, pk: int, group_pk: int, guest_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    group = event_group(event, group_pk)
    guest = group_guest(group, guest_pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            services.guest_move(actor=request.user, guest=guest, to=form.cleaned_data["to"])
        except ValidationError as error:
            _refused(request, error)
    return _detail(event, _group_anchor(group))
