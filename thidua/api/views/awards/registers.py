"""The document register (sổ đăng ký văn bản đi) of the units the user issues documents for:
the numbers taken, and continuing a sequence from a paper book. Numbers only move forward."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import awards as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.awards.permissions import issuers_for_user
from thidua.documents.models import RegisterEntry
from thidua.documents.register import register_continue
from thidua.orgs.models import Unit
from thidua.orgs.permissions import unit_for_user


def _register_issuer(user: Any, pk: int) -> Unit:
    """A unit whose register the user keeps: in their scope (404), one they issue for (403)."""
    unit = unit_for_user(user, pk)
    if not issuers_for_user(user).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Bạn không quản lý sổ văn bản của đơn vị này."))
    return unit


def _register_entries(user: Any, query: dict[str, Any]) -> QuerySet[RegisterEntry]:
    entries = RegisterEntry.objects.filter(issuer__in=issuers_for_user(user).values("pk"))
    if "issuer" in query:
        entries = entries.filter(issuer_id=query["issuer"])
    for key in ("year", "type_code"):
        if key in query:
            entries = entries.filter(**{key: query[key]})
    return entries.select_related("issuer").order_by("-year", "-issued_on", "-number", "-id")


class RegisterViewSet(ApiMixin, viewsets.GenericViewSet[RegisterEntry]):
    """Sổ đăng ký văn bản đi của các đơn vị bạn soạn, ban hành văn bản."""

    # For the schema's path types only: every row comes through the issuers the user acts for.
    queryset = RegisterEntry.objects.none()
    serializer_class = api.RegisterEntrySerializer
    input_serializers = {"continue_": api.RegisterContinueSerializer}

    @extend_schema(
        parameters=[api.RegisterQuerySerializer],
        responses=api.RegisterEntrySerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        """Các số đã cấp trong sổ của các đơn vị bạn ban hành văn bản, năm mới nhất, số lớn
        nhất trước; lọc theo đơn vị ban hành, năm, loại văn bản. Số đã cấp không bao giờ bị
        xóa hay dùng lại, kể cả khi văn bản bị thu hồi."""
        query = parse(api.RegisterQuerySerializer, request.query_params)
        page = self.paginate_queryset(_register_entries(request.user, query)) or []
        return self.get_paginated_response(api.RegisterEntrySerializer(page, many=True).data)

    @extend_schema(
        request=api.RegisterContinueSerializer,
        responses={200: api.RegisterCounterSerializer, **ERRORS},
    )
    @action(detail=False, methods=["post"], url_path="continue", url_name="continue")
    def continue_(self, request: Request) -> Response:
        """Tiếp tục sổ giấy: ghi số cuối cùng đã dùng của một loại văn bản trong năm, văn bản
        tiếp theo mang số kế tiếp. Số chỉ tiến, không lùi."""
        data = parse(api.RegisterContinueSerializer, request.data)
        issuer = _register_issuer(request.user, data.pop("issuer"))
        counter = register_continue(actor=request.user, issuer=issuer, **data)
        return Response(api.RegisterCounterSerializer(counter).data)
