"""A piece of work run in the background (an import, an export): who asked for it, its
progress, its result or its error."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.jobs.enums import ACTIVE, JobKind, JobStatus
from thidua.orgs.models import Unit


def source_path(instance: Job, filename: str) -> str:
    return f"viec-nen/nguon/{uuid.uuid4().hex}.xlsx"


def result_path(instance: Job, filename: str) -> str:
    # A random folder: the name is the file's own (what the user downloads), the path unguessable.
    return f"viec-nen/ket-qua/{uuid.uuid4().hex}/{filename}"


class Job(models.Model):
    kind = models.CharField(_("loại việc"), max_length=32, choices=JobKind.choices)
    title = models.CharField(_("tên"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,  # None: started by the system (a command, the demo)
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    # The unit the job is about, when there is one: that unit's administrators see the job.
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)  # for the user, in their language
    traceback = models.TextField(blank=True)  # for the technical staff
    result = models.JSONField(default=dict, blank=True)
    source = models.FileField(upload_to=source_path, blank=True)  # the file an import reads
    result_file = models.FileField(upload_to=result_path, blank=True, max_length=300)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("việc nền")
        verbose_name_plural = pgettext_lazy("plural", "việc nền")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["created_by", "-created_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, round(100 * self.done / self.total))

    @property
    def seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None
