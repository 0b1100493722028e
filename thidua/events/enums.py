"""The states and choices of a conference's day: a delegate's answer to the invitation, how it
was given, the messages sent, and the keys the award order sorts by."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    """A conference is prepared (plan, delegates, invitations, answers, check-in on the day) and
    then closed by its organiser: after that nothing about attendance changes and the links in
    the invitations stop answering."""

    PREPARING = "preparing", _("Chưa kết thúc")
    CLOSED = "closed", _("Đã kết thúc")


class GroupKind(models.TextChoices):
    """Section III of the plan: III.1 those honoured (from the decisions, never typed), III.2 the
    invited guests."""

    HONOUREE = "honouree", _("Đại biểu được biểu dương, khen thưởng")
    GUEST = "guest", _("Đại biểu khách mời")


class Rsvp(models.TextChoices):
    PENDING = "pending", _("Chưa trả lời")
    ACCEPTED = "accepted", _("Tham dự")
    DECLINED = "declined", _("Không tham dự")
    SUBSTITUTE = "substitute", _("Cử người dự thay")


class RsvpVia(models.TextChoices):
    LINK = "link", _("Qua đường dẫn trong giấy mời")
    STAFF = "staff", _("Ban Tổ chức ghi (điện thoại, trực tiếp)")


class MessageKind(models.TextChoices):
    INVITATION = "invitation", _("Giấy mời")
    REMINDER = "reminder", _("Nhắc lịch")


class MessageStatus(models.TextChoices):
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không thành công")
    BOUNCED = "bounced", _("Bị trả lại")


class OrderKey(models.TextChoices):
    """What the award order sorts honourees by, in the order the organiser chooses."""

    AWARD = "award", _("Hình thức khen thưởng (cao trước)")
    CATEGORY = "category", _("Nhóm đối tượng (theo thứ tự trong đợt xét)")
    RANK = "rank", _("Thứ hạng, thứ tự trong quyết định")
    UNIT = "unit", _("Đơn vị")
    NAME = "name", _("Tên (theo vần tiếng Việt)")


DEFAULT_ORDER = [OrderKey.AWARD.value, OrderKey.CATEGORY.value, OrderKey.RANK.value]
