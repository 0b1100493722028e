"""Initiatives (sáng kiến) on the form of Thông tư 18/2013, their authors with contribution
shares, private attachments, and their climb: one Stage per level reached, one Event per act."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Programme, ProgrammeField, ProgrammeLevel
from thidua.common.vietnamese import fold, money
from thidua.initiatives.enums import Action, SolutionKind, StageStatus, Status
from thidua.orgs.models import Person, Unit


class Initiative(models.Model):
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("chương trình"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    code = models.CharField(_("mã sáng kiến"), max_length=40, unique=True)
    title = models.CharField(_("tên sáng kiến"), max_length=500)
    solution_kind = models.CharField(
        _("loại giải pháp"), max_length=16, choices=SolutionKind.choices
    )
    field = models.ForeignKey(
        ProgrammeField,
        verbose_name=_("lĩnh vực"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("công đoàn cơ sở đăng ký"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    applying_unit_name = models.CharField(
        _("đơn vị áp dụng"),
        max_length=255,
        help_text=_("Cơ quan, doanh nghiệp nơi sáng kiến được áp dụng."),
    )
    first_applied_on = models.DateField(_("ngày áp dụng lần đầu (hoặc áp dụng thử)"))
    prior_situation = models.TextField(_("tình trạng trước khi có sáng kiến"), blank=True)
    novelty = models.TextField(_("nội dung và tính mới của sáng kiến"), blank=True)
    application = models.TextField(_("cách thức, khả năng áp dụng"), blank=True)
    conditions = models.TextField(_("điều kiện cần thiết để áp dụng"), blank=True)
    benefit_value = models.BigIntegerField(
        _("giá trị làm lợi (đồng/năm)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Số tiền làm lợi hằng năm, đồng chẵn."),
    )
    benefit_basis = models.TextField(_("cách tính giá trị làm lợi"), blank=True)
    non_monetary_benefit = models.TextField(_("lợi ích không tính được bằng tiền"), blank=True)
    benefit_certified_by = models.CharField(
        _("đơn vị, người xác nhận giá trị làm lợi"), max_length=255, blank=True
    )
    confidential = models.BooleanField(
        _("có nội dung cần bảo mật"),
        default=False,
        help_text=_(
            "Ngoài công đoàn cơ sở và hội đồng, chỉ hiện tên, lĩnh vực, tóm tắt lợi ích "
            "và giải thưởng."
        ),
    )
    status = models.CharField(
        _("tình trạng"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    current_level = models.ForeignKey(
        ProgrammeLevel,
        verbose_name=_("cấp đang xét"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    current_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị đang giữ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="held_initiatives",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = pgettext_lazy("plural", "sáng kiến")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["programme", "status"], name="initiative_prog_status_idx"),
            models.Index(fields=["unit"], name="initiative_unit_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def benefit_summary(self) -> str:
        """The benefit in one line, public even for a confidential initiative: the yearly
        amount, or only that there is a benefit money cannot measure (its description may be
        secret)."""
        if self.benefit_value is not None:
            return gettext("%(amount)s/năm") % {"amount": money(self.benefit_value)}
        if self.non_monetary_benefit.strip():
            return gettext("Có lợi ích không tính được bằng tiền")
        return ""

    @property
    def authors_text(self) -> str:
        return ", ".join(a.person.full_name for a in self.authorships.all())

    def refresh_search_text(self, authors: Sequence[Person] | None = None) -> None:
        """Title, authors and unit, folded: what the diacritic-free search looks in. `authors`
        are the initiative's authors when the caller holds them (before they are saved)."""
        if authors is None:
            authors = [a.person for a in self.authorships.select_related("person")]
        names = " ".join(person.full_name for person in authors)
        self.search_text = fold(f"{self.code} {self.title} {names} {self.unit.name}")


class Authorship(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="authorships")
    person = models.ForeignKey(
        Person, verbose_name=_("tác giả"), on_delete=models.PROTECT, related_name="authorships"
    )
    share = models.DecimalField(
        _("tỷ lệ đóng góp (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tác giả")
        verbose_name_plural = pgettext_lazy("plural", "tác giả")
        ordering = ["initiative_id", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "person"], name="authorship_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.share}%)"


def attachment_path(instance: Attachment, filename: str) -> str:
    # Never the uploaded name: a random name under the initiative, served only through a view.
    import secrets

    from thidua.initiatives.files import extension_for

    extension = extension_for(instance.content_type)
    return f"initiatives/{instance.initiative_id}/{secrets.token_hex(16)}.{extension}"


class Attachment(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=255)
    name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = pgettext_lazy("plural", "tệp đính kèm")
        ordering = ["initiative_id", "uploaded_at"]

    def __str__(self) -> str:
        return self.name


class Stage(models.Model):
    """The initiative at one level: which unit holds it there and what that level decided."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="stages")
    level = models.ForeignKey(ProgrammeLevel, on_delete=models.PROTECT, related_name="stages")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="initiative_stages")
    sender = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The unit that forwarded it here; empty at the first level.",
    )
    status = models.CharField(
        max_length=16, choices=StageStatus.choices, default=StageStatus.PENDING
    )
    entered_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("cấp đã đến")
        verbose_name_plural = pgettext_lazy("plural", "cấp đã đến")
        ordering = ["initiative_id", "level__order"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "level"], name="stage_unique_level")
        ]
        indexes = [models.Index(fields=["unit", "status"], name="stage_unit_status_idx")]

    def __str__(self) -> str:
        return f"{self.initiative_id} @ {self.level} ({self.status})"


class Event(models.Model):
    """One act in the initiative's history: who, when, what, at which level, and why."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    level = models.ForeignKey(
        ProgrammeLevel, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status_from = models.CharField(max_length=16, blank=True)
    status_to = models.CharField(max_length=16, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["initiative_id", "at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()}"
