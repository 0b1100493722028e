"""Honouring conferences (Hội nghị biểu dương): what the plan (Kế hoạch) of seed 000 says
about one, and the guests it invites. The day itself (delegates, RSVP, check-in, award order)
builds on these."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.models import Cycle
from thidua.orgs.models import Person, Unit


class Event(models.Model):
    organiser = models.ForeignKey(
        Unit, verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="events"
    )
    title = models.CharField(
        _("tên hội nghị"),
        max_length=300,
        help_text=_(
            "Ví dụ: Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, "
            "cán bộ công đoàn tiêu biểu năm 2023"
        ),
    )
    cycles = models.ManyToManyField(
        Cycle, verbose_name=_("đợt xét khen thưởng"), blank=True, related_name="events"
    )
    starts_at = models.DateTimeField(_("thời gian bắt đầu"))
    place = models.CharField(_("địa điểm"), max_length=255)
    # The plan's wording, one item per line, prefilled from the cycle and edited by the staff.
    basis = models.TextField(
        _("mở đầu (căn cứ, mục đích chung)"),
        blank=True,
        help_text=_("Đoạn mở đầu của kế hoạch: thực hiện chương trình công tác nào, chào mừng…"),
    )
    purposes = models.TextField(_("mục đích, yêu cầu (mỗi ý một dòng)"), blank=True)
    contents = models.TextField(_("nội dung biểu dương (mỗi ý một dòng)"), blank=True)
    honourees = models.TextField(
        _("đại biểu được biểu dương, khen thưởng (mỗi ý một dòng)"), blank=True
    )
    tasks = models.TextField(
        _("tổ chức thực hiện (mỗi đơn vị một dòng: “Đơn vị: việc phải làm”)"), blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("hội nghị biểu dương")
        verbose_name_plural = pgettext_lazy("plural", "hội nghị biểu dương")
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title


def lines(text: str) -> list[str]:
    """The non-empty lines of a one-item-per-line text field."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class GuestGroup(models.Model):
    """One group of invited guests, as the plan's section III lists them."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="guest_groups")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("nhóm khách mời"), max_length=300)

    class Meta:
        verbose_name = _("nhóm khách mời")
        verbose_name_plural = pgettext_lazy("plural", "nhóm khách mời")
        ordering = ["event_id", "order", "id"]

    def __str__(self) -> str:
        return self.name


class Guest(models.Model):
    group = models.ForeignKey(GuestGroup, on_delete=models.CASCADE, related_name="guests")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    unit_name = models.CharField(_("cơ quan, đơn vị"), max_length=255, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("khách mời")
        verbose_name_plural = pgettext_lazy("plural", "khách mời")
        ordering = ["group_id", "order", "id"]

    def __str__(self) -> str:
        return self.name
