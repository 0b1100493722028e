"""The council's rubric, mixed into CouncilViewSet (councils/{id}/rubric/): made from a preset
or written out, or its content replaced."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import reviews as api
from thidua.api.views.base import ERRORS, parse
from thidua.api.views.reviews.common import council_response
from thidua.reviews import rubrics, services
from thidua.reviews.models import Council
from thidua.reviews.permissions import council_for_user

RUBRIC_CREATE = PolymorphicProxySerializer(
    component_name="RubricCreate",
    serializers=[api.RubricPresetSerializer, api.RubricWriteSerializer],
    resource_type_field_name=None,
)


class CouncilRubricMixin:
    @extend_schema(
        methods=["POST"],
        request=RUBRIC_CREATE,
        responses={201: api.CouncilDetailSerializer, **ERRORS},
    )
    @extend_schema(
        methods=["PUT"],
        request=api.RubricWriteSerializer,
        responses={200: api.CouncilDetailSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post", "put"])
    def rubric(self, request: Request, pk: str) -> Response:
        """POST: tạo bộ tiêu chí của chương trình, theo mẫu (`{"preset": "da_nang"}`) hoặc viết
        đầy đủ, và dùng cho hội đồng; không đổi được khi hội đồng đã có phiếu chấm. PUT: thay
        nội dung bộ tiêu chí hội đồng đang dùng (hội đồng khác dùng chung bộ này cũng theo);
        không sửa được khi đã có phiếu nộp theo bộ này."""
        council = council_for_user(request.user, pk, manage=True)
        if request.method == "PUT":
            return self._rubric_replace(request, council)
        if "preset" in request.data:
            preset = parse(api.RubricPresetSerializer, request.data)["preset"]
            spec = rubrics.PRESETS[preset]
        else:
            preset, spec = "", api.rubric_spec(parse(api.RubricWriteSerializer, request.data))
        # One change for the user: a rubric the council refuses is not left in the programme.
        with transaction.atomic():
            rubric = services.rubric_create(
                actor=request.user, programme=council.level.programme, spec=spec, preset=preset
            )
            services.council_update(actor=request.user, council=council, data={"rubric": rubric})
        return council_response(request, council, code=status.HTTP_201_CREATED)

    def _rubric_replace(self, request: Request, council: Council) -> Response:
        if council.rubric is None:
            raise ValidationError(_("Hội đồng chưa có bộ tiêu chí chấm điểm."))
        spec = api.rubric_spec(parse(api.RubricWriteSerializer, request.data))
        services.rubric_update(
            actor=request.user, rubric=council.rubric, spec=spec, council=council
        )
        return council_response(request, council)
