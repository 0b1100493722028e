"""Commendation decisions: the list, the decision with its list of people and collectives,
drafting it (the selection of accepted dossiers, lines by hand), the public comment window,
the signature that numbers it, publication and revocation; and award history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import awards as api
from thidua.api.views.awards.common import (
    award_sent,
    decision_line,
    decision_response,
    decisions_list,
    history_for_user,
    issuer_for_user,
)
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.awards.models import Cycle, Decision, DecisionLine, Nomination
from thidua.awards.permissions import cycles_for_user, decision_for_user, nominations_for_user
from thidua.awards.selectors import history_lines
from thidua.awards.services import decisions as services
from thidua.orgs.permissions import person_for_user, unit_for_user
from thidua.orgs.selectors import subtree_unit_ids

DECISION = {200: api.DecisionDetailSerializer, **ERRORS}
LINE_PATH = [OpenApiParameter("line_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]


def _cycle_sent(user: Any, pk: int | None) -> Cycle | None:
    if pk is None:
        return None
    cycle = cycles_for_user(user).filter(pk=pk).first()
    if cycle is None:
        raise ValidationError({"cycle": _("Không tìm thấy đợt xét khen thưởng.")})
    return cycle


def _draft_data(user: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The parsed form as the services take it: the award and the cycle as objects."""
    if "award" in data:
        data["award"] = award_sent(data["award"])
    if "cycle" in data:
        data["cycle"] = _cycle_sent(user, data["cycle"])
    return data


def _nominations_sent(user: Any, ids: list[int]) -> list[Nomination]:
    """Dossiers the user sees, in the order sent (400 when one is not)."""
    found = nominations_for_user(user).in_bulk(ids)
    if len(found) != len(set(ids)):
        raise ValidationError({"nominations": _("Có hồ sơ không tìm thấy.")})
    return [found[pk] for pk in ids]


