"""Assignment endpoints: your assignments and score sheets, ending or reassigning an
assignment, declaring and deciding conflicts of interest."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import reviews as api
from thidua.api.serializers.initiatives import ReasonSerializer
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.api.views.reviews.common import member_of, path_pk, reveal
from thidua.initiatives.models import Authorship
from thidua.reviews import services
from thidua.reviews.enums import SheetStatus
from thidua.reviews.models import Assignment, Conflict
from thidua.reviews.permissions import assignment_for_user, council_for_user
from thidua.reviews.selectors import my_assignments, next_assignment

# Fetchers: each row through its council's funnel


def council_assignment(user: Any, pk: Any) -> Assignment:
    """An assignment of a council the user runs (to end or reassign it)."""
    assignment = (
        Assignment.objects.filter(pk=path_pk(pk))
        .select_related("member__user", "initiative__field", "initiative__unit", "sheet")
        .first()
    )
    try:
        council = council_for_user(user, assignment.council_id if assignment else None, manage=True)
    except Http404:
        raise Http404(_("Không tìm thấy phân công.")) from None
    assert assignment is not None  # noqa: S101  the funnel let a real council through
    assignment.council = council
    return assignment


def council_conflict(user: Any, pk: Any) -> Conflict:
    """A declared conflict of interest, for those who run its council (to decide it)."""
    conflict = (
        Conflict.objects.filter(pk=path_pk(pk))
        .select_related("member__user", "initiative__field", "initiative__unit", "decided_by")
        .first()
    )
    try:
        council = council_for_user(
            user, conflict.member.council_id if conflict else None, manage=True
        )
    except Http404:
        raise Http404(_("Không tìm thấy khai báo xung đột lợi ích.")) from None
    assert conflict is not None  # noqa: S101  the funnel let a real council through
    conflict.member.council = council
    return conflict


# Responses


def sheet_response(assignment: Assignment) -> Response:
    council = assignment.council
    if council.rubric is not None:
        prefetch_related_objects([council.rubric], "criteria")
    if not council.blind:
        authors = Authorship.objects.select_related("person").order_by("order", "id")
        prefetch_related_objects([assignment.initiative], Prefetch("authorships", authors))
    context = {
        "scoring_open": services.scoring_open(council, timezone.now()),
        "next": next_assignment(assignment.member, after=assignment.pk),
    }
    return Response(api.ScoreSheetSerializer(assignment, context=context).data)


class MyAssignmentsPagination(PageNumberPagination):
    """Pages of the user's assignments that also carry `progress`, over every page."""

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["progress"] = {
            "type": "string",
            "description": "Số phiếu đã nộp / số sáng kiến được phân công, ví dụ “12/45”.",
        }
        paginated["required"] = [*paginated.get("required", []), "progress"]
        return paginated


