"""A conference's day in the API (issue 7): check-in (by the code of the invitation's QR code or
the delegate's id), taking back a mistaken mark, people who came without an invitation, the
search the check-in page runs, and the live count by group.

Checking in and searching go through event_for_user(manage=True) (404 outside the scope, 403
for those who only read the conference); the count is for everyone who sees it. A closed
conference refuses check-in with a 400."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import event_checkin as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.events.attendance import delegate_by_code, delegates_search, live_counts
from thidua.events.checkin import (
    WALK_IN_FIELDS,
    check_in,
    check_in_undo,
    present_text,
    walk_in_add,
)
from thidua.events.models import Event, Guest
from thidua.events.permissions import event_for_user, event_group, event_guest

SEARCH = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        description="Họ tên (không dấu cũng được), tên đơn vị, tên người dự thay hoặc mã trên "
        "giấy mời.",
    )
]


def _delegate(event: Event, data: dict[str, object]) -> Guest:
    """The delegate named by the code of their invitation or by their id (404 otherwise)."""
    code = str(data.get("code") or "").strip()
    if code:
        guest = delegate_by_code(event, code)
        if guest is None:
            raise Http404(
                _("Không có đại biểu nào của hội nghị này mang mã “%(code)s”.") % {"code": code}
            )
        return guest
    return event_guest(event, data["guest"])


class EventCheckinViewSet(ApiMixin, viewsets.GenericViewSet[Event]):
    """Điểm danh trong ngày hội nghị và số liệu tham dự."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Event.objects.none()
    serializer_class = api.CheckinSerializer
    input_serializers = {
        "checkin": api.CheckinSerializer,
        "checkin_undo": api.UndoSerializer,
        "walk_ins": api.WalkInSerializer,
    }

    @extend_schema(
        request=api.CheckinSerializer, responses={200: api.CheckinResultSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"], url_path="checkin", url_name="checkin")
    def checkin(self, request: Request, pk: str) -> Response:
        """Ghi đại biểu có mặt, theo mã trên giấy mời (`code`) hoặc số của đại biểu (`guest`).
        `counted` là false khi đại biểu đã được điểm danh trước đó (hai người cùng bấm chỉ tính
        một lần); `message` nói ai điểm danh lúc nào."""
        event = event_for_user(request.user, pk, manage=True)
        guest = _delegate(event, parse(api.CheckinSerializer, request.data))
        result = check_in(actor=request.user, guest=guest)
        message = (
            _("Đã ghi “%(name)s” có mặt.") % {"name": guest.name}
            if result.counted
            else present_text(result.guest)
        )
        body = {"counted": result.counted, "message": message, "delegate": result.guest}
        return Response(api.CheckinResultSerializer(body).data)

    @extend_schema(
        request=api.UndoSerializer, responses={200: api.CheckinDelegateSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"], url_path="checkin/undo", url_name="checkin-undo")
    def checkin_undo(self, request: Request, pk: str) -> Response:
        """Bỏ điểm danh một đại biểu ghi nhầm (người đến không có giấy mời thì bỏ khỏi danh
        sách)."""
        event = event_for_user(request.user, pk, manage=True)
        guest = event_guest(event, parse(api.UndoSerializer, request.data)["guest"])
        check_in_undo(actor=request.user, guest=guest)
        return Response(api.CheckinDelegateSerializer(guest).data)

    @extend_schema(
        request=api.WalkInSerializer, responses={201: api.CheckinDelegateSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"], url_path="walk-ins", url_name="walk-ins")
    def walk_ins(self, request: Request, pk: str) -> Response:
        """Thêm người đến không có giấy mời vào một nhóm khách mời, có mặt từ bây giờ."""
        event = event_for_user(request.user, pk, manage=True)
        data = parse(api.WalkInSerializer, request.data)
        group = event_group(event, data.pop("group"))
        guest = walk_in_add(
            actor=request.user,
            event=event,
            group=group,
            **{field: data.get(field, "") for field in WALK_IN_FIELDS},
        )
        return Response(api.CheckinDelegateSerializer(guest).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: api.AttendanceSerializer, 404: ERRORS[404]})
    @action(detail=True, methods=["get"], url_path="attendance", url_name="attendance")
    def attendance(self, request: Request, pk: str) -> Response:
        """Số liệu theo nhóm: được mời, xác nhận dự, từ chối, có mặt, người đến không có giấy
        mời; cộng III.1 (được khen), III.2 (khách mời) và tổng cộng."""
        event = event_for_user(request.user, pk)
        context = {"closed": event.is_closed}
        return Response(api.AttendanceSerializer(live_counts(event), context=context).data)

    @extend_schema(
        parameters=SEARCH,
        responses={
            200: api.CheckinDelegateSerializer(many=True),
            404: ERRORS[404],
            403: ERRORS[403],
        },
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="checkin/search",
        url_name="checkin-search",
        pagination_class=None,
    )
    def checkin_search(self, request: Request, pk: str) -> Response:
        """Tìm đại biểu để điểm danh (tối đa 30 người, tên theo vần tiếng Việt)."""
        event = event_for_user(request.user, pk, manage=True)
        found = delegates_search(event, request.query_params.get("q", ""))
        return Response(api.CheckinDelegateSerializer(found, many=True).data)
