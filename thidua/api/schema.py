"""A choice field whose enum carries its own name in the OpenAPI schema.

Programmes, initiatives and stages each have a `status` with its own choices. drf-spectacular
names enums after the field, cannot tell these three apart, and warns; `spectacular
--fail-on-warn` then fails. Naming each set here keeps the schema clean without touching the
project's settings (ENUM_NAME_OVERRIDES would be the central alternative).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_choice_field
from rest_framework import serializers


class NamedChoiceField(serializers.ChoiceField):
    def __init__(self, *, enum_name: str, **kwargs: Any) -> None:
        self.enum_name = enum_name
        super().__init__(**kwargs)


# drf-spectacular registers extensions in an untyped __init_subclass__.
class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):  # type: ignore[no-untyped-call]
    target_class = NamedChoiceField

    def get_name(self) -> str:
        return str(self.target.enum_name)

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return dict(build_choice_field(self.target))
