"""REST endpoints for programmes: list, detail with levels and the caller's own deadlines,
create, launch, extend a deadline, and the progress board (counts only).

Each handler: fetch through thidua.campaigns.permissions (404 when the programme is not the
user's, 403 when they may not manage it) -> parse (400) -> at most one service -> respond.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.permissions import progress_unit_for_user, running_unit_for_user
from thidua.api.selectors import acting_deadlines
from thidua.api.serializers import programmes as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.campaigns import services
from thidua.campaigns.models import Programme, ProgrammeLevel
from thidua.campaigns.permissions import can_manage, programme_for_user
from thidua.campaigns.selectors import in_programme, levels_of
from thidua.initiatives.selectors import programmes_for_user, progress_board
from thidua.orgs.models import Unit
from thidua.orgs.permissions import unit_for_user


def programme_response(request: Request, programme: Programme, *, code: int = 200) -> Response:
    levels = levels_of(programme)
    context = {
        "levels": levels,
        "acting": acting_deadlines(user=request.user, programme=programme, levels=levels),
        "can_manage": can_manage(request.user, programme),
    }
    return Response(api.ProgrammeDetailSerializer(programme, context=context).data, status=code)


def _level_of(programme: Programme, pk: int) -> ProgrammeLevel:
    level = programme.levels.filter(pk=pk).first()
    if level is None:
        raise ValidationError({"level": _("Cấp xét không thuộc chương trình này.")})
    return level


def _unit_in(programme: Programme, unit: Unit) -> Unit:
    if not in_programme(programme, unit):
        message = _("“%(unit)s” không tham gia chương trình này.") % {"unit": unit}
        raise ValidationError({"unit": message})
    return unit


class ProgrammeViewSet(ApiMixin, viewsets.GenericViewSet[Programme]):
    """Chương trình thi đua bạn tham gia hoặc chủ trì."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Programme.objects.none()
    serializer_class = api.ProgrammeSerializer
    input_serializers = {
        "create": api.ProgrammeCreateSerializer,
        "extend_deadline": api.DeadlineExtendSerializer,
    }

    @extend_schema(responses=api.ProgrammeSerializer(many=True))
    def list(self, request: Request) -> Response:
        """Chương trình đã phát động của các đơn vị cấp trên bạn, và chương trình (cả bản đang
        soạn) do đơn vị bạn chủ trì; mới nhất trước."""
        programmes = (
            programmes_for_user(request.user)
            .select_related("running_unit")
            .order_by("-starts_on", "name", "pk")
        )
        page = self.paginate_queryset(programmes) or []
        return self.get_paginated_response(api.ProgrammeSerializer(page, many=True).data)

    @extend_schema(responses={200: api.ProgrammeDetailSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một chương trình với các cấp xét (hạn nộp, hạn áp dụng cho đơn vị bạn, số được
        chuyển lên, hội đồng) và các lĩnh vực."""
        programme = programme_for_user(request.user, pk)
        return programme_response(request, programme)

    @extend_schema(
        request=api.ProgrammeCreateSerializer,
        responses={201: api.ProgrammeDetailSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        """Soạn một chương trình do đơn vị bạn chủ trì, với các cấp xét và lĩnh vực."""
        data = parse(api.ProgrammeCreateSerializer, request.data)
        data["running_unit"] = running_unit_for_user(request.user, data["running_unit"])
        programme = services.programme_create(actor=request.user, **data)
        return programme_response(request, programme, code=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: api.ProgrammeDetailSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def launch(self, request: Request, pk: str) -> Response:
        """Phát động: chương trình mở cho các đơn vị trong phạm vi, với hạn nộp của từng cấp."""
        programme = programme_for_user(request.user, pk, manage=True)
        services.programme_launch(actor=request.user, programme=programme)
        return programme_response(request, programme)

    @extend_schema(
        request=api.DeadlineExtendSerializer,
        responses={201: api.DeadlineExtensionSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="extend-deadline", url_name="extend-deadline")
    def extend_deadline(self, request: Request, pk: str) -> Response:
        """Gia hạn nộp ở một cấp xét cho một đơn vị, hoặc cho mọi đơn vị khi không ghi đơn vị."""
        programme = programme_for_user(request.user, pk, manage=True)
        data = parse(api.DeadlineExtendSerializer, request.data)
        level = _level_of(programme, data["level"])
        unit = data.get("unit")
        acting = _unit_in(programme, unit_for_user(request.user, unit)) if unit else None
        extension = services.deadline_extend(
            actor=request.user, level=level, unit=acting,
            deadline=data["deadline"], reason=data["reason"],
        )  # fmt: skip
        return Response(
            api.DeadlineExtensionSerializer(extension).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        parameters=[api.ProgressQuerySerializer],
        responses={200: api.ProgressRowSerializer(many=True), **ERRORS},
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def progress(self, request: Request, pk: str) -> Response:
        """Tiến độ theo từng đơn vị trực thuộc: chỉ có số đếm, không có nội dung sáng kiến."""
        programme = programme_for_user(request.user, pk)
        query = parse(api.ProgressQuerySerializer, request.query_params)
        unit = _unit_in(programme, progress_unit_for_user(request.user, query["unit"]))
        rows = progress_board(programme=programme, unit=unit)
        return Response(api.ProgressRowSerializer(rows, many=True).data)
