"""The organisation tree, its people, and the accounts that act on them.

A Unit is an identity (code, names, kind). Where it sits in the tree is a separate,
effective-dated fact: UnitPlacement rows, each valid on [valid_from, valid_to), each
carrying the materialised path of the unit for that period. "The tree on date D" is the
set of placements valid on D; a subtree is a prefix of their path. See
docs/decisions/0002-organisation-tree.md.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.common.vietnamese import fold, name_sort_key
from thidua.orgs.enums import (
    KIND_TIER,
    EducationLevel,
    Gender,
    MemberCategory,
    Role,
    Tier,
    UnitEnd,
    UnitKind,
)

PATH_SEGMENT_WIDTH = 6  # base-36 digits: room for 2,176,782,335 units


def path_segment(unit_id: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    number = unit_id
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(PATH_SEGMENT_WIDTH, "0") + "/"


code_validator = RegexValidator(
    r"^[A-Za-z0-9._-]+$", _("Mã chỉ gồm chữ không dấu, chữ số và các dấu . _ -")
)


class Unit(models.Model):
    code = models.CharField(_("mã đơn vị"), max_length=32, unique=True, validators=[code_validator])
    name = models.CharField(_("tên đầy đủ"), max_length=255)
    short_name = models.CharField(
        _("tên viết tắt trong văn bản"),
        max_length=64,
        blank=True,
        help_text=_("Ví dụ: LĐLĐ, CĐCS; dùng trong số, ký hiệu văn bản."),
    )
    place_name = models.CharField(
        _("địa danh"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: An Lão; dùng ở dòng địa danh, ngày tháng."),
    )
    kind = models.CharField(_("loại đơn vị"), max_length=32, choices=UnitKind.choices)
    established_on = models.DateField(_("ngày thành lập"), default=dt.date(1929, 7, 28))
    ended_on = models.DateField(_("ngày chấm dứt hoạt động"), null=True, blank=True)
    end_kind = models.CharField(
        _("tình trạng"), max_length=16, choices=UnitEnd.choices, blank=True, default=UnitEnd.ACTIVE
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("sáp nhập vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_units",
    )
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "đơn vị")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.set_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:  # type: ignore[operator]
            kwargs["update_fields"] = {*update_fields, "name_folded"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def set_derived_fields(self) -> None:
        """Search key; bulk paths (import, benchmark) call this since they bypass save()."""
        self.name_folded = fold(f"{self.name} {self.code}")

    @property
    def tier(self) -> Tier:
        return KIND_TIER[self.kind]

    @property
    def is_grassroots(self) -> bool:
        return self.tier == Tier.GRASSROOTS

    def is_active_on(self, day: dt.date) -> bool:
        return self.established_on <= day and (self.ended_on is None or day < self.ended_on)


class PlacementQuerySet(models.QuerySet["UnitPlacement"]):
    def on(self, day: dt.date) -> PlacementQuerySet:
        """The placements in force on `day`: the tree as it stood that day."""
        return self.filter(valid_from__lte=day).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=day)
        )

    def under(self, path: str) -> PlacementQuerySet:
        return self.filter(path__startswith=path)


class UnitPlacement(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="placements")
    parent = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="child_placements"
    )
    path = models.CharField(max_length=255)
    depth = models.PositiveSmallIntegerField()
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("vị trí trong cây tổ chức")
        verbose_name_plural = pgettext_lazy("plural", "vị trí trong cây tổ chức")
        ordering = ["unit_id", "valid_from"]
        indexes = [
            # Prefix scans (LIKE 'path%') must use an index on PostgreSQL whatever the
            # database collation; opclasses are ignored on SQLite, whose LIKE on an ASCII
            # column uses the plain index.
            models.Index(
                fields=["path"], name="placement_path_idx", opclasses=["varchar_pattern_ops"]
            ),
            models.Index(fields=["unit", "valid_from"], name="placement_unit_idx"),
            models.Index(fields=["parent", "valid_from"], name="placement_parent_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="placement_period_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}@{self.path} [{self.valid_from} – {self.valid_to or '…'})"


class Person(models.Model):
    full_name = models.CharField(_("họ và tên"), max_length=120)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    position = models.CharField(_("chức vụ"), max_length=160, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people"
    )
    education_level = models.CharField(
        _("trình độ"), max_length=16, choices=EducationLevel.choices, blank=True
    )
    member_category = models.CharField(
        _("đối tượng"), max_length=16, choices=MemberCategory.choices, default=MemberCategory.WORKER
    )
    is_union_member = models.BooleanField(_("là đoàn viên công đoàn"), default=True)
    publicity_consent = models.BooleanField(
        _("đồng ý cho tuyên truyền, đưa tin"),
        default=False,
        help_text=_("Người này đồng ý để tên và thành tích được đưa tin, làm phóng sự."),
    )
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    id_number = models.CharField(
        _("số định danh cá nhân (CCCD)"),
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^\d{12}$", _("Số CCCD gồm đúng 12 chữ số."))],
        help_text=_("Dữ liệu cá nhân: chỉ cán bộ thi đua và quản trị được xem."),
    )
    sort_key = models.CharField(max_length=400, editable=False, db_index=True)
    name_folded = models.CharField(max_length=120, editable=False, db_index=True)

    class Meta:
        verbose_name = _("người")
        verbose_name_plural = pgettext_lazy("plural", "người")
        ordering = ["sort_key", "id"]
        indexes = [models.Index(fields=["unit", "sort_key"], name="person_unit_sort_idx")]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.set_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "full_name" in update_fields:  # type: ignore[operator]
            kwargs["update_fields"] = {*update_fields, "sort_key", "name_folded"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def set_derived_fields(self) -> None:
        """Sort and search keys; bulk paths (import, benchmark) call this since they bypass
        save()."""
        self.full_name = " ".join(self.full_name.split())
        self.sort_key = name_sort_key(self.full_name)
        self.name_folded = fold(self.full_name)

    @property
    def given_name(self) -> str:
        return self.full_name.split()[-1] if self.full_name else ""


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=120, blank=True)
    person = models.OneToOneField(
        Person,
        verbose_name=_("hồ sơ cá nhân"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = pgettext_lazy("plural", "tài khoản")

    def __str__(self) -> str:
        return self.full_name or self.username


class Membership(models.Model):
    """A user's role at a unit; it reaches the unit's subtree."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vai trò tại đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "vai trò tại đơn vị")
        ordering = ["user_id", "unit_id", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"
