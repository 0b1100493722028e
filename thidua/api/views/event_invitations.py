"""A conference's day in the API (issue 7): invitations and answers. Where the invitations
stand (counts, the last sending, the list to call), the sent log, sending the Giấy mời by email
(in the background: 202), the staff writing down an answer, a new personal link, a bounced
message; and, without login, the page of a personal link (read it, answer once).

Each handler of the conference fetches through thidua.events.permissions (404 outside the scope,
403 to change what one only reads) -> parses (400) -> calls one service -> responds. The public
view checks the link (404 forged, 410 replaced by a new one) and throttles wrong links per
address as the web page does."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, Throttled
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from thidua.api.serializers import event_invitations as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.events import invitations
from thidua.events.invitation_sending import invitations_send
from thidua.events.invitation_status import (
    delegates_with_messages,
    invitation_counts,
    last_send_run,
    messages_log,
    to_call,
)
from thidua.events.invitations import LinkState, event_message, rsvp_url
from thidua.events.models import Event, Guest
from thidua.events.permissions import event_for_user, event_group, event_guest

GUEST_PATH = [OpenApiParameter("guest_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]
MESSAGE_PATH = [OpenApiParameter("message_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]


def _delegate(guest: Guest) -> Response:
    fresh = Guest.objects.select_related("rsvp_by").get(pk=guest.pk)
    return Response(api.DelegateAnswerSerializer(fresh).data)


class EventInvitationViewSet(ApiMixin, viewsets.GenericViewSet[Event]):
    """Giấy mời và trả lời của đại biểu một hội nghị."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Event.objects.none()
    serializer_class = api.InvitationsSerializer
    input_serializers = {
        "invitations_send": api.SendSerializer,
        "delegate_rsvp": api.AnswerSerializer,
    }

    @extend_schema(responses={200: api.InvitationsSerializer, 404: ERRORS[404]})
    @action(detail=True, methods=["get"], url_path="invitations", url_name="invitations")
    def invitations(self, request: Request, pk: str) -> Response:
        """Số đại biểu đã gửi giấy mời, theo trả lời; lần gửi gần nhất và tiến độ; danh sách cần
        gọi (thư bị trả lại, gửi không được, không có thư điện tử, chưa trả lời sau 3 ngày)."""
        event = event_for_user(request.user, pk)
        data = {
            "counts": invitation_counts(event),
            "last_send": last_send_run(event),
            "to_call": to_call(delegates_with_messages(event)),
        }
        return Response(api.InvitationsSerializer(data).data)

    @extend_schema(responses={200: api.MessageSerializer(many=True), 404: ERRORS[404]})
    @action(
        detail=True,
        methods=["get"],
        url_path="invitations/messages",
        url_name="invitation-messages",
    )
    def invitation_messages(self, request: Request, pk: str) -> Response:
        """Thư đã gửi (giấy mời, nhắc lịch), mới nhất trước."""
        event = event_for_user(request.user, pk)
        # A page of another model than the view's own, which its typed method does not take.
        viewset: viewsets.GenericViewSet[Any] = self
        page = viewset.paginate_queryset(messages_log(event)) or []
        return self.get_paginated_response(api.MessageSerializer(page, many=True).data)

    @extend_schema(request=api.SendSerializer, responses={202: api.SendResultSerializer, **ERRORS})
    @action(detail=True, methods=["post"], url_path="invitations/send", url_name="invitations-send")
    def invitations_send(self, request: Request, pk: str) -> Response:
        """Gửi giấy mời qua thư điện tử (chạy nền): cho mọi đại biểu chưa được gửi, cho người
        chưa được gửi trong một nhóm, hoặc cho một đại biểu (gửi lại nếu đã gửi). Gửi hai lần
        cũng không gửi trùng. Theo dõi tiến độ ở GET invitations/."""
        event = event_for_user(request.user, pk, manage=True)
        data = parse(api.SendSerializer, request.data)
        group = event_group(event, data["group"]) if data.get("group") else None
        guest = event_guest(event, data["guest"]) if data.get("guest") else None
        sent = invitations_send(
            actor=request.user, event=event, scope=data["scope"], group=group, guest=guest
        )
        body = {
            "queued": len(sent.to_email),
            "to_email": [g.pk for g in sent.to_email],
            "without_email": [g.pk for g in sent.without_email],
        }
        return Response(api.SendResultSerializer(body).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        request=api.AnswerSerializer,
        responses={200: api.DelegateAnswerSerializer, **ERRORS},
        parameters=GUEST_PATH,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"delegates/(?P<guest_pk>[0-9]+)/rsvp",
        url_name="delegate-rsvp",
    )
    def delegate_rsvp(self, request: Request, pk: str, guest_pk: str) -> Response:
        """Ghi trả lời đại biểu báo qua điện thoại hoặc trực tiếp (thay trả lời trước đó)."""
        event = event_for_user(request.user, pk, manage=True)
        guest = event_guest(event, guest_pk)
        data = parse(api.AnswerSerializer, request.data)
        invitations.rsvp_record(actor=request.user, guest=guest, **data)
        return _delegate(guest)

    @extend_schema(
        request=None,
        responses={
            200: OpenApiResponse(description='{"rsvp_url": đường dẫn mới}'),
            **ERRORS,
        },
        parameters=GUEST_PATH,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"delegates/(?P<guest_pk>[0-9]+)/rsvp-link",
        url_name="delegate-rsvp-link",
    )
    def delegate_rsvp_link(self, request: Request, pk: str, guest_pk: str) -> Response:
        """Cấp đường dẫn trả lời mới cho đại biểu; đường dẫn cũ không dùng được nữa."""
        event = event_for_user(request.user, pk, manage=True)
        guest = invitations.rsvp_link_reissue(
            actor=request.user, guest=event_guest(event, guest_pk)
        )
        return Response({"rsvp_url": rsvp_url(guest)})

    @extend_schema(
        request=None, responses={200: api.MessageSerializer, **ERRORS}, parameters=MESSAGE_PATH
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"invitations/messages/(?P<message_pk>[0-9]+)/bounced",
        url_name="invitation-message-bounced",
    )
    def message_bounced(self, request: Request, pk: str, message_pk: str) -> Response:
        """Đánh dấu thư bị trả lại: đại biểu vào danh sách cần gọi."""
        event = event_for_user(request.user, pk, manage=True)
        message = invitations.message_mark_bounced(
            actor=request.user, message=event_message(event, message_pk)
        )
        return Response(api.MessageSerializer(message).data)


