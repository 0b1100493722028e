"""Shared by the review endpoints: ids from the path, a council's seats, who reads results and
sees identities, and the council and slate responses."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import reviews as api
from thidua.reviews import services
from thidua.reviews.models import Council, CouncilMember, MediaPick, Slate, SlateLine, Vote
from thidua.reviews.permissions import can_manage, can_see_results, council_for_user, seat_of
from thidua.reviews.selectors import active_members, member_progress


def path_pk(value: Any) -> int:
    """An id from the path; 0 (no row has it) when it is not a number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def member_of(council: Council, pk: int) -> CouncilMember:
    """An active seat of the council, sent in a body (400 otherwise)."""
    seat = council.members.filter(pk=pk, active=True).select_related("user").first()
    if seat is None:
        raise ValidationError({"member": _("Không phải thành viên của hội đồng này.")})
    return seat


def council_member(council: Council, pk: Any) -> CouncilMember:
    """An active seat of the council, named in the path (404 otherwise)."""
    seat = council.members.filter(pk=path_pk(pk), active=True).select_related("user").first()
    if seat is None:
        raise Http404(_("Không tìm thấy thành viên hội đồng."))
    seat.council = council
    return seat


def results_council(user: Any, pk: Any) -> Council:
    """A council whose results (ranking, slates) the user may read: those who run it and its
    unit's staff; its plain members once it has decided, so no one scores to a ranking."""
    return council_for_user(user, pk, results=True)


def reveal(user: Any, council: Council) -> bool:
    """Whether initiatives show their unit and authors to the user in this council's lists: a
    blind council hides them from its plain members until it has decided."""
    return not council.blind or can_see_results(user, council)


def council_response(request: Request, council: Council, *, code: int = 200) -> Response:
    if council.rubric is not None:
        prefetch_related_objects([council.rubric], "criteria")
    context = {
        "members": active_members(council),
        "progress": member_progress(council),
        "can_manage": can_manage(request.user, council),
        "seat": seat_of(request.user, council),
        "scoring_open": services.scoring_open(council, timezone.now()),
    }
    return Response(api.CouncilDetailSerializer(council, context=context).data, status=code)


def slate_response(slate: Slate, *, code: int = 200) -> Response:
    prefetch_related_objects(
        [slate],
        Prefetch(
            "lines",
            SlateLine.objects.select_related("initiative__field", "initiative__unit"),
        ),
        Prefetch("media", MediaPick.objects.select_related("person", "field")),
        Prefetch("votes", Vote.objects.select_related("recorded_by").prefetch_related("present")),
    )
    # Whoever reads a slate reads results, which a blind council hides from no one.
    return Response(api.SlateDetailSerializer(slate, context={"reveal": True}).data, status=code)
