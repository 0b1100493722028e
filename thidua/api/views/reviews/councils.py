"""Council endpoints: the council, its settings and opening, its assignments (by hand,
automatic, from Excel), ranking, slates and conflicts; its members and rubric are in
members.py and rubrics.py, mixed in."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.permissions import level_for_user
from thidua.api.serializers import reviews as api
from thidua.api.serializers.initiatives import ReasonSerializer
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.api.views.reviews.common import (
    council_response,
    member_of,
    results_council,
    reveal,
    slate_response,
)
from thidua.api.views.reviews.members import CouncilMembersMixin
from thidua.api.views.reviews.rubrics import CouncilRubricMixin
from thidua.campaigns.models import ProgrammeLevel
from thidua.campaigns.selectors import in_programme
from thidua.initiatives.models import Initiative
from thidua.orgs.models import Unit
from thidua.orgs.permissions import unit_for_user
from thidua.reviews import services
from thidua.reviews.enums import AssignmentStatus
from thidua.reviews.models import Assignment, Conflict, Council, Rubric
from thidua.reviews.permissions import (
    can_manage,
    council_for_user,
    council_units_for_user,
    councils_for_user,
    seat_of,
)
from thidua.reviews.selectors import (
    attach_initiatives,
    council_initiatives,
    council_members,
    council_standings,
)
from thidua.spreadsheets import review_import

COUNCIL = {200: api.CouncilDetailSerializer, **ERRORS}
IMPORT_REFUSED = OpenApiResponse(
    api.ImportReportSerializer,
    description="Có lỗi trong tệp, không ghi gì (`problems`); hoặc thiếu tệp: {trường: [thông "
    "báo]}.",
)


def _page(view: viewsets.GenericViewSet[Any], rows: Any) -> list[Any]:
    """A page of rows of another model than the view's own (or a list), which the view's
    typed `paginate_queryset` does not take."""
    return view.paginate_queryset(rows) or []


# Fetchers: each row through its council's funnel


def council_level_for_user(user: Any, pk: Any) -> ProgrammeLevel:
    """A level of a programme the user takes part in (404) that has a council (400)."""
    level = level_for_user(user, pk)
    if not level.has_council:
        raise ValidationError(
            {"level": _("Cấp “%(level)s” không lập hội đồng xét duyệt.") % {"level": level.name}}
        )
    return level


def council_unit_for_user(user: Any, pk: Any, level: ProgrammeLevel) -> Unit:
    """A unit the user may form a council of: in their scope (404), one they are an officer or
    admin of (403), taking part in the level's programme at the level's tier (400)."""
    unit = unit_for_user(user, pk)
    if not user.is_superuser and unit.pk not in council_units_for_user(user):
        raise PermissionDenied(
            _(
                "Chỉ cán bộ thi đua – khen thưởng của chính đơn vị này được thành lập hội đồng "
                "của đơn vị."
            )
        )
    if unit.tier != level.tier or not in_programme(level.programme, unit):
        raise ValidationError(
            {
                "unit": _("“%(unit)s” không xét sáng kiến ở cấp “%(level)s” của chương trình.")
                % {"unit": unit, "level": level.name}
            }
        )
    return unit


def councils_list(user: Any, query: dict[str, Any]) -> QuerySet[Council]:
    councils = councils_for_user(user).select_related("level__programme", "unit")
    if "programme" in query:
        councils = councils.filter(level__programme_id=query["programme"])
    if "status" in query:
        councils = councils.filter(status=query["status"])
    return councils.order_by("-created_at", "-id")


# Parsing ids sent in a body: only rows of the council at hand.


def _rubric_in(data: dict[str, Any], level: ProgrammeLevel) -> dict[str, Any]:
    if data.get("rubric") is not None:
        rubric = Rubric.objects.filter(programme_id=level.programme_id, pk=data["rubric"]).first()
        if rubric is None:
            raise ValidationError({"rubric": _("Bộ tiêu chí không thuộc chương trình này.")})
        data["rubric"] = rubric
    return data


def _reviewed_by(council: Council, pk: int) -> Initiative:
    initiative = council_initiatives(council).filter(pk=pk).first()
    if initiative is None:
        raise ValidationError({"initiative": _("Sáng kiến không thuộc danh sách hội đồng xét.")})
    return initiative


# Responses


def assignment_rows(council: Council) -> QuerySet[Assignment]:
    return council.assignments.select_related(
        "member__user", "initiative__field", "initiative__unit", "sheet"
    ).order_by("initiative__code", "member_id", "id")


class RankingPagination(PageNumberPagination):
    """Pages of the ranking that also carry the council's `summary`."""

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["summary"] = api.SUMMARY_SCHEMA
        paginated["required"] = [*paginated.get("required", []), "summary"]
        return paginated


