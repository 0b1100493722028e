"""REST endpoints for initiatives and their attachments.

Each handler fetches through thidua.initiatives.permissions (404 when the initiative has not
reached the user; 403 when it has but they may not act) -> parses (400) -> calls one service
with `actor=request.user` -> responds with the initiative as the user may see it: a
confidential one shows only its public fields to those outside its union.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.permissions import (
    attachment_for_user,
    decidable_initiative,
    editable_initiative,
    level_for_user,
    registering_unit_for_user,
)
from thidua.api.serializers import initiatives as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.campaigns.models import Programme, ProgrammeField
from thidua.campaigns.permissions import programme_for_user
from thidua.initiatives import services
from thidua.initiatives.enums import Status
from thidua.initiatives.models import Attachment, Authorship, Event, Initiative, Stage
from thidua.initiatives.permissions import (
    can_see_content,
    initiative_for_user,
    initiatives_for_user,
)
from thidua.initiatives.selectors import InitiativeFilters, initiative_list, status_counts
from thidua.orgs.models import Person
from thidua.orgs.permissions import person_for_user, unit_for_user

TRANSITION = {200: api.InitiativeDetailSerializer, **ERRORS}


class CountedPagination(PageNumberPagination):
    """Pages that also carry `counts`: how many initiatives of each status match the other
    filters, so a client can show status tabs that agree with the rows."""

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["counts"] = {
            "type": "object",
            "description": "Số sáng kiến theo tình trạng, với mọi bộ lọc trừ `status`.",
            "properties": {value: {"type": "integer"} for value in Status.values},
            "required": list(Status.values),
        }
        paginated["required"] = [*paginated.get("required", []), "counts"]
        return paginated


def content_ids(user: Any, initiatives: list[Initiative]) -> set[int]:
    return {initiative.pk for initiative in initiatives if can_see_content(user, initiative)}


def initiative_response(request: Request, initiative: Initiative, *, code: int = 200) -> Response:
    visible = content_ids(request.user, [initiative])
    if visible:
        authors = Authorship.objects.select_related("person").order_by("order", "id")
        prefetch_related_objects(
            [initiative],
            Prefetch("authorships", queryset=authors),
            Prefetch("stages", queryset=Stage.objects.select_related("level", "unit", "sender")),
            Prefetch("events", queryset=Event.objects.select_related("actor", "level", "unit")),
            "attachments",
        )
    context = {"request": request, "content_ids": visible}
    return Response(api.InitiativeDetailSerializer(initiative, context=context).data, status=code)


def _field_of(programme: Programme, pk: int) -> ProgrammeField:
    field = programme.fields.filter(pk=pk).first()
    if field is None:
        raise ValidationError({"field": _("Lĩnh vực không thuộc chương trình này.")})
    return field


def _content(programme: Programme, data: dict[str, Any]) -> dict[str, Any]:
    """The parsed form as the services take it: the field as an object, authors apart."""
    data.pop("authors", None)
    if "field" in data:
        data["field"] = _field_of(programme, data["field"])
    return data


def _authors(user: Any, rows: list[dict[str, Any]]) -> list[tuple[Person, Decimal]]:
    return [(person_for_user(user, row["person"]), row["share"]) for row in rows]


class InitiativeViewSet(ApiMixin, viewsets.GenericViewSet[Initiative]):
    """Sáng kiến đã đến đơn vị bạn, hoặc do công đoàn cơ sở của bạn đăng ký."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Initiative.objects.none()
    serializer_class = api.InitiativeSerializer
    pagination_class = CountedPagination
    input_serializers = {
        "create": api.InitiativeCreateSerializer,
        "partial_update": api.InitiativeWriteSerializer,
        "withdraw": api.ReasonSerializer,
        "select": api.ReasonSerializer,
        "not_select": api.ReasonSerializer,
        "return_to_sender": api.ReasonSerializer,
        "attachments": api.AttachmentUploadSerializer,
    }

    @extend_schema(
        parameters=[api.InitiativeQuerySerializer],
        responses={200: api.InitiativeSerializer(many=True), 404: ERRORS[404]},
    )
    def list(self, request: Request) -> Response:
        """Các sáng kiến bạn được xem, lọc theo chương trình, cấp xét, đơn vị (cả đơn vị trực
        thuộc), lĩnh vực, tình trạng, loại giải pháp, giá trị làm lợi và từ khoá; kèm số sáng
        kiến theo từng tình trạng."""
        user = request.user
        query = parse(api.InitiativeQuerySerializer, request.query_params)
        programme_id = query.get("programme")
        filters = InitiativeFilters(
            programme=programme_for_user(user, programme_id) if programme_id else None,
            level=level_for_user(user, query["level"]) if "level" in query else None,
            unit=unit_for_user(user, query["unit"]) if "unit" in query else None,
            field_id=query.get("field"), solution_kind=query.get("solution_kind", ""),
            benefit_min=query.get("benefit_min"), benefit_max=query.get("benefit_max"),
            query=query.get("q", ""), sort=query["sort"],
        )  # fmt: skip
        visible = initiatives_for_user(user)
        every_status = initiative_list(initiatives=visible, filters=filters)
        rows = initiative_list(
            initiatives=visible,
            filters=dataclasses.replace(filters, status=query.get("status", "")),
        )
        page = self.paginate_queryset(rows) or []
        context = {"content_ids": content_ids(user, page)}
        response = self.get_paginated_response(
            api.InitiativeSerializer(page, many=True, context=context).data
        )
        response.data["counts"] = status_counts(every_status.prefetch_related(None))
        return response

    @extend_schema(responses={200: api.InitiativeDetailSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một sáng kiến với tác giả, các cấp đã đến, lịch sử và tệp đính kèm; sáng kiến cần
        bảo mật chỉ hiện các trường công khai với người ngoài công đoàn cơ sở của nó."""
        initiative = initiative_for_user(request.user, pk)
        return initiative_response(request, initiative)

    @extend_schema(
        request=api.InitiativeCreateSerializer,
        responses={201: api.InitiativeDetailSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        """Đăng ký sáng kiến (bản nháp) tại công đoàn cơ sở, với các tác giả và tỷ lệ đóng góp
        (tổng 100%)."""
        data = parse(api.InitiativeCreateSerializer, request.data)
        programme = programme_for_user(request.user, data.pop("programme"))
        unit = registering_unit_for_user(request.user, data.pop("unit"))
        authors = _authors(request.user, data["authors"])
        initiative = services.initiative_create(
            actor=request.user, programme=programme, unit=unit,
            data=_content(programme, data), authors=authors,
        )  # fmt: skip
        return initiative_response(request, initiative, code=status.HTTP_201_CREATED)

    @extend_schema(request=api.InitiativeWriteSerializer, responses=TRANSITION)
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa nội dung (và tác giả) khi sáng kiến đang soạn hoặc được trả lại để bổ sung."""
        initiative = editable_initiative(request.user, pk)
        data = parse(api.InitiativeWriteSerializer, request.data, partial=True)
        authors = _authors(request.user, data["authors"]) if "authors" in data else None
        services.initiative_update(
            actor=request.user, initiative=initiative,
            data=_content(initiative.programme, data), authors=authors,
        )  # fmt: skip
        return initiative_response(request, initiative)

    @extend_schema(request=None, responses=TRANSITION)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        """Nộp sáng kiến lên công đoàn cơ sở, trước hạn của cấp đầu tiên."""
        initiative = editable_initiative(request.user, pk)
        services.initiative_submit(actor=request.user, initiative=initiative)
        return initiative_response(request, initiative)

    @extend_schema(request=api.ReasonSerializer, responses=TRANSITION)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str) -> Response:
        """Tác giả rút sáng kiến, trước khi công đoàn cơ sở công nhận."""
        initiative = editable_initiative(request.user, pk)
        data = parse(api.ReasonSerializer, request.data)
        services.initiative_withdraw(
            actor=request.user, initiative=initiative, reason=data["reason"]
        )
        return initiative_response(request, initiative)

    @extend_schema(request=api.ReasonSerializer, responses=TRANSITION)
    @action(detail=True, methods=["post"])
    def select(self, request: Request, pk: str) -> Response:
        """Đơn vị đang giữ chọn sáng kiến (ở công đoàn cơ sở: công nhận)."""
        initiative = decidable_initiative(request.user, pk)
        data = parse(api.ReasonSerializer, request.data)
        services.initiative_decide(
            actor=request.user, initiative=initiative, selected=True, reason=data["reason"]
        )
        return initiative_response(request, initiative)

    @extend_schema(request=api.ReasonSerializer, responses=TRANSITION)
    @action(detail=True, methods=["post"], url_path="not-select", url_name="not-select")
    def not_select(self, request: Request, pk: str) -> Response:
        """Đơn vị đang giữ không chọn sáng kiến; cần ghi lý do."""
        initiative = decidable_initiative(request.user, pk)
        data = parse(api.ReasonSerializer, request.data)
        services.initiative_decide(
            actor=request.user, initiative=initiative, selected=False, reason=data["reason"]
        )
        return initiative_response(request, initiative)

    @extend_schema(request=api.ReasonSerializer, responses=TRANSITION)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_to_sender(self, request: Request, pk: str) -> Response:
        """Trả lại để bổ sung cho nơi đã gửi lên (tác giả, hoặc đơn vị cấp dưới); cần ghi rõ
        cần bổ sung gì."""
        initiative = decidable_initiative(request.user, pk)
        data = parse(api.ReasonSerializer, request.data)
        services.initiative_return(actor=request.user, initiative=initiative, reason=data["reason"])
        return initiative_response(request, initiative)

    @extend_schema(request=None, responses=TRANSITION)
    @action(detail=True, methods=["post"])
    def forward(self, request: Request, pk: str) -> Response:
        """Chuyển sáng kiến đã chọn lên cấp xét kế tiếp, trong hạn và trong số được chuyển."""
        initiative = decidable_initiative(request.user, pk)
        services.initiative_forward(actor=request.user, initiative=initiative)
        return initiative_response(request, initiative)

    @extend_schema(
        request={"multipart/form-data": api.AttachmentUploadSerializer},
        responses={201: api.AttachmentSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def attachments(self, request: Request, pk: str) -> Response:
        """Đính kèm một tệp; loại tệp được kiểm tra theo nội dung, không theo tên."""
        initiative = editable_initiative(request.user, pk)
        data = parse(api.AttachmentUploadSerializer, request.data)
        attachment = services.attachment_add(
            actor=request.user, initiative=initiative, upload=data["file"]
        )
        return Response(
            api.AttachmentSerializer(attachment, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class AttachmentViewSet(ApiMixin, viewsets.GenericViewSet[Attachment]):
    """Tệp đính kèm của sáng kiến, chỉ qua quyền xem sáng kiến đó."""

    # For the schema's path types only: every file comes through the access funnel.
    queryset = Attachment.objects.none()
    serializer_class = api.AttachmentSerializer

    def perform_content_negotiation(
        self, request: Request, force: bool = False
    ) -> tuple[BaseRenderer, str]:
        # A download answers whatever the client accepts: the file, or an error in JSON.
        return super().perform_content_negotiation(
            request, force=force or self.action == "download"
        )

    @extend_schema(responses={204: None, **ERRORS})
    def destroy(self, request: Request, pk: str) -> Response:
        """Gỡ tệp khi sáng kiến đang soạn hoặc được trả lại."""
        attachment = attachment_for_user(request.user, pk, edit=True)
        services.attachment_remove(actor=request.user, attachment=attachment)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        responses={
            (200, "*/*"): OpenApiResponse(OpenApiTypes.BINARY, description="Nội dung tệp."),
            404: ERRORS[404],
        }
    )
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: str) -> FileResponse:
        """Tải tệp về; sáng kiến cần bảo mật chỉ tải được trong công đoàn cơ sở của nó."""
        attachment = attachment_for_user(request.user, pk)
        response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(attachment.name)}"
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
