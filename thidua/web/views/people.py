"""People: list with diacritic-free search and filters, detail, create, edit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from thidua.awards.permissions import award_lines_for_user
from thidua.awards.selectors import history_lines
from thidua.common.models import AuditEntry
from thidua.orgs import services
from thidua.orgs.enums import Gender, MemberCategory
from thidua.orgs.models import Unit
from thidua.orgs.permissions import (
    Cap,
    can_see_personal_data,
    has_cap_somewhere,
    people_for_user,
    person_for_user,
    require_cap_somewhere,
    unit_for_user,
    units_for_user,
)
from thidua.orgs.selectors import people_list
from thidua.web.forms import PersonForm, add_service_errors, person_initial
from thidua.web.views.common import paginate


@login_required
@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    require_cap_somewhere(request.user, Cap.VIEW_PEOPLE)
    unit: Unit | None = None
    if request.GET.get("don_vi"):
        unit = unit_for_user(request.user, request.GET["don_vi"], Cap.VIEW_PEOPLE)
    filters = {
        "query": request.GET.get("q", "").strip(),
        "gender": request.GET.get("gioi_tinh", "")
        if request.GET.get("gioi_tinh") in Gender.values
        else "",
        "member_category": request.GET.get("doi_tuong", "")
        if request.GET.get("doi_tuong") in MemberCategory.values
        else "",
    }
    rows = people_list(people=people_for_user(request.user), unit=unit, **filters)
    context = {
        "page": paginate(request, rows),
        "unit": unit,
        "filters": filters,
        "genders": Gender.choices,
        "categories": MemberCategory.choices,
        "can_add": has_cap_somewhere(request.user, Cap.MANAGE_PEOPLE),
        "nav_active": "people",
    }
    template = "web/_person_rows.html" if request.htmx else "web/person_list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@login_required
@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_for_user(request.user, pk)
    can_edit = people_for_user(request.user, Cap.MANAGE_PEOPLE).filter(pk=person.pk).exists()
    history = (
        AuditEntry.objects.filter(
            object_type="orgs.person", object_id=str(person.pk)
        ).select_related("actor")[:50]
        if can_edit
        else []
    )
    return render(
        request,
        "web/person_detail.html",
        {
            "person": person,
            "show_personal": can_see_personal_data(request.user, person),
            "can_edit": can_edit,
            "history": history,
            "awards": history_lines(award_lines_for_user(request.user).filter(person=person)),
            "nav_active": "people",
        },
    )


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    require_cap_somewhere(request.user, Cap.MANAGE_PEOPLE)
    units = units_for_user(request.user, Cap.MANAGE_PEOPLE)
    with_id = has_cap_somewhere(request.user, Cap.VIEW_PERSONAL_DATA)
    initial = {}
    if request.GET.get("don_vi"):
        initial["unit"] = unit_for_user(request.user, request.GET["don_vi"], Cap.MANAGE_PEOPLE)
    elif units.count() == 1:
        initial["unit"] = units.get()
    form = PersonForm(request.POST or None, units=units, with_id_number=with_id, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã thêm “%(person)s”.") % {"person": person})
            return redirect("web:person_detail", pk=person.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Thêm người"),
            "submit": _("Thêm"),
            "nav_active": "people",
        },
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_for_user(request.user, pk, Cap.MANAGE_PEOPLE)
    units = units_for_user(request.user, Cap.MANAGE_PEOPLE)
    with_id = can_see_personal_data(request.user, person)
    form = PersonForm(
        request.POST or None,
        units=units,
        with_id_number=with_id,
        initial=person_initial(person, with_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(actor=request.user, person=person, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thông tin."))
            return redirect("web:person_detail", pk=person.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Sửa thông tin: %(person)s") % {"person": person},
            "submit": _("Lưu"),
            "nav_active": "people",
            "back": person,
        },
    )