class CouncilViewSet(
    ApiMixin, CouncilMembersMixin, CouncilRubricMixin, viewsets.GenericViewSet[Council]
):
    """Hội đồng xét duyệt sáng kiến bạn là thành viên, hoặc của đơn vị bạn."""

    # For the schema's path types only: every row comes through the access funnel.
    queryset = Council.objects.none()
    serializer_class = api.CouncilSerializer
    input_serializers = {
        "create": api.CouncilCreateSerializer,
        "partial_update": api.CouncilWriteSerializer,
        "reopen": api.CouncilReopenSerializer,
        "assignments": api.AssignmentCreateSerializer,
        "assignments_auto": api.AutoAssignSerializer,
        "assignments_import": api.AssignmentUploadSerializer,
        "members": api.MemberCreateSerializer,
        "member": api.MemberWriteSerializer,
        "member_remove": ReasonSerializer,
        "rubric": api.RubricWriteSerializer,
    }

    @extend_schema(
        parameters=[api.CouncilQuerySerializer],
        responses=api.CouncilSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        """Các hội đồng bạn là thành viên hoặc của đơn vị bạn, mới nhất trước; lọc theo chương
        trình và tình trạng."""
        query = parse(api.CouncilQuerySerializer, request.query_params)
        councils = councils_list(request.user, query)
        page = self.paginate_queryset(councils) or []
        return self.get_paginated_response(api.CouncilSerializer(page, many=True).data)

    @extend_schema(responses={200: api.CouncilDetailSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        """Một hội đồng: cài đặt, bộ tiêu chí (các tiêu chí và mức điểm), thành viên với vai trò
        và tiến độ chấm."""
        return council_response(request, council_for_user(request.user, pk))

    @extend_schema(
        request=api.CouncilCreateSerializer,
        responses={201: api.CouncilDetailSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        """Thành lập hội đồng của đơn vị bạn ở một cấp xét; số đề xuất mặc định theo cấp xét."""
        data = parse(api.CouncilCreateSerializer, request.data)
        level = council_level_for_user(request.user, data.pop("level"))
        unit = council_unit_for_user(request.user, data.pop("unit"), level)
        council = services.council_create(
            actor=request.user, level=level, unit=unit, data=_rubric_in(data, level)
        )
        return council_response(request, council, code=status.HTTP_201_CREATED)

    @extend_schema(request=api.CouncilWriteSerializer, responses=COUNCIL)
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa cài đặt hội đồng; không đổi được bộ tiêu chí khi đã có phiếu chấm."""
        council = council_for_user(request.user, pk, manage=True)
        data = parse(api.CouncilWriteSerializer, request.data, partial=True)
        services.council_update(
            actor=request.user, council=council, data=_rubric_in(data, council.level)
        )
        return council_response(request, council)

    @extend_schema(request=None, responses=COUNCIL)
    @action(detail=True, methods=["post"])
    def open(self, request: Request, pk: str) -> Response:
        """Bắt đầu chấm điểm: cần bộ tiêu chí và ít nhất một thành viên."""
        council = council_for_user(request.user, pk, manage=True)
        services.council_open(actor=request.user, council=council)
        return council_response(request, council)

    @extend_schema(request=api.CouncilReopenSerializer, responses=COUNCIL)
    @action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk: str) -> Response:
        """Mở lại nhận phiếu sau hạn chấm, đến một thời điểm; cần ghi lý do."""
        council = council_for_user(request.user, pk, manage=True)
        data = parse(api.CouncilReopenSerializer, request.data)
        services.council_reopen(
            actor=request.user, council=council, until=data["until"], reason=data["reason"]
        )
        return council_response(request, council)

    @extend_schema(
        methods=["GET"],
        parameters=[api.AssignmentQuerySerializer],
        responses={200: api.AssignmentSerializer(many=True), 404: ERRORS[404]},
    )
    @extend_schema(
        methods=["POST"],
        request=api.AssignmentCreateSerializer,
        responses={201: api.AssignmentSerializer, **ERRORS},
    )
    @action(detail=True, methods=["get", "post"])
    def assignments(self, request: Request, pk: str) -> Response:
        """GET: phân công chấm của hội đồng (thành viên chỉ thấy phân công của mình). POST:
        phân công một thành viên chấm một sáng kiến, không khi có xung đột lợi ích hay quá số
        tối đa."""
        if request.method == "POST":
            return self._assign(request, pk)
        council = council_for_user(request.user, pk)
        query = parse(api.AssignmentQuerySerializer, request.query_params)
        rows = assignment_rows(council)
        if not can_manage(request.user, council):
            rows = rows.filter(member=seat_of(request.user, council))
        if "status" in query:
            rows = rows.filter(status=query["status"])
        if "member" in query:
            rows = rows.filter(member_id=query["member"])
        page = _page(self, rows)
        context = {"reveal": reveal(request.user, council)}
        return self.get_paginated_response(
            api.AssignmentSerializer(page, many=True, context=context).data
        )

    def _assign(self, request: Request, pk: str) -> Response:
        council = council_for_user(request.user, pk, manage=True)
        data = parse(api.AssignmentCreateSerializer, request.data)
        assignment = services.assignment_add(
            actor=request.user,
            council=council,
            seat=member_of(council, data["member"]),
            initiative=_reviewed_by(council, data["initiative"]),
        )
        return Response(
            api.AssignmentSerializer(assignment, context={"reveal": True}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=api.AutoAssignSerializer, responses={200: api.AutoAssignResultSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"], url_path="assignments/auto", url_name="assignments-auto")
    def assignments_auto(self, request: Request, pk: str) -> Response:
        """Phân công tự động cho đủ số người chấm mỗi sáng kiến: cân đối, theo chuyên môn,
        không khi có xung đột lợi ích; giữ nguyên phân công đã có."""
        council = council_for_user(request.user, pk, manage=True)
        data = parse(api.AutoAssignSerializer, request.data)
        plan = services.assignments_auto(
            actor=request.user, council=council, per_item=data.get("per_item")
        )
        short = council_initiatives(council).in_bulk([s.item for s in plan.shortfalls])
        result = {
            "created": len(plan.pairs),
            "assignments": council.assignments.filter(status=AssignmentStatus.ACTIVE).count(),
            "shortfalls": [
                {"initiative": short[s.item], "missing": s.missing, "reason": s.reason}
                for s in plan.shortfalls
            ],
        }
        return Response(api.AutoAssignResultSerializer(result).data)

    @extend_schema(
        request={"multipart/form-data": api.AssignmentUploadSerializer},
        parameters=[api.AssignmentImportQuerySerializer],
        responses={
            200: api.ImportReportSerializer,
            201: api.ImportReportSerializer,
            400: IMPORT_REFUSED,
            403: ERRORS[403],
            404: ERRORS[404],
        },
    )
    @action(
        detail=True, methods=["post"], url_path="assignments/import", url_name="assignments-import"
    )
    def assignments_import(self, request: Request, pk: str) -> Response:
        """Phân công từ tệp Excel (tệp mẫu phân công của hội đồng, hoặc danh sách hai cột): ghi
        mọi dòng hoặc không dòng nào; mỗi lỗi kèm dòng và cột. `dry_run=1`: chỉ kiểm tra và
        xem trước (200), không ghi gì; nhập xong: 201; có lỗi: 400."""
        council = council_for_user(request.user, pk, manage=True)
        query = parse(api.AssignmentImportQuerySerializer, request.query_params)
        data = parse(api.AssignmentUploadSerializer, request.data)
        report = review_import.assignments_upload(
            actor=request.user, council=council, file=data["file"], dry_run=query["dry_run"]
        )
        code: int
        if report.applied:
            code = status.HTTP_201_CREATED
        elif report.dry_run:
            code = status.HTTP_200_OK
        else:
            code = status.HTTP_400_BAD_REQUEST
        return Response(api.ImportReportSerializer(report).data, status=code)

    @extend_schema(
        parameters=[api.RankingQuerySerializer],
        responses={200: api.RankingRowSerializer(many=True), **ERRORS},
    )
    @action(detail=True, methods=["get"], pagination_class=RankingPagination)
    def ranking(self, request: Request, pk: str) -> Response:
        """Kết quả chấm: điểm gốc và điểm đã hiệu chỉnh, hạng theo cả hai, độ phân tán, sáng
        kiến cần xem lại, xếp loại; kèm độ nhất quán của hội đồng và thành viên chấm lệch.
        Thành viên hội đồng (không thuộc thường trực) chỉ xem được sau khi biểu quyết."""
        council = results_council(request.user, pk)
        query = parse(api.RankingQuerySerializer, request.query_params)
        if council.rubric is None:
            raise ValidationError(_("Hội đồng chưa có bộ tiêu chí chấm điểm."))
        basis = query.get("basis") or council.basis
        standings = council_standings(council)
        # Only the initiatives of the page asked for are read, however many the council ranks.
        page = attach_initiatives(_page(self, standings.ordered(basis)))
        rows = [api.ranking_row(row, basis) for row in page]
        response = self.get_paginated_response(api.RankingRowSerializer(rows, many=True).data)
        response.data["summary"] = api.ranking_summary(standings, council_members(council), basis)
        return response

    @extend_schema(
        methods=["GET"], responses={200: api.SlateSerializer(many=True), 404: ERRORS[404]}
    )
    @extend_schema(
        methods=["POST"], request=None, responses={201: api.SlateDetailSerializer, **ERRORS}
    )
    @action(detail=True, methods=["get", "post"])
    def slates(self, request: Request, pk: str) -> Response:
        """GET: các lần đề xuất kết quả, mới nhất trước. POST: đề xuất kết quả từ bảng xếp hạng
        theo các quy định của hội đồng, có lý do cho từng sáng kiến; đề xuất chưa biểu quyết
        trước đó được thay."""
        if request.method == "POST":
            council = council_for_user(request.user, pk, manage=True)
            slate = services.slate_propose(actor=request.user, council=council)
            return slate_response(slate, code=status.HTTP_201_CREATED)
        council = results_council(request.user, pk)
        slates = council.slates.select_related("proposed_by").order_by("-number")
        page = _page(self, slates)
        return self.get_paginated_response(api.SlateSerializer(page, many=True).data)

    @extend_schema(
        parameters=[api.ConflictQuerySerializer],
        responses={200: api.ConflictSerializer(many=True), **ERRORS},
    )
    @action(detail=True, methods=["get"])
    def conflicts(self, request: Request, pk: str) -> Response:
        """Các khai báo xung đột lợi ích của thành viên, mới nhất trước, để thư ký xác nhận."""
        council = council_for_user(request.user, pk, manage=True)
        query = parse(api.ConflictQuerySerializer, request.query_params)
        conflicts = Conflict.objects.filter(member__council=council).select_related(
            "member__user", "initiative__field", "initiative__unit", "decided_by"
        )
        if "status" in query:
            conflicts = conflicts.filter(status=query["status"])
        page = _page(self, conflicts)
        return self.get_paginated_response(
            api.ConflictSerializer(page, many=True, context={"reveal": True}).data
        )
