"""Honouring conferences (Hội nghị biểu dương): the list, one conference with its plan and
guests, creating one (worded from the cycle it honours), its plan, its guest groups and their
guests, and inviting the grassroots chairs of a unit.

Each handler fetches through thidua.events.permissions (404 when the conference has not reached
the user; 403 when it has but they may not change it) -> parses (400) -> calls one service with
`actor=request.user` -> responds. Groups and guests come through their conference's funnel.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import events as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.awards.models import Cycle
from thidua.events import services
from thidua.events.models import Event, GuestGroup
from thidua.events.permissions import (
    can_manage_event,
    cycles_to_link,
    event_for_user,
    event_group,
    events_for_user,
    fill_units_for_user,
    group_guest,
    organisers_for_user,
)
from thidua.events.selectors import event_groups, events_list, with_details
from thidua.orgs.models import Unit
from thidua.orgs.permissions import person_for_user, unit_for_user
from thidua.orgs.selectors import subtree_unit_ids

EVENT = {200: api.ConferenceDetailSerializer, **ERRORS}
GROUP_PATH = [OpenApiParameter("group_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]
GUEST_PATH = [*GROUP_PATH, OpenApiParameter("guest_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]
GUEST_FIELDS = ["name", "position", "unit_name", "email", "phone"]


def _organiser(user: Any, pk: int) -> Unit:
    """A unit the user organises conferences for: in their scope (404), theirs to manage (403)."""
    unit = unit_for_user(user, pk)
    if not organisers_for_user(user).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Bạn không tổ chức hội nghị cho đơn vị này."))
    return unit


def _cycles_sent(user: Any, ids: list[int], event: Event | None = None) -> list[Cycle]:
    """Cycles the user may link (those they run, and those the conference already names)."""
    found = cycles_to_link(user, keep=event).in_bulk(ids)
    if len(found) != len(set(ids)):
        raise ValidationError(
            {"cycles": _("Có đợt xét khen thưởng không tìm thấy, hoặc bạn không điều hành.")}
        )
    return [found[pk] for pk in dict.fromkeys(ids)]


def _fill_unit(user: Any, event: Event, pk: int) -> Unit:
    """The unit whose chairs are invited: in the user's scope (404), in the organiser's tree
    (400)."""
    unit = unit_for_user(user, pk)
    if not fill_units_for_user(user, event).filter(pk=unit.pk).exists():
        raise ValidationError(
            {
                "unit": _("“%(unit)s” không thuộc %(organiser)s.")
                % {"unit": unit.name, "organiser": event.organiser.name}
            }
        )
    return unit


def _event_response(request: Request, event: Event, *, code: int = 200) -> Response:
    # The conference came through the funnel: only its details are fetched again.
    event = with_details(Event.objects.filter(pk=event.pk)).get()
    context = {"can_manage": can_manage_event(request.user, event)}
    return Response(api.ConferenceDetailSerializer(event, context=context).data, status=code)


def _group_response(group: GuestGroup, *, code: int = 200) -> Response:
    fresh = next(g for g in event_groups(group.event, kind=None) if g.pk == group.pk)
    return Response(api.GuestGroupSerializer(fresh).data, status=code)


class EventViewSet(ApiMixin, viewsets.GenericViewSet[Event]):
    """Hội nghị biểu dương của đơn vị bạn và các đơn vị cấp dưới."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Event.objects.none()
    serializer_class = api.ConferenceSerializer
    input_serializers = {
        "create": api.ConferenceCreateSerializer,
        "partial_update": api.ConferenceWriteSerializer,
        "guest_groups": api.GuestGroupWriteSerializer,
        "guest_group": api.GuestGroupWriteSerializer,
        "fill": api.GuestFillSerializer,
        "guests": api.GuestWriteSerializer,
        "guest": api.GuestWriteSerializer,
    }

    @extend_schema(responses=api.ConferenceSerializer(many=True))
    def list(self, request: Request) -> Response:
        """Các hội nghị bạn được xem, mới nhất trước."""
        events = events_list(events_for_user(request.user)).prefetch_related("cycles")
        page = self.paginate_queryset(events) or []
        return self.get_paginated_response(api.ConferenceSerializer(page, many=True).data)

    @extend_schema(responses={200: api.ConferenceDetailSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một hội nghị với kế hoạch (mở đầu, mục đích, nội dung, đối tượng biểu dương, tổ chức
        thực hiện), các đợt xét và danh sách khách mời theo nhóm."""
        return _event_response(request, event_for_user(request.user, pk))

    @extend_schema(
        request=api.ConferenceCreateSerializer,
        responses={201: api.ConferenceDetailSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        """Tạo hội nghị của đơn vị bạn. Với `cycle`, tên hội nghị và các phần kế hoạch để trống
        được soạn sẵn theo đợt xét; các nhóm khách mời theo cấp của đơn vị nếu không gửi."""
        user = request.user
        data = parse(api.ConferenceCreateSerializer, request.data)
        organiser = _organiser(user, data.pop("organiser"))
        cycle_pk = data.pop("cycle", None)
        cycle = _cycles_sent(user, [cycle_pk])[0] if cycle_pk else None
        guest_groups = data.pop("guest_groups", None)
        event = services.event_create(
            actor=user, organiser=organiser, data=data, cycle=cycle, guest_groups=guest_groups
        )
        return _event_response(request, event, code=status.HTTP_201_CREATED)

    @extend_schema(request=api.ConferenceWriteSerializer, responses=EVENT)
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa kế hoạch và các đợt xét; chỉ những gì gửi lên thay đổi."""
        event = event_for_user(request.user, pk, manage=True)
        data = parse(api.ConferenceWriteSerializer, request.data, partial=True)
        cycles = _cycles_sent(request.user, data.pop("cycles"), event) if "cycles" in data else None
        services.event_update(actor=request.user, event=event, data=data, cycles=cycles)
        return _event_response(request, event)

    @extend_schema(
        methods=["GET"], responses={200: api.GuestGroupSerializer(many=True), 404: ERRORS[404]}
    )
    @extend_schema(
        methods=["POST"],
        request=api.GuestGroupWriteSerializer,
        responses={201: api.GuestGroupSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="guest-groups",
        url_name="guest-groups",
        pagination_class=None,
    )
    def guest_groups(self, request: Request, pk: str) -> Response:
        """GET: các nhóm khách mời theo thứ tự, với khách mời. POST: thêm một nhóm vào cuối."""
        if request.method == "POST":
            event = event_for_user(request.user, pk, manage=True)
            data = parse(api.GuestGroupWriteSerializer, request.data)
            group = services.guest_group_add(
                actor=request.user, event=event, name=data.get("name", "")
            )
            if "order" in data:
                services.guest_group_move(actor=request.user, group=group, to=data["order"])
            return _group_response(group, code=status.HTTP_201_CREATED)
        event = event_for_user(request.user, pk)
        return Response(api.GuestGroupSerializer(event_groups(event, kind=None), many=True).data)

    @extend_schema(
        methods=["PATCH"],
        request=api.GuestGroupWriteSerializer,
        responses={200: api.GuestGroupSerializer, **ERRORS},
        parameters=GROUP_PATH,
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS}, parameters=GROUP_PATH)
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"guest-groups/(?P<group_pk>[0-9]+)",
        url_name="guest-group",
    )
    def guest_group(self, request: Request, pk: str, group_pk: str) -> Response:
        """PATCH: đổi tên nhóm (`name`) hoặc vị trí của nhóm (`order`, từ 1). DELETE: xóa nhóm
        cùng khách mời trong nhóm."""
        group = event_group(event_for_user(request.user, pk, manage=True), group_pk)
        if request.method == "DELETE":
            services.guest_group_remove(actor=request.user, group=group)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = parse(api.GuestGroupWriteSerializer, request.data, partial=True)
        if "name" in data:
            services.guest_group_update(actor=request.user, group=group, name=data["name"])
        if "order" in data:
            services.guest_group_move(actor=request.user, group=group, to=data["order"])
        return _group_response(group)

    @extend_schema(
        request=api.GuestFillSerializer,
        responses={200: api.GuestGroupSerializer, **ERRORS},
        parameters=GROUP_PATH,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"guest-groups/(?P<group_pk>[0-9]+)/fill",
        url_name="guest-group-fill",
    )
    def fill(self, request: Request, pk: str, group_pk: str) -> Response:
        """Mời vào nhóm Chủ tịch của mọi công đoàn cơ sở thuộc một đơn vị (trong cây của đơn vị
        tổ chức); người đã có trong danh sách khách mời không bị thêm lần nữa."""
        event = event_for_user(request.user, pk, manage=True)
        group = event_group(event, group_pk)
        data = parse(api.GuestFillSerializer, request.data)
        unit = _fill_unit(request.user, event, data["unit"])
        services.guests_fill_from_units(
            actor=request.user,
            group=group,
            units_query=Unit.objects.filter(pk__in=subtree_unit_ids(unit)),
        )
        return _group_response(group)

    @extend_schema(
        methods=["GET"],
        responses={200: api.GuestSerializer(many=True), 404: ERRORS[404]},
        parameters=GROUP_PATH,
    )
    @extend_schema(
        methods=["POST"],
        request=api.GuestWriteSerializer,
        responses={201: api.GuestSerializer, **ERRORS},
        parameters=GROUP_PATH,
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path=r"guest-groups/(?P<group_pk>[0-9]+)/guests",
        url_name="guest-group-guests",
        pagination_class=None,
    )
    def guests(self, request: Request, pk: str, group_pk: str) -> Response:
        """GET: khách mời của nhóm, theo thứ tự. POST: mời một người: nhập họ tên, chức vụ, cơ
        quan, hoặc chọn `person` trong danh sách người (phần để trống lấy theo người đó)."""
        manage = request.method == "POST"
        group = event_group(event_for_user(request.user, pk, manage=manage), group_pk)
        if not manage:
            return Response(
                api.GuestSerializer(group.guests.order_by("order", "id"), many=True).data
            )
        data = parse(api.GuestWriteSerializer, request.data)
        person_pk = data.pop("person", None)
        person = person_for_user(request.user, person_pk) if person_pk else None
        guest = services.guest_add(actor=request.user, group=group, data=data, person=person)
        if "order" in data:
            services.guest_move(actor=request.user, guest=guest, to=data["order"])
        return Response(api.GuestSerializer(guest).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["PATCH"],
        request=api.GuestWriteSerializer,
        responses={200: api.GuestSerializer, **ERRORS},
        parameters=GUEST_PATH,
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS}, parameters=GUEST_PATH)
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"guest-groups/(?P<group_pk>[0-9]+)/guests/(?P<guest_pk>[0-9]+)",
        url_name="guest-group-guest",
    )
    def guest(self, request: Request, pk: str, group_pk: str, guest_pk: str) -> Response:
        """PATCH: sửa họ tên, chức vụ, cơ quan, thư điện tử, điện thoại hoặc vị trí trong nhóm
        (`order`, từ 1); chỉ những gì gửi lên thay đổi. DELETE: bỏ khách mời khỏi danh sách."""
        group = event_group(event_for_user(request.user, pk, manage=True), group_pk)
        guest = group_guest(group, guest_pk)
        if request.method == "DELETE":
            services.guest_remove(actor=request.user, guest=guest)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = parse(api.GuestWriteSerializer, request.data, partial=True)
        if "person" in data:
            raise ValidationError(
                {"person": _("Không đổi được người của khách mời: hãy bỏ khách mời rồi mời lại.")}
            )
        services.guest_update(
            actor=request.user,
            guest=guest,
            data={k: v for k, v in data.items() if k in GUEST_FIELDS},
        )
        if "order" in data:
            services.guest_move(actor=request.user, guest=guest, to=data["order"])
        guest.refresh_from_db()
        return Response(api.GuestSerializer(guest).data)

    @extend_schema(request=None, responses=EVENT)
    @action(detail=True, methods=["post"], url_path="close", url_name="close")
    def close(self, request: Request, pk: str) -> Response:
        """Kết thúc hội nghị: danh sách tham dự chốt lại, đường dẫn trả lời giấy mời thôi nhận
        trả lời, không điểm danh thêm."""
        event = event_for_user(request.user, pk, manage=True)
        services.event_close(actor=request.user, event=event)
        return _event_response(request, event)

    @extend_schema(request=None, responses=EVENT)
    @action(detail=True, methods=["post"], url_path="reopen", url_name="reopen")
    def reopen(self, request: Request, pk: str) -> Response:
        """Mở lại hội nghị đã kết thúc (để sửa danh sách tham dự)."""
        event = event_for_user(request.user, pk, manage=True)
        services.event_reopen(actor=request.user, event=event)
        return _event_response(request, event)
