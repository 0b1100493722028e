"""The quotas of single units in a cycle's category: a unit that may send more (or fewer)
dossiers in the category than its `quota_per_unit`. Only those who run the cycle see and set
them. The routes sit under /cycles/{id}/ beside CycleViewSet's, on a viewset of their own
(router basename "cycle-category": "cycle-category-quotas", "cycle-category-quota")."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Prefetch, prefetch_related_objects
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import awards as api
from thidua.api.views.awards.common import cycle_category, extension_unit, path_pk
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.awards.models import Category, Cycle, UnitQuota
from thidua.awards.permissions import cycle_for_user
from thidua.awards.services import cycles as services
from thidua.orgs.models import Unit

CATEGORY_PATH = [OpenApiParameter("category_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]
QUOTA_PATH = [
    *CATEGORY_PATH,
    OpenApiParameter("unit_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="Đơn vị."),
]


def _quota_unit(user: Any, cycle: Cycle, pk: str) -> Unit:
    """The unit in the path, checked as a deadline extension's is: in the user's scope (404),
    taking part in the cycle's programme (400)."""
    # An id is always given here, so a unit (never None) comes back.
    return cast("Unit", extension_unit(user, path_pk(pk), cycle))


def _quotas_response(category: Category) -> Response:
    prefetch_related_objects(
        [category],
        Prefetch("unit_quotas", UnitQuota.objects.select_related("unit").order_by("unit__name")),
    )
    return Response(api.CategoryQuotasSerializer(category).data)


class CycleQuotaViewSet(ApiMixin, viewsets.GenericViewSet[Cycle]):
    """Số hồ sơ tối đa riêng của từng đơn vị trong một nhóm đối tượng của đợt xét."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Cycle.objects.none()
    serializer_class = api.CycleSerializer
    input_serializers = {"quota": api.UnitQuotaWriteSerializer}

    @extend_schema(
        responses={200: api.CategoryQuotasSerializer, 403: ERRORS[403], 404: ERRORS[404]},
        parameters=CATEGORY_PATH,
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"categories/(?P<category_pk>[0-9]+)/quotas",
        url_name="quotas",
        pagination_class=None,
    )
    def quotas(self, request: Request, pk: str, category_pk: str) -> Response:
        """Số hồ sơ tối đa chung của nhóm (`quota_per_unit`, trống: không giới hạn) và các đơn
        vị có số riêng; chỉ cán bộ của đơn vị nhận hồ sơ được xem."""
        category = cycle_category(cycle_for_user(request.user, pk, manage=True), category_pk)
        return _quotas_response(category)

    @extend_schema(
        methods=["PUT"],
        request=api.UnitQuotaWriteSerializer,
        responses={200: api.UnitQuotaSerializer, **ERRORS},
        parameters=QUOTA_PATH,
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS}, parameters=QUOTA_PATH)
    @action(
        detail=True,
        methods=["put", "delete"],
        url_path=r"categories/(?P<category_pk>[0-9]+)/quotas/(?P<unit_pk>[0-9]+)",
        url_name="quota",
    )
    def quota(self, request: Request, pk: str, category_pk: str, unit_pk: str) -> Response:
        """PUT: số hồ sơ tối đa riêng của một đơn vị tham gia chương trình. DELETE: đơn vị trở
        lại số chung của nhóm."""
        cycle = cycle_for_user(request.user, pk, manage=True)
        category = cycle_category(cycle, category_pk)
        unit = _quota_unit(request.user, cycle, unit_pk)
        if request.method == "DELETE":
            services.unit_quota_set(actor=request.user, category=category, unit=unit, quota=None)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = parse(api.UnitQuotaWriteSerializer, request.data)
        services.unit_quota_set(
            actor=request.user, category=category, unit=unit, quota=data["quota"]
        )
        quota = category.unit_quotas.select_related("unit").get(unit=unit)
        return Response(api.UnitQuotaSerializer(quota).data)
