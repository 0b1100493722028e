"""Commendation decisions: the list, the draft and its list of people, the public comment
window, the signature with its number from the register, publication, revocation, the Excel
of the list, and the document register itself."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.awards.enums import DecisionStatus, NominationStatus, SignMode
from thidua.awards.models import Cycle, Decision, DecisionLine, Nomination
from thidua.awards.permissions import (
    can_issue,
    can_run,
    can_sign,
    cycle_for_user,
    cycles_for_user,
    decision_for_user,
    decisions_for_user,
    issuers_for_user,
    nominations_for_user,
)
from thidua.awards.selectors import grouped_lines
from thidua.awards.services import decisions as services
from thidua.common.vietnamese import date_in_words, money_in_words
from thidua.orgs.enums import KIND_TIER
from thidua.orgs.models import Unit
from thidua.orgs.permissions import Cap, people_for_user, units_for_user
from thidua.orgs.selectors import people_list
from thidua.web.award_forms.decisions import (
    AddNominationsForm,
    CommentOpenForm,
    DecisionForm,
    LineAddForm,
    LineForm,
    SignForm,
    decision_initial,
    line_initial,
)
from thidua.web.forms import add_service_errors
from thidua.web.views.common import id_param, paginate

NAV = "decisions"


def _year(raw: str) -> int | None:
    return int(raw) if raw.isdigit() and 1900 < int(raw) < 2200 else None


def _by_tier(units: QuerySet[Unit]) -> QuerySet[Unit]:
    """Higher bodies first (a federation before its grassroots unions), then by name."""
    tier = Case(
        *(When(kind=kind, then=Value(int(t))) for kind, t in KIND_TIER.items()),
        output_field=IntegerField(),
    )
    return units.annotate(tier_order=tier).order_by("tier_order", "name_folded")


def _runnable_cycles(user: Any, keep: int | None = None) -> QuerySet[Cycle]:
    """Cycles the user runs, and the one a draft already names (`keep`)."""
    ids = [cycle.pk for cycle in cycles_for_user(user) if can_run(user, cycle) or cycle.pk == keep]
    return cycles_for_user(user).filter(pk__in=ids).order_by("-deadline")


# --- the list ---------------------------------------------------------------------------------


@login_required
@require_GET
def decision_list(request: HttpRequest) -> HttpResponseBase:
    visible = decisions_for_user(request.user)
    status = request.GET.get("tinh_trang", "")
    year = _year(request.GET.get("nam", ""))
    issuer_id = request.GET.get("don_vi", "")
    rows = visible
    if status in DecisionStatus.values:
        rows = rows.filter(status=status)
    if year:
        rows = rows.filter(Q(year=year) | Q(year__isnull=True, created_at__year=year))
    if id_param(issuer_id):
        rows = rows.filter(issuer_id=int(issuer_id))
    rows = (
        rows.select_related("issuer", "award")
        .annotate(n_lines=Count("lines"))
        .order_by(F("signed_on").desc(nulls_first=True), "-created_at", "-id")
    )
    return render(
        request,
        "web/awards/decision_list.html",
        {
            "page": paginate(request, rows),
            "statuses": DecisionStatus.choices,
            "status": status,
            "year": year or "",
            "issuer_id": id_param(issuer_id),
            "issuers": Unit.objects.filter(pk__in=visible.values("issuer_id")).order_by("name"),
            "can_create": issuers_for_user(request.user).exists(),
            "nav_active": NAV,
        },
    )


# --- the draft --------------------------------------------------------------------------------


@login_required
def decision_create(request: HttpRequest) -> HttpResponseBase:
    issuers = _by_tier(issuers_for_user(request.user))
    if not issuers.exists():
        raise PermissionDenied(_("Bạn không lập quyết định khen thưởng cho đơn vị nào."))
    initial: dict[str, Any] = {
        "sign_mode": SignMode.TM,
        "sign_body": "BAN THƯỜNG VỤ",
        "signer_title": "CHỦ TỊCH",
        "issuer": issuers.first(),
    }
    if request.GET.get("cycle"):
        cycle = cycle_for_user(request.user, request.GET["cycle"], manage=True)
        initial["cycle"] = cycle
        if can_issue(request.user, cycle.receiving_unit):
            initial["issuer"] = cycle.receiving_unit
    if request.GET.get("issuer"):
        # The award list follows the chosen issuer (htmx); the award chosen stays if allowed.
        initial["issuer"] = request.GET["issuer"]
        initial["award"] = request.GET.get("award", "")
    form = DecisionForm(
        request.POST or None,
        issuers=issuers,
        cycles=_runnable_cycles(request.user),
        initial=initial,
        refresh_url=reverse("web:decision_create"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_create(
                actor=request.user, issuer=form.cleaned_data["issuer"], data=form.service_data()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Đã lập dự thảo quyết định. Hãy thêm danh sách khen thưởng.")
            )
            return redirect("web:decision_detail", pk=decision.pk)
    return render(
        request,
        "web/awards/decision_form.html",
        {"form": form, "title": _("Lập quyết định khen thưởng"), "nav_active": NAV},
    )


@login_required
def decision_edit(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk, manage=True)
    if decision.status != DecisionStatus.DRAFT:
        messages.error(request, _("Chỉ sửa được quyết định đang là dự thảo."))
        return redirect("web:decision_detail", pk=decision.pk)
    form = DecisionForm(
        request.POST or None,
        issuers=None,
        issuer=decision.issuer,
        cycles=_runnable_cycles(request.user, keep=decision.cycle_id),
        initial=decision_initial(decision),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_update(
                actor=request.user, decision=decision, data=form.service_data()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect("web:decision_detail", pk=decision.pk)
    return render(
        request,
        "web/awards/decision_form.html",
        {
            "form": form,
            "decision": decision,
            "title": _("Sửa dự thảo quyết định"),
            "nav_active": NAV,
        },
    )


# --- the decision as it reads -----------------------------------------------------------------


def _available_nominations(user: Any, decision: Decision) -> QuerySet[Nomination]:
    """The cycle's accepted dossiers the user sees that no decision lists yet."""
    if decision.cycle_id is None:
        return nominations_for_user(user).none()
    return (
        nominations_for_user(user)
        .filter(
            cycle_id=decision.cycle_id,
            status=NominationStatus.ACCEPTED,
            decision_line__isnull=True,
        )
        .select_related("person", "category__award", "unit")
        .order_by("category__order", "unit__name", "person__sort_key", "id")
    )


