"""Documents over the API: the same files as the pages (DOCX, PDF), drafting and registering
documents, printing a decision's certificates as a batch and following its progress, and the
public certificate check."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from thidua.api.serializers import documents as api
from thidua.api.views.base import ERRORS, ApiMixin, parse
from thidua.awards.permissions import decision_for_user
from thidua.documents import services
from thidua.documents.base import PDF_CONTENT_TYPE, DocumentError, Renderable
from thidua.documents.enums import DocumentKind
from thidua.documents.models import Certificate, DocumentBatch, OfficialDocument
from thidua.documents.permissions import (
    batch_for_user,
    batches_for_user,
    can_print_certificates,
    can_write,
    certificate_for_public,
    document_for_user,
    documents_for_user,
    subject_for_kind,
)
from thidua.documents.selectors import decision_renderable, renderable
from thidua.web.views.documents.common import file_response

FILE = {200: OpenApiTypes.BINARY, **ERRORS}
FMT = OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=["docx", "pdf"])


def generated_file(generator: Renderable, fmt: str) -> HttpResponseBase:
    if fmt not in ("docx", "pdf"):
        raise Http404
    try:
        if fmt == "pdf":
            return file_response(generator.pdf(), f"{generator.stem}.pdf", PDF_CONTENT_TYPE)
        return file_response(generator.docx(), generator.filename, generator.content_type)
    except DocumentError as error:
        return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)


class DocumentViewSet(ApiMixin, viewsets.GenericViewSet[OfficialDocument]):
    """Văn bản (kế hoạch, tờ trình, biên bản, giấy mời, báo cáo) của các đơn vị bạn làm việc."""

    queryset = OfficialDocument.objects.none()
    serializer_class = api.OfficialDocumentSerializer
    input_serializers = {
        "create": api.OfficialDocumentCreateSerializer,
        "partial_update": api.OfficialDocumentUpdateSerializer,
        "issue": api.IssueSerializer,
    }

    def get_queryset(self) -> Any:
        return documents_for_user(self.request.user).select_related("issuer")

    @extend_schema(responses=api.OfficialDocumentSerializer(many=True))
    def list(self, request: Request) -> Response:
        """Văn bản bạn được xem, mới nhất trước."""
        page = self.paginate_queryset(self.get_queryset()) or []
        return self.get_paginated_response(api.OfficialDocumentSerializer(page, many=True).data)

    @extend_schema(responses={200: api.OfficialDocumentSerializer, **ERRORS})
    def retrieve(self, request: Request, pk: str) -> Response:
        return Response(api.OfficialDocumentSerializer(document_for_user(request.user, pk)).data)

    @extend_schema(
        request=api.OfficialDocumentCreateSerializer,
        responses={201: api.OfficialDocumentSerializer, **ERRORS},
    )
    def create(self, request: Request) -> Response:
        """Lập dự thảo văn bản về một hội nghị, đợt xét, hội đồng hoặc chương trình; nội dung
        lấy từ dữ liệu của đối tượng đó."""
        data = parse(api.OfficialDocumentCreateSerializer, request.data)
        obj = subject_for_kind(request.user, data["kind"], data["object"])
        document = services.document_create(actor=request.user, kind=data["kind"], obj=obj)
        return Response(
            api.OfficialDocumentSerializer(document).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=api.OfficialDocumentUpdateSerializer,
        responses={200: api.OfficialDocumentSerializer, **ERRORS},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        """Sửa dự thảo (trích yếu, nơi nhận, người ký…); văn bản đã cấp số không sửa được."""
        document = document_for_user(request.user, pk, manage=True)
        serializer = api.OfficialDocumentUpdateSerializer(document, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        document = services.document_update(
            actor=request.user, document=document, data=dict(serializer.validated_data)
        )
        return Response(api.OfficialDocumentSerializer(document).data)

    @extend_schema(
        request=api.IssueSerializer, responses={200: api.OfficialDocumentSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def issue(self, request: Request, pk: str) -> Response:
        """Cấp số từ sổ văn bản của đơn vị ban hành (cùng sổ với quyết định)."""
        document = document_for_user(request.user, pk, manage=True)
        data = parse(api.IssueSerializer, request.data)
        document = services.document_issue(
            actor=request.user, document=document, issued_on=data["issued_on"]
        )
        return Response(api.OfficialDocumentSerializer(document).data)

    @extend_schema(parameters=[FMT], responses=FILE)
    @action(detail=True, methods=["get"], url_path=r"file/(?P<fmt>docx|pdf)", url_name="file")
    def file(self, request: Request, pk: str, fmt: str) -> HttpResponseBase:
        """Tệp văn bản: Word (.docx) hoặc PDF, giống tệp tải ở trang văn bản."""
        return generated_file(renderable(document_for_user(request.user, pk)), fmt)


class DecisionFileViewSet(ApiMixin, viewsets.GenericViewSet[DocumentBatch]):
    """Quyết định khen thưởng dưới dạng văn bản, và in giấy khen của quyết định."""

    queryset = DocumentBatch.objects.none()
    serializer_class = api.BatchSerializer
    input_serializers = {"certificates": api.CertificatesRequestSerializer}

    @extend_schema(parameters=[FMT], responses=FILE)
    @action(detail=True, methods=["get"], url_path=r"file/(?P<fmt>docx|pdf)", url_name="file")
    def file(self, request: Request, pk: str, fmt: str) -> HttpResponseBase:
        """Quyết định kèm danh sách: Word (.docx) hoặc PDF."""
        return generated_file(decision_renderable(decision_for_user(request.user, pk)), fmt)

    @extend_schema(
        request=api.CertificatesRequestSerializer, responses={202: api.BatchSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def certificates(self, request: Request, pk: str) -> Response:
        """In giấy khen cho cả danh sách của quyết định đã ký: chạy nền; theo dõi tiến độ ở
        document-batches/{id}/."""
        decision = decision_for_user(request.user, pk)
        if not can_print_certificates(request.user, decision):
            raise PermissionDenied(_("Chỉ cán bộ thi đua của đơn vị ban hành được in giấy khen."))
        data = parse(api.CertificatesRequestSerializer, request.data)
        certificates = services.certificates_for_decision(actor=request.user, decision=decision)
        batch = services.batch_start(
            actor=request.user,
            kind=DocumentKind.AWARD_CERTIFICATE,
            unit=decision.issuer,
            title=_("Giấy khen theo Quyết định số %(symbol)s") % {"symbol": decision.symbol},
            fmt=data["format"],
            decision=decision,
            total=len(certificates),
        )
        return Response(
            api.BatchSerializer(batch, context={"request": request}).data,
            status=status.HTTP_202_ACCEPTED,
        )


class BatchViewSet(ApiMixin, viewsets.GenericViewSet[DocumentBatch]):
    """Lô văn bản tạo nền (giấy khen): tiến độ, lỗi, tệp kết quả."""

    queryset = DocumentBatch.objects.none()
    serializer_class = api.BatchSerializer

    @extend_schema(responses={200: api.BatchSerializer, **ERRORS})
    def retrieve(self, request: Request, pk: str) -> Response:
        batch = batch_for_user(request.user, pk)
        return Response(api.BatchSerializer(batch, context={"request": request}).data)

    @extend_schema(responses=api.BatchSerializer(many=True))
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(batches_for_user(request.user)) or []
        return self.get_paginated_response(
            api.BatchSerializer(page, many=True, context={"request": request}).data
        )

    @extend_schema(responses=FILE)
    @action(detail=True, methods=["get"], url_name="file")
    def file(self, request: Request, pk: str) -> HttpResponseBase:
        batch = batch_for_user(request.user, pk)
        if batch.status != "done" or not batch.file:
            raise Http404(_("Lô này chưa có tệp."))
        if not default_storage.exists(batch.file.name):
            raise Http404(_("Tệp của lô đã bị xóa; hãy tạo lại."))
        extension = batch.file.name.rsplit(".", 1)[-1]
        return FileResponse(
            batch.file.open("rb"),
            as_attachment=True,
            filename=f"{batch.kind}-{batch.pk}.{extension}",
        )

    @extend_schema(request=None, responses={202: api.BatchSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def retry(self, request: Request, pk: str) -> Response:
        batch = batch_for_user(request.user, pk)
        if not can_write(request.user, batch.unit):
            raise PermissionDenied(_("Chỉ cán bộ thi đua của đơn vị ban hành được in lại."))
        batch = services.batch_retry(actor=request.user, batch=batch)
        return Response(
            api.BatchSerializer(batch, context={"request": request}).data,
            status=status.HTTP_202_ACCEPTED,
        )


class CertificateCheckViewSet(ApiMixin, viewsets.GenericViewSet[Certificate]):
    """Kiểm tra mã xác minh của giấy khen, giấy chứng nhận (không cần đăng nhập)."""

    queryset = Certificate.objects.none()
    serializer_class = api.CertificateCheckSerializer
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [AnonRateThrottle]
    lookup_value_regex = "[A-Za-z0-9-]{1,20}"

    @extend_schema(responses={200: api.CertificateCheckSerializer, 404: ERRORS[404]})
    def retrieve(self, request: Request, pk: str) -> Response:
        certificate = certificate_for_public(pk)
        if certificate is None:
            raise Http404(_("Mã xác minh không hợp lệ."))
        return Response(api.CertificateCheckSerializer(certificate).data)
