"""The issuing unit's document register (sổ đăng ký văn bản đi) and the documents, templates,
certificates and batches written from thidua's data. One number sequence per issuer, per
document type code (QĐ, KH, TTr, …), per year, as Nghị định 30/2020 Điều 15 keeps it; a number
once taken stays taken, even when the document is later revoked."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.enums import SignMode
from thidua.documents.enums import (
    BatchFormat,
    BatchStatus,
    CertificateKind,
    DocumentKind,
    DocumentStatus,
)
from thidua.orgs.models import Unit


class RegisterCounter(models.Model):
    """The last number taken in one sequence; its row is locked while a number is taken."""

    issuer = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    type_code = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "type_code", "year"], name="register_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuer_id} {self.type_code} {self.year}: {self.last_number}"


class RegisterEntry(models.Model):
    issuer = models.ForeignKey(
        Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    type_code = models.CharField(_("loại văn bản"), max_length=16)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"))
    symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    issued_on = models.DateField(_("ngày văn bản"))
    subject = models.CharField(_("trích yếu"), max_length=500)
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("văn bản trong sổ")
        verbose_name_plural = pgettext_lazy("plural", "văn bản trong sổ")
        ordering = ["issuer_id", "-year", "type_code", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "type_code", "year", "number"], name="register_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.symbol


def issued_path(instance: OfficialDocument, filename: str) -> str:
    return f"van-ban/{instance.issuer_id}/{instance.kind}-{uuid.uuid4().hex[:12]}.docx"


class OfficialDocument(models.Model):
    """A document issued by a unit in the state format (Kế hoạch, Tờ trình, Biên bản, Giấy
    mời, Báo cáo), about one object of thidua. Its facts come from that object when it is
    written; what it says as issued (number, date, signer, recipients) is kept here."""

    kind = models.CharField(_("loại văn bản"), max_length=32, choices=DocumentKind.choices)
    issuer = models.ForeignKey(
        Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    # What it is about: one of these, by kind.
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    cycle = models.ForeignKey(
        "awards.Cycle", null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    council = models.ForeignKey(
        "reviews.Council", null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    programme = models.ForeignKey(
        "campaigns.Programme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    guest_group = models.ForeignKey(
        "events.GuestGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    per_group = models.BooleanField(
        _("mỗi nhóm khách mời một giấy mời"),
        default=False,
        help_text=_("Giấy mời: bỏ chọn để in mỗi khách mời một giấy."),
    )
    subject = models.CharField(_("trích yếu"), max_length=500)
    addressee = models.CharField(
        _("kính gửi"),
        max_length=500,
        blank=True,
        help_text=_("Tờ trình: cấp trên được đề nghị, ví dụ “Ban Thường vụ LĐLĐ thành phố”."),
    )
    place_name = models.CharField(_("địa danh"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày văn bản"), null=True, blank=True)
    recipients = models.TextField(
        _("nơi nhận (mỗi nơi một dòng)"),
        blank=True,
        help_text=_("Dòng “Lưu: VT.” luôn được thêm ở cuối."),
    )
    sign_mode = models.CharField(
        _("hình thức ký"), max_length=4, choices=SignMode.choices, default=SignMode.TM, blank=True
    )
    sign_body = models.CharField(
        _("tập thể, người đứng đầu"), max_length=120, blank=True, default="BAN THƯỜNG VỤ"
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, default="CHỦ TỊCH")
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=DocumentStatus.choices,
        default=DocumentStatus.DRAFT,
    )
    register_entry = models.OneToOneField(
        RegisterEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="document"
    )
    symbol = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    # The document as registered: served from then on, whatever later happens to its data or
    # to the unit's template.
    file = models.FileField(upload_to=issued_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = pgettext_lazy("plural", "văn bản")
        ordering = ["-issued_on", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.symbol or self.subject

    @property
    def is_issued(self) -> bool:
        return self.status == DocumentStatus.ISSUED

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


def template_path(instance: DocumentTemplate, filename: str) -> str:
    return f"mau-van-ban/{instance.unit_id}/{instance.kind}-{uuid.uuid4().hex[:8]}.docx"


class DocumentTemplate(models.Model):
    """A unit's own wording for one kind of document: a DOCX with placeholders. Units below
    it use it too unless they have their own; with none, thidua's built-in one is used."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("loại văn bản"), max_length=32, choices=DocumentKind.choices)
    file = models.FileField(_("tệp mẫu (.docx)"), upload_to=template_path)
    original_name = models.CharField(max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mẫu văn bản")
        verbose_name_plural = pgettext_lazy("plural", "mẫu văn bản")
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind"], name="document_template_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.kind}"


