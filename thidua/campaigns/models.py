"""Programmes (phong trào, chương trình thi đua): who runs them, who takes part, the levels an
initiative climbs, each level's deadline and quota, and the fields initiatives are filed under."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.campaigns.enums import ProgrammeStatus
from thidua.orgs.enums import Tier
from thidua.orgs.models import Unit


class Programme(models.Model):
    name = models.CharField("tên chương trình", max_length=255)
    code = models.CharField(
        "ký hiệu", max_length=32, unique=True, help_text="Dùng trong mã sáng kiến, ví dụ KG-75N."
    )
    running_unit = models.ForeignKey(
        Unit, verbose_name="đơn vị chủ trì", on_delete=models.PROTECT, related_name="programmes"
    )
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    description = models.TextField("nội dung, yêu cầu", blank=True)
    status = models.CharField(
        "tình trạng", max_length=16, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    launched_at = models.DateTimeField("ngày phát động", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "chương trình thi đua"
        verbose_name_plural = "chương trình thi đua"
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="programme_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProgrammeLevel(models.Model):
    """One step of the climb. Each unit of the level's tier in the programme's subtree holds
    the initiatives that reach it; `deadline` closes submissions into this level and
    `quota_max` caps how many each holder may forward to the next level."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="levels")
    order = models.PositiveSmallIntegerField("thứ tự")
    name = models.CharField("tên cấp xét", max_length=120)
    tier = models.IntegerField("cấp đơn vị", choices=Tier.choices)
    deadline = models.DateTimeField("hạn nộp")
    quota_min = models.PositiveIntegerField("số tối thiểu được chuyển lên", default=0)
    quota_max = models.PositiveIntegerField(
        "số tối đa được chuyển lên", null=True, blank=True, help_text="Để trống nếu không giới hạn."
    )
    has_council = models.BooleanField("có hội đồng xét duyệt", default=False)

    class Meta:
        verbose_name = "cấp xét"
        verbose_name_plural = "cấp xét"
        ordering = ["programme_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "order"], name="level_order_unique"),
            models.UniqueConstraint(fields=["programme", "tier"], name="level_tier_unique"),
            models.CheckConstraint(
                condition=Q(quota_max__isnull=True) | Q(quota_max__gte=models.F("quota_min")),
                name="level_quota_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class ProgrammeField(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="fields")
    name = models.CharField("lĩnh vực", max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"
        ordering = ["programme_id", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="field_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class DeadlineExtension(models.Model):
    """A later deadline for one level, for one acting unit or (unit empty) for all."""

    level = models.ForeignKey(ProgrammeLevel, on_delete=models.CASCADE, related_name="extensions")
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadline_extensions",
    )
    deadline = models.DateTimeField("hạn mới")
    reason = models.TextField("lý do")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "gia hạn"
        verbose_name_plural = "gia hạn"
        ordering = ["level_id", "-deadline"]

    def __str__(self) -> str:
        return f"{self.level}: {self.deadline:%d/%m/%Y %H:%M}"
