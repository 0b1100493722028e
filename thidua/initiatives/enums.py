from __future__ import annotations

from django.db import models


class SolutionKind(models.TextChoices):
    """The four kinds of solution that count (Nghị định 13/2012, Điều 3)."""

    TECHNICAL = "ky_thuat", "Giải pháp kỹ thuật"
    MANAGEMENT = "quan_ly", "Giải pháp quản lý"
    OPERATIONAL = "tac_nghiep", "Giải pháp tác nghiệp"
    APPLIED = "ung_dung", "Giải pháp ứng dụng tiến bộ kỹ thuật"


class Status(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã nộp, chờ xét"
    RETURNED = "returned", "Trả lại để bổ sung"
    SELECTED = "selected", "Được chọn"
    NOT_SELECTED = "not_selected", "Không được chọn"
    WITHDRAWN = "withdrawn", "Tác giả đã rút"


class StageStatus(models.TextChoices):
    PENDING = "pending", "Chờ xét"
    SELECTED = "selected", "Được chọn"
    NOT_SELECTED = "not_selected", "Không được chọn"
    RETURNED = "returned", "Trả lại"
    FORWARDED = "forwarded", "Đã chuyển lên cấp trên"


class Action(models.TextChoices):
    CREATE = "create", "Tạo sáng kiến"
    UPDATE = "update", "Sửa nội dung"
    SUBMIT = "submit", "Nộp"
    WITHDRAW = "withdraw", "Rút"
    SELECT = "select", "Chọn"
    NOT_SELECT = "not_select", "Không chọn"
    RETURN = "return", "Trả lại"
    FORWARD = "forward", "Chuyển lên cấp trên"
    ATTACH = "attach", "Đính kèm tệp"
    DETACH = "detach", "Gỡ tệp đính kèm"
