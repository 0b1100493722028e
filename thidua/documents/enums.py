from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """The kinds of document thidua writes; the value is used in file and template names."""

    PLAN = "ke-hoach", _("Kế hoạch")
    DECISION = "quyet-dinh", _("Quyết định khen thưởng")
    PROPOSAL = "to-trinh", _("Tờ trình đề nghị khen thưởng")
    MINUTES = "bien-ban", _("Biên bản họp hội đồng")
    INVITATION = "giay-moi", _("Giấy mời")
    REPORT = "bao-cao", _("Báo cáo kết quả")
    AWARD_CERTIFICATE = "giay-khen", _("Giấy khen, bằng khen (bản in)")
    INITIATIVE_CERTIFICATE = "giay-chung-nhan", _("Giấy chứng nhận sáng kiến")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class CertificateKind(models.TextChoices):
    AWARD = "award", _("Giấy khen, bằng khen")
    INITIATIVE = "initiative", _("Giấy chứng nhận sáng kiến")


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Bị lỗi")


class BatchFormat(models.TextChoices):
    PDF = "pdf", _("Một tệp PDF")
    ZIP = "zip", _("Tệp ZIP, mỗi người một tệp DOCX")
