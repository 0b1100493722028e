from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilRole(models.TextChoices):
    """Members of a Hội đồng sáng kiến (Thông tư 18/2013, Điều 8)."""

    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
    SECRETARY = "secretary", _("Thư ký Hội đồng")
    MEMBER = "member", _("Ủy viên")
    UNION_REP = "union_rep", _("Ủy viên, đại diện tổ chức công đoàn")


# Who runs the council's business: conflicts, reopening, assignment, the slate.
STEERING_ROLES = {CouncilRole.CHAIR, CouncilRole.VICE_CHAIR, CouncilRole.SECRETARY}


class CouncilStatus(models.TextChoices):
    FORMING = "forming", _("Đang thành lập")
    SCORING = "scoring", _("Đang chấm điểm")
    DECIDED = "decided", _("Đã biểu quyết kết quả")


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", _("Đang chấm")
    WITHDRAWN = "withdrawn", _("Rút do xung đột lợi ích")
    REMOVED = "removed", _("Đã thay người chấm")


class AssignmentSource(models.TextChoices):
    AUTO = "auto", _("Phân công tự động")
    MANUAL = "manual", _("Phân công thủ công")
    IMPORT = "import", _("Nhập từ Excel")


class SheetStatus(models.TextChoices):
    DRAFT = "draft", _("Đang chấm dở")
    SUBMITTED = "submitted", _("Đã nộp phiếu")


class ConflictStatus(models.TextChoices):
    DECLARED = "declared", _("Chờ thư ký xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    REJECTED = "rejected", _("Không chấp nhận")


class Method(models.TextChoices):
    MEAN = "mean", _("Trung bình cộng")
    MEDIAN = "median", _("Trung vị")
    TRIMMED = "trimmed", _("Trung bình cắt bỏ cao nhất, thấp nhất")


class Correction(models.TextChoices):
    NONE = "none", _("Không hiệu chỉnh")
    OFFSET = "offset", _("Trừ độ lệch riêng của từng thành viên (mô hình cộng)")
    STANDARDISE = "standardise", _("Chuẩn hóa điểm từng thành viên (z-score)")


class Basis(models.TextChoices):
    RAW = "raw", _("Điểm gốc")
    CORRECTED = "corrected", _("Điểm đã hiệu chỉnh")


class SlateStatus(models.TextChoices):
    DRAFT = "draft", _("Dự kiến, chờ biểu quyết")
    CONFIRMED = "confirmed", _("Đã biểu quyết thông qua")
    SUPERSEDED = "superseded", _("Đã thay bằng đề xuất mới")


class VoteMethod(models.TextChoices):
    HANDS = "hands", _("Biểu quyết giơ tay")
    SECRET = "secret", _("Bỏ phiếu kín")
