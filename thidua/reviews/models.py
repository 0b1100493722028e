"""Review councils (Hội đồng xét duyệt sáng kiến): their rubric, members, who scores what,
the score sheets, declared conflicts of interest, and the slate the council votes on.

The arithmetic lives in pure modules (rubrics, scoring, assignment, selection); these models
hold what was decided and by whom, so every result can be justified afterwards."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.campaigns.models import Programme, ProgrammeField, ProgrammeLevel
from thidua.initiatives.models import Initiative
from thidua.orgs.models import Person, Unit
from thidua.reviews.enums import (
    AssignmentSource,
    AssignmentStatus,
    Basis,
    ConflictStatus,
    Correction,
    CouncilRole,
    CouncilStatus,
    Method,
    SheetStatus,
    SlateStatus,
    VoteMethod,
)
from thidua.reviews.rubrics import Band, CriterionSpec, GradeClass, RubricSpec


class Rubric(models.Model):
    """A programme's score sheet: criteria with bands, a pass mark and classes."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="rubrics")
    name = models.CharField(_("tên bộ tiêu chí"), max_length=200)
    description = models.TextField(_("ghi chú"), blank=True)
    preset = models.CharField(_("theo mẫu"), max_length=32, blank=True)
    pass_mark = models.DecimalField(
        _("điểm đạt tối thiểu"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    # [{"label": "A", "min_total": "85", "criterion_code": "tinh_moi", "criterion_min": 30}]
    classes = models.JSONField(_("xếp loại"), default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bộ tiêu chí chấm điểm")
        verbose_name_plural = pgettext_lazy("plural", "bộ tiêu chí chấm điểm")
        ordering = ["programme_id", "name"]

    def __str__(self) -> str:
        return self.name

    def spec(self) -> RubricSpec:
        """The rubric as plain data for the pure scoring functions."""
        rows = list(self.criteria.all())  # uses a prefetch when the caller made one
        return RubricSpec(
            name=self.name,
            description=self.description,
            criteria=tuple(row.spec() for row in rows),
            pass_mark=self.pass_mark,
            classes=tuple(
                GradeClass(
                    label=str(item["label"]),
                    min_total=Decimal(str(item["min_total"])),
                    criterion_code=item.get("criterion_code") or None,
                    criterion_min=item.get("criterion_min"),
                )
                for item in self.classes
            ),
        )


class Criterion(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    code = models.SlugField(_("mã tiêu chí"), max_length=32)
    name = models.CharField(_("tiêu chí"), max_length=200)
    description = models.TextField(_("mô tả"), blank=True)
    max_points = models.PositiveSmallIntegerField(_("điểm tối đa"))
    weight = models.DecimalField(
        _("trọng số"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    minimum = models.PositiveSmallIntegerField(_("điểm tối thiểu để đạt"), null=True, blank=True)
    counted = models.BooleanField(
        _("tính vào tổng điểm"),
        default=True,
        help_text=_("Bỏ chọn để tiêu chí chỉ hiện trên phiếu, không cộng vào tổng."),
    )
    needs_money_for_top_band = models.BooleanField(
        _("mức cao nhất cần giá trị làm lợi bằng tiền"), default=False
    )
    bands = models.JSONField(_("các mức điểm"), default=list, blank=True)  # [[low, high, label]]

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = pgettext_lazy("plural", "tiêu chí")
        ordering = ["rubric_id", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="criterion_code_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def spec(self) -> CriterionSpec:
        return CriterionSpec(
            code=self.code,
            name=self.name,
            description=self.description,
            max_points=self.max_points,
            weight=self.weight,
            minimum=self.minimum,
            counted=self.counted,
            needs_money_for_top_band=self.needs_money_for_top_band,
            bands=tuple(Band(int(low), int(high), str(label)) for low, high, label in self.bands),
        )


def threshold_text(numerator: int, denominator: int) -> str:
    """A vote threshold as the rules write it: "2/3", or "90%" for hundredths."""
    return f"{numerator}%" if denominator == 100 else f"{numerator}/{denominator}"


def _default_tie_breakers() -> list[str]:
    return ["benefit_value", "submitted_at"]


def _default_prizes() -> list[dict[str, Any]]:
    return [
        {"prize": "nhat", "count": 3},
        {"prize": "nhi", "count": 6},
        {"prize": "ba", "count": 10},
    ]


class Council(models.Model):
    """The council of one unit at one programme level."""

    level = models.ForeignKey(
        ProgrammeLevel,
        verbose_name=_("cấp xét"),
        on_delete=models.PROTECT,
        related_name="councils",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="councils"
    )
    name = models.CharField(_("tên hội đồng"), max_length=255)
    decision_number = models.CharField(
        _("quyết định thành lập số"),
        max_length=60,
        blank=True,
        help_text=_("Ví dụ: 45/QĐ-LĐLĐ"),
    )
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    rubric = models.ForeignKey(
        Rubric,
        verbose_name=_("bộ tiêu chí"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="councils",
    )
    status = models.CharField(
        _("tình trạng"), max_length=16, choices=CouncilStatus.choices, default=CouncilStatus.FORMING
    )
    reviewers_per_item = models.PositiveSmallIntegerField(
        _("số thành viên chấm mỗi sáng kiến"), default=3
    )
    load_cap = models.PositiveIntegerField(
        _("số sáng kiến tối đa mỗi thành viên"), null=True, blank=True
    )
    blind = models.BooleanField(
        _("chấm ẩn danh"),
        default=False,
        help_text=_("Thành viên chấm không thấy tên tác giả và đơn vị."),
    )
    deadline = models.DateTimeField(_("hạn chấm điểm"), null=True, blank=True)
    reopened_until = models.DateTimeField(_("mở lại chấm điểm đến"), null=True, blank=True)
    method = models.CharField(
        _("cách tổng hợp điểm"), max_length=16, choices=Method.choices, default=Method.MEAN
    )
    correction = models.CharField(
        _("hiệu chỉnh độ lệch người chấm"),
        max_length=16,
        choices=Correction.choices,
        default=Correction.OFFSET,
    )
    basis = models.CharField(
        _("xếp hạng theo"), max_length=16, choices=Basis.choices, default=Basis.CORRECTED
    )
    dispute_threshold = models.DecimalField(
        _("ngưỡng chênh lệch cần xem lại (điểm)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(20),
    )
    tie_breakers = models.JSONField(
        _("tiêu chí phân định khi bằng điểm"), default=_default_tie_breakers
    )
    vote_numerator = models.PositiveSmallIntegerField(default=2)
    vote_denominator = models.PositiveSmallIntegerField(default=3)
    # Selection rules (see selection.Rules): quota, per-field/per-unit limits, prizes, top N.
    quota_min = models.PositiveIntegerField(_("số đề xuất tối thiểu"), default=0)
    quota_max = models.PositiveIntegerField(_("số đề xuất tối đa"), null=True, blank=True)
    min_score = models.DecimalField(
        _("điểm tối thiểu để đề xuất"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    field_limits = models.JSONField(default=dict, blank=True)  # {"<field id>": [min, max|null]}
    unit_limits = models.JSONField(default=dict, blank=True)  # {"<unit id>": [min, max|null]}
    prizes = models.JSONField(_("giải thưởng"), default=_default_prizes, blank=True)
    top_n = models.PositiveSmallIntegerField(
        _("số sáng kiến giá trị làm lợi cao nhất đề nghị cấp trên"), default=0
    )
    media_min = models.PositiveSmallIntegerField(default=3)
    media_max = models.PositiveSmallIntegerField(default=5)
    media_min_fields = models.PositiveSmallIntegerField(default=3)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("hội đồng xét duyệt")
        verbose_name_plural = pgettext_lazy("plural", "hội đồng xét duyệt")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["level", "unit"], name="council_level_unit_unique"),
            models.CheckConstraint(
                condition=Q(vote_denominator__gt=0)
                & Q(vote_numerator__lte=models.F("vote_denominator")),
                name="council_vote_threshold_fraction",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def threshold_text(self) -> str:
        return threshold_text(self.vote_numerator, self.vote_denominator)


class CouncilMember(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.PROTECT,
        related_name="council_seats",
    )
    role = models.CharField(
        _("vai trò"), max_length=16, choices=CouncilRole.choices, default=CouncilRole.MEMBER
    )
    title = models.CharField(_("chức vụ, đơn vị công tác"), max_length=255, blank=True)
    fields = models.ManyToManyField(
        ProgrammeField, verbose_name=_("lĩnh vực chuyên môn"), blank=True, related_name="+"
    )
    load_cap = models.PositiveIntegerField(_("số sáng kiến tối đa"), null=True, blank=True)
    active = models.BooleanField(default=True)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = pgettext_lazy("plural", "thành viên hội đồng")
        ordering = ["council_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="council_member_unique")
        ]

    def __str__(self) -> str:
        return str(getattr(self.user, "full_name", "") or self.user)

    @property
    def name(self) -> str:
        return str(self)


class Conflict(models.Model):
    """A conflict of interest declared by a member, confirmed or rejected by the secretary.
    Authorship and same-union conflicts are not stored: they are read off the data each time."""

    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="conflicts")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("lý do"))
    status = models.CharField(
        max_length=16, choices=ConflictStatus.choices, default=ConflictStatus.DECLARED
    )
    declared_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("ghi chú của thư ký"), blank=True)

    class Meta:
        verbose_name = _("xung đột lợi ích")
        verbose_name_plural = pgettext_lazy("plural", "xung đột lợi ích")
        ordering = ["-declared_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "initiative"], name="conflict_unique")
        ]

    def __str__(self) -> str:
        return f"{self.member} – {self.initiative_id}"


class Assignment(models.Model):
    """One member to score one initiative. Never deleted: reassigning ends it with a reason."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="assignments")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="assignments")
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="review_assignments"
    )
    status = models.CharField(
        max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.ACTIVE
    )
    source = models.CharField(
        max_length=16, choices=AssignmentSource.choices, default=AssignmentSource.MANUAL
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("phân công chấm")
        verbose_name_plural = pgettext_lazy("plural", "phân công chấm")
        ordering = ["council_id", "initiative_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "initiative"],
                condition=Q(status="active"),
                name="assignment_active_unique",
            )
        ]
        indexes = [models.Index(fields=["council", "status"], name="assignment_council_idx")]

    def __str__(self) -> str:
        return f"{self.member} → {self.initiative_id}"


class ScoreSheet(models.Model):
    """A member's points for one initiative: {criterion code: points}."""

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="sheet")
    points = models.JSONField(default=dict)
    notes = models.JSONField(default=dict, blank=True)  # {criterion code: comment}
    comment = models.TextField(_("nhận xét"), blank=True)
    total = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal(0))
    status = models.CharField(max_length=16, choices=SheetStatus.choices, default=SheetStatus.DRAFT)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("phiếu chấm")
        verbose_name_plural = pgettext_lazy("plural", "phiếu chấm")

    def __str__(self) -> str:
        return f"{self.assignment}: {self.total}"


class Slate(models.Model):
    """A proposal for the council's result: who is in, the prizes, the top N, the media
    shortlist, with a reason for every initiative. The council amends it and votes."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="slates")
    number = models.PositiveSmallIntegerField(_("lần đề xuất"))
    basis = models.CharField(max_length=16, choices=Basis.choices)
    status = models.CharField(max_length=16, choices=SlateStatus.choices, default=SlateStatus.DRAFT)
    rules = models.JSONField(default=dict)  # the council's rules at the time, as used
    problems = models.JSONField(default=list, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("đề xuất kết quả")
        verbose_name_plural = pgettext_lazy("plural", "đề xuất kết quả")
        ordering = ["council_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["council", "number"], name="slate_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.council} – {self.number}"


class SlateLine(models.Model):
    slate = models.ForeignKey(Slate, on_delete=models.CASCADE, related_name="lines")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveIntegerField()
    raw_rank = models.PositiveIntegerField(null=True, blank=True)
    corrected_rank = models.PositiveIntegerField(null=True, blank=True)
    raw = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    corrected = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    sheets = models.PositiveSmallIntegerField(default=0)
    grade = models.CharField(max_length=16, blank=True)
    selected = models.BooleanField(default=False)
    prize = models.CharField(max_length=8, blank=True)
    top = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    proposed_selected = models.BooleanField(default=False)
    proposed_prize = models.CharField(max_length=8, blank=True)
    amend_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["slate_id", "rank", "id"]
        constraints = [
            models.UniqueConstraint(fields=["slate", "initiative"], name="slate_line_unique")
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.initiative_id}"

    @property
    def amended(self) -> bool:
        return self.selected != self.proposed_selected or self.prize != self.proposed_prize


class MediaPick(models.Model):
    slate = models.ForeignKey(Slate, on_delete=models.CASCADE, related_name="media")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    field = models.ForeignKey(ProgrammeField, on_delete=models.PROTECT, related_name="+")
    initiative_ids = models.JSONField(default=list)
    reason = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["slate_id", "order"]

    def __str__(self) -> str:
        return str(self.person)


class Vote(models.Model):
    """The council's vote on a slate, with the counts the minutes (biên bản) need."""

    slate = models.ForeignKey(Slate, on_delete=models.CASCADE, related_name="votes")
    method = models.CharField(_("hình thức biểu quyết"), max_length=16, choices=VoteMethod.choices)
    members_total = models.PositiveSmallIntegerField(_("tổng số thành viên"))
    present = models.ManyToManyField(CouncilMember, verbose_name=_("có mặt"), related_name="+")
    in_favour = models.PositiveSmallIntegerField(_("đồng ý"))
    against = models.PositiveSmallIntegerField(_("không đồng ý"))
    abstain = models.PositiveSmallIntegerField(_("không biểu quyết"), default=0)
    threshold_numerator = models.PositiveSmallIntegerField()
    threshold_denominator = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    note = models.TextField(_("ghi chú, ý kiến khác"), blank=True)
    place = models.CharField(_("địa điểm họp"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    held_at = models.DateTimeField(_("thời gian họp"), default=timezone.now)

    class Meta:
        verbose_name = _("biểu quyết")
        verbose_name_plural = pgettext_lazy("plural", "biểu quyết")
        ordering = ["slate_id", "held_at", "id"]

    def __str__(self) -> str:
        return f"{self.slate}: {self.in_favour}/{self.members_total}"

    @property
    def threshold_text(self) -> str:
        return threshold_text(self.threshold_numerator, self.threshold_denominator)
