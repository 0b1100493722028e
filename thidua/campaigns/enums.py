from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    LAUNCHED = "launched", _("Đã phát động")
    CLOSED = "closed", _("Đã kết thúc")


# The fields a new programme starts with. They become the programme's data (shared by everyone
# who takes part, and matched by name in imported workbooks), so they are not translated.
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
