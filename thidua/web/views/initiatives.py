"""Initiatives: the lists federation staff live in, registration on the official form, the
page with its whole history, and the transitions (submit, endorse, return, forward…)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from thidua.campaigns.models import Programme
from thidua.campaigns.permissions import programme_for_user
from thidua.campaigns.selectors import deadline_for, programme_open, registering_units
from thidua.initiatives import services
from thidua.initiatives.enums import SolutionKind, StageStatus, Status
from thidua.initiatives.models import Attachment, Initiative
from thidua.initiatives.permissions import (
    can_decide,
    can_edit,
    can_see_content,
    initiative_for_user,
    initiatives_for_user,
)
from thidua.initiatives.selectors import (
    SORT_LABELS,
    InitiativeFilters,
    initiative_list,
    programmes_for_user,
    status_counts,
)
from thidua.orgs.models import Person, Unit
from thidua.orgs.permissions import Cap, units_for_user
from thidua.reviews.enums import SlateStatus
from thidua.reviews.models import SlateLine
from thidua.reviews.selection import PRIZES, prize_label
from thidua.spreadsheets.initiative_filters import filters_from_query
from thidua.web.forms import add_service_errors
from thidua.web.initiative_forms import (
    AttachmentForm,
    InitiativeForm,
    ReasonForm,
    initiative_initial,
)


def _register_units(request: HttpRequest, programme: Programme) -> list[Unit]:
    """Grassroots unions of the programme where the user may register initiatives."""
    units = units_for_user(request.user, Cap.MANAGE_PEOPLE)
    return list(registering_units(programme, units).order_by("name")[:500])


def _counted_by_status(filters: InitiativeFilters) -> bool:
    """Whether the list holds exactly what the counts by status count: no filter but the
    programme and the status."""
    return filters == InitiativeFilters(
        programme=filters.programme, status=filters.status, sort=filters.sort
    )


@login_required
@require_GET
def initiative_list_view(request: HttpRequest) -> HttpResponse:
    filters = filters_from_query(request.user, request.GET)
    visible = initiatives_for_user(request.user)
    scoped = visible.filter(programme=filters.programme) if filters.programme else visible
    rows = initiative_list(initiatives=visible, filters=filters)
    counts = status_counts(scoped)
    paginator = Paginator(rows, 50)
    if _counted_by_status(filters):
        # The list is the programme's (or one status of it): its length is already in the
        # counts by status, so the database need not count a national list a second time.
        paginator.count = counts[filters.status] if filters.status else sum(counts.values())
    page = paginator.get_page(request.GET.get("trang"))
    content_ok = {item.pk for item in page if can_see_content(request.user, item)}
    decidable = {item.pk for item in page if can_decide(request.user, item)}
    context = {
        "page": page,
        "filters": filters,
        "counts": counts,
        "statuses": Status.choices,
        "kinds": SolutionKind.choices,
        "sorts": SORT_LABELS,
        "programmes": programmes_for_user(request.user).order_by("-starts_on"),
        "content_ok": content_ok,
        "decidable": decidable,
        "query_string": request.GET.urlencode(),
        "nav_active": "initiatives",
    }
    template = "web/initiatives/_rows.html" if request.htmx else "web/initiatives/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@login_required
def initiative_create(request: HttpRequest) -> HttpResponse:
    programme = programme_for_user(
        request.user, request.GET.get("chuong_trinh") or request.POST.get("chuong_trinh")
    )
    if not programme_open(programme):
        raise PermissionDenied(_("Chương trình chưa phát động hoặc đã kết thúc."))
    units = _register_units(request, programme)
    if not units:
        raise PermissionDenied(
            _("Bạn không đăng ký sáng kiến cho công đoàn cơ sở nào trong chương trình này.")
        )
    chosen = request.GET.get("don_vi") or request.POST.get("don_vi")
    unit = next((u for u in units if str(u.pk) == chosen), units[0] if len(units) == 1 else None)
    if unit is None:
        return render(
            request,
            "web/initiatives/choose_unit.html",
            {
                "programme": programme,
                "units": units,
                "nav_active": "initiatives",
            },
        )
    people = Person.objects.filter(unit=unit).order_by("sort_key")
    form = InitiativeForm(request.POST or None, programme=programme, people=people)
    attachment = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = services.initiative_create(
                actor=request.user,
                programme=programme,
                unit=unit,
                data=form.service_data(),
                authors=form.cleaned_data["authors"],
            )
            for upload in request.FILES.getlist("file"):
                services.attachment_add(actor=request.user, initiative=initiative, upload=upload)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            message = _("Đã đăng ký sáng kiến %(code)s. Kiểm tra lại rồi bấm “Nộp”.")
            messages.success(request, message % {"code": initiative.code})
            return redirect("web:initiative_detail", pk=initiative.pk)
    return render(
        request,
        "web/initiatives/form.html",
        {
            "form": form,
            "attachment_form": attachment,
            "programme": programme,
            "unit": unit,
            "title": _("Đăng ký sáng kiến"),
            "nav_active": "initiatives",
        },
    )


@login_required
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for_user(request.user, pk)
    if not can_edit(request.user, initiative):
        raise PermissionDenied(_("Bạn không sửa được sáng kiến này."))
    people = Person.objects.filter(unit=initiative.unit).order_by("sort_key")
    form = InitiativeForm(
        request.POST or None,
        programme=initiative.programme,
        people=people,
        initial=initiative_initial(initiative),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_update(
                actor=request.user,
                initiative=initiative,
                data=form.service_data(),
                authors=form.cleaned_data["authors"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu sáng kiến."))
            return redirect("web:initiative_detail", pk=initiative.pk)
    return render(
        request,
        "web/initiatives/form.html",
        {
            "form": form,
            "programme": initiative.programme,
            "unit": initiative.unit,
            "initiative": initiative,
            "title": _("Sửa sáng kiến %(code)s") % {"code": initiative.code},
            "nav_active": "initiatives",
        },
    )


@login_required
@require_GET
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for_user(request.user, pk)
    full = can_see_content(request.user, initiative)
    editable = can_edit(request.user, initiative) and services.is_editable(initiative)
    deciding = can_decide(request.user, initiative)
    stage = initiative.stages.filter(level=initiative.current_level).first()
    upward = (
        services.next_level(initiative)
        if deciding and stage and stage.status == StageStatus.SELECTED
        else None
    )
    return render(
        request,
        "web/initiatives/detail.html",
        {
            "initiative": initiative,
            "full": full,
            "authors": initiative.authorships.select_related("person", "person__unit"),
            "attachments": initiative.attachments.all() if full else [],
            "stages": initiative.stages.select_related("level", "unit", "sender").order_by(
                "level__order"
            ),
            "events": initiative.events.select_related("actor", "level", "unit") if full else [],
            "editable": editable,
            "can_submit": editable,
            "can_withdraw": can_edit(request.user, initiative)
            and services.is_withdrawable(initiative),
            "can_judge": deciding and stage is not None and stage.status == StageStatus.PENDING,
            "can_return": deciding
            and stage is not None
            and stage.status in {StageStatus.PENDING, StageStatus.SELECTED},
            "upward": upward,
            "upward_deadline": deadline_for(upward[0], initiative.current_unit)
            if upward and initiative.current_unit
            else None,
            "stage": stage,
            # The score history it carries up the levels: each council's confirmed result.
            "review_lines": SlateLine.objects.filter(
                initiative=initiative, slate__status=SlateStatus.CONFIRMED
            )
            .select_related("slate__council__level")
            .order_by("slate__council__level__order"),
            "prize_labels": [(key, prize_label(key)) for key in PRIZES],
            "reason_form": ReasonForm(),
            "attachment_form": AttachmentForm(),
            "now": timezone.now(),
            "nav_active": "initiatives",
        },
    )


def _transition(
    request: HttpRequest,
    pk: int,
    act: Callable[[Initiative, str], object],
    done: str,
    *,
    decide: bool,
) -> HttpResponse:
    initiative = initiative_for_user(request.user, pk)
    allowed = can_decide(request.user, initiative) if decide else can_edit(request.user, initiative)
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với sáng kiến."))
    form = ReasonForm(request.POST)
    reason = form.data.get("reason", "").strip()
    try:
        act(initiative, reason)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("web:initiative_detail", pk=initiative.pk)


@login_required
@require_POST
def initiative_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda i, _r: services.initiative_submit(actor=request.user, initiative=i),
        _("Đã nộp sáng kiến cho công đoàn cơ sở."),
        decide=False,
    )


@login_required
@require_POST
def initiative_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda i, r: services.initiative_withdraw(actor=request.user, initiative=i, reason=r),
        _("Đã rút sáng kiến."),
        decide=False,
    )


@login_required
@require_POST
def initiative_select(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda i, r: services.initiative_decide(
            actor=request.user, initiative=i, selected=True, reason=r
        ),
        _("Đã chọn sáng kiến ở cấp này."),
        decide=True,
    )


@login_required
@require_POST
def initiative_not_select(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda i, r: services.initiative_decide(
            actor=request.user, initiative=i, selected=False, reason=r
        ),
        _("Đã ghi nhận không chọn sáng kiến."),
        decide=True,
    )


@login_required
@require_POST
def initiative_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda i, r: services.initiative_return(actor=request.user, initiative=i, reason=r),
        _("Đã trả lại sáng kiến để bổ sung."),
        decide=True,
    )


@login_required
@require_POST
def initiative_forward(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request,
        pk,
        lambda i, _r: services.initiative_forward(actor=request.user, initiative=i),
        _("Đã chuyển sáng kiến lên cấp trên."),
        decide=True,
    )


@login_required
@require_POST
def initiative_bulk(request: HttpRequest) -> HttpResponse:
    """Select or forward many at once: each through its own service call, each reported."""
    action = request.POST.get("action", "")
    ids = request.POST.getlist("chon")
    done, failed = 0, []
    for raw in ids[:500]:
        try:
            initiative = initiative_for_user(request.user, raw)
        except Http404:
            continue
        if not can_decide(request.user, initiative):
            failed.append(_("%(code)s: bạn không giữ sáng kiến này") % {"code": initiative.code})
            continue
        try:
            if action == "chon":
                services.initiative_decide(actor=request.user, initiative=initiative, selected=True)
            elif action == "chuyen":
                services.initiative_forward(actor=request.user, initiative=initiative)
            else:
                raise ValidationError(_("Thao tác không hợp lệ."))
        except ValidationError as error:
            failed.append(f"{initiative.code}: {' '.join(error.messages)}")
        else:
            done += 1
    if done:
        message = ngettext("Đã xử lý %(count)s sáng kiến.", "Đã xử lý %(count)s sáng kiến.", done)
        messages.success(request, message % {"count": done})
    for line in failed[:20]:
        messages.error(request, line)
    if len(failed) > 20:
        more = len(failed) - 20
        message = ngettext(
            "… và %(count)s sáng kiến khác không xử lý được.",
            "… và %(count)s sáng kiến khác không xử lý được.",
            more,
        )
        messages.error(request, message % {"count": more})
    back = request.POST.get("next", "")
    return redirect(f"/sang-kien/?{back}" if back else "/sang-kien/")


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for_user(request.user, pk)
    if not can_edit(request.user, initiative):
        raise PermissionDenied(_("Bạn không đính kèm tệp vào sáng kiến này được."))
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một tệp để đính kèm."))
    else:
        try:
            services.attachment_add(
                actor=request.user, initiative=initiative, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã đính kèm tệp."))
    return redirect("web:initiative_detail", pk=initiative.pk)


def _attachment_for_user(request: HttpRequest, pk: int) -> Attachment:
    attachment = Attachment.objects.filter(pk=pk).select_related("initiative").first()
    if attachment is None:
        raise Http404(_("Không tìm thấy tệp."))
    initiative = initiative_for_user(request.user, attachment.initiative_id)
    if not can_see_content(request.user, initiative):
        raise Http404(_("Không tìm thấy tệp."))
    return attachment


@login_required
@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Files are private: served only after the initiative's access check."""
    attachment = _attachment_for_user(request, pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = _attachment_for_user(request, pk)
    if not can_edit(request.user, attachment.initiative):
        raise PermissionDenied(_("Bạn không gỡ được tệp này."))
    try:
        services.attachment_remove(actor=request.user, attachment=attachment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã gỡ tệp."))
    return redirect("web:initiative_detail", pk=attachment.initiative_id)