class AssignmentViewSet(ApiMixin, viewsets.GenericViewSet[Assignment]):
    """Phân công chấm: của bạn (phiếu chấm, khai báo xung đột lợi ích), hoặc của hội đồng bạn
    điều hành (kết thúc phân công, giao người khác chấm)."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Assignment.objects.none()
    serializer_class = api.AssignmentSerializer
    input_serializers = {
        "end": ReasonSerializer,
        "reassign": api.ReassignSerializer,
        "sheet": api.SheetWriteSerializer,
        "conflict": ReasonSerializer,
    }

    @extend_schema(
        parameters=[api.MyAssignmentQuerySerializer],
        responses=api.MyAssignmentSerializer(many=True),
    )
    @action(detail=False, methods=["get"], pagination_class=MyAssignmentsPagination)
    def mine(self, request: Request) -> Response:
        """Các sáng kiến bạn đang được phân công chấm, ở mọi hội đồng, với tình trạng phiếu;
        `progress` đếm trên mọi trang."""
        query = parse(api.MyAssignmentQuerySerializer, request.query_params)
        rows = my_assignments(request.user).select_related(
            "council", "initiative__field", "initiative__unit", "sheet"
        )
        if "council" in query:
            rows = rows.filter(council_id=query["council"])
        rows = rows.order_by("council__deadline", "council_id", "initiative__code", "id")
        page = self.paginate_queryset(rows) or []
        context = {"reveal": {row.council_id for row in page if not row.council.blind}}
        response = self.get_paginated_response(
            api.MyAssignmentSerializer(page, many=True, context=context).data
        )
        done = rows.filter(sheet__status=SheetStatus.SUBMITTED).count()
        response.data["progress"] = f"{done}/{response.data['count']}"
        return response

    @extend_schema(request=ReasonSerializer, responses={200: api.AssignmentSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def end(self, request: Request, pk: str) -> Response:
        """Thôi phân công một thành viên chấm một sáng kiến; phân công và phiếu (nếu có) vẫn
        được lưu nhưng không còn tính."""
        assignment = council_assignment(request.user, pk)
        data = parse(ReasonSerializer, request.data)
        services.assignment_end(actor=request.user, assignment=assignment, reason=data["reason"])
        return Response(api.AssignmentSerializer(assignment, context={"reveal": True}).data)

    @extend_schema(
        request=api.ReassignSerializer, responses={201: api.AssignmentSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def reassign(self, request: Request, pk: str) -> Response:
        """Giao sáng kiến cho thành viên khác chấm, có lý do: phân công này kết thúc (vẫn được
        lưu cùng phiếu, nếu có) và một phân công mới được tạo, trả về ở đây."""
        assignment = council_assignment(request.user, pk)
        data = parse(api.ReassignSerializer, request.data)
        created = services.assignment_reassign(
            actor=request.user,
            assignment=assignment,
            seat=member_of(assignment.council, data["member"]),
            reason=data["reason"],
        )
        return Response(
            api.AssignmentSerializer(created, context={"reveal": True}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(methods=["GET"], responses={200: api.ScoreSheetSerializer, 404: ERRORS[404]})
    @extend_schema(
        methods=["PUT"],
        request=api.SheetWriteSerializer,
        responses={200: api.ScoreSheetSerializer, **ERRORS},
    )
    @action(detail=True, methods=["get", "put"])
    def sheet(self, request: Request, pk: str) -> Response:
        """Phiếu chấm của bạn cho một sáng kiến, với bộ tiêu chí; chỉ người được phân công mở
        được. Hội đồng chấm ẩn danh không hiện tác giả và đơn vị. PUT: lưu nháp, hoặc nộp
        phiếu (`submit`) khi đã chấm đủ, trong hạn chấm."""
        assignment = assignment_for_user(request.user, pk)
        if request.method == "PUT":
            data = parse(api.SheetWriteSerializer, request.data)
            services.sheet_save(actor=request.user, assignment=assignment, **data)
        return sheet_response(assignment)

    @extend_schema(request=ReasonSerializer, responses={201: api.ConflictSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def conflict(self, request: Request, pk: str) -> Response:
        """Khai báo xung đột lợi ích với sáng kiến được phân công: thôi chấm ngay, chờ thư ký
        hội đồng xác nhận."""
        assignment = assignment_for_user(request.user, pk)
        data = parse(ReasonSerializer, request.data)
        conflict = services.conflict_declare(
            actor=request.user, assignment=assignment, reason=data["reason"]
        )
        context = {"reveal": reveal(request.user, assignment.council)}
        return Response(
            api.ConflictSerializer(conflict, context=context).data, status=status.HTTP_201_CREATED
        )


class ConflictViewSet(ApiMixin, viewsets.GenericViewSet[Conflict]):
    """Khai báo xung đột lợi ích, để người điều hành hội đồng xác nhận."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Conflict.objects.none()
    serializer_class = api.ConflictSerializer
    input_serializers = {"decide": api.ConflictDecideSerializer}

    @extend_schema(
        request=api.ConflictDecideSerializer, responses={200: api.ConflictSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str) -> Response:
        """Xác nhận khai báo (thành viên không chấm sáng kiến này), hoặc không chấp nhận (có lý
        do; phân công và phiếu được khôi phục)."""
        conflict = council_conflict(request.user, pk)
        data = parse(api.ConflictDecideSerializer, request.data)
        services.conflict_decide(
            actor=request.user, conflict=conflict, confirm=data["confirm"], note=data["note"]
        )
        return Response(api.ConflictSerializer(conflict, context={"reveal": True}).data)
