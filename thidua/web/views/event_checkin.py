"""The conference's day in the web UI: the check-in page for phones (search a name without
diacritics, or type the code of the invitation; one tap "Có mặt"), the page the invitation's
QR code opens, people who came without an invitation, the live count by group, the attendance
report with its Excel file, and closing the conference.

Checking in is for those who organise the conference (event_for_user(manage=True): 404 outside
the scope, 403 for those who only read it), until it is closed; the counts and the report are
for everyone who sees the conference."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.events import services
from thidua.events.attendance import (
    attendance_report,
    delegate_by_code,
    delegates_search,
    live_counts,
    normalise_code,
)
from thidua.events.checkin import check_in, check_in_undo, present_text, walk_in_add, walk_in_groups
from thidua.events.models import Event, Guest
from thidua.events.permissions import can_manage_event, event_for_user, event_guest
from thidua.spreadsheets.attendance import AttendanceWorkbook
from thidua.web.event_checkin_forms import WalkInForm
from thidua.web.event_forms import service_errors
from thidua.web.views.reviews.common import stream

NAV = "events"
# htmx sends the id of the element it swaps: the search results, a delegate's row.
RESULTS = "checkin-results"
# Sent with a mark so the live count refreshes at once, not at its next poll.
CHANGED = "checkin-changed"


def _htmx(request: HttpRequest) -> Any:
    return getattr(request, "htmx", None)


def _checkin_url(event: Event, query: str = "") -> str:
    url = reverse("web:event_checkin", args=[event.pk])
    return f"{url}?{urlencode({'q': query})}" if query else url


def _open(event: Event) -> bool:
    """Whether checking in is allowed, for a user the funnel let through with manage=True (the
    rest of permissions.can_check_in, without asking for the user's units again)."""
    return not event.is_closed


def _refused(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- the check-in page ----------------------------------------------------------------------------


@login_required
@require_GET
def event_checkin(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    code = normalise_code(request.GET.get("ma", ""))
    if code:
        return redirect("web:event_checkin_code", event.pk, code)
    query = request.GET.get("q", "").strip()
    context: dict[str, Any] = {
        "event": event,
        "query": query,
        "results": delegates_search(event, query) if query else [],
        "can_check_in": _open(event),
    }
    htmx = _htmx(request)
    if htmx and htmx.target == RESULTS:
        return render(request, "web/events/checkin_results.html", context)
    groups = walk_in_groups(event)
    context.update(
        {
            "counts": live_counts(event),
            "walk_in_form": WalkInForm(groups=groups) if groups else None,
            "nav_active": NAV,
        }
    )
    return render(request, "web/events/checkin.html", context)


@login_required
@require_GET
def event_checkin_counts(request: HttpRequest, pk: int) -> HttpResponse:
    """The live count by group: the fragment the check-in and conference pages poll."""
    event = event_for_user(request.user, pk)
    return render(
        request, "web/events/checkin_counts.html", {"event": event, "counts": live_counts(event)}
    )


def _row(request: HttpRequest, event: Event, guest: Guest, **state: Any) -> HttpResponse:
    response = render(
        request,
        "web/events/checkin_row.html",
        {
            "event": event,
            "guest": guest,
            "query": request.POST.get("q", ""),
            "can_check_in": _open(event),
            **state,
        },
    )
    response["HX-Trigger"] = CHANGED
    return response


@login_required
@require_POST
def event_checkin_mark(request: HttpRequest, pk: int, guest_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    guest = event_guest(event, guest_pk)
    try:
        result = check_in(actor=request.user, guest=guest)
    except ValidationError as error:
        if _htmx(request):
            return _row(request, event, guest, error=_refused(error))
        messages.error(request, _refused(error))
        return redirect(_checkin_url(event, request.POST.get("q", "")))
    if _htmx(request):
        note = "" if result.counted else present_text(result.guest)
        return _row(request, event, result.guest, note=note)
    if result.counted:
        messages.success(request, _("Đã ghi “%(name)s” có mặt.") % {"name": guest.name})
    else:
        messages.info(request, f"{guest.name}: {present_text(result.guest)}")
    return redirect(_checkin_url(event, request.POST.get("q", "")))


@login_required
@require_POST
def event_checkin_undo(request: HttpRequest, pk: int, guest_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    guest = event_guest(event, guest_pk)
    try:
        check_in_undo(actor=request.user, guest=guest)
    except ValidationError as error:
        if _htmx(request):
            return _row(request, event, guest, error=_refused(error))
        messages.error(request, _refused(error))
    else:
        if _htmx(request):
            return _row(request, event, guest, undone=True)
        messages.success(request, _("Đã bỏ điểm danh “%(name)s”.") % {"name": guest.name})
    return redirect(_checkin_url(event, request.POST.get("q", "")))


# --- the QR code's page ---------------------------------------------------------------------------


@login_required
def event_checkin_code(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """What the invitation's QR code opens: the delegate and one big button. GET only shows;
    the mark is a POST."""
    event = event_for_user(request.user, pk, manage=True)
    guest = delegate_by_code(event, code)
    context: dict[str, Any] = {
        "event": event,
        "guest": guest,
        "code": normalise_code(code),
        "can_check_in": _open(event),
        "nav_active": NAV,
    }
    if guest is None:
        return render(request, "web/events/checkin_code.html", context, status=404)
    if request.method == "POST":
        try:
            result = check_in(actor=request.user, guest=guest)
        except ValidationError as error:
            messages.error(request, _refused(error))
        else:
            if result.counted:
                messages.success(request, _("Đã ghi “%(name)s” có mặt.") % {"name": guest.name})
            else:
                messages.info(request, f"{guest.name}: {present_text(result.guest)}")
        return redirect("web:event_checkin_code", event.pk, guest.checkin_code)
    return render(request, "web/events/checkin_code.html", context)


# --- people who came without an invitation --------------------------------------------------------


@login_required
def event_walk_in(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    groups = walk_in_groups(event)
    form = WalkInForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            guest = walk_in_add(
                actor=request.user,
                event=event,
                group=data["group"],
                name=data["name"],
                position=data["position"],
                unit_name=data["unit_name"],
                phone=data["phone"],
            )
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã thêm “%(name)s” vào nhóm “%(group)s”, có mặt.")
                % {"name": guest.name, "group": guest.group.name},
            )
            return redirect(_checkin_url(event))
    return render(
        request,
        "web/events/checkin_walk_in.html",
        {
            "event": event,
            "form": form,
            "has_groups": bool(groups),
            "can_check_in": _open(event),
            "nav_active": NAV,
        },
    )


# --- after the conference -------------------------------------------------------------------------


@login_required
@require_GET
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk)
    manage = can_manage_event(request.user, event)
    return render(
        request,
        "web/events/attendance.html",
        {
            "event": event,
            "report": attendance_report(event),
            "can_manage": manage,
            "can_check_in": manage and _open(event),
            "nav_active": NAV,
        },
    )


@login_required
@require_GET
def event_attendance_xlsx(request: HttpRequest, pk: int) -> HttpResponseBase:
    event = event_for_user(request.user, pk)
    return stream(AttendanceWorkbook(event=event, report=attendance_report(event)))


def _attendance(event: Event) -> HttpResponse:
    return redirect("web:event_attendance", event.pk)


@login_required
@require_POST
def event_close(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    try:
        services.event_close(actor=request.user, event=event)
    except ValidationError as error:
        messages.error(request, _refused(error))
    else:
        messages.success(
            request,
            _(
                "Đã kết thúc hội nghị: số liệu tham dự được chốt, đường dẫn trong giấy mời không "
                "còn nhận trả lời, không điểm danh thêm được."
            ),
        )
    return _attendance(event)


@login_required
@require_POST
def event_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    try:
        services.event_reopen(actor=request.user, event=event)
    except ValidationError as error:
        messages.error(request, _refused(error))
    else:
        messages.success(request, _("Đã mở lại hội nghị để sửa điểm danh."))
    return _attendance(event)
