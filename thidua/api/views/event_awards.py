"""A conference's day in the API (issue 7): every delegate of both kinds, the decisions handed
over and the honourees fetched from them, the programme (agenda) and the award order.

Each handler fetches through thidua.events.permissions.event_for_user (404 outside the scope;
403 with manage=True for those who only read it) -> parses (400) -> calls one service ->
responds. Delegates come through event_guest, programme items through the conference.
"""

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

from thidua.api.serializers import event_awards as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.awards.models import Decision
from thidua.events import agenda, honourees
from thidua.events.models import AgendaItem, Event, Guest, lines
from thidua.events.permissions import can_manage_event, event_for_user, event_guest

ITEM_PATH = [OpenApiParameter("item_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]
GUEST_PATH = [OpenApiParameter("guest_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]


def _item(event: Event, pk: Any) -> AgendaItem:
    try:
        item = event.agenda.get(pk=int(pk))
    except (AgendaItem.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy mục chương trình.")) from None
    item.event = event
    return item


def _decisions_response(request: Request, event: Event) -> Response:
    offered = (
        honourees.decisions_to_link(request.user, event).exclude(
            pk__in=event.decisions.values("pk")
        )
        if can_manage_event(request.user, event)
        else Decision.objects.none()
    )
    body = {"linked": honourees.linked_decisions(event), "offered": list(offered)}
    return Response(api.DecisionsSerializer(body).data)


def _councils_response(request: Request, event: Event) -> Response:
    offered = (
        list(
            honourees.councils_to_link(request.user, event).exclude(
                pk__in=event.councils.values("pk")
            )
        )
        if can_manage_event(request.user, event)
        else []
    )
    body = {"linked": honourees.linked_councils(event), "offered": offered}
    return Response(api.CouncilsSerializer(body).data)


def _order_response(event: Event) -> Response:
    order = honourees.event_award_order(event)
    body = {
        "stage_size": event.stage_size,
        "award_order": list(event.award_order or []),
        "presenters": lines(event.presenters),
        "batches": order.batches,
        "declined": order.declined,
    }
    return Response(api.AwardOrderSerializer(body).data)


class EventAwardViewSet(ApiMixin, viewsets.GenericViewSet[Event]):
    """Đại biểu, quyết định trao tại hội nghị, chương trình và thứ tự trao thưởng."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Event.objects.none()
    serializer_class = api.HonoureeWriteSerializer
    input_serializers = {
        "delegate": api.HonoureeWriteSerializer,
        "decisions": api.DecisionsWriteSerializer,
        "councils": api.CouncilsWriteSerializer,
        "agenda": api.AgendaItemWriteSerializer,
        "agenda_item": api.AgendaItemWriteSerializer,
        "award_order": api.AwardOrderWriteSerializer,
    }

    @extend_schema(responses={200: api.DelegateSerializer(many=True), 404: ERRORS[404]})
    @action(
        detail=True,
        methods=["get"],
        url_path="delegates",
        url_name="delegates",
        pagination_class=None,
    )
    def delegates(self, request: Request, pk: str) -> Response:
        """Mọi đại biểu của hội nghị, cả người được khen thưởng (`kind` = honouree, với hình
        thức khen thưởng và lời giới thiệu) và khách mời, theo nhóm; với trả lời giấy mời và
        có mặt hay chưa."""
        event = event_for_user(request.user, pk)
        rows = (
            Guest.objects.filter(group__event=event)
            .select_related("group")
            .order_by("group__kind", "group__order", "group_id", "order", "id")
        )
        return Response(api.DelegateSerializer(rows, many=True).data)

    @extend_schema(
        request=api.HonoureeWriteSerializer,
        responses={200: api.DelegateSerializer, **ERRORS},
        parameters=GUEST_PATH,
    )
    @action(
        detail=True,
        methods=["patch"],
        url_path=r"delegates/(?P<guest_pk>[0-9]+)",
        url_name="delegate",
    )
    def delegate(self, request: Request, pk: str, guest_pk: str) -> Response:
        """Sửa lời giới thiệu, thư điện tử, điện thoại của một người được khen thưởng (họ tên,
        chức vụ, đơn vị lấy theo quyết định). Khách mời sửa ở guest-groups."""
        event = event_for_user(request.user, pk, manage=True)
        guest = event_guest(event, guest_pk)
        data = parse(api.HonoureeWriteSerializer, request.data, partial=True)
        honourees.honouree_update(actor=request.user, guest=guest, data=data)
        guest.refresh_from_db()
        return Response(api.DelegateSerializer(guest).data)

    @extend_schema(methods=["GET"], responses={200: api.DecisionsSerializer, 404: ERRORS[404]})
    @extend_schema(
        methods=["POST"],
        request=api.DecisionsWriteSerializer,
        responses={200: api.DecisionsSerializer, **ERRORS},
    )
    @action(detail=True, methods=["get", "post"], url_path="decisions", url_name="decisions")
    def decisions(self, request: Request, pk: str) -> Response:
        """GET: các quyết định trao tại hội nghị (`linked`) và quyết định đã ký còn gắn được
        (`offered`). POST: gắn (`link`) hoặc bỏ (`unlink`) quyết định; sau đó gọi
        honourees/sync để cập nhật danh sách người được khen thưởng."""
        if request.method == "GET":
            return _decisions_response(request, event_for_user(request.user, pk))
        event = event_for_user(request.user, pk, manage=True)
        data = parse(api.DecisionsWriteSerializer, request.data)
        link_ids = list(dict.fromkeys(data.get("link", [])))
        found = honourees.decisions_to_link(request.user, event).in_bulk(link_ids)
        if len(found) != len(link_ids):
            raise ValidationError(
                {
                    "link": _(
                        "Có quyết định không tìm thấy, chưa ký, hoặc không trao được tại hội nghị."
                    )
                }
            )
        for decision_pk in link_ids:
            honourees.event_decision_link(
                actor=request.user, event=event, decision=found[decision_pk]
            )
        unlink_ids = data.get("unlink", [])
        for decision in event.decisions.filter(pk__in=unlink_ids):
            honourees.event_decision_unlink(actor=request.user, event=event, decision=decision)
        return _decisions_response(request, event)

    @extend_schema(methods=["GET"], responses={200: api.CouncilsSerializer, 404: ERRORS[404]})
    @extend_schema(
        methods=["POST"],
        request=api.CouncilsWriteSerializer,
        responses={200: api.CouncilsSerializer, **ERRORS},
    )
    @action(detail=True, methods=["get", "post"], url_path="councils", url_name="councils")
    def councils(self, request: Request, pk: str) -> Response:
        """GET: các hội đồng xét chọn có kết quả trao tại hội nghị (`linked`) và hội đồng đã
        biểu quyết kết quả còn gắn được (`offered`). POST: gắn (`link`) hoặc bỏ (`unlink`);
        sau đó gọi honourees/sync để đưa các sáng kiến đạt giải vào danh sách."""
        if request.method == "GET":
            return _councils_response(request, event_for_user(request.user, pk))
        event = event_for_user(request.user, pk, manage=True)
        data = parse(api.CouncilsWriteSerializer, request.data)
        link_ids = list(dict.fromkeys(data.get("link", [])))
        found = honourees.councils_to_link(request.user, event).in_bulk(link_ids)
        if len(found) != len(link_ids):
            raise ValidationError(
                {"link": _("Có hội đồng không tìm thấy hoặc chưa biểu quyết thông qua kết quả.")}
            )
        for council_pk in link_ids:
            honourees.event_council_link(actor=request.user, event=event, council=found[council_pk])
        for council in event.councils.filter(pk__in=data.get("unlink", [])):
            honourees.event_council_unlink(actor=request.user, event=event, council=council)
        return _councils_response(request, event)

    @extend_schema(request=None, responses={200: api.SyncSerializer, **ERRORS})
    @action(
        detail=True,
        methods=["post"],
        url_path="honourees/sync",
        url_name="honourees-sync",
    )
    def honourees_sync(self, request: Request, pk: str) -> Response:
        """Lấy danh sách người được khen thưởng từ các quyết định đã gắn: thêm người mới, bỏ
        người bị thu hồi khen thưởng hoặc thuộc quyết định đã bỏ (trừ người đã điểm danh),
        không đổi những gì ban tổ chức đã sửa."""
        event = event_for_user(request.user, pk, manage=True)
        result = honourees.honourees_sync(actor=request.user, event=event)
        return Response(api.SyncSerializer(result).data)

    @extend_schema(
        methods=["GET"], responses={200: api.AgendaItemSerializer(many=True), 404: ERRORS[404]}
    )
    @extend_schema(
        methods=["POST"],
        request=api.AgendaItemWriteSerializer,
        responses={201: api.AgendaItemSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="agenda",
        url_name="agenda",
        pagination_class=None,
    )
    def agenda(self, request: Request, pk: str) -> Response:
        """GET: chương trình hội nghị theo thứ tự. POST: thêm một mục vào cuối (giờ, nội dung,
        người thực hiện)."""
        if request.method == "GET":
            event = event_for_user(request.user, pk)
            return Response(api.AgendaItemSerializer(agenda.agenda_items(event), many=True).data)
        event = event_for_user(request.user, pk, manage=True)
        data = parse(api.AgendaItemWriteSerializer, request.data)
        item = agenda.agenda_item_add(actor=request.user, event=event, data=data)
        if "order" in data:
            agenda.agenda_item_move(actor=request.user, item=item, to=data["order"])
        return Response(api.AgendaItemSerializer(item).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={201: api.AgendaItemSerializer(many=True), **ERRORS})
    @action(
        detail=True,
        methods=["post"],
        url_path="agenda/prefill",
        url_name="agenda-prefill",
    )
    def agenda_prefill(self, request: Request, pk: str) -> Response:
        """Soạn chương trình mẫu (ổn định tổ chức, tuyên bố lý do, báo cáo, trao khen thưởng,
        phát biểu, bế mạc) từ giờ khai mạc; chỉ khi chương trình còn trống."""
        event = event_for_user(request.user, pk, manage=True)
        items = agenda.agenda_prefill(actor=request.user, event=event)
        return Response(
            api.AgendaItemSerializer(items, many=True).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        methods=["PATCH"],
        request=api.AgendaItemWriteSerializer,
        responses={200: api.AgendaItemSerializer, **ERRORS},
        parameters=ITEM_PATH,
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS}, parameters=ITEM_PATH)
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"agenda/(?P<item_pk>[0-9]+)",
        url_name="agenda-item",
    )
    def agenda_item(self, request: Request, pk: str, item_pk: str) -> Response:
        """PATCH: sửa giờ, nội dung, người thực hiện hoặc vị trí (`order`, từ 1); chỉ những gì
        gửi lên thay đổi. DELETE: xóa mục."""
        event = event_for_user(request.user, pk, manage=True)
        item = _item(event, item_pk)
        if request.method == "DELETE":
            agenda.agenda_item_remove(actor=request.user, item=item)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = parse(api.AgendaItemWriteSerializer, request.data, partial=True)
        agenda.agenda_item_update(actor=request.user, item=item, data=data)
        if "order" in data:
            agenda.agenda_item_move(actor=request.user, item=item, to=data["order"])
        item.refresh_from_db()
        return Response(api.AgendaItemSerializer(item).data)

    @extend_schema(methods=["GET"], responses={200: api.AwardOrderSerializer, 404: ERRORS[404]})
    @extend_schema(
        methods=["PATCH"],
        request=api.AwardOrderWriteSerializer,
        responses={200: api.AwardOrderSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["get", "patch"],
        url_path="award-order",
        url_name="award-order",
    )
    def award_order(self, request: Request, pk: str) -> Response:
        """GET: cách sắp xếp (số người mỗi lượt, tiêu chí, người trao) và thứ tự trao thưởng
        theo từng lượt, với lời người dẫn và lời giới thiệu từng người. PATCH: sửa cách sắp
        xếp; chỉ những gì gửi lên thay đổi."""
        if request.method == "GET":
            return _order_response(event_for_user(request.user, pk))
        event = event_for_user(request.user, pk, manage=True)
        data = parse(api.AwardOrderWriteSerializer, request.data, partial=True)
        agenda.stage_settings_update(
            actor=request.user,
            event=event,
            stage_size=data.get("stage_size"),
            award_order_keys=data.get("award_order"),
            presenters="\n".join(data["presenters"]) if "presenters" in data else None,
        )
        return _order_response(event)
