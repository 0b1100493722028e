from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.awards.selectors import my_award_work
from thidua.orgs.models import Membership, User
from thidua.orgs.permissions import Cap, audit_for_user, has_cap_somewhere, today
from thidua.orgs.selectors import unit_counts
from thidua.reviews.selectors import my_progress


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """One page per role: the units the user works in, their size, and where to go next."""
    memberships = Membership.objects.filter(user=cast(User, request.user)).select_related("unit")
    places = [
        {"membership": m, "counts": unit_counts(m.unit), "active": m.unit.is_active_on(today())}
        for m in memberships
    ]
    recent = []
    if has_cap_somewhere(request.user, Cap.VIEW_AUDIT):
        recent = list(audit_for_user(request.user).select_related("actor")[:8])
    return render(
        request,
        "web/dashboard.html",
        {
            "places": places,
            "recent": recent,
            "can_manage_units": has_cap_somewhere(request.user, Cap.MANAGE_UNITS),
            "can_manage_people": has_cap_somewhere(request.user, Cap.MANAGE_PEOPLE),
            "can_manage_users": has_cap_somewhere(request.user, Cap.MANAGE_USERS),
            # A council member's queue first: what is left to score, council by council.
            "scoring": my_progress(request.user),
            # Honouring cycles still open, and the dossiers waiting on this user.
            "award_work": my_award_work(request.user),
            "nav_active": "dashboard",
        },
    )
