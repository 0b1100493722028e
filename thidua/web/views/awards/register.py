"""The issuing units' document register (sổ văn bản): every number taken, and continuing a
register from its paper book."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.awards.permissions import ISSUE_ROLES, _issuer_ids, issuers_for_user
from thidua.documents.models import RegisterEntry
from thidua.documents.register import register_continue
from thidua.orgs.models import Unit
from thidua.web.award_forms.decisions import (
    RegisterContinueForm,
)
from thidua.web.forms import add_service_errors
from thidua.web.views.awards.decisions import NAV, _by_tier, _year
from thidua.web.views.common import id_param, paginate

# --- the document register --------------------------------------------------------------------


@login_required
def register(request: HttpRequest) -> HttpResponseBase:
    issuers = _by_tier(issuers_for_user(request.user))
    if not issuers.exists():
        raise PermissionDenied(_("Bạn không quản lý sổ văn bản của đơn vị nào."))
    form = RegisterContinueForm(request.POST or None, issuers=issuers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            register_continue(
                actor=request.user,
                issuer=data["issuer"],
                type_code=data["type_code"].strip(),
                year=data["year"],
                last_number=data["last_number"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Sổ %(code)s năm %(year)s của %(issuer)s sẽ cấp tiếp từ số %(next)s.")
                % {
                    "code": data["type_code"],
                    "year": data["year"],
                    "issuer": data["issuer"].name,
                    "next": data["last_number"] + 1,
                },
            )
            return redirect("web:register")
    # The registers of the units the user issues for, and of the ended units whose records
    # those inherited (a dissolved district's book stays readable at the city).
    readable = _by_tier(Unit.objects.filter(pk__in=_issuer_ids(request.user, ISSUE_ROLES)))
    entries = RegisterEntry.objects.filter(issuer__in=readable.values("pk"))
    issuer_id = request.GET.get("don_vi", "")
    year = _year(request.GET.get("nam", ""))
    type_code = request.GET.get("loai", "").strip()
    if id_param(issuer_id):
        entries = entries.filter(issuer_id=int(issuer_id))
    if year:
        entries = entries.filter(year=year)
    if type_code:
        entries = entries.filter(type_code=type_code)
    entries = entries.select_related("issuer", "decision").order_by(
        "-year", "-issued_on", "-number", "-id"
    )
    return render(
        request,
        "web/awards/register.html",
        {
            "page": paginate(request, entries),
            "issuers": readable,
            "issuer_id": id_param(issuer_id),
            "year": year or "",
            "type_code": type_code,
            "form": form,
            "nav_active": NAV,
        },
    )
