"""Shaping a cycle: its categories (the award proposed, the facts and papers asked, quotas
per unit) and their eligibility rules. For the running unit's emulation officers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.awards.enums import RuleKind
from thidua.awards.models import Award, Category, Cycle, Rule
from thidua.awards.permissions import (
    cycle_for_user,
)
from thidua.awards.services import cycles
from thidua.orgs.permissions import Cap, units_for_user
from thidua.web.award_forms.nominations import (
    CategoryForm,
    RuleForm,
    UnitQuotaForm,
    category_initial,
    rule_initial,
    rule_new_initial,
    rule_words,
)
from thidua.web.forms import add_service_errors

NAV = "awards"


# --- categories -------------------------------------------------------------------------------


def _awards() -> list[Award]:
    return list(Award.objects.filter(active=True))


def _category(cycle: Cycle, category_pk: int) -> Category:
    return get_object_or_404(cycle.categories.select_related("award"), pk=category_pk)


@login_required
def category_create(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk, manage=True)
    form = CategoryForm(
        request.POST or None,
        awards=_awards(),
        initial={"order": cycle.categories.count() + 1},
    )
    if request.method == "POST" and form.is_valid():
        try:
            category = cycles.category_save(
                actor=request.user, cycle=cycle, data=form.service_data()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            message = _("Đã thêm nhóm “%(name)s”. Hãy thêm điều kiện xét nếu cần.")
            messages.success(request, message % {"name": category.short})
            return redirect("web:category_edit", pk=cycle.pk, category_pk=category.pk)
    return render(
        request,
        "web/awards/category_form.html",
        {"form": form, "cycle": cycle, "title": _("Thêm nhóm đối tượng"), "nav_active": NAV},
    )


@login_required
def category_edit(request: HttpRequest, pk: int, category_pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk, manage=True)
    category = _category(cycle, category_pk)
    form = CategoryForm(request.POST or None, awards=_awards(), initial=category_initial(category))
    if request.method == "POST" and form.is_valid():
        try:
            cycles.category_save(
                actor=request.user, cycle=cycle, category=category, data=form.service_data()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu nhóm “%(name)s”.") % {"name": category.short})
            return redirect("web:cycle_detail", pk=cycle.pk)
    return render(
        request,
        "web/awards/category_form.html",
        {
            "form": form,
            "cycle": cycle,
            "category": category,
            "rules": [(rule, rule_words(rule)) for rule in category.rules.order_by("order", "id")],
            "quotas": category.unit_quotas.select_related("unit").order_by("unit__name"),
            "quota_form": UnitQuotaForm(units=units_for_user(request.user, Cap.VIEW_UNITS)),
            "title": _("Sửa nhóm đối tượng"),
            "nav_active": NAV,
        },
    )


@login_required
@require_POST
def category_delete(request: HttpRequest, pk: int, category_pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk, manage=True)
    category = _category(cycle, category_pk)
    try:
        cycles.category_delete(actor=request.user, category=category)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("web:category_edit", pk=cycle.pk, category_pk=category.pk)
    messages.success(request, _("Đã xóa nhóm “%(name)s”.") % {"name": category.short})
    return redirect("web:cycle_detail", pk=cycle.pk)


@login_required
@require_POST
def category_quota(request: HttpRequest, pk: int, category_pk: int) -> HttpResponse:
    """A different quota for one unit (unit_quota_set); empty returns it to the category's."""
    cycle = cycle_for_user(request.user, pk, manage=True)
    category = _category(cycle, category_pk)
    form = UnitQuotaForm(request.POST, units=units_for_user(request.user, Cap.VIEW_UNITS))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        unit, quota = form.cleaned_data["unit"], form.cleaned_data["quota"]
        try:
            cycles.unit_quota_set(actor=request.user, category=category, unit=unit, quota=quota)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if quota is None:
                message = _("%(unit)s trở lại số hồ sơ tối đa chung của nhóm.")
            else:
                message = _("%(unit)s được nộp tối đa %(quota)s hồ sơ trong nhóm này.")
            messages.success(request, message % {"unit": unit.name, "quota": quota})
    return redirect("web:category_edit", pk=cycle.pk, category_pk=category.pk)


# --- rules ------------------------------------------------------------------------------------


def _rule(cycle: Cycle, rule_pk: int) -> Rule:
    return get_object_or_404(
        Rule.objects.filter(category__cycle=cycle).select_related("category"), pk=rule_pk
    )


def _rule_page(
    request: HttpRequest, cycle: Cycle, category: Category, form: RuleForm, title: str
) -> HttpResponse:
    return render(
        request,
        "web/awards/rule_form.html",
        {
            "form": form,
            "cycle": cycle,
            "category": category,
            "title": title,
            "kinds": RuleKind,
            "nav_active": NAV,
        },
    )


@login_required
def rule_create(request: HttpRequest, pk: int, category_pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk, manage=True)
    category = _category(cycle, category_pk)
    form = RuleForm(request.POST or None, initial=rule_new_initial(request.GET.get("loai", "")))
    if request.method == "POST" and form.is_valid():
        data = {**form.service_data(), "order": category.rules.count()}
        try:
            cycles.rule_save(actor=request.user, category=category, data=data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã thêm điều kiện xét."))
            return redirect("web:category_edit", pk=cycle.pk, category_pk=category.pk)
    return _rule_page(request, cycle, category, form, _("Thêm điều kiện xét"))


@login_required
def rule_edit(request: HttpRequest, pk: int, rule_pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk, manage=True)
    rule = _rule(cycle, rule_pk)
    form = RuleForm(request.POST or None, initial=rule_initial(rule))
    if request.method == "POST" and form.is_valid():
        try:
            cycles.rule_save(
                actor=request.user, category=rule.category, rule=rule, data=form.service_data()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu điều kiện xét."))
            return redirect("web:category_edit", pk=cycle.pk, category_pk=rule.category_id)
    return _rule_page(request, cycle, rule.category, form, _("Sửa điều kiện xét"))


@login_required
@require_POST
def rule_delete(request: HttpRequest, pk: int, rule_pk: int) -> HttpResponse:
    cycle = cycle_for_user(request.user, pk, manage=True)
    rule = _rule(cycle, rule_pk)
    overridden = rule.overrides.exists()
    try:
        cycles.rule_delete(actor=request.user, rule=rule)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if overridden:
            messages.success(
                request,
                _("Điều kiện đã có hồ sơ được xét ngoại lệ nên được ngừng áp dụng, không xóa."),
            )
        else:
            messages.success(request, _("Đã xóa điều kiện xét."))
    return redirect("web:category_edit", pk=cycle.pk, category_pk=rule.category_id)