@login_required
@require_GET
def decision_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk)
    lines = list(decision.lines.select_related("nomination__category").order_by("order", "id"))
    manage = can_issue(request.user, decision.issuer)
    signer = can_sign(request.user, decision.issuer)
    is_draft = decision.status == DecisionStatus.DRAFT
    available = list(_available_nominations(request.user, decision)) if manage and is_draft else []
    amounts = [line.amount for line in lines if line.amount]
    revoked = [line.amount for line in lines if line.amount and line.is_revoked]
    total = sum(amounts)
    now = timezone.now()
    return render(
        request,
        "web/awards/decision_detail.html",
        {
            "decision": decision,
            "batches": decision.batches.order_by("-created_at")[:5],
            "groups": grouped_lines(lines),
            "n_lines": len(lines),
            "total": total,
            "total_words": money_in_words(total) if total else "",
            "revoked_total": sum(revoked),
            "date_words": date_in_words(decision.signed_on) if decision.signed_on else "",
            "can_manage": manage,
            "can_sign": signer,
            "is_draft": is_draft,
            "available": available,
            "comment_open": decision.comment_open(now),
            "comment_ended": decision.comment_until is not None and now >= decision.comment_until,
            # Those who draft or sign read what the public said before signing.
            "comments": list(decision.comments.all()) if manage or signer else [],
            "public_url": request.build_absolute_uri(
                reverse("web:public_comment", args=[decision.public_token])
            )
            if decision.public_token
            else "",
            "sign_form": SignForm(initial={"signer_name": decision.signer_name}),
            "comment_form": CommentOpenForm(),
            "nav_active": NAV,
        },
    )


# --- the list of people -----------------------------------------------------------------------


@login_required
@require_POST
def decision_lines_add(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk, manage=True)
    form = AddNominationsForm(
        request.POST, nominations=_available_nominations(request.user, decision)
    )
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("web:decision_detail", pk=decision.pk)
    try:
        added = services.lines_add_nominations(
            actor=request.user, decision=decision, nominations=form.cleaned_data["nominations"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Đã thêm %(count)s người vào danh sách.") % {"count": len(added)}
        )
    return redirect("web:decision_detail", pk=decision.pk)


def _draft_line(request: HttpRequest, pk: int, line_pk: int) -> tuple[Decision, DecisionLine]:
    decision = decision_for_user(request.user, pk, manage=True)
    line = get_object_or_404(decision.lines.all(), pk=line_pk)
    return decision, line


@login_required
def line_add(request: HttpRequest, pk: int) -> HttpResponseBase:
    decision = decision_for_user(request.user, pk, manage=True)
    query = request.GET.get("q", "").strip()
    people = people_for_user(request.user)
    candidates = list(people_list(people=people, query=query)[:20]) if query else []
    form = LineAddForm(
        request.POST or None,
        people=people,
        candidates=candidates,
        units=units_for_user(request.user, Cap.VIEW_UNITS),
        initial={"amount": decision.default_amount},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        person, collective = data.pop("person"), data.pop("collective")
        if data.get("amount") is None:
            data.pop("amount")
        try:
            line = services.line_add(
                actor=request.user,
                decision=decision,
                person=person,
                collective=collective,
                data=data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã thêm “%(name)s” vào danh sách.") % {"name": line})
            return redirect("web:decision_detail", pk=decision.pk)
    return render(
        request,
        "web/awards/decision_line_add.html",
        {
            "decision": decision,
            "form": form,
            "query": query,
            "candidates": candidates,
            "nav_active": NAV,
        },
    )


@login_required
def line_edit(request: HttpRequest, pk: int, line_pk: int) -> HttpResponseBase:
    decision, line = _draft_line(request, pk, line_pk)
    form = LineForm(request.POST or None, initial=line_initial(line))
    if request.method == "POST" and form.is_valid():
        try:
            services.line_update(actor=request.user, line=line, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("web:decision_detail", pk=decision.pk)
    return render(
        request,
        "web/awards/decision_action.html",
        {
            "decision": decision,
            "form": form,
            "title": _("Sửa dòng: %(name)s") % {"name": line.name},
            "submit": _("Lưu"),
            "nav_active": NAV,
        },
    )


@login_required
@require_POST
def line_remove(request: HttpRequest, pk: int, line_pk: int) -> HttpResponseBase:
    decision, line = _draft_line(request, pk, line_pk)
    try:
        services.line_remove(actor=request.user, line=line)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã bỏ “%(name)s” khỏi danh sách.") % {"name": line.name})
    return redirect("web:decision_detail", pk=decision.pk)
