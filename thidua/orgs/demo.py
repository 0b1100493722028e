"""Demo data for `thidua demo` (`make demo`): a corner of the union tree, a few hundred people
and one login per role.

Modelled on the two seed documents: the An Lão district federation of Hải Phòng as it stood
when it issued Kế hoạch 35/KH-LĐLĐ (12/6/2024, signed by Phạm Thị Nga), and the Kiên Giang
provincial federation of the "75 nghìn sáng kiến" programme (2021). Then the 2025 restructure
(DOMAIN.md §2) is applied to part of the tree, effective 01/07/2025:

- the An Lão district federation ends: its grassroots unions move to two new commune unions
  under Hải Phòng, and it is dissolved (Công văn 4173/TLĐ-ToC);
- Kiên Giang province merges into An Giang: LĐLĐ tỉnh Kiên Giang is merged into LĐLĐ tỉnh An
  Giang, whose tree takes over Kiên Giang's units from that date.

The other district federations are left as they were: the demo shows the restructure, it does
not replay all of it. Apart from the seed's signer, every unit and person here is illustrative.

Deterministic: one random.Random(DEMO_SEED), consumed in a fixed order, so two loads produce
the same people. Everything is written through the orgs services, so it is audited like real
data (with no actor: the system).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

from django.db import transaction

from thidua.common.audit import audit_record
from thidua.common.models import AuditEntry
from thidua.common.vietnamese import fold
from thidua.orgs import services
from thidua.orgs.enums import EducationLevel, Gender, MemberCategory, Role, UnitKind
from thidua.orgs.models import Membership, Person, Unit, UnitPlacement, User

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
GRASSROOTS_CHAIR = "Chủ tịch Công đoàn cơ sở"


# ---------------------------------------------------------------------------------------------
# The tree as it stood in 2024


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    workplace: Workplace
    kind: str = UnitKind.CDCS
    short_name: str = ""
    place_name: str = ""  # empty: the parent's
    established_on: dt.date | None = None  # None: drawn at random, 2001–2023
    head: bool = True  # False: no head of the workplace among its people
    children: tuple[UnitSpec, ...] = ()


def _upper(
    code: str, name: str, kind: str, place: str, children: tuple[UnitSpec, ...], short: str = "LĐLĐ"
) -> UnitSpec:
    return UnitSpec(
        code=code,
        name=name,
        workplace=UNION_OFFICE,
        kind=kind,
        short_name=short,
        place_name=place,
        established_on=UPPER_ESTABLISHED,
        children=children,
    )


def _grassroots(prefix: str, *units: tuple[str, Workplace]) -> tuple[UnitSpec, ...]:
    return tuple(
        UnitSpec(code=f"{prefix}-{index:02d}", name=name, workplace=workplace, short_name="CĐCS")
        for index, (name, workplace) in enumerate(units, start=1)
    )


H, X = UnitKind.LDLD_HUYEN, UnitKind.CD_NGANH_DP

AN_LAO = _upper("HP-ANLAO", "Liên đoàn Lao động huyện An Lão", H, "An Lão", _grassroots(
    "HP-AL",
    ("Công đoàn Công ty TNHH Cơ khí An Lão", FACTORY),
    ("Công đoàn Trường THCS An Thắng", SCHOOL),
    ("Công đoàn Trường Tiểu học Trường Sơn", SCHOOL),
    ("Công đoàn Trường Mầm non Quang Trung", PRESCHOOL),
    ("Công đoàn Trường THPT An Lão", SCHOOL),
    ("Công đoàn Trung tâm Y tế huyện An Lão", HOSPITAL),
    ("Công đoàn Trạm Y tế xã An Thọ", HEALTH_STATION),
    ("Công đoàn Ủy ban nhân dân xã Tân Viên", COMMUNE_OFFICE),
    ("Công đoàn Công ty cổ phần Gạch ngói An Lão", FACTORY),
    ("Công đoàn Công ty TNHH May mặc Trường Thành", GARMENT),
    ("Công đoàn Công ty cổ phần Xây dựng và Thương mại Quốc Tuấn", FACTORY),
    ("Công đoàn Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn huyện An Lão", BANK),
))  # fmt: skip

HAI_PHONG = _upper("HP", "Liên đoàn Lao động thành phố Hải Phòng", UnitKind.LDLD_TINH, "Hải Phòng",
                   (
    AN_LAO,
    _upper("HP-KIENTHUY", "Liên đoàn Lao động huyện Kiến Thụy", H, "Kiến Thụy", _grassroots(
        "HP-KT",
        ("Công đoàn Trường THPT Kiến Thụy", SCHOOL),
        ("Công đoàn Công ty TNHH Giày da Minh Tân", GARMENT),
        ("Công đoàn Trung tâm Y tế huyện Kiến Thụy", HOSPITAL),
    )),
    _upper("HP-TIENLANG", "Liên đoàn Lao động huyện Tiên Lãng", H, "Tiên Lãng", _grassroots(
        "HP-TL",
        ("Công đoàn Trường THCS Tiên Thanh", SCHOOL),
        ("Công đoàn Công ty cổ phần Cơ khí Tiên Lãng", FACTORY),
        ("Công đoàn Trường Mầm non Hùng Thắng", PRESCHOOL),
    )),
    _upper("HP-VINHBAO", "Liên đoàn Lao động huyện Vĩnh Bảo", H, "Vĩnh Bảo", _grassroots(
        "HP-VB",
        ("Công đoàn Trường THPT Vĩnh Bảo", SCHOOL),
        ("Công đoàn Công ty TNHH Chế biến Nông sản Vĩnh Bảo", FACTORY),
    )),
))  # fmt: skip

KIEN_GIANG = _upper("KG", "Liên đoàn Lao động tỉnh Kiên Giang", UnitKind.LDLD_TINH, "Kiên Giang", (
    _upper("KG-RACHGIA", "Liên đoàn Lao động thành phố Rạch Giá", H, "Rạch Giá", _grassroots(
        "KG-RG",
        ("Công đoàn Trường Tiểu học Vĩnh Thanh Vân", SCHOOL),
        ("Công đoàn Ủy ban nhân dân phường Vĩnh Lạc", COMMUNE_OFFICE),
        ("Công đoàn Công ty TNHH Chế biến Thủy sản Rạch Giá", SEAFOOD),
    )),
    _upper("KG-PHUQUOC", "Liên đoàn Lao động thành phố Phú Quốc", H, "Phú Quốc", _grassroots(
        "KG-PQ",
        ("Công đoàn Trường THCS Dương Đông", SCHOOL),
        ("Công đoàn Công ty cổ phần Du lịch Phú Quốc", HOTEL),
        ("Công đoàn Trung tâm Y tế thành phố Phú Quốc", HOSPITAL),
    )),
    _upper("KG-HATIEN", "Liên đoàn Lao động thành phố Hà Tiên", H, "Hà Tiên", _grassroots(
        "KG-HT",
        ("Công đoàn Trường Tiểu học Đông Hồ", SCHOOL),
        ("Công đoàn Ủy ban nhân dân phường Pháo Đài", COMMUNE_OFFICE),
    )),
    _upper("KG-KIENLUONG", "Liên đoàn Lao động huyện Kiên Lương", H, "Kiên Lương", _grassroots(
        "KG-KL",
        ("Công đoàn Công ty cổ phần Xi măng Kiên Lương", FACTORY),
        ("Công đoàn Trường THCS Kiên Lương", SCHOOL),
    )),
    _upper("KG-CHAUTHANH", "Liên đoàn Lao động huyện Châu Thành", H, "Châu Thành", _grassroots(
        "KG-CT",
        ("Công đoàn Trường THCS Minh Lương", SCHOOL),
        ("Công đoàn Trạm Y tế xã Mong Thọ", HEALTH_STATION),
    )),
    _upper("KG-GIAODUC", "Công đoàn ngành Giáo dục tỉnh Kiên Giang", X, "Kiên Giang", _grassroots(
        "KG-GD",
        ("Công đoàn Trường THPT chuyên Huỳnh Mẫn Đạt", SCHOOL),
        ("Công đoàn Trường THPT Nguyễn Trung Trực", SCHOOL),
        ("Công đoàn Trường Cao đẳng Sư phạm Kiên Giang", COLLEGE),
    ), short="CĐN"),
    _upper("KG-YTE", "Công đoàn ngành Y tế tỉnh Kiên Giang", X, "Kiên Giang", _grassroots(
        "KG-YT",
        ("Công đoàn Bệnh viện Đa khoa tỉnh Kiên Giang", HOSPITAL),
        ("Công đoàn Trung tâm Kiểm soát bệnh tật tỉnh Kiên Giang", OFFICE),
        ("Công đoàn Bệnh viện Sản – Nhi Kiên Giang", HOSPITAL),
    ), short="CĐN"),
    _upper("KG-CONGTHUONG", "Công đoàn ngành Công Thương tỉnh Kiên Giang", X, "Kiên Giang",
           _grassroots(
        "KG-CTH",
        ("Công đoàn Công ty Điện lực Kiên Giang", ENGINEERING),
        ("Công đoàn Công ty cổ phần Thương mại Kiên Giang", OFFICE),
    ), short="CĐN"),
    _upper("KG-NONGNGHIEP", "Công đoàn ngành Nông nghiệp và Phát triển nông thôn tỉnh Kiên Giang",
           X, "Kiên Giang", _grassroots(
        "KG-NN",
        ("Công đoàn Chi cục Thủy sản Kiên Giang", OFFICE),
        ("Công đoàn Trung tâm Khuyến nông Kiên Giang", OFFICE),
    ), short="CĐN"),
    _upper("KG-KKT", "Công đoàn các Khu kinh tế tỉnh Kiên Giang", UnitKind.CD_KCN, "Kiên Giang",
           _grassroots(
        "KG-KKT",
        ("Công đoàn Công ty TNHH Chế biến Thủy sản Thạnh Lộc", SEAFOOD),
        ("Công đoàn Công ty TNHH Giày da Kiên Giang", GARMENT),
    ), short="CĐKKT"),
))  # fmt: skip

AN_GIANG = _upper("AG", "Liên đoàn Lao động tỉnh An Giang", UnitKind.LDLD_TINH, "An Giang", (
    _upper("AG-LONGXUYEN", "Liên đoàn Lao động thành phố Long Xuyên", H, "Long Xuyên", _grassroots(
        "AG-LX",
        ("Công đoàn Trường THPT Long Xuyên", SCHOOL),
        ("Công đoàn Công ty cổ phần Xuất nhập khẩu Thủy sản Long Xuyên", SEAFOOD),
    )),
    _upper("AG-CHAUDOC", "Liên đoàn Lao động thành phố Châu Đốc", H, "Châu Đốc", _grassroots(
        "AG-CD",
        ("Công đoàn Trường THCS Châu Đốc", SCHOOL),
        ("Công đoàn Trung tâm Y tế thành phố Châu Đốc", HOSPITAL),
    )),
))  # fmt: skip

DAU_KHI = _upper("DKVN", "Công đoàn Dầu khí Việt Nam", UnitKind.CD_NGANH_TW, "Hà Nội", (
    *_grassroots(
        "DKVN",
        ("Công đoàn Viện Dầu khí Việt Nam", ENGINEERING),
        ("Công đoàn Công ty Điều hành Dầu khí Biển Đông", ENGINEERING),
        ("Công đoàn Trường Cao đẳng Dầu khí", COLLEGE),
    ),
    _upper("DKVN-PVPOWER", "Công đoàn Tổng công ty Điện lực Dầu khí Việt Nam",
           UnitKind.CD_TONG_CONG_TY, "Hà Nội", _grassroots(
        "DKVN-PVP",
        ("Công đoàn Công ty Điện lực Dầu khí Cà Mau", ENGINEERING),
        ("Công đoàn Công ty Điện lực Dầu khí Hà Tĩnh", ENGINEERING),
    ), short="CĐTCT"),
), short="CĐDKVN")  # fmt: skip

TREE = UnitSpec(
    code=ROOT_CODE, name="Tổng Liên đoàn Lao động Việt Nam", workplace=TLD_OFFICE,
    kind=UnitKind.TLD, short_name="TLĐ", place_name="Hà Nội", established_on=dt.date(1929, 7, 28),
    head=False, children=(HAI_PHONG, KIEN_GIANG, AN_GIANG, DAU_KHI),
)  # fmt: skip

# Commune unions created by the 2025 restructure, and the An Lão grassroots unions each takes.
COMMUNES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("HP-XA-ANLAO", "Công đoàn xã An Lão",
     ("HP-AL-01", "HP-AL-03", "HP-AL-05", "HP-AL-06", "HP-AL-09", "HP-AL-12")),
    ("HP-XA-ANTRUONG", "Công đoàn xã An Trường",
     ("HP-AL-02", "HP-AL-04", "HP-AL-07", "HP-AL-08", "HP-AL-10", "HP-AL-11")),
)  # fmt: skip
COMMUNE_OFFICE_STAFF = Workplace(
    female_share=0.5,
    head=_head("Chủ tịch"),
    jobs=(Job("Phó Chủ tịch", 1, (E.DAI_HOC,), manager=True),),
)


# ---------------------------------------------------------------------------------------------
# People with fixed names: the seed's signer and the people behind the demo logins


@dataclass(frozen=True)
class NamedPerson:
    unit_code: str
    full_name: str
    gender: str
    position: str
    education: str
    date_of_birth: dt.date
    manager: bool


NAMED_PEOPLE = (
    NamedPerson("HP", "Đỗ Văn Thành", Gender.MALE, "Chủ tịch", E.THAC_SI, dt.date(1970, 3, 14),
                True),
    NamedPerson("HP", "Vũ Thị Thu Hà", Gender.FEMALE,
                "Chuyên viên Ban Tuyên giáo, phụ trách thi đua – khen thưởng", E.DAI_HOC,
                dt.date(1985, 9, 2), False),
    NamedPerson("HP", "Lê Thị Hồng Nhung", Gender.FEMALE, "Trưởng Ban Chính sách – Pháp luật",
                E.THAC_SI, dt.date(1978, 11, 20), True),
    # The signer of Kế hoạch 35/KH-LĐLĐ; her date of birth is invented.
    NamedPerson("HP-ANLAO", "Phạm Thị Nga", Gender.FEMALE, "Chủ tịch", E.DAI_HOC,
                dt.date(1972, 5, 10), True),
    NamedPerson("HP-AL-01", "Bùi Văn Toàn", Gender.MALE, GRASSROOTS_CHAIR, E.CAO_DANG,
                dt.date(1981, 7, 28), True),
    NamedPerson("HP-XA-ANLAO", "Nguyễn Thị Thanh Huyền", Gender.FEMALE,
                "Phó Chủ tịch, phụ trách thi đua – khen thưởng", E.DAI_HOC, dt.date(1987, 4, 15),
                True),
    NamedPerson("AG", "Huỳnh Thị Mỹ Linh", Gender.FEMALE,
                "Chuyên viên Ban Tuyên giáo, phụ trách thi đua – khen thưởng", E.DAI_HOC,
                dt.date(1988, 12, 3), False),
    NamedPerson("AG", "Dương Văn Phúc", Gender.MALE, "Chuyên viên Văn phòng", E.DAI_HOC,
                dt.date(1991, 6, 21), False),
)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Logins: one per role, each on a unit that exists today, so every dashboard has something


@dataclass(frozen=True)
class LoginSpec:
    username: str
    role: str
    unit_code: str
    full_name: str
    can_do: str
    person_name: str = ""  # a NamedPerson on the same unit
    superuser: bool = False


LOGINS = (
    LoginSpec(
        "quantri", Role.ADMIN, ROOT_CODE, "Quản trị hệ thống",
        "Toàn quyền trên cả nước: đơn vị, người, tài khoản và vai trò, nhật ký; "
        "cũng vào được trang quản trị Django.",
        superuser=True,
    ),
    LoginSpec(
        "thidua_hp", Role.OFFICER, "HP", "Vũ Thị Thu Hà",
        "Xem, thêm, sửa đơn vị và người của LĐLĐ Hải Phòng; chuyển, sáp nhập, giải thể đơn vị "
        "cấp dưới; nhập, xuất Excel; xem số CCCD.",
        person_name="Vũ Thị Thu Hà",
    ),
    LoginSpec(
        "thidua_anlao", Role.OFFICER, "HP-XA-ANLAO", "Nguyễn Thị Thanh Huyền",
        "Như cán bộ thi đua, trong phạm vi Công đoàn xã An Lão (nơi nhận các công đoàn cơ sở của "
        "LĐLĐ huyện An Lão từ 01/07/2025).",
        person_name="Nguyễn Thị Thanh Huyền",
    ),
    LoginSpec(
        "thidua_ag", Role.OFFICER, "AG", "Huỳnh Thị Mỹ Linh",
        "Như cán bộ thi đua, trong phạm vi LĐLĐ An Giang (gồm cả các đơn vị của Kiên Giang "
        "từ 01/07/2025).",
        person_name="Huỳnh Thị Mỹ Linh",
    ),
    LoginSpec(
        "lanhdao_hp", Role.LEADER, "HP", "Đỗ Văn Thành",
        "Xem, xuất Excel cây tổ chức và danh sách người của LĐLĐ Hải Phòng (lãnh đạo, người ký "
        "văn bản).",
        person_name="Đỗ Văn Thành",
    ),
    LoginSpec(
        "cdcs_cokhi", Role.GRASSROOTS, "HP-AL-01", "Bùi Văn Toàn",
        "Xem công đoàn cơ sở của mình; thêm, sửa đoàn viên; nhập, xuất Excel danh sách người.",
        person_name="Bùi Văn Toàn",
    ),
    LoginSpec(
        "hoidong", Role.COUNCIL, "HP", "Lê Thị Hồng Nhung",
        "Thành viên hội đồng xét duyệt: xem cây tổ chức của LĐLĐ Hải Phòng.",
        person_name="Lê Thị Hồng Nhung",
    ),
    LoginSpec(
        "xem", Role.VIEWER, "AG", "Dương Văn Phúc",
        "Chỉ xem, xuất Excel cây tổ chức và danh sách người của LĐLĐ An Giang; không sửa được gì.",
        person_name="Dương Văn Phúc",
    ),
)  # fmt: skip
DEMO_USERNAMES = tuple(login.username for login in LOGINS)


# ---------------------------------------------------------------------------------------------
# Vietnamese names. Family-name weights follow the commonly cited national shares (Nguyễn ~38%,
# Trần ~11%, Lê ~9.5%, …); the North writes Hoàng, Vũ where the South writes Huỳnh, Võ.

_FAMILY_COMMON = (
    ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 71), ("Phan", 45), ("Đặng", 21),
    ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đào", 5),
    ("Mai", 4), ("Cao", 3), ("Lương", 3),
)  # fmt: skip
FAMILY = {
    "north": (*_FAMILY_COMMON, ("Hoàng", 51), ("Vũ", 39), ("Đinh", 6), ("Trịnh", 4), ("Tạ", 2)),
    "south": (*_FAMILY_COMMON, ("Huỳnh", 51), ("Võ", 39), ("Trương", 6), ("Lâm", 4), ("Châu", 2)),
}
MIDDLE: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {
    ("north", Gender.MALE): (
        ("Văn", 40), ("Đức", 10), ("Minh", 10), ("Quang", 7), ("Hữu", 7), ("Đình", 5),
        ("Xuân", 5), ("Công", 5), ("Thanh", 5), ("Mạnh", 4), ("Ngọc", 4), ("Tiến", 3),
        ("Trọng", 3), ("Quốc", 3),
    ),
    ("south", Gender.MALE): (
        ("Văn", 40), ("Minh", 10), ("Thanh", 8), ("Quốc", 8), ("Hoàng", 6), ("Hữu", 6),
        ("Tấn", 6), ("Ngọc", 5), ("Trung", 4), ("Phước", 3), ("Công", 3), ("Duy", 3),
    ),
    ("north", Gender.FEMALE): (
        ("Thị", 55), ("Thu", 6), ("Thanh", 6), ("Ngọc", 5), ("Minh", 4), ("Hồng", 4), ("Thùy", 4),
        ("Phương", 3), ("Bích", 3), ("Hải", 2),
    ),
    ("south", Gender.FEMALE): (
        ("Thị", 50), ("Ngọc", 8), ("Kim", 6), ("Thanh", 6), ("Mỹ", 5), ("Thu", 4), ("Hồng", 4),
        ("Bích", 3), ("Phương", 3), ("Thùy", 3),
    ),
}  # fmt: skip
SECOND_MIDDLE = ("Thu", "Thanh", "Hồng", "Kim", "Ngọc", "Minh", "Thúy", "Mai")  # "Thị Thu Hà"
GIVEN: dict[tuple[str, str], tuple[str, ...]] = {
    ("north", Gender.MALE): (
        "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng",
        "Huy", "Hưng", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Mạnh", "Minh", "Nam", "Nghĩa",
        "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn",
        "Trung", "Tuấn", "Tùng", "Việt", "Vinh",
    ),
    ("south", Gender.MALE): (
        "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hậu", "Hiếu", "Hòa", "Hùng", "Huy",
        "Khải", "Khang", "Khoa", "Lộc", "Long", "Minh", "Nam", "Nhân", "Phát", "Phong", "Phước",
        "Quân", "Sang", "Tài", "Tâm", "Thiện", "Thịnh", "Tín", "Toàn", "Trí", "Trung", "Tuấn",
        "Vinh",
    ),
    ("north", Gender.FEMALE): (
        "Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huệ",
        "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhàn", "Nhung",
        "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thoa", "Thủy", "Trang", "Tuyết", "Vân",
        "Xuân", "Yến",
    ),
    ("south", Gender.FEMALE): (
        "Anh", "Diễm", "Dung", "Giang", "Hà", "Hằng", "Hiền", "Hoa", "Hương", "Kiều", "Lan",
        "Linh", "Loan", "Mai", "Ngân", "Ngọc", "Nhi", "Như", "Oanh", "Phương", "Quyên", "Tâm",
        "Thảo", "Thư", "Thủy", "Tiên", "Trang", "Trinh", "Tuyết", "Vân", "Yến",
    ),
}  # fmt: skip
# Top-level unit -> (naming region, CCCD province code: Hà Nội 001, Hải Phòng 031,
# An Giang 089, Kiên Giang 091).
REGIONS = {
    ROOT_CODE: ("north", "001"), "HP": ("north", "031"), "KG": ("south", "091"),
    "AG": ("south", "089"), "DKVN": ("north", "001"),
}  # fmt: skip
PHONE_PREFIXES = ("090", "091", "093", "094", "096", "097", "098")


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in weighted], [weight for _, weight in weighted])[0]


def random_full_name(rng: random.Random, *, region: str, gender: str) -> str:
    family = _pick(rng, FAMILY[region])
    middle = _pick(rng, MIDDLE[(region, gender)])
    if middle == "Thị" and rng.random() < 0.25:
        middle = f"Thị {rng.choice(SECOND_MIDDLE)}"
    given = rng.choice(GIVEN[(region, gender)])
    while given in middle.split():
        given = rng.choice(GIVEN[(region, gender)])
    return f"{family} {middle} {given}"


def _day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


# ---------------------------------------------------------------------------------------------
# Loading


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    role_label: str
    unit_name: str
    full_name: str
    can_do: str


@dataclass
class DemoResult:
    created: bool
    units: int = 0
    people: int = 0
    logins: list[DemoLogin] = field(default_factory=list)


@dataclass
class _Loader:
    rng: random.Random
    out: _Writer | None
    units: dict[str, Unit] = field(default_factory=dict)
    specs: dict[str, UnitSpec] = field(default_factory=dict)
    region_of: dict[str, str] = field(default_factory=dict)  # unit code -> top-level code
    named: dict[tuple[str, str], Person] = field(default_factory=dict)  # (unit code, name)
    people_created: int = 0

    def say(self, text: str) -> None:
        if self.out is not None:
            self.out.write(text)

    def create_tree(self, spec: UnitSpec, parent: UnitSpec | None, top: str) -> None:
        established = spec.established_on or _day_between(
            self.rng, dt.date(2001, 1, 1), dt.date(2023, 12, 31)
        )
        self.units[spec.code] = services.unit_create(
            actor=None,
            code=spec.code,
            name=spec.name,
            kind=spec.kind,
            parent=self.units[parent.code] if parent else None,
            established_on=established,
            short_name=spec.short_name,
            place_name=spec.place_name or (parent.place_name if parent else ""),
        )
        self.specs[spec.code] = spec
        self.region_of[spec.code] = top
        for child in spec.children:
            # The parent's place stands in for a grassroots union's own (a school in An Lão
            # dates its documents "An Lão, ngày …").
            placed = child if child.place_name else replace(child, place_name=spec.place_name)
            self.create_tree(placed, spec, child.code if spec.code == ROOT_CODE else top)

    def create_people_for(self, code: str) -> None:
        spec = self.specs[code]
        unit = self.units[code]
        named = [person for person in NAMED_PEOPLE if person.unit_code == code]
        for person in named:
            self.add_person(
                unit_code=code,
                full_name=person.full_name,
                gender=person.gender,
                position=person.position,
                education=person.education,
                date_of_birth=person.date_of_birth,
                manager=person.manager,
            )
        taken = {person.position for person in named}
        workplace = spec.workplace
        jobs: list[Job] = []
        if unit.is_grassroots and GRASSROOTS_CHAIR not in taken:
            jobs.append(Job(GRASSROOTS_CHAIR, 1, workplace.chair_education, manager=True))
        if spec.head and workplace.head.title not in taken:
            jobs.append(workplace.head)
        extra = self.rng.randint(3, 5) if unit.is_grassroots else self.rng.randint(1, 2)
        weights = [job.weight for job in workplace.jobs]
        jobs += self.rng.choices(workplace.jobs, weights, k=extra)
        region = REGIONS[self.region_of[code]][0]
        for job in jobs:
            share = workplace.female_share if job.female_share is None else job.female_share
            gender = Gender.FEMALE if self.rng.random() < share else Gender.MALE
            born_from = dt.date(1965, 1, 1)
            born_to = dt.date(1985, 12, 31) if job.manager else dt.date(2002, 12, 31)
            self.add_person(
                unit_code=code,
                full_name=random_full_name(self.rng, region=region, gender=gender),
                gender=gender,
                position=job.title,
                education=self.rng.choice(job.education),
                date_of_birth=_day_between(self.rng, born_from, born_to),
                manager=job.manager,
            )

    def add_person(
        self,
        *,
        unit_code: str,
        full_name: str,
        gender: str,
        position: str,
        education: str,
        date_of_birth: dt.date,
        manager: bool,
    ) -> None:
        if manager:
            category = MemberCategory.MANAGER
        elif education in UNIVERSITY:
            category = MemberCategory.PROFESSIONAL
        else:
            category = MemberCategory.WORKER
        phone = ""
        if self.rng.random() < 0.8:
            phone = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"
        email = ""
        if self.rng.random() < 0.15:
            email = _email_for(full_name, self.rng.randrange(100))
        id_number = ""
        if self.rng.random() < 0.4:
            province = REGIONS[self.region_of[unit_code]][1]
            century = 0 if date_of_birth.year < 2000 else 2
            sex = 0 if gender == Gender.MALE else 1
            id_number = (
                f"{province}{century + sex}{date_of_birth.year % 100:02d}"
                f"{self.rng.randrange(10**6):06d}"
            )
        person = services.person_create(
            actor=None,
            data={
                "full_name": full_name,
                "gender": gender,
                "date_of_birth": date_of_birth,
                "position": position,
                "unit": self.units[unit_code],
                "education_level": education,
                "member_category": category,
                "phone": phone,
                "email": email,
                "id_number": id_number,
            },
        )
        self.people_created += 1
        if any(p.unit_code == unit_code and p.full_name == full_name for p in NAMED_PEOPLE):
            self.named[(unit_code, full_name)] = person

    def restructure_2025(self) -> None:
        hai_phong = self.units["HP"]
        for code, name, moved in COMMUNES:
            self.units[code] = services.unit_create(
                actor=None,
                code=code,
                name=name,
                kind=UnitKind.CD_XA_PHUONG,
                parent=hai_phong,
                established_on=RESTRUCTURE_ON,
                short_name="CĐX",
                place_name=name.split("xã ")[-1],
            )
            self.specs[code] = UnitSpec(code=code, name=name, workplace=COMMUNE_OFFICE_STAFF)
            self.region_of[code] = "HP"
            for grassroots in moved:
                services.unit_move(
                    actor=None,
                    unit=self.units[grassroots],
                    new_parent=self.units[code],
                    effective_on=RESTRUCTURE_ON,
                    reason=MOVE_REASON,
                )
        services.unit_dissolve(
            actor=None,
            unit=self.units["HP-ANLAO"],
            effective_on=RESTRUCTURE_ON,
            reason=DISSOLVE_REASON,
        )
        services.unit_merge(
            actor=None,
            unit=self.units["KG"],
            into=self.units["AG"],
            effective_on=RESTRUCTURE_ON,
            reason=MERGE_REASON,
        )

    def create_logins(self) -> None:
        for login in LOGINS:
            person = self.named.get((login.unit_code, login.person_name))
            user = services.user_create(
                actor=None,
                username=login.username,
                full_name=login.full_name,
                email=f"{login.username}@example.vn",
                password=DEMO_PASSWORD,
                person=person,
            )
            if login.superuser:
                # No service grants superuser: it is an operator's act, not an app feature.
                user.is_superuser = user.is_staff = True
                user.save(update_fields=["is_superuser", "is_staff"])
                audit_record(
                    actor=None,
                    action="user_update",
                    obj=user,
                    changes={"is_superuser": [False, True], "is_staff": [False, True]},
                )
            services.membership_add(
                actor=None, user=user, unit=self.units[login.unit_code], role=login.role
            )


def _walk(spec: UnitSpec) -> Iterator[UnitSpec]:
    yield spec
    for child in spec.children:
        yield from _walk(child)


def _email_for(full_name: str, number: int) -> str:
    """'Nguyễn Văn Hùng' -> 'hungnv07@example.vn', the usual Vietnamese office pattern."""
    words = fold(full_name).split()
    return f"{words[-1]}{''.join(word[0] for word in words[:-1])}{number:02d}@example.vn"


def demo_logins() -> list[DemoLogin]:
    """The demo logins that exist in the database, in the order of LOGINS."""
    memberships = {
        (m.user.username, m.role): m
        for m in Membership.objects.filter(user__username__in=DEMO_USERNAMES).select_related(
            "user", "unit"
        )
    }
    rows = []
    for login in LOGINS:
        membership = memberships.get((login.username, login.role))
        if membership is None:
            continue
        label = Role(login.role).label + (" (siêu quản trị)" if login.superuser else "")
        rows.append(
            DemoLogin(
                username=login.username,
                password=DEMO_PASSWORD,
                role=login.role,
                role_label=label,
                unit_name=membership.unit.name,
                full_name=membership.user.full_name,
                can_do=login.can_do,
            )
        )
    return rows


def demo_wipe() -> None:
    """Delete every unit, placement, person and membership, the demo accounts, and the audit
    entries about the organisation. Only for `thidua demo --reset`: it destroys real data."""
    Membership.objects.all().delete()
    User.objects.filter(username__in=DEMO_USERNAMES).delete()
    Person.objects.all().delete()
    UnitPlacement.objects.all().delete()
    Unit.objects.exclude(merged_into=None).update(merged_into=None)
    Unit.objects.all().delete()
    AuditEntry.objects.filter(object_type__startswith="orgs.").delete()


@transaction.atomic
def load_demo(*, stdout: _Writer | None = None, reset: bool = False) -> DemoResult:
    """Build the demo tree, people and logins; do nothing if the root (code TLD) exists.

    Side effects: 77 units, about 380 people, 8 accounts, their audit entries, and the 2025
    restructure (placements closed and opened, one unit dissolved, one merged). With
    `reset`, `demo_wipe()` runs first.
    """
    if reset:
        demo_wipe()
    if Unit.objects.filter(code=ROOT_CODE).exists():
        return DemoResult(
            created=False,
            units=Unit.objects.count(),
            people=Person.objects.count(),
            logins=demo_logins(),
        )
    loader = _Loader(rng=random.Random(DEMO_SEED), out=stdout)
    loader.say("Tạo cây tổ chức như năm 2024…")
    loader.create_tree(TREE, None, ROOT_CODE)
    loader.say("Tạo người…")
    for spec in _walk(TREE):
        loader.create_people_for(spec.code)
    loader.say("Sắp xếp tổ chức từ 01/07/2025: An Lão giải thể, Kiên Giang sáp nhập vào An Giang…")
    loader.restructure_2025()
    for code, _, _ in COMMUNES:
        loader.create_people_for(code)
    loader.say("Tạo tài khoản…")
    loader.create_logins()
    return DemoResult(
        created=True, units=len(loader.units), people=loader.people_created, logins=demo_logins()
    )
