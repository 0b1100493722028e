"""The words of commendation work, kept apart as the law keeps them (DOMAIN.md §3)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardKind(models.TextChoices):
    """A title (danh hiệu thi đua) is conferred for a year's emulation; a form (hình thức
    khen thưởng) is an award given for an achievement. Law 06/2022 never mixes them."""

    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class Recipient(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    BOTH = "both", _("Cá nhân và tập thể")


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã nộp, chờ thẩm định")
    RETURNED = "returned", _("Trả lại để bổ sung")
    ACCEPTED = "accepted", _("Hồ sơ hợp lệ")
    REJECTED = "rejected", _("Không xét")
    WITHDRAWN = "withdrawn", _("Đã rút")
    AWARDED = "awarded", _("Đã khen thưởng")
    REVOKED = "revoked", _("Đã thu hồi khen thưởng")


class NominationAction(models.TextChoices):
    CREATE = "create", _("Lập hồ sơ")
    UPDATE = "update", _("Sửa hồ sơ")
    DOCUMENT = "document", _("Đính kèm tài liệu")
    SUBMIT = "submit", _("Nộp hồ sơ")
    LATE = "late", _("Nộp quá hạn, bị từ chối")
    RETURN = "return", _("Trả lại để bổ sung")
    ACCEPT = "accept", _("Tiếp nhận, hồ sơ hợp lệ")
    REJECT = "reject", _("Không xét")
    WITHDRAW = "withdraw", _("Rút hồ sơ")
    OVERRIDE = "override", _("Xét ngoại lệ điều kiện")
    AWARD = "award", _("Được khen thưởng")
    REVOKE = "revoke", _("Bị thu hồi khen thưởng")


class DocumentKind(models.TextChoices):
    """The papers of a dossier (Luật TĐKT 2022, Điều 84, and the unions' own guidance)."""

    TO_TRINH = "to_trinh", _("Tờ trình đề nghị khen thưởng")
    BAO_CAO = "bao_cao", _("Báo cáo thành tích")
    BIEN_BAN = "bien_ban", _("Biên bản họp xét")
    GIAY_CHUNG_NHAN_GIAI = "chung_nhan_giai", _("Giấy chứng nhận giải thưởng")
    CONG_NHAN_SANG_KIEN = "cong_nhan_sang_kien", _("Quyết định công nhận sáng kiến")
    XAC_NHAN_LAM_LOI = "xac_nhan_lam_loi", _("Xác nhận giá trị làm lợi")
    KHAC = "khac", _("Tài liệu khác")


class AchievementField(models.TextChoices):
    """The structured facts a category may ask for."""

    INITIATIVE = "initiative", _("Sáng kiến")
    CONTEST = "contest", _("Cuộc thi, hội thi")
    CONTEST_LEVEL = "contest_level", _("Cấp tổ chức cuộc thi")
    PRIZE = "prize", _("Giải đạt được")
    YEAR = "year", _("Năm đạt thành tích")
    BENEFIT_THREE_YEARS = "benefit_three_years", _("Giá trị làm lợi 3 năm liên tiếp")


class ContestLevel(models.TextChoices):
    NATIONAL = "national", _("Toàn quốc")
    PROVINCE = "province", _("Tỉnh, thành phố")
    SECTOR = "sector", _("Ngành, cấp tỉnh")
    DISTRICT = "district", _("Huyện, xã, cấp trên cơ sở")
    GRASSROOTS = "grassroots", _("Cơ sở")


class Prize(models.TextChoices):
    SPECIAL = "special", _("Giải Đặc biệt")
    FIRST = "first", _("Giải Nhất")
    SECOND = "second", _("Giải Nhì")
    THIRD = "third", _("Giải Ba")
    CONSOLATION = "consolation", _("Giải Khuyến khích")
    PARTICIPATION = "participation", _("Tham gia, không đạt giải")


class RuleKind(models.TextChoices):
    BENEFIT_THRESHOLD = "benefit_threshold", _("Mức giá trị làm lợi theo đối tượng")
    ONE_AWARD = "one_award", _("Một thành tích chỉ khen một lần")
    DATE_WINDOW = "date_window", _("Thành tích trong khoảng thời gian")
    PRIZE_LEVEL = "prize_level", _("Giải đạt được theo cấp")
    UNION_MEMBER = "union_member", _("Là đoàn viên công đoàn")
    INITIATIVE_RECOGNISED = "initiative_recognised", _("Sáng kiến đã được công nhận")


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    COMMENT = "comment", _("Đang lấy ý kiến công khai")
    SIGNED = "signed", _("Đã ký, đã cấp số")
    PUBLISHED = "published", _("Đã công bố")


class SignMode(models.TextChoices):
    """How the signer signs (Nghị định 30/2020, Điều 13)."""

    TM = "TM.", _("TM. (thay mặt tập thể)")
    KT = "KT.", _("KT. (ký thay người đứng đầu)")
    TL = "TL.", _("TL. (thừa lệnh)")
    DIRECT = "", _("Người đứng đầu ký trực tiếp")
