"""Slate endpoints: a council's proposed result, its amendments and its votes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import reviews as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.api.views.reviews.common import path_pk, slate_response
from thidua.reviews import services
from thidua.reviews.models import Council, CouncilMember, Slate
from thidua.reviews.permissions import council_for_user

SLATE = {200: api.SlateDetailSerializer, **ERRORS}


# Fetchers: each row through its council's funnel


def slate_for_user(user: Any, pk: Any, *, manage: bool = False) -> Slate:
    """A slate of a council whose results the user reads (manage: that they run)."""
    slate = Slate.objects.filter(pk=path_pk(pk)).select_related("proposed_by").first()
    try:
        council = council_for_user(
            user, slate.council_id if slate else None, manage=manage, results=not manage
        )
    except Http404:
        raise Http404(_("Không tìm thấy đề xuất kết quả.")) from None
    assert slate is not None  # noqa: S101  the funnel let a real council through
    slate.council = council
    return slate


# Parsing ids sent in a body: only rows of the council at hand.


def _present(council: Council, ids: list[int]) -> list[CouncilMember]:
    seats = list(council.members.filter(pk__in=ids))
    if len(seats) != len(set(ids)):
        raise ValidationError({"present": _("Có người không phải thành viên hội đồng.")})
    return seats


class SlateViewSet(ApiMixin, viewsets.GenericViewSet[Slate]):
    """Đề xuất kết quả của hội đồng: danh sách chọn, giải, đề nghị cấp trên, biểu quyết."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Slate.objects.none()
    serializer_class = api.SlateDetailSerializer
    input_serializers = {"amend": api.SlateAmendSerializer, "vote": api.VoteWriteSerializer}

    @extend_schema(responses={200: api.SlateDetailSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một đề xuất: từng sáng kiến với hạng, điểm, chọn hay không, giải, lý do, sửa đổi của
        hội đồng; gợi ý tuyên truyền; quy định chưa đáp ứng; các lần biểu quyết."""
        return slate_response(slate_for_user(request.user, pk))

    @extend_schema(
        request=api.SlateAmendSerializer,
        responses=SLATE,
        parameters=[OpenApiParameter("line_pk", OpenApiTypes.INT, OpenApiParameter.PATH)],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"lines/(?P<line_pk>[0-9]+)/amend",
        url_name="line-amend",
    )
    def amend(self, request: Request, pk: str, line_pk: str) -> Response:
        """Hội đồng sửa đề xuất cho một sáng kiến (chọn, giải, đề nghị cấp trên), có lý do."""
        slate = slate_for_user(request.user, pk, manage=True)
        line = slate.lines.filter(pk=path_pk(line_pk)).first()
        if line is None:
            raise Http404(_("Không tìm thấy sáng kiến trong đề xuất."))
        line.slate = slate
        data = parse(api.SlateAmendSerializer, request.data)
        services.slate_amend(actor=request.user, line=line, **data)
        return slate_response(slate)

    @extend_schema(
        request=api.VoteWriteSerializer, responses={201: api.SlateDetailSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def vote(self, request: Request, pk: str) -> Response:
        """Ghi kết quả biểu quyết; đạt tỷ lệ thì đề xuất được thông qua, các sáng kiến được
        chọn hoặc không ở cấp này và sáng kiến đề nghị cấp trên được chuyển lên."""
        slate = slate_for_user(request.user, pk, manage=True)
        data = parse(api.VoteWriteSerializer, request.data)
        data["present"] = _present(slate.council, data["present"])
        data["now"] = data.pop("held_at", None)
        services.slate_vote(actor=request.user, slate=slate, **data)
        return slate_response(slate, code=status.HTTP_201_CREATED)
