"""Invitations and answers in the web UI: the conference's invitations page (counts, sending
the Giấy mời by email, the progress of a sending, the list to call, every delegate's answer,
the sent log), the staff writing down an answer taken by phone, issuing a new link, marking a
message bounced; and the public page where a delegate answers through their personal link.

The invitations page is for everyone who sees the conference (event_for_user: 404 outside the
scope); sending, answering for a delegate, new links and bounces are for those who organise it
(manage=True: 403 for those who only read it). The public page needs no login: its link is the
key (thidua.events.invitations), and wrong links are throttled per address."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from thidua.events import invitations
from thidua.events.enums import Rsvp
from thidua.events.invitation_mail import qr_data_uri, when_words
from thidua.events.invitation_sending import invitations_send
from thidua.events.invitation_status import (
    delegates_with_messages,
    invitation_counts,
    last_send_run,
    messages_log,
    to_call,
)
from thidua.events.invitations import ATTENDING, LinkState, checkin_url, event_message, rsvp_url
from thidua.events.models import Event, Guest
from thidua.events.permissions import can_manage_event, event_for_user, event_guest
from thidua.web.event_forms import service_errors
from thidua.web.event_invitation_forms import AnswerForm, SendForm, answer_initial
from thidua.web.views.common import paginate

NAV = "events"


def _page_url(event: Event, anchor: str = "") -> str:
    url = reverse("web:event_invitations", args=[event.pk])
    return f"{url}#{anchor}" if anchor else url


def _refused(error: ValidationError) -> str:
    return " ".join(error.messages)


def _send_form(event: Event, data: Any = None) -> SendForm:
    return SendForm(
        data,
        groups=event.guest_groups.order_by("-kind", "order", "id"),
        guests=Guest.objects.filter(group__event=event),
    )


@login_required
def event_invitations(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk)
    run = last_send_run(event)
    if request.headers.get("HX-Request"):
        return render(
            request, "web/events/_invitations_progress.html", {"event": event, "run": run}
        )
    manage = can_manage_event(request.user, event)
    delegates = delegates_with_messages(event)
    return render(
        request,
        "web/events/invitations.html",
        {
            "event": event,
            "when": when_words(event.starts_at),
            "counts": invitation_counts(event),
            "run": run,
            "to_call": to_call(delegates),
            "delegates": delegates,
            "links": ({g.pk: rsvp_url(g) for g in delegates if g.rsvp_nonce} if manage else {}),
            "page": paginate(request, messages_log(event)),
            "send_form": _send_form(event) if manage and not event.is_closed else None,
            "can_manage": manage,
            "can_answer": manage and not event.is_closed,
            "nav_active": NAV,
        },
    )


@login_required
@require_POST
def event_invitations_send(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    form = _send_form(event, request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect(_page_url(event, "gui"))
    data = form.cleaned_data
    try:
        sent = invitations_send(
            actor=request.user,
            event=event,
            scope=data["scope"],
            group=data["group"],
            guest=data["guest"],
        )
    except ValidationError as error:
        messages.error(request, _refused(error))
        return redirect(_page_url(event, "gui"))
    if sent.to_email:
        messages.success(
            request,
            ngettext(
                "Đang gửi giấy mời cho %(count)s đại biểu có thư điện tử; tiến độ ở dưới.",
                "Đang gửi giấy mời cho %(count)s đại biểu có thư điện tử; tiến độ ở dưới.",
                len(sent.to_email),
            )
            % {"count": len(sent.to_email)},
        )
    else:
        messages.warning(request, _("Không còn đại biểu nào có thư điện tử chưa được gửi."))
    if sent.without_email:
        messages.warning(
            request,
            ngettext(
                "%(count)s đại biểu không có thư điện tử: cần gọi điện / gửi giấy mời in "
                "(xem danh sách cần gọi).",
                "%(count)s đại biểu không có thư điện tử: cần gọi điện / gửi giấy mời in "
                "(xem danh sách cần gọi).",
                len(sent.without_email),
            )
            % {"count": len(sent.without_email)},
        )
    return redirect(_page_url(event, "gui"))


@login_required
def event_rsvp_record(request: HttpRequest, pk: int, guest_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    guest = event_guest(event, guest_pk)
    form = AnswerForm(request.POST or None, initial=answer_initial(guest))
    if request.method == "POST" and form.is_valid():
        try:
            invitations.rsvp_record(actor=request.user, guest=guest, **form.answer_data())
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã ghi trả lời của “%(name)s”.") % {"name": guest.name})
            return redirect(_page_url(event, f"dai-bieu-{guest.pk}"))
    return render(
        request,
        "web/events/invitations_answer.html",
        {"event": event, "guest": guest, "form": form, "nav_active": NAV},
    )


@login_required
@require_POST
def event_rsvp_reissue(request: HttpRequest, pk: int, guest_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    guest = event_guest(event, guest_pk)
    try:
        invitations.rsvp_link_reissue(actor=request.user, guest=guest)
    except ValidationError as error:
        messages.error(request, _refused(error))
    else:
        messages.success(
            request,
            _(
                "Đã cấp đường dẫn mới cho “%(name)s”; đường dẫn cũ không dùng được nữa. "
                "Hãy gửi lại giấy mời hoặc báo đường dẫn mới: %(url)s"
            )
            % {"name": guest.name, "url": rsvp_url(guest)},
        )
    return redirect(_page_url(event, f"dai-bieu-{guest.pk}"))


@login_required
@require_POST
def event_message_bounced(request: HttpRequest, pk: int, message_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    message = event_message(event, message_pk)
    try:
        invitations.message_mark_bounced(actor=request.user, message=message)
    except ValidationError as error:
        messages.error(request, _refused(error))
    else:
        messages.success(
            request,
            _("Đã ghi thư gửi “%(name)s” bị trả lại; người này có trong danh sách cần gọi.")
            % {"name": message.guest.name},
        )
    return redirect(_page_url(event, "thu-da-gui"))


# --- the public page -----------------------------------------------------------------------------


def _refusal(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    response = render(request, "web/events/rsvp_refused.html", {"reason": reason}, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def rsvp(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the delegate answers their invitation through their personal link, once."""
    check = invitations.rsvp_link_check(token)
    if check.state == LinkState.FORGED or check.guest is None:
        # Only wrong links are counted and refused: a genuine link always answers, whoever
        # else guessed from the same address (a proxy, an office network).
        address = request.META.get("REMOTE_ADDR", "")
        if invitations.rsvp_throttled(address):
            return _refusal(request, "throttled", 429)
        invitations.rsvp_miss(address)
        return _refusal(request, "forged", 404)
    if check.state == LinkState.REPLACED:
        return _refusal(request, "replaced", 410)
    guest = check.guest
    event = guest.group.event
    form = AnswerForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            invitations.rsvp_answer(guest=guest, nonce=guest.rsvp_nonce, **form.answer_data())
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                service_errors(form, error)
            else:
                form.add_error(None, _refused(error))
            guest.refresh_from_db()
            status = 409
        else:
            messages.success(request, _("Cảm ơn Ông/Bà đã trả lời giấy mời."))
            return redirect("web:rsvp", token)
    attending = guest.rsvp in ATTENDING
    response = render(
        request,
        "web/events/rsvp.html",
        {
            "event": event,
            "guest": guest,
            "when": when_words(event.starts_at),
            "form": form,
            "answered": guest.rsvp != Rsvp.PENDING,
            "attending": attending,
            "qr": qr_data_uri(checkin_url(event, guest)) if attending else "",
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    # The link is a key: never sent to another site (same-origin keeps the form's Origin).
    response["Referrer-Policy"] = "same-origin"
    return response
