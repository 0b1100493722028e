"""`{% object_documents obj %}`: on the page of a conference, cycle, council or programme, the
documents written about it and the buttons to draft new ones (for the issuer's staff)."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Model

from thidua.documents.enums import DocumentKind
from thidua.documents.kinds import ISSUED_KINDS
from thidua.documents.models import OfficialDocument
from thidua.documents.permissions import can_write, documents_for_user
from thidua.documents.services import issuer_of

register = template.Library()

_FIELD_OF = {
    "event": "event",
    "cycle": "cycle",
    "council": "council",
    "programme": "programme",
}


@register.inclusion_tag("web/documents/_object_documents.html", takes_context=True)
def object_documents(context: Any, obj: Model, writable: bool | None = None) -> dict[str, Any]:
    """`writable`: whether the user drafts documents about `obj`, when the page already knows
    (it saves the queries); otherwise asked of the funnel."""
    request = context["request"]
    field = _FIELD_OF[obj._meta.model_name or ""]
    vouched = bool(writable)
    if writable is None:
        writable = request.user.is_superuser or can_write(request.user, issuer_of(obj))
    if vouched:
        # The page vouches that the user runs `obj`, so is its issuer's staff.
        documents = OfficialDocument.objects.filter(**{field: obj})
    else:
        documents = documents_for_user(request.user).filter(**{field: obj})
    documents = documents.order_by("kind", "-created_at")
    kinds = [
        (kind, DocumentKind(kind).label) for kind, target in ISSUED_KINDS.items() if target == field
    ]
    return {
        "documents": list(documents),
        "kinds": kinds if writable else [],
        "obj": obj,
        "back": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def prints_initiative_certificates(context: Any, programme: Model) -> bool:
    """Whether the user issues certificates for a unit that recognised initiatives here."""
    from thidua.documents.permissions import certificate_units_for_user

    return certificate_units_for_user(context["request"].user, programme).exists()
