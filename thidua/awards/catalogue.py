"""The built-in catalogue and the seed's categories: plain data, loaded by a migration (the
catalogue) and by `cycle_open(preset=...)` (the categories).

Titles (danh hiệu) and forms (hình thức) as Law 06/2022 and the unions' reward regulation
(QĐ 999/QĐ-TLĐ, 2024) keep them; who may issue each is the tier of the union body whose
standing committee decides it.
"""

from __future__ import annotations

from typing import Any

from thidua.awards.enums import (
    AchievementField,
    AwardKind,
    ContestLevel,
    DocumentKind,
    Prize,
    Recipient,
    RuleKind,
)
from thidua.orgs.enums import Tier

CATALOGUE: list[dict[str, Any]] = [
    # Danh hiệu thi đua
    {"code": "lao-dong-tien-tien", "name": "Lao động tiên tiến", "kind": AwardKind.TITLE,
     "recipient": Recipient.INDIVIDUAL, "issuer_tiers": [Tier.GRASSROOTS, Tier.UPPER],
     "issuer_text": "Thủ trưởng cơ quan, đơn vị; công đoàn cơ sở, cấp trên trực tiếp cơ sở đối "
                    "với cán bộ công đoàn chuyên trách",
     "basis": "Luật Thi đua, khen thưởng 2022, Điều 26"},
    {"code": "lao-dong-gioi", "name": "Lao động giỏi", "kind": AwardKind.TITLE,
     "recipient": Recipient.INDIVIDUAL, "issuer_tiers": [Tier.UPPER, Tier.PROVINCE],
     "issuer_text": "Ban Thường vụ công đoàn cấp trên trực tiếp cơ sở, LĐLĐ tỉnh",
     "basis": "Phong trào thi đua “Lao động giỏi, Lao động sáng tạo”"},
    {"code": "chien-si-thi-dua-co-so", "name": "Chiến sĩ thi đua cơ sở", "kind": AwardKind.TITLE,
     "recipient": Recipient.INDIVIDUAL, "issuer_tiers": [Tier.UPPER, Tier.PROVINCE],
     "issuer_text": "Thủ trưởng cơ quan, đơn vị; Ban Thường vụ công đoàn cấp trên",
     "basis": "Luật Thi đua, khen thưởng 2022, Điều 24"},
    {"code": "tap-the-lao-dong-xuat-sac", "name": "Tập thể lao động xuất sắc",
     "kind": AwardKind.TITLE, "recipient": Recipient.COLLECTIVE,
     "issuer_tiers": [Tier.UPPER, Tier.PROVINCE],
     "issuer_text": "Ban Thường vụ công đoàn cấp trên, LĐLĐ tỉnh",
     "basis": "Luật Thi đua, khen thưởng 2022, Điều 27"},
    {"code": "co-thi-dua-ldld-tinh", "name": "Cờ thi đua của Liên đoàn Lao động tỉnh, thành phố",
     "short_name": "Cờ thi đua",
     "kind": AwardKind.TITLE, "recipient": Recipient.COLLECTIVE, "issuer_tiers": [Tier.PROVINCE],
     "issuer_text": "Ban Thường vụ LĐLĐ tỉnh, thành phố, công đoàn ngành trung ương",
     "basis": "Quy chế khen thưởng của tổ chức Công đoàn"},
    {"code": "co-thi-dua-tld", "name": "Cờ thi đua của Tổng Liên đoàn Lao động Việt Nam",
     "kind": AwardKind.TITLE, "recipient": Recipient.COLLECTIVE, "issuer_tiers": [Tier.CENTRAL],
     "issuer_text": "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
     "basis": "Quy chế khen thưởng của tổ chức Công đoàn"},
    # Hình thức khen thưởng
    {"code": "giay-khen", "name": "Giấy khen", "kind": AwardKind.FORM,
     "recipient": Recipient.BOTH, "issuer_tiers": [Tier.UPPER, Tier.GRASSROOTS],
     "issuer_text": "Ban Thường vụ công đoàn cấp trên trực tiếp cơ sở; Ban Chấp hành công đoàn "
                    "cơ sở theo quy chế",
     "basis": "Luật Thi đua, khen thưởng 2022, Điều 75"},
    {"code": "bang-khen-ldld-tinh",
     "name": "Bằng khen của Liên đoàn Lao động tỉnh, thành phố, công đoàn ngành trung ương",
     "short_name": "Bằng khen",
     "kind": AwardKind.FORM, "recipient": Recipient.BOTH, "issuer_tiers": [Tier.PROVINCE],
     "issuer_text": "Ban Thường vụ LĐLĐ tỉnh, thành phố, công đoàn ngành trung ương",
     "basis": "Quy chế khen thưởng của tổ chức Công đoàn"},
    {"code": "bang-khen-tld", "name": "Bằng khen của Tổng Liên đoàn Lao động Việt Nam",
     "kind": AwardKind.FORM, "recipient": Recipient.BOTH, "issuer_tiers": [Tier.CENTRAL],
     "issuer_text": "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
     "basis": "Quy chế khen thưởng của tổ chức Công đoàn"},
    {"code": "bang-lao-dong-sang-tao", "name": "Bằng Lao động sáng tạo", "kind": AwardKind.FORM,
     "recipient": Recipient.INDIVIDUAL, "issuer_tiers": [Tier.CENTRAL],
     "issuer_text": "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam (kèm Huy hiệu Lao động "
                    "sáng tạo)",
     "basis": "QĐ 1564/QĐ-TLĐ, Điều 16; QĐ 999/QĐ-TLĐ (2024)"},
    {"code": "ky-niem-chuong-cong-doan",
     "name": "Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”",
     "kind": AwardKind.FORM, "recipient": Recipient.INDIVIDUAL, "issuer_tiers": [Tier.CENTRAL],
     "issuer_text": "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
     "basis": "Quy chế khen thưởng của tổ chức Công đoàn"},
]  # fmt: skip


