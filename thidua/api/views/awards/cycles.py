"""The award catalogue, and honouring cycles: opening one for a programme, its settings,
deadline extensions, categories and their eligibility rules, and its statistics."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import awards as api
from thidua.api.views.awards.common import (
    award_in_catalogue,
    award_sent,
    awards_catalogue,
    category_rule,
    cycle_category,
    cycle_response,
    extension_unit,
)
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.awards.models import Award, Category, Cycle
from thidua.awards.permissions import cycle_for_user, cycles_for_user, nominations_for_user
from thidua.awards.selectors import cycle_stats
from thidua.awards.services import cycles as services
from thidua.campaigns.permissions import programme_for_user

CYCLE = {200: api.CycleDetailSerializer, **ERRORS}
CATEGORY_PATH = [OpenApiParameter("category_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]
RULE_PATH = [
    *CATEGORY_PATH,
    OpenApiParameter("rule_pk", OpenApiTypes.INT, OpenApiParameter.PATH),
]


def _category_data(data: dict[str, Any]) -> dict[str, Any]:
    """The parsed form as the service takes it: the award as an object."""
    if "award" in data:
        data["award"] = award_sent(data["award"])
    return data


def _category_response(category: Category, *, code: int = 200) -> Response:
    category.refresh_from_db()
    return Response(api.CategorySerializer(category).data, status=code)


class AwardViewSet(ApiMixin, viewsets.GenericViewSet[Award]):
    """Danh mục danh hiệu thi đua và hình thức khen thưởng, với thẩm quyền quyết định."""

    # For the schema's path types only: rows come from the catalogue's active entries.
    queryset = Award.objects.none()
    serializer_class = api.AwardSerializer

    @extend_schema(parameters=[api.AwardQuerySerializer], responses=api.AwardSerializer(many=True))
    def list(self, request: Request) -> Response:
        """Danh hiệu thi đua và hình thức khen thưởng đang dùng, lọc theo loại."""
        query = parse(api.AwardQuerySerializer, request.query_params)
        awards = awards_catalogue()
        if "kind" in query:
            awards = awards.filter(kind=query["kind"])
        page = self.paginate_queryset(awards) or []
        return self.get_paginated_response(api.AwardSerializer(page, many=True).data)

    @extend_schema(responses={200: api.AwardSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một danh hiệu hoặc hình thức: đối tượng, cấp có thẩm quyền quyết định, căn cứ."""
        return Response(api.AwardSerializer(award_in_catalogue(pk)).data)