class DecisionViewSet(ApiMixin, viewsets.GenericViewSet[Decision]):
    """Quyết định khen thưởng của đơn vị bạn, và quyết định đã công bố có tên người trong
    phạm vi bạn."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Decision.objects.none()
    serializer_class = api.DecisionSerializer
    input_serializers = {
        "create": api.DecisionCreateSerializer,
        "partial_update": api.DecisionWriteSerializer,
        "lines": api.LinesAddSerializer,
        "line": api.LineWriteSerializer,
        "comment": api.CommentOpenSerializer,
        "sign": api.SignSerializer,
        "revoke": api.RevokeSerializer,
    }

    @extend_schema(
        parameters=[api.DecisionQuerySerializer], responses=api.DecisionSerializer(many=True)
    )
    def list(self, request: Request) -> Response:
        """Các quyết định bạn được xem, mới ký nhất trước; lọc theo tình trạng, năm, đơn vị ban
        hành, đợt xét."""
        query = parse(api.DecisionQuerySerializer, request.query_params)
        page = self.paginate_queryset(decisions_list(request.user, query)) or []
        return self.get_paginated_response(api.DecisionSerializer(page, many=True).data)

    @extend_schema(responses={200: api.DecisionDetailSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một quyết định với danh sách người, tập thể được khen thưởng (cả khen thưởng đã thu
        hồi, có lý do)."""
        return decision_response(request, decision_for_user(request.user, pk))

    @extend_schema(
        request=api.DecisionCreateSerializer,
        responses={201: api.DecisionDetailSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        """Soạn dự thảo quyết định của đơn vị bạn; danh hiệu, hình thức phải thuộc thẩm quyền
        của đơn vị."""
        data = parse(api.DecisionCreateSerializer, request.data)
        issuer = issuer_for_user(request.user, data.pop("issuer"))
        decision = services.decision_create(
            actor=request.user, issuer=issuer, data=_draft_data(request.user, data)
        )
        return decision_response(request, decision, code=status.HTTP_201_CREATED)

    @extend_schema(request=api.DecisionWriteSerializer, responses=DECISION)
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa dự thảo; chỉ những gì gửi lên thay đổi."""
        decision = decision_for_user(request.user, pk, manage=True)
        data = parse(api.DecisionWriteSerializer, request.data, partial=True)
        services.decision_update(
            actor=request.user, decision=decision, data=_draft_data(request.user, data)
        )
        decision.refresh_from_db()
        return decision_response(request, decision)

    @extend_schema(
        request=api.LinesAddSerializer, responses={201: api.DecisionDetailSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def lines(self, request: Request, pk: str) -> Response:
        """Đưa vào danh sách: các hồ sơ đã tiếp nhận (`nominations`), hoặc một người, tập thể
        không qua hồ sơ (`person`, `collective` hoặc `name`)."""
        user = request.user
        decision = decision_for_user(user, pk, manage=True)
        data = parse(api.LinesAddSerializer, request.data)
        if "nominations" in data:
            nominations = _nominations_sent(user, data["nominations"])
            services.lines_add_nominations(actor=user, decision=decision, nominations=nominations)
        else:
            person, collective = data.pop("person", None), data.pop("collective", None)
            services.line_add(
                actor=user, decision=decision,
                person=person_for_user(user, person) if person else None,
                collective=unit_for_user(user, collective) if collective else None, data=data,
            )  # fmt: skip
        return decision_response(request, decision, code=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["PATCH"],
        request=api.LineWriteSerializer,
        responses=DECISION,
        parameters=LINE_PATH,
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS}, parameters=LINE_PATH)
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"lines/(?P<line_pk>[0-9]+)",
        url_name="line",
    )
    def line(self, request: Request, pk: str, line_pk: str) -> Response:
        """PATCH: sửa tên, chức vụ, nhóm, thành tích, tiền thưởng của một dòng trong dự thảo.
        DELETE: bỏ dòng khỏi dự thảo."""
        decision = decision_for_user(request.user, pk, manage=True)
        line = decision_line(decision, line_pk)
        if request.method == "DELETE":
            services.line_remove(actor=request.user, line=line)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = parse(api.LineWriteSerializer, request.data, partial=True)
        services.line_update(actor=request.user, line=line, data=data)
        return decision_response(request, decision)

    @extend_schema(request=api.CommentOpenSerializer, responses=DECISION)
    @action(detail=True, methods=["post"])
    def comment(self, request: Request, pk: str) -> Response:
        """Công khai danh sách để lấy ý kiến đến một thời điểm; trong thời gian đó chưa ký
        được."""
        decision = decision_for_user(request.user, pk, manage=True)
        data = parse(api.CommentOpenSerializer, request.data)
        services.decision_open_comment(actor=request.user, decision=decision, until=data["until"])
        decision.refresh_from_db()
        return decision_response(request, decision)

    @extend_schema(request=api.BackToDraftSerializer, responses=DECISION)
    @action(detail=True, methods=["post"])
    def draft(self, request: Request, pk: str) -> Response:
        """Dừng lấy ý kiến để sửa danh sách (ghi lý do); các ý kiến đã nhận vẫn được lưu."""
        decision = decision_for_user(request.user, pk, manage=True)
        data = parse(api.BackToDraftSerializer, request.data)
        changed = services.decision_back_to_draft(
            actor=request.user, decision=decision, reason=data["reason"]
        )
        return decision_response(request, changed)

    @extend_schema(request=api.SignSerializer, responses=DECISION)
    @action(detail=True, methods=["post"])
    def sign(self, request: Request, pk: str) -> Response:
        """Ghi chữ ký: quyết định nhận số tiếp theo trong sổ văn bản của đơn vị ban hành (năm
        ký), danh sách cố định, người có hồ sơ được ghi đã khen thưởng."""
        decision = decision_for_user(request.user, pk, sign=True)
        data = parse(api.SignSerializer, request.data)
        signed = services.decision_sign(
            actor=request.user, decision=decision, signed_on=data["signed_on"],
            signer_name=data["signer_name"],
        )  # fmt: skip
        return decision_response(request, signed)

    @extend_schema(request=None, responses=DECISION)
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str) -> Response:
        """Công bố quyết định đã ký: đơn vị của mọi người trong danh sách đều xem được."""
        decision = decision_for_user(request.user, pk, manage=True)
        services.decision_publish(actor=request.user, decision=decision)
        decision.refresh_from_db()
        return decision_response(request, decision)

    @extend_schema(request=api.RevokeSerializer, responses=DECISION, parameters=LINE_PATH)
    @action(
        detail=True,
        methods=["post"],
        url_path=r"lines/(?P<line_pk>[0-9]+)/revoke",
        url_name="line-revoke",
    )
    def revoke(self, request: Request, pk: str, line_pk: str) -> Response:
        """Thu hồi khen thưởng của một người, tập thể (khai man, xét sai quy định): dòng vẫn ở
        trong quyết định và lịch sử, ghi rõ lý do và căn cứ."""
        decision = decision_for_user(request.user, pk, manage=True)
        line = decision_line(decision, line_pk)
        data = parse(api.RevokeSerializer, request.data)
        services.line_revoke(
            actor=request.user, line=line, reason=data["reason"], basis=data["basis"]
        )
        return decision_response(request, decision)


class AwardHistoryViewSet(ApiMixin, viewsets.GenericViewSet[DecisionLine]):
    """Lịch sử khen thưởng: các dòng của quyết định đã ký."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = DecisionLine.objects.none()
    serializer_class = api.HistoryLineSerializer

    @extend_schema(
        parameters=[api.HistoryQuerySerializer],
        responses={200: api.HistoryLineSerializer(many=True), 404: ERRORS[404]},
    )
    def list(self, request: Request) -> Response:
        """Khen thưởng của người, tập thể trong phạm vi bạn và trong các quyết định bạn được
        xem, mới nhất trước; tìm theo tên không cần gõ dấu, lọc theo năm, danh hiệu, hình thức,
        đơn vị (cả đơn vị trực thuộc). Khen thưởng đã thu hồi vẫn hiện, có ghi thu hồi."""
        user = request.user
        query = parse(api.HistoryQuerySerializer, request.query_params)
        unit = unit_for_user(user, query["unit"]) if "unit" in query else None
        lines = history_lines(
            history_for_user(user),
            query=query.get("q", ""),
            year=query.get("year"),
            award_id=query.get("award"),
            unit_ids=subtree_unit_ids(unit).values_list("unit_id", flat=True) if unit else None,
        )
        page = self.paginate_queryset(lines) or []
        return self.get_paginated_response(api.HistoryLineSerializer(page, many=True).data)
