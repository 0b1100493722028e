"""The unit tree of 2024, the 2025 restructure, the seed's named people and the logins."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from thidua.orgs.demo.workplaces import (
    BANK,
    COLLEGE,
    COMMUNE_OFFICE,
    ENGINEERING,
    FACTORY,
    GARMENT,
    HEALTH_STATION,
    HOSPITAL,
    HOTEL,
    OFFICE,
    PRESCHOOL,
    ROOT_CODE,
    SCHOOL,
    SEAFOOD,
    TLD_OFFICE,
    UNION_OFFICE,
    UPPER_ESTABLISHED,
    E,
    Job,
    Workplace,
    _head,
)
from thidua.orgs.enums import Gender, Role, UnitKind

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
    # The Kiên Giang council's secretary in 2021; with LĐLĐ tỉnh Kiên Giang's people she moves
    # to An Giang on the merge.
    NamedPerson("KG", "Phan Thị Thu Thảo", Gender.FEMALE,
                "Chuyên viên Ban Tuyên giáo, phụ trách thi đua – khen thưởng", E.DAI_HOC,
                dt.date(1986, 8, 19), False),
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
    person_name: str = ""  # a NamedPerson
    person_unit: str = ""  # the NamedPerson's unit when created, if not unit_code
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
        "cấp dưới; nhập, xuất Excel; xem số CCCD. Khen thưởng: điều hành đợt xét năm 2026 của "
        "thành phố (thẩm định, trả lại hồ sơ, xét ngoại lệ, lập quyết định) và giữ hồ sơ của "
        "LĐLĐ huyện An Lão đã giải thể (đợt xét năm 2023, Quyết định 52/QĐ-LĐLĐ).",
        person_name="Vũ Thị Thu Hà",
    ),
    LoginSpec(
        "thidua_anlao", Role.OFFICER, "HP-XA-ANLAO", "Nguyễn Thị Thanh Huyền",
        "Như cán bộ thi đua, trong phạm vi Công đoàn xã An Lão (nơi nhận các công đoàn cơ sở của "
        "LĐLĐ huyện An Lão từ 01/07/2025); xem hồ sơ đề nghị khen thưởng và khen thưởng của "
        "các công đoàn cơ sở trong xã.",
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
        "văn bản); ký, cấp số quyết định khen thưởng của LĐLĐ Hải Phòng; xem các đợt xét, quyết "
        "định khen thưởng của LĐLĐ huyện An Lão đã giải thể.",
        person_name="Đỗ Văn Thành",
    ),
    LoginSpec(
        "cdcs_cokhi", Role.GRASSROOTS, "HP-AL-01", "Bùi Văn Toàn",
        "Xem công đoàn cơ sở của mình; thêm, sửa đoàn viên; nhập, xuất Excel danh sách người. "
        "Khen thưởng: lập, đính kèm tài liệu và nộp hồ sơ đề nghị (đợt xét năm 2026 của Hải "
        "Phòng: 2 hồ sơ đang soạn, 1 đã nộp); xem khen thưởng của đoàn viên qua các năm.",
        person_name="Bùi Văn Toàn",
    ),
    LoginSpec(
        "hoidong", Role.COUNCIL, "HP", "Lê Thị Hồng Nhung",
        "Ủy viên Hội đồng xét chọn sáng kiến của LĐLĐ Hải Phòng (2026): chấm các sáng kiến được "
        "phân công (“Nộp và chấm tiếp”), khai báo xung đột lợi ích; xem cây tổ chức của LĐLĐ "
        "Hải Phòng.",
        person_name="Lê Thị Hồng Nhung",
    ),
    LoginSpec(
        "thuky_kg", Role.COUNCIL, "AG", "Phan Thị Thu Thảo",
        "Thư ký Hội đồng xét duyệt sáng kiến cấp tỉnh Kiên Giang (2021, 7 thành viên, gần 1.000 "
        "sáng kiến đã chấm): xem xếp hạng, độ lệch người chấm, lý do chọn hay không chọn từng "
        "sáng kiến; sửa đề xuất dự kiến và ghi biểu quyết.",
        person_name="Phan Thị Thu Thảo",
        person_unit="KG",
    ),
    LoginSpec(
        "xem", Role.VIEWER, "AG", "Dương Văn Phúc",
        "Chỉ xem, xuất Excel cây tổ chức và danh sách người của LĐLĐ An Giang; không sửa được gì.",
        person_name="Dương Văn Phúc",
    ),
)  # fmt: skip
DEMO_USERNAMES = tuple(login.username for login in LOGINS)
