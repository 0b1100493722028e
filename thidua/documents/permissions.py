"""The one funnel for documents: a document is read and written through the object it is
about (conference, cycle, council, programme, decision) and its issuer's staff."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.awards import permissions as awards
from thidua.awards.models import Decision
from thidua.documents.enums import DocumentKind
from thidua.documents.models import Certificate, DocumentBatch, OfficialDocument
from thidua.orgs.models import Unit


def documents_for_user(user: Any) -> QuerySet[OfficialDocument]:
    """Documents of the units whose decisions the user reads: the issuer's staff and leaders,
    and those of the units above it."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return OfficialDocument.objects.none()
    if user.is_superuser:
        return OfficialDocument.objects.all()
    return OfficialDocument.objects.filter(
        issuer_id__in=awards._issuer_ids(user, awards.DECISION_VIEW_ROLES, below=True)
    )


def document_for_user(user: Any, pk: Any, *, manage: bool = False) -> OfficialDocument:
    """404 when the user may not see it; 403 when they may read but not edit or register it
    (only the issuer's emulation staff do)."""
    try:
        document = (
            documents_for_user(user)
            .select_related("issuer", "event", "cycle", "council", "programme", "register_entry")
            .get(pk=int(pk))
        )
    except (OfficialDocument.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy văn bản.")) from None
    if manage and not can_write(user, document.issuer):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua của đơn vị ban hành được sửa, cấp số văn bản này.")
        )
    return document


def can_write(user: Any, issuer: Unit) -> bool:
    return awards.can_issue(user, issuer)


def can_manage_templates(user: Any, unit: Unit) -> bool:
    """A unit's own wording is set by its emulation staff (officers, admins)."""
    return awards.can_issue(user, unit)


def template_units_for_user(user: Any) -> QuerySet[Unit]:
    return awards.issuers_for_user(user)


def subject_for_kind(user: Any, kind: str, pk: Any) -> Model:
    """The object a new document of `kind` is written about, fetched through its own funnel
    with the right to run it."""
    from thidua.awards.permissions import cycle_for_user
    from thidua.campaigns.permissions import programme_for_user
    from thidua.events.permissions import event_for_user
    from thidua.reviews.permissions import council_for_user

    if kind in {DocumentKind.PLAN, DocumentKind.INVITATION}:
        return event_for_user(user, pk, manage=True)
    if kind == DocumentKind.PROPOSAL:
        return cycle_for_user(user, pk, manage=True)
    if kind == DocumentKind.MINUTES:
        return council_for_user(user, pk, manage=True)
    if kind == DocumentKind.REPORT:
        return programme_for_user(user, pk, manage=True)
    raise Http404(_("Không có loại văn bản này."))


def batches_for_user(user: Any) -> QuerySet[DocumentBatch]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return DocumentBatch.objects.none()
    if user.is_superuser:
        return DocumentBatch.objects.all()
    units = awards._issuer_ids(user, awards.DECISION_VIEW_ROLES, below=True)
    return DocumentBatch.objects.filter(Q(requested_by=user) | Q(unit_id__in=units))


def batch_for_user(user: Any, pk: Any) -> DocumentBatch:
    try:
        return batches_for_user(user).select_related("unit", "decision").get(pk=int(pk))
    except (DocumentBatch.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy lô văn bản.")) from None


def can_print_certificates(user: Any, decision: Decision) -> bool:
    return awards.can_issue(user, decision.issuer)


def certificate_for_public(code: str) -> Certificate | None:
    """The certificate a code names, for the public check page; None for a made-up code."""
    code = (code or "").strip().upper()
    if not code or len(code) > 16:
        return None
    return (
        Certificate.objects.select_related("issuer", "decision_line__decision__award", "initiative")
        .filter(code=code)
        .first()
    )
