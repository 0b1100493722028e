"""Honouring cycles: the list, opening one for a programme, its page (deadline, categories
with their rules and papers, the dossiers), and shaping it: categories, rules, quotas,
deadline extensions. Shaping is for the running unit's emulation officers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from thidua.awards.enums import AchievementField, NominationStatus
from thidua.awards.models import Cycle, Nomination, Rule
from thidua.awards.permissions import (
    can_run,
    cycle_for_user,
    cycles_for_user,
    nominating_units_for_cycle,
    nominations_for_user,
)
from thidua.awards.selectors import nominations_in
from thidua.awards.services import cycles
from thidua.awards.services.common import deadline_for, deadline_text
from thidua.campaigns.permissions import can_manage, programme_for_user
from thidua.initiatives.selectors import programmes_for_user
from thidua.orgs.models import Unit
from thidua.orgs.permissions import Cap, units_for_user
from thidua.web.award_forms.nominations import (
    PRESET_AN_LAO,
    CycleForm,
    ExtensionForm,
    cycle_initial,
    cycle_open_initial,
    rule_words,
)
from thidua.web.forms import add_service_errors
from thidua.web.views.common import id_param, paginate

NAV = "awards"


def nominating_units(user: Any, cycle: Cycle) -> list[Unit]:
    """The first units the user nominates for in this cycle, for the form's choice."""
    return list(nominating_units_for_cycle(user, cycle).order_by("name")[:500])


def with_missing(nominations: Any) -> list[dict[str, Any]]:
    """Each nomination with the required papers it still lacks (documents prefetched)."""
    rows = []
    for nomination in nominations:
        present = {document.kind for document in nomination.documents.all()}
        missing = [
            label for code, label in nomination.category.document_labels() if code not in present
        ]
        rows.append({"nomination": nomination, "missing": missing})
    return rows


def _status_counts(nominations: QuerySet[Nomination]) -> list[tuple[str, str, int]]:
    counts = dict(nominations.order_by().values_list("status").annotate(n=Count("id")))
    return [(value, str(label), counts.get(value, 0)) for value, label in NominationStatus.choices]


def _int(raw: str | None) -> int | None:
    return id_param(raw)


@login_required
@require_GET
def cycle_list(request: HttpRequest) -> HttpResponse:
    visible = cycles_for_user(request.user).annotate(
        n_categories=Count("categories", distinct=True)
    )
    cycle_rows = list(visible.order_by("-deadline").prefetch_related("extensions"))
    counts: dict[int, dict[str, int]] = {}
    for cycle_id, status, n in (
        nominations_for_user(request.user)
        .filter(cycle__in=[c.pk for c in cycle_rows])
        .order_by()
        .values_list("cycle_id", "status")
        .annotate(n=Count("id"))
    ):
        counts.setdefault(cycle_id, {})[status] = n
    rows = [
        {
            "cycle": cycle,
            # With an extension for every unit, if there is one.
            "deadline": deadline_text(
                max(
                    [cycle.deadline, *(e.deadline for e in cycle.extensions.all() if not e.unit_id)]
                )
            ),
            "total": sum(counts.get(cycle.pk, {}).values()),
            "waiting": counts.get(cycle.pk, {}).get(NominationStatus.SUBMITTED, 0),
            "accepted": counts.get(cycle.pk, {}).get(NominationStatus.ACCEPTED, 0),
        }
        for cycle in cycle_rows
    ]
    openable = [
        programme
        for programme in programmes_for_user(request.user)
        .filter(cycle__isnull=True)
        .exclude(status="closed")
        .order_by("-starts_on")[:20]
        if can_manage(request.user, programme)
    ]
    return render(
        request,
        "web/awards/cycle_list.html",
        {"rows": rows, "openable": openable, "nav_active": NAV},
    )


