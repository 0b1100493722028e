"""The issuing unit's document register (sổ đăng ký văn bản đi): list filters, its entries,
and continuing it from a paper book."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from thidua.api.serializers.orgs import UnitRefSerializer
from thidua.documents.models import RegisterCounter, RegisterEntry

TYPE_CODE_HELP = "Loại văn bản (ký hiệu), ví dụ: QĐ, KH, TTr, BC."


class RegisterQuerySerializer(serializers.Serializer[Any]):
    issuer = serializers.IntegerField(required=False, min_value=1, help_text="Đơn vị ban hành.")
    year = serializers.IntegerField(required=False, min_value=1900, help_text="Năm cấp số.")
    type_code = serializers.CharField(required=False, max_length=16, help_text=TYPE_CODE_HELP)


class RegisterEntrySerializer(serializers.ModelSerializer[RegisterEntry]):
    """A number taken: never reused, even when its document is later revoked."""

    issuer = UnitRefSerializer(read_only=True, help_text="Đơn vị ban hành.")
    object_type = serializers.CharField(
        read_only=True,
        help_text="Loại văn bản được cấp số, ví dụ “awards.decision”; trống nếu không có.",
    )

    class Meta:
        model = RegisterEntry
        fields = [
            "id", "symbol", "number", "type_code", "year", "issued_on", "subject", "signer",
            "issuer", "object_type", "object_id",
        ]  # fmt: skip
        read_only_fields = fields


class RegisterContinueSerializer(serializers.Serializer[Any]):
    issuer = serializers.IntegerField(min_value=1, help_text="Đơn vị ban hành.")
    type_code = serializers.CharField(max_length=16, help_text=TYPE_CODE_HELP)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    last_number = serializers.IntegerField(
        min_value=0,
        help_text="Số cuối cùng đã dùng trong sổ giấy; văn bản tiếp theo mang số kế tiếp.",
    )


class RegisterCounterSerializer(serializers.ModelSerializer[RegisterCounter]):
    """One number sequence of an issuer: a document type in a year."""

    issuer = UnitRefSerializer(read_only=True)

    class Meta:
        model = RegisterCounter
        fields = ["issuer", "type_code", "year", "last_number"]
        read_only_fields = fields
