from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    """queued -> running -> done | failed; failed -> queued again by a retry."""

    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Bị lỗi")


class JobKind(models.TextChoices):
    """Every kind of job; each has one handler in the registry (thidua.jobs.registry),
    registered by the app that owns the work."""

    UNIT_IMPORT = "unit_import", _("Nhập danh sách đơn vị")
    PERSON_IMPORT = "person_import", _("Nhập danh sách người")
    INITIATIVE_IMPORT = "initiative_import", _("Nhập danh sách sáng kiến")
    # A long file is checked (a dry run) in the background too; the user confirms on its page.
    IMPORT_PREVIEW = "import_preview", _("Kiểm tra tệp nhập")
    UNIT_EXPORT = "unit_export", _("Xuất danh sách đơn vị")
    PERSON_EXPORT = "person_export", _("Xuất danh sách người")
    INITIATIVE_EXPORT = "initiative_export", _("Xuất danh sách sáng kiến")


ACTIVE = frozenset({JobStatus.QUEUED, JobStatus.RUNNING})