class Certificate(models.Model):
    """A printed certificate (Giấy khen, Giấy chứng nhận sáng kiến) and the code on it that
    anyone can check on the public page. Only public fields are kept for that page."""

    kind = models.CharField(max_length=16, choices=CertificateKind.choices)
    code = models.CharField(_("mã xác minh"), max_length=16, unique=True)
    issuer = models.ForeignKey(
        Unit, verbose_name=_("đơn vị cấp"), on_delete=models.PROTECT, related_name="+"
    )
    decision_line = models.OneToOneField(
        "awards.DecisionLine",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="certificate",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    holder = models.CharField(_("cấp cho"), max_length=500)
    holder_detail = models.CharField(_("chức vụ, đơn vị"), max_length=500, blank=True)
    title = models.CharField(_("nội dung chứng nhận"), max_length=500)
    achievement = models.TextField(_("thành tích, sáng kiến"), blank=True)
    reference = models.CharField(_("căn cứ (số quyết định)"), max_length=200, blank=True)
    register_number = models.CharField(_("số vào sổ"), max_length=32, blank=True)
    issued_on = models.DateField(_("ngày cấp"))
    place_name = models.CharField(_("địa danh"), max_length=100, blank=True)
    sign_label = models.CharField(_("thẩm quyền ký"), max_length=160, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    revoked = models.BooleanField(_("đã thu hồi"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("giấy chứng nhận")
        verbose_name_plural = pgettext_lazy("plural", "giấy chứng nhận")
        ordering = ["issuer_id", "-issued_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "issuer"],
                condition=models.Q(initiative__isnull=False),
                name="certificate_initiative_unique",
            )
        ]

    def __str__(self) -> str:
        return self.code


def batch_path(instance: DocumentBatch, filename: str) -> str:
    return f"lo-van-ban/{instance.pk or 'moi'}-{uuid.uuid4().hex[:8]}-{filename}"


class DocumentBatch(models.Model):
    """Many documents of one kind made in the background (1,000 certificates as one PDF):
    its progress, its result or its error, and who asked for it."""

    kind = models.CharField(_("loại văn bản"), max_length=32, choices=DocumentKind.choices)
    format = models.CharField(
        _("định dạng"), max_length=8, choices=BatchFormat.choices, default=BatchFormat.PDF
    )
    title = models.CharField(_("tên"), max_length=300)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    decision = models.ForeignKey(
        "awards.Decision", null=True, blank=True, on_delete=models.CASCADE, related_name="batches"
    )
    programme = models.ForeignKey(
        "campaigns.Programme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("tình trạng"), max_length=16, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    stage = models.CharField(max_length=120, blank=True)
    error = models.TextField(blank=True)
    file = models.FileField(upload_to=batch_path, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("lô văn bản")
        verbose_name_plural = pgettext_lazy("plural", "lô văn bản")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == BatchStatus.DONE else 0
        return min(100, round(100 * self.done / self.total))

    @property
    def seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


def decision_path(instance: DecisionDocument, filename: str) -> str:
    return f"quyet-dinh/{instance.decision_id}-{uuid.uuid4().hex[:12]}.docx"


class DecisionDocument(models.Model):
    """A signed decision as a document, written once when it is signed (or first asked for):
    later templates and later acts (a revocation) do not rewrite what was signed."""

    decision = models.OneToOneField(
        "awards.Decision", on_delete=models.CASCADE, related_name="document"
    )
    file = models.FileField(upload_to=decision_path)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.decision_id}"
