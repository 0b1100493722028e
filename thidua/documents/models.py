"""The issuing unit's document register (sổ đăng ký văn bản đi): one number sequence per
issuer, per document type code (QĐ, KH, TTr, …), per year, as Nghị định 30/2020 Điều 15
keeps it. A number once taken stays taken, even when the document is later revoked."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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