@login_required
def cycle_open(request: HttpRequest, pk: int) -> HttpResponse:
    programme = programme_for_user(request.user, pk, manage=True)
    existing = getattr(programme, "cycle", None)
    if existing is not None:
        return redirect("web:cycle_detail", pk=existing.pk)
    form = CycleForm(request.POST or None, opening=True, initial=cycle_open_initial(programme))
    if request.method == "POST" and form.is_valid():
        try:
            cycle = cycles.cycle_open(
                actor=request.user,
                programme=programme,
                **form.service_data(),
                preset=PRESET_AN_LAO if form.cleaned_data["preset"] else "",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            message = _("Đã mở đợt xét “%(name)s”. Hãy kiểm tra các nhóm đối tượng và điều kiện.")
            messages.success(request, message % {"name": cycle.name})
            return redirect("web:cycle_detail", pk=cycle.pk)
    return render(
        request,
        "web/awards/cycle_form.html",
        {
            "form": form,
            "programme": programme,
            "title": _("Mở đợt xét khen thưởng"),
            "submit": _("Mở đợt xét"),
            "intro": _(
                "Công đoàn cơ sở lập hồ sơ đề nghị khen thưởng trong đợt xét và nộp về "
                "%(unit)s trước hạn."
            )
            % {"unit": programme.running_unit.name},
            "nav_active": NAV,
        },
    )


def _categories(cycle: Cycle) -> list[dict[str, Any]]:
    categories = cycle.categories.select_related("award").prefetch_related(
        Prefetch("rules", queryset=Rule.objects.order_by("order", "id")),
        "unit_quotas__unit",
    )
    return [
        {
            "category": category,
            "documents": [label for _code, label in category.document_labels()],
            "fields": _field_labels(category.achievement_fields),
            "rules": [(rule, rule_words(rule)) for rule in category.rules.all()],
        }
        for category in categories
    ]


def _field_labels(fields: list[str]) -> list[str]:
    labels = dict(AchievementField.choices)
    return [str(labels.get(field, field)) for field in fields]


@login_required
@require_GET
def cycle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan and the dossiers: one's own unit's for a grassroots official, every one that
    was sent (filterable) for the officers who check them."""
    cycle = cycle_for_user(request.user, pk)
    running = can_run(request.user, cycle)
    visible = nominations_for_user(request.user).filter(cycle=cycle)
    units = nominating_units(request.user, cycle)
    extensions = list(cycle.extensions.select_related("unit"))
    context: dict[str, Any] = {
        "cycle": cycle,
        "programme": cycle.programme,
        "deadline": deadline_text(cycle.deadline),
        "extensions": [(e, deadline_text(e.deadline)) for e in extensions],
        "categories": _categories(cycle),
        "counts": _status_counts(visible),
        "running": running,
        "units": units,
        # New dossiers only while some deadline (the cycle's or an extension) is still ahead.
        "taking": timezone.now() <= max([cycle.deadline, *(e.deadline for e in extensions)]),
        "nav_active": NAV,
    }
    if units and not running:
        own = visible.filter(unit__in=units).prefetch_related("documents")
        context["own_rows"] = with_missing(nominations_in(own, cycle=cycle)[:300])
        context["unit_deadlines"] = [
            (unit, deadline_text(deadline_for(cycle, unit))) for unit in units[:5]
        ]
    else:
        filters: dict[str, Any] = {
            "category_id": _int(request.GET.get("nhom")),
            "unit_id": _int(request.GET.get("don_vi")),
            "status": request.GET.get("tinh_trang", "")
            if request.GET.get("tinh_trang") in NominationStatus.values
            else "",
            "query": request.GET.get("q", "").strip(),
        }
        rows = nominations_in(visible, cycle=cycle, **filters).prefetch_related("documents")
        page = paginate(request, rows)
        context.update(
            {
                "page": page,
                "rows": with_missing(page),
                "filters": filters,
                "statuses": NominationStatus.choices,
                "filter_units": sorted(
                    set(visible.order_by().values_list("unit_id", "unit__name").distinct()),
                    key=lambda item: item[1],
                ),
            }
        )
    return render(request, "web/awards/cycle_detail.html", context)


@login_required
def cycle_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk, manage=True)
    form = CycleForm(request.POST or None, initial=cycle_initial(cycle))
    if request.method == "POST" and form.is_valid():
        try:
            cycles.cycle_update(actor=request.user, cycle=cycle, data=form.service_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu đợt xét khen thưởng."))
            return redirect("web:cycle_detail", pk=cycle.pk)
    return render(
        request,
        "web/awards/cycle_form.html",
        {
            "form": form,
            "cycle": cycle,
            "programme": cycle.programme,
            "title": _("Sửa đợt xét khen thưởng"),
            "submit": _("Lưu"),
            "nav_active": NAV,
        },
    )


@login_required
def cycle_extend(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk, manage=True)
    form = ExtensionForm(request.POST or None, units=units_for_user(request.user, Cap.VIEW_UNITS))
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        try:
            extension = cycles.extension_add(
                actor=request.user,
                cycle=cycle,
                unit=unit,
                deadline=form.deadline(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            until = deadline_text(extension.deadline)
            if unit is not None:
                message = _("Đã gia hạn nộp hồ sơ cho %(unit)s: %(until)s.")
            else:
                message = _("Đã gia hạn nộp hồ sơ cho tất cả các đơn vị: %(until)s.")
            messages.success(request, message % {"unit": unit, "until": until})
            return redirect("web:cycle_detail", pk=cycle.pk)
    return render(
        request,
        "web/awards/cycle_form.html",
        {
            "form": form,
            "cycle": cycle,
            "programme": cycle.programme,
            "title": _("Gia hạn nộp hồ sơ"),
            "submit": _("Gia hạn"),
            "intro": _("Hạn hiện tại: %(deadline)s. Gia hạn được ghi vào nhật ký.")
            % {"deadline": deadline_text(cycle.deadline)},
            "nav_active": NAV,
        },
    )
