from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tier(models.IntegerChoices):
    """Where a kind of unit sits; used for defaults and labels, never to limit depth."""

    CENTRAL = 0, _("Trung ương")
    PROVINCE = 1, _("Cấp tỉnh, ngành trung ương")
    UPPER = 2, _("Cấp trên trực tiếp cơ sở")
    GRASSROOTS = 3, _("Cơ sở")


class UnitKind(models.TextChoices):
    TLD = "tld", _("Tổng Liên đoàn Lao động Việt Nam")
    LDLD_TINH = "ldld_tinh", _("Liên đoàn Lao động tỉnh, thành phố")
    CD_NGANH_TW = "cd_nganh_tw", _("Công đoàn ngành trung ương và tương đương")
    LDLD_HUYEN = "ldld_huyen", _("Liên đoàn Lao động quận, huyện, thị xã")
    CD_NGANH_DP = "cd_nganh_dp", _("Công đoàn ngành địa phương")
    CD_KCN = "cd_kcn", _("Công đoàn các khu công nghiệp, khu kinh tế")
    CD_XA_PHUONG = "cd_xa_phuong", _("Công đoàn xã, phường, đặc khu")
    CD_TONG_CONG_TY = "cd_tong_cong_ty", _("Công đoàn tổng công ty")
    CD_CAP_TREN_KHAC = "cd_cap_tren_khac", _("Công đoàn cấp trên trực tiếp cơ sở khác")
    CDCS = "cdcs", _("Công đoàn cơ sở")

    @property
    def tier(self) -> Tier:
        return KIND_TIER[self]


KIND_TIER: dict[str, Tier] = {
    UnitKind.TLD: Tier.CENTRAL,
    UnitKind.LDLD_TINH: Tier.PROVINCE,
    UnitKind.CD_NGANH_TW: Tier.PROVINCE,
    UnitKind.LDLD_HUYEN: Tier.UPPER,
    UnitKind.CD_NGANH_DP: Tier.UPPER,
    UnitKind.CD_KCN: Tier.UPPER,
    UnitKind.CD_XA_PHUONG: Tier.UPPER,
    UnitKind.CD_TONG_CONG_TY: Tier.UPPER,
    UnitKind.CD_CAP_TREN_KHAC: Tier.UPPER,
    UnitKind.CDCS: Tier.GRASSROOTS,
}


class UnitEnd(models.TextChoices):
    ACTIVE = "", _("Đang hoạt động")
    DISSOLVED = "dissolved", _("Giải thể, chấm dứt hoạt động")
    MERGED = "merged", _("Sáp nhập vào đơn vị khác")


class Gender(models.TextChoices):
    MALE = "nam", _("Nam")
    FEMALE = "nu", _("Nữ")


class EducationLevel(models.TextChoices):
    PHO_THONG = "pho_thong", _("Phổ thông")
    SO_CAP = "so_cap", _("Sơ cấp")
    TRUNG_CAP = "trung_cap", _("Trung cấp")
    CAO_DANG = "cao_dang", _("Cao đẳng")
    DAI_HOC = "dai_hoc", _("Đại học")
    THAC_SI = "thac_si", _("Thạc sĩ")
    TIEN_SI = "tien_si", _("Tiến sĩ")


class MemberCategory(models.TextChoices):
    """The groups the Bằng Lao động sáng tạo thresholds are set for (DOMAIN.md §2)."""

    WORKER = (
        "worker",
        _("Công nhân, người lao động (cao đẳng trở xuống, không giữ chức vụ quản lý)"),
    )
    PROFESSIONAL = (
        "professional",
        _("Cán bộ, viên chức trình độ đại học trở lên, không giữ chức vụ"),
    )
    MANAGER = "manager", _("Cán bộ quản lý, lãnh đạo")


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    OFFICER = "officer", _("Cán bộ thi đua – khen thưởng")
    LEADER = "leader", _("Lãnh đạo (ký văn bản)")
    GRASSROOTS = "grassroots", _("Cán bộ công đoàn cơ sở")
    COUNCIL = "council", _("Thành viên hội đồng xét duyệt")
    VIEWER = "viewer", _("Chỉ xem")
