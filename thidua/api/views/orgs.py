"""REST endpoints for units, people and the current user.

Each handler: fetch through thidua.orgs.permissions (404 when invisible, 403 when the
capability is missing) -> parse with a serializer (400) -> at most one service with
`actor=request.user` -> respond. Services' ValidationError becomes 400 in thidua.api.errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.selectors import parents_on, personal_data_ids, unit_day, units_list
from thidua.api.serializers import orgs as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.orgs import services
from thidua.orgs.models import Membership, Person, Unit, User
from thidua.orgs.permissions import (
    Cap,
    can_see_personal_data,
    people_for_user,
    person_for_user,
    scope_paths,
    today,
    unit_for_user,
    unit_restructure_allowed,
    units_for_user,
)
from thidua.orgs.selectors import ancestors_on, children_on, people_list


def unit_response(unit: Unit, *, on: dt.date | None = None, code: int = 200) -> Response:
    day = unit_day(unit, on)
    ancestors = ancestors_on(unit, day)
    context = {
        "day": day,
        "ancestors": ancestors,
        "parents": {unit.pk: ancestors[-1] if ancestors else None},
    }
    return Response(api.UnitDetailSerializer(unit, context=context).data, status=code)


def restructurable_unit(request: Request, pk: str) -> Unit:
    unit = unit_for_user(request.user, pk)
    if not unit_restructure_allowed(request.user, unit):
        raise PermissionDenied(
            "Bạn không có quyền thay đổi vị trí của đơn vị này trong cây tổ chức."
        )
    return unit


class UnitViewSet(ApiMixin, viewsets.GenericViewSet[Unit]):
    """Đơn vị công đoàn trong phạm vi của người dùng."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Unit.objects.none()
    serializer_class = api.UnitSerializer
    input_serializers = {
        "create": api.UnitCreateSerializer,
        "partial_update": api.UnitUpdateSerializer,
        "move": api.UnitMoveSerializer,
        "merge": api.UnitMergeSerializer,
        "dissolve": api.RestructureSerializer,
    }

    @extend_schema(parameters=[api.UnitQuerySerializer], responses=api.UnitSerializer(many=True))
    def list(self, request: Request) -> Response:
        """Các đơn vị bạn được xem vào ngày `on`, sắp theo tên."""
        query = parse(api.UnitQuerySerializer, request.query_params)
        day = query.get("on") or today()
        units = units_list(
            user=request.user, day=day, query=query.get("q", ""),
            parent_id=query.get("parent"), kind=query.get("kind", ""),
        )  # fmt: skip
        page = self.paginate_queryset(units) or []
        context = {"parents": parents_on(page, day)}
        return self.get_paginated_response(
            api.UnitSerializer(page, many=True, context=context).data
        )

    @extend_schema(
        parameters=[api.DayQuerySerializer], responses={200: api.UnitDetailSerializer, **ERRORS}
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một đơn vị, với đơn vị cấp trên và chuỗi đơn vị phía trên vào ngày `on`."""
        unit = unit_for_user(request.user, pk)
        query = parse(api.DayQuerySerializer, request.query_params)
        return unit_response(unit, on=query.get("on"))

    @extend_schema(
        request=api.UnitCreateSerializer, responses={201: api.UnitDetailSerializer, **ERRORS}
    )
    def create(self, request: Request) -> Response:
        """Tạo đơn vị trực thuộc một đơn vị trong phạm vi bạn quản lý."""
        data = parse(api.UnitCreateSerializer, request.data)
        parent_id = data.pop("parent")
        if parent_id is not None:
            parent = unit_for_user(request.user, parent_id, Cap.MANAGE_UNITS)
        elif scope_paths(request.user, Cap.MANAGE_UNITS) is None:
            parent = None
        else:
            raise PermissionDenied("Chỉ quản trị toàn hệ thống được tạo đơn vị cấp cao nhất.")
        unit = services.unit_create(actor=request.user, parent=parent, **data)
        return unit_response(unit, code=status.HTTP_201_CREATED)

    @extend_schema(
        request=api.UnitUpdateSerializer, responses={200: api.UnitDetailSerializer, **ERRORS}
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa thông tin của đơn vị (không đổi vị trí trong cây)."""
        unit = unit_for_user(request.user, pk, Cap.MANAGE_UNITS)
        data = parse(api.UnitUpdateSerializer, request.data, partial=True)
        services.unit_update(actor=request.user, unit=unit, data=data)
        return unit_response(unit)

    @extend_schema(
        request=api.UnitMoveSerializer, responses={200: api.UnitDetailSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def move(self, request: Request, pk: str) -> Response:
        """Chuyển đơn vị (cùng các đơn vị trực thuộc) sang đơn vị cấp trên khác từ một ngày."""
        unit = restructurable_unit(request, pk)
        data = parse(api.UnitMoveSerializer, request.data)
        new_parent = unit_for_user(request.user, data["new_parent"], Cap.MANAGE_UNITS)
        services.unit_move(
            actor=request.user, unit=unit, new_parent=new_parent,
            effective_on=data["effective_on"], reason=data["reason"],
        )  # fmt: skip
        return unit_response(unit)

    @extend_schema(
        request=api.UnitMergeSerializer, responses={200: api.UnitDetailSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def merge(self, request: Request, pk: str) -> Response:
        """Sáp nhập đơn vị vào đơn vị khác từ một ngày; người và đơn vị trực thuộc chuyển theo."""
        unit = restructurable_unit(request, pk)
        data = parse(api.UnitMergeSerializer, request.data)
        into = unit_for_user(request.user, data["into"], Cap.MANAGE_UNITS)
        services.unit_merge(
            actor=request.user, unit=unit, into=into,
            effective_on=data["effective_on"], reason=data["reason"],
        )  # fmt: skip
        return unit_response(unit)

    @extend_schema(
        request=api.RestructureSerializer, responses={200: api.UnitDetailSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def dissolve(self, request: Request, pk: str) -> Response:
        """Giải thể đơn vị từ một ngày; đơn vị không còn đơn vị trực thuộc vào ngày đó."""
        unit = restructurable_unit(request, pk)
        data = parse(api.RestructureSerializer, request.data)
        services.unit_dissolve(
            actor=request.user, unit=unit, effective_on=data["effective_on"], reason=data["reason"]
        )
        return unit_response(unit)

    @extend_schema(
        parameters=[api.DayQuerySerializer],
        responses={200: api.UnitChildSerializer(many=True), 404: ERRORS[404]},
    )
    @action(detail=True, methods=["get"])
    def children(self, request: Request, pk: str) -> Response:
        """Các đơn vị trực thuộc vào một ngày, kèm số đơn vị dưới mỗi đơn vị."""
        unit = unit_for_user(request.user, pk)
        query = parse(api.DayQuerySerializer, request.query_params)
        nodes = children_on(user=request.user, parent=unit, day=query.get("on"))
        # DRF pages any sequence; the stubs only admit querysets.
        page = self.paginate_queryset(nodes) or []  # type: ignore[arg-type]
        return self.get_paginated_response(api.UnitChildSerializer(page, many=True).data)


class PersonViewSet(ApiMixin, viewsets.GenericViewSet[Person]):
    """Người (đoàn viên, cán bộ) thuộc các đơn vị trong phạm vi của người dùng."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Person.objects.none()
    serializer_class = api.PersonSerializer
    input_serializers = {
        "create": api.PersonWriteSerializer,
        "partial_update": api.PersonWriteSerializer,
    }

    @extend_schema(
        parameters=[api.PersonQuerySerializer], responses=api.PersonSerializer(many=True)
    )
    def list(self, request: Request) -> Response:
        """Những người bạn được xem, sắp theo tên rồi họ và tên đệm, theo thứ tự chữ cái tiếng
        Việt."""
        query = parse(api.PersonQuerySerializer, request.query_params)
        unit = unit_for_user(request.user, query["unit"]) if "unit" in query else None
        people = people_list(
            people=people_for_user(request.user), query=query.get("q", ""), unit=unit,
            gender=query.get("gender", ""), member_category=query.get("member_category", ""),
        )  # fmt: skip
        page = self.paginate_queryset(people) or []
        context = {"personal_data_ids": personal_data_ids(user=request.user, people=page)}
        return self.get_paginated_response(
            api.PersonSerializer(page, many=True, context=context).data
        )

    @extend_schema(responses={200: api.PersonSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một người; số CCCD chỉ có khi bạn được xem dữ liệu cá nhân."""
        person = person_for_user(request.user, pk)
        return self.person_response(person)

    @extend_schema(
        request=api.PersonWriteSerializer, responses={201: api.PersonSerializer, **ERRORS}
    )
    def create(self, request: Request) -> Response:
        """Thêm người vào một đơn vị trong phạm vi bạn quản lý."""
        data = parse(api.PersonWriteSerializer, request.data)
        data["unit"] = unit_for_user(request.user, data["unit"], Cap.MANAGE_PEOPLE)
        _require_personal_data_right(request.user, data["unit"], data)
        person = services.person_create(actor=request.user, data=data)
        return self.person_response(person, code=status.HTTP_201_CREATED)

    @extend_schema(
        request=api.PersonWriteSerializer, responses={200: api.PersonSerializer, **ERRORS}
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa thông tin của một người."""
        person = person_for_user(request.user, pk, Cap.MANAGE_PEOPLE)
        data = parse(api.PersonWriteSerializer, request.data, partial=True)
        if "unit" in data:
            data["unit"] = unit_for_user(request.user, data["unit"], Cap.MANAGE_PEOPLE)
        _require_personal_data_right(request.user, data.get("unit", person.unit), data)
        services.person_update(actor=request.user, person=person, data=data)
        return self.person_response(person)

    def person_response(self, person: Person, *, code: int = 200) -> Response:
        allowed = {person.pk} if can_see_personal_data(self.request.user, person) else set()
        context = {"personal_data_ids": allowed}
        return Response(api.PersonSerializer(person, context=context).data, status=code)


def _require_personal_data_right(user: Any, unit: Unit, data: dict[str, Any]) -> None:
    """Only those who may read an ID number may write one, as in the web form and imports."""
    if (
        data.get("id_number")
        and not units_for_user(user, Cap.VIEW_PERSONAL_DATA).filter(pk=unit.pk).exists()
    ):
        raise ValidationError({"id_number": "Vai trò của bạn không được nhập số CCCD."})


class MeView(ApiMixin, GenericAPIView[Any]):
    """Tài khoản đang đăng nhập và các vai trò của nó tại từng đơn vị."""

    serializer_class = api.MeSerializer
    pagination_class = None

    def get(self, request: Request) -> Response:
        user = request.user
        assert isinstance(user, User)  # noqa: S101  IsAuthenticated let only accounts through
        memberships = Prefetch("memberships", queryset=Membership.objects.select_related("unit"))
        prefetch_related_objects([user], memberships)
        return Response(api.MeSerializer(user).data)
