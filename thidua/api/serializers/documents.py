"""Serializers of documents, batches and certificate checks."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.awards.enums import SignMode
from thidua.documents.enums import (
    BatchFormat,
    BatchStatus,
    CertificateKind,
    DocumentKind,
    DocumentStatus,
)
from thidua.documents.kinds import ISSUED_KINDS
from thidua.documents.models import Certificate, DocumentBatch, OfficialDocument


class OfficialDocumentSerializer(serializers.ModelSerializer[OfficialDocument]):
    kind = NamedChoiceField(
        enum_name="DocumentKindEnum", choices=DocumentKind.choices, read_only=True
    )
    status = NamedChoiceField(
        enum_name="DocumentStatusEnum", choices=DocumentStatus.choices, read_only=True
    )
    sign_mode = NamedChoiceField(enum_name="SignModeEnum", choices=SignMode.choices, read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    issuer_name = serializers.CharField(source="issuer.name", read_only=True)

    class Meta:
        model = OfficialDocument
        fields = [
            "id", "kind", "kind_display", "issuer", "issuer_name", "event", "cycle", "council",
            "programme", "guest_group", "per_group", "subject", "addressee", "place_name",
            "issued_on", "recipients", "sign_mode", "sign_body", "signer_title", "signer_name",
            "status", "symbol", "created_at",
        ]  # fmt: skip
        read_only_fields = [
            "kind", "issuer", "event", "cycle", "council", "programme", "issued_on", "status",
            "symbol", "created_at",
        ]  # fmt: skip


class OfficialDocumentCreateSerializer(serializers.Serializer[Any]):
    kind = NamedChoiceField(
        enum_name="IssuedDocumentKindEnum",
        choices=[(k.value, k.label) for k in ISSUED_KINDS],
    )
    object = serializers.IntegerField(
        min_value=1,
        help_text="Mã (id) của hội nghị (ke-hoach, giay-moi), đợt xét (to-trinh), "
        "hội đồng (bien-ban) hoặc chương trình (bao-cao).",
    )


class OfficialDocumentUpdateSerializer(serializers.ModelSerializer[OfficialDocument]):
    sign_mode = NamedChoiceField(
        enum_name="SignModeEnum", choices=SignMode.choices, required=False, allow_blank=True
    )

    class Meta:
        model = OfficialDocument
        fields = [
            "subject", "addressee", "guest_group", "per_group", "place_name", "recipients",
            "sign_mode", "sign_body", "signer_title", "signer_name",
        ]  # fmt: skip


class IssueSerializer(serializers.Serializer[Any]):
    issued_on = serializers.DateField()


class BatchSerializer(serializers.ModelSerializer[DocumentBatch]):
    kind = NamedChoiceField(
        enum_name="DocumentKindEnum", choices=DocumentKind.choices, read_only=True
    )
    format = NamedChoiceField(
        enum_name="BatchFormatEnum", choices=BatchFormat.choices, read_only=True
    )
    status = NamedChoiceField(
        enum_name="BatchStatusEnum", choices=BatchStatus.choices, read_only=True
    )
    percent = serializers.IntegerField(read_only=True)
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = DocumentBatch
        fields = [
            "id", "kind", "format", "title", "unit", "decision", "status", "total", "done",
            "percent", "stage", "error", "attempts", "created_at", "started_at", "finished_at",
            "file_url",
        ]  # fmt: skip

    def get_file_url(self, batch: DocumentBatch) -> str | None:
        if batch.status != "done" or not batch.file:
            return None
        from django.urls import reverse

        return str(
            self.context["request"].build_absolute_uri(
                reverse("api:document-batch-file", args=[batch.pk])
            )
        )


class CertificatesRequestSerializer(serializers.Serializer[Any]):
    format = NamedChoiceField(
        enum_name="BatchFormatEnum", choices=BatchFormat.choices, default=BatchFormat.PDF
    )


class CertificateCheckSerializer(serializers.ModelSerializer[Certificate]):
    """Only what the certificate itself prints."""

    kind = NamedChoiceField(
        enum_name="CertificateKindEnum", choices=CertificateKind.choices, read_only=True
    )
    issuer_name = serializers.CharField(source="issuer.name", read_only=True)
    valid = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = [
            "code", "kind", "holder", "holder_detail", "title", "achievement", "issuer_name",
            "reference", "issued_on", "valid",
        ]  # fmt: skip

    def get_valid(self, certificate: Certificate) -> bool:
        line = certificate.decision_line
        return not certificate.revoked and not (line is not None and line.is_revoked)
