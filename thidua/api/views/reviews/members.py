"""Council member endpoints, mixed into CouncilViewSet (under councils/{id}/members/): seating
a user, changing a seat, taking a member off the council."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import reviews as api
from thidua.api.serializers.initiatives import ReasonSerializer
from thidua.api.views.base import ERRORS, parse
from thidua.api.views.reviews.common import council_member
from thidua.campaigns.models import ProgrammeField
from thidua.orgs.models import User
from thidua.reviews import services
from thidua.reviews.models import Council, CouncilMember
from thidua.reviews.permissions import council_for_user, seatable_users
from thidua.reviews.selectors import member_progress

MEMBER_PATH = [OpenApiParameter("member_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]


# Parsing ids sent in a body: only what the user may seat, only the council's programme's.


def seatable_user(user: Any, pk: int) -> User:
    """An account the user may seat; any other reads as one that does not exist."""
    account = seatable_users(user).filter(pk=pk).first()
    if account is None:
        raise ValidationError({"user": _("Không tìm thấy tài khoản.")})
    return account


def expertise_in(council: Council, ids: list[int]) -> list[ProgrammeField]:
    fields = list(council.level.programme.fields.filter(pk__in=ids))
    if len(fields) != len(set(ids)):
        raise ValidationError({"fields": _("Lĩnh vực không thuộc chương trình này.")})
    return fields


def member_response(seat: CouncilMember, *, code: int = 200) -> Response:
    prefetch_related_objects([seat], "fields")
    context = {"progress": member_progress(seat.council)}
    return Response(api.MemberSerializer(seat, context=context).data, status=code)


class CouncilMembersMixin:
    @extend_schema(
        request=api.MemberCreateSerializer, responses={201: api.MemberSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def members(self, request: Request, pk: str) -> Response:
        """Thêm thành viên (hoặc đưa người đã thôi trở lại): một tài khoản có vai trò ở đơn vị
        trong phạm vi bạn xem được; hội đồng chỉ có một Chủ tịch và một Thư ký."""
        council = council_for_user(request.user, pk, manage=True)
        data = parse(api.MemberCreateSerializer, request.data)
        seat = services.member_add(
            actor=request.user,
            council=council,
            user=seatable_user(request.user, data["user"]),
            role=data["role"],
            title=data["title"],
            fields=expertise_in(council, data["fields"]),
            load_cap=data["load_cap"],
        )
        return member_response(seat, code=status.HTTP_201_CREATED)

    @extend_schema(
        request=api.MemberWriteSerializer,
        responses={200: api.MemberSerializer, **ERRORS},
        parameters=MEMBER_PATH,
    )
    @action(
        detail=True,
        methods=["patch"],
        url_path=r"members/(?P<member_pk>[0-9]+)",
        url_name="member",
    )
    def member(self, request: Request, pk: str, member_pk: str) -> Response:
        """Sửa vai trò, chức vụ, lĩnh vực chuyên môn hoặc số sáng kiến tối đa của một thành
        viên; chỉ những gì gửi lên thay đổi."""
        council = council_for_user(request.user, pk, manage=True)
        seat = council_member(council, member_pk)
        data = parse(api.MemberWriteSerializer, request.data, partial=True)
        fields = expertise_in(council, data["fields"]) if "fields" in data else seat.fields.all()
        services.member_update(
            actor=request.user,
            seat=seat,
            role=data.get("role", seat.role),
            title=data.get("title", seat.title),
            fields=fields,
            load_cap=data.get("load_cap", seat.load_cap),
        )
        return member_response(seat)

    @extend_schema(
        request=ReasonSerializer,
        responses={200: api.MemberRemovedSerializer, **ERRORS},
        parameters=MEMBER_PATH,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"members/(?P<member_pk>[0-9]+)/remove",
        url_name="member-remove",
    )
    def member_remove(self, request: Request, pk: str, member_pk: str) -> Response:
        """Đưa một thành viên ra khỏi hội đồng, có lý do. Các phân công đang chấm của họ kết
        thúc (phiếu đã nộp vẫn được lưu nhưng không còn tính); `unassigned` là số sáng kiến cần
        phân công người khác."""
        council = council_for_user(request.user, pk, manage=True)
        seat = council_member(council, member_pk)
        data = parse(ReasonSerializer, request.data)
        count = services.member_remove(actor=request.user, seat=seat, reason=data["reason"])
        return Response(api.MemberRemovedSerializer({"member": seat.pk, "unassigned": count}).data)
