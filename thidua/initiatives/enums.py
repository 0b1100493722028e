from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SolutionKind(models.TextChoices):
    """The four kinds of solution that count (Nghị định 13/2012, Điều 3)."""

    TECHNICAL = "ky_thuat", _("Giải pháp kỹ thuật")
    MANAGEMENT = "quan_ly", _("Giải pháp quản lý")
    OPERATIONAL = "tac_nghiep", _("Giải pháp tác nghiệp")
    APPLIED = "ung_dung", _("Giải pháp ứng dụng tiến bộ kỹ thuật")


class Status(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã nộp, chờ xét")
    RETURNED = "returned", _("Trả lại để bổ sung")
    SELECTED = "selected", _("Được chọn")
    NOT_SELECTED = "not_selected", _("Không được chọn")
    WITHDRAWN = "withdrawn", _("Tác giả đã rút")


class StageStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xét")
    SELECTED = "selected", _("Được chọn")
    NOT_SELECTED = "not_selected", _("Không được chọn")
    RETURNED = "returned", _("Trả lại")
    FORWARDED = "forwarded", _("Đã chuyển lên cấp trên")


class Action(models.TextChoices):
    """An act in an initiative's history, named as the history table shows it."""

    CREATE = "create", pgettext_lazy("initiative history", "Tạo sáng kiến")
    UPDATE = "update", pgettext_lazy("initiative history", "Sửa nội dung")
    SUBMIT = "submit", pgettext_lazy("initiative history", "Nộp")
    WITHDRAW = "withdraw", pgettext_lazy("initiative history", "Rút")
    SELECT = "select", pgettext_lazy("initiative history", "Chọn")
    NOT_SELECT = "not_select", pgettext_lazy("initiative history", "Không chọn")
    RETURN = "return", pgettext_lazy("initiative history", "Trả lại")
    FORWARD = "forward", pgettext_lazy("initiative history", "Chuyển lên cấp trên")
    ATTACH = "attach", pgettext_lazy("initiative history", "Đính kèm tệp")
    DETACH = "detach", pgettext_lazy("initiative history", "Gỡ tệp đính kèm")