class Gone(APIException):
    status_code = status.HTTP_410_GONE
    default_code = "replaced"


class Answered(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "answered"


class RsvpView(ApiMixin, APIView):
    """Trả lời giấy mời qua đường dẫn riêng (không cần đăng nhập): xem giấy mời, trả lời một lần."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [AnonRateThrottle]
    serializer_class = api.AnswerSerializer

    def _guest(self, request: Request, token: str) -> Guest:
        check = invitations.rsvp_link_check(token)
        if check.state == LinkState.FORGED or check.guest is None:
            # Only wrong links are counted and refused; a genuine link always answers.
            address = request.META.get("REMOTE_ADDR", "")
            if invitations.rsvp_throttled(address):
                raise Throttled(detail=_("Đã thử quá nhiều đường dẫn không đúng; hãy thử lại sau."))
            invitations.rsvp_miss(address)
            raise Http404(_("Đường dẫn không hợp lệ."))
        if check.state == LinkState.REPLACED:
            raise Gone(_("Đường dẫn đã được thay bằng đường dẫn mới."))
        return check.guest

    @extend_schema(
        responses={
            200: api.PublicAnswerSerializer,
            404: ERRORS[404],
            410: OpenApiResponse(description="Đường dẫn đã được thay bằng đường dẫn mới."),
        }
    )
    def get(self, request: Request, token: str) -> Response:
        return Response(api.PublicAnswerSerializer(self._guest(request, token)).data)

    @extend_schema(
        request=api.AnswerSerializer,
        responses={
            200: api.PublicAnswerSerializer,
            **ERRORS,
            409: OpenApiResponse(description="Đã trả lời, hoặc hội nghị đã kết thúc."),
            410: OpenApiResponse(description="Đường dẫn đã được thay bằng đường dẫn mới."),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        guest = self._guest(request, token)
        data = parse(api.AnswerSerializer, request.data)
        try:
            guest = invitations.rsvp_answer(guest=guest, nonce=guest.rsvp_nonce, **data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                raise
            raise Answered(" ".join(error.messages)) from error
        return Response(api.PublicAnswerSerializer(guest).data)