class CycleViewSet(ApiMixin, viewsets.GenericViewSet[Cycle]):
    """Đợt xét khen thưởng của các chương trình bạn tham gia hoặc chủ trì."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Cycle.objects.none()
    serializer_class = api.CycleSerializer
    input_serializers = {
        "create": api.CycleCreateSerializer,
        "partial_update": api.CycleWriteSerializer,
        "extend": api.ExtensionWriteSerializer,
        "categories": api.CategoryWriteSerializer,
        "category": api.CategoryWriteSerializer,
        "rules": api.RuleWriteSerializer,
        "rule": api.RuleWriteSerializer,
    }

    @extend_schema(responses=api.CycleSerializer(many=True))
    def list(self, request: Request) -> Response:
        """Các đợt xét bạn thấy, hạn nộp muộn nhất trước."""
        cycles = cycles_for_user(request.user).select_related("programme")
        page = self.paginate_queryset(cycles) or []
        return self.get_paginated_response(api.CycleSerializer(page, many=True).data)

    @extend_schema(responses={200: api.CycleDetailSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một đợt xét với các nhóm đối tượng (thông tin cần khai, tài liệu bắt buộc, số hồ sơ
        tối đa, điều kiện xét) và các lần gia hạn."""
        return cycle_response(request, cycle_for_user(request.user, pk))

    @extend_schema(
        request=api.CycleCreateSerializer, responses={201: api.CycleDetailSerializer, **ERRORS}
    )
    def create(self, request: Request) -> Response:
        """Mở đợt xét khen thưởng của một chương trình đơn vị bạn chủ trì; có thể dùng bộ nhóm
        đối tượng mẫu (`preset`)."""
        data = parse(api.CycleCreateSerializer, request.data)
        programme = programme_for_user(request.user, data.pop("programme"), manage=True)
        cycle = services.cycle_open(actor=request.user, programme=programme, **data)
        return cycle_response(request, cycle, code=status.HTTP_201_CREATED)

    @extend_schema(request=api.CycleWriteSerializer, responses=CYCLE)
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa tên, năm thành tích, hạn nộp, hướng dẫn; chỉ những gì gửi lên thay đổi."""
        cycle = cycle_for_user(request.user, pk, manage=True)
        data = parse(api.CycleWriteSerializer, request.data, partial=True)
        services.cycle_update(actor=request.user, cycle=cycle, data=data)
        return cycle_response(request, cycle)

    @extend_schema(
        request=api.ExtensionWriteSerializer, responses={201: api.ExtensionSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def extend(self, request: Request, pk: str) -> Response:
        """Gia hạn nộp hồ sơ cho một đơn vị, hoặc cho mọi đơn vị khi không ghi đơn vị; cần lý
        do."""
        cycle = cycle_for_user(request.user, pk, manage=True)
        data = parse(api.ExtensionWriteSerializer, request.data)
        unit = extension_unit(request.user, data.get("unit"), cycle)
        extension = services.extension_add(
            actor=request.user, cycle=cycle, unit=unit, deadline=data["deadline"],
            reason=data["reason"],
        )  # fmt: skip
        return Response(api.ExtensionSerializer(extension).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["GET"], responses={200: api.CategorySerializer(many=True), 404: ERRORS[404]}
    )
    @extend_schema(
        methods=["POST"],
        request=api.CategoryWriteSerializer,
        responses={201: api.CategorySerializer, **ERRORS},
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def categories(self, request: Request, pk: str) -> Response:
        """GET: các nhóm đối tượng với điều kiện xét. POST: thêm một nhóm."""
        if request.method == "POST":
            cycle = cycle_for_user(request.user, pk, manage=True)
            data = _category_data(parse(api.CategoryWriteSerializer, request.data))
            category = services.category_save(actor=request.user, cycle=cycle, data=data)
            return _category_response(category, code=status.HTTP_201_CREATED)
        cycle = cycle_for_user(request.user, pk)
        categories = cycle.categories.select_related("award").prefetch_related("rules")
        return Response(api.CategorySerializer(categories, many=True).data)

    @extend_schema(
        methods=["PATCH"],
        request=api.CategoryWriteSerializer,
        responses={200: api.CategorySerializer, **ERRORS},
        parameters=CATEGORY_PATH,
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS}, parameters=CATEGORY_PATH)
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"categories/(?P<category_pk>[0-9]+)",
        url_name="category",
    )
    def category(self, request: Request, pk: str, category_pk: str) -> Response:
        """PATCH: sửa nhóm (chỉ những gì gửi lên). DELETE: xóa nhóm chưa có hồ sơ."""
        cycle = cycle_for_user(request.user, pk, manage=True)
        category = cycle_category(cycle, category_pk)
        if request.method == "DELETE":
            services.category_delete(actor=request.user, category=category)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = _category_data(parse(api.CategoryWriteSerializer, request.data, partial=True))
        services.category_save(actor=request.user, cycle=cycle, data=data, category=category)
        return _category_response(category)

    @extend_schema(
        methods=["GET"],
        responses={200: api.RuleSerializer(many=True), 404: ERRORS[404]},
        parameters=CATEGORY_PATH,
    )
    @extend_schema(
        methods=["POST"],
        request=api.RuleWriteSerializer,
        responses={201: api.RuleSerializer, **ERRORS},
        parameters=CATEGORY_PATH,
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path=r"categories/(?P<category_pk>[0-9]+)/rules",
        url_name="category-rules",
        pagination_class=None,
    )
    def rules(self, request: Request, pk: str, category_pk: str) -> Response:
        """GET: các điều kiện xét của nhóm (cả điều kiện đã ngừng áp dụng). POST: thêm một điều
        kiện; tham số được kiểm tra trước khi lưu."""
        manage = request.method == "POST"
        category = cycle_category(cycle_for_user(request.user, pk, manage=manage), category_pk)
        if manage:
            data = parse(api.RuleWriteSerializer, request.data)
            rule = services.rule_save(actor=request.user, category=category, data=data)
            return Response(api.RuleSerializer(rule).data, status=status.HTTP_201_CREATED)
        return Response(api.RuleSerializer(category.rules.all(), many=True).data)

    @extend_schema(
        methods=["PATCH"],
        request=api.RuleWriteSerializer,
        responses={200: api.RuleSerializer, **ERRORS},
        parameters=RULE_PATH,
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS}, parameters=RULE_PATH)
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"categories/(?P<category_pk>[0-9]+)/rules/(?P<rule_pk>[0-9]+)",
        url_name="category-rule",
    )
    def rule(self, request: Request, pk: str, category_pk: str, rule_pk: str) -> Response:
        """PATCH: sửa điều kiện (chỉ những gì gửi lên); hồ sơ đang xét được kiểm tra lại khi
        chuyển bước. DELETE: xóa điều kiện; điều kiện đã có xét ngoại lệ chỉ ngừng áp dụng."""
        category = cycle_category(cycle_for_user(request.user, pk, manage=True), category_pk)
        rule = category_rule(category, rule_pk)
        if request.method == "DELETE":
            services.rule_delete(actor=request.user, rule=rule)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = parse(api.RuleWriteSerializer, request.data, partial=True)
        services.rule_save(actor=request.user, category=category, data=data, rule=rule)
        return Response(api.RuleSerializer(rule).data)

    @extend_schema(responses={200: api.CycleStatsSerializer, 404: ERRORS[404]})
    @action(detail=True, methods=["get"], pagination_class=None)
    def stats(self, request: Request, pk: str) -> Response:
        """Số hồ sơ đã nộp, hợp lệ, đã khen thưởng theo nhóm, đơn vị đề nghị và lĩnh vực; chỉ
        trong các hồ sơ bạn được xem."""
        cycle = cycle_for_user(request.user, pk)
        stats = cycle_stats(cycle, nominations_for_user(request.user))
        return Response(api.CycleStatsSerializer(stats).data)
