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
    from thidua.awards.permissions import cycles_for_user
    from thidua.events.permissions import events_for_user
    from thidua.initiatives.selectors import programmes_for_user
    from thidua.reviews.permissions import councils_for_user

    # The issuer's staff (and those above them) who may also see what the document is about.
    return OfficialDocument.objects.filter(
        issuer_id__in=awards._issuer_ids(user, awards.DECISION_VIEW_ROLES, below=True)
    ).filter(
        Q(event__in=events_for_user(user).values("pk"))
        | Q(cycle__in=cycles_for_user(user).values("pk"))
        | Q(council__in=councils_for_user(user).values("pk"))
        | Q(programme__in=programmes_for_user(user).values("pk"))
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
    if document.council is not None:
        from thidua.reviews.permissions import can_see_results

        # Minutes carry the scores: only for those who see the council's results.
        if not can_see_results(user, document.council):
            raise Http404(_("Không tìm thấy văn bản."))
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
    from thidua.documents.services import issuer_of
    from thidua.events.permissions import event_for_user
    from thidua.reviews.permissions import council_for_user

    obj: Model
    if kind in {DocumentKind.PLAN, DocumentKind.INVITATION}:
        obj = event_for_user(user, pk, manage=True)
    elif kind == DocumentKind.PROPOSAL:
        obj = cycle_for_user(user, pk, manage=True)
    elif kind == DocumentKind.MINUTES:
        obj = council_for_user(user, pk, manage=True)
    elif kind == DocumentKind.REPORT:
        obj = programme_for_user(user, pk, manage=True)
    else:
        raise Http404(_("Không có loại văn bản này."))
    # Documents are drafted, edited and registered by the issuer's emulation staff alone, so
    # whoever drafts one can finish it.
    if not can_write(user, issuer_of(obj)):
        raise PermissionDenied(_("Chỉ cán bộ thi đua của đơn vị ban hành được lập văn bản này."))
    return obj


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


def normal_code(typed: str) -> str:
    """A code as typed ("gk 8nnf ph7q", "GK8NNFPH7Q") in its printed form ("GK-8NNF-PH7Q")."""
    letters = "".join(ch for ch in (typed or "").upper() if ch.isascii() and ch.isalnum())
    if len(letters) != 10:
        return ""
    return f"{letters[:2]}-{letters[2:6]}-{letters[6:]}"


def certificate_for_public(code: str) -> Certificate | None:
    """The certificate a code names, for the public check page; None for a made-up code."""
    code = normal_code(code)
    if not code:
        return None
    return (
        Certificate.objects.select_related("issuer", "decision_line__decision__award", "initiative")
        .filter(code=code)
        .first()
    )


def certificate_units_for_user(user: Any, programme: Any) -> QuerySet[Unit]:
    """Units the user issues documents for that recognised initiatives of the programme."""
    from thidua.initiatives.enums import StageStatus
    from thidua.initiatives.models import Stage

    recognising = Stage.objects.filter(
        initiative__programme=programme,
        status__in=[StageStatus.SELECTED, StageStatus.FORWARDED],
    ).values("unit_id")
    return awards.issuers_for_user(user).filter(pk__in=recognising).order_by("name")
