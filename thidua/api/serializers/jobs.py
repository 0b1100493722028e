"""Serializers of background jobs."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from thidua.api.schema import NamedChoiceField
from thidua.jobs.enums import JobKind, JobStatus
from thidua.jobs.models import Job
from thidua.jobs.permissions import is_owner, sees_traceback


class JobSerializer(serializers.ModelSerializer[Job]):
    kind = NamedChoiceField(enum_name="JobKindEnum", choices=JobKind.choices, read_only=True)
    status = NamedChoiceField(enum_name="JobStatusEnum", choices=JobStatus.choices, read_only=True)
    percent = serializers.IntegerField(read_only=True)
    traceback = serializers.SerializerMethodField(
        help_text="Chi tiết kỹ thuật của lỗi, chỉ cho cán bộ kỹ thuật (staff)."
    )
    file_url = serializers.SerializerMethodField(
        help_text="Đường dẫn tải tệp kết quả (chỉ người yêu cầu), khi việc đã xong và có tệp."
    )

    class Meta:
        model = Job
        fields = [
            "id", "kind", "title", "unit", "created_by", "status", "done", "total", "percent",
            "message", "error", "traceback", "result", "attempts", "created_at", "started_at",
            "finished_at", "file_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_traceback(self, job: Job) -> str:
        return job.traceback if sees_traceback(self.context["request"].user) else ""

    def get_file_url(self, job: Job) -> str | None:
        request: Any = self.context["request"]
        if job.status != JobStatus.DONE or not job.result_file or not is_owner(request.user, job):
            return None
        return str(request.build_absolute_uri(reverse("api:job-file", args=[job.pk])))