def an_lao_categories(achievement_year: int) -> list[dict[str, Any]]:
    """The five groups of Kế hoạch 35/KH-LĐLĐ (An Lão, 2024), for the year's achievements."""
    year_window = {"from": f"{achievement_year}-01-01", "to": f"{achievement_year}-12-31"}
    proof = [DocumentKind.TO_TRINH, DocumentKind.BAO_CAO, DocumentKind.GIAY_CHUNG_NHAN_GIAI]
    return [
        {
            "name": "Cá nhân có đề tài, giải pháp sáng kiến được đề nghị Tổng Liên đoàn Lao động "
            f"Việt Nam tặng Bằng Lao động sáng tạo năm {achievement_year}",
            "award": "bang-lao-dong-sang-tao",
            "achievement_fields": [AchievementField.INITIATIVE,
                                   AchievementField.BENEFIT_THREE_YEARS],
            "required_documents": [DocumentKind.TO_TRINH, DocumentKind.BAO_CAO,
                                   DocumentKind.CONG_NHAN_SANG_KIEN,
                                   DocumentKind.XAC_NHAN_LAM_LOI],
            "rules": [
                {"kind": RuleKind.UNION_MEMBER, "params": {}},
                {"kind": RuleKind.INITIATIVE_RECOGNISED, "params": {},
                 "basis": "Thông tư 18/2013/TT-BKHCN"},
                {"kind": RuleKind.BENEFIT_THRESHOLD,
                 "params": {"by_category": {"worker": 80_000_000, "professional": 150_000_000,
                                            "manager": 200_000_000},
                            "three_years": 120_000_000},
                 "basis": "QĐ 1564/QĐ-TLĐ, Điều 16"},
                {"kind": RuleKind.ONE_AWARD, "params": {},
                 "basis": "Luật Thi đua, khen thưởng 2022, Điều 6"},
            ],
        },
        {
            "name": "Cá nhân tham gia Hội thi sáng tạo kỹ thuật thành phố Hải Phòng lần thứ 2 "
            f"năm {achievement_year}",
            "award": "giay-khen",
            "achievement_fields": [AchievementField.CONTEST, AchievementField.PRIZE,
                                   AchievementField.YEAR, AchievementField.INITIATIVE],
            "required_documents": [DocumentKind.TO_TRINH, DocumentKind.BAO_CAO],
            "rules": [
                {"kind": RuleKind.UNION_MEMBER, "params": {}},
                {"kind": RuleKind.DATE_WINDOW, "params": year_window},
                {"kind": RuleKind.ONE_AWARD, "params": {}},
            ],
        },
        {
            "name": "Đoàn viên đạt giải Quốc gia, giải Nhất, Nhì cấp thành phố trong các cuộc "
            "thi do các ngành tổ chức",
            "award": "giay-khen",
            "achievement_fields": [AchievementField.CONTEST, AchievementField.CONTEST_LEVEL,
                                   AchievementField.PRIZE, AchievementField.YEAR],
            "required_documents": proof,
            "rules": [
                {"kind": RuleKind.UNION_MEMBER, "params": {}},
                {"kind": RuleKind.PRIZE_LEVEL,
                 "params": {"allowed": {ContestLevel.NATIONAL: ["*"],
                                        ContestLevel.PROVINCE: [Prize.FIRST, Prize.SECOND],
                                        ContestLevel.SECTOR: [Prize.FIRST, Prize.SECOND]}}},
                {"kind": RuleKind.DATE_WINDOW, "params": year_window},
                {"kind": RuleKind.ONE_AWARD, "params": {}},
            ],
        },
        {
            "name": f"Lao động giỏi tiêu biểu năm {achievement_year}",
            "award": "giay-khen",
            "achievement_fields": [],
            "required_documents": [DocumentKind.TO_TRINH, DocumentKind.BAO_CAO,
                                   DocumentKind.BIEN_BAN],
            "quota_per_unit": 2,
            "rules": [{"kind": RuleKind.UNION_MEMBER, "params": {}}],
        },
        {
            "name": f"Cán bộ công đoàn tiêu biểu năm {achievement_year}",
            "award": "giay-khen",
            "achievement_fields": [],
            "required_documents": [DocumentKind.TO_TRINH, DocumentKind.BAO_CAO,
                                   DocumentKind.BIEN_BAN],
            "quota_per_unit": 1,
            "rules": [{"kind": RuleKind.UNION_MEMBER, "params": {}}],
        },
    ]  # fmt: skip


PRESETS = {"an_lao": an_lao_categories}
