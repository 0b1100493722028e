"""Workplaces, their jobs, and the demo's constants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from thidua.orgs.enums import EducationLevel

DEMO_SEED = 20240612  # the date of Kế hoạch 35/KH-LĐLĐ
DEMO_PASSWORD = "thidua2024"  # noqa: S105 (a demo password, printed for everyone on purpose)
ROOT_CODE = "TLD"
RESTRUCTURE_ON = dt.date(2025, 7, 1)
DISSOLVE_REASON = (
    "Thực hiện Công văn số 4173/TLĐ-ToC ngày 28/5/2025 của Tổng Liên đoàn Lao động Việt Nam: "
    "kết thúc hoạt động công đoàn cấp huyện; các công đoàn cơ sở chuyển về công đoàn xã."
)
MOVE_REASON = (
    "Sắp xếp tổ chức công đoàn theo Công văn số 4173/TLĐ-ToC ngày 28/5/2025: công đoàn cơ sở "
    "chuyển từ Liên đoàn Lao động huyện An Lão về công đoàn xã."
)
MERGE_REASON = (
    "Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh (tỉnh Kiên Giang nhập "
    "vào tỉnh An Giang) và Công văn số 4173/TLĐ-ToC ngày 28/5/2025 của Tổng Liên đoàn."
)
UPPER_ESTABLISHED = dt.date(2000, 1, 1)  # upper levels: a conventional date, not their history

E = EducationLevel
UNIVERSITY = {E.DAI_HOC, E.THAC_SI, E.TIEN_SI}


class _Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


# ---------------------------------------------------------------------------------------------
# Workplaces: who works in a grassroots unit of each type


@dataclass(frozen=True)
class Job:
    title: str
    weight: int
    education: tuple[str, ...]  # drawn uniformly; repeat a level to make it likelier
    female_share: float | None = None  # None: the workplace's share
    manager: bool = False


@dataclass(frozen=True)
class Workplace:
    female_share: float
    head: Job
    jobs: tuple[Job, ...]
    chair_education: tuple[str, ...] = (E.DAI_HOC, E.DAI_HOC, E.CAO_DANG)


def _head(title: str, *education: str, female_share: float = 0.3) -> Job:
    """The head of a workplace; fewer women than among the staff, as in most workplaces."""
    education = education or (E.DAI_HOC, E.DAI_HOC, E.THAC_SI)
    return Job(title, 1, education, female_share=female_share, manager=True)


_ACCOUNTANT = Job("Kế toán", 1, (E.CAO_DANG, E.DAI_HOC, E.DAI_HOC), female_share=0.8)

FACTORY = Workplace(
    female_share=0.3,
    head=_head("Giám đốc"),
    chair_education=(E.TRUNG_CAP, E.CAO_DANG, E.DAI_HOC),
    jobs=(
        Job("Công nhân", 10, (E.PHO_THONG, E.PHO_THONG, E.SO_CAP, E.TRUNG_CAP)),
        Job("Công nhân vận hành máy", 4, (E.SO_CAP, E.TRUNG_CAP)),
        Job("Tổ trưởng sản xuất", 2, (E.TRUNG_CAP, E.CAO_DANG)),
        Job("Kỹ sư", 3, (E.DAI_HOC,)),
        Job("Quản đốc phân xưởng", 1, (E.CAO_DANG, E.DAI_HOC), manager=True),
        _ACCOUNTANT,
        Job("Nhân viên kinh doanh", 1, (E.CAO_DANG, E.DAI_HOC)),
        Job("Thủ kho", 1, (E.TRUNG_CAP, E.CAO_DANG)),
    ),
)
GARMENT = Workplace(
    female_share=0.85,
    head=_head("Giám đốc"),
    chair_education=(E.TRUNG_CAP, E.CAO_DANG, E.DAI_HOC),
    jobs=(
        Job("Công nhân may", 12, (E.PHO_THONG, E.PHO_THONG, E.SO_CAP)),
        Job("Tổ trưởng sản xuất", 2, (E.TRUNG_CAP, E.CAO_DANG)),
        Job("Nhân viên kiểm tra chất lượng", 2, (E.TRUNG_CAP, E.CAO_DANG)),
        Job("Quản đốc phân xưởng", 1, (E.CAO_DANG, E.DAI_HOC), manager=True),
        _ACCOUNTANT,
    ),
)
SEAFOOD = Workplace(
    female_share=0.7,
    head=_head("Giám đốc"),
    chair_education=(E.TRUNG_CAP, E.CAO_DANG, E.DAI_HOC),
    jobs=(
        Job("Công nhân chế biến", 12, (E.PHO_THONG, E.PHO_THONG, E.SO_CAP)),
        Job("Tổ trưởng sản xuất", 2, (E.TRUNG_CAP, E.CAO_DANG)),
        Job("Kỹ sư", 2, (E.DAI_HOC,)),
        Job("Nhân viên kiểm tra chất lượng", 2, (E.TRUNG_CAP, E.CAO_DANG)),
        Job("Quản đốc phân xưởng", 1, (E.CAO_DANG, E.DAI_HOC), manager=True),
        _ACCOUNTANT,
    ),
)
ENGINEERING = Workplace(
    female_share=0.25,
    head=_head("Giám đốc", E.DAI_HOC, E.THAC_SI, E.THAC_SI, E.TIEN_SI),
    chair_education=(E.DAI_HOC, E.DAI_HOC, E.THAC_SI),
    jobs=(
        Job("Kỹ sư", 8, (E.DAI_HOC, E.DAI_HOC, E.THAC_SI)),
        Job("Công nhân vận hành", 5, (E.TRUNG_CAP, E.CAO_DANG)),
        Job("Chuyên viên", 3, (E.DAI_HOC, E.THAC_SI)),
        Job("Trưởng phòng", 1, (E.DAI_HOC, E.THAC_SI), manager=True),
        _ACCOUNTANT,
    ),
)
HOTEL = Workplace(
    female_share=0.55,
    head=_head("Giám đốc"),
    jobs=(
        Job("Lễ tân", 3, (E.CAO_DANG, E.DAI_HOC), female_share=0.8),
        Job("Nhân viên buồng phòng", 4, (E.PHO_THONG, E.SO_CAP, E.TRUNG_CAP), female_share=0.8),
        Job("Đầu bếp", 2, (E.TRUNG_CAP, E.CAO_DANG), female_share=0.3),
        Job("Nhân viên bảo trì", 1, (E.TRUNG_CAP,), female_share=0.0),
        _ACCOUNTANT,
    ),
)
SCHOOL = Workplace(
    female_share=0.7,
    head=_head("Hiệu trưởng", female_share=0.55),
    chair_education=(E.DAI_HOC, E.DAI_HOC, E.THAC_SI),
    jobs=(
        Job("Giáo viên", 12, (E.DAI_HOC, E.DAI_HOC, E.DAI_HOC, E.DAI_HOC, E.THAC_SI, E.CAO_DANG)),
        Job("Phó Hiệu trưởng", 1, (E.DAI_HOC, E.THAC_SI), manager=True),
        _ACCOUNTANT,
        Job("Nhân viên văn thư", 1, (E.TRUNG_CAP, E.CAO_DANG)),
        Job("Nhân viên thư viện", 1, (E.TRUNG_CAP, E.CAO_DANG)),
    ),
)
PRESCHOOL = Workplace(
    female_share=0.97,
    head=_head("Hiệu trưởng", E.DAI_HOC, female_share=0.95),
    chair_education=(E.CAO_DANG, E.DAI_HOC),
    jobs=(
        Job("Giáo viên", 10, (E.TRUNG_CAP, E.CAO_DANG, E.CAO_DANG, E.DAI_HOC)),
        Job("Phó Hiệu trưởng", 1, (E.DAI_HOC,), manager=True),
        Job("Nhân viên nấu ăn", 2, (E.PHO_THONG, E.SO_CAP)),
        _ACCOUNTANT,
    ),
)
COLLEGE = Workplace(
    female_share=0.55,
    head=_head("Hiệu trưởng", E.THAC_SI, E.TIEN_SI),
    chair_education=(E.THAC_SI, E.THAC_SI, E.TIEN_SI),
    jobs=(
        Job("Giảng viên", 10, (E.DAI_HOC, E.THAC_SI, E.THAC_SI, E.THAC_SI, E.TIEN_SI)),
        Job("Trưởng khoa", 1, (E.THAC_SI, E.TIEN_SI), manager=True),
        Job("Chuyên viên", 2, (E.DAI_HOC, E.THAC_SI)),
        _ACCOUNTANT,
    ),
)
HOSPITAL = Workplace(
    female_share=0.65,
    head=_head("Giám đốc", E.THAC_SI, E.THAC_SI, E.TIEN_SI),
    jobs=(
        Job("Bác sĩ", 5, (E.DAI_HOC, E.DAI_HOC, E.THAC_SI)),
        Job("Điều dưỡng", 6, (E.TRUNG_CAP, E.CAO_DANG, E.DAI_HOC), female_share=0.85),
        Job("Dược sĩ", 2, (E.TRUNG_CAP, E.DAI_HOC)),
        Job("Kỹ thuật viên xét nghiệm", 1, (E.CAO_DANG, E.DAI_HOC)),
        Job("Trưởng khoa", 1, (E.DAI_HOC, E.THAC_SI), manager=True),
        Job("Hộ lý", 1, (E.PHO_THONG, E.SO_CAP), female_share=0.9),
    ),
)
HEALTH_STATION = Workplace(
    female_share=0.7,
    head=_head("Trưởng trạm", E.DAI_HOC, female_share=0.5),
    chair_education=(E.TRUNG_CAP, E.CAO_DANG, E.DAI_HOC),
    jobs=(
        Job("Y sĩ", 3, (E.TRUNG_CAP,)),
        Job("Điều dưỡng", 2, (E.TRUNG_CAP, E.CAO_DANG), female_share=0.85),
        Job("Nữ hộ sinh", 1, (E.TRUNG_CAP, E.CAO_DANG), female_share=1.0),
        Job("Dược sĩ", 1, (E.TRUNG_CAP,)),
    ),
)
COMMUNE_OFFICE = Workplace(
    female_share=0.45,
    head=_head("Chủ tịch Ủy ban nhân dân"),
    jobs=(
        Job("Phó Chủ tịch Ủy ban nhân dân", 1, (E.DAI_HOC,), manager=True),
        Job("Công chức Văn phòng – Thống kê", 2, (E.CAO_DANG, E.DAI_HOC)),
        Job("Công chức Tài chính – Kế toán", 1, (E.DAI_HOC,)),
        Job("Công chức Tư pháp – Hộ tịch", 1, (E.DAI_HOC,)),
        Job("Công chức Địa chính – Xây dựng", 2, (E.CAO_DANG, E.DAI_HOC)),
        Job("Công chức Văn hóa – Xã hội", 1, (E.DAI_HOC,)),
    ),
)
OFFICE = Workplace(
    female_share=0.5,
    head=_head("Giám đốc"),
    jobs=(
        Job("Chuyên viên", 6, (E.DAI_HOC, E.DAI_HOC, E.THAC_SI)),
        Job("Trưởng phòng", 1, (E.DAI_HOC, E.THAC_SI), manager=True),
        Job("Phó Trưởng phòng", 1, (E.DAI_HOC, E.THAC_SI), manager=True),
        _ACCOUNTANT,
        Job("Văn thư", 1, (E.TRUNG_CAP, E.CAO_DANG), female_share=0.8),
        Job("Nhân viên lái xe", 1, (E.PHO_THONG, E.SO_CAP), female_share=0.0),
    ),
)
BANK = Workplace(
    female_share=0.6,
    head=_head("Giám đốc chi nhánh"),
    jobs=(
        Job("Cán bộ tín dụng", 5, (E.DAI_HOC,)),
        Job("Giao dịch viên", 4, (E.DAI_HOC,), female_share=0.75),
        Job("Trưởng phòng", 1, (E.DAI_HOC, E.THAC_SI), manager=True),
        _ACCOUNTANT,
        Job("Bảo vệ", 1, (E.PHO_THONG,), female_share=0.0),
    ),
)
UNION_OFFICE = Workplace(
    female_share=0.5,
    head=_head("Chủ tịch"),
    jobs=(
        Job("Phó Chủ tịch", 2, (E.DAI_HOC, E.THAC_SI), manager=True),
        Job("Trưởng Ban Tổ chức", 1, (E.DAI_HOC, E.THAC_SI), manager=True),
        Job("Chuyên viên Ban Tuyên giáo", 2, (E.DAI_HOC,)),
        Job("Chuyên viên Văn phòng", 1, (E.DAI_HOC,)),
        _ACCOUNTANT,
    ),
)
# The national federation's own staff: no head, no deputies (those are public figures).
TLD_OFFICE = Workplace(
    female_share=0.5,
    head=_head("Chủ tịch"),
    jobs=(
        Job("Chuyên viên Ban Tuyên giáo", 1, (E.DAI_HOC, E.THAC_SI)),
        Job("Chuyên viên Ban Tổ chức", 1, (E.DAI_HOC, E.THAC_SI)),
        Job("Chuyên viên Văn phòng", 1, (E.DAI_HOC,)),
    ),
)
