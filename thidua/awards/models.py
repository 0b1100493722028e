"""Commendation: the award catalogue, a programme's honouring cycle with its categories and
eligibility rules, the nominations grassroots unions send with their dossiers, and the
decisions (Quyết định khen thưởng) that confer the awards. A decision's line is the award a
person or collective holds; revoking it keeps the line and says why."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.enums import (
    AwardKind,
    ContestLevel,
    DecisionStatus,
    DocumentKind,
    NominationAction,
    NominationStatus,
    Prize,
    Recipient,
    RuleKind,
    SignMode,
)
from thidua.campaigns.models import Programme, ProgrammeField
from thidua.common.vietnamese import fold, name_sort_key
from thidua.initiatives.files import extension_for
from thidua.initiatives.models import Initiative
from thidua.orgs.enums import Tier
from thidua.orgs.models import Person, Unit


class Award(models.Model):
    """One entry of the catalogue: a title or a form, who may receive it, who may issue it."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(
        _("tên trong quyết định"),
        max_length=80,
        blank=True,
        help_text=_("Ví dụ “Bằng khen”: quyết định ghi “Bằng khen của” và tên đơn vị ban hành."),
    )
    kind = models.CharField(_("loại"), max_length=8, choices=AwardKind.choices)
    recipient = models.CharField(
        _("khen cho"), max_length=16, choices=Recipient.choices, default=Recipient.INDIVIDUAL
    )
    issuer_tiers = models.JSONField(
        _("cấp được ban hành"),
        default=list,
        help_text=_("Cấp đơn vị có thẩm quyền quyết định: danh sách giá trị Tier."),
    )
    issuer_text = models.CharField(_("thẩm quyền quyết định"), max_length=255)
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "danh hiệu, hình thức khen thưởng")
        ordering = ["kind", "order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_title(self) -> bool:
        return self.kind == AwardKind.TITLE

    @property
    def labelled(self) -> str:
        """The name with its kind in front, so a title is never taken for a form."""
        return f"{self.get_kind_display()}: {self.name}"

    def name_for(self, issuer: Unit) -> str:
        """As the issuer's decision names it: "Bằng khen của Liên đoàn Lao động thành phố Hải
        Phòng" rather than the catalogue's generic name."""
        return f"{self.short_name} của {issuer.name}" if self.short_name else self.name

    def issuable_by(self, unit: Unit) -> bool:
        return unit.tier in {Tier(t) for t in self.issuer_tiers}


class Cycle(models.Model):
    """A programme's honouring cycle (đợt xét khen thưởng): the categories people are
    nominated in and the deadline for dossiers at the running unit."""

    programme = models.OneToOneField(
        Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT, related_name="cycle"
    )
    name = models.CharField(_("tên đợt xét"), max_length=255)
    achievement_year = models.PositiveSmallIntegerField(_("năm thành tích"))
    deadline = models.DateTimeField(_("hạn nộp hồ sơ"))
    guidance = models.TextField(_("hướng dẫn cho công đoàn cơ sở"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("đợt xét khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "đợt xét khen thưởng")
        ordering = ["-deadline"]

    def __str__(self) -> str:
        return self.name

    @property
    def receiving_unit(self) -> Unit:
        return self.programme.running_unit


class CycleExtension(models.Model):
    """A later deadline for one nominating unit (or, unit empty, for all)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="extensions")
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    deadline = models.DateTimeField(_("hạn mới"))
    reason = models.TextField(_("lý do"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["cycle_id", "-deadline"]

    def __str__(self) -> str:
        return f"{self.cycle_id}: {self.deadline:%d/%m/%Y %H:%M}"


class Category(models.Model):
    """A group people are honoured in (the seed's five), what it asks of a nomination and
    which award it proposes."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="categories")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    name = models.CharField(_("tên nhóm"), max_length=500)
    description = models.TextField(_("tiêu chuẩn, ghi chú"), blank=True)
    recipient = models.CharField(
        _("đối tượng"), max_length=16, choices=Recipient.choices, default=Recipient.INDIVIDUAL
    )
    award = models.ForeignKey(
        Award,
        verbose_name=_("đề nghị khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="categories",
    )
    achievement_fields = models.JSONField(
        _("thông tin thành tích cần khai"), default=list, blank=True
    )
    required_documents = models.JSONField(
        _("tài liệu bắt buộc trong hồ sơ"), default=list, blank=True
    )
    quota_per_unit = models.PositiveIntegerField(
        _("số hồ sơ tối đa mỗi đơn vị"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu không giới hạn."),
    )

    class Meta:
        verbose_name = _("nhóm đối tượng")
        verbose_name_plural = pgettext_lazy("plural", "nhóm đối tượng")
        ordering = ["cycle_id", "order", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def short(self) -> str:
        return f"{self.order}. {self.name[:80]}{'…' if len(self.name) > 80 else ''}"

    def asks(self, field: str) -> bool:
        return field in self.achievement_fields

    def document_labels(self) -> list[tuple[str, str]]:
        labels = dict(DocumentKind.choices)
        return [(code, str(labels.get(code, code))) for code in self.required_documents]


class UnitQuota(models.Model):
    """A quota for one nominating unit that differs from its category's."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="unit_quotas")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE)
    quota = models.PositiveIntegerField(_("số hồ sơ tối đa"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["category", "unit"], name="unit_quota_unique")
        ]

    def __str__(self) -> str:
        return f"{self.category_id}/{self.unit_id}: {self.quota}"


class Rule(models.Model):
    """An eligibility rule as data: its kind names a pure check in eligibility.py, its
    parameters (thresholds, dates, prizes) are what regulations change."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("loại điều kiện"), max_length=32, choices=RuleKind.choices)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    basis = models.CharField(
        _("căn cứ"), max_length=255, blank=True, help_text=_("Ví dụ: QĐ 1564/QĐ-TLĐ, Điều 16.")
    )
    active = models.BooleanField(_("đang áp dụng"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("điều kiện xét")
        verbose_name_plural = pgettext_lazy("plural", "điều kiện xét")
        ordering = ["category_id", "order", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Nomination(models.Model):
    """One person (or collective) put forward in a category by their union, with the
    achievement and the dossier that proves it."""

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="nominations")
    category = models.ForeignKey(
        Category,
        verbose_name=_("nhóm đối tượng"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị đề nghị"),
        on_delete=models.PROTECT,
        related_name="nominations_sent",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("cá nhân"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    collective = models.ForeignKey(
        Unit,
        verbose_name=_("tập thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations_received",
    )
    collective_name = models.CharField(_("tên tập thể"), max_length=255, blank=True)
    field = models.ForeignKey(
        ProgrammeField,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("sáng kiến"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    contest = models.CharField(_("cuộc thi, hội thi"), max_length=255, blank=True)
    contest_level = models.CharField(
        _("cấp tổ chức"), max_length=16, choices=ContestLevel.choices, blank=True
    )
    prize = models.CharField(_("giải đạt được"), max_length=16, choices=Prize.choices, blank=True)
    achievement_year = models.PositiveSmallIntegerField(_("năm đạt"), null=True, blank=True)
    benefit_three_years = models.BigIntegerField(
        _("giá trị làm lợi 3 năm liên tiếp (đồng)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    summary = models.TextField(_("tóm tắt thành tích"))
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=NominationStatus.choices,
        default=NominationStatus.DRAFT,
    )
    reason = models.TextField(_("lý do trả lại, không xét"), blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    decided_at = models.DateTimeField(_("thẩm định lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "hồ sơ đề nghị khen thưởng")
        ordering = ["category__order", "id"]
        indexes = [
            models.Index(fields=["cycle", "status"], name="nomination_cycle_status_idx"),
            models.Index(fields=["unit", "category"], name="nomination_unit_cat_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(collective_name=""),
                name="nomination_has_nominee",
            )
        ]

    def __str__(self) -> str:
        return self.nominee_name

    @property
    def nominee_name(self) -> str:
        return self.person.full_name if self.person is not None else self.collective_name

    @property
    def is_individual(self) -> bool:
        return self.person_id is not None

    def refresh_search_text(self) -> None:
        initiative = self.initiative.title if self.initiative is not None else ""
        self.search_text = fold(f"{self.nominee_name} {self.unit.name} {self.contest} {initiative}")


def nomination_file_path(instance: NominationDocument, filename: str) -> str:
    # As for initiative attachments: a random name, the extension of the sniffed content.
    extension = extension_for(instance.content_type)
    return f"nominations/{instance.nomination_id}/{secrets.token_hex(16)}.{extension}"


class NominationDocument(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("loại tài liệu"), max_length=32, choices=DocumentKind.choices)
    file = models.FileField(upload_to=nomination_file_path, max_length=255)
    name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "tài liệu hồ sơ")
        ordering = ["nomination_id", "kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.name


class Override(models.Model):
    """An officer's written decision to accept a nomination a rule would refuse."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="overrides")
    rule = models.ForeignKey(Rule, on_delete=models.PROTECT, related_name="overrides")
    reason = models.TextField(_("lý do xét ngoại lệ"))
    # What the rule said when it was overridden: a later change of the dossier that makes
    # the rule say something else needs a new decision.
    message = models.TextField(_("điều kiện không đạt"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["nomination_id", "at"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "rule"], name="override_unique")
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}/{self.rule_id}"


class NominationEvent(models.Model):
    """The dossier's history, never rewritten: each act, who did it, when and why."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16, choices=NominationAction.choices)
    status_from = models.CharField(max_length=16, blank=True)
    status_to = models.CharField(max_length=16, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["nomination_id", "id"]

    def __str__(self) -> str:
        return f"{self.nomination_id} {self.action}"


class Decision(models.Model):
    """A Quyết định khen thưởng (or công nhận danh hiệu): its issuer, the award it confers,
    its list, and its number from the issuer's register once signed."""

    TYPE_CODE = "QĐ"

    issuer = models.ForeignKey(
        Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="decisions"
    )
    award = models.ForeignKey(
        Award,
        verbose_name=_("danh hiệu, hình thức"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    cycle = models.ForeignKey(
        Cycle,
        verbose_name=_("đợt xét"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    subject = models.CharField(_("trích yếu"), max_length=500)
    basis = models.TextField(_("căn cứ"), blank=True)
    sign_mode = models.CharField(
        _("hình thức ký"),
        max_length=4,
        choices=SignMode.choices,
        default=SignMode.TM,
        blank=True,
    )
    sign_body = models.CharField(
        _("tập thể, người đứng đầu"), max_length=120, blank=True, default="BAN THƯỜNG VỤ"
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, default="CHỦ TỊCH")
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    default_amount = models.BigIntegerField(
        _("mức thưởng mỗi cá nhân (đồng)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=DecisionStatus.choices,
        default=DecisionStatus.DRAFT,
    )
    comment_from = models.DateTimeField(_("lấy ý kiến từ"), null=True, blank=True)
    comment_until = models.DateTimeField(_("lấy ý kiến đến"), null=True, blank=True)
    public_token = models.CharField(max_length=32, blank=True, db_index=True)
    register_entry = models.OneToOneField(
        "documents.RegisterEntry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision",
    )
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    symbol = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "quyết định khen thưởng")
        ordering = ["-signed_on", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "number"],
                condition=Q(number__isnull=False),
                name="decision_number_unique",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        if self.symbol:
            return f"Quyết định số {self.symbol}"
        return f"Dự thảo quyết định: {self.subject}"

    @property
    def is_issued(self) -> bool:
        return self.status in {DecisionStatus.SIGNED, DecisionStatus.PUBLISHED}

    def comment_open(self, now: Any = None) -> bool:
        now = now or timezone.now()
        return (
            self.status == DecisionStatus.COMMENT
            and self.comment_from is not None
            and self.comment_until is not None
            and self.comment_from <= now < self.comment_until
        )


class DecisionLine(models.Model):
    """One person or collective in the decision's list: the award they hold from it."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="lines")
    order = models.PositiveIntegerField(default=0)
    nomination = models.OneToOneField(
        Nomination, null=True, blank=True, on_delete=models.PROTECT, related_name="decision_line"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="award_lines"
    )
    collective = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="award_lines"
    )
    # What the decision says, as it said it: names and positions change, the decision does not.
    name = models.CharField(_("họ và tên, tên tập thể"), max_length=255)
    position = models.CharField(_("chức vụ, đơn vị"), max_length=400, blank=True)
    group = models.CharField(_("nhóm"), max_length=500, blank=True)
    achievement = models.TextField(_("thành tích"), blank=True)
    amount = models.BigIntegerField(
        _("tiền thưởng (đồng)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    sort_key = models.CharField(max_length=400, blank=True)
    name_folded = models.CharField(max_length=255, blank=True, db_index=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoke_reason = models.TextField(_("lý do thu hồi"), blank=True)
    revoke_basis = models.CharField(_("căn cứ thu hồi"), max_length=255, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("người, tập thể được khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "người, tập thể được khen thưởng")
        ordering = ["decision_id", "order", "sort_key", "id"]
        indexes = [models.Index(fields=["person"], name="line_person_idx")]

    def __str__(self) -> str:
        return self.name

    def set_derived_fields(self) -> None:
        """Sort key (by given name, Vietnamese order) and diacritic-free search key."""
        self.sort_key = name_sort_key(self.name)
        self.name_folded = fold(self.name)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_collective(self) -> bool:
        """A collective's line: one naming a unit, or one from a collective's dossier."""
        if self.collective_id is not None:
            return True
        return self.nomination is not None and self.nomination.person_id is None


class Comment(models.Model):
    """An opinion sent on a decision's list while it is published for comment."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="comments")
    author = models.CharField(_("họ tên người góp ý"), max_length=120)
    contact = models.CharField(_("điện thoại hoặc thư điện tử"), max_length=120, blank=True)
    body = models.TextField(_("nội dung góp ý"))
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["decision_id", "at"]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"
