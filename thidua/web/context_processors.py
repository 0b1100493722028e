"""The navigation each role sees: only what the user's roles can open."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.events.permissions import VIEW_ROLES as EVENT_VIEW_ROLES
from thidua.orgs.enums import Role
from thidua.orgs.permissions import Cap, has_cap_somewhere, roles_of

DOCUMENT_ROLES = {Role.ADMIN, Role.OFFICER, Role.LEADER, Role.VIEWER}


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"nav_items": []}
    items = [(_("Tổng quan"), reverse("web:dashboard"), "dashboard")]
    if has_cap_somewhere(user, Cap.VIEW_UNITS):
        items.append((_("Cây tổ chức"), reverse("web:unit_tree"), "units"))
    if has_cap_somewhere(user, Cap.VIEW_PEOPLE):
        items.append((_("Người"), reverse("web:person_list"), "people"))
    if has_cap_somewhere(user, Cap.VIEW_UNITS):
        items.append((_("Phong trào"), reverse("web:programme_list"), "programmes"))
        items.append((_("Sáng kiến"), reverse("web:initiative_list"), "initiatives"))
    roles = roles_of(user)
    # Conferences: for the staff who see them (events.permissions); the base template puts
    # "Khen thưởng" between the initiatives and this.
    if user.is_superuser or roles & EVENT_VIEW_ROLES:
        items.append((_("Hội nghị biểu dương"), reverse("web:event_list"), "events"))
    # Councils: for those who can form one, and for anyone a council counts in (a seat on it,
    # or staff of its unit); a grassroots official has nothing to do there.
    if (roles - {Role.GRASSROOTS}) or user.council_seats.filter(active=True).exists():
        items.append((_("Hội đồng, chấm điểm"), reverse("web:council_list"), "councils"))
    # Documents: for the staff of units that issue them (officers, admins, leaders, viewers).
    if user.is_superuser or roles & DOCUMENT_ROLES:
        items.append((_("Văn bản"), reverse("web:official_list"), "documents"))
    if has_cap_somewhere(user, Cap.VIEW_UNITS):
        # Exports are open to every reader; the page offers imports only to those who write.
        items.append((_("Nhập, xuất Excel"), reverse("spreadsheets:index"), "excel"))
    if has_cap_somewhere(user, Cap.MANAGE_USERS):
        items.append((_("Tài khoản"), reverse("web:user_list"), "users"))
    if has_cap_somewhere(user, Cap.VIEW_AUDIT):
        items.append((_("Nhật ký"), reverse("web:audit_log"), "audit"))
    return {"nav_items": items, "user_roles": roles}
