"""What every API view shares: the error responses of the schema, body parsing, and the mixin
that routes errors through thidua.api.errors and picks the browsable API's input form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.response import Response

from thidua.api.errors import api_exception_handler

ERRORS = {
    400: OpenApiResponse(description="Dữ liệu không hợp lệ: {trường: [thông báo]}."),
    403: OpenApiResponse(description="Chưa đăng nhập, hoặc không có quyền với đối tượng này."),
    404: OpenApiResponse(description="Không tìm thấy, hoặc nằm ngoài phạm vi của bạn."),
}


def parse(
    serializer_class: type[serializers.Serializer[Any]], data: Any, *, partial: bool = False
) -> dict[str, Any]:
    serializer = serializer_class(data=data, partial=partial)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class ApiMixin:
    # What the browsable API builds its forms from, per action; responses name their own.
    input_serializers: dict[str, type[serializers.Serializer[Any]]] = {}

    def get_exception_handler(self) -> Callable[..., Response | None]:
        return api_exception_handler

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Any]]:
        action = getattr(self, "action", None) or ""
        # A mixin: the DRF view class it is mixed into supplies the fallback.
        return self.input_serializers.get(action) or super().get_serializer_class()  # type: ignore[misc]
