"""Shared by the review endpoints: ids from the path, who reads results and sees identities,
and the slate response."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy
from rest_framework.response import Response

from thidua.api.serializers import reviews as api
from thidua.reviews.models import Council, MediaPick, Slate, SlateLine, Vote
from thidua.reviews.permissions import can_see_results, council_for_user


def path_pk(value: Any) -> int:
    """An id from the path; 0 (no row has it) when it is not a number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


RESULTS_DENIED = gettext_lazy("Kết quả chỉ hiện cho thường trực hội đồng cho đến khi biểu quyết.")


def results_council(user: Any, pk: Any) -> Council:
    """A council whose results (ranking, slates) the user may read: those who run it and its
    unit's staff; its plain members once it has decided, so no one scores to a ranking."""
    council = council_for_user(user, pk)
    if not can_see_results(user, council):
        raise PermissionDenied(str(RESULTS_DENIED))
    return council


def reveal(user: Any, council: Council) -> bool:
    """Whether initiatives show their unit and authors to the user in this council's lists: a
    blind council hides them from its plain members until it has decided."""
    return not council.blind or can_see_results(user, council)


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
