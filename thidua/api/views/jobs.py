"""Background jobs over the API: the same list, progress, result, file and retry as the
"Việc nền" pages, through the same funnel."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers.jobs import JobSerializer
from thidua.api.views.base import ERRORS, ApiMixin
from thidua.jobs import services
from thidua.jobs.enums import JobStatus
from thidua.jobs.models import Job
from thidua.jobs.permissions import is_owner, job_for_user
from thidua.jobs.selectors import jobs_list


class JobViewSet(ApiMixin, viewsets.GenericViewSet[Job]):
    """Việc nền (nhập, xuất Excel): tiến độ, kết quả, lỗi, tệp kết quả, chạy lại."""

    queryset = Job.objects.none()
    serializer_class = JobSerializer

    @extend_schema(responses=JobSerializer(many=True))
    def list(self, request: Request) -> Response:
        """Việc nền bạn được xem, mới nhất trước."""
        page = self.paginate_queryset(jobs_list(user=request.user)) or []
        data = JobSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    @extend_schema(responses={200: JobSerializer, **ERRORS})
    def retrieve(self, request: Request, pk: str) -> Response:
        job = job_for_user(request.user, pk)
        return Response(JobSerializer(job, context={"request": request}).data)

    @extend_schema(responses={200: OpenApiTypes.BINARY, **ERRORS})
    @action(detail=True, methods=["get"], url_name="file")
    def file(self, request: Request, pk: str) -> HttpResponseBase:
        """Tệp kết quả (tệp Excel đã xuất), chỉ cho người đã yêu cầu."""
        job = job_for_user(request.user, pk)
        if not is_owner(request.user, job):
            raise PermissionDenied(_("Chỉ người đã yêu cầu việc này được tải tệp."))
        if job.status != JobStatus.DONE or not job.result_file:
            raise Http404(_("Việc này chưa có tệp."))
        if not default_storage.exists(job.result_file.name):
            raise Http404(_("Tệp đã bị xoá; hãy tạo lại."))
        filename = job.result_file.name.rsplit("/", 1)[-1]
        return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=filename)

    @extend_schema(request=None, responses={202: JobSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def retry(self, request: Request, pk: str) -> Response:
        """Chạy lại một việc bị lỗi (chỉ người đã yêu cầu); việc chạy trong nền."""
        job = job_for_user(request.user, pk)
        if not is_owner(request.user, job):
            raise PermissionDenied(_("Chỉ người đã yêu cầu việc này được chạy lại."))
        job = services.job_retry(actor=request.user, job=job)
        data = JobSerializer(job, context={"request": request}).data
        return Response(data, status=status.HTTP_202_ACCEPTED)
