"""A conference's honourees and stage: the decisions handed over and the honourees fetched
from them (with the citation the MC reads), the programme (chương trình), and the award order
in batches with its printable MC script. Everyone who sees the conference reads these pages;
its organiser's emulation officers change them (thidua.events.permissions)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from thidua.documents.base import DocumentError
from thidua.events import agenda, honourees
from thidua.events.enums import GroupKind
from thidua.events.models import AgendaItem, Event
from thidua.events.permissions import can_manage_event, event_for_user, event_guest
from thidua.events.script import ScriptGenerator
from thidua.web.event_award_forms import (
    AgendaItemForm,
    CitationForm,
    CouncilLinkForm,
    DecisionLinkForm,
    StageForm,
    agenda_initial,
    citation_initial,
    stage_initial,
)
from thidua.web.event_forms import MoveForm, service_errors

NAV = "events"


def _to(name: str, event: Event, anchor: str = "") -> HttpResponse:
    url = reverse(name, args=[event.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _item(event: Event, pk: Any) -> AgendaItem:
    """An item of a programme the funnel let through (404 otherwise)."""
    try:
        item = event.agenda.get(pk=int(pk))
    except (AgendaItem.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy mục chương trình.")) from None
    item.event = event
    return item


def _refused(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# --- honourees ------------------------------------------------------------------------------------


@login_required
@require_GET
def event_honourees(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk)
    manage = can_manage_event(request.user, event)
    linked = honourees.linked_decisions(event)
    linked_ids = {decision.pk for decision in linked}
    councils = honourees.linked_councils(event)
    prizes = (
        set(honourees.standing_selections(event).values_list("pk", flat=True))
        if councils
        else set()
    )
    groups = honourees.honouree_groups(event)
    for group in groups:
        for guest in group.guests.all():
            guest.flag = honourees.honouree_flag(guest, linked_ids, prizes)  # type: ignore[attr-defined]
    offered = (
        honourees.decisions_to_link(request.user, event).exclude(pk__in=linked_ids)
        if manage
        else None
    )
    councils_offered = (
        honourees.councils_to_link(request.user, event).exclude(
            pk__in=[council.pk for council in councils]
        )
        if manage
        else None
    )
    return render(
        request,
        "web/events/honourees.html",
        {
            "event": event,
            "can_manage": manage,
            "linked": linked,
            "groups": groups,
            "pending": honourees.pending_lines(event),
            "link_form": DecisionLinkForm(decisions=offered) if offered is not None else None,
            "offered": offered is not None and offered.exists(),
            "councils": councils,
            "council_form": (
                CouncilLinkForm(councils=councils_offered) if councils_offered is not None else None
            ),
            "councils_offered": councils_offered is not None and councils_offered.exists(),
            "nav_active": NAV,
        },
    )


@login_required
@require_POST
def event_decision_link(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    form = DecisionLinkForm(
        request.POST, decisions=honourees.decisions_to_link(request.user, event)
    )
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return _to("web:event_honourees", event)
    try:
        honourees.event_decision_link(
            actor=request.user, event=event, decision=form.cleaned_data["decision"]
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _(
                "Đã gắn %(decision)s vào hội nghị. Bấm “Lấy danh sách từ quyết định” để đưa "
                "người được khen thưởng vào danh sách đại biểu."
            )
            % {"decision": form.cleaned_data["decision"].title},
        )
    return _to("web:event_honourees", event)


@login_required
@require_POST
def event_decision_unlink(request: HttpRequest, pk: int, decision_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    decision = event.decisions.filter(pk=decision_pk).first()
    if decision is None:
        raise Http404(_("Quyết định không trao tại hội nghị này."))
    try:
        honourees.event_decision_unlink(actor=request.user, event=event, decision=decision)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _(
                "Đã bỏ %(decision)s khỏi hội nghị. Bấm “Lấy danh sách từ quyết định” để bỏ "
                "những người được khen thưởng theo quyết định này."
            )
            % {"decision": decision.title},
        )
    return _to("web:event_honourees", event)


@login_required
@require_POST
def event_council_link(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    form = CouncilLinkForm(request.POST, councils=honourees.councils_to_link(request.user, event))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return _to("web:event_honourees", event, "hoi-dong")
    council = form.cleaned_data["council"]
    try:
        honourees.event_council_link(actor=request.user, event=event, council=council)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _(
                "Đã gắn kết quả của %(council)s vào hội nghị. Bấm “Lấy danh sách từ quyết "
                "định” để đưa tác giả các sáng kiến đạt giải vào danh sách đại biểu."
            )
            % {"council": council.name},
        )
    return _to("web:event_honourees", event, "hoi-dong")


@login_required
@require_POST
def event_council_unlink(request: HttpRequest, pk: int, council_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    council = event.councils.filter(pk=council_pk).first()
    if council is None:
        raise Http404(_("Hội đồng này không trao kết quả tại hội nghị."))
    try:
        honourees.event_council_unlink(actor=request.user, event=event, council=council)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _(
                "Đã bỏ kết quả của %(council)s khỏi hội nghị. Bấm “Lấy danh sách từ quyết "
                "định” để bỏ các sáng kiến đạt giải của hội đồng này."
            )
            % {"council": council.name},
        )
    return _to("web:event_honourees", event, "hoi-dong")


@login_required
@require_POST
def event_honourees_sync(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    try:
        result = honourees.honourees_sync(actor=request.user, event=event)
    except ValidationError as error:
        _refused(request, error)
        return _to("web:event_honourees", event)
    if result.added:
        count = len(result.added)
        messages.success(
            request,
            ngettext(
                "Đã thêm %(count)s người được khen thưởng.",
                "Đã thêm %(count)s người được khen thưởng.",
                count,
            )
            % {"count": count},
        )
    if result.removed:
        messages.warning(
            request,
            _(
                "Đã bỏ khỏi danh sách (khen thưởng bị thu hồi, quyết định hoặc hội đồng đã bỏ, "
                "giải không còn trong kết quả): %(names)s."
            )
            % {"names": ", ".join(result.removed)},
        )
    if result.flagged:
        messages.warning(
            request,
            _(
                "Đã gửi giấy mời, đã trả lời hoặc đã điểm danh nên vẫn giữ trong danh sách (không "
                "gọi lên trao thưởng), cần xem lại: %(names)s."
            )
            % {"names": ", ".join(result.flagged)},
        )
    if result.moved:
        messages.info(
            request,
            _(
                "Có tên trong danh sách khách mời và được khen thưởng, nay mời với tư cách người "
                "được khen thưởng: %(names)s."
            )
            % {"names": ", ".join(result.moved)},
        )
    if not (result.added or result.removed or result.flagged or result.moved):
        messages.info(
            request,
            _("Danh sách đã khớp với các quyết định và kết quả xét chọn; không có gì thay đổi."),
        )
    return _to("web:event_honourees", event)


@login_required
def event_citation_edit(request: HttpRequest, pk: int, guest_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    guest = event_guest(event, guest_pk)
    if guest.group.kind != GroupKind.HONOUREE or not guest.is_honouree:
        raise Http404(_("Không tìm thấy người được khen thưởng."))
    form = CitationForm(request.POST or None, initial=citation_initial(guest))
    if request.method == "POST" and form.is_valid():
        try:
            honourees.honouree_update(actor=request.user, guest=guest, data=form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(
                request, _("Đã lưu lời giới thiệu của %(name)s.") % {"name": guest.name}
            )
            return _to("web:event_honourees", event, f"dai-bieu-{guest.pk}")
    return render(
        request,
        "web/events/honourees_citation.html",
        {"event": event, "guest": guest, "form": form, "nav_active": NAV},
    )


# --- the programme --------------------------------------------------------------------------------


@login_required
@require_GET
def event_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk)
    manage = can_manage_event(request.user, event)
    return render(
        request,
        "web/events/agenda.html",
        {
            "event": event,
            "can_manage": manage,
            "items": agenda.agenda_items(event),
            "form": AgendaItemForm() if manage else None,
            "nav_active": NAV,
        },
    )


@login_required
@require_POST
def event_agenda_prefill(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    try:
        agenda.agenda_prefill(actor=request.user, event=event)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Đã soạn chương trình mẫu; hãy sửa giờ và người thực hiện."))
    return _to("web:event_agenda", event)


@login_required
def event_agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = agenda.agenda_item_add(actor=request.user, event=event, data=form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã thêm mục chương trình."))
            return _to("web:event_agenda", event, f"muc-{item.pk}")
    return render(
        request,
        "web/events/agenda_form.html",
        {"event": event, "form": form, "title": _("Thêm mục chương trình"), "nav_active": NAV},
    )


@login_required
def event_agenda_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    item = _item(event, item_pk)
    form = AgendaItemForm(request.POST or None, initial=agenda_initial(item))
    if request.method == "POST" and form.is_valid():
        try:
            agenda.agenda_item_update(actor=request.user, item=item, data=form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu mục chương trình."))
            return _to("web:event_agenda", event, f"muc-{item.pk}")
    return render(
        request,
        "web/events/agenda_form.html",
        {"event": event, "form": form, "title": _("Sửa mục chương trình"), "nav_active": NAV},
    )


@login_required
@require_POST
def event_agenda_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    item = _item(event, item_pk)
    agenda.agenda_item_remove(actor=request.user, item=item)
    messages.success(request, _("Đã xóa mục “%(title)s”.") % {"title": item.title})
    return _to("web:event_agenda", event)


@login_required
@require_POST
def event_agenda_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=True)
    item = _item(event, item_pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        agenda.agenda_item_move(actor=request.user, item=item, to=form.cleaned_data["to"])
    return _to("web:event_agenda", event, f"muc-{item.pk}")


# --- the award order and the MC script ------------------------------------------------------------


@login_required
def event_award_order(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk, manage=request.method == "POST")
    manage = can_manage_event(request.user, event)
    form = StageForm(request.POST or None, initial=stage_initial(event)) if manage else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            agenda.stage_settings_update(
                actor=request.user,
                event=event,
                stage_size=form.cleaned_data["stage_size"],
                award_order_keys=form.keys(),
                presenters=form.cleaned_data["presenters"],
            )
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu cách sắp xếp thứ tự trao thưởng."))
            return _to("web:event_award_order", event)
    return render(
        request,
        "web/events/award_order.html",
        {
            "event": event,
            "can_manage": manage,
            "form": form,
            "order": honourees.event_award_order(event),
            "agenda": agenda.agenda_items(event),
            "nav_active": NAV,
        },
    )


@login_required
@require_GET
def event_script_docx(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_user(request.user, pk)
    generator = ScriptGenerator(event)
    try:
        data = generator.docx()
    except DocumentError as error:
        messages.error(request, str(error))
        return _to("web:event_award_order", event)
    response = HttpResponse(data, content_type=generator.content_type)
    response["Content-Disposition"] = f'attachment; filename="{generator.filename}"'
    return response
