"""Honouring conferences (Hội nghị biểu dương): what the plan (Kế hoạch) of seed 000 says
about one, and the guests it invites. The day itself (delegates, RSVP, check-in, award order)
builds on these."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.models import Cycle, Decision, DecisionLine
from thidua.common.vietnamese import fold, name_sort_key
from thidua.events.enums import (
    DEFAULT_ORDER,
    EventStatus,
    GroupKind,
    MessageKind,
    MessageStatus,
    Rsvp,
    RsvpVia,
)
from thidua.orgs.models import Person, Unit
from thidua.reviews.models import Council, SlateLine


def default_order() -> list[str]:
    return list(DEFAULT_ORDER)


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
    responsible = models.TextField(
        _("người phụ trách (mỗi người một dòng: “Họ tên, chức vụ: việc phụ trách”)"), blank=True
    )
    decisions = models.ManyToManyField(
        Decision,
        verbose_name=_("quyết định khen thưởng trao tại hội nghị"),
        blank=True,
        related_name="events",
    )
    councils = models.ManyToManyField(
        Council,
        verbose_name=_("hội đồng xét chọn có kết quả trao tại hội nghị"),
        blank=True,
        related_name="events",
    )
    status = models.CharField(
        _("tình trạng"), max_length=16, choices=EventStatus.choices, default=EventStatus.PREPARING
    )
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    # The day: reminders, the stage, the order honourees come up in.
    remind_hours = models.PositiveSmallIntegerField(
        _("nhắc lịch trước (giờ)"),
        default=24,
        help_text=_("Gửi thư nhắc cho người chưa từ chối, bấy nhiêu giờ trước giờ khai mạc."),
    )
    stage_size = models.PositiveSmallIntegerField(_("số người mỗi lượt lên sân khấu"), default=10)
    award_order = models.JSONField(_("thứ tự trao thưởng theo"), default=default_order)
    presenters = models.TextField(
        _("người trao thưởng (mỗi lượt một dòng)"),
        blank=True,
        help_text=_("Dòng 1 cho lượt 1, dòng 2 cho lượt 2…; thiếu thì để trống cho người dẫn."),
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

    @property
    def is_closed(self) -> bool:
        return self.status == EventStatus.CLOSED


def lines(text: str) -> list[str]:
    """The non-empty lines of a one-item-per-line text field."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class AgendaItem(models.Model):
    """One item of the conference's programme (chương trình, CTr): its time, what happens and
    who leads it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    at = models.TimeField(_("giờ"), null=True, blank=True)
    title = models.CharField(_("nội dung"), max_length=500)
    lead = models.CharField(_("người thực hiện"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("mục chương trình")
        verbose_name_plural = pgettext_lazy("plural", "mục chương trình")
        ordering = ["event_id", "order", "id"]

    def __str__(self) -> str:
        return self.title


class GuestGroup(models.Model):
    """One group of delegates, as the plan's section III lists them: those honoured (III.1, one
    group per group of the decisions' lists) or invited guests (III.2)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="guest_groups")
    kind = models.CharField(
        _("loại đại biểu"), max_length=16, choices=GroupKind.choices, default=GroupKind.GUEST
    )
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
    sort_key = models.CharField(max_length=400, blank=True)
    name_folded = models.CharField(max_length=255, blank=True, db_index=True)
    # An honouree: the decision's line they are honoured by, never typed again.
    decision_line = models.ForeignKey(
        DecisionLine, null=True, blank=True, on_delete=models.PROTECT, related_name="delegates"
    )
    # Or the selected line of a review council's confirmed result (a prize for an initiative).
    slate_line = models.ForeignKey(
        SlateLine, null=True, blank=True, on_delete=models.PROTECT, related_name="delegates"
    )
    award_name = models.CharField(_("hình thức khen thưởng"), max_length=300, blank=True)
    citation = models.TextField(_("lời giới thiệu khi trao thưởng"), blank=True)
    # The invitation and the answer to it.
    rsvp_nonce = models.CharField(max_length=24, blank=True)
    invited_at = models.DateTimeField(_("gửi giấy mời lúc"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("nhắc lịch lúc"), null=True, blank=True)
    rsvp = models.CharField(_("trả lời"), max_length=16, choices=Rsvp.choices, default=Rsvp.PENDING)
    rsvp_via = models.CharField(max_length=8, choices=RsvpVia.choices, blank=True)
    rsvp_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    rsvp_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    substitute_name = models.CharField(_("người dự thay"), max_length=120, blank=True)
    substitute_position = models.CharField(_("chức vụ người dự thay"), max_length=200, blank=True)
    rsvp_note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    # The day: the code in the invitation's QR code, and who marked them present when.
    checkin_code = models.CharField(max_length=16, unique=True, null=True, blank=True)
    walk_in = models.BooleanField(_("đến không có giấy mời"), default=False)
    present_at = models.DateTimeField(_("có mặt lúc"), null=True, blank=True)
    present_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("khách mời")
        verbose_name_plural = pgettext_lazy("plural", "khách mời")
        ordering = ["group_id", "order", "id"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Keep the sort and search keys of the name, and give a new delegate the code of the
        QR code on their invitation."""
        self.set_derived_fields()
        fields = kwargs.get("update_fields")
        if fields is not None and "name" in fields:
            kwargs["update_fields"] = {*fields, "sort_key", "name_folded"}
        super().save(*args, **kwargs)

    def set_derived_fields(self) -> None:
        """The name's sort and search keys, and a code for the QR code if none yet (call it
        before bulk_create, which does not go through save())."""
        self.sort_key = name_sort_key(self.name)
        self.name_folded = fold(self.name)
        if not self.checkin_code:
            self.checkin_code = new_checkin_code()

    @property
    def is_honouree(self) -> bool:
        return self.decision_line_id is not None or self.slate_line_id is not None

    @property
    def is_present(self) -> bool:
        return self.present_at is not None


# No 0/O, 1/I/L: read aloud or typed from a printed invitation without mistakes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_checkin_code() -> str:
    """A random 10-character code (31¹⁰ ≈ 8·10¹⁴ values): the QR code on an invitation, typed
    in when a camera is not at hand."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


class InvitationMessage(models.Model):
    """One message sent (or tried) to a delegate: the invitation or a reminder, to which
    address, and what became of it. The log the staff call from."""

    guest = models.ForeignKey(Guest, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=16, choices=MessageKind.choices)
    to = models.CharField(_("gửi tới"), max_length=254, blank=True)
    status = models.CharField(max_length=16, choices=MessageStatus.choices)
    error = models.TextField(_("lỗi"), blank=True)
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("thư đã gửi")
        verbose_name_plural = pgettext_lazy("plural", "thư đã gửi")
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.to}"
