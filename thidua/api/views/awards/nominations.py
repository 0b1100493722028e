"""Nominations (hồ sơ đề nghị khen thưởng): the list with its filters, the dossier with its
rule checks, making and changing one, its transitions, and its papers (upload, download
through the funnel, removal)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import awards as api
from thidua.api.serializers.initiatives import ReasonSerializer
from thidua.api.views.awards.common import (
    buildable_nomination,
    category_sent,
    nominating_unit,
    nomination_document,
    nomination_response,
    reviewable_nomination,
)
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.awards.enums import NominationStatus
from thidua.awards.models import Cycle, Nomination
from thidua.awards.permissions import (
    can_override,
    cycle_for_user,
    nomination_for_user,
    nominations_for_user,
)
from thidua.awards.selectors import nominations_in
from thidua.awards.services import nominations as services
from thidua.initiatives.permissions import initiatives_for_user
from thidua.orgs.models import Unit
from thidua.orgs.permissions import person_for_user, unit_for_user

NOMINATION = {200: api.NominationDetailSerializer, **ERRORS}
DOCUMENT_PATH = [OpenApiParameter("document_pk", OpenApiTypes.INT, OpenApiParameter.PATH)]


class NominationPagination(PageNumberPagination):
    """Pages that also carry `counts`: how many nominations of each status match the other
    filters, so a client can show status tabs that agree with the rows."""

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["counts"] = {
            "type": "object",
            "description": "Số hồ sơ theo tình trạng, với mọi bộ lọc trừ `status`.",
            "properties": {value: {"type": "integer"} for value in NominationStatus.values},
            "required": list(NominationStatus.values),
        }
        paginated["required"] = [*paginated.get("required", []), "counts"]
        return paginated


def _achievement(user: Any, cycle: Cycle, unit: Unit, data: dict[str, Any]) -> dict[str, Any]:
    """The parsed form as the services take it: ids as objects, each through its funnel (a
    person, a collective), or from the cycle's programme (a field; an initiative the user sees
    or that the nominating unit registered)."""
    if data.get("person") is not None:
        data["person"] = person_for_user(user, data["person"])
    if data.get("collective") is not None:
        data["collective"] = unit_for_user(user, data["collective"])
    if data.get("initiative") is not None:
        reachable = Q(pk__in=initiatives_for_user(user).values("pk")) | Q(unit_id=unit.pk)
        initiative = cycle.programme.initiatives.filter(reachable, pk=data["initiative"]).first()
        if initiative is None:
            raise ValidationError(
                {"initiative": _("Sáng kiến không thuộc chương trình của đợt xét này.")}
            )
        data["initiative"] = initiative
    if data.get("field") is not None:
        field = cycle.programme.fields.filter(pk=data["field"]).first()
        if field is None:
            raise ValidationError({"field": _("Lĩnh vực không thuộc chương trình này.")})
        data["field"] = field
    return data


class NominationViewSet(ApiMixin, viewsets.GenericViewSet[Nomination]):
    """Hồ sơ đề nghị khen thưởng của các đơn vị trong phạm vi bạn, hoặc gửi đến đơn vị bạn."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Nomination.objects.none()
    serializer_class = api.NominationSerializer
    pagination_class = NominationPagination
    input_serializers = {
        "create": api.NominationCreateSerializer,
        "partial_update": api.NominationWriteSerializer,
        "withdraw": ReasonSerializer,
        "return_dossier": ReasonSerializer,
        "accept": api.AcceptSerializer,
        "reject": ReasonSerializer,
        "override": ReasonSerializer,
        "documents": api.DocumentUploadSerializer,
    }

    def perform_content_negotiation(
        self, request: Request, force: bool = False
    ) -> tuple[BaseRenderer, str]:
        # A download answers whatever the client accepts: the file, or an error in JSON.
        download = self.action == "document" and request.method == "GET"
        return super().perform_content_negotiation(request, force=force or download)

    @extend_schema(
        parameters=[api.NominationQuerySerializer],
        responses={200: api.NominationSerializer(many=True), 404: ERRORS[404]},
    )
    def list(self, request: Request) -> Response:
        """Các hồ sơ bạn được xem, lọc theo đợt xét, nhóm, đơn vị đề nghị, tình trạng và từ
        khoá; kèm số hồ sơ theo từng tình trạng."""
        user = request.user
        query = parse(api.NominationQuerySerializer, request.query_params)
        filters = {
            "cycle": cycle_for_user(user, query["cycle"]) if "cycle" in query else None,
            "category_id": query.get("category"),
            "unit_id": query.get("unit"),
            "query": query.get("q", ""),
        }
        visible = nominations_for_user(user)
        rows = nominations_in(visible, status=query.get("status", ""), **filters)
        page = self.paginate_queryset(rows) or []
        response = self.get_paginated_response(api.NominationSerializer(page, many=True).data)
        every_status = nominations_in(visible, **filters).order_by()
        counts = dict.fromkeys(NominationStatus.values, 0)
        for row in every_status.values("status").annotate(n=Count("id")):
            counts[row["status"]] = row["n"]
        response.data["counts"] = counts
        return response

    @extend_schema(responses={200: api.NominationDetailSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một hồ sơ: thành tích, các điều kiện xét (đạt, không đạt, đã xét ngoại lệ), tài liệu
        còn thiếu, tài liệu đính kèm, hạn nộp của đơn vị và lịch sử."""
        return nomination_response(request, nomination_for_user(request.user, pk))

    @extend_schema(
        request=api.NominationCreateSerializer,
        responses={201: api.NominationDetailSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        """Lập hồ sơ (bản nháp) cho một người hoặc tập thể của đơn vị, trong một nhóm của đợt
        xét. Điều kiện không đạt thì không lập được, trừ khi cán bộ thi đua của đơn vị nhận hồ
        sơ ghi lý do xét ngoại lệ (`override_reason`)."""
        user = request.user
        data = parse(api.NominationCreateSerializer, request.data)
        cycle = cycle_for_user(user, data.pop("cycle"))
        category = category_sent(cycle, data.pop("category"))
        unit = nominating_unit(user, data.pop("unit"), cycle)
        override_reason = data.pop("override_reason")
        nomination = services.nomination_create(
            actor=user, category=category, unit=unit, data=_achievement(user, cycle, unit, data),
            override_reason=override_reason,
            # can_override asks only who runs the cycle: an unsaved nomination states it.
            can_override=can_override(user, Nomination(cycle=cycle)),
        )  # fmt: skip
        return nomination_response(
            request, nomination_for_user(user, nomination.pk), code=status.HTTP_201_CREATED
        )

    @extend_schema(request=api.NominationWriteSerializer, responses=NOMINATION)
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa thành tích khi hồ sơ đang soạn hoặc được trả lại; điều kiện được xét lại."""
        user = request.user
        nomination = buildable_nomination(user, pk)
        data = parse(api.NominationWriteSerializer, request.data, partial=True)
        override_reason = data.pop("override_reason", "")
        data = _achievement(user, nomination.cycle, nomination.unit, data)
        services.nomination_update(
            actor=user, nomination=nomination, data=data, override_reason=override_reason,
            can_override=can_override(user, nomination),
        )  # fmt: skip
        nomination.refresh_from_db()
        return nomination_response(request, nomination)

    @extend_schema(request=None, responses=NOMINATION)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        """Nộp hồ sơ lên đơn vị nhận, trước hạn (đã tính gia hạn), đủ tài liệu bắt buộc, trong
        số hồ sơ tối đa của nhóm."""
        nomination = buildable_nomination(request.user, pk)
        services.nomination_submit(actor=request.user, nomination=nomination)
        nomination.refresh_from_db()
        return nomination_response(request, nomination)

    @extend_schema(request=ReasonSerializer, responses=NOMINATION)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str) -> Response:
        """Đơn vị đề nghị rút hồ sơ, trước khi hồ sơ được tiếp nhận."""
        nomination = buildable_nomination(request.user, pk)
        data = parse(ReasonSerializer, request.data)
        services.nomination_withdraw(
            actor=request.user, nomination=nomination, reason=data["reason"]
        )
        nomination.refresh_from_db()
        return nomination_response(request, nomination)

    @extend_schema(request=ReasonSerializer, responses=NOMINATION)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_dossier(self, request: Request, pk: str) -> Response:
        """Trả hồ sơ lại đơn vị đề nghị để bổ sung; cần ghi rõ cần bổ sung gì."""
        nomination = reviewable_nomination(request.user, pk)
        data = parse(ReasonSerializer, request.data)
        services.nomination_return(actor=request.user, nomination=nomination, reason=data["reason"])
        nomination.refresh_from_db()
        return nomination_response(request, nomination)

    @extend_schema(request=api.AcceptSerializer, responses=NOMINATION)
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str) -> Response:
        """Tiếp nhận: hồ sơ đủ và hợp lệ (điều kiện được xét lại; điều kiện không đạt cần lý do
        xét ngoại lệ). Hồ sơ hợp lệ mới đưa được vào quyết định."""
        nomination = reviewable_nomination(request.user, pk)
        data = parse(api.AcceptSerializer, request.data)
        services.nomination_accept(
            actor=request.user, nomination=nomination, override_reason=data["override_reason"]
        )
        nomination.refresh_from_db()
        return nomination_response(request, nomination)

    @extend_schema(request=ReasonSerializer, responses=NOMINATION)
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        """Không xét hồ sơ; cần ghi lý do."""
        nomination = reviewable_nomination(request.user, pk)
        data = parse(ReasonSerializer, request.data)
        services.nomination_reject(actor=request.user, nomination=nomination, reason=data["reason"])
        nomination.refresh_from_db()
        return nomination_response(request, nomination)

    @extend_schema(request=ReasonSerializer, responses=NOMINATION)
    @action(detail=True, methods=["post"])
    def override(self, request: Request, pk: str) -> Response:
        """Xét ngoại lệ mọi điều kiện hồ sơ đang không đạt, với lý do được lưu vào nhật ký; chỉ
        cán bộ thi đua của đơn vị nhận hồ sơ."""
        nomination = nomination_for_user(request.user, pk)
        if not can_override(request.user, nomination):
            raise PermissionDenied(
                _("Chỉ cán bộ thi đua của %(unit)s được xét ngoại lệ điều kiện.")
                % {"unit": nomination.cycle.receiving_unit.name}
            )
        data = parse(ReasonSerializer, request.data)
        services.nomination_override(
            actor=request.user, nomination=nomination, reason=data["reason"]
        )
        return nomination_response(request, nomination)

    @extend_schema(
        request={"multipart/form-data": api.DocumentUploadSerializer},
        responses={201: api.DocumentSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def documents(self, request: Request, pk: str) -> Response:
        """Đính kèm một tài liệu của hồ sơ (tờ trình, báo cáo thành tích, …); loại tệp được
        kiểm tra theo nội dung, không theo tên."""
        nomination = buildable_nomination(request.user, pk)
        data = parse(api.DocumentUploadSerializer, request.data)
        document = services.document_add(
            actor=request.user, nomination=nomination, kind=data["kind"], upload=data["file"]
        )
        return Response(
            api.DocumentSerializer(document, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        methods=["GET"],
        responses={
            (200, "*/*"): OpenApiResponse(OpenApiTypes.BINARY, description="Nội dung tệp."),
            404: ERRORS[404],
        },
        parameters=DOCUMENT_PATH,
    )
    @extend_schema(methods=["DELETE"], responses={204: None, **ERRORS}, parameters=DOCUMENT_PATH)
    @action(
        detail=True,
        methods=["get", "delete"],
        url_path=r"documents/(?P<document_pk>[0-9]+)",
        url_name="document",
    )
    def document(self, request: Request, pk: str, document_pk: str) -> Response | FileResponse:
        """GET: tải tài liệu về, qua quyền xem hồ sơ. DELETE: gỡ tài liệu khi hồ sơ đang soạn
        hoặc được trả lại."""
        if request.method == "DELETE":
            document = nomination_document(buildable_nomination(request.user, pk), document_pk)
            services.document_remove(actor=request.user, document=document)
            return Response(status=status.HTTP_204_NO_CONTENT)
        document = nomination_document(nomination_for_user(request.user, pk), document_pk)
        response = FileResponse(document.file.open("rb"), content_type=document.content_type)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(document.name)}"
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
