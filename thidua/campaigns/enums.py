from __future__ import annotations

from django.db import models


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    LAUNCHED = "launched", "Đã phát động"
    CLOSED = "closed", "Đã kết thúc"


DEFAULT_FIELDS = [
    "Sản xuất kinh doanh",
    "Giáo dục",
    "Y tế",
    "Môi trường",
    "An toàn vệ sinh lao động",
    "Cải cách hành chính",
    "Quản lý",
    "Khác",
]
