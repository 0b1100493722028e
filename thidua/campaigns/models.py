"""Programmes (phong trào, chương trình thi đua): who runs them, who takes part, the levels an
initiative climbs, each level's deadline and quota, and the fields initiatives are filed under."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.campaigns.enums import ProgrammeStatus
from thidua.orgs.enums import Tier
from thidua.orgs.models import Unit


class Programme(models.Model):
    name = models.CharField(_("tên chương trình"), max_length=255)
    code = models.CharField(
        _("ký hiệu"),
        max_length=32,
        unique=True,
        help_text=_("Dùng trong mã sáng kiến, ví dụ KG-75N."),
    )
    running_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT, related_name="programmes"
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    description = models.TextField(_("nội dung, yêu cầu"), blank=True)
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=ProgrammeStatus.choices,
        default=ProgrammeStatus.DRAFT,
    )
    launched_at = models.DateTimeField(_("ngày phát động"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The last number given to an initiative's code (PROGRAMME-00001…): taken under the row's
    # lock, so a code costs one UPDATE however many initiatives the programme holds.
    initiative_seq = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("chương trình thi đua")
        verbose_name_plural = pgettext_lazy("plural", "chương trình thi đua")
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
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("tên cấp xét"), max_length=120)
    tier = models.IntegerField(_("cấp đơn vị"), choices=Tier.choices)
    deadline = models.DateTimeField(_("hạn nộp"))
    quota_min = models.PositiveIntegerField(_("số tối thiểu được chuyển lên"), default=0)
    quota_max = models.PositiveIntegerField(
        _("số tối đa được chuyển lên"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu không giới hạn."),
    )
    has_council = models.BooleanField(_("có hội đồng xét duyệt"), default=False)

    class Meta:
        verbose_name = _("cấp xét")
        verbose_name_plural = pgettext_lazy("plural", "cấp xét")
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
    name = models.CharField(_("lĩnh vực"), max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = pgettext_lazy("plural", "lĩnh vực")
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
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadline_extensions",
    )
    deadline = models.DateTimeField(_("hạn mới"))
    reason = models.TextField(_("lý do"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("gia hạn")
        verbose_name_plural = pgettext_lazy("plural", "gia hạn")
        ordering = ["level_id", "-deadline"]

    def __str__(self) -> str:
        return f"{self.level}: {self.deadline:%d/%m/%Y %H:%M}"
